"""Rule sets are data: ``resources/rules/default.json`` or any file of the same shape.

Every number a rule uses comes from its ``params`` here, so another 上级党委's standard is a
new file, not new code. ``load_rule_set`` checks the file's shape and refuses unknown rule
codes with a Chinese message. A number a file leaves out is filled in ONCE, here, from the
bundled ``default.json``: the checks read ``params["key"]`` and hold no second default.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from ..ledger.validate import LedgerError
from . import evidence as _evidence
from .model import KINDS

FORMAT = "dangzhibu-rules"
BASIC_ORDER = ("ORG", "TEAM", "ACT", "ROLE", "SYS", "SUP")


@dataclass(frozen=True)
class RuleSpec:
    code: str
    name: str
    kind: str
    weight: float
    params: dict
    source: str
    checklist: tuple  # ({code, label, evidence}, …) for rules answered by the 自评 checklist


@dataclass(frozen=True)
class BasicSpec:
    code: str
    name: str
    rules: tuple[RuleSpec, ...]


@dataclass(frozen=True)
class RuleSet:
    name: str
    basics: tuple[BasicSpec, ...]
    credit: dict
    basic_min: float
    stars: tuple  # ({stars, min_score, requires?}, …) ascending
    reminder_days: int
    dues: dict
    path: str = ""
    evidence: dict = field(default_factory=dict)  # what needs 佐证材料 (rules.evidence.parse)

    def spec(self, code: str) -> RuleSpec | None:
        for b in self.basics:
            for r in b.rules:
                if r.code == code:
                    return r
        return None

    def params(self, code: str) -> dict:
        """The rule's numbers (the bundled defaults filled in); the defaults for a rule this
        set leaves out, so a page can still ask, e.g., which meeting kinds make up 党小组会."""
        spec = self.spec(code)
        return dict(spec.params) if spec else dict(_default_doc()[1].get(code, {}))


_cache: dict[str, RuleSet] = {}
_defaults: list = []  # [(document, {code: params})] of the bundled default, read once


def _default_doc() -> tuple[dict, dict]:
    """The bundled default rule-set document and its params per rule code: the one source of
    every number a rule set leaves out (merged in ``parse_rule_set``, never in the checks)."""
    if not _defaults:
        path = default_rule_set_path()
        try:
            doc = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise LedgerError(f"内置评估标准文件“{path.name}”无法读取：{exc}") from None
        params = {r["code"]: dict(r.get("params") or {}) for b in doc["basics"] for r in b["rules"]}
        _defaults.append((doc, params))
    return _defaults[0]


def default_rule_set_path() -> Path:
    from ..paths import resource_path

    return resource_path("rules/default.json")


def load_rule_set(path=None) -> RuleSet:
    """Read and check a rule-set file (default: the bundled ``rules/default.json``).

    Raises:
        LedgerError: the file is missing, not JSON, or not a valid rule set (Chinese message).
    """
    p = Path(path) if path is not None else default_rule_set_path()
    key = str(p.resolve())
    try:
        mtime = p.stat().st_mtime_ns
    except OSError:
        raise LedgerError(f"找不到评估标准文件“{p}”") from None
    cached = _cache.get(key)
    if cached is not None and cached.path == f"{key}@{mtime}":
        return cached
    try:
        doc = json.loads(p.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise LedgerError(f"评估标准文件“{p.name}”无法读取：{exc}") from None
    rs = parse_rule_set(doc, f"{key}@{mtime}")
    _cache[key] = rs
    return rs


def parse_rule_set(doc: dict, origin: str = "") -> RuleSet:
    from .checks import RULES  # the registry of rule functions

    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise LedgerError("评估标准文件格式不对（format 应为 dangzhibu-rules）")
    base, base_params = _default_doc()
    basics = []
    seen = set()
    try:
        for b in doc["basics"]:
            rules = []
            for r in b["rules"]:
                code = r["code"]
                if code not in RULES:
                    raise LedgerError(f"评估标准中的指标“{code}”本软件无法计算")
                if code in seen:
                    raise LedgerError(f"评估标准中的指标“{code}”重复出现")
                seen.add(code)
                if r.get("kind") not in KINDS:
                    raise LedgerError(f"指标“{code}”的类别应为否定、可控或弹性")
                rules.append(RuleSpec(code=code, name=r.get("name") or code, kind=r["kind"],
                                      weight=float(r.get("weight", 1)), params={**base_params.get(code, {}), **(r.get("params") or {})},
                                      source=r.get("source", ""),
                                      checklist=tuple(dict(i) for i in r.get("checklist", ()))))
            basics.append(BasicSpec(code=b["code"], name=b["name"], rules=tuple(rules)))
        score = {**base["score"], **(doc.get("score") or {})}
        stars = tuple(sorted((dict(s) for s in score["stars"]), key=lambda s: s["stars"]))
        rs = RuleSet(
            name=doc.get("name", ""), basics=tuple(basics),
            credit={k: float(v) for k, v in {**base["credit"], **(doc.get("credit") or {})}.items()},
            basic_min=float(score["basic_min"]), stars=stars,
            reminder_days=int({**base["reminders"], **(doc.get("reminders") or {})}["days"]),
            dues={**base["dues"], **(doc.get("dues") or {})}, path=origin,
            evidence=_evidence.parse({"evidence": doc["evidence"] if "evidence" in doc else base.get("evidence")}),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise LedgerError(f"评估标准文件内容不完整：{exc}") from None
    return rs


def checklist_items(rule_set: RuleSet | None = None) -> list[dict]:
    """The 自评 checklist the window shows: one dict per item with ``code`` (stored in
    ``checklist.rule_code``), ``rule_code`` (the rule it answers), ``rule_name``, ``label``
    (Chinese) and ``evidence`` (what proof to keep)."""
    rs = rule_set or load_rule_set()
    out = []
    for b in rs.basics:
        for r in b.rules:
            for item in r.checklist:
                out.append({"code": item["code"], "rule_code": r.code, "rule_name": r.name,
                            "basic": b.name, "label": item.get("label", item["code"]),
                            "evidence": item.get("evidence", "")})
    return out
