"""What every page is handed: the open ledger, the task runner and a change signal."""

from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import QObject, Signal

from .workers import TaskRunner


class Session(QObject):
    """The open ledger of the window.

    Signals:
        changed(str): a table was written (pages mark themselves stale and reload when shown).
        message(str): a short status-bar message.
    """

    changed = Signal(str)
    message = Signal(str)

    def __init__(self, ledger, runner: TaskRunner | None = None, parent=None):
        super().__init__(parent)
        self.ledger = ledger
        self.runner = runner or TaskRunner(self)
        self.today = _dt.date.today()

    @property
    def path(self):
        return self.ledger.path

    def default_year(self) -> int:
        return self.today.year

    def notify_changed(self, table: str = "") -> None:
        self.changed.emit(table)

    def say(self, text: str) -> None:
        self.message.emit(text)


def years_of(ledger, table: str, date_field: str = "date", extra: int | None = None) -> list[int]:
    """Years that have rows in ``table`` (newest first), plus ``extra`` (the current year)."""
    years = {int(r["y"]) for r in ledger.query(
        f"SELECT DISTINCT substr({date_field}, 1, 4) AS y FROM {table} "
        f"WHERE {date_field} IS NOT NULL AND deleted_at IS NULL")
        if r["y"] and str(r["y"]).isdigit()}
    if extra:
        years.add(extra)
    return sorted(years, reverse=True)
