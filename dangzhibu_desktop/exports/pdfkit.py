"""reportlab building blocks shared by the PDF exporters.

Pages are A4 with the 公文 margins (37/35/28/26 mm), the page number "— n —" at the foot (odd
right, even left), and an optional running header that a ``Mark`` in the story sets (the
meeting book repeats the meeting's header on every page its minutes run onto). Tables never
split a row: reportlab breaks tables only between rows, the head row repeats on each page, and
no row stands alone at a break (``RowTable``).
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus.doctemplate import LayoutError
from reportlab.platypus import (BaseDocTemplate, CondPageBreak, Flowable, Frame, PageBreak, PageTemplate,
                                Paragraph, Spacer, Table, TableStyle)

from ..ledger.validate import LedgerError
from . import gongwen
from .common import Job
from .fonts import FontSet, markup, pdf_fonts, plain

__all__ = ["PdfWriter", "Mark", "PageBreak", "Spacer", "mm"]

# 公文 body (``gongwen``): 三号 on 22 lines × 28 characters in the 156 × 225 mm block. Word
# condenses each character (see docxkit); reportlab has no letter spacing, so the PDF sets the
# face at the same pitch.
BODY_PT = gongwen.BODY_PITCH_PT
LINE_PT = gongwen.LINE_PITCH_PT
PORTRAIT_MARGINS = {side: v * mm for side, v in gongwen.MARGINS_MM.items()}
WIDE_MARGINS = {side: v * mm for side, v in gongwen.WIDE_MARGINS_MM.items()}  # turned with the paper


def draw_page_furniture(canvas, fonts: FontSet, pagesize, margins: dict, page: int,
                        first_numbered_page: int, header: str | None, header_page: int) -> None:
    """The page number "— n —" at the foot and the running header (with （续） after its first page).

    As the 公文 (and Word's footers, ``docxkit``): odd numbers at the right, even at the left,
    one character (四号, 14 pt) in from the text block's edge, so that printed on both sides
    every number sits on the outer edge.
    """
    canvas.saveState()
    w, h = pagesize
    if page >= first_numbered_page:
        number = page - first_numbered_page + 1
        size = gongwen.PAGE_NUMBER_PT
        canvas.setFont(fonts.body, size)
        y = margins["bottom"] - 14 * mm
        if number % 2:
            canvas.drawRightString(w - margins["right"] - size, y, f"— {number} —")
        else:
            canvas.drawString(margins["left"] + size, y, f"— {number} —")
    if header:
        text = header + ("（续）" if page > header_page else "")
        canvas.setFont(fonts.body, 10.5)
        y = h - margins["top"] + 6 * mm
        canvas.drawString(margins["left"], y, plain(text, fonts.body, fonts))
        canvas.setLineWidth(0.5)
        canvas.line(margins["left"], y - 2 * mm, w - margins["right"], y - 2 * mm)
    canvas.restoreState()


class Mark(Flowable):
    """An invisible story item: reports progress and sets the running header from here on."""

    def __init__(self, index: int | None = None, header: str | None = None, outline: str | None = None):
        super().__init__()
        self.index = index
        self.header = header
        self.outline = outline  # a bookmark in the PDF reader's side panel

    def wrap(self, aw, ah):
        return (0, 0)

    def draw(self):
        pass


class RowTable(Table):
    """A table that leaves no row alone at a page break: a last row (a totals row too) that
    would stand by itself under the repeated head takes the row before it along, and a table
    whose first page would hold one row under its head starts on the next page."""

    def _getFirstPossibleSplitRowPosition(self, availHeight, ignoreSpans=0):
        n = super()._getFirstPossibleSplitRowPosition(availHeight, ignoreSpans)
        repeat = self.repeatRows
        head = repeat if isinstance(repeat, int) else max(repeat) + 1
        rows = len(self._rowHeights)
        if head < n < rows:
            if rows - n == 1 and n - 1 > head + 1:
                n -= 1  # the orphan goes over with the row before it
            if n == head + 1 and rows - head > 2:
                return 0  # one row here and the rest overleaf: the whole table moves on
        return n


class _Doc(BaseDocTemplate):
    def __init__(self, filename, writer: "PdfWriter", **kw):
        super().__init__(filename, **kw)
        self.writer = writer

    def afterFlowable(self, flowable):
        if isinstance(flowable, Mark):
            w = self.writer
            if flowable.header is not None:
                w.header = flowable.header
                w.header_page = self.page
            if flowable.outline:
                key = f"m{id(flowable)}"
                self.canv.bookmarkPage(key)
                self.canv.addOutlineEntry(flowable.outline, key, level=0)
                self.canv.showOutline()
            if flowable.index is not None:
                w.job.tick(flowable.index, w.total_units)


class PdfWriter:
    """One PDF being made: styles bound to the machine's CJK fonts, and the page furniture.

    Args:
        job: the export job (progress, cancel).
        path: where to write.
        title: document title (PDF metadata).
        wide: landscape A4 (rosters and month grids).
        total_units: how many ``Mark(index=…)`` the story holds, for progress.
        first_numbered_page: pages before it (a cover) carry no page number.
    """

    def __init__(self, job: Job, path: Path, title: str, *, wide: bool = False,
                 total_units: int = 0, first_numbered_page: int = 1):
        self.job = job
        self.path = Path(path)
        self.title = title
        self.fonts: FontSet = pdf_fonts()
        self.pagesize = landscape(A4) if wide else A4
        self.margins = dict(WIDE_MARGINS if wide else PORTRAIT_MARGINS)
        self.total_units = total_units
        self.first_numbered_page = first_numbered_page
        self.header: str | None = None
        self.header_page = 0
        self.width = self.pagesize[0] - self.margins["left"] - self.margins["right"]
        self.height = self.pagesize[1] - self.margins["top"] - self.margins["bottom"]
        f = self.fonts
        base = dict(wordWrap="CJK", allowOrphans=0, allowWidows=0)
        self.styles = {
            "title": ParagraphStyle("title", fontName=f.title, fontSize=gongwen.TITLE_PT, leading=33,
                                    alignment=TA_CENTER, spaceAfter=6 * mm, **base),
            "subtitle": ParagraphStyle("subtitle", fontName=f.kai, fontSize=gongwen.BODY_PT, leading=28,
                                       alignment=TA_CENTER, spaceAfter=4 * mm, **base),
            "h1": ParagraphStyle("h1", fontName=f.heading, fontSize=BODY_PT, leading=LINE_PT,
                                 spaceBefore=2 * mm, **base),
            "h2": ParagraphStyle("h2", fontName=f.kai, fontSize=BODY_PT, leading=LINE_PT,
                                 firstLineIndent=2 * BODY_PT, **base),
            "body": ParagraphStyle("body", fontName=f.body, fontSize=BODY_PT, leading=LINE_PT,
                                   firstLineIndent=2 * BODY_PT, alignment=TA_JUSTIFY, **base),
            "text": ParagraphStyle("text", fontName=f.body, fontSize=12, leading=20,
                                   alignment=TA_JUSTIFY, **base),
            "label": ParagraphStyle("label", fontName=f.heading, fontSize=12, leading=20,
                                    spaceBefore=2 * mm, **base),
            "cell": ParagraphStyle("cell", fontName=f.body, fontSize=10.5, leading=14, **base),
            "cell_c": ParagraphStyle("cell_c", fontName=f.body, fontSize=10.5, leading=14,
                                     alignment=TA_CENTER, **base),
            "cell_r": ParagraphStyle("cell_r", fontName=f.body, fontSize=10.5, leading=14,
                                     alignment=TA_RIGHT, **base),
            "cell_small": ParagraphStyle("cell_small", fontName=f.body, fontSize=9, leading=11.5, **base),
            "cell_small_c": ParagraphStyle("cell_small_c", fontName=f.body, fontSize=9, leading=11.5,
                                           alignment=TA_CENTER, **base),
            "cell_small_r": ParagraphStyle("cell_small_r", fontName=f.body, fontSize=9, leading=11.5,
                                           alignment=TA_RIGHT, **base),
            "head": ParagraphStyle("head", fontName=f.heading, fontSize=10.5, leading=14,
                                   alignment=TA_CENTER, **base),
            "head_small": ParagraphStyle("head_small", fontName=f.heading, fontSize=9, leading=11.5,
                                         alignment=TA_CENTER, **base),
            "cover": ParagraphStyle("cover", fontName=f.title, fontSize=36, leading=54,
                                    alignment=TA_CENTER, **base),
            "cover_info": ParagraphStyle("cover_info", fontName=f.kai, fontSize=18, leading=36,
                                         alignment=TA_CENTER, **base),
            "right": ParagraphStyle("right", fontName=f.body, fontSize=BODY_PT, leading=LINE_PT,
                                    alignment=TA_RIGHT, rightIndent=2 * BODY_PT, **base),
            "sign": ParagraphStyle("sign", fontName=f.body, fontSize=12, leading=24,
                                   alignment=TA_LEFT, **base),
        }

    # ---- story items -------------------------------------------------------------------
    def p(self, text, style: str = "body") -> Paragraph:
        st = self.styles[style]
        if style in ("title", "subtitle", "cover") and text:
            # Broken between words only (``gongwen.title_lines``), not wherever the line ends.
            text = "\n".join(gongwen.title_lines(str(text), lambda line: stringWidth(
                plain(line, st.fontName, self.fonts), st.fontName, st.fontSize) <= self.width))
        return Paragraph(markup(text, st.fontName, self.fonts), st)

    def heading(self, text, style: str = "h1", room: float = 40 * mm) -> list:
        """A heading that starts a new page when less than ``room`` is left below it.

        (reportlab's keepWithNext would move the heading with the whole next paragraph,
        leaving half a page empty before a long one.)
        """
        return [CondPageBreak(room), self.p(text, style)]

    def p_markup(self, html: str, style: str = "body") -> Paragraph:
        """A paragraph from already-escaped reportlab markup (bold runs, fonts)."""
        return Paragraph(html, self.styles[style])

    def table(self, rows: list[list], widths: list[float], *, head_rows: int = 1,
              small: bool = False, align: list[str] | None = None, total_rows: int = 0,
              zebra: bool = False, extra_style: list | None = None) -> Table:
        """A grid table; strings become wrapping paragraphs, the head row repeats on every page.

        Args:
            rows: head row(s) first; cells are str/int or ready flowables.
            widths: column widths in points (scaled to the frame when wider).
            align: per column 'l', 'c' or 'r' for body cells.
            total_rows: how many rows at the end are totals (set in the heading face).
        """
        scale = min(1.0, self.width / sum(widths))
        widths = [w * scale for w in widths]
        sfx = "_small" if small else ""
        head_style = "head" + sfx
        align = align or ["l"] * len(widths)
        body_styles = [{"l": "cell", "c": "cell_c", "r": "cell_r"}[a] for a in align]
        if small:
            body_styles = [s.replace("cell", "cell_small") for s in body_styles]
        data = []
        n = len(rows)
        for r, row in enumerate(rows):
            out = []
            for c, cell in enumerate(row):
                if isinstance(cell, Flowable):
                    out.append(cell)
                    continue
                text = "" if cell is None else str(cell)
                if r < head_rows or r >= n - total_rows:
                    style = head_style if r < head_rows else (
                        "head" + sfx if c == 0 else body_styles[c])
                else:
                    style = body_styles[c]
                out.append(self.p(text, style))
            data.append(out)
        t = RowTable(data, colWidths=widths, repeatRows=head_rows, splitByRow=1)
        # The table sets each cell's font even for paragraphs: without this it names Helvetica.
        base = [("FONT", (0, 0), (-1, -1), self.fonts.body, 10.5)]
        cmds = base + [
            ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("BACKGROUND", (0, 0), (-1, head_rows - 1), colors.Color(0.9, 0.9, 0.9)),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ] if head_rows else base + [
            ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ]
        if total_rows:
            cmds.append(("BACKGROUND", (0, n - total_rows), (-1, -1), colors.Color(0.95, 0.95, 0.95)))
        if zebra:
            for r in range(head_rows, n - total_rows):
                if (r - head_rows) % 2 == 1:
                    cmds.append(("BACKGROUND", (0, r), (-1, r), colors.Color(0.97, 0.97, 0.97)))
        t.setStyle(TableStyle(cmds + (extra_style or [])))
        return t

    # ---- page furniture ----------------------------------------------------------------
    def _on_page_end(self, canvas, doc):
        draw_page_furniture(canvas, self.fonts, self.pagesize, self.margins, doc.page,
                            self.first_numbered_page, self.header, self.header_page)

    def build(self, story: list) -> None:
        m = self.margins
        doc = _Doc(str(self.path), self, pagesize=self.pagesize, leftMargin=m["left"],
                   rightMargin=m["right"], topMargin=m["top"], bottomMargin=m["bottom"],
                   title=self.title, author="党支部工作台", creator="党支部工作台",
                   subject=self.title, initialFontName=self.fonts.body, initialFontSize=12,
                   lang="zh-CN")
        frame = Frame(m["left"], m["bottom"], self.width, self.height, id="body",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPageEnd=self._on_page_end)])
        try:
            doc.build(story)
        except LayoutError as exc:
            # A table row taller than a page cannot be placed (rows are never split).
            raise LedgerError(f"“{self.title}”中有一项内容过长，一页排不下，请精简后再导出"
                              f"（{str(exc)[:60]}）") from None
