"""Copies of a ledger made with the SQLite backup API (consistent even while it is open).

A backup is named ``<stem>_<YYYYMMDD-HHMMSS>_<reason>.sqlite`` and lives in a folder beside
the ledger (``<stem>_备份``) unless settings choose another. The name carries when and why
it was made, so listing needs no side files. Each new backup rotates the folder: the
``KEEP_LATEST`` newest stay, plus the newest of each month for ``KEEP_MONTHS`` months.
Rotation only ever deletes files whose names match this ledger's pattern.
"""

from __future__ import annotations

import datetime as _dt
import os
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from .sqlitefile import absent_sidecars, has_sqlite_header, ro_uri, silent_unlink, tidy_after_read
from .errors import LedgerError, raise_storage, storage_kind

KEEP_LATEST = 10
KEEP_MONTHS = 12

# Why a backup was made; the words end up in file names and in the window's list.
REASON_MANUAL = "手动"
REASON_DAILY = "自动"
REASON_MIGRATION = "升级前"
REASON_IMPORT = "导入前"
REASON_RESTORE = "恢复前"
REASON_ROSTER = "导入花名册前"
REASON_EXIT = "退出时"
# Only names this program makes are listed, and so only they are ever rotated away: a copy the
# person made in Explorer ("台账_20250301-120000_手动 - 副本.sqlite") is theirs and stays.
REASONS = (REASON_MANUAL, REASON_DAILY, REASON_MIGRATION, REASON_IMPORT, REASON_RESTORE, REASON_ROSTER,
           REASON_EXIT)

_STAMP_FORMAT = "%Y%m%d-%H%M%S"
# Stale temporary copies (a crash mid-backup) are swept once they are this old.
_TMP_MAX_AGE_S = 3600


@dataclass(frozen=True)
class BackupInfo:
    """One backup file: where it is, when and why it was made, how big it is (bytes)."""

    path: Path
    made_at: _dt.datetime
    reason: str
    size: int


def default_backup_dir(ledger_path: str | os.PathLike) -> Path:
    p = Path(ledger_path)
    return p.parent / f"{p.stem}_备份"


def _name_pattern(stem: str) -> re.Pattern:
    reasons = "|".join(re.escape(r) for r in REASONS)
    return re.compile(re.escape(stem) + r"_(\d{8}-\d{6})_(" + reasons + r")(?:_\d+)?\.sqlite")


def list_backups(ledger_path: str | os.PathLike, folder: str | os.PathLike | None = None) -> list[BackupInfo]:
    """Backups of this ledger in ``folder`` (default: beside it), newest first."""
    src = Path(ledger_path)
    where = Path(folder) if folder else default_backup_dir(src)
    if not where.is_dir():
        return []
    pattern = _name_pattern(src.stem)
    out = []
    for entry in where.iterdir():
        m = pattern.fullmatch(entry.name)
        if not m or not entry.is_file():
            continue
        try:
            made_at = _dt.datetime.strptime(m.group(1), _STAMP_FORMAT)
            size = entry.stat().st_size
        except (ValueError, OSError):
            continue
        out.append(BackupInfo(entry, made_at, m.group(2), size))
    out.sort(key=lambda b: (b.made_at, b.path.name), reverse=True)
    return out


def has_backup_on(ledger_path: str | os.PathLike, day: _dt.date,
                  folder: str | os.PathLike | None = None) -> bool:
    return any(b.made_at.date() == day for b in list_backups(ledger_path, folder))


def backup_ledger(ledger_path: str | os.PathLike, to_dir: str | os.PathLike | None = None,
                  reason: str = REASON_MANUAL, *, conn: sqlite3.Connection | None = None,
                  rotate: bool = True) -> Path:
    """Write a consistent copy of the ledger into ``to_dir``; returns the copy's path.

    Args:
        ledger_path: the ledger file.
        to_dir: the backup folder (default ``<stem>_备份`` beside the ledger).
        reason: one of the ``REASON_*`` words, kept in the file name.
        conn: an open connection to read from (the Ledger's own); otherwise a read-only one.
        rotate: thin out older backups of this ledger in the folder afterwards.

    The copy is written to a temporary name, checked, and renamed, so a crash never leaves
    a half-written file that looks like a backup. A source that is not a sound ledger is
    refused (the copy would be useless and could push good backups out of the rotation).
    """
    src_path = Path(ledger_path)
    if reason not in REASONS:
        raise ValueError(f"unknown backup reason {reason!r}")  # a name rotation would not recognise
    if not src_path.is_file():
        raise LedgerError(f"找不到台账文件“{src_path}”")
    if not has_sqlite_header(src_path):
        raise LedgerError(f"“{src_path.name}”不是党支部工作台的台账文件，未备份")
    target_dir = Path(to_dir) if to_dir else default_backup_dir(src_path)
    made_dir = not target_dir.exists()
    try:
        target_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise_storage(exc, target_dir, "备份")
        raise LedgerError(f"无法创建备份文件夹“{target_dir}”：{exc.strerror or exc}") from None
    stamp = _dt.datetime.now().strftime(_STAMP_FORMAT)
    target = target_dir / f"{src_path.stem}_{stamp}_{reason}.sqlite"
    n = 1
    while target.exists():
        n += 1
        target = target_dir / f"{src_path.stem}_{stamp}_{reason}_{n}.sqlite"
    tmp = target.with_name(target.name + ".tmp")
    absent = absent_sidecars(src_path)
    try:
        src = conn or sqlite3.connect(ro_uri(src_path), uri=True)
        try:
            dst = sqlite3.connect(str(tmp))
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode = DELETE")
                _check_copy(dst, src_path)
            finally:
                dst.close()
        finally:
            if conn is None:
                src.close()
                tidy_after_read(src_path, absent)
        os.replace(tmp, target)
        from .attachments import backup_files  # attachments imports this module

        backup_files(src_path, target, target_dir)  # the 附件 folder, incrementally
    except sqlite3.Error as exc:
        silent_unlink(tmp)
        # A full, read-only or failing backup drive is not a damaged ledger: say which it is.
        kind = storage_kind(exc)
        raise_storage(exc, src_path if kind == "busy" else target_dir, "备份")
        raise LedgerError(f"备份失败：台账文件“{src_path.name}”无法读取或已损坏（{exc}）") from None
    except OSError as exc:
        silent_unlink(tmp)
        raise_storage(exc, target_dir, "备份")
        raise LedgerError(f"备份失败：{exc.strerror or exc}") from None
    except BaseException:
        silent_unlink(tmp)
        raise
    finally:
        if made_dir and not target.exists():
            try:  # a refused backup leaves no empty folder beside the ledger
                target_dir.rmdir()
            except OSError:
                pass
    if rotate:
        rotate_backups(src_path, target_dir, keep=target)
    return target


def _check_copy(dst: sqlite3.Connection, src_path: Path) -> None:
    result = dst.execute("PRAGMA integrity_check").fetchone()[0]
    if result != "ok":
        raise LedgerError(f"备份失败：台账文件“{src_path.name}”已损坏（完整性检查未通过）")
    dangling = dst.execute("PRAGMA foreign_key_check").fetchall()
    if dangling:
        raise LedgerError(f"备份失败：台账文件“{src_path.name}”已损坏（有{len(dangling)}处引用了不存在的记录）")
    tables = {r[0] for r in dst.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    version = dst.execute("PRAGMA user_version").fetchone()[0]
    if version < 1 or not {"members", "meetings", "branch"} <= tables:
        raise LedgerError(f"“{src_path.name}”不是党支部工作台的台账文件，未备份")


def backups_to_keep(backups: list[BackupInfo], today: _dt.date | None = None,
                    keep_latest: int = KEEP_LATEST, keep_months: int = KEEP_MONTHS) -> set[Path]:
    """The rotation rule: the newest ``keep_latest``, plus the newest of each of the last
    ``keep_months`` calendar months (this month included)."""
    today = today or _dt.date.today()
    newest_first = sorted(backups, key=lambda b: (b.made_at, b.path.name), reverse=True)
    keep = {b.path for b in newest_first[:keep_latest]}
    first_month = today.year * 12 + today.month - 1 - (keep_months - 1)
    seen_months: set[int] = set()
    for b in newest_first:
        month = b.made_at.year * 12 + b.made_at.month - 1
        if month >= first_month and month not in seen_months:
            seen_months.add(month)
            keep.add(b.path)
    return keep


def rotate_backups(ledger_path: str | os.PathLike, folder: str | os.PathLike | None = None,
                   keep: Path | None = None, today: _dt.date | None = None) -> list[Path]:
    """Delete this ledger's backups the rotation rule lets go; returns what was deleted."""
    src = Path(ledger_path)
    where = Path(folder) if folder else default_backup_dir(src)
    backups = list_backups(src, where)
    kept = backups_to_keep(backups, today)
    if keep is not None:
        kept.add(keep)
    gone = []
    for b in backups:
        if b.path not in kept:
            try:
                b.path.unlink()
                gone.append(b.path)
            except OSError:
                pass  # in use or read-only: try again at the next backup
    pattern = _name_pattern(src.stem)
    now = _dt.datetime.now().timestamp()
    for entry in where.glob("*.sqlite.tmp"):
        try:
            if pattern.fullmatch(entry.name[:-4]) and now - entry.stat().st_mtime > _TMP_MAX_AGE_S:
                entry.unlink()
        except OSError:
            pass
    return gone

