"""The ledger API on temp-file databases: writes, validation, 回收站, transactions, audit."""

import sqlite3

import pytest

from dangzhibu_desktop.ledger import LedgerError, ValidationError, open_ledger
from dangzhibu_desktop.ledger.migrations import SCHEMA_VERSION
from dangzhibu_desktop.ledger.schema import TABLES

GOOD_ID = "11010519491231002X"


def test_new_file_has_every_table_with_declared_columns(ledger):
    assert ledger.scalar("PRAGMA user_version") == SCHEMA_VERSION
    assert ledger.scalar("PRAGMA foreign_keys") == 1
    assert ledger.scalar("PRAGMA journal_mode") == "wal"
    for name, t in TABLES.items():
        cols = [r["name"] for r in ledger.query(f"PRAGMA table_info({name})")]
        stamps = ["created_at", "updated_at"] + (["deleted_at"] if t.soft_delete else [])
        # A column a later migration adds (ALTER TABLE … ADD COLUMN) comes after the stamps;
        # the declared ones are all there, in the declared order.
        assert cols[0] == "id" and sorted(cols) == sorted(["id", *t.names, *stamps]), name
        assert [c for c in cols if c in t.names] == list(t.names), name
        assert [c for c in cols if c in stamps] == stamps, name


def test_indexes_serve_year_and_member_queries(ledger):
    plan = " ".join(r["detail"] for r in ledger.query(
        "EXPLAIN QUERY PLAN SELECT * FROM meetings WHERE date >= '2025-01-01' AND date <= '2025-12-31'"))
    assert "idx_meetings_date" in plan
    plan = " ".join(r["detail"] for r in ledger.query(
        "EXPLAIN QUERY PLAN SELECT * FROM attendance WHERE member_id = 3"))
    assert "idx_attendance_member" in plan


def test_member_insert_update_and_reopen(ledger_path):
    with open_ledger(ledger_path, create=True) as led:
        mid = led.insert("members", {"name": "王秀英", "gender": "女", "id_number": GOOD_ID.lower(),
                                     "birth_date": "1949-12-31", "phone": "13912345678"})
        led.update("members", mid, {"work_post": "调度员"})
    with open_ledger(ledger_path) as led:
        row = led.get("members", mid)
        assert row["id_number"] == GOOD_ID and row["work_post"] == "调度员" and row["status"] == "在册"
        assert row["created_at"] and row["updated_at"]


@pytest.mark.parametrize("values, words", [
    ({"name": ""}, "请填写姓名"),
    ({"name": "甲", "id_number": "110105194912310021"}, "校验位错误"),
    ({"name": "甲", "id_number": GOOD_ID, "birth_date": "1950-01-01"}, "不一致"),
    ({"name": "甲", "id_number": GOOD_ID, "gender": "男"}, "性别"),
    ({"name": "甲", "status": "在岗"}, "党籍状态只能是"),
    ({"name": "甲", "phone": "123"}, "手机号"),
    ({"name": "甲", "party_group_id": 99}, "不存在"),
    ({"name": "甲", "nickname": "x"}, "没有“nickname”"),
])
def test_bad_member_refused_and_nothing_written(ledger, values, words):
    with pytest.raises(ValidationError) as e:
        ledger.insert("members", values)
    assert words in str(e.value)
    assert ledger.count("members") == 0
    assert ledger.scalar("SELECT COUNT(*) FROM audit_log") == 0


def test_money_and_hours_must_be_integers_in_their_units(ledger):
    mid = ledger.insert("members", {"name": "甲"})
    with pytest.raises(ValidationError, match="分"):
        ledger.insert("dues", {"member_id": mid, "month": "2025-01", "amount_due": 40.0})
    with pytest.raises(ValidationError, match="0.1小时"):
        ledger.insert("trainings", {"date": "2025-01-01", "title": "学习", "hours": "2.5"})
    ledger.insert("dues", {"member_id": mid, "month": "2025-01", "amount_due": 4000})
    with pytest.raises(ValidationError, match="这个月的党费已有记录"):
        ledger.insert("dues", {"member_id": mid, "month": "2025-01", "amount_due": 4000})


def test_row_rules(ledger):
    with pytest.raises(ValidationError, match="党小组会请选择党小组"):
        ledger.insert("meetings", {"kind": "党小组会", "date": "2025-01-01"})
    with pytest.raises(ValidationError, match="结束时间"):
        ledger.insert("meetings", {"kind": "党课", "date": "2025-01-01", "start_time": "15:00", "end_time": "14:00"})
    with pytest.raises(ValidationError, match="完成日期"):
        ledger.insert("rectifications", {"problem": "台账不全", "status": "已完成"})
    with pytest.raises(ValidationError, match="第1至25步"):
        mid = ledger.insert("members", {"name": "甲"})
        ledger.insert("development_steps", {"member_id": mid, "step": 26, "date": "2025-01-01"})


def test_delete_goes_to_recycle_bin_and_restores(ledger):
    mid = ledger.insert("members", {"name": "李建国"})
    ledger.delete("members", mid)
    assert ledger.get("members", mid) is None
    assert ledger.count("members") == 0
    assert [(r["table"], r["title"]) for r in ledger.recycle_bin()] == [("members", "李建国")]
    ledger.restore("members", mid)
    assert ledger.get("members", mid)["name"] == "李建国"
    assert ledger.recycle_bin() == []


def test_restore_refused_when_it_would_duplicate(ledger):
    mid = ledger.insert("members", {"name": "甲"})
    first = ledger.insert("dues", {"member_id": mid, "month": "2025-01", "amount_due": 100})
    ledger.delete("dues", first)
    ledger.insert("dues", {"member_id": mid, "month": "2025-01", "amount_due": 200})
    with pytest.raises(LedgerError, match="无法恢复"):
        ledger.restore("dues", first)


def test_empty_recycle_bin_cascades_children(ledger):
    mid = ledger.insert("members", {"name": "甲"})
    meeting = ledger.insert("meetings", {"kind": "党课", "date": "2025-03-01", "lecturer_id": mid})
    ledger.replace_children("attendance", meeting, [{"member_id": mid, "status": "出席"}])
    ledger.delete("members", mid)
    assert ledger.empty_recycle_bin() == 1
    assert ledger.children("attendance", meeting) == []
    assert ledger.get("meetings", meeting)["lecturer_id"] is None


def test_replace_children_is_all_or_nothing(ledger):
    a = ledger.insert("members", {"name": "甲"})
    b = ledger.insert("members", {"name": "乙"})
    meeting = ledger.insert("meetings", {"kind": "支部党员大会", "date": "2025-03-01"})
    ledger.replace_children("attendance", meeting, [{"member_id": a, "status": "出席"}])
    with pytest.raises(ValidationError, match="出勤情况只能是"):
        ledger.replace_children("attendance", meeting, [
            {"member_id": a, "status": "请假", "reason": "出差"},
            {"member_id": b, "status": "迟到"},
        ])
    rows = ledger.children("attendance", meeting)
    assert [(r["member_id"], r["status"]) for r in rows] == [(a, "出席")]
    with pytest.raises(ValidationError, match="不止一次"):
        ledger.replace_children("attendance", meeting, [{"member_id": a, "status": "出席"}] * 2)


def test_transaction_groups_writes_and_rolls_back(ledger):
    with pytest.raises(ValidationError):
        with ledger.transaction():
            ledger.insert("members", {"name": "甲"})
            ledger.insert("members", {"name": ""})
    assert ledger.count("members") == 0
    with ledger.transaction():
        ledger.insert("members", {"name": "甲"})
        with pytest.raises(ValidationError):
            with ledger.transaction():  # a savepoint: only the inner part rolls back
                ledger.insert("members", {"name": "乙"})
                ledger.insert("members", {"name": ""})
    assert [m["name"] for m in ledger.rows("members")] == ["甲"]


def test_audit_log_records_every_change(ledger):
    mid = ledger.insert("members", {"name": "甲"})
    ledger.update("members", mid, {"name": "甲乙"})
    ledger.delete("members", mid)
    ledger.restore("members", mid)
    actions = [(e["table_name"], e["action"]) for e in reversed(ledger.audit_entries())]
    assert actions == [("members", "新增"), ("members", "修改"), ("members", "删除"), ("members", "恢复")]
    change = ledger.audit_entries()[1]  # newest first: 恢复, 删除, …
    assert "甲乙" in change["before"] and change["after"] is None


def test_update_without_change_writes_nothing(ledger):
    mid = ledger.insert("members", {"name": "甲"})
    stamp = ledger.get("members", mid)["updated_at"]
    ledger.update("members", mid, {"name": "甲"})
    assert ledger.get("members", mid)["updated_at"] == stamp
    assert len(ledger.audit_entries()) == 1


def test_branch_is_one_row(ledger):
    ledger.save_branch({"name": "第一党支部", "committee_term_years": 3})
    ledger.save_branch({"parent_org": "集团公司党委"})
    assert ledger.count("branch") == 1
    assert ledger.branch()["name"] == "第一党支部" and ledger.branch()["parent_org"] == "集团公司党委"
    with pytest.raises(ValidationError, match="任期"):
        ledger.save_branch({"committee_term_years": 0})


def test_members_on_a_day(ledger):
    stay = ledger.insert("members", {"name": "在册"})
    ledger.insert("members", {"name": "转入", "joined_branch_on": "2025-06-01"})
    ledger.insert("members", {"name": "转出", "status": "转出", "left_on": "2025-03-01"})
    ledger.insert("members", {"name": "无日期去世", "status": "去世"})
    names = lambda d: [m["name"] for m in ledger.members_on(d)]
    assert names("2025-01-01") == ["在册", "转出"]
    assert names("2025-07-01") == ["在册", "转入"]
    assert stay


def test_category_derived_from_steps(ledger):
    mid = ledger.insert("members", {"name": "甲"})
    ledger.insert("development_steps", {"member_id": mid, "step": 1, "date": "2024-01-02"})
    assert ledger.member_category(mid) == "入党申请人"
    ledger.insert("development_steps", {"member_id": mid, "step": 3, "date": "2024-06-02"})
    assert ledger.categories() == {mid: "入党积极分子"}


def test_refuses_files_that_are_not_ledgers(tmp_path):
    text = tmp_path / "notes.sqlite"
    text.write_text("hello")
    with pytest.raises(LedgerError, match="不是党支部工作台的台账文件"):
        open_ledger(text)
    other = tmp_path / "other.sqlite"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE x (a)")
    con.commit()
    con.close()
    with pytest.raises(LedgerError, match="其他程序的数据库"):
        open_ledger(other)
    with pytest.raises(LedgerError, match="找不到"):
        open_ledger(tmp_path / "missing.sqlite")


def test_refuses_a_newer_version(tmp_path):
    path = tmp_path / "new.sqlite"
    open_ledger(path, create=True).close()
    con = sqlite3.connect(path)
    con.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    con.close()
    with pytest.raises(LedgerError, match="更新版本"):
        open_ledger(path)


def test_same_id_number_twice_refused(ledger):
    first = ledger.insert("members", {"name": "王秀英", "id_number": "11010519491231002X"})
    with pytest.raises(ValidationError, match="与已登记的“王秀英”相同"):
        ledger.insert("members", {"name": "王秀英2", "id_number": "11010519491231002x"})
    other = ledger.insert("members", {"name": "李四"})
    with pytest.raises(ValidationError, match="相同"):
        ledger.update("members", other, {"id_number": "11010519491231002X"})
    ledger.update("members", first, {"id_number": "11010519491231002X", "phone": "13812345678"})
    ledger.delete("members", first)  # a person in the 回收站 may be registered again
    ledger.insert("members", {"name": "王秀英", "id_number": "11010519491231002X"})
    with pytest.raises(LedgerError, match="无法恢复：身份证号与已登记的“王秀英”相同"):
        ledger.restore("members", first)
