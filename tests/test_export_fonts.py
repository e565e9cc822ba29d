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


def test_no_cjk_font_gives_a_chinese_message_naming_what_to_install(tmp_path, monkeypatch, fresh_fonts):
    monkeypatch.setattr(F, "_font_dirs", lambda: [tmp_path])
    with pytest.raises(LedgerError) as exc:
        F.pdf_fonts()
    msg = str(exc.value)
    assert "未找到可用的中文TrueType字体" in msg and "simfang.ttf" in msg and "fonts-wqy-zenhei" in msg


def test_fonts_are_registered_once_per_process(fresh_fonts):
    first = F.pdf_fonts()
    assert F.pdf_fonts() is first
    assert 0x515A in first.coverage[first.body]  # 党


def test_opentype_cff_fonts_are_not_chosen(tmp_path, monkeypatch, fresh_fonts):
    """A Noto CJK .otf/.ttc (CFF outlines) renamed to a wanted file name is refused, not used."""
    import glob
    import shutil

    cff = (glob.glob("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
           + glob.glob("/usr/share/fonts/opentype/noto/*.otf"))
    if not cff:
        pytest.skip("no CFF-outline CJK font on this machine")
    shutil.copy(cff[0], tmp_path / "simfang.ttf")
    monkeypatch.setattr(F, "_font_dirs", lambda: [tmp_path])
    with pytest.raises(LedgerError):
        F.pdf_fonts()


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
