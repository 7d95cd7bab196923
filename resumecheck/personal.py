"""Personal data in text: e-mail addresses, phone numbers and street addresses, with offsets.

One finder serves every use: the contact checks (is there an e-mail address, a phone
number, and where) and ``--redact`` (what to mask). Phone numbers are found by
``phonenumbers``, the Python port of Google's libphonenumber, which knows every country's
number lengths and groupings; e-mail addresses by a scan outward from each ``@``; street
addresses and post-office boxes by one pattern. Each finder takes time linear in the length
of the text (no pattern can backtrack over more than a few words), so a 200,000-character
line costs a fraction of a second, not minutes.
"""

from __future__ import annotations

import bisect
import re
import sys
from collections.abc import Iterable, Iterator

from resumecheck.models import Document, PersonalKind, PersonalSpan

#: What ``--redact`` puts in the place of each kind of personal data.
MARKS = {PersonalKind.EMAIL: "[email]", PersonalKind.PHONE: "[phone]",
         PersonalKind.STREET: "[address]"}
#: The marks of an e-mail address and of a phone number, as a pattern: a heuristic that
#: looks for contact details (a resume's header, a posting's boilerplate, a letter's
#: addressee block) adds it to its own, so it reads a masked document as the unmasked one.
CONTACT_MARK = r"\[(?:email|phone)\]"
_CONTACT_MARK = re.compile(CONTACT_MARK)

# -- e-mail addresses --------------------------------------------------------------------------

#: ``@`` and its full-width form (file names are not NFKC-normalised like document text).
_AT = re.compile("[@\uff20]")
#: Punctuation allowed in the local part besides letters and digits.
_LOCAL_PUNCT = frozenset("._%+-'")
#: Labels of letters, digits and hyphens joined by dots; possessive, so a failed match never
#: backtracks into a label.
_DOMAIN = re.compile(r"(?:[^\W_]|-)++(?:\.(?:[^\W_]|-)++)+")


def _has_letter(value: str) -> bool:
    return any(c.isalpha() for c in value)


def _emails(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of every ``local@domain.tld``.

    Each ``@`` is expanded backwards over the local part and forwards over the domain; the
    characters between two ``@`` are looked at at most twice, so the scan is linear.
    """
    for at in _AT.finditer(text):
        i = at.start()
        start = i
        while start > 0 and (text[start - 1].isalnum() or text[start - 1] in _LOCAL_PUNCT):
            start -= 1
        if start == i:
            continue
        domain = _DOMAIN.match(text, i + 1)
        if domain is None:
            continue
        end = domain.end()
        labels = text[i + 1:end].split(".")
        while len(labels) > 2 and not _has_letter(labels[-1]):  # "a@b.com.2024": a number
            end -= len(labels.pop()) + 1
        if len(labels[-1]) < 2 or not _has_letter(labels[-1]):
            continue
        yield start, end


# -- phone numbers -----------------------------------------------------------------------------

#: Where a national number written with a trunk ``0`` ("020 7946 0958", "0412 345 678",
#: "030 1234567") is checked for validity.
_TRUNK_ZERO_REGIONS = ("GB", "IE", "AU", "NZ", "DE", "AT", "CH", "FR", "BE", "NL", "IN", "ZA",
                       "IT", "SE", "NO", "DK", "FI", "JP", "KR", "BR", "MX")
_DIGITS = re.compile(r"\d+")
#: Digit groups of a North American number as people write it: 555-0147, (555) 010-0199,
#: 1 555 010 0199.
_NORTH_AMERICAN_GROUPS = ((3, 4), (3, 3, 4), (1, 3, 3, 4))
#: A run of digit groups and the punctuation phone numbers are written with (the
#: separators ``phonenumbers`` accepts: spaces, dots, slashes, brackets, every dash).
_RUN = re.compile(r"[+\uff0b]?\(?\d[\d\s()\[\]./~\-\u2010-\u2015\u2212\u30fc\uff0d]*")
#: A month and year ("06/2023") or a whole date ("6/30/23"): dates, not a phone number.
_DATE = re.compile(r"(?<!\d)\d{1,2}/(?:(?:19|20)\d\d|\d{1,2}/\d{2,4})(?!\d)")
#: No phone number has more digits than this (E.164 allows 15, plus a trunk prefix).
_MAX_DIGITS = 17


#: Longest run of digits and separators the matcher reads ("+44 (0) 20 7946 0958" is 20
#: characters); longer runs are tables of figures, read group by group only.
_ONE_NUMBER = 32
#: What may follow a number as its extension (" ext. 1234", " extension 12", " x12").
_EXTENSION_ROOM = 16


def _phones(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of every phone number, found and judged by ``phonenumbers``.

    Each run of digits and separators with seven digits or more is read twice. Its
    matcher reads the run (and what follows it, for an extension) when the run is short
    enough to be one number. And since it reads a number glued to other digits ("(608)
    555-0158 221B Baker Street", "P.O. Box 4471 608-555-0182") as one over-long candidate
    and keeps only a piece of it, every run is also read group by group: from each group,
    the longest sequence of groups ``phonenumbers`` parses as a number we accept. Both look
    at each character a bounded number of times.
    """
    import phonenumbers

    for run in _RUN.finditer(text):
        start, end = run.start(), run.end()
        if sum(map(str.isdigit, run.group())) < 7:
            continue
        if end - start <= _ONE_NUMBER:
            window = text[start:end + _EXTENSION_ROOM]
            # Read as North American (a number without a country code); numbers written
            # with a trunk 0 are judged against other countries' rules in _accept.
            matcher = phonenumbers.PhoneNumberMatcher(
                window, "US", leniency=phonenumbers.Leniency.POSSIBLE, max_tries=sys.maxsize)
            for match in matcher:
                groups = tuple(len(g) for g in _DIGITS.findall(match.raw_string))
                if match.number.extension and len(groups) > 1:
                    groups = groups[:-1]  # "608.555.0147 ext 22"
                if match.start < end - start and _accept(match.raw_string, groups):
                    yield start + match.start, start + match.end
        yield from _by_groups(text, start, end)


#: Most digit groups a phone number is written in ("+1 (608) 555 01 47" has five).
_MAX_GROUPS = 8


def _by_groups(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Phone numbers made of whole digit groups of ``text[start:end]``, longest first.

    From each group at most :data:`_MAX_GROUPS` sequences are looked at, sequences stop
    growing as soon as they cannot be written like a phone number, and only those that are
    are parsed: a run of any length costs time in proportion to its length.
    """
    spans = [(m.start(), m.end()) for m in _DIGITS.finditer(text, start, end)]
    i = 0
    while i < len(spans):
        best = None
        left = spans[i][0]
        while left > start and text[left - 1] in "(+\uff0b":
            left -= 1
        lead = "+" if left < spans[i][0] and text[left] != "(" else text[spans[i][0]]
        lengths: list[int] = []
        for j in range(i, min(i + _MAX_GROUPS, len(spans))):
            lengths.append(spans[j][1] - spans[j][0])
            if sum(lengths) > _MAX_DIGITS or not _may_grow(lead, lengths):
                break
            right = spans[j][1]
            if right < end and text[right] == ")" and "(" in text[left:right]:
                right += 1
            if _accept(text[left:right], tuple(lengths)):
                best = (left, right, j)
        if best is None:
            i += 1
            continue
        yield best[0], best[1]
        i = best[2] + 1


#: Every start of a North American grouping (and the groupings themselves).
_NORTH_AMERICAN_PREFIXES = frozenset(
    g[:k] for g in (*_NORTH_AMERICAN_GROUPS, (10,), (11,)) for k in range(1, len(g) + 1))


def _may_grow(lead: str, lengths: list[int]) -> bool:
    """Whether digit groups of these lengths can still begin a phone number (cheap)."""
    if lead == "+":
        return True
    if lead == "0":
        return min(lengths) >= 2
    return tuple(lengths) in _NORTH_AMERICAN_PREFIXES


def _reading(raw: str, groups: tuple[int, ...]) -> str | None:
    """How ``raw`` (its digit groups ``groups``) is written, if like a phone number at all:
    ``international`` (with a country code), ``national`` (with a trunk 0) or
    ``north-american``. Cheap: only numbers written so are handed to ``phonenumbers``."""
    digits = sum(groups)
    if digits < 7:
        return None
    lead = raw.lstrip("([ ")[:1]
    if lead in ("+", "\uff0b"):
        short = sum(1 for g in groups[1:] if g < 2)  # "+44 (0) 20 ..." has one
        ok = 1 <= groups[0] <= 3 and short <= 1 and 8 <= digits <= 15
        return "international" if ok else None
    if lead == "0":
        # As most of the world writes it: 9-12 digits in groups of two or more (an ISBN's
        # "0-19-852663-6" is not).
        return "national" if 9 <= digits <= 12 and min(groups) >= 2 else None
    if groups in _NORTH_AMERICAN_GROUPS or groups in ((10,), (11,)):
        return "north-american"
    return None  # "07/2022 - 06/2023" holds a valid number, but is written as dates


def _accept(raw: str, groups: tuple[int, ...]) -> bool:
    """Whether ``raw`` (its digit groups ``groups``, an extension left out) is a phone number.

    Accepted: a number with a country code (``+44 20 7946 0958``) of a possible length; a
    national number with a trunk ``0`` valid in one of the regions above; a number written
    in the North American groups (or as one run of 10-11 digits) that is valid there
    (``608-555-0147``, ``6085550147``) or, in groups, of a possible length (``(555)
    010-0199``, ``555-0147``: the numbers reserved for fiction are not "valid" but are
    plainly phone numbers). A bare run of digits that is no valid number (an NPI, an ISBN),
    a date and a page range are not phone numbers.
    """
    reading = _reading(raw, groups)
    if reading is None or _DATE.search(raw):
        return False
    import phonenumbers

    regions = {"international": ("US",), "national": _TRUNK_ZERO_REGIONS,
               "north-american": ("US",)}[reading]
    for region in regions:
        try:
            number = phonenumbers.parse(raw, region)
        except phonenumbers.NumberParseException:
            continue
        if reading == "international":
            return bool(phonenumbers.is_possible_number(number))
        if phonenumbers.is_valid_number(number):
            return True
        if reading == "north-american":
            return groups in _NORTH_AMERICAN_GROUPS and bool(
                phonenumbers.is_possible_number(number))
    return False


# -- street addresses and post-office boxes ----------------------------------------------------

_SUFFIXES = (
    "street|st|avenue|ave|av|road|rd|boulevard|blvd|lane|ln|drive|dr|court|ct|way|place|pl|"
    "parkway|pkwy|terrace|ter|circle|cir|highway|hwy|square|sq|trail|trl|alley|crescent|"
    "cres|close|row|pike|plaza|loop|expressway|expy|freeway|fwy|turnpike|tpke|mews|gardens"
)
#: Words a street name never is: without them "40 patients referred by Dr. Lee" would read
#: as an address.
_NOT_A_NAME = (
    "a|an|and|as|at|by|each|every|for|from|in|into|of|on|or|over|per|the|to|under|with"
)
_DIRECTION = r"(?:north|south|east|west|n|s|e|w|ne|nw|se|sw)\.?"
_NAME_WORD = rf"(?!(?:{_NOT_A_NAME})\b)(?:[^\W\d_][\w'\u2019.-]*+|\d++(?:st|nd|rd|th))"
#: Spaces within one line: an address never runs across lines.
_SP = r"[^\S\n]"
_UNIT = rf"(?:suite|ste|apt|apartment|unit|floor|fl|room|rm|#)\.?{_SP}*+#?{_SP}*+[\w-]{{1,8}}+\b"
_STREET = re.compile(
    rf"(?<![\w.,/-])\d{{1,6}}+(?:[-\u2013/]\d{{1,6}}+)?[a-z]?\b{_SP}++(?:{_DIRECTION}{_SP}++)?"
    rf"(?P<name>(?:{_NAME_WORD}{_SP}++){{1,4}}(?:{_SUFFIXES}))\b\.?"
    rf"(?:,?{_SP}*+{_UNIT})?"
    rf"|\b(?:p\.?{_SP}*+o\.?{_SP}*+box|post{_SP}++office{_SP}++box|pob){_SP}*+#?{_SP}*+"
    r"\d{1,10}+\b",
    re.IGNORECASE,
)
_WORD_START = re.compile(r"(?<![\w'\u2019.-])[^\W\d_]")


def _streets(text: str) -> Iterator[tuple[int, int]]:
    """Street addresses whose words are written alike: all capitalised ("221B Baker
    Street") or all lower case ("4102 maple grove avenue"), not a sentence that happens to
    end in "way" or "close"."""
    for m in _STREET.finditer(text):
        name = m.group("name")
        if name is not None:
            initials = {c.isupper() for c in (w.group() for w in _WORD_START.finditer(name))}
            if len(initials) > 1:
                continue
        yield m.start(), m.end()


# -- all together ------------------------------------------------------------------------------


def find(text: str) -> tuple[PersonalSpan, ...]:
    """Every e-mail address, phone number and street address in ``text``, in order.

    Overlapping finds are merged (an e-mail address wins over digits inside it; of the
    others the earlier one). For phone numbers newlines count as spaces, so a number a reader
    split over two blocks (two table cells) is still found whole.
    """
    flat = text.replace("\n", " ")
    found = [(s, e, PersonalKind.EMAIL) for s, e in _emails(text)]
    found += [(s, e, PersonalKind.STREET) for s, e in _streets(text)]
    found += [(s, e, PersonalKind.PHONE) for s, e in _phones(flat)]
    rank = {PersonalKind.EMAIL: 0, PersonalKind.STREET: 1, PersonalKind.PHONE: 2}
    found.sort(key=lambda f: (f[0], rank[f[2]], -f[1]))
    spans: list[PersonalSpan] = []
    for start, end, kind in found:
        if spans and start < spans[-1].end:
            last = spans[-1]
            if end > last.end:
                spans[-1] = PersonalSpan(last.kind, last.start, end)
            continue
        spans.append(PersonalSpan(kind, start, end))
    return tuple(spans)


def spans_of(document: Document) -> tuple[PersonalSpan, ...]:
    """The document's personal-data spans: marked ones, or found now."""
    return document.personal if document.personal is not None else find(document.text)


def mark(document: Document) -> Document:
    """``document`` with its personal-data spans recorded (once)."""
    if document.personal is not None:
        return document
    import dataclasses

    return dataclasses.replace(document, personal=find(document.text))


def in_blocks(document: Document, kind: PersonalKind) -> Iterable[int]:
    """Indexes of the blocks where a span of ``kind`` starts, in order, each once."""
    last = -1
    for span in spans_of(document):
        if span.kind != kind:
            continue
        index = document.block_index_at(span.start)
        if index != last:
            yield index
            last = index


def has_contact(text: str) -> bool:
    """Whether ``text`` holds an e-mail address or a phone number, or the mark standing for
    one (``--redact``): the same answer for a text and for its masked copy."""
    if _CONTACT_MARK.search(text):
        return True
    return any(span.kind != PersonalKind.STREET for span in find(text))


def contact_blocks(document: Document) -> frozenset[int]:
    """Indexes of the blocks where an e-mail address or a phone number (or, in a masked
    document, its mark) starts."""
    return frozenset(in_blocks(document, PersonalKind.EMAIL)) | frozenset(
        in_blocks(document, PersonalKind.PHONE))


def blanked(document: Document, index: int) -> str:
    """Block ``index``'s text with its personal data (or the marks standing for it) replaced
    by one space each."""
    text = document.blocks[index].text
    start = document.offsets[index]
    end = start + len(text)
    spans = spans_of(document)
    pieces = []
    last = 0
    first = bisect.bisect_right(spans, start, key=lambda s: s.end)
    for span in spans[first:]:
        if span.start >= end:
            break
        a, b = max(span.start, start) - start, min(span.end, end) - start
        pieces += [text[last:a], " "]
        last = b
    return "".join(pieces) + text[last:] if pieces else text
