"""签到表 of one meeting (``export signin --meeting ID``), A4, .pdf or .docx.

Before the meeting: the header fields (会议类型、时间、地点、主持人、记录人、议题) and the
expected people (应到) with an empty signature column, to print and pass round. After it, the
same sheet shows each person's recorded attendance, and the scanned sheets attached to the
meeting (佐证材料 of kind 签到表) follow it, each on its own page (images drawn full page, PDF
scans' pages appended), so the record and its proof print together.

The image helpers (``image_reader``, ``draw_image_fitted``, ``append_pdf_pages``) are shared
with the 创星佐证材料汇编 (``evidence``).
"""

from __future__ import annotations

import datetime as _dt
import io
import os
from dataclasses import dataclass
from pathlib import Path

from ..ledger import attachments as att, enums
from ..ledger.validate import LedgerError
from . import docxkit as dk
from .canvaskit import GRAY_HEAD, GRAY_LABEL, Cell, Composer, Style, mm
from .common import Job, cn_date

TEXT = {
    "title": "{kind}签到表",
    "no_meeting": "找不到编号为{id}的会议（可能已被删除）",
    "need_meeting": "导出签到表请用 --meeting 指定会议编号",
    "expected": "应到{n}人",
    "present": "实到{n}人",
    "sign": "签　名",
    "scan_title": "签到表扫描件：{title}",
    "scan_pdf": "签到表扫描件（PDF）：{title}，共{pages}页，附后",
    "scan_missing": "签到表扫描件“{title}”的文件不见了",
    "none": "（本会议没有应到人员：请先登记党员、党小组或支委分工）",
}

PARTY = enums.PARTY_MEMBERS


def expected_people(ledger, meeting: dict) -> list[dict]:
    """Who is 应到 at ``meeting``: 正式/预备党员 on the books that day; only the group's for a
    党小组会, only the 支委 in office (``Ledger.committee_on``) for a 支部委员会; plus anyone
    already recorded for it. Each row: id, name, category, group."""
    day = meeting["date"]
    d = _dt.date.fromisoformat(day)
    categories = ledger.categories(d)
    people = ledger.expected_at(d, meeting["kind"], meeting.get("party_group_id"))
    ids = {m["id"] for m in people}
    for a in ledger.children("attendance", meeting["id"]):
        if a["member_id"] not in ids:
            m = ledger.get("members", a["member_id"])
            if m:
                people.append(m)
                ids.add(m["id"])
    groups = {g["id"]: g["name"] for g in ledger.query("SELECT id, name FROM party_groups")}
    people.sort(key=lambda m: (m.get("party_group_id") or 0, m["id"]) if meeting["kind"] != enums.GROUP_MEETING else m["id"])
    return [{"id": m["id"], "name": m["name"], "category": categories.get(m["id"]) or "",
             "group": groups.get(m.get("party_group_id"), "")} for m in people]


@dataclass
class Sheet:
    meeting: dict
    title: str
    fields: list[tuple[str, str]]
    people: list[dict]
    status: dict[int, tuple[str, str]]  # after the meeting: member → (status, reason)
    held: bool
    scans: list[dict]


def collect(job: Job, meeting_id: int) -> Sheet:
    led = job.ledger
    m = led.get("meetings", meeting_id)
    if m is None:
        raise LedgerError(TEXT["no_meeting"].format(id=meeting_id))
    time = m.get("start_time") or ""
    if time and m.get("end_time"):
        time = f"{time}—{m['end_time']}"
    group = led.get("party_groups", m["party_group_id"]) if m.get("party_group_id") else None
    people = expected_people(led, m)
    status = {a["member_id"]: (a["status"], a.get("reason") or "") for a in led.children("attendance", m["id"])}
    held = m["date"] <= job.today.isoformat() and bool(status)
    fields = [("会议类型", m["kind"]), ("会议时间", f"{cn_date(m['date'])} {time}".strip()),
              ("会议地点", m.get("place") or ""), ("主持人", job.name(m.get("host_id"))),
              ("记录人", job.name(m.get("recorder_id")))]
    if m["kind"] == enums.PARTY_LECTURE:
        fields.append(("授课人", job.name(m.get("lecturer_id"))))
    if group:
        fields.append(("党小组", group["name"]))
    fields.append(("议题", m.get("topic") or ""))
    count = TEXT["expected"].format(n=len(people))
    if held:
        count += "，" + TEXT["present"].format(n=sum(1 for s, _ in status.values() if s == enums.PRESENT))
    fields.append(("人数", count))
    scans = [r for r in att.attachments_of(led, "meetings", m["id"]) if r["kind"] == enums.ATTACHMENT_SIGNIN]
    return Sheet(m, f"{job.branch_name()}{TEXT['title'].format(kind=m['kind'])}", fields, people, status,
                 held, scans)


# ---- images and PDF pages (shared with the evidence binder) ---------------------------
def image_reader(data: bytes):
    """A reportlab ImageReader for stored image bytes (HEIC kept as original goes through Pillow)."""
    from PIL import Image
    from reportlab.lib.utils import ImageReader

    im = Image.open(io.BytesIO(data))
    if im.format in ("JPEG", "PNG"):
        return ImageReader(io.BytesIO(data))
    return ImageReader(im.convert("RGB"))


def draw_image_fitted(canvas, source, x: float, y: float, w: float, h: float) -> None:
    """Draw an image inside the box (x, y bottom-left, w × h), kept in proportion and centred.

    ``source`` is image bytes, or the path of a ``.jpg``/``.png`` file: reportlab then embeds a
    JPEG's bytes as they are (no decoding; by bytes it decodes every image to fingerprint it,
    ~40 ms for a 2400 px photo) — the evidence binder passes paths (``ImageFiles``)."""
    if isinstance(source, (bytes, bytearray)):
        reader = image_reader(bytes(source))
        iw, ih = reader.getSize()
    else:
        from PIL import Image

        with Image.open(source) as im:
            iw, ih = im.size
        reader = str(source)
    scale = min(w / iw, h / ih)
    dw, dh = iw * scale, ih * scale
    canvas.drawImage(reader, x + (w - dw) / 2, y + (h - dh) / 2, dw, dh)


class ImageFiles:
    """Stored images as files reportlab can embed directly (a copy named ``<sha256>.jpg`` or
    ``.png`` in a temporary folder; other formats converted to JPEG once)."""

    def __init__(self, ledger):
        import tempfile

        self.ledger = ledger
        self.folder = att.folder_for(ledger.path)
        try:  # beside the attachment folder, so that a JPEG is linked, not copied
            self._dir = tempfile.TemporaryDirectory(prefix=".images-", dir=self.folder.parent)
        except OSError:
            self._dir = tempfile.TemporaryDirectory(prefix="dangzhibu-images-")
        self._paths: dict[str, str] = {}

    def path(self, row: dict) -> str:
        sha = row["sha256"]
        if sha not in self._paths:
            ext = {att.MIME_JPEG: ".jpg", att.MIME_PNG: ".png"}.get(row.get("mime"))
            target = Path(self._dir.name) / f"{sha}{ext or '.jpg'}"
            try:
                if ext is None:
                    raise OSError("convert")
                os.link(att.file_path(self.ledger, row), target)
            except OSError:
                data = att.read_bytes(self.ledger, row)
                target.write_bytes(data if ext else _as_jpeg_or_png(data))
            self._paths[sha] = str(target)
        return self._paths[sha]

    def close(self) -> None:
        self._dir.cleanup()


def pdf_page_count(data: bytes) -> int:
    from pypdf import PdfReader

    try:
        return len(PdfReader(io.BytesIO(data)).pages)
    except Exception:
        return 0


def append_pdf_pages(path: Path, inserts: list[tuple[int, bytes]]) -> None:
    """Rewrite the PDF at ``path`` with the pages of each attached PDF inserted after page
    ``after`` (0-based count of the composed pages before it), keeping the outline."""
    if not inserts:
        return
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=str(path))
    offset = 0
    for after, data in sorted(inserts, key=lambda t: t[0]):
        try:
            extra = PdfReader(io.BytesIO(data))
            pages = list(extra.pages)
        except Exception:
            continue
        for k, page in enumerate(pages):
            writer.insert_page(page, after + offset + k)
        offset += len(pages)
    tmp = path.with_name(path.name + ".pages")
    with open(tmp, "wb") as fh:
        writer.write(fh)
    tmp.replace(path)


# ---- PDF --------------------------------------------------------------------------------
def _styles(fonts) -> dict[str, Style]:
    f = fonts
    return {
        "title": Style(f.title, 22, 33, "c"),
        "head": Style(f.heading, 12, 16, "c"),
        "label": Style(f.heading, 12, 18, "c"),
        "cell": Style(f.body, 12, 18),
        "row": Style(f.body, 13, 30, "c"),  # a signature row: room to sign
        "row_s": Style(f.body, 10.5, 15, "c"),  # 出勤情况 with a reason
        "note": Style(f.body, 10.5, 16),
        "caption": Style(f.heading, 12, 18, "c"),
    }


def write_pdf(job: Job, path: Path) -> None:
    sheet = collect(job, job.meeting_id)
    c = Composer(path, sheet.title)
    st = _styles(c.fonts)
    compose_pdf(c, st, sheet, job)
    inserts = _scan_pages(c, st, sheet, job)
    c.save()
    append_pdf_pages(path, inserts)


def compose_pdf(c: Composer, st: dict, sheet: Sheet, job: Job) -> None:
    c.set_header(f"{job.branch_name()}　{sheet.meeting['kind']}　{cn_date(sheet.meeting['date'])}")
    c.paragraph(sheet.title, st["title"])
    c.space(4 * mm)
    rows = [[Cell(k, st["label"], fill=GRAY_LABEL), Cell(v, st["cell"])] for k, v in sheet.fields]
    c.table(rows, [30 * mm, c.width - 30 * mm])
    c.space(4 * mm)
    if sheet.held:
        head = ("序号", "姓名", "类别", "党小组", "签名", "出勤情况")
        widths = [12, 24, 24, 30, 36, 34]
    else:
        head = ("序号", "姓名", "类别", "党小组", "签名", "备注")
        widths = [12, 26, 24, 34, 46, 18]
    table = [[Cell(t, st["head"], fill=GRAY_HEAD) for t in head]]
    for i, p in enumerate(sheet.people, 1):
        last = ""
        if sheet.held:
            s, reason = sheet.status.get(p["id"], ("未登记", ""))
            last = s + (f"（{reason}）" if reason else "")
        fit = [st["row_s"] if len(t) > 4 else st["row"] for t in (p["category"], p["group"], last)]
        table.append([Cell(str(i), st["row"]), Cell(p["name"], st["row"]), Cell(p["category"], fit[0]),
                      Cell(p["group"], fit[1]), Cell("", st["row"]), Cell(last, fit[2])])
    if not sheet.people:
        c.paragraph(TEXT["none"], st["note"])
    else:
        c.table(table, [w * mm for w in widths], head_rows=1)


def _scan_pages(c: Composer, st: dict, sheet: Sheet, job: Job) -> list[tuple[int, bytes]]:
    """The attached 签到表 after the sheet: PDFs named under it (their pages appended at the end),
    then each image on a page of its own."""
    inserts, images = [], []
    for r in sheet.scans:
        try:
            data = att.read_bytes(job.ledger, r)
        except LedgerError:
            c.paragraph(TEXT["scan_missing"].format(title=r["title"] or ""), st["note"])
            continue
        if att.is_image(r["mime"]):
            images.append((r, data))
        elif r["mime"] == att.MIME_PDF:
            c.space(3 * mm)
            c.paragraph(TEXT["scan_pdf"].format(title=r["title"] or "", pages=pdf_page_count(data)), st["note"])
            inserts.append(data)
    for r, data in images:
        c.new_page()
        c.paragraph(TEXT["scan_title"].format(title=r["title"] or ""), st["caption"])
        top = c.y - 2 * mm
        draw_image_fitted(c.canvas, data, c.left, c.bottom, c.width, top - c.bottom)
        c.y = c.bottom
    return [(c.page, data) for data in inserts]


# ---- Word -------------------------------------------------------------------------------
def write_docx(job: Job, path: Path) -> None:
    from docx.shared import Mm

    sheet = collect(job, job.meeting_id)
    doc = dk.new_document(sheet.title, author=job.branch_name())
    dk.para(doc, sheet.title, "Title")
    t = dk.table(doc, [[k, v] for k, v in sheet.fields], [30, 126], head_rows=0, size=12)
    for row in t.rows:
        for p in row.cells[0].paragraphs:
            for run in p.runs:
                dk.style_run(run, dk.HEITI, 12)
    dk.para(doc, "", dk.TABLE_STYLE)
    last = "出勤情况" if sheet.held else "备注"
    rows = [["序号", "姓名", "类别", "党小组", "签名", last]]
    for i, p in enumerate(sheet.people, 1):
        s = ""
        if sheet.held:
            st, reason = sheet.status.get(p["id"], ("未登记", ""))
            s = st + (f"（{reason}）" if reason else "")
        rows.append([i, p["name"], p["category"], p["group"], "", s])
    if sheet.people:
        t = dk.table(doc, rows, [12, 26, 24, 34, 40, 20], head_rows=1, size=12,
                     align=["c", "c", "c", "c", "c", "c"])
        for row in t.rows[1:]:
            row.height = Mm(11)
    else:
        dk.para(doc, TEXT["none"])
    for r in sheet.scans:
        try:
            data = att.read_bytes(job.ledger, r)
        except LedgerError:
            dk.para(doc, TEXT["scan_missing"].format(title=r["title"] or ""))
            continue
        if att.is_image(r["mime"]):
            dk.page_break(doc)
            dk.para(doc, TEXT["scan_title"].format(title=r["title"] or ""), "Heading 2")
            doc.add_picture(io.BytesIO(_as_jpeg_or_png(data)), width=Mm(150))
        else:
            dk.para(doc, TEXT["scan_pdf"].format(title=r["title"] or "", pages=pdf_page_count(data)))
    doc.save(str(path))


def _as_jpeg_or_png(data: bytes) -> bytes:
    from PIL import Image

    im = Image.open(io.BytesIO(data))
    if im.format in ("JPEG", "PNG"):
        return data
    out = io.BytesIO()
    im.convert("RGB").save(out, "JPEG", quality=90)
    return out.getvalue()
