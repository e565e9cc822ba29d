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


@dataclass
class Fix:
    """What would make a rule 达标 by 31 December: concrete actions and their cost
    (how many separate things the secretary must do, for "next star")."""

    actions: list[str]
    cost: int


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

    def to_dict(self) -> dict:
        return {"code": self.code, "name": self.name, "score": self.score,
                "rules": [r.to_dict() for r in self.rules]}


@dataclass
class NextStar:
    stars: int
    actions: list[str]

    def to_dict(self) -> dict:
        return {"stars": self.stars, "actions": list(self.actions)}


@dataclass
class Reminder:
    date: _dt.date
    message: str
    kind: str = ""  # meeting / probation / activist / approval / dues / rectify / term / birthday

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
                "next_star": self.next_star.to_dict(),
                "reminders": [r.to_dict() for r in self.reminders]}
