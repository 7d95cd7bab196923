"""Tell a cover letter from a resume by its shape."""

from __future__ import annotations

import re

from resumecheck.errors import UsageError
from resumecheck.models import Document, Kind
from resumecheck.personal import CONTACT_MARK, contact_blocks

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


#: What job postings say and resumes do not.
_POSTING = re.compile(
    r"\b(we are (seeking|looking for|hiring)|we're (seeking|looking for|hiring)|"
    r"(the|our) ideal candidate|job description|about the (role|position|job)|"
    r"what you('ll| will) (do|bring)|responsibilities include|key responsibilities|"
    r"(minimum|required|preferred) qualifications|requirements:|you will (be|join|work)|"
    r"candidates? (must|should|will)|applicants? (must|should)|how to apply|apply (now|today|"
    r"online)|equal (opportunity|employment)|compensation|salary range|benefits package|"
    r"join our team|is seeking an?|seeks an?|position summary|job type)\b",
    re.IGNORECASE)
#: A resume names its writer's own e-mail or phone near the top; postings rarely do.
_CONTACT = re.compile(r"@|\(?\b\d{3}\)?[-. ]\d{3}[-. ]\d{4}\b|" + CONTACT_MARK)


def looks_like_posting(document: Document) -> tuple[bool, list[str]]:
    """Whether the text reads as a job posting, and the phrases that say so."""
    body = [b for b in document.blocks if b.origin.value in ("body", "textbox", "table")]
    found: list[str] = []
    for b in body:
        for m in _POSTING.finditer(b.text):
            phrase = m.group(0).lower()
            if phrase not in found:
                found.append(phrase)
    dated = sum(1 for b in body if _DATE_RANGE.search(b.text))
    # The writer's contact details near the top: by pattern, or found as personal data
    # (so a masked document, its details replaced by marks, reads the same).
    top = [i for i, b in enumerate(document.blocks)
           if b.origin.value in ("body", "textbox", "table")][:8]
    contact = (any(_CONTACT.search(document.blocks[i].text) for i in top)
               or not contact_blocks(document).isdisjoint(top))
    return len(found) >= 3 + (dated >= 3) + contact, found


def classify(document: Document, requested: str = "auto") -> tuple[Kind, str]:
    """The kind to check ``document`` as, and a short reason the report shows."""
    if requested in (Kind.RESUME.value, Kind.COVER_LETTER.value):
        return Kind(requested), "given with --kind"
    posting, phrases = looks_like_posting(document) if requested == "auto" else (False, [])
    if posting:
        said = ", ".join(f'"{p}"' for p in phrases[:3])
        return Kind.POSTING, f"looks like a job posting ({said}); give it with --job"
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
