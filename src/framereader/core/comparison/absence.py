"""Who only one text names: said only when the other text does not name them in other words.

An actor found in one text only is not always absent from the other: the small model may miss
the name there ("Holloway's apologists in Western capitals", no entity), or the other text may
name the country where this one uses its people's word ("Kestria" beside "Kestrian units").
"Only the right text names Western" would then be false on the projector, so such an actor is
`named_elsewhere`: it stays in the actors table with its counts, but no list, sentence or
question says that only one text names it.

Two checks, both on the other text's words, case-sensitive, linear in the texts and the names:

- any form of the actor's name (`Actor.aliases`, the name itself) occurs there as whole words;
- for a group (NORP: "Kestrian", "Western") or a country or city, a capitalised word there
  shares the name's stem: the same first letters up to all but the last three of the shorter
  word, and at least four ("Kestria"/"Kestrian", "Britain"/"British", "China"/"Chinese",
  "West"/"Western"). This errs toward silence, never toward a false "only".
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .actors import Actor

#: Labels whose names have a people's or an adjective's form ("Kestrian", "Western").
STEM_LABELS = frozenset({"NORP", "GPE", "LOC"})
_CAPITALISED = re.compile(r"\b[A-Z][a-z]{3,}\b")
_WORD = re.compile(r"\w+")
_SHORTEST_STEM = 4


def shares_stem(a: str, b: str) -> bool:
    """Whether two capitalised words share a stem ("Kestria"/"Kestrian", "West"/"Western")."""
    if a == b:
        return True
    shorter = min(len(a), len(b))
    need = max(_SHORTEST_STEM, shorter - 3)
    return shorter >= _SHORTEST_STEM and a[:need] == b[:need] and a[0].isupper()


def _words(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(text))


class TextNames:
    """What one text names, indexed once so that checking any number of actors is linear in the
    text and the names (a hostile text of 80,000 distinct names must not be quadratic).

    A form is named when its words (letters and digits; punctuation and hyphens split words, so
    "Western-backed" names "Western": the check errs toward silence) occur in a row in the text,
    case-sensitive."""

    def __init__(self, text: str, forms: Iterable[tuple[str, ...]]) -> None:
        wanted: dict[str, set[int]] = {}  # first word -> lengths of the forms starting with it
        for words in forms:
            if words:
                wanted.setdefault(words[0], set()).add(len(words))
        words = _words(text)
        self._found: set[tuple[str, ...]] = set()
        for index, word in enumerate(words):
            for length in wanted.get(word, ()):
                self._found.add(words[index : index + length])
        # stems: capitalised words by (length, stem prefix), and the longest word per prefix
        capitalised = set(_CAPITALISED.findall(text))
        self._by_length: set[tuple[int, str]] = set()
        self._longest: dict[str, int] = {}
        for word in capitalised:
            self._by_length.add((len(word), word[: max(_SHORTEST_STEM, len(word) - 3)]))
            for k in range(_SHORTEST_STEM, len(word) + 1):
                prefix = word[:k]
                if self._longest.get(prefix, 0) < len(word):
                    self._longest[prefix] = len(word)

    def names(self, words: tuple[str, ...]) -> bool:
        return words in self._found

    def has_stem(self, stem: str) -> bool:
        """Whether a capitalised word of the text `shares_stem` with `stem`: one no longer than
        it agrees on its own stem length, one longer on the stem's."""
        if len(stem) < _SHORTEST_STEM or not stem[0].isupper():
            return False
        for length in range(_SHORTEST_STEM, len(stem) + 1):
            if (length, stem[: max(_SHORTEST_STEM, length - 3)]) in self._by_length:
                return True
        return self._longest.get(stem[: max(_SHORTEST_STEM, len(stem) - 3)], 0) > len(stem)


def _forms(actor: Actor) -> set[tuple[str, ...]]:
    return {words for words in (_words(form) for form in (actor.name, *actor.aliases)) if words}


def _stems(actor: Actor) -> set[str]:
    if actor.label not in STEM_LABELS:
        return set()
    return {form for form in (actor.name, *actor.aliases) if " " not in form.strip() and form[:1].isupper()}


def named_elsewhere(actors: Iterable[Actor], left_text: str, right_text: str) -> frozenset[str]:
    """The names of the actors found in one text only whose other text names them anyway."""
    one_sided = {"left": [], "right": []}  # type: dict[str, list[Actor]]
    for actor in actors:
        if bool(actor.left.count) != bool(actor.right.count):
            one_sided["right" if actor.left.count else "left"].append(actor)  # keyed by the other text
    found = set()
    for other, text in (("left", left_text), ("right", right_text)):
        if not one_sided[other]:
            continue
        index = TextNames(text, (words for actor in one_sided[other] for words in _forms(actor)))
        for actor in one_sided[other]:
            if any(index.names(words) for words in _forms(actor)) or any(index.has_stem(s) for s in _stems(actor)):
                found.add(actor.name)
    return frozenset(found)
