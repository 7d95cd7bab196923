"""The profile score: a pure function of which terms were found.

Each term is worth ``weight x level factor`` points (required 3, preferred 2, bonus 1).
A category is *full* at a number of points, its target:

- the points of its ``full_at`` heaviest terms, when the profile declares ``full_at`` for
  it (nobody lists all 23 conditions a pain physician treats: a few of them, or more of
  the lighter ones, fill the category);
- otherwise the points of its required and preferred terms (of all its terms, when it has
  no other kind). Bonus terms (a route not taken, an extra procedure) add points but are
  never part of the target, so they can never cost anything.

A required term missing is points that no other term can make up: a category's points
count up to its target less its missing required terms' points. A category's share is the
points counted over its target (so at most 100%); the score is the weighted mean of the
category shares, scaled to 100. A term counts once however often it
appears, and only where a reader can see it and the text claims it, so adding a listed
term to a document can only raise its score. :data:`RULE` says this in one line for the
reports; docs/profiles.md says it in full.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

from resumecheck.models import CategoryScore, Level, Score, TermResult

if TYPE_CHECKING:  # pragma: no cover
    from resumecheck.profiles import Profile

LEVEL_FACTOR: dict[Level, float] = {Level.REQUIRED: 3.0, Level.PREFERRED: 2.0, Level.BONUS: 1.0}

#: How the score was computed, in the words every report prints under its category table.
RULE = ("A category's share is its points found over the points that make it full; bonus "
        "terms only add, and no other term makes up for a missing required one. The score is "
        "the weighted mean of the shares.")


class _Scored(Protocol):
    """What the rule reads of a term: its category, level, weight and whether it counts."""

    @property
    def category(self) -> str: ...
    @property
    def level(self) -> Level: ...
    @property
    def weight(self) -> float: ...
    @property
    def found(self) -> bool: ...


def term_points(result: _Scored) -> float:
    return result.weight * LEVEL_FACTOR[result.level]


def target_points(members: Sequence[_Scored], full_at: int | None) -> float:
    """The points at which a category of ``members`` is full (see the module docstring)."""
    if full_at is not None:
        heaviest = sorted((term_points(r) for r in members), reverse=True)
        return sum(heaviest[:full_at])
    core = sum(term_points(r) for r in members if r.level != Level.BONUS)
    return core or sum(term_points(r) for r in members)


def category_points(members: Sequence[_Scored], full_at: int | None) -> tuple[float, float]:
    """(points counted, target) of a category of ``members``: found points up to the
    target less the points of its missing required terms."""
    target = target_points(members, full_at)
    missing_required = sum(term_points(r) for r in members
                           if r.level == Level.REQUIRED and not r.found)
    found = max(min(sum(term_points(r) for r in members if r.found),
                    target - missing_required), 0.0)
    return found, target


def weighted_value(parts: Sequence[tuple[float, float, float]]) -> float:
    """The score, unrounded, from each category's (weight, points counted, target) in the
    profile's order: the weighted mean of the shares, scaled to 100."""
    weighted = 0.0
    total_weight = 0.0
    for weight, found, target in parts:
        if target > 0:
            weighted += weight * found / target
            total_weight += weight
    return 100.0 * weighted / total_weight if total_weight else 0.0


def compute_score(profile: Profile, results: Sequence[TermResult]) -> Score:
    """Score ``results`` (the profile terms that apply to this kind of document)."""
    by_category: dict[str, list[TermResult]] = {}
    for r in results:
        by_category.setdefault(r.category, []).append(r)
    categories: list[CategoryScore] = []
    parts: list[tuple[float, float, float]] = []
    for cat in profile.categories:
        members = by_category.get(cat.id, [])
        if not members:
            continue
        full_at = cat.full_at
        found, target = category_points(members, full_at)
        categories.append(
            CategoryScore(
                id=cat.id,
                title=cat.title,
                weight=cat.weight,
                found=round(found, 4),
                possible=round(target, 4),
                terms_found=sum(1 for r in members if r.found),
                terms_total=len(members),
                full_at=min(full_at, len(members)) if full_at is not None else None,
            )
        )
        parts.append((cat.weight, found, target))
    return Score(value=round(weighted_value(parts), 1), categories=tuple(categories))
