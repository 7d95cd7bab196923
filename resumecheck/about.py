"""What ``resumecheck --version`` prints: the versions a bug report needs.

Cheap on purpose: spaCy's version comes from its installed metadata (importing spaCy
takes most of a second), and a built-in profile's version from its ``[profile]`` table.
"""

from __future__ import annotations

import platform
import re
import tomllib
from importlib import metadata, resources

from resumecheck import __version__

_BUILTIN_PACKAGE = "resumecheck.keywords"
_EXAMPLES_SUFFIX = ".examples.toml"


def _installed(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "not installed"


def builtin_profile_versions() -> list[tuple[str, str]]:
    """(name, version) of every built-in profile, by name."""
    out = []
    for entry in resources.files(_BUILTIN_PACKAGE).iterdir():
        name = entry.name
        if not name.endswith(".toml") or name.endswith(_EXAMPLES_SUFFIX):
            continue
        try:
            # Only the [profile] table: the terms after it are most of the file.
            text = entry.read_text(encoding="utf-8")
            cut = re.search(r"^\s*\[(?!profile\])", text, re.M)
            try:
                header = tomllib.loads(text[: cut.start()] if cut else text)["profile"]
            except (tomllib.TOMLDecodeError, KeyError):  # a bracket inside a string
                header = tomllib.loads(text).get("profile", {})
            version = str(header.get("version", "?"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
            version = "unreadable"
        out.append((name[: -len(".toml")], version))
    return sorted(out)


def versions(verbose: bool = False) -> list[tuple[str, str]]:
    """(component, version) pairs, resumecheck first; ``verbose`` adds the lemma data and
    the platform."""
    lines = [("resumecheck", __version__), ("spaCy", _installed("spacy"))]
    if verbose:
        lines.append(("spacy-lookups-data", _installed("spacy-lookups-data")))
    lines += [(f"profile {name}", version) for name, version in builtin_profile_versions()]
    python = platform.python_version()
    lines.append(("Python", f"{python} {platform.python_implementation()}" if verbose else python))
    if verbose:
        lines.append(("platform", platform.platform()))
    return lines
