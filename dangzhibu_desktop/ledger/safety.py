"""Data safety: checks before a file is opened, the single-writer lock, restore from a
backup, and masking of personal data in log output.

What the window needs from here:
- ``list_backups(ledger_path, folder=None) -> list[BackupInfo]`` (newest first);
- ``latest_good_backup(ledger_path, folder=None) -> Path | None``;
- ``restore_backup(backup_path, ledger_path, folder=None) -> Path`` (backs up the current
  file first; refuses while any window has the ledger open);
- ``LedgerLockedError`` (a LedgerError) when the ledger is open in another window.

Nothing here imports ``store``; ``store`` calls into this module when it opens a file.
"""

from __future__ import annotations

import datetime as _dt
import errno
import json
import logging
import os
import re
import shutil
import socket
import sqlite3
import threading
import weakref
from pathlib import Path

from .backup import (
    REASON_RESTORE,
    BackupInfo,
    backup_ledger,
    default_backup_dir,
    list_backups,
    ro_uri,
)
from .migrations import SCHEMA_VERSION
from .validate import LedgerError

__all__ = [
    "BackupInfo", "LedgerLock", "LedgerLockedError", "NeedsRecovery", "PersonalDataFilter",
    "backup_ledger", "check_contents", "check_header", "inspect_file", "install_log_masking",
    "is_good_backup", "latest_good_backup", "list_backups", "mask_personal_data", "restore_backup",
]

SQLITE_HEADER = b"SQLite format 3\x00"
LEDGER_TABLES = frozenset({"members", "meetings", "branch"})


# ---- checks before anything is written ------------------------------------------------
class NeedsRecovery(Exception):
    """The file holds a hot journal from a crash: only a writable connection can roll it back."""


def check_header(path: Path) -> None:
    """Refuse at once what is not a SQLite file (no SQLite connection is made to it)."""
    with open(path, "rb") as fh:
        if fh.read(16) != SQLITE_HEADER:
            raise LedgerError(f"“{path.name}”不是党支部工作台的台账文件")


def check_contents(conn: sqlite3.Connection, path: Path) -> int:
    """Integrity, references, what kind of file and which version; returns the version.

    Only reads. Raises LedgerError (one Chinese sentence) for a damaged file, a database of
    another program, or one written by a newer version of this software.
    """
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if version > SCHEMA_VERSION:
            raise LedgerError(f"台账文件“{path.name}”由更新版本的党支部工作台创建（数据版本{version}），"
                              f"请升级本软件后再打开")
        if version == 0 and tables - {"sqlite_sequence"}:
            raise LedgerError(f"“{path.name}”是其他程序的数据库，不是党支部台账")
        if version > 0 and not LEDGER_TABLES <= tables:
            raise LedgerError(f"“{path.name}”不是党支部工作台的台账文件")
        result = [r[0] for r in conn.execute("PRAGMA integrity_check(20)")]
        if result != ["ok"]:
            raise LedgerError(f"台账文件“{path.name}”已损坏（完整性检查未通过）")
        dangling = conn.execute("PRAGMA foreign_key_check").fetchall()
        if dangling:
            raise LedgerError(f"台账文件“{path.name}”已损坏：有{len(dangling)}处引用了不存在的记录")
    except sqlite3.DatabaseError as exc:
        code = getattr(exc, "sqlite_errorname", "") or ""
        if code == "SQLITE_READONLY_ROLLBACK":
            raise NeedsRecovery() from None
        # Not every failure to read is damage: say so, or people restore needlessly.
        if code.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
            raise LedgerError(f"台账“{path.name}”正被其他程序使用，请稍后再试") from None
        if code.startswith(("SQLITE_CANTOPEN", "SQLITE_READONLY", "SQLITE_PERM", "SQLITE_IOERR")):
            raise LedgerError(f"无法读取台账文件“{path.name}”（文件夹可能是只读的，或文件正被占用）") from None
        raise LedgerError(f"台账文件“{path.name}”已损坏，无法读取") from None
    return version


def inspect_file(path: Path) -> int:
    """Check an existing file through a read-only connection; returns its schema version.

    Raises NeedsRecovery when a crash left a rollback journal (the checks must then run on
    the writable connection, whose first read rolls the unfinished transaction back).
    """
    check_header(path)
    sidecars = wal_sidecars(path)
    absent = [p for p in sidecars if not p.exists()]
    try:
        conn = sqlite3.connect(ro_uri(path), uri=True)
    except sqlite3.Error:
        raise LedgerError(f"无法打开台账文件“{path.name}”") from None
    try:
        version = check_contents(conn, path)
        conn.close()
        tidy_after_read(path, absent)
        return version
    except LedgerError:
        conn.close()
        # A read-only look at a WAL-mode file creates empty -wal/-shm files; a refused
        # file is left exactly as it was found.
        wal = sidecars[0]
        if wal in absent and (not wal.exists() or wal.stat().st_size == 0):
            for p in absent:
                _silent_unlink(p)
        raise
    finally:
        conn.close()


def wal_sidecars(path: Path) -> list[Path]:
    """``<file>-wal`` and ``<file>-shm``: SQLite makes both for any reader of a WAL-mode file."""
    path = Path(path)
    return [path.with_name(path.name + s) for s in ("-wal", "-shm")]


def tidy_after_read(path: Path, absent_before: list[Path]) -> None:
    """Take away the -wal/-shm files a read-only look created, the way SQLite itself does.

    A ``mode=ro`` connection cannot take the exclusive lock SQLite needs before it removes
    them at close, so ``check``/``export`` on a closed ledger would leave an empty -wal and
    a -shm beside it. Only when both were absent before the read and the -wal is still
    empty, a plain connection is opened and closed: its close removes them only if it is
    the last connection to the file (SQLite checks with that lock), so a window or another
    reader that has the file open keeps its files, and a -wal with content is never touched.
    """
    path = Path(path)
    sidecars = wal_sidecars(path)
    if len(absent_before) != len(sidecars) or not any(p.exists() for p in sidecars):
        return  # they were there already (a window has the file open), or none were made
    if path.with_name(path.name + "-journal").exists():
        return
    try:
        if sidecars[0].exists() and sidecars[0].stat().st_size > 0:
            return  # a writer's committed pages: its own close or next open checkpoints them
        conn = sqlite3.connect(str(path), timeout=1)
    except (OSError, sqlite3.Error):
        return
    try:
        conn.execute("PRAGMA query_only = ON")
        conn.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchall()
    except sqlite3.Error:
        pass
    finally:
        conn.close()


def is_good_backup(path: Path) -> bool:
    """A backup that opens: a sound ledger of a version this software can read."""
    try:
        return inspect_file(Path(path)) >= 1
    except (LedgerError, NeedsRecovery, OSError):
        return False


def latest_good_backup(ledger_path: str | os.PathLike, folder: str | os.PathLike | None = None) -> Path | None:
    """The newest backup of this ledger that passes the checks at open, or None."""
    for b in list_backups(ledger_path, folder):
        if is_good_backup(b.path):
            return b.path
    return None


# ---- network drives -------------------------------------------------------------------
_NETWORK_FS = {"nfs", "nfs4", "cifs", "smb", "smb2", "smb3", "smbfs", "afs", "ncpfs", "9p",
               "fuse.sshfs", "sshfs", "fuse.rclone", "davfs", "fuse.davfs2", "glusterfs", "ceph",
               "fuse.glusterfs", "fuse.s3fs", "webdav"}


def mount_fstype(path: str, mounts_text: str) -> str | None:
    """File-system type of the longest mount point containing ``path`` (``/proc/mounts`` text)."""
    best, fstype = "", None
    for line in mounts_text.splitlines():
        parts = line.split()
        if len(parts) < 3:
            continue
        point = parts[1].replace("\\040", " ")
        inside = path == point or path.startswith(point.rstrip("/") + "/")
        if inside and len(point) >= len(best):
            best, fstype = point, parts[2]
    return fstype


def is_network_path(path: Path) -> bool:
    """True for UNC paths, Windows network drives and Linux network mounts."""
    raw = str(path)
    if raw.startswith("\\\\") or raw.startswith("//"):
        return True
    text = str(Path(raw).resolve())
    if text.startswith("\\\\") or text.startswith("//"):
        return True
    if os.name == "nt":
        try:
            import ctypes

            drive = os.path.splitdrive(text)[0] + "\\"
            return ctypes.windll.kernel32.GetDriveTypeW(drive) == 4  # DRIVE_REMOTE
        except Exception:
            return False
    try:
        with open("/proc/mounts", encoding="utf-8", errors="replace") as fh:
            return mount_fstype(text, fh.read()) in _NETWORK_FS
    except OSError:
        return False


# ---- one writer -----------------------------------------------------------------------
class LedgerLockedError(LedgerError):
    """The ledger is open for writing elsewhere (another window, process or computer)."""


_held: "weakref.WeakValueDictionary[str, LedgerLock]" = weakref.WeakValueDictionary()
_held_guard = threading.Lock()
# Windows locks a byte range; lock one far past the pid/host text so others can read it.
_WIN_LOCK_OFFSET = 1 << 20


def lock_path_for(ledger_path: Path) -> Path:
    return ledger_path.with_name(ledger_path.name + ".lock")


def _key(path: Path) -> str:
    return os.path.normcase(os.path.realpath(path))


class LedgerLock:
    """An OS lock on ``<ledger>.lock`` held while a Ledger is open for writing.

    The OS drops the lock when the process dies, so a crash never leaves a ledger blocked;
    the file only carries pid/host for the message shown to the second window.
    """

    def __init__(self, ledger_path: Path):
        self.ledger_path = Path(ledger_path)
        # Beside the real file, so a second path to it (a symlink) meets the same lock.
        self.path = lock_path_for(Path(os.path.realpath(self.ledger_path)))
        self._fh = None
        self.warning: str | None = None

    def acquire(self) -> "LedgerLock":
        key = _key(self.ledger_path)
        with _held_guard:
            other = _held.get(key)
            if other is not None and other.held:
                raise LedgerLockedError(_locked_message(self.ledger_path, None))
            for _ in range(10):
                fh = self._open_lock_file()
                if not self._os_lock(fh):
                    info = _read_info(self.path)
                    fh.close()
                    raise LedgerLockedError(_locked_message(self.ledger_path, info))
                if self._same_file(fh):
                    break
                fh.close()  # the holder removed it as we opened it: take the new one
            else:
                raise LedgerError(f"无法锁定台账“{self.ledger_path.name}”，请稍后再试")
            self._fh = fh
            self._write_info()
            _held[key] = self
        return self

    @property
    def held(self) -> bool:
        return self._fh is not None

    def release(self) -> None:
        fh, self._fh = self._fh, None
        if fh is None:
            return
        with _held_guard:
            if _held.get(_key(self.ledger_path)) is self:
                del _held[_key(self.ledger_path)]
        if os.name != "nt":
            # Remove while still locked: anyone who opened the old file then sees it changed.
            _silent_unlink(self.path)
        try:
            if os.name == "nt":
                import msvcrt

                fh.seek(_WIN_LOCK_OFFSET)
                msvcrt.locking(fh.fileno(), msvcrt.LK_UNLCK, 1)
        except OSError:
            pass
        fh.close()
        if os.name == "nt":
            _silent_unlink(self.path)  # fails while another process has it open; harmless

    def _open_lock_file(self):
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise LedgerError(f"无法在“{self.path.parent}”中创建锁文件（{exc.strerror or exc}），"
                              f"该文件夹可能是只读的；可以只读方式查看或导出") from None
        return os.fdopen(fd, "r+b")

    def _os_lock(self, fh) -> bool:
        """Take the lock without waiting; False when someone else holds it."""
        try:
            if os.name == "nt":
                import msvcrt

                fh.seek(_WIN_LOCK_OFFSET)
                msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except OSError as exc:
            if exc.errno in (errno.ENOLCK, errno.EOPNOTSUPP, errno.ENOSYS):
                # Some network file systems cannot lock at all: open, but say so.
                self.warning = "台账所在位置不支持文件锁，无法阻止在其他电脑上同时修改，请避免多人同时打开"
                return True
            return False

    def _same_file(self, fh) -> bool:
        if os.name == "nt":
            return True  # an open file cannot be deleted on Windows
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            return False
        mine = os.fstat(fh.fileno())
        return (st.st_dev, st.st_ino) == (mine.st_dev, mine.st_ino)

    def _write_info(self) -> None:
        info = {"pid": os.getpid(), "host": socket.gethostname(),
                "since": _dt.datetime.now().isoformat(timespec="seconds")}
        try:
            self._fh.seek(0)
            self._fh.truncate()
            self._fh.write(json.dumps(info, ensure_ascii=False).encode("utf-8"))
            self._fh.flush()
        except OSError:
            pass  # the lock itself is what matters

    def __enter__(self) -> "LedgerLock":
        return self.acquire()

    def __exit__(self, *exc) -> None:
        self.release()


def _read_info(path: Path) -> dict | None:
    try:
        with open(path, "rb") as fh:
            data = json.loads(fh.read(4096).decode("utf-8"))
        return data if isinstance(data, dict) else None
    except (OSError, ValueError):
        return None


def _locked_message(ledger_path: Path, info: dict | None) -> str:
    where = ""
    if info:
        bits = []
        if info.get("host") and info.get("host") != socket.gethostname():
            bits.append(f"计算机“{info['host']}”")
        if info.get("pid"):
            bits.append(f"进程{info['pid']}")
        if isinstance(info.get("since"), str):
            bits.append(f"自{info['since'].replace('T', ' ')[:16]}起")
        if bits:
            where = "（" + "，".join(bits) + "）"
    return (f"台账“{ledger_path.name}”已在另一个窗口中打开{where}。同一台账同时只能在一个窗口中修改，"
            f"请切换到那个窗口，或先将其关闭")


def _silent_unlink(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass


# ---- restore --------------------------------------------------------------------------
_SIDECARS = ("-wal", "-shm", "-journal")


def restore_backup(backup_path: str | os.PathLike, ledger_path: str | os.PathLike,
                   folder: str | os.PathLike | None = None) -> Path:
    """Put a backup in place of the ledger; returns the ledger path.

    The current file is first kept as a ``恢复前`` backup in ``folder`` (a byte copy when it
    is too damaged for the backup API), so a restore can itself be undone. Refused while
    the ledger is open for writing anywhere: the window closes its Ledger first.
    """
    backup_path, ledger_path = Path(backup_path), Path(ledger_path)
    if not backup_path.is_file():
        raise LedgerError(f"找不到备份文件“{backup_path}”")
    if _key(backup_path) == _key(ledger_path):
        raise LedgerError("备份文件就是当前台账本身，无需恢复")
    if not is_good_backup(backup_path):
        raise LedgerError(f"备份文件“{backup_path.name}”已损坏或不是本软件可读的台账，不能用于恢复")
    if not ledger_path.parent.is_dir():
        raise LedgerError(f"文件夹“{ledger_path.parent}”不存在")
    with LedgerLock(ledger_path):
        # Stage the copy first: keeping the current file rotates the folder, which could
        # otherwise delete the very backup being restored.
        staged = ledger_path.with_name(ledger_path.name + ".restore-tmp")
        _silent_unlink(staged)
        try:
            src = sqlite3.connect(ro_uri(backup_path), uri=True)
            try:
                dst = sqlite3.connect(str(staged))
                try:
                    src.backup(dst)
                    dst.execute("PRAGMA journal_mode = DELETE")
                    if dst.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                        raise LedgerError(f"备份文件“{backup_path.name}”复制后检查未通过，未恢复")
                finally:
                    dst.close()
            finally:
                src.close()
        except sqlite3.DatabaseError as exc:
            _silent_unlink(staged)
            raise LedgerError(f"恢复失败：备份文件无法读取（{exc}）") from None
        except BaseException:
            _silent_unlink(staged)
            raise
        try:
            if ledger_path.exists():
                _keep_current(ledger_path, folder)
            for suffix in _SIDECARS:  # they belong to the replaced file and would corrupt the new one
                _silent_unlink(ledger_path.with_name(ledger_path.name + suffix))
            os.replace(staged, ledger_path)
            from .attachments import restore_files

            restore_files(backup_path, ledger_path)  # the files its rows name, from the backups' 附件 folder
        except OSError as exc:
            _silent_unlink(staged)
            raise LedgerError(f"恢复失败：{exc.strerror or exc}") from None
        except BaseException:
            _silent_unlink(staged)
            raise
    return ledger_path


def _keep_current(ledger_path: Path, folder) -> Path:
    try:
        return backup_ledger(ledger_path, folder, REASON_RESTORE)
    except LedgerError:
        pass
    # Damaged or foreign: keep the exact bytes (and any journal) under a backup name.
    where = Path(folder) if folder else default_backup_dir(ledger_path)
    try:
        where.mkdir(parents=True, exist_ok=True)
        stamp = _dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        target = where / f"{ledger_path.stem}_{stamp}_{REASON_RESTORE}.sqlite"
        n = 1
        while target.exists():
            n += 1
            target = where / f"{ledger_path.stem}_{stamp}_{REASON_RESTORE}_{n}.sqlite"
        shutil.copy2(ledger_path, target)
        for suffix in _SIDECARS:
            side = ledger_path.with_name(ledger_path.name + suffix)
            if side.exists():
                shutil.copy2(side, target.with_name(target.name + suffix))
        return target
    except OSError as exc:
        raise LedgerError(f"恢复前无法保留当前台账文件（{exc.strerror or exc}），未恢复") from None


# ---- personal data out of log files ---------------------------------------------------
# 18-character resident ID numbers (old 15-digit ones too) and mainland mobile numbers,
# not when they are part of a longer run of digits.
_ID_RE = re.compile(r"(?<![0-9A-Za-z])(\d{6})(\d{8})(\d{3}[0-9Xx])(?![0-9A-Za-z])|(?<!\d)\d{15}(?!\d)")
_PHONE_RE = re.compile(r"(?<!\d)(?:\+?86[- ]?)?(1[3-9]\d)[- ]?(\d{4})[- ]?(\d{4})(?!\d)")


def mask_personal_data(text: str) -> str:
    """Replace 身份证号 and mobile numbers in ``text`` by masked forms (last 4 kept)."""
    text = _ID_RE.sub(lambda m: "*" * (len(m.group(0)) - 4) + m.group(0)[-4:], text)
    return _PHONE_RE.sub(lambda m: f"{m.group(1)}****{m.group(3)}", text)


class PersonalDataFilter(logging.Filter):
    """A handler filter that masks personal data in the message and any traceback."""

    _fmt = logging.Formatter()

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a broken format string: keep what there is
            message = str(record.msg)
        record.msg = mask_personal_data(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = self._fmt.formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = mask_personal_data(record.exc_text)
        if record.stack_info:
            record.stack_info = mask_personal_data(record.stack_info)
        return True


def install_log_masking(logger: logging.Logger | None = None) -> None:
    """Add PersonalDataFilter to every handler of ``logger`` (default: the root logger).

    Call after handlers are set up; every file handler the app adds must go through it.
    """
    target = logger or logging.getLogger()
    for handler in target.handlers:
        if not any(isinstance(f, PersonalDataFilter) for f in handler.filters):
            handler.addFilter(PersonalDataFilter())
