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


# --------------------------------------------------------------------------- realistic reports

#: Sections of a physician's CV as the readers label them, with the kind of lines under each.
_SECTIONS = (
    ("summary", "PROFESSIONAL SUMMARY", 2),
    ("education", "EDUCATION", 2),
    ("residency", "RESIDENCY", 2),
    ("fellowship", "FELLOWSHIP", 2),
    ("board_certification", "BOARD CERTIFICATION", 2),
    ("licensure", "LICENSURE", 2),
    ("experience", "CLINICAL EXPERIENCE", 14),
    ("procedures", "PROCEDURES", 3),
    ("publications", "PUBLICATIONS", 8),
    ("memberships", "PROFESSIONAL MEMBERSHIPS", 2),
    ("skills", "SKILLS", 3),
)
_WORDS = ("managed", "patients", "with", "chronic", "spine", "pain", "through", "targeted",
          "injections", "and", "reduced", "opioid", "doses", "by", "30%", "across", "clinic",
          "teams", "led", "weekly", "case", "reviews", "for", "residents", "fellows")
_REAL_CATEGORIES = ("training", "certification", "procedures", "medications", "diagnostics",
                    "conditions", "collaboration", "patient-care", "academic", "organisations",
                    "technology", "subspecialties", "practice")


def realistic_report(path: str, seed: int = 0, *, kind: Kind = Kind.RESUME) -> Report:
    """A report the size of a real two-page CV checked against a posting: about 900 words in
    60 blocks, 120 profile terms (two thirds found, with their places), 10 findings and 39
    posting terms (14 missing, each with its posting sentence). ``seed`` varies it."""
    from resumecheck.models import Block, JobTerm, PostingTerm
    from resumecheck.scoring import compute_score

    blocks: list[Block] = []
    for section, title, lines in _SECTIONS:
        page = 1 if len(blocks) < 30 else 2
        blocks.append(Block(title, page=page, line=len(blocks) + 1, section=section,
                            section_title=title, is_heading=True))
        for k in range(lines):
            n = 12 + (seed + k * 7 + len(blocks)) % 14
            words = [_WORDS[(seed + k + i * 3 + len(blocks)) % len(_WORDS)] for i in range(n)]
            blocks.append(Block("- " + " ".join(words).capitalize() + ".", page=page,
                                line=len(blocks) + 1, section=section, section_title=title))
    starts, pos = [], 0
    for b in blocks:
        starts.append(pos)
        pos += len(b.text) + 1
    terms: list[TermResult] = []
    for i in range(120):
        level = (Level.REQUIRED, Level.PREFERRED, Level.PREFERRED, Level.BONUS)[i % 4]
        matches: tuple[Match, ...] = ()
        if (i + seed) % 3:
            where = 1 + (i * 5 + seed) % (len(blocks) - 1)
            if blocks[where].is_heading:
                where += 1
            b = blocks[where]
            word = b.text.split()[1]
            start = starts[where] + b.text.index(word)
            loc = Location(page=b.page, line=b.line, section=b.section, origin=Origin.BODY,
                           block=where)
            matches = tuple(Match(f"t{i}", word, start, start + len(word), loc, b.text[:120])
                            for _ in range(1 + i % 3))
        terms.append(TermResult(
            id=f"t{i}", term=f"clinical term number {i}", category=_REAL_CATEGORIES[i % 13],
            level=level, weight=1.0 + (i % 3) * 0.5,
            tip=f"Name clinical term number {i} where it is true of you, with a number.",
            matches=matches))

    class _Profile:
        categories = tuple(CategoryScore(c, c.replace("-", " ").title(), 1.0 + (j % 3), 0, 0,
                                         0, 0) for j, c in enumerate(_REAL_CATEGORIES))

    score = compute_score(_Profile(), terms)  # type: ignore[arg-type]
    findings = []
    for j in range(10):
        b = 1 + (j * 6 + seed) % (len(blocks) - 1)
        findings.append(Finding(
            code=("K105", "P103", "K102", "K102", "K103", "K103", "K103", "Q101", "S110",
                  "J104")[j],
            severity=Severity.WARNING if j < 2 else Severity.INFO,
            message=f'"clinical term number {j}" is never written out in full in block {b}.',
            fix=f'Write "clinical term number {j} (CTN{j})" once where you first use it.',
            location=Location(page=blocks[b].page, line=blocks[b].line,
                              section=blocks[b].section, block=b)))
    job_terms = []
    for j in range(39):
        sentence = (f"Experience with posting requirement {j // 2} in a busy outpatient "
                    "practice, including the procedures and follow-up it needs.")
        profile = j < 14
        pt = PostingTerm(text=f"posting term {j}", source="profile" if profile else "posting",
                         term_id=f"t{j * 3}" if profile else None, weight=2.0 if profile else 1.0,
                         count=1, score=1.0, section="Requirements", line=10 + j // 2,
                         sentence=sentence, wording=f"posting term {j}")
        found = (j + seed) % 8 > 2
        job_terms.append(JobTerm(pt, found, ()))
    total = sum(t.posting.weight for t in job_terms)
    rate = round(100 * sum(t.posting.weight for t in job_terms if t.found) / total, 1)
    job = JobMatch("posting.txt", "Pain Medicine Physician", "Example Health", True, rate,
                   tuple(sorted(job_terms, key=lambda t: t.found)))
    return Report(
        path=path, kind=kind, kind_reason="has resume sections", profile="pain-medicine",
        profile_version="1.0.0",
        document=DocumentSummary(format="pdf", pages=2, blocks=len(blocks),
                                 words=sum(len(b.text.split()) for b in blocks)),
        score=score, terms=tuple(terms), findings=tuple(findings), job=job,
        blocks=tuple(blocks))
