"""Search across the pages: a name, a meeting's 议题, a training's or an activity's title, a
post, a talk's topic, a 整改 problem — each hit says which page holds the record and its year, so
the window can open that page with the row selected. 回收站 rows are left out."""

from __future__ import annotations

from dataclasses import dataclass

from ..ledger import steps as _steps

# (kind shown, page slug, table, the column searched, the date column giving the year, title SQL)
SOURCES = (
    ("党员", "members", "members", "name", None, "name"),
    ("会议", "meetings", "meetings", "topic", "date", "kind || '：' || topic"),
    ("教育培训", "trainings", "trainings", "title", "date", "title"),
    ("志愿服务", "volunteer", "volunteer_activities", "title", "date", "title"),  # not the enumeration
    ("先锋岗", "posts", "pioneer_posts", "name", None, "name"),  # not the enumeration
    ("谈心谈话", "talks", "talks", "topic", "date", "topic"),  # not the enumeration
    ("整改事项", "rectifications", "rectifications", "problem", None, "problem"),
)
LIMIT = 50  # per kind: a short word should not list a whole decade


@dataclass(frozen=True)
class Hit:
    """One record found: ``kind`` (Chinese), the ``page`` slug and ``table`` holding it, its
    ``row_id``, ``title``, ``date`` (ISO or None), ``year`` (the page's year to show, None:
    the page has no year) and ``detail``: what tells two people of one name apart (category,
    党小组, 党籍状态)."""

    kind: str
    page: str
    table: str
    row_id: int
    title: str
    date: str | None
    year: int | None
    detail: str = ""


def _person_detail(ledger, member_id: int) -> str:
    m = ledger.get("members", member_id) or {}
    group = ledger.get("party_groups", m["party_group_id"]) if m.get("party_group_id") else None
    parts = [_steps.derive_category(ledger.member_steps(member_id)) or "", group["name"] if group else "",
             m.get("status") or ""]
    return " · ".join(p for p in parts if p)


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def search(ledger, text: str, limit: int = LIMIT) -> list[Hit]:
    """Every record whose name, topic or title contains ``text`` (letters in any case), people
    first, then each kind newest first; nothing for blank text."""
    text = (text or "").strip()
    if not text:
        return []
    hits: list[Hit] = []
    pattern = _like(text)
    for kind, page, table, column, date_col, title in SOURCES:
        date_sql = date_col or "NULL"
        order = f"{date_col} DESC, id DESC" if date_col else "id"
        rows = ledger.query(
            f"SELECT id, {title} AS title, {date_sql} AS date FROM {table} "
            f"WHERE deleted_at IS NULL AND {column} LIKE ? ESCAPE '\\' ORDER BY {order} LIMIT ?",
            (pattern, limit))
        for r in rows:
            date = r["date"]
            year = int(date[:4]) if date and str(date)[:4].isdigit() else None
            detail = _person_detail(ledger, r["id"]) if table == "members" else ""
            hits.append(Hit(kind, page, table, r["id"], r["title"] or "", date, year, detail))
    return hits
