"""Every 生僻字 in a name is printed (GB 18030-2022 人名用字): on a machine with no Chinese font
at all, the bundled 文泉驿微米黑 and the bundled rare-character face (CJK Extension A–H of
BabelStone Han) draw every name of the 花名册, and the text layer gives the names back; a
character no font has is printed as 〓 and the export says which name holds it."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from dangzhibu_desktop.cli import main
from dangzhibu_desktop.exports import export_document
from dangzhibu_desktop.exports import fonts as F
from tests.export_fixture import build

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")

# One name per block: GBK, Extension A, B, C, D, E, F, G, H (real name characters where known:
# 䶮 刘䶮, 𠇔, 𬌗, 𰻞 biáng).
RARE_NAMES = ["王堃", "刘䶮", "张𠇔", "钱𪜀", "孙𫝆", "李𬌗", "周𮧵", "吴𰻞", "郑𱍐"]
NO_FONT_HAS = "\U0002EBF0"  # CJK Extension I (Unicode 15.1): in no font here, nor bundled


@pytest.fixture
def no_system_fonts(monkeypatch, tmp_path):
    """A machine with no font folders at all (a fresh Kylin/UOS, a minimal Linux)."""
    F.reset_for_tests()
    monkeypatch.setattr(F, "_font_dirs", lambda: [tmp_path / "no-fonts"])
    yield
    F.reset_for_tests()


def _rare_ledger(ledger, names):
    build(ledger)
    for name in names:
        mid = ledger.insert("members", {"name": name, "gender": "男", "ethnicity": "汉族"})
        for step, day in ((1, "2010-03-01"), (3, "2010-09-01"), (7, "2011-10-01"), (15, "2012-06-01"),
                          (23, "2013-06-10")):
            ledger.insert("development_steps", {"member_id": mid, "step": step, "date": day})
    return ledger


def _pdftext(path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


@needs_poppler
def test_every_rare_name_prints_without_any_system_font(ledger, tmp_path, no_system_fonts):
    _rare_ledger(ledger, RARE_NAMES)
    notices: list[str] = []
    out = export_document("roster", ledger, 2024, tmp_path / "花名册.pdf", notices=notices)
    text = _pdftext(out)
    missing = [n for n in RARE_NAMES if n not in text]
    assert missing == [] and "〓" not in text, missing
    assert notices == []
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True, check=True).stdout
    assert "BabelStone" in fonts and "WenQuanYi" in fonts
    # Unpacked once into the data folder, not beside the program.
    assert F.rare_font_file(unpack=False) is not None


@needs_poppler
def test_a_character_no_font_has_is_marked_and_named(ledger, tmp_path, capsys, ledger_path):
    _rare_ledger(ledger, ["冯" + NO_FONT_HAS])
    notices: list[str] = []
    out = export_document("roster", ledger, 2024, tmp_path / "花名册.pdf", notices=notices)
    assert "冯〓" in _pdftext(out)
    assert len(notices) == 1
    assert f"U+{ord(NO_FONT_HAS):04X}" in notices[0] and f"“冯{NO_FONT_HAS}”" in notices[0]
    assert "〓" in notices[0] and "重新导出" in notices[0]
    # The .xlsx keeps the character itself: nothing to say.
    notices.clear()
    export_document("roster", ledger, 2024, tmp_path / "花名册.xlsx", notices=notices)
    assert notices == []
    ledger.close()
    code = main(["export", "roster", "--db", str(ledger_path), "--year", "2024",
                 "--out", str(tmp_path / "花名册2.pdf")])
    err = capsys.readouterr().err
    assert code == 0 and err.startswith("注意：") and f"冯{NO_FONT_HAS}" in err


def test_bundled_fonts_fit_the_budget_with_their_licences():
    folder = F.bundled_font_path().parent
    faces = [p for p in folder.iterdir() if p.suffix in (".ttf", ".ttc", ".otf", ".gz")]
    assert {p.name for p in faces} == {F.BUNDLED_FONT, F.RARE_FONT_PACKED}
    assert sum(p.stat().st_size for p in faces) <= 30_000_000  # the frozen build's font budget
    licence = (folder / "BabelStoneHan-LICENSE.txt").read_text("utf-8")
    assert "ARPHIC PUBLIC LICENSE" in licence.upper() and "BabelStone" in licence
    assert "BabelStone" in (folder / "README.txt").read_text("utf-8")


def test_an_unwritable_data_folder_skips_the_rare_face(monkeypatch, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("DANGZHIBU_DATA_DIR", str(blocker / "sub"))
    assert F.rare_font_file(unpack=True) is None  # the data folder itself cannot be made
