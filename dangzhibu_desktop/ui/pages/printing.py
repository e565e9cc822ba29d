"""HTML for printing the meeting ledger and the roster with QTextDocument (no QtPdf needed).

Plain functions of the ledger, so tests can read what would be printed.
"""

from __future__ import annotations

import datetime as _dt
from html import escape

from ...exports import common as _common
from ...views.common import member_names

STYLE = ("<style>body{font-size:11pt;} h1{font-size:18pt;text-align:center;} h2{font-size:14pt;}"
         "table{border-collapse:collapse;} td,th{border:1px solid #444;padding:3px 5px;}"
         "th{background:#eee;} .label{width:90px;font-weight:bold;}</style>")


def mask_id(id_number: str | None, show: bool) -> str:
    """As the exported documents mask it (``exports.common.mask_id``), unless ``show``."""
    if not id_number:
        return ""
    return str(id_number) if show else _common.mask_id(id_number)


def mask_phone(phone: str | None, show: bool) -> str:
    if not phone:
        return ""
    return str(phone) if show else _common.mask_phone(phone)


def meeting_ledger_html(ledger, year: int) -> str:
    """One section per meeting of ``year``: the record header, attendance, topic, content, resolutions."""
    branch = (ledger.branch() or {}).get("name") or "党支部"
    meetings = ledger.rows_in_year("meetings", year)
    names = member_names(ledger)
    att = ledger.children_of_many("attendance", [m["id"] for m in meetings])
    parts = [f"<html><head>{STYLE}</head><body>",
             f"<h1>{escape(branch)}<br>{year}年三会一课会议记录簿</h1>"]
    if not meetings:
        parts.append("<p>本年度没有会议记录。</p>")
    for i, m in enumerate(meetings, 1):
        rows = att.get(m["id"], [])
        present = [names.get(a["member_id"], "") for a in rows if a["status"] == "出席"]
        leave = [f"{names.get(a['member_id'], '')}（{a.get('reason') or '请假'}）" for a in rows if a["status"] == "请假"]
        absent = [f"{names.get(a['member_id'], '')}（{a.get('reason') or '缺席'}）" for a in rows if a["status"] == "缺席"]
        when = m["date"] + (f" {m['start_time']}" if m.get("start_time") else "") + (
            f"—{m['end_time']}" if m.get("end_time") else "")
        cells = [
            ("会议类型", m["kind"]), ("时间", when), ("地点", m.get("place") or ""),
            ("主持人", names.get(m.get("host_id"), "")), ("记录人", names.get(m.get("recorder_id"), "")),
            ("应到/实到", f"应到 {len(rows)} 人，实到 {len(present)} 人"),
            ("请假", "、".join(leave) or "无"), ("缺席", "、".join(absent) or "无"),
            ("列席", m.get("guests") or "无"), ("议题", m.get("topic") or ""),
            ("会议内容", (m.get("content") or "").replace("\n", "<br>")),
            ("决议", (m.get("resolutions") or "无").replace("\n", "<br>")),
        ]
        # every meeting starts a new page, as in the paper 记录簿
        parts.append(f"<h2 style='page-break-before:always'>{i}. {escape(m['date'])} {escape(m['kind'])}</h2>"
                     "<table width='100%'>")
        for label, value in cells:
            v = value if label in ("会议内容", "决议") else escape(str(value))
            parts.append(f"<tr><td class='label'>{label}</td><td>{v}</td></tr>")
        parts.append("</table><p>主持人签字：__________　　记录人签字：__________</p>")
    parts.append("</body></html>")
    return "".join(parts)


def roster_html(ledger, show_id: bool = False, as_of: _dt.date | None = None, show_phone: bool = False) -> str:
    """The printed 花名册: the very rows of the exported one (``exports.roster.collect``): the
    在册党员 on ``as_of``, then the 入党申请人、积极分子和发展对象; numbers masked unless asked."""
    from ...exports import roster as _roster

    day = as_of or _dt.date.today()
    job = _common.Job(ledger=ledger, year=day.year, show_id=show_id, show_phone=show_phone, today=day)
    party, pipeline = _roster.collect(job)
    branch = job.branch_name()

    def table(head, rows, cols):
        out = ["<table width='100%'><tr>" + "".join(f"<th>{escape(head[c])}</th>" for c in cols) + "</tr>"]
        out += ["<tr>" + "".join(f"<td>{escape(str(r[c]))}</td>" for c in cols) + "</tr>" for r in rows]
        return "".join(out) + "</table>"

    parts = [f"<html><head>{STYLE}</head><body><h1>{escape(branch)}党员花名册</h1>",
             f"<p>截至 {day.isoformat()}，在册党员 {len(party)} 人（{escape(_roster._summary(party))}）</p>",
             table(_roster.PARTY_HEAD, party, [0, 1, 2, 4, 5, 7, 8, 9, 10, 12])]
    if pipeline:
        parts += ["<h2>入党申请人、入党积极分子和发展对象</h2>",
                  table(_roster.PIPELINE_HEAD, pipeline, [0, 1, 2, 4, 7, 8, 9, 10, 11, 13])]
    parts.append("</body></html>")
    return "".join(parts)
