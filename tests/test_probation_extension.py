"""延长预备期 with its months (schema v2 development_steps.extension_months): the one probation end
(ledger.steps.probation_end) that TEAM-PROBATION, TEAM-PROBATION-REVIEW, the reminders and the
member editor's timeline ask, the store's check, the step editor typed into and the package."""

import datetime as dt
import json
import sqlite3
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox

sys.path.insert(0, str(Path(__file__).parent))

from rules_support import full_member, person, rule  # noqa: E402

from dangzhibu_desktop.ledger import open_ledger  # noqa: E402
from dangzhibu_desktop.ledger import steps as S  # noqa: E402
from dangzhibu_desktop.ledger.package import export_package, import_package  # noqa: E402
from dangzhibu_desktop.ledger.validate import ValidationError  # noqa: E402
from dangzhibu_desktop.rules.reminders import reminders  # noqa: E402
from dangzhibu_desktop.ui import dialogs as D  # noqa: E402
from dangzhibu_desktop.ui.dialogs.common import set_combo  # noqa: E402

EXTEND = "延长预备期"
ADMIT = "2024-03-10"


def _extended(months, decided="2025-03-12", **extra):
    return [{"step": 15, "date": ADMIT},
            {"step": 23, "date": decided, "outcome": EXTEND, "extension_months": months, **extra}]


# ---- the one probation end -----------------------------------------------------------
@pytest.mark.parametrize("steps, end", [
    ([{"step": 15, "date": ADMIT}], dt.date(2025, 3, 10)),
    (_extended(6), dt.date(2025, 9, 10)),
    (_extended(12), dt.date(2026, 3, 10)),
    (_extended(None), dt.date(2026, 3, 10)),  # an older row without its months: the longest allowed
    # step 24 repeating step 23's extension is one extension, not two
    (_extended(6) + [{"step": 24, "date": "2025-04-20", "outcome": EXTEND, "extension_months": 6}],
     dt.date(2025, 9, 10)),
    # only the 上级党委's decision recorded (old records skip steps): it counts
    ([{"step": 15, "date": ADMIT}, {"step": 24, "date": "2025-04-20", "outcome": EXTEND, "extension_months": 8}],
     dt.date(2025, 11, 10)),
    ([{"step": 1, "date": ADMIT}], None),
])
def test_probation_end(steps, end):
    assert S.probation_end(steps) == end


def test_probation_end_as_of_a_day_before_the_extension():
    assert S.probation_end(_extended(6), dt.date(2025, 3, 11)) == dt.date(2025, 3, 10)


def test_the_timeline_suggests_the_meeting_at_the_extended_end():
    assert S.next_step(_extended(6)) == (24, dt.date(2025, 3, 12))  # step 24 follows the 23 recorded
    steps = [{"step": 15, "date": ADMIT}, {"step": 21, "date": "2024-09-10"}]
    assert S.next_step(steps) == (22, dt.date(2025, 2, 8))


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


# ---- TEAM-PROBATION and the reminders -------------------------------------------------
def _probationer(ledger, months, decided_full=None):
    steps = [(15, ADMIT, {}), (23, "2025-03-12", {"outcome": EXTEND, "extension_months": months})]
    if decided_full:
        steps.append((23, decided_full, {"outcome": "按期转正"}))
    full_member(ledger, "正式甲")
    return person(ledger, "预备甲", steps)


def test_a_six_month_extension_ends_after_six_months(ledger):
    # Extended 6 months from 2025-03-10: ends 2025-09-10; nothing decided by 12-31 is a failed veto.
    _probationer(ledger, 6)
    r = rule(ledger, "TEAM-PROBATION")
    assert r.status == "未达标"
    assert r.evidence == ["预备甲于2024-03-10入党，预备期已于2025-09-10届满，至今未讨论转正（已延长预备期）"]


def test_a_twelve_month_extension_is_not_due_this_year(ledger):
    _probationer(ledger, 12)  # ends 2026-03-10: nothing due in 2025
    assert rule(ledger, "TEAM-PROBATION").status != "未达标"


def test_one_lawful_extension_decided_at_its_end_passes(ledger):
    _probationer(ledger, 6, decided_full="2025-09-15")
    assert rule(ledger, "TEAM-PROBATION").status == "达标"


def test_the_decision_long_after_the_extended_end_is_flagged(ledger):
    _probationer(ledger, 6, decided_full="2025-11-20")  # 71 days after 2025-09-10, past the 30-day grace
    r = rule(ledger, "TEAM-PROBATION")
    assert r.status == "预警" and r.evidence == ["预备甲预备期于2025-09-10届满，2025-11-20才讨论转正，延迟71天"]


def test_reminder_names_the_extended_end(ledger):
    _probationer(ledger, 6)
    texts = [r.message for r in reminders(ledger, dt.date(2025, 8, 20), days=30)]
    assert any("预备甲的预备期将于2025-09-10届满" in t for t in texts)
    later = [r.message for r in reminders(ledger, dt.date(2025, 9, 20), days=30)]
    assert any("预备甲的预备期已于2025-09-10届满，尚未讨论转正" in t for t in later)


def test_reminder_waits_for_a_twelve_month_extension(ledger):
    _probationer(ledger, 12)
    assert not any("预备甲的预备期" in r.message for r in reminders(ledger, dt.date(2025, 8, 20), days=30))
    assert any("预备甲的预备期将于2026-03-10届满" in r.message for r in reminders(ledger, dt.date(2026, 2, 20), days=30))


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
