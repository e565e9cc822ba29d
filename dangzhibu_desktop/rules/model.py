"""Result types of the rules engine (plain dataclasses, JSON-ready through ``to_dict``)."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field

MET = "达标"
FAILED = "未达标"
WARNING = "预警"
PENDING = "待到期"
NOT_APPLICABLE = "不适用"
STATUSES = (MET, FAILED, WARNING, PENDING, NOT_APPLICABLE)

VETO = "否定"
CONTROLLABLE = "可控"
ELASTIC = "弹性"
KINDS = (VETO, CONTROLLABLE, ELASTIC)


ACTION_TYPES = ("meeting", "training", "volunteer", "dues", "step", "rectification", "checklist",
                "appraisal", "post", "committee", "other")


@dataclass
class Action:
    """One thing the plan asks for (DESIGN.md "Projection and plan"): done between ``start``
    ("from") and ``by`` (deadlines include their day), of ``type`` with its ``params``."""

    type: str
    by: _dt.date
    text: str
    params: dict = field(default_factory=dict)
    start: _dt.date | None = None
    rule: str = ""  # filled in by the engine

    def to_dict(self) -> dict:
        return {"rule": self.rule, "type": self.type, "by": self.by.isoformat(),
                "from": (self.start or self.by).isoformat(), "text": self.text, "params": dict(self.params)}


@dataclass
class Fix:
    """What is still due this year for the rule: concrete actions (``Action``, or a plain
    sentence for work the ledger cannot record), their cost (how many separate things), and
    the rule's credit once they are all done (1.0: 达标)."""

    actions: list
    cost: int
    credit: float = 1.0
    # For a rule that other rules' actions move (attendance over the meetings the plan holds):
    # the credit once the whole plan is done, from the plan's actions.
    after: object = None

    @property
    def texts(self) -> list[str]:
        return [a.text if isinstance(a, Action) else a for a in self.actions]


@dataclass
class Outcome:
    """What a rule function returns (the engine adds code, name and kind)."""

    status: str
    measured: object = None
    target: object = None
    message: str = ""
    advice: str = ""
    evidence: list[str] = field(default_factory=list)
    fix: Fix | None = None  # None: nothing can make it 达标 this year (or nothing needed)
    credit: float | None = None  # share met (0–1) when the rule scores by share; None: by status


@dataclass
class RuleResult:
    code: str
    name: str
    kind: str
    status: str
    measured: object
    target: object
    message: str
    advice: str
    evidence: list[str]
    weight: float = 1.0
    fix: Fix | None = None
    credit: float | None = None

    def to_dict(self) -> dict:
        return {"code": self.code, "name": self.name, "kind": self.kind, "status": self.status,
                "measured": self.measured, "target": self.target, "message": self.message,
                "advice": self.advice, "evidence": list(self.evidence)}


@dataclass
class BasicResult:
    code: str
    name: str
    score: float
    rules: list[RuleResult]

    @property
    def vetoed(self) -> bool:
        """A failed 否定 rule: the 基本 shows 否决 whatever its score."""
        return any(r.kind == VETO and r.status == FAILED for r in self.rules)

    def to_dict(self) -> dict:
        return {"code": self.code, "name": self.name, "score": self.score, "vetoed": self.vetoed,
                "rules": [r.to_dict() for r in self.rules]}


@dataclass
class Standing:
    """达标, score and stars of one outcome of the year."""

    standard_met: bool
    score: float
    stars: int

    def to_dict(self) -> dict:
        return {"standard_met": self.standard_met, "score": self.score, "stars": self.stars}


@dataclass
class Projection:
    """What is already certain, what the year ends at if nothing more is recorded, and what it
    ends at when every plan action is done (DESIGN.md "Projection and plan")."""

    secured: Standing
    if_nothing_more: Standing
    with_plan: Standing

    def to_dict(self) -> dict:
        return {"secured": self.secured.to_dict(), "if_nothing_more": self.if_nothing_more.to_dict(),
                "with_plan": self.with_plan.to_dict()}


@dataclass
class NextStar:
    """The plan: every action still due this year for ``stars`` (the highest star reachable,
    or keeping it), ordered by deadline; ``blocked_by``: failed 否定 rules nothing can repair."""

    stars: int
    actions: list  # [Action]
    reachable: bool = True
    blocked_by: list = field(default_factory=list)

    @property
    def texts(self) -> list[str]:
        return [a.text for a in self.actions]

    def to_dict(self) -> dict:
        return {"target_stars": self.stars, "reachable": self.reachable,
                "actions": [a.to_dict() for a in self.actions], "blocked_by": list(self.blocked_by)}


@dataclass
class Reminder:
    date: _dt.date
    message: str
    kind: str = ""  # meeting / probation / activist / approval / dues / rectify / term / birthday
    # What records it, in the plan's terms (the window's 去办理); not in the JSON document.
    action: Action | None = None

    def to_dict(self) -> dict:
        return {"date": self.date.isoformat(), "message": self.message}


@dataclass
class Report:
    year: int
    as_of: _dt.date
    standard_met: bool
    score: float
    stars: int
    basics: list[BasicResult]
    next_star: NextStar
    reminders: list[Reminder]
    rule_set_name: str = ""
    projection: Projection | None = None

    def rule(self, code: str) -> RuleResult | None:
        for b in self.basics:
            for r in b.rules:
                if r.code == code:
                    return r
        return None

    @property
    def rules(self) -> list[RuleResult]:
        return [r for b in self.basics for r in b.rules]

    def to_dict(self) -> dict:
        return {"year": self.year, "as_of": self.as_of.isoformat(), "standard_met": self.standard_met,
                "score": self.score, "stars": self.stars,
                "basics": [b.to_dict() for b in self.basics],
                "projection": self.projection.to_dict() if self.projection else None,
                "next_star": self.next_star.to_dict(),
                "reminders": [r.to_dict() for r in self.reminders]}
