"""Keyword findings: what the profile asks for and where the document has it."""

from __future__ import annotations

from collections.abc import Iterator

from resumecheck.checks import CheckContext, check
from resumecheck.models import Finding, Level
from resumecheck.rules import finding


@check
def required_terms_missing(ctx: CheckContext) -> Iterator[Finding]:
    for t in ctx.terms:
        if t.level == Level.REQUIRED and not t.found:
            yield finding("K101", f'Required term "{t.term}" not found.', fix=t.tip)
