"""What goes into the frozen build, kept apart from the spec so tests can check it without PyInstaller.

Used by ``dangzhibu.spec`` (PyInstaller), ``build.py`` and ``tests/test_packaging.py``.
Run as a script to render the application icon:

    python packaging/buildinfo.py icons SVG OUT_DIR   writes OUT_DIR/app.ico and OUT_DIR/app.png
"""

from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
from pathlib import Path, PurePath

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "dangzhibu_desktop"
PACKAGE_DIR = ROOT / PACKAGE
RESOURCES_DIR = ROOT / "resources"
APP_ICON_SVG = RESOURCES_DIR / "icons" / "app.svg"

# Names of the frozen build. The folder and the windowed executable carry the command's name;
# on Windows a console twin serves the command line (a windowed .exe has no stdout).
DIST_NAME = "dangzhibu-desktop"
EXE_NAME = "dangzhibu-desktop"
CLI_EXE_NAME = "dangzhibu-desktop-cli"

# Windows version resource and installer texts (what Explorer's "详细信息" shows).
PRODUCT_NAME = "党支部工作台"
COMPANY_NAME = "dangzhibu-desktop"
FILE_DESCRIPTION = "党支部工作台：党支部台账、达标创星评估与年终材料"
COPYRIGHT = "MIT License"

# Qt bindings the application does not use. Their Python modules are excluded, so PyInstaller
# collects neither their Qt libraries nor their plugins. tests/test_packaging.py fails when
# the source starts importing one of them.
EXCLUDED_QT_MODULES = (
    "Qt3DAnimation", "Qt3DCore", "Qt3DExtras", "Qt3DInput", "Qt3DLogic", "Qt3DRender",
    "QtBluetooth", "QtCharts", "QtConcurrent", "QtDataVisualization", "QtDBus", "QtDesigner",
    "QtGraphs", "QtHelp", "QtHttpServer", "QtLocation", "QtMultimedia", "QtMultimediaWidgets",
    "QtNetwork", "QtNetworkAuth", "QtNfc", "QtOpenGL", "QtOpenGLWidgets", "QtPdf", "QtPdfWidgets",
    "QtPositioning", "QtQml", "QtQuick", "QtQuick3D", "QtQuickControls2", "QtQuickTest",
    "QtQuickWidgets", "QtRemoteObjects", "QtScxml", "QtSensors", "QtSerialBus", "QtSerialPort",
    "QtSpatialAudio", "QtSql", "QtStateMachine", "QtTest", "QtTextToSpeech", "QtUiTools",
    "QtWebChannel", "QtWebEngineCore", "QtWebEngineQuick", "QtWebEngineWidgets", "QtWebSockets",
    "QtWebView", "QtXml",
)
# Python packages that are only development tools or optional extras of our dependencies.
EXCLUDED_PY_MODULES = (
    "tkinter", "_tkinter", "turtle", "turtledemo", "idlelib", "lib2to3", "pydoc_data",
    "pytest", "_pytest", "pytestqt", "hypothesis", "IPython", "jupyter_client",
    "matplotlib", "numpy", "pandas", "scipy", "setuptools", "pkg_resources", "pip", "wheel",
    "PyInstaller", "sphinx", "docutils",
    # Pillow extras: Tk and Qt bridges, AVIF codec (its library alone is 5 MB). Pillow skips
    # image plugins whose module is missing.
    "PIL.ImageTk", "PIL._imagingtk", "PIL.ImageQt", "PIL._avif", "PIL.AvifImagePlugin",
)
EXCLUDES = tuple(f"PySide6.{m}" for m in EXCLUDED_QT_MODULES) + EXCLUDED_PY_MODULES

# Packages whose modules must also exist as files: python-docx opens its templates through
# "parts/../templates/…", which the OS resolves only when the folder docx/parts/ exists.
MODULE_COLLECTION_MODE = {"docx.parts": "pyz+py"}

# Qt plugins kept, by plugin folder: the platforms we run on (incl. offscreen for CI and
# --screenshot), SVG/ICO/JPEG/GIF images (PNG is built into QtGui), the SVG icon engine,
# printing, widget styles, and input methods (ibus: Chinese input on Linux). Everything else
# (wayland, eglfs, vnc, sql drivers, tls, qml tooling …) stays out.
QT_PLUGINS_KEPT = {
    "platforms": {"qoffscreen", "qminimal", "qxcb", "qwindows", "qcocoa"},
    "imageformats": {"qsvg", "qico", "qjpeg", "qgif", "qicns"},
    "iconengines": {"qsvgicon"},
    "printsupport": None,  # None: every plugin of the folder
    "styles": None,
    "platforminputcontexts": {"composeplatforminputcontextplugin", "ibusplatforminputcontextplugin"},
    "platformthemes": {"qxdgdesktopportal"},
    "xcbglintegrations": None,
}
# Qt translations kept (the standard dialogs' buttons in Chinese).
QT_TRANSLATIONS_KEPT = re.compile(r"^qt(base)?_zh_CN\.qm$")
_VERSION_RE = re.compile(r"^(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:\.(\d+))?")


def read_version(init_file: Path = PACKAGE_DIR / "__init__.py") -> str:
    """``__version__`` of the package, read without importing it (the one place it is written)."""
    tree = ast.parse(init_file.read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
                isinstance(t, ast.Name) and t.id == "__version__" for t in node.targets):
            value = ast.literal_eval(node.value)
            if isinstance(value, str) and value:
                return value
    raise ValueError(f"no __version__ in {init_file}")


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """The four numbers Windows wants: '1.2.3rc1' → (1, 2, 3, 0)."""
    m = _VERSION_RE.match(version)
    if not m:
        raise ValueError(f"version must start with a number: {version!r}")
    numbers = tuple(int(g) if g else 0 for g in m.groups())
    if any(n > 0xFFFF for n in numbers):
        raise ValueError(f"version parts must fit in 16 bits: {version!r}")
    return numbers  # type: ignore[return-value]


def version_file_text(version: str) -> str:
    """A PyInstaller version-info file (``EXE(version=...)``): the Windows version resource."""
    nums = version_tuple(version)
    strings = [
        ("CompanyName", COMPANY_NAME),
        ("FileDescription", FILE_DESCRIPTION),
        ("FileVersion", version),
        ("InternalName", EXE_NAME),
        ("LegalCopyright", COPYRIGHT),
        ("OriginalFilename", EXE_NAME + ".exe"),
        ("ProductName", PRODUCT_NAME),
        ("ProductVersion", version),
    ]
    structs = ",\n          ".join(f"StringStruct({k!r}, {v!r})" for k, v in strings)
    # 0x0804 = Simplified Chinese (PRC), 1200 = Unicode code page.
    return f"""# Generated by packaging/buildinfo.py from {PACKAGE}.__version__; do not edit.
VSVersionInfo(
  ffi=FixedFileInfo(
    filevers={nums!r},
    prodvers={nums!r},
    mask=0x3f,
    flags=0x0,
    OS=0x40004,
    fileType=0x1,
    subtype=0x0,
    date=(0, 0)
  ),
  kids=[
    StringFileInfo([
      StringTable(
        '080404b0',
        [{structs}])
    ]),
    VarFileInfo([VarStruct('Translation', [0x0804, 1200])])
  ]
)
"""


def write_version_file(out: Path, version: str) -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(version_file_text(version), encoding="utf-8")
    return out


def _plugin_parts(dest: str) -> tuple[str, str] | None:
    """(plugin folder, plugin stem) for a Qt plugin's destination path, else None."""
    parts = PurePath(dest.replace("\\", "/")).parts
    for i, part in enumerate(parts[:-2]):
        if part == "plugins" and i > 0 and parts[i - 1] in ("Qt", "PySide6"):
            folder = "/".join(parts[i + 1:-1])
            name = parts[-1]
            stem = name.split(".", 1)[0]
            if stem.startswith("lib"):
                stem = stem[3:]
            return folder, stem
    return None


def keep_entry(dest: str) -> bool:
    """Whether a collected file (its destination path in the bundle) belongs in the build."""
    plugin = _plugin_parts(dest)
    if plugin is not None:
        folder, stem = plugin
        if folder not in QT_PLUGINS_KEPT:
            return False
        kept = QT_PLUGINS_KEPT[folder]
        # Windows debug builds of plugins end in "d" (qsvgd.dll); PyInstaller skips them already.
        return kept is None or stem in kept
    norm = dest.replace("\\", "/")
    name = norm.rsplit("/", 1)[-1]
    if "/translations/" in norm and name.endswith(".qm"):
        return bool(QT_TRANSLATIONS_KEPT.match(name))
    return True


def prune(toc, get_imports=None):
    """The TOC (list of (dest, src, typecode)) without the files ``keep_entry`` refuses.

    With ``get_imports(src) -> iterable of (name, fullpath or None)`` (PyInstaller's
    ``bindepend.get_imports``), also drops the libraries that only dropped files link to:
    PyInstaller collects a plugin's dependencies before the spec can refuse the plugin
    (e.g. GTK, pango and cairo for the gtk3 platform theme).
    """
    kept = [e for e in toc if keep_entry(e[0])]
    dropped = [e for e in toc if not keep_entry(e[0])]
    if get_imports is None or not dropped:
        return kept

    def key(path) -> str:
        # Windows import tables spell DLL names in any case (KERNEL32.dll, Qt6Core.dll).
        return PurePath(str(path).replace("\\", "/")).name.casefold()

    by_name: dict[str, list] = {}
    for entry in toc:
        for k in {key(entry[0]), key(entry[1])}:
            by_name.setdefault(k, []).append(entry)

    def closure(start):
        seen = {id(e): e for e in start}
        todo = list(start)
        while todo:
            entry = todo.pop()
            if entry[2] not in ("BINARY", "EXTENSION") or not entry[1]:
                continue
            try:
                imports = get_imports(entry[1])
            except Exception:  # an unreadable binary keeps what it might need
                continue
            for name, fullpath in imports:
                for k in {key(name), key(fullpath) if fullpath else None} - {None}:
                    for dep in by_name.get(k, ()):
                        if id(dep) not in seen:
                            seen[id(dep)] = dep
                            todo.append(dep)
        return seen

    reachable_from_dropped = closure(dropped)
    # What the application loads itself: Python extensions, the plugins kept, and every file
    # nothing dropped links to (libpython, libraries loaded with dlopen or ctypes).
    roots = [e for e in kept if e[2] == "EXTENSION" or _plugin_parts(e[0]) is not None
             or id(e) not in reachable_from_dropped]
    needed = closure(roots)
    return [e for e in kept if id(e) in needed or id(e) not in reachable_from_dropped]


def overpruned(original, pruned, get_imports) -> list[str]:
    """Files left out of ``pruned`` that a file still in it links to (must be empty)."""
    left = {PurePath(str(e[1]).replace("\\", "/")).name.casefold() for e in pruned}
    gone = {PurePath(str(e[1]).replace("\\", "/")).name.casefold(): e[0]
            for e in original if e not in pruned}
    problems = []
    for entry in pruned:
        if entry[2] not in ("BINARY", "EXTENSION"):
            continue
        for name, fullpath in get_imports(entry[1]):
            lib = PurePath(str(fullpath or name).replace("\\", "/")).name.casefold()
            if lib in gone and lib not in left:
                problems.append(f"{entry[0]} needs {gone[lib]}")
    return problems


_QT_IMPORT_RE = re.compile(r"\bPySide6\.(Qt\w+)|\bfrom\s+PySide6\s+import\s+\(?([\w\s,]+)")


def qt_modules_used(package_dir: Path = PACKAGE_DIR) -> dict[str, list[str]]:
    """Every PySide6 module the package's source names, with the files naming it."""
    used: dict[str, list[str]] = {}
    for py in sorted(package_dir.rglob("*.py")):
        text = py.read_text(encoding="utf-8")
        for m in _QT_IMPORT_RE.finditer(text):
            names = [m.group(1)] if m.group(1) else re.findall(r"Qt\w+", m.group(2))
            for name in names:
                used.setdefault(name, []).append(str(py.relative_to(package_dir.parent)))
    return used


def excluded_but_used(package_dir: Path = PACKAGE_DIR) -> dict[str, list[str]]:
    """Excluded Qt modules that the source imports after all (must be empty to build)."""
    used = qt_modules_used(package_dir)
    return {m: files for m, files in used.items() if m in EXCLUDED_QT_MODULES}


def render_icons(svg: Path, out_dir: Path) -> tuple[Path, Path]:
    """Render the SVG into a multi-size app.ico (Windows) and a 256 px app.png.

    Runs Qt in a child process (offscreen), so the caller's process never starts a QGuiApplication.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    subprocess.run([sys.executable, str(Path(__file__).resolve()), "icons", str(svg), str(out_dir)],
                   check=True, env=env)
    return out_dir / "app.ico", out_dir / "app.png"


def _render_icons_here(svg: Path, out_dir: Path) -> None:
    from PIL import Image
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 - keeps Qt alive
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"not a valid SVG: {svg}")
    size = 256
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buf, "PNG")
    buf.close()
    out_dir.mkdir(parents=True, exist_ok=True)
    png = out_dir / "app.png"
    png.write_bytes(bytes(data))
    with Image.open(png) as img:
        img.save(out_dir / "app.ico", sizes=[(16, 16), (24, 24), (32, 32), (48, 48), (64, 64),
                                             (128, 128), (256, 256)])


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "icons":
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # a build machine may have no display
        _render_icons_here(Path(sys.argv[2]), Path(sys.argv[3]))
    else:
        raise SystemExit(__doc__)
