"""The benchmark harness (``python -m dangzhibu_desktop.bench``) and the fixes it led to.

Timings are never asserted against fixed limits here (machines are noisy); the harness is run
once on the small demo and its report checked for content, plus a loose large/small ratio.
"""

import json
import os
import sqlite3
import time

import pytest

from dangzhibu_desktop import bench, rules
from dangzhibu_desktop.exports import KIND_LABELS
from dangzhibu_desktop.ledger import open_ledger
from dangzhibu_desktop.demo import build_demo
from dangzhibu_desktop.ledger.package import export_package, write_package

YEAR = 2025


@pytest.fixture(scope="module")
def small_demo(tmp_path_factory):
    path = tmp_path_factory.mktemp("bench") / "small.sqlite"
    build_demo(path, "small", YEAR)
    return path


def test_quick_run_on_small_demo_writes_report_and_keeps_notes(tmp_path):
    report = tmp_path / "BENCHMARKS.md"
    report.write_text("# Benchmarks\n\nIntro.\n\n## exports\n\nNotes of the exports engineer.\n", encoding="utf-8")
    raw = tmp_path / "raw.json"
    code = bench.main(["--quick", "--sizes", "small", "--no-office", "--year", str(YEAR),
                       "--workdir", str(tmp_path / "work"), "--out", str(report), "--json", str(raw)])
    assert code == 0
    text = report.read_text(encoding="utf-8")
    # The generated block sits after the title; the notes around it are untouched.
    assert text.startswith("# Benchmarks\n")
    assert text.index(bench.BEGIN) < text.index("Intro.") < text.index("Notes of the exports engineer.")
    assert text.count(bench.BEGIN) == 1 and text.count(bench.END) == 1
    block = text[text.index(bench.BEGIN):text.index(bench.END)]
    assert "Machine:" in block and "Python" in block and "PySide6" in block
    for label in ("cold start to the painted 工作台", "`check` of the latest year", "会议记录簿 .pdf",
                  "会议记录簿 .docx ÷ .pdf",
                  "data package round trip", "roster import", "peak memory, window process"):
        assert label in block
    for title in ("工作台", "党员名册", "三会一课", "创星评估", "设置与备份"):
        assert f"| {title} |" in block
    for name in KIND_LABELS.values():
        assert name in block
    assert "skipped" in block  # no LibreOffice comparison was asked for

    res = json.loads(raw.read_text(encoding="utf-8"))
    small = res["sizes"]["small"]
    assert set(res["sizes"]) == {"small"}
    assert len(small["cold"]["runs"]) == 2 and all(t > 0 for t in small["cold"]["runs"])
    assert 20 < small["cold"]["peak_mb"] < small["peak_mb"] + 1
    pages = small["window"]["pages"]
    from dangzhibu_desktop.ui.main_window import PAGE_CLASSES

    # Every other page, then back to the 工作台.
    assert [p["slug"] for p in pages] == [c.slug for c in PAGE_CLASSES[1:]] + ["dashboard"]
    assert all(len(p["first"]) == 2 and min(p["first"]) > 0 for p in pages)
    assert len(small["exports"]) == len(bench.EXPORTS)
    assert all(e["bytes"] > 1000 for e in small["exports"].values())
    assert small["roster"]["written"] == 2000
    assert small["package"]["rows"] > 1000
    assert small["check"]["score"] is not None

    # Run again into the same file: the block is replaced, not added.
    bench.write_report(report, bench.render(res))
    again = report.read_text(encoding="utf-8")
    assert again.count(bench.BEGIN) == 1 and "Notes of the exports engineer." in again


def test_write_report_inserts_after_title_when_no_markers(tmp_path):
    report = tmp_path / "B.md"
    report.write_text("# Benchmarks\n\n## check\n\nold notes\n", encoding="utf-8")
    bench.write_report(report, f"{bench.BEGIN}\nTABLE\n{bench.END}")
    text = report.read_text(encoding="utf-8")
    assert text.index("TABLE") < text.index("## check") and "old notes" in text
    bench.write_report(report, f"{bench.BEGIN}\nNEW\n{bench.END}")
    text = report.read_text(encoding="utf-8")
    assert "TABLE" not in text and "NEW" in text and "old notes" in text


def test_trim_history_keeps_people_and_recent_events_only(small_demo, tmp_path):
    trimmed = tmp_path / "trimmed.sqlite"
    bench.trim_history(small_demo, trimmed, YEAR)
    with sqlite3.connect(small_demo) as a, sqlite3.connect(trimmed) as b:
        def one(con, sql):
            return con.execute(sql).fetchone()[0]

        assert one(a, "SELECT COUNT(*) FROM meetings WHERE date < '2025-01-01'") > 0
        assert one(b, "SELECT COUNT(*) FROM meetings WHERE date < '2025-01-01'") == 0
        assert one(b, "SELECT COUNT(*) FROM dues WHERE month < '2025-01'") == 0
        for sql in ("SELECT COUNT(*) FROM members", "SELECT COUNT(*) FROM meetings WHERE date >= '2025-01-01'",
                    "SELECT COUNT(*) FROM development_steps"):
            assert one(a, sql) == one(b, sql) > 0
        assert one(b, "SELECT COUNT(*) FROM attendance WHERE meeting_id NOT IN (SELECT id FROM meetings)") == 0
        assert b.execute("PRAGMA foreign_key_check").fetchall() == []
    # Still a ledger the application opens and judges.
    with open_ledger(trimmed, readonly=True) as cut:
        assert rules.evaluate(cut, YEAR).year == YEAR


def test_background_reader_skips_opening_checks_only_when_read_only(small_demo):
    from dangzhibu_desktop.ui.workers import open_reader

    reader = open_reader(small_demo)
    try:
        assert reader.readonly and reader.count("members") > 0
    finally:
        reader.close()
    with pytest.raises(ValueError):
        open_ledger(small_demo, verify=False)


def test_write_package_streams_the_same_bytes(small_demo, tmp_path):
    with open_ledger(small_demo, readonly=True) as ledger:
        out = write_package(ledger, tmp_path / "p.json")
        expected = json.dumps(export_package(ledger), ensure_ascii=False, indent=1)
    assert out.read_text(encoding="utf-8") == expected
    assert not (tmp_path / "p.json.tmp").exists()


def test_export_frees_the_document_it_made(small_demo, tmp_path):
    """A python-docx document is a reference cycle around lxml trees the collector does not
    see growing; export_document collects it, or each meeting book .docx stayed (~20 MB)."""
    import gc

    from docx.document import Document

    from dangzhibu_desktop.exports import export_document

    gc.collect()
    gc.disable()  # only the export's own collection may free it
    try:
        with open_ledger(small_demo, readonly=True) as ledger:
            export_document("ledger", ledger, YEAR, tmp_path / "book.docx")
        alive = [o for o in gc.get_objects() if isinstance(o, Document)]
    finally:
        gc.enable()
    assert (tmp_path / "book.docx").stat().st_size > 10_000
    assert alive == []


def _check_time(path, runs=7) -> float:
    with open_ledger(path, readonly=True) as ledger:
        rules.evaluate(ledger, YEAR)
        times = []
        for _ in range(runs):
            t0 = time.perf_counter()
            rules.evaluate(ledger, YEAR)
            times.append(time.perf_counter() - t0)
    return min(times)  # the least disturbed run: steadier than the median on a shared machine


TIMED = pytest.mark.skipif(not os.environ.get("BENCH_TIMING"), reason=(
    "a timing: the benchmark measures and records it (BENCHMARKS.md); BENCH_TIMING=1 runs it "
    "on a quiet machine"))


@TIMED
def test_check_does_not_grow_with_history(tmp_path):
    """Loose bound (the benchmark records the real figures): the large ledger costs at most 3×
    the same ledger trimmed to its last two years. (Against the small demo the ratio also
    measures a branch 2.6× the size with 6× the year's attendance: 2–3.5×, not stable.)"""
    large = tmp_path / "large.sqlite"
    build_demo(large, "large", YEAR)
    trimmed = tmp_path / "large-2y.sqlite"
    bench.trim_history(large, trimmed, YEAR - 1)
    t_large, t_trim = _check_time(large), _check_time(trimmed)
    assert t_large <= 3 * t_trim, (t_large, t_trim)
    # The trimmed copy is a fair comparison: it judges the year exactly as the full ledger does.
    with open_ledger(large, readonly=True) as full, open_ledger(trimmed, readonly=True) as cut:
        a, b = rules.evaluate(full, YEAR), rules.evaluate(cut, YEAR)
        assert (a.score, a.stars) == (b.score, b.stars)
        assert [r.status for r in a.basics[0].rules] == [r.status for r in b.basics[0].rules]


@TIMED
def test_meeting_book_docx_takes_at_most_three_times_the_pdf(small_demo, tmp_path):
    """Issue #15: the .docx of the book within 3× the PDF's time (it was 10–15×: python-docx's
    objects built every table cell by cell). Best of five each, so a busy moment on the shared
    machine hits both alike."""
    from dangzhibu_desktop.exports import export_document

    best = {}
    with open_ledger(small_demo, readonly=True) as ledger:
        for ext in (".pdf", ".docx"):
            export_document("ledger", ledger, YEAR, tmp_path / f"book{ext}")  # fonts, imports
            runs = []
            for _ in range(5):
                t = time.perf_counter()
                export_document("ledger", ledger, YEAR, tmp_path / f"book{ext}")
                runs.append(time.perf_counter() - t)
            best[ext] = min(runs)
    assert best[".docx"] <= 3 * best[".pdf"], best
