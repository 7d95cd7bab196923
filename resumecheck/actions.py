"""What to change first: a report turned into ranked actions, and the rest of its advice
grouped so that every fact is said once.

Every format prints the same :class:`Plan` in the same order: the score with its band, at
most :data:`FIRST_SCREEN` actions ranked by what they gain, then the findings, the posting
terms and the profile terms that are still missing, each once. Nothing here looks at a
file or a profile: a plan is a pure function of the :class:`~resumecheck.models.Report`.

The gain of an action is what the report itself would show after the change: the score is
recomputed by :func:`resumecheck.scoring.compute_score` with the term counted as found, and
the match rate with the posting term found, both rounded as the report rounds them.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from resumecheck.models import (
    Action,
    ActionKind,
    CategoryScore,
    Finding,
    JobMatch,
    JobTerm,
    Level,
    Location,
    Match,
    PostingTerm,
    Report,
    Severity,
    TermResult,
)
from resumecheck.scoring import compute_score

#: How many actions the first screen shows.
FIRST_SCREEN = 5
#: A change worth less than this many points (score plus match rate) ranks after the
#: warnings: it moves neither the band nor a ranking, while a warning names something a
#: tracking system may get wrong about the whole document.
MEANINGFUL_GAIN = 1.0
#: Codes whose findings restate a missing term that the plan already lists (as an action or
#: in the missing-term lists): a required profile term (K101) and the posting's terms and
#: phrases (J101, J102). Their findings stay in the JSON and in CI formats.
RESTATED_CODES = frozenset({"K101", "J101", "J102"})
#: The codes of a posting term (J101) and a posting phrase (J102) the document lacks.
POSTING_CODES = frozenset({"J101", "J102"})
#: Sections offered for a term when nothing in the document shows where its kind of term
#: sits, in this order (canonical section keys).
FALLBACK_SECTIONS = ("summary", "experience")
#: Sections that list titles of papers and talks: a term in a title says what the work was
#: about, not where the writer's own experience is told, so they are offered last.
CITATION_SECTIONS = frozenset({"publications", "presentations"})
_LEVEL_ORDER = (Level.REQUIRED, Level.PREFERRED, Level.BONUS)


# --------------------------------------------------------------------------- score bands


@dataclass(frozen=True, slots=True)
class Band:
    """A range of scores and what to call it."""

    #: The lowest score in the band.
    minimum: float
    label: str


#: Score bands, best first. The one place their wording lives: calibration changes it here.
BANDS: tuple[Band, ...] = (
    Band(75.0, "strong match"),
    Band(50.0, "fair match"),
    Band(0.0, "weak match"),
)


def band(score: float) -> Band:
    """The band ``score`` falls in."""
    for b in BANDS:
        if score >= b.minimum:
            return b
    return BANDS[-1]


def target() -> str:
    """What to aim for, e.g. ``75+ is a strong match``."""
    best = BANDS[0]
    return f"{best.minimum:g}+ is a {best.label}"


def band_dict(score: float) -> dict[str, object]:
    """The JSON form of a score's band."""
    b = band(score)
    return {"label": b.label, "minimum": b.minimum, "target": target()}


# --------------------------------------------------------------------------- the plan


@dataclass(frozen=True)
class PostingGroup:
    """Posting terms still missing that the posting asks for in one sentence."""

    sentence: str
    #: Where the posting says it ("Requirements, line 27").
    posting_where: str
    #: The actions adding each of them, best gain first.
    actions: tuple[Action, ...]


@dataclass(frozen=True)
class Plan:
    """A report's advice, each fact once, in the order every format prints it."""

    band: Band
    #: At most :data:`FIRST_SCREEN` actions, best first.
    first: tuple[Action, ...]
    #: Findings that are neither actions above nor restatements of a missing term.
    findings: tuple[Finding, ...]
    #: Missing posting terms not in ``first``, grouped by the posting sentence asking for them.
    posting: tuple[PostingGroup, ...]
    #: Missing profile terms not in ``first`` nor in ``posting``, by level.
    terms: tuple[tuple[Level, tuple[Action, ...]], ...]

    @property
    def target(self) -> str:
        return target()

    def quoted_in(self, sentence: str) -> int | None:
        """The number (from 1) of the first action that quotes ``sentence``: the one place
        it is quoted; later actions and the posting list refer to it."""
        for number, a in enumerate(self.first, 1):
            if sentence and a.posting_sentence == sentence:
                return number
        return None


def plan(report: Report, first: int = FIRST_SCREEN) -> Plan:
    """The advice of ``report``: ranked actions first, then the rest, each fact once."""
    ranked = rank(candidates(report))
    top = tuple(ranked[:first])
    rest = ranked[first:]
    shown = {(a.code, a.title, a.location) for a in top if a.kind == ActionKind.FIX_FINDING}
    findings = tuple(f for f in report.findings if f.code not in RESTATED_CODES
                     and (f.code, f.message, f.location) not in shown)
    posting_rest = [a for a in rest if a.kind != ActionKind.FIX_FINDING and _asked(a)]
    terms_rest = [a for a in rest if a.kind == ActionKind.ADD_TERM and not _asked(a)]
    by_level = tuple(
        (level, tuple(a for a in terms_rest if a.level == level))
        for level in _LEVEL_ORDER
    )
    return Plan(
        band=band(report.score.value),
        first=top,
        findings=findings,
        posting=_group_by_sentence(posting_rest),
        terms=tuple((level, acts) for level, acts in by_level if acts),
    )


def _asked(a: Action) -> bool:
    """Whether the posting asks for what ``a`` adds."""
    return a.code in POSTING_CODES


def actions(report: Report, first: int = FIRST_SCREEN) -> tuple[Action, ...]:
    """The first screen's actions of ``report``, best first."""
    return tuple(rank(candidates(report))[:first])


def rank(candidates: Iterable[Action]) -> list[Action]:
    """Best first: errors (the document may not be read at all), then changes worth at least
    :data:`MEANINGFUL_GAIN` by gain, then warnings, then smaller gains, then the rest.
    Ties keep the order given (the report's order)."""
    def key(item: tuple[int, Action]) -> tuple:
        index, a = item
        return (_tier(a), -round(a.gain, 4), _level_rank(a), index)

    return [a for _, a in sorted(enumerate(candidates), key=key)]


def _tier(a: Action) -> int:
    if a.severity == Severity.ERROR:
        return 0
    if a.gain >= MEANINGFUL_GAIN:
        return 1
    if a.severity == Severity.WARNING and a.kind == ActionKind.FIX_FINDING:
        return 2
    if a.gain > 0:
        return 3
    return 4


def _level_rank(a: Action) -> int:
    return _LEVEL_ORDER.index(a.level) if a.level is not None else len(_LEVEL_ORDER)


def candidates(report: Report) -> list[Action]:
    """Every action the report supports, in the report's order: missing profile terms,
    posting terms only the posting uses, then findings (less their restatements)."""
    score_gain = ScoreGains(report)
    job = report.job
    posting_missing = job.missing if job is not None else ()
    out: list[Action] = []
    claimed: set[int] = set()
    category_place: dict[str, Location | None] = {}
    for t in report.terms:
        if t.found:
            continue
        asks = [jt for jt in posting_missing if _satisfies(t.id, jt)]
        # The posting's own term first (not one it offers as an alternative).
        asks.sort(key=lambda jt: jt.posting.term_id != t.id)
        claimed.update(id(jt) for jt in asks)
        if t.category not in category_place:
            category_place[t.category] = _category_place(report, t.category)
        out.append(_term_action(report, t, score_gain(t), asks, category_place[t.category]))
    for jt in posting_missing:
        if id(jt) in claimed:
            continue
        out.append(_posting_action(report, jt))
    out += [_finding_action(f) for f in report.findings if f.code not in RESTATED_CODES]
    return out


class ScoreGains:
    """What the score would become with one more term found, minus what it is.

    The score is recomputed by the scoring rule itself over the report's categories, so a
    gain is exactly the change the report would show. Terms of one category with the same
    level and weight gain the same, so each such kind is scored once.
    """

    def __init__(self, report: Report) -> None:
        # The rule reads a term's id, category, level, weight and whether it was found;
        # ``found`` is settled once here instead of on every recount.
        self._terms = [_Scored(t.id, t.category, t.level, t.weight, t.found)
                       for t in report.terms]
        self._categories = _Categories(report.score.categories)
        self._base = self._score(self._terms)
        self._memo: dict[tuple[str, Level, float], float] = {}

    def _score(self, terms: Sequence[_Scored]) -> float:
        return compute_score(self._categories, terms).value  # type: ignore[arg-type]

    def __call__(self, term: TermResult) -> float:
        if term.found:
            return 0.0
        key = (term.category, term.level, term.weight)
        if key not in self._memo:
            results = [dataclasses.replace(r, found=True) if r.id == term.id else r
                       for r in self._terms]
            self._memo[key] = round(max(self._score(results) - self._base, 0.0), 1)
        return self._memo[key]


@dataclass(frozen=True, slots=True)
class _Scored:
    """A term as the scoring rule reads it."""

    id: str
    category: str
    level: Level
    weight: float
    found: bool


@dataclass(frozen=True)
class _Categories:
    """The profile's categories as the scoring rule reads them (id, title, weight), taken
    from the report's own score."""

    categories: tuple[CategoryScore, ...]


def match_gain(job: JobMatch, weight: float) -> float:
    """Match-rate points gained by finding posting terms of total ``weight`` more."""
    total = sum(t.posting.weight for t in job.terms)
    if not total or weight <= 0 or job.match_rate is None:
        return 0.0
    got = sum(t.posting.weight for t in job.terms if t.found)
    return round(max(round(100.0 * (got + weight) / total, 1) - job.match_rate, 0.0), 1)


def _satisfies(term_id: str, jt: JobTerm) -> bool:
    p = jt.posting
    return p.source == "profile" and (p.term_id == term_id or term_id in p.alternatives)


def _term_action(report: Report, t: TermResult, gain: float, asks: Sequence[JobTerm],
                 location: Location | None) -> Action:
    job = report.job
    match = match_gain(job, sum(jt.posting.weight for jt in asks)) if job and asks else 0.0
    asked = asks[0].posting if asks else None
    if location is None:
        location = _sentence_place(report, asks[0]) if asks else _fallback_place(report)
    code = "K101" if t.level == Level.REQUIRED else None
    if asked is not None:
        code = "J101"
    advice = t.tip or f'If it is true of you, write "{t.term}" where it belongs.'
    if asked is not None and asked.wording and asked.wording.lower() != t.term.lower():
        advice += f' The posting says "{asked.wording}".'
    return Action(
        kind=ActionKind.ADD_TERM,
        title=f'Add "{t.term}"',
        advice=advice,
        where=_where(report, location),
        score_gain=gain,
        match_gain=match,
        location=location,
        code=code,
        term_id=t.id,
        term=t.term,
        level=t.level,
        posting_sentence=asked.sentence if asked else "",
        posting_where=_posting_where(asked) if asked else "",
    )


def _posting_action(report: Report, jt: JobTerm) -> Action:
    p = jt.posting
    job = report.job
    gain = match_gain(job, p.weight) if job is not None else 0.0
    location = _sentence_place(report, jt)
    wording = p.wording or p.text
    also = [a for a in p.alternatives if a != p.term_id]
    advice = f'If it is true of you, use the posting\'s words "{wording}" once.'
    if also:
        advice += " Any of its alternatives counts too: " + ", ".join(also) + "."
    return Action(
        kind=ActionKind.ADD_POSTING_TERM,
        title=f'Add "{p.text}"',
        advice=advice,
        where=_where(report, location),
        match_gain=gain,
        location=location,
        code="J101" if p.source == "profile" else "J102",
        term_id=p.term_id,
        term=p.text,
        posting_sentence=p.sentence,
        posting_where=_posting_where(p),
    )


def _finding_action(f: Finding) -> Action:
    return Action(
        kind=ActionKind.FIX_FINDING,
        title=f.message,
        advice=f.fix,
        where=f.location.describe() if f.location is not None else "",
        location=f.location,
        severity=f.severity,
        code=f.code,
    )


def _posting_where(p: PostingTerm) -> str:
    return ", ".join(x for x in (p.section or "", f"line {p.line}" if p.line else "") if x)


def _group_by_sentence(acts: Sequence[Action]) -> tuple[PostingGroup, ...]:
    groups: dict[tuple[str, str], list[Action]] = {}
    for a in acts:
        groups.setdefault((a.posting_sentence, a.posting_where), []).append(a)
    out = [PostingGroup(sentence, where, tuple(members))
           for (sentence, where), members in groups.items()]
    # Best gain first; the posting's order breaks ties (dicts keep insertion order).
    order = {id(g): i for i, g in enumerate(out)}
    out.sort(key=lambda g: (-max(a.gain for a in g.actions), order[id(g)]))
    return tuple(out)


# --------------------------------------------------------------------------- where


def _category_place(report: Report, category: str) -> Location | None:
    """Where the document already lists terms of ``category``: the first such term in the
    section holding most distinct ones."""
    first: dict[tuple[str, str | None], Location] = {}
    for t in report.terms:
        if t.category != category:
            continue
        for m in t.matches:
            if not m.hidden:
                first.setdefault((t.id, m.location.section), m.location)
    ordered = sorted(first.values(), key=_document_order)
    return _busiest_location(ordered)


def _document_order(loc: Location) -> tuple[int, int]:
    return (loc.block if loc.block is not None else -1, loc.line or 0)


def _sentence_place(report: Report, jt: JobTerm) -> Location | None:
    """For a posting term: where the document has the other terms of the posting's sentence,
    or else a summary or experience section."""
    job = report.job
    if job is not None and jt.posting.sentence:
        near = [loc for other in job.terms
                if other.found and other.posting.sentence == jt.posting.sentence
                for loc in other.resume_locations]
        if near:
            return _busiest_location(sorted(near, key=_document_order))
    return _fallback_place(report)


def _busiest_location(locations: Sequence[Location]) -> Location | None:
    located = [loc for loc in locations if loc.section]
    own = [loc for loc in located if loc.section not in CITATION_SECTIONS]
    located = own or located
    if not located:
        return locations[0] if locations else None
    counts = Counter(loc.section for loc in located)
    best = max(counts.values())
    for loc in located:  # document order: the first of the busiest section
        if counts[loc.section] == best:
            return loc
    return None  # pragma: no cover


def _fallback_place(report: Report) -> Location | None:
    for section in FALLBACK_SECTIONS:
        for i, b in enumerate(report.blocks):
            if b.section == section:
                return Location(page=b.page, line=b.line, section=b.section, origin=b.origin,
                                block=i)
    return None


def _where(report: Report, location: Location | None) -> str:
    """``the "Procedures" section, p.2 line 14``: the heading as the document writes it."""
    if location is None:
        return ""
    heading = _heading(report.blocks, location) or location.section
    at = " ".join(x for x in (f"p.{location.page}" if location.page is not None else "",
                              f"line {location.line}" if location.line is not None else "") if x)
    if heading:
        return f'the "{heading}" section' + (f", {at}" if at else "")
    return at


def _heading(blocks: Sequence, location: Location) -> str | None:
    if location.block is None or not 0 <= location.block < len(blocks):
        return None
    title = blocks[location.block].section_title
    return " ".join(title.split()) if title else None


def places(matches: Iterable[Match]) -> list[str]:
    """Where a term was found, each place once, in document order (visible matches only)."""
    return list(dict.fromkeys(m.location.describe() for m in matches if not m.hidden))


def gains_text(a: Action) -> str:
    """``+2.3 points``, ``+3.8 match``, both, or empty."""
    parts = []
    if a.score_gain > 0:
        parts.append(f"+{a.score_gain:.1f} points")
    if a.match_gain > 0:
        parts.append(f"+{a.match_gain:.1f} match")
    return ", ".join(parts)


def same_fix(findings: Sequence[Finding]) -> list[tuple[tuple[Finding, ...], str]]:
    """Runs of findings (in the given order) with the same code and the same fix, each run
    with that fix: a fix said once for the run instead of once per finding."""
    runs: list[tuple[list[Finding], str]] = []
    for f in findings:
        if runs and runs[-1][0][-1].code == f.code and runs[-1][1] == f.fix:
            runs[-1][0].append(f)
        else:
            runs.append(([f], f.fix))
    return [(tuple(members), fix) for members, fix in runs]


def shared_gain(acts: Sequence[Action]) -> str | None:
    """``+1.6 match each`` when every action of a group gains the same, else None."""
    gains = {gains_text(a) for a in acts}
    if len(gains) != 1:
        return None
    text = gains.pop()
    return f"{text} each" if len(acts) > 1 and text else text


def describe_level(a: Action) -> str:
    """``required term``, ``bonus term; the posting asks for it``, ``posting phrase``..."""
    if a.kind == ActionKind.FIX_FINDING:
        return f"{a.severity.value if a.severity else 'finding'} {a.code or ''}".strip()
    if a.kind == ActionKind.ADD_POSTING_TERM:
        return "posting term" if a.code == "J101" else "posting phrase"
    level = f"{a.level.value} term" if a.level is not None else "term"
    return f"{level}; the posting asks for it" if _asked(a) else level


__all__ = [
    "BANDS", "FIRST_SCREEN", "Band", "Plan", "PostingGroup", "ScoreGains", "actions", "band",
    "band_dict", "candidates", "describe_level", "gains_text", "match_gain", "places", "plan",
    "rank", "same_fix", "shared_gain", "target",
]
