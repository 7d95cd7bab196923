"""Shared fixtures: the read-only corpus, and builders for small DOCX/PDF test files."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import settings

# Property tests draw the same examples on every run (a red CI run is a real failure, never
# a new draw), and keep no example database in the checkout. HYPOTHESIS_PROFILE=explore
# draws new examples, many more, to look for failures.
settings.register_profile("repeatable", derandomize=True, database=None)
settings.register_profile("explore", max_examples=2000, database=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


@pytest.fixture
def corpus_dir() -> Path:
    if not CORPUS.is_dir():
        pytest.skip("shared corpus not available")
    return CORPUS


@pytest.fixture
def make_pdf(tmp_path: Path) -> Callable[..., Path]:
    """Build a one-or-more page PDF: ``pages`` is a list of lists of (x, y, text, opts)."""
    fpdf = pytest.importorskip("fpdf")

    def build(pages: list[list[tuple]], name: str = "t.pdf") -> Path:
        pdf = fpdf.FPDF(unit="pt", format="A4")
        pdf.set_auto_page_break(False)
        for items in pages:
            pdf.add_page()
            for x, y, text, *opts in items:
                o = opts[0] if opts else {}
                pdf.set_font("Helvetica", style=o.get("style", ""), size=o.get("size", 10))
                pdf.set_text_color(*o.get("color", (0, 0, 0)))
                pdf.text(x, y, text)
        path = tmp_path / name
        pdf.output(str(path))
        return path

    return build


@pytest.fixture
def make_docx(tmp_path: Path) -> Callable[..., Path]:
    """Build a DOCX with python-docx; ``fill(document)`` adds the content."""
    import docx

    def build(fill: Callable, name: str = "t.docx") -> Path:
        document = docx.Document()
        fill(document)
        path = tmp_path / name
        document.save(str(path))
        return path

    return build
