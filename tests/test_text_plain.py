"""The text report drawn without Rich (no colour) is the same, byte for byte, as drawn with
Rich: word wrapping, rules, tables, whole reports and rankings, on ordinary and awkward
input (long words and paths, wide characters, tabs, control characters)."""

from __future__ import annotations

import dataclasses
import io
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from report_factory import make_report, realistic_report, results

import resumecheck
from resumecheck.errors import InputError
from resumecheck.formatters import plain
from resumecheck.formatters.base import RenderContext, render
from resumecheck.formatters.text import TextFormatter
from resumecheck.models import Failure, Finding, Kind, Location, Report, Severity
from resumecheck.verdict import Thresholds

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
#: Ordinary words and spaces, long words, wide characters, tabs, Rich-stripped controls.
TEXT = st.lists(st.sampled_from(
    list("abc de  fgh") + ["supercalifragilistic", "\u6f22\u5b57", "\t", "\n", "\r",
                           "\u00e9", "-", "/", "\u2014"]), max_size=120).map("".join)


def _console(width: int = 100):
    from rich.console import Console

    return Console(file=io.StringIO(), width=width, force_terminal=False, no_color=True,
                   color_system=None, highlight=False, emoji=False, markup=False,
                   legacy_windows=False)


def _printed(draw, width: int = 100) -> str:
    console = _console(width)
    draw(console)
    return console.file.getvalue()


@settings(max_examples=300, deadline=None)
@given(text=TEXT, width=st.integers(min_value=1, max_value=60),
       justify=st.sampled_from(["default", "left", "right", "center"]),
       overflow=st.sampled_from(["fold", "ellipsis"]))
def test_wrapping_is_rich_wrapping(text: str, width: int, justify: str, overflow: str) -> None:
    from rich.text import Text

    rich_lines = [line.plain for line in Text(text).wrap(
        _console(), width, justify=justify, overflow=overflow)]
    assert plain.wrap(plain.clean(text), width, justify=justify,
                      overflow=overflow) == rich_lines


@settings(max_examples=200, deadline=None)
@given(text=TEXT)
def test_printing_is_rich_printing(text: str) -> None:
    from rich.text import Text

    console = plain.PlainConsole(40)
    console.print(text)
    assert console.text() == _printed(lambda c: c.print(Text(text)), 40)


@settings(max_examples=200, deadline=None)
@given(title=TEXT, width=st.integers(min_value=1, max_value=120))
def test_a_rule_is_rich_rule(title: str, width: int) -> None:
    assert plain.rule(title, width) + "\n" == _printed(lambda c: c.rule(title), width)


CELL = st.lists(st.sampled_from(
    list("ab c") + ["/folder/applicant-0001.pdf", "\u6f22", "resume", "12.5", "\t"]),
    max_size=12).map("".join)


@settings(max_examples=200, deadline=None)
@given(rows=st.lists(st.lists(CELL, min_size=4, max_size=4), max_size=6),
       box=st.booleans(), width=st.integers(min_value=20, max_value=110),
       justify=st.lists(st.sampled_from(["left", "right"]), min_size=4, max_size=4),
       overflow=st.lists(st.sampled_from(["fold", "ellipsis"]), min_size=4, max_size=4),
       title=st.sampled_from([None, "Ranking"]))
def test_a_table_is_rich_table(rows, box, width, justify, overflow, title) -> None:
    from rich import box as boxes
    from rich.table import Table

    headers = ["#", "file", "kind", "missing req."]
    table = Table(show_edge=False, pad_edge=False, title=title, title_justify="left",
                  box=boxes.HEAVY_HEAD if box else None)
    for header, j, o in zip(headers, justify, overflow, strict=True):
        table.add_column(header, justify=j, overflow=o)
    for row in rows:
        table.add_row(*row)
    columns = [plain.Column(h, j, o) for h, j, o in zip(headers, justify, overflow,
                                                        strict=True)]
    ours = "".join(line + "\n" for line in plain.table(
        columns, rows, width, box=box, title=title, title_justify="left"))
    assert ours == _printed(lambda c: c.print(table), width)


def _both(outcomes, ctx: RenderContext) -> tuple[str, str]:
    ctx = dataclasses.replace(ctx, total=len(outcomes))
    fast = render(TextFormatter(ctx), results(outcomes, ctx))
    slow_formatter = TextFormatter(ctx)
    slow_formatter.plain_layout = False
    return fast, render(slow_formatter, results(outcomes, ctx))


AWKWARD = Finding(code="CONTENT001", severity=Severity.WARNING,
                  message='Heading "\u6f22\u5b57\tcol\rumn" ' + "word " * 40
                  + "x" * 130, fix="Fix it " * 30, location=Location(page=3, line=9))


@settings(max_examples=200, deadline=None)
@given(text=TEXT, indent=st.integers(min_value=0, max_value=15))
def test_a_hanging_line_is_drawn_as_with_rich(text: str, indent: int) -> None:
    from rich.text import Text

    from resumecheck.formatters.text import _hang

    console = plain.PlainConsole(40)
    console.hang(text, indent)
    assert console.text() == _printed(lambda c: _hang(c, Text(text), indent), 40)


@pytest.mark.parametrize("sort", ["score", "match", "name"])
@pytest.mark.parametrize("details", [True, False])
def test_reports_and_rankings_are_drawn_the_same(details: bool, sort: str) -> None:
    ctx = RenderContext(version="t", profile="pain-medicine", details=details,
                        thresholds=Thresholds(fail_under=70), sort=sort)
    long_path = "applicants/" + "very-long-folder-name/" * 6 + "curriculum vitae final.pdf"
    outcomes = [
        make_report("applicants/low.pdf", 54.0, job_rate=0.62),
        make_report(long_path, 88.4, missing_required=()),
        make_report("applicants/\u6f22\u5b57 cv.pdf", 88.4, findings=(AWKWARD,)),
        make_report("a" * 140 + ".pdf", 12.0),
        make_report("applicants/thin posting.pdf", 61.0,
                    no_rate="the posting names only 2 terms " + "x" * 90),
        make_report("applicants/letter.docx", 70.0, kind=Kind.COVER_LETTER, job_rate=0.8),
        realistic_report("applicants/realistic-1.pdf", 1),
        realistic_report("applicants/realistic-2.docx", 2, kind=Kind.COVER_LETTER),
        Failure("applicants/broken.pdf", "is not a PDF " + "(starts with 'GIF8') " * 8),
    ]
    fast, slow = _both(outcomes, ctx)
    assert fast == slow
    for one in outcomes:
        fast, slow = _both([one], ctx)
        assert fast == slow


@pytest.mark.parametrize("job", [None, "posting_interventional_pain.txt",
                                 "posting_pain_medicine_academic.txt"])
def test_checked_samples_are_drawn_the_same(job: str | None) -> None:
    def outcome(name: str) -> Report | Failure:
        try:
            return resumecheck.check(SAMPLES / name, job=str(SAMPLES / job) if job else None)
        except InputError as exc:  # the scan cannot be read well: shown as unreadable
            return Failure(exc.path, exc.reason)

    reports = [outcome(name) for name in ("cv_pain_medicine.pdf",
                                          "cover_letter_pain_medicine.docx", "cv_scanned.pdf")]
    assert isinstance(reports[-1], Failure)
    for details in (False, True):
        ctx = RenderContext(version="t", profile="pain-medicine", details=details,
                            thresholds=Thresholds(fail_under=80))
        for report in reports:
            fast, slow = _both([report], ctx)
            assert fast == slow
        fast, slow = _both(reports, ctx)
        assert fast == slow


def test_colour_still_goes_through_rich() -> None:
    ctx = RenderContext(version="t", profile="pain-medicine", color=True)
    text = render(TextFormatter(ctx), results([make_report("a.pdf")], ctx))
    assert "\x1b[" in text


WORDY = st.lists(st.sampled_from(["a", "bb", "ccc", " ", "  ", "d" * 12, "x" * 30, "-"]),
                 max_size=30).map("".join)


@settings(max_examples=500, deadline=None)
@given(text=WORDY, width=st.integers(min_value=1, max_value=40), fold=st.booleans())
def test_line_breaks_found_by_search_are_rich_line_breaks(text: str, width: int,
                                                          fold: bool) -> None:
    # The fast search for line breaks (two string searches a line) breaks where Rich's
    # word-by-word walk does, long words and runs of blanks included.
    from rich._wrap import divide_line

    assert list(plain._breaks_ascii(text, width, fold)) == divide_line(text, width, fold=fold)
