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
from resumecheck.formatters.registry import OutputFormat

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


def _config_param(ctx: typer.Context, param: Any, value: Any) -> Any:
    """``--config`` and ``--isolated`` are eager: once both are known, the config file's
    values become the defaults of the other options, checked like the options themselves."""
    ctx.meta[f"resumecheck.{param.name}"] = value
    if "resumecheck.config" in ctx.meta and "resumecheck.isolated" in ctx.meta:
        _apply_config(ctx, ctx.meta["resumecheck.config"], ctx.meta["resumecheck.isolated"])
    return value


def _apply_config(ctx: typer.Context, named: Path | None, isolated: bool) -> None:
    from resumecheck.config import KEYS, find_config, read_config

    if isolated:
        if named is not None:
            raise UsageError(None, "--config and --isolated cannot be used together")
        return
    if named is not None and not named.is_file():
        raise UsageError(str(named), "no such config file")
    found = named if named is not None else find_config(Path.cwd())
    if found is None:
        return
    settings = read_config(found)
    params = {p.name: p for p in ctx.command.params}
    for name, value in settings.items():
        try:
            params[name].type_cast_value(ctx, value)
        except typer.BadParameter as exc:
            key = next(k for k, v in KEYS.items() if v == name).replace("_", "-")
            raise UsageError(str(found), f"{key}: {exc.message}") from None
    ctx.default_map = {**(ctx.default_map or {}), **settings}
    ctx.meta["resumecheck.config_file"] = found


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
    fmt: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="Report format.")
    ] = OutputFormat.TEXT,
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
        bool, typer.Option("--verbose", "-v",
                           help="List skipped paths and why, and name the config file used.")
    ] = False,
    no_color: Annotated[bool, typer.Option("--no-color", help="Never use colour.")] = False,
    details: Annotated[
        bool,
        typer.Option("--details", help="In a batch, each file's full report after the ranking."),
    ] = False,
    config: Annotated[
        Path | None,
        typer.Option("--config", is_eager=True, callback=_config_param,
                     help="Read defaults from this TOML file instead of looking for "
                          "resumecheck.toml or pyproject.toml from the current folder up."),
    ] = None,
    isolated: Annotated[
        bool,
        typer.Option("--isolated", is_eager=True, callback=_config_param,
                     help="Ignore every config file."),
    ] = False,
) -> int:
    """Check documents and report score, missing terms and findings."""
    from resumecheck.limits import Caps
    from resumecheck.models import Severity
    from resumecheck.options import CheckOptions
    from resumecheck.preflight import MiB, ReadLimits
    from resumecheck.runner import RunSettings, run
    from resumecheck.verdict import Thresholds

    used = ctx.meta.get("resumecheck.config_file")
    if verbose and used is not None:
        _err(f"resumecheck: config: {used}")
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
    settings = RunSettings(
        paths=tuple(paths),
        options=options,
        fmt=fmt,
        output=output,
        thresholds=Thresholds(fail_under=fail_under,
                              fail_on=Severity(fail_on.value) if fail_on else None),
        jobs=jobs,
        caps=Caps(timeout=timeout, max_memory=max_memory * MiB),
        quiet=quiet,
        verbose=verbose,
        details=details,
        color=output is None and _use_color(no_color, sys.stdout),
        debug=_State.debug,
        config_file=str(used) if used is not None else None,
    )
    return int(run(settings, err=_err))


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
    redact: Annotated[
        bool, typer.Option("--redact", help="Hide emails, phone numbers and street addresses.")
    ] = False,
) -> int:
    """Show what an ATS would read: every block with its section, origin and page."""
    from resumecheck.batch import Prefetch
    from resumecheck.checker import read_for_check
    from resumecheck.formatters.extract import render_extract_json, render_extract_text
    from resumecheck.limits import Caps
    from resumecheck.models import Failure
    from resumecheck.options import CheckOptions
    from resumecheck.preflight import display_path

    # Parsed in a capped child process, like every file `check` reads.
    reader = Prefetch(read_for_check, display_path(path),
                      CheckOptions(password=password, redact=redact), Caps())
    document = reader.result()
    if isinstance(document, Failure):
        if redact:
            from resumecheck.redact import mask_outcome

            document = mask_outcome(document)
        if reader.traceback and _State.debug:
            _err(f"{document.path}: internal error\n{reader.traceback}")
        _err(f"{document.path}: {document.reason}")
        return ExitCode.INTERNAL if document.internal else ExitCode.UNREADABLE
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


def _option_named_file(args: list[str]) -> str | None:
    """An argument before ``--`` that looks like an option but names an existing file.

    ``resumecheck check *`` in a folder holding a file called ``--output=cv2.txt`` would
    otherwise write the report over cv2.txt: the shell hands the name over as an option.
    """
    for arg in args:
        if arg == "--":
            return None
        if arg.startswith("-") and len(arg) > 1 and os.path.lexists(arg):
            return arg
    return None


def main(argv: list[str] | None = None) -> int:
    """Run the CLI with ``argv`` (default: ``sys.argv[1:]``) and return the exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    _State.debug = "--debug" in args
    clash = _option_named_file(args)
    if clash is not None:
        _err(f"resumecheck: {clash!r} is a file here, but reads as an option; to check it, "
             f"put -- before the file names or write ./{clash}")
        return ExitCode.USAGE
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
