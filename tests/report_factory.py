"""Builds realistic Report records by hand, so formatter tests need no reader or spaCy."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from resumecheck.formatters.base import RenderContext, render
from resumecheck.formatters.registry import OutputFormat
from resumecheck.models import (
    CategoryScore,
    DocumentSummary,
    Finding,
    JobMatch,
    Kind,
    Level,
    Location,
    Match,
    Origin,
    Outcome,
    Report,
    Score,
    Severity,
    TermResult,
)
from resumecheck.verdict import FileResult, judge


def results(outcomes: Sequence[Outcome], ctx: RenderContext) -> list[FileResult]:
    """Outcomes with the verdicts the run would give them."""
    return [FileResult(o, judge(o, ctx.thresholds)) for o in outcomes]


def show(fmt: str, outcomes: Sequence[Outcome], ctx: RenderContext) -> str:
    """The report ``fmt`` writes for ``outcomes`` (a run of exactly these files)."""
    ctx = dataclasses.replace(ctx, total=len(outcomes))
    return render(OutputFormat(fmt).formatter(ctx), results(outcomes, ctx))


CATEGORIES = (
    ("training", "Training & Certification"),
    ("procedures", "Interventional Procedures"),
    ("research", "Research & Publications"),
)


def make_report(
    path: str,
    score: float = 72.5,
    *,
    missing_required: tuple[str, ...] = ("Board Certification",),
    findings: tuple[Finding, ...] | None = None,
    job_rate: float | None = None,
    no_rate: str | None = None,
    kind: Kind = Kind.RESUME,
) -> Report:
    """A resume report for ``path`` with three categories, found and missing terms.

    ``job_rate``: checked against a posting with this match rate; ``no_rate``: against a
    posting too thin for one (the note says why)."""
    found_loc = Location(page=1, line=12, section="procedures", origin=Origin.BODY, block=7)
    terms = [
        TermResult(
            id="rfa",
            term="Radiofrequency Ablation",
            category="procedures",
            level=Level.REQUIRED,
            weight=3.0,
            tip="Name the ablations you perform and how many.",
            matches=(
                Match(
                    term_id="rfa",
                    surface="radiofrequency ablation",
                    start=120,
                    end=143,
                    location=found_loc,
                    sentence="Performed 300 radiofrequency ablation procedures yearly.",
                ),
            ),
        ),
        TermResult(
            id="publications",
            term="Publications",
            category="research",
            level=Level.PREFERRED,
            weight=1.0,
            tip="List peer-reviewed papers.",
        ),
    ]
    for i, wording in enumerate(missing_required):
        terms.append(
            TermResult(
                id=f"req{i}",
                term=wording,
                category="training",
                level=Level.REQUIRED,
                weight=3.0,
                tip=f"State your {wording.lower()} plainly.",
            )
        )
    categories = tuple(
        CategoryScore(
            id=cid,
            title=title,
            weight=1.0 + i,
            found=float((int(score) + 10 * i) % 11),
            possible=10.0,
            terms_found=(int(score) + i) % 5,
            terms_total=5,
        )
        for i, (cid, title) in enumerate(CATEGORIES)
    )
    if findings is None:
        findings = (
            Finding(
                code="KW001",
                severity=Severity.ERROR,
                message=f"Required term missing: {missing_required[0]}"
                if missing_required
                else "Required term missing",
                fix="Add it to your certification section.",
            ),
            Finding(
                code="PARSE003",
                severity=Severity.WARNING,
                message="Contact details sit only in the page header",
                fix="Repeat them in the body.",
                location=Location(page=1, line=1, origin=Origin.HEADER, block=0),
            ),
            Finding(
                code="CONTENT002",
                severity=Severity.INFO,
                message="Few quantified outcomes",
                location=Location(page=2, line=4, section="experience", block=30),
            ),
        )
    return Report(
        path=path,
        kind=kind,
        kind_reason="has resume sections",
        profile="pain-medicine",
        profile_version="1.0",
        document=DocumentSummary(format="pdf", pages=2, blocks=40, words=650),
        score=Score(value=score, categories=categories),
        terms=tuple(terms),
        findings=tuple(findings),
        job=JobMatch("posting.txt", None, None, False, job_rate, ())
        if job_rate is not None else
        JobMatch("posting.txt", None, None, False, None, (), note=no_rate)
        if no_rate is not None else None,
    )
