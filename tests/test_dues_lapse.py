"""One dues lapse: the 党费 grid marks a member exactly when SYS-DUES-LAPSE fails for her, across
the year boundary, with the rule set's own ``lapse_months`` (rules.dues.dues_lapses)."""

import datetime as dt
import json

import pytest

from dangzhibu_desktop.paths import resource_path
from dangzhibu_desktop.rules import evaluate, load_rule_set
from dangzhibu_desktop.rules.dues import lapses_on
from tests.rules_support import full_member

YEAR = 2026
TODAY = dt.date(2027, 1, 10)  # the year is over: judged on 31 December


def _months(first: str, last: str) -> list[str]:
    out, (y, m) = [], (int(first[:4]), int(first[5:]))
    while f"{y:04d}-{m:02d}" <= last:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def _branch(ledger, unpaid: list[str]) -> int:
    """One 正式党员 with a dues row for every month 2025-07 … 2026-12: the ``unpaid`` ones owed
    and not paid, every other one paid on the 20th of its month."""
    mid = full_member(ledger, "欠费者")
    with ledger.transaction():
        for ym in _months("2025-07", "2026-12"):
            values = {"member_id": mid, "month": ym, "amount_due": 1000, "amount_paid": 0}
            if ym not in unpaid:
                values.update(amount_paid=1000, paid_on=f"{ym}-20")
            ledger.insert("dues", values)
    return mid


def _rule_set(tmp_path, lapse_months: int | None):
    if lapse_months is None:
        return load_rule_set()
    doc = json.loads(resource_path("rules/default.json").read_text(encoding="utf-8"))
    for basic in doc["basics"]:
        for r in basic["rules"]:
            if r["code"] == "SYS-DUES-LAPSE":
                r["params"] = {"lapse_months": lapse_months, "warn_months": min(3, lapse_months - 1)}
    path = tmp_path / f"lapse{lapse_months}.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return load_rule_set(path)


SIX = _months("2025-09", "2026-02")   # September to February: six months over the year boundary
FIVE = _months("2025-10", "2026-02")  # the lawful side: five

CASES = [  # (unpaid months, rule set's lapse_months, lapsed?)
    (SIX, None, True),
    (FIVE, None, False),
    (FIVE, 4, True),    # a stricter rule set moves the rule and the grid together
    (SIX, 7, False),    # a laxer one too
    (_months("2025-07", "2026-01"), 7, True),
]


@pytest.mark.parametrize("unpaid, lapse_months, lapsed", CASES)
def test_grid_lapse_is_the_rules_lapse(tmp_path, ledger, unpaid, lapse_months, lapsed):
    mid = _branch(ledger, unpaid)
    rs = _rule_set(tmp_path, lapse_months)
    rule = evaluate(ledger, YEAR, dt.date(YEAR, 12, 31), rs).rule("SYS-DUES-LAPSE")
    months, lapses = lapses_on(ledger, YEAR, TODAY, rs)
    assert months == (lapse_months or 6)
    assert (rule.status == "未达标") is lapsed
    assert (mid in lapses) is lapsed
    if lapsed:
        n = lapse_months or 6
        window = unpaid[:n]  # the first run of n ending in the year
        assert lapses[mid].months == tuple(window)
        assert rule.evidence == [f"欠费者自{window[0]}至{window[-1]}连续{n}个月未交纳党费"]
    else:
        assert rule.status == "达标"


def test_back_payment_does_not_undo_the_lapse(ledger):
    """Paid back in March 2026: the lapse happened (the rule's evidence and the grid's words agree)."""
    mid = _branch(ledger, SIX)
    for d in ledger.rows("dues", "member_id = ? AND amount_paid = 0", (mid,)):
        ledger.update("dues", d["id"], {"amount_paid": 1000, "paid_on": "2026-03-05"})
    rule = evaluate(ledger, YEAR, dt.date(YEAR, 12, 31)).rule("SYS-DUES-LAPSE")
    _, lapses = lapses_on(ledger, YEAR, TODAY)
    assert rule.evidence == ["欠费者" + lapses[mid].words()]
    assert lapses[mid].words() == "自2025-09至2026-02连续6个月未交纳党费（2026-03-05补缴）"


def test_the_lapse_on_the_as_of_day(ledger):
    """While 2026 runs, February's lapse shows from 28 February on (the month is over), not before."""
    mid = _branch(ledger, SIX)
    assert mid not in lapses_on(ledger, YEAR, dt.date(2026, 2, 27))[1]
    assert mid in lapses_on(ledger, YEAR, dt.date(2026, 2, 28))[1]
    assert evaluate(ledger, YEAR, dt.date(2026, 2, 27)).rule("SYS-DUES-LAPSE").status != "未达标"
    assert evaluate(ledger, YEAR, dt.date(2026, 2, 28)).rule("SYS-DUES-LAPSE").status == "未达标"


@pytest.mark.parametrize("unpaid, lapse_months, lapsed", CASES)
def test_dues_grid_marks_the_rules_lapse(qtbot, monkeypatch, tmp_path, ledger, unpaid, lapse_months, lapsed):
    from PySide6.QtCore import Qt

    from dangzhibu_desktop.ui.dialogs import dues
    from dangzhibu_desktop.ui.dialogs.dues import DuesGridWidget

    monkeypatch.setattr(dues, "today", lambda: TODAY)
    mid = _branch(ledger, unpaid)
    rs = _rule_set(tmp_path, lapse_months)
    rule = evaluate(ledger, YEAR, dt.date(YEAR, 12, 31), rs).rule("SYS-DUES-LAPSE")
    grid = DuesGridWidget(ledger, YEAR, rule_set=rs)
    qtbot.addWidget(grid)
    name = grid.model.index(grid.find_row(mid), 0)
    tip = grid.model.data(name, Qt.ItemDataRole.ToolTipRole)
    colour = grid.model.data(name, Qt.ItemDataRole.ForegroundRole)
    assert (rule.status == "未达标") is lapsed
    if lapsed:
        n = lapse_months or 6
        assert colour.color().name() == "#c62828"
        assert tip == f"{rule.evidence[0].removeprefix('欠费者')}（连续{n}个月不交纳党费按自行脱党处理），请及时联系本人"
    else:
        assert tip is None and colour is None
