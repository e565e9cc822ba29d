"""The one date field and the one time field every editor uses.

A ``DateField`` is a text box: people type ``2026-03-20``, ``2026/3/20``, ``20260320`` or
``2026年3月20日`` (full-width digits too) and Tab on; the text is read by ``ledger.dates`` and
shown back as ISO. Focus selects everything so typing replaces; an optional date stays empty
until a date is typed or picked, and its ✕ empties it again; the 📅 button (or Alt+↓, F4) opens a
Chinese calendar. Impossible text is kept as typed, framed red, and its Chinese reason is
emitted (``invalid``) for the dialog to show; it is never turned into some other date.
"""

from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import QDate, QLocale, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QCalendarWidget, QFrame, QLineEdit, QStyle, QVBoxLayout, QWidget

from ...ledger.dates import DateTextError, parse_date, parse_time

TEXT = {
    "placeholder_optional": "未填写（可输入如 2026-3-20）",
    "placeholder_required": "年-月-日，如 2026-3-20",
    "calendar": "选择日期（Alt+↓）",
    "tip": "可直接输入 2026-03-20、2026/3/20、20260320 或 2026年3月20日；点日历图标选择",
    "tip_optional": "可直接输入 2026-03-20、2026/3/20、20260320 或 2026年3月20日；点日历图标选择；点 ✕ 清空",
    "time_placeholder": "时:分",
    "time_tip": "可输入 14:30、14：30 或 1430",
}

INVALID_STYLE = "border: 1px solid #c62828;"


def chinese_locale() -> QLocale:
    return QLocale(QLocale.Language.Chinese, QLocale.Country.China)


class _CalendarPopup(QFrame):
    """A Chinese month calendar under the field; a click (or Enter) picks the day."""

    def __init__(self, field: "DateField"):
        super().__init__(field, Qt.WindowType.Popup)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.field = field
        self.calendar = QCalendarWidget(self)
        self.calendar.setLocale(chinese_locale())
        self.calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.calendar.setGridVisible(True)
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(1, 1, 1, 1)
        layout.addWidget(self.calendar)
        self.calendar.activated.connect(self._pick)
        self.calendar.clicked.connect(self._pick)

    def _pick(self, qdate: QDate) -> None:
        self.hide()
        self.field.set_date(_dt.date(qdate.year(), qdate.month(), qdate.day()), user=True)
        self.field.setFocus()


class _TypedField(QLineEdit):
    """Entering the field (Tab or a click) selects its whole text, so typing replaces it."""

    def focusInEvent(self, event):  # noqa: N802
        super().focusInEvent(event)
        _select_all_on_entry(self, event.reason())

    def mousePressEvent(self, event):  # noqa: N802
        if not self.hasFocus():
            self.setProperty("_fresh_focus", True)
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event):  # noqa: N802
        super().mouseReleaseEvent(event)
        _select_after_click(self)


class DateField(_TypedField):
    """A typed date (``datetime.date`` or None when empty).

    Signals:
        dateChanged(object): the committed date changed (a ``datetime.date`` or None).
        invalid(str): the typed text is no date; the Chinese reason.
    """

    dateChanged = Signal(object)
    invalid = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._date: _dt.date | None = None
        self._error: str | None = None
        self._optional = True
        self.future_ok = False
        self._popup: _CalendarPopup | None = None
        self.setMaxLength(20)
        icon = self.style().standardIcon(QStyle.StandardPixmap.SP_FileDialogDetailedView)
        self.calendar_action = QAction(QIcon(icon), TEXT["calendar"], self)
        self.calendar_action.triggered.connect(self.show_calendar)
        self.addAction(self.calendar_action, QLineEdit.ActionPosition.TrailingPosition)
        self.editingFinished.connect(self.commit)
        self.textEdited.connect(self._edited)
        self.set_optional(True)

    # -- configuration
    def set_optional(self, optional: bool) -> None:
        self._optional = optional
        self.setClearButtonEnabled(optional)
        self.setPlaceholderText(TEXT["placeholder_optional" if optional else "placeholder_required"])
        self.setToolTip(TEXT["tip_optional" if optional else "tip"])

    def optional(self) -> bool:
        return self._optional

    # -- value
    def date(self) -> _dt.date | None:
        """The last committed date (what was last typed correctly or picked)."""
        return self._date

    def error(self) -> str | None:
        """The Chinese reason the current text is refused, or None."""
        return self._error

    def iso(self) -> str | None:
        return self._date.isoformat() if self._date else None

    def set_date(self, value: _dt.date | str | None, user: bool = False) -> None:
        """Show ``value`` (a date, an ISO text or None); ``user`` marks a person's pick (dirty)."""
        if isinstance(value, str):
            value = parse_date(value) if value.strip() else None
        self._set_error(None)
        self.setText(value.isoformat() if value else "")
        if user:
            self.textEdited.emit(self.text())
        self._store(value)

    def commit(self) -> bool:
        """Read the typed text; True when it is a date (or empty). Called on Tab/Enter and on save."""
        text = self.text()
        try:
            value = parse_date(text)
        except DateTextError as exc:
            self._set_error(str(exc))
            self.invalid.emit(str(exc))
            return False
        self._set_error(None)
        if value is not None and text != value.isoformat():
            self.setText(value.isoformat())
        self._store(value)
        return True

    def _store(self, value: _dt.date | None) -> None:
        if value != self._date:
            self._date = value
            self.dateChanged.emit(value)

    def _edited(self, text: str) -> None:
        if not text:  # the ✕ button or everything deleted: empty now, not at Tab
            self.commit()

    def _set_error(self, message: str | None) -> None:
        self._error = message
        self.setStyleSheet(INVALID_STYLE if message else "")
        if message:
            self.setToolTip(message)
        else:
            self.setToolTip(TEXT["tip_optional" if self._optional else "tip"])

    # -- calendar
    def show_calendar(self) -> None:
        if self._popup is None:
            self._popup = _CalendarPopup(self)
        shown = self._date or _dt.date.today()
        self._popup.calendar.setSelectedDate(QDate(shown.year, shown.month, shown.day))
        self._popup.adjustSize()
        pos = self.mapToGlobal(QPoint(0, self.height()))
        screen = self.screen().availableGeometry() if self.screen() else None
        if screen is not None:
            size = self._popup.sizeHint()
            pos.setX(max(screen.left(), min(pos.x(), screen.right() - size.width())))
            if pos.y() + size.height() > screen.bottom():
                pos.setY(self.mapToGlobal(QPoint(0, 0)).y() - size.height())
        self._popup.move(pos)
        self._popup.show()
        self._popup.calendar.setFocus()

    # -- Qt overrides

    def keyPressEvent(self, event):  # noqa: N802
        if event.key() == Qt.Key.Key_F4 or (event.key() == Qt.Key.Key_Down
                                            and event.modifiers() & Qt.KeyboardModifier.AltModifier):
            self.show_calendar()
            return
        super().keyPressEvent(event)


class TimeField(_TypedField):
    """A typed time of day: ``14:30``, ``14：30`` (Chinese IME) or ``1430`` become ``14:30``.

    Signals:
        invalid(str): the typed text is no time; the Chinese reason.
    """

    invalid = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._error: str | None = None
        self.setMaxLength(8)
        self.setPlaceholderText(TEXT["time_placeholder"])
        self.setToolTip(TEXT["time_tip"])
        self.editingFinished.connect(self.commit)

    def error(self) -> str | None:
        return self._error

    def value(self) -> str | None:
        """``HH:MM`` or None (call ``commit`` first; an invalid text gives None)."""
        return None if self._error else (parse_time(self.text()) if self.text().strip() else None)

    def commit(self) -> bool:
        try:
            value = parse_time(self.text())
        except DateTextError as exc:
            self._error = str(exc)
            self.setStyleSheet(INVALID_STYLE)
            self.setToolTip(self._error)
            self.invalid.emit(self._error)
            return False
        self._error = None
        self.setStyleSheet("")
        self.setToolTip(TEXT["time_tip"])
        if value and self.text() != value:
            self.setText(value)
        return True



def _select_all_on_entry(edit: QLineEdit, reason: Qt.FocusReason) -> None:
    """Entering the field (click, Tab, the window coming back) selects everything, so what is typed
    replaces the old value instead of being glued to it (“2026-12-072026/3/20”)."""
    # Only a click's own release may select again; a later click places the cursor as usual.
    edit.setProperty("_fresh_focus", reason in (Qt.FocusReason.MouseFocusReason,
                                                Qt.FocusReason.ActiveWindowFocusReason))
    # After Qt placed the cursor for the click; the context object drops the call if the field is gone.
    QTimer.singleShot(0, edit, edit.selectAll)


def _select_after_click(edit: QLineEdit) -> None:
    # The click that brought focus also moved the cursor (and may come after the timer): select
    # again unless the person dragged over part of the text on purpose.
    if edit.property("_fresh_focus"):
        edit.setProperty("_fresh_focus", False)
        if not edit.hasSelectedText():
            edit.selectAll()
