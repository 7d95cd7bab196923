"""One self-contained HTML page for recruiters: ranking, a chart per file, the advice.

The page carries everything inline (CSS, SVG) and references nothing outside itself: no
scripts, fonts, images or links to other sites. Resumes are personal data, and a report
opened from an e-mail must neither phone home nor run anything. Every string that came from
a document, a file name or a profile is escaped.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from html import escape

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
from resumecheck.models import CategoryScore, Level, Report
from resumecheck.verdict import FileResult, Status, Tally

_CSS = """
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem auto;
max-width:1100px;padding:0 1rem;color:#1d2327;background:#fff}
h1{font-size:1.6rem}h2{font-size:1.25rem;margin-top:2.5rem;border-bottom:1px solid #ccd;
padding-bottom:.3rem;word-break:break-all}h3{font-size:1.05rem;margin-bottom:.3rem}
table{border-collapse:collapse;margin:.6rem 0}
th,td{padding:.3rem .6rem;border-bottom:1px solid #e3e5e8;text-align:left;vertical-align:top}
th{background:#f3f4f6}td.num,th.num{text-align:right}
.ok{color:#116329}.below-threshold{color:#9a3412}.unreadable{color:#b42318}
.badge{display:inline-block;padding:0 .45rem;border-radius:.6rem;font-size:.85em;border:1px solid}
.sev-error{color:#b42318}.sev-warning{color:#9a3412}.sev-info{color:#1e4e8c}
code{background:#f3f4f6;padding:0 .25rem;border-radius:3px}
.chart text{font-size:12px;fill:#1d2327}.muted{color:#5b6470}
@media print{h2{break-before:page}}
"""

_BAR_WIDTH = 360
_LABEL_WIDTH = 240
_ROW = 22


def _e(value: object) -> str:
    return escape(str(value), quote=True)


def _chart(categories: Sequence[CategoryScore], label: str) -> str:
    """A horizontal bar per category: found / possible, drawn in SVG (no script needed)."""
    height = _ROW * len(categories) + 6
    width = _LABEL_WIDTH + _BAR_WIDTH + 60
    parts = [
        f'<svg class="chart" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        f'role="img" aria-label="{_e(label)}">',
        f"<title>{_e(label)}</title>",
    ]
    for i, c in enumerate(categories):
        y = i * _ROW + 3
        ratio = min(max(c.ratio, 0.0), 1.0)
        filled = round(_BAR_WIDTH * ratio, 1)
        colour = "#2f855a" if ratio >= 0.7 else "#d97706" if ratio >= 0.4 else "#c53030"
        title = c.title if len(c.title) <= 34 else c.title[:33] + "…"
        parts += [
            f'<text x="{_LABEL_WIDTH - 6}" y="{y + 14}" text-anchor="end">{_e(title)}</text>',
            f'<rect x="{_LABEL_WIDTH}" y="{y}" width="{_BAR_WIDTH}" height="16" fill="#edf0f3"/>',
            f'<rect x="{_LABEL_WIDTH}" y="{y}" width="{filled:g}" height="16" fill="{colour}">'
            f"<title>{_e(c.title)}: {c.found:g} of {c.possible:g}</title></rect>",
            f'<text x="{_LABEL_WIDTH + _BAR_WIDTH + 6}" y="{y + 14}">{100 * ratio:.0f}%</text>',
        ]
    parts.append("</svg>")
    return "\n".join(parts)


class HtmlFormatter(Formatter):
    def __init__(self, ctx: RenderContext) -> None:
        super().__init__(ctx)
        #: Per file: its ranking row, its anchor and where its section (rendered as it
        #: finishes) waits.
        self._files: list[tuple[RankRow, str, int]] = []
        self._sections = Spool()

    def add(self, result: FileResult) -> str:
        o = result.outcome
        anchor = f"file-{len(self._files) + 1}"
        out = [f'<section id="{anchor}">', f"<h2>{_e(o.path)}</h2>"]
        if isinstance(o, Report):
            out += self._report(o, result)
        else:
            label = "Unreadable" if result.verdict.status == Status.UNREADABLE else "Internal error"
            out.append(f'<p class="unreadable"><strong>{label}:</strong> {_e(o.reason)}</p>')
        out.append("</section>")
        self._files.append((rank_row(result), anchor, self._sections.append("\n".join(out))))
        return ""

    def finish(self, tally: Tally) -> Iterator[str]:
        ctx = self.ctx
        by_row = {id(row): (anchor, text) for row, anchor, text in self._files}
        order = ranked([row for row, _, _ in self._files])
        ranks = score_ranks(order)
        readable = sum(1 for row in order if row.readable)
        fail_under = ctx.thresholds.fail_under
        out = [
            "<!DOCTYPE html>",
            '<html lang="en">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>Resume check: {_e(ctx.profile)}</title>",
            f"<style>{_CSS}</style>",
            "</head>",
            "<body>",
            f"<h1>Resume check <span class=\"muted\">({_e(ctx.profile)})</span></h1>",
            f"<p>{len(order)} file{'s' if len(order) != 1 else ''} checked, "
            f"{len(order) - readable} unreadable"
            + (f"; threshold {fail_under:g}" if fail_under is not None else "")
            + f". resumecheck {_e(ctx.version)}.</p>",
            "<table>",
            "<thead><tr><th class=\"num\">Rank</th><th>File</th><th>Kind</th>"
            "<th class=\"num\">Score</th><th class=\"num\">Match rate</th>"
            "<th class=\"num\">Missing required</th><th class=\"num\">Errors</th>"
            "<th class=\"num\">Warnings</th><th>Status</th></tr></thead>",
            "<tbody>",
        ]
        yield "\n".join(out)  # then a row at a time: a batch of any size is never held whole
        for position, row in enumerate(order):
            anchor = by_row[id(row)][0]
            link = f'<a href="#{anchor}">{_e(row.path)}</a>'
            if row.readable:
                rate = "" if row.match_rate is None else _e(format_number(row.match_rate))
                line = (
                    f'<tr><td class="num">{ranks[position]}</td><td>{link}</td>'
                    f"<td>{_e(row.kind)}</td><td class=\"num\">{row.score:.1f}</td>"
                    f'<td class="num">{rate}</td>'
                    f'<td class="num">{len(row.missing_required)}</td>'
                    f'<td class="num">{row.errors}</td>'
                    f'<td class="num">{row.warnings}</td>'
                    f'<td class="{row.status}">{row.status}</td></tr>'
                )
            else:
                line = (
                    f'<tr><td class="num"></td><td>{link}</td><td></td><td></td><td></td>'
                    f'<td></td><td></td><td></td><td class="unreadable">{row.status}: '
                    f"{_e(row.reason)}</td></tr>"
                )
            yield "\n" + line
        yield "\n</tbody>\n</table>"
        for row in order:
            yield "\n" + self._sections.get(by_row[id(row)][1])
        yield "\n</body>\n</html>\n"
        self._sections.close()

    def _report(self, o: Report, result: FileResult) -> list[str]:
        rate = match_rate(o)
        state = result.verdict.status
        facts = (
            f"<p><strong>Score {o.score.value:.1f}</strong> / 100 "
            f'<span class="badge {state}">{state}</span> · {_e(str(o.kind))} · '
            f"{_e(document_facts(o))}"
        )
        if rate is not None:
            facts += f" · job match rate {_e(format_number(rate))}"
        out = [facts + "</p>"]
        for reason in result.verdict.reasons:
            out.append(f'<p class="below-threshold">Below threshold: {_e(reason)}</p>')
        if o.score.categories:
            out.append(_chart(o.score.categories, f"Category scores of {o.path}"))
        missing = o.missing(Level.REQUIRED)
        if missing:
            out += ["<h3>Missing required terms</h3>", "<ul>"]
            out += [
                f"<li><strong>{_e(t.term)}</strong>" + (f": {_e(t.tip)}" if t.tip else "")
                + "</li>"
                for t in missing
            ]
            out.append("</ul>")
        if o.findings:
            out += ["<h3>Findings</h3>", "<ul>"]
            for f in o.findings:
                where = (
                    f' <span class="muted">({_e(f.location.describe())})</span>'
                    if f.location is not None
                    else ""
                )
                fix = f"<br>{_e(f.fix)}" if f.fix else ""
                out.append(
                    f'<li><span class="sev-{_e(str(f.severity))}">{_e(str(f.severity))}</span> '
                    f"<code>{_e(f.code)}</code>{where}: {_e(f.message)}{fix}</li>"
                )
            out.append("</ul>")
        return out
