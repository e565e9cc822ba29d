"""A ledger with a little of every table, for the package and import tests."""


def fill(led):
    """A little of every table, including a row in the 回收站."""
    led.save_branch({"name": "第一党支部", "parent_org": "集团公司党委", "committee_elected_on": "2024-03-01"})
    g = led.insert("party_groups", {"name": "第一党小组"})
    a = led.insert("members", {"name": "王秀英", "gender": "女", "id_number": "11010519491231002X",
                               "birth_date": "1949-12-31", "party_group_id": g, "mobile": 1, "dues_class": "离退休"})
    b = led.insert("members", {"name": "张伟", "party_group_id": g})
    led.update("party_groups", g, {"leader_id": a})
    led.insert("development_steps", {"member_id": a, "step": 15, "date": "1975-07-01"})
    led.insert("development_steps", {"member_id": a, "step": 23, "date": "1976-07-01", "outcome": "按期转正"})
    led.insert("committee_roles", {"member_id": a, "role": "书记", "start_date": "2024-03-01"})
    m = led.insert("meetings", {"kind": "支部党员大会", "date": "2025-03-05", "host_id": a, "recorder_id": b,
                                "topic": "学习贯彻全会精神", "content": "会议传达学习……", "vote": 1})
    led.replace_children("attendance", m, [{"member_id": a, "status": "出席"},
                                           {"member_id": b, "status": "请假", "reason": "出差"}])
    t = led.insert("trainings", {"date": "2025-04-01", "title": "党纪学习教育", "hours": 35})
    led.replace_children("training_attendance", t, [{"member_id": a, "hours": 35}, {"member_id": b, "hours": 20}])
    v = led.insert("volunteer_activities", {"date": "2025-05-01", "title": "社区清扫", "kind": "志愿服务"})
    led.replace_children("volunteer_hours", v, [{"member_id": b, "hours": 25}])
    p = led.insert("pioneer_posts", {"kind": "先锋岗", "name": "调度先锋岗", "established_on": "2024-01-01"})
    led.replace_children("post_members", p, [{"member_id": b, "role": "岗长", "since": "2024-01-01"}])
    led.insert("dues", {"member_id": a, "month": "2025-01", "base_income": 480000, "rate": 0.005,
                        "amount_due": 2400, "amount_paid": 2400, "paid_on": "2025-01-10"})
    led.insert("appraisals", {"year": 2024, "member_id": a, "rating": "优秀"})
    led.insert("rectifications", {"problem": "会议记录不规范", "status": "已完成", "closed_on": "2025-02-01",
                                  "owner_id": a, "deadline": "2025-03-01"})
    led.insert("checklist", {"rule_code": "SUP-VENUE", "year": 2025, "met": 1, "evidence": "党员活动室"})
    gone = led.insert("meetings", {"kind": "党课", "date": "2025-01-05", "lecturer_id": a})
    led.delete("meetings", gone)
