"""The calibration set: its labels, its documents, and their scores against the bands.

Shared by ``tests/test_calibration.py`` and ``benchmarks/bench_calibration.py``. The labels
are ``tests/data/calibration/bands.toml``; the documents are the text files beside it and
the DOCX/PDF files that :mod:`tests.calibration.build` makes. A document is scored the way
a user would run it: the built-in profile, no posting, the kind detected from the file.
"""

from __future__ import annotations

import json
import math
import os
import statistics
import subprocess
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .build import BINARIES, DATA, REPO, build_all

LABELS = DATA / "bands.toml"
DOC = REPO / "docs" / "calibration.md"
BEGIN = "<!-- BEGIN calibration table: python benchmarks/bench_calibration.py --write-doc -->"
END = "<!-- END calibration table -->"

_BAND_KEYS = {"range", "title", "meaning"}
_DOCUMENT_KEYS = {"file", "band", "range", "route", "setting", "stage", "format", "why"}
#: The formats a document of the set may have; the suffix says which reader it exercises.
_SUFFIXES = (".txt", ".md", ".docx", ".pdf")


@dataclass(frozen=True)
class Band:
    id: str
    low: float
    high: float
    title: str
    meaning: str


@dataclass(frozen=True)
class Labelled:
    """One document of the set and the band it belongs in."""

    file: str
    band: str
    low: float
    high: float
    route: str
    setting: str
    stage: str
    format: str
    why: str


@dataclass(frozen=True)
class Labels:
    bands: dict[str, Band]
    documents: tuple[Labelled, ...]


@dataclass(frozen=True)
class Measured:
    """One document's score against its band."""

    doc: Labelled
    score: float
    kind: str
    #: Category id -> share of its points found (0..1), in profile order.
    categories: tuple[tuple[str, float], ...] = ()

    @property
    def in_band(self) -> bool:
        return self.doc.low <= self.score <= self.doc.high


def _range(value: Any) -> tuple[float, float] | None:
    if (isinstance(value, list) and len(value) == 2
            and all(isinstance(v, int | float) and not isinstance(v, bool) for v in value)
            and all(math.isfinite(v) for v in value)
            and 0 <= value[0] < value[1] <= 100):
        return float(value[0]), float(value[1])
    return None


def _checked(value: Any) -> tuple[float, float]:
    checked = _range(value)
    assert checked is not None, "problems() accepted a bad range"
    return checked


def problems(raw: dict[str, Any]) -> list[str]:
    """Everything wrong with a parsed labels file, as readable lines (empty when fine)."""
    out: list[str] = []
    if set(raw) != {"bands", "documents"}:
        out.append(f"top-level keys must be bands and documents, not {sorted(raw)}")
    bands = raw.get("bands", {})
    if not isinstance(bands, dict) or not bands:
        return [*out, "no [bands.*] tables"]
    for band_id, band in sorted(bands.items()):
        if not isinstance(band, dict) or set(band) != _BAND_KEYS:
            out.append(f"bands.{band_id}: keys must be {sorted(_BAND_KEYS)}")
            continue
        if _range(band["range"]) is None:
            out.append(f"bands.{band_id}: range must be [low, high] with 0 <= low < high <= 100")
        for key in ("title", "meaning"):
            if not isinstance(band[key], str) or not band[key].strip():
                out.append(f"bands.{band_id}: {key} must be a non-empty string")
    documents = raw.get("documents", [])
    if not isinstance(documents, list) or not documents:
        return [*out, "no [[documents]] tables"]
    seen: set[str] = set()
    for i, doc in enumerate(documents):
        where = f"documents[{i}]"
        if not isinstance(doc, dict) or set(doc) != _DOCUMENT_KEYS:
            out.append(f"{where}: keys must be {sorted(_DOCUMENT_KEYS)}")
            continue
        name = doc["file"]
        where = f"documents[{i}] ({name})"
        if not isinstance(name, str) or Path(name).name != name or not name.endswith(_SUFFIXES):
            out.append(f"{where}: file must be a bare file name ending in {_SUFFIXES}")
            continue
        if name in seen:
            out.append(f"{where}: labelled twice")
        seen.add(name)
        if name in BINARIES:
            if (DATA / name).exists():
                out.append(f"{where}: both built by tests/calibration/build.py and committed")
        elif not (DATA / name).is_file():
            out.append(f"{where}: no such file in {DATA.relative_to(REPO)} and not built")
        band = bands.get(doc["band"])
        if not isinstance(band, dict):
            out.append(f"{where}: unknown band {doc['band']!r}")
        elif _range(doc["range"]) is None or doc["range"] != band.get("range"):
            out.append(f"{where}: range {doc['range']} is not band {doc['band']}'s "
                       f"{band.get('range')}")
        for key in ("route", "setting", "stage", "format", "why"):
            value = doc[key]
            if not isinstance(value, str) or not value.strip() or "\n" in value:
                out.append(f"{where}: {key} must be one non-empty line")
    for name in sorted(set(BINARIES) - seen):
        out.append(f"{name}: built by tests/calibration/build.py but not labelled")
    for path in sorted(DATA.iterdir()):
        if path.is_file() and path.suffix in _SUFFIXES and path.name not in seen:
            out.append(f"{path.name}: in the calibration folder but not labelled")
    return out


def load_labels(path: Path = LABELS) -> Labels:
    """Read and check the labels; a problem raises ``ValueError`` listing them all."""
    raw = tomllib.loads(path.read_text(encoding="utf-8"))
    found = problems(raw)
    if found:
        raise ValueError(f"{path}: " + "; ".join(found))
    bands = {}
    for band_id, b in raw["bands"].items():
        low, high = _checked(b["range"])
        bands[band_id] = Band(band_id, low, high, b["title"], b["meaning"])
    documents = []
    for d in raw["documents"]:
        low, high = _checked(d["range"])
        documents.append(Labelled(d["file"], d["band"], low, high, d["route"], d["setting"],
                                  d["stage"], d["format"], d["why"]))
    return Labels(bands, tuple(documents))


def document_paths(labels: Labels, build_dir: Path) -> dict[str, Path]:
    """File name -> path for every labelled document, building the binaries into
    ``build_dir``."""
    built = build_all(build_dir)
    return {d.file: built.get(d.file, DATA / d.file) for d in labels.documents}


def measure_library(labels: Labels, paths: dict[str, Path]) -> list[Measured]:
    """Score every document with :func:`resumecheck.check`, in label order."""
    import resumecheck

    out = []
    for doc in labels.documents:
        report = resumecheck.check(paths[doc.file])
        cats = tuple((c.id, c.found / c.possible if c.possible else 0.0)
                     for c in report.score.categories)
        out.append(Measured(doc, report.score.value, report.kind.value, cats))
    return out


def measure_cli(labels: Labels, paths: dict[str, Path], jobs: int = 2) -> list[Measured]:
    """Score every document through the command line, one batch run, JSON output."""
    files = [str(paths[d.file]) for d in labels.documents]
    proc = subprocess.run(
        [sys.executable, "-m", "resumecheck", "check", *files, "--format", "json",
         "--jobs", str(jobs)],
        capture_output=True, text=True, cwd=REPO, env={**os.environ, "NO_COLOR": "1"},
        check=False,
    )
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"resumecheck exited {proc.returncode}: {proc.stderr[-2000:]}")
    by_path = {(REPO / r["path"]).resolve(): r for r in json.loads(proc.stdout)["reports"]}
    out = []
    for doc in labels.documents:
        report = by_path[paths[doc.file].resolve()]
        if report["status"] != "ok":
            raise RuntimeError(f"{doc.file}: {report.get('reason', report['status'])}")
        cats = tuple((c["id"], c["found"] / c["possible"] if c["possible"] else 0.0)
                     for c in report["score"]["categories"])
        out.append(Measured(doc, report["score"]["value"], report["kind"], cats))
    return out


def _band_range(low: float, high: float) -> str:
    return f"{low:g}\u2013{high:g}"


def summary(labels: Labels, rows: list[Measured]) -> list[tuple[Band, int, int, float, float,
                                                                 float]]:
    """Per band, in label order: (band, documents, in band, min, median, max score)."""
    out = []
    for band in labels.bands.values():
        scores = [r.score for r in rows if r.doc.band == band.id]
        if scores:
            inside = sum(1 for r in rows if r.doc.band == band.id and r.in_band)
            out.append((band, len(scores), inside, min(scores), statistics.median(scores),
                        max(scores)))
    return out


def render_markdown(labels: Labels, rows: list[Measured]) -> str:
    """What docs/calibration.md shows between its markers: the bands and what each means,
    every document's score, a summary per band, and each category's share per band."""
    lines = ["### The bands", "",
             "| band | expected | what it means to a reader |", "|---|---|---|"]
    for band in labels.bands.values():
        lines.append(f"| {band.id} | {_band_range(band.low, band.high)} | **{band.title}.** "
                     f"{band.meaning} |")
    lines += ["", "### Every document", "",
              "| document | route | band | expected | score | in band |",
             "|---|---|---|---|---:|---|"]
    for r in rows:
        lines.append(f"| `{r.doc.file}` | {r.doc.route} | {r.doc.band} | "
                     f"{_band_range(r.doc.low, r.doc.high)} | {r.score:.1f} | "
                     f"{'yes' if r.in_band else '**no**'} |")
    lines += ["", "### Per band", "",
              "| band | expected | documents | in band | lowest | median | highest |",
              "|---|---|---:|---:|---:|---:|---:|"]
    for band, n, inside, low, median, high in summary(labels, rows):
        lines.append(f"| {band.id} | {_band_range(band.low, band.high)} | {n} | {inside} | "
                     f"{low:.1f} | {median:.1f} | {high:.1f} |")
    lines += ["", "### Where the points are", "",
              "The mean share of each category that a band's documents fill (1.00 = the "
              "category is full; see docs/profiles.md, \"How the score is computed\").", "",
              category_table(labels, rows)]
    return "\n".join(lines)


def category_table(labels: Labels, rows: list[Measured]) -> str:
    """Per category (rows) and band (columns): the mean share of the category's points the
    band's documents found. Where the points are lost is where calibrating starts."""
    bands = [b for b in labels.bands.values() if any(r.doc.band == b.id for r in rows)]
    categories: list[str] = []
    for r in rows:
        categories += [cid for cid, _ in r.categories if cid not in categories]
    lines = ["| category | " + " | ".join(b.id for b in bands) + " |",
             "|---|" + "---:|" * len(bands)]
    for cid in categories:
        cells = []
        for band in bands:
            shares = [dict(r.categories).get(cid, 0.0) for r in rows if r.doc.band == band.id]
            cells.append(f"{sum(shares) / len(shares):.2f}")
        lines.append(f"| {cid} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def render_text(labels: Labels, rows: list[Measured], categories: bool = False) -> str:
    """The benchmark's terminal table (and, with ``categories``, each category's share)."""
    width = max(len(r.doc.file) for r in rows)
    lines = [f"{'document':<{width}}  {'band':<9} {'expected':>8} {'score':>6}  in band  kind"]
    for r in rows:
        lines.append(f"{r.doc.file:<{width}}  {r.doc.band:<9} "
                     f"{f'{r.doc.low:g}-{r.doc.high:g}':>8} {r.score:6.1f}  "
                     f"{'yes' if r.in_band else 'NO':<7}  {r.kind}")
        if categories:
            lines.append(" " * 4 + " ".join(f"{cid}={share:.2f}" for cid, share in r.categories))
    lines += ["", f"{'band':<9} {'expected':>8} {'docs':>5} {'in band':>8} {'lowest':>7} "
              f"{'median':>7} {'highest':>8}"]
    for band, n, inside, low, median, high in summary(labels, rows):
        lines.append(f"{band.id:<9} {f'{band.low:g}-{band.high:g}':>8} {n:5d} {inside:8d} "
                     f"{low:7.1f} {median:7.1f} {high:8.1f}")
    if categories:
        lines += ["", "mean share of each category's points, per band:", "",
                  category_table(labels, rows).rstrip("\n")]
    total = sum(1 for r in rows if r.in_band)
    lines.append(f"\n{total} of {len(rows)} documents in their band")
    return "\n".join(lines) + "\n"


def doc_with_table(doc_text: str, table: str) -> str:
    """``doc_text`` with the generated table between its markers replaced by ``table``."""
    start, end = doc_text.index(BEGIN) + len(BEGIN), doc_text.index(END)
    return doc_text[:start] + "\n\n" + table + "\n" + doc_text[end:]
