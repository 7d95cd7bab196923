"""Real third-party documents (read-only, skipped when the corpus is absent)."""

import time

import pytest

from resumecheck.errors import InputError
from resumecheck.models import Origin
from resumecheck.readers import read_document

pytestmark = pytest.mark.corpus


def test_text_box_docx(corpus_dir):
    doc = read_document(corpus_dir / "edge" / "mammoth_text-box.docx")
    assert [(b.origin, b.text) for b in doc.blocks] == [(Origin.TEXTBOX, "Datum plane")]
    assert any(n.kind == "only_fragile" for n in doc.notes)


def test_header_footer_docx_reads_each_distinct_part_once(corpus_dir):
    doc = read_document(corpus_dir / "edge" / "pydocx_header_footer_2sections.docx")
    headers = [b.text for b in doc.blocks if b.origin == Origin.HEADER]
    footers = [b.text for b in doc.blocks if b.origin == Origin.FOOTER]
    assert headers == ["Header for section-1"] and footers == ["Footer for section 1"]
    assert "section without header of its own." in doc.text


def test_strict_ooxml_docx_is_read(corpus_dir):
    doc = read_document(corpus_dir / "edge" / "mammoth_strict-format.docx")
    assert doc.text == "Test"
    assert [n.kind for n in doc.notes] == ["strict_ooxml"]


def test_nested_tables_docx_does_not_crash(corpus_dir):
    doc = read_document(corpus_dir / "edge" / "pydocx_nested_tables.docx")
    assert doc.format == "docx"


def _order(doc, phrases):
    text = doc.text
    return [text.index(p) for p in phrases]


def test_two_column_resumes_keep_their_columns_apart(corpus_dir):
    single = read_document(corpus_dir / "resumes" / "rm_template_single-column.pdf")
    assert single.pages[0].columns == 1
    for name in ("rm_template_two-column.pdf", "rm_template_modern-two-column.pdf"):
        doc = read_document(corpus_dir / "resumes" / name)
        assert doc.pages[0].columns == 2
        # The whole experience column comes before the sidebar's skills, and no sidebar
        # chip lands between two bullets of one job (line-by-line interleaving would).
        a, b, c = _order(doc, ["Mentored 3 junior engineers", "Reduced API response latency",
                               "Feature Flags"])
        assert a < b < c
        exp = doc.text[doc.text.index("EXPERIENCE"):doc.text.index("PROJECTS")]
        assert "Feature Flags" not in exp and "PagerDuty" not in exp
        sections = {blk.section for blk in doc.blocks if "PagerDuty" in blk.text}
        assert sections == {"skills"}


@pytest.mark.parametrize("name,password", [
    ("pdfminer_aes-256-r6_ENCRYPTED_pw-usersecret.pdf", "usersecret"),
    ("pdfminer_rc4-40_ENCRYPTED_pw-foo.pdf", "foo"),
])
def test_password_protected_pdfs(corpus_dir, name, password):
    path = corpus_dir / "edge" / name
    with pytest.raises(InputError, match="is encrypted with a password"):
        read_document(path)
    with pytest.raises(InputError, match="password given does not open it"):
        read_document(path, password="wrong")
    doc = read_document(path, password=password)
    assert any(n.kind == "encrypted" for n in doc.notes)
    if "rc4" in name:
        assert "Secret!" in doc.text


def test_empty_password_scan_opens_and_has_no_text_layer(corpus_dir):
    doc = read_document(corpus_dir / "edge" / "pdfminer_encrypted_no_id_scanned.pdf")
    assert len(doc.pages) == 3 and not any(p.has_text_layer for p in doc.pages)
    kinds = [n.kind for n in doc.notes]
    assert "encrypted" in kinds and kinds.count("no_text_layer") == 3


def test_jbig2_scan_has_no_text_layer(corpus_dir):
    doc = read_document(corpus_dir / "edge" / "pdfminer_jbig2_xerox_scan.pdf")
    assert [(n.kind, n.page) for n in doc.notes] == [("no_text_layer", 1)]


def test_vertical_text_is_noted(corpus_dir):
    doc = read_document(corpus_dir / "edge" / "pdfminer_vertical_text.pdf")
    assert any(n.kind == "vertical_text" for n in doc.notes)


def test_self_referencing_xobjects_finish(corpus_dir):
    start = time.monotonic()
    doc = read_document(corpus_dir / "edge" / "pdfminer_evil_xobjects.pdf")
    assert "Hello world" in doc.text
    # Generous bound: the point is that it terminates, not how fast.
    assert time.monotonic() - start < 20
