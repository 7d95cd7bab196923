"""``--redact`` cannot leak: documents full of personal data, in every shape people write it,
run through every command and format; no 5-character piece of any e-mail address, phone
number or street address may reach stdout, stderr or the report file.

The data sits where leaks happened before: in contact lines, in long sentences whose quoted
window ends inside an address, in a DOCX page header and footer (quoted, cut short, by the
header finding), split over two table cells, in the job posting, and in the file names of the
documents, the posting, an unreadable file and a skipped one. It also sits where the report
quotes text: in hedged claims (whose reason quotes the document), in the posting's
requirement sentences (which actions quote), and in every block of the document as read
(which the HTML page shows, annotated). Every format runs on a batch (with and without
``--details``, in every ``--sort`` order, with ``--statistics``) and on one file, and a
document and a posting come from standard input. Without ``--redact`` the same runs must
show the data, so the test can fail.

A 5-character piece of a datum that the tool prints whatever the documents say (a rule's
advice or a profile tip: "for example" shares "examp" with "example.com") proves nothing;
those pieces are taken from the rule and profile texts themselves, and every datum keeps
most of its pieces under test.
"""

from __future__ import annotations

import dataclasses
import io
import shutil
import sys
from pathlib import Path

import pytest

from resumecheck.cli import main
from resumecheck.formatters.registry import OutputFormat

FORMATS = tuple(f.value for f in OutputFormat)
EMAILS = ("jane.doe@example.com", "r.okonkwo-baptiste@mail.example.com",
          "JDOE+cv@example.com")
PHONES = ("(608) 555-0147", "608\u2013555\u20130182", "608/555-0163", "608/555/0129",
          "+1 608 555 0174", "6085550136", "555-0191", "(608) 555-0158")
STREETS = ("221B Baker Street", "4102 maple grove avenue", "P.O. Box 4471",
           "1450 Quillfeather Lane, Apt 3C")
DATA = EMAILS + PHONES + STREETS
#: Profile terms to put the data next to, one per datum, so that a quoted sentence window
#: around the term ends inside the datum.
TERMS = ("spinal cord stimulation", "radiofrequency ablation", "epidural steroid injection",
         "medial branch block", "sacroiliac joint injection", "trigger point injection",
         "intrathecal drug delivery", "occipital nerve block", "opioid stewardship",
         "complex regional pain syndrome", "diabetic neuropathy", "postherpetic neuralgia",
         "platelet-rich plasma", "botulinum toxin", "neuromodulation")
FILLER = ("and we reviewed the outcomes with the whole clinical team every single week while "
          "keeping careful notes on each patient who came through the clinic doors ")
#: Matches quote about this much text either side of a term (matching.SENTENCE_MAX / 2).
HALF_WINDOW = 108


def grams(value: str) -> set[str]:
    value = value.lower()
    return {value[i:i + 5] for i in range(len(value) - 4)}


def _window_sentence(term: str, datum: str) -> str:
    """A sentence too long to quote whole, whose quote around ``term`` is cut inside
    ``datum``."""
    gap = max(HALF_WINDOW - len(datum) // 2 - 1, 1)
    before = FILLER[:gap].rsplit(" ", 1)[0]
    return (f"Over ten years I ran a busy regional practice {FILLER}{FILLER}focused on {term} "
            f"{before} {datum} {FILLER}{FILLER}and more")


def body_lines(dash: str = "\u2013") -> list[str]:
    data = [d.replace("\u2013", dash) for d in DATA]
    lines = [
        "Jane Q. Doe, MD",
        " | ".join(data[:2] + data[3:4]),
        "Mobile " + " \u00b7 ".join(data[3:11]),
        f"Mail: {data[13]}, Madison; home {data[12]}; studio {data[14]}; office {data[11]}",
        "PROFESSIONAL SUMMARY",
        "Board-certified anesthesiologist with a pain medicine fellowship and eleven years of "
        "interventional practice.",
        "EXPERIENCE",
    ]
    lines += [_window_sentence(term, datum) for term, datum in zip(TERMS, data, strict=False)]
    # Hedged and planned claims: their reasons quote the document's own words.
    lines += [f"Familiarity with kyphoplasty, shadowed at {data[12]} for a month.",
              f"Will apply for DEA registration from {data[13]} ({data[0]}) next year."]
    lines += [
        "EDUCATION",
        "Pain Medicine Fellowship, Northgate University Hospital, 2014.",
        "Doctor of Medicine, Northgate School of Medicine, 2013.",
        "BOARD CERTIFICATION",
        "American Board of Anesthesiology, pain medicine subspecialty certification, 2015.",
    ]
    return lines


def write_text(path: Path) -> None:
    path.write_text("\n".join(body_lines()) + "\n", encoding="utf-8")


def write_docx(path: Path) -> None:
    import docx

    document = docx.Document()
    section = document.sections[0]
    # Header and footer hold words found nowhere else, so the header finding quotes them.
    section.header.paragraphs[0].text = (f"Curriculum vitae of Jane Marlowe Doe {EMAILS[1]} "
                                         f"{PHONES[7]} {STREETS[0]}")
    section.footer.paragraphs[0].text = f"Correspondence {STREETS[2]} {PHONES[1]} {EMAILS[2]}"
    for line in body_lines():
        document.add_paragraph(line)
    table = document.add_table(rows=1, cols=3)
    area, number = PHONES[0].split(" ")
    for cell, text in zip(table.rows[0].cells, ("Telephone", area, number), strict=True):
        cell.text = text  # the number split over two cells
    document.save(str(path))


def write_pdf(path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF(format="letter")
    pdf.add_page()
    font = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    if font.is_file():
        pdf.add_font("DejaVu", "", str(font))
        pdf.set_font("DejaVu", size=10)
        lines = body_lines()
    else:  # the core fonts have no en dash
        pdf.set_font("Helvetica", size=10)
        lines = body_lines(dash="-")
    for line in lines:
        pdf.multi_cell(0, 5, line, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
    pdf.output(str(path))


POSTING = f"""Interventional Pain Physician
Lakeshore Spine Partners

About the role
We are hiring a board-certified pain medicine physician for spinal cord stimulation,
radiofrequency ablation and epidural steroid injection work.

Requirements
- Pain medicine fellowship
- Board certification in anesthesiology
- DEA registration
- Kyphoplasty and vertebral augmentation at our {STREETS[1]} surgery center, two days a week.
- Intrathecal pump refills at the {STREETS[3]} clinic and occipital nerve stimulation.

Contact
Send your CV to {EMAILS[0]} or call {PHONES[2]}; visit us at {STREETS[3]}.
"""
#: Too few terms for a match rate: the report gives a note instead.
THIN_POSTING = f"""Locum physician
Write to {EMAILS[1]} or call {PHONES[4]}; the office is at {STREETS[2]}.
"""


@dataclasses.dataclass(frozen=True)
class Corpus:
    folder: Path
    documents: tuple[Path, ...]
    posting: Path
    thin: Path


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    root = tmp_path_factory.mktemp("leaks")
    folder = root / "applicants"
    folder.mkdir()
    text = folder / f"{EMAILS[0]}_cv.txt"
    write_text(text)
    docx_path = folder / f"cv {PHONES[0]}.docx"
    write_docx(docx_path)
    pdf_path = folder / f"{STREETS[0].replace(' ', '_')}_{PHONES[1]}.pdf"
    write_pdf(pdf_path)
    (folder / f"{EMAILS[1]} broken.pdf").write_bytes(b"%PDF-1.7\nnot really a PDF\n")
    (folder / f"notes {PHONES[5]} {STREETS[1]}.xyz").write_text("not a document\n")
    posting = root / f"posting {EMAILS[2]}.txt"
    posting.write_text(POSTING, encoding="utf-8")
    thin = root / f"locum {PHONES[3].replace('/', '-')}.txt"
    thin.write_text(THIN_POSTING, encoding="utf-8")
    return Corpus(folder, (text, docx_path, pdf_path), posting, thin)


@pytest.fixture(scope="module")
def exempt() -> set[str]:
    """Pieces the tool prints from its own texts (rules, profile), whatever it checks."""
    from resumecheck.checks import all_rules
    from resumecheck.profiles import load_profile

    # Every rule, as SARIF describes each in its tool section.
    texts = [f"{r.name} {r.summary} {r.fix} {r.explanation}" for r in all_rules().values()]
    profile = load_profile("pain-medicine")
    texts += [" ".join((t.term, t.tip, *t.aliases, *t.acronyms)) for t in profile.terms]
    texts += [c.title for c in profile.categories]
    found: set[str] = set()
    for text in texts:
        found |= grams(text)
    return found


@dataclasses.dataclass(frozen=True)
class Run:
    args: list[str]
    #: The report file the run writes (None: standard output).
    report: Path | None = None
    #: What standard input holds.
    stdin: bytes | None = None


def _run(args: list[str], capfd: pytest.CaptureFixture[str], report: Path | None = None,
         stdin: bytes | None = None) -> str:
    saved = sys.stdin
    if stdin is not None:
        sys.stdin = io.TextIOWrapper(io.BytesIO(stdin))
    try:
        code = main(args)
    finally:
        sys.stdin = saved
    out, err = capfd.readouterr()
    assert code in (0, 1, 3), f"{args}: exit {code}\n{err[-2000:]}"
    text = out + err
    if report is not None:
        text += report.read_text(encoding="utf-8")
        report.unlink()
    return text


def _leaks(output: str, exempt: set[str]) -> dict[str, list[str]]:
    low = output.lower()
    found = {}
    for datum in DATA:
        pieces = sorted(g for g in grams(datum) - exempt if g in low)
        if pieces:
            found[datum] = pieces
    return found


def _commands(corpus: Corpus, tmp: Path) -> list[Run]:
    """Every command and format: a batch (with --job, --details, --verbose, two workers) in
    each format, written to a file and to stdout; the batch again without --details, in
    each --sort order, with --statistics, and against a posting too thin for a match rate;
    one document alone in each format (the HTML page then shows the document, annotated);
    a document and a posting from standard input; extract text and json of every document."""
    out = []
    job = ["--job", str(corpus.posting)]
    for i, fmt in enumerate(FORMATS):
        args = ["check", str(corpus.folder), "--format", fmt, "--jobs", "2", "--details",
                "--verbose", "--isolated", *job]
        if i % 2:
            out.append(Run(args))
        else:
            report = tmp / f"report.{fmt}"
            out.append(Run([*args, "--output", str(report)], report))
    for i, (fmt, sort) in enumerate((("text", "match"), ("markdown", "name"),
                                     ("html", "match"), ("csv", "name"), ("sarif", "score"))):
        args = ["check", str(corpus.folder), "--format", fmt, "--jobs", "2", "--isolated",
                "--sort", sort, "--statistics", *job]
        report = tmp / f"sorted.{fmt}"
        out.append(Run([*args, "--output", str(report)], report) if i % 2 else Run(args))
    out.append(Run(["check", str(corpus.folder), "--format", "text", "--details",
                    "--isolated", "--job", str(corpus.thin), "--fail-under", "90"]))
    for fmt in FORMATS:
        out.append(Run(["check", str(corpus.documents[1]), "--format", fmt, "--isolated",
                        "--details", "--statistics", *job]))
    out.append(Run(["check", str(corpus.documents[2]), "--format", "html", "--isolated",
                    "--fail-under", "95", *job]))
    out.append(Run(["check", "-", "--format", "markdown", "--isolated", "--details", *job],
                   stdin=corpus.documents[0].read_bytes()))
    out.append(Run(["check", str(corpus.documents[1]), "--format", "concise", "--isolated",
                    "--job", "-"], stdin=corpus.posting.read_bytes()))
    for document in corpus.documents:
        for fmt in ("text", "json"):
            out.append(Run(["extract", str(document), "--format", fmt]))
    return out


@pytest.mark.slow
def test_redact_leaks_no_piece_of_any_personal_datum(
        corpus: Corpus, exempt: set[str], tmp_path: Path,
        capfd: pytest.CaptureFixture[str]) -> None:
    for datum in DATA:  # the exemption leaves each datum well tested
        assert len(grams(datum) - exempt) >= len(grams(datum)) * 0.6, datum
    leaks = {}
    for run in _commands(corpus, tmp_path):
        found = _leaks(_run([*run.args, "--redact"], capfd, run.report, run.stdin), exempt)
        if found:
            leaks[" ".join(run.args)] = found
    assert leaks == {}


@pytest.mark.slow
def test_without_redact_the_same_runs_show_the_data(
        corpus: Corpus, exempt: set[str], tmp_path: Path,
        capfd: pytest.CaptureFixture[str]) -> None:
    """The control: every datum reaches the output of some run, and every run shows some."""
    seen: set[str] = set()
    for run in _commands(corpus, tmp_path):
        found = _leaks(_run(run.args, capfd, run.report, run.stdin), exempt)
        assert found, f"{run.args}: no personal data in the output even without --redact"
        seen |= set(found)
    assert seen == set(DATA)


def test_the_masks_stand_where_the_data_was(corpus: Corpus, tmp_path: Path,
                                             capfd: pytest.CaptureFixture[str]) -> None:
    """Redaction keeps the document readable: marks in place, the rest of the text intact."""
    copy = tmp_path / "cv.txt"
    shutil.copy(corpus.documents[0], copy)
    shown = _run(["extract", str(copy), "--redact"], capfd)
    assert "Jane Q. Doe, MD [email] | [email] | [phone] Mobile [phone] \u00b7 [phone]" in shown
    assert "home [address]; studio [address]; office [address]" in shown
    assert "Pain Medicine Fellowship, Northgate University Hospital, 2014." in shown
