"""The year's figures (exports/figures.py) against small ledgers stated inline."""

import datetime as _dt

from dangzhibu_desktop.exports.common import Job
from dangzhibu_desktop.exports.figures import year_figures
from tests.rules_support import full_member


def figures(ledger, as_of=_dt.date(2025, 6, 30)):
    return year_figures(Job(ledger, 2025, today=as_of))


def test_post_holders_only_while_on_a_post_in_the_year(ledger):
    # As of 2025-06-30: on the post March–May and on it with no dates count; one put on it
    # from July (after the as-of day) and one who left at the end of 2024 do not.
    spring, later, last_year, always = (full_member(ledger, n) for n in ("春季", "七月起", "去年", "常在"))
    post = ledger.insert("pioneer_posts", {"kind": "先锋岗", "name": "党员先锋岗"})
    ledger.replace_children("post_members", post, [
        {"member_id": spring, "since": "2025-03-01", "until": "2025-05-31"},
        {"member_id": later, "since": "2025-07-01"},
        {"member_id": last_year, "until": "2024-12-31"},
        {"member_id": always},
    ])
    assert figures(ledger).post_members == 2
    # Boundary: a holder from the as-of day and one until 1 January both count.
    ledger.replace_children("post_members", post, [
        {"member_id": later, "since": "2025-06-30"}, {"member_id": last_year, "until": "2025-01-01"}])
    assert figures(ledger).post_members == 2
