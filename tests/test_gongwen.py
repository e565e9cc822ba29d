"""The 公文 page geometry is declared once (``exports.gongwen``) and both writers follow it."""

from __future__ import annotations

from pathlib import Path

import docx
from reportlab.lib.units import mm

from dangzhibu_desktop.exports import docxkit, gongwen, pdfkit

EXPORTS = Path(gongwen.__file__).parent


def test_the_numbers_are_gbt_9704():
    assert gongwen.PAGE_MM == (210, 297)
    assert gongwen.MARGINS_MM == {"top": 37, "bottom": 35, "left": 28, "right": 26}
    assert (gongwen.TEXT_WIDTH_MM, gongwen.TEXT_HEIGHT_MM) == (156, 225)
    assert gongwen.LINES_PER_PAGE * gongwen.LINE_PITCH_PT <= gongwen.TEXT_HEIGHT_MM / 25.4 * 72
    assert gongwen.CHARS_PER_LINE * gongwen.BODY_PITCH_PT <= gongwen.TEXT_WIDTH_MM / 25.4 * 72
    assert (gongwen.BODY_PT, gongwen.TITLE_PT) == (16, 22)  # 三号, 二号


def test_word_pages_follow_the_module(tmp_path):
    doc = docxkit.new_document("测试")
    docxkit.setup_section(doc.sections[0])
    docxkit.setup_section(doc.add_section(), wide=True)
    out = tmp_path / "t.docx"
    doc.save(out)
    portrait, wide = docx.Document(out).sections
    for section, margins, size in ((portrait, gongwen.MARGINS_MM, gongwen.PAGE_MM),
                                   (wide, gongwen.WIDE_MARGINS_MM, gongwen.PAGE_MM[::-1])):
        assert (round(section.page_width.mm), round(section.page_height.mm)) == size
        assert {"top": round(section.top_margin.mm), "bottom": round(section.bottom_margin.mm),
                "left": round(section.left_margin.mm), "right": round(section.right_margin.mm)} == margins
    grid = portrait._sectPr.find(docxkit.qn("w:docGrid"))
    assert grid.get(docxkit.qn("w:linePitch")) == str(gongwen.LINE_PITCH_TWIPS)


def test_pdf_pages_follow_the_module():
    assert pdfkit.PORTRAIT_MARGINS == {k: v * mm for k, v in gongwen.MARGINS_MM.items()}
    assert pdfkit.WIDE_MARGINS == {k: v * mm for k, v in gongwen.WIDE_MARGINS_MM.items()}
    assert (pdfkit.BODY_PT, pdfkit.LINE_PT) == (gongwen.BODY_PITCH_PT, gongwen.LINE_PITCH_PT)


def test_no_writer_types_the_margins_again():
    for path in EXPORTS.glob("*.py"):
        if path.name == "gongwen.py":
            continue
        code = "\n".join(line for line in path.read_text("utf-8").splitlines()
                         if not line.lstrip().startswith("#"))
        body = code.split('"""', 2)[-1]  # after the module docstring
        for typed in ("37 * mm", "Mm(37)", "Mm(28)", "28.95", "15.75", "= 579"):
            assert typed not in body, (path.name, typed)
