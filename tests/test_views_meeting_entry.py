"""views.meeting_entry: the last meeting of a kind remembers 地点/时间/主持人/记录人, and
复制上次会议 copies it without its date (plain pytest, no Qt)."""

from __future__ import annotations

from dangzhibu_desktop.views.meeting_entry import copy_of, last_meeting, remembered_values, topic_for

from . import ui_shell_data as data


def test_last_meeting_of_a_kind_and_group(ledger):
    built = data.build(ledger)
    g1, g2 = built["groups"]
    assert last_meeting(ledger, "主题党日")["date"] == f"{data.YEAR}-04-15"
    assert last_meeting(ledger)["date"] == f"{data.YEAR}-04-15"  # any kind: the latest
    assert last_meeting(ledger, "支部党员大会")["date"] == f"{data.YEAR}-03-20"
    assert last_meeting(ledger, "党课") is None
    a = ledger.insert("meetings", {"kind": "党小组会", "date": f"{data.YEAR}-05-08", "party_group_id": g1,
                                   "place": "一楼会议室"})
    b = ledger.insert("meetings", {"kind": "党小组会", "date": f"{data.YEAR}-05-02", "party_group_id": g2,
                                   "place": "车间班组室"})
    assert last_meeting(ledger, "党小组会", g2)["id"] == b
    assert last_meeting(ledger, "党小组会")["id"] == a
    assert last_meeting(ledger, "党小组会", g1, exclude=a) is None
    ledger.delete("meetings", b)
    assert last_meeting(ledger, "党小组会", g2) is None  # the 回收站 remembers nothing


def test_remembered_values_are_the_last_filled_in(ledger):
    built = data.build(ledger)
    ids = built["ids"]
    assert remembered_values(ledger, "主题党日") == {
        "place": "党员活动室", "start_time": "14:30", "end_time": "16:00",
        "host_id": ids["王建国"], "recorder_id": ids["李红梅"]}
    # The 大会 had no place or times: only what it recorded.
    assert remembered_values(ledger, "支部党员大会") == {"host_id": ids["王建国"], "recorder_id": ids["李红梅"]}
    assert remembered_values(ledger, "党课") == {}


def test_copy_leaves_the_date_and_the_attendance(ledger):
    built = data.build(ledger)
    ids = built["ids"]
    last = last_meeting(ledger, "主题党日")
    ledger.update("meetings", last["id"], {"guests": "社区书记"})
    c = copy_of(ledger, last["id"])
    assert "date" not in c and "content" not in c and "attendance" not in c
    assert c == {"kind": "主题党日", "place": "党员活动室", "start_time": "14:30", "end_time": "16:00",
                 "host_id": ids["王建国"], "recorder_id": ids["李红梅"], "vote": 0,
                 "topic": "4月主题党日：学习党的二十届三中全会精神", "guests": "社区书记", "topic_month": 4}
    assert copy_of(ledger, 99999) == {}
    # A 议题 naming another month than its meeting's is no pattern.
    ledger.update("meetings", last["id"], {"topic": "3月工作回顾"})
    assert "topic_month" not in copy_of(ledger, last["id"])


def test_topic_follows_the_month():
    assert topic_for("4月主题党日：学习", 4, 6) == "6月主题党日：学习"
    assert topic_for("4月主题党日：学习", 4, 12) == "12月主题党日：学习"
    assert topic_for("4月主题党日：学习", 4, None) == "4月主题党日：学习"
    assert topic_for("4月主题党日：学习", None, 6) == "4月主题党日：学习"
    assert topic_for("14月", 4, 6) == "14月"
    assert topic_for("学习全会精神", 4, 6) == "学习全会精神"
