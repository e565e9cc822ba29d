"""A lean page composer that draws straight onto a reportlab canvas.

Platypus builds a ``Paragraph`` (its markup parsed by an HTML parser) and a ``Table`` of
paragraphs for every cell, then measures and draws each through several layers. For the
meeting book — 80 and more pages of the same few shapes — that machinery was two thirds of
the time (issue #7: the PDF must be ten times faster than LibreOffice converting our .docx).
This composer does only what that book needs, with the same rules as the platypus path:

- paragraphs wrapped with the Chinese line-breaking rules of ``fonts._breaks`` (避头尾, a
  hanging closing mark, Latin words and numbers kept whole), left/centred/right/justified,
  characters the face lacks drawn from a fallback font or shown as 〓 (``fonts.FontSet``);
- grid tables whose rows never split across pages (a row taller than a whole page is the
  exception: it continues on the next page), head rows repeated on every page, spans;
- the page furniture of ``pdfkit`` (page number, running header with （续）) and bookmarks.

Text is set with one text object per block; nothing is parsed as markup, so a name such as
``<张三>`` prints as typed.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import getFont, stringWidth
from reportlab.pdfgen.canvas import Canvas

from ..ledger.validate import xml_safe
from .fonts import MISSING_GLYPH, FontSet, _breaks, note_missing, pdf_fonts
from .pdfkit import PORTRAIT_MARGINS, draw_page_furniture

__all__ = ["Composer", "Style", "Cell", "mm"]

GRAY_HEAD = colors.Color(0.9, 0.9, 0.9)
GRAY_LABEL = colors.Color(0.93, 0.93, 0.93)
CELL_PAD = (2, 3, 3, 3)  # top, bottom, left, right: as pdfkit's tables


@dataclass(frozen=True)
class Style:
    """How a block of text is set: face, size, line pitch, alignment ('l' 'c' 'r' 'j')."""

    font: str
    size: float
    leading: float
    align: str = "l"
    indent: float = 0.0  # first-line indent
    space_before: float = 0.0


@dataclass
class Cell:
    """One table cell: text, style, how many columns it spans, its background."""

    text: str
    style: Style
    span: int = 1
    fill: colors.Color | None = None


class _Line:
    __slots__ = ("runs", "width", "count", "lead", "last")

    def __init__(self, runs, width, count, lead, last):
        self.runs = runs  # [(font, text)]
        self.width = width  # natural width in points
        self.count = count  # characters
        self.lead = lead  # first line of its paragraph (indented)
        self.last = last  # last line of its paragraph (not justified)


class _Faces:
    """Per-face character sets and widths, built once per process."""

    def __init__(self, fonts: FontSet):
        self.fonts = fonts
        self._chars: dict[str, frozenset] = {}
        self._widths: dict[str, dict[str, float]] = {}
        self._fonts: dict = {}

    def chars(self, font: str) -> frozenset:
        have = self._chars.get(font)
        if have is None:
            have = self._chars[font] = frozenset(map(chr, self.fonts.coverage.get(font, ())))
        return have

    def widths(self, text: str, font: str) -> list[float]:
        """Advance widths at 1 pt."""
        table = self._widths.setdefault(font, {})
        try:
            return list(map(table.__getitem__, text))
        except KeyError:
            for ch in set(text):
                if ch not in table:
                    table[ch] = stringWidth(ch, font, 1000) / 1000
            return list(map(table.__getitem__, text))

    def font(self, name: str):
        f = self._fonts.get(name)
        if f is None:
            f = self._fonts[name] = getFont(name)
        return f

    def runs(self, text: str, font: str) -> tuple[str, list[str]]:
        """``text`` with characters no face has replaced by 〓, and each character's face."""
        have = self.chars(font)
        if have.issuperset(text):
            return text, []
        out, faces = [], []
        for ch in text:
            if ch in have:
                out.append(ch)
                faces.append(font)
                continue
            alt = self.fonts.fallback_for(ord(ch))
            if alt is not None:
                out.append(ch)
                faces.append(alt)
            else:
                note_missing(ch, text)
                out.append(MISSING_GLYPH if MISSING_GLYPH in have else "?")
                faces.append(font)
        return "".join(out), faces


_faces: _Faces | None = None


def _faces_for(fonts: FontSet) -> _Faces:
    global _faces
    if _faces is None or _faces.fonts is not fonts:
        _faces = _Faces(fonts)
    return _faces


class Composer:
    """A portrait A4 document laid out top to bottom, page after page.

    Args:
        path: where to write; None lays the pages out without drawing or writing anything
            (a first pass that learns on which page each part starts, for a 目录).
        title: PDF metadata title.
        first_numbered_page: pages before it (a cover) carry no page number.
        layout: line breaks already found, shared between the passes of one document (the
            drawing pass then breaks no paragraph again).
    """

    def __init__(self, path: Path | None, title: str, *, first_numbered_page: int = 1,
                 layout: dict | None = None):
        self.fonts = pdf_fonts()
        self.faces = _faces_for(self.fonts)
        self.pagesize = A4
        self.margins = dict(PORTRAIT_MARGINS)
        self.left = self.margins["left"]
        self.width = self.pagesize[0] - self.left - self.margins["right"]
        self.top = self.pagesize[1] - self.margins["top"]
        self.bottom = self.margins["bottom"]
        self.first_numbered_page = first_numbered_page
        self.header: str | None = None
        self.header_page = 0
        self.page = 1
        self.y = self.top
        self._blank = True  # nothing drawn on this page yet
        self._marks = 0
        self._layout = {} if layout is None else layout
        self.dry = path is None
        if self.dry:
            self.canvas = None
            return
        c = self.canvas = Canvas(str(path), pagesize=self.pagesize, lang="zh-CN",
                                 initialFontName=self.fonts.body, initialFontSize=12)
        c.setTitle(title)
        c.setSubject(title)
        c.setAuthor("党支部工作台")
        c.setCreator("党支部工作台")

    # ---- pages -------------------------------------------------------------------------
    @property
    def room(self) -> float:
        return self.y - self.bottom

    @property
    def number(self) -> int:
        """The number printed at this page's foot (0 on a page before the numbering starts)."""
        return max(0, self.page - self.first_numbered_page + 1)

    def _finish_page(self) -> None:
        if self.dry:
            return
        draw_page_furniture(self.canvas, self.fonts, self.pagesize, self.margins, self.page,
                            self.first_numbered_page, self.header, self.header_page)

    def new_page(self) -> None:
        self._finish_page()
        if not self.dry:
            self.canvas.showPage()
        self.page += 1
        self.y = self.top
        self._blank = True

    def need(self, height: float) -> None:
        """Start a new page unless ``height`` is left on this one."""
        if height > self.room + 1e-6 and not self._blank:
            self.new_page()

    def space(self, height: float, *, at_top: bool = False) -> None:
        """Vertical space; like a paragraph's space before, none at the top of a page
        unless ``at_top`` (a cover's blank band)."""
        if at_top or not self._blank:
            self.y -= min(height, self.room)

    def set_header(self, text: str) -> None:
        """Running header from this page on; pages after this one add （续）."""
        self.header = text
        self.header_page = self.page

    def bookmark(self, title: str) -> None:
        """An entry in the reader's outline panel pointing at this page."""
        self._marks += 1
        if self.dry:
            return
        key = f"m{self._marks}"
        self.canvas.bookmarkPage(key)
        self.canvas.addOutlineEntry(title, key, level=0)

    def save(self) -> None:
        if self.dry:
            return
        self._finish_page()
        if self._marks:
            self.canvas.showOutline()
        self.canvas.save()

    # ---- text --------------------------------------------------------------------------
    def lines(self, text: str, style: Style, width: float) -> list[_Line]:
        """``text`` broken into lines of at most ``width``; ``\\n`` starts a new paragraph."""
        key = (text, style, width)
        out = self._layout.get(key)
        if out is None:
            out = self._layout[key] = self._break(text, style, width)
        return out

    def _break(self, text: str, style: Style, width: float) -> list[_Line]:
        out: list[_Line] = []
        size = style.size
        for para in xml_safe(text).replace("\r\n", "\n").replace("\r", "\n").split("\n"):
            para, faces = self.faces.runs(para, style.font)
            if not faces:
                widths = self.faces.widths(para, style.font)
            else:
                widths = [self.faces.widths(ch, f)[0] for ch, f in zip(para, faces)]
            widths = [w * size for w in widths]
            first = width - style.indent
            total = sum(widths)
            if total <= first + 1e-8:
                spans = [(0, len(para), total)]
            else:
                spans = [(a, b, used) for a, b, used, _ in _breaks(para, widths, [first, width])]
            for k, (a, b, used) in enumerate(spans):
                out.append(_Line(_group(para[a:b], faces[a:b] if faces else None, style.font),
                                 used, b - a, k == 0, k == len(spans) - 1))
        return out

    def _draw_lines(self, lines: list[_Line], style: Style, x: float, width: float,
                    baseline: float) -> None:
        """Draw ``lines`` from ``baseline`` down, ``style.leading`` apart.

        The operators are written directly, as reportlab documents for its dynamic (subset)
        TrueType fonts (``splitString`` + ``getSubsetInternalName``): a text object per call
        with ``textOut`` measured each run again and formatted every number through
        ``fp_str``, which was a third of the meeting book's time. Strings are hex (no escaping).
        """
        if not lines or self.dry:
            return
        doc = self.canvas._doc  # the document the subsets belong to
        size = f"{style.size:g}"
        out = ["BT"]
        current = None
        spacing = 0.0
        y = baseline
        for line in lines:
            indent = style.indent if line.lead else 0.0
            avail = width - indent
            dx = indent
            cs = 0.0
            if style.align == "c":
                dx += (avail - line.width) / 2
            elif style.align == "r":
                dx += avail - line.width
            elif style.align == "j" and not line.last and line.count > 1 and line.width < avail:
                cs = (avail - line.width) / (line.count - 1)
            if cs != spacing:
                out.append(f"{cs:.3f} Tc")
                spacing = cs
            out.append(f"1 0 0 1 {x + dx:.2f} {y:.2f} Tm")
            for face, run in line.runs:
                font = self.faces.font(face)
                for subset, chunk in font.splitString(run, doc):
                    name = font.getSubsetInternalName(subset, doc)
                    if name != current:
                        out.append(f"{name} {size} Tf")
                        current = name
                    out.append(f"<{chunk.hex()}> Tj")
            y -= style.leading
        if spacing:
            out.append("0 Tc")  # text state outlives ET
        out.append("ET")
        self.canvas.addLiteral("\n".join(out))

    def paragraph(self, text: str, style: Style) -> None:
        """A block of text across the frame, continued on following pages when long.

        As platypus with widows and orphans off: a paragraph never leaves its first or last
        line alone on a page.
        """
        lines = self.lines(text, style, self.width)
        if not lines:
            return
        self.space(style.space_before)
        while lines:
            fit = int((self.room + 1e-6) // style.leading)
            n = len(lines)
            if fit < n:
                if fit == n - 1 and fit > 1:
                    fit -= 1  # no widow: one more line goes over with the last
                if fit == 1 and n > 1:
                    fit = 0  # no orphan: a lone first line moves with the rest
                if fit <= 0:
                    if not self._blank:
                        self.new_page()
                        continue
                    fit = 1  # a fresh page that cannot hold a line: set it anyway
            part, lines = lines[:fit], lines[fit:]
            self._draw_lines(part, style, self.left, self.width, self.y - style.size)
            self.y -= style.leading * len(part)
            self._blank = False
            if lines:
                self.new_page()

    # ---- tables ------------------------------------------------------------------------
    def table(self, rows: list[list[Cell]], widths: list[float], *, head_rows: int = 0) -> None:
        """A grid: rows never split (unless taller than a page); head rows repeat on each page;
        neither the first nor the last row stands alone at a page break."""
        scale = min(1.0, self.width / sum(widths))
        widths = [w * scale for w in widths]
        top_pad, bottom_pad, left_pad, right_pad = CELL_PAD
        laid = []
        for row in rows:
            cells, col = [], 0
            for cell in row:
                w = sum(widths[col:col + cell.span])
                lines = self.lines(cell.text, cell.style, w - left_pad - right_pad)
                cells.append((cell, col, w, lines))
                col += cell.span
            content = max((len(ls) * c.style.leading for c, _, _, ls in cells), default=0)
            laid.append((cells, content + top_pad + bottom_pad))
        head, body = laid[:head_rows], laid[head_rows:]
        head_h = sum(h for _, h in head)
        starts = [self.left]
        for w in widths:
            starts.append(starts[-1] + w)

        def draw_head():
            for cells, h in head:
                self._draw_row(cells, h, starts)

        page_h = self.top - self.bottom
        if head:
            # No lone first row under the head above a break: the first two come together.
            self.need(head_h + sum(h for _, h in body[:2 if len(body) > 2 else 1]))
            draw_head()
        on_page = 0  # body rows on this page
        for k, (cells, h) in enumerate(body):
            if (k == len(body) - 2 and on_page >= 2 and h <= self.room + 1e-6
                    and h + body[-1][1] > self.room + 1e-6 and h + body[-1][1] <= page_h - head_h):
                self.new_page()  # the last row never alone overleaf: the one before goes with it
                draw_head()
                on_page = 0
            if h > self.room + 1e-6:
                on_page = 0
                if h <= page_h - head_h:
                    self.new_page()
                    draw_head()
                else:  # taller than a page: fill this page, continue on the next
                    while True:
                        here, rest = self._split_row(cells, self.room - top_pad - bottom_pad,
                                                     at_least_one=self._blank)
                        if rest is None:
                            break
                        if any(ls for _, _, _, ls in here):
                            self._draw_row(here, self.room, starts)
                            cells = rest
                        self.new_page()
                        draw_head()
                    h = max(len(ls) * c.style.leading for c, _, _, ls in cells) + top_pad + bottom_pad
            self._draw_row(cells, h, starts)
            on_page += 1

    @staticmethod
    def _split_row(cells, avail: float, at_least_one: bool):
        """The lines of each cell that fit in ``avail``, and the rest (None when all fit)."""
        here, rest, more = [], [], False
        for cell, col, w, lines in cells:
            n = max(int(at_least_one), int((avail + 1e-6) // cell.style.leading))
            here.append((cell, col, w, lines[:n]))
            rest.append((cell, col, w, lines[n:]))
            more = more or len(lines) > n
        return (here, rest) if more else (cells, None)

    def _draw_row(self, cells, height: float, starts: list[float]) -> None:
        top, bottom = self.y, self.y - height
        if self.dry:
            self.y = bottom
            self._blank = False
            return
        ops = []
        for cell, col, w, _ in cells:
            if cell.fill is not None:
                f = cell.fill
                ops.append(f"{f.red:.3f} {f.green:.3f} {f.blue:.3f} rg "
                           f"{starts[col]:.2f} {bottom:.2f} {w:.2f} {height:.2f} re f")
        if ops:
            self.canvas.addLiteral("q\n" + "\n".join(ops) + "\nQ")
        top_pad, bottom_pad, left_pad, right_pad = CELL_PAD
        for cell, col, w, lines in cells:
            st = cell.style
            content = len(lines) * st.leading
            # Middle: as platypus VALIGN MIDDLE between the paddings.
            cell_top = bottom + bottom_pad + (height - top_pad - bottom_pad + content) / 2
            self._draw_lines(lines, st, starts[col] + left_pad, w - left_pad - right_pad,
                             cell_top - st.size)
        # Grid: one path — the row's top and bottom rules and the cell walls, 0.5 pt black.
        left, right = f"{starts[0]:.2f}", f"{starts[-1]:.2f}"
        t, b = f"{top:.2f}", f"{bottom:.2f}"
        ops = ["q 0.5 w 0 G", f"{left} {t} m {right} {t} l {left} {b} m {right} {b} l"]
        for xs in [f"{starts[col]:.2f}" for _, col, _, _ in cells] + [right]:
            ops.append(f"{xs} {t} m {xs} {b} l")
        ops.append("S Q")
        self.canvas.addLiteral(" ".join(ops))
        self.y = bottom
        self._blank = False


def _group(text: str, faces: list[str] | None, font: str) -> list[tuple[str, str]]:
    """Consecutive characters of one face as one run."""
    if not faces:
        return [(font, text)]
    runs: list[tuple[str, str]] = []
    start = 0
    for i in range(1, len(text) + 1):
        if i == len(text) or faces[i] != faces[start]:
            runs.append((faces[start], text[start:i]))
            start = i
    return runs
