"""Every hostile input once through the CLI: exit code, seconds and peak memory per file.

    python benchmarks/bench_hostile.py [--timeout 20] [--max-memory 1024] [--keep DIR]

Builds the hazards of ``tests/hostile/make_hazards.py`` into a temporary folder, runs
``resumecheck check FILE --format json`` on each (one process per file, as a user would),
and prints a table, then the slowest and the most memory-hungry. A hazard "passes" when the
exit code is the documented one (3 for unreadable, 0 or 1 for readable) and no traceback
was printed. Peak memory is that of the CLI and its worker, read with ``wait4``.
"""

from __future__ import annotations

import argparse
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--timeout", type=int, default=20)
    parser.add_argument("--max-memory", type=int, default=1024)
    parser.add_argument("--keep", type=Path, help="build the hazards here and keep them")
    args = parser.parse_args()

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
    return 0 if passed == len(rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
