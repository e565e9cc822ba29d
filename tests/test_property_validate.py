"""Property tests: random strings, dates and numbers thrown at the validators and at
``Ledger.insert``/``update``. Never a crash (only ValidationError/LedgerError), always a
Chinese message, canonical values out, and nothing written on refusal."""

import datetime as dt
import re
import string

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dangzhibu_desktop.ledger import LedgerError, ValidationError, open_ledger
from dangzhibu_desktop.ledger import validate as v
from dangzhibu_desktop.ledger.schema import TABLES

CJK = re.compile(r"[\u4e00-\u9fff]")
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

# Text that looks almost right: digits of every script, separators, signs, spaces, X.
_near = st.text(alphabet=string.digits + "-:./ +Xx,eE" + "０１２３４５６７８９²³١٢٣" + "年月日", max_size=24)
# Other scripts' digits: str.isdigit() and regex \d accept them, int() only some.
_OTHER_DIGITS = ["０１２３４５６７８９", "٠١٢٣٤٥٦٧٨٩", "⁰¹²³⁴⁵⁶⁷⁸⁹", "𝟎𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖𝟗"]


@st.composite
def _disguised(draw, valid):
    """A valid value with some of its ASCII digits swapped for look-alikes."""
    text = draw(valid)
    script = draw(st.sampled_from(_OTHER_DIGITS))
    chars = list(text)
    for i in draw(st.sets(st.integers(0, max(len(chars) - 1, 0)), min_size=1, max_size=3)):
        if i < len(chars) and chars[i].isascii() and chars[i].isdigit():
            chars[i] = script[int(chars[i])]
    return "".join(chars)


_valid_texts = st.one_of(
    st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)).map(lambda d: d.isoformat()),
    st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)).map(lambda d: d.isoformat()[:7]),
    st.times().map(lambda t: t.strftime("%H:%M")),
    st.integers(1900, 2100).map(str),
    st.from_regex(r"\A1[3-9][0-9]{9}\Z"),
    st.text(alphabet=string.digits, min_size=17, max_size=17).map(lambda b: b + v.id_check_char(b)),
    st.decimals(0, 1000, places=2).map(str),
)
anything = st.one_of(
    _disguised(_valid_texts), _disguised(_valid_texts),
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True, allow_infinity=True),
    st.decimals(allow_nan=True, allow_infinity=True), st.dates(), st.datetimes(), st.text(max_size=40), _near,
    st.lists(st.integers(), max_size=3), st.binary(max_size=10),
)


def _refusal_ok(exc: LedgerError) -> None:
    assert CJK.search(str(exc)), f"message without Chinese: {exc!r}"


def _call(fn, *args):
    try:
        return fn(*args)
    except ValidationError as exc:
        _refusal_ok(exc)
        return None


@SETTINGS
@given(anything)
def test_date_validator(value):
    out = _call(v.validate_date, value)
    if out is not None:
        assert re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", out) and dt.date.fromisoformat(out)


@SETTINGS
@given(anything)
def test_time_month_year_validators(value):
    t = _call(v.validate_time, value)
    assert t is None or re.fullmatch(r"([01][0-9]|2[0-3]):[0-5][0-9]", t)
    m = _call(v.validate_month, value)
    assert m is None or re.fullmatch(r"(19[0-9]{2}|20[0-9]{2}|2100)-(0[1-9]|1[0-2])", m)
    y = _call(v.validate_year, value)
    assert y is None or (isinstance(y, int) and v.MIN_YEAR <= y <= v.MAX_YEAR)


@SETTINGS
@given(st.one_of(anything, st.from_regex(r"\A1[3-9][0-9]{9}\Z"), st.from_regex(r"\A0[0-9]{2,3}-[0-9]{7,8}\Z")))
def test_phone_validator(value):
    out = _call(v.validate_phone, value)
    assert out is None or re.fullmatch(r"[0-9-]+", out)


def _id_numbers():
    """Random 17 digits with the right, a wrong or a random check character."""
    body = st.text(alphabet=string.digits, min_size=17, max_size=17)
    return st.one_of(
        body.map(lambda b: b + v.id_check_char(b)),
        st.tuples(body, st.sampled_from("0123456789Xx")).map(lambda t: t[0] + t[1]),
        st.text(alphabet=string.digits + "Xx０１２³ ", min_size=15, max_size=19),
    )


@SETTINGS
@given(st.one_of(anything, _id_numbers()))
def test_id_number_validator(value):
    out = _call(v.validate_id_number, value)
    if out is not None:
        assert re.fullmatch(r"[0-9]{17}[0-9X]", out)
        assert v.id_check_char(out[:17]) == out[17]
        assert v.birth_date_from_id(out) <= dt.date.today().isoformat()
        assert v.gender_from_id(out) in ("男", "女")


@SETTINGS
@given(anything)
def test_money_and_hours_parsers(value):
    fen = _call(v.parse_money, value)
    if fen is not None:
        assert isinstance(fen, int) and fen >= 0
        assert v.parse_money(v.format_money(fen)) == fen
    tenths = _call(v.parse_hours, value)
    if tenths is not None:
        assert isinstance(tenths, int) and 0 <= tenths <= 240
        assert v.parse_hours(v.format_hours(tenths)) == tenths


@SETTINGS
@given(anything, st.lists(st.text(min_size=1, max_size=4), min_size=1, max_size=4))
def test_enum_validator(value, choices):
    out = _call(v.validate_enum, value, tuple(choices), "类别")
    assert out is None or out in choices


# ---- the whole write path -------------------------------------------------------------
@pytest.fixture(scope="module")
def shared_ledger(tmp_path_factory):
    path = tmp_path_factory.mktemp("prop") / "台账.sqlite"
    led = open_ledger(path, create=True)
    led.save_branch({"name": "第一党支部"})
    led.insert("members", {"name": "王秀英"})
    led.insert("meetings", {"kind": "支部党员大会", "date": "2025-03-05"})
    yield led
    led.close()


def _snapshot(led):
    return {name: led.query(f"SELECT * FROM {name} ORDER BY id") for name in list(TABLES) + ["audit_log"]}


field_values = st.dictionaries(st.text(max_size=12), anything, max_size=4)


@st.composite
def rows_for_table(draw):
    table = draw(st.sampled_from(sorted(TABLES)))
    t = TABLES[table]
    names = st.sampled_from([f.name for f in t.fields])
    values = draw(st.dictionaries(names, anything, max_size=len(t.fields)))
    if draw(st.booleans()):
        values.update(draw(field_values))
    return table, values


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows_for_table(), st.booleans())
def test_insert_and_update_random_rows(shared_ledger, table_values, as_update):
    led = shared_ledger
    table, values = table_values
    before = _snapshot(led)
    target = led.rows(table)[:1] if as_update else []
    try:
        if target:
            led.update(table, target[0]["id"], values)
        else:
            new_id = led.insert(table, values)
            assert led.get(table, new_id) is not None
        wrote = True
    except LedgerError as exc:
        _refusal_ok(exc)
        wrote = False
    after = _snapshot(led)
    if not wrote:
        assert after == before, "a refused write changed the ledger"
    else:
        changed = after != before
        assert not changed or len(after["audit_log"]) > len(before["audit_log"]), "a change without 操作日志"
    assert led.scalar("PRAGMA foreign_key_check") is None
