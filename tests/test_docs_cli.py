"""docs/cli.md is generated from the command line: a command, option, format or config key
added or changed without regenerating fails here."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import typer

from resumecheck.cli import app
from resumecheck.config import KEYS
from resumecheck.formatters.registry import OutputFormat

ROOT = Path(__file__).resolve().parents[1]


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_cli_doc",
                                                  ROOT / "scripts" / "make_cli_doc.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_committed_cli_doc_is_current() -> None:
    committed = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert committed == _script().render(), (
        "docs/cli.md is stale: run python scripts/make_cli_doc.py")


def test_every_command_option_format_and_config_key_is_listed() -> None:
    text = _script().render()
    group = typer.main.get_command(app)
    for name, command in group.commands.items():
        assert f"## `resumecheck {name}`" in text
        for param in command.params:
            for opt in param.opts:
                if opt.startswith("-"):
                    assert f"`{opt}`" in text, (name, opt)
    for fmt in OutputFormat:
        assert f"| `{fmt.value}` |" in text
    for key in KEYS:
        assert f"| `{key.replace('_', '-')}` |" in text


def test_check_mode_reports_a_stale_file(tmp_path: Path) -> None:
    script = _script()
    out = tmp_path / "cli.md"
    assert script.main(["--check", "--output", str(out)]) == 1
    out.write_text(script.render(), encoding="utf-8")
    assert script.main(["--check", "--output", str(out)]) == 0


def test_readme_links_the_reference() -> None:
    assert "(docs/cli.md)" in (ROOT / "README.md").read_text(encoding="utf-8")
