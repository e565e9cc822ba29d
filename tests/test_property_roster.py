"""Property tests: random and broken spreadsheets thrown at the roster importer
(``ledger/roster.py``). Reading never crashes and never writes; a refusal is a
Chinese LedgerError; applying writes every good row or, on refusal, nothing."""

import csv
import io
import itertools
import re
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dangzhibu_desktop.ledger import LedgerError, open_ledger
from dangzhibu_desktop.ledger.schema import TABLES
from dangzhibu_desktop.ledger.validate import id_check_char

from dangzhibu_desktop.ledger import roster as roster_import

CJK = re.compile(r"[\u4e00-\u9fff]")
SETTINGS = settings(max_examples=120, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

HEADERS = ["姓名", "性别", "民族", "出生日期", "身份证号", "学历", "联系电话", "所在党小组", "人员类别",
           "入党日期", "转正日期", "申请入党日期", "备注", "流动党员", "缴费类别", "工作岗位", "序号", "乱七八糟"]


def _id_number(draw):
    year = draw(st.integers(1930, 2006))
    body = f"110105{year}{draw(st.integers(1, 12)):02d}{draw(st.integers(1, 28)):02d}{draw(st.integers(0, 999)):03d}"
    return body + (id_check_char(body) if draw(st.booleans()) else draw(st.sampled_from("0123456789X")))


cell_text = st.one_of(
    st.text(max_size=12),
    st.sampled_from(["王秀英", "张伟", "男", "女", "汉族", "大学本科", "正式党员", "预备党员", "入党积极分子",
                     "第一党小组", "是", "否", "在职", "离退休", "", " ", "—", "无"]),
    st.dates().map(str),
    st.dates().map(lambda d: d.strftime("%Y.%m")),
    st.dates().map(lambda d: f"{d.year}年{d.month}月{d.day}日"),
    st.integers(-10, 80000).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.from_regex(r"\A1[3-9][0-9]{9}\Z"),
)


_past = st.dates(__import__("datetime").date(1950, 1, 1), __import__("datetime").date(2024, 12, 31))
GOOD_CELLS = {
    "姓名": st.sampled_from(["张伟", "李娜", "王芳", "刘洋", "陈静", "杨帆", "赵磊", "黄敏"]),
    "性别": st.sampled_from(["男", "女"]),
    "民族": st.sampled_from(["汉族", "回族", "满族"]),
    "出生日期": _past.map(str),
    "学历": st.sampled_from(["大学本科", "研究生", "大学专科", "高中"]),
    "联系电话": st.from_regex(r"\A1[3-9][0-9]{9}\Z"),
    "所在党小组": st.sampled_from(["第一党小组", "第二党小组", ""]),
    "人员类别": st.sampled_from(["正式党员", "预备党员", "入党积极分子", "发展对象", "入党申请人"]),
    "入党日期": _past.map(str),
    "转正日期": _past.map(str),
    "申请入党日期": _past.map(lambda d: d.strftime("%Y.%m.%d")),
    "流动党员": st.sampled_from(["是", "否", ""]),
    "缴费类别": st.sampled_from(["在职", "离退休", "学生"]),
    "序号": st.integers(1, 99).map(str),
}


@st.composite
def roster_csv(draw):
    header = draw(st.lists(st.sampled_from(HEADERS), min_size=1, max_size=8, unique=True))
    if draw(st.integers(0, 4)):  # mostly a header the importer recognises
        key = draw(st.sampled_from(["入党日期", "人员类别"]))
        header = ["姓名", key] + [h for h in header if h not in ("姓名", key)]
    rows = []
    for _ in range(draw(st.integers(0, 6))):
        row = []
        for h in header:
            if draw(st.integers(0, 4)) == 0:  # one cell in five is noise
                row.append(draw(cell_text))
            elif h == "身份证号":
                row.append(_id_number(draw))
            else:
                row.append(draw(GOOD_CELLS.get(h, cell_text)))
        if draw(st.integers(0, 5)) == 0:
            row = row[: draw(st.integers(0, len(row)))] + draw(st.lists(cell_text, max_size=2))
        rows.append(row)
    title = [[draw(st.sampled_from(["党员花名册", "", "某某支部"]))]] if draw(st.booleans()) else []
    buf = io.StringIO()
    csv.writer(buf).writerows(title + [header] + rows)
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16"]))
    return buf.getvalue().encode(encoding, errors="replace")


garbage = st.one_of(
    st.binary(max_size=300),
    st.binary(max_size=300).map(lambda b: b"PK\x03\x04" + b),  # a broken xlsx
    st.binary(max_size=300).map(lambda b: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b),  # a broken xls
    st.text(max_size=200).map(lambda t: t.encode("utf-8")),
    st.just(b"<html><body><table><tr><td>\xe5\xa7\x93\xe5\x90\x8d</td></tr></table></body></html>"),
)


class Env:
    def __init__(self, root):
        self.root = root
        self.template = root / "base.sqlite"
        with open_ledger(self.template, create=True) as led:
            led.save_branch({"name": "第一党支部"})
            g = led.insert("party_groups", {"name": "第一党小组"})
            led.insert("members", {"name": "王秀英", "party_group_id": g, "id_number": "11010519491231002X"})
        self.n = itertools.count()

    def file(self, data: bytes, suffix: str) -> Path:
        path = self.root / f"r{next(self.n)}{suffix}"
        path.write_bytes(data)
        return path

    def ledger(self):
        path = self.root / f"l{next(self.n)}.sqlite"
        shutil.copyfile(self.template, path)
        return open_ledger(path, auto_backup=False)


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    return Env(tmp_path_factory.mktemp("rosterprop"))


def _snapshot(led):
    return {name: led.query(f"SELECT * FROM {name} ORDER BY id") for name in list(TABLES) + ["audit_log"]}


def _check_preview(preview):
    for row_no, message in preview.errors + preview.warnings:
        assert isinstance(row_no, int) and CJK.search(message), message
    for rec in preview.rows:
        assert rec["name"]


@SETTINGS
@given(st.one_of(roster_csv(), garbage), st.sampled_from([".csv", ".xlsx", ".xls", ".txt"]))
def test_read_roster_never_crashes_or_writes(env, data, suffix):
    path = env.file(data, suffix)
    with env.ledger() as led:
        before = _snapshot(led)
        try:
            preview = roster_import.read_roster(path, led)
        except LedgerError as exc:
            assert CJK.search(str(exc)), repr(exc)
        else:
            _check_preview(preview)
        assert _snapshot(led) == before


@SETTINGS
@given(roster_csv())
def test_apply_roster_all_good_rows_or_nothing(env, data):
    path = env.file(data, ".csv")
    with env.ledger() as led:
        try:
            preview = roster_import.read_roster(path, led)
        except LedgerError:
            return
        before = _snapshot(led)
        good = len(preview.rows)
        try:
            written = roster_import.apply_roster(led, preview, backup=False)
        except LedgerError as exc:
            assert CJK.search(str(exc))
            assert _snapshot(led) == before, "a refused roster import wrote rows"
            return
        assert led.count("members") == len(before["members"]) + written
        assert written <= good
        # Every member written has its 操作日志 entry.
        logged = led.scalar("SELECT COUNT(*) FROM audit_log WHERE table_name = 'members' AND action = '新增'")
        assert logged == sum(1 for e in before["audit_log"]
                             if e["table_name"] == "members" and e["action"] == "新增") + written
        assert led.scalar("PRAGMA integrity_check") == "ok"
        assert led.query("PRAGMA foreign_key_check") == []
