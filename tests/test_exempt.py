"""Members exempt under 第二十三条 (schema v2 members.exempt_from_activities + exempt_reason): the
store's check, the member editor typed into, the data package and the demo (the rules'
denominators: test_rules_v2_fields)."""

import json
import sqlite3
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox

sys.path.insert(0, str(Path(__file__).parent))

from rules_support import full_member  # noqa: E402
from ui_support import type_text  # noqa: E402

from dangzhibu_desktop.ledger import open_ledger  # noqa: E402
from dangzhibu_desktop.ledger.package import export_package, import_package  # noqa: E402
from dangzhibu_desktop.ledger.validate import ValidationError  # noqa: E402
from dangzhibu_desktop.ui import dialogs as D  # noqa: E402

REASON = "年逾八旬，长期卧床，经支委会研究同意"
EXEMPT = {"exempt_from_activities": 1, "exempt_reason": REASON}


# ---- the store ------------------------------------------------------------------------
def test_an_exemption_needs_its_reason(ledger):
    with pytest.raises(ValidationError) as exc:
        ledger.insert("members", {"name": "老党员", "exempt_from_activities": 1})
    assert str(exc.value) == "不作硬性要求须经支部同意，请填写原因（如年老体弱、行动不便）"
    with pytest.raises(ValidationError):
        ledger.insert("members", {"name": "老党员", "exempt_from_activities": 1, "exempt_reason": "  "})
    mid = ledger.insert("members", {"name": "老党员", **EXEMPT})
    with pytest.raises(ValidationError, match="请填写原因"):
        ledger.update("members", mid, {"exempt_reason": None})
    assert ledger.get("members", ledger.insert("members", {"name": "新党员"}))["exempt_from_activities"] == 0


# ---- the member editor ----------------------------------------------------------------
@pytest.fixture(autouse=True)
def _never_block_on_close(monkeypatch):
    monkeypatch.setattr(D.RecordDialog, "ask_unsaved", lambda self: QMessageBox.StandardButton.Discard)


def _save(qtbot, dlg):
    qtbot.mouseClick(dlg.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)


def _stored(path, member_id):
    con = sqlite3.connect(str(path))
    try:
        return con.execute("SELECT exempt_from_activities, exempt_reason FROM members WHERE id = ?",
                           (member_id,)).fetchone()
    finally:
        con.close()


def test_editor_ticks_the_exemption_and_types_the_reason(qtbot, ledger, ledger_path):
    dlg = D.MemberDialog(ledger)
    qtbot.addWidget(dlg)
    dlg.show()
    type_text(qtbot, dlg.ui.nameEdit, "王老")
    assert not dlg.ui.exemptReasonEdit.isEnabled()
    dlg.ui.exemptCheck.click()
    assert dlg.ui.exemptReasonEdit.isEnabled()
    _save(qtbot, dlg)
    assert dlg.isVisible() and dlg.ui.errorLabel.text() == "不作硬性要求须经支部同意，请填写原因（如年老体弱、行动不便）"
    assert dlg.ui.exemptReasonEdit.property("invalid") is True
    type_text(qtbot, dlg.ui.exemptReasonEdit, "85岁，行动不便，2025年3月支委会同意")
    _save(qtbot, dlg)
    assert dlg.result() == QDialog.DialogCode.Accepted
    mid = dlg.saved_id
    assert _stored(ledger_path, mid) == (1, "85岁，行动不便，2025年3月支委会同意")

    again = D.MemberDialog(ledger, mid)
    qtbot.addWidget(again)
    again.show()
    assert again.ui.exemptCheck.isChecked() and again.ui.exemptReasonEdit.text() == "85岁，行动不便，2025年3月支委会同意"
    again.ui.exemptCheck.click()  # no longer excused: the reason goes with it
    _save(qtbot, again)
    assert _stored(ledger_path, mid) == (0, None)


def test_editor_reason_typed_with_keys(qtbot, ledger, ledger_path):
    dlg = D.MemberDialog(ledger)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.keyClicks(dlg.ui.nameEdit, "Wang")
    dlg.ui.exemptCheck.click()
    qtbot.keyClicks(dlg.ui.exemptReasonEdit, "age 88")
    _save(qtbot, dlg)
    assert _stored(ledger_path, dlg.saved_id) == (1, "age 88")


# ---- the data package -----------------------------------------------------------------
def test_package_carries_the_exemption_both_ways(ledger, tmp_path):
    mid = full_member(ledger, "老王", **EXEMPT)
    full_member(ledger, "小李")
    doc = export_package(ledger)
    row = next(m for m in doc["members"] if m["id"] == mid)
    assert row["exempt_from_activities"] is True and row["exempt_reason"] == REASON
    with open_ledger(tmp_path / "copy.sqlite", create=True) as dst:
        import_package(dst, json.loads(json.dumps(doc)))
        assert (dst.get("members", mid)["exempt_from_activities"], dst.get("members", mid)["exempt_reason"]) == \
            (1, REASON)
        assert export_package(dst) == doc
    for m in doc["members"]:  # as an older version wrote it
        del m["exempt_from_activities"], m["exempt_reason"]
    with open_ledger(tmp_path / "old.sqlite", create=True) as dst:
        import_package(dst, doc)
        assert {m["exempt_from_activities"] for m in dst.rows("members")} == {0}


def test_demo_has_one_exempt_elder_with_a_reason(tmp_path):
    from dangzhibu_desktop.demo import build_demo

    path = tmp_path / "demo.sqlite"
    build_demo(path, year=2026)
    with open_ledger(path) as led:
        rows = led.rows("members", "exempt_from_activities = 1")
        assert len(rows) == 1
        m = rows[0]
        assert m["dues_class"] == "离退休" and "行动不便" in m["exempt_reason"]
        assert led.member_category(m["id"]) == "正式党员"
