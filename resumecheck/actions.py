"""What to change first: a report turned into ranked actions, and the rest of its advice
grouped so that every fact is said once.

Every format prints the same :class:`Plan` in the same order: the score with its band, at
most :data:`FIRST_SCREEN` actions ranked by what they gain, then the findings, the posting
terms and the profile terms that are still missing, each once. Nothing here looks at a
file or a profile: a plan is a pure function of the :class:`~resumecheck.models.Report`.

The gain of an action is what the report itself would show after the change: the score is
recomputed by the scoring rule (`resumecheck.scoring`) with the term counted as found, and
the match rate with the posting term found, both rounded as the report rounds them.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from resumecheck.claims import EMPLOYER, GENERIC, HEADING_ALONE, HEDGED, NEGATED, PENDING, PLANNED
from resumecheck.models import (
    Action,
    ActionKind,
    Finding,
    JobMatch,
    JobTerm,
    Kind,
    Level,
    Location,
    Match,
    PostingTerm,
    Report,
    Severity,
    TermResult,
)
from resumecheck.scoring import category_points, weighted_value

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


#: Score bands, best first. The one place their wording lives, set by the calibration of
#: docs/calibration.md: a complete CV of a practising pain physician scores 75-95 (strong);
#: a focused one-page CV of the same physician 65-85 and a board-eligible fellow 55-80 (good
#: at least); residents, nurse practitioners, physical therapists and physician assistants
#: 10-40, other professions 0-5 (weak).
BANDS: tuple[Band, ...] = (
    Band(75.0, "strong match"),
    Band(55.0, "good match"),
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


# --------------------------------------------------------------------------- what to say

#: A tip that starts with one of these, or says "if you..." anywhere, already applies only
#: where it is true ("Mention joint injections if you do them.").
_CONDITIONAL = re.compile(r"^\s*(?:if|where|when|once|only if|unless)\b|\b(?:if|unless) "
                          r"(?:you|your|it is|they|the)\b", re.IGNORECASE)
#: How a tip is made conditional when its profile wrote it as an order.
TRUTH_CONDITION = "Where it is true of you, "
#: The statuses a document can state a term in without claiming it, most telling first:
#: the advice speaks to the first one the document uses.
STATUS_ORDER = (PENDING, PLANNED, NEGATED, HEDGED, HEADING_ALONE, EMPLOYER, GENERIC)
#: Statuses that only time changes (a board exam not yet taken, a fellowship not yet
#: started, a licence not held): rewording earns nothing, so such advice gains nothing.
TIME_BOUND = frozenset({PENDING, PLANNED, NEGATED})
#: Statuses a cover letter states naturally ("I would welcome the chance to...", "your
#: posting asks for..."): a letter gets its ordinary advice for them.
LETTER_STATUSES = frozenset({PLANNED, EMPLOYER})


@dataclass(frozen=True, slots=True)
class TermAdvice:
    """What to tell the writer about a profile term the document does not claim."""

    #: One line: ``Add "chronic pain"``, or ``State your board certification status...``.
    title: str
    #: How, always conditional on the truth.
    advice: str
    #: The status the document states the term in (a :mod:`resumecheck.claims` kind such
    #: as ``pending``), or empty when the document never mentions it.
    status: str = ""
    #: The mention the advice speaks about.
    mention: Match | None = None

    @property
    def earns(self) -> bool:
        """Whether acting on it can earn the term (not for a status only time changes)."""
        return self.status not in TIME_BOUND


#: A posting "wording" that is a list of alternatives or names a status is no wording to
#: copy: "board certified or board eligible", "ABA/ABPN", "eligible", "pending".
_NOT_ONE_WORDING = re.compile(r"\bor\b|/|\b(?:eligible|eligibility|pending|expected)\b",
                              re.IGNORECASE)


def copyable(wording: str) -> bool:
    """Whether a posting's wording of a term can be copied as it stands (not an either/or
    list nor a status: writing those would claim what the writer may not hold)."""
    return bool(wording) and not _NOT_ONE_WORDING.search(wording)


def status_kind(reason: str) -> str:
    """The claims kind of a mention's ``reason`` (``pending: "board eligible"`` ->
    ``pending``), or the reason itself when it names no cue."""
    for kind in STATUS_ORDER:
        if reason == kind or reason.startswith(kind + ":"):
            return kind
    return reason


def _cue(reason: str) -> str:
    """The cue words of a reason (``pending: "board eligible"`` -> ``"board eligible"``)."""
    _, _, words = reason.partition(": ")
    return words or reason


def stated_status(term: TermResult) -> Match | None:
    """The visible mention that says in what status the document states ``term``."""
    mentions = [m for m in term.matches if not m.hidden and m.claim != "claimed"]
    ranked = sorted(mentions, key=lambda m: (_status_rank(m.reason),
                                              m.location.block if m.location.block is not None
                                              else -1))
    return ranked[0] if ranked else None


def _status_rank(reason: str) -> int:
    kind = status_kind(reason)
    return STATUS_ORDER.index(kind) if kind in STATUS_ORDER else len(STATUS_ORDER)


def conditional(tip: str) -> str:
    """``tip`` as advice that holds only where it is true of the writer."""
    tip = tip.strip()
    if not tip or _CONDITIONAL.search(tip):
        return tip
    return TRUTH_CONDITION + tip[0].lower() + tip[1:]


def term_advice(term: TermResult, kind: Kind = Kind.RESUME) -> TermAdvice:
    """What to say about ``term`` (not claimed by the document): how the document already
    states it (pending, planned, hedged...) decides the advice; otherwise the term's tip,
    made conditional on the truth, or for a letter a sentence of the letter."""
    mention = stated_status(term)
    name = term.term
    if mention is not None and kind == Kind.COVER_LETTER and \
            status_kind(mention.reason) in LETTER_STATUSES:
        # A letter names the post it applies for and what the employer asks: normal, and
        # no claim of the writer's. Rewording can earn it where it is true.
        return TermAdvice(f'Say "{name}" in your own words',
                          f'The letter names "{name}" only as the post or as what the employer '
                          f"asks for ({mention.location.describe()}). Where it is true of you, "
                          "say that you do it or hold it.", "", mention)
    if mention is not None:
        status = status_kind(mention.reason)
        said = _status_advice(term, mention, status, kind)
        if said is not None:
            return TermAdvice(said[0], said[1], status, mention)
    if kind == Kind.COVER_LETTER:
        return TermAdvice(f'Add "{name}"',
                          f'Where it is true of you, name "{name}" in one sentence of the '
                          "letter; the CV gives the details.")
    return TermAdvice(f'Add "{name}"', conditional(term.tip) or
                      f'Where it is true of you, write "{name}" where it belongs.')


def _status_advice(term: TermResult, mention: Match, status: str, kind: Kind
                   ) -> tuple[str, str] | None:
    name = term.term
    cue = _cue(mention.reason)
    where = mention.location.describe()
    if status == PENDING:
        return (f"State your {name} status with its date",
                f'The document gives "{name}" as pending ({cue}, {where}): keep that wording and '
                "add its date, e.g. the examination date or when you expect the result. Claim "
                f'"{name}" itself only once it is granted.')
    if status == PLANNED:
        return (f"Give the dates of the planned {name}",
                f'The document gives "{name}" as planned ({cue}, {where}): add when it starts '
                "and when you expect to complete it; it counts once it is under way.")
    if status == NEGATED:
        return (f'Keep "{name}" as the document states it',
                f'The document says you do not have "{name}" ({cue}, {where}). Leave it so '
                "while it is true; once you hold it, state it plainly.")
    if status == HEDGED:
        return (f'Say whether you performed "{name}" yourself',
                f'The document mentions "{name}" only as {cue} ({where}). If you have done it '
                "yourself, say so with a number (cases, years); if not, leave it as it is.")
    if status == HEADING_ALONE:
        heading = " ".join(mention.sentence.split()) or mention.surface
        return (f'Fill in or remove the "{heading}" heading',
                f'The "{heading}" heading ({where}) has no entry under it, so "{name}" counts '
                "for nothing. If you hold it, list it under the heading with who granted it "
                "and the year; if not, remove the heading.")
    if status == EMPLOYER:
        where_said = "letter" if kind == Kind.COVER_LETTER else "document"
        return (f'Say "{name}" in your own words',
                f'The {where_said} names "{name}" only as what the employer asks for '
                f"({where}). Where it is true of you, say that you hold it or do it.")
    if status == GENERIC:
        return (f'Tie "{name}" to your clinical work',
                f'"{mention.surface}" ({where}) is a generic word: it counts beside the '
                "profile's specific terms. Where it is true of you, say what it was about, "
                "e.g. research on a procedure you perform.")
    return None


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


def ranked(report: Report) -> tuple[Action, ...]:
    """Every action ``report`` supports, best first: those the checker made with it, or
    made now."""
    if report.ranked_actions is not None:
        return report.ranked_actions
    return tuple(rank(candidates(report)))


def with_actions(report: Report) -> Report:
    """``report`` carrying its ranked actions (:attr:`Report.ranked_actions`)."""
    if report.ranked_actions is not None:
        return report
    return dataclasses.replace(report, ranked_actions=ranked(report))


def plan(report: Report, first: int = FIRST_SCREEN) -> Plan:
    """The advice of ``report``: ranked actions first, then the rest, each fact once."""
    ordered = ranked(report)
    top = ordered[:first]
    rest = ordered[first:]
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
    return ranked(report)[:first]


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
    posting terms only the posting uses, then findings (less their restatements).

    The members of an either/or route the posting offers ("ABA, ABPMR or ABPN") are one
    action: any one of them satisfies the posting, and nobody is told to add a route they
    did not take."""
    score_gain = ScoreGains(report)
    job = report.job
    posting_missing = job.missing if job is not None else ()
    out: list[tuple[frozenset[str] | None, Action]] = []
    claimed: set[int] = set()
    category_place: dict[str, Location | None] = {}
    fallback = _fallback_place(report)
    for t in report.terms:
        if t.found:
            continue
        asks = [jt for jt in posting_missing if _satisfies(t.id, jt)]
        # The posting's own term first (not one it offers as an alternative).
        asks.sort(key=lambda jt: jt.posting.term_id != t.id)
        claimed.update(id(jt) for jt in asks)
        if t.category not in category_place:
            category_place[t.category] = _category_place(report, t.category)
        action = _term_action(report, t, score_gain(t), asks, category_place[t.category],
                              fallback)
        out.append((_route(asks[0]) if asks else None, action))
    for jt in posting_missing:
        if id(jt) in claimed:
            continue
        out.append((_route(jt), _posting_action(report, jt)))
    actions = _one_per_route(report, out)
    return actions + [_finding_action(f) for f in report.findings
                      if f.code not in RESTATED_CODES]


def _route(jt: JobTerm) -> frozenset[str] | None:
    """The either/or group a posting term belongs to (its own key and its alternatives'),
    or None when the posting offers no alternative to it."""
    p = jt.posting
    if not p.alternatives:
        return None
    return frozenset({p.term_id or ("\x00" + p.text), *p.alternatives})


def _one_per_route(report: Report, out: Sequence[tuple[frozenset[str] | None, Action]]
                   ) -> list[Action]:
    """The actions, with the members of one either/or route merged into one action at the
    place of its first member."""
    members: dict[frozenset[str], list[Action]] = {}
    for route, action in out:
        if route is not None:
            members.setdefault(route, []).append(action)
    merged: list[Action] = []
    done: set[frozenset[str]] = set()
    for route, action in out:
        if route is None or len(members[route]) == 1:
            merged.append(action)
        elif route not in done:
            done.add(route)
            merged.append(_route_action(report, route, members[route]))
    return merged


def _route_action(report: Report, route: frozenset[str], acts: Sequence[Action]) -> Action:
    job = report.job
    weight = sum(jt.posting.weight for jt in (job.missing if job is not None else ())
                 if _route(jt) == route)
    match = match_gain(job, weight) if job is not None else 0.0
    worded = {jt.posting.term_id or jt.posting.text: jt.posting.wording or jt.posting.text
              for jt in (job.missing if job is not None else ())}
    names = list(dict.fromkeys(worded.get(a.term_id or a.term, a.term) for a in acts))
    choice = ", ".join(f'"{n}"' for n in names[:-1]) + f' or "{names[-1]}"'
    first = acts[0]
    levels = [a.level for a in acts if a.level is not None]
    return dataclasses.replace(
        first,
        title=f"Add the one of {choice} that is yours",
        advice=(f"The posting accepts any one of {choice}. If you hold or took one of them, "
                "name it; the others then do not matter."),
        score_gain=max(a.score_gain for a in acts),
        match_gain=match,
        level=min(levels, key=_LEVEL_ORDER.index) if levels else None,
    )


class ScoreGains:
    """What the score would become with one more term found, minus what it is.

    The score is recomputed by the scoring rule itself (:func:`scoring.category_points`
    and :func:`scoring.weighted_value`) over the report's categories, so a gain is exactly
    the change the report would show. One more term changes only its own category, so only
    that category is counted again; terms of one category with the same level and weight
    gain the same, so each such kind is counted once.
    """

    def __init__(self, report: Report) -> None:
        # The rule reads a term's id, category, level, weight and whether it was found;
        # ``found`` is settled once here instead of on every recount.
        members: dict[str, list[_Scored]] = {}
        for t in report.terms:
            members.setdefault(t.category, []).append(
                _Scored(t.id, t.category, t.level, t.weight, t.found))
        self._members = members
        self._full_at: dict[str, int | None] = {}
        self._index: dict[str, int] = {}
        self._parts: list[tuple[float, float, float]] = []
        for cat in report.score.categories:
            if not members.get(cat.id):
                continue
            self._full_at[cat.id] = cat.full_at
            self._index[cat.id] = len(self._parts)
            self._parts.append((cat.weight, *category_points(members[cat.id], cat.full_at)))
        self._base = round(weighted_value(self._parts), 1)
        self._memo: dict[tuple[str, Level, float], float] = {}

    def __call__(self, term: TermResult) -> float:
        if term.found or term.category not in self._index:
            return 0.0
        key = (term.category, term.level, term.weight)
        if key not in self._memo:
            members = [_Scored(r.id, r.category, r.level, r.weight, True) if r.id == term.id
                       else r for r in self._members[term.category]]
            i = self._index[term.category]
            parts = list(self._parts)
            parts[i] = (parts[i][0], *category_points(members, self._full_at[term.category]))
            gained = round(weighted_value(parts), 1) - self._base
            self._memo[key] = round(max(gained, 0.0), 1)
        return self._memo[key]


@dataclass(frozen=True, slots=True)
class _Scored:
    """A term as the scoring rule reads it."""

    id: str
    category: str
    level: Level
    weight: float
    found: bool


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
                 location: Location | None, fallback: Location | None) -> Action:
    job = report.job
    said = term_advice(t, report.kind)
    match = match_gain(job, sum(jt.posting.weight for jt in asks)) if job and asks else 0.0
    if not said.earns:
        gain = match = 0.0  # only time changes a pending, planned or absent credential
    asked = asks[0].posting if asks else None
    if said.mention is not None:
        location = said.mention.location
    elif location is None:
        location = _sentence_place(report, asks[0]) if asks else fallback
    code = "K101" if t.level == Level.REQUIRED else None
    if asked is not None:
        code = "J101"
    advice = said.advice
    wording = asked.wording if asked is not None else ""
    if said.earns and copyable(wording) and wording.lower() != t.term.lower():
        advice += f' The posting says "{wording}".'
    return Action(
        kind=ActionKind.ADD_TERM,
        title=said.title,
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
    advice = f'If it is true of you, use the posting\'s words "{wording}" once.'
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


def bonus_summary(acts: Sequence[Action]) -> str:
    """What bonus terms still missing could add: ``up to +0.6 points each``, or that their
    categories are already full."""
    best = max((a.gain for a in acts), default=0.0)
    if best <= 0:
        return "no points: their categories are full"
    return f"up to +{best:.1f} points each"


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
    "BANDS", "FIRST_SCREEN", "TRUTH_CONDITION", "Band", "Plan", "PostingGroup", "ScoreGains",
    "TermAdvice", "actions", "band", "band_dict", "bonus_summary", "candidates", "conditional",
    "copyable",
    "describe_level", "gains_text", "match_gain", "places", "plan", "rank", "ranked",
    "same_fix", "shared_gain", "stated_status", "status_kind", "target", "term_advice",
    "with_actions",
]
