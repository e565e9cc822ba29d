"""PDF pages as the 公文 sets them: "— n —" odd numbers at the right and even at the left, one
character in from the text block (as the Word footers); long titles broken between words only
("花名/册", "分公/司" and a lone "书记" were the faults), in the PDF and in Word."""

from __future__ import annotations

import re
import subprocess

import pytest
from docx import Document

from dangzhibu_desktop.exports import export_document, gongwen
from dangzhibu_desktop.exports.kinds import KINDS
from dangzhibu_desktop.ledger import open_ledger
from tests.export_fixture import YEAR, build
from tests.pdf_support import needs_poppler, pdftext

LONG_BRANCH = "山东海岱能源集团有限公司所属济南分公司运维检修第一党支部"
UNITS = ("山东海岱能源集团有限公司", "所属济南分公司", "运维检修第一党支部")
MM = 72 / 25.4


@pytest.fixture(scope="module")
def book(tmp_path_factory):
    path = tmp_path_factory.mktemp("ledger") / "台账.sqlite"
    led = open_ledger(path, create=True)
    build(led, long_minutes=30)
    led.save_branch({"name": LONG_BRANCH})
    yield led
    led.close()


def test_title_words_are_the_units_the_year_and_the_rest():
    assert gongwen.title_words(f"{LONG_BRANCH}2026年度党费收缴台账") == [
        *UNITS, "2026年度", "党费收缴台账"]
    assert gongwen.title_words("2026年度第一党支部书记抓基层党建工作述职报告") == [
        "2026年度", "第一党支部书记", "抓基层党建工作述职报告"]


def test_title_lines_break_between_words_balanced():
    fits = lambda line: len(line) <= 20  # noqa: E731 - 20 characters of 二号 on the portrait page
    assert gongwen.title_lines("第一党支部党员花名册", fits) == ["第一党支部党员花名册"]
    lines = gongwen.title_lines(f"{LONG_BRANCH}党员花名册", fits)
    assert lines == ["山东海岱能源集团有限公司所属济南分公司", "运维检修第一党支部党员花名册"]
    # the fewest lines, then the longest as short as can be: not a long line and a short one
    lines = gongwen.title_lines("海岱能源有限公司第一党支部2026年度党费收缴台账", fits)
    assert lines == ["海岱能源有限公司第一党支部", "2026年度党费收缴台账"]
    # a line the writer chose stays; one still too long is broken further
    assert gongwen.title_lines(f"{LONG_BRANCH}\n2026年党建工作计划", fits) == [
        "山东海岱能源集团有限公司", "所属济南分公司运维检修第一党支部", "2026年党建工作计划"]
    # 书记 never alone on a line
    lines = gongwen.title_lines(f"2026年度{LONG_BRANCH}书记抓基层党建工作述职报告", fits)
    assert all(line != "书记" and not line.startswith("书记") for line in lines), lines


@needs_poppler
@pytest.mark.parametrize("kind", ["roster", "dues", "volunteer", "talks", "readiness", "shuzhi", "plan"])
def test_a_long_branch_name_breaks_the_pdf_title_between_words(book, tmp_path, kind):
    out = export_document(kind, book, YEAR, tmp_path / f"{kind}.pdf")
    lines = [ln.strip() for ln in pdftext(out, layout=True).split("\f")[0].splitlines() if ln.strip()]
    label = KINDS[kind].label.removeprefix("年度")
    title = []
    for line in lines:  # the title: the lines down to the one that ends with the document's name
        title.append(line)
        if line.endswith(label):
            break
    assert len(title) < len(lines), lines[:6]
    for word in (*UNITS, label):
        assert any(word in re.sub(r"\s+", "", line) for line in title), (word, title)
    assert not any(line == "书记" or line.startswith("书记") for line in title), title
    if kind == "shuzhi":  # the title and the signature line under it both name the 书记 whole
        assert sum("运维检修第一党支部书记" in re.sub(r"\s+", "", line) for line in lines[:8]) == 2, lines[:8]


def test_a_long_branch_name_breaks_the_word_title_between_words(book, tmp_path):
    for kind in ("talks", "readiness", "plan", "shuzhi"):
        doc = Document(export_document(kind, book, YEAR, tmp_path / f"{kind}.docx"))
        title = next(p for p in doc.paragraphs if p.style.name == "Title").text.split("\n")
        assert len(title) >= 2, (kind, title)
        for word in UNITS:
            assert any(word in line for line in title), (kind, word, title)


def _foot_numbers(path) -> list[tuple[int, float, float, float]]:
    """(number, left edge of its first dash, right edge of its last dash, page width) per page."""
    html = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, check=True).stdout.decode()
    out = []
    for page in re.findall(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', html, re.S):
        width, height, body = float(page[0]), float(page[1]), page[2]
        words = [(float(a), float(b), float(c), t) for a, b, c, t in re.findall(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>', body)]
        foot = [w for w in words if w[1] > height - 35 * MM]  # below the text block
        for i in range(len(foot) - 2):
            if foot[i][3] == "—" and foot[i + 1][3].isdigit() and foot[i + 2][3] == "—":
                out.append((int(foot[i + 1][3]), foot[i][0], foot[i + 2][2], width))
                break
    return out


@needs_poppler
@pytest.mark.parametrize("kind, margins", [("ledger", gongwen.MARGINS_MM), ("roster", gongwen.WIDE_MARGINS_MM),
                                           ("shuzhi", gongwen.MARGINS_MM)])
def test_page_numbers_odd_right_even_left(book, tmp_path, kind, margins):
    out = export_document(kind, book, YEAR, tmp_path / f"{kind}.pdf")
    numbers = _foot_numbers(out)
    assert [n for n, *_ in numbers] == list(range(1, len(numbers) + 1))
    assert len(numbers) >= {"ledger": 4, "shuzhi": 2, "roster": 1}[kind], numbers  # roster: one wide page
    one = gongwen.PAGE_NUMBER_PT  # 一字 of 四号
    for n, left, right, width in numbers:
        if n % 2:
            assert abs(right - (width - margins["right"] * MM - one)) < 1.5, (n, right, width)
        else:
            assert abs(left - (margins["left"] * MM + one)) < 1.5, (n, left)


@needs_poppler
def test_no_table_row_stands_alone_at_a_page_break(tmp_path):
    """For every length of a one-column table over two pages: neither page holds a single row
    under the head (the 花名册's orphan row alone on page 3)."""
    from dangzhibu_desktop.exports.common import Job
    from dangzhibu_desktop.exports.pdfkit import PdfWriter

    lonely = []
    for n in range(24, 44):
        out = tmp_path / f"t{n}.pdf"
        w = PdfWriter(Job(ledger=None, year=YEAR), out, "测试")
        w.build([w.p("标题", "title"), w.table([["序号"]] + [[f"R{i}"] for i in range(1, n + 1)], [40 * MM],
                                              total_rows=0)])
        counts = [len(re.findall(r"R\d+", p)) for p in pdftext(out).split("\f")[:-1]]
        assert sum(counts) == n
        if len(counts) > 1 and min(counts) < 2:
            lonely.append((n, counts))
    # a table that starts low on a page: one row there would stand alone above the break
    from dangzhibu_desktop.exports.pdfkit import Spacer

    for above in range(180, 224, 3):  # millimetres of text block used before the table
        out = tmp_path / f"s{above}.pdf"
        w = PdfWriter(Job(ledger=None, year=YEAR), out, "测试")
        w.build([Spacer(1, above * MM), w.table([["序号"]] + [[f"R{i}"] for i in range(1, 9)], [40 * MM])])
        counts = [c for c in (len(re.findall(r"R\d+", p)) for p in pdftext(out).split("\f")[:-1])]
        if 1 in counts:
            lonely.append((above, counts))
    assert not lonely, lonely


@needs_poppler
def test_no_composer_table_row_stands_alone_at_a_page_break(tmp_path):
    """The same for the lean composer's tables (the 会议记录簿's 目录)."""
    from dangzhibu_desktop.exports.canvaskit import Cell, Composer, Style

    lonely = []
    for n in range(22, 46):
        out = tmp_path / f"c{n}.pdf"
        c = Composer(out, "测试")
        st = Style(c.fonts.body, 12, 20)
        c.table([[Cell("序号", st)]] + [[Cell(f"R{i}", st)] for i in range(1, n + 1)], [40 * MM], head_rows=1)
        c.save()
        counts = [len(re.findall(r"R\d+", p)) for p in pdftext(out).split("\f")[:-1]]
        assert sum(counts) == n
        if len(counts) > 1 and min(counts) < 2:
            lonely.append((n, counts))
    for above in range(180, 224, 3):
        out = tmp_path / f"d{above}.pdf"
        c = Composer(out, "测试")
        st = Style(c.fonts.body, 12, 20)
        c.paragraph("上文", st)
        c.space(above * MM)
        c.table([[Cell("序号", st)]] + [[Cell(f"R{i}", st)] for i in range(1, 9)], [40 * MM], head_rows=1)
        c.save()
        counts = [len(re.findall(r"R\d+", p)) for p in pdftext(out).split("\f")[:-1]]
        if 1 in counts:
            lonely.append((above, counts))
    assert not lonely, lonely
