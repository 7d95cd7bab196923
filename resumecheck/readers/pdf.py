"""PDF text in reading order, with positions, using pdfminer.six.

pdfminer's own box ordering (``boxes_flow``) costs time quadratic in the number of text
boxes on a page (6 GiB on a 12,000-box page), so it is switched off and the order is
computed here: find the vertical gutters that split a page into columns, keep boxes that
run across a gutter (a name header, a full-width rule of text) in place, and read each
band between them column by column, left to right, top to bottom.
"""

from __future__ import annotations

import io
import logging
import math
import re
import statistics
import struct
import warnings
from collections.abc import Iterator
from dataclasses import dataclass

from resumecheck.errors import InputError
from resumecheck.models import Block, Document, PageInfo, ReaderNote
from resumecheck.normalize import normalize_block
from resumecheck.preflight import ReadLimits
from resumecheck.sections import looks_like_heading

# pdfminer reports recoverable oddities through logging; with no handler configured they
# would land on stderr through logging's last-resort handler. An application that sets up
# logging (``--debug``) still sees them through propagation.
logging.getLogger("pdfminer").addHandler(logging.NullHandler())

_CID = re.compile(r"\(cid:\d+\)")
_BOLD_FONT = re.compile(r"bold|black|heavy|semibold|demi", re.I)
#: A gutter may be crossed by this share of the page's text height (a full-width header).
_GUTTER_COVER = 0.15
_MIN_GUTTER = 6.0
#: The narrower column must be at least this share of the text width (not a margin of labels).
_MIN_COLUMN_SHARE = 0.15
_HIDDEN_SIZE = 2.0
#: 200 inches in points: PDF's own upper bound on a page side.
_MAX_PAGE_WIDTH = 14_400.0


def _is_pua(ch: str) -> bool:
    return "\ue000" <= ch <= "\uf8ff"


def _white(color: object) -> bool:
    if isinstance(color, int | float):
        return color >= 0.99
    if isinstance(color, list | tuple) and color:
        values = [c for c in color if isinstance(c, int | float)]
        if len(values) != len(color):
            return False
        if len(values) == 4:  # CMYK: no ink is white
            return all(v <= 0.01 for v in values)
        return all(v >= 0.99 for v in values)
    return False


@dataclass(slots=True)
class _Line:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    chars: int
    bold_chars: int
    hidden_chars: int
    sizes: list[float]
    cid: int
    pua: int

    @property
    def hidden(self) -> bool:
        return self.chars > 0 and self.hidden_chars == self.chars

    @property
    def bold(self) -> bool:
        return self.chars > 0 and self.bold_chars * 2 > self.chars


@dataclass(slots=True)
class _Box:
    lines: list[_Line]
    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def centre(self) -> float:
        return (self.x0 + self.x1) / 2


def _line_from(layout_line, page_top: float, page_left: float) -> _Line | None:
    from pdfminer.layout import LTChar

    parts: list[str] = []
    chars = bold = hidden = cid = pua = 0
    sizes: list[float] = []
    for obj in layout_line:
        text = obj.get_text()
        if isinstance(obj, LTChar):
            if _CID.fullmatch(text):
                cid += 1
                continue
            if any(_is_pua(c) for c in text):
                pua += sum(1 for c in text if _is_pua(c))
                text = "".join(c for c in text if not _is_pua(c))
                if not text:
                    continue
            if text.strip():
                chars += 1
                sizes.append(round(obj.size, 1))
                if _BOLD_FONT.search(obj.fontname or ""):
                    bold += 1
                gs = getattr(obj, "graphicstate", None)
                if obj.size < _HIDDEN_SIZE or (gs is not None and _white(gs.ncolor)):
                    hidden += 1
        parts.append(text)
    text = "".join(parts).rstrip("\n")
    if not text.strip() and not cid and not pua:
        return None
    return _Line(text=text, x0=layout_line.x0 - page_left, top=page_top - layout_line.y1,
                 x1=layout_line.x1 - page_left, bottom=page_top - layout_line.y0,
                 chars=chars, bold_chars=bold, hidden_chars=hidden, sizes=sizes,
                 cid=cid, pua=pua)


def _text_boxes(container) -> Iterator:
    from pdfminer.layout import LTFigure, LTTextBox, LTTextLine

    for obj in container:
        if isinstance(obj, LTTextBox):
            yield obj
        elif isinstance(obj, LTTextLine):  # a stray line outside any box
            yield [obj]
        elif isinstance(obj, LTFigure):
            yield from _text_boxes(obj)


def _count_page(container) -> tuple[int, bool]:
    """Non-blank characters anywhere on the page, and whether it holds an image."""
    from pdfminer.layout import LTChar, LTContainer, LTImage

    chars = 0
    image = False
    stack = [container]
    while stack:
        node = stack.pop()
        for obj in node:
            if isinstance(obj, LTChar):
                if obj.get_text().strip():
                    chars += 1
            elif isinstance(obj, LTImage):
                image = True
            elif isinstance(obj, LTContainer):
                stack.append(obj)
    return chars, image


# -- reading order -----------------------------------------------------------------------


def find_gutters(boxes: list[_Box]) -> list[tuple[float, float]]:
    """Vertical strips (x ranges) that separate columns of text on a page."""
    if len(boxes) < 4:
        return []
    left = min(b.x0 for b in boxes)
    right = max(b.x1 for b in boxes)
    span_top = min(b.top for b in boxes)
    span_bottom = max(b.bottom for b in boxes)
    height = span_bottom - span_top
    width = right - left
    # One bin per point: text spread wider than the largest page PDF allows (200 in) comes
    # from a damaged or hostile file (a 4.7 KB one needed 52 million bins and 13 s).
    if width <= 0 or height <= 0 or width > _MAX_PAGE_WIDTH:
        return []
    x_start = math.floor(left)
    bins = math.ceil(right) - x_start + 1
    diff = [0.0] * (bins + 1)
    for b in boxes:
        diff[max(0, int(b.x0) - x_start)] += b.bottom - b.top
        diff[min(bins, math.ceil(b.x1) - x_start)] -= b.bottom - b.top
    cover: list[float] = []
    run = 0.0
    for i in range(bins):
        run += diff[i]
        cover.append(run)
    limit = _GUTTER_COVER * height
    gutters: list[tuple[float, float]] = []
    i = 0
    while i < bins:
        if cover[i] <= limit:
            j = i
            while j < bins and cover[j] <= limit:
                j += 1
            g0, g1 = x_start + i, x_start + j - 1
            if i > 0 and j < bins and g1 - g0 >= _MIN_GUTTER:
                gutters.append((float(g0), float(g1)))
            i = j
        else:
            i += 1
    good: list[tuple[float, float]] = []
    edges = [left] + [g for pair in gutters for g in pair] + [right]
    for k, gutter in enumerate(gutters):
        left_w = edges[2 * k + 1] - edges[2 * k]
        right_w = edges[2 * k + 3] - edges[2 * k + 2]
        if min(left_w, right_w) < _MIN_COLUMN_SHARE * width:
            continue
        good.append(gutter)
    return good


def _crosses(box: _Box, gutter: tuple[float, float]) -> bool:
    return box.x0 < gutter[0] - 1 and box.x1 > gutter[1] + 1


def _row_aligned(columns: list[list[_Box]]) -> bool:
    """Label/value layouts ("2019-2022   Fellowship, ...") line up row by row: not columns.

    Only a narrow side (under a quarter of the text width) with several one-row entries
    is taken for labels; a real sidebar is wider, and may share the main column's grid.
    """
    boxes = [b for col in columns for b in col]
    width = max(b.x1 for b in boxes) - min(b.x0 for b in boxes)
    for a, b in zip(columns, columns[1:], strict=False):
        if not a or not b:
            return True
        span_a = max(x.x1 for x in a) - min(x.x0 for x in a)
        span_b = max(x.x1 for x in b) - min(x.x0 for x in b)
        small, other = (a, b) if span_a <= span_b else (b, a)
        if min(span_a, span_b) >= 0.25 * width or len(small) < 3:
            continue
        tops = [ln.top for box in other for ln in box.lines] or [x.top for x in other]
        aligned = sum(1 for box in small if any(abs(box.top - t) <= 2.0 for t in tops))
        if aligned > 0.5 * len(small):
            return True
    return False


def _top_sorted(boxes: list[_Box]) -> list[_Box]:
    # Boxes whose tops differ by a hair are one row, read left to right.
    return sorted(boxes, key=lambda b: (round(b.top / 3.0), b.x0, b.top))


def reading_order(boxes: list[_Box]) -> tuple[list[_Box], int]:
    """Boxes in reading order and the number of text columns found."""
    gutters = find_gutters(boxes)
    if not gutters:
        return _top_sorted(boxes), 1
    spanning = [b for b in boxes if any(_crosses(b, g) for g in gutters)]
    rest = [b for b in boxes if not any(_crosses(b, g) for g in gutters)]
    bounds = [g[0] for g in gutters]

    def column_of(box: _Box) -> int:
        return sum(1 for x in bounds if box.centre > x)

    columns: list[list[_Box]] = [[] for _ in range(len(gutters) + 1)]
    for box in rest:
        columns[column_of(box)].append(box)
    if _row_aligned(columns):
        return _top_sorted(boxes), 1
    spanning.sort(key=lambda b: (b.top, b.x0))
    ordered: list[_Box] = []
    band_starts = [float("-inf")] + [b.top for b in spanning]
    for k, start in enumerate(band_starts):
        if k:
            ordered.append(spanning[k - 1])
        end = band_starts[k + 1] if k + 1 < len(band_starts) else float("inf")
        for col in columns:
            ordered.extend(_top_sorted([b for b in col if start <= b.top < end]))
    return ordered, len([c for c in columns if c])


# -- blocks ------------------------------------------------------------------------------


def _split_box(box: _Box) -> list[list[_Line]]:
    """A text box may hold a heading and its first lines ("EXPERIENCE\\nSenior Engineer")."""
    groups: list[list[_Line]] = []
    for line in box.lines:
        heading = looks_like_heading(normalize_block(line.text))
        if heading or not groups or groups[-1][-1].hidden != line.hidden or \
                looks_like_heading(normalize_block(groups[-1][-1].text)):
            groups.append([line])
        else:
            groups[-1].append(line)
    return groups


_BULLETS = ("\u2022", "\u25aa", "\u25cf", "\u25e6", "\u2023", "-", "*", "\u2013", "\u2014")
_SENTENCE_END = (".", "!", "?", ":", ";")


def _continues(prev: list[_Line], nxt: list[_Line]) -> bool:
    """Whether ``nxt`` is the wrapped rest of the paragraph or bullet ``prev`` ends with.

    pdfminer puts the wrapped lines of one bullet in separate boxes when the line spacing is
    generous; joined again, a phrase broken over the wrap ("spinal cord / stimulation") is
    still one phrase.
    """
    last, head = prev[-1], nxt[0]
    if last.hidden != head.hidden:
        return False
    first_text = normalize_block(prev[0].text)
    text = normalize_block(head.text)
    if not text or looks_like_heading(first_text) or looks_like_heading(text):
        return False
    height = max(last.bottom - last.top, 1.0)
    if first_text in _BULLETS and len(prev) == 1 and abs(head.top - last.top) < 0.5 * height:
        return True  # a bullet set apart from its text on the same line
    gap = head.top - last.bottom
    if not -0.2 * height <= gap <= 0.9 * height:
        return False  # not the next line down
    if head.x0 < prev[0].x0 - 2 or head.x0 > last.x1:
        return False  # another column or a different left edge
    if text.startswith(_BULLETS):
        return False  # a new bullet
    if text[0].islower() or text[0] in "(),;&":
        return True
    # An upper-case start continues only a bullet whose wrapped lines hang indented.
    ends_sentence = normalize_block(last.text).endswith(_SENTENCE_END)
    return (not ends_sentence and first_text.startswith(_BULLETS)
            and head.x0 > prev[0].x0 + 2)


def _join_wrapped(groups: list[tuple[int, list[_Line]]]) -> list[tuple[int, list[_Line]]]:
    joined: list[tuple[int, list[_Line]]] = []
    for first_line, group in groups:
        if joined and _continues(joined[-1][1], group):
            joined[-1] = (joined[-1][0], joined[-1][1] + group)
        else:
            joined.append((first_line, list(group)))
    return joined


def _block(lines: list[_Line], page: int, line_no: int) -> Block | None:
    text = normalize_block("\n".join(ln.text for ln in lines))
    if not text:
        return None
    sizes = [s for ln in lines for s in ln.sizes]
    chars = sum(ln.chars for ln in lines)
    bold = chars > 0 and sum(ln.bold_chars for ln in lines) * 2 > chars
    return Block(
        text=text,
        page=page,
        line=line_no,
        bbox=(round(min(ln.x0 for ln in lines), 2), round(min(ln.top for ln in lines), 2),
              round(max(ln.x1 for ln in lines), 2), round(max(ln.bottom for ln in lines), 2)),
        bold=bold,
        font_size=round(statistics.median(sizes), 1) if sizes else None,
        hidden=all(ln.hidden for ln in lines),
    )


# -- entry point ---------------------------------------------------------------------------


def read_pdf(data: bytes, name: str, limits: ReadLimits | None = None,
             password: str | None = None) -> Document:
    """Read a PDF from its bytes; every failure becomes one :class:`InputError`."""
    limits = limits or ReadLimits()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return _read(data, name, limits, password)
        except InputError:
            raise
        except Exception as exc:  # noqa: BLE001 - mapped below, one line per file
            raise _map_error(exc, name, password) from None
        except RecursionError as exc:  # pragma: no cover - RecursionError is an Exception
            raise _map_error(exc, name, password) from None


def _map_error(exc: BaseException, name: str, password: str | None) -> InputError:
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    if isinstance(exc, PDFPasswordIncorrect):
        if password:
            return InputError(name, "is encrypted and the password given does not open it")
        return InputError(name, "is encrypted with a password")
    if isinstance(exc, PDFEncryptionError):
        return InputError(name, f"is encrypted in a way that cannot be read ({_short(exc)})")
    if isinstance(exc, MemoryError):
        return InputError(name, "is damaged or not a valid PDF (ran out of memory)")
    if isinstance(exc, RecursionError):
        return InputError(name, "is damaged or not a valid PDF (objects refer to themselves)")
    return InputError(name, f"is damaged or not a valid PDF ({_short(exc)})")


def _short(exc: BaseException) -> str:
    msg = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    kind = type(exc).__name__
    return f"{kind}: {msg[:100]}" if msg else kind


# Exceptions pdfminer is known to raise on bad input; anything else is still mapped (the
# reader must never let a traceback through), but these are the expected ones.
EXPECTED_ERRORS = (TypeError, IndexError, KeyError, struct.error, OverflowError, EOFError,
                   RecursionError, AssertionError, ValueError, MemoryError)


class _ReferenceLoop(RecursionError):
    """Objects that are nothing but references to each other (``10 0 R`` -> ``11 0 R`` -> ...)."""


def _document_class(base: type) -> type:
    """pdfminer's document, with reference chains followed here, loops detected.

    pdfminer's ``resolve1`` loops ``while isinstance(x, PDFObjRef)``: an object whose value
    is a reference to an object whose value refers back (a 1 KB file) spins forever. Here
    ``getobj`` never returns a bare reference, so that loop always ends.
    """
    from pdfminer.pdftypes import PDFObjRef

    class _Document(base):  # type: ignore[misc, valid-type]
        def getobj(self, objid: int) -> object:
            obj = super().getobj(objid)
            seen = {objid}
            while isinstance(obj, PDFObjRef):
                if obj.objid in seen:
                    raise _ReferenceLoop(f"object {objid} refers to itself through references")
                seen.add(obj.objid)
                obj = super().getobj(obj.objid)
            return obj

    return _Document


def _password_forms(password: str) -> list[str]:
    """The forms a password is tried in. Encryption before AES-256 (RC4, AES-128) takes
    the password as bytes, which pdfminer makes with Latin-1; a password beyond Latin-1
    (Cyrillic, Greek, "€") is tried as PDFDocEncoding bytes, then as UTF-8 bytes (what
    some writers store), each passed to pdfminer as the Latin-1 text of those bytes."""
    from pdfminer.utils import PDFDocEncoding

    forms = [password]
    if password.isascii():
        return forms
    table = {ch: bytes([code]) for code, ch in enumerate(PDFDocEncoding) if ch != "\x00"}
    if all(ch in table for ch in password):
        forms.append(b"".join(table[ch] for ch in password).decode("latin-1"))
    forms.append(password.encode("utf-8", "surrogateescape").decode("latin-1"))
    return list(dict.fromkeys(forms))


def _open_document(document_class: type, parser_class: type, data: bytes,
                   password: str) -> object:
    """The PDF document opened with ``password`` in each of its forms; a password that
    no form opens (or that cannot be written as this file's encryption needs) raises
    ``PDFPasswordIncorrect``, never a character-encoding error reported as damage."""
    from pdfminer.pdfdocument import PDFPasswordIncorrect
    from pdfminer.pdfexceptions import PDFValueError

    forms = _password_forms(password)
    for form in forms:
        try:
            return document_class(parser_class(io.BytesIO(data)), form)
        except UnicodeEncodeError:  # the file takes Latin-1 bytes: try the other forms
            continue
        except PDFValueError as exc:  # AES-256 refuses the password's characters
            if not str(exc).startswith("SASLprep"):
                raise
            break
        except PDFPasswordIncorrect:
            if form == password:
                break  # the file took the password as given, and it is not this one
    raise PDFPasswordIncorrect


def _read(data: bytes, name: str, limits: ReadLimits, password: str | None) -> Document:
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.layout import LAParams
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    pdf = _open_document(_document_class(PDFDocument), PDFParser, data, password or "")
    notes: list[ReaderNote] = []
    if pdf.encryption is not None:
        how = "with the password given" if password else "with an empty password"
        notes.append(ReaderNote("encrypted", f"the file is encrypted; it opened {how}"))
    manager = PDFResourceManager(caching=True)
    device = PDFPageAggregator(manager, laparams=LAParams(boxes_flow=None, all_texts=True))
    interpreter = PDFPageInterpreter(manager, device)

    blocks: list[Block] = []
    pages: list[PageInfo] = []
    cid_pages: dict[int, int] = {}
    pua_pages: dict[int, int] = {}
    for number, page in enumerate(PDFPage.create_pages(pdf), start=1):
        if number > limits.max_pages:
            notes.append(ReaderNote(
                "truncated", f"only the first {limits.max_pages} pages were read",
                page=number, count=limits.max_pages))
            break
        interpreter.process_page(page)
        layout = device.get_result()
        chars, image = _count_page(layout)
        page_top, page_left = layout.y1, layout.x0
        boxes: list[_Box] = []
        for tb in _text_boxes(layout):
            lines = [ln for ln in (_line_from(x, page_top, page_left) for x in tb) if ln]
            if not lines:
                continue
            cid_pages[number] = cid_pages.get(number, 0) + sum(ln.cid for ln in lines)
            pua_pages[number] = pua_pages.get(number, 0) + sum(ln.pua for ln in lines)
            lines.sort(key=lambda ln: (ln.top, ln.x0))
            boxes.append(_Box(lines, min(ln.x0 for ln in lines), min(ln.top for ln in lines),
                              max(ln.x1 for ln in lines), max(ln.bottom for ln in lines)))
        ordered, columns = reading_order(boxes)
        line_no = 1
        page_lines: list[_Line] = []
        groups: list[tuple[int, list[_Line]]] = []
        for box in ordered:
            for group in _split_box(box):
                groups.append((line_no, group))
                line_no += len(group)
                page_lines.extend(group)
        for first_line, group in _join_wrapped(groups):
            block = _block(group, number, first_line)
            if block is not None:
                blocks.append(block)
        has_text = chars > 0
        pages.append(PageInfo(number=number, width=round(layout.width, 2),
                              height=round(layout.height, 2), chars=chars,
                              has_text_layer=has_text, columns=columns))
        if not has_text:
            what = "only images" if image else "nothing readable"
            notes.append(ReaderNote("no_text_layer",
                                    f"page {number} has no text layer ({what}); "
                                    "it is probably a scan", page=number))
        if columns > 1:
            notes.append(ReaderNote("columns", f"page {number} is laid out in {columns} "
                                               "columns", page=number, count=columns))
        single = sum(1 for ln in page_lines if len(ln.text.strip()) == 1)
        if single >= 8 and single >= 0.3 * len(page_lines):
            notes.append(ReaderNote("vertical_text",
                                    f"page {number} has {single} one-letter lines: text set "
                                    "vertically or rotated, which reads as separate letters",
                                    page=number, count=single))
    for kind, per_page, what in (("cid_glyphs", cid_pages, "glyphs without a character "
                                  "mapping (cid:NN)"),
                                 ("private_use_glyphs", pua_pages, "private-use characters "
                                  "(icon fonts)")):
        total = sum(per_page.values())
        if total:
            where = ", ".join(str(p) for p, n in sorted(per_page.items()) if n)
            first = min(p for p, n in per_page.items() if n)
            notes.append(ReaderNote(kind, f"{total} {what} dropped on page(s) {where}",
                                    page=first, count=total))
    return Document(path=name, format="pdf", blocks=tuple(blocks), pages=tuple(pages),
                    notes=tuple(notes))
