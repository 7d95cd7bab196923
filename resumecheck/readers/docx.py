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


def _is_on(el: etree._Element | None) -> bool:
    if el is None:
        return False
    val = _attr(el, "val")
    return val is None or val.lower() not in _OFF


def _own_text(p: etree._Element) -> tuple[str, bool, float | None]:
    """A paragraph's text without its text boxes, whether all of it is bold, its size."""
    parts: list[str] = []
    bold_runs = 0
    text_runs = 0
    size: float | None = None
    stack = [iter(p)]
    while stack:
        el = next(stack[-1], None)
        if el is None:
            stack.pop()
            continue
        name = _local(el)
        if name in {"txbxContent", "rPr", "pPr", "del", "moveFrom", "instrText"} or \
                el.tag == _FALLBACK:
            continue
        if name == "r":
            rpr = _child(el, "rPr")
            has_text = any(_local(t) == "t" and t.text for t in el)
            if has_text:
                text_runs += 1
                if rpr is not None and _is_on(_child(rpr, "b")):
                    bold_runs += 1
                if size is None and rpr is not None:
                    sz = _child(rpr, "sz")
                    val = _attr(sz, "val") if sz is not None else None
                    if val and val.isdigit():
                        size = int(val) / 2
        elif name == "t":
            parts.append(el.text or "")
        elif name == "tab":
            parts.append("\t")
        elif name in {"br", "cr"}:
            parts.append("\n")
        elif name == "noBreakHyphen":
            parts.append("-")
        if len(el):
            stack.append(iter(el))
    return "".join(parts), text_runs > 0 and bold_runs == text_runs, size


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


class _Walker:
    """Turns a part's block-level XML into paragraphs in document order.

    ``budget`` is the number of characters still wanted (each paragraph costs its length
    plus one): a document of a million paragraphs is cut where the reader would cut its
    text anyway, instead of walking (and then discarding) the rest for a minute.
    """

    def __init__(self, budget: int | None = None) -> None:
        self.paras: list[_Para] = []
        self.room = budget if budget is not None else -1

    @property
    def full(self) -> bool:
        return self.room == 0

    def container(self, el: etree._Element, origin: Origin) -> None:
        for child in el:
            if self.full:
                return
            name = _local(child)
            if name == "p":
                self.paragraph(child, origin)
            elif name == "tbl":
                self.table(child, Origin.TEXTBOX if origin == Origin.TEXTBOX else Origin.TABLE)
            elif name in {"sdt", "sdtContent", "customXml", "smartTag", "ins", "moveTo"}:
                self.container(child, origin)
            elif name == "AlternateContent":
                choice = _child(child, "Choice")
                if choice is not None:
                    self.container(choice, origin)

    def paragraph(self, p: etree._Element, origin: Origin) -> None:
        text, bold, size = _own_text(p)
        ppr = _child(p, "pPr")
        style_id = None
        outline = False
        if ppr is not None:
            pstyle = _child(ppr, "pStyle")
            style_id = _attr(pstyle, "val") if pstyle is not None else None
            outline = _child(ppr, "outlineLvl") is not None
        self.paras.append(_Para(text, origin, bold, size, style_id, outline))
        if self.room > 0:
            self.room = max(0, self.room - len(text) - 1)
        for box in _text_boxes(p):
            self.container(box, Origin.TEXTBOX)

    def table(self, tbl: etree._Element, origin: Origin) -> None:
        for row in tbl:
            if _local(row) != "tr":
                continue
            for tc in _cells(row):
                tcpr = _child(tc, "tcPr")
                vmerge = _child(tcpr, "vMerge") if tcpr is not None else None
                # A vertically merged continuation cell shows the cell above; skip it.
                if vmerge is not None and (_attr(vmerge, "val") or "continue") != "restart":
                    continue
                self.container(tc, origin)


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
    headings, bold_styles, sizes = styles
    out: list[Block] = []
    for ordinal, para in enumerate(paras, start=1):
        text = normalize_block(para.text)
        if not text:
            continue
        sid = para.style_id
        out.append(Block(
            text=text,
            origin=para.origin,
            line=ordinal,
            is_heading=bool(sid and sid in headings) or para.outline,
            bold=para.bold or bool(sid and sid in bold_styles),
            font_size=para.font_size or (sizes.get(sid) if sid else None),
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
    return _blocks(walker.paras, styles)


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
    return Document(path=name, format="docx", blocks=tuple(blocks), notes=tuple(notes))
