import pytest
from hypothesis import given
from hypothesis import strategies as st

from resumecheck.normalize import normalize_block, normalize_text, unspace_letters


def test_ligatures_soft_hyphens_and_invisible_characters_vanish():
    assert normalize_text("ﬁbro\u00admyalgia\u200b and e\u0301cole") == "fibromyalgia and école"


def test_unicode_spaces_and_newlines_become_single_spaces():
    assert normalize_text("  radio\u00a0frequency\n\n ablation\u2003x \t") == (
        "radio frequency ablation x")


def test_word_broken_at_line_end_is_rejoined_but_compound_keeps_hyphen():
    assert normalize_text("spinal cord stimu-\nlation") == "spinal cord stimulation"
    assert normalize_text("Board-\nCertified in pain") == "Board-Certified in pain"
    assert normalize_text("2019-\n2021") == "2019-2021"


def test_soft_hyphen_at_line_end_joins_the_word():
    assert normalize_text("neuro\u00ad\nmodulation") == "neuromodulation"


def test_letter_spaced_headings_close_up():
    assert unspace_letters("E D U C A T I O N") == "EDUCATION"
    assert unspace_letters("R ESEARCH  E XPERIENCE") == "RESEARCH EXPERIENCE"
    assert unspace_letters("P R O F E S S I O N A L   E X P E R I E N C E") == (
        "PROFESSIONAL EXPERIENCE")


def test_ordinary_text_is_not_unspaced():
    for text in ("I am a MD", "A B C", "A MD", "I AM", "Plan A B testing", "J K Rowling"):
        assert unspace_letters(text) == text


def test_normalize_block_applies_both_steps():
    assert normalize_block("S K I L L S\nfluoro-\nscopy") == "SKILLS fluoroscopy"


@given(st.text())
def test_normalize_text_is_idempotent(s):
    once = normalize_text(s)
    assert normalize_text(once) == once


@pytest.mark.parametrize("raw", ["B\x1fAA", "\u00c0\nAA", "B  C D E F"])
def test_a_letter_spaced_run_made_by_joining_is_closed_up_too(raw):
    # Found by the property below: joining lines, a unit separator turned into a space, or
    # a first closing-up can leave a new letter-spaced run; reading the block again must
    # not change it.
    once = normalize_block(raw)
    assert normalize_block(once) == once


@given(st.text())
def test_normalize_block_is_idempotent(s):
    once = normalize_block(s)
    assert normalize_block(once) == once


words = st.lists(st.from_regex(r"[A-Za-z]{1,12}", fullmatch=True), min_size=1, max_size=30)
gaps = st.lists(st.sampled_from([" ", "  ", "\n", " \n ", "\t"]), min_size=30, max_size=30)


@given(words, gaps)
def test_ordinary_words_never_lose_a_letter(ws, gs):
    text = "".join(w + g for w, g in zip(ws, gs, strict=False))
    letters = "".join(ws)
    assert normalize_text(text).replace(" ", "") == letters
