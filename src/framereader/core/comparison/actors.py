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
- A short form of an organisation's name that a text uses only after the long one joins it
  (`core.comparison.mentions.join_short_forms`: "Crescent" / "Crescent Capital" / "Crescent Capital Partners", "Senate"
  after "Montana Senate"); never two people.
- A name the two texts label differently takes one label from the evidence of both
  (`core.comparison.mentions.agree_labels`: "Brookfield", a city on the left and a "person" on the right, is one city).
- Other labels join on the exact normalised name regardless of label (NER labels drift), and
  acronyms join the multi-word name they abbreviate ("UN" ~ "U.N." ~ "the United Nations",
  "EU" ~ "European Union"). "the Kremlin" stays "Kremlin", its own actor.
- Only people, organisations, countries and cities, groups, places and facilities are actors
  (`core.kinds.ACTOR_LABELS`); never works, laws, languages, numbers, names without letters,
  faiths named as a topic or slogans in quotation marks (`core.kinds.is_actor_name`).

An actor is named by its longest form (most words, then most frequent, then first seen), e.g.
"Vladimir Putin"; its label is the most frequent label of its mentions.

Agency: each actor's side lists the verbs where one of its mentions is the agent or the patient
(`core.model.Role`, from `core.nlp.agency`). A pronoun argument is resolved with the same actor
link (`Analysis.references`, see `core.comparison.roles.resolve_roles`) and marked `inferred`. The comparison also aligns the texts' passages (`core.alignment`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..segments import title_case_headline
from ..model import Analysis, BothSides, Descriptor, Side
from .mentions import Mention, actor_mentions, agree_labels, join_short_forms, name_parts
from .names import acronym_key, initials
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
class Actor(BothSides[ActorSide]):
    """A person, organisation, place… aligned across the two texts."""

    name: str
    label: str
    left: ActorSide = ActorSide()
    right: ActorSide = ActorSide()
    aliases: tuple[str, ...] = ()  # the distinct cleaned forms seen, e.g. ("Putin", "Vladimir Putin")

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "label": self.label, "left": self.left.to_json(), "right": self.right.to_json()}


_NOT_NAMED = ActorSide()


@dataclass
class _Group:
    mentions: list[Mention] = field(default_factory=list)
    person: bool = False

    def first(self) -> int:
        return min(m.order for m in self.mentions)


def _compatible_given(a: str, b: str) -> bool:
    a, b = a.strip("."), b.strip(".")
    if a == b:
        return True
    return (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))


def _group_people(people: list[Mention], others: list[Mention]) -> tuple[list[_Group], list[Mention]]:
    """Person groups, and the non-PERSON mentions that were not taken as people."""
    full: list[tuple[str, str, _Group]] = []  # (surname, first given name, group)
    # Indexes over `full` (in its order), so grouping is linear in the number of names rather
    # than scanning every person for every mention (80,000 distinct names took 13 minutes).
    by_surname: dict[str, list[tuple[str, _Group]]] = {}  # surname -> (given name, group)
    by_given_name: dict[str, list[_Group]] = {}
    person_sides: dict[int, str] = {}  # group -> the sides where one of its mentions is PERSON ("left", "leftright"…)
    groups: list[_Group] = []
    bare: list[Mention] = []
    # Per group: multi-word mentions per side, and the first mention's order (kept up to date as
    # mentions join, so choosing among groups stays linear on long texts).
    full_counts: dict[int, dict[str, int]] = {}  # group -> multi-word mentions per side
    first: dict[int, int] = {}

    def join(group: _Group, m: Mention) -> None:
        group.mentions.append(m)
        if m.label == "PERSON":
            sides = person_sides.get(id(group), "")
            if m.side not in sides:
                person_sides[id(group)] = sides + m.side
        if len(name_parts(m.norm)) > 1:
            counts = full_counts.setdefault(id(group), {})
            counts[m.side] = counts.get(m.side, 0) + 1
        first[id(group)] = min(first.get(id(group), m.order), m.order)

    for m in people:
        parts = name_parts(m.norm)
        if len(parts) < 2:
            bare.append(m)
            continue
        surname, given = parts[-1], parts[0]
        for g, group in by_surname.get(surname, ()):
            if _compatible_given(g, given):
                join(group, m)
                break
        else:
            group = _Group([], person=True)
            join(group, m)
            full.append((surname, given, group))
            by_surname.setdefault(surname, []).append((given, group))
            by_given_name.setdefault(given, []).append(group)
            groups.append(group)

    def full_count(group: _Group, side: Side | None) -> int:
        counts = full_counts.get(id(group), {})
        return counts.get(side, 0) if side is not None else sum(counts.values())

    def choose(candidates: list[_Group], side: Side) -> _Group:
        return min(candidates, key=lambda g: (-full_count(g, side), -full_count(g, None), first[id(g)]))

    bare_groups: dict[str, _Group] = {}
    by_full_name: dict[str, _Group] = {}  # multi-word names only ever come from `full` groups
    for group in groups:
        for p in group.mentions:
            by_full_name.setdefault(p.norm, group)

    def find(m: Mention) -> _Group | None:
        parts = name_parts(m.norm)
        if len(parts) > 1:  # a mislabelled multi-word mention equal to a person's full name
            return by_full_name.get(m.norm)
        word = parts[0] if parts else m.norm
        same_surname = [g for _g, g in by_surname.get(word, ())]
        if same_surname:
            return choose(same_surname, m.side)
        by_given = by_given_name.get(word, []) if len(word) > 1 else []
        if by_given and m.label == "PERSON":
            return choose(by_given, m.side)
        return bare_groups.get(word)

    for m in bare:
        found = find(m)
        if found is None:
            found = bare_groups[name_parts(m.norm)[0]] = _Group(person=True)
            groups.append(found)
        join(found, m)
    rest = []
    for m in others:
        taker = find(m) if m.label in MISLABELLED_PERSON_LABELS else None
        # Only when the same text also names that person as a PERSON.
        if taker is not None and m.side in person_sides.get(id(taker), ""):
            join(taker, m)
        else:
            rest.append(m)
    return groups, rest


def _group_others(mentions: list[Mention]) -> list[_Group]:
    """Non-person mentions: exact normalised names, with acronyms joined to their expansions."""
    keys: dict[str, _Group] = {}
    order: list[str] = []
    acronyms: set[str] = set()
    plurals = {m.norm for m in mentions if m.label == "NORP" and m.norm.endswith("s")}
    for m in mentions:
        acronym = acronym_key(m.display, m.norm)
        key = acronym or _without_generic_end(m.norm)
        if m.label == "NORP" and key + "s" in plurals:
            key += "s"  # "Valdorian troops" and "the Valdorians": one group
        if acronym:
            acronyms.add(key)
        if key not in keys:
            keys[key] = _Group()
            order.append(key)
        keys[key].mentions.append(m)
    # Join each acronym to the most frequent multi-word name it abbreviates (names indexed by
    # their initials once, in order: no scan of every name per acronym).
    by_initials: dict[str, list[str]] = {}
    for k in order:
        if k not in acronyms:
            for letters in initials(k):
                by_initials.setdefault(letters, []).append(k)
    merged: dict[str, str] = {}
    for acronym in sorted(acronyms):
        candidates = [k for k in by_initials.get(acronym, ()) if k not in merged]
        if not candidates:
            continue
        target = min(candidates, key=lambda k: (-len(keys[k].mentions), keys[k].first()))
        keys[target].mentions.extend(keys[acronym].mentions)
        merged[acronym] = target
    return [keys[k] for k in order if k not in merged]


#: Last words that name the kind of body and may be left out: "First Methodist (Church)",
#: "Labour (Party)".
GENERIC_ENDS = frozenset({"church", "party", "company", "co", "corp", "corporation", "inc", "ltd", "plc", "llc"})


def _without_generic_end(norm: str) -> str:
    words = norm.split()
    return " ".join(words[:-1]) if len(words) >= 2 and words[-1].strip(".") in GENERIC_ENDS else norm


def _name_of(group: _Group) -> str:
    counts = Counter(m.display for m in group.mentions)
    first: dict[str, int] = {}
    for m in group.mentions:
        first.setdefault(m.display, m.order)
    return min(counts, key=lambda d: (-len(d.split()), -counts[d], -len(d), first[d]))


def reader_edits(groups: list[_Group], edits: Sequence[tuple[str, str, str]]) -> list[_Group]:
    """The groups after the reader's splits ("split", name, ""): the mentions with that name
    leave their group for one of their own; then merges ("merge", name, into): the group with a
    mention of that name joins the group whose name (or one of its names) is `into`. Names
    compare as written, case and spacing aside. Linear in the mentions."""
    def key(name: str) -> str:
        return " ".join(name.split()).casefold()

    for kind, name, _into in edits:
        if kind != "split":
            continue
        for group in list(groups):
            leaving = [m for m in group.mentions if key(m.display) == key(name) or key(m.norm) == key(name)]
            if leaving and len(leaving) < len(group.mentions):
                group.mentions = [m for m in group.mentions if m not in leaving]
                groups.append(_Group(leaving, person=group.person))
    for kind, name, into in edits:
        if kind != "merge":
            continue
        source = next((g for g in groups if any(key(m.display) == key(name) for m in g.mentions)), None)
        target = next((g for g in groups if g is not source and (
            key(_name_of(g)) == key(into) or any(key(m.display) == key(into) for m in g.mentions))), None)
        if source is not None and target is not None:
            target.mentions.extend(source.mentions)
            target.person = target.person or source.person
            groups = [g for g in groups if g is not source]
    return groups


def _label_of(group: _Group) -> str:
    if group.person:
        return "PERSON"
    counts = Counter(m.label for m in group.mentions)
    return min(counts, key=lambda label: (-counts[label], label))


def _side(group: _Group, side: Side, by_mention: dict[tuple[int, int], list[Descriptor]],
          links: tuple[list[AgencyLink], list[AgencyLink]] = ([], [])) -> ActorSide:
    spans = sorted({(m.start, m.end) for m in group.mentions if m.side == side})
    if not spans and not links[0] and not links[1]:
        return _NOT_NAMED  # one shared empty side (a text full of names makes many actors)
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
    """The actors named in either text, aligned across both, in `salience` order."""
    mentions = actor_mentions(left, right)
    agree_labels(mentions)
    join_short_forms(mentions, {"left": title_case_headline(left.text), "right": title_case_headline(right.text)})
    people = [m for m in mentions if m.label == "PERSON"]
    others = [m for m in mentions if m.label != "PERSON"]
    groups, others = _group_people(people, others)
    groups = [g for g in groups if g.mentions] + _group_others(others)
    groups = reader_edits(groups, (*left.actor_edits, *right.actor_edits))
    left_index, right_index = _descriptor_index(left.descriptors), _descriptor_index(right.descriptors)
    labels = [_label_of(group) for group in groups]
    agency = {}
    for side, analysis in (("left", left), ("right", right)):
        spans = sorted({(m.start, m.end, index) for index, g in enumerate(groups) for m in g.mentions if m.side == side})
        loaded = sorted((f.start, f.end) for f in analysis.framing)
        agency[side] = resolve_roles(analysis.roles, spans, analysis.references, loaded)
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
    actors.sort(key=salience)
    return tuple(actors)


def salience(actor: Actor) -> tuple[int, int, str, str]:
    """The order actors are shown in: by how much both texts say about them (the smaller of
    the two mention counts, then the total), so an actor named more often in each text never
    comes after one named less often in each."""
    return (-min(actor.left.count, actor.right.count), -actor.total, actor.name.casefold(), actor.label)


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
