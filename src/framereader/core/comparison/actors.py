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
- A name the two texts label differently takes one label from the evidence of both
  (`_agree_labels`: "Brookfield", a city on the left and a "person" on the right, is one city).
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

from ..kinds import is_actor_name
from ..segments import BYLINE, BYLINE_MAX_WORDS, paragraph_ranges
from ..model import Analysis, BothSides, Descriptor, Side
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
        text = analysis.text
        byline = _byline(text)
        for ent in sorted(analysis.entities, key=lambda e: (e.start, e.end)):
            if byline[0] <= ent.start < byline[1]:
                continue  # the writer and what they write for, not an actor of the events
            if not is_actor_name(ent.text, ent.label, text[max(0, ent.start - 4) : ent.start], text[ent.end : ent.end + 30]):
                continue
            display = clean_name(ent.text, ent.label)
            norm = display.lower()
            if not any(ch.isalnum() for ch in norm):
                continue
            found.append(_Mention(side, ent.start, ent.end, ent.label, display, norm, len(found)))  # type: ignore[arg-type]
    return found


#: Among labels the two texts give one name with equal weight, the one kept (a lone word the
#: model calls a person in one text and a place in the other is far more often the place).
_LABEL_PREFERENCE = ("GPE", "ORG", "NORP", "LOC", "FAC", "PERSON")


def _agree_labels(mentions: list[_Mention]) -> None:
    """One label per name across the two texts: a name the texts label differently takes the
    label of the evidence of both (each text already gives one name one label, see
    `core.nlp.labels`). A lone word counts as a person only when a name of more words in either
    text ends or starts with it ("Bush" of "Tom Bush"): "Brookfield", a city in one text and a
    "person" in the other, is a city in both."""
    by_key: dict[str, list[_Mention]] = {}
    name_parts: set[str] = set()
    for m in mentions:
        by_key.setdefault(m.norm, []).append(m)
        parts = _name_parts(m.norm)
        if m.label == "PERSON" and len(parts) > 1:
            name_parts.update((parts[0], parts[-1]))
    for key, found in by_key.items():
        sides = {m.side for m in found}
        if len(sides) < 2 or len({m.label for m in found}) < 2:
            continue
        if {m.label for m in found if m.side == "left"} == {m.label for m in found if m.side == "right"}:
            continue
        votes = Counter(m.label for m in found)
        if len(_name_parts(key)) == 1 and key not in name_parts and len(votes) > 1:
            votes.pop("PERSON", None)
        rank = {label: i for i, label in enumerate(_LABEL_PREFERENCE)}
        label = min(votes, key=lambda k: (-votes[k], rank.get(k, len(rank)), k))
        for m in found:
            m.label = label


def _byline(text: str) -> tuple[int, int]:
    """The byline among the first three paragraphs ("By Helena Marsh, a former diplomat…"), or
    (0, 0)."""
    for start, end in paragraph_ranges(text[:3000])[:3]:
        if BYLINE.match(text, start) and len(text[start:end].split()) <= BYLINE_MAX_WORDS:
            return start, end
    return 0, 0


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
    # Indexes over `full` (in its order), so grouping is linear in the number of names rather
    # than scanning every person for every mention (80,000 distinct names took 13 minutes).
    by_surname: dict[str, list[tuple[str, _Group]]] = {}  # surname -> (given name, group)
    by_given_name: dict[str, list[_Group]] = {}
    person_sides: dict[int, str] = {}  # group -> the sides where one of its mentions is PERSON ("left", "leftright"…)
    groups: list[_Group] = []
    bare: list[_Mention] = []
    # Per group: multi-word mentions per side, and the first mention's order (kept up to date as
    # mentions join, so choosing among groups stays linear on long texts).
    full_counts: dict[int, dict[str, int]] = {}  # group -> multi-word mentions per side
    first: dict[int, int] = {}

    def join(group: _Group, m: _Mention) -> None:
        group.mentions.append(m)
        if m.label == "PERSON":
            sides = person_sides.get(id(group), "")
            if m.side not in sides:
                person_sides[id(group)] = sides + m.side
        if len(_name_parts(m.norm)) > 1:
            counts = full_counts.setdefault(id(group), {})
            counts[m.side] = counts.get(m.side, 0) + 1
        first[id(group)] = min(first.get(id(group), m.order), m.order)

    for m in people:
        parts = _name_parts(m.norm)
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

    def find(m: _Mention) -> _Group | None:
        parts = _name_parts(m.norm)
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
            found = bare_groups[_name_parts(m.norm)[0]] = _Group(person=True)
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


def _group_others(mentions: list[_Mention]) -> list[_Group]:
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
    mentions = _mentions(left, right)
    _agree_labels(mentions)
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
