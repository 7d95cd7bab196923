"""How well resumecheck reads job postings as people paste them (issue 13).

    python benchmarks/bench_postings.py [--posting NAME ...] [--no-details] [--no-timing]

Every labelled posting in tests/data/postings/ (``*.expected.toml``, format in the README
there) is read by the real reader and analysed by resumecheck's posting analysis, through
:func:`analyse` below: the one function that knows that API. Printed per posting and over
the set:

* recall: labelled must-find terms (profile term ids and phrases) that the analysis drew;
* precision: drawn terms that match a must-find or an acceptable label (the false ones are
  listed, each marked ``boilerplate``, ``fragment`` or ``other``);
* boilerplate leaks and fragment leaks (false terms touching a ``must_not_find`` or a
  ``must_not_extract`` label);
* title and employer right or wrong; either/or groups kept together;
* whether a posting with fewer than five terms is reported honestly (no match rate);
* for a format variant (``same_as``), agreement of its terms, title and employer with the
  posting it was made from;
* the time to analyse a 1 MB posting (two rows: the set's lines repeated, and one line).

The same measurement backs tests/test_postings_set.py.
"""

from __future__ import annotations

import argparse
import functools
import random
import re
import sys
import tempfile
import time
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
POSTINGS = ROOT / "tests" / "data" / "postings"
BUILD = POSTINGS / "_build"
SAMPLE_CV = ROOT / "samples" / "cv_pain_medicine.docx"
PROFILE = "pain-medicine"
#: A posting from which fewer terms than this can be drawn gets no match rate (issue 13).
MIN_TERMS = 5


# --------------------------------------------------------------------------- the adapter


@dataclass(frozen=True)
class Term:
    """One term the analysis drew from a posting."""

    #: The posting's own wording (what a resume is searched for).
    text: str
    #: The profile's id for a profile term; None for a phrase no profile knows.
    term_id: str | None = None
    #: The profile's preferred wording of a profile term ("" for a phrase).
    canonical: str = ""
    #: Profile term ids the posting offers as either/or alternatives to this one.
    alternatives: tuple[str, ...] = ()


@dataclass(frozen=True)
class Analysis:
    title: str | None
    employer: str | None
    terms: tuple[Term, ...]
    #: The match rate of samples/cv_pain_medicine.docx against the posting, as the report
    #: gives it (None when the report says there is none); not asked for when timing.
    match_rate: float | None = None


def analyse(path: Path, *, with_report: bool = True) -> Analysis:
    """Read and analyse one posting with resumecheck. The only code that knows its API:
    repoint the imports here when the posting analysis moves."""
    from resumecheck.checker import Checker, read_posting
    from resumecheck.options import CheckOptions
    from resumecheck.posting import analyze_posting

    profile, matcher = _profile_and_matcher()
    posting = analyze_posting(read_posting(path, CheckOptions(profile=PROFILE)), profile,
                              matcher)
    terms = tuple(
        Term(text=t.wording or t.text, term_id=t.term_id,
             canonical=t.text if t.term_id else "", alternatives=tuple(t.alternatives))
        for t in posting.terms
    )
    rate = None
    if with_report:
        options = CheckOptions(profile=PROFILE, kind="resume", job=str(path))
        job = Checker.build(options).check_path(SAMPLE_CV).job
        rate = None if job is None else job.match_rate
    return Analysis(posting.title, posting.employer, terms, rate)


@functools.cache
def _profile_and_matcher() -> tuple[Any, Any]:
    from resumecheck.checker import Checker
    from resumecheck.options import CheckOptions

    checker = Checker.build(CheckOptions(profile=PROFILE))
    return checker.profile, checker.matcher


@functools.cache
def profile_ids_in(phrase: str) -> dict[str, list[tuple[int, int]]]:
    """Profile terms the profile matcher finds in ``phrase``: id -> (start, end) spans.

    Used to read labels (which profile terms a labelled phrase names), not to analyse; read
    as the posting analysis reads a posting (every mention, no broader term inferred)."""
    from resumecheck.models import Block, Document

    _, matcher = _profile_and_matcher()
    doc = Document(path="label", format="text", blocks=(Block(text=phrase),))
    return {tid: [(m.start, m.end) for m in ms]
            for tid, ms in matcher.find(doc, mentions=True).items()}


def profile_term_ids() -> frozenset[str]:
    profile, _ = _profile_and_matcher()
    return frozenset(t.id for t in profile.terms)


# --------------------------------------------------------------------------- labels

#: Keys a label file may hold (README.md in tests/data/postings explains each).
LABEL_KEYS = frozenset({
    "shape", "file", "built", "same_as", "title", "title_also", "employer", "employer_also",
    "must_find", "must_find_ids", "acceptable", "acceptable_ids", "must_not_find",
    "must_not_extract", "either_or", "too_few_terms",
})
#: Keys a format variant takes from the posting named by its ``same_as``.
INHERITED = LABEL_KEYS - {"shape", "file", "built", "same_as"}
POSTING_SUFFIXES = (".txt", ".md", ".docx", ".pdf")


@dataclass
class Case:
    """One labelled posting file."""

    name: str
    path: Path
    labels: dict[str, Any]
    #: The label file's own keys (before inheriting from ``same_as``).
    own: dict[str, Any]
    label_path: Path

    @property
    def same_as(self) -> str | None:
        return self.own.get("same_as")

    @property
    def shape(self) -> str:
        return self.labels.get("shape", "")

    @property
    def format(self) -> str:
        return self.path.suffix.lstrip(".")


def label_files(folder: Path = POSTINGS) -> list[Path]:
    return sorted(folder.glob("*.expected.toml"))


def posting_file(label_path: Path, own: dict[str, Any], folder: Path = POSTINGS,
                 build: Path = BUILD) -> Path:
    """The posting a label file describes: ``file`` (in the build folder when ``built``), else
    the one ``<stem>.<txt|md|docx|pdf>`` next to it."""
    if "file" in own:
        return (build if own.get("built") else folder) / own["file"]
    stem = label_path.name.removesuffix(".expected.toml")
    found = [folder / f"{stem}{s}" for s in POSTING_SUFFIXES if (folder / f"{stem}{s}").is_file()]
    return found[0] if len(found) == 1 else folder / f"{stem}.txt"


def load_cases(folder: Path = POSTINGS, build: Path = BUILD) -> list[Case]:
    raw: dict[str, tuple[Path, dict[str, Any], Path]] = {}
    for label_path in label_files(folder):
        own = tomllib.loads(label_path.read_text(encoding="utf-8"))
        path = posting_file(label_path, own, folder, build)
        raw[path.name] = (label_path, own, path)
    cases = []
    for name, (label_path, own, path) in sorted(raw.items()):
        labels = dict(own)
        source = own.get("same_as")
        if source in raw:
            inherited = raw[source][1]
            labels = {k: v for k, v in inherited.items() if k in INHERITED} | own
            labels.setdefault("shape", inherited.get("shape", ""))
        cases.append(Case(name, path, labels, own, label_path))
    return cases


@functools.cache
def builder() -> Any:
    """scripts/make_postings.py, loaded once as the module ``make_postings``."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "make_postings", ROOT / "scripts" / "make_postings.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_postings"] = module
    spec.loader.exec_module(module)
    return module


def build_variants(build: Path = BUILD) -> list[Path]:
    """Build the DOCX/PDF variants (scripts/make_postings.py) into ``build``."""
    return builder().build_all(build)


# --------------------------------------------------------------------------- comparing words

#: Words that only qualify what a labelled phrase names: a label made of profile terms and
#: these ("ACGME-accredited pain medicine fellowship", "current DEA registration",
#: "telemedicine experience") is that set of profile terms.
QUALIFIERS = frozenset({
    "a", "an", "the", "and", "or", "of", "in", "with", "for", "by", "to", "on", "through",
    "accredited", "active", "current", "unrestricted", "valid", "full", "experience",
})


def _singular(w: str) -> str:
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


def words(text: str) -> tuple[str, ...]:
    """Lower-case words, hyphens and slashes as spaces, simple plurals made singular."""
    return tuple(_singular(w) for w in re.findall(r"[a-z0-9]+", text.lower()))


def _spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, word) of each word of ``text``, words as :func:`words` makes them."""
    return [(m.start(), m.end(), _singular(m.group(0).lower()))
            for m in re.finditer(r"[A-Za-z0-9]+", text)]


def _find(inner: Sequence[str], outer: Sequence[str]) -> list[int]:
    n = len(inner)
    if not n:
        return []
    return [i for i in range(len(outer) - n + 1) if tuple(outer[i:i + n]) == tuple(inner)]


def phrase_matches(label: str, drawn: str, *, clean_edges: bool = True) -> bool:
    """A drawn wording stands for a labelled phrase when it equals it, holds it with at most
    one more word that is no qualifier ("Epic experience" and "CAPTE-accredited program"
    for "Epic" and "CAPTE"), or is held by it with at least half its words. A drawn phrase
    held by a label must also end with the label's last word, so a cut-off phrase does not
    count ("chronic low" for "chronic low back pain"); ``clean_edges=False`` drops that
    condition for profile terms, whose wordings are whole terms ("transforaminal
    epidural" for "transforaminal epidural injections")."""
    want, got = words(label), words(drawn)
    if not want or not got:
        return False
    if want == got:
        return True
    for i in _find(want, got):
        extra = [w for w in (*got[:i], *got[i + len(want):]) if w not in QUALIFIERS]
        if len(extra) <= 1:
            return True
    if clean_edges and got[-1] != want[-1]:
        return False
    return bool(_find(got, want)) and 2 * len(got) >= len(want)


def touches(label: str, drawn: str) -> bool:
    """The two wordings share a run of two words, or one of them is a single word the other
    holds (a leak: "Loan Forgiveness" from "Public Service Loan Forgiveness")."""
    want, got = words(label), words(drawn)
    if not want or not got:
        return False
    if len(want) == 1 or len(got) == 1:
        return bool(_find(want, got) or _find(got, want))
    pairs = {want[i:i + 2] for i in range(len(want) - 1)}
    return any(got[i:i + 2] in pairs for i in range(len(got) - 1))


def covered(label: str, ids: Iterable[str], phrases: Iterable[str]) -> bool:
    """Every word of ``label`` but the qualifiers lies in a mention (inside the label) of
    one of the profile terms ``ids`` or of one of the ``phrases``: "Fellowship training in
    pain medicine" is covered by the phrase "Fellowship training" and the term pain-medicine."""
    spans = _spans(label)
    if not spans:
        return False
    hit = [w in QUALIFIERS for _, _, w in spans]
    ids = set(ids)
    for tid, mentions in profile_ids_in(label).items():
        if tid in ids:
            for start, end in mentions:
                for k, (ws, we, _) in enumerate(spans):
                    if ws >= start and we <= end:
                        hit[k] = True
    seq = [w for _, _, w in spans]
    for phrase in phrases:
        got = words(phrase)
        for i in _find(got, seq):
            hit[i:i + len(got)] = [True] * len(got)
    return all(hit)


def profile_cover(phrase: str) -> tuple[frozenset[str], bool]:
    """The profile term ids named in ``phrase``, and whether they cover it."""
    ids = frozenset(profile_ids_in(phrase))
    return ids, covered(phrase, ids, ())


@functools.cache
def profile_wordings(term_id: str) -> tuple[str, ...]:
    """The profile's wordings of a term: its term and aliases (acronyms, being short, only
    count when a drawn wording is exactly one)."""
    profile, _ = _profile_and_matcher()
    term = profile.term(term_id)
    return (term.term, *term.aliases)


@functools.cache
def profile_acronyms(term_id: str) -> tuple[str, ...]:
    profile, _ = _profile_and_matcher()
    return tuple(profile.term(term_id).acronyms)


# --------------------------------------------------------------------------- measuring


@dataclass
class Result:
    case: Case
    analysis: Analysis
    seconds: float
    found: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    correct: list[Term] = field(default_factory=list)
    #: (term, class) with class "boilerplate", "fragment" or "other".
    false: list[tuple[Term, str]] = field(default_factory=list)
    title_ok: bool = False
    employer_ok: bool = False
    groups_ok: int = 0
    groups: int = 0
    group_failures: list[str] = field(default_factory=list)
    honest: bool = True
    honesty_note: str = ""
    #: Format variants: Jaccard agreement of drawn terms with the ``same_as`` posting, and
    #: the differences; None for a posting that is no variant.
    agreement: float | None = None
    agreement_notes: list[str] = field(default_factory=list)

    @property
    def must(self) -> int:
        return len(self.found) + len(self.missed)

    @property
    def drawn(self) -> int:
        return len(self.analysis.terms)

    def leaks(self, kind: str) -> list[Term]:
        return [t for t, k in self.false if k == kind]

    @property
    def recall(self) -> float:
        return len(self.found) / self.must if self.must else 1.0

    @property
    def precision(self) -> float:
        return len(self.correct) / self.drawn if self.drawn else 1.0

    @property
    def meets_labels(self) -> bool:
        """Everything this posting's labels ask: all must-find terms, no leak, right title
        and employer, every either/or group, honest about too few terms, same as its
        source when it is a variant."""
        return (not self.missed and not self.leaks("boilerplate") and not self.leaks("fragment")
                and self.title_ok and self.employer_ok and self.groups_ok == self.groups
                and self.honest and self.agreement in (None, 1.0))


def _norm_name(text: str | None) -> str:
    text = (text or "").replace("\u2013", "-").replace("\u2014", "-").casefold()
    return " ".join(text.split()).strip(" .,:;-")


def name_ok(got: str | None, want: str, also: Iterable[str] = ()) -> bool:
    """``want`` "" means the posting names none and none must be reported."""
    if not want:
        return not _norm_name(got)
    return _norm_name(got) in {_norm_name(w) for w in (want, *also)}


def term_key(term: Term) -> tuple[str, ...]:
    return ("id", term.term_id) if term.term_id else ("phrase", *words(term.text))


def measure(case: Case, analysis: Analysis, seconds: float = 0.0) -> Result:
    labels = case.labels
    r = Result(case, analysis, seconds)
    drawn_ids = {t.term_id for t in analysis.terms if t.term_id}

    def wordings(t: Term) -> list[str]:
        return [w for w in (t.text, t.canonical) if w]

    # Recall: a profile term id is found when it is drawn; a phrase when a drawn wording
    # stands for it, or drawn terms cover its words together.
    drawn_phrases = [t.text for t in analysis.terms if not t.term_id and _well_formed(t.text)]
    drawn_profile = [t for t in analysis.terms if t.term_id]
    for tid in labels.get("must_find_ids", []):
        (r.found if tid in drawn_ids else r.missed).append(tid)
    for phrase in labels.get("must_find", []):
        hit = (any(phrase_matches(phrase, w) for w in drawn_phrases)
               or any(phrase_matches(phrase, w, clean_edges=False)
                      for t in drawn_profile for w in wordings(t))
               or covered(phrase, drawn_ids, drawn_phrases))
        (r.found if hit else r.missed).append(phrase)

    # Precision: a drawn term is correct when it is a labelled term or part of one.
    good_phrases = [*labels.get("must_find", []), *labels.get("acceptable", [])]
    good_ids = set(labels.get("must_find_ids", [])) | set(labels.get("acceptable_ids", []))
    for phrase in good_phrases:
        good_ids |= profile_cover(phrase)[0]
    bad_phrases = [*labels.get("must_not_find", []), *labels.get("must_not_extract", [])]
    for t in analysis.terms:
        if t.term_id:
            ok = t.term_id in good_ids or any(
                phrase_matches(p, w, clean_edges=False) for p in good_phrases for w in wordings(t))
        else:
            ok = (not any(phrase_matches(b, t.text) for b in bad_phrases)
                  and _well_formed(t.text) and _good_phrase(t.text, good_phrases, good_ids))
        if ok:
            r.correct.append(t)
        else:
            r.false.append((t, _false_kind(t, labels)))

    r.title_ok = name_ok(analysis.title, labels.get("title", ""), labels.get("title_also", []))
    r.employer_ok = name_ok(analysis.employer, labels.get("employer", ""),
                            labels.get("employer_also", []))

    alternatives = {t.term_id: set(t.alternatives) for t in analysis.terms if t.term_id}
    for group in labels.get("either_or", []):
        r.groups += 1
        members = set(group)
        missing = [m for m in group if m not in alternatives]
        apart = [m for m in group if m in alternatives
                 and not (members - {m}) <= alternatives[m]]
        if not missing and not apart:
            r.groups_ok += 1
        else:
            r.group_failures.append(
                f"{' / '.join(group)}: "
                + "; ".join(filter(None, [missing and f"not drawn {missing}",
                                          apart and f"not offered as alternatives {apart}"])))

    few = r.drawn < MIN_TERMS
    rate = analysis.match_rate
    if few != (rate is None):
        r.honest = False
        r.honesty_note = (f"{r.drawn} terms drawn but match rate {rate}" if few
                          else f"{r.drawn} terms drawn but no match rate")
    if labels.get("too_few_terms") and not few:
        r.honest = False
        r.honesty_note = (r.honesty_note + "; " if r.honesty_note else "") + (
            f"labelled as too few terms, {r.drawn} drawn")
    return r


#: Words a drawn phrase may not start or end with: "in Epic" is searched as "in Epic"; and
#: a phrase with URL or identifier characters ("Pain-Medicine_JR") is no term either.
_EDGE_WORDS = frozenset({"a", "an", "the", "and", "or", "of", "in", "with", "for", "to", "by",
                         "on", "at", "as", "from", "including", "such"})


def _well_formed(text: str) -> bool:
    if re.search(r"[_@\\]|://|www\.|\.com\b", text):
        return False
    got = re.findall(r"[a-z0-9]+", text.lower())
    return bool(got) and got[0] not in _EDGE_WORDS and got[-1] not in _EDGE_WORDS


def _good_phrase(text: str, good_phrases: Sequence[str], good_ids: set[str]) -> bool:
    """A drawn phrase (no profile term) is correct when it stands for a labelled phrase, is
    the rest of one beyond the labelled profile terms in it ("Fellowship training" of
    "Fellowship training in pain medicine"), is made of labelled terms and qualifiers
    ("board eligible in anesthesiology"), or is a labelled profile term's wording with one
    more word ("opioid stewardship policy")."""
    got = words(text)
    if any(phrase_matches(p, text) for p in good_phrases):
        return True
    if any(_find(got, words(p)) and covered(p, good_ids, [text]) for p in good_phrases):
        return True
    if covered(text, good_ids, good_phrases):
        return True
    for tid in good_ids:
        if text in profile_acronyms(tid):
            return True
        for wording in profile_wordings(tid):
            want = words(wording)
            for i in _find(want, got):
                if len([w for w in (*got[:i], *got[i + len(want):]) if w not in QUALIFIERS]) <= 1:
                    return True
    return False


def _false_kind(t: Term, labels: dict[str, Any]) -> str:
    for kind, key in (("boilerplate", "must_not_find"), ("fragment", "must_not_extract")):
        for label in labels.get(key, []):
            if t.term_id:
                if t.term_id in profile_ids_in(label):
                    return kind
            elif touches(label, t.text):
                return kind
    return "other"


def compare_variants(results: Sequence[Result]) -> None:
    by_name = {r.case.name: r for r in results}
    for r in results:
        source = by_name.get(r.case.same_as or "")
        if source is None:
            continue
        mine = {term_key(t) for t in r.analysis.terms}
        theirs = {term_key(t) for t in source.analysis.terms}
        union = mine | theirs
        r.agreement = len(mine & theirs) / len(union) if union else 1.0
        notes = []
        if _norm_name(r.analysis.title) != _norm_name(source.analysis.title):
            r.agreement = min(r.agreement, 0.999)
            notes.append(f"title {r.analysis.title!r} vs {source.analysis.title!r}")
        if _norm_name(r.analysis.employer) != _norm_name(source.analysis.employer):
            r.agreement = min(r.agreement, 0.999)
            notes.append(f"employer {r.analysis.employer!r} vs {source.analysis.employer!r}")
        only_mine = sorted(" ".join(k[1:]) for k in mine - theirs)
        only_theirs = sorted(" ".join(k[1:]) for k in theirs - mine)
        if only_mine:
            notes.append(f"only here: {only_mine}")
        if only_theirs:
            notes.append(f"only in {source.case.name}: {only_theirs}")
        r.agreement_notes = notes


def run_set(names: Sequence[str] = (), *, build: Path = BUILD) -> list[Result]:
    """Build the variants, analyse every labelled posting (or those named), measure."""
    build_variants(build)
    cases = load_cases(build=build)
    if names:
        wanted = set(names)
        sources = {c.same_as for c in cases if c.name in wanted and c.same_as}
        cases = [c for c in cases if c.name in wanted or c.name in sources]
    results = []
    for case in cases:
        start = time.perf_counter()
        analysis = analyse(case.path)
        results.append(measure(case, analysis, time.perf_counter() - start))
    compare_variants(results)
    return results


@dataclass(frozen=True)
class Totals:
    postings: int
    must: int
    found: int
    drawn: int
    correct: int
    boilerplate: int
    fragments: int
    titles_ok: int
    employers_ok: int
    groups: int
    groups_ok: int
    honest: int
    variants: int
    variants_agree: int

    @property
    def recall(self) -> float:
        return self.found / self.must if self.must else 1.0

    @property
    def precision(self) -> float:
        return self.correct / self.drawn if self.drawn else 1.0


def totals(results: Sequence[Result]) -> Totals:
    variants = [r for r in results if r.agreement is not None]
    return Totals(
        postings=len(results),
        must=sum(r.must for r in results),
        found=sum(len(r.found) for r in results),
        drawn=sum(r.drawn for r in results),
        correct=sum(len(r.correct) for r in results),
        boilerplate=sum(len(r.leaks("boilerplate")) for r in results),
        fragments=sum(len(r.leaks("fragment")) for r in results),
        titles_ok=sum(r.title_ok for r in results),
        employers_ok=sum(r.employer_ok for r in results),
        groups=sum(r.groups for r in results),
        groups_ok=sum(r.groups_ok for r in results),
        honest=sum(r.honest for r in results),
        variants=len(variants),
        variants_agree=sum(r.agreement == 1.0 for r in variants),
    )


# --------------------------------------------------------------------------- timing


def big_posting(folder: Path, *, one_line: bool, size: int = 1 << 20) -> Path:
    """A posting of ``size`` bytes made of the set's own lines in a shuffled order (or its
    words on one line): headings, requirements and boilerplate as they come."""
    lines: list[str] = []
    for path in sorted(POSTINGS.glob("*")):
        if path.suffix in (".txt", ".md") and path.name != "README.md":
            lines.extend(x for x in path.read_text(encoding="utf-8").splitlines() if x.strip())
    rng = random.Random(13)
    out: list[str] = []
    n = 0
    while n < size:
        piece = rng.choice(lines)
        out.append(piece)
        n += len(piece.encode("utf-8")) + 1
    text = (" " if one_line else "\n").join(out)
    data = text.encode("utf-8")[:size].decode("utf-8", "ignore")
    path = folder / ("big_one_line.txt" if one_line else "big_lines.txt")
    path.write_text(data, encoding="utf-8")
    return path


def time_big(one_line: bool) -> tuple[float, float, int]:
    """(wall seconds, CPU seconds of this process, terms drawn) to read and analyse a
    1 MB posting."""
    with tempfile.TemporaryDirectory() as tmp:
        path = big_posting(Path(tmp), one_line=one_line)
        start, cpu = time.perf_counter(), time.process_time()
        analysis = analyse(path, with_report=False)
        return (time.perf_counter() - start, time.process_time() - cpu,
                len(analysis.terms))


# --------------------------------------------------------------------------- printing


def _short(text: str | None, n: int = 30) -> str:
    text = "-" if text is None else text
    return text if len(text) <= n else text[: n - 1] + "~"


def print_report(results: Sequence[Result], *, details: bool = True,
                 out=sys.stdout) -> None:  # noqa: ANN001 - a text stream
    p = functools.partial(print, file=out)
    head = (f"{'posting':<36} {'fmt':<4} {'terms':>5} {'recall':>11} {'precision':>11} "
            f"{'bp':>3} {'frag':>4} {'title':>5} {'empl':>5} {'e/or':>5} {'<5':>3} "
            f"{'agree':>5} {'s':>5}")
    p("# posting analysis against labelled postings (tests/data/postings)")
    p(head)
    for r in results:
        agree = "" if r.agreement is None else f"{r.agreement:.2f}"
        groups = f"{r.groups_ok}/{r.groups}" if r.groups else ""
        precision = f"{r.precision:4.2f}" if r.drawn else "   -"
        p(f"{_short(r.case.name, 36):<36} {r.case.format:<4} {r.drawn:>5} "
          f"{len(r.found):>3}/{r.must:<3} {r.recall:4.2f} "
          f"{len(r.correct):>3}/{r.drawn:<3} {precision} "
          f"{len(r.leaks('boilerplate')):>3} {len(r.leaks('fragment')):>4} "
          f"{'ok' if r.title_ok else 'WRONG':>5} {'ok' if r.employer_ok else 'WRONG':>5} "
          f"{groups:>5} {'ok' if r.honest else 'NO':>3} {agree:>5} {r.seconds:5.2f}")
    t = totals(results)
    originals = totals([r for r in results if r.agreement is None])
    p()
    p(f"overall ({t.postings} postings, {t.variants} of them format variants):")
    p(f"  recall     {t.found}/{t.must} = {t.recall:.3f}   (target >= 0.90)")
    p(f"  precision  {t.correct}/{t.drawn} = {t.precision:.3f}   (target >= 0.85)")
    p(f"  without the variants: recall {originals.recall:.3f}, precision "
      f"{originals.precision:.3f} over {originals.postings} postings")
    p(f"  boilerplate terms {t.boilerplate}, fragment terms {t.fragments}   (target 0)")
    p(f"  titles right {t.titles_ok}/{t.postings}, employers right "
      f"{t.employers_ok}/{t.postings}   (target all)")
    p(f"  either/or groups kept {t.groups_ok}/{t.groups}")
    p(f"  fewer than {MIN_TERMS} terms reported honestly {t.honest}/{t.postings}")
    p(f"  format variants agreeing with their source {t.variants_agree}/{t.variants}")
    p(f"  postings meeting all their labels {sum(r.meets_labels for r in results)}"
      f"/{t.postings}")
    if not details:
        return
    p()
    p("# details")
    for r in results:
        lines = []
        if not r.title_ok:
            lines.append(f"title     {r.analysis.title!r}, labelled {r.case.labels.get('title')!r}")
        if not r.employer_ok:
            lines.append(f"employer  {r.analysis.employer!r}, labelled "
                         f"{r.case.labels.get('employer')!r}")
        if r.missed:
            lines.append(f"missed    {r.missed}")
        for kind in ("boilerplate", "fragment", "other"):
            terms = [t.text + (f" [{t.term_id}]" if t.term_id else "") for t in r.leaks(kind)]
            if terms:
                lines.append(f"false ({kind}) {terms}")
        lines.extend(f"either/or  {g}" for g in r.group_failures)
        if not r.honest:
            lines.append(f"too few    {r.honesty_note}")
        lines.extend(f"variant    {n}" for n in r.agreement_notes)
        if lines:
            p(f"{r.case.name} ({r.case.shape}):")
            for line in lines:
                p(f"  {line}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--posting", action="append", default=[],
                        help="only this posting file name (repeatable)")
    parser.add_argument("--no-details", action="store_true", help="only the tables")
    parser.add_argument("--no-timing", action="store_true", help="skip the 1 MB rows")
    args = parser.parse_args(argv)
    results = run_set(args.posting)
    print_report(results, details=not args.no_details)
    if not args.no_timing:
        print()
        print("# analysing a 1 MB posting (target < 5 s)")
        for label, one_line in (("1 MB, the set's lines shuffled", False),
                                ("1 MB on one line", True)):
            seconds, cpu, n = time_big(one_line)
            print(f"{label:<34} {seconds:7.2f} s wall {cpu:7.2f} s CPU  {n} terms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
