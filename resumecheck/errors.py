"""Exception types of each layer, and the process exit codes.

Every layer raises its own exception type; only the CLI turns them into a one-line
``path: reason`` message and an exit code.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """Process exit codes, decided in one place (``resumecheck.cli``).

    When several situations happen in one run the highest-priority one wins:
    USAGE > INTERNAL > UNREADABLE > BELOW_THRESHOLD > OK (INTERRUPTED always wins).
    """

    OK = 0
    """Every document was read and passed the threshold (if any)."""
    BELOW_THRESHOLD = 1
    """A document scored below ``--fail-under`` or had a finding at ``--fail-on`` level."""
    USAGE = 2
    """Bad command line, bad option value, or a keyword profile that does not load."""
    UNREADABLE = 3
    """One or more input files could not be read (the others were still checked)."""
    INTERNAL = 4
    """A bug in resumecheck itself (rerun with ``--debug`` for the traceback)."""
    INTERRUPTED = 130
    """Stopped by Ctrl-C; no partial output file is left behind."""


class ResumecheckError(Exception):
    """Base class of every error this package raises on purpose."""

    exit_code: ExitCode = ExitCode.USAGE

    def __init__(self, path: str | None, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}" if path else reason)

    def line(self) -> str:
        """The one line shown to a user."""
        return str(self)


class InputError(ResumecheckError):
    """A document could not be read: wrong format, damaged, encrypted, too big, not a file."""

    exit_code = ExitCode.UNREADABLE


class ProfileError(ResumecheckError):
    """A keyword profile is missing or malformed. ``where`` names the key or line."""

    exit_code = ExitCode.USAGE

    def __init__(self, path: str | None, reason: str, where: str | None = None) -> None:
        self.where = where
        super().__init__(path, f"{where}: {reason}" if where else reason)


class UsageError(ResumecheckError):
    """A bad option value or combination."""

    exit_code = ExitCode.USAGE


class ModelError(ResumecheckError):
    """A ``--model`` pipeline could not be loaded."""

    exit_code = ExitCode.USAGE
