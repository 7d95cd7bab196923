"""One `check` run: discover inputs, check them (in workers), format, decide the exit code."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from resumecheck import __version__
from resumecheck.api import CheckOptions, check_outcome, finish_report
from resumecheck.errors import ExitCode, InputError, ResumecheckError
from resumecheck.formatters.base import RenderContext, Tally
from resumecheck.models import Failure, Outcome, Severity


@dataclass(frozen=True)
class RunSettings:
    paths: tuple[str, ...]
    options: CheckOptions
    fmt: str = "text"
    output: Path | None = None
    fail_under: float | None = None
    fail_on: str | None = None
    jobs: int | None = None
    timeout: float = 30.0
    max_memory: int | None = 1024 * 1024 * 1024
    quiet: bool = False
    verbose: bool = False
    details: bool = False
    color: bool = False
    debug: bool = False


def run(
    settings: RunSettings,
    emit: Callable[[str, Path | None], None],
    err: Callable[[str], None],
) -> ExitCode:
    from resumecheck.discover import NOT_A_DOCUMENT, discover, path_order
    from resumecheck.formatters.registry import get_formatter
    from resumecheck.profiles import load_profile

    options = settings.options
    profile = load_profile(options.profile)  # a bad profile stops the run before any work
    formatter = get_formatter(settings.fmt)
    discovery = discover(settings.paths)
    # An unreadable --job or --resume stops the run (exit 3) with one line naming it. One
    # file: the posting is read once, where spaCy is loaded anyway (_check_single).
    _read_companions(options, job=len(discovery.files) != 1)
    outcomes: list[Outcome] = []
    for path, reason in discovery.skipped:
        # Files that are not documents by name are only listed on request; anything else
        # (a missing path, a FIFO, a link out of the folder) is accounted for as unreadable.
        if reason == NOT_A_DOCUMENT or "lock file" in reason:
            if settings.verbose:
                err(f"{path}: skipped: {reason}")
        else:
            outcomes.append(Failure(path, reason))
    if not discovery.files and not outcomes:
        err("resumecheck: no documents found in " + ", ".join(settings.paths))
        return ExitCode.UNREADABLE
    ctx = RenderContext(
        version=__version__,
        profile=profile.name,
        fail_under=settings.fail_under,
        fail_on=Severity(settings.fail_on) if settings.fail_on else None,
        color=settings.color,
        details=settings.details or len(discovery.files) + len(outcomes) <= 1,
    )
    if formatter.streams:
        return _stream(discovery.files, outcomes, formatter, ctx, settings, err)
    # Keep only what the format needs of each file (a ranking row for csv or a batch's text,
    # the test case for junit), not every report, and decide the exit code as files finish.
    tally = Tally()
    kept: list[tuple[str, object]] = []
    failures: list[Failure] = []

    def keep(outcome: Outcome) -> None:
        tally.add(outcome, ctx)
        if isinstance(outcome, Failure):
            failures.append(outcome)
        kept.append((outcome.path, formatter.digest(outcome, ctx)))

    for outcome in outcomes:
        keep(outcome)
    _check_all(discovery.files, settings, err, on_result=keep)
    kept.sort(key=lambda item: path_order(item[0]))
    for failure in sorted(failures, key=lambda f: path_order(f.path)):
        err(f"{failure.path}: {failure.reason}")
    emit(formatter.render([digest for _, digest in kept], ctx), settings.output)
    return _exit_for(tally)


def _exit_for(tally: Tally) -> ExitCode:
    """UNREADABLE wins over BELOW_THRESHOLD, which wins over OK."""
    if tally.unreadable:
        return ExitCode.UNREADABLE
    return ExitCode.BELOW_THRESHOLD if tally.passed < tally.checked else ExitCode.OK


def _stream(files: Sequence[str], skipped: list[Outcome], formatter, ctx: RenderContext,
            settings: RunSettings, err: Callable[[str], None]) -> ExitCode:
    """Streamed formats (json, jsonl, github): write each file's part as soon as it is its
    turn, in path order, keeping no reports, so memory stays flat however many files."""
    import contextlib
    import sys

    from resumecheck.atomic import open_output
    from resumecheck.discover import path_order

    tally = Tally()

    def write(fh, outcome: Outcome) -> None:
        if isinstance(outcome, Failure):
            err(f"{outcome.path}: {outcome.reason}")
        fh.write(formatter.item(outcome, ctx, tally.files))
        tally.add(outcome, ctx)
        fh.flush()

    target = (open_output(settings.output) if settings.output is not None
              else contextlib.nullcontext(sys.stdout))
    # Paths that were never opened join the stream at their place in path order.
    pending = sorted(skipped, key=lambda o: path_order(o.path))

    def write_in_order(fh, outcome: Outcome) -> None:
        while pending and path_order(pending[0].path) < path_order(outcome.path):
            write(fh, pending.pop(0))
        write(fh, outcome)

    with target as fh:
        fh.write(formatter.head(ctx))
        _check_all(files, settings, err, on_result=lambda o: write_in_order(fh, o))
        for outcome in pending:
            write(fh, outcome)
        fh.write(formatter.tail(ctx, tally))
    return _exit_for(tally)


def _read_companions(options: CheckOptions, *, job: bool = True) -> None:
    """Read ``--job`` and ``--resume`` once up front: if either is unreadable, say so once."""
    from resumecheck.readers import read_document

    for path in (options.job if job else None, options.resume):
        if path:
            read_document(path, limits=options.limits, password=options.password)


def _check_all(files: Sequence[str], settings: RunSettings, err: Callable[[str], None],
               on_result: Callable[[Outcome], None] | None = None) -> list[Outcome]:
    """Check ``files`` in workers; with ``on_result``, hand each outcome over in input order
    and keep none of them."""
    import sys

    from resumecheck.batch import make_progress, run_batch
    from resumecheck.pipeline import prepare

    if not files:
        return []
    if len(files) == 1:
        outcome = _check_single(files[0], settings, err)
        if on_result is not None:
            on_result(outcome)
            return []
        return [outcome]
    jobs = min(settings.jobs or os.cpu_count() or 1, len(files))
    show = not settings.quiet and len(files) > 1 and sys.stderr.isatty()

    def internal(path: str, trace: str) -> None:
        if settings.debug:
            err(f"{path}: internal error\n{trace}")

    with make_progress(len(files), show) as progress:
        return run_batch(
            files,
            check_outcome,
            settings.options,
            jobs=jobs,
            timeout=settings.timeout,
            max_memory=settings.max_memory,
            initializer=prepare,
            on_progress=progress.advance,
            on_internal_error=internal,
            on_result=on_result,
            keep=on_result is None,
        )


def _check_single(path: str, settings: RunSettings, err: Callable[[str], None]) -> Outcome:
    """One file: read it in a capped child process while this process loads spaCy and the
    patterns, then match and check the document here, under the same time and memory caps."""
    from resumecheck.batch import (
        Prefetch,
        memory_limit,
        memory_reason,
        time_limit,
        timeout_reason,
    )
    from resumecheck.pipeline import read_for_check

    options = settings.options
    reader = Prefetch(read_for_check, path, options, settings.max_memory)
    try:
        from resumecheck.pipeline import prepare, run_check

        prepare(options, strict=True)
    except BaseException:
        reader.close()
        raise
    document = reader.result(settings.timeout)
    if isinstance(document, Failure):
        if reader.traceback and settings.debug:
            err(f"{path}: internal error\n{reader.traceback}")
        return document
    remaining = settings.timeout - (time.monotonic() - reader.started)
    try:
        with time_limit(max(remaining, 0.001)), memory_limit(settings.max_memory):
            return finish_report(run_check(Path(path), options, document=document), options)
    except TimeoutError:
        return Failure(path, timeout_reason(settings.timeout))
    except MemoryError:
        return Failure(path, memory_reason(settings.max_memory or 0))
    except InputError as exc:
        return Failure(path, exc.reason)
    except ResumecheckError:
        raise
    except Exception as exc:  # one file's bug: one line, the traceback only with --debug
        if settings.debug:
            import traceback

            err(f"{path}: internal error\n{traceback.format_exc()}")
        return Failure(path, f"internal error: {type(exc).__name__}: {exc}")


__all__ = ["RunSettings", "run"]
