"""Markdown: a ranked table, then one section per file (for a pull request or a wiki)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from resumecheck.formatters.base import (
    Formatter,
    RankRow,
    RenderContext,
    Spool,
    document_facts,
    format_number,
    match_rate,
    rank_row,
    ranked,
    score_ranks,
)
from resumecheck.models import Level, Report
from resumecheck.verdict import FileResult, Status, Tally

#: Characters that would turn document text into markup (or raw HTML) when rendered.
_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")


def md(value: str) -> str:
    """Text from a document or a file name, shown literally on one line."""
    return _SPECIAL.sub(r"\\\1", " ".join(value.split()))


def _cell(value: str) -> str:
    return md(value) or " "


class MarkdownFormatter(Formatter):
    def __init__(self, ctx: RenderContext) -> None:
        super().__init__(ctx)
        #: Per file: its ranking row and where its section (rendered as it finishes) waits.
        self._files: list[tuple[RankRow, int]] = []
        self._sections = Spool()

    def add(self, result: FileResult) -> str:
        outcome = result.outcome
        lines = ["", f"## {md(outcome.path)}", ""]
        if isinstance(outcome, Report):
            lines += self._report(outcome, result)
        else:
            lines.append(f"**{_FAILED[result.verdict.status]}:** {md(outcome.reason)}")
        self._files.append((rank_row(result), self._sections.append("\n".join(lines))))
        return ""

    def finish(self, tally: Tally) -> Iterator[str]:
        ctx = self.ctx
        sections = {id(row): index for row, index in self._files}
        order = ranked([row for row, _ in self._files])
        ranks = score_ranks(order)
        out = [f"# Resume check ({md(ctx.profile)})", ""]
        readable = sum(1 for row in order if row.readable)
        fail_under = ctx.thresholds.fail_under
        out.append(
            f"{len(order)} file{'s' if len(order) != 1 else ''} checked, "
            f"{len(order) - readable} unreadable."
            + (f" Threshold: {fail_under:g}." if fail_under is not None else "")
        )
        out += ["", "| Rank | File | Kind | Score | Match rate | Missing required | Status |",
                "|---:|---|---|---:|---:|---:|---|"]
        yield "\n".join(out)  # then a row at a time: a batch of any size is never held whole
        for position, row in enumerate(order):
            if row.readable:
                rate = "" if row.match_rate is None else format_number(row.match_rate)
                line = (
                    f"| {ranks[position]} | {_cell(row.path)} | {row.kind} "
                    f"| {row.score:.1f} | {rate} "
                    f"| {len(row.missing_required)} | {row.status} |"
                )
            else:
                line = (f"|  | {_cell(row.path)} |  |  |  |  | {row.status}: "
                        f"{_cell(row.reason)} |")
            yield "\n" + line
        for row in order:
            yield "\n" + self._sections.get(sections[id(row)])
        yield "\n"
        self._sections.close()

    def _report(self, o: Report, result: FileResult) -> list[str]:
        rate = match_rate(o)
        line = f"**Score {o.score.value:.1f}** / 100 · {str(o.kind)} · {md(document_facts(o))}"
        if rate is not None:
            line += f" · job match rate {format_number(rate)}"
        out = [line]
        for reason in result.verdict.reasons:
            out += ["", f"**Below threshold:** {md(reason)}"]
        out += ["", "| Category | Found | Possible | Terms | % |", "|---|---:|---:|---:|---:|"]
        for c in o.score.categories:
            out.append(
                f"| {_cell(c.title)} | {c.found:g} | {c.possible:g} "
                f"| {c.terms_found}/{c.terms_total} | {100 * c.ratio:.0f} |"
            )
        missing = o.missing(Level.REQUIRED)
        if missing:
            out += ["", "### Missing required terms", ""]
            out += [f"- **{md(t.term)}**" + (f": {md(t.tip)}" if t.tip else "") for t in missing]
        if self.ctx.details:
            found = [t for t in o.terms if t.found]
            if found:
                out += ["", "### Found terms", "", "| Term | Level | Where |", "|---|---|---|"]
                for t in found:
                    # In document order, each place once.
                    places = list(dict.fromkeys(m.location.describe() for m in t.matches
                                                if not m.hidden))
                    shown = "; ".join(places[:3]) + (" …" if len(places) > 3 else "")
                    out.append(f"| {_cell(t.term)} | {str(t.level)} | {_cell(shown)} |")
        if o.findings:
            out += ["", "### Findings", ""]
            for f in o.findings:
                where = f" ({md(f.location.describe())})" if f.location is not None else ""
                item = f"- **{str(f.severity)}** `{f.code}`{where}: {md(f.message)}"
                if f.fix:
                    item += f" — {md(f.fix)}"
                out.append(item)
        return out


_FAILED = {Status.UNREADABLE: "Unreadable", Status.ERROR: "Internal error"}
