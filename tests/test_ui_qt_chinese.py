"""Qt's own dialogs in Chinese (issue 14, item 9): the file dialog the window opens for 浏览…,
导出 and 备份文件夹 — its labels, buttons, tool tips and columns — and the message boxes' buttons,
with qtbase_zh_CN.qm and the strings it lacks (app.QT_GAPS)."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox, QPushButton, QToolButton, QTreeView

from dangzhibu_desktop.ui.app import QT_GAPS, application

LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


def test_the_file_dialog_speaks_chinese(qtbot, tmp_path):
    application()
    dlg = QFileDialog(None, "选择备份文件夹", str(tmp_path))
    dlg.setOption(QFileDialog.Option.DontUseNativeDialog)  # Qt's own dialog (Kylin, UOS)
    qtbot.addWidget(dlg)
    dlg.show()
    texts = [w.text() for w in dlg.findChildren(QLabel) + dlg.findChildren(QPushButton)]
    texts += [b.toolTip() for b in dlg.findChildren(QToolButton)]
    for view in dlg.findChildren(QTreeView):
        m = view.model()
        texts += [str(m.headerData(i, Qt.Orientation.Horizontal) or "") for i in range(m.columnCount())]
    texts = [t for t in texts if t]
    assert "查找范围(&I)：" in texts and "文件类型(&T)：" in texts
    assert not [t for t in texts if LATIN_WORD.search(t.replace("&", ""))], texts


def test_message_box_buttons_and_the_gaps_leave_other_strings_alone(qtbot):
    application()
    box = QMessageBox(QMessageBox.Question, "确认", "删除？", QMessageBox.Yes | QMessageBox.No)
    qtbot.addWidget(box)
    assert sorted(b.text() for b in box.buttons()) == sorted(["是(&Y)", "否(&N)"])
    # The gap translator answers only its own strings; Qt's file still answers the rest.
    assert QCoreApplication.translate("QFileDialog", "Save As") == "另存为"
    assert all(QCoreApplication.translate(ctx, src) == zh for (ctx, src), zh in QT_GAPS.items())
    assert QCoreApplication.translate("无此上下文", "Untranslated") == "Untranslated"
