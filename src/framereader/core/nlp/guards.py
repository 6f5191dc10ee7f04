"""Guards: reasons not to mark a lexicon match. Each guard is a small function with an id, so
it can be switched off (see `core.nlp.rules.DEFAULT_RULES`) and measured (`make quality`).

* `guard.except`: the match lies inside one of the entry's `except=` phrases or a built-in
  exception ("almost certainly"; "if anything" used as a condition: "if anything happens").
* `guard.prefix`: the word is the second half of an anti-/non-/counter-/pro- compound
  ("racist" in "anti-racist" is not marked).
* `guard.name`: a capitalised word for a lower-case entry that lies inside a named entity, or
  (not at the start of a sentence) that the tagger calls a proper noun ("Shams" is a name, not
  the plural of "sham"). In a Title Case line (a headline) capitals say nothing, so there only
  person and place entities count.
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
#: Tokens of context on each side (within the sentence): the small pipelines' tagger sees about
#: four tokens either way, so a dozen gives the tags a whole-sentence run would.
WINDOW_TOKENS = 12


def sentence_initial(doc: Doc, i: int) -> bool:
    """Is token `i` the first word of a sentence, line or quotation (no parse needed)?"""
    j = i - 1
    while j >= 0 and doc[j].is_space and "\n" not in doc[j].text:
        j -= 1
    if j < 0:
        return True
    prev = doc[j]
    return prev.is_space or prev.text in _SENTENCE_END


def in_exception(lowers: Sequence[str], start: int, end: int, phrases: Iterable[Sequence[str]]) -> bool:
    """Do tokens [start, end) lie inside one of `phrases` (lower-case token tuples)? `lowers`
    are the doc's lower-case token texts."""
    for phrase in phrases:
        k = len(phrase)
        for first in range(max(0, end - k), start + 1):
            if first + k > len(lowers) or first + k < end:
                continue
            if all(lowers[first + n] == phrase[n] for n in range(k)):
                return True
    return False


def if_anything_is_condition(doc: Doc, start: int, end: int) -> bool:
    """True for "if anything" starting a condition ("if anything happens"), not a hedge
    ("if anything, it got worse")."""
    if end - start != 2 or doc[start].lower_ != "if" or doc[start + 1].lower_ != "anything":
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


#: Entity labels that still mark a name inside a headline or other Title Case line.
NAME_LABELS = frozenset({"PERSON", "GPE", "LOC", "FAC"})
_MINOR = frozenset({"a", "an", "the", "and", "or", "of", "to", "in", "on", "at", "for", "with", "by", "as", "is",
                    "are", "was", "from", "but", "vs"})


def entity_labels(doc: Doc) -> dict[int, str]:
    """Token index → entity label, for the tokens inside `doc.ents`."""
    return {t.i: ent.label_ for ent in doc.ents for t in ent}


def title_case_context(doc: Doc, i: int, reach: int = 4) -> bool:
    """Are the words around token `i` on its line mostly capitalised (a headline, a title, a
    signature), so that a capital letter says nothing about a name?"""
    words: list[Token] = []
    for step in (-1, 1):
        j, seen = i + step, 0
        while 0 <= j < len(doc) and seen < reach and "\n" not in doc[j].text:
            token = doc[j]
            if token.is_alpha and token.lower_ not in _MINOR:
                words.append(token)
                seen += 1
            j += step
    if len(words) < 2:
        return False
    capitalised = sum(1 for t in words if t.text[:1].isupper())
    return capitalised * 4 >= len(words) * 3


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
        text = doc.text  # (built anew on every access: once here)
        spans = [(doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text)) for a, b in windows]
        docs = [nlp.make_doc(text[s:e]) for s, e in spans]
        for name in TAG_COMPONENTS:
            if name in nlp.component_names:
                docs = list(nlp.get_pipe(name).pipe(docs))
        self.tagged_tokens += sum(len(d) for d in docs)
        by_char: dict[int, str] = {}
        for (s, _e), window in zip(spans, docs):
            for t in window:
                by_char.setdefault(s + t.idx, t.pos_)
        tags: dict[int, str] = {}
        for i in wanted:
            pos = by_char.get(doc[i].idx)
            if pos is not None:
                tags[i] = pos
        return tags


def pos_allows(pos: Sequence[str], tagged: Iterable[tuple[str, str]]) -> bool:
    """Does one of the match's (word, tag) pairs satisfy the entry's `pos=` list? A participle
    tagged as an adjective ("gushing praise", "doctored photos") counts as the verb."""
    accepted = frozenset().union(*(POS_ACCEPTS.get(p, frozenset()) for p in pos))
    for word, tag in tagged:
        if tag in accepted:
            return True
        if tag == "ADJ" and "verb" in pos and word.lower().endswith(("ing", "ed", "en")):
            return True
    return False


__all__ = [
    "BUILTIN_EXCEPTIONS", "NAME_LABELS", "PREFIXES", "SentenceTagger", "entity_labels", "if_anything_is_condition",
    "in_exception", "name_candidate", "pos_allows", "prefixed", "sentence_initial", "title_case_context",
]
