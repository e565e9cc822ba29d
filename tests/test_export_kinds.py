"""The export kinds live in one table (``exports.kinds``) read by the exporter, the CLI and the window."""

from __future__ import annotations

import datetime as dt
import importlib
from pathlib import Path

import pytest

from dangzhibu_desktop import cli
from dangzhibu_desktop.exports import FORMATS, KIND_LABELS, export_document
from dangzhibu_desktop.exports.kinds import DOCUMENT_KINDS, FORMAT_LABELS, KINDS, default_filename, formats_line
from dangzhibu_desktop.ledger import LedgerError

README = (Path(__file__).resolve().parent.parent / "README.md").read_text("utf-8")
WRITERS = {".pdf": "write_pdf", ".docx": "write_docx", ".xlsx": "write_xlsx"}


def test_every_document_row_has_a_writer_for_each_of_its_formats():
    for key in DOCUMENT_KINDS:
        module = importlib.import_module(f"dangzhibu_desktop.exports.{KINDS[key].writer}")
        for ext in KINDS[key].formats:
            assert callable(getattr(module, WRITERS[ext], None)), (key, ext)
            assert ext in FORMAT_LABELS
    assert set(FORMATS) == set(KIND_LABELS) == set(DOCUMENT_KINDS)
    assert "package" in KINDS and "package" not in DOCUMENT_KINDS


def test_cli_choices_and_help_come_from_the_table(capsys):
    assert cli.EXPORT_KINDS == tuple(KINDS)
    with pytest.raises(SystemExit):
        cli.main(["export", "--help"])
    out = capsys.readouterr().out
    for key in KINDS:
        assert formats_line(key) in out
    assert cli.main(["export", "nosuchkind", "--db", "x.sqlite", "--out", "x.pdf"]) == cli.EXIT_BAD_INPUT


def test_readme_lists_every_kind_with_its_formats():
    flat = README.replace("\n  ", "")
    for key in KINDS:
        assert formats_line(key) in flat, key


def test_default_file_names():
    assert default_filename("ledger", 2025, "城东党支部") == "城东党支部_2025年会议记录簿.pdf"
    assert default_filename("shuzhi", 2025, "城东党支部", ".pdf") == "城东党支部_2025年述职报告.pdf"
    assert default_filename("roster", 2026) == "党支部_2026年党员花名册.xlsx"
    assert (default_filename("package", 2026, "城东党支部", today=dt.date(2026, 3, 20))
            == "城东党支部_台账数据包_20260320.zip")  # version 2, with the 佐证材料
    assert (default_filename("package", 2026, "城东党支部", ".json", today=dt.date(2026, 3, 20))
            == "城东党支部_台账数据包_20260320.json")


def test_a_format_not_in_the_row_is_refused_with_its_formats(tmp_path):
    with pytest.raises(LedgerError, match="党员花名册只能导出为"):
        export_document("roster", None, 2025, tmp_path / "x.docx")
    with pytest.raises(LedgerError, match="没有“package”这种文档"):
        export_document("package", None, 2025, tmp_path / "x.json")
