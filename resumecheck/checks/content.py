"""Content findings: does the CV show results, own its procedures, and show scholarship and
continuing education? Ranking systems and recruiters both favour concrete, owned claims.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from resumecheck.checks import CheckContext, check
from resumecheck.checks.contact import PROFILE
from resumecheck.checks.structure import EXAMPLE_SUMMARY, RESEARCH_KEYS, RESEARCH_WORDS, enough_text
from resumecheck.claims import EMPLOYER, GENERIC, HEADING_ALONE, HEDGED, NEGATED, PENDING, PLANNED
from resumecheck.conventions import Conventions, word_regex
from resumecheck.models import Block, Document, Finding, Kind, Match, Severity
from resumecheck.personal import blanked, mark
from resumecheck.rules import finding, rule

_HEAD = ("Jordan Avery, MD\njordan.avery@example.com | (555) 010-0199\n\n"
         + EXAMPLE_SUMMARY + "\n\n")

MIN_OUTCOMES = 3
DEFAULT = Conventions()
MAX_HEDGED = 5

rule("Q101", "few-quantified-outcomes", Severity.WARNING,
     f"Fewer than {MIN_OUTCOMES} quantified outcomes (volumes, counts, percentages).",
     "Add numbers to the claims that matter: how many, how much, how much better "
     "('400 cases a year', 'cut waiting times by 30%').",
     "Numbers are what recruiters and ranking models read as evidence; 'handled cases' says "
     "less than '400 cases a year'. Dates, phone numbers and postal codes are not counted; "
     "a profile adds the nouns its profession counts (patients, injections...).",
     bad=_HEAD + "EXPERIENCE\nAttending physician, Riverside Pain Clinic, 2019-2024.\n"
     "- Performed epidural steroid injections and nerve blocks.\n- Managed chronic pain "
     "patients.\n",
     good=_HEAD + "EXPERIENCE\nAttending physician, Riverside Pain Clinic, 2019-2024.\n"
     "- Performed 450+ fluoroscopically guided epidural steroid injections.\n- Completed 210 "
     "radiofrequency ablations.\n- Reduced average opioid doses by 30% over two years.\n")

rule("Q102", "hedged-procedure-claim", Severity.WARNING,
     "A term or procedure is mentioned but not claimed: hedged ('assisted with', 'observed', "
     "'exposure to'), negated ('not yet'), planned ('will apply for'), pending ('application "
     "submitted', 'board eligible') or a heading with nothing under it.",
     "State what you performed or hold yourself and how many times ('Performed 40 kyphoplasty "
     "procedures as primary operator'); leave out procedures you only watched, and give a "
     "pending credential its expected date instead of its name alone.",
     "Credentialing and recruiters read 'assisted with' and 'exposure to' as 'cannot do it "
     "independently'. Such a mention earns no points: the term stays missing, and this finding "
     "says why, where. In a cover letter, plans and the employer's own words are expected and "
     "not reported.",
     bad=_HEAD + "FELLOWSHIP\n- Assisted with kyphoplasty procedures.\n- Exposure to spinal "
     "cord stimulator implants.\n",
     good=_HEAD + "FELLOWSHIP\n- Performed 40 kyphoplasty procedures as primary operator.\n"
     "- Implanted 12 spinal cord stimulators.\n")

rule("Q103", "no-research", Severity.INFO,
     "No research, publications or presentations anywhere in the CV.",
     "Add a Publications or Research section: papers, abstracts, posters, quality-improvement "
     "projects or talks all count.",
     "Academic posts require scholarship and many practices ask for it; a CV with none "
     "misses every research-related term in a posting.",
     bad=_HEAD + "EXPERIENCE\nAttending physician, Riverside Pain Clinic, 2019-2024.\n",
     good=_HEAD + "PUBLICATIONS\nAvery J. Outcomes of lumbar radiofrequency ablation. "
     "J Pain Res. 2022.\n")

rule("Q104", "no-cme", Severity.INFO,
     "No continuing medical education (CME) is mentioned.",
     "Add a 'Continuing Medical Education' section with recent courses, credit totals and "
     "maintenance of certification.",
     "Licensure and board certification depend on CME, and postings often ask for current "
     "CME; listing it shows the credentials are kept up.",
     bad=_HEAD + "EXPERIENCE\nAttending physician, Riverside Pain Clinic, 2019-2024.\n",
     good=_HEAD + "CONTINUING MEDICAL EDUCATION\n120 AMA PRA Category 1 credits, 2022-2025.\n")

_NUMBER = r"(?P<n>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
#: Nouns whose counts are volumes in any line of work; a profile adds its own
#: (``[conventions] outcome_nouns``: patients, injections, cases...).
_VOLUME_NOUNS = (
    r"clients?|customers?|users|members|transactions|projects?|accounts?|employees|"
    r"people|students?|trainees?|staff|sites?|locations?|lectures?|talks?|grants?|studies|"
    r"publications?|papers?|teams?|reports?|courses?|orders?|deliver(?:y|ies)|events?"
)
#: Outcome and volume numbers. Each has a group ``n`` so overlapping patterns that hit the
#: same number count it once. ``<nouns>`` is filled with the volume nouns of the profile.
_OUTCOME_TEMPLATES = (
    rf"(?<![\w.]){_NUMBER}\s?(?:%|percent\b|per cent\b)",
    rf"(?<![\w.]){_NUMBER}\s?[kKmM]?\+(?!\s*(?:years?|yrs?)\b)",
    rf"[$€£]\s?{_NUMBER}\s?(?:[kKmMbB]\b|million\b|billion\b)?",
    rf"(?<![\w.$€£/-]){_NUMBER}[kK]?(?:\s+[A-Za-z()-]+){{0,4}}?\s+(?:<nouns>)\b",
    rf"\b(?:reduc|increas|improv|decreas|lower|rais|cut|grew|grow|sav|shorten|doubl)\w*"
    rf"\b[^.;]{{0,60}}?\bby\s+(?:about\s+|nearly\s+|over\s+)?{_NUMBER}",
)


def outcome_patterns(conventions: Conventions) -> tuple[re.Pattern[str], ...]:
    """The outcome patterns, with the profile's volume nouns beside the generic ones."""
    extra = [word_regex(w) for w in conventions.outcome_nouns]
    nouns = "|".join([*extra, _VOLUME_NOUNS])
    return tuple(re.compile(t.replace("<nouns>", nouns), re.IGNORECASE)
                 for t in _OUTCOME_TEMPLATES)


_YEAR = re.compile(r"^(?:19[5-9]\d|20[0-4]\d)$")
_ZIP = re.compile(r"\b[A-Z]{2}\s+\d{5}(?:-\d{4})?\b")
#: Sections whose numbers are citations (volume, page, year), not outcomes.
_CITATION_SECTIONS = frozenset({"publications", "presentations", "references"})

_HEDGE = re.compile(
    r"\b(observed|observing|assisted (?:with|in|on)|assisting (?:with|in|on)|exposure to|"
    r"exposed to|familiar(?:ity)? with|shadow(?:ed|ing)|participated in|involved in|"
    r"introduction to|some experience (?:with|in))\b", re.IGNORECASE)
#: Hedged words inside research are about study roles, not clinical skills.
_NOT_CLINICAL = frozenset({"research", "publications", "presentations", "references"})

def _visible(document: Document) -> list[tuple[int, Block]]:
    return [(i, b) for i, b in enumerate(document.blocks) if not b.hidden and b.text.strip()]


def _scrub(document: Document, index: int) -> str:
    """A block's text without what looks like a number but is contact detail."""
    text = blanked(document, index)
    text = PROFILE.sub(" ", text)
    return _ZIP.sub(" ", text)


def quantified_outcomes(document: Document,
                        conventions: Conventions = DEFAULT) -> list[tuple[int, str]]:
    """(block index, surrounding words) of every outcome or volume number, in order."""
    found: dict[tuple[int, int], str] = {}
    patterns = outcome_patterns(conventions)
    document = mark(document)
    for i, b in _visible(document):
        if b.section in _CITATION_SECTIONS:
            continue
        text = _scrub(document, i)
        for pattern in patterns:
            for m in pattern.finditer(text):
                if _YEAR.match(m.group("n")):
                    continue
                found.setdefault((i, m.start("n")), m.group(0).strip())
    return [(i, words) for (i, _), words in sorted(found.items())]


@check
def outcomes(ctx: CheckContext) -> Iterator[Finding]:
    if ctx.kind != Kind.RESUME or not enough_text(ctx.document):
        return
    hits = quantified_outcomes(ctx.document, ctx.profile.conventions)
    if len(hits) >= MIN_OUTCOMES:
        return
    if not hits:
        yield finding("Q101", "No quantified outcomes (volumes, counts, percentages) found.")
        return
    shown = "; ".join(f'"{w}"' for _, w in hits)
    yield finding("Q101", f"Only {len(hits)} quantified outcome(s) found ({shown}); aim for "
                          f"at least {MIN_OUTCOMES}.", ctx.document.location(hits[0][0]))


def _quote(text: str, limit: int = 70) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


#: Reasons a cover letter gives naturally: plans and the employer's own words.
_LETTER_REASONS = (PLANNED, EMPLOYER)
#: What to do about a mention, by the status it states: (the message's ending, the fix).
#: A pending or planned credential is never to be claimed, only dated.
_BY_STATUS: dict[str, tuple[str, str]] = {
    PENDING: ("keep the status and give its date",
              "Keep the status as it is and give its date: the examination date, or when you "
              "expect the result (\"Board eligible; examination October 2026\")."),
    PLANNED: ("give its dates",
              "Give the dates: when it starts and when you expect to complete it "
              "(\"Pain Medicine Fellowship, matched; July 2026 - June 2027\")."),
    NEGATED: ("leave it so while it is true",
              "Leave it as it is while it is true; once it changes, state it plainly."),
    HEDGED: ("say what you have done yourself, and how many",
             "If you performed it yourself, say so and how many times (\"Performed 40 "
             "kyphoplasty procedures as primary operator\"); leave out what you only watched."),
    HEADING_ALONE: ("list what it heads, or remove the heading",
                    "List under the heading what you hold, with who granted it and the year; "
                    "if there is nothing to list yet, remove the heading."),
}


@check
def hedged_claims(ctx: CheckContext) -> Iterator[Finding]:
    doc = ctx.document
    if not enough_text(doc):
        return
    reported = 0
    done: set[int] = set()
    for block, names, match in _mentioned_terms(ctx):
        status = match.reason.split(":", 1)[0]
        ending, fix = _BY_STATUS.get(status, ("say what you have done or hold yourself, and "
                                              "how many", None))
        yield finding("Q102", f"{names} mentioned, not claimed ({match.reason}): "
                              f'"{_quote(match.sentence)}"; {ending}.', match.location, fix=fix)
        done.add(block)
        reported += 1
        if reported == MAX_HEDGED:
            return
    # Hedged wording about the profession's procedures, where no profile term was hedged.
    procedure = ctx.profile.conventions.pattern("procedure_words")
    if procedure is None:
        return
    for i, b in _visible(doc):
        if i in done or b.section in _NOT_CLINICAL:
            continue
        hedge = _HEDGE.search(b.text)
        if hedge is None or procedure.search(b.text) is None:
            continue
        yield finding("Q102", f'Procedure claimed with "{hedge.group(0)}": "{_quote(b.text)}"; '
                              "say what you performed yourself, and how many.",
                      doc.location(i))
        reported += 1
        if reported == MAX_HEDGED:
            return


def _mentioned_terms(ctx: CheckContext) -> list[tuple[int, str, Match]]:
    """(block, quoted term names, first match) per block where terms the document does not
    claim anywhere are mentioned without being claimed, in block order."""
    by_block: dict[int, list[tuple[str, Match]]] = {}
    for result in ctx.terms:
        if result.found:
            continue
        for m in result.matches:
            if m.hidden or m.counts or m.via == "broader" or m.reason == GENERIC \
                    or m.location.block is None or m.location.section in _NOT_CLINICAL:
                continue
            if ctx.kind == Kind.COVER_LETTER and m.reason.startswith(_LETTER_REASONS):
                continue
            by_block.setdefault(m.location.block, []).append((result.term, m))
            break
    out = []
    for block in sorted(by_block):
        items = sorted(by_block[block], key=lambda item: item[1].start)
        quoted = ", ".join(f'"{term}"' for term, _ in items[:4])
        more = f" and {len(items) - 4} more" if len(items) > 4 else ""
        verb = "is" if len(items) == 1 else "are"
        out.append((block, f"{quoted}{more} {verb}", items[0][1]))
    return out


@check
def research(ctx: CheckContext) -> Iterator[Finding]:
    if ctx.kind != Kind.RESUME or not ctx.profile.conventions.research_expected:
        return
    if not enough_text(ctx.document):
        return
    visible = _visible(ctx.document)
    if any(b.section in RESEARCH_KEYS or RESEARCH_WORDS.search(b.text) for _, b in visible):
        return
    yield finding("Q103", "No research, publications, posters or presentations mentioned.")


@check
def cme(ctx: CheckContext) -> Iterator[Finding]:
    continuing = ctx.profile.conventions.pattern("continuing_education")
    if ctx.kind != Kind.RESUME or continuing is None or not enough_text(ctx.document):
        return
    visible = _visible(ctx.document)
    if any(b.section == "cme" or continuing.search(b.text) for _, b in visible):
        return
    yield finding("Q104", "No continuing medical education (CME) mentioned.")
