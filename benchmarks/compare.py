"""Time this checkout against another one (an older commit) in the same run.

    python benchmarks/compare.py --base /path/to/other/checkout [--runs 9]

The other checkout needs its own venv with resumecheck installed (``.venv`` inside it).
Each command runs alternately in both trees, so load on the machine falls on both alike;
prints the median wall time, the median CPU time (user + system, the command and its
children) and the peak RSS of the largest process, with the ratio this/base.
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

_LAUNCHER = (
    "import resource, subprocess, sys\n"
    "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode\n"
    "u = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
    "sys.stderr.write(f'\\nUSAGE {u.ru_utime + u.ru_stime} {u.ru_maxrss}\\n')\n"
    "sys.exit(code)\n"
)

COMMANDS: list[tuple[str, list[str]]] = [
    ("check cv.pdf (2 pages)", ["check", "samples/cv_pain_medicine.pdf", "--format", "json"]),
    ("check cv.docx", ["check", "samples/cv_pain_medicine.docx", "--format", "json"]),
    ("check cv.pdf --job posting.txt",
     ["check", "samples/cv_pain_medicine.pdf", "--job", "samples/posting_interventional_pain.txt",
      "--format", "json"]),
    ("check samples/ (5 files, 2 workers)", ["check", "samples", "--format", "jsonl", "-j", "2"]),
    ("--help", ["--help"]),
]


def _run(tree: Path, args: list[str]) -> tuple[float, float, float]:
    python = tree / ".venv" / "bin" / "python"
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", _LAUNCHER, str(python), "-m", "resumecheck",
                           *args], cwd=tree, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - start
    cpu, rss = proc.stderr.decode().rsplit("USAGE ", 1)[1].split()
    return wall, float(cpu), int(rss) / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", type=Path, required=True)
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    # Both trees with their bytecode compiled, as installed copies have it: under
    # PYTHONDONTWRITEBYTECODE a tree without it compiles its sources on every run.
    import compileall

    for tree in (ROOT, args.base):
        compileall.compile_dir(tree / "resumecheck", quiet=1)
    print(f"# this tree vs {args.base} ({os.cpu_count()} cores; median of {args.runs}, "
          "runs alternated)")
    print(f"{'command':<38} {'wall s':>13} {'ratio':>6} {'cpu s':>13} {'ratio':>6} "
          f"{'peak MiB':>13} {'ratio':>6}")
    for label, cmd in COMMANDS:
        this: list[tuple[float, float, float]] = []
        base: list[tuple[float, float, float]] = []
        for i in range(args.runs + 1):
            a, b = _run(ROOT, cmd), _run(args.base, cmd)
            if i:  # the first pair warms the file cache
                this.append(a)
                base.append(b)
        cols = []
        for k in range(3):
            t = statistics.median(r[k] for r in this)
            s = statistics.median(r[k] for r in base)
            cols.append(f"{t:6.3f}/{s:6.3f} {t / s:6.2f}")
        print(f"{label:<38} {'  '.join(cols)}")


if __name__ == "__main__":
    main()
