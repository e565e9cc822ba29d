"""Smoke-test the frozen build the way an office PC runs it: no Python, a clean environment.

    python packaging/smoke_test.py [BUNDLE_DIR]      default: packaging/dist/dangzhibu-desktop

The bundle is first copied to a folder whose path has Chinese characters and a space (Windows
user names often do), then each check runs the executable from another working directory with
only ``PATH=/usr/bin:/bin``, a fresh ``HOME`` and ``QT_QPA_PLATFORM=offscreen`` (like
``env -i``). Checks: --version, demo, verify, check (the rule set is found), export shuzhi
(.docx and .pdf), --screenshot, and portable mode. When ``demo`` fails, a small ledger is
imported as a data package so the later checks still say something (demo stays failed). Prints one line per check; exit status 1 when
any failed. Needs only the standard library (pdftotext is used when present).
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import buildinfo as bi  # noqa: E402

TIMEOUT = 180  # seconds per command; the slowest is the first start of Qt offscreen


# A tiny ledger as a data package, used when `demo` itself fails.
FALLBACK_PACKAGE = {
    "format": "dangzhibu-package", "version": 1,
    "branch": {"name": "冒烟测试党支部", "parent_org": "冒烟测试党委"},
    "party_groups": [],
    "members": [
        {"id": 1, "name": "张三", "gender": "男", "status": "在册",
         "development_steps": [{"step": 15, "date": "2010-07-01"}, {"step": 24, "date": "2011-07-01"}]},
        {"id": 2, "name": "李四", "gender": "女", "status": "在册",
         "development_steps": [{"step": 1, "date": "2024-03-01"}]},
    ],
    "meetings": [{"id": 1, "kind": "支部党员大会", "date": f"{_dt.date.today().year}-03-15",
                  "topic": "学习党章", "attendance": [{"member_id": 1, "status": "出席"}]}],
    "trainings": [], "volunteer_activities": [], "pioneer_posts": [], "dues": [], "appraisals": [],
    "rectifications": [], "checklist": [],
}


class CheckFailed(Exception):
    pass


def clean_env(home: Path) -> dict[str, str]:
    """The environment of ``env -i PATH=/usr/bin:/bin HOME=... QT_QPA_PLATFORM=offscreen``."""
    if os.name == "nt":
        root = os.environ.get("SystemRoot", r"C:\Windows")
        return {
            "SystemRoot": root, "WINDIR": root, "PATH": rf"{root}\system32;{root}",
            "USERPROFILE": str(home), "APPDATA": str(home / "AppData" / "Roaming"),
            "LOCALAPPDATA": str(home / "AppData" / "Local"), "TEMP": str(home / "Temp"),
            "TMP": str(home / "Temp"), "QT_QPA_PLATFORM": "offscreen",
        }
    return {"PATH": "/usr/bin:/bin", "HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}


class Runner:
    def __init__(self, exe: Path, env: dict[str, str], cwd: Path):
        self.exe, self.env, self.cwd = exe, env, cwd

    def __call__(self, *args: str) -> subprocess.CompletedProcess:
        try:
            proc = subprocess.run([str(self.exe), *args], cwd=self.cwd, env=self.env,
                                  capture_output=True, timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            raise CheckFailed(f"timed out after {TIMEOUT} s: {' '.join(args)}") from None
        proc.stdout = proc.stdout.decode("utf-8", "replace")
        proc.stderr = proc.stderr.decode("utf-8", "replace")
        if proc.returncode != 0:
            tail = (proc.stderr.strip() or proc.stdout.strip()).splitlines()[-6:]
            raise CheckFailed(f"exit {proc.returncode}: {' | '.join(tail)}")
        return proc


def png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    if len(head) < 24 or head[:8] != b"\x89PNG\r\n\x1a\n" or head[12:16] != b"IHDR":
        raise CheckFailed(f"not a PNG image: {path.name}")
    return struct.unpack(">II", head[16:24])


def docx_text(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as z:
            xml = z.read("word/document.xml").decode("utf-8")
    except (zipfile.BadZipFile, KeyError) as exc:
        raise CheckFailed(f"not a Word document: {path.name} ({exc})") from None
    return "".join(re.findall(r"<w:t(?:\s[^>]*)?>([^<]*)</w:t>", xml))


def pdf_text(path: Path) -> str | None:
    if not path.read_bytes().startswith(b"%PDF-"):
        raise CheckFailed(f"not a PDF: {path.name}")
    if not shutil.which("pdftotext"):
        return None
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True)
    return out.stdout.decode("utf-8", "replace")


def smoke(bundle: Path, keep: bool, in_place: bool) -> int:
    version = bi.read_version()
    year = _dt.date.today().year
    tmp = Path(tempfile.mkdtemp(prefix="dzb-smoke-"))
    try:
        if in_place:
            app_dir = bundle
        else:
            app_dir = tmp / "程序 目录" / bundle.name
            shutil.copytree(bundle, app_dir, symlinks=True)
        exe_name = f"{bi.CLI_EXE_NAME}.exe" if os.name == "nt" else bi.EXE_NAME
        exe = app_dir / exe_name
        home, work = tmp / "home", tmp / "工作"
        for d in (home, work, home / "Temp"):
            d.mkdir(parents=True, exist_ok=True)
        run = Runner(exe, clean_env(home), work)
        ledger = work / "示例台账.sqlite"
        results: list[tuple[str, bool, str, float]] = []

        def check(name, fn):
            started = time.monotonic()
            try:
                detail = fn() or ""
                ok = True
            except CheckFailed as exc:
                detail, ok = str(exc), False
            except Exception as exc:  # a bug in this script must not pass for a green check
                detail, ok = f"{type(exc).__name__}: {exc}", False
            secs = time.monotonic() - started
            results.append((name, ok, detail, secs))
            print(f"{'PASS' if ok else 'FAIL'}  {name:<22} {secs:5.1f} s  {detail}", flush=True)
            return ok

        def version_check():
            out = run("--version").stdout
            if version not in out:
                raise CheckFailed(f"version {version} not in output {out.strip()!r}")
            return out.strip()

        def demo_check():
            run("demo", "--db", str(ledger), "--year", str(year))
            if not ledger.is_file() or not ledger.read_bytes()[:16] == b"SQLite format 3\x00":
                raise CheckFailed("demo ledger not written")
            return f"{ledger.stat().st_size // 1024} KB"

        def verify_check():
            run("verify", "--db", str(ledger))

        def rules_check():
            report = json.loads(run("check", "--db", str(ledger), "--year", str(year), "--json").stdout)
            if not report:
                raise CheckFailed("empty report")
            return f"{len(json.dumps(report, ensure_ascii=False))} chars of JSON"

        def export_docx_check():
            out = work / "述职报告.docx"
            run("export", "shuzhi", "--db", str(ledger), "--year", str(year), "--out", str(out))
            text = docx_text(out)
            if "述职" not in text or len(text) < 200:
                raise CheckFailed(f"document text too thin ({len(text)} chars)")
            return f"{len(text)} chars"

        def export_pdf_check():
            out = work / "述职报告.pdf"
            run("export", "shuzhi", "--db", str(ledger), "--year", str(year), "--out", str(out))
            text = pdf_text(out)
            if text is not None and "述职" not in text:
                raise CheckFailed("PDF text has no 述职 (fonts not embedded?)")
            return f"{out.stat().st_size // 1024} KB" + ("" if text is not None else ", text not checked")

        def screenshot_check():
            shots = work / "截图"
            run("--db", str(ledger), "--screenshot", str(shots))
            pngs = sorted(shots.glob("*.png"))
            if not pngs:
                raise CheckFailed("no PNG written")
            bad = [p.name for p in pngs if not re.match(r"^\d\d-.+\.png$", p.name)]
            if bad:
                raise CheckFailed(f"names not NN-页面.png: {bad[:3]}")
            small = [p.name for p in pngs if min(png_size(p)) < 300]
            if small:
                raise CheckFailed(f"images too small: {small[:3]}")
            # An empty window compresses to a few KB; a page with Chinese text and tables does not.
            blank = [p.name for p in pngs if p.stat().st_size < 20_000]
            if blank:
                raise CheckFailed(f"pages look empty: {blank[:3]}")
            w, h = png_size(pngs[0])
            return f"{len(pngs)} pages, {w}x{h}"

        def portable_check():
            if in_place:
                return "skipped (--in-place)"
            before = set(home.rglob("*"))
            (app_dir / "portable").write_text("", encoding="utf-8")
            try:
                run("--demo", "--screenshot", str(work / "便携截图"))
            finally:
                (app_dir / "portable").unlink()
            beside = app_dir / "data" / "示例台账.sqlite"
            if not beside.is_file():
                raise CheckFailed(f"demo ledger not beside the executable ({beside})")
            strays = sorted(set(home.rglob("*")) - before)
            if strays:
                raise CheckFailed(f"portable mode wrote into HOME: {strays[0]}")
            return "ledger in data/ beside the executable"

        def fallback_ledger_check():
            package = work / "数据包.json"
            package.write_text(json.dumps(FALLBACK_PACKAGE, ensure_ascii=False), encoding="utf-8")
            ledger.unlink(missing_ok=True)
            run("import", "package", str(package), "--db", str(ledger))
            return "small ledger for the checks below"

        if not exe.is_file():
            print(f"FAIL  executable missing: {exe}")
            return 1
        print(f"smoke-testing {exe} (version {version}), cwd {work}", flush=True)
        check("--version", version_check)
        have_ledger = check("demo", demo_check)
        if not have_ledger:
            # Keep testing what does work on a ledger made another way; demo stays failed.
            have_ledger = check("import package", fallback_ledger_check)
        if have_ledger:
            check("verify", verify_check)
            check("check (rule set)", rules_check)
            check("export shuzhi .docx", export_docx_check)
            check("export shuzhi .pdf", export_pdf_check)
            check("--screenshot", screenshot_check)
        else:
            for name in ("verify", "check (rule set)", "export shuzhi .docx", "export shuzhi .pdf",
                         "--screenshot"):
                results.append((name, False, "needs the demo ledger", 0.0))
                print(f"FAIL  {name:<22}   --    needs the demo ledger")
        check("portable mode", portable_check)
        failed = [r[0] for r in results if not r[1]]
        total = sum(r[3] for r in results)
        print(f"{len(results) - len(failed)}/{len(results)} checks passed in {total:.0f} s"
              + (f"; failed: {', '.join(failed)}" if failed else ""))
        return 1 if failed else 0
    finally:
        if keep:
            print(f"kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description="Smoke-test the frozen build.")
    p.add_argument("bundle", nargs="?", default=str(HERE / "dist" / bi.DIST_NAME))
    p.add_argument("--keep", action="store_true", help="keep the temporary folder for inspection")
    p.add_argument("--in-place", action="store_true",
                   help="run the bundle where it is (no copy; skips the portable check)")
    args = p.parse_args(argv)
    bundle = Path(args.bundle).resolve()
    if not bundle.is_dir():
        print(f"no build at {bundle}; run python packaging/build.py first", file=sys.stderr)
        return 1
    return smoke(bundle, args.keep, args.in_place)


if __name__ == "__main__":
    sys.exit(main())
