"""The two tables of the 支部信息 dialog: 支委分工 and 党小组."""

from __future__ import annotations

import datetime as _dt

from ..ledger import enums


def committee_table(ledger, today: _dt.date) -> list[dict]:
    """Every committee post with the holder's ``name`` and ``current`` (no end date, or one not
    before ``today``); ``end_date`` "" when open. Current posts first, in the order of
    ``enums.COMMITTEE_ROLES``."""
    day = today.isoformat()
    roles = ledger.query(
        "SELECT r.*, m.name FROM committee_roles r JOIN members m ON m.id = r.member_id "
        "WHERE r.deleted_at IS NULL AND m.deleted_at IS NULL ORDER BY (r.end_date IS NOT NULL), r.start_date")
    order = {role: i for i, role in enumerate(enums.COMMITTEE_ROLES)}
    roles.sort(key=lambda r: (r["end_date"] is not None and r["end_date"] < day, order.get(r["role"], 99)))
    for r in roles:
        r["current"] = not (r["end_date"] and r["end_date"] < day)
        r["end_date"] = r["end_date"] or ""
    return roles


def groups_table(ledger) -> list[dict]:
    """Every 党小组 by name with ``leader`` ("" without one) and ``size``: its members 在册."""
    groups = ledger.query(
        "SELECT g.id, g.name, g.leader_id, l.name AS leader, "
        "(SELECT COUNT(*) FROM members m WHERE m.party_group_id = g.id AND m.deleted_at IS NULL "
        " AND m.status = ?) AS size "
        "FROM party_groups g LEFT JOIN members l ON l.id = g.leader_id "
        "WHERE g.deleted_at IS NULL ORDER BY g.name, g.id", (enums.ACTIVE_STATUS,))
    for g in groups:
        g["leader"] = g["leader"] or ""
    return groups
