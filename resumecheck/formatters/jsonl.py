"""JSON Lines: one compact JSON object per file, written as each file finishes."""

from __future__ import annotations

import json
from collections.abc import Sequence

from resumecheck.formatters.base import Formatter, RenderContext
from resumecheck.formatters.json_format import outcome_dict
from resumecheck.models import Outcome


class JsonLinesFormatter(Formatter):
    """Each line is the same object as in the ``json`` format's ``reports`` list, so tools
    can switch between the two without a second parser."""

    streams = True

    def render(self, outcomes: Sequence[Outcome], ctx: RenderContext) -> str:
        return "".join(self.render_one(o, ctx) for o in outcomes)

    def render_one(self, outcome: Outcome, ctx: RenderContext) -> str:
        line = json.dumps(outcome_dict(outcome, ctx), sort_keys=True, ensure_ascii=False,
                          separators=(",", ":"))
        return line + "\n"
