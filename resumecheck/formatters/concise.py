"""``--format concise``: one line per finding, ``path:A:B: CODE message``, the convention
editors (Vim's errorformat, Emacs compile mode, VS Code problem matchers) and CI log parsers
read. What A and B are for each document format: :func:`ci.position`."""

from __future__ import annotations

from resumecheck.formatters.base import Formatter, RenderContext, rate_phrase
from resumecheck.formatters.ci import one_line, origin_note, position
from resumecheck.models import Report
from resumecheck.verdict import FileResult, Status, Tally


class ConciseFormatter(Formatter):
    def __init__(self, ctx: RenderContext) -> None:
        super().__init__(ctx)
        self.findings = 0

    def add(self, result: FileResult) -> str:
        outcome = result.outcome
        if not isinstance(outcome, Report):
            what = "internal error" if result.verdict.status == Status.ERROR else "unreadable"
            return f"{outcome.path}:1:1: {what}: {one_line(outcome.reason)}\n"
        lines = []
        for f in outcome.findings:
            a, b = position(outcome.document.format, f.location)
            lines.append(f"{outcome.path}:{a}:{b}: {f.code} {one_line(f.message)}"
                         f"{origin_note(f.location)}\n")
        self.findings += len(outcome.findings)
        lines += [f"{outcome.path}:1:1: below threshold: {reason}\n"
                  for reason in result.verdict.reasons]
        # The document's score, without a line number: parsers of path:line:col: skip it.
        summary = f"{outcome.path}: score {outcome.score.value:.1f}"
        if outcome.job is not None:
            summary += f", {rate_phrase(outcome)}"
        return "".join(lines) + summary + "\n"

    def finish(self, tally: Tally) -> str:
        files = f"{tally.files} file{'s' if tally.files != 1 else ''}"
        found = f"Found {self.findings} finding{'s' if self.findings != 1 else ''} in {files}"
        extra = []
        if tally.checked - tally.passed:
            extra.append(f"{tally.checked - tally.passed} below threshold")
        if tally.unreadable:
            extra.append(f"{tally.unreadable} unreadable")
        if tally.errors:
            extra.append(f"{tally.errors} internal error{'s' if tally.errors != 1 else ''}")
        return found + (f" ({', '.join(extra)})" if extra else "") + ".\n"
