"""No rule codes or ISO timestamps on screen: 创星评估 and 操作日志 name rules in Chinese, the
回收站 and 操作日志 show times as 2026年12月2日 01:29 (the codes stay in the JSON and the CLI)."""

import re
import sys
from pathlib import Path

from PySide6.QtCore import Qt

sys.path.insert(0, str(Path(__file__).parent))

from dangzhibu_desktop.rules import load_rule_set  # noqa: E402
from dangzhibu_desktop.ui.app import wait_until_loaded  # noqa: E402
from dangzhibu_desktop.ui.models import datetime_text as format_stamp  # noqa: E402

CODE = re.compile(r"\b[A-Z]{2,}-[A-Z][A-Z-]*\b")  # ORG-FORM, TEAM-DEV-INTRODUCERS
ISO_STAMP = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")


def test_format_stamp():
    assert format_stamp("2026-12-02T01:29:01") == "2026年12月2日 01:29"
    assert format_stamp("不是时间") == "不是时间"


def shown(model, column=None):
    cols = range(model.columnCount()) if column is None else [column]
    return [str(model.index(r, c).data(Qt.ItemDataRole.DisplayRole) or "")
            for r in range(model.rowCount()) for c in cols]


def test_the_assessment_tree_names_rules_in_chinese(qtbot, window):
    page = window.show_page("assessment")
    assert wait_until_loaded(window, page)
    texts = []
    for i in range(page.tree.topLevelItemCount()):
        top = page.tree.topLevelItem(i)
        texts += [top.child(j).text(0) for j in range(top.childCount())]
    names = {r.name for b in load_rule_set().basics for r in b.rules}
    assert texts and all(t in names for t in texts), texts[:5]
    assert not [t for t in texts if CODE.search(t)]


def test_the_log_and_the_recycle_bin_show_chinese(qtbot, window):
    ledger = window.ledger
    rule = load_rule_set().basics[0].rules[0]
    cid = ledger.insert("checklist", {"rule_code": rule.code, "year": window.page("dashboard").year(), "met": 1})
    ledger.delete("checklist", cid)
    page = window.show_page("settings")
    page.refresh()
    assert wait_until_loaded(window, page)
    log = shown(page.audit_model)
    binned = shown(page.bin_model)
    assert any(rule.name in t for t in log) and any(rule.name in t for t in binned)
    for text in log + binned:
        assert not CODE.search(text), text
        assert not ISO_STAMP.search(text), text
    stamp = ledger.get("checklist", cid, include_deleted=True)["deleted_at"]
    assert format_stamp(stamp) in binned
