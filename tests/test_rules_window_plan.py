"""The plan in the window: the 创星评估 headline is the projection and each action of 争创下一星
has 去办理, which opens the right editor prefilled."""

from PySide6.QtCore import QUrl

from dangzhibu_desktop.ui.app import wait_until_loaded
from tests import ui_shell_data as data
from tests.ui_support import run_modal


def test_assessment_headline_and_go_to_the_editor(window, qtbot):
    page = window.show_page("assessment")
    assert wait_until_loaded(window, page, 60)
    rep = page.report
    proj = rep["projection"]
    assert page.stars.stars() == proj["with_plan"]["stars"]
    assert page.projection_label.text().startswith("按计划可达")
    assert page.summary.text().startswith("截至目前：")
    html = page.next_star.toHtml()
    assert "去办理" in html
    meetings = [i for i, a in enumerate(page._plan) if a["type"] == "meeting"]
    assert meetings, "the shell ledger's plan holds meetings"
    i = meetings[0]
    action = page._plan[i]

    def check(dlg):
        assert type(dlg).__name__ == "MeetingDialog"
        assert dlg.defaults["kind"] == action["params"]["meeting_kind"]
        assert action["from"] <= dlg.defaults["date"] <= action["by"]
        dlg.reject()

    run_modal(qtbot, lambda: page._do_action(QUrl(f"do:{i}")), check)
    assert data.YEAR
