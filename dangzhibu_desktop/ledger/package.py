"""The data package: the whole ledger as one UTF-8 JSON document (a contract, DESIGN.md).

``export_package`` then ``import_package`` into an empty ledger gives back the identical
document. A bad package is refused whole with a message naming the first bad row; nothing
is written.
"""

from __future__ import annotations

import json
import os
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Mapping

from .schema import PACKAGE_CHILD_KEYS, PACKAGE_TABLES, TABLES, Table
from .store import Ledger, now_stamp
from .validate import LedgerError, ValidationError, format_money

FORMAT = "dangzhibu-package"
VERSION = 1

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


def export_package(ledger: Ledger) -> dict:
    """The whole ledger (the 回收站 included, marked by ``deleted_at``) as a package dict."""
    doc: dict[str, Any] = {"format": FORMAT, "version": VERSION}
    branch = ledger.branch()
    doc["branch"] = _row_out(TABLES["branch"], branch) if branch else None
    children: dict[str, dict[int, list[dict]]] = {}
    for child, (parent, _key) in PACKAGE_CHILD_KEYS.items():
        t = TABLES[child]
        grouped: dict[int, list[dict]] = {}
        for r in ledger.rows(child, order_by="id", include_deleted=True):
            grouped.setdefault(r[t.parent_key], []).append(_row_out(t, r, skip=t.parent_key))
        children[child] = grouped
    for name in PACKAGE_TABLES:
        t = TABLES[name]
        rows = []
        for r in ledger.rows(name, order_by="id", include_deleted=True):
            obj = _row_out(t, r)
            for child, (parent, key) in PACKAGE_CHILD_KEYS.items():
                if parent == name:
                    obj[key] = children[child].get(r["id"], [])
            rows.append(obj)
        doc[name] = rows
    return doc


def write_package(ledger: Ledger, out: str | os.PathLike) -> Path:
    out = Path(out)
    tmp = out.with_name(out.name + ".tmp")
    # json.dump streams to the file: with indent, json.dumps builds the whole text from pure-Python
    # chunks first (125 MB more peak memory on the large demo ledger, same bytes, same time).
    try:
        with open(tmp, "w", encoding="utf-8") as fh:
            json.dump(export_package(ledger), fh, ensure_ascii=False, indent=1)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    os.replace(tmp, out)
    return out


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
    if rid is not None and (isinstance(rid, bool) or not isinstance(rid, int) or rid <= 0):
        raise PackageError(f"{where}：编号 id 应为正整数")
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


def parse_package_text(text: str) -> dict:
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise PackageError(f"数据包不是有效的JSON文件（第{exc.lineno}行第{exc.colno}列）") from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise PackageError("这不是党支部工作台的数据包（format 应为 dangzhibu-package）")
    version = doc.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise PackageError("数据包缺少版本号 version")
    if version > VERSION:
        raise PackageError(f"数据包版本为{version}，本软件只支持到版本{VERSION}，请先升级软件")
    if version < 1:
        raise PackageError(f"数据包版本号{version}无效")
    return doc


def import_package_file(ledger: Ledger, path: str | os.PathLike) -> dict[str, int]:
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise PackageError(f"无法读取数据包：{exc.strerror or exc}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise PackageError("数据包应为UTF-8编码的JSON文件") from None
    del raw  # bytes and text of a large package are ~45 MB: free them before the rows go in
    doc = parse_package_text(text)
    del text
    ledger.backup_before_import()  # skipped while empty, which is all import_package accepts today
    return import_package(ledger, doc)


def _ledger_is_empty(ledger: Ledger) -> bool:
    for name in PACKAGE_TABLES:
        if ledger.scalar(f"SELECT COUNT(*) FROM {name}"):
            return False
    return True


def import_package(ledger: Ledger, doc: dict) -> dict[str, int]:
    """Write a parsed package into an empty ledger, all or nothing.

    Returns counts per table label. Raises PackageError naming the first bad row.
    """
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise PackageError("这不是党支部工作台的数据包（format 应为 dangzhibu-package）")
    if not _ledger_is_empty(ledger):
        raise PackageError("数据包只能导入到新建的空台账中，当前台账已有数据")
    for name in PACKAGE_TABLES:
        if name in doc and not isinstance(doc[name], list):
            raise PackageError(f"数据包中的{TABLES[name].label}应为列表")
    counts: dict[str, int] = {}
    group_leaders: list[tuple[int, int, str]] = []
    with ledger.transaction():
        ledger.conn.execute("DELETE FROM branch")
        branch = doc.get("branch")
        if branch is not None:
            row = _row_in(TABLES["branch"], branch, "支部信息")
            _insert(ledger, "branch", row, "支部信息")
        for name in PACKAGE_TABLES:
            t = TABLES[name]
            child_keys = {key: child for child, (parent, key) in PACKAGE_CHILD_KEYS.items() if parent == name}
            items = doc.get(name) or []
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
                counts[t.label] = counts.get(t.label, 0) + 1
        for group_id, leader_id, where in group_leaders:
            if ledger.get("members", leader_id, include_deleted=True) is None:
                raise PackageError(f"{where}：党小组组长（编号{leader_id}）在党员名单中不存在")
            ledger.conn.execute("UPDATE party_groups SET leader_id = ? WHERE id = ?", (leader_id, group_id))
        bad = ledger.conn.execute("PRAGMA foreign_key_check").fetchone()
        if bad:
            raise PackageError(f"数据包中{TABLES.get(bad[0]).label if bad[0] in TABLES else bad[0]}"
                               f"引用了不存在的记录")
        ledger._audit("package", None, "新增", None, {"导入数据包": counts, "at": now_stamp()})
    return counts


def _insert(ledger: Ledger, table: str, row: dict, where: str) -> int:
    try:
        return ledger.insert_raw(table, row)
    except ValidationError as exc:
        raise PackageError(f"{where}：{exc}") from None
    except LedgerError as exc:
        raise PackageError(f"{where}：{exc}") from None
