"""The first-run checklist of the empty 工作台 (issue 14, item 11): 支部信息 → 支委 → 党小组 →
党员 → the first meeting, each step done or not as the ledger says, each with the editor that
does it (a ``views.fixes.Target``). Qt-free; the dashboard paints it until a meeting is held."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field

from ..ledger import enums
from .fixes import Target


@dataclass(frozen=True)
class OnboardingStep:
    key: str
    title: str
    hint: str  # what is still missing, or what was found when done
    done: bool
    target: Target = field(default_factory=Target)


def onboarding_steps(ledger, today: _dt.date) -> list[OnboardingStep]:
    branch = ledger.branch() or {}
    missing = [label for name, label in (("name", "支部名称"), ("parent_org", "上级党委"),
                                         ("committee_elected_on", "本届选举日期")) if not branch.get(name)]
    steps = [OnboardingStep(
        "branch", "填写支部信息",
        f"还缺：{'、'.join(missing)}" if missing else "支部名称、上级党委和本届选举日期已填写",
        not missing, Target(table="branch", row_id=branch.get("id")) if branch.get("id") else Target(page="branch"))]

    members = ledger.party_members_on(today)  # the ledger's one answer
    roles = ledger.committee_on(today)
    secretary = any(r["role"] == enums.SECRETARY for r in roles)
    if secretary:
        hint = f"已登记 {len(roles)} 项在任分工"
    elif not ledger.count("members"):
        hint = "支委须是本支部党员：先录入书记本人（之后在“支部信息”页登记分工）"
    else:
        hint = "登记书记和其他支委的分工"
    steps.append(OnboardingStep(
        "committee", "登记支委分工", hint, secretary,
        Target(table="committee_roles", defaults={"role": enums.SECRETARY, "start_date": branch.get("committee_elected_on")})
        if ledger.count("members") else Target(table="members")))

    groups = ledger.count("party_groups")
    steps.append(OnboardingStep(
        "groups", "建立党小组",
        f"已建立 {groups} 个党小组" if groups else "党员较多的支部按工作单元划分党小组，并指定组长",
        groups > 0, Target(table="party_groups")))

    steps.append(OnboardingStep(
        "members", "录入党员",
        f"在册党员 {len(members)} 人" if members
        else "逐个录入党员；已入党的同志填写入党日期（转正的再填转正日期）",
        bool(members), Target(table="members")))

    meetings = ledger.count("meetings")
    steps.append(OnboardingStep(
        "meeting", "记录第一次会议",
        f"已记录 {meetings} 次会议" if meetings else "如本月的支部委员会或支部党员大会",
        meetings > 0, Target(table="meetings", defaults={"date": today.isoformat()})))
    return steps


def onboarding_due(ledger) -> bool:
    """The checklist shows on an empty 工作台: until the first meeting is recorded."""
    return ledger.count("meetings") == 0
