"""One answer to "who is 书记 on day D": the ledger, the rules and the exports agree."""

import datetime as _dt

from dangzhibu_desktop.ledger.store import Ledger, in_office
from dangzhibu_desktop.rules.snapshot import Snapshot
from dangzhibu_desktop.exports.common import Job, secretary_id


def _ledger(tmp_path, **member):
    lg = Ledger(tmp_path / "t.sqlite", create=True, auto_backup=False)
    lg.save_branch({"name": "测试支部"})
    mid = lg.insert("members", {"name": "叶庆辉", **member})
    return lg, mid


def test_in_office_end_day_is_last_day():
    assert in_office("2026-01-01", "2026-12-31", "2026-12-31")
    assert not in_office("2026-01-01", "2026-12-31", "2027-01-01")
    assert in_office("2026-01-01", None, "2030-01-01")
    assert not in_office("2026-01-02", None, "2026-01-01")
    assert not in_office(None, None, "2026-01-01")


def test_secretary_whose_role_ends_on_the_day(tmp_path):
    lg, mid = _ledger(tmp_path)
    lg.insert("committee_roles", {"member_id": mid, "role": "书记",
                                  "start_date": "2024-01-01", "end_date": "2026-12-31"})
    day = _dt.date(2026, 12, 31)
    assert lg.secretary_on(day)["member_id"] == mid
    assert lg.secretary_on(_dt.date(2027, 1, 1)) is None
    snap = Snapshot(lg, 2026, day)
    assert snap.secretary_ids(day) == [mid]
    assert secretary_id(Job(lg, 2026), day) == mid


def test_secretary_who_left_the_books_is_vacant(tmp_path):
    lg, mid = _ledger(tmp_path, left_on="2025-06-30")
    lg.insert("committee_roles", {"member_id": mid, "role": "书记", "start_date": "2024-01-01"})
    day = _dt.date(2025, 12, 31)
    assert lg.secretary_on(_dt.date(2025, 6, 29))["member_id"] == mid
    assert lg.secretary_on(day) is None
    assert Snapshot(lg, 2025, day).secretary_ids(day) == []
    assert secretary_id(Job(lg, 2025), day) is None
