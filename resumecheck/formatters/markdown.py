"""Markdown: a ranked table, then one section per file (for a pull request or a wiki)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from resumecheck.actions import places
from resumecheck.formatters.base import (
    Formatter,
    RankRow,
    RenderContext,
    Spool,
    document_facts,
    format_number,
    match_sentence,
    rank_row,
    ranked,
    score_ranks,
)
from resumecheck.models import Level, Report, Severity
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
        order = ranked([row for row, _ in self._files], ctx.sort)
        ranks = score_ranks(order, ctx.sort)
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
                rate = (format_number(row.match_rate) if row.match_rate is not None
                        else "n/a" if row.job else "")
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
        """The text report's order and facts: first screen, findings, what is missing, the
        score by category; with ``--details`` every tip, fix and found term's places."""
        from resumecheck.actions import (
            bonus_summary,
            gains_text,
            plan,
            same_fix,
            shared_gain,
            target,
        )

        advice = plan(o)
        full = self.ctx.details
        line = (f"**Score {o.score.value:.1f}** / 100: {advice.band.label} ({target()}) · "
                f"{str(o.kind)} · {md(document_facts(o))}")
        out = [line]
        if o.job is not None:
            out += ["", match_sentence(o, md)]
        for reason in result.verdict.reasons:
            out += ["", f"**Below threshold:** {md(reason)}"]
        if advice.first:
            out += ["", "### What to change first", ""]
            for number, a in enumerate(advice.first, 1):
                gains = gains_text(a)
                head = (f"**{md(a.severity.value)} `{a.code}`:** {md(a.title)}"
                        if a.severity is not None else f"**{md(a.title)}**")
                item = f"{number}. {head}" + (f" ({gains})" if gains else "")
                item += "" if item.endswith(".") else "."
                item += "".join(f" {x}" for x in (
                    f"Where: {md(a.where)}." if a.where else "",
                    md(a.advice) if a.advice else "") if x)
                if a.posting_sentence and advice.quoted_in(a.posting_sentence) == number:
                    where = f" ({md(a.posting_where)})" if a.posting_where else ""
                    item += f" The posting{where}: “{md(a.posting_sentence)}”"
                out.append(item)
        if advice.findings:
            out += ["", "### Findings", ""]
            infos: dict[str, int] = {}
            for f in advice.findings:
                if f.severity == Severity.INFO and not full:
                    infos[f.code] = infos.get(f.code, 0) + 1
            shown = [f for f in advice.findings if full or f.severity != Severity.INFO]
            for run, fix in same_fix(shown):
                for i, f in enumerate(run):
                    where = f" ({md(f.location.describe())})" if f.location is not None else ""
                    item = f"- **{str(f.severity)}** `{f.code}`{where}: {md(f.message)}"
                    if fix and i == len(run) - 1:
                        each = f" (each of the {len(run)} above)" if len(run) > 1 else ""
                        item += f" — fix{each}: {md(fix)}"
                    out.append(item)
            if infos:
                out.append("- **info** " + ", ".join(f"`{code}` x{n}" for code, n in infos.items())
                           + " (add --details)")
        if advice.posting:
            out += ["", "### Posting terms still missing", ""]
            for group in advice.posting:
                shared = shared_gain(group.actions)
                terms = "; ".join(f"**{md(a.term)}**" + (f" ({gains_text(a)})" if shared is None
                                                         else "") for a in group.actions)
                if shared:
                    terms += f" ({shared})"
                quoted = advice.quoted_in(group.sentence)
                where = f" ({md(group.posting_where)})" if group.posting_where else ""
                out.append(f"- {terms}: the posting sentence of action {quoted}" if quoted
                           else f"- {terms}: “{md(group.sentence)}”{where}" if group.sentence
                           else f"- {terms}")
                if full:
                    out += [f"  - {md(a.term)}: " + md(". ".join(x for x in (a.where, a.advice)
                                                                 if x))
                            for a in group.actions]
        if advice.terms:
            out += ["", "### Profile terms still missing", ""]
            for level, acts in advice.terms:
                if full:
                    out.append(f"- {level.value} ({len(acts)})")
                    for a in acts:
                        item = f"  - **{md(a.term)}** ({gains_text(a)})"
                        if a.where:
                            item += f"; {md(a.where)}"
                        if a.advice:
                            item += f": {md(a.advice)}"
                        out.append(item)
                elif level == Level.BONUS:
                    out.append(f"- {level.value} ({len(acts)}): {bonus_summary(acts)} "
                               "(add --details)")
                else:
                    out.append(f"- {level.value} ({len(acts)}): "
                               + ", ".join(md(a.term) for a in acts))
        if o.score.categories:
            out += ["", "### Score by category", "",
                    "| Category | Weight | Terms | Points | Share |", "|---|---:|---:|---:|---:|"]
            for c in o.score.categories:
                out.append(
                    f"| {_cell(c.title)} | {c.weight:g} | {c.terms_found}/{c.terms_total} "
                    f"| {c.found:g}/{c.possible:g} | {100 * c.ratio:.0f}% |"
                )
            from resumecheck.scoring import RULE

            out += ["", md(RULE)]
        if full:
            found = [t for t in o.terms if t.found]
            if found:
                out += ["", "### Found terms", "", "| Term | Level | Where |", "|---|---|---|"]
                for t in found:
                    shown = "; ".join(places(t.matches))
                    out.append(f"| {_cell(t.term)} | {str(t.level)} | {_cell(shown)} |")
        return out


_FAILED = {Status.UNREADABLE: "Unreadable", Status.ERROR: "Internal error"}
