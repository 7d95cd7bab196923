"""The one place a spaCy pipeline is built or loaded (once per process, by the checker).

The default pipeline needs no model download: spaCy's blank English tokenizer, and
the English lookup lemmas from ``spacy-lookups-data``. Every token gets a matching
key in ``NORM``: its lower-cased lookup lemma, so "Fellowships" and "fellowship", or
"Injections" and "injection", compare equal, while ``ORTH`` keeps the exact case for
acronyms.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import TYPE_CHECKING

from resumecheck.errors import ModelError

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc

#: A hyphen (ASCII or Unicode) between two word characters. Replaced by a space of the same
#: length before tokenising, so "board-certified" and "board certified" give the same tokens
#: and every character offset still points at the same place in the document.
_INNER_HYPHEN = re.compile(r"(?<=\w)[-\u2010\u2011\u2012\u2013\u2212](?=\w)")

#: Above this many characters a text is cut before spaCy sees it (spaCy's own limit is 1e6).
MAX_CHARS = 1_000_000
#: How :meth:`Pipeline.phrase_norms` splits a short name or phrase into tokens: the way the
#: English tokenizer splits plain words, "'s" and punctuation (held to it by a test).
_PHRASE_TOKEN = re.compile(r"'s\b|\w+|[^\w\s]")


def unhyphenate(text: str) -> str:
    """Same length as ``text``, with in-word hyphens turned into spaces."""
    return _INNER_HYPHEN.sub(" ", text)


class Pipeline:
    """A spaCy pipeline plus the norm function every pattern and document goes through.

    Built once per process, by the checker (see :func:`load_pipeline`).
    """

    def __init__(self, nlp: Language, name: str, trained: bool) -> None:
        self.nlp = nlp
        self.name = name
        #: True when the pipeline has a trained parser/tagger (noun chunks available).
        self.trained = trained
        #: Lower-cased word -> its matching key (lower-cased lookup lemma).
        self.norm: Callable[[str], str] = _lemma_norm()

    def make_doc(self, text: str) -> Doc:
        """Tokenise ``text`` (hyphens unified) and write the matching key into ``NORM``."""
        doc = self.nlp.make_doc(unhyphenate(text[:MAX_CHARS]))
        norm = self.norm
        for token in doc:
            token.norm_ = norm(token.lower_)
        return doc

    def phrase_norms(self, text: str) -> tuple[str, ...]:
        """The matching keys of a short plain phrase ("American Headache Society", "order
        sets"), without building a spaCy doc: building thousands of docs for a profile's
        names costs more than the rest of the start-up. Only for words, spaces, hyphens,
        "&", apostrophes and simple punctuation."""
        norm = self.norm
        return tuple(norm(t.lower()) for t in _PHRASE_TOKEN.findall(unhyphenate(text)))

    def parse(self, text: str) -> Doc:
        """Run the full pipeline (a trained model's tagger and parser); same NORM keys."""
        if not self.trained:
            return self.make_doc(text)
        doc = self.nlp(unhyphenate(text[:MAX_CHARS]))
        norm = self.norm
        for token in doc:
            token.norm_ = norm(token.lower_)
        return doc


def _lemma_norm() -> Callable[[str], str]:
    """The matching key of a lower-cased word: its English lookup lemma, lower-cased."""
    # The table read straight into a dict: spaCy's ``load_lookups`` builds a hashed Table
    # one entry at a time (about 70 ms of every start for 41,582 words), for the same
    # lookups.
    from resumecheck.lexicon import lookup_table

    try:
        table: dict[str, str] = lookup_table("en_lemma_lookup")
    except FileNotFoundError as exc:
        raise ValueError(f"the English lookup lemmas cannot be loaded ({exc})") from None

    @lru_cache(maxsize=65536)  # per pipeline: the same few thousand words recur in every file
    def norm(lower: str) -> str:
        if lower == "&":  # "pain & rehabilitation" reads as "pain and rehabilitation"
            return "and"
        lemma = table.get(lower)
        return lemma.lower() if isinstance(lemma, str) else lower

    return norm


def load_pipeline(model: str | None = None) -> Pipeline:
    """Blank English by default, or an installed trained pipeline (``--model``)."""
    import spacy

    if model is None:
        return Pipeline(spacy.blank("en"), "blank:en", trained=False)
    try:
        nlp = spacy.load(model, exclude=["ner", "textcat", "textcat_multilabel"])
    except (OSError, ValueError, ImportError, KeyError) as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise ModelError(model, f"cannot load the spaCy pipeline ({first[:200]})") from None
    if nlp.lang != "en":
        raise ModelError(model, f"is a '{nlp.lang}' pipeline; an English one is needed")
    trained = "parser" in nlp.pipe_names or "tagger" in nlp.pipe_names
    return Pipeline(nlp, f"{nlp.meta.get('name', 'model')}", trained=trained)
