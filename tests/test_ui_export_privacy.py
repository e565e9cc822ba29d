"""Personal data leaving the PC from the window: a data package sealed with a typed password
(and refused, nothing written, when the two entries differ or it is too short), the package's
personal-data notice on screen, phone numbers masked unless the option is set."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMessageBox

from dangzhibu_desktop.ledger import open_ledger
from dangzhibu_desktop.ledger.package import import_package_file
from dangzhibu_desktop.ledger.sealed import is_sealed
from dangzhibu_desktop.ui import settings as _settings
from dangzhibu_desktop.ui.app import wait_until_loaded

from .ui_support import run_modal


def _package_page(window, out, qtbot, password, again):
    page = window.show_page("export")
    page.ask_open = False
    page.kind_box.setCurrentIndex(page.kind_box.findData("package"))
    page.format_box.setCurrentIndex(page.format_box.findData(out.suffix))
    page.out_edit.setText(str(out))
    assert page.package_notice.isVisible() and "身份证号" in page.package_notice.text()
    qtbot.keyClicks(page.password_edit, password)
    qtbot.keyClicks(page.password_again, again)
    return page


def test_a_package_sealed_with_the_typed_password_imports_only_with_it(window, qtbot, tmp_path):
    out = tmp_path / "数据包.json"
    page = _package_page(window, out, qtbot, "Zhibu-2026-mima", "Zhibu-2026-mima")
    qtbot.mouseClick(page.export_button, Qt.LeftButton)
    assert wait_until_loaded(window, page, 60)
    assert page.last_written == str(out), page.result_label.text()
    assert is_sealed(out.read_bytes()[:64])
    assert page.password_edit.text() == "" and page.password_again.text() == ""
    with open_ledger(tmp_path / "新台账.sqlite", create=True) as led:
        import_package_file(led, out, password="Zhibu-2026-mima")
        assert led.scalar("SELECT COUNT(*) FROM members") == window.session.ledger.scalar(
            "SELECT COUNT(*) FROM members") > 0
    with open_ledger(tmp_path / "另一台账.sqlite", create=True) as led:
        try:
            import_package_file(led, out, password="wrong-password-1")
        except Exception as exc:  # noqa: BLE001 - the refusal is a LedgerError with a sentence
            assert "密码" in str(exc)
        else:
            raise AssertionError("a wrong password was accepted")


def _refused(window, qtbot, tmp_path, name, password, again, words):
    out = tmp_path / name
    page = _package_page(window, out, qtbot, password, again)
    seen = []

    def close(box):
        seen.append(box.text())
        box.close()

    box = run_modal(qtbot, lambda: qtbot.mouseClick(page.export_button, Qt.LeftButton), close)
    assert isinstance(box, QMessageBox)
    assert words in seen[0], seen
    assert not page.is_loading() and not out.exists()
    assert list(tmp_path.glob("数据包*")) == []


def test_different_entries_are_refused_and_nothing_written(window, qtbot, tmp_path):
    _refused(window, qtbot, tmp_path, "数据包.json", "Zhibu-2026-mima", "Zhibu-2026-mimA", "两次输入的密码不一致")


def test_a_short_password_is_refused(window, qtbot, tmp_path):
    _refused(window, qtbot, tmp_path, "数据包.json", "123", "123", "至少")


def test_a_password_with_a_zip_package_is_refused(window, qtbot, tmp_path):
    _refused(window, qtbot, tmp_path, "数据包.zip", "Zhibu-2026-mima", "Zhibu-2026-mima", ".json")


def test_the_notice_shows_only_for_a_package(window):
    page = window.show_page("export")
    page.kind_box.setCurrentIndex(page.kind_box.findData("roster"))
    assert not page.password_edit.isVisible() and not page.package_notice.isVisible()
    assert "隐去中间4位" in page.phone_label.text()


def test_phones_masked_unless_the_option_is_set(window, qtbot, tmp_path):
    from openpyxl import load_workbook

    ledger = window.session.ledger
    phone = "13912345678"
    ledger.update("members", ledger.scalar("SELECT MIN(id) FROM members"), {"phone": phone})

    def roster_texts(out):
        page = window.show_page("export")
        page.ask_open = False
        page.kind_box.setCurrentIndex(page.kind_box.findData("roster"))
        page.format_box.setCurrentIndex(page.format_box.findData(".xlsx"))
        page.out_edit.setText(str(out))
        qtbot.mouseClick(page.export_button, Qt.LeftButton)
        assert wait_until_loaded(window, page, 60)
        ws = load_workbook(out).active
        return {str(c.value) for row in ws.iter_rows() for c in row if c.value}

    texts = roster_texts(tmp_path / "花名册.xlsx")
    assert phone not in texts and f"{phone[:3]}****{phone[-4:]}" in texts
    settings = window.show_page("settings")
    settings.show_phone_check.setChecked(True)  # the option, as the 设置与备份 page stores it
    assert _settings.get(_settings.SHOW_FULL_PHONE) is True
    window.show_page("export").refresh()
    assert "显示完整号码" in window.show_page("export").phone_label.text()
    assert phone in roster_texts(tmp_path / "花名册2.xlsx")


def test_the_book_with_a_blank_page_after_its_cover_from_the_window(window, qtbot, tmp_path):
    """The two-sided option: shown for the 会议记录簿 only, remembered, and in the file."""
    from docx import Document
    from docx.oxml.ns import qn

    def cover_page_breaks(out):
        body = Document(out).element.body
        n = 0
        for p in body.iter(qn("w:p")):
            n += sum(1 for br in p.iter(qn("w:br")) if br.get(qn("w:type")) == "page")
            if p.find(qn("w:pPr")) is not None and p.find(qn("w:pPr")).find(qn("w:sectPr")) is not None:
                return n  # the cover's section ends here
        raise AssertionError("no cover section")

    page = window.show_page("export")
    page.ask_open = False
    page.kind_box.setCurrentIndex(page.kind_box.findData("roster"))
    assert not page.blank_page_check.isVisible()
    page.kind_box.setCurrentIndex(page.kind_box.findData("ledger"))
    assert page.blank_page_check.isVisible() and not page.blank_page_check.isChecked()
    for name, checked in (("a.docx", False), ("b.docx", True)):
        if checked:
            box = page.blank_page_check  # its box, at the left (the row is wider than the label)
            qtbot.mouseClick(box, Qt.LeftButton, pos=QPoint(8, box.height() // 2))
        page.format_box.setCurrentIndex(page.format_box.findData(".docx"))
        page.out_edit.setText(str(tmp_path / name))
        qtbot.mouseClick(page.export_button, Qt.LeftButton)
        assert wait_until_loaded(window, page, 60)
        assert page.last_written == str(tmp_path / name), page.result_label.text()
    assert _settings.get(_settings.BOOK_BLANK_AFTER_COVER) is True, page.blank_page_check.isChecked()
    assert cover_page_breaks(tmp_path / "a.docx") == 0 and cover_page_breaks(tmp_path / "b.docx") == 1
