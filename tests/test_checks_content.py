"""Content findings: quantified outcomes, hedged procedure claims, research and CME."""

from __future__ import annotations

from pathlib import Path

import pytest

from resumecheck.checks import CheckContext
from resumecheck.checks import content as Q
from resumecheck.models import Document, Finding, Kind, Severity
from resumecheck.profiles import load_profile
from resumecheck.readers import read_bytes, read_document

PROFILE = load_profile("pain-medicine")

CHECKS = (Q.outcomes, Q.hedged_claims, Q.research, Q.cme)
HEAD = ("Jordan Avery, MD\njordan.avery@example.com | (555) 010-0199 | Columbus, OH 43215\n\n"
        "Interventional pain medicine physician treating chronic back, neck and "
        "neuropathic pain in an outpatient clinic.\n\n")
SAMPLES = Path(__file__).resolve().parents[1] / "samples"


def read(text: str) -> Document:
    return read_bytes(text.encode(), "cv.txt")


def findings(text: str, kind: Kind = Kind.RESUME) -> list[Finding]:
    ctx = CheckContext(document=read(text), kind=kind, profile=PROFILE, terms=(), doc=None)
    return [f for func in CHECKS for f in func(ctx)]


def codes(text: str, kind: Kind = Kind.RESUME) -> list[str]:
    return sorted(f.code for f in findings(text, kind))


def outcomes(text: str) -> list[str]:
    return [words for _, words in Q.quantified_outcomes(read(text), PROFILE.conventions)]


def test_volumes_percentages_and_reductions_count_once_each() -> None:
    got = outcomes(
        "EXPERIENCE\n- Performed 300+ fluoroscopically guided epidural injections.\n"
        "- Reduced opioid doses by 30%.\n- 12,000 patient visits a year.\n"
        "- Cut wait times by 12 days.\n")
    assert got == ["300+", "30%", "12,000 patient", "Cut wait times by 12"]


def test_dates_phones_zip_codes_and_citations_are_not_outcomes() -> None:
    text = (HEAD + "EXPERIENCE\nAttending physician, 2019-2024; March 2019 - present.\n"
            "Board certified 2020. 5+ years of practice.\n\n"
            "PUBLICATIONS\nAvery J. 250 patients after RFA. J Pain Res. 2022;15:101-9.\n")
    assert outcomes(text) == []


def test_few_outcomes_is_a_warning_quoting_them() -> None:
    text = HEAD + "EXPERIENCE\n- Performed 450+ epidural steroid injections.\n"
    got = [f for f in findings(text) if f.code == "Q101"]
    assert len(got) == 1 and got[0].severity == Severity.WARNING
    assert got[0].message.startswith('Only 1 quantified outcome(s) found ("450+")')
    assert got[0].location.section == "experience"


def test_enough_outcomes_and_cover_letters_pass() -> None:
    text = (HEAD + "EXPERIENCE\n- 450+ epidural injections.\n- 210 radiofrequency ablations."
            "\n- Missed appointments fell by 18%.\n")
    assert "Q101" not in codes(text)
    assert "Q101" not in codes("Dear Dr. Okafor,\n\nI treat back pain.\n", Kind.COVER_LETTER)


def test_hedged_procedure_claims_are_located_one_per_block() -> None:
    text = (HEAD + "FELLOWSHIP\n- Assisted with kyphoplasty procedures.\n"
            "- Exposure to spinal cord stimulator implants and observed RFA.\n"
            "- Participated in the hospital quality committee.\n"
            "- Performed 40 medial branch blocks.\n")
    got = [f for f in findings(text) if f.code == "Q102"]
    lines = text.splitlines()
    assert [f.location.line for f in got] == [
        lines.index("- Assisted with kyphoplasty procedures.") + 1,
        lines.index("- Exposure to spinal cord stimulator implants and observed RFA.") + 1]
    assert got[0].message.startswith('Procedure claimed with "Assisted with": "Assisted with '
                                     'kyphoplasty procedures."')


def test_hedged_claims_are_capped() -> None:
    bullets = "".join(f"- Observed {n} nerve blocks.\n" for n in range(8))
    assert codes(HEAD + "FELLOWSHIP\n" + bullets).count("Q102") == Q.MAX_HEDGED


def test_hedges_in_research_are_study_roles() -> None:
    text = HEAD + "RESEARCH\n- Participated in a multicentre trial of spinal cord stimulation.\n"
    assert "Q102" not in codes(text)


def test_research_and_cme_found_by_section_or_words() -> None:
    bare = HEAD + "EXPERIENCE\nAttending physician, 2019-2024.\n"
    got = {f.code: f for f in findings(bare)}
    assert got["Q103"].severity == got["Q104"].severity == Severity.INFO
    assert not {"Q103", "Q104"} & set(codes(
        bare + "\nPublished a peer-reviewed study. Current in maintenance of certification.\n"))
    assert not {"Q103", "Q104"} & set(codes(
        bare + "\nPRESENTATIONS\nGrand rounds, 2023.\n\nCONTINUING EDUCATION\nASRA 2024.\n"))
    assert not {"Q103", "Q104"} & set(codes(bare, Kind.COVER_LETTER))


def test_nothing_read_means_no_content_findings() -> None:
    ctx = CheckContext(document=Document(path="scan.pdf", format="pdf", blocks=()),
                       kind=Kind.RESUME, profile=PROFILE, terms=(), doc=None)
    assert [f for func in CHECKS for f in func(ctx)] == []


def test_sample_cv_meets_every_content_check() -> None:
    sample = SAMPLES / "cv_pain_medicine.pdf"
    if not sample.exists():
        pytest.skip("samples not generated")
    document = read_document(sample)
    assert len(Q.quantified_outcomes(document, PROFILE.conventions)) >= 10
    ctx = CheckContext(document=document, kind=Kind.RESUME, profile=PROFILE, terms=(), doc=None)
    assert [f.code for func in CHECKS for f in func(ctx)] == []


@pytest.mark.corpus
def test_corpus_software_resume_has_outcomes_but_no_research_or_cme(corpus_dir: Path) -> None:
    document = read_document(corpus_dir / "resumes/rm_template_single-column.pdf")
    ctx = CheckContext(document=document, kind=Kind.RESUME, profile=PROFILE, terms=(), doc=None)
    assert sorted(f.code for func in CHECKS for f in func(ctx)) == ["Q103", "Q104"]
