"""Data package version 2: a .zip holding ``package.json`` (the version 1 document plus
``attachments``) and ``files/<sha256>`` (DESIGN.md "Attachments and package version 2").

Writing: every member carries a fixed date, so the same ledger gives the same bytes. Reading is
all or nothing: every name, size and hash in the archive is checked, and every file copied out
and hashed, before a row is written; a zip whose file is missing or altered, whose names escape
the archive (``..``, absolute paths, drive letters), with an oversized member (a zip bomb) or of
a newer version is refused whole and nothing is written.
"""

from __future__ import annotations

import hashlib
import io
import os
import shutil
import tempfile
import zipfile
from pathlib import Path

from . import attachments as _att
from .package import ATTACHMENTS_KEY, PackageError, _LazyPackage, _check_header, import_package, write_document
from .store import Ledger

DOCUMENT = "package.json"
FILES_DIR = "files/"
_FIXED_DATE = (2000, 1, 1, 0, 0, 0)  # zip members' date: the archive's bytes follow the ledger only

# Limits against hostile archives (a zip bomb expands a few KB into gigabytes).
MAX_DOCUMENT_BYTES = 1024 * 1024 * 1024  # package.json of ten large years is ~100 MB
MAX_FILE_BYTES = _att.MAX_BYTES
MAX_TOTAL_BYTES = 64 * 1024 * 1024 * 1024
MAX_MEMBERS = 200_000
MAX_RATIO = 200  # uncompressed / compressed of one member; JSON packs ~10×, photos and PDFs ~1×


def is_zip(path: str | os.PathLike) -> bool:
    try:
        with open(path, "rb") as fh:
            return fh.read(4) == b"PK\x03\x04"
    except OSError:
        return False


def _info(name: str, compress: int) -> zipfile.ZipInfo:
    zi = zipfile.ZipInfo(name, date_time=_FIXED_DATE)
    zi.compress_type = compress
    zi.external_attr = 0o644 << 16
    return zi


def write_package_zip(ledger: Ledger, out: str | os.PathLike) -> Path:
    """Write the version 2 package to ``out`` (.zip); returns it. Refuses (nothing left behind)
    when an attachment's file is missing or no longer matches its hash."""
    out = Path(out)
    tmp = out.with_name(out.name + ".tmp")
    folder = _att.folder_for(ledger.path)
    try:
        with zipfile.ZipFile(tmp, "w", allowZip64=True) as z:
            with z.open(_info(DOCUMENT, zipfile.ZIP_DEFLATED), "w", force_zip64=True) as raw:
                with io.TextIOWrapper(raw, encoding="utf-8", newline="") as fh:
                    write_document(ledger, fh, version=2)
            seen = set()
            for r in ledger.query("SELECT id, title, sha256 FROM attachments ORDER BY id"):
                sha = r["sha256"]
                if sha in seen:
                    continue
                seen.add(sha)
                src = folder / sha if _att.is_sha256(sha) else None
                if src is None or not src.is_file():
                    raise PackageError(f"附件“{r['title'] or r['id']}”的文件不见了，无法导出数据包"
                                       f"（请先在该记录中删除或重新添加它）")
                h = hashlib.sha256()
                with open(src, "rb") as fin, z.open(_info(FILES_DIR + sha, zipfile.ZIP_STORED), "w",
                                                    force_zip64=True) as fout:
                    while block := fin.read(1 << 20):
                        h.update(block)
                        fout.write(block)
                if h.hexdigest() != sha:
                    raise PackageError(f"附件“{r['title'] or r['id']}”的文件已被改动或损坏，无法导出数据包")
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    os.replace(tmp, out)
    return out


def _check_name(name: str) -> str | None:
    """The sha256 of a ``files/`` member, None for the document; refuses anything else."""
    if name == DOCUMENT:
        return None
    bad = (name.startswith(("/", "\\")) or "\\" in name or ".." in name.split("/")
           or (len(name) > 1 and name[1] == ":"))
    if bad:
        raise PackageError(f"数据包中的文件名“{name}”指向数据包以外的位置，已拒绝")
    if name.startswith(FILES_DIR) and _att.is_sha256(name[len(FILES_DIR):]):
        return name[len(FILES_DIR):]
    raise PackageError(f"数据包中有不认识的文件“{name}”")


def _check_members(z: zipfile.ZipFile) -> tuple[zipfile.ZipInfo, dict[str, zipfile.ZipInfo]]:
    infos = z.infolist()
    if len(infos) > MAX_MEMBERS:
        raise PackageError("数据包中的文件过多，已拒绝")
    document = None
    files: dict[str, zipfile.ZipInfo] = {}
    total = 0
    for zi in infos:
        if zi.is_dir():
            if zi.filename.rstrip("/") + "/" != FILES_DIR:
                _check_name(zi.filename)
            continue
        sha = _check_name(zi.filename)
        limit = MAX_DOCUMENT_BYTES if sha is None else MAX_FILE_BYTES
        total += zi.file_size
        if (zi.file_size > limit or total > MAX_TOTAL_BYTES
                or zi.file_size > MAX_RATIO * max(zi.compress_size, 1024)):
            raise PackageError(f"数据包中的“{zi.filename}”解压后过大（{zi.file_size}字节），已拒绝")
        if zi.flag_bits & 0x1:
            raise PackageError("数据包已加密，无法导入")
        if sha is None:
            if document is not None:
                raise PackageError(f"数据包中“{DOCUMENT}”出现了不止一次")
            document = zi
        else:
            if sha in files:
                raise PackageError(f"数据包中“{zi.filename}”出现了不止一次")
            files[sha] = zi
    if document is None:
        raise PackageError(f"数据包中缺少“{DOCUMENT}”")
    return document, files


def _copy_out(z: zipfile.ZipFile, zi: zipfile.ZipInfo, target: Path, limit: int) -> str:
    """Copy one member to ``target`` reading at most ``limit`` bytes; returns its sha256."""
    h = hashlib.sha256()
    n = 0
    with z.open(zi) as fin, open(target, "wb") as fout:
        while block := fin.read(1 << 20):
            n += len(block)
            if n > limit:
                raise PackageError(f"数据包中的“{zi.filename}”解压后过大，已拒绝")
            h.update(block)
            fout.write(block)
        fout.flush()
        os.fsync(fout.fileno())
    return h.hexdigest()


def import_package_zip(ledger: Ledger, path: str | os.PathLike) -> dict[str, int]:
    """Import a version 2 package into an empty ledger, all or nothing (see the module)."""
    path = Path(path)
    try:
        z = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise PackageError(f"数据包不是有效的zip文件（{exc}）") from None
    staging = None
    made_folder = False
    folder = _att.folder_for(ledger.path)
    try:
        with z:
            document, members = _check_members(z)
            # Every file copied out and hashed before anything is written to the ledger: into the
            # attachment folder itself, so that placing it is a rename, not a second copy.
            folder = _att.folder_for(ledger.path)
            made_folder = not folder.exists()
            try:
                folder.mkdir(parents=True, exist_ok=True)
                staging = Path(tempfile.mkdtemp(prefix=".导入-", dir=folder))
            except OSError as exc:
                raise PackageError(f"无法在“{folder}”中保存附件：{exc.strerror or exc}") from None
            files: dict[str, Path] = {}
            for sha, zi in members.items():
                target = staging / sha
                try:
                    got = _copy_out(z, zi, target, MAX_FILE_BYTES)
                except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError) as exc:
                    raise PackageError(f"数据包中的“{zi.filename}”已损坏（{exc}）") from None
                if got != sha:
                    raise PackageError(f"数据包中的“{zi.filename}”与它的摘要不符（文件已被改动或损坏）")
                files[sha] = target
            try:
                with z.open(document) as fh:
                    raw = fh.read(MAX_DOCUMENT_BYTES + 1)
            except (zipfile.BadZipFile, OSError, EOFError) as exc:
                raise PackageError(f"数据包中的“{DOCUMENT}”已损坏（{exc}）") from None
        if len(raw) > MAX_DOCUMENT_BYTES:
            raise PackageError(f"数据包中的“{DOCUMENT}”过大，已拒绝")
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise PackageError(f"数据包中的“{DOCUMENT}”应为UTF-8编码的JSON") from None
        del raw
        if not _LazyPackage.is_object(text):
            raise PackageError("这不是党支部工作台的数据包（format 应为 dangzhibu-package）")
        doc = _LazyPackage(text)
        _check_header(doc)
        if doc.get("version") < 2 and files:
            raise PackageError("数据包版本1不带附件，但zip中有附件文件")
        del text
        ledger.backup_before_import()
        return import_package(ledger, doc, files)
    finally:
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)
            if made_folder:
                try:
                    folder.rmdir()  # only when the refused import left it empty
                except OSError:
                    pass


__all__ = ["write_package_zip", "import_package_zip", "is_zip", "ATTACHMENTS_KEY"]
