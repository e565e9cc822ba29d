"""发展/转正 表决 counts of a 支部党员大会 (schema v2 meetings.votes_for/against/abstain): the store's
checks, the meeting editor typed into, the data package both ways, the 会议记录簿 and the demo."""

import json
import sqlite3
import sys
from pathlib import Path

import pytest
from docx import Document
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox

sys.path.insert(0, str(Path(__file__).parent))

from pdf_support import needs_poppler, pdftext, squash  # noqa: E402
from ui_dialogs_data import build_branch  # noqa: E402

from dangzhibu_desktop.exports import export_document  # noqa: E402
from dangzhibu_desktop.ledger import open_ledger  # noqa: E402
from dangzhibu_desktop.ledger.package import PackageError, export_package, import_package  # noqa: E402
from dangzhibu_desktop.ledger.validate import ValidationError  # noqa: E402
from dangzhibu_desktop.ui import dialogs as D  # noqa: E402

DAY = "2025-03-05"
VOTES = ("votes_for", "votes_against", "votes_abstain")


@pytest.fixture
def branch(ledger):
    return build_branch(ledger)


def _meeting(ledger, ids, present, **values):
    """A 支部党员大会 on DAY with the four party members: ``present`` of them 出席, the rest 请假."""
    people = [ids[n] for n in ("张伟", "李娜", "王强", "赵敏")]
    attendance = [{"member_id": m, "status": "出席" if i < present else "请假", "reason": None if i < present else "出差"}
                  for i, m in enumerate(people)]
    row = {"kind": "支部党员大会", "date": DAY, "topic": "讨论接收预备党员", "vote": 1, **values}
    return ledger.save_meeting(None, row, attendance)


def _stored(path, meeting_id):
    con = sqlite3.connect(str(path))
    try:
        return con.execute("SELECT votes_for, votes_against, votes_abstain FROM meetings WHERE id = ?",
                           (meeting_id,)).fetchone()
    finally:
        con.close()


# ---- the store ------------------------------------------------------------------------
def test_counts_up_to_the_people_present_are_kept(ledger, ledger_path, branch):
    mid = _meeting(ledger, branch, 3, votes_for=2, votes_against=0, votes_abstain=1)  # 3 of 3: the boundary
    assert _stored(ledger_path, mid) == (2, 0, 1)


def test_counts_above_the_people_present_are_refused(ledger, ledger_path, branch):
    with pytest.raises(ValidationError) as exc:
        _meeting(ledger, branch, 3, votes_for=3, votes_against=1, votes_abstain=0)
    assert str(exc.value) == "表决票数合计4票（同意、反对、弃权之和），超过了实到会人数3人，请核对"
    con = sqlite3.connect(str(ledger_path))
    assert con.execute("SELECT COUNT(*) FROM meetings").fetchone()[0] == 0  # nothing half-written
    con.close()


def test_attendance_or_counts_changed_later_are_checked_too(ledger, ledger_path, branch):
    mid = _meeting(ledger, branch, 4, votes_for=4, votes_against=0, votes_abstain=0)
    with pytest.raises(ValidationError, match="超过了实到会人数4人"):
        ledger.update("meetings", mid, {"votes_abstain": 1})
    rows = [{**a, "status": "请假", "reason": "出差"} if a["member_id"] == branch["张伟"] else a
            for a in ({k: r[k] for k in ("member_id", "status", "reason")} for r in ledger.children("attendance", mid))]
    with pytest.raises(ValidationError, match="合计4票.*实到会人数3人"):
        ledger.replace_children("attendance", mid, rows)
    # Both changed together in one save: judged on the new attendance, not the old.
    ledger.save_meeting(mid, {"votes_for": 3}, rows)
    assert _stored(ledger_path, mid) == (3, 0, 0)


@pytest.mark.parametrize("values, message", [
    ({"votes_for": -1, "votes_against": 0, "votes_abstain": 0}, "同意票数不能为负数"),
    ({"votes_for": 2}, "请完整填写表决结果的同意、反对、弃权票数（没有的填0）"),
    ({"votes_for": 2, "votes_against": 0, "votes_abstain": 0, "vote": 0}, "填写了表决票数，请勾选“有表决事项”"),
    ({"votes_for": 2, "votes_against": 0, "votes_abstain": 0, "kind": "党课"},
     "表决票数只用于支部党员大会（发展党员、预备党员转正的表决）"),
])
def test_counts_that_cannot_be_a_vote_are_refused(ledger, branch, values, message):
    with pytest.raises(ValidationError) as exc:
        _meeting(ledger, branch, 3, **values)
    assert str(exc.value) == message


def test_no_counts_is_no_vote_recorded(ledger, ledger_path, branch):
    mid = _meeting(ledger, branch, 2)
    assert _stored(ledger_path, mid) == (None, None, None)


# ---- the meeting editor ---------------------------------------------------------------
@pytest.fixture(autouse=True)
def _never_block_on_close(monkeypatch):
    monkeypatch.setattr(D.RecordDialog, "ask_unsaved", lambda self: QMessageBox.StandardButton.Discard)


def _dialog(qtbot, ledger, kind="支部党员大会", row_id=None):
    dlg = D.MeetingDialog(ledger, row_id, {"kind": kind, "date": DAY})
    dlg.ask_incomplete = lambda missing: True
    qtbot.addWidget(dlg)
    dlg.show()
    return dlg


def _save(qtbot, dlg):
    qtbot.mouseClick(dlg.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)


def test_editor_types_the_counts_into_the_file(qtbot, ledger, ledger_path, branch):
    dlg = _dialog(qtbot, ledger)
    assert dlg.ui.votesBox.isVisible()
    dlg.all_present()
    assert not dlg.ui.voteCheck.isChecked()
    qtbot.keyClicks(dlg.ui.votesForEdit, "3")
    assert dlg.ui.voteCheck.isChecked()  # counts are a 表决事项's
    qtbot.keyClicks(dlg.ui.votesAbstainEdit, "1")
    qtbot.keyClicks(dlg.ui.votesAgainstEdit, "-x")  # the field takes digits only
    assert dlg.ui.votesAgainstEdit.text() == ""
    _save(qtbot, dlg)
    assert dlg.result() == QDialog.DialogCode.Accepted
    mid = dlg.saved_id
    assert _stored(ledger_path, mid) == (3, 0, 1)  # 反对 left empty beside typed counts: 0

    again = _dialog(qtbot, ledger, row_id=mid)
    assert [again.vote_edits[k].text() for k in VOTES] == ["3", "0", "1"]
    again.ui.votesForEdit.clear()
    qtbot.keyClicks(again.ui.votesForEdit, "9")
    _save(qtbot, again)
    assert again.isVisible() and again.ui.errorLabel.text() == \
        "表决票数合计10票（同意、反对、弃权之和），超过了实到会人数4人，请核对"
    assert again.ui.votesForEdit.property("invalid") is True
    assert _stored(ledger_path, mid) == (3, 0, 1)


def test_editor_shows_the_counts_only_for_the_general_meeting(qtbot, ledger, ledger_path, branch):
    dlg = _dialog(qtbot, ledger, kind="党小组会")
    assert not dlg.ui.votesBox.isVisible()
    from dangzhibu_desktop.ui.dialogs.common import set_combo

    set_combo(dlg.ui.kindCombo, "支部党员大会")
    assert dlg.ui.votesBox.isVisible()
    qtbot.keyClicks(dlg.ui.votesForEdit, "2")
    set_combo(dlg.ui.kindCombo, "党课")  # typed, then another kind chosen: not saved as a vote
    assert not dlg.ui.votesBox.isVisible()
    dlg.all_present()
    _save(qtbot, dlg)
    assert _stored(ledger_path, dlg.saved_id) == (None, None, None)


# ---- the data package -----------------------------------------------------------------
def test_package_carries_the_counts_both_ways(ledger, branch, tmp_path):
    mid = _meeting(ledger, branch, 4, votes_for=3, votes_against=1, votes_abstain=0)
    doc = export_package(ledger)
    meeting = next(m for m in doc["meetings"] if m["id"] == mid)
    assert (meeting["votes_for"], meeting["votes_against"], meeting["votes_abstain"]) == (3, 1, 0)
    with open_ledger(tmp_path / "copy.sqlite", create=True) as dst:
        import_package(dst, json.loads(json.dumps(doc)))
        assert [dst.get("meetings", mid)[k] for k in VOTES] == [3, 1, 0]
        assert export_package(dst) == doc


def test_a_package_written_before_the_counts_still_imports(ledger, branch, tmp_path):
    _meeting(ledger, branch, 4)
    doc = export_package(ledger)
    for m in doc["meetings"]:
        for k in VOTES:
            del m[k]  # as an older version wrote it
    with open_ledger(tmp_path / "copy.sqlite", create=True) as dst:
        import_package(dst, doc)
        assert [dst.rows("meetings")[0][k] for k in VOTES] == [None, None, None]


def test_a_package_with_more_votes_than_people_present_is_refused(ledger, branch, tmp_path):
    mid = _meeting(ledger, branch, 4, votes_for=4, votes_against=0, votes_abstain=0)
    doc = export_package(ledger)
    next(m for m in doc["meetings"] if m["id"] == mid)["votes_against"] = 1
    with open_ledger(tmp_path / "copy.sqlite", create=True) as dst:
        with pytest.raises(PackageError, match="三会一课及组织生活第1条.*合计5票.*实到会人数4人"):
            import_package(dst, doc)
        assert dst.count("meetings") == 0


# ---- the 会议记录簿 ---------------------------------------------------------------------
@needs_poppler
def test_meeting_book_prints_the_vote_when_recorded(ledger, branch, tmp_path):
    _meeting(ledger, branch, 4, votes_for=3, votes_against=0, votes_abstain=1, resolutions="同意接收赵敏为预备党员")
    _meeting(ledger, branch, 4, topic="学习")  # no counts recorded: no 表决结果 line
    pdf = squash(pdftext(export_document("ledger", ledger, 2025, tmp_path / "记录簿.pdf")))
    assert pdf.count("表决结果") == 1
    assert "同意接收赵敏为预备党员表决结果：同意3票，反对0票，弃权1票" in pdf
    doc = Document(export_document("ledger", ledger, 2025, tmp_path / "记录簿.docx"))
    cells = [c.text for t in doc.tables[1:] for r in t.rows for c in r.cells]
    assert "同意接收赵敏为预备党员\n表决结果：同意3票，反对0票，弃权1票" in cells
    assert sum("表决结果" in c for c in set(cells)) == 1


def test_demo_records_the_votes_of_its_development_meetings(tmp_path):
    from dangzhibu_desktop.demo import build_demo

    path = tmp_path / "demo.sqlite"
    build_demo(path, year=2026)
    with open_ledger(path) as led:
        voted = led.query("SELECT * FROM meetings WHERE votes_for IS NOT NULL AND deleted_at IS NULL")
        assert voted
        for m in voted:
            assert m["kind"] == "支部党员大会" and m["vote"] == 1
            assert "接收" in m["content"] or "转正" in m["content"]
            assert f"赞成{m['votes_for']}票" in m["content"] or "一致同意" in m["content"]
