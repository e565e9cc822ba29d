"""What every exporter shares: the job (ledger, year, masking, progress), names and safe writing."""

from __future__ import annotations

import contextlib
import datetime as _dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from ..ledger import enums, steps as _steps
from ..ledger.store import on_books
from ..ledger.validate import LedgerError, format_hours, format_money
from ..rules.asof import as_of_day


class ExportCancelled(LedgerError):
    """The person cancelled the export; nothing was written."""

    def __init__(self):
        super().__init__("已取消导出，未生成文件")


@dataclass
class Job:
    """One export: what to read, and how to report progress and notice a cancel.

    Args:
        ledger: the open ledger.
        year: the year exported.
        show_id: print 身份证号 in full (masked by default).
        show_phone: print phone numbers in full (masked like 138****5678 by default).
        progress: ``progress(done, total)`` for the window's progress dialog.
        cancel: returns True once the person asked to stop.
        blank_after_cover: the 会议记录簿 gets a blank page after its cover, so that printed
            on both sides the 目录 and every odd page are right-hand pages.
    """

    ledger: object
    year: int
    show_id: bool = False
    show_phone: bool = False
    progress: Callable[[int, int], None] | None = None
    cancel: Callable[[], bool] | None = None
    today: _dt.date = field(default_factory=_dt.date.today)
    meeting_id: int | None = None  # signin: the meeting whose 签到表 is made
    blank_after_cover: bool = False  # ledger: a blank page behind the cover, for two-sided printing
    quarter: int | None = None  # evidence: the 季度合订 of this quarter (1–4) instead of the year
    member_id: int | str | None = None  # development: one person's 纪实表; None or "all": everyone's
    _names: dict | None = None

    @property
    def as_of(self) -> _dt.date:
        """The day the year is looked at (``rules.as_of_day``, the one as-of convention)."""
        return as_of_day(self.year, self.today)

    def tick(self, done: int, total: int) -> None:
        """Report progress and stop here when cancelled."""
        if self.cancel is not None and self.cancel():
            raise ExportCancelled()
        if self.progress is not None:
            self.progress(done, total)

    def id_text(self, id_number: str | None) -> str:
        if not id_number:
            return ""
        return id_number if self.show_id else mask_id(id_number)

    def phone_text(self, phone: str | None) -> str:
        if not phone:
            return ""
        return phone if self.show_phone else mask_phone(phone)

    def names(self) -> dict[int, str]:
        """Member id -> name, including people since deleted (old records still name them)."""
        if self._names is None:
            self._names = {r["id"]: r["name"] for r in
                           self.ledger.query("SELECT id, name FROM members")}
        return self._names

    def name(self, member_id: int | None) -> str:
        if member_id is None:
            return ""
        return self.names().get(member_id, f"编号{member_id}")

    def branch_name(self) -> str:
        b = self.ledger.branch() or {}
        return b.get("name") or "党支部"  # a name for the page, not the enumeration


def mask_id(id_number: str) -> str:
    """110101199003071234 -> 110101********1234 (first 6 and last 4 kept)."""
    s = str(id_number)
    if len(s) <= 10:
        return "*" * len(s)
    return s[:6] + "*" * (len(s) - 10) + s[-4:]


def mask_phone(phone: str) -> str:
    """13812345678 -> 138****5678; 0531-88886666 -> 0531-****6666 (the last 4 kept)."""
    s = str(phone)
    digits = [i for i, c in enumerate(s) if c.isdigit()]
    if len(digits) <= 4:
        return "*" * len(s)
    keep_head = 3 if s.startswith("1") else (s.index("-") + 1 if "-" in s[:6] else 3)
    hide = [i for i in digits[:-4] if i >= keep_head]
    return "".join("*" if i in hide else c for i, c in enumerate(s))


def hours_text(tenths: int | None) -> str:
    return format_hours(tenths or 0)


def money_text(fen: int | None) -> str:
    return format_money(fen or 0)


def percent_text(num: int, den: int) -> str:
    """'93.5%' with one decimal; '—' when nothing was due."""
    if not den:
        return "—"
    return f"{num * 100 / den:.1f}%"


def cn_date(iso: str | None) -> str:
    """'2025-03-12' -> '2025年3月12日'."""
    if not iso:
        return ""
    try:
        d = _dt.date.fromisoformat(str(iso)[:10])
    except ValueError:
        return str(iso)
    return f"{d.year}年{d.month}月{d.day}日"


CN_NUMERALS = "零一二三四五六七八九十"


def cn_number(n: int) -> str:
    """1..99 in Chinese numerals for 一、二、… headings."""
    if n <= 10:
        return CN_NUMERALS[n]
    tens, ones = divmod(n, 10)
    return (CN_NUMERALS[tens] if tens > 1 else "") + "十" + (CN_NUMERALS[ones] if ones else "")


def party_members_on(job: Job, day: _dt.date) -> list[dict]:
    """正式党员 and 预备党员 on the books on ``day`` (``Ledger.party_members_on``)."""
    return job.ledger.party_members_on(day)


PARTY_CATEGORIES = enums.PARTY_MEMBERS


class CategoryOnDay:
    """Who someone was on a given day: their category then, and whether a 党员 of this branch.

    Figures that say 党员…人次 count a person only on days they were a 正式/预备党员 on the
    books (same reading as ``Ledger.members_on``): a 入党积极分子 in a volunteer activity served
    too, but not as a 党员; someone admitted in June counts from June on; someone who moved
    away in August still counts for May. Steps and member rows are read once.
    """

    def __init__(self, job: Job):
        self._steps = job.ledger.steps_by_member()
        self._members = {m["id"]: m for m in job.ledger.rows("members")}
        self._cache: dict[tuple[int, str], str | None] = {}

    def category(self, member_id: int, day: str | _dt.date) -> str | None:
        """The derived category on ``day`` (入党积极分子, 正式党员 …), None without steps."""
        key = (member_id, str(day)[:10])
        if key not in self._cache:
            self._cache[key] = _steps.derive_category(self._steps.get(member_id, []),
                                                      _dt.date.fromisoformat(key[1]))
        return self._cache[key]

    def on_books(self, member_id: int, day: str | _dt.date) -> bool:
        m = self._members.get(member_id)
        if m is None:
            return False  # in the 回收站
        return on_books(m.get("joined_branch_on"), m.get("left_on"), m.get("status") == enums.ACTIVE_STATUS,
                        str(day)[:10])

    def is_party_member(self, member_id: int, day: str | _dt.date) -> bool:
        return self.on_books(member_id, day) and self.category(member_id, day) in PARTY_CATEGORIES


def secretary_id(job: Job, day: _dt.date) -> int | None:
    """The 书记 in office on ``day`` (``Ledger.secretary_on``)."""
    row = job.ledger.secretary_on(day)
    return row["member_id"] if row else None


@contextlib.contextmanager
def atomic_output(out_path: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``out_path``; on success it replaces ``out_path``.

    A cancelled or failed export removes the temporary file, so no half-written document is
    ever left under the name the person chose.
    """
    out_path = Path(out_path)
    tmp = out_path.with_name(f".{out_path.stem}.{os.getpid()}.part{out_path.suffix}")
    try:
        yield tmp
        if not tmp.exists():
            raise LedgerError("导出失败：未生成文件")
        try:
            os.replace(tmp, out_path)
        except PermissionError:
            raise LedgerError(f"无法写入“{out_path.name}”：文件可能正在Word、WPS或Excel中打开，"
                              f"请关闭后重试") from None
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()
