"""One answer to "how many 在册党员": the status bar, 支部信息, the 党小组 list, the printed and the
exported 花名册 and the rules count the same people — those on the books that day who are
正式党员 or 预备党员 (not an 入党积极分子 on the books, not someone with a past 离开本支部日期
whose 党籍状态 still reads 在册)."""

import datetime as _dt

from openpyxl import load_workbook

from dangzhibu_desktop.exports import export_document
from dangzhibu_desktop.rules.snapshot import Snapshot

DAY = _dt.date(2026, 6, 1)
FULL = [(1, "2010-03-01"), (3, "2010-09-01"), (7, "2011-10-01"), (15, "2012-06-01"), (23, "2013-06-10")]


def _branch(ledger):
    ledger.save_branch({"name": "第一党支部"})
    g = ledger.insert("party_groups", {"name": "第一党小组"})

    def person(name, steps, **extra):
        mid = ledger.insert("members", {"name": name, "gender": "女", "party_group_id": g, **extra})
        for step, day in steps:
            ledger.insert("development_steps", {"member_id": mid, "step": step, "date": day})
        return mid

    for name in ("王秀英", "李红", "张丽"):
        person(name, FULL)
    person("赵预备", [(1, "2022-03-01"), (3, "2022-09-01"), (7, "2023-10-01"), (15, "2025-12-01")])
    person("刘积极", [(1, "2025-03-01"), (3, "2025-09-01")])  # 入党积极分子 on the books
    person("陈离开", FULL, left_on="2026-03-31")  # left, 党籍状态 not yet changed
    person("周转出", FULL, status="转出", left_on="2025-12-31")
    return g


def test_every_place_counts_the_same_party_members(qtbot, ledger, tmp_path):
    from dangzhibu_desktop.ui.app import wait_until_loaded
    from dangzhibu_desktop.ui.main_window import MainWindow

    from .pdf_support import pdftext, squash

    _branch(ledger)
    expected = {"王秀英", "李红", "张丽", "赵预备"}
    assert {m["name"] for m in ledger.party_members_on(DAY)} == expected

    snap = Snapshot(ledger, 2026, DAY)
    assert {m["name"] for m in snap.party_members(DAY)} == expected

    win = MainWindow(ledger, persist=False)
    qtbot.addWidget(win)
    win.session.today = DAY
    win._update_members_status()
    assert win.members_status.text() == "在册党员 4 人"
    branch = win.show_page("branch")
    branch.refresh()
    assert branch.figure_labels["在册党员"].text() == "4 人"
    assert branch.figure_labels["入党积极分子"].text() == "1 人"
    groups = branch.groups
    groups.refresh()
    assert [r["persons"] for r in groups.model.all_rows()] == [4]

    # 打印党员花名册 prints the exported PDF itself
    page = win.show_page("export")
    page.ask_open = False
    page.year_box.setCurrentIndex(page.year_box.findData(2026))
    page.print_preview("roster")
    assert wait_until_loaded(win, page, 60)
    printed = squash(pdftext(page.last_printed))
    for name in expected | {"刘积极"}:
        assert name in printed
    assert "陈离开" not in printed and "周转出" not in printed

    out = export_document("roster", ledger, 2026, tmp_path / "花名册.xlsx")
    ws = load_workbook(out).worksheets[0]
    names = {r[1].value for r in ws.iter_rows() if isinstance(r[0].value, int)}
    assert names == expected


def test_the_meeting_editor_and_the_signin_sheet_expect_the_same_people(qtbot, ledger):
    """应到 is Ledger.expected_at: the editor's attendance list and the 签到表 agree, for the whole
    branch, a 党小组会 and a 支部委员会 (a 支委 who left the books is not expected)."""
    from dangzhibu_desktop.exports.signin import expected_people
    from dangzhibu_desktop.ui.dialogs import MeetingDialog

    group = _branch(ledger)
    ids = {m["name"]: m["id"] for m in ledger.rows("members")}
    ledger.insert("committee_roles", {"member_id": ids["王秀英"], "role": "书记", "start_date": "2024-01-01"})
    ledger.insert("committee_roles", {"member_id": ids["陈离开"], "role": "组织委员", "start_date": "2024-01-01"})
    for kind, extra in (("支部党员大会", {}), ("党小组会", {"party_group_id": group}), ("支部委员会", {})):
        mid = ledger.insert("meetings", {"kind": kind, "date": DAY.isoformat(), **extra})
        meeting = ledger.get("meetings", mid)
        sheet = [p["name"] for p in expected_people(ledger, meeting)]
        dlg = MeetingDialog(ledger, mid)
        qtbot.addWidget(dlg)
        editor = [r["name"] for r in dlg.model.rows]
        assert sorted(sheet) == sorted(editor) == sorted(m["name"] for m in ledger.expected_at(DAY, kind, extra.get(
            "party_group_id"))), kind
    assert [m["name"] for m in ledger.expected_at(DAY, "支部委员会")] == ["王秀英"]
