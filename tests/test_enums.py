"""Each enumeration value is named once, in ``ledger/enums.py``, and the layers below the window
use the name: a typed "正式党员" in ledger/, exports/,
rules/, views/, ui/ (not the generated ui/forms/), cli.py, demo.py or bench.py fails here."""

from __future__ import annotations

import ast
from pathlib import Path

import dangzhibu_desktop
from dangzhibu_desktop.ledger import enums

PKG = Path(dangzhibu_desktop.__file__).parent
# migrations.py is history: its SQL (DEFAULT '在册', CHECK …) is never edited once on main.
EXEMPT = {"ledger/enums.py", "ledger/migrations.py"}
# A line that holds the same characters for another purpose says so with this comment.
MARKER = "not the enumeration"
# Calls whose second positional argument is a Chinese label (a table or a column), not a value.
LABEL_CALLS = {"Field", "_table", "_ref", "Table"}


def _names() -> dict[str, str]:
    out: dict[str, str] = {}
    for key, value in vars(enums).items():
        if key.isupper() and isinstance(value, str):
            assert value not in out, f"{value} is named twice: {out[value]} and {key}"
            out[value] = key
    return out


def _files():
    for path in sorted(PKG.rglob("*.py")):
        rel = path.relative_to(PKG).as_posix()
        if rel in EXEMPT:
            continue
        # ui/forms/ is pyside6-uic output, regenerated from the .ui files.
        if rel.startswith("ui/forms/"):
            continue
        if rel.split("/")[0] in ("ledger", "exports", "rules", "views", "ui") \
                or rel in ("cli.py", "demo.py", "bench.py"):
            yield rel, path


def typed_values(source: str, values) -> list[tuple[int, str]]:
    """(line, value) of every string literal in ``source`` that is one of ``values``."""
    tree = ast.parse(source)
    lines = source.splitlines()
    skip: set[int] = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and body \
                and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
            skip.add(id(body[0].value))  # docstrings
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in LABEL_CALLS \
                and len(node.args) >= 2:
            skip.add(id(node.args[1]))
        if isinstance(node, ast.JoinedStr):  # the text of an f-string; its {expressions} are code
            skip.update(id(v) for v in node.values if isinstance(v, ast.Constant))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value in values \
                and id(node) not in skip and MARKER not in lines[node.lineno - 1]:
            found.append((node.lineno, node.value))
    return found


def test_every_value_of_every_enumeration_has_its_one_name():
    names = _names()
    for key, value in vars(enums).items():
        if key.isupper() and isinstance(value, tuple):
            for v in value:
                assert v in names, f"{key}: {v} has no name of its own in enums.py"


def test_no_enumeration_value_typed_outside_enums():
    names = _names()
    typed = [f"{rel}:{line} {value} (use enums.{names[value]})"
             for rel, path in _files()
             for line, value in typed_values(path.read_text(encoding="utf-8"), names)]
    assert typed == []


def test_the_check_itself_finds_a_typed_value():
    src = "\n".join([
        '"""正式党员"""',
        'x = "正式党员"',
        'y = f"{x}正式党员"',
        "w = f\"{d['正式党员']}\"",
        'z = "正式党员"  # not the enumeration',
        'Field("kind", "党课")',
    ])
    assert typed_values(src, _names()) == [(2, "正式党员"), (4, "正式党员")]
