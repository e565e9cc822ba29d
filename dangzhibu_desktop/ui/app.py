"""Entry point of the window (``cli.py`` calls ``run_window``) and the ``--screenshot`` mode."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, Qt, QTimer, QTranslator
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from .. import APP_NAME
from ..ledger.validate import LedgerError

SCREEN_SIZE = (1366, 768)
CHINESE = QLocale(QLocale.Language.Chinese, QLocale.Country.China)


def input_method_for(env: dict, available: set[str]) -> str | None:
    """The QT_IM_MODULE to start with, or None to leave Qt's choice alone.

    The PySide6 wheel (and so the frozen build) carries only the ibus and compose input contexts.
    Under fcitx5 — the Chinese input method of Kylin and UOS — Qt then finds no "fcitx" plugin
    and typing pinyin commits nothing. fcitx5 also answers the ibus protocol (its ibus frontend,
    on by default), so the ibus context types Chinese there.
    """
    wanted = (env.get("QT_IM_MODULE") or "").strip().lower()
    hinted = " ".join(env.get(k, "") for k in ("QT_IM_MODULE", "GTK_IM_MODULE", "XMODIFIERS")).lower()
    if wanted and wanted in available:
        return None  # the person's choice works: keep it
    if "fcitx" in hinted and "fcitx" not in available and "ibus" in available:
        return "ibus"
    return None


def _available_input_methods() -> set[str]:
    """Input-context plugins Qt can load here: "ibus", "compose", "fcitx" …"""
    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "platforminputcontexts"
    names = set()
    for f in folder.glob("*platforminputcontextplugin*"):
        stem = f.name.split(".")[0].removeprefix("lib")
        names.add(stem.replace("platforminputcontextplugin", "").replace("5", "") or stem)
    return names


def application() -> QApplication:
    """The one QApplication (created once; tests share pytest-qt's)."""
    app = QApplication.instance()
    if app is None:
        im = input_method_for(dict(os.environ), _available_input_methods())
        if im:
            os.environ["QT_IM_MODULE"] = im
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        app = QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setOrganizationName("dangzhibu-desktop")
    # Chinese whatever the system locale: calendars (三月, 一 二 三 …), numbers and Qt's own dialogs.
    QLocale.setDefault(CHINESE)
    _install_qt_chinese(app)
    _install_chinese_font(app)
    from .icons import app_icon

    app.setWindowIcon(app_icon())
    return app


def _install_qt_chinese(app: QApplication) -> None:
    """Qt's own words in Chinese: 是/否/取消 on message boxes, the text boxes' context menu.

    The translation ships with PySide6 (and is kept in the frozen build, packaging/buildinfo.py);
    without it every question the window asks had English Yes/No buttons.
    """
    if app.property("dangzhibu_qt_zh"):
        return
    import PySide6

    translator = QTranslator(app)  # parented: it must live as long as the application
    # Qt's own idea of the folder, then the wheel's layout (what the frozen build copies).
    folders = (QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
               str(Path(PySide6.__file__).parent / "Qt" / "translations"))
    if any(translator.load("qtbase_zh_CN", folder) for folder in folders):
        app.installTranslator(translator)
    app.installTranslator(_QtGaps(app))  # searched first: only the strings the file lacks
    app.setProperty("dangzhibu_qt_zh", True)


# Strings Qt's own qtbase_zh_CN.qm (6.x) does not translate although the window shows them:
# the file dialog's 查找范围 and 文件类型 labels stayed English.
QT_GAPS = {
    ("QFileDialog", "&Look in:"): "查找范围(&I)：",
    ("QFileDialog", "Files of &type:"): "文件类型(&T)：",
}


class _QtGaps(QTranslator):
    def translate(self, context, source, disambiguation=None, n=-1):
        return QT_GAPS.get((context, source))  # None: a null string, the next translator answers

    def isEmpty(self) -> bool:
        return False


def _install_chinese_font(app: QApplication) -> None:
    """The bundled 文泉驿微米黑 for the window: without a Chinese font on the machine every label
    was a row of boxes. Registered always (Qt falls back to it per character); made the window's
    font only when no installed face can write Simplified Chinese.
    """
    if app.property("dangzhibu_cjk_font"):
        return
    from PySide6.QtGui import QFont, QFontDatabase

    from ..exports.fonts import bundled_font_path

    app.setProperty("dangzhibu_cjk_font", True)
    system = set(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))
    path = bundled_font_path()
    font_id = QFontDatabase.addApplicationFont(str(path)) if path else -1
    if font_id < 0:
        return
    ours = QFontDatabase.applicationFontFamilies(font_id)
    if ours and not (system - set(ours)):
        font = QFont(app.font())
        font.setFamilies([ours[0]] + font.families())
        app.setFont(font)
    _install_rare_font(app)


def _install_rare_font(app: QApplication) -> None:
    """The bundled rare-character face (CJK Extension A–H) for names such as 张𠇔: Qt falls back
    to it per character. The first start unpacks it (27 MB, ~0.3 s) off the UI thread."""
    import threading

    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QFontDatabase

    from ..exports.fonts import rare_font_file

    path = rare_font_file(unpack=False)
    if path is not None:
        QFontDatabase.addApplicationFont(str(path))
        return
    done: list = []
    worker = threading.Thread(target=lambda: done.append(rare_font_file(unpack=True)), daemon=True)
    worker.start()
    timer = QTimer(app)

    def check():
        if done:
            timer.stop()
            timer.deleteLater()
            if done[0] is not None:
                QFontDatabase.addApplicationFont(str(done[0]))

    timer.timeout.connect(check)
    timer.start(200)


def run_window(db: str | None, demo: bool, screenshot_dir: str | None) -> int:
    """Open the window (or render every page to ``screenshot_dir`` and exit). Returns the exit status."""
    if screenshot_dir is not None and QApplication.instance() is None:
        # Screenshots need no screen: render offscreen unless the caller chose a platform.
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = application()
    from . import opening

    if screenshot_dir is not None:
        if demo:
            path = opening.demo_path()
        elif db:
            path = Path(db)
        else:
            raise LedgerError("截图模式需要用 --db 指定台账文件（或使用 --demo）")
        if not path.is_file():
            raise LedgerError(f"找不到台账文件“{path}”")
        from ..ledger import open_ledger

        try:
            # Screenshots only read: no lock, so they work while a window has the file open.
            ledger = open_ledger(path, readonly=True)
        except LedgerError:
            ledger = open_ledger(path)  # e.g. an older file that must be migrated first
        try:
            written = render_screenshots(ledger, Path(screenshot_dir))
        finally:
            ledger.close()
        print(f"已保存 {len(written)} 张截图到：{screenshot_dir}")
        return 0

    from . import crash

    crash.install()  # from here on an unexpected error is a Chinese dialog and a log line
    ledger = None
    if demo:
        ledger = opening.open_with_recovery(opening.demo_path())
        if ledger is not None:
            opening.remember(opening.demo_path())
    elif db:
        if Path(db).is_file():
            ledger = opening.open_with_recovery(db)
            if ledger is not None:
                opening.remember(db)
        else:
            ledger = _first_run(db)
            if ledger is None:
                return 0
    else:
        last = opening.last_ledger()
        if last is not None:
            ledger = opening.open_with_recovery(last)
    if ledger is None and opening.locked_elsewhere is not None:
        # A second launch: the ledger is open in the other window (just said). Offering 新建
        # here is how a secretary ended up with two ledgers; the other window is the way on.
        return 0
    if ledger is None:
        ledger = _first_run(None)
        if ledger is None:
            return 0

    from .main_window import MainWindow

    window = MainWindow(ledger)
    window.show()
    QTimer.singleShot(FREEZE_AFTER_MS, freeze_startup_objects)
    return app.exec()


FREEZE_AFTER_MS = 3000  # after the first page has loaded


def freeze_startup_objects() -> int:
    """Move every object alive after start-up (Qt wrappers, modules, the first page's rows) out
    of the cyclic collector's reach: a full collection — after each .docx export, in the worker
    holding the GIL — then scans only what was made since (measured on the large demo with five
    pages visited: 18.8 ms before, under 0.1 ms after). Returns how many objects were frozen."""
    import gc

    gc.freeze()
    return gc.get_freeze_count()


def _first_run(path: str | None):
    from .first_run import FirstRunDialog

    dlg = FirstRunDialog()
    if path:
        dlg.path_edit.setText(str(path))
    if dlg.exec() and dlg.ledger is not None:
        return dlg.ledger
    return None


def wait_until_loaded(window, page, timeout: float = 60.0) -> bool:
    """Process events until the page and every background task have delivered."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        QCoreApplication.processEvents()
        if window.session.runner.pending == 0 and not page.is_loading():
            QCoreApplication.processEvents()
            return True
        time.sleep(0.01)
    return False


def render_screenshots(ledger, out_dir: Path, size=SCREEN_SIZE) -> list[Path]:
    """Render every page at ``size`` to ``out_dir/NN-<slug>.png`` after its data has loaded.

    File names are ASCII (01-dashboard.png …) so they survive zips on Windows. The environment
    variable DANGZHIBU_SCREENSHOT_PAGES (comma-separated slugs, e.g. "dashboard") renders only
    those pages — the benchmark times a cold start to the painted 工作台 with it.
    """
    from .main_window import MainWindow

    only = {s.strip() for s in os.environ.get("DANGZHIBU_SCREENSHOT_PAGES", "").split(",") if s.strip()}
    out_dir.mkdir(parents=True, exist_ok=True)
    window = MainWindow(ledger, persist=False)
    window.setAttribute(Qt.WA_DontShowOnScreen)
    window.resize(*size)
    window.show()
    written = []
    try:
        for i, page in enumerate(window.pages, 1):
            if only and page.slug not in only:
                continue
            window.show_page(page.slug)
            page.ensure_fresh()
            if not wait_until_loaded(window, page):
                raise LedgerError(f"页面“{page.title}”在规定时间内没有加载完成")
            window.resize(*size)
            QCoreApplication.processEvents()
            target = out_dir / f"{i:02d}-{page.slug}.png"
            if not window.grab().save(str(target)):
                raise LedgerError(f"无法写入截图“{target}”")
            written.append(target)
    finally:
        window.close()
        window.deleteLater()
        QCoreApplication.processEvents()
    return written
