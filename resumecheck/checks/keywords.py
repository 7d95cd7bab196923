"""Keyword findings: what the profile asks for and where the document has it."""

from __future__ import annotations

from collections.abc import Iterator

from resumecheck.checks import CheckContext, check
from resumecheck.models import Finding, Level, Severity
from resumecheck.rules import finding, rule

rule("K101", "required-term-missing", Severity.WARNING,
     "A term the profile marks as required does not appear anywhere a reader can see.",
     "Add the term in the wording shown, where it is true of you (a heading or a bullet in "
     "the matching section).",
     "Tracking systems filter on must-have terms before a person reads the file; a missing "
     "required term can drop the document from the shortlist.",
     bad="EXPERIENCE\nStaff physician, Riverside Clinic, 2019-2024. Managed chronic back pain.",
     good="FELLOWSHIP\nACGME-accredited pain medicine fellowship, 2018-2019.")


@check
def required_terms_missing(ctx: CheckContext) -> Iterator[Finding]:
    for t in ctx.terms:
        if t.level == Level.REQUIRED and not t.found:
            yield finding("K101", f'Required term "{t.term}" not found.', fix=t.tip)
