"""Reading back the .xlsx exports: formulas worked out from their cells, and the print checks.

``value`` evaluates the formulas the writers use (``SUM``, ``COUNTA``, ``MAX`` over cells and
ranges, ``+``/``-``, numbers) in exact decimals; any other formula fails the test.
"""

from __future__ import annotations

import re
from decimal import Decimal

from dangzhibu_desktop.exports.xlsxkit import text_width

TOKEN = re.compile(r"\s*(?:(?P<range>[A-Z]+\d+:[A-Z]+\d+)|(?P<cell>[A-Z]+\d+)|(?P<fn>SUM|COUNTA|MAX)\(|"
                   r"(?P<num>\d+(?:\.\d+)?)|(?P<op>[-+,)]))")


def _number(v):
    if v is None or v == "":
        return Decimal(0)
    assert isinstance(v, (int, float, Decimal)) and not isinstance(v, bool), v
    return Decimal(str(v))


def _cells(ws, rng: str) -> list:
    return [c.coordinate for row in ws[rng] for c in row]


def value(ws, coord: str):
    """A cell's value; a formula worked out (Decimal) from the cells it names."""
    v = ws[coord].value
    if not (ws[coord].data_type == "f" and isinstance(v, str)):
        return v
    tokens = []
    pos, text = 0, v[1:]
    while pos < len(text):
        m = TOKEN.match(text, pos)
        assert m and m.end() > pos, f"{coord}: {v} (at {text[pos:]})"
        tokens.append((m.lastgroup, m.group(m.lastgroup)))
        pos = m.end()
    out, rest = _expr(ws, tokens)
    assert not rest, f"{coord}: {v}"
    return out


def _expr(ws, tokens):
    total, tokens = _term(ws, tokens)
    while tokens and tokens[0] in (("op", "+"), ("op", "-")):
        sign = tokens[0][1]
        part, tokens = _term(ws, tokens[1:])
        total = total + part if sign == "+" else total - part
    return total, tokens


def _term(ws, tokens):
    kind, text = tokens[0]
    if kind == "op" and text == "-":
        part, rest = _term(ws, tokens[1:])
        return -part, rest
    if kind == "num":
        return Decimal(text), tokens[1:]
    if kind == "cell":
        return _number(value(ws, text)), tokens[1:]
    assert kind == "fn", tokens
    args, tokens = [], tokens[1:]
    while True:
        if tokens[0][0] == "range":
            args.append([value(ws, c) for c in _cells(ws, tokens[0][1])])
            tokens = tokens[1:]
        else:
            part, tokens = _expr(ws, tokens)
            args.append([part])
        sep, tokens = tokens[0], tokens[1:]
        if sep == ("op", ")"):
            break
        assert sep == ("op", ","), sep
    flat = [x for a in args for x in a]
    if text == "COUNTA":
        return Decimal(sum(1 for x in flat if x not in (None, ""))), tokens
    numbers = [_number(x) for x in flat]
    return (sum(numbers, Decimal(0)) if text == "SUM" else max(numbers)), tokens


def shown(cell, v) -> int:
    """How many Latin character widths the cell shows for ``v`` (its worked-out value)."""
    fmt = cell.number_format
    if cell.is_date:
        return 7 if fmt == "yyyy-mm" else 10
    if isinstance(v, str):
        return text_width(v)
    unit = "".join(re.findall(r'"([^"]*)"', fmt))
    places = {"0.00": 2, "0.0": 1}.get(re.sub(r'"[^"]*"', "", fmt), 0)
    if fmt == "0.0%":
        return len(f"{Decimal(str(v)) * 100:.1f}%")
    number = f"{Decimal(str(v)):.{places}f}" if places else str(int(v)) if v == int(v) else str(v)
    return len(number) + text_width(unit)


def assert_prints(ws, head_row: int, orientation: str) -> None:
    """A4 fit to width in ``orientation``, the head row repeated, page numbers in the footer,
    every cell within its column and its margins (wrapped cells in a row as high as their lines)."""
    assert ws.print_title_rows == f"${head_row}:${head_row}", ws.title
    assert str(ws.page_setup.paperSize) == ws.PAPERSIZE_A4 and ws.page_setup.orientation == orientation
    assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert "&P" in ws.oddFooter.center.text
    merged = {c.coordinate for rng in ws.merged_cells.ranges for row in ws[rng.coord] for c in row}
    for row in ws.iter_rows(min_row=head_row):
        for cell in row:
            if cell.value is None or cell.coordinate in merged:
                continue
            width = ws.column_dimensions[cell.column_letter].width
            need = shown(cell, value(ws, cell.coordinate))
            if cell.alignment.wrap_text and need + 2 > width:
                lines = -(-need // int(width - 2))
                assert (ws.row_dimensions[cell.row].height or 0) >= 15 * lines, (ws.title, cell.coordinate)
            else:  # and the cell's margins
                assert need + 2 <= width, (ws.title, cell.coordinate, cell.value, width)


def values(ws, min_row: int = 1) -> list[list]:
    """The sheet's rows from ``min_row`` with every formula worked out (rows with an empty first cell left out)."""
    return [[value(ws, c.coordinate) for c in row] for row in ws.iter_rows(min_row=min_row) if row[0].value is not None]
