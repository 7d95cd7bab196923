"""Command-line glue: options in, formatter out, exit code decided in one place.

Heavy modules (spaCy, the readers, Rich) are imported inside the commands, so
``--help``, ``--version`` and usage errors stay fast.
"""

from __future__ import annotations

import contextlib
import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from resumecheck.errors import (
    ExitCode,
    OutputClosed,
    ResumecheckError,
    Terminated,
    UsageError,
    printable,
)
from resumecheck.formatters.registry import OutputFormat

app = typer.Typer(
    name="resumecheck",
    help="Check resumes, CVs and cover letters against keyword profiles the way an "
    "applicant tracking system would. Runs offline.",
    no_args_is_help=True,
    # --install-completion / --show-completion: Typer builds them from modules it imports
    # anyway, so they cost nothing at start-up (benchmarks/bench_check.py measures it).
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)
profiles_app = typer.Typer(
    help="List, show and validate keyword profiles.", no_args_is_help=False,
    invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]},
)
app.add_typer(profiles_app, name="profiles")


class ExtractFormat(StrEnum):
    text = "text"
    json = "json"


class KindChoice(StrEnum):
    auto = "auto"
    resume = "resume"
    cover_letter = "cover-letter"


class SortChoice(StrEnum):
    score = "score"
    match = "match"
    name = "name"


class FailOn(StrEnum):
    error = "error"
    warning = "warning"


class _State:
    debug = False
    #: The root options given before the command (``--version -v`` in either order).
    root_args: tuple[str, ...] = ()


def _version_callback(value: bool) -> None:
    if value:
        from resumecheck.about import versions

        verbose = "-v" in _State.root_args or "--verbose" in _State.root_args
        lines = versions(verbose)
        if verbose:
            typer.echo("\n".join(f"{name} {version}" for name, version in lines))
        else:
            first, *rest = lines
            typer.echo(f"{first[0]} {first[1]} ("
                       + ", ".join(f"{name} {version}" for name, version in rest) + ")")
        raise typer.Exit(0)


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version_callback, is_eager=True,
                     help="Print the versions of resumecheck, spaCy, the built-in profiles "
                          "and Python, and exit (one per line with -v)."),
    ] = False,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="With --version: one line per component, "
                                                   "with the platform.")
    ] = False,
    debug: Annotated[
        bool, typer.Option("--debug", help="Show tracebacks for errors (for bug reports).")
    ] = False,
) -> None:
    _State.debug = debug


def _err(line: str) -> None:
    """Write one line to stderr; control characters in it (a newline or an escape sequence
    in a file name) are escaped, so it stays one line and cannot forge a CI command."""
    if sys.stderr is None:  # started with stderr closed (``2>&-``): nowhere to say it
        return
    try:
        sys.stderr.write(printable(line.rstrip("\n")) + "\n")
        sys.stderr.flush()
    except BrokenPipeError:  # stderr piped into a reader that left
        raise OutputClosed() from None


def _err_lines(text: str) -> None:
    """A traceback (``--debug``): one :func:`_err` call per line."""
    for line in text.splitlines():
        _err(line)


def _use_color(no_color: bool, stream: Any) -> bool:
    if no_color or os.environ.get("NO_COLOR"):
        return False
    return bool(getattr(stream, "isatty", lambda: False)())


def _selection(ctx: typer.Context, select: list[str] | None, extend_select: list[str] | None,
               ignore: list[str] | None, extend_ignore: list[str] | None
               ) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The codes to keep and to drop, every one checked against the rules (a typo is a
    usage error naming the option or config key, never a check silently off)."""
    given = {"select": select, "extend_select": extend_select, "ignore": ignore,
             "extend_ignore": extend_ignore}
    if not any(given.values()):
        return (), ()
    from resumecheck.checks import all_rules
    from resumecheck.rules import parse_selection

    rules = all_rules()
    parsed: dict[str, tuple[str, ...]] = {}
    for name, values in given.items():
        label, blamed = "--" + name.replace("_", "-"), None
        source = ctx.get_parameter_source(name)
        if source is not None and source.name == "DEFAULT_MAP":
            label = name.replace("_", "-")
            blamed = str(ctx.meta.get("resumecheck.config_file"))
        try:
            parsed[name] = parse_selection(values or (), rules, label)
        except ValueError as exc:  # one line: the config file (when it is to blame), then why
            raise UsageError(blamed, str(exc)) from None
    chosen = parsed["select"]
    if parsed["extend_select"]:
        # An empty prefix selects everything, least specifically: "--extend-select K101"
        # with no select keeps every check, and K101 even under "--ignore K".
        chosen = tuple(dict.fromkeys((*(chosen or ("",)), *parsed["extend_select"])))
    dropped = tuple(dict.fromkeys((*parsed["ignore"], *parsed["extend_ignore"])))
    return chosen, dropped


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
    if named is not None:
        try:
            if not named.is_file():
                raise UsageError(str(named), "no such config file")
        except OSError as exc:  # a name over the system's limit, a folder we may not enter
            raise UsageError(str(named), f"cannot read the config file "
                                         f"({exc.strerror or exc})") from None
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
        list[str] | None,
        typer.Option("--profile", "-p",
                     help="Built-in profile name or a profile file [default: pain-medicine]. "
                          "Twice to combine two profiles: the terms of both."),
    ] = None,
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
        typer.Option("--job", help="A job posting (text, Markdown, PDF or DOCX) to match "
                                   "against; - reads it from standard input."),
    ] = None,
    resume: Annotated[
        Path | None,
        typer.Option("--resume", help="With a cover letter: the resume it should agree with; "
                                      "- reads it from standard input."),
    ] = None,
    model: Annotated[
        str | None,
        typer.Option("--model", help="An installed trained spaCy pipeline (name or path)."),
    ] = None,
    select: Annotated[
        list[str] | None,
        typer.Option("--select", help="Only these finding codes, prefixes or rule names "
                                      "(comma-separated); replaces the config's list."),
    ] = None,
    ignore: Annotated[
        list[str] | None,
        typer.Option("--ignore", help="Drop these finding codes, prefixes or rule names "
                                      "(comma-separated); replaces the config's list."),
    ] = None,
    extend_select: Annotated[
        list[str] | None,
        typer.Option("--extend-select", help="Add these codes to --select (or the config's "
                                             "select)."),
    ] = None,
    extend_ignore: Annotated[
        list[str] | None,
        typer.Option("--extend-ignore", help="Add these codes to --ignore (or the config's "
                                             "ignore)."),
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
        typer.Option("--details", help="Everything: every tip, fix and found term's places "
                                       "(in a batch, each file's report after the ranking)."),
    ] = False,
    exit_zero: Annotated[
        bool,
        typer.Option("--exit-zero", help="Exit 0 even when a document is below --fail-under or "
                                         "has findings at --fail-on level (unreadable files "
                                         "still exit 3, usage errors 2)."),
    ] = False,
    statistics: Annotated[
        bool,
        typer.Option("--statistics", help="After the report, count the findings per code."),
    ] = False,
    sort: Annotated[
        SortChoice | None,
        typer.Option("--sort", help="Rank a batch by score, by match rate against the posting, "
                                    "or by name (default: match with --job, else score)."),
    ] = None,
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
    """Check documents and report score, missing terms and findings.

    A path of - reads one document from standard input (its format told by its bytes).
    """
    from resumecheck.limits import Caps, caps_problem
    from resumecheck.models import Severity
    from resumecheck.options import CheckOptions
    from resumecheck.preflight import STDIN, MiB, ReadLimits, read_stream
    from resumecheck.runner import RunSettings, run
    from resumecheck.verdict import Thresholds

    problem = caps_problem(timeout, max_memory * MiB, max_size * MiB)
    if problem is None and fail_under is not None and fail_under != fail_under:
        problem = "--fail-under must be a number from 0 to 100, not nan"
    if problem is not None:
        raise UsageError(None, problem)
    used = ctx.meta.get("resumecheck.config_file")
    if verbose and used is not None:
        _err(f"resumecheck: config: {used}")
    chosen, dropped = _selection(ctx, select, extend_select, ignore, extend_ignore)
    profiles = tuple(profile or ("pain-medicine",))
    if len(profiles) > 2:
        raise UsageError(None, "-p/--profile: at most two profiles can be combined")
    job_path, resume_path = (str(p) if p else None for p in (job, resume))
    readers = [name for name, value in (("the document (-)", STDIN in paths),
                                        ("--job -", job_path == STDIN),
                                        ("--resume -", resume_path == STDIN)) if value]
    if STDIN in paths and len(paths) > 1:
        raise UsageError(None, "- (standard input) must be the only document path")
    if len(readers) > 1:
        raise UsageError(None, "standard input can be read once: " + " and ".join(readers)
                         + " both ask for it")
    limits = ReadLimits(max_bytes=max_size * MiB, max_pages=max_pages)
    stdin = None
    if readers:
        if sys.stdin is None or sys.stdin.isatty():
            raise UsageError(None, "standard input is a terminal; pipe a document in "
                                   "(resumecheck check - < cv.pdf)")
        stdin = read_stream(sys.stdin.buffer, limits)
    options = CheckOptions(
        profile=profiles[0] if len(profiles) == 1 else profiles,
        kind=kind.value,
        job=job_path,
        resume=resume_path,
        model=model,
        select=chosen,
        ignore=dropped,
        limits=limits,
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
        sort=sort.value if sort is not None else ("match" if job else "score"),
        color=output is None and _use_color(no_color, sys.stdout),
        debug=_State.debug,
        config_file=str(used) if used is not None else None,
        exit_zero=exit_zero,
        statistics=statistics,
        stdin=stdin,
    )
    return int(run(settings, err=_err))


@app.command()
def rules(
    code: Annotated[
        str | None, typer.Argument(help="A finding code (e.g. K101) or rule name to explain.")
    ] = None,
) -> int:
    """List every finding code, or explain one with a failing and a passing example."""
    from resumecheck.checks import all_rules

    registry = all_rules()
    if code is None:
        for r in registry.values():
            typer.echo(f"{r.code}  {r.severity.value:<7}  {r.name:<34} {r.summary}")
        return ExitCode.OK
    r = registry.get(code.upper()) or next(
        (rule for rule in registry.values() if rule.name == code.lower()), None)
    if r is None:
        from resumecheck.rules import parse_selection

        try:  # the did-you-mean of --select, for a code that does not exist
            parse_selection([code], registry, "rules")
        except ValueError as exc:
            raise UsageError(None, str(exc)) from None
        raise UsageError(None, f"{code!r} is a prefix of several codes; name one, or run "
                               "`resumecheck rules` to list them")
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

    # Parsed in a capped child process, like every file `check` reads; opened by the name
    # given, shown by its display name (its personal data masked with --redact).
    reader = Prefetch(read_for_check, str(path),
                      CheckOptions(password=password, redact=redact), Caps())
    document = reader.result()
    if isinstance(document, Failure):
        if redact:
            from resumecheck.redact import mask_outcome

            document = mask_outcome(document)
        if reader.traceback and _State.debug:
            trace = f"{display_path(path)}: internal error\n{reader.traceback}"
            if redact:
                from resumecheck.redact import mask_text

                trace = f"{document.path}: internal error\n{mask_text(reader.traceback)}"
            _err_lines(trace)
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

    profile = load_profile(name)
    for warning in profile.warnings:
        _err(warning)
    sys.stdout.write(profile_to_toml(profile))
    return ExitCode.OK


@profiles_app.command("validate")
def profiles_validate(
    files: Annotated[list[Path], typer.Argument(help="Profile files (.toml or .txt).")],
) -> int:
    """Check profile files; print every problem of each as FILE: KEY: reason."""
    from resumecheck.errors import ProfileError
    from resumecheck.profiles import load_profile

    code = ExitCode.OK
    for f in files:
        try:
            p = load_profile(str(f))
        except ProfileError as exc:
            for problem in getattr(exc, "problems", (exc,)):
                _err(problem.line())
            code = ExitCode.USAGE
        else:
            for warning in p.warnings:
                _err(warning)
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
    command_at = next((i for i, arg in enumerate(args) if not arg.startswith("-")), len(args))
    _State.root_args = tuple(args[:command_at])
    clash = _option_named_file(args)
    if clash is not None:
        _err(f"resumecheck: {clash!r} is a file here, but reads as an option; to check it, "
             f"put -- before the file names or write ./{clash}")
        return ExitCode.USAGE
    from resumecheck.atomic import GuardedStream

    stdout = sys.stdout
    sys.stdout = GuardedStream(stdout, None)  # type: ignore[assignment]
    try:
        return _main(args)
    finally:
        sys.stdout = stdout


def _main(args: list[str]) -> int:
    try:
        rv = app(args=args, prog_name="resumecheck", standalone_mode=False)
        sys.stdout.flush()
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
    except OutputClosed:  # `| head` has read enough: leave quietly
        return ExitCode.BROKEN_PIPE
    except Terminated as exc:
        return _stopped(exc.signum)
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


def _stopped(signum: int) -> int:
    """SIGTERM or SIGHUP: the run was unwound cleanly; exit as the signal would have."""
    import signal

    try:
        name = signal.Signals(signum).name
    except ValueError:
        name = f"signal {signum}"
    with contextlib.suppress(OSError, OutputClosed):
        _err(f"resumecheck: stopped by {name}")
    return 128 + signum


def entry() -> None:
    """The console script: run :func:`main`, then leave without interpreter teardown.

    Tearing down spaCy's many objects at exit costs ~0.1 s, a tenth of a one-file check.
    Everything that matters is finished by then: reports are written atomically and closed,
    worker processes have been joined, and the standard streams are flushed here.
    """
    code = main()
    for stream in (sys.stdout, sys.stderr):
        if stream is None:  # closed when the run started (``>&-``)
            continue
        try:
            stream.flush()
        except BrokenPipeError:  # a closed pipe (``| head``): part of the output is lost
            if stream is sys.stdout and code == ExitCode.OK:
                code = ExitCode.BROKEN_PIPE
        except (OSError, ValueError):
            pass
    os._exit(int(code))


__all__ = ["app", "entry", "main", "UsageError"]
