"""``--redact``: personal data masked at the source.

The document's e-mail addresses, phone numbers and street addresses are found once
(:mod:`resumecheck.personal`, with offsets) and replaced by a mark (``[email]``, ``[phone]``,
``[address]``) in the document itself, before any check, match or message is made from its
text. Every sentence, quote, heading and location a report shows is then cut from text that
no longer holds the data, so no window, truncation or format can let a piece of it through;
nothing downstream looks for personal data in the output. The contact checks still know
what was there: the spans stay on the document, pointing at the marks.

File names are masked the same way wherever a path is shown (reports, stderr lines): an
e-mail address, phone number or street address in a name becomes its mark, the rest of the
name (and its extension) stays.
"""

from __future__ import annotations

import dataclasses
import os

from resumecheck.errors import ResumecheckError
from resumecheck.models import (
    Block,
    Document,
    Failure,
    Outcome,
    PersonalKind,
    PersonalSpan,
    Report,
)
from resumecheck.personal import MARKS, find, mark

EMAIL_MASK = MARKS[PersonalKind.EMAIL]
PHONE_MASK = MARKS[PersonalKind.PHONE]
STREET_MASK = MARKS[PersonalKind.STREET]
MASKS = MARKS

#: Extensions kept visible when a file name ends in personal data ("[email].pdf").
_KEPT_SUFFIXES = frozenset({".pdf", ".docx", ".doc", ".txt", ".md", ".markdown", ".html",
                            ".htm", ".rtf", ".odt", ".json", ".jsonl", ".csv", ".xml", ".toml"})


def prepare(document: Document, *, redact: bool) -> Document:
    """The document as the checks see it: personal data marked, and masked when asked."""
    document = mark(document)
    if redact and not document.redacted:
        document = mask_document(document)
    return document


def mask_text(text: str) -> str:
    """``text`` with every personal-data span replaced by its mark."""
    return _masked(text, find(text))[0]


def mask_path(path: str) -> str:
    """A path as shown under ``--redact``: personal data in any of its names masked.

    Underscores count as spaces (``jane_doe_608-555-0147.pdf``) and a document extension
    after the data stays visible.
    """
    if not path:
        return path
    parts = path.split(os.sep)
    out = []
    for i, name in enumerate(parts):
        stem_end = len(name)
        if i == len(parts) - 1:
            suffix = os.path.splitext(name)[1]
            if suffix.lower() in _KEPT_SUFFIXES:
                stem_end -= len(suffix)
        spans = []
        for span in find(name.replace("_", " ")):
            end = min(span.end, stem_end) if span.start < stem_end else span.end
            spans.append(PersonalSpan(span.kind, span.start, end))
        out.append(_masked(name, tuple(spans))[0] if spans else name)
    return os.sep.join(out)


def mask_document(document: Document) -> Document:
    """``document`` with its personal data replaced by marks (in its path too).

    Block texts, their section headings and the path are rebuilt; the spans are moved onto
    the marks, so the contact checks still find an e-mail address where one was.
    """
    document = mark(document)
    spans = document.personal or ()
    blocks: list[Block] = []
    moved: list[PersonalSpan] = []
    titles: dict[str, str] = {}
    position = 0  # where the current block starts in the masked text
    k = 0  # first span that may reach into the current block
    for i, block in enumerate(document.blocks):
        start = document.offsets[i]
        end = start + len(block.text)
        while k < len(spans) and spans[k].end <= start:
            k += 1
        local = []
        j = k
        while j < len(spans) and spans[j].start < end:
            s = spans[j]
            local.append(PersonalSpan(s.kind, max(s.start, start) - start,
                                      min(s.end, end) - start))
            j += 1
        text, placed = _masked(block.text, tuple(p for p in local if p.end > p.start))
        moved += [PersonalSpan(p.kind, p.start + position, p.end + position) for p in placed]
        changes: dict[str, object] = {}
        if text != block.text:
            changes["text"] = text
        for name in ("section", "section_title"):
            value = getattr(block, name)
            if value:
                if value not in titles:
                    titles[value] = mask_text(value)
                if titles[value] != value:
                    changes[name] = titles[value]
        blocks.append(dataclasses.replace(block, **changes) if changes else block)
        position += len(text) + 1
    return dataclasses.replace(document, path=mask_path(document.path), blocks=tuple(blocks),
                               personal=tuple(moved), redacted=True)


def mask_outcome(outcome: Outcome) -> Outcome:
    """A result as shown under ``--redact``: its path (and a failure's reason) masked.

    A report's text was built from the masked document already; only its path is looked at
    here, for reports made outside :class:`~resumecheck.checker.Checker`.
    """
    if isinstance(outcome, Failure):
        return Failure(mask_path(outcome.path), mask_text(outcome.reason), outcome.internal)
    if isinstance(outcome, Report):
        path = mask_path(outcome.path)
        return outcome if path == outcome.path else dataclasses.replace(outcome, path=path)
    return outcome


def mask_error(exc: ResumecheckError) -> ResumecheckError:
    """``exc`` with the path it names (and any path its reason quotes) masked."""
    if exc.path:
        exc.path = mask_path(exc.path)
    exc.reason = mask_text(exc.reason)
    exc.args = (f"{exc.path}: {exc.reason}" if exc.path else exc.reason,)
    return exc


def _masked(text: str, spans: tuple[PersonalSpan, ...]) -> tuple[str, list[PersonalSpan]]:
    """``text`` with ``spans`` (in order, not overlapping) replaced by their marks, and where
    each mark now sits."""
    if not spans:
        return text, []
    pieces: list[str] = []
    placed: list[PersonalSpan] = []
    last = 0
    size = 0
    for span in spans:
        pieces.append(text[last:span.start])
        size += span.start - last
        mask = MASKS[span.kind]
        placed.append(PersonalSpan(span.kind, size, size + len(mask)))
        pieces.append(mask)
        size += len(mask)
        last = span.end
    pieces.append(text[last:])
    return "".join(pieces), placed
