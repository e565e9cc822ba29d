"""A small branch ledger for the exporter tests: built with ledger.insert, numbers known."""

from __future__ import annotations

from dangzhibu_desktop.ledger.validate import id_check_char

YEAR = 2024


def make_id(region: str, birth: str, seq: str) -> str:
    first17 = region + birth.replace("-", "") + seq
    return first17 + id_check_char(first17)


# name, gender, birth, seq (odd = male), steps {step: date}, dues class
PEOPLE = [
    ("王建国", "男", "1975-03-07", "123", {1: "1995-03-01", 3: "1995-09-01", 7: "1996-10-01", 15: "1997-06-01", 23: "1998-06-10"}),
    ("李秀英", "女", "1980-11-21", "124", {1: "2000-03-01", 3: "2000-09-01", 7: "2001-10-01", 15: "2002-06-01", 23: "2003-06-10"}),
    ("张伟", "男", "1985-01-15", "131", {1: "2005-03-01", 3: "2005-09-01", 7: "2006-10-01", 15: "2007-06-01", 23: "2008-06-10"}),
    ("刘䶮", "男", "1990-07-04", "151", {1: "2010-03-01", 3: "2010-09-01", 7: "2011-10-01", 15: "2012-06-01", 23: "2013-06-10"}),
    ("陈𠀾", "女", "1992-02-29", "162", {1: "2012-03-01", 3: "2012-09-01", 7: "2013-10-01", 15: "2014-06-01", 23: "2015-06-10"}),
    ("赵敏", "女", "1995-05-20", "182", {1: "2021-03-01", 3: "2021-09-01", 7: "2022-10-01", 15: "2023-09-01"}),
    ("孙磊", "男", "1998-08-08", "191", {1: "2022-03-01", 3: "2023-03-01"}),
    ("周婷", "女", "2000-12-12", "202", {1: "2024-04-01"}),
]
HAS_PROBATION_END = "2024-09-05"  # 赵敏 转正 in the year


def build(ledger, year: int = YEAR, long_minutes: int = 0) -> dict:
    """Fill ``ledger`` with one branch's year; returns the ids and the expected numbers."""
    ids = {}
    ledger.save_branch({"name": "第一党支部", "parent_org": "某某集团党委",
                        "committee_elected_on": f"{year - 1}-03-01"})
    group = ledger.insert("party_groups", {"name": "第一党小组"})
    for name, gender, birth, seq, steps in PEOPLE:
        mid = ledger.insert("members", {
            "name": name, "gender": gender, "birth_date": birth,
            "id_number": make_id("110101", birth, seq), "education": "大学本科",
            "phone": "13800138000", "work_post": "技术员", "party_group_id": group,
            "ethnicity": "汉族"})
        ids[name] = mid
        for step, date in steps.items():
            ledger.insert("development_steps", {"member_id": mid, "step": step, "date": date})
    ledger.insert("development_steps", {"member_id": ids["赵敏"], "step": 23,
                                        "date": HAS_PROBATION_END, "outcome": "按期转正"})
    ledger.update("party_groups", group, {"leader_id": ids["张伟"]})
    ledger.insert("committee_roles", {"member_id": ids["王建国"], "role": "书记", "start_date": f"{year - 1}-03-01"})
    ledger.insert("committee_roles", {"member_id": ids["李秀英"], "role": "组织委员", "start_date": f"{year - 1}-03-01"})
    ledger.insert("committee_roles", {"member_id": ids["张伟"], "role": "宣传委员", "start_date": f"{year - 1}-03-01"})
    party = [ids[n] for n in ("王建国", "李秀英", "张伟", "刘䶮", "陈𠀾", "赵敏")]

    meetings = []
    def meeting(kind, date, topic, absent=(), **kw):
        mid = ledger.insert("meetings", {"kind": kind, "date": date, "start_time": "14:00",
                                          "end_time": "16:00", "place": "三楼党员活动室",
                                          "host_id": ids["王建国"], "recorder_id": ids["李秀英"],
                                          "topic": topic, "content": kw.pop("content", f"{topic}。与会党员逐一发言。"),
                                          "resolutions": kw.pop("resolutions", "一致同意。"), **kw})
        rows = []
        for m in party:
            if m in dict(absent):
                rows.append({"member_id": m, "status": "请假", "reason": dict(absent)[m]})
            else:
                rows.append({"member_id": m, "status": "出席"})
        ledger.replace_children("attendance", mid, rows)
        meetings.append(mid)
        return mid

    for q, month in enumerate((3, 6, 9, 12)):
        meeting("支部党员大会", f"{year}-{month:02d}-10", f"第{q + 1}季度支部党员大会",
                absent=[(ids["陈𠀾"], "出差")] if q == 1 else ())
    for month in range(1, 13):
        meeting("支部委员会", f"{year}-{month:02d}-05", f"{month}月支部委员会")
        meeting("主题党日", f"{year}-{month:02d}-20", f"{month}月主题党日")
    meeting("党小组会", f"{year}-04-15", "学习党纪处分条例", party_group_id=group)
    meeting("党课", f"{year}-05-08", "学习贯彻党的二十届三中全会精神", lecturer_id=ids["王建国"])
    meeting("党课", f"{year}-10-08", "发扬斗争精神", lecturer_id=ids["张伟"])
    long_text = "\n".join(f"第{i + 1}段：" + "会议认真学习了有关文件精神，大家结合工作实际谈体会、找差距、定措施。" * 3
                          for i in range(long_minutes))
    meeting("组织生活会", f"{year}-12-20", "年度组织生活会暨民主评议党员",
            content=long_text or "对照检查，开展批评与自我批评。", guests="上级党委组织部 王某某")

    tr = ledger.insert("trainings", {"date": f"{year}-06-01", "title": "党员集中轮训", "hours": 160})
    ledger.replace_children("training_attendance", tr, [{"member_id": m, "hours": 160} for m in party])

    v1 = ledger.insert("volunteer_activities", {"date": f"{year}-03-05", "title": "学雷锋社区服务",
                                                  "place": "幸福社区", "kind": "志愿服务"})
    ledger.replace_children("volunteer_hours", v1, [
        {"member_id": ids["王建国"], "hours": 30}, {"member_id": ids["张伟"], "hours": 25},
        {"member_id": ids["刘䶮"], "hours": 15}])
    v2 = ledger.insert("volunteer_activities", {"date": f"{year}-07-01", "title": "为老旧小区加装扶手",
                                                  "place": "幸福社区", "kind": "办实事"})
    ledger.replace_children("volunteer_hours", v2, [
        {"member_id": ids["王建国"], "hours": 40}, {"member_id": ids["陈𠀾"], "hours": 20}])

    post = ledger.insert("pioneer_posts", {"kind": "先锋岗", "name": "设备检修党员先锋岗",
                                           "established_on": f"{year - 1}-01-01"})
    ledger.replace_children("post_members", post, [{"member_id": ids["张伟"]}, {"member_id": ids["刘䶮"]}])

    for m in party:
        for month in range(1, 13):
            paid = not (m == ids["陈𠀾"] and month >= 11)
            ledger.insert("dues", {"member_id": m, "month": f"{year}-{month:02d}", "amount_due": 4000,
                                   "amount_paid": 4000 if paid else 0,
                                   "paid_on": f"{year}-{month:02d}-15" if paid else None})
    for m in party:
        ledger.insert("appraisals", {"year": year, "member_id": m, "rating": "优秀" if m == ids["王建国"] else "合格"})
    ledger.insert("rectifications", {"problem": "党员学习形式单一", "status": "已完成",
                                     "deadline": f"{year}-06-30", "closed_on": f"{year}-06-20"})
    ledger.insert("rectifications", {"problem": "党建阵地建设不足", "status": "整改中",
                                     "deadline": f"{year + 1}-03-31"})
    return {"ids": ids, "meetings": meetings, "party": party, "group": group}


def sample_report(year: int = YEAR) -> dict:
    """A report in the documented ``Report.to_dict()`` shape, for checking how the
    述职报告 and 自评报告 turn verdicts into text independently of the engine's numbers."""
    def rule(code, name, kind, status, measured, target, message="", advice="", evidence=()):
        return {"code": code, "name": name, "kind": kind, "status": status, "measured": measured,
                "target": target, "message": message, "advice": advice, "evidence": list(evidence)}
    return {
        "year": year, "as_of": f"{year}-12-31", "standard_met": True, "score": 86.5, "stars": 3,
        "basics": [
            {"code": "ORG", "name": "基本组织", "score": 100.0, "rules": [
                rule("ORG-FORM", "正式党员人数", "否定", "达标", 6, "≥3", "正式党员6名")]},
            {"code": "TEAM", "name": "基本队伍", "score": 75.0, "rules": [
                rule("TEAM-TRAINING", "党员学习培训学时", "可控", "未达标", 16, 32,
                     "3名党员全年集中学习培训不足32学时", "为孙磊等3名党员安排集中培训，补足学时",
                     ["孙磊：16学时", "赵敏：16学时", "周婷：0学时"])]},
            {"code": "ACT", "name": "基本活动", "score": 80.0, "rules": [
                rule("ACT-CONGRESS", "支部党员大会", "否定", "达标", 4, 4, "每季度均召开支部党员大会"),
                rule("ACT-LESSON", "党课", "可控", "预警", 2, 4, "第一季度、第三季度未上党课。",
                     "每季度至少安排一次党课，书记带头讲党课。", ["第一季度", "第三季度"])]},
            {"code": "ROLE", "name": "基本作用", "score": 90.0, "rules": [
                rule("ROLE-DEEDS", "我为群众办实事", "弹性", "未达标", 1, 4, "全年办实事1件，少于4件",
                     "围绕群众急难愁盼再办3件实事")]},
            {"code": "SYS", "name": "基本制度", "score": 85.0, "rules": [
                rule("SYS-DUES", "党费按月足额缴纳", "可控", "达标", "97.2%", "100%", "")]},
            {"code": "SUP", "name": "基本保障", "score": 90.0, "rules": [
                rule("SUP-BRAND", "党建品牌", "弹性", "不适用", None, None, "")]},
        ],
        "next_star": {"stars": 4, "actions": ["12月安排一次党课", "为3名党员补足培训学时"]},
        "reminders": [{"date": f"{year}-12-20", "message": "组织生活会尚未召开"}],
    }
