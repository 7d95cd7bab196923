"""Checkers for the tests, built once per set of options (a checker loads spaCy's tables
and compiles the profile's patterns; the tests check hundreds of small documents)."""

from __future__ import annotations

import functools
from pathlib import Path

from resumecheck.checker import Checker
from resumecheck.models import Report
from resumecheck.options import CheckOptions


@functools.cache
def checker(options: CheckOptions = CheckOptions()) -> Checker:  # noqa: B008 - frozen
    return Checker.build(options)


def check(path: str | Path, options: CheckOptions = CheckOptions()) -> Report:  # noqa: B008
    """Read and check ``path`` the way the command line does (without the caps)."""
    return checker(options).check_path(path)
