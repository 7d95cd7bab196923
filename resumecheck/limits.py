"""Per-file time and memory caps, and the one mapping from what can go wrong while reading
or checking a file to what the user is told.

Every place a file is read or checked (the one-file path, a batch worker, the child process
that reads a posting, ``extract``, the library) goes through :func:`capture`, so the same
failure always gives the same one line and the same exit code.
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from resumecheck.errors import InputError, ResumecheckError, printable
from resumecheck.models import Failure

try:
    import resource
except ImportError:  # pragma: no cover - Windows: no address-space cap, the timeout still holds
    resource = None  # type: ignore[assignment]

MiB = 1024 * 1024
DEFAULT_TIMEOUT = 30.0
DEFAULT_MAX_MEMORY = 1024 * MiB
#: The longest --timeout: a day (a timer beyond it is a typo, and ``inf`` overflows).
MAX_TIMEOUT = 86_400.0
#: The smallest --max-memory: below it spaCy and a reader cannot even start.
MIN_MEMORY = 64 * MiB

T = TypeVar("T")


def timeout_reason(timeout: float) -> str:
    return f"took longer than {timeout:g} s; stopped"


def memory_reason(max_memory: int | None) -> str:
    if not max_memory:
        return "ran out of memory; stopped"
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


# --------------------------------------------------------------------------- caps


def machine_memory() -> int | None:
    """Bytes of memory this machine has (RAM plus swap, on Linux), or None when unknown.
    A per-file cap above it caps nothing."""
    total = None
    try:
        total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (AttributeError, ValueError, OSError):
        pass
    try:
        with open("/proc/meminfo", "rb") as fh:
            for line in fh:
                if line.startswith(b"SwapTotal:"):
                    total = (total or 0) + int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return total if total and total > 0 else None


def caps_problem(timeout: float | None, max_memory: int | None,
                 max_bytes: int | None = None) -> str | None:
    """Why these caps cannot be honoured (a usage error), or None when they can: a timeout
    that is not a finite number of seconds up to a day, a memory cap beyond the machine, a
    file size cap above the memory cap (the file's bytes alone would break it)."""
    if timeout is not None and not (0 < timeout <= MAX_TIMEOUT):  # nan fails both tests
        return f"--timeout must be a number of seconds up to {MAX_TIMEOUT:g}, not {timeout}"
    if max_memory is not None:
        machine = machine_memory()
        if machine is not None and max_memory > machine:
            return (f"--max-memory {max_memory // MiB} is more than this machine has "
                    f"({machine // MiB} MiB)")
        if max_bytes is not None and max_bytes > max_memory:
            return (f"--max-size {max_bytes // MiB} is above --max-memory "
                    f"{max_memory // MiB}: such a file could never be read")
    return None


def address_space() -> int | None:
    """Bytes of virtual memory this process maps now (Linux), or None when unknown."""
    if resource is None:
        return None
    try:
        with open("/proc/self/statm", "rb") as fh:
            return int(fh.read().split()[0]) * resource.getpagesize()
    except (OSError, ValueError, IndexError):
        return None


#: Address space set aside under a cap and given back first when the cap is lifted: once
#: a step has filled its allowance, lifting the cap (a system call, a few objects) must
#: not itself fail for want of memory, or every later allocation would.
_PARACHUTE = 8 * 1024 * 1024


@dataclass
class _Cap:
    """What :func:`cap_memory` changed: the limits to restore, and the reserve."""

    soft: int
    hard: int
    reserve: bytearray | None


def cap_memory(max_memory: int | None) -> _Cap | None:
    """Allow ``max_memory`` more address space than now; return what to restore."""
    if max_memory is None:
        return None
    used = address_space()
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
    try:
        reserve = bytearray(min(_PARACHUTE, max_memory // 4))
    except MemoryError:  # the cap is already reached: nothing to set aside
        reserve = None
    return _Cap(soft, hard, reserve)


def restore_memory(previous: _Cap | None) -> None:
    if previous is None:
        return
    previous.reserve = None  # given back first, so that lifting the cap has room to run
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_AS, (previous.soft, previous.hard))


@contextlib.contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise :class:`TimeoutError` in this (main) thread after ``seconds``."""
    if (seconds is None or seconds <= 0 or not hasattr(signal, "setitimer")  # Windows
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
    previous = cap_memory(max_memory)
    try:
        yield
    finally:
        restore_memory(previous)


@dataclass(frozen=True)
class Caps:
    """The time and memory one file may use (``--timeout``, ``--max-memory``)."""

    timeout: float | None = DEFAULT_TIMEOUT
    max_memory: int | None = DEFAULT_MAX_MEMORY

    def __post_init__(self) -> None:
        # The command line says this in its own words first (caps_problem); a library
        # caller gets a ValueError rather than an overflow deep inside a timer.
        if self.timeout is not None and not (0 < self.timeout <= MAX_TIMEOUT):
            raise ValueError(f"timeout must be a number of seconds up to {MAX_TIMEOUT:g}, "
                             f"not {self.timeout!r}")
        if self.max_memory is not None and self.max_memory <= 0:
            raise ValueError(f"max_memory must be a positive number of bytes, not "
                             f"{self.max_memory!r}")

    @contextlib.contextmanager
    def applied(self, timeout: float | None = None) -> Iterator[None]:
        """Both caps around a block; ``timeout`` overrides the time left."""
        with time_limit(self.timeout if timeout is None else timeout), \
                memory_limit(self.max_memory):
            yield


NO_CAPS = Caps(timeout=None, max_memory=None)
DEFAULT_CAPS = Caps()


# --------------------------------------------------------------------------- one mapping


@dataclass(frozen=True)
class Captured(Generic[T]):
    """What came of running one step on one file: a value, or a failure to report, or an
    error that concerns the whole run (a bad profile or model), to be raised again."""

    value: T | None = None
    failure: Failure | None = None
    #: A :class:`ResumecheckError` that is not about this file: the run stops with it.
    fatal: ResumecheckError | None = None
    #: The traceback of an internal error or a fatal one (shown with ``--debug``).
    traceback: str | None = None
    #: The step ran out of memory: the process's heap may be fragmented, leave it.
    exhausted: bool = False

    def unwrap(self) -> T | Failure:
        """The value or the failure; a fatal error is raised."""
        if self.fatal is not None:
            raise self.fatal
        if self.failure is not None:
            return self.failure
        return self.value  # type: ignore[return-value]


def capture(path: str, step: Callable[[], T], caps: Caps = NO_CAPS) -> Captured[T]:
    """Run ``step`` for the file ``path`` and map whatever happens onto a :class:`Captured`.

    InputError -> the file is unreadable, with its reason; MemoryError and TimeoutError (the
    caps) -> unreadable, saying which cap; any other project error -> fatal for the run; any
    other exception -> an internal error (a bug), one line, the traceback kept for --debug.
    """
    shown = printable(path)  # a file name is shown with its control characters escaped
    try:
        return Captured(value=step())
    except MemoryError:
        return Captured(failure=Failure(shown, memory_reason(caps.max_memory)), exhausted=True)
    except TimeoutError:
        return Captured(failure=Failure(shown, timeout_reason(caps.timeout or 0)))
    except InputError as exc:
        return Captured(failure=Failure(shown, printable(exc.reason)))
    except ResumecheckError as exc:
        return Captured(fatal=exc, traceback=traceback.format_exc())
    except Exception as exc:  # noqa: BLE001 - one file's bug must not stop the run
        reason = printable(f"internal error: {type(exc).__name__}: {exc}")
        return Captured(failure=Failure(shown, reason, internal=True),
                        traceback=traceback.format_exc())
