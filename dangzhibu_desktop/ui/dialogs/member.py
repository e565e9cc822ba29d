"""The member editor (with the 25-step 发展 timeline and 支委分工), the step and role editors."""

from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QPushButton

from ...ledger import enums, steps as steps_mod
from ...ledger.validate import (
    ValidationError, birth_date_from_id, check_extension, gender_from_id, validate_id_number,
)
from ..forms.ui_committee_role_dialog import Ui_CommitteeRoleDialog
from ..forms.ui_member_dialog import Ui_MemberDialog
from ..forms.ui_step_dialog import Ui_StepDialog
from ..widgets.datefield import DateField
from .common import (
    GridColumn, MemberGrid, RecordDialog, combo_value, fill_combo, group_choices, line_text,
    party_choices, plain_text, prepare_table, selected_rows, set_combo, set_date,
    setup_date, get_date,
)

TEXT = {
    "title_new": "新增人员",  # 党员 or 申请人 alike: the timeline says which
    "plain_admit": "入党日期：",
    "plain_full": "转正日期：",
    "plain_hint": "已入党的同志直接填写（记为发展纪实第15、23步）",
    "plain_note": "建档时直接录入",
    "plain_full_alone": "填写了转正日期，请同时填写入党日期",
    "plain_order": "转正日期不能早于入党日期",
    "plain_clear": "要删除第{step}步（{what}），请在“发展纪实”页签中删除该步骤",
    "title_edit": "党员信息 — {name}",
    "id_ok": "✓ 出生日期 {birth}，性别 {gender}",
    "category": "当前类别：{category}",
    "category_none": "当前类别：尚无发展纪实（在“发展党员纪实”中登记步骤）",
    "category_cancelled": "当前类别：已取消预备党员资格",
    "admitted": "；入党日期 {date}",
    "full_since": "；转正日期 {date}，党龄 {years} 年",
    "next": "下一步：第{n}步 {name}（{stage}阶段）",
    "next_earliest": "，最早可于 {date} 进行",
    "next_overdue": "（已可进行）",
    "done": "发展程序已全部完成（第25步 材料归档已登记）。",
    "cancelled": "已取消预备党员资格，发展程序终止。",
    "step_new": "登记发展步骤",
    "step_edit": "修改发展步骤",
    "step_hint": "按已登记的步骤，下一步为第{n}步 {name}",
    "step_hint_date": "，最早 {date}",
    "outcome_only": "转正结论只用于第23、24步",
    "role_new": "新增支委职务",
    "role_edit": "修改支委职务",
    "role_self": "（本人）",
    "role_order": "离任日期不能早于任职日期",
    "pick_member": "请选择委员",
    "transfer": "组织关系转接…",
    "transfer_tip": "登记这位党员的组织关系转出（在册时）或转入；转入、离开本支部日期和党籍状态随之更新",
    "transfer_new": "保存新人员后可登记组织关系转接",
}

STEP_COLUMNS = [
    GridColumn("step_label", "步骤", width=190),
    GridColumn("stage", "阶段", width=110),
    GridColumn("date", "日期", width=100),
    GridColumn("outcome", "转正结论", width=90),
    GridColumn("persons", "相关人员", width=140),
    GridColumn("note", "说明", width=200),
]

ROLE_COLUMNS = [
    GridColumn("role", "职务", width=120),
    GridColumn("start_date", "任职日期", width=110),
    GridColumn("end_date", "离任日期", width=110),
    GridColumn("state", "状态", width=80),
]


def _step_display(s: dict) -> dict:
    step = steps_mod.CATALOGUE.get(s.get("step"))
    outcome = s.get("outcome") or ""
    if outcome and s.get("extension_months"):
        outcome += f"{s['extension_months']}个月"
    return {**s, "step_label": steps_mod.step_label(s.get("step")), "stage": step.stage if step else "",
            "outcome": outcome}


def _role_display(r: dict, today: str) -> dict:
    current = r.get("start_date", "") <= today and (not r.get("end_date") or r["end_date"] >= today)
    return {**r, "state": "在任" if current else "已离任" if r.get("end_date") else "未到任"}


def timeline_text(step_rows: list[dict], today: _dt.date | None = None) -> tuple[str, str]:
    """(category line, next-step line) for a person's recorded steps."""
    today = today or _dt.date.today()
    category = steps_mod.derive_category(step_rows)
    if not step_rows:
        cat = TEXT["category_none"]
    elif category is None:
        cat = TEXT["category_cancelled"]
    else:
        cat = TEXT["category"].format(category=category)
        admitted = steps_mod.admitted_on(step_rows)
        if admitted:
            cat += TEXT["admitted"].format(date=admitted.isoformat())
        since = steps_mod.full_member_since(step_rows)
        if since:
            cat += TEXT["full_since"].format(date=since.isoformat(),
                                             years=steps_mod.party_standing_years(step_rows, today))
    nxt = steps_mod.next_step(step_rows)
    if nxt is None:
        line = TEXT["cancelled"] if step_rows and category is None else TEXT["done"]
    else:
        n, earliest = nxt
        step = steps_mod.CATALOGUE[n]
        line = TEXT["next"].format(n=n, name=step.name, stage=step.stage)
        if earliest:
            line += TEXT["next_earliest"].format(date=earliest.isoformat())
            if earliest <= today:
                line += TEXT["next_overdue"]
    return cat, line


class MemberDialog(RecordDialog):
    """All fields of a member, the ID checked as it is typed, the 发展 timeline and 支委分工."""

    table = "members"
    form_class = Ui_MemberDialog

    def setup(self) -> None:
        ui = self.ui
        self._id_error: str | None = None
        fill_combo(ui.genderCombo, enums.GENDERS, blank="")
        fill_combo(ui.educationCombo, enums.EDUCATIONS)
        fill_combo(ui.partyGroupCombo, group_choices(self.ledger), blank="（未分组）")
        fill_combo(ui.statusCombo, enums.MEMBER_STATUSES)
        fill_combo(ui.duesClassCombo, enums.DUES_CLASSES)
        for edit in (ui.birthDateEdit, ui.joinedEdit, ui.leftEdit):
            setup_date(edit)
        ui.idNumberEdit.textChanged.connect(self.check_id)
        # Beside 党籍状态: a 转出 (or 转入) is a record of its own that sets the dates below.
        self.transfer_button = QPushButton(TEXT["transfer"])
        self.transfer_button.clicked.connect(self.transfer)
        ui.basicGrid.addWidget(self.transfer_button, 6, 2)
        ui.exemptCheck.toggled.connect(ui.exemptReasonEdit.setEnabled)
        # An existing 党员's 入党日期 and 转正日期 in plain words, under 当前类别: they are steps 15
        # and 23 of the timeline (one record), so no one has to find those steps for a veteran.
        row = QHBoxLayout()
        self.admit_edit, self.full_edit = DateField(), DateField()
        for label, edit in ((TEXT["plain_admit"], self.admit_edit), (TEXT["plain_full"], self.full_edit)):
            setup_date(edit)
            row.addWidget(QLabel(label))
            row.addWidget(edit)
        hint = QLabel(TEXT["plain_hint"])
        hint.setStyleSheet("color:#666")
        row.addWidget(hint, 1)
        ui.basicLayout.insertLayout(ui.basicLayout.indexOf(ui.categoryLabel) + 1, row)
        self.field_widgets = {
            "name": ui.nameEdit, "id_number": ui.idNumberEdit, "gender": ui.genderCombo,
            "birth_date": ui.birthDateEdit, "ethnicity": ui.ethnicityEdit, "education": ui.educationCombo,
            "phone": ui.phoneEdit, "work_post": ui.workPostEdit, "party_group_id": ui.partyGroupCombo,
            "status": ui.statusCombo, "dues_class": ui.duesClassCombo, "mobile": ui.mobileCheck,
            "joined_branch_on": ui.joinedEdit, "left_on": ui.leftEdit, "notes": ui.notesEdit,
            "exempt_from_activities": ui.exemptCheck, "exempt_reason": ui.exemptReasonEdit,
            "step": ui.stepsTable, "date": ui.stepsTable, "outcome": ui.stepsTable,
            "role": ui.rolesTable, "start_date": ui.rolesTable, "end_date": ui.rolesTable,
            "plain_admitted": self.admit_edit, "plain_full": self.full_edit,
        }
        self.steps_model = MemberGrid(STEP_COLUMNS, self)
        ui.stepsTable.setModel(self.steps_model)
        prepare_table(ui.stepsTable)
        for i, c in enumerate(STEP_COLUMNS):
            ui.stepsTable.setColumnWidth(i, c.width)
        ui.stepsTable.horizontalHeader().setStretchLastSection(True)
        ui.stepsTable.doubleClicked.connect(lambda _i: self.edit_step())
        ui.addStepButton.clicked.connect(self.add_step)
        ui.editStepButton.clicked.connect(self.edit_step)
        ui.deleteStepButton.clicked.connect(self.delete_step)
        self.roles_model = MemberGrid(ROLE_COLUMNS, self)
        ui.rolesTable.setModel(self.roles_model)
        prepare_table(ui.rolesTable)
        for i, c in enumerate(ROLE_COLUMNS):
            ui.rolesTable.setColumnWidth(i, c.width)
        ui.rolesTable.horizontalHeader().setStretchLastSection(True)
        ui.rolesTable.doubleClicked.connect(lambda _i: self.edit_role())
        ui.addRoleButton.clicked.connect(self.add_role)
        ui.editRoleButton.clicked.connect(self.edit_role)
        ui.deleteRoleButton.clicked.connect(self.delete_role)
        self.resize(900, 640)

    def load(self, row: dict) -> None:
        ui = self.ui
        self.setWindowTitle(TEXT["title_edit"].format(name=row["name"]) if self.record else TEXT["title_new"])
        ui.nameEdit.setText(row.get("name") or "")
        ui.idNumberEdit.setText(row.get("id_number") or "")
        set_combo(ui.genderCombo, row.get("gender"))
        set_date(ui.birthDateEdit, row.get("birth_date"))
        ui.ethnicityEdit.setText(row.get("ethnicity") or "")
        set_combo(ui.educationCombo, row.get("education"))
        ui.phoneEdit.setText(row.get("phone") or "")
        ui.workPostEdit.setText(row.get("work_post") or "")
        set_combo(ui.partyGroupCombo, row.get("party_group_id"))
        set_combo(ui.statusCombo, row.get("status") or enums.ACTIVE_STATUS)
        set_combo(ui.duesClassCombo, row.get("dues_class") or enums.DUES_EMPLOYED)
        ui.mobileCheck.setChecked(bool(row.get("mobile")))
        set_date(ui.joinedEdit, row.get("joined_branch_on"))
        set_date(ui.leftEdit, row.get("left_on"))
        ui.notesEdit.setPlainText(row.get("notes") or "")
        self.transfer_button.setEnabled(bool(self.row_id))
        self.transfer_button.setToolTip(TEXT["transfer_tip"] if self.row_id else TEXT["transfer_new"])
        ui.exemptCheck.setChecked(bool(row.get("exempt_from_activities")))
        ui.exemptReasonEdit.setText(row.get("exempt_reason") or "")
        ui.exemptReasonEdit.setEnabled(ui.exemptCheck.isChecked())
        if self.row_id:
            self.steps = [dict(s) for s in self.ledger.member_steps(self.row_id)]
            self.roles = [dict(r) for r in self.ledger.children("committee_roles", self.row_id)]
        else:
            self.steps = [dict(s) for s in row.get("development_steps", [])]
            self.roles = []
        self.refresh_steps()
        self.refresh_roles()

    # -- 组织关系转接
    def transfer(self) -> int | None:
        """The transfer editor for this member (saved on its own); the dates and status it set
        are shown here at once, so saving this dialog keeps them."""
        from .transfers import TransferDialog

        out = combo_value(self.ui.statusCombo) == enums.ACTIVE_STATUS
        dlg = TransferDialog(self.ledger, defaults={
            "member_id": self.row_id, "direction": enums.TRANSFERRED_OUT if out else enums.TRANSFER_IN}, parent=self)
        try:
            if dlg.exec() != QDialog.DialogCode.Accepted:
                return None
        finally:
            dlg.deleteLater()
        row = self.ledger.get("members", self.row_id)
        was_loading, self._loading = self._loading, True  # not a change of this dialog's own
        set_combo(self.ui.statusCombo, row["status"])
        set_date(self.ui.joinedEdit, row.get("joined_branch_on"))
        set_date(self.ui.leftEdit, row.get("left_on"))
        self._loading = was_loading
        self.record = row
        return dlg.saved_id

    # -- ID number checked as typed
    def check_id(self, text: str) -> None:
        ui = self.ui
        save = ui.buttonBox.button(QDialogButtonBox.StandardButton.Save)
        if not text.strip():
            self._id_error = None
            ui.idStatusLabel.clear()
            save.setEnabled(True)
            return
        try:
            number = validate_id_number(text)
        except ValidationError as exc:
            self._id_error = exc.message
            ui.idStatusLabel.setText(exc.message)
            ui.idStatusLabel.setStyleSheet("color: #c62828;")
            save.setEnabled(False)
            return
        self._id_error = None
        birth, gender = birth_date_from_id(number), gender_from_id(number)
        ui.idStatusLabel.setText(TEXT["id_ok"].format(birth=birth, gender=gender))
        ui.idStatusLabel.setStyleSheet("color: #2e7d32;")
        save.setEnabled(True)
        set_date(ui.birthDateEdit, birth)
        set_combo(ui.genderCombo, gender)

    # -- steps
    def refresh_steps(self) -> None:
        self.steps.sort(key=lambda s: (s.get("date") or "", s.get("step") or 0))
        self.steps_model.set_rows([_step_display(s) for s in self.steps])
        cat, nxt = timeline_text(self.steps)
        self.ui.categoryLabel.setText(cat)
        self.ui.nextStepLabel.setText(cat + "\n" + nxt)
        was_loading, self._loading = self._loading, True  # shown from the steps, not edited
        admit = self._plain_step(steps_mod.STEP_ADMIT)
        full = self._plain_step(steps_mod.STEP_FULL_MEETING)
        set_date(self.admit_edit, admit.get("date") if admit else None)
        set_date(self.full_edit, full.get("date") if full else None)
        self._plain_shown = (get_date(self.admit_edit), get_date(self.full_edit))
        self._loading = was_loading

    def _plain_step(self, number: int) -> dict | None:
        """The step the plain 入党日期 (15) / 转正日期 (23, an on-time 转正) field stands for."""
        for s in self.steps:
            if s.get("step") == number and (number != steps_mod.STEP_FULL_MEETING
                                            or (s.get("outcome") or enums.ON_TIME_FULL) == enums.ON_TIME_FULL):
                return s
        return None

    def _apply_plain_dates(self) -> None:
        """What the person changed in the plain dates into the timeline: the date on the step it
        names, or a new step (a field left as shown changes nothing)."""
        admit, full = get_date(self.admit_edit), get_date(self.full_edit)
        if (admit, full) == self._plain_shown:
            return
        if full and not admit:
            raise ValidationError(TEXT["plain_full_alone"], "plain_admitted")
        if admit and full and full < admit:
            raise ValidationError(TEXT["plain_order"], "plain_full")
        for number, date, field, what, extra in (
                (steps_mod.STEP_ADMIT, admit, "plain_admitted", "入党", {}),
                (steps_mod.STEP_FULL_MEETING, full, "plain_full", "转正", {"outcome": enums.ON_TIME_FULL})):
            if date == self._plain_shown[0 if number == steps_mod.STEP_ADMIT else 1]:
                continue
            step = self._plain_step(number)
            if step is not None and not date:
                raise ValidationError(TEXT["plain_clear"].format(step=number, what=what), field)
            if step is not None:
                step["date"] = date
            elif date:
                self.steps.append({"step": number, "date": date, "note": TEXT["plain_note"], **extra})

    def add_step(self) -> None:
        dlg = StepDialog(self.ledger, defaults={}, parent=self, context_steps=self.steps, embedded=True)
        if dlg.exec() == QDialog.DialogCode.Accepted:
            self.steps.append(dlg.values)
            self.refresh_steps()
            self.mark_dirty()

    def edit_step(self) -> None:
        rows = selected_rows(self.ui.stepsTable)
        if not rows:
            return
        current = self.steps[rows[0]]
        others = [s for s in self.steps if s is not current]
        dlg = StepDialog(self.ledger, defaults=current, parent=self, context_steps=others, embedded=True)
        if dlg.exec() == QDialog.DialogCode.Accepted:
            current.update(dlg.values)
            self.refresh_steps()
            self.mark_dirty()

    def delete_step(self) -> None:
        rows = selected_rows(self.ui.stepsTable)
        for r in reversed(rows):
            del self.steps[r]
        if rows:
            self.refresh_steps()
            self.mark_dirty()

    # -- committee roles
    def refresh_roles(self) -> None:
        today = _dt.date.today().isoformat()
        self.roles.sort(key=lambda r: (r.get("start_date") or "", r.get("role") or ""))
        self.roles_model.set_rows([_role_display(r, today) for r in self.roles])

    def add_role(self) -> None:
        dlg = CommitteeRoleDialog(self.ledger, defaults={"member_id": self.row_id}, parent=self, embedded=True)
        if dlg.exec() == QDialog.DialogCode.Accepted:
            self.roles.append(dlg.values)
            self.refresh_roles()
            self.mark_dirty()

    def edit_role(self) -> None:
        rows = selected_rows(self.ui.rolesTable)
        if not rows:
            return
        current = self.roles[rows[0]]
        dlg = CommitteeRoleDialog(self.ledger, defaults=current, parent=self, embedded=True)
        if dlg.exec() == QDialog.DialogCode.Accepted:
            current.update(dlg.values)
            self.refresh_roles()
            self.mark_dirty()

    def delete_role(self) -> None:
        rows = selected_rows(self.ui.rolesTable)
        for r in reversed(rows):
            del self.roles[r]
        if rows:
            self.refresh_roles()
            self.mark_dirty()

    # -- save
    def values(self) -> dict:
        ui = self.ui
        return {
            "name": line_text(ui.nameEdit),
            "gender": combo_value(ui.genderCombo),
            "ethnicity": line_text(ui.ethnicityEdit),
            "birth_date": get_date(ui.birthDateEdit),
            "id_number": line_text(ui.idNumberEdit),
            "education": combo_value(ui.educationCombo),
            "phone": line_text(ui.phoneEdit),
            "work_post": line_text(ui.workPostEdit),
            "party_group_id": combo_value(ui.partyGroupCombo),
            "status": combo_value(ui.statusCombo),
            "mobile": 1 if ui.mobileCheck.isChecked() else 0,
            "dues_class": combo_value(ui.duesClassCombo),
            "joined_branch_on": get_date(ui.joinedEdit),
            "left_on": get_date(ui.leftEdit),
            "notes": plain_text(ui.notesEdit),
            "exempt_from_activities": 1 if ui.exemptCheck.isChecked() else 0,
            # the reason goes with the exemption: unticked, nothing is kept
            "exempt_reason": line_text(ui.exemptReasonEdit) if ui.exemptCheck.isChecked() else None,
        }

    def before_write(self) -> None:
        if self._id_error:
            raise ValidationError(self._id_error, "id_number")
        self._apply_plain_dates()

    def write(self) -> int:
        values = self.values()
        member_id = self.save_row(values)
        _sync_children(self.ledger, "development_steps", member_id, self.steps,
                       ("step", "date", "note", "outcome", "persons", "extension_months"))
        _sync_children(self.ledger, "committee_roles", member_id, self.roles,
                       ("role", "start_date", "end_date"))
        return member_id


def _sync_children(ledger, table: str, member_id: int, wanted: list[dict], keys: tuple) -> None:
    """Bring a member's child rows to ``wanted``: update kept rows, insert new, 回收站 for removed."""
    existing = {r["id"]: r for r in ledger.children(table, member_id)}
    kept = set()
    for row in wanted:
        values = {k: row.get(k) for k in keys}
        if row.get("id") in existing:
            kept.add(row["id"])
            ledger.update(table, row["id"], values)
        else:
            ledger.insert(table, {**values, "member_id": member_id})
    for gone in set(existing) - kept:
        ledger.delete(table, gone)


class StepDialog(RecordDialog):
    """One step of the 发展 timeline.

    ``embedded=True`` (inside the member editor): nothing is written, ``values`` holds the row for
    the member editor to save with the member in one transaction.
    """

    table = "development_steps"
    form_class = Ui_StepDialog

    def __init__(self, ledger, row_id=None, defaults=None, parent=None, *, context_steps=None, embedded=False):
        self.embedded = embedded
        self.context_steps = context_steps
        self.values: dict = {}
        super().__init__(ledger, row_id, defaults, parent)

    def setup(self) -> None:
        ui = self.ui
        fill_combo(ui.stepCombo, [(f"{s.number} {s.name}（{s.stage}）", s.number)
                                  for s in steps_mod.CATALOGUE.values()])
        fill_combo(ui.outcomeCombo, enums.PROBATION_OUTCOMES, blank="")
        setup_date(ui.dateEdit, optional=False)
        ui.stepCombo.currentIndexChanged.connect(self._step_changed)
        ui.outcomeCombo.currentIndexChanged.connect(self._outcome_changed)
        ui.extensionEdit.setValidator(QRegularExpressionValidator(QRegularExpression("[0-9]{0,2}"), ui.extensionEdit))
        self.field_widgets = {"step": ui.stepCombo, "date": ui.dateEdit, "note": ui.noteEdit,
                              "outcome": ui.outcomeCombo, "persons": ui.personsEdit,
                              "extension_months": ui.extensionEdit}

    def load(self, row: dict) -> None:
        ui = self.ui
        if self.context_steps is None:
            member_id = row.get("member_id")
            self.context_steps = [s for s in self.ledger.member_steps(member_id)
                                  if s["id"] != self.row_id] if member_id else []
        suggestion = steps_mod.next_step(self.context_steps)
        self.setWindowTitle(TEXT["step_edit"] if row.get("step") else TEXT["step_new"])
        step = row.get("step") or (suggestion[0] if suggestion else 1)
        set_combo(ui.stepCombo, step)
        if row.get("date"):
            set_date(ui.dateEdit, row["date"])
        elif suggestion and suggestion[1] and suggestion[1] > _dt.date.today():
            set_date(ui.dateEdit, suggestion[1].isoformat())
        set_combo(ui.outcomeCombo, row.get("outcome"))
        ui.extensionEdit.setText("" if row.get("extension_months") is None else str(row["extension_months"]))
        ui.personsEdit.setText(row.get("persons") or "")
        ui.noteEdit.setPlainText(row.get("note") or "")
        if suggestion:
            n, earliest = suggestion
            hint = TEXT["step_hint"].format(n=n, name=steps_mod.CATALOGUE[n].name)
            if earliest:
                hint += TEXT["step_hint_date"].format(date=earliest.isoformat())
            ui.hintLabel.setText(hint)
        self._step_changed()

    def _step_changed(self, *_args) -> None:
        allowed = self.ui.stepCombo.currentData() in (steps_mod.STEP_FULL_MEETING, steps_mod.STEP_FULL_APPROVE)
        self.ui.outcomeCombo.setEnabled(allowed)
        if not allowed:
            self.ui.outcomeCombo.setCurrentIndex(0)
        self._outcome_changed()

    def _outcome_changed(self, *_args) -> None:
        """The months of an extension are asked only with 延长预备期."""
        extend = combo_value(self.ui.outcomeCombo) == steps_mod.OUTCOME_EXTEND
        self.ui.extensionEdit.setEnabled(extend)
        self.ui.extensionEditLabel.setEnabled(extend)

    def before_write(self) -> None:
        ui = self.ui
        self.values = {
            "step": ui.stepCombo.currentData(),
            "date": get_date(ui.dateEdit),
            "outcome": combo_value(ui.outcomeCombo),
            "persons": line_text(ui.personsEdit),
            "note": plain_text(ui.noteEdit),
        }
        months = ui.extensionEdit.text().strip()
        extend = self.values["outcome"] == steps_mod.OUTCOME_EXTEND
        self.values["extension_months"] = int(months) if months and extend else None
        if self.values["outcome"] and self.values["step"] not in (23, 24):
            raise ValidationError(TEXT["outcome_only"], "outcome")
        check_extension(self.values["outcome"], self.values["extension_months"], required=True)

    def write(self):
        if self.embedded:
            return self.row_id
        return self.save_row(self.values if self.row_id
                             else {**self.values, "member_id": self.defaults.get("member_id")})


class CommitteeRoleDialog(RecordDialog):
    """A 支委 post held by a member (``embedded`` inside the member editor: values only)."""

    table = "committee_roles"
    form_class = Ui_CommitteeRoleDialog

    def __init__(self, ledger, row_id=None, defaults=None, parent=None, *, embedded=False):
        self.embedded = embedded
        self.values: dict = {}
        super().__init__(ledger, row_id, defaults, parent)

    def setup(self) -> None:
        ui = self.ui
        fill_combo(ui.roleCombo, enums.COMMITTEE_ROLES)
        setup_date(ui.startEdit, optional=False)
        setup_date(ui.endEdit)
        self.field_widgets = {"member_id": ui.memberCombo, "role": ui.roleCombo,
                              "start_date": ui.startEdit, "end_date": ui.endEdit}

    def load(self, row: dict) -> None:
        ui = self.ui
        self.setWindowTitle(TEXT["role_edit"] if row.get("role") else TEXT["role_new"])
        if self.embedded:
            fill_combo(ui.memberCombo, [(TEXT["role_self"], row.get("member_id"))])
            ui.memberCombo.setEnabled(False)
        else:
            fill_combo(ui.memberCombo, party_choices(self.ledger, [row.get("member_id")]), blank="")
            set_combo(ui.memberCombo, row.get("member_id"))
        set_combo(ui.roleCombo, row.get("role") or enums.COMMITTEE_ROLES[0])
        if row.get("start_date"):
            set_date(ui.startEdit, row["start_date"])
        set_date(ui.endEdit, row.get("end_date"))

    def before_write(self) -> None:
        ui = self.ui
        self.values = {"role": combo_value(ui.roleCombo), "start_date": get_date(ui.startEdit),
                       "end_date": get_date(ui.endEdit)}
        if not self.embedded:
            self.values["member_id"] = combo_value(ui.memberCombo)
            if not self.values["member_id"]:
                raise ValidationError(TEXT["pick_member"], "member_id")
        if self.values["end_date"] and self.values["end_date"] < self.values["start_date"]:
            raise ValidationError(TEXT["role_order"], "end_date")

    def write(self):
        if self.embedded:
            return self.row_id
        return self.save_row(self.values)
