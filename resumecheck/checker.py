"""The checker: everything one process needs to check documents, built once.

A :class:`Checker` holds the profile, the spaCy pipeline, the profile's patterns, the
analysed job posting and the companion resume, each loaded once per process. The one-file
run, every batch worker (forked from the process that built it), the library call and the
tests all check a document through :meth:`Checker.check`.
"""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from resumecheck.errors import InputError, ProfileError, ResumecheckError
from resumecheck.limits import NO_CAPS, Caps, memory_reason, timeout_reason
from resumecheck.models import (
    Companion,
    Document,
    DocumentSummary,
    Finding,
    Posting,
    Report,
    TermResult,
)
from resumecheck.options import CheckOptions

if TYPE_CHECKING:  # pragma: no cover
    from resumecheck.conventions import Conventions
    from resumecheck.jobmatch import JobMatcher
    from resumecheck.matching import TermMatcher
    from resumecheck.nlp import Pipeline
    from resumecheck.profiles import Profile


def read_for_check(path: str | Path, options: CheckOptions, data: bytes | None = None
                   ) -> Document:
    """A document as its reader sees it (the step a capped child process runs), its
    personal data marked, and masked with ``--redact``.

    ``data``: the bytes of a document that is not a file (standard input), ``path`` its
    name in reports; they pass the same size checks as a file's bytes.
    """
    from resumecheck.redact import prepare

    if data is not None:
        from resumecheck.preflight import check_bytes
        from resumecheck.readers import read_bytes

        name = str(path)
        document = read_bytes(check_bytes(data, name, options.limits), name,
                              limits=options.limits, password=options.password)
        return prepare(document, redact=options.redact)
    from resumecheck.readers import read_document

    document = read_document(path, limits=options.limits, password=options.password)
    return prepare(document, redact=options.redact)


#: A document of several pages from which fewer words than this were read is unreadable
#: in effect (a scan with a stray text line, a PDF of outlined text).
MIN_WORDS_OF_PAGES = 50
#: Glyphs that read as nothing (unmapped, icon-font, replacement characters), when at least
#: this many of them outnumber the letters read.
MIN_GARBAGE = 20
#: What to do about a document that cannot be read well, said once with the reason.
_WHAT_TO_DO = ("export it again from the word processor as PDF or DOCX, or run OCR (text "
               "recognition) on it, and check the new file")


def illegible(document: Document) -> str | None:
    """Why ``document`` cannot be read well enough to check, or None when it can.

    The one place this is decided (docs/ARCHITECTURE.md): no text a reader can see; no page
    with a text layer (a scan, or glyphs without character mappings); mostly garbage
    glyphs; or fewer than :data:`MIN_WORDS_OF_PAGES` words from several pages. Such a
    document is a file that could not be read (status unreadable, exit 3), with one reason
    that says what to do, never a report that scores it 0 and lists every missing term.
    """
    visible = [b.text for b in document.blocks if not b.hidden]
    words = sum(len(t.split()) for t in visible)
    pages = document.pages
    if pages and not any(p.has_text_layer for p in pages):
        what = ("its page has no text layer" if len(pages) == 1 else
                f"none of its {len(pages)} pages has a text layer")
        return f"cannot be read well: {what} (a scan or a picture of text); {_WHAT_TO_DO}"
    letters = sum(1 for t in visible for c in t if c.isalpha())
    garbage = sum(1 for t in visible for c in t
                  if c == "\ufffd" or "\ue000" <= c <= "\uf8ff")
    garbage += sum(n.count for n in document.notes
                   if n.kind in ("cid_glyphs", "private_use_glyphs"))
    if garbage >= MIN_GARBAGE and garbage > letters:
        return (f"cannot be read well: {garbage} of its characters are glyphs with no text "
                f"behind them, against {letters} letters; {_WHAT_TO_DO}")
    if words == 0:
        return f"cannot be read well: no text a reader can see was found; {_WHAT_TO_DO}"
    if len(pages) >= 2 and words < MIN_WORDS_OF_PAGES:
        return (f"cannot be read well: only {words} words were read from its {len(pages)} "
                f"pages; {_WHAT_TO_DO}")
    return None


def read_posting(path: str | Path, options: CheckOptions, data: bytes | None = None
                 ) -> Document:
    """The ``--job`` posting; an unreadable one is named as the posting."""
    return _read_companion(path, options, "job posting", data)


def read_resume(path: str | Path, options: CheckOptions, data: bytes | None = None
                ) -> Document:
    """The ``--resume`` a cover letter is compared with; named as the resume when unreadable."""
    return _read_companion(path, options, "resume", data)


def _read_companion(path: str | Path, options: CheckOptions, role: str,
                    data: bytes | None = None) -> Document:
    from resumecheck.preflight import display_path

    try:
        document = read_for_check(path, options, data)
    except InputError as exc:
        raise InputError(exc.path or display_path(path), f"{role} {exc.reason}") from None
    if role == "job posting" and not document.text.strip():
        raise InputError(document.path, "job posting has no text")
    # A companion that cannot be read well stops the run with that one reason: checking a
    # letter against an empty resume would report "the resume never mentions" every claim.
    reason = illegible(document)
    if reason is not None:
        raise InputError(document.path, f"{role} {reason}")
    return document


class Checker:
    """Checks documents against one profile (and posting, and companion resume)."""

    def __init__(self, options: CheckOptions, profile: Profile, pipeline: Pipeline,
                 matcher: TermMatcher, posting: Posting | None = None,
                 resume: Companion | None = None) -> None:
        self.options = options
        self.profile = profile
        self.pipeline = pipeline
        self.matcher = matcher
        self.posting = posting
        self.resume = resume
        #: The ``--job`` and ``--resume`` documents it was built from, so that a worker
        #: that cannot be forked builds the same checker without reading them again
        #: (standard input cannot be read twice).
        self.companions: dict[str, Document] = {}
        self.job_matcher: JobMatcher | None = None
        if posting is not None:
            from resumecheck.jobmatch import JobMatcher

            self.job_matcher = JobMatcher(posting, matcher)

    @classmethod
    def build(cls, options: CheckOptions, *, profile: Profile | None = None,
              posting: Document | None = None, resume: Document | None = None,
              caps: Caps = NO_CAPS) -> Checker:
        """Load everything a check needs, once.

        ``posting`` and ``resume`` are the ``--job`` and ``--resume`` documents when the
        caller has already read them (the command line reads them in a capped child
        process); otherwise they are read here. Building the patterns and analysing the
        posting run under ``caps``; running out of either is blamed on the right file.
        """
        from resumecheck.matching import TermMatcher
        from resumecheck.nlp import load_pipeline
        from resumecheck.profiles import load_profile
        from resumecheck.redact import prepare

        profile = profile if profile is not None else load_profile(options.profile)
        pipeline = load_pipeline(options.model)
        with _capped(profile.source, "keyword profile", caps, ProfileError):
            matcher = TermMatcher(profile, pipeline)
        analysis = None
        if options.job:
            from resumecheck.posting import analyze_posting

            document = posting if posting is not None else read_posting(options.job, options)
            with _capped(document.path, "job posting", caps, InputError):
                document = prepare(document, redact=options.redact)
                analysis = analyze_posting(document, profile, matcher)
        companion = None
        if options.resume:
            document = resume if resume is not None else read_resume(options.resume, options)
            with _capped(document.path, "resume", caps, InputError):
                document = prepare(document, redact=options.redact)
                companion = Companion(document, matcher.find(document))
        checker = cls(options, profile, pipeline, matcher, analysis, companion)
        if posting is not None:
            checker.companions["posting"] = posting
        if resume is not None:
            checker.companions["resume"] = resume
        return checker

    def read(self, path: str | Path) -> Document:
        return read_for_check(path, self.options)

    def check_path(self, path: str | Path) -> Report:
        """Read and check one file (raises :class:`InputError` when it cannot be read)."""
        return self.check(self.read(path))

    def check(self, document: Document) -> Report:
        """Match, score and check ``document``.

        Its personal data is marked first; with ``--redact`` it is masked in the document
        itself, so everything the report quotes is cut from masked text. Raises
        :class:`InputError` when the document cannot be read well (:func:`illegible`): the
        caller's one error mapping makes it an unreadable file.
        """
        reason = illegible(document)
        if reason is not None:
            raise InputError(document.path, reason)
        from resumecheck.checks import CheckContext, run_checks
        from resumecheck.kinds import classify
        from resumecheck.redact import prepare
        from resumecheck.rules import selected
        from resumecheck.scoring import compute_score

        options = self.options
        profile = self.profile
        document = prepare(document, redact=options.redact)
        kind, kind_reason = classify(document, options.kind)
        doc = self.pipeline.make_doc(document.text)
        matches = self.matcher.find(document, doc)
        results = tuple(
            TermResult(id=t.id, term=t.term, category=t.category, level=t.level,
                       weight=t.weight, tip=t.tip, matches=matches.get(t.id, ()))
            for t in profile.for_kind(kind)
        )
        score = compute_score(profile, results)
        job = None
        if self.job_matcher is not None:
            job = self.job_matcher.match(document, doc, matches)
        ctx = CheckContext(document=document, kind=kind, profile=profile, terms=results,
                           doc=doc, matches=matches, posting=self.posting, job=job,
                           resume=self.resume)
        findings = sorted(
            (_in_own_words(f, profile.conventions) for f in run_checks(ctx)
             if selected(f.code, options.select, options.ignore)),
            key=lambda f: f.sort_key(),
        )
        report = Report(
            path=document.path,
            kind=kind,
            kind_reason=kind_reason,
            profile=profile.name,
            profile_version=profile.version,
            document=DocumentSummary(format=document.format, pages=document.page_count,
                                     blocks=len(document.blocks), words=document.word_count),
            score=score,
            terms=results,
            findings=tuple(findings),
            job=job,
            blocks=document.blocks,
        )
        # The advice is made here, once, in the process that checked the file (a worker,
        # in a batch): the parent that prints thousands of reports only prints it.
        from resumecheck.actions import with_actions

        return with_actions(report)


def _in_own_words(finding: Finding, conventions: Conventions) -> Finding:
    """A finding whose fix is the rule's generic one gets the profile's, when it has one."""
    from resumecheck.rules import RULES

    own = conventions.fix(finding.code)
    if own is None or finding.fix != RULES[finding.code].fix:
        return finding
    return dataclasses.replace(finding, fix=own)


@contextlib.contextmanager
def _capped(path: str, role: str, caps: Caps, error_type: type[ResumecheckError]
            ) -> Iterator[None]:
    """Run a build step under ``caps``; an overrun is ``error_type(path, "<role> <reason>")``."""
    try:
        with caps.applied():
            yield
    except TimeoutError:
        raise error_type(path, f"{role} {timeout_reason(caps.timeout or 0)}") from None
    except MemoryError:
        raise error_type(path, f"{role} {memory_reason(caps.max_memory)}") from None
