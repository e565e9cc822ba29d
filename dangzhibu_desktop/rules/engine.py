"""Evaluate a ledger against a rule set: per-rule results, the six 基本 scores, 达标, stars,
and the shortest list of actions for the next star."""

from __future__ import annotations

import datetime as _dt
import itertools

from . import evidence
from .asof import resolve_as_of
from .checks import RULES, checklist_rule
from .model import (
    FAILED, MET, NOT_APPLICABLE, PENDING, VETO, WARNING,
    BasicResult, NextStar, Outcome, Report, RuleResult,
)
from .ruleset import RuleSet, load_rule_set
from .snapshot import Snapshot


def run_rule(snap: Snapshot, spec) -> RuleResult:
    fn = RULES[spec.code]
    try:
        out = fn(snap, spec.params, spec) if fn is checklist_rule else fn(snap, spec.params)
    except Exception as exc:  # odd data must be reported, never crash the whole check
        out = Outcome(WARNING, None, None, f"计算本项时遇到无法识别的数据：{type(exc).__name__}",
                      "请检查相关台账记录是否完整", [str(exc)[:200]])
    fix = out.fix if snap.day < snap.end and out.status in (FAILED, PENDING, WARNING, NOT_APPLICABLE) else None
    return RuleResult(code=spec.code, name=spec.name, kind=spec.kind, status=out.status,
                      measured=out.measured, target=out.target, message=out.message, advice=out.advice,
                      evidence=list(out.evidence), weight=spec.weight, fix=fix)


def basic_score(rules: list[RuleResult], credit: dict, assume: dict | None = None) -> float:
    """Weighted share (0–100) of the applicable 可控/弹性 rules met; 不适用 and 待到期 rules
    leave the denominator. ``assume`` overrides statuses by rule code (for planning)."""
    num = den = 0.0
    for r in rules:
        if r.kind == VETO:
            continue
        status = (assume or {}).get(r.code, r.status)
        if status in (NOT_APPLICABLE, PENDING):
            continue
        den += r.weight
        num += r.weight * credit.get(status, 0.0)
    return 100.0 * num / den if den else 100.0


def stars_for(rs: RuleSet, met_standard: bool, score: float, statuses: dict) -> int:
    if not met_standard:
        return 0
    stars = 0
    for s in rs.stars:
        if score + 1e-9 >= float(s.get("min_score", 0)) and all(statuses.get(c) == MET for c in s.get("requires", ())):
            stars = max(stars, int(s["stars"]))
        else:
            break
    return stars


def standing(rs: RuleSet, basics: list[BasicResult], assume: dict | None = None):
    """(达标, total score, stars, per-basic scores) for the results, with ``assume`` applied."""
    return _Standing(rs, basics)(assume)


class _Standing:
    """``standing`` for one set of results under many assumptions (the next-star search tries
    hundreds): the rules are laid out once, and each trial does the same sums in the same
    order as ``basic_score``, so every figure is the same to the last bit."""

    def __init__(self, rs: RuleSet, basics: list[BasicResult]):
        self.rs = rs
        self.basics = [[(r.code, r.weight, r.status) for r in b.rules if r.kind != VETO] for b in basics]
        self.vetoes = [(r.code, r.status) for b in basics for r in b.rules if r.kind == VETO]
        # A code's status is its last rule's (what a dict built over all rules keeps).
        self.last = {r.code: r.status for b in basics for r in b.rules}

    def __call__(self, assume: dict | None = None):
        assume = assume or {}
        credit = self.rs.credit
        scores = []
        for rules in self.basics:
            num = den = 0.0
            for code, weight, status in rules:
                status = assume.get(code, status)
                if status in (NOT_APPLICABLE, PENDING):
                    continue
                den += weight
                num += weight * credit.get(status, 0.0)
            scores.append(100.0 * num / den if den else 100.0)
        total = round(sum(scores) / len(scores), 1) if scores else 0.0
        scores = [round(s, 1) for s in scores]
        last = self.last
        vetoes_ok = all(assume.get(code, last[code]) != FAILED for code, _ in self.vetoes)
        met = vetoes_ok and all(s + 1e-9 >= self.rs.basic_min for s in scores)
        statuses = _Statuses(last, assume)
        return met, total, stars_for(self.rs, met, total, statuses), scores


class _Statuses:
    """The {code: status} that ``stars_for`` reads, without building it for every trial."""

    __slots__ = ("last", "assume")

    def __init__(self, last: dict, assume: dict):
        self.last, self.assume = last, assume

    def get(self, code, default=None):
        if code not in self.last:
            return default
        return self.assume.get(code, self.last[code])


def plan_next_star(rs: RuleSet, basics: list[BasicResult], stars: int, day: _dt.date) -> NextStar:
    """Shortest list of actions (least total cost) that lifts the year-end result one star.

    At year end every 待到期 rule becomes 未达标 unless its actions are done, so the plan
    starts from that projection; a rule can be lifted only through its ``fix``.
    """
    top = max((int(s["stars"]) for s in rs.stars), default=5)
    target = min(stars + 1, top)
    if stars >= top or day >= _dt.date(day.year, 12, 31):
        return NextStar(target, [])
    rules = [r for b in basics for r in b.rules]
    baseline = {r.code: FAILED for r in rules if r.status == PENDING and r.fix is not None}
    # 不适用 rules with a fix are those that start to apply once the work is done (records of
    # meetings not yet held): counting them as met then is part of the plan.
    candidates = [r for r in rules if r.fix is not None and r.status in (FAILED, PENDING, WARNING, NOT_APPLICABLE)]
    # A failed veto that nothing can repair keeps the branch below 达标 whatever is done.
    for r in rules:
        if r.kind == VETO and r.status == FAILED and r.fix is None:
            return NextStar(target, [])

    judge = _Standing(rs, basics)

    def reaches(chosen) -> bool:
        assume = dict(baseline)
        for r in chosen:
            assume[r.code] = MET
        return judge(assume)[2] >= target

    best = None
    if len(candidates) <= 12:  # exhaustive: at most 4096 subsets
        ordered = sorted(candidates, key=lambda r: r.fix.cost)
        for size in range(0, len(ordered) + 1):
            for combo in itertools.combinations(ordered, size):
                cost = sum(r.fix.cost for r in combo)
                if best is not None and cost >= best[0]:
                    continue
                if reaches(combo):
                    best = (cost, combo)
    else:  # greedy: vetoes first, then the best score gain per unit of cost, then drop what is not needed
        chosen = [r for r in candidates if r.kind == VETO]
        rest = [r for r in candidates if r.kind != VETO]
        while not reaches(chosen) and rest:
            def gain(r):
                assume = dict(baseline, **{c.code: MET for c in chosen + [r]})
                return judge(assume)[1] / max(1, r.fix.cost)
            pick = max(rest, key=gain)
            chosen.append(pick)
            rest.remove(pick)
        if reaches(chosen):
            for r in sorted(chosen, key=lambda r: -r.fix.cost):
                trial = [c for c in chosen if c is not r]
                if reaches(trial):
                    chosen = trial
            best = (sum(r.fix.cost for r in chosen), tuple(chosen))
    if best is None:
        return NextStar(target, [])
    order = {r.code: i for i, r in enumerate(rules)}
    actions = []
    for r in sorted(best[1], key=lambda r: order[r.code]):
        actions.extend(r.fix.actions)
    return NextStar(target, actions)


def evaluate(ledger, year: int, as_of: _dt.date | None = None, rule_set: RuleSet | str | None = None,
             *, with_reminders: bool = True) -> "Report":
    """Judge ``year`` of ``ledger`` on ``as_of`` (see ``resolve_as_of``) against a rule set."""
    rs = rule_set if isinstance(rule_set, RuleSet) else load_rule_set(rule_set)
    day = resolve_as_of(year, as_of)
    snap = Snapshot(ledger, year, day)
    basics = []
    for b in rs.basics:
        results = [evidence.check(snap, rs.evidence, spec, run_rule(snap, spec)) for spec in b.rules]
        basics.append(BasicResult(b.code, b.name, round(basic_score(results, rs.credit), 1), results))
    met, total, stars, _ = standing(rs, basics)
    report = Report(year=year, as_of=day, standard_met=met, score=total, stars=stars, basics=basics,
                    next_star=plan_next_star(rs, basics, stars, day), reminders=[], rule_set_name=rs.name)
    # Reminders look ahead from the as-of day; for a day long past (a closed year) they would
    # only repeat what has happened since, so the report carries none then.
    if with_reminders and day >= _dt.date.today() - _dt.timedelta(days=rs.reminder_days):
        from .reminders import reminders_from_snapshot

        report.reminders = reminders_from_snapshot(ledger, snap, rs, rs.reminder_days)
    return report
