"""What documents of one profession are expected to hold: the part of a keyword profile
that drives the structure, content and cover-letter checks.

A physician's CV is expected to have Licensure and Board Certification sections, CME and
research; a software engineer's resume is not. None of that lives in the checks: a profile
declares it in its ``[conventions]`` table, and a profile without one gets the defaults
below, which give advice true of any resume. Word lists are matched as whole words,
case-insensitively, a hyphen and a space alike; a word ending in ``*`` matches any ending
("inject*": inject, injection, injections; "educat* patients").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

#: Keys of ``[conventions]``.
KEYS = (
    "document", "expected_sections", "research_expected", "continuing_education",
    "procedure_words", "outcome_nouns", "role_words", "people_words",
    "collaboration_words", "fixes",
)

#: Section ids a profile may expect (the reader's canonical section keys).
SECTION_IDS = frozenset({
    "summary", "contact", "education", "residency", "fellowship", "board_certification",
    "licensure", "experience", "procedures", "skills", "research", "publications",
    "presentations", "teaching", "memberships", "cme", "awards", "references", "languages",
    "volunteer", "interests", "projects", "leadership", "certifications",
})

#: Sections expected when a profile says nothing: any resume has these.
DEFAULT_SECTIONS: tuple[tuple[str, ...], ...] = (("education",), ("experience",))


def word_pattern(words: tuple[str, ...]) -> re.Pattern[str] | None:
    """One case-insensitive pattern matching any of ``words`` as whole words (None when
    there are none)."""
    if not words:
        return None
    parts = [word_regex(word) for word in sorted(words, key=lambda w: (-len(w), w))]
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)", re.IGNORECASE)


def word_regex(word: str) -> str:
    """The regular expression of one listed wording: its words in order, a hyphen or a
    space between them, and any word ending in ``*`` open-ended."""
    pieces = []
    for piece in re.split(r"[-\s]+", word.strip()):
        stem = piece.rstrip("*")
        pieces.append(re.escape(stem) + (r"\w*" if piece.endswith("*") else ""))
    return r"[-\s]?".join(pieces)


@dataclass(frozen=True)
class Conventions:
    """A profession's expectations of its documents (``[conventions]`` of a profile)."""

    #: How messages name the document ("physician CV").
    document: str = "resume"
    #: Sections the document should have; each entry is satisfied by any of its ids
    #: (written ``"residency|fellowship"`` in the profile).
    expected_sections: tuple[tuple[str, ...], ...] = DEFAULT_SECTIONS
    #: Research and publications are expected (S106, Q103).
    research_expected: bool = False
    #: Wordings of continuing education; the no-CME check (Q104) runs only when set.
    continuing_education: tuple[str, ...] = ()
    #: Words of hands-on procedures; hedged claims about them (Q102) are flagged.
    procedure_words: tuple[str, ...] = ()
    #: Nouns whose counts are volumes ("450 injections"), beside the generic ones (Q101).
    outcome_nouns: tuple[str, ...] = ()
    #: Words that name a post in a cover letter ("physician", "professor") (L101).
    role_words: tuple[str, ...] = ()
    #: Words of care for the people served; the letter check (L106) runs only when set.
    people_words: tuple[str, ...] = ()
    #: Words of working with others, beside the generic ones (L107).
    collaboration_words: tuple[str, ...] = ()
    #: (finding code, fix) pairs: a fix in the profession's own words, instead of the
    #: generic one of the rule.
    fixes: tuple[tuple[str, str], ...] = ()

    def pattern(self, name: str) -> re.Pattern[str] | None:
        """The compiled pattern of one word list (compiled once per profile)."""
        return _compiled(self, name)

    def fix(self, code: str) -> str | None:
        return dict(self.fixes).get(code)


def _compiled(conventions: Conventions, name: str) -> re.Pattern[str] | None:
    patterns = conventions.__dict__.get("_patterns")
    if patterns is None:
        patterns = {}
        object.__setattr__(conventions, "_patterns", patterns)
    if name not in patterns:
        patterns[name] = word_pattern(getattr(conventions, name))
    return patterns[name]


def parse_conventions(raw: Any, where: str,
                      err: Callable[[str, str], Exception]) -> Conventions:
    """Validate a ``[conventions]`` table; ``err(where, reason)`` builds the load error."""
    if not isinstance(raw, dict):
        raise err(where, f"must be a table, not {type(raw).__name__}")
    for key in raw:
        if key not in KEYS:
            raise err(f"{where}.{key}", f"unknown key {key!r} (allowed: {', '.join(KEYS)})")
    values: dict[str, Any] = {}
    if "document" in raw:
        values["document"] = _text(raw["document"], f"{where}.document", err)
    if "research_expected" in raw:
        if not isinstance(raw["research_expected"], bool):
            raise err(f"{where}.research_expected", "must be true or false")
        values["research_expected"] = raw["research_expected"]
    if "expected_sections" in raw:
        entries = _words(raw["expected_sections"], f"{where}.expected_sections", err)
        sections = []
        for i, entry in enumerate(entries):
            ids = tuple(s.strip() for s in entry.split("|"))
            unknown = [s for s in ids if s not in SECTION_IDS]
            if unknown:
                raise err(f"{where}.expected_sections[{i}]",
                          f"unknown section {unknown[0]!r} (known: "
                          f"{', '.join(sorted(SECTION_IDS))})")
            sections.append(ids)
        values["expected_sections"] = tuple(sections)
    for key in ("continuing_education", "procedure_words", "outcome_nouns", "role_words",
                "people_words", "collaboration_words"):
        if key in raw:
            values[key] = _words(raw[key], f"{where}.{key}", err)
    if "fixes" in raw:
        fixes = raw["fixes"]
        if not isinstance(fixes, dict):
            raise err(f"{where}.fixes", "must be a table of finding code = fix text")
        for code, text in fixes.items():
            if not re.fullmatch(r"[A-Z]\d{3}", code):
                raise err(f"{where}.fixes.{code}", f"{code!r} is not a finding code")
            _text(text, f"{where}.fixes.{code}", err)
        values["fixes"] = tuple((code, " ".join(text.split()))
                                for code, text in sorted(fixes.items()))
    return Conventions(**values)


def _text(value: Any, where: str, err: Callable[[str, str], Exception]) -> str:
    if not isinstance(value, str) or not value.strip():
        raise err(where, "must be a non-empty string")
    return " ".join(value.split())


def _words(value: Any, where: str, err: Callable[[str, str], Exception]) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise err(where, "must be a list of strings")
    out = []
    for i, item in enumerate(value):
        if not isinstance(item, str) or not item.strip() or item.strip() == "*":
            raise err(f"{where}[{i}]", "must be a non-empty string")
        out.append(" ".join(item.split()))
    return tuple(out)


def conventions_to_toml(conventions: Conventions, quote: Callable[[str], str],
                        listing: Callable[[str, tuple[str, ...]], str]) -> list[str]:
    """The ``[conventions]`` table as TOML lines (empty when it is all defaults)."""
    if conventions == Conventions():
        return []
    lines = ["", "[conventions]", f"document = {quote(conventions.document)}",
             listing("expected_sections",
                     tuple("|".join(ids) for ids in conventions.expected_sections)),
             f"research_expected = {'true' if conventions.research_expected else 'false'}"]
    for key in ("continuing_education", "procedure_words", "outcome_nouns", "role_words",
                "people_words", "collaboration_words"):
        lines.append(listing(key, getattr(conventions, key)))
    if conventions.fixes:
        lines += ["", "[conventions.fixes]"]
        lines += [f"{code} = {quote(text)}" for code, text in conventions.fixes]
    return lines
