"""发展党员全程纪实表 (``export development``): one person's 25 steps as the 发展党员档案 files them.

Per person two pages (one sheet printed on both sides): the title, the person's basic information (姓名 … and the dates that
open each category, from the step catalogue's helpers), then per stage of 发展党员工作细则 a ruled
table 序号 | 步骤 | 时间 | 相关人员/情况 | 备注 with one row per recorded step (a step recorded more than
once, such as the half-yearly 培养教育考察, one row each) and a blank row for each step not yet
recorded, to fill in by hand; a 党支部书记 signature and date line at the foot. ``--member all``
puts everyone on the books with recorded steps in one document, each starting on an odd page;
one person (``--member ID``) may be anyone in the ledger, also someone who has left.

Steps dated after the as-of day are left out, like every document of the year.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from pathlib import Path

from ..ledger import attachments as att, steps as S
from ..ledger.validate import LedgerError
from . import docxkit as dk
from .common import Job, cn_date, cn_number

ALL = "all"  # ``--member all``
HEAD = ["序号", "步骤", "时间", "相关人员/情况", "备注"]
WIDTHS_MM = [9, 34, 28, 23, 62]
INFO_WIDTHS_MM = [22, 30, 22, 30, 22, 30]
TEXT = {
    "title": "发展党员全程纪实表",
    "branch": "党支部：{branch}",
    "as_of": "记录截至{day}",
    "nth": "{name}（第{n}次）",
    "outcome": "结论：{outcome}",
    "proof": "佐证材料：{titles}",
    "sign": "党支部书记（签字）：＿＿＿＿＿＿＿＿",
    "date": "日期：＿＿＿＿年＿＿月＿＿日",
    "no_member": "找不到编号为{id}的人员（可能已被删除）",
    "bad_member": "人员应为编号或 all，现为“{id}”",
    "nobody": "台账中还没有发展党员纪实记录（截至{day}），请先在“发展党员”中登记步骤",
}


@dataclass
class Record:
    """One person's 纪实表: the information cells and the stages' rows."""

    member: dict
    info: list[list[tuple[str, str, int]]]  # rows of (label, value, columns the value spans)
    stages: list[tuple[str, list[list[str]]]] = field(default_factory=list)  # (heading, rows)


def subjects(ledger, as_of: _dt.date) -> list[dict]:
    """Who ``--member all`` covers (and the window's 人员 list): the people on the books on
    ``as_of`` (``Ledger.members_on``; someone who moved away took their 档案 along) with a step
    recorded up to that day, by the date of their first step; each row id, name, category."""
    by_member = ledger.steps_by_member(as_of)
    people = []
    for m in ledger.members_on(as_of):
        st = by_member.get(m["id"])
        if st:
            people.append((st[0]["date"], m["id"], {"id": m["id"], "name": m["name"],
                                                    "category": S.derive_category(st) or ""}))
    return [p for *_, p in sorted(people, key=lambda t: (t[0], t[1]))]


def _month(iso: str | None) -> str:
    return f"{iso[:4]}年{int(iso[5:7])}月" if iso and len(iso) >= 7 else ""


def _day(d: _dt.date | None) -> str:
    return cn_date(d.isoformat()) if d else ""


def _persons(records: list[dict]) -> str:
    """The people of the latest record that names any (培养联系人 may be changed later)."""
    named = [r["persons"] for r in records if (r.get("persons") or "").strip()]
    return named[-1].strip() if named else ""


def collect_one(job: Job, member: dict, steps: list[dict], proofs: dict[int, list[dict]]) -> Record:
    """One person's record; ``proofs``: step record id -> its 佐证材料 (the scanned 入党申请书,
    志愿书 … named in the 备注, so the 档案 can be checked against the file)."""
    by_step: dict[int, list[dict]] = {}
    for r in steps:
        by_step.setdefault(r["step"], []).append(r)
    group = job.ledger.get("party_groups", member["party_group_id"]) if member.get("party_group_id") else None
    info = [
        [("姓名", member["name"], 1), ("性别", member.get("gender") or "", 1), ("民族", member.get("ethnicity") or "", 1)],
        [("出生年月", _month(member.get("birth_date")), 1), ("学历", member.get("education") or "", 1),
         ("人员类别", S.derive_category(steps) or "", 1)],
        [("工作岗位", member.get("work_post") or "", 3), ("所在党小组", group["name"] if group else "", 1)],
        [("身份证号", job.id_text(member.get("id_number")), 3),
         ("申请入党时间", _day(S.step_date(steps, S.STEP_APPLY)), 1)],
        [("确定积极分子时间", _day(S.step_date(steps, S.STEP_ACTIVIST)), 1),
         ("确定发展对象时间", _day(S.step_date(steps, S.STEP_CANDIDATE)), 1),
         ("接收预备党员时间", _day(S.admitted_on(steps)), 1)],
        [("转为正式党员时间", _day(S.full_member_since(steps)), 1),
         ("培养联系人", _persons(by_step.get(S.STEP_CONTACTS, [])), 1),
         ("入党介绍人", _persons(by_step.get(S.STEP_INTRODUCERS, [])), 1)],
    ]
    record = Record(member, info)
    for i, stage in enumerate(S.STAGES, 1):
        rows = []
        for step in S.stage_steps(stage):
            done = by_step.get(step.number, [])
            if not done:
                rows.append([str(step.number), step.name, "", "", ""])
                continue
            for k, r in enumerate(done, 1):
                name = TEXT["nth"].format(name=step.name, n=k) if len(done) > 1 else step.name
                said = []
                if (r.get("persons") or "").strip():
                    role = S.PERSON_ROLES.get(step.number, S.PERSON_ROLE_OTHER)
                    said.append(f"{role}：{r['persons'].strip()}")
                if r.get("outcome"):
                    said.append(TEXT["outcome"].format(outcome=r["outcome"]))
                note = [r["note"]] if r.get("note") else []
                if proofs.get(r["id"]):
                    note.append(TEXT["proof"].format(titles="、".join(a.get("title") or a["kind"]
                                                                    for a in proofs[r["id"]])))
                rows.append([str(step.number), name, cn_date(r["date"]), "\n".join(said), "\n".join(note)])
        record.stages.append((f"{cn_number(i)}、{S.STAGE_TITLES[stage]}", rows))
    return record


def collect(job: Job) -> list[Record]:
    """The records the job asks for: ``job.member_id`` (an id, or None / ``all`` for everyone in
    ``subjects``), steps up to the as-of day."""
    led = job.ledger
    by_member = led.steps_by_member(job.as_of)
    if job.member_id in (None, ALL):
        people = [led.get("members", p["id"]) for p in subjects(led, job.as_of)]
        if not people:
            raise LedgerError(TEXT["nobody"].format(day=cn_date(job.as_of.isoformat())))
    else:
        try:
            member_id = int(job.member_id)
        except (TypeError, ValueError):
            raise LedgerError(TEXT["bad_member"].format(id=job.member_id)) from None
        m = led.get("members", member_id)
        if m is None:
            raise LedgerError(TEXT["no_member"].format(id=job.member_id))
        people = [m]
    proofs = att.attachments_by_owner(led, "development_steps")
    return [collect_one(job, m, by_member.get(m["id"], []), proofs) for m in people]


def _info_grid(info) -> tuple[list[list], list[tuple[int, int, int]], list[int]]:
    """The information rows as 6 cells each (a spanned value's other cells None), the spans
    (row, first, last) and the label columns of each row."""
    rows, spans, labels = [], [], []
    for r, cells in enumerate(info):
        row, col, lab = [], 0, []
        for label, value, width in cells:
            lab.append(col)
            row.append(label)
            row.append(value)
            row.extend([None] * (width - 1))
            if width > 1:
                spans.append((r, col + 1, col + width))
            col += 1 + width
        assert col == len(INFO_WIDTHS_MM), info
        rows.append(row)
        labels.append(lab)
    return rows, spans, labels


# ---- Word -------------------------------------------------------------------------------
def _docx_line(doc, left: str, right: str):
    """A line with ``left`` at the left margin and ``right`` on a right tab at the right one."""
    from docx.enum.text import WD_TAB_ALIGNMENT
    from docx.shared import Mm

    p = dk.para(doc, "", dk.TABLE_STYLE)
    p.paragraph_format.tab_stops.add_tab_stop(Mm(dk.TEXT_WIDTH_MM), WD_TAB_ALIGNMENT.RIGHT)
    dk.add_run(p, f"{left}\t{right}", dk.FANGSONG, 12)
    return p


def _docx_record(doc, job: Job, rec: Record):
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt

    dk.para(doc, TEXT["title"], "Title")
    p = _docx_line(doc, TEXT["branch"].format(branch=job.branch_name()),
                   TEXT["as_of"].format(day=cn_date(job.as_of.isoformat())))
    p.paragraph_format.space_after = Pt(4)
    rows, spans, labels = _info_grid(rec.info)
    t = dk.table(doc, rows, INFO_WIDTHS_MM, head_rows=0, size=11, align=["c"] * len(INFO_WIDTHS_MM))
    for r, row in enumerate(t.rows):
        row.height = Mm(10)
        for c in labels[r]:
            for para in row.cells[c].paragraphs:
                for run in para.runs:
                    dk.style_run(run, dk.HEITI, 11)
    for r, first, last in sorted(spans, key=lambda s: (s[0], -s[1])):  # right to left: indices stay
        dk.span(t.rows[r], first, last)
    for heading, body in rec.stages:
        p = dk.para(doc, heading, dk.TABLE_STYLE + "（表头）", font=dk.HEITI, size=12,
                    align=WD_ALIGN_PARAGRAPH.LEFT)
        p.paragraph_format.space_before = Pt(8)
        p.paragraph_format.space_after = Pt(3)
        p.paragraph_format.keep_with_next = True
        t = dk.table(doc, [HEAD] + body, WIDTHS_MM, head_rows=1, size=10,
                     align=["c", "l", "c", "l", "l"])
        for row in t.rows[1:]:
            row.height = Mm(8)  # room to write in a step by hand
    p = _docx_line(doc, TEXT["sign"], TEXT["date"])
    p.paragraph_format.space_before = Pt(24)
    return p


def _end_section(doc, last_paragraph, first: bool) -> None:
    """End a person's pages with a section break in their last paragraph (an empty paragraph
    for it could spill onto a page of its own); the next person starts on an odd page, so that
    printed on both sides no sheet holds two people's records."""
    import copy

    body = doc.element.body.sectPr
    sect = copy.deepcopy(body)  # the same page, grid and footers (page numbers run on)
    if not first:
        _set_start(sect, "oddPage")
    last_paragraph._p.get_or_add_pPr().append(sect)
    _set_start(body, "oddPage")


def _set_start(sect, how: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    t = sect.find(qn("w:type"))
    if t is None:
        t = OxmlElement("w:type")
        # schema order: headerReference/footerReference …, footnotePr, endnotePr, type, pgSz …
        sect.find(qn("w:pgSz")).addprevious(t)
    t.set(qn("w:val"), how)


def write_docx(job: Job, path: Path) -> None:
    records = collect(job)
    doc = dk.new_document(job.branch_name() + TEXT["title"], author=job.branch_name())
    for i, rec in enumerate(records):
        job.tick(i, len(records) + 1)
        last = _docx_record(doc, job, rec)
        if i < len(records) - 1:
            _end_section(doc, last, first=i == 0)
    doc.save(str(path))


# ---- PDF --------------------------------------------------------------------------------
def _pdf_line(w, left: str, right: str, size: str = "text"):
    """One line with ``left`` at the left margin and ``right`` at the right one (reportlab
    collapses the 全角 spaces a Word line would use)."""
    from reportlab.lib.enums import TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Table, TableStyle

    right_style = ParagraphStyle("line_r", parent=w.styles[size], alignment=TA_RIGHT)
    from reportlab.pdfbase.pdfmetrics import stringWidth

    st = w.styles[size]
    room = min(stringWidth(right, st.fontName, st.fontSize) + 4, w.width / 2)  # the right part unbroken
    t = Table([[w.p(left, size), _para(w, right, right_style)]], colWidths=[w.width - room, room])
    t.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                           ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))
    return t


def _para(w, text, style):
    from reportlab.platypus import Paragraph

    from .fonts import markup

    return Paragraph(markup(text, style.fontName, w.fonts), style)


def _pdf_record(w, job: Job, rec: Record) -> list:
    from reportlab.lib import colors

    from .pdfkit import Spacer, mm

    story = [w.p(TEXT["title"], "title"),
             _pdf_line(w, TEXT["branch"].format(branch=job.branch_name()),
                       TEXT["as_of"].format(day=cn_date(job.as_of.isoformat()))),
             Spacer(1, 2 * mm)]
    rows, spans, labels = _info_grid(rec.info)
    cells = []
    for r, row in enumerate(rows):
        cells.append([w.p(v, "head_small") if c in labels[r] else ("" if v is None else v)
                      for c, v in enumerate(row)])
    style = [("SPAN", (first, r), (last, r)) for r, first, last in spans]
    style += [("BACKGROUND", (c, r), (c, r), colors.Color(0.93, 0.93, 0.93))
              for r, lab in enumerate(labels) for c in lab]
    style += [("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 5)]
    story.append(w.table(cells, [x * mm for x in INFO_WIDTHS_MM], head_rows=0, align=["c"] * 6,
                         small=True, extra_style=style))
    for heading, body in rec.stages:
        # Every row keeps room to write in: a recorded step at least one handwritten line
        # (corrections, a signature), a step not recorded a full one.
        table = [HEAD] + [[n, name, d, said or Spacer(1, 5.5 * mm), note] if d else
                          [n, name, Spacer(1, 7 * mm), said, note] for n, name, d, said, note in body]
        story += w.heading(heading, "label", room=22 * mm)
        story.append(Spacer(1, 1 * mm))
        # Tighter rows than the kit's: a whole pipeline with a line or two of notes a step stays
        # on two pages (one sheet printed on both sides); blank rows keep their writing room.
        story.append(w.table(table, [x * mm for x in WIDTHS_MM], align=["c", "l", "c", "l", "l"], small=True,
                             extra_style=[("TOPPADDING", (0, 1), (-1, -1), 1.5),
                                          ("BOTTOMPADDING", (0, 1), (-1, -1), 2)]))
    story += [Spacer(1, 6 * mm), _pdf_line(w, TEXT["sign"], TEXT["date"], "sign")]
    return story


def write_pdf(job: Job, path: Path) -> None:
    from reportlab.platypus.flowables import DocIf

    from .pdfkit import Mark, PageBreak, PdfWriter

    records = collect(job)
    w = PdfWriter(job, path, TEXT["title"], total_units=len(records) + 1)
    story = []
    for i, rec in enumerate(records):
        if i:  # the next person on an odd page (as in Word): no sheet holds two people's records
            story += [PageBreak(), DocIf("doc.page % 2 == 0", [PageBreak()])]
        story.append(Mark(index=i, outline=rec.member["name"]))
        story += _pdf_record(w, job, rec)
    w.build(story)
