"""The linter-grade command line (issue 16): code selection, combined profiles, the concise,
SARIF and GitLab formats, --statistics, --exit-zero, -h, completion, standard input and
--version, each through the real command line."""

from __future__ import annotations

import copy
import json
import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

import resumecheck
from resumecheck.cli import main
from resumecheck.errors import ExitCode

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
CV_PDF = SAMPLES / "cv_pain_medicine.pdf"
CV_DOCX = SAMPLES / "cv_pain_medicine.docx"
POSTING = SAMPLES / "posting_interventional_pain.txt"
SARIF_SCHEMA = ROOT / "tests" / "schemas" / "sarif-2.1.0-rtm.5.json"


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def cli(args: list[str], stdin: bytes | None = None, cwd: Path = ROOT,
        env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    """The installed command as a shell runs it (its own process, real standard input)."""
    return subprocess.run([sys.executable, "-m", "resumecheck", *args], input=stdin,
                          capture_output=True, cwd=cwd, timeout=120,
                          env={**os.environ, **(env or {})})


@pytest.fixture
def unreadable(tmp_path: Path) -> Path:
    """A photo saved with a .pdf name: refused as unreadable (exit 3)."""
    path = tmp_path / "photo_cv.pdf"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    return path


@pytest.fixture
def hedged_cv(tmp_path: Path) -> Path:
    """A plain-text CV that fails Q102, written from the rule's own failing example."""
    from resumecheck.checks import all_rules

    path = tmp_path / "hedged.txt"
    path.write_text(all_rules()["Q102"].bad, encoding="utf-8")
    return path


def json_report(out: str) -> dict:
    data = json.loads(out)
    return data["reports"][0] if "reports" in data else data


# --------------------------------------------------------------------------- 2: selection


@pytest.mark.parametrize(("option", "typo", "suggested"), [
    ("--select", "P1O1", "P101"),
    ("--ignore", "k1o2", "K102"),
    ("--extend-select", "hedged-procedure-claims", "Q102 (hedged-procedure-claim)"),
    ("--extend-ignore", "Z", None),
])
def test_an_unknown_code_is_a_usage_error_with_did_you_mean(
    capsys: pytest.CaptureFixture[str], option: str, typo: str, suggested: str | None
) -> None:
    code, out, err = run(["check", str(CV_DOCX), option, typo, "--fail-on", "error"], capsys)
    assert code == ExitCode.USAGE and out == ""
    assert err.startswith(f"resumecheck: {option}: unknown code or prefix {typo!r}"), err
    if suggested:
        assert f"did you mean {suggested}" in err
    assert len(err.strip().splitlines()) == 1


def test_a_rule_name_selects_its_code(hedged_cv: Path, capsys: pytest.CaptureFixture[str]
                                      ) -> None:
    code, out, err = run(["check", str(hedged_cv), "-f", "json",
                          "--select", "hedged-procedure-claim"], capsys)
    assert code == ExitCode.OK, err
    assert {f["code"] for f in json_report(out)["findings"]} == {"Q102"}


def test_an_unknown_code_in_the_config_names_the_file_and_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    conf = tmp_path / "resumecheck.toml"
    conf.write_text('ignore = ["S1O1"]\n', encoding="utf-8")
    code, _, err = run(["check", str(CV_DOCX), "--config", str(conf)], capsys)
    assert code == ExitCode.USAGE
    assert err.startswith(f"{conf}: ignore: unknown code or prefix 'S1O1'; did you mean S101")


def test_extend_select_and_extend_ignore_add_to_the_config_lists(
    hedged_cv: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    conf = tmp_path / "resumecheck.toml"
    conf.write_text('select = ["C"]\n', encoding="utf-8")
    base = ["check", str(hedged_cv), "-f", "json", "--config", str(conf)]
    codes = {f["code"][0] for f in json_report(run(base, capsys)[1])["findings"]}
    assert codes == {"C"}
    extended = json_report(run([*base, "--extend-select", "Q102"], capsys)[1])["findings"]
    assert {f["code"][0] for f in extended} == {"C", "Q"}
    # --select on the command line replaces the config's list; --extend-ignore adds to
    # the ignore list.
    replaced = json_report(run([*base, "--select", "Q,C", "--extend-ignore", "C"],
                               capsys)[1])["findings"]
    assert {f["code"][0] for f in replaced} == {"Q"}
    assert "Q102" in {f["code"] for f in replaced}


def test_extend_select_alone_keeps_every_check_and_beats_a_broader_ignore(
    hedged_cv: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    everything = json_report(run(["check", str(hedged_cv), "-f", "json"], capsys)[1])
    again = json_report(run(["check", str(hedged_cv), "-f", "json", "--extend-select", "Q102"],
                            capsys)[1])
    assert everything["findings"] == again["findings"]
    kept = json_report(run(["check", str(hedged_cv), "-f", "json", "--ignore", "Q",
                            "--extend-select", "Q102"], capsys)[1])
    assert "Q102" in {f["code"] for f in kept["findings"]}


def test_rules_takes_a_name_and_suggests_for_a_typo(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["rules", "hedged-procedure-claim"], capsys)
    assert code == ExitCode.OK and out.startswith("Q102 hedged-procedure-claim")
    code, _, err = run(["rules", "Q1O2"], capsys)
    assert code == ExitCode.USAGE and "did you mean Q102" in err


# --------------------------------------------------------------------------- 3: profiles


def test_two_profiles_combine_their_terms(tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                          ) -> None:
    extra = tmp_path / "extra.txt"
    extra.write_text("Tuesday clinic rota\n", encoding="utf-8")
    code, out, err = run(["check", str(CV_DOCX), "-f", "json", "-p", "pain-medicine",
                          "-p", str(extra)], capsys)
    assert code == ExitCode.OK, err
    report = json_report(out)
    assert report["profile"]["name"] == "pain-medicine+extra"
    ids = {t["id"] for t in report["terms"]}
    assert "tuesday-clinic-rota" in ids and "pain-medicine-fellowship" in ids


def test_two_profiles_sharing_a_wording_are_refused_naming_both_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    one, two = tmp_path / "one.txt", tmp_path / "two.txt"
    one.write_text("nerve block\nultrasound guidance\n", encoding="utf-8")
    two.write_text("Nerve-Block\n", encoding="utf-8")
    code, _, err = run(["check", str(CV_DOCX), "-p", str(one), "-p", str(two)], capsys)
    assert code == ExitCode.USAGE
    assert str(one) in err and str(two) in err and "Nerve-Block" in err


def test_a_category_with_two_weights_is_refused(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    one, two = tmp_path / "one.toml", tmp_path / "two.toml"
    for path, weight, term in ((one, 1, "nerve block"), (two, 2, "ultrasound guidance")):
        path.write_text(f'[categories.core]\nweight = {weight}\n\n[[terms]]\nterm = "{term}"\n'
                        'category = "core"\n', encoding="utf-8")
    code, _, err = run(["check", str(CV_DOCX), "-p", str(one), "-p", str(two)], capsys)
    assert code == ExitCode.USAGE and "'core' has weight 1" in err and str(two) in err


def test_a_config_lists_two_profiles(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "extra.txt").write_text("Tuesday clinic rota\n", encoding="utf-8")
    conf = tmp_path / "resumecheck.toml"
    conf.write_text('profile = ["pain-medicine", "extra.txt"]\nformat = "json"\n',
                    encoding="utf-8")
    code, out, err = run(["check", str(CV_DOCX), "--config", str(conf)], capsys)
    assert code == ExitCode.OK, err
    assert json_report(out)["profile"]["name"] == "pain-medicine+extra"


def test_more_than_two_profiles_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["check", str(CV_DOCX), "-p", "pain-medicine", "-p", "a.txt",
                        "-p", "b.txt"], capsys)
    assert code == ExitCode.USAGE and "at most two" in err


def test_commas_in_a_plain_list_warn_once_per_file(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    listed = tmp_path / "ehr.txt"
    listed.write_text("Epic, Cerner, Meditech\nnerve block\nPACS, RIS\n2,000 procedures\n",
                      encoding="utf-8")
    code, out, err = run(["check", str(CV_DOCX), "-p", str(listed), "-f", "json"], capsys)
    assert code == ExitCode.OK
    assert json.loads(out)  # the report is untouched by the warning
    warnings = [line for line in err.splitlines() if "a comma does not split" in line]
    assert len(warnings) == 1
    assert warnings[0].startswith(f"{listed}: warning: lines 1, 3: ")
    assert "'Epic | Cerner | Meditech'" in warnings[0] and "own line" in warnings[0]
    code, out, err = run(["profiles", "validate", str(listed)], capsys)
    assert code == ExitCode.OK and "ok" in out
    assert len([line for line in err.splitlines() if "a comma does not split" in line]) == 1


def test_profiles_validate_reports_every_problem_with_file_and_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(
        '[profile]\nname = "x"\ncolour = "blue"\n\n'
        "[categories.core]\nweight = -1\n\n"
        '[[terms]]\nterm = "nerve block"\ncategory = "core"\nlevel = "must"\nweight = "heavy"\n\n'
        '[[terms]]\nterm = "ultrasound"\ncategory = "nope"\nkinds = ["memo"]\n\n'
        '[[terms]]\nterm = "Nerve-Block"\ncategory = "core"\n\n'
        '[conventions]\nrole_words = "physician"\n', encoding="utf-8")
    code, out, err = run(["profiles", "validate", str(bad)], capsys)
    assert code == ExitCode.USAGE and out == ""
    keys = [line.split(": ")[1] for line in err.splitlines()]
    assert all(line.startswith(f"{bad}: ") for line in err.splitlines())
    assert keys == ["profile.colour", "categories.core.weight", "terms[0].level",
                    "terms[0].weight", "terms[1].category", "terms[1].kinds[0]",
                    "terms[2].term", "conventions.role_words"]
    # check stops at a bad profile with the first problem, and says there are more
    code, _, err = run(["check", str(CV_DOCX), "-p", str(bad)], capsys)
    assert code == ExitCode.USAGE
    assert err.startswith(f"{bad}: profile.colour: ") and "and 7 more problems" in err


def test_profiles_validate_reports_every_bad_line_of_a_plain_list(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("nerve block\n||\nNerve-Block\nfine term\n%%%\n", encoding="utf-8")
    code, _, err = run(["profiles", "validate", str(bad)], capsys)
    assert code == ExitCode.USAGE
    assert [line.split(": ")[1] for line in err.splitlines()] == ["line 2", "line 3", "line 5"]


# --------------------------------------------------------------------------- 4: concise


_CONCISE = re.compile(r"^(?P<path>.+?):(?P<a>\d+):(?P<b>\d+): (?P<code>[A-Z]\d{3}) (?P<msg>.+)$")


@pytest.mark.parametrize("document", [CV_PDF, CV_DOCX])
def test_concise_is_one_line_per_finding_at_the_json_location(
    document: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(["check", str(document), "-f", "json"], capsys)
    report = json_report(out)
    code, out, _ = run(["check", str(document), "-f", "concise"], capsys)
    assert code == ExitCode.OK
    *lines, score, summary = out.splitlines()
    assert summary == f"Found {len(report['findings'])} findings in 1 file."
    assert score == f"{document}: score {report['score']['value']:.1f}"
    assert len(lines) == len(report["findings"])
    for line, finding in zip(lines, report["findings"], strict=True):
        hit = _CONCISE.match(line)
        assert hit, line
        loc = finding["location"] or {}
        if document.suffix == ".pdf":  # path:page:line:
            expected = (loc.get("page") or 1, loc.get("line") or 1)
        else:  # path:paragraph:1:
            expected = (loc.get("line") or 1, 1)
        assert (hit["path"], int(hit["a"]), int(hit["b"])) == (str(document), *expected)
        assert hit["code"] == finding["code"] and hit["msg"].startswith(finding["message"])
    assert any(int(_CONCISE.match(line)["a"]) > 1 for line in lines)


def test_concise_line_of_a_text_document_is_its_source_line(
    hedged_cv: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(["check", str(hedged_cv), "-f", "concise", "--select", "Q102"], capsys)
    source = hedged_cv.read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(source, 1) if "Assisted with" in text)
    assert out.splitlines()[0].startswith(f"{hedged_cv}:{line}:1: Q102 ")


def test_concise_names_unreadable_files_and_thresholds(
    unreadable: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(["check", str(CV_DOCX), str(unreadable), "-f", "concise",
                        "--fail-under", "99"], capsys)
    assert code == ExitCode.UNREADABLE
    assert f"{CV_DOCX}:1:1: below threshold: score " in out
    assert re.search(rf"^{re.escape(str(unreadable))}:1:1: unreadable: ", out, re.M)
    assert out.splitlines()[-1].endswith("(1 below threshold, 1 unreadable).")


def test_statistics_count_each_code(tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                    ) -> None:
    code, out, _ = run(["check", str(CV_PDF), "-f", "json"], capsys)
    counts = Counter(f["code"] for f in json_report(out)["findings"])
    code, out, err = run(["check", str(CV_PDF), "-f", "concise", "--statistics"], capsys)
    lines = out.splitlines()
    table = lines[next(i for i, line in enumerate(lines) if line.startswith("Found ")) + 1:]
    rows = [line.split() for line in table]
    assert {code: int(n) for n, code, *_ in rows} == dict(counts)
    assert [int(r[0]) for r in rows] == sorted((int(r[0]) for r in rows), reverse=True)
    assert all(r[2] in ("error", "warning", "info") for r in rows)
    # a machine format on stdout stays parseable: the table goes to stderr
    code, out, err = run(["check", str(CV_PDF), "-f", "json", "--statistics"], capsys)
    assert json.loads(out) and {ln.split()[1] for ln in err.splitlines()} == set(counts)
    # with the report in a file, the table is what standard output shows
    report = tmp_path / "report.sarif"
    code, out, err = run(["check", str(CV_PDF), "-f", "sarif", "--statistics", "-o",
                          str(report)], capsys)
    assert {ln.split()[1] for ln in out.splitlines()} == set(counts)
    assert json.loads(report.read_text(encoding="utf-8"))["version"] == "2.1.0"


# --------------------------------------------------------------------------- 5: SARIF


def sarif_validator():
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    return jsonschema.Draft4Validator(schema)


def test_sarif_is_valid_against_the_sarif_2_1_0_schema(
    unreadable: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(unreadable.parent)
    (unreadable.parent / "samples").symlink_to(SAMPLES)
    code, out, _ = run(["check", "samples/cv_pain_medicine.pdf", "samples/cv_pain_medicine.docx",
                        unreadable.name, "-f", "sarif",
                        "--fail-under", "99"], capsys)
    assert code == ExitCode.UNREADABLE
    log = json.loads(out)
    validator = sarif_validator()
    assert not [e.message for e in validator.iter_errors(log)]
    # the validator does reject a broken log (the test can fail)
    broken = copy.deepcopy(log)
    broken["runs"][0]["results"][0]["level"] = "fatal"
    assert list(validator.iter_errors(broken))

    run_ = log["runs"][0]
    rules = run_["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == sorted(r["id"] for r in rules)
    for rule in rules:
        assert {"id", "name", "shortDescription", "fullDescription", "help",
                "defaultConfiguration"} <= set(rule)
    by_id = {r["id"]: i for i, r in enumerate(rules)}
    results = run_["results"]
    assert results
    for result in results:
        assert result["ruleIndex"] == by_id[result["ruleId"]]
        assert result["level"] in ("error", "warning", "note")
        physical = result["locations"][0]["physicalLocation"]
        assert physical["region"]["startLine"] >= 1
        assert physical["artifactLocation"]["uri"].startswith("samples/")
        assert "fixes" not in result and result["properties"]["fix"]
    pdf = [r for r in results if r["locations"][0]["physicalLocation"]["artifactLocation"]
           ["uri"] == "samples/cv_pain_medicine.pdf"]
    assert any(r["locations"][0].get("properties", {}).get("page") == 2 for r in pdf)
    invocation = run_["invocations"][0]
    assert invocation["exitCode"] == ExitCode.UNREADABLE
    notes = invocation["toolExecutionNotifications"]
    assert len(notes) == 1 and unreadable.name in notes[0]["message"]["text"]
    statuses = {a["location"]["uri"]: a["properties"]["status"] for a in run_["artifacts"]}
    assert statuses["samples/cv_pain_medicine.docx"] == "below-threshold"


def test_sarif_exit_code_and_fingerprints_are_stable(capsys: pytest.CaptureFixture[str]
                                                     ) -> None:
    code, out, _ = run(["check", str(CV_PDF), "-f", "sarif", "--fail-under", "99",
                        "--exit-zero"], capsys)
    first = json.loads(out)
    assert code == ExitCode.OK and first["runs"][0]["invocations"][0]["exitCode"] == 0
    second = json.loads(run(["check", str(CV_PDF), "-f", "sarif"], capsys)[1])

    def prints(log: dict) -> list[str]:
        return [r["partialFingerprints"]["resumecheck/v1"] for r in log["runs"][0]["results"]]

    assert prints(first) == prints(second) and len(set(prints(first))) == len(prints(first))


# --------------------------------------------------------------------------- 5: GitLab

#: GitLab's documented Code Quality fields (docs.gitlab.com, "Code Quality report format").
GITLAB_FIELDS = {"description": str, "check_name": str, "fingerprint": str, "severity": str,
                 "location": dict}
GITLAB_SEVERITIES = {"info", "minor", "major", "critical", "blocker"}


def test_gitlab_code_quality_has_the_documented_fields(
    unreadable: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(unreadable.parent)
    (unreadable.parent / "samples").symlink_to(SAMPLES)
    args = ["check", "samples/cv_pain_medicine.pdf", unreadable.name, "-f", "gitlab",
            "--fail-under", "99"]
    code, out, _ = run(args, capsys)
    assert code == ExitCode.UNREADABLE
    issues = json.loads(out)
    assert isinstance(issues, list) and issues
    for issue in issues:
        for name, kind in GITLAB_FIELDS.items():
            assert isinstance(issue[name], kind), (name, issue)
        assert issue["severity"] in GITLAB_SEVERITIES
        assert issue["location"]["path"] in ("samples/cv_pain_medicine.pdf", unreadable.name)
        begin = issue["location"]["lines"]["begin"]
        assert isinstance(begin, int) and begin >= 1
    assert len({i["fingerprint"] for i in issues}) == len(issues)
    checks = {i["check_name"] for i in issues}
    assert {"unreadable", "threshold"} <= checks and any(re.fullmatch(r"[A-Z]\d{3}", c)
                                                         for c in checks)
    again = json.loads(run(args, capsys)[1])
    assert [i["fingerprint"] for i in again] == [i["fingerprint"] for i in issues]


def test_gitlab_paths_are_relative_to_the_folder_the_run_started_in(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "cvs").mkdir()
    (tmp_path / "cvs" / "cv.docx").write_bytes(CV_DOCX.read_bytes())
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(["check", str(tmp_path / "cvs" / "cv.docx"), "-f", "gitlab"], capsys)
    assert {i["location"]["path"] for i in json.loads(out)} == {"cvs/cv.docx"}
    code, out, _ = run(["check", str(tmp_path / "cvs" / "cv.docx"), "-f", "sarif"], capsys)
    uris = {a["location"]["uri"] for a in json.loads(out)["runs"][0]["artifacts"]}
    assert uris == {"cvs/cv.docx"}


# --------------------------------------------------------------------------- 6


def test_exit_zero_forgives_thresholds_only(unreadable: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    below = ["check", str(CV_DOCX), "--fail-under", "99", "--fail-on", "warning"]
    assert run(below, capsys)[0] == ExitCode.BELOW_THRESHOLD
    code, out, _ = run([*below, "--exit-zero", "-f", "concise"], capsys)
    assert code == ExitCode.OK and "below threshold: score" in out  # still reported
    assert run([*below, str(unreadable), "--exit-zero"], capsys)[0] == ExitCode.UNREADABLE
    assert run([*below, "--exit-zero", "--select", "Z9"], capsys)[0] == ExitCode.USAGE


def _commands() -> list[list[str]]:
    import typer

    from resumecheck.cli import app

    group = typer.main.get_command(app)
    found = [[]]
    for name, command in group.commands.items():
        found.append([name])
        for sub in getattr(command, "commands", {}):
            found.append([name, sub])
    return found


@pytest.mark.parametrize("command", _commands(), ids=lambda c: " ".join(c) or "root")
def test_dash_h_is_help_on_every_command(command: list[str],
                                         capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run([*command, "-h"], capsys)
    assert code == ExitCode.OK and out.startswith("Usage: resumecheck")
    assert out == run([*command, "--help"], capsys)[1]


def test_shell_completion_script_and_completions() -> None:
    import shutil

    bash = shutil.which("bash")
    if bash is None:
        pytest.skip("bash is not installed")
    # From a shell, as a user runs it: Typer tells the shell from the process tree
    # (the "; true" keeps bash from replacing itself with the command).
    proc = subprocess.run([bash, "-c", f"'{sys.executable}' -m resumecheck --show-completion; "
                                       "true"], capture_output=True, cwd=ROOT, timeout=60)
    assert b"_RESUMECHECK_COMPLETE=complete_bash" in proc.stdout, proc.stderr
    proc = cli([], env={"_RESUMECHECK_COMPLETE": "complete_bash",
                        "COMP_WORDS": "resumecheck check --for", "COMP_CWORD": "2"})
    assert proc.returncode == 0 and b"--format" in proc.stdout
    proc = cli([], env={"_RESUMECHECK_COMPLETE": "complete_bash",
                        "COMP_WORDS": "resumecheck check -f ", "COMP_CWORD": "3"})
    assert b"sarif" in proc.stdout and b"gitlab" in proc.stdout and b"concise" in proc.stdout


# --------------------------------------------------------------------------- 7: stdin


def test_a_document_from_standard_input(tmp_path: Path) -> None:
    from_file = json_report(cli(["check", str(CV_PDF), "-f", "json"]).stdout.decode())
    proc = cli(["check", "-", "-f", "json"], stdin=CV_PDF.read_bytes())
    assert proc.returncode == 0, proc.stderr
    report = json_report(proc.stdout.decode())
    assert report["path"] == "<stdin>" and report["document"]["format"] == "pdf"
    assert report["score"] == from_file["score"]
    text = cli(["check", "-", "-f", "concise"], stdin=CV_DOCX.read_bytes()).stdout.decode()
    assert re.match(r"<stdin>:\d+:1: [A-Z]\d{3} ", text)


def test_a_posting_from_standard_input() -> None:
    from_file = json_report(cli(["check", str(CV_DOCX), "--job", str(POSTING), "-f", "json"])
                            .stdout.decode())
    proc = cli(["check", str(CV_DOCX), "--job", "-", "-f", "json"],
               stdin=POSTING.read_bytes())
    assert proc.returncode == 0, proc.stderr
    report = json_report(proc.stdout.decode())
    assert report["job"]["match_rate"] == from_file["job"]["match_rate"]


def test_standard_input_is_read_once_and_capped() -> None:
    proc = cli(["check", "-", "--job", "-"], stdin=b"x")
    assert proc.returncode == ExitCode.USAGE and b"standard input can be read once" in proc.stderr
    proc = cli(["check", "-", str(CV_DOCX)], stdin=b"x")
    assert proc.returncode == ExitCode.USAGE and b"must be the only" in proc.stderr
    proc = cli(["check", "-", "--max-size", "1"], stdin=b"Jordan Avery\n" * 100_000)
    assert proc.returncode == ExitCode.UNREADABLE
    assert proc.stderr.decode().strip() == "<stdin>: is over the 1 MiB limit"
    proc = cli(["check", "-"], stdin=b"")
    assert proc.returncode == ExitCode.UNREADABLE and b"<stdin>: is empty" in proc.stderr
    proc = cli(["check", str(CV_DOCX), "--job", "-"], stdin=b"")
    assert proc.returncode == ExitCode.UNREADABLE and b"<stdin>: job posting" in proc.stderr


# --------------------------------------------------------------------------- 8: --version


def test_version_names_what_a_bug_report_needs(capsys: pytest.CaptureFixture[str]) -> None:
    from importlib.metadata import version
    from platform import python_version

    from resumecheck.profiles import load_profile

    code, out, _ = run(["--version"], capsys)
    assert code == ExitCode.OK
    assert out == (f"resumecheck {resumecheck.__version__} (spaCy {version('spacy')}, "
                   f"profile pain-medicine {load_profile().version}, "
                   f"Python {python_version()})\n")
    for args in (["--version", "-v"], ["-v", "--version"]):
        code, out, _ = run(args, capsys)
        lines = out.splitlines()
        assert code == ExitCode.OK and lines[0] == f"resumecheck {resumecheck.__version__}"
        assert f"spaCy {version('spacy')}" in lines
        assert any(line.startswith(f"Python {python_version()} ") for line in lines)
        assert any(line.startswith("platform ") for line in lines)


@pytest.mark.parametrize("args", [["--version", "-v"], ["check", "x", "--select", "Z9"],
                                  ["check", "-h"]])
def test_version_and_selection_errors_never_import_spacy(args: list[str]) -> None:
    code = (
        f"import sys\nfrom resumecheck.cli import main\nrc = main({args!r})\n"
        "heavy = [m for m in ('spacy', 'pdfminer', 'docx', 'rich.console') if m in sys.modules]\n"
        "print('HEAVY', heavy)\nsys.exit(rc)"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=ROOT, timeout=60)
    assert "HEAVY []" in proc.stdout, proc.stderr
