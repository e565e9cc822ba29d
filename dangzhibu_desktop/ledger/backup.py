"""Copies of a ledger made with the SQLite backup API (consistent even while it is open)."""

from __future__ import annotations

import datetime as _dt
import os
import sqlite3
from pathlib import Path

from .validate import LedgerError


def default_backup_dir(ledger_path: str | os.PathLike) -> Path:
    p = Path(ledger_path)
    return p.parent / f"{p.stem}_备份"


def backup_ledger(ledger_path: str | os.PathLike, to_dir: str | os.PathLike | None = None,
                  reason: str = "手动") -> Path:
    """Write a consistent copy of the ledger into ``to_dir``; returns the copy's path.

    The copy is written to a temporary name and renamed, so a crash never leaves a
    half-written file that looks like a backup.
    """
    src_path = Path(ledger_path)
    if not src_path.exists():
        raise LedgerError(f"找不到台账文件“{src_path}”")
    target_dir = Path(to_dir) if to_dir else default_backup_dir(src_path)
    try:
        target_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise LedgerError(f"无法创建备份文件夹“{target_dir}”：{exc.strerror or exc}") from None
    stamp = _dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = target_dir / f"{src_path.stem}_{stamp}_{reason}.sqlite"
    n = 1
    while target.exists():
        n += 1
        target = target_dir / f"{src_path.stem}_{stamp}_{reason}_{n}.sqlite"
    tmp = target.with_suffix(".tmp")
    try:
        src = sqlite3.connect(f"file:{src_path}?mode=ro", uri=True)
        try:
            dst = sqlite3.connect(str(tmp))
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode = DELETE")
            finally:
                dst.close()
        finally:
            src.close()
        os.replace(tmp, target)
    except sqlite3.DatabaseError as exc:
        tmp.unlink(missing_ok=True)
        raise LedgerError(f"备份失败：台账文件无法读取（{exc}）") from None
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise LedgerError(f"备份失败：{exc.strerror or exc}") from None
    return target
