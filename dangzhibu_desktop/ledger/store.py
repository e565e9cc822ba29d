"""The ledger: one SQLite file per branch, and the small API every other layer calls.

Conventions:
- Rows are plain dicts keyed by the column names of ``schema.TABLES``.
- Money is int fen, hours int tenths (see ``validate.parse_money`` / ``parse_hours`` for text).
- Every public method that writes is one transaction; ``with ledger.transaction():`` groups
  several into one (nested calls become savepoints).
- Deleting a row of a soft-delete table moves it to the 回收站 (``deleted_at``); ``rows()``
  and ``get()`` hide such rows unless asked.
- Every change is written to ``audit_log`` in the same transaction.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import json
import os
import sqlite3
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping

from . import attachments as _attachments, backup as _backup, enums, safety as _safety, sqlitefile as _sqlitefile
from . import steps as _steps, transfers as _transfers
from .migrations import SCHEMA_VERSION, MigrationError, migrate
from .schema import TABLES, Field, Table
from .errors import (
    DamagedLedgerError,
    IncompleteLedgerError,
    ReadOnlyStorageError,
    RecoveryNeededError,
    raise_storage,
    storage_kind,
)
from .validate import (
    MULTILINE_FIELDS,
    LedgerError,
    ValidationError,
    birth_date_from_id,
    check_extension,
    clean_text,
    gender_from_id,
    validate_date,
    validate_enum,
    validate_id_number,
    validate_month,
    validate_phone,
    validate_time,
    validate_year,
)

SQLITE_MAX_INT = 2 ** 63 - 1  # SQLite's INTEGER is 64-bit signed


def on_books(joined: _dt.date | str | None, left: _dt.date | str | None, active: bool,
             day: _dt.date | str) -> bool:
    """Whether someone was on the branch's books on ``day``: the reading of ``Ledger.members_on``
    for a member already in hand (joined by then, not yet left; no ``left_on`` and no longer 在册
    means gone on every day). Dates as ``date`` or ISO text, all of one kind."""
    if joined and joined > day:
        return False
    if left:
        return left > day
    return active


def in_office(start: _dt.date | str | None, end: _dt.date | str | None, day: _dt.date | str) -> bool:
    """Whether a committee role (``start_date`` … ``end_date``) is held on ``day``.

    The one end-date convention: ``end_date`` is the last day in office (a role ending 12-31 is
    still held on 12-31). A role with no start date is never held. Dates as ``date`` or ISO
    text, all of one kind."""
    if not start or start > day:
        return False
    return not end or end >= day


READ_ONLY_OPEN = ("台账“{name}”是以只读方式打开的，不能{action}：可以查看、导出和打印。如需修改，请把文件复制到"
                  "本机磁盘（如“文档”文件夹）后打开副本，或取消文件的只读属性")


def now_stamp() -> str:
    return _dt.datetime.now().isoformat(timespec="seconds")


class Ledger:
    """An open ledger file.

    Args:
        path: the SQLite file.
        create: create the file when it does not exist (otherwise refuse).
        readonly: read without the writer lock (``check``/``export`` while the window has the
            file open): no migration, no backup, nothing written; refused when the file
            would need migrating first.
        backup_dir: where automatic backups go (default ``<stem>_备份`` beside the file).
        auto_backup: make the day's first backup at open (at most one a day).
        verify: run the opening checks below. Only a read-only connection to a file this
            process already opened and checked may skip them (the window's background readers):
            the opening check reads the whole file, per task.

    Opening checks, before anything is written: a SQLite file, a ledger and not from a newer
    version, ``quick_check``; the day's first writable open (the one that makes the day's
    backup) checks fully: ``integrity_check`` and ``foreign_key_check``, whose cost grows with
    the years of history. An older version is backed up, then migrated. ``warnings`` lists what the person should know (network drive,
    failed automatic backup) without refusing.
    """

    def __init__(self, path: str | os.PathLike, *, create: bool = False, readonly: bool = False,
                 backup_dir: str | os.PathLike | None = None, auto_backup: bool = True,
                 verify: bool = True):
        self.path = Path(path)
        self.readonly = readonly
        self.backup_dir = Path(backup_dir) if backup_dir else _backup.default_backup_dir(self.path)
        self.migrated_from: int | None = None
        self.warnings: list[str] = []
        self.conn: sqlite3.Connection | None = None
        self._lock: _safety.LedgerLock | None = None
        self._depth = 0
        self._action = "保存"
        self._restored_ids: dict[str, set] | None = None
        self._audit_mark: int | None = None  # audit_log's last id at this session's last backup
        self._votes_later = False  # save_meeting checks the votes once, after the attendance
        if readonly and create:
            raise ValueError("a ledger opened read-only cannot be created")
        if not verify and not readonly:
            raise ValueError("only a read-only ledger may skip the opening checks")
        self._verify = verify
        _check_file_before_open(self.path, create)
        # What a read-only open finds beside the file, so its close can leave the folder so.
        self._absent_sidecars = _sqlitefile.absent_sidecars(self.path) if readonly else []
        existed = self.path.exists() and self.path.stat().st_size > 0
        if not readonly:
            self._lock = _safety.LedgerLock(self.path).acquire()
            if self._lock.warning:
                self.warnings.append(self._lock.warning)
        try:
            self._open(existed, auto_backup)
        except BaseException as exc:
            self.close()
            if isinstance(exc, (sqlite3.Error, OSError)):
                raise_storage(exc, self.path, "打开台账")
            raise

    def _open(self, existed: bool, auto_backup: bool) -> None:
        version = 0
        recover = False
        if existed and self._verify:
            try:
                version = _safety.inspect_file(self.path, full=self._full_check_due())
            except _safety.NeedsRecovery:
                if self.readonly:
                    raise RecoveryNeededError(_safety.RECOVERY_NEEDED.format(name=self.path.name)) from None
                recover = True  # the writable connection's first read rolls the journal back
        if self.readonly:
            self.conn = sqlite3.connect(_sqlitefile.ro_uri(self.path), uri=True,
                                        isolation_level=None, check_same_thread=False)
        else:
            self.conn = sqlite3.connect(str(self.path), isolation_level=None, check_same_thread=False)
        self.conn.row_factory = sqlite3.Row
        self.conn.execute("PRAGMA busy_timeout = 5000")
        if existed and not self._verify:
            version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        if recover:
            version = _check_contents(self.conn, self.path)
        if self.readonly:
            if version < SCHEMA_VERSION:
                raise LedgerError(f"台账“{self.path.name}”需要先升级数据版本：请先在窗口中打开一次"
                                  f"（会自动备份后升级），再执行此命令")
            self.conn.execute("PRAGMA foreign_keys = ON")
            self.conn.execute("PRAGMA query_only = ON")
            return
        self.conn.execute("PRAGMA synchronous = FULL")
        if 0 < version < SCHEMA_VERSION:
            # A failed backup refuses the migration: never upgrade without a way back.
            _backup.backup_ledger(self.path, self.backup_dir, _backup.REASON_MIGRATION, conn=self.conn)
        self.conn.execute("PRAGMA foreign_keys = ON")
        if version < SCHEMA_VERSION:
            self.migrated_from = self._migrate()
            if existed:
                _safety.check_schema(self.conn, self.path)
        _set_journal(self.conn, self.path, self.warnings)
        self.conn.execute("PRAGMA synchronous = FULL")
        if existed and auto_backup and self.migrated_from is None:
            self._daily_backup()

    def _full_check_due(self) -> bool:
        """The day's first writable open checks every index and reference: once a day, as
        the daily backup (whose copy is checked fully too)."""
        if self.readonly:
            return False
        try:
            return not _backup.has_backup_on(self.path, _dt.date.today(), self.backup_dir)
        except OSError:
            return True

    def _migrate(self) -> int:
        """Upgrade the file; a file whose tables are not what its version says is refused."""
        try:
            return migrate(self.conn)
        except (MigrationError, sqlite3.Error) as exc:
            if isinstance(exc, sqlite3.Error) and storage_kind(exc):
                raise
            raise IncompleteLedgerError(
                f"无法升级台账“{self.path.name}”的数据版本：文件中的数据表与本软件的台账不符，可能被其他程序改动过"
                f"（升级前已自动备份）。{_safety.RESTORE_HINT}") from None

    def _daily_backup(self) -> None:
        try:
            if not self._has_data() or _backup.has_backup_on(self.path, _dt.date.today(), self.backup_dir):
                return
            _backup.backup_ledger(self.path, self.backup_dir, _backup.REASON_DAILY, conn=self.conn)
            self._mark_backed_up()
        except LedgerError as exc:
            self.warnings.append(f"今天的自动备份未能完成：{exc}")

    def _has_data(self) -> bool:
        return any(self.scalar(f"SELECT EXISTS (SELECT 1 FROM {name})")
                   for name in TABLES if name != "audit_log")

    def backup(self, reason: str = _backup.REASON_MANUAL, to_dir: str | os.PathLike | None = None) -> Path:
        """Back up this open ledger now (into ``backup_dir`` unless ``to_dir``); returns the copy."""
        if self._depth:
            raise LedgerError("正在保存数据，请稍后再备份")
        made = _backup.backup_ledger(self.path, to_dir or self.backup_dir, reason, conn=self.conn)
        if not to_dir or Path(to_dir) == self.backup_dir:
            self._mark_backed_up()
        return made

    def changed_since_backup(self) -> bool:
        """Whether anything was written (``audit_log``) after the newest backup in ``backup_dir``."""
        if self._audit_mark is not None:  # a backup made while open: exact, by audit row
            return (self.scalar("SELECT MAX(id) FROM audit_log") or 0) > self._audit_mark
        last = self.scalar("SELECT MAX(at) FROM audit_log")
        if not last:
            return False
        newest = _backup.list_backups(self.path, self.backup_dir)
        try:
            return not newest or _dt.datetime.fromisoformat(last) > newest[0].made_at
        except ValueError:
            return True

    def _mark_backed_up(self) -> None:
        self._audit_mark = self.scalar("SELECT MAX(id) FROM audit_log") or 0

    def backup_if_changed(self, reason: str = _backup.REASON_EXIT) -> Path | None:
        """The backup on closing: made when anything changed since the last one; else None."""
        if self.readonly or self.conn is None or not self.changed_since_backup():
            return None
        return self.backup(reason)

    def backup_before_import(self) -> Path | None:
        """The backup taken before an import; skipped while the ledger holds no data yet."""
        if self.readonly or not self._has_data():
            return None
        return self.backup(_backup.REASON_IMPORT)

    # ---- lifecycle -------------------------------------------------------------------
    def close(self) -> None:
        conn, self.conn = self.conn, None
        if conn is not None:
            if not self.readonly:
                try:
                    conn.execute("PRAGMA optimize")
                except sqlite3.Error:
                    pass
            conn.close()
            if self.readonly:
                _sqlitefile.tidy_after_read(self.path, self._absent_sidecars)
        lock, self._lock = self._lock, None
        if lock is not None:
            lock.release()

    def __enter__(self) -> "Ledger":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextlib.contextmanager
    def transaction(self, action: str = "保存") -> Iterator[None]:
        """One transaction (outermost) or a savepoint (nested); rolls back on any exception.

        A failure of the storage (disk full, read-only, file in use, I/O error) comes out as
        the matching ``StorageError`` naming ``action`` (the outermost one's); the whole
        transaction is then rolled back, so nothing is half-written.
        """
        if self.readonly:
            raise ReadOnlyStorageError(READ_ONLY_OPEN.format(name=self.path.name, action=action),
                                       self.path, action)
        if self._depth == 0:
            self._action = action
            try:
                self.conn.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as exc:
                raise_storage(exc, self.path, action)
                raise
        else:
            self.conn.execute(f"SAVEPOINT sp{self._depth}")
        self._depth += 1
        try:
            yield
        except BaseException as exc:
            self._depth -= 1
            self._undo(self._depth)
            if isinstance(exc, sqlite3.Error):
                raise_storage(exc, self.path, self._action)
            raise
        else:
            self._depth -= 1
            try:
                if self._depth == 0:
                    self.conn.execute("COMMIT")
                else:
                    self.conn.execute(f"RELEASE sp{self._depth}")
            except sqlite3.Error as exc:
                self._undo(self._depth)
                raise_storage(exc, self.path, self._action)
                raise

    @contextlib.contextmanager
    def snapshot(self) -> Iterator[None]:
        """One read transaction: every query inside sees the ledger as it was at the first one,
        whatever another window or process commits meanwhile (the data package and every
        document read through one, so what they write is always consistent). Inside a write
        transaction it is that transaction. Nothing may be written inside a snapshot."""
        if self._depth or self.conn.in_transaction:
            yield
            return
        try:
            self.conn.execute("BEGIN DEFERRED")
        except sqlite3.Error as exc:
            raise_storage(exc, self.path, "读取台账")
            raise
        try:
            yield
        finally:
            if self.conn is not None and self.conn.in_transaction:
                try:
                    self.conn.execute("COMMIT")  # a read transaction: nothing to write
                except sqlite3.Error:
                    self.conn.execute("ROLLBACK")

    def _undo(self, depth: int) -> None:
        """Roll back to savepoint ``depth`` (0: the whole transaction). SQLite itself rolls the
        whole transaction back after some failures (disk full, I/O error): then there is
        nothing left to undo, and the original error is what the person must read."""
        if not self.conn.in_transaction:
            return
        try:
            if depth == 0:
                self.conn.execute("ROLLBACK")
            else:
                self.conn.execute(f"ROLLBACK TO sp{depth}")
                self.conn.execute(f"RELEASE sp{depth}")
        except sqlite3.Error:
            if self.conn.in_transaction and depth == 0:
                raise

    # ---- reading ---------------------------------------------------------------------
    def query(self, sql: str, params: Iterable | Mapping = ()) -> list[dict]:
        return [dict(r) for r in self.conn.execute(sql, params)]

    def scalar(self, sql: str, params: Iterable | Mapping = ()):
        row = self.conn.execute(sql, params).fetchone()
        return None if row is None else row[0]

    def get(self, table: str, row_id: int, *, include_deleted: bool = False) -> dict | None:
        t = _table(table)
        sql = f"SELECT * FROM {t.name} WHERE id = ?"
        if t.soft_delete and not include_deleted:
            sql += " AND deleted_at IS NULL"
        row = self.conn.execute(sql, (row_id,)).fetchone()
        return dict(row) if row else None

    def _exists(self, t: Table, row_id, include_deleted: bool) -> bool:
        # Reference checks run for every written row (150 000 on a large package import):
        # reading the whole referenced row into a dict cost twice as much; while an empty
        # ledger is being filled from a package, the ids written so far are the answer.
        restored = self._restored_ids
        if restored is not None and include_deleted:
            return row_id in restored.get(t.name, ())
        sql = f"SELECT 1 FROM {t.name} WHERE id = ?"
        if t.soft_delete and not include_deleted:
            sql += " AND deleted_at IS NULL"
        return self.conn.execute(sql, (row_id,)).fetchone() is not None

    def rows(self, table: str, where: str = "", params: Iterable | Mapping = (),
             order_by: str = "id", *, include_deleted: bool = False) -> list[dict]:
        """Rows of ``table`` matching the SQL ``where`` clause (without the word WHERE)."""
        t = _table(table)
        clauses = []
        if t.soft_delete and not include_deleted:
            clauses.append("deleted_at IS NULL")
        if where:
            clauses.append(f"({where})")
        sql = f"SELECT * FROM {t.name}"
        if clauses:
            sql += " WHERE " + " AND ".join(clauses)
        if order_by:
            sql += f" ORDER BY {order_by}"
        return self.query(sql, params)

    def count(self, table: str, where: str = "", params: Iterable | Mapping = ()) -> int:
        t = _table(table)
        clauses = ["deleted_at IS NULL"] if t.soft_delete else []
        if where:
            clauses.append(f"({where})")
        sql = f"SELECT COUNT(*) FROM {t.name}" + (" WHERE " + " AND ".join(clauses) if clauses else "")
        return self.scalar(sql, params)

    def rows_in_year(self, table: str, year: int, date_field: str = "date",
                     order_by: str | None = None) -> list[dict]:
        """Rows whose ``date_field`` falls in ``year`` (an index range scan, not a full read)."""
        return self.rows(table, f"{date_field} >= ? AND {date_field} <= ?",
                         (f"{year}-01-01", f"{year}-12-31"), order_by=order_by or f"{date_field}, id")

    def children(self, child_table: str, parent_id: int) -> list[dict]:
        t = _table(child_table)
        return self.rows(child_table, f"{t.parent_key} = ?", (parent_id,))

    def children_of_many(self, child_table: str, parent_ids: Iterable[int]) -> dict[int, list[dict]]:
        """Child rows for many parents in one query, grouped by parent id."""
        t = _table(child_table)
        ids = list(parent_ids)
        out: dict[int, list[dict]] = {i: [] for i in ids}
        if not ids:
            return out
        # Chunk to stay under SQLite's variable limit.
        for start in range(0, len(ids), 900):
            chunk = ids[start:start + 900]
            marks = ",".join("?" * len(chunk))
            for row in self.rows(child_table, f"{t.parent_key} IN ({marks})", chunk):
                out[row[t.parent_key]].append(row)
        return out

    # ---- branch (one row) ------------------------------------------------------------
    def branch(self) -> dict | None:
        row = self.conn.execute("SELECT * FROM branch ORDER BY id LIMIT 1").fetchone()
        return dict(row) if row else None

    def save_branch(self, values: Mapping[str, Any]) -> int:
        current = self.branch()
        if current is None:
            return self.insert("branch", values)
        self.update("branch", current["id"], values)
        return current["id"]

    # ---- members and the development pipeline ----------------------------------------
    def steps_by_member(self, as_of: str | _dt.date | None = None) -> dict[int, list[dict]]:
        sql = "SELECT * FROM development_steps WHERE deleted_at IS NULL"
        params: tuple = ()
        if as_of is not None:
            sql += " AND date <= ?"
            params = (str(as_of),)
        out: dict[int, list[dict]] = {}
        for r in self.query(sql + " ORDER BY date, step, id", params):
            out.setdefault(r["member_id"], []).append(r)
        return out

    def member_steps(self, member_id: int) -> list[dict]:
        return self.rows("development_steps", "member_id = ?", (member_id,), order_by="date, step, id")

    def member_category(self, member_id: int, as_of: _dt.date | None = None) -> str | None:
        return _steps.derive_category(self.member_steps(member_id), as_of)

    def categories(self, as_of: _dt.date | None = None) -> dict[int, str | None]:
        """Category of every member (deleted ones excluded) on ``as_of``."""
        by_member = self.steps_by_member()
        return {
            m["id"]: _steps.derive_category(by_member.get(m["id"], []), as_of)
            for m in self.query("SELECT id FROM members WHERE deleted_at IS NULL")
        }

    def members_on(self, day: _dt.date | str) -> list[dict]:
        """People on the branch's books on ``day``: arrived by then and not yet left.

        Someone no longer 在册 without a ``left_on`` date is taken as gone for every day
        (the SQL of ``on_books``).
        """
        d = str(day)
        where = ("(joined_branch_on IS NULL OR joined_branch_on <= ?) "
                 "AND ((left_on IS NULL AND status = ?) OR left_on > ?)")
        return self.rows("members", where, (d, enums.ACTIVE_STATUS, d), order_by="id")

    def party_members_on(self, day: _dt.date) -> list[dict]:
        """在册党员 on ``day``: on the books (``members_on``) and 正式党员 or 预备党员 that day, in
        id order, each with ``category``, ``admitted`` and ``full_since``. The one answer to
        "who, and how many, are the branch's party members" for the window, the rules' readers
        and the documents (applicants and 积极分子 on the books are not among them)."""
        by_member = self.steps_by_member()
        out = []
        for m in self.members_on(day):
            steps = by_member.get(m["id"], [])
            cat = _steps.derive_category(steps, day)
            if cat not in enums.PARTY_MEMBERS:
                continue
            out.append({**m, "category": cat, "admitted": _steps.admitted_on(steps, day),
                        "full_since": _steps.full_member_since(steps, day)})
        return out

    def _party_moves(self, field: str, year: int, until: _dt.date | str | None, statuses: tuple) -> list[dict]:
        """Members whose ``field`` date falls in ``year`` up to ``until`` (and whose status is one of
        ``statuses``, when given) who were 正式/预备党员 that day, in date order, each with ``on``
        (the date) and ``category``."""
        end = min(str(until)[:10] if until else f"{year}-12-31", f"{year}-12-31")
        where = f"{field} >= ? AND {field} <= ?"
        params: list = [f"{year}-01-01", end]
        if statuses:
            where += f" AND status IN ({','.join('?' * len(statuses))})"
            params += list(statuses)
        by_member = self.steps_by_member()
        out = []
        for m in self.rows("members", where, params, order_by=f"{field}, id"):
            day = _steps.parse_iso_date(m[field][:10])
            cat = _steps.derive_category(by_member.get(m["id"], []), day) if day else None
            if cat in enums.PARTY_MEMBERS:
                out.append({**m, "on": m[field][:10], "category": cat})
        return out

    def transfers_in(self, year: int, until: _dt.date | str | None = None) -> tuple[list[dict], list[dict]]:
        """The year's 组织关系转入 and 转出 (up to ``until``) as the 组织关系转接 records hold them
        (``transfers_of``): one row per person and direction — their latest record of the year —
        for 正式/预备党员 on that day only (a move of someone not yet a 党员 is no 组织关系转接).
        Each is the member's row with ``on`` (the transfer's date), ``category`` and ``transfer``
        (the record). The 述职, the 党内统计 and every other count ask this."""
        latest: dict[tuple[str, int], dict] = {}
        for t in self.transfers_of(year, until):
            latest[(t["direction"], t["member_id"])] = t
        members = {m["id"]: m for m in self.rows("members")}
        by_member = self.steps_by_member()
        came: list[dict] = []
        went: list[dict] = []
        for (direction, mid), t in sorted(latest.items(), key=lambda kv: (kv[1]["date"], kv[1]["id"])):
            day = _steps.parse_iso_date(t["date"][:10])
            cat = _steps.derive_category(by_member.get(mid, []), day) if day else None
            if mid not in members or cat not in enums.PARTY_MEMBERS:
                continue
            row = {**members[mid], "on": t["date"][:10], "category": cat, "transfer": t}
            (came if direction == enums.TRANSFER_IN else went).append(row)
        return came, went

    def departures_in(self, year: int, until: _dt.date | str | None = None) -> dict[str, list[dict]]:
        """党员 who left the books in ``year`` (up to ``until``) by 出党, 去世 or 停止党籍: status ->
        rows (as ``_party_moves``; the date is ``left_on``). A status without a ``left_on`` date
        is on no day's books and in no year's list (``unplaced_departures``)."""
        gone = (enums.EXPELLED, enums.DECEASED, enums.SUSPENDED)
        out: dict[str, list[dict]] = {s: [] for s in gone}
        for m in self._party_moves("left_on", year, until, gone):
            out[m["status"]].append(m)
        return out

    def unplaced_departures(self) -> list[dict]:
        """People no longer 在册 with no ``left_on`` date: off the books on every day
        (``on_books``), so no year counts them leaving until the date is entered."""
        return self.rows("members", "status != ? AND (left_on IS NULL OR left_on = '')",
                         (enums.ACTIVE_STATUS,))

    def talks_in(self, year: int, until: _dt.date | str | None = None) -> list[dict]:
        """The 谈心谈话 of ``year`` (up to ``until``), in date order, each with ``talker_name`` and
        ``whom`` (the member's name, or the name of someone outside the branch): what the 谈心谈话
        page lists and the 谈心谈话记录 prints."""
        end = str(until) if until else f"{year}-12-31"
        rows = self.query(
            "SELECT t.*, a.name AS talker_name, m.name AS member_name FROM talks t "
            "LEFT JOIN members a ON a.id = t.talker_id LEFT JOIN members m ON m.id = t.member_id "
            "WHERE t.deleted_at IS NULL AND t.date >= ? AND t.date <= ? ORDER BY t.date, t.id",
            (f"{year}-01-01", min(end, f"{year}-12-31")))
        for r in rows:
            r["whom"] = r.get("member_name") or r.get("person_name") or ""
        return rows

    def transfers_of(self, year: int | None, until: _dt.date | str | None = None) -> list[dict]:
        """The 组织关系转接 of ``year`` (every year for None; up to ``until``), in date order, each
        with ``member_name``: what the 组织关系转接 page lists and the year's figures count."""
        start, end = (f"{year}-01-01", f"{year}-12-31") if year is not None else ("0000-01-01", "9999-12-31")
        if until is not None:
            end = min(end, str(until))
        return self.query(
            "SELECT t.*, m.name AS member_name FROM transfers t JOIN members m ON m.id = t.member_id "
            "WHERE t.deleted_at IS NULL AND m.deleted_at IS NULL AND t.date >= ? AND t.date <= ? "
            "ORDER BY t.date, t.id", (start, end))

    # A member's history as the delete question names it: rows of records not in the 回收站.
    _HISTORY = (
        ("出勤记录", "SELECT COUNT(*) FROM attendance a JOIN meetings t ON t.id = a.meeting_id "
                     "WHERE a.member_id = ? AND t.deleted_at IS NULL"),
        ("学时记录", "SELECT COUNT(*) FROM training_attendance a JOIN trainings t ON t.id = a.training_id "
                     "WHERE a.member_id = ? AND t.deleted_at IS NULL"),
        ("志愿服务记录", "SELECT COUNT(*) FROM volunteer_hours a JOIN volunteer_activities t "
                         "ON t.id = a.activity_id WHERE a.member_id = ? AND t.deleted_at IS NULL"),
        ("党费记录", "SELECT COUNT(*) FROM dues WHERE member_id = ? AND deleted_at IS NULL"),
        ("民主评议记录", "SELECT COUNT(*) FROM appraisals WHERE member_id = ? AND deleted_at IS NULL"),
        ("谈心谈话记录", "SELECT COUNT(*) FROM talks WHERE member_id = ? AND deleted_at IS NULL"),
        ("组织关系转接记录", "SELECT COUNT(*) FROM transfers WHERE member_id = ? AND deleted_at IS NULL"),
    )

    def member_history(self, member_id: int) -> dict[str, int]:
        """How many records of the person's history there are, by label (出勤记录 12 …): what
        deleting instead of 转出 would take out of every count. Only non-zero ones."""
        out = {}
        for label, sql in self._HISTORY:
            n = self.scalar(sql, (member_id,))
            if n:
                out[label] = n
        return out

    def expected_at(self, day: _dt.date | str, kind: str, party_group_id: int | None = None) -> list[dict]:
        """Who is 应到 at a meeting of ``kind`` on ``day``: the 在册党员 that day
        (``party_members_on``); for a 党小组会 only the group's (nobody before a group is chosen);
        for a 支部委员会 only the 支委 in office (``committee_on``). Rows as ``party_members_on``.
        The one answer the meeting editor, the 签到表 and the documents ask."""
        d = _dt.date.fromisoformat(day) if isinstance(day, str) else day
        people = self.party_members_on(d)
        if kind == enums.GROUP_MEETING:
            people = [m for m in people if party_group_id and m.get("party_group_id") == party_group_id]
        elif kind == enums.COMMITTEE_MEETING:
            committee = {r["member_id"] for r in self.committee_on(d)}
            people = [m for m in people if m["id"] in committee]
        return people

    def committee_on(self, day: _dt.date | str) -> list[dict]:
        """Committee roles held on ``day`` by people on the books that day (``in_office`` and
        ``on_books``), latest appointment first. The one answer to "who is on the 支委会"."""
        d = str(day)
        return self.query(
            "SELECT r.* FROM committee_roles r JOIN members m ON m.id = r.member_id "
            "WHERE r.deleted_at IS NULL AND m.deleted_at IS NULL "
            "AND r.start_date <= ? AND (r.end_date IS NULL OR r.end_date = '' OR r.end_date >= ?) "
            "AND (m.joined_branch_on IS NULL OR m.joined_branch_on <= ?) "
            "AND ((m.left_on IS NULL AND m.status = ?) OR m.left_on > ?) "
            "ORDER BY r.start_date DESC, r.id DESC",
            (d, d, d, enums.ACTIVE_STATUS, d))

    def secretary_on(self, day: _dt.date | str) -> dict | None:
        """The 书记's role row on ``day`` (latest appointment wins), or None when vacant."""
        for r in self.committee_on(day):
            if r["role"] == enums.SECRETARY:
                return r
        return None

    # ---- writing ---------------------------------------------------------------------
    def insert(self, table: str, values: Mapping[str, Any]) -> int:
        """Validate and insert one row; returns its id."""
        t = _table(table)
        row = self._clean(t, values, existing=None)
        stamp = now_stamp()
        row["created_at"] = stamp
        row["updated_at"] = stamp
        with self.transaction():
            row_id = self._insert_clean(t, row)
            self._audit(t.name, row_id, enums.AUDIT_INSERT, None, {"id": row_id, **row})
            if t.name == "transfers":  # the member's dates follow from it (ledger/transfers.py)
                _transfers.follow(self, row["member_id"])
        return row_id

    def insert_raw(self, table: str, values: Mapping[str, Any]) -> int:
        """Insert a row restored from elsewhere (the data package): validated like any row,
        but ``id``/``created_at``/``updated_at``/``deleted_at`` are kept as given, references
        may point at rows in the 回收站, and no audit entry is written per row."""
        t = _table(table)
        row = self._clean(t, values, existing=None, refs_include_deleted=True)
        stamp = now_stamp()
        for key in ("id", "created_at", "updated_at") + (("deleted_at",) if t.soft_delete else ()):
            if values.get(key) is not None:
                row[key] = values[key]
        row.setdefault("created_at", stamp)
        row.setdefault("updated_at", stamp)
        row_id = self._insert_clean(t, row)
        if self._restored_ids is not None:
            self._restored_ids.setdefault(t.name, set()).add(row_id)
        return row_id

    @contextlib.contextmanager
    def restoring(self) -> Iterator[None]:
        """Filling an EMPTY ledger with ``insert_raw`` (the data package): references are checked
        against the ids written so far instead of one query each. Only for an empty ledger:
        a row already there before would not be seen."""
        self._restored_ids = {}
        try:
            yield
        finally:
            self._restored_ids = None

    def _insert_clean(self, t: Table, row: dict) -> int:
        cols = list(row)
        try:
            cur = self.conn.execute(
                f"INSERT INTO {t.name} ({','.join(cols)}) VALUES ({','.join('?' * len(cols))})",
                [row[c] for c in cols],
            )
        except sqlite3.IntegrityError as exc:
            raise _integrity_message(t, exc) from None
        return cur.lastrowid

    def update(self, table: str, row_id: int, changes: Mapping[str, Any]) -> None:
        t = _table(table)
        before = self.get(table, row_id)
        if before is None:
            raise LedgerError(f"{t.label}中找不到编号为{row_id}的记录（可能已被删除）")
        clean = self._clean(t, changes, existing=before)
        clean = {k: v for k, v in clean.items() if before.get(k) != v}
        if not clean:
            return
        clean["updated_at"] = now_stamp()
        with self.transaction():
            try:
                self.conn.execute(
                    f"UPDATE {t.name} SET {','.join(f'{c} = ?' for c in clean)} WHERE id = ?",
                    [*clean.values(), row_id],
                )
            except sqlite3.IntegrityError as exc:
                raise _integrity_message(t, exc) from None
            self._audit(t.name, row_id, enums.AUDIT_UPDATE, before, {**before, **clean})
            if t.name == "transfers":
                after = {**before, **clean}
                moved = after["member_id"] != before["member_id"]
                if moved:
                    _transfers.follow(self, before["member_id"], dropped=before)
                _transfers.follow(self, after["member_id"], dropped=None if moved else before)

    def delete(self, table: str, row_id: int) -> None:
        """Move a row to the 回收站 (hard delete for tables without one, e.g. attendance)."""
        t = _table(table)
        before = self.get(table, row_id)
        if before is None:
            raise LedgerError(f"{t.label}中找不到编号为{row_id}的记录（可能已被删除）")
        with self.transaction():
            if t.soft_delete:
                stamp = now_stamp()
                self.conn.execute(f"UPDATE {t.name} SET deleted_at = ?, updated_at = ? WHERE id = ?",
                                  (stamp, stamp, row_id))
                self._audit(t.name, row_id, enums.AUDIT_DELETE, before, None)
                _attachments.owner_deleted(self, t.name, row_id, stamp)
                if t.name == "transfers":
                    _transfers.follow(self, before["member_id"], dropped=before)
            else:
                self.conn.execute(f"DELETE FROM {t.name} WHERE id = ?", (row_id,))
                self._audit(t.name, row_id, enums.AUDIT_PURGE, before, None)

    def restore(self, table: str, row_id: int) -> None:
        t = _table(table)
        row = self.get(table, row_id, include_deleted=True)
        if row is None or not t.soft_delete or row.get("deleted_at") is None:
            raise LedgerError(f"回收站中没有这条{t.label}记录")
        if t.name == "members" and row.get("id_number"):
            holder = self._id_number_holder(row["id_number"], row_id)
            if holder:
                raise LedgerError(f"无法恢复：身份证号与已登记的“{holder}”相同，同一人请勿重复登记")
        if t.name == "attachments":
            _attachments.check_restore(self, row)
        with self.transaction():
            stamp = now_stamp()
            try:
                self.conn.execute(f"UPDATE {t.name} SET deleted_at = NULL, updated_at = ? WHERE id = ?",
                                  (stamp, row_id))
            except sqlite3.IntegrityError:
                raise LedgerError(f"无法恢复：{t.label}中已有一条相同的记录，请先删除它") from None
            self._audit(t.name, row_id, enums.AUDIT_RESTORE, row, {**row, "deleted_at": None})
            _attachments.owner_restored(self, t.name, row_id, row["deleted_at"], stamp)
            if t.name == "transfers":
                _transfers.follow(self, row["member_id"])

    def recycle_bin(self) -> list[dict]:
        """Deleted rows, newest first: table, table_label, id, title, deleted_at."""
        out = []
        for t in TABLES.values():
            if not t.soft_delete:
                continue
            title = t.title_field or "id"
            for r in self.query(f"SELECT id, {title} AS title, deleted_at FROM {t.name} "
                                f"WHERE deleted_at IS NOT NULL"):
                out.append({"table": t.name, "table_label": t.label, **r})
        out.sort(key=lambda r: r["deleted_at"], reverse=True)
        return out

    def empty_recycle_bin(self) -> int:
        """Delete for good every row in the 回收站; returns how many rows went."""
        gone = 0
        with self.transaction():
            for t in TABLES.values():
                if not t.soft_delete:
                    continue
                for r in self.query(f"SELECT * FROM {t.name} WHERE deleted_at IS NOT NULL"):
                    self.conn.execute(f"DELETE FROM {t.name} WHERE id = ?", (r["id"],))
                    self._audit(t.name, r["id"], enums.AUDIT_PURGE, r, None)
                    gone += 1
        return gone

    def replace_children(self, child_table: str, parent_id: int, rows: Iterable[Mapping[str, Any]]) -> None:
        """Replace the whole set of child rows of one parent (attendance of a meeting, hours
        of an activity …) in one transaction; each row validated, nothing written on error."""
        t = _table(child_table)
        parent = _table(t.parent)
        if self.get(parent.name, parent_id) is None:
            raise LedgerError(f"{parent.label}中找不到编号为{parent_id}的记录")
        rows = [dict(r) for r in rows]
        member_ids = [r.get("member_id") for r in rows]
        dupes = {m for m in member_ids if m is not None and member_ids.count(m) > 1}
        if dupes and child_table in ("attendance", "training_attendance", "volunteer_hours"):
            names = "、".join(self._member_name(m) for m in sorted(dupes))
            raise ValidationError(f"{t.label}中{names}出现了不止一次", "member_id")
        before = self.children(child_table, parent_id)
        # A member in the 回收站 is in no editor's list: her rows of this parent (attendance at
        # this meeting, hours of this activity) stay as they are, so restoring her brings them back.
        kept = []
        if "member_id" in t.names and before:
            given = {r.get("member_id") for r in rows}
            trashed = {r["id"] for r in self.query("SELECT id FROM members WHERE deleted_at IS NOT NULL")}
            kept = [{k: v for k, v in r.items() if k != "id"}
                    for r in before if r.get("member_id") in trashed and r["member_id"] not in given]
        stamp = now_stamp()
        with self.transaction():
            self.conn.execute(f"DELETE FROM {t.name} WHERE {t.parent_key} = ?", (parent_id,))
            for r in rows:
                r[t.parent_key] = parent_id
                clean = self._clean(t, r, existing=None)
                clean["created_at"] = r.get("created_at") or stamp
                clean["updated_at"] = stamp
                self._insert_clean(t, clean)
            for r in kept:  # as they were, timestamps included
                self._insert_clean(t, r)
            if child_table == "attendance":
                self.check_meeting_votes(parent_id)
            after = self.children(child_table, parent_id)
            self._audit(t.name, parent_id, enums.AUDIT_UPDATE, before, after)

    # ---- meetings: the vote and the attendance ------------------------------------------
    def save_meeting(self, meeting_id: int | None, values: Mapping[str, Any],
                     attendance: Iterable[Mapping[str, Any]]) -> int:
        """Insert or update a meeting and replace its attendance in one transaction; the vote
        counts are checked against the new attendance (not the old one) once both are written."""
        with self.transaction():
            self._votes_later = True
            try:
                if meeting_id:
                    self.update("meetings", meeting_id, values)
                else:
                    meeting_id = self.insert("meetings", values)
                self.replace_children("attendance", meeting_id, attendance)
            finally:
                self._votes_later = False
            self.check_meeting_votes(meeting_id)
        return meeting_id

    def check_meeting_votes(self, meeting_id: int, votes: Mapping[str, Any] | None = None) -> None:
        """Refuse vote counts adding up to more than the people 出席 (实到) when attendance is
        recorded; ``votes`` are the counts about to be written (default: the stored ones)."""
        if self._votes_later:
            return
        if votes is None:
            votes = self.get("meetings", meeting_id, include_deleted=True) or {}
        total = sum(votes.get(k) or 0 for k in VOTE_FIELDS)
        if not total:
            return
        statuses = [r[0] for r in self.conn.execute("SELECT status FROM attendance WHERE meeting_id = ?",
                                                     (meeting_id,))]
        present = statuses.count(enums.PRESENT)
        if statuses and total > present:
            raise ValidationError(f"表决票数合计{total}票（同意、反对、弃权之和），超过了实到会人数{present}人，请核对",
                                  "votes_for")

    # ---- audit -----------------------------------------------------------------------
    def _audit(self, table: str, row_id: int | None, action: str, before, after) -> None:
        self.conn.execute(
            "INSERT INTO audit_log (at, table_name, row_id, action, before, after) VALUES (?,?,?,?,?,?)",
            (now_stamp(), table, row_id, action,
             None if before is None else json.dumps(before, ensure_ascii=False, default=str),
             None if after is None else json.dumps(after, ensure_ascii=False, default=str)),
        )

    def audit_entries(self, limit: int = 500, table: str | None = None) -> list[dict]:
        sql = "SELECT * FROM audit_log"
        params: list = []
        if table:
            sql += " WHERE table_name = ?"
            params.append(table)
        sql += " ORDER BY id DESC LIMIT ?"
        params.append(limit)
        return self.query(sql, params)

    # ---- validation ------------------------------------------------------------------
    def _member_name(self, member_id) -> str:
        name = self.scalar("SELECT name FROM members WHERE id = ?", (member_id,))
        return name or f"编号{member_id}"

    def _clean(self, t: Table, values: Mapping[str, Any], existing: dict | None,
               refs_include_deleted: bool = False) -> dict:
        """Coerce and check ``values`` for table ``t``; raises ValidationError in Chinese.

        With ``existing`` (an update) only the given fields are checked, against the merged row.
        """
        known = set(t.names)
        ignored = {"id", "created_at", "updated_at", "deleted_at"}
        out: dict[str, Any] = {}
        for key, value in values.items():
            if key in ignored:
                continue
            if key not in known:
                raise ValidationError(f"{t.label}没有“{key}”这一项", key)
            out[key] = _coerce(t.field(key), value)
        if existing is None:
            for f in t.fields:
                if f.name not in out or out[f.name] is None:
                    if f.default is not None and out.get(f.name) is None:
                        out[f.name] = f.default
        merged = {**(existing or {}), **out}
        for f in t.fields:
            if f.required and merged.get(f.name) in (None, ""):
                raise ValidationError(f"请填写{f.label}", f.name)
        for f in t.fields:
            if f.kind == "ref" and out.get(f.name) is not None:
                target = _table(f.ref)
                if not self._exists(target, out[f.name], refs_include_deleted):
                    raise ValidationError(f"{f.label}（编号{out[f.name]}）在{target.label}中不存在", f.name)
        _check_row(t, merged)
        if t.name == "meetings" and existing is not None and any(k in out for k in VOTE_FIELDS):
            self.check_meeting_votes(existing["id"], merged)
        if t.name == "members" and out.get("id_number"):
            holder = self._id_number_holder(out["id_number"], (existing or {}).get("id") or values.get("id"))
            if holder:
                raise ValidationError(f"身份证号与已登记的“{holder}”相同，同一人请勿重复登记", "id_number")
        return out

    def _id_number_holder(self, id_number: str, except_id: int | None) -> str | None:
        """Name of another member (not in the 回收站) with this 身份证号: one person, one row, or
        every count and the roster would hold them twice."""
        row = self.conn.execute(
            f"SELECT name FROM members WHERE id_number = ? AND {_IDENTIFIED} AND id != ?",
            (id_number, except_id or 0)).fetchone()
        return row[0] if row else None

    def identities(self) -> "MemberIdentities":
        """Everyone a new member could duplicate, read once (for an import of many rows)."""
        return MemberIdentities(self.query(
            f"SELECT name, id_number, birth_date FROM members WHERE {_IDENTIFIED}"))


# Members that count when asking "is this person already in the ledger": the 回收站 does not.
_IDENTIFIED = "deleted_at IS NULL"


class MemberIdentities:
    """Who is already in the ledger: the one identity check of the store and of every import.

    The same 身份证号 is the same person (the store refuses a second row with it on every save);
    an import also takes the same name with the same birth date for the same person.
    """

    def __init__(self, rows: Iterable[Mapping[str, Any]] = ()):
        self.by_id: dict[str, str] = {}
        self.by_name_birth: dict[tuple[str, str], str] = {}
        for row in rows:
            self.add(row)

    def add(self, row: Mapping[str, Any]) -> None:
        """Count ``row`` (name, id_number, birth_date) as present from now on."""
        if row.get("id_number"):
            self.by_id[row["id_number"]] = row["name"]
        if row.get("birth_date"):
            self.by_name_birth[(row["name"], row["birth_date"])] = row["name"]

    def same_person(self, row: Mapping[str, Any]) -> tuple[str, str] | None:
        """(``"id_number"`` or ``"name_birth"``, the present member's name), or None."""
        if row.get("id_number") and row["id_number"] in self.by_id:
            return "id_number", self.by_id[row["id_number"]]
        if row.get("birth_date") and (row["name"], row["birth_date"]) in self.by_name_birth:
            return "name_birth", self.by_name_birth[(row["name"], row["birth_date"])]
        return None


# ---- field coercion and row rules -----------------------------------------------------
def _coerce(f: Field, value: Any) -> Any:
    if value is None or (isinstance(value, str) and value.strip() == "" and f.kind != "text"):
        return None
    if not isinstance(value, (str, int, float, _dt.date)):
        raise ValidationError(f"{f.label}的值无效", f.name)
    k = f.kind
    if k == "text":
        text = clean_text(value, f.name in MULTILINE_FIELDS).strip()
        if len(text) > 50000:
            raise ValidationError(f"{f.label}过长（最多50000字）", f.name)
        return text if text else None
    if k == "date":
        return validate_date(value, f.label, f.name)
    if k == "time":
        return validate_time(value, f.label, f.name)
    if k == "month":
        return validate_month(value, f.label, f.name)
    if k == "year":
        return validate_year(value, f.label, f.name)
    if k == "enum":
        return validate_enum(value, f.choices, f.label, f.name)
    if k == "id_number":
        return validate_id_number(value, f.label)
    if k == "phone":
        return validate_phone(value, f.label, f.name)
    if k == "bool":
        if isinstance(value, bool) or (isinstance(value, int) and value in (0, 1)):
            return int(value)
        raise ValidationError(f"{f.label}只能是“是”或“否”", f.name)
    if k in ("int", "ref", "step", "hours", "money"):
        if isinstance(value, bool) or not isinstance(value, int):
            unit = {"hours": "（以0.1小时为单位的整数）", "money": "（以分为单位的整数）"}.get(k, "")
            raise ValidationError(f"{f.label}应为整数{unit}", f.name)
        if not -SQLITE_MAX_INT - 1 <= value <= SQLITE_MAX_INT:
            raise ValidationError(f"{f.label}的数值过大，请核对", f.name)
        if k == "step" and not 1 <= value <= 25:
            raise ValidationError(f"{f.label}应为发展党员工作的第1至25步", f.name)
        if k == "hours" and not 0 <= value <= 240:
            raise ValidationError(f"{f.label}应在0至24小时之间", f.name)
        if k == "money" and value < 0:
            raise ValidationError(f"{f.label}不能为负数", f.name)
        if k == "int" and value < 0:
            raise ValidationError(f"{f.label}不能为负数", f.name)
        return value
    if k == "rate":
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
            raise ValidationError(f"{f.label}应为0至1之间的比例，如 0.01 表示1%", f.name)
        return float(value)
    raise AssertionError(f"unknown field kind {k}")


def _check_row(t: Table, row: Mapping[str, Any]) -> None:
    """Rules that look at more than one field of a row."""
    if t.name == "members":
        if row.get("id_number") and row.get("birth_date"):
            from_id = birth_date_from_id(row["id_number"])
            if from_id != row["birth_date"]:
                raise ValidationError(
                    f"出生日期{row['birth_date']}与身份证号中的{from_id}不一致，请核对", "birth_date")
        if row.get("id_number") and row.get("gender"):
            from_id = gender_from_id(row["id_number"])
            if from_id != row["gender"]:
                raise ValidationError(f"性别“{row['gender']}”与身份证号（{from_id}）不一致，请核对", "gender")
        _order(row, "joined_branch_on", "left_on", "转入本支部日期", "离开本支部日期")
        if row.get("exempt_from_activities") and not (row.get("exempt_reason") or "").strip():
            raise ValidationError("不作硬性要求须经支部同意，请填写原因（如年老体弱、行动不便）", "exempt_reason")
    elif t.name == "meetings":
        if row.get("start_time") and row.get("end_time") and row["end_time"] <= row["start_time"]:
            raise ValidationError("结束时间应晚于开始时间", "end_time")
        if row.get("kind") == enums.GROUP_MEETING and not row.get("party_group_id"):
            raise ValidationError("党小组会请选择党小组", "party_group_id")
        _check_votes(row)
    elif t.name == "party_groups":
        _order(row, "established_on", "dissolved_on", "成立日期", "撤销日期")
    elif t.name == "committee_roles":
        _order(row, "start_date", "end_date", "任职日期", "离任日期")
    elif t.name == "pioneer_posts":
        _order(row, "established_on", "ended_on", "设立日期", "撤销日期")
    elif t.name == "post_members":
        _order(row, "since", "until", "起始日期", "结束日期")
    elif t.name == "rectifications":
        if row.get("status") == enums.COMPLETED and not row.get("closed_on"):
            raise ValidationError("整改已完成，请填写完成日期", "closed_on")
        if row.get("closed_on") and row.get("status") != enums.COMPLETED:
            raise ValidationError("填写了完成日期，整改状态应为“已完成”", "status")
    elif t.name == "dues":
        if row.get("paid_on") and not row.get("amount_paid"):
            raise ValidationError("填写了缴纳日期，请填写实缴金额", "amount_paid")
        if row.get("amount_paid") and not row.get("paid_on"):
            raise ValidationError("请填写缴纳日期", "paid_on")
    elif t.name == "talks":
        if not row.get("member_id") and not (row.get("person_name") or "").strip():
            raise ValidationError("请选择谈话对象，或填写非本支部谈话对象的姓名", "member_id")
        if row.get("member_id") and row.get("talker_id") == row.get("member_id"):
            raise ValidationError("谈话人和谈话对象不能是同一人", "talker_id")
    elif t.name == "transfers":
        _order(row, "date", "valid_until", "转接日期", "介绍信有效期")
        _order(row, "date", "receipt_on", "转接日期", "回执日期")
    elif t.name == "development_steps":
        if row.get("outcome") and row.get("step") not in (_steps.STEP_FULL_MEETING, _steps.STEP_FULL_APPROVE):
            raise ValidationError("转正结论只用于第23、24步", "outcome")
        check_extension(row.get("outcome"), row.get("extension_months"))
    elif t.name == "attachments":
        if not _attachments.is_sha256(row.get("sha256")):
            raise ValidationError("附件的文件摘要应为64位小写十六进制（SHA-256）", "sha256")
    elif t.name == "branch":
        years = row.get("committee_term_years")
        if years is not None and not 1 <= years <= 10:
            raise ValidationError("任期应在1至10年之间", "committee_term_years")


# 发展/转正 表决 counts of a 支部党员大会 (meetings.votes_*), in the order they are read out.
VOTE_FIELDS = ("votes_for", "votes_against", "votes_abstain")


def _check_votes(row: Mapping[str, Any]) -> None:
    given = [k for k in VOTE_FIELDS if row.get(k) is not None]
    if not given:
        return
    if row.get("kind") != enums.GENERAL_MEETING:
        raise ValidationError("表决票数只用于支部党员大会（发展党员、预备党员转正的表决）", given[0])
    missing = [k for k in VOTE_FIELDS if row.get(k) is None]
    if missing:
        raise ValidationError("请完整填写表决结果的同意、反对、弃权票数（没有的填0）", missing[0])
    if not row.get("vote"):
        raise ValidationError("填写了表决票数，请勾选“有表决事项”", "vote")


def _order(row, a, b, label_a, label_b) -> None:
    if row.get(a) and row.get(b) and row[b] < row[a]:
        raise ValidationError(f"{label_b}不能早于{label_a}", b)


def _table(name: str) -> Table:
    try:
        return TABLES[name]
    except KeyError:
        raise LedgerError(f"没有名为“{name}”的数据表") from None


def _integrity_message(t: Table, exc: sqlite3.IntegrityError) -> LedgerError:
    text = str(exc)
    if "UNIQUE" in text:
        if t.name == "dues":
            return ValidationError("这位党员这个月的党费已有记录", "month")
        if t.name == "appraisals":
            return ValidationError("这位党员这一年度已有评议结果", "rating")
        if t.name == "checklist":
            return ValidationError("这一年度的该项自评已有记录", "rule_code")
        return ValidationError(f"{t.label}中已有相同的记录")
    if "FOREIGN KEY" in text:
        return ValidationError(f"{t.label}引用的记录不存在")
    return ValidationError(f"{t.label}数据不完整：{text}")


# ---- opening safely -------------------------------------------------------------------
def _check_file_before_open(path: Path, create: bool) -> None:
    if path.is_dir():
        raise LedgerError(f"“{path}”是一个文件夹，不是台账文件")
    if not path.exists():
        if not create:
            raise LedgerError(f"找不到台账文件“{path}”")
        if not path.parent.exists():
            raise LedgerError(f"文件夹“{path.parent}”不存在")
        return
    size = path.stat().st_size
    if size == 0:
        if not create:
            raise LedgerError(f"“{path}”是一个空文件，不是党支部台账")
        return
    try:
        _safety.check_header(path)
    except OSError as exc:
        raise LedgerError(f"无法读取“{path.name}”：{exc.strerror or exc}") from None


def _check_contents(conn: sqlite3.Connection, path: Path) -> int:
    """Refuse damaged, foreign or too-new files before anything is written to them."""
    try:
        return _safety.check_contents(conn, path)
    except _safety.NeedsRecovery:
        raise DamagedLedgerError(f"台账文件“{path.name}”已损坏，无法读取。{_safety.RESTORE_HINT}") from None


def _set_journal(conn: sqlite3.Connection, path: Path, warnings: list[str] | None = None) -> None:
    # WAL needs shared memory, which network drives do not give reliably.
    if is_network_path(path):
        conn.execute("PRAGMA journal_mode = DELETE")
        if warnings is not None:
            warnings.append(NETWORK_WARNING)
        return
    try:
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    except sqlite3.OperationalError:
        mode = None
    if str(mode).lower() != "wal":
        conn.execute("PRAGMA journal_mode = DELETE")
        if warnings is not None:
            warnings.append(NETWORK_WARNING)


NETWORK_WARNING = ("台账位于网络位置，已改用兼容的保存方式；网络中断时可能丢失最后一次修改，"
                   "建议把台账放在本机磁盘上，并经常备份")


def is_network_path(path: Path) -> bool:
    return _safety.is_network_path(path)


def open_ledger(path: str | os.PathLike, *, create: bool = False, readonly: bool = False,
                backup_dir: str | os.PathLike | None = None, auto_backup: bool = True,
                verify: bool = True) -> Ledger:
    """Open a ledger (see ``Ledger``); ``readonly=True`` works while a window has it open."""
    return Ledger(path, create=create, readonly=readonly, backup_dir=backup_dir, auto_backup=auto_backup,
                  verify=verify)
