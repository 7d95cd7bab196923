"""A one-file check: the reader runs in a capped child while spaCy loads in the parent."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest

import resumecheck.checker as checker_module
from resumecheck.checker import Checker
from resumecheck.errors import InputError
from resumecheck.limits import Caps
from resumecheck.models import Failure, Report
from resumecheck.options import CheckOptions
from resumecheck.runner import RunSettings, _check_single, _prefetch

ROOT = Path(__file__).resolve().parents[1]
CV = str(ROOT / "samples" / "cv_pain_medicine.docx")


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker.build(CheckOptions())


def settings(timeout: float = 5.0, max_memory: int = 512 * 1024 * 1024) -> RunSettings:
    return RunSettings(paths=(CV,), options=CheckOptions(), caps=Caps(timeout, max_memory))


def check(monkeypatch: pytest.MonkeyPatch, checker: Checker, reader=None, **kw
          ) -> tuple[object, float, list]:
    if reader is not None:
        monkeypatch.setattr(checker_module, "read_for_check", reader)
    errors: list[str] = []
    start = time.monotonic()
    run = settings(**kw)
    outcome = _check_single(_prefetch(CV, run), checker, run, errors.append)
    return outcome, time.monotonic() - start, errors


def _hang(path, options):
    time.sleep(600)


def _hog(path, options):
    blocks = []
    while True:
        blocks.append(bytearray(64 * 1024 * 1024))


def _segfault(path, options):
    os.kill(os.getpid(), signal.SIGSEGV)


def _refuse(path, options):
    raise InputError(path, "is encrypted with a password")


def test_a_real_document_is_checked(
    monkeypatch: pytest.MonkeyPatch, checker: Checker
) -> None:
    outcome, _, errors = check(monkeypatch, checker)
    assert isinstance(outcome, Report) and outcome.score.value > 50 and errors == []


def test_a_hanging_reader_is_stopped_at_the_time_limit(
    monkeypatch: pytest.MonkeyPatch, checker: Checker
) -> None:
    outcome, elapsed, _ = check(monkeypatch, checker, _hang, timeout=2.0)
    assert isinstance(outcome, Failure) and "took longer than 2 s" in outcome.reason
    assert elapsed < 10


def test_a_reader_over_the_memory_cap_is_stopped(
    monkeypatch: pytest.MonkeyPatch, checker: Checker
) -> None:
    outcome, _, _ = check(monkeypatch, checker, _hog, max_memory=256 * 1024 * 1024)
    assert isinstance(outcome, Failure) and "256 MiB" in outcome.reason


def test_a_crashing_reader_costs_only_its_file(
    monkeypatch: pytest.MonkeyPatch, checker: Checker
) -> None:
    outcome, _, _ = check(monkeypatch, checker, _segfault)
    assert isinstance(outcome, Failure) and "SIGSEGV" in outcome.reason


def test_a_refused_file_keeps_its_reason(
    monkeypatch: pytest.MonkeyPatch, checker: Checker
) -> None:
    outcome, _, _ = check(monkeypatch, checker, _refuse)
    assert outcome == Failure(CV, "is encrypted with a password")


def test_a_slow_check_stage_is_stopped_too(
    monkeypatch: pytest.MonkeyPatch, checker: Checker
) -> None:
    def slow(*args, **kwargs):
        deadline = time.monotonic() + 600
        while time.monotonic() < deadline:
            pass

    monkeypatch.setattr(Checker, "check", slow)
    outcome, elapsed, _ = check(monkeypatch, checker, timeout=3.0)
    assert isinstance(outcome, Failure) and "took longer than 3 s" in outcome.reason
    assert elapsed < 10


def test_a_check_stage_over_the_memory_cap_is_stopped(
    monkeypatch: pytest.MonkeyPatch, checker: Checker
) -> None:
    def hog(*args, **kwargs):
        blocks = []
        while True:
            blocks.append(bytearray(64 * 1024 * 1024))

    monkeypatch.setattr(Checker, "check", hog)
    outcome, _, _ = check(monkeypatch, checker, max_memory=256 * 1024 * 1024)
    assert isinstance(outcome, Failure) and "256 MiB" in outcome.reason
    # The cap is lifted afterwards: this process can allocate again.
    assert len(bytearray(512 * 1024 * 1024)) == 512 * 1024 * 1024
