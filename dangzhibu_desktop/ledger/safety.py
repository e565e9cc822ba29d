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
)
from .. import paths as _paths
from .migrations import SCHEMA_VERSION
from .sqlitefile import has_sqlite_header, ro_uri, tidy_after_read, wal_sidecars
from .sqlitefile import silent_unlink as _silent_unlink
from .schema import TABLES
from .errors import (
    DamagedLedgerError,
    IncompleteLedgerError,
    LedgerError,
    NotALedgerError,
    ReadOnlyStorageError,
    StorageError,
    TooNewError,
    raise_storage,
    storage_kind,
)

__all__ = [
    "BackupInfo", "LedgerLock", "LedgerLockedError", "NeedsRecovery", "PersonalDataFilter",
    "backup_ledger", "check_contents", "check_header", "check_references", "inspect_file", "install_log_masking",
    "is_good_backup", "latest_good_backup", "list_backups", "mask_personal_data", "restore_backup",
]

LEDGER_TABLES = frozenset({"members", "meetings", "branch"})


# ---- checks before anything is written ------------------------------------------------
class NeedsRecovery(Exception):
    """The file holds a hot journal from a crash: only a writable connection can roll it back."""


def check_header(path: Path) -> None:
    """Refuse at once what is not a SQLite file (no SQLite connection is made to it)."""
    if not has_sqlite_header(path):
        raise NotALedgerError(f"“{path.name}”不是党支部工作台的台账文件")


RECOVERY_NEEDED = ("台账“{name}”上次未正常关闭（如断电或程序被强行结束），留下了未完成的修改记录，需要恢复："
                   "请在党支部工作台的窗口中打开它一次，软件会自动撤销未完成的修改，已保存的数据不会丢失")
RESTORE_HINT = "请在“设置 → 备份与恢复”中用最近的备份恢复"


def identify(conn: sqlite3.Connection, path: Path) -> int:
    """What kind of file this is and which version; returns the version (0: a new, empty file).

    Raises NotALedgerError for another program's database, TooNewError for a ledger of a
    newer version of this software.
    """
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if not LEDGER_TABLES <= tables:
        if version == 0 and not tables - {"sqlite_sequence"}:
            return 0  # a new, empty file
        raise NotALedgerError(f"“{path.name}”是其他程序的数据库，不是党支部工作台的台账，未作任何改动")
    if version > SCHEMA_VERSION:
        raise TooNewError(f"台账文件“{path.name}”由更新版本的党支部工作台创建（数据版本{version}，"
                          f"本软件只支持到{SCHEMA_VERSION}），请升级本软件后再打开，文件未作任何改动")
    if version == 0:
        raise NotALedgerError(f"“{path.name}”是其他程序的数据库，不是党支部工作台的台账，未作任何改动")
    return version


# The audit log is written by the store, not declared among the tables the person edits.
_AUDIT_COLUMNS = ("id", "at", "table_name", "row_id", "action", "before", "after")


def declared_columns() -> dict[str, tuple[str, ...]]:
    """Every table and column ``ledger.schema`` declares (with the bookkeeping columns)."""
    out = {}
    for name, t in TABLES.items():
        cols = ("id",) + t.names + ("created_at", "updated_at") + (("deleted_at",) if t.soft_delete else ())
        out[name] = cols
    out["audit_log"] = _AUDIT_COLUMNS
    return out


def schema_problems(conn: sqlite3.Connection, path: Path) -> list[str]:
    """Tables and columns of the declaration missing from a current-version file, as sentences."""
    existing = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    problems = []
    missing_tables = []
    for name, cols in declared_columns().items():
        label = TABLES[name].label if name in TABLES else "操作日志"
        if name not in existing:
            missing_tables.append(label)
            continue
        have = {r[1] for r in conn.execute(f"PRAGMA table_info({name})")}
        gone = [c for c in cols if c not in have]
        if gone:
            labels = []
            for c in gone:
                try:
                    labels.append(TABLES[name].field(c).label)
                except KeyError:
                    labels.append(c)
            problems.append(f"台账文件“{path.name}”不完整：数据表“{label}”缺少“{'”“'.join(labels)}”一项，"
                            f"可能被其他程序改动过。{RESTORE_HINT}")
    if missing_tables:
        problems.insert(0, f"台账文件“{path.name}”不完整：缺少数据表“{'”“'.join(missing_tables)}”，"
                           f"可能被其他程序改动过。{RESTORE_HINT}")
    return problems


def check_schema(conn: sqlite3.Connection, path: Path) -> None:
    """Refuse a current-version file missing a declared table or column (IncompleteLedgerError)."""
    problems = schema_problems(conn, path)
    if problems:
        raise IncompleteLedgerError(problems[0])


def check_contents(conn: sqlite3.Connection, path: Path, *, full: bool = True) -> int:
    """What kind of file, which version, the pages and (``full``) the references, the declared
    tables and columns; returns the version.

    ``full=False`` is the check of every open: ``quick_check`` (page structure, 3.7x cheaper
    than ``integrity_check``, which also compares every index with its table) and no reference
    check, so opening does not cost more with each year of history. The full check runs on the
    day's first writable open (with the day's backup), on every backup copy, before migrations
    and imports, on a backup chosen for restore and in ``verify``.

    Only reads. Raises a LedgerError (one Chinese sentence) for a damaged or incomplete file, a
    database of another program, or one written by a newer version of this software.
    """
    try:
        version = identify(conn, path)
        if version == 0:
            return 0
        check = "integrity_check(20)" if full else "quick_check(20)"
        result = [r[0] for r in conn.execute(f"PRAGMA {check}")]
        if result != ["ok"]:
            raise DamagedLedgerError(f"台账文件“{path.name}”已损坏（完整性检查未通过）。{RESTORE_HINT}")
        if full:
            check_references(conn, path)
        if version == SCHEMA_VERSION:
            check_schema(conn, path)
    except sqlite3.DatabaseError as exc:
        code = getattr(exc, "sqlite_errorname", "") or ""
        if code == "SQLITE_READONLY_ROLLBACK":
            raise NeedsRecovery() from None
        # Not every failure to read is damage: say so, or people restore needlessly.
        kind = storage_kind(exc)
        if kind in ("busy", "io", "full"):
            raise_storage(exc, path, "打开台账")
        if kind == "readonly":
            raise StorageError(f"无法读取台账文件“{path.name}”：没有读取它的权限，或文件正被其他程序独占。"
                               f"请关闭占用它的程序，或检查文件的权限后再试", path, "打开台账") from None
        raise DamagedLedgerError(f"台账文件“{path.name}”已损坏，无法读取。{RESTORE_HINT}") from None
    except UnicodeDecodeError:  # a damaged page of text (the table declarations too): SQLite reads it, Python cannot
        raise DamagedLedgerError(f"台账文件“{path.name}”已损坏，无法读取。{RESTORE_HINT}") from None
    return version


def check_references(conn: sqlite3.Connection, path: Path) -> None:
    """Refuse a file in which a row refers to a record that does not exist."""
    dangling = conn.execute("PRAGMA foreign_key_check").fetchall()
    if dangling:
        raise DamagedLedgerError(f"台账文件“{path.name}”已损坏：有{len(dangling)}处引用了不存在的记录。"
                                 f"{RESTORE_HINT}")


def inspect_file(path: Path, *, full: bool = True) -> int:
    """Check an existing file through a read-only connection; returns its schema version
    (``full``: see ``check_contents``).

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
        version = check_contents(conn, path, full=full)
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
    if _paths.on_windows():
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
    """The same text for every path to one file: its identity (device and inode, which hard
    links share) when it exists, else its real, case-folded path."""
    real = os.path.normcase(os.path.realpath(path))
    try:
        st = os.stat(real)
    except OSError:
        return real
    return f"{st.st_dev}:{st.st_ino}"


def identity_lock_path(ledger_path: Path) -> Path | None:
    """A lock file keyed by the ledger's identity (device, inode) in this computer's temporary
    folder: a hard link has another name and folder, the same identity. None when the ledger
    does not exist yet."""
    try:
        st = os.stat(ledger_path)
    except OSError:
        return None
    import tempfile

    return Path(tempfile.gettempdir()) / "dangzhibu-desktop-locks" / f"{st.st_dev}-{st.st_ino}.lock"


class LedgerLock:
    """OS locks held while a Ledger is open for writing: on ``<ledger>.lock`` beside the real
    file (seen by other computers on a shared folder, and through symlinks) and on a lock file
    named by the file's identity (seen through hard links and every spelling of the path).

    The OS drops the locks when the process dies, so a crash never leaves a ledger blocked;
    the files only carry pid/host for the message shown to the second window.
    """

    def __init__(self, ledger_path: Path):
        self.ledger_path = Path(ledger_path)
        # Beside the real file, so a second path to it (a symlink) meets the same lock.
        self.path = lock_path_for(Path(os.path.realpath(self.ledger_path)))
        self.identity_path = identity_lock_path(self.ledger_path)
        self._fh = None
        self._ident_fh = None
        self._key: str | None = None
        self.warning: str | None = None

    def acquire(self) -> "LedgerLock":
        key = _key(self.ledger_path)
        with _held_guard:
            other = _held.get(key)
            if other is not None and other.held:
                raise LedgerLockedError(_locked_message(self.ledger_path, None))
            fh = self._take(self.path, beside=True)
            ident = None
            if self.identity_path is not None:
                try:
                    self.identity_path.parent.mkdir(parents=True, exist_ok=True)
                    ident = self._take(self.identity_path, beside=False)
                except LedgerLockedError:
                    self._drop(fh, self.path)
                    raise
                except (OSError, StorageError):
                    ident = None  # no usable temporary folder: the lock beside the file still holds
            self._fh, self._ident_fh, self._key = fh, ident, key
            self._write_info()
            _held[key] = self
        return self

    def _take(self, path: Path, beside: bool):
        """Open and lock ``path``; LedgerLockedError when another holds it."""
        for _ in range(10):
            fh = self._open_lock_file(path) if beside else os.fdopen(os.open(path, os.O_RDWR | os.O_CREAT, 0o644), "r+b")
            if not self._os_lock(fh):
                info = _read_info(self.path) or _read_info(path)
                fh.close()
                raise LedgerLockedError(_locked_message(self.ledger_path, info))
            if self._same_file(fh, path):
                return fh
            fh.close()  # the holder removed it as we opened it: take the new one
        raise LedgerError(f"无法锁定台账“{self.ledger_path.name}”，请稍后再试")

    @property
    def held(self) -> bool:
        return self._fh is not None

    def release(self) -> None:
        fh, self._fh = self._fh, None
        ident, self._ident_fh = self._ident_fh, None
        if fh is None:
            return
        with _held_guard:
            if self._key is not None and _held.get(self._key) is self:
                del _held[self._key]
        if ident is not None:
            self._drop(ident, self.identity_path)
        self._drop(fh, self.path)

    @staticmethod
    def _drop(fh, path: Path) -> None:
        if not _paths.on_windows():
            # Remove while still locked: anyone who opened the old file then sees it changed.
            _silent_unlink(path)
        try:
            if _paths.on_windows():
                import msvcrt

                fh.seek(_WIN_LOCK_OFFSET)
                msvcrt.locking(fh.fileno(), msvcrt.LK_UNLCK, 1)
        except OSError:
            pass
        fh.close()
        if _paths.on_windows():
            _silent_unlink(path)  # fails while another process has it open; harmless

    def _open_lock_file(self, path: Path | None = None):
        path = path or self.path
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            kind = storage_kind(exc)
            if kind in ("full", "busy", "io"):
                raise_storage(exc, path.parent, "打开台账")
            raise ReadOnlyStorageError(
                f"无法打开台账“{self.ledger_path.name}”进行修改：所在文件夹“{path.parent}”不允许写入"
                f"（{exc.strerror or exc}）。请把台账复制到可以写入的文件夹后再打开；仍可以只读方式查看或导出",
                path.parent, "打开台账") from None
        return os.fdopen(fd, "r+b")

    def _os_lock(self, fh) -> bool:
        """Take the lock without waiting; False when someone else holds it."""
        try:
            if _paths.on_windows():
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

    def _same_file(self, fh, path: Path | None = None) -> bool:
        if _paths.on_windows():
            return True  # an open file cannot be deleted on Windows
        try:
            st = os.stat(path or self.path)
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


def discard_new_ledger(path: Path) -> None:
    """Remove a ledger file this command created and then could not fill (a refused import),
    with its -wal/-shm/-journal, lock file and an empty backup folder. Only for a file that
    did not exist before the command: a refused import leaves the folder as it was."""
    path = Path(path)
    for p in [path, *wal_sidecars(path), path.with_name(path.name + "-journal"), lock_path_for(path)]:
        _silent_unlink(p)
    folder = default_backup_dir(path)
    try:
        folder.rmdir()  # only when empty
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
