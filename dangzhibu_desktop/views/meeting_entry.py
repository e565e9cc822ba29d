"""A faster month in the meeting editor: what the last meeting of a kind remembers (地点, 时间,
主持人, 记录人) and 复制上次会议 (those plus the 党小组, 授课人, the 议题 pattern and 列席人员).

The ledger is the memory: the last values of a kind are those of its latest meeting, so they
travel with the file and need no settings. Qt-free; the editor fills its widgets from these.
"""

from __future__ import annotations

import re

from ..ledger import enums

# What every meeting of a kind usually repeats; 复制上次会议 adds the rest of COPIED.
REMEMBERED = ("place", "start_time", "end_time", "host_id", "recorder_id")
COPIED = REMEMBERED + ("kind", "party_group_id", "lecturer_id", "topic", "guests", "vote")

_MONTH_LEAD = re.compile(r"^(\d{1,2})月")


def last_meeting(ledger, kind: str | None = None, party_group_id: int | None = None,
                 exclude: int | None = None) -> dict | None:
    """The latest meeting (by date, then entry) of ``kind`` — of that 党小组 for a 党小组会 when
    ``party_group_id`` is given — or of any kind; ``exclude``: the meeting being edited."""
    where, params = ["deleted_at IS NULL"], []
    if kind:
        where.append("kind = ?")
        params.append(kind)
        if kind == enums.GROUP_MEETING and party_group_id is not None:
            where.append("party_group_id = ?")
            params.append(party_group_id)
    if exclude is not None:
        where.append("id != ?")
        params.append(exclude)
    rows = ledger.query(f"SELECT * FROM meetings WHERE {' AND '.join(where)} ORDER BY date DESC, id DESC LIMIT 1",
                        params)
    return rows[0] if rows else None


def remembered_values(ledger, kind: str, party_group_id: int | None = None) -> dict:
    """地点, 时间, 主持人 and 记录人 of the last meeting of ``kind`` (only those it filled in)."""
    last = last_meeting(ledger, kind, party_group_id)
    return {k: last[k] for k in REMEMBERED if last and last.get(k) not in (None, "")}


def copy_of(ledger, meeting_id: int) -> dict:
    """A new meeting like ``meeting_id``, the date left for the person: kind, 地点, 时间, 主持人,
    记录人, 党小组, 授课人, 议题, 列席人员 and 表决, and ``topic_month``, the month the 议题
    names (``topic_for``). Attendance is not copied: the editor marks whoever is 应到 on the new
    day 出席 — last time's 请假 and 缺席 rarely repeat, and a copied one would be a wrong value."""
    m = ledger.get("meetings", meeting_id)
    if m is None:
        return {}
    out = {k: m[k] for k in COPIED if m.get(k) not in (None, "")}
    lead = _MONTH_LEAD.match(m.get("topic") or "")
    if lead and m.get("date") and int(lead[1]) == int(m["date"][5:7]):
        out["topic_month"] = int(lead[1])
    return out


def topic_for(topic: str, topic_month: int | None, month: int | None) -> str:
    """The copied 议题 for the new meeting's month: "5月主题党日：…" held in June reads
    "6月主题党日：…"; a 议题 that names no month stays as it was."""
    if not topic or topic_month is None or month is None:
        return topic
    lead = _MONTH_LEAD.match(topic)
    if not lead or int(lead[1]) != topic_month:
        return topic
    return f"{month}月" + topic[lead.end():]
