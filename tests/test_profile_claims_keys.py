"""The profile keys that tell the matcher how a term is claimed: modifiers, broader,
generic, context, credit, and the profile-wide forms, verbs and names.

Each is validated at load time (a wrong value names the file and the key) and each
changes what a document earns, as docs/profiles.md says.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from resumecheck.errors import ExitCode, ProfileError
from resumecheck.matching import TermMatcher
from resumecheck.nlp import load_pipeline
from resumecheck.profiles import load_profile
from resumecheck.readers import read_bytes

HEAD = """
[profile]
name = "mini"
title = "Mini"
description = "A small profile."
version = "1"

[categories.main]
title = "Main"
weight = 1.0
"""

TERMS = """
[[terms]]
id = "chronic-pain"
term = "chronic pain"
category = "main"
modifiers = 2

[[terms]]
id = "nerve-block"
term = "nerve block"
category = "main"

[[terms]]
id = "occipital"
term = "occipital nerve block"
acronyms = ["ONB"]
category = "main"
broader = ["nerve-block"]

[[terms]]
id = "teaching"
term = "teaching"
aliases = ["mentoring"]
category = "main"
generic = true

[[terms]]
id = "ct"
term = "computed tomography"
acronyms = ["CT"]
category = "main"

[terms.context]
near = ["scan", "MRI", "guided"]
not_near = ["Connecticut"]

[[terms]]
id = "fellowship"
term = "pain medicine fellowship"
category = "main"

[terms.credit]
sections = ["fellowship"]
names = ["pain medicine"]
roles = ["fellow"]

[[terms]]
id = "image"
term = "image guidance"
aliases = ["fluoroscopy"]
category = "main"

[[terms]]
id = "tpi"
term = "trigger point injection"
category = "main"

[forms]
fluoroscopy = ["fluoroscopic"]
guidance = ["guided"]

[verbs]
injection = ["inject"]

[names]
organizations = ["Society of Pain Teaching"]
journals = ["Pain Medicine"]
"""


def write(tmp_path: Path, text: str, name: str = "mini.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def load_error(tmp_path: Path, text: str) -> ProfileError:
    path = write(tmp_path, text, "bad.toml")
    with pytest.raises(ProfileError) as info:
        load_profile(path)
    err = info.value
    assert str(path) in str(err)
    assert err.exit_code == ExitCode.USAGE
    return err


@pytest.fixture(scope="module")
def matcher(tmp_path_factory: pytest.TempPathFactory) -> TermMatcher:
    path = write(tmp_path_factory.mktemp("p"), HEAD + TERMS)
    return TermMatcher(load_profile(str(path)), load_pipeline())


def counted(matcher: TermMatcher, text: str) -> set[str]:
    document = read_bytes(text.encode(), "t.txt")
    return {k for k, ms in matcher.find(document).items() if any(m.counts for m in ms)}


# --------------------------------------------------------------------------- behaviour


def test_modifiers_allow_up_to_the_declared_number_of_words(matcher: TermMatcher) -> None:
    assert "chronic-pain" in counted(matcher, "Chronic widespread pain clinic.")
    assert "chronic-pain" in counted(matcher, "Chronic low back pain clinic.")
    assert "chronic-pain" not in counted(matcher, "Chronic severe low back pain clinic.")
    # Little words never stand inside a term: this is not "chronic pain".
    assert "chronic-pain" not in counted(matcher, "Chronic illness and pain clinic.")


def test_broader_terms_are_found_through_the_narrower(matcher: TermMatcher) -> None:
    document = read_bytes(b"Performed 40 ONBs and occipital nerve blocks.", "t.txt")
    found = matcher.find(document)
    assert {m.via for m in found["nerve-block"]} == {"broader"}
    assert "nerve-block" in counted(matcher, "Occipital nerve blocks for migraine.")


def test_generic_wordings_count_only_beside_specific_terms(matcher: TermMatcher) -> None:
    assert "teaching" not in counted(matcher, "Teaching new hires how to use the CRM.")
    # In the same block as a specific term...
    assert "teaching" in counted(matcher, "Teaching residents occipital nerve blocks.")
    # ...or anywhere in a document that claims two specific terms.
    text = "Mentoring junior staff.\n\nChronic pain clinic.\n\nTrigger point injections.\n"
    assert "teaching" in counted(matcher, text)


def test_context_decides_an_ambiguous_acronym(matcher: TermMatcher) -> None:
    assert "ct" in counted(matcher, "Reviewed the CT scan and MRI.")
    assert "ct" not in counted(matcher, "Opened a CT branch office.")
    assert "ct" not in counted(matcher, "CT scan read at the Connecticut office.")
    assert "ct" not in counted(matcher, "Office manager, Hartford, CT.")


def test_credit_reads_a_section_line_and_a_role_noun(matcher: TermMatcher) -> None:
    assert "fellowship" in counted(matcher, "FELLOWSHIP\n\nPain Medicine, City Hospital, 2019\n")
    assert "fellowship" in counted(matcher, "Fellow, Pain Medicine, City Hospital, 2019.")
    assert "fellowship" not in counted(matcher, "Pain medicine clinic, City Hospital, 2019.")


def test_forms_and_verbs_find_other_forms_of_a_wording(matcher: TermMatcher) -> None:
    assert "image" in counted(matcher, "Fluoroscopic and ultrasound guided injections.")
    assert "image" in counted(matcher, "Image guided injections.")
    assert "tpi" in counted(matcher, "Injected trigger points in the trapezius.")


def test_names_hold_their_words(matcher: TermMatcher) -> None:
    assert "teaching" not in counted(matcher, "Member, Society of Pain Teaching. Chronic pain "
                                              "clinic. Occipital nerve blocks.")
    text = "Lee K. Sleep in chronic pain. Pain Medicine. 2021;22(4):9-17."
    assert "fellowship" not in counted(matcher, text)


def test_match_says_why_it_is_only_mentioned(matcher: TermMatcher) -> None:
    document = read_bytes(b"EXPERIENCE\n\nShadowed attendings doing occipital nerve blocks.\n",
                          "t.txt")
    (m,) = matcher.find(document)["occipital"]
    assert (m.claim, m.counts) == ("mentioned", False)
    assert m.reason == 'hedged: "Shadowed"'
    assert m.location.section == "experience"


# --------------------------------------------------------------------------- validation


@pytest.mark.parametrize(("snippet", "where", "words"), [
    ("modifiers = 3", "terms[0].modifiers", "from 0 to 2"),
    ('modifiers = "2"', "terms[0].modifiers", "whole number"),
    ("modifiers = true", "terms[0].modifiers", "whole number"),
    ('broader = ["nope"]', "terms[0].broader[0]", "unknown term id 'nope'"),
    ('broader = ["a"]', "terms[0].broader[0]", "broader than itself"),
    ('generic = ["other words"]', "terms[0].generic[0]", "not a wording of this term"),
    ("generic = 1", "terms[0].generic", "true, false or a list"),
    ("context = 3", "terms[0].context", "must be a table"),
    ('context = { nearby = ["x"] }', "terms[0].context.nearby", "unknown key 'nearby'"),
    ('context = { near = ["scan"], window = 0 }', "terms[0].context.window", "from 1 to 60"),
    ('context = { sections = ["kitchen"] }', "terms[0].context.sections[0]",
     "unknown section 'kitchen'"),
    ('context = { long_form = "yes" }', "terms[0].context.long_form", "true or false"),
    ("context = { window = 5 }", "terms[0].context", "at least one of near"),
    ('context = { wordings = ["zzz"], near = ["x"] }', "terms[0].context.wordings[0]",
     "not a wording of this term"),
    ('credit = { names = ["pain"] }', "terms[0].credit.sections", "missing required key"),
    ('credit = { sections = ["fellowship"], names = [] }', "terms[0].credit.names",
     "must not be empty"),
    ('credit = { sections = ["fellowship"], names = ["x"], roles = "fellow" }',
     "terms[0].credit.roles", "list of strings"),
])
def test_a_malformed_term_key_names_file_and_key(tmp_path: Path, snippet: str, where: str,
                                                  words: str) -> None:
    text = HEAD + f'[[terms]]\nid = "a"\nterm = "alpha"\nacronyms = ["AL"]\ncategory = "main"\n' \
        f"{snippet}\n"
    err = load_error(tmp_path, text)
    assert err.where == where, err
    assert words in err.reason, err


def test_context_on_a_term_without_acronyms_must_name_its_wordings(tmp_path: Path) -> None:
    text = HEAD + '[[terms]]\nid = "a"\nterm = "alpha"\ncategory = "main"\n' \
        'context = { near = ["x"] }\n'
    err = load_error(tmp_path, text)
    assert err.where == "terms[0].context.wordings" and "no acronyms" in err.reason


def test_long_form_needs_a_long_form(tmp_path: Path) -> None:
    text = HEAD + '[[terms]]\nid = "a"\nterm = "ALP"\nacronyms = ["ALP"]\ncategory = "main"\n' \
        "context = { long_form = true }\n"
    err = load_error(tmp_path, text)
    assert err.where == "terms[0].context.long_form"


@pytest.mark.parametrize(("tail", "where", "words"), [
    ('[forms]\nfluoroscopy = "fluoroscopic"\n', "forms.fluoroscopy", "non-empty list"),
    ('[forms]\nfluoroscopy = ["Fluoroscopic"]\n', "forms.fluoroscopy[0]", "lower-case word"),
    ('[forms]\nguidance = ["guided"]\nguide = ["guided"]\n', "forms.guide[0]",
     "already in forms.guidance"),
    ('[verbs]\ninjection = ["inject it"]\n', "verbs.injection[0]", "lower-case word"),
    ('[names]\nsocieties = ["X"]\n', "names.societies", "unknown key 'societies'"),
    ('[names]\njournals = "Pain"\n', "names.journals", "list of strings"),
    ("[forms.guidance]\nx = 1\n", "forms.guidance", "non-empty list of words, not a table"),
])
def test_a_malformed_profile_table_names_file_and_key(tmp_path: Path, tail: str, where: str,
                                                      words: str) -> None:
    text = HEAD + '[[terms]]\nid = "a"\nterm = "alpha"\ncategory = "main"\n' + tail
    err = load_error(tmp_path, text)
    assert err.where == where, err
    assert words in err.reason, err


def test_forms_must_be_a_table(tmp_path: Path) -> None:
    text = "forms = 3\n" + HEAD + '[[terms]]\nid = "a"\nterm = "alpha"\ncategory = "main"\n'
    err = load_error(tmp_path, text)
    assert err.where == "forms" and "table of word" in err.reason


def test_new_keys_survive_a_round_trip(tmp_path: Path) -> None:
    import dataclasses

    from resumecheck.profiles import profile_to_toml

    profile = load_profile(str(write(tmp_path, HEAD + TERMS)))
    again = load_profile(str(write(tmp_path, profile_to_toml(profile), "copy.toml")))
    assert dataclasses.replace(again, source=profile.source) == profile
    assert again.term("ct").context.near == ("scan", "MRI", "guided")
    assert again.forms == (("fluoroscopy", ("fluoroscopic",)), ("guidance", ("guided",)))


# --------------------------------------------------------------------------- the shortcut


def test_plain_phrases_split_as_the_tokenizer_splits_them() -> None:
    """The matcher splits plain wordings and names without a spaCy doc; for every one the
    built-in profile holds, the keys must be the tokenizer's."""
    from resumecheck.matching import _PLAIN

    pipeline = load_pipeline()
    profile = load_profile("pain-medicine")
    phrases = {w for t in profile.terms for w, via in t.variants() if via != "acronym"}
    for t in profile.terms:
        if t.context:
            phrases |= set(t.context.near) | set(t.context.not_near)
        if t.credit:
            phrases |= set(t.credit.names) | set(t.credit.roles)
    phrases |= set(profile.organizations) | set(profile.journals)
    checked = 0
    for phrase in sorted(phrases):
        if not _PLAIN.fullmatch(phrase):
            continue
        doc = pipeline.make_doc(phrase)
        assert pipeline.phrase_norms(phrase) == tuple(t.norm_ for t in doc if not t.is_space), \
            phrase
        checked += 1
    assert checked > 500
