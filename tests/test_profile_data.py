"""The built-in profiles are data, tested like code.

Running the example sentences through the matcher is the matcher's test; these check the
data itself: every term is well-formed, findable, explained and exemplified.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest

from resumecheck.models import Kind, Level
from resumecheck.profiles import builtin_profiles, load_examples, load_profile, wording_key

NAMES = [name for name, _ in builtin_profiles()]


@pytest.fixture(scope="module", params=NAMES)
def profile(request):
    return load_profile(request.param)


@pytest.fixture(scope="module")
def examples(profile):
    found = load_examples(profile)
    assert found is not None, f"{profile.name} has no examples file"
    return found


def test_there_is_a_builtin_profile():
    assert "pain-medicine" in NAMES


def test_header_is_complete(profile):
    assert profile.name == profile.source.removeprefix("builtin:")
    assert profile.title and profile.description and profile.version
    assert re.fullmatch(r"\d+\.\d+\.\d+", profile.version)


def test_every_term_has_a_practical_one_line_tip(profile):
    for term in profile.terms:
        assert term.tip, term.id
        assert "\n" not in term.tip
        assert 20 <= len(term.tip) <= 140, (term.id, term.tip)
        assert term.tip[-1] in ".!)", (term.id, term.tip)


def test_tips_are_not_copied_between_terms(profile):
    tips = Counter(t.tip for t in profile.terms)
    assert [tip for tip, n in tips.items() if n > 1] == []


def test_no_duplicate_ids_or_wordings(profile):
    ids = Counter(t.id for t in profile.terms)
    assert [i for i, n in ids.items() if n > 1] == []
    owners: dict[str, str] = {}
    for term in profile.terms:
        for wording, _via in term.variants():
            key = wording_key(wording)
            assert owners.setdefault(key, term.id) == term.id, (wording, owners[key])


def test_every_acronym_has_a_long_form(profile):
    """A CV that writes only "RFA" misses the long-form search, and the reverse; the
    profile must know both so it can advise which one is missing."""
    for term in profile.terms:
        if not term.acronyms:
            continue
        words = [term.term, *term.aliases]
        long_forms = [w for w in words if not set(w.split()) & set(term.acronyms)]
        assert long_forms, term.id
        for acronym in term.acronyms:
            assert " " not in acronym and any(ch.isupper() for ch in acronym)
            assert not any(ch.islower() for ch in acronym), (term.id, acronym)


def test_short_acronyms_are_few_and_read_in_context(profile):
    """Two-letter acronyms collide with ordinary words, US states and codes most often; each
    one was weighed (see docs/profiles.md) and counts only in the context its term declares."""
    short = sorted(a for t in profile.terms for a in t.acronyms if len(a) <= 2)
    assert short == ["CT", "DO", "GP", "MD", "OA", "PT", "QI"]
    for term in profile.terms:
        for acronym in term.acronyms:
            if len(acronym) <= 2:
                assert term.context is not None and term.context.needs_support, term.id
                assert not term.context.wordings or acronym in term.context.wordings, acronym


def test_the_issue_s_ambiguous_acronyms_declare_context(profile):
    """MD, DO, CT, PT, ABA, DEA, EMR, ESI, MBB, RFA, CBT, PHN, SCS: each needs support."""
    by_acronym = {a: t for t in profile.terms for a in t.acronyms}
    for acronym in ("MD", "DO", "CT", "PT", "ABA", "DEA", "EMR", "ESI", "MBB", "RFA", "CBT",
                    "PHN", "SCS"):
        term = by_acronym[acronym]
        assert term.context is not None and term.context.needs_support, acronym
        assert not term.context.wordings or acronym in term.context.wordings, acronym


def test_every_category_is_used_and_weighted(profile):
    used = Counter(t.category for t in profile.terms)
    for category in profile.categories:
        assert used[category.id] > 0, category.id
        assert 0 < category.weight <= 5, category.id
        assert category.title and category.description, category.id


def test_weights_are_sane(profile):
    for term in profile.terms:
        assert 0.25 <= term.weight <= 3, term.id


def test_levels_are_balanced(profile):
    levels = Counter(t.level for t in profile.terms)
    assert 8 <= levels[Level.REQUIRED] <= 25
    assert levels[Level.PREFERRED] > levels[Level.REQUIRED]
    assert levels[Level.BONUS] > 0


def test_required_terms_also_apply_to_cover_letters(profile):
    for term in profile.terms:
        assert Kind.RESUME in term.kinds, term.id
        if term.level is Level.REQUIRED:
            assert Kind.COVER_LETTER in term.kinds, term.id


def test_pain_medicine_covers_the_field():
    profile = load_profile("pain-medicine")
    assert 110 <= len(profile.terms) <= 150
    required = {t.id for t in profile.terms if t.level is Level.REQUIRED}
    assert {"medical-degree", "residency", "pain-medicine-fellowship", "board-certification",
            "pain-medicine-certification", "medical-license", "epidural-steroid-injection",
            "nerve-block", "radiofrequency-ablation", "spinal-cord-stimulation",
            "opioid-stewardship"} <= required
    acronyms = {a for t in profile.terms for a in t.acronyms}
    assert {"MD", "DO", "USMLE", "COMLEX-USA", "PM&R", "ACGME", "ABA", "ABPMR", "ABPN", "MOC",
            "CME", "ESI", "RFA", "SCS", "PRP", "NSAID", "MRI", "CT", "EMG", "NCS", "CRPS",
            "AAPM", "ASRA", "NANS", "EMR", "EHR"} <= acronyms
    wordings = {wording_key(w) for t in profile.terms for w, _ in t.variants()}
    # Both spellings of licence, and both of centred, count.
    assert {"medical license", "medical licence", "patient centered care",
            "patient centred care"} <= wordings


def test_every_term_has_a_positive_example(profile, examples):
    covered = {term_id for term_id, _ in examples.positives}
    assert [t.id for t in profile.terms if t.id not in covered] == []


def test_every_acronym_appears_in_a_positive_example(profile, examples):
    """Written in capitals as a CV would, alone or with a plural "s"."""
    texts = {}
    for term_id, text in examples.positives:
        texts.setdefault(term_id, []).append(text)
    for term in profile.terms:
        for acronym in term.acronyms:
            pattern = rf"(?<![\w&-]){re.escape(acronym)}s?(?![\w&])"
            assert any(re.search(pattern, t) for t in texts[term.id]), (term.id, acronym)


def test_examples_refer_to_existing_terms(profile, examples):
    ids = {t.id for t in profile.terms}
    assert {term_id for term_id, _ in examples.positives} <= ids
    for _text, term_ids in examples.negatives:
        assert set(term_ids) <= ids


def test_examples_are_unique_and_plentiful(profile, examples):
    texts = [text for _, text in examples.positives] + [text for text, _ in examples.negatives]
    assert len(texts) == len(set(texts))
    assert len(examples.negatives) >= 15


def test_negatives_cover_the_risky_acronyms(profile, examples):
    """Acronyms that are also ordinary words, names or other abbreviations."""
    guarded = {term_id for _, term_ids in examples.negatives for term_id in term_ids}
    for term_id in ("aba-board", "medical-degree", "computed-tomography",
                    "spinal-cord-stimulation", "nerve-conduction-studies", "physical-therapy",
                    "nans", "dea-registration", "maintenance-of-certification"):
        assert term_id in guarded, term_id
    assert any(not term_ids for _, term_ids in examples.negatives)
