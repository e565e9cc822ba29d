"""会议记录簿: the 目录's page numbers point at the pages the records start on (PDF, read back
page by page; Word, PAGEREF fields to bookmarks on the records' titles), the 授课人 of a 党课 in
the index, and the blank page behind the cover for two-sided printing."""

from __future__ import annotations

import re

import pytest
from docx import Document
from docx.oxml.ns import qn

from dangzhibu_desktop.exports import export_document
from tests.pdf_support import needs_poppler, pdftext, squash

YEAR = 2025
BRANCH = "第九党支部"
LONG = {4, 11, 12, 30}  # records whose minutes run over several pages


@pytest.fixture
def book(ledger):
    ledger.save_branch({"name": BRANCH})
    host = ledger.insert("members", {"name": "郑主持", "gender": "男"})
    lecturer = ledger.insert("members", {"name": "钱授课", "gender": "女"})
    kinds = ("支部委员会", "支部党员大会", "主题党日", "党课")
    meetings = []
    for i in range(40):  # enough for a 目录 of two pages
        kind = kinds[i % len(kinds)]
        paragraphs = 45 if i in LONG else 2
        content = "\n".join(f"第{k + 1}段：会议认真学习有关文件精神，结合实际谈体会、找差距、定措施。" * 2
                            for k in range(paragraphs))
        meetings.append(ledger.insert("meetings", {
            "kind": kind, "date": f"{YEAR}-{1 + i // 4:02d}-{1 + (i % 4) * 7:02d}",
            "topic": f"第{i + 1}次会议议题" + ("，研究部署有关重点工作" * (i % 3)),
            "host_id": host, "lecturer_id": lecturer if kind == "党课" else None, "content": content}))
    return ledger, meetings


def _printed_numbers(pages: list[str]) -> list[int | None]:
    """The "— n —" at each page's foot (None: no number)."""
    out = []
    for p in pages:
        m = re.findall(r"—\s*(\d+)\s*—", p)
        out.append(int(m[-1]) if m else None)
    return out


def _index_rows(pages: list[str]) -> dict[int, tuple[str, int]]:
    """序号 -> (the row's text, its 页码) from the 目录 pages (pdftotext -layout)."""
    rows = {}
    for page in pages:
        for line in page.splitlines():
            m = re.match(r"\s*(\d+)\s+(\d+月\d+日)\s+(.*?)\s+(\d+)\s*$", line)
            if m:
                rows[int(m.group(1))] = (line, int(m.group(4)))
    return rows


def _check_pdf_index(out, n: int, blank: bool) -> list[str]:
    pages = pdftext(out, layout=True).split("\f")[:-1]
    numbers = _printed_numbers(pages)
    first_index = 2 if blank else 1
    assert numbers[0] is None  # the cover
    if blank:
        assert not pages[1].strip() and numbers[1] is None  # the cover's back: nothing on it
    assert "目" in pages[first_index] and numbers[first_index] == 1
    index_pages = [p for p in pages if "页码" in p]
    assert len(index_pages) >= 2  # the head row repeats on the index's second page
    rows = _index_rows(index_pages)
    assert sorted(rows) == list(range(1, n + 1))
    # Each record starts on the page whose foot prints the index's number: its running header
    # without （续）; the page before it belongs to another record or to the index.
    by_number = {num: i for i, num in enumerate(numbers) if num is not None}
    starts = [i for i, p in enumerate(pages) if f"{BRANCH}" in p and "（续）" not in p.splitlines()[0]
              and "会议地点" in p]
    assert len(starts) == n
    for k, (number, (line, page)) in enumerate(sorted(rows.items())):
        at = by_number[page]
        assert at == starts[k], (number, line, page)
        assert "（续）" not in pages[at].split("\n", 3)[0]
    # the long records really moved the later ones on (numbers are not just 序号 + offset)
    pages_of = [rows[k][1] for k in sorted(rows)]
    gaps = [b - a for a, b in zip(pages_of, pages_of[1:])]
    assert max(gaps) >= 3 and min(gaps) == 1
    return pages


@needs_poppler
def test_pdf_index_page_numbers_point_at_each_record(book, tmp_path):
    ledger, meetings = book
    out = export_document("ledger", ledger, YEAR, tmp_path / "记录簿.pdf")
    pages = _check_pdf_index(out, len(meetings), blank=False)
    rows = _index_rows([p for p in pages if "页码" in p])
    # 党课 rows name who gave it, the others who chaired
    for k, (line, _) in rows.items():
        if "党课" in line:
            assert "钱授课" in line and "郑主持" not in line, line
        else:
            assert "郑主持" in line and "钱授课" not in line, line
    assert "授课人" in squash(pages[1])


@needs_poppler
def test_pdf_blank_page_after_the_cover(book, tmp_path):
    ledger, meetings = book
    plain = export_document("ledger", ledger, YEAR, tmp_path / "a.pdf")
    two_sided = export_document("ledger", ledger, YEAR, tmp_path / "b.pdf", blank_after_cover=True)
    _check_pdf_index(two_sided, len(meetings), blank=True)
    a, b = (pdftext(p).split("\f")[:-1] for p in (plain, two_sided))
    assert len(b) == len(a) + 1
    assert [squash(p) for p in b[2:]] == [squash(p) for p in a[1:]]  # same pages, same numbers


def test_docx_index_page_column_is_a_pageref_to_each_record(book, tmp_path):
    ledger, meetings = book
    doc = Document(export_document("ledger", ledger, YEAR, tmp_path / "记录簿.docx"))
    index = doc.tables[0]
    assert [c.text for c in index.rows[0].cells] == ["序号", "日期", "会议类型", "议题", "主持人\n（授课人）",
                                                    "应到", "实到", "页码"]
    marks = {}
    for p in doc.paragraphs:
        for b in p._p.findall(qn("w:bookmarkStart")):
            marks[b.get(qn("w:name"))] = p.text
    titles = [t for t in marks.values()]
    assert len(titles) == len(meetings)
    for k, row in enumerate(index.rows[1:], 1):
        cells = row.cells
        instr = "".join(t.text for t in row._tr.iter(qn("w:instrText")))
        m = re.fullmatch(r"\s*PAGEREF (\S+) \\h\s*", instr)
        assert m, instr
        assert m.group(1) in marks
        kind = cells[2].text
        assert marks[m.group(1)] == (f"{kind}记录" if kind == "党课" or kind == "主题党日" else f"{kind}会议记录")
        assert cells[4].text == ("钱授课" if kind == "党课" else "郑主持")
        assert cells[0].text == str(k)
    # the bookmarks are met in the index's order
    refs = [re.search(r"PAGEREF (\S+)", "".join(t.text for t in r._tr.iter(qn("w:instrText")))).group(1)
            for r in index.rows[1:]]
    assert refs == list(marks)
    upd = doc.settings.element.find(qn("w:updateFields"))
    assert upd is not None and upd.get(qn("w:val")) == "true"


def test_docx_blank_page_after_the_cover(book, tmp_path):
    ledger, _ = book

    def cover_breaks(doc):
        body = doc.element.body
        first_sect = next(p for p in body.iter(qn("w:p")) if p.find(qn("w:pPr")) is not None
                          and p.find(qn("w:pPr")).find(qn("w:sectPr")) is not None)
        cover = []
        for el in body:
            cover.append(el)
            if el is first_sect:
                break
        return sum(1 for el in cover for br in el.iter(qn("w:br")) if br.get(qn("w:type")) == "page")

    plain = Document(export_document("ledger", ledger, YEAR, tmp_path / "a.docx"))
    two_sided = Document(export_document("ledger", ledger, YEAR, tmp_path / "b.docx", blank_after_cover=True))
    assert cover_breaks(plain) == 0 and cover_breaks(two_sided) == 1
    # the cover (and its blank back) carry no page number; numbering starts at 1 after them
    assert two_sided.sections[0]._sectPr.find(qn("w:footerReference")) is None
    assert two_sided.sections[1]._sectPr.find(qn("w:pgNumType")).get(qn("w:start")) == "1"
