"""Score every document of the calibration set against its band.

    python benchmarks/bench_calibration.py [--cli] [--categories] [--write-doc | --check-doc]

Reads the labels in ``tests/data/calibration/bands.toml``, builds the set's DOCX and PDF
files (``tests/calibration/build.py``) into the git-ignored ``tests/data/calibration/_build``,
checks every document with the built-in profile as a user would (``resumecheck.check``, or
the command line with ``--cli``) and prints: document, band, expected range, score, whether
it is in its band, the kind detected; then a summary per band. ``--categories`` adds each
category's share of its points per document, which is where calibrating starts.

``--write-doc`` regenerates the table in docs/calibration.md; ``--check-doc`` exits 1 when
that table is stale. Without either, the exit code is 0 whatever the scores: this measures,
the test suite (tests/test_calibration.py) holds.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from calibration.build import BUILD  # noqa: E402
from calibration.measure import (  # noqa: E402
    DOC,
    doc_with_table,
    document_paths,
    load_labels,
    measure_cli,
    measure_library,
    render_markdown,
    render_text,
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cli", action="store_true",
                        help="check through the command line (one batch run) instead of "
                             "the library")
    parser.add_argument("--categories", action="store_true",
                        help="show each category's share of its points per document")
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--write-doc", action="store_true",
                       help=f"regenerate the table in {DOC.relative_to(REPO)}")
    group.add_argument("--check-doc", action="store_true",
                       help=f"exit 1 when the table in {DOC.relative_to(REPO)} is stale")
    args = parser.parse_args(argv)

    labels = load_labels()
    paths = document_paths(labels, BUILD)
    rows = measure_cli(labels, paths) if args.cli else measure_library(labels, paths)
    print(f"# calibration set: {len(rows)} documents, profile pain-medicine, "
          f"via {'the CLI' if args.cli else 'resumecheck.check'}")
    print(render_text(labels, rows, categories=args.categories), end="")

    if args.write_doc or args.check_doc:
        current = DOC.read_text(encoding="utf-8")
        wanted = doc_with_table(current, render_markdown(labels, rows))
        if args.check_doc:
            if wanted != current:
                print(f"{DOC.relative_to(REPO)} is stale: run with --write-doc", file=sys.stderr)
                return 1
        elif wanted != current:
            DOC.write_text(wanted, encoding="utf-8")
            print(f"wrote {DOC.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
