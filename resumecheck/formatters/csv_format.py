"""CSV ranking: one row per file, best score first, unreadable files last."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import Any

from resumecheck.formatters.base import Formatter, RenderContext, passed, ranked
from resumecheck.models import Level, Outcome, Report

COLUMNS = (
    "rank",
    "path",
    "kind",
    "score",
    "match_rate",
    "missing_required",
    "errors",
    "warnings",
    "infos",
    "status",
    "reason",
)

#: A cell starting with one of these is run as a formula by spreadsheet programs; file
#: names and term wordings come from outside, so such cells get a leading apostrophe.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def status(outcome: Outcome, ctx: RenderContext) -> str:
    """``ok``, ``below-threshold`` or ``unreadable``: the word shared by csv, html, junit."""
    if not isinstance(outcome, Report):
        return "unreadable"
    return "ok" if passed(outcome, ctx) else "below-threshold"


def score_ranks(outcomes: Sequence[Outcome]) -> dict[int, int]:
    """Competition ranks (1, 2, 2, 4) of the reports in an already ranked list, by position.

    Files with the same score share a rank, so a recruiter does not read an order into a
    tie that the path sort merely broke.
    """
    ranks: dict[int, int] = {}
    previous: float | None = None
    rank = 0
    for position, outcome in enumerate(outcomes):
        if not isinstance(outcome, Report):
            continue
        value = round(outcome.score.value, 1)
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


def _text_cell(value: str) -> str:
    return "'" + value if value.startswith(_FORMULA_START) else value


class CsvFormatter(Formatter):
    def render(self, outcomes: Sequence[Outcome], ctx: RenderContext) -> str:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(COLUMNS)
        order = ranked(outcomes)
        ranks = score_ranks(order)
        for position, outcome in enumerate(order):
            if isinstance(outcome, Report):
                counts = outcome.counts()
                rate = match_rate(outcome)
                writer.writerow(
                    [
                        ranks[position],
                        _text_cell(outcome.path),
                        str(outcome.kind),
                        f"{outcome.score.value:.1f}",
                        "" if rate is None else format_number(rate),
                        _text_cell("; ".join(t.term for t in outcome.missing(Level.REQUIRED))),
                        counts["error"],
                        counts["warning"],
                        counts["info"],
                        status(outcome, ctx),
                        "",
                    ]
                )
            else:
                writer.writerow(
                    ["", _text_cell(outcome.path), "", "", "", "", "", "", "",
                     "unreadable", _text_cell(outcome.reason)]
                )
        return buffer.getvalue()
