"""Find section headings and tell every block which section it sits in.

A heading is found by wording and by shape: a short line that is a known section name
("Board Certification", "Licensure", ...), or a short line in capitals, or one the reader
already marked (a Word "Heading" style, a Markdown ``#``). Bold or larger type alone is
not enough for an unknown wording: a bold job title inside "Experience" must not start a
section of its own.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from resumecheck.models import Block, Origin
from resumecheck.normalize import text_key

#: Canonical section key -> the wordings that name it (compared lower-cased, with "&"
#: read as "and" and punctuation dropped). Physician CVs and ordinary resumes alike.
SECTION_SYNONYMS: dict[str, tuple[str, ...]] = {
    "summary": (
        "summary", "profile", "professional summary", "career summary", "objective",
        "career objective", "professional profile", "about", "about me", "personal statement",
        "summary of qualifications", "qualifications summary",
    ),
    "contact": ("contact", "contact information", "contact details", "personal information",
                "personal details"),
    "education": (
        "education", "medical education", "academic background", "education and training",
        "academic history", "educational background", "academic qualifications",
    ),
    "residency": ("residency", "residency training", "internship", "internship and residency",
                  "internship residency"),
    "fellowship": (
        "fellowship", "fellowships", "fellowship training", "postgraduate training",
        "post graduate training", "graduate medical education", "training",
        "postgraduate education", "clinical training",
    ),
    "board_certification": (
        "board certification", "board certifications", "certifications", "certification",
        "board status", "board certification and licensure", "certifications and licenses",
        "certifications and licensure", "board certifications and licensure",
    ),
    "licensure": ("licensure", "medical licenses", "medical licensure", "licenses", "license",
                  "state licenses", "licensure and certification", "licenses and certifications"),
    "experience": (
        "experience", "clinical experience", "professional experience", "work experience",
        "employment", "employment history", "work history", "appointments",
        "hospital appointments", "academic appointments", "professional appointments",
        "career history", "relevant experience", "positions held", "clinical appointments",
    ),
    "procedures": ("procedures", "procedural skills", "interventional procedures",
                   "procedural experience", "procedures performed"),
    "skills": (
        "skills", "clinical skills", "technical skills", "core competencies", "competencies",
        "key skills", "areas of expertise", "expertise", "skills and competencies",
        "skills and awards", "clinical interests and skills",
    ),
    "research": ("research", "research experience", "research interests", "clinical research",
                 "research activities"),
    "publications": ("publications", "peer reviewed publications", "selected publications",
                     "publications and presentations", "bibliography"),
    "presentations": ("presentations", "posters", "abstracts", "poster presentations",
                      "oral presentations", "invited talks", "lectures",
                      "abstracts and presentations"),
    "teaching": ("teaching", "teaching experience", "teaching activities", "mentoring",
                 "teaching and mentoring"),
    "memberships": (
        "professional memberships", "memberships", "professional organizations",
        "professional organisations", "affiliations", "professional affiliations",
        "societies", "professional societies", "organizations",
    ),
    "cme": ("continuing medical education", "continuing education", "cme",
            "continuing professional development", "cpd"),
    "awards": ("awards", "honors", "honours", "honors and awards", "awards and honors",
               "honours and awards", "awards and honours", "achievements", "distinctions"),
    "references": ("references", "referees", "references available upon request"),
    "languages": ("languages", "language skills", "language proficiency"),
    "volunteer": ("volunteer", "volunteering", "volunteer experience", "community service",
                  "service", "volunteer work", "community involvement"),
    "interests": ("interests", "hobbies", "hobbies and interests", "personal interests",
                  "activities", "extracurricular activities"),
    "projects": ("projects", "selected projects", "quality improvement projects"),
    "leadership": ("leadership", "leadership experience", "committees",
                   "committee service", "administrative experience"),
}

_LOOKUP: dict[str, str] = {
    syn: key for key, syns in SECTION_SYNONYMS.items() for syn in syns
}
# Longest first, so "board certifications and licensure" beats "licensure".
_BY_LENGTH = sorted(_LOOKUP, key=lambda s: (-len(s), s))

#: Every canonical section key.
SECTION_KEYS = frozenset(SECTION_SYNONYMS)

MAX_HEADING_WORDS = 6
_SENTENCE_END = (".", ",", ";", "!", "?")


def canonical_section(heading_text: str) -> str | None:
    """The canonical key a heading's wording names, or None when it is not a known one."""
    return _LOOKUP.get(text_key(heading_text))


def _contained_section(heading_text: str) -> str | None:
    """A known wording inside a longer heading ("Fellowship and Residency Training")."""
    form = f" {text_key(heading_text)} "
    for syn in _BY_LENGTH:
        if f" {syn} " in form:
            return _LOOKUP[syn]
    return None


def _short(text: str) -> bool:
    words = text.split()
    return 0 < len(words) <= MAX_HEADING_WORDS and not text.rstrip().endswith(_SENTENCE_END)


def _letters(text: str) -> str:
    return "".join(c for c in text if c.isalpha())


def looks_like_heading(text: str, *, marked: bool = False) -> bool:
    """Shape test used by readers (to split a PDF box) and by :func:`assign_sections`."""
    text = text.strip()
    if not _short(text):
        return False
    letters = _letters(text)
    if len(letters) < 2:
        return False
    if marked or canonical_section(text.rstrip(":")) is not None:
        return True
    # Capitals: "PROCEDURES", "SKILLS & AWARDS". Five letters at least, so an acronym
    # on its own line or in a table cell ("MD", "EMR", "CI/CD") is not a heading.
    return len(letters) >= 5 and letters.isupper()


def heading_key(text: str, *, styled: bool) -> str:
    """Section key for a heading: canonical when known, else its own wording lower-cased."""
    stripped = text.strip().rstrip(":").strip()
    key = canonical_section(stripped)
    if key is None and styled:
        key = _contained_section(stripped)
    return key or " ".join(stripped.lower().split())


_UNSECTIONED = frozenset({Origin.HEADER, Origin.FOOTER, Origin.FOOTNOTE})


def assign_sections(blocks: Iterable[Block]) -> tuple[Block, ...]:
    """Mark headings and give each block the section of the last heading before it.

    Heading-like lines above the first known section (a name, a job title) are the top of
    the document, not sections of their own: they and what follows them stay unsectioned
    until the first known heading.
    """
    out: list[Block] = []
    section: str | None = None
    title: str | None = None
    known_seen = False
    for block in blocks:
        if block.origin in _UNSECTIONED:
            out.append(dataclasses.replace(block, section=None, section_title=None,
                                           is_heading=False))
            continue
        text = block.text.strip()
        if not block.hidden and looks_like_heading(text, marked=block.is_heading):
            letters = _letters(text)
            styled = block.is_heading or letters.isupper()
            key = heading_key(text, styled=styled)
            if key in SECTION_KEYS:
                known_seen = True
            if known_seen:
                section, title = key, text.rstrip(":").strip()
            out.append(dataclasses.replace(block, section=section, section_title=title,
                                           is_heading=True))
            continue
        out.append(dataclasses.replace(block, section=section, section_title=title,
                                       is_heading=False))
    return tuple(out)
