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
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from resumecheck.conventions import Conventions, conventions_to_toml, parse_conventions
from resumecheck.errors import ProfileError, printable
from resumecheck.models import Kind, Level
from resumecheck.normalize import text_key

__all__ = [
    "Category",
    "Examples",
    "Profile",
    "Term",
    "builtin_profiles",
    "load_examples",
    "load_profile",
    "profile_to_toml",
    "wording_key",
]

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
_CATEGORY_KEYS = ("title", "weight", "description")
_TERM_KEYS = ("id", "term", "aliases", "acronyms", "category", "level", "weight", "kinds", "tip")
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
    _categories_by_id: dict[str, Category] = field(init=False, repr=False, compare=False)
    _terms_by_id: dict[str, Term] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_categories_by_id", {c.id: c for c in self.categories})
        object.__setattr__(self, "_terms_by_id", {t.id: t for t in self.terms})

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


def parse_toml_profile(text: str, source: str, *, default_name: str,
                       strict: bool = False) -> Profile:
    """Validate a TOML profile. ``strict`` (built-ins) also demands every term's level,
    tip, and the full ``[profile]`` and category headers."""
    err = _Errors(source)
    data = _toml_load(text, err)
    _check_keys(data, ("profile", "categories", "terms", "conventions"), None, err)

    header = data.get("profile", {})
    if not isinstance(header, dict):
        raise err("profile", f"must be a table, not {_describe(header)}")
    _check_keys(header, _PROFILE_KEYS, "profile", err)
    if strict:
        for key in _PROFILE_KEYS:
            if key not in header:
                raise err(f"profile.{key}", "missing required key")
    name = _string(header.get("name", default_name), "profile.name", err)
    title = _string(header.get("title", name), "profile.title", err)
    description = _string(header.get("description", ""), "profile.description", err,
                          empty_ok=True)
    version = _string(header.get("version", "0"), "profile.version", err)

    raw_categories = data.get("categories")
    if raw_categories is None:
        raise err("categories", "missing: define at least one [categories.<id>] table")
    if not isinstance(raw_categories, dict) or not raw_categories:
        raise err("categories", "must hold at least one [categories.<id>] table")
    categories = []
    for cat_id, raw in raw_categories.items():
        where = f"categories.{cat_id}"
        if not _CATEGORY_ID_RE.match(cat_id):
            raise err(where, f"category id {cat_id!r} must be lower-case letters, digits, "
                             "'-' or '_'")
        if not isinstance(raw, dict):
            raise err(where, f"must be a table, not {_describe(raw)}")
        _check_keys(raw, _CATEGORY_KEYS, where, err)
        if strict:
            for key in ("title", "weight"):
                if key not in raw:
                    raise err(f"{where}.{key}", "missing required key")
        categories.append(Category(
            id=cat_id,
            title=_string(raw.get("title", cat_id.replace("_", " ").replace("-", " ")
                                  .capitalize()), f"{where}.title", err),
            weight=_weight(raw.get("weight", 1.0), f"{where}.weight", err),
            description=_string(raw.get("description", ""), f"{where}.description", err,
                                empty_ok=True),
        ))
    category_ids = {c.id for c in categories}

    raw_terms = data.get("terms")
    if raw_terms is None:
        raise err("terms", "missing: add at least one [[terms]] table")
    if not isinstance(raw_terms, list) or not raw_terms:
        raise err("terms", "must be a non-empty array of [[terms]] tables")
    if len(raw_terms) > MAX_TERMS:
        raise err("terms", f"{len(raw_terms):,} terms; a profile may have at most "
                           f"{MAX_TERMS:,}")
    header_lines = _term_line_numbers(text)
    registry = _Registry(err)
    terms = []
    for i, raw in enumerate(raw_terms):
        base = f"terms[{i}]"
        if not isinstance(raw, dict):
            raise err(base, f"must be a table, not {_describe(raw)}")
        line = header_lines[i] if i < len(header_lines) else None
        try:
            terms.append(_toml_term(raw, base, category_ids, registry, err, strict=strict))
        except ProfileError as exc:
            if line is None or exc.where is None or not exc.where.startswith(base):
                raise
            raise err(exc.where, f"{_reason_of(exc)} ([[terms]] table at line {line})") from None
    conventions = (parse_conventions(data["conventions"], "conventions", err)
                   if "conventions" in data else Conventions())
    return Profile(name=name, title=title, description=description, version=version,
                   source=source, categories=tuple(categories), terms=tuple(terms),
                   conventions=conventions)


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

    term = Term(id=term_id, term=wording, aliases=aliases, acronyms=acronyms, category=category,
                level=Level(level_text), weight=_weight(raw.get("weight", 1.0),
                                                        f"{base}.weight", err),
                kinds=frozenset(kinds), tip=tip)
    wheres: dict[tuple[str, str], str] = {(wording, "term"): f"{base}.term"}
    for j, alias in enumerate(aliases):
        wheres.setdefault((alias, "alias"), f"{base}.aliases[{j}]")
    for j, acronym in enumerate(acronyms):
        wheres.setdefault((acronym, "acronym"), f"{base}.acronyms[{j}]")
    _check_repeats(wording, aliases, acronyms, base, err)
    registry.add_term(term, wheres, f"{base} ({label})")
    return term


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
    """One term per line, ``|`` between wordings, ``#`` starts a comment."""
    err = _Errors(source)
    registry = _Registry(err)
    terms = []
    for number, raw_line in enumerate(text.splitlines(), 1):
        line = raw_line.split("#", 1)[0] if not raw_line.lstrip().startswith("#") else ""
        if not line.strip():
            continue
        where = f"line {number}"
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
        terms.append(term)
    if not terms:
        raise err(None, "no terms: write one keyword per line")
    return Profile(name=name, title=name, description=f"Keyword list from {source}",
                   version="0", source=source, categories=(TXT_CATEGORY,), terms=tuple(terms))


def _is_txt_acronym(variant: str) -> bool:
    return bool(_TXT_ACRONYM_RE.match(variant)) and any(ch.isupper() for ch in variant)


# --------------------------------------------------------------------------- loading


def _builtin_dir() -> Any:
    return resources.files(BUILTIN_PACKAGE)


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


def load_profile(spec: str | os.PathLike[str] | Profile = "pain-medicine") -> Profile:
    """A built-in profile by name, or a ``.toml`` / ``.txt`` profile file by path."""
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
        ]
    lines += conventions_to_toml(profile.conventions, _toml_str, _toml_list)
    return "\n".join(lines) + "\n"
