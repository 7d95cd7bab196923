"""The batch formats: parsed back with standard parsers, and checked for what CI and
recruiters rely on (unique names, ranking, escaping, no external references)."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest
from report_factory import make_report, results, show

from resumecheck.formatters.base import RenderContext
from resumecheck.formatters.github import escape_data, escape_property
from resumecheck.formatters.json_format import result_dict
from resumecheck.formatters.registry import OutputFormat
from resumecheck.models import Failure, Finding, Location, Severity
from resumecheck.verdict import Thresholds

CTX = RenderContext(version="0.1.0", profile="pain-medicine",
                    thresholds=Thresholds(fail_under=70))
BATCH_FORMATS = [f for f in OutputFormat if f not in (OutputFormat.TEXT, OutputFormat.JSON)]


def batch() -> list:
    hostile = Finding(
        code="CONTENT001",
        severity=Severity.WARNING,
        message='Heading "<script>alert(1)</script>" looks odd, 100% sure: check',
        location=Location(page=1, line=9),
    )
    return [
        make_report("applicants/low.pdf", 54.0, job_rate=0.62),
        make_report("applicants/high.docx", 88.4, missing_required=()),
        make_report("applicants/<b>tie</b>.pdf", 88.4, findings=(hostile,)),
        Failure("applicants/broken.pdf", "is not a PDF (starts with 'GIF8')"),
    ]


def test_jsonl_is_one_sorted_compact_object_per_file_in_input_order() -> None:
    outcomes = batch()
    text = show("jsonl", outcomes, CTX)
    lines = text.splitlines()
    assert [json.loads(line) for line in lines] == [result_dict(r) for r in results(outcomes, CTX)]
    assert lines[3] == (
        '{"passed":false,"path":"applicants/broken.pdf",'
        '"reason":"is not a PDF (starts with \'GIF8\')","status":"unreadable"}'
    )
    streamed = "".join(OutputFormat.JSONL.formatter(CTX).add(r) for r in results(outcomes, CTX))
    assert streamed == text


def test_csv_ranks_best_first_with_shared_ranks_and_failures_last() -> None:
    rows = list(csv.DictReader(io.StringIO(show("csv", batch(), CTX))))
    assert [r["path"] for r in rows] == [
        "applicants/<b>tie</b>.pdf",
        "applicants/high.docx",
        "applicants/low.pdf",
        "applicants/broken.pdf",
    ]
    assert [r["rank"] for r in rows] == ["1", "1", "3", ""]
    assert [r["status"] for r in rows] == ["ok", "ok", "below-threshold", "unreadable"]
    assert rows[2]["match_rate"] == "0.62" and rows[0]["match_rate"] == ""
    assert rows[2]["missing_required"] == "Board Certification"
    assert rows[3]["reason"] == "is not a PDF (starts with 'GIF8')"
    assert (rows[2]["errors"], rows[2]["warnings"], rows[2]["infos"]) == ("1", "1", "1")


def test_csv_defuses_spreadsheet_formulas_in_file_names() -> None:
    text = show("csv", [Failure("=HYPERLINK(1)", "is empty")], CTX)
    assert list(csv.reader(io.StringIO(text)))[1][1] == "'=HYPERLINK(1)"


def test_junit_cases_fail_below_threshold_and_error_when_unreadable() -> None:
    outcomes = batch() + [Failure("applicants/low.pdf", "listed twice")]
    root = ET.fromstring(show("junit", outcomes, CTX))
    suite = root.find("testsuite")
    assert suite is not None
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("5", "1", "2")
    cases = suite.findall("testcase")
    names = [c.get("name") for c in cases]
    assert len(set(names)) == len(names) == 5
    low = cases[0]
    failure = low.find("failure")
    assert failure is not None and failure.get("message") == "score 54.0 is below 70"
    assert "Board Certification" in (failure.text or "")
    assert "KW001" in (failure.text or "")
    error = cases[3].find("error")
    assert error is not None and error.get("message") == "is not a PDF (starts with 'GIF8')"
    assert cases[1].find("failure") is None and cases[1].find("error") is None


def test_junit_survives_control_characters_in_names() -> None:
    text = show("junit", [Failure("cv\x01.pdf", "bad\x00byte")], CTX)
    case = ET.fromstring(text).find("testsuite/testcase")
    assert case is not None and case.get("name") == "cv\ufffd.pdf"


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs += attrs

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_html_is_self_contained_and_escaped() -> None:
    page = show("html", batch(), CTX)
    parsed = _Collector()
    parsed.feed(page)
    assert "http://" not in page and "https://" not in page
    assert not [a for a, _ in parsed.attrs if a == "src"]
    assert not [v for a, v in parsed.attrs if a == "href" and not (v or "").startswith("#")]
    # One script (the table's sorting and filtering), allowed by its hash; nothing injected.
    assert parsed.tags.count("script") == 1 and "b" not in parsed.tags
    assert not [a for a, _ in parsed.attrs if a == "style" or a.startswith("on")]
    assert parsed.tags.count("meter") == 3 * 3  # one bar per category of each readable file
    text = "".join(parsed.text)
    assert '"<script>alert(1)</script>"' in text
    assert "applicants/<b>tie</b>.pdf" in text
    assert "is not a PDF (starts with 'GIF8')" in text
    assert show("html", batch(), CTX) == page


def test_markdown_ranks_then_explains_each_file() -> None:
    text = show("markdown", batch(), CTX)
    table = [line for line in text.splitlines() if line.startswith("| ") and ".pdf" in line]
    assert table[0].startswith("| 1 | applicants/\\<b\\>tie\\</b\\>.pdf |")
    assert "| 3 | applicants/low.pdf | resume | 54.0 | 0.62 | 1 | below-threshold |" in text
    assert "## applicants/low.pdf" in text
    assert "**Below threshold:** score 54.0 is below 70" in text
    assert '**Add "Board Certification"** (+' in text
    assert "State your board certification plainly." in text
    assert "**Unreadable:** is not a PDF (starts with 'GIF8')" in text
    assert "<script>" not in text


def test_github_annotations_are_escaped_per_the_runner_rules() -> None:
    lines = show("github", batch(), CTX).splitlines()
    assert "::error file=applicants/low.pdf::score 54.0 is below 70" in lines
    assert (
        "::error file=applicants/broken.pdf::is not a PDF (starts with 'GIF8')" in lines
    )
    assert (
        "::warning file=applicants/<b>tie</b>.pdf,line=9,title=CONTENT001::"
        "Heading \"<script>alert(1)</script>\" looks odd, 100%25 sure: check"
    ) in lines
    assert (
        "::warning file=applicants/low.pdf,line=1,title=PARSE003::"
        "Contact details sit only in the page header%0ARepeat them in the body."
    ) in lines
    assert escape_property("a,b:c%\n") == "a%2Cb%3Ac%25%0A"
    assert escape_data("a,b:c\r") == "a,b:c%0D"


@pytest.mark.parametrize("fmt", BATCH_FORMATS)
def test_every_format_handles_one_file_and_no_files(fmt: OutputFormat) -> None:
    one = show(fmt, [make_report("cv.pdf", 75.0)], CTX)
    assert "cv.pdf" in one
    show(fmt, [], CTX)  # an empty folder still gives a valid, empty report


def test_junit_and_html_of_an_empty_run_parse() -> None:
    root = ET.fromstring(show("junit", [], CTX))
    assert root.get("tests") == "0"
    assert "<h2>Resumes (0)</h2>" in show("html", [], CTX)


def test_every_format_shows_the_match_rate_when_a_posting_is_given() -> None:
    from pathlib import Path

    import resumecheck
    from resumecheck.formatters.registry import OutputFormat

    samples = Path(__file__).resolve().parents[1] / "samples"
    report = resumecheck.check(samples / "cv_pain_medicine.docx",
                               job=str(samples / "posting_interventional_pain.txt"))
    rate = f"{report.job.match_rate:.1f}"
    for fmt in OutputFormat:
        assert rate in show(fmt, [report], CTX), fmt


def test_streamed_json_is_the_same_document_json_dumps_would_write() -> None:
    import json as _json

    from resumecheck.formatters.json_format import SCHEMA, dumps

    for outcomes in (batch(), batch()[:1], []):
        text = show("json", outcomes, CTX)
        doc = _json.loads(text)
        assert doc["schema"] == SCHEMA
        assert doc["reports"] == [result_dict(r) for r in results(outcomes, CTX)]
        assert doc["summary"]["files"] == len(outcomes)
        assert text == dumps(doc) + "\n"


NOTE = "only 2 terms could be drawn from the posting, fewer than the 5 a match rate needs"


def _postings_batch() -> list:
    return [
        make_report("a/alpha.pdf", 90.0, job_rate=40.0),
        make_report("a/beta.pdf", 60.0, job_rate=80.0),
        make_report("a/gamma.pdf", 75.0, job_rate=80.0),
        make_report("a/delta.pdf", 95.0, no_rate=NOTE),
        Failure("a/broken.pdf", "is not a PDF"),
    ]


@pytest.mark.parametrize(("sort", "order", "ranks"), [
    ("score", ["delta", "alpha", "gamma", "beta", "broken"], ["1", "2", "3", "4", ""]),
    ("match", ["gamma", "beta", "alpha", "delta", "broken"], ["1", "1", "3", "4", ""]),
    ("name", ["alpha", "beta", "delta", "gamma", "broken"], ["1", "2", "3", "4", ""]),
])
def test_every_ranking_format_sorts_by_score_match_rate_or_name(sort, order, ranks) -> None:
    import dataclasses

    ctx = dataclasses.replace(CTX, sort=sort)
    outcomes = _postings_batch()
    rows = list(csv.DictReader(io.StringIO(show("csv", outcomes, ctx))))
    assert [r["path"].split("/")[1].split(".")[0] for r in rows] == order
    assert [r["rank"] for r in rows] == ranks
    for fmt in ("text", "markdown", "html"):
        out = show(fmt, outcomes, ctx)
        at = [out.index(f"a/{name}.pdf") for name in order]
        assert at == sorted(at), (fmt, sort)


def test_no_match_rate_is_said_in_every_format_and_never_a_number() -> None:
    outcomes = [make_report("a/delta.pdf", 95.0, no_rate=NOTE)]
    data = json.loads(show("json", outcomes, CTX))
    job = data["reports"][0]["job"]
    assert job["match_rate"] is None and job["note"] == NOTE
    for fmt in ("text", "markdown", "html"):
        said = " ".join(show(fmt, outcomes, CTX).split())
        assert f"Match rate n/a ({NOTE}) against the posting" in said, fmt
    for fmt in ("github", "junit"):
        assert "no match rate against the posting" in show(fmt, outcomes, CTX), fmt
    row = next(csv.DictReader(io.StringIO(show("csv", outcomes, CTX))))
    assert row["match_rate"] == ""
    two = outcomes + [make_report("a/other.pdf", 50.0)]
    assert " n/a " in show("text", two, CTX)  # the ranking's match column


def test_fail_under_never_passes_a_document_without_a_match_rate() -> None:
    from resumecheck.verdict import Status, Thresholds, judge

    report = make_report("a/delta.pdf", 95.0, no_rate=NOTE)
    verdict = judge(report, Thresholds(fail_under=10))
    assert verdict.status == Status.BELOW_THRESHOLD and verdict.no_rate
    assert verdict.reasons == (f"no match rate against the posting: {NOTE}",)
    assert judge(report, Thresholds()).status == Status.OK
    assert judge(make_report("a/x.pdf", 95.0, job_rate=3.0),
                 Thresholds(fail_under=10)).status == Status.OK
