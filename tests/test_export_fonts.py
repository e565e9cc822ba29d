"""PDF fonts: discovery, the missing-font message, per-character fallback."""

from __future__ import annotations

import pytest

from dangzhibu_desktop.exports import fonts as F
from dangzhibu_desktop.exports.common import mask_id
from dangzhibu_desktop.ledger.validate import LedgerError


@pytest.fixture
def fresh_fonts():
    F.reset_for_tests()
    yield
    F.reset_for_tests()


def test_a_broken_install_without_any_font_gives_a_chinese_message(tmp_path, monkeypatch, fresh_fonts):
    monkeypatch.setattr(F, "_font_dirs", lambda: [tmp_path])
    monkeypatch.setattr(F, "_bundled_dirs", lambda: [tmp_path])
    with pytest.raises(LedgerError) as exc:
        F.pdf_fonts()
    msg = str(exc.value)
    assert "未找到可用的中文字体" in msg and F.BUNDLED_FONT in msg and "重新安装" in msg


def test_a_machine_without_chinese_fonts_prints_with_the_bundled_font(tmp_path, monkeypatch, fresh_fonts):
    """No font folder on the machine (what a fresh Kylin/UOS or a minimal Linux has): the PDF
    embeds the bundled 文泉驿微米黑 and the Chinese text reads back."""
    from reportlab.pdfgen.canvas import Canvas
    from pypdf import PdfReader

    monkeypatch.setattr(F, "_font_dirs", lambda: [tmp_path / "empty"])
    fs = F.pdf_fonts()
    registered = {name: ff.path for ff, name in F._registered.items() if name}
    assert registered[fs.body] == str(F.bundled_font_path())
    assert {fs.heading, fs.title, fs.kai} == {fs.body}
    out = tmp_path / "x.pdf"
    c = Canvas(str(out))
    c.setFont(fs.body, 12)
    c.drawString(72, 720, F.plain("党支部花名册：张三、李四", fs.body, fs))
    c.save()
    page = PdfReader(str(out)).pages[0]
    assert "党支部花名册：张三、李四" in page.extract_text()
    fonts = page["/Resources"]["/Font"]
    assert any("WenQuanYi" in str(f.get_object()["/BaseFont"]) for f in fonts.values())


def test_the_bundled_font_and_its_licence_ship_together():
    path = F.bundled_font_path()
    assert path is not None and path.stat().st_size > 4_000_000
    licence = (path.parent / "wqy-microhei-LICENSE.txt").read_text(encoding="utf-8")
    assert "Apache License" in licence and "WenQuanYi" in licence


def test_fonts_are_registered_once_per_process(fresh_fonts):
    first = F.pdf_fonts()
    assert F.pdf_fonts() is first
    assert 0x515A in first.coverage[first.body]  # 党


def test_opentype_cff_fonts_are_used_converted_to_truetype(tmp_path, monkeypatch, fresh_fonts):
    """Noto CJK (OpenType/CFF .ttc, what Kylin/UOS ship) is chosen over the bundled face: the
    characters the document uses are embedded as TrueType, and an Extension B name that the
    bundled face lacks (张𠇔) prints and reads back."""
    import os

    from pypdf import PdfReader
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    noto = "/usr/share/fonts/opentype/noto"
    if not os.path.exists(os.path.join(noto, "NotoSerifCJK-Regular.ttc")):
        pytest.skip("no Noto Serif CJK on this machine")
    monkeypatch.setattr(F, "_font_dirs", lambda: [__import__("pathlib").Path(noto)])
    fs = F.pdf_fonts()
    registered = {name: ff for ff, name in F._registered.items() if name}
    assert registered[fs.body].path.endswith("NotoSerifCJK-Regular.ttc")
    assert registered[fs.heading].path.endswith("NotoSansCJK-Regular.ttc")
    assert ord("𠇔") in fs.coverage[fs.body]
    bundled = F._register(F.FontFile(str(F.bundled_font_path())))
    assert ord("𠇔") not in F._coverage[bundled]  # the test means something
    out = tmp_path / "cff.pdf"
    SimpleDocTemplate(str(out)).build([
        Paragraph(F.markup("党员花名册：张𠇔、李𬌗", fs.body, fs), ParagraphStyle("b", fontName=fs.body)),
        Paragraph(F.markup("黑体标题", fs.heading, fs), ParagraphStyle("h", fontName=fs.heading))])
    reader = PdfReader(str(out))
    text = reader.pages[0].extract_text()
    assert "党员花名册：张𠇔、李𬌗" in text and "黑体标题" in text
    embedded = {str(f.get_object()["/BaseFont"]): f.get_object()["/FontDescriptor"].get_object()
                for f in reader.pages[0]["/Resources"]["/Font"].values()
                if "/FontDescriptor" in f.get_object()}
    serif = next(d for n, d in embedded.items() if "NotoSerifCJKsc" in n)
    assert "/FontFile2" in serif  # TrueType outlines, not CFF
    assert any("NotoSansCJKsc" in n for n in embedded)


def test_cff_subset_holds_only_the_documents_characters():
    import io
    import os

    from fontTools.ttLib import TTFont as FTFont

    path = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"
    if not os.path.exists(path):
        pytest.skip("no Noto Serif CJK on this machine")
    index = F._subfont_index(path, "SC")
    data = F._truetype_subset(path, index, [ord(c) for c in "党支部𠇔"])
    font = FTFont(io.BytesIO(data))
    assert "glyf" in font and "CFF " not in font
    assert set(font.getBestCmap()) == {ord(c) for c in "党支部𠇔 "}
    assert font["glyf"][font.getBestCmap()[ord("党")]].numberOfContours > 0


def _fontset(body_has: set[int], fallback_has: set[int]) -> F.FontSet:
    return F.FontSet(body="B", heading="B", title="B", kai="B", fallbacks=("X",),
                     coverage={"B": frozenset(body_has), "X": frozenset(fallback_has)})


def test_markup_switches_font_per_missing_character_and_escapes():
    fs = _fontset({ord(c) for c in "陈刘<>&"} | {ord(F.MISSING_GLYPH)}, {0x2003E})
    assert F.markup("陈𠀾", "B", fs) == '陈<font name="X">𠀾</font>'
    assert F.markup("a<b", "B", _fontset({ord(c) for c in "a<b"}, set())) == "a&lt;b"
    assert F.markup("甲\n乙", "B", _fontset({ord("甲"), ord("乙")}, set())) == "甲<br/>乙"


def test_markup_marks_a_character_no_font_has():
    fs = _fontset({ord("陈"), ord(F.MISSING_GLYPH)}, set())
    assert F.markup("陈𠀾", "B", fs) == "陈〓"
    assert F.plain("陈𠀾", "B", fs) == "陈〓"


def test_mask_id_keeps_six_and_four():
    assert mask_id("11010119900307123X") == "110101********123X"
    assert mask_id("110101900307123") == "110101*****7123"  # old 15-digit numbers too


def _lines(text: str, chars_per_line: int) -> list[str]:
    widths = [1.0] * len(text)
    return [text[a:b] for a, b, _used, _w in F._breaks(text, widths, [float(chars_per_line)])]


def test_no_line_opens_with_closing_punctuation_or_ends_with_opening():
    text = ("党员先锋岗（“设备检修党员先锋岗”）、“党员突击队”，全年办实事10件；"
            "“三会一课”出勤率为93.9%。书记讲党课2次，主题为“守牢安全生产底线”。") * 3
    for width in range(8, 30):
        lines = _lines(text, width)
        assert "".join(lines) == text
        for prev, line in zip(lines, lines[1:]):
            assert line[0] not in F.CANNOT_START, (width, prev, line)
            assert prev[-1] not in F.CANNOT_END, (width, prev, line)
        # a line is over-full only by one hanging closing mark
        for line in lines:
            assert len(line) <= width or (len(line) == width + 1 and line[-1] in F.CANNOT_START), (width, line)


def test_numbers_and_codes_are_not_broken():
    """A Latin/digit run shorter than half a line moves to the next line whole."""
    text = "截至2025年12月31日，全年应缴党费81031.10元，规则ACT-LESSON未达标，出勤率93.9%。" * 2
    for width in range(16, 40):
        lines = _lines(text, width)
        assert "".join(lines) == text
        for prev, line in zip(lines, lines[1:]):
            assert not (prev[-1].isascii() and not prev[-1].isspace()
                        and line[0].isascii() and not line[0].isspace()), (width, prev, line)


def test_windows_font_names_are_found_per_role(tmp_path, monkeypatch, fresh_fonts):
    """A folder laid out like C:\\Windows\\Fonts: 仿宋 for the body, 黑体 for headings, 楷体 for
    二级标题 (here copies of a TrueType CJK face under the Windows file names)."""
    import shutil

    src = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"
    if not __import__("os").path.exists(src):
        pytest.skip("no TrueType CJK face to copy")
    for name in ("simfang.ttf", "simhei.ttf", "simkai.ttf"):
        shutil.copy(src, tmp_path / name)
    monkeypatch.setattr(F, "_font_dirs", lambda: [tmp_path])
    fs = F.pdf_fonts()
    registered = {name: ff.path for ff, name in F._registered.items() if name}
    assert registered[fs.body].endswith("simfang.ttf")
    assert registered[fs.heading].endswith("simhei.ttf")
    assert registered[fs.kai].endswith("simkai.ttf")
    assert registered[fs.title].endswith("simhei.ttf")  # no 小标宋 or 宋体: 黑体 is next in line


WINDOW_PROBE = r"""
from PySide6.QtGui import QFontDatabase, QFontInfo, QRawFont
from PySide6.QtWidgets import QLabel
from dangzhibu_desktop.ui.app import application
app = application()
label = QLabel("党支部工作台")
print(QFontInfo(label.font()).family(), QRawFont.fromFont(label.font()).supportsCharacter("党"),
      sorted(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)), sep="|")
"""


def test_the_window_writes_chinese_on_a_machine_without_chinese_fonts(tmp_path):
    """fontconfig sees no font folder at all (as in an empty mount namespace): the window's
    font is the bundled one, which has the characters (before: a row of boxes)."""
    import os
    import subprocess
    import sys

    conf = tmp_path / "fonts.conf"
    conf.write_text('<?xml version="1.0"?><fontconfig><dir>%s</dir><cachedir>%s</cachedir></fontconfig>'
                    % (tmp_path / "none", tmp_path / "cache"), encoding="utf-8")
    env = dict(os.environ, FONTCONFIG_FILE=str(conf), QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", WINDOW_PROBE], env=env, capture_output=True,
                         text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    family, has_dang, families = out.stdout.strip().splitlines()[-1].split("|")
    assert family.startswith("WenQuanYi Micro Hei"), out.stdout
    assert has_dang == "True" and "WenQuanYi Micro Hei" in families
