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

#: First-person letter prose ("I am writing to apply", "I would welcome").
_FIRST_PERSON = re.compile(r"\bI (am|have|would|was|led|look forward|believe|bring)\b")
_DATE_RANGE = re.compile(
    r"\b(19|20)\d\d\s*(-|\u2013|\u2014|to)\s*((19|20)\d\d|present|current|now)\b",
    re.IGNORECASE)


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
    first_person = sum(1 for b in body if _FIRST_PERSON.search(b.text))
    date_ranges = sum(1 for b in body if _DATE_RANGE.search(b.text))
    short_lines = sum(1 for b in body if 0 < len(b.text.split()) <= 12)
    bullety = len(body) >= 8 and short_lines / len(body) > 0.7
    points = (2 * salutation + 2 * closing + (long_paragraphs >= 2) + (first_person >= 2)
              - (headings >= 3) * 2 - (date_ranges >= 3) - bullety)
    if points >= 3:
        signs = [s for s, on in (("a salutation", salutation), ("a closing", closing),
                                 ("letter paragraphs", long_paragraphs >= 2)) if on]
        return Kind.COVER_LETTER, "looks like a letter: " + ", ".join(signs)
    signs = [f"{headings} section headings"]
    if date_ranges:
        signs.append(f"{date_ranges} date ranges")
    return Kind.RESUME, "looks like a resume: " + ", ".join(signs)
