"""CSV ranking: one row per file, best score first, unreadable files last."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from resumecheck.formatters.base import (
    Formatter,
    RankRow,
    RenderContext,
    format_number,
    rank_row,
    ranked,
    score_ranks,
)
from resumecheck.models import Outcome

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
    def digest(self, outcome: Outcome, ctx: RenderContext) -> RankRow:
        return rank_row(outcome, ctx)

    def render(self, outcomes: Sequence[Outcome | RankRow], ctx: RenderContext) -> str:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(COLUMNS)
        order = ranked([rank_row(o, ctx) for o in outcomes])
        ranks = score_ranks(order)
        for position, row in enumerate(order):
            if row.score is None:
                writer.writerow(
                    ["", _text_cell(row.path), "", "", "", "", "", "", "",
                     "unreadable", _text_cell(row.reason)]
                )
                continue
            writer.writerow(
                [
                    ranks[position],
                    _text_cell(row.path),
                    row.kind,
                    f"{row.score:.1f}",
                    "" if row.match_rate is None else format_number(row.match_rate),
                    _text_cell("; ".join(row.missing_required)),
                    row.errors,
                    row.warnings,
                    row.infos,
                    row.status,
                    "",
                ]
            )
        return buffer.getvalue()
