"""One label per name across the two texts, in what the panes show, not only in the comparison.

The comparison's actors already take one label per name from the evidence of both texts
(`core.comparison.mentions.agree_labels`: "Brookfield", a city on the left and a "person" on the
right, is a city in both). `agreed_entities` gives the two analyses' entities those same labels,
so the reading panes, their legend counts and the tooltips never call one name a person on one
side and a city on the other. A label the reader corrected (`core.state.edits.LabelCorrection`)
is never changed. Pure Python.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace

from ..model import Analysis, EntitySpan, sorted_counts
from .mentions import actor_mentions, agree_labels


def agreed_entities(
    left: Analysis, right: Analysis, *, kept_left: Collection[tuple[int, int]] = (),
    kept_right: Collection[tuple[int, int]] = (),
) -> tuple[tuple[EntitySpan, ...], tuple[EntitySpan, ...]]:
    """The entities of `left` and `right` with one label per name across both; the spans in
    `kept_left` / `kept_right` (the reader's corrections) keep theirs."""
    mentions = actor_mentions(left, right)
    agree_labels(mentions)
    labels: dict[tuple[str, int, int], str] = {(m.side, m.start, m.end): m.label for m in mentions}
    out = []
    for side, analysis, kept in (("left", left, set(kept_left)), ("right", right, set(kept_right))):
        out.append(tuple(
            e if (e.start, e.end) in kept or labels.get((side, e.start, e.end), e.label) == e.label
            else replace(e, label=labels[(side, e.start, e.end)])
            for e in analysis.entities))
    return out[0], out[1]


def with_entities(analysis: Analysis, entities: tuple[EntitySpan, ...]) -> Analysis:
    """`analysis` showing `entities` (same spans, other labels), its entity counts following."""
    if entities == analysis.entities:
        return analysis
    return replace(analysis, entities=entities, entity_counts=sorted_counts(e.label for e in entities))
