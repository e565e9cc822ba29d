"""The lean page composer behind the meeting-book PDF (exports/canvaskit.py): line breaking,
justification, page flow, and the meeting book's edge cases read back with poppler."""

from __future__ import annotations

import re

import pytest

from dangzhibu_desktop.exports import export_document
from dangzhibu_desktop.exports.canvaskit import Cell, Composer, Style
from dangzhibu_desktop.exports.fonts import CANNOT_END, CANNOT_START, pdf_fonts
from tests.pdf_support import needs_poppler, pdfpages, pdftext, squash

YEAR = 2024


def _composer(ledger, tmp_path) -> Composer:
    return Composer(tmp_path / "t.pdf", "测试", first_numbered_page=1)


def _text(line) -> str:
    return "".join(run for _, run in line.runs)


def test_lines_keep_the_chinese_breaking_rules_and_lose_nothing(ledger, tmp_path):
    c = _composer(ledger, tmp_path)
    style = Style(c.fonts.body, 12, 20, "j")
    text = ("支部委员会研究了“两优一先”推荐工作，（一）确定推荐人选；（二）明确时间节点。" * 12
            + "出勤率93.5%，规则ACT-LESSON已达标。")
    lines = c.lines(text, style, 200)
    assert "".join(_text(x) for x in lines) == text
    assert len(lines) > 10
    for prev, line in zip(lines, lines[1:]):
        assert _text(line)[0] not in CANNOT_START, _text(line)
        assert _text(prev)[-1] not in CANNOT_END, _text(prev)
    assert any("93.5%" in _text(x) for x in lines)  # a number is never cut
    # every line but the last stays within the measure (a closing mark may hang 1 em)
    for line in lines:
        assert line.width <= 200 + 12 + 1e-6
    assert [x.last for x in lines].count(True) == 1 and lines[-1].last


def test_new_lines_start_paragraphs_and_the_indent_applies_to_each(ledger, tmp_path):
    c = _composer(ledger, tmp_path)
    style = Style(c.fonts.body, 12, 20, "j", indent=24)
    lines = c.lines("第一段。\n第二段。", style, 300)
    assert [_text(x) for x in lines] == ["第一段。", "第二段。"]
    assert all(x.lead and x.last for x in lines)


def test_characters_no_font_has_become_the_missing_mark(ledger, tmp_path):
    c = _composer(ledger, tmp_path)
    style = Style(c.fonts.body, 12, 20)
    text = _text(c.lines("刘\U000F0001明", style, 300)[0])  # a private-use plane code point
    assert text == "刘〓明"


@pytest.mark.parametrize("left, on_first_page", [(1, 0), (2, 72), (5, 144), (6, 190)])
def test_paragraphs_flow_over_pages_without_widows_or_orphans(ledger, tmp_path, left, on_first_page):
    """``left`` lines of room before a 6-line paragraph: a lone first line (orphan) moves over
    with the rest; a lone last line (widow) takes one more line with it."""
    c = _composer(ledger, tmp_path)
    style = Style(c.fonts.body, 12, 20, "j")
    room_lines = int(c.room // 20)
    c.paragraph("\n".join(["占位"] * (room_lines - left)), Style(c.fonts.body, 12, 20))
    assert c.page == 1 and left * 20 <= c.room < (left + 1) * 20
    para = "甲" * 36 * 5 + "乙" * 10  # 6 lines at 36 characters a line
    assert len(c.lines(para, style, c.width)) == 6
    c.paragraph(para, style)
    c.save()
    if _poppler():
        pages = pdfpages(tmp_path / "t.pdf")
        on_first = pages[0].count("甲") + pages[0].count("乙")
        assert on_first == on_first_page
        assert sum(p.count("甲") + p.count("乙") for p in pages) == 190


def _poppler() -> bool:
    import shutil

    return shutil.which("pdftotext") is not None


def test_a_row_taller_than_a_page_continues_on_the_next(ledger, tmp_path):
    c = _composer(ledger, tmp_path)
    head = Style(c.fonts.heading, 10.5, 14, "c")
    cell = Style(c.fonts.body, 10.5, 14)
    long = "、".join(f"同志{i:03d}（请假：出差）" for i in range(400))
    c.table([[Cell("缺席人员", head), Cell(long, cell)]], [80, 300])
    assert c.page >= 3
    c.save()
    if _poppler():
        text = squash(pdftext(tmp_path / "t.pdf"))
        assert all(f"同志{i:03d}" in text for i in range(400))


# ---- the meeting book's edge cases ------------------------------------------------------
def _meeting(ledger, **values):
    ledger.save_branch({"name": "第四党支部"})
    base = {"kind": "支部委员会", "date": f"{YEAR}-05-05", "topic": "研究工作", "content": "讨论。"}
    return ledger.insert("meetings", {**base, **values})


@needs_poppler
def test_text_that_looks_like_markup_prints_as_typed(ledger, tmp_path):
    _meeting(ledger, content="会上强调<b>不是标签</b>，A&B 5<6，不得简化。", topic="学习<第一章>")
    text = squash(pdftext(export_document("ledger", ledger, YEAR, tmp_path / "簿.pdf")))
    assert "<b>不是标签</b>" in text and "A&B5<6" in text and "学习<第一章>" in text


@needs_poppler
def test_a_very_long_list_of_guests_runs_over_pages_instead_of_failing(ledger, tmp_path):
    guests = "、".join(f"某某单位列席同志{i:03d}" for i in range(300))
    _meeting(ledger, guests=guests)
    out = export_document("ledger", ledger, YEAR, tmp_path / "簿.pdf")
    pages = pdfpages(out)
    text = squash("".join(pages))
    # (a name may be cut by the page foot and head in the extracted text: count them)
    assert text.count("某某单位列席同志") == 300 and "列席同志299" in text
    record = [p for p in pages if "第四党支部支部委员会2024年5月5日" in squash(p)]
    assert len(record) >= 2 and sum("（续）" in p for p in record) == len(record) - 1
    assert "会议内容：" in text and "主持人（签字）" in text


@needs_poppler
def test_a_rare_name_in_the_minutes_is_drawn_or_marked(ledger, tmp_path):
    _meeting(ledger, content="陈𠀾同志发言。")
    text = pdftext(export_document("ledger", ledger, YEAR, tmp_path / "簿.pdf"))
    fonts = pdf_fonts()
    assert ("陈𠀾同志发言" if fonts.fallback_for(0x2003E) else "陈〓同志发言") in squash(text)


@needs_poppler
def test_justified_lines_reach_the_right_margin(ledger, tmp_path):
    _meeting(ledger, topic="学习党章", content="支部委员会认真研究了下一阶段工作安排，" * 20)
    out = export_document("ledger", ledger, YEAR, tmp_path / "簿.pdf")
    import subprocess

    bbox = subprocess.run(["pdftotext", "-bbox", "-f", "3", "-l", "3", str(out), "-"],
                          capture_output=True, text=True, check=True).stdout
    # the right edge of each line of the minutes (not the signature line): all at the measure
    rows: dict[int, float] = {}
    for m in re.finditer(r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<', bbox):
        if set(m.group(3)) & set("认真研究阶段工作安排"):
            y = round(float(m.group(1)))
            rows[y] = max(rows.get(y, 0), float(m.group(2)))
    right = 595.28 - 26 * 72 / 25.4
    lines = sorted(rows.items())
    assert len(lines) >= 10
    # every line but the paragraph's last is justified to the right margin (or past it by the
    # closing mark that hangs there, 悬挂)
    assert all(right - 1 < x < right + 12 for _, x in lines[:-1]), ([x for _, x in lines], right)
    assert sum(abs(x - right) < 0.5 for _, x in lines[:-1]) >= len(lines) - 3
    assert lines[-1][1] < right - 12
