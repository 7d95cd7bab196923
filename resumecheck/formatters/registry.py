"""Maps each output format to its formatter class (imported only when used)."""

from __future__ import annotations

import importlib
from enum import StrEnum

from resumecheck.formatters.base import Formatter


class OutputFormat(StrEnum):
    TEXT = "text"
    JSON = "json"
    JSONL = "jsonl"
    CSV = "csv"
    MARKDOWN = "markdown"
    HTML = "html"
    JUNIT = "junit"
    GITHUB = "github"


#: format -> (module under resumecheck.formatters, class name)
_FORMATTERS: dict[OutputFormat, tuple[str, str]] = {
    OutputFormat.TEXT: ("text", "TextFormatter"),
    OutputFormat.JSON: ("json_format", "JsonFormatter"),
    OutputFormat.JSONL: ("jsonl", "JsonLinesFormatter"),
    OutputFormat.CSV: ("csv_format", "CsvFormatter"),
    OutputFormat.MARKDOWN: ("markdown", "MarkdownFormatter"),
    OutputFormat.HTML: ("html", "HtmlFormatter"),
    OutputFormat.JUNIT: ("junit", "JUnitFormatter"),
    OutputFormat.GITHUB: ("github", "GithubFormatter"),
}


def get_formatter(fmt: OutputFormat | str) -> Formatter:
    module_name, class_name = _FORMATTERS[OutputFormat(fmt)]
    module = importlib.import_module(f"resumecheck.formatters.{module_name}")
    return getattr(module, class_name)()
