"""Helpers that make the storage fail the way a full disk, a read-only file, another program or
a pulled USB stick does (tests run as root, where chmod blocks nothing)."""

from __future__ import annotations

import errno
import sqlite3


def sqlite_failure(name: str, text: str | None = None, code: int | None = None) -> sqlite3.OperationalError:
    """An ``OperationalError`` carrying SQLite's error name and code, as the module raises it."""
    texts = {"SQLITE_FULL": "database or disk is full", "SQLITE_READONLY": "attempt to write a readonly database",
             "SQLITE_BUSY": "database is locked", "SQLITE_IOERR_WRITE": "disk I/O error",
             "SQLITE_IOERR": "disk I/O error"}
    codes = {"SQLITE_FULL": 13, "SQLITE_READONLY": 8, "SQLITE_BUSY": 5, "SQLITE_IOERR_WRITE": 778,
             "SQLITE_IOERR": 10}
    exc = sqlite3.OperationalError(text or texts.get(name, "simulated"))
    exc.sqlite_errorname = name
    exc.sqlite_errorcode = code if code is not None else codes.get(name, 1)
    return exc


def os_failure(kind: str, filename: str | None = None) -> OSError:
    number = {"full": errno.ENOSPC, "readonly": errno.EROFS, "denied": errno.EACCES, "busy": errno.EBUSY,
              "io": errno.EIO}[kind]
    import os

    return OSError(number, os.strerror(number), filename)


class FaultyConnection:
    """Wraps a real connection; the first statement starting with ``when`` raises ``exc``.

    With ``rollback_first`` the real connection's transaction is rolled back before raising, as
    SQLite itself does after a disk-full or I/O error.
    """

    def __init__(self, conn: sqlite3.Connection, when: str, exc: Exception, *, rollback_first: bool = False,
                 times: int = 1):
        self._conn = conn
        self._when = when.upper()
        self._exc = exc
        self._rollback_first = rollback_first
        self.times = times

    def execute(self, sql, *args):
        if self.times and str(sql).lstrip().upper().startswith(self._when):
            self.times -= 1
            if self._rollback_first and self._conn.in_transaction:
                self._conn.execute("ROLLBACK")
            raise self._exc
        return self._conn.execute(sql, *args)

    def __getattr__(self, name):
        return getattr(self._conn, name)
