"""Matching accuracy on the adversarial claims suite, beside a naive substring scanner.

    python benchmarks/bench_accuracy.py [--verbose]

Every case of tests/claims/*.toml is built into a real file (text, DOCX or PDF) and read
by resumecheck's own readers. Two matchers then say which profile terms the document
claims:

- resumecheck: the profile's TermMatcher; a term counts when one of its matches is
  visible and claimed (what the score counts);
- naive: a case-insensitive substring scan of the document's text for every wording of
  every term (term, aliases, acronyms) of the same profile, hidden text included.

For each case, a ``must_find`` term found is a true positive and missed a false negative;
a ``must_not_find`` term found is a false positive. Recall = TP / (TP + FN), precision =
TP / (TP + FP), per class and over all.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from claims.build import Case, build, load_cases, missing_capability  # noqa: E402


def _counts(match) -> bool:
    counts = getattr(match, "counts", None)
    return bool(counts) if counts is not None else not match.hidden


def resumecheck_found(matcher, document) -> set[str]:
    return {tid for tid, ms in matcher.find(document).items() if any(_counts(m) for m in ms)}


def naive_found(profile, document) -> set[str]:
    text = document.text.lower()
    return {t.id for t in profile.terms
            if any(wording.lower() in text for wording, _ in t.variants())}


class Tally:
    def __init__(self) -> None:
        self.tp = self.fn = self.fp = self.tn = 0

    def add(self, case: Case, found: set[str]) -> list[str]:
        wrong = []
        for tid in case.must_find:
            if tid in found:
                self.tp += 1
            else:
                self.fn += 1
                wrong.append(f"missed {tid}")
        for tid in case.must_not_find:
            if tid in found:
                self.fp += 1
                wrong.append(f"credited {tid}")
            else:
                self.tn += 1
        return wrong

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0


def run(verbose: bool = False) -> tuple[dict[str, Tally], dict[str, Tally], list[str]]:
    from resumecheck.matching import TermMatcher
    from resumecheck.nlp import load_pipeline
    from resumecheck.profiles import load_profile
    from resumecheck.readers import read_document

    profile = load_profile("pain-medicine")
    try:
        matcher = TermMatcher(profile, load_pipeline())
    except TypeError:  # an older checkout whose matcher takes the terms only
        matcher = TermMatcher(profile.terms, load_pipeline())
    ours: dict[str, Tally] = defaultdict(Tally)
    naive: dict[str, Tally] = defaultdict(Tally)
    cases = load_cases()
    waiting: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        for case in cases:
            why = missing_capability(case, Path(tmp))
            if why is not None:
                waiting.append(f"{case.name}: {why}")
                continue
            document = read_document(build(case, Path(tmp)))
            wrong = ours[case.klass].add(case, resumecheck_found(matcher, document))
            ours["ALL"].add(case, resumecheck_found(matcher, document))
            naive[case.klass].add(case, naive_found(profile, document))
            naive["ALL"].add(case, naive_found(profile, document))
            if verbose and wrong:
                print(f"  {case.name}: {', '.join(wrong)}")
    return ours, naive, waiting


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--verbose", action="store_true", help="list every wrong case")
    args = parser.parse_args()
    ours, naive, waiting = run(args.verbose)
    classes = sorted(k for k in ours if k != "ALL") + ["ALL"]
    n_cases = len(load_cases())
    print(f"{n_cases} documents; recall / precision over must_find and must_not_find terms")
    print(f"{'class':<24} {'resumecheck R':>13} {'P':>6}   {'naive R':>8} {'P':>6}")
    for k in classes:
        o, n = ours[k], naive[k]
        print(f"{k:<24} {o.recall:>13.3f} {o.precision:>6.3f}   "
              f"{n.recall:>8.3f} {n.precision:>6.3f}")
    if waiting:
        print(f"{len(waiting)} documents not run:")
        for line in waiting:
            print(f"  {line}")


if __name__ == "__main__":
    main()
