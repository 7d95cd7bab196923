"""The one interface every output format implements."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from resumecheck.models import Outcome, Report, Severity


@dataclass(frozen=True)
class RenderContext:
    """What a formatter may know besides the outcomes themselves."""

    version: str
    profile: str
    fail_under: float | None = None
    fail_on: Severity | None = None
    #: Terminal colour (text format only).
    color: bool = False
    #: Show every found term's locations, not only a summary (text/markdown).
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


def ranked(outcomes: Sequence[Outcome]) -> list[Outcome]:
    """Best score first; ties and unreadable files by path, so the order never varies."""
    return sorted(
        outcomes,
        key=lambda o: (0, -round(o.score.value, 1), o.path)
        if isinstance(o, Report)
        else (1, 0.0, o.path),
    )


class Formatter:
    """Turns outcomes into the bytes of one report (as text)."""

    #: True when ``render_one`` can stream one line per file (jsonl, github).
    streams: bool = False

    def render(self, outcomes: Sequence[Outcome], ctx: RenderContext) -> str:
        raise NotImplementedError

    def render_one(self, outcome: Outcome, ctx: RenderContext) -> str:
        """One file's part of a streamed report."""
        return self.render([outcome], ctx)
