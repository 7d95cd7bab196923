"""Turn the paths on a command line into the list of documents to check.

Nothing here opens a file: every decision is made from names and ``lstat`` so a FIFO, a
device or a symlink to ``/dev/zero`` can never block the run. What is left out is listed
with a reason instead of being dropped silently.

Rules, chosen to match what a recruiter pointing at a folder expects:

- A file named explicitly is always kept, whatever its name (its content decides later).
- Inside a folder (and among glob matches) only likely documents are kept, by extension;
  other files are listed in ``skipped`` as "not a document (by name)".
- Entries whose name starts with a dot (``.git``, ``.DS_Store``) are ignored silently inside
  folders, as git and ripgrep do; name such a file explicitly to check it. Office lock files
  (``~$cv.docx``) are listed as skipped: they carry a document extension but no document.
- Symlinks found inside a folder are followed only when they point to a regular file inside
  one of the given folders; symlinked folders met inside are never descended into, so link
  loops cannot hang the walk. A symlink named explicitly is followed when it points to a
  regular file or a folder.
- Every kept file is identified by device and inode, so a file reached twice (through two
  arguments, a symlink or a hard link) is checked once, under its smallest display path.
- Glob patterns (``'cvs/**/*.pdf'``, quoted so the shell leaves them alone) are expanded
  by the same walk as folders, not by :mod:`glob`: symlinked folders are not descended
  (``glob`` follows them, round a link loop forever), hidden entries are left out, and
  the walk keeps its own stack, so a tree of any depth the system can name is no
  recursion error. ``**`` matches any number of folders, ``*`` and ``?`` never cross a
  ``/``, ``[...]`` is a set of characters.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePath

from resumecheck.preflight import file_type

#: Extensions (lower case) of the files kept when walking a folder.
DOCUMENT_EXTENSIONS = frozenset(
    {".pdf", ".docx", ".doc", ".docm", ".txt", ".md", ".markdown", ".text"}
)

NOT_A_DOCUMENT = "not a document (by name)"
NO_SUCH_PATH = "no such file or folder"
NO_MATCH = "no files match this pattern"

_GLOB_CHARS = frozenset("*?[")


@dataclass(frozen=True, slots=True)
class Discovery:
    """The documents to check, and what was left out.

    ``files`` are display paths (POSIX form, as given or joined to the folder given), sorted
    folder by folder. ``skipped`` is every ``(path, reason)`` left out. ``unreadable`` is the
    part of ``skipped`` that the user asked for and cannot get: a named path that does not
    exist or is not a regular file, a pattern matching nothing, a folder that cannot be
    listed. Those should count towards the "unreadable" exit code; the rest of ``skipped``
    (non-documents, special files or outside links met while walking) is information.
    """

    files: tuple[str, ...]
    skipped: tuple[tuple[str, str], ...]
    unreadable: tuple[tuple[str, str], ...] = ()
    #: The folders searched, as given (folders named, and the bases of patterns).
    folders: tuple[str, ...] = ()


def discover(paths: Sequence[str], *, recursive: bool = True) -> Discovery:
    """Find the documents named by ``paths`` (files, folders, glob patterns)."""
    walker = _Walker(paths, recursive=recursive)
    for arg in paths:
        walker.add_argument(arg)
    return walker.result()


def is_document_name(name: str) -> bool:
    """Whether a file name looks like a document this tool reads."""
    return os.path.splitext(name)[1].lower() in DOCUMENT_EXTENSIONS


def _display(path: str | PurePath) -> str:
    return PurePath(path).as_posix()


def path_order(display: str) -> tuple[str, ...]:
    """The order every report lists files in: folder by folder, by path component."""
    # By path components, so a folder's files stay together ("a/x" before "a-b/x").
    return tuple(display.split("/"))


def _root_of(real: str, roots: Iterable[tuple[str, str]]) -> tuple[str, str] | None:
    """The deepest given folder ``(real path, as given)`` holding ``real``, if any."""
    best = None
    for root_real, given in roots:
        if real.startswith(root_real.rstrip(os.sep) + os.sep) and (
            best is None or len(root_real) > len(best[0])
        ):
            best = (root_real, given)
    return best


def _glob_base(pattern: str) -> str:
    """The leading part of a pattern without wildcards: the folder it searches."""
    return _split_pattern(pattern)[0]


def _split_pattern(pattern: str) -> tuple[str, tuple[str, ...]]:
    """``(base folder, the components with wildcards and after)`` of a glob pattern."""
    parts = Path(pattern).parts
    for i, part in enumerate(parts):
        if any(c in _GLOB_CHARS for c in part):
            return (str(Path(*parts[:i])) if i else "."), parts[i:]
    return pattern, ()


def _component_regex(part: str) -> str:
    """One pattern component as a regular expression that never crosses a ``/``."""
    out = []
    i, n = 0, len(part)
    while i < n:
        ch = part[i]
        i += 1
        if ch == "*":
            out.append("[^/]*")
        elif ch == "?":
            out.append("[^/]")
        elif ch == "[":
            j = i
            if j < n and part[j] in "!^":
                j += 1
            if j < n and part[j] == "]":
                j += 1
            while j < n and part[j] != "]":
                j += 1
            if j >= n:  # no closing bracket: a literal "["
                out.append("\\[")
                continue
            body = part[i:j]
            i = j + 1
            negate = body[:1] in ("!", "^")
            body = body[1:] if negate else body
            body = body.replace("\\", "\\\\")
            out.append(f"[{'^/' if negate else ''}{body}]" if body else "(?!)")
        else:
            out.append(re.escape(ch))
    return "".join(out)


def _pattern_regex(parts: Sequence[str]) -> re.Pattern[str]:
    """The path below the pattern's base that the components ``parts`` match."""
    out = []
    for i, part in enumerate(parts):
        last = i == len(parts) - 1
        if part == "**":
            out.append("(?:[^/]+/)*[^/]+" if last else "(?:[^/]+/)*")
        else:
            out.append(_component_regex(part) + ("" if last else "/"))
    return re.compile("".join(out), re.DOTALL)


class _Walker:
    def __init__(self, paths: Sequence[str], *, recursive: bool) -> None:
        self.recursive = recursive
        # (display, identity) of every kept file; deduplicated in result().
        self.found: list[tuple[str, tuple[int, int]]] = []
        self.skipped: list[tuple[str, str]] = []
        self.unreadable: list[tuple[str, str]] = []
        self.globbed = {arg: self.expand(arg) for arg in paths if self._is_pattern(arg)}
        # Real paths of the folders the user gave (and the bases of patterns): symlinks
        # found while walking may point inside these and nowhere else.
        roots: dict[str, str] = {}
        for arg in paths:
            base = arg
            if arg in self.globbed:
                if not self.globbed[arg]:
                    continue  # a pattern matching nothing opens no folder
                base = _glob_base(arg)
            try:
                if stat.S_ISDIR(os.stat(base).st_mode):
                    roots.setdefault(os.path.realpath(base), base)
            except OSError:
                continue
        self.roots = tuple(sorted(roots.items()))

    @staticmethod
    def _is_pattern(arg: str) -> bool:
        return any(c in _GLOB_CHARS for c in arg) and not os.path.lexists(arg)

    def skip(self, path: str, reason: str, *, unreadable: bool = False) -> None:
        self.skipped.append((_display(path), reason))
        if unreadable:
            self.unreadable.append((_display(path), reason))

    def add_argument(self, arg: str) -> None:
        if arg in self.globbed:
            matches = self.globbed[arg]
            if not matches:
                self.skip(arg, NO_MATCH, unreadable=True)
            for match, st in matches:
                self.add_entry(match, named=False, from_glob=True, st=st)
            return
        try:
            st = os.lstat(arg)
        except FileNotFoundError:
            self.skip(arg, NO_SUCH_PATH, unreadable=True)
            return
        except OSError as exc:
            self.skip(arg, f"cannot read ({exc.strerror or exc})", unreadable=True)
            return
        if stat.S_ISDIR(st.st_mode) or (stat.S_ISLNK(st.st_mode) and os.path.isdir(arg)):
            # A folder named on the command line is searched even when it is a symlink
            # (~/applicants -> /data/2024): the user pointed at it. Links met inside are not.
            self.walk(arg)
        else:
            self.add_entry(arg, named=True, st=st)

    def add_entry(
        self,
        path: str,
        *,
        named: bool,
        from_glob: bool = False,
        st: os.stat_result | None = None,
    ) -> None:
        """Keep or skip one non-folder entry (a folder met through a glob is not descended)."""
        try:
            st = st or os.lstat(path)
        except OSError as exc:
            self.skip(path, f"cannot read ({exc.strerror or exc})", unreadable=named)
            return
        mode = st.st_mode
        if stat.S_ISDIR(mode):
            return  # a glob's "**" lists folders and their files alike: the files suffice
        name = os.path.basename(path)
        if not named and name.startswith("~$"):
            self.skip(path, "an Office lock file, not a document")
            return
        if stat.S_ISLNK(mode):
            self.add_link(path, named=named)
            return
        if not stat.S_ISREG(mode):
            self.skip(path, f"is {file_type(mode)}; not opened", unreadable=named)
            return
        if not named and not is_document_name(name):
            self.skip(path, NOT_A_DOCUMENT)
            return
        self.found.append((_display(path), (st.st_dev, st.st_ino)))

    def add_link(self, path: str, *, named: bool) -> None:
        real = os.path.realpath(path)
        try:
            target = os.stat(real)  # realpath resolved every link; this stat follows none
        except OSError:
            self.skip(path, "is a broken symbolic link", unreadable=named)
            return
        if stat.S_ISDIR(target.st_mode):
            self.skip(path, "is a symbolic link to a folder; not followed", unreadable=named)
            return
        if not stat.S_ISREG(target.st_mode):
            self.skip(
                path,
                f"is a symbolic link to {file_type(target.st_mode)}; not opened",
                unreadable=named,
            )
            return
        root = _root_of(real, self.roots)
        if not named:
            if root is None:
                self.skip(path, "is a symbolic link to a file outside the given folders; "
                          "not followed")
                return
            if not is_document_name(real) and not is_document_name(path):
                self.skip(path, NOT_A_DOCUMENT)
                return
        # The readers refuse symlinks (O_NOFOLLOW), so the document is listed under the
        # path of its target, spelled from the folder given when it lies in one.
        if root is not None:
            shown = os.path.join(root[1], os.path.relpath(real, root[0]))
        else:
            shown = _relative_if_below_cwd(real)
        self.found.append((_display(shown), (target.st_dev, target.st_ino)))

    def listing(self, folder: str) -> list[os.DirEntry[str]] | None:
        """The entries of one folder in name order (hidden ones left out), or None when it
        cannot be listed (said in ``skipped``)."""
        try:
            with os.scandir(folder or ".") as it:
                return sorted((e for e in it if not e.name.startswith(".")),
                              key=lambda e: e.name)
        except OSError as exc:
            self.skip(folder, f"cannot list folder ({exc.strerror or exc})", unreadable=True)
            return None

    def expand(self, pattern: str) -> list[tuple[str, os.stat_result | None]]:
        """The entries matching a glob pattern, in path order, found by the folder walk:
        symlinked folders are never descended, so a link loop cannot hold it up."""
        base, parts = _split_pattern(pattern)
        regex = _pattern_regex(parts)
        # Without "**", a pattern of n components reaches n - 1 folders below its base.
        deepest = None if "**" in parts else len(parts) - 1
        try:
            if not stat.S_ISDIR(os.stat(base).st_mode):
                return []
        except OSError:
            return []
        prefix = "" if base == "." and not pattern.startswith("./") else base
        dirs_only = pattern.endswith(("/", os.sep))  # "cvs/*/" names folders only
        matches = []
        for joined, entry, _depth in self._entries(prefix, deepest):
            relative = joined[len(prefix):].lstrip("/") if prefix else joined
            if regex.fullmatch(relative) and (not dirs_only or _is_dir(entry)):
                try:
                    matches.append((joined, entry.stat(follow_symlinks=False)))
                except OSError as exc:
                    self.skip(joined, f"cannot read ({exc.strerror or exc})")
        return sorted(matches, key=lambda m: path_order(_display(m[0])))

    def _entries(self, top: str, deepest: int | None
                 ) -> Iterator[tuple[str, os.DirEntry[str], int]]:
        """Every entry below ``top`` (``""``: the current folder, spelled without ``./``),
        folders first listed then searched, symlinked folders not descended."""
        stack = [(top, 0)]
        while stack:
            folder, depth = stack.pop()
            entries = self.listing(folder)
            if entries is None:
                continue
            subfolders = []
            for entry in entries:
                joined = f"{folder.rstrip('/')}/{entry.name}" if folder else entry.name
                yield joined, entry, depth
                if _is_dir(entry) and (deepest is None or depth < deepest):
                    subfolders.append((joined, depth + 1))
            stack.extend(reversed(subfolders))

    def walk(self, top: str) -> None:
        """List a folder depth-first in name order, without following symlinked folders."""
        stack = [top]
        while stack:
            folder = stack.pop()
            entries = self.listing(folder)
            if entries is None:
                continue
            subfolders = []
            for entry in entries:
                joined = os.path.join(folder, entry.name)
                try:
                    if entry.is_dir(follow_symlinks=False):
                        if self.recursive:
                            subfolders.append(joined)
                        continue
                    if entry.is_file(follow_symlinks=False) and not is_document_name(entry.name):
                        # Cheap path for the common case: no lstat for a skipped name.
                        if not entry.name.startswith("~$"):
                            self.skip(joined, NOT_A_DOCUMENT)
                            continue
                    st = entry.stat(follow_symlinks=False)
                except OSError as exc:
                    self.skip(joined, f"cannot read ({exc.strerror or exc})")
                    continue
                self.add_entry(joined, named=False, st=st)
            stack.extend(reversed(subfolders))

    def result(self) -> Discovery:
        seen: set[tuple[int, int]] = set()
        files = []
        for display, identity in sorted(self.found, key=lambda f: path_order(f[0])):
            if identity in seen:
                continue
            seen.add(identity)
            files.append(display)
        skipped = sorted(set(self.skipped), key=lambda s: (path_order(s[0]), s[1]))
        unreadable = sorted(set(self.unreadable), key=lambda s: (path_order(s[0]), s[1]))
        return Discovery(files=tuple(files), skipped=tuple(skipped), unreadable=tuple(unreadable),
                         folders=tuple(given for _, given in self.roots))


def _is_dir(entry: os.DirEntry[str]) -> bool:
    """A real folder (a symlink to one is not)."""
    try:
        return entry.is_dir(follow_symlinks=False)
    except OSError:
        return False


def _relative_if_below_cwd(real: str) -> str:
    try:
        rel = os.path.relpath(real)
    except ValueError:  # another drive on Windows
        return real
    return real if rel.startswith("..") else rel
