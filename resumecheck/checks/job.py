"""Job-posting findings (``--job``): what the posting asks for that the document lacks."""

from __future__ import annotations

from collections.abc import Iterator

from resumecheck.checks import CheckContext, check
from resumecheck.models import Finding, Kind, Location, Match, Severity
from resumecheck.rules import finding, rule

#: Every J rule needs a posting, so its examples are described, and tested in tests/test_job.py.
_NEEDS_JOB = " Only with --job."

rule("J101", "posting-term-missing", Severity.WARNING,
     "A profile term the job posting asks for is not in the document, or only mentioned "
     "there without a claim (hedged, planned, pending, negated).",
     "Add the term where it is true of you, in the posting's wording.",
     "Tracking systems rank applicants by the posting's own keywords first; a term the "
     "employer wrote into the posting weighs more than any general keyword." + _NEEDS_JOB,
     bad="Posting asks for kyphoplasty; resume: 'PROCEDURES\\nEpidural steroid injections.'",
     good="Posting asks for kyphoplasty; resume: 'PROCEDURES\\nKyphoplasty, 40 cases.'",
     runnable=False)
rule("J102", "posting-phrase-missing", Severity.INFO,
     "A phrase the job posting stresses (one no keyword profile knows) is not in the document.",
     "If the phrase describes something you have done, use it once in the same words.",
     "These phrases are extracted from the posting's duties and requirements (never from "
     "benefits, about-us or equal-opportunity text); they count half as much as profile terms "
     "in the match rate." + _NEEDS_JOB,
     bad="Posting: 'Experience with sacroiliac joint fusion.'; resume never says it.",
     good="Resume: 'Performed 25 sacroiliac joint fusion procedures.'", runnable=False)
rule("J103", "posting-title-not-stated", Severity.WARNING,
     "The document never states the posting's job title (or a close variant).",
     "State the title once, near the top (a headline or the summary), in the posting's words.",
     "Recruiters search by title; a resume that says 'pain physician' may not surface for "
     "'Interventional Pain Medicine Physician'. Seniority words (assistant, senior...) may "
     "be left out." + _NEEDS_JOB,
     bad="Posting title 'Interventional Pain Physician'; resume headline 'Anesthesiologist'.",
     good="Resume summary: 'Interventional pain physician with six years of practice.'",
     runnable=False)
rule("J104", "posting-wording-differs", Severity.INFO,
     "The document has a term the posting asks for, but only in other words.",
     "Use the posting's wording at least once, e.g. 'radiofrequency ablation (RF neurotomy)'.",
     "Many tracking systems compare wording literally; a synonym found by this tool may be "
     "missed by theirs." + _NEEDS_JOB,
     bad="Posting: 'radiofrequency ablation'; resume: 'RF neurotomy, 300 cases.'",
     good="Resume: 'Radiofrequency ablation (RF neurotomy), 300 cases.'", runnable=False)

def _where(posting_term) -> str:
    parts = []
    if posting_term.section:
        parts.append(posting_term.section)
    if posting_term.line:
        parts.append(f"line {posting_term.line}")
    return ", ".join(parts)


@check
def job_findings(ctx: CheckContext) -> Iterator[Finding]:
    job = ctx.job
    # A letter cannot carry every keyword; its L checks compare title and employer instead.
    if job is None or ctx.kind == Kind.COVER_LETTER:
        return
    for jt in job.missing:
        p = jt.posting
        where = _where(p)
        said = f' (posting: {where}: "{p.sentence}")' if where else ""
        if p.source == "profile":
            wording = f'"{p.wording}"' if p.wording.lower() != p.text.lower() else ""
            also = f" (the posting says {wording})" if wording else ""
            named = _only_mentioned(ctx, p.term_id or "")
            has = (f"mentions it without claiming it ({named.reason})" if named is not None
                   else "does not mention it")
            yield finding("J101", f'The posting asks for "{p.text}"{also}; the document '
                                  f"{has}{said}.")
        else:
            yield finding("J102", f'The posting stresses "{p.text}"; the document does not '
                                  f"use the phrase{said}.")
    if job.title and not job.title_found:
        yield finding("J103", f'The posting\'s title "{job.title}" is not stated in the '
                              "document.")
    for advice in job.advice:
        yield finding("J104", advice.message, location=_first_location(ctx, advice.term_id))


def _only_mentioned(ctx: CheckContext, term_id: str) -> Match | None:
    """The document's first visible match of a term it names without claiming (hedged,
    planned, pending...): such a match does not satisfy the posting."""
    return next((m for m in ctx.matches.get(term_id, ())
                 if not m.hidden and m.claim != "claimed"), None)


def _first_location(ctx: CheckContext, term_id: str) -> Location | None:
    for t in ctx.terms:
        if t.id == term_id:
            visible = [m for m in t.matches if m.counts]
            return visible[0].location if visible else None
    matches = ctx.matches.get(term_id, ())
    visible = [m for m in matches if m.counts]
    return visible[0].location if visible else None
