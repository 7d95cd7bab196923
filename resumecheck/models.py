"""The records that flow through the pipeline: no I/O, no spaCy.

file --reader--> Document --matcher--> Match --scoring + checks--> Report --formatter--> bytes
"""

from __future__ import annotations

import bisect
import dataclasses
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Origin(StrEnum):
    """Where in the file a block of text came from."""

    BODY = "body"
    TABLE = "table"
    HEADER = "header"
    FOOTER = "footer"
    TEXTBOX = "textbox"
    FOOTNOTE = "footnote"


#: Origins that many applicant tracking systems skip or read badly.
FRAGILE_ORIGINS = frozenset({Origin.HEADER, Origin.FOOTER, Origin.TEXTBOX, Origin.TABLE})


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """Higher is more severe."""
        return {"info": 0, "warning": 1, "error": 2}[self.value]


class Level(StrEnum):
    """How much a profile term matters."""

    REQUIRED = "required"
    PREFERRED = "preferred"
    BONUS = "bonus"


class Kind(StrEnum):
    """The kind of document being checked."""

    RESUME = "resume"
    COVER_LETTER = "cover-letter"


_SIMPLE = (str, int, bool, type(None))


def plain(value: Any) -> Any:
    """Turn records, enums and tuples into JSON-ready dicts, strings and lists."""
    kind = type(value)
    if kind in _SIMPLE:
        return value
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if isinstance(value, StrEnum):
        return value.value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return _fields_dict(value)
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, float):
        return round(value, 4)
    return value


#: Per record class: the names of its ``__init__`` fields (reports are turned into dicts
#: thousands of times in a batch; looking the fields up once matters).
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _fields_dict(obj: Any, skip: tuple[str, ...] = ()) -> dict[str, Any]:
    names = _FIELD_NAMES.get(type(obj))
    if names is None:
        names = tuple(f.name for f in dataclasses.fields(obj) if f.init)
        _FIELD_NAMES[type(obj)] = names
    out: dict[str, Any] = {}
    for name in names:
        if name in skip:
            continue
        value = getattr(obj, name)
        out[name] = value if type(value) in _SIMPLE else plain(value)
    return out


@dataclass(frozen=True, slots=True)
class Block:
    """One piece of text in reading order: a paragraph, a table cell, a PDF text box.

    ``text`` is already normalised (NFKC, whitespace collapsed to single spaces, no
    newlines), so a phrase wrapped over two lines in the file is one phrase here.
    """

    text: str
    origin: Origin = Origin.BODY
    #: 1-based page for formats with pages (PDF); None otherwise.
    page: int | None = None
    #: 1-based. PDF: line of the block's first text line on its page, counted in reading
    #: order. DOCX: paragraph number within its part (body, header, ...). Text: source line.
    line: int = 1
    #: PDF only: (x0, top, x1, bottom) in points from the page's top-left corner.
    bbox: tuple[float, float, float, float] | None = None
    #: Canonical section key (``"education"``, ``"board_certification"``...) or the
    #: heading's own wording, lower-cased, when it is not a known one; None before any heading.
    section: str | None = None
    #: The heading as written in the document.
    section_title: str | None = None
    is_heading: bool = False
    bold: bool = False
    font_size: float | None = None
    #: Text a human reader cannot see (white on white, microscopic): never rewarded.
    hidden: bool = False

    def to_dict(self) -> dict[str, Any]:
        return _fields_dict(self)


@dataclass(frozen=True, slots=True)
class PageInfo:
    number: int
    width: float = 0.0
    height: float = 0.0
    chars: int = 0
    has_text_layer: bool = True
    columns: int = 1

    def to_dict(self) -> dict[str, Any]:
        return _fields_dict(self)


@dataclass(frozen=True, slots=True)
class ReaderNote:
    """A fact the reader noticed that later checks turn into findings.

    Kinds in use: ``no_text_layer``, ``columns``, ``cid_glyphs``, ``private_use_glyphs``,
    ``vertical_text``, ``encrypted``, ``strict_ooxml``, ``truncated``, ``only_fragile``.
    """

    kind: str
    detail: str
    page: int | None = None
    count: int = 0

    def to_dict(self) -> dict[str, Any]:
        return _fields_dict(self)


@dataclass(frozen=True)
class Document:
    """What a reader saw in a file: ordered blocks, pages and notes.

    ``text`` joins the block texts with a newline, and ``offsets[i]`` is where block ``i``
    starts in it, so any character offset maps back to its block.
    """

    path: str
    format: str
    blocks: tuple[Block, ...]
    pages: tuple[PageInfo, ...] = ()
    notes: tuple[ReaderNote, ...] = ()
    text: str = field(init=False, repr=False, compare=False)
    offsets: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        offsets = []
        pos = 0
        for block in self.blocks:
            offsets.append(pos)
            pos += len(block.text) + 1
        object.__setattr__(self, "offsets", tuple(offsets))
        object.__setattr__(self, "text", "\n".join(b.text for b in self.blocks))

    def block_index_at(self, offset: int) -> int:
        """Index of the block holding character ``offset`` of ``text``."""
        if not self.blocks:
            raise IndexError("empty document")
        return max(0, bisect.bisect_right(self.offsets, offset) - 1)

    @property
    def page_count(self) -> int:
        return len(self.pages)

    @property
    def word_count(self) -> int:
        return len(self.text.split())

    def location(self, block_index: int) -> Location:
        b = self.blocks[block_index]
        return Location(page=b.page, line=b.line, section=b.section, origin=b.origin,
                        block=block_index)

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "format": self.format,
            "pages": [p.to_dict() for p in self.pages],
            "notes": [n.to_dict() for n in self.notes],
            "blocks": [b.to_dict() for b in self.blocks],
        }


@dataclass(frozen=True, slots=True)
class Location:
    """Where something sits: any field may be unknown."""

    page: int | None = None
    line: int | None = None
    section: str | None = None
    origin: Origin | None = None
    #: Index into ``Document.blocks``.
    block: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return _fields_dict(self)

    def describe(self) -> str:
        """Short human form: ``p.2 line 14, section education (table)``."""
        parts = []
        if self.page is not None:
            parts.append(f"p.{self.page}")
        if self.line is not None:
            parts.append(f"line {self.line}")
        where = " ".join(parts)
        if self.section:
            where = f"{where}, {self.section}" if where else self.section
        if self.origin is not None and self.origin != Origin.BODY:
            where = f"{where} ({self.origin.value})" if where else self.origin.value
        return where or "document"


@dataclass(frozen=True, slots=True)
class Match:
    """One place a profile term was found."""

    term_id: str
    surface: str
    start: int
    end: int
    location: Location
    sentence: str
    #: Which wording matched: ``term``, ``alias`` or ``acronym``; ``section`` for a
    #: credential read from a CV line; ``broader`` when found through a narrower term.
    via: str = "term"
    hidden: bool = False
    #: ``claimed``, or ``mentioned`` when the text names the term without claiming it for
    #: the writer (negated, planned, pending, hedged...); ``reason`` then says why.
    claim: str = "claimed"
    reason: str = ""

    @property
    def counts(self) -> bool:
        """Whether this match earns the term: visible and claimed."""
        return not self.hidden and self.claim == "claimed"

    def to_dict(self) -> dict[str, Any]:
        return _fields_dict(self)


@dataclass(frozen=True, slots=True)
class Finding:
    """One piece of advice, linter-style: stable code, severity, message, place, fix."""

    code: str
    severity: Severity
    message: str
    fix: str = ""
    location: Location | None = None

    def sort_key(self) -> tuple:
        loc = self.location or Location()
        return (
            -self.severity.rank,
            self.code,
            loc.page or 0,
            loc.block if loc.block is not None else -1,
            self.message,
        )

    def to_dict(self) -> dict[str, Any]:
        return _fields_dict(self)


@dataclass(frozen=True, slots=True)
class TermResult:
    """A profile term and what the document did with it."""

    id: str
    term: str
    category: str
    level: Level
    weight: float
    tip: str
    matches: tuple[Match, ...] = ()

    @property
    def found(self) -> bool:
        """Counted only where a reader can see it and the text claims it."""
        return any(m.counts for m in self.matches)

    def to_dict(self) -> dict[str, Any]:
        d = _fields_dict(self)
        d["found"] = self.found
        return d


@dataclass(frozen=True, slots=True)
class CategoryScore:
    id: str
    title: str
    weight: float
    found: float
    possible: float
    terms_found: int
    terms_total: int

    @property
    def ratio(self) -> float:
        return self.found / self.possible if self.possible else 0.0

    def to_dict(self) -> dict[str, Any]:
        d = _fields_dict(self)
        d["percent"] = round(100 * self.ratio, 1)
        return d


@dataclass(frozen=True, slots=True)
class Score:
    """0-100, and how it was reached."""

    value: float
    categories: tuple[CategoryScore, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"value": round(self.value, 1), "categories": [c.to_dict() for c in self.categories]}


@dataclass(frozen=True, slots=True)
class DocumentSummary:
    format: str
    pages: int
    blocks: int
    words: int

    def to_dict(self) -> dict[str, Any]:
        return _fields_dict(self)


@dataclass(frozen=True)
class Report:
    """Everything known about one checked document. Formatters read only this."""

    path: str
    kind: Kind
    kind_reason: str
    profile: str
    profile_version: str
    document: DocumentSummary
    score: Score
    terms: tuple[TermResult, ...]
    findings: tuple[Finding, ...]
    #: Set when a job posting was given (see ``resumecheck.job``); has ``to_dict()``.
    job: Any = None

    @property
    def ok(self) -> bool:
        return True

    def missing(self, level: Level | None = None) -> list[TermResult]:
        return [t for t in self.terms if not t.found and (level is None or t.level == level)]

    def counts(self) -> dict[str, int]:
        out = {s.value: 0 for s in Severity}
        for f in self.findings:
            out[f.severity.value] += 1
        return out

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "status": "ok",
            "kind": self.kind.value,
            "kind_reason": self.kind_reason,
            "profile": {"name": self.profile, "version": self.profile_version},
            "document": self.document.to_dict(),
            "score": self.score.to_dict(),
            "terms": [t.to_dict() for t in self.terms],
            "findings": [f.to_dict() for f in self.findings],
            "counts": self.counts(),
            "job": self.job.to_dict() if self.job is not None else None,
        }


@dataclass(frozen=True, slots=True)
class Failure:
    """A file that could not be checked, and why (one line)."""

    path: str
    reason: str

    @property
    def ok(self) -> bool:
        return False

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "status": "unreadable", "reason": self.reason}


Outcome = Report | Failure
