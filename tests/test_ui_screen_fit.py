"""The window fits the screen (issue 14, item 8): the first window and every dialog inside the
work area at 1366×768 with a 40 px taskbar (1366×728) and at 1920×1080 at 150 % (1280×720
logical); the 工作台 grid scrolls when 15 党小组 give it more rows than fit."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QRect

from dangzhibu_desktop.ui import screenfit

ROOT = Path(__file__).resolve().parent.parent


def _inside(rect, avail) -> bool:
    x, y, w, h = rect
    ax, ay, aw, ah = avail
    return x >= ax and y >= ay and x + w <= ax + aw and y + h <= ay + ah


@pytest.mark.parametrize("avail", [QRect(0, 0, 1366, 728), QRect(0, 0, 1280, 693)])
def test_every_kind_of_dialog_fits_a_small_work_area(qtbot, window, monkeypatch, avail):
    from dangzhibu_desktop.ui.dialogs.meeting import MeetingDialog
    from dangzhibu_desktop.ui.dialogs.member import MemberDialog
    from dangzhibu_desktop.ui.dialogs.misc import BranchDialog
    from dangzhibu_desktop.ui.pages.calendar import CalendarDialog

    ledger = window.session.ledger
    monkeypatch.setattr(screenfit, "available_geometry", lambda _w=None: avail)
    for make in (lambda: MeetingDialog(ledger, None, {"kind": "支部党员大会"}, parent=window),
                 lambda: MemberDialog(ledger, parent=window), lambda: BranchDialog(ledger, parent=window)):
        dlg = make()
        qtbot.addWidget(dlg)
        dlg.resize(1469, 1034)  # what the meeting dialog opened at 150 % before
        dlg.show()
        g = dlg.geometry()
        assert g.width() + screenfit.FRAME_W <= avail.width(), type(dlg).__name__
        assert g.height() + screenfit.FRAME_H <= avail.height(), type(dlg).__name__
        dlg.reject()
    cal = CalendarDialog(window.session, 2026, window)  # asks 1100×700
    qtbot.addWidget(cal)
    assert cal.height() + screenfit.FRAME_H <= avail.height()
    cal.close()


def test_a_small_dialog_keeps_its_size(qtbot, ledger, monkeypatch):
    from dangzhibu_desktop.ui.dialogs.misc import BranchDialog

    monkeypatch.setattr(screenfit, "available_geometry", lambda _w=None: QRect(0, 0, 1366, 728))
    dlg = BranchDialog(ledger)
    qtbot.addWidget(dlg)
    dlg.resize(600, 400)
    dlg.show()
    assert (dlg.width(), dlg.height()) == (600, 400)


def test_first_window_size():
    assert screenfit.first_window_size(QRect(0, 0, 1920, 1040)) == (1366, 768)
    assert screenfit.first_window_size(QRect(0, 0, 1366, 728)) is None  # maximized
    assert screenfit.first_window_size(QRect(0, 0, 1280, 720)) is None


def test_the_grid_scrolls_with_fifteen_groups(qtbot, window):
    ledger = window.session.ledger
    names = "一二三四五六七八九十"
    for i in range(15):
        ledger.insert("party_groups", {"name": f"第{names[i % 10]}{'' if i < 10 else '十'}党小组{i}"})
    window.session.notify_changed("party_groups")
    page = window.show_page("dashboard")
    page.refresh()
    from dangzhibu_desktop.ui.app import wait_until_loaded

    assert wait_until_loaded(window, page, 60)
    grid = page.meeting_grid
    assert len(grid._kinds) >= 17
    bar = page.grid_scroll.verticalScrollBar()
    assert bar.maximum() > 0  # more rows than the box shows: it scrolls, nothing is cut
    label_w, top, cell_w, cell_h, legend_h = grid._geometry()
    assert cell_h >= 20
    assert grid.height() >= top + cell_h * len(grid._kinds) + legend_h


@pytest.mark.parametrize("name,width,height,dpr", [("taskbar-1366x728", 1366, 728, 1.0),
                                                   ("scaled-1280x720", 1280, 720, 1.5)])
def test_first_window_and_meeting_dialog_fit_the_screen(tmp_path, name, width, height, dpr):
    """A child process on an offscreen screen of that size: the app's first window (no saved
    geometry) and the meeting dialog lie inside the work area; screenshots of every page."""
    db = tmp_path / "demo.db"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "DANGZHIBU_DATA_DIR": str(tmp_path / "data")}
    subprocess.run([sys.executable, "-m", "dangzhibu_desktop", "demo", "--db", str(db), "--year", "2026"],
                   check=True, env=env, capture_output=True, cwd=ROOT)
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [{"name": name, "x": 0, "y": 0, "width": width, "height": height,
                                               "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": dpr}]}))
    env["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
    out = Path(os.environ.get("DANGZHIBU_SCREEN_SHOTS", tmp_path / "shots")) / name
    done = subprocess.run([sys.executable, str(ROOT / "tests" / "screen_probe.py"), str(db), str(out)],
                          env=env, capture_output=True, text=True, timeout=300, cwd=ROOT)
    lines = [ln for ln in done.stdout.splitlines() if ln.startswith("RESULT ")]
    assert done.returncode == 0 and lines, done.stderr[-2000:]
    result = json.loads(lines[-1][len("RESULT "):])
    avail = result["available"]
    assert avail == [0, 0, width, height]
    assert _inside(result["window_frame"], avail)
    assert result["window"][2] >= width - screenfit.FRAME_W  # it uses the screen, not a corner
    assert _inside(result["meeting_frame"], avail)
    # room left for a real title bar (the offscreen frame is 2 px)
    assert result["meeting"][2] + screenfit.FRAME_W <= width
    assert result["meeting"][3] + screenfit.FRAME_H <= height
    assert result["buttons_bottom"] <= result["meeting"][3]  # 保存 inside the dialog
    # No page asks more than the window has: nothing is cut off at the right or the bottom.
    too_big = {slug: wh for slug, wh in result["page_minimum"].items()
               if wh[0] > result["window"][2] or wh[1] > result["window"][3] - 120}
    assert not too_big, too_big
    assert len(result["pages"]) >= 10 and all(Path(p).stat().st_size > 10_000 for p in result["pages"])


def test_a_window_saved_on_a_larger_screen_reopens_inside_this_one(qtbot, ledger, monkeypatch):
    from dangzhibu_desktop.ui import settings as ui_settings
    from dangzhibu_desktop.ui.main_window import MainWindow

    big = MainWindow(ledger, persist=False)
    qtbot.addWidget(big)
    big.setGeometry(40, 30, 1900, 1000)  # as saved on a 1920×1080 monitor
    ui_settings.put(ui_settings.GEOMETRY, big.saveGeometry())
    big.hide()  # not close(): that closes the shared ledger
    avail = QRect(0, 0, 1366, 728)
    monkeypatch.setattr(screenfit, "available_geometry", lambda _w=None: avail)
    win = MainWindow(ledger)  # persist: reads the saved geometry as a start does
    win.backup_on_exit = False
    qtbot.addWidget(win)
    assert win.width() + screenfit.FRAME_W <= avail.width()
    assert win.height() + screenfit.FRAME_H <= avail.height()
    win.persist = False
