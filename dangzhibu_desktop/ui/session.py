"""What every page is handed: the open ledger, the task runner and a change signal."""

from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import QObject, Signal

from ..views.common import years_of  # noqa: F401  (the pages' year boxes ask it from here)
from .workers import TaskRunner


class Session(QObject):
    """The open ledger of the window.

    Signals:
        changed(str): a table was written (pages mark themselves stale and reload when shown).
        message(str): a short status-bar message.
        year_changed(int): a person chose another year on some page; every page shows it.
    """

    changed = Signal(str)
    message = Signal(str)
    year_changed = Signal(int)

    def __init__(self, ledger, runner: TaskRunner | None = None, parent=None):
        super().__init__(parent)
        self.ledger = ledger
        self.runner = runner or TaskRunner(self)
        self.today = _dt.date.today()
        self._year: int | None = None  # chosen on any page; None until then (this year)

    @property
    def path(self):
        return self.ledger.path

    def default_year(self) -> int:
        """The year every page shows: the one last chosen on any page, else this year (in
        January, choosing last year once prepares its 述职 on every page)."""
        return self._year or self.today.year

    def set_year(self, year: int) -> None:
        changed = year != self.default_year()
        self._year = year
        if changed:
            self.year_changed.emit(year)

    def notify_changed(self, table: str = "") -> None:
        self.changed.emit(table)

    def say(self, text: str) -> None:
        self.message.emit(text)
