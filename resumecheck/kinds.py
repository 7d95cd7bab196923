"""Tell a cover letter from a resume by its shape."""

from __future__ import annotations

import re

from resumecheck.errors import UsageError
from resumecheck.models import Document, Kind

_SALUTATION = re.compile(r"^(dear|to whom it may concern|hello|greetings)\b", re.IGNORECASE)
_CLOSING = re.compile(
    r"^(sincerely|yours (sincerely|faithfully|truly)|best regards|kind regards|warm regards|"
    r"regards|respectfully|with (best|kind|warm) regards|thank you for your (time|consideration))",
    re.IGNORECASE,
)


def classify(document: Document, requested: str = "auto") -> tuple[Kind, str]:
    """The kind to check ``document`` as, and a short reason the report shows."""
    if requested in (Kind.RESUME.value, Kind.COVER_LETTER.value):
        return Kind(requested), "given with --kind"
    if requested != "auto":
        raise UsageError(None, f"unknown --kind {requested!r} (auto, resume or cover-letter)")
    body = [b for b in document.blocks if b.origin.value in ("body", "textbox")]
    salutation = any(_SALUTATION.match(b.text) for b in body[:15])
    closing = any(_CLOSING.match(b.text) for b in body[-12:])
    headings = sum(1 for b in body if b.is_heading and b.section)
    long_paragraphs = sum(1 for b in body if len(b.text.split()) >= 40)
    points = 2 * salutation + 2 * closing + (long_paragraphs >= 2) - (headings >= 3) * 2
    if points >= 3:
        signs = [s for s, on in (("a salutation", salutation), ("a closing", closing),
                                 ("letter paragraphs", long_paragraphs >= 2)) if on]
        return Kind.COVER_LETTER, "looks like a letter: " + ", ".join(signs)
    return Kind.RESUME, f"looks like a resume: {headings} section headings"
