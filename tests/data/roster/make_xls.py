"""Writes roster.xls (a real BIFF8 workbook) for tests/test_roster_import.py.

openpyxl cannot write .xls, so the file is committed; regenerate it with
``PYTHONPATH=<dir with xlwt> python tests/data/roster/make_xls.py`` (xlwt is not a dependency).
"""

import datetime as dt
from pathlib import Path

import xlwt

from dangzhibu_desktop.ledger.validate import id_check_char


def make_id(first17: str) -> str:
    return first17 + id_check_char(first17)


def main() -> None:
    book = xlwt.Workbook(encoding="utf-8")
    ws = book.add_sheet("党员名册")
    date_style = xlwt.easyxf(num_format_str="yyyy-mm-dd")
    ws.write_merge(0, 0, 0, 6, "第二党支部党员名册")
    for col, text in enumerate(["姓 名", "身份证号", "入党日期", "转正日期", "手机号码", "党小组", "人员类别"]):
        ws.write(2, col, text)
    ws.write(3, 0, "刘一")
    ws.write(3, 1, make_id("11010519780303011"))
    ws.write(3, 2, dt.date(2008, 7, 1), date_style)
    ws.write(3, 3, dt.date(2009, 7, 1), date_style)
    ws.write(3, 4, 13700001234)
    ws.write(3, 5, "机关党小组")
    ws.write(3, 6, "正式党员")
    ws.write(4, 0, "陈二")
    ws.write(4, 1, make_id("11010519960606022"))
    ws.write(4, 2, dt.date(2025, 9, 1), date_style)
    ws.write(4, 5, "机关党小组")
    ws.write(4, 6, "预备党员")
    ws.write(5, 0, "杨三")
    ws.write(5, 1, float(make_id("11010519800808031")))  # what Excel keeps of a typed number
    ws.write(5, 2, dt.date(2003, 7, 1), date_style)
    ws.write(5, 6, "正式党员")
    book.save(str(Path(__file__).with_name("roster.xls")))


if __name__ == "__main__":
    main()
