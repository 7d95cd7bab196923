"""Every hostile input once through the CLI: exit code, seconds and peak memory per file;
then every hostile command line.

    python benchmarks/bench_hostile.py [--timeout 20] [--max-memory 1024] [--keep DIR]
                                       [--only files|commands]

Builds the hazards of ``tests/hostile/make_hazards.py`` into a temporary folder, runs
``resumecheck check FILE --format json`` on each (one process per file, as a user would),
and prints a table, then the slowest and the most memory-hungry. A hazard "passes" when the
exit code is the documented one (3 for unreadable, 0 or 1 for readable) and no traceback
was printed. Peak memory is that of the CLI and its worker, read with ``wait4``.

The second table runs the misuses of ``tests/hostile/misuse.py`` (report paths that cannot
be written, option values no machine can honour, bad TOML, oversized profiles, file names
that are not UTF-8 or hold control characters, glob patterns over link loops and deep
trees, a closed standard output, signals to a running batch): a case passes when its exit
code is the documented one, with no traceback, at most one stderr line, and every other
promise of the case kept.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from hostile.make_hazards import (  # noqa: E402
    PROFILE_TEXT,
    UNREADABLE,
    build_all,
    check_command,
    clean,
    run_measured,
)
from hostile.misuse import build_misuses, remove_tree, run_misuse  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--timeout", type=int, default=20)
    parser.add_argument("--max-memory", type=int, default=1024)
    parser.add_argument("--keep", type=Path, help="build the hazards here and keep them")
    parser.add_argument("--only", choices=("files", "commands"))
    args = parser.parse_args()
    ok = True
    if args.only != "commands":
        ok = bench_files(args) and ok
    if args.only != "files":
        print()
        ok = bench_commands() and ok
    return 0 if ok else 1


def bench_files(args: argparse.Namespace) -> bool:
    with tempfile.TemporaryDirectory() as tmp:
        dest = args.keep or Path(tmp) / "hazards"
        profile = Path(tmp) / "profile.txt"
        profile.write_text(PROFILE_TEXT, encoding="utf-8")
        hazards = build_all(dest)
        rows = []
        print(f"{'hazard':36} {'want':>5} {'exit':>4} {'seconds':>8} {'peak MiB':>9}  reason")
        for hazard in hazards:
            run = run_measured(check_command([hazard.path], profile, timeout=args.timeout,
                                             max_memory=args.max_memory),
                               timeout=args.timeout + 120)
            want = {3} if hazard.expect == UNREADABLE else {0, 1}
            ok = run.returncode in want and "Traceback" not in run.stdout + run.stderr
            reason = run.stderr.strip().splitlines()[-1].partition(": ")[2] if run.stderr else ""
            rows.append((hazard.name, run, ok))
            print(f"{hazard.name:36} {'/'.join(map(str, sorted(want))):>5} "
                  f"{run.returncode!s:>4} {run.seconds:8.2f} {run.peak_mib:9.0f}  "
                  f"{'' if ok else 'FAIL '}{reason[:70]}", flush=True)
        if args.keep is None:
            clean(dest)
    passed = sum(1 for _, _, ok in rows if ok)
    slowest = max(rows, key=lambda r: r[1].seconds)
    hungriest = max(rows, key=lambda r: r[1].peak_mib)
    print()
    print(f"{passed}/{len(rows)} hazards give the documented exit code without a traceback")
    print(f"slowest:       {slowest[0]} ({slowest[1].seconds:.2f} s)")
    print(f"most memory:   {hungriest[0]} ({hungriest[1].peak_mib:.0f} MiB)")
    total = sum(r[1].seconds for r in rows)
    print(f"total:         {total:.1f} s for {len(rows)} runs")
    return passed == len(rows)


def bench_commands() -> bool:
    dest = Path(tempfile.mkdtemp(prefix="resumecheck-misuse-"))
    try:
        cases = build_misuses(dest / "cases")
        logs = dest / "logs"
        logs.mkdir()
        print(f"{'command-line misuse':40} {'want':>8} {'exit':>5} {'seconds':>8}  what was said")
        passed = 0
        for case in cases:
            outcome, problems = run_misuse(case, logs)
            said = outcome.stderr.decode("utf-8", "replace").strip().splitlines()
            line = said[-1] if said else ""
            if line.startswith(str(dest)):
                line = "..." + line[len(str(dest)):]
            line = re.sub(r"(.)\1{19,}", lambda m: m.group(1) * 3 + "...", line)
            want = "/".join(map(str, sorted(case.want)))
            passed += not problems
            print(f"{case.name:40} {want:>8} {outcome.returncode!s:>5} {outcome.seconds:8.2f}  "
                  f"{'FAIL ' + '; '.join(problems) if problems else line}"[:200], flush=True)
    finally:
        remove_tree(dest)
    print()
    print(f"{passed}/{len(cases)} misuses end with the documented exit code, one line at most, "
          "no traceback")
    return passed == len(cases)


if __name__ == "__main__":
    raise SystemExit(main())
