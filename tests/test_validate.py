"""Validators: good and bad values, each refusal a Chinese sentence."""

import pytest

from dangzhibu_desktop.ledger.validate import (
    ValidationError,
    birth_date_from_id,
    format_hours,
    format_money,
    gender_from_id,
    id_check_char,
    parse_hours,
    parse_money,
    validate_date,
    validate_enum,
    validate_id_number,
    validate_month,
    validate_phone,
    validate_time,
)

GOOD_ID = "11010519491231002X"  # GB 11643 example number


def test_id_check_char_matches_standard_example():
    assert id_check_char(GOOD_ID[:17]) == "X"


def test_good_id_is_normalized():
    assert validate_id_number(" 11010519491231002x ") == GOOD_ID
    assert birth_date_from_id(GOOD_ID) == "1949-12-31"
    assert gender_from_id(GOOD_ID) == "女"


@pytest.mark.parametrize("bad, words", [
    ("110105194912310021", "校验位错误"),
    ("11010519491231002", "应为18位"),
    ("11010519491331002X", "出生日期"),  # month 13
    ("1101051949123100AX", "只能由数字组成"),
    ("11010520990101002X", "不合理"),  # born in the future
])
def test_bad_ids_refused_with_reason(bad, words):
    with pytest.raises(ValidationError) as e:
        validate_id_number(bad)
    assert words in str(e.value)


def test_extension_months_six_to_twelve():
    # 党章 第七条: at least half a year, at most one year — both ends lawful.
    from dangzhibu_desktop.ledger.steps import OUTCOME_EXTEND
    from dangzhibu_desktop.ledger.validate import check_extension

    for months in (6, 12):
        check_extension(OUTCOME_EXTEND, months)
    for months in (5, 13):
        with pytest.raises(ValidationError, match="应为6至12个月"):
            check_extension(OUTCOME_EXTEND, months)


def test_id_birth_year_boundary_and_the_date_named():
    # Born 1900-01-01 (MIN_YEAR) is accepted; 1899-12-31 is refused as 不合理 (both with a
    # correct check character).
    assert validate_id_number("110105190001010028") == "110105190001010028"
    with pytest.raises(ValidationError, match="出生日期1899-12-31不合理"):
        validate_id_number("110105189912310023")
    # The message names the eight digits of the impossible date.
    with pytest.raises(ValidationError, match="出生日期19491331不存在"):
        validate_id_number("11010519491331002X")


def test_dates():
    assert validate_date("2024-02-29") == "2024-02-29"
    for bad in ("2023-02-29", "2024/02/01", "20240201", "1899-12-31", ""):
        with pytest.raises(ValidationError):
            validate_date(bad)


def test_time_and_month():
    assert validate_time("9:05") == "09:05"
    assert validate_month("2025-03") == "2025-03"
    with pytest.raises(ValidationError):
        validate_time("24:00")
    # The last minute of the day and midnight are times; a 60th minute is not.
    assert validate_time("23:59") == "23:59" and validate_time("0:00") == "00:00"
    with pytest.raises(ValidationError):
        validate_time("23:60")
    with pytest.raises(ValidationError, match="年-月"):
        validate_month("2025-13")


@pytest.mark.parametrize("phone", ["13812345678", "+8613812345678", "0531-88888888", "010-12345678-123"])
def test_good_phones(phone):
    assert validate_phone(phone)


@pytest.mark.parametrize("phone", ["12812345678", "1381234567", "abc", "88888888"])
def test_bad_phones(phone):
    with pytest.raises(ValidationError, match="手机号"):
        validate_phone(phone)


def test_enum_lists_choices():
    with pytest.raises(ValidationError) as e:
        validate_enum("男性", ("男", "女"), "性别")
    assert "男、女" in str(e.value)


def test_hours_in_tenths():
    assert parse_hours("2.5") == 25
    assert parse_hours(24) == 240
    assert parse_hours("0") == 0
    assert format_hours(25) == "2.5" and format_hours(30) == "3"
    for bad in ("24.5", "-1", "1.25", "abc", "nan"):
        with pytest.raises(ValidationError):
            parse_hours(bad)


def test_money_in_fen():
    assert parse_money("40.00") == 4000
    assert parse_money("0.2") == 20
    assert parse_money("1,234.56") == 123456
    assert format_money(123456) == "1234.56" and format_money(5) == "0.05"
    for bad in ("-0.01", "1.005", "abc", "inf"):
        with pytest.raises(ValidationError):
            parse_money(bad)
