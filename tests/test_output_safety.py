"""Never lose a file: the report is never written over an input, nor out of a checked
folder through a planted link; file names that look like options are harmless."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from resumecheck.cli import main
from resumecheck.errors import ExitCode

ROOT = Path(__file__).resolve().parents[1]
CV = ROOT / "samples" / "cv_pain_medicine.docx"
POSTING = ROOT / "samples" / "posting_interventional_pain.txt"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def refused(capsys: pytest.CaptureFixture[str], args: list[str], *protected: Path) -> str:
    before = {p: digest(p) for p in protected}
    code = main([*args, "--isolated"])
    out, err = capsys.readouterr()
    assert code == ExitCode.USAGE, (code, err)
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert {p: digest(p) for p in protected} == before
    return err


@pytest.fixture
def cv(tmp_path: Path) -> Path:
    path = tmp_path / "cv.docx"
    path.write_bytes(CV.read_bytes())
    return path


def test_the_report_never_replaces_the_document_however_it_is_named(
    cv: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hard = cv.with_name("hard.docx")
    os.link(cv, hard)
    soft = cv.with_name("soft.docx")
    soft.symlink_to(cv)
    for target in (cv, hard, soft):
        err = refused(capsys, ["check", str(cv), "-o", str(target)], cv)
        assert "a document this run checks" in err


def test_the_report_never_replaces_a_companion_profile_or_config(
    cv: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    posting = tmp_path / "posting.txt"
    posting.write_bytes(POSTING.read_bytes())
    resume = tmp_path / "resume.docx"
    resume.write_bytes(CV.read_bytes())
    profile = tmp_path / "terms.txt"
    profile.write_text("spinal cord stimulation | SCS\n", encoding="utf-8")
    config = tmp_path / "team.toml"
    config.write_text('format = "json"\n', encoding="utf-8")
    for flag, path in (("--job", posting), ("--resume", resume), ("--profile", profile)):
        err = refused(capsys, ["check", str(cv), flag, str(path), "-o", str(path)], path)
        assert "which this run reads" in err
    before = digest(config)
    code = main(["check", str(cv), "--config", str(config), "-o", str(config)])
    assert code == ExitCode.USAGE and digest(config) == before
    assert "which this run reads" in capsys.readouterr().err


def test_a_document_found_in_a_checked_folder_is_never_replaced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "applicants"
    folder.mkdir()
    (folder / "a.docx").write_bytes(CV.read_bytes())
    other = folder / "b.txt"
    other.write_text("EXPERIENCE\nPain physician.\n", encoding="utf-8")
    refused(capsys, ["check", str(folder), "-o", str(other)], other)


def test_an_earlier_report_in_a_checked_folder_is_replaced_not_checked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "applicants"
    folder.mkdir()
    (folder / "a.docx").write_bytes(CV.read_bytes())
    report = folder / "report.md"
    for _ in range(2):
        code = main(["check", str(folder), "-f", "markdown", "-o", str(report), "--isolated"])
        capsys.readouterr()
        assert code == ExitCode.OK
    text = report.read_text(encoding="utf-8")
    assert "1 file checked" in text and "report.md" not in text


def test_a_planted_link_in_a_checked_folder_is_never_written_through(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    bashrc = home / ".bashrc"
    bashrc.write_text("export PATH=/usr/bin\n", encoding="utf-8")
    folder = tmp_path / "applicants"
    folder.mkdir()
    (folder / "a.docx").write_bytes(CV.read_bytes())
    (folder / "ranked.csv").symlink_to(bashrc)
    (folder / "out").symlink_to(home, target_is_directory=True)
    err = refused(capsys, ["check", str(folder), "-f", "csv", "-o", str(folder / "ranked.csv")],
                  bashrc)
    assert "symbolic link inside a checked folder" in err
    err = refused(capsys, ["check", str(folder), "-f", "csv", "-o",
                           str(folder / "out" / ".bashrc")], bashrc)
    assert "leads out of the checked folder" in err
    assert not (home / "ranked.csv").exists()


def test_a_link_the_user_names_outside_the_checked_folders_is_followed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "applicants"
    folder.mkdir()
    (folder / "a.docx").write_bytes(CV.read_bytes())
    reports = tmp_path / "reports"
    reports.mkdir()
    dated = reports / "2026-11-29.csv"
    dated.write_text("old\n", encoding="utf-8")
    latest = tmp_path / "latest.csv"
    latest.symlink_to(dated)
    assert main(["check", str(folder), "-f", "csv", "-o", str(latest), "--isolated"]) == 0
    assert latest.is_symlink() and dated.read_text(encoding="utf-8").startswith("rank,path")
    into = tmp_path / "into.csv"
    into.symlink_to(folder / "new.csv")
    refused(capsys, ["check", str(folder), "-f", "csv", "-o", str(into)])
    assert not (folder / "new.csv").exists()


def test_a_file_named_like_an_option_is_refused_and_dash_dash_checks_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    victim = tmp_path / "cv2.txt"
    victim.write_text("EXPERIENCE\nPain physician.\n", encoding="utf-8")
    (tmp_path / "--output=cv2.txt").write_text("x\n", encoding="utf-8")
    names = sorted(p.name for p in tmp_path.iterdir())  # what `check *` would pass
    err = refused(capsys, ["check", *names], victim)
    assert "put -- before the file names" in err
    code = main(["check", "--isolated", "--", *names])
    capsys.readouterr()
    assert code in (ExitCode.OK, ExitCode.BELOW_THRESHOLD)
    assert victim.read_text(encoding="utf-8") == "EXPERIENCE\nPain physician.\n"


def test_a_folder_as_the_output_is_a_usage_error(
    cv: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    err = refused(capsys, ["check", str(cv), "-o", str(tmp_path)])
    assert "is a folder" in err
