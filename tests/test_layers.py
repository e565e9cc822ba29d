"""The house reads ledger ← rules ← exports ← cli/ui: no module imports a layer above its own."""

from __future__ import annotations

import ast
from pathlib import Path

import dangzhibu_desktop

PKG = Path(dangzhibu_desktop.__file__).parent

# Layer of each top-level part of the package; a module may import only its own layer or lower ones.
LAYERS = {"ledger": 0, "rules": 1, "exports": 2, "views": 2, "demo": 2, "ui": 3, "cli": 4, "bench": 4}
# cli.py and bench.py are the entry points: they start the window too.


def _target(path: Path, node: ast.ImportFrom) -> str | None:
    """The top-level part of dangzhibu_desktop that a relative or absolute import names."""
    if node.level == 0:
        parts = (node.module or "").split(".")
        if parts[0] != "dangzhibu_desktop":
            return None
        parts = parts[1:]
    else:
        here = list(path.relative_to(PKG).parent.parts)
        base = here[: len(here) - (node.level - 1)] if node.level > 1 else here
        parts = base + (node.module.split(".") if node.module else [])
        if not parts and node.names:
            parts = [node.names[0].name]
    return parts[0] if parts else None


def _violations():
    for path in sorted(PKG.rglob("*.py")):
        rel = path.relative_to(PKG)
        part = rel.parts[0] if len(rel.parts) > 1 else rel.stem
        if part not in LAYERS:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                target = _target(path, node)
                if target in LAYERS and LAYERS[target] > LAYERS[part]:
                    yield f"{rel}:{node.lineno} imports {target}"


def test_no_layer_imports_one_above():
    assert list(_violations()) == []


def test_the_demo_uses_the_rules_dues_brackets():
    text = (PKG / "demo.py").read_text(encoding="utf-8")
    assert "from .rules.dues import compute_dues" in text
    assert '"0.015"' not in text and "Decimal(\"0.005\")" not in text
