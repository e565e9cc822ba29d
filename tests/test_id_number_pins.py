"""身份证号 check characters pinned against GB 11643-1999 itself, not against the project's own
function: the standard's worked examples, and its ISO 7064 MOD 11-2 definition written out
independently (a_i · 2^(18-i) summed, check value (12 − S mod 11) mod 11, 10 written X)."""

import pytest

from dangzhibu_desktop.ledger.validate import ValidationError, id_check_char, validate_id_number

# GB 11643-1999 附录 examples and numbers whose check characters are published with them.
STANDARD_EXAMPLES = {
    "11010519491231002": "X",  # GB 11643-1999 示例（女，1949-12-31）
    "44052418800101001": "4",  # GB 11643-1999 示例（男，1880-01-01）
}


def mod11_2(first17: str) -> str:
    """ISO 7064 MOD 11-2 as the standard defines it (weights 2^(18-i) mod 11, i = 1 … 17 from the left)."""
    s = sum(int(a) * pow(2, 18 - i, 11) for i, a in enumerate(first17, start=1))
    value = (12 - s % 11) % 11
    return "X" if value == 10 else str(value)


@pytest.mark.parametrize("first17, check", sorted(STANDARD_EXAMPLES.items()))
def test_the_standards_examples(first17, check):
    assert mod11_2(first17) == check  # the oracle itself agrees with the standard
    assert id_check_char(first17) == check


# Every check value 0–10 at least once (each position of the weight table matters).
@pytest.mark.parametrize("first17", [
    "11010119900307001", "11010119900307002", "11010119900307003", "11010119900307004",
    "11010119900307005", "11010119900307006", "11010119900307007", "11010119900307008",
    "11010119900307009", "11010119900307010", "11010119900307011", "11010119900307012",
    "31011519850615123", "51010719720101456", "65010219991231789", "23010319600229002",
])
def test_check_character_against_the_definition(first17):
    assert id_check_char(first17) == mod11_2(first17)


def test_all_eleven_check_values_are_reached():
    seen = {mod11_2(f"1101011990030700{d}") for d in range(10)}
    seen |= {mod11_2(f"110101199003070{d}0") for d in range(10)}
    assert seen == set("0123456789X")


@pytest.mark.parametrize("first17", ["11010519491231002", "31011519850615123", "23010319600229002"])
def test_only_the_right_check_character_is_accepted(first17):
    right = mod11_2(first17)
    assert validate_id_number(first17 + right) == first17 + right
    for wrong in "0123456789X":
        if wrong != right:
            with pytest.raises(ValidationError, match=f"校验位错误（应为{right}）"):
                validate_id_number(first17 + wrong)
