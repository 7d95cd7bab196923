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
    #: A short document that triggers the rule, and one that does not. Shown by
    #: ``resumecheck rules CODE``; when ``runnable`` the tests check both as plain-text
    #: documents (rules about PDF/DOCX internals describe their examples instead).
    bad: str = ""
    good: str = ""
    runnable: bool = True
    #: Which document kinds the examples are checked as ("resume" or "cover-letter").
    example_kind: str = "resume"

    @property
    def family(self) -> str:
        return FAMILIES[self.code[0]]


RULES: dict[str, Rule] = {}


def rule(code: str, name: str, severity: Severity, summary: str, fix: str,
         explanation: str = "", *, bad: str = "", good: str = "", runnable: bool = True,
         example_kind: str = "resume") -> Rule:
    """Register a rule; a code may be registered once."""
    if code in RULES:
        raise ValueError(f"duplicate rule code {code}")
    if code[0] not in FAMILIES or len(code) != 4 or not code[1:].isdigit():
        raise ValueError(f"bad rule code {code!r}")
    r = Rule(code, name, severity, summary, fix, explanation, bad, good, runnable, example_kind)
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
