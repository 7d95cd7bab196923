"""Scale without surprise: every format streams or keeps only what it prints (a ranking row
per file), rendered sections wait on disk, and the report comes out in pieces."""

from __future__ import annotations

import dataclasses
import os
import time
import tracemalloc

import pytest
from report_factory import make_report, results

from resumecheck.formatters import base
from resumecheck.formatters.base import RenderContext, Spool, pieces, render
from resumecheck.formatters.registry import OutputFormat
from resumecheck.models import Failure
from resumecheck.verdict import FileResult, Tally, judge

REPORT = make_report("x.pdf", 60.0, job_rate=0.5)


def test_a_spool_gives_back_what_it_kept_in_any_order() -> None:
    texts = ["first\n", "", "zweite \u00e9\u6f22\n" * 50, "bad \udcff name", "last"]
    for memory in (0, 10, 1 << 20):
        spool = Spool(memory=memory)
        assert [spool.append(t) for t in texts] == list(range(len(texts)))
        assert [spool.get(i) for i in (4, 0, 2, 1, 3)] == [texts[i] for i in (4, 0, 2, 1, 3)]
        assert list(spool) == texts
        spool.close()


def test_a_spilled_spool_leaves_no_file_behind(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", None)
    spool = Spool(memory=0)
    spool.append("personal data " * 100)
    assert os.listdir(tmp_path) == []  # unlinked as it was made
    assert spool.get(0).startswith("personal data")
    spool.close()


def _files(n: int):
    for i in range(n):
        if i % 50 == 7:
            yield Failure(f"applicants/broken-{i:06d}.pdf", "is not a PDF")
            continue
        score = dataclasses.replace(REPORT.score, value=float(i % 100))
        yield dataclasses.replace(REPORT, path=f"applicants/applicant-{i:06d}.pdf",
                                  score=score)


def _memory(fmt: OutputFormat, n: int) -> tuple[int, int]:
    """(bytes still held after every file was added, peak while the report is written)."""
    ctx = RenderContext(version="t", profile="pain-medicine", details=True, total=n)
    formatter = fmt.formatter(ctx)
    tally = Tally()
    tracemalloc.start()
    try:
        start = tracemalloc.get_traced_memory()[0]
        formatter.start()
        for outcome in _files(n):
            verdict = judge(outcome, ctx.thresholds)
            tally.add(verdict)
            formatter.add(FileResult(outcome, verdict))
        held = tracemalloc.get_traced_memory()[0] - start
        tracemalloc.reset_peak()
        for _ in pieces(formatter.finish(tally)):
            pass
        peak = tracemalloc.get_traced_memory()[1] - start
    finally:
        tracemalloc.stop()
    return held, peak


@pytest.mark.parametrize("fmt", list(OutputFormat))
def test_no_format_keeps_more_than_a_ranking_row_per_file(fmt: OutputFormat, monkeypatch
                                                          ) -> None:
    monkeypatch.setattr(Spool.__init__, "__defaults__", (0,))  # every section on disk
    (held_few, peak_few), (held_many, peak_many) = _memory(fmt, 150), _memory(fmt, 750)
    per_file = (held_many - held_few) / 600
    assert per_file < 1024, f"{fmt} keeps {per_file:.0f} bytes a file"
    per_file = (peak_many - peak_few) / 600
    assert per_file < 2048, f"{fmt} needs {per_file:.0f} bytes a file to finish"


@pytest.mark.parametrize("fmt", list(OutputFormat))
def test_sections_read_back_from_disk_make_the_same_report(fmt: OutputFormat,
                                                           monkeypatch) -> None:
    outcomes = list(_files(120))
    ctx = RenderContext(version="t", profile="pain-medicine", details=True,
                        total=len(outcomes))
    in_memory = render(fmt.formatter(ctx), results(outcomes, ctx))
    monkeypatch.setattr(Spool.__init__, "__defaults__", (0,))
    assert render(fmt.formatter(ctx), results(outcomes, ctx)) == in_memory


def test_finish_hands_the_report_out_in_pieces() -> None:
    outcomes = list(_files(300))
    for fmt in (OutputFormat.TEXT, OutputFormat.MARKDOWN, OutputFormat.HTML,
                OutputFormat.JUNIT):
        ctx = RenderContext(version="t", profile="pain-medicine", details=True,
                            total=len(outcomes))
        formatter = fmt.formatter(ctx)
        tally = Tally()
        for result in results(outcomes, ctx):
            tally.add(result.verdict)
            formatter.add(result)
        parts = list(pieces(formatter.finish(tally)))
        assert len(parts) > 1 and max(map(len, parts)) < sum(map(len, parts)) / 4, fmt


@pytest.mark.slow
def test_the_text_report_renders_a_file_in_a_small_fraction_of_rich_time() -> None:
    """--details used to cost 28-90 ms a file (Rich); the plain layout a few percent of it."""
    from resumecheck.formatters.text import TextFormatter

    ctx = RenderContext(version="t", profile="pain-medicine", details=True, total=100)
    result = results([REPORT], ctx)[0]

    def per_file(formatter: TextFormatter, n: int) -> float:
        start = time.process_time()
        for _ in range(n):
            formatter.add(result)
        return (time.process_time() - start) / n

    slow = TextFormatter(ctx)
    slow.plain_layout = False
    assert per_file(TextFormatter(ctx), 200) < per_file(slow, 20) / 8
    assert base.rank_row(result).missing_required  # the rows the ranking keeps
