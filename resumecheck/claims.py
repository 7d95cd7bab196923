"""Does the text claim a term for its writer? The rules the matcher applies to each match.

Everything here reads a :class:`TokenView` (the spaCy tokens of a document, with the block
each token sits in) and answers with plain values; :mod:`resumecheck.matching` decides what
to do with them. The rules, each documented in docs/profiles.md:

- *cues*: a negation ("not yet"), plan ("will apply for"), pending state ("application
  submitted", "board eligible"), hedge ("familiarity with", "shadowed") or the employer's
  words ("your posting asks for") in the same clause make a match *mentioned, not claimed*;
  so do such words in a heading or a lead-in line ending in ":" above a list;
- *text that is not the writer's*: URLs and e-mail addresses, a letter's salutation,
  inside address and subject line;
- *acronym vetoes*: a US state code after "City,", an acronym inside ALL-CAPS prose, inside a
  chain of hyphenated technical codes, or numbered like a course code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from resumecheck.personal import contact_blocks

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

    from resumecheck.models import Document

# --------------------------------------------------------------------------- cue words

NEGATED = "negated"
PLANNED = "planned"
PENDING = "pending"
HEDGED = "hedged"
EMPLOYER = "the employer's words"
HEADING_ALONE = "a heading with no entry under it"
GENERIC = "a generic wording, counted only beside specific terms of the profile"
#: The reason of every match found with ``mentions=True``: no claim is judged.
NOT_JUDGED = "not judged: a text that asks for terms (mentions mode)"

#: Cue phrases by kind, lower-case, as token sequences. A cue *before* a match governs it
#: within a short distance in the same clause; a cue *after* it only where listed in _POST.
_CUES: dict[str, tuple[str, ...]] = {
    NEGATED: (
        "not", "no", "never", "without", "n't", "nor", "none", "lack", "lacks", "lacking",
        "unable to", "yet to", "have yet to", "has yet to",
    ),
    PLANNED: (
        "will", "shall", "would", "plan to", "plans to", "planning to", "planned", "intend to",
        "intends to", "intending to", "hope to", "hoping to", "aim to", "aiming to",
        "seek", "seeking", "looking to", "apply for", "applying for", "apply to",
        "applying to", "to pursue", "pursuing", "aspire to", "aspiring", "aspiring to",
        "would like to", "goal is to", "matched into", "matched to", "matched at",
        "incoming", "upcoming", "future", "prospective", "to begin", "will begin",
        "to start", "anticipated", "anticipate", "expected", "expect to", "next cycle",
        "eager to", "in the future", "considering a", "considering an",
    ),
    PENDING: (
        "pending", "submitted", "applied for", "application for", "in progress",
        "in process", "awaiting", "board eligible", "eligible for board", "eligible to sit",
        "eligible for certification", "eligibility for", "candidate for", "scheduled for",
        "scheduled to", "sit for", "sitting for", "to sit", "registered for",
        "preparing for", "studying for", "to take the",
    ),
    HEDGED: (
        "shadowed", "shadowing", "shadow", "observed", "observing", "observation of",
        "watched", "watching",
        "observer", "observership", "assisted with", "assisted in", "assisted on",
        "assisting with", "assisting in", "assist with", "exposure to", "exposed to",
        "familiarity with", "familiar with", "introduction to", "introduced to",
        "basic knowledge of", "basic understanding of", "basic familiarity with",
        "limited experience", "limited exposure", "some experience", "some exposure",
        "currently learning", "still learning", "learning to", "interested in",
        "interest in", "aware of", "attended a lecture on",
        "attended lectures on", "attended a workshop on", "sat in on", "sit in on",
        "sitting in on", "follow up for", "follow up of", "preparing patients for",
        "prepared patients for", "prepares patients for",
    ),
    EMPLOYER: (
        "your posting", "your advertisement", "your listing", "your job description",
        "your requirement", "your requirements", "you are seeking", "you seek",
        "you are looking for", "you need", "you require", "the role requires",
        "the position requires", "the posting", "the job description", "role requires",
        "position requires", "posting asks for", "requires", "your role requires",
    ),
}

#: Cues that also govern a match they follow, in the same clause ("DEA application
#: submitted", "Board certification: eligible", "kyphoplasty (observed)").
_POST: dict[str, tuple[str, ...]] = {
    PENDING: ("pending", "submitted", "application submitted", "application pending",
              "application in progress", "in progress", "in process", "awaiting",
              "eligible", "applied", "scheduled", "exam scheduled", "candidate",
              "not yet", "to be completed", "to be taken"),
    PLANNED: ("planned", "anticipated", "matched", "incoming", "start date", "to begin",
              "expected", "upcoming"),
    HEDGED: ("observed", "observation only", "shadowing", "exposure only", "not performed",
             "performed by", "done by"),
    NEGATED: ("none", "n/a", "not applicable", "no"),
}

#: Words that follow a cue and cancel it: "not only", "no later than", "expected
#: completion" (a trainee in post), "special interest in" (a practice focus).
_CANCEL_AFTER = {
    "not": ("only",), "no": ("later", "more", "less", ".", "fewer"),
    "expected": ("completion", "graduation", "to complete", "to graduate"),
    "anticipated": ("completion", "graduation"),
    # "I would bring ten years of spinal cord stimulation": the experience is claimed.
    "will": ("continue", "bring", "contribute", "add"),
    "would": ("bring", "contribute", "add"),
    # "watching for drug interactions" is monitoring, not observing someone else's work.
    "watching": ("for", "over"), "watched": ("for", "over"),
}
_CANCEL_BEFORE = {"interest in": ("special", "clinical", "particular")}

#: How far (tokens between the cue and the match) a cue before a match reaches.
_REACH = {NEGATED: 5, PLANNED: 10, PENDING: 8, HEDGED: 10, EMPLOYER: 14}
#: How far after the match a following cue may stand.
POST_REACH = 6

#: Verbs of one's own doing: after one of them a hedge or plan no longer governs
#: ("assisted with pumps; independently performed 150 injections").
_CLAIM_VERBS = frozenset({
    "performed", "completed", "placed", "implanted", "led", "managed", "treated", "directed",
    "ran", "established", "founded", "delivered", "administered", "prescribed", "supervised",
    "conducted", "oversaw", "built", "developed", "trained", "taught", "created", "launched",
    "reduced", "achieved", "started", "independently", "personally",
})
_RELATIVE = frozenset({"who", "that", "which", "whom"})
#: Words that end a hedge's reach: what follows says when or where, not what.
_HEDGE_STOP = frozenset({"during", "while", "as", "under", "since", "throughout", "in"})
#: Words that end every cue's reach: a new clause.
_CONTRAST = frozenset({"but", "however", "although", "though", "whereas", "while",
                       "except", "instead"})
_CLAUSE_PUNCT = frozenset({".", ";", "!", "?", "•", "·", "▪", "●"})
_ITEM_SEPARATORS = frozenset({",", "-", "–", "—", "(", ":", "|", "/"})
#: Words that never stand inside a term as a modifier.
FUNCTION_WORDS = frozenset("""a an the and or nor but of in on at to for from by with without
into onto over under as than then that this these those which who whom whose what when where
why how is are was were be been being am do does did have has had not no never yet also
both either neither each every all any some such its it their our my your his her we i you
they he she them us me him""".split())


@lru_cache(maxsize=1)
def _cue_index() -> tuple[dict[str, list[tuple[tuple[str, ...], str]]],
                          dict[str, list[tuple[tuple[str, ...], str]]]]:
    """Last word of a cue -> [(cue words, kind)], longest first; for cues before and after."""
    def index(table: dict[str, tuple[str, ...]]) -> dict[str, list[tuple[tuple[str, ...], str]]]:
        out: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for kind, phrases in table.items():
            for phrase in phrases:
                words = tuple(phrase.split())
                out.setdefault(words[-1], []).append((words, kind))
        for entries in out.values():
            entries.sort(key=lambda e: -len(e[0]))
        return out

    return index(_CUES), index(_POST)


@dataclass(frozen=True, slots=True)
class Cue:
    kind: str
    words: str
    #: Token index of the cue's first word.
    at: int

    def reason(self) -> str:
        return f'{self.kind}: "{self.words}"'


# --------------------------------------------------------------------------- the view


#: Up to this many tokens, a view reads every token's strings at once.
EAGER_TOKENS = 20_000


class TokenView:
    """The tokens of a document's spaCy doc, with the block each one sits in.

    Token attributes are read once into arrays (spaCy's ``to_array``, in C) and turned
    into strings only where a rule looks, so a megabyte posting costs little more than
    its spaCy doc.
    """

    def __init__(self, document: Document, doc: Doc) -> None:
        import numpy as np
        from spacy.attrs import IDX, IS_PUNCT, IS_SPACE, LENGTH, LOWER, NORM, ORTH

        self.document = document
        self.doc = doc
        self.n = len(doc)
        #: Per-document memo for the matcher's block-level answers.
        self.cache: dict[str, dict] = {}
        self._strings = doc.vocab.strings
        arr = doc.to_array([ORTH, LOWER, NORM, IDX, LENGTH, IS_PUNCT, IS_SPACE]) \
            if self.n else np.zeros((0, 7), dtype=np.uint64)
        self.orth_ids = arr[:, 0]
        self.lower_ids = arr[:, 1]
        self.norm_ids = arr[:, 2]
        starts = arr[:, 3].astype(np.int64)
        self._starts = starts
        self._ends = starts + arr[:, 4].astype(np.int64)
        self._punct = arr[:, 5].astype(bool)
        self._space = arr[:, 6].astype(bool)
        offsets = np.asarray(document.offsets, dtype=np.int64)
        blocks = np.maximum(np.searchsorted(offsets, starts, side="right") - 1, 0)
        self._block = blocks
        # First and last non-space token of each block.
        self.block_first: dict[int, int] = {}
        self.block_last: dict[int, int] = {}
        keep = np.nonzero(~self._space)[0]
        if len(keep):
            kb = blocks[keep]
            change = np.nonzero(np.diff(kb))[0]
            firsts = np.concatenate(([0], change + 1))
            lasts = np.concatenate((change, [len(keep) - 1]))
            for f, last in zip(firsts.tolist(), lasts.tolist(), strict=True):
                b = int(kb[f])
                self.block_first[b] = int(keep[f])
                self.block_last[b] = int(keep[last])
        # Strings by token: all at once for an ordinary document, on demand for a huge one.
        eager = self.n <= EAGER_TOKENS
        self._text: list[str | None] = ([doc.vocab.strings[h] for h in self.orth_ids.tolist()]
                                        if eager else [None] * self.n)
        self._lower: list[str | None] = ([doc.vocab.strings[h] for h in self.lower_ids.tolist()]
                                         if eager else [None] * self.n)
        self._norm: list[str | None] = ([doc.vocab.strings[h] for h in self.norm_ids.tolist()]
                                        if eager else [None] * self.n)
        if eager:
            for i in np.nonzero(self._space)[0].tolist():
                self._lower[i] = "\n"
        # Word and clause-boundary flags per token, worked out once per distinct spelling.
        strings = self._strings
        has_alnum: dict[int, bool] = {}
        clause_end: dict[int, bool] = {}
        for orth in set(self.orth_ids.tolist()):
            text = strings[orth]
            has_alnum[orth] = any(c.isalnum() for c in text)
            clause_end[orth] = text in _CLAUSE_PUNCT
        contrast = {strings.add(w) for w in _CONTRAST}
        orths = self.orth_ids.tolist()
        lowers = self.lower_ids.tolist()
        space = self._space.tolist()
        punct = self._punct.tolist()
        self._words: list[bool] = [not (sp or pu) and has_alnum[o]
                                   for o, sp, pu in zip(orths, space, punct, strict=True)]
        self._bounds: list[bool] = [sp or clause_end[o] or low in contrast
                                    for o, low, sp in zip(orths, lowers, space, strict=True)]

    def block_of(self, i: int) -> int:
        return int(self._block[i])

    @property
    def block(self) -> _BlockIndex:
        return _BlockIndex(self._block)

    def text(self, i: int) -> str:
        value = self._text[i]
        if value is None:
            value = self._text[i] = self._strings[int(self.orth_ids[i])]
        return value

    def lower(self, i: int) -> str:
        value = self._lower[i]
        if value is None:
            value = "\n" if self._space[i] else self._strings[int(self.lower_ids[i])]
            self._lower[i] = value
        return value

    def norm(self, i: int) -> str:
        value = self._norm[i]
        if value is None:
            value = self._norm[i] = self._strings[int(self.norm_ids[i])]
        return value

    def char_start(self, i: int) -> int:
        return int(self._starts[i])

    def char_end(self, i: int) -> int:
        return int(self._ends[i])

    def block_range(self, b: int) -> tuple[int, int]:
        """[first, last] token of block ``b`` (inclusive); (-1, -2) for an empty block."""
        return self.block_first.get(b, -1), self.block_last.get(b, -2)

    def is_space(self, i: int) -> bool:
        return bool(self._space[i])

    def is_word(self, i: int) -> bool:
        return self._words[i]

    def is_boundary(self, i: int) -> bool:
        return self._bounds[i]

    def positions(self, ids, attr: str = "norm") -> list[int]:
        """Token indexes whose ``attr`` (``norm`` or ``lower``) hash is in ``ids``."""
        if not ids or not self.n:
            return []
        column = {"norm": self.norm_ids, "lower": self.lower_ids, "orth": self.orth_ids}[attr]
        column = column.tolist()
        return [i for i, h in enumerate(column) if h in ids]


class _BlockIndex:
    """``view.block[i]``: the block of token ``i``, as an int."""

    __slots__ = ("_blocks",)

    def __init__(self, blocks) -> None:
        self._blocks = blocks

    def __getitem__(self, i: int) -> int:
        return int(self._blocks[i])


# --------------------------------------------------------------------------- cues


def _phrase_ends_at(view: TokenView, end: int, words: tuple[str, ...], lo: int) -> bool:
    start = end - len(words) + 1
    if start < lo:
        return False
    return all(view.lower(start + k) == w for k, w in enumerate(words))


def _cancelled(view: TokenView, start: int, end: int, words: tuple[str, ...], hi: int,
               lo: int) -> bool:
    """The cue ``words`` at tokens [start, end] is not a cue here ("not only", "No. 123")."""
    phrase = " ".join(words)
    after = _CANCEL_AFTER.get(phrase, ())
    if after and end + 1 <= hi:
        nxt = view.lower(end + 1)
        nxt2 = f"{nxt} {view.lower(end + 2)}" if end + 2 <= hi else nxt
        if nxt in after or nxt2 in after:
            return True
    before = _CANCEL_BEFORE.get(phrase, ())
    return bool(before and start - 1 >= lo and view.lower(start - 1) in before)


def cue_before(view: TokenView, start: int, lo: int) -> Cue | None:
    """The nearest cue before token ``start`` that governs it (same clause, in reach)."""
    before, _ = _cue_index()
    hi = view.block_range(view.block[start])[1]
    reset_hedge = False
    stop_hedge = False
    saw_number = False
    j = start - 1
    distance = 0
    while j >= lo:
        if view.is_boundary(j) or view.text(j) == ":":
            return None
        word = view.lower(j)
        for words, kind in before.get(word, ()):
            if not _phrase_ends_at(view, j, words, lo):
                continue
            first = j - len(words) + 1
            if _cancelled(view, first, j, words, hi, lo):
                continue
            if distance > _REACH[kind]:
                continue
            if kind in (HEDGED, PLANNED) and reset_hedge:
                continue
            if kind == HEDGED and stop_hedge:
                continue
            if kind == NEGATED and saw_number:
                continue
            return Cue(kind, " ".join(view.text(k) for k in range(first, j + 1)), first)
        if word in _CLAIM_VERBS and not (j - 1 >= lo and view.lower(j - 1) in _RELATIVE):
            reset_hedge = True
        if word in _HEDGE_STOP:
            stop_hedge = True
        if any(c.isdigit() for c in word):
            saw_number = True
        if distance > 14:
            return None
        if view.is_word(j):
            distance += 1
        j -= 1
    return None


#: A clause this short is a CV line item ("Anesthesiology, Mercy Hospital - matched, starting
#: July 2026"): a status anywhere after the match in it governs the match.
LINE_ITEM_WORDS = 16


def _clause_words(view: TokenView, i: int, step: int, lo: int, hi: int,
                  cap: int = LINE_ITEM_WORDS + 1) -> tuple[int, int]:
    """(word count, last index) from ``i`` in direction ``step`` up to a clause boundary,
    counting no further than ``cap`` words (enough to tell a line item from prose)."""
    words = 0
    last = i - step
    while lo <= i <= hi and not view.is_boundary(i):
        if view.is_word(i):
            words += 1
            if words > cap:
                break
        last = i
        i += step
    return words, last


def _cue_at(view: TokenView, j: int, hi: int, tables: list, kinds: frozenset[str] | None
            ) -> Cue | None:
    """A cue of ``tables`` whose first word is token ``j``."""
    for last in range(j, min(hi, j + 3) + 1):
        for table in tables:
            for words, kind in table.get(view.lower(last), ()):
                if kinds is not None and kind not in kinds:
                    continue
                if last - len(words) + 1 != j or not _phrase_ends_at(view, last, words, j):
                    continue
                if _cancelled(view, j, last, words, hi, j):
                    continue
                if kind == NEGATED and not _ends_clause(view, last + 1, hi):
                    continue
                return Cue(kind, " ".join(view.text(k) for k in range(j, last + 1)), j)
    return None


def cue_after(view: TokenView, start: int, end: int, lo: int, hi: int) -> Cue | None:
    """A cue after the match at tokens [start, end) that governs it.

    In a short line item any status later in the clause counts; in prose only one that
    follows the match closely, without crossing a comma into the next item.
    """
    before, after = _cue_index()
    left_words, _ = _clause_words(view, start - 1, -1, lo, hi)
    right_words, clause_end = _clause_words(view, end, 1, lo, hi)
    if left_words + right_words + (end - start) <= LINE_ITEM_WORDS:
        # A status written as a cue that usually comes first ("will start", "pending")
        # belongs to the match only across a separator: "Anesthesiology, Mercy Hospital -
        # matched, starting July 2026"; not "anesthesiologist seeking a position".
        line_kinds = frozenset({PLANNED, PENDING})
        separated = False
        for j in range(end, clause_end + 1):
            cue = _cue_at(view, j, clause_end, [after], None)
            if cue is None and view.lower(j) in _CLAIM_VERBS:
                return None  # "performed by" is a status; "performed 40" a claim
            if cue is None and separated:
                cue = _cue_at(view, j, clause_end, [before], line_kinds)
            if cue is not None:
                return cue
            if view.text(j) in _ITEM_SEPARATORS:
                separated = True
        return None
    words_seen = 0
    for j in range(end, clause_end + 1):
        if words_seen > POST_REACH:
            break
        if view.text(j) == "," and _cue_at(view, j + 1, clause_end, [after], None) is None:
            return None
        cue = _cue_at(view, j, clause_end, [after], None)
        if cue is not None:
            return cue
        if view.is_word(j):
            words_seen += 1
    return None


def _ends_clause(view: TokenView, j: int, hi: int) -> bool:
    """Nothing but closing punctuation, a clause end or a parenthetical follows ``j``."""
    while j <= hi and view.text(j) in {")", "]", ","}:
        j += 1
    return j > hi or view.is_boundary(j) or view.text(j) == "("


#: A status line under a heading: this short, its cue among its first STATUS_LEAD words.
STATUS_LEAD = 4


def status_line(view: TokenView, b: int) -> Cue | None:
    """The cue of block ``b`` when the block is a short status line rather than an entry:
    "Eligible; written examination 2026", "Application in progress", "None", "N/A"."""
    lo, hi = view.block_range(b)
    words = [k for k in range(lo, hi + 1) if view.is_word(k)]
    if not words or len(words) > LINE_ITEM_WORDS:
        return None
    cue = block_cue(view, b)
    if cue is None or cue.kind not in (PENDING, PLANNED, NEGATED):
        return None
    return cue if cue.at <= words[min(STATUS_LEAD, len(words)) - 1] else None


def block_cue(view: TokenView, b: int) -> Cue | None:
    """Any cue in block ``b`` (a heading or a lead-in line), wherever it stands."""
    cache = view.cache.setdefault("block_cue", {})
    if b not in cache:
        cache[b] = _block_cue(view, b)
    return cache[b]


def _block_cue(view: TokenView, b: int) -> Cue | None:
    before, after = _cue_index()
    lo, hi = view.block_range(b)
    for j in range(lo, hi + 1):
        word = view.lower(j)
        for table in (before, after):
            for words, kind in table.get(word, ()):
                if kind == EMPLOYER or not _phrase_ends_at(view, j, words, lo):
                    continue
                first = j - len(words) + 1
                if _cancelled(view, first, j, words, hi, lo):
                    continue
                return Cue(kind, " ".join(view.text(k) for k in range(first, j + 1)), first)
    return None


# --------------------------------------------------------------------------- not the writer's

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_URL = re.compile(
    r"(?:https?://|www\.)\S+"
    r"|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|edu|gov|io|co|uk|ca|au|ie|nz|us|info|health"
    r"|md|me|dev|app)\b(?:/\S*)?", re.IGNORECASE)
_SALUTATION = re.compile(r"^(?:dear|to whom it may concern|hello|greetings)\b", re.IGNORECASE)
_SUBJECT = re.compile(r"^(?:re|subject|ref|regarding|position|application for)\b\s*:?",
                      re.IGNORECASE)
_MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|"
           "december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec")
_DATE_LINE = re.compile(rf"^(?:\w+,?\s+)?(?:(?:{_MONTHS})\.?\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+"
                        rf"(?:{_MONTHS})\.?\s+\d{{4}}|\d{{1,2}}[/.-]\d{{1,2}}[/.-]\d{{2,4}})\s*$",
                        re.IGNORECASE)
_PHONE = re.compile(r"\(?\d{3}\)?[\s.-]\d{3}[\s.-]?\d{4}|\b\d{3}-\d{4}\b")
MAX_ADDRESS_BLOCKS = 6
MAX_ADDRESS_WORDS = 25


#: Where an e-mail or web address may be: an "@", a scheme or "www.", or a dot before a
#: top-level domain. Searching for these literals first keeps a megabyte of text cheap.
_ADDRESS_HINT = re.compile(r"@|https?://|www\.|\.(?:com|org|net|edu|gov|io|co|uk|ca|au|ie|nz|us|"
                           r"info|health|md|me|dev|app)\b", re.IGNORECASE)
_ADDRESS_CHARS = re.compile(r"[\w.+:/%?=&#~-]")


def foreign_spans(document: Document, *, letter: bool = True) -> list[tuple[int, int, str]]:
    """(start, end, why) character ranges of ``document.text`` that are not the writer's
    words: URLs, e-mail addresses and (with ``letter``) a letter's salutation, inside
    address and subject."""
    text = document.text
    spans: list[tuple[int, int, str]] = []
    covered = -1
    for hint in _ADDRESS_HINT.finditer(text):
        if hint.start() < covered:
            continue
        # The run of address characters around the hint, then the exact patterns in it.
        lo = hint.start()
        while lo > 0 and _ADDRESS_CHARS.match(text[lo - 1]):
            lo -= 1
        hi = hint.end()
        while hi < len(text) and _ADDRESS_CHARS.match(text[hi]):
            hi += 1
        covered = hi
        run = text[lo:hi]
        for pattern, why in ((_EMAIL, "an e-mail address"), (_URL, "a web address")):
            spans += [(lo + m.start(), lo + m.end(), why) for m in pattern.finditer(run)]
    if letter:
        spans += _letter_spans(document)
    return sorted(spans)


_TITLE_LINK = frozenset({"of", "and", "the", "for", "&", "in", "at"})


def _salutation_length(text: str) -> int:
    """How much of a salutation line is the addressee: "Dear Dr. Yu," and a title after
    it in capitals ("Division Chief of Interventional Pain Management:")."""
    parts = re.split(r"([,:])", text)
    length = len(parts[0])
    i = 1
    while i + 1 < len(parts):
        length += len(parts[i])
        segment = parts[i + 1]
        words = segment.split()
        if not words or len(words) > 8 or not all(
                w[:1].isupper() or w.lower() in _TITLE_LINK for w in words):
            break
        length += len(segment)
        i += 2
    return min(length, len(text))


def _letter_spans(document: Document) -> list[tuple[int, int, str]]:
    blocks = document.blocks
    salutation = next((i for i, b in enumerate(blocks)
                       if not b.hidden and _SALUTATION.match(b.text)), None)
    if salutation is None:
        return []
    out: list[tuple[int, int, str]] = []
    start = document.offsets[salutation]
    out.append((start, start + _salutation_length(blocks[salutation].text), "the salutation"))
    for i in range(salutation):
        blk = blocks[i]
        if not blk.hidden and _SUBJECT.match(blk.text):
            start = document.offsets[i]
            out.append((start, start + len(blk.text), "the subject line"))
    first_visible = next(i for i, blk in enumerate(blocks) if not blk.hidden)
    # The writer's own contact lines end the addressee's block: by pattern, or found as
    # personal data (a masked document, its details replaced by marks, reads the same).
    contact = contact_blocks(document)
    i = salutation - 1
    taken = 0
    while i > first_visible and taken < MAX_ADDRESS_BLOCKS:
        blk = blocks[i]
        text = blk.text
        i -= 1
        if blk.hidden or not text.strip() or _SUBJECT.match(text):
            continue
        if (_DATE_LINE.match(text) or _EMAIL.search(text) or _PHONE.search(text)
                or i + 1 in contact or _URL.search(text)
                or len(text.split()) > MAX_ADDRESS_WORDS):
            break
        start = document.offsets[i + 1]
        out.append((start, start + len(text), "the addressee's details"))
        taken += 1
    return out


# --------------------------------------------------------------------------- acronym vetoes

US_STATES = frozenset("""AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS
MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC""".split())
#: A capitalised word before ", MD" that names an institution, not a city: a degree line.
_INSTITUTION_WORDS = frozenset({"medicine", "school", "college", "university", "institute",
                                "hospital", "center", "centre", "program", "programme"})
_CREDENTIAL = re.compile(r"^(?:[A-Z][A-Za-z]{1,7})$")
_NOT_CREDENTIAL = frozenset({"USA", "US", "UK", "Suite", "Apt"})
#: The last word of a letter's closing ("Sincerely,", "With best wishes,").
_VALEDICTIONS = frozenset({"sincerely", "regards", "wishes", "respectfully", "faithfully",
                           "truly", "thanks", "cheers", "best", "gratitude", "appreciation"})


def _is_name_word(word: str) -> bool:
    return (word[:1].isupper() and word.replace(".", "").replace("'", "").replace("-", "")
            .isalpha()) or bool(re.fullmatch(r"[A-Z]\.", word))


def name_suffix(view: TokenView, start: int) -> bool:
    """Token ``start`` is a degree after a person's name: "Jane A. Smith, MD", "Dr. Ana Ruiz,
    DO, MPH". The name starts its block (after "Dr." at most, or after a valediction in the
    document's last block) and has two to four words; the block is the document's first or
    last, or another credential follows."""
    b = view.block[start]
    lo, hi = view.block_range(b)
    if start - 1 < lo or view.text(start - 1) != ",":
        return False
    j = start - 2
    words = 0
    while j >= lo and _is_name_word(view.text(j)) and view.text(j) not in ("Dr.", "Dr"):
        words += 1
        j -= 1
    doctor = j >= lo and view.text(j) in ("Dr.", "Dr")
    if doctor:
        j -= 1
    ends = view.cache.setdefault("ends", {})
    if not ends:
        visible = [i for i, blk in enumerate(view.document.blocks) if not blk.hidden and blk.text]
        ends[0] = (visible[0], visible[-1]) if visible else ()
    # A signature may follow its valediction in the same block: "Sincerely, Ana Ruiz, DO".
    signed = (j - 1 >= lo and view.text(j) == "," and view.lower(j - 1) in _VALEDICTIONS
              and bool(ends[0]) and b == ends[0][-1])
    if (j >= lo and not signed) or not 2 <= words <= 4:
        return False
    if doctor:
        return True
    nxt = start + 1
    if nxt + 1 <= hi and view.text(nxt) in (",", "/"):
        follower = view.text(nxt + 1)
        if _CREDENTIAL.match(follower) and follower not in _NOT_CREDENTIAL and \
                sum(c.isupper() for c in follower) >= 2:
            return True
    return b in ends[0]


def state_after_city(view: TokenView, start: int) -> bool:
    """A US state code after "City," ("Towson, MD", "New Haven, CT")."""
    if view.text(start) not in US_STATES:
        return False
    lo, _ = view.block_range(view.block[start])
    if start - 2 < lo or view.text(start - 1) != ",":
        return False
    city = view.text(start - 2)
    # A city is written "Hartford" or "HARTFORD"; "MRI, CT" is a list of acronyms.
    looks_like_city = city[:1].isupper() and (any(c.islower() for c in city) or len(city) >= 5)
    if not looks_like_city or city.lower() in _INSTITUTION_WORDS:
        return False
    return not name_suffix(view, start)


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def in_caps_prose(view: TokenView, start: int, end: int) -> bool:
    """The acronym sits in a run of capitals that reads as prose ("WHO WE ARE AND WHAT WE
    DO", "PLEASE DO NOT CALL"): two ordinary little words besides it (one if it is one)."""
    lo, hi = view.block_range(view.block[start])

    def caps(i: int) -> bool:
        t = view.text(i)
        return not any(c.islower() for c in t) and not view.is_space(i)

    left = start
    while left - 1 >= lo and caps(left - 1):
        left -= 1
    right = end
    while right <= hi and caps(right):
        right += 1
    stops = _stop_words()
    others = [view.lower(i) for i in range(left, right)
              if not start <= i < end and view.text(i).isalpha() and len(view.text(i)) >= 2
              and view.lower(i) in stops]
    own = all(view.lower(i) in stops for i in range(start, end))
    return len(others) >= (1 if own else 2)


_CODE_AFTER = re.compile(r"^(?:-\d\d|\s?\d{1,2}/\d)")
_CAPS_WORD = re.compile(r"[A-Z][A-Z0-9]+$")


def technical_code(view: TokenView, start: int, end: int) -> bool:
    """A course or product code ("MBB-310", "CT 1/2") or one link of a chain of hyphenated
    technical codes ("HPLC-ESI-TOF")."""
    text = view.document.text
    s, e = view.char_start(start), view.char_end(end - 1)
    if _CODE_AFTER.match(text[e:e + 5]):
        return True
    left = s > 1 and text[s - 1] == "-" and bool(_CAPS_WORD.search(text[max(0, s - 12):s - 1]))
    right = e < len(text) - 1 and text[e] == "-" and bool(
        re.match(r"[A-Z][A-Z0-9]+\b", text[e + 1:e + 12]))
    return left and right
