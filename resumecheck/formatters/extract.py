"""What a reader saw in a file (``resumecheck extract``): for checking that a resume reads
as its author meant, and for golden tests of the readers."""

from __future__ import annotations

import json

from resumecheck.models import Document, Origin

SCHEMA = "resumecheck.extract/1"


def _where(block_page: int | None, line: int) -> str:
    return f"p{block_page} L{line}" if block_page is not None else f"L{line}"


def render_extract_text(doc: Document) -> str:
    """One line per block: place, section, origin and flags, then the text."""
    out = [f"file: {doc.path}", f"format: {doc.format}"]
    if doc.pages:
        pages = ", ".join(
            f"{p.number}" + ("" if p.has_text_layer else " (no text layer)")
            + (f" ({p.columns} columns)" if p.columns > 1 else "")
            for p in doc.pages
        )
        out.append(f"pages: {len(doc.pages)} [{pages}]")
    out.append(f"blocks: {len(doc.blocks)}, words: {doc.word_count}")
    for note in doc.notes:
        where = f" (page {note.page})" if note.page is not None else ""
        out.append(f"note: {note.kind}{where}: {note.detail}")
    out.append("")
    for block in doc.blocks:
        tags = [_where(block.page, block.line).ljust(8)]
        tags.append(f"[{block.section}]" if block.section else "[-]")
        if block.origin != Origin.BODY:
            tags.append(f"({block.origin.value})")
        if block.is_heading:
            tags.append("#")
        if block.hidden:
            tags.append("(hidden)")
        out.append(f"{' '.join(tags)}  {block.text}")
    return "\n".join(out) + "\n"


def render_extract_json(doc: Document) -> str:
    """The whole :class:`Document` as versioned JSON (``schema``: ``resumecheck.extract/1``)."""
    payload = {"schema": SCHEMA, **doc.to_dict()}
    return json.dumps(payload, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
