"""Entity labels in plain English and name keys: pure helpers, so the UI never imports spaCy."""

from __future__ import annotations

import re

_SPACES = re.compile(r"\s+")

#: Entity labels that are never actors.
NON_ACTOR_LABELS = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"})


#: Every entity label of the English spaCy pipelines (OntoNotes scheme): (plural name for
#: legends, singular name for the actor tables). Our own wording.
LABEL_NAMES: dict[str, tuple[str, str]] = {
    "PERSON": ("People", "Person"),
    "NORP": ("Nationalities, religious or political groups", "Group"),
    "FAC": ("Buildings, airports, roads, bridges", "Building"),
    "ORG": ("Organisations", "Organisation"),
    "GPE": ("Countries, cities, states", "Country or city"),
    "LOC": ("Other places: regions, mountains, rivers, seas", "Place"),
    "PRODUCT": ("Products: objects, vehicles, foods", "Product"),
    "EVENT": ("Named events: wars, storms, summits, matches", "Event"),
    "WORK_OF_ART": ("Titles of books, songs, films and reports", "Title"),
    "LAW": ("Laws, treaties and named documents", "Law or treaty"),
    "LANGUAGE": ("Languages", "Language"),
    "DATE": ("Dates and periods", "Date"),
    "TIME": ("Times of day", "Time"),
    "PERCENT": ("Percentages", "Percentage"),
    "MONEY": ("Sums of money", "Sum of money"),
    "QUANTITY": ("Measurements: weights, distances, volumes", "Measurement"),
    "ORDINAL": ("Ordinal numbers: first, second…", "Ordinal"),
    "CARDINAL": ("Other numbers", "Number"),
}


def explain_label(label: str) -> str:
    """A short plain-English description of an entity label ("GPE" → "Countries, cities,
    states"), or "" for a label this table does not know."""
    names = LABEL_NAMES.get(label)
    return names[0] if names else ""


def label_name(label: str) -> str:
    """Plural plain-English name of an entity label ("GPE" → "Countries, cities, states");
    labels of other pipelines read as their code in sentence case."""
    names = LABEL_NAMES.get(label)
    return names[0] if names else label.replace("_", " ").capitalize()


def label_singular(label: str) -> str:
    """Singular name of an entity label, for one actor ("GPE" → "Country or city")."""
    names = LABEL_NAMES.get(label)
    return names[1] if names else label.replace("_", " ").capitalize()


def same_name_key(text: str) -> str:
    """A key under which mentions count as the same name: case-insensitive, white space
    collapsed, a possessive 's and a leading "the" removed ("The UN's" → "un")."""
    key = _SPACES.sub(" ", text).strip().casefold()
    if key.endswith(("'s", "\u2019s")):
        key = key[:-2]
    elif key.endswith(("s'", "s\u2019")):
        key = key[:-1]
    if key.startswith("the "):
        key = key[4:]
    return key.strip()
