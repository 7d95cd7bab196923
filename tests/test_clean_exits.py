"""Exit 4 means a bug, and nothing else: every misuse of the command line ends with the
documented exit code and one line, paths are shown with their control characters escaped,
a closed pipe and a signal end the run cleanly.

The hostile command lines live in ``tests/hostile/misuse.py`` (shared with
``benchmarks/bench_hostile.py``); each runs ``python -m resumecheck`` in a subprocess, as a
user would. They run once per module, two at a time; each test below asserts one family.
The in-process tests cover what needs every output format.
"""

from __future__ import annotations

import errno
import io
import json
import os
import sys
import tempfile
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from hostile.misuse import (
    RAW_CONTROLS,
    Misuse,
    Outcome,
    build_misuses,
    problems,
    remove_tree,
    run_misuse,
)

from resumecheck.cli import main
from resumecheck.errors import ExitCode, printable

ROOT = Path(__file__).resolve().parents[1]
TEXT_CV = ROOT / "samples" / "posting_interventional_pain.txt"
FORMATS = ("text", "json", "jsonl", "csv", "markdown", "html", "junit", "github")

Results = dict[str, tuple[Misuse, Outcome, list[str]]]


@pytest.fixture(scope="module")
def misuses() -> Iterator[Results]:
    # Not under pytest's tmp_path: the tree 1,100 folders deep would break the recursive
    # clean-up of pytest's old temporary folders; remove_tree takes it down iteratively.
    dest = Path(tempfile.mkdtemp(prefix="resumecheck-misuse-"))
    try:
        cases = [c for c in build_misuses(dest / "cases") if c.in_suite]
        logs = dest / "logs"
        logs.mkdir()
        # Through main(), the command line's entry point, here: the same argument parsing
        # and exit codes without a Python start-up each. In the main thread, before any
        # thread exists, so batches fork their workers as the command would.
        done = [(c, *run_in_process(c)) for c in cases if not c.needs_process]

        def one(case: Misuse) -> tuple[Misuse, Outcome, list[str]]:
            outcome, problems = run_misuse(case, logs)
            return case, outcome, problems

        quiet = [c for c in cases if c.needs_process and c.signal is None]
        with ThreadPoolExecutor(max_workers=2) as pool:
            done += list(pool.map(one, quiet))
        # Signals are timed against a running batch: one at a time.
        done += [one(c) for c in cases if c.signal is not None]
        yield {case.name: (case, outcome, problems) for case, outcome, problems in done}
    finally:
        remove_tree(dest)


def run_in_process(case: Misuse) -> tuple[Outcome, list[str]]:
    """Run a case through :func:`main` with standard streams like a real process's:
    stdout strict UTF-8 (a lone surrogate would fail), stderr with backslash escapes."""
    out, err = io.BytesIO(), io.BytesIO()
    streams = (sys.stdout, sys.stderr)
    wrappers = (io.TextIOWrapper(out, encoding="utf-8", newline="\n", write_through=True),
                io.TextIOWrapper(err, encoding="utf-8", errors="backslashreplace",
                                 newline="\n", write_through=True))
    sys.stdout, sys.stderr = wrappers
    cwd = os.getcwd()
    started = time.monotonic()
    try:
        if case.cwd is not None:
            os.chdir(case.cwd)
        code = main(list(case.args))
    finally:
        os.chdir(cwd)
        sys.stdout, sys.stderr = streams
        for wrapper in wrappers:
            wrapper.flush()
            wrapper.detach()  # keep the buffers open to be read
    outcome = Outcome(int(code), out.getvalue(), err.getvalue(), time.monotonic() - started)
    return outcome, problems(case, outcome)


def _holds(results: Results, *prefixes: str, least: int = 1) -> None:
    chosen = {name: r for name, r in results.items() if name.startswith(prefixes)}
    assert len(chosen) >= least, sorted(results)
    broken = {name: problems for name, (_c, _o, problems) in chosen.items() if problems}
    assert not broken, json.dumps(broken, indent=1, ensure_ascii=False)


def test_report_places_that_cannot_be_written_are_usage_errors(misuses: Results) -> None:
    # A missing folder is created; /dev/full, a name over the limit, an empty name, a
    # folder, a read-only place, a full or closed standard output are one line and exit 2;
    # with stderr closed the run still ends with its own exit code.
    _holds(misuses, "output_", "stdout_dev_full", "stdout_closed_descriptor",
           "stderr_closed_descriptor", least=9)


def test_a_closed_standard_output_exits_141_and_says_nothing(misuses: Results) -> None:
    _holds(misuses, "stdout_closed_pipe")
    _case, outcome, _ = misuses["stdout_closed_pipe"]
    assert outcome.returncode == ExitCode.BROKEN_PIPE == 141
    assert outcome.stderr == b""


def test_path_arguments_over_the_name_limit(misuses: Results) -> None:
    _holds(misuses, "path_name", "job_name", "resume_name", "profile_name", "config_name",
           "extract_name", least=6)


def test_bad_toml_in_a_profile_or_a_config(misuses: Results) -> None:
    _holds(misuses, "profile_nested", "profile_binary", "profile_not_utf8",
           "profiles_validate_", "config_nested", "config_binary", "config_not_utf8", least=9)


def test_a_config_file_over_1_mib_is_a_usage_error(misuses: Results) -> None:
    _holds(misuses, "config_over_1_mib")


def test_the_posting_and_the_companion_resume_are_read_under_the_caps(
        misuses: Results) -> None:
    # A posting (or resume) PDF slower than --timeout, or inflating past --max-memory, stops
    # the run with exit 3 and one line that names that file and its role, in time; the
    # document being checked is not blamed.
    _holds(misuses, "job_slow_", "resume_slow_", "job_flate_", "resume_flate_", least=4)


def test_option_values_that_cannot_be_honoured(misuses: Results) -> None:
    _holds(misuses, "timeout_", "max_memory_", "max_size_", "fail_under_", "config_timeout",
           "config_fail-under", "config_max-memory", least=12)


def test_profiles_past_the_documented_limits_are_refused_at_once(misuses: Results) -> None:
    _holds(misuses, "profile_300k", "profile_2001", "profile_wording", "profile_weight",
           least=4)


def test_file_names_that_are_not_utf8_keep_every_report_valid(misuses: Results) -> None:
    _holds(misuses, "batch_names_not_utf8", least=2)
    _case, outcome, _ = misuses["batch_names_not_utf8_json"]
    paths = [f["path"] for f in json.loads(outcome.stdout)["reports"]]
    assert any("\\xff\\xfe" in p for p in paths) and any("\\xe9" in p for p in paths)


def test_control_characters_in_file_names_never_reach_a_terminal_or_a_log(
    misuses: Results
) -> None:
    _holds(misuses, "batch_control_names_", "job_named_with_controls_", least=3)
    _case, outcome, _ = misuses["batch_control_names_github"]
    assert b"empty\\n::error file=forged::owned.txt: is empty" in outcome.stderr


def test_globs_through_link_loops_and_very_deep_trees(misuses: Results) -> None:
    _holds(misuses, "glob_", least=2)
    _case, outcome, _ = misuses["glob_tree_1100_folders_deep"]
    paths = [f["path"] for f in json.loads(outcome.stdout)["reports"]]
    assert len(paths) == 2 and paths[-1] == "deep/top.txt"


def test_a_password_beyond_latin1_is_a_wrong_password(misuses: Results) -> None:
    pytest.importorskip("fpdf")
    _holds(misuses, "pdf_", least=2)


@pytest.mark.skipif(not os.path.exists("/proc/self/task"), reason="needs Linux /proc")
def test_signals_stop_the_batch_its_workers_and_its_temporary_report(
    misuses: Results
) -> None:
    # SIGTERM, SIGHUP and SIGINT: exit 128 + signal, no temporary report left, no worker
    # alive; SIGKILL to the parent: the workers die with it.
    _holds(misuses, "batch_sig", least=4)


# -- in-process: every format ---------------------------------------------------------------


def _names_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    text = TEXT_CV.read_bytes()
    raw_names = [b"cv-\xff.txt", b"esc\x1b[2J\x1b]0;t\x07.txt", b"nl\n::error file=forged::x.txt",
                 "c1\x85\x9b\u2028\u202e.txt".encode(), b"ok.txt"]
    for raw in raw_names:
        (folder / os.fsdecode(raw)).write_bytes(text)
    (folder / "empty\r\n::warning::x.txt").write_bytes(b"")  # unreadable: a stderr line
    return folder


def _assert_clean(data: bytes, where: str) -> None:
    data.decode("utf-8")  # strict: every report is valid UTF-8
    for ch in RAW_CONTROLS:
        assert ch not in data, (where, ch)
    for line in data.splitlines():
        assert not line.lstrip().startswith((b"::error file=forged", b"::warning::x")), where


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_shows_odd_file_names_escaped(
    fmt: str, tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    folder = _names_folder(tmp_path)
    # A profile named by its file: the name is shown in reports too.
    profile = tmp_path / "terms\x1b[31m\n::error file=forged::p.txt"
    profile.write_text("fellowship\nboard certified\n", encoding="utf-8")
    report = tmp_path / "out" / f"report.{fmt}"
    code = main(["check", str(folder), "--isolated", "-q", "-f", fmt, "-o", str(report),
                 "--profile", str(profile)])
    _out, err = capsysbinary.readouterr()
    assert code == ExitCode.UNREADABLE, err
    _assert_clean(report.read_bytes(), f"{fmt} file")
    _assert_clean(err, "stderr")
    assert len(err.splitlines()) == 1
    if fmt == "json":
        json.loads(report.read_bytes(), parse_constant=lambda c: pytest.fail(c))


def test_printable_escapes_once_and_only_what_it_must() -> None:
    assert printable("cv\n::error::x\r\x1b[31m\x85\u2028\u202e.pdf") == (
        "cv\\n::error::x\\r\\x1b[31m\\x85\\u2028\\u202e.pdf")
    assert printable(os.fsdecode(b"caf\xe9.pdf")) == "caf\\xe9.pdf"
    assert printable("Müller – 履歴書.pdf") == "Müller – 履歴書.pdf"
    odd = "a\tb\x00c\udcff"
    assert printable(printable(odd)) == printable(odd)


@pytest.mark.parametrize(("step", "code"), [("fsync", errno.ENOSPC), ("replace", errno.EROFS),
                                             ("makedirs", errno.EROFS)])
def test_a_full_or_read_only_disk_is_one_line_and_keeps_the_old_report(
    step: str, code: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "reports" / "ranked.csv"
    if step != "makedirs":
        target.parent.mkdir()
        target.write_text("previous report\n", encoding="utf-8")

    def fail(*args: object, **kwargs: object) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, step, fail)
    rc = main(["check", str(TEXT_CV), "--isolated", "-q", "-f", "csv", "-o", str(target)])
    err = capsys.readouterr().err
    assert rc == ExitCode.USAGE, err
    assert err.count("\n") == 1 and "cannot write the report" in err
    assert os.strerror(code) in err
    if step != "makedirs":
        assert target.read_text(encoding="utf-8") == "previous report\n"
        assert os.listdir(target.parent) == ["ranked.csv"]


def test_extract_writes_into_a_missing_folder(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "a" / "b" / "cv.json"
    assert main(["extract", str(TEXT_CV), "-f", "json", "-o", str(target)]) == ExitCode.OK
    assert json.loads(target.read_text(encoding="utf-8"))["blocks"]


def test_a_huge_max_size_does_not_allocate_it(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    # A file is read by its size, not by the cap: --max-size at the memory cap reads a small
    # file with a small buffer (it used to allocate the whole cap up front and fail).
    rc = main(["check", str(TEXT_CV), "--isolated", "-q", "--max-size", "512",
               "--max-memory", "512"])
    assert rc in (ExitCode.OK, ExitCode.BELOW_THRESHOLD), capsys.readouterr().err


@pytest.mark.parametrize("timeout", [float("inf"), float("nan"), 1e300, 0, -1])
def test_the_library_refuses_a_timeout_no_timer_can_hold(timeout: float) -> None:
    from resumecheck.api import check_files

    with pytest.raises(ValueError, match="timeout"):
        check_files([TEXT_CV], timeout=timeout)


def test_an_idle_worker_whose_parent_is_gone_leaves(monkeypatch: pytest.MonkeyPatch) -> None:
    # Where no parent-death signal exists, a worker waiting for its next file checks its
    # parent: re-parented (the parent died), it stops waiting.
    import multiprocessing

    from resumecheck import batch

    monkeypatch.setattr(batch, "PARENT_CHECK_INTERVAL", 0.05)
    ours, theirs = multiprocessing.Pipe()
    started = time.monotonic()
    assert batch._next_path(theirs, parent=os.getppid() + 1_000_000) is None
    assert time.monotonic() - started < 1
    ours.send("cv.pdf")
    assert batch._next_path(theirs, parent=os.getppid()) == "cv.pdf"


def test_the_progress_bar_shows_a_file_name_as_plain_text(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # Rich markup in a file name would become a terminal hyperlink (an OSC 8 sequence).
    from resumecheck.models import Failure
    from resumecheck.progress import make_progress

    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.delenv("NO_COLOR", raising=False)
    with make_progress(2, True) as progress:
        progress.advance(Failure("[link=https://e.example]x[/link].pdf", "is empty"))
    err = capsys.readouterr().err
    assert "Checking" in err and "[link=" in err and "\x1b]8" not in err
