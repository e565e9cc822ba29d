"""The rules of 基本组织 (ORG-*)."""

from __future__ import annotations

from ...ledger import enums
from ...ledger import steps as S
from ..model import FAILED, MET, NOT_APPLICABLE, WARNING, Fix, Outcome
from ..snapshot import Snapshot, as_date
from .common import _months_between, _names, rule


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
    has_secretary = any(enums.SECRETARY in rs for rs in people.values())
    target = f"正式党员≥{threshold}名时设{lo}–{usual}名委员（不超过{hi}名），含书记"
    evidence = [f"{snap.name(mid)}（{'、'.join(rs)}）" for mid, rs in people.items()]
    # 预备党员 have no 被选举权 (党章 第七条): a 委员 who is one fails, whatever the branch's size.
    probationers = [mid for mid in people if snap.category(mid) == enums.PROBATIONARY]
    if probationers:
        return Outcome(FAILED, size, target, f"委员{_names(probationers, snap)}为预备党员，没有被选举权",
                       "预备党员没有表决权、选举权和被选举权，不能担任支部委员，请报上级党委按程序调整", evidence)
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
        if snap.category(mid) == enums.PROBATIONARY:
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
