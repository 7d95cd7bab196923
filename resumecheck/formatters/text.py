"""``--format text``: the report a person reads in a terminal (colour only on a TTY).

The layout is drawn once, on a *canvas*: lines of :class:`Styled` text, hanging lines and
tables. With colour the canvas is a Rich console; without colour it is
:class:`~resumecheck.formatters.plain.PlainConsole`, which makes Rich's layout from strings
byte for byte in a fraction of the time (``tests/test_text_plain.py`` holds the two ways
to the same bytes), so a batch of thousands with ``--details`` renders in milliseconds a file.
"""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Callable, Iterator, Sequence

from resumecheck.formatters.base import (
    Formatter,
    RankRow,
    RenderContext,
    Spool,
    document_facts,
    rank_row,
    ranked,
    score_ranks,
)
from resumecheck.formatters.plain import Column, PlainConsole
from resumecheck.models import JobMatch, Level, Report, Severity
from resumecheck.verdict import FileResult, Status, Tally

WIDTH = 100
_SEVERITY_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
_LEVEL_STYLE = {Level.REQUIRED: "red", Level.PREFERRED: "yellow", Level.BONUS: "dim"}


class Styled:
    """A line in pieces, each with a Rich style (ignored without colour): the part of
    ``rich.text.Text`` the report uses, so one drawing serves both canvases."""

    __slots__ = ("pieces", "style")

    def __init__(self, text: str = "", style: str = "") -> None:
        #: The style of the whole line.
        self.style = style
        self.pieces: list[tuple[str, str]] = [(text, "")] if text else []

    def append(self, text: str, style: str = "") -> Styled:
        self.pieces.append((text, style))
        return self

    @property
    def plain(self) -> str:
        return "".join(text for text, _ in self.pieces)

    def rich(self):  # -> rich.text.Text
        from rich.text import Text

        text = Text(style=self.style)
        for piece, style in self.pieces:
            text.append(piece, style=style or None)
        return text


class _RichCanvas:
    """The canvas on a Rich console (colour)."""

    def __init__(self, console) -> None:
        self.console = console

    def rule(self, title: str) -> None:
        self.console.rule(title)

    def print(self, line: Styled | str = "") -> None:
        if isinstance(line, Styled):
            self.console.print(line.rich())
        elif line:
            self.console.print(line)
        else:
            self.console.print()

    def hang(self, line: Styled, indent: int) -> None:
        _hang(self.console, line.rich(), indent)

    def table(self, columns: Sequence[Column], rows: Sequence[Sequence[str]], *, box: bool,
              title: str | None = None, title_justify: str = "center") -> None:
        from rich.table import Table

        table = Table(title=title, title_justify=title_justify, show_edge=False,
                      pad_edge=False, **({} if box else {"box": None}))
        for column in columns:
            table.add_column(column.header, justify=column.justify, overflow=column.overflow)
        for row in rows:
            table.add_row(*row)
        self.console.print(table)


class TextFormatter(Formatter):
    #: Without colour, draw on a :class:`PlainConsole` (the same bytes as Rich); with
    #: colour, on a Rich console. Tests turn it off to compare the two.
    plain_layout = True

    def __init__(self, ctx: RenderContext) -> None:
        super().__init__(ctx)
        self._rows: list[RankRow] = []
        #: Full reports, rendered as each file finishes (a batch keeps them only with
        #: --details; its text report is otherwise the ranking), waiting in a spool.
        self._reports = Spool()

    def add(self, result: FileResult) -> str:
        ctx = self.ctx
        self._rows.append(rank_row(result))
        if ctx.batch and not ctx.details:
            return ""
        outcome = result.outcome
        if isinstance(outcome, Report):
            self._reports.append(self._draw(lambda c: _report(c, outcome, result, ctx)))
        elif not ctx.batch:
            said = outcome.reason if outcome.internal else f"unreadable: {outcome.reason}"
            line = f"{outcome.path}: {said}"
            self._reports.append(self._draw(lambda c: c.print(line)))
        return ""

    def finish(self, tally: Tally) -> Iterator[str]:
        if self.ctx.batch:
            if self._plain:
                # Line by line: a ranking of any size is never held as one string.
                console = PlainConsole(WIDTH)
                _ranking(console, self._rows, self.ctx)
                yield from (line.rstrip() + "\n" for line in console.iter_lines())
            else:
                yield self._draw(lambda c: _ranking(c, self._rows, self.ctx))
        yield from self._reports
        self._reports.close()

    @property
    def _plain(self) -> bool:
        return self.plain_layout and not self.ctx.color

    def _draw(self, draw: Callable) -> str:
        """What ``draw(canvas)`` prints, trailing spaces removed from every line."""
        if self._plain:
            console = PlainConsole(WIDTH)
            draw(console)
            return _tidy(console.text())
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
        draw(_RichCanvas(console))
        return _tidy(buf.getvalue())


def _tidy(text: str) -> str:
    """Trailing spaces removed from every line."""
    return "".join(line.rstrip() + "\n" for line in text.splitlines())


def _ranking(canvas, rows: Sequence[RankRow], ctx: RenderContext) -> None:
    title = {"match": "Ranking (by match rate)", "name": "Files (by name)"}.get(ctx.sort,
                                                                             "Ranking")
    # A path is never cut short: it wraps (folds) instead.
    columns = [Column(col, justify, "fold") for col, justify in (
        ("#", "right"), ("file", "left"), ("kind", "left"), ("score", "right"),
        ("match", "right"), ("missing req.", "right"))]
    columns.append(Column("status"))
    order = ranked(rows, ctx.sort)
    canvas.table(columns, _Cells(order, score_ranks(order, ctx.sort)), box=True, title=title,
                 title_justify="left")
    for row in order:
        if row.score is None:
            canvas.print(Styled(f"{row.status}: {row.path}: {row.reason}"))
    canvas.print()
    if not ctx.details:
        canvas.print("Each file's full report: add --details.")


class _Cells(Sequence):
    """The ranking's cells, made when the table asks for a row (a table is measured, then
    drawn: nothing of 20,000 rows is held but the rows themselves)."""

    def __init__(self, order: Sequence[RankRow], ranks: dict[int, int]) -> None:
        self._order = order
        self._ranks = ranks

    def __len__(self) -> int:
        return len(self._order)

    def __getitem__(self, position):  # type: ignore[override]
        if isinstance(position, slice):
            return [self[i] for i in range(*position.indices(len(self)))]
        row = self._order[position]
        if row.score is None:
            return ("-", row.path, "-", "-", "-", "-", str(row.status))
        match = (f"{row.match_rate:.1f}" if row.match_rate is not None
                 else "n/a" if row.job else "-")
        status = "ok" if row.status == Status.OK else "FAIL"
        return (str(self._ranks[position]), row.path, row.kind, f"{row.score:.1f}", match,
                str(len(row.missing_required)), status)


def _report(canvas, report: Report, result: FileResult, ctx: RenderContext) -> None:
    """One file: the first screen (score, band, match rate, what to change first), then the
    findings, what is still missing and the score by category, each fact once; with
    ``--details`` also every found term's places, every tip and every fix."""
    from resumecheck.actions import bonus_summary, plan, same_fix, shared_gain, target

    advice = plan(report)
    full = ctx.details
    if ctx.batch:
        canvas.rule(report.path)
    canvas.print(Styled(report.path, style="bold"))
    canvas.hang(Styled(f"{report.kind.value} ({report.kind_reason}); profile {report.profile} "
                        f"{report.profile_version}; {document_facts(report)}"), 0)
    score = Styled("Score ", style="bold")
    score.append(f"{report.score.value:.1f} / 100", style=_score_style(report.score.value))
    score.append(f": {advice.band.label} ({target()})")
    fail_under = ctx.thresholds.fail_under
    if fail_under is not None:
        score.append(f"; threshold {fail_under:g}: "
                     f"{'FAIL' if result.verdict.below_score else 'pass'}")
    canvas.hang(score, 0)
    for reason in result.verdict.reasons:
        if not reason.startswith("score "):  # the score's own is on the score line
            canvas.hang(Styled(f"Below threshold: {reason}", style="bold red"), 2)
    if report.job is not None:
        line = _match_line(report.job)
        if result.verdict.no_rate:
            line.append(f"  (threshold {fail_under:g}: FAIL, no match rate)")
        canvas.hang(line, 2)

    if advice.first:
        canvas.print()
        canvas.print(Styled("What to change first", style="bold"))
        for number, action in enumerate(advice.first, 1):
            _action(canvas, number, action, advice.quoted_in(action.posting_sentence) == number)
    if advice.findings:
        canvas.print()
        canvas.print(Styled(f"Findings ({len(advice.findings)})", style="bold"))
        shown = [f for f in advice.findings if full or f.severity != Severity.INFO]
        for run, fix in same_fix(shown):
            for f in run:
                line = Styled("  ")
                line.append(f"{f.severity.value:<7}", style=_SEVERITY_STYLE[f.severity])
                line.append(f" {f.code} ")
                if f.location is not None:
                    line.append(f"[{f.location.describe()}] ", style="dim")
                line.append(f.message)
                canvas.hang(line, 10)
            if fix:
                each = f" (each of the {len(run)} above)" if len(run) > 1 else ""
                canvas.hang(Styled(f"          fix{each}: {fix}"), 15)
        infos = Counter(f.code for f in advice.findings if f.severity == Severity.INFO)
        if infos and not full:
            line = Styled("  info    ", style=_SEVERITY_STYLE[Severity.INFO])
            line.append(", ".join(f"{code} {_rule_name(code)} x{n}" for code, n in infos.items()))
            line.append(" (add --details)", style="dim")
            canvas.hang(line, 10)
    if advice.posting:
        canvas.print()
        count = sum(len(g.actions) for g in advice.posting)
        canvas.print(Styled(f"Posting terms still missing ({count})", style="bold"))
        for group in advice.posting:
            line = Styled("  - ")
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
            canvas.hang(line, 4)
            if full:
                for a in group.actions:
                    canvas.hang(Styled(f"    {a.term}: {a.where + '. ' if a.where else ''}"
                                        f"{a.advice}"), 6)
    if advice.terms:
        canvas.print()
        count = sum(len(acts) for _, acts in advice.terms)
        head = Styled(f"Profile terms still missing ({count})", style="bold")
        if not full:
            head.append("  tips and places: add --details", style="dim")
        canvas.print(head)
        for level, acts in advice.terms:
            if full:
                canvas.print(Styled(f"  {level.value} ({len(acts)})", style=_LEVEL_STYLE[level]))
                for a in acts:
                    line = Styled("  - ")
                    line.append(a.term, style="bold")
                    gains = _gains(a)
                    if gains:
                        line.append(f" {gains}", style="dim")
                    if a.where:
                        line.append(f"; {a.where}", style="dim")
                    canvas.hang(line, 6)
                    if a.advice:
                        canvas.hang(Styled(f"      {a.advice}"), 6)
                continue
            line = Styled(f"  {level.value} ({len(acts)})", style=_LEVEL_STYLE[level])
            if level == Level.BONUS:
                # Bonus terms only add to a score: by count here, by name with --details.
                line.append(f": {bonus_summary(acts)}")
            else:
                line.append(": " + ", ".join(a.term for a in acts))
            canvas.hang(line, 4)
    _categories(canvas, report, full)
    if full:
        _found_terms(canvas, report)


def _action(canvas, number: int, a, quote: bool) -> None:
    from resumecheck.actions import describe_level

    head = Styled(f"  {number}. ")
    style = _SEVERITY_STYLE[a.severity] if a.severity is not None else "bold"
    if a.severity is not None:
        head.append(f"{describe_level(a)}: ", style=style)
        head.append(a.title)
    else:
        head.append(a.title, style=style)
    gains = _gains(a)
    if gains:
        head.append(f"  {gains}", style="green")
    canvas.hang(head, 5)
    how = " ".join(x for x in (f"Where: {a.where}." if a.where else "", a.advice) if x)
    if how:
        canvas.hang(Styled(f"     {how}"), 5)
    if quote:
        where = f" ({a.posting_where})" if a.posting_where else ""
        canvas.hang(Styled(f'     The posting{where}: "{a.posting_sentence}"', style="dim"), 5)


def _rule_name(code: str) -> str:
    from resumecheck.checks import all_rules

    r = all_rules().get(code)
    return r.name if r is not None else ""


def _gains(a) -> str:
    from resumecheck.actions import gains_text

    text = gains_text(a)
    return f"({text})" if text and a.kind != "fix-finding" else text


def _match_line(job: JobMatch) -> Styled:
    found = len(job.found)
    rate = (f"{job.match_rate:.1f}%" if job.match_rate is not None
            else f"n/a ({job.note})" if job.note else "n/a")
    line = Styled(f"Match rate {rate}", style="bold")
    title = f' "{job.title}"' if job.title else ""
    who = f" at {job.employer}" if job.employer else ""
    line.append(f" against the posting{title}{who}: {found} of {len(job.terms)} posting "
                "terms found")
    if job.title and job.title_found:
        line.append("; title stated")
    return line


def _categories(canvas, report: Report, full: bool) -> None:
    if not report.score.categories:
        return
    canvas.print()
    canvas.print(Styled("Score by category", style="bold"))
    columns = [Column("  category"), Column("weight", "right"), Column("terms", "right"),
               Column("points", "right"), Column("share", "right")]
    rows = [(f"  {c.title}", f"{c.weight:g}", f"{c.terms_found}/{c.terms_total}",
             f"{c.found:g}/{c.possible:g}", f"{100 * c.ratio:.0f}%")
            for c in report.score.categories]
    canvas.table(columns, rows, box=False)
    from resumecheck.scoring import RULE

    canvas.hang(Styled(f"  {RULE}", style="dim"), 2)
    if full:
        canvas.print(Styled("  A term earns its weight x 3 (required), 2 (preferred) or 1 "
                            "(bonus).", style="dim"))


def _found_terms(canvas, report: Report) -> None:
    from resumecheck.actions import places

    found = [t for t in report.terms if t.found]
    if not found:
        return
    canvas.print()
    canvas.print(Styled(f"Found terms ({len(found)})", style="bold"))
    for t in found:
        line = Styled("  + ", style="green")
        line.append(t.term)
        visible = sum(1 for m in t.matches if not m.hidden)
        line.append(f" x{visible}  ", style="dim")
        line.append("; ".join(places(t.matches)), style="dim")
        canvas.hang(line, 6)


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
