"""Text clean-up shared by every reader, so a phrase reads the same whatever the file type.

Matching downstream works on single-spaced, composed text: a ligature, a soft hyphen, a
no-break space or a word split over a line break would otherwise hide a keyword.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

#: Characters that render as nothing but split words for a matcher.
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff\u180e"), None)
#: Hyphen look-alikes NFKC leaves alone; the matcher knows only "-".
_HYPHENS = {ord("\u2010"): "-", ord("\u2011"): "-"}
_SOFT_HYPHEN_BREAK = re.compile(r"\u00ad[ \t]*\r?\n\s*")
_LINE_END_HYPHEN = re.compile(r"(\w+)-[ \t]*\r?\n\s*(\w+)")
_SPACE = re.compile(r"\s+")


def _control_to_space(s: str) -> str:
    # Control characters (other than whitespace) come from broken encodings; treat them
    # as separators so they neither glue two words together nor survive into reports.
    if not any(unicodedata.category(c) == "Cc" and not c.isspace() for c in s):
        return s
    return "".join(" " if unicodedata.category(c) == "Cc" and not c.isspace() else c for c in s)


def _join_hyphenated(m: re.Match[str]) -> str:
    """A hyphen at a line end: typesetting ("stimu-/lation") or part of the word
    ("evidence-/based", "Board-/Certified")?

    Lower-case halves are joined when the joined word is known and the halves are not both
    words of their own (then the hyphenated compound is the likelier reading), or when
    neither the joined word nor either half is known (two fragments of one unknown word).
    Known means in the word list of the installed lemmatizer tables. Anything else keeps
    its hyphen; digits are never joined ("555-/0147"). No space is left in between.
    """
    left, right = m.group(1), m.group(2)
    a = re.search(r"[^\W\d_]+$", left)
    b = re.match(r"[^\W\d_]+", right)
    if a and b and a.group(0)[-1].islower() and b.group(0)[0].islower():
        from resumecheck.lexicon import is_word

        head, tail = a.group(0).lower(), b.group(0).lower()
        joined, head_ok, tail_ok = is_word(head + tail), is_word(head), is_word(tail)
        if (joined and not (head_ok and tail_ok)) or not (joined or head_ok or tail_ok):
            return left + right
    return f"{left}-{right}"


def normalize_text(s: str) -> str:
    """One block's text as matchers want it: composed, single-spaced, on one line."""
    s = _SOFT_HYPHEN_BREAK.sub("", s)
    s = s.translate(_INVISIBLE)
    s = _control_to_space(s)
    s = unicodedata.normalize("NFKC", s).translate(_HYPHENS)
    s = _LINE_END_HYPHEN.sub(_join_hyphenated, s)
    return _SPACE.sub(" ", s).strip()


_WORD_GAP = re.compile(r"\s{2,}")


def _is_cap_letter(tok: str) -> bool:
    return len(tok) == 1 and tok.isalpha() and tok.isupper()


def _is_cap_fragment(tok: str) -> bool:
    return len(tok) >= 2 and tok.isalpha() and tok.isupper()


def _unspace_line(line: str) -> str:
    stripped = line.strip()
    if not stripped or len(stripped) > 80:
        return line
    tokens = stripped.split()
    # "E D U C A T I O N": every token a capital letter. Four at least, so that short
    # runs of initials ("A B C", "J K") stay as written. Two or more spaces between
    # letters mark a word gap, when the document has them.
    if len(tokens) >= 4 and all(_is_cap_letter(t) for t in tokens):
        words = [w.replace(" ", "") for w in _WORD_GAP.split(stripped)]
        return " ".join(words)
    # "R ESEARCH  E XPERIENCE": small capitals extracted with the first letter apart.
    # Only when the whole line is such pairs, and a lone pair must not start with a
    # word of its own ("A MD", "I AM").
    if len(tokens) % 2 == 0 and len(tokens) >= 2:
        pairs = list(zip(tokens[0::2], tokens[1::2], strict=True))
        if all(_is_cap_letter(a) and _is_cap_fragment(b) for a, b in pairs):
            if len(pairs) == 1 and pairs[0][0] in {"A", "I"}:
                return line
            return " ".join(a + b for a, b in pairs)
    return line


def unspace_letters(s: str) -> str:
    """Close up letter-spaced headings line by line; leave every other line untouched."""
    if " " not in s:
        return s
    return "\n".join(_unspace_line(line) for line in s.split("\n"))


def normalize_block(raw: str) -> str:
    """Reader entry point: mend letter-spaced headings, then :func:`normalize_text`.

    Joining lines and turning every blank into a space can make a new letter-spaced run
    ("B" and "AA" on two lines, a unit separator between them); it is closed up too, so
    a block read again comes out the same."""
    text = normalize_text(unspace_letters(raw))
    while (closed := unspace_letters(text)) != text:
        text = normalize_text(closed)
    return text


_KEY_PUNCT = re.compile(r"[^\w\s]+")


def text_key(text: str, lemma: Callable[[str], str] | None = None) -> str:
    """How two wordings compare as words: case-folded, accents dropped ("Formación" is
    "formacion"), "&" and "/" read as "and", hyphens and other punctuation as spaces,
    whitespace collapsed.

    With ``lemma`` (a pipeline's :attr:`~resumecheck.nlp.Pipeline.norm`) each word is also
    mapped to its lemma, so "Injections" and "injection" have one key. Section headings,
    profile wordings, posting headings and posting titles are all compared through this.
    """
    if text.isascii():  # nothing to decompose: most wordings, on every profile load
        text = text.casefold()
    else:
        text = "".join(c for c in unicodedata.normalize("NFKD", text)
                       if not unicodedata.combining(c)).casefold()
    words = _KEY_PUNCT.sub(" ", text.replace("&", " and ").replace("/", " and ")).split()
    if lemma is not None:
        words = [lemma(w) for w in words]
    return " ".join(words)
