"""JUnit XML for CI: each file is a test case; below threshold fails, unreadable errors."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass

from resumecheck.formatters.base import Formatter, RenderContext, rate_phrase
from resumecheck.models import Level, Report, Severity
from resumecheck.verdict import FileResult, Tally

#: Characters XML 1.0 cannot carry at all (control characters from a damaged file name or
#: an extracted text); replaced rather than producing a report no CI server can parse.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_text(value: str) -> str:
    return _XML_ILLEGAL.sub("\ufffd", value)


def unique_names(paths: Sequence[str]) -> list[str]:
    """Paths made unique (``a.pdf``, ``a.pdf (2)``) so no CI server merges two cases."""
    seen: set[str] = set()
    names = []
    for path in paths:
        name = path
        n = 2
        while name in seen:
            name = f"{path} ({n})"
            n += 1
        seen.add(name)
        names.append(name)
    return names


def _failure_body(outcome: Report) -> str:
    lines = [f"score {outcome.score.value:.1f}"]
    missing = outcome.missing(Level.REQUIRED)
    if missing:
        lines.append("missing required terms:")
        lines += [f"  - {t.term}: {t.tip}" if t.tip else f"  - {t.term}" for t in missing]
    errors = [f for f in outcome.findings if f.severity == Severity.ERROR]
    if errors:
        lines.append("errors:")
        for f in errors:
            where = f" ({f.location.describe()})" if f.location is not None else ""
            lines.append(f"  - {f.code}{where}: {f.message}")
    return "\n".join(lines) + "\n"


@dataclass(frozen=True, slots=True)
class _Case:
    """One test case's text, worked out as the file finishes."""

    path: str
    #: Set for a file that could not be checked: (status, reason).
    error: tuple[str, str] | None = None
    #: Set for a file below the thresholds: (message, body).
    failure: tuple[str, str] | None = None
    summary: str = ""


class JUnitFormatter(Formatter):
    def __init__(self, ctx: RenderContext) -> None:
        super().__init__(ctx)
        self._cases: list[_Case] = []

    def add(self, result: FileResult) -> str:
        outcome = result.outcome
        if not isinstance(outcome, Report):
            case = _Case(outcome.path, error=(str(result.verdict.status), outcome.reason))
        else:
            failure = None
            if not result.verdict.passed:
                failure = ("; ".join(result.verdict.reasons), _failure_body(outcome))
            case = _Case(outcome.path, failure=failure, summary=_summary(outcome))
        self._cases.append(case)
        return ""

    def finish(self, tally: Tally) -> str:
        cases = self._cases
        ctx = self.ctx
        failures = sum(1 for c in cases if c.failure is not None)
        errors = sum(1 for c in cases if c.error is not None)
        counts = {"tests": str(len(cases)), "failures": str(failures), "errors": str(errors)}
        root = ET.Element("testsuites", {"name": "resumecheck", **counts})
        suite = ET.SubElement(root, "testsuite", {"name": "resumecheck", **counts, "skipped": "0"})
        props = ET.SubElement(suite, "properties")
        ET.SubElement(props, "property", {"name": "profile", "value": xml_text(ctx.profile)})
        ET.SubElement(props, "property", {"name": "version", "value": xml_text(ctx.version)})
        thresholds = ctx.thresholds
        if thresholds.fail_under is not None:
            ET.SubElement(props, "property",
                          {"name": "fail-under", "value": f"{thresholds.fail_under:g}"})
        if thresholds.fail_on is not None:
            ET.SubElement(props, "property",
                          {"name": "fail-on", "value": thresholds.fail_on.value})
        names = unique_names([c.path for c in cases])
        for case_data, name in zip(cases, names, strict=True):
            case = ET.SubElement(
                suite, "testcase", {"classname": "resumecheck", "name": xml_text(name)}
            )
            if case_data.error is not None:
                kind, reason = case_data.error
                error = ET.SubElement(case, "error", {"message": xml_text(reason), "type": kind})
                error.text = xml_text(f"{case_data.path}: {reason}\n")
                continue
            if case_data.failure is not None:
                message, body = case_data.failure
                failure = ET.SubElement(
                    case, "failure", {"message": xml_text(message), "type": "below-threshold"}
                )
                failure.text = xml_text(body)
            out = ET.SubElement(case, "system-out")
            out.text = xml_text(case_data.summary)
        ET.indent(root, space="  ")
        return (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            + ET.tostring(root, encoding="unicode", short_empty_elements=True)
            + "\n"
        )


def _summary(outcome: Report) -> str:
    lines = [f"score {outcome.score.value:.1f} ({str(outcome.kind)})"]
    if outcome.job is not None:
        lines.append(f"{rate_phrase(outcome)} "
                     f"{outcome.job.posting_path}")
    for c in outcome.score.categories:
        lines.append(
            f"{c.title}: {c.found:g}/{c.possible:g} ({100 * c.ratio:.0f}%), "
            f"{c.terms_found}/{c.terms_total} terms"
        )
    return "\n".join(lines) + "\n"
