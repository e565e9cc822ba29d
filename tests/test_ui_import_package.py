"""从数据包导入 in the window: a package from another computer becomes a new ledger file and
opens; a sealed one asks for its password (typed); a wrong password or an existing file is
refused in Chinese and leaves no file behind."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLineEdit, QMessageBox

from dangzhibu_desktop.ledger.package import write_package

from .ui_support import db_rows, run_modal

PASSWORD = "Zhibu-2026-mima"


def _choose(monkeypatch, src, target):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(src), "")))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))


def _type_password(qtbot, text):
    def handle(dlg):
        edit = dlg.findChild(QLineEdit)
        assert edit is not None and edit.echoMode() == QLineEdit.Password
        qtbot.keyClicks(edit, text)
        qtbot.keyClick(edit, Qt.Key_Return)
    return handle


def test_a_sealed_package_imports_as_a_new_ledger_and_opens(window, qtbot, tmp_path, monkeypatch):
    src = write_package(window.session.ledger, tmp_path / "数据包.json", password=PASSWORD)
    members = window.session.ledger.scalar("SELECT COUNT(*) FROM members")
    target = tmp_path / "新电脑" / "台账"
    target.parent.mkdir()
    _choose(monkeypatch, src, target)
    run_modal(qtbot, window.act_import_package.trigger, _type_password(qtbot, PASSWORD))
    opened = target.with_suffix(".sqlite")
    assert window.session.path == opened
    assert db_rows(opened, "SELECT COUNT(*) FROM members")[0][0] == members > 0


def test_a_wrong_password_is_refused_and_leaves_no_file(window, qtbot, tmp_path, monkeypatch):
    src = write_package(window.session.ledger, tmp_path / "数据包.json", password=PASSWORD)
    before = window.session.path
    target = tmp_path / "新台账.sqlite"
    _choose(monkeypatch, src, target)
    said = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda _p, _t, text, *a: said.append(text)))
    run_modal(qtbot, window.act_import_package.trigger, _type_password(qtbot, "wrong-password-1"))
    assert said and said[0].startswith("没有导入") and "密码" in said[0]
    assert not target.exists() and list(tmp_path.glob("新台账*")) == []
    assert window.session.path == before


def test_an_existing_file_is_never_imported_into(window, qtbot, tmp_path, monkeypatch):
    src = write_package(window.session.ledger, tmp_path / "数据包.zip")
    target = tmp_path / "已有.sqlite"
    target.write_bytes(b"x" * 10)
    _choose(monkeypatch, src, target)
    said = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda _p, _t, text, *a: said.append(text)))
    window.act_import_package.trigger()
    assert said and "已存在" in said[0]
    assert target.read_bytes() == b"x" * 10
