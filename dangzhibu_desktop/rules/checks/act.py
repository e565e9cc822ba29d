"""The rules of 基本活动 (ACT-*): 三会一课 and 组织生活."""

from __future__ import annotations

import math

from ...ledger import enums
from ...ledger.schema import TABLES
from ..asof import by_words, still_possible
from ..model import FAILED, MET, NOT_APPLICABLE, PENDING, WARNING, Action, Fix, Outcome
from ..snapshot import Snapshot, as_date
from .common import (
    PERIOD_WORDS,
    _pct,
    _periodic,
    _periodic_rule,
    _verdict,
    expected_attendees,
    meeting_actions,
    rule,
)


@rule("ACT-CONGRESS")
def act_congress(snap: Snapshot, p: dict) -> Outcome:
    return _periodic_rule(snap, p, enums.GENERAL_MEETING, "召开", "每季度至少召开一次支部党员大会，并完整记录出勤和决议")


@rule("ACT-COMMITTEE")
def act_committee(snap: Snapshot, p: dict) -> Outcome:
    need = int(p["min_committee_members"])

    def applies(a, b) -> bool:
        """A month counts while a committee of ``need`` 委员 sat in it (from the role dates);
        the months ahead count with the committee of the as-of day."""
        days = [d for d in (a, b) if d <= snap.day] or [snap.day]
        return any(len(snap.committee_ids(d)) >= need for d in days)

    size = len(snap.committee_ids())
    if not any(applies(a, b) for _, a, b in snap.months()):
        return Outcome(NOT_APPLICABLE, None, f"每月≥{p['min_count']}次",
                       f"未设立支部委员会（现有委员{size}名），不考核支委会")
    return _periodic_rule(snap, p, enums.COMMITTEE_MEETING, "召开", "支部委员会每月至少召开一次，研究支部日常工作", applies)


def _group_applies(g: dict):
    """A 党小组 is judged for the months it existed (established_on … dissolved_on)."""
    start, end = as_date(g["established_on"]), as_date(g["dissolved_on"])
    return lambda a, b: (start is None or start <= b) and (end is None or end >= a)


@rule("ACT-GROUP")
def act_group(snap: Snapshot, p: dict) -> Outcome:
    period, min_count = p["period"], int(p["min_count"])
    target = f"每个党小组{PERIOD_WORDS.get(period, '')}≥{min_count}次"
    if not snap.groups:
        return Outcome(NOT_APPLICABLE, None, target, "未划分党小组，不考核党小组会")
    kinds = set(p["meeting_kinds"])
    fails, actions, cost, done, applicable, planned = [], [], 0, 0, 0, 0
    for gid, g in snap.groups.items():
        dates = [as_date(m["date"]) for m in snap.meetings if m["kind"] in kinds and m.get("party_group_id") == gid]
        f, todo, d, a = _periodic(snap, p, enums.GROUP_MEETING, "召开", dates, prefix=f"{g['name']}",
                                  applies=_group_applies(g))
        fails += f
        done += d
        applicable += a
        if todo:
            actions += meeting_actions(snap, todo, p["meeting_kinds"][0], enums.GROUP_MEETING, "召开", g["name"], gid)
            cost += sum(k for *_, k in todo)
            planned += len(todo)
    if not applicable:
        return Outcome(NOT_APPLICABLE, None, target, "本年度没有存续的党小组，不考核党小组会")
    measured = f"{done}/{done + len(fails)}"
    advice = "党小组会一般每月召开一次，由党小组组长主持，并记录出勤"
    fix = Fix(actions, cost, (done + planned) / applicable) if actions else None
    if fails:
        return Outcome(FAILED, measured, target, f"党小组会有{len(fails)}次未按时召开", advice, fails, fix,
                       done / (done + len(fails)))
    if actions:
        return Outcome(PENDING, measured, target, "已到期的月份党小组会均已召开，其余月份尚未到期", advice, [], fix)
    return Outcome(MET, measured, target, "各党小组均按时召开党小组会")


@rule("ACT-LESSON")
def act_lesson(snap: Snapshot, p: dict) -> Outcome:
    out = _periodic_rule(snap, p, enums.PARTY_LECTURE, "开展", "每季度至少开展一次党课，书记每年至少讲一次党课")
    need = int(p["secretary_lessons"])
    secs = snap.secretaries_in_year()
    if not secs or need <= 0 or out.status == NOT_APPLICABLE:
        return out
    lessons = snap.meetings_of(p["meeting_kinds"])
    given = [m for m in lessons if m.get("lecturer_id") in secs]
    out.target = f"{out.target}；书记每年≥{need}次"
    if len(given) >= need:
        out.evidence.append("书记讲党课：" + "、".join(f"{m['date']}{snap.name(m['lecturer_id'])}" for m in given))
        return out
    names = "、".join(snap.name(s) for s in secs)
    current = snap.secretary_ids()
    if not current or not still_possible(snap.end, snap.day):
        out.evidence.append(f"书记{names}本年度未讲党课")
        if snap.over(snap.end) and out.status != FAILED:
            out.status, out.message = FAILED, f"书记{names}本年度未讲党课"
            out.advice = "书记每年至少为党员讲一次党课"
        if snap.over(snap.end):
            out.fix = None
            out.credit = 0.5 if out.credit is None else out.credit / 2
        return out
    sec = current[0]
    out.evidence.append(f"书记{names}本年度尚未讲党课")
    if snap.over(snap.end) and out.status != FAILED:
        out.status, out.message = FAILED, f"书记{names}本年度未讲党课"
        out.advice = "书记每年至少为党员讲一次党课"
    # The 书记's lessons ride on the last lessons still planned, or come on top.
    actions = list(out.fix.actions) if out.fix else []
    lessons_left = [a for a in actions if isinstance(a, Action)][-(need - len(given)):] if actions else []
    for a in lessons_left:
        a.params["lecturer_id"] = sec
        a.text += f"（由书记{snap.name(sec)}主讲）"
    for _ in range(need - len(given) - len(lessons_left)):
        actions.append(Action("meeting", snap.end, f"{by_words(snap.end, snap.day)}由书记{snap.name(sec)}讲1次党课",
                              {"meeting_kind": p["meeting_kinds"][0], "party_group_id": None, "lecturer_id": sec,
                               "attendees": expected_attendees(snap, p["meeting_kinds"][0]), "needs_vote": False},
                              snap.day))
    credit_after = out.fix.credit if out.fix else (out.credit if out.credit is not None else 1.0)
    if out.status == MET:
        out.status, out.message = PENDING, f"党课按季度开展，书记{names}尚未讲党课"
        out.advice = "书记每年至少为党员讲一次党课"
    elif out.status == PENDING:
        out.message += f"；书记{names}尚未讲党课"
    out.fix = Fix(actions, len(actions), credit_after)
    return out


@rule("ACT-THEME-DAY")
def act_theme_day(snap: Snapshot, p: dict) -> Outcome:
    return _periodic_rule(snap, p, enums.THEME_DAY, "开展", "每月确定一天开展主题党日活动，并登记活动记录")


@rule("ACT-LIFE-MEETING")
def act_life_meeting(snap: Snapshot, p: dict) -> Outcome:
    need = int(p["per_year"])
    held = snap.meetings_of(p["meeting_kinds"])
    target = f"每年≥{need}次"
    evidence = [f"{m['date']}召开组织生活会" for m in held]
    if len(held) >= need:
        return Outcome(MET, len(held), target, f"本年度已召开组织生活会{len(held)}次", "", evidence)
    advice = "年底前召开组织生活会：会前学习、谈心谈话、征求意见，会上开展批评和自我批评，会后制定整改措施"
    todo = [("全年", snap.start, snap.end, need - len(held))]
    fix = Fix(meeting_actions(snap, todo, p["meeting_kinds"][0], "组织生活会（会前开展谈心谈话、征求意见）", "召开"),
              need - len(held))
    if snap.over(snap.end):
        return Outcome(FAILED, len(held), target, "本年度未召开组织生活会", advice, evidence, fix)
    return Outcome(PENDING, len(held), target, "本年度尚未召开组织生活会", advice, evidence, fix)


@rule("ACT-ATTENDANCE")
def act_attendance(snap: Snapshot, p: dict) -> Outcome:
    least = float(p["min_rate"])
    meetings = snap.meetings_of(p["meeting_kinds"])
    target = f"≥{_pct(least)}"
    present = expected = 0
    unrecorded, low = [], []
    # 应到 is the roster on the meeting day (not the rows typed): 党员 on the books, the group
    # for 党小组会, the committee for 支委会, exempt members left out. 请假 stays in 应到.
    recorded = [m for m in meetings if snap.attendance_counts.get(m["id"], (0, 0))[0]]
    came = snap.attendees([m["id"] for m in recorded])
    roster: dict = {}
    for m in meetings:
        if not snap.attendance_counts.get(m["id"], (0, 0))[0]:
            unrecorded.append(f"{m['date']}{m['kind']}")
            continue
        d = as_date(m["date"])
        key = (m["kind"] == enums.COMMITTEE_MEETING, m["party_group_id"] if m["kind"] == enums.GROUP_MEETING else None, d)
        if key not in roster:
            if key[0]:
                ids = snap.committee_ids(d)
            else:
                ids = {x["id"] for x in snap.party_members(d)
                       if m["kind"] != enums.GROUP_MEETING or x.get("party_group_id") == key[1]}
            roster[key] = {i for i in ids if not snap.exempt(i)}
        expect = roster[key]
        n = len(expect)
        here = sum(1 for x in came[m["id"]] if x in expect)
        if not n:
            continue
        present += here
        expected += n
        if here / n < least:
            low.append((m, n, here, expect))
    # Only the meetings shown as evidence need their absentees by name (those 应到: not an
    # exempt member's 请假).
    low = low[:12]
    rows_of = snap.attendance_rows([m["id"] for m, *_ in low])
    for i, (m, n, here, expect) in enumerate(low):
        absent = [snap.name(r["member_id"]) + f"（{r['status']}）" for r in rows_of[m["id"]]
                  if r["status"] != enums.PRESENT and r["member_id"] in expect]
        low[i] = f"{m['date']}{m['kind']}：应到{n}人，实到{here}人；{'、'.join(absent[:6])}"
    kinds = set(p["meeting_kinds"])

    def after(plan) -> float:
        """Attendance once the plan's meetings are held with everyone expected present."""
        more = sum(len(a.params.get("attendees") or ()) for a in plan
                   if a.type == "meeting" and a.params.get("meeting_kind") in kinds)
        total = expected + more
        return 1.0 if total and (present + more) / total + 1e-9 >= least else 0.0

    if not meetings:
        if snap.over(snap.end):
            return Outcome(FAILED, None, target, "本年度没有三会一课会议记录", "召开三会一课并登记出勤")
        # Applies as soon as meetings are held: the plan's meetings, everyone expected present.
        return Outcome(NOT_APPLICABLE, None, target, "本年度尚无三会一课会议记录", "", [],
                       Fix([f"召开三会一课时逐人登记出勤，出勤率保持在{_pct(least)}以上"], 0, 0.0, after))
    if expected == 0:
        return Outcome(FAILED, None, target, f"{len(unrecorded)}次三会一课均未登记出勤",
                       "在会议记录中登记每名党员的出勤情况", [f"未登记出勤：{'、'.join(unrecorded[:10])}"],
                       Fix([f"补录{len(unrecorded)}次会议的出勤情况"], 1))
    rate = present / expected
    evidence = low[:12]
    if unrecorded:
        evidence.append(f"未登记出勤：{'、'.join(unrecorded[:10])}")
    evidence += [f"{x['name']}：{snap.exempt_note(x['id'])}，不计入应到" for x in snap.party_members()
                 if snap.exempt(x["id"])]
    measured = _pct(rate)
    if rate + 1e-9 < least:
        advice = "加强组织生活纪律，对无故缺席的党员及时谈心谈话；因故不能参加的应事先请假并安排补课"
        if snap.over(snap.end):
            return Outcome(FAILED, measured, target, f"三会一课出勤率{_pct(rate)}，低于{_pct(least)}", advice, evidence)
        avg = expected / max(1, len(meetings) - len(unrecorded))
        more = math.ceil((least * expected - present) / (avg * (1 - least))) if least < 1 else None
        fix = Fix([f"今后的三会一课确保全员出席（约需{more}次全员到会的会议把出勤率提高到{_pct(least)}）"], more,
                  0.0, after) if more is not None else None
        return Outcome(WARNING, measured, target, f"目前三会一课出勤率{_pct(rate)}，低于{_pct(least)}", advice,
                       evidence, fix)
    if unrecorded:
        return Outcome(WARNING, measured, target, f"出勤率{_pct(rate)}，但有{len(unrecorded)}次会议未登记出勤",
                       "补录这些会议的出勤情况", evidence, Fix([f"补录{len(unrecorded)}次会议的出勤情况"], 1))
    return Outcome(MET, measured, target, f"三会一课出勤率{_pct(rate)}（出席{present}人次/应到{expected}人次）", "",
                   evidence)


@rule("ACT-RECORDS")
def act_records(snap: Snapshot, p: dict) -> Outcome:
    fields = list(p["required_fields"])
    least = float(p["min_share"])
    table = TABLES["meetings"]
    labels = {f: (table.field(f).label if f in table.names else f) for f in fields}
    meetings = snap.meetings
    target = f"记录要素齐全的会议≥{_pct(least)}"
    bad_count = sum(1 for m in meetings if any(m.get(f) in (None, "") for f in fields))

    def after(plan) -> float:
        """The share once the plan's meetings are recorded with every field filled."""
        more = sum(1 for a in plan if a.type == "meeting")
        total = len(meetings) + more
        return 1.0 if total and 1 - bad_count / total + 1e-9 >= least else 0.0

    if not meetings:
        return Outcome(NOT_APPLICABLE, None, target, "本年度尚无会议记录", "", [],
                       Fix(["每次会议完整填写主持人、记录人、议题和会议内容"], 0, 0.0, after))
    bad = []
    for m in meetings:
        missing = [labels[f] for f in fields if m.get(f) in (None, "")]
        if missing:
            bad.append(f"{m['date']}{m['kind']}：缺{'、'.join(missing)}")
    share = 1 - len(bad) / len(meetings)
    measured = _pct(share)
    if share + 1e-9 >= least:
        return Outcome(MET, measured, target, f"{len(meetings)}次会议记录要素齐全")
    return Outcome(FAILED, measured, target, f"{len(bad)}次会议记录要素不全（共{len(meetings)}次）",
                   "会议记录应写明主持人、记录人、议题和会议内容，请补全", bad[:20],
                   Fix([f"补全{len(bad)}次会议记录的主持人、记录人、议题和内容"], 1, 0.0, after))


@rule("ACT-QUORUM")
def act_quorum(snap: Snapshot, p: dict) -> Outcome:
    share = float(p["min_share"])
    kinds = set(p["meeting_kinds"])
    target = f"有表决权的到会党员超过{_pct(share)}"
    votes = [m for m in snap.meetings if m["kind"] in kinds and m.get("vote")]
    fails, warns, oks = [], [], []
    came = snap.attendees([m["id"] for m in votes if snap.attendance_counts.get(m["id"])])
    for m in votes:
        d = as_date(m["date"])
        voters = {x["id"] for x in snap.full_members(d)}
        if m["id"] not in came:  # no attendance recorded at all
            warns.append(f"{m['date']}{m.get('topic') or m['kind']}：有表决事项但未登记出勤")
            continue
        here = sum(1 for member in came[m["id"]] if member in voters)
        line = f"{m['date']}{m.get('topic') or m['kind']}：有表决权的正式党员{len(voters)}名，到会{here}名"
        if here <= share * len(voters):
            fails.append(line + "，未超过半数")
        else:
            oks.append(line)
    return _verdict(fails, warns, oks, [],
                    fail_msg=f"{len(fails)}次有表决事项的党员大会到会人数未超过半数，决议无效",
                    warn_msg="有表决事项的党员大会未登记出勤，无法核实到会人数",
                    ok_msg="有表决事项的党员大会到会人数均超过半数", pending_msg="",
                    none_msg="本年度尚无有表决事项的党员大会",
                    advice="有选举权的党员超过半数到会方能开会表决；未达到的，应另行召开并重新表决",
                    warn_advice="在会议记录中登记出勤",
                    target=target)
