"""JUnit XML for CI: each file is a test case; below threshold fails, unreadable errors."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass

from resumecheck.formatters.base import Formatter, RenderContext, Spool, rate_phrase
from resumecheck.models import Level, Report, Severity
from resumecheck.verdict import FileResult, Tally

#: Characters XML 1.0 cannot carry at all (control characters from a damaged file name or
#: an extracted text); replaced rather than producing a report no CI server can parse.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_text(value: str) -> str:
    return _XML_ILLEGAL.sub("\ufffd", value)


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
    """Each file's test case is written out as the file finishes and waits in a
    :class:`~resumecheck.formatters.base.Spool`; only the counts the header needs, and the
    names given so far (to keep them unique), stay in memory."""

    def __init__(self, ctx: RenderContext) -> None:
        super().__init__(ctx)
        self._cases = Spool()
        self._names: set[str] = set()
        self._failures = 0
        self._errors = 0

    def add(self, result: FileResult) -> str:
        outcome = result.outcome
        if not isinstance(outcome, Report):
            case = _Case(outcome.path, error=(str(result.verdict.status), outcome.reason))
        else:
            failure = None
            if not result.verdict.passed:
                failure = ("; ".join(result.verdict.reasons), _failure_body(outcome))
            case = _Case(outcome.path, failure=failure, summary=_summary(outcome))
        self._failures += case.failure is not None
        self._errors += case.error is not None
        self._cases.append(self._case_xml(case))
        return ""

    def _unique(self, path: str) -> str:
        """``path``, or ``path (2)``... when an earlier case has that name, so no CI server
        merges two cases."""
        name = path
        n = 2
        while name in self._names:
            name = f"{path} ({n})"
            n += 1
        self._names.add(name)
        return name

    def _case_xml(self, case_data: _Case) -> str:
        """The case's element as it is written inside the suite (indented two levels)."""
        case = ET.Element("testcase",
                          {"classname": "resumecheck", "name": xml_text(self._unique(
                              case_data.path))})
        if case_data.error is not None:
            kind, reason = case_data.error
            error = ET.SubElement(case, "error", {"message": xml_text(reason), "type": kind})
            error.text = xml_text(f"{case_data.path}: {reason}\n")
        else:
            if case_data.failure is not None:
                message, body = case_data.failure
                failure = ET.SubElement(
                    case, "failure", {"message": xml_text(message), "type": "below-threshold"}
                )
                failure.text = xml_text(body)
            out = ET.SubElement(case, "system-out")
            out.text = xml_text(case_data.summary)
        ET.indent(case, space="  ", level=2)
        return ET.tostring(case, encoding="unicode", short_empty_elements=True)

    def finish(self, tally: Tally) -> Iterator[str]:
        ctx = self.ctx
        total = len(self._cases)
        counts = {"tests": str(total), "failures": str(self._failures),
                  "errors": str(self._errors)}
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
        # The cases go where a stand-in case sits in the indented document.
        if total:
            ET.SubElement(suite, "testcase", {"name": _STAND_IN})
        ET.indent(root, space="  ")
        document = ('<?xml version="1.0" encoding="UTF-8"?>\n'
                    + ET.tostring(root, encoding="unicode", short_empty_elements=True) + "\n")
        if not total:
            yield document
            return
        head, tail = document.split(f'<testcase name="{_STAND_IN}" />')
        yield head
        for i, case in enumerate(self._cases):
            yield case if i == 0 else "\n    " + case
        yield tail
        self._cases.close()


_STAND_IN = "resumecheck-cases-go-here"


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
