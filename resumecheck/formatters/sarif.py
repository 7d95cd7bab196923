"""``--format sarif``: SARIF 2.1.0, for GitHub code scanning and other SARIF readers.

One run: the tool with every rule (id, name, short and full description, help, default
level), one result per finding, one artifact per document (its score and verdict in its
properties), and one invocation with the exit code; an unreadable document is a tool
execution notification. Results stream out as files are checked.

Where a finding is: ``region.startLine`` is the line as :func:`ci.position` counts it
(for a PDF, the line on its page, with the page in the location's ``properties.page``);
a finding about the whole document is at line 1, as GitHub needs a start line. Fixes are
advice in words, not edits, so they are in the message and in ``properties.fix``, never
in SARIF ``fixes`` (which must be text replacements).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

from resumecheck.formatters.base import Formatter, RenderContext, Spool
from resumecheck.formatters.ci import (
    SARIF_LEVEL,
    Fingerprints,
    finding_fingerprint,
    position,
    run_path,
)
from resumecheck.models import Finding, Report
from resumecheck.verdict import FileResult, Status, Tally

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SRCROOT = "%SRCROOT%"
_FINGERPRINT_KEY = "resumecheck/v1"


def _dump(value: Any, indent: int) -> str:
    """``value`` as indented JSON, its lines after the first shifted by ``indent``."""
    text = json.dumps(value, indent=2, sort_keys=True, ensure_ascii=False)
    return text.replace("\n", "\n" + " " * indent)


def uri(path: str) -> str:
    """A SARIF ``uri`` (a URI reference) for a report path: relative to the run's folder
    when inside it, a ``file://`` URI when absolute, percent-encoded either way."""
    shown = run_path(path)
    if shown.startswith("/"):
        return "file://" + quote(shown, safe="/")
    return quote(shown, safe="/")


def rule_descriptor(rule: Any) -> dict[str, Any]:
    level = SARIF_LEVEL[rule.severity]
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.explanation or rule.summary},
        "help": {"text": f"Fix: {rule.fix}"},
        "defaultConfiguration": {"level": level},
        "properties": {
            "tags": [rule.family],
            "problem.severity": "recommendation" if level == "note" else level,
        },
    }


class SarifFormatter(Formatter):
    def __init__(self, ctx: RenderContext) -> None:
        super().__init__(ctx)
        #: Each file's artifact and each unreadable file's notification, written out as
        #: the file finishes (indented where it goes) and kept in a spool until the end.
        self.artifacts = Spool()
        self.notifications = Spool()
        self.rule_index: dict[str, int] = {}
        self.results = 0
        self.fingerprints = Fingerprints()

    def start(self) -> str:
        from resumecheck.checks import all_rules

        rules = sorted(all_rules().values(), key=lambda r: r.code)
        self.rule_index = {r.code: i for i, r in enumerate(rules)}
        tool = {"driver": {"name": "resumecheck", "version": self.ctx.version,
                           "semanticVersion": self.ctx.version,
                           "rules": [rule_descriptor(r) for r in rules]}}
        return ("{\n"
                f'  "$schema": {json.dumps(SCHEMA)},\n'
                '  "version": "2.1.0",\n'
                '  "runs": [\n'
                "    {\n"
                f'      "tool": {_dump(tool, 6)},\n'
                '      "results": [')

    def _location(self, path: str, index: int) -> dict[str, Any]:
        return {"uri": uri(path), "uriBaseId": SRCROOT, "index": index}

    def add(self, result: FileResult) -> str:
        outcome = result.outcome
        index = len(self.artifacts)
        verdict = result.verdict
        properties: dict[str, Any] = {"status": str(verdict.status)}
        if verdict.reasons:
            properties["reasons"] = list(verdict.reasons)
        if not isinstance(outcome, Report):
            properties["reason"] = outcome.reason
            self.artifacts.append(_dump({"location": self._location(outcome.path, index),
                                         "roles": ["analysisTarget"],
                                         "properties": properties}, _ARTIFACT))
            self.notifications.append(_dump({
                "level": "error",
                "message": {"text": f"{outcome.path}: {outcome.reason}"},
                "locations": [{"physicalLocation": {
                    "artifactLocation": self._location(outcome.path, index)}}],
                "descriptor": {"id": "internal-error" if verdict.status == Status.ERROR
                               else "unreadable"},
            }, _NOTIFICATION))
            return ""
        properties.update({"format": outcome.document.format, "kind": str(outcome.kind),
                           "score": round(outcome.score.value, 1)})
        if outcome.job is not None and outcome.job.match_rate is not None:
            properties["matchRate"] = round(float(outcome.job.match_rate), 1)
        self.artifacts.append(_dump({"location": self._location(outcome.path, index),
                                     "roles": ["analysisTarget"], "properties": properties},
                                    _ARTIFACT))
        parts = []
        for finding in outcome.findings:
            prefix = "," if self.results else ""
            self.results += 1
            parts.append(f"{prefix}\n        {_dump(self._result(outcome, finding, index), 8)}")
        return "".join(parts)

    def _result(self, report: Report, finding: Finding, index: int) -> dict[str, Any]:
        start_line, second = position(report.document.format, finding.location)
        loc = finding.location
        location: dict[str, Any] = {"physicalLocation": {
            "artifactLocation": self._location(report.path, index),
            "region": {"startLine": second if report.document.format == "pdf" else start_line},
        }}
        extra = {}
        if loc is not None:
            if loc.page is not None:
                extra["page"] = loc.page
            if loc.section:
                extra["section"] = loc.section
            if loc.origin is not None:
                extra["origin"] = str(loc.origin)
        if extra:
            location["properties"] = extra
        text = finding.message + (f"\nFix: {finding.fix}" if finding.fix else "")
        base = finding_fingerprint(run_path(report.path), finding)
        result: dict[str, Any] = {
            "ruleId": finding.code,
            "level": SARIF_LEVEL[finding.severity],
            "message": {"text": text},
            "locations": [location],
            "partialFingerprints": {_FINGERPRINT_KEY: self.fingerprints(base, report.path)},
            "properties": {"fix": finding.fix, "severity": str(finding.severity)},
        }
        if finding.code in self.rule_index:
            result["ruleIndex"] = self.rule_index[finding.code]
        return result

    def finish(self, tally: Tally) -> Iterator[str]:
        code = tally.exit_code()
        invocation: dict[str, Any] = {
            "executionSuccessful": tally.errors == 0,
            "exitCode": int(code),
            "exitCodeDescription": code.name.lower().replace("_", "-"),
            "toolExecutionNotifications": [_STAND_IN] if len(self.notifications) else [],
            "properties": {
                "profile": self.ctx.profile,
                "failUnder": self.ctx.thresholds.fail_under,
                "failOn": (str(self.ctx.thresholds.fail_on)
                           if self.ctx.thresholds.fail_on is not None else None),
                "files": tally.files, "passed": tally.passed,
                "unreadable": tally.unreadable, "internalErrors": tally.errors,
            },
        }
        base = {SRCROOT: {"description": {"text": "The folder resumecheck was run in."}}}
        closing = "\n      " if self.results else ""
        yield f"{closing}],\n" + '      "artifacts": '
        # The kept items go where json.dumps would put them: "[", each item on its own
        # lines one level in, "]" (or "[]" when there is none).
        yield from _items(self.artifacts, _ARTIFACT)
        invocations = _dump([invocation], 6)
        head, _, tail = invocations.partition(json.dumps(_STAND_IN))
        if len(self.notifications):
            # The stand-in stands alone in the array where the notifications go.
            opening = "[\n" + " " * _NOTIFICATION
            closing = "\n" + " " * (_NOTIFICATION - 2) + "]"
            assert head.endswith(opening) and tail.startswith(closing)
            yield ",\n" + '      "invocations": ' + head[:-len(opening)]
            yield from _items(self.notifications, _NOTIFICATION)
            tail = tail[len(closing):]
        else:
            yield ",\n" + '      "invocations": ' + head
        yield (tail + ",\n"
               f'      "originalUriBaseIds": {_dump(base, 6)},\n'
               '      "columnKind": "unicodeCodePoints"\n'
               "    }\n"
               "  ]\n"
               "}\n")
        self.artifacts.close()
        self.notifications.close()


#: How deep artifacts (runs[0].artifacts[i]) and notifications
#: (runs[0].invocations[0].toolExecutionNotifications[i]) are indented.
_ARTIFACT = 8
_NOTIFICATION = 12
_STAND_IN = "resumecheck-notifications-go-here"


def _items(spool: Spool, indent: int) -> Iterator[str]:
    """A JSON array of the items in ``spool`` (each already indented ``indent`` deep)."""
    if not len(spool):
        yield "[]"
        return
    for i, item in enumerate(spool):
        yield ("[" if i == 0 else ",") + "\n" + " " * indent + item
    yield "\n" + " " * (indent - 2) + "]"


__all__ = ["SarifFormatter", "uri"]
