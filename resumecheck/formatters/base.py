"""The one interface every output format implements."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from resumecheck.models import Level, Outcome, Report, Severity


@dataclass(frozen=True)
class RenderContext:
    """What a formatter may know besides the outcomes themselves."""

    version: str
    profile: str
    fail_under: float | None = None
    fail_on: Severity | None = None
    #: Terminal colour (text format only).
    color: bool = False
    #: In a batch, every file's full report after the ranking (text) and the places of
    #: every found term (markdown). A single file always gets its full report.
    details: bool = True


def passed(outcome: Outcome, ctx: RenderContext) -> bool:
    """Whether one outcome meets the run's threshold; an unreadable file never does."""
    if not isinstance(outcome, Report):
        return False
    if ctx.fail_under is not None and outcome.score.value < ctx.fail_under:
        return False
    if ctx.fail_on is not None and any(
        f.severity.rank >= ctx.fail_on.rank for f in outcome.findings
    ):
        return False
    return True


@dataclass(frozen=True, slots=True)
class RankRow:
    """One file's line in a ranking: all a ranking format needs, a few hundred bytes, so a
    batch of ten thousand files can be ranked without keeping ten thousand reports."""

    path: str
    #: None for a file that could not be read.
    score: float | None
    kind: str = ""
    match_rate: float | None = None
    missing_required: tuple[str, ...] = ()
    errors: int = 0
    warnings: int = 0
    infos: int = 0
    status: str = "unreadable"
    reason: str = ""


def rank_row(outcome: Outcome | RankRow, ctx: RenderContext) -> RankRow:
    if isinstance(outcome, RankRow):
        return outcome
    if not isinstance(outcome, Report):
        return RankRow(path=outcome.path, score=None, reason=outcome.reason)
    counts = outcome.counts()
    return RankRow(
        path=outcome.path,
        score=round(outcome.score.value, 1),
        kind=str(outcome.kind),
        match_rate=match_rate(outcome),
        missing_required=tuple(t.term for t in outcome.missing(Level.REQUIRED)),
        errors=counts["error"],
        warnings=counts["warning"],
        infos=counts["info"],
        status=status(outcome, ctx),
    )


def _score_of(item: Outcome | RankRow) -> float | None:
    if isinstance(item, RankRow):
        return item.score
    return round(item.score.value, 1) if isinstance(item, Report) else None


def ranked(outcomes: Sequence[Any]) -> list[Any]:
    """Best score first; ties and unreadable files by path, so the order never varies.
    Takes reports, failures or rank rows."""

    def key(item: Any) -> tuple:
        score = _score_of(item)
        return (0, -score, item.path) if score is not None else (1, 0.0, item.path)

    return sorted(outcomes, key=key)


@dataclass
class Tally:
    """What a streamed report's closing part needs to know about the files before it."""

    files: int = 0
    checked: int = 0
    unreadable: int = 0
    passed: int = 0

    def add(self, outcome: Outcome, ctx: RenderContext) -> None:
        self.files += 1
        if isinstance(outcome, Report):
            self.checked += 1
        else:
            self.unreadable += 1
        if passed(outcome, ctx):
            self.passed += 1


class Formatter:
    """Turns outcomes into the bytes of one report (as text).

    A format that ``streams`` is written as ``head``, then ``item`` for each file as it
    finishes, then ``tail``, so a batch keeps no reports in memory; ``render`` of the same
    outcomes gives the same bytes.
    """

    streams: bool = False

    def render(self, outcomes: Sequence[Outcome], ctx: RenderContext) -> str:
        if not self.streams:
            raise NotImplementedError
        tally = Tally()
        parts = [self.head(ctx)]
        for index, outcome in enumerate(outcomes):
            tally.add(outcome, ctx)
            parts.append(self.item(outcome, ctx, index))
        parts.append(self.tail(ctx, tally))
        return "".join(parts)

    def render_one(self, outcome: Outcome, ctx: RenderContext) -> str:
        """One file's part of a streamed report."""
        return self.render([outcome], ctx)

    def digest(self, outcome: Outcome, ctx: RenderContext) -> Any:
        """What ``render`` needs of one file, kept while a batch runs; ``render`` takes a
        list of these. The whole outcome unless a format needs less."""
        return outcome

    def head(self, ctx: RenderContext) -> str:
        return ""

    def item(self, outcome: Outcome, ctx: RenderContext, index: int) -> str:
        return self.render_one(outcome, ctx)

    def tail(self, ctx: RenderContext, tally: Tally) -> str:
        return ""


def status(outcome: Outcome, ctx: RenderContext) -> str:
    """``ok``, ``below-threshold`` or ``unreadable``: the word shared by csv, html, junit."""
    if not isinstance(outcome, Report):
        return "unreadable"
    return "ok" if passed(outcome, ctx) else "below-threshold"



def score_ranks(outcomes: Sequence[Any]) -> dict[int, int]:
    """Competition ranks (1, 2, 2, 4) of the readable files in an already ranked list, by
    position (reports, failures or rank rows).

    Files with the same score share a rank, so a recruiter does not read an order into a
    tie that the path sort merely broke.
    """
    ranks: dict[int, int] = {}
    previous: float | None = None
    rank = 0
    for position, outcome in enumerate(outcomes):
        value = _score_of(outcome)
        if value is None:
            continue
        if value != previous:
            rank = position + 1
            previous = value
        ranks[position] = rank
    return ranks


def match_rate(outcome: Report) -> float | None:
    job: Any = outcome.job
    rate = getattr(job, "match_rate", None) if job is not None else None
    return float(rate) if rate is not None else None



def format_number(value: float) -> str:
    return f"{round(value, 4):g}"



def threshold_reasons(outcome: Report, ctx: RenderContext) -> list[str]:
    """Why a readable document does not pass (empty when it passes)."""
    reasons = []
    if ctx.fail_under is not None and outcome.score.value < ctx.fail_under:
        reasons.append(f"score {outcome.score.value:.1f} is below {ctx.fail_under:g}")
    if ctx.fail_on is not None:
        hits = [f for f in outcome.findings if f.severity.rank >= ctx.fail_on.rank]
        if hits:
            reasons.append(
                f"{len(hits)} finding{'s' if len(hits) != 1 else ''} at "
                f"{ctx.fail_on.value} level or above"
            )
    return reasons


def document_facts(report: Report) -> str:
    """"pdf, 2 pages, 938 words"; formats without pages (DOCX, text) give no page count."""
    d = report.document
    pages = f"{d.pages} page{'s' if d.pages != 1 else ''}, " if d.pages else ""
    return f"{d.format}, {pages}{d.words} words"
