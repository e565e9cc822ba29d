"""Icons drawn for the application (``resources/icons``), found via ``paths.resource_path``."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtGui import QIcon

from ..paths import resource_path

# Rule statuses (rules engine labels) → icon file.
STATUS_ICON = {
    "达标": "status-ok.svg",
    "未达标": "status-fail.svg",
    "预警": "status-warn.svg",
    "待到期": "status-pending.svg",
    "不适用": "status-na.svg",
}


@lru_cache(maxsize=None)
def icon(name: str) -> QIcon:
    try:
        return QIcon(str(resource_path(f"icons/{name}")))
    except FileNotFoundError:
        return QIcon()


def app_icon() -> QIcon:
    return icon("app.svg")


def status_icon(status: str) -> QIcon:
    return icon(STATUS_ICON.get(status, "status-na.svg"))
