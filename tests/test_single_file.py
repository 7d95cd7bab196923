"""A one-file check: the reader runs in a capped child while spaCy loads in the parent."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest

import resumecheck.pipeline as pipeline
from resumecheck.api import CheckOptions
from resumecheck.errors import InputError
from resumecheck.models import Failure, Report
from resumecheck.runner import RunSettings, _check_single

ROOT = Path(__file__).resolve().parents[1]
CV = str(ROOT / "samples" / "cv_pain_medicine.docx")


def settings(timeout: float = 5.0, max_memory: int = 512 * 1024 * 1024) -> RunSettings:
    return RunSettings(paths=(CV,), options=CheckOptions(), timeout=timeout,
                       max_memory=max_memory)


def check(monkeypatch: pytest.MonkeyPatch, reader=None, **kw) -> tuple[object, float, list]:
    if reader is not None:
        monkeypatch.setattr(pipeline, "read_for_check", reader)
    errors: list[str] = []
    start = time.monotonic()
    outcome = _check_single(CV, settings(**kw), errors.append)
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


def test_a_real_document_is_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    outcome, _, errors = check(monkeypatch)
    assert isinstance(outcome, Report) and outcome.score.value > 50 and errors == []


def test_a_hanging_reader_is_stopped_at_the_time_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    outcome, elapsed, _ = check(monkeypatch, _hang, timeout=2.0)
    assert isinstance(outcome, Failure) and "took longer than 2 s" in outcome.reason
    assert elapsed < 10


def test_a_reader_over_the_memory_cap_is_stopped(monkeypatch: pytest.MonkeyPatch) -> None:
    outcome, _, _ = check(monkeypatch, _hog, max_memory=256 * 1024 * 1024)
    assert isinstance(outcome, Failure) and "256 MiB" in outcome.reason


def test_a_crashing_reader_costs_only_its_file(monkeypatch: pytest.MonkeyPatch) -> None:
    outcome, _, _ = check(monkeypatch, _segfault)
    assert isinstance(outcome, Failure) and "SIGSEGV" in outcome.reason


def test_a_refused_file_keeps_its_reason(monkeypatch: pytest.MonkeyPatch) -> None:
    outcome, _, _ = check(monkeypatch, _refuse)
    assert outcome == Failure(CV, "is encrypted with a password")


def test_a_slow_check_stage_is_stopped_too(monkeypatch: pytest.MonkeyPatch) -> None:
    def slow(*args, **kwargs):
        deadline = time.monotonic() + 600
        while time.monotonic() < deadline:
            pass

    monkeypatch.setattr(pipeline, "run_check", slow)
    outcome, elapsed, _ = check(monkeypatch, timeout=3.0)
    assert isinstance(outcome, Failure) and "took longer than 3 s" in outcome.reason
    assert elapsed < 10


def test_a_check_stage_over_the_memory_cap_is_stopped(monkeypatch: pytest.MonkeyPatch) -> None:
    def hog(*args, **kwargs):
        blocks = []
        while True:
            blocks.append(bytearray(64 * 1024 * 1024))

    monkeypatch.setattr(pipeline, "run_check", hog)
    outcome, _, _ = check(monkeypatch, max_memory=256 * 1024 * 1024)
    assert isinstance(outcome, Failure) and "256 MiB" in outcome.reason
    # The cap is lifted afterwards: this process can allocate again.
    assert len(bytearray(512 * 1024 * 1024)) == 512 * 1024 * 1024
