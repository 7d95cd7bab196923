"""``--format json``: one versioned document holding every report (docs/json-schema.md)."""

from __future__ import annotations

import json

from resumecheck.formatters.base import Formatter, RenderContext, Tally, passed
from resumecheck.models import Outcome

SCHEMA = "resumecheck.report/1"


def dumps(value: object, indent: int | None = 2) -> str:
    """Stable JSON: sorted keys, UTF-8 kept readable."""
    if indent is None:
        return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return json.dumps(value, sort_keys=True, ensure_ascii=False, indent=indent)


def outcome_dict(outcome: Outcome, ctx: RenderContext) -> dict:
    d = outcome.to_dict()
    d["passed"] = passed(outcome, ctx)
    return d


class JsonFormatter(Formatter):
    """One JSON document, written as files finish: the ``reports`` list comes before every
    key that sums them up (keys are sorted), so nothing has to be held back."""

    streams = True
    _MARK = "\x00reports\x00"

    def _skeleton(self, ctx: RenderContext, tally: Tally) -> tuple[str, str]:
        """The document around its reports list: (text up to "[", text from "]" on)."""
        doc = {
            "schema": SCHEMA,
            "tool": {"name": "resumecheck", "version": ctx.version},
            "profile": ctx.profile,
            "settings": {
                "fail_under": ctx.fail_under,
                "fail_on": ctx.fail_on.value if ctx.fail_on else None,
            },
            "summary": {
                "files": tally.files,
                "checked": tally.checked,
                "unreadable": tally.unreadable,
                "passed": tally.passed,
            },
            "reports": [self._MARK],
        }
        text = dumps(doc) + "\n"
        mark = f"\n    {json.dumps(self._MARK)}\n  "
        before, after = text.split(mark)
        return before, after

    def head(self, ctx: RenderContext) -> str:
        return self._skeleton(ctx, Tally())[0]

    def item(self, outcome: Outcome, ctx: RenderContext, index: int) -> str:
        body = "\n".join("    " + line for line in dumps(outcome_dict(outcome, ctx)).splitlines())
        return ("," if index else "") + "\n" + body

    def tail(self, ctx: RenderContext, tally: Tally) -> str:
        after = self._skeleton(ctx, tally)[1]
        return ("\n  " if tally.files else "") + after
