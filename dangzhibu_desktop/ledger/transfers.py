"""组织关系转接 and the member's dates: a transfer record decides them, so nothing asks twice.

The one reading of a member's dates is ``store.on_books``: on the books from ``joined_branch_on``
(that day included) until the day before ``left_on``. The rule, applied whenever a transfer is
saved, edited, moved to the 回收站 or restored (never on a data-package import, whose members
carry their dates already):

- 转入 on D: she arrives on D. ``joined_branch_on`` is the date of her latest 转入.
- 转出 on D: she leaves on D, the first day off the books (the last day on them is D − 1; a month
  whose 1st is D or later owes no dues here). When her latest transfer (by date, then entry order)
  is a 转出, ``left_on`` is its date and her status 转出.
- When her latest transfer is a 转入 and she was 转出 before it (she came back), ``left_on`` is
  cleared and she is 在册 again; 停止党籍, 出党 and 去世 are not about the relation and stay.
- A transfer taken away (回收站, or edited to another person) undoes what it had set, where the
  member still shows it: a 转出's ``left_on`` and 转出 status, a 转入's ``joined_branch_on``.
  Dates typed on the member without any transfer record stay as typed.
"""

from __future__ import annotations

from typing import Any, Mapping

from . import enums
from .errors import ValidationError

TEXT = {
    "out_before_in": "转出日期{left}早于{name}转入本支部的日期{joined}，请核对",
}


def _key(t: Mapping[str, Any]):
    return (t["date"], t.get("id") or 0)


def member_dates(member: Mapping[str, Any], transfers: list[Mapping[str, Any]],
                 dropped: Mapping[str, Any] | None = None) -> dict:
    """What changes on ``member`` (``joined_branch_on``, ``left_on``, ``status``) given her
    ``transfers`` not in the 回收站 and the one just taken away (``dropped``), by the rule above.
    Only the fields that change are returned."""
    live = sorted(transfers, key=_key)
    ins = [t for t in live if t["direction"] == enums.TRANSFER_IN]
    joined, left, status = member.get("joined_branch_on"), member.get("left_on"), member.get("status")
    gone_in = dropped is not None and dropped.get("direction") == enums.TRANSFER_IN
    gone_out = dropped is not None and dropped.get("direction") == enums.TRANSFERRED_OUT
    if ins:
        joined = ins[-1]["date"]
    elif gone_in and joined == dropped.get("date"):
        joined = None
    latest = live[-1] if live else None
    if latest is not None and latest["direction"] == enums.TRANSFERRED_OUT:
        left, status = latest["date"], enums.TRANSFERRED_OUT
    elif status == enums.TRANSFERRED_OUT:
        came_back = latest is not None and (left is None or left <= latest["date"])
        undone = gone_out and left == dropped.get("date")
        if came_back or undone:
            left, status = None, enums.ACTIVE_STATUS
    new = {"joined_branch_on": joined, "left_on": left, "status": status}
    return {k: v for k, v in new.items() if member.get(k) != v}


def follow(ledger, member_id: int | None, dropped: Mapping[str, Any] | None = None) -> None:
    """Bring the member's dates in line with her transfers (inside the caller's transaction)."""
    if member_id is None:
        return
    member = ledger.get("members", member_id)
    if member is None:  # in the 回收站: her dates wait until she is restored and edited
        return
    transfers = ledger.rows("transfers", "member_id = ?", (member_id,))
    changes = member_dates(member, transfers, dropped)
    if not changes:
        return
    merged = {**member, **changes}
    if merged["joined_branch_on"] and merged["left_on"] and merged["left_on"] < merged["joined_branch_on"]:
        raise ValidationError(TEXT["out_before_in"].format(
            left=merged["left_on"], name=member["name"], joined=merged["joined_branch_on"]), "date")
    ledger.update("members", member_id, changes)
