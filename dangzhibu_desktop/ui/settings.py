"""The window's settings, declared in one place and kept in an .ini file (QSettings).

The file lives in the user data folder (``paths.user_data_dir``), so the portable build keeps
it beside the executable and tests (``DANGZHIBU_DATA_DIR``) never touch the real one.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSettings

from .. import paths


@dataclass(frozen=True)
class Setting:
    key: str
    label: str
    default: object
    kind: type


LAST_LEDGER = Setting("ledger/last", "上次打开的台账", "", str)
SHOW_FULL_ID = Setting("export/show_full_id", "导出时显示完整身份证号", False, bool)
SHOW_FULL_PHONE = Setting("export/show_full_phone", "导出时显示完整手机号", False, bool)
BOOK_BLANK_AFTER_COVER = Setting("export/book_blank_after_cover", "封面后加一页空白页（双面打印装订用）", False, bool)
GEOMETRY = Setting("window/geometry", "窗口位置", b"", bytes)
LAST_PAGE = Setting("window/page", "上次的页面", 0, int)
EXPORT_DIR = Setting("export/dir", "导出文件夹", "", str)
RECENT = Setting("ledger/recent", "最近打开的台账", "[]", str)  # a JSON list: IniFormat mangles 1-item lists
RECENT_MAX = 6
# A JSON object {resolved ledger path: folder}: each ledger's chosen backup folder (a USB stick,
# another disk); a ledger not in it backs up beside itself (``<stem>_备份``).
BACKUP_DIRS = Setting("backup/dirs", "备份文件夹", "{}", str)


def settings_file():
    custom = getattr(paths, "settings_path", None)
    if custom is not None:
        return custom()
    return paths.user_data_dir() / "settings.ini"


def qsettings() -> QSettings:
    return QSettings(str(settings_file()), QSettings.IniFormat)


def get(setting: Setting):
    value = qsettings().value(setting.key, setting.default)
    if setting.kind is bool:
        # IniFormat gives strings back
        return value in (True, "true", "1", 1)
    if setting.kind is int:
        try:
            return int(value)
        except (TypeError, ValueError):
            return setting.default
    if setting.kind is str:
        return "" if value is None else str(value)
    return value


def put(setting: Setting, value) -> None:
    s = qsettings()
    s.setValue(setting.key, value)
    s.sync()
