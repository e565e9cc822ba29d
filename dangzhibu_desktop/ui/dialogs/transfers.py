"""组织关系转接: one transfer of a member's relation into or out of the branch — when, with which
party organisation, the introduction letter (编号, 有效期), its 回执 and the month dues were paid
up to. Saving it moves the member's dates (``ledger/transfers.py``); the dialog says how."""

from __future__ import annotations

from ...ledger import enums
from ...views import lists as _lists
from ..forms.ui_transfer_dialog import Ui_TransferDialog
from .common import (
    RecordDialog, combo_value, fill_combo, get_date, line_text, plain_text, set_combo, set_date, setup_date,
)

TEXT = {
    "new": "登记组织关系转接",
    "edit": "组织关系转接 — {name}",
    "person": "{name}（{status}）",
    "same_name": "{name}（编号{id}）",
    "rule_in": "保存后，转接日期记为该党员“转入本支部日期”，从这一天起计入在册党员；"
               "此前已转出的党员再次转入时，党籍状态恢复为“在册”。",
    "rule_out": "保存后，转接日期记为该党员“离开本支部日期”，党籍状态改为“转出”：这一天起不再计入在册党员，"
                "历史记录完整保留。党费交至转出当月（1日转出的交至上月）。",
}


class TransferDialog(RecordDialog):
    table = "transfers"
    form_class = Ui_TransferDialog

    def setup(self) -> None:
        ui = self.ui
        record = self.record or self.defaults
        setup_date(ui.dateEdit, optional=False)
        setup_date(ui.validEdit, future_ok=True)  # a letter is valid for weeks ahead
        setup_date(ui.receiptEdit)
        fill_combo(ui.directionCombo, enums.TRANSFER_DIRECTIONS)
        rows = _lists.transfer_people(self.ledger, keep=record.get("member_id"))
        names = [p["name"] for p in rows]
        people = []
        for p in rows:
            name = p["name"] if names.count(p["name"]) == 1 else TEXT["same_name"].format(name=p["name"], id=p["id"])
            if p["status"] != enums.ACTIVE_STATUS:
                name = TEXT["person"].format(name=name, status=p["status"])
            people.append((name, p["id"]))
        fill_combo(ui.memberCombo, people, blank="")
        ui.directionCombo.currentIndexChanged.connect(self._direction_changed)
        self.field_widgets = {"member_id": ui.memberCombo, "direction": ui.directionCombo, "date": ui.dateEdit,
                              "other_org": ui.otherOrgEdit, "letter_no": ui.letterEdit,
                              "valid_until": ui.validEdit, "receipt_on": ui.receiptEdit,
                              "dues_paid_to": ui.duesEdit, "notes": ui.notesEdit}

    def load(self, row: dict) -> None:
        ui = self.ui
        name = self.ledger.get("members", row["member_id"])["name"] if self.record else ""
        self.setWindowTitle(TEXT["edit"].format(name=name) if self.record else TEXT["new"])
        set_combo(ui.memberCombo, row.get("member_id"))
        set_combo(ui.directionCombo, row.get("direction") or enums.TRANSFER_IN)
        if row.get("date"):
            set_date(ui.dateEdit, row["date"])
        ui.otherOrgEdit.setText(row.get("other_org") or "")
        ui.letterEdit.setText(row.get("letter_no") or "")
        set_date(ui.validEdit, row.get("valid_until"))
        set_date(ui.receiptEdit, row.get("receipt_on"))
        ui.duesEdit.setText(row.get("dues_paid_to") or "")
        ui.notesEdit.setPlainText(row.get("notes") or "")
        self._direction_changed()

    def _direction_changed(self, *_args) -> None:
        out = combo_value(self.ui.directionCombo) == enums.TRANSFERRED_OUT
        self.ui.ruleLabel.setText(TEXT["rule_out"] if out else TEXT["rule_in"])

    def write(self) -> int:
        ui = self.ui
        values = {"member_id": combo_value(ui.memberCombo), "direction": combo_value(ui.directionCombo),
                  "date": get_date(ui.dateEdit), "other_org": line_text(ui.otherOrgEdit),
                  "letter_no": line_text(ui.letterEdit), "valid_until": get_date(ui.validEdit),
                  "receipt_on": get_date(ui.receiptEdit), "dues_paid_to": line_text(ui.duesEdit),
                  "notes": plain_text(ui.notesEdit)}
        return self.save_row(values)
