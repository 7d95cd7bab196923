"""Keyword profiles: TOML or plain-text files -> a validated, immutable :class:`Profile`.

A profile is loaded once per process and shared by every worker, so everything here is
frozen and hashable. A malformed profile is rejected at load time with the file, the key
path (``terms[12].level``) or line (``line 7``), and what is wrong; nothing is guessed.

Built-in profiles live in ``resumecheck/keywords/`` (the package ``resumecheck.keywords``),
in the source tree exactly as in the wheel.
"""

from __future__ import annotations

import math
import os
import re
import stat
import tomllib
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

from resumecheck.conventions import Conventions, conventions_to_toml, parse_conventions
from resumecheck.errors import ProfileError, printable
from resumecheck.models import Kind, Level
from resumecheck.normalize import text_key
from resumecheck.sections import SECTION_KEYS

__all__ = [
    "Category",
    "Context",
    "Credit",
    "Examples",
    "Profile",
    "ProfileErrors",
    "Term",
    "builtin_profiles",
    "combine_profiles",
    "load_examples",
    "load_profile",
    "profile_to_toml",
    "wording_key",
]

_T = TypeVar("_T")

BUILTIN_PACKAGE = "resumecheck.keywords"
BUILTIN_PREFIX = "builtin:"
EXAMPLES_SUFFIX = ".examples.toml"
#: A keyword list is small; anything bigger is a wrong file, not a profile.
MAX_PROFILE_BYTES = 4 * 1024 * 1024
#: Limits checked as a profile loads (docs/profiles.md). A profile past them is refused
#: with one line naming the limit: the patterns of every wording are built in memory in
#: each process (a 300,000-wording list needs gigabytes), so size is bounded up front.
MAX_TERMS = 2_000
#: Aliases and acronyms of one term.
MAX_TERM_WORDINGS = 100
#: Every wording of every term: terms, aliases and acronyms.
MAX_WORDINGS = 10_000
#: Characters of one wording, and of all wordings together.
MAX_WORDING_CHARS = 200
MAX_TOTAL_CHARS = 200_000
#: The largest term or category weight: scores stay finite numbers.
MAX_WEIGHT = 1_000.0

_SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_CATEGORY_ID_RE = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")
#: A plain-list variant written entirely in capitals, digits, "&" and "-" is an acronym.
_TXT_ACRONYM_RE = re.compile(r"^[A-Z0-9&-]+$")
_HYPHENS = "-\u2010\u2011\u2012\u2013\u2014\u2212"
_HYPHEN_RE = re.compile(f"[{_HYPHENS}]")
_TOML_POS_RE = re.compile(r"^(?P<msg>.*?)\s*\(at line (?P<line>\d+), column (?P<col>\d+)\)$")

_PROFILE_KEYS = ("name", "title", "description", "version")
_TOP_KEYS = ("profile", "categories", "terms", "conventions", "forms", "verbs", "names")
_CATEGORY_KEYS = ("title", "weight", "description")
_TERM_KEYS = ("id", "term", "aliases", "acronyms", "category", "level", "weight", "kinds", "tip",
              "modifiers", "broader", "generic", "context", "credit")
_CONTEXT_KEYS = ("wordings", "near", "not_near", "window", "sections", "long_form", "name_suffix")
_CREDIT_KEYS = ("sections", "names", "roles")
_NAMES_KEYS = ("organizations", "journals")
#: At most this many words may stand inside a term's wording (``modifiers``).
MAX_MODIFIERS = 2
#: Tokens either side of an ambiguous wording in which its context is looked for.
DEFAULT_WINDOW = 12
MAX_WINDOW = 60
_ONE_WORD_RE = re.compile(r"^[a-z][a-z'-]*$")
_LEVELS = ", ".join(level.value for level in Level)
_KINDS = ", ".join(kind.value for kind in Kind)


# --------------------------------------------------------------------------- records


@dataclass(frozen=True, slots=True)
class Category:
    id: str
    title: str
    weight: float
    description: str = ""


@dataclass(frozen=True, slots=True)
class Context:
    """Where an ambiguous wording of a term counts (docs/profiles.md, "Context").

    The wording counts only with support: one of ``near`` within ``window`` tokens in the
    same block, the block in one of ``sections``, the term's long form anywhere in the
    document (``long_form``), or a degree after a person's name (``name_suffix``). A word
    of ``not_near`` within the window vetoes it whatever the support.
    """

    #: The term's wordings that need context; empty means every acronym of the term.
    wordings: tuple[str, ...] = ()
    near: tuple[str, ...] = ()
    not_near: tuple[str, ...] = ()
    window: int = DEFAULT_WINDOW
    sections: tuple[str, ...] = ()
    long_form: bool = False
    name_suffix: bool = False

    @property
    def needs_support(self) -> bool:
        return bool(self.near or self.sections or self.long_form or self.name_suffix)


@dataclass(frozen=True, slots=True)
class Credit:
    """How a credential is read from CV lines (docs/profiles.md, "Credentials").

    A line in one of ``sections`` (by its heading or its own label, "Fellowship: ...")
    that names one of ``names`` credits the term; so does a role noun (``roles``) next to
    one of the names anywhere ("Fellow, Pain Medicine").
    """

    sections: tuple[str, ...]
    names: tuple[str, ...]
    roles: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Term:
    """One keyword and every wording that counts as it."""

    id: str
    term: str
    aliases: tuple[str, ...]
    acronyms: tuple[str, ...]
    category: str
    level: Level
    weight: float = 1.0
    kinds: frozenset[Kind] = frozenset({Kind.RESUME})
    tip: str = ""
    #: How many words may stand inside a multi-word wording ("chronic widespread pain").
    modifiers: int = 0
    #: Ids of terms this one is a kind of: finding it finds them too.
    broader: tuple[str, ...] = ()
    #: Wordings that count only in a document that claims specific terms of the profile.
    generic: tuple[str, ...] = ()
    context: Context | None = None
    credit: Credit | None = None

    def variants(self) -> tuple[tuple[str, str], ...]:
        """Every wording with how it counts (``term``, ``alias``, ``acronym``), stable order.

        A plain list may name a term by its acronym ("EMG | electromyography"); the
        preferred wording is then also an acronym and is listed once, as an acronym,
        so that it keeps case-sensitive matching.
        """
        out: list[tuple[str, str]] = []
        if self.term not in self.acronyms:
            out.append((self.term, "term"))
        out.extend((alias, "alias") for alias in self.aliases)
        out.extend((acronym, "acronym") for acronym in self.acronyms)
        return tuple(out)


@dataclass(frozen=True, slots=True)
class Profile:
    name: str
    title: str
    description: str
    version: str
    source: str
    categories: tuple[Category, ...]
    terms: tuple[Term, ...]
    #: What the profession's documents are expected to hold (``[conventions]``).
    conventions: Conventions = Conventions()
    #: Things worth telling the user that do not stop the load (a comma in a plain-list
    #: line), each one line naming the file; printed once per run.
    warnings: tuple[str, ...] = field(default=(), compare=False)
    #: The sources of a profile combined from several (``-p a -p b``); empty otherwise.
    parts: tuple[str, ...] = ()
    #: Word families: (word, other forms that count in its place), sorted by word.
    forms: tuple[tuple[str, tuple[str, ...]], ...] = ()
    #: (noun, verbs): a wording ending in the noun is also found verb first ("injected the
    #: sacroiliac joint" for "sacroiliac joint injection").
    verbs: tuple[tuple[str, tuple[str, ...]], ...] = ()
    #: Names of organizations; no term is found inside one (only a term that is the name).
    organizations: tuple[str, ...] = ()
    #: Names of journals; no term is found inside one where it is cited as a journal.
    journals: tuple[str, ...] = ()
    _categories_by_id: dict[str, Category] = field(init=False, repr=False, compare=False)
    _terms_by_id: dict[str, Term] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_categories_by_id", {c.id: c for c in self.categories})
        object.__setattr__(self, "_terms_by_id", {t.id: t for t in self.terms})

    @property
    def sources(self) -> tuple[str, ...]:
        """Every file (or ``builtin:`` name) this profile was read from."""
        return self.parts or (self.source,)

    def category(self, id: str) -> Category:
        try:
            return self._categories_by_id[id]
        except KeyError:
            raise KeyError(f"profile {self.name!r} has no category {id!r}") from None

    def term(self, id: str) -> Term:
        try:
            return self._terms_by_id[id]
        except KeyError:
            raise KeyError(f"profile {self.name!r} has no term {id!r}") from None

    def for_kind(self, kind: Kind) -> tuple[Term, ...]:
        return tuple(t for t in self.terms if kind in t.kinds)


@dataclass(frozen=True)
class Examples:
    """Sentences a profile's terms must find, and sentences they must not."""

    #: (term id, sentence) pairs: the term must be found in the sentence.
    positives: tuple[tuple[str, str], ...]
    #: (sentence, term ids): none of those terms may be found; an empty tuple means
    #: no term of the profile at all may be found.
    negatives: tuple[tuple[str, tuple[str, ...]], ...]


# --------------------------------------------------------------------------- helpers


def wording_key(text: str) -> str:
    """How two wordings are compared for duplicates: case, hyphens, punctuation and spacing
    ignored (:func:`resumecheck.normalize.text_key`)."""
    return text_key(text)


def _wording_keys(text: str) -> tuple[str, ...]:
    """The duplicate-check keys of a wording: a hyphenated wording also claims its joined
    form, because the matcher finds "radio-frequency" written as "radiofrequency"."""
    spaced = wording_key(text)
    if not _HYPHEN_RE.search(text):
        return (spaced,)
    joined = text_key(_HYPHEN_RE.sub("", text))
    return (spaced, joined) if joined != spaced else (spaced,)


def slugify(text: str) -> str:
    """Term id made from a wording: ``"PM&R"`` -> ``"pm-r"``."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def _clean(text: str) -> str:
    return " ".join(text.split())


def _generic_tip(term: str) -> str:
    return f'Add "{term}" where it is true of you; this keyword list asks for it.'


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    return type(value).__name__


class _Errors:
    """Raises ProfileError bound to one file."""

    def __init__(self, path: str) -> None:
        self.path = path

    def __call__(self, where: str | None, reason: str) -> ProfileError:
        return ProfileError(self.path, reason, where=where)


# --------------------------------------------------------------------------- validation


def _weight(value: Any, where: str, err: _Errors) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise err(where, f"weight must be a positive number, not {_describe(value)}")
    if not math.isfinite(value) or value <= 0:
        raise err(where, f"weight must be a positive number, not {value!r}")
    if value > MAX_WEIGHT:
        raise err(where, f"weight {value!r} is over the limit of {MAX_WEIGHT:g}")
    return float(value)


def _string(value: Any, where: str, err: _Errors, *, empty_ok: bool = False) -> str:
    if not isinstance(value, str):
        raise err(where, f"must be a string, not {_describe(value)}")
    cleaned = _clean(value)
    if not cleaned and not empty_ok:
        raise err(where, "must not be empty")
    return cleaned


def _one_line(value: Any, where: str, err: _Errors) -> str:
    if isinstance(value, str) and ("\n" in value.strip() or "\r" in value.strip()):
        raise err(where, "must be a single line")
    return _string(value, where, err)


def _string_list(value: Any, where: str, err: _Errors) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise err(where, f"must be a list of strings, not {_describe(value)}")
    return tuple(_string(item, f"{where}[{i}]", err) for i, item in enumerate(value))


def _bool(value: Any, where: str, err: _Errors) -> bool:
    if not isinstance(value, bool):
        raise err(where, f"must be true or false, not {_describe(value)}")
    return value


def _int(value: Any, where: str, err: _Errors, lo: int, hi: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise err(where, f"must be a whole number from {lo} to {hi}, not {_describe(value)}")
    if not lo <= value <= hi:
        raise err(where, f"must be a whole number from {lo} to {hi}, not {value}")
    return value


def _table(value: Any, where: str, err: _Errors, allowed: tuple[str, ...]) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise err(where, f"must be a table, not {_describe(value)}")
    _check_keys(value, allowed, where, err)
    return value


def _section_keys(value: Any, where: str, err: _Errors) -> tuple[str, ...]:
    keys = _string_list(value, where, err)
    for j, key in enumerate(keys):
        if key not in SECTION_KEYS:
            raise err(f"{where}[{j}]", f"unknown section {key!r} (known: "
                                       f"{', '.join(sorted(SECTION_KEYS))})")
    return keys


def _one_word(value: Any, where: str, err: _Errors) -> str:
    word = _string(value, where, err)
    if not _ONE_WORD_RE.match(word):
        raise err(where, f"{word!r} must be one lower-case word")
    return word


def _check_keys(table: dict[str, Any], allowed: tuple[str, ...], where: str | None,
                err: _Errors) -> None:
    for key in table:
        if key not in allowed:
            at = f"{where}.{key}" if where else key
            raise err(at, f"unknown key {key!r} (allowed: {', '.join(allowed)})")


def _check_acronym(acronym: str, where: str, err: _Errors) -> None:
    if any(ch.isspace() for ch in acronym):
        raise err(where, f"acronym {acronym!r} must be one word, without spaces")
    if not any(ch.isupper() for ch in acronym):
        raise err(where, f"acronym {acronym!r} needs at least one capital letter "
                         "(acronyms match case-sensitively; put lower-case wordings in aliases)")


class _Registry:
    """Catches duplicate ids and wordings across the terms of one profile."""

    def __init__(self, err: _Errors) -> None:
        self.err = err
        self.ids: dict[str, str] = {}
        self.wordings: dict[str, tuple[str, str]] = {}
        self.wording_count = 0
        self.chars = 0

    def snapshot(self) -> tuple[dict[str, str], dict[str, tuple[str, str]]]:
        return dict(self.ids), dict(self.wordings)

    def restore(self, saved: tuple[dict[str, str], dict[str, tuple[str, str]]]) -> None:
        self.ids, self.wordings = dict(saved[0]), dict(saved[1])

    def add_id(self, term_id: str, where: str, owner: str) -> None:
        if len(self.ids) >= MAX_TERMS:
            raise self.err(where, f"more than {MAX_TERMS:,} terms; a profile may have at "
                                  f"most {MAX_TERMS:,}")
        if term_id in self.ids:
            raise self.err(where, f"duplicate term id {term_id!r} (already used by "
                                  f"{self.ids[term_id]})")
        self.ids[term_id] = owner

    def add_term(self, term: Term, wheres: dict[tuple[str, str], str], owner: str) -> None:
        """``wheres`` maps each (wording, via) to where it was written, for messages."""
        self.check_size(term, wheres)
        own: dict[str, str] = {}
        for (wording, via), where in wheres.items():
            if via == "term" and wording in term.acronyms:
                continue  # a term named by its acronym (plain lists) is listed once
            spaced = wording_key(wording)
            if spaced in own:
                raise self.err(where, f"{wording!r} repeats {own[spaced]!r} of the same term")
            own[spaced] = wording
            for key in _wording_keys(wording):
                if key in self.wordings:
                    other_wording, other_owner = self.wordings[key]
                    raise self.err(where, f"{wording!r} is already used by {other_owner} "
                                          f"(as {other_wording!r}); each wording may belong "
                                          "to one term only")
        for wording in own.values():
            for key in _wording_keys(wording):
                self.wordings.setdefault(key, (wording, owner))

    def check_size(self, term: Term, wheres: dict[tuple[str, str], str]) -> None:
        """The size limits: wordings of one term, characters of one wording, and the
        running totals of the profile."""
        first = next(iter(wheres.values()))
        extra = len(term.aliases) + len(term.acronyms)
        if extra > MAX_TERM_WORDINGS:
            raise self.err(first, f"{extra:,} aliases and acronyms for {term.term!r}; a term "
                                  f"may have at most {MAX_TERM_WORDINGS}")
        for (wording, _via), where in wheres.items():
            if len(wording) > MAX_WORDING_CHARS:
                raise self.err(where, f"a wording of {len(wording):,} characters; at most "
                                      f"{MAX_WORDING_CHARS} are allowed")
            self.chars += len(wording)
        self.wording_count += len(wheres)
        if self.wording_count > MAX_WORDINGS:
            raise self.err(first, f"more than {MAX_WORDINGS:,} wordings (terms, aliases and "
                                  f"acronyms together); a profile may have at most "
                                  f"{MAX_WORDINGS:,}")
        if self.chars > MAX_TOTAL_CHARS:
            raise self.err(first, f"more than {MAX_TOTAL_CHARS:,} characters of wordings in "
                                  f"all; a profile may have at most {MAX_TOTAL_CHARS:,}")


# --------------------------------------------------------------------------- TOML


def _toml_load(text: str, err: _Errors) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except RecursionError:
        raise err(None, "TOML syntax error: arrays or tables nested too deeply") from None
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        found = _TOML_POS_RE.match(message)
        if found:
            raise err(f"line {found['line']}, column {found['col']}",
                      f"TOML syntax error: {found['msg']}") from None
        raise err(None, f"TOML syntax error: {message}") from None


def _term_line_numbers(text: str) -> list[int]:
    """1-based line of each ``[[terms]]`` header, so messages can say where to look."""
    return [n for n, line in enumerate(text.splitlines(), 1)
            if re.match(r"^\s*\[\[\s*terms\s*\]\]", line)]


class ProfileErrors(ProfileError):
    """Every problem found in one profile file. It reads as the first; ``problems`` holds
    each (``resumecheck profiles validate`` prints them all)."""

    def __init__(self, problems: list[ProfileError]) -> None:
        first = problems[0]
        super().__init__(first.path, _reason_of(first), where=first.where)
        self.problems = tuple(problems)

    def line(self) -> str:
        more = len(self.problems) - 1
        if not more:
            return super().line()
        return (f"{super().line()} (and {more} more problem{'s' if more != 1 else ''}; "
                f"`resumecheck profiles validate` lists them all)")


class _Found:
    """The problems of one file, collected so that one run reports them all."""

    def __init__(self) -> None:
        self.problems: list[ProfileError] = []

    def add(self, problem: ProfileError) -> None:
        self.problems.append(problem)

    def attempt(self, step: Callable[[], _T], fallback: _T) -> _T:
        """``step()``, or ``fallback`` once its problem is noted."""
        try:
            return step()
        except ProfileError as exc:
            self.add(exc)
            return fallback

    def raise_any(self) -> None:
        if self.problems:
            raise ProfileErrors(self.problems)


class _AnyCategory(frozenset):
    """Stands for the category ids when the categories table itself is broken: that one
    problem is reported, not again as an unknown category in every term."""

    def __contains__(self, item: object) -> bool:
        return True


def _unknown_keys(table: dict[str, Any], allowed: tuple[str, ...], where: str | None,
                  err: _Errors, found: _Found) -> None:
    for key in table:
        found.attempt(lambda key=key: _check_keys({key: None}, allowed, where, err), None)


def parse_toml_profile(text: str, source: str, *, default_name: str,
                       strict: bool = False) -> Profile:
    """Validate a TOML profile. ``strict`` (built-ins) also demands every term's level,
    tip, and the full ``[profile]`` and category headers.

    Every problem is collected (each table, each key of a term) and raised together as
    :class:`ProfileErrors`, so one run of ``profiles validate`` reports them all.
    """
    err = _Errors(source)
    data = _toml_load(text, err)  # a syntax error leaves nothing else to check
    found = _Found()
    _unknown_keys(data, _TOP_KEYS, None, err, found)

    header = data.get("profile", {})
    if not isinstance(header, dict):
        found.add(err("profile", f"must be a table, not {_describe(header)}"))
        header = {}
    _unknown_keys(header, _PROFILE_KEYS, "profile", err, found)
    if strict:
        for key in _PROFILE_KEYS:
            if key not in header:
                found.add(err(f"profile.{key}", "missing required key"))
    name = found.attempt(lambda: _string(header.get("name", default_name), "profile.name",
                                         err), default_name)
    title = found.attempt(lambda: _string(header.get("title", name), "profile.title", err),
                          name)
    description = found.attempt(lambda: _string(header.get("description", ""),
                                                "profile.description", err, empty_ok=True), "")
    version = found.attempt(lambda: _string(header.get("version", "0"), "profile.version",
                                            err), "0")

    raw_categories = data.get("categories")
    category_ids: frozenset[str] = _AnyCategory()
    categories: list[Category] = []
    if raw_categories is None:
        found.add(err("categories", "missing: define at least one [categories.<id>] table"))
    elif not isinstance(raw_categories, dict) or not raw_categories:
        found.add(err("categories", "must hold at least one [categories.<id>] table"))
    else:
        # Terms may name any category written here, even a broken one (reported once).
        category_ids = frozenset(raw_categories)
        for cat_id, raw in raw_categories.items():
            category = _toml_category(cat_id, raw, err, found, strict=strict)
            if category is not None:
                categories.append(category)

    raw_terms = data.get("terms")
    terms: list[Term] = []
    if raw_terms is None:
        found.add(err("terms", "missing: add at least one [[terms]] table"))
    elif not isinstance(raw_terms, list) or not raw_terms:
        found.add(err("terms", "must be a non-empty array of [[terms]] tables"))
    elif len(raw_terms) > MAX_TERMS:
        found.add(err("terms", f"{len(raw_terms):,} terms; a profile may have at most "
                               f"{MAX_TERMS:,}"))
    else:
        header_lines = _term_line_numbers(text)
        registry = _Registry(err)
        for i, raw in enumerate(raw_terms):
            base = f"terms[{i}]"
            if not isinstance(raw, dict):
                found.add(err(base, f"must be a table, not {_describe(raw)}"))
                continue
            line = header_lines[i] if i < len(header_lines) else None
            term = _collect_term(raw, base, line, category_ids, registry, err, found,
                                 strict=strict)
            if term is not None:
                terms.append(term)
    conventions = Conventions()
    if "conventions" in data:
        conventions = _collect_conventions(data["conventions"], err, found)
    found.attempt(lambda: _check_broader(terms, err), None)
    forms = found.attempt(lambda: _families(data.get("forms", {}), "forms", err), ())
    verbs = found.attempt(lambda: _families(data.get("verbs", {}), "verbs", err), ())
    names = found.attempt(lambda: _table(data.get("names", {}), "names", err, _NAMES_KEYS), {})
    organizations = found.attempt(lambda: _string_list(names.get("organizations", []),
                                                       "names.organizations", err), ())
    journals = found.attempt(lambda: _string_list(names.get("journals", []),
                                                  "names.journals", err), ())
    found.raise_any()
    return Profile(name=name, title=title, description=description, version=version,
                   source=source, categories=tuple(categories), terms=tuple(terms),
                   conventions=conventions, forms=forms, verbs=verbs,
                   organizations=organizations, journals=journals)


def _toml_category(cat_id: str, raw: Any, err: _Errors, found: _Found, *,
                   strict: bool) -> Category | None:
    """One ``[categories.<id>]`` table, each of its problems noted; None when it has any."""
    where = f"categories.{cat_id}"
    before = len(found.problems)
    if not _CATEGORY_ID_RE.match(cat_id):
        found.add(err(where, f"category id {cat_id!r} must be lower-case letters, digits, "
                             "'-' or '_'"))
    if not isinstance(raw, dict):
        found.add(err(where, f"must be a table, not {_describe(raw)}"))
        return None
    _unknown_keys(raw, _CATEGORY_KEYS, where, err, found)
    if strict:
        for key in ("title", "weight"):
            if key not in raw:
                found.add(err(f"{where}.{key}", "missing required key"))
    default_title = cat_id.replace("_", " ").replace("-", " ").capitalize()
    category = Category(
        id=cat_id,
        title=found.attempt(lambda: _string(raw.get("title", default_title), f"{where}.title",
                                            err), default_title),
        weight=found.attempt(lambda: _weight(raw.get("weight", 1.0), f"{where}.weight", err),
                             1.0),
        description=found.attempt(lambda: _string(raw.get("description", ""),
                                                  f"{where}.description", err, empty_ok=True),
                                  ""),
    )
    return category if len(found.problems) == before else None


def _key_after(where: str | None, base: str) -> str | None:
    """``aliases`` of ``terms[3].aliases[1]`` when ``base`` is ``terms[3]``."""
    if where is None or not where.startswith(base + "."):
        return None
    return re.split(r"[.\[]", where[len(base) + 1:], maxsplit=1)[0]


def _collect_term(raw: dict[str, Any], base: str, line: int | None,
                  category_ids: frozenset[str], registry: _Registry, err: _Errors,
                  found: _Found, *, strict: bool) -> Term | None:
    """One term, or None after noting each of its problems.

    The term is validated as a whole; after a problem, the key at fault is set aside (or,
    for the category, replaced by a known one) and the rest is validated again, so every
    key's problem is reported. A problem with the wording or the id stops there: what
    comes after depends on them.
    """
    stop = {"term", "id"} | ({"level", "tip"} if strict else set())
    table = dict(raw)
    failed = False
    for _ in range(len(raw) + 1):
        saved = registry.snapshot()
        try:
            term = _toml_term(table, base, category_ids, registry, err, strict=strict)
        except ProfileError as exc:
            registry.restore(saved)
            failed = True
            if line is not None and exc.where is not None and exc.where.startswith(base):
                exc = err(exc.where, f"{_reason_of(exc)} ([[terms]] table at line {line})")
            found.add(exc)
            key = _key_after(exc.where, base)
            if key is None or key in stop or key not in table:
                return None
            known = sorted(c for c in category_ids) if not isinstance(
                category_ids, _AnyCategory) else []
            if key == "category" and known:
                table[key] = known[0]
            else:
                del table[key]
            continue
        # A term with problems is left out, but its wordings stay claimed, so a later
        # term repeating one is still reported.
        return None if failed else term
    return None


def _collect_conventions(raw: Any, err: _Errors, found: _Found) -> Conventions:
    """``[conventions]``, each key's problem noted (the key set aside and the rest read
    again)."""
    if not isinstance(raw, dict):
        found.add(err("conventions", f"must be a table, not {_describe(raw)}"))
        return Conventions()
    table = dict(raw)
    for _ in range(len(raw) + 1):
        try:
            return parse_conventions(table, "conventions", err)
        except ProfileError as exc:
            found.add(exc)
            key = _key_after(exc.where, "conventions")
            if key is None or key not in table:
                return Conventions()
            del table[key]
    return Conventions()


def _check_broader(terms: list[Term], err: _Errors) -> None:
    ids = {t.id for t in terms}
    for i, term in enumerate(terms):
        for j, other in enumerate(term.broader):
            where = f"terms[{i}].broader[{j}]"
            if other == term.id:
                raise err(where, f"term {term.id!r} cannot be broader than itself")
            if other not in ids:
                raise err(where, f"unknown term id {other!r}")


def _families(raw: Any, key: str, err: _Errors) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """``[forms]`` and ``[verbs]``: word = ["other", "forms"]; a word in one family only."""
    if not isinstance(raw, dict):
        raise err(key, f"must be a table of word = [forms], not {_describe(raw)}")
    seen: dict[str, str] = {}
    out = []
    for word, forms in raw.items():
        where = f"{key}.{word}"
        _one_word(word, where, err)
        if not isinstance(forms, list) or not forms:
            raise err(where, f"must be a non-empty list of words, not {_describe(forms)}")
        items = tuple(_one_word(f, f"{where}[{j}]", err) for j, f in enumerate(forms))
        for j, item in enumerate((word, *items)):
            if item in seen:
                raise err(where if j == 0 else f"{where}[{j - 1}]",
                          f"{item!r} is already in {key}.{seen[item]}; a word belongs to "
                          "one family only")
            seen[item] = word
        out.append((word, items))
    return tuple(sorted(out))


def _reason_of(exc: ProfileError) -> str:
    prefix = f"{exc.where}: "
    return exc.reason[len(prefix):] if exc.reason.startswith(prefix) else exc.reason


def _toml_term(raw: dict[str, Any], base: str, category_ids: set[str], registry: _Registry,
               err: _Errors, *, strict: bool) -> Term:
    _check_keys(raw, _TERM_KEYS, base, err)
    required = ("term", "category", "level", "tip") if strict else ("term", "category")
    for key in required:
        if key not in raw:
            raise err(f"{base}.{key}", "missing required key")
    wording = _string(raw["term"], f"{base}.term", err)
    label = f"term {wording!r}"

    if "id" in raw:
        term_id = _string(raw["id"], f"{base}.id", err)
        if not _SLUG_RE.match(term_id):
            raise err(f"{base}.id", f"id {term_id!r} must be lower-case letters and digits "
                                    "joined by single hyphens")
        id_where = f"{base}.id"
    else:
        term_id = slugify(wording)
        if not term_id:
            raise err(f"{base}.term", f"{wording!r} has no letters or digits to make an id "
                                      "from; give an id")
        id_where = f"{base}.term"
    registry.add_id(term_id, id_where, f"{base} ({label})")

    for key in ("aliases", "acronyms"):
        listed = raw.get(key, [])
        if isinstance(listed, list) and len(listed) > MAX_TERM_WORDINGS:
            raise err(f"{base}.{key}", f"{len(listed):,} {key} for {label}; a term may have "
                                       f"at most {MAX_TERM_WORDINGS} aliases and acronyms")
    aliases = _string_list(raw.get("aliases", []), f"{base}.aliases", err)
    acronyms = _string_list(raw.get("acronyms", []), f"{base}.acronyms", err)
    for j, acronym in enumerate(acronyms):
        _check_acronym(acronym, f"{base}.acronyms[{j}]", err)

    category = _string(raw["category"], f"{base}.category", err)
    if category not in category_ids:
        raise err(f"{base}.category", f"unknown category {category!r} for {label} "
                                      f"(defined: {', '.join(sorted(category_ids))})")

    level_text = raw.get("level", Level.REQUIRED.value)
    if not isinstance(level_text, str) or level_text not in {lv.value for lv in Level}:
        raise err(f"{base}.level", f"unknown level {level_text!r} for {label} "
                                   f"(use one of: {_LEVELS})")

    raw_kinds = raw.get("kinds", [Kind.RESUME.value])
    if not isinstance(raw_kinds, list) or not raw_kinds:
        raise err(f"{base}.kinds", f"must be a non-empty list of document kinds ({_KINDS})")
    kinds = set()
    for j, kind in enumerate(raw_kinds):
        if not isinstance(kind, str) or kind not in {k.value for k in Kind}:
            raise err(f"{base}.kinds[{j}]", f"unknown kind {kind!r} (use one of: {_KINDS})")
        kinds.add(Kind(kind))

    tip = (_one_line(raw["tip"], f"{base}.tip", err) if "tip" in raw
           else _generic_tip(wording))

    modifiers = (_int(raw["modifiers"], f"{base}.modifiers", err, 0, MAX_MODIFIERS)
                 if "modifiers" in raw else 0)
    broader = _string_list(raw.get("broader", []), f"{base}.broader", err)
    all_wordings = ([] if wording in acronyms else [wording]) + list(aliases) + list(acronyms)
    generic = _generic(raw.get("generic", False), all_wordings, f"{base}.generic", err)
    context = (_context(raw["context"], wording, all_wordings, acronyms, f"{base}.context", err)
               if "context" in raw else None)
    credit = _credit(raw["credit"], f"{base}.credit", err) if "credit" in raw else None

    term = Term(id=term_id, term=wording, aliases=aliases, acronyms=acronyms, category=category,
                level=Level(level_text), weight=_weight(raw.get("weight", 1.0),
                                                        f"{base}.weight", err),
                kinds=frozenset(kinds), tip=tip, modifiers=modifiers, broader=broader,
                generic=generic, context=context, credit=credit)
    wheres: dict[tuple[str, str], str] = {(wording, "term"): f"{base}.term"}
    for j, alias in enumerate(aliases):
        wheres.setdefault((alias, "alias"), f"{base}.aliases[{j}]")
    for j, acronym in enumerate(acronyms):
        wheres.setdefault((acronym, "acronym"), f"{base}.acronyms[{j}]")
    _check_repeats(wording, aliases, acronyms, base, err)
    registry.add_term(term, wheres, f"{base} ({label})")
    return term


def _own_wording(value: Any, wordings: list[str], where: str, err: _Errors) -> str:
    """One of the term's own wordings, as the term writes it."""
    text = _string(value, where, err)
    for w in wordings:
        if wording_key(w) == wording_key(text):
            return w
    raise err(where, f"{text!r} is not a wording of this term (its wordings: "
                     f"{', '.join(repr(w) for w in wordings)})")


def _generic(raw: Any, wordings: list[str], where: str, err: _Errors) -> tuple[str, ...]:
    if isinstance(raw, bool):
        return tuple(wordings) if raw else ()
    if not isinstance(raw, list):
        raise err(where, f"must be true, false or a list of the term's wordings, not "
                         f"{_describe(raw)}")
    return tuple(_own_wording(v, wordings, f"{where}[{j}]", err) for j, v in enumerate(raw))


def _context(raw: Any, term: str, wordings: list[str], acronyms: tuple[str, ...], where: str,
             err: _Errors) -> Context:
    table = _table(raw, where, err, _CONTEXT_KEYS)
    if "wordings" in table:
        needing = tuple(_own_wording(v, wordings, f"{where}.wordings[{j}]", err)
                        for j, v in enumerate(_string_list(table["wordings"],
                                                           f"{where}.wordings", err)))
        if not needing:
            raise err(f"{where}.wordings", "must name at least one wording")
    elif acronyms:
        needing = ()
    else:
        raise err(f"{where}.wordings", f"term {term!r} has no acronyms: name the wordings "
                                       "that need context")
    context = Context(
        wordings=needing,
        near=_string_list(table.get("near", []), f"{where}.near", err),
        not_near=_string_list(table.get("not_near", []), f"{where}.not_near", err),
        window=(_int(table["window"], f"{where}.window", err, 1, MAX_WINDOW)
                if "window" in table else DEFAULT_WINDOW),
        sections=_section_keys(table.get("sections", []), f"{where}.sections", err),
        long_form=_bool(table.get("long_form", False), f"{where}.long_form", err),
        name_suffix=_bool(table.get("name_suffix", False), f"{where}.name_suffix", err),
    )
    if context.long_form:
        needed = set(needing or acronyms)
        if not [w for w in wordings if w not in needed and w not in acronyms]:
            raise err(f"{where}.long_form", f"term {term!r} has no long form to look for")
    if not context.needs_support and not context.not_near:
        raise err(where, "give at least one of near, not_near, sections, long_form, "
                         "name_suffix")
    return context


def _credit(raw: Any, where: str, err: _Errors) -> Credit:
    table = _table(raw, where, err, _CREDIT_KEYS)
    for key in ("sections", "names"):
        if key not in table:
            raise err(f"{where}.{key}", "missing required key")
    credit = Credit(sections=_section_keys(table["sections"], f"{where}.sections", err),
                    names=_string_list(table["names"], f"{where}.names", err),
                    roles=_string_list(table.get("roles", []), f"{where}.roles", err))
    for key in ("sections", "names"):
        if not getattr(credit, key):
            raise err(f"{where}.{key}", "must not be empty")
    return credit


def _check_repeats(wording: str, aliases: tuple[str, ...], acronyms: tuple[str, ...],
                   base: str, err: _Errors) -> None:
    """A wording written twice in the same list is a slip; say where (the dict of wheres
    used for cross-term checks would otherwise hide it)."""
    for field_name, items in (("aliases", aliases), ("acronyms", acronyms)):
        seen: dict[str, int] = {}
        for j, item in enumerate(items):
            key = wording_key(item)
            if key in seen:
                raise err(f"{base}.{field_name}[{j}]",
                          f"{item!r} repeats {field_name}[{seen[key]}]")
            seen[key] = j


# --------------------------------------------------------------------------- plain lists

TXT_CATEGORY = Category(id="keywords", title="Keywords", weight=1.0)


def parse_txt_profile(text: str, source: str, *, name: str) -> Profile:
    """One term per line, ``|`` between wordings, ``#`` starts a comment.

    Every line's problem is collected (:class:`ProfileErrors`). A line whose wording holds
    commas ("Epic, Cerner, Meditech") is still one term, as written, but the profile
    carries one warning naming those lines: a comma does not split terms here.
    """
    err = _Errors(source)
    found = _Found()
    registry = _Registry(err)
    terms = []
    commas: list[tuple[int, str]] = []
    for number, raw_line in enumerate(text.splitlines(), 1):
        line = raw_line.split("#", 1)[0] if not raw_line.lstrip().startswith("#") else ""
        if not line.strip():
            continue
        where = f"line {number}"
        saved = registry.snapshot()
        try:
            term = _txt_term(line, where, registry, err)
        except ProfileError as exc:
            registry.restore(saved)
            found.add(exc)
            continue
        terms.append(term)
        listed = next((w for w, _ in term.variants() if _COMMA_LIST_RE.search(w)), None)
        if listed is not None:
            commas.append((number, listed))
    if not terms and not found.problems:
        found.add(err(None, "no terms: write one keyword per line"))
    found.raise_any()
    warnings = (_comma_warning(source, commas),) if commas else ()
    return Profile(name=name, title=name, description=f"Keyword list from {source}",
                   version="0", source=source, categories=(TXT_CATEGORY,), terms=tuple(terms),
                   warnings=warnings)


#: A comma that separates words, not the digits of a number ("1,000").
_COMMA_LIST_RE = re.compile(r",(?!\d)|(?<!\d),")


def _comma_warning(source: str, lines: list[tuple[int, str]]) -> str:
    numbers = ", ".join(str(n) for n, _ in lines[:10]) + (", ..." if len(lines) > 10 else "")
    first = lines[0][1]
    example = " | ".join(p.strip() for p in first.split(",") if p.strip())
    return (f"{source}: warning: line{'s' if len(lines) > 1 else ''} {numbers}: a comma does "
            f"not split terms in a plain list, so {first!r} is one term, found only as "
            f"written; put each term on its own line, or write {example!r} if any one of "
            "them should count")


def _txt_term(line: str, where: str, registry: _Registry, err: _Errors) -> Term:
    variants = [_clean(v) for v in line.split("|")]
    if any(not v for v in variants):
        raise err(where, "empty wording (two '|' in a row, or one at an end of the line)")
    preferred = variants[0]
    acronyms = tuple(v for v in variants if _is_txt_acronym(v))
    aliases = tuple(v for v in variants[1:] if not _is_txt_acronym(v))
    term_id = slugify(preferred)
    if not term_id:
        raise err(where, f"{preferred!r} has no letters or digits")
    registry.add_id(term_id, where, where)
    term = Term(id=term_id, term=preferred, aliases=aliases, acronyms=acronyms,
                category=TXT_CATEGORY.id, level=Level.REQUIRED, weight=1.0,
                kinds=frozenset({Kind.RESUME, Kind.COVER_LETTER}),
                tip=_generic_tip(preferred))
    wheres: dict[tuple[str, str], str] = {}
    for k, v in enumerate(variants):
        if v in variants[:k]:
            raise err(where, f"{v!r} is written twice on this line")
        via = "acronym" if _is_txt_acronym(v) else ("term" if k == 0 else "alias")
        wheres[(v, via)] = where
    registry.add_term(term, wheres, where)
    return term


def _is_txt_acronym(variant: str) -> bool:
    return bool(_TXT_ACRONYM_RE.match(variant)) and any(ch.isupper() for ch in variant)


# --------------------------------------------------------------------------- loading


def _builtin_dir() -> Any:
    """Where the built-in profiles are: the package ``resumecheck.keywords`` in an
    installed copy, or the ``keywords/`` folder of a checkout whose ``resumecheck`` package
    is imported directly (run from the repository root, the checkout comes first on
    ``sys.path`` even when an installed copy exists)."""
    try:
        return resources.files(BUILTIN_PACKAGE)
    except ModuleNotFoundError:
        checkout = Path(__file__).resolve().parent.parent / "keywords"
        if (checkout / "__init__.py").is_file():
            return checkout
        raise ProfileError(None, "the built-in profiles are missing from this installation; "
                                 "reinstall resumecheck") from None


def _builtin_names() -> list[str]:
    names = []
    for entry in _builtin_dir().iterdir():
        filename = entry.name
        if filename.endswith(".toml") and not filename.endswith(EXAMPLES_SUFFIX):
            names.append(filename[: -len(".toml")])
    return sorted(names)


def _load_builtin(name: str) -> Profile:
    source = f"{BUILTIN_PREFIX}{name}"
    text = (_builtin_dir() / f"{name}.toml").read_text(encoding="utf-8")
    return parse_toml_profile(text, source, default_name=name, strict=True)


def builtin_profiles() -> list[tuple[str, str]]:
    """(name, one-line description) of every built-in profile, sorted by name."""
    return [(name, _load_builtin(name).description) for name in _builtin_names()]


def _read_text(path: str) -> str:
    """Read a user's profile file: regular files only, size capped, UTF-8."""
    try:
        st = os.stat(path)  # follows symlinks: a linked profile is an ordinary thing
    except FileNotFoundError:
        raise ProfileError(path, "no such profile file") from None
    except OSError as exc:
        raise ProfileError(path, f"cannot read ({exc.strerror or exc})") from None
    if stat.S_ISDIR(st.st_mode):
        raise ProfileError(path, "is a folder, not a profile file")
    if not stat.S_ISREG(st.st_mode):
        raise ProfileError(path, "is not a regular file")
    if st.st_size > MAX_PROFILE_BYTES:
        raise ProfileError(path, f"is {st.st_size} bytes; a profile may be at most "
                                 f"{MAX_PROFILE_BYTES} bytes")
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)
        with os.fdopen(fd, "rb") as fh:
            data = fh.read(MAX_PROFILE_BYTES + 1)
    except OSError as exc:
        raise ProfileError(path, f"cannot read ({exc.strerror or exc})") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ProfileError(path, f"is not UTF-8 text (bad byte at offset {exc.start})") from None


def _profile_stem(path: str) -> str:
    return Path(path).name.rsplit(".", 1)[0]


def _load_file(path: str) -> Profile:
    text = _read_text(path)
    suffix = Path(path).suffix.lower()
    # The file's name is the profile's name when the file gives none, shown in every report.
    name = printable(_profile_stem(path))
    if suffix == ".txt":
        return parse_txt_profile(text, path, name=name)
    return parse_toml_profile(text, path, default_name=name)


def _looks_like_path(spec: str) -> bool:
    return (os.sep in spec or (os.altsep is not None and os.altsep in spec) or "/" in spec
            or spec.lower().endswith((".toml", ".txt")))


ProfileSpec = str | os.PathLike[str] | Profile


def load_profile(spec: ProfileSpec | Sequence[ProfileSpec] = "pain-medicine") -> Profile:
    """A built-in profile by name, or a ``.toml`` / ``.txt`` profile file by path; a
    sequence of them (``-p a -p b``) is loaded and combined (:func:`combine_profiles`)."""
    if isinstance(spec, list | tuple):
        parts = [load_profile(one) for one in spec]
        return parts[0] if len(parts) == 1 else combine_profiles(parts)
    if isinstance(spec, Profile):
        return spec
    text = os.fspath(spec)
    if not isinstance(spec, os.PathLike) and not _looks_like_path(text):
        if text in _builtin_names():
            return _load_builtin(text)
        if not os.path.isfile(text):
            available = ", ".join(_builtin_names()) or "none"
            raise ProfileError(text, f"no built-in profile by that name (built-in: "
                                     f"{available}); or give a path to a .toml or .txt file")
    suffix = Path(text).suffix.lower()
    if suffix not in (".toml", ".txt"):
        raise ProfileError(text, "unknown profile format: use a .toml profile or a .txt list")
    return _load_file(text)


def combine_profiles(parts: Sequence[Profile]) -> Profile:
    """Several profiles as one: the terms of all, in order.

    - A term id or a wording (compared as for duplicates within one profile) in two of
      them is an error naming both files: a term must count once.
    - Categories: all of them, in order; a category id in two must have the same weight
      (an error naming both files otherwise), and keeps the first one's title.
    - Conventions: word lists and expected sections are joined (each entry once),
      ``research_expected`` holds when any part says so, and the document name and each
      finding's fix come from the first part that sets them.
    - Name and version join the parts' with ``+``; warnings of every part are kept.
    """
    both = " + ".join(p.source for p in parts)
    categories: dict[str, tuple[Category, Profile]] = {}
    for part in parts:
        for category in part.categories:
            seen = categories.get(category.id)
            if seen is None:
                categories[category.id] = (category, part)
            elif seen[0].weight != category.weight:
                raise ProfileError(both, f"category {category.id!r} has weight "
                                         f"{seen[0].weight:g} in {seen[1].source} and "
                                         f"{category.weight:g} in {part.source}; give it "
                                         "the same weight in both, or another id in one")
    ids: dict[str, Profile] = {}
    wordings: dict[str, tuple[str, Term, Profile]] = {}
    for part in parts:
        for term in part.terms:
            for wording, _via in term.variants():
                for key in _wording_keys(wording):
                    other = wordings.get(key)
                    if other is not None and other[2] is not part:
                        raise ProfileError(both, f"{wording!r} (term {term.term!r} of "
                                                 f"{part.source}) is also {other[0]!r} (term "
                                                 f"{other[1].term!r} of {other[2].source}); "
                                                 "a wording may belong to one term only")
                    wordings.setdefault(key, (wording, term, part))
            if term.id in ids:
                raise ProfileError(both, f"term id {term.id!r} is in both {ids[term.id].source}"
                                         f" and {part.source}; a term may be in one profile "
                                         "only")
            ids[term.id] = part
    return Profile(
        name="+".join(p.name for p in parts),
        title=" + ".join(p.title for p in parts),
        description="; ".join(p.description for p in parts if p.description),
        version="+".join(p.version for p in parts),
        source=both,
        categories=tuple(c for c, _ in categories.values()),
        terms=tuple(t for p in parts for t in p.terms),
        conventions=_combine_conventions([p.conventions for p in parts]),
        warnings=tuple(w for p in parts for w in p.warnings),
        parts=tuple(s for p in parts for s in p.sources),
    )


def _combine_conventions(parts: Sequence[Conventions]) -> Conventions:
    default = Conventions()
    values: dict[str, Any] = {
        "document": next((c.document for c in parts if c.document != default.document),
                         default.document),
        "research_expected": any(c.research_expected for c in parts),
    }
    sections = [s for c in parts for s in c.expected_sections if c.expected_sections
                != default.expected_sections]
    values["expected_sections"] = (tuple(dict.fromkeys(sections)) if sections
                                   else default.expected_sections)
    for key in ("continuing_education", "procedure_words", "outcome_nouns", "role_words",
                "people_words", "collaboration_words"):
        values[key] = tuple(dict.fromkeys(w for c in parts for w in getattr(c, key)))
    fixes: dict[str, str] = {}
    for c in parts:
        for code, text in c.fixes:
            fixes.setdefault(code, text)
    values["fixes"] = tuple(sorted(fixes.items()))
    return Conventions(**values)


def _examples_location(profile: Profile) -> Any:
    if profile.source.startswith(BUILTIN_PREFIX):
        name = profile.source[len(BUILTIN_PREFIX):]
        candidate = _builtin_dir() / f"{name}{EXAMPLES_SUFFIX}"
        return candidate if candidate.is_file() else None
    path = Path(profile.source)
    candidate = path.with_name(_profile_stem(str(path)) + EXAMPLES_SUFFIX)
    return candidate if candidate.is_file() else None


def load_examples(profile: Profile) -> Examples | None:
    """The profile's example sentences, or None when it has no examples file beside it."""
    location = _examples_location(profile)
    if location is None:
        return None
    shown = (f"{BUILTIN_PREFIX}{location.name}" if profile.source.startswith(BUILTIN_PREFIX)
             else str(location))
    err = _Errors(shown)
    text = (location.read_text(encoding="utf-8") if profile.source.startswith(BUILTIN_PREFIX)
            else _read_text(str(location)))
    data = _toml_load(text, err)
    _check_keys(data, ("positive", "negative"), None, err)
    known = {t.id for t in profile.terms}

    def term_id(value: Any, where: str) -> str:
        tid = _string(value, where, err)
        if tid not in known:
            raise err(where, f"unknown term id {tid!r} in profile {profile.name!r}")
        return tid

    def tables(key: str) -> list[dict[str, Any]]:
        items = data.get(key, [])
        if not isinstance(items, list) or not all(isinstance(t, dict) for t in items):
            raise err(key, f"must be an array of [[{key}]] tables")
        return items

    positives = []
    for i, item in enumerate(tables("positive")):
        where = f"positive[{i}]"
        _check_keys(item, ("term", "text"), where, err)
        for key in ("term", "text"):
            if key not in item:
                raise err(f"{where}.{key}", "missing required key")
        positives.append((term_id(item["term"], f"{where}.term"),
                          _string(item["text"], f"{where}.text", err)))
    negatives = []
    for i, item in enumerate(tables("negative")):
        where = f"negative[{i}]"
        _check_keys(item, ("text", "terms"), where, err)
        if "text" not in item:
            raise err(f"{where}.text", "missing required key")
        ids = _string_list(item.get("terms", []), f"{where}.terms", err)
        negatives.append((_string(item["text"], f"{where}.text", err),
                          tuple(term_id(t, f"{where}.terms[{j}]") for j, t in enumerate(ids))))
    return Examples(positives=tuple(positives), negatives=tuple(negatives))


# --------------------------------------------------------------------------- writing

_TOML_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n",
                 "\f": "\\f", "\r": "\\r"}


def _toml_str(text: str) -> str:
    out = []
    for ch in text:
        if ch in _TOML_ESCAPES:
            out.append(_TOML_ESCAPES[ch])
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04X}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def _toml_list(key: str, items: tuple[str, ...] | list[str]) -> str:
    one_line = f"{key} = [{', '.join(_toml_str(i) for i in items)}]"
    if len(one_line) <= 100 or len(items) < 2:
        return one_line
    inner = "".join(f"    {_toml_str(i)},\n" for i in items)
    return f"{key} = [\n{inner}]"


def _toml_float(value: float) -> str:
    return repr(float(value))


def profile_to_toml(profile: Profile) -> str:
    """The profile as a TOML file that loads back into an equal profile (bar ``source``).

    Every key is written out, defaults included, so the text shows exactly what counts.
    """
    lines = [
        "[profile]",
        f"name = {_toml_str(profile.name)}",
        f"title = {_toml_str(profile.title)}",
        f"description = {_toml_str(profile.description)}",
        f"version = {_toml_str(profile.version)}",
    ]
    for cat in profile.categories:
        lines += [
            "",
            f"[categories.{cat.id}]",
            f"title = {_toml_str(cat.title)}",
            f"weight = {_toml_float(cat.weight)}",
            f"description = {_toml_str(cat.description)}",
        ]
    for term in profile.terms:
        kinds = [k.value for k in Kind if k in term.kinds]
        lines += [
            "",
            "[[terms]]",
            f"id = {_toml_str(term.id)}",
            f"term = {_toml_str(term.term)}",
            _toml_list("aliases", term.aliases),
            _toml_list("acronyms", term.acronyms),
            f"category = {_toml_str(term.category)}",
            f"level = {_toml_str(term.level.value)}",
            f"weight = {_toml_float(term.weight)}",
            _toml_list("kinds", kinds),
            f"tip = {_toml_str(term.tip)}",
            f"modifiers = {term.modifiers}",
            _toml_list("broader", term.broader),
            _generic_toml(term),
        ]
        if term.context is not None:
            c = term.context
            lines += ["", "[terms.context]"]
            if c.wordings:  # empty means "every acronym", which is how the key is left out
                lines.append(_toml_list("wordings", c.wordings))
            lines += [
                _toml_list("near", c.near),
                _toml_list("not_near", c.not_near),
                f"window = {c.window}",
                _toml_list("sections", c.sections),
                f"long_form = {_toml_bool(c.long_form)}",
                f"name_suffix = {_toml_bool(c.name_suffix)}",
            ]
        if term.credit is not None:
            lines += [
                "",
                "[terms.credit]",
                _toml_list("sections", term.credit.sections),
                _toml_list("names", term.credit.names),
                _toml_list("roles", term.credit.roles),
            ]
    for table, families in (("forms", profile.forms), ("verbs", profile.verbs)):
        lines += ["", f"[{table}]"]
        lines += [_toml_list(word, items) for word, items in families]
    lines += ["", "[names]", _toml_list("organizations", profile.organizations),
              _toml_list("journals", profile.journals)]
    lines += conventions_to_toml(profile.conventions, _toml_str, _toml_list)
    return "\n".join(lines) + "\n"


def _toml_bool(value: bool) -> str:
    return "true" if value else "false"


def _generic_toml(term: Term) -> str:
    wordings = ([] if term.term in term.acronyms else [term.term]) + list(term.aliases) + \
        list(term.acronyms)
    if term.generic and list(term.generic) == wordings:
        return "generic = true"
    if not term.generic:
        return "generic = false"
    return _toml_list("generic", term.generic)
