"""The views layer's read models on temp-file ledgers (plain pytest, no Qt): each answers what a
page shows from the lower layers' one definitions, with the boundaries the pages rely on."""

from __future__ import annotations

import datetime as dt

from dangzhibu_desktop.rules.dues import dues_ledger
from dangzhibu_desktop.rules.snapshot import Snapshot
from dangzhibu_desktop.views import dues as dues_view
from dangzhibu_desktop.views import lists
from tests.rules_support import full_member


def test_the_dues_grid_asks_the_rules_months(ledger):
    """A member transferred in on 15 March owes from April (she paid March at the old branch), a
    预备党员 admitted on 20 May owes from May: the grid's months are exactly the rule's."""
    moved = full_member(ledger, "转入者")
    ledger.update("members", moved, {"joined_branch_on": "2026-03-15"})
    new = ledger.insert("members", {"name": "新党员"})
    for step, day in ((1, "2024-03-01"), (3, "2024-09-01"), (7, "2025-10-01"), (15, "2026-05-20")):
        ledger.insert("development_steps", {"member_id": new, "step": step, "date": day})
    left = full_member(ledger, "转出者")
    ledger.update("members", left, {"left_on": "2026-08-01", "status": "转出"})

    rows = {r["member"]["name"]: r["eligible"] for r in dues_view.grid_rows(ledger, 2026)}
    owed = dues_ledger(Snapshot(ledger, 2026, dt.date(2026, 12, 31)))
    names = {m["id"]: m["name"] for m in ledger.rows("members")}
    for mid, months in owed.items():
        grid = {m for m, owes in rows[names[mid]].items() if owes}
        assert grid == {int(ym[5:]) for ym, _ in months}, names[mid]
    assert [m for m, owes in rows["转入者"].items() if owes][0] == 4
    assert [m for m, owes in rows["新党员"].items() if owes][0] == 5
    assert max(m for m, owes in rows["转出者"].items() if owes) == 7  # left on 1 August


def test_training_rows_sum_people_and_hours_of_the_year(ledger):
    a = full_member(ledger, "甲")
    b = full_member(ledger, "乙")
    t = ledger.insert("trainings", {"date": "2026-03-20", "title": "二十届四中全会精神", "hours": 40})
    ledger.insert("training_attendance", {"training_id": t, "member_id": a, "hours": 40})
    ledger.insert("training_attendance", {"training_id": t, "member_id": b, "hours": 25})  # tenths of an hour
    ledger.insert("trainings", {"date": "2025-12-31", "title": "去年的", "hours": 20})
    gone = ledger.insert("trainings", {"date": "2026-05-01", "title": "删了的", "hours": 20})
    ledger.delete("trainings", gone)
    rows = lists.trainings_rows(ledger, 2026)
    assert [(r["title"], r["persons"], r["total_hours"]) for r in rows] == [("二十届四中全会精神", 2, 65)]
    assert len(lists.trainings_rows(ledger, None)) == 2


def test_rectification_is_overdue_only_after_its_deadline(ledger):
    for problem, deadline, status in (("今天到期", "2026-06-30", "整改中"), ("昨天到期", "2026-06-29", "未开始"),
                                      ("已完成的", "2026-01-31", "已完成")):
        ledger.insert("rectifications", {"problem": problem, "deadline": deadline, "status": status,
                                         **({"closed_on": "2026-01-20"} if status == "已完成" else {})})
    rows = {r["problem"]: r["overdue"] for r in lists.rectifications_rows(ledger, dt.date(2026, 6, 30))}
    assert rows == {"今天到期": False, "昨天到期": True, "已完成的": False}
    assert [r["problem"] for r in lists.rectifications_rows(ledger, dt.date(2026, 6, 30))][-1] == "已完成的"


def test_a_post_ended_today_is_withdrawn(ledger):
    ledger.insert("pioneer_posts", {"kind": "先锋岗", "name": "安全生产先锋岗", "established_on": "2026-01-10",
                                    "ended_on": "2026-06-30"})
    assert [r["state"] for r in lists.posts_rows(ledger, dt.date(2026, 6, 29))] == ["在岗"]
    assert [r["state"] for r in lists.posts_rows(ledger, dt.date(2026, 6, 30))] == ["已撤销"]
