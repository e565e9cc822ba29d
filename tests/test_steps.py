"""The 25-step catalogue and the category derived from a person's steps."""

import datetime as dt

from dangzhibu_desktop.ledger import steps as S


def st(n, d, **kw):
    return {"step": n, "date": d, **kw}


def test_catalogue_has_25_steps_in_5_stages():
    assert sorted(S.CATALOGUE) == list(range(1, 26))
    assert {s.stage for s in S.CATALOGUE.values()} == set(S.STAGES)
    assert S.CATALOGUE[15].name == "支部大会讨论"


def test_categories_follow_the_pipeline():
    history = [st(1, "2020-03-01"), st(2, "2020-03-20"), st(3, "2020-09-01"), st(7, "2021-10-01"),
               st(15, "2022-06-30"), st(23, "2023-07-01", outcome="按期转正")]
    expect = {
        "2020-02-01": None,
        "2020-03-01": "入党申请人",
        "2020-10-01": "入党积极分子",
        "2021-12-01": "发展对象",
        "2022-07-01": "预备党员",
        "2023-07-01": "正式党员",
    }
    for day, cat in expect.items():
        assert S.derive_category(history, dt.date.fromisoformat(day)) == cat, day
    assert S.admitted_on(history) == dt.date(2022, 6, 30)
    assert S.full_member_since(history) == dt.date(2023, 7, 1)


def test_extension_keeps_probation_and_cancel_removes():
    extended = [st(15, "2022-06-30"), st(23, "2023-07-01", outcome="延长预备期")]
    assert S.derive_category(extended) == "预备党员"
    assert S.full_member_since(extended) is None
    cancelled = [st(15, "2022-06-30"), st(23, "2023-07-01", outcome="取消预备党员资格")]
    assert S.derive_category(cancelled) is None


def test_party_standing_counts_from_full_membership():
    history = [st(15, "2015-07-01"), st(24, "2016-07-05")]
    assert S.party_standing_years(history, dt.date(2025, 7, 4)) == 8
    assert S.party_standing_years(history, dt.date(2025, 7, 5)) == 9
    assert S.party_standing_years([st(15, "2025-01-01")], dt.date(2025, 7, 5)) is None


def test_next_step_and_earliest_date():
    assert S.next_step([]) == (1, None)
    activist = [st(1, "2023-01-05"), st(2, "2023-01-20"), st(3, "2023-06-01"), st(6, "2023-12-01")]
    assert S.next_step(activist) == (7, dt.date(2024, 6, 1))
    probation = [st(15, "2024-02-29"), st(21, "2024-09-01")]
    assert S.next_step(probation) == (22, dt.date(2025, 1, 29))


def test_leap_day_anniversary():
    assert S.add_years(dt.date(2024, 2, 29), 1) == dt.date(2025, 2, 28)
    assert S.add_months(dt.date(2025, 1, 31), 1) == dt.date(2025, 2, 28)


def test_stages_group_the_25_steps_as_the_rules_do():
    # 发展党员工作细则 (2014): 入党申请 1–2, 积极分子 3–6, 发展对象 7–11, 接收 12–18, 考察和转正 19–25.
    assert [[s.number for s in S.stage_steps(st)] for st in S.STAGES] == [
        [1, 2], [3, 4, 5, 6], [7, 8, 9, 10, 11], list(range(12, 19)), list(range(19, 26))]


def test_probation_decision_without_outcome_is_on_time():
    rows = [{"step": 23, "date": "2025-05-20"}, {"step": 23, "date": "2024-05-20", "outcome": "延长预备期"}]
    assert [(d, o) for d, o, _ in S.probation_decisions(rows)] == [
        (dt.date(2024, 5, 20), "延长预备期"), (dt.date(2025, 5, 20), "按期转正")]


def test_party_standing_whole_years_from_full_membership():
    rows = [{"step": 15, "date": "2024-05-20"}, {"step": 23, "date": "2025-05-20"}]
    assert S.party_standing_years(rows, dt.date(2025, 12, 31)) == 0
    assert S.party_standing_years(rows, dt.date(2026, 5, 19)) == 0
    assert S.party_standing_years(rows, dt.date(2026, 5, 20)) == 1
    assert S.party_standing_years(rows, dt.date(2025, 5, 19)) is None  # still 预备党员 then
