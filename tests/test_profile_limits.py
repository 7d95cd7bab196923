"""A profile is bounded: the documented limits on terms, wordings and characters are
checked as it loads (one ProfileError line, exit 2, at once), and building its patterns runs
under the memory cap, blamed on the profile."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from resumecheck.cli import main
from resumecheck.errors import ExitCode, ProfileError
from resumecheck.profiles import (
    MAX_TERM_WORDINGS,
    MAX_TERMS,
    MAX_TOTAL_CHARS,
    MAX_WEIGHT,
    MAX_WORDING_CHARS,
    MAX_WORDINGS,
    load_profile,
)

ROOT = Path(__file__).resolve().parents[1]


def toml_profile(terms: int, aliases: int = 0, *, width: int = 8, weight: float = 1.0) -> str:
    lines = [f"[categories.k]\nweight = {weight!r}\n"]
    for t in range(terms):
        words = ", ".join(f'"{"w" * max(1, width - 8)}{t:04d}a{a:03d}"' for a in range(aliases))
        lines.append(f'[[terms]]\nterm = "term {t:04d}"\ncategory = "k"\naliases = [{words}]\n')
    return "\n".join(lines)


def refused(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ProfileError) as info:
        load_profile(str(path))
    return info.value.line()


def test_the_limits_are_the_documented_ones() -> None:
    doc = (ROOT / "docs" / "profiles.md").read_text(encoding="utf-8")
    for number in (MAX_TERMS, MAX_TERM_WORDINGS, MAX_WORDINGS, MAX_WORDING_CHARS,
                   MAX_TOTAL_CHARS, int(MAX_WEIGHT)):
        assert f"{number:,}" in doc, number


def test_too_many_terms(tmp_path: Path) -> None:
    line = refused(tmp_path, "t.toml", toml_profile(MAX_TERMS + 1))
    assert f"at most {MAX_TERMS:,}" in line and "terms" in line
    plain = "".join(f"keyword number {i}\n" for i in range(MAX_TERMS + 1))
    assert f"at most {MAX_TERMS:,}" in refused(tmp_path, "t.txt", plain)


def test_too_many_wordings_for_one_term(tmp_path: Path) -> None:
    line = refused(tmp_path, "t.toml", toml_profile(1, MAX_TERM_WORDINGS + 1))
    assert "terms[0].aliases" in line and f"at most {MAX_TERM_WORDINGS}" in line
    plain = "lead|" + "|".join(f"alias {i}" for i in range(MAX_TERM_WORDINGS + 1)) + "\n"
    assert f"at most {MAX_TERM_WORDINGS}" in refused(tmp_path, "t.txt", plain)


def test_too_many_wordings_in_all(tmp_path: Path) -> None:
    per = MAX_TERM_WORDINGS - 1  # every term within its own limit
    terms = MAX_WORDINGS // (per + 1) + 1
    line = refused(tmp_path, "t.toml", toml_profile(terms, per))
    assert f"at most {MAX_WORDINGS:,}" in line


def test_too_many_characters(tmp_path: Path) -> None:
    long = "x" * (MAX_WORDING_CHARS + 1)
    line = refused(tmp_path, "t.txt", f"fellowship\n{long}\n")
    assert "line 2" in line and f"at most {MAX_WORDING_CHARS}" in line
    # Wordings each within the limit, too many characters together.
    width = MAX_WORDING_CHARS
    per = MAX_TOTAL_CHARS // (width * 40) + 1
    line = refused(tmp_path, "t.toml", toml_profile(41, per, width=width))
    assert f"at most {MAX_TOTAL_CHARS:,}" in line


@pytest.mark.parametrize("weight", [MAX_WEIGHT * 2, 1e308])
def test_a_weight_that_would_overflow_a_score(tmp_path: Path, weight: float) -> None:
    line = refused(tmp_path, "t.toml", toml_profile(1, weight=weight))
    assert "categories.k.weight" in line and "limit" in line


def test_a_profile_at_the_limits_loads_and_checks(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    per = MAX_WORDINGS // MAX_TERMS - 1  # with the term itself: exactly MAX_WORDINGS
    path = tmp_path / "full.toml"
    path.write_text(toml_profile(MAX_TERMS, per, width=10, weight=MAX_WEIGHT), encoding="utf-8")
    profile = load_profile(str(path))
    assert len(profile.terms) == MAX_TERMS
    assert sum(1 + len(t.aliases) for t in profile.terms) == MAX_WORDINGS
    cv = ROOT / "samples" / "posting_interventional_pain.txt"
    code = main(["check", str(cv), "--isolated", "-q", "-f", "json", "--profile", str(path)])
    assert code in (ExitCode.OK, ExitCode.BELOW_THRESHOLD), capsys.readouterr().err


def test_the_command_line_refuses_an_oversized_profile_in_one_line_at_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The case: 300,000 aliases used to build for tens of seconds up to the cap.
    path = tmp_path / "huge.toml"
    path.write_text(toml_profile(1_000, 300), encoding="utf-8")
    cv = ROOT / "samples" / "posting_interventional_pain.txt"
    started = time.monotonic()
    code = main(["check", str(cv), "--isolated", "-q", "--max-memory", "256",
                 "--profile", str(path)])
    err = capsys.readouterr().err
    assert code == ExitCode.USAGE
    assert err.count("\n") == 1 and "huge.toml: terms[0].aliases" in err
    assert time.monotonic() - started < 10


BUILD_UNDER_A_CAP = textwrap.dedent("""
    from resumecheck.checker import Checker
    from resumecheck.errors import ProfileError
    from resumecheck.limits import Caps, MiB
    from resumecheck.models import Kind, Level
    from resumecheck.options import CheckOptions
    from resumecheck.profiles import Category, Profile, Term

    # Past every load limit: made in code, as a library caller could, so only the cap
    # on building the patterns stands in the way.
    terms = tuple(
        Term(id=f"t{t}", term=f"t{t}", aliases=tuple(f"w{t}x{a} alpha" for a in range(100)),
             acronyms=(), category="k", level=Level.REQUIRED, weight=1.0,
             kinds=frozenset({Kind.RESUME}), tip="-")
        for t in range(3000))
    profile = Profile(name="huge", title="huge", description="", version="0",
                      source="huge.toml", categories=(Category(id="k", title="K", weight=1.0),),
                      terms=terms)
    try:
        Checker.build(CheckOptions(profile="huge.toml"), profile=profile,
                      caps=Caps(timeout=120, max_memory=64 * MiB))
    except ProfileError as exc:
        print(exc.line())
    else:
        print("built")
""")


@pytest.mark.slow
def test_building_a_profile_past_the_limits_stops_at_the_memory_cap() -> None:
    run = subprocess.run([sys.executable, "-c", BUILD_UNDER_A_CAP], capture_output=True,
                         text=True, timeout=180, check=False)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "huge.toml: keyword profile used more than 64 MiB of memory; " \
                                 "stopped"
