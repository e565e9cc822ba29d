"""The 公文 page (GB/T 9704-2012), declared once for the Word and the PDF writers.

Plain numbers only (millimetres and points), so ``docxkit`` and ``pdfkit`` each turn them
into their library's units and cannot drift apart.
"""

from __future__ import annotations

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
