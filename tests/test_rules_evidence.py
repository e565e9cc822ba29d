"""佐证材料 in the rules: the default rule set asks for proof of every 自评 item answered 已落实
(not of meetings); a rule set can ask for it per meeting kind. Without it: 预警 缺少佐证材料."""

import json

import pytest

from dangzhibu_desktop.ledger import LedgerError
from dangzhibu_desktop.ledger import attachments as att
from dangzhibu_desktop.rules import evaluate, load_rule_set
from dangzhibu_desktop.rules.ruleset import default_rule_set_path, parse_rule_set
from tests.attachment_files import add_proof
from tests.rules_support import D, compliant_branch, rule


def _rule_set(**evidence):
    doc = json.loads(default_rule_set_path().read_text("utf-8"))
    doc["evidence"] = evidence
    return parse_rule_set(doc)


def test_default_asks_proof_for_checklist_items_only():
    rs = load_rule_set()
    assert rs.evidence == {"checklist": True, "meetings": {}}


def test_ticked_item_without_proof_is_a_warning_with_the_action(ledger):
    row = ledger.insert("checklist", {"rule_code": "SUP-VENUE", "year": 2025, "met": 1, "evidence": "党员活动室"})
    r = rule(ledger, "SUP-VENUE", as_of=D(2025, 10, 1))
    assert r.status == "预警" and r.message.startswith("缺少佐证材料")
    assert "自评事项" in r.advice and "添加…" in r.advice
    assert r.fix is not None and r.fix.actions and "添加佐证材料" in r.fix.actions[0]
    pid = add_proof(ledger, "checklist", row)
    assert rule(ledger, "SUP-VENUE").status == "达标"
    att.remove(ledger, pid)  # proof in the 回收站 proves nothing
    assert rule(ledger, "SUP-VENUE").status == "预警"


def test_unticked_item_stays_failed_not_warned(ledger):
    ledger.insert("checklist", {"rule_code": "SUP-VENUE", "year": 2025, "met": 0})
    assert rule(ledger, "SUP-VENUE").status == "未达标"


def test_one_docs_item_without_proof_warns_the_whole_rule(ledger):
    report = None
    compliant_branch(ledger)
    assert evaluate(ledger, 2025, D(2025, 12, 31)).rule("SYS-DOCS").status == "达标"
    doc_row = ledger.rows("checklist", "rule_code = 'SYS-DOCS'")[0]
    for a in att.attachments_of(ledger, "checklist", doc_row["id"]):
        att.remove(ledger, a["id"])
    report = evaluate(ledger, 2025, D(2025, 12, 31))
    r = report.rule("SYS-DOCS")
    assert r.status == "预警" and "缺少佐证材料" in r.message
    assert report.score < 100


def test_meetings_need_proof_when_the_rule_set_says_so(ledger, tmp_path):
    compliant_branch(ledger)
    assert rule(ledger, "ACT-THEME-DAY").status == "达标"  # default: meetings need none
    rs = _rule_set(checklist=True, meetings={"主题党日": ["照片"]})
    r = rule(ledger, "ACT-THEME-DAY", rule_set=rs)
    days = ledger.rows("meetings", "kind = '主题党日' AND date LIKE '2025-%'", order_by="date")
    assert r.status == "预警" and f"等{len(days)}处" in r.message
    assert f"{days[0]['date']}主题党日没有照片" in r.evidence
    assert rule(ledger, "ACT-CONGRESS", rule_set=rs).status == "达标"  # other kinds untouched
    for m in days[:-1]:
        add_proof(ledger, "meetings", m["id"])
    add_proof(ledger, "meetings", days[-1]["id"], kind="签到表")  # not a 照片
    r = rule(ledger, "ACT-THEME-DAY", rule_set=rs)
    assert r.status == "预警" and r.evidence[-1] == f"{days[-1]['date']}主题党日没有照片"
    add_proof(ledger, "meetings", days[-1]["id"])
    assert rule(ledger, "ACT-THEME-DAY", rule_set=rs).status == "达标"
    # Any kind at all when the list is empty; meetings after the as-of day are not judged yet.
    any_kind = _rule_set(checklist=False, meetings={"支部党员大会": []})
    congress = ledger.rows("meetings", "kind = '支部党员大会' AND date LIKE '2025-%'", order_by="date")
    assert rule(ledger, "ACT-CONGRESS", rule_set=any_kind, as_of=D(2025, 12, 31)).status == "预警"
    for m in congress:
        add_proof(ledger, "meetings", m["id"], kind="签到表")
    assert rule(ledger, "ACT-CONGRESS", rule_set=any_kind).status == "达标"


@pytest.mark.parametrize("evidence, words", [
    ({"meetings": {"茶话会": []}}, "会议类型“茶话会”不存在"),
    ({"meetings": {"主题党日": ["录像"]}}, "材料类别"),
    ({"meetings": ["主题党日"]}, "evidence.meetings"),
])
def test_bad_evidence_section_refused(evidence, words):
    with pytest.raises(LedgerError, match=words):
        _rule_set(**evidence)
