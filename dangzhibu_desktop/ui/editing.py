"""The bridge to the editors (``ui.dialogs``, written alongside) with an import guard."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from ..ledger.validate import LedgerError


def dialogs_module():
    """The editors package, or None while it is not there (pages then disable 新建/编辑)."""
    try:
        from . import dialogs
    except ModuleNotFoundError as exc:
        if exc.name and exc.name.startswith(__package__ + ".dialogs"):
            return None
        raise
    return dialogs


def editors_available() -> bool:
    return hasattr(dialogs_module(), "edit_record")


def edit_record(parent, ledger, table: str, row_id: int | None = None, defaults: dict | None = None):
    """Open the modal editor; the saved row id, or None when cancelled or unavailable."""
    mod = dialogs_module()
    if mod is None or not hasattr(mod, "edit_record"):
        return None
    try:
        return mod.edit_record(parent, ledger, table, row_id=row_id, defaults=defaults)
    except LedgerError as exc:  # e.g. the row went to the 回收站 meanwhile
        QMessageBox.warning(parent, "无法编辑", str(exc))
        return None


def widget_class(name: str):
    """``DuesGridWidget`` / ``ChecklistWidget`` from the editors package, or None."""
    mod = dialogs_module()
    return getattr(mod, name, None) if mod is not None else None
