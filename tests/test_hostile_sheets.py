"""Hostile spreadsheets are refused, never fatal: sheet dimensions, cell count, uncompressed
size and compression ratio are checked before calamine parses anything; damaged archives say
so; names that look like formulas are refused with their row; no .xlsx export holds a live
formula."""

import io
import re
import subprocess
import sys
import zipfile

import pytest
from openpyxl import Workbook, load_workbook

from dangzhibu_desktop.cli import main
from dangzhibu_desktop.exports import export_document
from dangzhibu_desktop.ledger import open_ledger, sheet_limits
from dangzhibu_desktop.ledger.roster import read_roster
from dangzhibu_desktop.ledger.validate import LedgerError

FORMULA = '=HYPERLINK("http://x.cn","张三")'


def roster_xlsx(path, extra=None):
    wb = Workbook()
    ws = wb.active
    ws.append(["姓名", "性别", "民族", "入党日期"])
    ws.append(["王秀英", "女", "汉族", "2010-07-01"])
    ws.append(["张伟", "男", "汉族", "2012-07-01"])
    if extra:
        ws[extra] = "x"
    wb.save(path)
    return path


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "台账.sqlite"
    with open_ledger(path, create=True) as led:
        led.save_branch({"name": "第一党支部"})
    return path


def test_far_cell_is_refused_before_parsing_in_a_separate_process(tmp_path, db):
    """The reproducer: one value in XFD1048576 aborted the process (exit 134)."""
    bad = roster_xlsx(tmp_path / "名册.xlsx", "XFD1048576")
    done = subprocess.run([sys.executable, "-m", "dangzhibu_desktop.cli", "import", "roster", str(bad), "--db", str(db)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2, done.stderr
    assert "从A1到XFD1048576" in done.stderr and "新的工作簿" in done.stderr and "Traceback" not in done.stderr


@pytest.mark.parametrize("cell, ok", [("Z500", True), ("ALL3", True), ("A1048576", True), ("XFD3", True),
                                      ("CV50001", False), ("ZZ10000", False), ("XFD1048576", False)])
def test_dimension_limits(tmp_path, cell, ok):
    path = roster_xlsx(tmp_path / "名册.xlsx", cell)
    if ok:
        assert [r["name"] for r in read_roster(path).rows] == ["王秀英", "张伟"]
    else:
        with pytest.raises(LedgerError, match=f"从A1到{cell}的单元格.*远超花名册的大小"):
            read_roster(path)


def _bomb(path, size):
    good = io.BytesIO()
    roster_xlsx(good)
    src = zipfile.ZipFile(io.BytesIO(good.getvalue()))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            out.writestr(info.filename, src.read(info))
        out.writestr("xl/media/padding.xml", b" " * size)
    return path


def test_zip_bomb_is_refused_without_unpacking(tmp_path, db, capsys):
    path = _bomb(tmp_path / "名册.xlsx", 30 * 1024 * 1024)
    assert path.stat().st_size < 1024 * 1024
    with pytest.raises(LedgerError, match="恶意构造的压缩文件"):
        read_roster(path)
    code, _out, err = run(capsys, "import", "roster", path, "--db", db)
    assert code == 2 and "为保护电脑未导入" in err


def test_too_much_when_unpacked(tmp_path, monkeypatch):
    monkeypatch.setattr(sheet_limits, "MAX_UNPACKED_BYTES", 2 * 1024 * 1024)
    monkeypatch.setattr(sheet_limits, "MAX_RATIO", 10 ** 9)
    with pytest.raises(LedgerError, match="解压后会超过2 MB"):
        read_roster(_bomb(tmp_path / "名册.xlsx", 3 * 1024 * 1024))


def test_file_too_large(tmp_path, monkeypatch):
    monkeypatch.setattr(sheet_limits, "MAX_FILE_BYTES", 1000)
    path = tmp_path / "名册.csv"
    path.write_text("姓名,性别\n" + "张伟,男\n" * 500, encoding="utf-8")
    with pytest.raises(LedgerError, match="超过花名册文件的上限"):
        read_roster(path)


def _damaged(tmp_path, where):
    good = roster_xlsx(tmp_path / "good.xlsx").read_bytes()
    data = bytearray(good)
    if where == "truncated":
        data = data[: len(data) // 2]
    elif where == "local-header":
        data[30:34] = b"\xff\xff\xff\xff"  # the first part's name bytes / extra length
        data[26:30] = b"\xff\xff\xff\xff"
    elif where == "deflate":
        k = good.index(b"PK\x03\x04", 10)
        data[k + 40:k + 60] = bytes(20)
    elif where == "central-directory":
        k = good.rindex(b"PK\x01\x02")
        data[k + 20:k + 28] = b"\xff" * 8
    path = tmp_path / f"{where}.xlsx"
    path.write_bytes(bytes(data))
    return path


@pytest.mark.parametrize("where", ["truncated", "local-header", "deflate", "central-directory"])
def test_damaged_zip_exits_2(tmp_path, db, capsys, where):
    path = _damaged(tmp_path, where)
    code, _out, err = run(capsys, "import", "roster", path, "--db", db)
    assert code == 2, err
    assert err.strip() and "意外错误" not in err and "Traceback" not in err


@pytest.mark.parametrize("name", [FORMULA, "+张三", "-张三", "@张三", "=1+1"])
def test_formula_looking_names_are_refused_with_their_row(tmp_path, db, capsys, name):
    path = tmp_path / "名册.csv"
    quoted = '"' + name.replace('"', '""') + '"'
    path.write_bytes(f"姓名,性别,入党日期\n王秀英,女,2010-07-01\n{quoted},男,2012-07-01\n".encode("gbk"))
    code, out, err = run(capsys, "import", "roster", path, "--db", db)
    assert code == 3
    assert "第3行" in err and "像是表格公式" in err
    with open_ledger(db, readonly=True) as led:
        assert [m["name"] for m in led.rows("members")] == ["王秀英"]


def test_control_character_in_a_csv_name_is_not_stored(tmp_path, db, capsys):
    path = tmp_path / "名册.csv"
    path.write_bytes("姓名,性别,入党日期\n王秀\x07英,女,2010-07-01\n".encode("utf-8"))
    code, _out, _err = run(capsys, "import", "roster", path, "--db", db)
    assert code == 0
    with open_ledger(db, readonly=True) as led:
        assert [m["name"] for m in led.rows("members")] == ["王秀英"]


@pytest.mark.parametrize("kind", ["roster", "volunteer", "dues"])
def test_no_xlsx_export_holds_a_live_formula(tmp_path, kind):
    path = tmp_path / "台账.sqlite"
    with open_ledger(path, create=True) as led:
        led.save_branch({"name": "=第一党支部"})
        m = led.insert("members", {"name": FORMULA, "work_post": "+管理岗", "notes": "@备注"})
        led.insert("development_steps", {"member_id": m, "step": 1, "date": "2020-01-02"})
        for step, day in ((6, "2020-08-01"), (10, "2021-09-01"), (18, "2021-10-01"), (23, "2022-10-01")):
            led.insert("development_steps", {"member_id": m, "step": step, "date": day})
        act = led.insert("volunteer_activities", {"date": "2025-03-01", "title": "-义务植树", "place": "=A1"})
        led.insert("volunteer_hours", {"activity_id": act, "member_id": m, "hours": 20})
        led.insert("dues", {"member_id": m, "month": "2025-01", "amount_due": 2400})
        out = tmp_path / f"{kind}.xlsx"
        export_document(kind, led, 2025, out)
    wb = load_workbook(out)
    cells = [c for ws in wb for row in ws.iter_rows() for c in row if c.value is not None]
    # The only live formulas are the writer's own totals over cell ranges (no stored text in them).
    own = r"=(SUM|COUNTA)\([A-Z]+\d+:[A-Z]+\d+\)|=MAX\([A-Z]+\d+-[A-Z]+\d+,0\)"
    assert not [(c.coordinate, c.value) for c in cells if c.data_type == "f" and not re.fullmatch(own, c.value)]
    risky = [c for c in cells if c.data_type != "f" and isinstance(c.value, str) and c.value[:1] in "=+-@"]
    assert risky and all(c.data_type == "s" and c.quotePrefix for c in risky)
    if kind in ("roster", "volunteer", "dues"):
        assert any(c.value == FORMULA for c in cells)
