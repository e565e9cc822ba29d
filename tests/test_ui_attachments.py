"""The 佐证材料 panel in the editors, driven as a person drives it (添加…, drag and drop, Ctrl+V),
then the SQLite file and the attachment folder read back."""

import hashlib
import sqlite3
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QColor, QDropEvent, QImage
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

sys.path.insert(0, str(Path(__file__).parent))

from ui_dialogs_data import build_branch  # noqa: E402

from dangzhibu_desktop.ledger import attachments as att  # noqa: E402
from dangzhibu_desktop.ui import dialogs as D  # noqa: E402
from dangzhibu_desktop.ui.widgets.attachments import AttachmentsPanel  # noqa: E402
from tests.attachment_files import write_docx, write_pdf, write_photo  # noqa: E402


@pytest.fixture(autouse=True)
def _no_modal_questions(monkeypatch):
    monkeypatch.setattr(D.RecordDialog, "ask_unsaved", lambda self: QMessageBox.StandardButton.Discard)
    monkeypatch.setattr(D.MeetingDialog, "ask_incomplete", lambda self, missing: True)


@pytest.fixture
def branch(ledger):
    return build_branch(ledger)


def rows(path, sql, params=()):
    conn = sqlite3.connect(str(path))
    conn.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in conn.execute(sql, params)]
    finally:
        conn.close()


def _file_of(ledger_path, row):
    return (att.folder_for(ledger_path) / row["sha256"]).read_bytes()


def test_add_files_to_a_new_meeting_then_save(qtbot, ledger, ledger_path, branch, tmp_path, monkeypatch):
    photo = write_photo(tmp_path / "会议现场.jpg", size=(3000, 2000), orientation=1)
    sheet = write_pdf(tmp_path / "签到表.pdf")
    dlg = D.MeetingDialog(ledger, None, {"kind": "主题党日", "date": "2025-03-20"})
    qtbot.addWidget(dlg)
    panel = dlg.attachments
    assert isinstance(panel, AttachmentsPanel) and dlg.ui.tabs.tabText(dlg.ui.tabs.count() - 1) == "佐证材料"
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(photo), str(sheet)], ""))
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    assert panel.count() == 2 and dlg.dirty
    assert rows(ledger_path, "SELECT * FROM attachments") == []  # written only on 保存
    qtbot.keyClicks(dlg.ui.topicEdit, "xueleifeng")
    assert dlg.save()
    got = rows(ledger_path, "SELECT * FROM attachments ORDER BY id")
    assert [(r["owner_table"], r["owner_id"], r["kind"], r["title"]) for r in got] == [
        ("meetings", dlg.saved_id, "照片", "会议现场"), ("meetings", dlg.saved_id, "扫描件", "签到表")]
    stored = _file_of(ledger_path, got[0])
    assert hashlib.sha256(stored).hexdigest() == got[0]["sha256"]
    assert _file_of(ledger_path, got[1]) == sheet.read_bytes()


def test_drop_paste_and_the_kind_chosen(qtbot, ledger, ledger_path, tmp_path):
    tid = ledger.insert("trainings", {"date": "2025-04-01", "title": "党纪学习", "hours": 20})
    dlg = D.TrainingDialog(ledger, tid)
    qtbot.addWidget(dlg)
    dlg.show()
    panel = dlg.attachments
    panel.kind_combo.setCurrentIndex(panel.kind_combo.findData("签到表"))
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(write_pdf(tmp_path / "培训签到.pdf")))])
    drop = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    panel.dropEvent(drop)
    assert panel.count() == 1
    panel.kind_combo.setCurrentIndex(0)  # 自动判断类别
    image = QImage(640, 480, QImage.Format.Format_RGB32)
    image.fill(QColor("#c62828"))
    QApplication.clipboard().setImage(image)
    panel.list.setFocus()
    qtbot.keyClick(panel.list, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert panel.count() == 2
    assert dlg.save()
    got = rows(ledger_path, "SELECT kind, title, mime FROM attachments ORDER BY id")
    assert got == [{"kind": "签到表", "title": "培训签到", "mime": "application/pdf"},
                   {"kind": "照片", "title": "粘贴的图片", "mime": "image/png"}]


def test_bad_file_named_in_red_and_nothing_kept(qtbot, ledger, ledger_path, tmp_path):
    vid = ledger.insert("volunteer_activities", {"date": "2025-05-01", "title": "社区清扫"})
    dlg = D.VolunteerDialog(ledger, vid)
    qtbot.addWidget(dlg)
    bad = tmp_path / "坏.jpg"
    bad.write_bytes(b"\xff\xd8\xff" + b"\0" * 100)
    assert not dlg.attachments.add_paths([str(write_photo(tmp_path / "ok.jpg", size=(300, 200))), str(bad)])
    assert dlg.attachments.count() == 0
    assert "无法读取“坏.jpg”" in dlg.attachments.message.text() and not dlg.attachments.message.isHidden()
    assert dlg.save()
    assert rows(ledger_path, "SELECT * FROM attachments") == []


def test_cancel_writes_nothing(qtbot, ledger, ledger_path, tmp_path):
    rid = ledger.insert("rectifications", {"problem": "会议记录缺少签到表"})
    dlg = D.RectificationDialog(ledger, rid)
    qtbot.addWidget(dlg)
    dlg.attachments.add_paths([str(write_pdf(tmp_path / "签到表.pdf"))])
    dlg.reject()
    assert rows(ledger_path, "SELECT * FROM attachments") == []


def test_thumbnails_view_and_remove_on_an_existing_record(qtbot, ledger, ledger_path, tmp_path):
    pid = ledger.insert("pioneer_posts", {"kind": "先锋岗", "name": "调度先锋岗"})
    att.attach(ledger, "pioneer_posts", pid, [write_photo(tmp_path / "挂牌.jpg", size=(800, 600)),
                                              write_docx(tmp_path / "承诺书.docx")])
    dlg = D.PioneerPostDialog(ledger, pid)
    qtbot.addWidget(dlg)
    panel = dlg.attachments
    assert panel.count() == 2
    assert not panel.list.item(0).icon().isNull()
    assert panel.summary.text() == "共 2 份：照片1张、文件1份"
    panel.list.item(0).setSelected(True)
    viewer = panel.view_selected()
    assert viewer is not None and viewer.image_label.pixmap() is not None
    assert not viewer.image_label.pixmap().isNull()
    viewer.close()
    panel.list.clearSelection()
    panel.list.item(1).setSelected(True)
    qtbot.mouseClick(panel.remove_button, Qt.MouseButton.LeftButton)
    assert panel.count() == 1
    assert dlg.save()
    live = rows(ledger_path, "SELECT title FROM attachments WHERE deleted_at IS NULL")
    assert live == [{"title": "挂牌"}]
    assert rows(ledger_path, "SELECT title FROM attachments WHERE deleted_at IS NOT NULL") == [{"title": "承诺书"}]


def test_step_dialog_carries_a_panel(qtbot, ledger, ledger_path, branch, tmp_path):
    mid = branch["刘洋"]
    dlg = D.StepDialog(ledger, None, {"member_id": mid})
    qtbot.addWidget(dlg)
    assert dlg.attachments is not None
    dlg.attachments.add_paths([str(write_pdf(tmp_path / "入党申请书.pdf"))])
    dlg.ui.stepCombo.setCurrentIndex(0)
    if not dlg.save():
        pytest.fail(dlg.ui.errorLabel.text())
    got = rows(ledger_path, "SELECT owner_table, owner_id, title FROM attachments")
    assert got == [{"owner_table": "development_steps", "owner_id": dlg.saved_id, "title": "入党申请书"}]


def test_checklist_item_gets_its_evidence_at_once(qtbot, ledger, ledger_path, tmp_path):
    from dangzhibu_desktop.ui.dialogs.checklist import ChecklistWidget

    w = ChecklistWidget(ledger, 2025)
    qtbot.addWidget(w)
    codes = [it["code"] for it in w.model.items]
    row = codes.index("SUP-VENUE") if "SUP-VENUE" in codes else 0
    w.view.setCurrentIndex(w.model.index(row, 1))
    assert w.attachments.isEnabled() and w.attachments.owner_id is None
    assert w.attachments.add_paths([str(write_photo(tmp_path / "党员活动室.jpg", size=(1200, 900)))])
    got = rows(ledger_path, "SELECT c.rule_code, c.year, a.kind, a.title FROM attachments a "
                            "JOIN checklist c ON c.id = a.owner_id WHERE a.owner_table = 'checklist'")
    assert got == [{"rule_code": codes[row], "year": 2025, "kind": "照片", "title": "党员活动室"}]
    w.view.setCurrentIndex(w.model.index((row + 1) % len(codes), 1))
    assert w.attachments.count() == 0
    w.view.setCurrentIndex(w.model.index(row, 1))
    assert w.attachments.count() == 1
