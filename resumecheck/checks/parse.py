"""Parse findings: what an applicant tracking system may fail to read at all.

These checks look only at how the text was stored (pages, origins, reader notes), never at
what it says. Severity ``error`` is kept for files an ATS reads as nothing or garbage.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from resumecheck.checks import CheckContext, check
from resumecheck.models import (
    Document,
    Finding,
    Kind,
    Location,
    Origin,
    ReaderNote,
    Severity,
)
from resumecheck.rules import finding, rule

rule("P101", "no-text-layer", Severity.ERROR,
     "No page has a text layer: the file is a picture of text (a scan or a photo).",
     "Export the document from the word processor as PDF or DOCX instead of scanning or "
     "printing it to an image.",
     "Tracking systems read the text stored in a file; they do not run character recognition "
     "on pictures. A scanned CV reaches them as an empty document and scores nothing.",
     bad="A PDF whose every page is a scanned image with no text layer.",
     good="A PDF exported from a word processor, with selectable text on every page.",
     runnable=False)

rule("P102", "pages-without-text-layer", Severity.WARNING,
     "Some pages have no text layer: an ATS reads nothing on them.",
     "Replace the scanned pages with text exported from the original document.",
     "A CV assembled from an exported file and a few scanned pages (a certificate, a signed "
     "page) loses everything on the scanned pages.",
     bad="A three-page PDF whose third page is a scanned image.",
     good="A three-page PDF with selectable text on every page.",
     runnable=False)

rule("P103", "multi-column-layout", Severity.WARNING,
     "The page is laid out in two or more columns; some ATS read across the columns and "
     "scramble the order.",
     "Use one column. Put side-bar content (contact, skills, certifications) in sections of "
     "the main column.",
     "Parsers that read a page line by line from left to right join the left column's line "
     "with the right column's, so dates, employers and job titles end up mixed together.",
     bad="A PDF with a narrow left side bar and a wide right column.",
     good="A PDF with one column of text from margin to margin.",
     runnable=False)

rule("P104", "text-in-text-boxes", Severity.WARNING,
     "Some text sits in text boxes, which many ATS never open.",
     "Move the text out of the text box into an ordinary paragraph.",
     "A Word text box is stored apart from the document's paragraphs; tools that read only "
     "the paragraphs (as many ATS do) never see it, so terms written there count for nothing.",
     bad="A DOCX with a floating text box holding a 'Clinical Focus' note.",
     good="A DOCX with the same note as a normal paragraph under the summary.",
     runnable=False)

rule("P105", "text-only-in-header-footer", Severity.WARNING,
     "Text appears only in the page header or footer, which many ATS drop.",
     "Move the text into the body of the document; keep headers and footers for page "
     "numbers.",
     "Headers and footers are separate parts of a DOCX file; many parsers skip them. Anything "
     "written only there (a name, contact details, a board status) is lost.",
     bad="A DOCX whose page header holds the only copy of the candidate's name and email.",
     good="A DOCX whose footer holds only 'Page 1 of 2'.",
     runnable=False)

rule("P106", "much-text-in-tables", Severity.WARNING,
     "A large share of the words sits in tables; some ATS read table cells out of order "
     "or skip them.",
     "Keep tables for small grids (volumes, dates); write experience, training and "
     "education as ordinary paragraphs.",
     "Layout tables look tidy on paper, but a parser may read a table row by row, column by "
     "column, or not at all, which separates dates from the jobs they belong to.",
     bad="A DOCX laid out as one big table: dates in the left column, jobs in the right.",
     good="A DOCX written as headings and paragraphs, with one small table of volumes.",
     runnable=False)

rule("P107", "all-text-in-fragile-parts", Severity.ERROR,
     "The document body is empty: all text sits in text boxes, headers or footers.",
     "Rebuild the document with its text in ordinary paragraphs of the body.",
     "An ATS that reads the body of a DOCX (the usual case) finds nothing here and sees an "
     "empty document.",
     bad="A DOCX whose whole content is inside one text box.",
     good="A DOCX with its content as ordinary paragraphs.",
     runnable=False)

rule("P108", "unmapped-glyphs", Severity.WARNING,
     "Some characters have no text mapping and extract as (cid:NN) garbage.",
     "Embed a standard font (or choose one such as Arial, Calibri or Times New Roman) and "
     "export the PDF again.",
     "A PDF font without a character map stores glyph numbers, not letters; a parser gets "
     "'(cid:72)(cid:101)' instead of words, so the affected words never match.",
     bad="A PDF made with a font that lacks a ToUnicode map.",
     good="A PDF made with an embedded standard font.",
     runnable=False)

rule("P109", "icon-font-characters", Severity.WARNING,
     "Icon-font characters (private-use code points) were found; they extract as garbage.",
     "Replace icons (phone, envelope, map pin) with words such as 'Phone:' and 'Email:'.",
     "Icon fonts draw pictures from private-use code points that mean nothing as text; a "
     "parser either drops them or shows boxes, and labels the icons stood for are lost.",
     bad="A PDF that shows a phone icon drawn from an icon font before the number.",
     good="A PDF that writes 'Phone:' before the number.",
     runnable=False)

rule("P110", "vertical-text", Severity.WARNING,
     "Text is set vertically or rotated; it extracts as separate letters.",
     "Write the text horizontally.",
     "Rotated text comes out one letter per line (often reversed), so a side label such as a "
     "name or section title turns into noise.",
     bad="A PDF with a section title rotated 90 degrees along the margin.",
     good="A PDF with every line horizontal.",
     runnable=False)

rule("P111", "encrypted-file", Severity.INFO,
     "The PDF is encrypted (it opened without a password); some ATS refuse encrypted files.",
     "Save or export a copy without security settings.",
     "Owner-password protection (no printing, no copying) still encrypts the file; some "
     "upload portals reject it or read it as empty.",
     bad="A PDF saved with 'restrict copying' security.",
     good="A PDF saved without security settings.",
     runnable=False)

rule("P112", "document-truncated", Severity.WARNING,
     "The document was cut at a size limit; the rest was not checked.",
     "Check the document in parts, or raise the limit; a CV this long also risks being cut "
     "by an ATS.",
     "Readers stop at a page and character limit so a hostile file cannot exhaust memory; "
     "everything past the limit is missing from the score and the findings.",
     bad="A 400-page PDF read with the default 200-page limit.",
     good="A 12-page CV well inside the limits.",
     runnable=False)

rule("P113", "hidden-text", Severity.WARNING,
     "Some text is invisible to a human reader (white on white, or microscopic type).",
     "Delete hidden text; write every term where a reader can see it.",
     "Hidden text is the classic way to stuff keywords. Recruiters and many ATS look for it, "
     "and a file caught with it is often rejected outright; this tool never counts it.",
     bad="A PDF with a line of keywords printed in white on the white page.",
     good="A PDF whose text is all dark on a light background at a readable size.",
     runnable=False)

rule("P114", "strict-open-xml", Severity.WARNING,
     "The DOCX is saved as Strict Open XML, which many parsers cannot open.",
     "Save the file again as an ordinary Word Document (.docx), not 'Strict Open XML'.",
     "Strict Open XML uses different internal names from the usual DOCX format; common "
     "libraries fail on it, and its headers and footers were not read here.",
     bad="A DOCX saved with 'Strict Open XML Document' as the file type.",
     good="A DOCX saved as 'Word Document'.",
     runnable=False)

rule("P115", "job-posting-checked", Severity.ERROR,
     "The document is a job posting, not a resume or a cover letter.",
     "Check your resume against the posting: resumecheck check resume.pdf --job posting.txt.",
     "A posting scored as a resume gets a meaningless score and a list of missing resume "
     "sections; its value is the terms it asks for, which --job compares with a resume.",
     bad="A text file that starts 'We are seeking a board-certified pain physician' and lists "
         "responsibilities, qualifications and benefits.",
     good="A resume with experience, education and licensure sections.",
     runnable=False)

#: Origins that many ATS skip entirely (tables are read, if badly).
_SKIPPED_ORIGINS = frozenset({Origin.TEXTBOX, Origin.HEADER, Origin.FOOTER})
_BODY_ORIGINS = frozenset({Origin.BODY, Origin.FOOTNOTE})
_PLURAL = {Origin.TEXTBOX: "text boxes", Origin.HEADER: "page headers",
           Origin.FOOTER: "page footers", Origin.TABLE: "tables"}
#: Share of the visible words in tables above which P106 fires.
TABLE_SHARE = 0.4
#: Header/footer text that carries nothing worth keeping ("Page 2 of 3", "- 2 -", "CV").
_PAGE_NUMBER = re.compile(
    r"^(page\s*)?[-–\s]*\d+\s*(of\s*\d+)?[-–\s]*$|^(curriculum vitae|cv|resume|résumé)$",
    re.IGNORECASE)
_WORD = re.compile(r"\w+")


def _pages(numbers: list[int]) -> str:
    label = "page" if len(numbers) == 1 else "pages"
    return f"{label} {', '.join(str(n) for n in numbers)}"


def _notes(document: Document, kind: str) -> list[ReaderNote]:
    return [n for n in document.notes if n.kind == kind]


@check
def posting_given(ctx: CheckContext) -> Iterator[Finding]:
    if ctx.kind == Kind.POSTING:
        yield finding("P115", "This reads as a job posting, not a resume; it was not scored. "
                              "Check a resume against it with --job.")


@check
def text_layer(ctx: CheckContext) -> Iterator[Finding]:
    pages = ctx.document.pages
    if not pages and _notes(ctx.document, "no_text"):
        note = _notes(ctx.document, "no_text")[0]
        yield finding("P101", f"The document holds no text ({note.detail}), so an ATS reads "
                              "nothing.")
        return
    missing = [p.number for p in pages if not p.has_text_layer]
    if not missing:
        return
    if len(missing) == len(pages):
        which = "The page has no" if len(pages) == 1 else f"None of the {len(pages)} pages has a"
        yield finding("P101", f"{which} text layer: the file holds only pictures of text, "
                              "so an ATS reads nothing.",
                      Location(page=missing[0]))
    else:
        yield finding("P102", f"No text layer on {_pages(missing)} of {len(pages)}: an ATS "
                              "reads nothing there.", Location(page=missing[0]))


@check
def columns(ctx: CheckContext) -> Iterator[Finding]:
    doc = ctx.document
    multi = {p.number: p.columns for p in doc.pages if p.columns > 1}
    for note in _notes(doc, "columns"):
        if note.page is not None:
            multi.setdefault(note.page, max(note.count, 2))
    # Letters set one per line line up as narrow fake columns; P110 already covers them.
    for note in _notes(doc, "vertical_text"):
        multi.pop(note.page, None)
    if not multi:
        return
    numbers = sorted(multi)
    most = max(multi.values())
    yield finding("P103", f"{_pages(numbers).capitalize()} laid out in {most} columns; some "
                          "ATS read straight across and mix the columns' lines.",
                  Location(page=numbers[0]))


def _visible_words(document: Document) -> list[tuple[int, int]]:
    """(block index, word count) of every block a reader can see."""
    return [(i, len(b.text.split())) for i, b in enumerate(document.blocks) if not b.hidden]


@check
def fragile_parts(ctx: CheckContext) -> Iterator[Finding]:
    doc = ctx.document
    visible = _visible_words(doc)
    total = sum(n for _, n in visible)
    if not total:
        return
    by_origin: dict[Origin, int] = {}
    for i, n in visible:
        by_origin[doc.blocks[i].origin] = by_origin.get(doc.blocks[i].origin, 0) + n
    body = sum(by_origin.get(o, 0) for o in _BODY_ORIGINS)
    skipped = sum(by_origin.get(o, 0) for o in _SKIPPED_ORIGINS)
    if not body and skipped:
        where = " and ".join(_PLURAL[o] for o in _PLURAL if by_origin.get(o))
        first = next(i for i, _ in visible if doc.blocks[i].origin in _SKIPPED_ORIGINS)
        yield finding("P107", f"All {total} words sit in {where}; the document body is empty, "
                              "so an ATS that reads the body sees nothing.",
                      doc.location(first))
        return
    boxes = [i for i, _ in visible if doc.blocks[i].origin == Origin.TEXTBOX]
    if boxes:
        words = by_origin[Origin.TEXTBOX]
        yield finding("P104", f"{words} word(s) in {len(boxes)} text-box paragraph(s), starting "
                              f'"{_excerpt(doc.blocks[boxes[0]].text)}"; many ATS never '
                              "read text boxes.", doc.location(boxes[0]))
    yield from _header_footer_only(doc)
    tables = by_origin.get(Origin.TABLE, 0)
    if tables and tables >= TABLE_SHARE * total:
        first = next(i for i, _ in visible if doc.blocks[i].origin == Origin.TABLE)
        yield finding("P106", f"{round(100 * tables / total)}% of the words ({tables} of "
                              f"{total}) sit in tables; some ATS read table cells out of "
                              "order or skip them.", doc.location(first))


def _excerpt(text: str, limit: int = 50) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _header_footer_only(doc: Document) -> Iterator[Finding]:
    """Header/footer text whose words are not also in the body: lost if the part is dropped."""
    elsewhere = {
        w.lower() for b in doc.blocks
        if b.origin not in (Origin.HEADER, Origin.FOOTER) and not b.hidden
        for w in _WORD.findall(b.text)
    }
    lost = []
    for i, b in enumerate(doc.blocks):
        if b.origin not in (Origin.HEADER, Origin.FOOTER) or b.hidden:
            continue
        if _PAGE_NUMBER.match(b.text.strip()):
            continue
        words = {w.lower() for w in _WORD.findall(b.text)} - elsewhere
        if any(not w.isdigit() for w in words):
            lost.append(i)
    if not lost:
        return
    first = doc.blocks[lost[0]]
    part = "page header" if first.origin == Origin.HEADER else "page footer"
    more = f" (and {len(lost) - 1} more header/footer paragraph(s))" if len(lost) > 1 else ""
    yield finding("P105", f'"{_excerpt(first.text)}" appears only in the {part}{more}; many '
                          "ATS drop headers and footers.", doc.location(lost[0]))


@check
def reader_notes(ctx: CheckContext) -> Iterator[Finding]:
    doc = ctx.document
    for note in _notes(doc, "cid_glyphs"):
        yield finding("P108", f"{note.count} character(s) have no text mapping and extract "
                              f"as (cid:NN) garbage ({note.detail}).", Location(page=note.page))
    for note in _notes(doc, "private_use_glyphs"):
        yield finding("P109", f"{note.count} icon-font character(s) extract as garbage "
                              f"({note.detail}).", Location(page=note.page))
    for note in _notes(doc, "vertical_text"):
        yield finding("P110", f"Vertical or rotated text on page {note.page}: {note.count} "
                              "lines of one letter each, which an ATS reads as noise.",
                      Location(page=note.page))
    for note in _notes(doc, "encrypted"):
        how = note.detail.removeprefix("the file is encrypted; ")
        yield finding("P111", f"The PDF is encrypted ({how}); some ATS refuse encrypted "
                              "files.")
    for note in _notes(doc, "truncated"):
        yield finding("P112", f"Document truncated: {note.detail}.",
                      Location(page=note.page) if note.page is not None else None)
    if _notes(doc, "strict_ooxml"):
        yield finding("P114", "Saved as Strict Open XML, which many parsers cannot open; its "
                              "headers, footers and footnotes were not read.")


@check
def hidden_text(ctx: CheckContext) -> Iterator[Finding]:
    doc = ctx.document
    hidden = [i for i, b in enumerate(doc.blocks) if b.hidden]
    if not hidden:
        return
    words = sum(len(doc.blocks[i].text.split()) for i in hidden)
    yield finding("P113", f"{words} word(s) of hidden text in {len(hidden)} place(s), starting "
                          f'"{_excerpt(doc.blocks[hidden[0]].text)}"; hidden text is not '
                          "counted and can get a file rejected.", doc.location(hidden[0]))
