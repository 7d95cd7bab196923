"""Contact findings: email, phone, profile links and where they sit."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from resumecheck.checks import CheckContext
from resumecheck.checks import contact as C
from resumecheck.models import Document, Finding, Kind, Origin, Severity
from resumecheck.profiles import load_profile
from resumecheck.readers import read_bytes, read_document

PROFILE = load_profile("pain-medicine")

SUMMARY = ("Interventional pain medicine physician treating chronic back, neck and "
           "neuropathic pain in an outpatient clinic.")
BODY = f"\n{SUMMARY}\n\nEXPERIENCE\nAttending physician, Riverside Pain Clinic, 2019-2024.\n"


def findings(document: Document, kind: Kind = Kind.RESUME) -> list[Finding]:
    ctx = CheckContext(document=document, kind=kind, profile=PROFILE, terms=(), doc=None)
    return list(C.contact_details(ctx))


def codes_of(text: str, kind: Kind = Kind.RESUME) -> list[str]:
    return sorted(f.code for f in findings(read_bytes(text.encode(), "cv.txt"), kind))


@pytest.mark.parametrize("phone", [
    "(608) 555-0147", "608-555-0147", "608.555.0147", "+1 608 555 0147", "+44 20 7946 0958",
    "+49 (30) 1234567", "+91-98765-43210", "Tel: 020 7946 0958", "Mobile 0412 345 678",
])
def test_phone_formats_are_recognised(phone: str) -> None:
    assert C.find_phone(f"Jordan Avery | {phone} | Columbus") is not None


@pytest.mark.parametrize("text", [
    "Attending physician, 2019-2024, 2,300 visits", "NPI 1234567890", "Ohio 43215",
    "J Pain Res. 2022;15(3):101-109", "ISBN 978 0 19 852663 6 2019",
])
def test_numbers_that_are_not_phones(text: str) -> None:
    assert C.find_phone(text) is None


def test_complete_contact_lines_give_no_findings() -> None:
    text = ("Jordan Avery, MD\njordan.avery@example.com | (555) 010-0199 | "
            "linkedin.com/in/jordan-avery-md\n" + BODY)
    assert codes_of(text) == []


def test_missing_email_phone_and_profile() -> None:
    got = {f.code: f for f in findings(read_bytes(("Jordan Avery, MD\n" + BODY).encode(),
                                                   "cv.txt"))}
    assert sorted(got) == ["C101", "C102", "C104"]
    assert got["C101"].severity == got["C102"].severity == Severity.WARNING
    assert got["C104"].severity == Severity.INFO


def test_doximity_and_orcid_count_as_profiles() -> None:
    head = "Jordan Avery, MD\njordan.avery@example.com | (555) 010-0199 | "
    assert "C104" not in codes_of(head + "doximity.com/pub/jordan-avery-md\n" + BODY)
    assert "C104" not in codes_of(head + "ORCID: 0000-0002-1825-0097\n" + BODY)
    assert "C104" in codes_of(head + "LinkedIn\n" + BODY)  # a word without its address


def test_cover_letter_needs_no_profile_link() -> None:
    letter = ("Dear Dr. Okafor,\n\nI am applying for the post.\n\nSincerely,\nJordan Avery\n"
              "jordan.avery@example.com | (555) 010-0199\n")
    assert codes_of(letter, Kind.COVER_LETTER) == []


def test_contact_only_in_the_header(make_docx: Callable[..., Path]) -> None:
    def fill(document) -> None:
        document.sections[0].header.paragraphs[0].text = (
            "jordan.avery@example.com | (555) 010-0199")
        document.add_paragraph("Jordan Avery, MD")
        document.add_paragraph(SUMMARY)

    got = [f for f in findings(read_document(make_docx(fill))) if f.code == "C103"]
    assert len(got) == 1
    assert got[0].message.startswith("Email address and phone number found only in the page "
                                     "header")
    assert got[0].location.origin == Origin.HEADER


def test_header_copy_is_fine_when_the_body_has_them_too(make_docx: Callable[..., Path]) -> None:
    def fill(document) -> None:
        document.sections[0].header.paragraphs[0].text = "jordan.avery@example.com"
        document.add_paragraph("Jordan Avery, MD | jordan.avery@example.com | (555) 010-0199")

    assert "C103" not in [f.code for f in findings(read_document(make_docx(fill)))]


def test_phone_only_in_the_footer_is_named(make_docx: Callable[..., Path]) -> None:
    def fill(document) -> None:
        document.sections[0].footer.paragraphs[0].text = "Phone: (555) 010-0199"
        document.add_paragraph("Jordan Avery, MD | jordan.avery@example.com")
        document.add_paragraph(SUMMARY)

    f = next(f for f in findings(read_document(make_docx(fill))) if f.code == "C103")
    assert f.message.startswith("Phone number found only in the page footer")


def test_nothing_read_means_no_contact_findings() -> None:
    assert findings(Document(path="scan.pdf", format="pdf", blocks=())) == []


@pytest.mark.corpus
def test_corpus_template_has_its_contact_line(corpus_dir: Path) -> None:
    document = read_document(corpus_dir / "resumes/rm_template_single-column.pdf")
    assert findings(document) == []
