"""``--format text``: the report a person reads in a terminal (colour only on a TTY)."""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Sequence

from resumecheck.formatters.base import (
    Formatter,
    RankRow,
    RenderContext,
    document_facts,
    rank_row,
    ranked,
    score_ranks,
)
from resumecheck.models import JobMatch, Level, Report, Severity
from resumecheck.verdict import FileResult, Status, Tally

WIDTH = 100
_SEVERITY_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
_LEVEL_STYLE = {Level.REQUIRED: "red", Level.PREFERRED: "yellow", Level.BONUS: "dim"}


class TextFormatter(Formatter):
    def __init__(self, ctx: RenderContext) -> None:
        super().__init__(ctx)
        self._rows: list[RankRow] = []
        #: Full reports, rendered as each file finishes (a batch keeps them only with
        #: --details; its text report is otherwise the ranking).
        self._reports: list[str] = []

    def add(self, result: FileResult) -> str:
        ctx = self.ctx
        self._rows.append(rank_row(result))
        if ctx.batch and not ctx.details:
            return ""
        outcome = result.outcome
        if isinstance(outcome, Report):
            self._reports.append(self._print(lambda c: _report(c, outcome, result, ctx)))
        elif not ctx.batch:
            said = outcome.reason if outcome.internal else f"unreadable: {outcome.reason}"
            self._reports.append(self._print(lambda c: c.print(f"{outcome.path}: {said}")))
        return ""

    def finish(self, tally: Tally) -> str:
        parts = []
        if self.ctx.batch:
            parts.append(self._print(lambda c: _ranking(c, self._rows, self.ctx)))
        return "".join(parts + self._reports)

    def _print(self, draw) -> str:
        """What ``draw(console)`` prints, trailing spaces removed from every line."""
        from rich.console import Console

        ctx = self.ctx
        buf = io.StringIO()
        console = Console(
            file=buf,
            width=WIDTH,
            force_terminal=ctx.color,
            no_color=not ctx.color,
            color_system="standard" if ctx.color else None,
            highlight=False,
            emoji=False,
            markup=False,
            legacy_windows=False,
        )
        draw(console)
        text = buf.getvalue()
        return "".join(line.rstrip() + "\n" for line in text.splitlines())


def _ranking(console, rows: Sequence[RankRow], ctx: RenderContext) -> None:
    from rich.table import Table
    from rich.text import Text

    title = {"match": "Ranking (by match rate)", "name": "Files (by name)"}.get(ctx.sort,
                                                                             "Ranking")
    table = Table(title=title, title_justify="left", show_edge=False, pad_edge=False)
    for col, justify in (("#", "right"), ("file", "left"), ("kind", "left"),
                         ("score", "right"), ("match", "right"), ("missing req.", "right")):
        # A path is never cut short: it wraps (folds) instead.
        table.add_column(col, justify=justify, overflow="fold")
    table.add_column("status")
    order = ranked(rows, ctx.sort)
    ranks = score_ranks(order, ctx.sort)
    for position, row in enumerate(order):
        if row.score is None:
            table.add_row("-", row.path, "-", "-", "-", "-", str(row.status))
            continue
        match = (f"{row.match_rate:.1f}" if row.match_rate is not None
                 else "n/a" if row.job else "-")
        status = "ok" if row.status == Status.OK else "FAIL"
        table.add_row(str(ranks[position]), row.path, row.kind, f"{row.score:.1f}", match,
                      str(len(row.missing_required)), status)
    console.print(table)
    for row in order:
        if row.score is None:
            console.print(Text(f"{row.status}: {row.path}: {row.reason}"))
    console.print()
    if not ctx.details:
        console.print("Each file's full report: add --details.")


def _report(console, report: Report, result: FileResult, ctx: RenderContext) -> None:
    """One file: the first screen (score, band, match rate, what to change first), then the
    findings, what is still missing and the score by category, each fact once; with
    ``--details`` also every found term's places, every tip and every fix."""
    from rich.text import Text

    from resumecheck.actions import bonus_summary, plan, same_fix, shared_gain, target

    advice = plan(report)
    full = ctx.details
    if ctx.batch:
        console.rule(report.path)
    console.print(Text(report.path, style="bold"))
    _hang(console, Text(f"{report.kind.value} ({report.kind_reason}); profile {report.profile} "
                        f"{report.profile_version}; {document_facts(report)}"), 0)
    score = Text("Score ", style="bold")
    score.append(f"{report.score.value:.1f} / 100", style=_score_style(report.score.value))
    score.append(f": {advice.band.label} ({target()})")
    fail_under = ctx.thresholds.fail_under
    if fail_under is not None:
        score.append(f"; threshold {fail_under:g}: "
                     f"{'FAIL' if result.verdict.below_score else 'pass'}")
    _hang(console, score, 0)
    for reason in result.verdict.reasons:
        if not reason.startswith("score "):  # the score's own is on the score line
            _hang(console, Text(f"Below threshold: {reason}", style="bold red"), 2)
    if report.job is not None:
        line = _match_line(report.job)
        if result.verdict.no_rate:
            line.append(f"  (threshold {fail_under:g}: FAIL, no match rate)")
        _hang(console, line, 2)

    if advice.first:
        console.print()
        console.print(Text("What to change first", style="bold"))
        for number, action in enumerate(advice.first, 1):
            _action(console, number, action, advice.quoted_in(action.posting_sentence) == number)
    if advice.findings:
        console.print()
        console.print(Text(f"Findings ({len(advice.findings)})", style="bold"))
        shown = [f for f in advice.findings if full or f.severity != Severity.INFO]
        for run, fix in same_fix(shown):
            for f in run:
                line = Text("  ")
                line.append(f"{f.severity.value:<7}", style=_SEVERITY_STYLE[f.severity])
                line.append(f" {f.code} ")
                if f.location is not None:
                    line.append(f"[{f.location.describe()}] ", style="dim")
                line.append(f.message)
                _hang(console, line, 10)
            if fix:
                each = f" (each of the {len(run)} above)" if len(run) > 1 else ""
                _hang(console, Text(f"          fix{each}: {fix}"), 15)
        infos = Counter(f.code for f in advice.findings if f.severity == Severity.INFO)
        if infos and not full:
            line = Text("  info    ", style=_SEVERITY_STYLE[Severity.INFO])
            line.append(", ".join(f"{code} {_rule_name(code)} x{n}" for code, n in infos.items()))
            line.append(" (add --details)", style="dim")
            _hang(console, line, 10)
    if advice.posting:
        console.print()
        count = sum(len(g.actions) for g in advice.posting)
        console.print(Text(f"Posting terms still missing ({count})", style="bold"))
        for group in advice.posting:
            line = Text("  - ")
            shared = shared_gain(group.actions)
            for i, a in enumerate(group.actions):
                line.append("; " if i else "")
                line.append(a.term, style="bold")
                if shared is None:
                    line.append(f" {_gains(a)}", style="dim")
            if shared:
                line.append(f" ({shared})", style="dim")
            quoted = advice.quoted_in(group.sentence)
            if quoted is not None:
                line.append(f": the posting sentence of action {quoted}", style="dim")
            elif group.sentence:
                where = f" ({group.posting_where})" if group.posting_where else ""
                line.append(f': "{group.sentence}"{where}', style="dim")
            _hang(console, line, 4)
            if full:
                for a in group.actions:
                    _hang(console, Text(f"    {a.term}: {a.where + '. ' if a.where else ''}"
                                        f"{a.advice}"), 6)
    if advice.terms:
        console.print()
        count = sum(len(acts) for _, acts in advice.terms)
        head = Text(f"Profile terms still missing ({count})", style="bold")
        if not full:
            head.append("  tips and places: add --details", style="dim")
        console.print(head)
        for level, acts in advice.terms:
            if full:
                console.print(Text(f"  {level.value} ({len(acts)})", style=_LEVEL_STYLE[level]))
                for a in acts:
                    line = Text("  - ")
                    line.append(a.term, style="bold")
                    if _gains(a):
                        line.append(f" {_gains(a)}", style="dim")
                    if a.where:
                        line.append(f"; {a.where}", style="dim")
                    _hang(console, line, 6)
                    if a.advice:
                        _hang(console, Text(f"      {a.advice}"), 6)
                continue
            line = Text(f"  {level.value} ({len(acts)})", style=_LEVEL_STYLE[level])
            if level == Level.BONUS:
                # Bonus terms only add to a score: by count here, by name with --details.
                line.append(f": {bonus_summary(acts)}")
            else:
                line.append(": " + ", ".join(a.term for a in acts))
            _hang(console, line, 4)
    _categories(console, report, full)
    if full:
        _found_terms(console, report)


def _action(console, number: int, a, quote: bool) -> None:
    from rich.text import Text

    from resumecheck.actions import describe_level

    head = Text(f"  {number}. ")
    style = _SEVERITY_STYLE[a.severity] if a.severity is not None else "bold"
    if a.severity is not None:
        head.append(f"{describe_level(a)}: ", style=style)
        head.append(a.title)
    else:
        head.append(a.title, style=style)
    gains = _gains(a)
    if gains:
        head.append(f"  {gains}", style="green")
    _hang(console, head, 5)
    how = " ".join(x for x in (f"Where: {a.where}." if a.where else "", a.advice) if x)
    if how:
        _hang(console, Text(f"     {how}"), 5)
    if quote:
        where = f" ({a.posting_where})" if a.posting_where else ""
        _hang(console, Text(f'     The posting{where}: "{a.posting_sentence}"', style="dim"), 5)


def _rule_name(code: str) -> str:
    from resumecheck.checks import all_rules

    r = all_rules().get(code)
    return r.name if r is not None else ""


def _gains(a) -> str:
    from resumecheck.actions import gains_text

    text = gains_text(a)
    return f"({text})" if text and a.kind != "fix-finding" else text


def _match_line(job: JobMatch):
    from rich.text import Text

    found = len(job.found)
    rate = (f"{job.match_rate:.1f}%" if job.match_rate is not None
            else f"n/a ({job.note})" if job.note else "n/a")
    line = Text(f"Match rate {rate}", style="bold")
    title = f' "{job.title}"' if job.title else ""
    who = f" at {job.employer}" if job.employer else ""
    line.append(f" against the posting{title}{who}: {found} of {len(job.terms)} posting "
                "terms found")
    if job.title and job.title_found:
        line.append("; title stated")
    return line


def _categories(console, report: Report, full: bool) -> None:
    from rich.table import Table
    from rich.text import Text

    if not report.score.categories:
        return
    console.print()
    console.print(Text("Score by category", style="bold"))
    table = Table(show_edge=False, pad_edge=False, box=None)
    table.add_column("  category")
    table.add_column("weight", justify="right")
    table.add_column("terms", justify="right")
    table.add_column("points", justify="right")
    table.add_column("share", justify="right")
    for c in report.score.categories:
        table.add_row(f"  {c.title}", f"{c.weight:g}", f"{c.terms_found}/{c.terms_total}",
                      f"{c.found:g}/{c.possible:g}", f"{100 * c.ratio:.0f}%")
    console.print(table)
    from resumecheck.scoring import RULE

    _hang(console, Text(f"  {RULE}", style="dim"), 2)
    if full:
        console.print(Text("  A term earns its weight x 3 (required), 2 (preferred) or 1 "
                           "(bonus).", style="dim"))


def _found_terms(console, report: Report) -> None:
    from rich.text import Text

    from resumecheck.actions import places

    found = [t for t in report.terms if t.found]
    if not found:
        return
    console.print()
    console.print(Text(f"Found terms ({len(found)})", style="bold"))
    for t in found:
        line = Text("  + ", style="green")
        line.append(t.term)
        visible = sum(1 for m in t.matches if not m.hidden)
        line.append(f" x{visible}  ", style="dim")
        line.append("; ".join(places(t.matches)), style="dim")
        _hang(console, line, 6)


def _hang(console, text, indent: int) -> None:
    """Print ``text`` wrapped to the console, its later lines indented by ``indent``."""
    from rich.text import Text

    width = console.width
    first = text.wrap(console, width)
    if len(first) <= 1:
        console.print(text)
        return
    head = first[0]
    cut = len(head.plain.rstrip())
    plain = text.plain
    while cut < len(plain) and plain[cut] == " ":
        cut += 1
    console.print(head)
    for line in text[cut:].wrap(console, width - indent):
        console.print(Text(" " * indent) + line)


def _score_style(value: float) -> str:
    from resumecheck.actions import BANDS, band

    return ("bold green", "bold yellow", "bold red")[min(BANDS.index(band(value)), 2)]
