"""``--format json``: one versioned document holding every report (docs/json-schema.md)."""

from __future__ import annotations

import json

from resumecheck.formatters.base import Formatter
from resumecheck.models import Report
from resumecheck.verdict import FileResult, Tally

SCHEMA = "resumecheck.report/1"


def dumps(value: object, indent: int | None = 2) -> str:
    """Stable JSON: sorted keys, UTF-8 kept readable."""
    if indent is None:
        return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return json.dumps(value, sort_keys=True, ensure_ascii=False, indent=indent)


def result_dict(result: FileResult) -> dict:
    """One file's object: the report (or failure), its band and first actions, and whether it
    passed."""
    outcome = result.outcome
    d = outcome.to_dict()
    if isinstance(outcome, Report):
        from resumecheck.actions import actions, band_dict

        d["band"] = band_dict(outcome.score.value)
        d["actions"] = [a.to_dict() for a in actions(outcome)]
    d["passed"] = result.verdict.passed
    return d


class JsonFormatter(Formatter):
    """One JSON document, written as files finish: the ``reports`` list comes before every
    key that sums them up (keys are sorted), so nothing has to be held back."""

    _MARK = "\x00reports\x00"

    def _skeleton(self, tally: Tally) -> tuple[str, str]:
        """The document around its reports list: (text up to "[", text from "]" on)."""
        thresholds = self.ctx.thresholds
        doc = {
            "schema": SCHEMA,
            "tool": {"name": "resumecheck", "version": self.ctx.version},
            "profile": self.ctx.profile,
            "settings": {
                "fail_under": thresholds.fail_under,
                "fail_on": thresholds.fail_on.value if thresholds.fail_on else None,
            },
            "summary": {
                "files": tally.files,
                "checked": tally.checked,
                "unreadable": tally.unreadable,
                "errors": tally.errors,
                "passed": tally.passed,
            },
            "reports": [self._MARK],
        }
        text = dumps(doc) + "\n"
        mark = f"\n    {json.dumps(self._MARK)}\n  "
        before, after = text.split(mark)
        return before, after

    def start(self) -> str:
        self._written = 0
        return self._skeleton(Tally())[0]

    def add(self, result: FileResult) -> str:
        body = "\n".join("    " + line for line in dumps(result_dict(result)).splitlines())
        first = self._written == 0
        self._written += 1
        return ("" if first else ",") + "\n" + body

    def finish(self, tally: Tally) -> str:
        after = self._skeleton(tally)[1]
        return ("\n  " if tally.files else "") + after
