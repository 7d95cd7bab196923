"""Defaults for ``check`` from a ``resumecheck.toml`` or a ``[tool.resumecheck]`` table in
``pyproject.toml``.

The file is looked for in the current folder and then its parents (as ruff and pytest do),
or named with ``--config``; ``--isolated`` ignores every config file. It is never read from
inside the folders being checked: those hold strangers' files. Values go through the same
validation as the command-line options (the command line wins over the file), and a
profile path in the file is taken relative to the file's own folder.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from resumecheck.errors import UsageError

MAX_CONFIG_BYTES = 1024 * 1024  # 1 MiB

#: config key (hyphens or underscores) -> the ``check`` parameter it sets
KEYS: dict[str, str] = {
    "profile": "profile",
    "format": "fmt",
    "fail_under": "fail_under",
    "fail_on": "fail_on",
    "kind": "kind",
    "select": "select",
    "ignore": "ignore",
    "extend_select": "extend_select",
    "extend_ignore": "extend_ignore",
    "jobs": "jobs",
    "timeout": "timeout",
    "max_memory": "max_memory",
    "max_size": "max_size",
    "max_pages": "max_pages",
}
#: Settings that hold a list of codes.
LIST_KEYS = frozenset({"select", "ignore", "extend_select", "extend_ignore"})


def find_config(start: Path) -> Path | None:
    """The first ``resumecheck.toml``, or ``pyproject.toml`` with a ``[tool.resumecheck]``
    table, in ``start`` or a folder above it."""
    for folder in (start, *start.parents):
        own = folder / "resumecheck.toml"
        if own.is_file():
            return own
        py = folder / "pyproject.toml"
        if py.is_file() and "resumecheck" in _load(py).get("tool", {}):
            return py
    return None


def read_config(path: Path) -> dict[str, Any]:
    """The settings in ``path``, keyed by ``check`` parameter name (types checked here,
    bounds and choices by the options themselves)."""
    data = _load(path)
    table = data.get("tool", {}).get("resumecheck", {}) if path.name == "pyproject.toml" else data
    if not isinstance(table, dict):
        raise UsageError(str(path), "[tool.resumecheck] must be a table")
    out: dict[str, Any] = {}
    for raw_key, value in table.items():
        key = raw_key.replace("-", "_")
        if key not in KEYS:
            import difflib

            names = [k.replace("_", "-") for k in KEYS]
            close = difflib.get_close_matches(key.replace("_", "-"), names, n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            raise UsageError(str(path), f"unknown setting {raw_key!r}{hint} (known: "
                                        f"{', '.join(names)})")
        if key in LIST_KEYS:
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise UsageError(str(path), f"{raw_key}: must be a list of codes")
        elif key == "profile":
            # One profile, or a list of two to combine (as -p twice).
            names = value if isinstance(value, list) else [value]
            if not names or not all(isinstance(v, str) and v for v in names):
                raise UsageError(str(path), f"{raw_key}: must be a profile name or file, or a "
                                            "list of them")
            value = [_relative_to(path, v) if _looks_like_path(v) else v for v in names]
        elif isinstance(value, bool | list | dict):
            raise UsageError(str(path), f"{raw_key}: must be a single value, not "
                                        f"{type(value).__name__}")
        out[KEYS[key]] = value
    return out


def _relative_to(config: Path, value: str) -> str:
    """A profile path in a config file is relative to the file's folder."""
    return value if Path(value).is_absolute() else str(config.parent / value)


def _looks_like_path(value: str) -> bool:
    return "/" in value or "\\" in value or value.lower().endswith((".toml", ".txt"))


def _load(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            data = fh.read(MAX_CONFIG_BYTES + 1)
    except OSError as exc:
        raise UsageError(str(path), f"cannot read the config file ({exc.strerror})") from None
    if len(data) > MAX_CONFIG_BYTES:
        raise UsageError(str(path), f"config file is larger than {MAX_CONFIG_BYTES >> 20} MiB")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise UsageError(str(path), f"config file is not UTF-8 (bad byte at offset "
                                    f"{exc.start})") from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(str(path), f"not valid TOML ({exc})") from None
    except RecursionError:
        raise UsageError(str(path), "not valid TOML (nested too deeply)") from None
