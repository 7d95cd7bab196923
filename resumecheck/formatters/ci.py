"""What the CI formats (concise, sarif, gitlab) share: where a finding is, in the numbers
each convention expects, the path relative to the run, and a stable fingerprint."""

from __future__ import annotations

import hashlib
import os

from resumecheck.models import Finding, Location, Origin, Severity

#: Document formats whose locations are (page, line on the page).
PAGED_FORMATS = frozenset({"pdf"})


def position(document_format: str, location: Location | None) -> tuple[int, int]:
    """The two numbers of ``path:A:B:`` for a finding.

    PDF: page, then the line on that page in reading order. DOCX: the paragraph number
    within its part (body, header, footer...), then 1. Text and Markdown: the source line,
    then 1. Columns are not tracked: a finding is about a line or a paragraph. Anything
    unknown is 1 (a finding about the whole document is at 1:1).
    """
    loc = location or Location()
    if document_format in PAGED_FORMATS:
        return loc.page or 1, loc.line or 1
    return loc.line or 1, 1


def origin_note(location: Location | None) -> str:
    """`` [header]`` for a finding outside the body (whose line numbers restart there)."""
    if location is None or location.origin is None or location.origin == Origin.BODY:
        return ""
    return f" [{location.origin.value}]"


def run_path(path: str, cwd: str | None = None) -> str:
    """``path`` relative to the folder the run started in, with forward slashes, as CI
    annotations expect; a path outside that folder stays absolute, and a name that is not a
    path (``<stdin>``) stays as it is."""
    if path.startswith("<"):
        return path
    base = cwd if cwd is not None else os.getcwd()
    full = os.path.normpath(os.path.join(base, path))
    try:
        relative = os.path.relpath(full, base)
    except ValueError:  # another drive (Windows)
        relative = full
    if relative == os.pardir or relative.startswith(os.pardir + os.sep):
        relative = full
    return relative.replace(os.sep, "/")


def one_line(text: str) -> str:
    return " ".join(text.split())


def fingerprint(*parts: object) -> str:
    """A stable hash of what identifies an issue (path, code, location, message)."""
    return hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()


def finding_fingerprint(path: str, finding: Finding) -> str:
    loc = finding.location or Location()
    return fingerprint(path, finding.code, loc.page, loc.line, loc.origin, finding.message)


class Fingerprints:
    """Unique fingerprints within a run: a repeat of the same issue (same path, code,
    place and message) gets its occurrence number into the hash, so none is merged away.

    The path is part of what is hashed, so a repeat comes from the file being written:
    only that file's fingerprints are remembered, and memory stays flat however many files
    a run has. A path met again after other files (the same file given twice) has the
    number of its earlier visits hashed into its issues' fingerprints as well.
    """

    def __init__(self) -> None:
        self._path: str | None = None
        self._seen: dict[str, int] = {}
        #: How many times each path (by a 64-bit hash) has been started.
        self._visits: dict[int, int] = {}
        self._visit = 0

    def __call__(self, base: str, path: str) -> str:
        """A unique fingerprint for the issue whose identifying hash is ``base``, in the
        file ``path``."""
        if path != self._path:
            self._path = path
            self._seen = {}
            key = int.from_bytes(hashlib.blake2b(path.encode("utf-8", "surrogatepass"),
                                                 digest_size=8).digest(), "big")
            self._visit = self._visits.get(key, 0)
            self._visits[key] = self._visit + 1
        if self._visit:
            base = fingerprint(base, "visit", self._visit)
        n = self._seen.get(base, 0)
        self._seen[base] = n + 1
        return base if n == 0 else fingerprint(base, n)


SARIF_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
GITLAB_SEVERITY = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}
