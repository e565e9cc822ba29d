"""The rule functions. Each takes (snapshot, params) and returns an ``Outcome``.

Every number comes from ``params`` (the rule-set file). A rule never raises on odd data: a
missing date or an unknown person becomes evidence and a 预警, not a traceback. Periods
(months, quarters, the year) that are not over on the as-of date are 待到期, never 未达标.
``Outcome.fix`` says what would still make the rule 达标 by 31 December ("next star").
"""

from __future__ import annotations

import datetime as _dt
import functools
import math
import re

from ..ledger import steps as S
from ..ledger.schema import TABLES
from ..ledger.validate import birth_date_from_id
from .model import FAILED, MET, NOT_APPLICABLE, PENDING, WARNING, Fix, Outcome
from .snapshot import Snapshot, as_date, fmt_num, month_end, months_label, quarter_label

RULES: dict = {}


def rule(code):
    def register(fn):
        RULES[code] = fn
        return fn
    return register


def _ratio(value, default: float) -> float:
    """A share from the rule set: a number (0.5) or a fraction string ("1/3")."""
    from fractions import Fraction

    try:
        return float(Fraction(str(value))) if value is not None else default
    except (ValueError, ZeroDivisionError):
        return default


def _pct(x: float) -> str:
    return f"{x * 100:.1f}%".replace(".0%", "%")


def _names(ids_or_rows, snap: Snapshot, limit: int = 8) -> str:
    names = [snap.name(x["id"] if isinstance(x, dict) else x) for x in ids_or_rows]
    text = "、".join(names[:limit])
    return text + (f"等{len(names)}人" if len(names) > limit else "")


def _months_between(a: _dt.date, b: _dt.date) -> int:
    """Whole months from a to b."""
    m = (b.year - a.year) * 12 + b.month - a.month
    if b.day < a.day:
        m -= 1
    return m


def _in_year(snap: Snapshot, d: _dt.date | None) -> bool:
    return d is not None and snap.start <= d <= snap.day


def _judged_here(snap: Snapshot, m: dict, d: _dt.date | None) -> bool:
    """A development step is judged when it falls in the year and was taken in this branch:
    a member who transferred in later went through it elsewhere, under another branch."""
    if not _in_year(snap, d):
        return False
    joined = as_date(m.get("joined_branch_on"))
    return joined is None or d >= joined


def _step_rows(snap: Snapshot, member_id: int, number: int) -> list[dict]:
    """The person's dated rows of step ``number``, in their order (read once per snapshot)."""
    return list(snap.dated_steps(member_id).get(number, ()))


def _step_dates(snap: Snapshot, member_id: int, number: int) -> list[_dt.date]:
    return sorted(as_date(s["date"]) for s in snap.dated_steps(member_id).get(number, ()))


def _highest_step(snap: Snapshot, member_id: int) -> int:
    return max((s.get("step") or 0 for s in snap.member_steps(member_id)), default=0)


def _verdict(fails, warns, oks, pendings, *, fail_msg, warn_msg, ok_msg, pending_msg, none_msg,
             advice, warn_advice="", pending_fix=None, measured=None, target=None) -> Outcome:
    """Combine per-person findings into one outcome (evidence: failures first)."""
    evidence = list(fails) + list(warns) + list(pendings)
    judged = len(fails) + len(warns) + len(oks)
    if measured is None and judged:
        measured = f"{len(oks)}/{judged}"
    if fails:
        return Outcome(FAILED, measured, target, fail_msg, advice, evidence)
    if warns:
        return Outcome(WARNING, measured, target, warn_msg, warn_advice or advice, evidence)
    if oks:
        return Outcome(MET, measured, target, ok_msg, "", evidence + list(oks))
    if pendings:
        return Outcome(PENDING, measured, target, pending_msg, advice, evidence, pending_fix)
    return Outcome(NOT_APPLICABLE, measured, target, none_msg, "", [])


# ---- periods ------------------------------------------------------------------------
PERIOD_WORDS = {"month": "每月", "quarter": "每季度", "year": "每年"}


def period_states(snap: Snapshot, dates: list[_dt.date], period: str, min_count: int):
    """[(label, start, end, count, state)] with state done / missing / pending / n/a."""
    if period == "month":
        periods = [(f"{m}月", a, b) for m, a, b in snap.months()]
    elif period == "quarter":
        periods = [(quarter_label(q), a, b) for q, a, b in snap.quarters()]
    else:
        periods = [("全年", snap.start, snap.end)]
    out = []
    for label, a, b in periods:
        n = sum(1 for d in dates if d and a <= d <= b)
        if snap.established and snap.established > b:
            state = "n/a"
        elif n >= min_count:
            state = "done"
        elif snap.over(b):
            state = "missing"
        else:
            state = "pending"
        out.append((label, a, b, n, state))
    return out


def _periodic(snap: Snapshot, params: dict, what: str, verb: str, dates=None, prefix: str = ""):
    """Findings for "≥ min_count ``what`` per period": (fails, pendings, done, applicable, fix_parts)."""
    period = params["period"]
    min_count = int(params["min_count"])
    if dates is None:
        dates = [as_date(m["date"]) for m in snap.meetings_of(params["meeting_kinds"])]
    states = period_states(snap, dates, period, min_count)
    fails = [f"{prefix}{label}未{verb}{what}" for label, _, _, _, s in states if s == "missing"]
    pend = [(label, min_count - n) for label, _, _, n, s in states if s == "pending"]
    done = sum(1 for *_, s in states if s == "done")
    applicable = sum(1 for *_, s in states if s != "n/a")
    return fails, pend, done, applicable


def _pending_action(prefix: str, pend, what: str, verb: str) -> str:
    labels = "、".join(label for label, _ in pend)
    each = max(k for _, k in pend)
    return f"{prefix}在{labels}各{verb}{each}次{what}" if len(pend) > 1 else f"{prefix}在{labels}{verb}{each}次{what}"


def _periodic_rule(snap: Snapshot, params: dict, what: str, verb: str, advice: str) -> Outcome:
    period = params["period"]
    min_count = int(params["min_count"])
    fails, pend, done, applicable = _periodic(snap, params, what, verb)
    target = f"{PERIOD_WORDS.get(period, '')}≥{min_count}次"
    measured = f"{done}/{done + len(fails)}"
    unit = "个月" if period == "month" else "个季度"
    if applicable == 0:
        return Outcome(NOT_APPLICABLE, measured, target, f"本年度支部成立前无需{verb}{what}", "", [])
    if fails:
        labels = "、".join(f[:-len(f"未{verb}{what}")] for f in fails)
        return Outcome(FAILED, measured, target, f"{len(fails)}{unit}未{verb}{what}：{labels}", advice, fails)
    if pend:
        cost = sum(k for _, k in pend)
        return Outcome(PENDING, measured, target,
                       f"已到期的{done}{unit}均已{verb}{what}，{'、'.join(l for l, _ in pend)}尚未到期",
                       advice, [], Fix([_pending_action("", pend, what, verb)], cost))
    return Outcome(MET, measured, target, f"{PERIOD_WORDS.get(period, '')}均已{verb}{what}（{done}{unit}）", "", [])


# ---- 基本组织 -------------------------------------------------------------------------
@rule("ORG-FORM")
def org_form(snap: Snapshot, p: dict) -> Outcome:
    need = int(p["min_full_members"])
    full = snap.full_members()
    target = f"≥{need}名正式党员"
    if len(full) >= need:
        return Outcome(MET, len(full), target, f"现有正式党员{len(full)}名，具备成立党支部的条件")
    return Outcome(FAILED, len(full), target,
                   f"正式党员仅{len(full)}名，少于{need}名，不具备单独成立党支部的条件",
                   "与邻近单位党员组建联合党支部，或报上级党委调整组织设置",
                   [f"正式党员：{_names(full, snap) or '无'}"])


@rule("ORG-SIZE")
def org_size(snap: Snapshot, p: dict) -> Outcome:
    most = int(p["max_members"])
    n = len(snap.party_members())
    target = f"≤{most}名党员"
    if n > most:
        return Outcome(WARNING, n, target, f"支部党员{n}名，超过{most}名",
                       "党员人数较多，可报上级党委批准设立党总支，下设若干党支部")
    return Outcome(MET, n, target, f"支部党员{n}名，规模适当")


@rule("ORG-COMMITTEE")
def org_committee(snap: Snapshot, p: dict) -> Outcome:
    threshold = int(p["full_members_for_committee"])
    lo, usual, hi = int(p["min_size"]), int(p["usual_max"]), int(p["max_size"])
    full = len(snap.full_members())
    roles = snap.roles_on()
    people: dict[int, list[str]] = {}
    for r in roles:
        people.setdefault(r["member_id"], []).append(r["role"])
    size = len(people)
    has_secretary = any("书记" in rs for rs in people.values())
    target = f"正式党员≥{threshold}名时设{lo}–{usual}名委员（不超过{hi}名），含书记"
    evidence = [f"{snap.name(mid)}（{'、'.join(rs)}）" for mid, rs in people.items()]
    if full < threshold:
        return Outcome(NOT_APPLICABLE, size, target,
                       f"正式党员{full}名，不足{threshold}名，不设支部委员会，设书记即可", "", evidence)
    if size < lo or not has_secretary:
        lack = "且无书记" if not has_secretary else ""
        return Outcome(FAILED, size, target,
                       f"正式党员{full}名，应设立支部委员会，现有委员{size}名{lack}",
                       f"召开支部党员大会选举产生{lo}至{usual}名委员组成的支部委员会（含书记），并在“支委分工”中登记",
                       evidence, Fix([f"召开支部党员大会选举支部委员会（{lo}至{usual}名委员，含书记）"], 1))
    if size > hi:
        return Outcome(FAILED, size, target, f"支部委员{size}名，超过{hi}名",
                       f"支部委员会委员一般为{lo}至{usual}名，最多不超过{hi}名，请按程序调整", evidence)
    if size > usual:
        return Outcome(WARNING, size, target, f"支部委员{size}名，多于一般的{usual}名",
                       f"支部委员会委员一般为{lo}至{usual}名", evidence)
    return Outcome(MET, size, target, f"支部委员会共{size}名委员，设置符合要求", "", evidence)


@rule("ORG-SECRETARY")
def org_secretary(snap: Snapshot, p: dict) -> Outcome:
    need = int(p["min_standing_years"])
    target = f"书记在任，党龄≥{need}年"
    secs = snap.secretary_ids()
    if not secs:
        return Outcome(FAILED, None, target, "支部书记职务空缺",
                       "按程序选举产生支部书记，报上级党委批准后在“支委分工”中登记",
                       [], Fix(["选举产生支部书记并在“支委分工”中登记"], 1))
    mid = secs[0]
    name = snap.name(mid)
    steps = snap.member_steps(mid)
    since = S.full_member_since(steps, snap.day)
    if since is None:
        if snap.category(mid) == "预备党员":
            admit = S.admitted_on(steps, snap.day)
            if admit and S.add_years(admit, 2) < snap.day:
                return Outcome(WARNING, None, target,
                               f"书记{name}未记录转正日期，无法核实党龄",
                               "在发展党员纪实中补录书记的转正日期（第23步）", [f"{name}入党日期{admit}"])
            return Outcome(FAILED, 0, target, f"书记{name}尚为预备党员，党龄不足{need}年",
                           "支部书记一般应具有1年以上党龄，请报上级党委按程序调整", [f"{name}入党日期{admit or '未记录'}"])
        return Outcome(WARNING, None, target, f"书记{name}未记录入党和转正日期，无法核实党龄",
                       "在发展党员纪实中补录书记的入党日期（第15步）和转正日期（第23步）")
    months = _months_between(since, snap.day)
    measured = f"党龄{months // 12}年{months % 12}个月"
    evidence = [f"{name}于{since}转正，党龄{months // 12}年{months % 12}个月"]
    if S.add_years(since, need) > snap.day:
        return Outcome(FAILED, measured, target, f"书记{name}党龄{months // 12}年{months % 12}个月，不足{need}年",
                       f"支部书记一般应具有{need}年以上党龄，请报上级党委按程序调整或说明情况", evidence)
    return Outcome(MET, measured, target, f"书记{name}在任，党龄{months // 12}年", "", evidence)


@rule("ORG-TERM")
def org_term(snap: Snapshot, p: dict) -> Outcome:
    term = int(snap.branch.get("committee_term_years") or p["term_years"])
    warn = int(p["warn_days"])
    target = f"任期{term}年，届满前{warn}天提醒"
    elected = as_date(snap.branch.get("committee_elected_on"))
    if elected is None:
        if not snap.roles_on():
            return Outcome(NOT_APPLICABLE, None, target, "尚未登记支部委员会或书记，无法判断任期")
        return Outcome(FAILED, None, target, "未录入本届支部委员会选举日期，无法判断是否按期换届",
                       "在“支部信息”中填写本届选举日期")
    end = S.add_years(elected, term)
    days = f"已任{(snap.day - elected).days / 365.25:.1f}年"
    evidence = [f"本届于{elected}选举产生，{end}届满"]
    if end <= snap.day:
        return Outcome(FAILED, days, target, f"本届支部委员会已于{end}任期届满，尚未换届",
                       "向上级党委请示，召开支部党员大会按程序进行换届选举，并更新“支部信息”中的本届选举日期",
                       evidence, Fix(["召开支部党员大会完成换届选举，并更新本届选举日期"], 1))
    left = (end - snap.day).days
    if left <= warn:
        return Outcome(WARNING, days, target, f"本届支部委员会将于{end}任期届满（还有{left}天）",
                       "提前向上级党委报告，做好换届选举的准备", evidence,
                       Fix([f"在{end}前召开支部党员大会完成换届选举"], 1))
    return Outcome(MET, days, target, f"本届支部委员会在任期内（{end}届满）", "", evidence)


@rule("ORG-GROUPS")
def org_groups(snap: Snapshot, p: dict) -> Outcome:
    need = int(p["min_members"])
    people = snap.party_members()
    target = f"党员≥{need}名时划分党小组，每名党员编入党小组"
    if len(people) < need:
        return Outcome(NOT_APPLICABLE, len(snap.groups), target, f"党员{len(people)}名，不足{need}名，可不划分党小组")
    if not snap.groups:
        return Outcome(FAILED, 0, target, f"党员{len(people)}名，尚未划分党小组",
                       "按工作岗位或区域划分党小组，指定党小组组长，把每名党员编入党小组",
                       [], Fix(["划分党小组并把每名党员编入党小组"], 1))
    # Someone who has left since has their group cleared by the transfer: not judged.
    loose = [m for m in people if m.get("party_group_id") not in snap.groups and not m.get("left_on")]
    if loose:
        return Outcome(FAILED, len(snap.groups), target, f"{len(loose)}名党员未编入党小组",
                       "在党员信息中为这些党员选择所在党小组",
                       [f"未编入党小组：{_names(loose, snap, 20)}"],
                       Fix([f"把{_names(loose, snap)}编入党小组"], 1))
    return Outcome(MET, len(snap.groups), target, f"设{len(snap.groups)}个党小组，党员均已编入")


# ---- 基本队伍 -------------------------------------------------------------------------
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


# ---- 基本活动 -------------------------------------------------------------------------
@rule("ACT-CONGRESS")
def act_congress(snap: Snapshot, p: dict) -> Outcome:
    return _periodic_rule(snap, p, "支部党员大会", "召开", "每季度至少召开一次支部党员大会，并完整记录出勤和决议")


@rule("ACT-COMMITTEE")
def act_committee(snap: Snapshot, p: dict) -> Outcome:
    size = len(snap.committee_ids())
    if size < int(p["min_committee_members"]):
        return Outcome(NOT_APPLICABLE, None, f"每月≥{p['min_count']}次",
                       f"未设立支部委员会（现有委员{size}名），不考核支委会")
    return _periodic_rule(snap, p, "支部委员会", "召开", "支部委员会每月至少召开一次，研究支部日常工作")


@rule("ACT-GROUP")
def act_group(snap: Snapshot, p: dict) -> Outcome:
    period, min_count = p["period"], int(p["min_count"])
    target = f"每个党小组{PERIOD_WORDS.get(period, '')}≥{min_count}次"
    if not snap.groups:
        return Outcome(NOT_APPLICABLE, None, target, "未划分党小组，不考核党小组会")
    kinds = set(p["meeting_kinds"])
    fails, actions, cost, done, applicable = [], [], 0, 0, 0
    for gid, g in snap.groups.items():
        dates = [as_date(m["date"]) for m in snap.meetings if m["kind"] in kinds and m.get("party_group_id") == gid]
        f, pend, d, a = _periodic(snap, p, "党小组会", "召开", dates, prefix=f"{g['name']}")
        fails += f
        done += d
        applicable += a
        if pend:
            actions.append(_pending_action(f"{g['name']}", pend, "党小组会", "召开"))
            cost += sum(k for _, k in pend)
    measured = f"{done}/{done + len(fails)}"
    advice = "党小组会一般每月召开一次，由党小组组长主持，并记录出勤"
    if fails:
        return Outcome(FAILED, measured, target, f"党小组会有{len(fails)}次未按时召开", advice, fails)
    if actions:
        return Outcome(PENDING, measured, target, "已到期的月份党小组会均已召开，其余月份尚未到期", advice, [],
                       Fix(actions, cost))
    return Outcome(MET, measured, target, "各党小组均按时召开党小组会")


@rule("ACT-LESSON")
def act_lesson(snap: Snapshot, p: dict) -> Outcome:
    out = _periodic_rule(snap, p, "党课", "开展", "每季度至少开展一次党课，书记每年至少讲一次党课")
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
    if snap.over(snap.end):
        out.evidence.append(f"书记{names}本年度未讲党课")
        if out.status != FAILED:
            out.status, out.message = FAILED, f"书记{names}本年度未讲党课"
            out.advice = "书记每年至少为党员讲一次党课"
        out.fix = None
        return out
    action = f"年底前由书记{names}讲一次党课"
    out.evidence.append(f"书记{names}本年度尚未讲党课")
    if out.status == MET:
        out.status, out.message = PENDING, f"党课按季度开展，书记{names}尚未讲党课"
        out.advice = "书记每年至少为党员讲一次党课"
        out.fix = Fix([action], 1)
    elif out.status == PENDING:
        out.message += f"；书记{names}尚未讲党课"
        out.fix = Fix(out.fix.actions + [action + "（可与下一次党课合并）"], out.fix.cost)
    return out


@rule("ACT-THEME-DAY")
def act_theme_day(snap: Snapshot, p: dict) -> Outcome:
    return _periodic_rule(snap, p, "主题党日", "开展", "每月确定一天开展主题党日活动，并登记活动记录")


@rule("ACT-LIFE-MEETING")
def act_life_meeting(snap: Snapshot, p: dict) -> Outcome:
    need = int(p["per_year"])
    held = snap.meetings_of(p["meeting_kinds"])
    target = f"每年≥{need}次"
    evidence = [f"{m['date']}召开组织生活会" for m in held]
    if len(held) >= need:
        return Outcome(MET, len(held), target, f"本年度已召开组织生活会{len(held)}次", "", evidence)
    advice = "年底前召开组织生活会：会前学习、谈心谈话、征求意见，会上开展批评和自我批评，会后制定整改措施"
    if snap.over(snap.end):
        return Outcome(FAILED, len(held), target, "本年度未召开组织生活会", advice, evidence)
    return Outcome(PENDING, len(held), target, "本年度尚未召开组织生活会", advice, evidence,
                   Fix(["年底前召开组织生活会（会前开展谈心谈话、征求意见）"], need - len(held)))


@rule("ACT-ATTENDANCE")
def act_attendance(snap: Snapshot, p: dict) -> Outcome:
    least = float(p["min_rate"])
    meetings = snap.meetings_of(p["meeting_kinds"])
    target = f"≥{_pct(least)}"
    present = expected = 0
    unrecorded, low = [], []
    for m in meetings:
        n, here = snap.attendance_counts.get(m["id"], (0, 0))
        if not n:
            unrecorded.append(f"{m['date']}{m['kind']}")
            continue
        present += here
        expected += n
        if here / n < least:
            low.append((m, n, here))
    # Only the meetings shown as evidence need their absentees by name.
    low = low[:12]
    rows_of = snap.attendance_rows([m["id"] for m, _, _ in low])
    for i, (m, n, here) in enumerate(low):
        absent = [snap.name(r["member_id"]) + f"（{r['status']}）" for r in rows_of[m["id"]] if r["status"] != "出席"]
        low[i] = f"{m['date']}{m['kind']}：应到{n}人，实到{here}人；{'、'.join(absent[:6])}"
    if not meetings:
        if snap.over(snap.end):
            return Outcome(FAILED, None, target, "本年度没有三会一课会议记录", "召开三会一课并登记出勤")
        # Applies as soon as meetings are held: planning may count on it being met then.
        return Outcome(NOT_APPLICABLE, None, target, "本年度尚无三会一课会议记录", "", [],
                       Fix([f"召开三会一课时逐人登记出勤，出勤率保持在{_pct(least)}以上"], 0))
    if expected == 0:
        return Outcome(FAILED, None, target, f"{len(unrecorded)}次三会一课均未登记出勤",
                       "在会议记录中登记每名党员的出勤情况", [f"未登记出勤：{'、'.join(unrecorded[:10])}"],
                       Fix([f"补录{len(unrecorded)}次会议的出勤情况"], 1))
    rate = present / expected
    evidence = low[:12]
    if unrecorded:
        evidence.append(f"未登记出勤：{'、'.join(unrecorded[:10])}")
    measured = _pct(rate)
    if rate + 1e-9 < least:
        advice = "加强组织生活纪律，对无故缺席的党员及时谈心谈话；因故不能参加的应事先请假并安排补课"
        if snap.over(snap.end):
            return Outcome(FAILED, measured, target, f"三会一课出勤率{_pct(rate)}，低于{_pct(least)}", advice, evidence)
        avg = expected / max(1, len(meetings) - len(unrecorded))
        more = math.ceil((least * expected - present) / (avg * (1 - least))) if least < 1 else None
        fix = Fix([f"今后的三会一课确保全员出席（约需{more}次全员到会的会议把出勤率提高到{_pct(least)}）"], more) \
            if more is not None else None
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
    if not meetings:
        return Outcome(NOT_APPLICABLE, None, target, "本年度尚无会议记录", "", [],
                       Fix(["每次会议完整填写主持人、记录人、议题和会议内容"], 0))
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
                   Fix([f"补全{len(bad)}次会议记录的主持人、记录人、议题和内容"], 1))


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


# ---- 基本作用 -------------------------------------------------------------------------
def _active_posts(snap: Snapshot) -> list[dict]:
    out = []
    for post in snap.posts:
        start, end = as_date(post.get("established_on")), as_date(post.get("ended_on"))
        if (start is None or start <= snap.day) and (end is None or end > snap.day):
            out.append(post)
    return out


@rule("ROLE-POSTS")
def role_posts(snap: Snapshot, p: dict) -> Outcome:
    need = int(p["min_posts"])
    posts = _active_posts(snap)
    target = f"≥{need}个"
    evidence = [f"{x['kind']}：{x['name']}" for x in posts]
    if len(posts) >= need:
        return Outcome(MET, len(posts), target, f"设有{len(posts)}个先锋岗（示范岗、责任区、突击队）", "", evidence)
    return Outcome(FAILED, len(posts), target, "未设立党员先锋岗、示范岗、责任区或突击队",
                   "结合中心工作设岗定责，明确岗位承诺和成员", evidence,
                   Fix([f"设立{need - len(posts)}个党员先锋岗（示范岗、责任区或突击队）并登记岗位成员"], 1))


@rule("ROLE-POST-SHARE")
def role_post_share(snap: Snapshot, p: dict) -> Outcome:
    least = float(p["min_share"])
    people = snap.party_members()
    target = f"≥{_pct(least)}"
    if not people:
        return Outcome(NOT_APPLICABLE, None, target, "没有党员")
    on_post = set()
    for post in _active_posts(snap):
        for pm in snap.post_members.get(post["id"], []):
            since, until = as_date(pm.get("since")), as_date(pm.get("until"))
            if (since is None or since <= snap.day) and (until is None or until > snap.day):
                on_post.add(pm["member_id"])
    n = sum(1 for m in people if m["id"] in on_post)
    share = n / len(people)
    if share + 1e-9 >= least:
        return Outcome(MET, _pct(share), target, f"{n}名党员在岗履责，占{_pct(share)}")
    more = math.ceil(least * len(people) - n - 1e-9)
    return Outcome(FAILED, _pct(share), target, f"在岗履责党员{n}名，占{_pct(share)}，低于{_pct(least)}",
                   "把更多党员编入先锋岗、示范岗、责任区或突击队，做到党员身边有岗位",
                   [f"未在岗：{_names([m for m in people if m['id'] not in on_post], snap, 12)}"],
                   Fix([f"再安排{more}名党员到先锋岗、示范岗或责任区履责"], 1))


@rule("ROLE-VOLUNTEER")
def role_volunteer(snap: Snapshot, p: dict) -> Outcome:
    kinds = set(p["activity_kinds"])
    per_member = float(p["hours_per_member"])
    acts = [a for a in snap.activities if a["kind"] in kinds]
    dates = [as_date(a["date"]) for a in acts]
    fails, pend, done, applicable = _periodic(snap, p, "志愿服务", "开展", dates)
    people = snap.party_members()
    ids = {m["id"] for m in people}
    sums = snap.member_hours("volunteer_hours", "activity_id", [a["id"] for a in acts])
    if sums is None:  # odd hours in some row: add them up row by row, as always
        rows = snap.hours_rows("volunteer_hours", "activity_id", [a["id"] for a in acts])
        total = sum(h["hours"] or 0 for a in acts for h in rows.get(a["id"], []) if h["member_id"] in ids) / 10
    else:
        total = sum(v for mid, v in sums.items() if mid in ids) / 10
    avg = total / len(people) if people else 0.0
    target = f"{PERIOD_WORDS.get(p['period'], '')}≥{p['min_count']}次；人均≥{fmt_num(per_member)}小时"
    measured = f"{done}/{done + len(fails)}；人均{avg:.1f}小时"
    advice = "结合岗位和社区需求经常性开展志愿服务，并登记每名党员的服务时长"
    evidence = list(fails)
    short = people and avg + 1e-9 < per_member
    if fails:
        return Outcome(FAILED, measured, target, f"{len(fails)}个季度未开展志愿服务", advice, evidence)
    if short and snap.over(snap.end):
        return Outcome(FAILED, measured, target, f"党员人均志愿服务{avg:.1f}小时，低于{fmt_num(per_member)}小时",
                       advice, evidence)
    actions, cost = [], 0
    if pend:
        actions.append(_pending_action("", pend, "志愿服务", "开展"))
        cost += sum(k for _, k in pend)
    if short:
        gap = per_member * len(people) - total
        actions.append(f"年底前党员志愿服务还需累计{fmt_num(round(gap, 1))}小时（约每人{fmt_num(round(gap / len(people), 1))}小时）")
        cost += 1
    if actions:
        return Outcome(PENDING, measured, target, f"已到期的季度均开展了志愿服务，人均{avg:.1f}小时，全年任务尚未到期",
                       advice, evidence, Fix(actions, cost))
    return Outcome(MET, measured, target, f"每季度均开展志愿服务，党员人均{avg:.1f}小时")


@rule("ROLE-DEEDS")
def role_deeds(snap: Snapshot, p: dict) -> Outcome:
    need = int(p["per_year"])
    kinds = set(p["activity_kinds"])
    acts = [a for a in snap.activities if a["kind"] in kinds]
    target = f"每年≥{need}件"
    evidence = [f"{a['date']}{a['title']}" for a in acts]
    if len(acts) >= need:
        return Outcome(MET, len(acts), target, f"本年度办实事{len(acts)}件", "", evidence)
    advice = "围绕群众急难愁盼问题，列出“我为群众办实事”项目清单并逐项落实、登记"
    if snap.over(snap.end):
        return Outcome(FAILED, len(acts), target, f"本年度办实事{len(acts)}件，少于{need}件", advice, evidence)
    return Outcome(PENDING, len(acts), target, f"本年度已办实事{len(acts)}件，全年目标{need}件", advice, evidence,
                   Fix([f"年底前再办{need - len(acts)}件“我为群众办实事”项目并登记"], need - len(acts)))


# ---- 基本制度 -------------------------------------------------------------------------
def _ym(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def dues_ledger(snap: Snapshot, since: str | None = None, paid_by_day: bool = True):
    """Per member: [(month 'YYYY-MM', paid: bool)] for every month that is over and in which the
    member owed dues (正式/预备党员 on the books on the 1st), from ``since`` (default: January).

    ``paid_by_day``: a payment counts only when made by the as-of date (arrears as they stood
    that day); otherwise every recorded payment counts, late ones included."""
    key = ("dues", since, paid_by_day)
    if key not in snap.cache:
        snap.cache[key] = _dues_ledger(snap, since, paid_by_day)
    return snap.cache[key]


def _dues_ledger(snap: Snapshot, since: str | None, paid_by_day: bool):
    get = _dues_paid(snap).get
    flag = 0 if paid_by_day else 1
    unpaid = (False, False)
    return {mid: [(ym, get((mid, ym), unpaid)[flag]) for ym in months] for mid, months in _dues_owed(snap, since)}


def _dues_paid(snap: Snapshot) -> dict[tuple[int, str], tuple[bool, bool]]:
    """(member, month) → (paid in full by the as-of date, paid in full at all), read once."""
    if "dues-paid" not in snap.cache:
        paid = {}
        dates: dict = {}  # paid_on values repeat (a whole branch pays on a few days): read each once
        for mid, month, due, got, on in snap.dues:
            if on not in dates:
                dates[on] = as_date(on)
            on = dates[on]
            # Money as stored is int fen; anything odd counts as 0 rather than breaking the check
            # (SQLite gives int, float, str, bytes or None: never a bool to tell apart).
            due = due if type(due) is int else 0
            got = got if type(got) is int else 0
            full = got >= due
            if not due and not got and not on:
                paid[(mid, str(month))] = (True, True)  # recorded as nothing due (e.g. exempted)
            else:
                paid[(mid, str(month))] = (full and (on is None or on <= snap.day), full)
        snap.cache["dues-paid"] = paid
    return snap.cache["dues-paid"]


def _dues_owed(snap: Snapshot, since: str | None) -> list[tuple[int, list[str]]]:
    """[(member, months 'YYYY-MM' owed)] for the months over by the as-of date from ``since``."""
    key = ("dues-owed", since)
    if key in snap.cache:
        return snap.cache[key]
    months = []
    y, m = (int(since[:4]), int(since[5:7])) if since else (snap.year, 1)
    while (y, m) <= (snap.year, 12):
        end = month_end(y, m)
        if end > snap.day:
            break
        months.append((_ym(y, m), end.replace(day=1), end))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    out: list[tuple[int, list[str]]] = []
    snap.cache[key] = out
    if not months:
        return out
    party = ("正式党员", "预备党员")
    all_months = [ym for ym, _, _ in months]
    for mem in snap.present_between(months[0][1], months[-1][2]):
        mid = mem["id"]
        if mid not in snap.steps:
            continue  # no development steps, no category: never owes dues
        # Owed where the membership was on the first of the month (someone transferred in
        # mid-month paid that month at the old branch); 预备党员 from the admission month.
        if snap.category_fixed(mid, months[0][2], months[-1][2]):
            # Same category at every month end (the usual case): judge it once.
            if snap.category(mid, months[0][2]) not in party:
                continue
            if snap.on_books(mem, months[0][1]) and snap.on_books(mem, months[-1][1]):
                owed = all_months  # on the books throughout (the books are one span)
            else:
                owed = [ym for ym, first, _ in months if snap.on_books(mem, first)]
        else:
            owed = [ym for ym, first, end in months
                    if snap.on_books(mem, first) and snap.category(mid, end) in party]
        if owed:
            out.append((mid, owed))
    return out


@rule("SYS-DUES")
def sys_dues(snap: Snapshot, p: dict) -> Outcome:
    least = float(p["min_share"])
    # Months paid late (December's dues paid in January) still count as paid months here;
    # SYS-DUES-LAPSE judges the arrears as they stood on the as-of date.
    book = dues_ledger(snap, paid_by_day=False)
    due = sum(len(v) for v in book.values())
    target = f"按月足额缴纳≥{_pct(least)}"
    if due == 0:
        return Outcome(NOT_APPLICABLE if not snap.over(_dt.date(snap.year, 1, 31)) else NOT_APPLICABLE,
                       None, target, "尚无到期的党费月份")
    paid = sum(1 for v in book.values() for _, ok in v if ok)
    share = paid / due
    evidence = []
    for mid, v in book.items():
        unpaid = [ym for ym, ok in v if not ok]
        if unpaid:
            evidence.append(f"{snap.name(mid)}：{months_label(int(x[5:]) for x in unpaid)}未足额缴纳")
    measured = _pct(share)
    if share + 1e-9 >= least:
        return Outcome(MET, measured, target, f"党费按月足额缴纳（{paid}/{due}人·月）")
    if not snap.dues:
        msg = "本年度未登记党费收缴记录"
    else:
        msg = f"党费足额缴纳{paid}/{due}人·月（{_pct(share)}），{len(evidence)}名党员有欠缴"
    owing_ids = [mid for mid, v in book.items() if any(not ok for _, ok in v)]
    # Back payment normally reaches back at most max_back_months: older arrears stay missed.
    back = int(p["max_back_months"])
    oldest = min(ym for v in book.values() for ym, ok in v if not ok)
    too_old = (snap.day.year * 12 + snap.day.month) - (int(oldest[:4]) * 12 + int(oldest[5:7])) > back
    advice = "按月收缴党费并登记；对未缴的党员及时提醒、了解原因并督促补缴"
    if too_old:
        advice += f"（补缴一般不超过{back}个月，更早的欠缴应查明原因并报上级党委）"
    fix = None if too_old else Fix([f"督促{_names(owing_ids, snap, 6)}补缴欠缴党费并登记"], 1)
    return Outcome(FAILED, measured, target, msg, advice, evidence[:30], fix)


@rule("SYS-DUES-LAPSE")
def sys_dues_lapse(snap: Snapshot, p: dict) -> Outcome:
    lapse, warn = int(p["lapse_months"]), int(p["warn_months"])
    since = max(f"{snap.year - 1}-07", snap.first_dues_month or f"{snap.year}-01")
    if since > f"{snap.year}-12":
        since = f"{snap.year}-01"
    book = dues_ledger(snap, since)
    fails, warns = [], []
    year_first = f"{snap.year}-01"
    for mid, v in book.items():
        run: list[str] = []
        worst: list[str] = []
        prev = None
        for ym, ok in v:
            consecutive = prev is not None and _next_month(prev) == ym
            if not ok:
                run = run + [ym] if (run and consecutive) else [ym]
                if len(run) > len(worst) and run[-1] >= year_first:
                    worst = list(run)
            else:
                run = []
            prev = ym
        if len(worst) >= lapse:
            fails.append(f"{snap.name(mid)}自{worst[0]}至{worst[-1]}连续{len(worst)}个月未交纳党费")
        elif run and len(run) >= warn:
            warns.append(f"{snap.name(mid)}已连续{len(run)}个月未交纳党费（{run[0]}起）")
    target = f"无连续{lapse}个月不交纳党费"
    if fails:
        return Outcome(FAILED, len(fails), target, f"{len(fails)}名党员连续{lapse}个月以上未交纳党费",
                       f"党员没有正当理由连续{lapse}个月不交纳党费的，按自行脱党处理：请立即谈话了解原因，督促补缴，并按程序报告上级党委",
                       fails)
    if warns:
        return Outcome(WARNING, 0, target, f"{len(warns)}名党员已连续{warn}个月以上未交纳党费",
                       f"及时谈话提醒，避免连续{lapse}个月不交纳党费", warns,
                       Fix([f"督促{'、'.join(w.split('已')[0] for w in warns[:6])}补缴党费"], 1))
    return Outcome(MET, 0, target, f"没有连续{warn}个月以上未交纳党费的党员")


@functools.lru_cache(maxsize=256)  # a pure function of its text, called per member and month
def _next_month(ym: str) -> str:
    y, m = int(ym[:4]), int(ym[5:7])
    return _ym(y + 1, 1) if m == 12 else _ym(y, m + 1)


@rule("SYS-RECTIFY")
def sys_rectify(snap: Snapshot, p: dict) -> Outcome:
    least = float(p["min_share"])
    target = f"按期完成≥{_pct(least)}"
    ok, late, overdue, pend, undated, actions = [], [], [], [], [], []
    for r in snap.rectifications:
        d, c = as_date(r.get("deadline")), as_date(r.get("closed_on"))
        title = r.get("problem") or "整改事项"
        if c is not None and c > snap.day:
            c = None  # closed after the as-of date: still open that day
        if c is not None:
            if d is not None and c > d:
                late.append(f"{title}：时限{d}，{c}才完成")
            else:
                ok.append(title)
        elif d is None:
            undated.append(f"{title}：未设整改时限")
        elif d < snap.day:
            overdue.append(f"{title}：时限{d}，已逾期{(snap.day - d).days}天（{r.get('status')}）")
        elif d <= snap.end:
            pend.append(f"{title}：时限{d}（{r.get('status')}）")
            actions.append(f"{d}前完成整改：{title}")
        else:
            pend.append(f"{title}：时限{d}（{r.get('status')}）")
    judged = len(ok) + len(late) + len(overdue)
    measured = f"{len(ok)}/{judged}" if judged else None
    share = len(ok) / judged if judged else 1.0
    evidence = overdue + late + undated + pend
    advice = "对照问题整改台账逐项销号，逾期未完成的要查明原因、明确新的完成时间，并报上级党委"
    if judged and share + 1e-9 < least:
        parts = ([f"{len(overdue)}项整改逾期未完成"] if overdue else []) + ([f"{len(late)}项逾期才完成"] if late else [])
        return Outcome(FAILED, measured, target, "，".join(parts), advice, evidence)
    if undated:
        return Outcome(WARNING, measured, target, f"{len(undated)}项整改未设时限", "为每项整改明确责任人和完成时限",
                       evidence)
    if judged:
        return Outcome(MET, measured, target, f"到期的{judged}项整改均按期完成", "", evidence)
    if actions:
        return Outcome(PENDING, measured, target, f"{len(actions)}项整改时限未到", advice, evidence,
                       Fix(actions, len(actions)))
    if pend:
        return Outcome(PENDING, measured, target, "整改时限均在下一年度", "", evidence)
    return Outcome(NOT_APPLICABLE, measured, target, "本年度没有整改事项")


def checklist_rule(snap: Snapshot, p: dict, spec) -> Outcome:
    """SYS-DOCS, SUP-VENUE …: answered in the 自评 checklist (a row per item code and year)."""
    items = list(spec.checklist) or [{"code": spec.code, "label": spec.name, "evidence": ""}]
    whole = snap.checklist.get(spec.code)
    met, unanswered, unmet, evidence = [], [], [], []
    for item in items:
        row = snap.checklist.get(item["code"]) or whole
        label = item.get("label", item["code"])
        if row is None:
            unanswered.append(item)
        elif row.get("met"):
            met.append(item)
            if row is whole and len(items) > 1:
                line = f"{spec.name}：{row.get('evidence') or '已落实（未填写佐证）'}"
            else:
                line = f"{label}：{row.get('evidence') or '已落实（未填写佐证）'}"
            if line not in evidence:
                evidence.append(line)
        else:
            unmet.append(item)
    target = f"{len(items)}项均落实" if len(items) > 1 else "已落实"
    measured = f"{len(met)}/{len(items)}"
    if not unanswered and not unmet:
        return Outcome(MET, measured, target, f"{len(items)}项均已落实" if len(items) > 1 else "已落实", "", evidence)
    todo = unmet + unanswered
    if unanswered and not unmet:
        msg = "尚未填写自评事项：" + "、".join(i.get("label", i["code"]) for i in unanswered)
        advice = "在“自评事项”中逐项填写落实情况并注明佐证材料"
    else:
        msg = "未落实：" + "、".join(i.get("label", i["code"]) for i in todo)
        advice = "；".join(f"落实{i.get('label', i['code'])}（佐证：{i.get('evidence') or '相关材料'}）" for i in todo)
    actions = [f"落实{i.get('label', i['code'])}并在自评事项中登记佐证" for i in todo]
    return Outcome(FAILED, measured, target, msg, advice,
                   evidence + [f"{i.get('label', i['code'])}：未填写" for i in unanswered]
                   + [f"{i.get('label', i['code'])}：未落实" for i in unmet],
                   Fix(actions, len(actions)))


for _code in ("SYS-DOCS", "SUP-VENUE", "SUP-FUNDS", "SUP-BRAND"):
    RULES[_code] = checklist_rule
CHECKLIST_RULES = {"SYS-DOCS", "SUP-VENUE", "SUP-FUNDS", "SUP-BRAND"}
