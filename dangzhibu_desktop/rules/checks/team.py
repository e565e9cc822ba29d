"""The rules of 基本队伍 (TEAM-*)."""

from __future__ import annotations

import datetime as _dt
import math
import re

from ...ledger import enums
from ...ledger import steps as S
from ...ledger.validate import birth_date_from_id
from ..asof import by_words
from ..model import FAILED, MET, NOT_APPLICABLE, PENDING, WARNING, Action, Fix, Outcome
from ..snapshot import Snapshot, as_date, fmt_num
from ..training import joined_in_year, training_hours, training_need
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


def step_action(snap: Snapshot, member_id: int, step: int, by: _dt.date, what: str,
                start: _dt.date | None = None) -> Action:
    """A ``step`` action: record development step ``step`` of ``member_id`` by ``by``."""
    return Action("step", by, f"{by_words(by, snap.day)}{what}", {"member_id": member_id, "step": step},
                  max(start or snap.day, snap.day))


@rule("TEAM-RESERVE")
def team_reserve(snap: Snapshot, p: dict) -> Outcome:
    need = int(p["min_reserve"])
    reserve = snap.people(categories=(enums.ACTIVIST, enums.CANDIDATE))
    target = f"入党积极分子和发展对象≥{need}名"
    evidence = [f"{m['name']}（{snap.category(m['id'])}）" for m in reserve]
    if len(reserve) >= need:
        return Outcome(MET, len(reserve), target, f"现有入党积极分子和发展对象{len(reserve)}名", "", evidence)
    applicants = snap.people(categories=(enums.APPLICANT,))
    fix = None
    if applicants and len(applicants) >= need - len(reserve):
        fix = Fix([step_action(snap, a["id"], S.STEP_ACTIVIST, snap.end,
                               f"经支部委员会研究，把入党申请人{a['name']}确定为入党积极分子")
                   for a in applicants[:need - len(reserve)]], 1)
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


def talk_due(applied: _dt.date, p: dict) -> _dt.date:
    """The last day of the talk after an application: within ``months`` calendar months
    (细则 第七条 一个月内: applied 07-01 → by 08-01; 01-31 → by 02-28)."""
    return S.add_months(applied, int(p["months"]))


@rule("TEAM-DEV-TALK")
def team_dev_talk(snap: Snapshot, p: dict) -> Outcome:
    months = int(p["months"])
    limit = f"{months}个月" if months != 1 else "一个月"
    fails, oks, pend, actions = [], [], [], []
    for mid, m in snap.stepped():
        applied = snap.step_date(mid, S.STEP_APPLY)
        if applied is None:
            continue
        talked = snap.step_date(mid, S.STEP_TALK)
        due = talk_due(applied, p)
        if talked is not None:
            if not _judged_here(snap, m, talked):
                continue
            days = (talked - applied).days
            if talked > due:
                fails.append(f"{m['name']}于{applied}递交申请，{talked}才谈话，超过{limit}（间隔{days}天，时限{due}）")
            else:
                oks.append(f"{m['name']}：{applied}递交申请，{talked}谈话（{days}天）")
        elif _highest_step(snap, mid) <= S.STEP_TALK and due >= snap.start and snap.on_books(m, snap.day):
            if due < snap.day:
                fails.append(f"{m['name']}于{applied}递交申请，超过{limit}尚未谈话（时限{due}）")
            elif due <= snap.end:
                pend.append(f"{m['name']}应于{due}前谈话")
                actions.append(step_action(snap, mid, S.STEP_TALK, due, f"派人与入党申请人{m['name']}谈话并记录"))
    return _verdict(fails, [], oks, pend,
                    fail_msg=f"{len(fails)}名入党申请人未在{limit}内谈话",
                    warn_msg="", ok_msg=f"本年度{len(oks)}名入党申请人均在{limit}内谈话",
                    pending_msg="入党申请人谈话时限未到", none_msg="本年度无需要谈话的入党申请人",
                    advice=f"党组织收到入党申请书后，应在{limit}内派人同入党申请人谈话，并在纪实中记录第2步",
                    pending_fix=Fix(actions, len(actions)) if actions else None,
                    target=f"收到申请后{limit}内谈话")


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
                by = min(w_end + grace, snap.end)
                actions.append(step_action(snap, mid, S.STEP_REVIEW, by, f"对入党积极分子{m['name']}进行半年考察并记录",
                                           start=max(w_start + _dt.timedelta(days=1), snap.day)))
    return _verdict(fails, [], sorted(set(oks)), pend,
                    fail_msg=f"有{len(fails)}个半年期缺少入党积极分子考察记录",
                    warn_msg="", ok_msg="入党积极分子均按每半年考察", pending_msg="半年考察时限未到",
                    none_msg="本年度无需考察的入党积极分子",
                    advice=f"党支部每{every}个月对入党积极分子进行一次考察，并在纪实中记录第6步（培养教育考察）",
                    pending_fix=Fix(actions, len(actions)) if actions else None,
                    target=f"每{every}个月考察一次")


STEP_PROBATION_REVIEW = 21  # 继续教育考察 (the step catalogue, RULES.md)


@rule("TEAM-PROBATION-REVIEW")
def team_probation_review(snap: Snapshot, p: dict) -> Outcome:
    """A 预备党员's half-year 考察 (step 21) in every ``interval_months`` of the 预备期 that ends
    before the probation does: the last half-year is concluded by the 转正 discussion itself."""
    every = int(p["interval_months"])
    grace = _dt.timedelta(days=int(p["grace_days"]))
    fails, oks, pend, actions = [], [], [], []
    for mid, m in snap.stepped():
        admit = snap.admitted(mid)
        if admit is None or admit > snap.day:
            continue
        steps = snap.member_steps(mid)
        decided = min((d for d, o, _s in S.probation_decisions(steps) if o != S.OUTCOME_EXTEND and d >= admit),
                      default=None)
        probation_end = S.probation_end(steps)
        reviews = _step_dates(snap, mid, STEP_PROBATION_REVIEW)
        k = 1
        while True:
            w_start, w_end = S.add_months(admit, every * (k - 1)), S.add_months(admit, every * k)
            k += 1
            if w_end > snap.end or w_end >= probation_end:  # the 转正 discussion concludes the last
                break
            if decided is not None and w_end > decided:
                break
            if w_end < snap.start or not snap.on_books(m, min(w_end, snap.day)):
                continue
            if any(w_start < d <= w_end + grace for d in reviews):
                oks.append(m["name"])
            elif w_end + grace <= snap.day:
                fails.append(f"{m['name']}：{w_start}至{w_end}无预备党员考察记录")
            else:
                pend.append(f"{m['name']}：应于{w_end}前后进行半年考察")
                by = min(w_end + grace, snap.end)
                actions.append(step_action(snap, mid, STEP_PROBATION_REVIEW, by, f"对预备党员{m['name']}进行半年考察并记录",
                                           start=max(w_start + _dt.timedelta(days=1), snap.day)))
            if k > 6:  # an extended 预备期 is at most two years
                break
    return _verdict(fails, [], sorted(set(oks)), pend,
                    fail_msg=f"有{len(fails)}个半年期缺少预备党员考察记录",
                    warn_msg="", ok_msg="预备党员均按每半年考察", pending_msg="预备党员半年考察时限未到",
                    none_msg="本年度无需考察的预备党员",
                    advice=f"党支部每{every}个月对预备党员进行一次考察，并在纪实中记录第21步（继续教育考察）",
                    pending_fix=Fix(actions, len(actions)) if actions else None,
                    target=f"每{every}个月考察一次")


_HOURS_RE = re.compile(r"(\d+(?:\.\d+)?)\s*(学时|课时|小时)")
# N天 / N个工作日 — never the 日 of a date ("2025年4月20日参加党校培训" is not 20 days).
_DAYS_RE = re.compile(r"(\d+(?:\.\d+)?)\s*(个工作日|工作日|天)")


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
               and snap.category(by_name[n][0], when) != enums.FULL_MEMBER]
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
        elif not _later_step_by(snap, mid, S.STEP_APPROVE, last) and last >= snap.start \
                and snap.category(mid) in enums.PARTY_MEMBERS:
            # A 转正 recorded after the approval's last day does not undo an approval never recorded.
            if snap.day > last:
                fails.append(f"{m['name']}：{admit}支部大会通过，已超过{hard}个月未记录上级党委审批")
            elif snap.day > due:
                warns.append(f"{m['name']}：{admit}支部大会通过，已超过{months}个月未审批")
            elif due <= snap.end:
                pend.append(f"{m['name']}：应于{due}前审批")
                actions.append(step_action(snap, mid, S.STEP_APPROVE, due, f"报请上级党委审批{m['name']}的入党申请并记录"))
    return _verdict(fails, warns, oks, pend,
                    fail_msg=f"{len(fails)}名预备党员的审批超过{hard}个月",
                    warn_msg=f"有预备党员的审批超过{months}个月",
                    ok_msg=f"本年度入党审批均在{months}个月内完成", pending_msg="审批时限未到",
                    none_msg="本年度无需审批的入党事项",
                    advice=f"上级党委应在支部大会讨论后{months}个月内审批（特殊情况最长{hard}个月），请督促并在纪实中记录第17步",
                    pending_fix=Fix(actions, len(actions)) if actions else None,
                    target=f"≤{months}个月（最长{hard}个月）")


def _later_step_by(snap: Snapshot, member_id: int, step: int, day: _dt.date) -> bool:
    """A step after ``step`` is recorded on or before ``day`` (old records skip steps)."""
    return any((s.get("step") or 0) > step and (as_date(s.get("date")) or _dt.date.max) <= day
               for s in snap.member_steps(member_id))


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
        # step 24 repeats step 23's decision: the meeting (23) is judged when it is there.
        meeting = [(d, o) for d, o, _s in S.probation_decisions(steps)]
        extensions = [d for d, o in meeting if o == S.OUTCOME_EXTEND]
        final = next(((d, o) for d, o in meeting if o != S.OUTCOME_EXTEND), None)
        if len(extensions) > max_ext and any(_judged_here(snap, m, d) for d in extensions):
            fails.append(f"{m['name']}的预备期延长了{len(extensions)}次（只能延长{max_ext}次）")
            continue
        # The end of the (extended) 预备期: each extension runs its own months.
        deadline = S.probation_end(steps, years=years, unknown_extension_months=ext_max)
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
        if not snap.on_books(m, snap.day) or snap.category(mid) != enums.PROBATIONARY:
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
            by = deadline if deadline >= snap.day else min(deadline + grace, snap.end)
            actions.append(step_action(snap, mid, S.STEP_FULL_MEETING, by,
                                       f"召开支部党员大会讨论{m['name']}转正（预备期{deadline}届满）",
                                       start=max(snap.day, end - grace if not extensions else deadline - grace)))
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
    session = float(p["session_hours"])
    # Members exempt under 第二十三条 are not held to the hours: out of the denominator, named.
    everyone = snap.party_members()
    people = [m for m in everyone if not snap.exempt(m["id"])]
    spared = [f"{m['name']}：{snap.exempt_note(m['id'])}" for m in everyone if snap.exempt(m["id"])]
    target = f"党员≥{fmt_num(base)}学时，书记和委员≥{fmt_num(lead)}学时"
    if not everyone:
        return Outcome(NOT_APPLICABLE, None, target, "没有党员")
    if not people:
        return Outcome(NOT_APPLICABLE, None, target, "党员均经支部同意不作学时硬性要求", "", spared)
    hours = training_hours(snap, p)
    committee = snap.committee_ids()
    short = []
    for m in people:
        need = training_need(snap, m, p, committee)
        have = hours.get(m["id"], 0) / 10
        if have < need:
            short.append((m, have, need))
    # 人均 over every 党员, exempt ones included: the figure the 述职 and 党内统计 give (one base)
    avg = sum(hours.get(m["id"], 0) for m in everyone) / 10 / len(everyone)
    measured = f"{len(people) - len(short)}/{len(people)}"
    if not short:
        return Outcome(MET, measured, target, f"党员均达到学时要求（人均{avg:.1f}学时）", "", spared)
    evidence = [f"{m['name']}：{fmt_num(have)}/{fmt_num(need)}学时"
                + ("（年内转入，按在册时间折算）" if joined_in_year(snap, m) else "")
                for m, have, need in short] + spared
    advice = "组织集中学习培训、专题辅导或网络学习，补足学时，并登记参训学时"
    if snap.over(snap.end):
        return Outcome(FAILED, measured, target, f"{len(short)}名党员学习培训学时不足（人均{avg:.1f}学时）",
                       advice, evidence)
    return Outcome(PENDING, measured, target, f"尚有{len(short)}名党员学时未达标（人均{avg:.1f}学时），年底前还可补足",
                   advice, evidence, _training_fix(snap, short, session, float(p["max_hours_per_week"])))


def _training_fix(snap: Snapshot, short, session: float, per_week: float) -> Fix:
    """Training sessions for the people short of hours, one a week from the as-of day (the
    feasible pace: ``max_hours_per_week``), each listing who still needs it; people whose gap
    cannot be made up in the weeks left are named, and the rule is not 达标 even then."""
    weeks = math.ceil(((snap.end - snap.day).days + 1) / 7)
    limit = weeks * per_week
    gaps = [(m, need - have) for m, have, need in short]
    gap = max(g for _, g in gaps)
    each = min(session, per_week)
    sessions = min(weeks, max(1, math.ceil(min(gap, limit) / each - 1e-9)))
    lost = [m for m, g in gaps if g > limit + 1e-9]
    actions = []
    for i in range(sessions):
        start = snap.day + _dt.timedelta(days=7 * i)
        by = min(start + _dt.timedelta(days=6), snap.end)
        who = [m["id"] for m, g in gaps if g > each * i + 1e-9]
        note = f"（剩余{weeks}周，每周最多{fmt_num(per_week)}学时，{_names(lost, snap)}年内无法补足）" if lost and i == 0 else ""
        actions.append(Action("training", by, f"{by_words(by, snap.day)}组织第{i + 1}次集中学习培训（{fmt_num(each)}学时），"
                              f"{_names(who, snap)}参加并登记学时{note}", {"member_ids": who, "hours": each}, start))
    people = max(1, sum(1 for m in snap.party_members() if not snap.exempt(m["id"])))
    return Fix(actions, sessions, (people - len(lost)) / people if lost else 1.0)


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
                       Fix([_appraisal_action(snap, [m["id"] for m in snap.party_members()], "开展民主评议党员，并录入每名党员的评议等次")], 1))
    rated = {a["member_id"]: a["rating"] for a in rows}
    evidence = [f"{m['date']}召开民主评议党员会议" for m in held]
    if rows:
        evidence.append(f"评议结果为{rated_year}年度")
    excellent = sum(1 for r in rated.values() if r == enums.EXCELLENT)
    share = excellent / len(rated) if rated else 0.0
    if rated and share > most + 1e-9:
        return Outcome(FAILED, _pct(share), target,
                       f"评为优秀的{excellent}名，占{_pct(share)}，超过{_pct(most)}",
                       f"优秀等次一般不超过参评党员的{_pct(most)}，请按评议结果复核", evidence)
    # 预备党员不宜评为优秀 (practice): flagged, the rest of the appraisal still judged below.
    covered = min(_dt.date(rated_year, 12, 31), snap.day)
    odd = [mid for mid, r in rated.items() if r == enums.EXCELLENT and snap.category(mid, covered) == enums.PROBATIONARY]
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
                           Fix([_appraisal_action(snap, [m["id"] for m in unrated], f"补录{_names(unrated, snap)}的{rated_year}年度评议等次",
                                                  rated_year)], 1))
        return Outcome(PENDING, measured, target,
                       f"{len(unrated)}名党员尚未评议", "年底前完成民主评议并录入等次", evidence,
                       Fix([_appraisal_action(snap, [m["id"] for m in unrated], f"完成对{_names(unrated, snap)}的民主评议并录入等次")], 1))
    if odd:
        return Outcome(WARNING, measured, target, f"预备党员{_names(odd, snap)}被评为优秀",
                       "预备党员一般不评为优秀等次，请复核评议结果", evidence + [f"评为优秀的预备党员：{_names(odd, snap)}"])
    return Outcome(MET, measured, target,
                   f"已开展{rated_year}年度民主评议，{len(rated)}名党员均有等次，优秀{excellent}名（{_pct(share)}）",
                   "", evidence)


def _appraisal_action(snap: Snapshot, member_ids: list[int], what: str, year: int | None = None) -> Action:
    """An ``appraisal`` action: rate ``member_ids`` for ``year`` (default: the evaluated year) by 31 December."""
    return Action("appraisal", snap.end, f"{by_words(snap.end, snap.day)}{what}",
                  {"member_ids": member_ids, "year": year or snap.year}, snap.day)


@rule("TEAM-CONTACT")
def team_contact(snap: Snapshot, p: dict) -> Outcome:
    """失联: a 党员 who has neither attended a meeting nor paid dues for ``lapse_months`` (预警 from
    ``warn_months``), judged on the as-of day; exempt members (第二十三条) and those on the books
    for less than that are left out. Once the plan is done, everyone it meets or collects from
    (meetings' attendees, dues) has been in contact on those days."""
    lapse, warn = int(p["lapse_months"]), int(p["warn_months"])
    target = f"无连续{lapse}个月既未参加组织生活又未交纳党费的党员"
    last = snap.last_contact()
    people = [m for m in snap.party_members() if not snap.exempt(m["id"])]
    if not people:
        return Outcome(NOT_APPLICABLE, None, target, "没有党员")

    def since(m: dict) -> _dt.date:
        joined = as_date(m.get("joined_branch_on")) or _dt.date.min
        return max(last.get(m["id"], _dt.date.min), joined, S.add_months(snap.start, -6))

    def state(from_day: _dt.date, day: _dt.date) -> int:
        """2: 失联 (lapse), 1: warn, 0: in contact."""
        if S.add_months(from_day, lapse) <= day:
            return 2
        return 1 if S.add_months(from_day, warn) <= day else 0

    fails, warns, out_of_touch = [], [], []
    for m in people:
        s_ = state(since(m), snap.day)
        if s_:
            out_of_touch.append(m["id"])
        seen = last.get(m["id"])
        what = f"最后一次参加组织生活或交纳党费为{seen}" if seen else "本年度及上半年没有参加组织生活或交纳党费的记录"
        if s_ == 2:
            fails.append(f"{m['name']}：{what}")
        elif s_ == 1:
            warns.append(f"{m['name']}：{what}")

    def after(plan) -> float:
        """1.0 when, with the plan's meetings and dues done, no one is out of touch at year end."""
        met = {}
        for a in plan:
            if a.type == "meeting":
                for mid in a.params.get("attendees") or ():
                    met[mid] = max(met.get(mid, a.by), a.by)
            elif a.type == "dues":
                mid = a.params["member_id"]
                met[mid] = max(met.get(mid, a.by), a.by)
        for m in people:
            if state(max(since(m), met.get(m["id"], _dt.date.min)), snap.end):
                return 0.0
        return 1.0

    measured = f"{len(people) - len(fails) - len(warns)}/{len(people)}"
    advice = "及时与这些党员取得联系，了解情况，督促其参加组织生活、按月交纳党费；确实失去联系的，按规定报告上级党委"
    fix = Fix([f"与{_names(out_of_touch, snap)}取得联系，请其参加组织生活、按月交纳党费"], 0, 0.0, after)
    if fails:
        return Outcome(FAILED, measured, target, f"{len(fails)}名党员连续{lapse}个月以上既未参加组织生活也未交纳党费",
                       advice, fails + warns, fix, (len(people) - len(fails)) / len(people))
    if warns:
        return Outcome(WARNING, measured, target, f"{len(warns)}名党员已连续{warn}个月以上既未参加组织生活也未交纳党费",
                       advice, warns, fix)
    # In contact today; whether they stay so by 31 December is for the plan (its meetings and dues).
    if after([]) < 1.0:
        return Outcome(PENDING, measured, target, "党员目前均保持联系，年底前还需按计划开展组织生活、收缴党费", "", [],
                       Fix([], 0, 0.0, after))
    return Outcome(MET, measured, target, f"{len(people)}名党员均保持联系")
