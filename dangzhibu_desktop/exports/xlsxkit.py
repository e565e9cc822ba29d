"""openpyxl helpers: a titled sheet with a bordered head row, number formats and print set-up.

Every cell goes through ``put``: text is made safe for the file (``xml_safe``) and text that
Excel or WPS would read as a formula (``= + - @``, a tab or CR at the start) is stored as
text with Excel's quote prefix, so a name like ``=HYPERLINK(…)`` never becomes a live link.
"""

from __future__ import annotations

import datetime as _dt

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


class Formula(str):
    """A formula the writer means (``Formula("=SUM(C4:C9)")``): ``put`` keeps it live, where any
    other text starting with ``=`` is stored as text."""


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


def write_sheet(ws, title: str, head: list[str], rows: list[list], widths: list[float], *,
                totals: list[list] | None = None, formats: dict[int, str] | None = None,
                subtitle: str | None = None, wide: bool = True) -> int:
    """Fill ``ws``: a merged title row, optional subtitle, the head row, body rows, totals.

    Args:
        formats: column index (0-based) -> number format for body and totals.
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
            if c - 1 in formats and isinstance(value, (int, float, Formula)):
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
            if c - 1 in formats and isinstance(value, (int, float, Formula)):
                cell.number_format = formats[c - 1]
    for c, w in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(c)].width = w
    ws.freeze_panes = ws.cell(row=head_row + 1, column=1)
    print_setup(ws, head_row, wide)
    return head_row


def print_setup(ws, head_row: int, wide: bool) -> None:
    """A4, the head row repeated on every page, fit to the page's width, centred, 第 N 页."""
    ws.print_title_rows = f"{head_row}:{head_row}"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if wide else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.oddFooter.center.text = "第 &P 页，共 &N 页"


def text_width(value) -> int:
    """How many Latin character widths ``value`` takes in a cell (a CJK character takes two)."""
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in str(value))
