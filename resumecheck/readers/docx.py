"""Word documents (.docx), read the way a careful applicant tracking system would.

python-docx opens the package and finds the parts (body, headers, footers, footnotes);
the text itself is walked in the XML, because ``document.paragraphs`` skips tables, text
boxes and content controls, and ``row.cells`` repeats a merged cell once per grid column.
The walker compares local names only, so the same code reads Strict OOXML (another
namespace), which python-docx cannot open at all.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass

from lxml import etree

from resumecheck.errors import InputError
from resumecheck.models import Block, Document, Origin, ReaderNote
from resumecheck.normalize import normalize_block
from resumecheck.preflight import MiB, ReadLimits
from resumecheck.sections import label_of, labels_are_headings

MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_FALLBACK = f"{{{MC_NS}}}Fallback"
_OFF = {"0", "false", "off", "none"}
#: Members smaller than this are never called a zip bomb, whatever their ratio: small
#: repetitive XML parts legitimately compress very well.
_RATIO_FLOOR = 1 * MiB

_SAFE_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False,
                               remove_blank_text=False)


def _local(el: etree._Element) -> str:
    tag = el.tag
    if not isinstance(tag, str):  # comments, processing instructions
        return ""
    return tag.rsplit("}", 1)[-1]


def _attr(el: etree._Element, name: str) -> str | None:
    for key, value in el.attrib.items():
        if key.rsplit("}", 1)[-1] == name:
            return value
    return None


def _child(el: etree._Element, name: str) -> etree._Element | None:
    for c in el:
        if _local(c) == name:
            return c
    return None


# -- zip guard ---------------------------------------------------------------------------


def check_zip(data: bytes, name: str, limits: ReadLimits) -> None:
    """Refuse a zip whose declared contents would blow up memory before parsing starts."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, zlib.error, OSError, ValueError, EOFError,
            NotImplementedError) as exc:  # "zip file version 11.9" from a damaged header
        raise InputError(name, f"is damaged: not a readable zip package ({_short(exc)})") from None
    if len(infos) > limits.max_zip_members:
        raise InputError(name, f"has {len(infos)} parts inside, over the limit of "
                               f"{limits.max_zip_members} (possible zip bomb)")
    total = sum(i.file_size for i in infos)
    if total > limits.max_unzipped_bytes:
        raise InputError(name, f"would unpack to {total / MiB:.0f} MiB, over the "
                               f"{limits.max_unzipped_bytes / MiB:.0f} MiB limit "
                               "(possible zip bomb)")
    for info in infos:
        if info.file_size >= _RATIO_FLOOR and \
                info.file_size > limits.max_zip_ratio * max(info.compress_size, 1):
            raise InputError(name, f"part {info.filename!r} is compressed "
                                   f"{info.file_size // max(info.compress_size, 1)}:1, over the "
                                   f"limit of {limits.max_zip_ratio}:1 (possible zip bomb)")


def _short(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:120]


# -- the XML walker ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Para:
    text: str
    origin: Origin
    bold: bool
    font_size: float | None
    style_id: str | None
    outline: bool
    hidden: bool = False
    #: Positioned text box: (x0, top, x1, bottom) in points on the page.
    bbox: tuple[float, float, float, float] | None = None
    #: A bold label the paragraph starts with, before text that is not bold.
    lead: str = ""


def _bold_lead(p: etree._Element) -> str:
    """The text of the bold runs a paragraph starts with, when plain text follows."""
    lead: list[str] = []
    for run in p.iter():
        if _local(run) != "r":
            continue
        text = "".join(t.text or "" for t in run if _local(t) == "t")
        if not text:
            continue
        rpr = _child(run, "rPr")
        if rpr is not None and _is_on(_child(rpr, "b")):
            lead.append(text)
        elif not text.strip() and lead:
            lead.append(text)
        else:
            return "".join(lead)
    return ""


#: Half-points below which a run is too small to read (2 pt).
_TINY_HALF_POINTS = 4
#: RGB distance (0..1.73) under which text is lost against what lies behind it.
_CONTRAST = 0.16
_THEME_LIGHT = {"background1", "light1", "bg1"}
_HIGHLIGHT = {"yellow": "FFFF00", "green": "00FF00", "cyan": "00FFFF", "magenta": "FF00FF",
              "blue": "0000FF", "red": "FF0000", "darkBlue": "000080", "darkCyan": "008080",
              "darkGreen": "008000", "darkMagenta": "800080", "darkRed": "800000",
              "darkYellow": "808000", "darkGray": "808080", "lightGray": "C0C0C0",
              "black": "000000", "white": "FFFFFF"}


def _hex(value: str | None) -> tuple[float, float, float] | None:
    if not value or len(value) != 6:
        return None
    try:
        return tuple(int(value[i:i + 2], 16) / 255 for i in (0, 2, 4))  # type: ignore[return-value]
    except ValueError:
        return None


def _shading(el: etree._Element | None) -> tuple[float, float, float] | None:
    """The fill colour a w:shd (or a highlight) puts behind text, if any."""
    if el is None:
        return None
    name = _local(el)
    if name == "highlight":
        return _hex(_HIGHLIGHT.get(_attr(el, "val") or ""))
    fill = _attr(el, "fill")
    if fill and fill.lower() != "auto":
        return _hex(fill)
    return None


def _run_colour(rpr: etree._Element | None) -> tuple[float, float, float] | None:
    colour = _child(rpr, "color") if rpr is not None else None
    if colour is None:
        return None
    if (_attr(colour, "themeColor") or "") in _THEME_LIGHT:
        return (1.0, 1.0, 1.0)
    val = _attr(colour, "val")
    return None if not val or val.lower() == "auto" else _hex(val)


def _run_hidden(rpr: etree._Element | None, back: tuple[float, float, float]) -> bool:
    """A run a reader cannot see: w:vanish, type under 2 pt, or its colour lost against
    the shading behind it (run, paragraph or cell; the page is white)."""
    if rpr is None:
        return False
    if _is_on(_child(rpr, "vanish")) or _is_on(_child(rpr, "specVanish")):
        return True
    sz = _child(rpr, "sz")
    val = _attr(sz, "val") if sz is not None else None
    if val and val.isdigit() and int(val) < _TINY_HALF_POINTS:
        return True
    colour = _run_colour(rpr)
    if colour is None:
        return False
    behind = _shading(_child(rpr, "shd")) or _shading(_child(rpr, "highlight")) or back
    return sum((a - b) ** 2 for a, b in zip(colour, behind, strict=True)) ** 0.5 < _CONTRAST


def _is_on(el: etree._Element | None) -> bool:
    if el is None:
        return False
    val = _attr(el, "val")
    return val is None or val.lower() not in _OFF


def _own_text(p: etree._Element, back: tuple[float, float, float] = (1.0, 1.0, 1.0)
              ) -> tuple[str, bool, float | None, str]:
    """A paragraph's visible text without its text boxes, whether all of it is bold, its
    size, and the text of runs a reader cannot see (kept apart, so it is never credited)."""
    parts: list[str] = []
    hidden_parts: list[str] = []
    bold_runs = 0
    text_runs = 0
    size: float | None = None
    ppr = _child(p, "pPr")
    back = _shading(_child(ppr, "shd") if ppr is not None else None) or back
    stack = [iter(p)]
    hidden_run: etree._Element | None = None
    hidden_depth = 0
    while stack:
        el = next(stack[-1], None)
        if el is None:
            stack.pop()
            if hidden_run is not None and len(stack) < hidden_depth:
                hidden_run = None
            continue
        name = _local(el)
        if name in {"txbxContent", "rPr", "pPr", "del", "moveFrom", "instrText"} or \
                el.tag == _FALLBACK:
            continue
        target = hidden_parts if hidden_run is not None else parts
        if name == "r":
            rpr = _child(el, "rPr")
            has_text = any(_local(t) == "t" and t.text for t in el)
            if _run_hidden(rpr, back):
                hidden_run = el
                hidden_depth = len(stack) + 1
                target = hidden_parts
            elif has_text:
                text_runs += 1
                if rpr is not None and _is_on(_child(rpr, "b")):
                    bold_runs += 1
                if size is None and rpr is not None:
                    sz = _child(rpr, "sz")
                    val = _attr(sz, "val") if sz is not None else None
                    if val and val.isdigit():
                        size = int(val) / 2
        elif name == "t":
            target.append(el.text or "")
        elif name == "tab":
            target.append("\t")
        elif name in {"br", "cr"}:
            target.append("\n")
        elif name == "noBreakHyphen":
            target.append("-")
        if len(el):
            stack.append(iter(el))
    return ("".join(parts), text_runs > 0 and bold_runs == text_runs, size,
            " ".join("".join(hidden_parts).split()))


def _text_boxes(p: etree._Element) -> Iterator[etree._Element]:
    """Outermost text boxes inside a paragraph, once each (the VML fallback copy skipped)."""
    stack = [iter(p)]
    while stack:
        el = next(stack[-1], None)
        if el is None:
            stack.pop()
            continue
        if el.tag == _FALLBACK:
            continue
        if _local(el) == "txbxContent":
            yield el
            continue
        if len(el):
            stack.append(iter(el))


_WHITE = (1.0, 1.0, 1.0)
_EMU_PER_POINT = 12700


def _box_position(txbx: etree._Element) -> tuple[float, float, float, float] | None:
    """Where a floating text box sits on the page, in points, when its anchor gives
    offsets from the page or the margins (not from a paragraph, which moves)."""
    node = txbx.getparent()
    while node is not None and _local(node) not in {"anchor", "inline", "body"}:
        node = node.getparent()
    if node is None or _local(node) != "anchor":
        return None
    coords = []
    for axis in ("positionH", "positionV"):
        pos = _child(node, axis)
        if pos is None or (_attr(pos, "relativeFrom") or "") not in {"page", "margin"}:
            return None
        off = _child(pos, "posOffset")
        if off is None or not (off.text or "").strip().lstrip("-").isdigit():
            return None
        coords.append(int(off.text.strip()) / _EMU_PER_POINT)
    extent = _child(node, "extent")
    try:
        w = int(_attr(extent, "cx") or 0) / _EMU_PER_POINT if extent is not None else 0.0
        h = int(_attr(extent, "cy") or 0) / _EMU_PER_POINT if extent is not None else 0.0
    except ValueError:
        return None
    x, y = coords
    return (round(x, 2), round(y, 2), round(x + w, 2), round(y + h, 2))


class _Walker:
    """Turns a part's block-level XML into paragraphs in document order.

    ``budget`` is the number of characters still wanted (each paragraph costs its length
    plus one): a document of a million paragraphs is cut where the reader would cut its
    text anyway, instead of walking (and then discarding) the rest for a minute.
    """

    def __init__(self, budget: int | None = None) -> None:
        self.paras: list[_Para] = []
        self.room = budget if budget is not None else -1
        #: (first paragraph, end, position) of each text box read.
        self.boxes: list[tuple[int, int, tuple[float, float, float, float] | None]] = []

    @property
    def full(self) -> bool:
        return self.room == 0

    def container(self, el: etree._Element, origin: Origin,
                  back: tuple[float, float, float] = _WHITE) -> None:
        for child in el:
            if self.full:
                return
            name = _local(child)
            if name == "p":
                self.paragraph(child, origin, back)
            elif name == "tbl":
                self.table(child, Origin.TEXTBOX if origin == Origin.TEXTBOX else Origin.TABLE,
                           back)
            elif name in {"sdt", "sdtContent", "customXml", "smartTag", "ins", "moveTo"}:
                self.container(child, origin, back)
            elif name == "AlternateContent":
                choice = _child(child, "Choice")
                if choice is not None:
                    self.container(choice, origin, back)

    def paragraph(self, p: etree._Element, origin: Origin,
                  back: tuple[float, float, float] = _WHITE) -> None:
        text, bold, size, hidden = _own_text(p, back)
        ppr = _child(p, "pPr")
        style_id = None
        outline = False
        if ppr is not None:
            pstyle = _child(ppr, "pStyle")
            style_id = _attr(pstyle, "val") if pstyle is not None else None
            outline = _child(ppr, "outlineLvl") is not None
        lead = _bold_lead(p) if ":" in text and not bold else ""
        self.paras.append(_Para(text, origin, bold, size, style_id, outline, lead=lead))
        if hidden:
            self.paras.append(_Para(hidden, origin, False, None, None, False, hidden=True))
        if self.room > 0:
            self.room = max(0, self.room - len(text) - len(hidden) - 1)
        for box in _text_boxes(p):
            start = len(self.paras)
            self.container(box, Origin.TEXTBOX)
            self.boxes.append((start, len(self.paras), _box_position(box)))

    def table(self, tbl: etree._Element, origin: Origin,
              back: tuple[float, float, float] = _WHITE) -> None:
        for row in tbl:
            if _local(row) != "tr":
                continue
            for tc in _cells(row):
                tcpr = _child(tc, "tcPr")
                vmerge = _child(tcpr, "vMerge") if tcpr is not None else None
                # A vertically merged continuation cell shows the cell above; skip it.
                if vmerge is not None and (_attr(vmerge, "val") or "continue") != "restart":
                    continue
                fill = _shading(_child(tcpr, "shd")) if tcpr is not None else None
                self.container(tc, origin, fill or back)

    def ordered(self) -> list[_Para]:
        """Paragraphs with floating text boxes in the order of their places on the page.

        Word keeps text boxes in the order they were drawn, which after a template is
        edited has little to do with where they are. When every box has a position, they
        are read band by band (a box across most of the page is a band of its own),
        column by column, top to bottom, where the first of them was anchored.
        """
        spans = [b for b in self.boxes if b[1] > b[0]]
        # Only outermost boxes: a box inside another moves with it.
        outer = [b for b in spans if not any(o is not b and o[0] <= b[0] and b[1] <= o[1]
                                              for o in spans)]
        if not 2 <= len(outer) <= 200 or any(b[2] is None for b in outer):
            return self.paras
        boxes = sorted(outer, key=lambda b: _box_sort_key(b[2], [o[2] for o in outer]))
        taken = {i for b in outer for i in range(b[0], b[1])}
        first = min(b[0] for b in outer)
        out = [p for i, p in enumerate(self.paras[:first]) if i not in taken]
        for start, end, bbox in boxes:
            out.extend(_with_bbox(p, bbox) for p in self.paras[start:end])
        out.extend(p for i, p in enumerate(self.paras[first:], start=first) if i not in taken)
        return out


def _with_bbox(para: _Para, bbox: tuple[float, float, float, float] | None) -> _Para:
    return _Para(para.text, para.origin, para.bold, para.font_size, para.style_id,
                 para.outline, para.hidden, bbox, para.lead)


def _overlap(a, b) -> bool:  # noqa: ANN001 - (x0, top, x1, bottom) tuples
    return a[0] < b[2] - 2 and b[0] < a[2] - 2


def _spans(box, everything) -> bool:  # noqa: ANN001
    """A box across two columns: it overlaps two boxes that sit side by side."""
    under = [b for b in everything if b is not box and _overlap(box, b)]
    return any(c[2] <= d[0] + 2 for c in under for d in under)


def _box_sort_key(box, everything) -> tuple[int, int, int, float]:  # noqa: ANN001
    spanning = sorted(b[1] for b in everything if _spans(b, everything))
    if _spans(box, everything):
        return (spanning.index(box[1]) + 1, 0, 0, box[1])
    band = sum(1 for top in spanning if top <= box[1])
    # Columns: boxes whose horizontal extents overlap share one, left to right.
    rest = sorted((b for b in everything if not _spans(b, everything)), key=lambda b: b[0])
    column, edge = 0, None
    for b in rest:
        if edge is not None and b[0] >= edge - 2:
            column += 1
            edge = b[2]
        else:
            edge = b[2] if edge is None else max(edge, b[2])
        if b is box:
            break
    return (band, 1, column, box[1])


def _cells(row: etree._Element) -> Iterator[etree._Element]:
    for child in row:
        name = _local(child)
        if name == "tc":
            yield child
        elif name in {"sdt", "sdtContent", "customXml"}:
            yield from _cells(child)


# -- styles ------------------------------------------------------------------------------


def _heading_styles(styles_root: etree._Element | None) -> tuple[set[str], set[str], dict]:
    """Style ids that are headings, style ids that are bold, and style font sizes."""
    headings: set[str] = set()
    bold: set[str] = set()
    sizes: dict[str, float] = {}
    if styles_root is None:
        return headings, bold, sizes
    based: dict[str, str] = {}
    names: dict[str, str] = {}
    for st in styles_root:
        if _local(st) != "style":
            continue
        sid = _attr(st, "styleId")
        if not sid:
            continue
        name_el = _child(st, "name")
        names[sid] = (_attr(name_el, "val") or "") if name_el is not None else ""
        base = _child(st, "basedOn")
        if base is not None and _attr(base, "val"):
            based[sid] = _attr(base, "val") or ""
        rpr = _child(st, "rPr")
        if rpr is not None:
            if _is_on(_child(rpr, "b")):
                bold.add(sid)
            sz = _child(rpr, "sz")
            val = _attr(sz, "val") if sz is not None else None
            if val and val.isdigit():
                sizes[sid] = int(val) / 2
        ppr = _child(st, "pPr")
        if ppr is not None and _child(ppr, "outlineLvl") is not None:
            headings.add(sid)
    for sid, name in names.items():
        lowered = name.lower()
        if lowered.startswith("heading") or lowered in {"title", "subtitle"}:
            headings.add(sid)
    # Inherit along basedOn (bounded: a style loop must not hang the reader).
    for sid in list(names):
        cur, hops = sid, 0
        while cur in based and hops < 20:
            cur = based[cur]
            hops += 1
            if cur in headings:
                headings.add(sid)
            if cur in bold:
                bold.add(sid)
            if sid not in sizes and cur in sizes:
                sizes[sid] = sizes[cur]
    return headings, bold, sizes


def _blocks(paras: list[_Para], styles: tuple[set[str], set[str], dict]) -> list[Block]:
    """Paragraphs to blocks; the text of a hidden paragraph is never a heading."""
    headings, bold_styles, sizes = styles
    out: list[Block] = []
    texts = [normalize_block(p.text) for p in paras]
    shown = [i for i, t in enumerate(texts) if t]
    split_shown = labels_are_headings([paras[i].lead for i in shown])
    split = {i for i, yes in zip(shown, split_shown, strict=True) if yes}
    for ordinal, para in enumerate(paras, start=1):
        text = texts[ordinal - 1]
        if not text:
            continue
        sid = para.style_id
        label = normalize_block(para.lead) if ordinal - 1 in split else ""
        if label and label_of(label) is not None and text.startswith(label) and \
                text[len(label):].strip():
            out.append(Block(text=label.rstrip(":\uff1a").strip(), origin=para.origin,
                             line=ordinal, is_heading=True, bold=True,
                             font_size=para.font_size or (sizes.get(sid) if sid else None),
                             bbox=para.bbox))
            text = text[len(label):].strip()
        out.append(Block(
            text=text,
            origin=para.origin,
            line=ordinal,
            is_heading=not para.hidden and (bool(sid and sid in headings) or para.outline),
            bold=para.bold or bool(sid and sid in bold_styles),
            font_size=para.font_size or (sizes.get(sid) if sid else None),
            hidden=para.hidden,
            bbox=para.bbox,
        ))
    return out


def _part_blocks(root: etree._Element, origin: Origin, styles,
                 budget: int | None = None) -> list[Block]:
    walker = _Walker(budget)
    body = _child(root, "body") if _local(root) == "document" else root
    if body is None:
        return []
    if _local(root) in {"footnotes", "endnotes"}:
        for note in root:
            kind = _attr(note, "type")
            if kind in {"separator", "continuationSeparator", "continuationNotice"}:
                continue
            walker.container(note, origin)
    else:
        walker.container(body, origin)
    return _blocks(walker.ordered(), styles)


# -- python-docx path ----------------------------------------------------------------------

_HF_ATTRS = (
    ("header", Origin.HEADER), ("first_page_header", Origin.HEADER),
    ("even_page_header", Origin.HEADER), ("footer", Origin.FOOTER),
    ("first_page_footer", Origin.FOOTER), ("even_page_footer", Origin.FOOTER),
)


def _read_with_python_docx(data: bytes, budget: int | None = None
                           ) -> tuple[list[Block], list[ReaderNote]]:
    import docx  # python-docx; imported here so that --help never pays for it

    document = docx.Document(io.BytesIO(data))
    styles_root = None
    try:
        styles_root = document.part._styles_part.element  # noqa: SLF001 - no public accessor
    except (KeyError, AttributeError, NotImplementedError):
        styles_root = None
    styles = _heading_styles(styles_root)
    body = _part_blocks(document.element, Origin.BODY, styles, budget)

    headers: list[Block] = []
    footers: list[Block] = []
    seen: set[str] = set()
    for section in document.sections:
        for attr, origin in _HF_ATTRS:
            hf = getattr(section, attr)
            if hf.is_linked_to_previous:
                continue
            part = hf.part
            key = str(part.partname)
            if key in seen:
                continue
            seen.add(key)
            found = _part_blocks(part.element, origin, styles, budget)
            (headers if origin == Origin.HEADER else footers).extend(found)

    notes_blocks: list[Block] = []
    for rel in document.part.rels.values():
        if rel.is_external or not rel.reltype.endswith(("/footnotes", "/endnotes")):
            continue
        part = rel.target_part
        root = etree.fromstring(part.blob, _SAFE_PARSER)
        notes_blocks.extend(_part_blocks(root, Origin.FOOTNOTE, styles, budget))
    return headers + body + footers + notes_blocks, []


# -- Strict OOXML fallback -----------------------------------------------------------------

_OFFICE_DOCUMENT = "/relationships/officeDocument"
_STRICT_NAMESPACE = "http://purl.oclc.org/ooxml/"


def _read_strict(data: bytes, budget: int | None = None
                 ) -> tuple[list[Block], list[ReaderNote]]:
    """Main part only, found through the package relationships of either namespace."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        rels = etree.fromstring(zf.read("_rels/.rels"), _SAFE_PARSER)
        target = None
        strict = False
        for rel in rels:
            rel_type = _attr(rel, "Type") or ""
            if rel_type.endswith(_OFFICE_DOCUMENT):
                target = (_attr(rel, "Target") or "").lstrip("/")
                strict = rel_type.startswith(_STRICT_NAMESPACE)
                break
        if not target:
            raise KeyError("no main document part")
        root = etree.fromstring(zf.read(target), _SAFE_PARSER)
        styles_root = None
        styles_name = posixpath.join(posixpath.dirname(target), "styles.xml")
        if styles_name in zf.namelist():
            styles_root = etree.fromstring(zf.read(styles_name), _SAFE_PARSER)
    blocks = _part_blocks(root, Origin.BODY, _heading_styles(styles_root), budget)
    if strict:
        note = ReaderNote("strict_ooxml", "Strict Open XML document: body text read; headers, "
                                          "footers and footnotes were not")
    else:  # a transitional package with a part missing or misnamed
        note = ReaderNote("partial_package", "the Word package is incomplete: body text read; "
                                             "headers, footers and footnotes were not")
    return blocks, [note]


_DOCX_ERRORS = (KeyError, zipfile.BadZipFile, zlib.error, RuntimeError, ValueError,
                etree.XMLSyntaxError, EOFError, NotImplementedError, AttributeError,
                TypeError, IndexError, OSError, RecursionError)


def read_docx(data: bytes, name: str, limits: ReadLimits | None = None) -> Document:
    """Read a .docx from its bytes; every failure becomes one :class:`InputError`."""
    limits = limits or ReadLimits()
    check_zip(data, name, limits)
    from docx.opc.exceptions import PackageNotFoundError

    try:
        try:
            blocks, notes = _read_with_python_docx(data, limits.max_chars + 1)
        except KeyError:
            # python-docx finds no transitional officeDocument relationship: Strict OOXML.
            blocks, notes = _read_strict(data, limits.max_chars + 1)
    except InputError:
        raise
    except PackageNotFoundError:
        raise InputError(name, "is damaged: not a Word package") from None
    except MemoryError:
        raise InputError(name, "is too large to read in memory") from None
    except _DOCX_ERRORS as exc:
        raise InputError(name, f"is damaged: {_short(exc)}") from None
    if not any(b.text.strip() for b in blocks):
        what = "only pictures" if _has_pictures(data) else "nothing at all"
        notes = [*notes, ReaderNote("no_text", f"it contains {what}")]
    return Document(path=name, format="docx", blocks=tuple(blocks), notes=tuple(notes))


def _has_pictures(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            return any(n.startswith("word/media/") for n in zf.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return False
