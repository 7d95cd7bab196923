"""The adversarial claims suite: load its cases and build each one into a real file.

Each ``tests/claims/<class>.toml`` holds one class of the matching issue: ``class`` and
``description`` at the top, then ``[[case]]`` tables. A case is a short document written
the way physicians, residents and recruiters write, with the profile terms that must be
found and those that must not be:

- ``id`` (unique in its file), ``text`` (plain text; the default ``format = "text"``);
- ``format = "docx"`` or ``"pdf"`` with ``parts`` instead of ``text``: a list of
  ``{ p = "...", heading = true, hidden = "white" | "tiny" | "vanish" }`` paragraphs and
  ``{ row = ["cell", ...] }`` table rows (consecutive rows form one table);
- ``must_find`` / ``must_not_find``: term ids of the built-in profile;
- optional ``kind`` (``resume`` or ``cover-letter``), ``findings`` (codes the full check
  must report), ``no_findings`` (codes it must not report), ``max_score``, and
  ``requires``: a reader capability the case depends on ("docx-hidden": the DOCX reader
  marks hidden runs; that belongs to the structure issue). Such a case is reported as
  waiting, not run, while the readers lack the capability.

The benchmark (benchmarks/bench_accuracy.py) and the tests (tests/test_claims_suite.py)
both build the files here, so they run the same documents through the real readers.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
CASE_KEYS = {"id", "text", "format", "parts", "must_find", "must_not_find", "kind",
             "findings", "no_findings", "max_score", "note", "requires"}
#: What a case may need of the readers, and how to tell whether they have it.
CAPABILITIES = ("docx-hidden",)


@dataclass(frozen=True)
class Case:
    klass: str
    id: str
    format: str
    text: str
    parts: tuple[dict[str, Any], ...]
    must_find: tuple[str, ...]
    must_not_find: tuple[str, ...]
    kind: str = "resume"
    findings: tuple[str, ...] = ()
    no_findings: tuple[str, ...] = ()
    max_score: float | None = None
    note: str = ""
    #: A reader capability the case depends on (see :func:`missing_capability`).
    requires: str = ""
    source: str = field(default="", compare=False)

    @property
    def name(self) -> str:
        return f"{self.klass}/{self.id}"


def load_cases(directory: Path = HERE) -> list[Case]:
    """Every case of every class file, in file then case order."""
    cases: list[Case] = []
    for path in sorted(directory.glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        klass = data["class"]
        for raw in data["case"]:
            unknown = set(raw) - CASE_KEYS
            if unknown:
                raise ValueError(f"{path.name}: case {raw.get('id')}: unknown keys {unknown}")
            fmt = raw.get("format", "text")
            cases.append(Case(
                klass=klass,
                id=raw["id"],
                format=fmt,
                text=raw.get("text", ""),
                parts=tuple(raw.get("parts", ())),
                must_find=tuple(raw.get("must_find", ())),
                must_not_find=tuple(raw.get("must_not_find", ())),
                kind=raw.get("kind", "resume"),
                findings=tuple(raw.get("findings", ())),
                no_findings=tuple(raw.get("no_findings", ())),
                max_score=raw.get("max_score"),
                note=raw.get("note", ""),
                requires=raw.get("requires", ""),
                source=path.name,
            ))
    return cases


def missing_capability(case: Case, directory: Path) -> str | None:
    """Why ``case`` cannot be judged with today's readers, or None."""
    if not case.requires:
        return None
    if case.requires not in CAPABILITIES:
        raise ValueError(f"{case.name}: unknown requirement {case.requires!r}")
    if not _docx_marks_hidden(directory):
        return "the DOCX reader does not mark hidden runs yet (structure issue)"
    return None


_PROBED: dict[str, bool] = {}


def _docx_marks_hidden(directory: Path) -> bool:
    if "docx-hidden" not in _PROBED:
        from resumecheck.readers import read_document

        probe = Case(klass="probe", id="hidden", format="docx", text="",
                     parts=({"p": "Visible words."}, {"p": "Hidden words.", "hidden": "vanish"}),
                     must_find=(), must_not_find=())
        document = read_document(build(probe, directory))
        _PROBED["docx-hidden"] = any(b.hidden for b in document.blocks)
    return _PROBED["docx-hidden"]


def build(case: Case, directory: Path) -> Path:
    """Write ``case`` as a file in ``directory`` and return its path."""
    stem = f"{case.klass}--{case.id}"
    if case.format == "text":
        path = directory / f"{stem}.txt"
        path.write_text(case.text, encoding="utf-8")
        return path
    if case.format == "docx":
        return _build_docx(case, directory / f"{stem}.docx")
    if case.format == "pdf":
        return _build_pdf(case, directory / f"{stem}.pdf")
    raise ValueError(f"{case.name}: unknown format {case.format!r}")


def _build_docx(case: Case, path: Path) -> Path:
    import docx
    from docx.shared import Pt, RGBColor

    document = docx.Document()
    table = None
    for part in case.parts:
        if "row" in part:
            cells = part["row"]
            if table is None:
                table = document.add_table(rows=0, cols=len(cells))
            row = table.add_row()
            for cell, text in zip(row.cells, cells, strict=True):
                cell.text = text
            continue
        table = None
        if part.get("heading"):
            document.add_heading(part["p"], level=1)
            continue
        paragraph = document.add_paragraph()
        run = paragraph.add_run(part["p"])
        hidden = part.get("hidden")
        if hidden == "vanish":
            run.font.hidden = True
        elif hidden == "white":
            run.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
        elif hidden == "tiny":
            run.font.size = Pt(1)
    document.save(str(path))
    return path


def _build_pdf(case: Case, path: Path) -> Path:
    import fpdf

    pdf = fpdf.FPDF(unit="pt", format="Letter")
    pdf.set_auto_page_break(False)
    pdf.add_page()
    y = 60.0
    for part in case.parts:
        if "row" in part:
            x = 60.0
            pdf.set_font("Helvetica", size=10)
            pdf.set_text_color(0, 0, 0)
            for cell in part["row"]:
                pdf.text(x, y, cell)
                x += 170
            y += 18
            continue
        hidden = part.get("hidden")
        size = 1 if hidden == "tiny" else (13 if part.get("heading") else 10)
        pdf.set_font("Helvetica", style="B" if part.get("heading") else "", size=size)
        colour = (255, 255, 255) if hidden == "white" else (0, 0, 0)
        pdf.set_text_color(*colour)
        pdf.text(60, y, part["p"])
        y += 24 if part.get("heading") else 18
    pdf.output(str(path))
    return path
