"""File -> :class:`~resumecheck.models.Document`, whatever the file claims to be.

The format is decided by the bytes, not the name; every failure is one
:class:`~resumecheck.errors.InputError` with a reason a user can act on.
"""

from __future__ import annotations

import dataclasses
import os

from resumecheck.errors import InputError
from resumecheck.models import FRAGILE_ORIGINS, Document, ReaderNote
from resumecheck.preflight import ReadLimits, display_path, read_input
from resumecheck.readers.sniff import detect_format
from resumecheck.sections import assign_sections

__all__ = ["detect_format", "read_bytes", "read_document"]

_REFUSALS = {
    "doc-ole2": "is a legacy Word .doc (OLE2) file; save it as .docx or PDF",
    "ole2-encrypted": "is encrypted with a password; save an unprotected copy",
    "docm": "is a macro-enabled .docm document; save it as .docx",
    "zip": "is not a PDF, DOCX or text document (looks like a ZIP archive)",
    "binary": "is not a PDF, DOCX or text document (binary data)",
}


#: Leading bytes of files people send instead of a resume, and what to call them.
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!", "a RAR archive"),
)


def describe_binary(data: bytes) -> str | None:
    """What a non-document file is, when its first bytes say so."""
    for magic, what in _MAGIC:
        if data.startswith(magic):
            return what
    if data[4:12] in (b"ftypheic", b"ftypheix", b"ftypmif1"):
        return "a HEIC photo"
    return None


def read_document(
    path: str | os.PathLike[str],
    *,
    limits: ReadLimits | None = None,
    password: str | None = None,
) -> Document:
    """Read a file from disk (see :func:`read_bytes`)."""
    limits = limits or ReadLimits()
    data = read_input(path, limits)
    return read_bytes(data, display_path(path), limits=limits, password=password)


def read_bytes(
    data: bytes,
    name: str,
    *,
    limits: ReadLimits | None = None,
    password: str | None = None,
) -> Document:
    """Read a document held in memory; ``name`` is used in messages and as ``Document.path``."""
    limits = limits or ReadLimits()
    if not data:
        raise InputError(name, "is empty")
    if data[:16].lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{\\rtf"):
        # RTF decodes as text, but its words sit among control words: refuse, don't guess.
        raise InputError(name, "is an RTF document; save it as .docx or PDF")
    kind = detect_format(data)
    if kind == "binary":
        what = describe_binary(data)
        if what:
            raise InputError(name, f"is not a PDF, DOCX or text document (it is {what})")
    if kind in _REFUSALS:
        raise InputError(name, _REFUSALS[kind])
    if kind == "pdf":
        from resumecheck.readers.pdf import read_pdf

        doc = read_pdf(data, name, limits, password)
    elif kind == "docx":
        from resumecheck.readers.docx import read_docx

        doc = read_docx(data, name, limits)
    else:
        from resumecheck.readers.text import read_text

        # HTML is read as text: tags and all would be worse than refusing, but a pasted
        # posting saved as .html still carries its words; the markup is stripped there.
        doc = read_text(data, name, limits, kind == "markdown", html=kind == "html")
    return _finish(doc, limits)


def _finish(doc: Document, limits: ReadLimits) -> Document:
    # Cut first, then find sections: sections only look back, and a huge document should
    # not pay for headings in text that is thrown away.
    blocks = list(doc.blocks)
    notes = list(doc.notes)
    total = 0
    for i, block in enumerate(blocks):
        room = limits.max_chars - total
        if len(block.text) + (1 if i else 0) > room:
            kept = blocks[:i]
            if room > 1:
                kept.append(dataclasses.replace(block, text=block.text[: room - 1].rstrip()))
            notes.append(ReaderNote(
                "truncated",
                f"text cut at {limits.max_chars:,} characters; the rest was not read",
                page=block.page,
                count=sum(len(b.text) for b in blocks[i:]),
            ))
            blocks = [b for b in kept if b.text]
            break
        total += len(block.text) + (1 if i else 0)
    blocks = list(assign_sections(blocks))
    visible = [b for b in blocks if not b.hidden]
    if visible and all(b.origin in FRAGILE_ORIGINS for b in visible):
        where = sorted({b.origin.value for b in visible})
        notes.append(ReaderNote("only_fragile",
                                f"all text sits in {', '.join(where)}, which many ATS skip",
                                count=len(visible)))
    return Document(path=doc.path, format=doc.format, blocks=tuple(blocks),
                    pages=doc.pages, notes=tuple(notes))
