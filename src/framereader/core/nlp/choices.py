"""Word-choice sets found in a spaCy `Doc`: which member of which set the text uses.

The members are compiled by the lexicon matcher itself (`core.nlp.matcher.LexiconMatcher`):
each set becomes one category and each member one entry, so a member reaches its word family
(inflections, British/American spellings, compounds, `also=` forms), multi-word members may wrap
over a line break, the longest match wins where members overlap, and the same guards run
(`guard.except`, `guard.prefix`, `guard.name`: "Rich" at the start of a line that names a person
is not "rich", `guard.pos`). No context rule runs: a set member is a name, not a loaded word.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple

from spacy.tokens import Doc

from ..lexicons.format import Category, Lexicon
from ..lexicons.terms import term_key
from ..lexicons.wordchoice import ChoiceSet, ChoiceSets, sets_by_id
from .matcher import LexiconMatcher
from .rules import DEFAULT_RULES, GUARDS

#: A colour the compiled categories need; never shown (the reader styles choices itself).
_UNSHOWN_COLOUR = "#000000"


class ChoiceMatch(NamedTuple):
    """A set member found in a doc: char offsets into `doc.text`, the set's id, the member's
    own text (its headword, not the inflected form) and whether it is the set's reference."""

    start_char: int
    end_char: int
    set_id: str
    term: str
    reference: bool = False


def sets_for_language(files: Iterable[ChoiceSets], lang: str) -> tuple[ChoiceSets, ...]:
    """The set files written for `lang` (a pipeline's language)."""
    return tuple(f for f in files if f.language == lang)


class ChoiceMatcher:
    """Word-choice sets compiled for one pipeline (see `LexiconMatcher` for `nlp`); `rules` are
    the guard ids that are on (other rule ids are ignored)."""

    def __init__(self, nlp: Any, files: Sequence[ChoiceSets], rules: Iterable[str] = DEFAULT_RULES) -> None:
        self.files = tuple(files)
        self.sets: dict[str, ChoiceSet] = sets_by_id(self.files)
        categories = tuple(
            Category(s.id, s.name, _UNSHOWN_COLOUR, s.note, tuple(m.as_term() for m in s.members))
            for s in self.sets.values()
        )
        lexicon = Lexicon(id="word-choice-sets", name="Word-choice sets", language="", categories=categories)
        self._matcher = LexiconMatcher(nlp, [lexicon], frozenset(rules) & GUARDS)
        self._reference = {(s.id, term_key(m.text)): m.reference for s in self.sets.values() for m in s.members}

    @property
    def stats(self) -> Any:
        """What the guards did (the underlying matcher's counters)."""
        return self._matcher.stats

    def find(self, doc: Doc | str) -> list[ChoiceMatch]:
        """The members used in `doc`, by position, never overlapping (`doc.ents`, when set,
        serve the name guard)."""
        return [
            ChoiceMatch(m.start_char, m.end_char, m.category_id, m.term_text,
                        self._reference.get((m.category_id, term_key(m.term_text)), False))
            for m in self._matcher.find(doc)
        ]

    __call__ = find


__all__ = ["ChoiceMatch", "ChoiceMatcher", "sets_for_language"]
