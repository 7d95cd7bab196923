"""The score: explained, deterministic, monotone, required weighs more."""

from __future__ import annotations

from pathlib import Path

import pytest
from checking import check as run_check
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from resumecheck.models import Level, Location, Match, TermResult
from resumecheck.options import CheckOptions
from resumecheck.profiles import load_profile
from resumecheck.scoring import LEVEL_FACTOR, compute_score

PROFILE = load_profile("pain-medicine")
TERMS = PROFILE.terms


def results(found_ids: set[str]) -> list[TermResult]:
    hit = (Match("x", "x", 0, 1, Location(), "x"),)
    return [
        TermResult(t.id, t.term, t.category, t.level, t.weight, t.tip,
                   hit if t.id in found_ids else ())
        for t in TERMS
    ]


def test_nothing_found_scores_zero_and_everything_scores_100() -> None:
    assert compute_score(PROFILE, results(set())).value == 0.0
    assert compute_score(PROFILE, results({t.id for t in TERMS})).value == 100.0


def test_categories_explain_the_score() -> None:
    score = compute_score(PROFILE, results({TERMS[0].id}))
    cats = {c.id: c for c in score.categories}
    first = cats[TERMS[0].category]
    assert first.terms_found == 1
    assert first.found == TERMS[0].weight * LEVEL_FACTOR[TERMS[0].level]
    total_weight = sum(c.weight for c in score.categories)
    assert score.value == round(100 * first.weight * first.ratio / total_weight, 1)


def test_required_term_weighs_more_than_preferred_and_bonus() -> None:
    by_level = {}
    for t in TERMS:
        by_level.setdefault((t.category, t.level, t.weight), t)
    for (cat, level, weight), t in by_level.items():
        if level != Level.REQUIRED:
            continue
        for other_level in (Level.PREFERRED, Level.BONUS):
            other = by_level.get((cat, other_level, weight))
            if other:
                assert (compute_score(PROFILE, results({t.id})).value
                        > compute_score(PROFILE, results({other.id})).value)
                return
    pytest.fail("no category has a required and a lesser term of the same weight")


@settings(max_examples=200, deadline=None)
@given(st.sets(st.sampled_from([t.id for t in TERMS])), st.sampled_from([t.id for t in TERMS]))
def test_adding_a_term_never_lowers_the_score(found: set[str], extra: str) -> None:
    before = compute_score(PROFILE, results(found)).value
    after = compute_score(PROFILE, results(found | {extra})).value
    assert after >= before


def test_hidden_matches_earn_nothing() -> None:
    t = TERMS[0]
    hidden = (Match(t.id, "x", 0, 1, Location(), "x", hidden=True),)
    r = [TermResult(t.id, t.term, t.category, t.level, t.weight, t.tip, hidden)]
    assert compute_score(PROFILE, r).value == 0.0


SENTENCES = [
    "Completed an ACGME-accredited pain medicine fellowship.",
    "Performed 300 epidural steroid injections under fluoroscopy.",
    "Board certified by the American Board of Anesthesiology (ABA).",
    "Led opioid stewardship for the clinic.",
    "Placed spinal cord stimulators for refractory neuropathic pain.",
    "Performed radiofrequency ablation of lumbar medial branches.",
    "Member of ASRA and AAPM.",
    "Used telemedicine and the EMR daily.",
    "Treated fibromyalgia, migraine and complex regional pain syndrome.",
    "Worked with physical therapists and psychologists.",
]


@settings(max_examples=12, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(SENTENCES), max_size=5), st.sampled_from(SENTENCES))
def test_adding_a_listed_term_to_a_document_never_lowers_its_score(
    tmp_path: Path, base: list[str], extra: str
) -> None:
    doc_a = tmp_path / "a.txt"
    doc_b = tmp_path / "b.txt"
    body = "EXPERIENCE\n\n" + "\n\n".join(base) + "\n"
    doc_a.write_text(body, encoding="utf-8")
    doc_b.write_text(body + "\n" + extra + "\n", encoding="utf-8")
    opts = CheckOptions(kind="resume")
    assert run_check(doc_b, opts).score.value >= run_check(doc_a, opts).score.value


def test_repeating_a_term_earns_nothing(tmp_path: Path) -> None:
    once = tmp_path / "once.txt"
    many = tmp_path / "many.txt"
    once.write_text("EXPERIENCE\n\nPerformed radiofrequency ablation.\n", encoding="utf-8")
    many.write_text("EXPERIENCE\n\n" + "Performed radiofrequency ablation. " * 40 + "\n",
                    encoding="utf-8")
    opts = CheckOptions(kind="resume")
    assert run_check(once, opts).score.value == run_check(many, opts).score.value


def test_same_input_same_report(tmp_path: Path) -> None:
    doc = tmp_path / "cv.txt"
    doc.write_text("EXPERIENCE\n\n" + "\n\n".join(SENTENCES) + "\n", encoding="utf-8")
    opts = CheckOptions(kind="resume")
    assert run_check(doc, opts).to_dict() == run_check(doc, opts).to_dict()


# --------------------------------------------------------------------------- fullness


def _category(cat_id: str) -> list:
    return [t for t in TERMS if t.category == cat_id]


def test_a_category_with_full_at_is_full_at_the_points_of_its_heaviest_terms() -> None:
    cat = PROFILE.category("conditions")
    assert cat.full_at is not None
    members = sorted(_category("conditions"),
                     key=lambda t: -t.weight * LEVEL_FACTOR[t.level])
    heaviest = {t.id for t in members[:cat.full_at]}
    one_short = {t.id for t in members[:cat.full_at - 1]}
    shares = {c.id: c for c in compute_score(PROFILE, results(heaviest)).categories}
    assert shares["conditions"].ratio == 1.0
    assert shares["conditions"].full_at == cat.full_at
    short = {c.id: c for c in compute_score(PROFILE, results(one_short)).categories}
    assert 0 < short["conditions"].ratio < 1.0
    # Lighter terms fill it too, when there are enough of them (and the required ones,
    # which nothing makes up for, are there).
    required = {t.id for t in members if t.level == Level.REQUIRED}
    lightest = required | {t.id for t in members[-(cat.full_at * 3):]}
    light = {c.id: c for c in compute_score(PROFILE, results(lightest)).categories}
    assert light["conditions"].ratio == 1.0


def test_found_points_never_exceed_what_makes_a_category_full() -> None:
    everything = compute_score(PROFILE, results({t.id for t in TERMS}))
    for c in everything.categories:
        assert c.found == c.possible, c.id
    assert everything.value == 100.0


def test_bonus_terms_add_but_never_cost() -> None:
    from resumecheck.profiles import Category, Profile

    profile = Profile(name="p", title="p", description="", version="0", source="test",
                      categories=(Category("c", "C", 1.0),), terms=())
    hit = (Match("x", "x", 0, 1, Location(), "x"),)

    def term(i: str, level: Level, found: bool) -> TermResult:
        return TermResult(i, i, "c", level, 1.0, "", hit if found else ())

    core_only = [term("a", Level.REQUIRED, True), term("b", Level.PREFERRED, True)]
    with_bonus = core_only + [term("z", Level.BONUS, False)]
    # A bonus term missing costs nothing: the category is full without it...
    assert compute_score(profile, core_only).value == 100.0
    assert compute_score(profile, with_bonus).value == 100.0
    # ...and found, it adds to a category that is not yet full.
    half = [term("a", Level.REQUIRED, True), term("b", Level.PREFERRED, False)]
    assert (compute_score(profile, half + [term("z", Level.BONUS, True)]).value
            > compute_score(profile, half + [term("z", Level.BONUS, False)]).value)


def test_a_category_of_bonus_terms_only_is_full_with_all_of_them() -> None:
    from resumecheck.profiles import Category, Profile

    profile = Profile(name="p", title="p", description="", version="0", source="test",
                      categories=(Category("c", "C", 1.0),), terms=())
    hit = (Match("x", "x", 0, 1, Location(), "x"),)
    bonus = [TermResult(i, i, "c", Level.BONUS, 1.0, "", hit if i == "a" else ())
             for i in ("a", "b")]
    assert compute_score(profile, bonus).value == 50.0


@settings(max_examples=200, deadline=None)
@given(st.sets(st.sampled_from([t.id for t in TERMS])))
def test_category_shares_stay_between_zero_and_one(found: set[str]) -> None:
    for c in compute_score(PROFILE, results(found)).categories:
        assert 0.0 <= c.ratio <= 1.0
        assert c.found <= c.possible


def test_no_other_term_makes_up_for_a_missing_required_one() -> None:
    members = _category("conditions")
    required = [t for t in members if t.level == Level.REQUIRED]
    assert required
    others = {t.id for t in members if t.level != Level.REQUIRED}
    everything_else = {c.id: c for c in compute_score(PROFILE, results(others)).categories}
    missing = sum(t.weight * LEVEL_FACTOR[t.level] for t in required)
    conditions = everything_else["conditions"]
    assert conditions.found == round(conditions.possible - missing, 4)
    assert conditions.ratio < 1.0
    full = {c.id: c for c in compute_score(PROFILE, results(others | {t.id for t in required})
                                           ).categories}
    assert full["conditions"].ratio == 1.0
