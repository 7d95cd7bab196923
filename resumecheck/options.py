"""The option records that shape a check, shared by the library, the checker and the CLI.

Plain frozen data: picklable, so a worker process can take them, and importing this module
costs nothing (no spaCy, no readers).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from resumecheck.preflight import ReadLimits


@dataclass(frozen=True)
class CheckOptions:
    """Everything that shapes one check."""

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
