"""党内统计基础数据 (.xlsx): the counts a branch gives its 党委 for the 党内统计年报, with names.

As of the year's last day (the as-of day in the running year, ``Job.as_of``). Each count is
asked, not recomputed: the 党员 are ``Ledger.party_members_on`` sorted into the bands of
``ledger.census``; 本年发展, 转正, 民主评议 and 教育培训 are ``figures.year_figures``' (the
述职报告's own figures); 转入/转出 are ``Ledger.transfers_in`` and 出党/去世/停止党籍
``Ledger.departures_in``. Every count row names its people, and the 党员名单, 变动名单 and
培训学时 sheets list them with their dates, so the 党委 can check each figure.

Sums are formulas (合计 = 正式 + 预备, each band's 小计, the 参加评议 and 学时 totals), dates are
date cells, columns are as wide as their content.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from ..ledger import census, enums
from .common import Job, cn_date
from .figures import YearFigures, year_figures
from .xlsxkit import HOURS_FORMAT, TOTAL_FILL, Formula, fit_heights, fit_widths, put, text_width, write_sheet

NAMES_SEP = "、"
NAME_WIDTH = 46  # the 名单 column: long lists wrap inside it
LABEL_WIDTH = 24  # 分类: the long 入党时间 periods wrap to two lines
ITEM_WIDTH = 14  # 统计项目, one cell over its section's rows

TEXT = {
    "title": "{branch}党内统计基础数据",
    "party_sheet": "党员队伍",
    "change_sheet": "党员变动及组织生活",
    "list_sheet": "党员名单",
    "events_sheet": "变动名单",
    "training_sheet": "培训学时",
    "party_subtitle": "统计时点：{day}　党员{n}名（正式党员{full}名、预备党员{prob}名）",
    "change_subtitle": "统计期间：{start}至{end}",
    "list_subtitle": "统计时点：{day}　共{n}名",
    "events_subtitle": "统计期间：{start}至{end}　共{n}条",
    "training_subtitle": "统计期间：{start}至{end}　只计党员（统计时点在册的正式、预备党员）",
    "total_item": "党员总数",
    "total_label": "全体党员",
    "subtotal": "小计",
    "total": "合计",
    "probationary_mark": "{name}（预备）",
    "see_training": "见“培训学时”表",
    "unplaced": "另有{n}人党籍状态为{statuses}但未登记离开本支部日期，未计入本表：{names}。请在党员名册中补录日期。",
    "note_age": "注：年龄按统计时点的周岁计算；入党时间以支部大会讨论通过之日为准；合计、小计为公式。",
    "extension": "延长预备期{months}个月",
    "see_sessions": "见“培训期次”表",
    "see_list": "见“党员名单”表",
    "unbalanced": "上年底党员数加本年增加、减去本年减少，与统计时点党员数不一致，以下人员的增减未能对应（请核对其发展党员纪实或转入、离开日期）：{names}。",
    "sessions_sheet": "培训期次",
    "sessions_subtitle": "统计期间：{start}至{end}　共{n}期",
}

PARTY_HEAD = ["统计项目", "分类", "合计", enums.FULL_MEMBER, enums.PROBATIONARY, "名单"]
CHANGE_HEAD = ["统计项目", "分类", "单位", "数量", "名单"]
LIST_HEAD = ["序号", "姓名", "性别", "民族", "出生日期", "年龄", "年龄段", "学历", "学历类别", "人员类别",
             "入党日期", "入党时间段", "转正日期"]
EVENTS_HEAD = ["序号", "类别", "姓名", "性别", "日期", "说明"]
TRAINING_HEAD = ["序号", "姓名", "人员类别", "参训次数", "学时"]
SESSIONS_HEAD = ["序号", "日期", "培训名称", "培训形式", "学时"]

# 统计项目 and 分类 of both count sheets (row labels of the form).
ITEM_GENDER, ITEM_ETHNICITY, ITEM_AGE, ITEM_EDUCATION, ITEM_JOINED = "性别", "民族", "年龄", "学历", "入党时间"
ITEM_DEVELOP = "发展党员"
ITEM_PROBATION = "预备党员转正"
ITEM_TRANSFER = "组织关系转接"
ITEM_LEAVE = "党员减少"
ITEM_APPRAISAL = "民主评议党员（{year}年度）"
ITEM_TRAINING = "党员教育培训"
ITEM_BALANCE = "党员增减"
LABEL_PRIOR = "上年底党员数"
LABEL_BALANCE = "按增减推算的党员数"
LABEL_NOW = "统计时点党员数"
LABEL_DEVELOPED = "本年发展党员（接收预备党员）"
LABEL_DEV_WOMEN = "其中：女"
LABEL_DEV_YOUNG = "其中：35岁及以下（入党时）"
LABEL_DEV_COLLEGE = "其中：大专及以上学历"
LABEL_ON_TIME = "按期转正"  # not the enumeration: the form's row, 转正 without an earlier extension
LABEL_AFTER_EXTENSION = "延长预备期后转正"
LABEL_FULL_TOTAL = "转正小计"
LABEL_EXTENDED = enums.PROBATION_EXTENDED
LABEL_CANCELLED = enums.PROBATION_CANCELLED
LABEL_IN = enums.TRANSFER_IN
LABEL_OUT = enums.TRANSFERRED_OUT
LABEL_APPRAISED = "参加评议党员"
LABEL_SESSIONS = "培训期数"
LABEL_TRAINED = "参训党员"
LABEL_PERSON_TIMES = "参训人次"
LABEL_HOURS = "学时合计"
UNIT_PEOPLE, UNIT_TIMES, UNIT_SESSIONS, UNIT_HOURS = "名", "人次", "期", "学时"


@dataclass
class Band:
    label: str
    full: list[str] = field(default_factory=list)  # names, in roster order
    probationary: list[str] = field(default_factory=list)


@dataclass
class Section:
    item: str
    bands: list[Band]


@dataclass
class Count:
    """One row of the change sheet: a count and who it counts (or a formula over rows of its section)."""

    item: str
    label: str
    unit: str
    names: list[str] = field(default_factory=list)
    value: float | None = None  # a figure that is not a count of ``names`` (学时, 期数)
    sum_of: tuple[str, ...] = ()  # labels of rows (same section) this row adds up, as a formula
    terms: tuple[tuple[str, str, str], ...] = ()  # (sign, item, label) of rows of any section, as a formula
    names_text: str | None = None  # instead of the names

    @property
    def count(self) -> float:
        return len(self.names) if self.value is None else self.value


@dataclass
class Event:
    kind: str
    member_id: int | None
    name: str
    gender: str
    on: _dt.date | None
    note: str = ""


@dataclass
class Statistics:
    day: _dt.date
    figures: YearFigures
    party: list[dict]  # Ledger.party_members_on(day), each with its bands
    sections: list[Section]
    counts: list[Count]
    events: list[Event]
    training: list[tuple[str, str, int, int]]  # name, category, times, tenths
    notes: list[str]  # under the 党员队伍 table
    change_notes: list[str]  # under the 党员变动 table


def _bands(party: list[dict], key: str, labels: tuple[str, ...], extra: tuple[str, ...]) -> list[Band]:
    """Bands in the form's order (every one, zero or not) and ``extra`` ones only when someone is in them."""
    bands = {label: Band(label) for label in (*labels, *extra)}
    for m in party:
        band = bands[m[key]]
        (band.full if m["category"] == enums.FULL_MEMBER else band.probationary).append(m["name"])
    return [b for b in bands.values() if b.label in labels or b.full or b.probationary]


def party_sections(party: list[dict], day: _dt.date) -> list[Section]:
    """The 党员队伍 table: 党员总数 and the 性别/民族/年龄/学历/入党时间 bands (each sums to it)."""
    for m in party:
        m["gender_band"] = m.get("gender") if m.get("gender") in enums.GENDERS else census.UNRECORDED
        m["ethnicity_band"] = census.ethnicity_band(m.get("ethnicity"))
        m["age"] = census.age_on(m.get("birth_date"), day)
        m["age_band"] = census.age_band(m.get("birth_date"), day)
        m["education_band"] = census.education_band(m.get("education"))
        m["joined_band"] = census.joined_band(m.get("admitted"))
        m["all_band"] = TEXT["total_label"]
    un = (census.UNRECORDED,)
    return [
        Section(TEXT["total_item"], _bands(party, "all_band", (TEXT["total_label"],), ())),
        Section(ITEM_GENDER, _bands(party, "gender_band", enums.GENDERS, un)),
        Section(ITEM_ETHNICITY, _bands(party, "ethnicity_band", census.ETHNICITY_BANDS, un)),
        Section(ITEM_AGE, _bands(party, "age_band", tuple(b[0] for b in census.AGE_BANDS), un)),
        Section(ITEM_EDUCATION, _bands(party, "education_band", tuple(b[0] for b in census.EDUCATION_BANDS),
                                       (census.OTHER_EDUCATION, *un))),
        Section(ITEM_JOINED, _bands(party, "joined_band", tuple(b[0] for b in census.JOINED_BANDS), un)),
    ]


def _extension_note(row: dict) -> str:
    months = row.get("extension_months")  # recorded from schema v2 on
    return TEXT["extension"].format(months=months) if months else ""


def collect(job: Job) -> Statistics:
    led, day, year = job.ledger, job.as_of, job.year
    f = year_figures(job)
    party = led.party_members_on(day)
    sections = party_sections(party, day)
    members = {m["id"]: m for m in led.rows("members", include_deleted=True)}

    def event(kind, mid, on, note=""):
        m = members.get(mid) or {}
        return Event(kind, mid, job.name(mid), m.get("gender") or "", on, note)

    events: list[Event] = []
    counts: list[Count] = []

    def add(item, label, unit, people=(), kind=None):
        """A count row and, for its people, the 变动名单's lines (``people``: (id, date, note))."""
        counts.append(Count(item, label, unit, [job.name(mid) for mid, _, _ in people]))
        events.extend(event(kind or label, mid, on, note) for mid, on, note in people)

    add(ITEM_DEVELOP, LABEL_DEVELOPED, UNIT_PEOPLE, [(mid, on, "") for mid, on in f.admissions], ITEM_DEVELOP)
    admitted = [(members.get(mid) or {}, on) for mid, on in f.admissions]
    for label, test in ((LABEL_DEV_WOMEN, lambda m, on: m.get("gender") == enums.FEMALE),
                        (LABEL_DEV_YOUNG, lambda m, on: (census.age_on(m.get("birth_date"), on) or 999)
                         <= census.YOUNG_AGE),
                        (LABEL_DEV_COLLEGE, lambda m, on: census.education_band(m.get("education"))
                         in census.COLLEGE_AND_ABOVE)):
        counts.append(Count(ITEM_DEVELOP, label, UNIT_PEOPLE, [m.get("name", "") for m, on in admitted if test(m, on)]))
    on_time = [(mid, on, "") for mid, on in f.full_since if mid not in f.full_after_extension]
    after = [(mid, on, "") for mid, on in f.full_since if mid in f.full_after_extension]
    add(ITEM_PROBATION, LABEL_ON_TIME, UNIT_PEOPLE, on_time)
    add(ITEM_PROBATION, LABEL_AFTER_EXTENSION, UNIT_PEOPLE, after)
    counts.append(Count(ITEM_PROBATION, LABEL_FULL_TOTAL, UNIT_PEOPLE, [n for c in counts[-2:] for n in c.names],
                        sum_of=(LABEL_ON_TIME, LABEL_AFTER_EXTENSION)))
    add(ITEM_PROBATION, LABEL_EXTENDED, UNIT_PEOPLE, [(mid, on, _extension_note(row)) for mid, on, row in f.extended])
    add(ITEM_PROBATION, LABEL_CANCELLED, UNIT_PEOPLE, [(mid, on, "") for mid, on, _ in f.cancelled])

    # Ledger.transfers_in: the 组织关系转接 records, as the 述职 counts them.
    arrived, left = led.transfers_in(year, day)
    add(ITEM_TRANSFER, LABEL_IN, UNIT_PEOPLE, [(m["id"], _dt.date.fromisoformat(m["on"]), m["category"])
                                               for m in arrived])
    add(ITEM_TRANSFER, LABEL_OUT, UNIT_PEOPLE, [(m["id"], _dt.date.fromisoformat(m["on"]), m["category"])
                                                for m in left])
    for status, rows in led.departures_in(year, day).items():  # 出党, 去世, 停止党籍
        add(ITEM_LEAVE, status, UNIT_PEOPLE, [(m["id"], _dt.date.fromisoformat(m["on"]), m["category"])
                                              for m in rows])

    # 党员增减: last year's end, plus who came, minus who went, is the books on the day; where it
    # is not, the people it does not explain are named (a step or a date entered wrongly).
    prior = led.party_members_on(_dt.date(year - 1, 12, 31))
    gone = led.departures_in(year, day)
    came = [mid for mid, _ in f.admissions] + [m["id"] for m in arrived]
    went = ([m["id"] for m in left] + [m["id"] for rows in gone.values() for m in rows]
            + [mid for mid, _, _ in f.cancelled])
    counts.append(Count(ITEM_BALANCE, LABEL_PRIOR, UNIT_PEOPLE, [m["name"] for m in prior]))
    counts.append(Count(ITEM_BALANCE, LABEL_BALANCE, UNIT_PEOPLE, names_text="", terms=(
        ("+", ITEM_BALANCE, LABEL_PRIOR), ("+", ITEM_DEVELOP, LABEL_DEVELOPED), ("+", ITEM_TRANSFER, LABEL_IN),
        ("-", ITEM_TRANSFER, LABEL_OUT), *(("-", ITEM_LEAVE, status) for status in gone),
        ("-", ITEM_PROBATION, LABEL_CANCELLED))))
    counts.append(Count(ITEM_BALANCE, LABEL_NOW, UNIT_PEOPLE, [m["name"] for m in party], names_text=TEXT["see_list"]))
    before, now = {m["id"] for m in prior}, {m["id"] for m in party}
    unexplained = sorted(now - before - set(came)) + sorted((before | set(came)) - set(went) - now)
    balance_note = TEXT["unbalanced"].format(names=NAMES_SEP.join(job.name(mid) for mid in unexplained)) \
        if unexplained else None

    rated = {r: [job.name(a["member_id"]) for a in f.appraisals if a["rating"] == r] for r in enums.RATINGS}
    item = ITEM_APPRAISAL.format(year=year)
    for rating in enums.RATINGS:
        counts.append(Count(item, rating, UNIT_PEOPLE, rated[rating]))
    counts.append(Count(item, LABEL_APPRAISED, UNIT_PEOPLE, [n for r in enums.RATINGS for n in rated[r]],
                        sum_of=enums.RATINGS))

    names = {m["id"]: m for m in party}
    trained = [(names[mid]["name"], names[mid]["category"], times, tenths)
               for mid, (times, tenths) in sorted(f.training_by_member.items())]
    counts += [
        Count(ITEM_TRAINING, LABEL_SESSIONS, UNIT_SESSIONS, value=f.trainings, names_text=TEXT["see_sessions"]),
        Count(ITEM_TRAINING, LABEL_TRAINED, UNIT_PEOPLE, [t[0] for t in trained]),
        Count(ITEM_TRAINING, LABEL_PERSON_TIMES, UNIT_TIMES, value=f.training_person_times,
              names_text=TEXT["see_training"]),
        Count(ITEM_TRAINING, LABEL_HOURS, UNIT_HOURS, value=f.training_tenths / 10, names_text=TEXT["see_training"]),
    ]

    notes = [TEXT["note_age"]]
    change_notes = [balance_note] if balance_note else []
    cats = led.categories()
    unplaced = [m for m in led.unplaced_departures() if cats.get(m["id"]) in enums.PARTY_MEMBERS]
    if unplaced:
        change_notes.append(TEXT["unplaced"].format(
            n=len(unplaced), statuses="、".join(dict.fromkeys(m["status"] for m in unplaced)),
            names=NAMES_SEP.join(m["name"] for m in unplaced)))
    return Statistics(day, f, party, sections, counts, events, trained, notes, change_notes)


# ---- the workbook ----------------------------------------------------------------------------------

def _merge_items(ws, first: int, rows: list[list]) -> None:
    """One 统计项目 cell over the rows of its section."""
    start = 0
    for i in range(1, len(rows) + 1):
        if i == len(rows) or rows[i][0] != rows[start][0]:
            if i - start > 1:
                ws.merge_cells(start_row=first + start, start_column=1, end_row=first + i - 1, end_column=1)
            ws.cell(row=first + start, column=1).alignment = Alignment(horizontal="center", vertical="center",
                                                                       wrap_text=True)
            start = i


def _subtotal_style(ws, row: int, columns: int) -> None:
    for c in range(2, columns + 1):
        cell = ws.cell(row=row, column=c)
        cell.font = Font(name="黑体", size=11)
        cell.fill = TOTAL_FILL


def _notes(ws, row: int, columns: int, notes: list[str]) -> None:
    last = get_column_letter(columns)
    for i, text in enumerate(notes):
        r = row + 1 + i
        put(ws, r, 1, text)
        ws.merge_cells(f"A{r}:{last}{r}")
        ws.cell(row=r, column=1).alignment = Alignment(wrap_text=True, vertical="top")
        width = sum(ws.column_dimensions[get_column_letter(c)].width for c in range(1, columns + 1))
        ws.row_dimensions[r].height = 15 * -(-text_width(text) // int(width - 4)) + 3


def _names(band: Band) -> str:
    return NAMES_SEP.join([*band.full, *(TEXT["probationary_mark"].format(name=n) for n in band.probationary)])


def _party_sheet(ws, stats: Statistics, title: str) -> None:
    first = 4  # title, subtitle, head
    rows, subtotals = [], []
    for section in stats.sections:
        start = first + len(rows)
        for band in section.bands:
            r = first + len(rows)
            rows.append([section.item, band.label, Formula(f"=D{r}+E{r}"), len(band.full), len(band.probationary),
                         _names(band)])
        if section.item != TEXT["total_item"]:
            end = first + len(rows) - 1
            subtotals.append(first + len(rows))
            rows.append([section.item, TEXT["subtotal"],
                         *(Formula(f"=SUM({c}{start}:{c}{end})") for c in "CDE"), ""])
    full = sum(1 for m in stats.party if m["category"] == enums.FULL_MEMBER)
    subtitle = TEXT["party_subtitle"].format(day=cn_date(stats.day.isoformat()), n=len(stats.party), full=full,
                                             prob=len(stats.party) - full)
    write_sheet(ws, title, PARTY_HEAD, rows, fit_widths(PARTY_HEAD, rows, {1: LABEL_WIDTH, 5: NAME_WIDTH}), subtitle=subtitle,
                wide=False)
    for r in subtotals:
        _subtotal_style(ws, r, len(PARTY_HEAD))
    _merge_items(ws, first, rows)
    fit_heights(ws, first, first + len(rows) - 1, len(PARTY_HEAD), from_column=2)
    _notes(ws, first + len(rows), len(PARTY_HEAD), stats.notes)


def _change_sheet(ws, stats: Statistics, title: str, job: Job) -> None:
    first = 4
    rows, where, sums = [], {}, []
    for c in stats.counts:
        r = first + len(rows)
        where[(c.item, c.label)] = r
        if c.sum_of or c.terms:
            parts = [("+", c.item, label) for label in c.sum_of] + list(c.terms)
            value = Formula("=" + "".join(f"{sign}D{where[(item, label)]}" for sign, item, label in parts).lstrip("+"))
            sums.append(r)
        else:
            value = c.count
        names = c.names_text if c.names_text is not None else NAMES_SEP.join(c.names)
        rows.append([c.item, c.label, c.unit, value, names])
    subtitle = TEXT["change_subtitle"].format(start=cn_date(f"{job.year}-01-01"), end=cn_date(stats.day.isoformat()))
    write_sheet(ws, title, CHANGE_HEAD, rows, fit_widths(CHANGE_HEAD, rows, {0: ITEM_WIDTH, 1: LABEL_WIDTH, 4: NAME_WIDTH}), subtitle=subtitle,
                wide=False)
    for r in sums:
        _subtotal_style(ws, r, len(CHANGE_HEAD))
    hours_row = where[(ITEM_TRAINING, LABEL_HOURS)]
    ws.cell(row=hours_row, column=4).number_format = HOURS_FORMAT
    _merge_items(ws, first, rows)
    fit_heights(ws, first, first + len(rows) - 1, len(CHANGE_HEAD), from_column=2)
    if stats.change_notes:
        _notes(ws, first + len(rows), len(CHANGE_HEAD), stats.change_notes)


def _list_sheet(ws, stats: Statistics, title: str) -> None:
    rows = []
    for i, m in enumerate(stats.party, 1):
        birth = census.date_value(m.get("birth_date"))
        rows.append([i, m["name"], m.get("gender") or "", m.get("ethnicity") or "", birth, m["age"], m["age_band"],
                     m.get("education") or "", m["education_band"], m["category"], m.get("admitted"),
                     m["joined_band"], m.get("full_since")])
    subtitle = TEXT["list_subtitle"].format(day=cn_date(stats.day.isoformat()), n=len(rows))
    write_sheet(ws, title, LIST_HEAD, rows, fit_widths(LIST_HEAD, rows), subtitle=subtitle)
    ws.auto_filter.ref = f"A3:{get_column_letter(len(LIST_HEAD))}{3 + len(rows)}"


def _events_sheet(ws, stats: Statistics, title: str, job: Job) -> None:
    rows = [[i, e.kind, e.name, e.gender, e.on, e.note] for i, e in enumerate(stats.events, 1)]
    subtitle = TEXT["events_subtitle"].format(start=cn_date(f"{job.year}-01-01"), end=cn_date(stats.day.isoformat()),
                                              n=len(rows))
    write_sheet(ws, title, EVENTS_HEAD, rows, fit_widths(EVENTS_HEAD, rows), subtitle=subtitle, wide=False)


def _training_sheet(ws, stats: Statistics, title: str, job: Job) -> None:
    rows = [[i, name, cat, times, tenths / 10] for i, (name, cat, times, tenths) in enumerate(stats.training, 1)]
    last = 3 + len(rows)
    total = [TEXT["total"], f"{len(rows)}名", "", Formula(f"=SUM(D4:D{last})") if rows else 0,
             Formula(f"=SUM(E4:E{last})") if rows else 0]
    subtitle = TEXT["training_subtitle"].format(start=cn_date(f"{job.year}-01-01"), end=cn_date(stats.day.isoformat()))
    write_sheet(ws, title, TRAINING_HEAD, rows, fit_widths(TRAINING_HEAD, rows + [total]), totals=[total],
                formats={4: HOURS_FORMAT}, subtitle=subtitle, wide=False)


def _sessions_sheet(ws, stats: Statistics, title: str, job: Job) -> None:
    rows = [[i, census.date_value(t["date"]), t["title"], t.get("kind") or "", t["hours"] / 10]
            for i, t in enumerate(stats.figures.training_sessions, 1)]
    subtitle = TEXT["sessions_subtitle"].format(start=cn_date(f"{job.year}-01-01"), end=cn_date(stats.day.isoformat()),
                                                n=len(rows))
    write_sheet(ws, title, SESSIONS_HEAD, rows, fit_widths(SESSIONS_HEAD, rows, {2: NAME_WIDTH}),
                formats={4: HOURS_FORMAT}, subtitle=subtitle, wide=False)
    fit_heights(ws, 4, 3 + len(rows), len(SESSIONS_HEAD), from_column=2)


def write_xlsx(job: Job, path: Path) -> None:
    stats = collect(job)
    job.tick(1, 3)
    branch = job.branch_name()
    title = TEXT["title"].format(branch=branch)
    wb = Workbook()
    # Formulas carry no cached value (nothing here computes them): Excel and WPS compute on opening.
    wb.calculation.fullCalcOnLoad = True
    ws = wb.active
    ws.title = TEXT["party_sheet"]
    _party_sheet(ws, stats, f"{title}（{TEXT['party_sheet']}）")
    _change_sheet(wb.create_sheet(TEXT["change_sheet"]), stats, f"{title}（{TEXT['change_sheet']}）", job)
    _list_sheet(wb.create_sheet(TEXT["list_sheet"]), stats, f"{branch}{TEXT['list_sheet']}")
    _events_sheet(wb.create_sheet(TEXT["events_sheet"]), stats, f"{branch}{job.year}年党员{TEXT['events_sheet']}", job)
    _training_sheet(wb.create_sheet(TEXT["training_sheet"]), stats, f"{branch}{job.year}年党员{TEXT['training_sheet']}",
                    job)
    _sessions_sheet(wb.create_sheet(TEXT["sessions_sheet"]), stats,
                    f"{branch}{job.year}年党员{TEXT['sessions_sheet']}", job)
    job.tick(2, 3)
    wb.save(str(path))
