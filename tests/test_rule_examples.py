"""Every rule's own examples: ``bad`` must trigger it and ``good`` must not."""

from __future__ import annotations

from pathlib import Path

import pytest

from resumecheck.checks import all_rules
from resumecheck.options import CheckOptions
from resumecheck.rules import Rule

RULES = all_rules()
RUNNABLE = [r for r in RULES.values() if r.runnable]


def test_there_are_rules_of_every_checked_family() -> None:
    families = {code[0] for code in RULES}
    assert {"P", "S", "C", "Q", "K"} <= families


@pytest.mark.parametrize("code", sorted(RULES))
def test_rule_is_documented_with_examples(code: str) -> None:
    r = RULES[code]
    assert r.name and r.name == r.name.lower() and " " not in r.name, code
    assert r.summary.strip() and r.fix.strip(), code
    assert r.bad.strip(), f"{code} has no example that triggers it"
    assert r.good.strip(), f"{code} has no example that passes"
    assert r.bad != r.good, code
    assert r.example_kind in ("resume", "cover-letter"), code


def test_rule_names_are_unique() -> None:
    names = [r.name for r in RULES.values()]
    assert len(names) == len(set(names))


def _codes(text: str, rule: Rule, tmp_path: Path, label: str) -> set[str]:
    from checking import check as run_check

    path = tmp_path / f"{rule.code}_{label}.txt"
    path.write_text(text, encoding="utf-8")
    report = run_check(path, CheckOptions(kind=rule.example_kind))
    return {f.code for f in report.findings}


@pytest.mark.parametrize("code", sorted(r.code for r in RUNNABLE))
def test_bad_example_triggers_rule(code: str, tmp_path: Path) -> None:
    r = RULES[code]
    assert code in _codes(r.bad, r, tmp_path, "bad"), f"{code}: bad example did not trigger"


@pytest.mark.parametrize("code", sorted(r.code for r in RUNNABLE))
def test_good_example_passes_rule(code: str, tmp_path: Path) -> None:
    r = RULES[code]
    assert code not in _codes(r.good, r, tmp_path, "good"), f"{code}: good example triggered"
