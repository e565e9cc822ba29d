"""The rules of 基本作用 (ROLE-*)."""

from __future__ import annotations

import math

from ..asof import by_words, still_possible
from ..model import FAILED, MET, NOT_APPLICABLE, PENDING, Action, Fix, Outcome
from ..snapshot import Snapshot, as_date, fmt_num
from .common import PERIOD_WORDS, _names, _pct, _periodic, rule


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
                   Fix([Action("post", snap.day if snap.over(snap.end) else snap.end,
                               f"{by_words(snap.end, snap.day)}设立{need - len(posts)}个党员先锋岗（示范岗、责任区或突击队）并登记岗位成员",
                               {"member_ids": [m["id"] for m in snap.party_members()], "posts": need - len(posts)},
                               snap.day)], 1))


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
    off = [m["id"] for m in people if m["id"] not in on_post]
    return Outcome(FAILED, _pct(share), target, f"在岗履责党员{n}名，占{_pct(share)}，低于{_pct(least)}",
                   "把更多党员编入先锋岗、示范岗、责任区或突击队，做到党员身边有岗位",
                   [f"未在岗：{_names(off, snap, 12)}"],
                   Fix([Action("post", snap.end, f"{by_words(snap.end, snap.day)}再安排{_names(off[:more], snap)}到先锋岗、示范岗或责任区履责",
                               {"member_ids": off[:more]}, snap.day)], 1), share / least)


@rule("ROLE-VOLUNTEER")
def role_volunteer(snap: Snapshot, p: dict) -> Outcome:
    kinds = set(p["activity_kinds"])
    per_member = float(p["hours_per_member"])
    acts = [a for a in snap.activities if a["kind"] in kinds]
    dates = [as_date(a["date"]) for a in acts]
    fails, pend, done, applicable = _periodic(snap, p, "志愿服务", "开展", dates)  # not the enumeration
    pend = [t for t in pend]
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
    kind = p["activity_kinds"][0]
    acts_todo = [(a, b) for _, a, b, k in pend for _ in range(k)]
    if short and not acts_todo and still_possible(snap.end, snap.day):
        acts_todo = [(snap.day, snap.end)]
    actions = []
    if acts_todo:
        gap_each = max(0.0, per_member - avg) if short else 0.0
        each = math.ceil(gap_each * 10 / len(acts_todo)) / 10 if gap_each else 0.0
        member_ids = [m["id"] for m in people]
        for a, b in acts_todo:
            hours = f"，每名党员{fmt_num(each)}小时" if each else ""
            actions.append(Action("volunteer", b, f"{by_words(b, snap.day)}开展1次志愿服务并登记时长{hours}",
                                  {"member_ids": member_ids, "hours": each, "activities": 1, "activity_kind": kind},
                                  max(a, snap.day)))
    if fails or (short and snap.over(snap.end)):
        fix = Fix(actions, len(actions), (done + len(pend)) / applicable) if actions and applicable else None
        credit = (done / (done + len(fails)) if done + len(fails) else 0.0) * (1.0 if not short else 0.5)
        msg = f"{len(fails)}个季度未开展志愿服务" if fails else \
            f"党员人均志愿服务{avg:.1f}小时，低于{fmt_num(per_member)}小时"
        return Outcome(FAILED, measured, target, msg, advice, evidence, fix, credit)
    if actions:
        return Outcome(PENDING, measured, target, f"已到期的季度均开展了志愿服务，人均{avg:.1f}小时，全年任务尚未到期",
                       advice, evidence, Fix(actions, len(actions)))
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
    more = need - len(acts)
    fix = Fix([Action("volunteer", snap.end, f"{by_words(snap.end, snap.day)}再办{more}件“我为群众办实事”项目并登记",
                      {"member_ids": [], "hours": 0, "activities": more, "activity_kind": p["activity_kinds"][0]},
                      snap.day)], more)
    if snap.over(snap.end):
        return Outcome(FAILED, len(acts), target, f"本年度办实事{len(acts)}件，少于{need}件", advice, evidence,
                       fix, len(acts) / need)
    return Outcome(PENDING, len(acts), target, f"本年度已办实事{len(acts)}件，全年目标{need}件", advice, evidence, fix)
