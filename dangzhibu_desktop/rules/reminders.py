"""Reminders for the coming days: what the secretary must not forget.

Each reminder has the date it is about (a deadline, an anniversary; the as-of date itself
for things already overdue) and one Chinese sentence.
"""

from __future__ import annotations

import datetime as _dt

from ..ledger import enums
from ..ledger import steps as S
from .asof import by_words
from .checks import dues_ledger
from .dues import dues_lapses, unpaid_runs
from .checks.system import dues_still_owed
from .checks.team import talk_due
from .model import Action, Reminder
from .ruleset import RuleSet, load_rule_set
from .snapshot import Snapshot, as_date, month_end, quarter_label, quarter_of

def _ask(verb: str, by: _dt.date, day: _dt.date) -> str:
    """"请今天召开" on the last day, "请在12月31日前召开" before it (the plan's wording)."""
    return f"请今天{verb}" if by == day else f"请在{by_words(by, day)}{verb}"


_ORDER = ("overdue", "meeting", "probation", "approval", "talk", "activist", "review", "dues", "rectify", "term",
          "birthday")


def reminders(ledger, as_of: _dt.date | None = None, days: int | None = None,
              rule_set: RuleSet | str | None = None) -> list[Reminder]:
    """Reminders for ``as_of`` (default today) and the ``days`` after it (default from the rule set, 30)."""
    rs = rule_set if isinstance(rule_set, RuleSet) else load_rule_set(rule_set)
    day = as_of or _dt.date.today()
    snap = Snapshot(ledger, day.year, day)
    return reminders_from_snapshot(ledger, snap, rs, rs.reminder_days if days is None else days)


def reminders_from_snapshot(ledger, snap: Snapshot, rs: RuleSet, days: int) -> list[Reminder]:
    day = snap.day
    horizon = day + _dt.timedelta(days=days)
    out: list[Reminder] = []

    def add(when: _dt.date, text: str, kind: str, action: Action | None = None) -> None:
        out.append(Reminder(when, text, kind, action))

    def step(mid: int, number: int, by: _dt.date) -> Action:
        """The development step that answers the reminder (recorded in the step editor)."""
        return Action("step", max(by, day), "", {"member_id": mid, "step": number}, day)

    _meetings(snap, rs, day, horizon, add)
    # Only people with development steps have a category (and so anything to be reminded of).
    for mid, m in snap.stepped():
        if not snap.on_books(m, day):
            continue
        steps = snap.member_steps(mid)
        cat = snap.category(mid)
        name = m["name"]
        admit = snap.admitted(mid)
        if cat == enums.PROBATIONARY and admit:
            probation = rs.params("TEAM-PROBATION")
            end = S.probation_end(steps, years=int(probation["probation_years"]),
                                  unknown_extension_months=int(probation["max_extension_months"]))
            if end < day:
                add(day, f"{name}的预备期已于{end}届满，尚未讨论转正，请尽快召开支部党员大会", "overdue",
                    step(mid, S.STEP_FULL_MEETING, day))
            elif end <= horizon:
                add(end, f"{name}的预备期将于{end}届满，请督促其提交转正申请并召开支部党员大会讨论转正", "probation",
                    step(mid, S.STEP_FULL_MEETING, end))
            approved = [d for d in (as_date(s["date"]) for s in steps if s.get("step") == S.STEP_APPROVE) if d and d >= admit]
            if not approved:
                due = S.add_months(admit, int(rs.params("TEAM-DEV-APPROVE")["months"]))
                if due < day and due >= S.add_months(day, -6):
                    add(day, f"{name}于{admit}经支部大会通过，已超过审批时限（{due}），请督促上级党委审批", "overdue",
                        step(mid, S.STEP_APPROVE, day))
                elif day <= due <= horizon:
                    add(due, f"{name}入党需在{due}前由上级党委审批", "approval", step(mid, S.STEP_APPROVE, due))
        if cat == enums.FULL_MEMBER:
            # Most 正式党员 have step 24 on record: look for it before working out the 转正 date.
            if not any(s.get("step") == S.STEP_FULL_APPROVE for s in steps) and (full := S.full_member_since(steps)):
                due = S.add_months(full, 3)
                if day <= due <= horizon:
                    add(due, f"{name}的转正需在{due}前报上级党委审批", "approval",
                        step(mid, S.STEP_FULL_APPROVE, due))
        if cat == enums.ACTIVIST:
            act = snap.step_date(mid, S.STEP_ACTIVIST)
            if act:
                year_on = S.add_years(act, 1)
                if day <= year_on <= horizon:
                    add(year_on, f"{name}确定为入党积极分子将满一年（{year_on}），经考察合格可确定为发展对象", "activist",
                        step(mid, S.STEP_CANDIDATE, year_on))
        if cat == enums.APPLICANT and not snap.step_date(mid, S.STEP_TALK):
            applied = snap.step_date(mid, S.STEP_APPLY)
            if applied:
                due = talk_due(applied, rs.params("TEAM-DEV-TALK"))
                if due < day:
                    add(day, f"{name}于{applied}递交入党申请书，已超过谈话时限，请尽快派人谈话", "overdue",
                        step(mid, S.STEP_TALK, day))
                elif due <= horizon:
                    add(due, f"{_ask('派人', due, day)}与入党申请人{name}谈话（{applied}递交申请）", "talk",
                        step(mid, S.STEP_TALK, due))
        if cat in enums.PARTY_MEMBERS and admit:
            for y in (day.year, day.year + 1):
                if y <= admit.year:
                    continue
                ann = S.add_years(admit, y - admit.year)
                if day <= ann <= horizon:
                    add(ann, f"{name}的政治生日（{admit}入党，入党{y - admit.year}周年）", "birthday")
    _dues(snap, rs, day, add)
    # The half-year 考察 of 积极分子 and 预备党员: the rules' own plan actions due in the window.
    from .checks import RULES

    for code in ("TEAM-DEV-REVIEW", "TEAM-PROBATION-REVIEW"):
        if rs.spec(code) is None:
            continue
        fix = RULES[code](snap, rs.params(code)).fix
        for a in (fix.actions if fix else ()):
            if getattr(a, "by", None) and day <= a.by <= horizon:
                add(a.by, a.text, "review", a)
    for r in ledger.rows("rectifications", "status != '已完成' AND deadline IS NOT NULL AND deadline <= ?",
                         (horizon.isoformat(),), order_by="deadline, id"):
        d = as_date(r["deadline"])
        if d is None:
            continue
        close = Action("rectification", max(d, day), "", {"rectification_id": r["id"]}, day)
        if d < day:
            add(day, f"整改事项“{r['problem']}”已于{d}到期仍未完成（{r['status']}）", "overdue", close)
        else:
            add(d, f"整改事项“{r['problem']}”将于{d}到期（{r['status']}）", "rectify", close)
    elected = as_date(snap.branch.get("committee_elected_on"))
    if elected:
        term = int(snap.branch.get("committee_term_years") or rs.params("ORG-TERM")["term_years"])
        end = S.add_years(elected, term)
        elect = Action("committee", max(end, day), "", {}, day)  # the new 支委会 in 支部信息
        if end < day:
            add(day, f"本届支部委员会已于{end}任期届满，请及时换届", "overdue", elect)
        elif end <= max(horizon, day + _dt.timedelta(days=int(rs.params("ORG-TERM")["warn_days"]))):
            # From the rule's own warning (90 days), not only the reminder window.
            add(end, f"本届支部委员会将于{end}任期届满（还有{(end - day).days}天），请提前向上级党委报告，做好换届准备", "term", elect)
    out.sort(key=lambda r: (r.date, _ORDER.index(r.kind) if r.kind in _ORDER else 99))
    return out


def _meetings(snap: Snapshot, rs: RuleSet, day: _dt.date, horizon: _dt.date, add) -> None:
    month_start = day.replace(day=1)
    m_end = month_end(day.year, day.month)
    q = quarter_of(day.month)
    q_start, q_end = _dt.date(day.year, 3 * q - 2, 1), month_end(day.year, 3 * q)

    def held(kinds, start, group=None) -> bool:
        return any(m["kind"] in kinds and as_date(m["date"]) and as_date(m["date"]) >= start
                   and (group is None or m.get("party_group_id") == group) for m in snap.meetings)

    monthly = [("ACT-THEME-DAY", enums.THEME_DAY, "开展")]
    if len(snap.committee_ids(day)) >= int(rs.params("ACT-COMMITTEE")["min_committee_members"]):
        monthly.append(("ACT-COMMITTEE", enums.COMMITTEE_MEETING, "召开"))
    def meeting(kind: str, by: _dt.date, group=None) -> Action:
        return Action("meeting", by, "", {"meeting_kind": kind, "party_group_id": group}, day)

    for code, what, verb in monthly:
        if rs.spec(code) is None:
            continue
        if not held(set(rs.params(code)["meeting_kinds"]), month_start):
            add(m_end, f"本月（{day.month}月）尚未{verb}{what}，{_ask(verb, m_end, day)}", "meeting",
                meeting(rs.params(code)["meeting_kinds"][0], m_end))
    if rs.spec("ACT-GROUP") is not None:
        kinds = set(rs.params("ACT-GROUP")["meeting_kinds"])
        for gid, g in snap.groups.items():
            if not held(kinds, month_start, gid):
                add(m_end, f"{g['name']}本月（{day.month}月）尚未召开党小组会，{_ask('召开', m_end, day)}", "meeting",
                    meeting(enums.GROUP_MEETING, m_end, gid))
    for code, what, verb in (("ACT-CONGRESS", enums.GENERAL_MEETING, "召开"), ("ACT-LESSON", enums.PARTY_LECTURE, "开展")):
        if rs.spec(code) is None:
            continue
        if not held(set(rs.params(code)["meeting_kinds"]), q_start):
            add(q_end, f"本季度（{quarter_label(q)}）尚未{verb}{what}，{_ask(verb, q_end, day)}", "meeting",
                meeting(rs.params(code)["meeting_kinds"][0], q_end))
    year_end = _dt.date(day.year, 12, 31)
    if year_end <= horizon and rs.spec("ACT-LIFE-MEETING") is not None:
        if not held(set(rs.params("ACT-LIFE-MEETING")["meeting_kinds"]), snap.start):
            add(year_end, f"本年度尚未召开组织生活会，{_ask('召开', year_end, day)}", "meeting",
                meeting(rs.params("ACT-LIFE-MEETING")["meeting_kinds"][0], year_end))


def _dues(snap: Snapshot, rs: RuleSet, day: _dt.date, add) -> None:
    lapse = int(rs.params("SYS-DUES-LAPSE")["lapse_months"])

    def collect(mid: int | None = None, by: _dt.date = day) -> Action:
        return Action("dues", by, "", {"member_id": mid} if mid else {}, day)

    lapsed = dues_lapses(snap, lapse)  # the rule's own lapse, across the year boundary
    runs = unpaid_runs(snap)
    owing = []
    for mid, months in dues_ledger(snap).items():
        unpaid = [ym for ym, ok in months if not ok]
        run = runs.get(mid, 0)
        if mid in lapsed:
            first, last = (f"{int(ym[:4])}年{int(ym[5:])}月" for ym in (lapsed[mid].months[0], lapsed[mid].months[-1]))
            add(day, f"{snap.name(mid)}已连续{len(lapsed[mid].months)}个月未交纳党费（{first}至{last}），"
                     f"已达到连续{lapse}个月不交纳党费的情形，"
                     f"请立即谈话了解原因，并按程序报告上级党委", "overdue", collect(mid))
        elif run >= lapse - 2:
            add(day, f"{snap.name(mid)}已连续{run}个月未交纳党费（连续{lapse}个月将按自行脱党处理），请立即谈话督促",
                "dues", collect(mid))
        elif unpaid:
            owing.append(f"{snap.name(mid)}（{len(unpaid)}个月）")
    if owing:
        shown = "、".join(owing[:8]) + ("等" if len(owing) > 8 else "")
        add(day, f"{len(owing)}名党员有未缴党费：{shown}", "dues", collect())
    # This month's collection, due at its end.
    this_month = f"{day.year:04d}-{day.month:02d}"
    due_now = [mid for mid, months in dues_still_owed(snap).items() if this_month in months]
    if due_now:
        m_end = month_end(day.year, day.month)
        add(m_end, f"本月（{day.month}月）还有{len(due_now)}名党员的党费尚未收缴，{_ask('收缴并登记', m_end, day)}", "dues",
            collect(by=m_end))
