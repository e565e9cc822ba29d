"""What this program knows about a SQLite file on disk, in one place.

The header that tells a SQLite file from anything else, the read-only URI, the ``-wal`` and
``-shm`` files SQLite puts beside a WAL-mode file, and how a read-only look leaves the folder
as it found it. ``backup``, ``safety``, ``store`` and ``verify`` use these; this module imports
nothing of ours, so none of them has to import another for them.
"""

from __future__ import annotations

import os
import sqlite3
import urllib.parse
from pathlib import Path

SQLITE_HEADER = b"SQLite format 3\x00"


def has_sqlite_header(path: str | os.PathLike) -> bool:
    """True when the file starts like a SQLite database; OSError when it cannot be read."""
    with open(path, "rb") as fh:
        return fh.read(len(SQLITE_HEADER)) == SQLITE_HEADER


def ro_uri(path: str | os.PathLike) -> str:
    """A ``mode=ro`` SQLite URI for ``path`` (Chinese names, spaces, ``?``/``#`` and UNC paths)."""
    text = Path(os.path.abspath(path)).as_posix()
    if text.startswith("//"):  # UNC: keep the authority empty, SQLite passes the path on
        text = "//" + text
    return "file:" + urllib.parse.quote(text, safe="/:") + "?mode=ro"


def wal_sidecars(path: str | os.PathLike) -> list[Path]:
    """``<file>-wal`` and ``<file>-shm``: SQLite makes both for any reader of a WAL-mode file."""
    path = Path(path)
    return [path.with_name(path.name + s) for s in ("-wal", "-shm")]


def absent_sidecars(path: str | os.PathLike) -> list[Path]:
    """The sidecars not there now: what ``tidy_after_read`` may take away after a read."""
    return [p for p in wal_sidecars(path) if not p.exists()]


def tidy_after_read(path: str | os.PathLike, absent_before: list[Path]) -> None:
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
    except (sqlite3.Error, UnicodeDecodeError):  # a damaged file: nothing to tidy
        pass
    finally:
        conn.close()


def silent_unlink(path: Path) -> None:
    """Remove ``path`` if it can be removed; a file already gone or held open is left be."""
    try:
        path.unlink()
    except OSError:
        pass
