"""python-docx building blocks for Word output in the GB/T 9704-2012 公文 layout.

A4; margins top 37, bottom 35, left 28, right 26 mm; body 仿宋_GB2312 三号 (16 pt) on a
character grid of 22 lines × 28 characters (exact line pitch 28.95 pt); 一级标题 黑体,
二级标题 楷体_GB2312; title 方正小标宋简体 二号 centred; page number "— n —" in 四号 宋体,
odd pages right and even pages left, one character in from the edge.

python-docx has no East Asian font API, so ``w:rFonts/@w:eastAsia`` is written on the document
defaults, on every style used and on every run, theme font attributes are removed (else Word
prefers them) and ``w:lang/@w:eastAsia`` is zh-CN (else Word falls back to a Japanese face).
The font table names a common stand-in (仿宋, 楷体 …) for PCs without the _GB2312 faces.
"""

from __future__ import annotations

import datetime as _dt
import itertools
from dataclasses import dataclass
from xml.sax.saxutils import escape

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import nsdecls, qn
from docx.oxml.parser import parse_xml
from docx.shared import Mm, Pt
from docx.table import Table
from docx.text.paragraph import Paragraph

from . import gongwen
from ..ledger.validate import xml_safe

FANGSONG = "仿宋_GB2312"
HEITI = "黑体"
KAITI = "楷体_GB2312"
XBS = "方正小标宋简体"
SONGTI = "宋体"
LATIN = "Times New Roman"

# Stand-ins Word/WPS use when the named face is absent (Windows 10+ ships 仿宋 and 楷体, not _GB2312).
_ALT_NAMES = {FANGSONG: "仿宋", KAITI: "楷体", XBS: "宋体", HEITI: "SimHei", SONGTI: "SimSun"}

# The page, grid and sizes are ``gongwen``'s (shared with the PDF writer).
LINE_PITCH_TWIPS = gongwen.LINE_PITCH_TWIPS
BODY_PT = gongwen.BODY_PT
TEXT_WIDTH_MM = gongwen.TEXT_WIDTH_MM
# 三号 text is set ``gongwen.CONDENSE_PT`` condensed, with character spacing on the styles rather
# than a docGrid charSpace: Word squeezes glyphs into a grid cell narrower than the font, but
# LibreOffice then gives each character two cells (14 a line), so the grid holds lines only.
CONDENSE_TWENTIETHS = -round(gongwen.CONDENSE_PT * 20)  # -0.25 pt
CHARS_PER_LINE = gongwen.CHARS_PER_LINE

# Table text: smaller and off the grid so rows stay compact.
TABLE_STYLE = "表格文字"
BODY_STYLE = "Body Text"


def set_fonts(rpr, east_asia: str, latin: str = LATIN) -> None:
    """Set ascii/hAnsi/eastAsia fonts on an ``w:rPr`` and drop theme fonts that would win."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        if fonts.get(qn(attr)) is not None:
            del fonts.attrib[qn(attr)]
    fonts.set(qn("w:ascii"), latin)
    fonts.set(qn("w:hAnsi"), latin)
    fonts.set(qn("w:eastAsia"), east_asia)
    fonts.set(qn("w:cs"), latin)
    fonts.set(qn("w:hint"), "eastAsia")


def _set_lang(rpr) -> None:
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), "zh-CN")
    if lang.get(qn("w:bidi")) is None:
        lang.set(qn("w:bidi"), "ar-SA")


def _style_rpr(style, east_asia: str, size_pt: float, bold: bool = False, condense: bool = False):
    el = style.element
    old = el.find(qn("w:rPr"))
    if old is not None:
        el.remove(old)
    rpr = OxmlElement("w:rPr")
    el.append(rpr)
    set_fonts(rpr, east_asia)
    if bold:
        rpr.append(OxmlElement("w:b"))
    if condense:
        sp = OxmlElement("w:spacing")
        sp.set(qn("w:val"), str(CONDENSE_TWENTIETHS))
        rpr.append(sp)
    sz = OxmlElement("w:sz")
    sz.set(qn("w:val"), str(int(size_pt * 2)))
    szcs = OxmlElement("w:szCs")
    szcs.set(qn("w:val"), str(int(size_pt * 2)))
    rpr.append(sz)
    rpr.append(szcs)
    _set_lang(rpr)


def _style_ppr(style, *, line_twips: int | None = LINE_PITCH_TWIPS, align: str = "both",
               first_line_chars: int = 0, outline: int | None = None, keep_next: bool = False,
               snap: bool = True, before: int = 0, after: int = 0):
    el = style.element
    old = el.find(qn("w:pPr"))
    if old is not None:
        el.remove(old)
    ppr = OxmlElement("w:pPr")
    # pPr goes before rPr in a style.
    rpr = el.find(qn("w:rPr"))
    if rpr is not None:
        rpr.addprevious(ppr)
    else:
        el.append(ppr)
    if keep_next:
        ppr.append(OxmlElement("w:keepNext"))
    if not snap:
        s = OxmlElement("w:snapToGrid")
        s.set(qn("w:val"), "0")
        ppr.append(s)
    spacing = OxmlElement("w:spacing")
    spacing.set(qn("w:before"), str(before))
    spacing.set(qn("w:after"), str(after))
    if line_twips:
        spacing.set(qn("w:line"), str(line_twips))
        spacing.set(qn("w:lineRule"), "exact")
    ppr.append(spacing)
    ind = OxmlElement("w:ind")
    if first_line_chars:
        ind.set(qn("w:firstLineChars"), str(first_line_chars * 100))
        ind.set(qn("w:firstLine"), str(first_line_chars * BODY_PT * 20))
    else:
        ind.set(qn("w:firstLine"), "0")
    ind.set(qn("w:left"), "0")
    ind.set(qn("w:right"), "0")
    ppr.append(ind)
    jc = OxmlElement("w:jc")
    jc.set(qn("w:val"), align)
    ppr.append(jc)
    if outline is not None:
        o = OxmlElement("w:outlineLvl")
        o.set(qn("w:val"), str(outline))
        ppr.append(o)


def _doc_defaults(doc) -> None:
    styles = doc.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    set_fonts(rpr, FANGSONG)
    for tag in ("w:sz", "w:szCs"):
        el = rpr.find(qn(tag))
        if el is not None:
            el.set(qn("w:val"), str(BODY_PT * 2))
    _set_lang(rpr)
    ppr = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr"))
    spacing = ppr.find(qn("w:spacing"))
    spacing.set(qn("w:after"), "0")
    spacing.set(qn("w:line"), str(LINE_PITCH_TWIPS))
    spacing.set(qn("w:lineRule"), "exact")


def _font_table(doc) -> None:
    """Declare our faces (with GB2312 charset and a stand-in) in word/fontTable.xml."""
    from lxml import etree

    part = next((p for p in doc.part.package.iter_parts() if p.partname == "/word/fontTable.xml"), None)
    if part is None:
        return
    root = etree.fromstring(part.blob)
    have = {f.get(qn("w:name")) for f in root.findall(qn("w:font"))}
    for name, alt in _ALT_NAMES.items():
        if name in have:
            continue
        font = etree.SubElement(root, qn("w:font"))
        font.set(qn("w:name"), name)
        if alt != name:
            a = etree.SubElement(font, qn("w:altName"))
            a.set(qn("w:val"), alt)
        cs = etree.SubElement(font, qn("w:charset"))
        cs.set(qn("w:val"), "86")  # GB2312
        fam = etree.SubElement(font, qn("w:family"))
        fam.set(qn("w:val"), "modern" if name in (FANGSONG, KAITI, SONGTI) else "script")
        pitch = etree.SubElement(font, qn("w:pitch"))
        pitch.set(qn("w:val"), "fixed" if name in (FANGSONG, KAITI, SONGTI) else "variable")
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _page_number_paragraph(paragraph, odd: bool) -> None:
    """'— n —' in 四号宋体: odd pages right, even pages left, one character in."""
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT if odd else WD_ALIGN_PARAGRAPH.LEFT
    fmt = paragraph.paragraph_format
    if odd:
        fmt.right_indent = Pt(14)
    else:
        fmt.left_indent = Pt(14)
    fmt.first_line_indent = Pt(0)
    fmt.line_spacing = Pt(14)
    ppr = paragraph._p.get_or_add_pPr()
    snap = OxmlElement("w:snapToGrid")
    snap.set(qn("w:val"), "0")
    after = next((ppr.find(qn(t)) for t in ("w:spacing", "w:ind", "w:jc") if ppr.find(qn(t)) is not None), None)
    if after is not None:
        after.addprevious(snap)  # schema order: pStyle … snapToGrid, spacing, ind, jc
    else:
        ppr.append(snap)

    def run(text=None):
        r = paragraph.add_run(None if text is None else xml_safe(text))
        style_run(r, SONGTI, 14, latin=SONGTI)
        return r

    run("— ")
    r = run()
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    r._r.append(begin)
    r = run()
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = " PAGE "
    r._r.append(instr)
    r = run()
    sep = OxmlElement("w:fldChar")
    sep.set(qn("w:fldCharType"), "separate")
    r._r.append(sep)
    run("1")
    r = run()
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    r._r.append(end)
    run(" —")


def setup_section(section, *, wide: bool = False, page_numbers: bool = True) -> None:
    """A4 with 公文 margins, the 22 × 28 character grid, and page numbers in the footer."""
    width, height = gongwen.PAGE_MM
    margins = gongwen.WIDE_MARGINS_MM if wide else gongwen.MARGINS_MM
    if wide:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Mm(height), Mm(width)
    else:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Mm(width), Mm(height)
    section.top_margin, section.bottom_margin = Mm(margins["top"]), Mm(margins["bottom"])
    section.left_margin, section.right_margin = Mm(margins["left"]), Mm(margins["right"])
    section.header_distance = Mm(15)
    section.footer_distance = Mm(23)  # the number's dash sits about 7 mm below the text block
    sect = section._sectPr
    grid = sect.find(qn("w:docGrid"))
    if grid is None:
        grid = OxmlElement("w:docGrid")
        sect.append(grid)
    if wide:
        grid.set(qn("w:type"), "lines")
        grid.set(qn("w:linePitch"), "312")
        if grid.get(qn("w:charSpace")) is not None:
            del grid.attrib[qn("w:charSpace")]
    else:
        grid.set(qn("w:type"), "lines")
        grid.set(qn("w:linePitch"), str(LINE_PITCH_TWIPS))
        if grid.get(qn("w:charSpace")) is not None:
            del grid.attrib[qn("w:charSpace")]
    if page_numbers:
        section.footer.is_linked_to_previous = False
        section.even_page_footer.is_linked_to_previous = False
        _page_number_paragraph(section.footer.paragraphs[0], odd=True)
        _page_number_paragraph(section.even_page_footer.paragraphs[0], odd=False)


def end_cover(doc) -> None:
    """End the cover: it becomes a section without page numbers, and the pages after it
    are numbered from 1."""
    from docx.enum.section import WD_SECTION

    doc.add_section(WD_SECTION.NEW_PAGE)
    cover, body = doc.sections[-2], doc.sections[-1]
    # python-docx leaves the footer references on the cover's section break and none on the
    # new last section; move them: a first section without footer references has no footer.
    first_child = body._sectPr[0] if len(body._sectPr) else None
    for ref in cover._sectPr.findall(qn("w:footerReference")):
        if first_child is not None:
            first_child.addprevious(ref)
        else:
            body._sectPr.append(ref)
    pg = OxmlElement("w:pgNumType")
    pg.set(qn("w:start"), "1")
    body._sectPr.find(qn("w:cols")).addprevious(pg)  # schema order: pgNumType before cols


def new_document(title: str, *, wide: bool = False, author: str | None = None):
    """An empty Word document with the 公文 styles and page set-up.

    Args:
        title: the document's name (its Word title property).
        wide: landscape pages.
        author: who the document is by (the branch's name).
    """
    doc = Document()
    _core_properties(doc, title, author)
    doc.settings.odd_and_even_pages_header_footer = True
    _doc_defaults(doc)
    _font_table(doc)
    st = doc.styles
    _style_rpr(st["Normal"], FANGSONG, BODY_PT, condense=True)
    _style_ppr(st["Normal"], first_line_chars=0)
    _style_rpr(st[BODY_STYLE], FANGSONG, BODY_PT, condense=True)
    _style_ppr(st[BODY_STYLE], first_line_chars=2)
    _style_rpr(st["Title"], XBS, gongwen.TITLE_PT)
    _style_ppr(st["Title"], align="center", line_twips=700, after=LINE_PITCH_TWIPS, snap=False)
    _style_rpr(st["Subtitle"], KAITI, BODY_PT)
    _style_ppr(st["Subtitle"], align="center", after=LINE_PITCH_TWIPS // 2)
    _style_rpr(st["Heading 1"], HEITI, BODY_PT, condense=True)
    _style_ppr(st["Heading 1"], first_line_chars=2, outline=0, keep_next=True)
    _style_rpr(st["Heading 2"], KAITI, BODY_PT, condense=True)
    _style_ppr(st["Heading 2"], first_line_chars=2, outline=1, keep_next=True)
    have = {s.name for s in st}  # one pass: each ``name in st`` walks every style
    for name in ("Heading 1 Char", "Heading 2 Char", "Title Char", "Subtitle Char", "Body Text Char"):
        if name in have:
            _style_rpr(st[name], {"Heading 1 Char": HEITI, "Heading 2 Char": KAITI,
                                  "Title Char": XBS, "Subtitle Char": KAITI}.get(name, FANGSONG),
                       gongwen.TITLE_PT if name == "Title Char" else BODY_PT)
    for name in ("Header", "Footer"):
        _style_rpr(st[name], SONGTI, gongwen.PAGE_NUMBER_PT)
        _style_ppr(st[name], line_twips=None, snap=False, align="center")
    from docx.enum.style import WD_STYLE_TYPE

    table_style = st.add_style(TABLE_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    table_style.base_style = st["Normal"]
    _style_rpr(table_style, FANGSONG, 12)
    _style_ppr(table_style, line_twips=None, snap=False, align="left")
    spacing = table_style.element.find(qn("w:pPr")).find(qn("w:spacing"))
    spacing.set(qn("w:line"), "300")  # 15 pt exact: compact rows
    spacing.set(qn("w:lineRule"), "exact")
    head_style = st.add_style(TABLE_STYLE + "（表头）", WD_STYLE_TYPE.PARAGRAPH)
    head_style.base_style = table_style
    _style_rpr(head_style, HEITI, 12)
    _style_ppr(head_style, line_twips=300, snap=False, align="center")
    if "Table Grid" in have:
        tg = st["Table Grid"]
        _style_rpr(tg, FANGSONG, 12)
    setup_section(doc.sections[0], wide=wide)
    return doc


def _core_properties(doc, title: str, author: str | None) -> None:
    """File properties of our own: the template's (a 2013 date, "generated by python-docx")
    would show in Word's 属性 and in Explorer."""
    cp = doc.core_properties
    cp.title = xml_safe(title).replace("\n", "")  # a title set in two lines is one name
    cp.author = cp.last_modified_by = xml_safe(author or "党支部")  # a name for the file, not the enumeration
    now = _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0, tzinfo=None)
    cp.created = cp.modified = now
    cp.revision = 1
    cp.language = "zh-CN"
    cp.subject = cp.keywords = cp.comments = cp.category = cp.content_status = ""
    # The template's extended properties name "Microsoft Macintosh Word"; its preview picture
    # is of another document; its Word 2010 style copy (stylesWithEffects) is 0.4 MB nobody reads.
    package = doc.part.package
    for part in package.iter_parts():
        if part.partname == "/docProps/app.xml":
            part._blob = _APP_XML.format(company=escape(xml_safe(author or "党支部"))).encode("utf-8")  # not the enumeration
            break
    for rels, kind in ((package.rels, RT.THUMBNAIL), (doc.part.rels, _STYLES_WITH_EFFECTS)):
        for rid in [rid for rid, rel in rels.items() if rel.reltype == kind]:
            del rels[rid]
    # The theme's East Asian language (Word picks the theme's face by it): Chinese, not Japanese.
    lang = doc.settings.element.find(qn("w:themeFontLang"))
    if lang is not None:
        lang.set(qn("w:eastAsia"), "zh-CN")


_STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
_APP_XML = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
            'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
            "<Template>Normal.dotm</Template><Application>党支部工作台</Application>"
            "<DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop><Company>{company}</Company>"
            "<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
            "<HyperlinksChanged>false</HyperlinksChanged></Properties>")


def style_run(run, east_asia: str = FANGSONG, size_pt: float | None = None, *,
              bold: bool | None = None, latin: str = LATIN) -> None:
    """Put the East Asian font (and size) on a run itself, so every editor shows the right face."""
    rpr = run._r.get_or_add_rPr()
    set_fonts(rpr, east_asia, latin)
    if size_pt is not None:
        run.font.size = Pt(size_pt)
    if bold is not None:
        run.font.bold = bold
    _set_lang(rpr)


def style_id(container, name: str) -> str:
    """The style id for a style name, looked up once per document (python-docx's own
    lookup scans every style on each assignment, which dominates big tables)."""
    part = container.part
    cache = part.__dict__.setdefault("_dzb_style_ids", {})
    if name not in cache:
        cache[name] = part.styles[name].style_id
    return cache[name]


def set_style(p, container, name: str) -> None:
    """Give paragraph ``p`` the style ``name`` (``container``: anything in the document)."""
    p._p.get_or_add_pPr().get_or_add_pStyle().val = style_id(container, name)


_STYLE_FONT = {"Title": XBS, "Heading 1": HEITI, "Heading 2": KAITI, "Subtitle": KAITI,
               TABLE_STYLE + "（表头）": HEITI}


def para(container, text: str = "", style: str = BODY_STYLE, *, font: str | None = None,
         size: float | None = None, align=None, bold: bool | None = None):
    """Add a paragraph whose runs carry the style's East Asian face explicitly; a title too
    (or subtitle) too long for a line is broken between words (``gongwen.title_lines``)."""
    if style in ("Title", "Subtitle") and text:
        pt = size or (gongwen.TITLE_PT if style == "Title" else gongwen.BODY_PT)
        text = "\n".join(gongwen.title_lines(text, _fits_title(container, pt)))
    jc = f'<w:jc w:val="{WD_ALIGN_PARAGRAPH.to_xml(align)}"/>' if align is not None else ""
    run = _run_xml(xml_safe(text), font or _STYLE_FONT.get(style, FANGSONG), size, bold) if text else ""
    p = parse_xml(f'<w:p {nsdecls("w")}><w:pPr><w:pStyle w:val="{style_id(container, style)}"/>{jc}'
                  f"</w:pPr>{run}</w:p>")
    block = getattr(container, "_body", container)  # a Document's paragraphs go in its body
    _append_block(block._element, p)
    return Paragraph(p, block)


def _fits_title(container, size: float):
    """Whether a line of the title fits the text width of the section in hand (full-width
    characters one em, the rest half: Word's own measure of the face is not known here)."""
    section = container.part.document.sections[-1]
    width = (section.page_width - section.left_margin - section.right_margin) / 12700  # EMU → pt

    def fits(line: str) -> bool:
        return sum(size if ord(ch) >= 0x2E80 else size / 2 for ch in line) <= width
    return fits


def _append_block(parent, element) -> None:
    """Append a paragraph or table to a body or cell: in a body, before its closing section
    properties (python-docx searches all the body's children for them on every insert)."""
    last = parent[-1] if len(parent) else None
    if last is not None and last.tag == _SECT_PR:
        last.addprevious(element)
    else:
        parent.append(element)


def add_run(p, text: str, font: str = FANGSONG, size: float | None = None, *, bold: bool | None = None):
    run = p.add_run(xml_safe(text))
    style_run(run, font, size, bold=bold)
    return run


def page_break(doc) -> None:
    p = doc.add_paragraph()
    p.add_run().add_break(WD_BREAK.PAGE)


@dataclass(frozen=True)
class TableCell:
    """A table cell with more than text: spanning columns, set as a label, aligned its own way.

    Attributes:
        text: the content (``\\n`` starts a new paragraph in the cell).
        span: how many columns it covers (Word's gridSpan).
        head: set in the head face (黑体, the 表头 style); None: as its row (head and total rows).
        align: 'l', 'c' or 'r'; None: the column's.
        field: a Word field instruction (``PAGEREF name \\h``) the cell shows instead, with
            ``text`` as its result until Word updates the fields.
    """

    text: object
    span: int = 1
    head: bool | None = None
    align: str | None = None
    field: str | None = None


_SECT_PR = qn("w:sectPr")
_BOOKMARK_IDS = itertools.count(1)
_JC = {"l": "left", "c": "center", "r": "right"}
_CELL_MARGIN_TWIPS = int(1.5 * 56.7)


def _twips(mm_value: float) -> int:
    return int(mm_value * 56.7)


def _run_xml(text: str, font: str, size: float | None, bold: bool | None = None) -> str:
    """One ``w:r`` as markup, with the same properties ``add_run``/``style_run`` give a run
    (a tab as ``w:tab``, a line break as ``w:br``, as python-docx's ``run.text``)."""
    size_xml = f'<w:sz w:val="{int(round(size * 2))}"/>' if size is not None else ""
    bold_xml = "" if bold is None else ("<w:b/>" if bold else '<w:b w:val="0"/>')
    parts = []
    for k, line in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n")):
        if k:
            parts.append("<w:br/>")
        for i, chunk in enumerate(line.split("\t")):
            if i:
                parts.append("<w:tab/>")
            if chunk:
                parts.append(f'<w:t xml:space="preserve">{escape(chunk)}</w:t>')
    return (f'<w:r><w:rPr><w:rFonts w:ascii="{LATIN}" w:hAnsi="{LATIN}" w:eastAsia="{font}" '
            f'w:cs="{LATIN}" w:hint="eastAsia"/>{bold_xml}{size_xml}'
            f'<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr>{"".join(parts)}</w:r>')


def _field_xml(instruction: str, result: str, font: str, size: float | None) -> str:
    """A complex field (begin, instruction, separate, result, end) as runs in one face."""
    run = _run_xml("\x00", font, size)  # a run whose content is replaced below
    before, after = run.split('<w:t xml:space="preserve">\x00</w:t>')
    return "".join((
        f'{before}<w:fldChar w:fldCharType="begin"/>{after}',
        f'{before}<w:instrText xml:space="preserve"> {escape(instruction)} </w:instrText>{after}',
        f'{before}<w:fldChar w:fldCharType="separate"/>{after}',
        _run_xml(result, font, size) if result else "",
        f'{before}<w:fldChar w:fldCharType="end"/>{after}'))


def bookmark(paragraph, name: str) -> None:
    """A bookmark around ``paragraph``'s content, for a PAGEREF field to point at."""
    p = paragraph._p
    bid = str(next(_BOOKMARK_IDS))  # unique in the process, so in every document
    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), bid)
    start.set(qn("w:name"), name)
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), bid)
    ppr = p.pPr
    if ppr is not None:
        ppr.addnext(start)
    else:
        p.insert(0, start)
    p.append(end)


def update_fields_on_open(doc) -> None:
    """Ask Word to update the fields (page references of a 目录) when the file is opened."""
    settings = doc.settings.element
    if settings.find(qn("w:updateFields")) is not None:
        return
    el = OxmlElement("w:updateFields")
    el.set(qn("w:val"), "true")
    # Schema order: … updateFields, hdrShapeDefaults, footnotePr, endnotePr, compat …
    for tag in ("w:hdrShapeDefaults", "w:footnotePr", "w:endnotePr", "w:compat", "w:docVars", "w:rsids"):
        nxt = settings.find(qn(tag))
        if nxt is not None:
            nxt.addprevious(el)
            return
    settings.append(el)


def table(doc, rows: list[list], widths_mm: list[float], *, head_rows: int = 1,
          total_rows: int = 0, align: list[str] | None = None, size: float = 12,
          allow_split_rows: bool = False, split_rows=()):
    """A bordered table; head rows repeat on each page, rows do not break across pages.

    The table is written as one piece of WordprocessingML and parsed once: building it cell by
    cell through python-docx's objects (each ``get_or_add`` searching its parent's children
    for the schema position) was nine tenths of the meeting book's .docx time.

    Args:
        rows: head row(s) first, then body rows, then ``total_rows`` totals; a cell is a value
            (str, int, None) or a ``TableCell``.
        widths_mm: column widths in millimetres.
        align: per column 'l', 'c' or 'r' for body cells.
        size: the text size in points.
        allow_split_rows: let every body row break across pages.
        split_rows: the indexes of the rows that may break across pages (long minutes).
    """
    n_cols = len(widths_mm)
    align = align or ["l"] * n_cols
    widths = [_twips(w) for w in widths_mm]
    body_id, head_id = style_id(doc, TABLE_STYLE), style_id(doc, TABLE_STYLE + "（表头）")
    split = set(split_rows)
    n = len(rows)
    out = [f'<w:tbl {nsdecls("w")}><w:tblPr><w:tblStyle w:val="{style_id(doc, "Table Grid")}"/>'
           f'<w:tblW w:w="{_twips(sum(widths_mm))}" w:type="dxa"/><w:jc w:val="center"/>'
           f'<w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="{_CELL_MARGIN_TWIPS}" w:type="dxa"/>'
           f'<w:right w:w="{_CELL_MARGIN_TWIPS}" w:type="dxa"/></w:tblCellMar>'
           '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" '
           'w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>']
    out += [f'<w:gridCol w:w="{w}"/>' for w in widths]
    out.append("</w:tblGrid>")
    for r, values in enumerate(rows):
        in_head = r < head_rows
        row_head = in_head or r >= n - total_rows
        out.append("<w:tr><w:trPr>")
        if in_head:
            out.append("<w:tblHeader/>")
        if in_head or not (allow_split_rows or r in split):
            out.append("<w:cantSplit/>")
        out.append("</w:trPr>")
        c = 0
        for value in values:
            cell = value if isinstance(value, TableCell) else TableCell(value)
            head = row_head if cell.head is None else cell.head
            width = sum(widths[c:c + cell.span])
            out.append(f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>')
            if cell.span > 1:
                out.append(f'<w:gridSpan w:val="{cell.span}"/>')
            out.append("</w:tcPr>")
            if cell.align is not None:
                jc = _JC[cell.align]
            elif in_head:
                jc = None  # the head style centres
            elif head:
                jc = "center"
            else:
                jc = _JC[align[c]]
            ppr = (f'<w:pPr><w:pStyle w:val="{head_id if head else body_id}"/>'
                   + (f'<w:jc w:val="{jc}"/>' if jc else "") + "</w:pPr>")
            text = "" if cell.text is None else xml_safe(str(cell.text))
            font = HEITI if head else FANGSONG
            if cell.field:
                out.append(f"<w:p>{ppr}{_field_xml(cell.field, text, font, size)}</w:p></w:tc>")
                c += cell.span
                continue
            for line in text.split("\n"):
                out.append(f"<w:p>{ppr}{_run_xml(line, font, size) if line else ''}</w:p>")
            out.append("</w:tc>")
            c += cell.span
        out.append("</w:tr>")
    out.append("</w:tbl>")
    tbl = parse_xml("".join(out))
    _append_block(doc.element.body, tbl)
    return Table(tbl, doc._body)


def span(row, first: int, last: int) -> None:
    """Make cells ``first``..``last`` of ``row`` one cell (gridSpan), keeping the first
    cell's content; the others must be empty. python-docx's ``merge`` does the same but
    walks the whole table each time, which dominates a document of many tables."""
    tcs = row._tr.tc_lst
    keep = tcs[first]
    width = 0
    for tc in tcs[first:last + 1]:
        w = tc.tcPr.find(qn("w:tcW")) if tc.tcPr is not None else None
        width += int(w.get(qn("w:w"))) if w is not None else 0
    for tc in tcs[first + 1:last + 1]:
        row._tr.remove(tc)
    tcpr = keep.get_or_add_tcPr()
    tcw = tcpr.find(qn("w:tcW"))
    if tcw is not None and width:
        tcw.set(qn("w:w"), str(width))
    gs = OxmlElement("w:gridSpan")
    gs.set(qn("w:val"), str(last - first + 1))
    if tcw is not None:
        tcw.addnext(gs)  # schema order: tcW, gridSpan
    else:
        tcpr.insert(0, gs)
