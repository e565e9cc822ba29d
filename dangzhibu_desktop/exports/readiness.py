"""达标创星自评报告 (.pdf and .docx), as a 上级党委 expects it: 总体情况 with the score table, per
基本 a narrative and its 指标 table (no rule codes), 存在问题 and 整改措施 with owners and dates
(``review.findings``, the same words as the 述职), 争创星级, and the 盖章/签字/日期 block — all
from ``Report.to_dict()``.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.platypus import Spacer

from . import docxkit as dk
from . import review
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
    """情况说明 and 佐证 of one rule, as lines (what to do about it is in 整改措施)."""
    lines = []
    if r.get("message"):
        lines.append(sentence(r["message"]).replace("人·月", "人次") + "。")
    ev = [str(e) for e in r.get("evidence") or [] if e not in (None, "")]
    if ev:
        shown = "；".join(ev[:EVIDENCE_SHOWN])
        more = f"等{len(ev)}项" if len(ev) > EVIDENCE_SHOWN else ""
        lines.append(f"依据：{shown}{more}。")
    return "\n".join(lines)


def rule_rows(basic: dict) -> list[list]:
    rows = [["序号", "指标", "类型", "结果", "实测", "标准", "情况说明及佐证"]]
    for i, r in enumerate(basic.get("rules", []), 1):
        rows.append([i, r.get("name", ""), r.get("kind", ""), r.get("status", ""),
                     value_text(r.get("measured")), value_text(r.get("target")), rule_detail(r)])
    return rows


def narrative(basic: dict, found: list[review.Finding], year: int) -> str:
    """What the 基本 stands on, in sentences: its met 指标 in their own words, then what falls short."""
    rules = basic.get("rules", [])
    counts = {s: sum(1 for r in rules if r.get("status") == s) for s in STATUSES}
    judged = len(rules) - counts["不适用"]
    text = f"本项共{len(rules)}个指标，" + (f"达标{counts['达标']}个" if judged else "均不适用")
    text += "".join(f"、{s}{counts[s]}个" for s in STATUSES[1:] if counts[s] and judged)
    text += "。"
    met = [review.dates_in_words(sentence(r.get("message")).replace("人·月", "人次"), year) for r in rules
           if r.get("status") == "达标" and r.get("message")]
    if met:
        text += "；".join(met) + "。"
    mine = [f.frame for f in found if f.basic == basic.get("code") and f.problem]
    if mine:
        text += "存在的不足是" + "，".join(mine) + "（见“存在问题”和“整改措施”）。"
    return text


def problem_lines(found: list[review.Finding]) -> list[str]:
    lines = [f"{i}. {f.sentence()}" for i, f in enumerate((f for f in found if f.problem), 1)]
    return lines or ["对照达标创星标准逐项自查，本年度未发现未达标或预警的指标。"]


def measure_rows(found: list[review.Finding]) -> list[list]:
    """整改措施: one row per target, with its owner and date."""
    rows = [["序号", "存在问题", "整改措施", "责任人", "完成时限"]]
    for i, f in enumerate((f for f in found if f.target), 1):
        rows.append([i, f.frame, f.target + "。", f"{f.owner_role}\n{f.owner}" if f.owner else f.owner_role, f.due])
    return rows


def year_over(job: Job) -> bool:
    """The report's year has ended (today is after its as-of day, 12-31): no 年内 work is left,
    so the 争创星级 section (the plan for the rest of the year) is left out."""
    return job.today > job.as_of


def next_star_lines(report: dict) -> tuple[str, list[str]]:
    nxt = report.get("next_star") or {}
    actions = review.plan_texts(report)  # as the 述职 says them
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


def intro(report: dict) -> str:
    names = "、".join(b.get("name", "") for b in report.get("basics", []))
    return (f"根据上级党委关于开展党支部达标创星工作的要求，支部对照达标创星标准，从{names}"
            f"{cn_number(len(report.get('basics', [])))}个方面逐项自查自评。现将自评情况报告如下：")


def sign_lines(job: Job) -> list[str]:
    return [f"{job.branch_name()}（盖章）", "党支部书记（签字）：　　　　　　", cn_date(job.as_of.isoformat())]


STATUS_COLOURS = {"未达标": (0.99, 0.85, 0.83), "预警": (1.0, 0.95, 0.8), "达标": (0.88, 0.96, 0.88)}


def _findings(job: Job, report: dict) -> list[review.Finding]:
    return review.findings(report, job.year, review.owners(job.ledger, job.as_of, job.name))


def write_pdf(job: Job, path: Path, report: dict | None = None) -> None:
    report = assess(job) if report is None else report
    basics = report.get("basics", [])
    found = _findings(job, report)
    w = PdfWriter(job, path, _title(job), total_units=len(basics))
    story: list = [w.p(_title(job, lines=True), "title"), w.p(intro(report), "body"),
                   w.p("一、总体情况", "h1"), w.p(summary_text(report), "body"), Spacer(1, 2 * mm)]
    story.append(w.table(basics_rows(report), [30 * mm, 20 * mm] + [20 * mm] * 5,
                         align=["c"] * 7, total_rows=1))
    story += w.heading("二、逐项自评", "h1")
    from reportlab.lib import colors

    from .pdfkit import Mark
    for i, b in enumerate(basics, 1):
        story += w.heading(f"（{cn_number(i)}）{b.get('name', '')}（自评得分{_score(b.get('score'))}分）", "h2",
                           room=50 * mm)
        story.append(w.p(narrative(b, found, job.year), "body"))
        rows = rule_rows(b)
        marks = [("BACKGROUND", (3, r), (3, r), colors.Color(*STATUS_COLOURS[row[3]]))
                 for r, row in enumerate(rows) if r and row[3] in STATUS_COLOURS]
        story.append(w.table(rows, [9 * mm, 34 * mm, 10 * mm, 13 * mm, 14 * mm, 22 * mm, 54 * mm],
                             align=["c", "l", "c", "c", "c", "c", "l"], small=True, extra_style=marks))
        story.append(Mark(index=i))
    story += w.heading("三、存在问题", "h1")
    story += [w.p(line, "body") for line in problem_lines(found)]
    rows = measure_rows(found)
    if len(rows) > 1:
        story += w.heading("四、整改措施", "h1")
        story.append(w.table(rows, [9 * mm, 32 * mm, 68 * mm, 22 * mm, 25 * mm],
                             align=["c", "l", "l", "c", "c"], small=True))
    n = 5 if len(rows) > 1 else 4
    if not year_over(job):  # once the year is over nothing is left to do "年内"
        story += w.heading(f"{ORDINAL[n]}、争创星级", "h1")
        lead, actions = next_star_lines(report)
        story.append(w.p(lead, "body"))
        for k, a in enumerate(actions, 1):
            story.append(w.p(f"{k}. {a}。", "body"))
        n += 1
    reminders = report.get("reminders") or []
    if reminders:
        story += w.heading(f"{ORDINAL[n]}、近期提醒", "h1")
        rows = [["日期", "事项"]] + [[cn_date(r.get("date")), r.get("message", "")] for r in reminders]
        story.append(w.table(rows, [32 * mm, 124 * mm], align=["c", "l"], small=True))
    story.append(Spacer(1, 8 * mm))
    story += [w.p(line, "right") for line in sign_lines(job)]
    w.build(story)


ORDINAL = "〇一二三四五六七八九"


def write_docx(job: Job, path: Path, report: dict | None = None) -> None:
    report = assess(job) if report is None else report
    basics = report.get("basics", [])
    found = _findings(job, report)
    doc = dk.new_document(_title(job), author=job.branch_name())
    dk.para(doc, _title(job, lines=True), "Title")
    dk.para(doc, intro(report))
    dk.para(doc, "一、总体情况", "Heading 1")
    dk.para(doc, summary_text(report))
    dk.table(doc, basics_rows(report), [30, 18, 18, 18, 18, 18, 18], align=["c"] * 7, total_rows=1)
    dk.para(doc, "二、逐项自评", "Heading 1")
    for i, b in enumerate(basics, 1):
        job.tick(i, len(basics))
        dk.para(doc, f"（{cn_number(i)}）{b.get('name', '')}（自评得分{_score(b.get('score'))}分）", "Heading 2")
        dk.para(doc, narrative(b, found, job.year))
        dk.table(doc, rule_rows(b), [9, 36, 11, 14, 14, 21, 51], align=["c", "l", "c", "c", "c", "c", "l"],
                 size=10.5)
    dk.para(doc, "三、存在问题", "Heading 1")
    for line in problem_lines(found):
        dk.para(doc, line)
    rows = measure_rows(found)
    if len(rows) > 1:
        dk.para(doc, "四、整改措施", "Heading 1")
        dk.table(doc, rows, [9, 30, 70, 24, 23], align=["c", "l", "l", "c", "c"], size=10.5)
    n = 5 if len(rows) > 1 else 4
    if not year_over(job):
        dk.para(doc, f"{ORDINAL[n]}、争创星级", "Heading 1")
        lead, actions = next_star_lines(report)
        dk.para(doc, lead)
        for k, a in enumerate(actions, 1):
            dk.para(doc, f"{k}. {a}。")
        n += 1
    reminders = report.get("reminders") or []
    if reminders:
        dk.para(doc, f"{ORDINAL[n]}、近期提醒", "Heading 1")
        dk.table(doc, [["日期", "事项"]] + [[cn_date(r.get("date")), r.get("message", "")] for r in reminders],
                 [32, 124], align=["c", "l"])
    for line in sign_lines(job):
        p = dk.para(doc, line, "Normal", align=dk.WD_ALIGN_PARAGRAPH.RIGHT)
        p.paragraph_format.right_indent = dk.Pt(32)
    doc.save(str(path))
