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
- the per-process state (a checker: the spaCy pipeline, the profile's patterns, the
  analysed posting) is built once, in the parent, before any worker starts, so it is never
  counted against a file's timeout.

Workers are forked when the platform allows it: the children inherit the parent's state
and start in milliseconds. The parent never runs threads of its own here (the
progress bar refreshes on events, not on a timer), which keeps forking safe. Workers ignore
SIGINT: on Ctrl-C the parent kills them all and re-raises ``KeyboardInterrupt``.

Workers never outlive the parent: on Linux each asks the kernel for SIGKILL when its parent
dies (``prctl(PR_SET_PDEATHSIG)``), so even a SIGKILL to the parent takes them along; an
idle worker also notices a new parent process (it was re-parented) and leaves. SIGTERM and
SIGHUP to the parent unwind it (:func:`resumecheck.atomic.stop_on_signals`): it kills its
workers itself.
"""

from __future__ import annotations

import contextlib
import faulthandler
import logging
import multiprocessing
import os
import signal
import sys
import threading
import time
import traceback
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import Any

from resumecheck.errors import ResumecheckError, printable
from resumecheck.limits import (
    DEFAULT_CAPS,
    DEFAULT_MAX_MEMORY,
    DEFAULT_TIMEOUT,
    Caps,
    cap_memory,
    capture,
    crash_reason,
    restore_memory,
    timeout_reason,
)
from resumecheck.models import Failure, Outcome

log = logging.getLogger(__name__)

#: How long a worker may take to start (import spaCy, build the pipeline, load a model).
DEFAULT_START_TIMEOUT = 300.0

#: ``work(path, state) -> Outcome``: check one file with the per-process state (a checker).
Work = Callable[[str, Any], Outcome]

__all__ = [
    "DEFAULT_MAX_MEMORY", "DEFAULT_TIMEOUT", "Prefetch", "WorkerStartError",
    "check_in_workers", "default_jobs", "run_batch",
]


class WorkerStartError(RuntimeError):
    """A worker process died or hung while running its set-up: no file can be checked."""


class _RemoteTraceback(Exception):
    """Carries a worker's formatted traceback; shown as the cause of a re-raised error."""

    def __init__(self, tb: str) -> None:
        super().__init__(tb)
        self.tb = tb

    def __str__(self) -> str:
        return self.tb


# --------------------------------------------------------------------------- worker side

# Messages from a worker: ("ready",) | ("done", outcome) | ("exhausted", failure)
#   | ("internal", failure, traceback) | ("fatal", exc_type, args, state, traceback)
#   | ("start-failed", exc_type, args, state, traceback)


def _exception_message(exc: BaseException, tb: str) -> tuple[Any, ...]:
    # Exceptions whose __init__ takes other arguments than their args (ResumecheckError)
    # do not survive pickling, so type, args and attributes travel separately.
    return (type(exc), exc.args, dict(getattr(exc, "__dict__", {})), tb)


#: How often (seconds) an idle worker checks that its parent is still there.
PARENT_CHECK_INTERVAL = 1.0


def _die_with_parent(parent: int) -> None:
    """Ask for SIGKILL when the parent dies (Linux), and leave now if it already has."""
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            pr_set_pdeathsig = 1
            libc.prctl(pr_set_pdeathsig, int(signal.SIGKILL), 0, 0, 0)
        except (OSError, AttributeError):  # no prctl here: the ppid checks still hold
            pass
    if os.getppid() != parent:  # the parent died before the request was made
        os._exit(1)


def _child_setup(parent: int) -> None:
    _die_with_parent(parent)
    # Ctrl-C reaches the whole process group; the parent alone decides what to do.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # The parent turns SIGTERM and SIGHUP into an orderly stop; a child just stops.
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_DFL)
    # A crash is reported as one line by the parent; an inherited fault handler would
    # print a Python stack dump to the user's terminal as well.
    faulthandler.disable()


def _next_path(conn: Connection, parent: int) -> str | None:
    """The next file to check, or None when the parent says stop or is gone."""
    while True:
        try:
            if conn.poll(PARENT_CHECK_INTERVAL):
                return conn.recv()
        except (EOFError, OSError):
            return None
        if os.getppid() != parent:  # re-parented: the parent died
            return None


def _worker_main(
    conn: Connection,
    work: Work,
    state: Any,
    setup: Callable[[], Any] | None,
    caps: Caps,
    parent: int,
) -> None:
    _child_setup(parent)
    if setup is not None:
        try:
            state = setup()
        except BaseException as exc:  # noqa: BLE001 - reported to the parent, which raises it
            conn.send(("start-failed", *_exception_message(exc, traceback.format_exc())))
            return
    conn.send(("ready",))
    while True:
        path = _next_path(conn, parent)
        if path is None:
            return
        message = _run_step(path, lambda p=path: work(p, state), caps)
        conn.send(message)
        if message[0] in ("exhausted", "fatal"):
            # After a MemoryError the heap may be fragmented and half-built objects may
            # linger: leave, and let a fresh worker take the next file.
            return


def _run_step(path: str, step: Callable[[], Any], caps: Caps) -> tuple[Any, ...]:
    """Run one step under the memory cap (the parent enforces the time), as a message."""
    previous = cap_memory(caps.max_memory)
    try:
        captured = capture(path, step, caps)
    finally:
        restore_memory(previous)
    if captured.fatal is not None:
        return ("fatal", *_exception_message(captured.fatal, captured.traceback or ""))
    if captured.exhausted:
        return ("exhausted", captured.failure)
    if captured.traceback is not None:
        return ("internal", captured.failure, captured.traceback)
    return ("done", captured.failure if captured.failure is not None else captured.value)


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
    state: Any,
    *,
    jobs: int,
    caps: Caps = DEFAULT_CAPS,
    setup: Callable[[], Any] | None = None,
    on_result: Callable[[Outcome], None] | None = None,
    on_progress: Callable[[Outcome], None] | None = None,
    on_internal_error: Callable[[str, str], None] | None = None,
    keep: bool = True,
    start_timeout: float = DEFAULT_START_TIMEOUT,
) -> list[Outcome]:
    """Run ``work(path, state)`` for every path in worker processes.

    ``state`` is what this process built once (a checker): forked workers inherit it, so a
    worker starts in milliseconds, a replacement after a timeout at once, and the workers
    share its memory pages. Where processes cannot be forked, each worker calls ``setup()``
    instead (it must be picklable), or gets a pickled copy of ``state`` when there is none.

    Returns the outcomes in input order whatever order they finished in. ``on_result`` is
    called in input order too, as soon as every earlier file is done, so a streamed report
    is identical for any ``jobs``. ``on_progress`` is called in completion order (a
    progress bar). With ``keep=False`` nothing is accumulated and an empty list is returned.

    Per file, what goes wrong is mapped by :func:`resumecheck.limits.capture`; a timeout
    (the worker is killed) or a crash becomes a :class:`Failure` naming it; an internal
    error's traceback goes to ``on_internal_error(path, traceback)``. A project error that
    is not about the file (a profile, model or usage error) stops the batch and is raised
    here, its ``__cause__`` holding the worker's traceback. :class:`WorkerStartError` is
    raised when a worker cannot finish ``setup``.
    """
    if not paths:
        return []
    pool = _Pool(
        paths,
        work,
        state,
        jobs=max(1, min(jobs, len(paths))),
        caps=caps,
        setup=setup,
        start_timeout=start_timeout,
        on_result=on_result,
        on_progress=on_progress,
        on_internal_error=on_internal_error,
        keep=keep,
    )
    return pool.run()


def check_document(path: str, checker: Any) -> Outcome:
    """The batch step: read and check one file with the process's checker."""
    return checker.check_path(path)


def check_in_workers(paths: Sequence[str], checker: Any, *, jobs: int, caps: Caps,
                     **callbacks: Any) -> list[Outcome]:
    """Check ``paths`` with ``checker`` (a :class:`~resumecheck.checker.Checker`) in worker
    processes; see :func:`run_batch` for ``callbacks``."""
    import functools

    from resumecheck.checker import Checker

    # Only used where workers cannot be forked: they build their own checker (from the
    # companion documents already read), under the same caps as the one built here.
    setup = functools.partial(Checker.build, checker.options, profile=checker.profile,
                              caps=caps, **getattr(checker, "companions", {}))
    return run_batch(paths, check_document, checker, jobs=jobs, caps=caps, setup=setup,
                     **callbacks)


class _Pool:
    def __init__(
        self,
        paths: Sequence[str],
        work: Work,
        state: Any,
        *,
        jobs: int,
        caps: Caps,
        setup: Callable[[], Any] | None,
        start_timeout: float,
        on_result: Callable[[Outcome], None] | None,
        on_progress: Callable[[Outcome], None] | None,
        on_internal_error: Callable[[str, str], None] | None,
        keep: bool,
    ) -> None:
        self.paths = list(paths)
        self.work = work
        self.state = state
        self.jobs = jobs
        self.caps = caps
        self.timeout = caps.timeout if caps.timeout is not None else DEFAULT_TIMEOUT
        self.setup = setup
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
        # A forked worker inherits the state as it is in memory (nothing is pickled);
        # elsewhere it builds its own with setup, or unpickles a copy.
        inherit = self.ctx.get_start_method() == "fork" and self.state is not None
        setup = None if inherit else self.setup
        state = self.state if setup is None else None
        process = self.ctx.Process(
            target=_worker_main,
            args=(child_conn, self.work, state, setup, self.caps, os.getpid()),
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
                self.finish(index, Failure(printable(self.paths[index]),
                                           timeout_reason(self.timeout)))
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
        elif kind == "exhausted":
            self.retire(worker)
            self.finish(index, message[1])
        elif kind == "internal":
            failure, tb = message[1], message[2]
            log.debug("internal error on %s:\n%s", path, tb)
            if self.on_internal_error is not None:
                self.on_internal_error(path, tb)
            self.finish(index, failure)
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
            self.finish(index, Failure(printable(self.paths[index]), crash_reason(exitcode)))

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


# --------------------------------------------------------------------------- one file, two stages


class Prefetch:
    """Run ``step(path, options)`` (a reader) in a capped child process while the parent
    goes on.

    One file's check has two stages of about the same start-up cost: reading (pdfminer or
    python-docx, and the parse) and checking (spaCy and the patterns). Forking the reader
    first, before the parent imports spaCy, overlaps the two on a second core; the bytes
    of the file are still only ever parsed inside a process with a time and memory cap.
    The child maps what goes wrong exactly as a batch worker does.
    """

    def __init__(self, step: Callable[[str, Any], Any], path: str, options: Any,
                 caps: Caps) -> None:
        ctx = _context()
        self.path = path
        self.caps = caps
        self._conn, child = ctx.Pipe(duplex=False)
        self._process = ctx.Process(target=_prefetch_main,
                                    args=(child, step, path, options, caps, os.getpid()),
                                    daemon=True)
        self._process.start()
        child.close()
        self.started = time.monotonic()
        #: The reader's traceback when it failed with an unexpected error (for --debug).
        self.traceback: str | None = None

    def result(self) -> Any:
        """The reader's return value; a :class:`Failure` when it failed, overran or died.

        Other project errors raised by the reader (a bad profile) are raised here again.
        """
        path = self.path
        timeout = self.caps.timeout if self.caps.timeout is not None else DEFAULT_TIMEOUT
        try:
            remaining = max(0.0, self.started + timeout - time.monotonic())
            if not self._conn.poll(remaining):
                if self._process.is_alive():
                    return Failure(printable(path), timeout_reason(timeout))
                return Failure(printable(path), crash_reason(self._process.exitcode))
            try:
                message = self._conn.recv()
            except (EOFError, OSError):
                self._process.join(5)
                return Failure(printable(path), crash_reason(self._process.exitcode))
        finally:
            self.close()
        kind = message[0]
        if kind == "fatal":
            _raise_remote(message)
        if kind == "internal":
            self.traceback = message[2]
        return message[1]

    def close(self) -> None:
        with contextlib.suppress(OSError, AttributeError):
            if self._process.is_alive():
                self._process.kill()
        self._process.join(5)
        with contextlib.suppress(OSError):
            self._conn.close()


def _prefetch_main(conn: Connection, step: Callable[[str, Any], Any], path: str, options: Any,
                   caps: Caps, parent: int) -> None:
    _child_setup(parent)
    conn.send(_run_step(path, lambda: step(path, options), caps))
