"""党费 brackets of 中组发〔2008〕3号: boundaries exact, rounding to the fen half up."""

import json

import pytest

from dangzhibu_desktop.ledger.validate import ValidationError, parse_money
from dangzhibu_desktop.paths import resource_path
from dangzhibu_desktop.rules import compute_dues


@pytest.mark.parametrize("base, rate, amount", [
    ("0.00", 0.005, "0.00"),
    ("2999.99", 0.005, "15.00"),
    ("3000.00", 0.005, "15.00"),     # the upper bound belongs to the lower bracket
    ("3000.01", 0.01, "30.00"),
    ("5000.00", 0.01, "50.00"),
    ("5000.01", 0.015, "75.00"),
    ("10000.00", 0.015, "150.00"),
    ("10000.01", 0.02, "200.00"),
    ("4321.50", 0.01, "43.22"),      # 43.215 rounds half up
    ("2001.00", 0.005, "10.01"),     # 10.005 rounds half up, not to even
    ("1234.57", 0.005, "6.17"),      # 6.17285
])
def test_employed_brackets(base, rate, amount):
    assert compute_dues("在职", parse_money(base)) == (rate, parse_money(amount))


@pytest.mark.parametrize("base, rate, amount", [
    ("5000.00", 0.005, "25.00"),
    ("5000.01", 0.01, "50.00"),
    ("3333.30", 0.005, "16.67"),     # 16.6665
])
def test_retired_brackets(base, rate, amount):
    assert compute_dues("离退休", parse_money(base)) == (rate, parse_money(amount))


@pytest.mark.parametrize("cls", ["学生", "下岗失业", "享受低保"])
def test_fixed_twenty_fen(cls):
    assert compute_dues(cls) == (None, 20)
    assert compute_dues(cls, 800000) == (None, 20)  # the base does not matter


def test_farmers_default_and_configured():
    assert compute_dues("农民") == (None, 20)
    assert compute_dues("农民", farmer_fen=100) == (None, 100)
    with pytest.raises(ValidationError, match="0.20元至1.00元"):
        compute_dues("农民", farmer_fen=150)


def test_missing_base_and_unknown_class_are_refused():
    with pytest.raises(ValidationError, match="计算基数"):
        compute_dues("在职", None)
    with pytest.raises(ValidationError):
        compute_dues("在职", -1)
    with pytest.raises(ValidationError, match="未知的缴费类别"):
        compute_dues("个体户", 100000)
    assert compute_dues(None, 300000) == (0.005, 1500)  # no class recorded counts as 在职


def test_brackets_come_from_the_rule_set(tmp_path):
    doc = json.loads(resource_path("rules/default.json").read_text(encoding="utf-8"))
    doc["dues"]["employed"][0]["up_to"] = "3500.00"
    doc["dues"]["farmer"]["default"] = "0.50"
    path = tmp_path / "local.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    assert compute_dues("在职", 350000, str(path)) == (0.005, 1750)
    assert compute_dues("在职", 350000) == (0.01, 3500)
    assert compute_dues("农民", rule_set=str(path)) == (None, 50)
