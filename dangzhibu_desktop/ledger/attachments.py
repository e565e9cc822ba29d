"""佐证材料: photos, scanned 签到表 and documents attached to the records they prove.

The files live in a folder beside the ledger, ``<台账名>_附件/``, each under its sha256 (so the
same file is stored once). A row never points at a missing file: the file is written under a
temporary name, synced, renamed to its hash and the folder synced before the row that names it
is committed. A kill at any moment leaves either no row, or a row whose file is whole; a file no
row names is only removed by an explicit ``clean_files`` (清理).

Photos are stored ready for print: EXIF orientation applied, long side at most ``MAX_SIDE``
pixels, EXIF location removed — unless the person keeps the original. HEIC/HEIF photos are read
when the ``pillow-heif`` plugin is installed (a declared dependency) and stored as JPEG.

This module imports nothing of ours above ``ledger`` and no Qt. ``Ledger.delete``/``restore``
call ``owner_deleted``/``owner_restored`` so that a record's attachments go to the 回收站 with
it and come back with it.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import io
import json
import os
import re
import shutil
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Sequence

from . import enums
from .schema import ATTACHMENT_OWNER_TABLES, TABLES
from .validate import LedgerError

if TYPE_CHECKING:  # store imports this module
    from .store import Ledger

# The words of the CLI's ``--to KIND:ID`` (DESIGN.md) and the tables they name.
OWNER_WORDS = {
    "meeting": "meetings",
    "training": "trainings",
    "volunteer": "volunteer_activities",
    "post": "pioneer_posts",
    "rectification": "rectifications",
    "checklist": "checklist",
    "step": "development_steps",
    "talk": "talks",
}
OWNER_LABELS = {
    "meetings": "会议", "trainings": "培训", "volunteer_activities": "志愿服务活动",
    "pioneer_posts": "先锋岗",  # not the enumeration
    "rectifications": "整改事项", "checklist": "自评事项",
    "development_steps": "发展党员纪实步骤", "talks": "谈心谈话记录",
}
assert set(OWNER_WORDS.values()) == set(ATTACHMENT_OWNER_TABLES) == set(OWNER_LABELS)

MAX_SIDE = 2400  # long side of a stored photo, px (≈ 200 dpi across A4)
MAX_BYTES = 200 * 1024 * 1024  # one attachment
JPEG_QUALITY = 90

MIME_JPEG = "image/jpeg"
MIME_PNG = "image/png"
MIME_HEIC = "image/heic"
MIME_PDF = "application/pdf"
MIME_DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
MIME_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MIME_DOC = "application/msword"
MIME_XLS = "application/vnd.ms-excel"

# File name extension for each stored type (opening a copy outside the program needs one).
EXTENSIONS = {
    MIME_JPEG: ".jpg", MIME_PNG: ".png", MIME_HEIC: ".heic", MIME_PDF: ".pdf", MIME_DOCX: ".docx",
    MIME_XLSX: ".xlsx", MIME_DOC: ".doc", MIME_XLS: ".xls",
}
# What the 添加… dialog offers (the same list the reader accepts).
ACCEPTED_SUFFIXES = (".jpg", ".jpeg", ".png", ".heic", ".heif", ".bmp", ".gif", ".tif", ".tiff", ".webp",
                     ".pdf", ".docx", ".xlsx", ".doc", ".xls")

_WITH_OWNER = "deleted_with"  # audit mark of an attachment deleted together with its record
_SHA_RE = re.compile(r"[0-9a-f]{64}")
_EXIF_ORIENTATION = 0x0112
_EXIF_DATETIME = 0x0132
_EXIF_IFD = 0x8769
_EXIF_GPS_IFD = 0x8825
_EXIF_DATETIME_ORIGINAL = 0x9003

try:  # HEIC/HEIF from phones: only when the Pillow plugin is there
    import pillow_heif as _pillow_heif

    _pillow_heif.register_heif_opener()
    HEIC_SUPPORTED = True
except Exception:  # pragma: no cover - depends on the machine
    HEIC_SUPPORTED = False


def is_image(mime: str | None) -> bool:
    return bool(mime) and mime.startswith("image/")


def folder_for(ledger_path: str | os.PathLike) -> Path:
    """The attachment folder of a ledger file: ``<stem>_附件`` beside it."""
    p = Path(ledger_path)
    return p.parent / f"{p.stem}_附件"


def is_sha256(text) -> bool:
    return isinstance(text, str) and _SHA_RE.fullmatch(text) is not None


def sha256_of_file(path: Path, chunk: int = 1 << 20) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while True:
            block = fh.read(chunk)
            if not block:
                return h.hexdigest()
            h.update(block)


# ---- reading what the person gives -----------------------------------------------------
@dataclass
class Prepared:
    """A file read, checked and made ready to store (not yet stored)."""

    data: bytes
    sha256: str
    mime: str
    kind: str
    original_name: str
    taken_on: str | None = None

    @property
    def size(self) -> int:
        return len(self.data)


def _sniff(data: bytes, name: str) -> str | None:
    """The stored type from the first bytes (the extension alone can lie)."""
    head = data[:16]
    if head.startswith(b"%PDF-"):
        return MIME_PDF
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                names = set(z.namelist())
        except (zipfile.BadZipFile, OSError, ValueError):
            return None
        if "word/document.xml" in names:
            return MIME_DOCX
        if "xl/workbook.xml" in names:
            return MIME_XLSX
        return None
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):  # OLE2: old Word/Excel
        suffix = Path(name).suffix.lower()
        return {".doc": MIME_DOC, ".xls": MIME_XLS}.get(suffix)
    return "image"  # Pillow decides


def _exif_date(exif) -> str | None:
    text = None
    try:
        text = exif.get_ifd(_EXIF_IFD).get(_EXIF_DATETIME_ORIGINAL) or exif.get(_EXIF_DATETIME)
    except Exception:
        text = exif.get(_EXIF_DATETIME)
    if not isinstance(text, str):
        return None
    m = re.match(r"(\d{4})[:\-](\d{2})[:\-](\d{2})", text.strip())
    if not m:
        return None
    try:
        return _dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
    except ValueError:
        return None


def _image(data: bytes, name: str, keep_original: bool) -> tuple[bytes, str, str | None]:
    """(bytes to store, mime, taken_on) of an image; refuses what Pillow cannot read."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    Image.MAX_IMAGE_PIXELS = 120_000_000  # a 12 000 × 10 000 scan; beyond it a decompression bomb
    try:
        im = Image.open(io.BytesIO(data))
        fmt = im.format
        im.load()
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, Image.DecompressionBombError):
        if Path(name).suffix.lower() in (".heic", ".heif") and not HEIC_SUPPORTED:
            raise LedgerError(f"无法读取“{name}”：本机未安装HEIC图片支持，请先在手机上导出为JPG") from None
        raise LedgerError(f"无法读取“{name}”：文件已损坏，或不是图片、PDF、Word、Excel文件") from None
    exif = im.getexif()
    taken_on = _exif_date(exif)
    heif = fmt in ("HEIF", "HEIC", "AVIF")
    mime = {"JPEG": MIME_JPEG, "PNG": MIME_PNG}.get(fmt, MIME_HEIC if heif else None)
    if keep_original and mime:
        return data, mime, taken_on
    orientation = exif.get(_EXIF_ORIENTATION, 1)
    has_gps = _EXIF_GPS_IFD in exif
    too_big = max(im.size) > MAX_SIDE
    if mime in (MIME_JPEG, MIME_PNG) and orientation in (1, None) and not has_gps and not too_big:
        return data, mime, taken_on  # already as it would be stored: keep every byte
    im = ImageOps.exif_transpose(im)
    if max(im.size) > MAX_SIDE:
        im.thumbnail((MAX_SIDE, MAX_SIDE), Image.LANCZOS)
    exif = im.getexif()
    for tag in (_EXIF_GPS_IFD, _EXIF_ORIENTATION):
        exif.pop(tag, None)
    out = io.BytesIO()
    if fmt == "PNG" or (not heif and fmt != "JPEG" and im.mode in ("RGBA", "LA", "P")):
        if im.mode not in ("RGB", "RGBA", "L", "LA", "P", "1"):
            im = im.convert("RGBA")
        im.save(out, "PNG", optimize=False)
        return out.getvalue(), MIME_PNG, taken_on
    if im.mode not in ("RGB", "L"):
        im = im.convert("RGB")
    im.save(out, "JPEG", quality=JPEG_QUALITY, exif=exif.tobytes())
    return out.getvalue(), MIME_JPEG, taken_on


def prepare_bytes(data: bytes, name: str, kind: str | None = None, *, keep_original: bool = False) -> Prepared:
    """Check and prepare the content of one file called ``name`` (a path's name, or a name
    given to a pasted image). Raises LedgerError in Chinese for what cannot be attached."""
    if kind is not None and kind not in enums.ATTACHMENT_KINDS:
        raise LedgerError("材料类别应为" + "、".join(enums.ATTACHMENT_KINDS) + f"之一，现为“{kind}”")
    if not data:
        raise LedgerError(f"“{name}”是空文件")
    if len(data) > MAX_BYTES:
        raise LedgerError(f"“{name}”超过{MAX_BYTES // (1024 * 1024)}MB，请压缩或拆分后再添加")
    sniffed = _sniff(data, name)
    taken_on = None
    if sniffed is None:
        raise LedgerError(f"无法添加“{name}”：只支持图片（JPG、PNG、HEIC）、PDF、Word和Excel文件")
    if sniffed == "image":
        data, mime, taken_on = _image(data, name, keep_original)
    else:
        mime = sniffed
    if kind is None:
        kind = (enums.ATTACHMENT_PHOTO if is_image(mime)
                else enums.ATTACHMENT_SCAN if mime == MIME_PDF else enums.ATTACHMENT_FILE)
    if kind == enums.ATTACHMENT_PHOTO and not is_image(mime):
        raise LedgerError(f"“{name}”不是图片，不能作为照片添加，可选“扫描件”或“文件”")
    if kind in (enums.ATTACHMENT_SIGNIN, enums.ATTACHMENT_SCAN) and not (is_image(mime) or mime == MIME_PDF):
        raise LedgerError(f"{kind}应为图片或PDF文件，“{name}”两者都不是")
    return Prepared(data, hashlib.sha256(data).hexdigest(), mime, kind, name, taken_on)


def prepare_file(path: str | os.PathLike, kind: str | None = None, *, keep_original: bool = False) -> Prepared:
    p = Path(path)
    if not p.is_file():
        raise LedgerError(f"找不到文件“{p}”")
    try:
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise LedgerError(f"“{p.name}”超过{MAX_BYTES // (1024 * 1024)}MB，请压缩或拆分后再添加")
        data = p.read_bytes()
    except OSError as exc:
        raise LedgerError(f"无法读取“{p.name}”：{exc.strerror or exc}") from None
    return prepare_bytes(data, p.name, kind, keep_original=keep_original)


# ---- storing ---------------------------------------------------------------------------
def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # Windows cannot open a folder; its renames are durable once they return
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _store(folder: Path, sha256: str, size: int, write) -> Path:
    """Make ``folder/<sha256>`` whole and synced, unless a file of ``size`` bytes is already there:
    ``write(fh)`` fills a temporary file that is synced, then renamed into place."""
    target = folder / sha256
    if target.is_file() and target.stat().st_size == size:
        return target  # the same file stored once (it only ever appears whole: see below)
    tmp = folder / f".{sha256}.{os.getpid()}.tmp"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with open(tmp, "wb") as fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
        _fsync_dir(folder)
    except OSError as exc:
        try:
            tmp.unlink()
        except OSError:
            pass
        raise LedgerError(f"无法保存附件到“{folder}”：{exc.strerror or exc}") from None
    return target


def store_bytes(folder: Path, data: bytes, sha256: str) -> Path:
    """Write ``data`` as ``folder/<sha256>`` (whole and synced), unless it is already there."""
    return _store(folder, sha256, len(data), lambda fh: fh.write(data))


def store_file(folder: Path, src: Path, sha256: str, size: int) -> Path:
    """Copy the file ``src`` (already hashed as ``sha256``) into ``folder`` the same way."""
    def copy(fout) -> None:
        with open(src, "rb") as fin:
            shutil.copyfileobj(fin, fout, 1 << 20)

    return _store(folder, sha256, size, copy)


def place_file(folder: Path, src: Path, sha256: str, size: int) -> Path:
    """Put a checked, synced file (``src``, e.g. staged by a package import inside ``folder``)
    in place as ``folder/<sha256>``: renamed when it can be, copied otherwise."""
    target = folder / sha256
    if target.is_file() and target.stat().st_size == size:
        return target
    try:
        os.replace(src, target)
    except OSError:
        return store_file(folder, src, sha256, size)
    return target


def sync_folder(folder: Path) -> None:
    """Make the renames into ``folder`` durable (once after many ``place_file``)."""
    _fsync_dir(folder)


def resolve_owner(ledger: "Ledger", target: str) -> tuple[str, int]:
    """``meeting:12`` (the CLI's ``--to``) → ("meetings", 12); refuses unknown words and ids."""
    word, _, ident = str(target).partition(":")
    table = OWNER_WORDS.get(word.strip().lower())
    if table is None:
        raise LedgerError("--to 应为 类别:编号，类别是 " + "、".join(OWNER_WORDS) + f" 之一，现为“{target}”")
    try:
        owner_id = int(ident.strip())
    except ValueError:
        raise LedgerError(f"--to 中的编号应为整数，现为“{ident}”") from None
    check_owner(ledger, table, owner_id)
    return table, owner_id


def check_owner(ledger: "Ledger", owner_table: str, owner_id: int) -> None:
    if owner_table not in ATTACHMENT_OWNER_TABLES:
        raise LedgerError(f"佐证材料不能附在“{owner_table}”上")
    label = OWNER_LABELS[owner_table]
    if owner_table not in TABLES:
        raise LedgerError(f"本版本的台账还没有{label}记录")
    if ledger.get(owner_table, owner_id) is None:
        raise LedgerError(f"找不到编号为{owner_id}的{label}（可能已被删除）")


def attach(ledger: "Ledger", owner_table: str, owner_id: int, files: Sequence[Prepared | str | os.PathLike],
           *, kind: str | None = None, title: str | None = None, keep_original: bool = False) -> list[int]:
    """Attach files to one record, all or none; returns the new rows' ids.

    ``files`` are paths or ``Prepared`` contents. Every file is read and checked before anything
    is written; each is then stored whole and synced, and the rows are committed last in one
    transaction. ``title`` (for every file) defaults to each file's name without extension.
    """
    if ledger.readonly:
        raise LedgerError("台账以只读方式打开，不能添加附件")
    check_owner(ledger, owner_table, owner_id)
    if not files:
        raise LedgerError("请选择要添加的文件")
    prepared = [f if isinstance(f, Prepared) else prepare_file(f, kind, keep_original=keep_original)
                for f in files]
    folder = folder_for(ledger.path)
    for p in prepared:
        store_bytes(folder, p.data, p.sha256)
    ids = []
    with ledger.transaction():
        for p in prepared:
            ids.append(ledger.insert("attachments", {
                "owner_table": owner_table, "owner_id": owner_id, "kind": kind or p.kind,
                "title": (title or Path(p.original_name).stem or p.original_name),
                "sha256": p.sha256, "bytes": p.size, "mime": p.mime, "original_name": p.original_name,
                "taken_on": p.taken_on,
            }))
    return ids


# ---- reading back ----------------------------------------------------------------------
def attachments_of(ledger: "Ledger", owner_table: str, owner_id: int) -> list[dict]:
    """A record's attachments (not in the 回收站), in the order they were added."""
    return ledger.rows("attachments", "owner_table = ? AND owner_id = ?", (owner_table, owner_id), order_by="id")


def attachments_by_owner(ledger: "Ledger", owner_table: str, owner_ids: Iterable[int] | None = None
                         ) -> dict[int, list[dict]]:
    """Attachments of many records of one table, grouped by owner id (all of them when None)."""
    out: dict[int, list[dict]] = {}
    if owner_ids is None:
        rows = ledger.rows("attachments", "owner_table = ?", (owner_table,), order_by="owner_id, id")
    else:
        ids = list(owner_ids)
        rows = []
        for at in range(0, len(ids), 900):
            chunk = ids[at:at + 900]
            rows += ledger.rows("attachments", f"owner_table = ? AND owner_id IN ({','.join('?' * len(chunk))})",
                                (owner_table, *chunk), order_by="owner_id, id")
    for r in rows:
        out.setdefault(r["owner_id"], []).append(r)
    return out


def file_path(ledger: "Ledger", row: dict) -> Path:
    """Where an attachment's bytes are (``sha256`` checked: a name never escapes the folder)."""
    if not is_sha256(row.get("sha256")):
        raise LedgerError("附件记录的文件摘要无效")
    return folder_for(ledger.path) / row["sha256"]


def read_bytes(ledger: "Ledger", row: dict) -> bytes:
    path = file_path(ledger, row)
    try:
        return path.read_bytes()
    except OSError:
        raise LedgerError(f"附件“{row.get('title') or row.get('original_name')}”的文件不见了（{path.name}）") from None


def suggested_name(row: dict) -> str:
    """A file name to save or open a copy under: the title with the stored type's extension."""
    ext = EXTENSIONS.get(row.get("mime") or "", Path(row.get("original_name") or "").suffix)
    stem = re.sub(r'[\\/:*?"<>|\r\n]+', "_", row.get("title") or Path(row.get("original_name") or "附件").stem)
    return (stem or "附件") + ext


def remove(ledger: "Ledger", attachment_id: int) -> None:
    """Move one attachment to the 回收站 (its file stays until 清理)."""
    ledger.delete("attachments", attachment_id)


def set_title(ledger: "Ledger", attachment_id: int, title: str, kind: str | None = None) -> None:
    changes = {"title": title}
    if kind is not None:
        changes["kind"] = kind
    ledger.update("attachments", attachment_id, changes)


# ---- with the record: 回收站 and back ----------------------------------------------------
def owner_deleted(ledger: "Ledger", owner_table: str, owner_id: int, stamp: str) -> None:
    """Called inside ``Ledger.delete``'s transaction: the record's attachments go with it,
    marked with the record's own ``deleted_at`` so that restoring it brings back exactly these."""
    if owner_table not in ATTACHMENT_OWNER_TABLES:
        return
    rows = ledger.query("SELECT * FROM attachments WHERE owner_table = ? AND owner_id = ? AND deleted_at IS NULL",
                        (owner_table, owner_id))
    if not rows:
        return
    ledger.conn.execute("UPDATE attachments SET deleted_at = ?, updated_at = ? "
                        "WHERE owner_table = ? AND owner_id = ? AND deleted_at IS NULL",
                        (stamp, stamp, owner_table, owner_id))
    marker = f"{owner_table}:{owner_id}"
    for r in rows:
        ledger._audit("attachments", r["id"], enums.AUDIT_DELETE, r, {**r, "deleted_at": stamp, _WITH_OWNER: marker})


def owner_restored(ledger: "Ledger", owner_table: str, owner_id: int, deleted_at: str, stamp: str) -> None:
    """Called inside ``Ledger.restore``'s transaction: the attachments deleted with the record
    (same ``deleted_at``) come back; ones removed by themselves before stay in the 回收站."""
    if owner_table not in ATTACHMENT_OWNER_TABLES:
        return
    rows = ledger.query("SELECT * FROM attachments WHERE owner_table = ? AND owner_id = ? AND deleted_at = ?",
                        (owner_table, owner_id, deleted_at))
    rows = [r for r in rows if _deleted_with_owner(ledger, r["id"])]
    for r in rows:
        ledger.conn.execute("UPDATE attachments SET deleted_at = NULL, updated_at = ? WHERE id = ?", (stamp, r["id"]))
        ledger._audit("attachments", r["id"], enums.AUDIT_RESTORE, r, {**r, "deleted_at": None})


def _deleted_with_owner(ledger: "Ledger", attachment_id: int) -> bool:
    """Whether the attachment's last 删除 was its record's (not one removed by itself in the same
    second: ``deleted_at`` has one-second resolution)."""
    after = ledger.scalar("SELECT after FROM audit_log WHERE table_name = 'attachments' AND row_id = ? "
                          "AND action = '删除' ORDER BY id DESC LIMIT 1", (attachment_id,))
    try:
        return bool(after) and _WITH_OWNER in json.loads(after)
    except ValueError:
        return False


def check_restore(ledger: "Ledger", row: dict) -> None:
    """An attachment restored alone needs its record out of the 回收站 first."""
    table = row.get("owner_table")
    if table in TABLES and ledger.get(table, row.get("owner_id")) is None:
        raise LedgerError(f"无法恢复：它所属的{OWNER_LABELS.get(table, '记录')}在回收站中，请先恢复那条记录")


# ---- health and 清理 ---------------------------------------------------------------------
def check_files(ledger: "Ledger", *, hashes: bool = True) -> list[str]:
    """Problems with the attachment files, as Chinese sentences (none: every row's file is whole)."""
    problems = []
    folder = folder_for(ledger.path)
    for r in ledger.query("SELECT id, title, sha256, bytes FROM attachments ORDER BY id"):
        path = folder / r["sha256"] if is_sha256(r["sha256"]) else None
        name = r["title"] or f"编号{r['id']}"
        if path is None or not path.is_file():
            problems.append(f"附件“{name}”的文件不见了")
        elif path.stat().st_size != r["bytes"] or (hashes and sha256_of_file(path) != r["sha256"]):
            problems.append(f"附件“{name}”的文件已被改动或损坏")
    return problems


def unreferenced_files(ledger: "Ledger") -> list[Path]:
    """Files in the folder that no row names (the 回收站 included) and left-over temporaries."""
    folder = folder_for(ledger.path)
    if not folder.is_dir():
        return []
    named = {r[0] for r in ledger.conn.execute("SELECT DISTINCT sha256 FROM attachments")}
    return sorted(p for p in folder.iterdir()
                  if p.is_file() and (p.name not in named and (is_sha256(p.name) or p.name.endswith(".tmp"))))


def clean_files(ledger: "Ledger") -> tuple[int, int]:
    """清理: delete the files no row names; returns (files, bytes) freed."""
    n = size = 0
    for p in unreferenced_files(ledger):
        try:
            s = p.stat().st_size
            p.unlink()
        except OSError:
            continue
        n += 1
        size += s
    return n, size


def summary_text(rows: list[dict]) -> str:
    """'照片3张、签到表1份' for a list of attachment rows."""
    counts: dict[str, int] = {}
    for r in rows:
        counts[r["kind"]] = counts.get(r["kind"], 0) + 1
    unit = {enums.ATTACHMENT_PHOTO: "张"}
    return "、".join(f"{k}{n}{unit.get(k, '份')}" for k, n in counts.items())



# ---- backups ---------------------------------------------------------------------------
def backup_folder(backup_dir: str | os.PathLike, ledger_path: str | os.PathLike) -> Path:
    """Where the backups of a ledger keep its attachment files: one folder shared by every
    backup in ``backup_dir`` (a file is copied once, whatever the number of backups)."""
    return Path(backup_dir) / f"{Path(ledger_path).stem}_附件"


def _named_in(db_path: Path) -> set[str]:
    import sqlite3

    from .backup import ro_uri

    con = sqlite3.connect(ro_uri(db_path), uri=True)
    try:
        if not con.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'attachments'").fetchone():
            return set()
        return {r[0] for r in con.execute("SELECT DISTINCT sha256 FROM attachments") if is_sha256(r[0])}
    finally:
        con.close()


def backup_files(ledger_path: str | os.PathLike, backup_db: str | os.PathLike,
                 backup_dir: str | os.PathLike) -> int:
    """After a backup copy ``backup_db`` is written: copy the files its rows name into the
    backups' attachment folder, incrementally (one already there is never copied again).
    Returns how many were copied; refuses when a file cannot be copied."""
    named = _named_in(Path(backup_db))
    if not named:
        return 0
    src = folder_for(ledger_path)
    dst = backup_folder(backup_dir, ledger_path)
    copied = 0
    for sha in sorted(named):
        if (dst / sha).is_file():
            continue
        source = src / sha
        if not source.is_file():
            continue  # already missing from the ledger's folder: check_files reports it
        store_file(dst, source, sha, source.stat().st_size)
        copied += 1
    return copied


def restore_files(backup_db: str | os.PathLike, ledger_path: str | os.PathLike) -> int:
    """After a backup is put in place of the ledger: bring back from the backups' attachment
    folder every file the restored rows name that the ledger's folder lacks."""
    ledger_path = Path(ledger_path)
    src = backup_folder(Path(backup_db).parent, ledger_path)
    dst = folder_for(ledger_path)
    restored = 0
    for sha in sorted(_named_in(ledger_path)):
        if (dst / sha).is_file():
            continue
        source = src / sha
        if source.is_file():
            store_file(dst, source, sha, source.stat().st_size)
            restored += 1
    return restored
