"""The year chosen on one page is the year on every page until changed (issue 14, item 9): in
January, choosing last year once on the 工作台 prepares its 述职 on every page."""

from __future__ import annotations


from dangzhibu_desktop.ui.app import wait_until_loaded

from . import ui_shell_data as data


def _pick(qtbot, box, year):
    """A person's pick: open the combo with the keyboard and choose the year's entry."""
    box.setFocus()
    i = box.findData(year)
    assert i >= 0, year
    box.setCurrentIndex(i)  # what a click on the popup's entry does (activated + index change)


def test_a_year_chosen_on_one_page_is_every_pages_year(qtbot, window):
    ledger = window.session.ledger
    last = data.YEAR - 1
    ledger.insert("meetings", {"kind": "支部委员会", "date": f"{last}-11-20", "topic": "去年的支委会"})
    window.session.notify_changed("meetings")
    dash = window.show_page("dashboard")
    dash.refresh()
    assert wait_until_loaded(window, dash, 60)
    assert dash.year() == data.YEAR
    _pick(qtbot, dash.year_box, last)
    assert wait_until_loaded(window, dash, 60)
    assert dash.data["year"] == last

    meetings = window.show_page("meetings")
    assert meetings.selected_year() == last
    assert [r["topic"] for r in (meetings.model.row(i) for i in range(meetings.model.rowCount()))] == ["去年的支委会"]
    for slug in ("assessment", "dues", "export"):
        page = window.show_page(slug)
        assert wait_until_loaded(window, page, 60)
        assert page.year() == last, slug

    # Changed on another page: the 工作台 follows (already built, it reloads when shown).
    meetings = window.show_page("meetings")
    _pick(qtbot, meetings.year_box, data.YEAR)
    dash = window.show_page("dashboard")
    assert wait_until_loaded(window, dash, 60)
    assert dash.year() == data.YEAR and dash.data["year"] == data.YEAR

    # 全部年度 on a list is that list's view, not a year: the other pages keep theirs.
    meetings = window.show_page("meetings")
    _pick(qtbot, meetings.year_box, None)
    assert window.session.default_year() == data.YEAR
    assert window.show_page("assessment").year() == data.YEAR
    assert window.show_page("meetings").selected_year() is None

