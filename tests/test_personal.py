"""Personal data found once, with offsets: the spans the contact checks count and --redact
masks, in time linear in the text."""

from __future__ import annotations

import os
import random
import time
from pathlib import Path

import pytest

import resumecheck
from resumecheck.checks import contact as C
from resumecheck.models import Document, PersonalKind
from resumecheck.personal import find, mark
from resumecheck.readers import read_bytes
from resumecheck.redact import mask_document, mask_path, mask_text

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
E, P, S = PersonalKind.EMAIL, PersonalKind.PHONE, PersonalKind.STREET


@pytest.mark.parametrize(("text", "kind", "datum"), [
    ("write to jane.doe@example.com.", E, "jane.doe@example.com"),
    ("Jane.Doe+cv@mail.example.co.uk | x", E, "Jane.Doe+cv@mail.example.co.uk"),
    ("Call (608) 555-0147 today", P, "(608) 555-0147"),
    ("Mobile 608\u2013555\u20130182", P, "608\u2013555\u20130182"),
    ("Office 608/555-0163", P, "608/555-0163"),
    ("Fax 608/555/0129", P, "608/555/0129"),
    ("or +1 608 555 0174", P, "+1 608 555 0174"),
    ("cell 6085550136 any time", P, "6085550136"),
    ("desk 555-0191", P, "555-0191"),
    ("UK +44 20 7946 0958", P, "+44 20 7946 0958"),
    ("Tel: 020 7946 0958", P, "020 7946 0958"),
    ("Mobile 0412 345 678", P, "0412 345 678"),
    ("Ph. 608.555.0147 ext 22", P, "608.555.0147 ext 22"),
    ("(608) 555-0158 221B Baker Street", P, "(608) 555-0158"),
    ("P.O. Box 4471 608\u2013555\u20130182", P, "608\u2013555\u20130182"),
    ("lives at 221B Baker Street, London", S, "221B Baker Street"),
    ("home 4102 maple grove avenue; office", S, "4102 maple grove avenue"),
    ("Mail: P.O. Box 4471, Madison", S, "P.O. Box 4471"),
    ("Mail: PO Box 12", S, "PO Box 12"),
    ("studio 1450 Quillfeather Lane, Apt 3C", S, "1450 Quillfeather Lane, Apt 3C"),
    ("300 West 57th Street, Suite 4B", S, "300 West 57th Street, Suite 4B"),
])
def test_each_shape_is_found_whole(text: str, kind: PersonalKind, datum: str) -> None:
    found = [(s.kind, text[s.start:s.end]) for s in find(text)]
    assert (kind, datum) in found


@pytest.mark.parametrize("text", [
    "Attending physician, 2019-2024, 2,300 visits",
    "NPI 1234567890",
    "ISBN 978-0-19-852663-6 and ISBN 978 0 19 852663 6 2019",
    "J Pain Res. 2022;15(3):101-109",
    "ORCID 0000-0002-1825-0097",
    "07/2022 - 06/2023    Pain Medicine Fellowship",
    "Madison, WI 53705",
    "Treated 40 patients referred by Dr. Lee",
    "SOX 404 testing\nMonth-end close",
    "Performed 1,200 procedures along the way",
    "x@y and @handle",
])
def test_what_is_not_personal_data(text: str) -> None:
    assert find(text) == ()


def test_a_phone_split_over_two_table_cells_is_found_in_both() -> None:
    document = mark(read_bytes(b"Telephone\n(608)\n555-0147\n", "cells.txt"))
    masked = mask_document(document)
    assert "(608)" not in masked.text and "0147" not in masked.text


@pytest.mark.slow
@pytest.mark.parametrize("line", [
    "1 " * 100_000,
    "7" * 200_000,
    "12 Maple Grove " * 13_334,
    "a.b@" * 50_000,
    "".join(random.Random(3).choice("0123456789 -().") for _ in range(200_000)),
    "1234567 a " * 20_000,
    "(608) 555-0147; " * 12_500,
    "+12 34 56 78 90 " * 12_500,
], ids=["digit-and-space", "one-number", "street-like", "at-signs", "random-digits",
        "short-runs", "phones", "international"])
def test_a_200000_character_line_is_masked_in_seconds(line: str) -> None:
    start = time.process_time()
    mask_text(line)
    assert time.process_time() - start < 10  # was minutes: patterns that backtracked


def test_masking_moves_the_spans_onto_the_marks() -> None:
    text = ("Jordan Avery, MD\njordan.avery@example.com | (608) 555-0147\n"
            "EXPERIENCE\nClinic at 221B Baker Street since 2019.\n")
    masked = mask_document(read_bytes(text.encode(), "cv.txt"))
    assert masked.redacted
    assert "[email] | [phone]" in masked.text and "Clinic at [address] since" in masked.text
    shown = [(s.kind, masked.text[s.start:s.end]) for s in masked.personal or ()]
    assert shown == [(E, "[email]"), (P, "[phone]"), (S, "[address]")]


@pytest.mark.parametrize(("path", "shown"), [
    ("cvs/jane.doe@example.com.pdf", "cvs/[email].pdf"),
    ("cvs/jane.doe@example.com_cv.docx", "cvs/[email]_cv.docx"),
    ("cvs/cv (608) 555-0147.docx", "cvs/cv [phone].docx"),
    ("cvs/221B_Baker_Street_608\u2013555\u20130182.pdf", "cvs/[address]_[phone].pdf"),
    ("jane.doe@example.com/cv.pdf", "[email]/cv.pdf"),
    ("cvs/cv_pain_medicine.pdf", "cvs/cv_pain_medicine.pdf"),
    ("2024/cv-2024-01-15.pdf", "2024/cv-2024-01-15.pdf"),
])
def test_personal_data_in_file_names_is_masked(path: str, shown: str) -> None:
    path = path.replace("/", os.sep)
    assert mask_path(path) == shown.replace("/", os.sep)
    assert mask_path(mask_path(path)) == mask_path(path)


@pytest.mark.parametrize("phone", [
    "(608) 555-0147", "608\u2013555\u20130147", "608/555-0147", "+44 20 7946 0958",
    "Tel: 020 7946 0958", "NPI 1234567890", "2019-2024",
])
def test_the_contact_check_and_redaction_agree(phone: str) -> None:
    text = (f"Jordan Avery, MD\njordan.avery@example.com | {phone}\nEXPERIENCE\n"
            + "Attending physician in pain medicine at a regional clinic. " * 12)
    document = read_bytes(text.encode(), "cv.txt")
    ctx = _context(document)
    no_phone = any(f.code == "C102" for f in C.contact_details(ctx))
    masked = "[phone]" in mask_document(document).text
    assert no_phone != masked


def _context(document: Document):
    from resumecheck.checks import CheckContext
    from resumecheck.models import Kind
    from resumecheck.profiles import load_profile

    return CheckContext(document=document, kind=Kind.RESUME, profile=load_profile("pain-medicine"),
                        terms=(), doc=None, matches={})


@pytest.mark.parametrize("sample", ["cv_pain_medicine.docx", "cv_pain_medicine.pdf",
                                    "cover_letter_pain_medicine.docx"])
def test_redaction_changes_what_is_shown_not_the_verdict(sample: str) -> None:
    plain = resumecheck.check(SAMPLES / sample)
    masked = resumecheck.check(SAMPLES / sample, redact=True)
    assert masked.score == plain.score
    assert [(f.code, f.location) for f in masked.findings] == [
        (f.code, f.location) for f in plain.findings]
    # The document as read travels with the report (the HTML page shows it): masked too.
    shown, read = str(masked.to_dict()), " ".join(b.text for b in masked.blocks)
    assert "@example.com" in " ".join(b.text for b in plain.blocks)
    assert "[email]" in read and "@example.com" not in read + shown


def test_the_library_masks_failed_files_too(tmp_path: Path) -> None:
    from resumecheck.api import check_files

    broken = tmp_path / "jane.doe@example.com (608) 555-0147.pdf"
    broken.write_bytes(b"%PDF-1.7\nnot a PDF\n")
    (outcome,) = check_files([broken], redact=True, jobs=1)
    assert outcome.path == str(tmp_path / "[email] [phone].pdf")


LETTER = """Jane Q. Doe, MD

Spinal cord stimulation and radiofrequency ablation \u00b7 Mobile 608\u2013555\u20130182

Dr. Alan Park
Chair, Department of Anesthesiology
Lakeshore Spine Partners
1450 Quillfeather Lane
Madison, WI 53703

Dear Dr. Park,

I am writing to apply for the interventional pain physician position. Over eleven years I
have performed spinal cord stimulation trials and implants, radiofrequency ablation of the
medial branches and epidural steroid injection under fluoroscopy, and I am board certified
in anesthesiology with a pain medicine subspecialty certificate.

Sincerely,
Jane Q. Doe, MD
"""

POSTING_WITH_CONTACT = """Interventional Pain Physician
Lakeshore Spine Partners

Requirements
- Board certification in anesthesiology or physical medicine and rehabilitation
- Experience with spinal cord stimulation and radiofrequency ablation
- Questions about kyphoplasty cases go to our lead physician at 608\u2013555\u20130163.
- Questions on intrathecal pumps: +44 20 7946 0958.
"""

RESUME_TOP = """Jane Q. Doe, MD
608\u2013555\u20130182 \u00b7 Madison, WI

We are seeking to bring ten years of interventional pain practice to your team.
Key responsibilities included spinal cord stimulation and radiofrequency ablation.
Minimum qualifications for my fellowship were met in 2014.

EXPERIENCE
Interventional pain physician, Northgate Pain Center, 2014 - 2025
Performed 300 radiofrequency ablation procedures a year.
"""


def _seen(report) -> tuple:
    job = report.job
    return (report.kind, report.score, [(f.code, f.location) for f in report.findings],
            [(t.term, [(m.start > 0, m.reason) for m in t.matches]) for t in report.terms],
            None if job is None else (job.match_rate, [(t.posting.text, t.found)
                                                       for t in job.terms]))


@pytest.mark.parametrize("name", ["letter", "resume"])
def test_redaction_leaves_every_judgement_as_it_was(name: str, tmp_path: Path) -> None:
    """Contact details the older patterns miss (an en-dash phone number, an international
    one) are told apart the same way in a masked document and in the document itself:
    where a letter's addressee block ends, whether a posting sentence is boilerplate,
    whether the top of a document holds its writer's contact details."""
    document = tmp_path / f"{name}.txt"
    document.write_text(LETTER if name == "letter" else RESUME_TOP, encoding="utf-8")
    posting = tmp_path / "posting.txt"
    posting.write_text(POSTING_WITH_CONTACT, encoding="utf-8")
    plain = resumecheck.check(document, job=str(posting))
    masked = resumecheck.check(document, job=str(posting), redact=True)
    assert _seen(masked) == _seen(plain)
    quoted = " ".join(t.posting.sentence for t in masked.job.terms)
    assert "555" not in quoted and "7946" not in quoted
