"""Structure findings: the sections a physician CV is expected to have, headings an ATS can
file, a sensible length and one way of writing dates.

Sections are recognised by the canonical keys that :mod:`resumecheck.sections` gives
headings, so "Clinical Experience" and "Professional Appointments" both count as experience.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from resumecheck.checks import CheckContext, check
from resumecheck.models import Block, Document, Finding, Kind, Severity
from resumecheck.normalize import text_key
from resumecheck.rules import finding, rule
from resumecheck.sections import SECTION_SYNONYMS

#: A neutral summary line that makes the examples long enough to be judged.
EXAMPLE_SUMMARY = ("Interventional pain medicine physician treating chronic back, neck and "
                   "neuropathic pain in an outpatient clinic.")
_CV_HEAD = ("Jordan Avery, MD\njordan.avery@example.com | (555) 010-0199\n\n"
            + EXAMPLE_SUMMARY + "\n\n")
_TRAINING = ("RESIDENCY\nAnesthesiology residency, Lakeview Medical Center, 2014-2018.\n\n"
             "FELLOWSHIP\nPain medicine fellowship, Lakeview Medical Center, 2018-2019.\n\n")


@dataclass(frozen=True, slots=True)
class _Section:
    """How to tell that one expected section is there."""

    code: str
    label: str
    #: Words that, inside a heading's wording, show the section is there under a combined
    #: name ("Board Certification and Licensure" also counts as licensure).
    heading_words: tuple[str, ...]
    #: Body text that shows the content is present under another heading (a residency
    #: listed under "Education and Training"); None when only a heading will do.
    body_pattern: re.Pattern[str] | None = None


#: Sections a profile may expect (``[conventions] expected_sections``), by section id.
_SECTIONS: dict[str, _Section] = {
    "education": _Section("S101", "Education", ("education", "medical school")),
    "residency": _Section("S102", "Residency", ("residency", "training", "internship"),
                          re.compile(r"\b(residency|internship)\b", re.IGNORECASE)),
    "fellowship": _Section("S102", "Fellowship", ("fellowship", "training"),
                           re.compile(r"\bfellowship\b", re.IGNORECASE)),
    "board_certification": _Section("S103", "Board Certification",
                                    ("board", "certification", "certifications")),
    "licensure": _Section("S104", "Licensure", ("licensure", "license", "licenses")),
    "experience": _Section("S105", "Experience",
                           ("experience", "employment", "appointments", "positions",
                            "practice")),
}


def _expectation(ids: tuple[str, ...]) -> tuple[str, str, list[_Section]]:
    """(code, label, sections) of one expected-sections entry: any of ``ids`` will do."""
    known = [_SECTIONS[i] for i in ids if i in _SECTIONS]
    label = " or ".join(_SECTIONS[i].label if i in _SECTIONS else _title(i) for i in ids)
    code = known[0].code if known and len({k.code for k in known}) == 1 and \
        len(known) == len(ids) else "S111"
    return code, label, known


def _title(section_id: str) -> str:
    return section_id.replace("_", " ").title()


rule("S101", "missing-education", Severity.WARNING,
     "No Education section: an ATS has nowhere to find the degree.",
     "Add an 'Education' heading listing each degree, school and year.",
     "Tracking systems fill their education fields from the section named Education; "
     "without it, a degree often goes unrecorded and degree filters drop the document.",
     bad=_CV_HEAD + _TRAINING + "EXPERIENCE\nStaff physician, Riverside Pain Clinic, "
     "2019-2024.\n",
     good=_CV_HEAD + "EDUCATION\nDoctor of Medicine, Northgate School of Medicine, 2014.\n\n"
     + _TRAINING)

rule("S102", "missing-postgraduate-training", Severity.WARNING,
     "No residency or fellowship section: postgraduate training is not where an ATS "
     "looks for it.",
     "Add 'Residency' and 'Fellowship' headings (or 'Postgraduate Training') with program, "
     "institution and years.",
     "Physician postings screen on completed residency and an accredited fellowship; an ATS "
     "looks for them under their own headings or in the education section.",
     bad=_CV_HEAD + "EDUCATION\nDoctor of Medicine, Northgate School of Medicine, 2014.\n",
     good=_CV_HEAD + "EDUCATION\nDoctor of Medicine, Northgate School of Medicine, 2014.\n\n"
     + _TRAINING)

rule("S103", "missing-board-certification", Severity.WARNING,
     "No Board Certification section.",
     "Add a 'Board Certification' heading naming each board you are certified by, the "
     "specialty and the year; a certification still pending goes there with its status "
     "and examination date.",
     "Board status is a hard requirement in most physician postings and an ATS field of "
     "its own; under an unrelated heading it is easily missed.",
     bad=_CV_HEAD + _TRAINING,
     good=_CV_HEAD + _TRAINING + "BOARD CERTIFICATION\nAmerican Board of Anesthesiology, "
     "Pain Medicine, 2020.\n")

rule("S104", "missing-licensure", Severity.WARNING,
     "No Licensure section.",
     "Add a 'Licensure' heading listing each state license (active, unrestricted) and the "
     "DEA registration.",
     "Credentialing starts from the state license; recruiters and ATS filters look for it "
     "under Licensure.",
     bad=_CV_HEAD + _TRAINING,
     good=_CV_HEAD + _TRAINING + "LICENSURE\nState medical license, Ohio, active.\n")

rule("S105", "missing-experience", Severity.WARNING,
     "No Experience section.",
     "Add an 'Experience' heading with positions, employers and dates.",
     "Work history is the section every ATS parses first; positions written under other "
     "headings may not be recorded as experience at all.",
     bad=_CV_HEAD + _TRAINING,
     good=_CV_HEAD + _TRAINING + "CLINICAL EXPERIENCE\nAttending physician, Riverside Pain "
     "Clinic, 2019-2024.\n")

rule("S106", "research-without-heading", Severity.INFO,
     "Research or publications are mentioned, but there is no Publications or Research "
     "heading.",
     "Give publications, research and presentations their own heading.",
     "Academic and many private practices weigh scholarly work; an ATS files it only when it "
     "sits under a heading such as Publications or Research.",
     bad=_CV_HEAD + "EXPERIENCE\nAttending physician, 2019-2024. Published two peer-reviewed "
     "articles on radiofrequency ablation outcomes.\n",
     good=_CV_HEAD + "PUBLICATIONS\nAvery J. Radiofrequency ablation outcomes. J Pain Res. "
     "2022.\n")

rule("S107", "nonstandard-heading", Severity.INFO,
     "A section heading uses wording an ATS does not recognise.",
     "Use a conventional heading such as Experience, Education, Skills or Publications.",
     "Tracking systems sort a CV into fields by its headings; a creative heading ('My "
     "Journey') leaves everything under it unfiled.",
     bad=_CV_HEAD + "EDUCATION\nDoctor of Medicine, 2014.\n\nMY JOURNEY\nAttending "
     "physician, Riverside Pain Clinic, 2019-2024.\n",
     good=_CV_HEAD + "EDUCATION\nDoctor of Medicine, 2014.\n\nEXPERIENCE\nAttending "
     "physician, Riverside Pain Clinic, 2019-2024.\n")

SHORT_WORDS = 150
LONG_WORDS = 12_000
LONG_PAGES = 25

rule("S108", "cv-too-short", Severity.WARNING,
     f"The document has fewer than {SHORT_WORDS} words.",
     "List positions, training and skills in full, each with what you did and achieved.",
     "Matching works on words: a very short CV gives an ATS too little to match a posting "
     "against, and often means part of the file was not read.",
     bad=_CV_HEAD + "EXPERIENCE\nPain physician, 2019-2024.\n",
     good=_CV_HEAD + "EXPERIENCE\n" + "Attending physician at Riverside Pain Clinic, treating "
     "chronic back, neck and neuropathic pain with injections, nerve blocks and "
     "medication management. " * 8 + "\n")

rule("S109", "cv-very-long", Severity.INFO,
     f"The document runs past {LONG_PAGES} pages or {LONG_WORDS:,} words.",
     "Put the most relevant facts first, and send a focused version for each post.",
     "Long academic CVs are normal, but some ATS stop reading after a set size and "
     "recruiters skim; the most relevant facts should come first.",
     bad="A 30-page academic CV of 14,000 words with every talk and abstract listed.",
     good="A 9-page CV of 3,500 words.",
     runnable=False)

rule("S110", "mixed-date-formats", Severity.INFO,
     "Dates are written in more than one format.",
     "Pick one format (for example 'Mar 2019' or '03/2019') and use it for every date.",
     "Parsers compute time in each position from its dates; a mix of formats raises the "
     "chance that some are misread, and it looks careless to a reader.",
     bad=_CV_HEAD + "EXPERIENCE\nAttending physician, March 2019 - present.\n\nStaff "
     "physician, 06/2016 - 02/2019.\n\nLocum physician, January 2015 - May 2016.\n",
     good=_CV_HEAD + "EXPERIENCE\nAttending physician, March 2019 - present.\n\nStaff "
     "physician, June 2016 - February 2019.\n\nLocum physician, January 2015 - May 2016.\n")

rule("S111", "missing-section", Severity.WARNING,
     "A section the profile expects of this profession's documents is missing.",
     "Add the section under its usual heading.",
     "Each profile names the sections a document of its profession should have (its "
     "[conventions] expected_sections); S101-S105 cover education, postgraduate training, "
     "board certification, licensure and experience, and this code any other section. "
     "The examples need a profile that expects, say, a Skills section.",
     bad="A profile expecting 'skills'; a resume with no Skills heading.",
     good="The same resume with a SKILLS heading and its list.", runnable=False)

_CANONICAL = frozenset(SECTION_SYNONYMS)
RESEARCH_KEYS = ("research", "publications", "presentations")
RESEARCH_WORDS = re.compile(
    r"\b(publications?|published|peer[- ]reviewed|journal|manuscripts?|abstracts?|posters?|"
    r"research|investigator|co-?author(ed)?|pubmed|doi)\b", re.IGNORECASE)

#: Creative wordings seen on CVs and the standard heading to use instead.
_RENAMES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p, re.IGNORECASE), name) for p, name in (
        (r"\b(journey|story|path|career|where i.?ve (worked|been)|track record|"
         r"background|practice history)\b", "Experience"),
        (r"\b(toolbox|toolkit|what i (do|offer|bring)|strengths|abilities|capabilities)\b",
         "Skills"),
        (r"\b(schooling|studies|learning|academics?|degrees?)\b", "Education"),
        (r"\b(get in touch|reach me|find me|links?|websites?|online|social)\b", "Contact"),
        (r"\b(giving back|community)\b", "Volunteer Experience"),
        (r"\b(scholarship|scholarly|papers?|writing)\b", "Publications"),
        (r"\b(credentials?|boards?)\b", "Board Certification"),
    ))


def _headings(document: Document) -> list[tuple[int, Block]]:
    return [(i, b) for i, b in enumerate(document.blocks) if b.is_heading and not b.hidden]


#: Below this many visible words there is too little to judge sections, contact details or
#: content: only the length finding (S108) and the parse findings speak, instead of a dozen
#: "missing" findings about a file that was barely read.
MIN_WORDS_TO_JUDGE = 20


def visible_words(document: Document) -> int:
    return sum(len(b.text.split()) for b in document.blocks if not b.hidden)


def enough_text(document: Document) -> bool:
    """Whether the document has enough readable text for content checks to mean anything."""
    return visible_words(document) >= MIN_WORDS_TO_JUDGE


def _present(document: Document, ids: tuple[str, ...], sections: list[_Section]) -> bool:
    keys = {b.section for b in document.blocks if not b.hidden and b.section}
    if keys & set(ids):
        return True
    words = [w for section in sections for w in section.heading_words]
    words += [w for i in ids if i not in _SECTIONS for w in text_key(i).split()]
    for _, b in _headings(document):
        heading = f" {text_key(b.text)} "
        if any(f" {w} " in heading for w in words):
            return True
    patterns = [section.body_pattern for section in sections if section.body_pattern]
    return any(p.search(b.text) for p in patterns for b in document.blocks
               if not b.hidden and b.section == "education")


@check
def missing_sections(ctx: CheckContext) -> Iterator[Finding]:
    if ctx.kind != Kind.RESUME or not enough_text(ctx.document):
        return
    conventions = ctx.profile.conventions
    for ids in conventions.expected_sections:
        code, label, sections = _expectation(ids)
        if not _present(ctx.document, ids, sections):
            yield finding(code, f'No "{label}" section found.')
    if not conventions.research_expected:
        return
    doc = ctx.document
    keys = {b.section for b in doc.blocks if b.section}
    if keys & set(RESEARCH_KEYS) or any(
            any(f" {k} " in f" {text_key(b.text)} " for k in RESEARCH_KEYS)
            for _, b in _headings(doc)):
        return
    for i, b in enumerate(doc.blocks):
        m = RESEARCH_WORDS.search(b.text)
        if m and not b.hidden and not b.is_heading:
            yield finding("S106", f'Research is mentioned ("{m.group(0)}") but has no heading '
                                  "of its own; add a Publications or Research heading.",
                          doc.location(i))
            return


def _suggestion(heading: str) -> str | None:
    for pattern, name in _RENAMES:
        if pattern.search(heading):
            return name
    return None


@check
def nonstandard_headings(ctx: CheckContext) -> Iterator[Finding]:
    if ctx.kind != Kind.RESUME or not enough_text(ctx.document):
        return
    doc = ctx.document
    seen_standard = False
    for i, b in _headings(doc):
        if b.section in _CANONICAL:
            seen_standard = True
            continue
        # Lines above the first standard heading are the name and job title, styled as
        # headings by many templates; they are not section names.
        if not seen_standard:
            continue
        title = b.section_title or b.text
        name = _suggestion(title)
        advice = (f'rename it to "{name}"' if name else
                  "use a standard name such as Experience, Education or Skills")
        yield finding("S107", f'Heading "{title}" is not a section name tracking systems '
                              f"recognise; {advice}.", doc.location(i))


@check
def length(ctx: CheckContext) -> Iterator[Finding]:
    if ctx.kind != Kind.RESUME:
        return
    doc = ctx.document
    words = visible_words(doc)
    if not words:
        return  # nothing was read: the parse findings say why
    if words < SHORT_WORDS:
        yield finding("S108", f"Only {words} words: too little for an ATS to match, and short "
                              f"for a {ctx.profile.conventions.document}.")
    elif doc.page_count > LONG_PAGES or words > LONG_WORDS:
        size = f"{doc.page_count} pages, " if doc.page_count else ""
        yield finding("S109", f"The CV is long ({size}{words:,} words); put the most relevant "
                              "facts first.")


_MONTHS_FULL = ("january|february|march|april|june|july|august|september|october|november|"
                "december")
_MONTHS_ABBR = "jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec"
_YEAR = r"(?:19[5-9]\d|20[0-4]\d)"
#: Date styles that carry a month; a bare year is not counted (years alone are a
#: consistent style of their own, and every CV has them in citations).
_DATE_STYLES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (label, re.compile(p, re.IGNORECASE)) for label, p in (
        ("March 2019", rf"\b(?:{_MONTHS_FULL}),?\s+{_YEAR}\b"),
        ("Mar. 2019", rf"\b(?:{_MONTHS_ABBR})\.\s*,?\s*{_YEAR}\b"),
        ("Mar 2019", rf"\b(?:{_MONTHS_ABBR}),?\s+{_YEAR}\b"),
        ("03/2019", rf"(?<![\d/.-])(?:0?[1-9]|1[0-2])/{_YEAR}\b"),
        ("2019-03", rf"(?<![\d/.-]){_YEAR}-(?:0[1-9]|1[0-2])(?![\d-])"),
        ("03-2019", rf"(?<![\d/.-])(?:0[1-9]|1[0-2])-{_YEAR}\b"),
        ("03.2019", rf"(?<![\d/.-])(?:0[1-9]|1[0-2])\.{_YEAR}\b"),
    ))
#: Sections whose dates follow a citation style, not the CV's own.
_CITATION_SECTIONS = frozenset({"publications", "presentations", "research", "references"})


@check
def date_formats(ctx: CheckContext) -> Iterator[Finding]:
    if ctx.kind != Kind.RESUME or not enough_text(ctx.document):
        return
    doc = ctx.document
    found: dict[str, list[int]] = {}
    for i, b in enumerate(doc.blocks):
        if b.hidden or b.section in _CITATION_SECTIONS:
            continue
        for label, pattern in _DATE_STYLES:
            hits = len(pattern.findall(b.text))
            found.setdefault(label, []).extend([i] * hits)
    styles = {k: v for k, v in found.items() if v}
    if len(styles) < 2:
        return
    # The first style in order of use is the tie-breaker, so the output is stable.
    ranked = sorted(styles, key=lambda k: (-len(styles[k]), styles[k][0]))
    usual, odd = ranked[0], ranked[-1]
    where = doc.location(styles[odd][0])
    counts = ", ".join(f'"{k}" style {len(styles[k])}x' for k in ranked)
    yield finding("S110", f'Dates are written in {len(ranked)} formats ({counts}); write the '
                          f'"{odd}" ones like the others ("{usual}").', where)
