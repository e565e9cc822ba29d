"""The Windows-only code paths, run here with the OS layer stubbed (``paths.on_windows`` and a
fake ``msvcrt`` / ``ctypes.windll``): the byte-range writer lock, network-drive detection, the
font folders and the data folder. What still needs a real Windows PC is listed in
packaging/README.md."""

from __future__ import annotations

import ctypes
import errno
import json
import sys
import types

import pytest

from dangzhibu_desktop import paths
from dangzhibu_desktop.exports import fonts as F
from dangzhibu_desktop.ledger import open_ledger, safety


@pytest.fixture
def windows(monkeypatch):
    monkeypatch.setattr(paths, "on_windows", lambda: True)


class FakeMsvcrt(types.ModuleType):
    """msvcrt.locking on one byte at the file position, with a refusal switch per lock file."""

    LK_UNLCK, LK_LOCK, LK_NBLCK = 0, 1, 2

    def __init__(self):
        super().__init__("msvcrt")
        self.calls = []
        self.refuse = False

    def locking(self, fd, mode, nbytes):
        import os

        pos = os.lseek(fd, 0, os.SEEK_CUR)
        self.calls.append((mode, pos, nbytes))
        if mode == self.LK_NBLCK and self.refuse:
            raise OSError(errno.EACCES, "Permission denied")


@pytest.fixture
def msvcrt(monkeypatch, windows):
    fake = FakeMsvcrt()
    monkeypatch.setitem(sys.modules, "msvcrt", fake)
    return fake


def test_the_writer_lock_takes_and_frees_one_byte_far_into_the_lock_file(tmp_path, msvcrt):
    path = tmp_path / "台账.sqlite"
    with open_ledger(path, create=True, auto_backup=False) as led:
        led.insert("members", {"name": "张三"})
        lock = safety.lock_path_for(path)
        assert lock.is_file()  # Windows: the file stays while open (it cannot be deleted then)
        info = json.loads(lock.read_bytes().decode("utf-8"))
        assert info["pid"] > 0
    taken = [c for c in msvcrt.calls if c[0] == FakeMsvcrt.LK_NBLCK]
    freed = [c for c in msvcrt.calls if c[0] == FakeMsvcrt.LK_UNLCK]
    assert taken and freed and len(taken) == len(freed)
    assert all(pos == safety._WIN_LOCK_OFFSET and n == 1 for _m, pos, n in taken + freed)
    assert not safety.lock_path_for(path).exists()  # removed after closing


def test_a_lock_held_on_another_computer_is_refused_naming_it(tmp_path, msvcrt):
    path = tmp_path / "台账.sqlite"
    with open_ledger(path, create=True, auto_backup=False):
        pass
    lock = safety.lock_path_for(path)
    lock.write_text(json.dumps({"pid": 4242, "host": "财务科-PC", "since": "2026-12-07T08:30:00"}), "utf-8")
    msvcrt.refuse = True
    with pytest.raises(safety.LedgerLockedError) as info:
        open_ledger(path)
    message = str(info.value)
    assert "已在另一个窗口中打开" in message and "财务科-PC" in message and "2026-12-07 08:30" in message


def test_network_drives_are_told_by_their_drive_type(monkeypatch, windows):
    kinds = {"Z:\\": 4, "C:\\": 3}
    kernel32 = types.SimpleNamespace(GetDriveTypeW=lambda drive: kinds.get(drive, 0))
    monkeypatch.setattr(ctypes, "windll", types.SimpleNamespace(kernel32=kernel32), raising=False)
    monkeypatch.setattr(safety.os.path, "splitdrive", lambda p: (p[:2], p[2:]) if p[1:2] == ":" else ("", p))
    monkeypatch.setattr(safety, "Path", lambda raw: types.SimpleNamespace(resolve=lambda: raw))
    assert safety.is_network_path("Z:\\党建\\台账.sqlite") is True
    assert safety.is_network_path("C:\\Users\\书记\\台账.sqlite") is False
    assert safety.is_network_path("\\\\fileserver\\党建\\台账.sqlite") is True  # UNC, any drive type


def test_a_failing_drive_query_is_not_a_network_drive(monkeypatch, windows):
    def boom(drive):
        raise OSError("no")
    monkeypatch.setattr(ctypes, "windll", types.SimpleNamespace(kernel32=types.SimpleNamespace(GetDriveTypeW=boom)),
                        raising=False)
    assert safety.is_network_path("/tmp/台账.sqlite") is False


def test_windows_font_folders_system_then_per_user(monkeypatch, windows, tmp_path):
    monkeypatch.delenv("DANGZHIBU_FONT_DIR", raising=False)
    monkeypatch.setenv("WINDIR", str(tmp_path / "Windows"))
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "AppData" / "Local"))
    dirs = F._font_dirs()
    assert dirs == [tmp_path / "Windows" / "Fonts", tmp_path / "AppData" / "Local" / "Microsoft" / "Windows" / "Fonts"]
    monkeypatch.delenv("WINDIR")
    monkeypatch.setenv("SystemRoot", str(tmp_path / "WINNT"))
    assert F._font_dirs()[0] == tmp_path / "WINNT" / "Fonts"
    monkeypatch.setenv("DANGZHIBU_FONT_DIR", str(tmp_path / "mine"))
    assert F._font_dirs()[0] == tmp_path / "mine"


def test_the_windows_data_folder_is_under_appdata(monkeypatch, windows, tmp_path):
    monkeypatch.delenv("DANGZHIBU_DATA_DIR", raising=False)
    monkeypatch.setenv("APPDATA", str(tmp_path / "Roaming"))
    assert paths.user_data_dir() == tmp_path / "Roaming" / paths.APP_DIR_NAME
    assert paths.settings_path().parent == tmp_path / "Roaming" / paths.APP_DIR_NAME
