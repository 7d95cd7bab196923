"""What a job posting asks for: its sections, title, employer and terms.

Postings arrive as people paste them: a tidy page with headings, one paragraph from a job
board, a page printed from the browser, a recruiter's e-mail. The analysis does not rely on
the reader having kept their lines, so it works in four steps:

1. **Units.** Every block is cut again at the places a pasted posting shows a new line: a
   bullet inside a block, a heading run into its text ("About the role Bluestem is ..."),
   a heading after a sentence ("... eastern Iowa. Responsibilities:"), a field label
   ("Company: ...", "Location: ...", "Subject: ..."). Markdown left in the text is dropped.
2. **Sections.** A heading sets the kind of what follows: requirements, duties, "nice to
   have", a summary, or boilerplate (about us, benefits, equal opportunity, how to apply,
   similar jobs, the recruiter's signature...). Before any heading, the short lines at the
   top (title, employer, job details) are the header; sentences are sources like any other.
3. **Sentences.** Every sentence outside boilerplate sections is a source of terms unless it
   is boilerplate wherever it stands (pay, benefits, equal opportunity, how to apply,
   contact details, browser print lines, the recruiter speaking) or describes the employer
   ("Northfield Health is a regional health system ...", "Our clinic sees ..."). A sentence
   that says who is hired ("We are seeking a ... physician to join ...") gives its profile
   terms and its role, not its place names.
4. **Terms.** Profile terms the posting uses (any wording), weighted by where they stand
   (requirements above duties above "nice to have" above a summary), and phrases no profile
   knows: noun phrases a recruiter would search for (procedures, conditions, credentials,
   tools, named programs), never a role of a colleague, a place, a time or a fragment.

Title and employer are reported on their own. Pure functions of a
:class:`~resumecheck.models.Document`; reading the file is the caller's job.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from resumecheck.models import Block, Document, Match, Posting, PostingTerm
from resumecheck.normalize import text_key
from resumecheck.personal import has_contact

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

    from resumecheck.matching import TermMatcher
    from resumecheck.nlp import Pipeline
    from resumecheck.profiles import Profile

#: Below this many terms a posting gives no match rate (the report says why).
MIN_TERMS = 5
#: At most this many phrases no profile knows come from one posting (best scored first).
TOP_PHRASES = 40
#: Match-rate weights: a profile term the posting uses vs a phrase only the posting knows.
PROFILE_WEIGHT = 2.0
PHRASE_WEIGHT = 1.0
#: Longest phrase, in words (a proper name such as "New Hampshire Prescription Drug
#: Monitoring Program" may run to NAME_WORDS).
MAX_PHRASE_WORDS = 5
NAME_WORDS = 7

# --------------------------------------------------------------------------- section kinds

#: How much a mention counts, by the kind of section (or item) it sits in.
SECTION_WEIGHT = {"required": 2.0, "duties": 1.6, "preferred": 1.4, "summary": 1.0,
                  "other": 1.0, "intro": 1.0}
#: Section kinds that are never a source of terms.
BOILERPLATE = frozenset({"about", "benefits", "eeo", "apply", "meta", "similar", "nav",
                         "demands", "legal", "signature", "note"})


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


_WHO = r"(?:your|the|our|this|job|position|role|candidate|professional|core|key|main|primary)"
#: Posting headings, matched against the whole heading (lower-cased, "&" and "/" read as
#: "and", the trailing colon dropped). The first kind that matches wins.
_HEADINGS: tuple[tuple[str, re.Pattern[str]], ...] = tuple((k, _rx(p)) for k, p in (
    ("eeo", r"equal (?:employment )?opportunit(?:y|ies)(?: employer)?(?: statement)?|eeo"
            r"(?: statement)?|eeo and aa|affirmative action|diversity(?:,? equity)?"
            r"(?: and inclusion)?|inclusion|our commitment(?: to .+)?|non ?discrimination"
            r"(?: statement)?|commitment to diversity"),
    ("similar", r"similar jobs?(?: \(\d+\))?|related jobs|more jobs(?: .+)?|recommended jobs|"
                r"jobs you may like|people also viewed|set alert for similar jobs|"
                r"other jobs(?: .+)?"),
    ("nav", r"meet the hiring team|(?:the )?hiring team|share this job|about the recruiter|"
            r"your recruiter"),
    ("demands", r"physical (?:demands|requirements)|working conditions|work(?:ing)? "
                r"environment"),
    ("legal", r"disclosure and barring service check|dbs check|background check|right to "
              r"work|visa sponsorship"),
    ("summary", r"about (?:the|this) (?:role|job|position|opportunity|post|vacancy|assignment)|"
                r"(?:the )?(?:role|opportunity|position|job|post|vacancy)|"
                r"(?:position|job|role|post|vacancy) (?:summary|overview|description|purpose)|"
                r"(?:full )?job description|description|overview|summary|job highlights"),
    ("required", rf"(?:{_WHO} |minimum |basic |required |essential |necessary )*"
                 r"(?:qualifications?|requirements?|skills(?: and (?:experience|abilities|"
                 r"qualifications))?|experience(?: and (?:qualifications|skills))?|"
                 r"what you(?:'ll)? (?:bring|need|have)|what we(?:'re| are) looking for|"
                 r"what they(?:'re| are)? (?:need|looking for|want)|who you are|about you|"
                 r"you have|you bring|must haves?|eligibility(?: requirements)?|"
                 r"education(?: and (?:training|experience))?|licensure(?: and "
                 r"certifications?)?|licen[cs]es?(?: and certifications?)?|certifications?"
                 r"(?: and licen[cs]ure)?|credentials|person specification|knowledge,? "
                 r"skills,? and abilities|(?:the )?ideal candidate|essential(?: criteria)?|"
                 r"criteria|training)"),
    ("preferred", r"(?:preferred|desired|desirable|nice to have|nice-to-haves?|pluses|"
                  r"a plus|bonus points|additional|optional|even better(?: if you have)?|"
                  r"it'?s a plus if you have)(?: (?:qualifications?|skills|experience|"
                  r"requirements?|criteria))?"),
    ("duties", rf"(?:{_WHO} |essential |clinical |major )*"
               r"(?:responsibilities|duties(?: and responsibilities)?|functions|"
               r"accountabilities|what you(?:'ll| will) (?:do|be doing)|what the (?:role|"
               r"position|job|post) (?:involves|entails)|day[- ]to[- ]day|a day in the life|"
               r"your impact|scope(?: of (?:practice|work|the role|the position))?|"
               r"main duties of the job|the work|responsibilities and duties|"
               r"in this role(?:,? you will)?)"),
    ("benefits", r"(?:compensation|salary|pay|benefits?|perks|rewards|total rewards)"
                 r"(?: (?:and|&) (?:benefits?|perks|compensation))?|benefits and perks|"
                 r"what we offer|we offer|our offer|(?:the )?package|highlights|"
                 r"why (?:join|work (?:here|with us|for us))|how we work|"
                 r"what(?:'s| is) in it for you|perks and benefits"),
    ("apply", r"how to apply|to apply|application(?:s)?(?: instructions| process)?|"
              r"next steps?|contact(?: us| information| details)?|questions|interested\??"),
    ("meta", r"job details|details|job information|key (?:details|facts|information)|"
             r"at a glance|locations?|work location|job type|employment type|time type|"
             r"shifts?|shift and schedule|schedule|hours|(?:medical )?specialty|ability to "
             r"commute|travel|posted on|date posted|(?:job )?requisition id|job id|"
             r"reference(?: number)?|closing date|contract|working pattern|grade|start date"),
    ("about", r"about(?: us| the company)?|who we are|our (?:company|"
              r"story|mission|practice|team|organi[sz]ation|culture|values|hospital|group)|"
              r"company (?:overview|description|profile|information)|the company|"
              r"employer details|the department|the division|the practice|"
              r"the organi[sz]ation"),
))
#: Headings that end in a name ("About Riverstone", "Why Northfield"): recognised when they
#: stand alone or end with a colon, never run into a sentence (the name would be eaten).
_OPEN_HEADINGS: tuple[tuple[str, re.Pattern[str]], ...] = tuple((k, _rx(p)) for k, p in (
    ("eeo", r"our commitment to .+"),
    ("similar", r"(?:more|other) jobs .+"),
    ("benefits", r"why (?:join|work)(?: .+)?|why [a-z][\w&'. -]*"),
    ("about", r"about (?!the |this |our |you\b)[a-z][\w&'.-]*(?: [a-z][\w&'.-]*){0,3}|"
              r"life at .+"),
))
#: Field labels ("Location: Duluth, Minnesota"): what follows them is job data, not a
#: source, up to the end of its sentence. Unlabelled in Workday prints ("time type").
_FIELDS = _rx(
    r"job ?title|position title|title|position|role|vacancy|opening|faculty position|"
    r"(?:job )?posting title|role title|post title|company|employer(?: name)?|"
    r"hiring organi[sz]ation|organi[sz]ation|practice|hospital|institution|location|"
    r"locations|work location|work setting|department|division|reports to|supervisor|"
    r"client|assignment|duration|credentialing|dates|coverage dates|facility|setting|"
    r"job type|employment type|time type|schedule|shift(?: and schedule)?|shift type|"
    r"hours|job id|job requisition id|requisition(?: id| number)?|req(?: id| #)?|"
    r"reference(?: number| no)?|category|posted|posted on|date posted|closing date|salary|"
    r"salary range|pay|pay range|compensation|contract|working pattern|start date|"
    r"specialty|medical specialty|ability to commute|ability to relocate|travel|fte|grade|"
    r"band|job family|address|website|employer'?s website|phone|telephone|e-?mail|from|to|"
    r"sent|date|subject|cc|bcc|remote|work remotely|visa sponsorship|benefits"
)
#: Labels whose value names the post.
_TITLE_FIELDS = frozenset({"job title", "jobtitle", "position title", "title", "position",
                           "role", "vacancy", "opening", "faculty position", "posting title",
                           "job posting title", "role title", "post title"})
#: Labels whose value names the employer.
_EMPLOYER_FIELDS = frozenset({"company", "employer", "employer name", "hiring organization",
                              "hiring organisation", "organization", "organisation",
                              "practice", "hospital", "institution"})
#: Lines that are site navigation or browser print furniture wherever they stand.
_NAV_LINE = _rx(
    r"(?:(?:apply(?: now)?|save(?: job)?|share(?: this job)?|message|follow|print|email|"
    r"facebook|linkedin|x|twitter|sign in|log in|<?\s*back(?: to (?:search )?results)?|"
    r"\W*show (?:more|less)|see more|"
    r"set alert|skip to (?:main )?content|careers? home|search(?: for)? jobs|candidate home|"
    r"privacy|terms of use|accessibility|cookies?|students|nursing|physicians|all jobs)"
    r"[\s|·•]*)+"
)

# --------------------------------------------------------------------------- boilerplate

#: Sentences that are boilerplate wherever they stand, by the words they use: equal
#: opportunity and the law, pay and benefits, schedule as job data, how to apply and contact
#: details, the recruiter speaking and the e-mail around the posting, browser print and
#: job-board furniture, physical demands.
_BP_WORDS = frozenset({
    "discriminate", "discrimination", "discriminatory", "e-verify", "everify",
    "salary", "salaried", "compensation", "bonus", "bonuses", "incentive", "incentives",
    "wrvu", "wrvus", "retirement", "pension", "pto", "vacation", "malpractice", "stipend",
    "stipends", "allowance", "allowances", "reimbursement", "relocation", "sign-on",
    "signon", "signing", "tuition", "dependents", "perk", "perks", "commensurate",
    "apply", "upload", "click", "questions", "recruiter", "unsubscribe", "confidential",
    "confidentiality", "followers", "applicants", "reposted", "requisition", "©",
})
_BP_PHRASES = tuple(f" {p} " for p in (
    "equal opportunity", "equal opportunities", "equal employment opportunity",
    "affirmative action", "without regard to", "regardless of race", "regardless of age",
    "protected veteran", "protected veterans", "protected class", "protected characteristic",
    "reasonable accommodation", "reasonable accommodations", "diverse workforce",
    "diversity and inclusion", "celebrate diversity", "inclusive workplace",
    "disability confident", "disabled applicants", "drug free", "drug-free",
    "background check", "criminal record", "disclosure and barring",
    "rehabilitation of offenders", "visa sponsorship", "right to work in", "veteran status",
    "genetic information", "individuals with disabilities", "base pay", "per hour",
    "per year", "per annum", "paid time off", "paid leave", "paid malpractice",
    "paid parental", "paid holidays", "paid continuing", "annual leave", "sick leave",
    "parental leave", "study leave", "maternity leave", "bank holidays", "health insurance",
    "dental insurance", "vision insurance", "life insurance", "disability insurance",
    "liability insurance", "medical insurance", "health coverage", "dental coverage",
    "vision coverage", "life coverage", "disability coverage", "liability coverage",
    "tail coverage", "insurance plans", "insurance plan", "insurance benefits",
    "full benefits", "comprehensive benefits", "generous benefits", "competitive benefits",
    "benefits package", "benefits include", "benefits are", "benefits from",
    "benefits start", "benefits begin", "benefits eligible", "benefits eligibility",
    "loan repayment", "loan forgiveness", "partnership track", "path to partnership",
    "path to ownership", "income guarantee", "guaranteed salary", "guaranteed base",
    "guaranteed income", "profit sharing", "employee discount", "monday to friday",
    "monday through friday", "monday - friday", "no nights", "no weekends",
    "no weekend call", "no call", "weekend call", "night call", "flexible schedule",
    "flexible remote work", "work location", "ability to commute", "applications are",
    "applications will be", "application is", "submit your", "submit a", "submit an",
    "send your", "send a", "send an", "send us", "email us", "email your", "email it",
    "email me", "e-mail us", "e-mail your", "write to", "contact us", "contact our",
    "contact me", "reach out", "cover letter", "curriculum vitae", "letter of interest",
    "teaching philosophy", "review begins", "review of applications begins",
    "until the position is filled", "closing date", "talent acquisition",
    "recruitment team", "recruitment office", "let me know", "feel free",
    "pass this along", "thought of you", "your profile", "good time to connect",
    "stop receiving", "reply with", "intended recipient", "this e-mail", "this email",
    "this message", "all rights reserved", "out of 5 stars", "days ago", "day ago",
    "show more", "set alert", "job id", "reference number", "lead apron",
    "frequent standing", "frequent walking", "frequent lifting",
))
_BP_PATTERN = re.compile(
    r"[$£€]\s?\d|\d\s?[kK]\b|\b40[13] ?\(?[kb]\)?|\b457 ?\(?b\)?|"
    r"(?i:\b(?:\d|four|three)[- ]day work ?week|\bposted \d|\bpage \d+ of \d+\b|"
    r"\b(?:guarantee|invited?|selected|shortlisted)\b[^.]{0,20}\binterview|"
    r"\blift(?:ing)? (?:up to )?\d+)|"
    r"@[\w-]+\.\w|https?://|www\.|\(\d{3}\)\s?\d{3}|\b\d{3}[-.]\d{3}[-.]\d{4}\b|"
    r"\b\d{3}-\d{4}\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b"
)
#: The recruiter speaking: a sentence in the first person is about the search, not the job
#: (unless it says who is hired: "I am looking for a ... physician").
_VOICE = re.compile(r"\bI(?:'m|'d|'ve|'ll|\u2019m|\u2019d|\u2019ve|\u2019ll)?\b|"
                    r"(?i:\bme\b|\bmy\b)")
_BP_SPACE = re.compile(r"[^a-z0-9$£€@/()'+&©-]+")


def boilerplate_sentence(sentence: str) -> bool:
    """Pay, benefits, equal opportunity, how to apply, contact details, the recruiter
    speaking, print and job-board furniture: boilerplate wherever it stands."""
    low = sentence.lower()
    spaced = " " + _BP_SPACE.sub(" ", low) + " "
    if not _BP_WORDS.isdisjoint(spaced.split()):
        return True
    if any(p in spaced for p in _BP_PHRASES):
        return True
    # Contact details: by pattern, or found as personal data (in any national format, and
    # as the mark standing for it in a masked posting).
    return _BP_PATTERN.search(sentence) is not None or has_contact(sentence)


#: A sentence about the employer, not the job: its subject is the employer, "we", "our
#: ...", or the practice itself ("The practice is almost entirely procedural").
_ABOUT_VERBS = (r"(?:is|are|was|has|have|runs|serves|operates|offers|brings|employs|sees|"
                r"includes|provides|opened|moves|became|consists|comprises|spans|treats|"
                r"celebrates|believe|care|work|value|pair|trains|leads?)")
_ABOUT_SUBJECT = _rx(
    r"^(?:we|our(?:\s+[\w&'-]+){1,4}?|they|the (?:division|department|practice|system|hospital|"
    r"group|center|centre|clinic|trust|university|organi[sz]ation|company|"
    r"institute|network))\s+" + _ABOUT_VERBS + r"\b"
)
#: A sentence that says who is hired; its object is the post.
_HIRING = _rx(
    r"\b(?:is|are|am)\s+(?:currently\s+|now\s+)?(?:seeking|looking for|recruiting|hiring|"
    r"adding|searching for)\b|\b(?:seeks|needs?|invites applications for|recruits)\s+"
    r"(?:an?|one|two|three|four|five|a new|an additional|\w+ additional)\b|"
    r"applications are invited for|\bneeded\b|\bwanted\b|\bsought\b|"
    r"\b(?:now hiring|hiring an?)\b"
)
_GREETING = _rx(r"^(?:hi|hello|hey|dear|good (?:morning|afternoon|evening)|greetings)\b"
                r"[^.!?]{0,40}[,!:]?$")
_SIGN_OFF = _rx(r"^(?:best(?: regards| wishes)?|kind regards|warm regards|regards|thanks"
                r"(?: again)?|thank you|sincerely|cheers|all the best|talk soon)[,.!]?"
                r"(?:$|\s+(?![^.!?]*[.!?](?:\s|$))[^\n]{0,160}$)")
_FORWARD = _rx(r"-{2,}\s*forwarded message\s*-{2,}|begin forwarded message|"
               r"-{2,}\s*original message\s*-{2,}")
_DATE_TIME = _rx(
    r"^\s*(?:\d{1,2}/\d{1,2}/\d{2,4},?\s*\d{1,2}:\d{2}\s*(?:am|pm)?|"
    r"(?:mon|tue|wed|thu|fri|sat|sun)\w*,?\s+\w+\s+\d{1,2},?\s+\d{4}(?:\s+(?:at\s+)?"
    r"\d{1,2}:\d{2}\s*(?:am|pm)?)?)\s*"
)
_URL = _rx(r"(?:https?://|www\.)\S+|\b[\w.-]+\.(?:com|org|net|edu|gov|uk|io)(?:/\S*)?\b")
_PAGE_MARK = _rx(r"\s*(?:page\s+)?\d+\s*(?:/|of)\s*\d+\s*$")
_MARKDOWN = re.compile(r"\*\*|__|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)|`")
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")


# --------------------------------------------------------------------------- units


@dataclass
class _Unit:
    """One logical line of the posting: a heading, a paragraph, a bullet, a field."""

    text: str
    line: int
    block: int
    #: What set the unit apart: "heading", "field", "nav", or "" for running text.
    role: str = ""
    #: The heading's kind for a heading; the field's label for a field.
    label: str = ""
    kind: str = "intro"
    section: str | None = None
    #: Marked "preferred" / "a plus" (1.4) or "required" (2.0) by the item itself.
    marked: str = ""
    #: In the header: the short lines above the first heading or sentence.
    header: bool = False


_KEY_TABLE = str.maketrans({"*": None, "_": None, "`": None, "\u2019": "'", "&": " and ",
                            "/": " and "})


def _heading_key(text: str) -> str:
    """A heading as its patterns read it: lower-case, "&" and "/" as "and", no Markdown,
    no trailing colon."""
    return " ".join(text.translate(_KEY_TABLE).lower().split()).rstrip(":").strip()


def _alternation(patterns: Sequence[tuple[str, re.Pattern[str]]]) -> re.Pattern[str]:
    """One pattern for a list of (kind, pattern): the first kind that matches wins."""
    return _rx("|".join(f"(?P<k{i}>{p.pattern})" for i, (_k, p) in enumerate(patterns)))


_CLOSED = _alternation(_HEADINGS)
_ALL = _alternation((*_HEADINGS, *_OPEN_HEADINGS))
_KINDS = tuple(k for k, _p in (*_HEADINGS, *_OPEN_HEADINGS))


def heading_kind(text: str, *, run_in: bool = False) -> str | None:
    """The kind of a posting heading ("What you bring" -> "required"), None if unknown.

    ``run_in``: the heading runs straight into its text, so a heading that ends in a name
    ("About Riverstone") cannot be told from the sentence after it and is not taken."""
    key = _heading_key(text)
    if not key or len(key) > 60:
        return None
    m = (_CLOSED if run_in else _ALL).fullmatch(key)
    if m is None or m.lastgroup is None:
        return None
    return _KINDS[int(m.lastgroup[1:])]


#: Words that say what an unknown heading is about (a heading no pattern knows).
_HEADING_WORDS = (
    ("benefits", _rx(r"\b(?:benefit|compensation|salary|pay|perk|reward)")),
    ("eeo", _rx(r"\b(?:equal|diversity|inclusion)")),
    ("apply", _rx(r"\b(?:apply|application)")),
    ("about", _rx(r"^(?:about|who we are)\b")),
    ("preferred", _rx(r"\b(?:prefer|desir|nice to have|plus)")),
    ("required", _rx(r"\b(?:requir|qualif|skill|experience|education|licen[cs]|certif|"
                     r"credential|competenc)")),
    ("duties", _rx(r"\b(?:responsib|dut(?:y|ies)|function)")),
    ("summary", _rx(r"\b(?:role|position|job|opportunit|summary|overview|description)")),
)


def _unknown_heading_kind(text: str) -> str:
    key = _heading_key(text)
    for kind, pattern in _HEADING_WORDS:
        if pattern.search(key):
            return kind
    return "other"


#: One-word headings that may run straight into their text without a colon ("Overview
#: Northfield Health is ..."); other one-word headings ("Training", "Experience") open
#: ordinary sentences too often.
_RUN_IN_WORDS = frozenset({"overview", "summary", "responsibilities", "duties", "qualifications",
                           "requirements", "benefits", "compensation", "essential",
                           "desirable", "preferred", "about", "eligibility", "credentials",
                           "licensure", "perks", "highlights"})
_LEADING_BULLET = re.compile(r"^\s*(?:[-\u2013*\u2022\u25aa\u25cf\u25e6\u25a0>]|\(?\d{1,2}[.)])\s+")
_BULLET_IN_BLOCK = re.compile(
    r"(?<=[.;:!?)\]])\s+(?:[-\u2013*\u2022\u25aa\u25cf\u25e6\u25a0]|\(?\d{1,2}[.)])\s+(?=\S)|"
    r"\s+[\u2022\u25aa\u25cf\u25e6\u25a0]\s+"
)
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]*]*\s+(?=[\"'(\[*]*[A-Z0-9\u2022$\u00a3])|"
                           r"(?<=;)\s+(?=\S)")
_ABBREVIATIONS = frozenset({"dr", "mr", "mrs", "ms", "st", "no", "vs", "etc", "e.g", "i.e",
                            "inc", "ltd", "co", "jr", "sr", "prof", "approx", "dept", "u.s",
                            "a.m", "p.m", "mt", "ft", "jan", "feb", "mar", "apr", "jun",
                            "jul", "aug", "sep", "sept", "oct", "nov", "dec"})
_WORD = re.compile(r"\S+")
_COLON = re.compile(r"\s*:(?=\s|$)")
_FIELD_AT = re.compile(r"(?P<label>[A-Za-z][\w'/ .#-]{0,40}?)\s*:(?:\s+|$)")


def _labels(text: str) -> list[tuple[int, str]]:
    """(start, label) of every "Label:" in ``text`` that starts with a capital after a space
    ("... (Full Time) Company: Granite Peak"), nearest start to the colon first."""
    out = []
    for m in _COLON.finditer(text):
        lo = max(0, m.start() - 41)
        stretch = text[lo:m.start()]
        for w in re.finditer(r"(?:^|(?<=\s))[A-Z]", stretch):
            if lo + w.start() == 0 and lo > 0:
                continue
            out.append((lo + w.start(), text[lo + w.start():m.start()]))
    return out


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``text``; "Dr. Okafor" and "e.g. Epic" stay whole."""
    spans = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        before = text[start:m.start()].rstrip("\"')]*")
        word = before.rsplit(None, 1)[-1].rstrip(".").lower() if before.split() else ""
        if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
            continue
        spans.append((start, m.start()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _clean(text: str) -> str:
    """Markdown left in a pasted posting ("**What you bring**", "[Apply](...)", "## ")."""
    text = _MD_LINK.sub(r"\1", text)
    text = _MARKDOWN.sub("", text)
    text = re.sub(r"^\s*#{1,6}\s+", "", text)
    return " ".join(text.split())


_WEB_ADDRESS = _rx(r"(?:https?://|www\.)\S+(?:\s+(?:page\s+)?\d+\s*(?:/|of)\s*\d+\b)?")
_NAV_TAIL = _rx(r"(?:\s+(?:apply now|apply|save job|save|share this job|share|message|follow|"
                r"sign in|\W*show more|show less|see more|set alert))+\s*$")


def _split_block(text: str) -> list[tuple[str, str, str]]:
    """A block's pieces as (text, role, label): bullets, run-in headings, fields, print
    lines."""
    pieces: list[tuple[str, str, str]] = []
    # A bold span opening a block is a heading in Markdown pasted as text ("**The role** ...").
    bold = re.match(r"^\s*(\*\*|__)(?P<h>[^*_]{1,80}?)\1:?\s*(?P<rest>.*)$", text)
    if bold and len(bold.group("h").split()) <= 8 and bold.group("h").strip()[-1:] not in ".!?,;":
        head = _clean(bold.group("h"))
        kind = heading_kind(head)
        if kind is not None or bold.group("rest").strip():
            pieces.append((head, "heading", kind or _unknown_heading_kind(head)))
            text = bold.group("rest")
    text = _WEB_ADDRESS.sub(" ", _clean(text))
    stamp = _DATE_TIME.match(text)
    if stamp and stamp.end() > 0:
        pieces.append((text[:stamp.end()].strip(), "nav", ""))
        text = text[stamp.end():]
    for part in _BULLET_IN_BLOCK.split(text):
        part = _LEADING_BULLET.sub("", part).strip()
        if part:
            for piece in _split_run_in(part):
                pieces.extend(_nav_tail(piece))
    return pieces


def _nav_tail(piece: tuple[str, str, str]) -> list[tuple[str, str, str]]:
    """"Interventional Pain Medicine Physician Apply now Save job Share": the line, then
    the site's buttons."""
    text, role, label = piece
    if role or _is_prose(text):
        return [piece]
    words = list(_WORD.finditer(text))
    if len(words) <= 40 and any(_NAV_LINE.fullmatch(w.group(0)) for w in words[-5:]):
        # Site navigation run on after the line ("Northfield Health Careers Home Search Jobs
        # ... Sign In < Back to search results").
        for w in words[1:]:
            if _NAV_LINE.fullmatch(text[w.start():]):
                return [(text[:w.start()].strip(), role, label),
                        (text[w.start():].strip(), "nav", "")]
    at = max(0, len(text) - 80)
    m = _NAV_TAIL.search(text, at)
    if not m or m.start() == 0:
        return [piece]
    return [(text[:m.start()].strip(), role, label), (m.group(0).strip(), "nav", "")]


#: Known headings of two words or more inside a line of job data, where the reader joined
#: the lines ("... Las Cruces, New Mexico About Us Saguaro ...").
def _inline_heading_starts(text: str, start: int, limit: int) -> list[int]:
    """Known headings of two words or more inside a line of job data, where the reader
    joined the lines ("... Las Cruces, New Mexico About Us Saguaro ..."): only in the
    stretch ``[start, limit)`` that runs up to the first sentence end, and only after a
    stretch that is job data (capitalised words or separators)."""
    starts: list[int] = []
    words = list(_WORD.finditer(text, start, min(limit, start + 600)))
    for i, w in enumerate(words):
        if i == 0 or not w.group(0)[:1].isupper():
            continue
        first = re.match(r"[a-z]*", w.group(0).lower()).group(0)
        if first not in _HEADING_WORDS_USED:
            continue
        keys = [_heading_key(x.group(0)) for x in words[i:i + 6]]
        if not _ANY_PREFIX.match(" ".join(keys)):
            continue
        prefix = text[start:w.start()]
        if not (_SEPARATORS.search(prefix) or _title_case(prefix)
                or heading_kind(prefix.strip()) is not None):
            continue
        shortest = 1 if keys[0] in _RUN_IN_WORDS else 2
        for n in range(min(6, len(words) - i), shortest - 1, -1):
            if _CLOSED.fullmatch(" ".join(k for k in keys[:n] if k)):
                starts.append(w.start())
                break
    return starts


_ANY_PREFIX = _rx(r"(?:" + _CLOSED.pattern + r")(?=[ :]|$)")
#: Every word the heading patterns are written with: a heading starts with one of them
#: (a quick test before the patterns themselves).
_HEADING_WORDS_USED = frozenset(re.findall(r"[a-z]+", " ".join(
    p.pattern for _k, p in (*_HEADINGS, *_OPEN_HEADINGS))))


def _peel_heading(text: str, pos: int = 0) -> tuple[str, str, int] | None:
    """A known heading, or a field label, at ``pos`` of ``text``: (heading or label, kind
    or "field", where what follows it starts)."""
    window = text[pos:pos + 160]
    words = list(itertools.islice(_WORD.finditer(window), 9))
    first = re.match(r"[a-z]*", words[0].group(0).lstrip("*_#(").lower()).group(0) \
        if words else ""
    keys = [_heading_key(w.group(0)) for w in words] if first in _HEADING_WORDS_USED else []
    # Most places are no heading: one look at the start before trying every length.
    if keys and (_ANY_PREFIX.match(" ".join(keys)) or
                  len(words) <= 6 and _ALL.fullmatch(" ".join(keys))):
        for n in range(len(words), 0, -1):
            end = words[n - 1].end()
            head = window[:end].rstrip(":")
            colon = window[:end].endswith(":")
            rest_at = end
            while rest_at < len(window) and window[rest_at] in " :":
                colon = colon or window[rest_at] == ":"
                rest_at += 1
            nxt = window[rest_at:rest_at + 1]
            key = " ".join(k for k in keys[:n] if k)
            if not key or len(key) > 60:
                continue
            m = (_CLOSED if nxt and not colon else _ALL).fullmatch(key)
            if m is None or m.lastgroup is None:
                continue
            kind = _KINDS[int(m.lastgroup[1:])]
            if colon and key in _TITLE_FIELDS and _looks_like_title(window[rest_at:rest_at + 80]
                                                                   .split(".")[0]):
                return head.strip(), "field", pos + rest_at
            if kind == "meta" and colon and nxt:  # "Location: Duluth, MN": a field
                return head.strip(), "field", pos + rest_at
            if not colon and nxt:
                if not (nxt.isupper() or nxt.isdigit() or nxt in "\"(\u2022-$\u00a3"):
                    continue
                if n == 1 and head.lower() not in _RUN_IN_WORDS:
                    continue
            return head.strip(), kind, pos + rest_at
    f = _FIELD_AT.match(window) if ":" in window[:44] else None
    if f and _FIELDS.fullmatch(f.group("label").strip()):
        return f.group("label").strip(), "field", pos + f.end()
    return None


def _split_run_in(text: str) -> list[tuple[str, str, str]]:
    """Run-in headings and fields, at the start and after any sentence of ``text``
    (one pass over the text, however long: a posting pasted as one line of 1 MB)."""
    out: list[tuple[str, str, str]] = []
    sentence_starts = [s for s, _e in sentence_spans(text)]
    labels = [at for at, label in _labels(text) if at > 0
              and (heading_kind(label) is not None or _FIELDS.fullmatch(label))]
    cuts = sorted(set(sentence_starts) | set(labels))
    n = len(text)
    pos = 0
    ci = 0
    while pos < n:
        bullet = _LEADING_BULLET.match(text, pos)
        if bullet:
            pos = bullet.end()
        while pos < n and text[pos].isspace():
            pos += 1
        if pos >= n:
            break
        peeled = _peel_heading(text, pos)
        if peeled is not None:
            head, kind, pos = peeled
            if kind == "field":
                value_end = _field_value_end(text, pos)
                value = text[pos:value_end].strip()
                if value:
                    out.append((f"{head}: {value}", "field", head.lower()))
                else:  # "Ability to Commute:" above its value: a heading of job data
                    out.append((head, "heading", "meta"))
                pos = value_end
            else:
                out.append((head, "heading", kind))
            continue
        if n - pos < 200 and _NAV_LINE.fullmatch(text[pos:].strip()):
            out.append((text[pos:].strip(), "nav", ""))
            break
        # Run to the next sentence that opens with a heading or a field, to the next
        # heading or field label written with a colon ("... Message Position Summary:"), or
        # to a heading inside a line of job data.
        while ci < len(cuts) and cuts[ci] <= pos:
            ci += 1
        first_end = cuts[ci] if ci < len(cuts) else n
        inline = _inline_heading_starts(text, pos, first_end)
        cut = None
        for c in inline:
            if _peel_heading(text, c) is not None:
                cut = c
                break
        if cut is None:
            for k in range(ci, len(cuts)):
                if _peel_heading(text, cuts[k]) is not None:
                    cut = cuts[k]
                    break
        if cut is None:
            rest = text[pos:]
            # A heading left hanging at the end ("... an equivalent qualification. Desirable").
            tail = re.search(r"(?<=[.!?])\s+(?P<h>[A-Z][\w' ]{2,40}?):?$", rest[-60:])
            if tail and heading_kind(tail.group("h")) is not None:
                cut_at = len(rest) - 60 + tail.start() if len(rest) > 60 else tail.start()
                out.append((rest[:cut_at].strip(), "", ""))
                out.append((tail.group("h"), "heading", heading_kind(tail.group("h")) or ""))
            else:
                out.append((rest.strip(), "", ""))
            break
        out.append((text[pos:cut].strip(), "", ""))
        pos = cut
    return [(t, r, k) for t, r, k in out if t]


def _field_value_end(text: str, pos: int) -> int:
    """Where a field's value ends: its first sentence end or the next field label, whichever
    comes first ("Manchester, New Hampshire Reports to: ...")."""
    window = text[pos:pos + 400]
    spans = sentence_spans(window)
    end = spans[0][1] if spans else len(window)
    if end == len(window) and len(window) == 400:
        end = len(window)
    for at, label in sorted(_labels(window)):
        if at >= end:
            break
        if at > 0 and _FIELDS.fullmatch(label.strip()):
            end = at
            break
    return pos + end


_MARKED_PREFERRED = _rx(r"(?:\(?\bpreferred\)?|\b(?:is |are |would be )?a plus|\bdesirable|"
                        r"\b(?:is |would be )?an advantage|\b(?:is |are )?(?:also )?welcome|"
                        r"\bnice to have)[.!]?\)?$")
_MARKED_REQUIRED = _rx(r"\((?:required|essential|must)\)[.!]?$|\brequired[.!]?$")
_SEPARATORS = re.compile(r"\s[|\u00b7\u2022]\s|\t")
#: Words that join the capitalised words of a name or title ("Doctor of Medicine").
_CONNECTORS = frozenset({"of", "and", "&", "for", "in", "on", "the", "at", "to", "-", "\u2013",
                         "\u2014", "|", "/", "a", "an"})


#: Where a line of a list began, in lines the reader joined ("... in pain medicine
#: Experience with spinal cord stimulator implants Epic experience ..."): a capitalised word
#: after a lower-case word that cannot end a phrase inside a line, or after a place.
_LINE_START = re.compile(
    r"(?<=[a-z0-9)])\s+(?=[A-Z][a-z])|(?<=[A-Z]{2})\s+(?=[A-Z][a-z])|"
    r"(?<=\d{5})\s+(?=[A-Z])"
)
_NO_LINE_END = frozenset({"in", "with", "the", "and", "of", "for", "to", "by", "at", "a", "an",
                          "or", "on", "from", "our", "your", "their", "its", "as", "into",
                          "via", "per", "than", "southern", "northern", "eastern", "western",
                          "central", "new", "greater", "is", "are", "be"})


def _recover_lines(piece: tuple[str, str, str]) -> list[tuple[str, str, str]]:
    """Lines of a list the reader joined into one block: a stretch without a sentence end
    is cut before each capitalised word that starts a line ("... board eligible in pain
    medicine Experience with spinal cord stimulator implants ...")."""
    text, role, label = piece
    if role or len(text.split()) < 8 or re.search(r"[.!?;](?:\s|$)", text):
        return [piece]
    out: list[tuple[str, str, str]] = []
    start = 0
    for m in _LINE_START.finditer(text):
        before = text[start:m.start()].split()
        last = before[-1] if before else ""
        # After an acronym only when a lower-case word stands before it ("lumbar MRI
        # Participating"), never inside a name ("NHS Foundation Trust").
        acronym = re.fullmatch(r"[A-Z]{2,}", last) is not None and len(before) > 1 and (
            before[-2].islower() or before[-2].endswith(",") and len(last) == 2)
        if not last or not acronym and (last.lower() in _NO_LINE_END or not (
                last.islower() or last[-1:] in ")0123456789")):
            continue
        out.append((text[start:m.start()].strip(), "", ""))
        start = m.end()
    out.append((text[start:].strip(), "", ""))
    return [p for p in out if p[0]]


def _is_prose(text: str) -> bool:
    """A sentence, not a line of job data: five words or more and a sentence end."""
    return len(text.split()) >= 5 and bool(re.search(r"[a-z)][.!?](?:\s|$)", text))


def _title_case(text: str) -> bool:
    words = [w for w in re.findall(r"[\w'&+/-]+", text) if w.lower() not in _CONNECTORS]
    return bool(words) and all(w[:1].isupper() or w[:1].isdigit() for w in words)


#: Field names a job board prints without a colon ("time type", "posted on").
_FIELD_WORDS = _rx(r"\b(?:time type|posted on|job requisition id|requisition id|job id|"
                   r"job type|employment type|work location|locations?|reference number|"
                   r"closing date|date posted|full[- ]time|part[- ]time)\b")


def _header_material(text: str) -> bool:
    """A line of the header: title, employer, place, job data, separators, print lines."""
    return bool(_SEPARATORS.search(text) or _title_case(text) or _DATE_TIME.match(text)
                or _URL.search(text) or _looks_like_title(text) or _FIELD_WORDS.search(text)
                or _NAV_LINE.fullmatch(text) or boilerplate_sentence(text))


def _heading_shaped(block: Block, text: str) -> bool:
    """A line set apart as a heading: styled, bold, capitals or a trailing colon, short."""
    words = text.split()
    if not words or len(words) > 8 or text[-1] in ".,;!?" or _SEPARATORS.search(text):
        return False
    if text.endswith(":") and len(words) <= 6:
        return True
    if block.is_heading or (block.bold and len(words) <= 6):
        return True
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters)


def _block_lines(document: Document) -> list[int]:
    """How many source lines each block may span: up to the next block's first line (the
    last block of a text file: its length at about 80 characters a line). Units cut out
    of a block get a line in proportion to where they start: exact for a block of one
    line, an estimate where the reader joined lines."""
    spans = []
    blocks = document.blocks
    for i, b in enumerate(blocks):
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        if nxt is not None and nxt.page == b.page and nxt.line > b.line:
            spans.append(nxt.line - b.line)
        elif nxt is None and document.format in ("text", "markdown"):
            spans.append(max(1, len(b.text) // 80))
        else:
            spans.append(1)
    return spans


def segment(document: Document) -> list[_Unit]:
    """The posting's units, each with the section kind it stands in."""
    units: list[_Unit] = []
    kind, section = "intro", None
    known = False  # a known heading has been seen
    in_header = True
    header_texts: list[str] = []
    spans = _block_lines(document)
    for b, block in enumerate(document.blocks):
        raw = block.text.strip()
        if not raw or block.hidden:
            continue
        pieces = _split_block(raw)
        if spans[b] > 1 and document.format in ("text", "markdown"):
            pieces = [p for piece in pieces for p in _recover_lines(piece)]
        if len(pieces) == 1 and pieces[0][1] == "" and _heading_shaped(block, pieces[0][0]):
            text = pieces[0][0]
            hk = heading_kind(text)
            if hk is not None or known:
                pieces = [(text.rstrip(":").strip(), "heading",
                           hk or _unknown_heading_kind(text))]
        pos = 0
        for text, role, label in pieces:
            at = raw.find(text[:20], pos)
            if at >= 0:
                pos = at
            line = block.line + min(spans[b] - 1, (pos * spans[b]) // max(len(raw), 1))
            unit = _Unit(text=text, line=line, block=b, role=role, label=label)
            if role == "heading":
                if label in ("", "other") and not known:
                    unit.role, unit.kind, unit.header = "", "intro", True
                    units.append(unit)
                    continue
                kind, section = label, text
                if label != "meta":  # a job-details box belongs to the header
                    known, in_header = True, False
                unit.kind, unit.section = kind, section
                units.append(unit)
                continue
            unit.section = section
            if role == "field":
                unit.kind = "meta"
            elif role == "nav" or _DATE_TIME.match(text) or _PAGE_MARK.fullmatch(text) or (
                    _URL.search(text) and len(_URL.sub("", text).split()) <= 3):
                unit.kind, unit.role = "nav", "nav"
            elif _FORWARD.search(text):
                for u in units:
                    if u.kind == "intro":
                        u.kind = "note"
                unit.kind, unit.role = "note", "nav"
                kind, in_header = "intro", True
            elif _GREETING.match(text):
                unit.kind = "note"
            elif _SIGN_OFF.match(text):
                unit.kind = kind = "signature"
            elif not _is_prose(text) and any(h.startswith(text) for h in header_texts):
                unit.kind, unit.role = "nav", "nav"  # a print line repeated on each page
            else:
                unit.kind = kind
                if kind == "intro" and in_header:
                    if _header_material(text) and not _is_prose(text):
                        unit.header = True
                        header_texts.append(text)
                    else:
                        in_header = False
            if _MARKED_PREFERRED.search(text[-40:]):
                unit.marked = "preferred"
            elif _MARKED_REQUIRED.search(text[-20:]):
                unit.marked = "required"
            units.append(unit)
    return units


# --------------------------------------------------------------------------- title, employer

#: Words that make a line look like a job title (its head noun).
TITLE_HEADS = frozenset({
    "physician", "physicians", "doctor", "professor", "director", "surgeon", "specialist",
    "anesthesiologist", "anaesthetist", "fellow", "resident", "consultant", "chief", "chair",
    "manager", "nurse", "practitioner", "officer", "hospitalist", "psychiatrist",
    "neurologist", "physiatrist", "clinician", "provider", "instructor", "lecturer",
    "attending", "associate", "assistant", "engineer", "analyst", "coordinator", "therapist",
    "pharmacist", "psychologist", "md", "registrar", "physiotherapist", "technologist",
    "technician", "counselor", "counsellor", "dietitian", "midwife", "paramedic", "scientist",
    "researcher", "educator", "lead", "head", "intensivist", "radiologist", "oncologist",
    "pediatrician", "paediatrician", "internist", "partner",
})
#: People the applicant works with, not what the applicant is ("pain psychologist",
#: "nurse case manager"): a phrase ending in one of these is a role, never a term.
ROLE_NOUNS = TITLE_HEADS | frozenset({
    "therapists", "psychologists", "pharmacists", "nurses", "surgeons", "residents",
    "fellows", "students", "trainees", "trainee", "colleagues", "colleague", "partners",
    "investigators", "investigator", "practitioners", "providers", "clinicians", "coach",
    "coaches", "worker", "workers", "aide", "aides", "scribe", "scribes", "recruiter",
    "manager", "managers", "consultants", "specialists", "physiotherapists", "staff",
    "team", "teams", "member", "members", "faculty", "peers", "learners", "surgeon",
    "neurosurgeons", "orthopedists", "assistants", "technicians", "team-members", "person",
    "someone", "anyone", "candidate", "candidates", "applicant", "applicants", "directors",
    "physicians", "doctors", "anesthesiologists", "physiatrists", "neurologists",
})
_NOT_TITLE = _rx(r"\b(?:careers?|recruit\w*|job id|posted|search|sign in|apply|similar|"
                 r"followers|employees|applicants|alert|hiring team)\b")
_ORG_WORDS = frozenset({
    "health", "system", "group", "hospital", "hospitals", "university", "clinic", "clinics",
    "partners", "institute", "center", "centre", "associates", "practice", "llc", "inc",
    "medical", "healthcare", "network", "school", "college", "foundation", "services",
    "specialists", "trust", "care", "spine", "wellness", "medicine", "physicians", "ltd",
    "corporation", "company", "pllc", "pc", "pa", "consortium", "collaborative", "alliance",
})
#: An organisation that finds staff for others, not the hiring employer.
_RECRUITING_FIRM = _rx(r"\b(?:search|staffing|recruit\w*|talent|locums?|placement|headhunt\w*|"
                       r"consulting|agency|agencies|tenens)\b")
#: Words that say how senior a post is; a resume need not repeat them to state the title.
SENIORITY = frozenset({
    "senior", "junior", "lead", "staff", "principal", "chief", "associate", "assistant",
    "head", "entry", "level", "mid", "full", "time", "part", "i", "ii", "iii", "attending",
})
#: Employment-type asides stripped from a title ("(Full Time)").
PARENS = re.compile(r"\s*\([^)]*\)")
#: Words in front of a title that qualify the hire, not the post ("BC/BE", "board-certified").
_TITLE_QUALIFIERS = _rx(
    r"^(?:(?:bc/be|be/bc|bc|be|board[- ]certified|board[- ]eligible|fellowship[- ]trained|"
    r"full[- ]time|part[- ]time|experienced|dedicated|talented|motivated|new|additional|"
    r"another|second|third|fourth|fifth|substantive|permanent|locum|temporary|remote|"
    r"fwd:|fw:|re:|opportunity|job|position|opening|urgent|now hiring|hiring|career|"
    r"exciting|outstanding|excellent)\s*[-:\u2013,]?\s+)+"
)
_US_STATES = (
    "Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|"
    "Georgia|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|"
    "Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|"
    "New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|"
    "Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|"
    "Vermont|Virginia|Washington|West Virginia|Wisconsin|Wyoming"
)
#: "Duluth, Minnesota", "Cedar Rapids, IA", "Fort Collins, CO 80521": a place.
_STATE_NAME = re.compile(r"(?:" + _US_STATES + r")\b")
_STATE_CODES = (
    "AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|"
    "NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|DC|ON|BC|AB|QC"
)
_PLACE = re.compile(
    r"\b(?P<city>[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}),\s+(?:" + _US_STATES + "|" + _STATE_CODES +
    r"|England|Scotland|Wales|Canada|Ontario|Ireland)\b"
)
_TITLE_TOKEN = re.compile(r"[A-Za-z][\w'&+.]*(?:/[A-Za-z][\w'&+.]*)*|[-\u2013\u2014,|]")


def _words_of(text: str) -> list[str]:
    return re.findall(r"[a-z]+", text.lower())


def _looks_like_title(text: str) -> bool:
    words = _words_of(PARENS.sub("", text))
    return (0 < len(words) <= 40 and not _NOT_TITLE.search(text)
            and bool(set(words) & TITLE_HEADS))


def _trim_title(text: str) -> str | None:
    """The job title inside a header line: the run of capitalised words that ends with a
    title word, plus what completes it ("of Anesthesiology", "in Pain Medicine",
    "- Pain Medicine", ", Telehealth Pain Medicine"); a place after it is cut."""
    text = PARENS.sub("", text)
    text = _DATE_TIME.sub("", text).strip(" -|:,")
    text = _TITLE_QUALIFIERS.sub("", text)
    tokens = [(m.group(0), m.start(), m.end()) for m in _TITLE_TOKEN.finditer(text)]
    for i, (tok, _s, _e) in enumerate(tokens):
        if tok.lower() not in TITLE_HEADS:
            continue
        # Walk back over the capitalised words in front of the head ("Pain and Addiction
        # Medicine Physician"), forward over heads right after it ("Nurse Practitioner").
        start = i
        while start > 0:
            prev = tokens[start - 1][0]
            if prev[:1].isupper() or prev.lower() in ("and", "&", "/") and start - 1 > 0:
                start -= 1
            else:
                break
        while start < i and tokens[start][0].lower() in ("and", "&", "/"):
            start += 1
        end = i
        while end + 1 < len(tokens) and tokens[end + 1][0].lower() in TITLE_HEADS:
            end += 1
        end = _title_completion(text, tokens, end)
        title = text[tokens[start][1]:tokens[end][2]].strip(" -,")
        if tokens[start][0].lower() in ("the", "a", "an"):
            return None
        return title
    return None


def _title_completion(text: str, tokens: list[tuple[str, int, int]], end: int) -> int:
    """Extend a title over what completes it: "of X", "in X", "- X", ", X" where X is a
    run of capitalised words that is neither a place ("in Bend, OR") nor an employer."""
    j = end + 1
    if j + 1 >= len(tokens) or tokens[j][0].lower() not in ("of", "in", "-", "\u2013", ","):
        return end
    k = j + 1
    while k < len(tokens) and (tokens[k][0][:1].isupper()
                               or tokens[k][0].lower() in ("and", "&", "of")):
        k += 1
    while k > j + 1 and tokens[k - 1][0].lower() in ("and", "&", "of"):
        k -= 1
    if k == j + 1 or _PLACE.match(text, tokens[j + 1][1]):
        return end
    tail = set(_words_of(text[tokens[j + 1][1]:tokens[k - 1][2]]))
    if tail & (_ORG_WORDS - {"medicine", "care", "health", "spine", "medical"}):
        return end
    return k - 1


def _first_name_run(text: str) -> str | None:
    m = _NAME_RUN.search(text)
    return m.group(0).strip() if m else None


_NAME_RUN = re.compile(
    r"[A-Z][\w'.-]*(?:\s+(?:of|and|for|the|&|at|de|du|la)?\s*[A-Z][\w'.-]*)*"
    r"(?:\s+&\s+[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*)*)?"
)
#: Where a posting names its employer, strongest first.
_EEO_SUBJECT = re.compile(
    r"(?:^|[.!?]\s+)(?P<name>[A-Z][\w&'.-]*(?:\s+(?:of|and|for|the|&)?\s*[A-Z][\w&'.-]*)*)"
    r"\s+(?:is|are)\s+(?:an?\s+|proud(?:ly)?\s+(?:to be\s+)?(?:an?\s+)?|committed to\s+)?"
    r"(?:equal|eeo|an equal)", re.IGNORECASE)
_HIRING_SUBJECT = re.compile(
    r"(?:^|[.!?]\s+)(?P<name>[A-Z][\w&'.-]*(?:\s+(?:of|and|for|the|&)?\s*[A-Z][\w&'.-]*)*)"
    r"(?:'s [\w ]+?)?\s+(?:is|are)\s+(?:currently\s+|now\s+)?(?:seeking|looking for|"
    r"recruiting|hiring|adding|searching for)\b|"
    r"(?:^|[.!?]\s+)(?P<name2>[A-Z][\w&'.-]*(?:\s+(?:of|and|for|the|&)?\s*[A-Z][\w&'.-]*)*)"
    r"\s+(?:seeks|invites applications|recruits)\b")
_SEARCH_FOR = re.compile(
    r"\b(?i:search for|on behalf of|our client,?|helping|recruiting for|working with)\s+"
    r"(?P<name>[A-Z][\w&'.-]*(?:\s+(?:of|and|for|the|&)?\s*[A-Z][\w&'.-]*)*)")
_ABOUT_NAME = re.compile(
    r"^(?P<name>[A-Z][\w&'.-]*(?:\s+(?:of|and|for|the|&)?\s*[A-Z][\w&'.-]*)*)"
    r"(?:'s\s[\w -]+?)?\s+" + _ABOUT_VERBS + r"\b")
_POSTED_BY = re.compile(r"\bposted by\s+(?P<name>[A-Z][\w&'.-]*(?:\s+(?:of|and|for|the|&)?"
                        r"\s*[A-Z][\w&'.-]*)*)")
#: Words that end a name run taken from running text ("... Trust Address Fernhill").
_NAME_STOP = frozenset({"address", "location", "website", "phone", "email", "e-mail",
                        "careers", "career", "jobs", "job", "skip", "apply", "search", "sign",
                        "home", "is", "are", "full", "part", "time", "remote", "on-site",
                        "hybrid", "contract", "permanent", "closing", "reference", "salary",
                        "department", "division", "we", "our", "the"})


def _trim_name(name: str | None) -> str | None:
    if not name:
        return None
    words = name.replace("\u00b7", " ").split()
    out: list[str] = []
    for w in words:
        if w.lower().strip(".,:") in _NAME_STOP and out:
            break
        out.append(w)
    while out and out[-1].lower() in ("of", "and", "for", "the", "&", "at"):
        out.pop()
    while out and out[0].lower() in ("the", "at", "a", "an"):
        out.pop(0)
    name = " ".join(out).strip(" .,:;-")
    if not name or len(name) < 3 or _RECRUITING_FIRM.search(name):
        return None
    if name.lower() in ("we", "our", "they", "the physician", "job", "employer"):
        return None
    return name


def _org_like(name: str) -> bool:
    words = set(_words_of(name))
    return bool(words & _ORG_WORDS) and len(name.split()) >= 2 and not (words & TITLE_HEADS)


def find_employer(units: Sequence[_Unit]) -> str | None:
    """The hiring employer: a labelled value, else the name the posting gives most strongly
    (equal-opportunity subject, "X is seeking", "a search for X", "X is a ...", the company
    line of the header), extended to its longest spelling ("Harbor Bend" -> "Harbor Bend
    Multispecialty Group"). A recruiting firm ("... Physician Search", "... Staffing") is
    never the employer."""
    for u in units:
        if u.role == "field" and u.label in _EMPLOYER_FIELDS:
            name = _trim_name(_first_name_run(u.text.split(":", 1)[1]))
            if name:
                return _extend(name, units)
        m = _POSTED_BY.search(u.text)
        if m and (u.header or u.kind == "meta"):
            name = _trim_name(m.group("name"))
            if name:
                return _extend(name, units)
    # "Employer name" as a line of its own, the name on the next line (NHS adverts).
    for u, nxt in zip(units, units[1:], strict=False):
        if re.fullmatch(r"(?:employer|company|organi[sz]ation)(?: name)?:?", u.text.strip(),
                        re.IGNORECASE) and nxt.text:
            name = _trim_name(_first_name_run(nxt.text))
            if name:
                return _extend(name, units)
        if u.role == "heading" and re.fullmatch(r"employer(?: details| name)?", u.text.lower()):
            m = re.search(r"\bemployer name:?\s+(.+)", nxt.text, re.IGNORECASE)
            if m:
                name = _trim_name(_first_name_run(m.group(1)))
                if name:
                    return _extend(name, units)
    votes: Counter[str] = Counter()
    first: dict[str, int] = {}

    def vote(name: str | None, weight: int, at: int) -> None:
        name = _trim_name(name)
        if name:
            name = _extend(name, units)
            votes[name] += weight
            first.setdefault(name, at)

    for at, u in enumerate(units):
        text = u.text
        for m in _EEO_SUBJECT.finditer(text):
            vote(m.group("name"), 4, at)
        if u.kind in BOILERPLATE and u.kind not in ("about", "eeo", "benefits", "apply") \
                and not (u.role == "field" and u.label == "subject"):
            continue
        for m in _HIRING_SUBJECT.finditer(text):
            vote(m.group("name") or m.group("name2"), 4, at)
        for m in _SEARCH_FOR.finditer(text):
            vote(m.group("name"), 4, at)
        m = _ABOUT_NAME.match(text)
        if m and u.role != "field" and not u.header and heading_kind(m.group("name")) is None \
                and (_org_like(m.group("name")) or len(m.group("name").split()) >= 2):
            vote(m.group("name"), 2, at)
        if u.header or (u.role == "field" and u.label == "subject"):
            value = text.split(":", 1)[1] if u.role == "field" else text
            for part in re.split(r"\s+[|\u00b7\u2022]\s+|\s+[-\u2013\u2014]\s+|\t|\s+at\s+",
                                 value):
                part = PARENS.sub("", part).strip()
                title = _trim_title(part)
                if title and part.startswith(title):  # "Pain Physician Harborview Clinic"
                    part = part[len(title):].strip(" ,-")
                name = _trim_name(_first_name_run(part))
                subject = u.role == "field"  # "... opening at Granite Falls Orthopedics"
                if name and (_org_like(name) or subject and len(name.split()) >= 2) and \
                        not _looks_like_title(name):
                    vote(name, 1, at)
    if not votes:
        return None
    return max(votes, key=lambda n: (votes[n], -first[n], len(n)))


def _extend(name: str, units: Sequence[_Unit]) -> str:
    """The longest spelling of ``name`` the posting uses as a name of its own ("Harbor Bend"
    -> "Harbor Bend Multispecialty Group"): a longer run that starts with it, ends with an
    organisation word and stands apart (its own line or part of a line, or a sentence
    subject)."""
    best = name
    pattern = re.compile(re.escape(name) + r"(?:\s+(?:of|and|for|&)?\s*[A-Z][\w&'.-]*)+")
    for u in units:
        for m in pattern.finditer(u.text):
            run = _trim_name(m.group(0)) or ""
            words = run.split()
            while words and words[-1].lower() not in _ORG_WORDS:
                words.pop()
            run = " ".join(words)
            if len(run) > len(best) and run.startswith(name) and _org_like(run):
                after = u.text[m.start() + len(run):m.start() + len(run) + 12]
                if after[:1] in ("", " ", ",", ".", ":") and not after.strip()[:1].isupper() or \
                        re.match(r"\s+(?:is|are|has|runs|serves|brings)\b", after):
                    best = run
    return best


def find_title(units: Sequence[_Unit], employer: str | None) -> str | None:
    """The job title: a labelled value, an e-mail subject, a title line of the header, the
    post a sentence says is hired ("seeking a board-certified ... physician to join"), or
    the line before the first duties or requirements heading."""
    def strip_employer(text: str) -> str:
        if employer and employer in text:
            before, _, after = text.partition(employer)
            return before if _looks_like_title(before) else after
        return text

    for u in units:
        if u.role == "field" and u.label.replace(" ", "") in {f.replace(" ", "") for f in
                                                                 _TITLE_FIELDS}:
            value = u.text.split(":", 1)[1]
            title = _trim_title(strip_employer(value))
            if title:
                return title
    for u in units:
        if u.role == "field" and u.label == "subject":
            for part in re.split(r"\s+[|\u00b7]\s+|\s+[-\u2013\u2014]\s+", u.text.split(":", 1)[1]):
                title = _trim_title(strip_employer(part))
                if title:
                    return title
    for u in units:
        if not (u.header or u.kind == "meta" and not u.role) or \
                _NOT_TITLE.search(u.text) and "|" not in u.text:
            continue
        for part in re.split(r"\s+[|\u00b7\u2022]\s+|\t", u.text):
            if _NOT_TITLE.search(part) or not _looks_like_title(part):
                continue
            title = _trim_title(strip_employer(part))
            if title:
                return title
    for u in units:
        if u.kind in BOILERPLATE or u.header or u.role:
            continue
        for s, e in sentence_spans(u.text):
            title = hired_role(u.text[s:e])
            if title:
                return title
    for i, u in enumerate(units):
        if u.role == "heading" and u.kind in ("duties", "required") and i > 0:
            prev = units[i - 1]
            if not prev.role and len(prev.text.split()) <= 10:
                return _trim_title(prev.text)
            break
    return None


_HEADS_RX = "|".join(sorted(TITLE_HEADS, key=len, reverse=True))
_HIRED = _rx(
    r"\b(?:seeking|looking for|recruiting|hiring|adding|searching for|seeks|needs?|"
    r"invites applications for|applications are invited for)\s+(?:an?|one|the)?\s*"
    r"(?P<np>(?:[\w/&'-]+\s+){0,7}?(?:" + _HEADS_RX + r"))\b"
)
_NEEDED = _rx(r"^(?P<np>(?:[\w/&'-]+\s+){0,6}?(?:" + _HEADS_RX +
              r"))\s+(?:needed|wanted|sought|required)\b")
#: Words before a hired post that describe the hire, not the post ("a fourth ...").
_QUALIFIER_WORDS = frozenset({
    "board-certified", "board", "certified", "eligible", "bc/be", "be/bc", "fellowship-trained",
    "full-time", "part-time", "experienced", "dedicated", "talented", "motivated", "new",
    "additional", "another", "second", "third", "fourth", "fifth", "substantive", "permanent",
    "temporary", "qualified", "highly", "skilled", "compassionate", "energetic",
    "collaborative", "enthusiastic", "passionate", "driven", "seasoned", "locum",
})


def hired_role(sentence: str) -> str | None:
    """The post a sentence says is hired ("is seeking a board-certified interventional pain
    medicine physician" -> "Interventional Pain Medicine Physician")."""
    m = _HIRED.search(sentence) or _NEEDED.match(sentence)
    if not m:
        return None
    words = m.group("np").split()
    for nxt in re.finditer(r"\s+([\w'-]+)", sentence[m.end("np"):]):
        if nxt.group(1).lower() not in TITLE_HEADS:  # "a nurse practitioner"
            break
        words.append(nxt.group(1))
    while words and (words[0].lower() in ("a", "an", "the", "one", "two", "our", "your")
                     or words[0].lower().rstrip(",") in _QUALIFIER_WORDS):
        words.pop(0)
    if not words:
        return None
    rest = sentence[m.end("np"):]
    tail = re.match(r"\s+(?:in|of)\s+(?:[A-Z][\w&'-]*(?:\s+(?:and|&)\s+|\s+)?)+", rest)
    if tail and not _PLACE.match(rest, tail.start() + 4) and not (
            set(_words_of(tail.group(0))) & (_ORG_WORDS - {"medicine", "care", "spine"})):
        words += tail.group(0).split()
    if all(w.islower() or w in ("and", "of", "in") for w in words):
        words = [w if w in ("and", "of", "in", "for") else w[:1].upper() + w[1:] for w in words]
    return " ".join(words).strip(" ,")


# --------------------------------------------------------------------------- phrases

#: Stop words (spaCy's English list) less the content words it holds ("low back pain",
#: "failed back surgery syndrome", "front office").
_NOT_STOP = frozenset({"back", "bottom", "front", "side", "top", "call", "name", "fire",
                       "empty", "amount", "serious", "full", "first", "last", "part",
                       "whole", "used", "using", "show", "move", "well", "due"})
#: Words that say nothing about what a posting wants, on their own or at a phrase's edge.
GENERIC = frozenset({
    "experience", "ability", "abilities", "candidate", "position", "team", "year", "work",
    "job", "role", "opportunity", "time", "day", "week", "month", "hour", "minute", "quarter",
    "half", "date", "night", "weekend", "morning", "afternoon", "evening", "applicant",
    "employer", "employee", "requirement", "qualification", "responsibility", "duty", "plus",
    "new", "patient", "care", "practice", "physician", "clinic", "center", "centre",
    "hospital", "system", "program", "programme", "process", "level", "area", "field", "need",
    "interest", "include", "etc", "degree", "skill", "knowledge", "understanding",
    "environment", "setting", "colleague", "staff", "member", "people", "service", "support",
    "one", "part", "way", "place", "type", "kind", "lot", "range", "record", "number", "plan",
    "visit", "follow", "comfort", "eligibility", "completion", "successful", "documentation",
    "strong", "excellent", "good", "great", "proven", "demonstrated", "active", "current",
    "regular", "annual", "generous", "competitive", "several", "various", "multiple",
    "flexible", "available", "able", "willing", "ideal", "preferred", "required", "desired",
    "key", "opening", "commitment", "approach", "effort", "site", "region", "state",
    "community", "mission", "value", "clinician", "provider", "specialist", "doctor", "md",
    "do", "phd", "individual", "standard", "message", "portal", "activity", "certification",
    "division", "department", "rank", "injection", "procedure", "medication", "including",
    "professor", "faculty", "fellow", "resident", "student", "hire", "ready", "development",
    "basis", "detail", "information", "option", "decision", "risk", "case", "cases", "use",
    "adult", "adults", "family", "person", "result", "outcome", "goal",
    "session", "list", "policy", "appointment", "referral", "volume", "panel", "load",
    "caseload", "schedule", "shift", "location", "office", "partnership", "growth",
    "leadership", "excellence", "recognition", "reputation", "passion", "desire", "success",
    "track", "path", "future", "term", "start", "end", "note", "chart", "entry", "post",
    "holder", "job plan", "contract", "pattern", "line", "suite", "space", "internet",
    "equivalent", "other", "additional", "relevant", "appropriate", "related", "similar",
    "specific", "general", "overall", "certain", "main", "major", "minor", "primary",
    "secondary", "broad", "wide", "full", "complete", "total", "high", "low", "large", "small",
    "direct", "indirect", "daily", "weekly", "monthly", "yearly", "professional", "clinical",
    "medical", "supporting", "typical", "real", "right", "wrong", "entire", "national",
    "regional", "local", "rural", "urban", "outpatient", "inpatient", "established", "early",
    "late", "timely", "safe", "effective", "efficient", "accurate", "independent",
    "collaborative", "comprehensive", "diverse", "modern", "busy", "growing", "leading",
    "world", "class", "top", "best", "quality", "dedicated", "motivated",
    "expected", "necessary", "essential", "desirable", "must", "welcome", "advantage",
    "first", "last", "next", "previous", "prior", "ongoing", "weekday", "days",
    "hours", "weeks", "months", "years", "percent", "fit", "chance", "question", "training",
    "meeting", "meetings", "teleconference", "committee", "committees", "project", "projects",
    "competence", "proficiency", "expertise", "fluency", "familiarity", "group", "data",
    "instance", "visits", "conference", "conferences", "deep", "extensive", "significant",
    "substantial", "considerable", "hands-on", "robust", "sound", "thorough",
})
#: Verbs: a phrase never runs across one ("The physician sees patients ...").
VERBS = frozenset({
    "perform", "provide", "offer", "manage", "lead", "conduct", "design", "supervise", "keep",
    "diagnose", "treat", "prescribe", "monitor", "hold", "take", "review", "order", "evaluate",
    "build", "follow", "join", "see", "create", "answer", "complete", "develop", "ensure",
    "maintain", "participate", "collaborate", "serve", "use", "combine", "give", "connect",
    "launch", "run", "receive", "bring", "meet", "share", "get", "train", "deliver",
    "coordinate", "establish", "oversee", "mentor", "present", "obtain", "demonstrate",
    "possess", "assess", "identify", "refer", "consult", "communicate", "partner", "grow",
    "expand", "help", "apply", "submit", "upload", "email", "send", "attach", "click", "write",
    "welcome", "seek", "recruit", "add", "value", "encourage", "dictate", "precept",
    "explain", "set", "prepare", "adjust", "chart", "taper", "place", "enjoy", "make",
    "split", "go", "rotate", "start", "sit", "check", "document", "teach", "publish",
    "contribute", "implement", "improve", "reduce", "support", "work", "involve", "require",
    "include", "want", "like", "wish", "seem", "become", "remain", "report", "staff",
    "cover", "rate", "celebrate", "believe", "care", "pair", "sees", "opened", "moves",
    "invite", "consider", "discriminate", "guarantee", "spend", "talk", "thank", "promise",
    "know", "fit", "fits", "hope", "love", "reply", "pass", "feel", "come", "came", "think",
    "thought", "say", "said", "wear", "lift", "stand", "walk", "pursue", "outweigh",
    "induce", "screen", "counsel", "educate", "advise", "direct", "interpret",
    "read", "co-lead", "co", "show", "shows", "round", "admit", "discharge", "triage", "operate",
    "attend", "enroll", "engage", "foster", "promote", "drive", "champion", "innovate",
    "plan", "allow", "enable", "offers", "needs", "brings", "runs", "helps", "leads",
    "holds", "gets", "makes", "takes", "goes", "does", "has", "is", "are", "be", "was", "were",
    "been", "will", "shall", "can", "may", "might", "must", "should", "would", "could",
})
#: Nouns that are verbs too ("trials", "implants", "review"): they end a phrase only at
#: its start ("Trial and implant ...", "Review MRI ..."), never inside ("peer review").
_AMBIGUOUS = frozenset({"trial", "implant", "review", "order", "document", "present",
                        "support", "lead", "work", "design", "plan", "train", "test", "use",
                        "care", "chart", "place", "monitor", "report", "staff", "cover",
                        "set", "check", "start", "run", "teach", "screen", "round",
                        "direct", "fit", "partner", "value", "practice", "rate", "consult",
                        "refer", "manage", "help", "offer", "share"})
#: Words after which a phrase names what is asked ("Fluency in Spanish", "Epic experience",
#: "Training in motivational interviewing"): even one plain word there is a term.
_ASK_BEFORE = frozenset({"experience", "experienced", "training", "trained", "fluency",
                         "fluent", "bilingual", "proficiency", "proficient", "knowledge",
                         "familiarity", "familiar", "expertise", "competence", "skilled",
                         "certification", "certified", "background", "comfort",
                         "comfortable", "speaking", "speak"})
_ASK_AFTER = frozenset({"experience", "fluency", "skills", "skill", "speaking", "training",
                        "certification", "proficiency", "knowledge", "expertise"})
#: Nouns that take a complement in a name or credential ("Master of Science in Nursing",
#: "certificate to prescribe", "licence to practise", "Fellowship training in ...").
_LEADS = frozenset({"training", "fellowship", "residency", "fluency", "bilingual", "degree",
                    "master", "masters", "bachelor", "doctor", "certification", "certificate",
                    "diploma", "licence", "license", "registration", "proficiency",
                    "competence", "expertise", "science", "board", "boards", "specialist",
                    "consultant", "member", "membership", "fellow", "diplomate", "authority",
                    "history"})
#: Words a phrase is trimmed of at its start ("unrestricted Nebraska medical license").
_LEADING_QUALIFIERS = frozenset({
    "unrestricted", "active", "current", "valid", "full", "strong", "excellent", "proven",
    "demonstrated", "new", "established", "future", "potential", "ideal", "right", "typical",
    "real", "several", "various", "multiple", "regular", "relevant", "equivalent",
    "appropriate", "successful", "general", "additional", "other", "timely", "safe",
    "outside", "returning", "existing", "prior", "previous", "recent", "complete",
    "completed", "own", "least", "minimum", "maximum", "annual", "weekly", "monthly",
    "daily", "shared", "individualized", "individualised", "personalized", "eligible",
    "accredited", "approved", "recognized", "recognised", "such", "more", "most", "up",
    "guided", "based", "focused", "related", "qualified", "certified", "trained", "required",
    "preferred", "desired", "expected", "outstanding", "exceptional", "solid",
})
#: The head nouns of places and organisational units: "Westroads campus", "Concord
#: satellite clinic" are where the work happens, not what a resume should say.
_PLACE_NOUNS = frozenset({
    "clinic", "clinics", "campus", "center", "centre", "centers", "centres", "hospital",
    "hospitals", "office", "offices", "site", "sites", "suite", "institute", "unit", "units",
    "line", "floor", "ward", "wards", "building", "room", "location", "locations", "area",
    "areas", "region", "county", "counties", "state", "states", "valley", "city", "town",
    "department", "division", "network", "system", "group", "campuses",
    "facility", "facilities", "home", "homes", "community", "communities", "headquarters",
})
_DIRECTIONS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern",
                         "western", "central", "northeastern", "northwestern", "southeastern",
                         "southwestern", "northeast", "northwest", "southeast", "southwest",
                         "midwest", "coastal", "upstate", "downstate", "greater", "rural"})
#: A phrase holding one of these is pay, benefits or terms of work, whatever the sentence.
_MONEY_WORDS = frozenset({"salary", "bonus", "insurance", "pto", "stipend", "allowance",
                          "relocation", "benefit", "benefits", "compensation", "pay", "loan",
                          "reimbursement", "pension", "leave", "holiday", "holidays",
                          "vacation", "guarantee", "incentive", "match", "coverage", "tail",
                          "malpractice", "wrvu", "wrvus", "retirement", "equity", "perk",
                          "perks", "discount", "laptop", "stipends", "401k", "403b"})
_LY_WORDS = frozenset({"family", "supply", "anomaly", "assembly", "italy", "july", "ally",
                       "rally", "monopoly", "early", "scholarly", "friendly", "elderly",
                       "daily", "weekly", "monthly", "quarterly", "yearly", "costly",
                       "holy", "belly", "jelly", "bully", "reply", "apply", "comply",
                       "multiply", "imply", "rely", "fly", "only", "lily", "homily"})
_URLISH = re.compile(r"[@\\]|www\.|\.com\b|://")
_ACRONYM = re.compile(r"^(?=.*[A-Z].*[A-Z])[A-Z0-9][A-Za-z0-9&]*(?:[-/][A-Z0-9][A-Za-z0-9&]*)*$")
_INNER_CAPS = re.compile(r"^[a-zA-Z]+[a-z][A-Z][A-Za-z]*$|^[a-z]+[A-Z][A-Za-z]*$")


#: Prepositions and fillers spaCy's stop list lacks.
_EXTRA_STOPS = frozenset({"alongside", "including", "such", "like", "plus", "versus", "vs",
                          "etc", "amid", "despite", "whereby", "e.g", "i.e", "eg", "ie",
                          "within", "without", "upon", "across"})
_NEGATIONS = frozenset({"not", "no", "never", "without", "nor", "non"})
#: A phrase ending in one of these is a time or a date ("start date", "business day").
_TIME_NOUNS = frozenset({"day", "days", "week", "weeks", "month", "months", "year", "years",
                         "hour", "hours", "minute", "minutes", "quarter", "date", "time",
                         "night", "nights", "weekend", "weekends", "morning", "afternoon",
                         "evening", "shift", "shifts", "period", "half-day", "fall", "spring",
                         "summer", "winter"})
#: The last word of an organisation's name: an employer or a body, not a skill.
_ORG_ENDINGS = frozenset({"college", "university", "hospital", "hospitals", "institute",
                          "center", "centre", "clinic", "clinics", "group", "partners",
                          "associates", "foundation", "trust", "network", "llc", "inc", "ltd",
                          "corporation", "company", "school", "department", "division",
                          "office", "services", "orthopedics", "orthopaedics", "health"})
#: Generic nouns that still name a clinical act after an adjective ("intradiscal procedures").
_CLINICAL_HEADS = frozenset({"procedure", "injection", "medication", "block", "treatment",
                             "intervention", "therapy", "infusion", "surgery"})
#: Degree words: "Doctor of Nursing Practice" is a degree, not a person's title.
_DEGREE_WORDS = frozenset({"doctor", "master", "masters", "bachelor", "associate"})
#: Places that are never a term on their own ("Canada", "Texas"): a licence names them
#: with more words ("Texas medical license").
_PLACE_WORDS = frozenset(w.lower() for w in (
    "Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|"
    "Georgia|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|"
    "Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|Ohio|"
    "Oklahoma|Oregon|Pennsylvania|Tennessee|Texas|Utah|Vermont|Virginia|Washington|"
    "Wisconsin|Wyoming|Canada|USA|US|America|England|Scotland|Wales|Ireland|Britain|UK|"
    "Australia|Zealand|India|Mexico|Ontario|Quebec|Alberta|Columbia|Europe|Hampshire|Jersey|"
    "York|Carolina|Dakota|Rhode|Island|Remote"
).split("|"))
#: "post-fellowship practice", "pre-residency": when in a career, not what.
_STAGE = re.compile(r"(?:pre|post)-(?:fellowship|residency|graduate|doctoral|training|degree|"
                    r"qualification|certification|internship)")
#: Endings of adjectives: a phrase of adjectives and generic words is no term
#: ("measurable goals", "consultative", "fluoroscopic").
_ADJECTIVE = re.compile(r"(?:able|ible|al|ial|ical|ive|ous|ful|less|ic|ary|ant|ent|ar)$")
#: The last part of a hyphenated word that makes it a credential ("fellowship-trained").
_CREDENTIAL_TAIL = re.compile(r"-(?:trained|certified|eligible|boarded|registered|licensed|"
                              r"accredited)$", re.IGNORECASE)
#: Participles trimmed from a phrase's end ("group programme based").
_TRAILING = frozenset({"including", "needed", "required", "preferred", "plus", "welcome",
                       "desirable", "eligible", "experience", "skills", "skill", "background",
                       "setting", "settings", "environment", "role", "roles", "position",
                       "opportunity", "basis", "time", "duties", "work", "speaking",
                       "fluency", "training", "proficiency", "knowledge", "expertise",
                       "based", "focused", "guided", "related", "led", "driven", "oriented",
                       "expected", "wanted", "sought", "check", "checks", "accepted",
                       "considered", "encouraged",
                       "part", "parts", "a", "an", "the"})


@dataclass
class _Cand:
    key: tuple[str, ...]
    surfaces: Counter = field(default_factory=Counter)
    score: float = 0.0
    count: int = 0
    first: int = 1 << 30
    unit: int = 0
    spans: set = field(default_factory=set)
    name: bool = False


class _Phrases:
    """Noun phrases of the source sentences, as a recruiter would search for them."""

    def __init__(self, doc: Doc, text: str, units: Sequence[_Unit], offsets: Sequence[int],
                 covered: set[int], known_words: Callable[[str], bool],
                 places: frozenset[str]) -> None:
        from spacy.lang.en.stop_words import STOP_WORDS

        self.doc = doc
        self.text = text
        self.units = units
        self.offsets = offsets
        self.covered = covered
        self.known = known_words
        self.places = places
        self.stops = (frozenset(STOP_WORDS) - _NOT_STOP) | _EXTRA_STOPS
        self.cands: dict[tuple[str, ...], _Cand] = {}
        #: Words of the employer's name: the name is reported on its own, never a term.
        self.employer_words: frozenset[str] = frozenset()
        self.credentials_only = False
        self.n_tokens = len(doc)
        self._toks: dict[int, tuple[str, str, str, int, bool, bool]] = {}

    # ----------------------------------------------------------------- words

    def _tok(self, i: int) -> tuple[str, str, str, int, bool, bool]:
        """(text, lower, norm, offset, punctuation, space) of token ``i``, read once (a
        spaCy token object is made anew on every access)."""
        got = self._toks.get(i)
        if got is None:
            t = self.doc[i]
            got = (t.text, t.lower_, t.norm_, t.idx, t.is_punct, t.is_space)
            self._toks[i] = got
        return got

    def _joined(self, k: int) -> bool:
        """Token ``k + 1`` continues the word of token ``k`` (a hyphen or a slash)."""
        if k + 1 >= self.n_tokens:
            return False
        text_k, _l, _n, idx_k, _p, _s = self._tok(k)
        text_n, _l, _n, idx_n, _p, _s = self._tok(k + 1)
        end = idx_k + len(text_k)
        return (idx_n == end + 1 and self.text[end:end + 1] in ("-", "\u2010", "\u2011")) or \
            (idx_n == end and (text_n in ("-", "/") or text_k in ("-", "/")))

    def _word_ends(self, s: int, e: int) -> list[tuple[int, int]]:
        """Token ranges of the words in ``doc[s:e]``: hyphen- and slash-joined tokens are one
        word ("ultrasound-guided", "BC/BE", "FNP-BC")."""
        words: list[tuple[int, int]] = []
        ws = s
        for k in range(s, e):
            if k + 1 < e and self._joined(k):
                continue
            words.append((ws, k + 1))
            ws = k + 1
        return words

    def surface(self, s: int, e: int) -> str:
        last = self._tok(e - 1)
        return self.text[self._tok(s)[3]: last[3] + len(last[0])]

    def _norm(self, ws: int, we: int) -> str:
        toks = [self._tok(k) for k in range(ws, we)]
        return " ".join(t[2] for t in toks if t[0] not in ("-", "/"))

    def _lower(self, ws: int, we: int) -> str:
        return self.surface(ws, we).lower()

    # ----------------------------------------------------------------- tokens

    def breaks(self, i: int, *, leading: bool) -> bool:
        doc = self.doc
        text, low, lemma, _idx, punct, space = self._tok(i)
        if space or "\n" in text:
            return True
        if text in ("-", "/", "&"):
            return False
        if punct or not any(c.isalpha() for c in text) or text.startswith("'"):
            return True
        if "@" in text or "/" in text or "www." in text or ".com" in text:
            return True
        if i > 0 and self._joined(i - 1):
            return False  # the second half of "e-consult", "post-traumatic"
        if low in self.stops:
            return True
        third = low in (lemma + "s", lemma + "es")
        if (low in VERBS or third and lemma in VERBS) and lemma not in _AMBIGUOUS and \
                low not in _AMBIGUOUS:
            return True
        if leading and (low in _AMBIGUOUS or third and lemma in _AMBIGUOUS):
            return True
        if len(low) > 4 and low.endswith("ly") and low not in _LY_WORDS:
            # An adverb inside a noun phrase ("federally qualified health center",
            # "minimally invasive lumbar decompression") stays; elsewhere it ends one.
            nxt = doc[i + 1] if i + 1 < len(doc) else None
            return not (nxt is not None and nxt.is_lower and nxt.is_alpha
                        and re.search(r"(?:ed|ive|al|ic|ous|ant|ent)$", nxt.lower_)
                        and i + 2 < len(doc) and doc[i + 2].is_alpha)
        return False

    # ----------------------------------------------------------------- candidates

    def sentence(self, s: int, e: int, weight: float, unit: int, *,
                 credentials_only: bool = False) -> None:
        """Add the candidate phrases of tokens ``[s, e)`` (one source sentence); with
        ``credentials_only``, only acronyms and credentials ("fellowship-trained")."""
        self.credentials_only = credentials_only
        doc = self.doc
        # What follows a negation up to the next punctuation is not asked for ("not ready
        # for joint replacement").
        negated: set[int] = set()
        for i in range(s, e):
            if doc[i].lower_ in _NEGATIONS and not self._joined(i):
                k = i + 1
                while k < e and not doc[k].is_punct:
                    negated.add(k)
                    k += 1
        runs: list[tuple[int, int]] = []
        start: int | None = None
        for i in range(s, e):
            if i in negated or self.breaks(i, leading=start is None):
                if start is not None:
                    runs.append((start, i))
                start = None
            elif start is None:
                start = i
        if start is not None:
            runs.append((start, e))
        cands = list(runs)
        modifiers: set[tuple[int, int]] = set()
        for a, b in zip(runs, runs[1:], strict=False):
            gap = doc[a[1]:b[0]]
            if len(gap) != 1:
                continue
            joint = gap[0].lower_
            lead = doc[a[1] - 1]
            # Credentials and names with a complement: "Master of Science in Nursing",
            # "Fellowship training in pain medicine", "electronic prescribing of controlled
            # substances".
            if joint in ("of", "in", "for") and (lead.lower_ in _LEADS or lead.lower_.endswith(
                    "ing") and a[1] - a[0] >= 2) and (b[1] - a[0]) <= NAME_WORDS:
                cands.append((a[0], b[1]))
            # "acceptance and commitment therapy": one word sharing the head of the next
            # run; after a comma it is an item of its own ("kyphoplasty and spinal ...").
            # A profile term after "and" stands for itself: the word before it is an item
            # listed with it ("Audit and quality improvement projects").
            if joint in ("and", "or") and a[1] - a[0] == 1 and b[1] - b[0] >= 2 and \
                    a[0] not in self.covered and b[0] not in self.covered and \
                    (a[0] == s or doc[a[0] - 1].text != ",") and not self._standalone(a[0], a[1]):
                modifiers.add(a)
                if not any(k in self.covered for k in range(b[0], b[1])) and \
                        not self._generic(b[0], b[1]):
                    cands.append((a[0], b[1]))
            # "integrated pain and addiction clinic": the first part shares a place's head.
            if joint in ("and", "or") and a[1] - a[0] <= 2 and \
                    doc[b[1] - 1].lower_ in (_PLACE_NOUNS | ROLE_NOUNS):
                modifiers.add(a)
        # "certificate to prescribe", "licence to practise".
        for a in runs:
            if a[1] + 1 < e and doc[a[1]].lower_ == "to" and doc[a[1] - 1].lower_ in _LEADS \
                    and doc[a[1] + 1].is_alpha and doc[a[1] + 1].is_lower:
                cands.append((a[0], a[1] + 2))
        names = self._names(s, e)
        for cs, ce in cands:
            if (cs, ce) in modifiers and not self._standalone(cs, ce):
                continue
            self._add(cs, ce, weight, unit, s, e, name=False)
        for cs, ce in names:
            if not any(k in negated for k in range(cs, ce)):
                self._add(cs, ce, weight, unit, s, e, name=True)

    def _standalone(self, s: int, e: int) -> bool:
        """An acronym, a product name or a word no English word list knows stands on its
        own even before "and ..." ("vertebroplasty and regenerative injections")."""
        surface = self.surface(s, e)
        return bool(_ACRONYM.match(surface) or _INNER_CAPS.match(surface)) or (
            surface.islower() and surface.isalpha() and len(surface) >= 7
            and not self.known(surface) and not _adjective(surface))

    def _generic(self, s: int, e: int) -> bool:
        """Only generic words and adjectives ("interventional care")."""
        for a, b in self._word_ends(s, e):
            low = self._lower(a, b)
            if not (low in GENERIC or self._norm(a, b) in GENERIC or _adjective(low)):
                return False
        return True

    def _names(self, s: int, e: int) -> list[tuple[int, int]]:
        """Runs of capitalised words, with "of"/"and"/"for"/"in" inside ("Dragon Medical
        One", "Doctor of Nursing Practice", "New Hampshire Prescription Drug Monitoring
        Program")."""
        doc = self.doc
        out = []
        i = s
        while i < e:
            tok = doc[i]
            if not (tok.text[:1].isupper() and tok.is_alpha) or tok.lower_ in VERBS or \
                    tok.lower_ in _LEADING_QUALIFIERS or tok.lower_ in GENERIC and i == s or \
                    i == s and tok.lower_ in _AMBIGUOUS:
                i += 1
                continue
            j = i + 1
            last = i
            while j < e:
                t = doc[j]
                if (t.text[:1].isupper() and (t.is_alpha or _ACRONYM.match(t.text))) or \
                        t.text in ("-", "/") and self._joined(j - 1):
                    last = j
                    j += 1
                elif t.lower_ in ("of", "and", "for", "in", "&") and j + 1 < e and \
                        doc[j + 1].text[:1].isupper():
                    j += 1
                else:
                    break
            if last > i:
                out.append((i, last + 1))
            i = last + 1
        return out

    def add_role(self, s: int, e: int, weight: float, unit: int) -> None:
        """The post a sentence hires for, when it is more than a physician ("a nurse
        practitioner"): a term although it ends in a role noun."""
        words = self._word_ends(s, e)
        if not any(all(k not in self.covered for k in range(a, b)) for a, b in words):
            return
        self._keep(s, e, words, weight, unit, name=False)

    def _add(self, s: int, e: int, weight: float, unit: int, ss: int, se: int, *,
             name: bool) -> None:
        end = e
        s, e = self._trim(s, e, name, ss)
        if s >= e:
            return
        if e != end and any(self.doc[k].lower_ in ("and", "or") for k in range(s, e)):
            return  # a list cut short is no phrase ("physicals and post-procedure")
        words = self._word_ends(s, e)
        if len(words) > (NAME_WORDS if name else MAX_PHRASE_WORDS):
            return
        if self.credentials_only:
            for a, b in words:
                surface = self.surface(a, b)
                if (_ACRONYM.match(surface) or _CREDENTIAL_TAIL.search(surface)) and \
                        not all(k in self.covered for k in range(a, b)) and \
                        self._good(a, b, [(a, b)], ss, se, False):
                    self._keep(a, b, [(a, b)], weight, unit, name=False)
            return
        if not self._good(s, e, words, ss, se, name):
            return
        self._keep(s, e, words, weight, unit, name=name)

    def _keep(self, s: int, e: int, words: list[tuple[int, int]], weight: float, unit: int,
              *, name: bool) -> None:
        doc = self.doc
        key = tuple(self._norm(a, b) for a, b in words)
        c = self.cands.setdefault(key, _Cand(key))
        if (s, e) in c.spans:
            return
        c.spans.add((s, e))
        c.surfaces[self.surface(s, e)] += 1
        c.count += 1
        c.score += weight
        c.name = c.name or name
        if doc[s].idx < c.first:
            c.first, c.unit = doc[s].idx, unit

    def _trim(self, s: int, e: int, name: bool, ss: int) -> tuple[int, int]:
        doc = self.doc
        while s < e:
            words = self._word_ends(s, e)
            ws, we = words[0]
            low = self._lower(ws, we)
            first = self._norm(ws, we)
            covered = ws in self.covered
            # "pre-procedure", "four-week", "in-person": a prefix on a generic word.
            hyphen_generic = we - ws > 1 and (doc[ws].lower_ in self.stops or doc[ws].like_num
                                              or len(doc[ws]) <= 4 and
                                              doc[we - 1].lower_ in GENERIC)
            # "ultrasound-guided", "evidence-based": how it is done, not what (trimmed even
            # where it is a profile term of its own, which is then drawn on its own).
            technique = we - ws > 1 and doc[we - 1].lower_ in ("guided", "based", "assisted",
                                                               "led", "driven", "focused")
            # A capitalised word before another opens a name ("New Hampshire").
            proper = doc[ws].text[:1].isupper() and len(words) > 1 and \
                doc[words[1][0]].text[:1].isupper() and (
                    ws > ss or _STATE_NAME.match(self.text, doc[ws].idx) is not None)
            if len(words) > 1 and not proper and (technique or not covered) and (
                    low in self.stops or low in VERBS or low in _AMBIGUOUS
                    or (first in GENERIC or low in GENERIC) and not name
                    or low in _LEADING_QUALIFIERS or hyphen_generic or technique
                    or (low.endswith("ing") and "-" not in low and len(low) > 5
                        and not name)):
                s = we
                continue
            if len(words) == 1 and (low in self.stops or hyphen_generic):
                s = we
                continue
            break
        while e > s:
            words = self._word_ends(s, e)
            ws, we = words[-1]
            low = self._lower(ws, we)
            if not name and (low in self.stops or len(words) > 1 and low in _TRAILING):
                e = ws
                continue
            break
        return s, e

    def _good(self, s: int, e: int, words: list[tuple[int, int]], ss: int, se: int,
              name: bool) -> bool:
        doc = self.doc
        norms = [self._norm(a, b) for a, b in words]
        lows = [self._lower(a, b) for a, b in words]
        if all(n in GENERIC or low in GENERIC for n, low in zip(norms, lows, strict=True)):
            return False
        if set(lows) & _MONEY_WORDS or any(w in _MONEY_WORDS for n in norms for w in n.split()):
            return False
        surface = self.surface(s, e)
        if _URLISH.search(surface) or re.search(r"\d", surface) and not _ACRONYM.match(surface):
            return False
        # Profile terms and only generic words or qualifiers: those profile terms
        # ("ACGME-accredited pain medicine fellowship", "telemedicine experience").
        rest = [i for i, (a, b) in enumerate(words)
                if not all(k in self.covered for k in range(a, b))
                and lows[i] not in self.stops and lows[i] not in ("and", "or", "&")]
        if not rest:
            return False
        loose = [doc[k] for a, b in words for k in range(a, b)
                 if k not in self.covered and doc[k].text not in ("-", "/")
                 and doc[k].lower_ not in self.stops and doc[k].lower_ not in ("and", "or", "&")]
        if any(k in self.covered for k in range(s, e)) and all(
                t.norm_ in GENERIC or t.lower_ in GENERIC or t.lower_ in _LEADING_QUALIFIERS
                or t.lower_ in _QUALIFIER_WORDS or t.lower_ in VERBS or t.lower_ in _TRAILING
                or t.lower_ in ("accredited", "guided", "trained", "certified", "subspecialty")
                for t in loose):
            return False
        last = lows[-1]
        if last in _TIME_NOUNS or norms[-1] in _TIME_NOUNS or _STAGE.match(lows[0]):
            return False
        # A colleague's role ("pain psychologist"), unless named as a credential ("board
        # certification as an orthopaedic clinical specialist").
        credential = s - 2 >= ss and doc[s - 1].lower_ in ("as", "an", "a") and \
            doc[s - 2].lower_ in ("as", "certified", "certification", "registration",
                                  "licensed", "registered")
        if last in ROLE_NOUNS and not credential:
            return False
        asked = self._asked(s, e, ss, se)
        if last in _PLACE_NOUNS and not asked:
            return False
        if set(lows) & self.places or lows[0] in _DIRECTIONS and len(words) > 1 and \
                doc[words[1][0]].text[:1].isupper():
            return False  # "eastern Iowa", "Las Cruces residency program"
        if name and any(w in TITLE_HEADS and w not in _DEGREE_WORDS for w in lows):
            return False  # a person's title ("Medical Director of Surgical Services")
        capitalised = all(doc[a].text[:1].isupper() or lows[i] in ("of", "and", "&", "for")
                          for i, (a, _b) in enumerate(words))
        if (name or capitalised) and (lows[0] in self.employer_words or last in _ORG_ENDINGS
                                      or last in _PLACE_WORDS and lows[0] in ("state", "city",
                                                                              "county")):
            return False  # the employer's own name, an organisation, a place ("State of Ohio")
        # Adjectives and soft words only ("measurable goals", "direct clinical care"); a
        # clinical head keeps its adjective ("intradiscal procedures").
        if not name and not credential and not any(k in self.covered for k in range(s, e)) \
                and all(_adjective(self.surface(*words[i])) or (norms[i] in GENERIC or
                        lows[i] in GENERIC) and norms[i] not in _CLINICAL_HEADS
                        for i in rest):
            return False
        if len(words) == 1:
            return self._one_word(s, e, ss, se, asked)
        return True

    def _asked(self, s: int, e: int, ss: int, se: int) -> bool:
        """The phrase is the object of "experience with/in", "training in", "fluency in",
        or is followed by "experience", "fluency", "skills" ("Epic experience")."""
        doc = self.doc
        k = s - 1
        while k >= ss and doc[k].lower_ in ("in", "with", "of", "a", "an", "the"):
            k -= 1
        if ss <= k < s - 1 and doc[k].lower_ in _ASK_BEFORE:
            return True
        return e < se and doc[e].lower_ in _ASK_AFTER

    def _one_word(self, s: int, e: int, ss: int, se: int, asked: bool) -> bool:
        """One word is a term when it is an acronym ("BLS", "FNP-BC"), a product name
        ("athenaOne", "Epic" mid-sentence), a credential ("fellowship-trained"), a word no
        English word list knows ("kyphoplasty", "naloxone"), what an "experience in" asks
        for, or an item of a list with a profile term ("Audit and quality improvement")."""
        doc = self.doc
        surface = self.surface(s, e)
        word = doc[s]
        if len(surface) < 3 and not _ACRONYM.match(surface):
            return False
        if _ACRONYM.match(surface) or _INNER_CAPS.match(surface):
            return True
        if _CREDENTIAL_TAIL.search(surface):
            return True
        low = surface.lower()
        if re.match(r"(?:pre|post|non|mid|full|part)-", low):
            return False  # "post-fellowship experience": a time or a share, not a term
        if low.endswith("ed"):
            return False  # "Documented experience": a participle
        if low in GENERIC or low in self.stops or _adjective(surface) or low in _ORG_WORDS \
                or low in _PLACE_NOUNS:
            return False
        if asked:
            return True
        if word.text[:1].isupper() and s > ss and doc[s - 1].text not in ("(", '"', "'"):
            return low not in self.places and low not in _PLACE_WORDS \
                and low not in self.employer_words
        if self._listed_with_term(s, e, ss, se):
            return True
        return (surface.islower() and low.isalpha() and len(low) >= 7 and not self.known(low)
                and not low.endswith(("ing", "ed", "ly", "ness", "ment", "tion", "ity")))

    def _listed_with_term(self, s: int, e: int, ss: int, se: int) -> bool:
        """The word opens an item and is listed with a profile term ("Audit and quality
        improvement projects")."""
        doc = self.doc
        return s == ss and e + 1 < se and doc[e].lower_ in ("and", "or") and \
            e + 1 in self.covered

    # ----------------------------------------------------------------- results

    def terms(self) -> list[PostingTerm]:
        """The phrases, best first: a phrase found only inside a longer one is that one (a
        name is never dropped for a longer phrase that is not a name)."""
        by_start: dict[int, list[tuple[int, tuple[str, ...], bool]]] = defaultdict(list)
        for key, c in self.cands.items():
            for a, b in c.spans:
                by_start[a].append((b, key, c.name))
        out: list[PostingTerm] = []
        for key, c in self.cands.items():
            def inside(a: int, b: int, c: _Cand = c, key: tuple[str, ...] = key) -> bool:
                for a2 in range(max(0, a - NAME_WORDS * 2), a + 1):
                    for b2, k2, name2 in by_start.get(a2, ()):
                        # A name gives way only to a longer name or to itself plus one word
                        # ("Ohio APRN license"), not to a longer phrase around it.
                        if k2 != key and b <= b2 and (b2 - a2) > (b - a) and (
                                name2 or not c.name or len(k2) <= len(key) + 1):
                            return True
                return False
            if all(inside(a, b) for a, b in c.spans):
                continue
            surface = min(c.surfaces.items(), key=lambda kv: (-kv[1], kv[0]))[0]
            shape = {1: 0.9, 2: 1.3, 3: 1.5}.get(len(key), 1.4)
            unit = self.units[c.unit]
            out.append(PostingTerm(
                text=surface, source="posting", term_id=None, weight=PHRASE_WEIGHT,
                count=c.count, score=round(c.score * shape, 4), section=unit.section,
                line=unit.line,
                sentence=_sentence_at(unit.text, c.first - self.offsets[c.unit]),
                wording=surface, via="phrase", key=key,
            ))
        out.sort(key=lambda t: (-t.score, t.line or 0, t.text.lower()))
        return out[:TOP_PHRASES]


def _adjective(word: str) -> bool:
    """A lower-case word with an adjective's ending ("measurable", "consultative")."""
    return word.islower() and "-" not in word and bool(_ADJECTIVE.search(word))


def _sentence_at(text: str, offset: int) -> str:
    for s, e in sentence_spans(text):
        if s <= offset < e:
            return text[s:e].strip()[:240]
    return text[:240]


# --------------------------------------------------------------------------- analysis


def _source_sentences(units: Sequence[_Unit], employer: str | None
                      ) -> list[tuple[int, int, int, str]]:
    """(unit, start, end, how) for every sentence that is a source: how is "terms" (profile
    terms and phrases) or "hired" (profile terms and the post: "We are seeking a ...")."""
    first_word = employer.split()[0] if employer else None
    about_employer = re.compile(
        r"^(?:" + "|".join(re.escape(x) for x in {employer or "", first_word or ""} if x) +
        r")\s+" + _ABOUT_VERBS + r"\b") if employer else None
    out = []
    for i, u in enumerate(units):
        if u.kind not in SECTION_WEIGHT or u.header or u.role:
            continue
        for s, e in sentence_spans(u.text):
            sentence = u.text[s:e]
            if boilerplate_sentence(sentence):
                continue
            if _HIRING.search(sentence) or (_YOU_DO.match(sentence) and u.kind != "duties"):
                out.append((i, s, e, "hired"))
                continue
            if _VOICE.search(sentence):
                continue  # the recruiter speaking ("I came across your profile ...")
            if _ABOUT_SUBJECT.match(sentence) or (about_employer and
                                                  about_employer.match(sentence)):
                continue
            out.append((i, s, e, "terms"))
    return out


#: "You explain risks ...", "You will split your week ...": how the job is, or what the
#: person is like; its profile terms count, its phrases are no terms. ("You have", "you
#: hold", "you bring" name requirements and stay sources.)
_YOU_DO = _rx(r"^(?:you|you'll|you will)\s+(?!(?:have|hold|bring|possess|are|'ve|will have|"
              r"will hold|must|should|need)\b)\w+")


def _weight(unit: _Unit) -> float:
    if unit.marked:
        return SECTION_WEIGHT[unit.marked]
    return SECTION_WEIGHT.get(unit.kind, 1.0)


def analyze_posting(document: Document, profile: Profile, matcher: TermMatcher) -> Posting:
    """What ``document`` (a job posting) asks for."""
    pipeline = matcher.pipeline
    units = segment(document)
    employer = find_employer(units)
    title = find_title(units, employer)
    sections = tuple((u.text, u.kind) for u in units if u.role == "heading")
    places = _places("\n".join(u.text for u in units))
    # Only units with a source sentence go on: the rest (boilerplate, header, headings) is
    # never read again, however long the posting.
    all_sources = _source_sentences(units, employer)
    keep = sorted({i for i, _s, _e, _h in all_sources})
    new_index = {old: new for new, old in enumerate(keep)}
    units = [units[i] for i in keep]
    sources = [(new_index[i], s, e, how) for i, s, e, how in all_sources]
    if not units:
        return Posting(document.path, title, employer, (), sections,
                       note=_too_few_note(0, 0))
    # Each block carries its heading's section key, as a resume's blocks do, so the
    # matcher's section rules read a posting the same way: "DEA Certification" under
    # "License/Certification" is the registration, a state on a line under "Licensure" a
    # medical licence.
    keys: dict[str, str | None] = {}
    blocks = tuple(
        Block(text=u.text, line=u.line, section=_section_key(u.section, keys),
              section_title=u.section, is_heading=u.role == "heading")
        for u in units
    )
    synth = Document(path=document.path, format=document.format, blocks=blocks)
    text = synth.text
    profile_ok = bytearray(len(text) + 1)
    phrase_ok = bytearray(len(text) + 1)
    for i, s, e, how in sources:
        at = synth.offsets[i]
        profile_ok[at + s:at + e] = b"\x01" * (e - s)
        if how == "terms":
            phrase_ok[at + s:at + e] = b"\x01" * (e - s)
    source_words = sum(len(units[i].text[s:e].split()) for i, s, e, _ in sources)

    # "PM&R." is one token to spaCy's tokenizer: the full stop after an ampersand acronym is
    # read as a space (same length, so every offset stays), and "PM&R" is found there too.
    doc_text = re.sub(r"(?<=[A-Za-z0-9]&[A-Za-z0-9])\.(?=\s|$)|(?<=[A-Za-z0-9]&[A-Za-z0-9]{2})"
                      r"\.(?=\s|$)", " ", text)
    doc = pipeline.parse(doc_text) if pipeline.trained else pipeline.make_doc(doc_text)
    # Every mention, claimed or not: a posting asks ("must be board certified", "board
    # eligible" and "will perform" are requests). The matcher keeps the longer of two
    # nested terms ("facet joint injections" holds "joint injections") by the words each
    # match holds, so "chronic low back pain" asks for chronic pain and back pain.
    found = matcher.find(synth, doc, mentions=True)

    covered: set[int] = set()
    kept: dict[str, list[Match]] = {}
    for term_id, matches in found.items():
        mine = [m for m in matches if profile_ok[m.start]]
        if mine:
            kept[term_id] = mine
    for matches in found.values():
        for m in matches:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None:
                covered.update(range(span.start, span.end))
    terms = [_profile_term(profile, tid, ms, units, pipeline.norm) for tid, ms in kept.items()]

    phrases = _Phrases(doc, text, units, synth.offsets, covered, _known_word(pipeline),
                       places)
    if employer:
        phrases.employer_words = frozenset(employer.lower().split()[:1])
    starts = [t.idx for t in doc]
    import bisect

    for i, s, e, how in sources:
        at = synth.offsets[i]
        ts = bisect.bisect_left(starts, at + s)
        te = bisect.bisect_left(starts, at + e)
        if how == "terms":
            phrases.sentence(ts, te, _weight(units[i]), i)
        else:
            # Who is hired: its credentials ("a fellowship-trained pain physician", "BC/BE")
            # and the post itself when it is more than a title word, not its places.
            phrases.sentence(ts, te, _weight(units[i]), i, credentials_only=True)
            role = _role_phrase(units[i].text[s:e])
            if role is not None:
                rs = bisect.bisect_left(starts, at + s + role[0])
                re_ = bisect.bisect_left(starts, at + s + role[1])
                phrases.add_role(rs, re_, _weight(units[i]), i)
    posting_phrases = phrases.terms()

    mentions = [(m.start, m.end, tid) for tid, ms in kept.items() for m in ms]
    taken = bytearray(len(text) + 1)
    for a, b, _ in mentions:
        taken[a:b] = b"\x01" * (b - a)
    by_key = {p.key: p for p in posting_phrases}
    for key, c in phrases.cands.items():
        if key in by_key:
            for a, b in c.spans:
                start, end = doc[a].idx, doc[b - 1].idx + len(doc[b - 1])
                if not any(taken[start:end]):  # a profile term stands for its place
                    mentions.append((start, end, "\x00" + by_key[key].text))
    alternatives = _alternatives(text, mentions)

    def alt_of(name: str) -> tuple[str, ...]:
        return tuple(a.lstrip("\x00") for a in alternatives.get(name, ()))

    terms = [dataclasses.replace(t, alternatives=alt_of(t.term_id or "")) for t in terms]
    terms.sort(key=lambda t: (-t.score, t.line or 0, t.text))
    posting_phrases = [dataclasses.replace(p, alternatives=alt_of("\x00" + p.text))
                       for p in posting_phrases]
    all_terms = (*terms, *posting_phrases)
    note = _too_few_note(len(all_terms), source_words) if len(all_terms) < MIN_TERMS else ""
    return Posting(document.path, title, employer, all_terms, sections, note=note)


_SECTION_PARTS = re.compile(r"\s*(?:/|&|,|\band\b)\s*", re.IGNORECASE)


def _section_key(heading: str | None, memo: dict[str, str | None]) -> str | None:
    """The section key (resumecheck.sections) a posting heading names, or of the first of
    its parts that names one ("License/Certification" is licensure); None for a heading no
    resume section names ("Requirements", "What you bring")."""
    if not heading:
        return None
    if heading not in memo:
        from resumecheck.sections import canonical_section

        key = canonical_section(heading)
        if key is None:
            for part in _SECTION_PARTS.split(heading):
                key = canonical_section(part) if part.strip() else None
                if key is not None:
                    break
        memo[heading] = key
    return memo[heading]


def _too_few_note(n: int, words: int) -> str:
    """Why a posting gives no match rate, in one line."""
    drawn = f"only {n} term{'s' if n != 1 else ''} could be drawn from the posting" if n \
        else "no term could be drawn from the posting"
    if words == 0:
        why = "it has no text outside pay, benefits, contact and other boilerplate"
    elif words < 60:
        why = f"it has {words} words outside pay, benefits, contact and other boilerplate"
    else:
        why = "its requirements and duties name few procedures, conditions or credentials"
    return f"{drawn}, fewer than the {MIN_TERMS} a match rate needs; {why}"


def _role_phrase(sentence: str) -> tuple[int, int] | None:
    """Where a sentence names the post it hires for, when that is more than one title word
    ("We are hiring a nurse practitioner ..."): (start, end) in the sentence."""
    m = _HIRED.search(sentence) or _NEEDED.match(sentence)
    if not m:
        return None
    end = m.end("np")
    while True:
        nxt = re.match(r"\s+([\w'-]+)", sentence[end:])
        if not nxt or nxt.group(1).lower() not in TITLE_HEADS:
            break
        end += nxt.end()
    words = list(re.finditer(r"[\w/&'-]+", sentence[m.start("np"):end]))
    heads = [w for w in words if w.group(0).lower() in TITLE_HEADS]
    if len(heads) < 2 or heads[-1] is not words[-1]:
        return None
    first = words.index(heads[0])
    if any(w.group(0).lower() not in TITLE_HEADS for w in words[first:]):
        return None
    return m.start("np") + heads[0].start(), m.start("np") + heads[-1].end()


def _known_word(pipeline: Pipeline) -> Callable[[str], bool]:
    """Whether a lower-case word is ordinary English (the lookup lemmatizer knows it or a
    form of it)."""
    norm = pipeline.norm

    def known(word: str) -> bool:
        if norm(word) != word:
            return True
        forms = [word + "s", word + "es", word + "ed", word + "d", word + "ing"]
        if word.endswith("y"):
            forms.append(word[:-1] + "ies")
        if word.endswith("e"):
            forms.append(word[:-1] + "ing")
        return any(norm(f) == word for f in forms)
    return known


def _places(text: str) -> frozenset[str]:
    """The town and city names of the posting ("Las Cruces", "Bend"): never a term."""
    words: set[str] = set()
    for m in _PLACE.finditer(text):
        city = m.group("city")
        if city.split()[0].lower() in ("and", "or", "the"):
            continue
        words.update(w.lower() for w in city.split() if w.lower() not in ("new", "fort",
                                                                          "saint", "st"))
    return frozenset(words)


#: What may stand between two items of one list: commas, slashes, "or", "and/or", "in".
_LIST_GAP = re.compile(r"[\s,/]*(?:\b(?:and/or|or|either)\b[\s,/]*(?:\b(?:in|by|the|an?|"
                       r"through)\b\s*)?)?", re.IGNORECASE)
_OR_GAP = re.compile(r"/|\bor\b", re.IGNORECASE)


def _alternatives(text: str, mentions: Sequence[tuple[int, int, str]]
                  ) -> dict[str, tuple[str, ...]]:
    """Terms the posting lists as either/or ("ABA, ABPMR or ABPN"), by name.

    Mentions next to each other in one list, with at least one "or" or "/" between them,
    are one group; every member's alternatives are the other members. Where mentions
    overlap, the longest stands for the place ("board certification in pain medicine").
    """
    chosen: list[tuple[int, int, str]] = []
    for start, end, name in sorted(set(mentions), key=lambda m: (m[0], -(m[1] - m[0]), m[2])):
        if chosen and start < chosen[-1][1]:
            last = chosen[-1]
            if end - start > last[1] - last[0]:
                chosen[-1] = (start, end, name)
            continue
        chosen.append((start, end, name))
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        while parent.get(x, x) != x:
            x = parent[x]
        return x

    run: list[str] = []
    has_or = False
    prev_end = -1

    def close() -> None:
        if has_or and len(set(run)) > 1:
            first = root(run[0])
            for name in run[1:]:
                if root(name) != first:
                    parent[root(name)] = first

    for start, end, name in chosen:
        gap = text[prev_end:start] if prev_end >= 0 else None
        if gap is not None and "\n" not in gap and _LIST_GAP.fullmatch(gap):
            run.append(name)
            has_or = has_or or bool(_OR_GAP.search(gap))
        else:
            close()
            run, has_or = [name], False
        prev_end = end
    close()
    groups: dict[str, set[str]] = {}
    for name in {m[2] for m in chosen}:
        groups.setdefault(root(name), set()).add(name)
    return {name: tuple(sorted(members - {name}))
            for members in groups.values() if len(members) > 1 for name in members}


def _profile_term(profile: Profile, term_id: str, matches: Sequence[Match],
                  units: Sequence[_Unit], lemma: Callable[[str], str]) -> PostingTerm:
    term = profile.term(term_id)
    score = sum(_weight(units[m.location.block or 0]) for m in matches)
    wordings = Counter((wording_key(m, lemma), m.via) for m in matches)
    surface_of: dict[tuple[str, str], str] = {}
    for m in matches:
        surface_of.setdefault((wording_key(m, lemma), m.via), m.surface)
    (wkey, via), _ = min(wordings.items(), key=lambda kv: (-kv[1], kv[0]))
    first = matches[0]
    return PostingTerm(
        text=term.term, source="profile", term_id=term_id, weight=PROFILE_WEIGHT,
        count=len(matches), score=round(score, 4),
        section=units[first.location.block or 0].section,
        line=first.location.line, sentence=first.sentence, wording=surface_of[(wkey, via)],
        via=via, wordings=tuple(sorted({k for k, _ in wordings})),
    )


def wording_key(m: Match, lemma: Callable[[str], str]) -> str:
    """A variant's identity: exact for acronyms; for words, blind to case, hyphens and
    inflection ("Teach" and "teaching" are one wording)."""
    if m.via == "acronym":
        return m.surface
    return text_key(m.surface, lemma)


def posting_section_kinds() -> Mapping[str, float]:
    """Weights of the section kinds (documented in docs/job-matching.md)."""
    return dict(SECTION_WEIGHT)


__all__ = ["analyze_posting", "posting_section_kinds", "segment", "find_title",
           "find_employer", "hired_role", "MIN_TERMS"]
