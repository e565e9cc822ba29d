"""The generic table model and filter proxy behind every list page."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt

from dangzhibu_desktop.ui.models import (
    FETCH_CHUNK,
    Column,
    RecordFilterProxy,
    RecordTableModel,
    field_column,
    format_value,
)
from dangzhibu_desktop.ui.pages import lists
from dangzhibu_desktop.ui.session import Session

from . import ui_shell_data as data

LIST_PAGES = [lists.MembersPage, lists.DevelopmentPage, lists.MeetingsPage, lists.TrainingsPage,
              lists.VolunteerPage, lists.PostsPage, lists.RectificationsPage, lists.CommitteeList,
              lists.GroupsList]


def _rows(n):
    return [{"id": i + 1, "name": f"人员{i + 1:04d}", "amount": (i * 37) % 1000, "kind": "甲" if i % 3 else "乙"}
            for i in range(n)]


COLS = [Column("name", "姓名"), Column("amount", "金额", "money"), Column("kind", "类别")]


@pytest.fixture
def session(qtbot, ledger):
    data.build(ledger)
    s = Session(ledger)
    s.today = data.today_in()
    return s


@pytest.mark.parametrize("cls", LIST_PAGES, ids=lambda c: c.__name__)
def test_every_page_model_passes_qtmodeltester(qtbot, qtmodeltester, session, cls):
    page = cls(session)
    qtbot.addWidget(page)
    page.refresh()
    if page.year_box is not None:
        page.set_year(data.YEAR)
    assert page.model.total() > 0, "the sample branch has rows for every list page"
    qtmodeltester.check(page.model, force_py=True)
    qtmodeltester.check(page.proxy, force_py=True)
    # every declared column shows text for the first row without raising
    for c in range(page.model.columnCount()):
        page.model.data(page.model.index(0, c))
        assert page.model.headerData(c, Qt.Horizontal) == page.columns[c].label


def test_lazy_fetch_exposes_rows_in_chunks(qtbot, qtmodeltester):
    model = RecordTableModel(COLS)
    model.set_rows(_rows(450))
    assert model.rowCount() == FETCH_CHUNK
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 2 * FETCH_CHUNK
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 450
    assert not model.canFetchMore(QModelIndex())
    qtmodeltester.check(model, force_py=True)


def test_search_and_filter_see_rows_not_fetched_yet(qtbot):
    model = RecordTableModel(COLS)
    model.set_rows(_rows(1000))
    proxy = RecordFilterProxy()
    proxy.setSourceModel(model)
    assert proxy.rowCount() == FETCH_CHUNK
    proxy.set_search("人员0999")
    assert proxy.rowCount() == 1
    assert proxy.row_dict(0)["id"] == 999
    proxy.set_search("")
    proxy.set_equals("kind", "乙")
    assert proxy.rowCount() == len([r for r in _rows(1000) if r["kind"] == "乙"])
    proxy.set_equals("kind", None)
    assert proxy.rowCount() == 1000
    assert not proxy.active()


def test_sort_is_numeric_for_money_and_covers_all_rows(qtbot):
    model = RecordTableModel(COLS)
    rows = _rows(600)
    model.set_rows(rows)
    proxy = RecordFilterProxy()
    proxy.setSourceModel(model)
    proxy.sort(1, Qt.DescendingOrder)
    assert proxy.rowCount() == 600  # sorting fetched everything
    got = [proxy.row_dict(i)["amount"] for i in range(600)]
    assert got == sorted((r["amount"] for r in rows), reverse=True)
    assert proxy.index(0, 1).data() == format_value("money", max(r["amount"] for r in rows))


def test_reset_after_new_rows(qtbot):
    model = RecordTableModel(COLS)
    model.set_rows(_rows(3))
    resets = []
    model.modelReset.connect(lambda: resets.append(1))
    model.set_rows(_rows(5))
    assert resets == [1]
    assert model.rowCount() == 5


def test_formats_and_schema_labels():
    assert format_value("money", 4000) == "40.00"
    assert format_value("hours", 25) == "2.5"
    assert format_value("bool", 1) == "是"
    assert format_value("text", None) == ""
    col = field_column("trainings", "hours")
    assert (col.label, col.kind) == ("学时", "hours")
    assert field_column("members", "party_group_id").label == "所在党小组"


def test_settings_page_models_pass_qtmodeltester(qtbot, qtmodeltester, session):
    from dangzhibu_desktop.ui.pages.settings_page import SettingsPage

    session.ledger.delete("trainings", session.ledger.rows("trainings")[0]["id"])
    page = SettingsPage(session)
    qtbot.addWidget(page)
    page.refresh()
    assert page.bin_model.total() == 1 and page.bin_model.row(0)["title"] == "党纪学习教育专题培训"
    assert page.audit_model.total() > 10
    assert page.audit_model.row(0)["action"] == "删除"
    for model in (page.bin_model, page.audit_model, page.audit_proxy, page.backups_model):
        qtmodeltester.check(model, force_py=True)


def test_stamps_are_shown_as_chinese_dates_and_times():
    from dangzhibu_desktop.ui.models import datetime_text, format_value

    assert datetime_text("2026-12-02T01:29:01") == "2026年12月2日 01:29"
    assert format_value("datetime", "2026-03-20T14:05:00") == "2026年3月20日 14:05"
    assert format_value("datetime", "坏的时间") == "坏的时间"


def test_a_time_column_shows_chinese_and_sorts_by_the_stamp(qtbot):
    """设置与备份's 备份时间: 2026年9月… before 2026年10月… (the text alone sorts 10月 first)."""
    model = RecordTableModel([Column("made_at", "备份时间", "datetime_seconds")])
    stamps = ["2026-10-02T08:00:05", "2026-09-30T23:59:59", "2026-10-02T08:00:04"]
    model.set_rows([{"id": i, "made_at": s} for i, s in enumerate(stamps, 1)])
    proxy = RecordFilterProxy()
    proxy.setSourceModel(model)
    proxy.sort(0, Qt.AscendingOrder)
    shown = [proxy.index(r, 0).data() for r in range(proxy.rowCount())]
    assert shown == ["2026年9月30日 23:59:59", "2026年10月2日 08:00:04", "2026年10月2日 08:00:05"]
    assert format_value("datetime", "2026-10-02T08:00:05") == "2026年10月2日 08:00"
