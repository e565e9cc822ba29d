"""Editors whose rows carry a per-person grid: training (学时), volunteer activity (时长), pioneer post."""

from __future__ import annotations

import datetime as _dt

from PySide6.QtGui import QColor

from ...ledger import enums
from ...ledger.validate import ValidationError, format_hours, parse_hours
from ..forms.ui_pioneer_post_dialog import Ui_PioneerPostDialog
from ..forms.ui_training_dialog import Ui_TrainingDialog
from ..forms.ui_volunteer_dialog import Ui_VolunteerDialog
from .common import (
    GridColumn, MemberGrid, RecordDialog, attach_grid, combo_value, fill_combo, get_date,
    line_text, plain_text, set_combo, set_date, setup_date,
)

TEXT = {
    "training_new": "新增教育培训",
    "training_edit": "教育培训 — {title}",
    "volunteer_new": "登记志愿服务",
    "volunteer_edit": "志愿服务 — {title}",
    "post_new": "新增先锋岗",
    "post_edit": "先锋岗 — {name}",
    "summary_hours": "已选 {n} 人，合计 {total} 小时",
    "summary_post": "岗位成员 {n} 人（勾选成员，填写岗位角色和起止日期）",
    "hours_of": "{name}的{label}",
    "need_hours": "请填写{name}的{label}（或取消勾选）",
    "no_participant": "请至少勾选一名参加人员",
    "date_of": "{name}的{label}",
}

_CHECKED = QColor("#e8f5e9")


def _as_date(text):
    return _dt.date.fromisoformat(text) if text else None


class _ParticipantsDialog(RecordDialog):
    """Shared by training and volunteer editors: everyone on the books that day, tick and give hours."""

    child_table = ""
    hours_label = "学时"

    def make_grid(self, view) -> None:
        columns = [
            GridColumn("on", "参加", "check", width=50),
            GridColumn("name", "姓名", width=110),
            GridColumn("category", "类别", width=100),
            GridColumn("hours", f"{self.hours_label}（小时）", "edit", width=110),
        ]
        self.model = MemberGrid(columns, self)
        self.model.colors = lambda row, key: _CHECKED if row.get("on") else None
        attach_grid(view, self.model)
        self.view = view
        self.model.edited.connect(self._cell_edited)
        self.watch_model(self.model)
        self.ui.selectAllButton.clicked.connect(lambda: self.select_all(True))
        self.ui.selectNoneButton.clicked.connect(lambda: self.select_all(False))
        self.entries: dict[int, str] = {}
        self.saved_members: set[int] = set()

    def default_hours(self) -> str:
        raise NotImplementedError

    def load_entries(self) -> None:
        if self.row_id:
            for r in self.ledger.children(self.child_table, self.row_id):
                self.entries[r["member_id"]] = format_hours(r["hours"])
            self.saved_members = set(self.entries)
        else:  # the people a plan action names (去办理), ticked with the default hours
            for mid in self.defaults.get("member_ids") or ():
                self.entries[mid] = self.default_hours()
        self.ui.dateEdit.dateChanged.connect(self.rebuild)
        self.rebuild()

    def rebuild(self, *_args) -> None:
        for r in self.model.rows:
            if r.get("on"):
                self.entries[r["member_id"]] = r.get("hours") or ""
            else:
                self.entries.pop(r["member_id"], None)
        day = get_date(self.ui.dateEdit)
        categories = self.ledger.categories(_as_date(day))
        people = self.ledger.members_on(day)
        ids = {m["id"] for m in people}
        for mid in sorted((set(self.entries) | self.saved_members) - ids):
            m = self.ledger.get("members", mid)
            if m:
                people.append(m)
        rows = [{"member_id": m["id"], "name": m["name"], "category": categories.get(m["id"]) or "",
                 "on": m["id"] in self.entries, "hours": self.entries.get(m["id"], "")} for m in people]
        self.model.set_rows(rows)
        self.update_summary()

    def _cell_edited(self, row: int, key: str) -> None:
        r = self.model.rows[row]
        if key == "on" and r["on"] and not r.get("hours"):
            r["hours"] = self.default_hours()
        elif key == "hours" and r.get("hours") and not r.get("on"):
            r["on"] = True
        self.update_summary()

    def select_all(self, on: bool) -> None:
        for i, r in enumerate(self.model.rows):
            if bool(r.get("on")) != on:
                self.model.set_value(i, "on", on)

    def update_summary(self, *_args) -> None:
        total = 0
        chosen = [r for r in self.model.rows if r.get("on")]
        for r in chosen:
            try:
                total += parse_hours(r.get("hours") or "0")
            except ValidationError:
                pass
        self.ui.summaryLabel.setText(TEXT["summary_hours"].format(n=len(chosen), total=format_hours(total)))

    def child_rows(self) -> list[dict]:
        out = []
        for r in self.model.rows:
            if not r.get("on"):
                continue
            if not (r.get("hours") or "").strip():
                raise ValidationError(TEXT["need_hours"].format(name=r["name"], label=self.hours_label), "grid")
            label = TEXT["hours_of"].format(name=r["name"], label=self.hours_label)
            out.append({"member_id": r["member_id"], "hours": parse_hours(r["hours"], label, "grid")})
        return out


class TrainingDialog(_ParticipantsDialog):
    """A training and the 学时 each participant earned (default: the training's hours)."""

    table = "trainings"
    form_class = Ui_TrainingDialog
    child_table = "training_attendance"
    hours_label = "学时"

    def setup(self) -> None:
        ui = self.ui
        fill_combo(ui.kindCombo, enums.TRAINING_KINDS)
        setup_date(ui.dateEdit, optional=False)
        self.make_grid(ui.participantsTable)
        self._last_default = ""
        ui.hoursEdit.editingFinished.connect(self._hours_changed)
        self.field_widgets = {"title": ui.titleEdit, "date": ui.dateEdit, "hours": ui.hoursEdit,
                              "kind": ui.kindCombo, "grid": ui.participantsTable,
                              "member_id": ui.participantsTable}

    def load(self, row: dict) -> None:
        ui = self.ui
        self.setWindowTitle(TEXT["training_edit"].format(title=row["title"]) if self.record
                            else TEXT["training_new"])
        ui.titleEdit.setText(row.get("title") or "")
        if row.get("date"):
            set_date(ui.dateEdit, row["date"])
        hours = row.get("hours")
        ui.hoursEdit.setText(format_hours(hours) if isinstance(hours, int) else (hours or ""))
        self._last_default = ui.hoursEdit.text()
        set_combo(ui.kindCombo, row.get("kind") or enums.TRAINING_KINDS[0])
        self.load_entries()

    def default_hours(self) -> str:
        return self.ui.hoursEdit.text().strip()

    def _hours_changed(self) -> None:
        """Participants still on the old default follow the training's new hours."""
        new = self.default_hours()
        for i, r in enumerate(self.model.rows):
            if r.get("on") and r.get("hours") in ("", self._last_default):
                self.model.set_value(i, "hours", new)
        self._last_default = new

    def write(self) -> int:
        ui = self.ui
        values = {"title": line_text(ui.titleEdit), "date": get_date(ui.dateEdit),
                  "hours": parse_hours(ui.hoursEdit.text(), "学时", "hours") if ui.hoursEdit.text().strip() else None,
                  "kind": combo_value(ui.kindCombo)}
        rows = self.child_rows()
        training_id = self.save_row(values)
        self.ledger.replace_children("training_attendance", training_id, rows)
        return training_id


class VolunteerDialog(_ParticipantsDialog):
    """A 志愿服务 / 办实事 activity and the hours each person served."""

    table = "volunteer_activities"
    form_class = Ui_VolunteerDialog
    child_table = "volunteer_hours"
    hours_label = "时长"

    def setup(self) -> None:
        ui = self.ui
        fill_combo(ui.kindCombo, enums.VOLUNTEER_KINDS)
        setup_date(ui.dateEdit, optional=False)
        self.make_grid(ui.hoursTable)
        self.field_widgets = {"title": ui.titleEdit, "date": ui.dateEdit, "kind": ui.kindCombo,
                              "place": ui.placeEdit, "description": ui.descriptionEdit,
                              "grid": ui.hoursTable, "hours": ui.hoursTable, "member_id": ui.hoursTable,
                              "default_hours": ui.defaultHoursEdit}

    def load(self, row: dict) -> None:
        ui = self.ui
        self.setWindowTitle(TEXT["volunteer_edit"].format(title=row["title"]) if self.record
                            else TEXT["volunteer_new"])
        ui.titleEdit.setText(row.get("title") or "")
        if row.get("date"):
            set_date(ui.dateEdit, row["date"])
        set_combo(ui.kindCombo, row.get("kind") or enums.VOLUNTEER_KINDS[0])
        ui.placeEdit.setText(row.get("place") or "")
        ui.descriptionEdit.setPlainText(row.get("description") or "")
        if row.get("default_hours"):
            ui.defaultHoursEdit.setText(row["default_hours"])
        self.load_entries()
        if not ui.defaultHoursEdit.text() and self.entries:
            common = max(set(self.entries.values()), key=list(self.entries.values()).count)
            ui.defaultHoursEdit.setText(common)

    def default_hours(self) -> str:
        return self.ui.defaultHoursEdit.text().strip()

    def before_write(self) -> None:
        text = self.default_hours()
        if text:
            parse_hours(text, "默认时长", "default_hours")

    def write(self) -> int:
        ui = self.ui
        values = {"title": line_text(ui.titleEdit), "date": get_date(ui.dateEdit),
                  "kind": combo_value(ui.kindCombo), "place": line_text(ui.placeEdit),
                  "description": plain_text(ui.descriptionEdit)}
        rows = self.child_rows()
        activity_id = self.save_row(values)
        self.ledger.replace_children("volunteer_hours", activity_id, rows)
        return activity_id


class PioneerPostDialog(RecordDialog):
    """A 先锋岗/示范岗/责任区/突击队 with its members, their roles and dates."""

    table = "pioneer_posts"
    form_class = Ui_PioneerPostDialog

    def setup(self) -> None:
        ui = self.ui
        fill_combo(ui.kindCombo, enums.POST_KINDS)
        setup_date(ui.establishedEdit)
        setup_date(ui.endedEdit)
        columns = [
            GridColumn("on", "成员", "check", width=50),
            GridColumn("name", "姓名", width=110),
            GridColumn("role", "岗位角色", "edit", width=150, tip="如 岗长、成员"),
            GridColumn("since", "起始日期", "edit", width=110, tip="年-月-日，如 2025-03-01"),
            GridColumn("until", "结束日期", "edit", width=110, tip="年-月-日，可不填"),
        ]
        self.model = MemberGrid(columns, self)
        self.model.colors = lambda row, key: _CHECKED if row.get("on") else None
        attach_grid(ui.membersTable, self.model)
        self.model.edited.connect(self._cell_edited)
        self.watch_model(self.model)
        self.field_widgets = {"kind": ui.kindCombo, "name": ui.nameEdit, "established_on": ui.establishedEdit,
                              "ended_on": ui.endedEdit, "commitment": ui.commitmentEdit,
                              "achievements": ui.achievementsEdit, "member_id": ui.membersTable,
                              "role": ui.membersTable, "since": ui.membersTable, "until": ui.membersTable}

    def load(self, row: dict) -> None:
        ui = self.ui
        self.setWindowTitle(TEXT["post_edit"].format(name=row["name"]) if self.record else TEXT["post_new"])
        set_combo(ui.kindCombo, row.get("kind") or enums.POST_KINDS[0])
        ui.nameEdit.setText(row.get("name") or "")
        set_date(ui.establishedEdit, row.get("established_on"))
        set_date(ui.endedEdit, row.get("ended_on"))
        ui.commitmentEdit.setPlainText(row.get("commitment") or "")
        ui.achievementsEdit.setPlainText(row.get("achievements") or "")
        # One row per saved spell (someone may have left the post and come back), then one
        # unticked row for every other member on the books.
        saved = self.ledger.children("post_members", self.row_id) if self.row_id else []
        names = {m["id"]: m["name"] for m in self.ledger.rows("members", include_deleted=True)}
        rows = [{"member_id": s["member_id"], "name": names.get(s["member_id"], ""), "on": True,
                 "role": s.get("role") or "", "since": s.get("since") or "", "until": s.get("until") or ""}
                for s in saved]
        have = {s["member_id"] for s in saved}
        # A new post from 去办理 starts with the people the plan names on it.
        named = set(row.get("member_ids") or ()) if not self.row_id else set()
        for m in self.ledger.rows("members", "status = ?", (enums.ACTIVE_STATUS,)):
            if m["id"] not in have:
                on = m["id"] in named
                rows.append({"member_id": m["id"], "name": m["name"], "on": on, "role": "",
                             "since": (row.get("established_on") or "") if on else "", "until": ""})
        self.model.set_rows(rows)
        self.update_summary()

    def _cell_edited(self, row: int, key: str) -> None:
        r = self.model.rows[row]
        if key != "on" and r.get(key) and not r.get("on"):
            r["on"] = True
        if key == "on" and r["on"] and not r.get("since"):
            r["since"] = get_date(self.ui.establishedEdit) or ""
        self.update_summary()

    def update_summary(self) -> None:
        self.ui.summaryLabel.setText(TEXT["summary_post"].format(n=sum(1 for r in self.model.rows if r.get("on"))))

    def write(self) -> int:
        ui = self.ui
        values = {"kind": combo_value(ui.kindCombo), "name": line_text(ui.nameEdit),
                  "established_on": get_date(ui.establishedEdit), "ended_on": get_date(ui.endedEdit),
                  "commitment": plain_text(ui.commitmentEdit), "achievements": plain_text(ui.achievementsEdit)}
        post_id = self.save_row(values)
        rows = []
        for r in self.model.rows:
            if r.get("on"):
                rows.append({"member_id": r["member_id"], "role": r.get("role") or None,
                             "since": r.get("since") or None, "until": r.get("until") or None})
        try:
            self.ledger.replace_children("post_members", post_id, rows)
        except ValidationError as exc:
            # Name the person: the ledger's message only names the column.
            bad = next((r for r in self.model.rows if r.get("on")
                        and exc.field in ("since", "until") and r.get(exc.field)
                        and not _is_iso(r[exc.field])), None)
            if bad is not None:
                raise ValidationError(TEXT["date_of"].format(name=bad["name"], label="") + exc.message,
                                      exc.field) from None
            raise
        return post_id


def _is_iso(text: str) -> bool:
    try:
        _dt.date.fromisoformat(text)
        return len(text) == 10
    except ValueError:
        return False
