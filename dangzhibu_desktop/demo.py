"""Demo ledgers: a realistic branch to try the window, the rules and the exporters on.

``build_demo(path, size, year)`` writes a new ledger file (``dangzhibu-desktop demo``):

- ``small``: one branch of a state-owned company over years Y-1 and Y: 25 people (16 正式党员,
  2 预备党员 — one whose 预备期 ends within weeks — 2 发展对象, 3 入党积极分子, 2 入党申请人) with
  their 25-step records, a 5-person committee, 3 党小组, every meeting kind with attendance and
  minutes, trainings, volunteer work and 办实事, pioneer posts, monthly dues by the 2008
  brackets, appraisals, rectifications and the 自评 checklist.
- ``large``: ten years (Y-9..Y) of a bigger branch with turnover (about 60 people on the books,
  about 140 who left: transfers, deaths, a 机构改革, one 停止党籍), three elections, an extended
  预备期; about 800 meetings, 40 000 attendance rows, 18 000 volunteer-hour rows and dues for
  every year (about 10 000 rows, so each year's 党费 rules can be judged).

The data is mostly compliant, with deliberate, realistic weaknesses spread so that each year's
达标创星 report has something to say without one 基本 sinking the whole branch: in Y-1 a missed
支委会 month, a 党小组会 without a recorder and a rectification closed two months late; in Y a
党小组 that skipped July (when the cut-off has reached it), a 流动党员 four months behind on dues
and one rectification due a few weeks after the cut-off; no 党建品牌 yet (5★ out of reach).

Determinism: everything comes from ``random.Random(seed)`` with a seed fixed per size and
year, and every row gets ``created_at``/``updated_at`` stamps derived from its own date, so two
builds give byte-identical ``export package`` output. The only input from the clock is the
cut-off: when ``year`` is the current year the data stops at today (no meeting, payment or
decision in the future), so builds of the current year are identical only within the same
day; builds of a past year never depend on the clock. Tests pass ``today=`` explicitly.

Rows are written with ``Ledger.insert_raw`` (validated by the same rules as every other
write) inside one transaction per year; on any failure the half-written file is removed.
The texts follow the calendar: the themes studied, and phrases that did not exist yet
(``_COINED``) never appear in an older year's minutes.
"""

from __future__ import annotations

import calendar
import datetime as _dt
import random
import shutil
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from .ledger import enums
from .ledger import steps as _steps
from .ledger.store import Ledger, open_ledger
from .ledger.validate import LedgerError, id_check_char
from .rules.dues import compute_dues

_D = _dt.date
_DAY = _dt.timedelta(days=1)

SIZES = ("small", "large", "xl")
MIN_YEAR = 2015  # the 25-step catalogue dates from 2014; earlier demos would be anachronistic


# ---- public API ---------------------------------------------------------------------------
def build_demo(path, size: str = "small", year: int | None = None, *,
               today: _dt.date | None = None) -> str:
    """Write a demo ledger to the new file ``path``; returns a short Chinese summary.

    Args:
        path: the ledger file to create; an existing non-empty file is refused.
        size: "small" (2 years, ~25 people), "large" (10 years, ~200 people, ~64 on the books)
            or "xl" (10 years, ~300 on the books in 15 党小组: a 党总支-sized branch, for the
            benchmarks).
        year: the latest year of the demo (default: the current year).
        today: the clock, for tests; only used to cut the current year off at today.

    Raises:
        LedgerError: bad size or year, or an existing file.
    """
    today = today or _dt.date.today()
    year = today.year if year is None else int(year)
    if size not in SIZES:
        raise LedgerError(f"示例台账的规模只能是：{'、'.join(SIZES)}（现为“{size}”）")
    if not MIN_YEAR <= year <= today.year:
        raise LedgerError(f"示例台账的年度应在{MIN_YEAR}年至{today.year}年之间（现为{year}年）")
    p = Path(path)
    if p.exists() and (p.is_dir() or p.stat().st_size > 0):
        raise LedgerError(f"文件“{p}”已存在，示例台账只写入新文件")
    ledger = open_ledger(p, create=True)
    try:
        builder = _Builder(ledger, size, year, today)
        builder.build()
        summary = builder.summary()
    except BaseException:
        ledger.close()
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(str(p) + suffix).unlink(missing_ok=True)
        from .ledger.attachments import folder_for

        shutil.rmtree(folder_for(p), ignore_errors=True)  # the demo's generated photos
        raise
    ledger.close()
    return summary


def demo_cutoff(year: int, today: _dt.date | None = None) -> _dt.date:
    """The last day the demo of ``year`` records anything: 31 December, or today in the current year."""
    today = today or _dt.date.today()
    return min(_D(year, 12, 31), today)


# ---- word lists -----------------------------------------------------------------------------
_SURNAMES = ("王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚"
             "卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严武戴孔汤")
_MALE_1 = "志建国文晓海永立家俊子浩宇明振德兴新学天博思嘉云长庆继延洪卫成宏承瑞书德景"
_MALE_2 = "伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宁亮浩凯健俊帆旭宇晨阳东林峰栋森岩毅坤昊哲诚锋"
_FEMALE_1 = "晓雅文海秀玉佳欣梦雨诗美慧丽春冬亚婉静若思心紫一书语"
_FEMALE_2 = "丽静敏燕艳娟霞芳娜丹玲萍红婷雪琳倩颖慧莉洁晶璐蕾欣悦佳琪涵怡彤岚薇瑶"
# Well-known people the generator must not reproduce.
_AVOID = {"王菲", "李娜", "刘洋", "杨洋", "张杰", "王伟", "刘德华", "陈建斌", "王志文", "张国荣", "李宇春",
          "周杰", "马云", "李明", "张伟", "刘强", "杨丽", "王丽", "黄晓明", "李晨", "刘涛", "张静", "王刚",
          "孙俪", "林志颖", "何洁", "张靓颖", "周迅", "徐静", "李敏", "赵丽颖", "郭晶晶", "刘翔", "李宁"}
_REGIONS = ("370102", "370103", "370104", "370105", "370112", "370181", "370124", "370302", "370602",
            "370702", "370785", "370883", "371302", "371102", "370402", "371502", "370902")
_ETHNIC = ("回族", "满族", "蒙古族")

_DEPTS = {
    "综合": (("综合办公室", ("主任", "副主任", "文秘", "行政专责", "档案管理员")),
            ("党群工作部", ("党群专责", "宣传专责", "工会干事")),
            ("财务部", ("会计", "出纳", "财务专责", "预算专责")),
            ("人力资源部", ("人事专责", "薪酬专责", "培训专责"))),
    "生产": (("生产技术部", ("技术员", "专责工程师", "副主任")),
            ("安全环保部", ("安全员", "环保专责", "安全监察专责")),
            ("调度中心", ("调度员", "值长", "调度主管"))),
    "市场": (("市场营销部", ("客户经理", "营销专责", "市场分析员")),
            ("客户服务中心", ("客服专员", "班长", "稽查员"))),
    "检修": (("检修运维中心", ("检修工", "班长", "运维专责", "技术员")),),
}

_SENIOR_POSTS = ("主任", "副主任", "值长", "班长", "调度主管")

_LEAVE_REASONS = ("出差", "病假", "值班", "外出培训", "事假", "倒班", "陪护家人", "参加上级会议", "现场抢修")


# What the branch studied at the time, by date: (from, to, object of "学习…" in the minutes).
_THEMES = (
    (_D(2007, 10, 15), _D(2008, 8, 31), "党的十七大精神"),
    (_D(2008, 9, 1), _D(2010, 2, 28), "深入学习实践科学发展观活动有关要求"),
    (_D(2010, 3, 1), _D(2012, 11, 7), "中国特色社会主义理论体系"),
    (_D(2012, 11, 8), _D(2013, 6, 17), "党的十八大精神"),
    (_D(2013, 6, 18), _D(2014, 10, 31), "党的群众路线教育实践活动有关要求"),
    (_D(2014, 11, 1), _D(2014, 12, 31), "党的十八届四中全会精神"),
    (_D(2015, 1, 1), _D(2016, 2, 28), "“三严三实”专题教育有关要求"),
    (_D(2016, 3, 1), _D(2017, 10, 24), "党章党规和习近平总书记系列重要讲话"),
    (_D(2017, 10, 25), _D(2019, 5, 31), "党的十九大精神"),
    (_D(2019, 6, 1), _D(2020, 1, 31), "习近平总书记关于“不忘初心、牢记使命”的重要论述"),
    (_D(2020, 2, 1), _D(2020, 10, 31), "习近平总书记关于统筹疫情防控和经济社会发展的重要讲话精神"),
    (_D(2020, 11, 1), _D(2021, 2, 19), "党的十九届五中全会精神"),
    (_D(2021, 2, 20), _D(2021, 12, 31), "党的百年奋斗重大成就和历史经验"),
    (_D(2022, 1, 1), _D(2022, 10, 22), "习近平新时代中国特色社会主义思想"),
    (_D(2022, 10, 23), _D(2023, 3, 31), "党的二十大精神"),
    (_D(2023, 4, 1), _D(2024, 1, 31), "习近平新时代中国特色社会主义思想主题教育有关要求"),
    (_D(2024, 2, 1), _D(2024, 3, 31), "党的二十大精神"),
    (_D(2024, 4, 1), _D(2024, 7, 31), "《中国共产党纪律处分条例》"),
    (_D(2024, 8, 1), _D(2025, 2, 28), "党的二十届三中全会精神"),
    (_D(2025, 3, 1), _D(2025, 10, 31), "中央八项规定及其实施细则精神"),
    (_D(2025, 11, 1), _D(2026, 12, 31), "党的二十届四中全会精神"),
)


def _theme(d: _dt.date) -> str:
    for start, end, text in _THEMES:
        if start <= d <= end:
            return text
    if d < _D(2017, 10, 18):
        return "习近平总书记系列重要讲话精神" if d >= _D(2013, 1, 1) else "党章和党的基本理论"
    return "习近平新时代中国特色社会主义思想"


# Phrases of the minutes that did not exist before a date (a 2016 record cannot cite them).
_COINED = (
    ("伟大建党精神", _D(2021, 7, 1)), ("初心使命", _D(2017, 10, 18)), ("以严的基调", _D(2023, 1, 1)),
    ("高质量发展", _D(2017, 10, 18)), ("学思用贯通", _D(2019, 6, 1)), ("一盔一带", _D(2020, 6, 1)),
    ("新时代", _D(2017, 10, 18)), ("国有企业改革发展和党的建设", _D(2016, 10, 11)),
    ("垃圾分类", _D(2019, 7, 1)), ("中央八项规定", _D(2012, 12, 4)), ("纪律处分条例", _D(2004, 1, 1)),
    ("工匠精神", _D(2016, 3, 5)), ("国家宪法日", _D(2014, 12, 4)), ("国家安全", _D(2015, 7, 1)),
    ("政治生日", _D(2016, 1, 1)),
)


def _said_by(option, d: _dt.date) -> bool:
    """Whether every phrase of ``option`` (a string, or a tuple of strings) existed on ``d``."""
    text = option if isinstance(option, str) else "".join(x for x in option if isinstance(x, str))
    return all(d >= since for phrase, since in _COINED if phrase in text)


def _of_the_time(options, d: _dt.date) -> list:
    """The options that could be written on ``d`` (the first one if none could)."""
    return [o for o in options if _said_by(o, d)] or list(options[:1])


def _deeds_word(d: _dt.date) -> str:
    return "我为群众办实事" if d.year >= 2021 else "为职工群众办实事好事"


# ---- people ---------------------------------------------------------------------------------
@dataclass(eq=False)  # people are compared by identity
class _Person:
    name: str
    gender: str
    birth: _dt.date
    id_number: str
    ethnicity: str
    education: str
    phone: str
    dept: str
    post: str
    group: int | None
    dues_class: str = enums.DUES_EMPLOYED
    base: int = 0  # monthly after-tax salary (or pension) in fen, in the window's first year
    mobile: int = 0
    notes: str | None = None
    joined: _dt.date | None = None  # joined_branch_on
    left: _dt.date | None = None
    status: str = enums.ACTIVE_STATUS
    steps: list = field(default_factory=list)
    stable: bool = False  # never leaves (committee material)
    id: int | None = None

    def step_date(self, number: int) -> _dt.date | None:
        dates = [s["date"] for s in self.steps if s["step"] == number]
        return min(dates) if dates else None

    @property
    def admit(self) -> _dt.date | None:
        return self.step_date(_steps.STEP_ADMIT)

    @property
    def full(self) -> _dt.date | None:
        dates = [s["date"] for s in self.steps
                 if s["step"] == _steps.STEP_FULL_MEETING and s.get("outcome") == _steps.OUTCOME_FULL]
        return min(dates) if dates else None

    def on_books(self, d: _dt.date) -> bool:
        return (self.joined is None or self.joined <= d) and (self.left is None or self.left > d)

    def is_member(self, d: _dt.date) -> bool:
        """正式 or 预备党员 of this branch on ``d``."""
        a = self.admit
        return a is not None and a <= d and self.on_books(d)

    def is_full(self, d: _dt.date) -> bool:
        f = self.full
        return f is not None and f <= d and self.on_books(d)

    def votes(self, d: _dt.date) -> bool:
        """Has a vote at a 支部大会 on ``d`` (a 正式党员 before that day)."""
        f = self.full
        return f is not None and f < d and self.on_books(d)

    def salary(self, year: int, first_year: int) -> int:
        """Base in fen for ``year``: about 3 % more each year, rounded to 10 元."""
        value = Decimal(self.base) * (Decimal("1.03") ** max(0, year - first_year))
        return int((value / 1000).quantize(Decimal(1), ROUND_HALF_UP) * 1000)


# The 25 steps as a tree: each step follows its parent by (min, max) days.
_PARENT = {2: 1, 3: 2, 4: 3, 5: 3, 7: 3, 8: 7, 9: 7, 10: 7, 11: 7, 12: 11, 13: 12, 14: 13, 15: 14,
           16: 15, 17: 15, 18: 17, 19: 17, 20: 17, 21: 15, 22: 15, 23: 15, 24: 23, 25: 24}
_GAP = {2: (8, 25), 3: (130, 240), 4: (7, 20), 5: (2, 10), 7: (372, 430), 8: (7, 20), 9: (10, 25),
        10: (20, 45), 11: (35, 75), 12: (15, 40), 13: (10, 25), 14: (7, 15), 15: (7, 20), 16: (15, 40),
        17: (40, 80), 18: (10, 25), 19: (3, 10), 20: (10, 40), 21: (170, 200), 22: (330, 345),
        23: (366, 385), 24: (30, 70), 25: (15, 30)}
_STEP_NOTES = {
    1: "向党组织递交书面入党申请书",
    2: "支部委员{p}与其谈话，了解基本情况",
    3: "经党员推荐、群团组织推优，支部委员会研究确定为入党积极分子",
    4: "报上级党委备案",
    5: "指定正式党员担任培养联系人",
    7: "经支部委员会讨论，听取党小组、培养联系人、党员和群众意见，确定为发展对象",
    8: "报上级党委备案",
    9: "确定两名正式党员为入党介绍人",
    10: "完成政治审查，形成结论性材料",
    11: "参加公司党校发展对象培训班，集中培训3天，共24学时",
    12: "支部委员会对其条件、培养教育情况进行审查，同意提交上级党委预审",
    13: "上级党委预审合格，同意发放入党志愿书",
    14: "在入党介绍人指导下填写入党志愿书",
    15: "支部大会讨论，同意接收为中共预备党员",
    16: "上级党委组织员与其谈话",
    17: "上级党委审批，同意接收为中共预备党员",
    18: "报再上一级党委组织部门备案",
    19: "编入所在党小组",
    20: "在主题党日上面向党旗进行入党宣誓",
    21: "预备期半年考察，表现良好",
    22: "预备期满前提交书面转正申请",
    23: "支部大会讨论，同意按期转为中共正式党员",
    24: "上级党委审批，同意按期转正",
    25: "入党材料整理归档",
}


# ---- the builder ---------------------------------------------------------------------------
class _Builder:
    def __init__(self, ledger: Ledger, size: str, year: int, today: _dt.date):
        self.ledger = ledger
        self.large = size in ("large", "xl")
        self.scale = 5 if size == "xl" else 1  # xl: the large demo's people five times over
        self.year = year
        self.end = demo_cutoff(year, today)
        self.first_year = year - (9 if self.large else 1)
        self.start = _D(self.first_year, 1, 1)
        self.rng = random.Random(f"dangzhibu-demo/{size}/{year}")
        self.people: list[_Person] = []
        self.used_names: set[str] = set()
        self.used_ids: set[str] = set()
        self.groups: list[dict] = []
        self.terms: list[tuple[_dt.date, _dt.date | None, dict[str, _Person]]] = []
        self.counts: dict[str, int] = {}
        self._used: dict[tuple, set] = {}
        self.company = "海岱能源有限公司"
        self.branch_name = self.company + ("机关党总支" if size == "xl" else "机关党支部" if self.large else "第一党支部")

    # -- small helpers
    def _fresh(self, key, options: list, year: int):
        """A choice not yet used this year under ``key`` (a branch does not give the same 党课 twice)."""
        used = self._used.setdefault((key, year), set())
        left = [o for o in options if o not in used] or list(options)
        if len(left) == len(options):
            used.clear()
        pick = self.rng.choice(left)
        used.add(pick)
        return pick

    def _weekday(self, d: _dt.date, forward: bool = True) -> _dt.date:
        """The nearest working day (weekend and the main holidays skipped)."""
        step = _DAY if forward else -_DAY
        while d.weekday() >= 5 or (d.month, d.day) in ((1, 1), (5, 1), (5, 2), (5, 3)) or (
                d.month == 10 and d.day <= 7):
            d += step
        return d

    def _day_in(self, y: int, m: int, lo: int, hi: int) -> _dt.date:
        last = calendar.monthrange(y, m)[1]
        d = self._weekday(_D(y, m, min(self.rng.randint(lo, hi), last)))
        if d.month != m:
            d = self._weekday(_D(y, m, min(lo, last)), forward=False)
            if d.month != m:
                d = self._weekday(_D(y, m, 1))
        return d

    def _months(self):
        y, m = self.first_year, 1
        while _D(y, m, 1) <= self.end:
            yield y, m
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)

    def _name(self, gender: str) -> str:
        while True:
            surname = self.rng.choice(_SURNAMES)
            if gender == enums.MALE:
                given = self.rng.choice(_MALE_1) + self.rng.choice(_MALE_2)
                if self.rng.random() < 0.18:
                    given = self.rng.choice(_MALE_2)
            else:
                given = self.rng.choice(_FEMALE_1) + self.rng.choice(_FEMALE_2)
                if self.rng.random() < 0.18:
                    given = self.rng.choice(_FEMALE_2)
            name = surname + given
            if given[0] != given[-1] or len(given) == 1:
                if name not in self.used_names and name not in _AVOID and given not in _AVOID:
                    self.used_names.add(name)
                    return name

    def _id_number(self, birth: _dt.date, gender: str) -> str:
        while True:
            region = self.rng.choice(_REGIONS)
            seq = self.rng.randrange(0, 50) * 2 + (1 if gender == enums.MALE else 0)
            first17 = f"{region}{birth:%Y%m%d}{self.rng.randrange(0, 10)}{seq:02d}"
            number = first17 + id_check_char(first17)
            if number not in self.used_ids:
                self.used_ids.add(number)
                return number

    def _phone(self) -> str:
        return self.rng.choice(("13", "15", "18", "17")) + self.rng.choice("0123456789") + "".join(
            self.rng.choice("0123456789") for _ in range(8))

    def _person(self, *, age: int, at: _dt.date, group: int | None, gender: str | None = None,
                retired: bool = False, education: str | None = None, post: tuple[str, str] | None = None,
                salary_yuan: int | None = None) -> _Person:
        rng = self.rng
        gender = gender or (enums.MALE if rng.random() < 0.6 else enums.FEMALE)
        birth = _D(at.year - age, 1, 1) + _dt.timedelta(days=rng.randrange(0, 365))
        if education is None:
            if age >= 50:
                education = rng.choice((enums.EDU_BACHELOR, enums.EDU_COLLEGE, enums.EDU_COLLEGE, enums.EDU_VOCATIONAL, enums.EDU_HIGH_SCHOOL))
            else:
                education = rng.choice((enums.EDU_POSTGRADUATE, enums.EDU_BACHELOR, enums.EDU_BACHELOR, enums.EDU_BACHELOR, enums.EDU_BACHELOR, enums.EDU_COLLEGE))
        if post is None:
            family = list(_DEPTS)[group if group is not None and group < len(_DEPTS) else rng.randrange(3)]
            dept, posts = rng.choice(_DEPTS[family])
            if age < 33:  # the young do not head departments or shifts yet
                posts = [x for x in posts if x not in _SENIOR_POSTS] or posts
            post = (dept, rng.choice(posts))
        if salary_yuan is None:
            salary_yuan = rng.choice((4200, 4800, 5600, 6200, 6800, 7400, 7900, 8600, 9300, 10600))
        p = _Person(
            name=self._name(gender), gender=gender, birth=birth, id_number=self._id_number(birth, gender),
            ethnicity=rng.choice(_ETHNIC) if rng.random() < 0.05 else enums.ETHNICITY_HAN, education=education,
            phone=self._phone(), dept=post[0], post=post[1], group=group,
            dues_class=enums.DUES_RETIRED if retired else enums.DUES_EMPLOYED, base=salary_yuan * 100,
        )
        if retired:
            p.post = "退休职工"
            p.dept = "离退休"  # a department name, not the enumeration
        return p

    # -- development timelines
    def _snap(self, step: int, d: _dt.date, forward: bool) -> _dt.date:
        """Committee decisions fall on a 支委会 date, the oath on a 主题党日 when one is near."""
        table = {3: self.committee_dates, 7: self.committee_dates, 12: self.committee_dates,
                 20: self.theme_dates}.get(step)
        if table:
            candidates = [x for x in table if (x >= d if forward else x <= d) and abs((x - d).days) <= 45]
            if candidates:
                return min(candidates) if forward else max(candidates)
        return self._weekday(d, forward)

    def _timeline(self, anchor: int, anchor_date: _dt.date, max_step: int = 25,
                  stop: _dt.date | None = None) -> list[dict]:
        """Steps of one person's pipeline with ``anchor`` on ``anchor_date``, up to ``max_step``
        and ``stop`` (default: the demo's cut-off)."""
        rng = self.rng
        stop = stop or self.end
        dates: dict[int, _dt.date] = {anchor: anchor_date}
        s = anchor
        while s in _PARENT:  # backwards along the main path
            p = _PARENT[s]
            lo, hi = _GAP[s]
            dates[p] = self._snap(p, dates[s] - _dt.timedelta(days=rng.randint(lo, hi)), forward=False)
            s = p
        for s in range(2, 26):  # forwards for everything else (6 is half-yearly, below)
            if s not in dates and s != 6:
                lo, hi = _GAP[s]
                dates[s] = self._snap(s, dates[_PARENT[s]] + _dt.timedelta(days=rng.randint(lo, hi)), True)
        # Half-yearly 考察 of an activist until he becomes a 发展对象; one 考察 of a 预备党员.
        extra = []
        d, n = dates[3] + _dt.timedelta(days=rng.randint(178, 186)), 1
        review_until = dates[7] if max_step >= 7 else stop  # a stalled activist is still reviewed
        while d < review_until:
            extra.append({"step": 6, "date": self._weekday(d), "note": f"第{n}次培养教育考察（半年），表现良好"})
            d, n = d + _dt.timedelta(days=rng.randint(178, 186)), n + 1
        out = [{"step": k, "date": v, "note": _STEP_NOTES[k]} for k, v in dates.items() if k != 6]
        out += extra
        out = [s for s in out if s["step"] <= max_step and s["date"] <= stop]
        for s in out:
            if s["step"] == 23:
                s["outcome"] = _steps.OUTCOME_FULL
        out.sort(key=lambda s: (s["date"], s["step"]))
        return out

    def _old_steps(self, admit: _dt.date) -> list[dict]:
        admit = self._weekday(admit)
        full = self._weekday(admit + _dt.timedelta(days=self.rng.randint(366, 380)))
        return [
            {"step": 15, "date": admit, "note": "支部大会讨论，同意接收为中共预备党员"},
            {"step": 23, "date": full, "note": "支部大会讨论，同意按期转为中共正式党员",
             "outcome": _steps.OUTCOME_FULL},
        ]

    def _old_member(self, *, at: _dt.date, group: int | None, age: int | None = None, **kw) -> _Person:
        rng = self.rng
        age = age or rng.randint(27, 57)
        p = self._person(age=age, at=at, group=group, **kw)
        admit_age = rng.randint(21, min(34, age - 2))
        admit = p.birth.replace(year=p.birth.year + admit_age, day=min(p.birth.day, 28)) + _dt.timedelta(
            days=rng.randint(0, 200))
        p.steps = self._old_steps(min(admit, at - _dt.timedelta(days=400)))
        return p

    # -- calendar planned before the people (their decisions fall on these dates)
    def _plan_calendar(self) -> None:
        rng = self.rng
        self.committee_dates: list[_dt.date] = []
        self.theme_dates: list[_dt.date] = []
        self.gaps: set[tuple[str, int, int, int | None]] = set()
        if self.large:  # the older years of the large demo were patchier
            for y, m in self._months():
                if y < self.year - 1 and rng.random() < (0.1 if y < self.year - 5 else 0.03):
                    self.gaps.add((enums.COMMITTEE_MEETING, y, m, None))
                if y < self.year - 1 and rng.random() < 0.02:
                    self.gaps.add((enums.THEME_DAY, y, m, None))
        self.gaps.add((enums.COMMITTEE_MEETING, self.year - 1, 8, None))  # summer flood-control duty: no 支委会
        for y, m in self._months():
            if (enums.COMMITTEE_MEETING, y, m, None) not in self.gaps:
                self.committee_dates.append(self._day_in(y, m, 3, 10))
            if (enums.THEME_DAY, y, m, None) not in self.gaps:
                if m == 7:  # around 七一
                    d = self._day_in(y, 7, 1, 3)
                elif m == 12:  # around the 国家宪法日
                    d = self._day_in(y, 12, 3, 5)
                else:
                    d = self._day_in(y, m, 20, 27)
                self.theme_dates.append(d)
        # Older history (before the window) never snaps.
        self.committee_dates = [d for d in self.committee_dates if d <= self.end]
        self.theme_dates = [d for d in self.theme_dates if d <= self.end]

    # -- the roster
    def _build_people(self) -> None:
        if self.large:
            self._people_large()
        else:
            self._people_small()
            self._earlier_arrivals()
        self._pick_persons()

    def _earlier_arrivals(self) -> None:
        """Three 正式党员 of the small branch came from other units before its years begin (a
        转入 each, ``_write_transfers``); the years shown are as before. Its own random stream."""
        rng = random.Random(f"arrivals/{self.year}")
        committee = {p for _, _, roles in self.terms for p in roles.values()}
        settled = [p for p in self.people if p not in committee and not p.mobile and p.joined is None
                   and p.full and p.full < self.start - _dt.timedelta(days=3 * 365)]
        for p in rng.sample(settled, min(3, len(settled))):
            back = _dt.timedelta(days=rng.randint(400, 2000))
            p.joined = self._weekday(max(self.start - back, p.full + _dt.timedelta(days=60)))
            p.notes = p.notes or rng.choice(("调入本单位，组织关系转入", "由集团公司所属单位转入"))

    def _people_small(self) -> None:
        rng, end = self.rng, self.end
        y = self.year
        ppl = self.people
        # Committee (5), old 正式党员.
        sec = self._old_member(at=end, group=0, age=52, gender=enums.MALE, education=enums.EDU_POSTGRADUATE,
                               post=("综合办公室", "主任（党支部书记）"), salary_yuan=12800)
        org = self._old_member(at=end, group=0, age=44, gender=enums.FEMALE, post=("党群工作部", "副主任"),
                               salary_yuan=9600)
        pro = self._old_member(at=end, group=2, age=39, gender=enums.MALE, post=("市场营销部", "副主任"),
                               salary_yuan=9300)
        disc = self._old_member(at=end, group=1, age=48, gender=enums.MALE, post=("安全环保部", "主任"),
                                salary_yuan=10400)
        youth = self._old_member(at=end, group=1, age=31, gender=enums.FEMALE, post=("生产技术部", "专责工程师"),
                                 salary_yuan=7600)
        for p in (sec, org, pro, disc, youth):
            p.stable = True
        ppl += [sec, org, pro, disc, youth]
        # Nine more 正式党员 (one a 流动党员 working away) and a retired one, spread over the groups.
        for i in range(9):
            ppl.append(self._old_member(at=end, group=i % 3))
        mobile = ppl[-1]
        mobile.mobile = 1
        mobile.notes = "长期派驻新疆哈密光伏项目部，按流动党员管理"
        mobile.dept, mobile.post = "生产技术部", "技术员（派驻哈密光伏项目部）"
        retired = self._old_member(at=end, group=0, age=63, retired=True, salary_yuan=4600)
        retired.notes = "已退休，组织关系保留在本支部"
        ppl.append(retired)
        # A 正式党员 admitted in the ledger's own time: the full 25-step record.
        recent = self._person(age=28, at=end, group=1, salary_yuan=6200)
        recent.steps = self._timeline(23, self._weekday(end - _dt.timedelta(days=rng.randint(100, 130))))
        ppl.append(recent)
        # Two 预备党员: one whose 预备期 ends in the coming weeks, one admitted in spring.
        p1 = self._person(age=27, at=end, group=2, salary_yuan=5600)
        p1.steps = self._timeline(15, self._weekday(end - _dt.timedelta(days=365 - 24)), max_step=22)
        p2 = self._person(age=25, at=end, group=0, salary_yuan=2900, education=enums.EDU_BACHELOR)
        p2.steps = self._timeline(15, self._weekday(end - _dt.timedelta(days=rng.randint(150, 190))),
                                  max_step=22)
        ppl += [p1, p2]
        # Two 发展对象, three 入党积极分子, two 入党申请人 (not yet in a 党小组).
        for days in (45, 120):
            p = self._person(age=rng.randint(24, 30), at=end, group=None, salary_yuan=rng.choice((5200, 6400)))
            p.steps = self._timeline(7, self._snap(7, end - _dt.timedelta(days=days), False), max_step=11)
            ppl.append(p)
        for days in (60, 220, 330):
            p = self._person(age=rng.randint(23, 29), at=end, group=None)
            p.steps = self._timeline(3, self._snap(3, end - _dt.timedelta(days=days), False), max_step=6)
            ppl.append(p)
        for days in (12, 70):
            p = self._person(age=rng.randint(22, 26), at=end, group=None)
            p.steps = self._timeline(1, self._weekday(end - _dt.timedelta(days=days), False), max_step=2)
            ppl.append(p)
        self.arrears = mobile  # the 流动党员: dues not collected for the last months
        elected = self._weekday(_D(y - 2, 11, rng.randint(10, 20)))
        self.elections = [elected]
        self.terms = [(elected, None, {enums.SECRETARY: sec, enums.ORGANIZATION_MEMBER: org, enums.PUBLICITY_MEMBER: pro, enums.DISCIPLINE_MEMBER: disc,
                                       enums.YOUTH_MEMBER: youth})]
        self.groups = [
            {"name": "第一党小组（综合管理）", "leader": ppl[5]},
            {"name": "第二党小组（生产运行）", "leader": disc},
            {"name": "第三党小组（市场营销）", "leader": ppl[7]},
        ]

    def _people_large(self) -> None:
        rng, start, end, y = self.rng, self.start, self.end, self.year
        ppl = self.people
        scale = self.scale
        ngroups = 3 * scale
        stable = []
        for i in range(14):
            p = self._old_member(at=start, group=i % ngroups, age=rng.randint(30, 44))
            p.stable = True
            stable.append(p)
        ppl += stable
        for i in range(84 * scale):
            retired = i < 6 * scale
            ppl.append(self._old_member(at=start, group=i % ngroups, age=rng.randint(58, 66) if retired else None,
                                        retired=retired, salary_yuan=rng.choice((3900, 4700, 5300)) if retired
                                        else None))
        for i, p in enumerate(ppl[14:17]):
            p.mobile = 1
            p.notes = "在外地项目部工作，按流动党员管理"
        # Early pipeline people at the start.
        for i in range(4 * scale):
            p = self._person(age=rng.randint(23, 28), at=start, group=rng.randrange(ngroups))
            p.steps = self._timeline(3, self._weekday(start - _dt.timedelta(days=rng.randint(30, 300))),
                                     max_step=25 if i < 3 else 6)
            ppl.append(p)
        # Elections every three years; the first 书记 leaves after his second term.
        self.elections = [self._weekday(_D(y - 2 - 3 * k, 11, rng.randint(10, 20))) for k in (3, 2, 1, 0)]
        secretary_a, secretary_b = stable[0], stable[1]
        secretary_a.stable = False
        secretary_a.left = self.elections[2] + _dt.timedelta(days=45)
        secretary_a.status = enums.TRANSFERRED_OUT
        secretary_a.notes = "调任集团公司党群工作部"
        roles = (enums.SECRETARY, enums.ORGANIZATION_MEMBER, enums.PUBLICITY_MEMBER, enums.DISCIPLINE_MEMBER, enums.YOUTH_MEMBER)
        for k, elected in enumerate(self.elections):
            until = self.elections[k + 1] - _DAY if k + 1 < len(self.elections) else None
            sec = secretary_a if k < 2 else secretary_b
            others = [p for p in stable[1:] if p is not sec]
            rng_k = random.Random(f"committee/{k}/{y}")
            chosen = rng_k.sample(others, len(roles) - 1)
            self.terms.append((elected, until, dict(zip(roles, [sec] + chosen))))
        # Turnover year by year.
        for year in range(self.first_year, y + 1):
            y_end = min(_D(year, 12, 31), end)
            if _D(year, 1, 1) > end:
                break
            days = (y_end - _D(year, 1, 1)).days
            on = [p for p in ppl if p.on_books(_D(year, 1, 1)) and not p.stable and p.left is None
                  and p is not secretary_a and p.dues_class != enums.DUES_RETIRED]
            retirees = [p for p in ppl if p.dues_class == enums.DUES_RETIRED and p.left is None]
            if year in (y - 7, y - 4, y - 1) and retirees:
                p = retirees[0]
                p.left = self._weekday(_D(year, 1, 1) + _dt.timedelta(days=rng.randint(20, 300)))
                if p.left < end:
                    p.status, p.notes = enums.DECEASED, "因病医治无效去世"
                else:
                    p.left = None
            lost = [p for p in on if p.mobile and p.full] or [p for p in on if p.full]
            if year == y - 3 and lost:
                # A 流动党员 who lost touch: the one 停止党籍 of the decade.
                p = lost[0]
                on.remove(p)
                p.mobile = 1
                p.left = self._weekday(_D(year, 6, 20))
                p.status = enums.SUSPENDED
                p.notes = "与党组织失去联系超过6个月，经支部大会讨论、上级党委批准停止党籍"
            if year == y - 4:
                # The 机构改革 of that year moved a whole business line to a new subsidiary.
                when = self._weekday(_D(year, 7, 1))
                for p in [q for q in on if q.admit and q.full and q.full < when and q.on_books(when)][:25 * scale]:
                    on.remove(p)
                    p.left, p.status = when, enums.TRANSFERRED_OUT
                    p.notes = "公司机构改革，随业务划转至集团新设子公司，组织关系整建制转出"
            # xl: nine tenths of five times the yearly departures, so ~300 stay on the books.
            for _ in range(rng.randint(11, 13) * scale * 9 // 10 if scale > 1 else rng.randint(11, 13)):
                if not on:
                    break
                p = on.pop(rng.randrange(len(on)))
                when = self._weekday(_D(year, 1, 1) + _dt.timedelta(days=rng.randint(5, max(6, days))))
                cand, full = p.step_date(7), p.full
                if cand and cand <= when and not (full and full <= when):
                    continue  # 发展对象 and 预备党员 finish their pipeline here
                if when >= end:
                    continue
                if p.joined and when <= p.joined:
                    continue
                p.left = when
                p.status = enums.TRANSFERRED_OUT
                notes = ["组织关系转至集团公司所属单位", "调动工作，组织关系转出", "组织关系转至外省工作单位"]
                if (when - p.birth).days >= 55 * 365:
                    notes = ["退休，组织关系转至居住地社区党组织"]
                p.notes = rng.choice(notes)
                # A pipeline person who leaves takes the rest of his pipeline with him.
                p.steps = [s for s in p.steps if s["date"] <= when]
            for _ in range(rng.randint(6, 8) * scale):
                when = self._weekday(_D(year, 1, 1) + _dt.timedelta(days=rng.randint(5, max(6, days))))
                if when > end:
                    continue
                p = self._old_member(at=when, group=rng.randrange(ngroups))
                p.joined = when
                p.notes = rng.choice(("由集团公司所属单位转入", "新入职员工，组织关系转入", "调入本单位，组织关系转入"))
                ppl.append(p)
            for _ in range(rng.randint(3, 4) * scale):
                applied = self._weekday(_D(year, 1, 1) + _dt.timedelta(days=rng.randint(20, max(21, days))))
                if applied > end:
                    continue
                p = self._person(age=rng.randint(22, 29), at=applied, group=rng.randrange(ngroups))
                p.joined = applied
                stall = rng.random() < 0.2
                p.steps = self._timeline(1, applied, max_step=6 if stall else 25)
                ppl.append(p)
        # One 预备期 extended for six months (step 23 twice).
        for p in ppl:
            a = p.admit
            steps23 = [s for s in p.steps if s["step"] == 23]
            if a and a >= start and steps23 and p.left is None and steps23[0]["date"] + _dt.timedelta(days=200) <= end:
                first = steps23[0]
                first["outcome"] = _steps.OUTCOME_EXTEND
                first["note"] = "支部大会讨论，认为其在预备期内对自身要求有所放松，决定延长预备期六个月"
                later = self._weekday(first["date"] + _dt.timedelta(days=185))
                p.steps = [s for s in p.steps if s["step"] not in (24, 25)]
                p.steps.append({"step": 23, "date": later, "note": "延长预备期满，支部大会讨论同意转为正式党员",
                                "outcome": _steps.OUTCOME_FULL})
                p.steps.append({"step": 24, "date": self._weekday(later + _dt.timedelta(days=40)),
                                "note": "上级党委审批，同意转正"})
                p.steps = [s for s in p.steps if s["date"] <= end]
                p.steps.sort(key=lambda s: (s["date"], s["step"]))
                break
        # Pipeline people get a 党小组 only once admitted; nobody else is in one.
        for p in ppl:
            if p.admit is None:
                p.group = None
        current = [p for p in ppl if p.on_books(end)]
        self.arrears = next(p for p in current if p.admit and p.admit < start and not p.stable and not p.mobile)
        names = ("第一党小组（综合管理）", "第二党小组（生产运行）", "第三党小组（市场营销）")
        if scale > 1:
            units = ("综合管理", "生产运行", "市场营销", "财务资产", "安全环保", "设备检修", "调度控制", "客户服务",
                     "工程建设", "物资供应", "信息技术", "人力资源", "党群工作", "审计监督", "后勤保障")
            numerals = "一二三四五六七八九十"
            names = tuple(f"第{numerals[i] if i < 10 else '十' + numerals[i - 10]}党小组（{units[i]}）"
                          for i in range(ngroups))
        self.groups = []
        for g, name in enumerate(names):
            cand = [p for p in current if p.group == g and p.full and p.full < start]
            lead = next((p for p in cand if p.stable), cand[0] if cand else None)
            self.groups.append({"name": name, "leader": lead})

    def _pick_persons(self) -> None:
        """培养联系人 and 入党介绍人: two 正式党员 of the branch at the time."""
        for p in self.people:
            pair = None
            for s in p.steps:
                if s["step"] not in (2, 5, 9):
                    continue
                d = s["date"]
                pool = [q for q in self.people if q is not p and q.full and q.full < d
                        and (q.on_books(d) or d < self.start) and q.dues_class == enums.DUES_EMPLOYED]
                if len(pool) < 2:
                    pool = [q for q in self.people if q is not p and q.full and q.full < d]
                if s["step"] == 2:
                    talker = self._role_on(enums.ORGANIZATION_MEMBER, d) or self.rng.choice(pool)
                    s["note"] = _STEP_NOTES[2].format(p=talker.name)
                    continue
                if pair is None:
                    pair = self.rng.sample(pool, 2)
                s["persons"] = "、".join(q.name for q in pair)
                s["note"] = ("指定" if s["step"] == 5 else "确定") + "、".join(q.name for q in pair) + (
                    "同志为培养联系人" if s["step"] == 5 else "同志为入党介绍人")

    def _role_on(self, role: str, d: _dt.date) -> _Person | None:
        for elected, until, roles in self.terms:
            if elected <= d and (until is None or d <= until) and role in roles:
                return roles[role]
        if self.terms and d < self.terms[0][0]:
            return self.terms[0][2].get(role)
        return None

    def _committee_on(self, d: _dt.date) -> list[_Person]:
        for elected, until, roles in self.terms:
            if elected <= d and (until is None or d <= until):
                return [p for p in roles.values() if p.on_books(d)]
        return [p for p in self.terms[0][2].values() if p.on_books(d)] if self.terms else []

    # -- writing
    def build(self) -> None:
        self._plan_calendar()
        self._build_people()
        led = self.ledger
        with led.transaction():
            self._write_branch_and_people()
            self._write_transfers()
        self._plan_meetings()
        for y in range(self.first_year, self.year + 1):
            with led.transaction():
                self._write_meetings(y)
                self._write_trainings(y)
                self._write_volunteering(y)
                self._write_dues(y)
                self._write_appraisals(y)
                self._write_checklist(y)
                self._write_talks(y)
        with led.transaction():
            self._write_posts()
            self._write_rectifications()
        led._audit("branch", None, enums.AUDIT_INSERT, None, {"示例台账": self.summary()})

    def _write_transfers(self) -> None:
        """组织关系转接 behind the people's dates: a 转入 on the day each 党员 (预备党员 included)
        arrived, a 转出 on the day each one left as 转出 — the dates ledger/transfers.py would set,
        so the members stay as written. Letters valid 30 days, 回执 back within days unless that day
        has not come yet, dues paid up to the month of her last day on the books (``rules.dues``: a month is owed where
        she is on the books on its 1st). Its own random stream."""
        rng = random.Random(f"transfers/{self.year}")
        n = 0
        for p in self.people:
            moves = []
            if p.joined and p.is_member(p.joined):
                moves.append((enums.TRANSFER_IN, p.joined))
            if p.status == enums.TRANSFERRED_OUT and p.left and p.is_member(p.left - _DAY):
                moves.append((enums.TRANSFERRED_OUT, p.left))
            for direction, d in moves:
                n += 1
                receipt = d + _dt.timedelta(days=rng.randint(6, 25))
                if direction == enums.TRANSFER_IN:
                    org = rng.choice(_TRANSFER_FROM)
                    letter = f"{org[:2]}组转〔{d.year}〕{rng.randint(8, 160)}号"
                    receipt = d  # the 回执 goes back the day she reports
                else:
                    org = next((o for key, o in _TRANSFER_TO if key in (p.notes or "")), _TRANSFER_TO[-1][1])
                    letter = f"海岱党组转〔{d.year}〕{n:03d}号"
                self._ins("transfers", {
                    "member_id": p.id, "direction": direction, "date": d.isoformat(), "other_org": org,
                    "letter_no": letter, "valid_until": (d + _dt.timedelta(days=30)).isoformat(),
                    "receipt_on": receipt.isoformat() if receipt <= self.end else None,
                    "dues_paid_to": (d - _DAY).strftime("%Y-%m"), "notes": p.notes,
                }, self._stamp(d, "10:30"))

    def _write_talks(self, y: int) -> None:
        """谈心谈话: the 书记 talks with a few members each quarter, and someone talks with every
        入党申请人 within the month (step 2). Its own random stream: the rest of the demo is as before."""
        rng = random.Random(f"talks/{y}/{self.year}")
        topics = (("思想和工作情况", "了解近期思想、工作和家庭情况，鼓励其在岗位上发挥作用"),
                  ("岗位调整后的想法", "交流岗位调整后的工作打算，提出希望和要求"),
                  ("落实组织生活制度", "提醒按时参加组织生活，按月交纳党费"),
                  ("年度民主评议情况", "反馈民主评议意见，帮助查找不足、明确努力方向"))
        for month in (3, 6, 9, 11):
            d = self._weekday(_D(y, month, rng.randint(8, 20)))
            if d > self.end:
                break
            sec = self._role_on(enums.SECRETARY, d)
            pool = [p for p in self.people if p.is_member(d) and p is not sec and p.id]
            for p in rng.sample(pool, min(len(pool), self.scale)):
                topic, notes = rng.choice(topics)
                self._ins("talks", {"date": d.isoformat(), "talker_id": sec.id if sec else None,
                                    "member_id": p.id, "kind": enums.TALK_HEART, "topic": topic,
                                    "notes": notes}, self._stamp(d, "16:00"))
        for p in self.people:
            for st in p.steps:
                if st["step"] == 2 and st["date"].year == y and st["date"] <= self.end and p.id:
                    talker = self._role_on(enums.ORGANIZATION_MEMBER, st["date"]) or self._role_on(
                        enums.SECRETARY, st["date"])
                    self._ins("talks", {"date": st["date"].isoformat(), "talker_id": talker.id if talker else None,
                                        "member_id": p.id, "kind": enums.TALK_ADMISSION,
                                        "topic": "收到入党申请书后谈话",
                                        "notes": "了解入党动机和对党的认识，介绍入党条件和程序"},
                              self._stamp(st["date"], "15:00"))

    def _ins(self, table: str, values: dict, stamp: str) -> int:
        values = {**values, "created_at": stamp, "updated_at": stamp}
        self.counts[table] = self.counts.get(table, 0) + 1
        return self.ledger.insert_raw(table, values)

    @staticmethod
    def _stamp(d: _dt.date | str, hhmm: str = "09:00") -> str:
        return f"{d}T{hhmm}:00"

    def _write_branch_and_people(self) -> None:
        led = self.ledger
        elected = self.elections[-1]
        self._ins("branch", {
            "name": self.branch_name, "parent_org": "海岱能源集团有限公司党委", "org_type": enums.ORG_BRANCH,
            "established_on": "2006-07-01", "address": "山东省济南市历下区海岱大厦8楼",
            "committee_elected_on": elected.isoformat(), "committee_term_years": 3,
        }, self._stamp(self.start))
        for g in self.groups:
            g["id"] = self._ins("party_groups", {"name": g["name"]}, self._stamp(self.start))
        for p in self.people:
            created = max(self.start, p.joined or self.start)
            first_step = min((s["date"] for s in p.steps), default=created)
            if first_step > created:  # recorded when the person applied
                created = first_step
            stamp = self._stamp(created, "09:30")
            updated = self._stamp(p.left, "16:00") if p.left else stamp
            p.id = led.insert_raw("members", {
                "name": p.name, "gender": p.gender, "ethnicity": p.ethnicity, "birth_date": p.birth.isoformat(),
                "id_number": p.id_number, "education": p.education, "phone": p.phone,
                "work_post": f"{p.dept}{p.post}" if p.dept not in ("离退休",) else p.post,  # not the enumeration
                "party_group_id": self.groups[p.group]["id"] if p.group is not None else None,
                "status": p.status, "mobile": p.mobile, "dues_class": p.dues_class,
                "joined_branch_on": p.joined.isoformat() if p.joined else None,
                "left_on": p.left.isoformat() if p.left else None, "notes": p.notes,
                "created_at": stamp, "updated_at": updated,
            })
            self.counts["members"] = self.counts.get("members", 0) + 1
            for s in p.steps:
                self._ins("development_steps", {
                    "member_id": p.id, "step": s["step"], "date": s["date"].isoformat(), "note": s.get("note"),
                    "outcome": s.get("outcome"), "persons": s.get("persons"),
                }, self._stamp(max(s["date"], self.start), "10:00"))
        for elected, until, roles in self.terms:
            for role, p in roles.items():
                self._ins("committee_roles", {
                    "member_id": p.id, "role": role, "start_date": elected.isoformat(),
                    "end_date": until.isoformat() if until else None,
                }, self._stamp(max(elected, self.start), "10:00"))
        # Leaders point at members, which point at groups: set them once both exist (as the
        # package import does); a leader must be a member of the ledger.
        for g in self.groups:
            if g["leader"] is not None:
                led.conn.execute("UPDATE party_groups SET leader_id = ? WHERE id = ?", (g["leader"].id, g["id"]))

    # -- meetings
    def _plan_meetings(self) -> None:
        rng = self.rng
        # The deliberate gaps fall in the latest year when it has got that far, else the year before.
        self.group_gap_year = self.year if _D(self.year, 7, 31) <= self.end else self.year - 1
        plans: list[dict] = []
        add = plans.append
        # 支部党员大会: the development decisions, then one a quarter where none fell.
        dev_events: dict[_dt.date, list[tuple[_Person, int, dict]]] = {}
        for p in self.people:
            for s in p.steps:
                if s["step"] in (15, 23) and self.start <= s["date"] <= self.end:
                    dev_events.setdefault(s["date"], []).append((p, s["step"], s))
        elections = {d for d in self.elections if self.start <= d <= self.end}
        for d, evs in sorted(dev_events.items()):
            add({"kind": enums.GENERAL_MEETING, "date": d, "dev": evs, "vote": 1, "election": d in elections})
        for d in sorted(elections - set(dev_events)):
            add({"kind": enums.GENERAL_MEETING, "date": d, "dev": [], "vote": 1, "election": True})
        for y in range(self.first_year, self.year + 1):
            for q in range(4):
                months = (3 * q + 1, 3 * q + 3)
                has = any(x["kind"] == enums.GENERAL_MEETING and x["date"].year == y and months[0] <= x["date"].month
                          <= months[1] for x in plans)
                m = 3 * q + rng.choice((1, 2, 2, 3))
                if _D(y, m, 1) > self.end:
                    continue
                if not has:
                    d = self._day_in(y, m, 8, 24)
                    if d <= self.end and d not in dev_events:
                        add({"kind": enums.GENERAL_MEETING, "date": d, "dev": [], "vote": 1 if m in (6, 12) else 0})
        for d in self.committee_dates:
            add({"kind": enums.COMMITTEE_MEETING, "date": d})
        for d in self.theme_dates:
            add({"kind": enums.THEME_DAY, "date": d})
        for y, m in self._months():
            for g, grp in enumerate(self.groups):
                if self.large and y < self.year - 1 and rng.random() < (0.06 if y < self.year - 5 else 0.02):
                    continue  # the early years of the large demo were patchier
                if (y, m, g) == (self.group_gap_year, 7, 2):
                    continue  # 第三党小组 skipped July: most of its members were at the summer sales campaign
                d = self._day_in(y, m, 12, 19)
                if d <= self.end:
                    add({"kind": enums.GROUP_MEETING, "date": d, "group": g})
            if m in (3, 6, 9, 12) or (self.large and m in (5, 11) and y >= self.year - 3):
                d = self._day_in(y, m, 14, 26)
                if d <= self.end:
                    add({"kind": enums.PARTY_LECTURE, "date": d, "q": (m - 1) // 3})
            study_months = range(1, 13) if self.large else (3, 5, 8, 10, 11)
            if m in study_months:
                d = self._day_in(y, m, 23, 28)
                if d <= self.end:
                    add({"kind": enums.STUDY_SESSION, "date": d})
            if m == (1 if y % 2 else 2):
                d = self._day_in(y, m, 12, 20)
                if d <= self.end:
                    add({"kind": enums.LIFE_MEETING, "date": d, "for_year": y - 1})
                    add({"kind": enums.MEMBER_APPRAISAL, "date": d, "for_year": y - 1})
        order = {k: i for i, k in enumerate(enums.MEETING_KINDS)}
        plans.sort(key=lambda x: (x["date"], order[x["kind"]], x.get("group", 0)))
        self.plans = plans
        # The meeting without a recorder (the rules' ACT-RECORDS catches it).
        for y in (self.year - 1, self.year):
            group_meetings = [x for x in plans if x["kind"] == enums.GROUP_MEETING and x["date"].year == y]
            if len(group_meetings) >= 6:
                group_meetings[len(group_meetings) * 2 // 3]["no_recorder"] = True
                break

    def _expected(self, plan: dict) -> list[_Person]:
        d = plan["date"]
        if plan["kind"] == enums.COMMITTEE_MEETING:
            return [p for p in self._committee_on(d) if p.is_member(d)]
        members = [p for p in self.people if p.is_member(d)]
        if plan["kind"] == enums.GROUP_MEETING:
            return [p for p in members if p.group == plan["group"]]
        return members

    def _attendance(self, plan: dict, expected: list[_Person], must: list[_Person]) -> list[dict]:
        rng = self.rng
        rows = []
        for p in expected:
            status, reason = enums.PRESENT, None
            if p not in must:
                r = rng.random()
                if p.mobile and r < 0.65:
                    status, reason = enums.ON_LEAVE, "在外地项目部工作"
                elif r < 0.055:
                    status, reason = enums.ON_LEAVE, rng.choice(_LEAVE_REASONS)
                elif r < 0.06:
                    status, reason = enums.ABSENT, "未履行请假手续"
            rows.append({"member_id": p.id, "status": status, "reason": reason, "_p": p})
        if plan.get("vote"):
            voters = [r for r in rows if r["_p"].votes(plan["date"])]
            present = [r for r in voters if r["status"] == enums.PRESENT]

            def short() -> bool:
                # A vote needs more than half of the voters present, an election four fifths.
                if plan.get("election"):
                    return len(present) * 5 < len(voters) * 4
                return len(present) * 2 <= len(voters)

            while voters and short():
                r = next(r for r in voters if r["status"] != enums.PRESENT)
                r["status"], r["reason"] = enums.PRESENT, None
                present.append(r)
        return rows

    @staticmethod
    def _votes(plan: dict, rows: list[dict]) -> dict:
        """The counts of a 发展/转正 表决 as the minutes read them: every 正式党员 present for."""
        if plan["kind"] != enums.GENERAL_MEETING or not plan.get("dev"):
            return {}
        voters = sum(1 for r in rows if r["status"] == enums.PRESENT and r["_p"].votes(plan["date"]))
        return {"votes_for": voters, "votes_against": 0, "votes_abstain": 0}

    def _write_meetings(self, year: int) -> None:
        for plan in (x for x in self.plans if x["date"].year == year):
            self._write_meeting(plan)

    def _write_meeting(self, plan: dict) -> None:
        rng, d, kind = self.rng, plan["date"], plan["kind"]
        officers = d - _DAY if plan.get("election") else d  # the outgoing committee runs an election
        sec = self._role_on(enums.SECRETARY, officers)
        org = self._role_on(enums.ORGANIZATION_MEMBER, officers) or self._role_on(enums.DEPUTY_SECRETARY, officers)
        pro = self._role_on(enums.PUBLICITY_MEMBER, officers)
        expected = self._expected(plan)
        host = sec
        recorder = org
        lecturer = None
        group_id = None
        if kind == enums.GROUP_MEETING:
            grp = self.groups[plan["group"]]
            group_id = grp["id"]
            lead = grp["leader"] if grp["leader"] in expected else (expected[0] if expected else None)
            host = lead
            others = [p for p in expected if p is not lead]
            recorder = others[len(others) // 2] if others else lead
        elif kind == enums.THEME_DAY:
            host = pro if pro in expected and rng.random() < 0.5 else sec
            recorder = self._role_on(enums.YOUTH_MEMBER, d) or org
        elif kind == enums.PARTY_LECTURE:
            q = plan["q"]
            if q in (0, 2):
                lecturer = sec
            elif q == 1:
                lecturer = pro
            else:
                lecturer = self._role_on(enums.DISCIPLINE_MEMBER, d)
            host = sec if lecturer is not sec else org
        if recorder is host:
            recorder = self._role_on(enums.YOUTH_MEMBER, d) or self._role_on(enums.PUBLICITY_MEMBER, d)
        if plan.get("no_recorder"):
            recorder = None
        must = [p for p in (host, recorder, lecturer) if p is not None]
        must += [p for p, _step, _s in plan.get("dev", [])]  # the people discussed are there
        expected = expected + [p for p in must if p not in expected and p.is_member(d)]
        rows = self._attendance(plan, expected, must)
        text = _MeetingText(self, plan, rows, host, recorder, lecturer)
        start, end_t = text.times()
        stamp = self._stamp(d, end_t)
        mid = self._ins("meetings", {
            "kind": kind, "date": d.isoformat(), "start_time": start, "end_time": end_t, "place": text.place(),
            "host_id": host.id if host else None, "recorder_id": recorder.id if recorder else None,
            "party_group_id": group_id, "lecturer_id": lecturer.id if lecturer else None,
            "topic": text.topic(), "content": text.content(), "resolutions": text.resolutions(),
            "guests": text.guests(), "vote": plan.get("vote", 0), **self._votes(plan, rows),
        }, stamp)
        for r in rows:
            self._ins("attendance", {"meeting_id": mid, "member_id": r["member_id"], "status": r["status"],
                                     "reason": r["reason"]}, stamp)
        plan["id"] = mid
        plan["rows"] = rows

    # -- trainings
    def _write_trainings(self, year: int) -> None:
        rng = self.rng
        plans = []
        for m in range(1, 13):
            d = self._day_in(year, m, 5, 25)
            plans.append((d, f"{m}月党员网络学习：{_theme(d)}", rng.choice((30, 35, 40)), enums.TRAINING_ONLINE, "all"))
        for m, title in ((4, "党员集中轮训（春季）"), (10, "党员集中轮训（秋季）")):
            d = self._day_in(year, m, 10, 20)
            plans.append((d, f"{title}：{_theme(d)}", 80, enums.TRAINING_CLASSROOM, "all"))
        d = self._day_in(year, 6, 8, 16)
        plans.append((d, "安全生产与党风廉政建设专题辅导", 40, enums.TRAINING_TUTORIAL, "all"))
        d = self._day_in(year, 9, 8, 14)
        plans.append((d, "公司党校党支部书记、支委培训班", 240, enums.TRAINING_PARTY_SCHOOL, "committee"))
        # The 发展对象 training (step 11) is the 党校 class each candidate attended.
        classes = {s["date"] for p in self.people for s in p.steps if s["step"] == 11 and s["date"].year == year}
        for d in sorted(classes):
            plans.append((d, "公司党校发展对象培训班（集中培训3天）", 240, enums.TRAINING_PARTY_SCHOOL, "candidates"))
        plans.sort(key=lambda x: x[0])
        for d, title, hours, kind, who in plans:
            if d > self.end:
                continue
            committee = self._committee_on(d)
            members = [p for p in self.people if p.is_member(d)]
            if who == "committee":
                people = [p for p in self._committee_on(d) if p.is_member(d)]
            elif who == "candidates":
                people = [p for p in self.people if p.on_books(d) and any(
                    s["step"] == 11 and s["date"] == d for s in p.steps)]
            else:
                people = members
            if not people:
                continue
            stamp = self._stamp(d, "17:30")
            tid = self._ins("trainings", {"date": d.isoformat(), "title": title, "hours": hours, "kind": kind}, stamp)
            for p in people:
                h = hours
                if kind == enums.TRAINING_ONLINE:
                    if p.mobile:  # far away: online only, and half of it most months (< 32 学时 a year)
                        h = hours if d.month % 4 == 0 else hours // 2
                    elif rng.random() < (0.02 if p in committee else 0.1):
                        h = hours // 2 if rng.random() < 0.6 else 0
                elif kind in (enums.TRAINING_CLASSROOM, enums.TRAINING_TUTORIAL) and who == "all":
                    if p.mobile or (rng.random() < 0.06 and p not in committee):
                        h = 0  # away on the day
                if h:
                    self._ins("training_attendance", {"training_id": tid, "member_id": p.id, "hours": h}, stamp)

    # -- volunteering and 办实事
    def _write_volunteering(self, year: int) -> None:
        rng = self.rng
        n_service = 9 if not self.large else 26
        items = []
        service = list(_SERVICE)
        rng.shuffle(service)
        taken: set[tuple[str, int]] = set()
        k = 0
        while len(items) < n_service:
            if k > 20 * len(service):
                break  # the early years offer fewer kinds of activity
            title, place, desc, months = service[k % len(service)]
            k += 1
            if not _said_by((title, place, desc), _D(year, 1, 1)):
                continue
            if k > len(service) and len(months) <= 2:
                continue  # seasonal: once a year
            m = rng.choice(months)
            if (title, m) in taken:
                continue
            taken.add((title, m))
            items.append((self._day_in(year, m, 6, 27), title, place, enums.VOLUNTEER_SERVICE, desc))
        deeds = _of_the_time(list(_DEEDS), _D(year, 1, 1))
        rng.shuffle(deeds)
        for i, m in enumerate((3, 5, 7, 9, 11) if not self.large else (2, 3, 4, 5, 6, 7, 8, 9, 10, 11)):
            title, place, desc = deeds[i % len(deeds)]
            items.append((self._day_in(year, m, 6, 27), title, place, enums.PRACTICAL_DEED, desc.format(deeds=_deeds_word(
                _D(year, m, 1)))))
        items.sort(key=lambda x: x[0])
        for d, title, place, kind, desc in items:
            if d > self.end:
                continue
            members = [p for p in self.people if p.is_member(d)]
            helpers = []  # 入党积极分子 join about every other activity
            if rng.random() < 0.5:
                helpers = [p for p in self.people if p.on_books(d) and p.admit is None
                           and max((s["step"] for s in p.steps if s["date"] <= d), default=0) >= 3]
            share = rng.uniform(0.35, 0.6) if not self.large else rng.uniform(0.45, 0.85)
            chosen = [p for p in members if not (p.mobile and rng.random() < 0.85) and rng.random() < share]
            chosen += [p for p in helpers if rng.random() < 0.5]
            if len(chosen) < 3:
                chosen = members[:3]
            stamp = self._stamp(d, "18:00")
            aid = self._ins("volunteer_activities", {"date": d.isoformat(), "title": title, "place": place,
                                                     "kind": kind, "description": desc}, stamp)
            base = rng.choice((20, 25, 30, 35, 40))
            for p in chosen:
                self._ins("volunteer_hours", {"activity_id": aid, "member_id": p.id,
                                              "hours": max(10, base + rng.choice((-5, 0, 0, 0, 5)))}, stamp)

    # -- dues
    def _write_dues(self, year: int) -> None:
        first_dues_year = self.first_year
        if year < first_dues_year:
            return
        rng = self.rng
        arrears_from = _steps.add_months(_D(self.end.year, self.end.month, 1), -3)
        for m in range(1, 13):
            month_start = _D(year, m, 1)
            if month_start > self.end:
                break
            month_end = _D(year, m, calendar.monthrange(year, m)[1])
            collect = self._day_in(year, m, 8, 15)
            for p in self.people:
                a = p.admit
                if a is None or a > month_end or not p.on_books(month_start if a < month_start else a):
                    continue
                base = p.salary(year, self.first_year)
                rate, due = compute_dues(p.dues_class, base)  # the bundled rule set's brackets
                paid_on = collect + _dt.timedelta(days=rng.choice((0, 0, 0, 1, 2, 3)))
                paid_on = self._weekday(paid_on)
                late = p is self.arrears and month_start >= arrears_from
                if self.large and not late and m <= 9 and rng.random() < 0.01:
                    paid_on = self._weekday(paid_on + _dt.timedelta(days=rng.randint(25, 60)))  # paid late
                row = {"member_id": p.id, "month": f"{year}-{m:02d}", "base_income": base, "rate": rate,
                       "amount_due": due, "amount_paid": 0, "paid_on": None}
                if not late and paid_on <= self.end:
                    row["amount_paid"], row["paid_on"] = due, paid_on.isoformat()
                self._ins("dues", row, self._stamp(min(collect, self.end), "11:00"))

    # -- appraisals (民主评议: held in January/February for the year before)
    def _write_appraisals(self, year: int) -> None:
        rng = self.rng
        for plan in self.plans:
            if plan["kind"] != enums.MEMBER_APPRAISAL or plan["date"].year != year or "rows" not in plan:
                continue
            # Everyone who was a 正式/预备党员 of the branch at the end of the year is rated.
            year_end = _D(plan["for_year"], 12, 31)
            rated = [p for p in self.people if p.is_member(year_end)]
            if not rated:
                continue
            n_excellent = max(1, len(rated) * 2 // 10)
            pool = [p for p in rated if p is not self.arrears]
            excellent = set(id(p) for p in rng.sample(pool, min(n_excellent, len(pool))))
            for p in rated:
                rating = enums.EXCELLENT if id(p) in excellent else enums.QUALIFIED
                self._ins("appraisals", {"year": plan["for_year"], "member_id": p.id, "rating": rating},
                          self._stamp(plan["date"], "16:30"))
            plan["excellent"] = len(excellent)

    # -- checklist (自评 items no ledger can count)
    def _write_checklist(self, year: int) -> None:
        d = min(_D(year, 12, 20), self.end)
        if d < _D(year, 1, 1):
            return
        stamp = self._stamp(d, "15:00")
        items = [
            ("SYS-DOCS", 1, "《三会一课制度》《党费收缴管理制度》《发展党员工作制度》《民主评议党员制度》《谈心谈话制度》"
                            "已修订印发，并在党员活动室上墙公示"),
            ("SUP-VENUE", 1, "公司三楼党员活动室（约60平方米）：配有党旗、入党誓词、投影设备和党建书架，"
                             "与职工书屋共用"),
            ("SUP-FUNDS", 1, f"{year}年度党建工作经费已列入公司预算，按职工工资总额的1%提取，"
                             "专项用于党员教育、主题党日和困难党员慰问，收支台账由财务部单独登记"),
        ]
        if self.large and year >= self.year - 3:
            items.append(("SUP-BRAND", 1, "“海岱先锋·点亮万家”党建品牌经集团公司党委命名，配套“党员服务承诺”和"
                                          "“红色调度台”特色项目"))
        else:
            items.append(("SUP-BRAND", 0, "正在培育“海岱先锋”党建品牌，已形成初步方案，尚未形成成熟的特色项目"))
        for code, met, evidence in items:
            row = self._ins("checklist", {"rule_code": code, "year": year, "met": met, "evidence": evidence}, stamp)
            if met:  # the rule set asks for 佐证材料 of every item answered 已落实
                self._photo("checklist", row, f"{code}现场照片", d, stamp)

    def _photo(self, owner_table: str, owner_id: int, title: str, day: _dt.date, stamp: str) -> int:
        """A generated photo (coloured blocks, the same bytes on every build) as an attachment."""
        from .ledger import attachments as _att
        from .demo_photos import demo_photo

        data = demo_photo(f"{owner_table}:{owner_id}:{title}")
        sha = _att.hashlib.sha256(data).hexdigest()
        _att.store_bytes(_att.folder_for(self.ledger.path), data, sha)
        return self._ins("attachments", {
            "owner_table": owner_table, "owner_id": owner_id, "kind": enums.ATTACHMENT_PHOTO, "title": title,
            "sha256": sha, "bytes": len(data), "mime": _att.MIME_JPEG, "original_name": f"{title}.jpg",
            "taken_on": day.isoformat()}, stamp)

    # -- pioneer posts
    def _write_posts(self) -> None:
        rng = self.rng
        posts = [
            (enums.PIONEER_POST, "党员先锋岗（调度指挥中心）", "守好电网“神经中枢”，做到调度指令零差错、故障处置快一步",
             "全年调度指令执行正确率100%，牵头完成迎峰度夏负荷调度方案", 1),
            (enums.MODEL_POST, "党员示范岗（客户服务中心）", "亮身份、作表率，首问负责、限时办结，服务群众零投诉",
             "群众诉求办结率100%，服务满意度98.6%，获集团公司“优质服务窗口”称号", 2),
            (enums.DUTY_AREA, "党员责任区（厂区安全生产）", "党员包片区，隐患排查不留死角，守护安全生产红线",
             "全年排查整改安全隐患47项，实现安全生产“零事故”", 1),
        ]
        if self.large:
            posts.append((enums.SHOCK_TEAM, "党员突击队（抢修保供）", "急难险重冲在前，抢修保供打头阵",
                          "参与防汛抢险、迎峰度夏抢修任务18次，保障重点用户供能", 0))
        current = [p for p in self.people if p.is_member(self.end)]
        on_post: set[int] = set()
        for i, (kind, name, commitment, achievements, group) in enumerate(posts):
            est = self._weekday(_D(self.first_year - (1 if not self.large else 0), 3 + i, 18))
            ended = None
            if self.large and i == 0:
                ended = self._weekday(_D(self.year - 3, 12, 28))
                name = "党员先锋岗（原调度中心夜班）"
            pid = self._ins("pioneer_posts", {
                "kind": kind, "name": name, "established_on": est.isoformat(),
                "ended_on": ended.isoformat() if ended else None, "commitment": commitment,
                "achievements": achievements}, self._stamp(est, "10:00"))
            if self.large:
                # Ten years of people: most of the post's group took part at some time.
                pool = [p for p in self.people if p.admit and p.admit < (ended or self.end)
                        and (p.left is None or p.left > est) and id(p) not in on_post]
                chosen = [p for p in pool if rng.random() < (0.6 if p.group == group else 0.06)]
                chosen.sort(key=lambda p: p.left is not None)  # someone still here leads it
            else:
                pool = [p for p in current if (p.group == group or rng.random() < 0.15) and id(p) not in on_post]
                rng.shuffle(pool)
                chosen = pool[:5]
            for j, p in enumerate(chosen):
                if ended is None:
                    on_post.add(id(p))
                since = max(est, p.joined or est, p.admit)
                until = ended or (p.left - _DAY if p.left else None)
                if until is not None and until < since:
                    continue
                role = ("岗长" if kind in (enums.PIONEER_POST, enums.MODEL_POST) else "队长" if kind == enums.SHOCK_TEAM else "责任人") if j == 0 \
                    else "成员"
                self._ins("post_members", {"post_id": pid, "member_id": p.id, "role": role,
                                           "since": since.isoformat(), "until": until.isoformat() if until else None},
                          self._stamp(since, "10:00"))

    # -- rectifications
    def _write_rectifications(self) -> None:
        """Items found at each year's 组织生活会 and the 党委's inspection.

        Weaknesses are spread so that each year's 基本制度 shows one: the year before the latest
        had an item closed two months late; the latest year has the dues arrears and one item
        still open, due a few weeks after the cut-off (a reminder, not yet a failure).
        """
        rng = self.rng
        for y in range(self.first_year, self.year + 1):
            opened = self._day_in(y, 2, 20, 27)
            if opened > self.end:
                continue
            items = list(_RECTIFY)
            rng.shuffle(items)
            count = 3 if self.large or y == self.year else 2
            for i, (problem, measure, evidence, role) in enumerate(items[:count]):
                owner = self._role_on(role, opened) or self._role_on(enums.SECRETARY, opened)
                deadline = self._weekday(opened + _dt.timedelta(days=rng.choice((60, 90, 120, 150, 180))))
                source = f"{y - 1}年度组织生活会" if i % 2 == 0 else f"{y}年公司党委党建工作检查反馈"
                closed = self._weekday(deadline - _dt.timedelta(days=rng.randint(3, 25)))
                if i == 0 and (y == self.year - 1 or (self.large and y == self.year - 6)):
                    closed = self._weekday(deadline + _dt.timedelta(days=rng.randint(40, 70)))
                    evidence += "（因责任人岗位调整，超出整改时限后完成）"
                row = {"source": source, "problem": problem, "measure": measure, "owner_id": owner.id,
                       "deadline": deadline.isoformat(), "status": enums.COMPLETED, "closed_on": closed.isoformat(),
                       "evidence": evidence}
                if i == 0 and y == self.year:
                    deadline = self._weekday(self.end + _dt.timedelta(days=rng.randint(14, 24)))
                    row["deadline"] = deadline.isoformat()
                if (i == 0 and y == self.year) or closed > self.end:
                    row.update(status=enums.IN_PROGRESS, closed_on=None, evidence="已制定整改方案，正在逐项推进")
                self._ins("rectifications", row, self._stamp(opened, "10:00"))

    # -- summary
    def summary(self) -> str:
        current = sum(1 for p in self.people if p.left is None)
        former = len(self.people) - current
        years = self.year - self.first_year + 1
        text = f"{current}人，{years}年，会议{self.counts.get('meetings', 0)}次"
        if former:
            text = f"在册{current}人（另有已离开{former}人），{years}年，会议{self.counts.get('meetings', 0)}次"
        return text + f"，出勤记录{self.counts.get('attendance', 0)}条，截至{self.end.isoformat()}"


# 组织关系转接: where a 转入 comes from, and where a 转出 goes by the reason in the person's notes.
_TRANSFER_FROM = (
    "海岱能源集团物资供应公司党委", "海岱能源集团电力检修公司党委", "济南市历下区燕山街道党工委",
    "山东海岱电力设计院党委", "青岛港湾工程有限公司党委",
)
_TRANSFER_TO = (
    ("机构改革", "海岱能源集团新能源有限公司党委"),
    ("党群工作部", "海岱能源集团有限公司机关党委"),
    ("社区", "济南市历下区燕山街道社区党委"),
    ("外省", "江苏省南京市江宁区经济开发区党工委"),
    ("", "海岱能源集团所属单位党委"),
)

# Volunteer work: (title, place, description, the months it happens in). Seasonal ones come
# once a year; the others may come back in a busy branch.
_SERVICE = (
    ("“党员进社区”环境整治志愿服务", "历下区燕山街道社区", "支部党员到结对社区清理楼道杂物、清除小广告，"
                                                  "为独居老人检查家用线路和燃气设施。", (4, 5, 6, 9, 10, 11)),
    ("无偿献血志愿服务", "济南市中心血站献血屋", "党员带头参加无偿献血，并在现场协助做好秩序引导。", (1, 4, 6, 9, 12)),
    ("“学雷锋”便民服务", "公司营业厅门前广场", "设置便民服务台，开展安全用能宣传、免费检测家用电器，"
                                      "发放宣传资料300余份。", (3,)),
    ("关爱留守儿童“助学圆梦”活动", "章丘区文祖街道中心小学", "为结对小学捐赠图书和学习用品，"
                                                   "党员青年与孩子们开展安全知识课堂。", (5, 6, 9)),
    ("文明交通志愿劝导", "经十路与山大路路口", "早高峰在路口协助交警开展文明交通劝导，宣传安全文明出行。",
     (3, 4, 5, 6, 9, 10, 11)),
    ("义务植树活动", "南部山区植树基地", "支部党员和入党积极分子义务植树，共栽种侧柏、黄栌等苗木200余株。", (3, 4)),
    ("“夏送清凉”慰问一线职工", "各生产班组及项目现场", "为高温下坚守岗位的一线职工送去防暑降温物品，"
                                                "了解一线职工工作生活困难。", (7, 8)),
    ("重阳节敬老志愿服务", "燕山街道敬老院", "为老人打扫卫生、理发、表演节目，陪老人聊天。", (10,)),
    ("垃圾分类宣传志愿服务", "结对社区", "入户宣传垃圾分类知识，在投放点值守引导居民正确分类。", (4, 5, 6, 8, 9, 11)),
    ("防汛应急志愿值守", "公司防汛值班室及低洼片区", "汛期党员志愿者轮流值守，巡查排水设施，协助转移物资。", (7, 8)),
    ("“平安用能”入户宣传", "结对社区", "走访老旧小区，讲解冬季安全用能常识，排查用能隐患。", (11, 12, 1)),
    ("春运志愿服务", "济南西站", "协助车站引导旅客进站、搬运行李，为老弱病残旅客提供帮助。", (1, 2)),
)

_DEEDS = (
    ("为一线班组改造职工休息室", "生产运行一线班组", "围绕“{deeds}”实践活动，支部收集职工意见，"
                                            "协调公司为4个一线班组更新休息室空调和饮水设备，改善职工休息条件。"),
    ("开通职工通勤班车线路", "公司至东部新城", "针对东部新城职工通勤难问题，支部牵头调研并推动新开通勤班车1条，"
                                        "惠及职工60余人。"),
    ("上门为老旧小区居民办理业务", "燕山街道老旧小区", "组织党员服务队为行动不便的老人上门办理缴费、"
                                             "过户等业务，当场解决问题23件。"),
    ("优化客户办事流程", "客户服务中心", "梳理办事流程，推行“一次办好”，将业务办理时限由5个工作日压缩至2个工作日。"),
    ("为困难职工子女开展助学", "公司工会", "走访慰问困难职工家庭，为5名困难职工子女送去助学金。"),
    ("解决职工食堂就餐排队问题", "公司职工食堂", "根据职工意见增设取餐窗口、延长供餐时间，就餐排队时间明显缩短。"),
    ("为结对社区更换路灯", "结对社区", "协调为结对社区更换老旧路灯18盏，解决居民夜间出行不便问题。"),
    ("建立“党员联系户”制度", "各党小组", "每名党员联系3至5户职工群众，定期走访，收集并解决急难愁盼问题。"),
    ("开展职工心理健康讲座", "公司多功能厅", "邀请心理咨询师为职工开展心理健康讲座并提供一对一咨询。"),
    ("为新入职员工配备“成长导师”", "公司人力资源部", "由党员骨干与新入职员工结对，帮助其尽快熟悉岗位。"),
)

_RECTIFY = (
    ("“三会一课”记录不够规范，部分会议记录内容简单、缺少讨论发言",
     "制定会议记录模板，由组织委员每月检查会议记录，纳入党小组考核", "已统一会议记录模板，逐月检查并通报", enums.ORGANIZATION_MEMBER),
    ("个别党员理论学习不够主动，学习时长不足",
     "建立学习积分通报制度，每季度通报一次学习情况，对后进党员开展谈心谈话", "已按季度通报学习情况，学习时长普遍达标", enums.PUBLICITY_MEMBER),
    ("党费收缴不够及时，个别流动党员存在拖欠",
     "明确每月收缴时间，对流动党员采取线上缴纳方式，由党小组长负责提醒", "已开通线上缴纳，按月核对收缴台账", enums.ORGANIZATION_MEMBER),
    ("党建与生产经营融合不够紧密，党员先锋岗作用发挥不充分",
     "围绕安全生产和提质增效设置攻坚项目，党员领题攻坚", "已设立攻坚项目3个，并纳入年度考核", enums.SECRETARY),
    ("谈心谈话开展不够经常，对青年职工思想动态掌握不够",
     "支委成员每季度至少与分管范围内党员谈心谈话一次，建立谈心谈话记录", "已建立谈心谈话台账，覆盖全体党员", enums.YOUTH_MEMBER),
    ("廉洁风险防控措施落实不够到位，警示教育形式单一",
     "梳理岗位廉洁风险点，组织参观廉政教育基地，开展以案促改", "已梳理风险点32个并逐一落实防控措施", enums.DISCIPLINE_MEMBER),
)


# ---- meeting text ------------------------------------------------------------------------------
class _MeetingText:
    """Topic, minutes and resolutions of one meeting, in the voice of a branch's record book."""

    _PLACES = {
        enums.GENERAL_MEETING: ("公司三楼党员活动室", "公司第一会议室"),
        enums.COMMITTEE_MEETING: ("党支部书记办公室", "公司第二会议室"),
        enums.GROUP_MEETING: ("各党小组办公区会议室", "党员活动室"),
        enums.PARTY_LECTURE: ("公司多功能厅", "公司三楼党员活动室"),
        enums.LIFE_MEETING: ("公司第一会议室",),
        enums.MEMBER_APPRAISAL: ("公司第一会议室",),
        enums.STUDY_SESSION: ("公司三楼党员活动室", "公司第一会议室"),
    }
    _TIMES = {
        enums.GENERAL_MEETING: ("14:30", "16:30"), enums.COMMITTEE_MEETING: ("15:00", "16:30"), enums.GROUP_MEETING: ("16:30", "17:30"),
        enums.PARTY_LECTURE: ("14:30", "16:00"), enums.THEME_DAY: ("09:00", "11:30"), enums.LIFE_MEETING: ("08:30", "11:30"),
        enums.MEMBER_APPRAISAL: ("14:30", "16:30"), enums.STUDY_SESSION: ("15:00", "17:00"),
    }
    _THEME_DAY = {
        1: ("重温入党誓词，开展新春走访慰问困难党员和职工", "公司三楼党员活动室"),
        2: ("开展“{deeds}”需求征集", "公司三楼党员活动室"),
        3: ("学雷锋志愿服务主题党日", "结对社区"),
        4: ("清明祭英烈，赴革命烈士陵园开展革命传统教育", "济南革命烈士陵园"),
        5: ("学习劳模精神、劳动精神、工匠精神，与青年职工座谈", "公司三楼党员活动室"),
        6: ("“安全生产月”党员身边无事故主题活动", "生产现场"),
        7: ("庆祝中国共产党成立{party}周年，重温入党誓词", "公司三楼党员活动室"),
        8: ("参观廉政教育基地，开展警示教育", "市廉政教育基地"),
        9: ("全民国防教育暨国家安全主题学习", "公司三楼党员活动室"),
        10: ("庆祝中华人民共和国成立{prc}周年主题学习", "公司三楼党员活动室"),
        11: ("为党员过“政治生日”，开展党员承诺践诺", "公司三楼党员活动室"),
        12: ("“国家宪法日”学习宪法，开展年度党员积分评定", "公司三楼党员活动室"),
    }
    _LESSONS = (
        "坚定理想信念，筑牢信仰之基", "弘扬伟大建党精神，争做新时代合格党员", "以严的基调强化正风肃纪",
        "践行初心使命，推动企业高质量发展", "学习党章、尊崇党章，做合格共产党员", "发挥党员先锋模范作用，守牢安全生产底线",
        "从党的历史中汲取奋进力量", "永葆清正廉洁的政治本色",
    )
    _GROUP_TOPICS = (
        "学习{theme}，交流心得体会", "学习《中国共产党纪律处分条例》，开展警示教育", "结合岗位工作讨论安全生产隐患排查",
        "交流“{deeds}”进展，收集职工群众意见", "学习习近平总书记关于国有企业改革发展和党的建设的重要论述",
        "开展党员谈心谈话，分析党员思想动态", "围绕提质增效开展“党员献一策”讨论",
        "学习《中国共产党章程》，对照党员标准查找差距", "学习身边先进典型事迹，开展“岗位讲述”",
        "传达公司党委近期会议精神，讨论本组落实措施", "讨论党小组年度工作计划落实情况",
        "学习保密和意识形态工作有关规定",
    )
    _STUDY = (
        "深入学习{theme}", "学习《中国共产党章程》", "学习习近平总书记关于安全生产的重要论述",
        "学习《中国共产党纪律处分条例》", "学习习近平总书记关于国有企业改革发展和党的建设的重要论述",
        "学习中央经济工作会议精神", "意识形态工作专题学习", "保密知识专题学习",
    )

    def __init__(self, b: _Builder, plan: dict, rows: list[dict], host, recorder, lecturer):
        self.b, self.plan, self.rows = b, plan, rows
        self.host, self.recorder, self.lecturer = host, recorder, lecturer
        self.d = plan["date"]
        self.rng = b.rng
        self.kind = plan["kind"]
        self.theme = _theme(self.d)
        self._topic = self._make_topic()

    def times(self) -> tuple[str, str]:
        return self._TIMES.get(self.kind, ("14:30", "16:00"))

    def place(self) -> str:
        if self.kind == enums.THEME_DAY:
            return self._THEME_DAY[self.d.month][1]
        if self.kind == enums.GROUP_MEETING:
            return ("综合楼二楼小会议室", "生产调度楼会议室", "营销中心会议室")[self.plan["group"] % 3]
        return self.rng.choice(self._PLACES.get(self.kind, ("公司三楼党员活动室",)))

    def _fmt(self, text: str) -> str:
        return text.format(theme=self.theme, deeds=_deeds_word(self.d), party=self.d.year - 1921,
                           prc=self.d.year - 1949, year=self.d.year)

    def _make_topic(self) -> str:
        k, d, rng = self.kind, self.d, self.rng
        if k == enums.GENERAL_MEETING:
            parts = ["支部委员会换届选举"] if self.plan.get("election") else []
            for p, step, _s in self.plan.get("dev", []):
                parts.append(f"讨论接收{p.name}同志为中共预备党员" if step == 15 else f"讨论{p.name}同志预备党员转正")
            q = (d.month - 1) // 3
            regular = ("传达学习{theme}，部署{year}年党建工作要点", "学习{theme}，开展“七一”评先树优",
                       "学习{theme}，通报上半年党建工作和党费收缴情况", "审议支部年度工作总结，通报党费收缴使用情况")[q]
            if not parts or (not self.plan.get("election") and rng.random() < 0.5):
                parts.append(self._fmt(regular))
            return "；".join(parts)
        if k == enums.COMMITTEE_MEETING:
            items = [f"研究{d.month}月份支部重点工作"]
            for p in self.b.people:
                for s in p.steps:
                    if s["date"] == d and s["step"] in (3, 7, 12):
                        items.append({3: f"研究确定{p.name}同志为入党积极分子", 7: f"讨论确定{p.name}同志为发展对象",
                                      12: f"审查{p.name}同志入党材料"}[s["step"]])
            extra = {1: "研究年度组织生活会准备工作", 2: "研究年度党建工作计划", 6: "研究“七一”表彰推荐人选",
                     11: "研究年终党员民主评议工作方案", 12: "研究年度党建工作总结和述职准备"}.get(d.month)
            items.append(extra or rng.choice(("研究党费收缴情况", "研究主题党日活动方案", "分析党员思想动态",
                                              "研究安全生产工作中党员作用发挥", "研究“{deeds}”项目推进情况")))
            return self._fmt("；".join(items))
        if k == enums.GROUP_MEETING:
            return self._fmt(self.b._fresh((enums.GROUP_MEETING, self.plan["group"]), _of_the_time(self._GROUP_TOPICS, d), d.year))
        if k == enums.PARTY_LECTURE:  # the lesson's title; who gave it is the lecturer
            return self.b._fresh(enums.PARTY_LECTURE, _of_the_time(self._LESSONS, d), d.year)
        if k == enums.THEME_DAY:
            text = self._THEME_DAY[d.month][0]
            return self._fmt(text if _said_by(text, d) else "集中学习{theme}，开展党员承诺践诺")
        if k == enums.LIFE_MEETING:
            return f"{self.plan['for_year']}年度组织生活会"
        if k == enums.MEMBER_APPRAISAL:
            return f"{self.plan['for_year']}年度民主评议党员"
        if k == enums.STUDY_SESSION:
            return self._fmt(self.b._fresh(enums.STUDY_SESSION, _of_the_time(self._STUDY, d), d.year))
        return "其他"  # a topic, not the enumeration

    def _lecturer_title(self) -> str:
        for role, title in ((enums.SECRETARY, "党支部书记"), (enums.PUBLICITY_MEMBER, "支部宣传委员"), (enums.DISCIPLINE_MEMBER, "支部纪检委员")):
            if self.lecturer is not None and self.b._role_on(role, self.d) is self.lecturer:
                return title
        return ""

    def topic(self) -> str:
        return self._topic

    def guests(self) -> str | None:
        if self.kind in (enums.GENERAL_MEETING, enums.THEME_DAY, enums.PARTY_LECTURE) or self.plan.get("dev"):
            pipeline = [p for p in self.b.people if p.on_books(self.d) and p.admit is None
                        and any(s["step"] >= 3 and s["date"] <= self.d for s in p.steps)]
            # The people being discussed attend the part about them.
            pipeline += [p for p, step, _s in self.plan.get("dev", []) if step == 15 and p not in pipeline]
            pipeline = [p for p in pipeline if p.admit is None or p.admit > self.d]
            if pipeline:
                return "入党积极分子、发展对象" + "、".join(p.name for p in pipeline[:6]) + "等列席"
        if self.kind == enums.LIFE_MEETING:
            return "公司党委委员、党群工作部负责同志到会指导"
        return None

    def _who(self, status: str) -> list[dict]:
        return [r for r in self.rows if r["status"] == status]

    def _roll(self) -> str:
        n, present = len(self.rows), len(self._who(enums.PRESENT))
        absent = [r for r in self.rows if r["status"] != enums.PRESENT]
        text = f"应到{n}人，实到{present}人"
        if absent:
            text += "，" + "，".join(f"{r['_p'].name}{'因' + r['reason'] if r['reason'] and r['status'] == enums.ON_LEAVE else ''}"
                                     f"{enums.ON_LEAVE if r['status'] == enums.ON_LEAVE else enums.ABSENT}" for r in absent)
        return text + "。"

    def _speakers(self, k: int) -> list[str]:
        present = [r["_p"].name for r in self._who(enums.PRESENT) if r["_p"] is not self.host]
        return self.rng.sample(present, min(k, len(present)))

    def content(self) -> str:
        k, rng = self.kind, self.rng
        host = self.host.name if self.host else "党小组长"
        head = f"会议由{host}同志主持。{self._roll()}"
        sp = self._speakers(3)
        paras = [head]
        if k == enums.GENERAL_MEETING and self.plan.get("election"):
            roles = self._new_committee()
            voters = sum(1 for r in self._who(enums.PRESENT) if r["_p"].votes(self.d))
            paras.append(
                f"会议审议通过了上一届支部委员会工作报告。按照《中国共产党基层组织选举工作条例》，经上级党委批复同意，"
                f"采用无记名投票、差额选举方式进行选举。有选举权的正式党员实到{voters}人，超过应到会人数的五分之四，"
                f"选举有效。{'、'.join(p.name for p in roles.values())}同志当选为新一届支部委员会委员。")
            paras.append("随后召开新一届支部委员会第一次全体会议，" + "，".join(
                f"{p.name}同志任{r}" for r, p in roles.items()) + "。选举结果报上级党委审批。")
        if k == enums.GENERAL_MEETING:
            full_present = sum(1 for r in self._who(enums.PRESENT) if r["_p"].votes(self.d))
            full_total = sum(1 for r in self.rows if r["_p"].votes(self.d))
            for p, step, s in self.plan.get("dev", []):
                if step == 15:
                    intro = next((x.get("persons") for x in p.steps if x["step"] == 9), None) or "入党介绍人"
                    paras.append(
                        f"会议讨论接收{p.name}同志为中共预备党员。{p.name}同志汇报了对党的认识、入党动机、本人履历和"
                        f"现实表现；入党介绍人{intro}同志介绍了其培养考察情况；组织委员报告了支部委员会审查情况和政治审查"
                        f"结论。与会党员进行了充分讨论。有表决权的正式党员应到{full_total}人，实到{full_present}人，超过半数。"
                        f"经无记名投票表决，赞成{full_present}票，反对0票，弃权0票，同意接收{p.name}同志为中共预备党员，"
                        f"报上级党委审批。")
                else:
                    paras.append(
                        f"会议讨论{p.name}同志预备党员转正问题。{p.name}同志宣读了转正申请书，汇报了预备期内的思想、"
                        f"学习和工作情况；入党介绍人和党小组介绍了考察意见。有表决权的正式党员应到{full_total}人，实到"
                        f"{full_present}人。经无记名投票表决，一致同意{p.name}同志"
                        f"{'按期转为中共正式党员' if s.get('outcome') == _steps.OUTCOME_FULL else '延长预备期六个月'}，报上级党委审批。")
            if (len(paras) == 1 or "学习" in self._topic) and not self.plan.get("election"):
                paras.append(self._fmt(
                    f"会议传达学习了{{theme}}的有关内容，{sp[0] if sp else host}同志领学了重要篇目。"
                    f"{host}同志通报了支部近期党建工作情况，对下一阶段安全生产、党风廉政建设和“{{deeds}}”工作作出部署。"))
        elif k == enums.COMMITTEE_MEETING:
            paras.append("会议逐项研究了以下事项：" + "；".join(
                f"{i + 1}. {t}" for i, t in enumerate(self._topic.split("；"))) + "。")
            paras.append(f"委员们结合分管工作逐一发表意见，{sp[0] if sp else host}同志建议进一步压实党小组责任，"
                         f"把党建工作和安全生产、经营任务同部署、同落实。")
        elif k == enums.GROUP_MEETING:
            paras.append(self._fmt(f"会议围绕“{self._topic}”开展学习讨论。") +
                         (f"{sp[0]}同志领学了相关内容。" if sp else "") +
                         ("".join(f"{n}同志结合本岗位谈了体会，表示要{rng.choice(_of_the_time(_VOWS, self.d))}。" for n in sp[1:3])))
        elif k == enums.PARTY_LECTURE:
            who = self.lecturer.name if self.lecturer else "授课人"
            body = rng.choice((
                "党课从理论逻辑、历史逻辑、实践逻辑三个方面展开，结合公司改革发展和支部党员队伍实际，讲述了身边党员"
                "扎根一线、攻坚克难的事例，要求全体党员对标先进找差距，把学习成效转化为推动工作的实际行动。",
                "授课人结合党的历史和公司发展历程，讲述了老一辈党员在工程建设和抢修保供中的感人事迹，"
                "剖析了当前党员队伍中存在的精神懈怠、作风漂浮等问题，提出了“学、思、践、悟”四点要求。",
                "党课采取“讲授+案例+互动”的方式，通报了近期上级通报的典型案例，引导党员以案为鉴、以案促改，"
                "并围绕如何在本职岗位上发挥作用与党员进行了互动交流。",
            ))
            paras.append(f"{self._lecturer_title()}{who}同志以“{self._topic}”为题讲授党课。{body}")
            if sp:
                paras.append(f"{'、'.join(sp[:2])}等同志交流了听课体会。")
        elif k == enums.THEME_DAY:
            paras.append(self._fmt(f"本次主题党日以“{self._topic}”为主题，按照“党员活动日”规定流程，集体学习了{{theme}}"
                                   f"的有关内容，通报了支部近期工作，收缴了本月党费。") +
                         (f"{sp[0]}同志带领全体党员重温入党誓词。" if sp and self.d.month in (1, 7) else ""))
            if sp:
                paras.append(f"{'、'.join(sp)}等同志作了交流发言，大家表示要{rng.choice(_of_the_time(_VOWS, self.d))}。")
        elif k == enums.LIFE_MEETING:
            paras.append(f"会前，支部通过谈心谈话、征求意见等方式广泛听取党员群众意见，梳理意见建议12条。会上，"
                         f"{host}同志代表支委会作对照检查，从学习贯彻党的创新理论、发挥政治功能和组织功能、"
                         f"党员教育管理监督等方面查摆问题，剖析原因，提出整改措施。")
            paras.append("党员逐一进行个人对照检查，开展批评和自我批评。大家坦诚相见、红脸出汗，提出批评意见"
                         f"{len(self._who(enums.PRESENT))}条。上级党组织列席同志进行了点评。")
        elif k == enums.MEMBER_APPRAISAL:
            paras.append("会议按照个人自评、党员互评、民主测评的程序开展民主评议。全体党员对照党员标准逐一作自我评价，"
                         "与会党员填写民主测评表。支部委员会根据测评结果和日常表现，综合评定党员评议等次，"
                         "结果在支部内公示。")
        elif k == enums.STUDY_SESSION:
            paras.append(self._fmt(f"会议开展“{self._topic}”。") +
                         (f"{sp[0]}同志领学了重点内容，{'、'.join(sp[1:])}同志结合工作实际交流了学习体会。" if sp else ""))
        if k == enums.GENERAL_MEETING and self.plan.get("vote") and not self.plan.get("dev") and not self.plan.get("election"):
            picks = "、".join(self._speakers(2)) or host
            paras.append(f"会议以举手表决方式推荐{picks}同志为公司“优秀共产党员”候选人，全体有表决权的党员一致同意。"
                         if self.d.month <= 6 else "会议审议并举手表决通过了支部年度工作总结和下一年度工作计划。")
        if k not in (enums.MEMBER_APPRAISAL,):
            vows = rng.sample(_of_the_time(_VOWS, self.d), 2)
            whom = {enums.COMMITTEE_MEETING: "各位委员", enums.GROUP_MEETING: "小组党员"}.get(k, "全体党员")
            paras.append(f"{host}同志作总结讲话，要求{whom}{vows[0]}，{vows[1]}。")
        return "\n".join(paras)

    def _new_committee(self) -> dict:
        for elected, _until, roles in self.b.terms:
            if elected == self.d:
                return roles
        return {}

    def resolutions(self) -> str | None:
        k = self.kind
        if k == enums.GENERAL_MEETING:
            out = []
            if self.plan.get("election"):
                out += ["审议通过上一届支部委员会工作报告", "选举产生新一届支部委员会，选举结果报上级党委审批"]
            for p, step, s in self.plan.get("dev", []):
                if step == 15:
                    out.append(f"同意接收{p.name}同志为中共预备党员，报上级党委审批")
                else:
                    out.append(f"同意{p.name}同志按期转为中共正式党员" if s.get("outcome") == _steps.OUTCOME_FULL
                               else f"{p.name}同志延长预备期六个月")
            if self.plan.get("vote") and not self.plan.get("dev") and not self.plan.get("election"):
                out.append("推荐公司“优秀共产党员”候选人" if self.d.month <= 6 else "通过支部年度工作总结和下一年度工作计划")
            out.append("各党小组按照会议部署抓好学习和工作落实")
            return "\n".join(f"{i + 1}. {t}" for i, t in enumerate(out))
        if k == enums.COMMITTEE_MEETING:
            return "\n".join(f"{i + 1}. {t}：同意，由相关委员牵头落实" for i, t in enumerate(self._topic.split("；")))
        if k == enums.MEMBER_APPRAISAL:
            return "评议结果经支部委员会审定后报上级党委备案"
        if k == enums.LIFE_MEETING:
            return "形成支部班子问题清单和整改措施，纳入问题整改台账，逐项销号"
        return None


_VOWS = ("立足岗位作表率，在安全生产中当先锋", "把学习成果转化为推动企业高质量发展的实际成效",
         "严守纪律规矩，筑牢廉洁自律防线", "在“急难险重”任务中冲锋在前", "密切联系职工群众，用心用情办实事",
         "坚持学思用贯通、知信行统一", "对标先进找差距，立足本职作贡献")
