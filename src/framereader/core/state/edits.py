"""The reader's own edits of an analysis: passages excluded from it, framing occurrences
suppressed ("Not Loaded Here"), entity labels corrected (or removed), and actors merged or
split (by a mention of theirs; the comparison applies them to both texts).

Edits are plain data kept per text (`TextEdits`); `apply_edits` turns the analysis core made
into the one the reader sees, counts and compares. It is pure and fast (sorted ranges, one
sweep): the edits are re-applied to the stored analysis, never by analysing again.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from itertools import islice
from operator import le
from dataclasses import dataclass, replace
from typing import Any

from ..model import Analysis, EntitySpan, sorted_counts

#: At most this many edits of each kind are read from a lesson file for one text.
MAX_EDITS = 100_000
_LABEL = re.compile(r"^[A-Za-z][A-Za-z0-9_\-]{0,63}$")
#: What counts as a word of an excluded passage (an estimate of the model's word tokens:
#: "Holloway's" is two, as the model counts it).
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True, order=True)
class Exclusion:
    """A passage [start, end) left out of the analysis (still shown, greyed)."""

    start: int
    end: int


@dataclass(frozen=True, order=True)
class Suppression:
    """One framing occurrence the reader says is not loaded here."""

    start: int
    end: int
    category: str


@dataclass(frozen=True, order=True)
class LabelCorrection:
    """The entity at exactly [start, end) has `label` instead (None: it is not an entity)."""

    start: int
    end: int
    label: str | None


@dataclass(frozen=True, order=True)
class ActorMerge:
    """The actor of the mention [start, end) joins the actor named `into` (in both texts):
    "Merge Actors" when the grouping kept one actor apart ("the President", "Holloway")."""

    start: int
    end: int
    into: str


@dataclass(frozen=True, order=True)
class ActorSplit:
    """The name of the mention [start, end) leaves its actor, with every mention of that name in
    both texts: "Split Actor" when the grouping joined two ("Joe Biden", "Hunter Biden")."""

    start: int
    end: int


Edit = Exclusion | Suppression | LabelCorrection | ActorMerge | ActorSplit


@dataclass(frozen=True)
class TextEdits:
    """Every edit of one text, each kind sorted by offset."""

    exclusions: tuple[Exclusion, ...] = ()
    suppressions: tuple[Suppression, ...] = ()
    corrections: tuple[LabelCorrection, ...] = ()
    actors: tuple[ActorMerge | ActorSplit, ...] = ()  # merges and splits, in the order made

    def __bool__(self) -> bool:
        return bool(self.exclusions or self.suppressions or self.corrections or self.actors)

    def __len__(self) -> int:
        return len(self.exclusions) + len(self.suppressions) + len(self.corrections) + len(self.actors)

    def items(self) -> list[Edit]:
        """Every edit, in text order."""
        edits: list[Edit] = [*self.exclusions, *self.suppressions, *self.corrections, *self.actors]
        return sorted(edits, key=lambda e: (e.start, e.end, type(e).__name__))

    def add(self, edit: Edit) -> "TextEdits":
        """These edits with `edit` added (a correction replaces one of the same span)."""
        if isinstance(edit, Exclusion):
            return replace(self, exclusions=tuple(sorted({*self.exclusions, edit})))
        if isinstance(edit, Suppression):
            return replace(self, suppressions=tuple(sorted({*self.suppressions, edit})))
        if isinstance(edit, (ActorMerge, ActorSplit)):
            kept_actors = [a for a in self.actors if (a.start, a.end) != (edit.start, edit.end)]
            return replace(self, actors=(*kept_actors, edit))  # one merge or split per mention: the last
        kept = [c for c in self.corrections if (c.start, c.end) != (edit.start, edit.end)]
        return replace(self, corrections=tuple(sorted([*kept, edit], key=_correction_key)))

    def remove(self, edit: Edit) -> "TextEdits":
        """These edits without `edit` (unchanged if it is not among them)."""
        if isinstance(edit, Exclusion):
            return replace(self, exclusions=tuple(e for e in self.exclusions if e != edit))
        if isinstance(edit, Suppression):
            return replace(self, suppressions=tuple(s for s in self.suppressions if s != edit))
        if isinstance(edit, (ActorMerge, ActorSplit)):
            return replace(self, actors=tuple(a for a in self.actors if a != edit))
        return replace(self, corrections=tuple(c for c in self.corrections if c != edit))

    def exclusions_at(self, start: int, end: int | None = None) -> tuple[Exclusion, ...]:
        """The exclusions holding offset `start` (or overlapping [start, end))."""
        stop = start + 1 if end is None or end <= start else end
        return tuple(e for e in self.exclusions if e.start < stop and start < e.end)

    def correction_at(self, start: int, end: int) -> LabelCorrection | None:
        """The label correction of exactly the span [start, end), if any."""
        return next((c for c in self.corrections if (c.start, c.end) == (start, end)), None)

    def excluded_ranges(self) -> tuple[tuple[int, int], ...]:
        """The excluded passages merged: sorted, disjoint [start, end) pairs."""
        return merge_ranges((e.start, e.end) for e in self.exclusions)


def _correction_key(c: LabelCorrection) -> tuple[int, int, str]:
    return (c.start, c.end, c.label or "")


NO_EDITS = TextEdits()


def merge_ranges(ranges: Iterable[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """Sorted, disjoint ranges covering the same offsets (touching ranges join; empty ones go)."""
    merged: list[list[int]] = []
    for start, end in sorted(r for r in ranges if r[0] < r[1]):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return tuple((a, b) for a, b in merged)


def _outside(starts: Sequence[int], ends: Sequence[int], ranges: Sequence[tuple[int, int]]) -> list[bool]:
    """For each span [starts[i], ends[i]), whether it stays clear of the sorted, disjoint
    `ranges`: one sweep in start order (spans usually come sorted; a 1 MB text's take
    milliseconds, and no tuple per span is made)."""
    keep = [True] * len(starts)
    if not ranges:
        return keep
    ordered = all(map(le, starts, islice(starts, 1, None)))
    order = range(len(starts)) if ordered else sorted(range(len(starts)), key=starts.__getitem__)
    j, count = 0, len(ranges)
    for i in order:
        start, end = starts[i], ends[i]
        while j < count and ranges[j][1] <= start:
            j += 1
        if j < count and ranges[j][0] < (end if end > start else start + 1):
            keep[i] = False
    return keep


def excluded_words(text: str, ranges: Iterable[tuple[int, int]]) -> int:
    """An estimate of the words in the excluded passages, counted as `Analysis.words` counts."""
    return sum(1 for a, b in ranges for _ in _WORD.finditer(text, a, b))


def apply_edits(analysis: Analysis, edits: TextEdits) -> Analysis:
    """`analysis` as the reader edited it: entities, framing terms, descriptors, roles,
    passives, word choices and pronoun links in excluded passages are left out (a link also goes
    with its antecedent; their words are not counted), suppressed
    framing occurrences go, corrected entities are relabelled or removed; counts follow.
    No edits: `analysis` itself. Edits outside the text are ignored."""
    if not edits:
        return analysis
    size = len(analysis.text)
    excluded = tuple((a, min(b, size)) for a, b in edits.excluded_ranges() if a < size)
    suppressed = {(s.start, s.end, s.category) for s in edits.suppressions}
    suppressed_starts = {s.start for s in edits.suppressions}
    labels = {(c.start, c.end): c.label for c in edits.corrections}
    label_starts = {c.start for c in edits.corrections}
    entities: list[EntitySpan] = []
    removed: set[tuple[int, int]] = set()
    found = analysis.entities
    for entity, keep in zip(found, _outside([e.start for e in found], [e.end for e in found], excluded)):
        label: str | None = entity.label
        if entity.start in label_starts:
            label = labels.get((entity.start, entity.end), label)
        if not keep or label is None:
            removed.add((entity.start, entity.end))
        else:
            entities.append(entity if label == entity.label else replace(entity, label=label))
    removed_starts = {start for start, _end in removed}
    spans = analysis.framing
    framing = tuple(f for f, keep in zip(spans, _outside([f.start for f in spans], [f.end for f in spans], excluded))
                    if keep and not (f.start in suppressed_starts and (f.start, f.end, f.category) in suppressed))
    words = analysis.descriptors
    descriptors = tuple(d for d, keep in zip(words, _outside([d.start for d in words], [d.end for d in words], excluded))
                        if keep and not (d.mention_start in removed_starts and (d.mention_start, d.mention_end) in removed))
    roles = analysis.roles
    args = _outside([r.arg_start for r in roles], [r.arg_end for r in roles], excluded)
    verbs = _outside([r.verb_start for r in roles], [r.verb_end for r in roles], excluded)
    kept_roles = tuple(r for r, arg, verb in zip(roles, args, verbs)
                       if arg and verb and (r.pronoun or (r.arg_start, r.arg_end) not in removed))
    passives = analysis.passives
    clear = _outside([p.verb_start for p in passives], [p.verb_end for p in passives], excluded)
    kept_passives = tuple(p for p, keep in zip(passives, clear) if keep)
    quotes = analysis.quotes
    kept_quotes = tuple(q for q, keep in zip(quotes, _outside([q.start for q in quotes], [q.end for q in quotes], excluded))
                        if keep)
    chosen = analysis.choices
    choices = tuple(c for c, keep in zip(chosen, _outside([c.start for c in chosen], [c.end for c in chosen], excluded))
                    if keep)
    # A pronoun link goes with its pronoun's passage and with its named antecedent.
    links = analysis.references
    pronouns = _outside([r.start for r in links], [r.end for r in links], excluded)
    antecedents = _outside([r.antecedent_start for r in links], [r.antecedent_end for r in links], excluded)
    kept_links = tuple(r for r, a, b in zip(links, pronouns, antecedents)
                       if a and b and (r.antecedent_start, r.antecedent_end) not in removed)
    return replace(
        analysis,
        entities=tuple(entities),
        framing=framing,
        descriptors=descriptors,
        roles=kept_roles,
        passives=kept_passives,
        choices=choices,
        references=kept_links,
        actor_edits=tuple(_actor_edit(analysis.text, a) for a in edits.actors if a.end <= size),
        words=max(0, analysis.words - excluded_words(analysis.text, excluded)),
        entity_counts=sorted_counts(e.label for e in entities),
        framing_counts=sorted_counts(f.category for f in framing),
        quotes=kept_quotes,
        quoted_counts=sorted_counts(f.category for f in framing if f.quoted),
        excluded=excluded,
    )


def _actor_edit(text: str, edit: ActorMerge | ActorSplit) -> tuple[str, str, str]:
    """The comparison's form of a merge or split: ("merge", the mention's name, into) or
    ("split", the mention's name, "")."""
    words = " ".join(text[edit.start:edit.end].split())
    return ("merge", words, edit.into) if isinstance(edit, ActorMerge) else ("split", words, "")


# ------------------------------------------------------------------------------ JSON


def to_json(edits: TextEdits) -> dict[str, Any]:
    """The `"edits"` object of one text in a lesson file."""
    return {
        "excluded": [[e.start, e.end] for e in edits.exclusions],
        "suppressed": [{"start": s.start, "end": s.end, "category": s.category} for s in edits.suppressions],
        "labels": [{"start": c.start, "end": c.end, "label": c.label} for c in edits.corrections],
        **({"actors": [{"start": a.start, "end": a.end, **({"merge_into": a.into} if isinstance(a, ActorMerge)
                                                            else {"split": True})} for a in edits.actors]}
           if edits.actors else {}),
    }


def _offsets(start: Any, end: Any, size: int) -> tuple[int, int] | None:
    ok = all(isinstance(v, int) and not isinstance(v, bool) for v in (start, end))
    return (start, end) if ok and 0 <= start < end <= size else None


def from_json(data: Any, text: str, where: str = "this lesson file") -> tuple[TextEdits, list[str]]:
    """Edits of `text` from `to_json()` output, and sentences about what was damaged and left
    out (an offset outside the text, an unknown kind, a wrong type). Never raises."""
    if data is None:
        return NO_EDITS, []
    if not isinstance(data, dict):
        return NO_EDITS, [f"{where}: the reader's edits are damaged and were left out."]
    size, bad = len(text), 0
    exclusions: list[Exclusion] = []
    suppressions: list[Suppression] = []
    corrections: list[LabelCorrection] = []
    lists = {key: data.get(key, []) for key in ("excluded", "suppressed", "labels", "actors")}
    actor_edits: list[ActorMerge | ActorSplit] = []
    unknown = [key for key in data if key not in lists]
    for key, items in lists.items():
        if not isinstance(items, list):
            bad += 1
            continue
        for item in items[:MAX_EDITS]:
            if key == "excluded":
                span = _offsets(item[0], item[1], size) if isinstance(item, list) and len(item) == 2 else None
                if span is not None:
                    exclusions.append(Exclusion(*span))
                    continue
            elif isinstance(item, dict):
                span = _offsets(item.get("start"), item.get("end"), size)
                value = item.get("category" if key == "suppressed" else "label")
                if span is not None and key == "suppressed" and isinstance(value, str) and 0 < len(value) <= 200:
                    suppressions.append(Suppression(*span, value))
                    continue
                if span is not None and key == "labels" and (value is None or isinstance(value, str) and _LABEL.match(value)):
                    corrections.append(LabelCorrection(*span, value))
                    continue
                into = item.get("merge_into")
                if span is not None and key == "actors" and isinstance(into, str) and 0 < len(into) <= 300:
                    actor_edits.append(ActorMerge(*span, into))
                    continue
                if span is not None and key == "actors" and item.get("split") is True:
                    actor_edits.append(ActorSplit(*span))
                    continue
            bad += 1
        bad += max(0, len(items) - MAX_EDITS)
    warnings = []
    if bad:
        warnings.append(f"{where}: {bad} of the reader's edits {'was' if bad == 1 else 'were'} damaged "
                        "(outside the text or unreadable) and left out.")
    if unknown:
        warnings.append(f"{where}: edits of a kind this FrameReader does not know "
                        f"({', '.join(sorted(str(k)[:40] for k in unknown)[:5])}) were left out.")
    by_span = {(c.start, c.end): c for c in corrections}  # one correction per span: the last
    by_mention = {(a.start, a.end): a for a in actor_edits}  # one per mention: the last
    edits = TextEdits(tuple(sorted(set(exclusions))), tuple(sorted(set(suppressions))),
                      tuple(sorted(by_span.values(), key=_correction_key)), tuple(by_mention.values()))
    return edits, warnings
