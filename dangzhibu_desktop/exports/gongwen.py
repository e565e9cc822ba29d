"""The 公文 page (GB/T 9704-2012), declared once for the Word and the PDF writers.

Plain numbers only (millimetres and points), so ``docxkit`` and ``pdfkit`` each turn them
into their library's units and cannot drift apart; and where a long title may break.
"""

from __future__ import annotations

import re

PAGE_MM = (210, 297)  # A4, portrait (width, height)
# Margins of the portrait page (天头 37, 下白边 35, 订口 28, 翻口 26), and of the landscape pages
# (wide tables) whose margins turn with the paper.
MARGINS_MM = {"top": 37, "bottom": 35, "left": 28, "right": 26}
WIDE_MARGINS_MM = {"top": 26, "bottom": 24, "left": 22, "right": 20}

TEXT_WIDTH_MM = PAGE_MM[0] - MARGINS_MM["left"] - MARGINS_MM["right"]  # 156 mm = 442.2 pt
TEXT_HEIGHT_MM = PAGE_MM[1] - MARGINS_MM["top"] - MARGINS_MM["bottom"]  # 225 mm

# The character grid: 22 lines of 28 characters in the text block.
LINES_PER_PAGE = 22
CHARS_PER_LINE = 28
LINE_PITCH_TWIPS = 579  # 225 mm / 22 lines, rounded down so 22 lines fit: 28.95 pt
LINE_PITCH_PT = LINE_PITCH_TWIPS / 20

# Sizes (pt): body 三号, title 二号, page number 四号.
BODY_PT = 16
TITLE_PT = 22
PAGE_NUMBER_PT = 14
# 28 characters of 16 pt need 448 pt, 6 pt more than the measure: each character is set
# 0.25 pt condensed (a 15.75 pt pitch, 441 pt a line).
CONDENSE_PT = 0.25
BODY_PITCH_PT = BODY_PT - CONDENSE_PT


# ---- titles ------------------------------------------------------------------------------
# A title too long for one line is broken between words only (GB/T 9704: 回行时要做到词意完整),
# never inside a unit's name ("分公/司") or a document's ("花名/册"). The words of a title are
# the parts of the branch's name (a unit ends in 公司, 集团, 党委 …; 书记 stays with its 支部),
# the year, and the rest.
_UNIT_END = re.compile(r"集团股份有限公司|集团有限公司|有限责任公司|股份有限公司|有限公司|分公司|子公司|公司|集团"
                       r"|委员会|党委|党总支|党支部书记|党支部|(?<!党)支部书记|(?<!党)支部|总支|分厂|车间|项目部|中心|学校|医院")
_YEAR = re.compile(r"\d{4}年度?")


def title_words(text: str) -> list[str]:
    """``text`` cut where a line may break: after each unit of the name and around the year."""
    cuts = {0, len(text)}
    for m in _UNIT_END.finditer(text):
        cuts.add(m.end())
    for m in _YEAR.finditer(text):
        cuts.update((m.start(), m.end()))
    at = sorted(cuts)
    return [text[a:b] for a, b in zip(at, at[1:]) if b > a]


def title_lines(text: str, fits) -> list[str]:
    """The fewest lines of whole words that each ``fits(line)``, the longest as short as can
    be (balanced lines, as titles are set); a single word too long stays whole for the
    writer's own breaking. A ``\\n`` in ``text`` always breaks."""
    if "\n" in text:  # lines the writer chose, each broken further when still too long
        return [part for line in text.split("\n") for part in title_lines(line, fits)]
    if fits(text):
        return [text]
    words = title_words(text)
    n = len(words)
    if n > 12:  # a title of many short words: fill lines greedily
        lines = [words[0]]
        for w in words[1:]:
            if fits(lines[-1] + w):
                lines[-1] += w
            else:
                lines.append(w)
        return lines
    best = None
    for mask in range(1 << (n - 1)):
        lines, start = [], 0
        for i in range(1, n):
            if mask >> (i - 1) & 1:
                lines.append("".join(words[start:i]))
                start = i
        lines.append("".join(words[start:]))
        over = sum(not fits(line) for line in lines)
        key = (over, len(lines), max(map(len, lines)))
        if best is None or key < best[0]:
            best = (key, lines)
    return best[1]
