"""Text safe everywhere: control characters pasted from Word/Excel (U+0000–U+001F, U+007F–U+009F)
are normalised at the one entry point every editor, package and roster goes through, and every
writer copes with whatever an older version already stored."""

import json
import sqlite3

import pytest
from docx import Document
from openpyxl import load_workbook

from dangzhibu_desktop.exports import FORMATS, export_document
from dangzhibu_desktop.ledger import open_ledger
from dangzhibu_desktop.demo import build_demo
from dangzhibu_desktop.ledger.package import import_package_file, write_package
from dangzhibu_desktop.ledger.schema import TABLES
from dangzhibu_desktop.ledger.validate import MULTILINE_FIELDS, clean_text, xml_safe

CONTROLS = [chr(c) for c in range(0x20)] + [chr(c) for c in range(0x7F, 0xA0)]
ALL = "甲" + "".join(CONTROLS) + "乙"
BREAKS = "\n\r\x0b\x0c"
ALL_BUT_BREAKS = "甲" + "".join(c for c in CONTROLS if c not in BREAKS) + "乙"
YEAR = 2025


def text_fields():
    return [(t.name, f.name) for t in TABLES.values() for f in t.fields if f.kind == "text"]


@pytest.mark.parametrize("ch", CONTROLS, ids=[f"U+{ord(c):04X}" for c in CONTROLS])
def test_each_control_character_is_normalised(ch):
    for multiline in (False, True):
        out = clean_text(f"甲{ch}乙", multiline)
        kept = {"\n", "\t"} if multiline else set()
        assert all(c not in out for c in CONTROLS if c not in kept), (repr(ch), repr(out))
        assert out.startswith("甲") and out.endswith("乙")
    assert clean_text("第一行\x0b第二行", True) == "第一行\n第二行"  # Word's manual line break
    assert clean_text("第一行\r\n第二行\r第三行", True) == "第一行\n第二行\n第三行"
    assert clean_text("张\t三\n", False) == "张 三 "


def test_xml_safe_keeps_what_xml_holds():
    assert xml_safe("甲\t乙\n丙") == "甲\t乙\n丙"
    assert xml_safe("甲\x0b乙\x00丙\x85丁\ud800") == "甲\n乙丙丁"


def test_ledger_stores_no_control_character_in_any_text_field(ledger):
    """Every text field of every table, through the ledger's own insert (editors, package, roster)."""
    ids = {}
    ledger.save_branch({"name": ALL, "parent_org": ALL, "address": ALL})
    ids["members"] = ledger.insert("members", {"name": ALL, "ethnicity": ALL, "education": ALL, "work_post": ALL,
                                               "notes": ALL})
    ids["party_groups"] = ledger.insert("party_groups", {"name": ALL})
    ids["meetings"] = ledger.insert("meetings", {"kind": "支部党员大会", "date": "2025-03-05", "place": ALL, "topic": ALL,
                                                 "content": ALL, "resolutions": ALL, "guests": ALL})
    ledger.insert("development_steps", {"member_id": ids["members"], "step": 1, "date": "2025-01-02", "note": ALL,
                                        "persons": ALL})
    ledger.insert("attendance", {"meeting_id": ids["meetings"], "member_id": ids["members"], "status": "请假",
                                 "reason": ALL})
    ledger.insert("trainings", {"date": "2025-03-01", "title": ALL, "hours": 20})
    ledger.insert("volunteer_activities", {"date": "2025-03-01", "title": ALL, "place": ALL, "description": ALL})
    post = ledger.insert("pioneer_posts", {"kind": "先锋岗", "name": ALL, "commitment": ALL, "achievements": ALL})
    ledger.insert("post_members", {"post_id": post, "member_id": ids["members"], "role": ALL})
    ledger.insert("rectifications", {"source": ALL, "problem": ALL, "measure": ALL, "evidence": ALL})
    ledger.insert("checklist", {"rule_code": ALL, "year": 2025, "evidence": ALL})
    ledger.insert("talks", {"date": "2025-03-01", "person_name": ALL, "topic": ALL, "notes": ALL})
    ledger.insert("transfers", {"member_id": ids["members"], "direction": "转入", "date": "2025-01-02",
                                "other_org": ALL, "letter_no": ALL, "notes": ALL})
    # Text fields of a 佐证材料 row as a package or an older version could bring them.
    ledger.insert("attachments", {"owner_table": "meetings", "owner_id": ids["meetings"], "kind": "照片",
                                  "sha256": "0" * 64, "title": ALL, "original_name": ALL, "mime": ALL, "bytes": 1})
    seen = set()
    for table, field in text_fields():
        for (value,) in ledger.conn.execute(f"SELECT {field} FROM {table}"):
            if value is None:
                continue
            seen.add((table, field))
            kept = {"\n", "\t"} if field in MULTILINE_FIELDS else set()
            bad = [f"U+{ord(c):04X}" for c in value if c in CONTROLS and c not in kept]
            assert not bad, (table, field, bad)
            if (table, field) != ("attachments", "sha256"):  # hex only: control characters are refused
                assert value.startswith("甲") and value.endswith("乙")
    assert seen == set(text_fields())  # every text field was written and checked


@pytest.fixture(scope="module")
def dirty_ledger(tmp_path_factory):
    """A demo ledger whose every text value carries every control character, written past the
    validation (as an older version, or another tool, may have stored it)."""
    path = tmp_path_factory.mktemp("dirty") / "台账.sqlite"
    build_demo(path, size="small", year=YEAR)
    conn = sqlite3.connect(path)
    for table, field in text_fields():
        if field == "rule_code":
            conn.execute(f"UPDATE {table} SET {field} = {field} || ?", ("\x07\x9f",))
            continue
        # Line breaks (LF, CR, VT, FF) in a one-line field make every name in a list a paragraph
        # of its own: one person carries them (below), not all 25 in every list of the PDFs.
        value = ALL if field in MULTILINE_FIELDS else ALL_BUT_BREAKS
        conn.execute(f"UPDATE {table} SET {field} = COALESCE({field}, '') || ?", (value,))
    conn.execute("UPDATE members SET name = name || ? WHERE id = (SELECT MIN(id) FROM members)", (BREAKS,))
    conn.commit()
    conn.close()
    return path


@pytest.mark.parametrize("kind, ext", [(k, e) for k, exts in FORMATS.items() for e in exts])
def test_every_document_in_every_format_survives_stored_controls(dirty_ledger, tmp_path, kind, ext):
    out = tmp_path / f"{kind}{ext}"
    with open_ledger(dirty_ledger, readonly=True) as led:
        # The 签到表 is of one meeting: the first meeting of the year, with its dirty texts.
        meeting = led.scalar("SELECT MIN(id) FROM meetings WHERE date LIKE ?", (f"{YEAR}-%",)) \
            if kind == "signin" else None
        export_document(kind, led, YEAR, out, meeting_id=meeting)
    assert out.stat().st_size > 0
    if ext == ".docx":
        text = "\n".join(p.text for p in Document(out).paragraphs)
        for table in Document(out).tables:
            text += "".join(c.text for row in table.rows for c in row.cells)
        assert "甲" in text and "乙" in text
    elif ext == ".xlsx":
        wb = load_workbook(out)
        values = [c.value for ws in wb for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
        assert any("甲" in v for v in values)
        assert not any(c in v for v in values for c in CONTROLS if c not in "\t\n\r")


def test_package_of_a_dirty_ledger_round_trips_clean(dirty_ledger, tmp_path):
    out = tmp_path / "包.json"
    with open_ledger(dirty_ledger, readonly=True) as led:
        write_package(led, out)
    json.loads(out.read_text(encoding="utf-8"))
    with open_ledger(tmp_path / "新.sqlite", create=True) as led:
        import_package_file(led, out)
        names = [m["name"] for m in led.rows("members", include_deleted=True)]
    assert names and all(not any(c in n for c in CONTROLS) for n in names)
