"""When a 党小组 existed (schema v2 party_groups.established_on / dissolved_on): the store's order
check, the group editor typed into, the 党小组 page and the data package (ACT-GROUP judging only
those months: test_rules_v2_fields)."""

import json
import sqlite3
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox

sys.path.insert(0, str(Path(__file__).parent))


from dangzhibu_desktop.ledger import open_ledger  # noqa: E402
from dangzhibu_desktop.ledger.package import PackageError, export_package, import_package  # noqa: E402
from dangzhibu_desktop.ledger.validate import ValidationError  # noqa: E402
from dangzhibu_desktop.ui import dialogs as D  # noqa: E402


# ---- the store ------------------------------------------------------------------------
def test_dissolved_not_before_established(ledger):
    with pytest.raises(ValidationError) as exc:
        ledger.insert("party_groups", {"name": "第三党小组", "established_on": "2025-05-01", "dissolved_on": "2025-04-30"})
    assert str(exc.value) == "撤销日期不能早于成立日期"
    gid = ledger.insert("party_groups", {"name": "第三党小组", "established_on": "2025-05-01",
                                         "dissolved_on": "2025-05-01"})  # the same day: allowed
    with pytest.raises(ValidationError, match="撤销日期不能早于成立日期"):
        ledger.update("party_groups", gid, {"established_on": "2025-05-02"})
    assert ledger.get("party_groups", ledger.insert("party_groups", {"name": "第四党小组"}))["established_on"] is None


# ---- the group editor -----------------------------------------------------------------
@pytest.fixture(autouse=True)
def _never_block_on_close(monkeypatch):
    monkeypatch.setattr(D.RecordDialog, "ask_unsaved", lambda self: QMessageBox.StandardButton.Discard)


def _save(qtbot, dlg):
    qtbot.mouseClick(dlg.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)


def _dates(path, gid):
    con = sqlite3.connect(str(path))
    try:
        return con.execute("SELECT established_on, dissolved_on FROM party_groups WHERE id = ?", (gid,)).fetchone()
    finally:
        con.close()


def test_editor_types_the_dates_and_leaves_an_unknown_one_empty(qtbot, ledger, ledger_path):
    dlg = D.PartyGroupDialog(ledger)
    qtbot.addWidget(dlg)
    dlg.show()
    assert dlg.ui.establishedEdit.text() == "" and dlg.ui.dissolvedEdit.text() == ""
    qtbot.keyClicks(dlg.ui.nameEdit, "Group 3")
    qtbot.keyClicks(dlg.ui.establishedEdit, "2025-04-15")
    _save(qtbot, dlg)
    assert dlg.result() == QDialog.DialogCode.Accepted, dlg.ui.errorLabel.text()
    gid = dlg.saved_id
    assert _dates(ledger_path, gid) == ("2025-04-15", None)

    again = D.PartyGroupDialog(ledger, gid)
    qtbot.addWidget(again)
    again.show()
    assert again.ui.establishedEdit.text() == "2025-04-15" and again.ui.dissolvedEdit.text() == ""
    qtbot.keyClicks(again.ui.dissolvedEdit, "2025-03-01")
    _save(qtbot, again)
    assert again.isVisible() and again.ui.errorLabel.text() == "撤销日期不能早于成立日期"
    assert again.ui.dissolvedEdit.property("invalid") is True
    assert _dates(ledger_path, gid) == ("2025-04-15", None)
    again.ui.dissolvedEdit.clear()
    qtbot.keyClicks(again.ui.dissolvedEdit, "2025-10-31")
    _save(qtbot, again)
    assert again.result() == QDialog.DialogCode.Accepted
    assert _dates(ledger_path, gid) == ("2025-04-15", "2025-10-31")


# ---- the data package -----------------------------------------------------------------
def test_package_carries_the_dates_both_ways(ledger, tmp_path):
    gid = ledger.insert("party_groups", {"name": "第一党小组", "established_on": "2025-04-15",
                                         "dissolved_on": "2025-10-31"})
    ledger.insert("party_groups", {"name": "第二党小组"})
    doc = export_package(ledger)
    row = next(g for g in doc["party_groups"] if g["id"] == gid)
    assert (row["established_on"], row["dissolved_on"]) == ("2025-04-15", "2025-10-31")
    with open_ledger(tmp_path / "copy.sqlite", create=True) as dst:
        import_package(dst, json.loads(json.dumps(doc)))
        assert export_package(dst) == doc
    bad = json.loads(json.dumps(doc))
    bad["party_groups"][0]["dissolved_on"] = "2025-01-01"
    with open_ledger(tmp_path / "bad.sqlite", create=True) as dst:
        with pytest.raises(PackageError, match="党小组第1条.*撤销日期不能早于成立日期"):
            import_package(dst, bad)
    for g in doc["party_groups"]:  # as an older version wrote it
        del g["established_on"], g["dissolved_on"]
    with open_ledger(tmp_path / "old.sqlite", create=True) as dst:
        import_package(dst, doc)
        assert [(g["established_on"], g["dissolved_on"]) for g in dst.rows("party_groups")] == [(None, None)] * 2


def test_the_groups_page_shows_the_dates(qtbot, ledger):
    from PySide6.QtCore import Qt as _Qt

    from dangzhibu_desktop.ui.pages.lists import GroupsList
    from dangzhibu_desktop.ui.session import Session

    ledger.insert("party_groups", {"name": "第一党小组", "established_on": "2025-04-15", "dissolved_on": "2025-10-31"})
    view = GroupsList(Session(ledger))
    qtbot.addWidget(view)
    view.show()
    view.refresh()
    m = view.model
    heads = [m.headerData(c, _Qt.Orientation.Horizontal) for c in range(m.columnCount())]
    assert "成立日期" in heads and "撤销日期" in heads
    cells = [m.data(m.index(0, c)) for c in range(m.columnCount())]
    assert "2025-04-15" in cells and "2025-10-31" in cells
