"""The readable Chinese report the ``check`` command prints."""

from __future__ import annotations

from .model import FAILED, MET, NOT_APPLICABLE, PENDING, WARNING, Report

_MARK = {MET: "✓", FAILED: "✗", WARNING: "!", PENDING: "…", NOT_APPLICABLE: "－"}
_NUM = "一二三四五六"


def stars_text(n: int) -> str:
    return "★" * n + "☆" * (5 - n) if n else "未评星"


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
    lines.append("结论：{}；总分 {:.1f}；星级 {}".format(
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
    if report.stars >= 5:
        lines.append("已达到最高星级。")
    elif ns.actions:
        lines.append(f"要在年底达到{stars_text(ns.stars)}（{ns.stars}星），还需：")
        lines.extend(f"  {i}. {a}" for i, a in enumerate(ns.actions, 1))
    else:
        lines.append(f"本年度已无法通过补做工作达到{ns.stars}星。")
    if report.reminders:
        lines.append("")
        lines.append("近期提醒：")
        lines.extend(f"  {r.date.isoformat()}  {r.message}" for r in report.reminders)
    return "\n".join(lines)
