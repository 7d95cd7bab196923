"""``--format text``: the report a person reads in a terminal (colour only on a TTY)."""

from __future__ import annotations

import io
from collections.abc import Iterator, Sequence

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
from resumecheck.models import JobMatch, Level, Report, Severity, TermResult
from resumecheck.verdict import FileResult, Status, Tally

WIDTH = 100
_SEVERITY_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
_LEVEL_ORDER = (Level.REQUIRED, Level.PREFERRED, Level.BONUS)
#: How many found terms' places to list per term.
_PLACES = 3


class TextFormatter(Formatter):
    #: Without colour, draw with :mod:`resumecheck.formatters.plain` (the same bytes as Rich,
    #: in a fraction of the time: ``tests/test_text_plain.py``); with colour, with Rich.
    plain_layout = True

    def __init__(self, ctx: RenderContext) -> None:
        super().__init__(ctx)
        self._rows: list[RankRow] = []
        #: Full reports, rendered as each file finishes (a batch keeps them only with
        #: --details; its text report is otherwise the ranking), waiting on disk.
        self._reports = Spool()

    def add(self, result: FileResult) -> str:
        ctx = self.ctx
        self._rows.append(rank_row(result))
        if ctx.batch and not ctx.details:
            return ""
        outcome = result.outcome
        if isinstance(outcome, Report):
            self._reports.append(self._draw(lambda c: _report(c, outcome, result, ctx),
                                            lambda c: _report_plain(c, outcome, result, ctx)))
        elif not ctx.batch:
            said = outcome.reason if outcome.internal else f"unreadable: {outcome.reason}"
            line = f"{outcome.path}: {said}"
            self._reports.append(self._draw(lambda c: c.print(line), lambda c: c.print(line)))
        return ""

    def finish(self, tally: Tally) -> Iterator[str]:
        if self.ctx.batch:
            if self._plain:
                yield from _ranking_plain(self._rows, self.ctx)
            else:
                yield self._print(lambda c: _ranking(c, self._rows, self.ctx))
        yield from self._reports
        self._reports.close()

    @property
    def _plain(self) -> bool:
        return self.plain_layout and not self.ctx.color

    def _draw(self, draw, draw_plain) -> str:
        """What ``draw(console)`` prints (``draw_plain(plain_console)`` without colour)."""
        if not self._plain:
            return self._print(draw)
        from resumecheck.formatters.plain import PlainConsole

        console = PlainConsole(WIDTH)
        draw_plain(console)
        return _tidy(console.text())

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
        return _tidy(buf.getvalue())


def _tidy(text: str) -> str:
    """Trailing spaces removed from every line."""
    return "".join(line.rstrip() + "\n" for line in text.splitlines())


def _ranking(console, rows: Sequence[RankRow], ctx: RenderContext) -> None:
    from rich.table import Table
    from rich.text import Text

    table = Table(title="Ranking", title_justify="left", show_edge=False, pad_edge=False)
    for col, justify in (("#", "right"), ("file", "left"), ("kind", "left"),
                         ("score", "right"), ("match", "right"), ("missing req.", "right")):
        # A path is never cut short: it wraps (folds) instead.
        table.add_column(col, justify=justify, overflow="fold")
    table.add_column("status")
    order = ranked(rows)
    ranks = score_ranks(order)
    for position, row in enumerate(order):
        if row.score is None:
            table.add_row("-", row.path, "-", "-", "-", "-", str(row.status))
            continue
        match = f"{row.match_rate:.1f}" if row.match_rate is not None else "-"
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
    from rich.table import Table
    from rich.text import Text

    if ctx.batch:
        console.rule(report.path)
    console.print(Text(report.path, style="bold"))
    console.print(
        f"{report.kind.value} ({report.kind_reason}); profile {report.profile} "
        f"{report.profile_version}; {document_facts(report)}"
    )
    score = Text("Score ", style="bold")
    score.append(f"{report.score.value:.1f} / 100", style=_score_style(report.score.value))
    fail_under = ctx.thresholds.fail_under
    if fail_under is not None:
        score.append(f"  (threshold {fail_under:g}: "
                     f"{'FAIL' if result.verdict.below_score else 'pass'})")
    console.print(score)
    if report.job is not None:
        console.print(Text(f"Match rate against the posting: {report.job.match_rate:.1f}%",
                           style="bold"))
        _job_section(console, report.job)

    table = Table(show_edge=False, pad_edge=False, box=None)
    table.add_column("category")
    table.add_column("weight", justify="right")
    table.add_column("terms", justify="right")
    table.add_column("points", justify="right")
    table.add_column("share", justify="right")
    for c in report.score.categories:
        table.add_row(c.title, f"{c.weight:g}", f"{c.terms_found}/{c.terms_total}",
                      f"{c.found:g}/{c.possible:g}", f"{100 * c.ratio:.0f}%")
    console.print()
    console.print(table)
    console.print(Text("Score = weighted mean of category shares; a term earns weight x 3 "
                       "(required), 2 (preferred) or 1 (bonus).", style="dim"))

    missing = [t for t in report.terms if not t.found]
    if missing:
        console.print()
        console.print(Text("Missing terms", style="bold"))
        for level in _LEVEL_ORDER:
            for t in (t for t in missing if t.level == level):
                line = Text(f"  - [{level.value}] ", style="red" if level == Level.REQUIRED
                            else "yellow" if level == Level.PREFERRED else "dim")
                line.append(t.term, style="bold")
                line.append(f"  ({t.category})")
                _hang(console, line, 6)
                if t.tip:
                    _hang(console, Text(f"      {t.tip}"), 6)
    found = [t for t in report.terms if t.found]
    if found:
        console.print()
        console.print(Text(f"Found terms ({len(found)})", style="bold"))
        for t in found:
            _hang(console, _found_line(t), 6)
    if report.findings:
        console.print()
        console.print(Text(f"Findings ({len(report.findings)})", style="bold"))
        for f in report.findings:
            line = Text("  ")
            line.append(f"{f.severity.value:<7}", style=_SEVERITY_STYLE[f.severity])
            line.append(f" {f.code} ")
            if f.location is not None:
                line.append(f"[{f.location.describe()}] ", style="dim")
            line.append(f.message)
            _hang(console, line, 10)
            if f.fix:
                _hang(console, Text(f"          fix: {f.fix}"), 15)


#: How many missing posting terms to list before "+N more".
_JOB_MISSING = 15


def _job_section(console, job: JobMatch) -> None:
    """Posting terms the document lacks (profile terms first, with where the posting asked),
    the title check and wording advice."""
    from rich.text import Text

    who = f" at {job.employer}" if job.employer else ""
    if job.title:
        mark = "stated" if job.title_found else "NOT stated"
        console.print(Text(f'Posting: "{job.title}"{who}; title {mark} in the document',
                           style="green" if job.title_found else "yellow"))
    missing = job.missing
    found = len(job.terms) - len(missing)
    console.print(Text(f"Posting terms found: {found}/{len(job.terms)} "
                       "(profile terms weigh 2, posting phrases 1)", style="dim"))
    if missing:
        console.print(Text("Missing posting terms", style="bold"))
        for jt in missing[:_JOB_MISSING]:
            p = jt.posting
            line = Text("  - ", style="red" if p.source == "profile" else "yellow")
            line.append(p.text, style="bold")
            where = ", ".join(x for x in (p.section or "", f"line {p.line}" if p.line else "")
                              if x)
            line.append(f"  ({'profile term' if p.source == 'profile' else 'posting phrase'}"
                        f"{'; posting ' + where if where else ''})", style="dim")
            _hang(console, line, 6)
            if p.sentence:
                _hang(console, Text(f'      posting: "{p.sentence}"', style="dim"), 15)
        if len(missing) > _JOB_MISSING:
            console.print(Text(f"  +{len(missing) - _JOB_MISSING} more", style="dim"))
    for advice in job.advice:
        _hang(console, Text(f"  wording: {advice.message}", style="cyan"), 11)


def _found_line(t: TermResult):
    from rich.text import Text

    visible = [m for m in t.matches if not m.hidden]
    places = "; ".join(m.location.describe() for m in visible[:_PLACES])
    more = f"; +{len(visible) - _PLACES} more" if len(visible) > _PLACES else ""
    line = Text("  + ", style="green")
    line.append(t.term)
    line.append(f" x{len(visible)}  ", style="dim")
    line.append(places + more, style="dim")
    return line


def _hang(console, text, indent: int) -> None:
    """Print ``text`` wrapped to the console, its later lines indented by ``indent``."""
    from rich.text import Text

    lines = text.wrap(console, console.width - indent)
    for i, line in enumerate(lines):
        console.print(Text(" " * indent) + line if i else line)


def _score_style(value: float) -> str:
    return "bold green" if value >= 75 else "bold yellow" if value >= 50 else "bold red"


# -- the same layout without Rich (no colour) ------------------------------------------------
# Each function below draws what the Rich function of the same name (without "_plain") draws,
# byte for byte once colour is off; tests/test_text_plain.py compares the two on many
# reports. A change to the layout above is made here too.


def _ranking_plain(rows: Sequence[RankRow], ctx: RenderContext) -> Iterator[str]:
    """The ranking, line by line (a batch of any size is never held as one string)."""
    from resumecheck.formatters.plain import Column, table, wrap

    order = ranked(rows)
    ranks = score_ranks(order)

    class Cells(Sequence):
        """The ranking's cells, made when the table asks for a row (measured, then drawn)."""

        def __len__(self) -> int:
            return len(order)

        def __getitem__(self, position):  # type: ignore[override]
            row = order[position]
            if row.score is None:
                return ("-", row.path, "-", "-", "-", "-", str(row.status))
            match = f"{row.match_rate:.1f}" if row.match_rate is not None else "-"
            status = "ok" if row.status == Status.OK else "FAIL"
            return (str(ranks[position]), row.path, row.kind, f"{row.score:.1f}", match,
                    str(len(row.missing_required)), status)

    columns = [Column(col, justify, "fold") for col, justify in (
        ("#", "right"), ("file", "left"), ("kind", "left"), ("score", "right"),
        ("match", "right"), ("missing req.", "right"))]
    columns.append(Column("status"))
    for line in table(columns, Cells(), WIDTH, box=True, title="Ranking",
                      title_justify="left"):
        yield _tidy(line)
    for row in order:
        if row.score is None:
            yield _tidy("\n".join(wrap(_clean(f"{row.status}: {row.path}: {row.reason}"), WIDTH)))
    yield "\n"
    if not ctx.details:
        yield "Each file's full report: add --details.\n"


def _clean(text: str) -> str:
    from resumecheck.formatters.plain import clean

    return clean(text)


def _report_plain(console, report: Report, result: FileResult, ctx: RenderContext) -> None:
    from resumecheck.formatters.plain import Column

    if ctx.batch:
        console.rule(report.path)
    console.print(report.path)
    console.print(
        f"{report.kind.value} ({report.kind_reason}); profile {report.profile} "
        f"{report.profile_version}; {document_facts(report)}"
    )
    score = f"Score {report.score.value:.1f} / 100"
    fail_under = ctx.thresholds.fail_under
    if fail_under is not None:
        score += (f"  (threshold {fail_under:g}: "
                  f"{'FAIL' if result.verdict.below_score else 'pass'})")
    console.print(score)
    if report.job is not None:
        console.print(f"Match rate against the posting: {report.job.match_rate:.1f}%")
        _job_section_plain(console, report.job)

    columns = [Column("category"), Column("weight", "right"), Column("terms", "right"),
               Column("points", "right"), Column("share", "right")]
    rows = [(c.title, f"{c.weight:g}", f"{c.terms_found}/{c.terms_total}",
             f"{c.found:g}/{c.possible:g}", f"{100 * c.ratio:.0f}%")
            for c in report.score.categories]
    console.print()
    console.table(columns, rows, box=False)
    console.print("Score = weighted mean of category shares; a term earns weight x 3 "
                  "(required), 2 (preferred) or 1 (bonus).")

    missing = [t for t in report.terms if not t.found]
    if missing:
        console.print()
        console.print("Missing terms")
        for level in _LEVEL_ORDER:
            for t in (t for t in missing if t.level == level):
                console.hang(f"  - [{level.value}] {t.term}  ({t.category})", 6)
                if t.tip:
                    console.hang(f"      {t.tip}", 6)
    found = [t for t in report.terms if t.found]
    if found:
        console.print()
        console.print(f"Found terms ({len(found)})")
        for t in found:
            console.hang(_found_line_plain(t), 6)
    if report.findings:
        console.print()
        console.print(f"Findings ({len(report.findings)})")
        for f in report.findings:
            where = f"[{f.location.describe()}] " if f.location is not None else ""
            console.hang(f"  {f.severity.value:<7} {f.code} {where}{f.message}", 10)
            if f.fix:
                console.hang(f"          fix: {f.fix}", 15)


def _job_section_plain(console, job: JobMatch) -> None:
    who = f" at {job.employer}" if job.employer else ""
    if job.title:
        mark = "stated" if job.title_found else "NOT stated"
        console.print(f'Posting: "{job.title}"{who}; title {mark} in the document')
    missing = job.missing
    found = len(job.terms) - len(missing)
    console.print(f"Posting terms found: {found}/{len(job.terms)} "
                  "(profile terms weigh 2, posting phrases 1)")
    if missing:
        console.print("Missing posting terms")
        for jt in missing[:_JOB_MISSING]:
            p = jt.posting
            where = ", ".join(x for x in (p.section or "", f"line {p.line}" if p.line else "")
                              if x)
            kind = "profile term" if p.source == "profile" else "posting phrase"
            console.hang(f"  - {p.text}  ({kind}{'; posting ' + where if where else ''})", 6)
            if p.sentence:
                console.hang(f'      posting: "{p.sentence}"', 15)
        if len(missing) > _JOB_MISSING:
            console.print(f"  +{len(missing) - _JOB_MISSING} more")
    for advice in job.advice:
        console.hang(f"  wording: {advice.message}", 11)


def _found_line_plain(t: TermResult) -> str:
    visible = [m for m in t.matches if not m.hidden]
    places = "; ".join(m.location.describe() for m in visible[:_PLACES])
    more = f"; +{len(visible) - _PLACES} more" if len(visible) > _PLACES else ""
    return f"  + {t.term} x{len(visible)}  {places}{more}"
