"""A small mutation check of the rules (run by hand, not collected by pytest):

    python -m tests.mutate_rules [--mutants 40] [--seed 1]

It copies the checkout to a temporary folder, and for each of ``--mutants`` mutants picked
with a fixed seed from ``rules/checks/*.py``, ``rules/engine.py``, ``rules/asof.py`` and
``ledger/steps.py`` (a comparison flipped or loosened, ``+``/``-`` swapped, ``and``/``or``
swapped, an integer constant moved by one) runs the rules tests there (``tests/test_rules*.py`` and ``tests/test_steps.py``,
the large-demo cases left out for time) and counts the mutant killed when they fail. Prints
each survivor and the share killed.
"""

from __future__ import annotations

import argparse
import ast
import os
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGETS = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "dangzhibu_desktop" / "rules" / "checks").glob("*.py")
                 if p.name != "__init__.py") + ["dangzhibu_desktop/rules/engine.py", "dangzhibu_desktop/rules/asof.py",
                                                "dangzhibu_desktop/ledger/steps.py"]
SWAP_CMP = {ast.Lt: ast.LtE, ast.LtE: ast.Lt, ast.Gt: ast.GtE, ast.GtE: ast.Gt, ast.Eq: ast.NotEq, ast.NotEq: ast.Eq}


def sites(tree: ast.AST) -> list[tuple[str, ast.AST]]:
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Compare) and len(node.ops) == 1 and type(node.ops[0]) in SWAP_CMP:
            out.append(("cmp", node))
        elif isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Sub)) \
                and not isinstance(node.left, ast.Constant | ast.JoinedStr):
            out.append(("arith", node))
        elif isinstance(node, ast.BoolOp):
            out.append(("bool", node))
        elif isinstance(node, ast.Constant) and type(node.value) is int and node.value in (0, 1, 2, 3, 6, 7, 12):
            out.append(("const", node))
    return out


def mutate(kind: str, node: ast.AST) -> str:
    if kind == "cmp":
        node.ops[0] = SWAP_CMP[type(node.ops[0])]()
    elif kind == "arith":
        node.op = ast.Sub() if isinstance(node.op, ast.Add) else ast.Add()
    elif kind == "bool":
        node.op = ast.Or() if isinstance(node.op, ast.And) else ast.And()
    else:
        node.value += 1
    return kind


def run_tests(work: Path) -> bool:
    """True when the rules tests fail (the mutant is killed)."""
    env = dict(os.environ, PYTHONPATH=str(work), QT_QPA_PLATFORM="offscreen")
    tests = sorted(str(p.relative_to(work)) for p in (work / "tests").glob("test_rules*.py")) + ["tests/test_steps.py"]
    try:
        r = subprocess.run([sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider", "-k", "not large",
                            *tests], cwd=work, env=env, capture_output=True, timeout=600)
    except subprocess.TimeoutExpired:
        return True
    return r.returncode != 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mutants", type=int, default=40)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    rng = random.Random(args.seed)
    work = Path(tempfile.mkdtemp(prefix="mutate_rules_"))
    for name in ("dangzhibu_desktop", "tests", "resources"):
        shutil.copytree(ROOT / name, work / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "conftest.py"):
        if (ROOT / name).exists():
            shutil.copy(ROOT / name, work / name)
    if run_tests(work):
        print("the rules tests fail without any mutant: fix them first")
        return 1
    pool = []
    for target in TARGETS:
        tree = ast.parse((ROOT / target).read_text(encoding="utf-8"))
        pool += [(target, i) for i in range(len(sites(tree)))]
    picked = rng.sample(pool, min(args.mutants, len(pool)))
    killed, survivors = 0, []
    for target, i in picked:
        source = (ROOT / target).read_text(encoding="utf-8")
        tree = ast.parse(source)
        kind, node = sites(tree)[i]
        line = node.lineno
        mutate(kind, node)
        (work / target).write_text(ast.unparse(tree), encoding="utf-8")
        dead = run_tests(work)
        (work / target).write_text(source, encoding="utf-8")
        killed += dead
        if not dead:
            survivors.append(f"{target}:{line} ({kind})")
        print(f"{'killed ' if dead else 'SURVIVED'} {target}:{line} {kind}", flush=True)
    shutil.rmtree(work, ignore_errors=True)
    print(f"killed {killed}/{len(picked)} ({100 * killed / max(1, len(picked)):.0f}%)")
    for s in survivors:
        print("survivor:", s)
    return 0


if __name__ == "__main__":
    sys.exit(main())
