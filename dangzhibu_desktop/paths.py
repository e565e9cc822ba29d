"""Where things live: bundled resources, the user's data folder, portable mode.

One lookup serves the checkout, an installed wheel and the frozen (PyInstaller) build:
the wheel installs the top-level ``resources/`` as ``dangzhibu_desktop/resources`` (see
``setup.py``) and the frozen build puts it at the same place inside its bundle
(``packaging/dangzhibu.spec``), so both find it beside this module; a checkout finds it one
level up.

Data folder, most specific first: ``DANGZHIBU_DATA_DIR`` (tests, power users); portable mode
(a file named ``portable`` beside the executable: everything in ``data/`` beside it, for a USB
stick); otherwise the per-user folder (``%APPDATA%\\dangzhibu-desktop`` on Windows), which the
installer never deletes.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path, PurePosixPath

PACKAGE_DIR = Path(__file__).resolve().parent
APP_DIR_NAME = "dangzhibu-desktop"
RESOURCES_DIR_NAME = "resources"
# Windows Explorer hides extensions, so a "portable" made there is usually "portable.txt".
PORTABLE_MARKERS = ("portable", "portable.txt")
PORTABLE_DATA_DIR_NAME = "data"
SETTINGS_FILE_NAME = "settings.ini"


def on_windows() -> bool:
    """The one test of the OS for Windows-only code paths (the lock, network drives, font and
    data folders): tests replace it to run those paths here with the OS layer stubbed."""
    return os.name == "nt"


def _resource_roots() -> list[Path]:
    # Wheel and frozen build: resources/ sits inside the package.
    roots = [PACKAGE_DIR / RESOURCES_DIR_NAME]
    # Checkout (also an editable install). Only when the parent really is our source tree:
    # for an installed wheel the parent is site-packages, whose "resources" belongs to nobody.
    checkout = PACKAGE_DIR.parent
    if (checkout / "pyproject.toml").is_file():
        roots.append(checkout / RESOURCES_DIR_NAME)
    return roots


def resource_path(relative: str) -> Path:
    """Absolute path of a bundled resource, e.g. ``resource_path("rules/default.json")``.

    Raises:
        ValueError: for absolute paths or paths that climb out with ``..``.
        FileNotFoundError: when no root holds the resource.
    """
    rel = PurePosixPath(relative.replace("\\", "/"))
    if not rel.parts or rel.is_absolute() or ".." in rel.parts or ":" in rel.parts[0]:
        raise ValueError(f"resource paths must be relative and stay inside: {relative!r}")
    for root in _resource_roots():
        candidate = root.joinpath(*rel.parts)
        if candidate.exists():
            return candidate
    raise FileNotFoundError(f"resource not found: {relative}")


def resources_dir() -> Path:
    """The folder that holds the bundled resources (the first root that exists)."""
    for root in _resource_roots():
        if root.is_dir():
            return root
    raise FileNotFoundError("resources folder not found")


def is_frozen() -> bool:
    """True inside the PyInstaller build."""
    return bool(getattr(sys, "frozen", False))


def app_base_dir() -> Path:
    """Folder of the executable (frozen) or of the package (from source)."""
    if is_frozen():
        return Path(sys.executable).resolve().parent
    return PACKAGE_DIR


def is_portable() -> bool:
    """A file named ``portable`` (or ``portable.txt``) beside the executable keeps all data beside it.

    Only the frozen build is ever portable: from source the data folder is the usual one.
    """
    if not is_frozen():
        return False
    base = app_base_dir()
    return any((base / name).is_file() for name in PORTABLE_MARKERS)


def user_data_dir() -> Path:
    """Folder for ledgers, their backups and settings (created on demand).

    ``DANGZHIBU_DATA_DIR`` overrides it; portable mode uses ``data/`` beside the executable.
    """
    override = os.environ.get("DANGZHIBU_DATA_DIR")
    if override:
        path = Path(override)
    elif is_portable():
        path = app_base_dir() / PORTABLE_DATA_DIR_NAME
    elif on_windows():
        path = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming") / APP_DIR_NAME
    elif sys.platform == "darwin":
        path = Path.home() / "Library" / "Application Support" / APP_DIR_NAME
    else:
        path = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share") / APP_DIR_NAME
    path.mkdir(parents=True, exist_ok=True)
    return path


def settings_path() -> Path:
    """The window's settings file, for ``QSettings(str(path), QSettings.IniFormat)``.

    Always an .ini in the data folder (never the Windows registry), so a portable copy carries
    its settings and uninstalling keeps them with the ledgers.
    """
    return user_data_dir() / SETTINGS_FILE_NAME


def default_ledger_path() -> Path:
    return user_data_dir() / "台账.sqlite"


def demo_ledger_path() -> Path:
    return user_data_dir() / "示例台账.sqlite"
