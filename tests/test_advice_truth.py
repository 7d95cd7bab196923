"""Advice that is true (issue 14, items 4 and 5).

- Advice to add a term is conditional on the truth ("If you hold...", "Where it is true of
  you"). A credential the document states in another status (pending, planned, hedged, a
  heading with nothing under it) gets advice about stating that status well, never to claim
  it, and gains nothing a rewording could earn.
- A document that says "board eligible" never gets advice with "board-certified" in it
  without a condition; no advice or term-specific fix is the same text for different terms.
- Fix texts are built from the finding's own words (J104 from the posting's and the
  resume's wording); a cover letter gets letter advice; an either/or route of the posting is
  one action, and a route the writer did not take is never advised.

Held over the sample documents, the calibration set and the claims suite's documents.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from calibration.build import build_all
from calibration.measure import LABELS, load_labels
from checking import checker
from claims.build import build as build_case
from claims.build import load_cases, missing_capability

from resumecheck.actions import (
    TRUTH_CONDITION,
    candidates,
    conditional,
    plan,
    term_advice,
)
from resumecheck.errors import InputError
from resumecheck.models import Action, ActionKind, Kind, Level, Location, Match, Report, TermResult
from resumecheck.options import CheckOptions

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
POSTING = SAMPLES / "posting_interventional_pain.txt"
WITH_JOB = CheckOptions(job=str(POSTING))
#: Words that make a sentence conditional on the truth.
CONDITION = re.compile(r"\b(if|where|once|only once|when|unless|while)\b", re.IGNORECASE)
BOARD_CERTIFIED = re.compile(r"board[- ]certified", re.IGNORECASE)
#: Finding codes whose fix is about one term.
TERM_FIXES = ("K101", "K102", "K103", "J104")


def _documents(tmp: Path) -> Iterator[tuple[str, Path, CheckOptions]]:
    for name in ("cv_pain_medicine.pdf", "cv_pain_medicine.docx",
                 "cv_pain_medicine_two_column.pdf", "cover_letter_pain_medicine.docx"):
        yield name, SAMPLES / name, CheckOptions()
    built = build_all(tmp / "calibration")
    for d in load_labels().documents:
        yield d.file, built.get(d.file, LABELS.parent / d.file), CheckOptions()
    (tmp / "claims").mkdir()
    for case in load_cases():
        if missing_capability(case, tmp / "claims") is not None:
            continue
        yield case.name, build_case(case, tmp / "claims"), CheckOptions(kind=case.kind)


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Report]:
    """Every document checked alone, and the sample and calibration ones against the
    sample posting too (key ``name + job``)."""
    tmp = tmp_path_factory.mktemp("truth")
    out: dict[str, Report] = {}
    for name, path, options in _documents(tmp):
        try:
            out[name] = checker(options).check_path(path)
            if "/" not in name:  # the claims suite's cases are too short for a posting
                out[name + " +job"] = checker(WITH_JOB).check_path(path)
        except InputError:
            continue  # a case written to be unreadable
    return out


def _advice(report: Report) -> Iterator[tuple[str, str]]:
    """(what it is about, text) of every piece of advice the report gives: each candidate
    action's title and advice, and each finding's fix."""
    for a in candidates(report):
        about = a.term_id or a.code or ""
        yield about, a.title
        yield about, a.advice
    for f in report.findings:
        yield f.code, f.fix


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.;!?])\s+", text) if s]


# --------------------------------------------------------------------------- item 4


def test_the_set_is_large_and_holds_board_eligible_documents(reports: dict[str, Report]
                                                             ) -> None:
    assert len(reports) > 200
    eligible = [n for n, r in reports.items() if _says(r, "board eligible")]
    assert len(eligible) >= 3, eligible


def _says(report: Report, words: str) -> bool:
    return any(words in (b.text or "").lower() for b in report.blocks)


def test_board_eligible_never_gets_board_certified_without_a_condition(
        reports: dict[str, Report]) -> None:
    bad = []
    for name, report in reports.items():
        if not (_says(report, "board eligible") or _says(report, "board-eligible")):
            continue
        for about, text in _advice(report):
            for sentence in _sentences(text):
                if BOARD_CERTIFIED.search(sentence) and not CONDITION.search(sentence):
                    bad.append((name, about, sentence))
    assert bad == []


def test_a_pending_credential_is_advised_about_its_status_and_gains_nothing(
        reports: dict[str, Report]) -> None:
    report = reports["fellow_anesth_board_eligible.md"]
    acts = {a.term_id: a for a in candidates(report) if a.kind == ActionKind.ADD_TERM}
    board = acts["board-certification"]
    assert board.title == "State your board certification status with its date"
    assert "pending" in board.advice and "examination date" in board.advice
    assert "only once it is granted" in board.advice
    assert board.gain == 0.0
    assert board not in plan(report).first
    k101 = [f for f in report.findings if f.code == "K101" and "board certification" in f.message]
    assert k101 and "only mentioned (pending" in k101[0].message
    assert k101[0].fix == board.advice


def test_every_add_term_advice_is_conditional_on_the_truth(reports: dict[str, Report]
                                                           ) -> None:
    bad = []
    for name, report in reports.items():
        for a in candidates(report):
            if a.kind != ActionKind.ADD_TERM:
                continue
            if not (CONDITION.search(a.advice) or "pending" in a.advice):
                bad.append((name, a.term_id, a.advice))
    assert bad == []


def test_no_advice_repeats_across_different_terms(reports: dict[str, Report]) -> None:
    """The same advice or term-specific fix for two different terms is a stock text."""
    bad = []
    for name, report in reports.items():
        seen: dict[str, set[str]] = {}
        for a in candidates(report):
            if a.kind == ActionKind.ADD_TERM and a.term:
                seen.setdefault(a.advice, set()).add(a.term)
        for f in report.findings:
            if f.code == "K101":  # the same advice as the term's action
                seen.setdefault(f.fix, set()).add(re.findall(r'"([^"]+)"', f.message)[0])
            elif f.code in TERM_FIXES and f.fix:
                seen.setdefault(f.fix, set()).add(f"{f.code}: {f.message}")
        bad += [(name, text, terms) for text, terms in seen.items() if len(terms) > 1]
    assert bad == []


def test_a_certified_physician_is_never_told_to_add_board_eligible(
        reports: dict[str, Report]) -> None:
    for name, report in reports.items():
        if not name.startswith(("complete_", "focused_", "cv_pain_medicine")):
            continue
        for a in candidates(report):
            if a.kind != ActionKind.FIX_FINDING:
                assert "eligible" not in (a.title + a.advice).lower(), (name, a)
        for f in report.findings:
            assert "eligible" not in f.fix.lower() or "pending" in f.fix.lower(), (name, f)


def test_status_advice_for_each_kind_of_mention() -> None:
    def term(reason: str, sentence: str = "BOARD CERTIFICATION") -> TermResult:
        m = Match("board-certification", "Board Certification", 0, 19,
                  Location(line=12, section="board_certification"), sentence,
                  claim="mentioned", reason=reason)
        return TermResult("board-certification", "board certification", "certification",
                          Level.REQUIRED, 2.0, "If you are board-certified, say so.", (m,))

    pending = term_advice(term('pending: "application submitted"'))
    assert pending.status == "pending" and not pending.earns
    planned = term_advice(term('planned: "expected"'))
    assert planned.status == "planned" and "dates" in planned.title and not planned.earns
    hedged = term_advice(term('hedged: "observed"'))
    assert hedged.earns and hedged.advice.count("If you have done it yourself") == 1
    negated = term_advice(term('negated: "not"'))
    assert not negated.earns and "while it is true" in negated.advice
    heading = term_advice(term("a heading with no entry under it"))
    assert heading.title == 'Fill in or remove the "BOARD CERTIFICATION" heading'
    assert heading.earns and "If you hold it" in heading.advice
    plain = TermResult("x", "nerve block", "procedures", Level.REQUIRED, 1.0,
                       "Name the blocks you perform.")
    assert term_advice(plain).advice == TRUTH_CONDITION + "name the blocks you perform."
    assert conditional("If you hold it, say so.") == "If you hold it, say so."
    assert conditional("Mention joint injections if you do them.") == (
        "Mention joint injections if you do them.")


# --------------------------------------------------------------------------- item 5


def test_a_cover_letter_gets_letter_advice_only(reports: dict[str, Report]) -> None:
    for name in ("cover_letter_pain_medicine.docx", "cover_letter_pain_medicine.docx +job"):
        report = reports[name]
        assert report.kind == Kind.COVER_LETTER
        for a in candidates(report):
            if a.kind == ActionKind.ADD_TERM:
                assert "letter" in a.advice, a.advice
                assert not re.search(r"\bsection\b|\bunder (Training|Education|Licensure)\b",
                                     a.advice), a.advice


def test_j104_fixes_use_the_posting_and_the_resume_wording(reports: dict[str, Report]
                                                            ) -> None:
    fixes = [f for r in reports.values() for f in r.findings if f.code == "J104"]
    assert len(fixes) >= 5
    for f in fixes:
        quoted = re.findall(r'"([^"]+)"', f.message)
        posting, yours = quoted[0], quoted[1]
        assert f'"{posting}"' in f.fix and f'"{yours}"' in f.fix, (f.message, f.fix)
        assert "RF neurotomy" not in f.fix or "RF neurotomy" in f.message
        assert not re.search(r"\bor\b|eligible", posting), posting  # a list, not a wording


def test_either_or_routes_are_one_action_and_named_by_their_words(
        reports: dict[str, Report]) -> None:
    report = reports["cover_letter_pain_medicine.docx +job"]
    acts = candidates(report)
    routes = [a for a in acts if "ABPMR" in a.title or "ABPMR" in a.advice]
    assert len(routes) == 1
    assert routes[0].title == 'Add the one of "ABA", "ABPMR" or "ABPN" that is yours'
    assert not any(re.search(r"\b[a-z]+(-[a-z]+)+-board\b", a.advice) for a in acts)


def test_a_route_not_taken_is_never_advised(tmp_path: Path) -> None:
    posting = tmp_path / "posting.txt"
    posting.write_text(
        "Pain Medicine Physician\nRiver Bend Spine Center\n\nRequirements\n"
        "- Completion of a residency in anesthesiology, physical medicine and rehabilitation "
        "or neurology.\n- ACGME-accredited pain medicine fellowship.\n- Board certified in "
        "pain medicine.\n- Active medical license and DEA registration.\n- Experience with "
        "spinal cord stimulation and radiofrequency ablation.\n", encoding="utf-8")
    report = checker(CheckOptions(job=str(posting))).check_path(
        SAMPLES / "cv_pain_medicine.pdf")
    assert report.job is not None
    routes = ("neurology", "physical-medicine-and-rehabilitation", "psychiatry")
    first = plan(report).first
    for a in candidates(report):
        assert 'Add "neurology"' not in a.title, a.title
        if a.term_id in routes:  # a route not taken: a bonus term, never the posting's ask
            assert a.match_gain == 0 and not a.posting_sentence and a not in first, a
            assert CONDITION.search(a.advice), a.advice


def test_route_actions_are_built_once_from_several_members() -> None:
    acts = [Action(ActionKind.ADD_TERM, 'Add "x"', "", "", term_id=i, term=i, level=lv)
            for i, lv in (("aba-board", Level.BONUS), ("abpn-board", Level.BONUS))]
    assert len({a.term_id for a in acts}) == 2
