"""Rectification item, branch information (+ 支委分工 and 党小组), party group and yearly appraisals."""

from __future__ import annotations

import datetime as _dt

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QDialog, QMessageBox

from ...ledger import enums, steps as steps_mod
from ...ledger.validate import ValidationError
from ...rules import as_of_day
from ...views import lists as _lists_view
from ..forms.ui_appraisal_dialog import Ui_AppraisalDialog
from ..forms.ui_branch_dialog import Ui_BranchDialog
from ..forms.ui_party_group_dialog import Ui_PartyGroupDialog
from ..forms.ui_rectification_dialog import Ui_RectificationDialog
from .common import (
    GridColumn, MemberGrid, RecordDialog, attach_grid, combo_value, fill_combo, get_date,
    iso_today, line_text, member_choices, parse_iso, party_choices, plain_text, prepare_table, selected_rows,
    set_combo, set_date, setup_date,
)
from .member import CommitteeRoleDialog

TEXT = {
    "rect_new": "新增整改事项",
    "rect_edit": "整改事项",
    "rect_closed_missing": "标记为“已完成”时请填写完成日期（整改实际完成的那一天）",
    "branch": "支部信息",
    "term_end": "本届任期至 {date}，届满前请做好换届准备",
    "term_over": "本届任期已于 {date} 届满，请及时换届",
    "group_new": "新增党小组",
    "group_edit": "党小组 — {name}",
    "group_summary": "小组成员 {n} 人（勾选本小组成员；一名党员只属于一个党小组）",
    "other_group": "（现属{group}）",
    "appraisal": "民主评议结果",
    "appraisal_summary": "应评 {n} 人：优秀 {a}，合格 {b}，基本合格 {c}，不合格 {d}，未评 {e}",
}

RECTIFICATION_SOURCES = (enums.LIFE_MEETING, enums.MEMBER_APPRAISAL, "巡察反馈", "上级检查", "支部自查", "群众意见")


class RectificationDialog(RecordDialog):
    """One item of the 问题整改台账."""

    table = "rectifications"
    form_class = Ui_RectificationDialog

    def setup(self) -> None:
        ui = self.ui
        fill_combo(ui.sourceCombo, RECTIFICATION_SOURCES)
        fill_combo(ui.statusCombo, enums.RECTIFICATION_STATUSES)
        record = self.record or self.defaults
        fill_combo(ui.ownerCombo, member_choices(self.ledger, [record.get("owner_id")]), blank="")
        setup_date(ui.deadlineEdit, future_ok=True)
        setup_date(ui.closedEdit)
        ui.statusCombo.currentIndexChanged.connect(self._status_changed)
        self.field_widgets = {"source": ui.sourceCombo, "problem": ui.problemEdit, "measure": ui.measureEdit,
                              "owner_id": ui.ownerCombo, "deadline": ui.deadlineEdit, "status": ui.statusCombo,
                              "closed_on": ui.closedEdit, "evidence": ui.evidenceEdit}

    def load(self, row: dict) -> None:
        ui = self.ui
        self.setWindowTitle(TEXT["rect_edit"] if self.record else TEXT["rect_new"])
        set_combo(ui.sourceCombo, row.get("source"))
        ui.problemEdit.setPlainText(row.get("problem") or "")
        ui.measureEdit.setPlainText(row.get("measure") or "")
        set_combo(ui.ownerCombo, row.get("owner_id"))
        set_date(ui.deadlineEdit, row.get("deadline"))
        set_combo(ui.statusCombo, row.get("status") or enums.RECTIFICATION_STATUSES[0])
        set_date(ui.closedEdit, row.get("closed_on"))
        ui.evidenceEdit.setPlainText(row.get("evidence") or "")

    def _status_changed(self, *_args) -> None:
        # The ledger insists 已完成 ⇔ 完成日期. The day it was done is asked, never assumed to be
        # today (that put a completion after its deadline); leaving 已完成 empties it.
        done = combo_value(self.ui.statusCombo) == enums.COMPLETED
        if done and get_date(self.ui.closedEdit) is None:
            self.ui.closedEdit.setFocus()
        elif not done:
            set_date(self.ui.closedEdit, None)

    def before_write(self) -> None:
        if combo_value(self.ui.statusCombo) == enums.COMPLETED and get_date(self.ui.closedEdit) is None:
            raise ValidationError(TEXT["rect_closed_missing"], "closed_on")

    def write(self) -> int:
        ui = self.ui
        values = {"source": combo_value(ui.sourceCombo), "problem": plain_text(ui.problemEdit),
                  "measure": plain_text(ui.measureEdit), "owner_id": combo_value(ui.ownerCombo),
                  "deadline": get_date(ui.deadlineEdit), "status": combo_value(ui.statusCombo),
                  "closed_on": get_date(ui.closedEdit), "evidence": plain_text(ui.evidenceEdit)}
        return self.save_row(values)


class BranchDialog(RecordDialog):
    """支部信息, with the 支委分工 and 党小组 lists (their own editors save at once)."""

    table = "branch"
    form_class = Ui_BranchDialog

    def __init__(self, ledger, row_id=None, defaults=None, parent=None):
        current = ledger.branch()
        super().__init__(ledger, row_id or (current or {}).get("id"), defaults, parent)

    def setup(self) -> None:
        ui = self.ui
        fill_combo(ui.orgTypeCombo, enums.ORG_TYPES)
        setup_date(ui.establishedEdit)
        setup_date(ui.electedEdit)
        ui.electedEdit.dateChanged.connect(self._term_changed)
        ui.termSpin.valueChanged.connect(self._term_changed)
        self.field_widgets = {"name": ui.nameEdit, "parent_org": ui.parentOrgEdit, "org_type": ui.orgTypeCombo,
                              "established_on": ui.establishedEdit, "address": ui.addressEdit,
                              "committee_elected_on": ui.electedEdit, "committee_term_years": ui.termSpin}
        self.committee_model = MemberGrid([
            GridColumn("role", "职务", width=110), GridColumn("member_name", "姓名", width=110),
            GridColumn("start_date", "任职日期", width=110), GridColumn("end_date", "离任日期", width=110),
            GridColumn("state", "状态", width=80)], self)
        ui.committeeTable.setModel(self.committee_model)
        prepare_table(ui.committeeTable)
        ui.committeeTable.horizontalHeader().setStretchLastSection(True)
        ui.committeeTable.doubleClicked.connect(lambda _i: self.edit_role())
        ui.addRoleButton.clicked.connect(self.add_role)
        ui.editRoleButton.clicked.connect(self.edit_role)
        ui.deleteRoleButton.clicked.connect(self.delete_role)
        self.groups_model = MemberGrid([
            GridColumn("name", "党小组", width=180), GridColumn("leader_name", "组长", width=120),
            GridColumn("persons", "党员人数", width=70)], self)
        ui.groupsTable.setModel(self.groups_model)
        prepare_table(ui.groupsTable)
        ui.groupsTable.horizontalHeader().setStretchLastSection(True)
        ui.groupsTable.doubleClicked.connect(lambda _i: self.edit_group())
        ui.addGroupButton.clicked.connect(self.add_group)
        ui.editGroupButton.clicked.connect(self.edit_group)
        ui.deleteGroupButton.clicked.connect(self.delete_group)

    def load(self, row: dict) -> None:
        ui = self.ui
        self.setWindowTitle(TEXT["branch"])
        ui.nameEdit.setText(row.get("name") or "")
        ui.parentOrgEdit.setText(row.get("parent_org") or "")
        set_combo(ui.orgTypeCombo, row.get("org_type") or enums.ORG_TYPES[0])
        set_date(ui.establishedEdit, row.get("established_on"))
        ui.addressEdit.setText(row.get("address") or "")
        set_date(ui.electedEdit, row.get("committee_elected_on"))
        ui.termSpin.setValue(row.get("committee_term_years") or 3)
        self._term_changed()
        self.refresh_lists()

    def _term_changed(self, *_args) -> None:
        elected = parse_iso(get_date(self.ui.electedEdit))
        if elected is None:
            self.ui.termEndLabel.clear()
            return
        end = steps_mod.add_years(elected, self.ui.termSpin.value())
        key = "term_over" if end <= _dt.date.today() else "term_end"
        self.ui.termEndLabel.setText(TEXT[key].format(date=end.isoformat()))

    def refresh_lists(self) -> None:
        # The same rows as the 支委分工 and 党小组 pages (one answer to who is 在任, how many 党员).
        today = parse_iso(iso_today())
        self.committee_model.set_rows(_lists_view.committee_rows(self.ledger, today))
        self.groups_model.set_rows(_lists_view.groups_rows(self.ledger, today))

    def _selected(self, view, model):
        rows = selected_rows(view)
        return model.rows[rows[0]] if rows else None

    def add_role(self) -> None:
        if CommitteeRoleDialog(self.ledger, parent=self).exec() == QDialog.DialogCode.Accepted:
            self.refresh_lists()

    def edit_role(self) -> None:
        row = self._selected(self.ui.committeeTable, self.committee_model)
        if row and CommitteeRoleDialog(self.ledger, row["id"], parent=self).exec() == QDialog.DialogCode.Accepted:
            self.refresh_lists()

    def delete_role(self) -> None:
        row = self._selected(self.ui.committeeTable, self.committee_model)
        if row:
            self.ledger.delete("committee_roles", row["id"])  # to the 回收站, restorable
            self.refresh_lists()

    def add_group(self) -> None:
        if PartyGroupDialog(self.ledger, parent=self).exec() == QDialog.DialogCode.Accepted:
            self.refresh_lists()

    def edit_group(self) -> None:
        row = self._selected(self.ui.groupsTable, self.groups_model)
        if row and PartyGroupDialog(self.ledger, row["id"], parent=self).exec() == QDialog.DialogCode.Accepted:
            self.refresh_lists()

    def delete_group(self) -> None:
        row = self._selected(self.ui.groupsTable, self.groups_model)
        if row:
            self.ledger.delete("party_groups", row["id"])
            self.refresh_lists()

    def write(self) -> int:
        ui = self.ui
        values = {"name": line_text(ui.nameEdit), "parent_org": line_text(ui.parentOrgEdit),
                  "org_type": combo_value(ui.orgTypeCombo), "established_on": get_date(ui.establishedEdit),
                  "address": line_text(ui.addressEdit), "committee_elected_on": get_date(ui.electedEdit),
                  "committee_term_years": ui.termSpin.value()}
        return self.ledger.save_branch(values)


class PartyGroupDialog(RecordDialog):
    """A 党小组: name, leader and which members belong to it."""

    table = "party_groups"
    form_class = Ui_PartyGroupDialog

    def setup(self) -> None:
        ui = self.ui
        record = self.record or self.defaults
        fill_combo(ui.leaderCombo, party_choices(self.ledger, [record.get("leader_id")]), blank="")
        self.model = MemberGrid([GridColumn("on", "成员", "check", width=50),
                                 GridColumn("name", "姓名", width=120),
                                 GridColumn("note", "说明", width=160)], self)
        attach_grid(ui.membersTable, self.model)
        self.model.colors = lambda row, key: QColor("#e8f5e9") if row.get("on") else None
        self.model.edited.connect(self.update_summary)
        self.watch_model(self.model)
        for edit in (ui.establishedEdit, ui.dissolvedEdit):
            setup_date(edit)  # optional: a date not known stays empty
        self.field_widgets = {"name": ui.nameEdit, "leader_id": ui.leaderCombo, "party_group_id": ui.membersTable,
                              "established_on": ui.establishedEdit, "dissolved_on": ui.dissolvedEdit}

    def load(self, row: dict) -> None:
        ui = self.ui
        self.setWindowTitle(TEXT["group_edit"].format(name=row["name"]) if self.record else TEXT["group_new"])
        ui.nameEdit.setText(row.get("name") or "")
        set_combo(ui.leaderCombo, row.get("leader_id"))
        set_date(ui.establishedEdit, row.get("established_on"))
        set_date(ui.dissolvedEdit, row.get("dissolved_on"))
        names = {g["id"]: g["name"] for g in self.ledger.rows("party_groups")}
        rows = []
        for m in self.ledger.rows("members", "status = ?", (enums.ACTIVE_STATUS,)):
            mine = self.row_id is not None and m.get("party_group_id") == self.row_id
            other = m.get("party_group_id") if not mine else None
            rows.append({"member_id": m["id"], "name": m["name"], "on": mine, "was": mine,
                         "note": TEXT["other_group"].format(group=names[other]) if other in names else ""})
        rows.sort(key=lambda r: not r["on"])
        self.model.set_rows(rows)
        self.update_summary()

    def update_summary(self, *_args) -> None:
        self.ui.summaryLabel.setText(TEXT["group_summary"].format(n=sum(1 for r in self.model.rows if r["on"])))

    def write(self) -> int:
        values = {"name": line_text(self.ui.nameEdit), "leader_id": combo_value(self.ui.leaderCombo),
                  "established_on": get_date(self.ui.establishedEdit), "dissolved_on": get_date(self.ui.dissolvedEdit)}
        group_id = self.save_row(values)
        for r in self.model.rows:
            if r["on"] and not r["was"]:
                self.ledger.update("members", r["member_id"], {"party_group_id": group_id})
            elif r["was"] and not r["on"]:
                self.ledger.update("members", r["member_id"], {"party_group_id": None})
        return group_id


RATING_COLORS = {enums.EXCELLENT: QColor("#e3f2fd"), enums.QUALIFIED: QColor("#e8f5e9"),
                 enums.BASICALLY_QUALIFIED: QColor("#fff8e1"), enums.UNQUALIFIED: QColor("#ffebee")}


class AppraisalDialog(RecordDialog):
    """民主评议党员 results for one year: a rating per 正式/预备党员, saved together."""

    table = "appraisals"
    form_class = Ui_AppraisalDialog

    def setup(self) -> None:
        ui = self.ui
        self.model = MemberGrid([GridColumn("name", "姓名", width=120),
                                 GridColumn("category", "类别", width=100),
                                 GridColumn("rating", "评议等次", "choice", choices=("",) + enums.RATINGS,
                                            width=110, tip="点击选择评议等次")], self)
        self.model.colors = lambda row, key: RATING_COLORS.get(row.get("rating")) if key == "rating" else None
        attach_grid(ui.ratingsTable, self.model)
        self.model.edited.connect(self.update_summary)
        self.watch_model(self.model)
        ui.allQualifiedButton.clicked.connect(self.fill_qualified)
        ui.clearButton.clicked.connect(self.clear_selected)
        self.field_widgets = {"year": ui.yearSpin, "rating": ui.ratingsTable, "member_id": ui.ratingsTable}

    def load(self, row: dict) -> None:
        self.setWindowTitle(TEXT["appraisal"])
        year = row.get("year") or _dt.date.today().year
        self.ui.yearSpin.setValue(int(year))
        self._year = int(year)
        self.reload_year()
        self.ui.yearSpin.valueChanged.connect(self._year_changed)
        if row.get("member_id"):
            for i, r in enumerate(self.model.rows):
                if r["member_id"] == row["member_id"]:
                    self.ui.ratingsTable.selectRow(i)

    def _year_changed(self, year: int) -> None:
        if year == self._year:
            return
        if self.dirty:
            answer = self.ask_unsaved()
            if answer == QMessageBox.StandardButton.Cancel:
                self.ui.yearSpin.blockSignals(True)
                self.ui.yearSpin.setValue(self._year)
                self.ui.yearSpin.blockSignals(False)
                return
            if answer == QMessageBox.StandardButton.Save:
                self.ui.yearSpin.blockSignals(True)
                self.ui.yearSpin.setValue(self._year)
                ok = self._save_in_place()
                self.ui.yearSpin.setValue(year)
                self.ui.yearSpin.blockSignals(False)
                if not ok:
                    self.ui.yearSpin.setValue(self._year)
                    return
        self._year = year
        self.reload_year()
        self._dirty = False

    def _save_in_place(self) -> bool:
        self.clear_errors()
        try:
            with self.ledger.transaction():
                self.write()
        except ValidationError as exc:
            self.show_error(exc.message, exc.field)
            return False
        return True

    def reload_year(self) -> None:
        year = self.ui.yearSpin.value()
        end = as_of_day(year)  # the one as-of convention (rules.as_of_day)
        categories = self.ledger.categories(end)
        existing = {a["member_id"]: a for a in self.ledger.rows("appraisals", "year = ?", (year,))}
        people = [m for m in self.ledger.members_on(end) if categories.get(m["id"]) in enums.PARTY_MEMBERS]
        ids = {m["id"] for m in people}
        for mid in sorted(set(existing) - ids):
            m = self.ledger.get("members", mid)
            if m:
                people.append(m)
        self.existing = existing
        self.model.set_rows([{"member_id": m["id"], "name": m["name"], "category": categories.get(m["id"]) or "",
                              "rating": (existing.get(m["id"]) or {}).get("rating") or ""} for m in people])
        self.update_summary()

    def update_summary(self, *_args) -> None:
        ratings = [r.get("rating") or "" for r in self.model.rows]
        self.ui.summaryLabel.setText(TEXT["appraisal_summary"].format(
            n=len(ratings), a=ratings.count(enums.EXCELLENT), b=ratings.count(enums.QUALIFIED),
            c=ratings.count(enums.BASICALLY_QUALIFIED), d=ratings.count(enums.UNQUALIFIED), e=ratings.count("")))

    def fill_qualified(self) -> None:
        for i, r in enumerate(self.model.rows):
            if not r.get("rating"):
                self.model.set_value(i, "rating", enums.QUALIFIED)

    def clear_selected(self) -> None:
        for i in selected_rows(self.ui.ratingsTable):
            self.model.set_value(i, "rating", "")

    def write(self) -> int | None:
        year = self.ui.yearSpin.value()
        existing = {a["member_id"]: a for a in self.ledger.rows("appraisals", "year = ?", (year,))}
        first = None
        for r in self.model.rows:
            old = existing.get(r["member_id"])
            rating = r.get("rating") or None
            if old and not rating:
                self.ledger.delete("appraisals", old["id"])
            elif old and rating:
                if old["rating"] != rating:
                    self.ledger.update("appraisals", old["id"], {"rating": rating})
                first = first or old["id"]
            elif rating:
                new_id = self.ledger.insert("appraisals", {"year": year, "member_id": r["member_id"],
                                                           "rating": rating})
                first = first or new_id
        if self.row_id and self.ledger.get("appraisals", self.row_id):
            return self.row_id
        return first
