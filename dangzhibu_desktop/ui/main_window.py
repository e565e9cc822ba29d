"""The main window: navigation on the left, the pages on the right, menu, toolbar, status bar."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSizePolicy,
    QStackedWidget,
    QStyle,
    QWidget,
)

from .. import APP_NAME, __version__, paths
from ..ledger.validate import LedgerError
from ..views.fixes import Target, cell_target
from . import editing, opening, screenfit
from . import settings as _settings
from .icons import app_icon
from .pages.assessment import AssessmentPage
from .pages.base import ListPage, Page
from .pages.branch import BranchPage
from .pages.dashboard import DashboardPage
from .pages.dues import DuesPage
from .pages.export import ExportPage
from .pages.lists import (
    DevelopmentPage,
    MeetingsPage,
    MembersPage,
    PostsPage,
    RectificationsPage,
    TalksPage,
    TrainingsPage,
    TransfersPage,
    VolunteerPage,
)
from .pages.settings_page import SettingsPage
from .session import Session

# The navigation, in order (page class; the slug names the screenshot file).
PAGE_CLASSES = (
    DashboardPage, BranchPage, MembersPage, DevelopmentPage, MeetingsPage, TrainingsPage,
    VolunteerPage, PostsPage, DuesPage, RectificationsPage, TalksPage, TransfersPage,
    AssessmentPage, ExportPage, SettingsPage,
)


class MainWindow(QMainWindow):
    """The window over one open ledger; ``set_ledger`` swaps the ledger and rebuilds the pages.

    Menu and toolbar actions act on the current page (``Page.new_record`` …); pages talk to
    each other only through the ``Session`` they share (its ``changed`` signal).
    """

    def __init__(self, ledger, parent=None, *, persist: bool = True):
        """``persist=False`` (screenshots, tests) leaves the saved settings alone."""
        super().__init__(parent)
        self.persist = persist
        # The real window backs up on closing a changed ledger; screenshots and tests opt in.
        self.backup_on_exit = persist
        self.setWindowTitle(APP_NAME)
        self.setWindowIcon(app_icon())
        self.session: Session | None = None
        self.pages: list[Page] = []
        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.nav.setFixedWidth(150)
        self.nav.setSpacing(1)
        self.nav.setStyleSheet(
            "QListWidget#nav{background:#f6f1f1;border:none;font-size:14px;}"
            "QListWidget#nav::item{padding:7px 12px;}"
            "QListWidget#nav::item:selected{background:#c8161d;color:white;}")
        self.stack = QStackedWidget()
        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.page_status = QLabel()
        self.members_status = QLabel()
        self.file_status = QLabel()
        self.file_status.setStyleSheet("color:#666")
        self.statusBar().addWidget(self.page_status, 1)
        self.statusBar().addPermanentWidget(self.members_status)
        self.statusBar().addPermanentWidget(self.file_status)
        self.nav.currentRowChanged.connect(self._page_chosen)
        self.ledger_notice: QMessageBox | None = None
        self.set_ledger(ledger)
        geo = _settings.get(_settings.GEOMETRY) if persist else None
        if isinstance(geo, (bytes, QByteArray)) and len(geo):
            self.restoreGeometry(geo)
            if persist:
                screenfit.fit_to_screen(self)  # saved on a larger screen or another scaling
        elif persist:
            self.fit_first_window()
        else:
            self.resize(1366, 768)

    def fit_first_window(self) -> None:
        """1366×768 where it fits the work area (frame included), else maximized: the work area
        is then exactly what the window gets, whatever the scaling and taskbar."""
        avail = screenfit.available_geometry(self)
        size = screenfit.first_window_size(avail)
        if size is None:
            self.resize(*screenfit.fitted_size(avail.width(), avail.height(), avail))
            screenfit.move_inside(self, avail)
            self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)
            return
        self.resize(*size)
        frame_w, frame_h = size[0] + screenfit.FRAME_W, size[1] + screenfit.FRAME_H
        self.move(avail.left() + (avail.width() - frame_w) // 2, avail.top() + (avail.height() - frame_h) // 2)

    # ---- ledger ----------------------------------------------------------------------
    def _show_ledger_warnings(self, ledger) -> None:
        """What opening the file found that the secretary must know without being refused (a
        network drive, a failed automatic backup, no file lock): said once, not thrown away."""
        warnings = list(getattr(ledger, "warnings", None) or [])
        reason = getattr(ledger, "readonly_reason", None)  # opened read-only because it cannot be written
        if reason:
            warnings.insert(0, f"{reason}\n\n已以只读方式打开：可以查看、导出和打印，不能修改。")
        if not warnings:
            return
        from ..logfile import log

        for w in warnings:
            log().warning("打开台账“%s”：%s", Path(ledger.path).name, w)
        self.ledger_notice = QMessageBox(QMessageBox.Warning, "打开台账时的提示", "\n\n".join(warnings),
                                         QMessageBox.Ok, self)
        self.ledger_notice.setModal(False)  # read it while working; tests and start-up never block
        self.ledger_notice.show()

    def set_ledger(self, ledger) -> None:
        """Show ``ledger`` (closing the one shown before) — pages are rebuilt for it."""
        old = self.session
        if old is not None:
            old.runner.cancel_all()
            old.runner.pool.waitForDone(5000)
        self.nav.blockSignals(True)
        self.nav.clear()
        for page in self.pages:
            self.stack.removeWidget(page)
            page.deleteLater()
        self.pages = []
        if old is not None:
            self._backup_before_close(old.ledger)
            old.ledger.close()
            old.deleteLater()
        self.session = Session(ledger, parent=self)
        self.session.message.connect(lambda text: self.statusBar().showMessage(text, 6000))
        self._show_ledger_warnings(ledger)
        self.session.changed.connect(self._update_members_status)
        for cls in PAGE_CLASSES:
            page = cls(self.session)
            page.status_changed.connect(self._update_page_status)
            self.pages.append(page)
            self.stack.addWidget(page)
            QListWidgetItem(page.title, self.nav)
        self.page("dashboard").action_requested.connect(self.quick_action)
        self.page("dashboard").meeting_grid.cell_clicked.connect(self.show_meetings_of)
        self.page("dashboard").go_requested.connect(self.go_to)
        self.page("assessment").go_requested.connect(self.go_to)
        self.page("settings").restore_requested.connect(self.restore_backup)
        self.nav.blockSignals(False)
        readonly = "（只读）" if getattr(ledger, "readonly_reason", None) else ""
        self.file_status.setText(f"{readonly}{ledger.path}")
        self.file_status.setToolTip(str(ledger.path))
        branch = (ledger.branch() or {}).get("name")
        self.setWindowTitle((f"{branch} — {APP_NAME}" if branch else APP_NAME) + readonly)
        self._update_members_status()
        last = min(max(_settings.get(_settings.LAST_PAGE), 0), len(self.pages) - 1) if self.persist else 0
        self.nav.setCurrentRow(last)
        self._page_chosen(last)

    @property
    def ledger(self):
        return self.session.ledger

    def page(self, slug: str) -> Page:
        for p in self.pages:
            if p.slug == slug:
                return p
        raise KeyError(slug)

    def current_page(self) -> Page:
        return self.stack.currentWidget()

    def show_page(self, slug: str) -> Page:
        p = self.page(slug)
        self.nav.setCurrentRow(self.pages.index(p))
        return p

    def _page_chosen(self, row: int) -> None:
        if not 0 <= row < len(self.pages):
            return
        page = self.pages[row]
        self.stack.setCurrentWidget(page)
        page.ensure_fresh()
        if self.persist:
            _settings.put(_settings.LAST_PAGE, row)
        self._update_actions()
        self._update_page_status()

    def _update_page_status(self) -> None:
        page = self.current_page()
        if page is not None:
            self.page_status.setText(page.status_text())

    def _update_members_status(self, *_args) -> None:
        n = len(self.ledger.party_members_on(self.session.today))  # as the rules and the 花名册 count
        self.members_status.setText(f"在册党员 {n} 人")

    # ---- actions ---------------------------------------------------------------------
    def _action(self, text, slot, shortcut=None, icon=None, tip=None) -> QAction:
        a = QAction(text, self)
        if shortcut is not None:
            a.setShortcut(QKeySequence(shortcut))
        if icon is not None:
            a.setIcon(self.style().standardIcon(icon))
        if tip:
            a.setStatusTip(tip)
        a.triggered.connect(slot)
        self.addAction(a)
        return a

    def _build_actions(self) -> None:
        S = QStyle.StandardPixmap
        self.act_new_ledger = self._action("新建台账…", self.new_ledger, "Ctrl+Shift+N")
        self.act_open = self._action("打开台账…", self.open_ledger_file, QKeySequence.Open, S.SP_DialogOpenButton)
        self.act_demo = self._action("打开示例台账", self.open_demo)
        self.act_import_package = self._action("从数据包导入…", self.import_package, None, None,
                                               "把另一台电脑导出的台账数据包导入为新的台账文件")
        self.act_backup = self._action("立即备份", self.backup_now, None, S.SP_DriveHDIcon, "把台账复制一份到备份文件夹")
        self.act_quit = self._action("退出", self.close, QKeySequence.Quit)
        self.act_new = self._action("新建", lambda: self.current_page().new_record(), QKeySequence.New,
                                    S.SP_FileIcon, "在当前页面新建一条记录")
        self.act_edit = self._action("编辑…", lambda: self.current_page().edit_selected(), "Ctrl+E",
                                     S.SP_FileDialogDetailedView)
        self.act_delete = self._action("删除", lambda: self.current_page().delete_selected(), QKeySequence.Delete,  # not the enumeration
                                       S.SP_TrashIcon, "把所选记录移到回收站")
        self.act_delete.setShortcutContext(Qt.WindowShortcut)
        self.act_undo = self._action("撤销删除", lambda: self.current_page().undo_delete(), QKeySequence.Undo,
                                     None, "恢复刚才移到回收站的记录")
        self.act_find = self._action("查找", self.find, QKeySequence.Find)
        self.act_search = self._action("搜索全部台账…", lambda: self.open_search(), "Ctrl+Shift+F", None,
                                       "按姓名、会议议题、培训或活动名称查找，转到所在页面")
        self.act_appraisal = self._action("民主评议…", self.open_appraisals, None, None,
                                          "登记一年的民主评议党员结果（优秀、合格、基本合格、不合格）")
        self.act_calendar = self._action("年度工作日历…", lambda: self.page("meetings").open_calendar(), None, None,
                                         "按评估标准逐月对照应开和已开的会议")
        self.act_refresh = self._action("刷新", self.refresh_current, QKeySequence.Refresh, S.SP_BrowserReload)
        self.act_about = self._action("关于", self.about)
        self.page_actions = []
        for i, cls in enumerate(PAGE_CLASSES):
            a = QAction(cls.title, self)
            if i < 9:
                a.setShortcut(QKeySequence(f"Ctrl+{i + 1}"))
            a.triggered.connect(lambda _c=False, row=i: self.nav.setCurrentRow(row))
            self.addAction(a)
            self.page_actions.append(a)

    def _build_menus(self) -> None:
        m = self.menuBar().addMenu("文件(&F)")
        for a in (self.act_new_ledger, self.act_open, self.act_demo, self.act_import_package):
            m.addAction(a)
        self.recent_menu = m.addMenu("最近打开")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        for a in (None, self.act_backup, None, self.act_quit):
            m.addSeparator() if a is None else m.addAction(a)
        m = self.menuBar().addMenu("编辑(&E)")
        for a in (self.act_new, self.act_edit, self.act_delete, self.act_undo, None, self.act_find,
                  self.act_search, None, self.act_appraisal):
            m.addSeparator() if a is None else m.addAction(a)
        m = self.menuBar().addMenu("视图(&V)")
        m.addAction(self.act_refresh)
        m.addAction(self.act_calendar)
        m.addSeparator()
        for a in self.page_actions:
            m.addAction(a)
        m = self.menuBar().addMenu("帮助(&H)")
        m.addAction(self.act_about)

    def _build_toolbar(self) -> None:
        tb = self.addToolBar("常用")
        tb.setObjectName("mainToolbar")
        tb.setMovable(False)
        tb.setIconSize(QSize(18, 18))
        tb.setToolButtonStyle(Qt.ToolButtonTextBesideIcon)
        for a in (self.act_new, self.act_edit, self.act_delete, None, self.act_refresh, None, self.act_backup):
            tb.addSeparator() if a is None else tb.addAction(a)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Preferred)
        tb.addWidget(spacer)
        self.search_box = QLineEdit()
        self.search_box.setPlaceholderText("搜索全部台账（Ctrl+Shift+F）")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setFixedWidth(240)
        self.search_box.returnPressed.connect(lambda: self.open_search(self.search_box.text()))
        tb.addWidget(self.search_box)

    def _update_actions(self) -> None:
        page = self.current_page()
        if page is None:
            return
        writable = not self.session.ledger.readonly  # a read-only file: look, export, print
        self.act_new.setEnabled(writable and page.can_create())
        self.act_edit.setEnabled(writable and page.can_edit())
        self.act_delete.setEnabled(writable and (bool(getattr(page, "table", "")) or page.slug == "branch"))
        self.act_undo.setEnabled(writable)

    # ---- search across the pages ----------------------------------------------------------
    def find(self) -> None:
        """Ctrl+F: the page's own search box; on a page without one (工作台, 创星评估 …) the
        toolbar's search across the pages."""
        page = self.current_page()
        if isinstance(getattr(page, "search", None), QLineEdit):
            page.focus_search()
        else:
            self.search_box.setFocus(Qt.ShortcutFocusReason)
            self.search_box.selectAll()

    def open_search(self, text: str | None = None):
        """The search dialog over every page (not modal), seeded with ``text`` or the toolbar's."""
        from .pages.search import SearchDialog

        dlg = SearchDialog(self.session, self.search_box.text() if text is None else text, self)
        dlg.setAttribute(Qt.WA_DeleteOnClose)
        dlg.chosen.connect(self.jump_to)
        dlg.file_requested.connect(self.show_member_file)
        dlg.show()
        dlg.box.setFocus()
        self.search_dialog = dlg
        return dlg

    def jump_to(self, hit) -> bool:
        """Open the page holding ``hit`` (a ``views.search.Hit``) with its row selected."""
        page = self.show_page(hit.page)
        found = page.reveal(hit.row_id, hit.year)
        self.statusBar().showMessage(f"{hit.kind}：{hit.title}" if found else "这条记录不在该页面的列表中", 5000)
        return found

    def export_development(self, member_id: int, year: int | None = None):
        """导出打印 set to this person's 发展党员全程纪实表 (of ``year``), ready to export."""
        page = self.show_page("export")
        page.ensure_fresh()
        if year is not None and page.year_box.findData(year) >= 0:
            page.year_box.setCurrentIndex(page.year_box.findData(year))
        page.kind_box.setCurrentIndex(page.kind_box.findData("development"))
        i = page.member_box.findData(member_id)
        if i >= 0:
            page.member_box.setCurrentIndex(i)
        else:
            self.statusBar().showMessage("此人在该年度没有发展党员纪实记录", 5000)
        return page

    def show_member_file(self, member_id: int):
        """The 党员档案 of ``member_id``, over the 党员名册 with the person selected."""
        page = self.show_page("members")
        page.reveal(member_id)
        return page.show_file(member_id)

    def open_appraisals(self) -> None:
        """编辑 → 民主评议…: the same editor as 党员名册 → 民主评议结果…."""
        self.page("members").edit_appraisals()

    def refresh_current(self) -> None:
        page = self.current_page()
        if page is not None:
            page.refresh()
            self._update_members_status()
            self.statusBar().showMessage("已刷新", 2000)

    # ---- quick actions from the 工作台 --------------------------------------------------
    def quick_action(self, key: str) -> None:
        if key == "export":
            page = self.show_page("export")
            page.kind_box.setCurrentIndex(page.kind_box.findData("shuzhi"))
            return
        target = {"meeting": "meetings", "volunteer": "volunteer", "deed": "volunteer",
                  "training": "trainings", "member": "members"}[key]
        if key == "meeting":
            # The whole year's list: 记一次会议 follows a list's filters, none are meant here.
            self.go_to(Target(page="meetings", year=self.page("dashboard").year()))
        page = self.show_page(target)
        if key == "deed":
            page.new_deed()
        else:
            page.new_record()

    def show_meetings_of(self, row: str, month: int) -> int | None:
        """A click on a 工作台 cell: a 缺 cell opens that month's meeting, prefilled; a done
        cell lists that month's meetings of the row (``views.fixes.cell_target``)."""
        dash = self.page("dashboard")
        if dash.data is None:
            return None
        return self.go_to(cell_target(self.ledger, dash.data, row, month, self.session.today))

    def go_to(self, target) -> int | None:
        """Open what fixes a gap (``views.fixes.Target``): its editor prefilled — the saved row
        id, None when cancelled — or its page for the year, filtered to the month."""
        if target is None:
            return None
        if target.table and self.ledger.readonly:
            # As 新建 is off on a read-only file: say why instead of an editor that cannot save.
            self.statusBar().showMessage("台账以只读方式打开，不能登记或修改记录", 6000)
            return None
        if target.table:
            saved = editing.edit_record(self, self.ledger, target.table, target.row_id, target.defaults)
            if saved is not None:
                self.session.notify_changed(target.table)
                self.statusBar().showMessage("已保存", 4000)
            return saved
        page = self.show_page(target.page)
        if target.year and hasattr(page, "set_year"):
            page.set_year(target.year)
        if target.tab == "checklist" and hasattr(page, "show_checklist"):
            page.show_checklist()
        if isinstance(page, ListPage):
            for key in page.filter_boxes:
                page.set_filter(key, target.filters.get(key))
            page.search.setText(f"{target.year}-{target.month:02d}-" if target.year and target.month else "")
        if target.month:
            self.statusBar().showMessage(f"{target.year}年{target.month}月", 4000)
        return None

    # ---- files -----------------------------------------------------------------------
    def new_ledger(self) -> None:
        from .first_run import FirstRunDialog

        dlg = FirstRunDialog(self)
        dlg.setWindowTitle("新建或打开台账")
        if dlg.exec() and dlg.ledger is not None:
            self.set_ledger(dlg.ledger)

    def import_package(self) -> None:
        """从数据包导入: a package from another computer becomes a new ledger file, then opens."""
        from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit

        from ..ledger.package import import_package_into, package_is_sealed

        src, _ = QFileDialog.getOpenFileName(self, "选择台账数据包", str(Path.home()),
                                             "台账数据包 (*.zip *.json);;所有文件 (*)")
        if not src:
            return
        default = paths.user_data_dir() / (Path(src).stem + ".sqlite")
        target, _ = QFileDialog.getSaveFileName(self, "导入为新的台账文件", str(default),
                                                "台账文件 (*.sqlite)")
        if not target:
            return
        target_path = Path(target if target.lower().endswith((".sqlite", ".db")) else target + ".sqlite")
        if target_path.exists() and target_path.stat().st_size > 0:
            QMessageBox.warning(self, "从数据包导入", f"文件“{target_path.name}”已存在：数据包只导入为新的台账文件，"
                                                "请换一个文件名")
            return
        try:
            password = None
            if package_is_sealed(src):
                password, ok = QInputDialog.getText(self, "数据包密码", "这个数据包设置了密码，请输入密码：",
                                                    QLineEdit.Password)
                if not ok:
                    return
            QApplication.setOverrideCursor(Qt.WaitCursor)
            try:
                counts = import_package_into(target_path, src, password=password)
            finally:
                QApplication.restoreOverrideCursor()
        except LedgerError as exc:
            QMessageBox.warning(self, "从数据包导入", f"没有导入：{exc}")
            return
        total = sum(counts.values())
        self.statusBar().showMessage(f"已导入数据包：共{total}条记录", 5000)
        self.open_path(target_path)

    def open_ledger_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "打开台账文件", str(Path(self.ledger.path).parent),
                                              "台账文件 (*.sqlite *.db);;所有文件 (*)")
        if path:
            self.open_path(path)

    def open_demo(self) -> None:
        try:
            path = opening.demo_path()
        except (LedgerError, ImportError) as exc:
            QMessageBox.warning(self, "无法生成示例台账", str(exc))
            return
        self.open_path(path)

    def open_path(self, path) -> bool:
        if Path(path).resolve() == Path(self.ledger.path).resolve():
            return True
        ledger = opening.open_with_recovery(path, self)
        if ledger is None:
            return False
        opening.remember(path)
        self.set_ledger(ledger)
        return True

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        current = str(Path(self.ledger.path).resolve())
        paths_ = [p for p in opening.recent_ledgers() if p != current]
        for p in paths_:
            a = self.recent_menu.addAction(p)
            a.triggered.connect(lambda _c=False, path=p: self.open_path(path))
        if not paths_:
            self.recent_menu.addAction("（无）").setEnabled(False)

    def backup_now(self) -> None:
        page = self.page("settings")
        target = page.backup_now()
        if target is not None:
            self.statusBar().showMessage(f"已备份到：{target}", 8000)

    def restore_backup(self, backup_path: str) -> None:
        """Close the ledger, put the backup in its place (keeping the current file), reopen."""
        path = Path(self.ledger.path)
        folder = self.ledger.backup_dir
        self.session.runner.cancel_all()
        self.session.runner.pool.waitForDone(10000)
        self.ledger.close()
        message = None
        try:
            from ..ledger import safety

            safety.restore_backup(backup_path, path, folder)
        except (LedgerError, ImportError) as exc:
            message = str(exc)
        try:
            ledger = opening.open_ledger(path)
        except LedgerError as exc:
            QMessageBox.critical(self, "无法重新打开台账", str(exc))
            self.close()
            return
        self.set_ledger(ledger)  # closing the old Ledger again is a no-op
        if message:
            QMessageBox.warning(self, "恢复失败", message)
        else:
            self.statusBar().showMessage(f"已从备份恢复：{Path(backup_path).name}", 8000)

    def about(self) -> None:
        QMessageBox.about(self, f"关于{APP_NAME}",
                          f"<h3>{APP_NAME} {__version__}</h3><p>党支部台账、达标创星评估与年终材料。</p>"
                          f"<p>全部数据保存在本机的台账文件中，不需要联网。</p>"
                          f"<p>数据文件夹：{paths.user_data_dir()}</p>")

    def closeEvent(self, event) -> None:
        if self.persist:
            _settings.put(_settings.GEOMETRY, self.saveGeometry())
        if self.session is not None:
            self.session.runner.cancel_all()
            self.session.runner.pool.waitForDone(10000)
            self._backup_before_close(self.session.ledger)
            self.session.ledger.close()
        super().closeEvent(event)

    def _backup_before_close(self, ledger) -> None:
        """A backup when anything changed since the last one (the README's promise); a failure
        is said, never keeps the window open."""
        if not self.backup_on_exit or getattr(ledger, "conn", None) is None:
            return
        try:
            made = ledger.backup_if_changed()
        except LedgerError as exc:
            from ..logfile import log

            log().warning("关闭台账时的备份未能完成：%s", exc)
            QMessageBox.warning(self, "备份未完成", f"关闭台账时的自动备份未能完成：{exc}\n\n台账本身已保存。")
            return
        if made is not None:
            from ..logfile import log

            log().info("关闭台账时已备份到：%s", made)
