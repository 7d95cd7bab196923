"""The adversarial claims suite (tests/claims/*.toml) through the real readers and matcher.

Every case is a short document written the way physicians, residents and recruiters
write; it names the profile terms that must count and those that must not. Cases that
also name findings or a score ceiling run the full check. benchmarks/bench_accuracy.py
prints the same suite as recall and precision per class, beside a naive substring scan.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from checking import check as run_check
from claims.build import Case, build, load_cases, missing_capability

from resumecheck.matching import TermMatcher
from resumecheck.nlp import load_pipeline
from resumecheck.options import CheckOptions
from resumecheck.profiles import load_profile
from resumecheck.readers import read_document

CASES = load_cases()
PROFILE = load_profile("pain-medicine")
#: The classes of the matching issue, and the ones that must keep working.
ISSUE_CLASSES = ("ambiguous-acronyms", "not-claimed", "not-the-writers", "nested",
                 "generic-aliases", "coordination", "inserted-modifiers", "derivational",
                 "credentials", "shorthand-commonwealth", "hidden-and-dumps", "regressions")


@pytest.fixture(scope="module")
def matcher() -> TermMatcher:
    return TermMatcher(PROFILE, load_pipeline())


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("claims")


def test_the_suite_is_big_enough_and_well_formed() -> None:
    per_class = Counter(c.klass for c in CASES)
    assert len(CASES) >= 150
    for klass in ISSUE_CLASSES:
        assert per_class[klass] >= 10, (klass, per_class[klass])
    ids = {t.id for t in PROFILE.terms}
    names = [c.name for c in CASES]
    assert len(names) == len(set(names))
    for case in CASES:
        assert case.must_find or case.must_not_find, case.name
        assert set(case.must_find) <= ids and set(case.must_not_find) <= ids, case.name
        assert not set(case.must_find) & set(case.must_not_find), case.name
    # Layout classes are tried in the file types they are about.
    formats = {c.format for c in CASES if c.klass in ("hidden-and-dumps", "credentials")}
    assert {"pdf", "docx", "text"} <= formats


def _counted(matcher: TermMatcher, path: Path) -> set[str]:
    document = read_document(path)
    return {tid for tid, ms in matcher.find(document).items() if any(m.counts for m in ms)}


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_case(case: Case, matcher: TermMatcher, workdir: Path) -> None:
    why = missing_capability(case, workdir)
    if why is not None:
        pytest.skip(why)
    path = build(case, workdir)
    found = _counted(matcher, path)
    assert sorted(set(case.must_find) - found) == [], "terms that must count were missed"
    assert sorted(set(case.must_not_find) & found) == [], "terms that must not count were"
    if case.findings or case.no_findings or case.max_score is not None:
        report = run_check(path, CheckOptions(kind=case.kind))
        codes = {f.code for f in report.findings}
        assert set(case.findings) <= codes, report.findings
        assert not set(case.no_findings) & codes, report.findings
        if case.max_score is not None:
            assert report.score.value <= case.max_score, report.score
