"""The mentions of actors in two texts, before they are grouped into actors (`core.comparison.actors`):
which entity mentions can be actors (not the byline, not a non-actor name), their cleaned names,
one label per name across both texts (`agree_labels`) and short forms of organisations' names
joined to the long ones (`join_short_forms`). Pure Python."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..kinds import is_actor_name
from ..model import Analysis, Side
from ..segments import BYLINE, BYLINE_MAX_WORDS, paragraph_ranges
from .names import NAME_SUFFIXES, clean_name, state_after_town


@dataclass
class Mention:
    """One entity mention that can be an actor: its side, span, label, display name and the
    key it groups by (`norm`, lower case), and its order among all mentions."""

    side: Side
    start: int
    end: int
    label: str
    display: str
    norm: str
    order: int


def actor_mentions(left: Analysis, right: Analysis) -> list[Mention]:
    """The mentions of both texts that can be actors, in text order (left first)."""
    found: list[Mention] = []
    for side, analysis in (("left", left), ("right", right)):
        text = analysis.text
        byline = _byline(text)
        for ent in sorted(analysis.entities, key=lambda e: (e.start, e.end)):
            if byline[0] <= ent.start < byline[1]:
                continue  # the writer and what they write for, not an actor of the events
            if not is_actor_name(ent.text, ent.label, text[max(0, ent.start - 4) : ent.start], text[ent.end : ent.end + 30]):
                continue
            state = state_after_town(ent.text, text[max(0, ent.start - 2) : ent.start], text[ent.end : ent.end + 1])
            display = state or clean_name(ent.text, ent.label)
            norm = display.lower()
            if not any(ch.isalnum() for ch in norm):
                continue
            label = "GPE" if state else ent.label  # "Ore." after a town is a state, whatever the model said
            found.append(Mention(side, ent.start, ent.end, label, display, norm, len(found)))  # type: ignore[arg-type]
    return found


#: Among labels the two texts give one name with equal weight, the one kept (a lone word the
#: model calls a person in one text and a place in the other is far more often the place).
_LABEL_PREFERENCE = ("GPE", "LOC", "FAC", "ORG", "NORP", "PERSON")


def agree_labels(mentions: list[Mention]) -> None:
    """One label per name across the two texts: a name the texts label differently takes the
    label of the evidence of both (each text already gives one name one label, see
    `core.nlp.labels`). A lone word counts as a person only when a name of more words in either
    text ends or starts with it ("Bush" of "Tom Bush"): "Brookfield", a city in one text and a
    "person" in the other, is a city in both."""
    by_key: dict[str, list[Mention]] = {}
    parts_of_people: set[str] = set()
    for m in mentions:
        by_key.setdefault(m.norm, []).append(m)
        parts = name_parts(m.norm)
        if m.label == "PERSON" and len(parts) > 1:
            parts_of_people.update((parts[0], parts[-1]))
    for key, found in by_key.items():
        sides = {m.side for m in found}
        if len(sides) < 2 or len({m.label for m in found}) < 2:
            continue
        if {m.label for m in found if m.side == "left"} == {m.label for m in found if m.side == "right"}:
            continue
        votes = Counter(m.label for m in found)
        if len(name_parts(key)) == 1 and key in parts_of_people and "PERSON" in votes:
            votes = Counter({"PERSON": 1})  # "Bush" of "Tom Bush"
        elif len(name_parts(key)) == 1 and len(votes) > 1:
            votes.pop("PERSON", None)
        rank = {label: i for i, label in enumerate(_LABEL_PREFERENCE)}
        label = min(votes, key=lambda k: (-votes[k], rank.get(k, len(rank)), k))
        for m in found:
            m.label = label


#: Last words of public bodies, which are often named after a place ("Punjab Garment Workers'
#: Union", "Westland University"): their first word may be the place, not their short form.
PUBLIC_BODY_ENDS = frozenset(
    """
    union unions council department police university college school academy association assembly
    authority court hospital board commission ministry government league federation service
    services agency office trust society institute museum library party congress parliament
    """.split()
)
#: Labels of the bodies whose names a text shortens ("Crescent" for "Crescent Capital Partners",
#: "Senate" for "Montana Senate"); places are left alone ("Montana" is not "Montana Senate").
_SHORTENED_LABELS = frozenset({"ORG", "FAC"})


def join_short_forms(mentions: list[Mention], headlines: dict[str, tuple[int, int]]) -> None:
    """A short form of an organisation's name joins the long one: a name that is the first
    words of one longer name of an organisation (or of a chain of them, "Crescent", "Crescent
    Capital", "Crescent Capital Partners"; not of a public body named after a place, "Punjab
    Garment Workers' Union"), or its last words after a place the texts name
    ("Senate" of "Montana Senate"), where the text uses the short form only
    after the long one (a headline does not count for the short form), or only in a headline
    over a body that uses the long one. A short form joined in
    one text is joined in the other too, unless that text has another long name it could
    shorten. People are never joined this way."""
    people_words: set[str] = set()
    places: set[str] = set()
    for m in mentions:
        parts = name_parts(m.norm)
        if m.label == "PERSON" and len(parts) > 1:
            people_words.update(parts)
        if m.label in ("GPE", "LOC", "NORP"):
            places.add(m.norm)

    def shortens(long: str, short: str) -> bool:
        # "House" of "House of Representatives" (not "Punjab" of "Punjab Garment Workers'
        # Union": a public body takes a place's name); "Senate" of "Montana Senate", where
        # "Montana" is a place the texts name (not "House" of "White House").
        if long.startswith(short + " "):
            return long.split()[-1].strip(".,'’") not in PUBLIC_BODY_ENDS
        return long.endswith(" " + short) and long[: -len(short) - 1] in places

    aliases: dict[str, dict[str, str]] = {"left": {}, "right": {}}
    candidates_of: dict[str, dict[str, list[str]]] = {"left": {}, "right": {}}
    for side in ("left", "right"):
        own = [m for m in mentions if m.side == side and m.label in _SHORTENED_LABELS]
        first: dict[str, int] = {}
        body_first: dict[str, int] = {}
        a, b = headlines.get(side, (0, 0))
        for m in own:
            first[m.norm] = min(first.get(m.norm, m.start), m.start)
            if not a <= m.start < b:
                body_first[m.norm] = min(body_first.get(m.norm, m.start), m.start)
        longs = [n for n in first if len(n.split()) >= 2]
        for short in first:
            if short in people_words:
                continue
            found = [n for n in longs if n != short and shortens(n, short)]
            candidates_of[side][short] = found
            target = _chain_end(found)
            # The short form only after the long one, or only in the headline over a body that
            # names the long one ("House Votes…" over "The House of Representatives voted…").
            after = short in body_first and first[target] < body_first[short] if target is not None else False
            headline_only = target is not None and short not in body_first and target in body_first
            if target is not None and (after or headline_only):
                aliases[side][short] = target
    for side, other in (("left", "right"), ("right", "left")):
        for short, target in aliases[other].items():
            if short not in aliases[side] and set(candidates_of[side].get(short, [])) <= {target}:
                aliases[side][short] = target
    labels: dict[str, Counter[str]] = {}
    for m in mentions:
        labels.setdefault(m.norm, Counter())[m.label] += 1
    for m in mentions:
        target = aliases[m.side].get(m.norm) if m.label in _SHORTENED_LABELS else None
        if target is not None:
            m.norm = target
            m.label = labels[target].most_common(1)[0][0] if target in labels else m.label


def _chain_end(names: list[str]) -> str | None:
    """The longest of names that each begin (or each end) with the one before, else None."""
    if not names:
        return None
    ordered = sorted(names, key=lambda n: len(n.split()))
    for shorter, longer in zip(ordered, ordered[1:]):
        if not (longer.startswith(shorter + " ") or longer.endswith(" " + shorter)):
            return None
    return ordered[-1]


def _byline(text: str) -> tuple[int, int]:
    """The byline among the first three paragraphs ("By Helena Marsh, a former diplomat…"), or
    (0, 0)."""
    for start, end in paragraph_ranges(text[:3000])[:3]:
        if BYLINE.match(text, start) and len(text[start:end].split()) <= BYLINE_MAX_WORDS:
            return start, end
    return 0, 0


def name_parts(norm: str) -> list[str]:
    """The words of a name without a suffix such as Jr or III."""
    parts = norm.split()
    while len(parts) > 1 and parts[-1].strip(".,") in NAME_SUFFIXES:
        parts.pop()
    return parts
