"""A password for an encrypted PDF, in any script: the right one opens the file, a wrong one
is said to be wrong, never "damaged". Every encryption through the reader, and once through
the command line (tests/hostile/misuse.py runs RC4 and AES-128 through it in a process)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hostile.make_hazards import fpdf_encrypted

from resumecheck.cli import main
from resumecheck.errors import ExitCode, InputError
from resumecheck.readers import read_document

pytest.importorskip("fpdf")

WRONG = "is encrypted and the password given does not open it"


def _pdf(tmp_path: Path, method: str, stored: str) -> Path:
    data = fpdf_encrypted(method, stored)
    assert data is not None
    path = tmp_path / f"{method.lower()}.pdf"
    path.write_bytes(data)
    return path


def _check(path: Path, password: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["check", str(path), "--isolated", "-q", "-f", "csv", "--password", password])
    return code, capsys.readouterr().err


@pytest.mark.parametrize("method", ["RC4", "AES_128", "AES_256"])
@pytest.mark.parametrize("password", ["пароль", "€uro", "\udcff\udcfe", "tab\t\x01"])
def test_a_wrong_password_in_any_script_is_a_wrong_password(
    tmp_path: Path, method: str, password: str
) -> None:
    with pytest.raises(InputError) as info:
        read_document(_pdf(tmp_path, method, "foo"), password=password)
    assert info.value.reason == WRONG


@pytest.mark.parametrize(("stored", "typed"), [
    # Writers that keep a password of Latin-1 bytes (RC4 and AES-128 know no other) store
    # a non-Latin one as its UTF-8 bytes, or in PDFDocEncoding, which has "€" and "–".
    ("пароль".encode().decode("latin-1"), "пароль"),
    ("\xa0uro\x85", "€uro–"),
    ("café", "café"),
])
@pytest.mark.parametrize("method", ["RC4", "AES_128"])
def test_the_right_password_opens_the_file_however_it_was_stored(
    tmp_path: Path, method: str, stored: str, typed: str
) -> None:
    document = read_document(_pdf(tmp_path, method, stored), password=typed)
    assert "fellowship" in document.text.lower()


def test_the_command_line_says_the_password_is_wrong(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, err = _check(_pdf(tmp_path, "RC4", "foo"), "пароль", capsys)
    assert code == ExitCode.UNREADABLE
    assert err == f"{tmp_path / 'rc4.pdf'}: {WRONG}\n"
