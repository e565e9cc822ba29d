"""Sizes that stay usable (issue 16, item 6): a year with 300 photos and 50 scanned PDFs.

``python -m dangzhibu_desktop.bench_attachments [--photos 300] [--pdfs 50]`` builds the small
demo ledger twice — as it is, and with the attachments spread over the year's meetings,
trainings, volunteer activities, 整改 items and 自评 items — and times, on both: opening the
ledger, a backup (and a second, incremental one), the data package export and import (.json
without attachments against .zip with them) and the 创星佐证材料汇编. It also times copying the
attachment folder once, the yardstick of the target: each figure within 2× of the same year
without attachments plus that copy. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import io
import os
import random
import shutil
import statistics
import tempfile
import time
from pathlib import Path


def _photo(rng: random.Random, k: int) -> bytes:
    """A phone photo as stored (2400 × 1800 JPEG, ~0.5–1 MB): smooth colour fields and noise."""
    from PIL import Image, ImageDraw, ImageFilter

    im = Image.new("RGB", (600, 450), (rng.randrange(256), rng.randrange(256), rng.randrange(256)))
    d = ImageDraw.Draw(im)
    for _ in range(40):
        x, y = rng.randrange(600), rng.randrange(450)
        d.ellipse((x, y, x + rng.randrange(20, 200), y + rng.randrange(20, 150)),
                  fill=(rng.randrange(256), rng.randrange(256), rng.randrange(256)))
    im = im.filter(ImageFilter.GaussianBlur(3)).resize((2400, 1800))
    noise = Image.effect_noise((2400, 1800), 18).convert("RGB")
    im = Image.blend(im, noise, 0.12)
    out = io.BytesIO()
    exif = Image.Exif()
    exif[0x0112] = 1
    im.save(out, "JPEG", quality=88, exif=exif.tobytes())
    return out.getvalue()


def _scan_pdf(rng: random.Random, photo: bytes, pages: int) -> bytes:
    """A scanner's PDF: each page one JPEG image of the sheet."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=A4)
    for _ in range(pages):
        c.drawImage(ImageReader(io.BytesIO(photo)), 20, 20, A4[0] - 40, A4[1] - 40, preserveAspectRatio=True)
        c.showPage()
    c.save()
    return out.getvalue()


def _timed(fn, runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def _add_attachments(path: Path, year: int, photos: int, pdfs: int, seed: int = 16) -> tuple[int, int]:
    from .ledger import attachments as att, open_ledger

    rng = random.Random(seed)
    with open_ledger(path, auto_backup=False) as led:
        owners = [("meetings", m["id"]) for m in led.rows_in_year("meetings", year)]
        owners += [("trainings", t["id"]) for t in led.rows_in_year("trainings", year)]
        owners += [("volunteer_activities", v["id"]) for v in led.rows_in_year("volunteer_activities", year)]
        owners += [("rectifications", r["id"]) for r in led.rows("rectifications")]
        owners += [("checklist", c["id"]) for c in led.rows("checklist", "year = ?", (year,))]
        base = [_photo(rng, k) for k in range(12)]  # distinct photos: vary a few bytes of a dozen bodies
        total = 0
        for k in range(photos):
            body = bytearray(base[k % len(base)])
            body[-3] = k % 256
            body[-4] = k // 256
            table, oid = owners[k % len(owners)]
            p = att.prepare_bytes(bytes(body), f"IMG_{k:04d}.jpg")
            att.attach(led, table, oid, [p])
            total += p.size
        for k in range(pdfs):
            data = _scan_pdf(rng, base[k % len(base)], 1 + k % 3) + f"%{k}\n".encode()
            table, oid = owners[(k * 7) % len(owners)]
            p = att.prepare_bytes(data, f"扫描{k:02d}.pdf", "签到表" if table == "meetings" else "扫描件")
            att.attach(led, table, oid, [p])
            total += p.size
    return photos + pdfs, total


def measure(workdir: Path, year: int, photos: int, pdfs: int, runs: int = 3) -> dict:
    from .exports import export_document
    from .ledger import attachments as att, open_ledger
    from .ledger.demo import build_demo
    from .ledger.package import import_package_file, write_package

    out: dict = {}
    for label, with_files in (("plain", False), ("attached", True)):
        d = workdir / label
        d.mkdir()
        db = d / "示例.sqlite"
        build_demo(db, size="small", year=year, today=_dt.date(year, 12, 31))
        if with_files:
            out["files"], out["bytes"] = _add_attachments(db, year, photos, pdfs)
        r: dict = {}
        r["open"] = _timed(lambda: open_ledger(db, auto_backup=False).close(), runs)
        bdir = d / "备份"

        def backup_first():
            shutil.rmtree(bdir, ignore_errors=True)
            with open_ledger(db, auto_backup=False) as led:
                led.backup(to_dir=bdir)

        r["backup"] = _timed(backup_first, runs)
        with open_ledger(db, auto_backup=False) as led:
            r["backup_again"] = _timed(lambda: led.backup(to_dir=bdir), runs)
        pkg = d / ("包.zip" if with_files else "包.json")
        with open_ledger(db, readonly=True) as led:
            r["export"] = _timed(lambda: write_package(led, pkg), runs)

        def imp():
            target = d / "导入" / "新.sqlite"
            shutil.rmtree(target.parent, ignore_errors=True)
            target.parent.mkdir()
            with open_ledger(target, create=True) as led:
                import_package_file(led, pkg)

        r["import"] = _timed(imp, runs)
        binder = d / "汇编.pdf"
        with open_ledger(db, readonly=True) as led:
            r["evidence"] = _timed(lambda: export_document("evidence", led, year, binder), 1)
        r["evidence_mb"] = binder.stat().st_size / 1e6
        r["package_mb"] = pkg.stat().st_size / 1e6
        if with_files:
            folder = att.folder_for(db)
            copy = d / "copy"

            def copy_once():
                shutil.rmtree(copy, ignore_errors=True)
                shutil.copytree(folder, copy)
                for p in copy.iterdir():  # as the ledger writes them: synced
                    with open(p, "rb+") as fh:
                        os.fsync(fh.fileno())

            r["copy"] = _timed(copy_once, runs)
        out[label] = r
    return out


def table(res: dict) -> str:
    plain, att_ = res["plain"], res["attached"]
    copy = att_["copy"]
    lines = [f"{res['files']} attachments, {res['bytes'] / 1e6:.0f} MB; copying the folder once (synced): "
             f"{copy:.2f} s", "",
             "| step | without attachments | with attachments | limit 2× + copy | within |",
             "|---|---|---|---|---|"]
    for key, name in (("open", "open the ledger"), ("backup", "backup (first)"),
                      ("backup_again", "backup again (incremental)"), ("export", "package export (.json → .zip)"),
                      ("import", "package import (.json → .zip)"), ("evidence", "创星佐证材料汇编 export")):
        limit = 2 * plain[key] + copy
        lines.append(f"| {name} | {plain[key]:.3f} s | {att_[key]:.3f} s | {limit:.3f} s | "
                     f"{'yes' if att_[key] <= limit else 'NO'} |")
    lines.append(f"| package size | {plain['package_mb']:.1f} MB | {att_['package_mb']:.1f} MB | | |")
    lines.append(f"| 汇编 size | {plain['evidence_mb']:.1f} MB | {att_['evidence_mb']:.1f} MB | | |")
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="附件规模测试")
    ap.add_argument("--photos", type=int, default=300)
    ap.add_argument("--pdfs", type=int, default=50)
    ap.add_argument("--year", type=int, default=2025)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="dangzhibu-bench-att-") as tmp:
        res = measure(Path(tmp), args.year, args.photos, args.pdfs, args.runs)
    print(table(res))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
