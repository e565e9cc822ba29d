"""Where things live: bundled resources, the user's data folder, portable mode.

One lookup serves the checkout, an installed wheel and the frozen (PyInstaller) build.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path, PurePosixPath

PACKAGE_DIR = Path(__file__).resolve().parent
APP_DIR_NAME = "dangzhibu-desktop"


def _resource_roots() -> list[Path]:
    roots = []
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        roots.append(Path(frozen) / "resources")
    roots.append(PACKAGE_DIR / "resources")  # wheel: resources/ is installed inside the package
    roots.append(PACKAGE_DIR.parent / "resources")  # checkout
    return roots


def resource_path(relative: str) -> Path:
    """Absolute path of a bundled resource, e.g. ``resource_path("rules/default.json")``.

    Raises:
        ValueError: for absolute paths or paths that climb out with ``..``.
        FileNotFoundError: when no root holds the resource.
    """
    rel = PurePosixPath(relative.replace("\\", "/"))
    if rel.is_absolute() or ".." in rel.parts:
        raise ValueError(f"resource paths must be relative and stay inside: {relative!r}")
    for root in _resource_roots():
        candidate = root.joinpath(*rel.parts)
        if candidate.exists():
            return candidate
    raise FileNotFoundError(f"resource not found: {relative}")


def app_base_dir() -> Path:
    """Folder of the executable (frozen) or of the package (from source)."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    return PACKAGE_DIR


def is_portable() -> bool:
    """A file named ``portable`` beside the executable keeps all data beside it (USB stick)."""
    return getattr(sys, "frozen", False) and (app_base_dir() / "portable").exists()


def user_data_dir() -> Path:
    """Per-user data folder (created on demand); ``DANGZHIBU_DATA_DIR`` overrides it."""
    override = os.environ.get("DANGZHIBU_DATA_DIR")
    if override:
        path = Path(override)
    elif is_portable():
        path = app_base_dir() / "data"
    elif os.name == "nt":
        path = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming") / APP_DIR_NAME
    elif sys.platform == "darwin":
        path = Path.home() / "Library" / "Application Support" / APP_DIR_NAME
    else:
        path = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share") / APP_DIR_NAME
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_ledger_path() -> Path:
    return user_data_dir() / "台账.sqlite"


def demo_ledger_path() -> Path:
    return user_data_dir() / "示例台账.sqlite"
