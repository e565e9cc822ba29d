"""党支部工作台 — the branch secretary's ledger, rules and year-end documents."""

# Kept to syntax every Python 3 parses, so an older Python reads this sentence instead of a
# SyntaxError from a module further in. The supported range is pyproject's requires-python.
import sys as _sys

MIN_PYTHON = (3, 11)


def python_too_old(version_info=None):
    """The Chinese sentence for a Python older than MIN_PYTHON, or None."""
    version = tuple((version_info or _sys.version_info)[:2])
    if version >= MIN_PYTHON:
        return None
    return ("党支部工作台需要 Python %d.%d 或更高版本，这台电脑上运行的是 Python %d.%d。"
            "请安装 Python %d.%d 或更高版本后再试，或改用不需要 Python 的安装包。"
            % (MIN_PYTHON + version + MIN_PYTHON))


if python_too_old():
    raise SystemExit(python_too_old())

__version__ = "0.1.0"
APP_NAME = "党支部工作台"
