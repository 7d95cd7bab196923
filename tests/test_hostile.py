"""Hostile inputs: every damaged, encrypted, bombed or odd file gets one line and an exit code.

The files are built at test time by ``tests/hostile/make_hazards.py``. Three layers:

- the readers, in one capped subprocess: each hazard gives a Document or an InputError;
- one CLI batch over the whole hazard folder plus a good CV: every path accounted for in the
  JSON report, the good file checked, exit code 3, one stderr line per unreadable file;
- a handful of single-file CLI runs for the exact stderr/exit-code contract.

Time and memory caps are asserted per run: a hazard must be rejected by a guard (size, zip
ratio, reference loop, ...) rather than by the watchdog killing its worker.
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest
from hostile.make_hazards import (
    PROFILE_TEXT,
    READABLE,
    SAMPLES,
    UNREADABLE,
    Hazard,
    build_all,
    check_command,
    clean,
    run_measured,
)

TIMEOUT = 20
MAX_MEMORY = 1024
#: RSS of a worker may reach its cap plus the interpreter, spaCy and the pipeline it had.
PEAK_LIMIT_MIB = MAX_MEMORY + 512
GOOD = "good_cv.docx"


@pytest.fixture(scope="module")
def hazard_dir(tmp_path_factory: pytest.TempPathFactory):
    dest = tmp_path_factory.mktemp("hazards")
    hazards = build_all(dest)
    shutil.copyfile(SAMPLES / "cv_pain_medicine.docx", dest / GOOD)
    yield dest, {h.name: h for h in hazards}
    clean(dest)


@pytest.fixture(scope="module")
def profile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("profile") / "hostile.txt"
    path.write_text(PROFILE_TEXT, encoding="utf-8")
    return path


def _no_secrets(text: str) -> None:
    # The XXE hazards point at /etc/passwd; none of it may reach any output.
    assert "root:" not in text and "/bin/bash" not in text and "nologin" not in text


def _reason_ok(hazard: Hazard, reason: str) -> None:
    low = reason.lower()
    assert "took longer than" not in low, f"{hazard.name}: only the watchdog stopped it"
    if hazard.reason:
        assert hazard.reason in low, f"{hazard.name}: reason {reason!r}"


# -- readers --------------------------------------------------------------------------------

_READ_ALL = r"""
import json, resource, signal, sys, time
from pathlib import Path
cap = int(sys.argv[2]) * 1024 * 1024
resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
from resumecheck.errors import InputError
from resumecheck.readers import read_document

def alarm(signum, frame):
    raise TimeoutError("reader took too long")

signal.signal(signal.SIGALRM, alarm)
for name in sys.argv[3:]:
    path = Path(sys.argv[1]) / name
    start = time.monotonic()
    signal.alarm(20)
    try:
        doc = read_document(path)
        row = {"kind": "document", "format": doc.format, "blocks": len(doc.blocks),
               "text": " ".join(b.text for b in doc.blocks)[:20000]}
    except InputError as exc:
        row = {"kind": "error", "reason": exc.reason, "path": exc.path}
    finally:
        signal.alarm(0)
    row.update(name=name, seconds=round(time.monotonic() - start, 3))
    print(json.dumps(row), flush=True)
"""


def test_readers_give_a_document_or_an_input_error(hazard_dir) -> None:
    """All hazards but the few slow ones, through read_document in one capped process."""
    dest, hazards = hazard_dir
    names = [n for n, h in hazards.items() if not h.slow]
    run = run_measured([sys.executable, "-c", _READ_ALL, str(dest), "2048", *names],
                       timeout=120)
    assert run.returncode == 0, run.stderr[-3000:]
    assert "Traceback" not in run.stderr
    rows = {r["name"]: r for r in map(json.loads, run.stdout.splitlines())}
    assert sorted(rows) == sorted(names)
    for name, row in rows.items():
        hazard = hazards[name]
        _no_secrets(json.dumps(row))
        if hazard.expect == UNREADABLE:
            assert row["kind"] == "error", f"{name} was read: {row}"
            _reason_ok(hazard, row["reason"])
            assert row["path"].endswith(name)
        else:
            assert row["kind"] == "document", f"{name}: {row}"
            assert "Attending physician" in row["text"] or "fellowship" in row["text"], name
        assert row["seconds"] < 10, f"{name} took {row['seconds']} s"


# -- one batch over everything ----------------------------------------------------------------


@pytest.mark.slow
def test_batch_over_the_hazard_folder(hazard_dir, profile: Path) -> None:
    dest, hazards = hazard_dir
    run = run_measured(check_command([dest], profile, "--jobs", "2", timeout=TIMEOUT,
                                     max_memory=MAX_MEMORY), timeout=600, cwd=dest.parent)
    assert "Traceback" not in run.stdout + run.stderr, run.stderr[-3000:]
    assert run.returncode == 3, run.stderr[-3000:]
    _no_secrets(run.stdout + run.stderr)
    report = json.loads(run.stdout)
    by_name = {Path(r["path"]).name: r for r in report["reports"]}

    good = by_name.pop(GOOD)
    assert good["status"] == "ok" and good["score"]["value"] > 0

    expected = {n: h for n, h in hazards.items() if h.path.is_file() or h.path.is_symlink()
                or h.special and not h.path.is_dir()}
    assert sorted(by_name) == sorted(expected), "every file in the folder is accounted for"
    unreadable = []
    for name, hazard in expected.items():
        entry = by_name[name]
        if hazard.expect == UNREADABLE:
            assert entry["status"] == "unreadable", f"{name}: {entry.get('status')}"
            _reason_ok(hazard, entry["reason"])
            unreadable.append(name)
        else:
            assert entry["status"] != "unreadable", f"{name}: {entry.get('reason')}"
    assert report["summary"]["unreadable"] == len(unreadable)

    # One stderr line per unreadable file, naming it; nothing else.
    lines = [ln for ln in run.stderr.splitlines() if ln.strip()]
    assert len(lines) == len(unreadable), run.stderr
    for name in unreadable:
        assert sum(1 for ln in lines if f"{name}: " in ln) == 1, name

    # Caps: nothing ran into the watchdog (checked per reason above); memory stayed capped.
    assert run.peak_mib < PEAK_LIMIT_MIB, f"peak {run.peak_mib:.0f} MiB"
    assert run.seconds < TIMEOUT * len(expected) / 2


# -- single files: the exact user-facing contract ---------------------------------------------

SINGLE = [
    "pdf_encrypted_aes256.pdf",
    "pdf_reference_loop.pdf",
    "docx_billion_laughs.docx",
    "docx_xxe_content_types.docx",
    "fs_link_dev_zero.pdf",
    "fs_fifo.pdf",
    "pdf_extraction_forbidden.pdf",
    "pdf_2000_pages.pdf",
]


@pytest.mark.parametrize("name", SINGLE)
def test_single_file_contract(hazard_dir, profile: Path, name: str) -> None:
    dest, hazards = hazard_dir
    hazard = hazards.get(name)
    if hazard is None:
        pytest.skip(f"{name} cannot be built here")
    run = run_measured(check_command([hazard.path], profile, timeout=TIMEOUT,
                                     max_memory=MAX_MEMORY), timeout=TIMEOUT + 60)
    assert not run.timed_out
    assert "Traceback" not in run.stdout + run.stderr
    _no_secrets(run.stdout + run.stderr)
    assert run.seconds < TIMEOUT + 10
    assert run.peak_mib < PEAK_LIMIT_MIB
    if hazard.expect == READABLE:
        assert run.returncode in (0, 1), run.stderr
        assert run.stderr == ""
        report = json.loads(run.stdout)["reports"][0]
        assert report["status"] == "ok"
        if name == "pdf_2000_pages.pdf":
            assert report["document"]["pages"] == 100
            assert any(f["code"] == "P112" for f in report["findings"])
        return
    assert run.returncode == 3, run.stderr
    lines = run.stderr.splitlines()
    assert len(lines) == 1, run.stderr
    path, _, reason = lines[0].partition(": ")
    assert Path(path).name == name
    _reason_ok(hazard, reason)
    report = json.loads(run.stdout)
    assert report["summary"]["unreadable"] == 1


def test_a_folder_named_like_a_document(hazard_dir, profile: Path) -> None:
    dest, _ = hazard_dir
    run = run_measured(check_command([dest / "fs_folder_cv.pdf"], profile), timeout=60)
    assert run.returncode == 3
    assert "Traceback" not in run.stderr
    assert len(run.stderr.splitlines()) == 1 and "fs_folder_cv.pdf" in run.stderr
