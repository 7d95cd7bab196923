"""``--redact``: hide email addresses, phone numbers and street addresses in a report.

Redaction works on the finished report, not the document, so the checks still see that
contact details exist; only what is written out is masked.
"""

from __future__ import annotations

import dataclasses
import re
from enum import Enum
from typing import Any

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
#: A run of digits, spaces, dots, dashes and brackets that may be a phone number; kept
#: only when it holds 9 to 15 digits (so dates, years and volumes survive).
_PHONE_CANDIDATE = re.compile(r"(?<![\w.])\+?\(?\d[\d\s().-]{7,}\d(?![\w])")
STREET = re.compile(
    r"\b\d{1,6}\s+(?:[A-Z][\w'.-]*\s+){1,4}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|"
    r"Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|Parkway|Pkwy|Terrace|Circle|Highway|Hwy)\b\.?"
    r"(?:,?\s+(?:Suite|Ste|Apt|Unit)\.?\s*#?\w+)?"
)
EMAIL_MASK = "[email]"
PHONE_MASK = "[phone]"
STREET_MASK = "[address]"
#: Fields that name files, codes and keys: never redacted.
_KEEP = frozenset({"path", "code", "term_id", "id", "category", "via", "format", "profile"})


def _phone(match: re.Match[str]) -> str:
    digits = sum(c.isdigit() for c in match.group(0))
    return PHONE_MASK if 9 <= digits <= 15 else match.group(0)


def redact_text(text: str) -> str:
    text = EMAIL.sub(EMAIL_MASK, text)
    text = STREET.sub(STREET_MASK, text)
    return _PHONE_CANDIDATE.sub(_phone, text)


def redact(value: Any) -> Any:
    """A copy of ``value`` (records, tuples, lists, dicts, strings) with contact details masked."""
    if isinstance(value, Enum):  # severities, kinds, origins: str subclasses to keep as they are
        return value
    if isinstance(value, str):
        return redact_text(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {
            f.name: redact(getattr(value, f.name))
            for f in dataclasses.fields(value)
            if f.init and f.name not in _KEEP
        }
        return dataclasses.replace(value, **changes)
    if isinstance(value, tuple):
        return tuple(redact(v) for v in value)
    if isinstance(value, list):
        return [redact(v) for v in value]
    if isinstance(value, dict):
        return {k: (v if k in _KEEP else redact(v)) for k, v in value.items()}
    return value
