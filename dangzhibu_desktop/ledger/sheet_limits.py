"""Limits a spreadsheet must keep before it is parsed, so no file can exhaust memory or abort
the process (the roster importer calls ``check_spreadsheet`` before handing a file to calamine).

An .xlsx is a zip of XML parts. Checked from the archive's directory and a streaming scan of
each worksheet, never by building the grid:
- the file size, the number of parts, their total uncompressed size and each part's
  compression ratio (a zip bomb of 10 MB unpacks to gigabytes);
- every cell reference used, giving the grid calamine would allocate, first used cell to last
  (a 3-row sheet with one value in XFD1048576 is a grid of 17 billion cells);
- that every part can be read (a damaged header or a bad checksum).
An .xls or .csv is bounded by its file size (an .xls grid cannot pass 65 536 × 256).

Each refusal is a ``LedgerError`` with one Chinese sentence naming the file.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from pathlib import Path

from .errors import LedgerError

MAX_FILE_BYTES = 50 * 1024 * 1024  # a roster of 100 000 people is ~20 MB as .xlsx
MAX_PARTS = 10_000
MAX_UNPACKED_BYTES = 400 * 1024 * 1024
MAX_RATIO = 200  # XML of real sheets packs 5-30×; bombs pack 1000× and more
# The grid calamine allocates runs from the first used cell to the last: rows × columns of it,
# ~32 bytes each. A stray value typed far down one column is fine; one in XFD1048576 is not.
MAX_CELLS = 5_000_000
_RATIO_FLOOR = 1024 * 1024  # small parts may pack as well as they like

_CELL_REF = re.compile(rb'<(?:\w+:)?c\b[^>]*?\br="([A-Z]{1,3})([0-9]{1,7})"')
_ROW_TAG = re.compile(rb"<(?:\w+:)?row\b")
_CHUNK = 1 << 20


def _column_number(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n


def _column_letters(n: int) -> str:
    out = ""
    while n:
        n, r = divmod(n - 1, 26)
        out = chr(65 + r) + out
    return out


def check_file_size(path: Path) -> int:
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise LedgerError(f"“{path.name}”有{size // (1024 * 1024)} MB，超过花名册文件的上限"
                          f"（{MAX_FILE_BYTES // (1024 * 1024)} MB），请只保留花名册所在的工作表后再导入")
    return size


def check_spreadsheet(path: Path, data: bytes, kind: str) -> None:
    """Refuse a file that breaks the limits above; ``data`` is its content, ``kind`` 'xlsx',
    'xls' or 'csv'."""
    if len(data) > MAX_FILE_BYTES:
        check_file_size(path)
    if kind != "xlsx":
        return
    import io

    damaged = f"“{path.name}”已损坏，无法作为Excel表格打开，请在Excel或WPS中打开后另存为新的.xlsx文件再导入"
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, OSError, KeyError, IndexError):
        raise LedgerError(damaged) from None
    if len(infos) > MAX_PARTS:
        raise LedgerError(f"“{path.name}”中包含{len(infos)}个部件，不像是花名册表格，未导入")
    total = sum(i.file_size for i in infos)
    bomb = (f"“{path.name}”解压后会超过{MAX_UNPACKED_BYTES // (1024 * 1024)} MB（可能是恶意构造的压缩文件），"
            f"为保护电脑未导入")
    if total > MAX_UNPACKED_BYTES:
        raise LedgerError(bomb)
    for info in infos:
        if info.file_size > _RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise LedgerError(bomb)
    sheets = sorted((i for i in infos if re.fullmatch(r"xl/worksheets/[^/]+\.xml", i.filename)),
                    key=lambda i: i.filename)
    try:
        for number, info in enumerate(sheets, 1):
            _check_sheet(zf, info, path, number)
        # Every other part is read once to its end: a bad checksum or a damaged header shows here,
        # not as a crash inside the parser.
        for info in infos:
            if info not in sheets:
                with zf.open(info) as fh:
                    read = 0
                    while chunk := fh.read(_CHUNK):
                        read += len(chunk)
                        if read > info.file_size + _CHUNK:  # the directory lied about the size
                            raise LedgerError(bomb)
    except LedgerError:
        raise
    except (zipfile.BadZipFile, zlib.error, ValueError, EOFError, OSError, NotImplementedError,
            RuntimeError, KeyError):
        raise LedgerError(damaged) from None


def _check_sheet(zf: zipfile.ZipFile, info: zipfile.ZipInfo, path: Path, number: int) -> None:
    """Stream one worksheet's XML: the largest row and column any cell uses, and the cell count."""
    max_row = max_col = 0
    min_row = min_col = 1 << 30
    rows_seen = 0
    tail = b""
    read = 0
    with zf.open(info) as fh:
        while True:
            chunk = fh.read(_CHUNK)
            if not chunk:
                break
            read += len(chunk)
            if read > info.file_size + _CHUNK or read > MAX_UNPACKED_BYTES:
                raise LedgerError(f"“{path.name}”解压后超过了声明的大小（可能是恶意构造的压缩文件），为保护电脑未导入")
            buf = tail + chunk
            # Keep the last partial tag for the next round; count only what ends in this buffer.
            cut = buf.rfind(b"<")
            if cut <= 0:
                cut = len(buf)
            body, tail = buf[:cut], buf[cut:]
            if len(tail) > 4096:  # no tag is this long: nothing to find in it
                body, tail = buf, b""
            for m in _CELL_REF.finditer(body):
                col, row = _column_number(m.group(1)), int(m.group(2))
                if col > max_col:
                    max_col = col
                if col < min_col:
                    min_col = col
                if row > max_row:
                    max_row = row
                if row < min_row:
                    min_row = row
            rows_seen += len(_ROW_TAG.findall(body))
    for m in _CELL_REF.finditer(tail):
        col, row = _column_number(m.group(1)), int(m.group(2))
        max_col, max_row, min_col, min_row = max(max_col, col), max(max_row, row), min(min_col, col), min(min_row, row)
    if not max_col:  # cells without references: count rows only
        min_row = min_col = max_col = 1
        max_row = rows_seen
    area = (max_row - min_row + 1) * (max_col - min_col + 1) if max_row >= min_row else 0
    if area > MAX_CELLS or rows_seen > MAX_CELLS:
        corner = f"{_column_letters(max_col)}{max_row}"
        raise LedgerError(
            f"“{path.name}”的第{number}个工作表用到了从{_column_letters(min_col)}{min_row}到{corner}的单元格"
            f"（约{area // 10000}万格），远超花名册的大小，可能有远处的单元格被误填或设置了格式。"
            f"请把花名册复制到一个新的工作簿中再导入")
