"""Printing the 会议记录簿 and the 花名册: the very PDF the export writes, handed to the PC's PDF
reader, where the secretary previews it and prints (one or both sides).

There is one renderer of each document (``exports``): a print made in the window has the
export's cover, 目录 with 页码, "— n —" page numbers, text printed as typed and numbers masked
the same way. (Qt cannot show a PDF without QtPdf, which the PySide6 Essentials wheel lacks;
an HTML copy printed through QTextDocument was a second renderer that drifted from the first.)
"""

from __future__ import annotations

from pathlib import Path

from ... import paths
from ...exports import export_document
from ...exports.kinds import default_filename

PRINTABLE = ("ledger", "roster")
PRINT_FOLDER = "打印"  # in the data folder; each print replaces the last one of its kind


def print_file(ledger, kind: str, year: int, *, show_id: bool = False, show_phone: bool = False,
               blank_after_cover: bool = False, folder: Path | None = None) -> Path:
    """Write the PDF to print ``kind`` of ``year`` (the export's, with its options) and return it."""
    if kind not in PRINTABLE:
        raise ValueError(kind)
    out_dir = folder or paths.user_data_dir() / PRINT_FOLDER
    out_dir.mkdir(parents=True, exist_ok=True)
    branch = (ledger.branch() or {}).get("name") or ""
    out = out_dir / default_filename(kind, year, branch, ".pdf")
    return export_document(kind, ledger, year, out, show_id=show_id, show_phone=show_phone,
                           blank_after_cover=blank_after_cover and kind == "ledger")
