"""Consistent exports: the data package and every document read one snapshot, so one taken
while the window saves always imports (the window's saves used to slip in between two tables:
"党员（编号319）…不存在" on the new computer)."""

import threading

import pytest

from dangzhibu_desktop import exports
from dangzhibu_desktop.ledger import open_ledger, package
from dangzhibu_desktop.ledger.package import import_package_file, write_package


def base(path):
    with open_ledger(path, create=True) as led:
        led.save_branch({"name": "第一党支部"})
        led.insert("members", {"name": "王秀英"})
    return path


def save_member_with_meeting(path, k):
    """What the window does: a new member, then a meeting they attended (two transactions)."""
    with open_ledger(path, auto_backup=False) as w:
        m = w.insert("members", {"name": f"新党员{k}"})
        mt = w.insert("meetings", {"kind": "支部党员大会", "date": "2026-03-05", "topic": f"第{k}次"})
        w.replace_children("attendance", mt, [{"member_id": m, "status": "出席"}])


def test_saves_between_two_tables_do_not_reach_the_package(tmp_path, monkeypatch):
    path = base(tmp_path / "台账.sqlite")
    real = package._table_rows
    fired = []

    def rows_with_a_save_in_between(ledger, name):
        if name == "meetings" and not fired:  # members already read; the window saves now
            save_member_with_meeting(path, 1)
            fired.append(name)
        return real(ledger, name)

    monkeypatch.setattr(package, "_table_rows", rows_with_a_save_in_between)
    out = tmp_path / "包.json"
    with open_ledger(path, readonly=True) as reader:
        write_package(reader, out)
    assert fired
    with open_ledger(tmp_path / "新.sqlite", create=True) as led:
        import_package_file(led, out)  # raised "…（编号2）在党员及入党人员中不存在" without the snapshot
        assert [m["name"] for m in led.rows("members")] == ["王秀英"] and led.count("meetings") == 0
    with open_ledger(path, readonly=True) as reader:  # the next package has the new rows
        write_package(reader, out)
    with open_ledger(tmp_path / "新2.sqlite", create=True) as led:
        import_package_file(led, out)
        assert led.count("members") == 2 and led.count("attendance") == 1


def test_packages_taken_during_a_burst_of_saves_all_import(tmp_path):
    path = base(tmp_path / "台账.sqlite")
    stop = threading.Event()
    errors = []

    def burst():
        k = 0
        try:
            while not stop.is_set() and k < 400:
                k += 1
                save_member_with_meeting(path, k)
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    writer = threading.Thread(target=burst)
    writer.start()
    try:
        for n in range(8):
            out = tmp_path / f"包{n}.json"
            with open_ledger(path, readonly=True) as reader:
                write_package(reader, out)
            with open_ledger(tmp_path / f"新{n}.sqlite", create=True) as led:
                import_package_file(led, out)
                meetings = led.count("meetings")
                # A snapshot may fall between the member's save and the meeting's: never later.
                assert meetings + 1 <= led.count("members") <= meetings + 2
                assert led.count("attendance") <= meetings
    finally:
        stop.set()
        writer.join(60)
    assert not errors, errors


def test_a_document_reads_one_snapshot(tmp_path, monkeypatch):
    path = base(tmp_path / "台账.sqlite")
    seen = []

    def writer_that_reads_twice(job, out):
        seen.append(job.ledger.count("members"))
        save_member_with_meeting(path, 1)
        seen.append(job.ledger.count("members"))
        out.write_bytes(b"x")

    monkeypatch.setattr(exports, "_writer", lambda kind, ext: writer_that_reads_twice)
    with open_ledger(path, readonly=True) as reader:
        exports.export_document("roster", reader, 2026, tmp_path / "名册.xlsx")
        assert seen == [1, 1]
        assert reader.count("members") == 2  # after the export, the reader sees the save
        assert not reader.conn.in_transaction


def test_snapshot_inside_a_write_transaction_is_that_transaction(ledger):
    with ledger.transaction():
        ledger.insert("members", {"name": "张伟"})
        with ledger.snapshot():
            assert ledger.count("members") == 1
    assert ledger.count("members") == 1 and not ledger.conn.in_transaction


def test_failed_document_ends_its_snapshot(tmp_path, monkeypatch):
    path = base(tmp_path / "台账.sqlite")

    def broken(job, out):
        raise RuntimeError("boom")

    monkeypatch.setattr(exports, "_writer", lambda kind, ext: broken)
    with open_ledger(path, readonly=True) as reader:
        with pytest.raises(RuntimeError):
            exports.export_document("roster", reader, 2026, tmp_path / "名册.xlsx")
        assert not reader.conn.in_transaction
