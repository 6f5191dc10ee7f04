"""Verbs as words a reader knows: the base form shown for a verb ("install", not "instal").

spaCy's rule lemmatizer gives the first of several base forms its exception table lists
("installed" → "instal", before "install"), and for a verb missing from its word list the first
form its suffix rules make, which may be no word at all ("rebranded" → "rebrande"). `VerbForms`
reads the same tables and picks, in order:

1. a form listed in the exception table: of several, the one closest to the word as written
   (the longest common beginning: "installed" → "install", "fulfilled" → "fulfill");
2. the lemmatizer's own lemma when its word list knows it as a verb ("bundled" → "bundle");
3. for a verb the word list does not know, the form the suffix rules make that ends in a known
   verb ("rebranded" → "rebrand", "livestreamed" → "livestream");
4. else the word as written, in lower case ("doxxed").

A pipeline without a rule lemmatizer keeps its lemma (`VerbForms.empty`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from spacy.language import Language
from spacy.tokens import Token

#: Shortest known verb that may end a longer made-up one ("re|brand", "live|stream").
_MIN_TAIL = 4


@dataclass(frozen=True)
class VerbForms:
    """The lemmatizer's verb tables: known base forms, exceptions, suffix rules."""

    known: frozenset[str] = frozenset()
    exceptions: dict[str, tuple[str, ...]] = field(default_factory=dict)
    rules: tuple[tuple[str, str], ...] = ()

    @classmethod
    def empty(cls) -> VerbForms:
        return cls()

    def base(self, token: Token) -> str:
        """The base form to show for the verb `token` (see the module docstring)."""
        lemma = (token.lemma_ or token.text).lower()
        written = token.text.lower()
        if not self.known:
            return lemma
        listed = self.exceptions.get(written)
        if listed:
            return max(listed, key=lambda form: (_common_start(form, written), -listed.index(form)))
        if lemma in self.known or lemma == written:
            return lemma
        for suffix, replacement in self.rules:
            if written.endswith(suffix) and len(written) > len(suffix):
                form = written[: len(written) - len(suffix)] + replacement
                if form in self.known or self._ends_in_known(form):
                    return form
        return written

    def _ends_in_known(self, form: str) -> bool:
        return any(form[i:] in self.known for i in range(2, len(form) - _MIN_TAIL + 1))


def _common_start(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


_CACHE: dict[int, tuple[Any, VerbForms]] = {}


def verb_forms(nlp: Language) -> VerbForms:
    """The verb tables of `nlp`'s rule lemmatizer (read once per pipeline), or empty ones."""
    cached = _CACHE.get(id(nlp))
    if cached is not None and cached[0] is nlp:
        return cached[1]
    forms = VerbForms.empty()
    try:
        lookups = nlp.get_pipe("lemmatizer").lookups  # type: ignore[attr-defined]
        index = lookups.get_table("lemma_index").get("verb", [])
        exceptions = lookups.get_table("lemma_exc").get("verb", {})
        rules = lookups.get_table("lemma_rules").get("verb", [])
        forms = VerbForms(
            known=frozenset(str(w) for w in index),
            exceptions={str(k): tuple(str(x) for x in v) for k, v in exceptions.items() if v},
            rules=tuple((str(a), str(b)) for a, b in rules),
        )
    except (KeyError, AttributeError, ValueError):
        pass
    _CACHE[id(nlp)] = (nlp, forms)
    return forms


_NOUNS: dict[int, tuple[Any, frozenset[str]]] = {}


def common_nouns(nlp: Language) -> frozenset[str]:
    """The nouns `nlp`'s rule lemmatizer knows (lower case; read once per pipeline), or none."""
    cached = _NOUNS.get(id(nlp))
    if cached is not None and cached[0] is nlp:
        return cached[1]
    nouns: frozenset[str] = frozenset()
    try:
        lookups = nlp.get_pipe("lemmatizer").lookups  # type: ignore[attr-defined]
        nouns = frozenset(str(w) for w in lookups.get_table("lemma_index").get("noun", []))
    except (KeyError, AttributeError, ValueError):
        pass
    _NOUNS[id(nlp)] = (nlp, nouns)
    return nouns
