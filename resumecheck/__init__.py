"""resumecheck: check resumes, CVs and cover letters against keyword profiles, offline.

The library API is :func:`check`; it is imported lazily so that ``resumecheck --help``
and ``--version`` never pay for spaCy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["__version__", "check"]

if TYPE_CHECKING:  # pragma: no cover
    from resumecheck.models import Report


def check(path: Any, profile: Any = "pain-medicine", **options: Any) -> Report:
    """Check one document and return its :class:`~resumecheck.models.Report`.

    ``profile`` is a built-in profile name, a path to a profile file, or a loaded
    :class:`~resumecheck.profiles.Profile`. Other options are those of
    :func:`resumecheck.api.check_file`. Raises :class:`~resumecheck.errors.InputError`
    for an unreadable file and :class:`~resumecheck.errors.ProfileError` for a bad profile.
    """
    from resumecheck.api import check_file

    return check_file(path, profile=profile, **options)
