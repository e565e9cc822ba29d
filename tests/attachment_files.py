"""Test files to attach: real photos (with EXIF orientation, location and date), PDFs, Word."""

from __future__ import annotations

import io
from pathlib import Path


def photo_bytes(size=(4000, 3000), *, orientation: int | None = 6, gps: bool = True,
                taken: str | None = "2025:03:20 14:35:00", color=(200, 30, 30), fmt="JPEG") -> bytes:
    """A photo as a phone writes it: the left half ``color``, the right half white."""
    from PIL import Image

    im = Image.new("RGB", size, "white")
    im.paste(Image.new("RGB", (size[0] // 2, size[1]), color), (0, 0))
    exif = Image.Exif()
    if orientation is not None:
        exif[0x0112] = orientation
    exif[0x010F] = "TestPhone"
    if taken:
        exif.get_ifd(0x8769)[0x9003] = taken
    if gps:
        exif.get_ifd(0x8825).update({1: "N", 2: (39.0, 54.0, 27.0), 3: "E", 4: (116.0, 23.0, 17.0)})
    out = io.BytesIO()
    im.save(out, fmt, exif=exif.tobytes(), **({"quality": 85} if fmt == "JPEG" else {}))
    return out.getvalue()


def write_photo(path: Path, **kw) -> Path:
    path.write_bytes(photo_bytes(**kw))
    return path


def pdf_bytes(pages: int = 2, text: str = "签到表") -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=A4)
    c.setTitle(text)
    for n in range(pages):
        c.drawString(72, 720, f"scan page {n + 1}")
        c.rect(50, 50, 400, 600)
        c.showPage()
    c.save()
    return out.getvalue()


def write_pdf(path: Path, pages: int = 2) -> Path:
    path.write_bytes(pdf_bytes(pages))
    return path


def write_docx(path: Path, text: str = "整改报告") -> Path:
    import docx

    d = docx.Document()
    d.add_paragraph(text)
    d.save(path)
    return path


def add_proof(ledger, owner_table: str, owner_id: int, kind: str | None = None, title: str = "佐证照片") -> int:
    """Attach a small generated photo to a record (the proof a rule set may ask for)."""
    from dangzhibu_desktop.ledger import attachments as att

    data = photo_bytes(size=(64, 48), orientation=None, gps=False, taken=None, color=(owner_id % 250, 90, 30))
    return att.attach(ledger, owner_table, owner_id, [att.prepare_bytes(data, f"{title}.jpg")],
                      kind=kind, title=title)[0]
