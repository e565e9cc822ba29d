"""A 党员's 学时 of a year against the rule set's target (TEAM-TRAINING), answered once for the
rule and the 党员档案 (``views.person``): which trainings count (the rule's ``training_kinds``),
the hours each person has, and each person's target (``member_hours``, ``committee_hours`` for
the 书记 and 委员, pro rata for someone transferred in during the year)."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass

from .asof import as_of_day
from .ruleset import RuleSet, load_rule_set
from .snapshot import Snapshot, as_date

RULE = "TEAM-TRAINING"


def counted_trainings(snap: Snapshot, p: dict) -> list[dict]:
    """The year's trainings (up to the as-of day) whose kind the rule counts (no kinds: all)."""
    kinds = set(p["training_kinds"])
    return [t for t in snap.trainings if not (kinds and t.get("kind") not in kinds)]


def training_hours(snap: Snapshot, p: dict) -> dict[int, int]:
    """member → 学时 in tenths from the counted trainings."""
    tids = [t["id"] for t in counted_trainings(snap, p)]
    hours = snap.member_hours("training_attendance", "training_id", tids)
    if hours is None:  # odd hours in some row: add them up row by row, as always
        hours = {}
        for atts in snap.hours_rows("training_attendance", "training_id", tids).values():
            for a in atts:
                hours[a["member_id"]] = hours.get(a["member_id"], 0) + (a["hours"] or 0)
    return hours


def joined_in_year(snap: Snapshot, member: dict) -> bool:
    """Transferred in after 1 January: the target is taken pro rata."""
    joined = as_date(member.get("joined_branch_on"))
    return bool(joined and joined > snap.start)


def training_need(snap: Snapshot, member: dict, p: dict, committee: set[int]) -> float:
    """The member's target in hours: ``committee_hours`` for someone on the committee on the
    as-of day, else ``member_hours``; pro rata from the day of joining the branch in the year."""
    need = float(p["committee_hours"]) if member["id"] in committee else float(p["member_hours"])
    if joined_in_year(snap, member):
        joined = as_date(member.get("joined_branch_on"))
        year_days = (snap.end - snap.start).days + 1
        need = round(need * ((snap.end - joined).days + 1) / year_days, 1)
    return need


@dataclass(frozen=True)
class TrainingStanding:
    """One person's 学时 of ``year`` on ``day``: ``have`` (tenths, counted kinds), ``need`` (hours,
    None when the person is not a 党员 on the books that day and the rule does not judge them),
    ``committee`` (the 书记/委员 target), ``pro_rata`` and the ``kinds`` the rule counts."""

    year: int
    day: _dt.date
    have: int
    need: float | None
    committee: bool
    pro_rata: bool
    kinds: tuple[str, ...]

    @property
    def met(self) -> bool | None:
        return None if self.need is None else self.have / 10 >= self.need


def member_training(ledger, member_id: int, year: int, today: _dt.date | None = None,
                    rule_set: RuleSet | str | None = None,
                    snap: Snapshot | None = None) -> TrainingStanding:
    """The person's standing under TEAM-TRAINING of ``year`` on its as-of day (``as_of_day``)."""
    rs = rule_set if isinstance(rule_set, RuleSet) else load_rule_set(rule_set)
    p = rs.params(RULE)
    snap = snap or Snapshot(ledger, year, as_of_day(year, today))
    have = training_hours(snap, p).get(member_id, 0)
    member = next((m for m in snap.party_members() if m["id"] == member_id), None)
    committee = snap.committee_ids()
    need = training_need(snap, member, p, committee) if member else None
    return TrainingStanding(year, snap.day, have, need, member_id in committee,
                            bool(member and joined_in_year(snap, member)), tuple(p["training_kinds"]))
