"""Resumes are personal data: no network, inputs untouched, --redact masks contact details,
reports appear whole or not at all."""

from __future__ import annotations

import hashlib
import os
import shutil
import socket
import sys
from pathlib import Path

import pytest

from resumecheck.atomic import write_atomic

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples"
EMAIL = "elena.marquez-whitfield@example.com"
PHONE = "(608) 555-0147"
PHONE_DIGITS = "6085550147"
STREET = "4102 Maple Grove Avenue"
FORMATS = ["text", "json", "jsonl", "csv", "markdown", "html", "junit", "github"]

# Installed through PYTHONPATH as sitecustomize: every process of the run (the CLI and the
# workers it forks or spawns) refuses connections, datagrams and name lookups, and writes each
# attempt to a log file, so an attempt is seen even if the tool swallowed the exception.
# Creating a socket, or binding one to the loopback address, is not refused: urllib3 (pulled
# in by spaCy's imports) probes for IPv6 at import time by binding a socket to ::1.
_SITECUSTOMIZE = r'''
import os, socket, sys

_LOG = os.environ["NETGUARD_LOG"]
_LOOPBACK = ("::1", "127.0.0.1", "localhost")

def _note(what):
    with open(_LOG, "a") as fh:
        fh.write(f"{os.getpid()} {what}\n")

def _hook(event, args):
    if event in ("socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyaddr",
                 "socket.gethostbyname_ex", "urllib.Request"):
        _note(f"{event} {args[0]!r}")
        raise OSError(f"network use refused in tests: {event}")
    if event in ("socket.connect", "socket.sendto", "socket.sendmsg", "socket.bind"):
        sock, address = args[0], args[1]
        if sock.family == socket.AF_UNIX:
            return
        if event == "socket.bind" and isinstance(address, tuple) and address[0] in _LOOPBACK:
            return
        _note(f"{event} {address!r}")
        raise OSError(f"network use refused in tests: {event}")

sys.addaudithook(_hook)

def _refuse(*args, **kwargs):
    _note(f"create_connection {args!r}")
    raise OSError("network use refused in tests: create_connection")

socket.create_connection = _refuse
'''


@pytest.fixture
def netguard_env(tmp_path: Path) -> tuple[dict[str, str], Path]:
    site = tmp_path / "netguard"
    site.mkdir()
    (site / "sitecustomize.py").write_text(_SITECUSTOMIZE, encoding="utf-8")
    log = tmp_path / "network-attempts.log"
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(site), str(REPO), env.get("PYTHONPATH", "")])
    env["NETGUARD_LOG"] = str(log)
    env["NO_COLOR"] = "1"
    return env, log


def _run(args: list[str], env: dict[str, str] | None = None, cwd: Path | None = None):
    import subprocess

    return subprocess.run([sys.executable, "-m", "resumecheck", *args], capture_output=True,
                          text=True, env=env, cwd=cwd, timeout=240, check=False)


def test_the_guard_itself_catches_a_connection(netguard_env) -> None:
    env, log = netguard_env
    import subprocess

    code = (
        "import socket\n"
        "for call in (lambda: socket.create_connection(('127.0.0.1', 9)),\n"
        "             lambda: socket.socket().connect(('127.0.0.1', 9)),\n"
        "             lambda: socket.getaddrinfo('example.org', 80)):\n"
        "    try:\n"
        "        call()\n"
        "    except OSError:\n"
        "        pass\n"
    )
    subprocess.run([sys.executable, "-c", code], env=env, check=True, timeout=60)
    text = log.read_text()
    assert "create_connection" in text and "socket.connect" in text
    assert "socket.getaddrinfo" in text


@pytest.mark.slow
def test_check_and_batch_never_open_a_network_connection(netguard_env, tmp_path: Path) -> None:
    env, log = netguard_env
    from hostile.make_hazards import docx_external_template

    template = tmp_path / "template_cv.docx"  # names a template on http://127.0.0.1:9/
    template.write_bytes(docx_external_template())
    one = _run(["check", str(SAMPLES / "cv_pain_medicine.pdf"), "--format", "json",
                "--job", str(SAMPLES / "posting_interventional_pain.txt")], env=env)
    assert one.returncode in (0, 1), one.stderr
    batch = _run(["check", str(SAMPLES / "cv_pain_medicine.docx"), str(template),
                  "--format", "json", "--jobs", "2", "--quiet"], env=env)
    assert batch.returncode in (0, 1), batch.stderr
    assert not log.exists(), log.read_text()


def test_library_api_never_opens_a_network_connection(monkeypatch: pytest.MonkeyPatch) -> None:
    attempts: list[tuple] = []

    class NoNetwork(socket.socket):
        """Sockets that refuse to reach anything but a Unix socket (worker pipes)."""

        def _refuse_unless_local(self, what: str, address: object) -> None:
            if self.family != socket.AF_UNIX:
                attempts.append((what, address))
                raise OSError("network use refused in tests")

        def connect(self, address) -> None:
            self._refuse_unless_local("connect", address)
            super().connect(address)

        def connect_ex(self, address) -> int:
            self._refuse_unless_local("connect_ex", address)
            return super().connect_ex(address)

        def sendto(self, data, *args):  # type: ignore[override]
            self._refuse_unless_local("sendto", args[-1])
            return super().sendto(data, *args)

    def refuse(*args, **kwargs):
        attempts.append(("lookup or connection", args))
        raise OSError("network use refused in tests")

    monkeypatch.setattr(socket, "socket", NoNetwork)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    import resumecheck

    report = resumecheck.check(SAMPLES / "cv_pain_medicine.docx",
                               job=str(SAMPLES / "posting_interventional_pain.txt"))
    assert report.score.value > 0
    assert attempts == []


# -- inputs are never modified ----------------------------------------------------------------


def _fingerprint(folder: Path) -> dict[str, tuple[str, int, int]]:
    out = {}
    for path in sorted(folder.rglob("*")):
        st = path.lstat()
        digest = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else ""
        out[str(path.relative_to(folder))] = (digest, st.st_mtime_ns, st.st_mode)
    return out


@pytest.mark.slow
def test_a_batch_never_changes_its_inputs(tmp_path: Path) -> None:
    inputs = tmp_path / "applicants"
    inputs.mkdir()
    for name in ("cv_pain_medicine.pdf", "cv_pain_medicine.docx", "cover_letter_pain_medicine.docx",
                 "cv_scanned.pdf"):
        shutil.copy2(SAMPLES / name, inputs / name)
    (inputs / "broken.pdf").write_bytes(b"%PDF-1.7\n")
    (inputs / "sub").mkdir()
    shutil.copy2(SAMPLES / "posting_interventional_pain.txt", inputs / "sub" / "posting.txt")
    before = _fingerprint(inputs)
    out = tmp_path / "reports"
    out.mkdir()
    first = _run(["check", str(inputs), "--format", "json", "--quiet", "--jobs", "2",
                  "--output", str(out / "report.json")])
    second = _run(["check", str(inputs), "--format", "csv", "--quiet"])
    assert first.returncode == 3 and second.returncode == 3, first.stderr + second.stderr
    assert _fingerprint(inputs) == before
    assert sorted(os.listdir(out)) == ["report.json"]


# -- --redact ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def contact_cv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample CV (email and phone in its header) with a street address in the body too."""
    import docx

    document = docx.Document(str(SAMPLES / "cv_pain_medicine.docx"))
    document.paragraphs[3].insert_paragraph_before(
        f"Pain medicine fellowship clinic at {STREET}, Madison; call {PHONE} or write to "
        f"{EMAIL} about the fellowship.")
    path = tmp_path_factory.mktemp("contact") / "cv_contact.docx"
    document.save(str(path))
    return path


def _leaks(text: str) -> list[str]:
    found = []
    if EMAIL in text or "marquez-whitfield@" in text:
        found.append("email")
    if PHONE in text or "555-0147" in text or PHONE_DIGITS in text.replace(" ", ""):
        found.append("phone")
    if "Maple Grove" in text:
        found.append("street")
    return found


def test_redact_hides_contact_details_in_every_format(contact_cv: Path) -> None:
    from report_factory import show

    import resumecheck
    from resumecheck.formatters.base import RenderContext

    ctx = RenderContext(version="test", profile="pain-medicine")
    plain = resumecheck.check(contact_cv)
    masked = resumecheck.check(contact_cv, redact=True)
    # Without --redact the details do reach the reports, so the test below can fail.
    assert {"email", "phone"} <= set(_leaks(show("json", [plain], ctx)))
    for fmt in FORMATS:
        out = show(fmt, [masked], ctx)
        assert _leaks(out) == [], f"{fmt} leaks {_leaks(out)}"


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["json", "html", "text"])
def test_redact_through_the_cli(contact_cv: Path, tmp_path: Path, fmt: str) -> None:
    target = tmp_path / f"report.{fmt}"
    run = _run(["check", str(contact_cv), "--redact", "--format", fmt, "--output", str(target),
                "--job", str(SAMPLES / "posting_interventional_pain.txt")])
    assert run.returncode in (0, 1), run.stderr
    assert _leaks(target.read_text(encoding="utf-8") + run.stdout + run.stderr) == []


# -- atomic reports ---------------------------------------------------------------------------


def test_a_failed_write_keeps_the_old_report(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                             ) -> None:
    target = tmp_path / "ranked.csv"
    target.write_text("previous report\n", encoding="utf-8")

    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(OSError, match="No space"):
        write_atomic(target, "new report, " * 10_000)
    assert target.read_text(encoding="utf-8") == "previous report\n"
    assert os.listdir(tmp_path) == ["ranked.csv"]


def test_a_run_that_stops_early_leaves_the_old_report(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    target.write_text("{}\n", encoding="utf-8")
    bad_profile = tmp_path / "broken.toml"
    bad_profile.write_text("this is [not toml", encoding="utf-8")
    run = _run(["check", str(SAMPLES / "cv_pain_medicine.pdf"), "--profile", str(bad_profile),
                "--format", "json", "--output", str(target)])
    assert run.returncode == 2
    assert target.read_text(encoding="utf-8") == "{}\n"
    assert sorted(os.listdir(tmp_path)) == ["broken.toml", "report.json"]
