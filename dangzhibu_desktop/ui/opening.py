"""Opening ledger files from the window: new, demo, existing — with the offer of the latest
good backup when a file cannot be opened."""

from __future__ import annotations

import datetime as _dt
import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox

from .. import paths
from ..ledger import open_ledger as _open_ledger
from ..ledger.errors import ReadOnlyStorageError
from ..ledger.validate import LedgerError
from . import settings as _settings


def _safety():
    try:
        from ..ledger import safety
    except ModuleNotFoundError:
        return None
    return safety


def _chosen_backup_dirs() -> dict:
    try:
        found = json.loads(_settings.get(_settings.BACKUP_DIRS) or "{}")
    except ValueError:
        return {}
    return found if isinstance(found, dict) else {}


def chosen_backup_dir(path: str | Path) -> Path | None:
    """The backup folder chosen in 设置 for this ledger, or None (beside the ledger)."""
    folder = _chosen_backup_dirs().get(str(Path(path).resolve()))
    return Path(folder) if isinstance(folder, str) and folder else None


def choose_backup_dir(path: str | Path, folder: str | Path | None) -> None:
    """Remember ``folder`` as this ledger's backup folder (None: back beside the ledger)."""
    dirs = _chosen_backup_dirs()
    key = str(Path(path).resolve())
    if folder:
        dirs[key] = str(Path(folder))
    else:
        dirs.pop(key, None)
    _settings.put(_settings.BACKUP_DIRS, json.dumps(dirs, ensure_ascii=False))


def open_ledger(path: str | Path, **kwargs):
    """``ledger.open_ledger`` with the backup folder chosen in 设置: the daily, pre-upgrade,
    manual, import, roster and exit backups all go there. A chosen folder that is missing (the
    USB stick not plugged in) is said once and the backups go beside the ledger meanwhile."""
    folder = chosen_backup_dir(path)
    missing = folder is not None and not folder.is_dir()
    ledger = _open_ledger(path, backup_dir=None if missing else folder, **kwargs)
    if missing:
        ledger.warnings.append(f"设置的备份文件夹“{folder}”现在找不到（U盘或移动硬盘未连接？），"
                               f"本次的备份保存在台账旁的“{ledger.backup_dir}”。")
    return ledger


def demo_path() -> Path:
    """The demo ledger, built on first use."""
    path = paths.demo_ledger_path()
    if not path.exists() or path.stat().st_size == 0:
        from ..demo import build_demo

        QGuiApplication.setOverrideCursor(Qt.WaitCursor)
        try:
            build_demo(path, "small", _dt.date.today().year)
        finally:
            QGuiApplication.restoreOverrideCursor()
    return path


def create_ledger(path: str | Path, branch: dict):
    """A new ledger file with its branch row; refuses to overwrite an existing ledger."""
    p = Path(path)
    if p.exists() and p.stat().st_size > 0:
        raise LedgerError(f"文件“{p.name}”已存在，请换一个文件名")
    ledger = open_ledger(p, create=True)
    try:
        ledger.save_branch(branch)
    except BaseException:
        ledger.close()
        p.unlink(missing_ok=True)
        raise
    return ledger


# The ledger the last ``open_with_recovery`` found open in another window (it said so), else None.
locked_elsewhere: Path | None = None


def open_with_recovery(path: str | Path, parent=None, ask: bool = True):
    """Open a ledger; on failure explain in Chinese and offer the latest good backup. A file
    that cannot be written opens read-only (``ledger.readonly``, the window says so).

    Returns the Ledger, or None when it could not be opened (the user was told why).
    """
    global locked_elsewhere
    p = Path(path)
    safety = _safety()
    locked_elsewhere = None
    try:
        return open_ledger(p)
    except ReadOnlyStorageError as exc:
        # A file on a CD, a write-protected stick or without write permission: still readable.
        try:
            ledger = open_ledger(p, readonly=True)
        except LedgerError:
            message, locked = str(exc), False
        else:
            ledger.readonly_reason = str(exc)
            return ledger
    except LedgerError as exc:
        message = str(exc)
        locked_error = getattr(safety, "LedgerLockedError", None)
        locked = locked_error is not None and isinstance(exc, locked_error)
        if locked:
            locked_elsewhere = p
    backup = None
    if safety is not None and not locked and p.exists():
        try:
            backup = safety.latest_good_backup(p, chosen_backup_dir(p))
        except (LedgerError, OSError):
            backup = None
    if not ask:
        return None
    if backup is None:
        QMessageBox.warning(parent, "无法打开台账", message)
        return None
    answer = QMessageBox.question(
        parent, "无法打开台账",
        f"{message}\n\n找到最近一份完好的备份：\n{backup.name}\n是否用它恢复台账？"
        "（恢复前会先把当前文件另存一份。）",
        QMessageBox.Yes | QMessageBox.No, QMessageBox.Yes)
    if answer != QMessageBox.Yes:
        return None
    try:
        safety.restore_backup(backup, p, chosen_backup_dir(p))
        return open_ledger(p)
    except LedgerError as exc:
        QMessageBox.warning(parent, "恢复失败", str(exc))
        return None


def remember(path: str | Path) -> None:
    """The ledger to reopen next time, first in the 最近打开 list."""
    text = str(Path(path).resolve())
    _settings.put(_settings.LAST_LEDGER, text)
    recent = [p for p in recent_ledgers(existing_only=False) if p != text]
    _settings.put(_settings.RECENT, json.dumps([text, *recent][:_settings.RECENT_MAX], ensure_ascii=False))


def recent_ledgers(existing_only: bool = True) -> list[str]:
    try:
        items = json.loads(_settings.get(_settings.RECENT) or "[]")
    except ValueError:
        return []
    items = [str(p) for p in items if isinstance(p, str)]
    return [p for p in items if Path(p).is_file()] if existing_only else items


def last_ledger() -> Path | None:
    text = _settings.get(_settings.LAST_LEDGER)
    if text and Path(text).is_file():
        return Path(text)
    return None
