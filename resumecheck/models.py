"""The records that flow through the pipeline: no I/O, no spaCy.

file --reader--> Document --matcher--> Match --scoring + checks--> Report --formatter--> bytes
"""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Mapping
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
    #: A job posting given where a resume was expected: no profile terms apply to it.
    POSTING = "posting"


_SIMPLE = (str, int, bool, type(None))


def plain(value: Any) -> Any:
    """Turn records, enums and tuples into JSON-ready dicts, strings and lists."""
    kind = type(value)
    if kind in _SIMPLE:
        return value
    # The commonest values next (thousands per report in a batch), with the result the
    # general steps below would give them.
    if kind is float:
        return round(value, 4)
    if kind is tuple or kind is list:
        return [plain(v) for v in value]
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


def _init_fields(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls) if f.init)


def _fields_dict(obj: Any, skip: tuple[str, ...] = ()) -> dict[str, Any]:
    # Reports are turned into dicts thousands of times in a batch: the record classes below
    # carry their field names (set once at import) instead of asking dataclasses each time.
    names = getattr(type(obj), "_field_names", None) or _init_fields(type(obj))
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
    #: (x0, top, x1, bottom) in points from the page's top-left corner: PDF text, and
    #: DOCX text boxes that have a place on the page.
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

    Kinds in use: ``no_text_layer``, ``no_text`` (a DOCX without any text), ``columns``,
    ``cid_glyphs``, ``private_use_glyphs``,
    ``vertical_text``, ``encrypted``, ``strict_ooxml``, ``truncated``, ``only_fragile``.
    """

    kind: str
    detail: str
    page: int | None = None
    count: int = 0

    def to_dict(self) -> dict[str, Any]:
        return _fields_dict(self)


class PersonalKind(StrEnum):
    """What a span of personal data is (``--redact`` masks each kind with its own mark)."""

    EMAIL = "email"
    PHONE = "phone"
    STREET = "street"


@dataclass(frozen=True, slots=True)
class PersonalSpan:
    """A piece of personal data in ``Document.text``: ``text[start:end]``."""

    kind: PersonalKind
    start: int
    end: int

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
    #: E-mail addresses, phone numbers and street addresses in ``text``, in order, found
    #: once (:func:`resumecheck.personal.mark`); None until they have been looked for.
    personal: tuple[PersonalSpan, ...] | None = field(default=None, repr=False, compare=False)
    #: True when every span in ``personal`` (and any in ``path``) has been replaced by its
    #: mask (``--redact``): every text shown from this document is already masked.
    redacted: bool = field(default=False, compare=False)
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



@dataclass(frozen=True)
class Companion:
    """The resume a cover letter is compared with (``--resume``): read and matched once."""

    document: Document
    #: Its profile-term matches, by term id.
    matches: Mapping[str, tuple[Match, ...]]

# --------------------------------------------------------------------------- job postings


@dataclass(frozen=True, slots=True)
class PostingTerm:
    """One thing a job posting asks for."""

    text: str
    #: ``profile`` (a term of the keyword profile) or ``posting`` (a phrase only the
    #: posting uses).
    source: str
    term_id: str | None
    weight: float
    #: How often the posting says it (outside boilerplate).
    count: int
    #: Emphasis: mentions weighted by the section they sit in (higher asks for it more).
    score: float
    section: str | None
    line: int | None
    sentence: str
    #: The posting's own wording (its most used variant for profile terms).
    wording: str = ""
    #: For profile terms: which variant the posting used (term, alias or acronym).
    via: str = "term"
    #: NORM token key of an extracted phrase (what the resume is searched for).
    key: tuple[str, ...] = ()
    #: Every wording key the posting used for a profile term
    #: (:func:`resumecheck.normalize.text_key` with lemmas, exact for acronyms).
    wordings: tuple[str, ...] = ()
    #: Profile terms the posting offers as alternatives to this one ("ABA, ABPMR or
    #: ABPN"): the resume having any of them satisfies this term.
    alternatives: tuple[str, ...] = ()

    def posting_location(self) -> dict[str, Any]:
        return {"section": self.section, "line": self.line}


@dataclass(frozen=True)
class Posting:
    """What a job posting asks for, analysed once per run."""

    path: str
    title: str | None
    employer: str | None
    #: Profile terms first (most emphasised first), then extracted phrases by score.
    terms: tuple[PostingTerm, ...]
    #: Section headings seen, with their kind, in order (for explanations and tests).
    sections: tuple[tuple[str, str], ...] = ()
    #: Why the posting gives no match rate (fewer than five terms could be drawn), in one
    #: line; empty when it gives one.
    note: str = ""

    @property
    def profile_terms(self) -> tuple[PostingTerm, ...]:
        return tuple(t for t in self.terms if t.source == "profile")

    @property
    def phrases(self) -> tuple[PostingTerm, ...]:
        return tuple(t for t in self.terms if t.source == "posting")

    def term_ids(self) -> frozenset[str]:
        return frozenset(t.term_id for t in self.terms if t.term_id)


@dataclass(frozen=True, slots=True)
class JobTerm:
    """One posting term and whether the document has it."""

    posting: PostingTerm
    found: bool
    #: Up to three places the document has it.
    resume_locations: tuple[Location, ...] = ()
    #: When the posting offered alternatives and the resume has one of them instead.
    satisfied_by: str | None = None

    def to_dict(self) -> dict[str, Any]:
        p = self.posting
        return {
            "text": p.text,
            "source": p.source,
            "term_id": p.term_id,
            "weight": p.weight,
            "found": self.found,
            "count": p.count,
            "posting_wording": p.wording,
            "posting_location": p.posting_location(),
            "posting_sentence": p.sentence,
            "resume_locations": [loc.to_dict() for loc in self.resume_locations],
            "alternatives": list(p.alternatives),
            "satisfied_by": self.satisfied_by,
        }


@dataclass(frozen=True, slots=True)
class WordingAdvice:
    """The document has a term the posting asks for, but not in the posting's words."""

    term_id: str
    term: str
    posting_wording: str
    resume_wordings: tuple[str, ...]

    @property
    def message(self) -> str:
        yours = ", ".join(f'"{w}"' for w in self.resume_wordings)
        return (f'The posting says "{self.posting_wording}"; the resume only says {yours}. '
                f"Use the posting's wording at least once.")

    def to_dict(self) -> dict[str, Any]:
        return {
            "term_id": self.term_id,
            "term": self.term,
            "posting_wording": self.posting_wording,
            "resume_wordings": list(self.resume_wordings),
            "message": self.message,
        }


@dataclass(frozen=True)
class JobMatch:
    """How one document fares against one posting (``Report.job``)."""

    posting_path: str
    title: str | None
    employer: str | None
    title_found: bool
    #: 0-100: weighted share of the posting's terms the document has; None when the
    #: posting gives too few terms for a rate (``note`` says why).
    match_rate: float | None
    terms: tuple[JobTerm, ...]
    advice: tuple[WordingAdvice, ...] = ()
    #: Where the title is stated, when it is.
    title_location: Location | None = None
    #: Why there is no match rate, in one line ("" when there is one).
    note: str = ""

    @property
    def missing(self) -> tuple[JobTerm, ...]:
        """Posting terms the document lacks: profile terms first by emphasis, then phrases."""
        return tuple(t for t in self.terms if not t.found)

    @property
    def found(self) -> tuple[JobTerm, ...]:
        return tuple(t for t in self.terms if t.found)

    def to_dict(self) -> dict[str, Any]:
        return {
            "posting": self.posting_path,
            "match_rate": None if self.match_rate is None else round(self.match_rate, 1),
            "note": self.note or None,
            "title": self.title,
            "title_found": self.title_found,
            "employer": self.employer,
            "terms": [t.to_dict() for t in self.terms],
            "advice": [a.to_dict() for a in self.advice],
        }


@dataclass(frozen=True, slots=True)
class CategoryScore:
    """One category's part of the score: ``found`` points (at most ``possible``) over
    ``possible``, the points that make it full (:mod:`resumecheck.scoring`)."""

    id: str
    title: str
    weight: float
    found: float
    possible: float
    terms_found: int
    terms_total: int
    #: Full at the points of this many of its heaviest terms (the profile's ``full_at``);
    #: None when full only with all its required and preferred terms.
    full_at: int | None = None

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


class ActionKind(StrEnum):
    """What an action asks the writer to do."""

    #: Add a profile term (it may also be one the posting asks for).
    ADD_TERM = "add-term"
    #: Add a term or phrase only the posting uses.
    ADD_POSTING_TERM = "add-posting-term"
    #: Act on a finding (its fix).
    FIX_FINDING = "fix-finding"


@dataclass(frozen=True, slots=True)
class Action:
    """One thing to change, with what it gains and where to make the change.

    Built by :mod:`resumecheck.actions` from a report; formatters only print it.
    """

    kind: ActionKind
    #: What to do, in one line: ``Add "chronic pain"``, or a finding's message.
    title: str
    #: How: the term's tip or the finding's fix (may be empty).
    advice: str
    #: Where to make it, in words ("under \"Procedures\", p.2 line 14"); empty when unknown.
    where: str
    #: Score points the change adds (what the score would become, minus what it is).
    score_gain: float = 0.0
    #: Match-rate points it adds against the posting.
    match_gain: float = 0.0
    #: The place it points at in the document, when there is one.
    location: Location | None = None
    #: The finding's severity, for findings.
    severity: Severity | None = None
    #: The rule code that reports the same fact (K101, J101, J102, or the finding's own).
    code: str | None = None
    #: The profile term (add-term), or the posting term's text (add-posting-term).
    term_id: str | None = None
    term: str = ""
    level: Level | None = None
    #: The posting's sentence that asks for it, and where the posting says it.
    posting_sentence: str = ""
    posting_where: str = ""

    @property
    def gain(self) -> float:
        return self.score_gain + self.match_gain

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
    #: How the document fares against the job posting, when one was given.
    job: JobMatch | None = None
    #: The document as read, in reading order (for the annotated HTML page). Not in the
    #: JSON report: ``resumecheck extract`` writes them.
    blocks: tuple[Block, ...] = ()
    #: Every action the report supports, best first (``actions.rank(candidates(report))``),
    #: made once by the checker, in the worker that checked the file, so that printing a
    #: batch does not make them again in the parent. None: not made yet.
    ranked_actions: tuple[Action, ...] | None = None

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
    """A file that could not be checked, and why (one line).

    ``internal`` marks a bug in resumecheck (an unexpected exception), as opposed to a file
    that could not be read: the run then exits INTERNAL, not UNREADABLE.
    """

    path: str
    reason: str
    internal: bool = False

    @property
    def ok(self) -> bool:
        return False

    @property
    def status(self) -> str:
        return "error" if self.internal else "unreadable"

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "status": self.status, "reason": self.reason}


Outcome = Report | Failure


for _record in (Block, PageInfo, ReaderNote, PersonalSpan, Location, Match, Finding, TermResult,
                CategoryScore, DocumentSummary, Action):
    _record._field_names = _init_fields(_record)  # type: ignore[attr-defined]
del _record
