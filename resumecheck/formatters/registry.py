"""The output formats: one enum, which builds each format's formatter (imported only when
used, so naming a format costs nothing at start-up)."""

from __future__ import annotations

import importlib
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from resumecheck.formatters.base import Formatter, RenderContext


class OutputFormat(StrEnum):
    TEXT = "text"
    JSON = "json"
    JSONL = "jsonl"
    CSV = "csv"
    MARKDOWN = "markdown"
    HTML = "html"
    JUNIT = "junit"
    GITHUB = "github"
    CONCISE = "concise"
    SARIF = "sarif"
    GITLAB = "gitlab"

    def formatter(self, ctx: RenderContext) -> Formatter:
        """This format's formatter for one run."""
        module_name, class_name = _FORMATTERS[self]
        module = importlib.import_module(f"resumecheck.formatters.{module_name}")
        return getattr(module, class_name)(ctx)


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
    OutputFormat.CONCISE: ("concise", "ConciseFormatter"),
    OutputFormat.SARIF: ("sarif", "SarifFormatter"),
    OutputFormat.GITLAB: ("gitlab", "GitlabFormatter"),
}
