"""The framing profile: per category, how often and how densely each text uses it, and its most
used terms."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..model import Analysis

@dataclass(frozen=True)
class ProfileRow:
    """One framing category in both texts: counts, density per 1,000 words, most used terms."""

    category: str
    left_count: int = 0
    right_count: int = 0
    left_density: float = 0.0
    right_density: float = 0.0
    left_top: tuple[tuple[str, int], ...] = ()
    right_top: tuple[tuple[str, int], ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "left": {"count": self.left_count, "density": self.left_density, "top": [[t, n] for t, n in self.left_top]},
            "right": {
                "count": self.right_count,
                "density": self.right_density,
                "top": [[t, n] for t, n in self.right_top],
            },
        }


def _framing_counts(analysis: Analysis) -> dict[str, int]:
    if analysis.framing_counts:
        return dict(analysis.framing_counts)
    return dict(Counter(f.category for f in analysis.framing))


def _density(count: int, words: int) -> float:
    return round(count * 1000.0 / words, 2) if words else 0.0


def _top(analysis: Analysis, category: str, limit: int) -> tuple[tuple[str, int], ...]:
    counts = Counter(f.term for f in analysis.framing if f.category == category)
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0].casefold(), item[0]))
    return tuple(ranked[:limit])


def framing_profile(
    left: Analysis, right: Analysis, categories: Sequence[str] | None = None, *, top_terms: int = 10
) -> tuple[ProfileRow, ...]:
    """One row per category: the given `categories` in order (zero rows included), then any other
    category either analysis found, alphabetically, so the rows add up to the framing counts."""
    left_counts, right_counts = _framing_counts(left), _framing_counts(right)
    order = list(dict.fromkeys(categories or ()))
    order += sorted((set(left_counts) | set(right_counts)) - set(order))
    rows = []
    for category in order:
        lc, rc = left_counts.get(category, 0), right_counts.get(category, 0)
        rows.append(
            ProfileRow(
                category=category,
                left_count=lc,
                right_count=rc,
                left_density=_density(lc, left.words),
                right_density=_density(rc, right.words),
                left_top=_top(left, category, top_terms),
                right_top=_top(right, category, top_terms),
            )
        )
    return tuple(rows)
