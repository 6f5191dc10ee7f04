"""Who a text names: its entity mentions grouped into referents (one per person, organisation,
place or group), with what the text shows about each person's gender. Built once per document
from the entities (after `core.nlp.labels` made their labels consistent), before the parse, so
pronoun resolution (`core.nlp.references`) can look back across parsed runs.

- People group by surname: "Marcus Bell", "Bell" and "Senator Bell" are one referent; a bare
  word that is nobody's surname but someone's first name joins that person. Two full names with
  one surname and different first names are two people.
- Other mentions group by `core.kinds.same_name_key`.
- Gender comes from the text alone: a title or role word in front of a mention ("Ms Ruiz",
  "Congressman Diaz"), else the first name (`core.nlp.gender`); a link made with he/she later
  fixes it too (`Referents.learn`). Contradicting evidence leaves it unknown.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..comparison.names import NAME_SUFFIXES, clean_name
from ..kinds import ACTOR_LABELS, same_name_key
from ..model import EntitySpan
from .descriptors import TITLE_WORDS
from .gender import NOT_SURNAMES, Gender, name_gender, title_before, title_gender

#: What a pronoun may stand for, by entity label.
PERSON = "person"
THING = "thing"  # organisations, countries, cities, places, buildings: "it"
GROUP = "group"  # nationalities, religious and political groups: "they"


def kind_of(label: str) -> str:
    if label == "PERSON":
        return PERSON
    return GROUP if label == "NORP" else THING


@dataclass
class Referent:
    """One person, organisation, place or group the text names."""

    index: int
    kind: str
    name: str  # the fullest form the text gives ("Marcus Bell")
    label: str = "PERSON"
    gender: Gender | None = None
    #: how the gender is known, in plain words ("Ms Ruiz", "the first name Helen", "‘she’ earlier")
    gender_evidence: str = ""
    conflicting: bool = False
    forms: list[str] = field(default_factory=list)


def _parts(name: str) -> list[str]:
    parts = name.split()
    while len(parts) > 1 and (parts[0].casefold().strip(".") in TITLE_WORDS or title_gender(parts[0])):
        parts.pop(0)  # "Councilwoman Mei Chen", "Sergeant Ali Hamdan"
    while len(parts) > 1 and parts[-1].strip(".,").lower() in NAME_SUFFIXES:
        parts.pop()
    return parts


class Referents:
    """The referents of one text and its mentions, sorted by start: (start, end, referent)."""

    def __init__(self, text: str, entities: Iterable[EntitySpan]) -> None:
        self.text = text
        self.items: list[Referent] = []
        self.mentions: list[tuple[int, int, int]] = []
        actors = sorted((e for e in entities if e.label in ACTOR_LABELS), key=lambda e: (e.start, e.end))
        people = [e for e in actors if e.label == "PERSON"]
        by_surname: dict[str, list[int]] = {}
        by_given: dict[str, list[int]] = {}
        full: dict[str, list[tuple[str, int]]] = {}  # surname -> (first name, referent)
        assigned: dict[tuple[int, int], int] = {}
        # Full names first, so a surname alone can join the person named in full later on.
        for e in people:
            parts = _parts(clean_name(e.text, "PERSON"))
            name = " ".join(parts)
            if len(parts) < 2:
                continue
            given, surname = parts[0].casefold(), parts[-1].casefold()
            index = next((i for g, i in full.get(surname, ()) if _same_given(g, given)), None)
            if index is None:
                index = self._new(PERSON, name, "PERSON")
                full.setdefault(surname, []).append((given, index))
                by_surname.setdefault(surname, []).append(index)
                by_given.setdefault(given, []).append(index)
            elif len(name) > len(self.items[index].name):
                self.items[index].name = name
            assigned[(e.start, e.end)] = index
        bare: dict[str, int] = {}
        for e in people:
            if (e.start, e.end) in assigned:
                continue
            name = clean_name(e.text, "PERSON")
            word = (_parts(name) or [name])[-1].casefold()
            found = by_surname.get(word) or by_given.get(word)
            if found and len(found) == 1:
                index = found[0]
            elif found:
                continue  # two people share that name: the mention stays nobody's
            elif word in bare:
                index = bare[word]
            else:
                index = bare[word] = self._new(PERSON, name, "PERSON")
            assigned[(e.start, e.end)] = index
        others: dict[str, int] = {}
        for e in actors:
            if e.label == "PERSON":
                continue
            key = same_name_key(e.text)
            if not key:
                continue
            if key not in others:
                others[key] = self._new(kind_of(e.label), clean_name(e.text, e.label), e.label)
            assigned[(e.start, e.end)] = others[key]
        self.mentions = sorted((a, b, i) for (a, b), i in assigned.items())
        self.starts = [m[0] for m in self.mentions]
        for start, end, index in self.mentions:
            self.items[index].forms.append(text[start:end])
        self._genders(people, assigned)

    def _new(self, kind: str, name: str, label: str) -> int:
        self.items.append(Referent(len(self.items), kind, name, label))
        return len(self.items) - 1

    def _genders(self, people: list[EntitySpan], assigned: dict[tuple[int, int], int]) -> None:
        """Gender from titles in front of any mention, else from the first name."""
        for e in people:
            index = assigned.get((e.start, e.end))
            if index is None:
                continue
            words = e.text.split()
            titles = [w for w in words[:-1] if title_gender(w)] + [title_before(self.text, e.start)]
            for word in titles:
                found = title_gender(word)
                if found:
                    self._set(index, found, f"{word.strip('.')} {_parts(clean_name(e.text, 'PERSON'))[-1]}")
        for person in self.items:
            if person.kind != PERSON or person.gender or person.conflicting:
                continue
            parts = _parts(person.name)
            if len(parts) >= 2:
                found = name_gender(parts[0])
                if found:
                    self._set(person.index, found, f"the first name {parts[0]}")

    def _set(self, index: int, gender: Gender, evidence: str) -> None:
        person = self.items[index]
        if person.conflicting:
            return
        if person.gender is None:
            person.gender, person.gender_evidence = gender, evidence
        elif person.gender != gender:
            person.gender, person.gender_evidence, person.conflicting = None, "", True

    def maybe_person(self, index: int) -> bool:
        """Whether a name labelled otherwise may be a person's the model mislabelled: two or
        three capitalised words, none of them naming a body or a place, not an acronym."""
        referent = self.items[index]
        words = referent.name.split()
        if referent.kind == PERSON:
            return True
        if referent.label not in ("ORG", "FAC", "LOC", "GPE") or not 2 <= len(words) <= 3:
            return False
        return all(w[:1].isupper() and not w.isupper() and w.casefold().strip(".") not in NOT_SURNAMES
                   for w in words)

    def learn(self, index: int, gender: Gender, pronoun: str) -> None:
        """A confident he/she link: the person's gender is now known (unless contradicted)."""
        if self.items[index].gender is None:
            self._set(index, gender, f"‘{pronoun}’ earlier")

    def referent_at(self, start: int, end: int) -> int | None:
        """The referent of the mention exactly at [start, end), or None."""
        i = bisect_left(self.starts, start)
        while i < len(self.mentions) and self.mentions[i][0] == start:
            if self.mentions[i][1] == end:
                return self.mentions[i][2]
            i += 1
        return None

    def between(self, start: int, end: int) -> list[tuple[int, int, int]]:
        """Mentions lying inside [start, end), in text order."""
        i = bisect_left(self.starts, start)
        found = []
        while i < len(self.mentions) and self.mentions[i][0] < end:
            if self.mentions[i][1] <= end:
                found.append(self.mentions[i])
            i += 1
        return found


def _same_given(a: str, b: str) -> bool:
    a, b = a.strip("."), b.strip(".")
    return a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))
