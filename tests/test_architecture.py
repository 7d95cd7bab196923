"""The shape of the package: no import cycles, no caches outside the checker, typed
records, each input read once per run, and one exit code for a bug in one file."""

from __future__ import annotations

import ast
import dataclasses
import json
import typing
from pathlib import Path

import pytest

import resumecheck.models as models
from resumecheck.cli import main
from resumecheck.errors import ExitCode

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "resumecheck"
SAMPLES = ROOT / "samples"


def _modules() -> dict[str, Path]:
    out = {}
    for path in PACKAGE.rglob("*.py"):
        name = ".".join(path.relative_to(ROOT).with_suffix("").parts)
        out[name.removesuffix(".__init__")] = path
    return out


def _imports(path: Path, known: dict[str, Path]) -> set[str]:
    """Every package module ``path`` imports, at module level or inside a function."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module in known:
                found.add(node.module)
            found.update(f"{node.module}.{a.name}" for a in node.names
                         if f"{node.module}.{a.name}" in known)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name in known)
    return found


def test_no_import_cycles_anywhere_in_the_package() -> None:
    known = _modules()
    graph = {name: _imports(path, known) - {name} for name, path in known.items()}
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(name: str) -> None:
        state[name] = 1
        stack.append(name)
        for target in sorted(graph[name]):
            if state.get(target) == 1:
                cycle = stack[stack.index(target):] + [target]
                pytest.fail("import cycle: " + " -> ".join(cycle))
            if target not in state:
                visit(target)
        stack.pop()
        state[name] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name)


def test_no_module_level_cache() -> None:
    """State lives in the checker: no module-level function memoises on its arguments.

    A loader without arguments (a table of the package's own data, read once on first
    use) is a constant, not a cache: nothing about a run can make it stale."""
    offenders = []
    for name, path in _modules().items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:
            if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            takes_input = bool(node.args.args or node.args.kwonlyargs or node.args.vararg
                               or node.args.kwarg)
            for deco in node.decorator_list:
                text = ast.unparse(deco)
                if "cache" in text and takes_input:
                    offenders.append(f"{name}.{node.name} ({text})")
    assert offenders == []


def test_records_carry_typed_domain_records_not_any() -> None:
    for name in dir(models):
        cls = getattr(models, name)
        if not (isinstance(cls, type) and dataclasses.is_dataclass(cls)):
            continue
        hints = typing.get_type_hints(cls)
        for field in dataclasses.fields(cls):
            assert hints[field.name] is not typing.Any, f"{name}.{field.name} is Any"


def test_each_input_file_is_read_once_per_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import resumecheck.profiles as profiles
    import resumecheck.readers as readers

    log = tmp_path / "reads.log"
    real_read, real_text = readers.read_input, profiles._read_text

    def logged_read(path, limits=None):
        with log.open("a", encoding="utf-8") as fh:  # forked readers append here too
            fh.write(f"{Path(path).name}\n")
        return real_read(path, limits)

    def logged_text(path):
        with log.open("a", encoding="utf-8") as fh:
            fh.write(f"{Path(path).name}\n")
        return real_text(path)

    monkeypatch.setattr(readers, "read_input", logged_read)
    monkeypatch.setattr(profiles, "_read_text", logged_text)
    folder = tmp_path / "cvs"
    folder.mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):
        (folder / name).write_text("EXPERIENCE\nPain physician doing spinal cord stimulation.\n",
                                   encoding="utf-8")
    terms = tmp_path / "terms.txt"
    terms.write_text("spinal cord stimulation | SCS\n", encoding="utf-8")
    letter = tmp_path / "resume.txt"
    letter.write_text("EXPERIENCE\nSpinal cord stimulation.\n", encoding="utf-8")
    for args in (["check", str(folder / "a.txt")], ["check", str(folder), "-j", "2"]):
        log.unlink(missing_ok=True)
        code = main([*args, "--isolated", "--profile", str(terms), "--format", "json",
                     "--job", str(SAMPLES / "posting_interventional_pain.txt"),
                     "--resume", str(letter)])
        capsys.readouterr()
        assert code in (ExitCode.OK, ExitCode.BELOW_THRESHOLD)
        reads = log.read_text(encoding="utf-8").split()
        assert sorted(reads) == sorted(set(reads)), f"read more than once: {reads}"
        assert {"terms.txt", "posting_interventional_pain.txt", "resume.txt"} <= set(reads)


def test_an_internal_error_in_one_file_of_a_batch_exits_4_and_the_others_are_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from resumecheck.checker import Checker

    real = Checker.check

    def check(self, document):
        if document.path.endswith("boom.txt"):
            raise ZeroDivisionError("a bug in a check")
        return real(self, document)

    monkeypatch.setattr(Checker, "check", check)  # forked workers inherit the patch
    for name in ("a.txt", "boom.txt", "c.txt"):
        (tmp_path / name).write_text("EXPERIENCE\nPain physician.\n", encoding="utf-8")
    for jobs in ("1", "2"):
        code = main(["check", str(tmp_path), "--isolated", "--format", "json", "-j", jobs])
        out, err = capsys.readouterr()
        assert code == ExitCode.INTERNAL
        reports = json.loads(out)["reports"]
        assert [r["status"] for r in reports] == ["ok", "error", "ok"]
        assert "internal error: ZeroDivisionError: a bug in a check" in reports[1]["reason"]
        assert json.loads(out)["summary"]["errors"] == 1
        assert err.count("boom.txt: internal error") == 1 and "Traceback" not in err
    # One file alone: the same exit code.
    code = main(["check", str(tmp_path / "boom.txt"), "--isolated"])
    assert code == ExitCode.INTERNAL
    assert "internal error: ZeroDivisionError" in capsys.readouterr().err


def test_the_library_checks_many_files_under_the_caps(tmp_path: Path) -> None:
    from resumecheck.api import check_files, checker_for
    from resumecheck.models import Failure, Report

    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"GIF89a\x01\x00\x01\x00\x80\x00\x00" + bytes(64))
    cv = SAMPLES / "cv_pain_medicine.docx"
    outcomes = check_files([cv, bad], jobs=2)
    assert isinstance(outcomes[0], Report) and outcomes[0].score.value > 50
    assert isinstance(outcomes[1], Failure) and "GIF image" in outcomes[1].reason
    checker = checker_for("pain-medicine")
    assert checker.check_path(cv).score == outcomes[0].score
