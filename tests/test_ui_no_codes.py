"""What the window shows is Chinese (issue 14): rule names, not ORG-FORM, in 创星评估; dates and
times as 2026年12月2日 01:29, not ISO stamps, in the 回收站 and the 操作日志; a 自评事项 by its name."""

from __future__ import annotations

import re

CODE = re.compile(r"\b[A-Z]{3,}-[A-Z-]{3,}\b")
ISO_STAMP = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")


def _texts(model):
    return [model.data(model.index(r, c)) or "" for r in range(model.rowCount()) for c in range(model.columnCount())]


def test_assessment_tree_names_rules_in_chinese(window):
    page = window.show_page("assessment")
    page.refresh()
    from dangzhibu_desktop.ui.app import wait_until_loaded

    assert wait_until_loaded(window, page, 60)
    texts = []
    for i in range(page.tree.topLevelItemCount()):
        top = page.tree.topLevelItem(i)
        texts += [top.child(j).text(0) for j in range(top.childCount())]
    assert texts and not [t for t in texts if CODE.search(t)], texts[:5]


def test_recycle_bin_and_audit_log_show_chinese_times_and_names(window):
    ledger = window.session.ledger
    year = window.session.today.year
    item = ledger.insert("checklist", {"rule_code": "SUP-VENUE", "year": year, "met": 1, "evidence": "活动室照片"})
    ledger.delete("checklist", item)
    page = window.show_page("settings")
    page.refresh()
    bin_texts = _texts(page.bin_model)
    audit_texts = _texts(page.audit_model)
    for texts in (bin_texts, audit_texts):
        assert not [t for t in texts if ISO_STAMP.search(t)]
        assert any(re.fullmatch(r"\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}", t) for t in texts)
        assert not [t for t in texts if CODE.search(t)], [t for t in texts if CODE.search(t)][:3]
    assert any("党员活动室" in t or "阵地" in t for t in bin_texts)
