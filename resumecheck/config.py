"""Defaults for `check` from a ``resumecheck.toml`` or ``[tool.resumecheck]`` in ``pyproject.toml``.

The first file found wins, looking in the folder of the first document given, then its
parents, then the current folder. The command line always wins over the file.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from resumecheck.errors import UsageError

#: option name -> accepted Python types
KEYS: dict[str, tuple[type, ...]] = {
    "profile": (str,),
    "format": (str,),
    "fail_under": (int, float),
    "fail_on": (str,),
    "kind": (str,),
    "select": (list,),
    "ignore": (list,),
    "jobs": (int,),
    "timeout": (int, float),
    "max_memory": (int,),
    "max_size": (int,),
    "max_pages": (int,),
}


def find_config(start: Path) -> Path | None:
    folders = [start, *start.parents, Path.cwd()]
    for folder in folders:
        own = folder / "resumecheck.toml"
        if own.is_file():
            return own
        py = folder / "pyproject.toml"
        if py.is_file() and _load(py).get("tool", {}).get("resumecheck") is not None:
            return py
    return None


def load_config(paths: list[str]) -> tuple[dict[str, Any], Path | None]:
    """The settings found for ``paths`` (hyphens in keys accepted) and the file they came from."""
    first = Path(paths[0]) if paths else Path.cwd()
    start = first if first.is_dir() else first.parent
    found = find_config(start.resolve() if start.exists() else Path.cwd())
    if found is None:
        return {}, None
    data = _load(found)
    table = data.get("tool", {}).get("resumecheck", {}) if found.name == "pyproject.toml" else data
    if not isinstance(table, dict):
        raise UsageError(str(found), "[tool.resumecheck] must be a table")
    out: dict[str, Any] = {}
    for raw_key, value in table.items():
        key = raw_key.replace("-", "_")
        if key not in KEYS:
            raise UsageError(str(found), f"unknown setting {raw_key!r} (known: {', '.join(KEYS)})")
        if isinstance(value, bool) or not isinstance(value, KEYS[key]):
            raise UsageError(str(found), f"setting {raw_key!r} has the wrong type")
        if key in ("select", "ignore") and not all(isinstance(v, str) for v in value):
            raise UsageError(str(found), f"setting {raw_key!r} must be a list of codes")
        out[key] = value
    return out, found


def _load(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(str(path), f"not valid TOML ({exc})") from None
    except OSError as exc:
        raise UsageError(str(path), f"cannot read ({exc.strerror})") from None
