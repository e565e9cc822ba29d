"""组织关系转接 (transfers, schema V2_TRANSFERS): refused in Chinese when wrong, the member's dates
following from them by the one rule of ledger/transfers.py (read through ``on_books`` /
``members_on``), in the data package both ways, on a file upgraded from the version before."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pytest

from dangzhibu_desktop.ledger import LedgerError, open_ledger
from dangzhibu_desktop.ledger import migrations
from dangzhibu_desktop.ledger.package import export_package, import_package

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture
def people(ledger):
    ledger.save_branch({"name": "第一党支部"})
    red = ledger.insert("members", {"name": "李红"})
    ming = ledger.insert("members", {"name": "张明", "joined_branch_on": "2015-05-01"})
    return ledger, red, ming


def member(ledger, mid):
    m = ledger.get("members", mid)
    return m["joined_branch_on"], m["left_on"], m["status"]


def on_books(ledger, mid, day):
    return mid in {m["id"] for m in ledger.members_on(day)}


@pytest.mark.parametrize("row, words", [
    ({"direction": "调出", "date": "2026-03-01"}, "转接类别只能是：转入、转出"),
    ({"direction": "转出", "date": "2026-03-01", "valid_until": "2026-02-28"}, "介绍信有效期不能早于转接日期"),
    ({"direction": "转出", "date": "2026-03-01", "receipt_on": "2026-02-01"}, "回执日期不能早于转接日期"),
    ({"direction": "转出", "date": "2026-03-01", "dues_paid_to": "2026-13"}, "党费交至格式应为 年-月"),
    ({"direction": "转出", "date": "2026-03-01", "dues_paid_to": "2026年2月"}, "党费交至格式应为 年-月"),
    ({"direction": "转出", "date": "2026-02-30"}, "转接日期“2026-02-30”不是有效的日期"),
    ({"direction": "转出"}, "请填写转接日期"),
    ({"date": "2026-03-01"}, "请填写转接类别"),
    ({"direction": "转出", "date": "2026-03-01", "member_id": None}, "请填写党员"),
    ({"direction": "转出", "date": "2026-03-01", "member_id": 999}, "党员（编号999）在党员及入党人员中不存在"),
    ({"direction": "转出", "date": "2015-04-30", "member_id": "MING"}, "转出日期2015-04-30早于张明转入本支部的日期2015-05-01"),
])
def test_a_wrong_transfer_is_refused_in_chinese_and_nothing_written(people, row, words):
    ledger, red, ming = people
    row = {"member_id": red, **row}
    if row["member_id"] == "MING":
        row["member_id"] = ming
    before = [member(ledger, red), member(ledger, ming)]
    with pytest.raises(LedgerError, match=words):
        ledger.insert("transfers", row)
    assert ledger.scalar("SELECT COUNT(*) FROM transfers") == 0
    assert [member(ledger, red), member(ledger, ming)] == before


def test_a_member_in_the_recycle_bin_takes_no_transfer(people):
    ledger, red, _ = people
    ledger.delete("members", red)
    with pytest.raises(LedgerError, match="不存在"):
        ledger.insert("transfers", {"member_id": red, "direction": "转出", "date": "2026-03-01"})


def test_a_transfer_in_sets_the_day_she_arrives(people):
    ledger, red, _ = people
    ledger.insert("transfers", {"member_id": red, "direction": "转入", "date": "2026-03-09",
                                "other_org": "市供电公司营销部党支部", "letter_no": "鲁电党〔2026〕12号",
                                "valid_until": "2026-04-08", "receipt_on": "2026-03-10", "dues_paid_to": "2026-02"})
    assert member(ledger, red) == ("2026-03-09", None, "在册")
    assert not on_books(ledger, red, "2026-03-08") and on_books(ledger, red, "2026-03-09")


def test_a_transfer_out_sets_the_first_day_off_the_books_and_the_status(people):
    ledger, _, ming = people
    tid = ledger.insert("transfers", {"member_id": ming, "direction": "转出", "date": "2026-03-01",
                                      "other_org": "幸福社区党委", "dues_paid_to": "2026-02"})
    assert member(ledger, ming) == ("2015-05-01", "2026-03-01", "转出")  # the typed arrival stays
    assert on_books(ledger, ming, "2026-02-28") and not on_books(ledger, ming, "2026-03-01")
    # Edited to a later day: the member follows.
    ledger.update("transfers", tid, {"date": "2026-04-15"})
    assert member(ledger, ming) == ("2015-05-01", "2026-04-15", "转出")
    # Written in the audit log as a change of the member, in the same transaction.
    assert ledger.scalar("SELECT COUNT(*) FROM audit_log WHERE table_name = 'members' AND action = '修改'") == 2


def test_taking_a_transfer_back_undoes_what_it_set(people):
    ledger, red, ming = people
    out = ledger.insert("transfers", {"member_id": ming, "direction": "转出", "date": "2026-03-01"})
    came = ledger.insert("transfers", {"member_id": red, "direction": "转入", "date": "2026-01-05"})
    ledger.delete("transfers", out)
    assert member(ledger, ming) == ("2015-05-01", None, "在册")
    ledger.delete("transfers", came)
    assert member(ledger, red) == (None, None, "在册")
    ledger.restore("transfers", out)
    assert member(ledger, ming) == ("2015-05-01", "2026-03-01", "转出")


def test_her_latest_transfer_decides_and_a_return_makes_her_active_again(people):
    ledger, red, _ = people
    ledger.insert("transfers", {"member_id": red, "direction": "转入", "date": "2020-03-01"})
    ledger.insert("transfers", {"member_id": red, "direction": "转出", "date": "2023-07-01"})
    assert member(ledger, red) == ("2020-03-01", "2023-07-01", "转出")
    back = ledger.insert("transfers", {"member_id": red, "direction": "转入", "date": "2025-09-01"})
    assert member(ledger, red) == ("2025-09-01", None, "在册")
    assert on_books(ledger, red, "2025-09-01") and not on_books(ledger, red, "2024-01-01")
    ledger.delete("transfers", back)  # the return was a mistake: gone again since 2023-07-01
    assert member(ledger, red) == ("2020-03-01", "2023-07-01", "转出")


def test_moving_a_transfer_to_another_person_moves_its_dates(people):
    ledger, red, ming = people
    tid = ledger.insert("transfers", {"member_id": red, "direction": "转出", "date": "2026-03-01"})
    ledger.update("transfers", tid, {"member_id": ming})
    assert member(ledger, red) == (None, None, "在册")
    assert member(ledger, ming) == ("2015-05-01", "2026-03-01", "转出")


def test_an_earlier_transfer_in_does_not_bring_back_a_later_departure(people):
    """A 转入 dated before her typed departure (or her death) leaves the departure as it is."""
    ledger, red, _ = people
    ledger.update("members", red, {"status": "去世", "left_on": "2025-06-01"})
    ledger.insert("transfers", {"member_id": red, "direction": "转入", "date": "2019-01-10"})
    assert member(ledger, red) == ("2019-01-10", "2025-06-01", "去世")


def test_the_years_transfers_with_names(people):
    ledger, red, ming = people
    ledger.insert("transfers", {"member_id": red, "direction": "转入", "date": "2026-01-05"})
    ledger.insert("transfers", {"member_id": ming, "direction": "转出", "date": "2026-06-30"})
    ledger.insert("transfers", {"member_id": ming, "direction": "转入", "date": "2015-05-01"})
    assert [(t["member_name"], t["direction"]) for t in ledger.transfers_of(2026)] == [("李红", "转入"), ("张明", "转出")]
    assert [t["date"] for t in ledger.transfers_of(2026, until="2026-03-01")] == ["2026-01-05"]
    assert len(ledger.transfers_of(None)) == 3


def test_transfers_travel_in_the_data_package_both_ways(people, tmp_path):
    ledger, red, ming = people
    ledger.insert("transfers", {"member_id": ming, "direction": "转出", "date": "2026-03-01", "other_org": "幸福社区党委",
                                "letter_no": "第23号", "valid_until": "2026-03-31", "receipt_on": "2026-03-12",
                                "dues_paid_to": "2026-02", "notes": "退休"})
    gone = ledger.insert("transfers", {"member_id": red, "direction": "转入", "date": "2026-01-05"})
    ledger.delete("transfers", gone)
    doc = export_package(ledger)
    assert doc["transfers"][0] == {**doc["transfers"][0], "member_id": ming, "direction": "转出",
                                   "letter_no": "第23号", "dues_paid_to": "2026-02", "receipt_on": "2026-03-12"}
    assert doc["transfers"][1]["deleted_at"]
    with open_ledger(tmp_path / "新.sqlite", create=True) as dst:
        import_package(dst, doc)
        assert export_package(dst) == doc  # the members' dates as they were, not recomputed
        assert dst.get("members", ming)["status"] == "转出"


def test_a_package_without_transfers_still_imports(people, tmp_path):
    ledger = people[0]
    doc = export_package(ledger)
    del doc["transfers"]  # written before the table existed
    with open_ledger(tmp_path / "新.sqlite", create=True) as dst:
        import_package(dst, doc)
        assert dst.scalar("SELECT COUNT(*) FROM members") == 2
        assert export_package(dst)["transfers"] == []


def test_a_bad_transfer_in_a_package_is_refused_naming_it(people, tmp_path):
    ledger, red, _ = people
    ledger.insert("transfers", {"member_id": red, "direction": "转入", "date": "2026-01-05"})
    doc = export_package(ledger)
    doc["transfers"][0]["receipt_on"] = "2025-12-31"
    with open_ledger(tmp_path / "新.sqlite", create=True) as dst:
        with pytest.raises(LedgerError, match="组织关系转接第1条（编号1 2026-01-05）：回执日期不能早于转接日期"):
            import_package(dst, doc)
        assert dst.scalar("SELECT COUNT(*) FROM members") == 0


def _make_fixtures():
    spec = importlib.util.spec_from_file_location("make_fixtures", FIXTURES / "make_fixtures.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_the_file_of_the_version_before_upgrades_and_takes_transfers(tmp_path):
    """The saved file of the last version without the table (whatever its number once the
    migrations are ordered) gets it, keeps its rows, and its members' dates then follow."""
    before = migrations.MIGRATIONS.index(migrations.V2_TRANSFERS)  # versions 1…before lack it
    rows = _make_fixtures().ROWS[before]
    path = tmp_path / "old.db"
    shutil.copyfile(FIXTURES / f"ledger_v{before}.db", path)
    with open_ledger(path) as led:
        assert led.migrated_from == before
        assert led.scalar("SELECT COUNT(*) FROM transfers") == 0
        assert [m["name"] for m in led.rows("members")] == [m["name"] for m in rows["members"] if not m["deleted_at"]]
        zhao = next(m for m in rows["members"] if m["name"] == "赵强")
        assert led.get("members", zhao["id"])["left_on"] == zhao["left_on"]
        wang = next(m for m in rows["members"] if m["name"] == "王秀英")
        led.insert("transfers", {"member_id": wang["id"], "direction": "转出", "date": "2025-02-01"})
        assert led.get("members", wang["id"])["status"] == "转出"
        assert wang["id"] not in {m["id"] for m in led.members_on("2025-02-01")}


def test_the_shuzhi_counts_the_years_transfers(people, tmp_path):
    """转入N名、转出N名 (转入党员2名、转出党员1名) from the year's figures (one definition), only up to the as-of day."""
    import datetime as _dt

    from docx import Document

    from dangzhibu_desktop.exports import export_document, shuzhi
    from dangzhibu_desktop.exports.common import Job
    from dangzhibu_desktop.exports.figures import year_figures

    ledger, red, ming = people
    gao = ledger.insert("members", {"name": "高峰"})
    for mid in (red, ming, gao):  # 正式党员: only a 党员's 组织关系 moves
        ledger.insert("development_steps", {"member_id": mid, "step": 15, "date": "2005-01-01"})
        ledger.insert("development_steps", {"member_id": mid, "step": 23, "date": "2006-01-05"})
    applicant = ledger.insert("members", {"name": "申请人"})
    ledger.insert("development_steps", {"member_id": applicant, "step": 1, "date": "2024-03-01"})
    ledger.insert("transfers", {"member_id": applicant, "direction": "转入", "date": "2025-01-10"})  # not counted
    ledger.insert("meetings", {"kind": "支部委员会", "date": "2025-03-05", "topic": "研究组织关系转接"})
    ledger.insert("transfers", {"member_id": red, "direction": "转入", "date": "2025-01-05"})
    ledger.insert("transfers", {"member_id": gao, "direction": "转入", "date": "2025-02-05"})
    ledger.insert("transfers", {"member_id": ming, "direction": "转出", "date": "2025-03-01", "receipt_on": "2025-03-20"})
    ledger.insert("transfers", {"member_id": gao, "direction": "转入", "date": "2024-02-05"})  # the year before
    ledger.insert("transfers", {"member_id": gao, "direction": "转出", "date": "2025-11-05"})  # after 30 June

    job = Job(ledger, 2025, today=_dt.date(2025, 6, 30))
    f = year_figures(job)
    assert (f.transfers_in, f.transfers_out, f.transfer_receipts_missing) == (["李红", "高峰"], ["张明"], 0)
    text = "".join(t for _, t in shuzhi.performance(job, f, {}))
    assert "全年转入党员2名、转出党员1名，转出党员的介绍信回执均已收回。" in text
    # The whole year, as the document reads it: 高峰 left too, his receipt not back yet.
    out = export_document("shuzhi", ledger, 2025, tmp_path / "述职.docx")
    text = "\n".join(p.text for p in Document(out).paragraphs)
    assert "规范党员组织关系管理，全年转入党员2名、转出党员2名。" in text and "回执均已收回" not in text
