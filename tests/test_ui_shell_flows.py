"""Longer flows of the window: export in the background, roster import, restore a backup,
quick actions of the 工作台, the development pipeline."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from dangzhibu_desktop.exports import export_document
from dangzhibu_desktop.ui.app import wait_until_loaded
from dangzhibu_desktop.ui.pages.roster import RosterImportDialog

from . import ui_shell_data as data
from .ui_support import db_rows, export_from_page, run_modal




def test_export_data_package_in_the_background(window, tmp_path):
    out = tmp_path / "数据包.json"
    page = export_from_page(window, "package", ".json", out)
    assert page.last_written == str(out)
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["format"] == "dangzhibu-package"
    assert sorted(m["name"] for m in doc["members"]) == sorted(p[0] for p in data.PEOPLE)
    assert "已导出" in page.result_label.text()


def test_export_roster_spreadsheet(window, tmp_path):
    import openpyxl

    out = tmp_path / "花名册.xlsx"
    page = export_from_page(window, "roster", ".xlsx", out)
    assert page.last_written == str(out), page.result_label.text()
    wb = openpyxl.load_workbook(out)
    text = " ".join(str(c.value) for ws in wb for row in ws.iter_rows() for c in row if c.value)
    assert "王建国" in text and "孙丽" in text


def test_export_to_missing_folder_is_refused(window, tmp_path, monkeypatch):
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a[2]))
    page = window.show_page("export")
    page.out_edit.setText(str(tmp_path / "没有这个文件夹" / "x.docx"))
    page.export()
    assert warned and "不存在" in warned[0]
    assert not page.is_loading()


def test_roster_import_previews_then_writes(window, qtbot, tmp_path, ledger_path):

    src = tmp_path / "花名册.csv"
    with open(src, "w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["姓名", "性别", "出生日期", "身份证号", "入党时间"])
        w.writerow(["郑新", "男", "1990-03-07", "", "2015-07-01"])
        w.writerow(["冯错", "女", "1991-01-01", "12345", ""])
    dlg = RosterImportDialog(window.session, window)
    dlg.load(src)  # read in the background
    qtbot.waitUntil(lambda: dlg.preview is not None or dlg.failed is not None, timeout=20000)
    assert dlg.failed is None
    assert dlg.rows_model.total() == 1
    assert dlg.errors_model.total() >= 1
    assert any("冯错" in dlg.errors_model.row(i)["message"] for i in range(dlg.errors_model.total()))
    assert db_rows(ledger_path, "SELECT COUNT(*) FROM members WHERE name = '郑新'") == [(0,)]  # preview writes nothing
    dlg.apply()
    assert dlg.written == 1
    assert db_rows(ledger_path, "SELECT COUNT(*) FROM members WHERE name = '郑新'") == [(1,)]
    assert db_rows(ledger_path, "SELECT COUNT(*) FROM members WHERE name = '冯错'") == [(0,)]


def test_restore_a_backup_replaces_the_ledger(window, ledger_path, monkeypatch):

    settings = window.show_page("settings")
    backup = settings.backup_now()
    led = window.ledger
    led.insert("members", {"name": "备份后新增", "status": "在册"})
    assert db_rows(ledger_path, "SELECT COUNT(*) FROM members WHERE name = '备份后新增'") == [(1,)]
    window.restore_backup(str(backup))
    assert db_rows(ledger_path, "SELECT COUNT(*) FROM members WHERE name = '备份后新增'") == [(0,)]
    assert window.ledger is not led and window.ledger.conn is not None
    page = window.show_page("members")
    assert page.model.total() == len(data.PEOPLE)
    # the file as it was before the restore was kept as a backup too
    settings = window.show_page("settings")
    names = [settings.backups_model.row(i)["reason"] for i in range(settings.backups_model.total())]
    assert "恢复前" in names


def test_quick_action_opens_the_meeting_editor(window, qtbot, ledger_path):
    def fill(dlg):
        assert dlg.table == "meetings"
        assert not dlg.defaults  # not the kind and month a cell click filtered the list to before
        dlg.reject()

    dash = window.show_page("dashboard")
    dash.set_year(data.YEAR)
    assert wait_until_loaded(window, dash, 30)
    dash.meeting_grid.cell_clicked.emit("主题党日", 3)  # a done cell: the list filtered to March
    assert window.current_page().filter_boxes["kind"].currentData() == "主题党日"
    window.show_page("dashboard")
    run_modal(qtbot, dash.quick_buttons["meeting"].click, fill)
    assert window.current_page().slug == "meetings"
    assert window.current_page().filter_boxes["kind"].currentData() is None
    assert QApplication.activeModalWidget() is None


def test_development_pipeline_shows_next_steps(window):
    page = window.show_page("development")
    rows = {page.model.row(i)["name"]: page.model.row(i) for i in range(page.model.total())}
    assert set(rows) == {"赵磊", "孙丽", "周强"}  # 正式党员 are not in the pipeline
    assert rows["孙丽"]["category"] == "入党积极分子"
    assert rows["孙丽"]["next_step"].startswith("4 ")
    assert rows["周强"]["next_step"].startswith("2 ")
    assert page.stage_labels["预备党员"].text().endswith("<b>1</b> 人")


def test_branch_page_counts_and_term(window):
    page = window.show_page("branch")
    assert page.value_labels["name"].text() == "测试公司第一党支部"
    assert page.figure_labels["正式党员"].text() == "5 人"
    assert page.figure_labels["预备党员"].text() == "1 人"
    assert page.term_label.text().startswith(f"{data.YEAR + 2}-03-01")
    assert page.committee.model.total() == 2 and page.groups.model.total() == 2


def test_unreadable_roster_is_reported_not_written(window, qtbot, tmp_path, ledger_path):

    src = tmp_path / "坏文件.xlsx"
    src.write_bytes(b"<html><body>not a spreadsheet</body></html>")
    dlg = RosterImportDialog(window.session, window)
    dlg.load(src)
    qtbot.waitUntil(lambda: dlg.preview is not None or dlg.failed is not None, timeout=20000)
    assert dlg.failed and "无法读取" in dlg.summary.text()
    assert not dlg.ok.isEnabled()
    assert db_rows(ledger_path, "SELECT COUNT(*) FROM members") == [(len(data.PEOPLE),)]


def test_dashboard_cell_click_lists_those_meetings(window, qtbot, ledger):

    data_ids = {"groups": [r["id"] for r in ledger.rows("party_groups", order_by="id")]}
    dash = window.show_page("dashboard")
    dash.set_year(data.YEAR)
    assert wait_until_loaded(window, dash, 30)
    dash.meeting_grid.cell_clicked.emit("主题党日", 3)
    page = window.current_page()
    assert page.slug == "meetings"
    assert page.proxy.rowCount() == 1
    assert page.proxy.row_dict(0)["date"] == f"{data.YEAR}-03-15"
    # 记一次会议 from that list: a 主题党日 in March
    assert page.new_defaults()["kind"] == "主题党日" and page.new_defaults()["date"] == f"{data.YEAR}-03-15"
    # a cell with nothing required (no 支委会 of three) lists every meeting of that month
    window.show_page("dashboard")
    assert dash.meeting_grid.cell_status("支部委员会", 3) == "n/a"
    dash.meeting_grid.cell_clicked.emit("支部委员会", 3)
    page = window.current_page()
    assert page.filter_boxes["kind"].currentData() is None
    assert sorted(page.proxy.row_dict(i)["kind"] for i in range(page.proxy.rowCount())) == ["主题党日", "支部党员大会"]
    # a 缺 cell of a 党小组's row opens that group's meeting in that month
    label = "· 第一党小组"
    assert dash.group_of_row(label) == data_ids["groups"][0]
    assert dash.meeting_grid.cell_status(label, 3) == "missing"
    window.show_page("dashboard")

    def check(dlg):
        assert type(dlg).__name__ == "MeetingDialog"
        assert (dlg.defaults["kind"], dlg.defaults["party_group_id"]) == ("党小组会", data_ids["groups"][0])
        assert dlg.ui.dateEdit.iso() == f"{data.YEAR}-03-15"
        dlg.reject()

    run_modal(qtbot, lambda: dash.meeting_grid.cell_clicked.emit(label, 3), check)
    assert window.current_page() is dash


def test_printing_prints_the_exported_document(window, qtbot, tmp_path):
    """打印 writes the very PDF ``export`` writes (same pages, same masking), names like ``<a&b>``
    as typed, keeps only the latest print, and opens it in the PDF reader."""
    from .pdf_support import pdfpages, pdftext, squash

    ledger = window.session.ledger
    mid = ledger.query("SELECT id FROM meetings ORDER BY date LIMIT 1")[0]["id"]
    ledger.update("meetings", mid, {"topic": "学习<二十届>精神 & 讨论"})
    ledger.update("members", ledger.query("SELECT id FROM members WHERE name='王建国'")[0]["id"],
                  {"id_number": "11010519491231002X", "gender": "女", "birth_date": "1949-12-31"})
    page = window.show_page("export")
    page.ask_open = False
    page.year_box.setCurrentIndex(page.year_box.findData(data.YEAR))
    opened = []
    page.open_path = opened.append
    page.print_preview("ledger")
    assert wait_until_loaded(window, page, 60)
    printed = page.last_printed
    assert printed and printed.endswith(".pdf") and "打印" in printed
    exported = export_document("ledger", ledger, data.YEAR, tmp_path / "记录簿.pdf")
    assert pdfpages(printed) == pdfpages(exported)
    text = squash(pdftext(printed))
    assert f"{data.YEAR}年" in text and "年度工作部署" in text and "学习<二十届>精神&讨论" in text
    assert opened == []  # ask_open off: nothing opened in tests

    page.ask_open = True
    page.print_preview("roster")
    assert wait_until_loaded(window, page, 60)
    roster = squash(pdftext(page.last_printed))
    assert "孙丽" in roster and "110105********002X" in roster and "11010519491231002X" not in roster
    assert opened == [page.last_printed]
    # only the latest print is kept in the 打印 folder
    assert [p.name for p in Path(printed).parent.glob("*.pdf")] == [Path(page.last_printed).name]


def test_cancelled_export_reports_and_writes_nothing(qtbot, ledger, ledger_path, tmp_path):

    from dangzhibu_desktop.ui.pages.export import run_export
    from dangzhibu_desktop.ui.workers import Task

    data.build(ledger)
    out = tmp_path / "记录簿.pdf"
    task = Task(ledger_path, run_export, ("ledger", data.YEAR, str(out), False), True)
    got = []
    task.signals.failed.connect(got.append)
    task.signals.done.connect(lambda r: got.append(("done", r)))
    task.cancel_event.set()  # the person pressed 取消 before the first page was written
    task.run()  # on this thread: the signal is delivered directly
    assert len(got) == 1 and got[0].startswith("已取消")
    assert not out.exists()
    assert list(tmp_path.glob("记录簿*")) == []


def test_worker_reads_with_its_own_connection(qtbot, ledger, ledger_path):
    from dangzhibu_desktop.ui.workers import TaskRunner

    data.build(ledger)
    runner = TaskRunner()
    seen = []

    def count(reader):
        assert reader is not ledger and reader.path == ledger.path
        return reader.count("members")

    runner.run(ledger_path, count, on_done=seen.append)
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=10000)
    assert seen == [len(data.PEOPLE)]


def test_damaged_ledger_offers_the_latest_good_backup(qtbot, ledger, ledger_path, monkeypatch):

    from dangzhibu_desktop.ledger.backup import backup_ledger
    from dangzhibu_desktop.ui import opening

    data.build(ledger)
    ledger.close()
    backup_ledger(ledger_path)
    for suffix in ("-wal", "-shm"):
        (ledger_path.parent / (ledger_path.name + suffix)).unlink(missing_ok=True)
    raw = bytearray(ledger_path.read_bytes())
    raw[100:4096] = b"\xff" * (4096 - 100)  # wreck the first page after the header
    ledger_path.write_bytes(bytes(raw))
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.Yes)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: pytest.fail(f"unexpected warning: {a[2]}"))
    reopened = opening.open_with_recovery(ledger_path)
    try:
        assert asked and "备份" in asked[0]
        assert reopened is not None
        assert reopened.count("members") == len(data.PEOPLE)
    finally:
        if reopened is not None:
            reopened.close()


def test_unopenable_file_without_backup_is_explained(qtbot, tmp_path, monkeypatch):
    from dangzhibu_desktop.ui import opening

    bad = tmp_path / "不是台账.sqlite"
    bad.write_text("这不是数据库", encoding="utf-8")
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a[2]))
    assert opening.open_with_recovery(bad) is None
    assert warned and "不是" in warned[0]
    assert bad.read_text(encoding="utf-8") == "这不是数据库"


def test_editing_a_row_deleted_meanwhile_is_explained(window, monkeypatch):
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a[2]))
    page = window.show_page("rectifications")
    rid = page.proxy.row_id(0)
    window.ledger.delete("rectifications", rid)  # behind the page's back, e.g. another dialog
    page.view.selectRow(0)
    page.edit_selected()
    assert warned and "找不到" in warned[0]


def test_export_page_lists_the_exports_table(window):
    from pathlib import Path

    from dangzhibu_desktop.exports.kinds import KINDS, default_filename

    page = window.show_page("export")
    listed = [k for k in KINDS.values() if k.in_window]
    assert "signin" not in [k.key for k in listed]  # made from its meeting, not from this list
    assert [page.kind_box.itemData(i) for i in range(page.kind_box.count())] == [k.key for k in listed]
    assert [page.kind_box.itemText(i) for i in range(page.kind_box.count())] == [k.title for k in listed]
    page.kind_box.setCurrentIndex(page.kind_box.findData("shuzhi"))
    assert [page.format_box.itemData(i) for i in range(page.format_box.count())] == list(KINDS["shuzhi"].formats)
    page.format_box.setCurrentIndex(page.format_box.findData(".pdf"))
    branch = window.session.ledger.branch()["name"]
    assert Path(page.out_edit.text()).name == default_filename("shuzhi", page.year(), branch, ".pdf")
