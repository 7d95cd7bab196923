"""The profile score: a pure function of which terms were found.

Each term is worth ``weight x level factor`` points (required 3, preferred 2, bonus 1).
A category's share is the points found over the points possible; the score is the
weighted mean of the category shares, scaled to 100. A term counts once however often
it appears (repetition earns nothing) and only where a reader can see it, so adding a
listed term to a document can only raise its score.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from resumecheck.models import CategoryScore, Level, Score, TermResult

if TYPE_CHECKING:  # pragma: no cover
    from resumecheck.profiles import Profile

LEVEL_FACTOR: dict[Level, float] = {Level.REQUIRED: 3.0, Level.PREFERRED: 2.0, Level.BONUS: 1.0}


def term_points(result: TermResult) -> float:
    return result.weight * LEVEL_FACTOR[result.level]


def compute_score(profile: Profile, results: Sequence[TermResult]) -> Score:
    """Score ``results`` (the profile terms that apply to this kind of document)."""
    by_category: dict[str, list[TermResult]] = {}
    for r in results:
        by_category.setdefault(r.category, []).append(r)
    categories: list[CategoryScore] = []
    weighted = 0.0
    total_weight = 0.0
    for cat in profile.categories:
        members = by_category.get(cat.id, [])
        if not members:
            continue
        possible = sum(term_points(r) for r in members)
        found = sum(term_points(r) for r in members if r.found)
        categories.append(
            CategoryScore(
                id=cat.id,
                title=cat.title,
                weight=cat.weight,
                found=round(found, 4),
                possible=round(possible, 4),
                terms_found=sum(1 for r in members if r.found),
                terms_total=len(members),
            )
        )
        if possible > 0:
            weighted += cat.weight * found / possible
            total_weight += cat.weight
    value = 100.0 * weighted / total_weight if total_weight else 0.0
    return Score(value=round(value, 1), categories=tuple(categories))
