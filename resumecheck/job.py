"""Tailoring to a job posting: what the posting asks for, and how much of it a resume has.

A batch checks many resumes against one posting, so the posting is read and analysed once
per process (:func:`load_posting` caches by path, size and modification time).

The posting's keywords come from two places:

* profile terms it uses (weighted up in the match rate: the employer asked for them);
* phrases no profile knows, found by key-phrase extraction that needs no trained model:
  candidate phrases are runs of words between stop words, punctuation and line breaks,
  scored by how often and where they occur (a requirements list counts more than a duty,
  which counts more than an aside) and by shape (several words, capitals mid-sentence).
  With a trained pipeline, noun chunks are candidates too.

Boilerplate (about us, benefits, pay, equal-opportunity statements, how to apply) is never a
source: a resume should not be told to mention "dental insurance".
"""

from __future__ import annotations

import dataclasses
import os
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from resumecheck.errors import InputError
from resumecheck.models import Block, Document, Match
from resumecheck.nlp import Pipeline

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

    from resumecheck.matching import TermMatcher
    from resumecheck.preflight import ReadLimits
    from resumecheck.profiles import Profile

#: How many extracted phrases a posting contributes.
TOP_PHRASES = 15
#: Match-rate weights: a profile term the posting uses vs a phrase only the posting knows.
PROFILE_WEIGHT = 2.0
PHRASE_WEIGHT = 1.0
MAX_PHRASE_WORDS = 4

# --------------------------------------------------------------------------- sections

#: Section kinds, by heading wording (lower-cased, searched as whole words / prefixes).
#: Order matters: the first kind whose pattern matches the heading wins.
_HEADING_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("eeo", re.compile(r"\b(equal|eeo|affirmative|diversity|inclusion|non ?discrimination|"
                       r"our commitment)\b")),
    ("benefits", re.compile(r"\b(benefits?|perks?|compensation|salary|pay|what we offer|"
                            r"we offer|package|rewards)\b")),
    ("apply", re.compile(r"\b(apply|application|applications|how to|next steps?|contact us)\b")),
    ("about", re.compile(r"^(about\b|who we are|our (company|story|mission|practice|team|"
                         r"organization|organisation|culture)|the company|company overview)")),
    ("preferred", re.compile(r"\b(preferred|nice to have|desired|bonus|pluses?|plus if|"
                             r"a plus|desirable)\b")),
    ("required", re.compile(r"\b(requirements?|required|qualifications?|what you bring|"
                            r"who you are|must haves?|you have|you bring|ideal candidate|"
                            r"eligibility|skills)\b")),
    ("duties", re.compile(r"\b(responsibilit(y|ies)|duties|what you will do|what you'll do|"
                          r"the role|role|the position|position summary|job description|"
                          r"day to day|scope|the job|your impact|overview)\b")),
)
BOILERPLATE = frozenset({"eeo", "benefits", "apply", "about"})
#: How much a mention counts, by the kind of section it sits in.
SECTION_WEIGHT = {"required": 2.0, "duties": 1.6, "preferred": 1.4, "header": 1.2,
                  "other": 1.0}

#: Sentences that are boilerplate wherever they stand.
_BOILERPLATE_SENTENCE = re.compile(
    r"equal (employment )?opportunit|affirmative action|without regard to|"
    r"\b40[13] ?\((k|b)\)|paid time off|\bPTO\b|salary (range|of|from)|"
    r"\b(health|dental|vision|life|disability|malpractice|liability) (insurance|coverage|plans?)|"
    r"retirement plan|signing bonus|relocation|tuition (benefit|reimbursement)|"
    r"\b(how|where) to apply\b|^to apply\b|\bapply (now|online|today|through|via|here|at)\b|"
    r"\bsubmit (your|a) (cv|resume|application|cover letter)|\bsend your (cv|resume)|"
    r"protected veteran|reasonable accommodation|drug[- ]free workplace|background check|"
    r"visa sponsorship|commensurate with",
    re.IGNORECASE,
)

_LABEL = re.compile(
    r"\b(job title|position title|title|faculty position|position|role|opening|vacancy)"
    r"\s*:\s*(?P<value>[^|\n]+)",
    re.IGNORECASE,
)
_EMPLOYER_LABEL = re.compile(
    r"\b(employer|company|organi[sz]ation|hospital|institution|practice|hiring organi[sz]ation"
    r"|posted by)\s*:?\s+(?P<value>[A-Z][^|\n]+)",
)
_EEO_SUBJECT = re.compile(
    r"(?:^|[.!?]\s+)(?P<name>[A-Z][\w&'.-]*(?:\s+(?:of|and|for|the|&)?\s*[A-Z][\w&'.-]*)*)"
    r"\s+(?:is|are)\s+(?:an?\s+|proud(?:ly)?\s+(?:to be\s+)?(?:an?\s+)?|committed to\s+)?"
    r"(?:equal|eeo)",
)
_NAME_RUN = re.compile(r"[A-Z][\w&'.-]*(?:\s+(?:of|and|for|the|&)?\s*[A-Z][\w&'.-]*)*")
_SPLIT_PARTS = re.compile(r"\s+[-|\u2013\u2014]\s+|\s+\|\s+|\s+at\s+")
#: Words that make a line look like a job title.
TITLE_HEADS = frozenset({
    "physician", "doctor", "professor", "director", "surgeon", "specialist", "anesthesiologist",
    "anaesthetist", "fellow", "resident", "consultant", "chief", "chair", "manager", "nurse",
    "practitioner", "officer", "hospitalist", "psychiatrist", "neurologist", "physiatrist",
    "clinician", "provider", "instructor", "lecturer", "attending", "associate", "assistant",
    "engineer", "analyst", "coordinator", "therapist", "pharmacist", "psychologist", "md",
})
_NOT_TITLE = re.compile(r"\b(careers?|recruit\w*|job id|posted|opportunit\w*|apply)\b",
                        re.IGNORECASE)
_ORG_WORDS = frozenset({
    "health", "system", "group", "hospital", "university", "clinic", "clinics", "partners",
    "institute", "center", "centre", "associates", "practice", "llc", "inc", "medical",
    "healthcare", "network", "school", "college", "foundation", "services", "specialists",
})
#: Words that say how senior a post is; a resume need not repeat them to state the title.
SENIORITY = frozenset({
    "senior", "junior", "lead", "staff", "principal", "chief", "associate", "assistant",
    "head", "entry", "level", "mid", "full", "time", "part", "i", "ii", "iii", "attending",
})
#: Employment-type asides stripped from a title ("(Full Time)").
_PARENS = re.compile(r"\s*\([^)]*\)")

# --------------------------------------------------------------------------- phrases

#: Words that say nothing about what a posting wants, on their own or at a phrase's edge.
GENERIC = frozenset({
    "experience", "ability", "candidate", "candidates", "position", "team", "year", "years",
    "work", "job", "role", "opportunity", "time", "day", "week", "month", "applicant",
    "employer", "employee", "requirement", "qualification", "responsibility", "duty",
    "plus", "new", "patient", "care", "practice", "physician", "clinic", "center", "hospital",
    "system", "program", "process", "level", "area", "field", "need", "interest", "include",
    "etc", "degree", "skill", "knowledge", "understanding", "environment", "setting",
    "colleague", "staff", "member", "people", "service", "services", "support", "one", "part",
    "way", "place", "type", "kind", "lot", "range", "record", "number",
    "plan", "visit", "follow", "comfort", "eligibility", "completion", "successful",
    "documentation", "strong", "excellent", "good", "great", "proven", "demonstrated",
    "active", "current", "regular", "annual", "generous", "competitive", "several", "various",
    "multiple", "flexible", "available", "able", "willing", "ideal", "preferred", "required",
    "desired", "key", "opening", "commitment", "approach", "effort", "efforts",
    "site", "region", "state", "community", "mission", "value", "values",
    "clinician", "provider", "specialist", "doctor", "md", "do", "phd", "individual",
    "standard", "guideline", "message", "portal", "activity", "certification", "division",
    "department", "rank", "injection", "procedure", "medication", "including",
    "professor", "faculty", "fellow", "resident", "student", "hire", "ready",
    "quarter",
}) | TITLE_HEADS
#: Verbs that open a duty ("Perform ...", "Lead ..."): never the start of a phrase.
LEADING_VERBS = frozenset({
    "perform", "provide", "offer", "manage", "lead", "conduct", "design", "supervise", "keep",
    "diagnose", "treat", "prescribe", "monitor", "hold", "take", "review", "order", "evaluate",
    "build", "follow", "work", "document", "teach", "publish", "contribute", "join", "see",
    "create", "answer", "complete", "support", "develop", "ensure", "maintain", "participate",
    "collaborate", "serve", "use", "combine", "give", "connect", "launch", "run", "receive",
    "bring", "meet", "share", "get", "train", "implant", "trial", "deliver", "coordinate",
    "establish", "oversee", "mentor", "present", "obtain", "demonstrate", "possess", "assess",
    "identify", "refer", "consult", "communicate", "partner", "grow", "expand",
    "help", "apply", "submit", "upload", "email", "send", "attach", "click", "write",
    "welcome", "seek", "recruit", "add", "adding", "value", "encourage",
})
#: Words ending in -ly that are not adverbs (adverbs end a phrase: "fluoroscopically").
_LY_WORDS = frozenset({"family", "supply", "anomaly", "assembly", "italy", "july", "ally",
                       "rally", "monopoly", "early", "scholarly", "friendly", "elderly",
                       "daily", "weekly", "monthly", "quarterly", "yearly", "costly"})
#: Words that only qualify another ("ACGME-accredited", "board-eligible"): what is left of a
#: phrase once its profile term is taken out must be more than these.
MODIFIERS = frozenset({
    "accredit", "accredited", "certify", "certified", "eligible", "base", "based", "guide",
    "guided", "train", "trained", "relate", "related", "unrestricted", "valid", "full",
    "injection", "block", "procedure", "system", "systems", "program", "efforts", "effort",
    "skill", "approach", "technique", "management", "work", "including", "include",
})
_URLISH = re.compile(r"[@/\\]|www\.|\.com\b")


# --------------------------------------------------------------------------- records


@dataclass(frozen=True, slots=True)
class PostingTerm:
    """One thing the posting asks for."""

    text: str
    #: ``profile`` (a term of the keyword profile) or ``posting`` (extracted phrase).
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
    #: Every wording key the posting used for a profile term (see ``_wording_key``).
    wordings: tuple[str, ...] = ()
    #: Profile terms the posting offers as alternatives to this one ("ABA, ABPMR or
    #: ABPN"): the resume having any of them satisfies this term.
    alternatives: tuple[str, ...] = ()

    def posting_location(self) -> dict[str, Any]:
        return {"section": self.section, "line": self.line}


@dataclass(frozen=True)
class Posting:
    path: str
    title: str | None
    employer: str | None
    #: Profile terms first (most emphasised first), then extracted phrases by score.
    terms: tuple[PostingTerm, ...]
    #: Section headings seen, with their kind, in order (for explanations and tests).
    sections: tuple[tuple[str, str], ...] = ()

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
    posting: PostingTerm
    found: bool
    resume_locations: tuple[dict[str, Any], ...] = ()
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
            "resume_locations": list(self.resume_locations),
            "alternatives": list(p.alternatives),
            "satisfied_by": self.satisfied_by,
        }


@dataclass(frozen=True, slots=True)
class WordingAdvice:
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
    """How one document fares against one posting; ``Report.job``."""

    posting_path: str
    title: str | None
    employer: str | None
    title_found: bool
    #: 0-100: weighted share of the posting's terms the document has.
    match_rate: float
    terms: tuple[JobTerm, ...]
    advice: tuple[WordingAdvice, ...] = ()
    #: Where the title was stated (block index), when found.
    title_location: dict[str, Any] | None = None

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
            "match_rate": round(self.match_rate, 1),
            "title": self.title,
            "title_found": self.title_found,
            "employer": self.employer,
            "terms": [t.to_dict() for t in self.terms],
            "advice": [a.to_dict() for a in self.advice],
        }


# --------------------------------------------------------------------------- reading


_CACHE: dict[tuple, Posting] = {}
_CACHE_MAX = 8


def load_posting(path: str | os.PathLike[str], profile: Profile, matcher: TermMatcher,
                 *, limits: ReadLimits | None = None, password: str | None = None) -> Posting:
    """Read and analyse a posting, once per process for a given file version.

    Raises :class:`InputError` naming the posting when it cannot be read, so that a bad
    ``--job`` stops the run instead of being blamed on each resume.
    """
    from resumecheck.readers import read_document

    try:
        st = os.stat(path)
    except OSError as exc:
        raise InputError(os.fspath(path), f"job posting cannot be read ({exc.strerror})") from None
    # The path as given is part of the key: the posting reports it, and the same file named
    # two ways must be reported the way this run named it.
    key = (os.fspath(path), os.path.realpath(path), st.st_size, st.st_mtime_ns, id(profile),
           profile.name, profile.version, matcher.pipeline.name)
    cached = _CACHE.get(key)
    if cached is not None:
        return cached
    try:
        document = read_document(path, limits=limits, password=password)
    except InputError as exc:
        raise InputError(exc.path or os.fspath(path), f"job posting {exc.reason}") from None
    if not document.text.strip():
        raise InputError(document.path, "job posting has no text")
    posting = analyze_posting(document, profile, matcher, matcher.pipeline)
    if len(_CACHE) >= _CACHE_MAX:
        _CACHE.pop(next(iter(_CACHE)))
    _CACHE[key] = posting
    return posting


# --------------------------------------------------------------------------- segmenting


@dataclass
class _Item:
    """One logical line of the posting: a paragraph or a bullet, wrapped lines joined."""

    text: str
    line: int
    section: str | None
    kind: str
    boilerplate: bool = False
    heading: bool = False


def _heading_kind(text: str) -> str | None:
    low = " ".join(re.sub(r"[^\w\s'&]+", " ", text.lower()).split())
    for kind, pattern in _HEADING_KINDS:
        if pattern.search(low):
            return kind
    return None


def _looks_like_heading(block: Block) -> bool:
    text = block.text.strip()
    words = text.split()
    if not words or len(words) > 7:
        return False
    if text.endswith(":"):
        return True
    if text[-1] in ".,;!?":
        return False
    if block.is_heading:
        return True
    return _heading_kind(text) is not None


#: A block that opens with a heading run into its paragraph ("About Us Willow Creek is ...",
#: "Who we are: Eastgate ..."), as a text file without blank lines after headings reads.
_LEADING_HEADING = re.compile(
    r"^(?P<h>(about [A-Z][\w'&-]*(?: [A-Z][\w'&-]*)*|about us|who we are|how to apply|to apply|"
    r"the position|the role|equal (employment )?opportunity|benefits|compensation and benefits|"
    r"what we offer|our commitment|responsibilities|requirements|qualifications)"
    r")(?::\s*|\s+(?=[A-Z]))(?P<rest>.+)$",
    re.IGNORECASE,
)


def _segment(document: Document) -> list[_Item]:
    items: list[_Item] = []
    section: str | None = None
    kind = "header"
    for block in document.blocks:
        text = block.text.strip()
        if not text:
            continue
        if _looks_like_heading(block):
            section = text.rstrip(":").strip()
            kind = _heading_kind(section) or ("header" if kind == "header" else "other")
            items.append(_Item(text, block.line, section, kind, heading=True))
            continue
        m = _LEADING_HEADING.match(text)
        if m and len(m.group("h").split()) <= 6:
            head = m.group("h").strip()
            hk = _heading_kind(head)
            if hk is not None:
                section, kind = head, hk
                items.append(_Item(head, block.line, section, kind, heading=True))
                text = m.group("rest").strip()
        prev = items[-1] if items else None
        if (prev is not None and not prev.heading and prev.section == section
                and text[:1].islower() and prev.text[-1:] not in ".!?:"):
            prev.text = f"{prev.text} {text}"
            continue
        items.append(_Item(text, block.line, section, kind))
    for item in items:
        item.boilerplate = item.kind in BOILERPLATE
    return items


# --------------------------------------------------------------------------- title, employer


def _clean_title(text: str) -> str:
    text = _PARENS.sub("", text)
    text = re.split(r"\s+[-|\u2013\u2014]\s+|\s+\|\s+|[.;]\s", text)[0]
    return text.strip(" :,-\u2013\u2014")


def _title_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", text.lower())}


def _looks_like_title(text: str) -> bool:
    words = text.split()
    return (0 < len(words) <= 10 and not _NOT_TITLE.search(text)
            and bool(_title_words(text) & TITLE_HEADS))


def find_title(items: Sequence[_Item], employer: str | None) -> str | None:
    """The posting's job title: a labelled line, else a title-like line near the top, else
    the line before the first duties/requirements heading."""
    for item in items[:12]:
        for m in _LABEL.finditer(item.text):
            value = _clean_title(m.group("value"))
            # A labelled value that runs into the next line: keep the title-like start.
            words = value.split()
            if len(words) > 10:
                value = " ".join(words[:10])
            if value and _looks_like_title(value):
                return value
    head = [i for i in items if i.kind == "header" or i.heading and i.kind == "header"]
    candidates: list[str] = []
    for item in head[:8]:
        for part in _SPLIT_PARTS.split(_PARENS.sub("", item.text)):
            part = part.strip(" :,")
            if employer and part.lower() == employer.lower():
                continue
            if _looks_like_title(part):
                candidates.append(part)
    if candidates:
        return candidates[0]
    for i, item in enumerate(items):
        if item.heading and item.kind in ("duties", "required") and i > 0:
            prev = items[i - 1]
            if not prev.heading and len(prev.text.split()) <= 10:
                return _clean_title(prev.text)
            break
    return None


def _name_runs(text: str) -> list[str]:
    return [m.group(0).strip() for m in _NAME_RUN.finditer(text)]


def find_employer(items: Sequence[_Item], text: str) -> str | None:
    """The employer's name: a labelled value, else the subject of the equal-opportunity
    sentence (extended to its longest spelling in the posting), else an organisation-like
    name in the first lines."""
    for item in items[:6]:
        m = _EMPLOYER_LABEL.search(item.text)
        if m:
            runs = _name_runs(m.group("value"))
            if runs:
                return runs[0]
    subject = None
    for item in items:
        m = _EEO_SUBJECT.search(item.text)
        if m:
            subject = m.group("name").strip()
            break
    runs = sorted({r for r in _name_runs(text) if len(r.split()) >= 2},
                  key=lambda r: (-len(r), r))
    if subject:
        for run in runs:
            # Extend "Harbor Bend" to "Harbor Bend Multispecialty Group", but not into the
            # next line of a joined block ("... Health Faculty Position").
            if run.startswith(subject) and (
                    run == subject or text.count(run) >= 2
                    or run.split()[-1].lower() in _ORG_WORDS):
                return run
        return subject
    for item in items[:6]:
        for run in _name_runs(item.text):
            words = run.lower().split()
            if len(words) >= 2 and set(words) & _ORG_WORDS and not set(words) & TITLE_HEADS:
                return run
    return None


# --------------------------------------------------------------------------- analysis


def _sentences(item: _Item) -> list[tuple[int, str]]:
    """(offset in item text, sentence) pairs."""
    out = []
    pos = 0
    for part in re.split(r"(?<=[.!?;])\s+", item.text):
        start = item.text.find(part, pos)
        out.append((start, part))
        pos = start + len(part)
    return out


def analyze_posting(document: Document, profile: Profile, matcher: TermMatcher,
                    pipeline: Pipeline) -> Posting:
    """What ``document`` (a job posting) asks for. Pure; see :func:`load_posting` to cache."""
    from spacy.lang.en.stop_words import STOP_WORDS

    items = _segment(document)
    blocks = tuple(
        Block(text=i.text, line=i.line, section=i.section, section_title=i.section,
              is_heading=i.heading)
        for i in items
    )
    synth = Document(path=document.path, format=document.format, blocks=blocks)
    employer = find_employer(items, synth.text)
    title = find_title(items, employer)
    if not blocks:
        return Posting(document.path, title, employer, ())

    # Character ranges that never feed keywords: boilerplate sections and sentences,
    # headings, and the header lines (title and employer are reported on their own).
    excluded = [False] * len(synth.text)
    for idx, item in enumerate(items):
        start = synth.offsets[idx]
        if item.boilerplate or item.heading or item.kind == "header":
            excluded[start:start + len(item.text)] = [True] * len(item.text)
            continue
        for off, sentence in _sentences(item):
            if _BOILERPLATE_SENTENCE.search(sentence):
                s = start + off
                excluded[s:s + len(sentence)] = [True] * len(sentence)

    doc = pipeline.parse(synth.text) if pipeline.trained else pipeline.make_doc(synth.text)
    found = matcher.find(synth, doc)

    covered: set[int] = set()  # token indexes inside a profile-term mention
    terms: list[PostingTerm] = []
    for term_id, matches in found.items():
        kept = [m for m in matches if not excluded[m.start]]
        if not kept:
            continue
        span_tokens = [doc.char_span(m.start, m.end, alignment_mode="expand") for m in kept]
        for span in span_tokens:
            if span is not None:
                covered.update(range(span.start, span.end))
        terms.append(_profile_term(profile, term_id, kept, items, synth))
    alternatives = _alternatives(synth.text, {tid: [m for m in ms if not excluded[m.start]]
                                              for tid, ms in found.items()})
    terms = [dataclasses.replace(t, alternatives=alternatives.get(t.term_id or "", ()))
             for t in terms]
    terms.sort(key=lambda t: (-t.score, t.line or 0, t.text))

    phrases = _extract_phrases(doc, synth, items, excluded, covered, STOP_WORDS, pipeline)
    terms.extend(phrases[:TOP_PHRASES])
    sections = tuple((i.section or "", i.kind) for i in items if i.heading)
    return Posting(document.path, title, employer, tuple(terms), sections)


#: What may stand between two items of one list: commas, slashes, "or", "and/or".
_LIST_GAP = re.compile(r"[\s,;/]*(?:\b(?:and/or|or)\b[\s,;/]*)?", re.IGNORECASE)
_OR_GAP = re.compile(r"/|\bor\b", re.IGNORECASE)


def _alternatives(text: str, found: Mapping[str, Sequence[Match]]) -> dict[str, tuple[str, ...]]:
    """Profile terms the posting lists as either/or ("ABA, ABPMR or ABPN"), by term id.

    Mentions next to each other in one list, with at least one "or" or "/" between them,
    are one group; every member's alternatives are the other members.
    """
    mentions = sorted((m.start, m.end, tid) for tid, ms in found.items() for m in ms)
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        while parent.get(x, x) != x:
            x = parent[x]
        return x

    run: list[str] = []
    has_or = False
    prev_end = -1

    def close() -> None:
        if has_or and len(set(run)) > 1:
            first = root(run[0])
            for tid in run[1:]:
                parent[root(tid)] = first

    for start, end, tid in mentions:
        gap = text[prev_end:start] if prev_end >= 0 else None
        if gap is not None and "\n" not in gap and _LIST_GAP.fullmatch(gap):
            run.append(tid)
            has_or = has_or or bool(_OR_GAP.search(gap))
        elif start < prev_end:  # overlapping mentions (a longer term holds a shorter one)
            continue
        else:
            close()
            run, has_or = [tid], False
        prev_end = max(prev_end, end)
    close()
    groups: dict[str, set[str]] = {}
    for tid in {t for _, _, t in mentions}:
        groups.setdefault(root(tid), set()).add(tid)
    return {tid: tuple(sorted(members - {tid}))
            for members in groups.values() if len(members) > 1 for tid in members}


def _profile_term(profile: Profile, term_id: str, matches: Sequence[Match],
                  items: Sequence[_Item], synth: Document) -> PostingTerm:
    term = profile.term(term_id)
    score = 0.0
    for m in matches:
        item = items[m.location.block or 0]
        score += SECTION_WEIGHT.get(item.kind, 1.0)
    wordings = Counter((_wording_key(m), m.via) for m in matches)
    surface_of = {}
    for m in matches:
        surface_of.setdefault((_wording_key(m), m.via), m.surface)
    (wkey, via), _ = min(wordings.items(), key=lambda kv: (-kv[1], kv[0]))
    first = matches[0]
    return PostingTerm(
        text=term.term, source="profile", term_id=term_id, weight=PROFILE_WEIGHT,
        count=len(matches), score=round(score, 4), section=first.location.section,
        line=first.location.line, sentence=first.sentence, wording=surface_of[(wkey, via)],
        via=via, wordings=tuple(sorted({k for k, _ in wordings})),
    )


def _wording_key(m: Match) -> str:
    """A variant's identity: exact for acronyms; for words, blind to case, hyphens and
    inflection ("Teach" and "teaching" are one wording)."""
    if m.via == "acronym":
        return m.surface
    return _words_key(m.surface)


def _words_key(text: str) -> str:
    from resumecheck.nlp import _lemma_norm

    norm = _lemma_norm()
    return " ".join(norm(w) for w in re.findall(r"\w+", text.lower()))


def _joined_by_hyphen(text: str, token) -> bool:
    end = token.idx + len(token)
    return end < len(text) and text[end] in "-\u2010\u2011\u2012\u2013\u2212"


def _extract_phrases(doc: Doc, synth: Document, items: Sequence[_Item], excluded: list[bool],
                     covered: set[int], stop_words: Iterable[str],
                     pipeline: Pipeline) -> list[PostingTerm]:
    stops = frozenset(stop_words)
    text = synth.text

    def breaks(i: int) -> bool:
        tok = doc[i]
        low = tok.lower_
        if excluded[tok.idx] or tok.is_space or "\n" in tok.text:
            return True
        if tok.is_punct or not any(c.isalpha() for c in tok.text):
            return True
        if low in stops or tok.norm_ in stops:
            return True
        if _URLISH.search(tok.text):
            return True
        return len(low) > 4 and low.endswith("ly") and low not in _LY_WORDS

    runs: list[tuple[int, int]] = []
    start: int | None = None
    for i in range(len(doc)):
        if breaks(i) or (start is not None and doc[i - 1].text.endswith("\n")):
            if start is not None:
                runs.append((start, i))
            start = None if breaks(i) else i
        elif start is None:
            start = i
        # A line break between tokens (a new item) ends a run.
        if start is not None and i + 1 < len(doc) and "\n" in doc[i].whitespace_:
            runs.append((start, i + 1))
            start = None
    if start is not None:
        runs.append((start, len(doc)))
    # "Bilingual in Spanish", "quality of life": two short runs joined by "in" / "of".
    for (s1, e1), (s2, e2) in zip(runs, runs[1:], strict=False):
        if (s2 == e1 + 1 and doc[e1].lower_ in ("in", "of") and e1 - s1 <= 2 and e2 - s2 <= 2
                and (e2 - s1) <= MAX_PHRASE_WORDS and "\n" not in doc[s1:e2].text
                and not all(doc[k].norm_ in GENERIC for k in range(s1, e1))):
            runs.append((s1, e2))
    if pipeline.trained:
        try:
            for chunk in doc.noun_chunks:
                s, e = chunk.start, chunk.end
                while s < e and breaks(s):
                    s += 1
                while e > s and breaks(e - 1):
                    e -= 1
                if s < e and not any(breaks(k) for k in range(s, e)):
                    runs.append((s, e))
        except ValueError:  # a pipeline without a parser has no noun chunks
            pass

    @dataclass
    class _Cand:
        key: tuple[str, ...]
        surfaces: Counter = field(default_factory=Counter)
        score: float = 0.0
        count: int = 0
        first: int = 1 << 30
        item: int = 0
        sentence: str = ""
        spans: set = field(default_factory=set)

    cands: dict[tuple[str, ...], _Cand] = {}
    n_items = max(len(items), 1)
    for s, e in runs:
        s, e = _trim(doc, s, e, text)
        if s >= e:
            continue
        words = _words(doc, s, e, text)
        if len(words) > MAX_PHRASE_WORDS:
            words = words[-MAX_PHRASE_WORDS:]
            s = words[0][0]
        key = tuple(doc[k].norm_ for k in range(s, e))
        word_norms = [" ".join(doc[k].norm_ for k in range(ws, we)) for ws, we in words]
        if all(w in GENERIC for w in word_norms):
            continue
        # A run holding a profile term is that term unless the rest says something more
        # ("Interstate Medical Licensure Compact" stays; "telemedicine experience" goes).
        rest = [doc[k].norm_ for k in range(s, e) if k not in covered]
        if len(rest) < e - s and all(
                w in GENERIC or w in MODIFIERS or w in LEADING_VERBS for w in rest):
            continue
        if len(words) == 1 and (len(doc[s:e].text) < 3 or doc[s].norm_ in LEADING_VERBS):
            continue
        block = synth.block_index_at(doc[s].idx)
        item = items[block]
        c = cands.setdefault(key, _Cand(key))
        if (s, e) in c.spans:
            continue
        c.spans.add((s, e))
        surface = text[doc[s].idx: doc[e - 1].idx + len(doc[e - 1])]
        c.surfaces[surface] += 1
        c.count += 1
        weight = SECTION_WEIGHT.get(item.kind, 1.0)
        weight *= 1.0 + 0.2 * (1.0 - block / n_items)
        c.score += weight
        if doc[s].idx < c.first:
            c.first = doc[s].idx
            c.item = block
            c.sentence = _sentence_of(item.text, doc[s].idx - synth.offsets[block])
    out: list[PostingTerm] = []
    for c in cands.values():
        surface = min(c.surfaces.items(), key=lambda kv: (-kv[1], kv[0]))[0]
        n_words = len(_split_words(surface))
        if n_words == 1:
            shape = 0.6 + 0.04 * min(len(surface), 12)
        else:
            shape = {2: 1.3, 3: 1.5}.get(n_words, 1.4)
        if _capitalised_mid_sentence(surface, c, text):
            shape *= 1.25
        item = items[c.item]
        out.append(PostingTerm(
            text=surface, source="posting", term_id=None, weight=PHRASE_WEIGHT, count=c.count,
            score=round(c.score * shape, 4), section=item.section, line=item.line,
            sentence=c.sentence, wording=surface, via="phrase", key=c.key,
        ))
    out.sort(key=lambda t: (-t.score, t.line or 0, t.text.lower()))
    # Keep one of two phrases where one only ever occurs inside the other; only the top
    # TOP_PHRASES are used, so stop there (comparing every pair is quadratic).
    kept: list[PostingTerm] = []
    for t in out:
        if any(_contains(k.key, t.key) and k.count >= t.count for k in kept):
            continue
        kept.append(t)
        if len(kept) == TOP_PHRASES:
            break
    return kept


def _contains(outer: tuple[str, ...], inner: tuple[str, ...]) -> bool:
    n = len(inner)
    return n < len(outer) and any(outer[i:i + n] == inner for i in range(len(outer) - n + 1))


def _split_words(surface: str) -> list[str]:
    return surface.split()


def _words(doc: Doc, s: int, e: int, text: str) -> list[tuple[int, int]]:
    """Token ranges of the words in ``doc[s:e]``: hyphen-joined tokens are one word."""
    words: list[tuple[int, int]] = []
    ws = s
    for k in range(s, e):
        if k + 1 < e and _joined_by_hyphen(text, doc[k]):
            continue
        words.append((ws, k + 1))
        ws = k + 1
    return words


def _trim(doc: Doc, s: int, e: int, text: str) -> tuple[int, int]:
    """Drop a leading duty verb, leading generic or -ing words, and trailing generic words
    that are on their own ("Experience treating opioid use disorder" -> "opioid use disorder")."""
    # The tail of a hyphenated word whose head is a stop word ("in-person") is no phrase.
    if s < e and s > 0 and _joined_by_hyphen(text, doc[s - 1]):
        s = _words(doc, s, e, text)[0][1]
    while s < e:
        words = _words(doc, s, e, text)
        first = " ".join(doc[k].norm_ for k in range(*words[0]))
        low = doc[words[0][0]].lower_
        if (first in LEADING_VERBS or (first in GENERIC and len(words) > 1)
                or (low.endswith("ing") and len(words) > 1 and len(low) > 5)):
            s = words[0][1]
            continue
        break
    while e > s:
        words = _words(doc, s, e, text)
        low = doc[words[-1][0]].lower_
        if len(words) > 1 and low in ("including", "needed", "required", "preferred"):
            e = words[-1][0]
            continue
        break
    return s, e


def _capitalised_mid_sentence(surface: str, c, text: str) -> bool:
    words = surface.split()
    caps = [w for w in words if w[:1].isupper()]
    if not caps:
        return False
    before = text[max(0, c.first - 2): c.first]
    sentence_start = c.first == 0 or before.endswith("\n") or before.rstrip()[-1:] in ".!?:"
    if sentence_start:
        return len(caps) > 1 and len(caps) == len(words)
    return True


def _sentence_of(text: str, offset: int) -> str:
    from resumecheck.matching import sentence_around

    return sentence_around(text, offset, offset)


# --------------------------------------------------------------------------- matching a resume


def match_job(posting: Posting, report_doc_matches: Mapping[str, Sequence[Match]],
              document: Document, pipeline: Pipeline, *, doc: Doc | None = None) -> JobMatch:
    """Compare ``document`` (a resume or letter) with ``posting``.

    ``report_doc_matches`` holds the profile-term matches already found in the document;
    ``doc`` is its spaCy doc when the caller has one.
    """
    if doc is None:
        doc = pipeline.make_doc(document.text)
    phrase_hits = _find_phrases(posting.phrases, document, doc, pipeline)
    job_terms: list[JobTerm] = []
    advice: list[WordingAdvice] = []
    for pt in posting.terms:
        if pt.source == "profile":
            visible = [m for m in report_doc_matches.get(pt.term_id or "", ()) if m.counts]
            satisfied_by = None
            if not visible:
                for alt in pt.alternatives:
                    alt_visible = [m for m in report_doc_matches.get(alt, ()) if m.counts]
                    if alt_visible:
                        satisfied_by = alt
                        break
            if satisfied_by is not None:
                shown = [m for m in report_doc_matches[satisfied_by] if m.counts][:3]
                job_terms.append(JobTerm(pt, True, tuple(m.location.to_dict() for m in shown),
                                         satisfied_by=satisfied_by))
                continue
            locations = tuple(m.location.to_dict() for m in visible[:3])
            job_terms.append(JobTerm(pt, bool(visible), locations))
            if visible:
                a = _wording_advice(pt, visible)
                if a is not None:
                    advice.append(a)
        else:
            blocks = phrase_hits.get(pt.key, [])
            locations = tuple(document.location(b).to_dict() for b in blocks[:3])
            job_terms.append(JobTerm(pt, bool(blocks), locations))
    total = sum(t.posting.weight for t in job_terms)
    got = sum(t.posting.weight for t in job_terms if t.found)
    rate = round(100.0 * got / total, 1) if total else 0.0
    title_block = _title_block(posting.title, document, doc)
    ordered = sorted(job_terms, key=lambda t: t.found)  # stable: missing first, order kept
    return JobMatch(
        posting_path=posting.path,
        title=posting.title,
        employer=posting.employer,
        title_found=title_block is not None,
        match_rate=rate,
        terms=tuple(ordered),
        advice=tuple(advice),
        title_location=document.location(title_block).to_dict() if title_block is not None
        else None,
    )


def _find_phrases(phrases: Sequence[PostingTerm], document: Document, doc: Doc,
                  pipeline: Pipeline) -> dict[tuple[str, ...], list[int]]:
    """Visible blocks holding each phrase's NORM sequence."""
    if not phrases or not document.blocks:
        return {}
    from spacy.matcher import PhraseMatcher

    vocab = pipeline.nlp.vocab
    pm = PhraseMatcher(vocab, attr="NORM")
    keys: dict[int, tuple[str, ...]] = {}
    for i, p in enumerate(phrases):
        pattern = pipeline.make_doc(p.wording)
        if not len(pattern):
            continue
        name = f"job-phrase-{i}"
        pm.add(name, [pattern])
        keys[vocab.strings[name]] = p.key
    hits: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for match_id, start, _end in pm(doc):
        block = document.block_index_at(doc[start].idx)
        if document.blocks[block].hidden:
            continue
        key = keys[match_id]
        if block not in hits[key]:
            hits[key].append(block)
    return {k: sorted(v) for k, v in hits.items()}


def _wording_advice(pt: PostingTerm, visible: Sequence[Match]) -> WordingAdvice | None:
    resume = {}
    for m in visible:
        resume.setdefault(_wording_key(m), m.surface)
    if set(pt.wordings) & set(resume):
        return None
    return WordingAdvice(pt.term_id or "", pt.text, pt.wording,
                         tuple(sorted(set(resume.values()))))


def _title_block(title: str | None, document: Document, doc: Doc) -> int | None:
    """The first visible block that states the title: all its content words, or all but
    the seniority words ("Assistant Professor" is stated by "Professor ...")."""
    from spacy.lang.en.stop_words import STOP_WORDS

    from resumecheck.nlp import _lemma_norm, unhyphenate

    if not title or not document.blocks:
        return None
    norm = _lemma_norm()
    words = [norm(w) for w in re.findall(r"[a-z]+", unhyphenate(_PARENS.sub("", title)).lower())
             if w not in STOP_WORDS]
    full = set(words)
    core = full - SENIORITY
    if not core:
        return None
    per_block: dict[int, set[str]] = defaultdict(set)
    for tok in doc:
        if tok.is_alpha:
            per_block[document.block_index_at(tok.idx)].add(tok.norm_)
    for b in sorted(per_block):
        if document.blocks[b].hidden:
            continue
        if full <= per_block[b] or core <= per_block[b]:
            return b
    return None


def posting_section_kinds() -> Mapping[str, float]:
    """Weights of the section kinds (documented in docs/job-matching.md)."""
    return dict(SECTION_WEIGHT)


__all__ = [
    "JobMatch", "JobTerm", "Posting", "PostingTerm", "WordingAdvice", "analyze_posting",
    "load_posting", "match_job",
]
