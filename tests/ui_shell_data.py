"""A small branch written through the ledger API, for the window tests (no tests here)."""

from __future__ import annotations

import datetime as _dt

YEAR = 2025

# name, gender, birth, steps {step: date}, group index
PEOPLE = [
    ("王建国", "男", "1975-03-02", {15: "2000-05-10", 23: "2001-05-12"}, 0),
    ("李红梅", "女", "1982-07-19", {15: "2006-06-01", 23: "2007-06-03"}, 0),
    ("张伟", "男", "1988-11-30", {15: "2012-04-20", 23: "2013-04-22"}, 1),
    ("刘洋", "女", "1990-01-15", {15: "2015-09-01", 23: "2016-09-03"}, 1),
    ("陈晨", "男", "1993-06-06", {15: "2018-10-10", 23: "2019-10-12"}, 0),
    ("赵磊", "男", "1995-02-28", {1: "2022-03-01", 2: "2022-03-20", 3: "2022-09-01",
                                 7: "2023-09-15", 15: "2024-10-08"}, 1),
    ("孙丽", "女", "1998-08-08", {1: "2024-02-01", 2: "2024-02-20", 3: "2024-08-01"}, 0),
    ("周强", "男", "2000-12-12", {1: "2025-03-03"}, 1),
]


def build(ledger, year: int = YEAR) -> dict:
    """Write the branch; returns ids by name and the group ids."""
    ledger.save_branch({"name": "测试公司第一党支部", "parent_org": "测试公司党委",
                        "committee_elected_on": f"{year - 1}-03-01", "committee_term_years": 3})
    groups = [ledger.insert("party_groups", {"name": "第一党小组"}),
              ledger.insert("party_groups", {"name": "第二党小组"})]
    ids = {}
    for name, gender, birth, steps, g in PEOPLE:
        mid = ledger.insert("members", {"name": name, "gender": gender, "birth_date": birth,
                                        "party_group_id": groups[g], "status": "在册"})
        ids[name] = mid
        for step, day in steps.items():
            ledger.insert("development_steps", {"member_id": mid, "step": step, "date": day})
    ledger.update("party_groups", groups[0], {"leader_id": ids["李红梅"]})
    ledger.insert("committee_roles", {"member_id": ids["王建国"], "role": "书记", "start_date": f"{year - 1}-03-01"})
    ledger.insert("committee_roles", {"member_id": ids["李红梅"], "role": "组织委员",
                                      "start_date": f"{year - 1}-03-01"})
    full = [ids[n] for n in ("王建国", "李红梅", "张伟", "刘洋", "陈晨", "赵磊")]
    for month in (1, 2, 3, 4):
        mid = ledger.insert("meetings", {
            "kind": "主题党日", "date": f"{year}-{month:02d}-15", "start_time": "14:30", "end_time": "16:00",
            "place": "党员活动室", "host_id": ids["王建国"], "recorder_id": ids["李红梅"],
            "topic": f"{month}月主题党日：学习党的二十届三中全会精神", "content": "集中学习，交流发言。"})
        ledger.replace_children("attendance", mid, [
            {"member_id": m, "status": "出席" if i else "请假", "reason": None if i else "出差"}
            for i, m in enumerate(full)])
    mid = ledger.insert("meetings", {"kind": "支部党员大会", "date": f"{year}-03-20", "topic": "年度工作部署",
                                     "host_id": ids["王建国"], "recorder_id": ids["李红梅"]})
    ledger.replace_children("attendance", mid, [{"member_id": m, "status": "出席"} for m in full])
    tid = ledger.insert("trainings", {"date": f"{year}-04-10", "title": "党纪学习教育专题培训", "hours": 40,
                                      "kind": "集中培训"})
    ledger.replace_children("training_attendance", tid, [{"member_id": m, "hours": 40} for m in full])
    vid = ledger.insert("volunteer_activities", {"date": f"{year}-03-05", "title": "学雷锋社区义诊",
                                                 "place": "幸福社区", "kind": "志愿服务"})
    ledger.replace_children("volunteer_hours", vid, [{"member_id": m, "hours": 30} for m in full[:4]])
    ledger.insert("volunteer_activities", {"date": f"{year}-05-05", "title": "为独居老人更换燃气灶",
                                           "kind": "办实事"})
    pid = ledger.insert("pioneer_posts", {"kind": "先锋岗", "name": "安全生产党员先锋岗",
                                          "established_on": f"{year - 1}-01-01", "commitment": "安全零事故"})
    ledger.replace_children("post_members", pid, [{"member_id": ids["张伟"], "role": "岗长"}])
    ledger.insert("rectifications", {"source": "组织生活会", "problem": "理论学习不够系统",
                                     "deadline": f"{year}-02-28", "status": "整改中", "owner_id": ids["王建国"]})
    ledger.insert("rectifications", {"source": "巡察反馈", "problem": "党费收缴台账不规范",
                                     "deadline": f"{year}-06-30", "status": "已完成",
                                     "closed_on": f"{year}-05-20", "owner_id": ids["李红梅"]})
    for m in full:
        ledger.insert("dues", {"member_id": m, "month": f"{year}-01", "base_income": 600000, "rate": 0.015,
                               "amount_due": 9000, "amount_paid": 9000, "paid_on": f"{year}-01-10"})
    return {"ids": ids, "groups": groups}


def today_in(year: int = YEAR) -> _dt.date:
    return _dt.date(year, 6, 15)
