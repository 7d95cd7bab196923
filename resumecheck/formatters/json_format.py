"""``--format json``: one versioned document holding every report (docs/json-schema.md)."""

from __future__ import annotations

import json

from resumecheck.formatters.base import Formatter
from resumecheck.models import Report
from resumecheck.verdict import FileResult, Tally

SCHEMA = "resumecheck.report/1"


def dumps(value: object, indent: int | None = 2) -> str:
    """Stable JSON: sorted keys, UTF-8 kept readable."""
    if indent is None:
        return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return json.dumps(value, sort_keys=True, ensure_ascii=False, indent=indent)


def pretty(value: object, level: int = 0) -> str:
    """``dumps(value)`` (two-space indent), as if nested ``level`` deep: the same text as
    ``json.dumps``, made about twice as fast by writing lists and objects directly
    (``json.dumps`` with an indent runs its pure-Python encoder). Values other than dicts,
    lists, tuples, strings, finite numbers, booleans and None go through ``json.dumps``."""
    out: list[str] = []
    try:
        if type(value) in (dict, list, tuple):
            _container(value, "\n" + "  " * level, out)
        else:
            out.append(_scalar(value))
    except _Unusual:
        text = dumps(value)
        return text.replace("\n", "\n" + "  " * level) if level else text
    return "".join(out)


class _Unusual(Exception):
    """A value :func:`pretty` leaves to ``json.dumps``."""


_STRING = json.encoder.encode_basestring  # the C encoder, UTF-8 kept
_INFINITY = float("inf")


def _scalar(value: object) -> str:
    kind = type(value)
    if kind is str:
        return _STRING(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if kind is int:
        return int.__repr__(value)
    if kind is float and value == value and -_INFINITY < value < _INFINITY:
        return float.__repr__(value)
    raise _Unusual


def _container(value: dict | list | tuple, newline: str, out: list[str]) -> None:
    """Append ``value`` (a dict, list or tuple) to ``out``; ``newline`` leads its closing
    bracket, and its items one level deeper."""
    if not value:
        out.append("{}" if type(value) is dict else "[]")
        return
    inner = newline + "  "
    if type(value) is dict:
        opening, closing = "{" + inner, newline + "}"
        items = sorted(value.items())
        if any(type(k) is not str for k, _ in items):
            raise _Unusual
        heads = [_STRING(k) + ": " for k, _ in items]
        values = [v for _, v in items]
    else:
        opening, closing = "[" + inner, newline + "]"
        heads = None
        values = value
    separator = "," + inner
    for i, item in enumerate(values):
        head = (opening if i == 0 else separator) + (heads[i] if heads is not None else "")
        kind = type(item)
        if kind is str:
            out.append(head + _STRING(item))
        elif kind is dict or kind is list or kind is tuple:
            out.append(head)
            _container(item, inner, out)
        else:
            out.append(head + _scalar(item))
    out.append(closing)


def result_dict(result: FileResult) -> dict:
    """One file's object: the report (or failure), its band and first actions, and whether it
    passed."""
    outcome = result.outcome
    d = outcome.to_dict()
    if isinstance(outcome, Report):
        from resumecheck.actions import actions, band_dict

        d["band"] = band_dict(outcome.score.value)
        d["actions"] = [a.to_dict() for a in actions(outcome)]
    d["passed"] = result.verdict.passed
    return d


class JsonFormatter(Formatter):
    """One JSON document, written as files finish: the ``reports`` list comes before every
    key that sums them up (keys are sorted), so nothing has to be held back."""

    _MARK = "\x00reports\x00"

    def _skeleton(self, tally: Tally) -> tuple[str, str]:
        """The document around its reports list: (text up to "[", text from "]" on)."""
        thresholds = self.ctx.thresholds
        doc = {
            "schema": SCHEMA,
            "tool": {"name": "resumecheck", "version": self.ctx.version},
            "profile": self.ctx.profile,
            "settings": {
                "fail_under": thresholds.fail_under,
                "fail_on": thresholds.fail_on.value if thresholds.fail_on else None,
            },
            "summary": {
                "files": tally.files,
                "checked": tally.checked,
                "unreadable": tally.unreadable,
                "errors": tally.errors,
                "passed": tally.passed,
            },
            "reports": [self._MARK],
        }
        text = dumps(doc) + "\n"
        mark = f"\n    {json.dumps(self._MARK)}\n  "
        before, after = text.split(mark)
        return before, after

    def start(self) -> str:
        self._written = 0
        return self._skeleton(Tally())[0]

    def add(self, result: FileResult) -> str:
        body = "    " + pretty(result_dict(result), level=2)
        first = self._written == 0
        self._written += 1
        return ("" if first else ",") + "\n" + body

    def finish(self, tally: Tally) -> str:
        after = self._skeleton(tally)[1]
        return ("\n  " if tally.files else "") + after
