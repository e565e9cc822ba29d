"""Read-only health check of a ledger file (``dangzhibu-desktop verify``)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from .migrations import SCHEMA_VERSION
from .schema import TABLES
from .sqlitefile import absent_sidecars, has_sqlite_header, ro_uri, tidy_after_read


def verify_ledger(path: Path) -> list[str]:
    """Problems found, as Chinese sentences; an empty list means the file is sound.

    The file is opened read-only and never changed.
    """
    if not path.is_file():
        return [f"找不到台账文件“{path}”"]
    if not has_sqlite_header(path):
        return [f"“{path.name}”不是党支部工作台的台账文件"]
    absent = absent_sidecars(path)
    try:
        conn = sqlite3.connect(ro_uri(path), uri=True)
    except sqlite3.Error as exc:
        return [f"无法打开“{path.name}”：{exc}"]
    problems: list[str] = []
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            return [f"台账由更新版本的软件创建（数据版本{version}，本软件支持到{SCHEMA_VERSION}）"]
        if version == 0:
            return [f"“{path.name}”不是党支部工作台的台账文件"]
        result = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        if result != ["ok"]:
            problems.append("完整性检查未通过：" + "；".join(result[:5]))
        fk = conn.execute("PRAGMA foreign_key_check").fetchall()
        if fk:
            problems.append(f"有{len(fk)}处引用了不存在的记录（如表 {fk[0][0]} 第{fk[0][1]}行）")
        existing = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        missing = [t.label for name, t in TABLES.items() if name not in existing]
        if missing and version == SCHEMA_VERSION:
            problems.append("缺少数据表：" + "、".join(missing))
    except sqlite3.DatabaseError as exc:
        problems.append(f"台账文件已损坏，无法读取：{exc}")
    finally:
        conn.close()
        tidy_after_read(path, absent)
    return problems
