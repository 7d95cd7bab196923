"""The labelled structure set, scored with the shared structure ruler, holds its targets.

The set is built here (benchmarks/structure/build.py, about 3 s) and read in process; the
ruler is ``../shared/tools/score_structure.py`` (``RESUMECHECK_SHARED`` points elsewhere),
so the figures are the ones real documents are scored with. Skipped when it is absent.
"""

from __future__ import annotations

import importlib.util
import json
import os
import sys
from pathlib import Path
from types import ModuleType

import pytest

from resumecheck.readers import read_document

ROOT = Path(__file__).resolve().parents[1]
SET = ROOT / "benchmarks" / "structure"
SHARED = Path(os.environ.get("RESUMECHECK_SHARED") or ROOT.parent / "shared")


def _load(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def ruler() -> ModuleType:
    tool = SHARED / "tools" / "score_structure.py"
    if not tool.is_file():
        pytest.skip("the shared structure ruler is not available")
    return _load("score_structure", tool)


def _score(ruler: ModuleType, root: Path, labels: dict) -> dict:
    tot = {"h_req": 0, "h_match": 0, "tp": 0, "fp": 0, "a": 0, "a_ok": 0, "o": 0, "o_ok": 0,
           "v": 0, "v_ok": 0, "v_hidden": 0}
    failures = {}
    for name in sorted(labels):
        blocks = read_document(root / name).to_dict()["blocks"]
        r = ruler.score_doc(name, labels[name], blocks)
        tot["h_req"] += r["headings_required"]
        tot["h_match"] += r["headings_matched"]
        tot["tp"] += r["heading_tp"]
        tot["fp"] += r["heading_fp"]
        tot["a"] += r["anchors_total"]
        tot["a_ok"] += r["anchors_ok"]
        tot["o"] += r["order_total"]
        tot["o_ok"] += r["order_ok"]
        tot["v"] += r["visible_total"]
        tot["v_ok"] += r["visible_ok"]
        tot["v_hidden"] += r["visible_hidden"]
        if not r["passed"]:
            failures[name] = dict(r["problems"])
    return {**tot, "failures": failures}


def test_structure_set_is_current_and_holds_the_targets(ruler: ModuleType,
                                                       tmp_path: Path) -> None:
    pytest.importorskip("fpdf")
    if not Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf").is_file():
        pytest.skip("DejaVu Sans (fonts-dejavu-core) is needed for the ligature and icon "
                    "documents")
    sys.path.insert(0, str(SET))
    try:
        build = _load("structure_build", SET / "build.py")
    finally:
        sys.path.remove(str(SET))
    labels = build.build(tmp_path)
    assert len(labels) >= 30
    assert build.dump(labels) == (SET / "labels.json").read_text("utf-8"), \
        "labels.json is out of date: run benchmarks/structure/build.py"
    t = _score(ruler, tmp_path, labels)
    assert t["a_ok"] >= 0.95 * t["a"], t["failures"]
    assert t["h_match"] >= 0.95 * t["h_req"], t["failures"]
    assert t["tp"] >= 0.90 * (t["tp"] + t["fp"]), t["failures"]
    assert t["o_ok"] == t["o"], t["failures"]
    assert t["v_hidden"] == 0 and t["v_ok"] == t["v"], t["failures"]


@pytest.mark.corpus
def test_shared_corpus_resumes_read_as_labelled(ruler: ModuleType) -> None:
    corpus = SHARED / "corpus"
    labels = json.loads((SET / "corpus_labels.json").read_text("utf-8"))
    labels = {k: v for k, v in labels.items() if (corpus / k).is_file()}
    if not labels:
        pytest.skip("shared corpus not available")
    t = _score(ruler, corpus, labels)
    assert not t["failures"], t["failures"]
    assert t["a_ok"] == t["a"] and t["o_ok"] == t["o"] and t["v_ok"] == t["v"]
