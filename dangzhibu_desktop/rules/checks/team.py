"""The rules of 基本队伍 (TEAM-*)."""

from __future__ import annotations

import datetime as _dt
import math
import re

from ...ledger import steps as S
from ...ledger.validate import birth_date_from_id
from ..model import FAILED, MET, NOT_APPLICABLE, PENDING, Fix, Outcome
from ..snapshot import Snapshot, as_date, fmt_num
from .common import (
    _highest_step,
    _judged_here,
    _months_between,
    _names,
    _pct,
    _ratio,
    _step_dates,
    _step_rows,
    _verdict,
    rule,
)


@rule("TEAM-RESERVE")
def team_reserve(snap: Snapshot, p: dict) -> Outcome:
    need = int(p["min_reserve"])
    reserve = snap.people(categories=("入党积极分子", "发展对象"))
    target = f"入党积极分子和发展对象≥{need}名"
    evidence = [f"{m['name']}（{snap.category(m['id'])}）" for m in reserve]
    if len(reserve) >= need:
        return Outcome(MET, len(reserve), target, f"现有入党积极分子和发展对象{len(reserve)}名", "", evidence)
    applicants = snap.people(categories=("入党申请人",))
    fix = None
    if applicants and len(applicants) >= need - len(reserve):
        fix = Fix([f"经支部委员会研究，把入党申请人{_names(applicants[:need - len(reserve)], snap)}确定为入党积极分子"], 1)
    return Outcome(FAILED, len(reserve), target, f"入党积极分子和发展对象仅{len(reserve)}名，后备力量不足",
                   "加强对青年职工的政治引领，及时与入党申请人谈话，把符合条件的确定为入党积极分子", evidence, fix)


def _birth(m: dict) -> _dt.date | None:
    d = as_date(m.get("birth_date"))
    if d is None and m.get("id_number"):
        try:
            d = as_date(birth_date_from_id(m["id_number"]))
        except (ValueError, IndexError):
            d = None
    return d


@rule("TEAM-DEV-AGE")
def team_dev_age(snap: Snapshot, p: dict) -> Outcome:
    age = int(p["min_age"])
    fails, warns, oks = [], [], []
    for mid, m in snap.stepped():
        applied = snap.step_date(mid, S.STEP_APPLY)
        if not _judged_here(snap, m, applied):
            continue
        born = _birth(m)
        if born is None:
            warns.append(f"{m['name']}未录入出生日期或身份证号，无法核实递交申请时的年龄")
        elif applied < S.add_years(born, age):
            fails.append(f"{m['name']}（{born}出生）于{applied}递交入党申请书，未满{age}周岁")
        else:
            oks.append(m["name"])
    judged = len(fails) + len(warns) + len(oks)
    return _verdict(fails, warns, oks, [],
                    fail_msg=f"有{len(fails)}名入党申请人递交申请时未满{age}周岁",
                    warn_msg="部分入党申请人无法核实年龄", ok_msg=f"本年度{judged}名入党申请人均已年满{age}周岁",
                    pending_msg="", none_msg="本年度无新的入党申请",
                    advice=f"未满{age}周岁的申请不能作为入党申请受理，应做好教育引导，待其年满{age}周岁后再按程序办理",
                    warn_advice="在党员信息中补录出生日期或身份证号",
                    target=f"递交申请时年满{age}周岁")


@rule("TEAM-DEV-TALK")
def team_dev_talk(snap: Snapshot, p: dict) -> Outcome:
    limit = int(p["max_days"])
    fails, oks, pend, actions = [], [], [], []
    for mid, m in snap.stepped():
        applied = snap.step_date(mid, S.STEP_APPLY)
        if applied is None:
            continue
        talked = snap.step_date(mid, S.STEP_TALK)
        due = applied + _dt.timedelta(days=limit)
        if talked is not None:
            if not _judged_here(snap, m, talked):
                continue
            days = (talked - applied).days
            if days > limit:
                fails.append(f"{m['name']}于{applied}递交申请，{talked}才谈话，间隔{days}天")
            else:
                oks.append(f"{m['name']}：{applied}递交申请，{talked}谈话（{days}天）")
        elif _highest_step(snap, mid) <= S.STEP_TALK and due >= snap.start and snap.on_books(m, snap.day):
            if due < snap.day:
                fails.append(f"{m['name']}于{applied}递交申请，超过{limit}天尚未谈话")
            elif due <= snap.end:
                pend.append(f"{m['name']}应于{due}前谈话")
                actions.append(f"{due}前派人与入党申请人{m['name']}谈话")
    return _verdict(fails, [], oks, pend,
                    fail_msg=f"{len(fails)}名入党申请人未在{limit}天内谈话",
                    warn_msg="", ok_msg=f"本年度{len(oks)}名入党申请人均在{limit}天内谈话",
                    pending_msg="入党申请人谈话时限未到", none_msg="本年度无需要谈话的入党申请人",
                    advice=f"党组织收到入党申请书后，应在{limit}天内派人同入党申请人谈话，并在纪实中记录第2步",
                    pending_fix=Fix(actions, len(actions)) if actions else None,
                    target=f"收到申请后≤{limit}天谈话")


@rule("TEAM-DEV-CULTIVATE")
def team_dev_cultivate(snap: Snapshot, p: dict) -> Outcome:
    years = int(p["min_years"])
    fails, warns, oks = [], [], []
    for mid, m in snap.stepped():
        cand = snap.step_date(mid, S.STEP_CANDIDATE)
        if not _judged_here(snap, m, cand):
            continue
        act = snap.step_date(mid, S.STEP_ACTIVIST)
        if act is None:
            warns.append(f"{m['name']}于{cand}确定为发展对象，但未记录确定为入党积极分子的日期")
        elif cand < S.add_years(act, years):
            months = _months_between(act, cand)
            fails.append(f"{m['name']}于{act}确定为入党积极分子，{cand}即确定为发展对象，培养期仅{months}个月")
        else:
            oks.append(f"{m['name']}：{act}确定为积极分子，{cand}确定为发展对象")
    return _verdict(fails, warns, oks, [],
                    fail_msg=f"{len(fails)}名发展对象的培养期不足{years}年",
                    warn_msg="部分发展对象无法核实培养期", ok_msg="本年度确定的发展对象培养期均满1年".replace("1", str(years)),
                    pending_msg="", none_msg="本年度未确定发展对象",
                    advice=f"入党积极分子须经过{years}年以上培养教育和考察方可确定为发展对象；已提前确定的，应报上级党委审核纠正",
                    warn_advice="在发展党员纪实中补录第3步（确定入党积极分子）的日期",
                    target=f"培养期≥{years}年")


@rule("TEAM-DEV-REVIEW")
def team_dev_review(snap: Snapshot, p: dict) -> Outcome:
    every = int(p["interval_months"])
    grace = _dt.timedelta(days=int(p["grace_days"]))
    fails, oks, pend, actions = [], [], [], []
    for mid, m in snap.stepped():
        act = snap.step_date(mid, S.STEP_ACTIVIST)
        if act is None or act > snap.day:
            continue
        until = snap.step_date(mid, S.STEP_CANDIDATE)  # 考察 as 积极分子 ends here
        reviews = _step_dates(snap, mid, S.STEP_REVIEW)
        k = 1
        while True:
            w_start, w_end = S.add_months(act, every * (k - 1)), S.add_months(act, every * k)
            k += 1
            if w_end > snap.end or (until is not None and w_end > until):
                break
            if w_end < snap.start or not snap.on_books(m, min(w_end, snap.day)):
                continue
            done = any(w_start < d <= w_end + grace for d in reviews)
            if done:
                oks.append(m["name"])
            elif w_end + grace <= snap.day:
                fails.append(f"{m['name']}：{w_start}至{w_end}无培养教育考察记录")
            else:
                pend.append(f"{m['name']}：应于{w_end}前后进行半年考察")
                actions.append(f"{w_end}前后对入党积极分子{m['name']}进行半年考察并记录")
    return _verdict(fails, [], sorted(set(oks)), pend,
                    fail_msg=f"有{len(fails)}个半年期缺少入党积极分子考察记录",
                    warn_msg="", ok_msg="入党积极分子均按每半年考察", pending_msg="半年考察时限未到",
                    none_msg="本年度无需考察的入党积极分子",
                    advice=f"党支部每{every}个月对入党积极分子进行一次考察，并在纪实中记录第6步（培养教育考察）",
                    pending_fix=Fix(actions, len(actions)) if actions else None,
                    target=f"每{every}个月考察一次")


_HOURS_RE = re.compile(r"(\d+(?:\.\d+)?)\s*(学时|课时|小时)")
_DAYS_RE = re.compile(r"(\d+(?:\.\d+)?)\s*(天|日)")


@rule("TEAM-DEV-TRAIN")
def team_dev_train(snap: Snapshot, p: dict) -> Outcome:
    min_days, min_hours = float(p["min_days"]), float(p["min_hours"])
    kinds = set(p["training_kinds"])
    lookback = int(p["lookback_months"])
    fails, warns, oks = [], [], []
    judged = []
    for mid, m in snap.stepped():
        admit = snap.admitted(mid)
        if _judged_here(snap, m, admit):
            judged.append((mid, m, admit))
    # The year's attendance of the people judged here, read in one query rather than walking
    # every attendance row of the year once per person.
    trainings = [t for t in snap.trainings if not (kinds and t.get("kind") not in kinds)]
    attended_rows = snap.training_rows([t["id"] for t in trainings], [mid for mid, _, _ in judged])
    for mid, m, admit in judged:
        rows = [s for s in _step_rows(snap, mid, S.STEP_TRAINING) if as_date(s["date"]) <= admit]
        if not rows:
            fails.append(f"{m['name']}于{admit}被接收为预备党员，此前未记录集中培训（第11步）")
            continue
        note = " ".join(str(s.get("note") or "") for s in rows)
        hours = sum(float(x) for x, _ in _HOURS_RE.findall(note))
        days = sum(float(x) for x, _ in _DAYS_RE.findall(note))
        earliest = S.add_months(admit, -lookback)
        attended = 0
        att_days = set()
        for t in trainings:
            td = as_date(t["date"])
            if td is None or not earliest <= td <= admit:
                continue
            for a in attended_rows.get((mid, t["id"]), ()):
                attended += a["hours"] or 0
                att_days.add(td)
        hours = max(hours, attended / 10)
        days = max(days, len(att_days))
        if hours >= min_hours or days >= min_days:
            oks.append(f"{m['name']}：集中培训{fmt_num(days) + '天' if days else fmt_num(hours) + '学时'}")
        elif hours or days:
            fails.append(f"{m['name']}的集中培训仅{fmt_num(days)}天、{fmt_num(hours)}学时")
        else:
            warns.append(f"{m['name']}的集中培训未注明天数或学时")
    return _verdict(fails, warns, oks, [],
                    fail_msg=f"{len(fails)}名新接收的预备党员集中培训不足",
                    warn_msg="部分集中培训无法核实天数或学时",
                    ok_msg="本年度接收的预备党员均经过集中培训", pending_msg="",
                    none_msg="本年度未接收预备党员",
                    advice=f"发展对象在接收为预备党员前须经过不少于{fmt_num(min_days)}天或{fmt_num(min_hours)}学时的集中培训",
                    warn_advice="在纪实第11步的说明中注明培训天数或学时（如“党校培训3天”），或登记培训出勤",
                    target=f"≥{fmt_num(min_days)}天或≥{fmt_num(min_hours)}学时")


_SPLIT_RE = re.compile(r"[、,，;；/\s]+")


@rule("TEAM-DEV-INTRODUCERS")
def team_dev_introducers(snap: Snapshot, p: dict) -> Outcome:
    need = int(p["count"])
    by_name: dict[str, list[int]] = {}
    for mid, m in snap.members.items():
        by_name.setdefault(m["name"], []).append(mid)
    fails, oks = [], []
    for mid, m in snap.stepped():
        admit = snap.admitted(mid)
        if not _judged_here(snap, m, admit):
            continue
        rows = [s for s in _step_rows(snap, mid, S.STEP_INTRODUCERS) if as_date(s["date"]) <= admit]
        if not rows:
            fails.append(f"{m['name']}于{admit}被接收为预备党员，未记录确定入党介绍人（第9步）")
            continue
        row = rows[-1]
        names = [x for x in _SPLIT_RE.split(str(row.get("persons") or "")) if x]
        if len(names) != need:
            fails.append(f"{m['name']}的入党介绍人记录为{len(names)}名（{'、'.join(names) or '未填写'}），应为{need}名")
            continue
        when = as_date(row["date"])
        # Names not in the ledger (another unit's members) or without recorded steps are taken as given.
        bad = [n for n in names if len(by_name.get(n, [])) == 1 and by_name[n][0] in snap.steps
               and snap.category(by_name[n][0], when) != "正式党员"]
        if bad:
            fails.append(f"{m['name']}的入党介绍人{'、'.join(bad)}在{when}不是正式党员")
        else:
            oks.append(f"{m['name']}：入党介绍人{'、'.join(names)}")
    return _verdict(fails, [], oks, [],
                    fail_msg=f"{len(fails)}名新党员的入党介绍人不符合要求", warn_msg="",
                    ok_msg=f"本年度接收的预备党员均有{need}名正式党员作入党介绍人", pending_msg="",
                    none_msg="本年度未接收预备党员",
                    advice=f"入党介绍人应为{need}名正式党员，在纪实第9步的“相关人员”中填写姓名，以“、”分隔",
                    target=f"{need}名正式党员")


@rule("TEAM-DEV-APPROVE")
def team_dev_approve(snap: Snapshot, p: dict) -> Outcome:
    months, hard = int(p["months"]), int(p["max_months"])
    fails, warns, oks, pend, actions = [], [], [], [], []
    for mid, m in snap.stepped():
        admit = snap.admitted(mid)
        if admit is None:
            continue
        approved = [d for d in _step_dates(snap, mid, S.STEP_APPROVE) if d >= admit]
        if approved and not _judged_here(snap, m, approved[0]):
            continue  # approved in another year (most people): nothing to judge here
        due, last = S.add_months(admit, months), S.add_months(admit, hard)
        if approved:
            d = approved[0]
            if d > last:
                fails.append(f"{m['name']}：{admit}支部大会通过，{d}才审批，超过{hard}个月")
            elif d > due:
                warns.append(f"{m['name']}：{admit}支部大会通过，{d}审批，超过{months}个月")
            else:
                oks.append(f"{m['name']}：{admit}支部大会通过，{d}上级党委审批")
        elif _highest_step(snap, mid) < S.STEP_APPROVE + 1 and last >= snap.start \
                and snap.category(mid) == "预备党员":
            if snap.day > last:
                fails.append(f"{m['name']}：{admit}支部大会通过，已超过{hard}个月未记录上级党委审批")
            elif snap.day > due:
                warns.append(f"{m['name']}：{admit}支部大会通过，已超过{months}个月未审批")
            elif due <= snap.end:
                pend.append(f"{m['name']}：应于{due}前审批")
                actions.append(f"{due}前报请上级党委审批{m['name']}的入党申请")
    return _verdict(fails, warns, oks, pend,
                    fail_msg=f"{len(fails)}名预备党员的审批超过{hard}个月",
                    warn_msg=f"有预备党员的审批超过{months}个月",
                    ok_msg=f"本年度入党审批均在{months}个月内完成", pending_msg="审批时限未到",
                    none_msg="本年度无需审批的入党事项",
                    advice=f"上级党委应在支部大会讨论后{months}个月内审批（特殊情况最长{hard}个月），请督促并在纪实中记录第17步",
                    pending_fix=Fix(actions, len(actions)) if actions else None,
                    target=f"≤{months}个月（最长{hard}个月）")


@rule("TEAM-PROBATION")
def team_probation(snap: Snapshot, p: dict) -> Outcome:
    years = int(p["probation_years"])
    ext_max = int(p["max_extension_months"])
    max_ext = int(p["max_extensions"])
    grace = _dt.timedelta(days=int(p["grace_days"]))
    fails, warns, oks, pend, actions = [], [], [], [], []
    for mid, m in snap.stepped():
        steps = snap.member_steps(mid)
        admit = snap.admitted(mid)
        if admit is None:
            continue
        end = S.add_years(admit, years)
        decisions = sorted(
            ((as_date(s["date"]), s.get("outcome") or S.OUTCOME_FULL) for s in steps
             if s.get("step") in (S.STEP_FULL_MEETING, S.STEP_FULL_APPROVE) and as_date(s["date"])),
            key=lambda x: x[0])
        # step 24 repeats step 23's decision: judge the meeting (23) when it is there.
        meeting_days = {as_date(s["date"]) for s in steps if s.get("step") == S.STEP_FULL_MEETING}
        meeting = [d for d in decisions if d[0] in meeting_days] or decisions
        extensions = [d for d, o in meeting if o == S.OUTCOME_EXTEND]
        final = next(((d, o) for d, o in meeting if o != S.OUTCOME_EXTEND), None)
        if len(extensions) > max_ext and any(_judged_here(snap, m, d) for d in extensions):
            fails.append(f"{m['name']}的预备期延长了{len(extensions)}次（只能延长{max_ext}次）")
            continue
        deadline = S.add_months(end, ext_max) if extensions else end
        if final is not None:
            d = final[0]
            if not _judged_here(snap, m, d):
                continue
            if d > deadline + grace:
                warns.append(f"{m['name']}预备期于{deadline}届满，{d}才讨论转正，延迟{(d - deadline).days}天")
            elif not extensions and d < end - grace:
                warns.append(f"{m['name']}于{admit}入党，{d}即讨论转正，预备期不满{years}年")
            else:
                oks.append(f"{m['name']}：{d}{final[1]}")
            continue
        if not snap.on_books(m, snap.day) or snap.category(mid) != "预备党员":
            continue
        if deadline + grace < snap.day:
            if deadline >= S.add_years(snap.start, -1):
                fails.append(f"{m['name']}于{admit}入党，预备期已于{deadline}届满，至今未讨论转正"
                             + ("（已延长预备期）" if extensions else ""))
            else:
                warns.append(f"{m['name']}于{admit}入党，预备期早已届满但未记录转正，请核实并补录")
        elif deadline <= snap.end:
            if deadline < snap.day:
                pend.append(f"{m['name']}预备期已于{deadline}届满，请尽快讨论转正")
            else:
                pend.append(f"{m['name']}预备期将于{deadline}届满")
            actions.append(f"{deadline}预备期满后及时召开支部党员大会讨论{m['name']}转正")
    return _verdict(fails, warns, oks, pend,
                    fail_msg=f"{len(fails)}名预备党员预备期满未按规定作出转正决定",
                    warn_msg="转正讨论时间需要核实", ok_msg="本年度预备期满的预备党员均按期讨论转正",
                    pending_msg="预备期尚未届满", none_msg="本年度无预备期届满的预备党员",
                    advice="预备期满应及时召开支部党员大会讨论能否转正；需要延长的，延长时间不少于半年、最长不超过一年，且只能延长一次",
                    pending_fix=Fix(actions, len(actions)) if actions else None,
                    target=f"预备期{years}年届满即作决定")


@rule("TEAM-TRAINING")
def team_training(snap: Snapshot, p: dict) -> Outcome:
    base, lead = float(p["member_hours"]), float(p["committee_hours"])
    kinds = set(p["training_kinds"])
    session = float(p["session_hours"])
    people = snap.party_members()
    target = f"党员≥{fmt_num(base)}学时，书记和委员≥{fmt_num(lead)}学时"
    if not people:
        return Outcome(NOT_APPLICABLE, None, target, "没有党员")
    tids = [t["id"] for t in snap.trainings if not (kinds and t.get("kind") not in kinds)]
    hours = snap.member_hours("training_attendance", "training_id", tids)
    if hours is None:  # odd hours in some row: add them up row by row, as always
        hours = {}
        for atts in snap.hours_rows("training_attendance", "training_id", tids).values():
            for a in atts:
                hours[a["member_id"]] = hours.get(a["member_id"], 0) + (a["hours"] or 0)
    committee = snap.committee_ids()
    short = []
    year_days = (snap.end - snap.start).days + 1
    for m in people:
        need = lead if m["id"] in committee else base
        joined = as_date(m.get("joined_branch_on"))
        if joined and joined > snap.start:  # transferred in during the year: target pro rata
            need = round(need * ((snap.end - joined).days + 1) / year_days, 1)
        have = hours.get(m["id"], 0) / 10
        if have < need:
            short.append((m, have, need))
    avg = sum(hours.get(m["id"], 0) for m in people) / 10 / len(people)
    measured = f"{len(people) - len(short)}/{len(people)}"
    if not short:
        return Outcome(MET, measured, target, f"党员均达到学时要求（人均{avg:.1f}学时）")
    evidence = [f"{m['name']}：{fmt_num(have)}/{fmt_num(need)}学时"
                + ("（年内转入，按在册时间折算）" if (as_date(m.get("joined_branch_on")) or snap.start) > snap.start else "")
                for m, have, need in short]
    gap = max(need - have for _, have, need in short)
    advice = "组织集中学习培训、专题辅导或网络学习，补足学时，并登记参训学时"
    if snap.over(snap.end):
        return Outcome(FAILED, measured, target, f"{len(short)}名党员学习培训学时不足（人均{avg:.1f}学时）",
                       advice, evidence)
    sessions = max(1, math.ceil(gap / session))
    return Outcome(PENDING, measured, target, f"尚有{len(short)}名党员学时未达标（人均{avg:.1f}学时），年底前还可补足",
                   advice, evidence,
                   Fix([f"年底前再组织{sessions}次集中学习培训（每次{fmt_num(session)}学时），补足{len(short)}名党员的学时（最多差{fmt_num(gap)}学时）"],
                       sessions))


@rule("TEAM-APPRAISAL")
def team_appraisal(snap: Snapshot, p: dict) -> Outcome:
    """民主评议 held this year, with a rating for every member it covered.

    Two practices are accepted: the year's own 评议 (ratings of this year, held in the
    year), or the previous year's 评议 held early this year (ratings of last year, meeting
    dated this year) — the usual timing of 年度民主评议 after 组织生活会."""
    most = _ratio(p["max_excellent_share"], 1 / 3)
    held = snap.meetings_of(p["meeting_kinds"])
    target = f"每年开展，每名党员有评议等次，优秀≤{_pct(most)}"
    over = snap.over(snap.end)
    if snap.appraisals:
        rows, rated_year = snap.appraisals, snap.year
    elif held and snap.prior_appraisals:
        rows, rated_year = snap.prior_appraisals, snap.year - 1
    else:
        rows, rated_year = [], snap.year
    if not held and not rows:
        if over:
            return Outcome(FAILED, 0, target, "本年度未开展民主评议党员",
                           "结合组织生活会开展民主评议党员，并在“民主评议”中录入每名党员的评议等次")
        return Outcome(PENDING, 0, target, "本年度尚未开展民主评议党员",
                       "年底前（或按惯例在次年初）结合组织生活会开展民主评议党员并录入等次", [],
                       Fix(["年底前开展民主评议党员，并录入每名党员的评议等次"], 1))
    rated = {a["member_id"]: a["rating"] for a in rows}
    evidence = [f"{m['date']}召开民主评议党员会议" for m in held]
    if rows:
        evidence.append(f"评议结果为{rated_year}年度")
    excellent = sum(1 for r in rated.values() if r == "优秀")
    share = excellent / len(rated) if rated else 0.0
    if rated and share > most + 1e-9:
        return Outcome(FAILED, _pct(share), target,
                       f"评为优秀的{excellent}名，占{_pct(share)}，超过{_pct(most)}",
                       f"优秀等次一般不超过参评党员的{_pct(most)}，请按评议结果复核", evidence)
    # Who should have a rating: party members at the end of the rated year still on the books
    # when the 评议 was held (or on the as-of date).
    when = as_date(held[-1]["date"]) if held else snap.day
    covered_end = min(_dt.date(rated_year, 12, 31), snap.day)
    people = [m for m in snap.party_members(covered_end) if snap.on_books(m, max(when, covered_end))]
    unrated = [m for m in people if m["id"] not in rated]
    measured = f"{len(people) - len(unrated)}/{len(people)}"
    if unrated:
        evidence.append(f"未录入评议等次：{_names(unrated, snap, 20)}")
        if over or rated_year < snap.year:
            return Outcome(FAILED, measured, target, f"{len(unrated)}名党员没有{rated_year}年度评议等次",
                           "在“民主评议”中补录评议等次", evidence,
                           Fix([f"补录{_names(unrated, snap)}的{rated_year}年度评议等次"], 1))
        return Outcome(PENDING, measured, target,
                       f"{len(unrated)}名党员尚未评议", "年底前完成民主评议并录入等次", evidence,
                       Fix([f"年底前完成对{_names(unrated, snap)}的民主评议并录入等次"], 1))
    return Outcome(MET, measured, target,
                   f"已开展{rated_year}年度民主评议，{len(rated)}名党员均有等次，优秀{excellent}名（{_pct(share)}）",
                   "", evidence)
