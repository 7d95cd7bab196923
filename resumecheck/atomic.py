"""Write report files so that a reader never sees half of one, and never leave one behind.

The text goes to a temporary file in the target's folder (same file system, so the final
``os.replace`` is atomic), is flushed and fsynced, then renamed over the target. Any
exception, Ctrl-C included, removes the temporary file and leaves an existing target as it
was; so do SIGTERM and SIGHUP, which are turned into :class:`~resumecheck.errors.Terminated`
while the file is open. Missing folders on the way to the target are created (as
``pytest --junitxml`` does).

A target that exists and is not a regular file (``/dev/null``, a FIFO, a terminal) is written
to directly: replacing a device node with a regular file would be wrong, and there is no
half-written state to protect anyway.

What cannot be written (a full or read-only disk, a name over the system's limit, a folder
that cannot be made) is an :class:`~resumecheck.errors.OutputError`, one line, never a
traceback; a closed standard output is :class:`~resumecheck.errors.OutputClosed`.
"""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import stat
import tempfile
import threading
from collections.abc import Iterator
from typing import Any, TextIO

from resumecheck.errors import OutputClosed, OutputError, Terminated, printable

#: The signals that stop a run cleanly: the temporary report is removed, workers stopped.
STOP_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP")
                     if hasattr(signal, name))


def write_atomic(path: str | os.PathLike[str], text: str) -> None:
    """Replace ``path`` with ``text`` (UTF-8, ``\\n`` line ends) in one step."""
    with open_output(path) as fh:
        fh.write(text)


@contextlib.contextmanager
def stop_on_signals() -> Iterator[None]:
    """While the block runs, SIGTERM and SIGHUP raise :class:`Terminated` (in the main
    thread), so ``finally`` blocks run: temporary files are removed, workers killed."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, frame: Any) -> None:
        raise Terminated(signum)

    previous = {}
    for signum in STOP_SIGNALS:
        with contextlib.suppress(OSError, ValueError):
            if signal.getsignal(signum) is signal.SIG_IGN:
                continue  # nohup: the user asked for this signal to be ignored
            previous[signum] = signal.signal(signum, stop)
    try:
        yield
    finally:
        for signum, handler in previous.items():
            with contextlib.suppress(OSError, ValueError):
                signal.signal(signum, handler)


@contextlib.contextmanager
def open_output(path: str | os.PathLike[str]) -> Iterator[TextIO]:
    """A text stream whose content appears at ``path`` only when the block ends cleanly.

    For streamed formats (jsonl, github) lines are written as files finish; the target is
    still replaced only at the end.
    """
    shown = printable(os.fspath(path))
    with stop_on_signals():
        with _as_output_error(shown):
            target = _resolve(os.fspath(path))
            special = _is_special(target)
            if special:
                fh = open(target, "w", encoding="utf-8",  # noqa: SIM115 - closed below
                          errors="backslashreplace", newline="\n")
            else:
                folder = os.path.dirname(target) or "."
                os.makedirs(folder, exist_ok=True)
                mode = _final_mode(target)
                fh = tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed below
                    mode="w",
                    encoding="utf-8",
                    errors="backslashreplace",  # valid UTF-8 whatever the text holds
                    newline="\n",
                    dir=folder,
                    prefix=f".{os.path.basename(target)[:200]}.",
                    suffix=".tmp",
                    delete=False,
                )
        try:
            yield GuardedStream(fh, shown)  # type: ignore[misc]
            with _as_output_error(shown):
                fh.flush()
                if not special:
                    os.fsync(fh.fileno())
                fh.close()
                if not special:
                    os.chmod(fh.name, mode)
                    os.replace(fh.name, target)
        except BaseException:
            with contextlib.suppress(OSError, ValueError):
                fh.close()
            if not special:
                with contextlib.suppress(OSError):
                    os.unlink(fh.name)
            raise


@contextlib.contextmanager
def _as_output_error(shown: str) -> Iterator[None]:
    """An OSError in one of this module's own steps (making the folder or the temporary
    file, flushing, renaming) is the report's: one line naming it."""
    try:
        yield
    except OutputError:
        raise
    except OSError as exc:
        raise _output_error(exc, shown) from None


def _output_error(exc: OSError, shown: str | None) -> OutputError | OutputClosed:
    if isinstance(exc, BrokenPipeError) or exc.errno == errno.EPIPE:
        return OutputClosed()  # stdout, or a FIFO named with -o, whose reader left
    where = "to standard output " if shown is None else ""
    return OutputError(shown, f"cannot write the report {where}({exc.strerror or exc})",
                       exc.errno)


class GuardedStream:
    """A text stream whose write errors are one-line errors, not tracebacks.

    ``shown`` names the report file; ``None`` means standard output, where a closed pipe
    is :class:`OutputClosed` and text the stream's encoding cannot hold is written with
    backslash escapes rather than failing.
    """

    def __init__(self, stream: TextIO | None, shown: str | None) -> None:
        self._stream = stream
        self._shown = shown

    def write(self, text: str) -> int:
        if self._stream is None:  # started with the descriptor closed (``>&-``)
            raise OutputError(self._shown, "cannot write the report to standard output "
                                           "(it is closed)")
        try:
            try:
                return self._stream.write(text)
            except UnicodeEncodeError:
                encoding = getattr(self._stream, "encoding", None) or "utf-8"
                return self._stream.write(
                    text.encode(encoding, "backslashreplace").decode(encoding))
        except (OutputError, OutputClosed):
            raise
        except OSError as exc:
            raise _output_error(exc, self._shown) from None

    def flush(self) -> None:
        if self._stream is None:
            return
        try:
            self._stream.flush()
        except (OutputError, OutputClosed):
            raise
        except OSError as exc:
            raise _output_error(exc, self._shown) from None
        except ValueError:  # flushing a stream already closed: nothing left to write
            pass

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def _resolve(path: str) -> str:
    """Follow a symlinked target so the link keeps pointing at the new report."""
    return os.path.realpath(path) if os.path.islink(path) else path


def _is_special(path: str) -> bool:
    try:
        st = os.stat(path)
    except OSError:
        return False
    return not stat.S_ISREG(st.st_mode)


def _final_mode(path: str) -> int:
    """Keep an existing report's permissions; a new one gets the usual 0666 minus umask."""
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        pass
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
