"""Build the DOCX and PDF versions of labelled job postings into tests/data/postings/_build/.

A posting written in Markdown (``#`` title, ``##`` headings, ``-`` bullets, paragraphs, ``**``
and ``*`` emphasis) is laid out the way people receive postings as files:

* ``table``: a DOCX whose whole content sits in a two-column table, the heading in the left
  cell and its text in the right one (a layout many job-description templates use);
* ``two_column``: a PDF with the title across the top, a shaded sidebar on the left holding
  the sections named in ``sidebar``, and the other sections in the main column on the right.

The words are the Markdown posting's own, so the built file must give the same posting terms,
title and employer as the text version it was written from (``same_as`` in its labels).

Run ``python scripts/make_postings.py [dest]``; tests and ``benchmarks/bench_postings.py``
call :func:`build_all`. Output is byte-identical from run to run (pinned dates and zip
timestamps), and a file is only rewritten when its bytes change.
"""

from __future__ import annotations

import io
import re
import sys
import zipfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
POSTINGS = ROOT / "tests" / "data" / "postings"
BUILD = POSTINGS / "_build"

FIXED_TIME = datetime(2025, 3, 3, 9, 0, 0, tzinfo=UTC)
ZIP_TIME = (2025, 3, 3, 9, 0, 0)


@dataclass(frozen=True)
class Variant:
    """One built file: which Markdown posting, which layout, which output name."""

    source: str
    layout: str  # "table" (DOCX) or "two_column" (PDF)
    output: str
    #: two_column only: headings whose sections go in the left sidebar.
    sidebar: tuple[str, ...] = ()


VARIANTS: tuple[Variant, ...] = (
    Variant("career_page_modern_markdown.md", "table", "career_page_modern_table.docx"),
    Variant("career_page_modern_markdown.md", "two_column", "career_page_modern_two_column.pdf",
            sidebar=("About us", "Benefits")),
)


# --------------------------------------------------------------------------- Markdown


@dataclass
class Section:
    heading: str
    #: ("p", text) or ("li", text), in order; text keeps ** and * markers.
    items: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class Posting:
    title: str
    #: Paragraphs between the title and the first heading.
    lead: list[str]
    sections: list[Section]


def parse_markdown(text: str) -> Posting:
    """The small Markdown subset the postings use; wrapped lines are joined."""
    title = ""
    parts: list[tuple[str, list[list[str]]]] = [("", [])]  # (heading, [kind, text] items)
    open_item: list[str] | None = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            open_item = None
        elif line.startswith("## "):
            parts.append((line[3:].strip(), []))
            open_item = None
        elif line.startswith("# "):
            title, open_item = line[2:].strip(), None
        elif re.match(r"^[-*] ", line):
            open_item = ["li", line[2:].strip()]
            parts[-1][1].append(open_item)
        elif open_item is not None:
            open_item[1] = f"{open_item[1]} {line}"
        else:
            open_item = ["p", line]
            parts[-1][1].append(open_item)
    lead = [body for _, body in parts[0][1]]
    sections = [Section(heading, [(kind, body) for kind, body in items])
                for heading, items in parts[1:]]
    return Posting(title, lead, sections)


def runs(text: str) -> list[tuple[str, bool, bool]]:
    """(text, bold, italic) pieces of a line with ``**bold**`` and ``*italic*`` spans."""
    out: list[tuple[str, bool, bool]] = []
    for piece in re.split(r"(\*\*[^*]+\*\*|\*[^*]+\*)", text):
        if not piece:
            continue
        if piece.startswith("**"):
            out.append((piece[2:-2], True, False))
        elif piece.startswith("*"):
            out.append((piece[1:-1], False, True))
        else:
            out.append((piece, False, False))
    return out


def plain(text: str) -> str:
    return "".join(t for t, _, _ in runs(text))


# --------------------------------------------------------------------------- DOCX


def build_table_docx(posting: Posting) -> bytes:
    from docx import Document
    from docx.shared import Inches, Pt

    document = Document()
    for section in document.sections:
        section.left_margin = section.right_margin = Inches(0.8)
        section.top_margin = section.bottom_margin = Inches(0.7)
    normal = document.styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(10)

    table = document.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    head = table.add_row().cells
    merged = head[0].merge(head[1])
    merged.paragraphs[0].add_run(posting.title).bold = True
    merged.paragraphs[0].runs[0].font.size = Pt(16)
    for text in posting.lead:
        _add_runs(merged.add_paragraph(), text)
    for section in posting.sections:
        left, right = table.add_row().cells
        left.paragraphs[0].add_run(section.heading).bold = True
        first = True
        for kind, text in section.items:
            par = right.paragraphs[0] if first else right.add_paragraph()
            first = False
            if kind == "li":
                par.style = document.styles["List Bullet"]
            _add_runs(par, text)
    for row in table.rows:
        if len({id(c._tc) for c in row.cells}) == 2:
            row.cells[0].width = Inches(1.6)
            row.cells[1].width = Inches(5.3)

    props = document.core_properties
    props.author = "resumecheck tests"
    props.last_modified_by = "resumecheck tests"
    props.title = posting.title
    props.comments = ""
    props.revision = 1
    props.created = FIXED_TIME.replace(tzinfo=None)
    props.modified = FIXED_TIME.replace(tzinfo=None)
    return _reproducible_zip(document)


def _add_runs(paragraph, text: str) -> None:  # noqa: ANN001 - python-docx Paragraph
    for piece, bold, italic in runs(text):
        run = paragraph.add_run(piece)
        run.bold = bold or None
        run.italic = italic or None


def _reproducible_zip(document) -> bytes:  # noqa: ANN001 - python-docx Document
    """python-docx stamps zip members with the current time; pin them."""
    raw = io.BytesIO()
    document.save(raw)
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.create_system = 0
            member.external_attr = 0
            dst.writestr(member, src.read(info.filename))
    return out.getvalue()


# --------------------------------------------------------------------------- PDF


def build_two_column_pdf(posting: Posting, sidebar: tuple[str, ...]) -> bytes:
    from fpdf import FPDF

    pdf = FPDF(orientation="P", unit="pt", format="Letter")
    pdf.set_creation_date(FIXED_TIME)
    pdf.set_author("resumecheck tests")
    pdf.set_creator("resumecheck scripts/make_postings.py")
    pdf.set_title(posting.title)
    pdf.set_auto_page_break(auto=True, margin=40)
    pdf.set_margins(40, 40, 40)
    pdf.add_page()

    pdf.set_font("Helvetica", "B", 20)
    pdf.multi_cell(0, 24, posting.title, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 10)
    for text in posting.lead:
        pdf.multi_cell(0, 13, plain(text), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(8)
    top = pdf.get_y()

    left_x, left_w = 34.0, 170.0
    right_x = left_x + left_w + 24
    right_w = pdf.w - 40 - right_x
    pdf.set_fill_color(236, 241, 246)
    pdf.rect(left_x - 6, top - 4, left_w + 12, pdf.h - top - 36, style="F")

    side = [s for s in posting.sections if s.heading in sidebar]
    main = [s for s in posting.sections if s.heading not in sidebar]
    for sections, x, w, size in ((side, left_x, left_w, 8.5), (main, right_x, right_w, 9.5)):
        pdf.set_left_margin(x)
        pdf.set_right_margin(pdf.w - x - w)
        pdf.set_xy(x, top)
        for section in sections:
            _pdf_section(pdf, section, w, size)
        if pdf.page != 1:
            raise RuntimeError(f"a column of {posting.title!r} overflowed page 1; shorten it")
    return bytes(pdf.output())


def _pdf_section(pdf, section: Section, width: float, size: float) -> None:  # noqa: ANN001
    pdf.ln(3)
    pdf.set_font("Helvetica", "B", size + 1.5)
    pdf.set_text_color(30, 60, 100)
    pdf.multi_cell(width, size * 1.5, section.heading, new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0, 0, 0)
    line = size * 1.25
    for kind, text in section.items:
        italic = text.startswith("*") and not text.startswith("**")
        pdf.set_font("Helvetica", "I" if italic else "", size)
        if kind == "li":
            pdf.cell(9, line, "-")
            pdf.multi_cell(width - 9, line, plain(text), new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.multi_cell(width, line, plain(text), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1.5)


# --------------------------------------------------------------------------- driver


def build_variant(variant: Variant, source_dir: Path = POSTINGS) -> bytes:
    posting = parse_markdown((source_dir / variant.source).read_text(encoding="utf-8"))
    if variant.layout == "table":
        return build_table_docx(posting)
    if variant.layout == "two_column":
        return build_two_column_pdf(posting, variant.sidebar)
    raise ValueError(f"unknown layout {variant.layout!r}")


def build_all(dest: Path = BUILD) -> list[Path]:
    """Build every variant into ``dest``; files whose bytes are unchanged are not rewritten."""
    dest.mkdir(parents=True, exist_ok=True)
    paths = []
    for variant in VARIANTS:
        data = build_variant(variant)
        path = dest / variant.output
        if not path.is_file() or path.read_bytes() != data:
            tmp = path.with_name(path.name + ".tmp")
            tmp.write_bytes(data)
            tmp.replace(path)
        paths.append(path)
    return paths


def main(argv: list[str]) -> int:
    dest = Path(argv[0]) if argv else BUILD
    for path in build_all(dest):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
