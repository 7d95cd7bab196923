"""Every finding code, its severity and its advice, in one registry.

Codes are stable: a letter for the family and three digits. Checks create findings
only through :func:`finding`, so a code can never be used without being documented.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
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


def parse_selection(values: Iterable[str], rules: Mapping[str, Rule], label: str
                    ) -> tuple[str, ...]:
    """Codes and prefixes (``K101``, ``K1``, ``K``, in any case) and rule names
    (``hedged-procedure-claim``, taken as its code Q102), comma-separated or repeated.

    Anything else is a usage error naming the option or config key (``label``) with the
    closest codes and names ("did you mean P101?"): a typo must never quietly turn every
    check off.
    """
    by_name = {r.name: r.code for r in rules.values()}
    out: list[str] = []
    for value in values:
        for raw in value.split(","):
            token = raw.strip()
            if not token:
                continue
            code = token.upper()
            if not any(c.startswith(code) for c in rules):
                named = by_name.get(token.lower())
                if named is None:
                    raise ValueError(_unknown(token, rules, by_name, label))
                code = named
            if code not in out:
                out.append(code)
    return tuple(out)


def _unknown(token: str, rules: Mapping[str, Rule], by_name: Mapping[str, str],
             label: str) -> str:
    import difflib

    upper = token.upper()
    # Letters that look like digits ("P1O1", "K1O1", "SI02") are the commonest slip.
    digits = upper[:1] + upper[1:].translate(str.maketrans("OIL", "011"))
    scored = sorted((-max(difflib.SequenceMatcher(None, form, code).ratio()
                          for form in (upper, digits)), code) for code in rules)
    guesses = [code for score, code in scored if -score >= 0.5][:3]
    for name in difflib.get_close_matches(token.lower(), sorted(by_name), n=2, cutoff=0.6):
        guesses.append(f"{by_name[name]} ({name})")
    hint = f"; did you mean {' or '.join(guesses)}?" if guesses else ""
    families = ", ".join(sorted(FAMILIES))
    return (f"{label}: unknown code or prefix {token!r}{hint} (codes are a family letter "
            f"{families} and three digits; `resumecheck rules` lists them)")
