"""年度党建工作计划 (.docx / .pdf) for year Y: what the branch must do in the year, month by month.

Nothing here decides what is required: the obligations are the rules engine's plan for the year
judged from 1 January (``next_star.actions``, each with its rule, type, params and deadline —
DESIGN.md "Projection and plan"), and the measures against last year's shortfalls are the same
``review.findings`` targets the 述职 and the 自评报告 promise. This module only groups and words
them: 工作目标, 重点工作 per 基本, 整改措施, 月度安排, 保障措施.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from ..ledger import enums
from . import docxkit as dk
from . import review
from .common import Job, cn_date, cn_number
from .pdfkit import PdfWriter

TEXT = {
    "title": "{branch}\n{year}年党建工作计划",  # broken where the sense breaks
    "intro": "为深入学习贯彻习近平新时代中国特色社会主义思想，认真落实《中国共产党支部工作条例（试行）》"
             "和上级党委工作部署，对照达标创星标准，结合支部实际，制定{year}年党建工作计划如下。",
    "goal": "对照达标创星标准，{basics}全部达标，争创{stars}星级党支部。",
    "goal_top": "对照达标创星标准，{basics}全部达标，巩固五星级党支部建设成果。",
    "measures_lead": "针对{year}年自评和述职中查摆的问题，逐项明确整改措施、责任人和完成时限：",
    "guarantee": [
        "（一）落实责任。支部书记履行第一责任人职责，支委按分工抓好落实{owners}。",
        "（二）按月调度。支部委员会每月研究党建工作，对照本计划检查上月落实情况、安排当月工作。",
        "（三）季度检查。每季度末对照达标创星标准自查一次，发现问题及时整改，年底形成自评报告。",
    ],
}
MONTH_HEAD = ["月份", "工作安排"]
BASIC_LEADS = {
    "ORG": "健全组织体系。",
    "TEAM": "加强党员队伍建设。",
    "ACT": "严格党内组织生活。",
    "ROLE": "发挥党员先锋模范作用。",
    "SYS": "严格制度执行。",
    "SUP": "加强基础保障。",
}
# Kinds of work that happen on a day of the calendar; the rest (a standing rule, a 自评 item)
# is 重点工作, not a line of one month.
DATED = ("meeting", "training", "volunteer", "step", "dues", "rectification", "appraisal", "committee")
_BY = re.compile(r"^\d+月\d+日前|^今天")


@dataclass
class YearPlan:
    year: int
    stars: int
    reachable: bool
    basics: list[tuple[str, str]]                       # (basic code, name)
    actions: list[dict]
    months: dict[int, list[str]] = field(default_factory=dict)
    tasks: dict[str, list[str]] = field(default_factory=dict)  # basic code -> sentences
    measures: list[review.Finding] = field(default_factory=list)


def _words(text: str, year: int) -> str:
    """A plan action's text as a calendar line: no deadline prefix (the month says it), no
    data-entry tail, dates in words."""
    text = review.without_entry(_BY.sub("", text.strip().rstrip("。")))
    return review.dates_in_words(text, year)


def _meeting_counts(actions: list[dict]) -> dict[str, int]:
    """Meetings of the plan per kind, in the order ``enums.MEETING_KINDS`` lists them."""
    n = Counter((a.get("params") or {}).get("meeting_kind") or "" for a in actions if a.get("type") == "meeting")
    order = list(enums.MEETING_KINDS) + sorted(set(n) - set(enums.MEETING_KINDS))
    return {k: n[k] for k in order if n.get(k)}


def _spread(n: int) -> list[int]:
    """Months for ``n`` sessions spread over the year (4 → 3, 6, 9, 12)."""
    return [max(1, min(12, round((i + 1) * 12 / n))) for i in range(n)] if n else []


def collect(job: Job, report: dict | None = None, last_year: dict | None = None) -> YearPlan:
    """The year's plan: ``report`` is the engine's verdicts for the year judged on 1 January and
    ``last_year`` those of the year before (for the 整改措施); both computed when None."""
    from ..rules import as_of_day, evaluate

    y = job.year
    if report is None:
        report = evaluate(job.ledger, y, _dt.date(y, 1, 1)).to_dict()
    if last_year is None:
        last_year = evaluate(job.ledger, y - 1, as_of_day(y - 1, job.today)).to_dict()
    nxt = report.get("next_star") or {}
    actions = sorted(nxt.get("actions") or [], key=lambda a: (a.get("by") or "", a.get("rule") or ""))
    plan = YearPlan(y, int(nxt.get("target_stars") or 0), bool(nxt.get("reachable", True)),
                    [(b.get("code", ""), b.get("name", "")) for b in report.get("basics", [])], actions)
    held = review.owners(job.ledger, job.as_of, job.name)
    # A year with nothing recorded was not worked in this ledger (a new ledger): its verdicts are
    # empty books, not shortfalls to rectify, as the 述职 treats them.
    if _has_records(job, y - 1):
        plan.measures = [f for f in review.findings(last_year, y - 1, held) if f.target]
    _months(plan)
    _tasks(plan, report)
    return plan


def _has_records(job: Job, year: int) -> bool:
    from .figures import year_figures
    from .shuzhi import has_records

    return has_records(year_figures(Job(job.ledger, year, today=job.today)))


def _months(plan: YearPlan) -> None:
    months: dict[int, list[str]] = defaultdict(list)
    groups: dict[int, list[str]] = defaultdict(list)
    trainings = [a for a in plan.actions if a.get("type") == "training"]
    hours = next(((a.get("params") or {}).get("hours") for a in trainings if (a.get("params") or {}).get("hours")), None)
    for i, m in enumerate(_spread(len(trainings)), 1):  # the engine packs them early; a plan spreads them
        months[m].append(f"组织第{i}期集中学习培训" + (f"（{hours:g}学时）" if hours else ""))
    dues_months: set[int] = set()
    for a in plan.actions:
        by = _dt.date.fromisoformat(a["by"])
        if by.year != plan.year:
            continue
        kind, rule = a.get("type"), a.get("rule")
        if kind == "training" or kind not in DATED:
            continue
        if kind == "dues" and rule == "SYS-DUES":  # every member's month: one line per month
            dues_months.add(by.month)
            continue
        if kind == "meeting" and rule == "ACT-GROUP":
            groups[by.month].append(a)
            continue
        line = _words(a.get("text", ""), plan.year)
        if line and line not in months[by.month]:
            months[by.month].append(line)
    for m, acts in groups.items():
        months[m].append(f"{len(acts)}个党小组各召开1次党小组会" if len(acts) > 1 else _words(acts[0]["text"], plan.year))
    for m in dues_months:
        months[m].append("收缴当月党费")
    for f in plan.measures:
        mm_ = re.match(rf"{plan.year}年(\d+)月底前", f.due)
        if mm_:
            months[int(mm_.group(1))].append(f"完成整改：{f.frame}")
    plan.months = {m: months[m] for m in range(1, 13) if months.get(m)}


def _tasks(plan: YearPlan, report: dict) -> None:
    by_rule: dict[str, list[dict]] = defaultdict(list)
    for a in plan.actions:
        by_rule[a.get("rule", "")].append(a)
    meetings = _meeting_counts(plan.actions)
    tasks: dict[str, list[str]] = defaultdict(list)
    y = plan.year

    # 基本组织: committee posts, 换届, groups — whatever the plan needs of them.
    for rule in ("ORG-COMMITTEE", "ORG-SECRETARY", "ORG-TERM", "ORG-GROUPS", "ORG-FORM", "ORG-SIZE"):
        for a in by_rule.get(rule, []):
            tasks["ORG"].append(f"{cn_date(a['by'])}前" + _words(a["text"], y))
    # 基本队伍: training, the pipeline's dated steps, 民主评议.
    trainings = by_rule.get("TEAM-TRAINING", [])
    if trainings:
        p = report_params(report, "TEAM-TRAINING")
        tasks["TEAM"].append(f"全年组织集中学习培训{len(trainings)}期，确保每名党员学时不少于{p.get('member_hours', 32)}学时"
                             + (f"、书记和支委不少于{p['committee_hours']}学时" if p.get("committee_hours") else ""))
    for rule in ("TEAM-PROBATION", "TEAM-PROBATION-REVIEW", "TEAM-DEV-TALK", "TEAM-DEV-REVIEW", "TEAM-DEV-TRAIN",
                 "TEAM-DEV-APPROVE", "TEAM-APPRAISAL", "TEAM-CONTACT"):
        for a in by_rule.get(rule, []):
            tasks["TEAM"].append(f"{cn_date(a['by'])}前" + _words(a["text"], y))
    # 基本活动: 三会一课 and the rest, counted from the plan's meetings.
    parts = [f"{k}{n}次" for k, n in meetings.items() if k]
    if parts:
        tasks["ACT"].append("全年召开" + "、".join(parts))
    for a in by_rule.get("ACT-ATTENDANCE", []) + by_rule.get("ACT-RECORDS", []):
        if a.get("type") not in DATED:
            tasks["ACT"].append(_words(a["text"], y))
    lessons = [a for a in by_rule.get("ACT-LESSON", []) if (a.get("params") or {}).get("lecturer_id")]
    if lessons:
        tasks["ACT"].append("支部书记" + "、".join(f"{cn_date(a['by'])}前" for a in lessons) + "为党员讲党课")
    # 基本作用, 基本制度, 基本保障.
    vol = by_rule.get("ROLE-VOLUNTEER", [])
    if vol:
        hours = next(((a.get("params") or {}).get("hours") for a in vol if (a.get("params") or {}).get("hours")), None)
        tasks["ROLE"].append(f"全年开展志愿服务{len(vol)}次" + (f"，每名党员每次服务{hours:g}小时" if hours else ""))
    for rule in ("ROLE-POSTS", "ROLE-POST-SHARE", "ROLE-DEEDS"):
        for a in by_rule.get(rule, []):
            tasks["ROLE"].append(f"{cn_date(a['by'])}前" + _words(a["text"], y))
    if by_rule.get("SYS-DUES"):
        tasks["SYS"].append("每月按时足额收缴党费，月底前核对收缴情况")
    for rule in ("SYS-DUES-LAPSE", "SYS-RECTIFY", "SYS-DOCS"):
        for a in by_rule.get(rule, []):
            when = f"{cn_date(a['by'])}前" if a.get("type") == "rectification" else ""
            tasks["SYS"].append(when + _words(a["text"], y))
    for rule in ("SUP-VENUE", "SUP-FUNDS", "SUP-BRAND"):
        for a in by_rule.get(rule, []):
            tasks["SUP"].append(_words(a["text"], y))
    # an action that was only about the ledger ("补录…") has no words left for a plan
    plan.tasks = {k: list(dict.fromkeys(x for x in v if x and not x.endswith("前")))
                  for k, v in tasks.items() if any(v)}


def report_params(report: dict, code: str) -> dict:
    from ..rules.ruleset import load_rule_set

    rs = load_rule_set()
    return rs.params(code) if rs.spec(code) else {}


def blocks(job: Job, plan: YearPlan | None = None) -> list[tuple]:
    """The document as layout-neutral blocks: (kind, …)."""
    plan = collect(job) if plan is None else plan
    y = plan.year
    branch = job.branch_name()
    out: list[tuple] = [("title", TEXT["title"].format(branch=branch, year=y)),
                        ("para", "", TEXT["intro"].format(year=y)), ("h1", "一、工作目标")]
    basics = "、".join(n for _, n in plan.basics) or "六个基本"
    goal = (TEXT["goal_top"] if plan.stars >= 5 and plan.reachable else TEXT["goal"]).format(
        basics=basics, stars=cn_number(plan.stars) if plan.stars else "三")
    out.append(("para", "", goal))
    out.append(("h1", "二、重点工作"))
    k = 0
    for code, _name in plan.basics:
        lines = plan.tasks.get(code)
        if lines:
            k += 1
            out.append(("para", f"（{cn_number(k)}）{BASIC_LEADS.get(code, _name + '。')}", "；".join(lines) + "。"))
    n = 3
    if plan.measures:
        out.append(("h1", f"{cn_number(n)}、整改措施"))
        out.append(("para", "", TEXT["measures_lead"].format(year=y - 1)))
        out.append(("table", ["序号", "存在问题", "整改措施", "责任人", "完成时限"],
                    [[i, f.frame, f.target + "。", f"{f.owner_role}\n{f.owner}" if f.owner else f.owner_role, f.due]
                     for i, f in enumerate(plan.measures, 1)], [9, 32, 70, 22, 25]))
        n += 1
    out.append(("h1", f"{cn_number(n)}、月度安排"))
    out.append(("table", MONTH_HEAD, [[f"{m}月", "\n".join(f"{k}. {t}" for k, t in enumerate(lines, 1))]
                                      for m, lines in plan.months.items()], [18, 140]))
    n += 1
    out.append(("h1", f"{cn_number(n)}、保障措施"))
    held = review.owners(job.ledger, job.as_of, job.name)
    roles = [f"{r}{held[r]}" for r in (enums.ORGANIZATION_MEMBER, enums.PUBLICITY_MEMBER, enums.DISCIPLINE_MEMBER)
             if held.get(r)]
    owners = f"（{'、'.join(roles)}）" if roles else ""
    for line in TEXT["guarantee"]:
        lead, _, rest = line.partition("。")
        out.append(("para", lead + "。", rest.format(owners=owners)))
    out.append(("sign", branch))
    out.append(("sign", cn_date(job.today.isoformat())))
    return out


def write_docx(job: Job, path: Path) -> None:
    items = blocks(job)
    job.tick(1, 2)
    doc = dk.new_document(items[0][1], author=job.branch_name())
    for item in items:
        kind = item[0]
        if kind == "title":
            dk.para(doc, item[1], "Title")
        elif kind == "h1":
            dk.para(doc, item[1], "Heading 1")
        elif kind == "para":
            _, lead, text = item
            p = dk.para(doc, "", dk.BODY_STYLE)
            if lead:
                dk.add_run(p, lead, dk.KAITI)
            dk.add_run(p, text, dk.FANGSONG)
        elif kind == "table":
            _, head, rows, widths = item
            dk.table(doc, [head] + rows, widths, align=["c"] + ["l"] * (len(head) - 1), size=10.5)
        elif kind == "sign":
            p = dk.para(doc, item[1], "Normal", align=dk.WD_ALIGN_PARAGRAPH.RIGHT)
            p.paragraph_format.right_indent = dk.Pt(32)
    doc.save(str(path))


def write_pdf(job: Job, path: Path) -> None:
    items = blocks(job)
    job.tick(1, 2)
    w = PdfWriter(job, path, items[0][1])
    story: list = []
    for item in items:
        kind = item[0]
        if kind == "title":
            story.append(w.p(item[1], "title"))
        elif kind == "h1":
            story += w.heading(item[1], "h1")
        elif kind == "para":
            _, lead, text = item
            story.append(w.p(lead + text, "body"))
        elif kind == "table":
            _, head, rows, widths = item
            story.append(w.table([head] + rows, [x * mm for x in widths],
                                 align=["c"] + ["l"] * (len(head) - 1), small=True))
        elif kind == "sign":
            if story and not isinstance(story[-1], Spacer) and not item[1][:1].isdigit():
                story.append(Spacer(1, 6 * mm))
            story.append(w.p(item[1], "right"))
    w.build(story)
