"""Shared fixtures: temp-file ledgers, one QApplication offscreen, every ledger closed."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from dangzhibu_desktop.ledger import open_ledger


@pytest.fixture
def ledger_path(tmp_path):
    return tmp_path / "台账.sqlite"


@pytest.fixture
def ledger(ledger_path):
    led = open_ledger(ledger_path, create=True)
    yield led
    led.close()


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path, monkeypatch):
    """Nothing a test does may touch the real user data folder."""
    monkeypatch.setenv("DANGZHIBU_DATA_DIR", str(tmp_path / "userdata"))


@pytest.fixture
def window(qtbot, ledger):
    """The main window on the shell test ledger (``ui_shell_data``), 1366 × 768, shown."""
    from dangzhibu_desktop.ui.main_window import MainWindow

    from . import ui_shell_data as data

    data.build(ledger)
    win = MainWindow(ledger, persist=False)
    win.session.today = data.today_in()
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    yield win
    win.session.runner.pool.waitForDone(10000)


