"""openpyxl helpers: a titled sheet with a bordered head row, number formats and print set-up.

Every cell goes through ``put``: text is made safe for the file (``xml_safe``) and text that
Excel or WPS would read as a formula (``= + - @``, a tab or CR at the start) is stored as
text with Excel's quote prefix, so a name like ``=HYPERLINK(…)`` never becomes a live link.
Only a ``Formula`` (the writer's own totals) is written live.

Numbers are written exactly: money as ``yuan(fen)`` and hours as ``hours(tenths)`` (Decimals made
from the ledger's integers, never float sums). Dates are date cells. ``write_sheet`` without
``widths`` makes each column as wide as its widest shown value and each wrapped row as high as
its lines (``fit_widths``, ``fit_heights``).
"""

from __future__ import annotations

import datetime as _dt
import re
from decimal import Decimal

from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from ..ledger.validate import looks_like_formula, xml_safe

FONT = "宋体"
THIN = Side(style="thin", color="000000")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEAD_FILL = PatternFill("solid", fgColor="E6E6E6")
TOTAL_FILL = PatternFill("solid", fgColor="F2F2F2")
WARN_FILL = PatternFill("solid", fgColor="FCE4D6")
HOURS_FORMAT = "0.0"
MONEY_FORMAT = "0.00"
DATE_FORMAT = "yyyy-mm-dd"  # a real date cell: sorts and filters as a date in Excel and WPS
MONTH_FORMAT = "yyyy-mm"
PEOPLE_FORMAT = '0"人"'  # a count that stays a number (sums, sorts) and prints with its unit
TIMES_FORMAT = '0"人次"'
COUNT_FORMAT = '0"次"'
NUMBERS = (int, float, Decimal)
PAD = 3  # room for the cell's margins and a bold 合计 row
LINE_HEIGHT = 15  # points a line of 11 pt 宋体 takes


class Formula(str):
    """A formula the writer means (``Formula("=SUM(C4:C9)")``): ``put`` keeps it live, where any
    other text starting with ``=`` is stored as text. ``shown``: what it works out to, when the
    writer knows it, so that its column is made wide enough (the file carries no cached value)."""

    shown = None

    def __new__(cls, text: str, shown=None):
        formula = super().__new__(cls, text)
        formula.shown = shown
        return formula


def yuan(fen: int | None) -> Decimal:
    """Fen as an exact amount in 元 (4000 -> Decimal('40.00'))."""
    return Decimal(int(fen or 0)).scaleb(-2)


def hours(tenths: int | None) -> Decimal:
    """Tenths of an hour as exact hours (75 -> Decimal('7.5'))."""
    return Decimal(int(tenths or 0)).scaleb(-1)


def column_sum(letter: str, first: int, last: int, shown=None, fn: str = "SUM"):
    """``=SUM(C4:C9)`` over the body rows; 0 when there are none (``C4:C3`` would mean C3:C4)."""
    if last < first:
        return 0
    return Formula(f"={fn}({letter}{first}:{letter}{last})", shown)


def put(ws, row: int, column: int, value):
    """Write one cell safely (see the module docstring); returns the cell."""
    if isinstance(value, Formula):
        return ws.cell(row=row, column=column, value=str(value))
    if isinstance(value, str):
        value = xml_safe(value)
    cell = ws.cell(row=row, column=column, value=value)
    if looks_like_formula(value):
        cell.data_type = "s"  # openpyxl made it a formula
        cell.quotePrefix = True  # and Excel keeps it text when the cell is edited
    return cell


def _wraps(value) -> bool:
    return isinstance(value, str) and not isinstance(value, Formula) and len(value) > 12


def write_sheet(ws, title: str, head: list[str], rows: list[list], widths: list[float] | None = None, *,
                totals: list[list] | None = None, formats: dict[int, str] | None = None,
                subtitle: str | None = None, wide: bool = True, caps: dict[int, float] | None = None) -> int:
    """Fill ``ws``: a merged title row, optional subtitle, the head row, body rows, totals.

    Args:
        widths: column widths; None: fitted to the content (``caps``: column index -> widest,
            longer text wraps and its row grows).
        formats: column index (0-based) -> number format for body and totals (dates too).
    Returns:
        The worksheet row number of the head row.
    """
    n = len(head)
    last = get_column_letter(n)
    put(ws, 1, 1, title)
    ws.merge_cells(f"A1:{last}1")
    ws["A1"].font = Font(name="黑体", size=16)
    ws["A1"].alignment = Alignment(horizontal="center", vertical="center")
    ws.row_dimensions[1].height = 30
    r = 2
    if subtitle:
        put(ws, 2, 1, subtitle)
        ws.merge_cells(f"A2:{last}2")
        ws["A2"].font = Font(name=FONT, size=10)
        ws["A2"].alignment = Alignment(horizontal="right")
        r = 3
    head_row = r
    for c, text in enumerate(head, 1):
        cell = put(ws, r, c, text)
        cell.font = Font(name="黑体", size=11)
        cell.fill = HEAD_FILL
        cell.border = BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    formats = formats or {}
    body_font = Font(name=FONT, size=11)
    for values in rows:
        r += 1
        for c, value in enumerate(values, 1):
            cell = put(ws, r, c, value)
            cell.font = body_font
            cell.border = BORDER
            cell.alignment = Alignment(vertical="center", wrap_text=_wraps(value))
            if c - 1 in formats and isinstance(value, (*NUMBERS, Formula, _dt.date)):
                cell.number_format = formats[c - 1]
            elif isinstance(value, _dt.date):
                cell.number_format = DATE_FORMAT
    for values in totals or []:
        r += 1
        for c, value in enumerate(values, 1):
            cell = put(ws, r, c, value)
            cell.font = Font(name="黑体", size=11)
            cell.fill = TOTAL_FILL
            cell.border = BORDER
            if c - 1 in formats and isinstance(value, (*NUMBERS, Formula)):
                cell.number_format = formats[c - 1]
    fit = widths is None
    if fit:
        widths = fit_widths(head, [*rows, *(totals or [])], caps, formats)
    for c, w in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(c)].width = w
    if fit:
        fit_heights(ws, head_row + 1, r, n)
    _fit_heads(ws, title, subtitle, sum(widths[:n]))
    ws.freeze_panes = ws.cell(row=head_row + 1, column=1)
    print_setup(ws, head_row, wide)
    return head_row


def _fit_heads(ws, title: str, subtitle: str | None, width: float) -> None:
    """A title or subtitle wider than the table wraps inside its merged row (a merged cell would
    clip it), the row made as high as its lines: 16 pt 黑体 is 16/11 of a body character wide."""
    for row, text, size, line, one in ((1, title, 16, 22, 30), (2, subtitle, 10, 14, None)):
        if not text:
            continue
        lines = -(-text_width(text) * size // int((width - 2) * 11))
        if lines > 1:
            cell = ws.cell(row=row, column=1)
            cell.alignment = Alignment(horizontal=cell.alignment.horizontal, vertical="center", wrap_text=True)
            ws.row_dimensions[row].height = max(one or 0, line * lines + 8)


def print_setup(ws, head_row: int, wide: bool) -> None:
    """A4, the head row repeated on every page, fit to the page's width, centred, 第 N 页."""
    ws.print_title_rows = f"{head_row}:{head_row}"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if wide else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    # Narrow margins (inches; Excel's default is 0.7/0.75): a wide roster then prints larger.
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    ws.page_margins.header = ws.page_margins.footer = 0.3
    ws.oddFooter.center.text = "第 &P 页，共 &N 页"


def text_width(value) -> int:
    """How many Latin character widths ``value`` takes in a cell (a CJK character takes two)."""
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in str(value))


def shown_text(value, fmt: str | None = None) -> str:
    """The text a cell shows for ``value`` under number format ``fmt`` (for its column's width)."""
    if isinstance(value, Formula):
        return "0" * 6 if value.shown is None else shown_text(value.shown, fmt)
    if isinstance(value, _dt.date):
        return "0000-00" if fmt == MONTH_FORMAT else "0000-00-00"
    if isinstance(value, str) or not isinstance(value, NUMBERS):
        return str(value)
    fmt = fmt or ("0.0" if isinstance(value, float) else "0")  # floats were hours (0.0) by default
    unit = "".join(re.findall(r'"([^"]*)"', fmt))
    number = re.sub(r'"[^"]*"', "", fmt)
    if number.endswith("%"):
        value, number = value * 100, number[:-1]
    places = len(number.partition(".")[2])
    return f"{value:.{places}f}{unit}"


def fit_widths(head: list[str], rows: list[list], caps: dict[int, float] | None = None,
               formats: dict[int, str] | None = None) -> list[float]:
    """Each column as wide as its widest shown cell (head included), within ``caps``."""
    caps, formats = caps or {}, formats or {}
    out = []
    for c, title in enumerate(head):
        widest = text_width(title)
        for r in rows:
            v = r[c] if c < len(r) else None
            if v is not None:
                widest = max(widest, text_width(shown_text(v, formats.get(c))))
        out.append(min(widest + PAD, caps.get(c, 60)))
    return out


def fit_heights(ws, first: int, last: int, columns: int, from_column: int = 1) -> None:
    """Rows whose text is wider than its column wrap it and get the height of their lines:
    Excel does not grow a row for wrapped text it did not lay out itself."""
    widths = [ws.column_dimensions[get_column_letter(c)].width for c in range(1, columns + 1)]
    for r in range(first, last + 1):
        lines = 1
        for c in range(from_column, columns + 1):
            cell = ws.cell(row=r, column=c)
            room = int(widths[c - 1] - 2)
            if isinstance(cell.value, str) and cell.data_type == "s" and text_width(cell.value) > room:
                lines = max(lines, -(-text_width(cell.value) // room))
                cell.alignment = Alignment(vertical="center", wrap_text=True)
        if lines > 1:
            ws.row_dimensions[r].height = LINE_HEIGHT * lines + 3
