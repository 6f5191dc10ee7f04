"""Actors: the named people, organisations, places... of two texts, aligned across them.

Actor alignment rules (applied to both texts together, so the same rules align them):

- Names are normalised with `normalise_name`: possessive 's/’s, surrounding punctuation, a leading
  "the", case, and (for people) titles such as President, Mr, Dr, Prime Minister are dropped.
- PERSON mentions with two or more words group by surname; two full names with the same surname
  but different first names ("Joe Biden", "Hunter Biden") are different people. A bare surname
  ("Biden", "Biden's") joins the full name with that surname that is most frequent in the same
  text, else in both texts; a bare word that is nobody's surname but someone's first name joins
  that person; anything else is its own actor.
- An ORG/GPE/LOC/FAC/PRODUCT/WORK_OF_ART mention whose name is exactly the surname or full name
  of a person that the same text names as PERSON joins that person (the small English model
  often labels a bare surname as ORG or GPE).
- Other labels join on the exact normalised name regardless of label (NER labels drift), and
  acronyms join the multi-word name they abbreviate ("UN" ~ "U.N." ~ "the United Nations",
  "EU" ~ "European Union"). "the Kremlin" stays "Kremlin", its own actor.
- DATE, TIME, PERCENT, MONEY, QUANTITY, ORDINAL and CARDINAL are not actors.

An actor is named by its longest form (most words, then most frequent, then first seen), e.g.
"Vladimir Putin"; its label is the most frequent label of its mentions.

Agency: each actor's side lists the verbs where one of its mentions is the agent or the patient
(`core.model.Role`, from `core.nlp.agency`). A pronoun argument is resolved with the same actor
identity (`core.roles.resolve_roles`: a fitting actor in the same or the previous sentence) and
marked `inferred`. The comparison also aligns the texts' passages (`core.alignment`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..kinds import NON_ACTOR_LABELS
from ..model import Analysis, Descriptor, Side
from .names import NAME_SUFFIXES, acronym_key, clean_name, initials
from .roles import AgencyLink, resolve_roles

#: Labels the small English model often gives to a bare surname ("Holloway's" as ORG).
MISLABELLED_PERSON_LABELS = frozenset({"ORG", "GPE", "LOC", "FAC", "PRODUCT", "WORK_OF_ART"})


def rank_words(words: Iterable[str]) -> list[tuple[str, int]]:
    """(word, count), most frequent first, ties alphabetical (case-insensitive, then exact):
    the one ranking every view and export uses for descriptors and verbs."""
    counts = Counter(words)
    return sorted(counts.items(), key=lambda item: (-item[1], item[0].casefold(), item[0]))


def rank_descriptors(descriptors: Iterable[Descriptor]) -> list[tuple[str, int]]:
    """Descriptor labels ("reckless", "not pragmatist") ranked by `rank_words`."""
    return rank_words(d.label for d in descriptors)


def summary(ranked: Sequence[tuple[str, int]], limit: int | None = None) -> str:
    """"invade ×2, bomb" from ranked (word, count) pairs."""
    shown = ranked if limit is None else ranked[:limit]
    return ", ".join(word if n == 1 else f"{word} ×{n}" for word, n in shown)


@dataclass(frozen=True)
class ActorSide:
    """One actor in one text: how often it is named, where, what the text calls it, and what
    it does (`agent`) and has done to it (`patient`)."""

    count: int = 0
    mentions: tuple[tuple[int, int], ...] = ()
    descriptors: tuple[Descriptor, ...] = ()
    agent: tuple[AgencyLink, ...] = ()
    patient: tuple[AgencyLink, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "count": self.count,
            "descriptors": [
                {
                    "word": d.word,
                    "relation": d.relation,
                    "start": d.start,
                    "end": d.end,
                    "sentence_start": d.sentence_start,
                    "sentence_end": d.sentence_end,
                    **({"negated": True} if d.negated else {}),
                }
                for d in self.descriptors
            ],
            "mentions": [[start, end] for start, end in self.mentions],
            "agent": [link.to_json() for link in self.agent],
            "patient": [link.to_json() for link in self.patient],
        }


@dataclass(frozen=True)
class Actor:
    """A person, organisation, place… aligned across the two texts."""

    name: str
    label: str
    left: ActorSide = ActorSide()
    right: ActorSide = ActorSide()
    aliases: tuple[str, ...] = ()  # the distinct cleaned forms seen, e.g. ("Putin", "Vladimir Putin")

    @property
    def total(self) -> int:
        return self.left.count + self.right.count

    def side(self, side: Side) -> ActorSide:
        return self.left if side == "left" else self.right

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "label": self.label, "left": self.left.to_json(), "right": self.right.to_json()}


@dataclass
class _Mention:
    side: Side
    start: int
    end: int
    label: str
    display: str
    norm: str
    order: int


@dataclass
class _Group:
    mentions: list[_Mention] = field(default_factory=list)
    person: bool = False

    def first(self) -> int:
        return min(m.order for m in self.mentions)


def _mentions(left: Analysis, right: Analysis) -> list[_Mention]:
    found: list[_Mention] = []
    for side, analysis in (("left", left), ("right", right)):
        for ent in sorted(analysis.entities, key=lambda e: (e.start, e.end)):
            if ent.label in NON_ACTOR_LABELS:
                continue
            display = clean_name(ent.text, ent.label)
            norm = display.lower()
            if not any(ch.isalnum() for ch in norm):
                continue
            found.append(_Mention(side, ent.start, ent.end, ent.label, display, norm, len(found)))  # type: ignore[arg-type]
    return found


def _name_parts(norm: str) -> list[str]:
    parts = norm.split()
    while len(parts) > 1 and parts[-1].strip(".,") in NAME_SUFFIXES:
        parts.pop()
    return parts


def _compatible_given(a: str, b: str) -> bool:
    a, b = a.strip("."), b.strip(".")
    if a == b:
        return True
    return (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))


def _group_people(people: list[_Mention], others: list[_Mention]) -> tuple[list[_Group], list[_Mention]]:
    """Person groups, and the non-PERSON mentions that were not taken as people."""
    full: list[tuple[str, str, _Group]] = []  # (surname, first given name, group)
    groups: list[_Group] = []
    bare: list[_Mention] = []
    # Per group: multi-word mentions per side, and the first mention's order (kept up to date as
    # mentions join, so choosing among groups stays linear on long texts).
    full_counts: dict[int, Counter[str]] = {}
    first: dict[int, int] = {}

    def join(group: _Group, m: _Mention) -> None:
        group.mentions.append(m)
        if len(_name_parts(m.norm)) > 1:
            full_counts.setdefault(id(group), Counter())[m.side] += 1
        first[id(group)] = min(first.get(id(group), m.order), m.order)

    for m in people:
        parts = _name_parts(m.norm)
        if len(parts) < 2:
            bare.append(m)
            continue
        surname, given = parts[-1], parts[0]
        for s, g, group in full:
            if s == surname and _compatible_given(g, given):
                join(group, m)
                break
        else:
            group = _Group([], person=True)
            join(group, m)
            full.append((surname, given, group))
            groups.append(group)

    def full_count(group: _Group, side: Side | None) -> int:
        counts = full_counts.get(id(group), Counter())
        return counts[side] if side is not None else sum(counts.values())

    def choose(candidates: list[_Group], side: Side) -> _Group:
        return min(candidates, key=lambda g: (-full_count(g, side), -full_count(g, None), first[id(g)]))

    bare_groups: dict[str, _Group] = {}
    by_full_name: dict[str, _Group] = {}  # multi-word names only ever come from `full` groups
    for group in groups:
        for p in group.mentions:
            by_full_name.setdefault(p.norm, group)

    def find(m: _Mention) -> _Group | None:
        parts = _name_parts(m.norm)
        if len(parts) > 1:  # a mislabelled multi-word mention equal to a person's full name
            return by_full_name.get(m.norm)
        word = parts[0] if parts else m.norm
        by_surname = [g for s, _g, g in full if s == word]
        if by_surname:
            return choose(by_surname, m.side)
        by_given = [g for _s, given, g in full if given == word and len(word) > 1]
        if by_given and m.label == "PERSON":
            return choose(by_given, m.side)
        return bare_groups.get(word)

    for m in bare:
        found = find(m)
        if found is None:
            found = bare_groups[_name_parts(m.norm)[0]] = _Group(person=True)
            groups.append(found)
        join(found, m)
    rest = []
    for m in others:
        taker = find(m) if m.label in MISLABELLED_PERSON_LABELS else None
        # Only when the same text also names that person as a PERSON.
        if taker is not None and any(p.side == m.side and p.label == "PERSON" for p in taker.mentions):
            join(taker, m)
        else:
            rest.append(m)
    return groups, rest


def _group_others(mentions: list[_Mention]) -> list[_Group]:
    """Non-person mentions: exact normalised names, with acronyms joined to their expansions."""
    keys: dict[str, _Group] = {}
    order: list[str] = []
    acronyms: set[str] = set()
    for m in mentions:
        acronym = acronym_key(m.display, m.norm)
        key = acronym or m.norm
        if acronym:
            acronyms.add(key)
        if key not in keys:
            keys[key] = _Group()
            order.append(key)
        keys[key].mentions.append(m)
    # Join each acronym to the most frequent multi-word name it abbreviates.
    merged: dict[str, str] = {}
    for acronym in sorted(acronyms):
        candidates = [k for k in order if k not in acronyms and acronym in initials(k) and k not in merged]
        if not candidates:
            continue
        target = min(candidates, key=lambda k: (-len(keys[k].mentions), keys[k].first()))
        keys[target].mentions.extend(keys[acronym].mentions)
        merged[acronym] = target
    return [keys[k] for k in order if k not in merged]


def _name_of(group: _Group) -> str:
    counts = Counter(m.display for m in group.mentions)
    first: dict[str, int] = {}
    for m in group.mentions:
        first.setdefault(m.display, m.order)
    return min(counts, key=lambda d: (-len(d.split()), -counts[d], -len(d), first[d]))


def _label_of(group: _Group) -> str:
    if group.person:
        return "PERSON"
    counts = Counter(m.label for m in group.mentions)
    return min(counts, key=lambda label: (-counts[label], label))


def _side(group: _Group, side: Side, by_mention: dict[tuple[int, int], list[Descriptor]],
          links: tuple[list[AgencyLink], list[AgencyLink]] = ([], [])) -> ActorSide:
    spans = sorted({(m.start, m.end) for m in group.mentions if m.side == side})
    descriptors: list[Descriptor] = []
    seen: set[Descriptor] = set()
    for span in spans:
        for d in by_mention.get(span, ()):
            if d not in seen:
                seen.add(d)
                descriptors.append(d)
    descriptors.sort(key=lambda d: (d.start, d.end, d.mention_start, d.relation))
    agent, patient = (tuple(sorted(set(found), key=lambda k: (k.verb_start, k.start, k.inferred))) for found in links)
    return ActorSide(len(spans), tuple(spans), tuple(descriptors), agent, patient)


def _descriptor_index(descriptors: Iterable[Descriptor]) -> dict[tuple[int, int], list[Descriptor]]:
    index: dict[tuple[int, int], list[Descriptor]] = {}
    for d in descriptors:
        index.setdefault((d.mention_start, d.mention_end), []).append(d)
    return index


def align_actors(left: Analysis, right: Analysis) -> tuple[Actor, ...]:
    """The actors named in either text, aligned across both, most mentioned first."""
    mentions = _mentions(left, right)
    people = [m for m in mentions if m.label == "PERSON"]
    others = [m for m in mentions if m.label != "PERSON"]
    groups, others = _group_people(people, others)
    groups = [g for g in groups if g.mentions] + _group_others(others)
    left_index, right_index = _descriptor_index(left.descriptors), _descriptor_index(right.descriptors)
    labels = [_label_of(group) for group in groups]
    agency = {}
    for side, analysis in (("left", left), ("right", right)):
        spans = sorted({(m.start, m.end, index) for index, g in enumerate(groups) for m in g.mentions if m.side == side})
        agency[side] = resolve_roles(analysis.roles, spans, labels)
    actors = []
    for index, group in enumerate(groups):
        aliases = tuple(sorted({m.display for m in group.mentions}, key=lambda s: (s.casefold(), s)))
        actors.append(
            Actor(
                name=_name_of(group),
                label=labels[index],
                left=_side(group, "left", left_index, agency["left"].get(index, ([], []))),
                right=_side(group, "right", right_index, agency["right"].get(index, ([], []))),
                aliases=aliases,
            )
        )
    actors.sort(key=lambda a: (-a.total, a.name.casefold(), a.label))
    return tuple(actors)


def actor_for_mention(actors: Iterable[Actor], side: Side, start: int, end: int) -> Actor | None:
    """The actor that the mention [start, end) of `side` belongs to: the one "same actor" rule
    (a click in a pane and a row of the comparison mark the same mentions)."""
    for actor in actors:
        if (start, end) in actor.side(side).mentions:
            return actor
    return None


def actors_of_one_text(analysis: Analysis, side: Side) -> tuple[Actor, ...]:
    """The actors of a text that has no counterpart yet, grouped by the same rule as
    `align_actors` (the other side is empty)."""
    empty = Analysis(source="", text="", model=analysis.model, entities=(), framing=(), words=0)
    return align_actors(analysis, empty) if side == "left" else align_actors(empty, analysis)
