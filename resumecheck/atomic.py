"""Write report files so that a reader never sees half of one.

The text goes to a temporary file in the target's folder (same file system, so the final
``os.replace`` is atomic), is flushed and fsynced, then renamed over the target. Any
exception, Ctrl-C included, removes the temporary file and leaves an existing target as it
was.

A target that exists and is not a regular file (``/dev/null``, a FIFO, a terminal) is written
to directly: replacing a device node with a regular file would be wrong, and there is no
half-written state to protect anyway.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterator
from typing import TextIO


def write_atomic(path: str | os.PathLike[str], text: str) -> None:
    """Replace ``path`` with ``text`` (UTF-8, ``\\n`` line ends) in one step."""
    with open_output(path) as fh:
        fh.write(text)


@contextlib.contextmanager
def open_output(path: str | os.PathLike[str]) -> Iterator[TextIO]:
    """A text stream whose content appears at ``path`` only when the block ends cleanly.

    For streamed formats (jsonl, github) lines are written as files finish; the target is
    still replaced only at the end.
    """
    target = _resolve(os.fspath(path))
    if _is_special(target):
        with open(target, "w", encoding="utf-8", newline="\n") as fh:
            yield fh
        return
    folder = os.path.dirname(target) or "."
    mode = _final_mode(target)
    tmp = tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed in every branch below
        mode="w",
        encoding="utf-8",
        newline="\n",
        dir=folder,
        prefix=f".{os.path.basename(target)}.",
        suffix=".tmp",
        delete=False,
    )
    try:
        with tmp:
            yield tmp
            tmp.flush()
            os.fsync(tmp.fileno())
        os.chmod(tmp.name, mode)
        os.replace(tmp.name, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp.name)
        raise


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
