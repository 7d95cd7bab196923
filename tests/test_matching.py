"""Matching: inflections, case-sensitive acronyms, hyphen variants, wrapped lines, locations."""

from __future__ import annotations

from pathlib import Path

import pytest

from resumecheck.matching import TermMatcher, sentence_around
from resumecheck.models import Origin
from resumecheck.nlp import load_pipeline
from resumecheck.profiles import load_profile
from resumecheck.readers import read_bytes

PROFILE = """
[profile]
name = "mini"
title = "Mini"
description = "A small profile for matching tests."
version = "1"

[categories.main]
title = "Main"
weight = 1.0

[[terms]]
id = "fellowship"
term = "pain medicine fellowship"
category = "main"
level = "required"
tip = "Name the fellowship."

[[terms]]
id = "aba"
term = "American Board of Anesthesiology"
acronyms = ["ABA"]
category = "main"
level = "required"
tip = "Name the board."

[[terms]]
id = "rfa"
term = "radio-frequency ablation"
acronyms = ["RFA"]
category = "main"
level = "preferred"
tip = "Name RFA."

[[terms]]
id = "board-certified"
term = "board-certified"
category = "main"
level = "preferred"
tip = "Say it."

[[terms]]
id = "esi"
term = "epidural steroid injection"
acronyms = ["ESI"]
category = "main"
level = "preferred"
tip = "Say it."

[[terms]]
id = "scs"
term = "spinal cord stimulation"
acronyms = ["SCS"]
category = "main"
level = "preferred"
tip = "Say it."
"""


@pytest.fixture(scope="module")
def matcher(tmp_path_factory: pytest.TempPathFactory) -> TermMatcher:
    path = tmp_path_factory.mktemp("profile") / "mini.toml"
    path.write_text(PROFILE, encoding="utf-8")
    return TermMatcher(load_profile(str(path)).terms, load_pipeline())


def found(matcher: TermMatcher, text: str) -> dict[str, list[str]]:
    """Surfaces of the matches that count, by term."""
    document = read_bytes(text.encode("utf-8"), "t.txt")
    out = {k: [m.surface for m in v if m.counts] for k, v in matcher.find(document).items()}
    return {k: v for k, v in out.items() if v}


def test_words_match_whatever_the_case_and_inflection(matcher: TermMatcher) -> None:
    got = found(matcher, "Completed two Pain Medicine Fellowships and 300 Epidural Steroid "
                         "Injections.")
    assert got["fellowship"] == ["Pain Medicine Fellowships"]
    assert got["esi"] == ["Epidural Steroid Injections"]


@pytest.mark.parametrize("text", [
    "Diplomate, ABA, 2021.",
    "Certified by the ABA in 2020",
    "American Board of Anesthesiology diplomate",
])
def test_acronym_and_long_form_are_found(matcher: TermMatcher, text: str) -> None:
    assert "aba" in found(matcher, text)


@pytest.mark.parametrize("text", [
    "Learned the abacus as a child.",
    "aba therapy in lowercase prose",
    "Dr. Abad and Dr. Aba joined",
    "ABAB pattern",
])
def test_acronyms_never_match_inside_words_or_in_lowercase(matcher: TermMatcher,
                                                           text: str) -> None:
    assert "aba" not in found(matcher, text)


def test_acronym_plural_matches(matcher: TermMatcher) -> None:
    assert found(matcher, "Performed 120 RFAs and 40 ESIs.") == {"rfa": ["RFAs"], "esi": ["ESIs"]}


@pytest.mark.parametrize("text", [
    "Performed radiofrequency ablation of medial branches.",
    "Performed radio-frequency ablations of medial branches.",
    "Performed radio frequency ablation of medial branches.",
])
def test_hyphen_spacing_and_joined_variants(matcher: TermMatcher, text: str) -> None:
    assert "rfa" in found(matcher, text)


@pytest.mark.parametrize("text", ["Board certified in anesthesiology.",
                                  "Board-certified in anesthesiology."])
def test_hyphenated_term_matches_spaced_wording(matcher: TermMatcher, text: str) -> None:
    assert "board-certified" in found(matcher, text)


def test_term_wrapped_over_a_line_break_is_found(matcher: TermMatcher) -> None:
    text = "Managed a busy service offering spinal cord\nstimulation trials and implants.\n"
    assert found(matcher, text)["scs"] == ["spinal cord stimulation"]


def test_term_never_spans_two_blocks(matcher: TermMatcher) -> None:
    text = "SKILLS\n\nspinal cord\n\nstimulation\n"
    assert "scs" not in found(matcher, text)


def test_match_records_block_section_line_and_sentence(matcher: TermMatcher) -> None:
    text = ("Jane Roe, MD\n\nPROCEDURES\n\nTrained residents. Performed 80 spinal cord "
            "stimulation trials in 2023. Taught workshops.\n")
    document = read_bytes(text.encode(), "cv.txt")
    (m,) = matcher.find(document)["scs"]
    assert document.text[m.start:m.end] == "spinal cord stimulation"
    assert m.location.section == "procedures"
    assert m.location.line == 5
    assert m.location.origin == Origin.BODY
    assert m.sentence == "Performed 80 spinal cord stimulation trials in 2023."


def test_matches_are_deterministic(matcher: TermMatcher) -> None:
    text = "ABA. RFA, radiofrequency ablation, epidural steroid injections, ESI, SCS. " * 20
    assert found(matcher, text) == found(matcher, text)


def test_sentence_is_cut_around_long_blocks() -> None:
    text = "word " * 200 + "TARGET " + "word " * 200
    start = text.index("TARGET")
    out = sentence_around(text, start, start + 6)
    assert "TARGET" in out and len(out) <= 260 and out.startswith("…") and out.endswith("…")


def test_builtin_examples_match_and_negatives_do_not() -> None:
    from resumecheck.profiles import load_examples

    profile = load_profile("pain-medicine")
    examples = load_examples(profile)
    if examples is None:
        pytest.fail("the built-in profile has no examples file")
    m = TermMatcher(profile, load_pipeline())
    misses = []
    for term_id, sentence in examples.positives:
        if term_id not in found(m, sentence):
            misses.append((term_id, sentence))
    assert misses == []
    wrong = []
    for sentence, term_ids in examples.negatives:
        got = set(found(m, sentence))
        bad = got & set(term_ids) if term_ids else got
        if bad:
            wrong.append((sentence, sorted(bad)))
    assert wrong == []


def test_lemma_keys_come_from_lookup_tables_without_a_model() -> None:
    doc = load_pipeline().make_doc("Fellowships Injections certified")
    assert [t.norm_ for t in doc] == ["fellowship", "injection", "certify"]


def test_empty_document_has_no_matches(tmp_path: Path) -> None:
    from resumecheck.models import Document

    m = TermMatcher(load_profile("pain-medicine").terms, load_pipeline())
    assert m.find(Document(path=str(tmp_path / "x"), format="text", blocks=())) == {}
