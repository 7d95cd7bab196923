"""What a reader acts on: the first screen, each fact once, honest gains, the same advice in
every format (resumecheck/actions.py and the formatters that print it)."""

from __future__ import annotations

import dataclasses
import json
import os
import re
from collections import Counter
from pathlib import Path

import pytest
from checking import check, checker
from report_factory import make_report, show

import resumecheck.actions as actions_module
from resumecheck.actions import FIRST_SCREEN, RESTATED_CODES, plan, rank
from resumecheck.cli import main
from resumecheck.formatters.base import RenderContext
from resumecheck.models import Action, ActionKind, Finding, Level, Location, Severity
from resumecheck.options import CheckOptions

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
CV_PDF = SAMPLES / "cv_pain_medicine.pdf"
POSTING = SAMPLES / "posting_interventional_pain.txt"
CTX = RenderContext(version="test", profile="pain-medicine")
WITH_JOB = CheckOptions(job=str(POSTING))


def _cli(args: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    before = Path.cwd()
    os.chdir(ROOT)  # the quick start runs from the repository, with relative paths
    try:
        main(args)
    finally:
        os.chdir(before)
    return capsys.readouterr().out


@pytest.fixture(scope="module")
def quick_start() -> dict:
    """The quick-start command's report, as JSON (the facts the text must show)."""
    report = check(CV_PDF, WITH_JOB)
    return {"report": report, "plan": plan(report)}


def _section(text: str, heading: str) -> list[str]:
    """The lines under ``heading`` up to the next blank line."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(heading))
    out = []
    for line in lines[start + 1:]:
        if not line.strip():
            break
        out.append(line)
    return out


# --------------------------------------------------------------------------- the first screen


def test_quick_start_answers_how_am_i_doing_and_what_first_in_80_lines(
    capsys: pytest.CaptureFixture[str], quick_start: dict
) -> None:
    out = _cli(["check", "samples/cv_pain_medicine.pdf", "--job",
                "samples/posting_interventional_pain.txt"], capsys)
    lines = out.splitlines()
    assert len(lines) <= 80, len(lines)
    report = quick_start["report"]
    head = "\n".join(lines[:8])
    assert re.search(rf"Score {report.score.value:.1f} / 100: (strong|fair|weak) match "
                     r"\(75\+ is a strong match\)", head)
    assert f"Match rate {report.job.match_rate:.1f}%" in head
    first = _section(out, "What to change first")
    numbered = [line for line in first if re.match(r"  \d\. ", line)]
    assert 1 <= len(numbered) <= FIRST_SCREEN
    assert [int(line.split(".")[0]) for line in numbered] == list(range(1, len(numbered) + 1))
    assert lines.index("What to change first") < 10
    # Each action says what it gains and where to make it.
    for action, line in zip(quick_start["plan"].first, numbered, strict=True):
        assert action.title in out
        gains = [g for g in (f"+{action.score_gain:.1f} points" if action.score_gain else "",
                             f"+{action.match_gain:.1f} match" if action.match_gain else "") if g]
        assert all(g in line for g in gains), (line, gains)
        assert action.where and f"Where: {action.where}." in out.replace("\n     ", " ")


def test_details_shows_everything_for_one_file(capsys: pytest.CaptureFixture[str],
                                              quick_start: dict) -> None:
    short = _cli(["check", str(CV_PDF), "--job", str(POSTING)], capsys)
    full = _cli(["check", str(CV_PDF), "--job", str(POSTING), "--details"], capsys)
    report = quick_start["report"]
    flat = " ".join(full.split())
    assert "Found terms" not in short and "Found terms" in full
    for t in report.terms:
        assert t.term in flat, t.term
        if not t.found and t.tip:
            assert " ".join(t.tip.split()) in flat, t.tip
    for f in report.findings:
        if f.code not in RESTATED_CODES:
            assert " ".join(f.message.split()) in flat and " ".join(f.fix.split()) in flat


def test_each_fact_appears_once(capsys: pytest.CaptureFixture[str], quick_start: dict) -> None:
    report = quick_start["report"]
    for details in ([], ["--details"]):
        out = _cli(["check", str(CV_PDF), "--job", str(POSTING), *details], capsys)
        flat = " ".join(out.split())
        # A missing posting term is listed once: as an action or in the posting list.
        listed = [a.term for a in quick_start["plan"].first if a.posting_sentence]
        for line in _section(out, "Posting terms still missing"):
            if line.startswith("  - "):
                names = line[4:].split(" (+")[0].split(":")[0]
                listed += [n.strip() for n in names.split(";")]
        missing = [t.posting.text for t in report.job.missing
                   if not (t.posting.term_id and not _applies(report, t.posting.term_id))]
        assert Counter(listed) == Counter(missing)
        # ... with its posting sentence, quoted once however many terms it asks for.
        for jt in report.job.missing:
            assert flat.count(f'"{jt.posting.sentence}"') == 1, jt.posting.sentence
        # The findings that restate a missing term are not printed again.
        assert not re.search(r"\b(J101|J102|K101)\b", out)
    # Every found term's places are listed once each.
    full = _cli(["check", str(CV_PDF), "--job", str(POSTING), "--details"], capsys)
    for line in _section(full, "Found terms"):
        if line.startswith("  + "):
            places = line.split("  ")[-1].split("; ")
            assert len(places) == len(set(places)), line
    assert "p.1 line 41, licensure; p.1 line 41, licensure" not in full


def _applies(report, term_id: str) -> bool:
    return any(t.id == term_id for t in report.terms)


def test_found_terms_are_summarised_per_category_unless_details(
    capsys: pytest.CaptureFixture[str], quick_start: dict
) -> None:
    out = _cli(["check", str(CV_PDF), "--job", str(POSTING)], capsys)
    table = _section(out, "Score by category")
    for c in quick_start["report"].score.categories:
        row = next(line for line in table if line.strip().startswith(c.title))
        assert f"{c.terms_found}/{c.terms_total}" in row


# --------------------------------------------------------------------------- honest gains


def test_a_gain_is_what_the_report_shows_after_the_change(tmp_path: Path) -> None:
    """Write the document as text, add one suggested term, check again: the score and the
    match rate move by exactly the gain the action promised."""
    document = checker(WITH_JOB).read(CV_PDF)
    base_text = "\n".join(b.text for b in document.blocks) + "\n"
    cv = tmp_path / "cv.txt"
    cv.write_text(base_text, encoding="utf-8")
    before = checker(WITH_JOB).check_path(cv)
    candidates = [a for a in actions_module.candidates(before)
                  if a.kind == ActionKind.ADD_TERM][:12]
    checked = 0
    for a in candidates:
        cv.write_text(base_text + f"Also: {a.term}.\n", encoding="utf-8")
        after = checker(WITH_JOB).check_path(cv)
        newly = {t.id for t in after.terms if t.found} - {t.id for t in before.terms if t.found}
        if newly != {a.term_id}:
            continue  # its wording also found another term: the gain is not alone
        checked += 1
        assert round(after.score.value - before.score.value, 1) == a.score_gain, a.term
        assert round(after.job.match_rate - before.job.match_rate, 1) == a.match_gain, a.term
    assert checked >= 5


def test_posting_phrase_gain_is_the_match_rate_change(tmp_path: Path) -> None:
    document = checker(WITH_JOB).read(CV_PDF)
    base_text = "\n".join(b.text for b in document.blocks) + "\n"
    cv = tmp_path / "cv.txt"
    cv.write_text(base_text, encoding="utf-8")
    before = checker(WITH_JOB).check_path(cv)
    phrase = next(a for a in actions_module.candidates(before)
                  if a.kind == ActionKind.ADD_POSTING_TERM and a.code == "J102")
    cv.write_text(base_text + f"Also: {phrase.term}.\n", encoding="utf-8")
    after = checker(WITH_JOB).check_path(cv)
    assert phrase.match_gain > 0
    assert round(after.job.match_rate - before.job.match_rate, 1) == phrase.match_gain
    assert after.score.value == before.score.value == round(before.score.value, 1)


def test_the_recount_is_the_reports_own_score(quick_start: dict) -> None:
    report = quick_start["report"]
    gains = actions_module.ScoreGains(report)
    assert gains._base == report.score.value
    assert all(gains(t) == 0.0 for t in report.terms if t.found)
    assert all(gains(t) > 0 for t in report.terms if not t.found)


# --------------------------------------------------------------------------- ranking


def _action(title: str, *, gain: float = 0.0, severity: Severity | None = None,
            level: Level | None = None) -> Action:
    kind = ActionKind.FIX_FINDING if severity is not None else ActionKind.ADD_TERM
    return Action(kind=kind, title=title, advice="", where="", score_gain=gain,
                  severity=severity, level=level)


def test_errors_first_then_big_gains_then_warnings_then_small_gains_then_the_rest() -> None:
    given = [
        _action("info", severity=Severity.INFO),
        _action("small", gain=0.4, level=Level.BONUS),
        _action("warning", severity=Severity.WARNING),
        _action("big", gain=2.5, level=Level.PREFERRED),
        _action("bigger", gain=3.0, level=Level.BONUS),
        _action("error", severity=Severity.ERROR),
        _action("tie required", gain=2.5, level=Level.REQUIRED),
    ]
    assert [a.title for a in rank(given)] == [
        "error", "bigger", "tie required", "big", "warning", "small", "info"]


def test_a_document_that_cannot_be_read_is_told_so_first() -> None:
    report = check(SAMPLES / "cv_scanned.pdf")
    first = plan(report).first[0]
    assert first.severity == Severity.ERROR and first.code == "P101"
    assert first.advice  # what to do about it


def test_a_finding_shown_as_an_action_is_not_listed_again() -> None:
    error = Finding("P101", Severity.ERROR, "The page has no text layer.", "Export again.",
                    Location(page=1))
    report = make_report("cv.pdf", 40.0, findings=(error,))
    p = plan(report)
    assert p.first[0].title == error.message and error not in p.findings
    text = show("text", [report], CTX)
    assert text.count("The page has no text layer.") == 1


# --------------------------------------------------------------------------- one place


def test_band_wording_lives_in_one_place(monkeypatch: pytest.MonkeyPatch) -> None:
    report = make_report("cv.pdf", 72.0)
    assert "72.0 / 100: fair match (75+ is a strong match)" in show("text", [report], CTX)
    monkeypatch.setattr(actions_module, "BANDS", (
        actions_module.Band(70.0, "good fit"), actions_module.Band(0.0, "poor fit")))
    for fmt in ("text", "markdown", "html"):
        out = show(fmt, [report], CTX)
        assert "good fit" in out and "70+ is a good fit" in out, fmt
    doc = json.loads(show("json", [report], CTX))
    assert doc["reports"][0]["band"] == {"label": "good fit", "minimum": 70.0,
                                         "target": "70+ is a good fit"}


def test_every_format_gives_the_same_actions_in_the_same_order(quick_start: dict) -> None:
    report = quick_start["report"]
    titles = [a.title for a in quick_start["plan"].first]
    doc = json.loads(show("json", [report], CTX))
    assert [a["title"] for a in doc["reports"][0]["actions"]] == titles
    md = show("markdown", [report], CTX)
    md_items = [line for line in md.splitlines() if re.match(r"\d\. \*\*", line)]
    assert [re.match(r"\d\. \*\*(.+?)\*\*", line).group(1) for line in md_items] == titles
    page = show("html", [report], CTX)
    ol = page.split('<ol class="actions">', 1)[1].split("</ol>", 1)[0]
    html_titles = re.findall(r"<li><strong>(.+?)</strong>", ol)
    assert [t.replace("&quot;", '"') for t in html_titles] == titles
    text = show("text", [report], CTX)
    assert [line.split(". ", 1)[1].split("  (")[0] for line in text.splitlines()
            if re.match(r"  \d\. ", line)] == titles


def test_markdown_and_html_follow_the_text_order(quick_start: dict) -> None:
    report = quick_start["report"]
    order = ["What to change first", "Findings", "Posting terms still missing",
             "Profile terms still missing", "Score by category"]
    for fmt in ("text", "markdown", "html"):
        out = show(fmt, [report], dataclasses.replace(CTX, details=True))
        # One file's page shows each finding at its place in the document as read.
        headings = [h if not (fmt == "html" and h == "Findings") else "The document as read"
                    for h in order]
        positions = [out.index(heading) for heading in headings]
        assert positions == sorted(positions), fmt
