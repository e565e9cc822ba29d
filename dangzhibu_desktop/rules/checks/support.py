"""The rules answered by the 自评 checklist (SYS-DOCS and 基本保障 SUP-*)."""

from __future__ import annotations

from ..asof import by_words
from ..model import FAILED, MET, Action, Fix, Outcome
from ..snapshot import Snapshot
from .common import RULES


def checklist_rule(snap: Snapshot, p: dict, spec) -> Outcome:
    """SYS-DOCS, SUP-VENUE …: answered in the 自评 checklist (a row per item code and year)."""
    items = list(spec.checklist) or [{"code": spec.code, "label": spec.name, "evidence": ""}]
    whole = snap.checklist.get(spec.code)
    met, unanswered, unmet, evidence = [], [], [], []
    for item in items:
        row = snap.checklist.get(item["code"]) or whole
        label = item.get("label", item["code"])
        if row is None:
            unanswered.append(item)
        elif row.get("met"):
            met.append(item)
            if row is whole and len(items) > 1:
                line = f"{spec.name}：{row.get('evidence') or '已落实（未填写佐证）'}"
            else:
                line = f"{label}：{row.get('evidence') or '已落实（未填写佐证）'}"
            if line not in evidence:
                evidence.append(line)
        else:
            unmet.append(item)
    target = f"{len(items)}项均落实" if len(items) > 1 else "已落实"
    measured = f"{len(met)}/{len(items)}"
    if not unanswered and not unmet:
        return Outcome(MET, measured, target, f"{len(items)}项均已落实" if len(items) > 1 else "已落实", "", evidence)
    todo = unmet + unanswered
    if unanswered and not unmet:
        msg = "尚未填写自评事项：" + "、".join(i.get("label", i["code"]) for i in unanswered)
        advice = "在“自评事项”中逐项填写落实情况并注明佐证材料"
    else:
        msg = "未落实：" + "、".join(i.get("label", i["code"]) for i in todo)
        advice = "；".join(f"落实{i.get('label', i['code'])}（佐证：{i.get('evidence') or '相关材料'}）" for i in todo)
    actions = [Action("checklist", snap.end, f"{by_words(snap.end, snap.day)}落实{i.get('label', i['code'])}并在自评事项中登记佐证",
                      {"rule_code": i["code"]}, snap.day) for i in todo]
    return Outcome(FAILED, measured, target, msg, advice,
                   evidence + [f"{i.get('label', i['code'])}：未填写" for i in unanswered]
                   + [f"{i.get('label', i['code'])}：未落实" for i in unmet],
                   Fix(actions, len(actions)))


for _code in ("SYS-DOCS", "SUP-VENUE", "SUP-FUNDS", "SUP-BRAND"):
    RULES[_code] = checklist_rule
CHECKLIST_RULES = {"SYS-DOCS", "SUP-VENUE", "SUP-FUNDS", "SUP-BRAND"}
