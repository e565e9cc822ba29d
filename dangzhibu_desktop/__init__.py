"""党支部工作台 — the branch secretary's ledger, rules and year-end documents."""

__version__ = "0.1.0"
APP_NAME = "党支部工作台"
