"""Compiled lexicons: find framing terms in a spaCy `Doc` without tagging or lemmatizing it.

Each entry is expanded once, when the matcher is built, into its word family
(`core.lexicons.families`: inflections, `also=` derivations, spellings, compounds), every form is
tokenized with the pipeline's own tokenizer, and the forms are matched on the lower-case token
texts (a word trie: the same matches as `PhraseMatcher(attr="LOWER")`, without building a `Doc`
per form), so case never matters and hyphens or apostrophes ("so-called", "Beijing's") split
exactly as they do in the text. Straight and curly apostrophes are
interchangeable. A term may run over a single line break or extra spaces ("wiped\\nout"), but
not over a blank line.

Candidates then pass the guards (`core.nlp.guards`: exceptions, prefixes, names, parts of
speech; only the sentences that need a tag are tagged), the finding rules add theirs
(`core.nlp.rules`), and where matches overlap the longest (in words) wins, then the earliest,
then a lexicon entry over a rule: the semantics of `spacy.util.filter_spans`. When two entries
produce the same form, the one whose own text it is wins over another's generated form, and
otherwise the first in lexicon order. The post rules (so-called X, intensifier + adjective,
negation) run last.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple

from spacy.tokens import Doc
from spacy.vocab import Vocab

from ..lexicons.families import headword_and_declared_forms
from ..lexicons.format import LOADED, Category, Lexicon, Term
from . import context_guards, guards
from .rules import ALL_RULES, DEFAULT_RULES, FINDERS, Found, post_process

_APOSTROPHES = ("'", "\u2019")


class Match(NamedTuple):
    """A framing term found in a doc: char offsets into `doc.text`, the category id, the
    lexicon's own term text (its headword, not the inflected form) or what a rule found, the
    rule that made or changed the span ("" for a plain lexicon entry) and whether a negation
    comes just before it."""

    start_char: int
    end_char: int
    category_id: str
    term_text: str
    rule: str = ""
    negated: bool = False


class _Entry(NamedTuple):
    category_id: str
    term: Term
    exceptions: tuple[context_guards.EntryException, ...]  # the except= phrases, as tokens
    pos: tuple[str, ...]  # the term's pos= for its headword forms, () for its also= forms


def _apostrophe_variants(words: tuple[str, ...]) -> list[tuple[str, ...]]:
    if not any(a in w for w in words for a in _APOSTROPHES):
        return [words]
    return [words, tuple(w.replace("\u2019", "'") for w in words), tuple(w.replace("'", "\u2019") for w in words)]


class LexiconMatcher:
    """Lexicons compiled for one pipeline's tokenizer and vocabulary.

    `nlp` is a spaCy `Language` (the usual case; its tagger serves the guards), a `Tokenizer`,
    or a bare `Vocab` (then the default tokenizer of `vocab.lang` is used). Docs passed to `find`
    must share its vocab. `rules` is the set of guard and rule ids that are on
    (`core.nlp.rules.ALL_RULES`; default all).
    """

    def __init__(self, nlp: Any, lexicons: Sequence[Lexicon], rules: Iterable[str] = DEFAULT_RULES) -> None:
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
        self.rules = frozenset(rules)
        unknown = self.rules - ALL_RULES
        if unknown:
            raise ValueError(f"unknown framing rules: {', '.join(sorted(unknown))}")
        self.vocab: Vocab = vocab
        self.lexicons: tuple[Lexicon, ...] = tuple(lexicons)
        self._tokenizer = tokenizer
        self._tagger = guards.SentenceTagger(nlp)
        self._official: context_guards.OfficialPhrases | None = None
        self._trie: dict[str, list] = {}  # word → [child trie, entry index or -1]
        self._entries: list[_Entry] = []
        self._terms: dict[tuple[str, str], Term] = {}  # (category id, term key) → entry
        self._categories: dict[str, Category] = {}
        self.pattern_count = 0
        #: What the guards and rules did (for measurement): dropped/added counts, tagged tokens.
        self.stats: Counter[str] = Counter()
        self._compile()

    # ----------------------------------------------------------------------------- compiling

    def _tokens(self, text: str, cache: dict[str, tuple[str, ...]], special: Any) -> tuple[str, ...]:
        out: list[str] = []
        for piece in text.split():
            words = cache.get(piece)
            if words is None:
                if piece.isalpha() and piece not in special and piece.lower() not in special:
                    words = (piece.lower(),)
                else:
                    words = tuple(t.lower_ for t in self._tokenizer(piece) if not t.is_space)
                cache[piece] = words
            out.extend(words)
        return tuple(out)

    def _compile(self) -> None:
        cache: dict[str, tuple[str, ...]] = {}
        special = getattr(self._tokenizer, "rules", None) or {}
        self._official = context_guards.OfficialPhrases(lambda text: self._tokens(text, cache, special))
        for lex in self.lexicons:
            for cat in lex.categories:
                self._categories.setdefault(cat.id, cat)
                for term in cat.terms:
                    self._terms.setdefault((cat.id, term.text.casefold()), term)
                    own = self._tokens(term.text, cache, special)
                    exceptions = tuple(context_guards.entry_exception(self._tokens(p, cache, special), own)
                                       for p in term.exceptions)
                    self._entries += [_Entry(cat.id, term, exceptions, term.pos), _Entry(cat.id, term, exceptions, ())]

        # Own texts first, so a term's own text beats another term's generated forms; then the
        # first entry (in lexicon order) that produces a form keeps it. Entries come in pairs:
        # headword forms (pos= applies), then declared also= forms (it does not).
        for tier in (0, 1):
            for number in range(0, len(self._entries), 2):
                term = self._entries[number].term
                generated, declared = headword_and_declared_forms(term) if tier else ((term.text,), ())
                for offset, texts in ((0, generated), (1, declared)):
                    for text in texts:
                        for key in _apostrophe_variants(self._tokens(text, cache, special)):
                            if key and self._insert(key, number + offset):
                                self.pattern_count += 1

    def _insert(self, words: tuple[str, ...], entry: int) -> bool:
        """Add one form to the trie; False when an earlier entry already has it."""
        node: dict[str, list] = self._trie
        for word in words[:-1]:
            node = node.setdefault(word, [{}, -1])[0]
        slot = node.setdefault(words[-1], [{}, -1])
        if slot[1] >= 0:
            return False
        slot[1] = entry
        return True

    def _matches(self, words: list[str]) -> Iterable[tuple[int, int, int]]:
        """(entry index, start, end) of every form found in `words`, overlapping ones too."""
        trie = self._trie
        n = len(words)
        for start in range(n):
            slot = trie.get(words[start])
            end = start + 1
            while slot is not None:
                if slot[1] >= 0:
                    yield slot[1], start, end
                if end >= n:
                    break
                slot = slot[0].get(words[end])
                end += 1

    # ------------------------------------------------------------------------------ matching

    def find(self, doc: Doc | str) -> list[Match]:
        """The framing terms in `doc`, sorted by position, never overlapping (`doc.ents`, when
        set, serve the name guard)."""
        if isinstance(doc, str):
            doc = self._tokenizer(doc)
        lowers = [t.lower_ for t in doc]
        words, index = _without_soft_space(lowers)
        found_entries: list[tuple[int, Found, _Entry]] = []  # (length in words, candidate, entry)
        for number, start, end in self._matches(words):
            entry = self._entries[number]
            found = Found(index[start], index[end - 1] + 1, entry.category_id, entry.term.text)
            found_entries.append((end - start, found, entry))
        candidates = self._guarded(doc, lowers, found_entries)
        for rule, finder in FINDERS.items():
            if rule in self.rules:
                for found in finder(doc, lowers, self._pick):
                    self.stats[rule] += 1
                    candidates.append((sum(1 for t in doc[found.start:found.end] if not t.is_space), found))
        # filter_spans: longest first, then earliest, then entries before rules.
        candidates.sort(key=lambda c: (-c[0], c[1].start, c[1].rule != ""))
        taken: set[int] = set()
        kept: list[Found] = []
        for _length, found in candidates:
            if any(i in taken for i in range(found.start, found.end)):
                continue
            taken.update(range(found.start, found.end))
            kept.append(found)
        kept.sort(key=lambda f: f.start)
        kept = post_process(doc, kept, self.rules, self._is_loaded)
        out: list[Match] = []
        for f in kept:
            first, last = doc[f.start], doc[f.end - 1]
            out.append(Match(first.idx, last.idx + len(last.text), f.category_id, f.term_text, f.rule, f.negated))
        return out

    __call__ = find

    def _pick(self, category_id: str) -> str | None:
        return category_id if category_id in self._categories else None

    def _is_loaded(self, category_id: str) -> bool:
        category = self._categories.get(category_id)
        return category is not None and category.group == LOADED

    def _guarded(
        self, doc: Doc, lowers: list[str], candidates: list[tuple[int, Found, _Entry]]
    ) -> list[tuple[int, Found]]:
        """The candidates that pass the switched-on guards (see `core.nlp.guards` and
        `core.nlp.context_guards`)."""
        on = self.rules
        kept: list[tuple[int, Found]] = []
        ents: dict[int, str] | None = None
        context = context_guards.DocContext(doc, lowers, on, self._official, self.stats)
        need_tags: list[tuple[int, Found, tuple[str, ...], bool]] = []  # (length, candidate, pos, name check?)
        for length, found, entry in candidates:
            term = entry.term
            if "guard.except" in on and (
                context_guards.in_entry_exception(lowers, found.start, found.end, entry.exceptions)
                or guards.in_exception(lowers, found.start, found.end, guards.BUILTIN_EXCEPTIONS)
                or (lowers[found.start] == "if" and guards.if_anything_is_condition(doc, found.start, found.end))
            ):
                self.stats["guard.except"] += 1
                continue
            if "guard.prefix" in on and guards.prefixed(doc, found.start):
                self.stats["guard.prefix"] += 1
                continue
            if context.official(found):
                continue
            name_check = False
            if "guard.name" in on and guards.name_candidate(doc[found.start], term.text):
                if ents is None:
                    ents = guards.entity_labels(doc)
                title = guards.title_case_context(doc, found.start)
                label = ents.get(found.start)
                if label is not None and (not title or label in guards.NAME_LABELS):
                    self.stats["guard.name"] += 1
                    continue
                name_check = not title and not guards.sentence_initial(doc, found.start)
            if not name_check and context.known_name(found, term.text):
                continue
            pos = entry.pos if "guard.pos" in on else ()
            if name_check or pos:
                need_tags.append((length, found, pos, name_check))
            else:
                kept.append((length, found))
        if need_tags:
            wanted = [i for _l, f, _t, _n in need_tags for i in range(f.start, f.end) if doc[i].is_alpha]
            tags = self._tagger.tag(doc, wanted)
            self.stats["tagged_tokens"] = self._tagger.tagged_tokens
            for length, found, pos, name_check in need_tags:
                if name_check and tags.get(found.start) == "PROPN":
                    self.stats["guard.name"] += 1
                    continue
                tagged = [(doc[i].text, tags[i]) for i in range(found.start, found.end) if i in tags]
                if pos and tagged and not guards.pos_allows(pos, tagged):
                    self.stats["guard.pos"] += 1
                    continue
                kept.append((length, found))
        return context.attribution(kept)

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
        return len(self._entries) // 2


def _without_soft_space(lowers: list[str]) -> tuple[list[str], list[int]]:
    """The doc's lower-case token texts minus whitespace tokens holding at most one line break
    (so a term may wrap onto the next line), and the index of each kept token in the doc."""
    index = [i for i, w in enumerate(lowers) if not (w.isspace() and w.count("\n") <= 1)]
    if len(index) == len(lowers):
        return lowers, index
    return [lowers[i] for i in index], index
