"""Who only one text names: said only when the other text does not name them in other words.

An actor found in one text only is not always absent from the other: the small model may miss
the name there ("Holloway's apologists in Western capitals", no entity), or the other text may
name the country where this one uses its people's word ("Kestria" beside "Kestrian units").
"Only the right text names Western" would then be false on the projector, so such an actor is
`named_elsewhere`: it stays in the actors table with its counts, but no list, sentence or
question says that only one text names it.

Two checks, both on the other text's words, case-sensitive:

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
_SHORTEST_STEM = 4


def _whole_words(form: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])" + re.escape(form) + r"(?![\w-])")


def shares_stem(a: str, b: str) -> bool:
    """Whether two capitalised words share a stem ("Kestria"/"Kestrian", "West"/"Western")."""
    if a == b:
        return True
    shorter = min(len(a), len(b))
    need = max(_SHORTEST_STEM, shorter - 3)
    return shorter >= _SHORTEST_STEM and a[:need] == b[:need] and a[0].isupper()


def _forms(actor: Actor) -> set[str]:
    return {form for form in (actor.name, *actor.aliases) if form.strip()}


def names_in(actor: Actor, text: str, capitalised: set[str]) -> bool:
    """Whether `text` names `actor` in any of its forms (or, for a group or a place, a word of
    the same stem); `capitalised` holds the text's capitalised words."""
    forms = _forms(actor)
    if any(_whole_words(form).search(text) for form in forms):
        return True
    if actor.label not in STEM_LABELS:
        return False
    stems = {form for form in forms if " " not in form and form[:1].isupper()}
    return any(shares_stem(stem, word) for stem in stems for word in capitalised)


def named_elsewhere(actors: Iterable[Actor], left_text: str, right_text: str) -> frozenset[str]:
    """The names of the actors found in one text only whose other text names them anyway."""
    capitalised = {"left": set(_CAPITALISED.findall(left_text)), "right": set(_CAPITALISED.findall(right_text))}
    texts = {"left": left_text, "right": right_text}
    found = set()
    for actor in actors:
        if bool(actor.left.count) == bool(actor.right.count):
            continue
        other = "right" if actor.left.count else "left"
        if names_in(actor, texts[other], capitalised[other]):
            found.add(actor.name)
    return frozenset(found)
