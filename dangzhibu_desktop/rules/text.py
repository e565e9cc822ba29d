"""The readable Chinese report the ``check`` command prints."""

from __future__ import annotations

from .model import FAILED, MET, NOT_APPLICABLE, PENDING, WARNING, Report

_MARK = {MET: "✓", FAILED: "✗", WARNING: "!", PENDING: "…", NOT_APPLICABLE: "－"}
_NUM = "一二三四五六"


def stars_text(n: int) -> str:
    return "★" * n + "☆" * (5 - n) if n else "未评星"


def plan_lines(actions: list[dict]) -> list[str]:
    """The plan as lines a secretary reads: the month-by-month dues collection of many members
    due on the same day is one line ("12月31日前按月收缴18名党员12月党费并登记"); every other
    action its own text, in the plan's order."""
    return [text for text, _ in plan_items(actions)]


def plan_items(actions: list[dict]) -> list[tuple[str, int]]:
    """``plan_lines`` with, for each line, the index of the (first) action it stands for."""
    out: list = []
    groups: dict = {}
    for i, a in enumerate(actions):
        text = a.get("text") or ""
        fields = a.get("params") or {}
        if a.get("type") == "dues" and "按月收缴" in text:
            key = (a.get("by"), tuple(fields.get("months") or ()))
            if key not in groups:
                groups[key] = [text.split("按月收缴")[0], [], i]
                out.append(key)
            groups[key][1].append(text)
        else:
            out.append((text, i))
    lines = []
    for item in out:
        if item not in groups:
            lines.append(item)
            continue
        prefix, texts, first = groups[item]
        if len(texts) == 1:
            lines.append((texts[0], first))
        else:
            months = "、".join(f"{int(ym[5:7])}月" for ym in item[1])
            lines.append((f"{prefix}按月收缴{len(texts)}名党员{months}党费并登记", first))
    return lines


def projection_text(projection: dict | None) -> str:
    """The headline of the year (DESIGN.md "Projection and plan"), e.g.
    "按计划可达 ★★★★ · 若不再行动 ★★ · 已确保 ★" ("未达标" where the year would not reach 达标)."""
    if not projection:
        return ""

    def stars(standing: dict) -> str:
        n = int(standing.get("stars") or 0)
        return "★" * n if n and standing.get("standard_met") else "未达标"

    return (f"按计划可达 {stars(projection['with_plan'])} · 若不再行动 {stars(projection['if_nothing_more'])}"
            f" · 已确保 {stars(projection['secured'])}")


def _value(v) -> str:
    if v is None:
        return "—"
    if isinstance(v, float):
        return f"{v:g}"
    return str(v)


def format_report(report: Report) -> str:
    lines = [
        f"党支部达标创星评估（{report.year}年度，截至{report.as_of.isoformat()}）",
    ]
    if report.rule_set_name:
        lines.append(f"评估标准：{report.rule_set_name}")
    counts = {s: 0 for s in _MARK}
    for r in report.rules:
        counts[r.status] = counts.get(r.status, 0) + 1
    if report.projection is not None:
        lines.append("年底预计：" + projection_text(report.projection.to_dict()))
    lines.append("截至目前：{}；总分 {:.1f}；星级 {}".format(
        "达标" if report.standard_met else "未达标", report.score, stars_text(report.stars)))
    lines.append("指标：" + "，".join(f"{s}{n}项" for s, n in counts.items() if n))
    vetoes = [r for r in report.rules if r.kind == "否定" and r.status == FAILED]
    if vetoes:
        lines.append("否定指标未达标：" + "、".join(r.name for r in vetoes))
    for i, b in enumerate(report.basics):
        lines.append("")
        lines.append(f"{_NUM[i] if i < len(_NUM) else i + 1}、{b.name}（{b.score:.1f}分）")
        for r in b.rules:
            lines.append(f"  [{_MARK.get(r.status, '?')}{r.status}] {r.name}（{r.code}，{r.kind}）")
            lines.append(f"      {r.message}")
            lines.append(f"      目标：{_value(r.target)}；实测：{_value(r.measured)}")
            for e in r.evidence[:8]:
                lines.append(f"      · {e}")
            if len(r.evidence) > 8:
                lines.append(f"      · ……另有{len(r.evidence) - 8}条")
            if r.advice and r.status in (FAILED, WARNING, PENDING):
                lines.append(f"      建议：{r.advice}")
    lines.append("")
    ns = report.next_star
    blocked = "”“".join(report.rule(c).name if report.rule(c) else c for c in ns.blocked_by)
    if ns.blocked_by:
        lines.append(f"否定指标“{blocked}”已无法在本年度补救，本年度不能达标；以下工作仍应按时完成，保持全年工作正常：")
    elif ns.actions and ns.reachable:
        verb = "保持" if ns.stars <= report.stars else "达到"
        lines.append(f"要在年底{verb}{stars_text(ns.stars)}（{ns.stars}星），还需按时完成：")
    elif ns.actions:
        lines.append("即使完成以下全部工作，本年度也难以达标；仍应按时完成：")
    elif report.stars >= 5:
        lines.append("已达到最高星级，本年度工作均已完成。")
    else:
        lines.append("本年度已没有可补做的工作。")
    lines.extend(f"  {i}. {t}" for i, t in enumerate(plan_lines(ns.to_dict()["actions"]), 1))
    if report.reminders:
        lines.append("")
        lines.append("近期提醒：")
        lines.extend(f"  {r.date.isoformat()}  {r.message}" for r in report.reminders)
    return "\n".join(lines)
