"""Exporters: every document is read back (pdftotext/pdffonts, python-docx, openpyxl) and its
content and layout checked against the fixture ledger's known numbers."""

from __future__ import annotations

import datetime as _dt
import re
import shutil

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Mm
from openpyxl import load_workbook

from dangzhibu_desktop.exports import ExportCancelled, export_document
from dangzhibu_desktop.exports import readiness as readiness_mod
from dangzhibu_desktop.exports import review
from dangzhibu_desktop.exports import shuzhi as shuzhi_mod
from dangzhibu_desktop.exports.common import Job
from dangzhibu_desktop.exports.fonts import pdf_fonts
from dangzhibu_desktop.ledger import open_ledger
from dangzhibu_desktop.ledger.validate import LedgerError
from tests.export_fixture import YEAR, build, make_id, sample_report
from tests.pdf_support import needs_poppler, pdffonts, pdfinfo, pdfpages, pdftext, squash
from tests.xlsx_support import values

LONG_MINUTES = 40  # paragraphs in the 组织生活会 record: runs over several pages


@pytest.fixture(scope="module")
def book(tmp_path_factory):
    """One fixture ledger for the module (built once: the tests only read it)."""
    path = tmp_path_factory.mktemp("ledger") / "台账.sqlite"
    led = open_ledger(path, create=True)
    info = build(led, long_minutes=LONG_MINUTES)
    yield led, info
    led.close()


# ---- 会议记录簿 -------------------------------------------------------------------------
@needs_poppler
def test_meeting_book_pdf_has_cover_index_and_a_page_per_meeting(book, tmp_path):
    led, info = book
    out = export_document("ledger", led, YEAR, tmp_path / "记录簿.pdf")
    n = len(info["meetings"])
    pages = pdfpages(out)
    # cover + index + at least one page per meeting, the long minutes on several
    assert len(pages) >= n + 2 + 1
    assert "会议记录簿" in pages[0] and "第一党支部" in pages[0] and f"共{n}次会议" in squash(pages[0])
    assert "—" not in pages[0]  # no page number on the cover
    index = squash("".join(p for p in pages if "页码" in p))  # the 目录 may take two pages
    assert "目录" in index and "第1季度支部党员大会" in index and "12月主题党日" in index
    assert "3月10日" in index  # the index dates leave the year to the cover
    text = squash("".join(pages))
    for label in ("会议类型", "会议时间", "会议地点", "主持人", "记录人", "应到人数", "实到人数",
                  "缺席人员及原因", "列席人员", "议题", "会议内容：", "会议决议：", "主持人（签字）", "记录人（签字）"):
        assert label in text, label
    # each meeting's record starts on its own page, in date order
    starts = [i for i, p in enumerate(pages) if "会议地点" in p]
    assert len(starts) == n
    # the 第2季度 大会 lists who was away and why
    assert "（请假：出差）" in text
    assert "上级党委组织部王某某" in text  # 列席
    # long minutes flow onto following pages with the running header repeated
    life = [p for p in pages if "第一党支部组织生活会2024年12月20日" in squash(p)]
    assert len(life) >= 3
    assert sum("（续）" in p for p in life) == len(life) - 1
    assert f"第{LONG_MINUTES}段" in text
    # page numbers "— n —" from the first page after the cover
    assert re.search(r"—\s*1\s*—", pages[1])
    # a bookmark per meeting, pointing at the page its record starts on
    from pypdf import PdfReader

    reader = PdfReader(out)
    marks = reader.outline
    assert [m.title for m in marks[:2]] == ["目录", "1月5日 支部委员会"] and len(marks) == n + 1
    assert [reader.get_destination_page_number(m) for m in marks[1:]] == starts


@needs_poppler
def test_pdf_fonts_are_embedded_truetype_and_text_extractable(book, tmp_path):
    led, _ = book
    for kind, name in (("ledger", "记录簿.pdf"), ("roster", "花名册.pdf"), ("dues", "党费.pdf")):
        out = export_document(kind, led, YEAR, tmp_path / name)
        fonts = pdffonts(out)
        assert fonts
        for row in fonts:
            # name type … emb sub uni: every font embedded (no Helvetica reference left behind)
            assert row[-5] == "yes", (kind, row)
            assert "TrueType" in " ".join(row), (kind, row)
    assert "刘䶮" in pdftext(out)  # CJK Extension A name comes back from the text layer


@needs_poppler
def test_rare_name_characters_never_vanish(book, tmp_path):
    """𠀾 (Extension B) is missing from common fonts: it is drawn from a fallback font,
    or shown as the 缺字 mark 〓 — never silently dropped."""
    led, _ = book
    out = export_document("roster", led, YEAR, tmp_path / "花名册.pdf")
    text = pdftext(out)
    fonts = pdf_fonts()
    if fonts.fallback_for(0x2003E):
        assert "陈𠀾" in text  # drawn from the fallback font and still extractable
    else:
        assert "陈〓" in text


def test_meeting_book_docx_layout_and_repeated_record_header(book, tmp_path):
    led, info = book
    out = export_document("ledger", led, YEAR, tmp_path / "记录簿.docx")
    doc = Document(out)
    n = len(info["meetings"])
    # index table + one record table per meeting
    assert len(doc.tables) == n + 1
    index = doc.tables[0]
    assert [c.text for c in index.rows[0].cells] == ["序号", "日期", "会议类型", "议题", "主持人\n（授课人）", "应到", "实到",
                                                    "页码"]
    assert len(index.rows) == n + 1
    for t in doc.tables[1:]:
        first = t.rows[0]._tr
        assert first.trPr is not None and first.trPr.find(qn("w:tblHeader")) is not None
    life = doc.tables[-1]
    texts = [c.text for r in life.rows for c in r.cells]
    assert any("第40段" in t for t in texts)
    assert any("上级党委组织部 王某某" in t for t in texts)
    # the row holding the minutes may break across pages, the header rows may not
    content_row = next(r for r in life.rows if "第1段" in r.cells[0].text)
    assert content_row._tr.trPr is None or content_row._tr.trPr.find(qn("w:cantSplit")) is None
    assert life.rows[1]._tr.trPr.find(qn("w:cantSplit")) is not None
    body = "\n".join(p.text for p in doc.paragraphs)
    assert body.count("主持人（签字）") == n
    # the cover is a section of its own without page numbers; numbering restarts at 1 after it
    assert len(doc.sections) == 2
    assert doc.sections[0]._sectPr.find(qn("w:footerReference")) is None
    assert doc.sections[1]._sectPr.find(qn("w:pgNumType")).get(qn("w:start")) == "1"
    _check_gbt_9704(doc)


# ---- the 公文 layout ------------------------------------------------------------------
def _check_gbt_9704(doc):
    for sec in doc.sections:
        assert abs(sec.page_width - Mm(210)) < Mm(0.5) and abs(sec.page_height - Mm(297)) < Mm(0.5)
        for got, want in ((sec.top_margin, 37), (sec.bottom_margin, 35), (sec.left_margin, 28),
                          (sec.right_margin, 26)):
            assert abs(got - Mm(want)) < Mm(0.2), (got, want)
    sec = doc.sections[-1]
    grid = sec._sectPr.find(qn("w:docGrid"))
    assert grid.get(qn("w:linePitch")) == "579"  # 28.95 pt: 22 lines in the 225 mm text block
    styles = doc.styles.element
    defaults = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    fonts = defaults.find(qn("w:rFonts"))
    assert fonts.get(qn("w:eastAsia")) == "仿宋_GB2312" and fonts.get(qn("w:eastAsiaTheme")) is None
    assert defaults.find(qn("w:lang")).get(qn("w:eastAsia")) == "zh-CN"
    expect = {"Normal": ("仿宋_GB2312", 32), "Body Text": ("仿宋_GB2312", 32), "Heading 1": ("黑体", 32),
              "Heading 2": ("楷体_GB2312", 32), "Title": ("方正小标宋简体", 44)}
    for name, (face, half_points) in expect.items():
        rpr = doc.styles[name].element.find(qn("w:rPr"))
        rf = rpr.find(qn("w:rFonts"))
        assert rf.get(qn("w:eastAsia")) == face, name
        assert rf.get(qn("w:eastAsiaTheme")) is None and rf.get(qn("w:asciiTheme")) is None, name
        assert rpr.find(qn("w:sz")).get(qn("w:val")) == str(half_points), name
    body = doc.styles["Body Text"].element.find(qn("w:pPr")).find(qn("w:spacing"))
    assert body.get(qn("w:line")) == "579" and body.get(qn("w:lineRule")) == "exact"
    # 28 characters a line: 16 pt condensed to fit the 156 mm measure
    spacing = doc.styles["Body Text"].element.find(qn("w:rPr")).find(qn("w:spacing"))
    pitch = 16 + int(spacing.get(qn("w:val"))) / 20
    assert 28 * pitch <= 156 / 25.4 * 72 < 29 * pitch
    # every run that carries text names its East Asian face itself
    for p in doc.paragraphs:
        for r in p.runs:
            if r.text.strip():
                rf = r._r.rPr.find(qn("w:rFonts"))
                assert rf is not None and rf.get(qn("w:eastAsia")), r.text
    # "— n —" page numbers: a PAGE field in odd and even footers, odd right, even left
    assert doc.settings.odd_and_even_pages_header_footer
    for footer in (sec.footer, sec.even_page_footer):
        xml = footer._element.xml
        assert "PAGE" in xml and "— " in xml and " —" in xml
    assert sec.footer.paragraphs[0].alignment == 2  # RIGHT
    assert sec.even_page_footer.paragraphs[0].alignment == 0  # LEFT


# ---- 花名册 ------------------------------------------------------------------------------
def test_roster_xlsx_lists_members_by_derived_category_with_masked_ids(book, tmp_path):
    led, info = book
    out = export_document("roster", led, YEAR, tmp_path / "花名册.xlsx")
    wb = load_workbook(out)
    ws = wb["党员花名册"]
    head_row = next(r for r in range(1, 6) if ws.cell(r, 1).value == "序号")
    head = [c.value for c in ws[head_row]]
    rows = [[c.value for c in r] for r in ws.iter_rows(min_row=head_row + 1) if r[0].value is not None]
    by_name = {r[head.index("姓名")]: r for r in rows}
    assert set(by_name) == {"王建国", "李秀英", "张伟", "刘䶮", "陈𠀾", "赵敏"}
    assert by_name["赵敏"][head.index("人员类别")] == "正式党员"  # 转正 on 2024-09-05
    assert by_name["赵敏"][head.index("转正日期")] == _dt.datetime(2024, 9, 5)  # a date cell: it sorts
    assert by_name["王建国"][head.index("入党日期")] == _dt.datetime(1997, 6, 1)
    full_id = make_id("110101", "1975-03-07", "123")
    assert by_name["王建国"][head.index("身份证号")] == full_id[:6] + "********" + full_id[-4:]
    assert all("*" * 8 in r[head.index("身份证号")] for r in rows)
    ws2 = wb["入党积极分子等"]
    cats = {r[1].value: r[7].value for r in ws2.iter_rows(min_row=4) if r[0].value}
    assert cats == {"孙磊": "入党积极分子", "周婷": "入党申请人"}
    assert ws.page_setup.orientation == "landscape"


def test_roster_show_id_prints_the_whole_number(book, tmp_path):
    led, _ = book
    out = export_document("roster", led, YEAR, tmp_path / "花名册.xlsx", show_id=True)
    values = [c.value for row in load_workbook(out)["党员花名册"].iter_rows() for c in row]
    assert make_id("110101", "1975-03-07", "123") in values


@needs_poppler
def test_roster_pdf_is_landscape_and_masked(book, tmp_path):
    led, _ = book
    out = export_document("roster", led, YEAR, tmp_path / "花名册.pdf")
    w, h = [float(x) for x in re.findall(r"[\d.]+", pdfinfo(out)["Page size"])[:2]]
    assert w > h  # landscape A4
    text = pdftext(out)
    full_id = make_id("110101", "1975-03-07", "123")
    assert full_id not in text and (full_id[:6] + "********" + full_id[-4:]) in text
    assert "党员6名" in squash(text) and "孙磊" in text


# ---- 志愿服务 ----------------------------------------------------------------------------
def test_volunteer_xlsx_per_member_and_per_activity_with_totals(book, tmp_path):
    led, _ = book
    out = export_document("volunteer", led, YEAR, tmp_path / "志愿.xlsx")
    wb = load_workbook(out)
    ws = wb["按党员统计"]
    rows = values(ws, 2)
    head, body, total = rows[0], rows[1:-1], rows[-1]
    per = {r[1]: r for r in body}
    assert per["王建国"][head.index("合计（小时）")] == 7.0  # 3.0 + 4.0
    assert per["王建国"][head.index("参加次数")] == 2
    assert per["李秀英"][head.index("合计（小时）")] == 0  # listed although without hours
    assert total[0] == "合计" and total[head.index("参加次数")] == 5
    assert total[-1] == pytest.approx(13.0)
    assert total[head.index("办实事（小时）")] == pytest.approx(6.0)
    acts = values(wb["按活动统计"], 2)
    assert acts[1][2] == "学雷锋社区服务" and acts[1][5] == 3 and acts[1][6] == pytest.approx(7.0)
    assert acts[-1][0] == "合计" and acts[-1][5] == 5 and acts[-1][6] == pytest.approx(13.0)
    assert values(wb["明细"])[-1][5] == 13


@needs_poppler
def test_volunteer_pdf_totals(book, tmp_path):
    led, _ = book
    text = squash(pdftext(export_document("volunteer", led, YEAR, tmp_path / "志愿.pdf")))
    assert "全年开展活动2次，党员参加5人次，累计服务13小时" in text
    assert "按党员统计" in text and "按活动统计" in text and "为老旧小区加装扶手" in text


# ---- 党费 --------------------------------------------------------------------------------
def test_dues_xlsx_member_by_month_with_totals_and_unpaid_marked(book, tmp_path):
    led, _ = book
    out = export_document("dues", led, YEAR, tmp_path / "党费.xlsx")
    ws = load_workbook(out)["党费收缴台账"]
    head_row = next(r for r in range(1, 6) if ws.cell(r, 1).value == "序号")
    head = [c.value for c in ws[head_row]]
    cells = {r[1].value: r for r in ws.iter_rows(min_row=head_row + 1) if r[0].value is not None}
    rows = {r[1]: r for r in values(ws, head_row + 1)}
    chen = rows["陈𠀾"]
    assert chen[head.index("1月")] == 40 and chen[head.index("11月")] == 0
    assert cells["陈𠀾"][head.index("11月")].fill.fgColor.rgb.endswith("FCE4D6")
    first = cells["陈𠀾"][head.index("1月")]
    assert first.fill.fgColor.rgb in ("00000000", None) or not first.fill.fill_type
    assert chen[head.index("实缴合计")] == 400 and chen[head.index("欠缴")] == 80
    total = next(r for r in values(ws) if r[0] == "合计")
    assert total[head.index("姓名")] == 6 and total[head.index("12月")] == 200
    assert total[head.index("应缴合计")] == 2880 and total[head.index("实缴合计")] == 2800


@needs_poppler
def test_dues_pdf(book, tmp_path):
    led, _ = book
    text = squash(pdftext(export_document("dues", led, YEAR, tmp_path / "党费.pdf")))
    assert "全年应缴2880.00元，实缴2800.00元，欠缴80.00元" in text
    assert text.count("未缴") >= 2


# ---- 述职报告 and 自评报告 -----------------------------------------------------------------
def test_shuzhi_docx_prose_matches_the_ledger_and_the_verdicts(book, tmp_path):
    led, _ = book
    job = Job(led, YEAR)
    out = tmp_path / "述职.docx"
    shuzhi_mod.write_docx(job, out, report=sample_report())
    doc = Document(out)
    paras = [p.text for p in doc.paragraphs]
    text = "\n".join(paras)
    assert doc.paragraphs[0].style.name == "Title"
    assert squash(paras[0]) == "2024年度第一党支部书记抓基层党建工作述职报告"
    heads = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert heads == ["一、履职情况", "二、存在问题及原因", "三、下一步工作思路"]
    # counts from the ledger: 4 大会, 12 支委会, 1 党小组会, 2 党课; 113 of 114 present
    assert "召开支部党员大会4次、支部委员会12次、党小组会1次，讲党课2次" in text
    assert "出勤率为99.1%" in text
    assert "本人带头为党员讲授党课1次" in text and "张伟同志" in text
    assert "主题党日活动，全年共12次" in text
    assert "组织生活会" in text and "评定优秀1名、合格5名" in text
    assert "按期转正1名（赵敏）" in text and "入党积极分子1名" in text
    assert "累计96学时" in text
    assert "党员参与3人次，累计服务7小时" in text and "为群众办实事1件" in text
    assert "设立先锋岗1个" in text and "完成整改1项" in text
    # problems from the failing/warning rules, plans from their advice and the next star
    sec2 = text.split("二、存在问题及原因")[1].split("三、下一步工作思路")[0]
    assert "有3名党员全年集中学习培训不足32学时，其中孙磊16学时、赵敏16学时、周婷0学时，这反映出" in sec2
    assert "第一季度、第三季度未上党课，这反映出" in sec2  # the message's trailing 。 not kept
    assert "。。" not in sec2
    assert "正式党员6名" not in sec2  # 达标 rules are not problems
    sec3 = text.split("三、下一步工作思路")[1]
    assert f"{YEAR + 1}年初建立办实事项目清单，全年为群众办实事不少于4件" in sec3
    # the year is over (today is after its 12-31): no 年内剩余工作; on its last day there is
    assert "对标争创4星级党支部" not in sec3 and "年内剩余工作" not in sec3
    last_day = shuzhi_mod.blocks(Job(led, YEAR, today=_dt.date(YEAR, 12, 31)), sample_report())
    assert "抓紧完成年内剩余工作，对标争创4星级党支部。" in "".join("".join(map(str, i[1:])) for i in last_day)
    # the lead of a paragraph is 楷体 (二级标题), the rest 仿宋
    para = next(p for p in doc.paragraphs if p.text.startswith("（一）抓政治建设"))
    faces = [r._r.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia")) for r in para.runs]
    assert faces[0] == "楷体_GB2312" and faces[-1] == "仿宋_GB2312"
    _check_gbt_9704(doc)


def test_shuzhi_with_no_problems_says_so(book, tmp_path):
    led, _ = book
    report = sample_report()
    for b in report["basics"]:
        for r in b["rules"]:
            r["status"] = "达标"
    report["next_star"] = {"stars": 0, "actions": []}
    items = shuzhi_mod.blocks(Job(led, YEAR), report)
    text = "".join(str(i[-1]) for i in items)
    assert "各项指标均已达到要求" in text and "究其原因" not in text


@needs_poppler
def test_shuzhi_pdf(book, tmp_path):
    led, _ = book
    out = tmp_path / "述职.pdf"
    shuzhi_mod.write_pdf(Job(led, YEAR), out, report=sample_report())
    text = squash(pdftext(out))
    assert "一、履职情况" in text and "召开支部党员大会4次" in text and "以上报告，请予评议。" in text


def test_readiness_docx_as_the_party_committee_reads_it(book, tmp_path):
    led, _ = book
    out = tmp_path / "自评.docx"
    report = sample_report()
    readiness_mod.write_docx(Job(led, YEAR, today=_dt.date(YEAR, 12, 31)), out, report=report)
    doc = Document(out)
    cells = "\n".join(c.text for t in doc.tables for r in t.rows for c in r.cells)
    paras = "\n".join(p.text for p in doc.paragraphs)
    text = paras + cells
    heads = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert heads == ["一、总体情况", "二、逐项自评", "三、存在问题", "四、整改措施", "五、争创星级", "六、近期提醒"]
    for b in report["basics"]:
        assert b["name"] in text
        for r in b["rules"]:
            assert r["name"] in text and r["code"] not in text  # no rule codes for the 上级党委
    assert "依据：孙磊：16学时；赵敏：16学时；周婷：0学时。" in text
    assert "建议：" not in text  # what to do is in 整改措施, with an owner and a date
    assert "综合得分86.5分，达到达标标准，评定为3星级党支部" in text
    # per 基本 a narrative of what stands and what falls short
    assert "本项共2个指标，达标1个、预警1个。每季度均召开支部党员大会。存在的不足是党课开展不够经常" in paras
    # 存在问题: the 述职's own words; 整改措施: one row per problem with owner and date
    assert "有3名党员全年集中学习培训不足32学时，其中孙磊16学时" in paras
    measures = next(t for t in doc.tables if t.rows[0].cells[1].text == "存在问题")
    rows = [[c.text for c in r.cells] for r in measures.rows[1:]]
    assert [r[1] for r in rows] == ["党员教育培训抓得不够实", "党课开展不够经常", "为群众办实事的力度还不够"]
    training = rows[0]
    assert training[2].startswith(f"{YEAR + 1}年每季度至少组织1期集中学习培训") and "孙磊" in training[2]
    assert training[4] == f"{YEAR + 1}年12月底前" and rows[1][4] == "长期坚持"
    assert "12月安排一次党课" in text and "组织生活会尚未召开" in text
    assert "（盖章）" in paras and "党支部书记（签字）" in paras
    summary = doc.tables[0]
    assert [c.text for c in summary.rows[-1].cells][:2] == ["综合", "86.5"]
    _check_gbt_9704(doc)


def test_readiness_owner_is_who_holds_the_post(book, tmp_path):
    led, _ = book
    report = sample_report()
    found = review.findings(report, YEAR, review.owners(led, Job(led, YEAR).as_of, Job(led, YEAR).name))
    holders = {r["role"]: r["member_id"] for r in led.committee_on(Job(led, YEAR).as_of)}
    training = next(f for f in found if f.code == "TEAM-TRAINING")
    assert training.owner_role == "宣传委员" if "宣传委员" in holders else training.owner_role == "书记"
    assert training.owner == Job(led, YEAR).name(holders[training.owner_role])


@needs_poppler
def test_readiness_pdf(book, tmp_path):
    led, _ = book
    out = tmp_path / "自评.pdf"
    readiness_mod.write_pdf(Job(led, YEAR, today=_dt.date(YEAR, 12, 31)), out, report=sample_report())
    text = squash(pdftext(out))
    assert "TEAM-TRAINING" not in text and "未达标" in text and "争创4星级党支部" in text
    assert "四、整改措施" in text and "五、争创星级" in text and "（盖章）" in text
    # written after the year is over: no 争创星级 (年内 work), the 近期提醒 moves up to 五
    readiness_mod.write_pdf(Job(led, YEAR), out, report=sample_report())
    text = squash(pdftext(out))
    assert "争创星级" not in text and "年内还需完成" not in text and "五、近期提醒" in text and "（盖章）" in text


# ---- the entry point --------------------------------------------------------------------
def test_unsupported_type_is_refused_in_chinese(book, tmp_path):
    led, _ = book
    with pytest.raises(LedgerError) as exc:
        export_document("roster", led, YEAR, tmp_path / "花名册.docx")
    assert "党员花名册只能导出为" in str(exc.value) and ".xlsx" in str(exc.value) and ".pdf" in str(exc.value)
    with pytest.raises(LedgerError, match="没有“minutes”这种文档"):
        export_document("minutes", led, YEAR, tmp_path / "x.pdf")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("ext", [".pdf", ".docx"])
def test_cancel_leaves_nothing_and_keeps_an_existing_file(book, tmp_path, ext):
    led, info = book
    target = tmp_path / f"记录簿{ext}"
    target.write_bytes(b"old")
    seen = []

    def progress(done, total):
        seen.append((done, total))

    def cancel():
        return len(seen) >= 5  # after a few meetings were laid out

    with pytest.raises(ExportCancelled):
        export_document("ledger", led, YEAR, target, progress=progress, cancel=cancel)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == [target.name]
    assert len(seen) == 5


def test_progress_reaches_the_end(book, tmp_path):
    led, info = book
    seen = []
    export_document("ledger", led, YEAR, tmp_path / "记录簿.pdf", progress=lambda d, t: seen.append((d, t)))
    n = len(info["meetings"])
    assert (n, n) in seen and seen[-1][0] == seen[-1][1]
    dones = [d for d, t in seen if t == n]
    assert dones == sorted(dones) and len(dones) == n


def test_cli_export(book, tmp_path):
    from dangzhibu_desktop.cli import main

    led, _ = book
    out = tmp_path / "党费.xlsx"
    assert main(["export", "dues", "--db", str(led.path), "--year", str(YEAR), "--out", str(out)]) == 0
    assert load_workbook(out)["党费收缴台账"]["A1"].value == "第一党支部2024年度党费收缴台账"
    assert main(["export", "dues", "--db", str(led.path), "--year", str(YEAR),
                 "--out", str(tmp_path / "党费.docx")]) == 2


def test_empty_year_still_gives_documents(ledger, tmp_path):
    ledger.save_branch({"name": "新建党支部"})
    for kind, ext in (("ledger", ".docx"), ("roster", ".xlsx"), ("volunteer", ".xlsx"), ("dues", ".xlsx"),
                      ("shuzhi", ".docx"), ("readiness", ".docx")):
        assert export_document(kind, ledger, 2030, tmp_path / f"{kind}{ext}").stat().st_size > 0
    text = "\n".join(p.text for p in Document(tmp_path / "shuzhi.docx").paragraphs)
    assert "尚未在台账中登记" in text and "取得了一定成效" not in text and "这反映出" in text
    assert "填写" not in text and "录入" not in text  # data-entry hints belong to the window, not the report
    if shutil.which("pdftotext"):
        out = export_document("ledger", ledger, 2030, tmp_path / "ledger.pdf")
        assert "2030年度尚未登记会议" in squash(pdftext(out))


# ---- with the real rules engine ---------------------------------------------------------
def _engine_report(led):
    from dangzhibu_desktop.rules import evaluate

    return evaluate(led, YEAR, Job(led, YEAR).as_of).to_dict()


def test_shuzhi_from_the_engine_names_every_failing_rule(book, tmp_path):
    led, _ = book
    report = _engine_report(led)
    out = export_document("shuzhi", led, YEAR, tmp_path / "述职.docx")
    text = "\n".join(p.text for p in Document(out).paragraphs)
    sec2 = text.split("二、存在问题及原因")[1].split("三、下一步工作思路")[0]
    sec3 = text.split("三、下一步工作思路")[1]
    failing = [r for b in report["basics"] for r in b["rules"] if r["status"] in ("未达标", "预警")]
    assert failing, "the fixture branch is expected to fall short somewhere"
    for r in failing:
        message = r["message"] or ""
        if review.data_entry(message):
            assert message.rstrip("。") not in sec2, r["code"]  # a gap to fill, not a confession
            continue
        # Its problem in the report's words, with the members or groups it is about …
        assert review.FRAMES[r["code"]] in sec2 or r["code"] in review.TOLD_WITH, r["code"]
        for who in review._subjects(r):
            assert who in sec2, (r["code"], who)
        # … and next year's target for it.
        target = review.findings(report, YEAR)[[f.code for f in review.findings(report, YEAR)].index(r["code"])].target
        assert target.split("，")[0] in sec3, r["code"]
    for r in (r for b in report["basics"] for r in b["rules"] if r["status"] == "达标"):
        if r["message"]:
            assert r["message"].rstrip("。") not in sec2, r["code"]
    assert f"综合得分{report['score']:.1f}分" in text


@needs_poppler
def test_readiness_from_the_engine_lists_every_rule(book, tmp_path):
    led, _ = book
    report = _engine_report(led)
    text = squash(pdftext(export_document("readiness", led, YEAR, tmp_path / "自评.pdf")))
    for b in report["basics"]:
        assert squash(b["name"]) in text
        for r in b["rules"]:
            assert squash(r["name"])[:8] in text and r["code"] not in text, r["code"]
    assert f"{report['score']:.1f}" in text
    for f in review.findings(report, YEAR):  # every shortfall has its measure
        assert squash(f.frame)[:8] in text, f.code


def test_roster_keeps_members_without_steps_and_drops_cancelled_probation(ledger, tmp_path):
    ledger.save_branch({"name": "第二党支部"})
    ledger.insert("members", {"name": "钱未录"})
    gone = ledger.insert("members", {"name": "吴取消"})
    for step, date in ((1, "2020-01-01"), (3, "2020-07-01"), (7, "2021-08-01"), (15, "2022-01-01")):
        ledger.insert("development_steps", {"member_id": gone, "step": step, "date": date})
    ledger.insert("development_steps", {"member_id": gone, "step": 23, "date": "2023-01-05",
                                        "outcome": "取消预备党员资格"})
    out = export_document("roster", ledger, YEAR, tmp_path / "花名册.xlsx")
    ws = load_workbook(out)["党员花名册"]
    names = {r[1].value: r[7].value for r in ws.iter_rows(min_row=4) if r[0].value}
    assert names == {"钱未录": "未登记入党信息"}
    assert "另有1人未登记入党信息" in ws["A2"].value


def test_a_very_long_topic_moves_out_of_the_header_table(ledger, tmp_path):
    ledger.save_branch({"name": "第三党支部"})
    topic = "学习贯彻有关会议精神并研究部署下一阶段重点工作，" * 40
    ledger.insert("meetings", {"kind": "支部委员会", "date": f"{YEAR}-05-05", "topic": topic,
                               "content": "讨论。"})
    doc = Document(export_document("ledger", ledger, YEAR, tmp_path / "记录簿.docx"))
    texts = [c.text for r in doc.tables[1].rows for c in r.cells]
    assert topic in texts and "议题" in texts
    if shutil.which("pdftotext"):
        out = export_document("ledger", ledger, YEAR, tmp_path / "记录簿.pdf")
        # The record holds it whole (over two pages: their foot and running head left out);
        # the 目录 shows its beginning.
        lines = [ln for ln in pdftext(out, layout=True).splitlines()
                 if not re.fullmatch(r"\s*—\s*\d+\s*—\s*", ln) and "（续）" not in ln]
        assert squash(topic) in squash("".join(lines))
        assert squash(topic[:59]) + "…" in squash(pdftext(out))
