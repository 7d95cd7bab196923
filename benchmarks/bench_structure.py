"""How well the readers see a document's structure, and what it costs per page.

    python benchmarks/bench_structure.py [--baseline SRC] [--rounds 3] [--only TEXT] [-v]

Builds the labelled set (``benchmarks/structure/build.py``) when needed, reads every
document with this checkout's readers, and scores the blocks with the structure ruler
``../shared/tools/score_structure.py`` (imported from there, never copied: the figures
are the ones real documents will be scored with). Prints heading recall and precision,
snippets in the right section, order pairs held, visible snippets not hidden, and the
median extraction time per page; over ``../shared/corpus`` too when it is present, with
``benchmarks/structure/corpus_labels.json``.

``--baseline SRC`` reads the same files with another source tree (a checkout of an older
commit, e.g. ``git worktree add /tmp/base main``) in the same run, interleaved round by
round, so the before and after figures and the time ratio come from one run.
"""

from __future__ import annotations

import argparse
import collections
import importlib.util
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SET = ROOT / "benchmarks" / "structure"
#: The shared folder beside the repository (``../shared``); RESUMECHECK_SHARED overrides it
#: for a checkout that lives elsewhere (a git worktree).
SHARED = Path(os.environ.get("RESUMECHECK_SHARED") or ROOT.parent / "shared")
TOOL = SHARED / "tools" / "score_structure.py"
CORPUS = SHARED / "corpus"


def load_tool() -> Any:
    """The shared structure ruler as a module, or None when ../shared is absent."""
    if not TOOL.is_file():
        return None
    spec = importlib.util.spec_from_file_location("score_structure", TOOL)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _worker(src: str, root: str, names: list[str]) -> None:
    """Child process: read each file once with the readers under ``src``; JSON to stdout."""
    sys.path.insert(0, src)
    from resumecheck.readers import read_document

    out = {}
    for name in names:
        path = os.path.join(root, name)
        t0 = time.perf_counter()
        try:
            doc = read_document(path)
        except Exception as exc:  # noqa: BLE001 - reported as this file's error
            out[name] = {"error": f"{type(exc).__name__}: {exc}"}
            continue
        seconds = time.perf_counter() - t0
        out[name] = {"seconds": seconds, "pages": max(1, len(doc.pages)),
                     "blocks": doc.to_dict()["blocks"]}
    json.dump(out, sys.stdout)


def run_reader(src: Path, root: Path, names: list[str]) -> dict[str, Any]:
    # A fresh process per round and tree: imports are warmed by a first untimed file.
    code = ("import sys; sys.path.insert(0, sys.argv[1]); "
            "from benchmarks.bench_structure import _worker; "
            "_worker(sys.argv[2], sys.argv[3], sys.argv[4:])")
    warm = names[:1]
    cp = subprocess.run([sys.executable, "-c", code, str(ROOT), str(src), str(root),
                         *warm, *names], capture_output=True, text=True, check=False,
                        cwd=str(ROOT))
    if cp.returncode != 0:
        raise SystemExit(f"reader under {src} failed:\n{cp.stderr[-2000:]}")
    return json.loads(cp.stdout)


def score(tool: Any, labels: dict, results: dict[str, Any]) -> dict[str, Any]:
    tot: collections.Counter[str] = collections.Counter()
    per_doc = {}
    for name in sorted(labels):
        r = results[name]
        if "error" in r:
            per_doc[name] = {"error": r["error"]}
            tot["docs"] += 1
            lab = labels[name]
            tot["h_req"] += sum(1 for h in lab["headings"] if not h.get("optional"))
            tot["a_total"] += len(lab["anchors"])
            tot["o_total"] += len(lab["order"])
            tot["v_total"] += len(lab.get("visible", []))
            continue
        res = tool.score_doc(name, labels[name], r["blocks"])
        per_doc[name] = res
        tot["docs"] += 1
        tot["passed"] += bool(res["passed"])
        tot["h_req"] += res["headings_required"]
        tot["h_match"] += res["headings_matched"]
        tot["h_tp"] += res["heading_tp"]
        tot["h_fp"] += res["heading_fp"]
        tot["a_total"] += res["anchors_total"]
        tot["a_ok"] += res["anchors_ok"]
        tot["o_total"] += res["order_total"]
        tot["o_ok"] += res["order_ok"]
        tot["v_total"] += res["visible_total"]
        tot["v_ok"] += res["visible_ok"]
        tot["v_hidden"] += res["visible_hidden"]
    return {"totals": tot, "docs": per_doc}


def _pct(n: int, d: int) -> float:
    return 100.0 * n / d if d else 100.0


def figures(tot: collections.Counter[str]) -> dict[str, float]:
    return {
        "heading recall": _pct(tot["h_match"], tot["h_req"]),
        "heading precision": _pct(tot["h_tp"], tot["h_tp"] + tot["h_fp"]),
        "snippets in right section": _pct(tot["a_ok"], tot["a_total"]),
        "order pairs held": _pct(tot["o_ok"], tot["o_total"]),
        "visible not hidden": _pct(tot["v_ok"], tot["v_total"]),
        "documents passing": _pct(tot["passed"], tot["docs"]),
    }


def timing(rounds: list[dict[str, Any]]) -> float:
    """Median over files of (best-of-rounds seconds / pages), in milliseconds."""
    per_page = []
    for name in rounds[0]:
        if "error" in rounds[0][name]:
            continue
        best = min(r[name]["seconds"] for r in rounds)
        per_page.append(best / rounds[0][name]["pages"])
    return 1000 * statistics.median(per_page) if per_page else 0.0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--baseline", type=Path, help="another source tree to compare with")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--only", action="append", default=[])
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)

    tool = load_tool()
    if tool is None:
        print(f"the structure ruler is not here ({TOOL}); it ships in the shared folder "
              "beside the repository. Nothing was scored.")
        return 2
    sys.path.insert(0, str(SET))
    import build  # benchmarks/structure/build.py

    build.build(build.DOCS)
    sets = [("structure set", build.DOCS, json.loads(build.LABELS.read_text("utf-8")))]
    corpus_labels = SET / "corpus_labels.json"
    if CORPUS.is_dir() and corpus_labels.is_file():
        labels = json.loads(corpus_labels.read_text("utf-8"))
        labels = {k: v for k, v in labels.items() if (CORPUS / k).is_file()}
        if labels:
            sets.append(("shared corpus", CORPUS, labels))

    trees = [("after", ROOT)]
    if args.baseline:
        trees.insert(0, ("before", args.baseline.resolve()))
    for title, root, labels in sets:
        if args.only:
            labels = {k: v for k, v in labels.items() if any(o in k for o in args.only)}
        names = sorted(labels)
        rounds: dict[str, list[dict[str, Any]]] = {t: [] for t, _ in trees}
        for _ in range(max(1, args.rounds)):
            for tname, src in trees:
                rounds[tname].append(run_reader(src, root, names))
        print(f"== {title}: {len(names)} documents ({root})")
        rows = {}
        for tname, _ in trees:
            scored = score(tool, labels, rounds[tname][0])
            rows[tname] = {**figures(scored["totals"]), "ms per page": timing(rounds[tname])}
            if args.verbose and tname == "after":
                for name, res in scored["docs"].items():
                    if "error" in res:
                        print(f"  {name}: ERROR {res['error']}")
                        continue
                    if res["passed"] and not res["problems"]:
                        continue
                    print(f"  {name}: {'pass' if res['passed'] else 'FAIL'}")
                    for kind, items in res["problems"].items():
                        for it in items:
                            print(f"      - {kind}: {it}")
            t = scored["totals"]
            rows[tname]["_counts"] = (
                f"headings {t['h_match']}/{t['h_req']}, wrong headings {t['h_fp']}, "
                f"snippets {t['a_ok']}/{t['a_total']}, order {t['o_ok']}/{t['o_total']}, "
                f"visible {t['v_ok']}/{t['v_total']} ({t['v_hidden']} hidden), "
                f"documents passing {t['passed']}/{t['docs']}")
        header = f"{'figure':<28}" + "".join(f"{t:>12}" for t, _ in trees)
        print(header)
        for key in ("heading recall", "heading precision", "snippets in right section",
                    "order pairs held", "visible not hidden", "documents passing",
                    "ms per page"):
            unit = "" if key == "ms per page" else "%"
            print(f"{key:<28}" + "".join(f"{rows[t][key]:>11.1f}{unit or ' '}"
                                         for t, _ in trees))
        if args.baseline:
            ratio = rows["after"]["ms per page"] / max(rows["before"]["ms per page"], 1e-9)
            print(f"{'time ratio after/before':<28}{ratio:>23.2f}x")
        for tname, _ in trees:
            print(f"  {tname}: {rows[tname]['_counts']}")
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
