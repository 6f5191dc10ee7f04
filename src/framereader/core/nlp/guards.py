"""Guards: reasons not to mark a lexicon match. Each guard is a small function with an id, so
it can be switched off (see `core.nlp.rules.DEFAULT_RULES`) and measured (`make quality`).

* `guard.except`: the match lies inside one of the entry's `except=` phrases or a built-in
  exception ("almost certainly"; "if anything" used as a condition: "if anything happens").
* `guard.prefix`: the word is the second half of an anti-/non-/counter-/pro- compound
  ("racist" in "anti-racist" is not marked).
* `guard.name`: a capitalised word for a lower-case entry that lies inside a named entity, or
  (not at the start of a sentence) that the tagger calls a proper noun ("Shams" is a name, not
  the plural of "sham").
* `guard.pos`: an entry limited with `pos=` is marked only where the tagger gives that part of
  speech ("total" the adjective, not the noun).

The pipeline runs only NER, so the POS the last two guards need comes from `SentenceTagger`: it
tags only the sentences around candidates that ask for it, with the pipeline's own tagger.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from spacy.tokens import Doc, Token

#: Phrases in which a term is never marked, whatever the lexicon says (lower case, as tokens).
BUILTIN_EXCEPTIONS: tuple[tuple[str, ...], ...] = (
    ("almost", "certainly"), ("not", "certainly"), ("almost", "surely"), ("not", "necessarily"),
    ("almost", "definitely"), ("most", "likely"), ("quite", "possibly"),
)
#: Prefixes that make a compound its own word ("anti-racist", "non-violent", "counter-terrorist").
PREFIXES = frozenset({"anti", "non", "counter", "pro"})
#: After "if anything", these keep it a hedge ("if anything, worse"; "if anything more").
_COMPARATIVES = frozenset({"more", "less", "worse", "better", "fewer", "greater", "smaller", "bigger", "larger",
                           "stronger", "weaker", "harder", "softer", "higher", "lower", "too", "the", "it", "they"})
_SENTENCE_END = frozenset({".", "!", "?", ":", ";", "\"", "\u201c", "\u201d", "(", "[", "\u2014", "\u2013", "-",
                           "*", "#", "\u2022", "|", "'", "\u2018"})
#: Universal POS tags accepted for each `pos=` value.
POS_ACCEPTS = {"adj": frozenset({"ADJ"}), "noun": frozenset({"NOUN", "PROPN"}), "verb": frozenset({"VERB"}),
               "adv": frozenset({"ADV"})}
TAG_COMPONENTS = ("tok2vec", "tagger", "attribute_ruler")
WINDOW_TOKENS = 40


def sentence_initial(doc: Doc, i: int) -> bool:
    """Is token `i` the first word of a sentence, line or quotation (no parse needed)?"""
    j = i - 1
    while j >= 0 and doc[j].is_space and "\n" not in doc[j].text:
        j -= 1
    if j < 0:
        return True
    prev = doc[j]
    return prev.is_space or prev.text in _SENTENCE_END


def in_exception(doc: Doc, start: int, end: int, phrases: Iterable[Sequence[str]]) -> bool:
    """Does tokens [start, end) lie inside one of `phrases` (lower-case token tuples) in `doc`?"""
    for phrase in phrases:
        k = len(phrase)
        for first in range(max(0, end - k), start + 1):
            if first + k > len(doc) or first + k < end:
                continue
            if all(doc[first + n].lower_ == phrase[n] for n in range(k)):
                return True
    return False


def if_anything_is_condition(doc: Doc, start: int, end: int) -> bool:
    """True for "if anything" starting a condition ("if anything happens"), not a hedge
    ("if anything, it got worse")."""
    words = [t.lower_ for t in doc[start:end]]
    if words != ["if", "anything"]:
        return False
    nxt = end
    while nxt < len(doc) and doc[nxt].is_space:
        nxt += 1
    if nxt >= len(doc):
        return False
    token = doc[nxt]
    return token.is_alpha and token.lower_ not in _COMPARATIVES and not (token.lower_.endswith("er") and len(token) > 4)


def prefixed(doc: Doc, start: int) -> bool:
    """Is the match starting at token `start` the second half of an anti-/non-/counter-/pro- word?"""
    if start < 2:
        return False
    hyphen, prefix = doc[start - 1], doc[start - 2]
    return (hyphen.text in ("-", "\u2010", "\u2011") and not hyphen.whitespace_ and not prefix.whitespace_
            and prefix.lower_ in PREFIXES)


def name_candidate(token: Token, headword: str) -> bool:
    """A capitalised (not all-caps) word matched by a lower-case entry: maybe a name."""
    text = token.text
    return headword[:1].islower() and text[:1].isupper() and not text.isupper()


def entity_tokens(doc: Doc, entities: Iterable[tuple[int, int]] = ()) -> set[int]:
    """Token indexes inside `doc.ents` or inside the given (start_char, end_char) ranges."""
    inside = {t.i for ent in doc.ents for t in ent}
    for start, end in entities:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            inside.update(t.i for t in span)
    return inside


class SentenceTagger:
    """Part-of-speech tags for a few tokens of an untagged doc, from the pipeline's own tagger run
    over just the sentences around them. `available` is False for pipelines without a tagger."""

    def __init__(self, nlp: Any) -> None:
        names = getattr(nlp, "component_names", ())
        self.available = all(name in names for name in TAG_COMPONENTS[1:]) and "tagger" in names
        self._nlp = nlp if self.available else None
        self.tagged_tokens = 0  # how many tokens were tagged (for measurement)

    def _window(self, doc: Doc, i: int) -> tuple[int, int]:
        start = i
        while start > 0 and i - start < WINDOW_TOKENS and not sentence_initial(doc, start):
            start -= 1
        end = i + 1
        while end < len(doc) and end - i < WINDOW_TOKENS and not sentence_initial(doc, end):
            end += 1
        return start, end

    def tag(self, doc: Doc, indexes: Iterable[int]) -> dict[int, str]:
        """Token index → Universal POS tag, for every index asked about (none when unavailable)."""
        wanted = sorted(set(indexes))
        if not wanted or self._nlp is None:
            return {}
        windows: list[list[int]] = []
        for i in wanted:
            a, b = self._window(doc, i)
            if windows and a <= windows[-1][1]:
                windows[-1][1] = max(windows[-1][1], b)
            else:
                windows.append([a, b])
        nlp = self._nlp
        spans = [(doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text)) for a, b in windows]
        docs = [nlp.make_doc(doc.text[s:e]) for s, e in spans]
        for name in TAG_COMPONENTS:
            if name in nlp.component_names:
                docs = list(nlp.get_pipe(name).pipe(docs))
        self.tagged_tokens += sum(len(d) for d in docs)
        tags: dict[int, str] = {}
        for (s, _e), window in zip(spans, docs):
            by_char = {s + t.idx: t.pos_ for t in window}
            for i in wanted:
                pos = by_char.get(doc[i].idx)
                if pos is not None:
                    tags.setdefault(i, pos)
        return tags


def pos_allows(pos: Sequence[str], tags: Iterable[str]) -> bool:
    """Does one of the match's token tags satisfy the entry's `pos=` list?"""
    accepted = frozenset().union(*(POS_ACCEPTS.get(p, frozenset()) for p in pos))
    return any(tag in accepted for tag in tags)


__all__ = [
    "BUILTIN_EXCEPTIONS", "PREFIXES", "SentenceTagger", "entity_tokens", "if_anything_is_condition",
    "in_exception", "name_candidate", "pos_allows", "prefixed", "sentence_initial",
]
