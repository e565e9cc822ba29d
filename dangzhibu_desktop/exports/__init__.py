"""Document exporters: 述职报告, 会议记录簿, 花名册, 志愿服务时长, 党费收缴, 自评报告.

``export_document`` is the one entry the CLI and the window call. The file type follows the
extension of the output path; every document is written under a temporary name and renamed
when complete, so a cancelled or failed export leaves nothing half-written.
"""

from __future__ import annotations

import gc
import importlib
from pathlib import Path
from typing import Callable

from ..ledger.validate import LedgerError
from .common import ExportCancelled, Job, atomic_output, mask_id, mask_phone
from .fonts import missing_characters, missing_notice
from .kinds import DOCUMENT_KINDS, KINDS, default_filename

__all__ = ["export_document", "ExportCancelled", "FORMATS", "KIND_LABELS", "KINDS", "DOCUMENT_KINDS", "mask_id",
           "mask_phone", "default_filename"]

# Views of the one table in ``kinds`` for the documents: kind -> name, kind -> extensions.
KIND_LABELS = {k: KINDS[k].label for k in DOCUMENT_KINDS}
FORMATS = {k: KINDS[k].formats for k in DOCUMENT_KINDS}

_TYPE_NAMES = {".docx": "Word（.docx）", ".pdf": "PDF（.pdf）", ".xlsx": "Excel（.xlsx）"}


def _writer(kind: str, ext: str):
    module = importlib.import_module(f".{KINDS[kind].writer}", __name__)
    return {".pdf": getattr(module, "write_pdf", None), ".docx": getattr(module, "write_docx", None),
            ".xlsx": getattr(module, "write_xlsx", None)}[ext]


def export_document(kind: str, ledger, year: int, out_path, *, show_id: bool = False, show_phone: bool = False,
                    progress: Callable[[int, int], None] | None = None,
                    cancel: Callable[[], bool] | None = None, meeting_id: int | None = None,
                    quarter: int | None = None, member_id: int | str | None = None,
                    blank_after_cover: bool = False,
                    notices: list[str] | None = None) -> Path:
    """Write one document of ``kind`` for ``year`` to ``out_path``; returns the path written.

    Args:
        kind: shuzhi, ledger, roster, volunteer, dues or readiness.
        ledger: the open ledger.
        year: the year the document covers.
        out_path: target file; its extension (.docx/.pdf/.xlsx) chooses the type.
        show_id: print 身份证号 in full (masked as 110101********123X by default).
        show_phone: print phone numbers in full (masked as 138****5678 by default).
        progress: called as ``progress(done, total)`` while the document is made.
        cancel: polled while the document is made; returning True stops the export.
        meeting_id: the meeting of a ``signin`` sheet (required for it).
        quarter: ``evidence`` only: the 季度合订 of that quarter (1–4).
        member_id: ``development`` only: the person whose 纪实表 is written; None or "all":
            everyone with recorded steps, one after another.
        blank_after_cover: ``ledger`` only: a blank page after the cover (two-sided printing).
        notices: receives what the person should know about the written file (a PDF with
            characters no font could print, as 〓: which ones and in which names).

    Raises:
        LedgerError: unknown kind, a type this document does not come in, no CJK font
            for a PDF, or the target cannot be written (message in Chinese).
        ExportCancelled: ``cancel()`` returned True; nothing was written.
    """
    if kind not in FORMATS:
        raise LedgerError(f"没有“{kind}”这种文档，可导出：" + "、".join(
            f"{k}（{v}）" for k, v in KIND_LABELS.items()))
    out = Path(out_path)
    ext = out.suffix.lower()
    allowed = FORMATS[kind]
    if ext not in allowed:
        raise LedgerError(f"{KIND_LABELS[kind]}只能导出为" + "或".join(_TYPE_NAMES[e] for e in allowed)
                          + "，请把文件扩展名改为" + "或".join(allowed))
    if not out.parent.is_dir():
        raise LedgerError(f"输出文件夹“{out.parent}”不存在")
    if kind == "signin" and meeting_id is None:
        from .signin import TEXT as _signin_text

        raise LedgerError(_signin_text["need_meeting"])
    job = Job(ledger=ledger, year=int(year), show_id=show_id, show_phone=show_phone, progress=progress, cancel=cancel,
              meeting_id=meeting_id, quarter=quarter, member_id=member_id,
              blank_after_cover=blank_after_cover)
    write = _writer(kind, ext)
    job.tick(0, 1)
    try:
        # One read transaction: a document taken while the window saves is one consistent state.
        with ledger.snapshot(), atomic_output(out) as tmp, missing_characters() as unprintable:
            write(job, tmp)
            job.tick(1, 1)
    finally:
        if ext == ".docx":
            # A python-docx document is a reference cycle around lxml trees allocated in C, which
            # the cyclic collector does not see growing: without this each meeting-book .docx
            # stayed in memory (~20 MB) until some later full collection (5 exports: +100 MB).
            # Only here: a full collection costs 20–40 ms in the window's process.
            gc.collect()
    notice = missing_notice(unprintable)
    if notice and notices is not None:
        notices.append(notice)
    return out
