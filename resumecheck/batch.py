"""Check many files in parallel, each in a worker process with a time and memory cap.

A plain ``ProcessPoolExecutor`` cannot stop one stuck task, and a reader that inflates a zip
bomb or loops on a damaged PDF must not take the batch with it. So this module keeps its own
small pool of long-lived workers, each talking to the parent over a pipe, one file at a time:

- the parent sends a path and starts that worker's clock; a worker that overruns the
  per-file timeout is killed (SIGKILL) and replaced, and its file gets a :class:`Failure`;
- before each file the worker caps its address space (``RLIMIT_AS``) at what it already uses
  plus ``max_memory``, so an allocation beyond the cap fails inside the worker; the worker
  reports it and exits, and a fresh worker takes its place;
- a worker that dies (segfault, OOM killer) costs only its current file;
- per-worker set-up (``initializer(options)``: the spaCy pipeline, the profile's patterns)
  runs once per worker, before the worker asks for its first file, so it is never counted
  against a file's timeout.

Workers are forked when the platform allows it: the children share the parent's imported
modules and start in milliseconds. The parent never runs threads of its own here (the
progress bar refreshes on events, not on a timer), which keeps forking safe. Workers ignore
SIGINT: on Ctrl-C the parent kills them all and re-raises ``KeyboardInterrupt``.
"""

from __future__ import annotations

import contextlib
import faulthandler
import logging
import multiprocessing
import os
import signal
import threading
import time
import traceback
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import Any, Protocol

from resumecheck.errors import InputError, ResumecheckError

try:
    import resource
except ImportError:  # pragma: no cover - Windows: no address-space cap, the timeout still holds
    resource = None  # type: ignore[assignment]
from resumecheck.models import Failure, Outcome

log = logging.getLogger(__name__)

MiB = 1024 * 1024
DEFAULT_TIMEOUT = 30.0
DEFAULT_MAX_MEMORY = 1024 * MiB
#: How long a worker may take to start (import spaCy, build the pipeline, load a model).
DEFAULT_START_TIMEOUT = 300.0

Work = Callable[[str, Any], Outcome]


class WorkerStartError(RuntimeError):
    """A worker process died or hung while running its set-up: no file can be checked."""


class _RemoteTraceback(Exception):
    """Carries a worker's formatted traceback; shown as the cause of a re-raised error."""

    def __init__(self, tb: str) -> None:
        super().__init__(tb)
        self.tb = tb

    def __str__(self) -> str:
        return self.tb


def timeout_reason(timeout: float) -> str:
    return f"took longer than {timeout:g} s; stopped"


def memory_reason(max_memory: int) -> str:
    return f"used more than {max_memory / MiB:g} MiB of memory; stopped"


def crash_reason(exitcode: int | None) -> str:
    if exitcode is not None and exitcode < 0:
        sig = -exitcode
        try:
            name = f"{signal.Signals(sig).name}, signal {sig}"
        except ValueError:
            name = f"signal {sig}"
        if sig == getattr(signal, "SIGKILL", 9):
            return f"the reader was killed ({name}; perhaps out of memory)"
        return f"the reader crashed ({name})"
    return f"the reader stopped unexpectedly (exit code {exitcode})"


# --------------------------------------------------------------------------- worker side

# Messages from a worker: ("ready",) | ("done", outcome) | ("memory",)
#   | ("internal", "ExcType: msg", traceback) | ("fatal", exc_type, args, state, traceback)
#   | ("start-failed", exc_type, args, state, traceback)


def _address_space() -> int | None:
    """Bytes of virtual memory this process maps now (Linux), or None when unknown."""
    if resource is None:
        return None
    try:
        with open("/proc/self/statm", "rb") as fh:
            return int(fh.read().split()[0]) * resource.getpagesize()
    except (OSError, ValueError, IndexError):
        return None


def _cap_memory(max_memory: int | None) -> tuple[int, int] | None:
    """Allow ``max_memory`` more address space than now; return the limits to restore."""
    if max_memory is None:
        return None
    used = _address_space()
    if used is None:
        return None
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = used + max_memory
    for existing in (soft, hard):  # a stricter ``ulimit -v`` set by the user still holds
        if existing != resource.RLIM_INFINITY:
            limit = min(limit, existing)
    try:
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ValueError, OSError):
        return None
    return soft, hard


def _restore_memory(previous: tuple[int, int] | None) -> None:
    if previous is not None:
        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(resource.RLIMIT_AS, previous)


def _exception_message(exc: BaseException) -> tuple[Any, ...]:
    # Exceptions whose __init__ takes other arguments than their args (ResumecheckError)
    # do not survive pickling, so type, args and attributes travel separately.
    return (type(exc), exc.args, dict(getattr(exc, "__dict__", {})), traceback.format_exc())


def _child_setup() -> None:
    # Ctrl-C reaches the whole process group; the parent alone decides what to do.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # A crash is reported as one line by the parent; an inherited fault handler would
    # print a Python stack dump to the user's terminal as well.
    faulthandler.disable()


def _worker_main(
    conn: Connection,
    work: Work,
    options: Any,
    initializer: Callable[[Any], None] | None,
    max_memory: int | None,
) -> None:
    _child_setup()
    try:
        if initializer is not None:
            initializer(options)
    except BaseException as exc:  # noqa: BLE001 - reported to the parent, which raises it
        conn.send(("start-failed", *_exception_message(exc)))
        return
    conn.send(("ready",))
    while True:
        try:
            path = conn.recv()
        except EOFError:
            return
        if path is None:
            return
        message = _check_one(path, work, options, max_memory)
        conn.send(message)
        if message[0] in ("memory", "fatal"):
            # After a MemoryError the heap may be fragmented and half-built objects may
            # linger: leave, and let a fresh worker take the next file.
            return


def _check_one(
    path: str, work: Work, options: Any, max_memory: int | None
) -> tuple[Any, ...]:
    previous = _cap_memory(max_memory)
    try:
        return ("done", work(path, options))
    except MemoryError:
        return ("memory",)
    except InputError as exc:
        return ("done", Failure(path, exc.reason))
    except ResumecheckError as exc:
        return ("fatal", *_exception_message(exc))
    except BaseException as exc:  # noqa: BLE001 - one file's bug must not stop the batch
        return ("internal", f"{type(exc).__name__}: {exc}", traceback.format_exc())
    finally:
        _restore_memory(previous)


# --------------------------------------------------------------------------- parent side


@dataclass
class _Worker:
    process: multiprocessing.process.BaseProcess
    conn: Connection
    ready: bool = False
    started: float = field(default_factory=time.monotonic)
    #: Index (in the input) of the file being checked, and when it was sent.
    index: int | None = None
    deadline: float = 0.0

    def kill(self) -> None:
        with contextlib.suppress(OSError, AttributeError):
            self.process.kill()
        self.process.join(5)
        with contextlib.suppress(OSError):
            self.conn.close()


def _context() -> multiprocessing.context.BaseContext:
    """Fork when it is safe (no other threads in this process), else forkserver or spawn."""
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    if "forkserver" in methods:
        return multiprocessing.get_context("forkserver")
    return multiprocessing.get_context("spawn")


def _raise_remote(message: tuple[Any, ...], wrap: type[Exception] | None = None) -> None:
    """Raise, in the parent, the exception a worker reported (same type and attributes)."""
    exc_type, args, state, tb = message[1:]
    if wrap is not None and not issubclass(exc_type, ResumecheckError):
        # An unexpected error in set-up: say where it happened, keep the original text.
        raise wrap(f"worker set-up failed: {exc_type.__name__}: {args[0] if args else ''}") \
            from _RemoteTraceback(tb)
    exc = exc_type.__new__(exc_type)
    BaseException.__init__(exc, *args)
    with contextlib.suppress(AttributeError, TypeError):
        exc.__dict__.update(state)
    raise exc from _RemoteTraceback(tb)


def run_batch(
    paths: Sequence[str],
    work: Work,
    options: Any,
    *,
    jobs: int,
    timeout: float = DEFAULT_TIMEOUT,
    max_memory: int | None = DEFAULT_MAX_MEMORY,
    on_result: Callable[[Outcome], None] | None = None,
    initializer: Callable[[Any], None] | None = None,
    on_progress: Callable[[Outcome], None] | None = None,
    on_internal_error: Callable[[str, str], None] | None = None,
    keep: bool = True,
    start_timeout: float = DEFAULT_START_TIMEOUT,
    preload: Callable[[Any], None] | None = None,
) -> list[Outcome]:
    """Run ``work(path, options)`` for every path in worker processes.

    ``preload(options)``, when given, runs once in this process before any worker starts.
    With forked workers (Linux) they inherit what it built (imported spaCy, a pipeline
    cached by ``initializer``), so a worker's own set-up becomes a cache hit, a replacement
    worker after a timeout starts at once, and the workers share those memory pages.

    Returns the outcomes in input order whatever order they finished in. ``on_result`` is
    called in input order too, as soon as every earlier file is done, so a streamed report
    (jsonl, github) is identical for any ``jobs``. ``on_progress`` is called in completion
    order (a progress bar). With ``keep=False`` nothing is accumulated and an empty list is
    returned: a streamed report of 10,000 files then needs no memory per file.

    Per file: :class:`InputError` from ``work`` becomes a :class:`Failure`; a timeout, the
    memory cap or a crash becomes a :class:`Failure` naming it; any other exception becomes
    ``Failure(path, "internal error: Type: message")`` and its traceback goes to
    ``on_internal_error(path, traceback)`` and to this module's logger at DEBUG level.
    Any other :class:`ResumecheckError` (a profile, model or usage error) concerns the whole
    run: the batch stops and the same exception type is raised here, its ``__cause__``
    holding the worker's traceback. :class:`WorkerStartError` is raised when a worker
    cannot finish ``initializer``.
    """
    if not paths:
        return []
    if preload is not None:
        preload(options)
    pool = _Pool(
        paths,
        work,
        options,
        jobs=max(1, min(jobs, len(paths))),
        timeout=timeout,
        max_memory=max_memory,
        initializer=initializer,
        start_timeout=start_timeout,
        on_result=on_result,
        on_progress=on_progress,
        on_internal_error=on_internal_error,
        keep=keep,
    )
    return pool.run()


def run_one_isolated(
    path: str,
    work: Work,
    options: Any,
    timeout: float = DEFAULT_TIMEOUT,
    max_memory: int | None = DEFAULT_MAX_MEMORY,
    *,
    initializer: Callable[[Any], None] | None = None,
    on_internal_error: Callable[[str, str], None] | None = None,
) -> Outcome:
    """Check one file in a worker process with the same caps as a batch."""
    return run_batch(
        [path],
        work,
        options,
        jobs=1,
        timeout=timeout,
        max_memory=max_memory,
        initializer=initializer,
        on_internal_error=on_internal_error,
    )[0]


class _Pool:
    def __init__(
        self,
        paths: Sequence[str],
        work: Work,
        options: Any,
        *,
        jobs: int,
        timeout: float,
        max_memory: int | None,
        initializer: Callable[[Any], None] | None,
        start_timeout: float,
        on_result: Callable[[Outcome], None] | None,
        on_progress: Callable[[Outcome], None] | None,
        on_internal_error: Callable[[str, str], None] | None,
        keep: bool,
    ) -> None:
        self.paths = list(paths)
        self.work = work
        self.options = options
        self.jobs = jobs
        self.timeout = timeout
        self.max_memory = max_memory
        self.initializer = initializer
        self.start_timeout = start_timeout
        self.on_result = on_result
        self.on_progress = on_progress
        self.on_internal_error = on_internal_error
        self.keep = keep
        self.ctx = _context()
        self.total = len(self.paths)
        self.results: list[Outcome | None] = [None] * self.total
        self.emitted = 0
        self.pending: deque[int] = deque(range(self.total))
        self.workers: list[_Worker] = []

    # -- lifecycle

    def run(self) -> list[Outcome]:
        try:
            for _ in range(self.jobs):
                self.start_worker()
            while self.emitted < self.total:
                self.assign()
                self.wait_and_handle()
                self.enforce_deadlines()
                if not self.workers and self.pending:
                    self.start_worker()
        except BaseException:
            # Ctrl-C, a fatal error from a worker, a failing callback: stop now.
            for worker in self.workers:
                worker.kill()
            self.workers.clear()
            raise
        self.stop_all()
        if not self.keep:
            return []
        return [r for r in self.results if r is not None]

    def start_worker(self) -> None:
        parent_conn, child_conn = self.ctx.Pipe(duplex=True)
        process = self.ctx.Process(
            target=_worker_main,
            args=(child_conn, self.work, self.options, self.initializer, self.max_memory),
            name="resumecheck-worker",
            daemon=True,
        )
        process.start()
        child_conn.close()
        self.workers.append(_Worker(process=process, conn=parent_conn))

    def retire(self, worker: _Worker) -> None:
        """Kill a worker and replace it while files remain."""
        worker.kill()
        self.workers.remove(worker)
        if self.pending and len(self.workers) < self.jobs:
            self.start_worker()

    def stop_all(self) -> None:
        for worker in self.workers:
            with contextlib.suppress(OSError):
                worker.conn.send(None)
        deadline = time.monotonic() + 2.0
        for worker in self.workers:
            worker.process.join(max(0.0, deadline - time.monotonic()))
            worker.kill()
        self.workers.clear()

    # -- the loop

    def assign(self) -> None:
        for worker in self.workers:
            if worker.ready and worker.index is None and self.pending:
                index = self.pending.popleft()
                try:
                    worker.conn.send(self.paths[index])
                except OSError:
                    self.pending.appendleft(index)  # gone; its sentinel reports it
                    continue
                worker.index = index
                worker.deadline = time.monotonic() + self.timeout

    def wait_and_handle(self) -> None:
        deadlines = [
            w.deadline if w.ready else w.started + self.start_timeout
            for w in self.workers
            if w.index is not None or not w.ready
        ]
        timeout = max(0.0, min(deadlines) - time.monotonic()) if deadlines else None
        handles: list[Any] = [w.conn for w in self.workers]
        handles += [w.process.sentinel for w in self.workers]
        ready = set(wait(handles, timeout=timeout))
        for worker in list(self.workers):
            # A message sent just before exiting must be read before the death is judged.
            closed = False
            if worker.conn in ready or worker.process.sentinel in ready:
                while worker in self.workers and _poll(worker):
                    if not self.handle_message(worker):
                        closed = True
                        break
            if worker in self.workers and (closed or worker.process.sentinel in ready):
                self.handle_death(worker)

    def enforce_deadlines(self) -> None:
        now = time.monotonic()
        for worker in list(self.workers):
            if worker.index is not None and now >= worker.deadline:
                index = worker.index
                self.retire(worker)
                self.finish(index, Failure(self.paths[index], timeout_reason(self.timeout)))
            elif not worker.ready and now >= worker.started + self.start_timeout:
                raise WorkerStartError(
                    f"a worker process did not finish its set-up in {self.start_timeout:g} s"
                )

    def handle_message(self, worker: _Worker) -> bool:
        """Act on one message; False when the pipe is closed (the worker is gone)."""
        try:
            message = worker.conn.recv()
        except (EOFError, OSError):
            return False
        kind = message[0]
        if kind == "ready":
            worker.ready = True
            return True
        if kind == "start-failed":
            _raise_remote(message, WorkerStartError)
        index = worker.index
        if index is None:  # pragma: no cover - a worker only answers a file it was sent
            return True
        worker.index = None
        path = self.paths[index]
        if kind == "done":
            self.finish(index, message[1])
        elif kind == "memory":
            self.retire(worker)
            self.finish(index, Failure(path, _memory_failure(self.max_memory)))
        elif kind == "internal":
            summary, tb = message[1], message[2]
            log.debug("internal error on %s:\n%s", path, tb)
            if self.on_internal_error is not None:
                self.on_internal_error(path, tb)
            self.finish(index, Failure(path, f"internal error: {summary}"))
        elif kind == "fatal":
            _raise_remote(message)
        return True

    def handle_death(self, worker: _Worker) -> None:
        # The pipe closes a moment before the process is reaped.
        worker.process.join(5)
        exitcode = worker.process.exitcode
        index = worker.index
        was_ready = worker.ready
        self.retire(worker)
        if not was_ready:
            raise WorkerStartError(
                f"a worker process stopped during its set-up: {crash_reason(exitcode)}"
            )
        if index is not None:
            self.finish(index, Failure(self.paths[index], crash_reason(exitcode)))

    def finish(self, index: int, outcome: Outcome) -> None:
        self.results[index] = outcome
        if self.on_progress is not None:
            self.on_progress(outcome)
        while self.emitted < self.total and self.results[self.emitted] is not None:
            done = self.results[self.emitted]
            if self.on_result is not None and done is not None:
                self.on_result(done)
            if not self.keep:
                self.results[self.emitted] = _EMITTED
            self.emitted += 1


def _memory_failure(max_memory: int | None) -> str:
    if max_memory is None:
        return "ran out of memory; stopped"
    return memory_reason(max_memory)


def _poll(worker: _Worker) -> bool:
    try:
        return worker.conn.poll()
    except (OSError, EOFError):
        return False


#: Stands in for an outcome already handed to ``on_result`` when ``keep`` is False.
_EMITTED: Outcome = Failure("", "")


def default_jobs() -> int:
    """Cores this process may use (respects CPU affinity, e.g. in containers)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


class Progress(Protocol):
    def advance(self, outcome: Outcome | None = None) -> None: ...


class _NoProgress:
    def advance(self, outcome: Outcome | None = None) -> None:
        return None


class _RichProgress:
    def __init__(self, progress: Any, task: Any) -> None:
        self._progress = progress
        self._task = task

    def advance(self, outcome: Outcome | None = None) -> None:
        description = f"Checking {outcome.path}" if outcome is not None else "Checking"
        self._progress.update(self._task, advance=1, description=_fit(description))
        self._progress.refresh()


def _fit(text: str, width: int = 40) -> str:
    return text if len(text) <= width else "…" + text[-(width - 1):]


@contextlib.contextmanager
def make_progress(total: int, enabled: bool) -> Iterator[Progress]:
    """A progress bar on stderr, or a no-op when ``enabled`` is False.

    The caller decides ``enabled`` (stderr is a TTY, not ``--quiet``). The bar refreshes when
    a file finishes rather than from a timer thread, so worker processes can still be forked
    safely while it is shown; it disappears when the run ends.
    """
    if not enabled or total <= 0:
        yield _NoProgress()
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )
    from rich.progress import Progress as RichProgress

    progress = RichProgress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        auto_refresh=False,
        transient=True,
    )
    with progress:
        task = progress.add_task("Checking", total=total)
        progress.refresh()
        yield _RichProgress(progress, task)


# --------------------------------------------------------------------------- one file, two stages


class Prefetch:
    """Run ``work(path, options)`` (a reader) in a capped child process while the parent
    goes on.

    One file's check has two stages of about the same start-up cost: reading (pdfminer or
    python-docx, and the parse) and checking (spaCy and the patterns). Forking the reader
    first, before the parent imports spaCy, overlaps the two on a second core; the bytes
    of the file are still only ever parsed inside a process with a time and memory cap.
    The child runs ``work`` exactly as a batch worker does (``_check_one``).
    """

    def __init__(self, work: Callable[[str, Any], Any], path: str, options: Any,
                 max_memory: int | None) -> None:
        ctx = _context()
        self.path = path
        self.max_memory = max_memory
        self._conn, child = ctx.Pipe(duplex=False)
        self._process = ctx.Process(target=_prefetch_main,
                                    args=(child, work, path, options, max_memory), daemon=True)
        self._process.start()
        child.close()
        self.started = time.monotonic()
        #: The reader's traceback when it failed with an unexpected error (for --debug).
        self.traceback: str | None = None

    def result(self, timeout: float) -> Any:
        """The reader's return value; a :class:`Failure` when it failed, overran or died.

        Other project errors raised by the reader (a bad profile) are raised here again.
        """
        path = self.path
        try:
            remaining = max(0.0, self.started + timeout - time.monotonic())
            if not self._conn.poll(remaining):
                if self._process.is_alive():
                    return Failure(path, timeout_reason(timeout))
                return Failure(path, crash_reason(self._process.exitcode))
            try:
                message = self._conn.recv()
            except (EOFError, OSError):
                self._process.join(5)
                return Failure(path, crash_reason(self._process.exitcode))
        finally:
            self.close()
        kind = message[0]
        if kind == "done":
            return message[1]
        if kind == "memory":
            return Failure(path, memory_reason(self.max_memory or 0))
        if kind == "fatal":
            _raise_remote(message)
        self.traceback = message[2]
        return Failure(path, f"internal error: {message[1]}")

    def close(self) -> None:
        with contextlib.suppress(OSError, AttributeError):
            if self._process.is_alive():
                self._process.kill()
        self._process.join(5)
        with contextlib.suppress(OSError):
            self._conn.close()


def _prefetch_main(conn: Connection, work: Callable[[str, Any], Any], path: str, options: Any,
                   max_memory: int | None) -> None:
    _child_setup()
    conn.send(_check_one(path, work, options, max_memory))


@contextlib.contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise :class:`TimeoutError` in this (main) thread after ``seconds``."""
    if (seconds <= 0 or not hasattr(signal, "setitimer")  # Windows: no interval timers
            or threading.current_thread() is not threading.main_thread()):
        yield
        return

    def expire(signum: int, frame: Any) -> None:
        raise TimeoutError

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextlib.contextmanager
def memory_limit(max_memory: int | None) -> Iterator[None]:
    """Cap this process's address space at what it uses now plus ``max_memory`` while the
    block runs (an allocation beyond it raises MemoryError), then lift the cap."""
    previous = _cap_memory(max_memory)
    try:
        yield
    finally:
        _restore_memory(previous)
