"""谈心谈话 in the window: a page lists the year's talks, its editor takes a typed date (as a
person types it, 年月日 through the input method), the 书记 as talker by default, a member or a
name outside the branch; a talk without anyone to talk with is refused in Chinese, nothing written."""

from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import Qt

from dangzhibu_desktop.ui.dialogs import TalkDialog

from .ui_support import db_rows, type_text


def _branch(ledger):
    ledger.save_branch({"name": "第一党支部"})
    sec = ledger.insert("members", {"name": "王书记"})
    red = ledger.insert("members", {"name": "李红"})
    ledger.insert("committee_roles", {"member_id": sec, "role": "书记", "start_date": "2020-01-01"})
    return sec, red


def test_a_talk_typed_into_the_editor_is_stored(qtbot, ledger, ledger_path):
    sec, red = _branch(ledger)
    dlg = TalkDialog(ledger)
    qtbot.addWidget(dlg)
    ui = dlg.ui
    assert ui.talkerCombo.currentData() == sec  # the 书记 talks, unless changed
    ui.dateEdit.clear()
    type_text(qtbot, ui.dateEdit, "2026年3月12日")
    qtbot.keyClick(ui.dateEdit, Qt.Key_Tab)
    ui.memberCombo.setCurrentIndex(ui.memberCombo.findData(red))
    ui.kindCombo.setCurrentIndex(ui.kindCombo.findText("提醒谈话"))
    type_text(qtbot, ui.topicEdit, "按时交纳党费")
    type_text(qtbot, ui.notesEdit, "已说明原因，承诺本月补缴")
    assert dlg.save()
    assert db_rows(ledger_path, "SELECT date, talker_id, member_id, kind, topic, notes FROM talks") == [
        ("2026-03-12", sec, red, "提醒谈话", "按时交纳党费", "已说明原因，承诺本月补缴")]


def test_no_one_to_talk_with_is_refused_and_nothing_written(qtbot, ledger, ledger_path):
    _branch(ledger)
    dlg = TalkDialog(ledger)
    qtbot.addWidget(dlg)
    ui = dlg.ui
    ui.dateEdit.clear()
    type_text(qtbot, ui.dateEdit, "2026-03-12")
    assert not dlg.save()
    assert "请选择谈话对象" in ui.errorLabel.text()
    assert db_rows(ledger_path, "SELECT COUNT(*) FROM talks") == [(0,)]
    type_text(qtbot, ui.personEdit, "刘洋")  # someone outside the branch, by name
    assert dlg.save()
    assert db_rows(ledger_path, "SELECT person_name, member_id FROM talks") == [("刘洋", None)]


def test_a_wrong_date_is_refused(qtbot, ledger, ledger_path):
    _, red = _branch(ledger)
    dlg = TalkDialog(ledger)
    qtbot.addWidget(dlg)
    ui = dlg.ui
    ui.dateEdit.clear()
    type_text(qtbot, ui.dateEdit, "2026-02-30")
    ui.memberCombo.setCurrentIndex(ui.memberCombo.findData(red))
    assert not dlg.save()
    assert "2月没有30日" in ui.errorLabel.text()
    assert db_rows(ledger_path, "SELECT COUNT(*) FROM talks") == [(0,)]


def test_the_page_lists_the_years_talks(qtbot, window):
    ledger = window.session.ledger
    year = window.session.today.year
    who = ledger.scalar("SELECT MIN(id) FROM members")
    ledger.insert("talks", {"date": f"{year}-03-01", "member_id": who, "topic": "思想和工作情况"})
    ledger.insert("talks", {"date": f"{year}-04-01", "person_name": "刘洋", "kind": "入党谈话"})
    ledger.insert("talks", {"date": f"{year - 1}-04-01", "person_name": "上年", "kind": "入党谈话"})
    page = window.show_page("talks")
    page.refresh()
    rows = page.model.all_rows()
    assert [r["whom"] for r in rows if r["date"].startswith(str(year))][-1] == "刘洋"
    assert "上年" not in {r["whom"] for r in rows if r["date"].startswith(str(year))}
    assert page.status_text().startswith("谈心谈话：")
    assert isinstance(_dt.date.fromisoformat(rows[0]["date"]), _dt.date)
