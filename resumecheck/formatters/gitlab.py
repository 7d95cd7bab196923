"""``--format gitlab``: GitLab Code Quality JSON (a subset of the Code Climate issue format).

A JSON array of issues, each with the fields GitLab documents: ``description``,
``check_name`` (the finding code), ``fingerprint`` (a hash of path, code, location and
message, unique within the report), ``severity`` (error -> major, warning -> minor,
info -> info), ``location.path`` (relative to the folder the run started in) and
``location.lines.begin``. Lines are counted as in :func:`ci.position`; for a PDF,
``lines.begin`` is the line on its page and the description names the page. An unreadable
document is a ``critical`` issue, a document below a threshold a ``major`` one, and each
checked document's score (and match rate) an ``info`` issue named ``score``, all at line 1,
so the merge request shows how each document did and why the job failed.
"""

from __future__ import annotations

import json
from typing import Any

from resumecheck.formatters.base import Formatter, RenderContext, rate_phrase
from resumecheck.formatters.ci import (
    GITLAB_SEVERITY,
    Fingerprints,
    finding_fingerprint,
    fingerprint,
    one_line,
    position,
    run_path,
)
from resumecheck.models import Finding, Report
from resumecheck.verdict import FileResult, Status, Tally


class GitlabFormatter(Formatter):
    def __init__(self, ctx: RenderContext) -> None:
        super().__init__(ctx)
        self.count = 0
        self.fingerprints = Fingerprints()

    def start(self) -> str:
        return "["

    def _issue(self, issue: dict[str, Any]) -> str:
        prefix = "," if self.count else ""
        self.count += 1
        text = json.dumps(issue, indent=2, sort_keys=True, ensure_ascii=False)
        return prefix + "\n  " + text.replace("\n", "\n  ")

    def add(self, result: FileResult) -> str:
        outcome = result.outcome
        path = run_path(outcome.path)
        if not isinstance(outcome, Report):
            check = "internal-error" if result.verdict.status == Status.ERROR else "unreadable"
            return self._issue(self._plain(path, check, f"{outcome.path}: {outcome.reason}",
                                           "critical"))
        summary = f"{outcome.path}: score {outcome.score.value:.1f}"
        if outcome.job is not None:
            summary += f"; {rate_phrase(outcome)}"
        # One info issue per document with its score; its fingerprint does not change
        # with the score, so GitLab shows it as the same issue from run to run.
        parts = [self._issue({**self._plain(path, "score", summary, "info"),
                              "fingerprint": self.fingerprints(fingerprint(path, "score"), path)})]
        parts += [self._issue(self._finding(path, outcome, f)) for f in outcome.findings]
        parts += [self._issue(self._plain(path, "threshold", f"{outcome.path}: {reason}",
                                          "major"))
                  for reason in result.verdict.reasons]
        return "".join(parts)

    def _plain(self, path: str, check: str, description: str, severity: str) -> dict[str, Any]:
        return {
            "type": "issue",
            "engine_name": "resumecheck",
            "check_name": check,
            "description": one_line(description),
            "categories": ["Bug Risk"],
            "severity": severity,
            "fingerprint": self.fingerprints(fingerprint(path, check, description), path),
            "location": {"path": path, "lines": {"begin": 1}},
        }

    def _finding(self, path: str, report: Report, finding: Finding) -> dict[str, Any]:
        first, second = position(report.document.format, finding.location)
        paged = report.document.format == "pdf"
        line = second if paged else first
        where = f" (page {first})" if paged and finding.location is not None \
            and finding.location.page is not None else ""
        return {
            "type": "issue",
            "engine_name": "resumecheck",
            "check_name": finding.code,
            "description": f"{finding.code} {one_line(finding.message)}{where}",
            "content": {"body": finding.fix},
            "categories": ["Style"],
            "severity": GITLAB_SEVERITY[finding.severity],
            "fingerprint": self.fingerprints(finding_fingerprint(path, finding), path),
            "location": {"path": path, "lines": {"begin": line}},
        }

    def finish(self, tally: Tally) -> str:
        return ("\n]\n" if self.count else "]\n")
