"""发展党员全程纪实表 (``export development``): read back from the .docx and the .pdf, every date and
person against the steps recorded below; the 25 steps and 5 stages from the catalogue; ``all``."""

from __future__ import annotations

import re

import pytest
from docx import Document

from dangzhibu_desktop.cli import main
from dangzhibu_desktop.exports import export_document
from dangzhibu_desktop.exports.development import subjects
from dangzhibu_desktop.ledger import LedgerError
from dangzhibu_desktop.ledger import steps as S

from tests.export_fixture import make_id
from tests.pdf_support import needs_poppler, pdfpages, pdftext, squash

# 张敏's file: (step, date, persons, note, outcome)
ZHANG = [
    (1, "2024-03-01", None, "递交入党申请书", None),
    (2, "2024-03-20", "王书记", "谈话了解基本情况", None),
    (3, "2024-09-10", None, "支委会研究确定", None),
    (5, "2024-09-15", "王书记、李强", None, None),
    (6, "2025-03-10", None, "第一次半年考察", None),
    (6, "2025-09-12", None, "第二次半年考察，表现突出", None),
    (7, "2025-10-08", None, "确定为发展对象", None),
    (9, "2025-10-20", "王书记、李强", None, None),
    (11, "2026-03-05", None, "集中培训3天，共24学时", None),  # after 2025: not in the 2025 record
]


@pytest.fixture
def branch(ledger):
    ledger.save_branch({"name": "第一党支部", "parent_org": "某某党委"})
    ids = {}
    for name, admitted in (("王书记", "2005-06-01"), ("李强", "2010-06-01")):
        ids[name] = ledger.insert("members", {"name": name, "gender": "男"})
        ledger.insert("development_steps", {"member_id": ids[name], "step": 15, "date": admitted})
        ledger.insert("development_steps", {"member_id": ids[name], "step": 23, "date": admitted.replace("-06-", "-07-"),
                                            "outcome": "按期转正"})
    ids["张敏"] = ledger.insert("members", {
        "name": "张敏", "gender": "女", "ethnicity": "回族", "birth_date": "1999-05-12",
        "education": "大学本科", "work_post": "调度中心调度员",
        "id_number": make_id("370102", "1999-05-12", "126")})
    for step, date, persons, note, outcome in ZHANG:
        ledger.insert("development_steps", {"member_id": ids["张敏"], "step": step, "date": date,
                                            "persons": persons, "note": note, "outcome": outcome})
    ids["刘洋"] = ledger.insert("members", {"name": "刘洋"})
    ledger.insert("development_steps", {"member_id": ids["刘洋"], "step": 1, "date": "2025-04-02"})
    ids["陈七"] = ledger.insert("members", {"name": "陈七"})  # no steps: not in ``all``
    ids["赵六"] = ledger.insert("members", {"name": "赵六"})
    ledger.insert("development_steps", {"member_id": ids["赵六"], "step": 1, "date": "2025-01-02"})
    ledger.delete("members", ids["赵六"])  # in the 回收站: not in ``all``
    ids["钱八"] = ledger.insert("members", {"name": "钱八", "status": "转出", "left_on": "2025-06-30"})
    ledger.insert("development_steps", {"member_id": ids["钱八"], "step": 1, "date": "2024-05-06"})
    return ledger, ids


def docx_tables(path):
    doc = Document(str(path))
    return doc, [[[c.text for c in row.cells] for row in t.rows] for t in doc.tables]


def step_rows(tables):
    """Step number -> the rows (步骤, 时间, 相关人员/情况, 备注) of the stage tables."""
    out: dict[int, list[list[str]]] = {}
    for t in tables:
        if t[0] != ["序号", "步骤", "时间", "相关人员/情况", "备注"]:
            continue
        for row in t[1:]:
            out.setdefault(int(row[0]), []).append(row[1:])
    return out


def test_the_docx_states_each_recorded_step_and_leaves_the_others_blank(branch, tmp_path):
    ledger, ids = branch
    out = export_document("development", ledger, 2025, tmp_path / "纪实.docx", member_id=ids["张敏"])
    doc, tables = docx_tables(out)
    texts = [p.text for p in doc.paragraphs]
    assert texts[0] == "发展党员全程纪实表"
    # The five stages in the order and words of the catalogue, each heading its table.
    headings = [t for t in texts if t[:2] in ("一、", "二、", "三、", "四、", "五、")]
    assert headings == ["一、入党申请", "二、入党积极分子的确定和培养教育", "三、发展对象的确定和考察",
                        "四、预备党员的接收", "五、预备党员的教育考察和转正"]
    rows = step_rows(tables)
    assert sorted(rows) == list(range(1, 26))
    for n, step in S.CATALOGUE.items():
        assert all(r[0].startswith(step.name) for r in rows[n]), n
    assert rows[1] == [["递交入党申请书", "2024年3月1日", "", "递交入党申请书"]]
    assert rows[2] == [["党组织派人谈话", "2024年3月20日", "谈话人：王书记", "谈话了解基本情况"]]
    assert rows[5] == [["指定培养联系人", "2024年9月15日", "培养联系人：王书记、李强", ""]]
    assert rows[6] == [["培养教育考察（第1次）", "2025年3月10日", "", "第一次半年考察"],
                       ["培养教育考察（第2次）", "2025年9月12日", "", "第二次半年考察，表现突出"]]
    assert rows[9] == [["确定入党介绍人", "2025年10月20日", "入党介绍人：王书记、李强", ""]]
    # 集中培训 is dated 2026: the record as of 31 December 2025 leaves it to fill in.
    for n in (4, 8, 10, 11, *range(12, 26)):
        assert rows[n] == [[S.CATALOGUE[n].name, "", "", ""]], n
    info = {row[i]: row[i + 1] for row in tables[0] for i in range(0, len(row) - 1, 2)}
    assert info["姓名"] == "张敏" and info["性别"] == "女" and info["民族"] == "回族"
    assert info["出生年月"] == "1999年5月" and info["学历"] == "大学本科"
    assert info["工作岗位"] == "调度中心调度员" and info["人员类别"] == "发展对象"
    idn = make_id("370102", "1999-05-12", "126")
    assert info["身份证号"] == idn[:6] + "********" + idn[-4:]  # masked, as every document by default
    assert info["申请入党时间"] == "2024年3月1日" and info["确定积极分子时间"] == "2024年9月10日"
    assert info["确定发展对象时间"] == "2025年10月8日" and info["接收预备党员时间"] == ""
    assert info["培养联系人"] == "王书记、李强" and info["入党介绍人"] == "王书记、李强"
    assert any("党支部：第一党支部" in t and "记录截至2025年12月31日" in t for t in texts)
    assert any(t.startswith("党支部书记（签字）") and "日期" in t for t in texts)


def test_a_steps_proof_is_named_in_its_note(branch, tmp_path):
    from PIL import Image

    from dangzhibu_desktop.ledger import attachments as att

    ledger, ids = branch
    step1 = ledger.scalar("SELECT id FROM development_steps WHERE member_id = ? AND step = 1", (ids["张敏"],))
    scan = tmp_path / "申请书.png"
    Image.new("RGB", (40, 30), "white").save(scan)
    att.attach(ledger, "development_steps", step1, [scan], kind="扫描件", title="入党申请书")
    att.attach(ledger, "development_steps", step1, [scan], kind="扫描件", title="入党申请书（第2页）")
    out = export_document("development", ledger, 2025, tmp_path / "纪实.docx", member_id=ids["张敏"])
    rows = step_rows(docx_tables(out)[1])
    assert rows[1] == [["递交入党申请书", "2024年3月1日", "", "递交入党申请书\n佐证材料：入党申请书、入党申请书（第2页）"]]
    assert rows[2][0][3] == "谈话了解基本情况"  # other steps' notes alone


def test_a_later_year_shows_the_later_step(branch, tmp_path):
    ledger, ids = branch
    out = export_document("development", ledger, 2026, tmp_path / "纪实.docx", member_id=ids["张敏"])
    rows = step_rows(docx_tables(out)[1])
    assert rows[11] == [["集中培训", "2026年3月5日", "", "集中培训3天，共24学时"]]


def test_a_full_members_outcome_and_admission_dates(branch, tmp_path):
    ledger, ids = branch
    out = export_document("development", ledger, 2025, tmp_path / "纪实.docx", member_id=ids["李强"])
    _, tables = docx_tables(out)
    rows = step_rows(tables)
    assert rows[15] == [["支部大会讨论", "2010年6月1日", "", ""]]
    assert rows[23] == [["支部大会讨论转正", "2010年7月1日", "结论：按期转正", ""]]
    info = {row[i]: row[i + 1] for row in tables[0] for i in range(0, len(row) - 1, 2)}
    assert info["接收预备党员时间"] == "2010年6月1日" and info["转为正式党员时间"] == "2010年7月1日"
    assert info["人员类别"] == "正式党员" and info["申请入党时间"] == ""


def test_all_is_everyone_on_the_books_with_steps_by_their_first_step(branch, tmp_path):
    ledger, ids = branch
    import datetime as dt

    people = subjects(ledger, dt.date(2025, 12, 31))
    assert [p["name"] for p in people] == ["王书记", "李强", "张敏", "刘洋"]
    assert [p["category"] for p in people] == ["正式党员", "正式党员", "发展对象", "入党申请人"]
    # 钱八 moved away on 30 June 2025 (her 档案 with her): in 2024's list, not in 2025's.
    assert [p["name"] for p in subjects(ledger, dt.date(2024, 12, 31))] == ["王书记", "李强", "张敏", "钱八"]
    # Alone, anyone's record can still be made.
    out = export_document("development", ledger, 2025, tmp_path / "钱八.docx", member_id=ids["钱八"])
    _, tables = docx_tables(out)
    assert tables[0][0][1] == "钱八" and step_rows(tables)[1] == [["递交入党申请书", "2024年5月6日", "", ""]]


@needs_poppler
def test_the_pdf_for_all_gives_each_person_their_own_pages(branch, tmp_path):
    ledger, ids = branch
    out = export_document("development", ledger, 2025, tmp_path / "纪实.pdf", member_id="all")
    pages = pdfpages(out)
    starts = [i for i, p in enumerate(pages) if "发展党员全程纪实表" in p]
    assert len(starts) == 4 and starts[0] == 0
    laid_out = pdftext(out, layout=True).split("\f")
    names = [re.search(r"姓名\s+(\S+)\s+性别", laid_out[i]).group(1) for i in starts]
    assert names == ["王书记", "李强", "张敏", "刘洋"]
    text = squash(pdftext(out))
    assert "赵六" not in text and "陈七" not in text and "钱八" not in text
    zhang = squash("".join(pages[starts[2]:starts[3]]))
    for step, date, persons, note, _ in ZHANG:
        y, m, d = (int(x) for x in date.split("-"))
        if y > 2025:
            assert f"{y}年{m}月{d}日" not in zhang
            continue
        assert f"{S.CATALOGUE[step].name}" in zhang and f"{y}年{m}月{d}日" in zhang, step
        if note:
            assert squash(note) in zhang
    assert "入党介绍人：王书记、李强" in zhang and "培养联系人：王书记、李强" in zhang
    assert "五、预备党员的教育考察和转正" in zhang and "党支部书记（签字）" in zhang
    assert "2026年3月5日" not in text


def test_bad_choices_are_refused_in_chinese(branch, tmp_path, ledger_path):
    ledger, ids = branch
    with pytest.raises(LedgerError, match="找不到编号为999的人员"):
        export_document("development", ledger, 2025, tmp_path / "x.docx", member_id=999)
    with pytest.raises(LedgerError, match="找不到编号"):
        export_document("development", ledger, 2025, tmp_path / "x.docx", member_id=ids["赵六"])
    with pytest.raises(LedgerError, match="人员应为编号或 all"):
        export_document("development", ledger, 2025, tmp_path / "x.docx", member_id="张敏")
    with pytest.raises(LedgerError, match="还没有发展党员纪实记录"):
        export_document("development", ledger, 2004, tmp_path / "x.pdf")  # before anyone's first step
    assert not list(tmp_path.glob("x.*"))


def test_cli_member_and_all(branch, tmp_path, ledger_path, capsys):
    ledger, ids = branch
    ledger.close()
    one = tmp_path / "张敏.docx"
    assert main(["export", "development", "--db", str(ledger_path), "--year", "2025",
                 "--member", str(ids["张敏"]), "--out", str(one)]) == 0
    rows = step_rows(docx_tables(one)[1])
    assert rows[9][0][2] == "入党介绍人：王书记、李强"
    every = tmp_path / "全部.docx"
    assert main(["export", "development", "--db", str(ledger_path), "--year", "2025",
                 "--member", "all", "--out", str(every)]) == 0
    names = [t[0][1] for t in docx_tables(every)[1] if t[0][0] == "姓名"]
    assert names == ["王书记", "李强", "张敏", "刘洋"]
    capsys.readouterr()
    assert main(["export", "development", "--db", str(ledger_path), "--member", "张敏",
                 "--out", str(tmp_path / "x.docx")]) == 2
    err = capsys.readouterr().err
    assert "人员编号或 all" in err and "Traceback" not in err


@needs_poppler
def test_a_whole_pipeline_fits_one_sheet_printed_on_both_sides(ledger, tmp_path):
    """25 steps with the long notes a 支部 writes (and 培养教育考察 twice) on 2 pages."""
    import datetime as dt

    ledger.save_branch({"name": "某某集团有限公司某某分公司第一党支部"})
    mid = ledger.insert("members", {"name": "欧阳明月", "gender": "女"})
    note = "经支部委员会研究同意，报上级党委备案，表现良好"
    day = dt.date(2020, 1, 6)
    for step in [*range(1, 7), 6, *range(7, 22), 21, *range(22, 26)]:
        day += dt.timedelta(days=40)
        ledger.insert("development_steps", {"member_id": mid, "step": step, "date": day.isoformat(), "note": note,
                                            "persons": "欧阳明月、司马相如" if step in (5, 9) else None})
    out = export_document("development", ledger, 2025, tmp_path / "纪实.pdf", member_id=mid)
    pages = pdfpages(out)
    assert len(pages) == 2
    assert squash(note) in squash(pages[1]) and "党支部书记（签字）" in pages[1]


@needs_poppler
def test_each_person_starts_on_an_odd_page(ledger, tmp_path):
    """Printed on both sides, no sheet holds two people: after a record of 3 pages a blank one."""
    from docx.oxml.ns import qn

    ledger.save_branch({"name": "第一党支部"})
    long_note = "经支部委员会讨论，听取党小组、培养联系人、党员和群众意见，同意，报上级党委备案。"
    first = ledger.insert("members", {"name": "周长文"})
    for step in range(1, 26):
        ledger.insert("development_steps", {"member_id": first, "step": step,
                                            "date": f"20{10 + step // 12:02d}-{step % 12 + 1:02d}-05", "note": long_note})
    second = ledger.insert("members", {"name": "吴短"})
    ledger.insert("development_steps", {"member_id": second, "step": 1, "date": "2024-03-01"})
    out = export_document("development", ledger, 2025, tmp_path / "纪实.pdf")
    pages = pdfpages(out)
    starts = [i for i, p in enumerate(pages) if "发展党员全程纪实表" in p]
    signed = [i for i, p in enumerate(pages) if "党支部书记（签字）" in p]
    assert signed[0] == 2, "the first record should take 3 pages for this test"
    assert starts == [0, 4] and len(pages) == 6 and signed == [2, 5]
    assert squash(pages[3]) == "—4—" and "吴短" in pages[4]  # the blank back of the 2nd sheet
    out = export_document("development", ledger, 2025, tmp_path / "纪实.docx")
    body = Document(str(out)).element.body
    sections = body.findall(".//" + qn("w:sectPr"))
    assert len(sections) == 2  # one a person
    kinds = [(s.find(qn("w:type")).get(qn("w:val")) if s.find(qn("w:type")) is not None else None) for s in sections]
    assert kinds == [None, "oddPage"]
    assert all(s.findall(qn("w:footerReference")) for s in sections)  # page numbers on every page


def test_word_layout_faces_and_page(branch, tmp_path):
    from docx.oxml.ns import qn
    from docx.shared import Mm

    ledger, ids = branch
    doc = Document(str(export_document("development", ledger, 2025, tmp_path / "纪实.docx")))
    for sec in doc.sections:
        assert abs(sec.page_width - Mm(210)) < Mm(0.5) and abs(sec.left_margin - Mm(28)) < Mm(0.2)
    runs = [r for p in doc.paragraphs for r in p.runs]
    runs += [r for t in doc.tables for row in t.rows for c in row.cells for p in c.paragraphs for r in p.runs]
    assert runs
    for r in runs:
        if r.text.strip():
            rf = r._r.rPr.find(qn("w:rFonts"))
            assert rf is not None and rf.get(qn("w:eastAsia")) in ("仿宋_GB2312", "黑体", "方正小标宋简体"), r.text
    # The stage tables' head row repeats on a following page; no row breaks across pages.
    for t in doc.tables[1:6]:
        assert t.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
        assert all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in t.rows)


@pytest.mark.parametrize("ext", [".pdf", ".docx"])
def test_progress_and_cancel(branch, tmp_path, ext):
    from dangzhibu_desktop.exports import ExportCancelled

    ledger, _ = branch
    seen = []
    export_document("development", ledger, 2025, tmp_path / f"纪实{ext}", progress=lambda d, t: seen.append((d, t)))
    assert seen[-1][0] == seen[-1][1] and len({t for _, t in seen if t > 1}) == 1
    target = tmp_path / f"旧{ext}"
    target.write_bytes(b"old")
    calls = []
    with pytest.raises(ExportCancelled):
        export_document("development", ledger, 2025, target, progress=lambda d, t: calls.append(d),
                        cancel=lambda: len(calls) >= 3)
    assert target.read_bytes() == b"old" and not list(tmp_path.glob(".*part*"))
