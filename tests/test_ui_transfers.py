"""组织关系转接 in the window: the editor takes typed dates and text (年月日 and names through the
input method) and the member's dates follow in the SQLite file; a wrong 党费交至 or a 回执 before
the transfer is refused in Chinese with nothing written; the 党员名册's 组织关系转接… opens it for
the selected person (a 转出 for someone 在册); the page lists the year's transfers."""

from __future__ import annotations

from PySide6.QtCore import Qt

from dangzhibu_desktop.ui.dialogs import TransferDialog

from .ui_support import db_rows, run_modal, type_text


def _people(ledger):
    ledger.save_branch({"name": "第一党支部"})
    red = ledger.insert("members", {"name": "李红", "joined_branch_on": "2012-04-01"})
    gao = ledger.insert("members", {"name": "高峰"})
    return red, gao


def _typed_date(qtbot, edit, text):
    edit.clear()
    type_text(qtbot, edit, text)
    qtbot.keyClick(edit, Qt.Key_Tab)


def test_a_transfer_out_typed_into_the_editor_moves_the_member_off_the_books(qtbot, ledger, ledger_path):
    red, _ = _people(ledger)
    dlg = TransferDialog(ledger)
    qtbot.addWidget(dlg)
    ui = dlg.ui
    ui.memberCombo.setCurrentIndex(ui.memberCombo.findData(red))
    ui.directionCombo.setCurrentIndex(ui.directionCombo.findText("转出"))
    assert "党籍状态改为“转出”" in ui.ruleLabel.text()
    _typed_date(qtbot, ui.dateEdit, "2025年3月1日")
    type_text(qtbot, ui.otherOrgEdit, "幸福社区党委")
    type_text(qtbot, ui.letterEdit, "机关党委〔2025〕23号")
    _typed_date(qtbot, ui.validEdit, "2025-03-31")
    _typed_date(qtbot, ui.receiptEdit, "2025-03-12")
    qtbot.keyClicks(ui.duesEdit, "2025-02")
    type_text(qtbot, ui.notesEdit, "退休，组织关系转至居住地社区")
    assert dlg.save(), ui.errorLabel.text()
    assert db_rows(ledger_path, "SELECT member_id, direction, date, other_org, letter_no, valid_until, receipt_on, "
                                "dues_paid_to, notes FROM transfers") == [
        (red, "转出", "2025-03-01", "幸福社区党委", "机关党委〔2025〕23号", "2025-03-31", "2025-03-12", "2025-02",
         "退休，组织关系转至居住地社区")]
    assert db_rows(ledger_path, "SELECT joined_branch_on, left_on, status FROM members WHERE id = ?", (red,)) == [
        ("2012-04-01", "2025-03-01", "转出")]


def test_a_transfer_in_sets_the_arrival(qtbot, ledger, ledger_path):
    _, gao = _people(ledger)
    dlg = TransferDialog(ledger, defaults={"member_id": gao})
    qtbot.addWidget(dlg)
    ui = dlg.ui
    assert ui.directionCombo.currentText() == "转入" and "转入本支部日期" in ui.ruleLabel.text()
    _typed_date(qtbot, ui.dateEdit, "2025-04-08")
    type_text(qtbot, ui.otherOrgEdit, "市供电公司营销部党支部")
    assert dlg.save(), ui.errorLabel.text()
    assert db_rows(ledger_path, "SELECT joined_branch_on, left_on, status FROM members WHERE id = ?", (gao,)) == [
        ("2025-04-08", None, "在册")]


def test_wrong_values_are_refused_and_nothing_written(qtbot, ledger, ledger_path):
    red, _ = _people(ledger)
    dlg = TransferDialog(ledger, defaults={"member_id": red, "direction": "转出"})
    qtbot.addWidget(dlg)
    ui = dlg.ui
    _typed_date(qtbot, ui.dateEdit, "2025-03-01")
    type_text(qtbot, ui.duesEdit, "2025年2月")
    assert not dlg.save()
    assert "党费交至格式应为 年-月" in ui.errorLabel.text()
    ui.duesEdit.clear()
    qtbot.keyClicks(ui.duesEdit, "2025-02")
    _typed_date(qtbot, ui.receiptEdit, "2025-02-20")
    assert not dlg.save()
    assert "回执日期不能早于转接日期" in ui.errorLabel.text()
    assert db_rows(ledger_path, "SELECT COUNT(*) FROM transfers") == [(0,)]
    assert db_rows(ledger_path, "SELECT left_on, status FROM members WHERE id = ?", (red,)) == [(None, "在册")]
    ui.memberCombo.setCurrentIndex(0)  # nobody
    _typed_date(qtbot, ui.receiptEdit, "2025-03-02")
    assert not dlg.save() and "请填写党员" in ui.errorLabel.text()


def test_the_roster_opens_a_transfer_out_for_the_selected_member(qtbot, window, ledger_path):
    ledger = window.session.ledger
    page = window.show_page("members")
    page.refresh()
    who = ledger.rows("members", "name = ?", ("刘洋",))[0]["id"]
    assert page.select_id(who)

    def fill(dlg):
        assert isinstance(dlg, TransferDialog)
        assert dlg.ui.memberCombo.currentData() == who and dlg.ui.directionCombo.currentText() == "转出"
        _typed_date(qtbot, dlg.ui.dateEdit, "2025年5月6日")
        type_text(qtbot, dlg.ui.otherOrgEdit, "集团公司党群工作部党支部")
        assert dlg.save(), dlg.ui.errorLabel.text()

    run_modal(qtbot, page.transfer_button.click, fill)
    assert db_rows(ledger_path, "SELECT left_on, status FROM members WHERE id = ?", (who,)) == [("2025-05-06", "转出")]
    row = next(r for r in page.model.all_rows() if r["id"] == who)
    assert row["status"] == "转出"  # the roster shows it at once

    transfers = window.show_page("transfers")
    transfers.refresh()
    rows = transfers.model.all_rows()
    assert [(r["member_name"], r["direction"], r["other_org"]) for r in rows] == [("刘洋", "转出", "集团公司党群工作部党支部")]
    assert transfers.status_text() == "组织关系转接：转入 0 人次，转出 1 人次"


def test_the_page_flags_an_expired_letter_without_receipt(qtbot, window):
    ledger = window.session.ledger
    who = ledger.rows("members", "name = ?", ("张伟",))[0]["id"]
    ledger.insert("transfers", {"member_id": who, "direction": "转出", "date": "2025-03-02", "valid_until": "2025-04-01"})
    page = window.show_page("transfers")
    page.refresh()
    assert page.model.all_rows()[0]["awaiting"]  # today is 2025-06-15 in the window tests
    assert page.status_text().endswith("1 份介绍信已过有效期仍未收到回执")


def test_the_member_editor_opens_it_and_shows_the_dates_it_set(qtbot, ledger, ledger_path):
    from dangzhibu_desktop.ui.dialogs import MemberDialog

    red, _ = _people(ledger)
    new = MemberDialog(ledger)
    qtbot.addWidget(new)
    assert not new.transfer_button.isEnabled()  # a person not saved yet has no relation to move
    dlg = MemberDialog(ledger, red)
    qtbot.addWidget(dlg)

    def fill(t):
        assert isinstance(t, TransferDialog) and t.ui.memberCombo.currentData() == red
        assert t.ui.directionCombo.currentText() == "转出"
        _typed_date(qtbot, t.ui.dateEdit, "2025年7月1日")
        type_text(qtbot, t.ui.otherOrgEdit, "海岱能源集团新能源有限公司党委")
        assert t.save(), t.ui.errorLabel.text()

    run_modal(qtbot, dlg.transfer_button.click, fill)
    assert dlg.ui.statusCombo.currentText() == "转出" and dlg.ui.leftEdit.iso() == "2025-07-01"
    assert not dlg.dirty
    type_text(qtbot, dlg.ui.workPostEdit, "调度员")  # then an edit of her own, saved
    assert dlg.save(), dlg.ui.errorLabel.text()
    assert db_rows(ledger_path, "SELECT joined_branch_on, left_on, status, work_post FROM members WHERE id = ?",
                   (red,)) == [("2012-04-01", "2025-07-01", "转出", "调度员")]
    assert db_rows(ledger_path, "SELECT direction, date, other_org FROM transfers") == [
        ("转出", "2025-07-01", "海岱能源集团新能源有限公司党委")]
