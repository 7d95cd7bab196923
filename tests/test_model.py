"""``--model``: an installed trained pipeline is loaded from a path and used."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from resumecheck.cli import main
from resumecheck.errors import ExitCode, ModelError
from resumecheck.nlp import load_pipeline

ROOT = Path(__file__).resolve().parents[1]
CV = ROOT / "samples" / "cv_pain_medicine.docx"

TRAIN = [
    ("Dr Roe performs nerve blocks", ["PROPN", "PROPN", "VERB", "NOUN", "NOUN"]),
    ("The clinic offers spinal cord stimulation", ["DET", "NOUN", "VERB", "ADJ", "NOUN", "NOUN"]),
    ("She leads opioid stewardship", ["PRON", "VERB", "NOUN", "NOUN"]),
]


@pytest.fixture(scope="module")
def small_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A tiny English pipeline with a trained tagger, saved to disk."""
    import spacy
    from spacy.training import Example

    random.seed(0)
    nlp = spacy.blank("en")
    nlp.add_pipe("tagger")
    examples = []
    for text, tags in TRAIN:
        doc = nlp.make_doc(text)
        examples.append(Example.from_dict(doc, {"tags": tags}))
    optimizer = nlp.initialize(lambda: examples)
    for _ in range(15):
        random.shuffle(examples)
        nlp.update(examples, sgd=optimizer)
    out = tmp_path_factory.mktemp("model") / "tiny_en"
    nlp.to_disk(out)
    return out


def test_trained_pipeline_loads_and_parses(small_model: Path) -> None:
    pipe = load_pipeline(str(small_model))
    assert pipe.trained and "tagger" in pipe.nlp.pipe_names
    doc = pipe.parse("The clinic offers spinal cord stimulation")
    assert [t.norm_ for t in doc][-1] == "stimulation"
    assert doc.has_annotation("TAG") and doc[1].tag_ == "NOUN"


def test_check_with_model_matches_like_the_default(small_model: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(CV), "--format", "json"]) == ExitCode.OK
    default = json.loads(capsys.readouterr().out)["reports"][0]
    assert main(["check", str(CV), "--format", "json", "--model", str(small_model)]) == 0
    with_model = json.loads(capsys.readouterr().out)["reports"][0]
    assert with_model["score"] == default["score"]


def test_missing_model_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(ModelError):
        load_pipeline(str(tmp_path / "no-model"))
    assert main(["check", str(CV), "--model", str(tmp_path / "no-model")]) == ExitCode.USAGE
    err = capsys.readouterr().err
    assert "no-model" in err and "Traceback" not in err
