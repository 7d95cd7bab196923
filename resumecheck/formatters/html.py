"""One self-contained HTML page: a file's annotated document, or a batch's sortable table.

One file's page shows what to change first, then the document as read, section by section,
with every found term highlighted and every finding at its place (like a linter's annotated
source), then what is still missing and the score by category. A batch page is a table per
kind (resumes, cover letters) and one of unreadable files, sortable by any column and
filterable by name, kind, status, score and match rate; each row opens that file's section.

Resumes are personal data and a report may be opened from an e-mail: the page can never
reach the network. A Content-Security-Policy meta tag forbids every fetch
(``default-src 'none'``) and allows only the page's own inline stylesheet and, on a batch
page, its own inline script, each by its SHA-256 hash. There are no style attributes (a
hashed policy would refuse them), no event-handler attributes, no links out of the page, and
every string that came from a document, a file name or a profile is escaped.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Callable, Iterator, Sequence
from html import escape

from resumecheck.actions import Plan, bonus_summary, gains_text, places, plan, shared_gain, target
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
from resumecheck.models import Action, Block, Finding, Kind, Level, Report, Severity
from resumecheck.verdict import FileResult, Status, Tally

_CSS = """
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem auto;
max-width:1100px;padding:0 1rem;color:#1d2327;background:#fff}
h1{font-size:1.6rem}h2{font-size:1.3rem;margin-top:2rem}h3{font-size:1.05rem;margin:1.2rem 0 .3rem}
.file{border-top:1px solid #ccd;margin-top:1.5rem;padding-top:.3rem}
.file>summary{cursor:pointer;font-weight:600;word-break:break-all}
.file>h2{word-break:break-all}
table{border-collapse:collapse;margin:.4rem 0}table.rank{width:100%}
caption{text-align:left}caption h2{display:inline;margin-right:.6rem}
th,td{padding:.25rem .55rem;border-bottom:1px solid #e3e5e8;text-align:left;vertical-align:top}
th{background:#f3f4f6}td.n,th.n{text-align:right}
th button{font:inherit;font-weight:600;border:0;background:none;padding:0;cursor:pointer}
th[aria-sort=ascending] button::after{content:" \\25B2"}
th[aria-sort=descending] button::after{content:" \\25BC"}
.filters{display:flex;flex-wrap:wrap;gap:.4rem 1rem;align-items:end;background:#f7f8fa;
padding:.6rem .8rem;border-radius:6px}
.filters label{display:flex;flex-direction:column;font-size:.85em}
.filters input[type=number]{width:6em}
.ok,.band-strong{color:#116329}.below-threshold,.band-fair{color:#9a3412}
.unreadable,.error,.band-weak{color:#b42318}
.badge{display:inline-block;padding:0 .45rem;border-radius:.6rem;font-size:.85em;border:1px solid}
.sev-error{color:#b42318}.sev-warning{color:#9a3412}.sev-info{color:#1e4e8c}
.score{font-size:1.15rem}.muted,.where{color:#5b6470}.gain{color:#116329;font-weight:600}
code{background:#f3f4f6;padding:0 .25rem;border-radius:3px}
ol.actions li{margin:.35rem 0}q{color:#5b6470}
.doc{border:1px solid #dde1e6;border-radius:6px;padding:.3rem 0;font-size:.95em}
.b{display:grid;grid-template-columns:7.5em 1fr;gap:0 .8rem;padding:.05rem .6rem}
.b:target{background:#fff8d6}
.ln{color:#8a929c;font:12px/1.9 ui-monospace,monospace;text-align:right;white-space:nowrap}
.t{margin:0;white-space:pre-wrap;word-break:break-word}
.h .t{font-weight:700;margin-top:.5rem}
.hid .t{color:#9aa1a9;text-decoration:line-through}
mark{background:#d9f2e1;border-radius:2px;padding:0 1px}
mark.hid{background:#f6d5d5}
.note{grid-column:2;margin:.2rem 0 .4rem;padding:.25rem .5rem;border-left:3px solid;
background:#fafafa;font-size:.92em}
.note.sev-error{border-color:#b42318}.note.sev-warning{border-color:#d97706}
.note.sev-info{border-color:#1e4e8c}.note p{margin:0;color:#1d2327}
meter{width:10em}table.cat td+td{text-align:right}table.cat td:last-child{text-align:left}
@media print{.filters{display:none}.file{break-before:page}}
"""

_SCRIPT = """"use strict";
(function () {
  function cell(row, key) { return row.getAttribute("data-" + key) || ""; }
  function sortBy(table, th) {
    var key = th.getAttribute("data-key"), numeric = th.classList.contains("n");
    var now = th.getAttribute("aria-sort");
    var first = th.getAttribute("data-first") === "desc" ? -1 : 1;
    var dir = now ? (now === "ascending" ? -1 : 1) : first;
    table.querySelectorAll("th[aria-sort]").forEach(function (o) {
      o.removeAttribute("aria-sort");
    });
    th.setAttribute("aria-sort", dir > 0 ? "ascending" : "descending");
    var body = table.tBodies[0], rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = cell(a, key), y = cell(b, key), order = cell(a, "order") - cell(b, "order");
      if (numeric) {
        if (x === "" || y === "") { return (x === "") - (y === "") || order; }
        return dir * (parseFloat(x) - parseFloat(y)) || order;
      }
      return dir * x.localeCompare(y) || order;
    });
    rows.forEach(function (r) { body.appendChild(r); });
  }
  document.querySelectorAll("table.rank").forEach(function (table) {
    table.querySelectorAll("th[data-key] button").forEach(function (button) {
      button.addEventListener("click", function () { sortBy(table, button.parentElement); });
    });
  });
  function value(id) { var el = document.getElementById(id); return el ? el.value.trim() : ""; }
  function atLeast(row, key, min) {
    var v = cell(row, key);
    return !min || (v !== "" && parseFloat(v) >= parseFloat(min));
  }
  function filter() {
    var name = value("f-name").toLowerCase(), kind = value("f-kind"), status = value("f-status");
    var score = value("f-score"), match = value("f-match"), shown = 0, total = 0;
    document.querySelectorAll("table.rank").forEach(function (table) {
      var here = 0;
      Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
        var ok = cell(row, "name").toLowerCase().indexOf(name) >= 0
          && (!kind || cell(row, "kind") === kind) && (!status || cell(row, "status") === status)
          && atLeast(row, "score", score) && atLeast(row, "match", match);
        row.hidden = !ok;
        here += ok ? 1 : 0;
        total += 1;
      });
      shown += here;
      var count = table.querySelector("caption .count");
      if (count) { count.textContent = here + " of " + table.tBodies[0].rows.length + " shown"; }
    });
    var out = document.getElementById("f-count");
    if (out) { out.textContent = shown + " of " + total + " files shown"; }
  }
  document.querySelectorAll(".filters input, .filters select").forEach(function (el) {
    el.addEventListener("input", filter);
    el.addEventListener("change", filter);
  });
  function openTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    for (var el = id ? document.getElementById(id) : null; el; el = el.parentElement) {
      if (el.tagName === "DETAILS") { el.open = true; }
    }
  }
  window.addEventListener("hashchange", openTarget);
  openTarget();
  filter();
}());
"""


def _hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode() + "'"


#: The page's policy: nothing may be fetched, framed, submitted or based elsewhere; only
#: this stylesheet and (on a batch page) this script run, each allowed by its hash.
CSP_ONE = f"default-src 'none'; style-src {_hash(_CSS)}; base-uri 'none'; form-action 'none'"
CSP_BATCH = (f"default-src 'none'; script-src {_hash(_SCRIPT)}; style-src {_hash(_CSS)}; "
             "base-uri 'none'; form-action 'none'")


#: Quotes a posting sentence (and where the posting says it) as HTML.
_Quote = Callable[[str, str], str]


def _e(value: object) -> str:
    return escape(str(value), quote=True)


class HtmlFormatter(Formatter):
    def __init__(self, ctx: RenderContext) -> None:
        super().__init__(ctx)
        #: Per file: its ranking row, its anchor and where its section (rendered as it
        #: finishes) waits.
        self._files: list[tuple[RankRow, str, int]] = []
        self._sections = Spool()
        #: On a batch page the posting's sentences are quoted once, at the top, and each
        #: file's section links to them: (sentence, where in the posting) -> number.
        self._sentences: dict[tuple[str, str], int] = {}

    def add(self, result: FileResult) -> str:
        o = result.outcome
        anchor = f"file-{len(self._files) + 1}"
        batch = self.ctx.batch
        title = _e(o.path)
        if batch:
            state = str(result.verdict.status)
            score = f" · {o.score.value:.1f}" if isinstance(o, Report) else ""
            out = [f'<details class="file" id="{anchor}"><summary>{title}{score} · '
                   f'<span class="{_e(state)}">{_e(state)}</span></summary>']
        else:
            out = [f'<section class="file" id="{anchor}"><h2>{title}</h2>']
        if isinstance(o, Report):
            out += self._report(o, result, anchor)
        else:
            label = "Unreadable" if result.verdict.status == Status.UNREADABLE else "Internal error"
            out.append(f'<p class="unreadable"><strong>{label}:</strong> {_e(o.reason)}</p>')
        out.append("</details>" if batch else "</section>")
        self._files.append((rank_row(result), anchor, self._sections.append("\n".join(out))))
        return ""

    def finish(self, tally: Tally) -> Iterator[str]:
        ctx = self.ctx
        by_row = {id(row): (anchor, index) for row, anchor, index in self._files}
        order = ranked([row for row, _, _ in self._files], ctx.sort)
        fail_under = ctx.thresholds.fail_under
        batch = ctx.batch
        out = [
            "<!DOCTYPE html>",
            '<html lang="en">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta http-equiv="Content-Security-Policy" '
            f'content="{CSP_BATCH if batch else CSP_ONE}">',
            '<meta name="referrer" content="no-referrer">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>Resume check: {_e(ctx.profile)}</title>",
            f"<style>{_CSS}</style>",
            "</head>",
            "<body>",
            f'<h1>Resume check <span class="muted">({_e(ctx.profile)})</span></h1>',
            f"<p>{_e(_counts(order))}"
            + (f"; threshold {fail_under:g}" if fail_under is not None else "")
            + f". resumecheck {_e(ctx.version)}.</p>",
        ]
        yield "\n".join(out)  # then a line at a time: a batch is never held whole
        for line in self._body(order, by_row):
            yield "\n" + line
        yield "\n"
        self._sections.close()

    def _body(self, order: Sequence[RankRow], by_row: dict[int, tuple[str, int]]
              ) -> Iterator[str]:
        """The page's lines after its heading: the tables, each file's section (read back
        from the spool), the posting's sentences."""
        ctx = self.ctx
        batch = ctx.batch
        if batch or not order:
            yield from _tables(order, {id(r): by_row[id(r)][0] for r in order}, ctx.sort)
        if batch and order:
            yield "<h2>Each file</h2>"
        for row in order:
            yield self._sections.get(by_row[id(row)][1])
        if self._sentences:
            # Quoted once for the whole batch; every file's section links here.
            yield ('<details class="posting" id="posting"><summary>The posting\'s sentences '
                   f"({len(self._sentences)})</summary>")
            yield "<ol>"
            for (sentence, where), n in self._sentences.items():
                yield (f'<li id="ps-{n}"><q>{_e(sentence)}</q>'
                       + (f' <span class="muted">({_e(where)})</span>' if where else "")
                       + "</li>")
            yield "</ol>"
            yield "</details>"
        if batch:
            yield f"<script>{_SCRIPT}</script>"
        yield "</body>"
        yield "</html>"

    def _report(self, o: Report, result: FileResult, anchor: str) -> list[str]:
        advice = plan(o)
        full = self.ctx.details
        show_document = bool(o.blocks) and (full or not self.ctx.batch)
        state = result.verdict.status
        out = [
            f'<p class="score"><strong class="band-{_band_class(advice)}">'
            f"{o.score.value:.1f}</strong> / 100: {_e(advice.band.label)} "
            f'<span class="muted">({_e(target())})</span> '
            f'<span class="badge {_e(state)}">{_e(state)}</span></p>',
            f"<p>{_e(str(o.kind))} · {_e(document_facts(o))} · profile {_e(o.profile)} "
            f"{_e(o.profile_version)}</p>",
        ]
        if o.job is not None:
            out.append(f"<p>{match_sentence(o, _e)}</p>")
        for reason in result.verdict.reasons:
            out.append(f'<p class="below-threshold">Below threshold: {_e(reason)}</p>')
        prefix = anchor.removeprefix("file-")
        link = (lambda a: _block_link(prefix, a)) if show_document else (lambda a: None)
        quote = self._quote
        if advice.first:
            out += ["<h3>What to change first</h3>", '<ol class="actions">']
            for number, a in enumerate(advice.first, 1):
                quoted = advice.quoted_in(a.posting_sentence) == number
                out.append(f"<li>{_action(a, link(a), quote if quoted else None)}</li>")
            out.append("</ol>")
        placed: set[int] = set()
        if show_document:
            placed = {id(f) for f in advice.findings
                      if f.location is not None and f.location.block is not None
                      and 0 <= f.location.block < len(o.blocks)}
        rest = [f for f in advice.findings if id(f) not in placed]
        if rest:
            title = "Findings about the whole document" if show_document else "Findings"
            out += [f"<h3>{title}</h3>", "<ul>"]
            out += [f"<li>{_finding(f, full)}</li>" for f in _shown_findings(rest, full)]
            infos = _info_counts(rest, full)
            if infos:
                out.append(f'<li><span class="sev-info">info</span> {infos} '
                           '<span class="muted">(add --details)</span></li>')
            out.append("</ul>")
        if show_document:
            out += _document(o, prefix, [f for f in advice.findings if id(f) in placed])
        out += _missing(advice, full, quote)
        out += _categories(o)
        if full and not show_document:
            out += _found_terms(o)
        return out

    def _quote(self, sentence: str, where: str) -> str:
        """A posting sentence: quoted in place on one file's page, and on a batch page a
        link to the one place it is quoted."""
        if not self.ctx.batch:
            return f"<q>{_e(sentence)}</q>" + (f" ({_e(where)})" if where else "")
        n = self._sentences.setdefault((sentence, where), len(self._sentences) + 1)
        return f'<a href="#ps-{n}">posting sentence {n}</a>' + (f" ({_e(where)})" if where
                                                              else "")


# --------------------------------------------------------------------------- pieces


def _counts(order: Sequence[RankRow]) -> str:
    """"12 files checked: 9 resumes, 2 cover letters, 1 unreadable"."""
    letters = sum(1 for r in order if r.readable and r.kind == Kind.COVER_LETTER)
    resumes = sum(1 for r in order if r.readable) - letters
    unreadable = len(order) - resumes - letters

    def n(count: int, word: str) -> str:
        return f"{count} {word}{'' if count == 1 else 's'}"

    return (f"{n(len(order), 'file')} checked: {n(resumes, 'resume')}, "
            f"{n(letters, 'cover letter')}, {unreadable} unreadable")


def _band_class(advice: Plan) -> str:
    return advice.band.label.split()[0]


def _action(a: Action, link: str | None, quote: _Quote | None) -> str:
    """One action; ``quote`` quotes its posting sentence (None: quoted by an earlier one)."""
    if a.severity is not None:
        head = (f'<span class="sev-{_e(a.severity)}">{_e(a.severity)}</span> '
                f"<code>{_e(a.code or '')}</code> {_e(a.title)}")
    else:
        head = f"<strong>{_e(a.title)}</strong>"
    gains = gains_text(a)
    if gains:
        head += f' <span class="gain">{_e(gains)}</span>'
    parts = [head]
    how = []
    if a.where:
        where = f'<a href="#{link}">{_e(a.where)}</a>' if link else _e(a.where)
        how.append(f'<span class="where">Where: {where}.</span>')
    if a.advice:
        how.append(_e(a.advice))
    if how:
        parts.append("<br>" + " ".join(how))
    if a.posting_sentence and quote is not None:
        parts.append(f"<br>The posting: {quote(a.posting_sentence, a.posting_where)}")
    return "".join(parts)


def _block_link(prefix: str, a: Action) -> str | None:
    if a.location is None or a.location.block is None:
        return None
    return f"f{prefix}-b{a.location.block}"


def _shown_findings(findings: Sequence[Finding], full: bool) -> list[Finding]:
    return [f for f in findings if full or f.severity != Severity.INFO]


def _info_counts(findings: Sequence[Finding], full: bool) -> str:
    if full:
        return ""
    counts: dict[str, int] = {}
    for f in findings:
        if f.severity == Severity.INFO:
            counts[f.code] = counts.get(f.code, 0) + 1
    return ", ".join(f"<code>{_e(code)}</code> x{n}" for code, n in counts.items())


def _finding(f: Finding, full: bool) -> str:
    where = (f' <span class="muted">({_e(f.location.describe())})</span>'
             if f.location is not None else "")
    fix = f"<br>{_e(f.fix)}" if f.fix else ""
    return (f'<span class="sev-{_e(f.severity)}">{_e(f.severity)}</span> '
            f"<code>{_e(f.code)}</code>{where}: {_e(f.message)}{fix}")


def _missing(advice: Plan, full: bool, quote: _Quote) -> list[str]:
    out: list[str] = []
    if advice.posting:
        out += ["<h3>Posting terms still missing</h3>", "<ul>"]
        for group in advice.posting:
            shared = shared_gain(group.actions)
            terms = "; ".join(
                f"<strong>{_e(a.term)}</strong>"
                + (f' <span class="gain">{_e(gains_text(a))}</span>' if shared is None else "")
                for a in group.actions)
            if shared:
                terms += f' <span class="gain">{_e(shared)}</span>'
            quoted = advice.quoted_in(group.sentence)
            said = (f": the posting sentence of action {quoted}" if quoted
                    else f": {quote(group.sentence, group.posting_where)}" if group.sentence
                    else "")
            item = f"<li>{terms}{said}"
            if full:
                item += "<ul>" + "".join(
                    f"<li>{_e(a.term)}: " + _e(". ".join(x for x in (a.where, a.advice) if x))
                    + "</li>" for a in group.actions) + "</ul>"
            out.append(item + "</li>")
        out.append("</ul>")
    if advice.terms:
        out += ["<h3>Profile terms still missing</h3>", "<ul>"]
        for level, acts in advice.terms:
            if full:
                out.append(f"<li>{_e(level)} ({len(acts)})<ul>" + "".join(
                    f"<li><strong>{_e(a.term)}</strong> "
                    f'<span class="gain">{_e(gains_text(a))}</span>'
                    + (f'; <span class="where">{_e(a.where)}</span>' if a.where else "")
                    + (f": {_e(a.advice)}" if a.advice else "") + "</li>" for a in acts)
                    + "</ul></li>")
            elif level == Level.BONUS:
                out.append(f"<li>{_e(level)} ({len(acts)}): {_e(bonus_summary(acts))} "
                           '<span class="muted">(add --details)</span></li>')
            else:
                out.append(f"<li>{_e(level)} ({len(acts)}): "
                           + ", ".join(_e(a.term) for a in acts) + "</li>")
        out.append("</ul>")
    return out


def _categories(o: Report) -> list[str]:
    if not o.score.categories:
        return []
    out = ["<h3>Score by category</h3>", '<table class="cat">',
           "<thead><tr><th>Category</th><th>Weight</th><th>Terms</th><th>Points</th>"
           "<th>Share</th></tr></thead>", "<tbody>"]
    for c in o.score.categories:
        share = min(max(c.ratio, 0.0), 1.0)
        # A meter is 0 to 1 by default; the share is also written out for screen readers.
        out.append(
            f"<tr><td>{_e(c.title)}</td><td>{c.weight:g}</td><td>{c.terms_found}/"
            f"{c.terms_total}</td><td>{c.found:g}/{c.possible:g}</td>"
            f'<td><meter value="{share:.2f}"></meter> {100 * share:.0f}%</td></tr>')
    from resumecheck.scoring import RULE

    out += ["</tbody>", "</table>", f'<p class="rule">{_e(RULE)}</p>']
    return out


def _found_terms(o: Report) -> list[str]:
    found = [t for t in o.terms if t.found]
    if not found:
        return []
    out = ["<h3>Found terms</h3>", "<table>",
           "<thead><tr><th>Term</th><th>Level</th><th>Where</th></tr></thead>", "<tbody>"]
    for t in found:
        out.append(f"<tr><td>{_e(t.term)}</td><td>{_e(t.level)}</td>"
                   f"<td>{_e('; '.join(places(t.matches)))}</td></tr>")
    out += ["</tbody>", "</table>"]
    return out


# --------------------------------------------------------------------------- the document


def _document(o: Report, prefix: str, findings: Sequence[Finding]) -> list[str]:
    """The document as read: each block with its place, found terms marked, findings below
    the block they are about."""
    notes: dict[int, list[Finding]] = {}
    for f in findings:
        if f.location is not None and f.location.block is not None:
            notes.setdefault(f.location.block, []).append(f)
    marks = _marks(o)
    out = ["<h3>The document as read</h3>",
           '<p class="muted">Found terms are <mark>marked</mark>; text a reader cannot see is '
           '<span class="hid">struck through</span> and not counted; each finding sits under '
           "the text it is about.</p>",
           '<div class="doc">']
    for i, block in enumerate(o.blocks):
        classes = "b" + (" h" if block.is_heading else "") + (" hid" if block.hidden else "")
        out.append(f'<div class="{classes}" id="f{prefix}-b{i}">'
                   f'<span class="ln">{_e(_gutter(block))}</span>'
                   f'<p class="t">{_marked(block.text, marks.get(i, ()))}</p>')
        for f in notes.get(i, ()):
            fix = f"<p>{_e(f.fix)}</p>" if f.fix else ""
            out.append(f'<div class="note sev-{_e(f.severity)}"><strong>{_e(f.severity)} '
                       f"<code>{_e(f.code)}</code></strong> {_e(f.message)}{fix}</div>")
        out.append("</div>")
    out.append("</div>")
    return out


def _gutter(block: Block) -> str:
    place = f"p.{block.page} l.{block.line}" if block.page is not None else f"l.{block.line}"
    origin = str(block.origin)
    return place if origin == "body" else f"{origin} {place}"


#: (start, end, label, hidden) within a block's text.
_Mark = tuple[int, int, str, bool]


def _marks(o: Report) -> dict[int, list[_Mark]]:
    """Where each found term sits in its block, as offsets into the block's text.

    A match's offsets count from the start of the document as read; when the report was
    redacted a block's text may have changed length, so a match is then looked up by its
    wording from the previous mark on (and left unmarked if it is gone)."""
    starts: list[int] = []
    pos = 0
    for b in o.blocks:
        starts.append(pos)
        pos += len(b.text) + 1
    per_block: dict[int, list[tuple[int, str, str, bool]]] = {}
    for t in o.terms:
        label = f"{t.term} ({t.level})"
        for m in t.matches:
            i = m.location.block
            if i is None or not 0 <= i < len(o.blocks) or not m.surface:
                continue
            per_block.setdefault(i, []).append((m.start - starts[i], m.surface, label, m.hidden))
    out: dict[int, list[_Mark]] = {}
    for i, found in per_block.items():
        text = o.blocks[i].text
        spans: list[_Mark] = []
        cursor = 0
        for rel, surface, label, hidden in sorted(found):
            if text[rel:rel + len(surface)] == surface and rel >= 0:
                at = rel
            else:
                at = text.find(surface, cursor)
                if at < 0:
                    continue
            cursor = at
            spans.append((at, at + len(surface), label, hidden))
        out[i] = _merge(spans)
    return out


def _merge(spans: list[_Mark]) -> list[_Mark]:
    """Overlapping marks become one mark (the longest's extent) naming every term in it."""
    merged: list[_Mark] = []
    for start, end, label, hidden in sorted(spans, key=lambda s: (s[0], -s[1])):
        if merged and start < merged[-1][1]:
            s0, e0, l0, h0 = merged[-1]
            labels = l0 if label in l0.split("; ") else f"{l0}; {label}"
            merged[-1] = (s0, max(e0, end), labels, h0 and hidden)
        else:
            merged.append((start, end, label, hidden))
    return merged


def _marked(text: str, marks: Sequence[_Mark]) -> str:
    parts: list[str] = []
    pos = 0
    for start, end, label, hidden in marks:
        parts.append(_e(text[pos:start]))
        cls = ' class="hid"' if hidden else ""
        note = "; hidden: not counted" if hidden else ""
        parts.append(f'<mark{cls} title="{_e(label + note)}">{_e(text[start:end])}</mark>')
        pos = end
    parts.append(_e(text[pos:]))
    return "".join(parts)


# --------------------------------------------------------------------------- the batch table

_COLUMNS = (
    # (heading, data key, numeric, first sort direction)
    ("Rank", "rank", True, "asc"),
    ("File", "name", False, "asc"),
    ("Score", "score", True, "desc"),
    ("Match rate", "match", True, "desc"),
    ("Missing required", "missing", True, "asc"),
    ("Errors", "errors", True, "desc"),
    ("Warnings", "warnings", True, "desc"),
    ("Status", "status", False, "asc"),
)
_FAILED_COLUMNS = (("File", "name", False, "asc"), ("Status", "status", False, "asc"),
                   ("Reason", "reason", False, "asc"))


def _tables(order: Sequence[RankRow], anchors: dict[int, str], sort: str) -> Iterator[str]:
    """The filters, then one table of resumes, one of cover letters, one of unreadable files
    (line by line: a table of any size is never held whole)."""
    yield from [
        '<div class="filters" role="search">',
        '<label>Name <input type="search" id="f-name" placeholder="part of a file name"></label>',
        '<label>Kind <select id="f-kind"><option value="">any</option>'
        f'<option value="{Kind.RESUME}">resume</option>'
        f'<option value="{Kind.COVER_LETTER}">cover letter</option></select></label>',
        '<label>Status <select id="f-status"><option value="">any</option>'
        + "".join(f'<option value="{s}">{s}</option>' for s in Status) + "</select></label>",
        '<label>Score at least <input type="number" id="f-score" min="0" max="100" step="1">'
        "</label>",
        '<label>Match rate at least <input type="number" id="f-match" min="0" max="100" '
        'step="1"></label>',
        '<output id="f-count"></output>',
        "</div>",
    ]
    groups = (("Resumes", [r for r in order if r.readable and r.kind != Kind.COVER_LETTER]),
              ("Cover letters", [r for r in order if r.readable and r.kind == Kind.COVER_LETTER]),
              ("Unreadable files", [r for r in order if not r.readable]))
    position = 0
    for title, rows in groups:
        if not rows:
            yield from (f"<h2>{title} (0)</h2>", '<p class="muted">None.</p>')
            continue
        failed = title == "Unreadable files"
        columns = _FAILED_COLUMNS if failed else _COLUMNS
        ranks = score_ranks(rows, sort)
        yield from (f'<table class="rank" id="t-{title.split()[0].lower()}">',
                f'<caption><h2>{title} ({len(rows)})</h2><span class="count muted"></span>'
                "</caption>",
                "<thead><tr>" + "".join(
                    f'<th class="{"n" if numeric else "s"}" data-key="{key}" '
                    f'data-first="{first}"><button type="button">{heading}</button></th>'
                    for heading, key, numeric, first in columns) + "</tr></thead>",
                "<tbody>")
        for i, row in enumerate(rows):
            link = f'<a href="#{anchors[id(row)]}">{_e(row.path)}</a>'
            common = (f'data-order="{position}" data-name="{_e(row.path)}" '
                      f'data-status="{_e(row.status)}"')
            position += 1
            if failed:
                yield (f'<tr {common} data-kind="" data-score="" data-match="" '
                           f'data-reason="{_e(row.reason)}"><td>{link}</td>'
                           f'<td class="{_e(row.status)}">{_e(row.status)}</td>'
                           f"<td>{_e(row.reason)}</td></tr>")
                continue
            rate = "" if row.match_rate is None else format_number(row.match_rate)
            yield (
                f'<tr {common} data-kind="{_e(row.kind)}" data-rank="{ranks[i]}" '
                f'data-score="{row.score:.1f}" data-match="{rate}" '
                f'data-missing="{len(row.missing_required)}" data-errors="{row.errors}" '
                f'data-warnings="{row.warnings}">'
                f'<td class="n">{ranks[i]}</td><td>{link}</td>'
                f'<td class="n">{row.score:.1f}</td><td class="n">{rate}</td>'
                f'<td class="n">{len(row.missing_required)}</td>'
                f'<td class="n">{row.errors}</td><td class="n">{row.warnings}</td>'
                f'<td class="{_e(row.status)}">{_e(row.status)}</td></tr>')
        yield "</tbody>"
        yield "</table>"
