"""Compiled lexicons: find framing terms in a spaCy `Doc` without tagging or lemmatizing it.

Each term is expanded once, when the matcher is built, into its inflected forms
(`core.inflect`), every form is tokenized with the pipeline's own tokenizer, and the forms are
matched with `PhraseMatcher(attr="LOWER")`, so case never matters and hyphens or apostrophes
("so-called", "Beijing's") split exactly as they do in the text. Straight and curly apostrophes
are interchangeable. A term may run over a single line break or extra spaces ("wiped\\nout"),
but not over a blank line.

Where matches overlap the longest (in tokens) wins, then the earliest: the semantics of
`spacy.util.filter_spans`. When two terms produce the same form, the one whose own text it is
wins over an inflection of another, and otherwise the first in lexicon order.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NamedTuple

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from ..lexicons.inflect import inflect_word, inflection_positions
from ..lexicons.format import Category, Lexicon, Term

_APOSTROPHES = ("'", "\u2019")


class Match(NamedTuple):
    """A framing term found in a doc: char offsets into `doc.text`, the category id and the
    lexicon's own term text (its headword, not the inflected form)."""

    start_char: int
    end_char: int
    category_id: str
    term_text: str


def _apostrophe_variants(text: str) -> list[str]:
    if not any(a in text for a in _APOSTROPHES):
        return [text]
    return [text, text.replace("\u2019", "'"), text.replace("'", "\u2019")]


def _variants(doc: Doc) -> list[str]:
    """The term's inflected forms (as texts), given its tokenized base form."""
    words = [(i, t) for i, t in enumerate(doc) if t.is_alpha]
    if not words:
        return []
    positions = inflection_positions([t.text for _, t in words])
    texts = [t.text for t in doc]
    spaces = [t.whitespace_ for t in doc]
    out: list[str] = []
    for pos in positions:
        index, token = words[pos]
        for form in inflect_word(token.text)[1:]:
            parts = texts.copy()
            parts[index] = form
            out.append("".join(p + s for p, s in zip(parts, spaces)))
    return out


class LexiconMatcher:
    """Lexicons compiled for one pipeline's tokenizer and vocabulary.

    `nlp` is a spaCy `Language` (the usual case), a `Tokenizer`, or a bare `Vocab` (then the
    default tokenizer of `vocab.lang` is used). Docs passed to `find` must share its vocab.
    """

    def __init__(self, nlp: Any, lexicons: Sequence[Lexicon]) -> None:
        if isinstance(nlp, Vocab):
            import spacy

            tokenizer = spacy.blank(nlp.lang, vocab=nlp).tokenizer
            vocab = nlp
        elif hasattr(nlp, "tokenizer") and hasattr(nlp, "vocab"):
            tokenizer, vocab = nlp.tokenizer, nlp.vocab
        elif callable(nlp) and hasattr(nlp, "vocab"):
            tokenizer, vocab = nlp, nlp.vocab
        else:
            raise TypeError("LexiconMatcher needs a spaCy Language, Tokenizer or Vocab")
        self.vocab: Vocab = vocab
        self.lexicons: tuple[Lexicon, ...] = tuple(lexicons)
        self._tokenizer = tokenizer
        self._matcher = PhraseMatcher(vocab, attr="LOWER")
        self._labels: dict[int, tuple[str, str]] = {}  # match id → (category id, term text)
        self._terms: dict[tuple[str, str], Term] = {}  # (category id, term key) → entry
        self._categories: dict[str, Category] = {}
        self.pattern_count = 0
        self._compile()

    # ----------------------------------------------------------------------------- compiling

    def _compile(self) -> None:
        entries: list[tuple[str, Term]] = []  # (label, term) in lexicon order
        for li, lex in enumerate(self.lexicons):
            for cat in lex.categories:
                self._categories.setdefault(cat.id, cat)
                for term in cat.terms:
                    self._terms.setdefault((cat.id, term.text.casefold()), term)
                    label = f"framereader-lexicon\x1f{li}\x1f{cat.id}\x1f{term.text}"
                    self._labels[self.vocab.strings.add(label)] = (cat.id, term.text)
                    entries.append((label, term))

        # Base forms first, so a term's own text beats another term's inflection.
        base = [(label, term, v) for label, term in entries for v in _apostrophe_variants(term.text)]
        base_docs = list(self._tokenizer.pipe([text for _, _, text in base], batch_size=1000))
        inflected: list[tuple[str, str]] = []
        for (label, term, _), doc in zip(base, base_docs):
            if not term.exact:
                inflected += [(label, v) for form in _variants(doc) for v in _apostrophe_variants(form)]
        inflected_docs = self._tokenizer.pipe([text for _, text in inflected], batch_size=1000)
        labels = [label for label, _, _ in base] + [label for label, _ in inflected]

        patterns: dict[str, list[Doc]] = {}
        seen: set[tuple[str, ...]] = set()
        for label, doc in zip(labels, [*base_docs, *inflected_docs]):
            key = tuple(t.lower_ for t in doc if not t.is_space)
            if not key or key in seen:
                continue
            seen.add(key)
            words = list(key)
            patterns.setdefault(label, []).append(Doc(self.vocab, words=words))
        for label, docs in patterns.items():
            self._matcher.add(label, docs)
            self.pattern_count += len(docs)

    # ------------------------------------------------------------------------------ matching

    def find(self, doc: Doc | str) -> list[Match]:
        """The framing terms in `doc`, sorted by position, never overlapping."""
        if isinstance(doc, str):
            doc = self._tokenizer(doc)
        target, index = _without_soft_space(doc)
        found = self._matcher(target)
        # filter_spans: longest first, then earliest; keep those that do not overlap.
        found.sort(key=lambda m: (-(m[2] - m[1]), m[1]))
        taken: set[int] = set()
        kept: list[tuple[int, int, int]] = []
        for match_id, start, end in found:
            if any(i in taken for i in range(start, end)):
                continue
            taken.update(range(start, end))
            kept.append((match_id, start, end))
        kept.sort(key=lambda m: m[1])
        out: list[Match] = []
        for match_id, start, end in kept:
            first, last = doc[index[start]], doc[index[end - 1]]
            cat_id, term_text = self._labels[match_id]
            out.append(Match(first.idx, last.idx + len(last.text), cat_id, term_text))
        return out

    __call__ = find

    # ------------------------------------------------------------------------------- look-up

    def lookup(self, term_text: str, category_id: str) -> Term | None:
        """The lexicon entry behind a match (note and neutral alternative, for tooltips)."""
        return self._terms.get((category_id, term_text.casefold()))

    def category(self, category_id: str) -> Category | None:
        """The category with this id (from the first lexicon that has it)."""
        return self._categories.get(category_id)

    @property
    def term_count(self) -> int:
        """How many terms were compiled."""
        return len(self._labels)


def _without_soft_space(doc: Doc) -> tuple[Doc, list[int]]:
    """`doc` minus whitespace tokens holding at most one line break (so a term may wrap onto
    the next line), and the index of each kept token in `doc`."""
    if not any(t.is_space for t in doc):
        return doc, list(range(len(doc)))
    index = [t.i for t in doc if not (t.is_space and t.text.count("\n") <= 1)]
    words = [doc[i].text for i in index]
    return Doc(doc.vocab, words=words), index
