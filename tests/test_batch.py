"""The worker pool: order, isolation, caps, set-up once per worker, errors that stop a run."""

from __future__ import annotations

import functools
import multiprocessing
import os
from pathlib import Path

import batch_helpers
import pytest

from resumecheck.batch import WorkerStartError, run_batch
from resumecheck.errors import ProfileError
from resumecheck.formatters.base import RenderContext, render
from resumecheck.formatters.registry import OutputFormat
from resumecheck.limits import Caps, memory_reason, timeout_reason
from resumecheck.models import Failure, Report
from resumecheck.progress import make_progress
from resumecheck.verdict import FileResult, Thresholds, judge

MiB = 1024 * 1024


def _no_workers_left() -> bool:
    return not [p for p in multiprocessing.active_children() if p.name == "resumecheck-worker"]


def test_outcomes_keep_input_order_whatever_finishes_first() -> None:
    paths = ["cv/sleep-0.6.pdf", "cv/sleep-0.pdf", "cv/sleep-0.2.pdf", "cv/plain.docx"]
    streamed: list[str] = []
    finished: list[str] = []
    outcomes = run_batch(
        paths,
        batch_helpers.by_name,
        None,
        jobs=2,
        caps=Caps(10, None),
        on_result=lambda o: streamed.append(o.path),
        on_progress=lambda o: finished.append(o.path),
    )
    assert [o.path for o in outcomes] == paths
    assert streamed == paths
    assert finished.index("cv/sleep-0.pdf") < finished.index("cv/sleep-0.6.pdf")
    assert all(isinstance(o, Report) for o in outcomes)


@pytest.mark.parametrize("fmt", [f for f in OutputFormat if f not in ("text", "json")])
def test_reports_are_byte_identical_for_one_or_two_workers(fmt: OutputFormat) -> None:
    paths = ["a/sleep-0.2.pdf", "b/bad.pdf", "c/cv.docx", "d/sleep-0.pdf", "e/boom.txt"]
    ctx = RenderContext(version="0.1.0", profile="pain-medicine",
                        thresholds=Thresholds(fail_under=40), total=len(paths))
    one = run_batch(paths, batch_helpers.by_name, None, jobs=1, caps=Caps(10, None))
    two = run_batch(paths, batch_helpers.by_name, None, jobs=2, caps=Caps(10, None))

    def report(outcomes: list) -> str:
        return render(fmt.formatter(ctx),
                      [FileResult(o, judge(o, ctx.thresholds)) for o in outcomes])

    assert report(one) == report(two)


def test_a_stuck_file_is_stopped_and_the_batch_goes_on() -> None:
    outcomes = run_batch(
        ["hang.pdf", "after.pdf", "later.pdf"],
        batch_helpers.by_name,
        None,
        jobs=1,
        caps=Caps(1, None),
    )
    assert outcomes[0] == Failure("hang.pdf", timeout_reason(1))
    assert outcomes[0].reason == "took longer than 1 s; stopped"
    assert [type(o) for o in outcomes[1:]] == [Report, Report]
    assert _no_workers_left()


def test_a_file_that_eats_memory_is_stopped_at_the_cap() -> None:
    outcomes = run_batch(
        ["hog.pdf", "after.pdf"], batch_helpers.by_name, None, jobs=1, caps=Caps(30, 128 * MiB),
    )
    assert outcomes[0] == Failure("hog.pdf", memory_reason(128 * MiB))
    assert outcomes[0].reason == "used more than 128 MiB of memory; stopped"
    assert isinstance(outcomes[1], Report)


def test_a_crashing_reader_costs_only_its_file() -> None:
    outcomes = run_batch(
        ["crash.pdf", "fine.pdf"], batch_helpers.by_name, None, jobs=1, caps=Caps(10, None),
    )
    assert isinstance(outcomes[0], Failure)
    assert outcomes[0].reason.startswith("the reader crashed (SIGSEGV")
    assert isinstance(outcomes[1], Report)


def test_unreadable_and_unexpected_errors_become_failures() -> None:
    traces: dict[str, str] = {}
    outcomes = run_batch(
        ["bad.pdf", "boom.pdf"], batch_helpers.by_name, None, jobs=2, caps=Caps(10, None),
        on_internal_error=traces.__setitem__,
    )
    assert outcomes == [
        Failure("bad.pdf", "is not a PDF (starts with 'GIF8')"),
        Failure("boom.pdf", "internal error: ZeroDivisionError: division by zero in a reader",
                internal=True),
    ]
    assert "Traceback" in traces["boom.pdf"] and "by_name" in traces["boom.pdf"]


def test_set_up_runs_once_per_worker(tmp_path: Path) -> None:
    paths = [f"cv{i}.pdf" for i in range(8)]
    outcomes = run_batch(
        paths, batch_helpers.pid_report, None, jobs=2, caps=Caps(10, None),
        setup=functools.partial(batch_helpers.record_pid, str(tmp_path)),
    )
    started = {p.name.removeprefix("init-") for p in tmp_path.glob("init-*")}
    assert len(started) == 2
    used = {o.reason.removeprefix("pid ") for o in outcomes if isinstance(o, Failure)}
    assert used <= started


def test_a_profile_error_stops_the_whole_run() -> None:
    with pytest.raises(ProfileError) as caught:
        run_batch(
            ["a.pdf", "profile.pdf", "hang.pdf", "c.pdf"], batch_helpers.by_name, None,
            jobs=2, caps=Caps(30, None),
        )
    assert caught.value.where == "terms.rfa.level"
    assert str(caught.value) == "custom.toml: terms.rfa.level: unknown level 'must'"
    assert "batch_helpers.py" in str(caught.value.__cause__)
    assert _no_workers_left()


def test_a_profile_error_during_set_up_stops_the_run() -> None:
    with pytest.raises(ProfileError, match="no such profile"):
        run_batch(
            ["a.pdf"], batch_helpers.by_name, None, jobs=1, caps=Caps(10, None),
            setup=batch_helpers.failing_init,
        )


def test_set_up_crash_is_a_start_error_not_a_file_failure() -> None:
    with pytest.raises(WorkerStartError):
        run_batch(
            ["a.pdf"], batch_helpers.by_name, None, jobs=1, caps=Caps(10, None),
            setup=batch_helpers.crash_init,
        )


def test_interrupt_in_the_parent_kills_the_workers() -> None:
    def interrupt(_outcome: object) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run_batch(
            ["fast.pdf", "hang.pdf", "sleep-5.pdf"], batch_helpers.by_name, None, jobs=3,
            caps=Caps(60, None), on_progress=interrupt,
        )
    assert _no_workers_left()


def test_streaming_without_keeping_results() -> None:
    seen: list[str] = []
    paths = [f"cv{i}.pdf" for i in range(5)]
    kept = run_batch(
        paths, batch_helpers.by_name, None, jobs=2, caps=Caps(10, None),
        on_result=lambda o: seen.append(o.path), keep=False,
    )
    assert kept == []
    assert seen == paths


def test_one_file_in_isolation() -> None:
    outcome, = run_batch(["hang.pdf"], batch_helpers.by_name, None, jobs=1,
                         caps=Caps(timeout=0.5))
    assert outcome == Failure("hang.pdf", "took longer than 0.5 s; stopped")


def test_disabled_progress_is_silent(capsys: pytest.CaptureFixture[str]) -> None:
    with make_progress(3, enabled=False) as progress:
        progress.advance()
    assert capsys.readouterr() == ("", "")


def test_forked_workers_inherit_the_state_built_once_in_the_parent() -> None:
    if multiprocessing.get_start_method(allow_none=True) not in (None, "fork") or not hasattr(
        os, "fork"
    ):
        pytest.skip("workers are not forked on this platform")
    state = [f"parent {os.getpid()}"]
    outcomes = run_batch(
        ["a.pdf", "b.pdf", "c.pdf"], batch_helpers.report_state, state, jobs=2,
        caps=Caps(10, None), setup=batch_helpers.failing_init,
    )
    # The set-up that would fail is never run: the workers use the parent's state.
    assert {o.reason for o in outcomes if isinstance(o, Failure)} == {f"parent {os.getpid()}"}
