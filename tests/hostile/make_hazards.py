"""Build hostile input files at test time: damaged, encrypted, bombed and odd documents.

Nothing here is committed as a binary; every file is generated into a folder the caller
gives, deterministically (fixed seeds), in a few seconds. Each :class:`Hazard` says what a
user should see:

- ``"unreadable"``: the file is reported as unreadable (exit code 3) with one line naming
  it and a reason; ``reason`` (a lower-case substring) pins the reason where it matters.
- ``"readable"``: the file is a document after all and is checked (exit code 0 or 1).
  Names lie, so a DOCX renamed ``.pdf`` is simply read as the DOCX it is; an HTML page
  renamed ``.pdf`` is read as text; a PDF whose owner forbids copying text is read, as
  every PDF reader that respects only the user password does (the permission flags are
  advisory, and a CV is sent to be read). Only ``max_pages`` pages of a 2,000-page PDF are
  read, with a note. A zip without ``[Content_Types].xml``, or whose relationships name a
  missing part, still holds a readable main part and is read. An external entity in
  ``document.xml`` is never resolved (the parsers run with ``resolve_entities=False``), so
  the file is read without it; the same in ``[Content_Types].xml`` is refused by lxml.
- Loops in the cross-reference chain (``/Prev``) and page trees thousands of levels deep are
  reported as damaged; a ``/Kids`` cycle is read (pdfminer skips pages it has visited).

Run as a script to build the files into a folder and list them:
``python -m tests.hostile.make_hazards /tmp/hazards``.
"""

from __future__ import annotations

import io
import json
import os
import random
import shutil
import sys
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "samples"
CORPUS_EDGE = REPO.parent / "shared" / "corpus" / "edge"

UNREADABLE = "unreadable"
READABLE = "readable"

GiB = 1024 * 1024 * 1024
MiB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Hazard:
    name: str
    path: Path
    #: "unreadable" (exit 3) or "readable" (exit 0/1).
    expect: str
    #: A lower-case substring the unreadable reason must contain, when it is worth pinning.
    reason: str | None = None
    #: True for hazards that cost seconds of CPU or hundreds of MiB to reject.
    slow: bool = False
    #: True for filesystem oddities (FIFO, device links, folders): not regular files.
    special: bool = False


# -- PDF building ----------------------------------------------------------------------------


def pdf_file(objects: dict[int, bytes], root: int = 1, *, trailer_extra: bytes = b"",
             version: bytes = b"1.7") -> bytes:
    """A PDF with the given numbered objects and a correct cross-reference table."""
    out = bytearray(b"%PDF-" + version + b"\n%\xe2\xe3\xcf\xd3\n")
    size = max(objects) + 1
    offsets = {}
    for num in sorted(objects):
        offsets[num] = len(out)
        out += b"%d 0 obj\n" % num + objects[num] + b"\nendobj\n"
    xref_at = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for num in range(1, size):
        if num in offsets:
            out += b"%010d 00000 n \n" % offsets[num]
        else:
            out += b"0000000000 65535 f \n"
    out += b"trailer\n<< /Size %d /Root %d 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (
        size, root, trailer_extra, xref_at)
    return bytes(out)


def stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s>>\nstream\n" % (len(data), extra) + data + b"\nendstream"


FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"


def one_page_pdf(content: bytes, *, resources: bytes = b"<< /Font << /F1 4 0 R >> >>",
                 extra_objects: dict[int, bytes] | None = None,
                 content_extra: bytes = b"") -> bytes:
    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources "
           + resources + b" /Contents 5 0 R >>",
        4: FONT,
        5: stream(content, content_extra),
    }
    objects.update(extra_objects or {})
    return pdf_file(objects)


def text_content(lines: list[str], x: int = 72, top: int = 720, step: int = 14) -> bytes:
    ops = [b"BT /F1 11 Tf"]
    for i, line in enumerate(lines):
        esc = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        ops.append(b"1 0 0 1 %d %d Tm (%s) Tj" % (x, top - i * step, esc.encode("latin-1")))
    ops.append(b"ET")
    return b"\n".join(ops)


CV_LINES = [
    "Dr. Alex Example, MD",
    "EXPERIENCE",
    "Attending physician, interventional pain medicine, 2019 to present.",
    "EDUCATION",
    "Pain medicine fellowship, board certified in anesthesiology.",
]


def good_pdf() -> bytes:
    return one_page_pdf(text_content(CV_LINES))


def pdf_xref_prev_loop() -> bytes:
    """The trailer's /Prev points back at the same cross-reference table."""
    base = good_pdf()
    xref_at = int(base.rsplit(b"startxref\n", 1)[1].split(b"\n", 1)[0])
    return base.replace(b"/Root 1 0 R ", b"/Root 1 0 R /Prev %d " % xref_at, 1)


def pdf_xref_prev_pair() -> bytes:
    """Two cross-reference sections whose /Prev entries point at each other."""
    base = good_pdf()
    first = int(base.rsplit(b"startxref\n", 1)[1].split(b"\n", 1)[0])
    # A fixed-width number keeps the file length, so the second table's offset is known.
    patched = base.replace(b"/Root 1 0 R ", b"/Root 1 0 R /Prev %010d " % 0, 1)
    second = len(patched)
    patched = base.replace(b"/Root 1 0 R ", b"/Root 1 0 R /Prev %010d " % second, 1)
    tail = (b"xref\n0 1\n0000000000 65535 f \ntrailer\n<< /Size 6 /Root 1 0 R /Prev %d >>\n"
            b"startxref\n%d\n%%%%EOF\n" % (first, second))
    return patched + tail


def pdf_kids_self_loop() -> bytes:
    return pdf_file({
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 1 >>",
        3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources "
           b"<< /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        4: FONT,
        5: stream(text_content(CV_LINES)),
    })


def pdf_kids_cycle() -> bytes:
    """Pages 2 -> 6 -> 7 -> 2: a cycle through three nodes, and a page hanging off it."""
    return pdf_file({
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [6 0 R] /Count 1 >>",
        3: b"<< /Type /Page /Parent 7 0 R /MediaBox [0 0 612 792] /Resources "
           b"<< /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        4: FONT,
        5: stream(text_content(CV_LINES)),
        6: b"<< /Type /Pages /Parent 2 0 R /Kids [7 0 R] /Count 1 >>",
        7: b"<< /Type /Pages /Parent 6 0 R /Kids [2 0 R 3 0 R] /Count 1 >>",
    })


def pdf_deep_page_tree(depth: int = 5000) -> bytes:
    first = 10
    objects = {
        1: b"<< /Type /Catalog /Pages %d 0 R >>" % first,
        4: FONT,
        5: stream(text_content(CV_LINES)),
    }
    for level in range(depth):
        num = first + level
        objects[num] = b"<< /Type /Pages /Kids [%d 0 R] /Count 1 >>" % (num + 1)
    objects[first + depth] = (b"<< /Type /Page /MediaBox [0 0 612 792] /Resources "
                              b"<< /Font << /F1 4 0 R >> >> /Contents 5 0 R >>")
    return pdf_file(objects)


def pdf_nested_arrays(depth: int = 100_000) -> bytes:
    """An object of 100,000 nested arrays, referenced as the page's /Annots."""
    deep = b"[" * depth + b"]" * depth
    data = one_page_pdf(text_content(CV_LINES), extra_objects={6: deep})
    return data.replace(b"/Contents 5 0 R", b"/Contents 5 0 R /Annots 6 0 R", 1)


def pdf_nested_dicts(depth: int = 100_000) -> bytes:
    deep = b"<< /A " * depth + b"1" + b" >>" * depth
    data = one_page_pdf(text_content(CV_LINES), extra_objects={6: deep})
    return data.replace(b"/Contents 5 0 R", b"/Contents 5 0 R /Annots 6 0 R", 1)


def pdf_nested_content(depth: int = 100_000) -> bytes:
    """The page's content stream opens 100,000 arrays (operands are parsed with a stack)."""
    return one_page_pdf(text_content(CV_LINES) + b"\n" + b"[" * depth + b"\n")


def pdf_reference_chain(length: int = 20_000) -> bytes:
    """/MediaBox resolves through 20,000 indirect references, one to the next."""
    first = 10
    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        3: b"<< /Type /Page /Parent 2 0 R /MediaBox %d 0 R /Resources "
           b"<< /Font << /F1 4 0 R >> >> /Contents 5 0 R >>" % first,
        4: FONT,
        5: stream(text_content(CV_LINES)),
    }
    for i in range(length):
        objects[first + i] = b"%d 0 R" % (first + i + 1)
    objects[first + length] = b"[0 0 612 792]"
    return pdf_file(objects)


def pdf_reference_loop() -> bytes:
    """/MediaBox is 10 0 R, which is 11 0 R, which is 10 0 R."""
    data = pdf_file({
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        3: b"<< /Type /Page /Parent 2 0 R /MediaBox 10 0 R /Resources "
           b"<< /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        4: FONT,
        5: stream(text_content(CV_LINES)),
        10: b"11 0 R",
        11: b"10 0 R",
    })
    return data


def pdf_self_xobject() -> bytes:
    """A form XObject that draws itself, and a pair that draw each other."""
    form = b"<< /Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources " \
           b"<< /XObject << /X1 6 0 R /X2 7 0 R >> /Font << /F1 4 0 R >> >> "
    body1 = b"BT /F1 9 Tf 72 600 Td (inside form one) Tj ET /X1 Do /X2 Do"
    body2 = b"/X1 Do BT /F1 9 Tf 72 580 Td (inside form two) Tj ET"
    return one_page_pdf(
        text_content(CV_LINES) + b"\n/X1 Do",
        resources=b"<< /Font << /F1 4 0 R >> /XObject << /X1 6 0 R /X2 7 0 R >> >>",
        extra_objects={
            6: form + b"/Length %d >>\nstream\n" % len(body1) + body1 + b"\nendstream",
            7: form + b"/Length %d >>\nstream\n" % len(body2) + body2 + b"\nendstream",
        },
    )


def flate_bomb_stream(size: int = GiB) -> bytes:
    """zlib data inflating to ``size`` zero bytes (about 1 MB per GiB), built in chunks."""
    comp = zlib.compressobj(9)
    chunk = bytes(16 * MiB)
    parts = []
    left = size
    while left > 0:
        n = min(left, len(chunk))
        parts.append(comp.compress(chunk[:n] if n < len(chunk) else chunk))
        left -= n
    parts.append(comp.flush())
    return b"".join(parts)


def pdf_flate_bomb(size: int = GiB) -> bytes:
    data = flate_bomb_stream(size)
    return one_page_pdf(data, content_extra=b"/Filter /FlateDecode ")


def pdf_many_boxes(count: int = 30_000) -> bytes:
    """One page, every word drawn at its own position far from its neighbours."""
    rng = random.Random(7)
    words = ["fellowship", "anesthesiology", "ablation", "spinal", "clinic", "opioid",
             "board", "neuromodulation", "pain", "radiology"]
    ops = [b"BT /F1 2 Tf"]
    cols = 200
    for i in range(count):
        x = 5 + (i % cols) * 3
        y = 5 + (i // cols) * 5
        ops.append(b"1 0 0 1 %d %d Tm (%s) Tj" % (x, y, rng.choice(words).encode()))
    ops.append(b"ET")
    content = b"\n".join(ops)
    return one_page_pdf(content).replace(b"/MediaBox [0 0 612 792]",
                                         b"/MediaBox [0 0 620 800]", 1)


def pdf_many_pages(count: int = 2000) -> bytes:
    """2,000 pages sharing one content stream; a reader should stop at max_pages."""
    first = 10
    kids = b" ".join(b"%d 0 R" % (first + i) for i in range(count))
    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % count,
        4: FONT,
        5: stream(text_content(CV_LINES)),
    }
    for i in range(count):
        objects[first + i] = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
                              b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>")
    return pdf_file(objects)


def fpdf_encrypted(method: str, user_password: str, *, deny_copy: bool = False) -> bytes | None:
    """A small CV encrypted with fpdf2; None when fpdf2 is not installed."""
    try:
        import fpdf
        from fpdf.enums import AccessPermission, EncryptionMethod
    except ImportError:
        return None
    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    for line in CV_LINES:
        pdf.cell(0, 8, line, new_x="LMARGIN", new_y="NEXT")
    permissions = AccessPermission.PRINT_LOW_RES | AccessPermission.PRINT_HIGH_RES
    if not deny_copy:
        permissions |= AccessPermission.COPY
    pdf.set_encryption(owner_password="owner-secret", user_password=user_password,
                       encryption_method=getattr(EncryptionMethod, method),
                       permissions=permissions)
    return bytes(pdf.output())


# -- DOCX building ---------------------------------------------------------------------------

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
DOC_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
DOCM_CT = "application/vnd.ms-word.document.macroEnabled.main+xml"


def content_types(main_ct: str = DOC_CT, extra: str = "") -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/word/document.xml" ContentType="{main_ct}"/>'
        f"{extra}</Types>"
    ).encode()


PACKAGE_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    f'<Relationships xmlns="{PKG_RELS}"><Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/></Relationships>'
).encode()


def document_xml(body: str, prolog: str = "") -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + prolog +
        f'<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:body>{body}</w:body></w:document>'
    ).encode()


def para(text: str) -> str:
    return f'<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


CV_BODY = "".join(para(line) for line in CV_LINES)


def doc_rels(rels: str = "") -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<Relationships xmlns="{PKG_RELS}">{rels}</Relationships>'
    ).encode()


def docx_parts(body: str = CV_BODY, *, prolog: str = "", rels: str = "",
               main_ct: str = DOC_CT) -> dict[str, bytes]:
    return {
        "[Content_Types].xml": content_types(main_ct),
        "_rels/.rels": PACKAGE_RELS,
        "word/document.xml": document_xml(body, prolog),
        "word/_rels/document.xml.rels": doc_rels(rels),
    }


def zip_bytes(parts: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as zf:
        for name, data in parts.items():
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = compression
            zf.writestr(info, data)
    return buf.getvalue()


def good_docx() -> bytes:
    return zip_bytes(docx_parts())


def docx_bad_crc() -> bytes:
    """A stored (uncompressed) main part with one byte changed: its CRC no longer matches."""
    data = bytearray(zip_bytes(docx_parts(), zipfile.ZIP_STORED))
    at = data.find(b"Attending physician")
    data[at] = ord("a")
    return bytes(data)


def docx_corrupt_deflate() -> bytes:
    """The main part's deflate data overwritten with noise (the sizes and CRC untouched)."""
    data = bytearray(good_docx())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as zf:
        info = zf.getinfo("word/document.xml")
    # Local header: 30 fixed bytes, then the name and the extra field.
    header = info.header_offset
    name_len = int.from_bytes(data[header + 26:header + 28], "little")
    extra_len = int.from_bytes(data[header + 28:header + 30], "little")
    start = header + 30 + name_len + extra_len
    rng = random.Random(3)
    for i in range(start, start + info.compress_size):
        data[i] = rng.randrange(256)
    return bytes(data)


def docx_whitespace_bomb(size: int = 100 * MiB) -> bytes:
    """100 MiB of spaces inside one text node (compresses about 1000:1)."""
    prefix = document_xml("<w:p><w:r><w:t xml:space=\"preserve\">SPLIT").split(b"SPLIT")[0]
    return _docx_streamed_body(prefix, b" ", size)


def docx_text_node_bomb(size: int = 150 * MiB) -> bytes:
    """A text node of 150 MiB of one letter: over the unzipped-size limit as declared."""
    prefix = document_xml("<w:p><w:r><w:t>SPLIT").split(b"SPLIT")[0]
    return _docx_streamed_body(prefix, b"a", size)


def _docx_streamed_body(prefix: bytes, fill: bytes, size: int) -> bytes:
    """A DOCX whose one text run holds ``size`` bytes of ``fill``, streamed into the zip."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in docx_parts().items():
            if name != "word/document.xml":
                zf.writestr(name, data)
        with zf.open("word/document.xml", "w", force_zip64=True) as fh:
            fh.write(prefix)
            chunk = fill * MiB
            for _ in range(size // MiB):
                fh.write(chunk)
            fh.write(b"</w:t></w:r></w:p></w:body></w:document>")
    return buf.getvalue()


def docx_million_paragraphs(count: int = 1_000_000) -> bytes:
    """A million paragraphs of differing text (compressing too poorly to trip the ratio guard)."""
    rng = random.Random(11)
    body = "".join(f"<w:p><w:r><w:t>{rng.randrange(10**9)}</w:t></w:r></w:p>"
                   for _ in range(count))
    return zip_bytes(docx_parts(CV_BODY + body))


def docx_empty_paragraphs(count: int = 1_000_000) -> bytes:
    """A million empty paragraphs: tiny compressed, 200:1 or more when inflated."""
    return zip_bytes(docx_parts(CV_BODY + "<w:p/>" * count))


def docx_nested_tables(depth: int) -> bytes:
    body = ("<w:tbl><w:tr><w:tc>" * depth + para("deep cell") +
            "</w:tc></w:tr></w:tbl>" * depth)
    return zip_bytes(docx_parts(CV_BODY + body))


def docx_many_members(count: int = 100_000) -> bytes:
    parts = docx_parts()
    for i in range(count):
        parts[f"customXml/item{i}.xml"] = b"<a/>"
    return zip_bytes(parts, zipfile.ZIP_STORED)


BILLION_LAUGHS = (
    '<!DOCTYPE w:document [<!ENTITY lol "lol">'
    + "".join(f'<!ENTITY lol{i} "' + f"&lol{i - 1 if i > 1 else ''};" * 10 + '">'
              for i in range(1, 10))
    + "]>\n"
)


def docx_billion_laughs() -> bytes:
    return zip_bytes(docx_parts(CV_BODY + para("&lol9;"), prolog=BILLION_LAUGHS))


XXE_DOC = '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'


def docx_xxe_document() -> bytes:
    return zip_bytes(docx_parts(CV_BODY + para("&xxe;"), prolog=XXE_DOC))


def docx_xxe_content_types() -> bytes:
    parts = docx_parts()
    ct = parts["[Content_Types].xml"].decode()
    head, rest = ct.split("\n", 1)
    parts["[Content_Types].xml"] = (
        head + '\n<!DOCTYPE Types [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
        + rest.replace('ContentType="application/xml"/>',
                       'ContentType="application/xml"/><!-- &xxe; -->', 1)
        .replace("</Types>", '<Default Extension="x&xxe;" ContentType="text/plain"/></Types>')
    ).encode()
    return zip_bytes(parts)


def docx_external_template() -> bytes:
    """settings.xml names a template on a web server; it must never be fetched."""
    parts = docx_parts(rels=(
        '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/'
        '2006/relationships/settings" Target="settings.xml"/>'))
    parts["[Content_Types].xml"] = content_types(extra=(
        '<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.wordprocessingml.settings+xml"/>'))
    parts["word/settings.xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:settings xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:attachedTemplate r:id="rId1"/>'
        "</w:settings>").encode()
    parts["word/_rels/settings.xml.rels"] = doc_rels(
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/attachedTemplate" Target="http://127.0.0.1:9/template.dotx" '
        'TargetMode="External"/>')
    return zip_bytes(parts)


def docx_missing_part_rel() -> bytes:
    """The main part's relationships name a header and styles that are not in the zip."""
    return zip_bytes(docx_parts(
        CV_BODY + '<w:sectPr><w:headerReference w:type="default" r:id="rId7"/></w:sectPr>',
        rels=('<Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/'
              '2006/relationships/header" Target="header1.xml"/>'
              '<Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/'
              '2006/relationships/styles" Target="styles.xml"/>')))


def ole2(payload: bytes) -> bytes:
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(range(24)) + b"\x3e\x00\x03\x00\xfe\xff"
    return header + payload + random.Random(5).randbytes(4096)


# -- the list --------------------------------------------------------------------------------


def build_all(dest: Path, *, include_slow: bool = True) -> list[Hazard]:
    """Write every hazard into ``dest`` (created) and return them, in a stable order."""
    dest.mkdir(parents=True, exist_ok=True)
    rng = random.Random(1234)
    hazards: list[Hazard] = []

    def add(name: str, data: bytes | Callable[[], bytes | None], expect: str,
            reason: str | None = None, *, slow: bool = False) -> None:
        if slow and not include_slow:
            return
        content = data() if callable(data) else data
        if content is None:
            return
        path = dest / name
        path.write_bytes(content)
        hazards.append(Hazard(name, path, expect, reason, slow))

    good = good_pdf()
    gdocx = good_docx()
    # PDF
    add("pdf_empty.pdf", b"", UNREADABLE, "empty")
    add("pdf_header_only.pdf", b"%PDF-1.7\n", UNREADABLE)
    xref_at = good.rfind(b"xref\n")
    add("pdf_truncated_no_trailer.pdf", good[: len(good) * 2 // 3], UNREADABLE, "damaged")
    add("pdf_truncated_with_trailer.pdf",
        good[: good.find(b"stream\n") + 40] + good[xref_at:], UNREADABLE, "damaged")
    add("pdf_random_bytes.pdf", rng.randbytes(20_000), UNREADABLE, "not a pdf")
    add("pdf_random_with_header.pdf", b"%PDF-1.4\n" + rng.randbytes(20_000), UNREADABLE)
    add("pdf_is_docx.pdf", gdocx, READABLE)
    add("pdf_is_html.pdf", b"<!DOCTYPE html><html><body><h1>Dr. Alex Example</h1>"
        b"<p>Pain medicine fellowship, board certified.</p></body></html>", READABLE)
    rc4 = CORPUS_EDGE / "pdfminer_rc4-40_ENCRYPTED_pw-foo.pdf"
    aes = CORPUS_EDGE / "pdfminer_aes-256-r6_ENCRYPTED_pw-usersecret.pdf"
    add("pdf_encrypted_rc4.pdf",
        rc4.read_bytes() if rc4.is_file() else fpdf_encrypted("RC4", "foo"),
        UNREADABLE, "password")
    add("pdf_encrypted_aes256.pdf",
        aes.read_bytes() if aes.is_file() else fpdf_encrypted("AES_256", "usersecret"),
        UNREADABLE, "password")
    add("pdf_encrypted_aes128_fpdf.pdf", lambda: fpdf_encrypted("AES_128", "pw"),
        UNREADABLE, "password")
    add("pdf_extraction_forbidden.pdf", lambda: fpdf_encrypted("RC4", "", deny_copy=True),
        READABLE)
    add("pdf_xref_prev_loop.pdf", pdf_xref_prev_loop(), UNREADABLE, "damaged")
    add("pdf_xref_prev_pair.pdf", pdf_xref_prev_pair(), UNREADABLE, "damaged")
    add("pdf_kids_self_loop.pdf", pdf_kids_self_loop(), READABLE)
    add("pdf_kids_cycle.pdf", pdf_kids_cycle(), READABLE)
    add("pdf_deep_page_tree.pdf", pdf_deep_page_tree(), UNREADABLE)
    add("pdf_nested_arrays.pdf", pdf_nested_arrays(), READABLE)
    add("pdf_nested_dicts.pdf", pdf_nested_dicts(), READABLE)
    add("pdf_nested_content.pdf", pdf_nested_content(), READABLE)
    add("pdf_reference_chain.pdf", pdf_reference_chain(), READABLE)
    add("pdf_reference_loop.pdf", pdf_reference_loop(), UNREADABLE, "refer to themselves")
    add("pdf_self_xobject.pdf", pdf_self_xobject(), READABLE)
    add("pdf_flate_bomb_1gib.pdf", pdf_flate_bomb, UNREADABLE, slow=True)
    add("pdf_30000_text_boxes.pdf", pdf_many_boxes, READABLE, slow=True)
    add("pdf_2000_pages.pdf", pdf_many_pages, READABLE, slow=True)
    # DOCX
    add("docx_empty.docx", b"", UNREADABLE, "empty")
    add("docx_truncated.docx", gdocx[: len(gdocx) // 2], UNREADABLE, "damaged")
    add("docx_random_bytes.docx", rng.randbytes(20_000), UNREADABLE)
    add("docx_plain_zip.docx", zip_bytes({"notes.txt": b"just a zip"}), UNREADABLE, "zip")
    add("docx_is_pdf.docx", good, READABLE)
    add("docx_legacy_ole2.docx", ole2(b"WordDocument"), UNREADABLE, ".doc")
    add("docx_encrypted_ooxml.docx",
        ole2("EncryptedPackage".encode("utf-16-le") + "EncryptionInfo".encode("utf-16-le")),
        UNREADABLE, "password")
    add("docx_macro_docm.docx", zip_bytes(docx_parts(main_ct=DOCM_CT)), UNREADABLE, "macro")
    add("docx_no_content_types.docx",
        zip_bytes({k: v for k, v in docx_parts().items() if k != "[Content_Types].xml"}),
        READABLE)
    add("docx_no_document_xml.docx",
        zip_bytes({k: v for k, v in docx_parts().items() if k != "word/document.xml"}),
        UNREADABLE)
    add("docx_rel_to_missing_part.docx", docx_missing_part_rel(), READABLE)
    add("docx_bad_crc.docx", docx_bad_crc(), UNREADABLE)
    add("docx_corrupt_deflate.docx", docx_corrupt_deflate(), UNREADABLE)
    add("docx_whitespace_100mib.docx", docx_whitespace_bomb, UNREADABLE, "zip bomb", slow=True)
    add("docx_text_node_150mib.docx", docx_text_node_bomb, UNREADABLE, "zip bomb", slow=True)
    add("docx_empty_paragraphs_1m.docx", docx_empty_paragraphs, UNREADABLE, "zip bomb",
        slow=True)
    add("docx_million_paragraphs.docx", docx_million_paragraphs, READABLE, slow=True)
    add("docx_nested_tables_40.docx", docx_nested_tables(40), READABLE)
    add("docx_nested_tables_5000.docx", docx_nested_tables(5000), UNREADABLE)
    add("docx_100000_members.docx", docx_many_members, UNREADABLE, "parts inside", slow=True)
    add("docx_billion_laughs.docx", docx_billion_laughs(), UNREADABLE)
    add("docx_xxe_document.docx", docx_xxe_document(), READABLE)
    add("docx_xxe_content_types.docx", docx_xxe_content_types(), UNREADABLE)
    add("docx_external_template.docx", docx_external_template(), READABLE)
    # Filesystem oddities
    fifo = dest / "fs_fifo.pdf"
    if hasattr(os, "mkfifo"):
        os.mkfifo(fifo)
        hazards.append(Hazard(fifo.name, fifo, UNREADABLE, "fifo", special=True))
    for target, name in (("/dev/zero", "fs_link_dev_zero.pdf"),
                         ("/dev/urandom", "fs_link_dev_urandom.docx")):
        if os.path.exists(target):
            os.symlink(target, dest / name)
            hazards.append(Hazard(name, dest / name, UNREADABLE, "symbolic link",
                                  special=True))
    if os.geteuid() != 0:  # root reads a chmod 000 file anyway
        locked = dest / "fs_unreadable.pdf"
        locked.write_bytes(good)
        locked.chmod(0)
        hazards.append(Hazard(locked.name, locked, UNREADABLE, "permission", special=True))
    folder = dest / "fs_folder_cv.pdf"
    folder.mkdir()
    hazards.append(Hazard(folder.name, folder, UNREADABLE, special=True))
    return hazards


def clean(dest: Path) -> None:
    """Remove a hazard folder, including a chmod 000 file."""
    for path in dest.glob("*"):
        if path.is_file() and not path.is_symlink():
            path.chmod(0o644)
    shutil.rmtree(dest, ignore_errors=True)


if __name__ == "__main__":
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "hazards")
    for h in build_all(out):
        size = h.path.lstat().st_size
        print(f"{h.name:36} {h.expect:10} {size:>12,}")


# -- running the CLI on them -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Run:
    returncode: int | None
    stdout: str
    stderr: str
    seconds: float
    #: Peak resident memory of the process and every worker it waited for, in MiB.
    peak_mib: float
    timed_out: bool = False


_LAUNCHER = r"""
import json, os, signal, subprocess, sys, time
report, timeout, *cmd = sys.argv[1:]
start = time.monotonic()
proc = subprocess.Popen(cmd, start_new_session=True)
killed = []

def kill(signum, frame):
    killed.append(True)
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except OSError:
        pass

signal.signal(signal.SIGALRM, kill)
signal.setitimer(signal.ITIMER_REAL, float(timeout))
_pid, status, usage = os.wait4(proc.pid, 0)
signal.setitimer(signal.ITIMER_REAL, 0)
with open(report, "w") as fh:
    json.dump({"returncode": os.waitstatus_to_exitcode(status),
               "seconds": time.monotonic() - start,
               "peak_mib": usage.ru_maxrss / 1024, "timed_out": bool(killed)}, fh)
"""


def run_measured(args: list[str], *, timeout: float, cwd: Path | None = None,
                 env: dict[str, str] | None = None) -> Run:
    """Run a command, and measure its wall time and its peak memory (its own and its workers').

    Linux carries a process's peak RSS across fork and exec, so a child started from a big
    test process reports the test process's peak. The command is therefore started from a
    small launcher process, which forks it and reads its peak with ``os.wait4`` (the peak
    of the child and of every worker it waited for).
    ``getrusage(RUSAGE_CHILDREN)`` would not do either: it is a running maximum over every
    child the test process ever had.
    """
    import subprocess
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "run.json"
        out, err = Path(tmp) / "out", Path(tmp) / "err"
        with out.open("wb") as fo, err.open("wb") as fe:
            subprocess.run([sys.executable, "-S", "-c", _LAUNCHER, str(report), str(timeout),
                            *args], stdout=fo, stderr=fe, stdin=subprocess.DEVNULL, cwd=cwd,
                           env=env, check=False, timeout=timeout + 60)
        info = json.loads(report.read_text())
        return Run(
            returncode=info["returncode"],
            stdout=out.read_bytes().decode("utf-8", "replace"),
            stderr=err.read_bytes().decode("utf-8", "replace"),
            seconds=info["seconds"],
            peak_mib=info["peak_mib"],
            timed_out=info["timed_out"],
        )


#: A small keyword list: these tests are about reading hostile files, not about scoring.
PROFILE_TEXT = "fellowship\nboard certified\nradiofrequency ablation|RFA\nanesthesiology\n"


def check_command(paths: list[str | Path], profile: Path, *extra: str,
                  timeout: int = 20, max_memory: int = 1024) -> list[str]:
    return [sys.executable, "-m", "resumecheck", "check", *map(str, paths),
            "--profile", str(profile), "--format", "json", "--quiet",
            "--timeout", str(timeout), "--max-memory", str(max_memory), *extra]
