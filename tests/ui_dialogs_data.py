"""A small branch for the editor tests: two 党小组, four party members, one activist."""

from __future__ import annotations


def valid_id(first17: str) -> str:
    from dangzhibu_desktop.ledger.validate import id_check_char

    return first17 + id_check_char(first17)


def build_branch(ledger) -> dict:
    """Fill ``ledger``; returns ids by name (members) plus 'g1'/'g2' for the groups."""
    ids: dict = {}
    ledger.save_branch({"name": "第一党支部", "parent_org": "机关党委", "committee_elected_on": "2023-06-01"})
    ids["g1"] = ledger.insert("party_groups", {"name": "第一党小组"})
    ids["g2"] = ledger.insert("party_groups", {"name": "第二党小组"})
    people = [
        ("张伟", "g1", [(1, "2010-03-01"), (15, "2012-06-01"), (23, "2013-06-01")]),
        ("李娜", "g1", [(1, "2011-03-01"), (15, "2013-06-01"), (23, "2014-06-01")]),
        ("王强", "g2", [(1, "2012-03-01"), (15, "2014-06-01"), (23, "2015-06-01")]),
        ("赵敏", "g2", [(1, "2022-03-01"), (15, "2024-09-01")]),
        ("刘洋", "g1", [(1, "2023-03-01"), (3, "2023-09-01")]),
    ]
    with ledger.transaction():
        for name, group, steps in people:
            mid = ledger.insert("members", {"name": name, "party_group_id": ids[group]})
            ids[name] = mid
            for step, date in steps:
                ledger.insert("development_steps", {"member_id": mid, "step": step, "date": date})
    return ids
