"""Cover-letter findings: run only for documents checked as cover letters."""

from __future__ import annotations

import re
from collections.abc import Iterator

from resumecheck.checks import CheckContext, check
from resumecheck.models import Finding, Kind, Level, Location, Severity
from resumecheck.rules import finding, rule
from resumecheck.scoring import LEVEL_FACTOR

LONG_WORDS = 450
SHORT_WORDS = 150
#: How many of the resume's strongest terms a letter is told about.
TOP_UNMENTIONED = 3

_LETTER = "cover-letter"
_BODY = ("I am writing to apply for the Interventional Pain Physician position at Summit Ridge "
         "Pain Institute. ")

#: Words that name a post in any field; a profile adds its job titles (``role_words``).
_POSITION = re.compile(
    r"\b(position|role|post|opening|vacancy|opportunity|appointment|job)\b", re.IGNORECASE)
_ORG_NAME = re.compile(
    r"\b(?:[A-Z][\w&'.-]*\s+){0,5}(?:Health|System|Group|Hospital|University|Clinic|Partners|"
    r"Institute|Center|Centre|Associates|Practice|Medical Center|Healthcare|Network|School|"
    r"College|Foundation|Services|Specialists|Department|Division)\b"
    r"|\b(?:at|join|joining|with)\s+(?:the\s+)?[A-Z][\w&'.-]+(?:\s+[A-Z][\w&'.-]+)+",
)
_GENERIC_SALUTATION = re.compile(
    r"^\s*(to whom it may concern|dear (sir|madam|sir or madam|sir/madam|sirs)|"
    r"dear (hiring|search|recruiting|recruitment) (manager|team|committee)|dear recruiter|"
    r"dear hiring)\b",
    re.IGNORECASE,
)
#: Working with others, in any field; a profile adds its own (``collaboration_words``).
_COLLABORATION = re.compile(
    r"multi-?disciplinary|inter-?disciplinary|interprofessional|cross-?functional|collaborat|"
    r"\bteams?\b|teamwork|colleague|work(ed|ing)? (closely )?with|partner(ed|ing)? with|"
    r"coordinat",
    re.IGNORECASE,
)
_NUMBER = r"(\d[\d,.]*\s*(%|percent|per ?cent)|\d[\d,.]*)"
_RESULT = (r"(reduc|improv|increas|decreas|cut|lower|rais|grew|grow|sav|shorten|achiev|"
           r"led to|result|outcome|fewer|more than|over|rate|score|volume|\bper\b)")
_OUTCOME = re.compile(
    rf"{_RESULT}[^.!?]{{0,80}}?{_NUMBER}|{_NUMBER}[^.!?]{{0,80}}?{_RESULT}",
    re.IGNORECASE,
)
_YEARLIKE = re.compile(r"^(19|20)\d\d$")
_CLOSING_REQUEST = re.compile(
    r"\b(interview|meet|meeting|discuss|discussion|conversation|speak|talk|call|"
    r"next steps?|hear from you|visit)\b",
    re.IGNORECASE,
)

rule("L101", "position-not-named", Severity.WARNING,
     "The letter never names the position it applies for.",
     "Name the post in the first paragraph, in the posting's words: 'I am applying for the "
     "... position'.",
     "A letter that could be sent to any employer reads as mass-mailed. With --job the "
     "posting's own title (or its main words) must appear.",
     bad="Dear Dr. Okafor,\nI would like to work with you and help your patients.",
     good="Dear Dr. Okafor,\nI am applying for the Pain Medicine Physician position.",
     example_kind=_LETTER)
rule("L102", "employer-not-named", Severity.WARNING,
     "The letter never names the employer.",
     "Name the employer, and say why it in particular.",
     "Naming the employer shows the letter was written for this post. With --job the "
     "posting's employer name must appear.",
     bad="Dear Dr. Okafor,\nI am applying for the physician position at your practice.",
     good="Dear Dr. Okafor,\nI am applying for the physician position at Summit Ridge Pain "
          "Institute.",
     example_kind=_LETTER)
rule("L103", "generic-salutation", Severity.INFO,
     "The letter opens with a generic salutation.",
     "Address a person by name (the hiring manager, the search committee chair); the "
     "posting or the employer's website usually names one.",
     bad="To whom it may concern,\nI am applying for the position.",
     good="Dear Dr. Okafor,\nI am applying for the position.",
     example_kind=_LETTER)
rule("L104", "letter-too-long", Severity.WARNING,
     f"The letter is longer than {LONG_WORDS} words or one page.",
     "Cut to one page: one paragraph on why this post, one or two on your strongest "
     "evidence, one closing request.",
     bad=("Dear Dr. Okafor,\n" + ("I treated chronic pain with care and skill every day. "
                                  * 60)),
     good="Dear Dr. Okafor,\n" + _BODY * 12,
     example_kind=_LETTER)
rule("L105", "letter-too-short", Severity.WARNING,
     f"The letter has fewer than {SHORT_WORDS} words.",
     "Add a paragraph with concrete evidence: a volume, an outcome, something you built, and "
     "why this employer.",
     bad="Dear Dr. Okafor,\nPlease find my CV attached.\nSincerely,\nElena",
     good="Dear Dr. Okafor,\n" + _BODY * 12,
     example_kind=_LETTER)
rule("L106", "no-patient-centred-language", Severity.INFO,
     "The letter says nothing about the people the writer serves as people (for a "
     "physician: patient-centred care, compassion, patient education, quality of life).",
     "Add one sentence on how you work with the people you serve: their goals, their say in "
     "decisions, what changes for them.",
     "Employers in caring professions look for the person behind the skills. The check runs "
     "only for profiles that list the words of their field ([conventions] people_words).",
     bad="Dear Dr. Okafor,\nI perform radiofrequency ablation and spinal cord stimulation.",
     good="Dear Dr. Okafor,\nI practise patient-centered care and explain every option.",
     example_kind=_LETTER)
rule("L107", "no-collaboration-language", Severity.INFO,
     "The letter says nothing about working with others (a team, colleagues, partners).",
     "Add one sentence on who you work with and how.",
     bad="Dear Dr. Okafor,\nI perform radiofrequency ablation and spinal cord stimulation.",
     good="Dear Dr. Okafor,\nI collaborate with physical therapists and psychologists.",
     example_kind=_LETTER)
rule("L108", "no-concrete-outcome", Severity.INFO,
     "The letter gives no measured result (a number or percentage tied to an outcome).",
     "Add one figure: 'cut waiting times by 30%', '400 cases a year'.",
     bad="Dear Dr. Okafor,\nI improved outcomes for many patients in my practice.",
     good="Dear Dr. Okafor,\nI reduced average opioid doses by 30% across my practice.",
     example_kind=_LETTER)
rule("L109", "no-closing-request", Severity.INFO,
     "The letter does not ask for a next step (an interview, a call, a meeting).",
     "End with a request: 'I would welcome the chance to discuss the post in an interview.'",
     bad="Dear Dr. Okafor,\nThank you for reading.\nSincerely,\nElena",
     good="Dear Dr. Okafor,\nI would welcome an interview at your convenience.\nSincerely,\nElena",
     example_kind=_LETTER)
rule("L110", "letter-claim-not-in-resume", Severity.WARNING,
     "The letter claims a skill or credential (a profile term) that the resume never "
     "mentions.",
     "Add the evidence to the resume too, or drop the claim: reviewers check the letter "
     "against the CV.",
     "Only with --resume. Example: the letter says 'I perform kyphoplasty' and the resume "
     "never mentions kyphoplasty.",
     bad="Letter: 'I perform spinal cord stimulation.'; resume: no spinal cord stimulation.",
     good="Letter and resume both mention spinal cord stimulation.",
     runnable=False, example_kind=_LETTER)
rule("L111", "resume-strength-not-in-letter", Severity.INFO,
     "One of the resume's strongest required terms is never mentioned in the letter.",
     "Mention your strongest credentials in the letter too (certifications, training, key "
     "skills).",
     f"Only with --resume; at most {TOP_UNMENTIONED} terms, the heaviest required ones the "
     "resume has.",
     bad="Resume lists a pain medicine fellowship; the letter never mentions it.",
     good="The letter says 'I completed a pain medicine fellowship ...'.",
     runnable=False, example_kind=_LETTER)


def _letter_body(ctx: CheckContext) -> str:
    return ctx.document.text


def _first_body_location(ctx: CheckContext) -> Location | None:
    return ctx.document.location(0) if ctx.document.blocks else None


def _has_words(text: str, words: set[str]) -> bool:
    present = set(re.findall(r"[a-z]+", text.lower()))
    return bool(words) and words <= present


@check
def letter_findings(ctx: CheckContext) -> Iterator[Finding]:
    if ctx.kind != Kind.COVER_LETTER or not ctx.document.blocks:
        return
    text = _letter_body(ctx)
    posting = ctx.posting
    yield from _named(ctx, text, posting)
    for i, block in enumerate(ctx.document.blocks[:15]):
        if _GENERIC_SALUTATION.match(block.text):
            yield finding("L103", f'Generic salutation "{block.text.strip()[:40]}".',
                          location=ctx.document.location(i))
            break
    words = ctx.document.word_count
    pages = ctx.document.page_count
    if words > LONG_WORDS or pages > 1:
        size = f"{words} words" + (f", {pages} pages" if pages > 1 else "")
        yield finding("L104", f"The letter is long ({size}); aim for one page and "
                              f"{LONG_WORDS} words or fewer.")
    elif words < SHORT_WORDS:
        yield finding("L105", f"The letter is short ({words} words); aim for "
                              f"{SHORT_WORDS}-{LONG_WORDS}.")
    conventions = ctx.profile.conventions
    people = conventions.pattern("people_words")
    if people is not None and not people.search(text):
        yield finding("L106", "Nothing about the people you serve as people (e.g. "
                              f"{_examples(conventions.people_words)}).")
    partners = conventions.pattern("collaboration_words")
    if not _COLLABORATION.search(text) and (partners is None or not partners.search(text)):
        examples = conventions.collaboration_words or ("a team", "colleagues", "partners")
        yield finding("L107", f"No collaboration language (e.g. {_examples(examples)}).")
    if not any(not _YEARLIKE.match(m.group(0).strip()) for m in _outcomes(text)):
        yield finding("L108", "No measured result: no number or percentage tied to an outcome.")
    if not _CLOSING_REQUEST.search(_closing_part(ctx)):
        yield finding("L109", "The letter does not ask for an interview, a call or a meeting.")
    yield from _against_resume(ctx)


def _examples(words: tuple[str, ...]) -> str:
    return ", ".join(w.rstrip("*") for w in words[:4])


def _outcomes(text: str):
    for m in _OUTCOME.finditer(text):
        numbers = re.findall(r"\d[\d,.]*", m.group(0))
        if any(not _YEARLIKE.match(n.strip(".,")) for n in numbers):
            yield m


def _closing_part(ctx: CheckContext) -> str:
    """The last two paragraphs of prose, where a request belongs."""
    prose = [b.text for b in ctx.document.blocks if len(b.text.split()) >= 6]
    return " ".join(prose[-2:]) if prose else ctx.document.text


def _named(ctx: CheckContext, text: str, posting) -> Iterator[Finding]:
    from resumecheck.posting import SENIORITY

    if posting is not None and posting.title:
        title_words = set(re.findall(r"[a-z]+", re.sub(r"\([^)]*\)", "", posting.title.lower())))
        core = {w for w in title_words - SENIORITY if len(w) > 2}
        if not _has_words(text, core):
            yield finding("L101", f'The letter never names the position "{posting.title}".')
    elif not _POSITION.search(text) and not _names_role(ctx, text):
        yield finding("L101", "The letter never names the position it applies for.")
    if posting is not None and posting.employer:
        # The distinctive part of the name is enough ("Harbor Bend" for
        # "Harbor Bend Multispecialty Group").
        head = " ".join(posting.employer.split()[:2]).lower()
        if head not in text.lower():
            yield finding("L102", f'The letter never names the employer "{posting.employer}".')
    elif posting is None and not _ORG_NAME.search(_without_sender(ctx)):
        yield finding("L102", "The letter never names the employer.")


def _names_role(ctx: CheckContext, text: str) -> bool:
    roles = ctx.profile.conventions.pattern("role_words")
    return roles is not None and roles.search(text) is not None


def _without_sender(ctx: CheckContext) -> str:
    """The letter without its first block (the sender's own letterhead)."""
    blocks = ctx.document.blocks
    return "\n".join(b.text for b in blocks[1:]) if len(blocks) > 1 else ctx.document.text


def _against_resume(ctx: CheckContext) -> Iterator[Finding]:
    if ctx.resume is None:
        return
    resume_matches = ctx.resume.matches

    def has(matches, term_id: str) -> bool:
        """The resume claims the term (a mention it does not claim is no evidence)."""
        return any(m.counts for m in matches.get(term_id, ()))

    def names(matches, term_id: str) -> bool:
        """The letter names the term, claimed or not."""
        return any(not m.hidden for m in matches.get(term_id, ()))

    # The recipient's address block ("Medical Director") is no claim: start at the salutation.
    start = next((i for i, b in enumerate(ctx.document.blocks[:15])
                  if re.match(r"^\s*(dear|to whom)\b", b.text, re.IGNORECASE)), 0)
    for result in ctx.terms:
        visible = [m for m in result.matches
                   if not m.hidden and (m.location.block or 0) >= start]
        if visible and not has(resume_matches, result.id):
            yield finding("L110", f'The letter mentions "{result.term}" but the resume never '
                                  "does.", location=visible[0].location)
    letter_matches = ctx.matches
    strong = []
    for term in ctx.profile.for_kind(Kind.RESUME):
        if term.level != Level.REQUIRED or not has(resume_matches, term.id):
            continue
        if names(letter_matches, term.id):
            continue
        count = sum(1 for m in resume_matches[term.id] if m.counts)
        strong.append((-term.weight * LEVEL_FACTOR[term.level], -count, term.id, term.term))
    for _w, _c, _id, name in sorted(strong)[:TOP_UNMENTIONED]:
        yield finding("L111", f'The resume\'s "{name}" is never mentioned in the letter.')
