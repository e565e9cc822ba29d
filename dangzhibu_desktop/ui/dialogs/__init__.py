"""The editors of the window: one modal dialog per record kind, the dues grid and the checklist.

Every dialog holds its compiled Designer form (``dangzhibu_desktop.ui.forms``), shows refusals
inline in Chinese, saves with Ctrl+S in ONE transaction and asks before dropping unsaved changes.

Contract used by the window:
    edit_record(parent, ledger, table, row_id=None, defaults=None) -> int | None
    DuesGridWidget(ledger, year, parent=None)    signal ``changed``
    ChecklistWidget(ledger, year, parent=None)   signal ``changed``
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog

from .activities import PioneerPostDialog, TrainingDialog, VolunteerDialog
from .checklist import ChecklistWidget
from .common import RecordDialog
from .dues import DuesGridWidget, compute_dues
from .meeting import MeetingDialog
from .member import CommitteeRoleDialog, MemberDialog, StepDialog
from .misc import AppraisalDialog, BranchDialog, PartyGroupDialog, RectificationDialog
from .talks import TalkDialog
from .transfers import TransferDialog

DIALOGS: dict[str, type[RecordDialog]] = {
    "members": MemberDialog,
    "development_steps": StepDialog,
    "committee_roles": CommitteeRoleDialog,
    "meetings": MeetingDialog,
    "trainings": TrainingDialog,
    "volunteer_activities": VolunteerDialog,
    "pioneer_posts": PioneerPostDialog,
    "rectifications": RectificationDialog,
    "talks": TalkDialog,
    "transfers": TransferDialog,
    "party_groups": PartyGroupDialog,
    "appraisals": AppraisalDialog,
    "branch": BranchDialog,
}


def dialog_for(parent, ledger, table: str, row_id: int | None = None, defaults: dict | None = None) -> RecordDialog:
    """The editor for ``table`` (not shown): tests and callers that need the dialog itself."""
    try:
        cls = DIALOGS[table]
    except KeyError:
        raise ValueError(f"no editor for table {table!r}") from None
    return cls(ledger, row_id, defaults, parent)


def edit_record(parent, ledger, table: str, row_id: int | None = None, defaults: dict | None = None) -> int | None:
    """Open the modal editor; the saved row id, or None when the person cancelled.

    Raises:
        LedgerError: the row does not exist (any more).
    """
    dialog = dialog_for(parent, ledger, table, row_id, defaults)
    try:
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return dialog.saved_id
        return None
    finally:
        dialog.deleteLater()


__all__ = [
    "edit_record", "dialog_for", "DIALOGS", "DuesGridWidget", "ChecklistWidget", "compute_dues",
    "RecordDialog", "MemberDialog", "StepDialog", "CommitteeRoleDialog", "MeetingDialog", "TrainingDialog",
    "VolunteerDialog", "PioneerPostDialog", "RectificationDialog", "PartyGroupDialog", "AppraisalDialog",
    "BranchDialog",
]
