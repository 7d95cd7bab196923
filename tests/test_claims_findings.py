"""What a user sees of claims: the score, the mentioned-not-claimed finding (Q102) with its
reason and place, and the keyword-dump finding (K107)."""

from __future__ import annotations

from pathlib import Path

from checking import check as run_check

from resumecheck.models import Report
from resumecheck.options import CheckOptions

HEAD = ("Riley Chen, MD\nriley.chen@example.com | (555) 010-0142\n\n"
        "Hospitalist at Mercy General Hospital for five years, caring for adults admitted "
        "with medical and surgical problems.\n\n")


def check(tmp_path: Path, text: str, name: str = "cv.txt", kind: str = "resume") -> Report:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return run_check(path, CheckOptions(kind=kind))


def found(report: Report) -> set[str]:
    return {t.id for t in report.terms if t.found}


def test_a_hedged_mention_earns_nothing_and_q102_says_why_and_where(tmp_path: Path) -> None:
    hedged = check(tmp_path, HEAD + "SKILLS\nFamiliarity with spinal cord stimulation.\n")
    claimed = check(tmp_path, HEAD + "SKILLS\nPerformed 80 spinal cord stimulation trials.\n",
                    "claimed.txt")
    assert "spinal-cord-stimulation" not in found(hedged)
    assert "spinal-cord-stimulation" in found(claimed)
    assert hedged.score.value < claimed.score.value
    (q102,) = [f for f in hedged.findings if f.code == "Q102"]
    assert q102.message.startswith('"spinal cord stimulation" is mentioned, not claimed '
                                   '(hedged: "Familiarity with")')
    assert q102.location.section == "skills" and q102.location.line == 7


def test_pending_credentials_are_reported_not_credited(tmp_path: Path) -> None:
    report = check(tmp_path, HEAD + "LICENSURE\nDEA registration pending; Ohio medical "
                                     "license application submitted.\n")
    assert not {"dea-registration", "medical-license"} & found(report)
    (q102,) = [f for f in report.findings if f.code == "Q102"]
    assert '"medical license", "DEA registration" are mentioned, not claimed' in q102.message \
        or '"DEA registration", "medical license" are mentioned, not claimed' in q102.message
    assert "pending" in q102.message


def test_a_term_claimed_elsewhere_is_not_reported_as_unclaimed(tmp_path: Path) -> None:
    report = check(tmp_path, HEAD + "EXPERIENCE\nPerformed 300 nerve blocks.\n\nSKILLS\n"
                                     "Exposure to nerve blocks in children.\n")
    assert "nerve-block" in found(report)
    assert not [f for f in report.findings if "mentioned, not claimed" in f.message]


def test_plans_in_a_cover_letter_are_not_reported(tmp_path: Path) -> None:
    text = ("Dear Dr. Moss,\n\nI completed my pain medicine fellowship in 2021 and now treat "
            "chronic pain with nerve blocks and radiofrequency ablation in a busy practice. I "
            "would welcome the chance to build your neuromodulation service.\n\nSincerely,\n"
            "Lee Harmon, MD\n")
    report = check(tmp_path, text, "letter.txt", kind="cover-letter")
    assert "neuromodulation" not in found(report)
    assert not [f for f in report.findings if f.code == "Q102"]


def test_a_keyword_dump_is_flagged_and_earns_each_term_once(tmp_path: Path) -> None:
    terms = ("pain medicine, spinal cord stimulation, radiofrequency ablation, epidural steroid "
             "injection, nerve block, opioid stewardship, telemedicine, fibromyalgia, migraine")
    dump = check(tmp_path, HEAD + "Keywords: " + terms + "\n")
    twice = check(tmp_path, HEAD + "Keywords: " + terms + "\n\nKeywords: " + terms + "\n",
                  "twice.txt")
    written = check(tmp_path, HEAD + "EXPERIENCE\n" + "\n".join(
        f"- Worked with {t.strip()} daily." for t in terms.split(",")) + "\n", "written.txt")
    (k107,) = [f for f in dump.findings if f.code == "K107"]
    assert k107.message.startswith('Keyword list of 9 items with no other words: "pain '
                                   'medicine", "spinal cord stimulation"')
    assert k107.location.line == 6
    assert dump.score.value == twice.score.value <= written.score.value
    assert "K107" not in {f.code for f in written.findings}


def test_a_heading_alone_never_credits_a_credential(tmp_path: Path) -> None:
    alone = check(tmp_path, HEAD + "BOARD CERTIFICATION\n\nEXPERIENCE\nHospitalist, 2019-2024.\n")
    entry = check(tmp_path, HEAD + "BOARD CERTIFICATION\nAnesthesiology, American Board of "
                                   "Anesthesiology, 2017\n", "entry.txt")
    assert "board-certification" not in found(alone)
    assert "board-certification" in found(entry)
    (q102,) = [f for f in alone.findings if f.code == "Q102"]
    assert "a heading with no entry under it" in q102.message
