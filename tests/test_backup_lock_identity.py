"""Backups and lock: rotation touches only files the program named; the one-writer lock holds
for the same file reached through a hard link, a symlink or another spelling of its path."""

import os

import pytest

from dangzhibu_desktop.ledger import backup as bk
from dangzhibu_desktop.ledger import open_ledger, safety


def filled(path):
    with open_ledger(path, create=True) as led:
        led.save_branch({"name": "第一党支部"})
        led.insert("members", {"name": "王秀英"})
    return path


def test_rotation_leaves_the_persons_own_copies(tmp_path):
    path = filled(tmp_path / "台账.sqlite")
    where = tmp_path / "备份"
    where.mkdir()
    theirs = ["台账 - 副本.sqlite", "台账_20200101-120000_手动 - 副本.sqlite", "台账_20200101-120000_我的.sqlite",
              "台账_20200102-120000_手动(1).sqlite", "台账_备份.sqlite"]
    for name in theirs:
        (where / name).write_bytes(b"SQLite format 3\x00mine")
    ours = []
    for k in range(15):  # old backups of ours, one a day in 2020: the rotation thins them out
        p = where / f"台账_202001{k + 10:02d}-120000_{bk.REASON_DAILY}.sqlite"
        p.write_bytes(b"SQLite format 3\x00old")
        ours.append(p)
    bk.backup_ledger(path, where)
    left = {p.name for p in where.iterdir()}
    assert set(theirs) <= left  # never touched
    assert sum(p.name in left for p in ours) < len(ours)  # ours were rotated
    assert not any(b.path.name in theirs for b in bk.list_backups(path, where))


def test_every_reason_the_program_uses_is_listed(tmp_path):
    path = filled(tmp_path / "台账.sqlite")
    for reason in bk.REASONS:
        bk.backup_ledger(path, tmp_path / "bk", reason, rotate=False)
    assert sorted(b.reason for b in bk.list_backups(path, tmp_path / "bk")) == sorted(bk.REASONS)
    with pytest.raises(ValueError):
        bk.backup_ledger(path, tmp_path / "bk", "手动 - 副本")


def test_rotation_rule_still_keeps_the_newest(tmp_path):
    path = filled(tmp_path / "台账.sqlite")
    for _ in range(3):
        bk.backup_ledger(path, tmp_path / "bk")
    assert len(bk.list_backups(path, tmp_path / "bk")) == 3


def test_lock_holds_through_a_hard_link(tmp_path):
    path = filled(tmp_path / "台账.sqlite")
    other_folder = tmp_path / "别处"
    other_folder.mkdir()
    link = other_folder / "另一个名字.sqlite"
    try:
        os.link(path, link)
    except OSError:
        pytest.skip("no hard links here")
    with open_ledger(path):
        with pytest.raises(safety.LedgerLockedError, match="已在另一个窗口中打开"):
            open_ledger(link)
        assert not safety.lock_path_for(link).exists()  # the refused open left nothing behind
    with open_ledger(link) as led:  # once closed, the other name opens
        assert led.count("members") == 1
        with pytest.raises(safety.LedgerLockedError):
            open_ledger(path)


def test_lock_holds_in_another_process_through_a_hard_link(tmp_path):
    import subprocess
    import sys

    path = filled(tmp_path / "台账.sqlite")
    link = tmp_path / "链接.sqlite"
    try:
        os.link(path, link)
    except OSError:
        pytest.skip("no hard links here")
    code = ("import sys\nfrom dangzhibu_desktop.ledger import open_ledger, safety\n"
            "try:\n    open_ledger(sys.argv[1]).close()\nexcept safety.LedgerLockedError:\n    sys.exit(7)\n")
    with open_ledger(path):
        done = subprocess.run([sys.executable, "-c", code, str(link)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 7, done.stderr


@pytest.mark.parametrize("spelling", ["dotdot", "dot", "double-slash", "symlink-folder"])
def test_lock_holds_for_other_spellings(tmp_path, spelling):
    path = filled(tmp_path / "台账.sqlite")
    if spelling == "dotdot":
        (tmp_path / "sub").mkdir()
        other = tmp_path / "sub" / ".." / "台账.sqlite"
    elif spelling == "dot":
        other = tmp_path / "." / "台账.sqlite"
    elif spelling == "double-slash":
        other = str(tmp_path) + "//台账.sqlite"
    else:
        try:
            (tmp_path / "folder-link").symlink_to(tmp_path, target_is_directory=True)
        except OSError:
            pytest.skip("no symlinks here")
        other = tmp_path / "folder-link" / "台账.sqlite"
    with open_ledger(path):
        with pytest.raises(safety.LedgerLockedError):
            open_ledger(other)


def test_identity_lock_is_released(tmp_path):
    path = filled(tmp_path / "台账.sqlite")
    lock = safety.LedgerLock(path).acquire()
    ident = lock.identity_path
    assert ident is not None and ident.exists()
    lock.release()
    assert not ident.exists() and not safety.lock_path_for(path).exists()
