"""First-run onboarding (issue 14, item 11): the empty 工作台 shows 支部信息 → 支委 → 党小组 →
党员 → first meeting, each step's state read from the ledger (``views.onboarding``), each
button opening the editor that does it; the checklist goes once a meeting is recorded."""

from __future__ import annotations

import datetime as _dt
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

sys.path.insert(0, str(Path(__file__).parent))

from dangzhibu_desktop.ledger import enums  # noqa: E402
from dangzhibu_desktop.ui.app import wait_until_loaded  # noqa: E402
from dangzhibu_desktop.views.onboarding import onboarding_due, onboarding_steps  # noqa: E402

from ui_support import db_rows, run_modal, type_text  # noqa: E402

TODAY = _dt.date(2026, 3, 10)


def _done(ledger):
    return {s.key: s.done for s in onboarding_steps(ledger, TODAY)}


def test_each_step_is_done_as_the_ledger_says(ledger):
    ledger.save_branch({"name": "第一党支部"})  # what the first-run dialog writes
    assert [s.key for s in onboarding_steps(ledger, TODAY)] == ["branch", "committee", "groups", "members", "meeting"]
    assert not any(_done(ledger).values())
    branch = onboarding_steps(ledger, TODAY)[0]
    assert "上级党委" in branch.hint and "本届选举日期" in branch.hint and branch.target.table == "branch"
    assert onboarding_steps(ledger, TODAY)[1].target.table == "members"  # no one yet to appoint

    ledger.save_branch({"name": "第一党支部", "parent_org": "某公司党委", "committee_elected_on": "2025-06-01"})
    assert _done(ledger)["branch"]
    sec = ledger.insert("members", {"name": "王建国"})
    ledger.insert("development_steps", {"member_id": sec, "step": 15, "date": "2000-07-01"})
    ledger.insert("development_steps", {"member_id": sec, "step": 23, "date": "2001-07-01"})
    assert _done(ledger)["members"] and not _done(ledger)["committee"]
    committee = onboarding_steps(ledger, TODAY)[1]
    assert committee.target.table == "committee_roles" and committee.target.defaults["role"] == enums.SECRETARY
    ledger.insert("committee_roles", {"member_id": sec, "role": enums.DEPUTY_SECRETARY, "start_date": "2025-06-01"})
    assert not _done(ledger)["committee"]  # a 书记 is what the step asks
    ledger.insert("committee_roles", {"member_id": sec, "role": enums.SECRETARY, "start_date": "2025-06-01"})
    assert _done(ledger)["committee"]
    ledger.insert("party_groups", {"name": "第一党小组"})
    assert _done(ledger)["groups"] and onboarding_due(ledger)
    ledger.insert("meetings", {"kind": "支部委员会", "date": "2026-03-05"})
    assert all(_done(ledger).values()) and not onboarding_due(ledger)


@pytest.fixture
def fresh_window(qtbot, ledger, monkeypatch):
    from dangzhibu_desktop.ui import dialogs as D
    from dangzhibu_desktop.ui.main_window import MainWindow

    monkeypatch.setattr(D.RecordDialog, "ask_unsaved", lambda self: QMessageBox.StandardButton.Discard)
    ledger.save_branch({"name": "第一党支部"})
    win = MainWindow(ledger, persist=False)
    win.session.today = TODAY
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    yield win
    win.session.runner.pool.waitForDone(10000)


def test_the_empty_dashboard_leads_through_the_steps(qtbot, fresh_window, ledger_path):
    window = fresh_window
    dash = window.show_page("dashboard")
    assert wait_until_loaded(window, dash, 60)
    box = dash.onboarding
    assert box.isVisible() and set(box.buttons) == {"branch", "committee", "groups", "members", "meeting"}
    assert box.buttons["branch"].isDefault() and box.marks["groups"].text() == "3"

    def name_group(dlg):
        assert dlg.windowTitle() and dlg.ui.nameEdit.isVisible()
        type_text(qtbot, dlg.ui.nameEdit, "第一党小组")
        dlg.save()

    run_modal(qtbot, lambda: qtbot.mouseClick(box.buttons["groups"], Qt.MouseButton.LeftButton), name_group)
    assert db_rows(ledger_path, "SELECT name FROM party_groups WHERE deleted_at IS NULL") == [("第一党小组",)]
    assert wait_until_loaded(window, dash, 60)
    box = dash.onboarding
    assert box.marks["groups"].text() == "✓" and box.buttons["groups"].text() == "修改…"
    assert box.marks["branch"].text() == "1"

    def fill_branch(dlg):
        type_text(qtbot, dlg.ui.parentOrgEdit, "某公司党委")
        qtbot.keyClicks(dlg.ui.electedEdit, "2025-06-01")
        dlg.save()

    run_modal(qtbot, lambda: qtbot.mouseClick(box.buttons["branch"], Qt.MouseButton.LeftButton), fill_branch)
    assert db_rows(ledger_path, "SELECT parent_org, committee_elected_on FROM branch") == [("某公司党委", "2025-06-01")]
    assert wait_until_loaded(window, dash, 60)
    assert dash.onboarding.marks["branch"].text() == "✓"

    ledger = window.session.ledger
    ledger.insert("meetings", {"kind": "支部委员会", "date": "2026-03-05"})
    window.session.notify_changed("meetings")
    assert wait_until_loaded(window, dash, 60)
    assert not dash.onboarding.isVisible()  # the 工作台 is no longer empty


def test_a_second_launch_on_an_open_ledger_says_so_and_offers_nothing(qtbot, ledger, ledger_path, monkeypatch):
    """The window holds the ledger; starting the program again names that window and ends —
    no 新建支部台账 with the open ledger's path."""
    from dangzhibu_desktop.ui import app as app_mod
    from dangzhibu_desktop.ui import crash, opening

    ledger.save_branch({"name": "第一党支部"})  # held open (locked) by this "first window"
    opening.remember(ledger_path)
    said = []
    monkeypatch.setattr(crash, "install", lambda: None)
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: said.append(text))
    monkeypatch.setattr(app_mod, "_first_run", lambda path: pytest.fail("offered to create a ledger"))
    assert app_mod.run_window(None, False, None) == 0
    assert len(said) == 1 and "已在另一个窗口中打开" in said[0]
    assert opening.locked_elsewhere == Path(ledger_path)


def test_enter_in_the_first_run_dialog_creates_the_ledger(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from dangzhibu_desktop.ui.first_run import FirstRunDialog

    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: pytest.fail("opened the file browser"))
    dlg = FirstRunDialog()
    qtbot.addWidget(dlg)
    dlg.show()
    target = tmp_path / "新支部.sqlite"
    dlg.path_edit.setText(str(target))
    for edit, text in ((dlg.name_edit, "新建测试党支部"), (dlg.parent_edit, "某某党委")):
        edit.setFocus()
        type_text(qtbot, edit, text)
    dlg.path_edit.setFocus()  # last visited the path, beside 浏览…
    qtbot.keyClick(dlg.path_edit, Qt.Key.Key_Return)
    assert dlg.result() == FirstRunDialog.DialogCode.Accepted, dlg.error_label.text()
    dlg.ledger.close()
    assert db_rows(target, "SELECT name, parent_org FROM branch") == [("新建测试党支部", "某某党委")]
