"""Honest Python support: pyproject's requires-python is what the code checks at import, and
an older Python gets one Chinese sentence instead of a SyntaxError from deep inside."""

import glob
import os
import subprocess
import tomllib
from pathlib import Path

import pytest

import dangzhibu_desktop
from dangzhibu_desktop import MIN_PYTHON, python_too_old

ROOT = Path(__file__).resolve().parents[1]


def test_requires_python_is_the_checked_minimum():
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    assert meta["project"]["requires-python"] == ">=%d.%d" % MIN_PYTHON


@pytest.mark.parametrize("version", [(3, 10, 13), (3, 6, 15), (2, 7, 18)])
def test_older_python_gets_a_chinese_sentence(version):
    text = python_too_old(version)
    assert "需要 Python 3.11 或更高版本" in text
    assert "运行的是 Python %d.%d" % version[:2] in text


@pytest.mark.parametrize("version", [MIN_PYTHON, (3, 12, 1), (3, 13, 0), (4, 0)])
def test_supported_python_passes(version):
    assert python_too_old(version) is None


def _older_interpreters():
    found = glob.glob(os.path.expanduser("~/.pyenv/versions/3.[0-9]*/bin/python3"))
    found += [p for p in ("/usr/bin/python3.9", "/usr/bin/python3.10") if os.path.exists(p)]
    old = []
    for exe in found:
        out = subprocess.run([exe, "-c", "import sys; print(sys.version_info[:2] < (3, 11))"],
                             capture_output=True, text=True)
        if out.stdout.strip() == "True":
            old.append(exe)
    return old


def test_an_older_interpreter_says_so_and_exits():
    old = _older_interpreters()
    if not old:
        pytest.skip("no Python older than 3.11 on this machine")
    for exe in old:
        env = dict(os.environ, PYTHONPATH=str(Path(dangzhibu_desktop.__file__).parents[1]))
        out = subprocess.run([exe, "-m", "dangzhibu_desktop", "--version"], capture_output=True,
                             env=env, cwd="/")
        err = out.stderr.decode("utf-8", "replace")
        assert out.returncode == 1, (exe, err)
        assert "需要 Python 3.11 或更高版本" in err and "Traceback" not in err, (exe, err)
