"""Typed dates and times (ledger.dates): every form a secretary types, and the refusals."""

import datetime as dt

import pytest

from dangzhibu_desktop.ledger.dates import DateTextError, parse_date, parse_time

D = dt.date(2026, 3, 20)


@pytest.mark.parametrize("text", ["2026-03-20", "2026-3-20", "2026/3/20", "2026.3.20", "20260320",
                                  "2026年3月20日", "2026年03月20日", "２０２６－０３－２０", "２０２６年３月２０日",
                                  " 2026/03/20 ", "2026 3 20", "2026年3月20"])
def test_date_forms(text):
    assert parse_date(text) == D


def test_empty_is_none():
    assert parse_date("") is None and parse_date("  ") is None and parse_date(None) is None


@pytest.mark.parametrize("text,word", [("2026-02-30", "2月没有30日"), ("2026-13-01", "月份"),
                                       ("1850-01-01", "年份"), ("abc", "年-月-日"), ("2026-3", "年-月-日"),
                                       ("202603201", "年-月-日")])
def test_date_refusals_in_chinese(text, word):
    with pytest.raises(DateTextError) as err:
        parse_date(text)
    assert word in str(err.value) and text in str(err.value)


def test_leap_day_boundary():
    assert parse_date("2028-2-29") == dt.date(2028, 2, 29)
    with pytest.raises(DateTextError):
        parse_date("2027-2-29")


@pytest.mark.parametrize("text,want", [("14:30", "14:30"), ("14：30", "14:30"), ("1430", "14:30"),
                                       ("９:05", "09:05"), ("905", "09:05"), ("14点30", "14:30"),
                                       ("0:00", "00:00"), ("23:59", "23:59")])
def test_time_forms(text, want):
    assert parse_time(text) == want


@pytest.mark.parametrize("text", ["24:00", "12:60", "2430", "abc", "1:2:3"])
def test_time_refusals(text):
    with pytest.raises(DateTextError):
        parse_time(text)
    assert parse_time("") is None
