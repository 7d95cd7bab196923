"""``--format json``: one versioned document holding every report (docs/json-schema.md)."""

from __future__ import annotations

import json
from collections.abc import Sequence

from resumecheck.formatters.base import Formatter, RenderContext, passed
from resumecheck.models import Outcome, Report

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
    def render(self, outcomes: Sequence[Outcome], ctx: RenderContext) -> str:
        reports = [outcome_dict(o, ctx) for o in outcomes]
        doc = {
            "schema": SCHEMA,
            "tool": {"name": "resumecheck", "version": ctx.version},
            "profile": ctx.profile,
            "settings": {
                "fail_under": ctx.fail_under,
                "fail_on": ctx.fail_on.value if ctx.fail_on else None,
            },
            "summary": {
                "files": len(outcomes),
                "checked": sum(1 for o in outcomes if isinstance(o, Report)),
                "unreadable": sum(1 for o in outcomes if not isinstance(o, Report)),
                "passed": sum(1 for r in reports if r["passed"]),
            },
            "reports": reports,
        }
        return dumps(doc) + "\n"
