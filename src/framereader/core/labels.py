"""Entity labels in plain English and name keys: pure helpers, so the UI never imports spaCy."""

from __future__ import annotations

import re

_SPACES = re.compile(r"\s+")


#: Plain-English names of the entity labels that English spaCy pipelines use (OntoNotes).
LABEL_NAMES: dict[str, str] = {
    "PERSON": "People",
    "NORP": "Nationalities, religious or political groups",
    "FAC": "Buildings, airports, roads, bridges",
    "ORG": "Organisations",
    "GPE": "Countries, cities, states",
    "LOC": "Other places (regions, mountains, seas)",
    "PRODUCT": "Products and vehicles",
    "EVENT": "Named events (wars, storms, games)",
    "WORK_OF_ART": "Titles of books, songs, films",
    "LAW": "Laws and treaties",
    "LANGUAGE": "Languages",
    "DATE": "Dates and periods",
    "TIME": "Times of day",
    "PERCENT": "Percentages",
    "MONEY": "Sums of money",
    "QUANTITY": "Measurements (weight, distance)",
    "ORDINAL": "Ordinals (first, second)",
    "CARDINAL": "Other numbers",
    "PER": "People",
    "MISC": "Other names",
}


def explain_label(label: str) -> str:
    """A short plain-English description of an entity label ("GPE" → "Countries, cities,
    states"), or "" for a label this table does not know."""
    return LABEL_NAMES.get(label, "")


def label_name(label: str) -> str:
    """What a reader sees for an entity label: its plain-English name, else the code."""
    return LABEL_NAMES.get(label) or label


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
