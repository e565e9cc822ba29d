"""Read-only health check of a ledger file (``dangzhibu-desktop verify``).

It asks the same questions as the checks at open (``safety``), in the same words, but lists
every problem instead of stopping at the first: another program's database, a newer version,
a crash that needs recovery (and how to do it), damage, a declared table or column missing.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from .errors import LedgerError, storage_error
from .migrations import SCHEMA_VERSION
from .safety import RECOVERY_NEEDED, RESTORE_HINT, check_header, identify, schema_problems
from .sqlitefile import absent_sidecars, ro_uri, tidy_after_read


def verify_ledger(path: Path) -> list[str]:
    """Problems found, as Chinese sentences; an empty list means the file is sound.

    The file is opened read-only and never changed.
    """
    path = Path(path)
    if not path.is_file():
        return [f"找不到台账文件“{path}”"]
    try:
        check_header(path)
    except LedgerError as exc:
        return [str(exc)]
    except OSError as exc:
        err = storage_error(exc, path, "检查台账")
        return [str(err) if err else f"无法读取“{path.name}”：{exc.strerror or exc}"]
    absent = absent_sidecars(path)
    try:
        conn = sqlite3.connect(ro_uri(path), uri=True)
    except sqlite3.Error as exc:
        err = storage_error(exc, path, "检查台账")
        return [str(err) if err else f"无法打开“{path.name}”：{exc}"]
    problems: list[str] = []
    try:
        version = identify(conn, path)
        if version == 0:
            return [f"“{path.name}”是一个空的数据库，还不是党支部台账"]
        result = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        if result != ["ok"]:
            problems.append("完整性检查未通过：" + "；".join(result[:5]) + f"。{RESTORE_HINT}")
        fk = conn.execute("PRAGMA foreign_key_check").fetchall()
        if fk:
            problems.append(f"有{len(fk)}处引用了不存在的记录（如表 {fk[0][0]} 第{fk[0][1]}行）。{RESTORE_HINT}")
        if version == SCHEMA_VERSION:
            problems.extend(schema_problems(conn, path))
    except LedgerError as exc:
        problems.append(str(exc))
    except sqlite3.DatabaseError as exc:
        if getattr(exc, "sqlite_errorname", "") == "SQLITE_READONLY_ROLLBACK":
            return [RECOVERY_NEEDED.format(name=path.name)]
        err = storage_error(exc, path, "检查台账")
        problems.append(str(err) if err else f"台账文件已损坏，无法读取：{exc}。{RESTORE_HINT}")
    except UnicodeDecodeError:  # damaged text where SQLite keeps the table declarations or rows
        problems.append(f"台账文件已损坏，无法读取：其中的文字数据已损坏。{RESTORE_HINT}")
    finally:
        conn.close()
        tidy_after_read(path, absent)
    return problems
