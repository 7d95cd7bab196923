"""The one interface every output format implements, and what the formats share.

A formatter is fed a run in three steps, each returning the text to write at once:
``start()``, ``add(result)`` for each file in path order, ``finish(tally)``. A format that
can stream (json, jsonl, github) writes each file's part from ``add``; a format that ranks
keeps only what it will print of each file (a ranking row, a rendered section) and writes
everything from ``finish``. Verdicts come with each file: formatters print them, they never
compute them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

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

    @property
    def batch(self) -> bool:
        return self.total > 1


class Formatter:
    """Base of every output format: override the steps the format needs."""

    def __init__(self, ctx: RenderContext) -> None:
        self.ctx = ctx

    def start(self) -> str:
        return ""

    def add(self, result: FileResult) -> str:
        return ""

    def finish(self, tally: Tally) -> str:
        return ""


def render(formatter: Formatter, results: Iterable[FileResult]) -> str:
    """A whole report in one string (tests, and callers that keep every result)."""
    tally = Tally()
    parts = [formatter.start()]
    for result in results:
        tally.add(result.verdict)
        parts.append(formatter.add(result))
    parts.append(formatter.finish(tally))
    return "".join(parts)


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
    return RankRow(
        path=outcome.path,
        score=round(outcome.score.value, 1),
        status=status,
        kind=str(outcome.kind),
        match_rate=match_rate(outcome),
        missing_required=tuple(t.term for t in outcome.missing(Level.REQUIRED)),
        errors=counts["error"],
        warnings=counts["warning"],
        infos=counts["info"],
    )


def ranked(rows: Sequence[RankRow]) -> list[RankRow]:
    """Best score first; ties and unreadable files by path, so the order never varies."""

    def key(row: RankRow) -> tuple:
        return (0, -row.score, row.path) if row.score is not None else (1, 0.0, row.path)

    return sorted(rows, key=key)


def score_ranks(rows: Sequence[RankRow]) -> dict[int, int]:
    """Competition ranks (1, 2, 2, 4) of the readable files in an already ranked list, by
    position.

    Files with the same score share a rank, so a recruiter does not read an order into a
    tie that the path sort merely broke.
    """
    ranks: dict[int, int] = {}
    previous: float | None = None
    rank = 0
    for position, row in enumerate(rows):
        if row.score is None:
            continue
        if row.score != previous:
            rank = position + 1
            previous = row.score
        ranks[position] = rank
    return ranks


def match_rate(report: Report) -> float | None:
    return float(report.job.match_rate) if report.job is not None else None


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
    return (f"Match rate {job.match_rate:.1f}% against the posting{title}{who}: "
            f"{len(job.found)} of {len(job.terms)} posting terms found{stated}")
