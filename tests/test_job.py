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


# --------------------------------------------------------------------------- issue 13


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


POSTING = (
    "Pain Medicine Physician\n\nRequirements\n"
    "- Active, unrestricted Wisconsin medical license.\n"
    "- Completion of a residency in family medicine, internal medicine, psychiatry or PM&R.\n"
    "- Board certified in pain medicine (ABA, ABPMR or ABPN).\n"
    "- Experience with kyphoplasty and Epic.\n"
)


def test_a_state_licence_is_found_from_the_licence_and_the_state_in_one_line(tmp_path) -> None:
    posting = _write(tmp_path, "posting.txt", POSTING)
    cv = _write(tmp_path, "cv.txt", "SUMMARY\nPain medicine physician.\n\nLICENSURE\n"
                "Medical license: Wisconsin (active, unrestricted)\n")
    job = run_check(cv, CheckOptions(kind="resume", job=str(posting))).job
    licence = next(t for t in job.terms if t.posting.text == "Wisconsin medical license")
    assert licence.found and licence.resume_locations[0].line == 5
    cv.write_text("SUMMARY\nPain medicine physician.\n\nLICENSURE\nMedical license: Iowa\n"
                  "\nINTERESTS\nWisconsin lakes.\n", encoding="utf-8")
    job = run_check(cv, CheckOptions(kind="resume", job=str(posting))).job
    assert not next(t for t in job.terms if t.posting.text == "Wisconsin medical license").found


def test_a_state_under_licensure_satisfies_the_state_licence(tmp_path) -> None:
    posting = _write(tmp_path, "posting.txt", POSTING)
    cv = _write(tmp_path, "cv.txt", "SUMMARY\nPain medicine physician.\n\nLICENSURE\n"
                "Wisconsin: active, unrestricted\n")
    job = run_check(cv, CheckOptions(kind="resume", job=str(posting))).job
    assert next(t for t in job.terms if t.posting.text == "Wisconsin medical license").found


def test_an_either_or_route_with_a_phrase_member_is_satisfied_by_any_one(tmp_path) -> None:
    posting = _write(tmp_path, "posting.txt", POSTING)
    cv = _write(tmp_path, "cv.txt", "SUMMARY\nPain medicine physician.\n\nRESIDENCY\n"
                "Residency in internal medicine, Example University Hospital.\n")
    report = run_check(cv, CheckOptions(kind="resume", job=str(posting)))
    by_text = {t.posting.text: t for t in report.job.terms}
    route = by_text["internal medicine"]
    assert route.found and route.satisfied_by is None
    for name in ("psychiatry", "primary care", "physical medicine and rehabilitation"):
        assert by_text[name].found and by_text[name].satisfied_by == "internal medicine", name
    advised = " ".join(f.message for f in report.findings if f.code in ("J101", "J102"))
    assert "psychiatry" not in advised and "rehabilitation" not in advised


def test_a_posting_of_a_few_terms_gives_no_match_rate_and_says_why(tmp_path) -> None:
    posting = _write(tmp_path, "posting.txt",
                     "Interventional pain physician needed for locum coverage in Fresno, CA, "
                     "June 2-20. Fluoroscopy experience required. Call Maria Soto at "
                     "(559) 555-0142.\n")
    report = run_check(CV, CheckOptions(job=str(posting)))
    assert report.job.match_rate is None
    # interventional pain management and image-guided procedures ("Fluoroscopy"); pain
    # medicine is no request of its own (the posting names no broader term).
    assert report.job.note.startswith("only 2 terms could be drawn from the posting")
    assert report.job.to_dict()["match_rate"] is None
    assert report.job.title == "Interventional pain physician"
    assert report.job.employer is None


def test_fail_under_exits_1_against_a_posting_too_thin_to_rate(tmp_path, capsys) -> None:
    from resumecheck.cli import main

    posting = _write(tmp_path, "posting.txt", "Pain physician wanted. Epic experience.\n")
    code = main(["check", str(CV), "--job", str(posting), "--fail-under", "0"])
    out = " ".join(capsys.readouterr().out.split())
    assert code == 1
    assert "Match rate n/a (" in out
    assert "FAIL, no match rate" in out


def test_a_batch_against_a_posting_is_ranked_by_match_rate(tmp_path, capsys) -> None:
    from resumecheck.cli import main

    posting = _write(tmp_path, "posting.txt", POSTING)
    strong = _write(tmp_path, "b_strong.txt",
                    "SUMMARY\nPain medicine physician.\n\nLICENSURE\nWisconsin medical license."
                    "\n\nPROCEDURES\nKyphoplasty, 40 cases. Epic.\n")
    weak = _write(tmp_path, "a_weak.txt", "SUMMARY\nPain medicine physician.\n")
    main(["check", str(weak), str(strong), "--job", str(posting), "-f", "csv"])
    rows = capsys.readouterr().out.splitlines()
    assert rows[1].split(",")[1].endswith("b_strong.txt")
    main(["check", str(weak), str(strong), "--job", str(posting), "-f", "csv", "--sort", "name"])
    rows = capsys.readouterr().out.splitlines()
    assert rows[1].split(",")[1].endswith("a_weak.txt")


def test_a_posting_without_headings_or_blank_lines_still_gives_its_terms(env) -> None:
    from resumecheck.models import Block, Document

    profile, matcher = env
    lines = Document("p.txt", "text", (
        Block("Pain Medicine Physician Harborview Spine Clinic, Portland, OR Board certified or "
              "board eligible in pain medicine Experience with spinal cord stimulator implants "
              "Comfortable with ultrasound-guided nerve blocks Epic experience Oregon medical "
              "license", line=1),
        Block("Harborview Spine Clinic is an equal opportunity employer.", line=9),
    ))
    posting = analyze_posting(lines, profile, matcher)
    texts = {t.text for t in posting.terms}
    # "Board certified or board eligible in pain medicine" is the subspecialty certification.
    assert {"spinal cord stimulation", "nerve block",
            "pain medicine subspecialty certification"} <= texts
    assert "board certification" not in texts and "pain medicine" not in texts
    assert {"Epic", "Oregon medical license"} <= texts
    assert posting.title == "Pain Medicine Physician"
    assert posting.employer == "Harborview Spine Clinic"


def test_the_hiring_employer_not_the_recruiting_firm_and_a_hired_role(env, tmp_path) -> None:
    profile, matcher = env
    email = _write(tmp_path, "email.txt",
                   "From: Lee Park <lee@searchpartners.example.com>\n"
                   "Subject: Nurse practitioner opening - Birchwood Pain Center\n\n"
                   "Hi Sam,\n\nI'm a recruiter with Apex Physician Search. Birchwood Pain Center "
                   "is hiring a nurse practitioner to see follow-up patients. Requirements: an "
                   "active Ohio APRN license, trigger point injections and OARRS reviews.\n\n"
                   "Best regards,\nLee Park\nApex Physician Search\n")
    posting = load_posting(email, profile, matcher)
    assert posting.employer == "Birchwood Pain Center"
    assert posting.title and "Nurse" in posting.title
    texts = {t.text for t in posting.terms}
    assert "nurse practitioner" in texts and any(t.startswith("OARRS") for t in texts)
    assert not any("Apex" in t or "Lee Park" in t for t in texts)


def test_pmr_before_a_full_stop_is_found(env, tmp_path) -> None:
    profile, matcher = env
    path = _write(tmp_path, "p.txt", "Requirements\n- Residency in anesthesiology or PM&R.\n")
    posting = load_posting(path, profile, matcher)
    assert "physical-medicine-and-rehabilitation" in posting.term_ids()


def test_a_bullet_ending_in_preferred_stays_an_item_weighed_as_preferred(env, tmp_path) -> None:
    profile, matcher = env
    path = _write(tmp_path, "p.txt",
                  "Pain Medicine Physician\n\nQualifications\n"
                  "- Board certification in pain medicine.\n"
                  "- Experience with kyphoplasty preferred\n"
                  "- Spinal cord stimulation experience is a plus\n"
                  "- DEA registration.\n")
    posting = load_posting(path, profile, matcher)
    assert [kind for _, kind in posting.sections] == ["required"]
    by_text = {t.text: t for t in posting.terms}
    assert by_text["kyphoplasty"].section == "Qualifications"
    assert by_text["spinal cord stimulation"].score < by_text["DEA registration"].score


# --------------------------------------------------------------------------- claims and asks

CLAIMS_POSTING = (
    "Pain Medicine Physician\n\nRequirements\n"
    "- Spinal cord stimulation trials and implants.\n"
    "- Oregon medical license.\n"
    "- Kyphoplasty experience.\n"
    "- Radiofrequency ablation and Epic.\n"
)


def _job_terms(tmp_path: Path, resume: str) -> tuple[dict[str, bool], list[str]]:
    posting = _write(tmp_path, "posting.txt", CLAIMS_POSTING)
    cv = _write(tmp_path, "cv.txt", resume)
    report = run_check(cv, CheckOptions(job=str(posting)))
    return ({t.posting.text: t.found for t in report.job.terms},
            [f.message for f in report.findings if f.code == "J101"])


def test_a_term_the_resume_only_mentions_does_not_satisfy_the_posting(tmp_path: Path) -> None:
    hedged, hedged_advice = _job_terms(tmp_path, (
        "Jordan Example, MD\n\nSUMMARY\nPain medicine physician.\n\nPROCEDURES\n"
        "Exposure to spinal cord stimulation trials during fellowship.\n"
        "Radiofrequency ablation, 200 cases.\n\nLICENSURE\n"
        "Oregon medical license: application pending.\n\nGOALS\n"
        "I plan to pursue kyphoplasty training.\n"))
    claimed, claimed_advice = _job_terms(tmp_path, (
        "Jordan Example, MD\n\nSUMMARY\nPain medicine physician.\n\nPROCEDURES\n"
        "Spinal cord stimulation trials and implants, 60 cases.\n"
        "Radiofrequency ablation, 200 cases. Kyphoplasty, 25 cases.\n\nLICENSURE\n"
        "Oregon medical license, active.\n"))
    asked = ("spinal cord stimulation", "Oregon medical license", "Kyphoplasty")
    assert all(claimed[t] for t in asked), claimed
    assert not any(hedged[t] for t in asked), hedged
    assert hedged["radiofrequency ablation"] and claimed["radiofrequency ablation"]
    # The advice says the term is named but not claimed, and why.
    scs = next(m for m in hedged_advice if '"spinal cord stimulation"' in m)
    assert 'mentions it without claiming it (hedged: "Exposure to")' in scs, scs
    assert not any("spinal cord stimulation" in m for m in claimed_advice)


def test_a_posting_asks_for_every_mention_claimed_or_not(env) -> None:
    """What a resume's claims rules would call planned, pending or hedged is a request in a
    posting; "MD or DO" is the degree although no "degree" stands near; a place is no
    degree; residents the hire supervises are no residency."""
    from resumecheck.models import Block, Document

    profile, matcher = env
    posting = analyze_posting(Document("p.txt", "text", (
        Block("Pain Medicine Physician", line=1, is_heading=True),
        Block("Requirements", line=3, is_heading=True),
        Block("MD or DO.", line=4),
        Block("Must be board certified in pain medicine, or board eligible.", line=5),
        Block("You will perform spinal cord stimulator trials.", line=6),
        Block("Exposure to intrathecal pumps is a plus.", line=7),
        Block("Supervise anesthesiology residents in the clinic in Towson, MD.", line=8),
    )), profile, matcher)
    by_id = {t.term_id: t for t in posting.terms if t.term_id}
    assert {"medical-degree", "pain-medicine-certification", "spinal-cord-stimulation",
            "intrathecal-drug-delivery"} <= set(by_id), sorted(by_id)
    assert by_id["medical-degree"].count == 2  # "MD" and "DO" in one line; not "Towson, MD"
    assert "residency" not in by_id
    # A broader term the profile infers is no request of its own.
    assert "board-certification" not in by_id and "pain-medicine" not in by_id


def test_the_matcher_mentions_mode(env) -> None:
    from resumecheck.claims import NOT_JUDGED
    from resumecheck.models import Block, Document

    _profile, matcher = env

    def find(text: str, **kw) -> dict[str, list[tuple[str, str, str]]]:
        doc = Document("x.txt", "text", (Block(text),))
        return {tid: [(m.surface, m.claim, m.via) for m in ms]
                for tid, ms in matcher.find(doc, **kw).items()}

    # A claim is judged only without mentions; with it every match is named, never counted.
    pending = "Board certified in pain medicine (eligible); medial branch blocks."
    assert find(pending)["pain-medicine-certification"][0][1] == "mentioned"
    asked = find(pending, mentions=True)
    assert {c for ms in asked.values() for _s, c, _v in ms} == {"mentioned"}
    doc = Document("x.txt", "text", (Block(pending),))
    assert {m.reason for ms in matcher.find(doc, mentions=True).values()
            for m in ms} == {NOT_JUDGED}
    # No broader term: medial branch blocks are not nerve blocks in general.
    assert "nerve-block" in find(pending) and "nerve-block" not in asked
    # Acronyms of one term listed together support each other; alone they still need context.
    assert "medical-degree" not in find("MD or DO and a pain medicine fellowship.")
    assert [s for s, _c, _v in find("MD or DO and a pain medicine fellowship.",
                                    mentions=True)["medical-degree"]] == ["MD", "DO"]
    assert "medical-degree" not in find("MD and a pain medicine fellowship.", mentions=True)
    assert "medical-degree" not in find("The clinic is in Towson, MD.", mentions=True)
    assert len(find("Qualifications, MD or DO.", mentions=True)["medical-degree"]) == 2
