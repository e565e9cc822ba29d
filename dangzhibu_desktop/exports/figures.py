"""The year's figures the 述职报告 quotes: counts read from the ledger in a few queries.

Only what happened up to the as-of day counts (a meeting planned for next month is not yet
a meeting held). The verdicts (达标 or not) are the rules engine's, not computed here.
"""

from __future__ import annotations

import datetime as _dt
from collections import Counter
from dataclasses import dataclass, field

from ..ledger import enums, steps as _steps
from .common import CategoryOnDay, Job, party_members_on, secretary_id


TRAINING_KIND = "培训"  # not the enumeration: the kind of a topic record that is a training


@dataclass
class YearFigures:
    as_of: _dt.date
    members: int = 0
    full_members: int = 0
    probationary: int = 0
    meetings: Counter = field(default_factory=Counter)  # kind -> count
    present: int = 0  # 出席 over 三会一课
    expected: int = 0  # attendance rows over 三会一课
    lessons: list[dict] = field(default_factory=list)  # date, topic, lecturer_id
    theme_topics: list[str] = field(default_factory=list)
    life_meeting_dates: list[str] = field(default_factory=list)
    ratings: Counter = field(default_factory=Counter)
    appraisals: list[dict] = field(default_factory=list)  # the year's 民主评议 rows (ratings counts them)
    applied: list[str] = field(default_factory=list)  # names, step 1 in the year
    activists: list[str] = field(default_factory=list)  # step 3
    candidates: list[str] = field(default_factory=list)  # step 7
    admitted: list[str] = field(default_factory=list)  # step 15
    made_full: list[str] = field(default_factory=list)  # 转正 in the year
    # The same people by id with the date: (member_id, date) of step 15, of 转正.
    admissions: list[tuple[int, _dt.date]] = field(default_factory=list)
    full_since: list[tuple[int, _dt.date]] = field(default_factory=list)
    # The year's decisions on a probation other than 转正 (steps.probation_decisions): (member_id,
    # date, step row); and who was made full after an earlier extension (not 按期).
    extended: list[tuple[int, _dt.date, dict]] = field(default_factory=list)
    cancelled: list[tuple[int, _dt.date, dict]] = field(default_factory=list)
    full_after_extension: set[int] = field(default_factory=set)
    pipeline: Counter = field(default_factory=Counter)  # category -> count on as_of
    trainings: int = 0  # 培训期数: sessions of the year (up to as_of) that 党员 attended
    training_sessions: list[dict] = field(default_factory=list)  # the ones ``trainings`` counts
    training_tenths: int = 0
    trained_members: int = 0
    training_person_times: int = 0
    training_by_member: dict[int, tuple[int, int]] = field(default_factory=dict)  # 党员 -> (times, tenths)
    volunteer_activities: int = 0  # 志愿服务 and 其他; 办实事 are counted as deeds
    volunteer_person_times: int = 0  # 党员 on the activity's day only, as are the hours
    volunteer_tenths: int = 0
    deeds: list[str] = field(default_factory=list)  # 办实事 titles
    deed_person_times: int = 0
    posts: list[dict] = field(default_factory=list)  # kind, name
    post_members: int = 0
    rectified: list[str] = field(default_factory=list)  # problems closed in the year
    rectifying: list[str] = field(default_factory=list)  # still open on as_of
    dues_due: int = 0
    dues_paid: int = 0
    secretary: str = ""
    secretary_id: int | None = None
    # Every meeting and training of the year up to the as-of day as (kind, date, topic text):
    # what the 述职's genre sections sort by subject (``exports.topics``).
    topic_records: list[tuple[str, str, str]] = field(default_factory=list)
    talks: int = 0  # 谈心谈话 of the year up to the as-of day
    talks_by_secretary: int = 0
    # 组织关系转接 of the year up to the as-of day: the 党员 (names, each once per direction) and
    # how many of the 转出 lack their letter's 回执.
    transfers_in: list[str] = field(default_factory=list)
    transfers_out: list[str] = field(default_factory=list)
    transfer_receipts_missing: int = 0

    @property
    def attendance_rate(self) -> float | None:
        return self.present * 100 / self.expected if self.expected else None


def year_figures(job: Job) -> YearFigures:
    led = job.ledger
    year, day = job.year, job.as_of
    start, end = f"{year}-01-01", day.isoformat()
    f = YearFigures(as_of=day)
    party = party_members_on(job, day)
    f.members = len(party)
    f.full_members = sum(1 for m in party if m["category"] == enums.FULL_MEMBER)
    f.probationary = f.members - f.full_members
    sid = secretary_id(job, day)
    f.secretary_id = sid
    f.secretary = job.name(sid) if sid else ""

    meetings = [m for m in led.rows_in_year("meetings", year) if m["date"] <= end]
    f.meetings = Counter(m["kind"] for m in meetings)
    counted = [m["id"] for m in meetings if m["kind"] in enums.THREE_MEETINGS_ONE_LESSON]
    for rows in led.children_of_many("attendance", counted).values():
        f.expected += len(rows)
        f.present += sum(1 for a in rows if a["status"] == enums.PRESENT)
    f.lessons = [m for m in meetings if m["kind"] == enums.PARTY_LECTURE]
    f.theme_topics = [m["topic"] for m in meetings if m["kind"] == enums.THEME_DAY and m.get("topic")]
    f.life_meeting_dates = [m["date"] for m in meetings if m["kind"] == enums.LIFE_MEETING]
    f.topic_records = [(m["kind"], m["date"], m["topic"]) for m in meetings if m.get("topic")]
    f.appraisals = led.rows("appraisals", "year = ?", (year,))
    f.ratings = Counter(r["rating"] for r in f.appraisals)

    for mid, steps in led.steps_by_member(day).items():
        for s in steps:
            if not start <= s["date"] <= end:
                continue
            name = job.name(mid)
            target = {_steps.STEP_APPLY: f.applied, _steps.STEP_ACTIVIST: f.activists,
                      _steps.STEP_CANDIDATE: f.candidates, _steps.STEP_ADMIT: f.admitted}.get(s["step"])
            if target is not None and name not in target:
                target.append(name)
            if s["step"] == _steps.STEP_ADMIT and mid not in {a for a, _ in f.admissions}:
                f.admissions.append((mid, _steps.parse_iso_date(s["date"])))
        full = _steps.full_member_since(steps, day)
        if full and full.year == year:
            f.made_full.append(job.name(mid))
            f.full_since.append((mid, full))
        decisions = _steps.probation_decisions(steps, day)
        for on, outcome, row in decisions:
            if on.year == year and outcome == _steps.OUTCOME_EXTEND:
                f.extended.append((mid, on, row))
            elif on.year == year and outcome == _steps.OUTCOME_CANCEL:
                f.cancelled.append((mid, on, row))
        if full and full.year == year and any(o == _steps.OUTCOME_EXTEND and on < full for on, o, _ in decisions):
            f.full_after_extension.add(mid)
    on_books = {m["id"] for m in led.members_on(day)}
    for mid, cat in led.categories(day).items():
        if cat and mid in on_books:
            f.pipeline[cat] += 1

    held = [t for t in led.rows_in_year("trainings", year) if t["date"] <= end]
    per: dict[int, tuple[int, int]] = {}
    # 参训党员 and 人均学时 are about 党员: 发展对象 in a 集中培训 would otherwise count as 党员;
    # and 培训期数 counts the sessions 党员 attended (a 发展对象 class alone is no 党员教育培训).
    party_ids = {m["id"] for m in party}
    attended = led.children_of_many("training_attendance", [t["id"] for t in held])
    trainings = [t for t in held if any(r["member_id"] in party_ids for r in attended.get(t["id"], []))]
    f.training_sessions = trainings
    f.trainings = len(trainings)
    f.topic_records += [(TRAINING_KIND, t["date"], t["title"]) for t in trainings if t.get("title")]
    f.topic_records.sort(key=lambda r: r[1])
    for t in trainings:
        for r in attended.get(t["id"], []):
            if r["member_id"] in party_ids:
                times, tenths = per.get(r["member_id"], (0, 0))
                per[r["member_id"]] = (times + 1, tenths + r["hours"])
    f.training_by_member = per
    f.training_tenths = sum(t for _, t in per.values())
    f.training_person_times = sum(n for n, _ in per.values())
    f.trained_members = len(per)

    acts = [a for a in led.rows_in_year("volunteer_activities", year) if a["date"] <= end]
    hours = led.children_of_many("volunteer_hours", [a["id"] for a in acts])
    # "党员参与…人次": only who was a 正式/预备党员 on the activity's day; the 志愿服务 ledger
    # lists the 积极分子 beside them and gives the same 党员 figure as its own line.
    who = CategoryOnDay(job)
    for a in acts:
        rows = [r for r in hours.get(a["id"], []) if who.is_party_member(r["member_id"], a["date"])]
        if a["kind"] == enums.PRACTICAL_DEED:
            f.deeds.append(a["title"])
            f.deed_person_times += len(rows)
        else:
            f.volunteer_activities += 1
            f.volunteer_person_times += len(rows)
            f.volunteer_tenths += sum(r["hours"] for r in rows)

    posts = led.rows("pioneer_posts", "(established_on IS NULL OR established_on <= ?) "
                     "AND (ended_on IS NULL OR ended_on >= ?)", (end, start), order_by="kind, id")
    f.posts = posts
    holders = set()
    for rows in led.children_of_many("post_members", [p["id"] for p in posts]).values():
        for r in rows:
            if (r.get("since") or start) <= end and (r.get("until") or end) >= start:
                holders.add(r["member_id"])
    f.post_members = len(holders)

    for r in led.rows("rectifications"):
        if r["status"] == enums.COMPLETED and r.get("closed_on") and start <= r["closed_on"] <= end:
            f.rectified.append(r["problem"])
        elif r["status"] != enums.COMPLETED and (r.get("created_at") or "")[:10] <= end:
            f.rectifying.append(r["problem"])

    talks = led.talks_in(year, day)
    f.talks = len(talks)
    f.talks_by_secretary = sum(1 for t in talks if sid and t.get("talker_id") == sid)

    came, went = led.transfers_in(year, day)  # the one definition of the year's 转入/转出
    f.transfers_in = [m["name"] for m in came]
    f.transfers_out = [m["name"] for m in went]
    f.transfer_receipts_missing = sum(1 for m in went if not m["transfer"].get("receipt_on"))

    dues = led.rows("dues", "month >= ? AND month <= ?", (f"{year}-01", end[:7]))
    f.dues_due = sum(d["amount_due"] for d in dues)
    f.dues_paid = sum(d.get("amount_paid") or 0 for d in dues)
    return f
