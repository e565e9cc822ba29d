"""Errors reach the person: an unexpected error is one Chinese dialog with 复制错误信息, written
to the rotating log through the personal-data mask; warnings found at open are shown, not lost."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QMessageBox

from dangzhibu_desktop import logfile
from dangzhibu_desktop.ui import crash

ID = "11010519491231002X"
PHONE = "13912345678"


def _raise():
    try:
        raise RuntimeError(f"保存“王秀英 {ID} {PHONE}”时出错")
    except RuntimeError:
        return sys.exc_info()


def test_an_unexpected_error_is_a_chinese_dialog_and_a_masked_log_line(qtbot):
    box = crash.report(*_raise())
    qtbot.addWidget(box)
    assert box.isVisible() and not box.isModal()
    assert box.windowTitle() == "出现意外错误" and "没有完成" in box.text()
    log = logfile.log_path()
    assert str(log) in box.informativeText()
    for h in logfile.log().handlers:
        h.flush()
    written = log.read_text("utf-8")
    assert "RuntimeError" in written and ID not in written and PHONE not in written
    assert ID[-4:] in written and "139****5678" in written
    copy = next(b for b in box.buttons() if b.text() == "复制错误信息")
    copy.click()
    clip = QApplication.clipboard().text()
    assert "RuntimeError" in clip and ID not in clip and PHONE not in clip
    assert box.isVisible()  # copying does not close the dialog


def test_the_hook_is_installed_once_and_routes_to_the_dialog(qtbot, monkeypatch):
    monkeypatch.setattr(sys, "excepthook", sys.__excepthook__)
    crash.install()
    hook = sys.excepthook
    crash.install()
    assert sys.excepthook is hook and getattr(hook, "dangzhibu", False)
    seen = []
    monkeypatch.setattr(crash, "report", lambda *exc: seen.append(exc[0]))
    hook(*_raise())
    assert seen == [RuntimeError]


def test_the_log_rotates_and_an_unwritable_folder_is_no_failure(tmp_path, monkeypatch):
    path = logfile.install_log_file(tmp_path / "logs" / "x.log")
    assert path == tmp_path / "logs" / "x.log"
    for i in range(3000):
        logfile.log().info("第%d行 %s", i, "很长的一行" * 40)
    logs = sorted((tmp_path / "logs").glob("x.log*"))
    assert 2 <= len(logs) <= 1 + logfile.BACKUPS
    assert all(p.stat().st_size <= logfile.MAX_BYTES + 1000 for p in logs)
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert logfile.install_log_file(blocker / "logs" / "y.log") is None
    logfile.install_log_file()  # back to the data folder for the other tests


def test_warnings_found_at_open_are_shown(qtbot, ledger):
    from dangzhibu_desktop.ui.main_window import MainWindow

    ledger.warnings.append("今天的自动备份未能完成：备份文件夹所在的磁盘已满")
    win = MainWindow(ledger, persist=False)
    qtbot.addWidget(win)
    win.show()
    notice = win.ledger_notice
    assert isinstance(notice, QMessageBox) and notice.isVisible() and not notice.isModal()
    assert "自动备份未能完成" in notice.text()


def test_no_notice_without_warnings(qtbot, ledger):
    from dangzhibu_desktop.ui.main_window import MainWindow

    win = MainWindow(ledger, persist=False)
    qtbot.addWidget(win)
    assert win.ledger_notice is None


def test_a_file_that_cannot_be_written_opens_read_only_and_says_so(qtbot, tmp_path, monkeypatch):
    """A ledger on a CD or a write-protected stick (simulated: root writes through chmod) opens
    read-only: the window says so, editing is off, and a save through any path is refused with
    the sentence, nothing written."""
    from dangzhibu_desktop.ledger import errors, open_ledger
    from dangzhibu_desktop.ui import opening
    from dangzhibu_desktop.ui.main_window import MainWindow

    from .ui_support import db_rows

    path = tmp_path / "光盘上的台账.sqlite"
    with open_ledger(path, create=True) as led:
        led.save_branch({"name": "第一党支部"})
        led.insert("members", {"name": "张三"})
    real = opening.open_ledger

    def writable_refused(p, **kw):
        if not kw.get("readonly"):
            raise errors.ReadOnlyStorageError(f"无法保存到“{p.name}”：文件或文件夹是只读的", p, "打开台账")
        return real(p, **kw)

    monkeypatch.setattr(opening, "open_ledger", writable_refused)
    ledger = opening.open_with_recovery(path, ask=False)
    assert ledger is not None and ledger.readonly
    win = MainWindow(ledger, persist=False)
    qtbot.addWidget(win)
    win.show()
    assert "只读" in win.windowTitle() and "只读" in win.ledger_notice.text()
    assert "文件或文件夹是只读的" in win.ledger_notice.text()
    win.show_page("members")
    assert not win.act_new.isEnabled() and not win.act_delete.isEnabled() and not win.act_undo.isEnabled()
    try:
        ledger.insert("members", {"name": "李四"})
    except errors.ReadOnlyStorageError as exc:
        assert "只读方式打开" in str(exc) and "不能保存" in str(exc)
    else:
        raise AssertionError("a read-only ledger took a write")
    assert db_rows(path, "SELECT name FROM members") == [("张三",)]
