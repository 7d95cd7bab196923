"""The command line contract: exit codes, one-line errors, formats, fast help."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import resumecheck
from resumecheck.cli import main
from resumecheck.errors import ExitCode

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
CV_PDF = SAMPLES / "cv_pain_medicine.pdf"
CV_DOCX = SAMPLES / "cv_pain_medicine.docx"


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("args", [["--help"], ["--version"], ["check", "--bogus"],
                                  ["check", "--help"]])
def test_help_version_and_usage_errors_never_import_spacy(args: list[str]) -> None:
    code = (
        f"import sys\nfrom resumecheck.cli import main\nrc = main({args!r})\n"
        "heavy = [m for m in ('spacy', 'pdfminer', 'docx', 'rich.console') if m in sys.modules]\n"
        "print('HEAVY', heavy)\nsys.exit(rc)"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=ROOT, timeout=60)
    assert "HEAVY []" in proc.stdout
    assert proc.returncode == (2 if "--bogus" in args else 0)


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["--version"], capsys)
    assert code == ExitCode.OK and out.startswith(f"resumecheck {resumecheck.__version__} (")
    assert out.count("\n") == 1


def test_check_sample_text_report(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["check", str(CV_PDF)], capsys)
    assert code == ExitCode.OK, err
    assert "Score " in out and "What to change first" in out and "Score by category" in out
    assert "\x1b[" not in out  # never colour when not a terminal


def test_fail_under_sets_exit_code(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["check", str(CV_PDF), "--fail-under", "99"], capsys)[0] == ExitCode.BELOW_THRESHOLD
    assert run(["check", str(CV_PDF), "--fail-under", "10"], capsys)[0] == ExitCode.OK


def test_fail_on_warning(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["check", str(CV_PDF), "--format", "json"], capsys)
    report = json.loads(out)["reports"][0]
    expected = ExitCode.BELOW_THRESHOLD if report["counts"]["warning"] else ExitCode.OK
    assert run(["check", str(CV_PDF), "--fail-on", "warning"], capsys)[0] == expected


def test_unreadable_file_is_one_line_and_exit_3(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "cv.pdf"
    bad.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 8)
    code, out, err = run(["check", str(bad)], capsys)
    assert code == ExitCode.UNREADABLE
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"{bad.as_posix()}: ")
    assert "Traceback" not in err + out


def test_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["check", str(tmp_path / "nope.pdf")], capsys)
    assert code == ExitCode.UNREADABLE
    assert "nope.pdf" in err and "Traceback" not in err


def test_unknown_profile_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["check", str(CV_PDF), "--profile", "no-such-profile"], capsys)
    assert code == ExitCode.USAGE
    assert "no-such-profile" in err and "pain-medicine" in err


def test_malformed_profile_names_file_and_key(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    prof = tmp_path / "bad.toml"
    prof.write_text('[profile]\nname = "x"\n\n[categories.a]\ntitle = "A"\nweight = 1\n\n'
                    '[[terms]]\nterm = "nerve block"\ncategory = "a"\nlevel = "essential"\n',
                    encoding="utf-8")
    code, _, err = run(["check", str(CV_PDF), "--profile", str(prof)], capsys)
    assert code == ExitCode.USAGE
    assert str(prof) in err and "level" in err


def test_txt_profile_scores_and_lists_missing(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    prof = tmp_path / "mine.txt"
    prof.write_text("# my list\nspinal cord stimulation | SCS\nkyphoplasty\n", encoding="utf-8")
    code, out, _ = run(["check", str(CV_DOCX), "--profile", str(prof), "--format", "json"],
                       capsys)
    report = json.loads(out)["reports"][0]
    found = {t["term"]: t["found"] for t in report["terms"]}
    assert found == {"spinal cord stimulation": True, "kyphoplasty": False}
    assert report["score"]["value"] == 50.0


def test_output_file_written_and_stdout_empty(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "out" / "report.json"
    target.parent.mkdir()
    code, out, _ = run(["check", str(CV_DOCX), "--format", "json", "-o", str(target)], capsys)
    assert code == ExitCode.OK and out == ""
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["schema"] == "resumecheck.report/1"
    assert [p.name for p in target.parent.iterdir()] == ["report.json"]  # no temp file left


def test_select_and_ignore(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["check", str(CV_PDF), "--format", "json", "--select", "K"], capsys)
    codes = {f["code"] for f in json.loads(out)["reports"][0]["findings"]}
    assert codes and all(c.startswith("K") for c in codes)
    code, out, _ = run(["check", str(CV_PDF), "--format", "json", "--ignore", "K"], capsys)
    codes = {f["code"] for f in json.loads(out)["reports"][0]["findings"]}
    assert not any(c.startswith("K") for c in codes)


def test_config_file_sets_defaults_and_command_line_wins(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    cv = tmp_path / "docs" / "cv.docx"
    cv.parent.mkdir()
    cv.write_bytes(CV_DOCX.read_bytes())
    (tmp_path / "resumecheck.toml").write_text('format = "json"\nfail-under = 99\n',
                                              encoding="utf-8")
    monkeypatch.chdir(tmp_path / "docs")  # found in a folder above the current one
    code, out, err = run(["check", "cv.docx", "-v"], capsys)
    assert code == ExitCode.BELOW_THRESHOLD and json.loads(out)["settings"]["fail_under"] == 99
    assert f"config: {tmp_path / 'resumecheck.toml'}" in err
    code, out, _ = run(["check", "cv.docx", "--fail-under", "5", "--format", "text"], capsys)
    assert code == ExitCode.OK and out.startswith("cv.docx")
    code, out, _ = run(["check", "cv.docx", "--isolated"], capsys)
    assert code == ExitCode.OK and out.startswith("cv.docx")


def test_a_config_file_inside_a_checked_folder_is_never_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "applicants"
    folder.mkdir()
    (folder / "cv.docx").write_bytes(CV_DOCX.read_bytes())
    (folder / "resumecheck.toml").write_text('ignore = ["S", "K", "Q", "C", "P"]\njobs = 1\n',
                                            encoding="utf-8")
    elsewhere = tmp_path / "work"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    code, out, _ = run(["check", str(folder), "--format", "json"], capsys)
    assert code == ExitCode.OK
    assert json.loads(out)["reports"][0]["findings"], "the stranger's config blanked findings"


def test_config_named_with_config_and_its_relative_profile(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    conf = tmp_path / "settings" / "team.toml"
    conf.parent.mkdir()
    (conf.parent / "terms.txt").write_text("spinal cord stimulation | SCS\n", encoding="utf-8")
    conf.write_text('profile = "terms.txt"\nformat = "json"\n', encoding="utf-8")
    code, out, _ = run(["check", str(CV_DOCX), "--config", str(conf)], capsys)
    assert code == ExitCode.OK and json.loads(out)["profile"] == "terms"
    code, _, err = run(["check", str(CV_DOCX), "--config", str(conf), "--isolated"], capsys)
    assert code == ExitCode.USAGE and "cannot be used together" in err
    code, _, err = run(["check", str(CV_DOCX), "--config", str(tmp_path / "none.toml")], capsys)
    assert code == ExitCode.USAGE and "none.toml: no such config file" in err


@pytest.mark.parametrize(("setting", "key"), [
    ("timeout = 0", "timeout"), ("fail-under = 150", "fail-under"), ("jobs = 0", "jobs"),
    ('format = "pdf"', "format"), ('fail-on = "panic"', "fail-on"),
    ("max-memory = 1", "max-memory"),
])
def test_a_config_value_out_of_bounds_is_a_usage_error_naming_file_and_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], setting: str, key: str
) -> None:
    conf = tmp_path / "resumecheck.toml"
    conf.write_text(setting + "\n", encoding="utf-8")
    code, _, err = run(["check", str(CV_DOCX), "--config", str(conf)], capsys)
    assert code == ExitCode.USAGE
    assert err.startswith(f"{conf}: {key}: "), err
    assert len(err.strip().splitlines()) == 1


def test_bad_config_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "resumecheck.toml").write_text("colour = true\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, _, err = run(["check", str(CV_DOCX)], capsys)
    assert code == ExitCode.USAGE and "colour" in err
    (tmp_path / "resumecheck.toml").write_bytes(b"profile = \"\xff\"\n")
    code, _, err = run(["check", str(CV_DOCX)], capsys)
    assert code == ExitCode.USAGE and "not UTF-8" in err


def test_profiles_commands(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["profiles"], capsys)
    assert code == 0 and out.startswith("pain-medicine\t")
    code, out, _ = run(["profiles", "show", "pain-medicine"], capsys)
    assert code == 0 and 'name = "pain-medicine"' in out
    shown = tmp_path / "copy.toml"
    shown.write_text(out, encoding="utf-8")
    code, out, _ = run(["profiles", "validate", str(shown)], capsys)
    assert code == 0 and "ok" in out
    bad = tmp_path / "dup.txt"
    bad.write_text("nerve block\nNerve-Block\n", encoding="utf-8")
    code, _, err = run(["profiles", "validate", str(bad)], capsys)
    assert code == ExitCode.USAGE and "line 2" in err


def test_rules_listing_and_explanation(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["rules"], capsys)
    assert code == 0 and "K101" in out
    code, out, _ = run(["rules", "K101"], capsys)
    assert code == 0 and "Fails:" in out and "Passes:" in out
    code, _, err = run(["rules", "Z999"], capsys)
    assert code == ExitCode.USAGE and "Z999" in err


def test_extract_json_and_text(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["extract", str(CV_DOCX), "--format", "json"], capsys)
    data = json.loads(out)
    assert code == 0 and data["format"] == "docx"
    origins = {b["origin"] for b in data["blocks"]}
    assert {"header", "table", "textbox", "body"} <= origins
    code, out, _ = run(["extract", str(CV_DOCX)], capsys)
    assert code == 0 and "(textbox)" in out


def test_library_api() -> None:
    report = resumecheck.check(CV_DOCX)
    assert report.kind.value == "resume"
    assert 0 < report.score.value <= 100
    assert report.missing() and all(not t.found for t in report.missing())


def test_redact_hides_contact_details(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["check", str(CV_DOCX), "--format", "json"], capsys)
    assert "@example.com" in out or "555-0147" in out or code == 0
    code, out, _ = run(["check", str(CV_DOCX), "--format", "json", "--redact"], capsys)
    assert "@example.com" not in out and "555-0147" not in out


def test_debug_shows_traceback_for_internal_errors(tmp_path: Path) -> None:
    # A profile error without --debug is one line; with --debug the exception propagates.
    prof = tmp_path / "bad.toml"
    prof.write_text("[[terms]\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "resumecheck", "check", str(CV_PDF),
                           "--profile", str(prof)], capture_output=True, text=True, cwd=ROOT,
                          timeout=120)
    assert proc.returncode == ExitCode.USAGE
    assert len(proc.stderr.strip().splitlines()) == 1 and "Traceback" not in proc.stderr
    proc = subprocess.run([sys.executable, "-m", "resumecheck", "--debug", "check", str(CV_PDF),
                           "--profile", str(prof)], capture_output=True, text=True, cwd=ROOT,
                          timeout=120)
    assert "Traceback" in proc.stderr


def test_ctrl_c_exits_130_and_leaves_no_report(tmp_path: Path) -> None:
    import signal
    import time

    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(60):
        (folder / f"cv{i:02d}.pdf").write_bytes(CV_PDF.read_bytes())
    target = tmp_path / "report.json"
    proc = subprocess.Popen([sys.executable, "-m", "resumecheck", "check", str(folder),
                             "--format", "json", "-o", str(target), "--jobs", "2"],
                            cwd=ROOT, stderr=subprocess.PIPE, text=True)
    time.sleep(2.0)
    proc.send_signal(signal.SIGINT)
    start = time.monotonic()
    _, err = proc.communicate(timeout=60)
    rc = proc.returncode
    stopped_in = time.monotonic() - start
    if rc == 0:
        pytest.skip("the batch finished before the interrupt arrived")
    assert rc == ExitCode.INTERRUPTED, err
    assert "interrupted" in err and "Traceback" not in err
    assert stopped_in < 10
    assert not target.exists() and sorted(p.name for p in tmp_path.iterdir()) == ["many"]


@pytest.mark.parametrize("fmt", ["jsonl", "json", "csv", "github"])
def test_batch_output_is_identical_whatever_the_worker_count(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    folder = tmp_path / "applicants"
    folder.mkdir()
    for name, src in (("a.pdf", CV_PDF), ("b.docx", CV_DOCX), ("c.pdf", CV_PDF)):
        (folder / name).write_bytes(src.read_bytes())
    (folder / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip")
    outs = []
    for jobs in ("1", "2"):
        target = tmp_path / f"report-{jobs}.{fmt}"
        code, out, err = run(["check", str(folder), "--format", fmt, "-o", str(target),
                              "--jobs", jobs, "--fail-under", "50"], capsys)
        assert code == ExitCode.UNREADABLE and out == ""
        assert err.strip().splitlines() == [f"{(folder / 'broken.docx').as_posix()}: "
                                            + err.split(": ", 1)[1].strip()]
        outs.append(target.read_bytes())
    assert outs[0] == outs[1]
    if fmt == "jsonl":
        lines = [json.loads(x) for x in outs[0].decode().splitlines()]
        assert [Path(x["path"]).name for x in lines] == ["a.pdf", "b.docx", "broken.docx",
                                                         "c.pdf"]
        assert [x["status"] for x in lines] == ["ok", "ok", "unreadable", "ok"]


@pytest.mark.parametrize("no_color", [False, True])
def test_colour_only_on_a_terminal_and_never_with_no_color(no_color: bool) -> None:
    import os
    import pty

    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    if no_color:
        env["NO_COLOR"] = "1"
    master, slave = pty.openpty()
    try:
        proc = subprocess.Popen([sys.executable, "-m", "resumecheck", "check", str(CV_DOCX)],
                                cwd=ROOT, stdout=slave, stderr=subprocess.DEVNULL, env=env)
        os.close(slave)
        chunks = []
        while True:
            try:
                data = os.read(master, 65536)
            except OSError:  # the terminal closed: the program has exited
                break
            if not data:
                break
            chunks.append(data)
        assert proc.wait(timeout=60) == ExitCode.OK
    finally:
        os.close(master)
    out = b"".join(chunks).decode("utf-8", "replace")
    assert "Score" in out
    assert ("\x1b[" in out) is (not no_color)


@pytest.mark.parametrize("files", [1, 2])
def test_unreadable_posting_stops_the_run_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], files: int
) -> None:
    posting = tmp_path / "posting.pdf"
    posting.write_bytes(b"%PDF-1.4\n" + b"\x00" * 64)
    args = ["check", str(CV_PDF), str(CV_DOCX)][: 1 + files] + ["--job", str(posting)]
    code, out, err = run(args, capsys)
    assert code == ExitCode.UNREADABLE and out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(str(posting)) and "Traceback" not in err


def test_batch_text_is_a_ranking_unless_details_are_asked_for(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(["check", str(CV_PDF), str(CV_DOCX)], capsys)
    assert code == ExitCode.OK
    assert out.startswith("Ranking") and "add --details" in out
    assert "What to change first" not in out
    code, out, _ = run(["check", str(CV_PDF), str(CV_DOCX), "--details"], capsys)
    assert out.count("What to change first") == 2 and out.count("Found terms") == 2


@pytest.mark.parametrize("fmt", ["text", "json", "jsonl", "csv", "markdown", "html", "junit",
                                 "github"])
def test_mixed_folder_every_path_accounted_for(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    import os

    folder = tmp_path / "applicants"
    folder.mkdir()
    (folder / "good.pdf").write_bytes(CV_PDF.read_bytes())
    (folder / "damaged.pdf").write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog")
    (folder / "not-a-document.docx").write_bytes(os.urandom(2048))
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0 not a resume")
    os.mkfifo(folder / "pipe.pdf")
    outside = tmp_path / "outside.pdf"
    outside.write_bytes(CV_PDF.read_bytes())
    (folder / "link.pdf").symlink_to(outside)
    code, out, err = run(["check", str(folder), "--format", fmt, "--details", "--verbose"],
                         capsys)
    assert code == ExitCode.UNREADABLE
    for name in ("good.pdf", "damaged.pdf", "not-a-document.docx", "pipe.pdf", "link.pdf"):
        assert name in out, (fmt, name)
        if name != "good.pdf":
            assert f"{name}: " in err, name
    assert "photo.jpg" not in out and "photo.jpg: skipped: not a document" in err
    assert "Traceback" not in out + err


def test_extract_refuses_a_bad_file_in_one_line(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "cv.pdf"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    code, out, err = run(["extract", str(bad)], capsys)
    assert code == ExitCode.UNREADABLE and out == ""
    assert err.strip() == f"{bad.as_posix()}: is not a PDF, DOCX or text document " \
                          "(it is a PNG image)"
