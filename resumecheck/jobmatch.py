"""How a resume or letter fares against an analysed job posting: the match rate, the
posting terms it lacks, whether it states the title, and wording advice.

Every posting term is looked for with the profile matcher's own rules, never a second
set: a profile term by the document's profile-term matches (found once per document by
the checker), a posting phrase by a :class:`~resumecheck.matching.TermMatcher` built once
per run over the phrases as if they were profile terms, so whatever the profile matcher
understands (inflection, hyphenation, and what its later versions add) holds for phrases
too. A phrase that holds profile terms and says more ("Wisconsin medical license") is also
found where the document has those profile terms and its other words together, in one
block ("Wisconsin medical license, active" or a Licensure line the profile matcher credits
as a medical license).

Only what the document *claims* counts (the matcher's claims rules): a term or phrase it
names hedged, planned, pending or negated ("exposure to spinal cord stimulation", "Oregon
licence: application pending") does not satisfy the posting, although the same words in the
posting are a request.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from resumecheck.models import (
    Document,
    JobMatch,
    JobTerm,
    Kind,
    Level,
    Location,
    Match,
    Posting,
    PostingTerm,
    WordingAdvice,
)
from resumecheck.normalize import text_key
from resumecheck.posting import MIN_TERMS, PARENS, SENIORITY, wording_key

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

    from resumecheck.matching import TermMatcher
    from resumecheck.nlp import Pipeline

#: Words of a phrase that only qualify it: a resume need not repeat them.
_QUALIFIERS = frozenset({"active", "current", "unrestricted", "valid", "full", "accredited",
                         "experience", "eligible", "eligibility", "certified"})
_PHRASE_ID = "posting-phrase-{}"


def counts(m: Match) -> bool:
    """Whether a match of the document counts: claimed, where a reader can see it."""
    return m.counts


@dataclass(frozen=True)
class _Parts:
    """A phrase as profile terms plus the words beyond them."""

    term_ids: tuple[str, ...]
    words: tuple[str, ...]


class JobMatcher:
    """Compares documents with one analysed posting; built once per run, used for every
    document."""

    def __init__(self, posting: Posting, matcher: TermMatcher) -> None:
        from resumecheck.matching import TermMatcher as _Matcher
        from resumecheck.profiles import Term

        self.posting = posting
        self.pipeline: Pipeline = matcher.pipeline
        phrases = posting.phrases
        terms = [
            Term(id=_PHRASE_ID.format(i), term=p.wording, aliases=(),
                 acronyms=(p.wording,) if _acronym(p.wording) else (), category="posting",
                 level=Level.REQUIRED, weight=p.weight,
                 kinds=frozenset({Kind.RESUME, Kind.COVER_LETTER}))
            for i, p in enumerate(phrases)
        ]
        # The phrases are matched by the profile matcher's own rules: word families, verbs,
        # names that are not the writer's.
        source = (dataclasses.replace(matcher.profile, terms=tuple(terms))
                  if matcher.profile is not None else terms)
        self._phrases = _Matcher(source, self.pipeline) if terms else None
        self._parts = {i: _parts(p.wording, matcher, self.pipeline.norm)
                       for i, p in enumerate(phrases)}

    def match(self, document: Document, doc: Doc,
              matches: Mapping[str, Sequence[Match]]) -> JobMatch:
        """Compare ``document`` (its spaCy ``doc`` and its profile-term ``matches``) with
        the posting."""
        posting = self.posting
        lemma = self.pipeline.norm
        direct: dict[int, list[int]] = defaultdict(list)
        if self._phrases is not None and document.blocks:
            for term_id, found in self._phrases.find(document, doc).items():
                i = int(term_id.rsplit("-", 1)[1])
                direct[i] = sorted({m.location.block or 0 for m in found if counts(m)})
        words_of = _block_words(document, doc)
        visible = {tid: [m for m in ms if counts(m)] for tid, ms in matches.items()}
        found_at: dict[str, tuple[Location, ...]] = {}
        job_terms: list[JobTerm] = []
        advice: list[WordingAdvice] = []
        i = -1  # index of the phrase, in posting order
        for pt in posting.terms:
            if pt.source == "profile":
                hits = visible.get(pt.term_id or "", [])
                locations = tuple(m.location for m in hits[:3])
                job_terms.append(JobTerm(pt, bool(hits), locations))
                if hits:
                    found_at[pt.term_id or ""] = locations
                    a = _wording_advice(pt, hits, lemma)
                    if a is not None:
                        advice.append(a)
                continue
            i += 1
            blocks = direct.get(i) or self._by_parts(self._parts[i], visible, words_of)
            locations = tuple(document.location(b) for b in blocks[:3])
            job_terms.append(JobTerm(pt, bool(blocks), locations))
            if blocks:
                found_at[pt.text] = locations
        # An either/or route the document takes satisfies the others ("ABA, ABPMR or ABPN",
        # "family medicine, internal medicine, psychiatry or PM&R"): never advise them.
        routed: list[JobTerm] = []
        for jt in job_terms:
            if not jt.found:
                alt = next((a for a in jt.posting.alternatives if a in found_at), None)
                if alt is not None:
                    jt = JobTerm(jt.posting, True, found_at[alt], satisfied_by=alt)
            routed.append(jt)
        rated = len(posting.terms) >= MIN_TERMS and not posting.note
        total = sum(t.posting.weight for t in routed)
        got = sum(t.posting.weight for t in routed if t.found)
        rate = round(100.0 * got / total, 1) if rated and total else None
        title_block = _title_block(posting.title, document, doc, lemma)
        ordered = sorted(routed, key=lambda t: t.found)  # stable: missing first, order kept
        return JobMatch(
            posting_path=posting.path,
            title=posting.title,
            employer=posting.employer,
            title_found=title_block is not None,
            match_rate=rate,
            terms=tuple(ordered),
            advice=tuple(advice),
            title_location=document.location(title_block) if title_block is not None else None,
            note=posting.note,
        )

    def _by_parts(self, parts: _Parts, visible: Mapping[str, Sequence[Match]],
                  words_of: Mapping[int, set[str]]) -> list[int]:
        """Blocks where every profile term of a phrase is matched and its other words
        stand in the same block."""
        if not parts.term_ids:
            return []
        blocks: set[int] | None = None
        for tid in parts.term_ids:
            here = {m.location.block or 0 for m in visible.get(tid, ())}
            blocks = here if blocks is None else blocks & here
        return sorted(b for b in blocks or () if set(parts.words) <= words_of.get(b, set()))


def match_job(posting: Posting, matches: Mapping[str, Sequence[Match]], document: Document,
              doc: Doc, matcher: TermMatcher) -> JobMatch:
    """Compare one document with ``posting`` (builds the phrase matcher: for a single
    comparison; a run builds one :class:`JobMatcher` and reuses it)."""
    return JobMatcher(posting, matcher).match(document, doc, matches)


def _acronym(wording: str) -> bool:
    letters = [c for c in wording if c.isalpha()]
    return " " not in wording and len(letters) >= 2 and sum(c.isupper() for c in letters) >= 2


def _parts(wording: str, matcher: TermMatcher, lemma: Callable[[str], str]) -> _Parts:
    """The profile terms a phrase holds and its other words (lemmas, no qualifiers)."""
    from spacy.lang.en.stop_words import STOP_WORDS

    from resumecheck.models import Block

    doc = Document(path="phrase", format="text", blocks=(Block(text=wording),))
    # Read as the posting was read: the terms the phrase names, none inferred.
    found = matcher.find(doc, mentions=True)
    covered: set[int] = set()
    for ms in found.values():
        for m in ms:
            covered.update(range(m.start, m.end))
    words = []
    for w in _word_spans(wording):
        start, end, word = w
        if any(i in covered for i in range(start, end)):
            continue
        low = word.lower()
        if low in STOP_WORDS or low in _QUALIFIERS:
            continue
        words.append(lemma(low))
    return _Parts(tuple(sorted(found)), tuple(words))


def _word_spans(text: str) -> Iterable[tuple[int, int, str]]:
    import re

    for m in re.finditer(r"[A-Za-z0-9]+", text):
        yield m.start(), m.end(), m.group(0)


def _block_words(document: Document, doc: Doc) -> dict[int, set[str]]:
    """The matching keys (lower-case lemmas) of each visible block's words."""
    out: dict[int, set[str]] = defaultdict(set)
    if not document.blocks:
        return out
    for tok in doc:
        if tok.is_alpha or tok.like_num:
            b = document.block_index_at(tok.idx)
            if not document.blocks[b].hidden:
                out[b].add(tok.norm_)
    return out


def _wording_advice(pt: PostingTerm, visible: Sequence[Match],
                    lemma: Callable[[str], str]) -> WordingAdvice | None:
    resume = {}
    for m in visible:
        resume.setdefault(wording_key(m, lemma), m.surface)
    if set(pt.wordings) & set(resume):
        return None
    return WordingAdvice(pt.term_id or "", pt.text, pt.wording,
                         tuple(sorted(set(resume.values()))))


def _title_block(title: str | None, document: Document, doc: Doc,
                 lemma: Callable[[str], str]) -> int | None:
    """The first visible block that states the title: all its content words, or all but
    the seniority words ("Assistant Professor" is stated by "Professor ...")."""
    from spacy.lang.en.stop_words import STOP_WORDS

    if not title or not document.blocks:
        return None
    words = [lemma(w) for w in text_key(PARENS.sub("", title)).split()
             if w.isalpha() and w not in STOP_WORDS]
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


__all__ = ["JobMatcher", "counts", "match_job"]
