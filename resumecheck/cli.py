"""Command-line glue: options in, formatter out, exit code decided in one place.

Heavy modules (spaCy, the readers, Rich) are imported inside the commands, so
``--help``, ``--version`` and usage errors stay fast.
"""

from __future__ import annotations

import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from resumecheck import __version__
from resumecheck.errors import ExitCode, ResumecheckError, UsageError

app = typer.Typer(
    name="resumecheck",
    help="Check resumes, CVs and cover letters against keyword profiles the way an "
    "applicant tracking system would. Runs offline.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
profiles_app = typer.Typer(
    help="List, show and validate keyword profiles.", no_args_is_help=False,
    invoke_without_command=True,
)
app.add_typer(profiles_app, name="profiles")


class Format(StrEnum):
    text = "text"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    markdown = "markdown"
    html = "html"
    junit = "junit"
    github = "github"


class ExtractFormat(StrEnum):
    text = "text"
    json = "json"


class KindChoice(StrEnum):
    auto = "auto"
    resume = "resume"
    cover_letter = "cover-letter"


class FailOn(StrEnum):
    error = "error"
    warning = "warning"


class _State:
    debug = False


def _version_callback(value: bool) -> None:
    if value:
        typer.echo(f"resumecheck {__version__}")
        raise typer.Exit(0)


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version_callback, is_eager=True,
                     help="Print the version and exit."),
    ] = False,
    debug: Annotated[
        bool, typer.Option("--debug", help="Show tracebacks for errors (for bug reports).")
    ] = False,
) -> None:
    _State.debug = debug


def _err(line: str) -> None:
    sys.stderr.write(line.rstrip("\n") + "\n")
    sys.stderr.flush()


def _use_color(no_color: bool, stream: Any) -> bool:
    if no_color or os.environ.get("NO_COLOR"):
        return False
    return bool(getattr(stream, "isatty", lambda: False)())


def _split_codes(values: list[str] | None) -> tuple[str, ...]:
    out: list[str] = []
    for v in values or []:
        out.extend(c.strip().upper() for c in v.split(",") if c.strip())
    return tuple(out)


def _emit(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    from resumecheck.atomic import write_atomic

    write_atomic(str(output), text)


@app.command()
def check(
    ctx: typer.Context,
    paths: Annotated[
        list[str],
        typer.Argument(help="Documents, folders (searched recursively) or glob patterns."),
    ],
    profile: Annotated[
        str, typer.Option("--profile", "-p", help="Built-in profile name or a profile file.")
    ] = "pain-medicine",
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Report format.")] = Format.text,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write the report to FILE (atomically)."),
    ] = None,
    fail_under: Annotated[
        float | None,
        typer.Option("--fail-under", min=0, max=100,
                     help="Exit 1 when a document scores below this (0-100)."),
    ] = None,
    fail_on: Annotated[
        FailOn | None,
        typer.Option("--fail-on", help="Exit 1 when a finding of this severity or worse exists."),
    ] = None,
    kind: Annotated[
        KindChoice, typer.Option("--kind", help="What the documents are; auto tells by shape.")
    ] = KindChoice.auto,
    job: Annotated[
        Path | None,
        typer.Option("--job", help="A job posting (text, Markdown, PDF or DOCX) to match against."),
    ] = None,
    resume: Annotated[
        Path | None,
        typer.Option("--resume", help="With a cover letter: the resume it should agree with."),
    ] = None,
    model: Annotated[
        str | None,
        typer.Option("--model", help="An installed trained spaCy pipeline (name or path)."),
    ] = None,
    select: Annotated[
        list[str] | None,
        typer.Option("--select", help="Only these finding codes or prefixes (comma-separated)."),
    ] = None,
    ignore: Annotated[
        list[str] | None,
        typer.Option("--ignore", help="Drop these finding codes or prefixes (comma-separated)."),
    ] = None,
    jobs: Annotated[
        int | None,
        typer.Option("--jobs", "-j", min=1, help="Worker processes (default: all cores)."),
    ] = None,
    timeout: Annotated[
        float, typer.Option("--timeout", min=1, help="Seconds allowed per file.")
    ] = 30.0,
    max_memory: Annotated[
        int, typer.Option("--max-memory", min=64, help="MiB of memory allowed per file.")
    ] = 1024,
    max_size: Annotated[
        int, typer.Option("--max-size", min=1, help="Largest file read, in MiB.")
    ] = 20,
    max_pages: Annotated[
        int, typer.Option("--max-pages", min=1, help="Most pages read from one PDF.")
    ] = 100,
    password: Annotated[
        str | None, typer.Option("--password", help="Password of an encrypted PDF.")
    ] = None,
    redact: Annotated[
        bool, typer.Option("--redact", help="Hide emails, phone numbers and street addresses.")
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="List skipped paths and why.")
    ] = False,
    no_color: Annotated[bool, typer.Option("--no-color", help="Never use colour.")] = False,
    details: Annotated[
        bool,
        typer.Option("--details", help="In a batch, each file's full report after the ranking."),
    ] = False,
) -> int:
    """Check documents and report score, missing terms and findings."""
    from resumecheck.api import CheckOptions
    from resumecheck.config import load_config
    from resumecheck.preflight import MiB, ReadLimits

    config, _ = load_config(paths)
    given = {k: v for k, v in locals().items() if k in _CONFIGURABLE}
    for key, value in config.items():
        param = "fmt" if key == "format" else key
        source = ctx.get_parameter_source(param)
        if source is not None and source.name != "DEFAULT":
            continue  # the command line wins
        given[param] = _config_value(param, value)
    profile, fmt, fail_under, fail_on = (given["profile"], given["fmt"], given["fail_under"],
                                         given["fail_on"])
    kind, select, ignore, jobs = given["kind"], given["select"], given["ignore"], given["jobs"]
    timeout, max_memory = given["timeout"], given["max_memory"]
    max_size, max_pages = given["max_size"], given["max_pages"]

    options = CheckOptions(
        profile=profile,
        kind=kind.value,
        job=str(job) if job else None,
        resume=str(resume) if resume else None,
        model=model,
        select=_split_codes(select),
        ignore=_split_codes(ignore),
        limits=ReadLimits(max_bytes=max_size * MiB, max_pages=max_pages),
        password=password,
        redact=redact,
    )
    from resumecheck.runner import RunSettings, run

    settings = RunSettings(
        paths=tuple(paths),
        options=options,
        fmt=fmt.value,
        output=output,
        fail_under=fail_under,
        fail_on=fail_on.value if fail_on else None,
        jobs=jobs,
        timeout=timeout,
        max_memory=max_memory * MiB,
        quiet=quiet,
        verbose=verbose,
        details=details,
        color=output is None and _use_color(no_color, sys.stdout),
        debug=_State.debug,
    )
    return int(run(settings, emit=_emit, err=_err))


_CONFIGURABLE = ("profile", "fmt", "fail_under", "fail_on", "kind", "select", "ignore", "jobs",
                 "timeout", "max_memory", "max_size", "max_pages")


def _config_value(param: str, value: Any) -> Any:
    """A config-file value in the type the option would have had."""
    choices = {"fmt": Format, "fail_on": FailOn, "kind": KindChoice}
    if param in choices:
        try:
            return choices[param](value)
        except ValueError:
            allowed = ", ".join(c.value for c in choices[param])
            raise UsageError(None, f"config: {param}: {value!r} is not one of {allowed}") from None
    if param == "fail_under" and not 0 <= value <= 100:
        raise UsageError(None, f"config: fail_under: {value} is not in 0-100")
    return value


@app.command()
def rules(
    code: Annotated[
        str | None, typer.Argument(help="A finding code (e.g. K101) to explain.")
    ] = None,
) -> int:
    """List every finding code, or explain one with a failing and a passing example."""
    from resumecheck.checks import all_rules

    registry = all_rules()
    if code is None:
        for r in registry.values():
            typer.echo(f"{r.code}  {r.severity.value:<7}  {r.name:<34} {r.summary}")
        return ExitCode.OK
    r = registry.get(code.upper())
    if r is None:
        raise UsageError(None, f"unknown code {code!r}; `resumecheck rules` lists them")
    lines = [f"{r.code} {r.name} ({r.severity.value}, {r.family})", "", r.summary]
    if r.explanation:
        lines += ["", r.explanation]
    lines += ["", f"Fix: {r.fix}"]
    for title, text in (("Fails", r.bad), ("Passes", r.good)):
        if text:
            lines += ["", f"{title}:"] + ["    " + t for t in text.splitlines()]
    typer.echo("\n".join(lines))
    return ExitCode.OK


@app.command()
def extract(
    path: Annotated[Path, typer.Argument(help="The document to read.")],
    fmt: Annotated[
        ExtractFormat, typer.Option("--format", "-f", help="text or json.")
    ] = ExtractFormat.text,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to FILE (atomically).")
    ] = None,
    password: Annotated[
        str | None, typer.Option("--password", help="Password of an encrypted PDF.")
    ] = None,
) -> int:
    """Show what an ATS would read: every block with its section, origin and page."""
    from resumecheck.api import CheckOptions
    from resumecheck.batch import DEFAULT_MAX_MEMORY, DEFAULT_TIMEOUT, Prefetch
    from resumecheck.formatters.extract import render_extract_json, render_extract_text
    from resumecheck.models import Failure
    from resumecheck.pipeline import read_for_check
    from resumecheck.preflight import display_path

    # Parsed in a capped child process, like every file `check` reads.
    reader = Prefetch(read_for_check, display_path(path), CheckOptions(password=password),
                      DEFAULT_MAX_MEMORY)
    document = reader.result(DEFAULT_TIMEOUT)
    if isinstance(document, Failure):
        _err(f"{document.path}: {document.reason}")
        return ExitCode.UNREADABLE
    render = render_extract_json if fmt == ExtractFormat.json else render_extract_text
    _emit(render(document), output)
    return ExitCode.OK


@profiles_app.callback()
def _profiles_list(ctx: typer.Context) -> None:
    """List the built-in profiles (with no sub-command)."""
    if ctx.invoked_subcommand is not None:
        return
    from resumecheck.profiles import builtin_profiles

    for name, description in builtin_profiles():
        typer.echo(f"{name}\t{description}")


@profiles_app.command("show")
def profiles_show(
    name: Annotated[str, typer.Argument(help="A built-in profile name or a profile file.")],
) -> int:
    """Print a profile as TOML."""
    from resumecheck.profiles import load_profile, profile_to_toml

    sys.stdout.write(profile_to_toml(load_profile(name)))
    return ExitCode.OK


@profiles_app.command("validate")
def profiles_validate(
    files: Annotated[list[Path], typer.Argument(help="Profile files (.toml or .txt).")],
) -> int:
    """Check profile files; print each problem as FILE: KEY: reason."""
    from resumecheck.errors import ProfileError
    from resumecheck.profiles import load_profile

    code = ExitCode.OK
    for f in files:
        try:
            p = load_profile(str(f))
        except ProfileError as exc:
            _err(exc.line())
            code = ExitCode.USAGE
        else:
            typer.echo(f"{f}: ok ({len(p.terms)} terms in {len(p.categories)} categories)")
    return code


def main(argv: list[str] | None = None) -> int:
    """Run the CLI with ``argv`` (default: ``sys.argv[1:]``) and return the exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    _State.debug = "--debug" in args
    try:
        rv = app(args=args, prog_name="resumecheck", standalone_mode=False)
    except typer.Exit as exc:
        code = int(getattr(exc, "exit_code", 0) or 0)
        if code == ExitCode.INTERRUPTED:  # Typer turns Ctrl-C into Exit(130)
            _err("resumecheck: interrupted")
        return code
    except typer.Abort:
        _err("resumecheck: interrupted")
        return ExitCode.INTERRUPTED
    except typer.TyperException as exc:  # bad options and arguments
        show = getattr(exc, "show", None)
        if show is not None:
            show(file=sys.stderr)
        else:  # pragma: no cover
            _err(f"resumecheck: {exc}")
        return ExitCode.USAGE
    except KeyboardInterrupt:
        _err("resumecheck: interrupted")
        return ExitCode.INTERRUPTED
    except ResumecheckError as exc:
        if _State.debug:
            raise
        _err(exc.line())
        return exc.exit_code
    except Exception as exc:  # an internal error: one line, unless --debug asks for more
        if _State.debug:
            raise
        _err(f"resumecheck: internal error: {type(exc).__name__}: {exc} (rerun with --debug)")
        return ExitCode.INTERNAL
    if isinstance(rv, int):
        if rv == ExitCode.INTERRUPTED:  # Ctrl-C, turned into a return value by Typer
            _err("resumecheck: interrupted")
        return rv
    return ExitCode.OK


def entry() -> None:
    """The console script: run :func:`main`, then leave without interpreter teardown.

    Tearing down spaCy's many objects at exit costs ~0.1 s, a tenth of a one-file check.
    Everything that matters is finished by then: reports are written atomically and closed,
    worker processes have been joined, and the standard streams are flushed here.
    """
    code = main()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe (``| head``): nothing more to say
            pass
    os._exit(int(code))


__all__ = ["app", "entry", "main", "UsageError"]
