"""Telling letters from resumes by their shape."""

from __future__ import annotations

from pathlib import Path

import pytest

from resumecheck.errors import UsageError
from resumecheck.kinds import classify
from resumecheck.models import Block, Document, Kind
from resumecheck.readers import read_document

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"

LETTER = "\n".join([
    "Elena Marquez, MD",
    "March 3, 2025",
    "Dear Dr. Okafor,",
    "I am writing to apply for the Pain Medicine Physician position at Summit Ridge. I have "
    "spent six years building an interventional practice that puts function first, and I "
    "believe my training fits the team you describe in your posting very closely indeed.",
    "I led an opioid stewardship program that reduced average doses by 30 percent. I would "
    "bring the same care for safe prescribing, shared decisions and clear patient education "
    "to your clinics and your referring physicians.",
    "I would welcome the chance to discuss the post.",
    "Sincerely,",
    "Elena Marquez, MD",
])

RESUME = """Elena Marquez, MD
EDUCATION
Doctor of Medicine, State University, 2008 - 2012
Residency in Anesthesiology, City Hospital, 2012 - 2016
FELLOWSHIP
Pain Medicine Fellowship, 2016 - 2017
EXPERIENCE
Staff physician, Riverside Clinic, 2017 - present
Radiofrequency ablation, 300 cases
Spinal cord stimulation, 80 implants
BOARD CERTIFICATION
American Board of Anesthesiology"""


def _doc(text: str) -> Document:
    from resumecheck.sections import assign_sections

    blocks = tuple(Block(text=line, line=i) for i, line in enumerate(text.splitlines(), 1))
    return Document(path="t.txt", format="text", blocks=tuple(assign_sections(blocks)))


def test_letter_text_is_a_letter() -> None:
    kind, reason = classify(_doc(LETTER))
    assert kind == Kind.COVER_LETTER
    assert "salutation" in reason and "closing" in reason


def test_resume_text_is_a_resume() -> None:
    kind, reason = classify(_doc(RESUME))
    assert kind == Kind.RESUME
    assert "date ranges" in reason


def test_resume_with_a_dear_line_stays_a_resume() -> None:
    kind, _ = classify(_doc("Dear colleagues may contact me.\n" + RESUME))
    assert kind == Kind.RESUME


def test_requested_kind_wins_and_bad_kind_is_refused() -> None:
    assert classify(_doc(RESUME), "cover-letter")[0] == Kind.COVER_LETTER
    with pytest.raises(UsageError):
        classify(_doc(RESUME), "memo")


@pytest.mark.parametrize(("name", "kind"), [
    ("cover_letter_pain_medicine.docx", Kind.COVER_LETTER),
    ("cv_pain_medicine.docx", Kind.RESUME),
    ("cv_pain_medicine.pdf", Kind.RESUME),
    ("cv_pain_medicine_two_column.pdf", Kind.RESUME),
])
def test_samples(name: str, kind: Kind) -> None:
    assert classify(read_document(ROOT / "samples" / name))[0] == kind


@pytest.mark.corpus
def test_corpus_documents() -> None:
    if not CORPUS.is_dir():
        pytest.skip("shared corpus not available")
    # The Deedy template: lorem-ipsum paragraphs, but "Dear Recruiter," and "Sincerely,".
    letter = read_document(CORPUS / "letters" / "deedy_cover_letter_LOREM.pdf")
    assert classify(letter)[0] == Kind.COVER_LETTER
    for path in sorted((CORPUS / "resumes").glob("*.pdf")):
        assert classify(read_document(path))[0] == Kind.RESUME, path.name
