"""Every finding code, its severity and its advice, in one registry.

Codes are stable: a letter for the family and three digits. Checks create findings
only through :func:`finding`, so a code can never be used without being documented.
"""

from __future__ import annotations

from dataclasses import dataclass

from resumecheck.models import Finding, Location, Severity

FAMILIES: dict[str, str] = {
    "P": "parse",
    "S": "structure",
    "C": "contact",
    "K": "keywords",
    "Q": "content",
    "L": "cover letter",
    "J": "job posting",
}


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    name: str
    severity: Severity
    summary: str
    fix: str
    explanation: str = ""

    @property
    def family(self) -> str:
        return FAMILIES[self.code[0]]


RULES: dict[str, Rule] = {}


def rule(code: str, name: str, severity: Severity, summary: str, fix: str,
         explanation: str = "") -> Rule:
    """Register a rule; a code may be registered once."""
    if code in RULES:
        raise ValueError(f"duplicate rule code {code}")
    if code[0] not in FAMILIES or len(code) != 4 or not code[1:].isdigit():
        raise ValueError(f"bad rule code {code!r}")
    r = Rule(code, name, severity, summary, fix, explanation)
    RULES[code] = r
    return r


def finding(code: str, message: str, location: Location | None = None,
            fix: str | None = None) -> Finding:
    r = RULES[code]
    return Finding(code=code, severity=r.severity, message=message,
                   fix=r.fix if fix is None else fix, location=location)


def selected(code: str, select: tuple[str, ...], ignore: tuple[str, ...]) -> bool:
    """Linter-style prefix selection: with both lists, the more specific prefix wins."""
    sel = max((len(p) for p in select if code.startswith(p)), default=None)
    if select and sel is None:
        return False
    ign = max((len(p) for p in ignore if code.startswith(p)), default=None)
    if ign is None:
        return True
    return sel is not None and sel > ign


# Keyword rules (the check lives in resumecheck.checks.keywords).
rule("K101", "required-term-missing", Severity.WARNING,
     "A term the profile marks as required does not appear anywhere a reader can see.",
     "Add the term in the wording shown, where it is true of you (a section heading or a "
     "bullet in the matching section).",
     "Tracking systems filter on must-have terms before a person reads the file; a "
     "missing required term can drop the document from the shortlist.")
