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


def test_the_committee_list_agrees_with_the_rules(qtbot, tmp_path):
    """支部信息's 支委分工: 在任 exactly when the rules see the role held (end day in office;
    a holder who left the books is no longer 在任)."""
    from dangzhibu_desktop.ui.pages.lists import CommitteeList
    from dangzhibu_desktop.ui.session import Session

    lg, mid = _ledger(tmp_path)
    lg.insert("committee_roles", {"member_id": mid, "role": "书记", "start_date": "2024-01-01",
                                  "end_date": "2026-12-31"})
    left = lg.insert("members", {"name": "王离开", "left_on": "2026-06-30"})
    lg.insert("committee_roles", {"member_id": left, "role": "组织委员", "start_date": "2024-01-01"})
    session = Session(lg)
    page = CommitteeList(session)
    qtbot.addWidget(page)

    def states(day):
        session.today = day
        page.refresh()
        return {r["member_name"]: r["state"] for r in page.model.all_rows()}

    assert states(_dt.date(2026, 6, 29)) == {"叶庆辉": "在任", "王离开": "在任"}
    assert states(_dt.date(2026, 12, 31)) == {"叶庆辉": "在任", "王离开": "离任"}
    assert states(_dt.date(2027, 1, 1)) == {"叶庆辉": "离任", "王离开": "离任"}
    assert Snapshot(lg, 2026, _dt.date(2026, 12, 31)).secretary_ids(_dt.date(2026, 12, 31)) == [mid]
    lg.close()



def test_the_branch_dialog_shows_what_the_pages_show(qtbot, tmp_path, monkeypatch):
    """支部信息's 支委分工 and 党小组 tables are the pages' rows: 在任 exactly when
    ``committee_on`` holds the role (a holder who left the books, a post not yet begun: not 在任),
    and a 党小组's 党员人数 counts its 在册党员, not the applicants typed into the group."""
    from dangzhibu_desktop.ui.dialogs import misc
    from dangzhibu_desktop.views import lists as view

    lg, mid = _ledger(tmp_path)
    lg.insert("committee_roles", {"member_id": mid, "role": "书记", "start_date": "2024-01-01",
                                  "end_date": "2026-12-31"})
    left = lg.insert("members", {"name": "王离开", "left_on": "2026-06-30"})
    lg.insert("committee_roles", {"member_id": left, "role": "组织委员", "start_date": "2024-01-01"})
    soon = lg.insert("members", {"name": "赵新任"})
    lg.insert("committee_roles", {"member_id": soon, "role": "宣传委员", "start_date": "2027-01-01"})
    g = lg.insert("party_groups", {"name": "第一党小组"})
    full = lg.insert("members", {"name": "钱正式", "party_group_id": g})
    for step, day in ((1, "2010-03-01"), (3, "2010-09-01"), (7, "2011-10-01"), (15, "2012-06-01"),
                      (23, "2013-06-10")):
        lg.insert("development_steps", {"member_id": full, "step": step, "date": day})
    lg.insert("members", {"name": "孙申请", "party_group_id": g})  # an applicant on the books

    for day in (_dt.date(2026, 6, 29), _dt.date(2026, 12, 31), _dt.date(2027, 1, 1)):
        monkeypatch.setattr(misc, "iso_today", lambda day=day: day.isoformat())
        dlg = misc.BranchDialog(lg)
        qtbot.addWidget(dlg)
        shown = {r["member_name"]: r["state"] for r in dlg.committee_model.rows}
        held = {lg.get("members", r["member_id"])["name"] for r in lg.committee_on(day)}
        assert {n for n, s in shown.items() if s == "在任"} == held, day
        assert dlg.committee_model.rows == view.committee_rows(lg, day)
        assert [r["persons"] for r in dlg.groups_model.rows] == [1]
    assert held == {"赵新任"}
    lg.close()
