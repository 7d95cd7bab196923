"""GitHub Actions workflow commands: each finding becomes an annotation on its file."""

from __future__ import annotations

from resumecheck.formatters.base import Formatter, rate_phrase
from resumecheck.models import Finding, Report, Severity
from resumecheck.verdict import FileResult

_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(value: str) -> str:
    """Escape a message the way the Actions runner expects (actions/toolkit ``escapeData``)."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    """Escape a property value (``file=``, ``title=``): also ``:`` and ``,``."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def command(name: str, message: str, **properties: str | int | None) -> str:
    props = ",".join(
        f"{key}={escape_property(str(value))}"
        for key, value in properties.items()
        if value is not None
    )
    return f"::{name}{' ' + props if props else ''}::{escape_data(message)}\n"


def _finding_line(path: str, finding: Finding) -> str:
    line = finding.location.line if finding.location is not None else None
    message = finding.message
    if finding.fix:
        message = f"{message}\n{finding.fix}"
    return command(_COMMAND[finding.severity], message, file=path, line=line, title=finding.code)


class GithubFormatter(Formatter):
    def add(self, result: FileResult) -> str:
        outcome = result.outcome
        if not isinstance(outcome, Report):
            return command("error", outcome.reason, file=outcome.path)
        summary = f"score {outcome.score.value:.1f}"
        if outcome.job is not None:
            summary += f"; {rate_phrase(outcome)}"
        lines = [command("notice", summary, file=outcome.path, title="resumecheck")]
        lines += [_finding_line(outcome.path, f) for f in outcome.findings]
        lines += [command("error", r, file=outcome.path) for r in result.verdict.reasons]
        return "".join(lines)
