"""导出打印: write the year's documents (in a worker, with progress and cancel), open what
was written; print the meeting ledger and the roster.

Printing prints the exported PDF itself — the same cover, 目录, pages, "— 1 —" and masking as
``export`` — written to the data folder's 打印 folder and opened in the system's PDF reader,
where the person previews and prints it. There is no second renderer to drift from the export.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
)

from ... import paths
from ...ledger.errors import LedgerError
from ...ledger.package import PERSONAL_DATA_NOTICE
from ...ledger.sealed import MIN_PASSWORD, check_password
from ...exports.kinds import FORMAT_LABELS, KINDS, default_filename  # the one table of export kinds
from ...views.export import report_gaps
from ...views.lists import development_record_people
from .. import settings as _settings
from ..session import years_of
from .base import Page, fill_year_box


def run_export(reader, kind: str, year: int, out: str, show_id: bool, show_phone: bool = False,
               password: str | None = None, member_id=None, blank_after_cover: bool = False, progress=None,
               cancel=None) -> tuple[str, list[str]]:
    """Worker function: write one document (a data package sealed with ``password`` when
    given; the 发展党员全程纪实表 of ``member_id``, or everyone's for "all"; the 会议记录簿 with a
    blank page after its cover when ``blank_after_cover``); returns the path written and what
    the person should know about it."""
    out_path = Path(out)
    if kind == "package":
        from ...ledger.package import write_package

        return str(write_package(reader, out_path, password=password)), []
    from ...exports import export_document

    notices: list[str] = []
    written = export_document(kind, reader, year, out_path, show_id=show_id, show_phone=show_phone,
                              progress=progress, cancel=cancel, member_id=member_id,
                              blank_after_cover=blank_after_cover and kind == "ledger", notices=notices)
    return str(written), notices


class ExportPage(Page):
    slug = "export"
    title = "导出打印"

    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        self.last_written: str | None = None
        self.last_printed: str | None = None
        self._task = None
        self._progress: QProgressDialog | None = None
        self.ask_open = True  # the screenshot mode and tests turn the question off
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)

        box = QGroupBox("导出文档")
        form = QFormLayout(box)
        form.setLabelAlignment(Qt.AlignRight)
        self.kind_box = QComboBox()
        for key, kind in KINDS.items():
            if kind.in_window:
                self.kind_box.addItem(kind.title, key)
        self.kind_box.currentIndexChanged.connect(self._kind_changed)
        form.addRow("文档：", self.kind_box)
        self.about_label = QLabel()
        self.about_label.setStyleSheet("color:#666")
        form.addRow("", self.about_label)
        # What the chosen document will lack (views.export.report_gaps), said before export.
        self.gaps_label = QLabel()
        self.gaps_label.setWordWrap(True)
        self.gaps_label.setStyleSheet("color:#9a3412")
        form.addRow("", self.gaps_label)
        self.year_box = QComboBox()
        self.year_box.currentIndexChanged.connect(self._year_changed)
        form.addRow("年度：", self.year_box)
        # 发展党员全程纪实表: whose (the people with steps up to the year's as-of day), or everyone's.
        self.member_box = QComboBox()
        self._member_names: dict[int, str] = {}
        self.member_box.setMinimumContentsLength(16)
        # A branch of some hundred people: typing part of a name offers the matching people.
        self.member_box.setEditable(True)
        self.member_box.setInsertPolicy(QComboBox.NoInsert)
        self.member_box.lineEdit().setPlaceholderText("输入姓名查找")
        completer = self.member_box.completer()
        completer.setFilterMode(Qt.MatchContains)
        completer.setCompletionMode(QCompleter.PopupCompletion)
        self.member_box.currentIndexChanged.connect(self._suggest_path)
        form.addRow("人员：", self.member_box)
        self.format_box = QComboBox()
        self.format_box.currentIndexChanged.connect(self._suggest_path)
        form.addRow("格式：", self.format_box)
        row = QHBoxLayout()
        self.out_edit = QLineEdit()
        row.addWidget(self.out_edit, 1)
        browse = QPushButton("浏览…")
        browse.clicked.connect(self._browse)
        row.addWidget(browse)
        form.addRow("保存到：", row)
        self.id_label = QLabel()
        form.addRow("身份证号：", self.id_label)
        self.phone_label = QLabel()
        form.addRow("手机号：", self.phone_label)
        # 会议记录簿 printed on both sides: a blank back to the cover puts the 目录 on a right-hand page.
        self.blank_page_check = QCheckBox(_settings.BOOK_BLANK_AFTER_COVER.label)
        self.blank_page_check.setChecked(bool(_settings.get(_settings.BOOK_BLANK_AFTER_COVER)))
        self.blank_page_check.toggled.connect(
            lambda on: _settings.put(_settings.BOOK_BLANK_AFTER_COVER, bool(on)))
        form.addRow("装订：", self.blank_page_check)
        # A data package holds everyone's personal data: say so, and offer a password.
        self.package_notice = QLabel(PERSONAL_DATA_NOTICE + "。")
        self.package_notice.setWordWrap(True)
        self.package_notice.setStyleSheet("color:#9a3412")
        form.addRow("", self.package_notice)
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.Password)
        self.password_edit.setPlaceholderText(f"可不填；设置则至少{MIN_PASSWORD}位，导入时需要输入")
        form.addRow("数据包密码：", self.password_edit)
        self.password_again = QLineEdit()
        self.password_again.setEchoMode(QLineEdit.Password)
        form.addRow("再次输入密码：", self.password_again)
        self._package_rows = (self.package_notice, self.password_edit, self.password_again)
        buttons = QHBoxLayout()
        self.export_button = QPushButton("导出")
        self.export_button.setDefault(True)
        self.export_button.setMinimumWidth(110)
        self.export_button.clicked.connect(self.export)
        buttons.addWidget(self.export_button)
        self.open_button = QPushButton("打开文件")
        self.open_button.clicked.connect(lambda: self.open_path(self.last_written))
        self.open_button.setEnabled(False)
        buttons.addWidget(self.open_button)
        self.folder_button = QPushButton("打开所在文件夹")
        self.folder_button.clicked.connect(
            lambda: self.open_path(str(Path(self.last_written).parent) if self.last_written else None))
        self.folder_button.setEnabled(False)
        buttons.addWidget(self.folder_button)
        buttons.addStretch(1)
        form.addRow("", buttons)
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        form.addRow("", self.result_label)
        box.setMaximumWidth(920)
        layout.addWidget(box)

        pbox = QGroupBox("打印")
        pl = QHBoxLayout(pbox)
        pl.addWidget(QLabel("按所选年度生成与导出相同的 PDF，在阅读器中预览并打印："))
        b = QPushButton("打印会议记录簿…")
        b.clicked.connect(lambda: self.print_preview("ledger"))
        pl.addWidget(b)
        b = QPushButton("打印党员花名册…")
        b.clicked.connect(lambda: self.print_preview("roster"))
        pl.addWidget(b)
        pl.addStretch(1)
        pbox.setMaximumWidth(920)
        layout.addWidget(pbox)
        layout.addStretch(1)
        self._filling = False
        self._kind_changed()

    # ---- form ------------------------------------------------------------------------
    def kind(self) -> str:
        return self.kind_box.currentData()

    def year(self) -> int:
        return self.year_box.currentData() or self.session.default_year()

    def refresh(self) -> None:
        super().refresh()
        current = self.year_box.currentData() or self.session.default_year()
        years = years_of(self.ledger, "meetings", "date", self.session.default_year())
        fill_year_box(self.year_box, years, current)
        self._fill_members()
        show = _settings.get(_settings.SHOW_FULL_ID)
        self.id_label.setText("显示完整号码" if show else "隐去中间位数（可在“设置与备份”中更改）")
        show = _settings.get(_settings.SHOW_FULL_PHONE)
        self.phone_label.setText("显示完整号码" if show else "隐去中间4位（可在“设置与备份”中更改）")
        self._suggest_path()
        self._show_gaps()

    def _kind_changed(self, *_args) -> None:
        formats = KINDS[self.kind()].formats
        self.about_label.setText(KINDS[self.kind()].about)
        self._filling = True
        self.format_box.clear()
        for f in formats:
            self.format_box.addItem(FORMAT_LABELS[f], f)
        self._filling = False
        package = self.kind() == "package"
        self.year_box.setEnabled(not package)
        form = self.package_notice.parentWidget().layout()
        for w in self._package_rows:
            form.setRowVisible(w, package)
        for w in (self.id_label, self.phone_label):  # a package holds the full numbers
            form.setRowVisible(w, not package)
        form.setRowVisible(self.member_box, self.kind() == "development")
        form.setRowVisible(self.blank_page_check, self.kind() == "ledger")
        self._suggest_path()
        self._show_gaps()

    def _year_changed(self, *_args) -> None:
        self._fill_members()
        self._suggest_path()
        self._show_gaps()

    def _fill_members(self) -> None:
        """The 人员 list for the year, keeping the chosen person when still listed."""
        current = self.member_box.currentData()
        self.member_box.blockSignals(True)
        self.member_box.clear()
        self.member_box.addItem("全部人员（每人另起一页）", "all")
        people = development_record_people(self.ledger, self.year(), self.session.today)
        self._member_names = {p["id"]: p["name"] for p in people}
        for p in people:
            self.member_box.addItem(p["label"], p["id"])
        i = self.member_box.findData(current)
        self.member_box.setCurrentIndex(max(i, 0))
        self.member_box.blockSignals(False)

    def member_id(self):
        """The person chosen for the 发展党员全程纪实表 (an id, or "all"); None for other kinds."""
        return self.member_box.currentData() if self.kind() == "development" else None

    def member_text_matches(self) -> bool:
        """The 人员 box shows the entry it has chosen (not a half-typed name)."""
        i = self.member_box.findText(self.member_box.currentText().strip(), Qt.MatchExactly)
        if i >= 0:
            self.member_box.setCurrentIndex(i)
            return True
        return False

    def _out_dir(self) -> Path:
        saved = _settings.get(_settings.EXPORT_DIR)
        if saved and Path(saved).is_dir():
            return Path(saved)
        docs = Path.home() / "Documents"
        return docs if docs.is_dir() else paths.user_data_dir()

    def _suggest_path(self, *_args) -> None:
        if self._filling:
            return
        branch = (self.ledger.branch() or {}).get("name") or ""
        member = self.member_id()
        subject = self._member_names.get(member, "") if member is not None else ""
        fname = default_filename(self.kind(), self.year(), branch, self.format_box.currentData(), subject=subject)
        self.out_edit.setText(str(self._out_dir() / fname))

    def _show_gaps(self) -> None:
        """The document's missing records, for the kind and year chosen (not per format or
        person: the 述职's figures are read once per change of those, or of the ledger)."""
        gaps = report_gaps(self.ledger, self.kind(), self.year(), self.session.today)
        self.gaps_label.setText("台账中还没有以下记录，导出的述职报告将缺少相应内容，可先补录再导出："
                                + "；".join(gaps) + "。" if gaps else "")
        self.gaps_label.parentWidget().layout().setRowVisible(self.gaps_label, bool(gaps))

    def _browse(self) -> None:
        ext = self.format_box.currentData()
        path, _ = QFileDialog.getSaveFileName(self, "保存到", self.out_edit.text(),
                                              f"{FORMAT_LABELS[ext]} (*{ext})")
        if path:
            if not path.endswith(ext):
                path += ext
            self.out_edit.setText(path)

    # ---- export ----------------------------------------------------------------------
    def export(self) -> None:
        out = Path(self.out_edit.text().strip())
        if not out.name:
            QMessageBox.warning(self, "导出", "请选择保存位置")
            return
        if not out.parent.is_dir():
            QMessageBox.warning(self, "导出", f"文件夹“{out.parent}”不存在")
            return
        if self.kind() == "development" and not self.member_text_matches():
            QMessageBox.warning(self, "导出", "请从“人员”列表中选择一人，或选择“全部人员”")
            return
        password = None
        if self.kind() == "package" and (self.password_edit.text() or self.password_again.text()):
            password = self.password_edit.text()
            problem = None
            if password != self.password_again.text():
                problem = "两次输入的密码不一致，请重新输入"
            elif out.suffix.lower() == ".zip":
                problem = ("设置密码的数据包目前只能导出为 .json 格式（不含佐证材料）：请在“格式”中选择 .json，"
                           "或清空密码后导出 .zip")
            else:
                try:
                    check_password(password)
                except LedgerError as exc:
                    problem = str(exc)
            if problem:
                QMessageBox.warning(self, "导出数据包", problem)
                return
        _settings.put(_settings.EXPORT_DIR, str(out.parent))
        self._start(self.kind(), out, password, self._done)

    def _start(self, kind: str, out: Path, password: str | None, on_done) -> None:
        """Write ``kind`` of the chosen year to ``out`` in the worker, with progress and 取消."""
        self.export_button.setEnabled(False)
        self.result_label.setText("正在导出…")
        self._progress = QProgressDialog("正在导出“{}”…".format(KINDS[kind].title), "取消", 0, 0, self)
        self._progress.setWindowTitle("导出")
        self._progress.setWindowModality(Qt.WindowModal)
        self._progress.setMinimumDuration(300)
        self._progress.canceled.connect(self._cancel)
        show_id = bool(_settings.get(_settings.SHOW_FULL_ID))
        show_phone = bool(_settings.get(_settings.SHOW_FULL_PHONE))
        self._task = self.session.runner.run(
            self.session.path, run_export, kind, self.year(), str(out), show_id, show_phone,
            password, self.member_id() if kind == self.kind() else None, self.blank_page_check.isChecked(),
            on_done=on_done, on_failed=self._failed, on_progress=self._on_progress)

    def is_loading(self) -> bool:
        return self._task is not None

    def _on_progress(self, done: int, total: int) -> None:
        if self._progress is not None and total > 0:
            self._progress.setMaximum(total)
            self._progress.setValue(min(done, total))

    def _cancel(self) -> None:
        if self._task is not None:
            self._task.cancel_event.set()
            self.result_label.setText("正在取消…")

    def _finish(self) -> None:
        cancelled = self._task is not None and self._task.cancel_event.is_set()
        self._task = None
        self.export_button.setEnabled(True)
        if self._progress is not None:
            self._progress.canceled.disconnect(self._cancel)
            self._progress.close()
            self._progress.deleteLater()
            self._progress = None
        return cancelled

    def _done(self, result: tuple[str, list[str]]) -> None:
        self._finish()
        written, notices = result
        self.password_edit.clear()  # never kept longer than one export
        self.password_again.clear()
        self.last_written = written
        self.open_button.setEnabled(True)
        self.folder_button.setEnabled(True)
        note = "".join(f"\n注意：{n}" for n in notices)
        self.result_label.setText(f"已导出：{written}{note}")
        self.session.say(f"已导出：{written}")
        if self.ask_open:
            box = QMessageBox(QMessageBox.Warning if notices else QMessageBox.Information, "导出完成",
                              f"已导出：\n{written}{note}", parent=self)
            open_file = box.addButton("打开文件", QMessageBox.AcceptRole)
            open_dir = box.addButton("打开所在文件夹", QMessageBox.ActionRole)
            box.addButton("关闭", QMessageBox.RejectRole)
            box.exec()
            if box.clickedButton() is open_file:
                self.open_path(written)
            elif box.clickedButton() is open_dir:
                self.open_path(str(Path(written).parent))

    def _failed(self, message: str) -> None:
        cancelled = self._finish()
        if cancelled:
            self.result_label.setText("已取消导出，没有写入文件。")
            return
        self.result_label.setText(f"导出失败：{message}")
        if self.ask_open:
            QMessageBox.warning(self, "导出失败", message)

    @staticmethod
    def open_path(path: str | None) -> None:
        if path:
            QDesktopServices.openUrl(QUrl.fromLocalFile(path))

    # ---- print -----------------------------------------------------------------------
    def print_path(self, which: str) -> Path:
        """Where the PDF to print goes: the data folder's 打印 folder, under the export's name."""
        branch = (self.ledger.branch() or {}).get("name") or ""
        return paths.user_data_dir() / "打印" / default_filename(which, self.year(), branch, ".pdf")

    def print_preview(self, which: str) -> None:
        """Write the ``which`` export as PDF and open it in the PDF reader to preview and print."""
        if self._task is not None:
            return
        out = self.print_path(which)
        try:
            out.parent.mkdir(parents=True, exist_ok=True)
            # Only the latest print is kept: these copies hold personal data.
            for old in out.parent.glob("*.pdf"):
                old.unlink(missing_ok=True)
        except OSError as exc:
            QMessageBox.warning(self, "打印", f"无法准备打印文件夹“{out.parent}”：{exc.strerror or exc}")
            return
        self._start(which, out, None, self._printed)

    def _printed(self, result: tuple[str, list[str]]) -> None:
        self._finish()
        written, notices = result
        self.last_printed = written
        note = "".join(f"\n注意：{n}" for n in notices)
        self.result_label.setText(f"已生成打印文件：{written}\n已在 PDF 阅读器中打开，请在阅读器中选择“打印”。{note}")
        self.session.say("已生成打印文件，请在 PDF 阅读器中打印")
        if self.ask_open:
            self.open_path(written)

    def status_text(self) -> str:
        return "导出打印" + (f"：上次导出 {Path(self.last_written).name}" if self.last_written else "")
