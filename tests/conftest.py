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
