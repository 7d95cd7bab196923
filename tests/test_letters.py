"""Cover-letter findings: each L check fires on a weak letter and stays quiet on a good one."""

from __future__ import annotations

from pathlib import Path

import pytest
from checking import check as run_check

from resumecheck.options import CheckOptions

ROOT = Path(__file__).resolve().parents[1]
GOOD = (
    "Dear Dr. Okafor,\n"
    "I am writing to apply for the Pain Medicine Physician position at Harbor Bend "
    "Multispecialty Group. " * 1
    + "I practise patient-centered care and collaborate with physical therapists and "
      "psychologists every week. I reduced average opioid doses by 30% across my panel. "
    * 6
    + "\nI would welcome the chance to discuss the post in an interview.\nSincerely,\nElena\n"
)


def _codes(tmp_path: Path, text: str, **options) -> set[str]:
    path = tmp_path / "letter.txt"
    path.write_text(text)
    report = run_check(path, CheckOptions(kind="cover-letter", **options))
    return {f.code for f in report.findings}


def test_good_letter_is_quiet(tmp_path: Path) -> None:
    codes = _codes(tmp_path, GOOD)
    assert not {c for c in codes if c.startswith("L")}


@pytest.mark.parametrize(("code", "text"), [
    ("L101", "Dear Dr. Okafor,\nI would like to work with you."),
    ("L102", "Dear Dr. Okafor,\nI am applying for the physician position at your practice."),
    ("L103", "To whom it may concern,\nI am applying for the position."),
    ("L103", "Dear Hiring Manager,\nI am applying for the position."),
    ("L104", "Dear Dr. Okafor,\n" + "I treated chronic pain with care every day. " * 70),
    ("L105", "Dear Dr. Okafor,\nPlease find my CV attached.\nSincerely,\nElena"),
    ("L106", "Dear Dr. Okafor,\nI perform radiofrequency ablation."),
    ("L107", "Dear Dr. Okafor,\nI perform radiofrequency ablation."),
    ("L108", "Dear Dr. Okafor,\nI improved outcomes for many patients since 2019."),
    ("L109", "Dear Dr. Okafor,\nThank you for reading.\nSincerely,\nElena"),
])
def test_weak_letter_fires(tmp_path: Path, code: str, text: str) -> None:
    assert code in _codes(tmp_path, text)


def test_letter_checks_skip_resumes(tmp_path: Path) -> None:
    path = tmp_path / "cv.txt"
    path.write_text("To whom it may concern,\nPlease find my CV attached.")
    report = run_check(path, CheckOptions(kind="resume"))
    assert not any(f.code.startswith("L") for f in report.findings)


def test_position_and_employer_compared_with_posting(tmp_path: Path) -> None:
    posting = tmp_path / "posting.txt"
    posting.write_text("Interventional Pain Physician - Riverstone Health System\n\n"
                       "Requirements\n- Kyphoplasty.\n\n"
                       "Riverstone Health System is an equal opportunity employer.\n")
    codes = _codes(tmp_path, GOOD, job=str(posting))
    assert {"L101", "L102"} <= codes  # GOOD names another post and employer
    letter = GOOD.replace("Pain Medicine Physician", "Interventional Pain Physician").replace(
        "Harbor Bend Multispecialty Group", "Riverstone Health System")
    codes = _codes(tmp_path, letter, job=str(posting))
    assert not {"L101", "L102"} & codes


def test_sample_cover_letter() -> None:
    report = run_check(ROOT / "samples" / "cover_letter_pain_medicine.docx", CheckOptions())
    assert report.kind.value == "cover-letter"
    codes = {f.code for f in report.findings}
    # Addressed by name, measured outcome, interview request, named post and employer.
    assert not {"L101", "L102", "L103", "L108", "L109"} & codes


def test_letter_against_resume(tmp_path: Path) -> None:
    resume = tmp_path / "cv.txt"
    resume.write_text("FELLOWSHIP\nPain medicine fellowship, 2018-2019.\n"
                      "BOARD CERTIFICATION\nBoard certified in anesthesiology.\n"
                      "PROCEDURES\nEpidural steroid injections. Radiofrequency ablation.\n")
    letter = GOOD + "\nI also perform spinal cord stimulation trials.\n"
    path = tmp_path / "letter.txt"
    path.write_text(letter)
    report = run_check(path, CheckOptions(kind="cover-letter", resume=str(resume)))
    claims = [f for f in report.findings if f.code == "L110"]
    assert any("spinal cord stimulation" in f.message for f in claims)
    assert all(f.location is not None for f in claims)
    strengths = [f.message for f in report.findings if f.code == "L111"]
    assert 0 < len(strengths) <= 3
    assert any("pain medicine fellowship" in m for m in strengths)
    # Without --resume neither check runs.
    plain = run_check(path, CheckOptions(kind="cover-letter"))
    assert not {"L110", "L111"} & {f.code for f in plain.findings}
