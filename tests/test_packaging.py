"""Packaging: one version everywhere, what the frozen build keeps, the installer script, the wheel.

The PyInstaller build itself is not run here (minutes); ``packaging/smoke_test.py`` tests it.
"""

import ast
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import dangzhibu_desktop
from dangzhibu_desktop.cli import main

REPO = Path(__file__).resolve().parent.parent
PACKAGING = REPO / "packaging"


def _load(name):
    """packaging/<name>.py under a private module name ("build" would clash with PyPA's build)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(f"_packaging_{name}", PACKAGING / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


bi = _load("buildinfo")
build_script = _load("build")
smoke_test = _load("smoke_test")

ISS = PACKAGING / "windows" / "dangzhibu.iss"


# --- one version ----------------------------------------------------------------------------

def test_version_is_read_from_the_package_without_importing_it():
    assert bi.read_version() == dangzhibu_desktop.__version__


def test_read_version_refuses_a_file_without_version(tmp_path):
    init = tmp_path / "__init__.py"
    init.write_text('APP_NAME = "x"\n', encoding="utf-8")
    with pytest.raises(ValueError):
        bi.read_version(init)
    init.write_text('__version__ = "2.3.4"\n', encoding="utf-8")
    assert bi.read_version(init) == "2.3.4"


def test_pyproject_takes_its_version_from_the_package():
    tomllib = pytest.importorskip("tomllib")  # Python 3.11+
    meta = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" in meta["project"]["dynamic"]
    assert meta["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "dangzhibu_desktop.__version__"}


def test_cli_version_flag(capsys):
    assert main(["--version"]) == 0
    assert dangzhibu_desktop.__version__ in capsys.readouterr().out


@pytest.mark.parametrize("text, expected", [
    ("0.1.0", (0, 1, 0, 0)), ("1.2", (1, 2, 0, 0)), ("2.10.3.7", (2, 10, 3, 7)),
    ("1.0.0rc1", (1, 0, 0, 0)), ("3.1.4.dev2", (3, 1, 4, 0)),
])
def test_windows_version_numbers(text, expected):
    assert bi.version_tuple(text) == expected


@pytest.mark.parametrize("bad", ["", "v1.0", "1.70000"])
def test_bad_versions_are_refused(bad):
    with pytest.raises(ValueError):
        bi.version_tuple(bad)


def _eval_version_file(text):
    """Evaluate the version file the way PyInstaller does, with recording stand-ins."""
    def record(kind):
        return lambda *args, **kwargs: {"kind": kind, "args": args, "kwargs": kwargs}
    names = {n: record(n) for n in ("VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable",
                                    "VarFileInfo", "VarStruct")}
    names["StringStruct"] = lambda key, value: (key, value)
    return eval(compile(text, "version_info", "eval"), {"__builtins__": {}}, names)


def test_windows_version_resource_carries_the_package_version(tmp_path):
    version = dangzhibu_desktop.__version__
    out = bi.write_version_file(tmp_path / "v" / "version_info.txt", version)
    info = _eval_version_file(out.read_text(encoding="utf-8"))
    ffi = info["kwargs"]["ffi"]["kwargs"]
    assert ffi["filevers"] == ffi["prodvers"] == bi.version_tuple(version)
    table = info["kwargs"]["kids"][0]["args"][0][0]
    strings = dict(table["args"][1])
    assert strings["ProductVersion"] == strings["FileVersion"] == version
    assert strings["ProductName"] == "党支部工作台"
    assert strings["OriginalFilename"] == bi.EXE_NAME + ".exe"


# --- what the frozen build keeps ------------------------------------------------------------------

@pytest.mark.parametrize("dest", [
    "PySide6/Qt/plugins/platforms/libqoffscreen.so",
    "PySide6/Qt/plugins/platforms/libqxcb.so",
    "PySide6/plugins/platforms/qwindows.dll",
    "PySide6/plugins/imageformats/qsvg.dll",
    "PySide6/Qt/plugins/imageformats/libqico.so",
    "PySide6/Qt/plugins/iconengines/libqsvgicon.so",
    "PySide6/plugins/styles/qmodernwindowsstyle.dll",
    "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so",
    "PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so",
    "PySide6/Qt/translations/qtbase_zh_CN.qm",
    "PySide6/Qt/lib/libQt6Widgets.so.6",
    "dangzhibu_desktop/resources/rules/default.json",
    "lxml/etree.cpython-311-x86_64-linux-gnu.so",
])
def test_needed_files_are_kept(dest):
    assert bi.keep_entry(dest)
    assert bi.keep_entry(dest.replace("/", "\\"))


@pytest.mark.parametrize("dest", [
    "PySide6/Qt/plugins/platforms/libqwayland.so",
    "PySide6/Qt/plugins/platforms/libqeglfs.so",
    "PySide6/plugins/platforms/qdirect2d.dll",
    "PySide6/Qt/plugins/imageformats/libqpdf.so",
    "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
    "PySide6/Qt/plugins/sqldrivers/libqsqlite.so",
    "PySide6/Qt/plugins/tls/libqopensslbackend.so",
    "PySide6/Qt/plugins/wayland-shell-integration/libxdg-shell.so",
    "PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so",
    "PySide6/Qt/translations/qtbase_de.qm",
])
def test_unneeded_qt_files_are_dropped(dest):
    assert not bi.keep_entry(dest)


def test_prune_drops_libraries_only_dropped_plugins_link_to():
    toc = [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "/q/libqxcb.so", "BINARY"),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", "/q/libqgtk3.so", "BINARY"),
        ("libpango-1.0.so.0", "/sys/libpango-1.0.so.0", "BINARY"),   # gtk3 theme only
        ("libharfbuzz.so.0", "/sys/libharfbuzz.so.0", "BINARY"),     # pango only
        ("libX11.so.6", "/sys/libX11.so.6", "BINARY"),               # xcb and gtk3
        ("libdlopened.so.1", "/sys/libdlopened.so.1", "BINARY"),     # nobody links it
        ("lxml/etree.so", "/py/etree.so", "EXTENSION"),
        ("libxml2.so.2", "/sys/libxml2.so.2", "BINARY"),             # the extension's
    ]
    links = {
        "/q/libqxcb.so": [("libX11.so.6", "/sys/libX11.so.6")],
        "/q/libqgtk3.so": [("libpango-1.0.so.0", "/sys/libpango-1.0.so.0"), ("libX11.so.6", None),
                           ("libgtk-3.so.0", None)],
        "/sys/libpango-1.0.so.0": [("libharfbuzz.so.0", "/sys/libharfbuzz.so.0")],
        "/py/etree.so": [("libxml2.so.2", "/sys/libxml2.so.2")],
    }
    kept = [e[0] for e in bi.prune(toc, lambda src: links.get(src, []))]
    assert kept == ["PySide6/Qt/plugins/platforms/libqxcb.so", "libX11.so.6", "libdlopened.so.1",
                    "lxml/etree.so", "libxml2.so.2"]
    assert bi.overpruned(toc, bi.prune(toc, lambda src: links.get(src, [])), lambda src: links.get(src, [])) == []
    # Had libX11 gone too, the kept xcb plugin would miss it.
    too_much = [e for e in bi.prune(toc) if not e[0].startswith("libX11")]
    assert bi.overpruned(toc, too_much, lambda src: links.get(src, [])) == [
        "PySide6/Qt/plugins/platforms/libqxcb.so needs libX11.so.6"]
    # DLL names match whatever their case in the import table.
    win_toc = [("PySide6/plugins/platformthemes/qgtk3.dll", "C:/q/qgtk3.dll", "BINARY"),
               ("pango.dll", "C:/sys/pango.dll", "BINARY")]
    assert bi.prune(win_toc, lambda src: [("PANGO.DLL", None)] if src.endswith("qgtk3.dll") else []) == []
    # Without dependency information only the refused files themselves go.
    assert len(bi.prune(toc)) == len(toc) - 1


def test_the_source_imports_no_excluded_qt_module():
    used = bi.qt_modules_used()
    assert "QtWidgets" in used and "QtCore" in used  # the scanner sees the window's imports
    assert bi.excluded_but_used() == {}, "packaging/buildinfo.py excludes a Qt module the source uses"


def test_the_import_scanner_reports_an_excluded_module(tmp_path):
    pkg = tmp_path / "dangzhibu_desktop"
    pkg.mkdir()
    (pkg / "net.py").write_text("from PySide6.QtNetwork import QTcpSocket\n"
                                "from PySide6 import (QtCore,\n    QtSql)\n", encoding="utf-8")
    assert set(bi.excluded_but_used(pkg)) == {"QtNetwork", "QtSql"}


def test_the_spec_is_valid_python_using_buildinfo():
    text = (PACKAGING / "dangzhibu.spec").read_text(encoding="utf-8")
    ast.parse(text)
    for needle in ("bi.prune(collected, get_imports)", "bi.overpruned(collected, a.binaries, get_imports)",
                   "excludes=list(bi.EXCLUDES)",
                   'f"{bi.PACKAGE}/resources"', "collect_submodules(bi.PACKAGE)", "version=",
                   '("X utf8", None, "OPTION")', "module_collection_mode=dict(bi.MODULE_COLLECTION_MODE)"):
        assert needle in text


def test_the_app_icon_renders_to_ico_and_png(tmp_path):
    ico, png = bi.render_icons(bi.APP_ICON_SVG, tmp_path)
    from PIL import Image

    with Image.open(ico) as im:
        assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= set(im.info["sizes"])
    with Image.open(png) as im:
        assert im.size == (256, 256)
        # The icon is drawn, not blank: the centre is opaque and not all one colour.
        colours = im.convert("RGBA").getcolors(256 * 256)
        assert len(colours) > 10 and im.getpixel((128, 128))[3] == 255


# --- the Windows installer script -----------------------------------------------------------------

def _iss_text():
    raw = ISS.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "Inno Setup needs a UTF-8 BOM for the Chinese texts"
    return raw.decode("utf-8-sig")


def _iss_section(text, name):
    m = re.search(rf"^\[{name}\]\s*$(.*?)(?=^\[|\Z)", text, re.M | re.S)
    return [ln.strip() for ln in m.group(1).splitlines()
            if ln.strip() and not ln.strip().startswith(";")] if m else []


def test_installer_takes_the_version_from_the_build():
    text = _iss_text()
    assert re.search(r"#ifndef MyAppVersion\s+#error", text)
    setup = _iss_section(text, "Setup")
    assert "AppVersion={#MyAppVersion}" in setup
    assert re.search(r"^AppId=\{\{[0-9A-F-]{36}\}$", "\n".join(setup), re.M)


def test_installer_installs_the_build_with_start_menu_and_desktop_shortcuts():
    text = _iss_text()
    assert f'#define MyAppExeName "{bi.EXE_NAME}.exe"' in text
    assert f'#define SourceDir "..\\dist\\{bi.DIST_NAME}"' in text
    files = _iss_section(text, "Files")
    assert any('Source: "{#SourceDir}\\*"' in ln and "recursesubdirs" in ln for ln in files)
    icons = _iss_section(text, "Icons")
    assert any(ln.startswith('Name: "{group}\\{#MyAppName}"') for ln in icons)
    assert any(ln.startswith('Name: "{autodesktop}\\') and "Tasks: desktopicon" in ln for ln in icons)
    assert any("{uninstallexe}" in ln for ln in icons)


def test_installer_never_deletes_the_users_data():
    text = _iss_text()
    assert _iss_section(text, "UninstallDelete") == []
    assert _iss_section(text, "InstallDelete") == ['Type: filesandordirs; Name: "{app}\\_internal"']
    assert "DelTree" not in text and "DeleteFile" not in text
    # A portable copy's data never ships inside the installer either.
    # (A leading backslash anchors the pattern at the top of the build folder.)
    assert 'Excludes: "\\portable,\\portable.txt,\\data"' in text


def test_build_passes_the_version_to_inno_setup(monkeypatch):
    calls = []
    monkeypatch.setattr(build_script.shutil, "which", lambda name: "C:/Inno/ISCC.exe")
    monkeypatch.setattr(build_script.subprocess, "run", lambda cmd, **kw: calls.append(cmd))
    out = build_script.build_installer("1.2.3")
    (cmd,) = calls
    assert cmd[0] == "C:/Inno/ISCC.exe" and cmd[-1] == str(ISS)
    assert "/DMyAppVersion=1.2.3" in cmd and "/DMyAppFileVersion=1.2.3.0" in cmd
    assert out.name == "dangzhibu-desktop-1.2.3-setup.exe"
    assert "OutputBaseFilename=dangzhibu-desktop-{#MyAppVersion}-setup" in _iss_text()


# --- smoke-test helpers ---------------------------------------------------------------------------

def test_smoke_environment_is_clean(tmp_path):
    env = smoke_test.clean_env(tmp_path)
    if os.name != "nt":
        assert env == {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    assert not any(k.startswith("PYTHON") or k == "DANGZHIBU_DATA_DIR" for k in env)


def test_smoke_reads_docx_text_and_png_sizes(tmp_path):
    import docx
    from PIL import Image

    d = docx.Document()
    d.add_paragraph("第一党支部书记述职报告")
    d.save(tmp_path / "a.docx")
    assert "述职报告" in smoke_test.docx_text(tmp_path / "a.docx")
    Image.new("RGB", (640, 400)).save(tmp_path / "a.png")
    assert smoke_test.png_size(tmp_path / "a.png") == (640, 400)
    (tmp_path / "b.png").write_bytes(b"not a png at all, not at all")
    with pytest.raises(smoke_test.CheckFailed):
        smoke_test.png_size(tmp_path / "b.png")
    with pytest.raises(smoke_test.CheckFailed):
        smoke_test.docx_text(tmp_path / "b.png")


def test_smoke_fails_without_a_build(tmp_path, capsys):
    assert smoke_test.main([str(tmp_path / "nothing")]) == 1


# --- the wheel ------------------------------------------------------------------------------------

def _resource_files(root):
    return sorted(p.relative_to(root / "resources").as_posix()
                  for p in (root / "resources").rglob("*")
                  if p.is_file() and "__pycache__" not in p.parts and not p.name.startswith("."))


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    """``pip wheel . --no-deps`` of a copy of the checkout (the checkout itself stays untouched)."""
    src = tmp_path_factory.mktemp("src")
    for name in ("pyproject.toml", "setup.py", "MANIFEST.in", "README.md"):
        shutil.copy2(REPO / name, src / name)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    shutil.copytree(REPO / "dangzhibu_desktop", src / "dangzhibu_desktop", ignore=ignore)
    shutil.copytree(REPO / "resources", src / "resources", ignore=ignore)
    out = tmp_path_factory.mktemp("wheel")
    proc = subprocess.run([sys.executable, "-m", "pip", "wheel", str(src), "--no-deps", "-q", "-w", str(out)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    (whl,) = out.glob("dangzhibu_desktop-*.whl")
    return whl, src


def test_wheel_carries_every_resource_inside_the_package(wheel):
    wheel, src = wheel
    assert wheel.name.startswith(f"dangzhibu_desktop-{dangzhibu_desktop.__version__}-")
    names = set(zipfile.ZipFile(wheel).namelist())
    # Compared with the copy it was built from: others may be adding resources meanwhile.
    expected = {f"dangzhibu_desktop/resources/{rel}" for rel in _resource_files(src)}
    assert "dangzhibu_desktop/resources/rules/default.json" in expected
    assert expected <= names
    assert not any(n.startswith("resources/") for n in names)  # nothing at the top level


def test_installed_wheel_finds_the_rule_set(wheel, tmp_path):
    wheel, src = wheel
    target = tmp_path / "site"
    proc = subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target),
                           str(wheel)], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    # -S: no site-packages, so the checkout's editable install cannot answer instead.
    code = ("import sys; sys.path.insert(0, sys.argv[1]); "
            "from dangzhibu_desktop.paths import resource_path; "
            "print(resource_path('rules/default.json'))")
    proc = subprocess.run([sys.executable, "-S", "-c", code, str(target)], capture_output=True, text=True,
                          cwd=tmp_path, timeout=60)
    assert proc.returncode == 0, proc.stderr
    found = Path(proc.stdout.strip())
    assert found == target / "dangzhibu_desktop" / "resources" / "rules" / "default.json"
    assert found.read_bytes() == (src / "resources" / "rules" / "default.json").read_bytes()


def test_build_reports_package_modules_missing_from_the_archive(tmp_path, monkeypatch):
    toc_dir = tmp_path / build_script.SPEC.stem
    toc_dir.mkdir()
    modules = ["dangzhibu_desktop", "dangzhibu_desktop.cli", "dangzhibu_desktop.paths"]
    modules += [f"dangzhibu_desktop.ledger.{p.stem}" for p in (REPO / "dangzhibu_desktop" / "ledger").glob("*.py")]
    (toc_dir / "PYZ-00.toc").write_text(repr([(m, "/x.py", "PYMODULE") for m in modules]), encoding="utf-8")
    monkeypatch.setattr(build_script, "WORK", tmp_path)
    missing = build_script.modules_missing_from_build()
    assert "dangzhibu_desktop.ledger" in missing  # the package itself (its __init__) was not listed
    assert "dangzhibu_desktop.ui.forms" in missing and "dangzhibu_desktop.cli" not in missing
    assert not any(m.startswith("dangzhibu_desktop.ledger.") for m in missing)


# --- the .deb in the UOS store layout (packaging/deb.py; installed and run in CI) --------------
def test_deb_entries_point_into_opt_apps_and_carry_the_version():
    import configparser
    import json as _json

    deb = _load("deb")
    version = bi.read_version()
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read_string(deb.desktop_entry(version))
    e = entry["Desktop Entry"]
    assert e["Exec"] == f"/opt/apps/{deb.APP_ID}/files/{bi.EXE_NAME}"  # no %f: the menu passes no file
    assert e["Icon"] == deb.APP_ID and e["Name[zh_CN]"] == "党支部工作台" and e["Terminal"] == "false"
    info = _json.loads(deb.info_json(version, "amd64"))
    assert info["appid"] == deb.APP_ID and info["version"] == version and info["arch"] == ["amd64"]
    assert not info["permissions"]["autostart"]
    control = deb.control(version, "amd64", 1234)
    assert f"Package: {deb.APP_ID}\n" in control and f"Version: {version}\n" in control
    assert "libc6 (>= 2.31)" in control and "Installed-Size: 1234" in control


@pytest.mark.skipif(shutil.which("dpkg-deb") is None, reason="needs dpkg-deb")
def test_deb_holds_only_opt_apps_and_no_maintainer_scripts(tmp_path):
    deb = _load("deb")
    bundle = tmp_path / "bundle"
    (bundle / "_internal").mkdir(parents=True)
    (bundle / bi.EXE_NAME).write_text("#!/bin/sh\necho 党支部工作台\n")
    (bundle / bi.EXE_NAME).chmod(0o755)
    out = deb.build_deb(bundle, tmp_path / "out")
    listing = subprocess.run(["dpkg-deb", "-c", str(out)], capture_output=True, text=True, check=True).stdout
    paths = [line.split()[-1] for line in listing.splitlines()]
    assert all(p.startswith(("./", "./opt/")) for p in paths)
    assert all(p in ("./", "./opt/", "./opt/apps/") or p.startswith(f"./opt/apps/{deb.APP_ID}/") for p in paths)
    for needed in ("info", "files/" + bi.EXE_NAME, f"entries/applications/{deb.APP_ID}.desktop",
                   f"entries/icons/hicolor/scalable/apps/{deb.APP_ID}.svg"):
        assert f"./opt/apps/{deb.APP_ID}/{needed}" in paths, needed
    scripts = subprocess.run(["dpkg-deb", "-I", str(out)], capture_output=True, text=True, check=True).stdout
    assert not any(s in scripts for s in ("postinst", "preinst", "postrm", "prerm"))
