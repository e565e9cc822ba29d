"""Build the bundled rare-character fallback font: resources/fonts/BabelStoneHan-rare.ttf.gz.

BabelStone Han (Arphic Public License; some symbol glyphs CC BY-SA) covers much of CJK
Extension A to H, the characters of rare personal names (GB 18030-2022 人名生僻字) that the
bundled 文泉驿微米黑 and most office fonts lack. The whole face is 51 MB; this keeps only
Extensions A–H and the Compatibility Ideographs Supplement (27.5 MB as TrueType), stored
gzip-compressed (10.9 MB) so the fonts stay within the 30 MB budget of the frozen build. The
program decompresses it into its data folder the first time a document needs one of its
characters (exports/fonts.py).

Usage: python packaging/rare_font.py [BabelStoneHan.ttf]
Without an argument it uses Debian's fonts-babelstone-han (installed, or fetched with
``apt-get download`` into a temporary folder). Deterministic: gzip without a timestamp.
"""

from __future__ import annotations

import gzip
import io
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "resources" / "fonts" / "BabelStoneHan-rare.ttf.gz"
LICENCE = ROOT / "resources" / "fonts" / "BabelStoneHan-LICENSE.txt"
DEBIAN_FONT = Path("/usr/share/fonts/truetype/babelstone/BabelStoneHan.ttf")
DEBIAN_COPYRIGHT = "usr/share/doc/fonts-babelstone-han/copyright"
# Extension A; Extensions B–H (and I, when the face has it); Compatibility Supplement.
RANGES = [(0x3400, 0x4DBF), (0x20000, 0x323AF), (0x2F800, 0x2FA1F)]


def _debian_font(tmp: Path) -> tuple[Path, Path | None]:
    if DEBIAN_FONT.is_file():
        copyright_file = Path("/") / DEBIAN_COPYRIGHT
        return DEBIAN_FONT, copyright_file if copyright_file.is_file() else None
    subprocess.run(["apt-get", "download", "fonts-babelstone-han"], cwd=tmp, check=True)
    deb = next(tmp.glob("fonts-babelstone-han_*.deb"))
    subprocess.run(["dpkg-deb", "-x", str(deb), str(tmp / "x")], check=True)
    return tmp / "x" / DEBIAN_FONT.relative_to("/"), tmp / "x" / DEBIAN_COPYRIGHT


def build(source: Path) -> bytes:
    from fontTools import subset
    from fontTools.ttLib import TTFont

    opts = subset.Options()
    opts.name_IDs = ["*"]
    opts.name_languages = ["*"]
    opts.notdef_outline = True
    opts.hinting = False  # printed at 10–16 pt: hints add size, not legibility
    opts.layout_features = []
    opts.drop_tables += ["DSIG", "GSUB", "GPOS", "vhea", "vmtx", "meta"]
    font = TTFont(str(source))
    codes = [c for c in font.getBestCmap() if any(a <= c <= b for a, b in RANGES)]
    sub = subset.Subsetter(opts)
    sub.populate(unicodes=codes)
    sub.subset(font)
    buf = io.BytesIO()
    font.save(buf)
    print(f"{len(codes)} characters, {buf.tell() / 1e6:.1f} MB as TrueType")
    return buf.getvalue()


def main(argv: list[str]) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        if argv:
            source, copyright_file = Path(argv[0]), None
        else:
            source, copyright_file = _debian_font(Path(tmp))
        data = build(source)
        packed = gzip.compress(data, compresslevel=9, mtime=0)
        OUT.write_bytes(packed)
        if copyright_file is not None:
            shutil.copyfile(copyright_file, LICENCE)
    print(f"{OUT.relative_to(ROOT)}: {len(packed) / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
