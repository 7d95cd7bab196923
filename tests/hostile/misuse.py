"""Hostile command lines: what a careless user or an attacker does with the CLI itself.

The documents of ``make_hazards.py`` attack the readers; these attack everything around
them: where the report goes (a missing folder, a full or read-only disk, a name too long),
the option values (``inf``, ``nan``, more memory than the machine has), profile and config
files (nested too deeply, binary, not UTF-8, far too big), file names (bytes that are not
UTF-8, newlines that forge CI commands, terminal escapes), glob patterns (link loops, trees
1,100 folders deep), a closed standard output, and signals to a running batch.

Each :class:`Misuse` says which exit codes are acceptable and what else must hold; every
case must end with no traceback and, when it fails, at most one stderr line per file at
fault. :func:`build_misuses` writes what the cases need into a folder; :func:`run_misuse`
runs one through ``python -m resumecheck`` in a subprocess and returns the problems found
(an empty list when the case holds). The tests and ``benchmarks/bench_hostile.py`` share
them.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from hostile.make_hazards import SAMPLES, MiB, fpdf_encrypted, pdf_flate_bomb, pdf_many_boxes

#: Control characters that must never reach a terminal or a CI log raw.
RAW_CONTROLS = [bytes([c]) for c in range(0x20) if c not in (0x09, 0x0A)] + [
    b"\x7f", "\u0085".encode(), "\u2028".encode(), "\u009b".encode(),
]
#: What a forged GitHub workflow command would look like at the start of a line.
FORGED = b"::error file=forged"


@dataclass(frozen=True)
class Outcome:
    returncode: int
    stdout: bytes
    stderr: bytes
    seconds: float
    #: Files left in the case's output folder (temporary reports, for the signal cases).
    left: tuple[str, ...] = ()
    #: Worker processes still alive after the parent was stopped.
    survivors: tuple[int, ...] = ()


@dataclass(frozen=True)
class Misuse:
    name: str
    #: Arguments after ``resumecheck``.
    args: list[str]
    want: frozenset[int]
    cwd: Path | None = None
    #: "pipe" (captured), "closed" (the reader left before anything was written) or a
    #: file path to send standard output to (``/dev/full``).
    stdout: str = "pipe"
    #: A shell redirection applied as the command starts: ``>&-`` or ``2>&-`` (the
    #: descriptor closed, so Python starts without that stream).
    redirect: str | None = None
    #: A signal sent to the parent once the batch is running (its workers started and
    #: its temporary report open).
    signal: int | None = None
    #: Where the report of a signal case is written; nothing else may be left there.
    out_dir: Path | None = None
    #: Extra checks: each returns a problem, or None.
    checks: tuple[Callable[[Outcome], str | None], ...] = field(default=())
    #: Lines stderr may hold (0 when it must be quiet).
    max_stderr_lines: int = 1
    timeout: float = 120.0
    #: False for variants the test suite covers in-process instead (every format).
    in_suite: bool = True
    #: True when only a process of its own shows it: what reaches the real standard
    #: streams, signals, and runs that could hang.
    process: bool = False

    @property
    def needs_process(self) -> bool:
        return (self.process or self.stdout != "pipe" or self.signal is not None
                or self.redirect is not None)


# -- checks ---------------------------------------------------------------------------------


def valid_utf8_json(outcome: Outcome) -> str | None:
    return _valid_json(outcome.stdout, "stdout")


def _valid_json(data: bytes, where: str) -> str | None:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return f"{where} is not UTF-8 ({exc})"

    def refuse(constant: str) -> None:
        raise ValueError(f"{constant} in the JSON")

    try:
        json.loads(text, parse_constant=refuse)
    except ValueError as exc:
        return f"{where} is not valid JSON ({exc})"
    return None


def report_file_ok(path: Path) -> Callable[[Outcome], str | None]:
    def check(outcome: Outcome) -> str | None:
        if not path.is_file():
            return f"no report at {path}"
        return _valid_json(path.read_bytes(), str(path.name))

    return check


def no_raw_controls(outcome: Outcome) -> str | None:
    for where, data in (("stdout", outcome.stdout), ("stderr", outcome.stderr)):
        for ch in RAW_CONTROLS:
            if ch in data:
                return f"{where} holds the raw control character {ch!r}"
        if any(line.lstrip().startswith(FORGED) for line in data.splitlines()):
            return f"{where} holds a forged workflow command"
    return None


def stderr_says(*words: str) -> Callable[[Outcome], str | None]:
    def check(outcome: Outcome) -> str | None:
        text = outcome.stderr.decode("utf-8", "replace").lower()
        missing = [w for w in words if w not in text]
        return f"stderr does not say {missing}" if missing else None

    return check


def stderr_lacks(*words: str) -> Callable[[Outcome], str | None]:
    def check(outcome: Outcome) -> str | None:
        text = outcome.stderr.decode("utf-8", "replace").lower()
        found = [w for w in words if w in text]
        return f"stderr says {found}" if found else None

    return check


def within(seconds: float) -> Callable[[Outcome], str | None]:
    def check(outcome: Outcome) -> str | None:
        return f"took {outcome.seconds:.1f} s" if outcome.seconds > seconds else None

    return check


def clean_stop(outcome: Outcome) -> str | None:
    if outcome.left:
        return f"left behind: {list(outcome.left)}"
    if outcome.survivors:
        return f"workers still alive: {list(outcome.survivors)}"
    return None


# -- building -------------------------------------------------------------------------------


def _nested_toml(depth: int) -> bytes:
    return b"x = " + b"[" * depth + b"]" * depth + b"\n"


def _write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def big_alias_profile(aliases: int) -> str:
    """A TOML profile with ``aliases`` wordings, 100 to a term."""
    lines = ['[profile]\nname = "huge"\n\n[categories.k]\nweight = 1\n']
    per = 100
    for t in range(max(1, aliases // per)):
        words = ", ".join(f'"w{t}x{a}"' for a in range(per))
        lines.append(f'[[terms]]\nterm = "t{t}"\ncategory = "k"\naliases = [{words}]\n')
    return "\n".join(lines)


def build_misuses(dest: Path, *, include_slow: bool = True) -> list[Misuse]:
    """Write what the cases need into ``dest`` and return them, in a stable order."""
    dest.mkdir(parents=True, exist_ok=True)
    cv = _write(dest / "cv.docx", (SAMPLES / "cv_pain_medicine.docx").read_bytes())
    text_cv = (SAMPLES / "posting_interventional_pain.txt").read_text(encoding="utf-8")
    profile = _write(dest / "terms.txt", "fellowship\nboard certified\npain medicine\n")
    base = ["check", str(cv), "--isolated", "--quiet", "--profile", str(profile)]
    long_name = "x" * 300
    cases: list[Misuse] = []

    def add(name: str, args: list[str], want: set[int], **kw: object) -> None:
        cases.append(Misuse(name, args, frozenset(want), **kw))  # type: ignore[arg-type]

    # Where the report goes.
    new_report = dest / "reports" / "2024" / "june" / "report.json"
    add("output_in_missing_folders", [*base, "-f", "json", "-o", str(new_report)], {0, 1},
        checks=(report_file_ok(new_report),), max_stderr_lines=0)
    add("output_dev_full", [*base, "-o", "/dev/full"], {2},
        checks=(stderr_says("no space left"),))
    add("output_name_too_long", [*base, "-o", str(dest / f"{long_name}.json")], {2})
    add("output_folder_name_too_long", [*base, "-o", str(dest / long_name / "r.json")], {2})
    add("output_empty_name", [*base, "-o", ""], {2})
    add("output_is_a_folder", [*base, "-o", str(dest)], {2})
    if os.path.isdir("/sys/kernel"):
        add("output_read_only_place", [*base, "-o", "/sys/kernel/report.json"], {2})
    add("stdout_dev_full", [*base, "-f", "json"], {2}, stdout="/dev/full",
        checks=(stderr_says("no space left"),))
    add("stdout_closed_pipe", [*base, "-f", "json"], {141}, stdout="closed",
        max_stderr_lines=0)
    add("stdout_closed_descriptor", [*base, "-f", "json"], {2}, redirect=">&-",
        checks=(stderr_says("standard output"),))
    add("stderr_closed_descriptor", ["check", str(dest / "missing.pdf"), "--isolated", "-q",
                                     "-f", "json"], {3}, redirect="2>&-", max_stderr_lines=0,
        checks=(valid_utf8_json,))
    # Path arguments over the system's name limit.
    add("path_name_too_long", ["check", str(dest / long_name), "--isolated", "-q"], {3})
    add("job_name_too_long", [*base, "--job", str(dest / long_name)], {3})
    add("resume_name_too_long", [*base, "--resume", str(dest / long_name)], {3})
    add("profile_name_too_long", ["check", str(cv), "--isolated", "-q", "--profile",
                                  str(dest / f"{long_name}.toml")], {2})
    add("config_name_too_long", ["check", str(cv), "-q", "--config",
                                 str(dest / f"{long_name}.toml")], {2})
    add("extract_name_too_long", ["extract", str(dest / long_name)], {3})
    # Bad TOML in a profile or a config file.
    for label, data in (("nested_too_deeply", _nested_toml(5000)),
                        ("binary", bytes(range(256)) * 8),
                        ("not_utf8", "[profile]\nname = \"caf\u00e9\"\n".encode("latin-1"))):
        bad_profile = _write(dest / f"profile_{label}.toml", data)
        add(f"profile_{label}", ["check", str(cv), "--isolated", "-q", "--profile",
                                 str(bad_profile)], {2})
        add(f"profiles_validate_{label}", ["profiles", "validate", str(bad_profile)], {2})
        bad_config = _write(dest / f"config_{label}" / "resumecheck.toml", data)
        add(f"config_{label}", ["check", str(cv), "-q", "--config", str(bad_config)], {2})
    # Option values no machine can honour.
    for value in ("inf", "nan", "1e300", "-inf"):
        add(f"timeout_{value}", [*base, "--timeout", value], {2})
    add("max_memory_beyond_the_machine", [*base, "--max-memory", str(10**9)], {2})
    add("max_memory_overflowing", [*base, "--max-memory", str(10**30)], {2})
    add("max_size_above_memory_cap", [*base, "--max-size", "2048", "--max-memory", "1024"],
        {2})
    add("max_size_overflowing", [*base, "--max-size", str(10**20)], {2})
    add("fail_under_nan", [*base, "--fail-under", "nan"], {2})
    for key, value in (("timeout", "inf"), ("fail-under", "nan"), ("max-memory", "1e9")):
        config = _write(dest / f"config_{key}" / "resumecheck.toml", f"{key} = {value}\n")
        add(f"config_{key}_{value}", ["check", str(cv), "-q", "--config", str(config)], {2})
    # Profiles past the documented limits, and weights that would overflow a score.
    add("profile_300k_aliases_max_memory_256",
        ["check", str(cv), "--isolated", "-q", "--max-memory", "256", "--profile",
         str(_write(dest / "huge.toml", big_alias_profile(300_000)))], {2},
        checks=(within(20), stderr_says("at most")))
    add("profile_2001_terms", ["profiles", "validate", str(_write(
        dest / "many_terms.txt", "".join(f"term number {i}\n" for i in range(2001))))], {2},
        checks=(stderr_says("at most 2,000"),))
    add("profile_wording_too_long", ["profiles", "validate", str(_write(
        dest / "long_wording.txt", "fellowship\n" + "pain " * 100 + "\n"))], {2},
        checks=(stderr_says("characters"),))
    add("profile_weight_1e308", ["check", str(cv), "--isolated", "-q", "-f", "json",
                                 "--profile", str(_write(dest / "heavy.toml", (
                                     '[categories.k]\nweight = 1e308\n[[terms]]\n'
                                     'term = "fellowship"\ncategory = "k"\n'
                                     'weight = 1e308\n')))], {2},
        checks=(stderr_says("weight"),))
    # File names: bytes that are not UTF-8, and control characters, in every report.
    names = dest / "names"
    names.mkdir(exist_ok=True)
    for raw in (b"cv-\xff\xfe.txt", b"d\xe9j\xe0-vu.txt", b"ok.txt"):
        _write(Path(os.fsdecode(bytes(names) + b"/" + raw)), text_cv)
    add("batch_names_not_utf8_json", ["check", str(names), "--isolated", "-q", "-f", "json"],
        {0, 1}, checks=(valid_utf8_json, no_raw_controls), max_stderr_lines=0, process=True)
    batch_report = dest / "names-report.json"
    add("batch_names_not_utf8_json_file", ["check", str(names), "--isolated", "-q", "-f",
                                           "json", "-o", str(batch_report)], {0, 1},
        checks=(report_file_ok(batch_report),), max_stderr_lines=0)
    job = Path(os.fsdecode(bytes(dest) + b"/job\n::error file=forged::\x1b[1m\xff.txt"))
    _write(job, text_cv)
    for fmt in ("json", "junit"):
        add(f"job_named_with_controls_{fmt}", [*base, "--job", str(job), "-f", fmt], {0, 1},
            checks=(no_raw_controls,) + ((valid_utf8_json,) if fmt == "json" else ()),
            max_stderr_lines=0)
    evil = dest / "evil"
    evil.mkdir(exist_ok=True)
    _write(evil / "ok.txt", text_cv)
    _write(evil / "esc\x1b[31mred\x1b]0;title\x07.txt", text_cv)
    _write(evil / "line\nfeed\r\x85\u2028.txt", text_cv)
    (evil / "empty\n::error file=forged::owned.txt").write_bytes(b"")  # unreadable
    for fmt in ("text", "json", "jsonl", "csv", "markdown", "html", "junit", "github"):
        add(f"batch_control_names_{fmt}", ["check", str(evil), "--isolated", "-q", "-f", fmt],
            {3}, checks=(no_raw_controls,), in_suite=fmt == "github", process=True)
    # Glob patterns over link loops and very deep trees.
    loops = dest / "lp"
    loops.mkdir(exist_ok=True)
    _write(loops / "cv.txt", text_cv)
    for link in ("a", "b"):
        if not (loops / link).is_symlink():
            (loops / link).symlink_to(".")
    add("glob_through_link_loops", ["check", "lp/**/*.txt", "--isolated", "-q"], {0, 1},
        cwd=dest, checks=(within(60),), max_stderr_lines=0, process=True)
    deep = dest / "deep"
    if not deep.exists():
        folder = deep
        folder.mkdir()
        _write(deep / "top.txt", text_cv)
        for _ in range(1100):
            folder = folder / "d"
            folder.mkdir()
        _write(folder / "cv.txt", text_cv)
    add("glob_tree_1100_folders_deep", ["check", "deep/**/*.txt", "--isolated", "-q", "-f",
                                        "json"], {0, 1}, cwd=dest,
        checks=(valid_utf8_json, within(60)), max_stderr_lines=0)
    # A password beyond Latin-1 on an RC4 (and AES-128) PDF.
    for method in ("RC4", "AES_128"):
        data = fpdf_encrypted(method, "foo")
        if data is not None:
            pdf = _write(dest / f"encrypted_{method.lower()}.pdf", data)
            add(f"pdf_{method.lower()}_cyrillic_password",
                ["check", str(pdf), "--isolated", "-q", "--password", "пароль"], {3},
                checks=(stderr_says("password"), stderr_lacks("damaged")))
    # The posting and the companion resume are read under the same caps as any document,
    # and the file at fault is named with its role (never the resume being checked).
    slow = _write(dest / "slow_posting.pdf", pdf_many_boxes(30_000))
    roles = {"job": "job posting", "resume": "resume"}
    for role, named in roles.items():
        add(f"{role}_slow_pdf_timeout_1", [*base, f"--{role}", str(slow), "--timeout", "1"],
            {3}, checks=(within(30), stderr_says("slow_posting.pdf", named, "longer than 1 s"),
                         stderr_lacks("cv.docx")), process=True)
    if include_slow:
        bomb = _write(dest / "bomb_posting.pdf", pdf_flate_bomb(512 * MiB))
        for role, named in roles.items():
            add(f"{role}_flate_bomb_max_memory_256",
                [*base, f"--{role}", str(bomb), "--max-memory", "256"], {3},
                checks=(within(60), stderr_says("bomb_posting.pdf", named),
                        stderr_lacks("cv.docx")), process=True)
    # A config file over 1 MiB.
    big_config = _write(dest / "config_big" / "resumecheck.toml",
                        "# filler\n" * (MiB // 9 + 1000) + "quiet = true\n")
    add("config_over_1_mib", ["check", str(cv), "-q", "--config", str(big_config)], {2},
        checks=(stderr_says("config file is larger than 1 mib"),))
    # Signals to a running batch writing its report to a file.
    if include_slow and sys.platform.startswith("linux"):
        batch = dest / "batch"
        batch.mkdir(exist_ok=True)
        for i in range(80):
            _write(batch / f"cv{i:02d}.docx", cv.read_bytes())
        for sig in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT, signal.SIGKILL):
            out_dir = dest / f"out_{sig.name.lower()}"
            out_dir.mkdir(exist_ok=True)
            want = {-sig} if sig == signal.SIGKILL else {128 + sig}
            add(f"batch_{sig.name.lower()}", ["check", str(batch), "--isolated", "-q", "-j",
                                              "2", "-f", "json", "-o",
                                              str(out_dir / "report.json")],
                want, signal=sig, out_dir=out_dir, checks=(clean_stop,),
                max_stderr_lines=1)
    return cases


def remove_tree(top: Path) -> None:
    """Remove a folder however deep it is (``shutil.rmtree`` recurses, and fails on the
    1,100-folder tree), never following a link."""
    if not top.exists() and not top.is_symlink():
        return
    folders = []
    stack = [str(top)]
    while stack:
        folder = stack.pop()
        folders.append(folder)
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    stack.append(entry.path)
                else:
                    os.unlink(entry.path)
    for folder in reversed(folders):
        os.rmdir(folder)


# -- running --------------------------------------------------------------------------------


def _children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children", encoding="ascii") as fh:
            return [int(x) for x in fh.read().split()]
    except OSError:
        return []


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return False


def run_misuse(case: Misuse, tmp: Path) -> tuple[Outcome, list[str]]:
    """Run one case; return what happened and every broken promise."""
    cmd = [sys.executable, "-m", "resumecheck", *case.args]
    if case.redirect is not None:
        cmd = ["sh", "-c", f'exec "$@" {case.redirect}', "sh", *cmd]
    out_path, err_path = tmp / f"{case.name}.out", tmp / f"{case.name}.err"
    start = time.monotonic()
    survivors: list[int] = []
    with err_path.open("wb") as err:
        if case.stdout == "closed":
            proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=err,
                                    stdin=subprocess.DEVNULL, cwd=case.cwd,
                                    start_new_session=True)
            assert proc.stdout is not None
            proc.stdout.close()  # the reader is gone before a byte is written
            code = _wait(proc, case.timeout)
        else:
            target = out_path if case.stdout == "pipe" else Path(case.stdout)
            with target.open("wb") as out:
                proc = subprocess.Popen(cmd, stdout=out, stderr=err, stdin=subprocess.DEVNULL,
                                        cwd=case.cwd, start_new_session=True)
                if case.signal is None:
                    code = _wait(proc, case.timeout)
                else:
                    code, survivors = _interrupt(proc, case)
    seconds = time.monotonic() - start
    stdout = out_path.read_bytes() if out_path.exists() else b""
    left = tuple(sorted(os.listdir(case.out_dir))) if case.out_dir and case.out_dir.exists() \
        else ()
    outcome = Outcome(code, stdout, err_path.read_bytes(), seconds, left, tuple(survivors))
    return outcome, problems(case, outcome)


#: The exit code recorded for a run that did not finish in its time.
TIMED_OUT = -1000


def _wait(proc: subprocess.Popen[bytes], timeout: float) -> int:
    """The exit code, or TIMED_OUT after killing the run and everything it started."""
    try:
        return proc.wait(timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        return TIMED_OUT


def _interrupt(proc: subprocess.Popen[bytes], case: Misuse) -> tuple[int, list[int]]:
    """Wait until the batch runs (two workers, a temporary report), signal the parent, and
    return its exit code and any worker alive a moment later."""
    assert case.out_dir is not None and case.signal is not None
    deadline = time.monotonic() + 60
    workers: list[int] = []
    while time.monotonic() < deadline and proc.poll() is None:
        workers = _children(proc.pid)
        started = case.out_dir.exists() and any(
            n.endswith(".tmp") for n in os.listdir(case.out_dir))
        if len(workers) >= 2 and started:
            break
        time.sleep(0.05)
    time.sleep(0.2)
    proc.send_signal(case.signal)
    code = _wait(proc, 30)
    time.sleep(0.5)  # a parent-death signal is immediate; give the kernel a moment
    survivors = [w for w in workers if _alive(w)]
    for pid in survivors:  # never leave them running, whatever the outcome
        os.kill(pid, signal.SIGKILL)
    if case.signal == signal.SIGKILL and case.out_dir.exists():
        # Nothing can remove the temporary report of a process killed outright.
        for name in os.listdir(case.out_dir):
            (case.out_dir / name).unlink()
    return code, survivors


def problems(case: Misuse, outcome: Outcome) -> list[str]:
    found = []
    if outcome.returncode == TIMED_OUT:
        found.append(f"did not finish in {case.timeout:g} s")
    elif outcome.returncode not in case.want:
        found.append(f"exit {outcome.returncode}, want {sorted(case.want)}")
    err = outcome.stderr.decode("utf-8", "replace")
    if "Traceback" in err or "internal error" in err:
        found.append("a traceback or an internal error")
    # Click's own usage errors add a "Usage:" and a "Try ... --help" line to the one line.
    lines = [ln for ln in err.splitlines()
             if ln.strip() and not ln.startswith(("Usage: ", "Try '"))]
    if len(lines) > case.max_stderr_lines:
        found.append(f"{len(lines)} stderr lines: {lines[:3]}")
    for check in case.checks:
        problem = check(outcome)
        if problem:
            found.append(problem)
    return found
