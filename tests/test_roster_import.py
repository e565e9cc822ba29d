"""Importing the 党员花名册 from .xlsx / .xls / .csv: preview, per-row errors, one transaction."""

from __future__ import annotations

import csv
import datetime as _dt
import time
import zipfile
from pathlib import Path

import openpyxl
import pytest

from dangzhibu_desktop.cli import main
from dangzhibu_desktop.ledger.roster import (
    MSG_ID_AS_NUMBER,
    PREVIEW_COLUMNS,
    apply_roster,
    detect_kind,
    normalize_header,
    parse_date_cell,
    read_roster,
)
from dangzhibu_desktop.ledger import LedgerError, open_ledger
from dangzhibu_desktop.ledger.validate import id_check_char

DATA = Path(__file__).parent / "data" / "roster"
TODAY = _dt.date.today()


def make_id(birth: str, seq: str = "123", region: str = "370102") -> str:
    """A valid 18-digit 身份证号; the last digit of ``seq`` odd = 男, even = 女."""
    first17 = region + birth + seq
    return first17 + id_check_char(first17)


ZHANG = make_id("19800512", "011")
LI = make_id("19850315", "022")
WANG_BAD = make_id("19790101", "031")[:-1] + ("0" if make_id("19790101", "031")[-1] != "0" else "1")
ZHAO = make_id("19820202", "041")
QIAN = make_id("19900909", "051")
SUN = make_id("19950505", "062")
ZHOU = make_id("19700707", "071")
WU = make_id("20000101", "082")

ID_X = next(i for i in (make_id("19760606", f"{n:03d}") for n in range(1000)) if i.endswith("X"))
RECENT = (TODAY - _dt.timedelta(days=90)).isoformat()  # admitted 3 months ago: still 预备党员

HEADER = ["序号", "姓　名", "性 别", "民族", "出生年月", "公民身份号码", "文化程度", "入党时间",
          "转正时间", "确定为入党积极分子时间", "手机号码", "职  务", "所在党小组", "人员类别", "备注"]


def messy_rows():
    """Rows 5…12 of the messy roster; 7, 8 and 9 are bad."""
    return [
        [1, "张  三", "男", "汉", 1980.05, ZHANG, "本科", _dt.datetime(2006, 7, 1), "2007/7/1", None,
         13812345678, "车间主任", "第一党小组", "正式党员", None],
        [2, "李四", "女", "回族", "1985年3月", LI, "硕士", "2010年6月30日", "2011.6.30", None,
         "0531-88888888", "技术员", "第二党小组", "正式", "调入"],
        [3, "王五", "男", "汉族", "1979.01", WANG_BAD, "大专", "2001-7-1", "2002-7-1", None,
         None, "班组长", "第一党小组", "正式党员", None],
        [4, "赵六", "男", "汉族", "1982.02", float(ZHAO), "高中", "2005-07-01", "2006-07-01", None,
         None, "工人", "第一党小组", "正式党员", None],
        [5, "钱七", None, "汉族", None, QIAN, "本科", "2015-02-30", None, None,
         None, "工人", "第二党小组", "正式党员", None],
        [6, "孙八", "女", "汉族", "1995-05-05", SUN, "本科", RECENT, None, None,
         None, "会计", "第二党小组", "预备党员", None],
        [7, "周九", None, "汉族", _dt.datetime(1970, 7, 1), ZHOU, "中专", 40000, None, None,
         None, "司机", "第一党小组", None, None],
        [8, "吴十", "女", "汉族", "2000.1.1", WU, "本科", None, None, "2024-3-1",
         None, "文员", "第三党小组", "积极分子", None],
    ]


def write_messy_xlsx(path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "花名册"
    ws["A1"] = "XX公司第一党支部党员花名册"
    ws.merge_cells("A1:O1")
    ws["A3"] = "填报单位（盖章）：XX公司第一党支部"
    for col, text in enumerate(HEADER, 1):
        ws.cell(row=4, column=col, value=text)
    for r, row in enumerate(messy_rows(), 5):
        for col, value in enumerate(row, 1):
            ws.cell(row=r, column=col, value=value)
    ws["B13"] = None
    ws["A14"] = "填表人：李书记"
    ws["F14"] = "填表日期：2025年1月5日"
    ws["B15"] = "审核人：王部长"  # a footer in the 姓名 column is not a person either
    # A hidden sheet with a lookup list must not be mistaken for the roster.
    hidden = wb.create_sheet("字典")
    hidden.append(["姓名", "性别"])
    hidden.sheet_state = "hidden"
    wb.save(path)
    return path


def write_csv(path: Path, rows, encoding: str) -> Path:
    with open(path, "w", encoding=encoding, newline="") as fh:
        csv.writer(fh).writerows(rows)
    return path


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db(ledger_path):
    open_ledger(ledger_path, create=True).close()
    return ledger_path


def members_by_name(path: Path) -> dict[str, dict]:
    with open_ledger(path) as led:
        out = {}
        for m in led.rows("members"):
            m["steps"] = [(s["step"], s["date"], s["note"]) for s in led.member_steps(m["id"])]
            m["category"] = led.member_category(m["id"])
            g = led.get("party_groups", m["party_group_id"]) if m["party_group_id"] else None
            m["group"] = g["name"] if g else None
            out[m["name"]] = m
        return out


# ---- the messy roster through the command line ---------------------------------------
def test_messy_xlsx_imports_good_rows_and_names_bad_ones(capsys, tmp_path, db):
    src = write_messy_xlsx(tmp_path / "花名册.xlsx")
    code, out, err = run(capsys, "import", "roster", src, "--db", db)
    assert code == 3, (out, err)
    assert "第7行 王五：身份证号校验位错误" in err
    assert f"第8行 赵六：{MSG_ID_AS_NUMBER}" in err
    assert "第9行 钱七：入党日期“2015-02-30”不是有效的日期" in err
    assert err.count("第") == 3  # only the three bad rows, not the footer or the blank row
    assert "已导入5人（正式党员3人、预备党员1人、入党积极分子1人）" in out
    assert "新建党小组3个：第一党小组、第二党小组、第三党小组" in out and "跳过3行" in out

    people = members_by_name(db)
    assert set(people) == {"张三", "李四", "孙八", "周九", "吴十"}
    zhang = people["张三"]
    assert zhang["id_number"] == ZHANG and zhang["birth_date"] == "1980-05-12"  # day taken from the ID
    assert (zhang["gender"], zhang["ethnicity"], zhang["education"]) == ("男", "汉族", "大学本科")
    assert zhang["phone"] == "13812345678" and zhang["work_post"] == "车间主任"
    assert zhang["group"] == "第一党小组" and zhang["category"] == "正式党员"
    assert zhang["steps"] == [(15, "2006-07-01", "花名册导入"), (23, "2007-07-01", "花名册导入")]

    li = people["李四"]
    assert li["birth_date"] == "1985-03-15" and li["education"] == "研究生" and li["notes"] == "调入"
    assert li["phone"] == "0531-88888888" and li["group"] == "第二党小组"
    assert [s[:2] for s in li["steps"]] == [(15, "2010-06-30"), (23, "2011-06-30")]

    sun = people["孙八"]
    assert sun["category"] == "预备党员" and [s[:2] for s in sun["steps"]] == [(15, RECENT)]

    zhou = people["周九"]  # Excel serial 40000, no 转正 column value: inferred, and said so
    assert zhou["gender"] == "男" and zhou["birth_date"] == "1970-07-07"
    assert zhou["category"] == "正式党员"
    assert zhou["steps"][0][:2] == (15, "2009-07-06")
    assert zhou["steps"][1][:2] == (23, "2010-07-06") and "推算" in zhou["steps"][1][2]
    assert "第11行 周九：未注明人员类别，入党已满一年，未填写转正日期，按一年预备期推算为2010-07-06" in out

    wu = people["吴十"]
    assert wu["category"] == "入党积极分子" and [s[:2] for s in wu["steps"]] == [(3, "2024-03-01")]
    assert wu["group"] == "第三党小组"

    with open_ledger(db) as led:
        assert sorted(g["name"] for g in led.rows("party_groups")) == ["第一党小组", "第三党小组", "第二党小组"]
    assert list((db.parent / f"{db.stem}_备份").glob("*导入花名册前*.sqlite"))  # backed up first


def test_preview_writes_nothing_and_describes_columns(tmp_path, ledger):
    src = write_messy_xlsx(tmp_path / "花名册.xlsx")
    preview = read_roster(src, ledger)
    assert ledger.count("members") == 0 and ledger.count("party_groups") == 0
    assert preview.kind == "xlsx" and preview.sheet == "花名册" and preview.header_row == 4
    assert preview.columns["姓　名"] == "name" and preview.columns["公民身份号码"] == "id_number"
    assert preview.columns["职  务"] == "work_post" and preview.columns["转正时间"] == "full_member_on"
    assert preview.ignored_columns == ["序号"]
    assert [r["row"] for r in preview.rows] == [5, 6, 10, 11, 12]
    assert [e[0] for e in preview.errors] == [7, 8, 9]
    zhang = preview.rows[0]
    assert zhang["admitted_on"] == "2006-07-01" and zhang["full_member_on"] == "2007-07-01"
    assert zhang["category"] == "正式党员" and zhang["party_group"] == "第一党小组"
    assert preview.new_groups == ["第一党小组", "第二党小组", "第三党小组"]

    assert apply_roster(ledger, preview, backup=False) == 5
    assert ledger.count("members") == 5 and ledger.count("development_steps") == 8


def test_dry_run_writes_nothing(capsys, tmp_path, db):
    src = write_messy_xlsx(tmp_path / "花名册.xlsx")
    code, out, err = run(capsys, "import", "roster", src, "--db", db, "--dry-run")
    assert code == 3
    assert "试导入，未写入台账：可导入5人" in out and "将新建党小组3个" in out and "将跳过3行" in out
    assert "第8行 赵六" in err
    with open_ledger(db) as led:
        assert led.count("members") == 0 and led.count("party_groups") == 0
        assert led.count("development_steps") == 0


def test_clean_file_exits_0(capsys, tmp_path, db):
    rows = [["姓名", "身份证号", "入党日期", "转正日期", "党小组"],
            ["甲一", make_id("19880101", "101"), "2012-06-01", "2013-06-01", "一组"],
            ["乙二", make_id("19890202", "202"), "2014-06-01", "2015-06-01", "一组"]]
    src = write_csv(tmp_path / "名单.csv", rows, "utf-8-sig")
    code, out, err = run(capsys, "import", "roster", src, "--db", db)
    assert (code, err) == (0, "")
    assert "已导入2人（正式党员2人），新建党小组1个：一组。" in out


# ---- formats ---------------------------------------------------------------------------
def test_gbk_csv(capsys, tmp_path, db):
    rows = [["党支部党员名册"], [],
            ["姓 名", "性别", "身份证号码", "出生日期", "入党日期", "转正日期", "电话", "工作岗位", "党员类别"],
            ["欧阳娜娜", "女", make_id("19920308", "112"), "1992-03-08", "2016.07", "2017.07", "13900001111",
             "出纳", "正式党员"],
            ["堃", "男", make_id("19870101", "121"), "1987-01-01", "2013年7月1日", "2014年7月1日", "", "",
             "中共党员"],
            ["坏行", "男", make_id("19870101", "131"), "1987-01-02", "2013-07-01", "2014-07-01", "", "", ""]]
    src = write_csv(tmp_path / "名单.csv", rows, "gbk")
    assert detect_kind(src) == "csv"
    code, out, err = run(capsys, "import", "roster", src, "--db", db)
    assert code == 3
    assert "第6行 坏行：出生日期1987-01-02与身份证号中的1987-01-01不一致，请核对" in err
    people = members_by_name(db)
    assert set(people) == {"欧阳娜娜", "堃"}  # GBK decoded, including a rarer character
    assert [s[:2] for s in people["欧阳娜娜"]["steps"]] == [(15, "2016-07-01"), (23, "2017-07-01")]
    assert "只填到月" in people["欧阳娜娜"]["steps"][0][2]
    assert "提示：第4行 欧阳娜娜：入党日期只有年月，按2016-07-01记录" in out
    assert people["堃"]["category"] == "正式党员" and people["欧阳娜娜"]["work_post"] == "出纳"


def test_type_comes_from_content_not_extension(tmp_path, ledger):
    xlsx_as_csv = write_messy_xlsx(tmp_path / "花名册.csv")
    assert detect_kind(xlsx_as_csv) == "xlsx"
    assert len(read_roster(xlsx_as_csv).rows) == 5
    csv_as_xls = write_csv(tmp_path / "名单.xls", [["姓名", "入党时间"], ["张三", "2001-07-01"]], "gb18030")
    assert detect_kind(csv_as_xls) == "csv"
    assert read_roster(csv_as_xls).rows[0]["category"] == "正式党员"
    tabbed = tmp_path / "名单.txt"
    tabbed.write_bytes("姓名\t入党时间\t人员类别\r\n张三\t2001-07-01\t正式党员\r\n".encode("utf-16"))
    assert read_roster(tabbed).rows[0]["admitted_on"] == "2001-07-01"


def test_real_xls(tmp_path, ledger):
    """tests/data/roster/roster.xls was written by make_xls.py (BIFF8, numbers are floats)."""
    src = DATA / "roster.xls"
    assert detect_kind(src) == "xls"
    preview = read_roster(src, ledger)
    assert preview.header_row == 3
    assert [r["name"] for r in preview.rows] == ["刘一", "陈二"]
    assert preview.rows[0]["admitted_on"] == "2008-07-01" and preview.rows[0]["phone"] == "13700001234"
    assert preview.rows[1]["category"] == "预备党员"
    assert preview.errors == [(6, f"杨三：{MSG_ID_AS_NUMBER}")]
    assert apply_roster(ledger, preview, backup=False) == 2
    assert ledger.count("members") == 2


def test_row_numbers_when_the_table_starts_lower_right(tmp_path):
    """Nothing above row 4, nothing in column A: row numbers are still the ones Excel shows."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["C4"], ws["D4"], ws["E4"] = "姓名", "身份证号", "入党时间"
    ws["C5"], ws["D5"], ws["E5"] = "甲", make_id("19700101", "101"), "2001-07-01"
    ws["C6"], ws["D6"], ws["E6"] = "乙", float(make_id("19700101", "201")), "2001-07-01"
    ws["C1048000"] = " "  # a stray blank typed far down: read past quickly, not a person
    wb.save(tmp_path / "偏.xlsx")
    preview = read_roster(tmp_path / "偏.xlsx")
    assert preview.header_row == 4 and [r["row"] for r in preview.rows] == [5]
    assert preview.errors == [(6, f"乙：{MSG_ID_AS_NUMBER}")]


def test_one_sheet_per_party_group(tmp_path, ledger):
    wb = openpyxl.Workbook()
    for n, title in enumerate(("第一党小组", "第二党小组")):
        ws = wb.active if n == 0 else wb.create_sheet()
        ws.title = title
        ws.append(["姓名", "身份证号", "入党时间"])
        ws.append([f"甲{title[1]}", make_id("19700101", f"{n}11"), "2001-07-01"])
    wb.create_sheet("说明").append(["本表由组织委员填写"])
    wb.save(tmp_path / "分组.xlsx")
    first = read_roster(tmp_path / "分组.xlsx", ledger)
    assert first.sheet == "第一党小组" and [r["name"] for r in first.rows] == ["甲一"]
    assert first.other_sheets == ["第二党小组"]
    assert "另有1个工作表（第二党小组）也有花名册表头，本次只读取了“第一党小组”" in first.summary()
    second = read_roster(tmp_path / "分组.xlsx", ledger, sheet="第二党小组")
    assert [r["name"] for r in second.rows] == ["甲二"] and second.other_sheets == []
    with pytest.raises(LedgerError, match="没有名为“第三党小组”的工作表"):
        read_roster(tmp_path / "分组.xlsx", sheet="第三党小组")


def test_excel_sep_line_and_joined_branch(tmp_path):
    src = tmp_path / "excel.csv"
    src.write_text("sep=;\n姓名;身份证号;入党时间;转入本支部时间\n"
                   f"张三;{make_id('19700101', '101')};2001-07-01;2019.03\n"
                   f"李四;{make_id('19700101', '201')};2001-07-01;1960-01-01\n", encoding="utf-8")
    preview = read_roster(src)
    assert preview.header_row == 2 and preview.columns["转入本支部时间"] == "joined_branch_on"
    assert preview.rows[0]["joined_branch_on"] == "2019-03-01"
    assert (3, "张三：转入本支部日期只有年月，按2019-03-01记录") in preview.warnings
    assert preview.errors == [(4, "李四：转入本支部日期1960-01-01早于出生日期，请核对")]
    assert all(key in preview.rows[0] for key, _label in PREVIEW_COLUMNS)


def test_html_saved_as_xls_is_refused(capsys, tmp_path, db):
    src = tmp_path / "花名册.xls"
    src.write_text('<html xmlns:x="urn:schemas-microsoft-com:office:excel"><head><meta charset="utf-8">'
                   "</head><body><table><tr><td>姓名</td><td>入党时间</td></tr>"
                   "<tr><td>张三</td><td>2001-07-01</td></tr></table></body></html>", encoding="utf-8")
    code, out, err = run(capsys, "import", "roster", src, "--db", db)
    assert code == 2 and out == ""
    assert "其实是网页（HTML）格式" in err and "另存为“Excel工作簿（.xlsx）”" in err
    assert err.count("\n") == 1


def test_xlsx_without_header_is_refused(capsys, tmp_path, db):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["党费收缴情况"])
    ws.append(["月份", "金额", "经手人"])
    ws.append(["2025-01", 40, "张三"])
    wb.save(tmp_path / "党费.xlsx")
    code, out, err = run(capsys, "import", "roster", tmp_path / "党费.xlsx", "--db", db)
    assert code == 2 and "没有找到花名册的表头" in err
    with open_ledger(db) as led:
        assert led.count("members") == 0 and led.count("party_groups") == 0


@pytest.mark.parametrize("content, words", [
    (b"", "是空的"),
    (b"%PDF-1.7\n...", "是PDF文件"),
    (b"\x00\x01\x02binary\x00", "无法识别"),
])
def test_other_files_refused(tmp_path, content, words):
    src = tmp_path / "x.xlsx"
    src.write_bytes(content)
    with pytest.raises(LedgerError, match=words):
        read_roster(src)


def test_broken_and_foreign_zips_refused(tmp_path):
    good = write_messy_xlsx(tmp_path / "好.xlsx").read_bytes()
    (tmp_path / "断.xlsx").write_bytes(good[: len(good) // 2])
    with pytest.raises(LedgerError, match="已损坏"):
        read_roster(tmp_path / "断.xlsx")
    with zipfile.ZipFile(tmp_path / "文档.xlsx", "w") as z:
        z.writestr("word/document.xml", "<w:document/>")
    with pytest.raises(LedgerError, match="是Word文档，不是Excel表格"):
        read_roster(tmp_path / "文档.xlsx")
    with zipfile.ZipFile(tmp_path / "坏.xlsx", "w") as z:
        z.writestr("xl/workbook.xml", "<workbook>not really")
    with pytest.raises(LedgerError, match="无法作为Excel表格打开"):
        read_roster(tmp_path / "坏.xlsx")


def test_header_only_is_refused(tmp_path):
    src = write_csv(tmp_path / "空.csv", [["姓名", "身份证号", "入党时间"]], "utf-8")
    with pytest.raises(LedgerError, match="没有党员数据"):
        read_roster(src)


# ---- duplicates and atomicity ------------------------------------------------------------
def test_duplicates_in_file_and_in_ledger(capsys, tmp_path, db):
    with open_ledger(db) as led:
        led.insert("members", {"name": "老党员", "birth_date": "1950-01-01"})
    rows = [["姓名", "身份证号", "出生日期", "入党时间"],
            ["甲", make_id("19880101", "101"), "", "2010-01-01"],
            ["甲", make_id("19880101", "101"), "", "2010-01-01"],
            ["老党员", "", "1950-01-01", "1975-07-01"],
            ["乙", "", "1960-06-06", "1985-07-01"],
            ["乙", "", "1960-06-06", "1985-07-01"]]
    src = write_csv(tmp_path / "dup.csv", rows, "utf-8")
    code, out, err = run(capsys, "import", "roster", src, "--db", db)
    assert code == 3
    assert "第3行 甲：与第2行重复，未重复导入" in err
    assert "第4行 老党员：台账中已有同名且出生日期相同（1950-01-01）的人员，未重复导入" in err
    assert "第6行 乙：与第5行重复" in err
    with open_ledger(db) as led:
        assert sorted(m["name"] for m in led.rows("members")) == ["乙", "甲", "老党员"]

    code, out, err = run(capsys, "import", "roster", src, "--db", db)  # the same file again
    assert code == 3 and "已导入0人" in out
    assert "第2行 甲：台账中已有身份证号相同的党员“甲”，未重复导入" in err
    with open_ledger(db) as led:
        assert led.count("members") == 3 and led.count("development_steps") == 4


def test_ledger_changed_after_preview(tmp_path, ledger):
    src = write_csv(tmp_path / "a.csv", [["姓名", "身份证号", "入党时间"],
                                         ["甲", make_id("19880101", "101"), "2010-01-01"],
                                         ["乙", make_id("19880101", "201"), "2010-01-01"]], "utf-8")
    preview = read_roster(src, ledger)
    ledger.insert("members", {"name": "甲", "id_number": make_id("19880101", "101")})
    assert apply_roster(ledger, preview, backup=False) == 1
    assert preview.errors == [(2, "甲：台账中已有身份证号相同的党员“甲”，未重复导入")]
    assert [r["name"] for r in preview.rows] == ["乙"]


def test_unexpected_error_writes_nothing(tmp_path, ledger, monkeypatch):
    src = write_messy_xlsx(tmp_path / "花名册.xlsx")
    preview = read_roster(src, ledger)
    real_insert = type(ledger).insert
    calls = {"n": 0}

    def failing_insert(self, table, values):
        if table == "development_steps":
            calls["n"] += 1
            if calls["n"] == 5:
                raise LedgerError("磁盘已满")
        return real_insert(self, table, values)

    monkeypatch.setattr(type(ledger), "insert", failing_insert)
    with pytest.raises(LedgerError, match="第10行 孙八：磁盘已满。未导入任何数据"):
        apply_roster(ledger, preview, backup=False)
    monkeypatch.undo()
    assert ledger.count("members") == 0 and ledger.count("party_groups") == 0
    assert ledger.count("development_steps") == 0


# ---- the row rules -----------------------------------------------------------------------
def roster_of(tmp_path, header, *rows):
    return read_roster(write_csv(tmp_path / "r.csv", [header, *rows], "utf-8"))


@pytest.mark.parametrize("row, message", [
    (["甲", "1.10101E+17", "2001-07-01", ""], MSG_ID_AS_NUMBER),
    (["甲", "370102800101123", "2001-07-01", ""], "身份证号应为18位，现为15位"),
    (["甲", make_id("19880101", "101")[:-3] + "000", "2001-07-01", ""], "末三位为000"),
    (["甲", "37010219880101101", "2001-07-01", ""], "身份证号应为18位，现为17位"),
    (["甲", make_id("19880101", "101"), "2001-07-01", "2002-07-01"], "入党日期2001-07-01时未满18周岁"),
    (["甲", make_id("19700101", "101"), "2001-07-01", "2000-07-01"], "转正日期2000-07-01早于入党日期2001-07-01"),
    (["甲", make_id("19700101", "101"), "2001", ""], "只有年份"),
    (["甲", make_id("19700101", "101"), "去年", ""], "无法识别"),
    (["甲", make_id("19700101", "101"), (TODAY + _dt.timedelta(days=3)).isoformat(), ""], "晚于今天"),
    (["甲", make_id("19700101", "101"), "", ""], "未填写入党日期，也未注明人员类别"),
    (["", make_id("19700101", "101"), "2001-07-01", ""], "未填写姓名"),
    (["甲", make_id("19700101", "101"), "", "2002-07-01"], "填写了转正日期，请同时填写入党日期"),
    (["甲", make_id("19700101", "101"), "2001-07-01", "2002/2/30"], "转正日期“2002/2/30”不是有效的日期"),
    (["甲123", make_id("19700101", "101"), "2001-07-01", ""], "不像人名"),
])
def test_bad_rows(tmp_path, row, message):
    preview = roster_of(tmp_path, ["姓名", "身份证号", "入党时间", "转正时间"], row)
    assert preview.rows == [] and len(preview.errors) == 1
    assert preview.errors[0][0] == 2 and message in preview.errors[0][1]


@pytest.mark.parametrize("category, admitted, full, message", [
    ("预备党员", "2001-07-01", "2002-07-01", "人员类别为预备党员，却填写了转正日期"),
    ("正式党员", RECENT, "", "尚未满一年预备期，不能是正式党员"),
    ("正式党员", "", "", "正式党员请填写入党日期"),
    ("发展对象", "", "", "发展对象请填写确定为发展对象日期"),
    ("入党积极分子", "2001-07-01", "", "人员类别为入党积极分子，却填写了入党日期"),
    ("群众", "", "", "人员类别“群众”无法识别"),
])
def test_category_must_agree_with_dates(tmp_path, category, admitted, full, message):
    preview = roster_of(tmp_path, ["姓名", "身份证号", "入党时间", "转正时间", "人员类别"],
                        ["甲", make_id("19700101", "101"), admitted, full, category])
    assert preview.rows == [] and message in preview.errors[0][1]


def test_id_written_as_text_by_web_systems(tmp_path):
    preview = roster_of(tmp_path, ["姓名", "身份证号", "入党时间"],
                        ["甲", '="{}"'.format(make_id("19700101", "101")), "2001-07-01"],
                        ["乙", "'" + make_id("19700101", "201"), "2001-07-01"],
                        ["丙", " " + ID_X.lower() + " ", "2001-07-01"])
    assert preview.errors == []
    assert [r["id_number"] for r in preview.rows] == [
        make_id("19700101", "101"), make_id("19700101", "201"), ID_X]


def test_mht_saved_as_xls_is_refused(tmp_path):
    src = tmp_path / "花名册.xls"
    src.write_bytes(b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=x\r\n\r\n--x\r\n")
    with pytest.raises(LedgerError, match="网页（HTML）"):
        read_roster(src)


def test_gender_checked_against_id(tmp_path):
    preview = roster_of(tmp_path, ["姓名", "性别", "身份证号", "入党时间"],
                        ["甲", "女", make_id("19700101", "101"), "2001-07-01"],
                        ["乙", "", make_id("19700101", "102"), "2001-07-01"])
    assert preview.errors == [(2, "甲：性别“女”与身份证号（男）不一致，请核对")]
    assert preview.rows[0]["gender"] == "女"


def test_pre_member_pipeline(tmp_path):
    preview = roster_of(tmp_path, ["姓名", "申请入党时间", "确定为入党积极分子时间", "确定为发展对象时间", "人员类别"],
                        ["甲", "2023-01-05", "2023-04-01", "2024-05-01", "发展对象"],
                        ["乙", "2024-09-01", "", "", "入党申请人"])
    assert preview.errors == []
    jia, yi = preview.rows
    assert [s["step"] for s in jia["steps"]] == [1, 3, 7] and jia["category"] == "发展对象"
    assert [s["step"] for s in yi["steps"]] == [1] and yi["category"] == "入党申请人"


@pytest.mark.parametrize("value, expected", [
    ("2015/6/30", ("2015-06-30", "day")),
    ("2006年7月1日", ("2006-07-01", "day")),
    ("2006-7-1", ("2006-07-01", "day")),
    ("２００６．７．１", ("2006-07-01", "day")),
    ("2006-07-01 00:00:00", ("2006-07-01", "day")),
    ("2006-07-01T08:30:00.000", ("2006-07-01", "day")),
    ("20060701", ("2006-07-01", "day")),
    ("1980.05", ("1980-05-01", "month")),
    ("1980.5", ("1980-05-01", "month")),
    ("1980.10", ("1980-10-01", "month")),
    ("1980年5月", ("1980-05-01", "month")),
    (1980.05, ("1980-05-01", "month")),
    (1980.5, ("1980-05-01", "month")),
    (1980.12, ("1980-12-01", "month")),
    (198005, ("1980-05-01", "month")),
    (19800512, ("1980-05-12", "day")),
    (38000.0, ("2004-01-14", "day")),
    (38000.75, ("2004-01-14", "day")),
    (_dt.datetime(2006, 7, 1, 9, 30), ("2006-07-01", "day")),
    (_dt.date(2006, 7, 1), ("2006-07-01", "day")),
])
def test_date_forms(value, expected):
    iso, precision, problem = parse_date_cell(value, "入党日期")
    assert problem is None and (iso, precision) == expected


@pytest.mark.parametrize("value, words", [
    (1980.1, "无法确定是1980年1月还是10月"),
    ("2015-02-30", "不是有效的日期"),
    ("1980.13", "不是有效的日期"),
    ("1880-01-01", "早于1900年"),
    (True, "不是日期"),
    (float("nan"), "不是日期"),
    (-3.0, "无法识别"),
    (_dt.time(10, 30), "是时间而不是日期"),
])
def test_bad_date_forms(value, words):
    iso, _precision, problem = parse_date_cell(value, "入党日期")
    assert iso is None and words in problem


@pytest.mark.parametrize("text, key", [
    ("姓　名", "姓名"), (" 入党时间（年月） ", "入党时间"), ("*身份证号码", "身份证号码"),
    ("联系电话\n(手机)", "联系电话"), ("出生年月(yyyy.mm)", "出生年月"),
])
def test_normalize_header(text, key):
    assert normalize_header(text) == key


# ---- size ------------------------------------------------------------------------------------
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "伟芳娜敏静丽强磊军洋"


def test_two_thousand_rows(tmp_path, ledger):
    """The benchmark recorded in BENCHMARKS.md: 2 000 people, each with steps 15 and 23."""
    path = tmp_path / "big.xlsx"
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("花名册")
    ws.append(["某单位党委党员花名册（2 000人）"])
    ws.append(["序号", "姓名", "性别", "民族", "出生年月", "身份证号码", "学历", "入党时间", "转正时间",
               "联系电话", "工作岗位", "党小组", "人员类别", "备注"])
    for i in range(2000):
        birth = _dt.date(1960, 1, 1) + _dt.timedelta(days=i * 7)
        seq = f"{i % 1000:03d}"
        admitted = birth + _dt.timedelta(days=25 * 366)
        name = SURNAMES[i % 20] + GIVEN[i // 20 % 10] + GIVEN[i // 200]
        ws.append([i + 1, name, "男" if int(seq[-1]) % 2 else "女", "汉族", birth.strftime("%Y.%m"),
                   make_id(birth.strftime("%Y%m%d"), seq), "大学本科", admitted,
                   admitted + _dt.timedelta(days=366), f"139{i:08d}", "职员", f"第{i % 8 + 1}党小组",
                   "正式党员", ""])
    wb.save(path)
    t0 = time.perf_counter()
    preview = read_roster(path, ledger)
    t1 = time.perf_counter()
    ticks = []
    written = apply_roster(ledger, preview, progress=lambda done, total: ticks.append((done, total)))
    t2 = time.perf_counter()
    assert len(ticks) == 40 and ticks[-1] == (2000, 2000)
    print(f"roster import 2000 rows: read+check {t1 - t0:.2f} s, write {t2 - t1:.2f} s")
    assert preview.errors == [] and written == 2000
    assert ledger.count("members") == 2000 and ledger.count("development_steps") == 4000
    assert ledger.count("party_groups") == 8
    assert set(ledger.categories().values()) == {"正式党员"}
    assert t2 - t0 < 30  # measured about 2 s; a hang or a quadratic slip would show here
