"""The library API: paths and options in, reports out. Prints nothing, never exits."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from resumecheck.limits import DEFAULT_MAX_MEMORY, DEFAULT_TIMEOUT
from resumecheck.models import Outcome, Report
from resumecheck.options import CheckOptions

if TYPE_CHECKING:  # pragma: no cover
    from resumecheck.checker import Checker
    from resumecheck.profiles import Profile


def checker_for(profile: str | os.PathLike[str] | Profile = "pain-medicine",
                **options: Any) -> Checker:
    """A :class:`~resumecheck.checker.Checker` for ``profile`` and ``options`` (those of
    :class:`~resumecheck.options.CheckOptions`); build it once, check many documents."""
    from resumecheck.checker import Checker

    if isinstance(profile, str | os.PathLike):
        return Checker.build(CheckOptions(profile=os.fspath(profile), **options))
    return Checker.build(CheckOptions(profile=profile.name, **options), profile=profile)


def check_file(
    path: str | os.PathLike[str],
    profile: str | os.PathLike[str] | Profile = "pain-medicine",
    **options: Any,
) -> Report:
    """Check one document in this process (no time or memory cap).

    Raises :class:`~resumecheck.errors.InputError` for an unreadable file and
    :class:`~resumecheck.errors.ProfileError` for a bad profile.
    """
    return checker_for(profile, **options).check_path(Path(path))


def check_files(
    paths: Sequence[str | os.PathLike[str]],
    profile: str | os.PathLike[str] | Profile = "pain-medicine",
    *,
    jobs: int | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    max_memory: int | None = DEFAULT_MAX_MEMORY,
    **options: Any,
) -> list[Outcome]:
    """Check many files, each in a worker process under a time and a memory cap, as the
    command line does: an unreadable, too slow or too big file becomes a
    :class:`~resumecheck.models.Failure` in its place, the others are still checked.
    Outcomes come back in the order of ``paths``."""
    from resumecheck.batch import check_in_workers, default_jobs
    from resumecheck.limits import Caps

    checker = checker_for(profile, **options)
    names = [os.fspath(p) for p in paths]
    outcomes = check_in_workers(names, checker, jobs=jobs or default_jobs(),
                                caps=Caps(timeout, max_memory))
    if checker.options.redact:  # reports come masked; the failures' paths and reasons too
        from resumecheck.redact import mask_outcome

        outcomes = [mask_outcome(o) for o in outcomes]
    return outcomes
