"""The window shell: pages, flows a person does, first run, screenshots — asserting on the file."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from dangzhibu_desktop.ui import settings as ui_settings
from dangzhibu_desktop.ui.app import render_screenshots, run_window, wait_until_loaded
from dangzhibu_desktop.ui.first_run import FirstRunDialog
from dangzhibu_desktop.ui.main_window import PAGE_CLASSES

from . import ui_shell_data as data
from .ui_support import db_rows, run_modal

NAV_TITLES = ["工作台", "支部信息", "党员名册", "发展党员", "三会一课", "教育培训", "志愿服务", "先锋岗",
              "党费", "整改台账", "谈心谈话", "组织关系转接", "创星评估", "导出打印", "设置与备份"]


@pytest.fixture
def yes(monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.Yes)


def test_navigation_has_every_page_in_order(window):
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert titles == NAV_TITLES
    assert [p.title for p in window.pages] == titles
    assert len({cls.slug for cls in PAGE_CLASSES}) == 15
    assert str(window.ledger.path) in window.file_status.text()
    assert window.members_status.text() == "在册党员 6 人"  # 5 正式 + 1 预备, applicants not counted


def test_recent_menu_lists_other_ledgers(window, tmp_path):
    from dangzhibu_desktop.ui import opening

    other = tmp_path / "别的支部.sqlite"
    other.write_bytes(b"")
    opening.remember(other)
    opening.remember(window.ledger.path)
    window._fill_recent_menu()
    assert [a.text() for a in window.recent_menu.actions()] == [str(other.resolve())]


def test_shortcuts_are_wired(window):
    shortcuts = {a.text(): a.shortcut().toString() for a in window.actions()}
    assert shortcuts["新建"] == "Ctrl+N"
    assert shortcuts["查找"] == "Ctrl+F"
    assert shortcuts["刷新"] == "F5"
    assert shortcuts["删除"] == "Del"
    page = window.show_page("meetings")
    window.act_find.trigger()
    assert page.search.hasFocus() or QApplication.focusWidget() is page.search


def test_filter_and_search_a_table(window, qtbot):
    page = window.show_page("meetings")
    page.set_year(data.YEAR)
    assert page.proxy.rowCount() == 5
    page.set_filter("kind", "支部党员大会")
    assert page.proxy.rowCount() == 1
    assert page.proxy.row_dict(0)["topic"] == "年度工作部署"
    assert "筛选后 1 条" in page.count_label.text()
    page.set_filter("kind", None)
    page.search.setText("3月主题党日")  # QTest types ASCII only
    assert page.proxy.rowCount() == 1
    assert page.proxy.row_dict(0)["date"] == f"{data.YEAR}-03-15"
    page.search.clear()
    page.set_year(data.YEAR - 1)
    assert page.proxy.rowCount() == 0
    members = window.show_page("members")
    members.set_filter("category", "入党积极分子")
    assert [members.proxy.row_dict(i)["name"] for i in range(members.proxy.rowCount())] == ["孙丽"]


def test_delete_to_recycle_bin_and_restore(window, qtbot, yes, ledger_path):
    page = window.show_page("rectifications")
    names = [page.proxy.row_dict(i)["problem"] for i in range(page.proxy.rowCount())]
    row = names.index("理论学习不够系统")
    rid = page.proxy.row_id(row)
    page.view.selectRow(row)
    qtbot.keyClick(page.view, Qt.Key_Delete)
    assert db_rows(ledger_path, "SELECT deleted_at IS NOT NULL FROM rectifications WHERE id = ?", (rid,)) == [(1,)]
    assert page.proxy.rowCount() == 1
    settings = window.show_page("settings")
    titles = [settings.bin_model.row(i)["title"] for i in range(settings.bin_model.total())]
    assert titles == ["理论学习不够系统"]
    settings.bin_view.selectRow(0)
    settings.restore_deleted()
    assert db_rows(ledger_path, "SELECT deleted_at FROM rectifications WHERE id = ?", (rid,)) == [(None,)]
    assert settings.bin_model.total() == 0
    page = window.show_page("rectifications")
    assert page.proxy.rowCount() == 2
    actions = [settings.audit_model.row(i)["action"] for i in range(3)]
    settings.ensure_fresh()
    assert actions[:2] == ["恢复", "删除"]


def test_ctrl_z_brings_back_the_last_deletion(window, qtbot, yes, ledger_path):
    page = window.show_page("trainings")
    page.set_year(data.YEAR)
    rid = page.proxy.row_id(0)
    page.view.selectRow(0)
    page.delete_selected()
    assert db_rows(ledger_path, "SELECT deleted_at IS NOT NULL FROM trainings WHERE id = ?", (rid,)) == [(1,)]
    assert page.model.total() == 0
    qtbot.keyClick(page.view, Qt.Key_Z, Qt.ControlModifier)
    assert db_rows(ledger_path, "SELECT deleted_at FROM trainings WHERE id = ?", (rid,)) == [(None,)]
    assert page.model.total() == 1
    assert not page.can_undo_delete()


def test_add_member_through_the_editor(window, qtbot, ledger_path):
    page = window.show_page("members")
    before = page.model.total()

    def fill(dlg):
        dlg.field_widgets["name"].insert("吴新")
        assert dlg.save()

    run_modal(qtbot, window.act_new.trigger, fill)
    assert db_rows(ledger_path, "SELECT COUNT(*) FROM members WHERE name = '吴新'") == [(1,)]
    assert page.model.total() == before + 1
    assert any(page.model.row(i)["name"] == "吴新" for i in range(page.model.total()))


def test_bad_id_number_is_refused_in_the_editor(window, qtbot, ledger_path):
    window.show_page("members")
    messages = []

    def fill(dlg):
        dlg.field_widgets["name"].insert("钱错号")
        qtbot.keyClicks(dlg.field_widgets["id_number"], "110101199003070000")
        assert not dlg.save()
        messages.append(dlg.ui.errorLabel.text())
        dlg.ask_unsaved = lambda: QMessageBox.StandardButton.Discard
        dlg.reject()

    run_modal(qtbot, window.act_new.trigger, fill)
    assert "身份证" in messages[0]
    assert db_rows(ledger_path, "SELECT COUNT(*) FROM members WHERE name = '钱错号'") == [(0,)]


def test_add_volunteer_hours_through_the_page(window, qtbot, ledger_path):
    page = window.show_page("volunteer")
    page.set_year(data.YEAR)

    def fill(dlg):
        dlg.field_widgets["title"].insert("社区垃圾分类宣传")
        dlg.ui.defaultHoursEdit.setText("2.5")
        dlg.ui.selectAllButton.click()
        assert dlg.save(), dlg.ui.errorLabel.text()

    run_modal(qtbot, page.new_button.click, fill)
    rows = db_rows(ledger_path, "SELECT COUNT(*), SUM(h.hours) FROM volunteer_hours h JOIN volunteer_activities a "
                            "ON a.id = h.activity_id WHERE a.title = '社区垃圾分类宣传'")
    n, total = rows[0]
    assert n >= 6 and total == 25 * n
    page.set_year(None)
    found = [page.model.row(i) for i in range(page.model.total())
             if page.model.row(i)["title"] == "社区垃圾分类宣传"]
    assert found and found[0]["persons"] == n and found[0]["total_hours"] == 25 * n


def test_recording_a_meeting_changes_the_dashboard_cell(window, qtbot, ledger):

    from dangzhibu_desktop import rules

    if not hasattr(rules, "meeting_grid"):
        pytest.skip("rules.meeting_grid not available")
    dash = window.show_page("dashboard")
    dash.set_year(data.YEAR)
    assert wait_until_loaded(window, dash, 30)
    assert dash.meeting_grid.cell_status("主题党日", 5) == "missing"
    assert dash.meeting_grid.cell_status("主题党日", 4) == "done"
    host = ledger.query("SELECT id FROM members WHERE name = '王建国'")[0]["id"]
    mid = ledger.insert("meetings", {"kind": "主题党日", "date": f"{data.YEAR}-05-20", "topic": "五月主题党日",
                                     "host_id": host, "recorder_id": host})
    ledger.replace_children("attendance", mid, [{"member_id": host, "status": "出席"}])
    window.session.notify_changed("meetings")
    assert wait_until_loaded(window, dash, 30)
    assert dash.meeting_grid.cell_status("主题党日", 5) == "done"
    # The headline is the year-end projection; the score as of today is labelled 截至目前.
    proj = dash.data["report"]["projection"]
    assert dash.stars.stars() == proj["with_plan"]["stars"]
    assert dash.projection_label.text().startswith("按计划可达 ") and " · 若不再行动 " in dash.projection_label.text()
    assert dash.score_label.text() == f"{dash.data['report']['score']:.1f} 分"


def test_first_run_creates_a_ledger(qtbot, tmp_path):
    dlg = FirstRunDialog()
    qtbot.addWidget(dlg)
    target = tmp_path / "新支部.sqlite"
    dlg.path_edit.setText(str(target))
    assert not dlg.create()  # no name yet
    assert dlg.error_label.text() == "请填写支部名称"
    assert not target.exists()
    dlg.name_edit.insert("新建测试党支部")
    dlg.parent_edit.insert("某某党委")
    qtbot.mouseClick(dlg.create_button, Qt.LeftButton)
    assert dlg.result() == FirstRunDialog.Accepted
    dlg.ledger.close()
    assert db_rows(target, "SELECT name, parent_org FROM branch") == [("新建测试党支部", "某某党委")]
    assert ui_settings.get(ui_settings.LAST_LEDGER) == str(target.resolve())
    # an existing file is never overwritten
    again = FirstRunDialog()
    qtbot.addWidget(again)
    again.path_edit.setText(str(target))
    again.name_edit.setText("另一个支部")
    assert not again.create()
    assert "已存在" in again.error_label.text()


def test_last_ledger_reopens(qtbot, ledger_path):
    from dangzhibu_desktop.ui import opening

    assert opening.last_ledger() is None
    ledger_path.write_bytes(b"")
    opening.remember(ledger_path)
    assert opening.last_ledger() == ledger_path.resolve()
    other = ledger_path.with_name("另一个.sqlite")
    other.write_bytes(b"")
    opening.remember(other)
    opening.remember(ledger_path)
    assert opening.recent_ledgers() == [str(ledger_path.resolve()), str(other.resolve())]
    ledger_path.unlink()
    assert opening.last_ledger() is None  # a vanished file falls back to the first-run dialog
    assert opening.recent_ledgers() == [str(other.resolve())]


def test_settings_persist(qtbot):
    ui_settings.put(ui_settings.SHOW_FULL_ID, True)
    assert ui_settings.get(ui_settings.SHOW_FULL_ID) is True
    ui_settings.put(ui_settings.SHOW_FULL_ID, False)
    assert ui_settings.get(ui_settings.SHOW_FULL_ID) is False
    assert ui_settings.settings_file().exists()


def test_backup_now_lists_the_copy(window):
    page = window.show_page("settings")
    n = page.backups_model.total()
    target = page.backup_now()
    assert target is not None and target.exists()
    assert page.backups_model.total() == n + 1
    assert db_rows(target, "SELECT COUNT(*) FROM members") == [(8,)]


def test_screenshot_mode_renders_every_page(qtbot, ledger, ledger_path, tmp_path):
    data.build(ledger)
    out = tmp_path / "shots"
    written = render_screenshots(ledger, out)
    assert [p.name for p in written] == [f"{i:02d}-{c.slug}.png" for i, c in enumerate(PAGE_CLASSES, 1)]
    for p in written:
        img = QImage(str(p))
        assert (img.width(), img.height()) == (1366, 768), p.name


def test_run_window_screenshot_exit_code(qtbot, ledger, ledger_path, tmp_path):
    data.build(ledger)  # the file stays open for writing, as when a window has it open
    out = tmp_path / "shots2"
    assert run_window(str(ledger_path), False, str(out)) == 0
    assert len(list(out.glob("*.png"))) == len(PAGE_CLASSES)
    ledger.insert("party_groups", {"name": "截图后仍可写"})  # the screenshots took no lock


def test_setting_text_leaves_none_refcount_alone(qtbot):
    """PySide6 6.12.0 leaked a reference to None per call of a method returning nothing."""
    label = QLabel()
    qtbot.addWidget(label)
    label.setText("预热")
    before = sys.getrefcount(None)
    for i in range(20000):
        label.setText("党支部")
    after = sys.getrefcount(None)
    assert abs(after - before) <= 100, (before, after)


def test_every_ui_package_ships_in_the_wheel():
    """A folder without __init__.py imports from the checkout but is left out of the wheel."""
    from pathlib import Path

    from setuptools import find_packages

    import dangzhibu_desktop

    root = Path(dangzhibu_desktop.__file__).parent.parent
    found = set(find_packages(str(root), include=["dangzhibu_desktop*"]))
    ui = root / "dangzhibu_desktop" / "ui"
    folders = {".".join(p.relative_to(root).parts) for p in [ui, *ui.rglob("*")]
               if p.is_dir() and any(p.glob("*.py")) and p.name != "__pycache__"}
    assert folders <= found, folders - found


def test_message_box_buttons_are_in_chinese(qapp):
    from dangzhibu_desktop.ui.app import application

    application()
    box = QMessageBox(QMessageBox.Icon.Question, "确认", "删除这条记录？",
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    texts = {box.button(b).text().replace("&", "").split("(")[0]
             for b in (QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No)}
    assert texts == {"是", "否"}, texts
