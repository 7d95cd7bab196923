"""PDF text in reading order, with positions, using pdfminer.six.

pdfminer's own box ordering (``boxes_flow``) costs time quadratic in the number of text
boxes on a page (6 GiB on a 12,000-box page), so it is switched off and the order is
computed here: find the vertical gutters that split a page into columns, keep boxes that
run across a gutter (a name header, a full-width rule of text) in place, and read each
band between them column by column, left to right, top to bottom.
"""

from __future__ import annotations

import dataclasses
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
from resumecheck.sections import label_of, labels_are_headings, looks_like_heading

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


def _rgb(color: object) -> tuple[float, float, float] | None:
    """A PDF fill colour (gray, RGB or CMYK components) as RGB in 0..1; None if unknown."""
    if isinstance(color, int | float):
        v = float(color)
        return (v, v, v) if 0.0 <= v <= 1.0 else None
    if not isinstance(color, list | tuple) or not color:
        return None
    values = [c for c in color if isinstance(c, int | float)]
    if len(values) != len(color):
        return None
    if len(values) == 1:
        return _rgb(values[0])
    if len(values) == 3:
        if not all(0.0 <= v <= 1.0 for v in values):
            return None
        return (float(values[0]), float(values[1]), float(values[2]))
    if len(values) == 4:  # CMYK
        c, m, y, k = (min(1.0, max(0.0, float(v))) for v in values)
        return ((1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k))
    return None


def _white(color: object) -> bool:
    rgb = _rgb(color)
    return rgb is not None and min(rgb) >= 0.99


_PAPER = (1.0, 1.0, 1.0)
#: Text whose colour is this close (RGB distance, 0..1.73) to what lies behind it is
#: invisible to a reader: white on white, pale grey on white, navy on navy.
_CONTRAST = 0.16
#: Text render modes that paint nothing (3: invisible, 7: clip only).
_INVISIBLE_MODES = frozenset({3, 7})


def _distance(a: tuple[float, float, float], b: tuple[float, float, float]) -> float:
    return math.sqrt((a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2 + (a[2] - b[2]) ** 2)


@dataclass(slots=True)
class _Fill:
    """A filled shape drawn on the page: what text on top of it is read against."""

    x0: float
    top: float
    x1: float
    bottom: float
    #: RGB, or None for an image (its colours are unknown: text on it is never hidden).
    rgb: tuple[float, float, float] | None


def _fills(layout, page_top: float, page_left: float) -> list[_Fill]:
    """Filled rectangles, paths and images on the page, in drawing order."""
    from pdfminer.layout import LTCurve, LTFigure, LTImage

    out: list[_Fill] = []
    stack = [iter(layout)]
    while stack:
        obj = next(stack[-1], None)
        if obj is None:
            stack.pop()
            continue
        if isinstance(obj, LTCurve):
            if not getattr(obj, "fill", False):
                continue
            rgb = _rgb(obj.non_stroking_color)
            if rgb is None:
                continue
        elif isinstance(obj, LTImage):
            rgb = None
        elif isinstance(obj, LTFigure):
            stack.append(iter(obj))
            continue
        else:
            continue
        if obj.width < 1 or obj.height < 1:
            continue
        out.append(_Fill(obj.x0 - page_left, page_top - obj.y1, obj.x1 - page_left,
                         page_top - obj.y0, rgb))
    return out


def _background(fills: list[_Fill], x: float, y: float) -> tuple[float, float, float] | None:
    for f in reversed(fills):
        if f.x0 <= x <= f.x1 and f.top <= y <= f.bottom:
            return f.rgb
    return _PAPER


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
    #: Ligature glyphs that came out as a space or (cid:NN) and were mended.
    mended: int = 0
    #: One key per glyph that lost its text, in the order of their marks in ``text``:
    #: (font, "cid", code) or (font, "width", advance in em).
    keys: list[tuple[str, str, float]] | None = None
    #: A bold label the line starts with, before text that is not bold ("Licensure:").
    lead: str = ""

    @property
    def all_bold(self) -> bool:
        return self.chars > 0 and self.bold_chars == self.chars

    @property
    def hidden(self) -> bool:
        return self.chars > 0 and self.hidden_chars == self.chars

    @property
    def bold(self) -> bool:
        return self.chars > 0 and self.bold_chars * 2 > self.chars

    @property
    def size(self) -> float:
        return statistics.median(self.sizes) if self.sizes else 0.0

    @property
    def height(self) -> float:
        return max(self.bottom - self.top, 1.0)


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


@dataclass(slots=True)
class _Page:
    """What visibility needs to know about the page a line is on."""

    width: float
    height: float
    fills: list[_Fill]


#: A ligature glyph's advance is wider than any word space (about 0.25-0.35 em).
_LIGATURE_ADVANCE = 0.42
#: Stand-ins, while a line is assembled, for a glyph that lost its text: one mapped to
#: nothing ((cid:NN)) and one mapped to a space although it is as wide as letters.
_LIG_MARK = "\ue0ff"
_SPACE_MARK = "\ue0fe"


#: Text colour (as pdfminer gives it) -> lost against the white paper?
_ON_PAPER: dict[object, bool] = {}


def _char_hidden(obj, page: _Page, page_top: float, page_left: float,
                 inside: bool = False) -> bool:
    if obj.size < _HIDDEN_SIZE or getattr(obj, "rendermode", 0) in _INVISIBLE_MODES:
        return True
    if not inside or page.fills:
        x = (obj.x0 + obj.x1) / 2 - page_left
        y = page_top - (obj.y0 + obj.y1) / 2
        if x < 0 or y < 0 or x > page.width or y > page.height:
            return True  # outside the page: never printed
    gs = getattr(obj, "graphicstate", None)
    if gs is None:
        return False
    colour = gs.ncolor
    if not page.fills:
        key = tuple(colour) if isinstance(colour, list) else colour
        try:
            return _ON_PAPER[key]
        except KeyError:
            rgb = _rgb(colour)
            hidden = rgb is not None and _distance(rgb, _PAPER) < _CONTRAST
            if len(_ON_PAPER) < 4096:
                _ON_PAPER[key] = hidden
            return hidden
        except TypeError:  # an unhashable colour value: work it out
            pass
    rgb = _rgb(colour)
    if rgb is None:
        return False
    back = _background(page.fills, x, y) if page.fills else _PAPER
    return back is not None and _distance(rgb, back) < _CONTRAST


def _line_from(layout_line, page_top: float, page_left: float,
               page: _Page | None = None) -> _Line | None:
    from pdfminer.layout import LTChar

    parts: list[str] = []
    chars = bold = hidden = cid = pua = 0
    sizes: list[float] = []
    page = page or _Page(1e9, 1e9, [])
    top = page_top - layout_line.y1
    bottom = page_top - layout_line.y0
    # Lines clear of every filled shape are read against the paper: no per-glyph lookup.
    lx0, lx1 = layout_line.x0 - page_left, layout_line.x1 - page_left
    fills = [f for f in page.fills if f.x0 < lx1 and f.x1 > lx0 and f.top < bottom
             and f.bottom > top]
    local = _Page(page.width, page.height, fills)
    inside = 0 <= lx0 and lx1 <= page.width and top >= 0 and bottom <= page.height
    keys: list[tuple[str, str, float]] = []
    lead: list[str] = []
    leading = True
    for obj in layout_line:
        text = obj.get_text()
        if leading:
            if not isinstance(obj, LTChar) or not text.strip():
                if lead:
                    lead.append(text)
            elif _BOLD_FONT.search(obj.fontname or ""):
                lead.append(text)
            else:
                leading = False
        if isinstance(obj, LTChar):
            if _CID.fullmatch(text):
                parts.append(_LIG_MARK)
                keys.append((obj.fontname or "", "cid", float(text[5:-1])))
                continue
            if text == " " and getattr(obj, "wide_space", False) and obj.size:
                # A glyph mapped to a space but as wide as two letters: a ligature whose
                # text the font lost ("e ectively"); mended later when a word fits.
                parts.append(_SPACE_MARK)
                keys.append((obj.fontname or "", "width", round(obj.adv / obj.size, 3)))
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
                if _char_hidden(obj, local, page_top, page_left, inside):
                    hidden += 1
        parts.append(text)
    text = "".join(parts).rstrip("\n")
    if not text.strip() and not keys and not pua:
        return None
    return _Line(text=text, x0=layout_line.x0 - page_left, top=top,
                 x1=layout_line.x1 - page_left, bottom=bottom,
                 chars=chars, bold_chars=bold, hidden_chars=hidden, sizes=sizes,
                 cid=cid, pua=pua, keys=keys or None,
                 lead="".join(lead) if lead and not leading else "")


_LIGATURES = ("ffi", "ffl", "ff", "fi", "fl", "ft", "st")
_MARKED_WORD = re.compile(r"[\w\ue0fe\ue0ff]*[\ue0fe\ue0ff][\w\ue0fe\ue0ff]*")


class _Mender:
    """Puts back the text of glyphs a font lost (ligatures shown as "e ectively" or
    "e(cid:12)ectively"), for one document.

    A word with one lost glyph is mended when one of ff, fi, fl, ffi, ffl, ft, st makes it
    a known word; the choice is then learnt for that glyph of that font (its code, or its
    advance width when the font mapped it to a space), and used where no word list helps
    ("North eld" after "certi ed"). What stays unknown is counted for the glyph finding:
    an unmapped glyph is left out, a wide "space" inside a word stays a space.
    """

    def __init__(self) -> None:
        self.learned: dict[tuple[str, str, float], str] = {}

    def _words(self, line: _Line):  # noqa: ANN202 - (match, keys of its marks) pairs
        keys = iter(line.keys or ())
        for m in _MARKED_WORD.finditer(line.text):
            n = sum(1 for c in m.group(0) if c in (_LIG_MARK, _SPACE_MARK))
            yield m, [next(keys, ("", "", 0.0)) for _ in range(n)]

    def learn(self, line: _Line) -> None:
        from resumecheck.lexicon import is_word

        for m, keys in self._words(line):
            word = m.group(0)
            if len(keys) != 1:
                continue
            left, _, right = re.split(r"([\ue0fe\ue0ff])", word, maxsplit=1)
            if not (left[-1:].isalpha() or right[:1].isalpha()):
                continue
            if right[:1].isupper() or (len(left) > 1 and len(right) > 1 and
                                       is_word(left.lower()) and is_word(right.lower())):
                continue  # two words either side of a space, not one broken word
            fits = [lig for lig in _LIGATURES if is_word((left + lig + right).lower())]
            if len(fits) == 1 or (fits and keys[0] not in self.learned):
                self.learned.setdefault(keys[0], fits[0])

    def mend(self, line: _Line) -> None:
        if not line.keys:
            return
        mended = lost = 0
        out: list[str] = []
        pos = 0
        for m, keys in self._words(line):
            out.append(line.text[pos:m.start()])
            pos = m.end()
            word = m.group(0)
            k = iter(keys)
            pieces: list[str] = []
            for i, ch in enumerate(word):
                if ch not in (_LIG_MARK, _SPACE_MARK):
                    pieces.append(ch)
                    continue
                lig = self.learned.get(next(k))
                before = word[i - 1] if i else ""
                after = word[i + 1] if i + 1 < len(word) else ""
                # Inside a word: a letter before it, a lower-case letter (or nothing) after.
                if lig and (before.isalpha() or (not before and after.islower())) and (
                        not after or after.islower() or after in (_LIG_MARK, _SPACE_MARK)):
                    pieces.append(lig)
                    mended += 1
                elif ch == _LIG_MARK:
                    lost += 1
                else:
                    pieces.append(" ")
                    lost += before.isalpha() and after.isalpha()
            out.append("".join(pieces))
        out.append(line.text[pos:])
        line.text = "".join(out)
        line.mended, line.cid, line.keys = mended, lost, None


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

    A narrow side (under a quarter of the text width) is taken for labels when three
    quarters of its lines sit on the other side's rows; a sidebar's lines meet the main
    column's rows only by chance, and a wider side is a column.
    """
    boxes = [b for col in columns for b in col]
    width = max(b.x1 for b in boxes) - min(b.x0 for b in boxes)
    for a, b in zip(columns, columns[1:], strict=False):
        if not a or not b:
            return True
        span_a = max(x.x1 for x in a) - min(x.x0 for x in a)
        span_b = max(x.x1 for x in b) - min(x.x0 for x in b)
        small, other = (a, b) if span_a <= span_b else (b, a)
        tops = [ln.top for box in other for ln in box.lines] or [x.top for x in other]
        lines = [ln.top for box in small for ln in box.lines] or [x.top for x in small]
        if len(lines) < 2 or min(span_a, span_b) >= 0.25 * width:
            continue  # two real columns in one font share their rows too
        aligned = sum(1 for top in lines if any(abs(top - t) <= 2.0 for t in tops))
        if aligned > 0.75 * len(lines):
            return True
    return False


def _top_sorted(boxes: list[_Box]) -> list[_Box]:
    # Boxes whose tops differ by a hair are one row, read left to right.
    return sorted(boxes, key=lambda b: (round(b.top / 3.0), b.x0, b.top))


def _columns_of(boxes: list[_Box], gutters: list[tuple[float, float]]
                ) -> list[list[_Box]] | None:
    """The page's regions read band by band, column by column; None when no band has
    real columns (only a label/value grid: dates or labels beside entries). A band whose
    "columns" are such a grid is read row by row as one region."""
    spanning = [b for b in boxes if any(_crosses(b, g) for g in gutters)]
    rest = [b for b in boxes if not any(_crosses(b, g) for g in gutters)]
    bounds = [g[0] for g in gutters]

    def column_of(box: _Box) -> int:
        return sum(1 for x in bounds if box.centre > x)

    spanning.sort(key=lambda b: (b.top, b.x0))
    regions: list[list[_Box]] = []
    band_starts = [float("-inf")] + [b.top for b in spanning]
    columned = False
    for k, start in enumerate(band_starts):
        if k:
            regions.append([spanning[k - 1]])
        end = band_starts[k + 1] if k + 1 < len(band_starts) else float("inf")
        band = [b for b in rest if start <= b.top < end]
        if not band:
            continue
        columns: list[list[_Box]] = [[] for _ in range(len(gutters) + 1)]
        for box in band:
            columns[column_of(box)].append(box)
        filled = [c for c in columns if c]
        if len(filled) > 1 and _row_aligned(filled):
            regions.append(_top_sorted(band))
            continue
        columned = columned or len(filled) > 1
        regions.extend(filled)
    if not columned:
        return None
    return regions


#: Above this many boxes a page is read with one set of gutters (the search for a region
#: with columns of its own costs a gutter scan per probe).
_MAX_REGION_BOXES = 600


def _panel_regions(boxes: list[_Box], panels: list[_Fill]
                   ) -> tuple[list[list[_Box]], list[list[_Box]], list[_Box]]:
    """Boxes on coloured side panels: each panel is a region of its own, read before the
    page when it is on the left and after it when on the right."""
    before: list[list[_Box]] = []
    after: list[list[_Box]] = []
    rest = boxes
    for panel in sorted(panels, key=lambda f: f.x0):
        inside = [b for b in rest if panel.x0 - 1 <= b.x0 and b.x1 <= panel.x1 + 1
                  and panel.top - 1 <= b.top and b.bottom <= panel.bottom + 1]
        if len(inside) < 2 or len(inside) == len(rest):
            continue
        rest = [b for b in rest if b not in inside]
        others_left = min(b.x0 for b in rest)
        (before if panel.x1 <= others_left + 2 else after).append(_top_sorted(inside))
    return before, after, rest


def reading_regions(boxes: list[_Box], panels: list[_Fill] | None = None
                    ) -> tuple[list[list[_Box]], int]:
    """The page's text regions in reading order, and the most columns side by side.

    Columns are found for the page as a whole first (a full-width header above two
    columns is a band of its own). When the page has none, the top part of the page may
    still have them: a sidebar panel that runs only part of the way down, with text the
    full width of the page below it. That part is found as the longest run of boxes from
    the top, cut where no box straddles the cut, that has a gutter; the rest is read the
    same way.
    """
    if not boxes:
        return [], 1
    if panels:
        before, after, rest = _panel_regions(boxes, panels)
        if before or after:
            inner, columns = reading_regions(rest)
            return before + inner + after, columns + len(before) + len(after)
    gutters = find_gutters(boxes)
    if gutters:
        regions = _columns_of(boxes, gutters)
        if regions is not None:
            return regions, len(gutters) + 1
        return [_top_sorted(boxes)], 1
    if len(boxes) < 8 or len(boxes) > _MAX_REGION_BOXES:
        return [_top_sorted(boxes)], 1
    by_top = sorted(boxes, key=lambda b: (b.top, b.x0))
    cuts: list[int] = []
    lowest = by_top[0].bottom
    for i in range(1, len(by_top)):
        if by_top[i].top >= lowest - 1.0:
            cuts.append(i)
        lowest = max(lowest, by_top[i].bottom)
    # Gutters in a prefix only disappear as boxes are added: binary search the last cut.
    lo, hi, best = 0, len(cuts) - 1, -1
    while lo <= hi:
        mid = (lo + hi) // 2
        if cuts[mid] >= 4 and find_gutters(by_top[: cuts[mid]]):
            best = mid
            lo = mid + 1
        else:
            hi = mid - 1
    if best < 0 or cuts[best] < 0.25 * len(by_top):
        return [_top_sorted(boxes)], 1
    head = by_top[: cuts[best]]
    head_regions = _columns_of(head, find_gutters(head))
    if head_regions is None:
        return [_top_sorted(boxes)], 1
    tail_regions, tail_columns = reading_regions(by_top[cuts[best]:])
    return head_regions + tail_regions, max(len(find_gutters(head)) + 1, tail_columns)


def reading_order(boxes: list[_Box]) -> tuple[list[_Box], int]:
    """Boxes in reading order and the number of text columns found."""
    regions, columns = reading_regions(boxes)
    return [b for region in regions for b in region], columns


# -- lines and blocks ----------------------------------------------------------------------


def _merge_row(row: list[_Line]) -> _Line:
    """Pieces of one printed line: a bullet and its text, a title and its right-aligned
    date, the words of a justified line that the layout analysis tore apart."""
    if len(row) == 1:
        return row[0]
    row.sort(key=lambda ln: ln.x0)
    text = row[0].text.rstrip("\n")
    for prev, ln in zip(row, row[1:], strict=False):
        piece = ln.text.rstrip("\n")
        glue = "" if prev.text.endswith((" ", "\u00ad")) or piece.startswith(" ") else " "
        text += glue + piece
    return _Line(text=text, x0=row[0].x0, top=min(ln.top for ln in row),
                 x1=max(ln.x1 for ln in row), bottom=max(ln.bottom for ln in row),
                 chars=sum(ln.chars for ln in row), bold_chars=sum(ln.bold_chars for ln in row),
                 hidden_chars=sum(ln.hidden_chars for ln in row),
                 sizes=[s for ln in row for s in ln.sizes], cid=sum(ln.cid for ln in row),
                 pua=sum(ln.pua for ln in row), mended=sum(ln.mended for ln in row),
                 lead=row[0].lead or (row[0].text if row[0].all_bold and not row[1].all_bold
                                      else ""))


def region_lines(region: list[_Box]) -> list[_Line]:
    """A region's lines top to bottom, pieces of one printed line joined left to right."""
    lines = sorted((ln for box in region for ln in box.lines), key=lambda ln: (ln.top, ln.x0))
    rows: list[list[_Line]] = []
    for ln in lines:
        if rows:
            last = rows[-1]
            ref = last[0]
            tol = 0.5 * min(ref.height, ln.height)
            same = abs(ln.top - ref.top) <= tol or abs(ln.bottom - ref.bottom) <= tol
            if same and ln.hidden == ref.hidden:
                last.append(ln)
                continue
        rows.append([ln])
    return [_merge_row(r) for r in rows]


_BULLETS = ("\u2022", "\u25aa", "\u25cf", "\u25e6", "\u2023", "\u25a0", "\u25b8",
            "\u27a2", "\u2043", "-", "*", "\u2013", "\u2014", "\u00b7", "\u25c6",
            "\u2666", "\u2219", "\u25cb", "\u2713", "\u2714")
_SENTENCE_END = (".", "!", "?", ":", ";")


def _starts_item(text: str) -> bool:
    if text.startswith(_BULLETS) and (len(text) == 1 or text[1] == " " or
                                      not text[1].isalnum()):
        return True
    return bool(_NUMBERED.match(text))


#: A line that is a date or a date range ("Jan 2020 - Present", "2019-2021").
_DATE_LINE = re.compile(
    r"^((jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+)?"
    r"(19|20)\d\d\b", re.IGNORECASE)
_NUMBERED = re.compile(r"^(\d{1,2}|[a-z]|[ivx]{1,4})[.)]\s")


def _groups(lines: list[_Line], right_edge: float) -> list[list[_Line]]:
    """Lines of one region into paragraphs and list items.

    A new block starts at a heading-like line and after one, at a bullet or a numbered
    item, where the type size or the hidden state changes, after a gap wider than a line,
    and after a line that stops well short of the region's right edge (the end of a
    paragraph or an item) unless the next line starts in lower case. A lone bullet glyph
    on its own line is kept with the text that follows it.
    """
    groups: list[list[_Line]] = []
    texts = [normalize_block(ln.text) for ln in lines]
    heads = [looks_like_heading(t) for t in texts]
    width = max(1.0, right_edge - min((ln.x0 for ln in lines), default=0.0))
    for i, ln in enumerate(lines):
        text = texts[i]
        if text[:1].islower():
            heads[i] = False  # a wrapped word that happens to name a section
        if not groups:
            groups.append([ln])
            continue
        group = groups[-1]
        last = group[-1]
        j = i - 1
        prev_text = texts[j]
        if prev_text in _BULLETS and len(group) == 1 and ln.top - last.bottom < last.height:
            group.append(ln)  # a bullet glyph set on a line of its own
            continue
        gap = ln.top - last.bottom
        new = (heads[i] or heads[j] or _starts_item(text) or ln.hidden != last.hidden
               or abs(ln.size - last.size) > 0.6 or gap > 0.9 * max(last.height, ln.height)
               or gap < -0.5 * last.height or ln.x0 < group[0].x0 - 3
               or ln.x0 > last.x1)
        if not new and text and not (text[0].islower() or text[0] in "(),;&"):
            # An upper-case start continues a wrapped list item that hangs under its
            # first line, or a paragraph whose previous line ran to the right edge.
            ends = prev_text.endswith(_SENTENCE_END)
            item = _starts_item(normalize_block(group[0].text))
            full = last.x1 >= right_edge - 0.1 * width
            new = (ends or _DATE_LINE.match(text) is not None or last.bold != ln.bold
                   or not ((item and ln.x0 >= group[0].x0 - 2) or full))
        if new:
            groups.append([ln])
        else:
            group.append(ln)
    return groups


def _split_label(block: Block, lead: str) -> list[Block]:
    """"LICENSURE: Wisconsin, active" set with a bold label: a heading and its text."""
    if label_of(lead) is None:
        return [block]
    label = normalize_block(lead)
    if not block.text.startswith(label) or not block.text[len(label):].strip():
        return [block]
    head = label.rstrip(":\uff1a").strip()
    return [dataclasses.replace(block, text=head, bold=True, is_heading=True),
            dataclasses.replace(block, text=block.text[len(label):].strip(), bold=False)]


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
        return InputError(name, "ran out of memory while reading it (a stream that inflates far "
                                "past the file's size, or a damaged file); stopped")
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


def _panels(page: _Page) -> list[_Fill]:
    """Coloured panels down part of the page: a tall, narrow filled shape (a sidebar)."""
    out = []
    for f in page.fills:
        if f.rgb is None or _distance(f.rgb, _PAPER) < 0.05:
            continue
        width, height = f.x1 - f.x0, f.bottom - f.top
        if height >= 0.15 * page.height and 0.1 * page.width <= width <= 0.45 * page.width:
            out.append(f)
    return out


def _wide_space(font, item) -> bool:  # noqa: ANN001 - pdfminer PDFFont and LTChar
    """A glyph the font maps to a space that is no space: a proportional font's glyph as
    wide as two letters, wider than the font's own space (a lost ligature)."""
    try:
        size = float(item.size) or 1.0
        width = float(item.adv) / size
        if width < _LIGATURE_ADVANCE:
            return False
        flags = int((getattr(font, "descriptor", None) or {}).get("Flags", 0) or 0)
        if flags & 1:  # fixed pitch: every glyph, the space too, is as wide as a letter
            return False
        if not font.is_multibyte():
            return width > 1.3 * float(font.char_width(32) or 0.0)
        return True
    except Exception:  # noqa: BLE001 - a damaged font only loses this guess
        return False


def _aggregator_class(base: type) -> type:
    """pdfminer's page aggregator, with each glyph's text render mode kept on it
    (pdfminer drops it, and mode 3 is how PDF writes invisible text)."""

    class _Aggregator(base):  # type: ignore[misc, valid-type]
        def render_string(self, textstate, seq, ncs, graphicstate):  # noqa: ANN001
            objs = self.cur_item._objs
            first = len(objs)
            result = super().render_string(textstate, seq, ncs, graphicstate)
            mode = getattr(textstate, "render", 0) or 0
            font = textstate.font
            for item in objs[first:]:
                if mode:
                    item.rendermode = mode
                if getattr(item, "_text", None) == " " and _wide_space(font, item):
                    item.wide_space = True
            return result

    return _Aggregator


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
    device = _aggregator_class(PDFPageAggregator)(
        manager, laparams=LAParams(boxes_flow=None, all_texts=True))
    interpreter = PDFPageInterpreter(manager, device)

    blocks: list[Block] = []
    pages: list[PageInfo] = []
    cid_pages: dict[int, int] = {}
    pua_pages: dict[int, int] = {}
    mender = _Mender()
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
        info = _Page(layout.width, layout.height, _fills(layout, page_top, page_left))
        boxes: list[_Box] = []
        for tb in _text_boxes(layout):
            lines = [ln for ln in (_line_from(x, page_top, page_left, info) for x in tb)
                     if ln]
            if not lines:
                continue
            lines.sort(key=lambda ln: (ln.top, ln.x0))
            boxes.append(_Box(lines, min(ln.x0 for ln in lines), min(ln.top for ln in lines),
                              max(ln.x1 for ln in lines), max(ln.bottom for ln in lines)))
        marked = [ln for box in boxes for ln in box.lines if ln.keys]
        for ln in marked:
            mender.learn(ln)
        for ln in marked:
            mender.mend(ln)
        cid_pages[number] = sum(ln.cid for box in boxes for ln in box.lines)
        pua_pages[number] = sum(ln.pua for box in boxes for ln in box.lines)
        regions, columns = reading_regions(boxes, _panels(info))
        line_no = 1
        page_groups: list[tuple[list[_Line], int]] = []
        for region in regions:
            lines = region_lines(region)
            right_edge = max(ln.x1 for ln in lines)
            for group in _groups(lines, right_edge):
                page_groups.append((group, line_no))
                line_no += len(group)
        split = labels_are_headings([g[0].lead for g, _ in page_groups])
        for k, (group, first) in enumerate(page_groups):
            block = _block(group, number, first)
            if block is None:
                continue
            if split[k]:
                blocks.extend(_split_label(block, group[0].lead))
            else:
                blocks.append(block)
        unmapped = cid_pages.get(number, 0)
        # A page whose glyphs mostly have no text behind them reads as noise, like a scan.
        garbage = unmapped >= 20 and unmapped > chars - unmapped
        has_text = chars > 0 and not garbage
        pages.append(PageInfo(number=number, width=round(layout.width, 2),
                              height=round(layout.height, 2), chars=chars,
                              has_text_layer=has_text, columns=columns))
        if garbage:
            notes.append(ReaderNote("no_text_layer",
                                    f"page {number} has {unmapped} glyphs without a "
                                    "character mapping and little readable text; it reads "
                                    "as noise", page=number, count=unmapped))
        elif not has_text:
            what = "only images" if image else "nothing readable"
            notes.append(ReaderNote("no_text_layer",
                                    f"page {number} has no text layer ({what}); "
                                    "it is probably a scan", page=number))
        if columns > 1:
            notes.append(ReaderNote("columns", f"page {number} is laid out in {columns} "
                                               "columns", page=number, count=columns))
        # Letters, not bullet glyphs: a column of bullets is a list, not rotated text.
        # Counted on the lines as pdfminer found them, before pieces of a row are joined.
        raw = [ln for box in boxes for ln in box.lines]
        single = sum(1 for ln in raw if len(ln.text.strip()) == 1 and ln.text.strip().isalnum())
        if single >= 8 and single >= 0.3 * len(raw):
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
