"""Find every profile term in a document, with where it sits.

Two spaCy ``PhraseMatcher`` objects do all the work, built once per profile and
pipeline: one on ``NORM`` (lower-cased lookup lemma: case- and inflection-insensitive)
for wordings, one on ``ORTH`` (exact case) for acronyms, so "ABA" is found as a
whole token and never in "abacus" or in lowercase prose.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING

from resumecheck.models import Document, Match
from resumecheck.nlp import Pipeline

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

    from resumecheck.profiles import Term

#: Where a sentence ends inside a block: end punctuation or a list bullet.
_SENTENCE_BREAK = re.compile(r"(?<=[.!?;])\s+(?=[A-Z0-9(\"'])|\s[\u2022\u25aa\u25cf\u2013|]\s")
SENTENCE_MAX = 240


class TermMatcher:
    """Matches the terms of one profile; build it once and reuse it for every document."""

    def __init__(self, terms: Iterable[Term], pipeline: Pipeline) -> None:
        from spacy.matcher import PhraseMatcher

        self.pipeline = pipeline
        vocab = pipeline.nlp.vocab
        self._words = PhraseMatcher(vocab, attr="NORM")
        self._acronyms = PhraseMatcher(vocab, attr="ORTH")
        #: match key (hash) -> (term id, via)
        self._keys: dict[int, tuple[str, str]] = {}
        for term in terms:
            words: dict[str, list[Doc]] = defaultdict(list)
            acronyms: dict[str, list[Doc]] = defaultdict(list)
            for text, via in term.variants():
                if via == "acronym":
                    for form in acronym_forms(text):
                        acronyms[via].append(pipeline.make_doc(form))
                else:
                    for form in word_forms(text):
                        words[via].append(pipeline.make_doc(form))
            for via, docs in words.items():
                self._add(self._words, term.id, via, docs)
            for via, docs in acronyms.items():
                self._add(self._acronyms, term.id, via, docs)

    def _add(self, matcher, term_id: str, via: str, docs: list[Doc]) -> None:
        key = f"{term_id}\x1f{via}"
        docs = [d for d in docs if len(d)]
        if not docs:
            return
        matcher.add(key, docs)
        self._keys[self.pipeline.nlp.vocab.strings[key]] = (term_id, via)

    def find(self, document: Document, doc: Doc | None = None) -> dict[str, tuple[Match, ...]]:
        """Every match of every term in ``document``, keyed by term id, in text order.

        ``doc`` is the spaCy doc of ``document.text`` when the caller already made one.
        """
        if not document.blocks:
            return {}
        if doc is None:
            doc = self.pipeline.make_doc(document.text)
        spans: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
        for matcher in (self._words, self._acronyms):
            for key, start, end in matcher(doc):
                term_id, via = self._keys[key]
                spans[term_id].append((start, end, via))
        found: dict[str, tuple[Match, ...]] = {}
        for term_id in sorted(spans):
            found[term_id] = tuple(
                self._to_match(document, doc, term_id, start, end, via)
                for start, end, via in _longest_first(spans[term_id])
            )
        return found

    def _to_match(
        self, document: Document, doc: Doc, term_id: str, start: int, end: int, via: str
    ) -> Match:
        span = doc[start:end]
        idx = document.block_index_at(span.start_char)
        block = document.blocks[idx]
        return Match(
            term_id=term_id,
            surface=document.text[span.start_char : span.end_char],
            start=span.start_char,
            end=span.end_char,
            location=document.location(idx),
            sentence=sentence_around(
                block.text,
                span.start_char - document.offsets[idx],
                span.end_char - document.offsets[idx],
            ),
            via=via,
            hidden=block.hidden,
        )


def word_forms(text: str) -> list[str]:
    """Wordings to look for: as written, and a hyphenated word also joined up
    ("radio-frequency" also finds "radiofrequency")."""
    forms = [text]
    if "-" in text:
        forms.append(re.sub(r"(?<=\w)-(?=\w)", "", text))
    return forms


def acronym_forms(text: str) -> list[str]:
    """An acronym and its plural ("RFA", "RFAs")."""
    forms = [text]
    if text[-1:].isalpha() and text[-1:].isupper():
        forms.append(text + "s")
    return forms


def _longest_first(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Drop spans of one term that overlap a longer one; the rest in text order."""
    spans = sorted(set(spans), key=lambda s: (-(s[1] - s[0]), s[0], s[2]))
    taken: list[tuple[int, int, str]] = []
    used: set[int] = set()
    for start, end, via in spans:
        if any(i in used for i in range(start, end)):
            continue
        taken.append((start, end, via))
        used.update(range(start, end))
    return sorted(taken)


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence or list item of ``text`` around ``[start, end)``, cut to a readable size."""
    # Look only a bounded distance either side: the result is cut to SENTENCE_MAX anyway,
    # and scanning from the block's start for every match is quadratic in a huge block.
    window = 4 * SENTENCE_MAX
    lo = max(0, start - window)
    left = lo
    for m in _SENTENCE_BREAK.finditer(text, lo, start):
        left = m.end()
    hi = min(len(text), end + window)
    nxt = _SENTENCE_BREAK.search(text, end, hi)
    right = nxt.start() if nxt else hi
    if right - left > SENTENCE_MAX:
        half = (SENTENCE_MAX - (end - start)) // 2
        left = max(left, start - max(half, 0))
        right = min(right, end + max(half, 0))
        out = text[left:right].strip()
        return ("…" if left > 0 else "") + out + ("…" if right < len(text) else "")
    return text[left:right].strip()
