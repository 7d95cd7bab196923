"""CSV ranking: one row per file, best score first, unreadable files last."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from resumecheck.formatters.base import (
    Formatter,
    RankRow,
    RenderContext,
    format_number,
    rank_row,
    ranked,
    score_ranks,
)
from resumecheck.verdict import FileResult, Tally

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
    def __init__(self, ctx: RenderContext) -> None:
        super().__init__(ctx)
        self._rows: list[RankRow] = []

    def add(self, result: FileResult) -> str:
        self._rows.append(rank_row(result))
        return ""

    def finish(self, tally: Tally) -> Iterator[str]:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(COLUMNS)
        order = ranked(self._rows, self.ctx.sort)
        ranks = score_ranks(order, self.ctx.sort)
        for position, row in enumerate(order):
            if row.score is None:
                writer.writerow(
                    ["", _text_cell(row.path), "", "", "", "", "", "", "",
                     str(row.status), _text_cell(row.reason)]
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
                    str(row.status),
                    "",
                ]
            )
            if buffer.tell() > 1 << 16:  # handed out in pieces: never the whole ranking
                yield buffer.getvalue()
                buffer.seek(0)
                buffer.truncate()
        yield buffer.getvalue()
