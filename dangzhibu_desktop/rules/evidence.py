"""佐证材料 in the rules: a rule set can require attachments (DESIGN.md "Attachments").

The rule-set file says what needs proof, in its ``evidence`` section::

    "evidence": {"checklist": true, "meetings": {"主题党日": ["照片"]}}

- ``checklist``: every 自评 item answered 已落实 needs at least one attachment on its row;
- ``meetings``: each meeting of a listed kind held in the year up to the as-of day needs an
  attachment of one of the listed kinds (an empty list: any kind), judged in the rules that
  count that kind (their ``params.meeting_kinds``).

A rule that would be 达标 but lacks such proof is 预警 "缺少佐证材料", naming what lacks it,
with the action to attach it. The bundled default requires it for the checklist, not for
meetings; a file without the section takes the bundled default's (as every other number).
"""

from __future__ import annotations

from dataclasses import replace

from .model import MET, WARNING, Fix, RuleResult

MISSING = "缺少佐证材料"
TEXT = {
    "checklist": "{label}已勾选落实，但没有上传佐证材料",
    "meeting": "{date}{kind}没有{kinds}",
    "any": "佐证材料",
    "advice_checklist": "在“自评事项”中选中该项，点“添加…”上传佐证材料（照片、扫描件或文件）",
    "advice_meeting": "打开这些会议记录，在“佐证材料”页添加{kinds}",
    "action_checklist": "为“{label}”添加佐证材料",
    "action_meeting": "为{date}{kind}添加{kinds}",
}


def parse(doc: dict) -> dict:
    """The rule-set file's ``evidence`` section, checked: {"checklist": bool, "meetings": {kind: [kinds]}}."""
    from ..ledger import enums
    from ..ledger.validate import LedgerError

    sec = doc.get("evidence") or {}
    if not isinstance(sec, dict):
        raise LedgerError("评估标准中的 evidence 应为对象")
    meetings = sec.get("meetings") or {}
    if not isinstance(meetings, dict):
        raise LedgerError("评估标准中的 evidence.meetings 应为 会议类型: [材料类别] 的对象")
    for kind, kinds in meetings.items():
        if kind not in enums.MEETING_KINDS:
            raise LedgerError(f"评估标准 evidence.meetings 中的会议类型“{kind}”不存在")
        if not isinstance(kinds, list) or any(k not in enums.ATTACHMENT_KINDS for k in kinds):
            raise LedgerError(f"评估标准 evidence.meetings 中“{kind}”的材料类别应为"
                              + "、".join(enums.ATTACHMENT_KINDS) + "中的若干项")
    return {"checklist": bool(sec.get("checklist", False)), "meetings": {k: list(v) for k, v in meetings.items()}}


def _attached(snap, owner_table: str) -> dict[int, set[str]]:
    """Attachment kinds per record of ``owner_table`` (not in the 回收站), read once per check."""
    key = ("evidence", owner_table)
    if key not in snap.cache:
        out: dict[int, set[str]] = {}
        for owner_id, kind in snap._ledger.conn.execute(
                "SELECT owner_id, kind FROM attachments WHERE owner_table = ? AND deleted_at IS NULL",
                (owner_table,)):
            out.setdefault(owner_id, set()).add(kind)
        snap.cache[key] = out
    return snap.cache[key]


def _missing_checklist(snap, spec) -> list[str]:
    items = list(spec.checklist) or [{"code": spec.code, "label": spec.name}]
    whole = snap.checklist.get(spec.code)
    have = _attached(snap, "checklist")
    out = []
    for item in items:
        row = snap.checklist.get(item["code"]) or whole
        if row and row.get("met") and not have.get(row["id"]):
            out.append(item.get("label", item["code"]))
    return list(dict.fromkeys(out))


def _missing_meetings(snap, spec, required: dict) -> list[tuple[str, str, list[str]]]:
    kinds = [k for k in (spec.params["meeting_kinds"] if "meeting_kinds" in spec.params else ()) if k in required]
    if not kinds:
        return []
    have = _attached(snap, "meetings")
    out = []
    for m in snap._ledger.query(
            f"SELECT id, kind, date FROM meetings WHERE deleted_at IS NULL AND date >= ? AND date <= ? "
            f"AND kind IN ({','.join('?' * len(kinds))}) ORDER BY date, id",
            (str(snap.start), str(snap.day), *kinds)):
        wanted = required[m["kind"]]
        got = have.get(m["id"], set())
        if not (got & set(wanted) if wanted else got):
            out.append((m["date"], m["kind"], wanted))
    return out


def check(snap, required: dict, spec, result: RuleResult) -> RuleResult:
    """The rule's result, turned 预警 when it is 达标 but the proof the rule set asks for is missing."""
    if result.status != MET or not required:
        return result
    lines, actions, advice = [], [], ""
    if required.get("checklist") and spec.checklist is not None and _is_checklist(spec):
        for label in _missing_checklist(snap, spec):
            lines.append(TEXT["checklist"].format(label=label))
            actions.append(TEXT["action_checklist"].format(label=label))
        advice = TEXT["advice_checklist"] if lines else ""
    meetings = required.get("meetings") or {}
    if meetings:
        missing = _missing_meetings(snap, spec, meetings)
        for date, kind, wanted in missing:
            what = "或".join(wanted) if wanted else TEXT["any"]
            lines.append(TEXT["meeting"].format(date=date, kind=kind, kinds=what))
            actions.append(TEXT["action_meeting"].format(date=date, kind=kind, kinds=what))
        if missing:
            wanted = sorted({k for _, _, w in missing for k in w})
            advice = "；".join(a for a in (advice, TEXT["advice_meeting"].format(
                kinds="或".join(wanted) if wanted else TEXT["any"])) if a)
    if not lines:
        return result
    shown = "；".join(lines[:3]) + (f"等{len(lines)}处" if len(lines) > 3 else "")
    fix = Fix(actions, len(actions))  # attaching the proof is possible until the end of the year
    return replace(result, status=WARNING, message=f"{MISSING}：{shown}", advice=advice,
                   evidence=list(result.evidence) + lines, fix=fix)


def _is_checklist(spec) -> bool:
    from .checks import RULES, checklist_rule

    return RULES.get(spec.code) is checklist_rule
