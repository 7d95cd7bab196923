"""Shared set-up of the atheris targets: small limits, and what counts as a crash."""

from __future__ import annotations

from resumecheck.preflight import MiB, ReadLimits

#: Small limits keep each execution fast; a guard hit is an InputError like any other.
LIMITS = ReadLimits(max_bytes=4 * MiB, max_pages=5, max_chars=50_000,
                    max_unzipped_bytes=16 * MiB, max_zip_members=200)
