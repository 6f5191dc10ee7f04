"""Word-choice sets found in a spaCy `Doc`: which member of which set the text uses.

The members are compiled by the lexicon matcher itself (`core.nlp.matcher.LexiconMatcher`):
each set becomes one category and each member one entry, so a member reaches its word family
(inflections, British/American spellings, compounds, `also=` forms), multi-word members may wrap
over a line break, the longest match wins where members overlap, and the same guards run
(`guard.except`, `guard.prefix`, `guard.name`: "Rich" at the start of a line that names a person
is not "rich", `guard.known_name`, `guard.pos`). No context rule runs, nor `guard.official`
("war on terror" is a name a set is about) or `guard.attribution`: a set member is a name, not
a loaded word.

One guard of its own (`org_names`, on by default): a member inside a longer organisation name
(an ORG entity) is that organisation's name, not the writer's choice: "Hispanic" in "the
Congressional Hispanic Caucus", "pro-life" in "the Pro-Life Action League" (but not in a
Title Case line, where the recogniser takes capitalised words for names).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any, NamedTuple

from spacy.tokens import Doc

from ..lexicons.format import Category, Lexicon
from ..lexicons.terms import term_key
from ..lexicons.wordchoice import ChoiceSet, ChoiceSets, sets_by_id
from ..model import ChoiceSpan, Quote
from ..voices.direct import QuotedRanges
from .matcher import LexiconMatcher
from .context_guards import ATTRIBUTION, OFFICIAL
from .rules import DEFAULT_RULES, GUARDS

#: The lexicon guards a set member passes: not `guard.official` (an official or fixed phrase
#: such as "war on terror" is exactly a name a set is about) nor `guard.attribution` (hedges).
CHOICE_GUARDS = GUARDS - {OFFICIAL, ATTRIBUTION}
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


def mark_quoted_choices(
    choices: Sequence[ChoiceSpan], quotes: Sequence[Quote], text: str | None = None
) -> tuple[ChoiceSpan, ...]:
    """`choices` with `quoted` set on the uses inside a direct quotation (the speaker's words)
    and, with `text`, `quoted` and `scare` on those inside the writer's scare quotes."""
    ranges = QuotedRanges(quotes, text)
    out = []
    for span in choices:
        holder = ranges.holding(span.start, span.end)
        inside, scare = holder is not None, holder is not None and holder[3]
        out.append(span if (span.quoted, span.scare) == (inside, scare) else replace(span, quoted=inside, scare=scare))
    return tuple(out)


def sets_for_language(files: Iterable[ChoiceSets], lang: str) -> tuple[ChoiceSets, ...]:
    """The set files written for `lang` (a pipeline's language)."""
    return tuple(f for f in files if f.language == lang)


class ChoiceMatcher:
    """Word-choice sets compiled for one pipeline (see `LexiconMatcher` for `nlp`); `rules` are
    the guard ids that are on (other rule ids are ignored)."""

    def __init__(self, nlp: Any, files: Sequence[ChoiceSets], rules: Iterable[str] = DEFAULT_RULES,
                 org_names: bool = True) -> None:
        self.files = tuple(files)
        self.sets: dict[str, ChoiceSet] = sets_by_id(self.files)
        categories = tuple(
            Category(s.id, s.name, _UNSHOWN_COLOUR, s.note, tuple(m.as_term() for m in s.members))
            for s in self.sets.values()
        )
        lexicon = Lexicon(id="word-choice-sets", name="Word-choice sets", language="", categories=categories)
        self._matcher = LexiconMatcher(nlp, [lexicon], frozenset(rules) & CHOICE_GUARDS)
        self._reference = {(s.id, term_key(m.text)): m.reference for s in self.sets.values() for m in s.members}
        self.org_names = org_names

    @property
    def stats(self) -> Any:
        """What the guards did (the underlying matcher's counters)."""
        return self._matcher.stats

    def find(self, doc: Doc | str) -> list[ChoiceMatch]:
        """The members used in `doc`, by position, never overlapping (`doc.ents`, when set,
        serve the name guard)."""
        found = self._matcher.find(doc)
        if found and self.org_names and not isinstance(doc, str):
            kept = [m for m in found if not _in_org_name(doc, m.start_char, m.end_char)]
            self.stats["org_names"] += len(found) - len(kept)
            found = kept
        return [
            ChoiceMatch(m.start_char, m.end_char, m.category_id, m.term_text,
                        self._reference.get((m.category_id, term_key(m.term_text)), False))
            for m in found
        ]

    __call__ = find


_WORD_RE = re.compile(r"[^\W\d_][\w'’-]*")
_MINOR = frozenset("a an the and or of to in on at for with by as is are was from but vs".split())


def _title_case_line(text: str, start: int, end: int) -> bool:
    """Is the line holding [start, end) mostly capitalised outside that span (a headline)?"""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    words = [w for w in _WORD_RE.findall(text[line_start:start] + " " + text[end:line_end]) if w.lower() not in _MINOR]
    return len(words) >= 2 and sum(1 for w in words if w[0].isupper()) * 4 >= len(words) * 3


def _in_org_name(doc: Doc, start: int, end: int) -> bool:
    """Does [start, end) lie inside a longer ORG entity, outside a Title Case line (where the
    recogniser takes capitalised words for names: "Varosian Regime Shells…")?"""
    for ent in doc.ents:
        if ent.label_ == "ORG" and ent.start_char <= start and end <= ent.end_char and ent.end_char - ent.start_char > end - start:
            return not _title_case_line(doc.text, ent.start_char, ent.end_char)
    return False


__all__ = ["CHOICE_GUARDS", "ChoiceMatch", "ChoiceMatcher", "mark_quoted_choices", "sets_for_language"]
