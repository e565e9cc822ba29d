"""导出打印 → 发展党员全程纪实表: the 人员 chooser (shown for this document only) lists the people with
steps; choosing one by keyboard and exporting writes that person's record, read back here."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from PySide6.QtCore import Qt

from dangzhibu_desktop.ui.app import wait_until_loaded

from tests.pdf_support import needs_poppler, pdftext, squash


def test_choose_a_person_and_export_their_record(window, qtbot, tmp_path):
    ledger = window.session.ledger
    zhao = ledger.scalar("SELECT id FROM members WHERE name = '赵磊'")
    ledger.insert("development_steps", {"member_id": zhao, "step": 9, "date": "2023-10-20",
                                        "persons": "王建国、李红梅", "note": "支部委员会确定"})
    page = window.show_page("export")
    page.ask_open = False
    form = page.member_box.parentWidget().layout()
    page.kind_box.setCurrentIndex(page.kind_box.findData("shuzhi"))
    assert not page.member_box.isVisible()
    page.kind_box.setCurrentIndex(page.kind_box.findData("development"))
    assert page.member_box.isVisible() and form.labelForField(page.member_box).text() == "人员："
    labels = [page.member_box.itemText(i) for i in range(page.member_box.count())]
    # Everyone with steps, by their first step (the full members' 支部大会 of 2000 … 周强's application).
    assert labels == ["全部人员（每人另起一页）", "王建国（正式党员）", "李红梅（正式党员）", "张伟（正式党员）",
                      "刘洋（正式党员）", "陈晨（正式党员）", "赵磊（预备党员）", "孙丽（入党积极分子）",
                      "周强（入党申请人）"]
    page.format_box.setCurrentIndex(page.format_box.findData(".docx"))
    page.member_box.setFocus()
    for _ in range(page.member_box.count()):
        if page.member_box.currentData() == zhao:
            break
        qtbot.keyClick(page.member_box, Qt.Key_Down)
    assert page.member_box.currentText() == "赵磊（预备党员）"
    assert Path(page.out_edit.text()).name == "测试公司第一党支部_2025年发展党员全程纪实表_赵磊.docx"
    out = tmp_path / "zhaolei.docx"
    page.out_edit.clear()
    qtbot.keyClicks(page.out_edit, str(out))
    qtbot.mouseClick(page.export_button, Qt.LeftButton)
    assert wait_until_loaded(window, page, 60)
    assert page.last_written == str(out), page.result_label.text()

    doc = Document(str(out))
    assert [p.text for p in doc.paragraphs].count("发展党员全程纪实表") == 1  # this person only
    tables = [[[c.text for c in row.cells] for row in t.rows] for t in doc.tables]
    info = {row[i]: row[i + 1] for row in tables[0] for i in range(0, len(row) - 1, 2)}
    assert info["姓名"] == "赵磊" and info["人员类别"] == "预备党员"
    assert info["申请入党时间"] == "2022年3月1日" and info["接收预备党员时间"] == "2024年10月8日"
    assert info["入党介绍人"] == "王建国、李红梅"
    rows = {r[0]: r[1:] for t in tables[1:] for r in t[1:]}
    assert rows["9"] == ["确定入党介绍人", "2023年10月20日", "入党介绍人：王建国、李红梅", "支部委员会确定"]
    assert rows["15"][:2] == ["支部大会讨论", "2024年10月8日"]
    assert rows["11"] == ["集中培训", "", "", ""]


@needs_poppler
def test_the_development_pages_menu_opens_the_export_with_the_person_chosen(window, tmp_path):
    ledger = window.session.ledger
    sun = ledger.scalar("SELECT id FROM members WHERE name = '孙丽'")
    dev = window.show_page("development")
    assert dev.export_record() is None  # nobody selected yet
    dev.select_id(sun)
    from PySide6.QtWidgets import QMenu

    menu = QMenu()
    dev.extra_menu(menu)
    actions = {a.text(): a for a in menu.actions()}
    assert {"查看档案…", "导出发展党员全程纪实表…"} <= set(actions)  # the row menu keeps both
    actions["导出发展党员全程纪实表…"].trigger()
    page = window.stack.currentWidget()
    assert page is window.page("export")
    assert page.kind() == "development" and page.member_id() == sun and page.member_box.isVisible()
    page.ask_open = False
    out = tmp_path / "sunli.pdf"
    page.format_box.setCurrentIndex(page.format_box.findData(".pdf"))
    page.out_edit.setText(str(out))
    page.export_button.click()
    assert wait_until_loaded(window, page, 60)
    text = squash(pdftext(out))
    assert text.count("发展党员全程纪实表") == 1 and "孙丽" in text and "2024年8月1日" in text  # her step 3


def test_typing_part_of_a_name_finds_the_person_and_a_half_typed_one_is_refused(window, qtbot, tmp_path):
    from PySide6.QtWidgets import QMessageBox

    from tests.ui_support import run_modal, type_text

    ledger = window.session.ledger
    sun = ledger.scalar("SELECT id FROM members WHERE name = '孙丽'")
    page = window.show_page("export")
    page.ask_open = False
    page.kind_box.setCurrentIndex(page.kind_box.findData("development"))
    box = page.member_box
    box.setFocus()
    box.lineEdit().selectAll()
    type_text(qtbot, box.lineEdit(), "丽")  # the middle of nobody's name but hers
    popup = box.completer().popup()
    qtbot.waitUntil(popup.isVisible, timeout=3000)
    assert [popup.model().index(i, 0).data() for i in range(popup.model().rowCount())] == ["孙丽（入党积极分子）"]
    qtbot.keyClick(popup, Qt.Key_Down)
    qtbot.keyClick(popup, Qt.Key_Return)
    assert box.currentText() == "孙丽（入党积极分子）" and page.member_text_matches() and page.member_id() == sun

    box.lineEdit().selectAll()
    type_text(qtbot, box.lineEdit(), "无此人")
    out = tmp_path / "x.docx"
    page.out_edit.setText(str(out))

    def close(dlg):
        assert isinstance(dlg, QMessageBox) and "请从“人员”列表中选择一人" in dlg.text()
        dlg.accept()

    run_modal(qtbot, lambda: qtbot.mouseClick(page.export_button, Qt.LeftButton), close)
    assert not out.exists() and not page.is_loading()
