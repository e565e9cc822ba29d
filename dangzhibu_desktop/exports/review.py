"""The branch's shortcomings and next year's targets, written from the rule verdicts.

One definition for every document that confesses and promises: the 述职报告 (二、存在问题及原因,
三、下一步工作思路) and the 达标创星自评报告 (存在问题, 整改措施) ask ``findings`` and never word a
verdict themselves. A finding is one rule that fell short (未达标) or is at risk (预警), written
as a real 书记 writes it: what is wrong in self-critical words, the facts of this ledger (names,
months, items — the rule's own evidence), what it reflects (这反映出…), the target for next year
with its date and the committee member who answers for it. A record not yet entered in the
ledger is not a finding: it is a gap the window lists before export.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, replace
from fractions import Fraction

from ..ledger import enums
from ..rules.model import FAILED, WARNING

# What a rule's shortfall is, in the words of a 书记 criticising her own work.
FRAMES = {
    "ORG-FORM": "支部组织设置不够规范",
    "ORG-SIZE": "支部组织设置没有随党员人数增长及时调整",
    "ORG-COMMITTEE": "支委班子配备不够健全",
    "ORG-SECRETARY": "支部书记配备不符合要求",
    "ORG-TERM": "支委会换届工作抓得不够及时",
    "ORG-GROUPS": "党小组设置不够完善",
    "TEAM-RESERVE": "入党积极分子队伍储备不足",
    "TEAM-DEV-AGE": "发展党员入口把关不够严",
    "TEAM-DEV-TALK": "对入党申请人的谈话不够及时",
    "TEAM-DEV-CULTIVATE": "对入党积极分子培养期的把握不够严格",
    "TEAM-DEV-REVIEW": "对入党积极分子的培养考察不够经常",
    "TEAM-DEV-TRAIN": "发展对象的集中培训没有落实到位",
    "TEAM-DEV-INTRODUCERS": "入党介绍人的确定不够规范",
    "TEAM-DEV-APPROVE": "发展党员的报审跟进不够及时",
    "TEAM-PROBATION": "预备党员转正工作不够及时",
    "TEAM-PROBATION-REVIEW": "对预备党员的教育考察抓得不够紧",
    "TEAM-TRAINING": "党员教育培训抓得不够实",
    "TEAM-APPRAISAL": "民主评议党员的标准把握不够严格",
    "TEAM-CONTACT": "对流动党员的联系管理不够经常",
    "ACT-CONGRESS": "支部党员大会没有做到按季度召开",
    "ACT-COMMITTEE": "支部委员会没有做到按月召开",
    "ACT-GROUP": "党小组组织生活没有做到月月不断线",
    "ACT-LESSON": "党课开展不够经常",
    "ACT-THEME-DAY": "主题党日活动没有做到按月开展",
    "ACT-LIFE-MEETING": "组织生活会没有按时召开",
    "ACT-ATTENDANCE": "党员参加组织生活的出勤率不够高",
    "ACT-RECORDS": "会议记录不够规范完整",
    "ACT-QUORUM": "支部党员大会到会人数不足",
    "ROLE-POSTS": "党员发挥作用的平台和载体不多",
    "ROLE-POST-SHARE": "党员亮身份、作表率的覆盖面不够",
    "ROLE-VOLUNTEER": "党员志愿服务开展不够经常",
    "ROLE-DEEDS": "为群众办实事的力度还不够",
    "SYS-DUES": "党费收缴不够及时足额",
    "SYS-DUES-LAPSE": "对长期未交党费的党员教育提醒不及时",
    "SYS-RECTIFY": "问题整改没有做到按期销号",
    "SYS-DOCS": "支部工作制度落实不够到位",
    "SUP-VENUE": "党员活动阵地建设还有短板",
    "SUP-FUNDS": "党建工作经费保障不够规范",
    "SUP-BRAND": "党建品牌培育滞后",
}

# What it reflects ("这反映出…"): the causes a 书记 names for that shortfall, to edit afterwards.
CAUSES = {
    "ORG-FORM": "对支部设置的基本要求把握不准，没有及时向上级党委请示调整",
    "ORG-SIZE": "对支部设置与党员人数相适应的要求研究不够，调整组织设置的请示不够主动",
    "ORG-COMMITTEE": "对支委会班子配备的要求研究不够，委员调整后没有及时补选",
    "ORG-SECRETARY": "对支部书记人选的培养储备考虑不周，书记岗位调整衔接不够及时",
    "ORG-TERM": "对换届工作的时间节点把握不准，提前谋划、及时请示不够",
    "ORG-GROUPS": "党小组设置没有随人员和业务调整及时优化，党小组组长作用发挥不够",
    "TEAM-RESERVE": "对在一线青年骨干中发现和培养入党积极分子用力不够",
    "TEAM-DEV-AGE": "对发展党员的基本条件审核不够细致",
    "TEAM-DEV-TALK": "收到入党申请后派人谈话的时限意识不强，跟进不够及时",
    "TEAM-DEV-CULTIVATE": "对发展党员“成熟一个、发展一个”的要求把握不严，存在赶进度的想法",
    "TEAM-DEV-REVIEW": "培养联系人履职不够经常，对入党积极分子的定期考察流于一般",
    "TEAM-DEV-TRAIN": "对发展对象集中培训的安排不够主动，与上级党校的衔接不够紧密",
    "TEAM-DEV-INTRODUCERS": "对入党介绍人条件和职责的把关不够细致",
    "TEAM-DEV-APPROVE": "发展党员材料报审前把关不够细致，与上级党委的沟通跟进不够及时",
    "TEAM-PROBATION": "对预备党员转正时间节点的提醒和跟踪不够到位",
    "TEAM-PROBATION-REVIEW": "对预备党员的教育考察没有形成常态",
    "TEAM-TRAINING": "学习计划统筹不够，工学矛盾突出时集中学习让位于业务工作",
    "TEAM-APPRAISAL": "对民主评议党员的有关规定学习不够，评议前审核把关不细",
    "TEAM-CONTACT": "对流动党员和长期在外党员的联系管理办法不多",
    "ACT-CONGRESS": "对支部党员大会的议题谋划不够，按季度召开的制度执行不够刚性",
    "ACT-COMMITTEE": "支委会议事的计划性不强，工作繁忙时没有坚持按月研究党建工作",
    "ACT-GROUP": "个别党小组组长对按月开展组织生活重视不够，生产任务重时没有及时补开",
    "ACT-LESSON": "本人带头讲党课的意识不够强，党课的计划安排和质量把关不够",
    "ACT-THEME-DAY": "主题党日活动的内容策划不够，与业务工作结合的载体不多",
    "ACT-LIFE-MEETING": "对组织生活会的准备和时间安排把握不够",
    "ACT-ATTENDANCE": "组织生活的时间安排与生产班次统筹不够，对缺席党员的补学跟进不够",
    "ACT-RECORDS": "会议记录的规范要求落实不到位，记录人对讨论发言记得不够完整",
    "ACT-QUORUM": "会前通知和动员不够充分，对到会人数的要求把握不严",
    "ROLE-POSTS": "先锋岗、责任区的设置与中心工作结合不够紧",
    "ROLE-POST-SHARE": "部分党员在岗履责、亮明身份的意识不强，支部的引导不够",
    "ROLE-VOLUNTEER": "志愿服务的组织不够经常，活动策划和党员动员不够",
    "ROLE-DEEDS": "对群众急难愁盼问题的调研不够深入，办实事项目的谋划和推进不够有力",
    "SYS-DUES": "党费收缴的日常提醒不够，对未按时交纳的情况跟进不及时",
    "SYS-DUES-LAPSE": "对个别党员长期未交党费的情况谈心谈话、教育提醒不及时",
    "SYS-RECTIFY": "问题整改跟踪问效不够，个别整改事项推进不力",
    "SYS-DOCS": "支部工作制度的建立和执行检查抓得不够实",
    "SUP-VENUE": "对党员活动阵地的建设和使用管理重视不够",
    "SUP-FUNDS": "对党建工作经费的预算和使用管理重视不够",
    "SUP-BRAND": "对支部党建特色品牌的培育缺少系统谋划，党建与业务融合的特色还不鲜明",
}

# Who answers for the target: the committee post that usually owns the work (the 书记 when the
# post is vacant).
OWNERS = {
    "ORG": enums.SECRETARY,
    "TEAM": enums.ORGANIZATION_MEMBER,
    "ACT": enums.SECRETARY,
    "ROLE": enums.PUBLICITY_MEMBER,
    "SYS": enums.ORGANIZATION_MEMBER,
    "SUP": enums.SECRETARY,
}
RULE_OWNERS = {
    "TEAM-TRAINING": enums.PUBLICITY_MEMBER,
    "TEAM-APPRAISAL": enums.DISCIPLINE_MEMBER,
    "ACT-GROUP": enums.ORGANIZATION_MEMBER,
    "ACT-ATTENDANCE": enums.ORGANIZATION_MEMBER,
    "ACT-THEME-DAY": enums.PUBLICITY_MEMBER,
    "ACT-RECORDS": enums.ORGANIZATION_MEMBER,
    "SYS-RECTIFY": enums.DISCIPLINE_MEMBER,
    "SUP-BRAND": enums.PUBLICITY_MEMBER,
    "SYS-DUES-LAPSE": enums.SECRETARY,  # the target has the 书记 talk to the member herself
}
# A rule whose shortfall is told inside another's when both fell short (the same members' dues).
TOLD_WITH = {"SYS-DUES-LAPSE": "SYS-DUES"}

_QUARTER_ENDS = "3月、6月、9月、12月底前"


def _share(value) -> str:
    """A rule-set share ("1/3", 0.5, 0.9) as a report writes it: 三分之一, 50%, 90%."""
    try:
        f = Fraction(str(value))
    except (ValueError, ZeroDivisionError):
        return str(value)
    if f.numerator == 1 and f.denominator in (2, 3, 4, 5):
        return "二三四五"[f.denominator - 2] + "分之一"
    return f"{float(f) * 100:g}%"


def _targets(code: str, y: int, year: int, p: dict) -> str:
    """Next year's (``y``) dated target for a rule that fell short in ``year``."""
    g = p.get
    table = {
        "ORG-FORM": f"{y}年第一季度向上级党委请示，按规定调整支部设置",
        "ORG-SIZE": f"{y}年上半年向上级党委提出调整组织设置的请示，党员超过{g('max_members', 50)}名的按规定设立党总支",
        "ORG-COMMITTEE": f"{y}年上半年召开支部党员大会按程序补选支部委员，使委员达到"
                         f"{g('min_size', 3)}至{g('usual_max', 5)}名",
        "ORG-SECRETARY": f"{y}年第一季度向上级党委报告，按程序配齐配强支部书记",
        "ORG-TERM": "在本届任期届满前完成支部委员会换届选举，提前三个月向上级党委请示",
        "ORG-GROUPS": f"{y}年1月底前调整党小组设置，把每名党员编入党小组",
        "TEAM-RESERVE": f"{y}年在一线青年骨干中新培养入党积极分子不少于{g('min_reserve', 1)}名",
        "TEAM-DEV-AGE": "发展党员前逐人核对出生日期和递交申请时间，从入口把好质量关",
        "TEAM-DEV-TALK": f"收到入党申请书后{g('months', 1)}个月内派人谈话，每月初核对一次入党申请人名单",
        "TEAM-DEV-CULTIVATE": f"入党积极分子培养教育满{g('min_years', 1)}年后再确定为发展对象",
        "TEAM-DEV-REVIEW": f"对入党积极分子每半年考察一次，{y}年6月底、12月底前各完成一轮",
        "TEAM-DEV-TRAIN": f"{y}年发展对象全部参加不少于{g('min_days', 3)}天（{g('min_hours', 24)}学时）的集中培训",
        "TEAM-DEV-INTRODUCERS": f"每名发展对象确定{g('count', 2)}名正式党员作入党介绍人，认真履行介绍人职责",
        "TEAM-DEV-APPROVE": f"支部大会讨论接收预备党员后{g('months', 3)}个月内报上级党委审批，并逐月跟进",
        "TEAM-PROBATION": "预备期届满前一个月提醒，期满即召开支部党员大会讨论转正",
        "TEAM-PROBATION-REVIEW": f"对预备党员每半年考察一次，{y}年6月底、12月底前各完成一轮",
        "TEAM-TRAINING": f"{y}年每季度至少组织1期集中学习培训（每期{g('session_hours', 8)}学时），确保每名党员全年学时不少于"
                         f"{g('member_hours', 32)}学时"
                         + (f"、书记和支委不少于{g('committee_hours')}学时" if g("committee_hours") else "")
                         + "，每季度末通报一次学时进度",
        "TEAM-APPRAISAL": f"{y}年1月至2月开展{year}年度民主评议党员，严格对照标准评定等次，"
                          f"优秀等次比例不超过{_share(g('max_excellent_share', '1/3'))}，预备党员一般不评为优秀",
        "TEAM-CONTACT": "每季度至少与流动党员联系一次，了解思想和工作情况",
        "ACT-CONGRESS": f"{y}年每季度召开1次支部党员大会（{_QUARTER_ENDS}），会前研究确定议题",
        "ACT-COMMITTEE": f"{y}年每月召开1次支部委员会，研究当月党建工作",
        "ACT-GROUP": f"{y}年各党小组每月召开1次党小组会，支部委员会每季度末检查一次落实情况",
        "ACT-LESSON": f"{y}年每季度开展1次党课（{_QUARTER_ENDS}），本人于{y}年6月底前讲授党课"
                      + (f"不少于{g('secretary_lessons')}次" if (g("secretary_lessons") or 1) > 1 else ""),
        "ACT-THEME-DAY": f"{y}年每月开展1次主题党日活动，年初排出全年主题",
        "ACT-LIFE-MEETING": f"{y}年1月至2月召开{year}年度组织生活会，会前开展谈心谈话、征求意见",
        "ACT-ATTENDANCE": f"三会一课出勤率保持在{_share(g('min_rate', 0.9))}以上，缺席党员一周内补学",
        "ACT-RECORDS": "每次会议当场记录主持人、议题和讨论发言，会后一周内整理归档",
        "ACT-QUORUM": "召开支部党员大会提前通知到每名党员，确保应到会党员过半数到会",
        "ROLE-POSTS": f"{y}年第一季度围绕中心工作设立党员先锋岗或责任区不少于{g('min_posts', 1)}个",
        "ROLE-POST-SHARE": f"{y}年在岗履责的党员达到{_share(g('min_share', 0.5))}以上，推动党员亮身份、作表率",
        "ROLE-VOLUNTEER": f"{y}年每季度至少开展1次志愿服务，每名党员全年服务不少于{g('hours_per_member', 8)}小时",
        "ROLE-DEEDS": f"{y}年初建立办实事项目清单，全年为群众办实事不少于{g('per_year', 4)}件",
        "SYS-DUES": f"{y}年起每月按时足额收缴党费，月底前核对收缴情况，发现欠缴当月提醒",
        "SYS-DUES-LAPSE": "对连续三个月未交党费的党员由支部书记谈心谈话，了解原因、督促补缴",
        "SYS-RECTIFY": f"对未按期完成的整改事项明确新的完成时限，{y}年第一季度全部销号",
        "SYS-DOCS": f"{y}年上半年完善支部工作制度并上墙公示，每半年检查一次执行情况",
        "SUP-VENUE": f"{y}年上半年完善党员活动室，规范阵地的使用管理",
        "SUP-FUNDS": f"{y}年初编制党建工作经费预算，规范使用和管理",
        "SUP-BRAND": f"{y}年上半年制定支部党建品牌创建方案，年底前形成品牌成果",
    }
    return table.get(code, "")


# When a target is due (整改台账 完成时限): a month of next year, or an obligation kept every
# month/quarter from now on.
DUE_MONTHS = {
    "ORG-GROUPS": 1, "SUP-FUNDS": 1, "TEAM-APPRAISAL": 2, "ACT-LIFE-MEETING": 2,
    "ORG-FORM": 3, "ORG-SECRETARY": 3, "ROLE-POSTS": 3, "SYS-RECTIFY": 3,
    "ORG-SIZE": 6, "ORG-COMMITTEE": 6, "SYS-DOCS": 6, "SUP-VENUE": 6,
    "TEAM-TRAINING": 12, "TEAM-RESERVE": 12, "TEAM-DEV-TRAIN": 12, "ROLE-VOLUNTEER": 12,
    "ROLE-DEEDS": 12, "ROLE-POST-SHARE": 12, "SUP-BRAND": 12,
}
ONGOING = "长期坚持"


def due_text(code: str, year: int) -> str:
    """The 完成时限 of next year's target for ``code`` (the report is for ``year``)."""
    if code == "ORG-TERM":
        return "本届任期届满前"
    m = DUE_MONTHS.get(code)
    return f"{year + 1}年{m}月底前" if m else ONGOING


# Next year's target made this branch's own: who or what the shortfall was about ({who}).
SUBJECT_TARGETS = {
    "ACT-GROUP": "，{who}由党小组组长每月初报送计划",
    "ACT-ATTENDANCE": "，{who}等缺席较多的党员由支委逐一谈心",
    "SYS-DUES": "，{who}欠缴的党费于{y}年1月底前补齐",
    "TEAM-TRAINING": "，{who}等学时不足的党员优先安排",
    "ROLE-VOLUNTEER": "，优先动员{who}等服务时长不足的党员参加",
    "TEAM-DEV-TALK": "，{who}的谈话立即补上",
    "TEAM-DEV-REVIEW": "，{who}的考察立即补上",
    "TEAM-PROBATION-REVIEW": "，{who}的考察立即补上",
}
_SUBJECT = re.compile(r"^(第[一二三四五六七八九十\d]+党小组(?:（[^）]*）)?|[^\W\d_]{2,4}?)(?=\d|已|自|应|于|：|未|在|的)")


def _evidence(rule: dict) -> list[str]:
    """The rule's evidence lines about what fell short: an exemption's note (第二十三条) is beside
    them, not one of them."""
    from ..rules.snapshot import EXEMPT_NOTE

    return [e for e in rule.get("evidence") or [] if isinstance(e, str) and EXEMPT_NOTE not in e]


def _subjects(rule: dict, limit: int = 3) -> list[str]:
    """The members or groups a rule's shortfall lines are about, in their order."""
    lines = [e for e in _evidence(rule) if not data_entry(e)]
    short = [e for e in lines if _SHORT.search(e)] or [e for e in lines if "：" in e]
    out: list[str] = []
    for e in short:
        m = _SUBJECT.match(e)
        if m and m.group(1) not in out:
            out.append(m.group(1))
    return out[:limit]


@dataclass(frozen=True)
class Finding:
    """One rule that fell short, written for a document."""

    code: str
    basic: str          # the 基本's code (ORG, TEAM …)
    status: str         # 未达标 or 预警
    problem: str        # "党小组组织生活没有做到月月不断线，第三党小组（市场营销）7月未召开党小组会"
    cause: str          # "个别党小组组长对…" (follows "这反映出")
    target: str         # next year's dated target
    owner_role: str     # the committee post that answers for it
    owner: str          # the person holding it on the as-of day ("" when the post and the 书记 are vacant)
    due: str = ""       # 完成时限: "2027年3月底前" or 长期坚持

    @property
    def frame(self) -> str:
        """The shortfall in a few words ("党费收缴不够及时足额"), for a table."""
        return FRAMES.get(self.code, self.problem.split("，")[0])

    def sentence(self) -> str:
        """Problem and cause in one sentence, so the branch's own facts carry the analysis
        ("" for a finding told inside another's)."""
        if not self.problem:
            return ""
        return f"{self.problem}，这反映出{self.cause}。" if self.cause else f"{self.problem}。"


# Words that mark a line of a rule's evidence as a shortfall (the other lines say what is fine).
_SHORT = re.compile(r"未|不足|超过|逾期|欠缴|缺|仅|尚无|没有|无[^，；。]{0,8}记录")
# A record missing from the ledger is a gap to fill before export, not a confession.
MISSING_RECORD = ("未填写", "未登记", "未录入", "补录", "尚未记录")
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_ISO_MONTH = re.compile(r"(\d{4})-(\d{2})(?!-)")


def data_entry(text: str) -> bool:
    """Whether a rule's message or an evidence line only says a record is missing."""
    return any(w in (text or "") for w in MISSING_RECORD)


def dates_in_words(text: str, year: int) -> str:
    """ISO dates of a rule's evidence as a report writes them: 12月25日 in the report's year,
    2025年9月 otherwise."""
    def day(m):
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
        return (f"{mo}月{d}日" if y == year else f"{y}年{mo}月{d}日")

    def month(m):
        y, mo = int(m.group(1)), int(m.group(2))
        return f"{mo}月" if y == year else f"{y}年{mo}月"

    return _ISO_MONTH.sub(month, _ISO.sub(day, text))


def _fact(line: str, year: int) -> str:
    """One evidence line as a clause: "郭俊伟：9月、10月未足额缴纳" -> "郭俊伟9月、10月未足额缴纳",
    "形成党建品牌或特色项目：未落实" -> "尚未形成党建品牌或特色项目"."""
    line = dates_in_words(line.strip().rstrip("。"), year)
    head, sep, tail = line.partition("：")
    if sep and tail in ("未落实", "未完成"):
        return "尚未" + head
    if sep and re.match(r"\d|[一二三四五六七八九十]+月", tail):
        return head + tail
    if sep and "：" not in tail:
        return f"{head}{'，' if not tail.startswith('时限') else '（'}{tail}{'）' if tail.startswith('时限') else ''}"
    return line


_COUNT_OPENING = re.compile(r"(^|[。；，！？])(\d+(?:\.\d+)?(?:名|个|次|人|项|期|位|家))")


def _clean(text: str) -> str:
    text = text.replace("人·月", "人次").replace("未落实：", "尚未")
    return _COUNT_OPENING.sub(r"\1有\2", text)


def _facts(rule: dict, year: int, limit: int = 3) -> str:
    evidence = _evidence(rule)
    short = [e for e in evidence if _SHORT.search(e) and not data_entry(e)]
    code = rule.get("code", "")
    if code == "TEAM-APPRAISAL":  # the year the 评议 concerns, and its result as the rule found it
        concern = next((m.group(1) for e in evidence for m in [re.search(r"(\d{4})年度", e)] if m), "")
        msg = (rule.get("message") or "").rstrip("。")
        return (f"{concern}年度民主评议党员中，{msg}" if concern else msg)
    if code in ("TEAM-TRAINING", "ROLE-VOLUNTEER") and not short:  # who is short, with the figure
        who = [re.sub(r"([\d.]+)/[\d.]+", r"\1", _fact(e, year)) for e in evidence if "：" in e][:limit]
        msg = dates_in_words((rule.get("message") or "").rstrip("。"), year)
        return msg + ("，其中" + "、".join(who) if who else "") + ("等" if len(evidence) > limit else "")
    if short:
        facts = [_fact(e, year) for e in short[:limit]]
        more = len(short) - limit
        return "，".join(facts) + (f"等{len(short)}处" if more > 0 else "")
    return dates_in_words((rule.get("message") or "").rstrip("。"), year)


def owners(ledger, day: _dt.date, names) -> dict[str, str]:
    """The name holding each committee post on ``day`` (``Ledger.committee_on``)."""
    out: dict[str, str] = {}
    for r in ledger.committee_on(day):
        out.setdefault(r["role"], names(r["member_id"]))
    return out


def findings(report: dict, year: int, held: dict[str, str] | None = None,
             rule_set=None) -> list[Finding]:
    """The rules of ``report`` that fell short (未达标, 预警), in the order of the 基本, as findings.

    ``held`` maps a committee post to the person holding it (``owners``); ``rule_set`` gives the
    numbers the targets quote (the bundled default when None).
    """
    from ..rules.ruleset import load_rule_set

    rs = rule_set or load_rule_set()
    held = held or {}
    out: list[Finding] = []
    for basic in report.get("basics", []):
        for r in basic.get("rules", []):
            if r.get("status") not in (FAILED, WARNING) or data_entry(r.get("message")):
                continue
            code = r.get("code", "")
            b = basic.get("code") or code.split("-")[0]
            frame = FRAMES.get(code) or f"{r.get('name', '')}还有差距"
            facts = _clean(_facts(r, year))
            problem = f"{frame}，{facts}" if facts else frame
            role = RULE_OWNERS.get(code) or OWNERS.get(b, enums.SECRETARY)
            owner = held.get(role) or held.get(enums.SECRETARY, "")
            if not held.get(role):
                role = enums.SECRETARY
            target = _targets(code, year + 1, year, rs.params(code) if rs.spec(code) else {})
            who = _subjects(r)
            if target and who and code in SUBJECT_TARGETS:
                target += SUBJECT_TARGETS[code].format(who="、".join(who), y=year + 1)
            out.append(Finding(code, b, r.get("status"), problem, CAUSES.get(code, ""), target, role, owner,
                               due_text(code, year)))
    return _told_together(out)


def _told_together(found: list[Finding]) -> list[Finding]:
    """Fold a finding into its host's problem (``TOLD_WITH``): "郭俊伟9月至11月未足额缴纳，
    已连续3个月未交纳党费" rather than the same member's dues told twice. Its target stays."""
    codes = {f.code: i for i, f in enumerate(found)}
    out = list(found)
    for code, host in TOLD_WITH.items():
        if code not in codes or host not in codes:
            continue
        f, h = found[codes[code]], found[codes[host]]
        facts = f.problem.removeprefix(FRAMES.get(code, "")).lstrip("，")
        said = h.problem.removeprefix(FRAMES.get(host, ""))
        name = re.match(r"[^\d，、（]{2,4}?(?=已|自|\d)", facts)
        if name and name.group(0) in said:  # the same member: her name once
            facts = facts[name.end():]
        out[codes[host]] = replace(h, problem=f"{h.problem}，{facts}")
        out[codes[code]] = replace(f, problem="", cause="")
    return out


# ---- the plan's remaining work of the year, as a document says it ------------------------
_EVIDENCE_NOTE = re.compile(r"（佐证[:：][^）]*）")
_RECORD_TAIL = re.compile(r"[，,]?并(?:在[^，；。]{0,12}中)?(?:登记|记录|录入|填写|补录)[^，；。]*")
_AVOID_CLAUSE = re.compile(r"[，,]避免[^，；。]*")


def without_entry(text: str) -> str:
    """A line without what to record where: "按月收缴党费并登记" -> "按月收缴党费"; a part that is
    only about the software ("在“自评事项”中逐项填写…") is left out."""
    text = _EVIDENCE_NOTE.sub("", _RECORD_TAIL.sub("", text))
    # "避免连续6个月不交纳党费" restates the disqualifying line, not a goal a 书记 sets herself.
    text = _AVOID_CLAUSE.sub("", text)
    parts = [p for p in text.split("；") if p and not any(w in p for w in ("填写", "录入", "在“", "软件"))]
    return "；".join(parts).strip("，；")


def plan_texts(report: dict) -> list[str]:
    """The plan's actions (``next_star``) as a document reads them later: dues of many members on
    one line as the window says it, the date instead of 今天, dates in words, no data-entry tail."""
    from ..rules.text import plan_lines
    from .assessment import sentence

    nxt = report.get("next_star") or {}
    today = str(report.get("as_of") or "")
    year = int(report.get("year") or today[:4] or 0)
    raw = [a if isinstance(a, dict) else {"text": a} for a in nxt.get("actions") or []]
    out: list[str] = []
    for line in plan_lines(raw):
        text = without_entry(sentence(line))
        if text.startswith("今天") and len(today) == 10:
            text = f"{int(today[5:7])}月{int(today[8:10])}日" + text[2:]
        text = dates_in_words(text, year)
        if text and text not in out:
            out.append(text)
    return out


_BY = re.compile(r"^(\d+月\d+日前|\d+月\d+日)(.+)$")


def year_end_work(report: dict) -> list[str]:
    """``plan_texts`` with one clause per deadline ("12月31日前召开…，…")."""
    heads: list[str] = []
    clauses: list[list[str]] = []
    for text in plan_texts(report):
        m = _BY.match(text)
        head, rest = (m.group(1), m.group(2)) if m else ("", text)
        if head and heads and heads[-1] == head:
            if rest not in clauses[-1]:
                clauses[-1].append(rest)
        else:
            heads.append(head)
            clauses.append([rest])
    return [h + "，".join(c) for h, c in zip(heads, clauses)]
