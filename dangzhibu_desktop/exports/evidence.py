"""创星佐证材料汇编 (``export evidence --year Y [--quarter Q]``): one PDF for the 验收 group.

Cover; 目录 with page numbers; then for each 基本 and each of its rules the verdict with its
evidence in Chinese, the ledger's records that prove it (meeting list with dates and attendance,
the 学时 table, the dues summary, the 整改 list …) and the attachments themselves: photos two or
four to a page with captions, scanned pages full page, attached PDFs' pages embedded (pypdf),
other files listed by name. ``--quarter`` makes the 季度合订 of the quarter's 三会一课 and 组织生活:
the 基本活动 verdicts as of the quarter's end, its meetings and their attachments.

The PDF is composed twice: the first pass only counts pages, so the 目录 of the second can
print where each part starts (attached PDFs' pages included in the numbering).
"""

from __future__ import annotations

import datetime as _dt
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from ..ledger import attachments as att, enums
from ..ledger.schema import TABLES
from ..ledger.validate import LedgerError
from .canvaskit import GRAY_HEAD, Cell, Composer, Style, mm
from .common import Job, cn_date, hours_text, money_text
from .signin import ImageFiles, append_pdf_pages, draw_image_fitted, pdf_page_count

TEXT = {
    "title": "创星佐证材料汇编",
    "quarter_title": "“三会一课”季度合订",
    "toc": "目　　录",
    "summary": "截至{day}，综合得分{score}分，{met}{stars}。",
    "stars": "，{n}星级",
    "verdict": "【{status}】{name}（{code}，{kind}指标）",
    "measured": "实测：{measured}；标准：{target}",
    "no_records": "（本项没有可列出的台账记录）",
    "no_attachments": "（本项没有上传佐证材料）",
    "attachments": "佐证材料（{n}份）",
    "photo_caption": "{owner}　{title}{date}",
    "scan_caption": "{kind}：{owner}　{title}",
    "pdf_note": "{kind}（PDF，{pages}页）：{owner}　{title}，附后",
    "file_note": "文件：{owner}　{title}（{name}，请见电子版）",
    "missing": "附件“{title}”的文件不见了",
    "bad_quarter": "季度应为1至4",
}

# Which records (by table) prove the rules of each 基本, in the order they are listed.
BASIC_RECORDS = {
    "ORG": (),
    "TEAM": ("trainings", "development_steps"),
    "ACT": ("meetings",),
    "ROLE": ("pioneer_posts", "volunteer_activities"),
    "SYS": ("rectifications", "checklist", "talks"),
    "SUP": ("checklist",),
}
PHOTOS_PER_PAGE_FEW, PHOTOS_PER_PAGE_MANY = 2, 4


@dataclass
class Section:
    title: str
    level: int
    page: int = 0


@dataclass
class _Plan:
    sections: list[Section] = field(default_factory=list)
    inserts: list[tuple[int, bytes]] = field(default_factory=list)
    pdf_pages: dict[str, int] = field(default_factory=dict)  # sha256 → pages, counted once


def _period(job: Job) -> tuple[_dt.date, _dt.date]:
    q = job.quarter
    if q is None:
        return _dt.date(job.year, 1, 1), _dt.date(job.year, 12, 31)
    if not 1 <= q <= 4:
        raise LedgerError(TEXT["bad_quarter"])
    start = _dt.date(job.year, 3 * q - 2, 1)
    end = (_dt.date(job.year + 1, 1, 1) if q == 4 else _dt.date(job.year, 3 * q + 1, 1)) - _dt.timedelta(days=1)
    return start, end


def _styles(f) -> dict[str, Style]:
    return {
        "cover": Style(f.title, 30, 48, "c"),
        "cover_info": Style(f.kai, 18, 34, "c"),
        "title": Style(f.title, 22, 33, "c"),
        "h1": Style(f.heading, 16, 28, space_before=3 * mm),
        "h2": Style(f.kai, 14, 24, space_before=2 * mm),
        "text": Style(f.body, 12, 20, "j"),
        "small": Style(f.body, 10.5, 16),
        "head": Style(f.heading, 10, 13, "c"),
        "cell": Style(f.body, 10, 13),
        "cell_c": Style(f.body, 10, 13, "c"),
        "toc": Style(f.body, 13, 24),
        "toc2": Style(f.body, 12, 21),
        "caption": Style(f.body, 10.5, 14, "c"),
    }


class _Owners:
    """Names of the records attachments belong to, for captions ('3月5日 主题党日')."""

    def __init__(self, job: Job):
        self.job = job
        self._rows: dict[str, dict[int, dict]] = {}

    def row(self, table: str, rid: int) -> dict:
        if table not in self._rows:
            self._rows[table] = ({r["id"]: r for r in self.job.ledger.rows(table, include_deleted=False)}
                                 if table in TABLES else {})
        return self._rows[table].get(rid, {})

    def name(self, table: str, rid: int) -> str:
        r = self.row(table, rid)
        if table == "meetings":
            return f"{cn_date(r.get('date'))[5:]}{r.get('kind', '')}"
        if table in ("trainings", "volunteer_activities"):
            return f"{cn_date(r.get('date'))[5:]}{r.get('title', '')}"
        if table == "pioneer_posts":
            return r.get("name", "")
        if table == "rectifications":
            return f"整改：{r.get('problem', '')}"
        if table == "checklist":
            return f"自评事项 {r.get('rule_code', '')}"
        if table == "development_steps":
            return f"{self.job.name(r.get('member_id'))} 第{r.get('step', '')}步"
        if table == "talks":
            return f"{cn_date(r.get('date'))[5:]}谈心谈话"
        return ""


class Binder:
    def __init__(self, job: Job, path: Path, plan: _Plan | None, images: ImageFiles | None):
        self.job = job
        self.images = images  # None: the counting pass, which lays out but draws no image
        self.led = job.ledger
        self.start, self.end = _period(job)
        self.day = min(self.end, job.today)
        self.known = plan  # page numbers from the first pass
        self.plan = _Plan()
        title = TEXT["title"] if job.quarter is None else TEXT["quarter_title"]
        self.title = title
        self.c = Composer(path, f"{job.branch_name()}{self._period_words()}{title}", first_numbered_page=2)
        self.st = _styles(self.c.fonts)
        self.owners = _Owners(job)
        self.skipped = 0  # pages of attached PDFs inserted so far (counted in the numbering)

    def _period_words(self) -> str:
        return f"{self.job.year}年" + (f"第{'一二三四'[self.job.quarter - 1]}季度" if self.job.quarter else "度")

    # ---- parts ---------------------------------------------------------------------------
    def section(self, title: str, level: int = 1) -> None:
        c, st = self.c, self.st
        if level == 1:
            self._page()
            c.set_header(f"{self.job.branch_name()}　{self.title}　{title}")
        c.need(40 * mm)
        self.plan.sections.append(Section(title, level, c.page))
        c.bookmark(title)
        c.paragraph(title, st["h1" if level == 1 else "h2"])

    def cover(self, report) -> None:
        c, st = self.c, self.st
        c.space(35 * mm, at_top=True)
        c.paragraph(self.title, st["cover"])
        c.space(25 * mm)
        c.paragraph(self.job.branch_name(), st["cover_info"])
        c.paragraph(self._period_words(), st["cover_info"])
        c.space(12 * mm)
        met = "达到达标标准" if report.standard_met else "尚未达到达标标准"
        stars = TEXT["stars"].format(n=report.stars) if report.standard_met and report.stars else ""
        c.paragraph(TEXT["summary"].format(day=cn_date(self.day.isoformat()), score=f"{report.score:.1f}",
                                           met=met, stars=stars), st["cover_info"])
        c.paragraph(f"编制日期：{cn_date(self.job.today.isoformat())}", st["cover_info"])

    def toc(self, entries: list[Section]) -> None:
        c, st = self.c, self.st
        c.new_page()
        c.bookmark("目录")
        c.paragraph(TEXT["toc"], st["title"])
        c.space(5 * mm)
        # The number printed at the page's foot: the cover carries none (first_numbered_page=2).
        known = {(s.title, s.level): s.page - 1 for s in (self.known.sections if self.known else [])}
        rows = []
        for s in entries:
            page = known.get((s.title, s.level), 0)
            indent = "" if s.level == 1 else "　　"
            rows.append([Cell(indent + s.title, st["toc" if s.level == 1 else "toc2"]),
                         Cell(str(page) if page else "", st["toc" if s.level == 1 else "toc2"])])
        c.table(rows, [c.width - 18 * mm, 18 * mm])

    def rule_block(self, r) -> None:
        c, st = self.c, self.st
        self.section(TEXT["verdict"].format(status=r.status, name=r.name, code=r.code, kind=r.kind), 2)
        if r.measured not in (None, "") or r.target not in (None, ""):
            c.paragraph(TEXT["measured"].format(measured=_text(r.measured), target=_text(r.target)), st["small"])
        if r.message:
            c.paragraph(r.message, st["text"])
        ev = [str(e) for e in r.evidence if e not in (None, "")]
        if ev:
            shown = "；".join(ev[:15]) + (f"等{len(ev)}项" if len(ev) > 15 else "")
            c.paragraph(f"依据：{shown}。", st["small"])
        if r.advice and r.status != "达标":
            c.paragraph(f"建议：{r.advice}", st["small"])

    # ---- records --------------------------------------------------------------------------
    def _in_period(self, table: str, field_: str = "date") -> list[dict]:
        if table not in TABLES:
            return []
        return self.led.rows(table, f"{field_} >= ? AND {field_} <= ?",
                             (self.start.isoformat(), self.end.isoformat()), order_by=f"{field_}, id")

    def meetings(self) -> list[dict]:
        return self._in_period("meetings")

    def _page(self) -> None:
        """A fresh page, unless the one in hand is still blank (after attached PDF pages)."""
        if not self.c._blank:
            self.c.new_page()

    def records(self, table: str) -> list[dict]:
        """The records of ``table`` that prove the period (and may carry attachments)."""
        if table == "meetings":
            return self.meetings()
        if table in ("trainings", "volunteer_activities", "development_steps", "talks"):
            return self._in_period(table)
        if table == "pioneer_posts":
            return [p for p in self.led.rows("pioneer_posts")
                    if (not p.get("established_on") or p["established_on"] <= self.end.isoformat())
                    and (not p.get("ended_on") or p["ended_on"] >= self.start.isoformat())]
        if table == "rectifications":
            s, e = self.start.isoformat(), self.end.isoformat()
            return [r for r in self.led.rows("rectifications", order_by="deadline, id")
                    if (r.get("deadline") and s <= r["deadline"] <= e) or (r.get("closed_on") and s <= r["closed_on"] <= e)
                    or (r.get("status") != enums.COMPLETED and (not r.get("deadline") or r["deadline"] <= e))]
        if table == "checklist":
            return self.led.rows("checklist", "year = ?", (self.job.year,), order_by="rule_code")
        return []

    def record_table(self, table: str, rows: list[dict]) -> None:
        if not rows:
            return
        job = self.job
        if table == "meetings":
            att_rows = self.led.children_of_many("attendance", [m["id"] for m in rows])
            head = ("序号", "日期", "会议类型", "议题", "主持人", "应到", "实到")
            body = []
            for i, m in enumerate(rows, 1):
                a = att_rows.get(m["id"], [])
                here = sum(1 for x in a if x["status"] == enums.PRESENT)
                body.append((i, cn_date(m["date"])[5:], m["kind"], m.get("topic") or "", job.name(m.get("host_id")),
                             len(a) if a else "未登记", here if a else "未登记"))
            widths = (10, 20, 24, 58, 16, 12, 12)
            title = "会议一览"
        elif table == "trainings":
            ta = self.led.children_of_many("training_attendance", [t["id"] for t in rows])
            per: dict[int, int] = defaultdict(int)
            for t in rows:
                for a in ta.get(t["id"], []):
                    per[a["member_id"]] += a["hours"] or 0
            head = ("序号", "日期", "培训名称", "形式", "学时", "参训人数")
            body = [(i, cn_date(t["date"])[5:], t["title"], t.get("kind") or "", hours_text(t["hours"]),
                     len(ta.get(t["id"], []))) for i, t in enumerate(rows, 1)]
            widths = (10, 20, 70, 22, 16, 18)
            title = "教育培训一览"
            self._grid("教育培训一览", head, body, widths)
            head = ("序号", "姓名", "累计学时")
            body = [(i, job.name(mid), hours_text(h)) for i, (mid, h) in
                    enumerate(sorted(per.items(), key=lambda kv: (-kv[1], kv[0])), 1)]
            self._grid("党员学时统计", head, body, (14, 60, 40))
            return
        elif table == "volunteer_activities":
            vh = self.led.children_of_many("volunteer_hours", [v["id"] for v in rows])
            head = ("序号", "日期", "活动名称", "类别", "参加人数", "时长合计")
            body = [(i, cn_date(v["date"])[5:], v["title"], v.get("kind") or "", len(vh.get(v["id"], [])),
                     hours_text(sum(h["hours"] or 0 for h in vh.get(v["id"], []))))
                    for i, v in enumerate(rows, 1)]
            widths = (10, 20, 70, 20, 18, 18)
            title = "志愿服务一览"
        elif table == "pioneer_posts":
            head = ("序号", "类别", "名称", "设立日期", "承诺")
            body = [(i, p["kind"], p["name"], cn_date(p.get("established_on")), (p.get("commitment") or "")[:60])
                    for i, p in enumerate(rows, 1)]
            widths = (10, 18, 40, 28, 60)
            title = "先锋岗一览"
        elif table == "development_steps":
            from ..ledger.steps import CATALOGUE

            head = ("序号", "日期", "姓名", "步骤")
            body = [(i, cn_date(s["date"])[5:], job.name(s["member_id"]),
                     f"{s['step']} {CATALOGUE[s['step']].name if s['step'] in CATALOGUE else ''}")
                    for i, s in enumerate(rows, 1)]
            widths = (10, 22, 30, 94)
            title = "发展党员纪实"
        elif table == "rectifications":
            head = ("序号", "问题", "整改措施", "时限", "状态", "完成日期")
            body = [(i, r["problem"], r.get("measure") or "", cn_date(r.get("deadline"))[5:] if r.get("deadline") else "",
                     r["status"], cn_date(r.get("closed_on"))[5:] if r.get("closed_on") else "")
                    for i, r in enumerate(rows, 1)]
            widths = (10, 50, 50, 18, 14, 18)
            title = "问题整改台账"
        elif table == "checklist":
            head = ("序号", "事项", "已落实", "佐证说明")
            body = [(i, r["rule_code"], "是" if r.get("met") else "否", r.get("evidence") or "")
                    for i, r in enumerate(rows, 1)]
            widths = (10, 46, 16, 88)
            title = "自评事项"
        else:
            return
        self._grid(title, head, body, widths)

    def _grid(self, title: str, head, body, widths) -> None:
        c, st = self.c, self.st
        if not body:
            return
        c.need(30 * mm)
        c.paragraph(title, st["h2"])
        rows = [[Cell(h, st["head"], fill=GRAY_HEAD) for h in head]]
        rows += [[Cell(str(v), st["cell_c"] if len(str(v)) <= 6 else st["cell"]) for v in r] for r in body]
        c.table(rows, [w * mm for w in widths], head_rows=1)

    def dues_summary(self) -> None:
        months = [f"{self.job.year}-{m:02d}" for m in range(self.start.month, self.end.month + 1)]
        body = []
        for i, month in enumerate(months, 1):
            due, paid, people, done = 0, 0, 0, 0
            for d in self.led.rows("dues", "month = ?", (month,)):
                due += d["amount_due"] or 0
                paid += d["amount_paid"] or 0
                people += 1
                done += 1 if (d["amount_paid"] or 0) >= (d["amount_due"] or 0) else 0
            if people:
                body.append((i, month, people, done, money_text(due), money_text(paid)))
        self._grid("党费收缴情况", ("序号", "月份", "应缴人数", "缴清人数", "应缴金额（元）", "实缴金额（元）"), body,
                   (10, 22, 22, 22, 36, 36))

    # ---- attachments ----------------------------------------------------------------------
    def attachments(self, table: str, owners: list[dict], done: set) -> None:
        """Every attachment of these records not shown already in this binder."""
        if table not in TABLES or not owners:
            return
        by_owner = att.attachments_by_owner(self.led, table, [o["id"] for o in owners])
        rows = [a for o in owners for a in by_owner.get(o["id"], []) if a["id"] not in done]
        if not rows:
            return
        done.update(a["id"] for a in rows)
        c, st = self.c, self.st
        c.need(30 * mm)
        c.paragraph(TEXT["attachments"].format(n=len(rows)), st["h2"])
        photos, scans, pdfs, files = [], [], [], []
        for a in rows:
            if att.is_image(a["mime"]):
                (photos if a["kind"] == enums.ATTACHMENT_PHOTO else scans).append(a)
            elif a["mime"] == att.MIME_PDF:
                pdfs.append(a)
            else:
                files.append(a)
        for a in files:
            c.paragraph(TEXT["file_note"].format(owner=self.owners.name(a["owner_table"], a["owner_id"]),
                                                 title=a["title"] or "", name=att.suggested_name(a)), st["small"])
        per_page = PHOTOS_PER_PAGE_MANY if len(photos) > PHOTOS_PER_PAGE_FEW else PHOTOS_PER_PAGE_FEW
        for at in range(0, len(photos), per_page):
            self._photo_page(photos[at:at + per_page], per_page)
        for a in scans:
            self._scan_page(a)
        for a in pdfs:
            self._pdf(a)

    def _data(self, a) -> bytes | None:
        try:
            return att.read_bytes(self.led, a)
        except LedgerError:
            self.c.paragraph(TEXT["missing"].format(title=a["title"] or ""), self.st["small"])
            return None

    def _image(self, a) -> str | None:
        """The file to draw ("" in the counting pass), None (said so on the page) when it is gone."""
        try:
            there = att.file_path(self.led, a).is_file()
        except LedgerError:  # a damaged record's digest: said on the page like a missing file
            there = False
        if not there:
            self.c.paragraph(TEXT["missing"].format(title=a["title"] or ""), self.st["small"])
            return None
        return self.images.path(a) if self.images is not None else ""

    def _caption(self, a) -> str:
        date = f"（{cn_date(a['taken_on'])}）" if a.get("taken_on") else ""
        return TEXT["photo_caption"].format(owner=self.owners.name(a["owner_table"], a["owner_id"]),
                                            title=a["title"] or "", date=date)

    def _photo_page(self, photos: list[dict], per_page: int) -> None:
        c, st = self.c, self.st
        self._page()
        top, bottom = c.y, c.bottom
        cols = 1 if per_page == 2 else 2
        rows_n = 2
        cell_w = c.width / cols
        cell_h = (top - bottom) / rows_n
        cap = st["caption"].leading * 2
        for k, a in enumerate(photos):
            source = self._image(a)
            if source is None:
                continue
            r, col = divmod(k, cols)
            x = c.left + col * cell_w
            y_top = top - r * cell_h
            if source:
                draw_image_fitted(c.canvas, source, x + 2 * mm, y_top - cell_h + cap + 2 * mm, cell_w - 4 * mm,
                                  cell_h - cap - 6 * mm)
            c.y = y_top - cell_h + cap
            lines = c.lines(self._caption(a), st["caption"], cell_w - 4 * mm)[:2]
            c._draw_lines(lines, st["caption"], x + 2 * mm, cell_w - 4 * mm, c.y - st["caption"].size)
        c.y = bottom
        c._blank = False

    def _scan_page(self, a) -> None:
        c, st = self.c, self.st
        source = self._image(a)
        if source is None:
            return
        self._page()
        c.paragraph(TEXT["scan_caption"].format(kind=a["kind"], owner=self.owners.name(a["owner_table"], a["owner_id"]),
                                                title=a["title"] or ""), st["caption"])
        if source:
            draw_image_fitted(c.canvas, source, c.left, c.bottom, c.width, c.y - c.bottom - 2 * mm)
        c.y = c.bottom

    def _pdf(self, a) -> None:
        c, st = self.c, self.st
        data = self._data(a)
        if data is None:
            return
        counted = self.known.pdf_pages if self.known else self.plan.pdf_pages
        if a["sha256"] not in counted:
            counted[a["sha256"]] = pdf_page_count(data)
        pages = counted[a["sha256"]]
        c.paragraph(TEXT["pdf_note"].format(kind=a["kind"], pages=pages, title=a["title"] or "",
                                            owner=self.owners.name(a["owner_table"], a["owner_id"])), st["small"])
        if not pages:
            return
        # The attached pages follow the page in hand; the numbering of the pages after them counts them.
        c.new_page()
        self.plan.inserts.append((c.page - 1 - self.skipped, data))
        self.skipped += pages
        c.page += pages

    # ---- the whole ------------------------------------------------------------------------
    def build(self) -> _Plan:
        from ..rules import evaluate

        job = self.job
        report = evaluate(self.led, job.year, self.day)
        basics = report.basics if job.quarter is None else [b for b in report.basics if b.code == "ACT"]
        entries = []
        for b in basics:
            entries.append(Section(f"{b.name}（得分{b.score:.1f}）", 1))
            entries += [Section(TEXT["verdict"].format(status=r.status, name=r.name, code=r.code, kind=r.kind), 2)
                        for r in b.rules]
        self.cover(report)
        self.toc(entries)
        done: set[int] = set()
        total = len(basics)
        for n, b in enumerate(basics, 1):
            job.tick(n - 1, total)
            self.section(f"{b.name}（得分{b.score:.1f}）", 1)
            for r in b.rules:
                self.rule_block(r)
            for table in BASIC_RECORDS.get(b.code, ()):
                rows = self.records(table)
                self.record_table(table, rows)
                if b.code == "SYS" and table == "rectifications":
                    self.dues_summary()
            for table in BASIC_RECORDS.get(b.code, ()):
                self.attachments(table, self.records(table), done)
        self.c.save()
        return self.plan


def _text(v) -> str:
    from .assessment import value_text

    return value_text(v)


def write_pdf(job: Job, path: Path) -> None:
    with tempfile.TemporaryDirectory(prefix="dangzhibu-evidence-") as tmp:
        first = Binder(job, Path(tmp) / "count.pdf", None, None).build()  # pages only, no images drawn
    images = ImageFiles(job.ledger)
    try:
        plan = Binder(job, path, first, images).build()
    finally:
        images.close()
    append_pdf_pages(path, plan.inserts)
