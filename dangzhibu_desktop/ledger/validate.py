"""Validators for everything a person types, each failing with one Chinese sentence.

Parsers turn text into what the ledger stores: ISO dates, money in fen (int) and hours in
tenths (int). Nothing here touches the database.
"""

from __future__ import annotations

import datetime as _dt
import re
from decimal import Decimal, InvalidOperation

from . import enums
from .errors import LedgerError, ValidationError  # noqa: F401  (their home; imported from here too)


MIN_YEAR = 1900
MAX_YEAR = 2100

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"


def id_check_char(first17: str) -> str:
    """GB 11643-1999 check character for the first 17 digits."""
    total = sum(int(c) * w for c, w in zip(first17, _ID_WEIGHTS))
    return _ID_CHECK[total % 11]


def normalize_id_number(value: str) -> str:
    return str(value).strip().replace(" ", "").upper()


def validate_id_number(value: str, label: str = "身份证号") -> str:
    """Return the normalized 18-character number or raise with the exact reason."""
    v = normalize_id_number(value)
    if len(v) != 18:
        raise ValidationError(f"{label}应为18位，现为{len(v)}位", "id_number")
    if not re.fullmatch(r"[0-9]{17}[0-9X]", v):  # ASCII only: isdigit() also takes ² and ０
        raise ValidationError(f"{label}只能由数字组成，最后一位可以是X", "id_number")
    try:
        born = _dt.date(int(v[6:10]), int(v[10:12]), int(v[12:14]))
    except ValueError:
        raise ValidationError(f"{label}中的出生日期{v[6:14]}不存在", "id_number") from None
    if born.year < MIN_YEAR or born > _dt.date.today():
        raise ValidationError(f"{label}中的出生日期{born.isoformat()}不合理", "id_number")
    if id_check_char(v[:17]) != v[17]:
        raise ValidationError(f"{label}校验位错误（应为{id_check_char(v[:17])}），请核对", "id_number")
    return v


def birth_date_from_id(id_number: str) -> str:
    v = normalize_id_number(id_number)
    return f"{v[6:10]}-{v[10:12]}-{v[12:14]}"


def gender_from_id(id_number: str) -> str:
    return enums.MALE if int(normalize_id_number(id_number)[16]) % 2 else enums.FEMALE


def validate_date(value, label: str = "日期", field: str | None = None) -> str:
    """Accept an ISO date (or a date object) and return 'YYYY-MM-DD'."""
    if isinstance(value, _dt.datetime):
        value = value.date()
    if isinstance(value, _dt.date):
        d = value
    else:
        text = str(value).strip()
        if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):
            raise ValidationError(f"{label}格式应为 年-月-日，如 2025-03-08，现为“{text}”", field)
        try:
            d = _dt.date.fromisoformat(text)
        except ValueError:
            raise ValidationError(f"{label}“{text}”不是有效的日期", field) from None
    if not MIN_YEAR <= d.year <= MAX_YEAR:
        raise ValidationError(f"{label}的年份应在{MIN_YEAR}至{MAX_YEAR}之间", field)
    return d.isoformat()


def validate_time(value, label: str = "时间", field: str | None = None) -> str:
    text = str(value).strip()
    m = re.fullmatch(r"([0-9]{1,2}):([0-9]{2})", text)
    if not m or int(m.group(1)) > 23 or int(m.group(2)) > 59:
        raise ValidationError(f"{label}格式应为 时:分，如 14:30，现为“{text}”", field)
    return f"{int(m.group(1)):02d}:{m.group(2)}"


def validate_month(value, label: str = "月份", field: str | None = None) -> str:
    text = str(value).strip()
    m = re.fullmatch(r"([0-9]{4})-([0-9]{2})", text)
    if not m or not 1 <= int(m.group(2)) <= 12:
        raise ValidationError(f"{label}格式应为 年-月，如 2025-03，现为“{text}”", field)
    if not MIN_YEAR <= int(m.group(1)) <= MAX_YEAR:
        raise ValidationError(f"{label}的年份应在{MIN_YEAR}至{MAX_YEAR}之间", field)
    return text


def validate_year(value, label: str = "年度", field: str | None = None) -> int:
    try:
        y = int(str(value).strip())
    except ValueError:
        raise ValidationError(f"{label}应为四位年份，如 2025", field) from None
    if not MIN_YEAR <= y <= MAX_YEAR:
        raise ValidationError(f"{label}应在{MIN_YEAR}至{MAX_YEAR}之间", field)
    return y


_MOBILE = re.compile(r"1[3-9][0-9]{9}")
_LANDLINE = re.compile(r"0[0-9]{2,3}-?[0-9]{7,8}(-[0-9]{1,6})?")


def validate_phone(value, label: str = "联系电话", field: str | None = "phone") -> str:
    text = str(value).strip().replace(" ", "")
    if text.startswith("+86"):
        text = text[3:]
    if _MOBILE.fullmatch(text) or _LANDLINE.fullmatch(text):
        return text
    raise ValidationError(f"{label}“{value}”不是有效的手机号（11位）或座机号（如 0531-88888888）", field)


def validate_enum(value, choices, label: str, field: str | None = None) -> str:
    text = str(value).strip()
    if text not in choices:
        raise ValidationError(f"{label}只能是：{'、'.join(choices)}（现为“{text}”）", field)
    return text


def _decimal(value, label: str, field: str | None) -> Decimal:
    if isinstance(value, bool):
        raise ValidationError(f"{label}应为数字", field)
    if isinstance(value, float):
        value = repr(value)
    try:
        d = Decimal(str(value).strip().replace(",", ""))
    except InvalidOperation:
        raise ValidationError(f"{label}应为数字，现为“{value}”", field) from None
    if not d.is_finite():
        raise ValidationError(f"{label}应为数字，现为“{value}”", field)
    return d


def parse_hours(value, label: str = "时长", field: str | None = "hours") -> int:
    """'2.5' → 25 (tenths of an hour); 0 to 24 hours, at most one decimal place."""
    d = _decimal(value, label, field)
    if d < 0 or d > 24:
        raise ValidationError(f"{label}应在0至24小时之间，现为{d}", field)
    tenths = d * 10
    if tenths != tenths.to_integral_value():
        raise ValidationError(f"{label}最多保留一位小数，如 2.5", field)
    return int(tenths)


def parse_money(value, label: str = "金额", field: str | None = None) -> int:
    """'40.00' (元) → 4000 (fen); not negative, at most two decimal places."""
    d = _decimal(value, label, field)
    if d < 0:
        raise ValidationError(f"{label}不能为负数", field)
    if d > Decimal("100000000"):
        raise ValidationError(f"{label}过大，请核对", field)
    fen = d * 100
    if fen != fen.to_integral_value():
        raise ValidationError(f"{label}最多保留两位小数（精确到分）", field)
    return int(fen)


def format_money(fen: int | None) -> str:
    """4000 → '40.00'."""
    if fen is None:
        return ""
    sign = "-" if fen < 0 else ""
    fen = abs(int(fen))
    return f"{sign}{fen // 100}.{fen % 100:02d}"


def format_hours(tenths: int | None) -> str:
    """25 → '2.5', 30 → '3'."""
    if tenths is None:
        return ""
    t = int(tenths)
    return str(t // 10) if t % 10 == 0 else f"{t // 10}.{t % 10}" if t >= 0 else f"{t / 10:g}"


def hours_to_decimal(tenths: int | None) -> Decimal | None:
    return None if tenths is None else Decimal(int(tenths)) / 10


def money_to_decimal(fen: int | None) -> Decimal | None:
    return None if fen is None else Decimal(int(fen)) / 100


def check_extension(outcome, months, *, required: bool = False, field: str | None = "extension_months") -> None:
    """A 延长预备期's months: only with that outcome, 6 to 12 (党章 第七条); ``required`` (the step
    editor) also refuses the outcome without its months — rows written before the field existed
    have none, and the store keeps them."""
    from .steps import EXTENSION_MONTHS, OUTCOME_EXTEND

    low, high = EXTENSION_MONTHS
    if months is None:
        if required and outcome == OUTCOME_EXTEND:
            raise ValidationError(f"延长预备期请填写延长的月数（{low}至{high}个月）", field)
        return
    if outcome != OUTCOME_EXTEND:
        raise ValidationError("延长预备期的月数只用于转正结论为“延长预备期”的记录", field)
    if not low <= months <= high:
        raise ValidationError(f"延长预备期应为{low}至{high}个月（党章规定：不能少于半年，最长不超过一年），"
                              f"现为{months}个月", field)


def require_text(value, label: str, field: str | None = None, max_len: int = 20000) -> str:
    text = "" if value is None else str(value).strip()
    if not text:
        raise ValidationError(f"请填写{label}", field)
    if len(text) > max_len:
        raise ValidationError(f"{label}过长（最多{max_len}字）", field)
    return text


# ---- control characters ---------------------------------------------------------------
# Text fields a person writes several lines into (the editors' multi-line boxes): a line break
# and a tab are kept there; everywhere else they become a space.
MULTILINE_FIELDS = frozenset({
    "notes", "note", "content", "resolutions", "description", "commitment", "achievements",
    "problem", "measure", "evidence",
})

# Word's manual line break (VT), form feed, NEL and the Unicode line/paragraph separators.
_LINE_BREAKS = re.compile("\r\n|[\r\x0b\x0c\x85\u2028\u2029]")
# C0 controls but tab and line feed, DEL and C1 controls, lone surrogates, U+FFFE/U+FFFF.
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")
_SINGLE_LINE = re.compile("[\t\n]+")


def clean_text(value: str, multiline: bool = False) -> str:
    """Text as the ledger stores it: line breaks made ``\n`` (kept only when ``multiline``,
    else a space, as are tabs), every other control character removed.

    What is pasted from Word (VT as a line break), Excel or a web page is stored as it reads,
    so no writer (Word, Excel, PDF, JSON) ever meets a character it cannot hold.
    """
    text = _LINE_BREAKS.sub("\n", str(value))
    text = _CONTROLS.sub("", text)
    if not multiline:
        text = _SINGLE_LINE.sub(" ", text)
    return text


# What XML 1.0 (Word, Excel files) cannot hold at all, plus the C1 controls.
_XML_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """``text`` with the characters a .docx/.xlsx cannot hold replaced (a line break for VT/FF,
    nothing for the rest): writers call it on whatever is already stored."""
    text = str(text)
    if not _XML_UNSAFE.search(text):
        return text
    return _XML_UNSAFE.sub(lambda m: "\n" if m.group(0) in "\x0b\x0c" else "", text)


# What makes Excel, WPS or LibreOffice take typed text as a formula (the OWASP list).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")


def looks_like_formula(text) -> bool:
    """Whether a spreadsheet would read ``text`` as a formula (``=HYPERLINK(…)``, ``+1``, ``@SUM``)."""
    return isinstance(text, str) and text.startswith(FORMULA_START)
