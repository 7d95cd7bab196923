"""Rich's plain-text layout, byte for byte, without Rich's rendering machinery.

The text report is drawn with Rich, which colours it on a terminal. Printing through a Rich
console costs 30-90 ms a report, far too slow for a batch of thousands with ``--details``
(and a 20,000-row ranking took 13 s and 90 MB). Without colour there is nothing Rich adds
but layout, so the same layout is made here from strings, with Rich's own pieces where the
rules are subtle: its word division (``rich._wrap.divide_line``), cell widths
(``rich.cells``) and table width reduction (``Table._collapse_widths``, ``ratio_reduce``).
Only what the text report uses is supported: printed lines (wrapped at the console
width), a rule with a centred title, and tables without a box or with Rich's default box
drawn without its outer edge, cells padded one space either side but not at the edges.
``tests/test_text_plain.py`` holds both ways to the same bytes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import pairwise

#: Characters Rich drops from every text it is given (bell, backspace, vertical tab, form
#: feed, carriage return).
_CONTROL = str.maketrans({code: None for code in (7, 8, 11, 12, 13)})


def clean(text: str) -> str:
    """``text`` as Rich keeps it."""
    return text if text.isprintable() else text.translate(_CONTROL)


def cell_len(text: str) -> int:
    """Terminal cells ``text`` takes (wide characters take two)."""
    if text.isascii() and text.isprintable():
        return len(text)
    from rich.cells import cell_len as rich_cell_len

    return rich_cell_len(text)


def _set_cell_size(text: str, width: int) -> str:
    if text.isascii() and text.isprintable():
        return text[:width] if len(text) >= width else text + " " * (width - len(text))
    from rich.cells import set_cell_size

    return set_cell_size(text, width)


def _expand_tabs(line: str, tab_size: int = 8) -> str:
    """Each tab a space, then spaces up to the next tab stop (counted in cells)."""
    out = []
    position = 0
    for part in line.split("\t")[:-1]:
        part += " "
        position += cell_len(part)
        remainder = position % tab_size
        if remainder:
            part += " " * (tab_size - remainder)
            position += tab_size - remainder
        out.append(part)
    out.append(line.split("\t")[-1])
    return "".join(out)


#: A word as Rich divides a line: leading space, the word, trailing space (group 1 ends
#: where the word does).
_WORD = re.compile(r"(\s*\S+)\s*")


def _breaks_ascii(text: str, width: int, fold: bool) -> Iterator[int]:
    """Where ``rich._wrap.divide_line`` breaks text of one cell per character (printable
    ASCII: a space is the only blank), in order.

    Rich walks the words one by one: a line starting at ``line`` keeps every word that
    ends by ``line + width`` and breaks before the first that does not. That word is found
    with two string searches instead. A line whose first word is wider than the line, or
    that breaks before such a word, is left to the word walk (:func:`_breaks_by_words`),
    which folds it.
    """
    size = len(text)
    line = 0
    while True:
        limit = line + width
        if limit >= size:
            return
        if text[limit] == " ":
            start = size - len(text[limit:].lstrip(" "))  # the next word after the blanks
            if start >= size:
                return
        else:
            start = text.rfind(" ", line, limit) + 1  # the word running past the limit
        end = text.find(" ", start)
        if end == -1:
            end = size
        if not text[line:start].strip(" ") or end - start > width:
            break
        yield start
        line = start
    yield from _breaks_by_words(text, width, fold, line)


def _breaks_by_words(text: str, width: int, fold: bool, begin: int = 0) -> Iterator[int]:
    """Rich's word walk, from ``begin`` (a line start) on."""
    offset = 0
    for match in _WORD.finditer(text, begin):
        start, end = match.span()
        length = match.end(1) - start
        if width - offset >= length:
            offset += end - start
        elif length > width:
            word = match.group()
            if fold:
                chunks = [word[i:i + width] for i in range(0, len(word), width)]
                for chunk in chunks[:-1]:
                    if start:
                        yield start
                    start += len(chunk)
                if start:
                    yield start
                offset = len(chunks[-1])
            else:
                if start:
                    yield start
                offset = len(word)
        elif offset and start:
            yield start
            offset = end - start


def _divide_ascii(text: str, width: int, fold: bool) -> list[str]:
    """``rich._wrap.divide_line`` for text of one cell per character, as pieces."""
    bounds = [0, *_breaks_ascii(text, width, fold), len(text)]
    return [text[a:b] for a, b in pairwise(bounds)]


def _truncate(text: str, width: int, overflow: str, pad: bool = False) -> str:
    length = cell_len(text)
    if length > width:
        if overflow == "ellipsis":
            text = _set_cell_size(text, width - 1) + "\u2026"
        else:
            text = _set_cell_size(text, width)
    if pad and length < width:
        text += " " * (width - length)
    return text


def _rstrip_end(text: str, size: int) -> str:
    """Whitespace beyond ``size`` characters dropped from the end."""
    excess = len(text) - size
    if excess > 0:
        trailing = len(text) - len(text.rstrip())
        if trailing:
            text = text[:len(text) - min(trailing, excess)]
    return text


def wrap(text: str, width: int, *, justify: str = "default", overflow: str = "fold"
         ) -> list[str]:
    """``text`` broken into lines of at most ``width`` cells, as ``Text.wrap`` breaks it."""
    if overflow not in ("fold", "ellipsis"):
        raise ValueError(f"overflow {overflow!r} is not supported")
    plain = text.isascii() and text.isprintable()
    if plain and len(text) <= width:  # the common case: one short line of plain characters
        if justify == "default":
            return [text]
        if justify == "left":
            return [text + " " * (width - len(text))]
        if justify == "right":
            text = text.rstrip()
            return [" " * (width - len(text)) + text]
    if justify == "default" and plain:
        # One line of plain characters (a cell each): the same steps, lengths for cells.
        out = []
        for piece in _divide_ascii(text, width, overflow == "fold"):
            piece = _rstrip_end(piece, width)
            if len(piece) > width:
                piece = piece[:width - 1] + "\u2026" if overflow == "ellipsis" else piece[:width]
            out.append(piece)
        return out
    out: list[str] = []
    for line in text.split("\n"):
        if "\t" in line:
            line = _expand_tabs(line)
        if cell_len(line) <= width and len(line) <= width:
            pieces = [line]
        else:
            from rich._wrap import divide_line

            offsets = divide_line(line, width, fold=overflow == "fold")
            bounds = [0, *offsets, len(line)]
            pieces = [_rstrip_end(line[a:b], width) for a, b in pairwise(bounds)]
        if justify == "left":
            pieces = [_truncate(p, width, overflow, pad=True) for p in pieces]
        elif justify == "right":
            pieces = [_truncate(p.rstrip(), width, overflow) for p in pieces]
            pieces = [" " * (width - cell_len(p)) + p for p in pieces]
        elif justify == "center":
            centred = []
            for p in pieces:
                p = _truncate(p.rstrip(), width, overflow)
                p = " " * ((width - cell_len(p)) // 2) + p
                centred.append(p + " " * (width - cell_len(p)))
            pieces = centred
        elif justify != "default":
            raise ValueError(f"justify {justify!r} is not supported")
        out += [_truncate(p, width, overflow) for p in pieces]
    return out


def rule(title: str, width: int, characters: str = "\u2500") -> str:
    """``Console.rule(title)``: the title centred in a line of ``characters``."""
    untitled = not title
    title = clean(title).replace("\n", " ")
    if "\t" in title:
        title = _expand_tabs(title)
    truncate_width = max(0, width - 4)
    if untitled or not truncate_width:
        return _set_cell_size(characters * (width // len(characters) + 1), width)
    title = _truncate(title, truncate_width, "ellipsis")
    side = (width - cell_len(title)) // 2
    left = _truncate(characters * (side // len(characters) + 1), side - 1, "fold")
    right_length = width - cell_len(left) - cell_len(title)
    right = _truncate(characters * (side // len(characters) + 1), right_length, "fold")
    return _set_cell_size(f"{left} {title} {right}", width)


@dataclass(frozen=True, slots=True)
class Column:
    header: str
    justify: str = "left"
    overflow: str = "ellipsis"


def _natural(cell: str) -> tuple[int, int]:
    """(longest word, longest line) of a cell, in cells: what ``Text`` measures."""
    if cell.isascii() and cell.isprintable():
        high = len(cell)
        low = max(map(len, cell.split())) if " " in cell and cell.strip() else high
    else:
        lines = cell.splitlines()
        high = max(map(cell_len, lines)) if lines else 0
        words = cell.split()
        low = max(map(cell_len, words)) if words else high
    return min(max(0, low), high), high


def _column_width(low: int, high: int, pad: int, max_width: int) -> tuple[int, int]:
    """(minimum, maximum) width of a column whose cells measure at most ``low`` and
    ``high``, padded by ``pad``, within ``max_width``: ``Table``'s measurement (each cell
    clamped to the width, empty ones taking only their padding)."""
    if max_width < 1:
        return 0, 0
    if max_width - pad < 1:
        return max_width, max_width
    low, high = min(low + pad, max_width), min(high + pad, max_width)
    return (0, 0) if high < 1 else (low, high)


def table(columns: Sequence[Column], rows: Sequence[Sequence[str]], width: int, *,
          box: bool, title: str | None = None, title_justify: str = "center"
          ) -> Iterator[str]:
    """The lines of a ``rich.table.Table(show_edge=False, pad_edge=False)`` holding
    ``rows``: with Rich's default box (``box=True``) or none (``box=False``)."""
    n = len(columns)
    if not n:
        yield ""
        return
    pads = [(0 if i == 0 else 1, 0 if i == n - 1 else 1) for i in range(n)]

    naturals = [list(_natural(clean(c.header))) for c in columns]
    for row in rows:  # one pass, nothing copied: the rows may be made on demand
        for i in range(n):
            low, high = _natural(clean(row[i]))
            natural = naturals[i]
            natural[0] = max(natural[0], low)
            natural[1] = max(natural[1], high)
    extra = n - 1 if box else 0
    max_width = width - extra
    widths = [_column_width(*naturals[i], sum(pads[i]), max_width)[1] or 1 for i in range(n)]
    if sum(widths) > max_width:
        from rich._ratio import ratio_reduce
        from rich.table import Table

        widths = Table._collapse_widths(widths, [True] * n, max_width)
        if sum(widths) > max_width:
            widths = ratio_reduce(sum(widths) - max_width, [1] * n, widths, widths)
        widths = [_column_width(*naturals[i], sum(pads[i]), w)[1] or 0
                  for i, w in enumerate(widths)]
    if title:
        yield from wrap(clean(title), sum(widths) + extra, justify=title_justify)
    for r in range(len(rows) + 1):
        row = [c.header for c in columns] if r == 0 else rows[r - 1]
        rendered = []
        for i, column in enumerate(columns):
            left, right = pads[i]
            inner = widths[i] - left - right
            if inner < 1:
                raise ValueError("column too narrow for its padding")
            lines = wrap(clean(row[i]), inner, justify=column.justify,
                         overflow=column.overflow)
            rendered.append([" " * left + _set_cell_size(line, inner) + " " * right
                             for line in lines])
        height = max(len(lines) for lines in rendered)
        for i, lines in enumerate(rendered):  # headers sit at the bottom, cells at the top
            blank = [" " * widths[i]] * (height - len(lines))
            rendered[i] = blank + lines if r == 0 else lines + blank
        divider = ("\u2503" if r == 0 else "\u2502") if box else ""
        for k in range(height):
            yield divider.join(lines[k] for lines in rendered)
        if box and r == 0:
            yield "\u2547".join("\u2501" * w for w in widths)


class PlainConsole:
    """Collects what a Rich console would print, as lines of text.

    Lines are given as strings or as anything with a ``plain`` string (a styled line whose
    styles do not show without colour). A table is kept as it is drawn, lazily: its lines
    are made when :meth:`iter_lines` reaches them.
    """

    def __init__(self, width: int) -> None:
        self.width = width
        self._parts: list[Iterable[str]] = []

    def print(self, line: object = "") -> None:
        """``console.print(Text(line))``: wrapped at the console width."""
        self._parts.append(wrap(_plain(line), self.width))

    def hang(self, line: object, indent: int) -> None:
        """The first line of ``line`` wrapped at the console width, the rest re-wrapped to
        the width less ``indent`` and indented (``text._hang`` with Rich)."""
        text = _plain(line)
        width = self.width
        if text.isascii() and text.isprintable():
            # Only the first line at the full width is needed: the first break, as wrap
            # would find it.
            if len(text) <= width:
                self._parts.append([text])
                return
            first_break = next(_breaks_ascii(text, width, True), None)
            if first_break is None:
                self._parts.append(wrap(text, width))
                return
            head = _rstrip_end(text[:first_break], width)[:width]
        else:
            first = wrap(text, width)
            if len(first) <= 1:
                self._parts.append(first)
                return
            head = first[0]
        cut = len(head.rstrip())
        while cut < len(text) and text[cut] == " ":
            cut += 1
        lines = [head]
        lines += [" " * indent + rest for rest in wrap(text[cut:], width - indent)]
        self._parts.append(lines)

    def rule(self, title: str) -> None:
        self._parts.append([rule(title, self.width)])

    def table(self, columns: Sequence[Column], rows: Sequence[Sequence[str]], *, box: bool,
              title: str | None = None, title_justify: str = "center") -> None:
        self._parts.append(table(columns, rows, self.width, box=box, title=title,
                                 title_justify=title_justify))

    def iter_lines(self) -> Iterator[str]:
        """Every line printed, in order (each drawn as it is reached)."""
        for part in self._parts:
            yield from part
        self._parts = []

    def text(self) -> str:
        lines = list(self.iter_lines())
        return "\n".join(lines) + "\n" if lines else ""


def _plain(line: object) -> str:
    """The text of a line as Rich keeps it (control characters dropped)."""
    return clean(line if isinstance(line, str) else line.plain)  # type: ignore[attr-defined]
