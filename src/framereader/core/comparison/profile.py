"""The framing profile: per category, how often and how densely each text uses it, and its most
used terms. By default it counts the writer's own words: framing terms inside quotations
(`FramingSpan.quoted`) are counted apart (`left_quoted`, `right_quoted`); with
`include_quoted` every term counts, as before quotations were told apart."""

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
    #: terms of this category inside quotations (not in the counts unless quoted words count)
    left_quoted: int = 0
    right_quoted: int = 0

    def quoted(self, side: str) -> int:
        return self.left_quoted if side == "left" else self.right_quoted

    def to_json(self) -> dict[str, Any]:
        return {
            "left": {"count": self.left_count, "density": self.left_density, "top": [[t, n] for t, n in self.left_top],
                     "quoted": self.left_quoted},
            "right": {
                "count": self.right_count,
                "density": self.right_density,
                "top": [[t, n] for t, n in self.right_top],
                "quoted": self.right_quoted,
            },
        }


def _framing_counts(analysis: Analysis, include_quoted: bool) -> dict[str, int]:
    if analysis.framing_counts:
        return analysis.counts(include_quoted)
    return dict(Counter(f.category for f in analysis.framing if include_quoted or not f.quoted))


def _quoted_counts(analysis: Analysis) -> dict[str, int]:
    return dict(analysis.quoted_counts) or dict(Counter(f.category for f in analysis.framing if f.quoted))


def _density(count: int, words: int) -> float:
    return round(count * 1000.0 / words, 2) if words else 0.0


def _top(analysis: Analysis, category: str, limit: int, include_quoted: bool) -> tuple[tuple[str, int], ...]:
    counts = Counter(f.term for f in analysis.framing if f.category == category and (include_quoted or not f.quoted))
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0].casefold(), item[0]))
    return tuple(ranked[:limit])


def framing_profile(
    left: Analysis, right: Analysis, categories: Sequence[str] | None = None, *, top_terms: int = 10,
    include_quoted: bool = False,
) -> tuple[ProfileRow, ...]:
    """One row per category: the given `categories` in order (zero rows included), then any other
    category either analysis found, alphabetically, so the rows add up to the framing counts
    (the writer's own words; every word with `include_quoted`)."""
    left_counts, right_counts = _framing_counts(left, include_quoted), _framing_counts(right, include_quoted)
    left_quoted, right_quoted = _quoted_counts(left), _quoted_counts(right)
    order = list(dict.fromkeys(categories or ()))
    order += sorted((set(left_counts) | set(right_counts) | set(left_quoted) | set(right_quoted)) - set(order))
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
                left_top=_top(left, category, top_terms, include_quoted),
                right_top=_top(right, category, top_terms, include_quoted),
                left_quoted=left_quoted.get(category, 0),
                right_quoted=right_quoted.get(category, 0),
            )
        )
    return tuple(rows)
