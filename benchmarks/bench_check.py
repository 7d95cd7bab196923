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


def measure(cmd: list[str], runs: int) -> tuple[float, float]:
    """Median seconds and peak MiB of ``cmd`` over ``runs`` runs (one warm-up first)."""
    times, peaks = [], []
    for i in range(runs + 1):
        start = time.perf_counter()
        proc = subprocess.run([PY, "-c", _LAUNCHER, *cmd], cwd=ROOT, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE)
        elapsed = time.perf_counter() - start
        if proc.returncode not in (0, 1):
            raise SystemExit(f"{' '.join(cmd)} failed: {proc.stderr.decode()[-500:]}")
        if i:
            times.append(elapsed)
            peaks.append(int(proc.stderr.decode().rsplit("MAXRSS ", 1)[1]))
    return statistics.median(times), max(peaks) / 1024


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
        try:
            t, m = measure([PY, *cmd], args.runs)
        except SystemExit:
            if label == "usage error":  # exits 2 by design
                t, m = _usage(cmd, args.runs)
            else:
                raise
        ref = floor_t if base == "floor" else spacy_t
        rows.append((label, t, m, t / ref, m / floor_m if base == "floor" else 0.0))
    print(f"# one-file check vs floor ({env_note}; median of {args.runs})")
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


def _usage(cmd: list[str], runs: int) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([PY, *cmd], cwd=ROOT, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times), 0.0  # exits 2 by design; its memory is not of interest


if __name__ == "__main__":
    main()
