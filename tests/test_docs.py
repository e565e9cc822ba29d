"""The README documents every command and export kind the CLI accepts (and the two commands)."""

import argparse
from pathlib import Path

from dangzhibu_desktop.cli import EXPORT_KINDS, build_parser

README = (Path(__file__).resolve().parent.parent / "README.md").read_text("utf-8")


def _subcommands():
    parser = build_parser()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return action.choices
    return {}


def test_every_subcommand_is_documented():
    for name, sub in _subcommands().items():
        assert f"dangzhibu-desktop {name}" in README, name
        for action in sub._actions:
            for flag in action.option_strings:
                if flag not in ("-h", "--help"):
                    assert flag in README, f"{name} {flag}"


def test_window_options_and_export_kinds_documented():
    # The window's usage lines: "dangzhibu-desktop" followed by an option, not a subcommand.
    window_lines = [line.replace("[", " ").split() for line in README.splitlines()
                    if line.startswith("dangzhibu-desktop ") and line.split()[1][0] in "-["]
    for flag in ("--db", "--demo", "--screenshot", "--version"):
        assert any(flag in words for words in window_lines), flag
    for kind in EXPORT_KINDS:
        assert kind in README


def test_the_two_commands_are_at_the_top():
    top = README[:README.index("## 命令行")]
    assert 'python -m pip install -e . && dangzhibu-desktop --demo' in top
    assert 'python -m pip install -e ".[test]" && python -m pytest' in top
    ci = (Path(__file__).resolve().parent.parent / ".ci" / "run").read_text("utf-8")
    assert 'python -m pip install -e ".[test]" && python -m pytest' in ci
