"""Crash safety of attaching: SIGKILL a process that attaches photos and PDFs one after another,
at 12 random moments. After every kill each row must name a file that is there, whole (its
hash), and every attach reported done must be there."""

import hashlib
import os
import random
import signal
import subprocess
import sys
import textwrap
import threading
import time

import pytest

from dangzhibu_desktop.ledger import open_ledger
from dangzhibu_desktop.ledger import attachments as att

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")

ATTACHER = textwrap.dedent("""
    import io, os, sys
    from PIL import Image
    from dangzhibu_desktop.ledger import open_ledger
    from dangzhibu_desktop.ledger import attachments as att
    led = open_ledger(sys.argv[1])
    meeting = led.rows("meetings")[0]["id"]
    k = int(sys.argv[2])
    print("go", flush=True)
    while True:
        if k % 2:
            im = Image.frombytes("RGB", (2600, 1700), os.urandom(2600 * 1700 * 3))
            exif = Image.Exif()
            exif[0x0112] = 6
            buf = io.BytesIO()
            im.save(buf, "JPEG", quality=80, exif=exif.tobytes())
            p = att.prepare_bytes(buf.getvalue(), f"照片{k}.jpg")
        else:
            p = att.prepare_bytes(b"%PDF-1.4\\n" + os.urandom(3_000_000), f"扫描{k}.pdf")
        att.attach(led, "meetings", meeting, [p], title=f"第{k}份")
        print(k, p.sha256, flush=True)
        k += 1
""")


def _check(path):
    with open_ledger(path, auto_backup=False) as led:
        assert led.scalar("PRAGMA integrity_check") == "ok"
        rows = led.query("SELECT * FROM attachments ORDER BY id")
        folder = att.folder_for(path)
        for r in rows:
            f = folder / r["sha256"]
            assert f.is_file(), f"row {r['id']} names a missing file"
            data = f.read_bytes()
            assert len(data) == r["bytes"] and hashlib.sha256(data).hexdigest() == r["sha256"], r["id"]
        return rows


def test_kill_during_attach_leaves_no_dangling_row(tmp_path):
    path = tmp_path / "台账.sqlite"
    with open_ledger(path, create=True) as led:
        led.insert("meetings", {"kind": "主题党日", "date": "2025-03-20"})
    rng = random.Random(os.getpid())
    reported: dict[int, str] = {}
    k = 0
    kills = 0
    mid_attach = 0
    while kills < 12:
        proc = subprocess.Popen([sys.executable, "-c", ATTACHER, str(path), str(k)], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)
        first = proc.stdout.readline().strip()
        if first != "go":
            proc.kill()
            proc.wait()
            pytest.fail(f"child did not start: {first!r} {proc.stderr.read()}")
        lines: list[str] = []
        reader = threading.Thread(target=lambda: lines.extend(proc.stdout), daemon=True)
        reader.start()
        time.sleep(rng.uniform(0.05, 1.5))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        reader.join(5)
        proc.stdout.close()
        proc.stderr.close()
        kills += 1
        for line in lines:
            n, sha = line.split()
            reported[int(n)] = sha
        rows = _check(path)
        by_title = {r["title"]: r["sha256"] for r in rows}
        for n, sha in reported.items():
            assert by_title.get(f"第{n}份") == sha, f"attach {n} was reported done but is not there"
        # The attach being written when the kill came: either wholly there or not at all.
        k = max(reported, default=-1) + 1
        if f"第{k}份" in by_title:
            k += 1
        else:
            mid_attach += 1
    assert len(reported) >= 3, "the child never got to attach anything"
    assert mid_attach >= 8, "most kills should land while an attach was under way"
    # 清理 removes the temporaries and files a kill left without a row; every row keeps its file.
    with open_ledger(path, auto_backup=False) as led:
        att.clean_files(led)
    rows = _check(path)
    assert {p.name for p in att.folder_for(path).iterdir()} == {r["sha256"] for r in rows}
