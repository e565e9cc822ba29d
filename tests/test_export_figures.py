"""The year's figures (exports/figures.py) against small ledgers stated inline."""

import datetime as _dt

from dangzhibu_desktop.exports.common import Job
from dangzhibu_desktop.exports.figures import year_figures
from tests.rules_support import full_member


def figures(ledger, as_of=_dt.date(2025, 6, 30)):
    return year_figures(Job(ledger, 2025, today=as_of))


def test_post_holders_only_while_on_a_post_in_the_year(ledger):
    # As of 2025-06-30: on the post March–May and on it with no dates count; one put on it
    # from July (after the as-of day) and one who left at the end of 2024 do not.
    spring, later, last_year, always = (full_member(ledger, n) for n in ("春季", "七月起", "去年", "常在"))
    post = ledger.insert("pioneer_posts", {"kind": "先锋岗", "name": "党员先锋岗"})
    ledger.replace_children("post_members", post, [
        {"member_id": spring, "since": "2025-03-01", "until": "2025-05-31"},
        {"member_id": later, "since": "2025-07-01"},
        {"member_id": last_year, "until": "2024-12-31"},
        {"member_id": always},
    ])
    assert figures(ledger).post_members == 2
    # Boundary: a holder from the as-of day and one until 1 January both count.
    ledger.replace_children("post_members", post, [
        {"member_id": later, "since": "2025-06-30"}, {"member_id": last_year, "until": "2025-01-01"}])
    assert figures(ledger).post_members == 2


def test_rectifications_closed_in_the_year_and_still_open(ledger):
    # Closed 2025-03-01: 已整改; closed in 2024: neither; open (整改中): still being rectified.
    ledger.insert("rectifications", {"problem": "阵地建设", "status": "已完成", "closed_on": "2025-03-01"})
    ledger.insert("rectifications", {"problem": "去年问题", "status": "已完成", "closed_on": "2024-11-01"})
    ledger.insert("rectifications", {"problem": "学习制度", "status": "整改中"})
    ledger.insert("rectifications", {"problem": "七月发现", "status": "未开始"})
    ledger.insert("rectifications", {"problem": "当天发现", "status": "未开始"})
    # Entered on the days they were found (the stamp is the day of typing): one in May, one
    # on the as-of day (counts), one in July — after it, not yet a problem being rectified then.
    for problem, day in (("学习制度", "2025-05-10"), ("七月发现", "2025-07-01"), ("当天发现", "2025-06-30")):
        ledger.conn.execute("UPDATE rectifications SET created_at = ? WHERE problem = ?", (f"{day}T09:00:00", problem))
    f = figures(ledger)
    assert f.rectified == ["阵地建设"] and f.rectifying == ["学习制度", "当天发现"]


def test_theme_day_topics_are_the_theme_days_own(ledger):
    # Only 主题党日 with a topic; a 党课's topic and a 主题党日 without one are not listed; a
    # 主题党日 after the as-of day is not held yet.
    ledger.insert("meetings", {"kind": "主题党日", "date": "2025-03-05", "topic": "学雷锋志愿服务"})
    ledger.insert("meetings", {"kind": "主题党日", "date": "2025-04-05"})
    ledger.insert("meetings", {"kind": "党课", "date": "2025-04-10", "topic": "廉政党课"})
    ledger.insert("meetings", {"kind": "主题党日", "date": "2025-07-05", "topic": "七一重温入党誓词"})
    f = figures(ledger)
    assert f.theme_topics == ["学雷锋志愿服务"] and f.meetings["主题党日"] == 2


def test_training_sessions_count_only_those_party_members_attended(tmp_path):
    """Issue #15: "组织党员教育培训N期" counts sessions with a 党员 attending — a 发展对象 class
    alone is not one — and the 学时 and topics follow the same sessions."""
    import datetime as _dt

    from dangzhibu_desktop.exports.common import Job
    from dangzhibu_desktop.exports.figures import year_figures
    from dangzhibu_desktop.ledger import open_ledger

    with open_ledger(tmp_path / "t.sqlite", create=True, auto_backup=False) as led:
        led.save_branch({"name": "第一党支部"})
        wang = led.insert("members", {"name": "王建国"})
        for step, day in ((15, "2000-07-01"), (23, "2001-07-05")):
            led.insert("development_steps", {"member_id": wang, "step": step, "date": day})
        li = led.insert("members", {"name": "李发展"})
        for step, day in ((1, "2023-03-01"), (3, "2023-09-01"), (7, "2024-09-01")):
            led.insert("development_steps", {"member_id": li, "step": step, "date": day})
        both = led.insert("trainings", {"date": "2025-03-01", "title": "二十届三中全会精神", "hours": 40})
        led.replace_children("training_attendance", both, [{"member_id": wang, "hours": 40},
                                                           {"member_id": li, "hours": 40}])
        cls = led.insert("trainings", {"date": "2025-05-01", "title": "发展对象培训班", "hours": 240})
        led.replace_children("training_attendance", cls, [{"member_id": li, "hours": 240}])
        led.insert("trainings", {"date": "2025-06-01", "title": "无人登记", "hours": 20})
        f = year_figures(Job(led, 2025, today=_dt.date(2026, 3, 1)))
    assert f.trainings == 1 and [t["title"] for t in f.training_sessions] == ["二十届三中全会精神"]
    assert (f.trained_members, f.training_person_times, f.training_tenths) == (1, 1, 40)
    assert [r[2] for r in f.topic_records if r[2] in ("发展对象培训班", "无人登记", "二十届三中全会精神")] == [
        "二十届三中全会精神"]
