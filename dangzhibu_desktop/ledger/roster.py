"""Import the 党员花名册 from a spreadsheet (.xlsx, .xls or .csv), with a preview first.

The file type is decided by content, not by the extension: a zip is an .xlsx, an OLE2
compound file an .xls, anything else that is text a .csv (UTF-8 with or without BOM,
GB18030/GBK, UTF-16). An HTML page or an XML Spreadsheet 2003 saved as ``.xls`` (what many
web systems export) is refused with a message telling the person how to save it properly.

Preview API (used by the import dialog; nothing here touches Qt):

``read_roster(path, ledger=None, sheet=None) -> RosterPreview``
    Reads and checks the file, writes nothing. With ``ledger`` the rows that duplicate a
    member already in the ledger are moved to ``errors`` and ``new_groups`` lists only the
    党小组 the ledger does not have yet. ``sheet`` picks a worksheet by name (default: the
    first visible one with a roster header; ``other_sheets`` lists further ones). Raises
    ``LedgerError`` (one Chinese sentence) when the file as a whole is unusable: unknown
    format, HTML disguised as .xls, no header row with a 姓名 column, no data rows.

``RosterPreview``
    ``rows``: the good rows, each a dict with the ledger member fields (``MEMBER_FIELDS``:
    name, gender, ethnicity, birth_date, id_number, education, phone, work_post, notes,
    mobile, dues_class, joined_branch_on) plus ``row`` (the spreadsheet row number, 1-based
    as Excel shows it), ``party_group`` (name or None), ``category`` (derived from the steps, e.g. 正式党员),
    ``admitted_on`` (入党日期), ``full_member_on`` (转正日期), ``applied_on``,
    ``activist_on``, ``candidate_on`` (ISO dates or None) and ``steps`` (the
    development_steps rows that will be written: dicts of step, date, note).
    ``errors``: ``[(row_number, message)]`` for every refused row, sorted by row; the message
    starts with the person's name when there is one ("张三：身份证号校验位错误…").
    ``warnings``: ``[(row_number, message)]`` for rows that go in but were completed by a
    rule (a 入党日期 given only to the month, a 转正日期 inferred from a one-year 预备期).
    ``columns``: header as written in the file → field key (see ``COLUMN_LABELS`` for the
    Chinese name of each key); ``ignored_columns``: headers that are not imported.
    ``PREVIEW_COLUMNS`` lists (key, Chinese heading) for a preview table of ``rows`` (the
    row number ``row`` not included).
    ``kind`` ("xlsx"/"xls"/"csv"), ``sheet``, ``header_row``, ``new_groups``,
    ``category_counts()`` and ``summary(dry_run)`` (the Chinese sentence the CLI prints).

``apply_roster(ledger, preview, *, backup=True, progress=None) -> int``
    Writes every good row in one transaction (members, their development_steps, missing
    党小组) and returns how many people were written. A row that has meanwhile become a
    duplicate is skipped and appended to ``preview.errors``. On any error nothing is
    written and ``LedgerError`` names the row. ``backup`` first copies the ledger with
    ``ledger.backup.backup_ledger`` (reason 导入花名册前); ``progress(done, total)`` is called
    while writing.

The ``import roster`` command (``cli.py``) prints the preview's errors, warnings and summary.
"""

from __future__ import annotations

import csv
import datetime as _dt
import io
import itertools
import math
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from . import enums, steps as _steps
from .errors import StorageError, raise_storage
from .schema import TABLES
from .sheet_limits import check_file_size, check_spreadsheet
from .validate import (
    LedgerError,
    ValidationError,
    birth_date_from_id,
    clean_text,
    gender_from_id,
    looks_like_formula,
    validate_id_number,
    validate_phone,
)

# Member columns a good row carries, exactly as the members table names them.
MEMBER_FIELDS = ("name", "gender", "ethnicity", "birth_date", "id_number", "education", "phone",
                 "work_post", "notes", "mobile", "dues_class", "joined_branch_on")

# Dates in the file and the development step each one records.
STEP_OF_DATE = (
    ("applied_on", _steps.STEP_APPLY),
    ("activist_on", _steps.STEP_ACTIVIST),
    ("candidate_on", _steps.STEP_CANDIDATE),
    ("admitted_on", _steps.STEP_ADMIT),
    ("full_member_on", _steps.STEP_FULL_MEETING),
)

STEP_NOTE = "花名册导入"
MAX_HEADER_SCAN = 30  # title rows above the header rarely exceed a handful

# The Chinese name of each column key: the members table's own labels (``schema``), then the
# columns a roster has that the ledger keeps as development steps or derives.
_MEMBERS = TABLES["members"]
COLUMN_LABELS = {
    **{f: _MEMBERS.field(f).label for f in (
        "name", "gender", "ethnicity", "birth_date", "id_number", "education", "phone", "work_post")},
    "party_group": _MEMBERS.field("party_group_id").label, "category": "人员类别", "admitted_on": "入党日期",
    "full_member_on": "转正日期", "applied_on": "申请入党日期", "activist_on": "确定为入党积极分子日期",
    "candidate_on": "确定为发展对象日期",
    **{f: _MEMBERS.field(f).label for f in ("notes", "mobile", "dues_class", "joined_branch_on")},
    "skip": "（不导入）",
}

# What the import dialog shows per good row, in order: (key of a preview row, Chinese heading).
# The spreadsheet row number (key ``row``) is left to the dialog, which shows it first.
PREVIEW_COLUMNS = tuple((key, COLUMN_LABELS[key]) for key in (
    "name", "gender", "ethnicity", "birth_date", "id_number", "education", "category", "admitted_on",
    "full_member_on", "party_group", "work_post", "phone", "notes"))


def _dated(*stems: str) -> tuple[str, ...]:
    """'入党' → 入党时间, 入党日期, 入党年月: the ways a date column is headed."""
    return tuple(s + suffix for s in stems for suffix in ("时间", "日期", "年月"))


# Header spellings (after normalisation: NFKC, no whitespace, no bracketed hints) → field key.
HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    "name": ("姓名", "党员姓名", "名字"),
    "gender": ("性别",),
    "ethnicity": ("民族",),
    "birth_date": ("出生年月", "出生日期", "出生年月日", "出生时间", "生日"),
    "id_number": ("身份证号", "身份证号码", "公民身份号码", "公民身份证号", "公民身份证号码", "身份证",
                  "身份证件号码", "证件号码"),
    "education": ("学历", "文化程度", "最高学历", "学历学位"),
    "phone": ("联系电话", "手机号码", "电话", "手机", "手机号", "联系方式", "电话号码"),
    "work_post": ("工作岗位", "职务", "岗位", "现任职务", "工作单位及职务", "单位及职务", "职务职级"),
    "party_group": ("党小组", "所在党小组", "所属党小组", "党小组名称"),
    "category": ("人员类别", "党员类别", "类别", "党员身份", "政治面貌", "人员身份"),
    "admitted_on": _dated("入党", "加入党组织", "加入中国共产党"),
    "full_member_on": _dated("转正", "转为正式党员"),
    "applied_on": _dated("申请入党", "入党申请", "递交入党申请书", "提交入党申请书"),
    "activist_on": _dated("确定为入党积极分子", "确定入党积极分子", "列为入党积极分子", "确定为积极分子",
                          "确定积极分子"),
    "candidate_on": _dated("确定为发展对象", "确定发展对象", "列为发展对象"),
    "notes": ("备注", "说明"),
    "mobile": ("流动党员", "是否流动党员"),
    "dues_class": ("缴费类别", "党费缴纳类别", "党员缴费类别"),
    "joined_branch_on": _dated("转入本支部", "转入", "组织关系转入", "接转组织关系", "进入本支部"),  # not the enumeration
    # Known columns that are derived or bookkeeping: recognised, never imported.
    "skip": ("序号", "编号", "年龄", "党龄", "籍贯", "照片"),  # not the enumeration
}

_HEADER_LOOKUP = {alias.lower(): key for key, aliases in HEADER_ALIASES.items() for alias in aliases}

CATEGORY_ALIASES = {
    enums.FULL_MEMBER: enums.FULL_MEMBER, "正式": enums.FULL_MEMBER, "中共党员": enums.FULL_MEMBER, "党员": enums.FULL_MEMBER,
    "中国共产党党员": enums.FULL_MEMBER,
    enums.PROBATIONARY: enums.PROBATIONARY, "预备": enums.PROBATIONARY, "中共预备党员": enums.PROBATIONARY,
    enums.CANDIDATE: enums.CANDIDATE,
    enums.ACTIVIST: enums.ACTIVIST, "积极分子": enums.ACTIVIST,
    enums.APPLICANT: enums.APPLICANT, "申请人": enums.APPLICANT, "申请入党": enums.APPLICANT,
}

# Which dated step a pre-member category needs.
_CATEGORY_STEP_FIELD = {
    enums.APPLICANT: "applied_on", enums.ACTIVIST: "activist_on", enums.CANDIDATE: "candidate_on",
}

EDUCATION_ALIASES = {
    "博士": enums.EDU_POSTGRADUATE, "博士研究生": enums.EDU_POSTGRADUATE, "硕士": enums.EDU_POSTGRADUATE, "硕士研究生": enums.EDU_POSTGRADUATE, enums.EDU_POSTGRADUATE: enums.EDU_POSTGRADUATE,
    "本科": enums.EDU_BACHELOR, enums.EDU_BACHELOR: enums.EDU_BACHELOR, "大本": enums.EDU_BACHELOR,
    "大专": enums.EDU_COLLEGE, "专科": enums.EDU_COLLEGE, enums.EDU_COLLEGE: enums.EDU_COLLEGE,
    "中专": enums.EDU_VOCATIONAL, enums.EDU_VOCATIONAL: enums.EDU_VOCATIONAL, "中技": enums.EDU_VOCATIONAL, "技校": enums.EDU_VOCATIONAL, "职高": enums.EDU_VOCATIONAL,
    enums.EDU_HIGH_SCHOOL: enums.EDU_HIGH_SCHOOL, "初中": enums.EDU_JUNIOR, "小学": enums.EDU_JUNIOR, enums.EDU_JUNIOR: enums.EDU_JUNIOR,
}

DUES_CLASS_ALIASES = {"退休": enums.DUES_RETIRED, "离休": enums.DUES_RETIRED, "在岗": enums.DUES_EMPLOYED, "下岗": enums.DUES_UNEMPLOYED,
                      "失业": enums.DUES_UNEMPLOYED, "低保": enums.DUES_RELIEF}

_TRUE_WORDS = {"是", "√", "✓", "y", "yes", "1", "true", "流动党员"}
_FALSE_WORDS = {"否", "×", "n", "no", "0", "false", "不是"}

# Footer lines under the table ("填表人：… 审核人：…") are not people.
_FOOTER = re.compile(r"(填表|制表|审核|填报|统计|负责)人|合计|总计|^注[:：]|说明[:：]|日期[:：]|以下空白|以下无")

MSG_ID_AS_NUMBER = "身份证号被存成了数字，末位已丢失，请把该列设为文本后重新录入"

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP = b"PK\x03\x04"


# ---- the preview ----------------------------------------------------------------------
@dataclass
class RosterPreview:
    """What a roster file would import; see the module docstring for every field."""

    path: Path
    kind: str
    sheet: str | None
    header_row: int
    columns: dict[str, str]
    ignored_columns: list[str] = field(default_factory=list)
    rows: list[dict] = field(default_factory=list)
    errors: list[tuple[int, str]] = field(default_factory=list)
    warnings: list[tuple[int, str]] = field(default_factory=list)
    new_groups: list[str] = field(default_factory=list)
    other_sheets: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        """Data rows seen (good and refused)."""
        return len(self.rows) + len(self.errors)

    def category_counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for cat in enums.CATEGORIES[::-1]:  # 正式党员 first, as the secretary reads them
            n = sum(1 for r in self.rows if r["category"] == cat)
            if n:
                counts[cat] = n
        return counts

    def summary(self, dry_run: bool = False, written: int | None = None) -> str:
        """One Chinese paragraph: how many people, of which categories, new groups, skipped rows.

        Args:
            dry_run: word it as what would happen (可导入…，将新建…；将跳过…), for a preview.
            written: after ``apply_roster``, the count it returned.
        """
        n = len(self.rows) if written is None else written
        cats = "、".join(f"{c}{k}人" for c, k in self.category_counts().items())
        people = f"{n}人" + (f"（{cats}）" if cats and n else "")
        groups = "、".join(self.new_groups)
        if dry_run:
            text = "可导入{people}".format(people=people)
            if groups:
                text += "，将新建党小组{k}个：{g}".format(k=len(self.new_groups), g=groups)
            if self.errors:
                text += "；将跳过{k}行".format(k=len(self.errors))
        else:
            text = "已导入{people}".format(people=people)
            if groups:
                text += "，新建党小组{k}个：{g}".format(k=len(self.new_groups), g=groups)
            if self.errors:
                text += "；跳过{k}行".format(k=len(self.errors))
        text += "。"
        if self.other_sheets:
            text += "工作簿中另有{k}个工作表（{names}）也有花名册表头，本次只读取了“{this}”，请分别导入。".format(
                k=len(self.other_sheets), names="、".join(self.other_sheets), this=self.sheet)
        return text


# ---- reading the file -----------------------------------------------------------------
def detect_kind(path: Path) -> str:
    """'xlsx', 'xls' or 'csv' from the file's first bytes; LedgerError for anything else."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(8192)
    except OSError as exc:
        raise_storage(exc, path, "读取花名册")
        raise LedgerError(f"无法读取文件“{path.name}”：{exc.strerror or exc}") from None
    if not head.strip():
        raise LedgerError(f"文件“{path.name}”是空的")
    if head.startswith(_ZIP):
        return "xlsx"
    if head.startswith(_OLE2):
        return "xls"
    if head.startswith(b"%PDF"):
        raise LedgerError(f"“{path.name}”是PDF文件，无法导入，请使用Excel表格（.xlsx、.xls）或CSV文件")
    text = _decode_head(head)
    if text is None:
        raise LedgerError(f"无法识别“{path.name}”的文件格式，请使用Excel表格（.xlsx、.xls）或CSV文件")
    probe = text.lstrip("\ufeff \t\r\n").lower()
    if "urn:schemas-microsoft-com:office:spreadsheet" in probe and "<workbook" in probe:
        raise LedgerError(
            f"“{path.name}”是“XML电子表格2003”格式，不是真正的Excel文件。请用Excel或WPS打开它，"
            f"另存为“Excel工作簿（.xlsx）”后再导入")
    web_page = probe.startswith("<") and any(
        tag in probe for tag in ("<html", "<table", "<!doctype html", "<meta"))
    if web_page or probe.startswith("mime-version:"):  # .mht "single file web page" too
        raise LedgerError(
            f"“{path.name}”其实是网页（HTML）格式，只是扩展名为{path.suffix or '空'}，并不是真正的Excel文件。"
            f"请用Excel或WPS打开它，另存为“Excel工作簿（.xlsx）”后再导入")
    return "csv"


def _decode_head(head: bytes) -> str | None:
    """The start of a text file as text, or None when it is binary."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return head.decode("utf-16", errors="ignore")
    if b"\x00" in head:
        return None
    for enc in ("utf-8-sig", "gb18030"):
        try:
            return head.decode(enc)
        except UnicodeDecodeError as exc:
            # The 8 KiB cut may split a multi-byte character at the very end.
            if exc.start >= len(head) - 4:
                return head[:exc.start].decode(enc, errors="ignore")
    return None


def _decode_csv(data: bytes, name: str) -> str:
    encodings = ("utf-16",) if data.startswith((b"\xff\xfe", b"\xfe\xff")) else ("utf-8-sig", "gb18030")
    for enc in encodings:
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    raise LedgerError(f"无法识别“{name}”的文字编码，请在Excel或WPS中另存为“CSV UTF-8”或.xlsx后再导入")


def _read_csv(path: Path) -> tuple[str | None, Iterator[list[Any]]]:
    text = _decode_csv(path.read_bytes(), path.name)
    if "\x00" in text:
        raise LedgerError(f"无法识别“{path.name}”的文件格式，请使用Excel表格（.xlsx、.xls）或CSV文件")
    lead: list[list[Any]] = []
    hint = re.match(r"sep=(.)\r?\n", text)
    if hint:  # Excel's own delimiter line: not a person, but it keeps its row number
        delimiter = hint.group(1)
        text = text[hint.end():]
        lead = [[]]
    else:
        sample = [line for line in text.splitlines()[:MAX_HEADER_SCAN] if line.strip()]
        delimiter = max((",", "\t", ";"), key=lambda d: sum(line.count(d) for line in sample))
    try:
        rows = lead + list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as exc:
        raise LedgerError(f"“{path.name}”不是有效的CSV文件：{exc}") from None
    return None, iter(rows)


def _read_workbook(path: Path) -> Iterator[tuple[str, Iterator[list[Any]]]]:
    """Each visible worksheet as (name, its rows). The n-th row yielded is spreadsheet row n+1:
    calamine's ``iter_rows`` pads the blank rows above the first used one (columns start at
    the first used one, which does not matter: header and data share the offset)."""
    import python_calamine as pc

    data = path.read_bytes()
    check_spreadsheet(path, data, "xlsx" if data.startswith(_ZIP) else "xls")  # before calamine sees it
    if data.startswith(_ZIP):
        try:
            names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
        except zipfile.BadZipFile:
            raise LedgerError(f"“{path.name}”已损坏，无法作为Excel表格打开") from None
        if "xl/workbook.xml" not in names and "xl/workbook.bin" not in names and "content.xml" not in names:
            what = "Word文档" if "word/document.xml" in names else "压缩包"
            raise LedgerError(f"“{path.name}”是{what}，不是Excel表格")
    try:
        book = pc.CalamineWorkbook.from_filelike(io.BytesIO(data))
    except pc.PasswordError:
        raise LedgerError(f"“{path.name}”设置了打开密码，请在Excel或WPS中取消密码后再导入") from None
    except Exception as exc:  # calamine's own errors carry English text only
        if data.startswith(_OLE2) and b"E\x00n\x00c\x00r\x00y\x00p\x00t\x00" in data[:65536]:
            raise LedgerError(f"“{path.name}”设置了打开密码，请在Excel或WPS中取消密码后再导入") from None
        raise LedgerError(f"“{path.name}”无法作为Excel表格打开（文件可能已损坏或不是表格）：{exc}") from None
    try:
        for meta in book.sheets_metadata:
            if meta.visible != pc.SheetVisibleEnum.Visible or meta.typ != pc.SheetTypeEnum.WorkSheet:
                continue  # hidden sheets hold lookup lists, not the roster
            try:
                rows = iter(book.get_sheet_by_name(meta.name).iter_rows())
            except Exception as exc:  # a damaged sheet inside a readable workbook
                raise LedgerError(f"“{path.name}”中的工作表“{meta.name}”无法读取（可能已损坏）：{exc}") from None
            yield meta.name, rows
    finally:
        book.close()


def normalize_header(text: Any) -> str:
    """'姓　名', ' 入党时间（年月）', '*身份证号码' → '姓名', '入党时间', '身份证号码'."""
    h = unicodedata.normalize("NFKC", _cell_text(text))
    h = re.sub(r"\s+", "", h)
    h = re.sub(r"[\(\[【<].*?[\)\]】>]", "", h)
    return h.strip("*：:#").lower()


def _find_header(rows: list[list[Any]]) -> tuple[int, dict[int, str], list[str]] | None:
    """Index of the header row, column index → field key, and the headers not imported."""
    for i, row in enumerate(rows[:MAX_HEADER_SCAN]):
        keys: dict[int, str] = {}
        for j, cell in enumerate(row):
            key = _HEADER_LOOKUP.get(normalize_header(cell))
            if key and key not in keys.values():
                keys[j] = key
        if "name" in keys.values() and len([k for k in keys.values() if k != "skip"]) >= 2:
            ignored = [_cell_text(c) for j, c in enumerate(row)
                       if _cell_text(c) and (j not in keys or keys[j] == "skip")]
            return i, keys, ignored
    return None


def read_roster(path: str | Path, ledger=None, sheet: str | None = None) -> RosterPreview:
    """Read and check a roster file without writing anything (see the module docstring).

    Args:
        path: the .xlsx / .xls / .csv file (type decided by content).
        ledger: when given, duplicates of its members are refused and ``new_groups`` is exact.
        sheet: the worksheet to read; by default the first visible one with a roster header.
            ``other_sheets`` names the further sheets that also look like a roster.
    """
    path = Path(path)
    kind = detect_kind(path)
    check_file_size(path)
    if kind == "csv":
        sheets: Iterable[tuple[str | None, Iterator[list[Any]]]] = [_read_csv(path)]
    else:
        sheets = _read_workbook(path)
    preview: RosterPreview | None = None
    names: list[str | None] = []
    for sheet_name, row_iter in sheets:
        names.append(sheet_name)
        if sheet is not None and kind != "csv" and sheet_name != sheet:
            continue
        head = list(itertools.islice(row_iter, MAX_HEADER_SCAN))
        header = _find_header(head)
        if header is None:
            continue
        if preview is not None:
            preview.other_sheets.append(sheet_name)
            continue
        hi, keys, ignored = header
        preview = RosterPreview(
            path=path, kind=kind, sheet=sheet_name, header_row=hi + 1,
            columns={_cell_text(head[hi][j]): key for j, key in keys.items() if key != "skip"},
            ignored_columns=ignored,
        )
        # Read this sheet to the end now: the workbook is closed once every sheet is seen.
        _read_rows(preview, enumerate(itertools.chain(head[hi + 1:], row_iter), hi + 1), keys)
    if sheet is not None and sheet not in names and kind != "csv":
        raise LedgerError(f"“{path.name}”中没有名为“{sheet}”的工作表")
    if preview is None:
        raise LedgerError(
            f"“{path.name}”中没有找到花名册的表头：前{MAX_HEADER_SCAN}行里没有一行同时含有“姓名”和"
            f"“身份证号”“性别”“入党时间”等列名，请检查是否选错了文件")
    if not preview.rows and not preview.errors:
        raise LedgerError(f"“{path.name}”的表头（第{preview.header_row}行）下面没有党员数据")
    if ledger is not None:
        _drop_ledger_duplicates(ledger, preview)
    preview.new_groups = _new_groups(ledger, preview.rows)
    return preview


def _read_rows(preview: RosterPreview, numbered_rows: Iterable[tuple[int, list[Any]]],
               keys: dict[int, str]) -> None:
    """Check every data row below the header into ``preview.rows`` / ``errors`` / ``warnings``."""
    today = _dt.date.today()
    wanted = [(j, key) for j, key in keys.items() if key != "skip"]
    seen_ids: dict[str, dict] = {}
    seen_name_birth: dict[tuple[str, str], dict] = {}
    for i, row in numbered_rows:
        # Cheap test first: a stray value far down a sheet makes calamine hand over many blank rows.
        if all(v == "" or v is None for v in row):
            continue
        if not any(_cell_text(v) for v in row) or _looks_like_footer(row):
            continue
        raw = {key: (row[j] if j < len(row) else None) for j, key in wanted}
        rec, problems, notes = _parse_row(raw, today)
        number = i + 1
        prefix = f"{rec['name']}：" if rec.get("name") else ""
        if not problems:
            first = seen_ids.get(rec["id_number"]) if rec.get("id_number") else None
            if first is None and rec.get("birth_date"):
                first = seen_name_birth.get((rec["name"], rec["birth_date"]))
            if first is not None:
                problems.append(f"与第{first['row']}行重复，未重复导入")
        if problems:
            preview.errors.append((number, prefix + "；".join(problems)))
            continue
        rec["row"] = number
        if rec.get("id_number"):
            seen_ids[rec["id_number"]] = rec
        if rec.get("birth_date"):
            seen_name_birth[(rec["name"], rec["birth_date"])] = rec
        preview.rows.append(rec)
        preview.warnings.extend((number, prefix + w) for w in notes)


def _looks_like_footer(row: list[Any]) -> bool:
    texts = [_cell_text(c) for c in row if _cell_text(c)]
    return len(texts) <= 3 and any(_FOOTER.search(t) for t in texts)


# ---- one row --------------------------------------------------------------------------
def _parse_row(raw: dict[str, Any], today: _dt.date) -> tuple[dict, list[str], list[str]]:
    """A row of cells → (record, problems, warnings). Problems mean the row is refused."""
    problems: list[str] = []
    warnings: list[str] = []
    rec: dict[str, Any] = {f: None for f in MEMBER_FIELDS}
    rec.update({"party_group": None, "category": None, "steps": []})
    for key, _step in STEP_OF_DATE:
        rec[key] = None

    name = re.sub(r"\s+", "", unicodedata.normalize("NFKC", _cell_text(raw.get("name"))))
    if not name:
        problems.append("未填写姓名")
    elif looks_like_formula(name):
        problems.append(f"姓名“{name}”以“{name[0]}”开头，像是表格公式而不是人名，请核对")
    elif len(name) > 30 or re.search(r"\d", name):
        problems.append(f"姓名“{name}”不像人名，请核对")
    rec["name"] = name or None

    # 身份证号 first: gender and birth date are checked against it.
    id_number = None
    id_cell = raw.get("id_number")
    # Web systems keep IDs as text with a leading ' or as ="…"; neither is part of the number.
    id_text = re.sub(r'^="(.*)"$', r"\1", _cell_text(id_cell)).lstrip("'‘’`")
    numeric = isinstance(id_cell, (int, float)) and not isinstance(id_cell, bool)
    if numeric and (not math.isfinite(id_cell) or abs(id_cell) >= 1e14):
        # A double keeps 15-16 significant digits: an 18-digit number has lost its tail.
        problems.append(MSG_ID_AS_NUMBER)
    elif re.fullmatch(r"\d(\.\d+)?[eE]\+?\d+", id_text):
        problems.append(MSG_ID_AS_NUMBER)
    elif id_text:
        try:
            id_number = validate_id_number(unicodedata.normalize("NFKC", id_text))
        except ValidationError as exc:
            msg = str(exc)
            digits = re.sub(r"\s", "", id_text)
            if len(digits) == 18 and digits.isdigit() and digits.endswith("000"):
                msg += "（末三位为000，可能曾被存成数字而丢失，请把该列设为文本后重新录入）"
            problems.append(msg)
    rec["id_number"] = id_number

    gender = _cell_text(raw.get("gender"))
    gender = {"男性": enums.MALE, "女性": enums.FEMALE}.get(gender, gender)
    if gender and gender not in enums.GENDERS:
        problems.append(f"性别只能是“男”或“女”（现为“{gender}”）")
        gender = ""
    if id_number:
        from_id = gender_from_id(id_number)
        if gender and gender != from_id:
            problems.append(f"性别“{gender}”与身份证号（{from_id}）不一致，请核对")
        gender = from_id
    rec["gender"] = gender or None

    birth, precision, err = parse_date_cell(raw.get("birth_date"), "出生日期", today)
    if err:
        problems.append(err)
    if id_number:
        from_id = birth_date_from_id(id_number)
        # A date cell formatted "1980.05" holds 1980-05-01: the 1st of the ID's month is a month given.
        month_only = precision == "month" or (birth or "").endswith("-01")
        if birth and month_only and birth[:7] != from_id[:7]:
            problems.append(f"出生年月{birth[:7]}与身份证号中的{from_id}不一致，请核对")
        elif birth and not month_only and birth != from_id:
            problems.append(f"出生日期{birth}与身份证号中的{from_id}不一致，请核对")
        birth = from_id
    elif birth and precision == "month":
        warnings.append(f"出生日期只有年月，按{birth}记录")
    rec["birth_date"] = birth

    ethnicity = re.sub(r"\s+", "", _cell_text(raw.get("ethnicity")))
    if ethnicity and re.fullmatch(r"[\u4e00-\u9fff]{1,4}", ethnicity) and not ethnicity.endswith("族"):
        ethnicity += "族"  # 汉 → 汉族: every one of the 56 names ends in 族
    rec["ethnicity"] = ethnicity or None

    education = re.sub(r"\s+", "", _cell_text(raw.get("education")))
    rec["education"] = EDUCATION_ALIASES.get(education, education) or None

    phone = _cell_text(raw.get("phone"))
    if phone:
        try:
            rec["phone"] = validate_phone(unicodedata.normalize("NFKC", phone))
        except ValidationError as exc:
            problems.append(str(exc))

    rec["work_post"] = _cell_text(raw.get("work_post")) or None
    rec["notes"] = _cell_text(raw.get("notes")) or None
    group = re.sub(r"\s+", "", _cell_text(raw.get("party_group")))
    rec["party_group"] = group or None

    mobile = _cell_text(raw.get("mobile")).lower()
    if mobile in _TRUE_WORDS:
        rec["mobile"] = 1
    elif not mobile or mobile in _FALSE_WORDS:
        rec["mobile"] = 0
    else:
        problems.append(f"流动党员一栏应填“是”或“否”（现为“{mobile}”）")

    dues = re.sub(r"\s+", "", _cell_text(raw.get("dues_class")))
    dues = DUES_CLASS_ALIASES.get(dues, dues)
    if dues and dues not in enums.DUES_CLASSES:
        problems.append(f"缴费类别只能是：{'、'.join(enums.DUES_CLASSES)}（现为“{dues}”）")
    rec["dues_class"] = dues or enums.DUES_EMPLOYED

    joined, precision, err = parse_date_cell(raw.get("joined_branch_on"), "转入本支部日期", today)
    if err:
        problems.append(err)
    elif joined and precision == "month":
        warnings.append(f"转入本支部日期只有年月，按{joined}记录")
    if joined and rec["birth_date"] and joined < rec["birth_date"]:
        problems.append(f"转入本支部日期{joined}早于出生日期，请核对")
    rec["joined_branch_on"] = joined

    # The pipeline dates, each at most today and in step order.
    precisions: dict[str, str] = {}
    for key, _step in STEP_OF_DATE:
        value, precision, err = parse_date_cell(raw.get(key), COLUMN_LABELS[key], today)
        if err:
            problems.append(err)
        elif value:
            rec[key] = value
            precisions[key] = precision
    present = [(k, rec[k]) for k, _s in STEP_OF_DATE if rec[k]]
    for (k1, d1), (k2, d2) in zip(present, present[1:]):
        if d2 < d1:
            problems.append(f"{COLUMN_LABELS[k2]}{d2}早于{COLUMN_LABELS[k1]}{d1}，请核对")
    if rec["birth_date"] and present:
        adult = _steps.add_years(_dt.date.fromisoformat(rec["birth_date"]), 18).isoformat()
        if rec["admitted_on"] and rec["admitted_on"] < adult:
            problems.append(f"入党日期{rec['admitted_on']}时未满18周岁，请核对")
        elif present[0][1] < rec["birth_date"]:
            problems.append(f"{COLUMN_LABELS[present[0][0]]}{present[0][1]}早于出生日期，请核对")

    stated = None
    cat_text = re.sub(r"\s+", "", _cell_text(raw.get("category")))
    if cat_text:
        stated = CATEGORY_ALIASES.get(cat_text)
        if stated is None:
            problems.append(f"人员类别“{cat_text}”无法识别，应为：{'、'.join(enums.CATEGORIES[::-1])}")
    if problems:
        return rec, problems, warnings

    inferred_full = False
    if stated in (None, enums.FULL_MEMBER) and rec["admitted_on"] and not rec["full_member_on"]:
        # Rosters often list 入党时间 only; a one-year 预备期 is the rule (党章第七条).
        due = _steps.add_years(_dt.date.fromisoformat(rec["admitted_on"]), 1)
        if due <= today:
            rec["full_member_on"] = due.isoformat()
            precisions["full_member_on"] = "inferred"
            inferred_full = True
            why = "未注明人员类别，入党已满一年，" if stated is None else ""
            warnings.append(f"{why}未填写转正日期，按一年预备期推算为{due.isoformat()}")
        elif stated == enums.FULL_MEMBER:
            problems.append(f"入党日期为{rec['admitted_on']}，尚未满一年预备期，不能是正式党员，请核对")
    if stated == enums.PROBATIONARY and rec["full_member_on"]:
        problems.append("人员类别为预备党员，却填写了转正日期，请核对")
    if stated in (enums.FULL_MEMBER, enums.PROBATIONARY) and not rec["admitted_on"]:
        problems.append(f"{stated}请填写入党日期")
    elif rec["full_member_on"] and not rec["admitted_on"]:
        problems.append("填写了转正日期，请同时填写入党日期")
    if stated in _CATEGORY_STEP_FIELD:
        need = _CATEGORY_STEP_FIELD[stated]
        later = [k for k, s in STEP_OF_DATE if rec[k] and s > dict(STEP_OF_DATE)[need]]
        if later:
            problems.append(f"人员类别为{stated}，却填写了{COLUMN_LABELS[later[0]]}，请核对")
        elif not rec[need]:
            problems.append(f"{stated}请填写{COLUMN_LABELS[need]}")
    if stated is None and not any(rec[k] for k, _s in STEP_OF_DATE):
        problems.append("未填写入党日期，也未注明人员类别，无法确定是党员还是入党积极分子等")
    if problems:
        return rec, problems, warnings

    for key, step in STEP_OF_DATE:
        if not rec[key]:
            continue
        note = STEP_NOTE
        if precisions.get(key) == "month":
            note = f"{STEP_NOTE}（原表只填到月，按当月1日记录）"
            warnings.append(f"{COLUMN_LABELS[key]}只有年月，按{rec[key]}记录")
        elif key == "full_member_on" and inferred_full:
            note = f"{STEP_NOTE}（原表无转正日期，按一年预备期推算）"
        rec["steps"].append({"step": step, "date": rec[key], "note": note})
    rec["category"] = _steps.derive_category(rec["steps"])
    if stated and rec["category"] != stated:  # a guard on the rules above, not expected to fire
        problems.append(f"人员类别“{stated}”与所填日期（推得{rec['category']}）不符，请核对")
    return rec, problems, warnings


def _cell_text(value: Any) -> str:
    """A cell as the text a person sees: 13812345678.0 → '13812345678', dates as ISO."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return repr(value)
    if isinstance(value, (_dt.datetime, _dt.date)):
        return value.isoformat()[:10]
    return clean_text(value).strip()


_EXCEL_EPOCH = _dt.date(1899, 12, 30)  # serial 1 = 1900-01-01 (Excel's phantom 29 Feb ignored)
_DAY = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
                  r"(?:[T\s]\s*\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?")  # a time of day is dropped
_MONTH = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?")


def parse_date_cell(value: Any, label: str, today: _dt.date | None = None
                    ) -> tuple[str | None, str | None, str | None]:
    """A date as people type it → (ISO date, 'day' or 'month', problem).

    Accepts 2006-7-1, 2015/6/30, 2006年7月1日, 2006.07.01, 20060701, month-only forms
    (1980.05, 1980.5, 1980年5月, 198005 — returned as the 1st with precision 'month'),
    Excel date serials and the date/datetime objects calamine gives. A number like 1980.1
    is refused: in a number cell it may have been typed 1980.10.
    """
    today = today or _dt.date.today()
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, None, None
    raw = _cell_text(value)
    if isinstance(value, bool):
        return None, None, f"{label}“{raw}”不是日期"
    if isinstance(value, _dt.datetime):
        return _checked(value.date(), "day", label, raw, today)
    if isinstance(value, _dt.date):
        return _checked(value, "day", label, raw, today)
    if isinstance(value, (_dt.time, _dt.timedelta)):
        return None, None, f"{label}“{raw}”是时间而不是日期"
    if isinstance(value, (int, float)):
        return _date_from_number(value, label, today)
    text = unicodedata.normalize("NFKC", str(value)).strip()
    m = _DAY.fullmatch(text)
    if m:
        return _ymd(int(m.group(1)), int(m.group(2)), int(m.group(3)), label, raw, today)
    m = _MONTH.fullmatch(text)
    if m:
        return _ymd(int(m.group(1)), int(m.group(2)), None, label, raw, today)
    m = re.fullmatch(r"(\d{4})(\d{2})(\d{2})?", text)
    if m:
        day = int(m.group(3)) if m.group(3) else None
        return _ymd(int(m.group(1)), int(m.group(2)), day, label, raw, today)
    if re.fullmatch(r"\d{4}\s*年?", text):
        return None, None, f"{label}“{raw}”只有年份，请至少填写到月，如 2006.07"
    return None, None, f"{label}“{raw}”无法识别，请写成 2006-07-01 或 2006.07 的形式"


def _date_from_number(value: float, label: str, today: _dt.date):
    raw = _cell_text(value)
    if isinstance(value, float) and not math.isfinite(value):
        return None, None, f"{label}“{raw}”不是日期"
    if isinstance(value, float) and not value.is_integer():
        whole, _, frac = repr(value).partition(".")
        if 1900 <= int(whole) <= 2100 and "e" not in frac:
            if frac == "1":
                return None, None, (f"{label}“{raw}”是数字格式，无法确定是{whole}年1月还是10月，"
                                    f"请写成 {whole}.01 或 {whole}.10 并把该列设为文本")
            if len(frac) <= 2:
                return _ymd(int(whole), int(frac), None, label, raw, today)
        value = int(value)  # an Excel serial with a time of day
    v = int(value)
    if 1900 <= v <= 2100:
        return None, None, f"{label}“{raw}”只有年份，请至少填写到月，如 2006.07"
    if 190001 <= v <= 210012:
        return _ymd(v // 100, v % 100, None, label, raw, today)
    if 19000101 <= v <= 21001231:
        return _ymd(v // 10000, v // 100 % 100, v % 100, label, raw, today)
    if 1 <= v <= 73415:  # up to 2100-12-31
        return _checked(_EXCEL_EPOCH + _dt.timedelta(days=v), "day", label, raw, today)
    return None, None, f"{label}“{raw}”无法识别，请写成 2006-07-01 或 2006.07 的形式"


def _ymd(year: int, month: int, day: int | None, label: str, raw: str, today: _dt.date):
    try:
        d = _dt.date(year, month, day or 1)
    except ValueError:
        return None, None, f"{label}“{raw}”不是有效的日期"
    return _checked(d, "month" if day is None else "day", label, raw, today)


def _checked(d: _dt.date, precision: str, label: str, raw: str, today: _dt.date):
    if d.year < 1900:
        return None, None, f"{label}“{raw}”早于1900年，请核对"
    if d > today:
        return None, None, f"{label}“{raw}”晚于今天，请核对"
    return d.isoformat(), precision, None


# ---- against the ledger -----------------------------------------------------------------
def _duplicate_message(rec: dict, present) -> str | None:
    clash = present.same_person(rec)
    if clash is None:
        return None
    kind, holder = clash
    if kind == "id_number":
        return f"{rec['name']}：台账中已有身份证号相同的党员“{holder}”，未重复导入"
    return f"{rec['name']}：台账中已有同名且出生日期相同（{rec['birth_date']}）的人员，未重复导入"


def _drop_ledger_duplicates(ledger, preview: RosterPreview) -> None:
    present = ledger.identities()
    kept = []
    for rec in preview.rows:
        msg = _duplicate_message(rec, present)
        if msg:
            preview.errors.append((rec["row"], msg))
            preview.warnings = [w for w in preview.warnings if w[0] != rec["row"]]
        else:
            kept.append(rec)
    preview.rows = kept
    preview.errors.sort(key=lambda e: e[0])


def _group_ids(ledger) -> dict[str, int]:
    return {re.sub(r"\s+", "", g["name"]): g["id"] for g in ledger.rows("party_groups")}


def _new_groups(ledger, rows: list[dict]) -> list[str]:
    have = _group_ids(ledger) if ledger is not None else {}
    out: list[str] = []
    for rec in rows:
        g = rec.get("party_group")
        if g and g not in have and g not in out:
            out.append(g)
    return out


def apply_roster(ledger, preview: RosterPreview, *, backup: bool = True,
                 progress: Callable[[int, int], None] | None = None) -> int:
    """Write the preview's good rows in one transaction; returns how many people went in."""
    if not preview.rows:
        return 0
    if backup:
        from .backup import REASON_ROSTER

        ledger.backup(REASON_ROSTER)  # into the ledger's backup folder (the one chosen in 设置)
    total = len(preview.rows)
    written = 0
    skipped: list[tuple[int, str]] = []
    created: list[str] = []
    with ledger.transaction():
        present = ledger.identities()
        groups = _group_ids(ledger)
        for done, rec in enumerate(preview.rows, 1):
            if progress is not None and (done % 50 == 0 or done == total):
                progress(done, total)
            dup = _duplicate_message(rec, present)
            if dup:
                skipped.append((rec["row"], dup))
                continue
            try:
                group_id = None
                if rec.get("party_group"):
                    group_id = groups.get(rec["party_group"])
                    if group_id is None:
                        group_id = ledger.insert("party_groups", {"name": rec["party_group"]})
                        groups[rec["party_group"]] = group_id
                        created.append(rec["party_group"])
                values = {f: rec.get(f) for f in MEMBER_FIELDS}
                values["party_group_id"] = group_id
                member_id = ledger.insert("members", values)
                for s in rec["steps"]:
                    ledger.insert("development_steps", {"member_id": member_id, **s})
            except StorageError:
                raise  # the disk's fault, not the row's: its own sentence says what to do
            except LedgerError as exc:
                raise LedgerError(f"第{rec['row']}行 {rec['name']}：{exc}。未导入任何数据") from None
            present.add(rec)
            written += 1
    if skipped:
        skipped_rows = {r for r, _m in skipped}
        preview.rows = [r for r in preview.rows if r["row"] not in skipped_rows]
        preview.errors = sorted(preview.errors + skipped, key=lambda e: e[0])
        preview.warnings = [w for w in preview.warnings if w[0] not in skipped_rows]
    preview.new_groups = created
    return written
