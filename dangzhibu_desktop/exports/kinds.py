"""The export kinds: one row each, read by ``export_document``, the CLI and the window.

Adding a kind is one row here plus its writer module in ``exports/`` (``write_pdf`` /
``write_docx`` / ``write_xlsx`` for the formats the row lists). The CLI's ``export`` choices
and help, the window's 导出打印 list and the default file names all come from this table.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass


@dataclass(frozen=True)
class ExportKind:
    """One thing the secretary can export.

    Attributes:
        key: the CLI word (``export KEY``) and the window's id for it.
        label: the document's name, in file names and messages (述职报告).
        title: what the window's list shows (党支部书记述职报告).
        formats: the extensions it comes in, the first being the one offered by default.
        about: one line on what it holds, shown under the list.
        writer: the module in ``exports/`` that writes it; None for the data package, which
            ``ledger.package`` writes.
        in_window: listed on the window's 导出打印 page (the 签到表 is of one meeting and is
            made from that meeting instead).
    """

    key: str
    label: str
    title: str
    formats: tuple[str, ...]
    about: str
    writer: str | None
    in_window: bool = True

    @property
    def document(self) -> bool:
        """A document ``export_document`` writes (everything but the data package)."""
        return self.writer is not None


KINDS: dict[str, ExportKind] = {k.key: k for k in (
    ExportKind("shuzhi", "述职报告", "党支部书记述职报告", (".docx", ".pdf"),
               "一、履职情况；二、存在问题及原因；三、下一步工作思路。", "shuzhi"),
    ExportKind("ledger", "会议记录簿", "三会一课会议记录簿", (".pdf", ".docx"),
               "封面、带页码的目录（党课列授课人）和每次会议的记录页；双面打印可在封面后加一页空白页。", "meeting_book"),
    ExportKind("roster", "党员花名册", "党员花名册", (".xlsx", ".pdf"),
               "全体人员的基本信息和类别。", "roster"),
    ExportKind("volunteer", "志愿服务时长统计", "志愿服务时长统计", (".xlsx", ".pdf"),
               "每位党员的服务次数和时长。", "volunteer"),
    ExportKind("dues", "党费收缴台账", "党费收缴台账", (".xlsx", ".pdf"),
               "每位党员每月应缴、实缴和缴纳日期。", "dues"),
    ExportKind("readiness", "达标创星自评报告", "达标创星自评报告", (".pdf", ".docx"),
               "六个基本逐条自评、得分和星级。", "readiness"),
    ExportKind("signin", "签到表", "会议签到表", (".pdf", ".docx"),  # not the enumeration
               "一次会议的签到表（应到人员和签名栏），会后附上扫描的签到表。", "signin", in_window=False),
    ExportKind("evidence", "创星佐证材料汇编", "创星佐证材料汇编", (".pdf",),
               "封面、带页码的目录，逐项评估结论、相关台账和全部佐证材料（照片、扫描件、PDF）。", "evidence"),
    ExportKind("development", "发展党员全程纪实表", "发展党员全程纪实表", (".docx", ".pdf"),
               "逐人列出发展党员25个步骤的时间、相关人员和备注（分5个阶段），未登记的步骤留空供手工填写。",
               "development"),
    ExportKind("talks", "谈心谈话记录", "谈心谈话记录", (".docx", ".pdf"),
               "全年谈心谈话的日期、谈话人、对象、类别、主题和记录。", "talks"),
    ExportKind("plan", "年度党建工作计划", "年度党建工作计划", (".docx", ".pdf"),
               "所选年度的工作目标、重点工作、整改措施和月度安排（按达标创星标准排出）。", "plan"),
    ExportKind("statistics", "党内统计基础数据", "党内统计基础数据", (".xlsx",),
               "年底党员数及性别、民族、年龄、学历、入党时间构成，本年发展、转正、转接、出党、去世、"
               "民主评议和教育培训，每项附名单。", "statistics"),
    ExportKind("package", "台账数据包", "台账数据包（换电脑、上报）", (".zip", ".json"),
               "整个台账的数据包，可导入到新电脑；.zip 含佐证材料，.json 不含（可设密码）。", None),
)}

# The documents (the data package left out), in the order the table lists them.
DOCUMENT_KINDS = tuple(k for k, v in KINDS.items() if v.document)

FORMAT_LABELS = {".docx": "Word 文档（.docx）", ".pdf": "PDF（.pdf）", ".xlsx": "Excel 表格（.xlsx）",
                 ".json": "数据包（.json）", ".zip": "数据包（.zip，含佐证材料）"}


def default_filename(kind: str, year: int | None = None, branch_name: str = "", ext: str | None = None,
                     today: _dt.date | None = None, subject: str = "") -> str:
    """The name the save dialog offers: '某某党支部_2025年会议记录簿.pdf'.

    Args:
        kind: a key of ``KINDS``.
        year: the year a document covers (not used for the data package, which is named by
            ``today``'s date: '某某党支部_台账数据包_20260320.json').
        branch_name: the branch's name (default 党支部).
        ext: the chosen format (default: the kind's first).
        subject: whom a document of one person is about ('…发展党员全程纪实表_张敏.docx').
    """
    k = KINDS[kind]
    ext = ext or k.formats[0]
    branch = branch_name or "党支部"  # a name for the file, not the enumeration
    if not k.document:
        return f"{branch}_{k.label}_{(today or _dt.date.today()):%Y%m%d}{ext}"
    return f"{branch}_{year}年{k.label}{'_' + subject if subject else ''}{ext}"


def formats_line(kind: str) -> str:
    """'shuzhi 述职报告（.docx .pdf）': a kind as the CLI's help lists it."""
    k = KINDS[kind]
    return f"{k.key} {k.label}（{' '.join(k.formats)}）"
