"""The data package: the whole ledger as one UTF-8 JSON document (a contract, DESIGN.md).

``export_package`` then ``import_package`` into an empty ledger gives back the identical
document. A bad package is refused whole with a message naming the first bad row; nothing
is written.
"""

from __future__ import annotations

import io
import json
import os
import re
import sqlite3
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Iterator, Mapping

from . import enums
from .errors import raise_storage
from .safety import check_references
from .sealed import check_password, is_sealed, seal, unseal
from .schema import PACKAGE_CHILD_KEYS, PACKAGE_TABLES, TABLES, Table
from .store import SQLITE_MAX_INT, Ledger, now_stamp
from .validate import LedgerError, ValidationError, format_money

FORMAT = "dangzhibu-package"
VERSION = 2  # the newest version this program reads: 1 (.json) and 2 (.zip with the attachments)
JSON_VERSION = 1  # what a .json package is written as (no attachments)
ATTACHMENTS_KEY = "attachments"  # version 2: the attachment rows, beside the tables of version 1

_STAMPS = ("created_at", "updated_at")


# ---- export ---------------------------------------------------------------------------
def _hours_out(tenths: int | None):
    if tenths is None:
        return None
    return tenths // 10 if tenths % 10 == 0 else tenths / 10


def _row_out(t: Table, row: Mapping[str, Any], *, skip: str | None = None) -> dict:
    out: dict[str, Any] = {"id": row["id"]}
    for f in t.fields:
        if f.name == skip:
            continue
        v = row.get(f.name)
        if v is not None:
            if f.kind == "money":
                v = format_money(v)
            elif f.kind == "hours":
                v = _hours_out(v)
            elif f.kind == "bool":
                v = bool(v)
        out[f.name] = v
    for s in _STAMPS:
        out[s] = row[s]
    if t.soft_delete and row.get("deleted_at"):
        out["deleted_at"] = row["deleted_at"]
    return out


_CHUNK = 500  # parents per query for their child rows


def _table_rows(ledger: Ledger, name: str) -> Iterator[dict]:
    """One package table's rows in id order, each with its child lists, a chunk at a time."""
    t = TABLES[name]
    kids = [(child, key) for child, (parent, key) in PACKAGE_CHILD_KEYS.items() if parent == name]
    rows = ledger.rows(name, order_by="id", include_deleted=True)
    for at in range(0, len(rows), _CHUNK):
        chunk = rows[at:at + _CHUNK]
        grouped: dict[str, dict[int, list[dict]]] = {}
        if kids:
            marks = ",".join("?" * len(chunk))
            ids = tuple(r["id"] for r in chunk)
            for child, _key in kids:
                ct = TABLES[child]
                g: dict[int, list[dict]] = {}
                for r in ledger.rows(child, f"{ct.parent_key} IN ({marks})", ids, order_by="id",
                                     include_deleted=True):
                    g.setdefault(r[ct.parent_key], []).append(_row_out(ct, r, skip=ct.parent_key))
                grouped[child] = g
        for r in chunk:
            obj = _row_out(t, r)
            for child, key in kids:
                obj[key] = grouped[child].get(r["id"], [])
            yield obj


def _package_members(ledger: Ledger, version: int = JSON_VERSION) -> Iterator[tuple[str, Any]]:
    """The package's top-level members in order; each table as an iterator of its rows."""
    yield "format", FORMAT
    yield "version", version
    branch = ledger.branch()
    yield "branch", _row_out(TABLES["branch"], branch) if branch else None
    for name in PACKAGE_TABLES:
        yield name, _table_rows(ledger, name)
    if version >= 2:
        yield ATTACHMENTS_KEY, _table_rows(ledger, "attachments")


def export_package(ledger: Ledger, version: int = JSON_VERSION) -> dict:
    """The whole ledger (the 回收站 included, marked by ``deleted_at``) as a package dict;
    version 2 adds the attachment rows (their files travel beside it in the .zip)."""
    with ledger.snapshot():
        return {key: list(value) if isinstance(value, Iterator) else value
                for key, value in _package_members(ledger, version)}


def _nested(value, level: int) -> str:
    """``value`` as ``json.dump(…, indent=1)`` writes it ``level`` deep in the document.

    JSON strings never hold a raw line break, so indenting every line is safe.
    """
    return json.dumps(value, ensure_ascii=False, indent=1).replace("\n", "\n" + " " * level)


# What the export dialog and the command say before a package leaves the PC.
PERSONAL_DATA_NOTICE = ("数据包中含有全部人员的姓名、身份证号、出生日期、手机号等个人信息（回收站中的记录也在内），"
                        "会随U盘或邮件离开本机；请妥善保管，建议设置密码")


def write_document(ledger: Ledger, fh, version: int = JSON_VERSION) -> None:
    """Write the package document to the text file ``fh``, table by table: the same text as
    ``json.dump(export_package(…), indent=1)`` without holding the whole ledger as Python objects
    (on the large demo ledger, 82 000 rows, that was ~50 MB more peak memory)."""
    for k, (key, value) in enumerate(_package_members(ledger, version)):
        fh.write(("{\n " if k == 0 else ",\n ") + json.dumps(key) + ": ")
        if not isinstance(value, Iterator):
            fh.write(_nested(value, 1))
            continue
        n = 0
        for n, row in enumerate(value, 1):
            fh.write(("[\n  " if n == 1 else ",\n  ") + _nested(row, 2))
        fh.write("\n ]" if n else "[]")
    fh.write("\n}")


def write_package(ledger: Ledger, out: str | os.PathLike, *, password: str | None = None) -> Path:
    """Write the package file: ``.zip`` is version 2 with the attachments (``package_zip``),
    anything else the version 1 JSON document, table by table. A failed write leaves no file behind.

    With ``password`` the JSON document is sealed (``sealed.seal``: Argon2id + AES-256-GCM); it is
    built in memory then, so no unencrypted copy ever touches the disk."""
    if password is not None and Path(out).suffix.lower() == ".zip":
        raise PackageError("设置密码的数据包目前只能导出为 .json 格式（不含佐证材料），请把文件扩展名改为 .json；"
                           "含佐证材料的 .zip 数据包请不设密码导出并妥善保管")
    out = Path(out)
    # Opening no longer checks references (quick_check only): a package that the other
    # computer would refuse is never written.
    check_references(ledger.conn, ledger.path)
    if out.suffix.lower() == ".zip":
        from .package_zip import write_package_zip

        with ledger.snapshot():  # one consistent read, rows and files
            return write_package_zip(ledger, out)
    tmp = out.with_name(out.name + ".tmp")
    if password is not None:
        check_password(password)
    try:
        with ledger.snapshot():  # one consistent read
            if password is None:
                with open(tmp, "w", encoding="utf-8") as fh:
                    write_document(ledger, fh)
            else:
                buf = io.StringIO()
                write_document(ledger, buf)
                data = seal(buf.getvalue().encode("utf-8"), password)
                del buf
                with open(tmp, "wb") as fh:
                    fh.write(data)
    except BaseException as exc:
        _unlink(tmp)
        if isinstance(exc, (OSError, sqlite3.Error)):
            raise_storage(exc, ledger.path if isinstance(exc, sqlite3.Error) else out, "导出数据包")
        raise
    try:
        os.replace(tmp, out)
    except OSError as exc:
        _unlink(tmp)
        raise_storage(exc, out, "导出数据包")
        raise
    return out


def _unlink(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError:
        pass


# ---- import ---------------------------------------------------------------------------
class PackageError(LedgerError):
    pass


def _hours_in(value, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise PackageError(f"{where}：时长应为数字")
    try:
        d = Decimal(str(value))
    except InvalidOperation:
        raise PackageError(f"{where}：时长“{value}”不是数字") from None
    tenths = d * 10
    if not d.is_finite() or tenths != tenths.to_integral_value():
        raise PackageError(f"{where}：时长“{value}”最多一位小数")
    return int(tenths)


def _money_in(value, where: str) -> int:
    if not isinstance(value, str):
        raise PackageError(f"{where}：金额应为以元为单位的字符串，如 \"40.00\"")
    try:
        d = Decimal(value)
    except InvalidOperation:
        raise PackageError(f"{where}：金额“{value}”不是数字") from None
    fen = d * 100
    if not d.is_finite() or fen != fen.to_integral_value():
        raise PackageError(f"{where}：金额“{value}”最多两位小数")
    return int(fen)


def _row_in(t: Table, obj: Any, where: str, extra_keys: tuple = ()) -> dict:
    """Package object → ledger row values (units converted), stamps kept."""
    if not isinstance(obj, dict):
        raise PackageError(f"{where}：应为一个对象")
    allowed = set(t.names) | {"id", "deleted_at", *_STAMPS, *extra_keys}
    unknown = [k for k in obj if k not in allowed]
    if unknown:
        raise PackageError(f"{where}：不认识的字段“{unknown[0]}”")
    row: dict[str, Any] = {}
    for f in t.fields:
        if f.name not in obj:
            continue
        v = obj[f.name]
        if isinstance(v, (list, dict)):
            raise PackageError(f"{where}：{f.label}应为单个值，不能是列表或对象")
        if v is not None:
            if f.kind == "money":
                v = _money_in(v, where)
            elif f.kind == "hours":
                v = _hours_in(v, where)
            elif f.kind == "bool":
                if not isinstance(v, bool):
                    raise PackageError(f"{where}：{f.label}应为 true 或 false")
                v = int(v)
        row[f.name] = v
    rid = obj.get("id")
    if rid is not None and (isinstance(rid, bool) or not isinstance(rid, int) or not 0 < rid <= SQLITE_MAX_INT):
        raise PackageError(f"{where}：编号 id 应为正整数" + ("（现在的数值过大）" if isinstance(rid, int) and rid > 0 else ""))
    if rid is not None:
        row["id"] = rid
    for s in _STAMPS + ("deleted_at",):
        v = obj.get(s)
        if v is not None and not isinstance(v, str):
            raise PackageError(f"{where}：{s} 应为日期时间字符串")
        if v is not None:
            row[s] = v
    return row


def _describe(t: Table, index: int, obj: Any) -> str:
    name = ""
    if isinstance(obj, dict):
        title = obj.get(t.title_field or "", None) if t.title_field else None
        ident = obj.get("id")
        bits = [f"编号{ident}" if ident is not None else "", str(title) if title else ""]
        name = "（" + " ".join(b for b in bits if b) + "）" if any(bits) else ""
    return f"{t.label}第{index + 1}条{name}"


def _json_error(exc: json.JSONDecodeError) -> PackageError:
    return PackageError(f"数据包不是有效的JSON文件（第{exc.lineno}行第{exc.colno}列）")


def _check_header(doc) -> None:
    """Refuse what is not a package of a version this program reads."""
    if doc.get("format") != FORMAT:
        raise PackageError("这不是党支部工作台的数据包（format 应为 dangzhibu-package）")
    version = doc.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise PackageError("数据包缺少版本号 version")
    if version > VERSION:
        raise PackageError(f"数据包版本为{version}，本软件只支持到版本{VERSION}，请先升级软件")
    if version < 1:
        raise PackageError(f"数据包版本号{version}无效")


def parse_package_text(text: str) -> dict:
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise _json_error(exc) from None
    if not isinstance(doc, dict):
        raise PackageError("这不是党支部工作台的数据包（format 应为 dangzhibu-package）")
    _check_header(doc)
    return doc


class _LazyPackage:
    """A package file's top-level members, parsed one at a time as the import asks for them.

    Parsed whole, the large demo ledger's package is ~70 MB of Python objects besides its text;
    the import takes each table when it writes it and lets it go after, so one table at a time
    is held. The text is still checked to its end (``finish``) before the import commits: bad
    JSON anywhere refuses the whole package, with the line and column, as ``json.loads`` would.
    """

    _WS = re.compile(r"[ \t\n\r]*")

    def __init__(self, text: str):
        self._text = text
        self._dec = json.JSONDecoder()
        self._pos = self._skip(0) + 1  # past the "{" (the caller checked it is there)
        self._first = True
        self._done = False
        self._parsed: dict[str, Any] = {}  # read ahead, not taken yet
        self._taken: set[str] = set()

    @staticmethod
    def is_object(text: str) -> bool:
        return text[_LazyPackage._WS.match(text).end():][:1] == "{"

    def _skip(self, pos: int) -> int:
        return self._WS.match(self._text, pos).end()

    def _key(self) -> str | None:
        """Read the next member's name and stop at its value; None at the closing brace."""
        if self._done:
            return None
        t = self._text
        pos = self._skip(self._pos)
        if t.startswith("}", pos):
            end = self._skip(pos + 1)
            if end != len(t):
                raise json.JSONDecodeError("Extra data", t, end)
            self._done, self._text = True, ""
            return None
        if not self._first:
            if not t.startswith(",", pos):
                raise json.JSONDecodeError("Expecting ',' delimiter", t, pos)
            pos = self._skip(pos + 1)
        if not t.startswith('"', pos):
            raise json.JSONDecodeError("Expecting property name enclosed in double quotes", t, pos)
        key, pos = self._dec.raw_decode(t, pos)
        pos = self._skip(pos)
        if not t.startswith(":", pos):
            raise json.JSONDecodeError("Expecting ':' delimiter", t, pos)
        self._pos = self._skip(pos + 1)
        self._first = False
        if key in self._taken:
            raise PackageError(f"数据包中“{key}”出现了不止一次")
        return key

    def _value(self):
        value, self._pos = self._dec.raw_decode(self._text, self._pos)
        return value

    def _items(self) -> Iterator[Any]:
        """The elements of the array at the current position, one at a time."""
        t, dec = self._text, self._dec
        pos = self._skip(self._pos + 1)
        try:
            if t.startswith("]", pos):
                self._pos = pos + 1
                return
            while True:
                value, pos = dec.raw_decode(t, pos)
                self._pos = pos
                yield value
                pos = self._skip(pos)
                if t.startswith("]", pos):
                    self._pos = pos + 1
                    return
                if not t.startswith(",", pos):
                    raise json.JSONDecodeError("Expecting ',' delimiter", t, pos)
                pos = self._skip(pos + 1)
        except json.JSONDecodeError as exc:
            raise _json_error(exc) from None

    def _scan(self, key: str, rows: bool = False):
        try:
            while key not in self._parsed and key not in self._taken:
                k = self._key()
                if k is None:
                    break
                if k == key and rows and self._text.startswith("[", self._pos):
                    self._taken.add(k)
                    return self._items()
                # a repeated member not yet used: the last one counts, as in json.loads
                self._parsed[k] = self._value()
        except json.JSONDecodeError as exc:
            raise _json_error(exc) from None
        return None

    def get(self, key: str, default=None):
        """A member's value, kept for later ``get``/``take``."""
        self._scan(key)
        return self._parsed.get(key, default)

    def take(self, key: str, default=None):
        """A member's value, let go by this object (a table about to be written).

        An array next in the text comes as an iterator over its elements, parsed one at a
        time; it must be used up before anything else is asked of this object.
        """
        items = self._scan(key, rows=True)
        if items is not None:
            return items
        self._taken.add(key)
        return self._parsed.pop(key, default)

    def finish(self) -> None:
        """Read to the end: the rest (members this version does not use) must be valid JSON too."""
        try:
            while self._key() is not None:
                self._value()
        except json.JSONDecodeError as exc:
            raise _json_error(exc) from None


def _take(doc, key: str):
    return doc.take(key) if isinstance(doc, _LazyPackage) else doc.get(key)


def package_is_sealed(path: str | os.PathLike) -> bool:
    """Whether the package file needs a password (read from its first bytes)."""
    try:
        with open(path, "rb") as fh:
            return is_sealed(fh.read(64))
    except OSError as exc:
        raise_storage(exc, path, "读取数据包")
        raise PackageError(f"无法读取数据包：{exc.strerror or exc}") from None


def import_package_into(db: str | os.PathLike, src: str | os.PathLike, *,
                        password: str | None = None) -> dict[str, int]:
    """Import the package ``src`` into the ledger file ``db`` (created when it does not exist;
    an existing one must be empty). A refused import leaves no new file behind: the CLI's
    ``import package`` and the window's 从数据包导入 both come here."""
    from .safety import discard_new_ledger

    db = Path(db)
    fresh = not db.exists()
    try:
        with Ledger(db, create=True) as ledger:
            return import_package_file(ledger, src, password=password)
    except BaseException:
        if fresh:
            discard_new_ledger(db)
        raise


def import_package_file(ledger: Ledger, path: str | os.PathLike, *, password: str | None = None) -> dict[str, int]:
    """Import a package file: a version 1 ``.json`` or a version 2 ``.zip`` (by its content). A
    sealed one needs ``password``: ``sealed.PasswordNeeded`` without it, ``sealed.SealedPackageError``
    for a wrong one; nothing is written either way."""
    from .package_zip import import_package_zip, is_zip

    if is_zip(path):
        return import_package_zip(ledger, path)
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise_storage(exc, path, "读取数据包")
        raise PackageError(f"无法读取数据包：{exc.strerror or exc}") from None
    if is_sealed(raw):
        raw = unseal(raw, password)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise PackageError("数据包应为UTF-8编码的JSON文件") from None
    del raw  # the bytes of a large package are ~15 MB: free them before the rows go in
    try:
        if _LazyPackage.is_object(text):
            doc = _LazyPackage(text)
            _check_header(doc)
        else:
            doc = parse_package_text(text)  # refuses it, with the message json.loads gives
        del text
        ledger.backup_before_import()  # skipped while empty, which is all import_package accepts today
        return import_package(ledger, doc)
    except RecursionError:  # lists in lists a thousand deep: no package is built so
        raise PackageError("数据包中的数据嵌套层数过多，不是党支部工作台导出的数据包，未导入任何数据") from None


def _ledger_is_empty(ledger: Ledger) -> bool:
    for name in PACKAGE_TABLES + ("attachments",):
        if ledger.scalar(f"SELECT COUNT(*) FROM {name}"):
            return False
    return True


def import_package(ledger: Ledger, doc: dict | _LazyPackage, files: Mapping[str, Path] | None = None
                   ) -> dict[str, int]:
    """Write a package (parsed, or being parsed by ``import_package_file``) into an empty
    ledger, all or nothing.

    ``files`` (version 2) maps each sha256 to a checked copy of the file; the attachment rows
    need their file there, and the files are put in the ledger's attachment folder before the
    rows commit (and taken out again if the import fails). Returns counts per table label.
    Raises PackageError naming the first bad row.
    """
    if not isinstance(doc, (dict, _LazyPackage)) or doc.get("format") != FORMAT:
        raise PackageError("这不是党支部工作台的数据包（format 应为 dangzhibu-package）")
    if not _ledger_is_empty(ledger):
        raise PackageError("数据包只能导入到新建的空台账中，当前台账已有数据")
    counts: dict[str, int] = {}
    group_leaders: list[tuple[int, int, str]] = []
    placed: list[Path] = []
    try:
        with ledger.restoring():  # the ledger is empty (checked above)
            _import_rows(ledger, doc, files, counts, group_leaders, placed)
    except BaseException:
        for p in placed:  # files this import added: nothing of a refused package stays
            p.unlink(missing_ok=True)
        raise
    return counts


def _import_rows(ledger, doc, files, counts, group_leaders, placed) -> None:
    with ledger.transaction("导入数据包"):
        ledger.conn.execute("DELETE FROM branch")
        branch = doc.get("branch")
        if branch is not None:
            row = _row_in(TABLES["branch"], branch, "支部信息")
            _insert(ledger, "branch", row, "支部信息")
        for name in PACKAGE_TABLES:
            t = TABLES[name]
            child_keys = {key: child for child, (parent, key) in PACKAGE_CHILD_KEYS.items() if parent == name}
            items = _take(doc, name)
            if items is not None and not isinstance(items, (list, Iterator)):
                raise PackageError(f"数据包中的{t.label}应为列表")
            items = items or []
            for i, obj in enumerate(items):
                where = _describe(t, i, obj)
                row = _row_in(t, obj, where, extra_keys=tuple(child_keys))
                if name == "party_groups" and row.get("leader_id") is not None:
                    leader = row.pop("leader_id")
                    if isinstance(leader, bool) or not isinstance(leader, int) or leader <= 0:
                        raise PackageError(f"{where}：党小组组长编号应为正整数")
                    group_leaders.append((row.get("id"), leader, where))
                row_id = _insert(ledger, name, row, where)
                for key, child in child_keys.items():
                    kids = obj.get(key) or []
                    if not isinstance(kids, list):
                        raise PackageError(f"{where}：{key} 应为列表")
                    ct = TABLES[child]
                    for j, kid in enumerate(kids):
                        kwhere = f"{where}的{ct.label}第{j + 1}条"
                        krow = _row_in(ct, kid, kwhere)
                        krow[ct.parent_key] = row_id
                        _insert(ledger, child, krow, kwhere)
                        counts[ct.label] = counts.get(ct.label, 0) + 1
                if name == "meetings":  # the vote counts against the attendance just written
                    try:
                        ledger.check_meeting_votes(row_id, row)
                    except ValidationError as exc:
                        raise PackageError(f"{where}：{exc}") from None
                counts[t.label] = counts.get(t.label, 0) + 1
        del items
        _import_attachments(ledger, _take(doc, ATTACHMENTS_KEY), files, counts, placed)
        if isinstance(doc, _LazyPackage):
            doc.finish()
        for group_id, leader_id, where in group_leaders:
            if ledger.get("members", leader_id, include_deleted=True) is None:
                raise PackageError(f"{where}：党小组组长（编号{leader_id}）在党员名单中不存在")
            ledger.conn.execute("UPDATE party_groups SET leader_id = ? WHERE id = ?", (leader_id, group_id))
        bad = ledger.conn.execute("PRAGMA foreign_key_check").fetchone()
        if bad:
            raise PackageError(f"数据包中{TABLES.get(bad[0]).label if bad[0] in TABLES else bad[0]}"
                               f"引用了不存在的记录")
        ledger._audit("package", None, enums.AUDIT_INSERT, None, {"导入数据包": counts, "at": now_stamp()})


def _import_attachments(ledger: Ledger, items, files: Mapping[str, Path] | None, counts: dict,
                        placed: list[Path]) -> None:
    """The attachment rows of a version 2 package, each checked against its record and its file;
    the files newly put in the attachment folder are added to ``placed``."""
    from . import attachments as _att

    if items is None:
        return
    if not isinstance(items, (list, Iterator)):
        raise PackageError("数据包中的佐证材料应为列表")
    t = TABLES["attachments"]
    rows = []
    for i, obj in enumerate(items):
        where = _describe(t, i, obj)
        row = _row_in(t, obj, where)
        if not _att.is_sha256(row.get("sha256")):
            raise PackageError(f"{where}：文件摘要 sha256 应为64位小写十六进制")
        if files is None:
            raise PackageError(f"{where}：带附件的数据包应为 .zip 文件（含 files/ 文件夹）")
        if row["sha256"] not in files:
            raise PackageError(f"{where}：数据包中缺少它的文件 files/{row['sha256']}")
        owner = row.get("owner_table")
        if owner in TABLES and owner in _att.OWNER_LABELS and row.get("owner_id") is not None:
            if not ledger._exists(TABLES[owner], row["owner_id"], True):
                raise PackageError(f"{where}：所属的{_att.OWNER_LABELS[owner]}（编号{row['owner_id']}）不存在")
        elif owner in _att.OWNER_LABELS and owner not in TABLES:
            raise PackageError(f"{where}：本版本的台账还没有{_att.OWNER_LABELS[owner]}记录")
        if files[row["sha256"]].stat().st_size != row.get("bytes"):
            raise PackageError(f"{where}：文件大小与记录不符")
        _insert(ledger, "attachments", row, where)
        rows.append(row)
        counts[t.label] = counts.get(t.label, 0) + 1
    folder = _att.folder_for(ledger.path)
    sizes = {sha: files[sha].stat().st_size for sha in dict.fromkeys(r["sha256"] for r in rows)}
    for sha, size in sizes.items():
        if not (folder / sha).exists():
            placed.append(folder / sha)
        _att.place_file(folder, files[sha], sha, size)  # keeps a whole one there
    if sizes:
        _att.sync_folder(folder)


def _insert(ledger: Ledger, table: str, row: dict, where: str) -> int:
    try:
        return ledger.insert_raw(table, row)
    except ValidationError as exc:
        raise PackageError(f"{where}：{exc}") from None
    except LedgerError as exc:
        raise PackageError(f"{where}：{exc}") from None
