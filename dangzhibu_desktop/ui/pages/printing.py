"""HTML for printing the meeting ledger and the roster with QTextDocument (no QtPdf needed).

Plain functions of the ledger, so tests can read what would be printed.
"""

from __future__ import annotations

import datetime as _dt
from html import escape

from ...ledger import steps as _steps

STYLE = ("<style>body{font-size:11pt;} h1{font-size:18pt;text-align:center;} h2{font-size:14pt;}"
         "table{border-collapse:collapse;} td,th{border:1px solid #444;padding:3px 5px;}"
         "th{background:#eee;} .label{width:90px;font-weight:bold;}</style>")


def mask_id(id_number: str | None, show: bool) -> str:
    if not id_number:
        return ""
    if show or len(id_number) < 10:
        return id_number
    return id_number[:6] + "*" * (len(id_number) - 10) + id_number[-4:]


def meeting_ledger_html(ledger, year: int) -> str:
    """One section per meeting of ``year``: the record header, attendance, topic, content, resolutions."""
    branch = (ledger.branch() or {}).get("name") or "党支部"
    meetings = ledger.rows_in_year("meetings", year)
    names = {r["id"]: r["name"] for r in ledger.query("SELECT id, name FROM members")}
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


def roster_html(ledger, show_id: bool = False, as_of: _dt.date | None = None) -> str:
    """The 在册 people with category, 入党日期 and 转正日期; ID numbers masked unless asked."""
    branch = (ledger.branch() or {}).get("name") or "党支部"
    members = ledger.rows("members", "status = '在册'", order_by="id")
    groups = {r["id"]: r["name"] for r in ledger.rows("party_groups")}
    by_member = ledger.steps_by_member()
    head = ["序号", "姓名", "性别", "出生日期", "身份证号", "类别", "入党日期", "转正日期", "党小组", "联系电话"]
    parts = [f"<html><head>{STYLE}</head><body><h1>{escape(branch)}党员花名册</h1>",
             f"<p>截至 {(as_of or _dt.date.today()).isoformat()}，在册 {len(members)} 人</p>",
             "<table width='100%'><tr>" + "".join(f"<th>{h}</th>" for h in head) + "</tr>"]
    for i, m in enumerate(members, 1):
        st = by_member.get(m["id"], [])
        adm = _steps.admitted_on(st)
        full = _steps.full_member_since(st)
        cells = [i, m["name"], m.get("gender") or "", m.get("birth_date") or "",
                 mask_id(m.get("id_number"), show_id), _steps.derive_category(st) or "",
                 adm.isoformat() if adm else "", full.isoformat() if full else "",
                 groups.get(m.get("party_group_id"), ""), m.get("phone") or ""]
        parts.append("<tr>" + "".join(f"<td>{escape(str(c))}</td>" for c in cells) + "</tr>")
    parts.append("</table></body></html>")
    return "".join(parts)
