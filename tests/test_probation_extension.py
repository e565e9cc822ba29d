"""延长预备期 with its months (schema v2 development_steps.extension_months): the store's check, the
step editor typed into, the package and the demo (the one probation end and the rules and
reminders asking it: test_rules_v2_fields)."""

import datetime as dt
import json
import sqlite3
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox

sys.path.insert(0, str(Path(__file__).parent))

from rules_support import person  # noqa: E402

from dangzhibu_desktop.ledger import open_ledger  # noqa: E402
from dangzhibu_desktop.ledger import steps as S  # noqa: E402
from dangzhibu_desktop.ledger.package import export_package, import_package  # noqa: E402
from dangzhibu_desktop.ledger.validate import ValidationError  # noqa: E402
from dangzhibu_desktop.ui import dialogs as D  # noqa: E402
from dangzhibu_desktop.ui.dialogs.common import set_combo  # noqa: E402

EXTEND = "延长预备期"
ADMIT = "2024-03-10"


# ---- the store ------------------------------------------------------------------------
@pytest.mark.parametrize("months, outcome, message", [
    (5, EXTEND, "延长预备期应为6至12个月（党章规定：不能少于半年，最长不超过一年），现为5个月"),
    (13, EXTEND, "延长预备期应为6至12个月（党章规定：不能少于半年，最长不超过一年），现为13个月"),
    (6, "按期转正", "延长预备期的月数只用于转正结论为“延长预备期”的记录"),
    (6, None, "延长预备期的月数只用于转正结论为“延长预备期”的记录"),
])
def test_months_outside_the_law_are_refused(ledger, months, outcome, message):
    mid = person(ledger, "预备甲", {15: ADMIT})
    with pytest.raises(ValidationError) as exc:
        ledger.insert("development_steps", {"member_id": mid, "step": 23, "date": "2025-03-12", "outcome": outcome,
                                            "extension_months": months})
    assert str(exc.value) == message


@pytest.mark.parametrize("months", [6, 12, None])
def test_six_to_twelve_months_or_none_are_kept(ledger, months):
    mid = person(ledger, "预备甲", {15: ADMIT})
    sid = ledger.insert("development_steps", {"member_id": mid, "step": 23, "date": "2025-03-12", "outcome": EXTEND,
                                              "extension_months": months})
    assert ledger.get("development_steps", sid)["extension_months"] == months


# ---- the step editor ------------------------------------------------------------------
@pytest.fixture(autouse=True)
def _never_block_on_close(monkeypatch):
    monkeypatch.setattr(D.RecordDialog, "ask_unsaved", lambda self: QMessageBox.StandardButton.Discard)


def _save(qtbot, dlg):
    qtbot.mouseClick(dlg.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)


def _months_in_file(path, member_id):
    con = sqlite3.connect(str(path))
    try:
        return con.execute("SELECT outcome, extension_months FROM development_steps WHERE member_id = ? AND step = 23",
                           (member_id,)).fetchall()
    finally:
        con.close()


def test_step_editor_asks_for_the_months(qtbot, ledger, ledger_path):
    mid = person(ledger, "预备甲", {15: ADMIT})
    dlg = D.StepDialog(ledger, defaults={"member_id": mid, "step": 23, "date": "2025-03-12"})
    qtbot.addWidget(dlg)
    dlg.show()
    assert not dlg.ui.extensionEdit.isEnabled()
    set_combo(dlg.ui.outcomeCombo, EXTEND)
    assert dlg.ui.extensionEdit.isEnabled()
    _save(qtbot, dlg)
    assert dlg.isVisible() and dlg.ui.errorLabel.text() == "延长预备期请填写延长的月数（6至12个月）"
    qtbot.keyClicks(dlg.ui.extensionEdit, "13")
    _save(qtbot, dlg)
    assert dlg.ui.errorLabel.text().startswith("延长预备期应为6至12个月") and "现为13个月" in dlg.ui.errorLabel.text()
    assert dlg.ui.extensionEdit.property("invalid") is True
    assert _months_in_file(ledger_path, mid) == []
    dlg.ui.extensionEdit.clear()
    qtbot.keyClicks(dlg.ui.extensionEdit, "x6")  # digits only
    _save(qtbot, dlg)
    assert dlg.result() == QDialog.DialogCode.Accepted
    assert _months_in_file(ledger_path, mid) == [(EXTEND, 6)]


def test_member_editor_keeps_the_months_of_its_steps(qtbot, ledger, ledger_path):
    mid = person(ledger, "预备甲", [(15, ADMIT, {}), (23, "2025-03-12", {"outcome": EXTEND, "extension_months": 8})])
    dlg = D.MemberDialog(ledger, mid)
    qtbot.addWidget(dlg)
    dlg.show()
    assert any(r["outcome"] == "延长预备期8个月" for r in dlg.steps_model.rows)
    qtbot.keyClicks(dlg.ui.workPostEdit, "A")  # any change, then save: the step is written back as it was
    _save(qtbot, dlg)
    assert dlg.result() == QDialog.DialogCode.Accepted
    assert _months_in_file(ledger_path, mid) == [(EXTEND, 8)]


def test_changing_the_outcome_drops_the_months(qtbot, ledger, ledger_path):
    mid = person(ledger, "预备甲", [(15, ADMIT, {}), (23, "2025-03-12", {"outcome": EXTEND, "extension_months": 6})])
    sid = ledger.rows("development_steps", "member_id = ? AND step = 23", (mid,))[0]["id"]
    dlg = D.StepDialog(ledger, sid)
    qtbot.addWidget(dlg)
    dlg.show()
    assert dlg.ui.extensionEdit.text() == "6"
    set_combo(dlg.ui.outcomeCombo, "按期转正")
    _save(qtbot, dlg)
    assert _months_in_file(ledger_path, mid) == [("按期转正", None)]


# ---- the data package -----------------------------------------------------------------
def test_package_carries_the_months_both_ways(ledger, tmp_path):
    mid = person(ledger, "预备甲", [(15, ADMIT, {}), (23, "2025-03-12", {"outcome": EXTEND, "extension_months": 9})])
    doc = export_package(ledger)
    steps = next(m for m in doc["members"] if m["id"] == mid)["development_steps"]
    assert [s["extension_months"] for s in steps] == [None, 9]
    with open_ledger(tmp_path / "copy.sqlite", create=True) as dst:
        import_package(dst, json.loads(json.dumps(doc)))
        assert export_package(dst) == doc
    for m in doc["members"]:
        for s in m["development_steps"]:
            del s["extension_months"]  # as an older version wrote it
    with open_ledger(tmp_path / "old.sqlite", create=True) as dst:
        import_package(dst, doc)
        assert S.probation_end(dst.member_steps(mid)) == dt.date(2026, 3, 10)


def test_large_demo_extension_has_its_months(tmp_path):
    from dangzhibu_desktop.demo import build_demo

    path = tmp_path / "demo.sqlite"
    build_demo(path, "large", 2026)
    with open_ledger(path) as led:
        rows = led.rows("development_steps", "outcome = ?", (EXTEND,))
        assert len(rows) == 1 and rows[0]["extension_months"] == 6
        assert "延长预备期六个月" in rows[0]["note"]
