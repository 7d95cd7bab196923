"""Structure findings on plain-text CVs read by the real text reader."""

from __future__ import annotations

from pathlib import Path

import pytest

from resumecheck.checks import CheckContext
from resumecheck.checks import structure as S
from resumecheck.models import Block, Document, Finding, Kind, PageInfo, Severity
from resumecheck.profiles import load_profile
from resumecheck.readers import read_bytes, read_document

PROFILE = load_profile("pain-medicine")

CHECKS = (S.missing_sections, S.nonstandard_headings, S.length, S.date_formats)

FULL_CV = """Jordan Avery, MD
Interventional Pain Medicine Physician

EDUCATION
Doctor of Medicine, Northgate School of Medicine, 2014.

RESIDENCY
Anesthesiology, Lakeview Medical Center, 2014-2018.

FELLOWSHIP
Pain medicine, Lakeview Medical Center, 2018-2019.

BOARD CERTIFICATION
American Board of Anesthesiology, Pain Medicine, 2020.

LICENSURE
Ohio, active and unrestricted.

CLINICAL EXPERIENCE
Attending physician, Riverside Pain Clinic, 2019-2024.

PUBLICATIONS
Avery J. Outcomes of lumbar radiofrequency ablation. J Pain Res. 2022.
"""


def findings(text: str, kind: Kind = Kind.RESUME) -> list[Finding]:
    document = read_bytes(text.encode(), "cv.txt")
    ctx = CheckContext(document=document, kind=kind, profile=PROFILE, terms=(), doc=None)
    return [f for func in CHECKS for f in func(ctx)]


def codes(text: str, kind: Kind = Kind.RESUME) -> list[str]:
    return sorted(f.code for f in findings(text, kind))


def without(heading: str, text: str = FULL_CV) -> str:
    """FULL_CV with one section (heading and its line) removed."""
    lines = text.splitlines()
    i = lines.index(heading)
    return "\n".join(lines[:i] + lines[i + 3:]) + "\n"


def test_complete_cv_has_only_the_length_finding() -> None:
    assert codes(FULL_CV) == ["S108"]


@pytest.mark.parametrize(("heading", "code"), [
    ("EDUCATION", "S101"), ("BOARD CERTIFICATION", "S103"), ("LICENSURE", "S104"),
    ("CLINICAL EXPERIENCE", "S105"),
])
def test_each_missing_section_is_its_own_warning(heading: str, code: str) -> None:
    got = [f for f in findings(without(heading)) if f.code.startswith("S10") and f.code != "S108"]
    assert [f.code for f in got] == [code]
    assert got[0].severity == Severity.WARNING


def test_training_needs_residency_or_fellowship() -> None:
    assert "S102" not in codes(without("RESIDENCY"))
    assert "S102" in codes(without("FELLOWSHIP", without("RESIDENCY")))


def test_residency_listed_under_education_counts_as_training() -> None:
    text = without("FELLOWSHIP", without("RESIDENCY")).replace(
        "Doctor of Medicine, Northgate School of Medicine, 2014.",
        "Doctor of Medicine, 2014. Anesthesiology residency, Lakeview, 2014-2018.")
    assert "S102" not in codes(text)


def test_combined_heading_covers_both_sections() -> None:
    text = without("LICENSURE").replace("BOARD CERTIFICATION", "BOARD CERTIFICATION AND LICENSURE")
    assert not {"S103", "S104"} & set(codes(text))


def test_research_mentioned_without_a_heading_is_info_with_location() -> None:
    text = without("PUBLICATIONS").replace(
        "Riverside Pain Clinic, 2019-2024.",
        "Riverside Pain Clinic, 2019-2024. Co-authored two peer-reviewed papers.")
    f = next(f for f in findings(text) if f.code == "S106")
    assert f.severity == Severity.INFO
    assert f.location.section == "experience"
    assert "S106" not in codes(without("PUBLICATIONS"))  # nothing at all is Q103's job


def test_cover_letters_get_no_section_findings() -> None:
    letter = "Dear Dr. Okafor,\n\nI am writing to apply for the pain medicine post.\n"
    assert codes(letter, Kind.COVER_LETTER) == []


def test_creative_heading_gets_a_rename_suggestion() -> None:
    text = FULL_CV.replace("CLINICAL EXPERIENCE", "MY JOURNEY")
    f = next(f for f in findings(text) if f.code == "S107")
    assert f.message == ('Heading "MY JOURNEY" is not a section name tracking systems '
                         'recognise; rename it to "Experience".')
    assert f.location.line == FULL_CV.splitlines().index("CLINICAL EXPERIENCE") + 1
    assert "S105" in codes(text)


def test_name_and_title_lines_above_the_first_section_are_not_headings_to_rename() -> None:
    text = "JORDAN AVERY\nPAIN PHYSICIAN\n\n" + FULL_CV
    assert "S107" not in codes(text)


def test_length_limits() -> None:
    long_doc = Document(path="cv.pdf", format="pdf",
                        blocks=(Block("EDUCATION", is_heading=True, section="education"),
                                Block("word " * 500, section="education")),
                        pages=tuple(PageInfo(n) for n in range(1, 31)))
    ctx = CheckContext(document=long_doc, kind=Kind.RESUME, profile=PROFILE, terms=(), doc=None)
    f = next(iter(S.length(ctx)))
    assert f.code == "S109" and "30 pages" in f.message
    words = "Attending physician treating chronic pain with injections. " * 40
    assert "S108" not in codes(FULL_CV + words)


def test_empty_document_gets_no_structure_findings() -> None:
    empty = Document(path="scan.pdf", format="pdf", blocks=(), pages=(PageInfo(1),))
    ctx = CheckContext(document=empty, kind=Kind.RESUME, profile=PROFILE, terms=(), doc=None)
    assert [f for func in CHECKS for f in func(ctx)] == []


def test_mixed_date_formats_point_at_the_odd_one() -> None:
    text = FULL_CV.replace(
        "Attending physician, Riverside Pain Clinic, 2019-2024.",
        "Attending physician, March 2019 - present.\n\nStaff physician, June 2016 - "
        "February 2019.\n\nLocum physician, 03/2015 - 05/2016.")
    f = next(f for f in findings(text) if f.code == "S110")
    assert '"March 2019" style 3x' in f.message and '"03/2019" style 2x' in f.message
    assert f.location.line == text.splitlines().index("Locum physician, 03/2015 - 05/2016.") + 1


def test_one_date_format_and_citation_dates_are_fine() -> None:
    text = FULL_CV.replace("2019-2024.", "Mar 2019 - Jun 2024.").replace(
        "J Pain Res. 2022.", "J Pain Res. 2022 March 4;15:101-9.")
    assert "S110" not in codes(text)


def test_sample_cv_has_every_section() -> None:
    sample = Path(__file__).resolve().parents[1] / "samples" / "cv_pain_medicine.pdf"
    if not sample.exists():
        pytest.skip("samples not generated")
    document = read_document(sample)
    ctx = CheckContext(document=document, kind=Kind.RESUME, profile=PROFILE, terms=(), doc=None)
    assert [f.code for func in CHECKS for f in func(ctx)] == []
