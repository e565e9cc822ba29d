"""Deleting a 党小组 that still has people says how many, and what becomes of them.

The ledger keeps members.party_group_id when the group goes to the 回收站; every list, rule and
export reads only groups outside it, so the people are in no group until the group is restored.
"""

import datetime as _dt
import json
import sqlite3
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

sys.path.insert(0, str(Path(__file__).parent))

from ui_dialogs_data import build_branch  # noqa: E402

from dangzhibu_desktop.exports import export_document  # noqa: E402
from dangzhibu_desktop.paths import resource_path  # noqa: E402
from dangzhibu_desktop.rules import evaluate  # noqa: E402
from dangzhibu_desktop.ui.pages.lists import GroupsList  # noqa: E402
from dangzhibu_desktop.ui.session import Session  # noqa: E402

TODAY = _dt.date(2025, 6, 1)


@pytest.fixture
def page(qtbot, ledger):
    ids = build_branch(ledger)  # 第一党小组: 张伟 李娜 (党员) 刘洋 (积极分子); 第二: 王强 赵敏
    # Not counted: someone in the 回收站 and someone who moved away.
    gone = ledger.insert("members", {"name": "钱进", "party_group_id": ids["g1"]})
    ledger.delete("members", gone)
    ledger.insert("members", {"name": "孙涛", "party_group_id": ids["g1"], "status": "转出",
                              "left_on": "2024-12-31"})
    ids["g3"] = ledger.insert("party_groups", {"name": "第三党小组"})
    session = Session(ledger)
    session.today = TODAY
    view = GroupsList(session)
    qtbot.addWidget(view)
    view.show()
    view.refresh()
    view.ids = ids
    return view


@pytest.fixture
def asked(monkeypatch):
    log = []

    def question(parent, title, text, *args, **kwargs):
        log.append(text)
        return log.answers.pop(0)

    log = type("Asked", (list,), {})()
    log.answers = []
    monkeypatch.setattr(QMessageBox, "question", question)
    return log


def delete(qtbot, page, gid):
    assert page.select_id(gid)
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)


def on_disk(path, sql, params=()):
    conn = sqlite3.connect(str(path))
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def test_the_question_says_how_many_people_lose_their_group(qtbot, page, ledger, ledger_path, asked):
    g1 = page.ids["g1"]
    asked.answers = [QMessageBox.No]
    delete(qtbot, page, g1)
    assert "第一党小组现有党员2名、入党申请人、积极分子等1名，删除后他们将不属于任何党小组" in asked[0]
    assert "从回收站恢复该党小组可恢复原分组" in asked[0]
    assert on_disk(ledger_path, "SELECT deleted_at FROM party_groups WHERE id = ?", (g1,)) == [(None,)]

    asked.answers = [QMessageBox.Yes]
    delete(qtbot, page, g1)
    assert on_disk(ledger_path, "SELECT deleted_at IS NOT NULL FROM party_groups WHERE id = ?", (g1,)) == [(1,)]
    # What the message says is what the application then shows: no group.
    roster = load_workbook(export_document("roster", ledger, 2025, ledger_path.parent / "名册.xlsx"))
    rows = [[c.value for c in r] for r in roster.worksheets[0].iter_rows() if r[1].value in ("姓名", "张伟")]
    assert rows[1][rows[0].index("所在党小组")] in (None, "")
    rules = json.loads(resource_path("rules/default.json").read_text("utf-8"))
    spec = next(r for b in rules["basics"] for r in b["rules"] if r["code"] == "ORG-GROUPS")
    spec["params"]["min_members"] = 2  # judge groups in this small branch too
    (ledger_path.parent / "rules.json").write_text(json.dumps(rules, ensure_ascii=False), "utf-8")
    report = evaluate(ledger, 2025, TODAY, str(ledger_path.parent / "rules.json")).to_dict()
    org = next(r for b in report["basics"] for r in b["rules"] if r["code"] == "ORG-GROUPS")
    assert org["status"] == "未达标" and "张伟、李娜" in " ".join(org["evidence"])
    assert "王强" not in " ".join(org["evidence"])  # still in 第二党小组

    # Restored from the 回收站: the same people are in it again.
    ledger.restore("party_groups", g1)
    page.refresh()
    assert page.select_id(g1)
    row = next(r for r in page.model.all_rows() if r["id"] == g1)
    assert row["persons"] == 2  # 张伟 李娜: the 积极分子 刘洋 is in the group but no 在册党员


def test_a_second_group_and_an_empty_one(qtbot, page, asked):
    asked.answers = [QMessageBox.No, QMessageBox.No]
    delete(qtbot, page, page.ids["g2"])
    assert "第二党小组现有党员2名，删除后他们将不属于任何党小组" in asked[0]
    delete(qtbot, page, page.ids["g3"])
    assert "删除后" not in asked[1] and "第三党小组" in asked[1]
