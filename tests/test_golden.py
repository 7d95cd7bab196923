"""Golden outputs: every sample's extract and check reports, byte for byte.

After an intended change, regenerate with ``RESUMECHECK_REGEN_GOLDEN=1 python -m pytest
tests/test_golden.py`` and review the diff.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from resumecheck.cli import main

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "golden"
REGEN = os.environ.get("RESUMECHECK_REGEN_GOLDEN") == "1"
SAMPLES = sorted(p.name for p in (ROOT / "samples").iterdir()
                 if p.suffix in (".pdf", ".docx") or p.name.startswith("posting_"))
CVS = ["cv_pain_medicine.docx", "cv_pain_medicine.pdf", "cv_pain_medicine_two_column.pdf"]
POSTINGS = sorted(p.name for p in (ROOT / "samples").glob("posting_*.txt"))


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    os.chdir(ROOT)  # report paths are the relative paths given
    main(args)
    return capsys.readouterr().out


def _compare(name: str, actual: str) -> None:
    path = GOLDEN / name
    if REGEN:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
        return
    assert path.exists(), f"missing golden file {name}; regenerate with RESUMECHECK_REGEN_GOLDEN=1"
    assert actual == path.read_text(encoding="utf-8"), f"{name} differs from the golden file"


@pytest.fixture(autouse=True)
def _keep_cwd():
    before = Path.cwd()
    yield
    os.chdir(before)


@pytest.mark.parametrize("sample", SAMPLES)
def test_extract_json(sample: str, capsys: pytest.CaptureFixture[str]) -> None:
    _compare(f"extract/{sample}.json",
             _run(["extract", f"samples/{sample}", "--format", "json"], capsys))


@pytest.mark.parametrize("fmt", ["text", "json"])
@pytest.mark.parametrize("sample", [s for s in SAMPLES if not s.startswith("posting_")])
def test_check_report(sample: str, fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    _compare(f"check/{sample}.{fmt}", _run(["check", f"samples/{sample}", "--format", fmt],
                                            capsys))


@pytest.mark.parametrize("posting", POSTINGS)
@pytest.mark.parametrize("cv", CVS)
def test_check_against_posting(cv: str, posting: str, capsys: pytest.CaptureFixture[str]) -> None:
    out = _run(["check", f"samples/{cv}", "--job", f"samples/{posting}", "--format", "json"],
               capsys)
    _compare(f"job/{cv}--{posting}.json", out)


def test_docx_and_pdf_twins_score_within_two_points(capsys: pytest.CaptureFixture[str]) -> None:
    scores = {}
    for cv in CVS:
        out = _run(["check", f"samples/{cv}", "--format", "json"], capsys)
        scores[cv] = json.loads(out)["reports"][0]["score"]["value"]
    assert max(scores.values()) - min(scores.values()) <= 2.0, scores


def test_another_profession_scores_near_zero_without_false_matches(
    corpus_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for pdf in sorted((corpus_dir / "resumes").glob("*.pdf")):
        report = json.loads(_run(["check", str(pdf), "--format", "json"], capsys))["reports"][0]
        found = [(t["term"], [m["surface"] for m in t["matches"]])
                 for t in report["terms"] if t["found"]]
        assert found == [], (pdf.name, found)
        assert report["score"]["value"] < 5
