"""谈心谈话记录: the year's talks (谈心谈话、提醒谈话、谈话函询、入党谈话 …), who talked with whom,
when and about what — the register a 上级党委 asks for under the 谈心谈话制度 (.docx / .pdf)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib.units import mm

from . import docxkit as dk
from .common import Job, cn_date
from .pdfkit import PdfWriter

HEAD = ["序号", "日期", "谈话人", "谈话对象", "类别", "谈话主题", "谈话记录"]
TEXT = {
    "title": "{branch}{year}年度谈心谈话记录",
    "none": "本年度尚无谈心谈话记录。",
    "summary": "全年开展谈心谈话{n}次（{kinds}），谈话对象{people}人。",
    "secretary": "其中支部书记{name}谈话{mine}次。",
}


@dataclass
class TalksYear:
    rows: list[list] = field(default_factory=list)
    kinds: Counter = field(default_factory=Counter)
    people: int = 0
    by_secretary: int = 0


def collect(job: Job) -> TalksYear:
    """The year's talks up to the as-of day, in date order."""
    from .common import secretary_id

    talks = job.ledger.talks_in(job.year, job.as_of)
    sid = secretary_id(job, job.as_of)
    out = TalksYear()
    seen = set()
    for i, t in enumerate(talks, 1):
        out.rows.append([i, cn_date(t["date"]), t.get("talker_name") or "", t["whom"], t["kind"],
                         t.get("topic") or "", t.get("notes") or ""])
        out.kinds[t["kind"]] += 1
        seen.add(("m", t["member_id"]) if t.get("member_id") else ("n", t["whom"]))
        if sid and t.get("talker_id") == sid:
            out.by_secretary += 1
    out.people = len(seen)
    return out


def summary(job: Job, data: TalksYear) -> str:
    if not data.rows:
        return TEXT["none"]
    kinds = "、".join(f"{k}{n}次" for k, n in data.kinds.items())
    text = TEXT["summary"].format(n=len(data.rows), kinds=kinds, people=data.people)
    from .common import secretary_id

    sid = secretary_id(job, job.as_of)
    if sid and data.by_secretary:
        text += TEXT["secretary"].format(name=job.name(sid), mine=data.by_secretary)
    return text


def write_docx(job: Job, path: Path) -> None:
    data = collect(job)
    title = TEXT["title"].format(branch=job.branch_name(), year=job.year)
    doc = dk.new_document(title, wide=True, author=job.branch_name())
    dk.para(doc, title, "Title")
    dk.para(doc, summary(job, data))
    if data.rows:
        dk.table(doc, [HEAD] + data.rows, [12, 30, 22, 24, 22, 50, 90], head_rows=1, size=11,
                 align=["c", "c", "c", "c", "c", "l", "l"])
    job.tick(1, 2)
    doc.save(str(path))


def write_pdf(job: Job, path: Path) -> None:
    data = collect(job)
    title = TEXT["title"].format(branch=job.branch_name(), year=job.year)
    w = PdfWriter(job, path, title, wide=True)
    story = [w.p(title, "title"), w.p(summary(job, data), "text")]
    if data.rows:
        story.append(w.table([HEAD] + data.rows, [x * mm for x in (12, 30, 22, 24, 22, 55, 95)],
                             align=["c", "c", "c", "c", "c", "l", "l"], small=True, zebra=True))
    w.build(story)
