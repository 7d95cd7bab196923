"""Keyword placement, wording and stuffing findings on hand-built documents."""

from __future__ import annotations

from pathlib import Path

import pytest
from checking import checker

from resumecheck.checks import CheckContext, run_checks
from resumecheck.models import Block, Document, Kind, Origin, TermResult
from resumecheck.scoring import compute_score


@pytest.fixture(scope="module")
def env():
    built = checker()
    return built.profile, built.matcher


def _check(env, *blocks: Block):
    profile, matcher = env
    document = Document(path="t", format="docx", blocks=blocks)
    doc = matcher.pipeline.make_doc(document.text)
    matches = matcher.find(document, doc)
    results = tuple(
        TermResult(id=t.id, term=t.term, category=t.category, level=t.level, weight=t.weight,
                   tip=t.tip, matches=matches.get(t.id, ()))
        for t in profile.for_kind(Kind.RESUME))
    ctx = CheckContext(document=document, kind=Kind.RESUME, profile=profile, terms=results,
                       doc=doc, matches=matches)
    return run_checks(ctx), compute_score(profile, results), results


def _by(findings, code):
    return [f for f in findings if f.code == code]


def test_term_only_in_text_box_warns_but_counts(env) -> None:
    findings, score, results = _check(
        env, Block("PROCEDURES"), Block("Epidural steroid injections."),
        Block("Palliative care focus.", origin=Origin.TEXTBOX))
    hits = _by(findings, "K104")
    assert [f.message.split('"')[1] for f in hits] == ["palliative care"]
    assert hits[0].location.origin == Origin.TEXTBOX
    assert next(r for r in results if r.id == "palliative-care").found


def test_term_also_in_body_is_fine(env) -> None:
    findings, _, _ = _check(env, Block("Palliative care.", origin=Origin.HEADER),
                            Block("Palliative care clinic, 2019."))
    assert not _by(findings, "K104")


def test_hidden_match_flagged_and_not_counted(env) -> None:
    findings, score, results = _check(
        env, Block("SUMMARY"), Block("Spinal cord stimulation.", hidden=True))
    assert _by(findings, "K106")
    assert not next(r for r in results if r.id == "spinal-cord-stimulation").found
    _, visible_score, _ = _check(env, Block("SUMMARY"), Block("Spinal cord stimulation."))
    assert visible_score.value > score.value


def test_stuffing_flagged_and_not_rewarded(env) -> None:
    once, once_score, _ = _check(env, Block("Nerve block, 200 cases."))
    stuffed, stuffed_score, _ = _check(env, Block("Nerve block. " * 12))
    assert _by(stuffed, "K105") and not _by(once, "K105")
    assert stuffed_score.value == once_score.value


def test_stuffing_spread_over_blocks(env) -> None:
    blocks = [Block(f"Nerve block case {i}.") for i in range(10)]
    findings, _, _ = _check(env, *blocks)
    assert _by(findings, "K105")
    long_doc = blocks + [Block("word " * 2000)]
    findings, _, _ = _check(env, *long_doc)
    assert not _by(findings, "K105")  # 10 mentions in 2,000+ words is natural


def test_acronym_only_and_long_form_only(env) -> None:
    findings, _, _ = _check(env, Block("RFA of lumbar medial branches."))
    assert [f.message for f in _by(findings, "K102")] == [
        '"RFA" is never written out as "radiofrequency ablation".']
    findings, _, _ = _check(env, Block("Radiofrequency ablation (RFA), 300 cases."))
    assert not _by(findings, "K102") and not any("radiofrequency" in f.message
                                                 for f in _by(findings, "K103"))
    findings, _, _ = _check(env, Block("Spinal cord stimulation trials."))
    assert any("SCS" in f.message for f in _by(findings, "K103"))


def test_two_letter_acronyms_need_no_long_form(env) -> None:
    findings, _, _ = _check(env, Block("Jane Doe, MD"))
    assert not _by(findings, "K102")


def test_rule_examples_exist_for_new_codes() -> None:
    from resumecheck.checks import all_rules

    rules = all_rules()
    for code in ("K102", "K103", "K104", "K105", "K106", "J101", "J102", "J103", "J104",
                 *(f"L1{n:02d}" for n in range(1, 12))):
        assert rules[code].bad and rules[code].good, code
    assert all(rules[c].example_kind == "cover-letter" for c in rules if c.startswith("L"))


def test_runnable_examples(tmp_path: Path) -> None:
    from checking import check as run_check

    from resumecheck.checks import all_rules
    from resumecheck.options import CheckOptions

    for code, r in all_rules().items():
        if not code.startswith(("K10", "L1")) or not r.runnable or code == "K101":
            continue
        for which, text in (("bad", r.bad), ("good", r.good)):
            path = tmp_path / f"{code}-{which}.txt"
            path.write_text(text)
            codes = {f.code for f in run_check(path, CheckOptions(kind=r.example_kind)).findings}
            assert (code in codes) == (which == "bad"), (code, which)


@pytest.mark.parametrize(("acronym", "wording", "expected"), [
    ("ESI", "epidural steroid injections", True),
    ("PHN", "postherpetic neuralgia", True),
    ("USMLE", "United States Medical Licensing Examination", True),
    ("DJD", "arthritis", False),
    ("PCP", "primary care", False),
    ("IDDS", "intrathecal drug delivery", False),
])
def test_abbreviates(acronym: str, wording: str, expected: bool) -> None:
    from resumecheck.checks.keywords import abbreviates

    assert abbreviates(acronym, wording) is expected


def test_long_form_advice_names_only_acronyms_of_the_wording_used(tmp_path) -> None:
    from checking import check as run_check

    from resumecheck.options import CheckOptions

    cv = tmp_path / "cv.txt"
    cv.write_text("LICENSURE\n\nDEA registration, active.\n\nEXPERIENCE\n\n"
                  "Treated arthritis with primary care colleagues. Performed epidural steroid "
                  "injections.\n\nEDUCATION\n\nPassed the USMLE.\n", encoding="utf-8")
    findings = run_check(cv, CheckOptions(kind="resume")).findings
    k103 = [f.message for f in findings if f.code == "K103"]
    assert k103 == ['"epidural steroid injections" is never given its acronym (ESI).']
    k102 = [f.fix for f in findings if f.code == "K102"]
    assert 'Write "United States Medical Licensing Examination (USMLE)" once.' in k102


def test_many_terms_only_in_tables_make_one_finding(tmp_path) -> None:
    import docx
    from checking import check as run_check

    from resumecheck.options import CheckOptions

    terms = ["epidural steroid injections", "nerve blocks", "radiofrequency ablation",
             "spinal cord stimulation", "opioid stewardship", "fibromyalgia", "migraine",
             "telemedicine", "patient education", "sciatica"]
    document = docx.Document()
    document.add_paragraph("EXPERIENCE")
    document.add_paragraph("Attending physician at a community clinic from 2015 to 2024, "
                           "seeing adults referred by their own doctors for long-standing "
                           "problems of many kinds.")
    table = document.add_table(rows=len(terms), cols=1)
    for row, term in zip(table.rows, terms, strict=True):
        row.cells[0].text = f"{term}: 100 cases"
    path = tmp_path / "cv.docx"
    document.save(str(path))
    k104 = [f for f in run_check(path, CheckOptions(kind="resume")).findings
            if f.code == "K104"]
    assert len(k104) == 1
    assert k104[0].message.startswith("10 terms are found only in a table: ")
    assert k104[0].message.count('"') == 16 and "and 2 more" in k104[0].message
