"""Where a report may be written: never over a file the run reads, never out of a checked
folder through a link.

The rules (documented in the README):

- The report is refused (usage error) when its path is, by resolved path or by inode, any
  file the run reads: a document (named, or found in a checked folder), the ``--job`` or
  ``--resume`` file, the profile file or the config file. A hard link or a symlink to one of
  them is the same file.
- A report from an earlier run found inside a checked folder (a file whose content says it
  is a resumecheck report) is not checked as a document, and may be replaced.
- Inside a checked folder, the report is never written through a symbolic link: not a
  link at the report's own name, not a link among its folders leading elsewhere. Those
  folders hold other people's files, and a planted link could point anywhere.
- Elsewhere, a link the user names with ``-o`` is followed (the report replaces the file
  it points to), unless it leads into a checked folder.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Sequence
from pathlib import Path

from resumecheck.errors import UsageError

#: How each report format starts, so an earlier report is told from a document.
_REPORT_MARKS = (
    b'"schema": "resumecheck.report/',
    b'"schema":"resumecheck.report/',
    b'<testsuites name="resumecheck"',
    b"<title>Resume check",
    b"# Resume check (",
    b"rank,path,kind,score,",
    b"::notice file=",
)


def is_earlier_report(path: str) -> bool:
    """Whether the file at ``path`` is a report resumecheck wrote (its first 4 KiB say so)."""
    try:
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0)
        fd = os.open(path, flags)
    except OSError:
        return False
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return False
        head = os.read(fd, 4096)
    except OSError:
        return False
    finally:
        os.close(fd)
    return any(mark in head for mark in _REPORT_MARKS)


def _inside(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def _identity(path: str) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_dev, st.st_ino) if stat.S_ISREG(st.st_mode) else None


def guard_output(output: Path, *, documents: Sequence[str], companions: Iterable[str],
                 folders: Sequence[str]) -> tuple[str, ...]:
    """Refuse ``output`` when writing there could destroy an input or escape a checked
    folder; return ``documents`` without an earlier report that is about to be replaced."""
    shown = str(output)
    if output.is_dir():
        raise UsageError(shown, "is a folder; give a file name for the report")
    lexical = os.path.abspath(output)
    real = os.path.realpath(output)
    parent_real = os.path.realpath(os.path.dirname(lexical))
    is_link = os.path.islink(output)
    for given in folders:
        folder_lex, folder_real = os.path.abspath(given), os.path.realpath(given)
        if _inside(lexical, folder_lex) or _inside(lexical, folder_real):
            if is_link:
                raise UsageError(shown, "is a symbolic link inside a checked folder; the "
                                        "report is not written through it")
            if not _inside(parent_real, folder_real):
                raise UsageError(shown, "leads out of the checked folder through a symbolic "
                                        "link; the report is not written there")
        elif is_link and _inside(real, folder_real):
            raise UsageError(shown, "is a symbolic link into a checked folder; the report is "
                                    "not written through it")
    target = _identity(real)
    kept = list(documents)
    if target is None:
        return tuple(kept)
    for path in companions:
        if _identity(path) == target:
            raise UsageError(shown, f"is {path}, which this run reads; the report would "
                                    "replace it")
    for path in documents:
        if _identity(path) != target:
            continue
        in_folder = any(_inside(os.path.realpath(path), os.path.realpath(f)) for f in folders)
        if in_folder and os.path.realpath(path) == real and is_earlier_report(real):
            kept.remove(path)  # a report of an earlier run: replaced, not checked
            continue
        raise UsageError(shown, f"is {path}, a document this run checks; the report would "
                                "replace it")
    return tuple(kept)
