"""Which files a folder, a list or a pattern turns into, and why others are left out."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from resumecheck.discover import NO_MATCH, NO_SUCH_PATH, NOT_A_DOCUMENT, discover


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """applicants/ with documents, a non-document, a FIFO and links; outside/ beside it."""
    monkeypatch.chdir(tmp_path)
    root = tmp_path / "applicants"
    (root / "2024").mkdir(parents=True)
    (root / ".git").mkdir()
    (root / ".git" / "stale.pdf").write_bytes(b"%PDF-1.4")
    (root / "b-smith.pdf").write_bytes(b"%PDF-1.4")
    (root / "a-jones.DOCX").write_bytes(b"PK")
    (root / "2024" / "letter.txt").write_text("Dear Dr. Rao", encoding="utf-8")
    (root / "notes.xlsx").write_bytes(b"PK")
    (root / "~$b-smith.docx").write_bytes(b"lock")
    os.mkfifo(root / "pipe.pdf")
    (root / "alias.pdf").symlink_to("b-smith.pdf")
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "private.pdf").write_bytes(b"%PDF-1.4")
    (root / "leak.pdf").symlink_to(tmp_path / "outside" / "private.pdf")
    (root / "zero.pdf").symlink_to("/dev/zero")
    (root / "2024" / "loop").symlink_to("..")
    return root


def test_folder_keeps_documents_and_explains_the_rest(tree: Path) -> None:
    found = discover(["applicants"])
    assert found.files == (
        "applicants/2024/letter.txt",
        "applicants/a-jones.DOCX",
        "applicants/b-smith.pdf",
    )
    skipped = dict(found.skipped)
    assert skipped["applicants/notes.xlsx"] == NOT_A_DOCUMENT
    assert skipped["applicants/pipe.pdf"] == "is a FIFO; not opened"
    assert "outside the given folders" in skipped["applicants/leak.pdf"]
    assert skipped["applicants/zero.pdf"] == (
        "is a symbolic link to a character device; not opened"
    )
    assert "folder; not followed" in skipped["applicants/2024/loop"]
    assert "lock file" in skipped["applicants/~$b-smith.docx"]
    # Hidden folders are not searched; the in-folder link is the same file as its target.
    assert not any(".git" in p for p in found.files + tuple(skipped))
    assert "applicants/alias.pdf" not in skipped
    # Nothing met while walking a folder counts as a file the user asked for.
    assert found.unreadable == ()


def test_named_paths_missing_special_and_patterns(tree: Path) -> None:
    found = discover(["missing.pdf", "applicants/pipe.pdf", "applicants/*.pdf", "none/*.doc"])
    assert found.files == ("applicants/b-smith.pdf",)
    assert dict(found.unreadable) == {
        "missing.pdf": NO_SUCH_PATH,
        "applicants/pipe.pdf": "is a FIFO; not opened",
        "none/*.doc": NO_MATCH,
    }
    assert set(found.unreadable) <= set(found.skipped)


def test_named_file_is_kept_whatever_its_name(tree: Path) -> None:
    found = discover(["applicants/notes.xlsx"])
    assert found.files == ("applicants/notes.xlsx",)


def test_named_symlink_to_a_document_is_read_through_its_target(tree: Path) -> None:
    found = discover(["applicants/leak.pdf"])
    assert found.files == ("outside/private.pdf",)
    assert discover(["applicants/zero.pdf"]).unreadable[0][1].endswith("not opened")


def test_same_file_through_two_arguments_is_checked_once(tree: Path) -> None:
    found = discover(["applicants/b-smith.pdf", "applicants", "./applicants/alias.pdf"])
    assert found.files.count("applicants/b-smith.pdf") == 1
    assert len(found.files) == 3


def test_not_recursive_stays_in_the_folder(tree: Path) -> None:
    assert "applicants/2024/letter.txt" not in discover(["applicants"], recursive=False).files


def test_order_does_not_depend_on_argument_order(tree: Path) -> None:
    a = discover(["applicants/2024", "applicants/b-smith.pdf"])
    b = discover(["applicants/b-smith.pdf", "applicants/2024"])
    assert a == b


def test_ten_thousand_files_are_all_listed_in_order(tmp_path: Path) -> None:
    for d in range(100):
        sub = tmp_path / f"batch{d:03d}"
        sub.mkdir()
        for i in range(100):
            (sub / f"cv{i:03d}.pdf").touch()
    found = discover([str(tmp_path)])
    assert len(found.files) == 10_000
    assert found.files[0].endswith("batch000/cv000.pdf")
    assert found.files[-1].endswith("batch099/cv099.pdf")


def test_a_folder_named_through_a_symlink_is_searched(tree: Path) -> None:
    Path("latest").symlink_to("applicants")
    found = discover(["latest"])
    assert "latest/b-smith.pdf" in found.files
    assert found.unreadable == ()


# -- glob patterns: expanded by the folder walk ---------------------------------------------


@pytest.fixture
def globbed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """cvs/ with documents at three depths, a hidden folder, and two links back to itself."""
    monkeypatch.chdir(tmp_path)
    root = tmp_path / "cvs"
    (root / "2024" / "june").mkdir(parents=True)
    (root / ".old").mkdir()
    for rel in ("a1.pdf", "b2.pdf", "notes.txt", "2024/c3.pdf", "2024/june/d4.pdf",
                ".old/e5.pdf", "[x].pdf"):
        (root / rel).write_bytes(b"%PDF-1.4")
    (root / "loop").symlink_to(".")
    (root / "2024" / "up").symlink_to("..")
    return root


@pytest.mark.parametrize(("pattern", "expected"), [
    ("cvs/*.pdf", ["cvs/[x].pdf", "cvs/a1.pdf", "cvs/b2.pdf"]),
    ("cvs/**/*.pdf", ["cvs/2024/c3.pdf", "cvs/2024/june/d4.pdf", "cvs/[x].pdf",
                      "cvs/a1.pdf", "cvs/b2.pdf"]),
    ("cvs/**", ["cvs/2024/c3.pdf", "cvs/2024/june/d4.pdf", "cvs/[x].pdf", "cvs/a1.pdf",
                "cvs/b2.pdf", "cvs/notes.txt"]),
    ("cvs/*/*.pdf", ["cvs/2024/c3.pdf"]),
    ("cvs/?1.pdf", ["cvs/a1.pdf"]),
    ("cvs/[ab]*.pdf", ["cvs/a1.pdf", "cvs/b2.pdf"]),
    ("cvs/[!a]*.pdf", ["cvs/[x].pdf", "cvs/b2.pdf"]),
    ("c*s/2024/**/d?.pdf", ["cvs/2024/june/d4.pdf"]),
    ("**/june/*.pdf", ["cvs/2024/june/d4.pdf"]),
])
def test_patterns_match_as_the_shell_would_without_following_links(
    globbed: Path, pattern: str, expected: list[str]
) -> None:
    import glob

    found = discover([pattern])
    assert list(found.files) == expected
    # The glob module finds the same files once the link loops (which it would follow
    # forever) are gone.
    links = {link: os.readlink(link) for link in ("cvs/loop", "cvs/2024/up")}
    for link in links:
        os.unlink(link)
    try:
        reference = sorted(p for p in glob.glob(pattern, recursive=True) if os.path.isfile(p))
    finally:
        for link, target in links.items():
            os.symlink(target, link)
    assert sorted(found.files) == reference


def test_a_pattern_through_link_loops_finishes_and_lists_each_file_once(globbed: Path) -> None:
    found = discover(["cvs/**/*.pdf", "cvs/*.pdf", "cvs"])
    assert len(found.files) == len(set(found.files)) == 6  # five PDFs and notes.txt
    assert not any("loop" in f or "/up/" in f for f in found.files)


def test_a_pattern_over_a_tree_deeper_than_the_recursion_limit(
    monkeypatch: pytest.MonkeyPatch
) -> None:
    import tempfile

    from hostile.misuse import remove_tree

    # Not under pytest's tmp_path: its clean-up of old folders recurses and would fail here.
    top = Path(tempfile.mkdtemp(prefix="resumecheck-deep-"))
    try:
        monkeypatch.chdir(top)
        folder = Path("deep")
        folder.mkdir()
        for _ in range(1100):
            folder = folder / "d"
            folder.mkdir()
        (folder / "cv.pdf").write_bytes(b"%PDF-1.4")
        found = discover(["deep/**/*.pdf"])
        assert found.files == (f"{folder.as_posix()}/cv.pdf",)
        assert found.unreadable == ()
    finally:
        monkeypatch.undo()
        remove_tree(top)


def test_a_pattern_naming_folders_only_keeps_no_files(globbed: Path) -> None:
    found = discover(["cvs/*/"])
    assert found.files == ()
