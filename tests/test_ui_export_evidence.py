"""The window's 导出打印 page: the 创星佐证材料汇编 in one click, and the .zip data package."""

from __future__ import annotations

import subprocess
import zipfile

from .ui_support import export_from_page


def test_evidence_binder_in_one_click(window, tmp_path):
    out = tmp_path / "汇编.pdf"
    page = export_from_page(window, "evidence", ".pdf", out)
    assert page.last_written == str(out), page.result_label.text()
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "创星佐证材料汇编" in text and "目" in text and "ACT-CONGRESS" in text


def test_zip_package_from_the_window(window, tmp_path):
    out = tmp_path / "数据包.zip"
    page = export_from_page(window, "package", ".zip", out)
    assert page.last_written == str(out), page.result_label.text()
    with zipfile.ZipFile(out) as z:
        assert z.namelist()[0] == "package.json"
