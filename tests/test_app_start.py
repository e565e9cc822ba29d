"""Start-up of the window. Chinese input under fcitx5 (Kylin, UOS): the wheel has no fcitx input context, so the window
starts with the ibus one, which fcitx5's ibus frontend serves; a working choice is left alone."""

import pytest

from dangzhibu_desktop.ui.app import _available_input_methods, input_method_for

WHEEL = {"ibus", "compose"}


@pytest.mark.parametrize("env, available, expected", [
    ({"QT_IM_MODULE": "fcitx", "XMODIFIERS": "@im=fcitx"}, WHEEL, "ibus"),  # fcitx5 on Kylin/UOS
    ({"GTK_IM_MODULE": "fcitx"}, WHEEL, "ibus"),
    ({"XMODIFIERS": "@im=fcitx"}, WHEEL, "ibus"),
    ({"QT_IM_MODULE": "fcitx"}, WHEEL | {"fcitx"}, None),  # a bundled fcitx plugin: use it
    ({"QT_IM_MODULE": "ibus"}, WHEEL, None),  # ibus itself
    ({}, WHEEL, None),  # no input method configured: Qt decides
    ({"QT_IM_MODULE": "fcitx"}, {"compose"}, None),  # nothing better to offer
])
def test_the_input_method_chosen_at_start(env, available, expected):
    assert input_method_for(env, available) == expected


def test_the_wheel_carries_the_ibus_context():
    assert "ibus" in _available_input_methods()


def test_startup_objects_are_frozen_out_of_full_collections():
    import gc

    from dangzhibu_desktop.ui.app import freeze_startup_objects

    try:
        assert freeze_startup_objects() > 1000
        assert gc.get_freeze_count() > 1000
    finally:
        gc.unfreeze()


def test_the_window_speaks_chinese_whatever_the_system_locale(qapp):
    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QCalendarWidget

    from dangzhibu_desktop.ui.app import application

    application()
    assert QLocale().language() == QLocale.Language.Chinese
    assert QLocale().territory() == QLocale.Country.China
    cal = QCalendarWidget()
    assert cal.locale().monthName(3) == "三月"
