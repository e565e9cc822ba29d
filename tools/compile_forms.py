"""Compile every Qt Designer form in ``forms/`` into ``dangzhibu_desktop/ui/forms/ui_<name>.py``.

The window imports the compiled modules, never the .ui files: PySide6's runtime
``loadUiType()`` shells out to uic, which a frozen build does not carry.

    python tools/compile_forms.py           recompile every form
    python tools/compile_forms.py --check   exit 1 when a compiled module differs from its form
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FORMS_DIR = ROOT / "forms"
OUT_DIR = ROOT / "dangzhibu_desktop" / "ui" / "forms"

# uic stamps its own version into this line; it is the only line allowed to differ.
VERSION_MARK = "## Created by: Qt User Interface Compiler version"


def uic_command() -> list[str]:
    """The uic that ships with the installed PySide6 (``pyside6-uic`` or the bundled binary)."""
    exe = shutil.which("pyside6-uic")
    if exe:
        return [exe]
    import PySide6

    base = Path(PySide6.__file__).parent
    for candidate in (base / "Qt" / "libexec" / "uic", base / "uic.exe", base / "uic"):
        if candidate.exists():
            return [str(candidate), "-g", "python"]
    raise SystemExit("找不到 pyside6-uic，请先安装 PySide6")


def compiled_name(form: Path) -> str:
    return f"ui_{form.stem}.py"


def compile_form(form: Path, out: Path) -> None:
    subprocess.run([*uic_command(), str(form), "-o", str(out)], check=True,
                   env={**os.environ, "PYTHONIOENCODING": "utf-8"})


def normalized(text: str) -> list[str]:
    return [ln.rstrip() for ln in text.splitlines() if not ln.startswith(VERSION_MARK)]


def forms() -> list[Path]:
    return sorted(FORMS_DIR.glob("*.ui"))


def compile_all(out_dir: Path = OUT_DIR) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for form in forms():
        target = out_dir / compiled_name(form)
        compile_form(form, target)
        written.append(target)
    return written


def differences(out_dir: Path = OUT_DIR) -> list[str]:
    """Names of compiled modules that are missing, stale, or have no form any more."""
    bad = []
    with tempfile.TemporaryDirectory() as tmp:
        fresh = compile_all(Path(tmp))
        for path in fresh:
            current = out_dir / path.name
            if not current.exists():
                bad.append(f"{path.name}（缺少）")
            elif normalized(current.read_text(encoding="utf-8")) != normalized(path.read_text(encoding="utf-8")):
                bad.append(f"{path.name}（与 forms/ 不一致）")
    expected = {compiled_name(f) for f in forms()}
    for extra in sorted(out_dir.glob("ui_*.py")):
        if extra.name not in expected:
            bad.append(f"{extra.name}（没有对应的 .ui 文件）")
    return bad


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Compile forms/*.ui with pyside6-uic.")
    parser.add_argument("--check", action="store_true", help="only compare, exit 1 on any difference")
    args = parser.parse_args(argv)
    if args.check:
        bad = differences()
        for name in bad:
            print(name, file=sys.stderr)
        return 1 if bad else 0
    for path in compile_all():
        print(path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
