"""Profession knowledge lives in the profile: a non-medical profile gets no physician advice."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from resumecheck.cli import main
from resumecheck.errors import ExitCode, ProfileError
from resumecheck.profiles import load_profile, profile_to_toml

SOFTWARE_PROFILE = """
[profile]
name = "backend-engineer"

[categories.skills]
title = "Engineering skills"
weight = 2

[[terms]]
term = "Python"
category = "skills"

[[terms]]
term = "Kubernetes"
category = "skills"
level = "preferred"

[[terms]]
term = "continuous integration"
acronyms = ["CI"]
category = "skills"
"""

RESUME = """Sam Rivera
sam.rivera@example.com | (555) 010-0142

SUMMARY
Backend engineer who observed release procedures and assisted with database migrations.

EXPERIENCE
Software engineer, Harbor Data, 2019-2024. Built Python services for billing.

SKILLS
Python, SQL, Docker.
"""

LETTER = """Dear hiring team,

I am writing about the opening on your platform team. At Harbor Data I built Python
services that cut billing errors, and I would bring the same care to your systems.

Sincerely,
Sam Rivera
"""

#: Words of physician advice that must never reach an engineer.
PHYSICIAN = re.compile(r"physician|patient|clinic|medical|\bCME\b|licens|board|residency|"
                       r"fellowship|procedure|doximity|pain", re.IGNORECASE)


def _findings(capsys: pytest.CaptureFixture[str], *args: str) -> list[dict]:
    code = main(["check", *args, "--isolated", "--format", "json"])
    out = capsys.readouterr().out
    assert code in (ExitCode.OK, ExitCode.BELOW_THRESHOLD)
    return [f for r in json.loads(out)["reports"] for f in r["findings"]]


def test_a_software_profile_gets_no_physician_advice(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    profile = tmp_path / "engineer.toml"
    profile.write_text(SOFTWARE_PROFILE, encoding="utf-8")
    resume = tmp_path / "resume.txt"
    resume.write_text(RESUME, encoding="utf-8")
    letter = tmp_path / "letter.txt"
    letter.write_text(LETTER, encoding="utf-8")
    findings = _findings(capsys, str(resume), "-p", str(profile))
    findings += _findings(capsys, str(letter), "-p", str(profile), "--kind", "cover-letter")
    said = [f"{f['code']}: {f['message']} / {f['fix']}" for f in findings]
    assert said, "the documents should still get general advice"
    assert [s for s in said if PHYSICIAN.search(s)] == []
    codes = {f["code"] for f in findings}
    assert not codes & {"S102", "S103", "S104", "S106", "Q102", "Q103", "Q104", "L106"}
    # The same resume under the physician profile does get physician advice, so the
    # assertion above can fail.
    physician = _findings(capsys, str(resume))
    assert {"S103", "S104", "Q102", "Q104"} <= {f["code"] for f in physician}
    assert any(PHYSICIAN.search(f["fix"]) for f in physician)


def test_expected_sections_come_from_the_profile(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    profile = tmp_path / "engineer.toml"
    profile.write_text(SOFTWARE_PROFILE + '\n[conventions]\nexpected_sections = '
                       '["experience", "projects"]\n', encoding="utf-8")
    resume = tmp_path / "resume.txt"
    resume.write_text(RESUME, encoding="utf-8")
    findings = _findings(capsys, str(resume), "-p", str(profile))
    missing = [f["message"] for f in findings if f["code"] in ("S101", "S105", "S111")]
    assert missing == ['No "Projects" section found.']


def test_profile_fixes_speak_the_professions_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    profile = tmp_path / "engineer.toml"
    profile.write_text(SOFTWARE_PROFILE + '\n[conventions.fixes]\nQ101 = "Count deploys, '
                       'users and latency: \'cut p99 latency by 40%\'."\n', encoding="utf-8")
    resume = tmp_path / "resume.txt"
    resume.write_text(RESUME, encoding="utf-8")
    q101 = [f for f in _findings(capsys, str(resume), "-p", str(profile)) if f["code"] == "Q101"]
    assert q101 and q101[0]["fix"] == "Count deploys, users and latency: 'cut p99 latency by 40%'."


@pytest.mark.parametrize(("table", "where"), [
    ('[conventions]\nexpected_sections = ["hobbies"]', "conventions.expected_sections[0]"),
    ('[conventions]\nresearch_expected = "yes"', "conventions.research_expected"),
    ('[conventions]\npeople_words = "patients"', "conventions.people_words"),
    ('[conventions]\ncolour = 1', "conventions.colour"),
    ('[conventions.fixes]\nQ1 = "x"', "conventions.fixes.Q1"),
])
def test_a_malformed_conventions_table_names_file_and_key(
    tmp_path: Path, table: str, where: str
) -> None:
    profile = tmp_path / "bad.toml"
    profile.write_text(SOFTWARE_PROFILE + "\n" + table + "\n", encoding="utf-8")
    with pytest.raises(ProfileError) as caught:
        load_profile(str(profile))
    assert str(caught.value).startswith(f"{profile}: {where}: ")


def test_conventions_survive_a_round_trip(tmp_path: Path) -> None:
    builtin = load_profile("pain-medicine")
    copy = tmp_path / "copy.toml"
    copy.write_text(profile_to_toml(builtin), encoding="utf-8")
    assert load_profile(str(copy)).conventions == builtin.conventions
    assert builtin.conventions.document == "physician CV"
