"""One-file check and cold-start costs, as ratios to a floor process.

    python benchmarks/bench_check.py [--runs 7]

Floor: a process that imports spaCy and builds the blank English pipeline with the
lookup lemmatizer. Prints the median wall time and peak memory (max RSS) of each command
and its ratio to the floor (`--help` / `--version` against a bare `import spacy`).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PY = sys.executable
FLOOR = ("import spacy; nlp = spacy.blank('en'); "
         "nlp.add_pipe('lemmatizer', config={'mode': 'lookup'}); nlp.initialize()")


#: Runs a command and reports its own peak RSS (KiB) on stderr's last line: the launcher's
#: RUSAGE_CHILDREN covers only that one command, unlike ours, which keeps the maximum of
#: every command run so far.
_LAUNCHER = (
    "import resource, subprocess, sys\n"
    "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode\n"
    "sys.stderr.write(f'\\nMAXRSS {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}\\n')\n"
    "sys.exit(code)\n"
)


def _once(cmd: list[str], codes: tuple[int, ...] = (0, 1)) -> tuple[float, int]:
    """Seconds and peak RSS (KiB) of one run of ``cmd``."""
    start = time.perf_counter()
    proc = subprocess.run([PY, "-c", _LAUNCHER, *cmd], cwd=ROOT, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if proc.returncode not in codes:
        raise SystemExit(f"{' '.join(cmd)} failed: {proc.stderr.decode()[-500:]}")
    return elapsed, int(proc.stderr.decode().rsplit("MAXRSS ", 1)[1])


def measure(cmd: list[str], runs: int) -> tuple[float, float]:
    """Median seconds and peak MiB of ``cmd`` over ``runs`` runs (one warm-up first)."""
    results = [_once(cmd) for _ in range(runs + 1)][1:]
    return statistics.median(t for t, _ in results), max(p for _, p in results) / 1024


def paired(cmd: list[str], ref: list[str], runs: int, codes: tuple[int, ...] = (0, 1)
           ) -> tuple[float, float, float]:
    """Median seconds and peak MiB of ``cmd``, and the median of its time over the time of
    ``ref`` run just before it: each pair sees the same machine, so drift in its speed
    (other work, frequency) cancels out of the ratio."""
    times, peaks, ratios = [], [], []
    for i in range(runs + 1):
        r, _ = _once(ref)
        t, peak = _once(cmd, codes)
        if i:  # the first pair warms the caches
            times.append(t)
            peaks.append(peak)
            ratios.append(t / r)
    return statistics.median(times), max(peaks) / 1024, statistics.median(ratios)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    # An installed package has its bytecode compiled (pip does it); spaCy's has. A checkout
    # run with PYTHONDONTWRITEBYTECODE would compile resumecheck's sources on every start,
    # which no installed copy does: compile them once first, as an install would.
    import compileall

    compileall.compile_dir(ROOT / "resumecheck", quiet=1)
    env_note = f"python {sys.version.split()[0]}, {os.cpu_count()} cores"
    floor_t, floor_m = measure([PY, "-c", FLOOR], args.runs)
    spacy_t, _ = measure([PY, "-c", "import spacy"], args.runs)
    rows = [("floor: import spacy + blank pipeline + lemmatizer", floor_t, floor_m, 1.0, 1.0)]
    rows.append(("bare import spacy", spacy_t, 0.0, spacy_t / floor_t, 0.0))
    for label, cmd, base in [
        ("check samples/cv_pain_medicine.pdf (2 pages)",
         ["-m", "resumecheck", "check", "samples/cv_pain_medicine.pdf", "--format", "json"],
         "floor"),
        ("check samples/cv_pain_medicine.docx",
         ["-m", "resumecheck", "check", "samples/cv_pain_medicine.docx", "--format", "json"],
         "floor"),
        ("check cv.pdf --job posting.txt",
         ["-m", "resumecheck", "check", "samples/cv_pain_medicine.pdf", "--job",
          "samples/posting_interventional_pain.txt", "--format", "json"], "floor"),
        ("check cv.pdf --job <1 MB posting on one line>",
         ["-m", "resumecheck", "check", "samples/cv_pain_medicine.pdf", "--job",
          _big_posting(), "--format", "json"], "floor"),
        ("--help", ["-m", "resumecheck", "--help"], "spacy"),
        ("--version", ["-m", "resumecheck", "--version"], "spacy"),
        ("usage error", ["-m", "resumecheck", "check", "--bogus"], "spacy"),
    ]:
        ref = [PY, "-c", FLOOR] if base == "floor" else [PY, "-c", "import spacy"]
        codes = (2,) if label == "usage error" else (0, 1)
        t, m, ratio = paired([PY, *cmd], ref, args.runs, codes)
        rows.append((label, t, m, ratio, m / floor_m if base == "floor" else 0.0))
    print(f"# one-file check vs floor ({env_note}; median of {args.runs}; each ratio the "
          "median over runs paired with the floor run just before)")
    print(f"{'command':<52} {'median s':>9} {'peak MiB':>9} {'time ratio':>11} {'mem ratio':>10}")
    for label, t, m, ratio, mratio in rows:
        ref = "(vs import spacy)" if label in ("--help", "--version", "usage error") else ""
        print(f"{label:<52} {t:9.3f} {m:9.1f} {ratio:11.2f} {mratio:10.2f} {ref}")


def _big_posting() -> str:
    """A 1 MB posting on a single line, made of the sample posting's own words: the worst
    case for anything that scans a block once per match."""
    import random
    import tempfile

    words = (ROOT / "samples" / "posting_interventional_pain.txt").read_text().split()
    rng = random.Random(1)
    text = "Requirements\n\n" + " ".join(rng.choice(words) for _ in range(150_000))
    path = Path(tempfile.gettempdir()) / "resumecheck-bench-posting.txt"
    path.write_text(text, encoding="utf-8")
    return str(path)


if __name__ == "__main__":
    main()
