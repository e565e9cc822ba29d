"""Person pickers offer only 党员 where only 党员 may serve (issue 14, item 9): a 党小组组长 and a
支委 are 正式党员 or 预备党员 on the books — not an 入党积极分子 or an applicant — while a person
already named on the record stays choosable."""

from __future__ import annotations

import datetime as _dt

from dangzhibu_desktop.ui import dialogs as D


def _people(ledger):
    def person(name, *steps):
        mid = ledger.insert("members", {"name": name})
        for step, day in steps:
            ledger.insert("development_steps", {"member_id": mid, "step": step, "date": day})
        return mid

    year = _dt.date.today().year
    return {"正式": person("王正式", (15, "2000-07-01"), (23, "2001-07-01")),
            "预备": person("李预备", (15, f"{year - 1}-12-01")),
            "积极分子": person("赵积极", (3, f"{year - 1}-03-01")),
            "申请人": person("钱申请", (1, f"{year - 1}-01-10"))}


def _choices(combo):
    return {combo.itemData(i) for i in range(combo.count()) if combo.itemData(i)}


def test_group_leader_and_committee_pickers_offer_party_members_only(qtbot, ledger):
    ids = _people(ledger)
    party = {ids["正式"], ids["预备"]}
    group = D.PartyGroupDialog(ledger)
    qtbot.addWidget(group)
    assert _choices(group.ui.leaderCombo) == party
    role = D.CommitteeRoleDialog(ledger)
    qtbot.addWidget(role)
    assert _choices(role.ui.memberCombo) == party
    # The meeting's attendance and the 整改 责任人 still list everyone on the books.
    owner = D.RectificationDialog(ledger)
    qtbot.addWidget(owner)
    assert set(ids.values()) <= _choices(owner.ui.ownerCombo)


def test_a_leader_already_named_stays_choosable(qtbot, ledger):
    ids = _people(ledger)
    gid = ledger.insert("party_groups", {"name": "第一党小组", "leader_id": ids["积极分子"]})
    dlg = D.PartyGroupDialog(ledger, gid)
    qtbot.addWidget(dlg)
    assert ids["积极分子"] in _choices(dlg.ui.leaderCombo)
    assert ids["申请人"] not in _choices(dlg.ui.leaderCombo)
