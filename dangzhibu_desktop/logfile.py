"""The program's log file: ``<data folder>/logs/党支部工作台.log``, rotating (1 MB × 3 old files),
every line through the personal-data mask (身份证号 and 手机号 never reach the disk in full).

The window writes unexpected errors here (``ui/crash.py``); on Windows, where a window program
has no console, it is the only trace an error leaves for whoever helps the secretary.
"""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from .ledger.safety import PersonalDataFilter

LOG_NAME = "党支部工作台.log"
MAX_BYTES = 1_000_000
BACKUPS = 3
LOGGER = "dangzhibu"

_handler: logging.Handler | None = None


def log_path() -> Path:
    from .paths import user_data_dir

    return user_data_dir() / "logs" / LOG_NAME


def install_log_file(path: Path | None = None) -> Path | None:
    """Send the program's log (logger ``dangzhibu`` and warnings) to the rotating file; returns
    its path, or None when the data folder cannot be written (the program runs on without)."""
    global _handler
    logger = logging.getLogger(LOGGER)
    target = Path(path) if path else log_path()
    if _handler is not None:
        if Path(getattr(_handler, "baseFilename", "")) == target.resolve():
            return target
        logger.removeHandler(_handler)
        _handler.close()
        _handler = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(target, maxBytes=MAX_BYTES, backupCount=BACKUPS,
                                                       encoding="utf-8", delay=True)
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(PersonalDataFilter())
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    _handler = handler
    return target


def log() -> logging.Logger:
    return logging.getLogger(LOGGER)
