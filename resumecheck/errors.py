"""Exception types of each layer, and the process exit codes.

Every layer raises its own exception type; only the CLI turns them into a one-line
``path: reason`` message and an exit code.
"""

from __future__ import annotations

import re
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
    BROKEN_PIPE = 141
    """Standard output was closed by the reader (``| head``): 128 + SIGPIPE, as a shell
    reports a program stopped by a closed pipe. Nothing more is printed."""


#: What is never shown raw: C0 and C1 controls (newlines and escape sequences included),
#: lone surrogates (the undecodable bytes of a file name), line and paragraph separators,
#: and the bidirectional-text controls that can make a name read backwards.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029"
                     "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    ch = match.group()
    if ch in _NAMED:
        return _NAMED[ch]
    code = ord(ch)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def printable(text: str) -> str:
    """``text`` safe to show on a terminal, in a CI log or in any report: control
    characters and undecodable bytes are written as escapes (``\\n``, ``\\x1b``,
    ``\\xff``), so a file name can neither forge a line nor colour a terminal, and every
    report stays valid UTF-8. Idempotent: escaping twice changes nothing more."""
    return _UNSAFE.sub(_escape, text) if _UNSAFE.search(text) else text


class ResumecheckError(Exception):
    """Base class of every error this package raises on purpose."""

    exit_code: ExitCode = ExitCode.USAGE

    def __init__(self, path: str | None, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}" if path else reason)

    def line(self) -> str:
        """The one line shown to a user (control characters escaped): ``path: reason``,
        or ``resumecheck: reason`` when no file is to blame."""
        return printable(str(self) if self.path else f"resumecheck: {self.reason}")


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


class OutputError(UsageError, OSError):
    """The report cannot be written where ``--output`` (or standard output) says: a full
    or read-only disk, a name that is too long, a folder that cannot be made. Also an
    :class:`OSError` (with the original ``errno``), so library callers that catch one
    still do."""

    def __init__(self, path: str | None, reason: str, errno: int | None = None) -> None:
        super().__init__(path, reason)
        self.errno = errno


class OutputClosed(ResumecheckError):
    """Standard output was closed before the report was written (``| head``)."""

    exit_code = ExitCode.BROKEN_PIPE

    def __init__(self) -> None:
        super().__init__(None, "standard output was closed")


class Terminated(BaseException):
    """SIGTERM or SIGHUP arrived: unwind (removing a temporary report, stopping workers)
    and exit with 128 + the signal number. A BaseException, so no ``except Exception``
    on the way swallows it."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


class ModelError(ResumecheckError):
    """A ``--model`` pipeline could not be loaded."""

    exit_code = ExitCode.USAGE
