"""What a meeting, 党课 or training was about, for the 述职报告's genre: the year's records
sorted under 政治理论学习, 意识形态, 党风廉政, 保密 and 党建与业务融合 by the words of their topics
(``resources/topics.json``, data a branch can extend with its own wording)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache

THEORY, IDEOLOGY, INTEGRITY, SECRECY, BUSINESS = "theory", "ideology", "integrity", "secrecy", "business"


@dataclass(frozen=True)
class Topic:
    key: str
    label: str
    words: tuple[str, ...]


@lru_cache(maxsize=1)
def topics() -> tuple[Topic, ...]:
    from ..paths import resource_path

    data = json.loads(resource_path("topics.json").read_text("utf-8"))
    return tuple(Topic(t["key"], t["label"], tuple(t["words"])) for t in data["topics"])


def classify(text: str | None) -> set[str]:
    """The keys of every topic whose words occur in ``text``."""
    if not text:
        return set()
    return {t.key for t in topics() if any(w in text for w in t.words)}


# "3月党员网络学习：党的二十届四中全会精神" and "党员集中轮训（春季）：…" name one subject each month:
# the subject is what the report quotes, once.
_PREFIX = re.compile(r"^[^：:]{0,20}[：:]")
_CLAUSES = re.compile(r"[，；;,]")
_VERBS = re.compile(r"^(?:传达学习|深入学习|集中学习|学习贯彻|学习|结合|开展|组织)")


def subject(text: str, key: str | None = None) -> str:
    """The subject of a topic line: the clause about ``key`` (a meeting's topic often lists
    several items), without a "N月…学习：" prefix or a leading 学习/开展, e.g.
    "讨论接收…；学习党的二十届四中全会精神" -> "党的二十届四中全会精神"."""
    text = text.strip()
    body = _PREFIX.sub("", text) if len(text) > 8 else text
    clauses = [c.strip() for c in _CLAUSES.split(body) if c.strip()] or [body]
    if key is not None:
        clauses = [c for c in clauses if key in classify(c)] or clauses
    out = _VERBS.sub("", clauses[0]).strip("。 ")
    return out if len(out) >= 2 else clauses[0].strip("。 ")


def subjects(texts, limit: int = 3, key: str | None = None) -> list[str]:
    """Distinct subjects in order of first appearance, at most ``limit``."""
    out: list[str] = []
    for t in texts:
        s = subject(t, key)
        if s and s not in out:
            out.append(s)
        if len(out) >= limit:
            break
    return out


def named(subject_text: str) -> str:
    """A subject as the report writes it: a document (《…》) or 精神/论述/讲话 as it is, an
    activity's own title in quotation marks (with inner “” turned to ‘’)."""
    if subject_text.startswith("《") or subject_text.endswith(("精神", "论述", "讲话", "思想")):
        return subject_text
    return "“" + subject_text.replace("“", "‘").replace("”", "’") + "”"


def listing(subject_texts: list[str], more: bool = False) -> str:
    """Subjects joined as Chinese typography wants: quoted titles follow each other without a
    顿号, other items take one; "等" when there are more than shown."""
    out = ""
    for i, s in enumerate(subject_texts):
        n = named(s)
        if i and not (out.endswith("”") and n.startswith("“")):
            out += "、"
        out += n
    return out + ("等" if more else "")
