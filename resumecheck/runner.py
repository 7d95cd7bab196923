"""One `check` run: find the inputs, build the checker once, check every file (in capped
workers), hand each result with its verdict to the formatter, and return the exit code."""

from __future__ import annotations

import contextlib
import sys
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from resumecheck import __version__
from resumecheck.errors import ExitCode, InputError, OutputError, ResumecheckError, printable
from resumecheck.formatters.registry import OutputFormat
from resumecheck.limits import Caps
from resumecheck.models import Document, Failure, Outcome
from resumecheck.options import CheckOptions
from resumecheck.preflight import STDIN, STDIN_NAME
from resumecheck.verdict import FileResult, Tally, Thresholds, judge

if TYPE_CHECKING:  # pragma: no cover
    from resumecheck.batch import Prefetch
    from resumecheck.checker import Checker
    from resumecheck.formatters.base import Formatter
    from resumecheck.profiles import Profile


@dataclass(frozen=True)
class RunSettings:
    paths: tuple[str, ...]
    options: CheckOptions
    fmt: OutputFormat = OutputFormat.TEXT
    output: Path | None = None
    thresholds: Thresholds = Thresholds()
    jobs: int | None = None
    caps: Caps = Caps()
    quiet: bool = False
    verbose: bool = False
    details: bool = False
    #: The ranking's order (``--sort``): score, match or name.
    sort: str = "score"
    color: bool = False
    debug: bool = False
    #: The config file the defaults came from (it is an input too).
    config_file: str | None = None
    #: ``--exit-zero``: findings and thresholds never make the exit code 1.
    exit_zero: bool = False
    #: ``--statistics``: a count per finding code after the report.
    statistics: bool = False
    #: What was read from standard input (``-`` as the document, ``--job -`` or
    #: ``--resume -``), at most ``max_bytes + 1`` bytes; None when nothing was.
    stdin: bytes | None = None


#: Writes one line to the user (stderr); the line is escaped there, so it stays one line.
Err = Callable[[str], None]


def _traceback(err: Err, path: str, trace: str, show: _Display | None = None) -> None:
    """An internal error's traceback (``--debug``), one line per call (masked with
    ``--redact``: it may quote the document)."""
    err(f"{path}: internal error")
    for line in trace.splitlines():
        err(show.text(line) if show is not None else line)


def run(settings: RunSettings, err: Err, stdout: TextIO | None = None) -> ExitCode:
    """Check ``settings.paths`` and write the report; the exit code comes from the tally.

    SIGTERM and SIGHUP stop the run cleanly (workers killed, no temporary report left):
    :class:`~resumecheck.errors.Terminated` is raised out of here. With ``--redact`` every
    path shown, and the error that stops a run, have their personal data masked.
    """
    from resumecheck.atomic import stop_on_signals

    show = _Display(redact=settings.options.redact)
    try:
        with stop_on_signals():
            return _run(settings, err, stdout, show)
    except ResumecheckError as exc:  # a line naming a file: masked like every other
        if not show.redact:
            raise
        from resumecheck.redact import mask_error

        raise mask_error(exc) from None


@dataclass(frozen=True)
class _Display:
    """How a run shows a path, a free text (a traceback line) and a result: escaped, and
    with ``--redact`` their personal data masked (a report's own text was cut from the
    masked document already)."""

    redact: bool = False

    def path(self, path: str) -> str:
        shown = printable(path)
        if not self.redact:
            return shown
        from resumecheck.redact import mask_path

        return mask_path(shown)

    def text(self, text: str) -> str:
        if not self.redact:
            return text
        from resumecheck.redact import mask_text

        return mask_text(text)

    def outcome(self, outcome: Outcome) -> Outcome:
        if not self.redact:
            return outcome
        from resumecheck.redact import mask_outcome

        return mask_outcome(outcome)


_AS_IS = _Display()


def _run(settings: RunSettings, err: Err, stdout: TextIO | None, show: _Display) -> ExitCode:
    from resumecheck.discover import NOT_A_DOCUMENT, discover, path_order
    from resumecheck.formatters.base import RenderContext
    from resumecheck.profiles import load_profile

    options = settings.options
    profile = load_profile(options.profile)  # a bad profile stops the run before any work
    for warning in profile.warnings:
        err(warning)
    from_stdin = settings.paths == (STDIN,)
    discovery = discover(() if from_stdin else settings.paths)
    skipped: list[Outcome] = []
    for path, reason in discovery.skipped:
        # Files that are not documents by name are only listed on request; anything else
        # (a missing path, a FIFO, a link out of the folder) is accounted for as unreadable.
        if reason == NOT_A_DOCUMENT or "lock file" in reason:
            if settings.verbose:
                err(f"{show.path(path)}: skipped: {reason}")
        else:
            skipped.append(Failure(printable(path), reason))
    files = (STDIN_NAME,) if from_stdin else discovery.files
    if settings.output is not None:
        from resumecheck.outpath import guard_output

        companions = [p for p in (options.job, options.resume, settings.config_file)
                      if p and p != STDIN]
        companions += [source for source in profile.sources if not source.startswith("builtin:")]
        try:
            files = guard_output(settings.output, documents=files, companions=companions,
                                 folders=discovery.folders)
        except OSError as exc:  # a name over the system's limit, a folder we may not enter
            raise OutputError(printable(str(settings.output)),
                              f"cannot write the report ({exc.strerror or exc})") from None
    if not files and not skipped:
        err("resumecheck: no documents found in " + ", ".join(map(show.path, settings.paths)))
        return ExitCode.UNREADABLE
    ctx = RenderContext(
        version=__version__,
        profile=profile.name,
        thresholds=settings.thresholds,
        color=settings.color,
        details=settings.details,
        total=len(files) + len(skipped),
        sort=settings.sort,
    )
    formatter = settings.fmt.formatter(ctx)
    counts: Counter[str] | None = Counter() if settings.statistics else None
    # One file is read in a capped child while this process builds the checker.
    first = _prefetch(files[0], settings) if len(files) == 1 else None
    try:
        checker = _build_checker(settings, profile, err, show)
    except BaseException:
        if first is not None:
            first.close()
        raise
    tally = Tally(exit_zero=settings.exit_zero)
    pending = sorted(skipped, key=lambda o: path_order(o.path))
    with _sink(settings.output, stdout) as sink:
        sink.write(formatter.start())

        def deliver(outcome: Outcome) -> None:
            # Paths that were never opened take their place in path order.
            while pending and path_order(pending[0].path) < path_order(outcome.path):
                _deliver(show.outcome(pending.pop(0)), formatter, tally, sink, err, counts)
            _deliver(show.outcome(outcome), formatter, tally, sink, err, counts)

        if first is not None:
            deliver(_check_single(first, checker, settings, err, show))
        elif files:
            _check_batch(files, checker, settings, err, deliver, show)
        for outcome in pending:
            _deliver(show.outcome(outcome), formatter, tally, sink, err, counts)
        from resumecheck.formatters.base import pieces

        for piece in pieces(formatter.finish(tally)):
            sink.write(piece)
    if counts:
        table = statistics_table(counts)
        # After the report; never inside a report a tool parses from standard output.
        if settings.output is None and settings.fmt not in LINE_FORMATS:
            for line in table.splitlines():  # one line per call: err escapes newlines
                err(line)
        else:
            out = stdout if stdout is not None else sys.stdout
            out.write(table)
            out.flush()
    return tally.exit_code()


#: Formats read line by line, after which the statistics table may follow on stdout.
LINE_FORMATS = frozenset({OutputFormat.TEXT, OutputFormat.CONCISE, OutputFormat.GITHUB})


def statistics_table(counts: Counter[str]) -> str:
    """``--statistics``: one line per finding code, most frequent first (ties by code):
    the count, the code, its severity and its name."""
    from resumecheck.rules import RULES

    rows = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    width = len(str(rows[0][1]))
    return "".join(f"{n:>{width}}  {code}  {RULES[code].severity.value:<7}  "
                   f"{RULES[code].name}\n" for code, n in rows)


def _deliver(outcome: Outcome, formatter: Formatter, tally: Tally, sink: TextIO,
             err: Err, counts: Counter[str] | None = None) -> None:
    verdict = judge(outcome, formatter.ctx.thresholds)
    tally.add(verdict)
    if isinstance(outcome, Failure):
        err(f"{outcome.path}: {outcome.reason}")
    elif counts is not None:
        counts.update(f.code for f in outcome.findings)
    text = formatter.add(FileResult(outcome, verdict))
    if text:
        sink.write(text)
        sink.flush()


@contextlib.contextmanager
def _sink(output: Path | None, stdout: TextIO | None) -> Iterator[TextIO]:
    """Where the report goes: a file written atomically, or standard output."""
    from resumecheck.atomic import GuardedStream, open_output

    if output is None:
        # A full disk or a closed pipe is one line (or a quiet exit), never a traceback.
        guarded = GuardedStream(stdout if stdout is not None else sys.stdout, None)
        yield guarded  # type: ignore[misc]
        guarded.flush()
        return
    with open_output(output) as fh:
        yield fh


def _prefetch(path: str, settings: RunSettings) -> Prefetch:
    from resumecheck.batch import Prefetch
    from resumecheck.checker import read_for_check

    return Prefetch(_reading(read_for_check, path, settings), path, settings.options,
                    settings.caps)


def _reading(read: Callable[..., Document], path: str, settings: RunSettings
             ) -> Callable[..., Document]:
    """The step a capped child runs to read ``path``: standard input's bytes (read by this
    process, capped) are handed to the child, which checks their size and parses them."""
    if path != STDIN_NAME:
        return read
    import functools

    return functools.partial(read, data=settings.stdin if settings.stdin is not None else b"")


def _build_checker(settings: RunSettings, profile: Profile, err: Err,
                   show: _Display = _AS_IS) -> Checker:
    """The run's checker. The ``--job`` and ``--resume`` files are read in capped child
    processes, like every document (both at once); an unreadable one stops the run with one
    line naming it (exit 3)."""
    from resumecheck.batch import Prefetch
    from resumecheck.checker import Checker, read_posting, read_resume

    options = settings.options
    wanted = [(_shown(options.job), read_posting, "job posting"),
              (_shown(options.resume), read_resume, "resume")]
    children = [(Prefetch(_reading(read, path, settings), path, options, settings.caps), role)
                if path else None for path, read, role in wanted]
    documents: list[Document | None] = []
    try:
        for child in children:
            documents.append(None if child is None else _companion(*child, settings, err, show))
    finally:
        for child in children:
            if child is not None:
                child[0].close()
    posting, resume = documents
    return Checker.build(options, profile=profile, posting=posting, resume=resume,
                         caps=settings.caps)


def _shown(path: str | None) -> str | None:
    return STDIN_NAME if path == STDIN else path


def _companion(child: Prefetch, role: str, settings: RunSettings, err: Err,
               show: _Display = _AS_IS) -> Document:
    """A companion file's document, or InputError naming the file and its role."""
    value = child.result()
    if isinstance(value, Failure):
        if child.traceback and settings.debug:
            _traceback(err, show.path(child.path), child.traceback, show)
        reason = value.reason if value.reason.startswith(role) else f"{role} {value.reason}"
        raise InputError(value.path, reason)
    return value


def _check_single(reader: Prefetch, checker: Checker, settings: RunSettings,
                  err: Err, show: _Display = _AS_IS) -> Outcome:
    """One file: its document was read in a capped child; check it here, under the same
    time (what is left of it) and memory caps."""
    import time

    from resumecheck.limits import capture

    document = reader.result()
    if isinstance(document, Failure):
        if reader.traceback and settings.debug:
            _traceback(err, show.path(reader.path), reader.traceback, show)
        return document
    caps = settings.caps
    left = None
    if caps.timeout is not None:
        left = max(caps.timeout - (time.monotonic() - reader.started), 0.001)

    def step() -> Outcome:
        with caps.applied(timeout=left):
            return checker.check(document)

    captured = capture(reader.path, step, caps)
    if captured.traceback and captured.fatal is None and settings.debug:
        _traceback(err, show.path(reader.path), captured.traceback, show)
    return captured.unwrap()


def _check_batch(files: Sequence[str], checker: Checker, settings: RunSettings, err: Err,
                 deliver: Callable[[Outcome], None], show: _Display = _AS_IS) -> None:
    """Several files: in worker processes forked from this one (they inherit the checker),
    each file under the caps; outcomes handed over in path order."""
    import os

    from resumecheck.batch import check_in_workers
    from resumecheck.progress import make_progress

    jobs = min(settings.jobs or os.cpu_count() or 1, len(files))
    bar = not settings.quiet and sys.stderr.isatty()

    def internal(path: str, trace: str) -> None:
        if settings.debug:
            _traceback(err, show.path(path), trace, show)

    with make_progress(len(files), bar) as progress:

        def advance(outcome: Outcome | None = None) -> None:
            progress.advance(None if outcome is None else show.outcome(outcome))

        check_in_workers(files, checker, jobs=jobs, caps=settings.caps,
                         on_progress=advance, on_internal_error=internal,
                         on_result=deliver, keep=False)


__all__ = ["RunSettings", "run"]
