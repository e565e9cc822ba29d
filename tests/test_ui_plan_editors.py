"""Each plan action of the demo branch, on days spread over the year, opens an editor that
shows its prefill: the meeting's kind, a day in its period, the group, the lecturer and the
people expected marked 出席; the member and step; the 整改 item closed with its date."""

from __future__ import annotations

import datetime as _dt

import pytest

from dangzhibu_desktop.demo import build_demo
from dangzhibu_desktop.ledger.store import open_ledger
from dangzhibu_desktop.rules import evaluate
from dangzhibu_desktop.ui import dialogs as D
from dangzhibu_desktop.ui.dialogs.common import combo_value
from dangzhibu_desktop.views.fixes import action_target

DAYS = (_dt.date(2026, 3, 10), _dt.date(2026, 9, 15), _dt.date(2026, 12, 2))


@pytest.mark.parametrize("day", DAYS, ids=str)
def test_every_plan_action_opens_its_prefilled_editor(qtbot, tmp_path, day):
    path = tmp_path / "demo.sqlite"
    build_demo(path, "small", 2026, today=day)
    ledger = open_ledger(path)
    try:
        actions = evaluate(ledger, 2026, day).to_dict()["next_star"]["actions"]
        assert actions
        seen = set()
        for a in actions:
            t = action_target(ledger, a, day)
            if a["type"] == "other":
                assert t is None
                continue
            assert t is not None, a
            seen.add(a["type"])
            if not t.table:
                assert t.page in ("dues", "assessment", "branch"), a
                continue
            dlg = D.dialog_for(None, ledger, t.table, t.row_id, t.defaults)
            qtbot.addWidget(dlg)
            ui = dlg.ui
            if a["type"] == "meeting":
                p = a["params"]
                assert combo_value(ui.kindCombo) == p["meeting_kind"]
                assert a["from"] <= ui.dateEdit.iso() <= a["by"]
                if p.get("party_group_id"):
                    assert combo_value(ui.partyGroupCombo) == p["party_group_id"]
                if p["meeting_kind"] == "党课":
                    assert combo_value(ui.lecturerCombo) == (p.get("lecturer_id") or t.defaults["lecturer_id"])
                present = {r["member_id"] for r in dlg.model.rows if r["status"] == "出席"}
                if ui.dateEdit.iso() <= _dt.date.today().isoformat():
                    assert present == set(p["attendees"]) & {r["member_id"] for r in dlg.model.rows}
                    assert present, a
            elif a["type"] == "step":
                assert combo_value(ui.stepCombo) == a["params"]["step"]
                assert ui.dateEdit.iso() == t.defaults["date"]
            elif a["type"] in ("training", "volunteer"):
                ticked = {r["member_id"]: r["hours"] for r in dlg.model.rows if r["on"]}
                assert set(ticked) == set(a["params"]["member_ids"]), a
                if a["params"]["hours"]:
                    assert {float(h) for h in ticked.values()} <= {float(a["params"]["hours"])}, a
            elif a["type"] == "post":
                assert {r["member_id"] for r in dlg.model.rows if r["on"]} == set(a["params"]["member_ids"]), a
            elif a["type"] == "rectification":
                assert combo_value(ui.statusCombo) == "已完成"
                assert ui.closedEdit.iso() == t.defaults["closed_on"]
            dlg.deleteLater()
        assert "meeting" in seen
    finally:
        ledger.close()
