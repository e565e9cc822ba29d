"""Crash safety: SIGKILL a process in the middle of a large package import and of a burst
of edits, many times at random moments; the file must pass integrity_check and hold either
all or none of each transaction, and everything reported committed must be there."""

import hashlib
import json
import os
import random
import signal
import subprocess
import sys
import textwrap
import threading
import time

import pytest

from dangzhibu_desktop.ledger import LedgerError, open_ledger, safety

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")

N_MEMBERS = 120
N_MEETINGS = 300
N_TRAININGS = 30

IMPORTER = textwrap.dedent("""
    import sys, time
    from dangzhibu_desktop.ledger import LedgerError, open_ledger, safety
    from dangzhibu_desktop.ledger.package import import_package_file
    led = open_ledger(sys.argv[1], create=True)
    print("go", flush=True)
    t = time.perf_counter()
    import_package_file(led, sys.argv[2])
    print("done", time.perf_counter() - t, flush=True)
    led.close()
""")

EDITOR = textwrap.dedent("""
    import sys
    from dangzhibu_desktop.ledger import open_ledger, safety
    if sys.argv[2] == "network":  # as on a network drive: rollback journal instead of WAL
        safety.is_network_path = lambda path: True
    led = open_ledger(sys.argv[1])
    assert led.scalar("PRAGMA journal_mode") == ("delete" if sys.argv[2] == "network" else "wal")
    members = [m["id"] for m in led.rows("members")]
    print("go", flush=True)
    k = 0
    while True:
        # One user action: a meeting, its attendance and the branch name, all or nothing.
        with led.transaction():
            mid = led.insert("meetings", {"kind": "支部委员会", "date": "2025-03-05", "topic": f"第{k}次"})
            led.replace_children("attendance", mid, [
                {"member_id": m, "status": "出席" if (m + k) % 3 else "请假", "reason": None if (m + k) % 3 else "出差"}
                for m in members])
            led.save_branch({"name": f"支部{k}"})
        print(k, flush=True)
        k += 1
""")


def big_package() -> dict:
    """A package of ~7 000 rows, built directly (no ledger needed)."""
    stamp = "2025-01-01T08:00:00"
    members = [{"id": i, "name": f"党员{i:03d}", "created_at": stamp, "updated_at": stamp,
                "development_steps": [{"id": i, "step": 15, "date": "2000-07-01", "created_at": stamp,
                                       "updated_at": stamp}]}
               for i in range(1, N_MEMBERS + 1)]
    meetings = [{"id": j, "kind": "党小组会" if j % 4 == 0 else "支部党员大会", "date": f"2024-{j % 12 + 1:02d}-10",
                 "topic": f"学习第{j}期", "content": "会议内容" * 20,
                 "party_group_id": 1 if j % 4 == 0 else None, "created_at": stamp, "updated_at": stamp,
                 "attendance": [{"id": j * 1000 + i, "member_id": i, "status": "出席", "created_at": stamp,
                                 "updated_at": stamp} for i in range(1, 41)]}
                for j in range(1, N_MEETINGS + 1)]
    trainings = [{"id": t, "date": "2024-05-01", "title": f"培训{t}", "hours": 2.5, "created_at": stamp,
                  "updated_at": stamp,
                  "attendance": [{"id": t * 1000 + i, "member_id": i, "hours": 2.5, "created_at": stamp,
                                  "updated_at": stamp} for i in range(1, 31)]}
                 for t in range(1, N_TRAININGS + 1)]
    dues = [{"id": i * 100 + mo, "member_id": i, "month": f"2024-{mo:02d}", "amount_due": "20.00",
             "amount_paid": "20.00", "paid_on": f"2024-{mo:02d}-05", "created_at": stamp, "updated_at": stamp}
            for i in range(1, N_MEMBERS + 1) for mo in range(1, 13)]
    return {
        "format": "dangzhibu-package", "version": 1,
        "branch": {"id": 1, "name": "第一党支部", "created_at": stamp, "updated_at": stamp},
        "party_groups": [{"id": 1, "name": "第一党小组", "leader_id": 1, "created_at": stamp, "updated_at": stamp}],
        "members": members, "meetings": meetings, "trainings": trainings, "dues": dues,
    }


def _start(script, *args):
    proc = subprocess.Popen([sys.executable, "-c", script, *map(str, args)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    first = proc.stdout.readline().strip()
    if first != "go":
        proc.kill()
        proc.wait()
        pytest.fail(f"child did not start: {first!r} {proc.stderr.read()}")
    return proc


def _kill_after(proc, delay):
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(proc.stdout), daemon=True)
    reader.start()
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    reader.join(5)
    return [line.strip() for line in lines]


def _integrity_ok(led):
    assert led.scalar("PRAGMA integrity_check") == "ok"
    assert led.query("PRAGMA foreign_key_check") == []


@pytest.fixture(scope="module")
def package_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("pkg") / "big.json"
    path.write_text(json.dumps(big_package(), ensure_ascii=False), "utf-8")
    return path


def _counts(led):
    return {t: led.scalar(f"SELECT COUNT(*) FROM {t}")
            for t in ("branch", "party_groups", "members", "development_steps", "meetings", "attendance",
                      "trainings", "training_attendance", "dues", "audit_log")}


def test_kill_during_package_import(tmp_path, package_file):
    full = {"branch": 1, "party_groups": 1, "members": N_MEMBERS, "development_steps": N_MEMBERS,
            "meetings": N_MEETINGS, "attendance": N_MEETINGS * 40, "trainings": N_TRAININGS,
            "training_attendance": N_TRAININGS * 30, "dues": N_MEMBERS * 12, "audit_log": 1}
    empty = dict.fromkeys(full, 0)
    # Calibrate: one import left to finish shows how long the transaction is open.
    calib = tmp_path / "calib.sqlite"
    proc = _start(IMPORTER, calib, package_file)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    duration = float(out.split()[1])
    with open_ledger(calib) as led:
        _integrity_ok(led)
        assert _counts(led) == full
    rng = random.Random(os.getpid())
    outcomes = []
    batch = 0
    # Two batches of four kills; on a loaded machine the calibration can overstate the import's
    # length, so further batches with earlier kills run until two have landed mid-transaction.
    while batch < 2 or (outcomes.count("none") < 2 and batch < 5):
        reach = 1.1 if batch < 2 else 0.4
        batch += 1
        procs = [(tmp_path / f"k{batch}_{i}.sqlite") for i in range(4)]
        started = [(p, _start(IMPORTER, p, package_file)) for p in procs]
        threads, results = [], {}
        for p, proc in started:
            delay = rng.uniform(0.02, reach) * duration

            def kill(p=p, proc=proc, delay=delay):
                results[p] = _kill_after(proc, delay)

            threads.append(threading.Thread(target=kill))
            threads[-1].start()
        for t in threads:
            t.join(30)
        for p, _ in started:
            with open_ledger(p) as led:
                _integrity_ok(led)
                counts = _counts(led)
            finished = any(line.startswith("done") for line in results[p])
            assert counts in (full, empty), counts
            if finished:
                assert counts == full  # reported done: it must have survived
            outcomes.append("all" if counts == full else "none")
    # Most kills landed while the transaction was open.
    assert outcomes.count("none") >= 2, outcomes


@pytest.mark.parametrize("where", ["local", "network"])
def test_kill_during_burst_of_edits(tmp_path, where):
    base = tmp_path / "base.sqlite"
    with open_ledger(base, create=True) as led:
        led.save_branch({"name": "支部"})
        for i in range(30):
            led.insert("members", {"name": f"党员{i}"})
        base_audit = led.scalar("SELECT COUNT(*) FROM audit_log")
    rng = random.Random(os.getpid() + 1)
    committed = []
    for batch in range(2 if where == "local" else 1):
        paths = [tmp_path / f"e{batch}_{i}.sqlite" for i in range(4)]
        for p in paths:
            p.write_bytes(base.read_bytes())
        started = [(p, _start(EDITOR, p, where)) for p in paths]
        results, threads = {}, []
        for p, proc in started:
            delay = rng.uniform(0.05, 0.8)

            def kill(p=p, proc=proc, delay=delay):
                results[p] = _kill_after(proc, delay)

            threads.append(threading.Thread(target=kill))
            threads[-1].start()
        for t in threads:
            t.join(30)
        for p, _ in started:
            reported = [int(x) for x in results[p] if x.isdigit()]
            with open_ledger(p) as led:
                _integrity_ok(led)
                topics = [r["topic"] for r in led.rows("meetings")]
                n = len(topics)
                assert topics == [f"第{k}次" for k in range(n)]
                # Everything reported committed is there; at most the one in flight beyond it.
                assert n >= len(reported) and n <= len(reported) + 1
                att = led.query("SELECT meeting_id, COUNT(*) AS c FROM attendance GROUP BY meeting_id")
                assert all(r["c"] == 30 for r in att) and len(att) == n
                assert led.branch()["name"] == (f"支部{n - 1}" if n else "支部")
                assert led.scalar("SELECT COUNT(*) FROM audit_log") == base_audit + 3 * n
            committed.append(n)
    assert sum(committed) > 0, committed


HOT_JOURNAL = textwrap.dedent("""
    import os, sys
    from dangzhibu_desktop.ledger import open_ledger, safety
    safety.is_network_path = lambda path: True
    led = open_ledger(sys.argv[1], auto_backup=False)
    led.conn.execute("PRAGMA cache_size = 1")  # spill changed pages into the file mid-transaction
    with led.transaction():
        for i in range(400):
            led.insert("members", {"name": f"临时{i}", "notes": "备注" * 500})
        os._exit(0)  # die with the transaction open
""")


def test_crash_with_rollback_journal_is_recovered_on_writable_open(tmp_path, monkeypatch):
    path = tmp_path / "台账.sqlite"
    monkeypatch.setattr(safety, "is_network_path", lambda p: True)
    with open_ledger(path, create=True) as led:
        led.save_branch({"name": "第一党支部"})
        led.insert("members", {"name": "王秀英"})
    done = subprocess.run([sys.executable, "-c", HOT_JOURNAL, str(path)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    journal = path.with_name(path.name + "-journal")
    assert journal.exists() and journal.stat().st_size > 0
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    # Read-only commands cannot roll the journal back: refused, nothing touched.
    with pytest.raises(LedgerError, match="上次未正常关闭"):
        open_ledger(path, readonly=True)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before and journal.exists()
    with open_ledger(path) as led:  # the writable open rolls the half transaction back
        _integrity_ok(led)
        assert [m["name"] for m in led.rows("members")] == ["王秀英"]
    assert not journal.exists()
