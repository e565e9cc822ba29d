"""谈心谈话: one talk — when, who talked with whom (a member, or someone outside the branch by
name), what kind, the topic and the record; photos of the written record attach below."""

from __future__ import annotations

import datetime as _dt

from ...ledger import enums
from ..forms.ui_talk_dialog import Ui_TalkDialog
from .common import (
    RecordDialog, combo_value, fill_combo, get_date, line_text, member_choices, plain_text, set_combo,
    set_date, setup_date,
)

TEXT = {
    "new": "登记谈心谈话",
    "edit": "谈心谈话",  # not the enumeration
}


class TalkDialog(RecordDialog):
    table = "talks"
    form_class = Ui_TalkDialog

    def setup(self) -> None:
        ui = self.ui
        record = self.record or self.defaults
        setup_date(ui.dateEdit, optional=False)
        fill_combo(ui.kindCombo, enums.TALK_KINDS)
        people = member_choices(self.ledger, [record.get("talker_id"), record.get("member_id")])
        fill_combo(ui.talkerCombo, people, blank="")
        fill_combo(ui.memberCombo, people, blank="")
        self.field_widgets = {"date": ui.dateEdit, "kind": ui.kindCombo, "talker_id": ui.talkerCombo,
                              "member_id": ui.memberCombo, "person_name": ui.personEdit,
                              "topic": ui.topicEdit, "notes": ui.notesEdit}

    def load(self, row: dict) -> None:
        ui = self.ui
        self.setWindowTitle(TEXT["edit"] if self.record else TEXT["new"])
        if row.get("date"):
            set_date(ui.dateEdit, row["date"])
        set_combo(ui.kindCombo, row.get("kind") or enums.TALK_HEART)
        if row.get("talker_id") is None and not self.record:  # a new talk: the 书记 talks, as a rule
            secretary = self.ledger.secretary_on(_dt.date.today())
            row = {**row, "talker_id": secretary["member_id"] if secretary else None}
        set_combo(ui.talkerCombo, row.get("talker_id"))
        set_combo(ui.memberCombo, row.get("member_id"))
        ui.personEdit.setText(row.get("person_name") or "")
        ui.topicEdit.setText(row.get("topic") or "")
        ui.notesEdit.setPlainText(row.get("notes") or "")

    def write(self) -> int:
        ui = self.ui
        values = {"date": get_date(ui.dateEdit), "kind": combo_value(ui.kindCombo),
                  "talker_id": combo_value(ui.talkerCombo), "member_id": combo_value(ui.memberCombo),
                  "person_name": line_text(ui.personEdit), "topic": line_text(ui.topicEdit),
                  "notes": plain_text(ui.notesEdit)}
        return self.save_row(values)
