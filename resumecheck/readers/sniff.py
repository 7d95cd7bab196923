"""Tell a file's format from its bytes: names lie ("cv.docx" that is really a PDF)."""

from __future__ import annotations

import io
import re
import zipfile

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
#: Stream name of an encrypted OOXML package inside its OLE2 wrapper (UTF-16LE).
ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")

_MAIN_PARTS = ("word/document.xml",)
_HTML = re.compile(rb"^\s*(<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])", re.I)
_MD_LINE = re.compile(r"^(#{1,6}\s+\S|\s{0,3}[-*+]\s+\S|\s{0,3}\d{1,2}[.)]\s+\S)", re.M)


def _zip_kind(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
            content_types = b""
            if "[Content_Types].xml" in names:
                info = zf.getinfo("[Content_Types].xml")
                if info.file_size <= 1_000_000:
                    content_types = zf.read(info)
    except Exception:  # noqa: BLE001 - zlib.error and friends: any damage lands here
        # A cut-off Word file still names its main part in a local header; calling it a
        # DOCX lets the reader say "damaged" instead of "not a document".
        return "docx" if b"word/document.xml" in data else "zip"
    if b"macroEnabled" in content_types:
        return "docm"
    if any(n in names for n in _MAIN_PARTS):
        return "docx"
    # Strict OOXML and oddly named main parts: the content type tells.
    if b"wordprocessingml.document.main" in content_types:
        return "docx"
    return "zip"


def _decodes_as_text(data: bytes) -> str | None:
    """``"text"`` when the bytes are a plausible text file, else None."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            data.decode("utf-16")
        except UnicodeDecodeError:
            return None
        return "text"
    if b"\x00" in data:
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
        if text.count("\ufffd") > max(2, len(text) // 200):
            return None
    if not text:
        return None
    printable = sum(1 for c in text if c.isprintable() or c in "\n\r\t\f")
    return "text" if printable >= 0.95 * len(text) else None


def detect_format(data: bytes) -> str:
    """One of pdf, docx, docm, doc-ole2, ole2-encrypted, zip, html, markdown, text, binary.

    ``ole2-encrypted`` is a password-protected Word file (OOXML wrapped in OLE2); plain
    ``doc-ole2`` is the legacy binary Word format.
    """
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(ZIP_MAGIC):
        return _zip_kind(data)
    if data.startswith(OLE2_MAGIC):
        return "ole2-encrypted" if ENCRYPTED_PACKAGE in data else "doc-ole2"
    if _decodes_as_text(data) is None:
        return "binary"
    head = data[:4096]
    if _HTML.match(head.lstrip(b"\xef\xbb\xbf")):
        return "html"
    sample = _decode_sample(data)
    if len(_MD_LINE.findall(sample)) >= 2 and re.search(r"^#{1,6}\s+\S", sample, re.M):
        return "markdown"
    return "text"


def _decode_sample(data: bytes) -> str:
    sample = data[:65536]
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return sample.decode("utf-16", errors="replace")
    return sample.decode("utf-8", errors="replace")
