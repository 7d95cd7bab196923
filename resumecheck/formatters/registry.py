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

    @property
    def description(self) -> str:
        """One line on what the format is for (``--help`` and docs/cli.md)."""
        return DESCRIPTIONS[self]

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

#: format -> what it is for, in one line
DESCRIPTIONS: dict[OutputFormat, str] = {
    OutputFormat.TEXT: "The report a person reads in a terminal (colour only on a terminal).",
    OutputFormat.JSON: "One versioned JSON document holding every report (docs/json-schema.md).",
    OutputFormat.JSONL: "One compact JSON object per file, written as each file finishes.",
    OutputFormat.CSV: "A ranking: one row per file, best score first, unreadable files last.",
    OutputFormat.MARKDOWN: "A ranked table, then a section per file (pull requests, wikis).",
    OutputFormat.HTML: "One self-contained HTML page: ranking, a chart per file, the advice.",
    OutputFormat.JUNIT: "JUnit XML: each file a test case; below threshold fails, unreadable "
                        "errors.",
    OutputFormat.GITHUB: "GitHub Actions workflow commands: each finding an annotation on its "
                         "file.",
    OutputFormat.CONCISE: "One line per finding, path:line:col: CODE message, as editors and "
                          "CI log parsers read.",
    OutputFormat.SARIF: "SARIF 2.1.0 for GitHub code scanning and other SARIF readers.",
    OutputFormat.GITLAB: "GitLab Code Quality JSON (merge request widget).",
}
