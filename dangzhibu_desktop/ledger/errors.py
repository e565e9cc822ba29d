"""The kinds of refusal the ledger layer raises, each read by a person as one Chinese sentence.

- ``LedgerError``: anything the user should read (``str(err)`` is the sentence);
- ``ValidationError``: bad input for one field;
- ``StorageError``: the disk, the folder or another program stopped a read or a write. Its
  kinds (``DiskFullError``, ``ReadOnlyStorageError``, ``FileInUseError``, ``DiskIOError``)
  say what happened and what to do. Whatever was being saved was rolled back whole.

``storage_error(exc, path, action)`` turns an ``sqlite3.Error`` or ``OSError`` into the
matching ``StorageError`` (None when the failure is not the storage's: a bug, or damage).
"""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path


class LedgerError(Exception):
    """A refusal the user should read: ``str(err)`` is one Chinese sentence."""


class ValidationError(LedgerError):
    """Bad input for one field (``field`` may be None for a whole-row rule)."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.field = field
        self.message = message


class StorageError(LedgerError):
    """The storage refused a read or a write; nothing was half-written.

    Attributes:
        path: the file or folder concerned (may be None).
        action: what was being done, in Chinese (保存、备份、导出数据包…).
    """

    def __init__(self, message: str, path: str | os.PathLike | None = None, action: str | None = None):
        super().__init__(message)
        self.path = Path(path) if path is not None else None
        self.action = action


class DiskFullError(StorageError):
    """No space left on the drive (or the user's quota is used up)."""


class ReadOnlyStorageError(StorageError):
    """The file or its folder cannot be written (read-only attribute, CD, write-protected stick,
    no permission)."""


class FileInUseError(StorageError):
    """Another program holds the file (WPS/Excel, an antivirus scan, a sync client)."""


class DiskIOError(StorageError):
    """The drive failed to read or write: a removed USB stick, a dropped network drive."""


# Sentences: {what} names the file or folder, {action} what was being done.
DISK_FULL = "{action}未能完成：“{what}”所在的磁盘空间已满。请删除不需要的文件、腾出空间后再试，台账中的数据没有改动"
READ_ONLY = ("{action}未能完成：“{what}”是只读的（或所在文件夹不允许写入）。请在文件属性中取消“只读”，"
             "或把台账复制到可以写入的文件夹后再试，台账中的数据没有改动")
IN_USE = ("{action}未能完成：“{what}”正被其他程序占用。请关闭正在使用它的程序（如WPS、Excel、杀毒软件或同步网盘）"
          "后再试，台账中的数据没有改动")
DISK_IO = ("{action}未能完成：读写“{what}”时磁盘出错（U盘可能已拔出或网络盘已断开）。请检查U盘或网络连接后重试，"
           "并尽快备份台账")

_KINDS = {
    "full": (DiskFullError, DISK_FULL),
    "readonly": (ReadOnlyStorageError, READ_ONLY),
    "busy": (FileInUseError, IN_USE),
    "io": (DiskIOError, DISK_IO),
}

_SQLITE_KINDS = {
    "SQLITE_FULL": "full",
    "SQLITE_READONLY": "readonly", "SQLITE_PERM": "readonly", "SQLITE_CANTOPEN": "readonly",
    "SQLITE_AUTH": "readonly",
    "SQLITE_BUSY": "busy", "SQLITE_LOCKED": "busy",
    "SQLITE_IOERR": "io", "SQLITE_PROTOCOL": "io",
}
# Primary result codes, for errors that carry no name (older Python builds).
_SQLITE_CODES = {13: "full", 8: "readonly", 3: "readonly", 14: "readonly", 23: "readonly",
                 5: "busy", 6: "busy", 10: "io", 15: "io"}
# SQLITE_READONLY_ROLLBACK: a crash left a hot journal a read-only reader cannot roll back;
# that is recovery, not a read-only drive (see safety.NeedsRecovery).
_NOT_STORAGE = {"SQLITE_READONLY_ROLLBACK", "SQLITE_IOERR_CORRUPTFS"}
# Texts SQLite uses when it raises without a code attribute (it always sets one from 3.11 on).
_SQLITE_TEXTS = (("database or disk is full", "full"), ("readonly database", "readonly"),
                 ("database is locked", "busy"), ("database table is locked", "busy"),
                 ("disk i/o error", "io"), ("unable to open database file", "readonly"))

_OS_KINDS = {
    errno.ENOSPC: "full", getattr(errno, "EDQUOT", -1001): "full", errno.EFBIG: "full",
    errno.EROFS: "readonly", errno.EACCES: "readonly", errno.EPERM: "readonly",
    errno.EBUSY: "busy", getattr(errno, "ETXTBSY", -1002): "busy",
    errno.EIO: "io", getattr(errno, "ENXIO", -1003): "io", getattr(errno, "ENODEV", -1004): "io",
    getattr(errno, "ESTALE", -1005): "io", getattr(errno, "EREMOTEIO", -1006): "io",
    getattr(errno, "ENOTCONN", -1007): "io", getattr(errno, "EHOSTDOWN", -1008): "io",
}
# Windows error numbers: sharing/lock violation; disk full; write-protected; device gone.
_WIN_KINDS = {32: "busy", 33: "busy", 112: "full", 39: "full", 19: "readonly", 5: "readonly",
              21: "io", 23: "io", 53: "io", 59: "io", 64: "io", 67: "io", 1167: "io"}


def storage_kind(exc: BaseException) -> str | None:
    """'full', 'readonly', 'busy' or 'io' when ``exc`` is the storage's doing, else None."""
    if isinstance(exc, StorageError):
        for kind, (cls, _text) in _KINDS.items():
            if isinstance(exc, cls):
                return kind
        return None
    if isinstance(exc, sqlite3.Error):
        name = getattr(exc, "sqlite_errorname", None) or ""
        if name in _NOT_STORAGE:
            return None
        if name:
            for prefix, kind in _SQLITE_KINDS.items():
                if name == prefix or name.startswith(prefix + "_"):
                    return kind
            return None
        code = getattr(exc, "sqlite_errorcode", None)
        if isinstance(code, int):
            return _SQLITE_CODES.get(code & 0xFF)
        text = str(exc).lower()
        for fragment, kind in _SQLITE_TEXTS:
            if fragment in text:
                return kind
        return None
    if isinstance(exc, OSError):
        winerror = getattr(exc, "winerror", None)
        if winerror in _WIN_KINDS:
            return _WIN_KINDS[winerror]
        if isinstance(exc, PermissionError):
            return "readonly"
        return _OS_KINDS.get(exc.errno)
    return None


def storage_error(exc: BaseException, path: str | os.PathLike | None = None,
                  action: str = "保存") -> StorageError | None:
    """The ``StorageError`` for ``exc`` (``path``: the file or folder concerned; ``action``:
    what was being done), or None when ``exc`` is not a storage failure."""
    if isinstance(exc, StorageError):
        return exc
    kind = storage_kind(exc)
    if kind is None:
        return None
    where = path
    if where is None and isinstance(exc, OSError) and exc.filename:
        where = exc.filename
    cls, text = _KINDS[kind]
    what = Path(where).name or str(where) if where is not None else "台账"
    return cls(text.format(action=action, what=what), where, action)


def raise_storage(exc: BaseException, path: str | os.PathLike | None = None, action: str = "保存") -> None:
    """Raise the ``StorageError`` for ``exc`` (from None), or return when it is not one."""
    err = storage_error(exc, path, action)
    if err is not None:
        raise err from None


# ---- a file that is not (or no longer) a ledger this software can open -----------------
class NotALedgerError(LedgerError):
    """Not a ledger of this software: another program's database, or not SQLite at all."""


class TooNewError(LedgerError):
    """A ledger written by a newer version of this software."""


class DamagedLedgerError(LedgerError):
    """The file fails the integrity or reference checks: open the last good backup."""


class IncompleteLedgerError(DamagedLedgerError):
    """A table or column the declaration (``ledger.schema``) names is missing."""


class RecoveryNeededError(LedgerError):
    """A crash left an unfinished transaction that only a writable open rolls back."""
