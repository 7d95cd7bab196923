"""One document through the whole flow: read, match, score, check -> Report."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from resumecheck.api import CheckOptions
from resumecheck.checks import CheckContext, run_checks
from resumecheck.kinds import classify
from resumecheck.matching import TermMatcher
from resumecheck.models import Document, DocumentSummary, Match, Report, TermResult
from resumecheck.nlp import get_pipeline
from resumecheck.preflight import display_path
from resumecheck.profiles import load_profile
from resumecheck.readers import read_document
from resumecheck.rules import selected
from resumecheck.scoring import compute_score

if TYPE_CHECKING:  # pragma: no cover
    from resumecheck.profiles import Profile

_MATCHERS: dict[tuple[int, str | None], tuple[object, TermMatcher]] = {}


def get_matcher(profile: Profile, model: str | None) -> TermMatcher:
    """The matcher of ``profile``, built once per process and pipeline."""
    key = (id(profile), model)
    cached = _MATCHERS.get(key)
    if cached is None or cached[0] is not profile:
        cached = (profile, TermMatcher(profile, get_pipeline(model)))
        _MATCHERS[key] = cached
    return cached[1]


def prepare(options: CheckOptions, *, strict: bool = False) -> None:
    """Per-process set-up (pipeline, profile, patterns, the job posting) so the first file
    pays nothing extra. ``strict`` raises an unreadable posting's error here; otherwise
    run_check reports it."""
    profile = load_profile(options.profile)
    matcher = get_matcher(profile, options.model)
    if options.job:
        from resumecheck.errors import InputError
        from resumecheck.job import load_posting

        try:
            load_posting(options.job, profile, matcher, limits=options.limits)
        except InputError:
            if strict:
                raise


_RESUMES: dict[tuple, tuple[Document, dict[str, tuple[Match, ...]]]] = {}


def _load_resume(path: str, options: CheckOptions, matcher: TermMatcher
                 ) -> tuple[Document, dict[str, tuple[Match, ...]]]:
    """The ``--resume`` a cover letter is compared with, read and matched once per process."""
    import os

    from resumecheck.errors import InputError

    try:
        st = os.stat(path)
    except OSError as exc:
        raise InputError(path, f"resume cannot be read ({exc.strerror})") from None
    key = (os.path.realpath(path), st.st_size, st.st_mtime_ns, id(matcher))
    if key not in _RESUMES:
        try:
            resume = read_document(path, limits=options.limits, password=options.password)
        except InputError as exc:
            raise InputError(exc.path or path, f"resume {exc.reason}") from None
        if len(_RESUMES) >= 4:
            _RESUMES.pop(next(iter(_RESUMES)))
        _RESUMES[key] = (resume, matcher.find(resume))
    return _RESUMES[key]


def read_for_check(path: str | Path, options: CheckOptions) -> Document:
    """Stage one of a check: the document as its reader sees it."""
    return read_document(path, limits=options.limits, password=options.password)


def run_check(path: Path, options: CheckOptions, profile: Profile | None = None,
              document: Document | None = None) -> Report:
    """Check ``path``; ``document`` is its content when it was already read elsewhere."""
    profile = profile if profile is not None else load_profile(options.profile)
    matcher = get_matcher(profile, options.model)
    if document is None:
        document = read_for_check(path, options)
    kind, kind_reason = classify(document, options.kind)
    doc = matcher.pipeline.make_doc(document.text)
    matches = matcher.find(document, doc)
    results = tuple(
        TermResult(
            id=t.id,
            term=t.term,
            category=t.category,
            level=t.level,
            weight=t.weight,
            tip=t.tip,
            matches=matches.get(t.id, ()),
        )
        for t in profile.for_kind(kind)
    )
    score = compute_score(profile, results)
    extra: dict[str, object] = {"matches": matches}
    job_match = None
    if options.job:
        from resumecheck.job import load_posting, match_job

        posting = load_posting(options.job, profile, matcher, limits=options.limits)
        job_match = match_job(posting, matches, document, matcher.pipeline, doc=doc)
        extra["posting"] = posting
    resume = None
    if options.resume:
        resume, extra["resume_matches"] = _load_resume(options.resume, options, matcher)
    ctx = CheckContext(document=document, kind=kind, profile=profile, terms=results, doc=doc,
                       job=job_match, resume=resume, extra=extra)
    findings = sorted(
        (f for f in run_checks(ctx) if selected(f.code, options.select, options.ignore)),
        key=lambda f: f.sort_key(),
    )
    return Report(
        path=display_path(path),
        kind=kind,
        kind_reason=kind_reason,
        profile=profile.name,
        profile_version=profile.version,
        document=DocumentSummary(
            format=document.format,
            pages=document.page_count,
            blocks=len(document.blocks),
            words=document.word_count,
        ),
        score=score,
        terms=results,
        findings=tuple(findings),
        job=job_match,
    )
