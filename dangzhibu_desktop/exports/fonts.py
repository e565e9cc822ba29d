"""CJK fonts for the PDF writers: found on the machine, registered once per process.

reportlab embeds TrueType outlines only. OpenType/CFF faces (Noto CJK, 思源 Source Han: what
Kylin and UOS ship) are used through ``CFFFont``: its widths and character map come from the
file, and when a document is saved the characters it used are cut out of the face with
fontTools and their cubic outlines turned into TrueType quadratics, which reportlab then
embeds as usual (text stays extractable, beyond-BMP characters included). A character the main
font lacks would vanish silently from the page; ``markup`` checks each character against the
font's cmap and switches to the first font on the machine (or bundled) that has it, or prints
the typesetter's 缺字 mark 〓 when none does — and records it, so the export can say which
names it is in (``missing_report``).
"""

from __future__ import annotations

import os
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

from .. import paths as _paths
from ..ledger.validate import LedgerError, xml_safe

MISSING_GLYPH = "〓"  # the 缺字 mark of Chinese typesetting
BUNDLED_FONT = "wqy-microhei.ttc"  # resources/fonts/: 文泉驿微米黑, Apache-2.0, TrueType


@dataclass(frozen=True)
class FontFile:
    path: str
    index: int | str = 0  # subfont of a .ttc: a number, or the family's ending ("SC" = 简体)


def _subfont_index(path: str, index: int | str) -> int:
    """The number of the subfont of a collection whose family name ends with ``index``."""
    if isinstance(index, int):
        return index
    from fontTools.ttLib import TTCollection

    with open(path, "rb") as fh:
        coll = TTCollection(fh, lazy=True)
        for i, font in enumerate(coll.fonts):
            family = font["name"].getDebugName(1) or ""
            if family.endswith(" " + index):
                return i
    return 0


class _CFFSource:
    """One OpenType/CFF face kept open, with its outlines converted to TrueType once per glyph.

    Converting cubic outlines to quadratics (cu2qu) is the costly part; the glyphs a ledger's
    documents use repeat from one export to the next, so each is converted once per process.
    """

    def __init__(self, path: str, index: int):
        from fontTools.ttLib import TTFont as FTFont

        self.font = FTFont(path, fontNumber=index, lazy=True)
        self.cmap = self.font.getBestCmap()
        self.order = self.font.getGlyphOrder()
        self._glyph_set = None
        self._glyphs: dict = {}
        self._lock = threading.Lock()

    def truetype(self, codes) -> bytes:
        """A TrueType font with ``codes`` (those the face has) and .notdef, via fontBuilder."""
        import io

        from fontTools.fontBuilder import FontBuilder
        from fontTools.pens.cu2quPen import Cu2QuPen
        from fontTools.pens.ttGlyphPen import TTGlyphPen

        with self._lock:
            src = self.font
            if self._glyph_set is None:
                self._glyph_set = src.getGlyphSet()
            cmap = {c: self.cmap[c] for c in sorted(set(codes) | {0x20}) if c in self.cmap}
            order = [self.order[0]] + sorted(set(cmap.values()) - {self.order[0]})
            for name in order:
                if name not in self._glyphs:
                    pen = TTGlyphPen(None)
                    self._glyph_set[name].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
                    self._glyphs[name] = pen.glyph()
            head, hhea, os2 = src["head"], src["hhea"], src["OS/2"]
            hmtx = src["hmtx"].metrics
            fb = FontBuilder(head.unitsPerEm, isTTF=True)
            fb.setupGlyphOrder(order)
            fb.setupCharacterMap(cmap)
            fb.setupGlyf({name: self._glyphs[name] for name in order})
            fb.setupHorizontalMetrics({name: hmtx[name] for name in order})
            fb.setupHorizontalHeader(ascent=hhea.ascent, descent=hhea.descent)
            names = src["name"]
            fb.setupNameTable({"familyName": names.getDebugName(1) or "CJK",
                               "styleName": names.getDebugName(2) or "Regular",
                               "psName": names.getDebugName(6) or "CJK"})
            fb.setupOS2(sTypoAscender=os2.sTypoAscender, sTypoDescender=os2.sTypoDescender,
                        usWinAscent=os2.usWinAscent, usWinDescent=os2.usWinDescent,
                        usWeightClass=os2.usWeightClass, sCapHeight=getattr(os2, "sCapHeight", 0))
            fb.setupPost()
            out = io.BytesIO()
            fb.save(out)
            return out.getvalue()


_cff_sources: dict[tuple[str, int], _CFFSource] = {}


def _truetype_subset(path: str, index: int, codes) -> bytes:
    """A TrueType font with just ``codes`` of the CFF face ``path``/``index``."""
    with _lock:
        src = _cff_sources.get((path, index))
        if src is None:
            src = _cff_sources[(path, index)] = _CFFSource(path, index)
    return src.truetype(codes)


def _cff_face_class():
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFontFace, TTFontFile

    class CFFFace(TTFontFace):
        """A reportlab face for an OpenType/CFF file: metrics and cmap from the whole face,
        outlines converted per document (``use_codes`` before the subsets are made)."""

        def __init__(self, path: str, index: int):
            from fontTools.ttLib import TTFont as FTFont

            from reportlab.pdfbase.ttfonts import FF_SYMBOLIC

            pdfmetrics.TypeFace.__init__(self, None)
            font = FTFont(path, fontNumber=index, lazy=True)
            if "CFF " not in font:
                raise ValueError("not a CFF face")
            # The PDF descriptor fields, computed as reportlab's extractInfo does for TrueType.
            head, os2, post = font["head"], font["OS/2"], font["post"]
            scale = 1000.0 / head.unitsPerEm
            self.filename = path
            self.name = (font["name"].getDebugName(6) or "CJK").encode("ascii", "replace")
            self.subfontNameX = b"-%d" % index if index else b""
            self.bbox = [round(v * scale) for v in (head.xMin, head.yMin, head.xMax, head.yMax)]
            self.ascent = round(os2.sTypoAscender * scale)
            self.descent = round(os2.sTypoDescender * scale)
            self.capHeight = round(getattr(os2, "sCapHeight", 0) * scale) or self.ascent
            self.stemV = 50 + int((os2.usWeightClass / 65.0) ** 2)
            self.italicAngle = post.italicAngle
            self.flags = FF_SYMBOLIC
            order = {name: gid for gid, name in enumerate(font.getGlyphOrder())}
            hmtx = font["hmtx"].metrics
            self.charToGlyph = {}
            self.charWidths = {}
            for code, name in font.getBestCmap().items():
                self.charToGlyph[code] = order[name]
                self.charWidths[code] = round(hmtx[name][0] * scale)
            self.defaultWidth = round(hmtx[font.getGlyphOrder()[0]][0] * scale)
            self._source = (path, index)
            self._converted = None

        def use_codes(self, codes) -> None:
            """Convert the outlines of ``codes`` (all the characters one document uses)."""
            import io

            self._converted = TTFontFile(io.BytesIO(_truetype_subset(*self._source, codes)))

        def makeSubset(self, subset):
            if self._converted is None or any(c not in self._converted.charToGlyph
                                              for c in subset if c in self.charToGlyph):
                self.use_codes(subset)
            return self._converted.makeSubset(subset)

    return CFFFace


def _cff_font(name: str, path: str, index: int):
    """A reportlab TTFont whose face is an OpenType/CFF file (see ``CFFFace``)."""
    from reportlab import rl_config
    from reportlab.pdfbase.ttfonts import TTEncoding, TTFont
    from weakref import WeakKeyDictionary

    class CFFFont(TTFont):
        def __init__(self):
            self.fontName = name
            self.face = _cff_face_class()(path, index)
            self.encoding = TTEncoding()
            self.state = WeakKeyDictionary()
            self._asciiReadable = rl_config.ttfAsciiReadable
            self.shapable = False

        def addObjects(self, doc):
            state = self.state.get(doc)
            with _lock:  # one conversion per document for all its subsets
                if state is not None:
                    self.face.use_codes({c for sub in state.subsets for c in sub})
                super().addObjects(doc)
                self.face._converted = None

    return CFFFont()


@dataclass
class FontSet:
    """Registered reportlab font names for each role, plus the character coverage."""

    body: str  # 仿宋 or the nearest face: running text
    heading: str  # 黑体: headings, table heads
    title: str  # 宋体/小标宋 stand-in: document titles
    kai: str  # 楷体: second-level headings
    fallbacks: tuple[str, ...]  # tried per character when a role's face lacks it
    coverage: dict[str, frozenset]  # font name -> code points it has
    pending: list = field(default_factory=list)  # fallback files not yet read (FontFile)

    def fallback_for(self, cp: int) -> str | None:
        """The first fallback font that has code point ``cp``.

        Fallback files (large: a full Extension B face is 30 MB) are read one by one, in
        their order, only when a character the faces read so far lack actually turns up.
        """
        found = next((f for f in self.fallbacks if cp in self.coverage.get(f, ())), None)
        if found is not None or not self.pending:
            return found
        with _lock:
            while self.pending:  # in order: the first face that has the character wins
                ff = self.pending.pop(0)
                name = _register(ff)
                if not name or name in self.fallbacks:
                    continue
                self.fallbacks = self.fallbacks + (name,)
                self.coverage[name] = _coverage[name]
                if cp in self.coverage[name]:
                    return name
        return next((f for f in self.fallbacks if cp in self.coverage.get(f, ())), None)


def _font_dirs() -> list[Path]:
    dirs: list[Path] = []
    override = os.environ.get("DANGZHIBU_FONT_DIR")
    if override:
        dirs.append(Path(override))
    if _paths.on_windows():
        windir = os.environ.get("WINDIR") or os.environ.get("SystemRoot") or r"C:\Windows"
        dirs.append(Path(windir) / "Fonts")
        local = os.environ.get("LOCALAPPDATA")
        if local:
            dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    elif sys.platform == "darwin":
        dirs += [Path("/System/Library/Fonts"), Path("/System/Library/Fonts/Supplemental"),
                 Path("/Library/Fonts"), Path.home() / "Library" / "Fonts"]
    else:
        dirs += [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"),
                 Path.home() / ".local" / "share" / "fonts", Path.home() / ".fonts"]
    return dirs


# File names per role, most fitting first: the Windows faces (the office PC), then the 方正
# faces some Kylin/UOS PCs carry, then 思源/Noto CJK (OpenType/CFF: what Kylin and UOS ship; a
# .ttc index "SC" picks the 简体 face), then other Linux/macOS faces.
_NOTO_SERIF = [("NotoSerifCJK-Regular.ttc", "SC"), ("NotoSerifCJKsc-Regular.otf", 0),
               ("NotoSerifSC-Regular.otf", 0), ("SourceHanSerifSC-Regular.otf", 0),
               ("SourceHanSerifCN-Regular.otf", 0), ("SourceHanSerif-Regular.ttc", "SC")]
_NOTO_SANS = [("NotoSansCJK-Regular.ttc", "SC"), ("NotoSansCJKsc-Regular.otf", 0),
              ("NotoSansSC-Regular.otf", 0), ("SourceHanSansSC-Regular.otf", 0),
              ("SourceHanSansCN-Regular.otf", 0), ("SourceHanSans-Regular.ttc", "SC")]
_ROLE_FILES = {
    "body": [("simfang.ttf", 0), ("FangSong_GB2312.ttf", 0), ("仿宋_GB2312.ttf", 0),
             ("FZFSK.TTF", 0), ("simsun.ttc", 0), ("FZSSK.TTF", 0),
             ("msyh.ttc", 0), ("msyh.ttf", 0)],
    "heading": [("simhei.ttf", 0), ("FZHTK.TTF", 0), ("msyhbd.ttc", 0),
                ("msyh.ttc", 0), ("simsun.ttc", 0)],
    "title": [("FZXBSJW.TTF", 0), ("方正小标宋简体.ttf", 0), ("FZXBSK.TTF", 0),
              ("simsun.ttc", 0), ("simhei.ttf", 0)],
    "kai": [("simkai.ttf", 0), ("KaiTi_GB2312.ttf", 0), ("楷体_GB2312.ttf", 0), ("FZKTK.TTF", 0),
            ("ukai.ttc", 0), ("simfang.ttf", 0)],
}
# 思源/Noto per role, after the TrueType faces below: their Latin letters are wider than the
# faces the documents' narrow columns were laid out with (a rule code then breaks mid-word), so
# on a machine with both a TrueType CJK face is the main one and Noto serves per character.
_CFF_ROLE_FILES = {
    "body": _NOTO_SERIF, "heading": _NOTO_SANS, "kai": _NOTO_SERIF,
    "title": [("NotoSerifCJK-Bold.ttc", "SC"), ("NotoSerifCJKsc-Bold.otf", 0),
              ("SourceHanSerifSC-Bold.otf", 0), *_NOTO_SERIF],
}
# Faces with wide coverage, usable for any role when the preferred ones are absent.
_GENERAL_FILES = [
    ("wqy-zenhei.ttc", 0), ("DroidSansFallbackFull.ttf", 0),
    ("DroidSansFallback.ttf", 0), ("uming.ttc", 0), ("ukai.ttc", 0), ("simsun.ttc", 0),
    ("msyh.ttc", 0), ("Arial Unicode.ttf", 0), ("STHeiti Light.ttc", 0),
    (BUNDLED_FONT, 0),  # last: the machine's own faces are preferred
]
# Tried per character, in this order, when a role's face lacks one (rare names: CJK Extension
# A to H): the faces made for them first, then every other Chinese face found.
RARE_FONT = "BabelStoneHan-rare.ttf"  # built by packaging/rare_font.py: Ext A–H of BabelStone Han
# Bundled gzip-compressed (10.8 MB instead of 27.5): unpacked into the data folder the first time
# a document needs one of its characters, then read from there.
RARE_FONT_PACKED = RARE_FONT + ".gz"
_FALLBACK_FILES = [
    ("simsunb.ttf", 0), ("SimSun-ExtB.ttf", 0), ("SimSun-ExtG.ttf", 0), ("HanaMinB.ttf", 0),
    ("HanaMinA.ttf", 0), ("BabelStoneHan.ttf", 0), (RARE_FONT, 0),
    *_NOTO_SERIF, *_NOTO_SANS, *_GENERAL_FILES,
]

_lock = threading.RLock()
_fontset: FontSet | None = None
_registered: dict[FontFile, str | None] = {}  # file -> reportlab name (None: unusable)
_coverage: dict[str, frozenset] = {}


def _bundled_dirs() -> list[Path]:
    """The program's own font folder (resources/fonts), searched after the machine's."""
    from ..paths import resource_path

    try:
        return [resource_path("fonts")]
    except FileNotFoundError:
        return []


def bundled_font_path() -> Path | None:
    """The bundled CJK font file (for the window's font database), None in a broken install."""
    for d in _bundled_dirs():
        if (d / BUNDLED_FONT).is_file():
            return d / BUNDLED_FONT
    return None


def rare_font_file(unpack: bool = True) -> Path | None:
    """The bundled rare-character face as a file (unpacked into the data folder when
    ``unpack``); None when it is absent, not unpacked yet, or cannot be written."""
    for d in _bundled_dirs():
        packed = d / RARE_FONT_PACKED
        if packed.is_file():
            try:
                path = _unpacked_path(packed)
            except OSError:  # no data folder can be made: the face is skipped
                return None
            _packed[str(path)] = packed
            if path.is_file() or (unpack and _unpack(str(path))):
                return path
    return None


def _index_files() -> dict[str, Path]:
    """Lower-case file name -> first path found under the font folders (searched once).

    The machine's folders come first, the bundled folder last: a system copy of a face wins,
    and the bundled face is used only when the machine has nothing better.
    """
    wanted = {name.lower() for roles in (_ROLE_FILES, _CFF_ROLE_FILES)
              for role in roles.values() for name, _ in role}
    wanted |= {name.lower() for name, _ in _GENERAL_FILES + _FALLBACK_FILES}
    found: dict[str, Path] = {}
    for d in _font_dirs() + _bundled_dirs():
        if not d.is_dir():
            continue
        for root, _dirs, files in os.walk(d):
            for f in files:
                key = f.lower()
                if key in wanted and key not in found:
                    found[key] = Path(root) / f
    rare = RARE_FONT.lower()
    if rare not in found:
        packed = next((d / RARE_FONT_PACKED for d in _bundled_dirs() if (d / RARE_FONT_PACKED).is_file()), None)
        if packed is not None:
            try:
                found[rare] = _unpacked_path(packed)
                _packed[str(found[rare])] = packed
            except OSError:  # no data folder can be made: the face is skipped
                pass
    return found


_packed: dict[str, Path] = {}  # unpacked path -> the bundled .gz it is made from


def _unpacked_path(packed: Path) -> Path:
    """Where the bundled compressed face is unpacked: the data folder, named by its size and
    date so that a newer program's font replaces an older one."""
    from ..paths import user_data_dir

    st = packed.stat()
    return user_data_dir() / "fonts" / f"{Path(RARE_FONT).stem}-{st.st_size}-{int(st.st_mtime)}.ttf"


def _unpack(path: str) -> bool:
    """Unpack a bundled compressed face before first use; False when it cannot be written
    (a read-only data folder): the face is then skipped like any unusable file."""
    packed = _packed.get(path)
    if packed is None or os.path.exists(path):
        return True
    import gzip
    import tempfile

    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as out, gzip.open(packed, "rb") as src:
                while chunk := src.read(1 << 20):
                    out.write(chunk)
            os.replace(tmp, target)  # another process unpacking at once writes the same bytes
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
    except (OSError, EOFError, gzip.BadGzipFile):
        return False
    return True


def _to_unicode_cmap(fontname, subset):
    """reportlab's ToUnicode CMap with the destination in UTF-16BE, as the PDF reference asks.

    reportlab writes ``<%04X>`` of the code point, which for a character beyond the BMP
    (𠀾 U+2003E, in real names) is five hex digits: the glyph is drawn but pdftotext, search
    and copy-paste lose it. A surrogate pair keeps it.
    """
    def utf16(v: int) -> str:
        return chr(v).encode("utf-16-be").hex().upper()
    lines = [
        "/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap", "/CIDSystemInfo",
        "<< /Registry (%s)" % fontname, "/Ordering (%s)" % fontname, "/Supplement 0", ">> def",
        "/CMapName /%s def" % fontname, "/CMapType 2 def", "1 begincodespacerange",
        "<00> <%02X>" % (len(subset) - 1), "endcodespacerange", "%d beginbfchar" % len(subset),
    ] + ["<%02X> <%s>" % (i, utf16(v)) for i, v in enumerate(subset)] + [
        "endbfchar", "endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    return "\n".join(lines)


# Chinese line-breaking rules (GB/T 15834 避头尾): closing punctuation never opens a line and
# opening punctuation never ends one. reportlab's CJK wrapping knows only part of the first
# set (not the full-width comma, colon or semicolon) and "hangs" the one character that
# overflows, so a "”、" pair still put "、" at the head of the next line.
CANNOT_START = "，。、：；！？）》〉」』】〕”’…·—%‰℃,.;:!?)]}"
CANNOT_END = "“‘（《〈「『【〔([{"


def _width(u, max_width):
    w = u.width
    if hasattr(w, "normalizedValue"):
        w._normalizer = max_width
        w = w.normalizedValue(max_width)
    return w


def _breaks(units, widths, max_widths, forced=()):
    """Line ends for CJK text: (start, end, width used, line width) per line.

    Fills each line greedily. A single closing mark that overflows hangs in the margin, as
    reportlab does; otherwise, when a character overflows, the break moves back so that no
    closing punctuation opens the next line, no opening punctuation ends this one, and a
    run of Latin letters or digits (a date, a rule code) stays whole — as long as the line
    keeps at least half its characters. ``forced``: indexes of explicit line breaks.
    """
    def latin(u) -> bool:  # letters, digits and their punctuation: 93.9%, ACT-LESSON
        return bool(u) and ord(u[0]) < 0x2000 and not u.isspace()

    out = []
    i = start = 0
    used = 0.0
    n = len(units)
    max_width = max_widths[0]
    while i < n:
        used += widths[i]
        i += 1
        hard = (i - 1) in forced
        if not (hard or used > max_width + 1e-8):
            continue
        if hard:
            end = i
        elif (units[i - 1] in CANNOT_START and i - 1 > start and (i >= n or units[i] not in CANNOT_START)
              and units[i - 2] not in CANNOT_START and units[i - 2] not in CANNOT_END
              and not (i < n and latin(units[i - 2]) and latin(units[i]))):  # not the . of 93.9
            end = i  # one closing mark hangs in the margin (悬挂), the line stays flush
        else:
            end = i - 1  # the overflowing character opens the next line …
            floor = start + max(1, (i - start) // 2)
            k = end  # … with the whole Latin word or number it belongs to
            while k > floor:
                if units[k] in CANNOT_START or units[k - 1] in CANNOT_END:
                    k -= 1
                elif latin(units[k]) and latin(units[k - 1]):
                    k -= 1
                else:
                    break
            if k > floor:
                end = k
            elif units[end] in CANNOT_START:
                end = i  # no room to move back: let the mark hang rather than open a line
            end = max(end, start + 1)  # a single glyph wider than the line still moves on
        line_used = sum(widths[start:end])
        out.append((start, end, line_used, max_width))
        max_width = max_widths[min(len(out), len(max_widths) - 1)]
        start = i = end
        used = 0.0
    if start < n:
        out.append((start, n, sum(widths[start:n]), max_width))
    return out


_char_widths: dict = {}


def _word_split(word, maxWidths, fontName, fontSize, encoding="utf8"):
    """Drop-in for reportlab's ``textsplit.wordSplit`` (single-font CJK paragraphs)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    if isinstance(word, bytes):
        word = word.decode(encoding)
    if not isinstance(maxWidths, (list, tuple)):
        maxWidths = [maxWidths]
    cache = _char_widths.setdefault((fontName, fontSize), {})
    widths = []
    for ch in word:
        w = cache.get(ch)
        if w is None:
            w = cache[ch] = stringWidth(ch, fontName, fontSize)
        widths.append(w)
    return [(mw - used, word[a:b]) for a, b, used, mw in _breaks(word, widths, maxWidths)]


def _cjk_frag_split(frags, maxWidths, calcBounds, encoding="utf8"):
    """Drop-in for reportlab's ``cjkFragSplit`` (CJK paragraphs with several fonts)."""
    from reportlab.platypus.paragraph import ParaLines, cjkU, makeCJKParaLine

    units = []
    for f in frags:
        text = f.text
        if isinstance(text, bytes):
            text = text.decode(encoding)
        if text:
            units.extend(cjkU(t, f, encoding) for t in text)
        else:
            units.append(cjkU(text, f, encoding))
    max_width = maxWidths[0]
    widths = [_width(u, max_width) for u in units]
    forced = {k for k, u in enumerate(units) if hasattr(u.frag, "lineBreak")}
    lines = [makeCJKParaLine(units[a:b], mw, used, mw - used, (b - 1) in forced, calcBounds)
             for a, b, used, mw in _breaks(units, widths, maxWidths, forced)]
    return ParaLines(kind=1, lines=lines)


def _split_bl_para_hard(blPara, start, stop):
    """reportlab's ``_split_blParaHard`` without the space it adds at each former line end.

    When a paragraph of several fonts (a 楷体 lead, a fallback glyph) breaks across pages, the
    rest is rebuilt from its lines' fragments; reportlab joins them with a space, which Latin
    text needs and Chinese does not: "创 星" showed up in the re-wrapped remainder.
    """
    frags = []
    lines = blPara.lines[start:stop]
    for k, line in enumerate(lines):
        frags.extend(line.words)
        if k == len(lines) - 1:
            continue
        i = len(frags) - 1
        while i >= 0 and hasattr(frags[i], "cbDefn") and not getattr(frags[i].cbDefn, "width", 0):
            i -= 1
        if i < 0:
            continue
        g = frags[i]
        nxt = next((w.text for w in lines[k + 1].words if getattr(w, "text", "")), "")
        if g.text and nxt and (ord(g.text[-1]) >= 0x2E80 or ord(nxt[0]) >= 0x2E80):
            continue  # Chinese on either side: the lines join directly
        if not g.text:
            g.text = " "
        elif g.text[-1] != " ":
            g.text += " "
    return frags


def _patch_reportlab() -> None:
    from reportlab import rl_config
    from reportlab.pdfbase import ttfonts
    from reportlab.platypus import paragraph

    if getattr(ttfonts.makeToUnicodeCMap, "__name__", "") != _to_unicode_cmap.__name__:
        ttfonts.makeToUnicodeCMap = _to_unicode_cmap
    if paragraph.cjkFragSplit is not _cjk_frag_split:
        paragraph.cjkFragSplit = _cjk_frag_split
        paragraph.wordSplit = _word_split
        paragraph._split_blParaHard = _split_bl_para_hard
    # Streams as binary (zlib) without the ASCII85 layer: smaller files, less pure-Python work.
    rl_config.useA85 = 0


def _register(ff: FontFile) -> str | None:
    """Register one font file with reportlab; None when it is unusable.

    TrueType outlines go to reportlab directly; OpenType/CFF ones through ``CFFFont``.
    """
    if ff in _registered:
        return _registered[ff]
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont, TTFError

    if not _unpack(ff.path):
        _registered[ff] = None
        return None

    name = f"CJK{len(_registered) + 1}"
    try:
        index = _subfont_index(ff.path, ff.index)
    except Exception:  # noqa: BLE001 - a damaged file on the machine is skipped, not fatal
        index = 0
    try:
        font = TTFont(name, ff.path, subfontIndex=index)
    except TTFError as exc:
        if "postscript outlines" not in str(exc).lower():
            _registered[ff] = None
            return None
        try:
            font = _cff_font(name, ff.path, index)
        except Exception:  # noqa: BLE001 - fontTools raises many kinds on a damaged face
            _registered[ff] = None
            return None
    except (OSError, ValueError, KeyError):
        _registered[ff] = None
        return None
    pdfmetrics.registerFont(font)
    _coverage[name] = frozenset(font.face.charToGlyph)
    _registered[ff] = name
    return name


def _first_usable(files: dict[str, Path], candidates) -> str | None:
    for fname, index in candidates:
        path = files.get(fname.lower())
        if path is None:
            continue
        name = _register(FontFile(str(path), index))
        if name and 0x515A in _coverage[name]:  # 党: a font that cannot print it is no CJK font
            return name
    return None


def pdf_fonts() -> FontSet:
    """The CJK fonts for PDF output, found and registered on first use.

    Raises:
        LedgerError: no usable Chinese font at all — not even the bundled one (a broken install).
    """
    global _fontset
    with _lock:
        if _fontset is not None:
            return _fontset
        _patch_reportlab()
        files = _index_files()
        general = _first_usable(files, _GENERAL_FILES[:-1])  # the machine's, not the bundled one
        roles = {role: (_first_usable(files, cands) or general
                        or _first_usable(files, _CFF_ROLE_FILES[role]))
                 for role, cands in _ROLE_FILES.items()}
        bundled = _first_usable(files, _GENERAL_FILES[-1:])
        roles = {k: v or bundled for k, v in roles.items()}
        if roles["body"] is None:
            raise LedgerError(
                "未找到可用的中文字体，无法生成PDF：程序自带的字体文件（resources/fonts/"
                f"{BUNDLED_FONT}）缺失或已损坏，请重新安装本程序。")
        roles = {k: v or roles["body"] for k, v in roles.items()}
        pending = list(dict.fromkeys(FontFile(str(files[f.lower()]), i)
                                     for f, i in _FALLBACK_FILES if f.lower() in files))
        _fontset = FontSet(roles["body"], roles["heading"], roles["title"], roles["kai"],
                           (), dict(_coverage), pending)
        return _fontset


def reset_for_tests() -> None:
    """Forget the chosen fonts so the next ``pdf_fonts()`` searches again (font folders changed)."""
    global _fontset
    with _lock:
        _fontset = None


_collect = threading.local()


class missing_characters:
    """Collect, while one document is written on this thread, each character no font has and
    the text it stood in: ``with missing_characters() as found: …`` then ``missing_notice(found)``.
    The page shows 〓 for it; the person is told which names to check, never left to find it."""

    def __enter__(self) -> dict[str, list[str]]:
        self.outer = getattr(_collect, "found", None)
        _collect.found = {}
        return _collect.found

    def __exit__(self, *exc) -> None:
        _collect.found = self.outer


def note_missing(ch: str, text: str) -> None:
    found = getattr(_collect, "found", None)
    if found is None:
        return
    at = text.find(ch)
    shown = text if len(text) <= 12 else text[max(0, at - 5):at + 6]
    places = found.setdefault(ch, [])
    if shown not in places and len(places) < 5:
        places.append(shown)


def missing_notice(found: dict[str, list[str]]) -> str | None:
    """One Chinese sentence naming the characters printed as 〓 and where they are, or None."""
    if not found:
        return None
    parts = []
    for ch, places in found.items():
        where = "、".join(f"“{p}”" for p in places)
        parts.append(f"“{ch}”（U+{ord(ch):04X}，见{where}）")
    return (f"本机和程序自带的字体都没有{'、'.join(parts)}这{len(found)}个字，文档中已印为“{MISSING_GLYPH}”，"
            f"请核对后手写补正，或安装含有这些字的字体后重新导出")


def markup(text: str | None, font: str, fonts: FontSet) -> str:
    """``text`` escaped for a reportlab Paragraph, with per-character fallback fonts.

    Characters ``font`` lacks are wrapped in ``<font name=…>`` of the first fallback that has
    them, or replaced by 〓 when none does. Line breaks become ``<br/>``.
    """
    if not text:
        return ""
    have = fonts.coverage.get(font, frozenset())
    out: list[str] = []
    run: list[str] = []
    for ch in xml_safe(text):
        cp = ord(ch)
        if cp in have or ch in "\n\r\t":
            run.append(ch)
            continue
        if run:
            out.append(escape("".join(run)))
            run = []
        alt = fonts.fallback_for(cp)
        if alt is None:
            note_missing(ch, text)
            out.append(escape(MISSING_GLYPH) if MISSING_GLYPH and ord(MISSING_GLYPH) in have else "?")
        else:
            out.append(f'<font name="{alt}">{escape(ch)}</font>')
    if run:
        out.append(escape("".join(run)))
    return "".join(out).replace("\r\n", "\n").replace("\r", "\n").replace("\n", "<br/>")


def plain(text: str | None, font: str, fonts: FontSet) -> str:
    """``text`` for canvas.drawString (no markup): characters no font has become 〓."""
    if not text:
        return ""
    have = fonts.coverage.get(font, frozenset())
    text = str(text)
    out = []
    for ch in text:
        if ord(ch) in have:
            out.append(ch)
        else:
            note_missing(ch, text)
            out.append(MISSING_GLYPH)
    return "".join(out)
