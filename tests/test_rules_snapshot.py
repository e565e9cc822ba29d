"""The snapshot's shortcuts (counts in SQL, only the people in the window read whole) give the
same answers as walking every row and every person would."""

from dangzhibu_desktop.rules import evaluate
from dangzhibu_desktop.rules.snapshot import Snapshot
from tests.rules_support import D, compliant_branch, full_member, meeting, person, rule


def test_people_in_the_window_are_those_of_the_whole_roster(ledger):
    ids = compliant_branch(ledger)
    gone = full_member(ledger, "早已转出", since="2001-05-01", left_on="2015-03-01")
    left = full_member(ledger, "年内转出", since="2003-05-01", left_on="2025-06-30")
    later = full_member(ledger, "年内转入", since="2004-05-01", joined_branch_on="2025-04-01")
    applicant = person(ledger, "申请人", {1: "2025-02-01"})
    snap = Snapshot(ledger, 2025, D(2025, 12, 31))
    assert snap.name(gone) == "早已转出"  # kept by name for evidence
    for day in (D(2024, 1, 1), D(2025, 3, 31), D(2025, 6, 29), D(2025, 6, 30), D(2025, 12, 31), D(2023, 6, 1)):
        for cats in (("正式党员", "预备党员"), ("正式党员",), ("入党申请人",)):
            walked = [m["id"] for m in snap.members.values()
                      if snap.on_books(m, day) and snap.category(m["id"], day) in cats]
            assert [m["id"] for m in snap.people(day, cats)] == walked, (day, cats)
    on_year_end = {m["id"] for m in snap.party_members()}
    assert on_year_end == set(ids) | {later} and gone not in on_year_end and left not in on_year_end
    assert [m["id"] for m in snap.people(categories=("入党申请人",))] == [applicant]
    assert snap.members[left]["left_on"] == "2025-06-30"  # whole row: on the books in the window


def test_attendance_counts_and_absentees(ledger):
    ids = compliant_branch(ledger, n=6)
    attend = {i: "出席" for i in ids[:3]} | {ids[3]: "请假", ids[4]: "缺席", ids[5]: "出席"}
    m = meeting(ledger, "支部党员大会", "2025-12-20", attend, vote=1)
    snap = Snapshot(ledger, 2025, D(2025, 12, 31))
    assert snap.attendance_counts[m] == (6, 4)
    rows = snap.attendance_rows([m])[m]
    assert [r["member_id"] for r in rows] == sorted(ids) and rows[3]["status"] == "请假"
    r = rule(ledger, "ACT-ATTENDANCE")
    low = [e for e in r.evidence if e.startswith("2025-12-20")]
    assert low == ["2025-12-20支部党员大会：应到6人，实到4人；党员3（请假）、党员4（缺席）"]
    q = rule(ledger, "ACT-QUORUM")
    assert "2025-12-20支部党员大会议题：有表决权的正式党员6名，到会4名" in q.evidence


def test_odd_hours_are_still_met_row_by_row(ledger):
    ids = compliant_branch(ledger)
    assert rule(ledger, "TEAM-TRAINING").status == "达标"
    assert rule(ledger, "ROLE-VOLUNTEER").status == "达标"
    # Data no editor can write (a text in an hours column): summed in SQL it would quietly
    # become a number; the rules meet it as before and say so.
    ledger.conn.execute("UPDATE training_attendance SET hours = 'abc' WHERE member_id = ?", (ids[1],))
    ledger.conn.execute("UPDATE volunteer_hours SET hours = 'abc' WHERE member_id = ?", (ids[2],))
    report = evaluate(ledger, 2025, D(2025, 12, 31))
    for code in ("TEAM-TRAINING", "ROLE-VOLUNTEER"):
        r = report.rule(code)
        assert r.status == "预警" and "TypeError" in r.message, code


def test_development_training_counts_the_persons_own_attendance(ledger):
    compliant_branch(ledger)
    new = person(ledger, "新党员", [(1, "2023-01-05"), (3, "2023-06-01"), (7, "2024-07-01"), (9, "2025-01-10", {"persons": "党员0、党员1"}),
                                 (11, "2025-02-01", {"note": "党校培训"}), (15, "2025-12-01")])
    other = person(ledger, "旁人", {1: "2023-01-05"})
    t = ledger.insert("trainings", {"date": "2025-11-01", "title": "发展对象培训", "hours": 200, "kind": "党校培训"})
    ledger.replace_children("training_attendance", t, [{"member_id": new, "hours": 100}, {"member_id": other, "hours": 200}])
    r = rule(ledger, "TEAM-DEV-TRAIN")
    # The 3 trainings of compliant_branch (20 学时 each, attended by others) and 10 学时 of his own:
    # only his own count — 10 学时 on 1 day, short of 3 days or 24 学时.
    assert r.status == "未达标" and r.evidence == ["新党员的集中培训仅1天、10学时"]
