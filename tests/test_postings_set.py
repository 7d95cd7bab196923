"""The labelled posting set (tests/data/postings): its labels, and issue 13's targets.

The measurement is benchmarks/bench_postings.py's, run on every labelled posting. The
targets the posting analysis does not meet yet are strict xfails: when the analysis is
fixed they pass, pytest reports XPASS as a failure, and the marker must go.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("bench_postings",
                                               ROOT / "benchmarks" / "bench_postings.py")
assert _spec is not None and _spec.loader is not None
bench = importlib.util.module_from_spec(_spec)
sys.modules["bench_postings"] = bench
_spec.loader.exec_module(bench)

CASES = bench.load_cases()
ORIGINALS = [c for c in CASES if not c.same_as]
VARIANTS = [c for c in CASES if c.same_as]
#: Postings whose title, employer and must-find terms the analysis already gets right with
#: no boilerplate term; the others are strict xfails until issue 13 is fixed (move a
#: posting here when its test starts to pass).
CORE_MET_TODAY = frozenset({
    "academic_faculty.txt", "board_paste_paragraph.txt", "career_page_modern.txt",
    "career_page_modern_markdown.md", "career_page_modern_table.docx",
    "career_page_modern_two_column.pdf", "career_page_print.txt",
    "career_page_print_paged.txt", "classic_requirements.txt",
    "headings_no_blank_lines.txt", "hospital_system_interventional.txt", "linkedin_paste.txt",
    "multispecialty_group.md", "near_miss_pain_pt.md", "one_line_listing.txt",
    "recruiter_email.txt", "recruiter_email_forwarded.txt", "telehealth_academic.txt",
    "telehealth_remote.md", "tiny_locum.txt", "uk_consultant.txt",
})


@pytest.fixture(scope="module")
def results() -> dict[str, object]:
    return {r.case.name: r for r in bench.run_set()}


@pytest.fixture(scope="module")
def overall(results):
    return bench.totals(list(results.values()))


def _names(cases) -> list[str]:
    return [c.name for c in cases]


# --------------------------------------------------------------------------- the labels


def test_the_set_has_the_shapes_issue_13_asks_for() -> None:
    assert len(ORIGINALS) >= 18
    formats = {c.format for c in CASES}
    assert formats == {"txt", "md", "docx", "pdf"}
    shapes = " | ".join(c.shape for c in CASES)
    for shape in ("paragraph paste", "browser-printed", "recruiter e-mail", "modern headings",
                  "classic headings", "table", "two-column", "near miss", "UK consultant",
                  "telehealth", "academic", "too few terms"):
        assert shape in shapes, shape


def test_every_label_file_parses_with_known_keys_and_types() -> None:
    lists = ("title_also", "employer_also", "must_find", "must_find_ids", "acceptable",
             "acceptable_ids", "must_not_find", "must_not_extract")
    for case in CASES:
        own = case.own
        assert set(own) <= bench.LABEL_KEYS, (case.name, set(own) - bench.LABEL_KEYS)
        for key in lists:
            value = own.get(key, [])
            assert isinstance(value, list) and all(isinstance(v, str) and v.strip()
                                                   for v in value), (case.name, key)
            assert len(value) == len(set(value)), (case.name, key, "duplicate")
        for key in ("shape", "title", "employer", "same_as", "file"):
            assert isinstance(own.get(key, ""), str), (case.name, key)
        for key in ("built", "too_few_terms"):
            assert isinstance(own.get(key, False), bool), (case.name, key)
        groups = own.get("either_or", [])
        assert all(isinstance(g, list) and len(g) >= 2 and len(set(g)) == len(g)
                   for g in groups), case.name


def test_every_posting_file_exists_and_every_posting_is_labelled() -> None:
    built = {v.output for v in bench.builder().VARIANTS}
    for case in CASES:
        if case.own.get("built"):
            assert case.own.get("file") in built, case.name
            assert case.path.parent == bench.BUILD
        else:
            assert case.path.is_file(), case.name
    labelled = {c.path.name for c in CASES}
    on_disk = {p.name for p in bench.POSTINGS.iterdir()
               if p.suffix in bench.POSTING_SUFFIXES and p.name != "README.md"}
    assert on_disk <= labelled, on_disk - labelled


def test_originals_have_title_employer_and_terms() -> None:
    for case in ORIGINALS:
        labels = case.labels
        assert "title" in labels and "employer" in labels, case.name
        assert case.shape, case.name
        n = len(labels.get("must_find", [])) + len(labels.get("must_find_ids", []))
        if labels.get("too_few_terms"):
            assert n < bench.MIN_TERMS, case.name
        else:
            assert labels["title"] and labels["employer"], case.name
            assert n >= bench.MIN_TERMS, case.name
        assert labels.get("must_not_find"), case.name


def test_variants_point_at_a_text_posting_and_add_no_labels() -> None:
    originals = {c.name: c for c in ORIGINALS}
    assert VARIANTS
    for case in VARIANTS:
        assert case.same_as in originals, case.name
        assert originals[case.same_as].format in ("txt", "md"), case.name
        assert set(case.own) <= {"shape", "file", "built", "same_as"}, case.name


def test_every_term_id_is_in_the_profile() -> None:
    known = bench.profile_term_ids()
    for case in ORIGINALS:
        labels = case.labels
        ids = [*labels.get("must_find_ids", []), *labels.get("acceptable_ids", []),
               *(m for g in labels.get("either_or", []) for m in g)]
        unknown = sorted(set(ids) - known)
        assert not unknown, (case.name, unknown)
        members = {m for g in labels.get("either_or", []) for m in g}
        assert members <= set(labels.get("must_find_ids", [])), case.name
        both = set(labels.get("must_find_ids", [])) & set(labels.get("acceptable_ids", []))
        assert not both, (case.name, both)


def test_profile_terms_are_labelled_by_id_not_by_phrase() -> None:
    for case in ORIGINALS:
        for key in ("must_find", "acceptable"):
            for phrase in case.labels.get(key, []):
                ids, covered = bench.profile_cover(phrase)
                assert not (ids and covered), (
                    f"{case.name}: {key} {phrase!r} is only profile terms; use {sorted(ids)}")


def test_every_labelled_phrase_occurs_in_its_posting() -> None:
    for case in ORIGINALS:
        text = bench.words(case.path.read_text(encoding="utf-8"))
        for key in ("title", "employer"):
            phrase = case.labels[key]
            assert not phrase or bench._find(bench.words(phrase), text), (case.name, key)
        for key in ("title_also", "employer_also", "must_find", "acceptable",
                    "must_not_find", "must_not_extract"):
            for phrase in case.labels.get(key, []):
                assert bench._find(bench.words(phrase), text), (case.name, key, phrase)


@pytest.mark.parametrize("case", ORIGINALS, ids=_names(ORIGINALS))
def test_labels_agree_with_each_other(case) -> None:
    """Drawing exactly what the labels ask scores full marks; drawing a labelled boilerplate
    or fragment phrase counts as a leak of its kind."""
    labels = case.labels
    groups = {m: set(g) - {m} for g in labels.get("either_or", []) for m in g}
    terms = [bench.Term(text=tid, term_id=tid, alternatives=tuple(sorted(groups.get(tid, ()))))
             for tid in labels.get("must_find_ids", [])]
    terms += [bench.Term(text=p) for p in labels.get("must_find", [])]
    few = len(terms) < bench.MIN_TERMS
    perfect = bench.Analysis(labels["title"] or None, labels["employer"] or None,
                             tuple(terms), None if few else 50.0)
    r = bench.measure(case, perfect)
    assert r.missed == [] and r.false == [], (r.missed, r.false)
    assert r.title_ok and r.employer_ok and r.groups_ok == r.groups and r.honest
    for key, kind in (("must_not_find", "boilerplate"), ("must_not_extract", "fragment")):
        for phrase in labels.get(key, []):
            leak = bench.measure(case, bench.Analysis(None, None, (bench.Term(text=phrase),)))
            assert [k for _, k in leak.false] == [kind], (phrase, leak.false)


def test_a_wrong_analysis_is_measured_as_wrong() -> None:
    case = next(c for c in ORIGINALS if c.name == "recruiter_email.txt")
    bad = bench.Analysis(
        "Tuesday, April 8, 2025 9:14 AM Pain Medicine Physician", "Keystone Physician Search",
        (bench.Term("Dana Whitcombe"), bench.Term("sign-on bonus"), bench.Term("kyphoplasty"),
         bench.Term("CME", "continuing-medical-education"), bench.Term("15-minute call"),
         bench.Term("ABA", "aba-board")),
        0.0)
    r = bench.measure(case, bad)
    assert not r.title_ok and not r.employer_ok
    assert r.found == ["aba-board", "kyphoplasty"]
    assert [t.text for t in r.leaks("boilerplate")] == ["Dana Whitcombe", "sign-on bonus", "CME"]
    assert [t.text for t in r.leaks("fragment")] == ["15-minute call"]
    assert r.groups_ok == 0 and r.group_failures
    assert r.honest  # six terms and a match rate
    assert not bench.measure(case, bench.Analysis(None, None, bad.terms[:3], 0.0)).honest


def test_phrase_comparison() -> None:
    m = bench.phrase_matches
    assert m("epidural steroid injections", "Epidural steroid injection")
    assert m("Epic", "Epic experience") and not m("Epic", "Epic Haiku photo capture")
    assert m("CAPTE", "CAPTE-accredited program")
    assert m("Dragon Medical One", "Medical One") and not m("Dragon Medical One", "Dragon Medical")
    assert not m("chronic low back pain", "chronic low")
    assert m("transforaminal epidural injections", "transforaminal epidural", clean_edges=False)
    assert bench.touches("Public Service Loan Forgiveness", "Loan Forgiveness eligible employer")
    assert not bench.touches("dental insurance", "insurance status check")
    # (The profile reads "Fellowship training in pain medicine" as one term now.)
    assert bench.covered("Fellowship training in headache medicine", {"headache-medicine"},
                         ["Fellowship training"])
    assert not bench.covered("Fellowship training in headache medicine", {"headache-medicine"},
                             [])
    assert not bench.covered("Michigan medical license", {"medical-license"}, [])


# --------------------------------------------------------------------------- the built files


def test_built_postings_are_deterministic(tmp_path: Path) -> None:
    first = [p.read_bytes() for p in bench.build_variants(tmp_path / "a")]
    second = [p.read_bytes() for p in bench.build_variants(tmp_path / "b")]
    assert first == second and all(first)


@pytest.mark.parametrize("case", VARIANTS, ids=_names(VARIANTS))
def test_variants_hold_the_words_of_their_source(case) -> None:
    """A format variant says what its text posting says, word for word (as a set): its
    inherited labels are true of it, and any difference in the terms drawn is the
    analysis's doing."""
    from resumecheck.readers import read_document

    bench.build_variants()
    source = next(c for c in ORIGINALS if c.name == case.same_as)
    want = set(bench.words(source.path.read_text(encoding="utf-8")))
    got = set(bench.words(read_document(case.path).text))
    assert want == got, sorted(want ^ got)


# --------------------------------------------------------------------------- issue 13 targets


def test_precision_at_least_085(overall) -> None:
    assert overall.precision >= 0.85, overall


def test_recall_at_least_090(overall) -> None:
    assert overall.recall >= 0.90, overall


def test_every_title_right(results) -> None:
    wrong = {n: r.analysis.title for n, r in results.items() if not r.title_ok}
    assert not wrong, wrong


def test_every_employer_right(results) -> None:
    wrong = {n: r.analysis.employer for n, r in results.items() if not r.employer_ok}
    assert not wrong, wrong


def test_no_boilerplate_term(results) -> None:
    leaks = {n: [t.text for t in r.leaks("boilerplate")] for n, r in results.items()
             if r.leaks("boilerplate")}
    assert not leaks, leaks


def test_no_fragment_term(results) -> None:
    leaks = {n: [t.text for t in r.leaks("fragment")] for n, r in results.items()
             if r.leaks("fragment")}
    assert not leaks, leaks


def test_fewer_than_five_terms_reported_honestly(results) -> None:
    dishonest = {n: r.honesty_note for n, r in results.items() if not r.honest}
    assert not dishonest, dishonest


def test_either_or_routes_kept_together(results) -> None:
    failures = {n: r.group_failures for n, r in results.items() if r.group_failures}
    assert not failures, failures


def test_format_variants_give_the_same_terms_title_and_employer(results) -> None:
    differ = {n: r.agreement_notes for n, r in results.items()
              if r.agreement is not None and r.agreement != 1.0}
    assert not differ, differ


#: Why each posting outside CORE_MET_TODAY still misses a label.
STILL_MISSING = {
    "job_board_listing.txt": "'Prescription Monitoring Program' is drawn only inside the state "
                             "program's full name ('Arizona Controlled Substances Prescription "
                             "Monitoring Program'); the profile knows 'prescription drug "
                             "monitoring program' and the British '... programme', not this",
    "near_miss_pain_np.txt": "'history and physicals' (a pair joined by 'and') is not drawn",
}


def _marks(name: str) -> tuple:
    if name in CORE_MET_TODAY:
        return ()
    return (pytest.mark.xfail(strict=True, reason=STILL_MISSING.get(name, "issue 13")),)


@pytest.mark.parametrize(
    "name", [pytest.param(c.name, marks=_marks(c.name)) for c in CASES], ids=_names(CASES))
def test_posting_title_employer_terms_and_no_boilerplate(name: str, results) -> None:
    r = results[name]
    assert r.title_ok, r.analysis.title
    assert r.employer_ok, r.analysis.employer
    assert not r.missed, r.missed
    assert not r.leaks("boilerplate"), [t.text for t in r.leaks("boilerplate")]
