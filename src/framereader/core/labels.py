"""Small pure helpers about entity labels and names, so the UI never touches spaCy itself."""

from __future__ import annotations

import re
from functools import lru_cache

_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=256)
def explain_label(label: str) -> str:
    """A short description of a spaCy label (e.g. "GPE" → "Countries, cities, states"), or ""."""
    from spacy.glossary import explain  # a plain dictionary lookup; no pipeline involved

    return explain(label) or ""


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
