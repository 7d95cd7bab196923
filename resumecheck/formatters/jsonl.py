"""JSON Lines: one compact JSON object per file, written as each file finishes."""

from __future__ import annotations

from resumecheck.formatters.base import Formatter
from resumecheck.formatters.json_format import dumps, result_dict
from resumecheck.verdict import FileResult


class JsonLinesFormatter(Formatter):
    """Each line is the same object as in the ``json`` format's ``reports`` list, so tools
    can switch between the two without a second parser."""

    def add(self, result: FileResult) -> str:
        return dumps(result_dict(result), indent=None) + "\n"
