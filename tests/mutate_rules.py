"""A small mutation check (run by hand, not collected by pytest):

    python -m tests.mutate_rules [--targets rules|validate|figures] [--mutants 40] [--seed 2]
                                 [--only PATH:INDEX ...]

It copies the checkout to a temporary folder and, for each of ``--mutants`` mutants picked
with a fixed seed from the preset's source files (a comparison flipped or loosened, ``+``/``-``
swapped, ``and``/``or`` swapped, an integer constant moved by one), runs the preset's tests
there (``-x -q``, so a killed mutant stops at its first failure; a fixed Hypothesis seed) and
counts the mutant killed when they fail. Prints each survivor as ``PATH:INDEX`` (the site
index, to run that mutant again with ``--only``) and the share killed.

Presets:

- ``rules``: ``rules/checks/*.py``, ``rules/engine.py``, ``rules/asof.py``, ``ledger/steps.py``
  against ``tests/test_rules*.py`` and ``tests/test_steps.py`` (large-demo cases left out);
- ``validate``: ``ledger/validate.py``, ``ledger/package.py``, ``ledger/steps.py`` against their
  unit, property and pinned-number tests;
- ``figures``: ``exports/figures.py`` against the tests of the documents built on it.
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
PKG = "dangzhibu_desktop"
SWAP_CMP = {ast.Lt: ast.LtE, ast.LtE: ast.Lt, ast.Gt: ast.GtE, ast.GtE: ast.Gt, ast.Eq: ast.NotEq, ast.NotEq: ast.Eq}
# Slow tests go last: a killed mutant usually stops in the fast ones.
SLOW_LAST = ("test_rules_plan_execution.py", "test_rules_window_plan.py", "test_property_")


def _rules_targets() -> list[str]:
    checks = sorted(f"{PKG}/rules/checks/{p.name}" for p in (ROOT / PKG / "rules" / "checks").glob("*.py")
                    if p.name != "__init__.py")
    return checks + [f"{PKG}/rules/engine.py", f"{PKG}/rules/asof.py", f"{PKG}/ledger/steps.py"]


def _rules_tests(work: Path) -> list[str]:
    return sorted(str(p.relative_to(work)) for p in (work / "tests").glob("test_rules*.py")) + ["tests/test_steps.py"]


# Per source file, the tests run first: most mutants are killed there, without collecting the
# whole set (the verdict is the same, the rest runs only when these pass).
NEAR = {
    "act.py": ["tests/test_rules_act.py"], "common.py": ["tests/test_rules_act.py"],
    "org.py": ["tests/test_rules_org.py"], "team.py": ["tests/test_rules_team.py"],
    "role.py": ["tests/test_rules_role_sys.py"], "system.py": ["tests/test_rules_role_sys.py"],
    "support.py": ["tests/test_rules_support.py"],
    "engine.py": ["tests/test_rules_engine.py", "tests/test_rules_score.py", "tests/test_rules_projection.py"],
    "asof.py": ["tests/test_rules_plan.py"], "steps.py": ["tests/test_steps.py"],
    "validate.py": ["tests/test_validate.py", "tests/test_id_number_pins.py"],
    "package.py": ["tests/test_package.py", "tests/test_package_zip.py"],
}

PRESETS = {
    "rules": (_rules_targets, _rules_tests),
    "validate": (lambda: [f"{PKG}/ledger/validate.py", f"{PKG}/ledger/package.py", f"{PKG}/ledger/steps.py"],
                 lambda work: ["tests/test_validate.py", "tests/test_id_number_pins.py", "tests/test_package.py",
                               "tests/test_package_zip.py", "tests/test_steps.py", "tests/test_control_chars.py",
                               "tests/test_property_validate.py", "tests/test_property_package.py"]),
    "figures": (lambda: [f"{PKG}/exports/figures.py"],
                lambda work: ["tests/test_export_statistics.py", "tests/test_export_volunteer_counts.py",
                              "tests/test_export_shuzhi_genre.py", "tests/test_transfers.py", "tests/test_talks.py",
                              "tests/test_export_documents.py", "tests/test_export_figures.py"]),
}


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


def killed_by(work: Path, target: str, tests: list[str]) -> bool:
    """True when the tests fail on the mutant of ``target``: its near tests first, then the rest."""
    near = [t for t in NEAR.get(Path(target).name, []) if t in tests]
    if near and run_tests(work, near):
        return True
    rest = [t for t in tests if t not in near]
    return bool(rest) and run_tests(work, rest)


def run_tests(work: Path, tests: list[str]) -> bool:
    """True when the tests fail (the mutant is killed)."""
    env = dict(os.environ, PYTHONPATH=str(work), QT_QPA_PLATFORM="offscreen")
    try:
        r = subprocess.run([sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider", "-k", "not large",
                            "--hypothesis-seed=0", *tests], cwd=work, env=env, capture_output=True, timeout=900)
    except subprocess.TimeoutExpired:
        return True
    return r.returncode != 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--targets", choices=sorted(PRESETS), default="rules")
    ap.add_argument("--mutants", type=int, default=40)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--only", nargs="*", default=None, help="PATH:INDEX of mutants to run (as printed)")
    ap.add_argument("--skip-baseline", action="store_true", help="do not first run the tests unmutated")
    args = ap.parse_args(argv)
    targets_of, tests_of = PRESETS[args.targets]
    rng = random.Random(args.seed)
    work = Path(tempfile.mkdtemp(prefix="mutate_"))
    for name in (PKG, "tests", "resources"):
        shutil.copytree(ROOT / name, work / name, ignore=shutil.ignore_patterns("__pycache__", ".hypothesis"))
    for name in ("pyproject.toml", "conftest.py"):
        if (ROOT / name).exists():
            shutil.copy(ROOT / name, work / name)
    tests = sorted(tests_of(work), key=lambda t: any(s in t for s in SLOW_LAST))
    # The copy, not the editable install, must be the package under test.
    where = subprocess.run([sys.executable, "-c", f"import {PKG}; print({PKG}.__file__)"], cwd=work,
                           env=dict(os.environ, PYTHONPATH=str(work)), capture_output=True, text=True).stdout
    if not where.startswith(str(work)):
        print(f"the copy does not import its own package ({where.strip()})")
        return 1
    if not args.skip_baseline and run_tests(work, tests):
        print("the tests fail without any mutant: fix them first")
        return 1
    if args.only is not None:
        picked = [(t.rsplit(":", 1)[0], int(t.rsplit(":", 1)[1])) for t in args.only]
    else:
        pool = []
        for target in targets_of():
            tree = ast.parse((work / target).read_text(encoding="utf-8"))
            pool += [(target, i) for i in range(len(sites(tree)))]
        picked = rng.sample(pool, min(args.mutants, len(pool)))
    killed, survivors = 0, []
    for target, i in picked:
        # From the copy: the checkout may change while this runs.
        source = (work / target).read_text(encoding="utf-8")
        tree = ast.parse(source)
        kind, node = sites(tree)[i]
        line = node.lineno
        mutate(kind, node)
        (work / target).write_text(ast.unparse(tree), encoding="utf-8")
        dead = killed_by(work, target, tests)
        (work / target).write_text(source, encoding="utf-8")
        killed += dead
        if not dead:
            survivors.append(f"{target}:{i} (line {line}, {kind})")
        print(f"{'killed ' if dead else 'SURVIVED'} {target}:{i} line {line} {kind}", flush=True)
    shutil.rmtree(work, ignore_errors=True)
    print(f"killed {killed}/{len(picked)} ({100 * killed / max(1, len(picked)):.0f}%)")
    for s in survivors:
        print("survivor:", s)
    return 0


if __name__ == "__main__":
    sys.exit(main())
