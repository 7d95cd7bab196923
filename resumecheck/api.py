"""The library API: paths and options in, reports out. Prints nothing, never exits."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from resumecheck.errors import InputError, ResumecheckError
from resumecheck.models import Failure, Outcome, Report
from resumecheck.preflight import ReadLimits, display_path

if TYPE_CHECKING:  # pragma: no cover
    from resumecheck.profiles import Profile


@dataclass(frozen=True)
class CheckOptions:
    """Everything that shapes one check, picklable so a worker process can take it."""

    profile: str = "pain-medicine"
    #: "auto", "resume" or "cover-letter".
    kind: str = "auto"
    #: Path of a job posting (text, Markdown, PDF or DOCX), or None.
    job: str | None = None
    #: Path of the resume a cover letter should agree with, or None.
    resume: str | None = None
    #: Name or path of an installed trained spaCy pipeline; None = the built-in blank one.
    model: str | None = None
    #: Finding-code prefixes to keep / drop (``--select`` / ``--ignore``).
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    limits: ReadLimits = field(default_factory=ReadLimits)
    password: str | None = None
    redact: bool = False


def check_file(
    path: str | os.PathLike[str],
    profile: str | os.PathLike[str] | Profile = "pain-medicine",
    **options: Any,
) -> Report:
    """Check one document. Raises :class:`InputError` / :class:`ProfileError`."""
    from resumecheck.pipeline import run_check

    if not isinstance(profile, str | os.PathLike):
        opts = CheckOptions(**options)
        return finish_report(run_check(Path(path), opts, profile=profile), opts)
    opts = CheckOptions(profile=os.fspath(profile), **options)
    return finish_report(run_check(Path(path), opts), opts)


def finish_report(report: Report, options: CheckOptions) -> Report:
    """The report as it leaves the library: redacted when asked."""
    if options.redact:
        from resumecheck.redact import redact

        return redact(report)
    return report


def check_outcome(path: str | os.PathLike[str], options: CheckOptions) -> Outcome:
    """Check one document, turning an unreadable input into a :class:`Failure`.

    Profile and model errors still raise: they concern the whole run, not this file.
    """
    from resumecheck.errors import ModelError, ProfileError, UsageError
    from resumecheck.pipeline import run_check

    try:
        return finish_report(run_check(Path(path), options), options)
    except (ProfileError, ModelError, UsageError):
        raise
    except InputError as exc:
        return Failure(display_path(path), exc.reason)
    except ResumecheckError as exc:  # pragma: no cover - every layer error is one of the above
        return Failure(display_path(path), exc.reason)
