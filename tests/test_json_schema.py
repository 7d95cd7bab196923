"""The JSON report matches its written schema (docs/json-schema.md, docs/job-matching.md)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from resumecheck.cli import main

ROOT = Path(__file__).resolve().parents[1]
DOC = (ROOT / "docs" / "json-schema.md").read_text(encoding="utf-8")
JOB_DOC = (ROOT / "docs" / "job-matching.md").read_text(encoding="utf-8")


def sections(text: str) -> dict[str, str]:
    """Heading (without #s and backticks) -> the text under it."""
    out: dict[str, str] = {}
    parts = re.split(r"^#{2,3} (.+)$", text, flags=re.MULTILINE)
    for title, body in zip(parts[1::2], parts[2::2], strict=True):
        out[title.replace("`", "").strip()] = body
    return out


def table_keys(body: str) -> set[str]:
    """Keys named in the first column of the section's table."""
    return set(re.findall(r"^\| `([a-z_]+)`", body, flags=re.MULTILINE))


def named(body: str) -> set[str]:
    return set(re.findall(r"`([a-z_]+)`", body))


@pytest.fixture(scope="module")
def output(tmp_path_factory: pytest.TempPathFactory) -> dict:
    bad = tmp_path_factory.mktemp("in") / "broken.pdf"
    bad.write_bytes(b"%PDF-1.4\n%%EOF garbage")
    args = ["check", str(ROOT / "samples" / "cv_pain_medicine.docx"), str(bad), "--job",
            str(ROOT / "samples" / "posting_interventional_pain.txt"), "--format", "json"]
    import contextlib
    import io

    buf = io.StringIO()
    with contextlib.redirect_stdout(buf), contextlib.redirect_stderr(io.StringIO()):
        main(args)
    return json.loads(buf.getvalue())


def test_top_level_keys_are_the_documented_ones(output: dict) -> None:
    s = sections(DOC)
    assert set(output) == table_keys(s["Top level"])
    assert output["schema"] == "resumecheck.report/1"


def test_report_and_failure_objects(output: dict) -> None:
    s = sections(DOC)
    report, failure = (next(r for r in output["reports"] if r["status"] == st)
                       for st in ("ok", "unreadable"))
    assert set(report) == table_keys(s["Report object (a file that was read)"])
    assert set(failure) == table_keys(s["Failure object (a file that could not be checked)"])


def test_nested_objects_only_use_documented_keys(output: dict) -> None:
    s = sections(DOC)
    report = next(r for r in output["reports"] if r["status"] == "ok")
    assert set(report["score"]) <= named(s["Report object (a file that was read)"]) | {
        "value", "categories"}
    for cat in report["score"]["categories"]:
        assert set(cat) <= named(s["score.categories[]"])
    term = next(t for t in report["terms"] if t["matches"])
    assert set(term) - {"matches"} <= named(s["terms[]"])
    for m in term["matches"]:
        assert set(m) <= named(s["terms[]"])
        assert set(m["location"]) <= named(s["location"])
    assert report["findings"], "the sample has findings"
    for f in report["findings"]:
        assert set(f) <= named(s["findings[]"])


def test_job_section_uses_documented_keys(output: dict) -> None:
    report = next(r for r in output["reports"] if r["status"] == "ok")
    job = report["job"]
    documented = named(JOB_DOC) | set(re.findall(r'"([a-z_]+)":', JOB_DOC))
    assert set(job) <= documented
    for t in job["terms"]:
        assert set(t) <= documented
    for a in job["advice"]:
        assert set(a) <= documented


def test_output_has_sorted_keys_and_no_timestamps(output: dict) -> None:
    text = json.dumps(output, sort_keys=True, indent=2, ensure_ascii=False)
    assert not re.search(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}", text)


def test_band_and_actions_use_documented_keys(output: dict) -> None:
    s = sections(DOC)
    report = next(r for r in output["reports"] if r["status"] == "ok")
    assert set(report["band"]) == {"label", "minimum", "target"}
    assert set(report["band"]) <= named(s["Report object (a file that was read)"])
    assert report["band"]["target"] == "75+ is a strong match"
    actions = report["actions"]
    assert 1 <= len(actions) <= 5
    documented = named(s["actions[]"])
    kinds = {"add-term", "add-posting-term", "fix-finding"}
    for a in actions:
        assert set(a) <= documented, set(a) - documented
        assert a["kind"] in kinds
        if a["location"] is not None:
            assert set(a["location"]) <= named(s["location"])

    def tier(a: dict) -> tuple[int, float]:
        gain = a["score_gain"] + a["match_gain"]
        if a["severity"] == "error":
            return (0, 0.0)
        if gain >= 1:
            return (1, -gain)
        if a["severity"] == "warning":
            return (2, 0.0)
        return (3, -gain) if gain > 0 else (4, 0.0)

    assert [tier(a) for a in actions] == sorted(tier(a) for a in actions)
    assert all(a["where"] for a in actions if a["kind"] != "fix-finding")
