"""Parse findings on real files (built here or from the shared corpus) and on documents whose
reader facts (pages, notes) are set by hand where no small real file can produce them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from resumecheck.checks import CheckContext
from resumecheck.checks import parse as P
from resumecheck.errors import InputError
from resumecheck.models import (
    Block,
    Document,
    Finding,
    Kind,
    Origin,
    PageInfo,
    ReaderNote,
    Severity,
)
from resumecheck.preflight import ReadLimits
from resumecheck.profiles import load_profile
from resumecheck.readers import read_bytes, read_document

PROFILE = load_profile("pain-medicine")

CHECKS = (P.text_layer, P.columns, P.fragile_parts, P.reader_notes, P.hidden_text)
BODY = "Attending physician at Riverside Pain Clinic treating chronic back pain with injections."


def parse_findings(document: Document, kind: Kind = Kind.RESUME) -> list[Finding]:
    ctx = CheckContext(document=document, kind=kind, profile=PROFILE, terms=(), doc=None)
    return [f for func in CHECKS for f in func(ctx)]


def codes(document: Document) -> list[str]:
    return sorted(f.code for f in parse_findings(document))


def one(document: Document, code: str) -> Finding:
    hits = [f for f in parse_findings(document) if f.code == code]
    assert len(hits) == 1, [f.code for f in parse_findings(document)]
    return hits[0]


def doc(*blocks: Block, pages: tuple[PageInfo, ...] = (), notes: tuple[ReaderNote, ...] = ()
        ) -> Document:
    return Document(path="cv.pdf", format="pdf", blocks=blocks, pages=pages, notes=notes)


# -- text layer --------------------------------------------------------------------------

def test_scan_with_no_text_on_any_page_is_an_error() -> None:
    pages = tuple(PageInfo(number=n, has_text_layer=False) for n in (1, 2, 3))
    f = one(doc(pages=pages), "P101")
    assert f.severity == Severity.ERROR
    assert "None of the 3 pages" in f.message and "reads nothing" in f.message
    assert f.location.page == 1


def test_some_scanned_pages_are_a_warning_naming_them() -> None:
    pages = (PageInfo(1, chars=900), PageInfo(2, has_text_layer=False),
             PageInfo(3, has_text_layer=False))
    f = one(doc(Block(BODY, page=1), pages=pages), "P102")
    assert f.severity == Severity.WARNING
    assert "pages 2, 3 of 3" in f.message and f.location.page == 2
    assert "P101" not in codes(doc(Block(BODY, page=1), pages=pages))


def test_scanned_pdf_built_as_an_image_has_no_text_layer(tmp_path: Path) -> None:
    fpdf = pytest.importorskip("fpdf")
    from PIL import Image

    picture = tmp_path / "scan.png"
    Image.new("L", (200, 260), 235).save(picture)
    pdf = fpdf.FPDF(unit="pt", format="A4")
    pdf.add_page()
    pdf.image(str(picture), x=40, y=40, w=500)
    path = tmp_path / "scan.pdf"
    pdf.output(str(path))
    assert codes(read_document(path)) == ["P101"]


# -- layout ------------------------------------------------------------------------------

def test_two_columns_from_the_page_and_from_a_note() -> None:
    f = one(doc(Block(BODY, page=1), pages=(PageInfo(1, columns=1), PageInfo(2, columns=2))),
            "P103")
    assert f.location.page == 2 and "2 columns" in f.message
    noted = doc(Block(BODY, page=1), pages=(PageInfo(1),),
                notes=(ReaderNote("columns", "page 1 is laid out in 2 columns", 1, 2),))
    assert codes(noted) == ["P103"]


def test_vertical_letters_are_not_reported_as_columns() -> None:
    d = doc(Block(BODY, page=1), pages=(PageInfo(1, columns=3),),
            notes=(ReaderNote("vertical_text", "one-letter lines", page=1, count=18),))
    assert codes(d) == ["P110"]


def test_single_column_pdf_has_no_parse_findings(make_pdf: Callable[..., Path]) -> None:
    lines = [(56, 60 + 16 * i, f"{BODY} Line {i}.") for i in range(20)]
    assert codes(read_document(make_pdf([lines]))) == []


# -- fragile parts -----------------------------------------------------------------------

def test_text_box_words_are_counted_and_located() -> None:
    d = doc(Block(BODY), Block("Clinical Focus", origin=Origin.TEXTBOX, line=2),
            Block("Spinal cord stimulation and intrathecal pumps", origin=Origin.TEXTBOX, line=3))
    f = one(d, "P104")
    assert f.message.startswith("8 word(s) in 2 text-box paragraph(s)")
    assert f.location.origin == Origin.TEXTBOX and f.location.line == 2


def test_body_that_is_empty_is_an_error_and_replaces_the_text_box_warning() -> None:
    d = doc(Block("Jordan Avery", origin=Origin.HEADER),
            Block("Pain medicine physician", origin=Origin.TEXTBOX, line=1))
    assert codes(d) == ["P107"]
    f = one(d, "P107")
    assert f.severity == Severity.ERROR
    assert "text boxes and page headers" in f.message


def test_header_with_the_only_copy_of_the_email(make_docx: Callable[..., Path]) -> None:
    def fill(document) -> None:
        document.sections[0].header.paragraphs[0].text = "jordan.avery@example.com"
        document.sections[0].footer.paragraphs[0].text = "Page 1 of 2"
        document.add_paragraph(BODY)

    f = one(read_document(make_docx(fill)), "P105")
    assert '"jordan.avery@example.com" appears only in the page header' in f.message
    assert f.location.origin == Origin.HEADER


def test_header_repeating_the_body_or_page_numbers_is_fine(
        make_docx: Callable[..., Path]) -> None:
    def fill(document) -> None:
        document.sections[0].header.paragraphs[0].text = "Jordan Avery, MD"
        document.sections[0].footer.paragraphs[0].text = "- 2 -"
        document.add_paragraph("Jordan Avery, MD")
        document.add_paragraph(BODY)

    assert codes(read_document(make_docx(fill))) == []


def test_layout_table_holding_most_words(make_docx: Callable[..., Path]) -> None:
    def fill(document) -> None:
        document.add_paragraph("Jordan Avery, MD")
        table = document.add_table(rows=3, cols=2)
        for row in table.rows:
            row.cells[0].text = "2019 - 2024"
            row.cells[1].text = BODY
    f = one(read_document(make_docx(fill)), "P106")
    assert f.location.origin == Origin.TABLE
    assert "% of the words" in f.message


def test_small_table_of_volumes_is_fine(make_docx: Callable[..., Path]) -> None:
    def fill(document) -> None:
        for _ in range(6):
            document.add_paragraph(BODY)
        table = document.add_table(rows=1, cols=2)
        table.rows[0].cells[0].text = "Epidural injections"
        table.rows[0].cells[1].text = "450"
    assert codes(read_document(make_docx(fill))) == []


# -- reader notes ------------------------------------------------------------------------

@pytest.mark.parametrize(("kind", "code", "words"), [
    ("cid_glyphs", "P108", "(cid:NN)"),
    ("private_use_glyphs", "P109", "icon-font"),
    ("vertical_text", "P110", "Vertical"),
    ("encrypted", "P111", "encrypted"),
    ("strict_ooxml", "P114", "Strict Open XML"),
])
def test_reader_notes_become_findings(kind: str, code: str, words: str) -> None:
    note = ReaderNote(kind, "the file is encrypted; it opened with an empty password"
                      if kind == "encrypted" else "details", page=2 if kind != "encrypted"
                      else None, count=14)
    f = one(doc(Block(BODY, page=1), notes=(note,)), code)
    assert words in f.message
    if code in ("P108", "P109"):
        assert "14" in f.message and f.location.page == 2
    assert f.severity == (Severity.INFO if code == "P111" else Severity.WARNING)


def test_truncated_text_is_reported() -> None:
    text = ("EXPERIENCE\n\n" + (BODY + "\n\n") * 40).encode()
    document = read_bytes(text, "cv.txt", limits=ReadLimits(max_chars=1000))
    f = one(document, "P112")
    assert "1,000 characters" in f.message


def test_white_text_is_hidden(make_pdf: Callable[..., Path]) -> None:
    white = {"color": (255, 255, 255)}
    path = make_pdf([[(56, 80, BODY), (56, 120, "epidural kyphoplasty neuromodulation", white)]])
    f = one(read_document(path), "P113")
    assert "3 word(s) of hidden text" in f.message and f.location.page == 1


# -- shared corpus -----------------------------------------------------------------------

@pytest.mark.corpus
@pytest.mark.parametrize("name", ["edge/pdfminer_encrypted_no_id_scanned.pdf",
                                  "edge/pdfminer_jbig2_xerox_scan.pdf"])
def test_corpus_scans_have_no_text_layer(corpus_dir: Path, name: str) -> None:
    assert "P101" in codes(read_document(corpus_dir / name))


@pytest.mark.corpus
def test_corpus_scan_opened_with_empty_password_is_noted(corpus_dir: Path) -> None:
    assert codes(read_document(corpus_dir / "edge/pdfminer_encrypted_no_id_scanned.pdf")) == [
        "P101", "P111"]


@pytest.mark.corpus
def test_corpus_text_box_document(corpus_dir: Path) -> None:
    assert codes(read_document(corpus_dir / "edge/mammoth_text-box.docx")) == ["P107"]


@pytest.mark.corpus
def test_corpus_header_footer_document(corpus_dir: Path) -> None:
    f = one(read_document(corpus_dir / "edge/pydocx_header_footer_2sections.docx"), "P105")
    assert f.location.origin == Origin.HEADER


@pytest.mark.corpus
def test_corpus_vertical_and_strict(corpus_dir: Path) -> None:
    assert codes(read_document(corpus_dir / "edge/pdfminer_vertical_text.pdf")) == ["P110"]
    assert codes(read_document(corpus_dir / "edge/mammoth_strict-format.docx")) == ["P114"]


@pytest.mark.corpus
def test_corpus_clean_templates(corpus_dir: Path) -> None:
    assert codes(read_document(corpus_dir / "resumes/rm_template_single-column.pdf")) == []
    for name in ("resumes/rm_template_two-column.pdf", "resumes/rm_template_modern-two-column.pdf"):
        assert codes(read_document(corpus_dir / name)) == ["P103"], name


@pytest.mark.corpus
def test_corpus_password_pdf_is_an_input_error_not_a_finding(corpus_dir: Path) -> None:
    with pytest.raises(InputError):
        read_document(corpus_dir / "edge/pdfminer_rc4-40_ENCRYPTED_pw-foo.pdf")
