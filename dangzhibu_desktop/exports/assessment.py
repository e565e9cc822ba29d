"""The rules engine's verdict for the exported year, as the plain dict of ``Report.to_dict()``.

The 述职报告 and the 自评报告 read only that dict (its documented shape), never the engine's
internals, so the two can change independently.
"""

from __future__ import annotations

from ..rules import evaluate
from .common import Job


def assess(job: Job) -> dict:
    """``evaluate(ledger, year, as_of).to_dict()`` for the job's year and as-of day."""
    return evaluate(job.ledger, job.year, job.as_of).to_dict()


def value_text(value) -> str:
    """A measured or target value as a person reads it."""
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else f"{value:.1f}"
    if isinstance(value, (list, tuple)):
        return "、".join(value_text(v) for v in value) or "—"
    if isinstance(value, dict):
        return "；".join(f"{k}：{value_text(v)}" for k, v in value.items()) or "—"
    return str(value)


def sentence(text) -> str:
    """Trim trailing punctuation so fragments can be joined with '；' and closed with '。'
    (a plan action of ``check --json`` gives its ``text``)."""
    if isinstance(text, dict):
        text = text.get("text")
    return (text or "").strip().rstrip("。；;.，, ")
