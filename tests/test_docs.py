"""Docs and CLI stay in sync: every command and option has help, and the README names them."""

from __future__ import annotations

import re
from pathlib import Path

import typer.main

from resumecheck.cli import app
from resumecheck.errors import ExitCode

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands():
    group = typer.main.get_command(app)
    stack = [("", group)]
    while stack:
        prefix, cmd = stack.pop()
        for name, sub in sorted(getattr(cmd, "commands", {}).items()):
            full = f"{prefix} {name}".strip()
            yield full, sub
            stack.append((full, sub))


def test_every_command_and_option_has_help() -> None:
    missing = []
    for name, cmd in _commands():
        if not (cmd.help or "").strip():
            missing.append(name)
        for param in cmd.params:
            if param.param_type_name == "option" and not (param.help or "").strip():
                missing.append(f"{name} {param.opts[0]}")
    assert missing == []


def test_readme_shows_every_command() -> None:
    for name, _ in _commands():
        assert f"resumecheck {name}" in README, name


def test_readme_exit_code_table_matches_the_code() -> None:
    rows = dict(re.findall(r"^\| (\d+) \| ([A-Z_]+) \|", README, flags=re.MULTILINE))
    assert rows == {str(int(c)): c.name for c in ExitCode}


def test_readme_options_exist() -> None:
    check = dict(_commands())["check"]
    known = {opt for p in check.params for opt in p.opts}
    for option in set(re.findall(r"`(--[a-z-]+)", README)):
        assert option in known or option in ("--help", "--version", "--debug"), option
