"""Known English words, from the lookup tables spaCy's lemmatizer already ships with.

Used to mend text, never to judge it: a word broken by a line-end hyphen ("stimu-/lation")
or by a ligature the font lost ("e ectively") is put back only when the mended form is a
word these tables know. Loaded once per process, on first use (about 0.1 s), so documents
that need no mending never pay for it.
"""

from __future__ import annotations

import functools
from typing import Any

_TABLES = ("en_lemma_lookup", "en_lemma_index", "en_lemma_exc")


def lookup_table(name: str) -> Any:
    """A table of spacy-lookups-data (``en_lemma_lookup``...) as its JSON holds it.

    Raises :class:`FileNotFoundError` when the package or the table is not installed. The
    one place these tables are read: the matcher's lemmas (:mod:`resumecheck.nlp`) and the
    word list below.
    """
    import gzip
    import json
    from importlib import resources

    try:
        data = resources.files("spacy_lookups_data") / "data"
    except ModuleNotFoundError:  # pragma: no cover - a declared dependency
        raise FileNotFoundError("spacy-lookups-data is not installed") from None
    path = data / f"{name}.json.gz"
    if not path.is_file():
        raise FileNotFoundError(f"spacy-lookups-data has no table {name}")
    with path.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as fh:
        return json.load(fh)


@functools.cache
def _words() -> frozenset[str]:
    words: set[str] = set()
    for table in _TABLES:
        try:
            content = lookup_table(table)
        except FileNotFoundError:  # pragma: no cover - a declared dependency
            continue
        if table.endswith("lookup"):
            words.update(content)
            words.update(v for v in content.values() if isinstance(v, str))
            continue
        for group in content.values():
            if isinstance(group, list):
                words.update(w for w in group if isinstance(w, str))
            elif isinstance(group, dict):
                for key, forms in group.items():
                    words.add(key)
                    if isinstance(forms, list):
                        words.update(f for f in forms if isinstance(f, str))
    return frozenset(w for w in words if w.isalpha())


def is_word(word: str) -> bool:
    """Whether ``word`` (lower-case, letters only) is a known English word or inflection."""
    if not word.isalpha():
        return False
    words = _words()
    if word in words:
        return True
    # Regular inflections the tables list only by their lemma.
    for suffix, repl in (("s", ""), ("es", ""), ("ed", ""), ("ed", "e"), ("ing", ""),
                         ("ing", "e"), ("ly", ""), ("ies", "y")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            if word[: len(word) - len(suffix)] + repl in words:
                return True
    return False
