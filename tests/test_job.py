"""Job postings: boilerplate, caching, titles, match rates (labelled set: test_postings_set)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from checking import check as run_check
from checking import checker

from resumecheck.checker import read_posting
from resumecheck.errors import InputError
from resumecheck.options import CheckOptions
from resumecheck.posting import analyze_posting
from resumecheck.readers import read_document

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_POSTINGS = sorted((ROOT / "samples").glob("posting_*.txt"))
CV = ROOT / "samples" / "cv_pain_medicine.docx"


def load_posting(path: str | Path, profile, matcher):
    """Read and analyse a posting as a run does once."""
    return analyze_posting(read_posting(path, CheckOptions()), profile, matcher)


@pytest.fixture(scope="module")
def env():
    built = checker()
    return built.profile, built.matcher


def test_boilerplate_never_a_source(tmp_path: Path, env) -> None:
    profile, matcher = env
    p = tmp_path / "p.txt"
    p.write_text("Pain Physician\n\nRequirements\n- Experience with kyphoplasty.\n\n"
                 "Benefits\n- Telemedicine stipend and 401(k) match.\n\n"
                 "We are an equal opportunity employer offering palliative care insurance.\n")
    posting = load_posting(p, profile, matcher)
    texts = {t.text.lower() for t in posting.terms}
    assert "kyphoplasty" in texts
    assert "telemedicine" not in texts and "palliative care" not in texts


def test_unreadable_posting_names_the_posting(tmp_path: Path) -> None:
    empty = tmp_path / "posting.txt"
    empty.write_bytes(b"")
    with pytest.raises(InputError) as info:
        run_check(CV, CheckOptions(job=str(empty)))
    assert "posting.txt" in str(info.value) and "job posting" in str(info.value)


@pytest.mark.parametrize("posting", SAMPLE_POSTINGS, ids=lambda p: p.name)
def test_sample_cv_against_sample_postings(posting: Path) -> None:
    report = run_check(CV, CheckOptions(job=str(posting)))
    job = report.job
    assert 40 <= job.match_rate <= 90
    missing = [t.posting.text.lower() for t in job.missing]
    # Terms the postings ask for that the CV deliberately lacks come first (profile terms).
    lacks = ({"platelet-rich plasma", "regenerative medicine"} if "interventional" in posting.name
             else {"pediatric pain", "occipital nerve block"})
    profile_missing = [t.posting.text.lower() for t in job.missing
                       if t.posting.source == "profile"]
    assert lacks <= set(profile_missing)
    assert missing[:len(profile_missing)] == profile_missing
    codes = {f.code for f in report.findings}
    assert "J101" in codes
    d = job.to_dict()
    assert set(d) >= {"match_rate", "title", "title_found", "employer", "terms", "advice"}
    assert set(d["terms"][0]) >= {"text", "source", "term_id", "weight", "found",
                                  "posting_location", "resume_locations"}


def test_phrase_match_counts_and_score_untouched(tmp_path: Path) -> None:
    posting = tmp_path / "p.txt"
    posting.write_text("Pain Medicine Physician\n\nRequirements\n"
                       "- Experience with kyphoplasty.\n- Epic Haiku documentation.\n")
    cv = tmp_path / "cv.txt"
    cv.write_text("SUMMARY\nPain medicine physician.\nPROCEDURES\nKyphoplasty, 40 cases.\n")
    plain = run_check(cv, CheckOptions())
    tailored = run_check(cv, CheckOptions(job=str(posting)))
    assert tailored.score.value == plain.score.value
    found = {t.posting.text.lower() for t in tailored.job.found}
    assert "kyphoplasty" in found
    assert tailored.job.title_found
    assert any(t.posting.text.lower().startswith("epic haiku") for t in tailored.job.missing)


def test_wording_advice(tmp_path: Path) -> None:
    posting = tmp_path / "p.txt"
    posting.write_text("Requirements\n- Radiofrequency ablation of the lumbar spine.\n")
    cv = tmp_path / "cv.txt"
    cv.write_text("PROCEDURES\nRF neurotomy, 300 cases.\n")
    report = run_check(cv, CheckOptions(job=str(posting)))
    assert [a.posting_wording.lower() for a in report.job.advice] == ["radiofrequency ablation"]
    assert "J104" in {f.code for f in report.findings}
    cv.write_text("PROCEDURES\nRadiofrequency ablation, 300 cases.\n")
    assert run_check(cv, CheckOptions(job=str(posting))).job.advice == ()


def test_title_not_stated(tmp_path: Path) -> None:
    posting = tmp_path / "p.txt"
    posting.write_text("Job Title: Interventional Pain Physician (Full Time)\n\n"
                       "Requirements\n- Kyphoplasty.\n")
    cv = tmp_path / "cv.txt"
    cv.write_text("SUMMARY\nAnesthesiologist.\n")
    report = run_check(cv, CheckOptions(job=str(posting)))
    assert report.job.title == "Interventional Pain Physician"
    assert not report.job.title_found
    assert "J103" in {f.code for f in report.findings}


def test_read_document_of_posting_unchanged(env) -> None:
    # Analysis never writes to the posting.
    path = SAMPLE_POSTINGS[0]
    before = path.read_bytes()
    profile, matcher = env
    load_posting(path, profile, matcher)
    assert path.read_bytes() == before
    assert read_document(path).blocks


def test_either_or_lists_are_satisfied_by_any_member(tmp_path: Path) -> None:
    posting = tmp_path / "posting.txt"
    posting.write_text(
        "Pain Medicine Physician\n\nRequirements\n\n"
        "- Board certified in pain medicine (ABA, ABPMR or ABPN).\n"
        "- Experience with spinal cord stimulation and kyphoplasty.\n", encoding="utf-8")
    cv = tmp_path / "cv.txt"
    cv.write_text("BOARD CERTIFICATION\n\nDiplomate, American Board of Anesthesiology (ABA).\n",
                  encoding="utf-8")
    job = run_check(cv, CheckOptions(kind="resume", job=str(posting))).job
    by_id = {t.posting.term_id: t for t in job.terms if t.posting.term_id}
    assert by_id["abpmr-board"].found and by_id["abpmr-board"].satisfied_by == "aba-board"
    assert by_id["abpn-board"].satisfied_by == "aba-board"
    assert by_id["aba-board"].satisfied_by is None
    # "and" is not "or": a plain list still asks for every item.
    assert not by_id["spinal-cord-stimulation"].found
    assert by_id["spinal-cord-stimulation"].posting.alternatives == ()


def test_the_posting_is_reported_under_the_name_this_run_gave_it(env) -> None:
    profile, matcher = env
    relative = Path("samples") / "posting_interventional_pain.txt"
    absolute = ROOT / relative
    assert load_posting(str(absolute), profile, matcher).path == str(absolute)
    cwd = Path.cwd()
    try:
        os.chdir(ROOT)
        assert load_posting(str(relative), profile, matcher).path == relative.as_posix()
    finally:
        os.chdir(cwd)
