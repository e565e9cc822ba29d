"""达标创星自评报告 (.pdf and .docx): the six 基本 with their scores, every rule's verdict with
its evidence and advice, the stars and what the next star needs — all from ``Report.to_dict()``.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.platypus import Spacer

from . import docxkit as dk
from .assessment import assess, sentence, value_text
from .common import Job, cn_date, cn_number
from .pdfkit import PdfWriter, mm

STATUSES = ("达标", "未达标", "预警", "待到期", "不适用")
EVIDENCE_SHOWN = 12  # evidence items printed per rule; the rest are counted


def _score(x) -> str:
    return f"{x:.1f}" if isinstance(x, (int, float)) else value_text(x)


def summary_text(report: dict) -> str:
    met = report.get("standard_met")
    stars = report.get("stars") or 0
    text = (f"截至{cn_date(report.get('as_of'))}，对照达标创星标准逐项自评，六个基本综合得分"
            f"{_score(report.get('score'))}分，{'达到' if met else '未达到'}达标标准")
    text += f"，评定为{stars}星级党支部。" if met and stars else "。"
    vetoes = [r.get("name", r.get("code", "")) for b in report.get("basics", []) for r in b.get("rules", [])
              if r.get("kind") == "否定" and r.get("status") == "未达标"]
    if vetoes:
        text += f"否定指标未达标{len(vetoes)}项（{'、'.join(vetoes)}），按规定不能评定为达标。"
    return text


def basics_rows(report: dict) -> list[list]:
    rows = [["基本", "得分", *STATUSES]]
    for b in report.get("basics", []):
        counts = {s: 0 for s in STATUSES}
        for r in b.get("rules", []):
            counts[r.get("status")] = counts.get(r.get("status"), 0) + 1
        rows.append([b.get("name", ""), _score(b.get("score")), *[counts[s] for s in STATUSES]])
    rows.append(["综合", _score(report.get("score")), *[
        sum(1 for b in report.get("basics", []) for r in b.get("rules", []) if r.get("status") == s)
        for s in STATUSES]])
    return rows


def rule_detail(r: dict) -> str:
    """说明, 依据 and 建议 of one rule, as lines."""
    lines = []
    if r.get("message"):
        lines.append(sentence(r["message"]) + "。")
    ev = [str(e) for e in r.get("evidence") or [] if e not in (None, "")]
    if ev:
        shown = "；".join(ev[:EVIDENCE_SHOWN])
        more = f"等{len(ev)}项" if len(ev) > EVIDENCE_SHOWN else ""
        lines.append(f"依据：{shown}{more}。")
    if r.get("advice") and r.get("status") != "达标":
        lines.append(f"建议：{sentence(r['advice'])}。")
    return "\n".join(lines)


def rule_rows(basic: dict) -> list[list]:
    rows = [["序号", "指标", "类型", "结果", "实测", "标准", "说明、依据及建议"]]
    for i, r in enumerate(basic.get("rules", []), 1):
        rows.append([i, f"{r.get('name', '')}\n{r.get('code', '')}", r.get("kind", ""), r.get("status", ""),
                     value_text(r.get("measured")), value_text(r.get("target")), rule_detail(r)])
    return rows


def next_star_lines(report: dict) -> tuple[str, list[str]]:
    nxt = report.get("next_star") or {}
    actions = [sentence(a) for a in nxt.get("actions") or [] if sentence(a)]
    stars = nxt.get("target_stars", nxt.get("stars"))
    if nxt.get("blocked_by"):
        names = {r.get("code"): r.get("name") for b in report.get("basics") or [] for r in b.get("rules") or []}
        blocked = "”“".join(names.get(c) or c for c in nxt["blocked_by"])
        return (f"否定指标“{blocked}”已无法在本年度补救，本年度不能达标；"
                f"年内仍应完成以下{len(actions)}项工作：" if actions else "否定指标已无法在本年度补救，本年度不能达标。",
                actions)
    if not stars:
        return ("本年度已达到最高星级，请保持。" if (report.get("stars") or 0) >= 5
                else "暂无可在年内完成的升星措施。", [])
    if not actions:
        return (f"争创{stars}星级：暂无可列出的具体措施。", [])
    return (f"争创{stars}星级党支部，年内还需完成以下{len(actions)}项工作：", actions)


def _title(job: Job, lines: bool = False) -> str:
    return f"{job.branch_name()}{job.year}年度{chr(10) if lines else ''}达标创星自评报告"


STATUS_COLOURS = {"未达标": (0.99, 0.85, 0.83), "预警": (1.0, 0.95, 0.8), "达标": (0.88, 0.96, 0.88)}


def write_pdf(job: Job, path: Path, report: dict | None = None) -> None:
    report = assess(job) if report is None else report
    basics = report.get("basics", [])
    w = PdfWriter(job, path, _title(job), total_units=len(basics))
    story: list = [w.p(_title(job, lines=True), "title"), w.p("一、总体情况", "h1"), w.p(summary_text(report), "body"),
                   Spacer(1, 2 * mm)]
    story.append(w.table(basics_rows(report), [30 * mm, 20 * mm] + [20 * mm] * 5,
                         align=["c"] * 7, total_rows=1))
    story += w.heading("二、逐项评估", "h1")
    from reportlab.lib import colors

    for i, b in enumerate(basics, 1):
        story += w.heading(f"（{cn_number(i)}）{b.get('name', '')}（得分{_score(b.get('score'))}分）", "h2",
                           room=50 * mm)
        rows = rule_rows(b)
        marks = [("BACKGROUND", (3, r), (3, r), colors.Color(*STATUS_COLOURS[row[3]]))
                 for r, row in enumerate(rows) if r and row[3] in STATUS_COLOURS]
        story.append(w.table(rows, [9 * mm, 34 * mm, 10 * mm, 12 * mm, 14 * mm, 22 * mm, 55 * mm],
                             align=["c", "l", "c", "c", "c", "c", "l"], small=True, extra_style=marks))
        from .pdfkit import Mark
        story.append(Mark(index=i))
    story += w.heading("三、争创星级", "h1")
    lead, actions = next_star_lines(report)
    story.append(w.p(lead, "body"))
    for k, a in enumerate(actions, 1):
        story.append(w.p(f"{k}. {a}。", "body"))
    reminders = report.get("reminders") or []
    if reminders:
        story += w.heading("四、近期提醒", "h1")
        rows = [["日期", "事项"]] + [[cn_date(r.get("date")), r.get("message", "")] for r in reminders]
        story.append(w.table(rows, [32 * mm, 124 * mm], align=["c", "l"], small=True))
    w.build(story)


def write_docx(job: Job, path: Path, report: dict | None = None) -> None:
    report = assess(job) if report is None else report
    basics = report.get("basics", [])
    doc = dk.new_document(_title(job))
    dk.para(doc, _title(job, lines=True), "Title")
    dk.para(doc, "一、总体情况", "Heading 1")
    dk.para(doc, summary_text(report))
    dk.table(doc, basics_rows(report), [30, 18, 18, 18, 18, 18, 18], align=["c"] * 7, total_rows=1)
    dk.para(doc, "二、逐项评估", "Heading 1")
    for i, b in enumerate(basics, 1):
        job.tick(i, len(basics))
        dk.para(doc, f"（{cn_number(i)}）{b.get('name', '')}（得分{_score(b.get('score'))}分）", "Heading 2")
        dk.table(doc, rule_rows(b), [9, 36, 11, 13, 14, 21, 52], align=["c", "l", "c", "c", "c", "c", "l"],
                 size=10.5)
    dk.para(doc, "三、争创星级", "Heading 1")
    lead, actions = next_star_lines(report)
    dk.para(doc, lead)
    for k, a in enumerate(actions, 1):
        dk.para(doc, f"{k}. {a}。")
    reminders = report.get("reminders") or []
    if reminders:
        dk.para(doc, "四、近期提醒", "Heading 1")
        dk.table(doc, [["日期", "事项"]] + [[cn_date(r.get("date")), r.get("message", "")] for r in reminders],
                 [32, 124], align=["c", "l"])
    doc.save(str(path))
