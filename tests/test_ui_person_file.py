"""党员档案 and 搜索全部台账 in the window (pytest-qt on the shell test ledger): the 名册's 查看档案
shows what the SQLite file holds for that person; typing a Chinese name into the toolbar's search
box and pressing Enter jumps to the record."""

from __future__ import annotations

from PySide6.QtCore import Qt

from dangzhibu_desktop.ui import editing
from dangzhibu_desktop.views.person import person_file
from tests.ui_support import db_rows, type_text


def _member_id(window, name):
    return db_rows(window.ledger.path, "SELECT id FROM members WHERE name = ?", (name,))[0][0]


def test_the_roster_opens_a_members_file(window, qtbot, monkeypatch):
    page = window.show_page("members")
    wang = _member_id(window, "王建国")
    assert page.select_id(wang)
    qtbot.mouseClick(page.file_button, Qt.LeftButton)
    dlg = page.file_dialog
    qtbot.waitUntil(dlg.isVisible)
    assert "王建国" in dlg.windowTitle() and "正式党员" in dlg.header.text()
    statuses = dict(db_rows(window.ledger.path,
                            "SELECT a.status, COUNT(*) FROM attendance a JOIN meetings t ON t.id = a.meeting_id "
                            "WHERE a.member_id = ? AND t.date LIKE '2025-%' GROUP BY a.status", (wang,)))
    assert statuses == {"出席": 1, "请假": 4}
    card = dlg.cards["meetings"].text()
    assert "出席 <b>1</b>" in card and "请假 <b>4</b>" in card and "缺席 <b>0</b>" in card
    assert dlg.tabs.tabText(1) == "组织生活（5）"
    f = person_file(window.ledger, wang, 2025, window.session.today)
    assert f"/ {f.training.need:g} 学时" in dlg.cards["training"].text() and f.training.committee  # the 书记
    assert dlg.steps_model.total() == 25
    assert dlg.views["dues"][1].row(0)["state"] == "已交纳"  # January paid

    opened = []
    monkeypatch.setattr(editing, "edit_record", lambda parent, ledger, table, row_id=None, defaults=None:
                        opened.append((table, row_id)))
    dlg.tabs.setCurrentIndex(1)
    view, model = dlg.views["meetings"]
    first = model.row(0)
    qtbot.waitUntil(view.isVisible)
    rect = view.visualRect(model.index(0, 0))
    qtbot.mouseClick(view.viewport(), Qt.LeftButton, pos=rect.center())  # a double-click starts with a press
    qtbot.mouseDClick(view.viewport(), Qt.LeftButton, pos=rect.center())
    assert opened == [("meetings", first["meeting_id"])]

    dlg.year_box.setCurrentIndex(dlg.year_box.findData(2024))
    assert dlg.file.year == 2024 and dlg.tabs.tabText(1) == "组织生活（0）"
    dlg.close()


def test_search_a_chinese_name_from_the_toolbar_jumps_to_the_record(window, qtbot):
    window.show_page("dashboard")
    box = window.search_box
    box.setFocus()
    type_text(qtbot, box, "李红梅")
    qtbot.keyClick(box, Qt.Key_Return)
    dlg = window.search_dialog
    qtbot.waitUntil(dlg.isVisible)
    assert [(h.kind, h.title) for h in dlg.hits] == [("党员", "李红梅")]
    qtbot.keyClick(dlg.box, Qt.Key_Return)
    page = window.current_page()
    assert page.slug == "members"
    li = _member_id(window, "李红梅")
    assert page.selected_ids() == [li]


def test_search_finds_a_meeting_topic_in_another_year_with_a_filter_set(window, qtbot):
    """The 三会一课 page shows 2024 and filters 党课: the jump chooses 2025 and clears the
    filter and the page's own search so the meeting is listed and selected."""
    meetings = window.show_page("meetings")
    meetings.set_year(2024)
    meetings.set_filter("kind", "党课")
    meetings.search.setText("不相干")
    window.show_page("trainings")
    window.act_search.trigger()
    dlg = window.search_dialog
    type_text(qtbot, dlg.box, "年度工作部署")
    assert [h.kind for h in dlg.hits] == ["会议"]
    qtbot.mouseClick(dlg.go_button, Qt.LeftButton)
    assert window.current_page() is meetings
    mid = db_rows(window.ledger.path, "SELECT id FROM meetings WHERE topic = '年度工作部署'")[0][0]
    assert meetings.selected_year() == 2025 and meetings.selected_ids() == [mid]


def test_search_opens_a_persons_file(window, qtbot):
    dlg = window.open_search("张伟")
    assert dlg.file_button.isEnabled()
    qtbot.mouseClick(dlg.file_button, Qt.LeftButton)
    file_dialog = window.page("members").file_dialog
    assert file_dialog.member_id == _member_id(window, "张伟")
    assert "安全生产党员先锋岗" in [r["name"] for r in file_dialog.views["posts"][1].all_rows()]
    file_dialog.close()


def test_the_file_follows_an_edit_made_elsewhere(window, qtbot):
    """A meeting saved on another page shows in the open 档案; a person sent to the 回收站 closes it."""
    page = window.show_page("members")
    zhang = _member_id(window, "张伟")
    dlg = page.show_file(zhang)
    qtbot.waitUntil(dlg.isVisible)
    before = dlg.file.attendance["缺席"]
    with window.ledger.transaction():
        mid = window.ledger.insert("meetings", {"kind": "党课", "date": "2025-05-30", "topic": "补录的党课"})
        window.ledger.replace_children("attendance", mid, [{"member_id": zhang, "status": "缺席",
                                                            "reason": "无故缺席"}])
    window.session.notify_changed("meetings")
    assert dlg.file.attendance["缺席"] == before + 1
    assert "缺席 <b>1</b>" in dlg.cards["meetings"].text()
    with window.ledger.transaction():
        window.ledger.delete("members", zhang)
    window.session.notify_changed("members")
    qtbot.waitUntil(lambda: not dlg.isVisible())


def test_the_development_page_opens_an_applicants_file(window, qtbot):
    page = window.show_page("development")
    sun = _member_id(window, "孙丽")
    assert page.select_id(sun)
    qtbot.mouseClick(page.file_button, Qt.LeftButton)
    dlg = page.file_dialog
    assert dlg.member_id == sun and "入党积极分子" in dlg.header.text()
    dates = [r["date"] for r in dlg.categories_model.all_rows()]
    assert dates == ["2024-02-01", "2024-08-01"]  # 申请 (step 1), 积极分子 (step 3)
    assert dlg.next_label.text().startswith("发展流程下一步：4 ")
    assert "不考核" in dlg.cards["training"].text() and "无需交纳党费" in dlg.cards["dues"].text()
    dlg.close()


def test_ctrl_f_on_a_page_without_a_list_goes_to_the_search_across_pages(window, qtbot):
    window.show_page("dashboard")
    window.act_find.trigger()
    assert window.search_box.hasFocus()
    meetings = window.show_page("meetings")
    window.act_find.trigger()
    assert meetings.search.hasFocus()


def test_the_file_leads_to_the_persons_development_record(window, qtbot):
    zhao = _member_id(window, "赵磊")
    dlg = window.show_member_file(zhao)
    assert dlg.export_button.isEnabled()
    qtbot.mouseClick(dlg.export_button, Qt.LeftButton)
    page = window.current_page()
    assert page.slug == "export" and page.kind() == "development" and page.member_id() == zhao
    assert page.year() == 2025 and "赵磊" in page.out_edit.text()
