"""The rules engine: 达标创星 readiness, compliance, reminders and dues (pure Python, no Qt).

Stable API (other layers import exactly these names):

- ``as_of_day(year, today=None, as_of=None) -> date``: THE as-of day (DESIGN.md "As of D"):
  today while the year runs, 31 December for a past year, 1 January for a future one; an as-of
  after the year is cut to 31 December, one before it refused. ``resolve_as_of`` is the same for
  a check, which refuses a future year without ``as_of``. ``judged(deadline, day)`` (a period
  ending on D is judged), ``still_possible(by, day)`` (deadlines include their day) and
  ``by_words(by, day)`` ("12月31日前" / "今天") are the deadline convention.
- ``evaluate(ledger, year, as_of=None, rule_set=None) -> Report``: judge ``year`` on
  ``resolve_as_of(year, as_of)``.
- ``Report``: ``year``, ``as_of`` (date), ``standard_met`` (达标), ``score`` (0–100, mean of the six
  基本), ``stars`` (0–5), ``basics`` (list of ``BasicResult``: ``code`` ORG/TEAM/ACT/ROLE/SYS/SUP,
  ``name``, ``score``, ``rules``: list of ``RuleResult`` with ``code``, ``name``, ``kind`` 否定/可控/弹性,
  ``status`` 达标/未达标/预警/待到期/不适用, ``measured``, ``target``, ``message``, ``advice``,
  ``evidence`` [str]), ``projection`` (``Projection``: ``secured``, ``if_nothing_more``, ``with_plan``,
  each ``Standing`` ``standard_met``/``score``/``stars``), ``next_star`` (the plan, ``NextStar``: ``stars``
  targeted (the highest reachable, or kept), ``reachable``, ``blocked_by`` (failed 否定 rules nothing
  repairs), ``actions`` [``Action``: ``rule``, ``type``, ``start`` ("from"), ``by``, ``text``, ``params``]
  — every action still due this year, ordered by deadline), ``reminders`` (list of ``Reminder``: ``date``,
  ``message``, ``kind``; empty when the as-of day is more than the reminder window in the past);
  ``report.rule(code)``; ``report.to_dict()`` is the ``check --json`` document.
- ``format_report(report) -> str``: the readable Chinese report.
- ``reminders(ledger, as_of=None, days=None) -> list[Reminder]``: the coming ``days`` (rule set: 30).
- ``compute_dues(dues_class, base_fen, rule_set=None, farmer_fen=None) -> (rate|None, amount_fen)``.
- ``load_rule_set(path=None) -> RuleSet`` (default ``resources/rules/default.json``; also shipped:
  ``five-star-published.json``, the published 五星 thresholds); ``checklist_items(rule_set=None) ->
  [{code, rule_code, rule_name, basic, label, evidence}]`` (``code`` is what goes into
  ``checklist.rule_code``; a row whose ``rule_code`` is the rule's own code answers all its items).
  Every function taking ``rule_set`` accepts a ``RuleSet``, a path, or None for the default.
- ``meeting_grid(ledger, year, as_of=None) -> {(kind, month): 'done'|'missing'|'pending'|'n/a'}``
  and ``group_meeting_grid(ledger, year, as_of=None) -> {(party_group_id, month): state}``.
- The year's figures quoted by the 述职报告 are counted in ``exports/figures.py`` (one place).

Scoring: a 基本's score is the weighted credit of its applicable 可控/弹性 rules (达标 1, 预警 0.5 — the
``credit`` of the rule set; a 未达标 rule that scores by share keeps the share of periods, people or
months it met, otherwise 0); 不适用 and 待到期 rules leave the denominator, so the
top-level score is "so far" (截至目前). The projection judges the same ledger on 31 December with
nothing recorded after the as-of day (``if_nothing_more``), counts only what is 达标 then
(``secured``), and assumes every rule whose plan actions are all done is 达标 (``with_plan``).
"""

from .asof import as_of_day, by_words, judged, resolve_as_of, still_possible
from .dues import compute_dues
from .engine import evaluate
from .grid import GRID_ROWS, group_meeting_grid, meeting_grid
from .model import (
    ACTION_TYPES,
    FAILED,
    MET,
    NOT_APPLICABLE,
    PENDING,
    STATUSES,
    WARNING,
    Action,
    BasicResult,
    NextStar,
    Projection,
    Reminder,
    Report,
    RuleResult,
    Standing,
)
from .reminders import reminders
from .ruleset import RuleSet, checklist_items, load_rule_set
from .text import format_report, plan_items, plan_lines, projection_text, stars_text

__all__ = [
    "evaluate", "format_report", "Report", "BasicResult", "RuleResult", "NextStar", "Reminder", "Action",
    "ACTION_TYPES", "Projection", "Standing",
    "reminders", "compute_dues", "load_rule_set", "checklist_items", "RuleSet", "meeting_grid",
    "group_meeting_grid", "GRID_ROWS", "resolve_as_of", "as_of_day", "judged", "still_possible", "by_words",
    "stars_text", "projection_text", "plan_lines", "plan_items",
    "MET", "FAILED", "WARNING", "PENDING", "NOT_APPLICABLE", "STATUSES",
]
