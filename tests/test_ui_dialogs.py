"""The editors, driven as a person drives them; every test asserts on the SQLite file afterwards."""

import datetime as _dt
import sqlite3
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QMessageBox

sys.path.insert(0, str(Path(__file__).parent))

from ui_dialogs_data import build_branch, valid_id  # noqa: E402
from ui_support import type_text  # noqa: E402

from dangzhibu_desktop.ledger.validate import ValidationError, validate_id_number  # noqa: E402
from dangzhibu_desktop.ui import dialogs as D  # noqa: E402
from dangzhibu_desktop.ui.dialogs.common import get_date, set_combo, set_date  # noqa: E402


@pytest.fixture(autouse=True)
def _never_block_on_close(monkeypatch):
    """qtbot closes leftover dialogs at teardown; a dirty one must not open a modal question then."""
    monkeypatch.setattr(D.RecordDialog, "ask_unsaved", lambda self: QMessageBox.StandardButton.Discard)
    # Meetings saved here without 主持人/记录人 test other things: 是 to "save an incomplete record?"
    # (tests/test_ui_meeting_records.py asks and answers it for real).
    monkeypatch.setattr(D.MeetingDialog, "ask_incomplete", lambda self, missing: True)


@pytest.fixture
def branch(ledger):
    return build_branch(ledger)


def db_rows(path, sql, params=()):
    """Read the ledger file through its own connection: what is really on disk."""
    conn = sqlite3.connect(str(path))
    conn.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in conn.execute(sql, params)]
    finally:
        conn.close()


def make(qtbot, cls, ledger, row_id=None, defaults=None):
    dialog = cls(ledger, row_id, defaults)
    qtbot.addWidget(dialog)
    return dialog


# ---- members ------------------------------------------------------------------------------------
def test_add_member_through_the_dialog(qtbot, ledger, ledger_path, branch):
    dlg = make(qtbot, D.MemberDialog, ledger)
    assert dlg.windowTitle() == "新增人员"
    type_text(qtbot, dlg.ui.nameEdit, "陈静")
    number = valid_id("11010519850312002")
    qtbot.keyClicks(dlg.ui.idNumberEdit, number)
    # Birth date and gender come from the ID as it is typed.
    assert get_date(dlg.ui.birthDateEdit) == "1985-03-12"
    assert dlg.ui.genderCombo.currentText() == "女"
    assert "1985-03-12" in dlg.ui.idStatusLabel.text()
    qtbot.keyClicks(dlg.ui.phoneEdit, "13800138000")
    set_combo(dlg.ui.partyGroupCombo, branch["g2"])
    set_combo(dlg.ui.duesClassCombo, "离退休")
    dlg.steps.append({"step": 1, "date": "2020-01-05", "note": "递交申请书"})
    dlg.steps.append({"step": 3, "date": "2020-09-01", "persons": "张伟、李娜"})
    dlg.refresh_steps()
    assert "入党积极分子" in dlg.ui.categoryLabel.text()
    assert "第4步" in dlg.ui.nextStepLabel.text()
    dlg.roles.append({"role": "组织委员", "start_date": "2023-06-01", "end_date": None})
    assert dlg.dirty
    assert dlg.save()
    assert dlg.result() == QDialog.DialogCode.Accepted

    rows = db_rows(ledger_path, "SELECT * FROM members WHERE name = '陈静'")
    assert len(rows) == 1
    m = rows[0]
    assert (m["id_number"], m["birth_date"], m["gender"], m["phone"]) == (number, "1985-03-12", "女", "13800138000")
    assert (m["party_group_id"], m["dues_class"], m["status"]) == (branch["g2"], "离退休", "在册")
    assert dlg.saved_id == m["id"]
    steps = db_rows(ledger_path, "SELECT step, date, persons FROM development_steps WHERE member_id = ? "
                                 "ORDER BY step", (m["id"],))
    assert steps == [{"step": 1, "date": "2020-01-05", "persons": None},
                     {"step": 3, "date": "2020-09-01", "persons": "张伟、李娜"}]
    roles = db_rows(ledger_path, "SELECT role, start_date FROM committee_roles WHERE member_id = ?", (m["id"],))
    assert roles == [{"role": "组织委员", "start_date": "2023-06-01"}]


def test_bad_id_number_refused_with_its_message(qtbot, ledger, ledger_path, branch):
    before = db_rows(ledger_path, "SELECT COUNT(*) AS n FROM members")[0]["n"]
    dlg = make(qtbot, D.MemberDialog, ledger)
    type_text(qtbot, dlg.ui.nameEdit, "孙磊")
    good = valid_id("11010519850312001")
    bad = good[:-1] + ("0" if good[-1] != "0" else "1")
    qtbot.keyClicks(dlg.ui.idNumberEdit, bad)
    with pytest.raises(ValidationError) as expected:
        validate_id_number(bad)
    assert "校验位错误" in expected.value.message
    assert dlg.ui.idStatusLabel.text() == expected.value.message
    assert not dlg.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).isEnabled()
    assert dlg.save() is False
    assert dlg.ui.errorLabel.text() == expected.value.message
    assert db_rows(ledger_path, "SELECT COUNT(*) AS n FROM members")[0]["n"] == before
    # Fixing the last character makes it acceptable again.
    dlg.ui.idNumberEdit.setText(good)
    assert dlg.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).isEnabled()
    assert dlg.save()
    assert db_rows(ledger_path, "SELECT id_number FROM members WHERE name = '孙磊'") == [{"id_number": good}]


def test_short_id_number_message(qtbot, ledger, branch):
    dlg = make(qtbot, D.MemberDialog, ledger)
    qtbot.keyClicks(dlg.ui.idNumberEdit, "1234")
    assert dlg.ui.idStatusLabel.text() == "身份证号应为18位，现为4位"


def test_missing_name_shown_inline_nothing_written(qtbot, ledger, ledger_path, branch):
    dlg = make(qtbot, D.MemberDialog, ledger)
    dlg.steps.append({"step": 1, "date": "2020-01-05"})
    assert dlg.save() is False
    assert dlg.ui.errorLabel.text() == "请填写姓名"
    assert dlg.ui.nameEdit.property("invalid") is True
    assert db_rows(ledger_path, "SELECT COUNT(*) AS n FROM development_steps WHERE date = '2020-01-05'")[0]["n"] == 0


def test_edit_member_steps_updated_and_removed_to_recycle_bin(qtbot, ledger, ledger_path, branch):
    mid = branch["赵敏"]
    dlg = make(qtbot, D.MemberDialog, ledger, mid)
    assert dlg.windowTitle() == "党员信息 — 赵敏"
    assert "预备党员" in dlg.ui.categoryLabel.text()
    assert [s["step"] for s in dlg.steps] == [1, 15]
    dlg.ui.nameEdit.setText("赵敏敏")
    dlg.mark_dirty()
    dlg.steps = [s for s in dlg.steps if s["step"] != 1]
    dlg.steps[0]["note"] = "支部大会通过"
    dlg.steps.append({"step": 23, "date": "2025-09-01", "outcome": "按期转正"})
    assert dlg.save()
    assert db_rows(ledger_path, "SELECT name FROM members WHERE id = ?", (mid,)) == [{"name": "赵敏敏"}]
    live = db_rows(ledger_path, "SELECT step, note, outcome FROM development_steps WHERE member_id = ? "
                                "AND deleted_at IS NULL ORDER BY step", (mid,))
    assert live == [{"step": 15, "note": "支部大会通过", "outcome": None},
                    {"step": 23, "note": None, "outcome": "按期转正"}]
    binned = db_rows(ledger_path, "SELECT step FROM development_steps WHERE member_id = ? "
                                  "AND deleted_at IS NOT NULL", (mid,))
    assert binned == [{"step": 1}]
    assert ledger.member_category(mid) == "正式党员"


def test_timeline_shows_next_step_and_earliest_date(qtbot, ledger, branch):
    dlg = make(qtbot, D.MemberDialog, ledger, branch["刘洋"])  # 积极分子 since 2023-09-01
    dlg.steps.extend([{"step": 4, "date": "2023-09-10"}, {"step": 5, "date": "2023-09-10"},
                      {"step": 6, "date": "2024-03-01"}])
    dlg.refresh_steps()
    # Step 7 needs a full year as 积极分子: earliest 2024-09-01.
    assert "第7步 确定发展对象" in dlg.ui.nextStepLabel.text()
    assert "2024-09-01" in dlg.ui.nextStepLabel.text()


def test_step_dialog_standalone_and_outcome_rule(qtbot, ledger, ledger_path, branch):
    mid = branch["赵敏"]
    dlg = make(qtbot, D.StepDialog, ledger, None, {"member_id": mid})
    assert "第16步" in dlg.ui.hintLabel.text()
    assert dlg.ui.stepCombo.currentData() == 16
    assert not dlg.ui.outcomeCombo.isEnabled()
    set_combo(dlg.ui.stepCombo, 23)
    assert dlg.ui.outcomeCombo.isEnabled()
    set_combo(dlg.ui.outcomeCombo, "延长预备期")
    set_date(dlg.ui.dateEdit, "2025-09-02")
    assert not dlg.save()  # an extension needs its months (6–12)
    qtbot.keyClicks(dlg.ui.extensionEdit, "6")
    assert dlg.save()
    row = db_rows(ledger_path, "SELECT * FROM development_steps WHERE id = ?", (dlg.saved_id,))[0]
    assert (row["member_id"], row["step"], row["date"], row["outcome"], row["extension_months"]) == \
        (mid, 23, "2025-09-02", "延长预备期", 6)


# ---- meetings -----------------------------------------------------------------------------------
def test_record_meeting_with_attendance(qtbot, ledger, ledger_path, branch):
    dlg = make(qtbot, D.MeetingDialog, ledger, None, {"kind": "支部党员大会", "date": "2025-03-05"})
    names = [r["name"] for r in dlg.model.rows]
    # Only 正式/预备党员 are 应到; the activist 刘洋 is not listed.
    assert names == ["张伟", "李娜", "王强", "赵敏"]
    qtbot.mouseClick(dlg.ui.allPresentButton, Qt.MouseButton.LeftButton)
    row = names.index("王强")
    dlg.model.setData(dlg.model.index(row, dlg.model.column_index("status")), "请假")
    dlg.model.setData(dlg.model.index(row, dlg.model.column_index("reason")), "出差")
    assert dlg.ui.attendanceSummaryLabel.text().startswith("应到 4 人，实到 3 人，请假 1 人，缺席 0 人")
    type_text(qtbot, dlg.ui.topicEdit, "传达学习全会精神")
    qtbot.keyClicks(dlg.ui.startTimeEdit, "14:30")
    qtbot.keyClicks(dlg.ui.endTimeEdit, "16:00")
    set_combo(dlg.ui.hostCombo, branch["张伟"])
    set_combo(dlg.ui.recorderCombo, branch["李娜"])
    dlg.ui.contentEdit.setPlainText("会议学习了全会精神。")
    dlg.ui.voteCheck.setChecked(True)
    assert dlg.save()
    m = db_rows(ledger_path, "SELECT * FROM meetings WHERE id = ?", (dlg.saved_id,))[0]
    assert (m["kind"], m["date"], m["start_time"], m["end_time"], m["topic"], m["vote"]) == \
        ("支部党员大会", "2025-03-05", "14:30", "16:00", "传达学习全会精神", 1)
    assert (m["host_id"], m["recorder_id"]) == (branch["张伟"], branch["李娜"])
    att = db_rows(ledger_path, "SELECT m.name, a.status, a.reason FROM attendance a JOIN members m "
                               "ON m.id = a.member_id WHERE a.meeting_id = ? ORDER BY m.id", (dlg.saved_id,))
    assert att == [{"name": "张伟", "status": "出席", "reason": None},
                   {"name": "李娜", "status": "出席", "reason": None},
                   {"name": "王强", "status": "请假", "reason": "出差"},
                   {"name": "赵敏", "status": "出席", "reason": None}]


def test_group_meeting_lists_only_the_group(qtbot, ledger, ledger_path, branch):
    dlg = make(qtbot, D.MeetingDialog, ledger, None, {"kind": "党小组会", "date": "2025-04-10"})
    assert dlg.model.rows == []
    assert dlg.ui.partyGroupCombo.isEnabled()
    set_combo(dlg.ui.partyGroupCombo, branch["g2"])
    assert [r["name"] for r in dlg.model.rows] == ["王强", "赵敏"]
    dlg.all_present()
    assert "应到 2 人，实到 2 人" in dlg.ui.attendanceSummaryLabel.text()
    assert dlg.save()
    assert db_rows(ledger_path, "SELECT party_group_id FROM meetings WHERE id = ?", (dlg.saved_id,)) == \
        [{"party_group_id": branch["g2"]}]
    assert db_rows(ledger_path, "SELECT COUNT(*) AS n FROM attendance WHERE meeting_id = ?",
                   (dlg.saved_id,))[0]["n"] == 2


def test_committee_meeting_lists_the_committee(qtbot, ledger, branch):
    ledger.insert("committee_roles", {"member_id": branch["张伟"], "role": "书记", "start_date": "2023-06-01"})
    ledger.insert("committee_roles", {"member_id": branch["王强"], "role": "组织委员", "start_date": "2023-06-01",
                                      "end_date": "2025-01-31"})
    dlg = make(qtbot, D.MeetingDialog, ledger, None, {"kind": "支部委员会", "date": "2025-01-15"})
    assert [r["name"] for r in dlg.model.rows] == ["张伟", "王强"]
    set_date(dlg.ui.dateEdit, "2025-03-15")
    assert [r["name"] for r in dlg.model.rows] == ["张伟"]
    assert dlg.ui.attendanceSummaryLabel.text().endswith("（支委会成员）")


def test_attendance_roster_follows_the_date(qtbot, ledger, branch):
    # Before 赵敏 was admitted (2024-09-01) she is not 应到.
    dlg = make(qtbot, D.MeetingDialog, ledger, None, {"kind": "支部党员大会", "date": "2024-05-05"})
    assert [r["name"] for r in dlg.model.rows] == ["张伟", "李娜", "王强"]
    # A new meeting marks the people expected 出席; what the person chose stays when the date moves.
    assert [r["status"] for r in dlg.model.rows] == ["出席", "出席", "出席"]
    dlg.model.setData(dlg.model.index(2, dlg.model.column_index("status")), "请假")
    set_date(dlg.ui.dateEdit, "2024-10-05")
    assert [(r["name"], r["status"]) for r in dlg.model.rows] == \
        [("张伟", "出席"), ("李娜", "出席"), ("王强", "请假"), ("赵敏", "出席")]
    # A meeting dated ahead is a plan: nobody is marked until it is held.
    set_date(dlg.ui.dateEdit, (_dt.date.today() + _dt.timedelta(days=30)).isoformat())
    assert [r["status"] for r in dlg.model.rows] == ["", "", "请假", ""]


def test_half_filled_attendance_refused(qtbot, ledger, ledger_path, branch):
    # Nobody expected marked beforehand (``attendees`` empty), one person marked by hand.
    dlg = make(qtbot, D.MeetingDialog, ledger, None, {"kind": "党课", "date": "2025-03-05", "attendees": []})
    assert [r["status"] for r in dlg.model.rows] == ["", "", "", ""]
    dlg.model.setData(dlg.model.index(0, dlg.model.column_index("status")), "出席")
    assert dlg.save() is False
    assert dlg.ui.errorLabel.text().startswith("还有3人未登记出勤情况")
    assert db_rows(ledger_path, "SELECT COUNT(*) AS n FROM meetings")[0]["n"] == 0


def test_ledger_rule_shown_inline_nothing_written(qtbot, ledger, ledger_path, branch):
    dlg = make(qtbot, D.MeetingDialog, ledger, None, {"kind": "支部党员大会", "date": "2025-03-05"})
    dlg.all_present()
    dlg.ui.startTimeEdit.setText("16:00")
    dlg.ui.endTimeEdit.setText("15:00")
    assert dlg.save() is False
    assert dlg.ui.errorLabel.text() == "结束时间应晚于开始时间"
    assert dlg.ui.endTimeEdit.property("invalid") is True
    assert db_rows(ledger_path, "SELECT COUNT(*) AS n FROM meetings")[0]["n"] == 0
    assert db_rows(ledger_path, "SELECT COUNT(*) AS n FROM attendance")[0]["n"] == 0
    dlg.ui.endTimeEdit.setText("17:00")
    assert dlg.save()
    assert dlg.ui.endTimeEdit.property("invalid") is False


def test_edit_meeting_keeps_and_changes_attendance(qtbot, ledger, ledger_path, branch):
    first = make(qtbot, D.MeetingDialog, ledger, None, {"kind": "主题党日", "date": "2025-05-20"})
    first.all_present()
    assert first.save()
    again = make(qtbot, D.MeetingDialog, ledger, first.saved_id)
    assert [r["status"] for r in again.model.rows] == ["出席"] * 4
    again.model.setData(again.model.index(3, again.model.column_index("status")), "缺席")
    assert again.save()
    assert db_rows(ledger_path, "SELECT status FROM attendance WHERE meeting_id = ? AND member_id = ?",
                   (first.saved_id, branch["赵敏"])) == [{"status": "缺席"}]


# ---- training, volunteer, post ------------------------------------------------------------------
def test_volunteer_hours_grid(qtbot, ledger, ledger_path, branch):
    dlg = make(qtbot, D.VolunteerDialog, ledger, None, {"date": "2025-05-01"})
    type_text(qtbot, dlg.ui.titleEdit, "社区义务劳动")
    set_combo(dlg.ui.kindCombo, "办实事")
    qtbot.keyClicks(dlg.ui.defaultHoursEdit, "2.5")
    names = [r["name"] for r in dlg.model.rows]
    assert "刘洋" in names  # everyone on the books may serve
    m = dlg.model
    m.setData(m.index(names.index("张伟"), 0), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert m.rows[names.index("张伟")]["hours"] == "2.5"
    # Typing hours for someone ticks them.
    m.setData(m.index(names.index("刘洋"), m.column_index("hours")), "3")
    assert m.rows[names.index("刘洋")]["on"] is True
    assert dlg.ui.summaryLabel.text() == "已选 2 人，合计 5.5 小时"
    assert dlg.save()
    hours = db_rows(ledger_path, "SELECT m.name, h.hours FROM volunteer_hours h JOIN members m ON m.id = h.member_id "
                                 "WHERE h.activity_id = ? ORDER BY m.id", (dlg.saved_id,))
    assert hours == [{"name": "张伟", "hours": 25}, {"name": "刘洋", "hours": 30}]
    act = db_rows(ledger_path, "SELECT title, kind FROM volunteer_activities WHERE id = ?", (dlg.saved_id,))
    assert act == [{"title": "社区义务劳动", "kind": "办实事"}]


def test_volunteer_bad_hours_refused(qtbot, ledger, ledger_path, branch):
    dlg = make(qtbot, D.VolunteerDialog, ledger, None, {"date": "2025-05-01", "title": "植树"})
    m = dlg.model
    m.setData(m.index(0, m.column_index("hours")), "两小时")
    assert dlg.save() is False
    assert dlg.ui.errorLabel.text().startswith("张伟的时长应为数字")
    assert db_rows(ledger_path, "SELECT COUNT(*) AS n FROM volunteer_activities")[0]["n"] == 0
    m.setData(m.index(0, m.column_index("hours")), "30")
    assert dlg.save() is False
    assert "0至24小时" in dlg.ui.errorLabel.text()


def test_training_hours_default_and_follow(qtbot, ledger, ledger_path, branch):
    dlg = make(qtbot, D.TrainingDialog, ledger, None, {"date": "2025-04-01"})
    type_text(qtbot, dlg.ui.titleEdit, "党纪学习教育读书班")
    qtbot.keyClicks(dlg.ui.hoursEdit, "4")
    dlg.ui.hoursEdit.editingFinished.emit()
    dlg.select_all(True)
    assert {r["hours"] for r in dlg.model.rows} == {"4"}
    m = dlg.model
    m.setData(m.index(0, m.column_index("hours")), "2")
    dlg.ui.hoursEdit.setText("3.5")
    dlg.ui.hoursEdit.editingFinished.emit()
    assert [r["hours"] for r in m.rows] == ["2", "3.5", "3.5", "3.5", "3.5"]
    m.setData(m.index(4, 0), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    assert dlg.save()
    t = db_rows(ledger_path, "SELECT title, hours FROM trainings WHERE id = ?", (dlg.saved_id,))
    assert t == [{"title": "党纪学习教育读书班", "hours": 35}]
    att = db_rows(ledger_path, "SELECT member_id, hours FROM training_attendance WHERE training_id = ? "
                               "ORDER BY member_id", (dlg.saved_id,))
    assert att == [{"member_id": branch["张伟"], "hours": 20}, {"member_id": branch["李娜"], "hours": 35},
                   {"member_id": branch["王强"], "hours": 35}, {"member_id": branch["赵敏"], "hours": 35}]


def test_pioneer_post_members_and_roles(qtbot, ledger, ledger_path, branch):
    dlg = make(qtbot, D.PioneerPostDialog, ledger)
    type_text(qtbot, dlg.ui.nameEdit, "党员服务先锋岗")
    set_date(dlg.ui.establishedEdit, "2025-01-10")
    m = dlg.model
    m.setData(m.index(0, 0), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert m.rows[0]["since"] == "2025-01-10"
    m.setData(m.index(0, m.column_index("role")), "岗长")
    m.setData(m.index(1, m.column_index("role")), "成员")
    m.setData(m.index(1, m.column_index("since")), "2025-13-01")
    assert dlg.save() is False
    assert dlg.ui.errorLabel.text().startswith("李娜的")
    assert db_rows(ledger_path, "SELECT COUNT(*) AS n FROM pioneer_posts")[0]["n"] == 0
    m.setData(m.index(1, m.column_index("since")), "2025-02-01")
    assert dlg.save()
    rows = db_rows(ledger_path, "SELECT member_id, role, since FROM post_members WHERE post_id = ? "
                                "ORDER BY member_id", (dlg.saved_id,))
    assert rows == [{"member_id": branch["张伟"], "role": "岗长", "since": "2025-01-10"},
                    {"member_id": branch["李娜"], "role": "成员", "since": "2025-02-01"}]


def test_pioneer_post_keeps_every_spell(qtbot, ledger, ledger_path, branch):
    post = ledger.insert("pioneer_posts", {"kind": "示范岗", "name": "安全示范岗"})
    ledger.replace_children("post_members", post, [
        {"member_id": branch["张伟"], "role": "岗长", "since": "2020-01-01", "until": "2021-01-01"},
        {"member_id": branch["张伟"], "role": "成员", "since": "2023-01-01"}])
    dlg = make(qtbot, D.PioneerPostDialog, ledger, post)
    assert [(r["name"], r["on"]) for r in dlg.model.rows[:3]] == [("张伟", True), ("张伟", True), ("李娜", False)]
    dlg.model.setData(dlg.model.index(2, 0), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert dlg.save()
    rows = db_rows(ledger_path, "SELECT member_id, role, since, until FROM post_members WHERE post_id = ? "
                                "ORDER BY member_id, since", (post,))
    assert rows == [{"member_id": branch["张伟"], "role": "岗长", "since": "2020-01-01", "until": "2021-01-01"},
                    {"member_id": branch["张伟"], "role": "成员", "since": "2023-01-01", "until": None},
                    {"member_id": branch["李娜"], "role": None, "since": None, "until": None}]


# ---- rectification, branch, groups, appraisals --------------------------------------------------
def test_rectification_done_needs_and_gets_a_date(qtbot, ledger, ledger_path, branch):
    dlg = make(qtbot, D.RectificationDialog, ledger)
    dlg.ui.problemEdit.setPlainText("三会一课记录不规范")
    set_combo(dlg.ui.ownerCombo, branch["李娜"])
    set_date(dlg.ui.deadlineEdit, "2025-06-30")
    set_combo(dlg.ui.statusCombo, "已完成")
    # The day it was done is asked, never assumed to be today (after the deadline).
    assert get_date(dlg.ui.closedEdit) is None
    assert not dlg.save()
    assert "完成日期" in dlg.ui.errorLabel.text()
    assert db_rows(ledger_path, "SELECT * FROM rectifications") == []
    type_text(qtbot, dlg.ui.closedEdit, "2025年6月15日")
    assert dlg.save()
    r = db_rows(ledger_path, "SELECT problem, owner_id, status, closed_on, deadline FROM rectifications")[0]
    assert r == {"problem": "三会一课记录不规范", "owner_id": branch["李娜"], "status": "已完成",
                 "closed_on": "2025-06-15", "deadline": "2025-06-30"}


def test_branch_info_saved(qtbot, ledger, ledger_path, branch):
    dlg = make(qtbot, D.BranchDialog, ledger)
    assert dlg.ui.nameEdit.text() == "第一党支部"
    assert [r["name"] for r in dlg.groups_model.rows] == ["第一党小组", "第二党小组"]
    assert [r["persons"] for r in dlg.groups_model.rows] == [2, 2]  # 刘洋 is an 入党积极分子, not a 党员
    dlg.ui.parentOrgEdit.setText("集团公司机关党委")
    dlg.ui.termSpin.setValue(5)
    assert "2028-06-01" in dlg.ui.termEndLabel.text()
    assert dlg.save()
    b = db_rows(ledger_path, "SELECT * FROM branch")
    assert len(b) == 1
    assert (b[0]["name"], b[0]["parent_org"], b[0]["committee_term_years"]) == ("第一党支部", "集团公司机关党委", 5)


def test_party_group_members_assigned(qtbot, ledger, ledger_path, branch):
    dlg = make(qtbot, D.PartyGroupDialog, ledger)
    type_text(qtbot, dlg.ui.nameEdit, "第三党小组")
    set_combo(dlg.ui.leaderCombo, branch["王强"])
    m = dlg.model
    row = next(i for i, r in enumerate(m.rows) if r["name"] == "王强")
    assert m.rows[row]["note"] == "（现属第二党小组）"
    m.setData(m.index(row, 0), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert dlg.save()
    g = db_rows(ledger_path, "SELECT id, leader_id FROM party_groups WHERE name = '第三党小组'")[0]
    assert g["leader_id"] == branch["王强"]
    assert db_rows(ledger_path, "SELECT party_group_id FROM members WHERE id = ?", (branch["王强"],)) == \
        [{"party_group_id": g["id"]}]


def test_appraisals_for_a_year(qtbot, ledger, ledger_path, branch):
    dlg = make(qtbot, D.AppraisalDialog, ledger, None, {"year": 2025})
    assert [r["name"] for r in dlg.model.rows] == ["张伟", "李娜", "王强", "赵敏"]
    m = dlg.model
    m.setData(m.index(0, m.column_index("rating")), "优秀")
    dlg.fill_qualified()
    assert "优秀 1，合格 3" in dlg.ui.summaryLabel.text()
    assert dlg.save()
    rows = db_rows(ledger_path, "SELECT member_id, rating FROM appraisals WHERE year = 2025 AND deleted_at IS NULL "
                                "ORDER BY member_id")
    assert rows == [{"member_id": branch["张伟"], "rating": "优秀"}, {"member_id": branch["李娜"], "rating": "合格"},
                    {"member_id": branch["王强"], "rating": "合格"}, {"member_id": branch["赵敏"], "rating": "合格"}]
    again = make(qtbot, D.AppraisalDialog, ledger, dlg.saved_id)
    assert again.ui.yearSpin.value() == 2025
    again.model.set_value(3, "rating", "")
    assert again.save()
    assert db_rows(ledger_path, "SELECT COUNT(*) AS n FROM appraisals WHERE deleted_at IS NULL")[0]["n"] == 3


# ---- the shared behaviour -----------------------------------------------------------------------
def test_unsaved_changes_guard(qtbot, ledger, ledger_path, branch, monkeypatch):
    dlg = make(qtbot, D.RectificationDialog, ledger)
    dlg.show()
    assert not dlg.dirty
    type_text(qtbot, dlg.ui.sourceCombo.lineEdit(), "巡察反馈")
    assert dlg.dirty
    answers = iter([QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save,
                    QMessageBox.StandardButton.Discard])
    monkeypatch.setattr(dlg, "ask_unsaved", lambda: next(answers))
    dlg.reject()  # 取消: stays open
    assert dlg.isVisible()
    dlg.reject()  # 保存: refused (no problem typed), stays open with the reason
    assert dlg.isVisible()
    assert dlg.ui.errorLabel.text() == "请填写问题"
    dlg.reject()  # 不保存: closes, nothing written
    assert not dlg.isVisible()
    assert dlg.result() == QDialog.DialogCode.Rejected
    assert db_rows(ledger_path, "SELECT COUNT(*) AS n FROM rectifications")[0]["n"] == 0


def test_clean_dialog_closes_without_asking(qtbot, ledger, branch, monkeypatch):
    dlg = make(qtbot, D.MeetingDialog, ledger, None, {"kind": "党课", "date": "2025-03-05"})
    dlg.show()
    monkeypatch.setattr(dlg, "ask_unsaved", lambda: pytest.fail("asked although nothing changed"))
    dlg.reject()
    assert not dlg.isVisible()


def test_ctrl_s_saves(qtbot, ledger, ledger_path, branch):
    dlg = make(qtbot, D.RectificationDialog, ledger)
    dlg.show()
    dlg.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dlg, timeout=2000)
    dlg.ui.problemEdit.setFocus()
    type_text(qtbot, dlg.ui.problemEdit, "党费收缴不及时")
    qtbot.keyClick(dlg.ui.problemEdit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: dlg.saved_id is not None, timeout=2000)
    assert db_rows(ledger_path, "SELECT problem FROM rectifications") == [{"problem": "党费收缴不及时"}]


def test_edit_record_contract(qtbot, ledger, ledger_path, branch, monkeypatch):
    def fake_exec(self):
        self.ui.problemEdit.setPlainText("活动阵地标识不全") if hasattr(self.ui, "problemEdit") else None
        return QDialog.DialogCode.Accepted if self.save() else QDialog.DialogCode.Rejected

    monkeypatch.setattr(D.RecordDialog, "exec", fake_exec)
    new_id = D.edit_record(None, ledger, "rectifications", defaults={"source": "支部自查"})
    assert db_rows(ledger_path, "SELECT id, source, problem FROM rectifications") == \
        [{"id": new_id, "source": "支部自查", "problem": "活动阵地标识不全"}]
    monkeypatch.setattr(D.RecordDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    assert D.edit_record(None, ledger, "members", branch["张伟"]) is None
    assert set(D.DIALOGS) >= {"members", "meetings", "trainings", "volunteer_activities", "pioneer_posts",
                              "rectifications", "party_groups", "committee_roles", "appraisals", "branch"}
    with pytest.raises(ValueError):
        D.edit_record(None, ledger, "audit_log")


def test_committee_role_standalone(qtbot, ledger, ledger_path, branch):
    dlg = make(qtbot, D.CommitteeRoleDialog, ledger)
    assert dlg.save() is False
    assert dlg.ui.errorLabel.text() == "请选择委员"
    set_combo(dlg.ui.memberCombo, branch["张伟"])
    set_combo(dlg.ui.roleCombo, "书记")
    set_date(dlg.ui.startEdit, "2023-06-01")
    set_date(dlg.ui.endEdit, "2023-01-01")
    assert dlg.save() is False
    assert dlg.ui.errorLabel.text() == "离任日期不能早于任职日期"
    set_date(dlg.ui.endEdit, None)
    assert dlg.save()
    assert db_rows(ledger_path, "SELECT member_id, role, start_date, end_date FROM committee_roles") == \
        [{"member_id": branch["张伟"], "role": "书记", "start_date": "2023-06-01", "end_date": None}]


@pytest.mark.parametrize("table", sorted(D.DIALOGS))
def test_every_editor_renders_within_a_small_screen(qtbot, ledger, branch, table, tmp_path):
    defaults = {"member_id": branch["赵敏"]} if table in ("development_steps", "committee_roles") else None
    dlg = D.dialog_for(None, ledger, table, None, defaults)
    qtbot.addWidget(dlg)
    dlg.show()
    pixmap = dlg.grab()
    assert not pixmap.isNull()
    assert dlg.width() <= 1000 and dlg.height() <= 700
    assert dlg.windowTitle() and not dlg.dirty
    assert pixmap.save(str(tmp_path / f"{table}.png"))


def test_tab_with_the_bad_field_is_shown(qtbot, ledger, branch):
    dlg = make(qtbot, D.MemberDialog, ledger, branch["张伟"])
    dlg.ui.tabs.setCurrentIndex(2)
    dlg.ui.nameEdit.clear()
    assert dlg.save() is False
    assert dlg.ui.tabs.currentIndex() == 0
    assert dlg.ui.errorLabel.text() == "请填写姓名"


def test_edit_record_runs_the_modal_loop(qtbot, ledger, ledger_path, branch):
    from PySide6.QtCore import QTimer

    seen = {}

    def person():
        dlg = QApplication.activeModalWidget()
        seen["dialog"] = type(dlg).__name__
        dlg.ui.problemEdit.setPlainText("党员活动室制度未上墙")
        qtbot.mouseClick(dlg.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)

    QTimer.singleShot(50, person)
    new_id = D.edit_record(None, ledger, "rectifications")
    assert seen["dialog"] == "RectificationDialog"
    assert db_rows(ledger_path, "SELECT id, problem FROM rectifications") == [{"id": new_id, "problem": "党员活动室制度未上墙"}]
