"""The meeting editor: record header, content, resolutions and the attendance checklist."""

from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import QEvent, QRegularExpression, Qt, QTimer
from PySide6.QtGui import QColor, QRegularExpressionValidator
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QMessageBox

from ...ledger import enums
from ...ledger.schema import TABLES
from ...ledger.validate import LedgerError, ValidationError
from ...rules import load_rule_set
from ...views import meeting_entry as _entry
from ..forms.ui_meeting_dialog import Ui_MeetingDialog
from .common import (
    GridColumn, MemberGrid, RecordDialog, attach_grid, combo_value, fill_combo, get_date,
    group_choices, line_text, member_choices, plain_text, selected_rows, set_combo, set_date,
    setup_date,
)

TEXT = {
    "signin": "打印签到表…",
    "signin_tip": "会前打印应到人员和签名栏的签到表（PDF 或 Word）；会后把签好字的签到表拍照或扫描后添加为佐证材料",
    "signin_unsaved": "签到表按已保存的会议内容生成：请先保存这次会议的修改，再打印签到表",
    "signin_title": "保存签到表",
    "signin_done": "已生成签到表：\n{path}",
    "title_new": "记一次会议",
    "copy": "复制上次会议(&C)",
    "copy_tip": "从这一类型最近的一次会议复制地点、时间、主持人、记录人、议题和列席人员；日期请自己填写，"
                "出勤默认当天应到的人全部出席",
    "copy_none": "还没有可以复制的{kind}记录",
    "copied": "记一次会议（复制自{date}的{kind}）",
    "title_edit": "会议记录 — {date} {kind}",
    "summary": "应到 {due} 人，实到 {present} 人，请假 {leave} 人，缺席 {absent} 人",
    "summary_unset": "；未登记 {unset} 人",
    "summary_group": "（{group}成员）",
    "unset": "还有{n}人未登记出勤情况（{names}），请逐一选择或点击“全部出席”",
    "summary_committee": "（支委会成员）",
    "no_committee": "尚未登记这一天在任的支委（在“支部信息 → 支委分工”中登记）",
    "no_group_yet": "党小组会请先选择党小组，出勤名单只列该小组成员",
    "not_on_books": "（已不在册）",
    "in_bin": "（在回收站，出勤保留）",
    "incomplete_title": "会议记录不完整",
    "incomplete_body": "这次会议记录缺少{missing}。\n\n创星评估的“{rule}”一项会把这条记录算作不完整，"
                       "基本活动的得分会因此降低。\n\n仍要保存吗？（选“否”返回继续填写）",
    "incomplete_hint": "会议记录缺少{missing}，补全后再保存",
}

RECORDS_RULE = "ACT-RECORDS"

PRESENT, LEAVE, ABSENT = enums.ATTENDANCE_STATUSES

COLUMNS = [
    GridColumn("name", "姓名", width=100),
    GridColumn("category", "类别", width=90),
    GridColumn("group", "党小组", width=170),
    GridColumn("status", "出勤情况", "choice", choices=enums.ATTENDANCE_STATUSES, width=90,
               tip="点击选择 出席 / 请假 / 缺席"),
    GridColumn("reason", "请假或缺席原因", "edit", width=220),
]

_COLORS = {PRESENT: QColor("#e8f5e9"), LEAVE: QColor("#fff8e1"), ABSENT: QColor("#ffebee")}
BINNED = QColor("#e0e0e0")  # a person in the 回收站: shown greyed, her row kept as it was


def _cell_color(row: dict, key: str):
    if row.get("binned"):
        return BINNED
    return _COLORS.get(row.get("status")) if key == "status" else None


class MeetingDialog(RecordDialog):
    """三会一课 and other meetings; attendance lists every 正式/预备党员 on the books that day."""

    table = "meetings"
    form_class = Ui_MeetingDialog

    def setup(self) -> None:
        ui = self.ui
        self.signin_button = ui.buttonBox.addButton(TEXT["signin"], QDialogButtonBox.ButtonRole.ActionRole)
        self.signin_button.setToolTip(TEXT["signin_tip"])
        self.signin_button.setEnabled(bool(self.record))  # a sheet of a meeting that is saved
        self.signin_button.clicked.connect(self.print_signin)
        self.copy_button = ui.buttonBox.addButton(TEXT["copy"], QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.setToolTip(TEXT["copy_tip"])
        self.copy_button.setEnabled(not self.record)  # a new meeting only
        self.copy_button.clicked.connect(self.copy_last)
        ui.tabs.currentChanged.connect(self._tab_shown)
        # Alt+A/J/D (the tabs' mnemonics) also on the tab already shown: its grid or text takes the keys.
        ui.tabs.tabBar().installEventFilter(self)
        fill_combo(ui.kindCombo, enums.MEETING_KINDS)
        setup_date(ui.dateEdit, optional=False)
        record = self.record or self.defaults
        people = member_choices(self.ledger, [record.get(k) for k in ("host_id", "recorder_id", "lecturer_id")])
        for combo in (ui.hostCombo, ui.recorderCombo, ui.lecturerCombo):
            fill_combo(combo, people, blank="")
        self.groups = dict((gid, name) for name, gid in group_choices(self.ledger))
        fill_combo(ui.partyGroupCombo, [(n, g) for g, n in self.groups.items()], blank="")
        self.model = MemberGrid(COLUMNS, self)
        self.model.colors = _cell_color
        attach_grid(ui.attendanceTable, self.model)
        self.model.edited.connect(self._edited)
        self.model.edited.connect(self.update_summary)
        self.watch_model(self.model)
        ui.allPresentButton.clicked.connect(self.all_present)
        ui.leaveButton.clicked.connect(lambda: self.set_selected(LEAVE))
        ui.absentButton.clicked.connect(lambda: self.set_selected(ABSENT))
        self.vote_edits = {"votes_for": ui.votesForEdit, "votes_against": ui.votesAgainstEdit,
                           "votes_abstain": ui.votesAbstainEdit}
        for edit in self.vote_edits.values():
            edit.setValidator(QRegularExpressionValidator(QRegularExpression("[0-9]{0,5}"), edit))
            edit.textEdited.connect(self._votes_typed)
        self.field_widgets = {
            "kind": ui.kindCombo, "date": ui.dateEdit, "start_time": ui.startTimeEdit,
            "end_time": ui.endTimeEdit, "place": ui.placeEdit, "host_id": ui.hostCombo,
            "recorder_id": ui.recorderCombo, "party_group_id": ui.partyGroupCombo,
            "lecturer_id": ui.lecturerCombo, "topic": ui.topicEdit, "content": ui.contentEdit,
            "resolutions": ui.resolutionsEdit, "guests": ui.guestsEdit, "vote": ui.voteCheck,
            "attendance": ui.attendanceTable, "member_id": ui.attendanceTable, "status": ui.attendanceTable,
            **self.vote_edits,
        }

    def load(self, row: dict) -> None:
        ui = self.ui
        self._remembered: dict = {}  # field → the value the last meeting of the kind filled in
        self._topic_shown = ""
        self._topic_copy: tuple[str, int | None] | None = None  # a copied 议题 and the month it names
        if row.get("copy_of"):
            row = {**_entry.copy_of(self.ledger, row["copy_of"]), **{k: v for k, v in row.items() if k != "copy_of"}}
            self._topic_copy = (row.get("topic") or "", row.get("topic_month"))
            self._topic_shown = row.get("topic") or ""
        set_combo(ui.kindCombo, row.get("kind") or enums.MEETING_KINDS[0])
        if row.get("date"):
            set_date(ui.dateEdit, row["date"])
        ui.startTimeEdit.setText(row.get("start_time") or "")
        ui.endTimeEdit.setText(row.get("end_time") or "")
        ui.placeEdit.setText(row.get("place") or "")
        set_combo(ui.hostCombo, row.get("host_id"))
        set_combo(ui.recorderCombo, row.get("recorder_id"))
        set_combo(ui.partyGroupCombo, row.get("party_group_id"))
        set_combo(ui.lecturerCombo, row.get("lecturer_id"))
        ui.topicEdit.setText(row.get("topic") or "")
        ui.guestsEdit.setText(row.get("guests") or "")
        ui.voteCheck.setChecked(bool(row.get("vote")))
        for key, edit in self.vote_edits.items():
            edit.setText("" if row.get(key) is None else str(row[key]))
        ui.contentEdit.setPlainText(row.get("content") or "")
        ui.resolutionsEdit.setPlainText(row.get("resolutions") or "")
        saved = self.ledger.children("attendance", self.row_id) if self.row_id else []
        self.entries = {a["member_id"]: {"status": a["status"], "reason": a.get("reason") or ""} for a in saved}
        self.saved_members = set(self.entries)
        # A new meeting marks the people expected (``attendees``, from the plan or the gap it
        # fixes) 出席 until the person changes them; a meeting dated ahead is a plan: nobody.
        self.auto_present = None if "attendees" not in row else set(row["attendees"] or ())
        if self.row_id:
            self.auto_present = set()
        self._update_title()
        self.rebuild_attendance()
        # Rebuild when what decides the roster changes; keep what was already ticked.
        ui.kindCombo.currentIndexChanged.connect(self._kind_changed)
        ui.dateEdit.dateChanged.connect(self.rebuild_attendance)
        ui.partyGroupCombo.currentIndexChanged.connect(self.rebuild_attendance)
        ui.dateEdit.dateChanged.connect(self._follow_topic)
        ui.partyGroupCombo.currentIndexChanged.connect(self._apply_remembered)
        self._kind_changed()
        if self._topic_copy:
            self._follow_topic()
            ui.dateEdit.setFocus()  # the one thing left to type

    def _update_title(self) -> None:
        if self.record:
            self.setWindowTitle(TEXT["title_edit"].format(date=self.record["date"], kind=self.record["kind"]))
        else:
            self.setWindowTitle(TEXT["title_new"])

    def _kind_changed(self, *_args) -> None:
        kind = combo_value(self.ui.kindCombo)
        self.ui.partyGroupCombo.setEnabled(kind == enums.GROUP_MEETING)
        self.ui.lecturerCombo.setEnabled(kind == enums.PARTY_LECTURE)
        # 发展/转正 are voted on at the 支部党员大会 only.
        general = kind == enums.GENERAL_MEETING
        self.ui.votesBoxLabel.setVisible(general)
        self.ui.votesBox.setVisible(general)
        self._apply_remembered()
        self.rebuild_attendance()

    # -- a faster month ------------------------------------------------------------------
    def _field_value(self, key: str):
        ui = self.ui
        if key in ("host_id", "recorder_id"):
            return combo_value(ui.hostCombo if key == "host_id" else ui.recorderCombo)
        edit = {"place": ui.placeEdit, "start_time": ui.startTimeEdit, "end_time": ui.endTimeEdit}[key]
        return edit.text().strip() or None

    def _set_field(self, key: str, value) -> None:
        ui = self.ui
        if key in ("host_id", "recorder_id"):
            set_combo(ui.hostCombo if key == "host_id" else ui.recorderCombo, value)
        else:
            {"place": ui.placeEdit, "start_time": ui.startTimeEdit, "end_time": ui.endTimeEdit}[key].setText(value or "")

    def _apply_remembered(self, *_args) -> None:
        """A new meeting: 地点, 时间, 主持人 and 记录人 as the last meeting of this kind (and group)
        had them, in fields still empty or still showing what the previous kind remembered."""
        if self.record:
            return
        kind = combo_value(self.ui.kindCombo)
        group = combo_value(self.ui.partyGroupCombo) if kind == enums.GROUP_MEETING else None
        values = _entry.remembered_values(self.ledger, kind, group) if kind else {}
        for key in _entry.REMEMBERED:
            now = self._field_value(key)
            if now is None or (key in self._remembered and now == self._remembered[key]):
                self._set_field(key, values.get(key))
                if values.get(key) is not None and self._field_value(key) == values[key]:
                    self._remembered[key] = values[key]
                else:
                    self._remembered.pop(key, None)

    def copy_last(self) -> bool:
        """复制上次会议: this kind's last meeting (this group's for a 党小组会) copied into the
        form, the date left to type; False when there is none."""
        kind = combo_value(self.ui.kindCombo)
        group = combo_value(self.ui.partyGroupCombo) if kind == enums.GROUP_MEETING else None
        last = _entry.last_meeting(self.ledger, kind, group)
        if last is None:
            self.ui.errorLabel.setText(TEXT["copy_none"].format(kind=kind))
            self.ui.errorLabel.show()
            return False
        copied = _entry.copy_of(self.ledger, last["id"])
        ui = self.ui
        set_combo(ui.partyGroupCombo, copied.get("party_group_id"))
        set_combo(ui.lecturerCombo, copied.get("lecturer_id"))
        for key in _entry.REMEMBERED:
            self._set_field(key, copied.get(key))
            self._remembered.pop(key, None)  # the person's choice now, kept on a kind change
        ui.guestsEdit.setText(copied.get("guests") or "")
        ui.voteCheck.setChecked(bool(copied.get("vote")))
        self._topic_copy = (copied.get("topic") or "", copied.get("topic_month"))
        self._topic_shown = copied.get("topic") or ""
        ui.topicEdit.setText(self._topic_shown)
        self._follow_topic()
        self.mark_dirty()
        self.clear_errors()
        self.setWindowTitle(TEXT["copied"].format(date=last["date"], kind=kind))
        ui.dateEdit.setFocus(Qt.FocusReason.TabFocusReason)  # selects the date: typing replaces it
        return True

    def _follow_topic(self, *_args) -> None:
        """A copied 议题 naming its month ("5月主题党日：…") follows the date until edited."""
        if not self._topic_copy:
            return
        topic, month = self._topic_copy
        shown = self.ui.topicEdit.text()
        if shown not in (self._topic_shown, topic):
            self._topic_copy = None  # the person wrote her own
            return
        day = get_date(self.ui.dateEdit)
        new = _entry.topic_for(topic, month, int(day[5:7]) if day else None)
        self.ui.topicEdit.setText(new)
        self._topic_shown = new

    def _tab_shown(self, index: int) -> None:
        """A tab chosen (Alt+A / Alt+J / Alt+D or a click): its grid or text box takes the keys."""
        page = self.ui.tabs.widget(index)
        if page is None or not self.isVisible():
            return
        for target in (self.ui.attendanceTable, self.ui.contentEdit, self.ui.resolutionsEdit):
            if page.isAncestorOf(target):
                target.setFocus(Qt.FocusReason.ShortcutFocusReason)
                if target is self.ui.attendanceTable and not target.currentIndex().isValid() and self.model.rows:
                    target.setCurrentIndex(self.model.index(0, 0))  # the name: moving does not open a cell

    def eventFilter(self, obj, event):  # noqa: N802
        if obj is self.ui.tabs.tabBar() and event.type() == QEvent.Type.Shortcut:
            QTimer.singleShot(0, self, lambda: self._tab_shown(self.ui.tabs.currentIndex()))
        return super().eventFilter(obj, event)

    def _remember(self) -> None:
        for r in self.model.rows:
            if r.get("auto"):
                continue  # still the default: decided again when the date or roster moves
            self.entries[r["member_id"]] = {"status": r.get("status") or "", "reason": r.get("reason") or ""}

    def _edited(self, row: int, _key: str) -> None:
        self.model.rows[row].pop("auto", None)  # the person's own choice from now on

    def rebuild_attendance(self, *_args) -> None:
        """Who is 应到: 正式/预备党员 on the books that day (only the group's for 党小组会)."""
        self._remember()
        day = get_date(self.ui.dateEdit)
        kind = combo_value(self.ui.kindCombo)
        group = combo_value(self.ui.partyGroupCombo) if kind == enums.GROUP_MEETING else None
        categories = self.ledger.categories(_as_date(day))
        people = self.ledger.expected_at(day, kind, group) if day else []  # the one 应到
        ids = {m["id"] for m in people}
        # Someone already recorded for this meeting stays listed even if the roster rule moved.
        # Someone in the 回收站 stays too, greyed: the ledger keeps her row when the meeting is saved.
        for mid in sorted(self.saved_members - ids):
            m = self.ledger.get("members", mid, include_deleted=True)
            if m:
                people.append({**m, "_extra": True})
        rows = []
        held = bool(day) and day <= _dt.date.today().isoformat()
        for m in people:
            entry = self.entries.get(m["id"], {})
            binned = bool(m.get("deleted_at"))
            name = m["name"] + (TEXT["in_bin"] if binned else TEXT["not_on_books"] if m.get("_extra") else "")
            row = {"member_id": m["id"], "name": name, "category": categories.get(m["id"]) or "",
                   "group": self.groups.get(m.get("party_group_id"), ""),
                   "status": entry.get("status", ""), "reason": entry.get("reason", ""), "binned": binned}
            expected = self.auto_present is None or m["id"] in self.auto_present
            if not entry and held and expected and not m.get("_extra") and not binned:
                row.update(status=PRESENT, auto=True)
            rows.append(row)
        self.model.set_rows(rows)
        self.update_summary()

    def counts(self) -> dict:
        # A member in the 回收站 is shown (her row is kept) but is no longer 应到, as in the rules.
        statuses = [r.get("status") or "" for r in self.model.rows if not r.get("binned")]
        return {"due": len(statuses), "present": statuses.count(PRESENT), "leave": statuses.count(LEAVE),
                "absent": statuses.count(ABSENT), "unset": statuses.count("")}

    def update_summary(self, *_args) -> None:
        c = self.counts()
        text = TEXT["summary"].format(**c)
        if c["unset"]:
            text += TEXT["summary_unset"].format(unset=c["unset"])
        kind = combo_value(self.ui.kindCombo)
        if kind == enums.COMMITTEE_MEETING:
            text = TEXT["no_committee"] if not c["due"] else text + TEXT["summary_committee"]
        if kind == enums.GROUP_MEETING:
            group = combo_value(self.ui.partyGroupCombo)
            text = TEXT["no_group_yet"] if group is None else \
                text + TEXT["summary_group"].format(group=self.groups.get(group, ""))
        self.ui.attendanceSummaryLabel.setText(text)

    def all_present(self) -> None:
        for i, r in enumerate(self.model.rows):
            if r.get("status") != PRESENT and not r.get("binned"):
                r["reason"] = ""
                self.model.set_value(i, "status", PRESENT)

    def set_selected(self, status: str) -> None:
        changed = []
        for i in selected_rows(self.ui.attendanceTable):
            if not self.model.rows[i].get("binned"):
                self.model.set_value(i, "status", status)
                changed.append(i)
        if changed and status != PRESENT:
            # The reason is what comes next: its cell opens for typing.
            view = self.ui.attendanceTable
            index = self.model.index(changed[0], self.model.column_index("reason"))
            view.setFocus()
            view.setCurrentIndex(index)  # opens the cell (the grid edits on entry) …
            if view.state() != view.State.EditingState:
                view.edit(index)  # … or open it here

    def values(self) -> dict:
        ui = self.ui
        kind = combo_value(ui.kindCombo)
        return {
            "kind": kind, "date": get_date(ui.dateEdit),
            "start_time": ui.startTimeEdit.value(), "end_time": ui.endTimeEdit.value(),
            "place": line_text(ui.placeEdit), "host_id": combo_value(ui.hostCombo),
            "recorder_id": combo_value(ui.recorderCombo),
            "party_group_id": combo_value(ui.partyGroupCombo) if kind == enums.GROUP_MEETING else None,
            "lecturer_id": combo_value(ui.lecturerCombo) if kind == enums.PARTY_LECTURE else None,
            "topic": line_text(ui.topicEdit), "content": plain_text(ui.contentEdit),
            "resolutions": plain_text(ui.resolutionsEdit), "guests": line_text(ui.guestsEdit),
            "vote": 1 if ui.voteCheck.isChecked() else 0,
            **self.vote_values(kind),
        }

    def _votes_typed(self, text: str) -> None:
        if text.strip():  # counts are the result of a 表决事项
            self.ui.voteCheck.setChecked(True)

    def vote_values(self, kind: str | None) -> dict:
        """The vote counts typed; a count left empty beside one that is typed is 0 (同意12票 alone
        reads 反对0票、弃权0票), all empty is no vote recorded."""
        typed = {k: e.text().strip() for k, e in self.vote_edits.items()}
        if kind != enums.GENERAL_MEETING or not any(typed.values()):
            return dict.fromkeys(self.vote_edits)
        return {k: int(v) if v else 0 for k, v in typed.items()}

    def attendance_rows(self) -> list[dict]:
        rows = [r for r in self.model.rows if not r.get("binned")]  # kept by the ledger as they are
        marked = [r for r in rows if r.get("status")]
        if not marked:
            return []  # a meeting planned ahead: attendance comes later
        unset = [r for r in rows if not r.get("status")]
        if unset:
            names = "、".join(r["name"] for r in unset[:5]) + ("等" if len(unset) > 5 else "")
            raise ValidationError(TEXT["unset"].format(n=len(unset), names=names), "attendance")
        return [{"member_id": r["member_id"], "status": r["status"],
                 "reason": (r.get("reason") or None) if r["status"] != PRESENT else None} for r in rows]

    def before_write(self) -> None:
        self._attendance = self.attendance_rows()

    def missing_record_fields(self) -> list[str]:
        """Fields the 创星评估 wants in every record (ACT-RECORDS) still empty here.

        A meeting dated after today is a plan: the assessment counts it only once its day
        has come, and the record is written after the meeting.
        """
        values = self.values()
        if values["date"] and values["date"] > _dt.date.today().isoformat():
            return []
        return [f for f in record_fields() if values.get(f) in (None, "")]

    def ask_incomplete(self, missing: list[str]) -> bool:
        """Ask whether to save a record lacking ``missing`` anyway; True = save."""
        labels = "、".join(TABLES["meetings"].field(f).label for f in missing)
        answer = QMessageBox.question(
            self, TEXT["incomplete_title"],
            TEXT["incomplete_body"].format(missing=labels, rule=records_rule_name()),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def save(self) -> bool:
        """Save, after asking when 主持人/记录人/议题/会议记录 are missing (they cost 创星 points)."""
        missing = self.missing_record_fields()
        if missing:
            self.clear_errors()
            try:
                self.before_write()  # refuse what cannot be saved anyway before asking
            except ValidationError as exc:
                self.show_error(exc.message, exc.field)
                return False
            if not self.ask_incomplete(missing):
                labels = "、".join(TABLES["meetings"].field(f).label for f in missing)
                self.show_error(TEXT["incomplete_hint"].format(missing=labels), missing[0])
                return False
        return super().save()

    def write(self) -> int:
        return self.ledger.save_meeting(self.row_id, self.values(), self._attendance)

    def print_signin(self) -> str | None:
        """签到表 of this meeting (``export signin``), saved where the person chooses; its path."""
        if self._dirty or not self.record:
            QMessageBox.information(self, TEXT["signin"].rstrip("…"), TEXT["signin_unsaved"])
            return None
        from pathlib import Path

        from ... import paths
        from ...exports import export_document

        m = self.record
        branch = (self.ledger.branch() or {}).get("name") or "党支部"  # not the enumeration
        name = f"{branch}_{m['date']}{m['kind']}签到表.pdf"
        target, _ = QFileDialog.getSaveFileName(self, TEXT["signin_title"], str(paths.user_data_dir() / name),
                                                "PDF（*.pdf）;;Word 文档（*.docx）")
        if not target:
            return None
        out = Path(target)
        if out.suffix.lower() not in (".pdf", ".docx"):
            out = out.with_suffix(".pdf")
        try:
            written = export_document("signin", self.ledger, int(m["date"][:4]), out, meeting_id=m["id"])
        except LedgerError as exc:
            QMessageBox.warning(self, TEXT["signin"].rstrip("…"), str(exc))
            return None
        QMessageBox.information(self, TEXT["signin"].rstrip("…"), TEXT["signin_done"].format(path=written))
        return str(written)


def _as_date(text):
    return _dt.date.fromisoformat(text) if text else None


def _records_spec():
    try:
        return load_rule_set().spec(RECORDS_RULE)
    except LedgerError:
        return None


def record_fields() -> list[str]:
    """The meeting fields the rule set's ACT-RECORDS wants filled, in its order (the rule set is
    the one place that says so: none when it has no such rule or cannot be read — 创星评估 then
    says why)."""
    spec = _records_spec()
    fields = (spec.params.get("required_fields") if spec else None) or ()
    return [f for f in fields if f in TABLES["meetings"].names]


def records_rule_name() -> str:
    spec = _records_spec()
    return spec.name if spec else "会议记录要素齐全"
