"""The one interface every output format implements, and what the formats share.

A formatter is fed a run in three steps, each returning the text to write at once:
``start()``, ``add(result)`` for each file in path order, ``finish(tally)``. A format that
can stream (json, jsonl, github) writes each file's part from ``add``; a format that ranks
keeps only what it will print of each file (a ranking row, a rendered section) and writes
everything from ``finish``. Verdicts come with each file: formatters print them, they never
compute them.

Memory stays flat however many files a run has: rendered sections wait in a :class:`Spool`
(a temporary file) rather than in memory, and ``finish`` may return its text in pieces
(any iterable of strings), which are written one by one.
"""

from __future__ import annotations

import os
import sys
import tempfile
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import IO

from resumecheck.models import Level, Report
from resumecheck.verdict import FileResult, Status, Tally, Thresholds


@dataclass(frozen=True)
class RenderContext:
    """What a formatter may know besides the files themselves."""

    version: str
    profile: str
    thresholds: Thresholds = field(default_factory=Thresholds)
    #: Terminal colour (text format only).
    color: bool = False
    #: ``--details``: everything (every found term's places, every missing term's tip, every
    #: fix) and, in a batch, each file's report after the ranking (text) or its annotated
    #: document (html). Without it a file's report is its first screen and a summary.
    details: bool = False
    #: How many files the run reports (known before the first one is checked).
    total: int = 1
    #: The ranking's order: ``score``, ``match`` (match rate against the posting) or
    #: ``name`` (path); see :func:`ranked`.
    sort: str = "score"

    @property
    def batch(self) -> bool:
        return self.total > 1


#: What ``finish`` returns: the text, or its pieces in order (never held whole).
Text = str | Iterable[str]


class Formatter:
    """Base of every output format: override the steps the format needs."""

    def __init__(self, ctx: RenderContext) -> None:
        self.ctx = ctx

    def start(self) -> str:
        return ""

    def add(self, result: FileResult) -> str:
        return ""

    def finish(self, tally: Tally) -> Text:
        return ""


def pieces(text: Text) -> Iterator[str]:
    """The pieces of what ``finish`` returned, in order."""
    if isinstance(text, str):
        yield text
    else:
        yield from text


def render(formatter: Formatter, results: Iterable[FileResult]) -> str:
    """A whole report in one string (tests, and callers that keep every result)."""
    tally = Tally()
    parts = [formatter.start()]
    for result in results:
        tally.add(result.verdict)
        parts.append(formatter.add(result))
    parts += pieces(formatter.finish(tally))
    return "".join(parts)


class Spool:
    """Rendered sections kept in order until the report is written, then read back in any
    order, one at a time.

    A ranking format prints each file's section after a ranking known only at the end;
    holding 20,000 sections cost gigabytes. Up to ``memory`` bytes stay in memory (a run of
    a few files never touches the disk); beyond that the sections go to an anonymous
    temporary file, unlinked as it is created, so nothing is left behind however the run
    ends. Reads and writes name their offsets (``pread``/``pwrite``): worker processes
    forked while the file is open share its descriptor, never a buffer or a position.
    """

    def __init__(self, memory: int = 2 << 20) -> None:
        self._memory = memory
        self._held: list[bytes] | None = []
        self._size = 0
        self._fd: int | None = None
        self._file: IO[bytes] | None = None
        #: Start of each section in the stream; section i ends where i + 1 starts.
        self._starts = array("q")

    def __len__(self) -> int:
        return len(self._starts)

    def append(self, text: str) -> int:
        """Keep ``text``; returns its index."""
        data = text.encode("utf-8", "surrogatepass")
        self._starts.append(self._size)
        if self._held is not None:
            self._held.append(data)
            if self._size + len(data) > self._memory:
                self._spill()
        else:
            self._write(data, self._size)
        self._size += len(data)
        return len(self._starts) - 1

    def get(self, index: int) -> str:
        start = self._starts[index]
        end = self._starts[index + 1] if index + 1 < len(self._starts) else self._size
        if self._held is not None:
            data = self._held[index]
        else:
            assert self._fd is not None
            data = os.pread(self._fd, end - start, start)
        return data.decode("utf-8", "surrogatepass")

    def __iter__(self) -> Iterator[str]:
        return (self.get(i) for i in range(len(self)))

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
        self._file = self._fd = None
        self._held = []
        self._starts = array("q")
        self._size = 0

    def _spill(self) -> None:
        self._file = tempfile.TemporaryFile(prefix="resumecheck-", buffering=0)
        self._fd = self._file.fileno()
        held, self._held = self._held or [], None
        offset = 0
        for data in held:
            self._write(data, offset)
            offset += len(data)

    def _write(self, data: bytes, offset: int) -> None:
        assert self._fd is not None
        view = memoryview(data)
        while view:
            written = os.pwrite(self._fd, view, offset)
            view, offset = view[written:], offset + written


@dataclass(frozen=True, slots=True)
class RankRow:
    """One file's line in a ranking: all a ranking format needs, a few hundred bytes, so a
    batch of ten thousand files can be ranked without keeping ten thousand reports."""

    path: str
    #: None for a file that could not be checked.
    score: float | None
    status: Status
    kind: str = ""
    match_rate: float | None = None
    #: Checked against a posting (a missing match rate then reads "n/a", not "-").
    job: bool = False
    missing_required: tuple[str, ...] = ()
    errors: int = 0
    warnings: int = 0
    infos: int = 0
    reason: str = ""

    @property
    def readable(self) -> bool:
        return self.score is not None


def rank_row(result: FileResult) -> RankRow:
    outcome = result.outcome
    status = result.verdict.status
    if not isinstance(outcome, Report):
        return RankRow(path=outcome.path, score=None, status=status, reason=outcome.reason)
    counts = outcome.counts()
    # Term wordings repeat from file to file: one copy each, however many rows name them.
    return RankRow(
        path=outcome.path,
        score=round(outcome.score.value, 1),
        status=status,
        kind=sys.intern(str(outcome.kind)),
        match_rate=match_rate(outcome),
        job=outcome.job is not None,
        missing_required=tuple(sys.intern(t.term) for t in outcome.missing(Level.REQUIRED)),
        errors=counts["error"],
        warnings=counts["warning"],
        infos=counts["info"],
    )


#: The orders a ranking can take (``--sort``).
SORTS = ("score", "match", "name")


def _rank_key(row: RankRow, by: str) -> tuple:
    """What a row is ranked by: the score; the match rate (a file with none after every
    file with one); or nothing (by name)."""
    if by == "match":
        return (row.match_rate is None, -(row.match_rate or 0.0))
    if by == "name":
        return ()
    return (-(row.score or 0.0),)


def ranked(rows: Sequence[RankRow], by: str = "score") -> list[RankRow]:
    """The ranking: best score first (``score``), best match rate first then best score
    (``match``), or by path (``name``). Ties and unreadable files (always last) go by path,
    so the order never varies."""

    def key(row: RankRow) -> tuple:
        if row.score is None:
            return (1, (), row.path)
        tie = (-row.score,) if by == "match" else ()
        return (0, (*_rank_key(row, by), *tie), row.path)

    return sorted(rows, key=key)


def score_ranks(rows: Sequence[RankRow], by: str = "score") -> dict[int, int]:
    """Competition ranks (1, 2, 2, 4) of the readable files in an already ranked list, by
    position, on what the list is ranked by (``name``: the position).

    Files with the same score (or match rate) share a rank, so a recruiter does not read an
    order into a tie that the path sort merely broke.
    """
    ranks: dict[int, int] = {}
    previous: tuple | None = None
    rank = 0
    for position, row in enumerate(rows):
        if row.score is None:
            continue
        key = _rank_key(row, by) if by != "name" else (position,)
        if key != previous:
            rank = position + 1
            previous = key
        ranks[position] = rank
    return ranks


def rate_text(report: Report) -> str:
    """The match rate as every format words it: "67.7%", or "n/a (why)" when the posting
    gave too few terms."""
    job = report.job
    if job is None:
        return ""
    if job.match_rate is None:
        return f"n/a ({job.note})" if job.note else "n/a"
    return f"{job.match_rate:.1f}%"


def rate_phrase(report: Report) -> str:
    """"match rate 67.7% against the posting", or "no match rate against the posting (why)"."""
    job = report.job
    if job is None:
        return ""
    if job.match_rate is None:
        return f"no match rate against the posting ({job.note})" if job.note \
            else "no match rate against the posting"
    return f"match rate {job.match_rate:.1f}% against the posting"


def match_rate(report: Report) -> float | None:
    job = report.job
    return float(job.match_rate) if job is not None and job.match_rate is not None else None


def format_number(value: float) -> str:
    return f"{round(value, 4):g}"


def document_facts(report: Report) -> str:
    """"pdf, 2 pages, 938 words"; formats without pages (DOCX, text) give no page count."""
    d = report.document
    pages = f"{d.pages} page{'s' if d.pages != 1 else ''}, " if d.pages else ""
    return f"{d.format}, {pages}{d.words} words"


def match_sentence(report: Report, escape: Callable[[str], str]) -> str:
    """"Match rate 73.8% against the posting "Title" at Employer: 25 of 39 posting terms
    found; title stated" (document text passed through ``escape``)."""
    job = report.job
    if job is None:
        return ""
    title = f' "{escape(job.title)}"' if job.title else ""
    who = f" at {escape(job.employer)}" if job.employer else ""
    stated = "; title stated" if job.title and job.title_found else ""
    return (f"Match rate {rate_text(report)} against the posting{title}{who}: "
            f"{len(job.found)} of {len(job.terms)} posting terms found{stated}")
