"""Checks made before any parser sees a file's bytes.

Regular files only, symlinks not followed, size capped, opened read-only and
non-blocking (a FIFO or a device never hangs the run).
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from resumecheck.errors import InputError, printable

MiB = 1024 * 1024
#: The path that names standard input on the command line, and how reports show it.
STDIN = "-"
STDIN_NAME = "<stdin>"


@dataclass(frozen=True, slots=True)
class ReadLimits:
    """Per-file bounds applied while reading. Defaults are sized for a CV."""

    max_bytes: int = 20 * MiB
    max_pages: int = 100
    #: Characters kept from one document (spaCy refuses over 1,000,000 by default).
    max_chars: int = 900_000
    #: DOCX: total declared uncompressed size of all zip members.
    max_unzipped_bytes: int = 200 * MiB
    max_zip_members: int = 5_000
    #: DOCX: highest compression ratio allowed for one member.
    max_zip_ratio: int = 200


def read_input(path: str | os.PathLike[str], limits: ReadLimits | None = None) -> bytes:
    """Return the bytes of a regular file, or raise :class:`InputError` with the reason."""
    limits = limits or ReadLimits()
    name = str(path)
    try:
        st = os.lstat(name)
    except FileNotFoundError:
        raise InputError(name, "no such file") from None
    except OSError as exc:
        raise InputError(name, f"cannot read ({exc.strerror or exc})") from None
    if stat.S_ISLNK(st.st_mode):
        raise InputError(name, "is a symbolic link; not followed")
    if stat.S_ISDIR(st.st_mode):
        raise InputError(name, "is a folder, not a document")
    if not stat.S_ISREG(st.st_mode):
        raise InputError(name, f"is not a regular file ({file_type(st.st_mode)}); not opened")
    if st.st_size == 0:
        raise InputError(name, "is empty")
    if st.st_size > limits.max_bytes:
        raise InputError(
            name, f"is {st.st_size / MiB:.1f} MiB, over the {limits.max_bytes / MiB:.0f} MiB limit"
        )
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(name, flags)
    except OSError as exc:
        raise InputError(name, f"cannot open ({exc.strerror or exc})") from None
    try:
        st2 = os.fstat(fd)
        if not stat.S_ISREG(st2.st_mode):  # swapped between lstat and open
            raise InputError(name, "is not a regular file; not read")
        with os.fdopen(fd, "rb", closefd=False) as fh:
            # Read what the file holds, not max_bytes at once: a read of n bytes allocates
            # n bytes up front, whatever the file's size (--max-size 5000 would need 5 GB).
            data = fh.read(min(limits.max_bytes, st2.st_size) + 1)
            while len(data) <= limits.max_bytes:  # it grew since it was measured
                more = fh.read(min(MiB, limits.max_bytes + 1 - len(data)))
                if not more:
                    break
                data += more
    except OSError as exc:
        raise InputError(name, f"cannot read ({exc.strerror or exc})") from None
    finally:
        os.close(fd)
    if len(data) > limits.max_bytes:
        raise InputError(name, f"is over the {limits.max_bytes / MiB:.0f} MiB limit")
    if not data:
        raise InputError(name, "is empty")
    return data


def read_stream(stream: BinaryIO, limits: ReadLimits | None = None) -> bytes:
    """At most one byte over the size cap of a stream (standard input): enough for
    :func:`check_bytes` to refuse an oversized document without holding all of it."""
    limits = limits or ReadLimits()
    chunks: list[bytes] = []
    left = limits.max_bytes + 1
    while left > 0:
        chunk = stream.read(min(left, MiB))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def check_bytes(data: bytes, name: str, limits: ReadLimits | None = None) -> bytes:
    """The size checks :func:`read_input` makes, for bytes that did not come from a file."""
    limits = limits or ReadLimits()
    if not data:
        raise InputError(name, "is empty")
    if len(data) > limits.max_bytes:
        raise InputError(name, f"is over the {limits.max_bytes / MiB:.0f} MiB limit")
    return data


def file_type(mode: int) -> str:
    """What a special file is, in words ("a FIFO", "a character device", ...)."""
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISDIR(mode):
        return "a folder"
    return "a special file"


def display_path(path: str | os.PathLike[str]) -> str:
    """The path as the user wrote it, with forward slashes, for messages and reports;
    control characters and bytes that are not UTF-8 are escaped (see
    :func:`resumecheck.errors.printable`). Never open a file by this name."""
    return printable(Path(path).as_posix())
