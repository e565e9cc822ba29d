"""The ledger layer: schema, migrations, validation and the Ledger API. Imports no Qt."""

from .schema import TABLES, Field, Table
from .store import Ledger, open_ledger
from .validate import LedgerError, ValidationError

__all__ = ["Ledger", "open_ledger", "LedgerError", "ValidationError", "TABLES", "Field", "Table"]
