"""docs/rules.md is generated: a rule added or changed without regenerating fails here."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

from resumecheck.checks import all_rules

ROOT = Path(__file__).resolve().parents[1]


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_rules_doc",
                                                  ROOT / "scripts" / "make_rules_doc.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_committed_rules_doc_is_current() -> None:
    committed = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert committed == _script().render(), (
        "docs/rules.md is stale: run python scripts/make_rules_doc.py")


def test_every_rule_has_a_row_and_a_section() -> None:
    text = _script().render()
    for code, r in all_rules().items():
        assert f"| [{code}](#{code.lower()}) | {r.name} | {r.severity.value} |" in text
        assert f"\n### {code}\n" in text


def test_check_mode_reports_a_stale_file(tmp_path: Path) -> None:
    script = _script()
    out = tmp_path / "rules.md"
    assert script.main(["--check", "--output", str(out)]) == 1  # missing counts as stale
    out.write_text(script.render() + "extra\n", encoding="utf-8")
    assert script.main(["--check", "--output", str(out)]) == 1
    out.write_text(script.render(), encoding="utf-8")
    assert script.main(["--check", "--output", str(out)]) == 0
