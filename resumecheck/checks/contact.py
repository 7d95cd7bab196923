"""Contact findings: can a recruiter reach the candidate from what an ATS keeps?"""

from __future__ import annotations

import re
from collections.abc import Iterator

from resumecheck.checks import CheckContext, check
from resumecheck.checks.structure import EXAMPLE_SUMMARY, enough_text
from resumecheck.models import Document, Finding, Kind, Origin, PersonalKind, Severity
from resumecheck.personal import find, in_blocks, mark
from resumecheck.rules import finding, rule

_NAME = "Jordan Avery, MD\n"
_BODY = ("\n" + EXAMPLE_SUMMARY + "\n\nEXPERIENCE\nAttending physician, Riverside Pain "
         "Clinic, 2019-2024.\n\nEDUCATION\nDoctor of Medicine, Northgate School of "
         "Medicine, 2014.\n")

rule("C101", "no-email", Severity.WARNING,
     "No email address found.",
     "Write an email address in the body of the document, near the name.",
     "Recruiters reply by email and ATS profiles are keyed on it; without one a strong "
     "application may never be answered.",
     bad=_NAME + "(555) 010-0199 | Columbus, OH\n" + _BODY,
     good=_NAME + "jordan.avery@example.com | (555) 010-0199\n" + _BODY)

rule("C102", "no-phone", Severity.WARNING,
     "No phone number found.",
     "Write a phone number in the body of the document, near the name, in a standard form "
     "such as (555) 010-0199 or +44 20 7946 0958.",
     "Recruiters often call first; a phone number is one of the fields an ATS fills from the "
     "top of the document.",
     bad=_NAME + "jordan.avery@example.com | Columbus, OH\n" + _BODY,
     good=_NAME + "jordan.avery@example.com | Phone: (555) 010-0199\n" + _BODY)

rule("C103", "contact-only-in-header-footer", Severity.WARNING,
     "Contact details appear only in a page header, footer or text box, which many ATS "
     "drop.",
     "Move the email and phone number into the first lines of the body; a header may repeat "
     "them.",
     "Headers, footers and text boxes are stored apart from the body of a DOCX; parsers that "
     "skip them leave the candidate's profile without any way to reach them.",
     bad="A DOCX whose only email address and phone number sit in the page header.",
     good="A DOCX with the email and phone number on the first lines of the body.",
     runnable=False)

rule("C104", "no-profile-link", Severity.INFO,
     "No LinkedIn or other professional profile link.",
     "Add the full address of a professional profile (linkedin.com/in/..., orcid.org/...) "
     "to the contact lines.",
     "Recruiters check a profile before they call; an address written out in full survives "
     "every parser, while a hyperlinked word loses its target.",
     bad=_NAME + "jordan.avery@example.com | (555) 010-0199\n" + _BODY,
     good=_NAME + "jordan.avery@example.com | (555) 010-0199 | "
     "doximity.com/pub/jordan-avery-md\n" + _BODY)

PROFILE = re.compile(
    r"\b(?:linkedin\.com/(?:in|pub)/|doximity\.com/|orcid\.org/|researchgate\.net/|"
    r"scholar\.google\.[a-z.]+/|github\.com/|ncbi\.nlm\.nih\.gov/myncbi/)\S+"
    r"|\borcid\b\W{0,3}\d{4}-\d{4}-\d{4}-\d{3}[\dX]",
    re.IGNORECASE)
#: Parts of a file that many ATS skip.
_DROPPED = {Origin.HEADER: "page header", Origin.FOOTER: "page footer",
            Origin.TEXTBOX: "text box"}


def find_phone(text: str) -> str | None:
    """The first phone number in ``text`` (the one finder ``--redact`` masks with too)."""
    for span in find(text):
        if span.kind == PersonalKind.PHONE:
            return text[span.start:span.end]
    return None


def find_email(text: str) -> str | None:
    """The first e-mail address in ``text``."""
    for span in find(text):
        if span.kind == PersonalKind.EMAIL:
            return text[span.start:span.end]
    return None


def _occurrences(document: Document) -> tuple[list[int], list[int]]:
    """Indexes of the visible blocks holding an email address, and a phone number.

    The spans come from the document (marked once, and still there when ``--redact`` has
    replaced the details by their marks), so the check and the masking always agree.
    """
    document = mark(document)
    found = []
    for kind in (PersonalKind.EMAIL, PersonalKind.PHONE):
        found.append([i for i in in_blocks(document, kind) if not document.blocks[i].hidden])
    return found[0], found[1]


@check
def contact_details(ctx: CheckContext) -> Iterator[Finding]:
    doc = ctx.document
    if not enough_text(doc):
        return  # (almost) nothing was read: the parse and length findings say why
    emails, phones = _occurrences(doc)
    if not emails:
        yield finding("C101", "No email address found anywhere a reader can see.")
    if not phones:
        yield finding("C102", "No phone number found anywhere a reader can see.")
    stranded = []
    for label, where in (("email address", emails), ("phone number", phones)):
        if where and all(doc.blocks[i].origin in _DROPPED for i in where):
            stranded.append((label, where[0]))
    if stranded:
        first = min(i for _, i in stranded)
        part = _DROPPED[doc.blocks[first].origin]
        what = " and ".join(label for label, _ in stranded).capitalize()
        page = doc.blocks[first].page
        at = f" (p.{page})" if page is not None else ""
        yield finding("C103", f"{what} found only in the {part}{at}; many tracking systems "
                              "drop headers, footers and text boxes.", doc.location(first))
    if ctx.kind == Kind.RESUME and not any(PROFILE.search(b.text) for b in doc.blocks
                                           if not b.hidden):
        yield finding("C104", "No LinkedIn or other professional profile address "
                              "found.")
