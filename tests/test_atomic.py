"""Report files appear whole or not at all."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from resumecheck.atomic import open_output, write_atomic


def test_writes_utf8_with_unix_newlines(tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    write_atomic(target, "Schmerztherapie — ok\n")
    assert target.read_bytes() == "Schmerztherapie — ok\n".encode()
    assert os.listdir(tmp_path) == ["report.md"]


def test_interrupted_write_keeps_the_old_report_and_no_temp_file(tmp_path: Path) -> None:
    target = tmp_path / "ranked.csv"
    target.write_text("old\n", encoding="utf-8")
    with pytest.raises(KeyboardInterrupt):
        with open_output(target) as fh:
            fh.write("half a rep")
            raise KeyboardInterrupt
    assert target.read_text(encoding="utf-8") == "old\n"
    assert os.listdir(tmp_path) == ["ranked.csv"]


def test_streamed_lines_appear_only_at_the_end(tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    with open_output(target) as fh:
        fh.write('{"a":1}\n')
        assert not target.exists()
    assert target.read_text(encoding="utf-8") == '{"a":1}\n'


def test_keeps_permissions_of_the_report_it_replaces(tmp_path: Path) -> None:
    target = tmp_path / "report.xml"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    write_atomic(target, "new")
    assert target.stat().st_mode & 0o777 == 0o640


def test_dev_null_is_written_to_not_replaced(tmp_path: Path) -> None:
    write_atomic("/dev/null", "discarded\n")
    assert Path("/dev/null").is_char_device()


def test_symlinked_target_stays_a_link(tmp_path: Path) -> None:
    real = tmp_path / "real.html"
    link = tmp_path / "latest.html"
    real.write_text("old", encoding="utf-8")
    link.symlink_to(real)
    write_atomic(link, "new")
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") == "new"
