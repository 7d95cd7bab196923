"""A document that cannot be read well is one unreadable file, with one reason that says
what to do; never a report that scores it 0 and lists every term as missing (issue 14,
item 6). The rule is :func:`resumecheck.checker.illegible`, the one place it is decided."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from checking import check

from resumecheck.checker import MIN_WORDS_OF_PAGES, illegible
from resumecheck.cli import main
from resumecheck.errors import ExitCode, InputError
from resumecheck.formatters.registry import OutputFormat
from resumecheck.models import Block, Document, PageInfo, ReaderNote

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
SCANNED = SAMPLES / "cv_scanned.pdf"
CV = SAMPLES / "cv_pain_medicine.pdf"
WHAT_TO_DO = "export it again from the word processor as PDF or DOCX, or run OCR"


def _doc(*texts: str, pages: int = 0, text_layer: bool = True,
         notes: tuple[ReaderNote, ...] = ()) -> Document:
    return Document(path="cv.pdf", format="pdf" if pages else "text",
                    blocks=tuple(Block(text=t, page=1 if pages else None) for t in texts),
                    pages=tuple(PageInfo(number=n, has_text_layer=text_layer)
                                for n in range(1, pages + 1)),
                    notes=notes)


# --------------------------------------------------------------------------- the rule


def test_a_scan_without_a_text_layer_cannot_be_read() -> None:
    reason = illegible(_doc(pages=3, text_layer=False))
    assert reason is not None
    assert "none of its 3 pages has a text layer" in reason and WHAT_TO_DO in reason


def test_mostly_garbage_glyphs_cannot_be_read() -> None:
    garbage = "\ue001\ue002\ue003 " * 30
    reason = illegible(_doc("Jane Roe " + garbage))
    assert reason is not None and "glyphs with no text behind them" in reason
    notes = (ReaderNote("cid_glyphs", "unmapped", page=1, count=400),)
    assert illegible(_doc("Jane Roe, MD", pages=1, notes=notes)) is not None


def test_few_words_from_several_pages_cannot_be_read() -> None:
    words = " ".join(["word"] * (MIN_WORDS_OF_PAGES - 1))
    reason = illegible(_doc(words, pages=2))
    assert reason is not None
    assert f"only {MIN_WORDS_OF_PAGES - 1} words were read from its 2 pages" in reason
    # The same words on one page are a short document, not an unreadable one.
    assert illegible(_doc(words, pages=1)) is None
    assert illegible(_doc(words + " more", pages=2)) is None


def test_no_visible_text_cannot_be_read_but_a_short_note_can() -> None:
    assert illegible(_doc("   ")) is not None
    assert illegible(_doc("Pain medicine physician. Board certified.")) is None
    hidden = Document(path="cv.txt", format="text",
                      blocks=(Block(text="spinal cord stimulation", hidden=True),))
    assert illegible(hidden) is not None


def test_the_checker_refuses_it_as_an_unreadable_file() -> None:
    with pytest.raises(InputError, match="cannot be read well: its page has no text layer"):
        check(SCANNED)


# --------------------------------------------------------------------------- every format


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("fmt", [f.value for f in OutputFormat])
def test_every_format_says_it_once_and_lists_nothing_missing(
        fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(["check", str(SCANNED), "--format", fmt], capsys)
    assert code == ExitCode.UNREADABLE
    assert "cannot be read well" in out, fmt
    if fmt == "sarif":  # the rules catalogue names every rule; the results are what count
        run = json.loads(out)["runs"][0]
        assert all(r.get("ruleId", "")[:1] not in ("K", "J") for r in run.get("results", []))
        out = json.dumps(run.get("results", [])) + json.dumps(run.get("invocations", []))
    # No score, no missing terms, no "add" advice for a file that was not read.
    for absent in ('Add "', "still missing", "Score 0.0", "required term", "K101"):
        assert absent not in out, (fmt, absent)
    assert err.count("cannot be read well") <= 1


def test_the_text_report_is_one_error_with_what_to_do(capsys: pytest.CaptureFixture[str]
                                                       ) -> None:
    code, out, _ = _run(["check", str(SCANNED)], capsys)
    flat = " ".join(out.split())
    assert code == ExitCode.UNREADABLE
    assert flat.count("cannot be read well") == 1 and WHAT_TO_DO in flat
    assert len(out.splitlines()) <= 4


def test_a_batch_lists_it_as_unreadable_never_as_a_weak_candidate(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "applicants"
    folder.mkdir()
    (folder / "scan.pdf").write_bytes(SCANNED.read_bytes())
    (folder / "cv.pdf").write_bytes(CV.read_bytes())
    code, out, _ = _run(["check", str(folder), "--format", "csv", "--jobs", "1"], capsys)
    assert code == ExitCode.UNREADABLE
    rows = {Path(r["path"]).name: r for r in csv.DictReader(io.StringIO(out))}
    assert rows["scan.pdf"]["status"] == "unreadable"
    assert rows["scan.pdf"]["score"] == "" and rows["scan.pdf"]["rank"] == ""
    assert "cannot be read well" in rows["scan.pdf"]["reason"]
    assert rows["cv.pdf"]["status"] == "ok" and rows["cv.pdf"]["rank"] == "1"
    code, out, _ = _run(["check", str(folder), "--format", "json", "--jobs", "1"], capsys)
    reports = {Path(r["path"]).name: r for r in json.loads(out)["reports"]}
    assert reports["scan.pdf"]["status"] == "unreadable" and "score" not in reports["scan.pdf"]


def test_a_two_page_pdf_with_a_stray_line_is_unreadable(tmp_path: Path) -> None:
    fpdf = pytest.importorskip("fpdf")
    pdf = fpdf.FPDF()
    pdf.set_font("Helvetica", size=11)
    pdf.add_page()
    pdf.cell(0, 10, "Curriculum vitae of Jane Roe, MD (scanned pages follow)")
    pdf.add_page()
    path = tmp_path / "mostly_scanned.pdf"
    path.write_bytes(bytes(pdf.output()))
    with pytest.raises(InputError, match=r"only \d+ words were read from its 2 pages"):
        check(path)


# --------------------------------------------------------------------------- a companion


def test_a_companion_resume_that_cannot_be_read_stops_the_run_with_one_line(
        capsys: pytest.CaptureFixture[str]) -> None:
    letter = SAMPLES / "cover_letter_pain_medicine.docx"
    code, out, err = _run(["check", str(letter), "--resume", str(SCANNED)], capsys)
    assert code == ExitCode.UNREADABLE
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "resume cannot be read well" in lines[0]
    assert "never" not in err  # no "the resume never mentions ..." claims
