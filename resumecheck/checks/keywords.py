"""Keyword findings: what the profile asks for and where the document has it."""

from __future__ import annotations

import re
from collections.abc import Iterator

from resumecheck.checks import CheckContext, check
from resumecheck.checks.structure import enough_text
from resumecheck.models import Finding, Kind, Level, Location, Severity
from resumecheck.rules import finding, rule

rule("K101", "required-term-missing", Severity.WARNING,
     "A term the profile marks as required does not appear anywhere a reader can see.",
     "Add the term in the wording shown, where it is true of you (a heading or a bullet in "
     "the matching section).",
     "Tracking systems filter on must-have terms before a person reads the file; a missing "
     "required term can drop the document from the shortlist.",
     bad="EXPERIENCE\nStaff physician, Riverside Clinic, 2019-2024. Managed chronic back pain "
         "for adults referred by primary care, with physical therapists and psychologists on "
         "the team.",
     good="EDUCATION\nMD, State University, 2010. Anesthesiology residency, 2010-2014.\n"
          "FELLOWSHIP\nACGME-accredited pain medicine fellowship, 2014-2015.\n"
          "BOARD CERTIFICATION\nBoard certified; certified in pain medicine.\n"
          "LICENSURE\nWisconsin medical license.\n"
          "EXPERIENCE\nChronic pain care: epidural steroid injections, nerve blocks, "
          "radiofrequency ablation, spinal cord stimulation; led opioid stewardship.")


@check
def required_terms_missing(ctx: CheckContext) -> Iterator[Finding]:
    # A letter is not a list of credentials: its required terms still score, but their
    # absence is the resume's finding (and L111's, when the resume is given).
    if ctx.kind == Kind.COVER_LETTER:
        return
    if not enough_text(ctx.document):
        return  # a file that was barely read: the parse and length findings say why
    for t in ctx.terms:
        if t.level == Level.REQUIRED and not t.found:
            yield finding("K101", f'Required term "{t.term}" not found.', fix=t.tip)


# --------------------------------------------------------------------------- wording and place

#: Acronyms this short (MD, DO, CT) are read by every system and person; no advice on them.
MIN_ACRONYM = 3
#: Up to this many terms found only in one kind of fragile place get a finding each; more
#: get one finding naming the first FRAGILE_NAMED of them.
FRAGILE_EACH = 5
FRAGILE_NAMED = 8
#: Stuffing: this many visible mentions of one term, and this share of all words...
STUFFING_COUNT = 8
STUFFING_SHARE = 0.02
#: ...or this many mentions inside one block.
STUFFING_PER_BLOCK = 4

rule("K102", "acronym-without-long-form", Severity.INFO,
     "A term appears only as its acronym; the long form is never written.",
     "Write the long form once with the acronym after it, e.g. 'Radiofrequency Ablation (RFA)'.",
     "A tracking system searching for the long form will not find a bare acronym, and a "
     "reader outside the specialty may not know it.",
     bad="PROCEDURES\nRFA of lumbar medial branches, 300 cases.",
     good="PROCEDURES\nRadiofrequency ablation (RFA) of lumbar medial branches, 300 cases.")
rule("K103", "long-form-without-acronym", Severity.INFO,
     "A term appears only in its long form; its usual acronym is never written.",
     "Add the acronym once in brackets after the long form, e.g. 'spinal cord stimulation "
     "(SCS)'.",
     "Recruiters and tracking systems often search by the acronym alone.",
     bad="PROCEDURES\nSpinal cord stimulation trials and implants, 80 cases.",
     good="PROCEDURES\nSpinal cord stimulation (SCS) trials and implants, 80 cases.")
rule("K104", "term-only-in-fragile-place", Severity.WARNING,
     "A term is found only in a header, footer, text box or table, which many tracking "
     "systems skip or garble.",
     "Repeat the term in the body text (a bullet or a sentence); the place it is now may not "
     "be read.",
     "The term still counts in this report's score, but a system that drops headers, footers "
     "or text boxes will not see it. Examples need a DOCX or PDF with those parts, so they are "
     "described: bad = 'palliative care' only inside a floating text box; good = the same "
     "words also in a body paragraph.",
     bad="'palliative care' appears only inside a floating text box.",
     good="'palliative care' also appears in a body paragraph.", runnable=False)
rule("K105", "keyword-stuffing", Severity.WARNING,
     "A term is repeated far beyond natural use.",
     "Keep the term where it describes real experience and remove the repeats; repetition "
     "earns nothing here and reads as stuffing to people and to many systems.",
     "A term counts once in the score however often it appears. Flagged when it appears more "
     f"than {STUFFING_COUNT} times and makes up more than {STUFFING_SHARE:.0%} of the words, "
     f"or more than {STUFFING_PER_BLOCK} times in one paragraph or cell.",
     bad="SKILLS\nNerve block, nerve block, nerve block, nerve block, nerve block, nerve block.",
     good="SKILLS\nNerve blocks (stellate ganglion, lumbar sympathetic), 200 cases.")
rule("K106", "hidden-keyword", Severity.WARNING,
     "A term appears in text a reader cannot see (white on white, tiny type); it is not "
     "counted.",
     "Remove hidden text. Many tracking systems flag it as an attempt to game the ranking.",
     "Hidden text cannot be written in a plain-text example: bad = 'spinal cord stimulation' in "
     "white 1-point type in a PDF; good = the words in ordinary visible text.",
     bad="'spinal cord stimulation' in white 1-point type.",
     good="'spinal cord stimulation' in visible body text.", runnable=False)


def _all_terms(ctx: CheckContext):
    """Profile terms of this kind, with the profile record of each."""
    for result in ctx.terms:
        yield result, ctx.profile.term(result.id)


def abbreviates(acronym: str, wording: str) -> bool:
    """Whether ``acronym`` reads as short for ``wording``: its letters appear in order in the
    wording, starting with the wording's first letter ("PHN" for "postherpetic neuralgia",
    "USMLE" for "United States Medical Licensing Examination"; not "DJD" for "arthritis",
    nor "PCP" for "primary care")."""
    letters = [c for c in acronym.lower() if c.isalpha()]
    text = wording.lower()
    if not letters or not text or text[0] != letters[0]:
        return False
    pos = 0
    for c in letters:
        pos = text.find(c, pos)
        if pos < 0:
            return False
        pos += 1
    return True


def _long_form_for(acronym: str, term) -> str:
    """The term's wording the acronym stands for, else its preferred wording."""
    bare = acronym[:-1] if acronym.endswith("s") and acronym[:-1].isupper() else acronym
    for wording in (term.term, *term.aliases):
        if abbreviates(bare, wording):
            return wording
    return term.term


@check
def acronym_wording(ctx: CheckContext) -> Iterator[Finding]:
    for result, term in _all_terms(ctx):
        visible = [m for m in result.matches if m.counts and m.via in ("term", "alias",
                                                                          "acronym")]
        if not visible:
            continue
        long_acronyms = [a for a in term.acronyms if len(a) >= MIN_ACRONYM]
        vias = {m.via for m in visible}
        has_long = term.term not in term.acronyms
        if vias == {"acronym"} and has_long and any(m.surface.rstrip("s") in long_acronyms
                                                    or m.surface in long_acronyms
                                                    for m in visible):
            acronym = visible[0].surface
            long_form = _long_form_for(acronym, term)
            yield finding("K102", f'"{acronym}" is never written out as "{long_form}".',
                          location=visible[0].location,
                          fix=f'Write "{long_form} ({acronym})" once.')
        elif "acronym" not in vias and result.level in (Level.REQUIRED, Level.PREFERRED):
            # Only acronyms that abbreviate the wording actually used, and that the wording
            # does not already contain ("DEA registration" needs no "(DEA)").
            surface = visible[0].surface
            fitting = [a for a in long_acronyms
                       if abbreviates(a, surface) and a.lower() not in surface.lower().split()]
            if fitting:
                yield finding("K103", f'"{surface}" is never given its acronym '
                                      f'({", ".join(fitting)}).',
                              location=visible[0].location,
                              fix=f'Write "{surface} ({fitting[0]})" once.')


@check
def fragile_and_hidden(ctx: CheckContext) -> Iterator[Finding]:
    from resumecheck.models import FRAGILE_ORIGINS

    fragile: dict[str, list[tuple[str, Location]]] = {}
    for result in ctx.terms:
        visible = [m for m in result.matches if m.counts]
        hidden = [m for m in result.matches if m.hidden]
        if visible and all(m.location.origin in FRAGILE_ORIGINS for m in visible):
            places = sorted({m.location.origin.value for m in visible if m.location.origin})
            fragile.setdefault(" / ".join(places), []).append((result.term,
                                                               visible[0].location))
        if hidden:
            yield finding("K106", f'"{result.term}" appears in hidden text '
                                  f"({len(hidden)} time{'s' if len(hidden) > 1 else ''}); "
                                  "not counted.", location=hidden[0].location)
    for place, terms in sorted(fragile.items()):
        if len(terms) <= FRAGILE_EACH:
            for term, location in terms:
                yield finding("K104", f'"{term}" is found only in a {place}; it counts here, '
                                      "but many systems do not read it there.",
                              location=location)
            continue
        # A layout built of tables or text boxes would otherwise give one finding per term.
        first = min(terms, key=lambda t: t[1].block if t[1].block is not None else -1)
        named = ", ".join(f'"{t}"' for t, _ in terms[:FRAGILE_NAMED])
        more = f" and {len(terms) - FRAGILE_NAMED} more" if len(terms) > FRAGILE_NAMED else ""
        yield finding("K104", f"{len(terms)} terms are found only in a {place}: {named}{more}; "
                              "they count here, but many systems do not read them there.",
                      location=first[1])


@check
def stuffing(ctx: CheckContext) -> Iterator[Finding]:
    words = max(ctx.document.word_count, 1)
    for result in ctx.terms:
        visible = [m for m in result.matches
                   if not m.hidden and m.via in ("term", "alias", "acronym")]
        if not visible:
            continue
        per_block: dict[int, int] = {}
        for m in visible:
            if m.location.block is not None:
                per_block[m.location.block] = per_block.get(m.location.block, 0) + 1
        term_words = sum(len(m.surface.split()) for m in visible)
        busiest = max(per_block.values(), default=0)
        if ((len(visible) > STUFFING_COUNT and term_words / words > STUFFING_SHARE)
                or busiest > STUFFING_PER_BLOCK):
            block = min(b for b, n in per_block.items() if n == busiest) if per_block else None
            loc = ctx.document.location(block) if block is not None else visible[0].location
            yield finding("K105", f'"{result.term}" appears {len(visible)} times '
                                  f"({busiest} in one place); it counts once.", location=loc)


# --------------------------------------------------------------------------- keyword dumps

#: A keyword dump: a list of at least DUMP_ITEMS items, at least DUMP_SHARE of them bare
#: profile wordings, spanning DUMP_CATEGORIES categories or under a keywords label.
DUMP_ITEMS = 6
DUMP_SHARE = 0.9
DUMP_CATEGORIES = 4
DUMP_NAMED = 8
_DUMP_LABEL = re.compile(r"^\s*(?:(?:ats\s+)?key\s*words?|keywords?|tags|search terms)\s*[:|-]\s*",
                         re.IGNORECASE)
_ITEM_SPLIT = re.compile(r"\s*(?:[,;|•·/]|\s-\s)\s*")

rule("K107", "keyword-dump", Severity.WARNING,
     "A line is a bare list of profile terms with no other words (a 'keywords' line).",
     "Remove the list and use each term where you describe the work it belongs to "
     "(a procedure with its volume, a condition with how you treat it).",
     "Each listed term still counts once, as it would anywhere, so the list adds nothing "
     "beyond that; to a reader and to many tracking systems it looks like an attempt to game "
     f"the ranking. Flagged when at least {DUMP_ITEMS} items, {DUMP_SHARE:.0%} of them bare "
     f"profile wordings, span {DUMP_CATEGORIES} or more categories of the profile, or stand "
     "after a 'Keywords:' label. A list of one kind of thing (procedures, conditions) under "
     "its own heading is a normal CV section and is not flagged.",
     bad="Hospitalist, Mercy General Hospital, 2019-2024.\n\nKeywords: pain medicine, spinal "
         "cord stimulation, radiofrequency ablation, epidural steroid injection, nerve block, "
         "opioid stewardship, telemedicine, fibromyalgia",
     good="Hospitalist, Mercy General Hospital, 2019-2024.\n\nPROCEDURES\nEpidural steroid "
          "injections, 300 a year; radiofrequency ablation of lumbar medial branches, 120 a "
          "year.")


@check
def keyword_dumps(ctx: CheckContext) -> Iterator[Finding]:
    document = ctx.document
    spans: dict[int, list[tuple[int, int, str, str]]] = {}
    for result in ctx.terms:
        for m in result.matches:
            if m.via in ("term", "alias", "acronym") and m.location.block is not None:
                spans.setdefault(m.location.block, []).append(
                    (m.start, m.end, result.term, result.category))
    for b, found in sorted(spans.items()):
        block = document.blocks[b]
        if block.hidden or len(found) < DUMP_ITEMS * DUMP_SHARE:
            continue
        text = block.text
        base = document.offsets[b]
        label = _DUMP_LABEL.match(text)
        body_start = label.end() if label else 0
        items = _items(text, body_start)
        if len(items) < DUMP_ITEMS:
            continue
        terms: dict[str, str] = {}
        bare = 0
        for start, end in items:
            covered = [f for f in found if f[0] < base + end and base + start < f[1]]
            letters = sum(1 for c in text[start:end] if c.isalnum())
            inside = sum(1 for i in range(start, end) if text[i].isalnum() and any(
                f[0] <= base + i < f[1] for f in covered))
            if covered and letters and inside / letters >= 0.8:
                bare += 1
                for f in covered:
                    terms.setdefault(f[2], f[3])
        if bare / len(items) < DUMP_SHARE:
            continue
        if not label and len(set(terms.values())) < DUMP_CATEGORIES:
            continue
        names = list(terms)
        shown = ", ".join(f'"{t}"' for t in names[:DUMP_NAMED])
        more = f" and {len(names) - DUMP_NAMED} more" if len(names) > DUMP_NAMED else ""
        yield finding("K107", f"Keyword list of {len(items)} items with no other words: "
                              f"{shown}{more}; each counts once, the list adds nothing.",
                      location=document.location(b))


def _items(text: str, start: int) -> list[tuple[int, int]]:
    """(start, end) of each list item of ``text`` from ``start``, separators dropped."""
    out = []
    pos = start
    for m in _ITEM_SPLIT.finditer(text, start):
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end()
    end = len(text.rstrip(" ."))
    if end > pos:
        out.append((pos, end))
    return [(a, b) for a, b in out if text[a:b].strip()]
