"""Markdown: a ranked table, then one section per file (for a pull request or a wiki)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from resumecheck.formatters.base import (
    Formatter,
    RenderContext,
    document_facts,
    format_number,
    match_rate,
    ranked,
    score_ranks,
    status,
    threshold_reasons,
)
from resumecheck.models import Level, Outcome, Report

#: Characters that would turn document text into markup (or raw HTML) when rendered.
_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")


def md(value: str) -> str:
    """Text from a document or a file name, shown literally on one line."""
    return _SPECIAL.sub(r"\\\1", " ".join(value.split()))


def _cell(value: str) -> str:
    return md(value) or " "


class MarkdownFormatter(Formatter):
    def render(self, outcomes: Sequence[Outcome], ctx: RenderContext) -> str:
        order = ranked(outcomes)
        ranks = score_ranks(order)
        out = [f"# Resume check ({md(ctx.profile)})", ""]
        readable = sum(1 for o in order if isinstance(o, Report))
        out.append(
            f"{len(order)} file{'s' if len(order) != 1 else ''} checked, "
            f"{len(order) - readable} unreadable."
            + (f" Threshold: {ctx.fail_under:g}." if ctx.fail_under is not None else "")
        )
        out += ["", "| Rank | File | Kind | Score | Match rate | Missing required | Status |",
                "|---:|---|---|---:|---:|---:|---|"]
        for position, o in enumerate(order):
            if isinstance(o, Report):
                rate = match_rate(o)
                out.append(
                    f"| {ranks[position]} | {_cell(o.path)} | {str(o.kind)} "
                    f"| {o.score.value:.1f} | {'' if rate is None else format_number(rate)} "
                    f"| {len(o.missing(Level.REQUIRED))} | {status(o, ctx)} |"
                )
            else:
                out.append(f"|  | {_cell(o.path)} |  |  |  |  | unreadable: {_cell(o.reason)} |")
        for o in order:
            out += ["", f"## {md(o.path)}", ""]
            if isinstance(o, Report):
                out += self._report(o, ctx)
            else:
                out.append(f"**Unreadable:** {md(o.reason)}")
        return "\n".join(out) + "\n"

    def _report(self, o: Report, ctx: RenderContext) -> list[str]:
        rate = match_rate(o)
        line = f"**Score {o.score.value:.1f}** / 100 · {str(o.kind)} · {md(document_facts(o))}"
        if rate is not None:
            line += f" · job match rate {format_number(rate)}"
        out = [line]
        for reason in threshold_reasons(o, ctx):
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
        if ctx.details:
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
