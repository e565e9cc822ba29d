"""The demo ledgers: deterministic, valid, realistic enough for the rules to judge."""

import collections
import datetime as dt
import json
import time

import pytest

from dangzhibu_desktop import cli
from dangzhibu_desktop.ledger import LedgerError, open_ledger
from dangzhibu_desktop import demo as demo_mod
from dangzhibu_desktop.demo import build_demo, demo_cutoff
from dangzhibu_desktop.ledger.enums import MEETING_KINDS
from dangzhibu_desktop.ledger.package import export_package, import_package
from dangzhibu_desktop.ledger.steps import admitted_on, derive_category, full_member_since
from dangzhibu_desktop.ledger.validate import validate_id_number
from dangzhibu_desktop.ledger.verify import verify_ledger

YEAR = 2025
TODAY = dt.date(2026, 3, 2)  # a past year: the whole of YEAR is recorded
MID_TODAY = dt.date(2025, 9, 17)  # the current year: cut off at "today"


def _build(path, size="small", year=YEAR, today=TODAY):
    return build_demo(path, size, year, today=today)


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    path = tmp_path_factory.mktemp("small") / "demo.sqlite"
    summary = _build(path)
    led = open_ledger(path, readonly=True)
    yield led, summary
    led.close()


@pytest.fixture(scope="module")
def small_doc(small):
    return export_package(small[0])


@pytest.fixture(scope="module")
def midyear(tmp_path_factory):
    path = tmp_path_factory.mktemp("mid") / "demo.sqlite"
    _build(path, year=MID_TODAY.year, today=MID_TODAY)
    led = open_ledger(path, readonly=True)
    yield led
    led.close()


@pytest.fixture(scope="module")
def large(tmp_path_factory):
    path = tmp_path_factory.mktemp("large") / "demo.sqlite"
    started = time.perf_counter()
    summary = _build(path, "large")
    elapsed = time.perf_counter() - started
    led = open_ledger(path, readonly=True)
    yield led, summary, elapsed, path
    led.close()


# ---- determinism and round trip -----------------------------------------------------------
def test_two_builds_give_the_identical_package(tmp_path, small_doc):
    _build(tmp_path / "again.sqlite")
    with open_ledger(tmp_path / "again.sqlite", readonly=True) as led:
        again = export_package(led)
    assert again == small_doc
    # Byte-identical as the CLI writes it, stamps included.
    assert json.dumps(again, ensure_ascii=False, indent=1) == json.dumps(small_doc, ensure_ascii=False, indent=1)
    assert all(m["created_at"].startswith(("2024", "2025")) for m in small_doc["meetings"])


def test_another_year_gives_another_ledger(tmp_path, small_doc):
    _build(tmp_path / "other.sqlite", year=YEAR - 1)
    with open_ledger(tmp_path / "other.sqlite", readonly=True) as led:
        other = export_package(led)
    assert other["members"] != small_doc["members"]
    assert {m["date"][:4] for m in other["meetings"]} == {str(YEAR - 2), str(YEAR - 1)}


def test_package_round_trip(tmp_path, small_doc):
    target = open_ledger(tmp_path / "copy.sqlite", create=True)
    try:
        counts = import_package(target, small_doc)
        assert counts["党员及入党人员"] == len(small_doc["members"])
        assert export_package(target) == small_doc
    finally:
        target.close()


def test_verify_finds_nothing(small):
    assert verify_ledger(small[0].path) == []


def test_existing_file_bad_size_and_bad_year_are_refused(tmp_path):
    existing = tmp_path / "x.sqlite"
    existing.write_bytes(b"data")
    with pytest.raises(LedgerError, match="已存在"):
        build_demo(existing, "small", YEAR)
    assert existing.read_bytes() == b"data"
    with pytest.raises(LedgerError, match="规模"):
        build_demo(tmp_path / "a.sqlite", "huge", YEAR)
    with pytest.raises(LedgerError, match="年度"):
        build_demo(tmp_path / "b.sqlite", "small", dt.date.today().year + 1)
    with pytest.raises(LedgerError, match="年度"):
        build_demo(tmp_path / "c.sqlite", "small", 2010)
    assert not (tmp_path / "a.sqlite").exists() and not (tmp_path / "b.sqlite").exists()


def test_a_failed_build_leaves_no_file(tmp_path, monkeypatch):
    def boom(self):
        raise RuntimeError("disk full")

    monkeypatch.setattr(demo_mod._Builder, "_write_posts", boom)
    path = tmp_path / "half.sqlite"
    with pytest.raises(RuntimeError):
        build_demo(path, "small", YEAR, today=TODAY)
    assert list(tmp_path.iterdir()) == []


# ---- the small branch reads right -----------------------------------------------------------
def test_summary_and_people_by_category(small):
    led, summary = small
    assert summary.startswith("25人，2年，会议")
    end = dt.date(YEAR, 12, 31)
    on_books = {m["id"] for m in led.members_on(end)}
    assert len(on_books) == 25
    cats = collections.Counter(c for mid, c in led.categories(end).items() if mid in on_books)
    assert cats == {"正式党员": 16, "预备党员": 2, "发展对象": 2, "入党积极分子": 3, "入党申请人": 2}
    # One 预备期 ends in the coming weeks, the other later.
    steps = led.steps_by_member()
    ends = sorted(admitted_on(steps[mid]) for mid, c in led.categories(end).items() if c == "预备党员")
    assert 0 < (ends[0].replace(year=ends[0].year + 1) - end).days <= 45
    assert (ends[1].replace(year=ends[1].year + 1) - end).days > 90
    members = led.rows("members")
    assert sum(m["dues_class"] == "离退休" for m in members) == 1
    assert sum(m["mobile"] for m in members) == 1


def test_identity_numbers_are_valid_and_agree_with_the_person(small):
    led, _ = small
    members = led.rows("members")
    assert len({m["id_number"] for m in members}) == len(members)
    assert len({m["name"] for m in members}) == len(members)
    for m in members:
        assert validate_id_number(m["id_number"]) == m["id_number"]
        assert m["id_number"][6:14] == m["birth_date"].replace("-", "")
        assert (int(m["id_number"][16]) % 2 == 1) == (m["gender"] == "男")
        assert m["phone"].isdigit() and len(m["phone"]) == 11 and m["phone"][0] == "1"


def test_development_steps_follow_the_catalogue(small):
    led, _ = small
    end = dt.date(YEAR, 12, 31)
    for mid, steps in led.steps_by_member().items():
        dates = {}
        for s in steps:
            assert s["date"] <= end.isoformat()
            dates.setdefault(s["step"], dt.date.fromisoformat(s["date"]))
        if 1 in dates:  # developed inside the ledger: the full record with its intervals
            talk = dates.get(2, end)  # an applicant of the last weeks may still wait for the talk
            assert (talk - dates[1]).days <= 30
            if 7 in dates:
                assert (dates[7] - dates[3]).days >= 365
                assert 5 in dates and 9 in dates
                persons = [s["persons"] for s in steps if s["step"] == 9][0]
                assert len(persons.split("、")) == 2
            if 17 in dates:
                assert 0 < (dates[17] - dates[15]).days <= 92
            if 23 in dates:
                assert (dates[23] - dates[15]).days >= 365
        else:  # older history: only 入党 and 转正
            assert set(dates) == {15, 23}
            assert full_member_since(steps) is not None


def test_committee_groups_and_branch(small):
    led, _ = small
    branch = led.branch()
    assert branch["name"].endswith("第一党支部") and branch["parent_org"].endswith("党委")
    elected = dt.date.fromisoformat(branch["committee_elected_on"])
    assert 1.8 <= (dt.date(YEAR, 12, 31) - elected).days / 365 <= 2.5  # about two years ago
    roles = led.rows("committee_roles")
    assert sorted(r["role"] for r in roles) == sorted(["书记", "组织委员", "宣传委员", "纪检委员", "青年委员"])
    assert len({r["member_id"] for r in roles}) == 5
    steps = led.steps_by_member()
    secretary = next(r["member_id"] for r in roles if r["role"] == "书记")
    assert full_member_since(steps[secretary]) < elected
    groups = led.rows("party_groups")
    assert len(groups) == 3
    for g in groups:
        leader = led.get("members", g["leader_id"])
        assert leader["party_group_id"] == g["id"]
    # Every 正式/预备党员 is in a group; the pipeline people are not yet.
    for mid, cat in led.categories(dt.date(YEAR, 12, 31)).items():
        in_group = led.get("members", mid)["party_group_id"] is not None
        assert in_group == (cat in ("正式党员", "预备党员"))


def test_every_meeting_kind_and_its_rhythm(small):
    led, _ = small
    meetings = led.rows("meetings", order_by="date")
    kinds = {m["kind"] for m in meetings}
    assert kinds == set(MEETING_KINDS) - {"其他"}
    for year in (YEAR - 1, YEAR):
        ym = [m for m in meetings if m["date"].startswith(str(year))]
        quarters = {(int(m["date"][5:7]) - 1) // 3 for m in ym if m["kind"] == "支部党员大会"}
        assert quarters == {0, 1, 2, 3}
        assert len({m["date"][5:7] for m in ym if m["kind"] == "主题党日"}) == 12
        lessons = [m for m in ym if m["kind"] == "党课"]
        assert len(lessons) >= 4
        assert any(led.scalar("SELECT role FROM committee_roles WHERE member_id = ?", (m["lecturer_id"],)) == "书记"
                   for m in lessons)
        assert any(m["kind"] == "组织生活会" and m["date"][5:7] in ("01", "02") for m in ym)
        assert any(m["kind"] == "民主评议党员" for m in ym)
    committee_months = {m["date"][:7] for m in meetings if m["kind"] == "支部委员会"}
    assert len(committee_months) == 23  # one deliberate gap
    assert f"{YEAR - 1}-08" not in committee_months
    assert sum(m["recorder_id"] is None for m in meetings) == 1  # one deliberate weakness
    for m in meetings:
        assert m["topic"] and m["content"] and len(m["content"]) >= 60
        assert m["start_time"] < m["end_time"]
        if m["kind"] != "党小组会":
            assert m["party_group_id"] is None
    # A 支部大会 that admitted someone records the vote.
    admits = [m for m in meetings if "为中共预备党员" in (m["topic"] or "")]
    assert admits and all(m["vote"] and "无记名投票" in m["content"] for m in admits)


def test_attendance_only_for_members_on_the_books(small):
    led, _ = small
    steps = led.steps_by_member()
    members = {m["id"]: m for m in led.rows("members")}
    statuses = collections.Counter()
    for meeting in led.rows("meetings"):
        day = meeting["date"]
        rows = led.children("attendance", meeting["id"])
        assert rows, meeting["topic"]
        for r in rows:
            m = members[r["member_id"]]
            assert (m["joined_branch_on"] or "") <= day and (m["left_on"] is None or m["left_on"] > day)
            cat = derive_category(steps.get(m["id"], []), dt.date.fromisoformat(day))
            assert cat in ("正式党员", "预备党员")
            if meeting["kind"] == "党小组会":
                assert m["party_group_id"] == meeting["party_group_id"]
            if r["status"] == "请假":
                assert r["reason"]
            statuses[r["status"]] += 1
        present = sum(r["status"] == "出席" for r in rows)
        assert meeting["host_id"] in {r["member_id"] for r in rows if r["status"] == "出席"} or meeting["host_id"] is None
        if meeting["vote"]:
            assert present * 2 > len(rows)
    rate = statuses["出席"] / sum(statuses.values())
    assert 0.88 <= rate <= 0.97
    assert statuses["请假"] > 0 and statuses["缺席"] >= 0


def test_trainings_volunteering_and_posts(small):
    led, _ = small
    end = dt.date(YEAR, 12, 31)
    cats = led.categories(end)
    party = [mid for mid, c in cats.items() if c in ("正式党员", "预备党员")]
    hours = dict(led.conn.execute(
        "SELECT ta.member_id, SUM(ta.hours) FROM training_attendance ta JOIN trainings t ON t.id = ta.training_id "
        "WHERE t.date LIKE ? GROUP BY ta.member_id", (f"{YEAR}%",)))
    committee = {r["member_id"] for r in led.rows("committee_roles")}
    for mid in committee:
        assert hours[mid] >= 560  # 委员 ≥ 56 学时
    ordinary = [hours.get(mid, 0) for mid in party if mid not in committee]
    assert sum(h >= 320 for h in ordinary) >= len(ordinary) - 2  # a weakness or two, not more
    assert min(ordinary) < 320
    vol = dict(led.conn.execute(
        "SELECT vh.member_id, SUM(vh.hours) FROM volunteer_hours vh "
        "JOIN volunteer_activities v ON v.id = vh.activity_id "
        "WHERE v.date LIKE ? GROUP BY vh.member_id", (f"{YEAR}%",)))
    assert sum(vol.get(mid, 0) >= 80 for mid in party) >= len(party) * 2 // 3
    deeds = led.count("volunteer_activities", "kind = '办实事' AND date LIKE ?", (f"{YEAR}%",))
    assert deeds >= 4
    posts = led.rows("pioneer_posts")
    assert 2 <= len(posts) <= 3 and {p["kind"] for p in posts} <= {"先锋岗", "示范岗", "责任区", "突击队"}
    on_post = {r["member_id"] for r in led.rows("post_members")}
    assert len(on_post) * 2 >= len(party)


def test_dues_follow_the_brackets_and_one_member_is_behind(small):
    led, _ = small
    rows = led.rows("dues")
    for d in rows:
        m = led.get("members", d["member_id"])
        yuan = d["base_income"] / 100
        if m["dues_class"] == "离退休":
            rate = 0.005 if yuan <= 5000 else 0.01
        else:
            rate = 0.005 if yuan <= 3000 else 0.01 if yuan <= 5000 else 0.015 if yuan <= 10000 else 0.02
        assert d["rate"] == rate
        assert d["amount_due"] == int(d["base_income"] * rate + 0.5)
        assert (d["amount_paid"] == 0) == (d["paid_on"] is None)
    unpaid = collections.defaultdict(list)
    for d in rows:
        if not d["amount_paid"]:
            unpaid[d["member_id"]].append(d["month"])
    assert len(unpaid) == 1
    (months,) = unpaid.values()
    assert months == [f"{YEAR}-09", f"{YEAR}-10", f"{YEAR}-11", f"{YEAR}-12"]
    # Every 正式/预备党员 pays every month of the year; 预备党员 from the month of admission.
    steps = led.steps_by_member()
    for mid, cat in led.categories(dt.date(YEAR, 12, 31)).items():
        paid_months = {d["month"] for d in rows if d["member_id"] == mid and d["month"].startswith(str(YEAR))}
        if cat == "正式党员":
            assert len(paid_months) == 12
        elif cat == "预备党员":
            first = admitted_on(steps[mid]).strftime("%Y-%m")
            assert min(paid_months) == max(first, f"{YEAR}-01")
        else:
            assert not paid_months


def test_appraisals_rectifications_and_checklist(small):
    led, _ = small
    for year in (YEAR - 2, YEAR - 1):
        ratings = [a["rating"] for a in led.rows("appraisals", "year = ?", (year,))]
        assert len(ratings) >= 14
        assert 0 < ratings.count("优秀") <= len(ratings) / 3
    recs = led.rows("rectifications")
    end = dt.date(YEAR, 12, 31)
    assert sum(r["status"] == "已完成" for r in recs) >= 3
    # The year before: one item closed two months after its deadline.
    late = [r for r in recs if r["closed_on"] and r["closed_on"] > r["deadline"]]
    assert len(late) == 1 and late[0]["deadline"].startswith(str(YEAR - 1))
    # This year: one item still open, due a few weeks after the cut-off (a reminder); none overdue.
    open_items = [r for r in recs if r["status"] != "已完成"]
    assert len(open_items) == 1
    assert 0 < (dt.date.fromisoformat(open_items[0]["deadline"]) - end).days <= 30
    checklist = {(c["rule_code"], c["year"]): c for c in led.rows("checklist")}
    for year in (YEAR - 1, YEAR):
        for code in ("SYS-DOCS", "SUP-VENUE", "SUP-FUNDS", "SUP-BRAND"):
            assert checklist[(code, year)]["evidence"]
        assert checklist[("SYS-DOCS", year)]["met"] == 1
        assert checklist[("SUP-BRAND", year)]["met"] == 0


# ---- the current year stops at today ----------------------------------------------------------
def test_current_year_stops_at_today(midyear):
    led = midyear
    cut = demo_cutoff(MID_TODAY.year, MID_TODAY).isoformat()
    assert cut == MID_TODAY.isoformat()
    for table, col in (("meetings", "date"), ("trainings", "date"), ("volunteer_activities", "date"),
                       ("development_steps", "date"), ("rectifications", "closed_on")):
        assert led.scalar(f"SELECT MAX({col}) FROM {table}") <= cut
    assert led.scalar("SELECT MAX(paid_on) FROM dues") <= cut
    assert led.scalar("SELECT MAX(month) FROM dues") == MID_TODAY.strftime("%Y-%m")
    # September has begun: its 支委会 may be there, December's certainly not.
    assert not led.rows("meetings", "date LIKE ?", (f"{MID_TODAY.year}-12%",))
    cats = collections.Counter(c for mid, c in led.categories(MID_TODAY).items()
                               if mid in {m["id"] for m in led.members_on(MID_TODAY)})
    assert cats["预备党员"] == 2 and cats["正式党员"] == 16


def test_cli_demo(tmp_path, capsys):
    path = tmp_path / "cli.sqlite"
    assert cli.main(["demo", "--db", str(path), "--year", str(dt.date.today().year - 1)]) == 0
    out = capsys.readouterr().out
    assert "已生成示例台账" in out and "25人" in out
    assert cli.main(["demo", "--db", str(path)]) == 2
    assert "已存在" in capsys.readouterr().err


# ---- large ------------------------------------------------------------------------------------
def test_large_demo_size_and_speed(large):
    led, summary, elapsed, path = large
    assert elapsed < 20
    assert "10年" in summary
    end = dt.date(YEAR, 12, 31)
    current = led.members_on(end)
    former = led.count("members") - len(current)
    assert 50 <= len(current) <= 75 and 120 <= former <= 170
    assert {m["status"] for m in led.rows("members")} == {"在册", "转出", "去世", "停止党籍"}
    assert 700 <= led.count("meetings") <= 950
    assert led.count("attendance") >= 30000
    assert led.count("volunteer_hours") >= 12000
    assert 8000 <= led.count("dues") <= 11000  # every year, so each year's 党费 rules can be judged
    years = {r["y"] for r in led.query("SELECT DISTINCT substr(date, 1, 4) AS y FROM meetings")}
    assert years == {str(y) for y in range(YEAR - 9, YEAR + 1)}
    assert verify_ledger(path) == []


def test_large_attendance_only_for_members_on_the_books(large):
    led = large[0]
    bad = led.scalar(
        "SELECT COUNT(*) FROM attendance a JOIN meetings mt ON mt.id = a.meeting_id "
        "JOIN members m ON m.id = a.member_id "
        "WHERE (m.joined_branch_on IS NOT NULL AND m.joined_branch_on > mt.date) "
        "OR (m.left_on IS NOT NULL AND m.left_on <= mt.date)")
    assert bad == 0
    steps = led.steps_by_member()
    rows = led.query("SELECT a.member_id, mt.date FROM attendance a JOIN meetings mt ON mt.id = a.meeting_id")
    cache = {}
    for r in rows:
        key = (r["member_id"], r["date"])
        if key not in cache:
            cache[key] = derive_category(steps.get(r["member_id"], []), dt.date.fromisoformat(r["date"]))
        assert cache[key] in ("正式党员", "预备党员"), key
    # Leaders of the committee change with the elections; each term has one 书记.
    terms = collections.Counter(r["start_date"] for r in led.rows("committee_roles") if r["role"] == "书记")
    assert len(terms) >= 3 and set(terms.values()) == {1}
    elections = [m for m in led.rows("meetings", "topic LIKE '支部委员会换届选举%'")]
    assert len(elections) == 3 and all(m["vote"] and "当选" in m["content"] for m in elections)
    assert {m["date"] for m in elections} <= set(terms)
    # An extended 预备期 is recorded as two step-23 decisions.
    outcomes = [s["outcome"] for ss in steps.values() for s in ss if s["step"] == 23]
    assert "延长预备期" in outcomes


def test_no_phrase_before_it_was_coined(tmp_path):
    """A 2016 branch cannot study the 二十大 or cite the 伟大建党精神."""
    path = tmp_path / "old.sqlite"
    build_demo(path, "small", 2016, today=TODAY)
    with open_ledger(path, readonly=True) as led:
        texts = [(r["date"], (r["topic"] or "") + (r["content"] or "")) for r in led.rows("meetings")]
        texts += [(r["date"], r["title"] + (r["description"] or "")) for r in led.rows("volunteer_activities")]
        texts += [(r["date"], r["title"]) for r in led.rows("trainings")]
    assert texts
    for day, text in texts:
        for phrase, since in demo_mod._COINED:
            assert not (phrase in text and day < since.isoformat()), (day, phrase)
        assert "二十大" not in text and "十九大" not in text


def test_the_first_days_of_the_year(tmp_path):
    """Built on 3 January: last year complete, this year almost empty, still a sound ledger."""
    path = tmp_path / "jan.sqlite"
    today = dt.date(2025, 1, 3)
    summary = build_demo(path, "small", 2025, today=today)
    assert summary.endswith("截至2025-01-03")
    with open_ledger(path, readonly=True) as led:
        assert led.scalar("SELECT MAX(date) FROM meetings") <= "2025-01-03"
        assert led.count("meetings", "date LIKE '2024%'") > 60
        assert led.count("rectifications", "status != '已完成' AND deadline < '2025-01-03'") == 0
        assert collections.Counter(c for i, c in led.categories(today).items())["预备党员"] == 2
    assert verify_ledger(path) == []


def test_large_elections_are_valid(large):
    """Each 换届选举: four fifths of the voters present, run by the outgoing 书记."""
    led = large[0]
    steps = led.steps_by_member()
    roles = led.rows("committee_roles", "role = '书记'", order_by="start_date")
    for m in led.rows("meetings", "topic LIKE '支部委员会换届选举%'"):
        day = dt.date.fromisoformat(m["date"])
        rows = led.children("attendance", m["id"])
        voters = [r for r in rows if (full_member_since(steps[r["member_id"]]) or day) < day]
        present = [r for r in voters if r["status"] == "出席"]
        assert len(present) * 5 >= len(voters) * 4
        eve = str(day - dt.timedelta(days=1))
        outgoing = [r for r in roles if r["start_date"] <= eve and (r["end_date"] or "9") >= eve]
        assert m["host_id"] == outgoing[-1]["member_id"]


def test_the_xl_demo_is_a_branch_of_three_hundred_in_fifteen_groups(tmp_path):
    """``demo --size xl`` (issue 18): ~300 on the books, 15 党小组 each with a leader, ten years;
    sound, every 身份证号 valid, every name once."""
    path = tmp_path / "xl.sqlite"
    _build(path, size="xl")
    assert verify_ledger(path) == []
    with open_ledger(path, readonly=True) as led:
        on_books = led.members_on(TODAY)
        assert 280 <= len(on_books) <= 380
        groups = led.query("SELECT name, leader_id FROM party_groups WHERE deleted_at IS NULL")
        assert len(groups) == 15 and all(g["leader_id"] for g in groups)
        assert len({g["name"] for g in groups}) == 15
        years = led.scalar("SELECT COUNT(DISTINCT substr(date, 1, 4)) FROM meetings")
        assert years == 10
        names = [r["name"] for r in led.query("SELECT name FROM members")]
        assert len(names) == len(set(names))
        for r in led.query("SELECT id_number FROM members WHERE id_number IS NOT NULL"):
            validate_id_number(r["id_number"])


def test_transfers_are_behind_the_members_dates(small, large):
    """Every 转入/转出 of a 党员 has its 组织关系转接 record, and each record gives the member the
    dates she has (ledger/transfers.py's rule changes nothing)."""
    from dangzhibu_desktop.ledger.transfers import member_dates

    for led in (small[0], large[0]):
        transfers = led.rows("transfers")
        by_member = collections.defaultdict(list)
        for t in transfers:
            by_member[t["member_id"]].append(t)
        for mid, mine in by_member.items():
            assert member_dates(led.get("members", mid), mine) == {}, mid
            for t in mine:
                assert t["valid_until"] >= t["date"] and (t["receipt_on"] or t["date"]) >= t["date"]
    small_dirs = collections.Counter(t["direction"] for t in small[0].rows("transfers"))
    assert small_dirs == {"转入": 3}
    led = large[0]
    year = collections.Counter(t["direction"] for t in led.transfers_of(YEAR))
    assert year["转入"] >= 3 and year["转出"] >= 3
    # Every 党员 who left as 转出 has her 转出, dated the day she left.
    by_member = collections.defaultdict(list)
    for t in led.rows("transfers"):
        by_member[t["member_id"]].append(t)
    steps = led.steps_by_member()
    for m in led.rows("members", "status = '转出'"):
        admitted = admitted_on(steps.get(m["id"], []))
        if admitted and admitted < dt.date.fromisoformat(m["left_on"]):
            assert [t["date"] for t in by_member[m["id"]] if t["direction"] == "转出"] == [m["left_on"]], m["name"]
