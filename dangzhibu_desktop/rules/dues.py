"""党费 amounts by the 2008 brackets (中组发〔2008〕3号), read from the rule set.

Employed members pay a share of the monthly after-tax fixed salary, retired members a share
of the basic pension; the upper bound of a bracket belongs to the lower bracket (exactly
3000.00 元 pays 0.5 %). Students, the unemployed and people on relief pay a fixed 0.20 元;
farmers 0.20–1.00 元. Amounts are rounded to the fen, half up, in Decimal arithmetic.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from ..ledger.validate import ValidationError
from .ruleset import RuleSet, load_rule_set

FEN = Decimal("100")


def _rule(rule_set) -> dict:
    rs = rule_set if isinstance(rule_set, RuleSet) else load_rule_set(rule_set)
    return rs.dues


def bracket_rate(brackets: list[dict], base_fen: int) -> Decimal:
    """The rate of the first bracket whose ``up_to`` (元, inclusive) covers ``base_fen``."""
    base = Decimal(base_fen) / FEN
    for b in brackets:
        if b.get("up_to") is None or base <= Decimal(str(b["up_to"])):
            return Decimal(str(b["rate"]))
    return Decimal(str(brackets[-1]["rate"]))


def compute_dues(dues_class: str | None, base_fen: int | None = None, rule_set: RuleSet | str | None = None,
                 farmer_fen: int | None = None) -> tuple[float | None, int]:
    """Monthly dues for one member: ``(rate, amount_fen)``.

    Args:
        dues_class: 在职 / 离退休 / 农民 / 学生 / 下岗失业 / 享受低保 (None counts as 在职).
        base_fen: the monthly base in fen (salary after tax, or basic pension); needed for
            在职 and 离退休.
        farmer_fen: for 农民, the amount the branch set (within the rule set's min–max);
            default the rule set's default (0.20 元).

    Returns:
        The rate as a float for the ``dues.rate`` column (None for fixed amounts) and the
        amount in fen.

    Raises:
        ValidationError: unknown class, missing or negative base, farmer amount out of range.
    """
    cfg = _rule(rule_set)
    cls = dues_class or "在职"
    table = cfg["classes"].get(cls)
    if table:
        if base_fen is None:
            raise ValidationError("请填写党费计算基数（月工资或基本养老金）", "base_income")
        if isinstance(base_fen, bool) or not isinstance(base_fen, int) or base_fen < 0:
            raise ValidationError("计算基数应为不小于0的金额", "base_income")
        rate = bracket_rate(cfg[table], base_fen)
        amount = (Decimal(base_fen) * rate).quantize(Decimal("1"), rounding=ROUND_HALF_UP)
        return float(rate), int(amount)
    fixed = cfg["fixed"]
    if cls in fixed:
        return None, int((Decimal(str(fixed[cls])) * FEN).quantize(Decimal("1"), rounding=ROUND_HALF_UP))
    farmer = cfg["farmer"]
    if cls == farmer["class"]:
        lo = int(Decimal(str(farmer["min"])) * FEN)
        hi = int(Decimal(str(farmer["max"])) * FEN)
        amount = int(Decimal(str(farmer["default"])) * FEN) if farmer_fen is None else farmer_fen
        if not lo <= amount <= hi:
            raise ValidationError(f"农民党员每月党费应在{lo / 100:.2f}元至{hi / 100:.2f}元之间", "amount_due")
        return None, amount
    raise ValidationError(f"未知的缴费类别“{cls}”", "dues_class")
