"""The 2 000-row roster import benchmark recorded in BENCHMARKS.md ("roster import").

Run from the checkout: ``python tests/data/roster/bench_roster.py`` (the .xls case needs xlwt on
PYTHONPATH and is skipped without it). Prints one line per file type, medians of 3 runs.
"""

import csv
import datetime as dt
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import openpyxl

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

from dangzhibu_desktop.ledger.roster import apply_roster, read_roster  # noqa: E402
from dangzhibu_desktop.ledger import open_ledger  # noqa: E402
from dangzhibu_desktop.ledger.validate import id_check_char  # noqa: E402

HEAD = ["序号", "姓 名", "性别", "民族", "出生年月", "公民身份号码", "文化程度", "入党时间", "转正时间",
        "手机号码", "职务", "所在党小组", "人员类别", "备注"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "伟芳娜敏静丽强磊军洋"


def people(offset: int, n: int = 2000) -> list[list]:
    rows = []
    for i in range(offset, offset + n):
        birth = dt.date(1950, 1, 1) + dt.timedelta(days=i * 3)
        first17 = "370102" + birth.strftime("%Y%m%d") + f"{i % 1000:03d}"
        admitted = birth + dt.timedelta(days=25 * 366)
        name = SURNAMES[i % 20] + GIVEN[i // 20 % 10] + GIVEN[i // 200 % 10] + GIVEN[i // 2000]
        rows.append([i + 1, name, "男" if int(first17[-1]) % 2 else "女", "汉", birth.strftime("%Y.%m"),
                     first17 + id_check_char(first17), "本科", admitted,
                     (admitted + dt.timedelta(days=366)).strftime("%Y/%m/%d"), f"139{i:08d}", "职员",
                     f"第{i % 8 + 1}党小组", "正式党员", ""])
    return rows


def write(folder: Path, tag: str, rows: list[list]) -> list[str]:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["XX党委党员花名册"])
    ws.append([])
    ws.append(HEAD)
    for r in rows:
        ws.append(r)
    wb.save(folder / f"{tag}.xlsx")
    with open(folder / f"{tag}.csv", "w", encoding="gbk", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(HEAD)
        w.writerows([c.isoformat() if isinstance(c, dt.date) else c for c in r] for r in rows)
    kinds = ["xlsx", "csv"]
    try:
        import xlwt
    except ImportError:
        return kinds
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("花名册")
    date_style = xlwt.easyxf(num_format_str="yyyy-mm-dd")
    for j, h in enumerate(HEAD):
        sheet.write(0, j, h)
    for i, r in enumerate(rows, 1):
        for j, c in enumerate(r):
            if isinstance(c, dt.date):
                sheet.write(i, j, c, date_style)
            else:
                sheet.write(i, j, c)
    book.save(str(folder / f"{tag}.xls"))
    return kinds + ["xls"]


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="roster-bench-"))
    try:
        kinds = write(folder, "a", people(0))
        write(folder, "b", people(2000))
        for ext in kinds:
            reads, writes, seconds = [], [], []
            for run in range(3):
                db = folder / f"{ext}{run}.sqlite"
                with open_ledger(db, create=True) as led:
                    t0 = time.perf_counter()
                    preview = read_roster(folder / f"a.{ext}", led)
                    t1 = time.perf_counter()
                    assert apply_roster(led, preview) == 2000, preview.errors[:3]
                    t2 = time.perf_counter()
                    assert apply_roster(led, read_roster(folder / f"b.{ext}", led)) == 2000
                    t3 = time.perf_counter()
                reads.append(t1 - t0)
                writes.append(t2 - t1)
                seconds.append(t3 - t2)
            size = os.path.getsize(folder / f"a.{ext}") // 1024
            print(f"{ext}: {size} KiB, read+check {statistics.median(reads):.2f} s, "
                  f"write into empty ledger {statistics.median(writes):.2f} s, "
                  f"next 2000 into 2000 {statistics.median(seconds):.2f} s")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
