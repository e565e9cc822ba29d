"""The highest glibc symbol version any ELF file of the frozen Linux build needs.

A Linux build runs on a distribution only when every ``GLIBC_x.y`` symbol version its files
ask for exists in that distribution's glibc (Kylin V10 SP1 / UOS 20: 2.31 on ARM, Kylin V10
SP3 x86: 2.28; Debian 11: 2.31; Debian 12: 2.36). ``objdump -T`` (binutils) lists each file's
dynamic symbols with the version they need.

Usage: python packaging/glibc_needs.py [BUNDLE_DIR] [--max 2.31] [--top 15]
Prints the overall highest version and the files that need more than ``--max`` (highest
first); exits 1 when any does, 0 otherwise.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

DEFAULT_BUNDLE = Path(__file__).resolve().parent / "dist" / "dangzhibu-desktop"
_VERSION = re.compile(rb"GLIBC_([0-9]+(?:\.[0-9]+)+)")


def _version(text: str) -> tuple[int, ...]:
    return tuple(int(p) for p in text.split("."))


def is_elf(path: Path) -> bool:
    try:
        with open(path, "rb") as fh:
            return fh.read(4) == b"\x7fELF"
    except OSError:
        return False


def needs(path: Path) -> tuple[int, ...] | None:
    """The highest GLIBC_ version ``path`` needs, None when it needs none."""
    out = subprocess.run(["objdump", "-T", str(path)], capture_output=True).stdout
    found = [_version(m.decode()) for m in _VERSION.findall(out)]
    return max(found) if found else None


def survey(bundle: Path) -> dict[Path, tuple[int, ...]]:
    return {p: v for p in sorted(bundle.rglob("*"))
            if p.is_file() and not p.is_symlink() and is_elf(p) and (v := needs(p)) is not None}


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("bundle", nargs="?", default=str(DEFAULT_BUNDLE))
    ap.add_argument("--max", default="2.31", help="the glibc the build must run on (default 2.31)")
    ap.add_argument("--top", type=int, default=15)
    args = ap.parse_args(argv)
    bundle = Path(args.bundle)
    if not bundle.is_dir():
        print(f"找不到打包结果：{bundle}（先运行 python packaging/build.py）", file=sys.stderr)
        return 2
    found = survey(bundle)
    if not found:
        print(f"{bundle} 中没有需要 glibc 的 ELF 文件", file=sys.stderr)
        return 2
    limit = _version(args.max)
    highest = max(found.values())
    over = sorted(((v, p) for p, v in found.items() if v > limit), reverse=True)
    print(f"ELF files: {len(found)}; highest GLIBC_ needed: {'.'.join(map(str, highest))}; "
          f"above {args.max}: {len(over)}")
    for v, p in over[:args.top]:
        print(f"  GLIBC_{'.'.join(map(str, v))}  {p.relative_to(bundle)}")
    if len(over) > args.top:
        print(f"  … and {len(over) - args.top} more")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
