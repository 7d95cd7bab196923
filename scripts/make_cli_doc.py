"""Write docs/cli.md from the command line itself, so the reference never drifts from it.

    python scripts/make_cli_doc.py          # regenerate docs/cli.md
    python scripts/make_cli_doc.py --check  # exit 1 when docs/cli.md is stale

Every command, argument and option comes from the Click command tree Typer builds; the
formats from the format registry; the config keys from ``resumecheck.config.KEYS``; the
exit codes from ``resumecheck.errors.ExitCode``; the rules for selection, locations and
combined profiles from the docstrings of the functions that apply them.
"""

from __future__ import annotations

import argparse
import ast
import inspect
import sys
from pathlib import Path
from typing import Any

import typer

from resumecheck import config, errors
from resumecheck.cli import app
from resumecheck.formatters import ci
from resumecheck.formatters.registry import OutputFormat
from resumecheck.profiles import combine_profiles
from resumecheck.rules import parse_selection

ROOT = Path(__file__).resolve().parents[1]
DOC_PATH = ROOT / "docs" / "cli.md"


def _cell(text: str) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def _doc(obj: Any) -> str:
    """A docstring as Markdown: reST double backticks become single ones."""
    return (inspect.getdoc(obj) or "").replace("``", "`")


def _value(param: Any) -> str:
    """What an option takes: nothing (a flag), a choice, or a kind of value."""
    if getattr(param, "is_flag", False):
        return ""
    choices = getattr(param.type, "choices", None)
    if choices:
        return ", ".join(f"`{getattr(c, 'value', c)}`" for c in choices)
    name = getattr(param.type, "name", "value")
    if "range" in name:
        kind = "INTEGER" if "int" in name else "NUMBER"
        low, high = getattr(param.type, "min", None), getattr(param.type, "max", None)
        bounds = [f">= {low:g}" if low is not None else "", f"<= {high:g}" if high is not None
                  else ""]
        return f"{kind} ({', '.join(b for b in bounds if b)})"
    return {"integer": "INTEGER", "float": "NUMBER", "text": "TEXT", "str": "TEXT",
            "path": "PATH", "integer range": "INTEGER", "float range": "NUMBER"
            }.get(name, name.upper())


def _default(param: Any) -> str:
    default = param.default
    if default is None or default is False or param.name in ("help",):
        return ""
    if isinstance(default, list | tuple):
        return ", ".join(f"`{d}`" for d in default) if default else ""
    return f"`{getattr(default, 'value', default)}`"


def _param_rows(command: Any) -> list[str]:
    rows = []
    for param in command.params:
        if param.param_type_name == "argument":
            continue
        names = ", ".join(f"`{o}`" for o in (*param.opts, *param.secondary_opts))
        repeat = " (repeatable)" if getattr(param, "multiple", False) else ""
        rows.append(f"| {names} | {_value(param)}{repeat} | {_default(param)} | "
                    f"{_cell(param.help or '')} |")
    return rows


def _arguments(command: Any) -> list[str]:
    out = []
    for param in command.params:
        if param.param_type_name != "argument":
            continue
        many = "..." if param.nargs == -1 else ""
        need = "" if param.required else " (optional)"
        out.append(f"- `{param.name.upper()}{many}`{need}: {_cell(getattr(param, 'help', ''))}")
    return out


def _command_section(path: list[str], command: Any) -> list[str]:
    title = " ".join(["resumecheck", *path])
    usage = ["[OPTIONS]"]
    for param in command.params:
        if param.param_type_name == "argument":
            piece = param.name.upper() + ("..." if param.nargs == -1 else "")
            usage.append(piece if param.required else f"[{piece}]")
    if hasattr(command, "commands"):
        usage.append("[COMMAND]")
    lines = [f"## `{title}`", "", "```text", f"{title} {' '.join(usage)}", "```", "",
             _doc_of(command), ""]
    args = _arguments(command)
    if args:
        lines += ["Arguments:", "", *args, ""]
    rows = _param_rows(command)
    if rows:
        lines += ["| option | value | default | what it does |", "|---|---|---|---|", *rows, ""]
    return lines


def _doc_of(command: Any) -> str:
    return inspect.cleandoc(command.help or "").replace("``", "`")


def _walk(group: Any, ctx: Any, path: list[str]) -> list[tuple[list[str], Any, Any]]:
    out = []
    for name, command in group.commands.items():
        sub_ctx = typer.Context(command, info_name=name, parent=ctx)
        out.append(([*path, name], command, sub_ctx))
        if hasattr(command, "commands"):
            out += _walk(command, sub_ctx, [*path, name])
    return out


def _exit_codes() -> list[str]:
    """ExitCode members with the docstring written under each (read from the source)."""
    tree = ast.parse(Path(errors.__file__).read_text(encoding="utf-8"))
    cls = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "ExitCode")
    rows = []
    body = cls.body
    for i, node in enumerate(body):
        if isinstance(node, ast.Assign) and i + 1 < len(body):
            name = node.targets[0].id  # type: ignore[attr-defined]
            after = body[i + 1]
            text = (after.value.value if isinstance(after, ast.Expr)
                    and isinstance(after.value, ast.Constant) else "")
            rows.append(f"| {int(errors.ExitCode[name])} | `{name}` | "
                        f"{_cell(text.replace('``', '`'))} |")
    return rows


def _config_rows(check: Any) -> list[str]:
    params = {p.name: p for p in check.params}
    rows = []
    for key, name in config.KEYS.items():
        param = params[name]
        option = max(param.opts, key=len)
        kind = "list of codes" if key in config.LIST_KEYS else (
            "name or file, or a list of two" if key == "profile" else _value(param) or "value")
        rows.append(f"| `{key.replace('_', '-')}` | `{option}` | {kind} | "
                    f"{_cell(param.help or '')} |")
    return rows


def render() -> str:
    """The whole of docs/cli.md."""
    group = typer.main.get_command(app)
    root_ctx = typer.Context(group, info_name="resumecheck")
    commands = _walk(group, root_ctx, [])
    check = group.commands["check"]
    lines = [
        "# Command-line reference",
        "",
        "Generated by `scripts/make_cli_doc.py` from the command line itself; do not edit by",
        "hand. Every command takes `-h` / `--help`.",
        "",
        "| command | what it does |",
        "|---|---|",
        *(f"| [`resumecheck {' '.join(path)}`](#resumecheck-{'-'.join(path)}) | "
          f"{_cell(_doc_of(cmd).splitlines()[0] if cmd.help else '')} |"
          for path, cmd, _ in commands),
        "",
        "## `resumecheck`",
        "",
        "```text",
        "resumecheck [OPTIONS] COMMAND [ARGS]...",
        "```",
        "",
        _doc_of(group),
        "",
        "| option | value | default | what it does |",
        "|---|---|---|---|",
        *_param_rows(group),
        "",
        "Shell completion: `resumecheck --install-completion` adds it to your shell's start-up",
        "file; `resumecheck --show-completion` prints the script instead.",
        "",
    ]
    for path, command, _ctx in commands:
        lines += _command_section(path, command)
    lines += [
        "## Output formats (`check --format`)",
        "",
        "| format | what it is |",
        "|---|---|",
        *(f"| `{fmt.value}` | {_cell(fmt.description)} |" for fmt in OutputFormat),
        "",
        "### Where a finding is (`concise`, `sarif`, `gitlab`)",
        "",
        _doc(ci.position),
        "",
        "`concise` writes `path:A:B: CODE message` with A and B as above (a finding outside",
        "the body ends with its origin, such as `[header]`), a line `path: score N` per",
        "document, lines `path:1:1: unreadable: reason` and `path:1:1: below threshold:",
        "reason`, and a closing `Found N findings in M files.`",
        "`sarif` puts the line in `region.startLine` (for a PDF the line on its page, the",
        "page in the location's `properties.page`); `gitlab` in `location.lines.begin`.",
        "Paths in `sarif` and `gitlab` are relative to the folder the run started in.",
        "",
        "## Choosing findings (`--select`, `--ignore`, `--extend-select`, `--extend-ignore`)",
        "",
        _doc(parse_selection),
        "",
        "`--select` and `--ignore` on the command line replace the config file's lists;",
        "`--extend-select` and `--extend-ignore` add to them. With both a selection and an",
        "ignore list, the more specific prefix wins (`--ignore K --select K101` keeps K101).",
        "`--extend-select` without any selection keeps every check.",
        "",
        "## Two profiles (`-p A -p B`)",
        "",
        _doc(combine_profiles),
        "",
        "## Standard input",
        "",
        "`resumecheck check -` reads one document from standard input: its format is told",
        "by its bytes, reports show it as `<stdin>`, it is capped by `--max-size` and parsed",
        "in a capped child process like any file. `--job -` (or `--resume -`) reads that",
        "file from standard input instead; only one of them may, and `-` must then be the",
        "only document path. A terminal on standard input is a usage error.",
        "",
        "## `--statistics` and `--exit-zero`",
        "",
        "`--statistics` counts the findings per code after the report (count, code, severity,",
        "rule name; most frequent first). The table follows the report on standard output",
        "when the report goes to a file (`-o`) or is `text`, `concise` or `github`; after a",
        "machine format on standard output it goes to standard error, so the report stays",
        "parseable.",
        "",
        "`--exit-zero` turns exit code 1 (a document below `--fail-under` or with findings",
        "at `--fail-on` level) into 0; the reports still say so. Unreadable files still exit",
        "3, internal errors 4 and usage errors 2. (ruff's `--exit-zero` also forgives its",
        "own code for an unreadable file, E902; here an unreadable document is not a",
        "finding but a run that could not see what it was asked to check.)",
        "",
        "## Config file",
        "",
        _doc(config).split("\n\n")[0],
        "`--config FILE` names the file, `--isolated` ignores every config file, and",
        "`check -v` prints the one used. Keys (hyphens or underscores):",
        "",
        "| key | sets | value | what it does |",
        "|---|---|---|---|",
        *_config_rows(check),
        "",
        "## Exit codes",
        "",
        "| code | name | when |",
        "|---|---|---|",
        *_exit_codes(),
        "",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the file is stale")
    parser.add_argument("--output", type=Path, default=DOC_PATH)
    args = parser.parse_args(argv)
    text = render()
    if args.check:
        current = args.output.read_text(encoding="utf-8") if args.output.is_file() else ""
        if current != text:
            print(f"{args.output} is stale: run python scripts/make_cli_doc.py",
                  file=sys.stderr)
            return 1
        return 0
    args.output.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
