import io
import zipfile

import pytest

from resumecheck.readers.sniff import OLE2_MAGIC, detect_format


def _zip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def test_pdf_is_found_by_magic_even_after_junk():
    assert detect_format(b"\x00junk" * 10 + b"%PDF-1.7\n...") == "pdf"


def test_zip_kinds():
    assert detect_format(_zip({"word/document.xml": b"<x/>"})) == "docx"
    ct = (b'<Types><Override ContentType="application/vnd.ms-word.document'
          b'.macroEnabled.main+xml"/></Types>')
    assert detect_format(_zip({"[Content_Types].xml": ct, "word/document.xml": b"<x/>"})) == "docm"
    assert detect_format(_zip({"a.txt": b"hello"})) == "zip"


def test_ole2_legacy_and_encrypted():
    assert detect_format(OLE2_MAGIC + b"\x00" * 600) == "doc-ole2"
    enc = OLE2_MAGIC + b"\x00" * 100 + "EncryptedPackage".encode("utf-16-le")
    assert detect_format(enc) == "ole2-encrypted"


def test_text_kinds():
    assert detect_format("Résumé of Jane\nPain medicine".encode()) == "text"
    assert detect_format("Résumé".encode("utf-16")) == "text"
    assert detect_format("caf\xe9 au lait, na\xefve".encode("cp1252")) == "text"
    assert detect_format(b"# Jane\n\n- one\n- two\n") == "markdown"
    assert detect_format(b"<!DOCTYPE html><html><body>x</body></html>") == "html"


def test_binary():
    assert detect_format(bytes(range(256)) * 4) == "binary"
    assert detect_format(b"abc\x00def") == "binary"


@pytest.mark.parametrize(("data", "said"), [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "it is a PNG image"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF", "it is a JPEG image"),
    (b"{\\rtf1\\ansi Dr. Jane Roe, MD}", "is an RTF document; save it as .docx or PDF"),
])
def test_files_sent_instead_of_a_resume_are_named(data: bytes, said: str) -> None:
    from resumecheck.errors import InputError
    from resumecheck.readers import read_bytes

    with pytest.raises(InputError) as info:
        read_bytes(data, "cv.pdf")
    assert said in info.value.reason
