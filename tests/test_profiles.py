"""Loading, validating and writing keyword profiles."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
import tomllib
import zipfile
from importlib import resources
from pathlib import Path

import pytest

from resumecheck.errors import ExitCode, ProfileError
from resumecheck.models import Kind, Level
from resumecheck.profiles import (
    Examples,
    Profile,
    Term,
    builtin_profiles,
    load_examples,
    load_profile,
    parse_toml_profile,
    profile_to_toml,
)

REPO = Path(__file__).resolve().parents[1]

GOOD_TERMS = """
[profile]
name = "mini"
title = "Mini profile"
description = "Two terms for tests."
version = "2.1"

[categories.skills]
title = "Skills"
weight = 2.0

[categories.extra]
title = "Extra"
weight = 0.5

[[terms]]
term = "nerve block"
aliases = ["neural blockade"]
category = "skills"
level = "required"
tip = "Name your blocks."

[[terms]]
id = "rfa"
term = "radiofrequency ablation"
aliases = ["RF neurotomy"]
acronyms = ["RFA"]
category = "extra"
level = "bonus"
weight = 1.5
kinds = ["resume", "cover-letter"]
tip = "Write RFA in full once."
"""


def write(tmp_path: Path, text: str, name: str = "mini.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def load_error(tmp_path: Path, text: str, name: str = "bad.toml") -> ProfileError:
    path = write(tmp_path, text, name)
    with pytest.raises(ProfileError) as info:
        load_profile(path)
    err = info.value
    assert str(path) in str(err), "the message must name the file"
    assert err.exit_code == ExitCode.USAGE
    return err


def with_term(extra: str, *, base: str = GOOD_TERMS) -> str:
    """The good profile plus one more [[terms]] table (it becomes terms[2])."""
    return base + "\n[[terms]]\n" + extra


# --------------------------------------------------------------------------- built-in


def test_builtin_profile_loads_by_default():
    profile = load_profile()
    assert profile.name == "pain-medicine"
    assert profile.source == "builtin:pain-medicine"
    assert profile.version
    assert len(profile.terms) >= 110
    fellowship = profile.term("pain-medicine-fellowship")
    assert fellowship.level is Level.REQUIRED
    assert profile.category(fellowship.category).weight > 0


def test_builtin_profile_loads_alike_and_a_profile_passes_through():
    first = load_profile("pain-medicine")
    assert load_profile("pain-medicine") == first
    assert load_profile(first) is first


def test_builtin_profiles_lists_name_and_description():
    listed = builtin_profiles()
    assert listed == sorted(listed)
    names = dict(listed)
    assert "pain-medicine" in names
    assert names["pain-medicine"] == load_profile().description
    assert "\n" not in names["pain-medicine"]


def test_unknown_builtin_name_lists_available():
    with pytest.raises(ProfileError) as info:
        load_profile("dentistry")
    message = str(info.value)
    assert "dentistry" in message
    assert "pain-medicine" in message


def test_lookup_of_unknown_term_or_category_raises_keyerror():
    profile = load_profile()
    with pytest.raises(KeyError, match="no-such-term"):
        profile.term("no-such-term")
    with pytest.raises(KeyError, match="nowhere"):
        profile.category("nowhere")


def test_for_kind_filters_terms():
    profile = load_profile()
    letter = profile.for_kind(Kind.COVER_LETTER)
    resume = profile.for_kind(Kind.RESUME)
    assert 0 < len(letter) < len(resume)
    assert all(Kind.COVER_LETTER in t.kinds for t in letter)
    # Diagnostics belong on a CV, not in a letter.
    assert profile.term("electromyography") not in letter


def test_keywords_package_contains_the_profile():
    files = {entry.name for entry in resources.files("resumecheck.keywords").iterdir()}
    assert "pain-medicine.toml" in files
    assert "pain-medicine.examples.toml" in files


@pytest.mark.slow
def test_built_wheel_ships_the_profiles(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path),
         str(REPO)],
        capture_output=True, text=True, timeout=600,
    )
    if result.returncode != 0 and "setuptools" in result.stderr and (
        "No matching distribution" in result.stderr or "Could not find" in result.stderr
    ):
        pytest.skip("the build backend is not installable here (offline)")
    assert result.returncode == 0, result.stderr
    (wheel,) = tmp_path.glob("resumecheck-*.whl")
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
        assert "resumecheck/keywords/pain-medicine.toml" in names
        assert "resumecheck/keywords/pain-medicine.examples.toml" in names
        shipped = zf.read("resumecheck/keywords/pain-medicine.toml").decode("utf-8")
    profile = parse_toml_profile(shipped, "wheel", default_name="pain-medicine", strict=True)
    assert profile.terms == load_profile().terms


# --------------------------------------------------------------------------- user TOML


def test_user_toml_loads_with_defaults(tmp_path):
    text = """
[categories.k]
[[terms]]
term = "Nerve block"
category = "k"
"""
    path = write(tmp_path, text, "quick.toml")
    profile = load_profile(str(path))
    assert profile.name == "quick"
    assert profile.version == "0"
    assert profile.source == str(path)
    (term,) = profile.terms
    assert term.id == "nerve-block"
    assert term.level is Level.REQUIRED
    assert term.weight == 1.0
    assert term.kinds == frozenset({Kind.RESUME})
    assert "Nerve block" in term.tip
    assert profile.category("k").weight == 1.0


def test_full_user_toml(tmp_path):
    profile = load_profile(write(tmp_path, GOOD_TERMS))
    assert (profile.name, profile.title, profile.version) == ("mini", "Mini profile", "2.1")
    assert [c.id for c in profile.categories] == ["skills", "extra"]
    rfa = profile.term("rfa")
    assert rfa.acronyms == ("RFA",)
    assert rfa.kinds == frozenset({Kind.RESUME, Kind.COVER_LETTER})
    assert rfa.level is Level.BONUS and rfa.weight == 1.5
    assert rfa.variants() == (
        ("radiofrequency ablation", "term"),
        ("RF neurotomy", "alias"),
        ("RFA", "acronym"),
    )


def test_edited_file_is_read_again(tmp_path):
    path = write(tmp_path, GOOD_TERMS)
    assert len(load_profile(path).terms) == 2
    path.write_text(with_term('term = "spinal cord stimulation"\ncategory = "skills"\n'
                              "# padding so the size changes\n"), encoding="utf-8")
    os.utime(path, ns=(1, 10**18))
    assert len(load_profile(path).terms) == 3


def test_missing_file(tmp_path):
    path = tmp_path / "nope.toml"
    with pytest.raises(ProfileError) as info:
        load_profile(path)
    assert str(path) in str(info.value)
    assert "no such" in str(info.value)


def test_folder_is_not_a_profile(tmp_path):
    folder = tmp_path / "dir.toml"
    folder.mkdir()
    with pytest.raises(ProfileError, match="folder"):
        load_profile(folder)


def test_unknown_extension(tmp_path):
    path = write(tmp_path, GOOD_TERMS, "mini.yaml")
    with pytest.raises(ProfileError, match=r"\.toml.*\.txt"):
        load_profile(path)


def test_not_utf8(tmp_path):
    path = tmp_path / "latin.toml"
    path.write_bytes(b'[categories.k]\n[[terms]]\nterm = "caf\xe9"\ncategory = "k"\n')
    with pytest.raises(ProfileError, match="UTF-8"):
        load_profile(path)


def test_toml_syntax_error_names_line_and_column(tmp_path):
    err = load_error(tmp_path, '[categories.k]\n[[terms]]\nterm = "x\ncategory = "k"\n')
    assert err.where is not None and err.where.startswith("line 3, column")
    assert "TOML syntax error" in str(err)


def test_unknown_top_level_key(tmp_path):
    err = load_error(tmp_path, 'author = "me"\n' + GOOD_TERMS)
    assert err.where == "author"
    assert "unknown key" in str(err)


def test_unknown_term_key(tmp_path):
    err = load_error(tmp_path, with_term('term = "x"\ncategory = "skills"\nleval = "bonus"\n'))
    assert err.where == "terms[2].leval"
    assert "allowed" in str(err)


def test_unknown_profile_key(tmp_path):
    text = GOOD_TERMS.replace('version = "2.1"', 'version = "2.1"\nowner = "x"')
    err = load_error(tmp_path, text)
    assert err.where == "profile.owner"


def test_missing_category_key(tmp_path):
    err = load_error(tmp_path, with_term('term = "x"\n'))
    assert err.where == "terms[2].category"
    assert "missing required key" in str(err)


def test_missing_term_key(tmp_path):
    err = load_error(tmp_path, with_term('category = "skills"\n'))
    assert err.where == "terms[2].term"


def test_error_message_points_at_the_terms_table_line(tmp_path):
    text = with_term('term = "x"\ncategory = "skills"\nlevel = "mandatory"\n')
    err = load_error(tmp_path, text)
    line = text.splitlines().index("[[terms]]", len(GOOD_TERMS.splitlines())) + 1
    assert f"line {line}" in str(err)


def test_empty_term(tmp_path):
    err = load_error(tmp_path, with_term('term = "   "\ncategory = "skills"\n'))
    assert err.where == "terms[2].term"
    assert "empty" in str(err)


def test_empty_alias(tmp_path):
    err = load_error(tmp_path, with_term('term = "x"\naliases = ["y", ""]\ncategory = "skills"\n'))
    assert err.where == "terms[2].aliases[1]"
    assert "empty" in str(err)


def test_aliases_must_be_a_list(tmp_path):
    err = load_error(tmp_path, with_term('term = "x"\naliases = "y"\ncategory = "skills"\n'))
    assert err.where == "terms[2].aliases"


def test_duplicate_term_id(tmp_path):
    err = load_error(tmp_path, with_term('id = "rfa"\nterm = "ablation"\ncategory = "skills"\n'))
    assert err.where == "terms[2].id"
    assert "duplicate term id 'rfa'" in str(err)


def test_duplicate_default_id(tmp_path):
    err = load_error(tmp_path, with_term('term = "Nerve Block!"\ncategory = "skills"\n'))
    assert err.where == "terms[2].term"
    assert "duplicate term id 'nerve-block'" in str(err)


def test_same_wording_in_two_terms_ignores_case_and_hyphens(tmp_path):
    err = load_error(tmp_path, with_term(
        'id = "other"\nterm = "other"\naliases = ["Neural-Blockade"]\ncategory = "skills"\n'))
    assert err.where == "terms[2].aliases[0]"
    assert "already used by terms[0]" in str(err)


def test_hyphenated_wording_clashes_with_its_joined_form(tmp_path):
    err = load_error(tmp_path, with_term(
        'id = "other"\nterm = "radio-frequency ablation"\ncategory = "skills"\n'))
    assert err.where == "terms[2].term"
    assert "terms[1]" in str(err)


def test_acronym_clashes_with_another_terms_alias(tmp_path):
    err = load_error(tmp_path, with_term(
        'term = "neuro block"\nacronyms = ["NEURAL-BLOCKADE"]\ncategory = "skills"\n'))
    assert err.where == "terms[2].acronyms[0]"


def test_wording_repeated_within_a_term(tmp_path):
    err = load_error(tmp_path, with_term(
        'term = "spinal cord stimulation"\naliases = ["Spinal Cord  Stimulation"]\n'
        'category = "skills"\n'))
    assert err.where == "terms[2].aliases[0]"
    assert "repeats" in str(err)


def test_unknown_level(tmp_path):
    err = load_error(tmp_path, with_term('term = "x"\ncategory = "skills"\nlevel = "must"\n'))
    assert err.where == "terms[2].level"
    assert "required, preferred, bonus" in str(err)


def test_unknown_category(tmp_path):
    err = load_error(tmp_path, with_term('term = "x"\ncategory = "skill"\n'))
    assert err.where == "terms[2].category"
    assert "unknown category 'skill'" in str(err)
    assert "extra, skills" in str(err)


@pytest.mark.parametrize("value", ['"heavy"', "true", "0", "-1.5", "nan", "inf"])
def test_bad_term_weight(tmp_path, value):
    err = load_error(tmp_path, with_term(f'term = "x"\ncategory = "skills"\nweight = {value}\n'))
    assert err.where == "terms[2].weight"
    assert "positive number" in str(err)


def test_integer_weight_is_accepted(tmp_path):
    text = with_term('term = "x"\ncategory = "skills"\nweight = 2\n')
    profile = load_profile(write(tmp_path, text))
    assert profile.term("x").weight == 2.0


def test_unknown_kind(tmp_path):
    err = load_error(tmp_path, with_term('term = "x"\ncategory = "skills"\nkinds = ["cv"]\n'))
    assert err.where == "terms[2].kinds[0]"
    assert "resume, cover-letter" in str(err)


def test_empty_kinds(tmp_path):
    err = load_error(tmp_path, with_term('term = "x"\ncategory = "skills"\nkinds = []\n'))
    assert err.where == "terms[2].kinds"


@pytest.mark.parametrize("value", ["0", "false", '"3"', "-2"])
def test_bad_category_weight(tmp_path, value):
    err = load_error(tmp_path, GOOD_TERMS.replace("weight = 2.0", f"weight = {value}", 1))
    assert err.where == "categories.skills.weight"


def test_acronym_with_space(tmp_path):
    err = load_error(tmp_path, with_term('term = "x"\nacronyms = ["PM R"]\ncategory = "skills"\n'))
    assert err.where == "terms[2].acronyms[0]"
    assert "without spaces" in str(err)


def test_acronym_without_capital(tmp_path):
    err = load_error(tmp_path, with_term('term = "x"\nacronyms = ["rfa2"]\ncategory = "skills"\n'))
    assert err.where == "terms[2].acronyms[0]"
    assert "capital" in str(err)


def test_tip_must_be_one_line(tmp_path):
    err = load_error(tmp_path, with_term('term = "x"\ncategory = "skills"\ntip = """a\nb"""\n'))
    assert err.where == "terms[2].tip"


def test_no_categories(tmp_path):
    err = load_error(tmp_path, '[[terms]]\nterm = "x"\ncategory = "k"\n')
    assert err.where == "categories"


def test_no_terms(tmp_path):
    err = load_error(tmp_path, "[categories.k]\n")
    assert err.where == "terms"


def test_builtin_strictness_requires_tips():
    text = GOOD_TERMS.replace('tip = "Name your blocks."\n', "")
    with pytest.raises(ProfileError) as info:
        parse_toml_profile(text, "builtin:mini", default_name="mini", strict=True)
    assert info.value.where == "terms[0].tip"
    # A user's file gets a generated tip instead.
    user = parse_toml_profile(text, "mini.toml", default_name="mini")
    assert "nerve block" in user.term("nerve-block").tip


# --------------------------------------------------------------------------- plain lists


def test_txt_list(tmp_path):
    path = write(tmp_path, (
        "# my keywords\n"
        "\n"
        "pain medicine fellowship | fellowship in pain medicine\n"
        "Physical Medicine and Rehabilitation | PM&R   # the residency\n"
        "EMG | electromyography\n"
        "COMLEX-USA\n"
    ), "My List.txt")
    profile = load_profile(path)
    assert profile.name == "My List"
    assert profile.version == "0"
    assert [c.id for c in profile.categories] == ["keywords"]
    assert profile.category("keywords").title == "Keywords"
    fellowship, pmr, emg, comlex = profile.terms
    assert fellowship.aliases == ("fellowship in pain medicine",)
    assert fellowship.level is Level.REQUIRED and fellowship.weight == 1.0
    assert fellowship.kinds == frozenset({Kind.RESUME, Kind.COVER_LETTER})
    assert '"pain medicine fellowship"' in fellowship.tip
    assert pmr.term == "Physical Medicine and Rehabilitation" and pmr.acronyms == ("PM&R",)
    # A term named by its acronym keeps case-sensitive matching.
    assert emg.variants() == (("electromyography", "alias"), ("EMG", "acronym"))
    assert comlex.variants() == (("COMLEX-USA", "acronym"),)


def test_txt_duplicate_names_both_lines(tmp_path):
    err = load_error(tmp_path, "nerve block\nspinal cord stimulation\nNerve-Block | blocks\n",
                     "dup.txt")
    assert err.where == "line 3"
    assert "line 1" in str(err)


def test_txt_duplicate_wording_on_other_term(tmp_path):
    err = load_error(tmp_path, "nerve block | neural blockade\nblockade | Neural Blockade\n",
                     "dup.txt")
    assert err.where == "line 2"


def test_txt_empty_variant(tmp_path):
    err = load_error(tmp_path, "nerve block\nspinal cord stimulation || SCS\n", "empty.txt")
    assert err.where == "line 2"


def test_txt_without_terms(tmp_path):
    with pytest.raises(ProfileError, match="no terms"):
        load_profile(write(tmp_path, "# nothing yet\n\n", "empty.txt"))


# --------------------------------------------------------------------------- round trip


def test_round_trip_of_builtin(tmp_path):
    profile = load_profile()
    text = profile_to_toml(profile)
    assert text == profile_to_toml(profile)
    tomllib.loads(text)
    path = write(tmp_path, text, "copy.toml")
    again = load_profile(path)
    assert dataclasses.replace(again, source=profile.source) == profile


def test_round_trip_of_txt_list(tmp_path):
    profile = load_profile(write(tmp_path, "EMG | electromyography\nnerve block\n", "l.txt"))
    again = load_profile(write(tmp_path, profile_to_toml(profile), "l2.toml"))
    assert dataclasses.replace(again, source=profile.source) == profile


def test_toml_writer_escapes_strings(tmp_path):
    term = Term(id="q", term='say "hi"\\now', aliases=("C:\\path", "‘curly’ ü"), acronyms=(),
                category="k", level=Level.BONUS, tip="x\u007fy")
    base = load_profile(write(tmp_path, '[categories.k]\n[[terms]]\nterm = "z"\ncategory = "k"\n',
                              "k.toml"))
    profile = dataclasses.replace(base, terms=(term,))
    again = load_profile(write(tmp_path, profile_to_toml(profile), "k2.toml"))
    assert again.terms == (term,)


# --------------------------------------------------------------------------- examples


def test_builtin_examples_load():
    examples = load_examples(load_profile())
    assert isinstance(examples, Examples)
    assert examples.positives and examples.negatives


def test_examples_beside_a_user_file(tmp_path):
    path = write(tmp_path, GOOD_TERMS)
    assert load_examples(load_profile(path)) is None
    (tmp_path / "mini.examples.toml").write_text(
        '[[positive]]\nterm = "rfa"\ntext = "Did RFAs."\n'
        '[[negative]]\ntext = "Nothing here."\n', encoding="utf-8")
    examples = load_examples(load_profile(path))
    assert examples == Examples(positives=(("rfa", "Did RFAs."),),
                                negatives=(("Nothing here.", ()),))


def test_examples_with_unknown_term(tmp_path):
    path = write(tmp_path, GOOD_TERMS)
    examples_path = tmp_path / "mini.examples.toml"
    examples_path.write_text('[[negative]]\ntext = "x"\nterms = ["rfa", "ghost"]\n',
                             encoding="utf-8")
    with pytest.raises(ProfileError) as info:
        load_examples(load_profile(path))
    assert str(examples_path) in str(info.value)
    assert info.value.where == "negative[0].terms[1]"


def test_profile_is_hashable_and_frozen():
    profile = load_profile()
    assert hash(profile) == hash(load_profile())
    with pytest.raises(dataclasses.FrozenInstanceError):
        profile.name = "other"  # type: ignore[misc]
    assert isinstance(profile, Profile)


def test_docs_examples_load(tmp_path):
    """The TOML and plain-list examples in docs/profiles.md are real, loadable profiles."""
    docs = (REPO / "docs" / "profiles.md").read_text(encoding="utf-8")
    toml_block = docs.split("```toml\n", 1)[1].split("```", 1)[0]
    text_block = docs.split("```text\n", 1)[1].split("```", 1)[0]
    profile = load_profile(write(tmp_path, toml_block, "doc.toml"))
    assert profile.term("radiofrequency-ablation").acronyms == ("RFA",)
    assert profile.term("radiofrequency-ablation").context.not_near[0] == "NIH"
    assert profile.term("board-certification").credit.sections == ("board_certification",)
    assert profile.forms and profile.verbs and profile.journals
    listed = load_profile(write(tmp_path, text_block, "doc.txt"))
    assert [t.acronyms for t in listed.terms] == [(), ("PM&R",), ("SCS",), ("EMG",)]
