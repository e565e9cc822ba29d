"""The window is Chinese whatever the system locale: QLocale zh_CN set at startup, so the date
field's calendar, the month and day names and Qt's own widgets speak Chinese."""

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QCalendarWidget

sys.path.insert(0, str(Path(__file__).parent))

from dangzhibu_desktop.ui.app import application  # noqa: E402
from dangzhibu_desktop.ui.widgets.datefield import DateField  # noqa: E402


@pytest.fixture
def english_system(qapp):
    """The machine's locale is English (as on many Windows installs); restored afterwards."""
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    yield
    QLocale.setDefault(before)


def test_startup_sets_chinese_over_an_english_system(qtbot, english_system):
    assert QLocale().language() == QLocale.Language.English
    application()
    assert QLocale().name() == "zh_CN"
    calendar = QCalendarWidget()  # any calendar made after startup, not only ours
    qtbot.addWidget(calendar)
    assert calendar.locale().name() == "zh_CN"
    assert calendar.locale().standaloneMonthName(3) == "三月"
    assert calendar.locale().dayName(1, QLocale.FormatType.ShortFormat) == "周一"


def test_the_date_fields_calendar_is_chinese_and_picks_a_day(qtbot, english_system, tmp_path):
    application()
    field = DateField()
    qtbot.addWidget(field)
    field.set_optional(True)
    field.show()
    field.set_date("2026-03-20")
    field.show_calendar()
    popup = field._popup
    assert popup.isVisible()
    cal = popup.calendar
    assert cal.locale().name() == "zh_CN" and cal.firstDayOfWeek() == Qt.DayOfWeek.Monday
    assert (cal.selectedDate().year(), cal.selectedDate().month(), cal.selectedDate().day()) == (2026, 3, 20)
    assert popup.grab().save(str(tmp_path / "calendar.png"))
    from PySide6.QtCore import QDate

    cal.clicked.emit(QDate(2026, 3, 25))  # a click on the 25th
    assert not popup.isVisible() and field.text() == "2026-03-25" and field.iso() == "2026-03-25"
