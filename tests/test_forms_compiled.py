"""The compiled forms in dangzhibu_desktop/ui/forms are exactly what pyside6-uic makes of forms/*.ui."""

import importlib
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import compile_forms  # noqa: E402

FORMS = sorted((ROOT / "forms").glob("*.ui"))


def test_there_are_forms():
    names = {f.stem for f in FORMS}
    assert {"member_dialog", "meeting_dialog", "training_dialog", "volunteer_dialog", "pioneer_post_dialog",
            "rectification_dialog", "branch_dialog", "appraisal_dialog", "step_dialog"} <= names


@pytest.mark.parametrize("form", FORMS, ids=lambda f: f.stem)
def test_compiled_module_matches_form(form, tmp_path):
    fresh = tmp_path / compile_forms.compiled_name(form)
    subprocess.run([*compile_forms.uic_command(), str(form), "-o", str(fresh)], check=True)
    committed = ROOT / "dangzhibu_desktop" / "ui" / "forms" / fresh.name
    assert committed.exists(), f"{committed.name} missing: run python tools/compile_forms.py"
    assert compile_forms.normalized(committed.read_text(encoding="utf-8")) == \
        compile_forms.normalized(fresh.read_text(encoding="utf-8")), \
        f"{committed.name} differs from forms/{form.name}: run python tools/compile_forms.py"


def test_no_compiled_module_without_form():
    expected = {compile_forms.compiled_name(f) for f in FORMS}
    present = {p.name for p in (ROOT / "dangzhibu_desktop" / "ui" / "forms").glob("ui_*.py")}
    assert present == expected


def test_check_mode_detects_a_stale_module(tmp_path):
    # Compile into a scratch folder, spoil one module: --check logic must name it.
    compile_forms.compile_all(tmp_path)
    victim = tmp_path / "ui_step_dialog.py"
    victim.write_text(victim.read_text(encoding="utf-8").replace("setupUi", "setupUI"), encoding="utf-8")
    (tmp_path / "ui_orphan.py").write_text("", encoding="utf-8")
    bad = compile_forms.differences(tmp_path)
    assert any("ui_step_dialog.py" in b for b in bad)
    assert any("ui_orphan.py" in b for b in bad)
    assert not any("ui_member_dialog.py" in b for b in bad)


def test_check_mode_passes_on_the_repository():
    assert compile_forms.differences() == []


def test_normalized_ignores_only_the_uic_version_line():
    a = "x\n## Created by: Qt User Interface Compiler version 6.11.3\ny\n"
    b = "x\n## Created by: Qt User Interface Compiler version 6.9.0\ny\n"
    assert compile_forms.normalized(a) == compile_forms.normalized(b)
    assert compile_forms.normalized(a) != compile_forms.normalized(a.replace("y", "z"))


@pytest.mark.parametrize("form", FORMS, ids=lambda f: f.stem)
def test_compiled_form_builds_its_widgets(form, qtbot):
    from PySide6.QtWidgets import QDialog

    module = importlib.import_module(f"dangzhibu_desktop.ui.forms.ui_{form.stem}")
    cls_name = next(n for n in dir(module) if n.startswith("Ui_"))
    ui = getattr(module, cls_name)()
    dialog = QDialog()
    qtbot.addWidget(dialog)
    ui.setupUi(dialog)
    assert ui.buttonBox is not None and ui.errorLabel is not None
    assert dialog.windowTitle()
    # Editors must fit a 1366×768 screen.
    assert dialog.width() <= 1000 and dialog.height() <= 700
