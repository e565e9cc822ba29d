"""述职报告: the secretary's year-end report, written as prose to edit in Word/WPS.

一、履职情况 is filled from the year's figures (meetings by kind, attendance, 党课 and who gave
them, 主题党日, 组织生活会 and 民主评议, 发展党员 and the pipeline, training, volunteer service,
pioneer posts, 办实事, rectification). 二、存在问题及原因 and 三、下一步工作思路 are the rules that
fell short as ``review.findings`` word them (the ledger's facts, what they reflect, next year's dated
target and its owner), then the plan's remaining work of the year. The text is assembled as blocks
once, then laid out as Word (GB/T 9704) or PDF.
"""

from __future__ import annotations

from pathlib import Path


from ..ledger import enums
from . import docxkit as dk
from .assessment import assess
from .common import Job, cn_date, cn_number, hours_text, money_text
from .figures import YearFigures, year_figures
from . import review
from . import topics as _topics
from .fonts import markup
from .pdfkit import PdfWriter

# How section 二 names a 基本 with shortcomings; each problem and its cause is the rule's own
# (``review.findings``), so two branches with different ledgers do not hand in the same text.
PROBLEM_LEADS = {
    "ORG": "组织建设还有薄弱环节。",
    "TEAM": "党员队伍建设有待加强。",
    "ACT": "组织生活规范化水平还不够高。",
    "ROLE": "党员先锋模范作用发挥还不够充分。",
    "SYS": "制度执行还不够严格。",
    "SUP": "基础保障还需进一步加强。",
}
PLAN_LEADS = {
    "ORG": "健全组织体系，夯实战斗堡垒。",
    "TEAM": "加强队伍建设，提高党员素质。",
    "ACT": "严格组织生活，提升活动质量。",
    "ROLE": "强化作用发挥，服务中心大局。",
    "SYS": "严格制度执行，抓实问题整改。",
    "SUP": "加强基础保障，打造党建品牌。",
}
ORDINALS = "一二三四五六七八九十"


def _join(items: list[str], limit: int = 3) -> str:
    items = [i for i in items if i]
    if len(items) <= limit:
        return "、".join(items)
    return "、".join(items[:limit]) + "等"


def _q(text: str) -> str:
    """“text”, with quotation marks inside it turned to single ones (‘’ inside “”)."""
    return "“" + text.replace("“", "‘").replace("”", "’") + "”"


def _quoted(items: list[str], limit: int = 3) -> str:
    """Titles in quotation marks, one after another (GB/T 15834: no 顿号 between quoted items)."""
    items = [i for i in items if i]
    return "".join(_q(i) for i in items[:limit]) + ("等" if len(items) > limit else "")


def _about(records, key: str, limit: int = 3) -> str:
    """What the year's records about ``key`` were on, as the report names them."""
    subs = _topics.subjects((r[2] for r in records), limit + 1, key)
    return _topics.listing(subs[:limit], more=len(subs) > limit)


def _count_phrases(f: YearFigures) -> str:
    held = [f"{k}{f.meetings[k]}次" for k in (enums.GENERAL_MEETING, enums.COMMITTEE_MEETING, enums.GROUP_MEETING) if f.meetings.get(k)]
    parts = ["召开" + "、".join(held)] if held else []
    if f.meetings.get(enums.PARTY_LECTURE):
        parts.append(f"讲党课{f.meetings[enums.PARTY_LECTURE]}次")
    return "，".join(parts)


def _on(f: YearFigures, key: str, kinds: tuple[str, ...] | None = None) -> list[tuple[str, str, str]]:
    """The year's meetings and trainings whose topic is about ``key`` (``exports.topics``)."""
    return [r for r in f.topic_records if key in _topics.classify(r[2]) and (kinds is None or r[0] in kinds)]


def _lessons(job: Job, f: YearFigures, key: str | None = None) -> tuple[list[dict], list[str]]:
    """(党课 the 书记 gave, names of the others who gave one), optionally only those about ``key``."""
    lessons = [m for m in f.lessons if key is None or key in _topics.classify(m.get("topic"))]
    mine = [m for m in lessons if f.secretary_id and m.get("lecturer_id") == f.secretary_id]
    others = sorted({job.name(m["lecturer_id"]) for m in lessons
                     if m.get("lecturer_id") and m.get("lecturer_id") != f.secretary_id})
    return mine, others


def _politics(job: Job, f: YearFigures) -> str:
    s = []
    study = [r for r in _on(f, _topics.THEORY) if r[0] != enums.COMMITTEE_MEETING]
    if study:
        s.append("坚持把学习贯彻习近平新时代中国特色社会主义思想作为首要政治任务，"
                 f"全年通过支部党员大会、专题学习、主题党日和党员教育培训组织理论学习{len(study)}次，"
                 f"重点学习了{_about(study, _topics.THEORY)}，"
                 "推动党的创新理论入脑入心。")
    mine, others = _lessons(job, f)
    t = []
    if mine:
        t.append(f"本人带头为党员讲授党课{len(mine)}次，主题为{_quoted([m.get('topic') or '' for m in mine], 2)}")
    if others:
        t.append(f"{_join(others)}{'等同志' if len(others) > 3 else '同志'}结合工作实际讲授党课")
    if t:
        s.append("，".join(t) + "。")
    ideology = _on(f, _topics.IDEOLOGY)
    if ideology:
        s.append(f"认真落实意识形态工作责任制，围绕{_about(ideology, _topics.IDEOLOGY, 2)}组织学习，"
                 "牢牢掌握意识形态工作的领导权和主动权。")
    secrecy = [r for r in _on(f, _topics.SECRECY) if r not in ideology]
    if secrecy:
        s.append(f"通过{_about(secrecy, _topics.SECRECY, 1)}等学习，增强党员保密意识。")
    return "".join(s)


def _organisation(job: Job, f: YearFigures, report: dict) -> str:
    s = []
    if f.members:
        s.append(f"截至{cn_date(f.as_of.isoformat())}，支部共有党员{f.members}名，其中正式党员{f.full_members}名"
                 + (f"、预备党员{f.probationary}名。" if f.probationary else "。"))
    counts = _count_phrases(f)
    if counts:
        line = f"严格落实“三会一课”制度，全年{counts}"
        if f.expected:
            line += f"，“三会一课”党员平均出勤率为{f.attendance_rate:.1f}%"
        s.append(line + "。")
    if f.meetings.get(enums.THEME_DAY):
        line = f"坚持每月开展主题党日活动，全年共{f.meetings[enums.THEME_DAY]}次"
        if f.theme_topics:
            line += f"，先后开展了{_quoted(f.theme_topics)}活动"
        s.append(line + "。")
    life = f.meetings.get(enums.LIFE_MEETING, 0)
    if life:
        months = "、".join(sorted({f"{int(d[5:7])}月" for d in f.life_meeting_dates}))
        s.append(f"{months}召开{job.year - 1 if all(d[5:7] <= '03' for d in f.life_meeting_dates) else job.year}"
                 f"年度组织生活会{'' if life == 1 else str(life) + '次'}，支部班子和党员认真开展批评与自我批评。")
    if f.ratings or f.meetings.get(enums.MEMBER_APPRAISAL):
        total = sum(f.ratings.values())
        if total:
            detail = "、".join(f"{k}{f.ratings[k]}名" for k in enums.RATINGS if f.ratings.get(k))
            s.append(f"组织开展{job.year}年度民主评议党员，{total}名党员参加评议，评定{detail}。")
        else:
            s.append(f"组织开展了{job.year}年度民主评议党员工作。")
    dev = []
    if f.admitted:
        dev.append(f"接收预备党员{len(f.admitted)}名（{_join(f.admitted, 5)}）")
    if f.made_full:
        dev.append(f"按期转正{len(f.made_full)}名（{_join(f.made_full, 5)}）")
    if f.candidates:
        dev.append(f"确定发展对象{len(f.candidates)}名")
    if f.activists:
        dev.append(f"确定入党积极分子{len(f.activists)}名")
    if f.applied:
        dev.append(f"收到入党申请书{len(f.applied)}份")
    if dev:
        s.append("坚持“控制总量、优化结构、提高质量、发挥作用”的方针，严格按照发展党员工作程序，全年"
                 + "，".join(dev) + "。")
    pipe = [(c, f.pipeline.get(c, 0)) for c in (enums.APPLICANT, enums.ACTIVIST, enums.CANDIDATE)]
    if any(n for _, n in pipe):
        s.append("目前支部有" + "、".join(f"{c}{n}名" for c, n in pipe if n) + "，党员队伍后备力量持续充实。")
    moved = [f"{label}党员{len(names)}名" for label, names in
             ((enums.TRANSFER_IN, f.transfers_in), (enums.TRANSFERRED_OUT, f.transfers_out)) if names]
    if moved:
        s.append("规范党员组织关系管理，全年" + "、".join(moved)
                 + ("，转出党员的介绍信回执均已收回" if f.transfers_out and not f.transfer_receipts_missing else "")
                 + "。")
    if f.talks:
        s.append(f"坚持谈心谈话制度，全年开展谈心谈话{f.talks}次"
                 + (f"，其中本人与党员和入党积极分子谈心谈话{f.talks_by_secretary}次" if f.talks_by_secretary else "")
                 + "，及时了解党员思想动态。")
    if f.trainings:
        avg = f.training_tenths / f.members if f.members else 0
        s.append(f"组织党员教育培训{f.trainings}期，参训党员{f.trained_members}名，累计{hours_text(f.training_tenths)}学时"
                 + (f"，人均{avg / 10:.1f}学时。" if f.members else "。"))
    if report:
        score = report.get("score")
        verdict = "达到标准" if report.get("standard_met") else "尚未达到标准"
        stars = report.get("stars") or 0
        line = f"对照达标创星标准开展自评，综合得分{score:.1f}分，{verdict}" if isinstance(score, (int, float)) \
            else f"对照达标创星标准开展自评，{verdict}"
        if stars:
            line += f"，自评为{stars}星级党支部"
        s.append(line + "。")
    return "".join(s)


def _integrity(job: Job, f: YearFigures) -> str:
    s = []
    clean = _on(f, _topics.INTEGRITY)
    if clean:
        eight = any("八项规定" in r[2] for r in clean)
        s.append(("认真落实全面从严治党主体责任和“一岗双责”，" if f.secretary else "认真落实全面从严治党要求，")
                 + f"全年开展党风廉政教育{len(clean)}次，内容包括{_about(clean, _topics.INTEGRITY)}"
                 + ("，教育党员严守中央八项规定精神，" if eight else "，")
                 + "筑牢拒腐防变的思想防线。")
        mine, _ = _lessons(job, f, _topics.INTEGRITY)
        if mine:
            s.append(f"本人以{_q(mine[0].get('topic') or '')}为题讲授廉政党课，推动党员知敬畏、存戒惧、守底线。")
    if f.rectified or f.rectifying:
        line = "对照上级检查和自查发现的问题建立整改台账，逐项明确措施、责任人和时限"
        if f.rectified:
            line += f"，全年完成整改{len(f.rectified)}项（{_quoted(f.rectified, 2)}）"
        if f.rectifying:
            line += f"，另有{len(f.rectifying)}项正在推进"
        s.append(line + "。")
    if f.dues_due:
        s.append(f"严格党费收缴管理，全年应缴党费{money_text(f.dues_due)}元，实缴{money_text(f.dues_paid)}元。")
    return "".join(s)


def _business(job: Job, f: YearFigures) -> str:
    s = []
    work = [r for r in _on(f, _topics.BUSINESS) if r[0] != enums.COMMITTEE_MEETING]
    if work:
        s.append(f"坚持围绕中心抓党建、抓好党建促发展，结合{_about(work, _topics.BUSINESS, 2)}活动，"
                 "引导党员在生产经营一线当先锋、作表率。")
    if f.posts:
        by_kind: dict[str, list[str]] = {}
        for p in f.posts:
            by_kind.setdefault(p["kind"], []).append(p["name"])
        kinds = "、".join(f"{k}{len(v)}个" for k, v in by_kind.items())
        s.append(f"设立{kinds}（{_quoted([p['name'] for p in f.posts])}）"
                 + (f"，{f.post_members}名党员在岗亮身份、作表率" if f.post_members else "") + "。")
        done = [p for p in f.posts if (p.get("achievements") or "").strip()]
        for p in done[:2]:
            s.append(f"{_q(p['name'])}{p['achievements'].strip().rstrip('。')}。")
    if f.volunteer_activities:
        line = f"组织党员志愿服务活动{f.volunteer_activities}次"
        if f.volunteer_person_times:
            line += f"，党员参与{f.volunteer_person_times}人次，累计服务{hours_text(f.volunteer_tenths)}小时"
        s.append(line + "。")
    if f.deeds:
        s.append(f"扎实开展“我为群众办实事”实践活动，全年为群众办实事{len(f.deeds)}件（{_quoted(f.deeds)}）"
                 + (f"，党员参与{f.deed_person_times}人次。" if f.deed_person_times else "。"))
    return "".join(s)


# The genre of a 书记's 述职 (seeds 000, 001): four fields of work, each only when the year's
# records have something to say under it.
SECTIONS = (
    ("抓政治建设和理论武装，筑牢思想根基。", "politics"),
    ("抓组织体系和队伍建设，夯实战斗堡垒。", "organisation"),
    ("抓作风建设和党风廉政，营造风清气正的良好氛围。", "integrity"),
    ("抓党建与业务融合，发挥党员先锋模范作用。", "business"),
)


def performance(job: Job, f: YearFigures, report: dict) -> list[tuple[str, str]]:
    """(lead, text) paragraphs of 一、履职情况, in the genre's four fields of work."""
    texts = {"politics": _politics(job, f), "organisation": _organisation(job, f, report),
             "integrity": _integrity(job, f), "business": _business(job, f)}
    out = []
    for lead, key in SECTIONS:
        if texts[key]:
            out.append((f"（{cn_number(len(out) + 1)}）{lead}", texts[key]))
    return out


def missing_records(job: Job, f: YearFigures | None = None) -> list[str]:
    """What the ledger lacks for a complete 述职 of ``job.year`` (up to its as-of day), in the
    words the window shows before export: each a record the report draws on and would otherwise
    leave out or say is missing. Empty when nothing is missing."""
    f = f or year_figures(job)
    out = []
    if not f.secretary:
        out.append("在任的支部书记（“支委分工”中登记；报告署名和“本人”部分依据它）")
    if not sum(f.meetings.values()):
        out.append(f"{job.year}年的会议记录")
    if not f.life_meeting_dates:
        out.append(f"{job.year}年召开的组织生活会")
    if not f.appraisals:
        out.append(f"{job.year}年度民主评议党员的结果")
    if f.secretary_id and not any(m.get("lecturer_id") == f.secretary_id for m in f.lessons):
        out.append(f"书记{f.secretary}本年度讲党课的记录")
    if not f.trainings:
        out.append(f"{job.year}年党员参加教育培训的记录")
    if not f.talks:
        out.append(f"{job.year}年的谈心谈话记录")
    return out


def has_records(f: YearFigures) -> bool:
    """Whether the year has enough in the ledger for a report of work done."""
    return bool(f.topic_records or f.meetings or f.trainings or f.volunteer_activities or f.deeds)


def _ordinal(i: int) -> str:
    return ORDINALS[i] if i < len(ORDINALS) else cn_number(i + 1)


def _by_basic(found: list[review.Finding]) -> list[tuple[str, list[review.Finding]]]:
    groups: dict[str, list[review.Finding]] = {}
    for f in found:
        groups.setdefault(f.basic, []).append(f)
    return list(groups.items())


def _year(report: dict) -> int:
    return int(report.get("year") or str(report.get("as_of") or "0")[:4] or 0)


def problems(report: dict, held: dict[str, str] | None = None) -> list[tuple[str, str]]:
    """(lead, text) paragraphs of 二、存在问题及原因: per 基本 that fell short, each problem with
    the facts of this ledger and what it reflects (这反映出…), from ``review.findings``."""
    out = []
    for i, (basic, items) in enumerate(_by_basic(review.findings(report, _year(report), held))):
        lead = f"{_ordinal(i)}是{PROBLEM_LEADS.get(basic, '工作还有差距。')}"
        out.append((lead, "".join(f.sentence() for f in items)))
    if not out:
        return [("", "对照达标创星标准逐项自查，本年度各项指标均已达到要求。但对照更高标准，"
                     "支部在党建工作与业务工作深度融合、党员教育的针对性和党建特色品牌培育等方面仍有提升空间。")]
    out.append(("", "这些问题，根子上还是本人履行第一责任人职责不够到位，抓基层党建工作的力度还需加大。"))
    return out


def plans(report: dict, held: dict[str, str] | None = None, year_over: bool = False) -> list[tuple[str, str]]:
    """(lead, text) paragraphs of 三、下一步工作思路: next year's dated target for each problem of
    section 二 with the committee member who answers for it, then the plan's remaining work of
    the year — none once the year is over (a 述职 of last year written in March has nothing
    left to do "年内")."""
    out = []
    secretary = (held or {}).get(enums.SECRETARY, "")
    for basic, items in _by_basic(review.findings(report, _year(report), held)):
        targets = []
        for f in items:
            if not f.target:
                continue
            who = f"，由{f.owner_role}{f.owner}同志负责" if f.owner and f.owner != secretary else ""
            if f.target + who not in targets:
                targets.append(f.target + who)
        if targets:
            out.append((f"（{cn_number(len(out) + 1)}）{PLAN_LEADS.get(basic, '补齐短板弱项。')}",
                        "；".join(targets) + "。"))
    nxt = report.get("next_star") or {}
    actions = [] if year_over else review.year_end_work(report)
    target = nxt.get("target_stars", nxt.get("stars"))
    if actions and target:
        out.append((f"（{cn_number(len(out) + 1)}）抓紧完成年内剩余工作，对标争创{target}星级党支部。",
                    "；".join(actions) + "。"))
    if not out:
        y = _year(report) + 1
        out.append(("（一）巩固达标成果，推动提档升级。",
                    f"{y}年坚持每季度召开支部党员大会、每月召开支部委员会和党小组会、每季度开展党课，"
                    "深化党建与业务融合，培育支部党建特色品牌，推动支部建设全面进步、全面过硬。"))
    return out


def blocks(job: Job, report: dict | None = None) -> list[tuple]:
    """The whole report as layout-neutral blocks: (kind, …)."""
    report = assess(job) if report is None else report
    f = year_figures(job)
    branch = job.branch_name()
    b = job.ledger.branch() or {}
    # Two lines, broken where the sense breaks (GB/T 9704: 标题回行时要词意完整).
    title = f"{job.year}年度{branch}书记\n抓基层党建工作述职报告"
    out: list[tuple] = [("title", title)]
    if f.secretary:
        out.append(("subtitle", f"{branch}书记　{f.secretary}"))
    parent = b.get("parent_org") or "上级党组织"
    out.append(("para", "", f"{job.year}年，在{parent}的坚强领导下，本人认真履行党支部书记抓基层党建工作第一责任人职责，"
                            "坚持以习近平新时代中国特色社会主义思想为指导，严格落实《中国共产党支部工作条例（试行）》，"
                            "扎实推进支部标准化规范化建设。现将履职情况报告如下："))
    out.append(("h1", "一、履职情况"))
    done = performance(job, f, report) if has_records(f) else []
    if done:
        out += [("para", lead, text) for lead, text in done]
    else:
        out.append(("para", "", f"{job.year}年，支部的会议、学习和活动尚未在台账中登记，"
                                "履职情况有待补充完整后再作报告。"))
    out.append(("h1", "二、存在问题及原因"))
    held = review.owners(job.ledger, job.as_of, job.name)
    out.append(("para", "", "回顾一年来的工作，对照上级要求和达标创星标准逐项自查，支部还存在以下差距和不足："
                if done else "对照上级要求和达标创星标准，支部工作存在明显差距："))
    out += [("para", lead, text) for lead, text in problems(report, held)]
    out.append(("h1", "三、下一步工作思路"))
    out.append(("para", "", f"{job.year + 1}年，本人将针对存在的问题，切实履行好第一责任人职责，重点抓好以下工作："))
    out += [("para", lead, text) for lead, text in plans(report, held, year_over=job.today > job.as_of)]
    out.append(("para", "", "以上报告，请予评议。"))
    out.append(("sign", f"{branch}书记：{f.secretary}" if f.secretary else f"{branch}书记："))
    out.append(("sign", cn_date(job.as_of.isoformat())))
    return out


def write_docx(job: Job, path: Path, report: dict | None = None) -> None:
    items = blocks(job, report)
    job.tick(1, 2)
    doc = dk.new_document(items[0][1].replace("\n", ""), author=job.branch_name())
    render_docx(doc, items)
    doc.save(str(path))


def render_docx(doc, items: list[tuple]) -> None:
    for item in items:
        kind = item[0]
        if kind == "title":
            dk.para(doc, item[1], "Title")
        elif kind == "subtitle":
            dk.para(doc, item[1], "Subtitle")
        elif kind == "h1":
            dk.para(doc, item[1], "Heading 1")
        elif kind == "para":
            _, lead, text = item
            p = dk.para(doc, "", dk.BODY_STYLE)
            if lead:
                dk.add_run(p, lead, dk.KAITI)
            dk.add_run(p, text, dk.FANGSONG)
        elif kind == "sign":
            p = dk.para(doc, item[1], "Normal", align=dk.WD_ALIGN_PARAGRAPH.RIGHT)
            p.paragraph_format.right_indent = dk.Pt(32)


def write_pdf(job: Job, path: Path, report: dict | None = None) -> None:
    items = blocks(job, report)
    job.tick(1, 2)
    w = PdfWriter(job, path, items[0][1].replace("\n", ""))
    w.build(render_pdf(w, items))


def render_pdf(w: PdfWriter, items: list[tuple]) -> list:
    story: list = []
    fonts = w.fonts
    for item in items:
        kind = item[0]
        if kind == "title":
            story.append(w.p(item[1], "title"))
        elif kind == "subtitle":
            story.append(w.p(item[1], "subtitle"))
        elif kind == "h1":
            story += w.heading(item[1], "h1")
        elif kind == "para":
            _, lead, text = item
            html = markup(text, fonts.body, fonts)
            if lead:
                html = f'<font name="{fonts.kai}">{markup(lead, fonts.kai, fonts)}</font>' + html
            story.append(w.p_markup(html, "body"))
        elif kind == "sign":
            story.append(w.p(item[1], "right"))
    return story
