"""One `check` run: discover inputs, check them (in workers), format, decide the exit code."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from resumecheck import __version__
from resumecheck.api import CheckOptions, check_outcome
from resumecheck.errors import ExitCode
from resumecheck.formatters.base import RenderContext, passed
from resumecheck.models import Failure, Outcome, Report, Severity


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
    color: bool = False
    debug: bool = False


def decide_exit(outcomes: Sequence[Outcome], ctx: RenderContext) -> ExitCode:
    """UNREADABLE wins over BELOW_THRESHOLD, which wins over OK."""
    if any(isinstance(o, Failure) for o in outcomes):
        return ExitCode.UNREADABLE
    if any(not passed(o, ctx) for o in outcomes):
        return ExitCode.BELOW_THRESHOLD
    return ExitCode.OK


def run(
    settings: RunSettings,
    emit: Callable[[str, Path | None], None],
    err: Callable[[str], None],
) -> ExitCode:
    from resumecheck.discover import discover
    from resumecheck.formatters.registry import get_formatter
    from resumecheck.profiles import load_profile

    options = settings.options
    profile = load_profile(options.profile)  # a bad profile stops the run before any work
    discovery = discover(settings.paths)
    outcomes: list[Outcome] = []
    for path, reason, is_failure in _skipped(discovery):
        if is_failure:
            outcomes.append(Failure(path, reason))
        elif settings.verbose:
            err(f"{path}: skipped: {reason}")
    if not discovery.files and not outcomes:
        err("resumecheck: no documents found in " + ", ".join(settings.paths))
        return ExitCode.UNREADABLE
    ctx = RenderContext(
        version=__version__,
        profile=profile.name,
        fail_under=settings.fail_under,
        fail_on=Severity(settings.fail_on) if settings.fail_on else None,
        color=settings.color,
    )
    outcomes.extend(_check_all(discovery.files, settings))
    outcomes.sort(key=lambda o: o.path)
    for o in outcomes:
        if isinstance(o, Failure):
            err(f"{o.path}: {o.reason}")
    formatter = get_formatter(settings.fmt)
    emit(formatter.render(outcomes, ctx), settings.output)
    return decide_exit(outcomes, ctx)


def _skipped(discovery) -> list[tuple[str, str, bool]]:
    """(path, reason, counts as unreadable) for every path discovery passed over."""
    out = []
    for item in discovery.skipped:
        path, reason = item[0], item[1]
        # Non-documents found while walking a folder are only listed on request; anything
        # else (a missing path, a FIFO, a link out of the folder) is a file we could not read.
        out.append((path, reason, not reason.startswith("not a document")))
    return out


def _check_all(files: Sequence[str], settings: RunSettings) -> list[Outcome]:
    options = settings.options
    if len(files) == 1 and (settings.jobs in (None, 1)):
        return [_check_isolated(files[0], settings)]
    from resumecheck.batch import run_batch
    from resumecheck.pipeline import prepare

    jobs = settings.jobs or os.cpu_count() or 1
    return run_batch(
        files,
        check_outcome,
        options,
        jobs=min(jobs, len(files)),
        timeout=settings.timeout,
        max_memory=settings.max_memory,
        initializer=prepare,
        progress=not settings.quiet,
    )


def _check_isolated(path: str, settings: RunSettings) -> Outcome:
    from resumecheck.batch import run_one_isolated
    from resumecheck.pipeline import prepare

    return run_one_isolated(
        path,
        check_outcome,
        settings.options,
        timeout=settings.timeout,
        max_memory=settings.max_memory,
        initializer=prepare,
    )


__all__ = ["RunSettings", "run", "decide_exit", "Report"]
