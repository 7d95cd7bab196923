"""One `check` run: find the inputs, build the checker once, check every file (in capped
workers), hand each result with its verdict to the formatter, and return the exit code."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from resumecheck import __version__
from resumecheck.errors import ExitCode, InputError, ResumecheckError
from resumecheck.formatters.registry import OutputFormat
from resumecheck.limits import Caps
from resumecheck.models import Document, Failure, Outcome
from resumecheck.options import CheckOptions
from resumecheck.verdict import FileResult, Tally, Thresholds, judge

if TYPE_CHECKING:  # pragma: no cover
    from resumecheck.batch import Prefetch
    from resumecheck.checker import Checker
    from resumecheck.formatters.base import Formatter
    from resumecheck.profiles import Profile


@dataclass(frozen=True)
class RunSettings:
    paths: tuple[str, ...]
    options: CheckOptions
    fmt: OutputFormat = OutputFormat.TEXT
    output: Path | None = None
    thresholds: Thresholds = Thresholds()
    jobs: int | None = None
    caps: Caps = Caps()
    quiet: bool = False
    verbose: bool = False
    details: bool = False
    color: bool = False
    debug: bool = False
    #: The config file the defaults came from (it is an input too).
    config_file: str | None = None


Err = Callable[[str], None]


def run(settings: RunSettings, err: Err, stdout: TextIO | None = None) -> ExitCode:
    """Check ``settings.paths`` and write the report; the exit code comes from the tally."""
    if not settings.options.redact:
        return _run(settings, err, stdout, _as_is)
    from resumecheck.redact import mask_error, mask_path

    try:
        return _run(settings, err, stdout, mask_path)
    except ResumecheckError as exc:  # a line naming a file: masked like every other
        raise mask_error(exc) from None


def _as_is(path: str) -> str:
    return path


def _run(settings: RunSettings, err: Err, stdout: TextIO | None,
         shown: Callable[[str], str]) -> ExitCode:
    """The run; ``shown`` is how a path is shown (masked under ``--redact``)."""
    from resumecheck.discover import NOT_A_DOCUMENT, discover, path_order
    from resumecheck.formatters.base import RenderContext
    from resumecheck.profiles import load_profile

    options = settings.options
    profile = load_profile(options.profile)  # a bad profile stops the run before any work
    discovery = discover(settings.paths)
    skipped: list[Outcome] = []
    for path, reason in discovery.skipped:
        # Files that are not documents by name are only listed on request; anything else
        # (a missing path, a FIFO, a link out of the folder) is accounted for as unreadable.
        if reason == NOT_A_DOCUMENT or "lock file" in reason:
            if settings.verbose:
                err(f"{shown(path)}: skipped: {reason}")
        else:
            skipped.append(Failure(path, reason))
    files = discovery.files
    if settings.output is not None:
        from resumecheck.outpath import guard_output

        companions = [p for p in (options.job, options.resume, settings.config_file) if p]
        if not profile.source.startswith("builtin:"):
            companions.append(profile.source)
        files = guard_output(settings.output, documents=files, companions=companions,
                             folders=discovery.folders)
    if not files and not skipped:
        err("resumecheck: no documents found in " + ", ".join(map(shown, settings.paths)))
        return ExitCode.UNREADABLE
    ctx = RenderContext(
        version=__version__,
        profile=profile.name,
        thresholds=settings.thresholds,
        color=settings.color,
        details=settings.details or len(files) + len(skipped) <= 1,
        total=len(files) + len(skipped),
    )
    formatter = settings.fmt.formatter(ctx)
    masked = shown is not _as_is
    # One file is read in a capped child while this process builds the checker.
    first = _prefetch(files[0], settings) if len(files) == 1 else None
    try:
        checker = _build_checker(settings, profile, err)
    except BaseException:
        if first is not None:
            first.close()
        raise
    tally = Tally()
    pending = sorted(skipped, key=lambda o: path_order(o.path))
    with _sink(settings.output, stdout) as sink:
        sink.write(formatter.start())

        def deliver(outcome: Outcome) -> None:
            # Paths that were never opened take their place in path order.
            while pending and path_order(pending[0].path) < path_order(outcome.path):
                _deliver(pending.pop(0), formatter, tally, sink, err, masked)
            _deliver(outcome, formatter, tally, sink, err, masked)

        if first is not None:
            deliver(_check_single(first, checker, settings, err, shown))
        elif files:
            _check_batch(files, checker, settings, err, deliver, shown)
        for outcome in pending:
            _deliver(outcome, formatter, tally, sink, err, masked)
        from resumecheck.formatters.base import pieces

        for piece in pieces(formatter.finish(tally)):
            sink.write(piece)
    return tally.exit_code()


def _deliver(outcome: Outcome, formatter: Formatter, tally: Tally, sink: TextIO,
             err: Err, masked: bool = False) -> None:
    if masked:
        from resumecheck.redact import mask_outcome

        outcome = mask_outcome(outcome)
    verdict = judge(outcome, formatter.ctx.thresholds)
    tally.add(verdict)
    if isinstance(outcome, Failure):
        err(f"{outcome.path}: {outcome.reason}")
    text = formatter.add(FileResult(outcome, verdict))
    if text:
        sink.write(text)
        sink.flush()


@contextlib.contextmanager
def _sink(output: Path | None, stdout: TextIO | None) -> Iterator[TextIO]:
    """Where the report goes: a file written atomically, or standard output."""
    if output is None:
        yield stdout if stdout is not None else sys.stdout
        return
    from resumecheck.atomic import open_output

    with open_output(output) as fh:
        yield fh


def _prefetch(path: str, settings: RunSettings) -> Prefetch:
    from resumecheck.batch import Prefetch
    from resumecheck.checker import read_for_check

    return Prefetch(read_for_check, path, settings.options, settings.caps)


def _build_checker(settings: RunSettings, profile: Profile, err: Err) -> Checker:
    """The run's checker. The ``--job`` and ``--resume`` files are read in capped child
    processes, like every document (both at once); an unreadable one stops the run with one
    line naming it (exit 3)."""
    from resumecheck.batch import Prefetch
    from resumecheck.checker import Checker, read_posting, read_resume

    options = settings.options
    wanted = [(options.job, read_posting, "job posting"), (options.resume, read_resume, "resume")]
    children = [(Prefetch(read, path, options, settings.caps), role) if path else None
                for path, read, role in wanted]
    documents: list[Document | None] = []
    try:
        for child in children:
            documents.append(None if child is None else _companion(*child, settings, err))
    finally:
        for child in children:
            if child is not None:
                child[0].close()
    posting, resume = documents
    return Checker.build(options, profile=profile, posting=posting, resume=resume,
                         caps=settings.caps)


def _companion(child: Prefetch, role: str, settings: RunSettings, err: Err) -> Document:
    """A companion file's document, or InputError naming the file and its role."""
    value = child.result()
    if isinstance(value, Failure):
        if child.traceback and settings.debug:
            err(f"{child.path}: internal error\n{child.traceback}")
        reason = value.reason if value.reason.startswith(role) else f"{role} {value.reason}"
        raise InputError(value.path, reason)
    return value


def _check_single(reader: Prefetch, checker: Checker, settings: RunSettings,
                  err: Err, shown: Callable[[str], str] = _as_is) -> Outcome:
    """One file: its document was read in a capped child; check it here, under the same
    time (what is left of it) and memory caps."""
    import time

    from resumecheck.limits import capture

    document = reader.result()
    if isinstance(document, Failure):
        if reader.traceback and settings.debug:
            err(f"{shown(reader.path)}: internal error\n{reader.traceback}")
        return document
    caps = settings.caps
    left = None
    if caps.timeout is not None:
        left = max(caps.timeout - (time.monotonic() - reader.started), 0.001)

    def step() -> Outcome:
        with caps.applied(timeout=left):
            return checker.check(document)

    captured = capture(reader.path, step, caps)
    if captured.traceback and captured.fatal is None and settings.debug:
        err(f"{shown(reader.path)}: internal error\n{captured.traceback}")
    return captured.unwrap()


def _check_batch(files: Sequence[str], checker: Checker, settings: RunSettings, err: Err,
                 deliver: Callable[[Outcome], None],
                 shown: Callable[[str], str] = _as_is) -> None:
    """Several files: in worker processes forked from this one (they inherit the checker),
    each file under the caps; outcomes handed over in path order."""
    import os

    from resumecheck.batch import check_in_workers
    from resumecheck.progress import make_progress

    jobs = min(settings.jobs or os.cpu_count() or 1, len(files))
    show = not settings.quiet and sys.stderr.isatty()

    def internal(path: str, trace: str) -> None:
        if settings.debug:
            err(f"{shown(path)}: internal error\n{trace}")

    with make_progress(len(files), show) as progress:

        def advance(outcome: Outcome | None = None) -> None:
            if outcome is not None and shown is not _as_is:
                from resumecheck.redact import mask_outcome

                outcome = mask_outcome(outcome)
            progress.advance(outcome)

        check_in_workers(files, checker, jobs=jobs, caps=settings.caps,
                         on_progress=advance, on_internal_error=internal,
                         on_result=deliver, keep=False)


__all__ = ["RunSettings", "run"]
