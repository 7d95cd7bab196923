"""CSV ranking: one row per file, best score first, unreadable files last."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from resumecheck.formatters.base import (
    Formatter,
    RenderContext,
    format_number,
    match_rate,
    ranked,
    score_ranks,
    status,
)
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
