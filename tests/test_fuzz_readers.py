"""Property tests: whatever bytes arrive, the readers answer with a Document or an InputError.

Seeds are the sample documents and small files made here with fpdf2 and python-docx; the
mutations are byte flips, cuts, insertions and splices of one document into another. Limits
are kept small so a mutated file that happens to be pathological stays quick. The crash
files found by the atheris targets in ``tests/fuzz/`` are replayed from ``tests/regressions``.
"""

from __future__ import annotations

import io
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from resumecheck.errors import InputError
from resumecheck.models import Document
from resumecheck.normalize import normalize_block, normalize_text
from resumecheck.preflight import MiB, ReadLimits
from resumecheck.readers import read_bytes

HERE = Path(__file__).resolve().parent
SAMPLES = HERE.parent / "samples"
REGRESSIONS = HERE / "regressions"
LIMITS = ReadLimits(max_bytes=4 * MiB, max_pages=5, max_chars=50_000,
                    max_unzipped_bytes=16 * MiB, max_zip_members=200)

FUZZ = settings(max_examples=100, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@cache
def seeds() -> tuple[bytes, ...]:
    found = [p.read_bytes() for p in sorted(SAMPLES.glob("*"))
             if p.suffix in {".pdf", ".docx", ".txt"} and p.stat().st_size < 400_000]
    found.append(_fpdf_seed())
    found.append(_docx_seed())
    return tuple(d for d in found if d)


def _fpdf_seed() -> bytes:
    try:
        import fpdf
    except ImportError:
        return b""
    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.cell(0, 8, "Pain medicine fellowship", new_x="LMARGIN", new_y="NEXT")
    pdf.cell(0, 8, "Board certified, radiofrequency ablation", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def _docx_seed() -> bytes:
    import docx

    document = docx.Document()
    document.add_heading("Experience", level=1)
    document.add_paragraph("Interventional pain physician, spinal cord stimulation.")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "2019"
    table.cell(0, 1).text = "Fellowship"
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def _read(data: bytes) -> None:
    """The property: a Document, or an InputError naming the file. Nothing else."""
    try:
        doc = read_bytes(data, "fuzz.bin", limits=LIMITS)
    except InputError as exc:
        assert exc.path == "fuzz.bin" and exc.reason
        assert "\n" not in exc.reason
        return
    assert isinstance(doc, Document)
    assert sum(len(b.text) for b in doc.blocks) <= LIMITS.max_chars + len(doc.blocks)


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    pool = seeds()
    data = bytearray(draw(st.sampled_from(pool)))
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.sampled_from(["flip", "cut", "insert", "splice", "zero"]))
        at = draw(st.integers(0, max(0, len(data) - 1)))
        if op == "flip" and data:
            data[at] ^= 1 << draw(st.integers(0, 7))
        elif op == "cut":
            data = data[:at] if draw(st.booleans()) else data[:at] + data[at + 64:]
        elif op == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=64))
        elif op == "splice":
            other = draw(st.sampled_from(pool))
            start = draw(st.integers(0, max(0, len(other) - 1)))
            data[at:at] = other[start:start + draw(st.integers(1, 4096))]
        elif op == "zero" and data:
            data[at:at + 32] = bytes(min(32, len(data) - at))
    return bytes(data)


@FUZZ
@given(st.binary(max_size=4096))
def test_random_bytes(data: bytes) -> None:
    _read(data)


@FUZZ
@given(st.sampled_from([b"%PDF-1.7\n", b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
                        b"<html>", b"\xff\xfe"]), st.binary(max_size=4096))
def test_random_bytes_behind_a_magic_number(magic: bytes, rest: bytes) -> None:
    _read(magic + rest)


@FUZZ
@given(mutated())
def test_mutated_documents(data: bytes) -> None:
    _read(data)


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.text())
def test_normalize_never_raises(text: str) -> None:
    out = normalize_text(text)
    assert isinstance(out, str)
    assert isinstance(normalize_block(text), str)


def _regression_files() -> list[Path]:
    return sorted(p for p in REGRESSIONS.glob("*") if p.is_file() and p.suffix != ".md")


@pytest.mark.parametrize("path", _regression_files(), ids=lambda p: p.name)
def test_regression_files(path: Path) -> None:
    assert path.stat().st_size < 20_000
    _read(path.read_bytes())
