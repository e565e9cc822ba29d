"""The rule functions, one module per 基本 (mirroring tests/test_rules_*.py).

Each takes (snapshot, params) and returns an ``Outcome``; ``RULES`` maps a rule code to its
function. Importing this package registers every rule.
"""

from . import act, org, role, support, system, team  # noqa: F401  (registers the rules)
from .common import RULES, period_states
from .support import CHECKLIST_RULES, checklist_rule
from .system import dues_ledger

__all__ = ["RULES", "CHECKLIST_RULES", "checklist_rule", "dues_ledger", "period_states"]
