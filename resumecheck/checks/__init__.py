"""Checks: pure functions from a :class:`CheckContext` to findings. No I/O.

Each family lives in its own module and registers its functions with :func:`check`.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from resumecheck.models import (
    Companion,
    Document,
    Finding,
    JobMatch,
    Kind,
    Match,
    Posting,
    TermResult,
)

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

    from resumecheck.profiles import Profile

CheckFunction = Callable[["CheckContext"], Iterable[Finding]]

#: Modules whose checks run, in this order. Each registers its own rules.
FAMILY_MODULES = ("parse", "structure", "contact", "keywords", "content", "letter", "job")

_CHECKS: list[CheckFunction] = []


@dataclass(frozen=True)
class CheckContext:
    """Everything a check may look at; built by the checker for one document."""

    document: Document
    kind: Kind
    profile: Profile
    #: Results for the profile terms that apply to this kind of document.
    terms: tuple[TermResult, ...]
    #: The spaCy doc of ``document.text`` (NORM holds the matching key).
    doc: Doc
    #: Every profile term's matches in the document (all kinds), by term id.
    matches: Mapping[str, tuple[Match, ...]] = field(default_factory=dict)
    #: The analysed job posting, when ``--job`` was given.
    posting: Posting | None = None
    #: How the document fares against that posting.
    job: JobMatch | None = None
    #: The resume a cover letter is compared with (``--resume``), read and matched.
    resume: Companion | None = None


def check(func: CheckFunction) -> CheckFunction:
    """Register a check function."""
    _CHECKS.append(func)
    return func


def load_all() -> None:
    """Import every family module, registering its rules and checks."""
    for name in FAMILY_MODULES:
        importlib.import_module(f"resumecheck.checks.{name}")


def all_rules() -> dict:
    """Every registered rule by code, sorted."""
    from resumecheck.rules import RULES

    load_all()
    return dict(sorted(RULES.items()))


def run_checks(ctx: CheckContext) -> list[Finding]:
    load_all()
    findings: list[Finding] = []
    for func in _CHECKS:
        findings.extend(func(ctx))
    return findings
