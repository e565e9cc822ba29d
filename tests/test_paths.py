"""Resource lookup (checkout, wheel layout, frozen layout) and the data folder incl. portable mode."""

import json
import sys
from pathlib import Path

import pytest

from dangzhibu_desktop import paths

REPO = Path(__file__).resolve().parent.parent


# --- resource_path -------------------------------------------------------------------------

def test_checkout_finds_the_rule_set_and_icons():
    rules = paths.resource_path("rules/default.json")
    assert rules == REPO / "resources" / "rules" / "default.json"
    json.loads(rules.read_text(encoding="utf-8"))  # the real file, readable
    assert paths.resource_path("icons/app.svg").read_text(encoding="utf-8").lstrip().startswith("<svg")


def test_backslashes_are_accepted():
    assert paths.resource_path("icons\\app.svg") == paths.resource_path("icons/app.svg")


@pytest.mark.parametrize("bad", ["../pyproject.toml", "rules/../../pyproject.toml", "/etc/passwd",
                                 "C:/Windows/win.ini", "C:pyproject.toml", ""])
def test_paths_that_leave_the_resources_are_refused(bad):
    with pytest.raises(ValueError):
        paths.resource_path(bad)


def test_missing_resource_raises():
    with pytest.raises(FileNotFoundError):
        paths.resource_path("rules/no-such-rule-set.json")


def _fake_package(root: Path) -> Path:
    pkg = root / "dangzhibu_desktop"
    (pkg / "resources" / "rules").mkdir(parents=True)
    (pkg / "resources" / "rules" / "default.json").write_text('{"where": "inside"}', encoding="utf-8")
    return pkg


def test_installed_wheel_layout_uses_the_package_copy_and_ignores_site_packages(tmp_path, monkeypatch):
    site = tmp_path / "site-packages"
    pkg = _fake_package(site)
    # Another distribution's top-level "resources" folder in site-packages must not be used.
    (site / "resources" / "rules").mkdir(parents=True)
    (site / "resources" / "rules" / "stray.json").write_text("{}", encoding="utf-8")
    monkeypatch.setattr(paths, "PACKAGE_DIR", pkg)
    assert paths.resource_path("rules/default.json") == pkg / "resources" / "rules" / "default.json"
    with pytest.raises(FileNotFoundError):
        paths.resource_path("rules/stray.json")
    assert paths.resources_dir() == pkg / "resources"


def test_frozen_layout_finds_resources_inside_the_bundle(tmp_path, monkeypatch):
    app = tmp_path / "dangzhibu-desktop"
    pkg = _fake_package(app / "_internal")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(app / "dangzhibu-desktop"))
    monkeypatch.setattr(paths, "PACKAGE_DIR", pkg)
    found = paths.resource_path("rules/default.json")
    assert found == pkg / "resources" / "rules" / "default.json"
    assert json.loads(found.read_text(encoding="utf-8")) == {"where": "inside"}


def test_checkout_layout_is_used_only_beside_pyproject(tmp_path, monkeypatch):
    checkout = tmp_path / "checkout"
    pkg = checkout / "dangzhibu_desktop"
    pkg.mkdir(parents=True)
    (checkout / "resources" / "icons").mkdir(parents=True)
    (checkout / "resources" / "icons" / "x.svg").write_text("<svg/>", encoding="utf-8")
    monkeypatch.setattr(paths, "PACKAGE_DIR", pkg)
    with pytest.raises(FileNotFoundError):
        paths.resource_path("icons/x.svg")
    (checkout / "pyproject.toml").write_text("", encoding="utf-8")
    assert paths.resource_path("icons/x.svg") == checkout / "resources" / "icons" / "x.svg"


# --- data folder, portable mode, settings ------------------------------------------------------

@pytest.fixture
def frozen_app(tmp_path, monkeypatch):
    """A fake frozen build folder; DANGZHIBU_DATA_DIR (set for every test) removed."""
    app = tmp_path / "U盘" / "dangzhibu-desktop"
    app.mkdir(parents=True)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(app / "dangzhibu-desktop"))
    monkeypatch.delenv("DANGZHIBU_DATA_DIR", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "home" / "xdg"))
    monkeypatch.setenv("APPDATA", str(tmp_path / "home" / "AppData" / "Roaming"))
    return app


@pytest.mark.parametrize("marker", ["portable", "portable.txt"])
def test_portable_marker_keeps_ledger_backups_and_settings_beside_the_executable(frozen_app, marker):
    (frozen_app / marker).write_text("", encoding="utf-8")
    assert paths.is_portable()
    data = frozen_app / "data"
    assert paths.user_data_dir() == data and data.is_dir()
    assert paths.default_ledger_path() == data / "台账.sqlite"
    assert paths.demo_ledger_path() == data / "示例台账.sqlite"
    assert paths.settings_path() == data / "settings.ini"
    from dangzhibu_desktop.ledger.backup import default_backup_dir

    assert default_backup_dir(paths.default_ledger_path()).parent == data


def test_without_marker_the_frozen_build_uses_the_per_user_folder(frozen_app, tmp_path):
    assert not paths.is_portable()
    if sys.platform.startswith("linux"):
        assert paths.user_data_dir() == tmp_path / "home" / "xdg" / "dangzhibu-desktop"
    assert not (frozen_app / "data").exists()
    assert paths.settings_path().parent == paths.user_data_dir()


def test_a_folder_named_portable_is_not_a_marker(frozen_app):
    (frozen_app / "portable").mkdir()
    assert not paths.is_portable()


def test_data_dir_override_beats_portable(frozen_app, tmp_path, monkeypatch):
    (frozen_app / "portable").write_text("", encoding="utf-8")
    monkeypatch.setenv("DANGZHIBU_DATA_DIR", str(tmp_path / "override"))
    assert paths.user_data_dir() == tmp_path / "override"
    assert paths.settings_path() == tmp_path / "override" / "settings.ini"


def test_running_from_source_is_never_portable(tmp_path, monkeypatch):
    monkeypatch.delattr(sys, "frozen", raising=False)
    monkeypatch.setattr(paths, "PACKAGE_DIR", tmp_path)
    (tmp_path / "portable").write_text("", encoding="utf-8")
    assert paths.app_base_dir() == tmp_path
    assert not paths.is_portable()


def test_settings_path_is_in_the_test_data_dir():
    # conftest points DANGZHIBU_DATA_DIR at a temp folder: the window's settings land there.
    assert paths.settings_path().parent == paths.user_data_dir()
    assert paths.settings_path().name == "settings.ini"
