"""会议记录簿: cover, index of the year's meetings, then each meeting's record on its own page(s).

The year's meetings, their attendance and every name are read in a handful of queries
(no query per meeting), then laid out as PDF (reportlab) or Word (python-docx).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..ledger import enums
from ..ledger.store import VOTE_FIELDS
from . import docxkit as dk
from .canvaskit import GRAY_HEAD, GRAY_LABEL, Cell, Composer, Style, mm
from .common import Job, cn_date
from .pdfkit import BODY_PT, LINE_PT


LONG_TOPIC = 150  # characters
INDEX_TOPIC = 60  # characters of a topic the 目录 shows (four lines); the record has it all
INDEX_HEAD = ("序号", "日期", "会议类型", "议题", "主持人\n（授课人）", "应到", "实到", "页码")
INDEX_WIDTHS_MM = (10, 18, 23, 54, 19, 10, 10, 12)  # 156: the text block


@dataclass
class MeetingRecord:
    number: int
    kind: str
    date: str
    short_date: str  # '1月15日' for the index (the year is on the cover)
    time: str
    place: str
    host: str
    recorder: str
    lecturer: str
    group: str
    expected: str  # 应到
    present: str  # 实到
    present_names: str  # 出席人员, by name
    absent: str  # 缺席人员及原因
    guests: str
    topic: str
    content: str
    resolutions: str
    votes: str = ""  # '同意12票，反对0票，弃权1票' when the counts of a 表决 are recorded

    @property
    def decisions(self) -> str:
        """What the 会议决议 section prints: the resolutions, then the 表决结果 line."""
        lines = [self.resolutions] if self.resolutions else []
        if self.votes:
            lines.append(f"表决结果：{self.votes}")
        return "\n".join(lines) or "无"

    @property
    def title(self) -> str:
        return f"{self.kind}会议记录" if self.kind not in (enums.PARTY_LECTURE, enums.THEME_DAY, enums.OTHER) else f"{self.kind}记录"

    def header_fields(self) -> list[tuple[str, str, str, str] | tuple[str, str]]:
        """The record header: 4-cell rows (label, value, label, value) or 2-cell spanning rows."""
        rows: list = [
            ("会议类型", self.kind, "会议时间", f"{self.date}\n{self.time}".strip()),
            ("会议地点", self.place),
            ("主持人", self.host, "记录人", self.recorder),
        ]
        if self.kind == enums.PARTY_LECTURE:
            rows.append(("授课人", self.lecturer))
        if self.group:
            rows.append(("党小组", self.group))
        rows.append(("应到人数", self.expected, "实到人数", self.present))
        if self.present_names:
            rows.append(("出席人员", self.present_names))
        rows.append(("缺席人员及原因", self.absent or "无"))
        rows.append(("列席人员", self.guests or "无"))
        if not self.long_topic:
            rows.append(("议题", self.topic))
        return rows

    @property
    def leader(self) -> str:
        """Who the index names: the 授课人 of a 党课 (who gave it), the 主持人 of the rest."""
        return self.lecturer if self.kind == enums.PARTY_LECTURE else self.host

    def index_cells(self) -> tuple:
        """The 目录 row without its page: 序号, 日期, 会议类型, 议题, 主持人/授课人, 应到, 实到."""
        topic = self.topic if len(self.topic) <= INDEX_TOPIC else self.topic[:INDEX_TOPIC - 1] + "…"
        return (self.number, self.short_date, self.kind, topic, self.leader, self.expected, self.present)

    @property
    def long_topic(self) -> bool:
        """A topic too long for a header cell is printed with the minutes instead."""
        return len(self.topic) > LONG_TOPIC


def collect(job: Job) -> list[MeetingRecord]:
    """The year's meetings in date order, with attendance summarised."""
    led = job.ledger
    meetings = led.rows_in_year("meetings", job.year, order_by="date, start_time, id")
    attendance = led.children_of_many("attendance", [m["id"] for m in meetings])
    groups = {g["id"]: g["name"] for g in led.query("SELECT id, name FROM party_groups")}
    out = []
    for i, m in enumerate(meetings, 1):
        rows = sorted(attendance.get(m["id"], []), key=lambda a: a["member_id"])
        present = [a for a in rows if a["status"] == enums.PRESENT]
        away = [a for a in rows if a["status"] != enums.PRESENT]
        absent = "；".join(
            f"{job.name(a['member_id'])}（{a['status']}{'：' + a['reason'] if a.get('reason') else ''}）"
            for a in away)
        time = m.get("start_time") or ""
        if time and m.get("end_time"):
            time = f"{time}—{m['end_time']}"
        out.append(MeetingRecord(
            number=i, kind=m["kind"], date=cn_date(m["date"]), short_date=cn_date(m["date"])[5:], time=time,
            place=m.get("place") or "", host=job.name(m.get("host_id")),
            recorder=job.name(m.get("recorder_id")), lecturer=job.name(m.get("lecturer_id")),
            group=groups.get(m.get("party_group_id"), "") if m.get("party_group_id") else "",
            expected=str(len(rows)) if rows else "未登记", present=str(len(present)) if rows else "未登记",
            present_names="、".join(job.name(a["member_id"]) for a in present),
            absent=absent, guests=m.get("guests") or "", topic=m.get("topic") or "",
            content=m.get("content") or "", resolutions=m.get("resolutions") or "",
            votes=vote_line(m),
        ))
    return out


def vote_line(meeting: dict) -> str:
    """'同意12票，反对0票，弃权1票' from the meeting's recorded counts; '' when none are recorded."""
    counts = [meeting.get(k) for k in VOTE_FIELDS]
    if all(c is None for c in counts):
        return ""
    yes, no, abstain = (c or 0 for c in counts)
    return f"同意{yes}票，反对{no}票，弃权{abstain}票"


def _kind_counts(records: list[MeetingRecord]) -> str:
    counts = {}
    for r in records:
        counts[r.kind] = counts.get(r.kind, 0) + 1
    ordered = [k for k in enums.MEETING_KINDS if k in counts] + [k for k in counts if k not in enums.MEETING_KINDS]
    return "，".join(f"{k}{counts[k]}次" for k in ordered)


# ---- PDF --------------------------------------------------------------------------------
# Drawn by the lean composer (canvaskit), not platypus: see BENCHMARKS.md, issue #7.
def _pdf_styles(fonts) -> dict[str, Style]:
    f = fonts
    return {
        "cover": Style(f.title, 36, 54, "c"),
        "cover_info": Style(f.kai, 18, 36, "c"),
        "title": Style(f.title, 22, 33, "c"),
        "h1": Style(f.heading, BODY_PT, LINE_PT),
        "body": Style(f.body, BODY_PT, LINE_PT, "j", indent=2 * BODY_PT),
        "label": Style(f.heading, 12, 20, space_before=2 * mm),
        "text": Style(f.body, 12, 20, "j"),
        "sign": Style(f.body, 12, 24),
        "head": Style(f.heading, 10.5, 14, "c"),
        "cell": Style(f.body, 10.5, 14),
        "head_small": Style(f.heading, 9, 11.5, "c"),
        "small_l": Style(f.body, 9, 11.5),
        "small_c": Style(f.body, 9, 11.5, "c"),
    }


def write_pdf(job: Job, path: Path) -> None:
    """Laid out twice: the first pass (nothing drawn) learns the page each meeting starts on,
    so the 目录 of the second prints it; the line breaks of the first are kept for the second."""
    records = collect(job)
    layout: dict = {}
    starts = _compose_pdf(job, records, None, {}, layout)
    _compose_pdf(job, records, path, starts, layout)


def _compose_pdf(job: Job, records: list[MeetingRecord], path: Path | None, starts: dict[int, int],
                 layout: dict) -> dict[int, int]:
    """One pass over the book; returns meeting number -> the page number printed at the foot
    of the page its record starts on. ``path`` None: the counting pass."""
    branch = job.branch_name()
    total = len(records)
    blank = 1 if job.blank_after_cover else 0
    c = Composer(path, f"{branch}{job.year}年度会议记录簿", first_numbered_page=2 + blank, layout=layout)
    st = _pdf_styles(c.fonts)

    c.space(40 * mm, at_top=True)
    c.paragraph("会议记录簿", st["cover"])
    c.space(30 * mm)
    c.paragraph(branch, st["cover_info"])
    c.paragraph(f"{job.year}年度", st["cover_info"])
    c.space(20 * mm)
    if records:
        c.paragraph(f"起止日期：{records[0].date}至{records[-1].date}", st["cover_info"])
    c.paragraph(f"共{total}次会议", st["cover_info"])
    for _ in range(blank):
        c.new_page()  # the cover's back stays blank: the 目录 starts on a right-hand page

    # Index: the head row repeats on every page; rows never split.
    c.new_page()
    c.bookmark("目录")
    c.paragraph("目　　录", st["title"])
    c.space(6 * mm)
    if records:
        c.paragraph(f"全年共{total}次会议：{_kind_counts(records)}。", st["text"])
        c.space(3 * mm)
        head = [Cell(t, st["head_small"], fill=GRAY_HEAD) for t in INDEX_HEAD]
        col = [st["small_c"], st["small_c"], st["small_c"], st["small_l"], st["small_c"], st["small_c"],
               st["small_c"], st["small_c"]]
        # The counting pass sets a number as wide as any real one: the index keeps its pages.
        rows = [head] + [[Cell(str(v), s) for v, s in zip(
            (*r.index_cells(), starts.get(r.number, 999)), col)] for r in records]
        c.table(rows, [x * mm for x in INDEX_WIDTHS_MM], head_rows=1)
    else:
        c.paragraph(f"{job.year}年度尚未登记会议。", st["body"])

    found: dict[int, int] = {}
    lw, vw = 29 * mm, 49 * mm  # 缺席人员及原因 on one line
    for r in records:
        c.new_page()
        found[r.number] = c.number
        c.set_header(f"{branch}　{r.kind}　{r.date}")
        c.bookmark(f"{r.short_date} {r.kind}")
        if path is not None:
            job.tick(r.number, total)
        c.paragraph(r.title, st["h1"])
        c.space(2 * mm)
        rows = []
        for f in r.header_fields():
            if len(f) == 4:
                rows.append([Cell(f[0], st["head"], fill=GRAY_LABEL), Cell(f[1], st["cell"]),
                             Cell(f[2], st["head"], fill=GRAY_LABEL), Cell(f[3], st["cell"])])
            else:
                rows.append([Cell(f[0], st["head"], fill=GRAY_LABEL), Cell(f[1], st["cell"], span=3)])
        c.table(rows, [lw, vw, lw, vw])
        sections = [("议题：", r.topic)] if r.long_topic else []
        sections += [("会议内容：", r.content or "（未记录）"), ("会议决议：", r.decisions)]
        for label, text in sections:
            c.need(20 * mm)
            c.paragraph(label, st["label"])
            for line in text.splitlines():
                if line.strip():
                    c.paragraph(line.strip(), st["text"])
        c.need(10 * mm + st["sign"].leading)
        c.space(10 * mm)
        c.paragraph("主持人（签字）：＿＿＿＿＿＿＿＿　　　　记录人（签字）：＿＿＿＿＿＿＿＿", st["sign"])
    c.save()
    return found


# ---- Word -------------------------------------------------------------------------------
def write_docx(job: Job, path: Path) -> None:
    """The same book in Word. The 目录's 页码 are PAGEREF fields to a bookmark on each record's
    title: Word lays the pages out itself (asked to update the fields when the file opens)."""
    records = collect(job)
    branch = job.branch_name()
    doc = dk.new_document(f"{branch}{job.year}年度会议记录簿", author=branch)
    for _ in range(4):
        dk.para(doc, "", "Normal")
    dk.para(doc, "会议记录簿", "Title", size=36, align=dk.WD_ALIGN_PARAGRAPH.CENTER)
    for _ in range(3):
        dk.para(doc, "", "Normal")
    dk.para(doc, branch, "Subtitle", size=18)
    dk.para(doc, f"{job.year}年度", "Subtitle", size=18)
    if records:
        dk.para(doc, f"起止日期：{records[0].date}至{records[-1].date}", "Subtitle", size=18)
    dk.para(doc, f"共{len(records)}次会议", "Subtitle", size=18)
    if job.blank_after_cover:
        dk.page_break(doc)  # the cover's back stays blank (the section break starts the 目录's page)
    dk.end_cover(doc)
    dk.para(doc, "目　　录", "Title")
    if records:
        rows = [list(INDEX_HEAD)] + [
            [*r.index_cells(), dk.TableCell("", field=f"PAGEREF {_mark(r)} \\h")] for r in records]
        dk.table(doc, rows, list(INDEX_WIDTHS_MM), align=["c", "c", "c", "l", "c", "c", "c", "c"], size=10.5)
        dk.para(doc, _kind_counts(records) + "。", dk.TABLE_STYLE)
        dk.update_fields_on_open(doc)
    else:
        dk.para(doc, f"{job.year}年度尚未登记会议。")
    for r in records:
        job.tick(r.number, len(records))
        dk.page_break(doc)
        title = dk.para(doc, r.title, "Heading 1", align=dk.WD_ALIGN_PARAGRAPH.CENTER)
        dk.bookmark(title, _mark(r))
        _docx_record_table(doc, r)
        p = dk.para(doc, "", dk.TABLE_STYLE)
        p.paragraph_format.space_before = dk.Pt(24)
        p.paragraph_format.keep_with_next = True
        dk.add_run(p, "主持人（签字）：＿＿＿＿＿＿＿＿　　　　记录人（签字）：＿＿＿＿＿＿＿＿", size=12)
    doc.save(str(path))


def _mark(r: MeetingRecord) -> str:
    """The bookmark on a record's title (Word: a letter first, no spaces, at most 40 characters)."""
    return f"meeting_{r.number}"


def _docx_record_table(doc, r: MeetingRecord) -> None:
    """One table per meeting: a running head row (repeated on every page the record runs
    onto), the header fields, then the minutes and resolutions in rows that may break."""
    label = dk.TableCell
    topic = r.topic if len(r.topic) <= 20 else r.topic[:20] + "…"
    rows: list[list] = [[label(f"{r.kind}　{r.date}　{topic}", span=4)]]
    for f in r.header_fields():
        if len(f) == 4:
            rows.append([label(f[0], head=True), f[1], label(f[2], head=True), f[3]])
        else:
            rows.append([label(f[0], head=True), label(f[1], span=3)])
    tail = [("议题", r.topic)] if r.long_topic else []
    tail += [("会议内容", r.content or "（未记录）"), ("会议决议", r.decisions)]
    split = []
    for caption, text in tail:
        rows.append([label(caption, span=4, head=True, align="l")])
        split.append(len(rows))  # long minutes may continue on the next page; other rows stay whole
        rows.append([label(text, span=4)])
    dk.table(doc, rows, [28, 50, 28, 50], head_rows=1, size=12, split_rows=split)
