"""Backups as promised (issue 14, item 10): the folder chosen in 设置 (a USB stick, another disk)
takes every backup of the ledger — 立即备份, the daily one at the next start, the roster
importer's — and closing a changed ledger backs it up there; an unchanged one is not."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from dangzhibu_desktop.ledger import backup as bk  # noqa: E402
from dangzhibu_desktop.ledger import open_ledger  # noqa: E402
from dangzhibu_desktop.ledger.roster import apply_roster, read_roster  # noqa: E402
from dangzhibu_desktop.ui import opening  # noqa: E402

from test_roster_import import write_messy_xlsx  # noqa: E402


def _reasons(folder: Path) -> list[str]:
    return sorted(p.name.split("_")[-1].removesuffix(".sqlite") for p in folder.glob("*.sqlite"))


def test_the_chosen_folder_takes_every_backup(qtbot, window, tmp_path):
    ledger = window.session.ledger
    beside = bk.default_backup_dir(ledger.path)
    stick = tmp_path / "U盘" / "党建备份"
    page = window.show_page("settings")
    page.refresh()
    assert page.set_backup_dir(str(stick))
    assert ledger.backup_dir == stick and str(stick) in page.backup_dir_label.text()
    before = set(beside.glob("*.sqlite")) if beside.is_dir() else set()

    assert page.backup_now().parent == stick  # 立即备份
    preview = read_roster(write_messy_xlsx(tmp_path / "花名册.xlsx"), ledger)
    assert apply_roster(ledger, preview) == 5  # the importer's own backup first
    assert _reasons(stick) == sorted([bk.REASON_MANUAL, bk.REASON_ROSTER])
    assert page.backups_model.total() >= 1  # the list shows the chosen folder
    assert (set(beside.glob("*.sqlite")) if beside.is_dir() else set()) == before  # nothing beside

    # The next start remembers the folder: the day's first backup goes there too.
    path = ledger.path
    window.close()
    for f in stick.glob("*.sqlite"):
        f.unlink()
    reopened = opening.open_ledger(path)
    try:
        assert reopened.backup_dir == stick
        assert _reasons(stick) == [bk.REASON_DAILY]
    finally:
        reopened.close()


def test_a_missing_chosen_folder_is_said_and_backups_go_beside(tmp_path):
    path = tmp_path / "台账.sqlite"
    with open_ledger(path, create=True) as led:
        led.save_branch({"name": "第一党支部"})
    opening.choose_backup_dir(path, tmp_path / "拔掉的U盘")
    led = opening.open_ledger(path)
    try:
        assert led.backup_dir == bk.default_backup_dir(path)
        assert any("拔掉的U盘" in w and "找不到" in w for w in led.warnings)
    finally:
        led.close()
    assert _reasons(bk.default_backup_dir(path)) == [bk.REASON_DAILY]


def test_closing_backs_up_only_what_changed(qtbot, window, tmp_path):
    ledger = window.session.ledger
    window.backup_on_exit = True
    ledger.backup_dir = tmp_path / "备份"
    ledger.backup(bk.REASON_MANUAL)
    assert not ledger.changed_since_backup()
    ledger.insert("members", {"name": "王新来"})
    assert ledger.changed_since_backup()
    window.close()
    assert _reasons(tmp_path / "备份") == sorted([bk.REASON_MANUAL, bk.REASON_EXIT])


def test_closing_an_unchanged_ledger_makes_no_backup(qtbot, window, tmp_path):
    ledger = window.session.ledger
    window.backup_on_exit = True
    ledger.backup_dir = tmp_path / "备份"
    ledger.backup(bk.REASON_MANUAL)
    window.close()
    assert _reasons(tmp_path / "备份") == [bk.REASON_MANUAL]


def test_a_long_backup_folder_does_not_widen_the_window(qtbot, window, tmp_path):
    deep = tmp_path / ("很长的文件夹名称" * 8) / ("党建资料备份" * 8)
    page = window.show_page("settings")
    assert page.set_backup_dir(str(deep))
    assert page.backup_dir_label.toolTip() == str(deep)
    qtbot.wait(10)  # the layouts take the new text
    assert page.minimumSizeHint().width() + window.nav.width() <= 1280 - 16, page.minimumSizeHint()
