"""Descriptors: the words a text attaches to each named-entity mention.

`extract_descriptors` reads the dependency parse of a spaCy `Doc` (tagger + parser + lemmatizer,
with `doc.ents` set) and returns, for every entity mention, the words that describe it:

- ``amod``     adjectival modifiers of the mention ("the reckless Holloway" → reckless), also the
               adjectives on a noun that describes it ("Putin, a ruthless autocrat" → ruthless);
- ``title``    titles and honorifics in front of a person, whether the NER left them outside the
               span or not ("President Holloway" → president, "Prime Minister X" → prime minister);
- ``compound`` a noun naming the actor in front of the name ("Kremlin spokesman Peskov" →
               spokesman for Peskov), and the noun a mention modifies only when that noun names
               the actor's own rule in a framing word ("the Assad regime" → regime; not a
               neutral "government"); other nouns a mention
               modifies are not about the actor ("EU countries", "an EU medal", "Kremlin
               spokesman" for the Kremlin, "Russian aggression" give nothing);
- ``appos``    the head noun of an apposition, either way round ("Holloway, a former general" →
               general; "the authoritarian leader Putin" → leader);
- ``poss``     a noun for the actor's own rule that the mention possesses ("Holloway's regime"
               → regime); other possessed nouns say nothing about it ("Holloway's campaign",
               "Kestria's prime minister" give nothing, nor do their adjectives);
  (adjectives on an apposition, predicate, possessed or modified noun count as ``amod`` of the
  mention: "Putin's brutal regime" → brutal);
- ``copula``   a predicate after be/become/seem… ("Holloway is a pragmatist" → pragmatist,
               "Holloway is reckless" → reckless).

A title of several words is one descriptor, inside the name or not ("Assistant Chief [Constable
Helen Young]" → assistant chief constable; "chief financial officer"), and forms of address are
none ("Mr", "Dr", "Lady", "Father"); a describing noun keeps its noun modifiers ("a powder keg"
→ powder keg). Nothing comes from another noun: an apposition that is someone else's ("Halden,
whose director, …") or comments on the whole clause ("on the M25, a sentence the group
described as …") describes nothing, and "central London" says where, not what. Adjectives
keep their form ("best", not the lemma "good").

A hyphenated modifier is one word ("anti-communist Germany" → anti-communist). A negated
predicate is kept with `negated=True` ("Holloway is not a pragmatist", "never embarrassed", "no
pragmatist"), so views show "not pragmatist" rather than the opposite of what the text says.

Stop words, pronouns, determiners, numbers, punctuation and words inside other entities are never
descriptors. Offsets are character offsets into the doc text plus `offset` (analysis parses long
texts in chunks). Pure Python over spaCy; no Qt.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Doc, Span, Token

from ..model import Descriptor

#: Words that can be (the head of) a title in front of a name.
TITLE_WORDS = frozenset(
    """
    president minister premier chancellor secretary senator sen governor gov mayor general gen
    colonel col lieutenant lt major maj captain capt sergeant sgt commander admiral marshal
    ambassador envoy judge justice king queen prince princess emperor empress pope cardinal
    bishop archbishop rabbi imam sheikh ayatollah sultan emir tsar czar dr doctor professor prof
    mr mrs ms miss mx sir dame lord lady rev reverend father sister brother speaker chairman
    chairwoman chair representative rep congressman congresswoman councillor councilman
    commissioner director ceo chief leader inspector detective officer agent deputy executive
    constable superintendent sheriff spokesman spokeswoman spokesperson attorney manager
    """.split()
)
#: Titles that are only forms of address ("Mr", "Dr", "Lady", "Father"): they say nothing
#: about the actor a reader would weigh, so they are never descriptors.
HONORIFICS = frozenset("mr mrs ms miss mx mister madam dr sir dame lady lord rev reverend fr father".split())
#: Words that may precede a title word inside the title phrase ("former prime minister").
TITLE_MODIFIERS = frozenset(
    """
    former ex acting interim deputy vice prime foreign defence defense interior finance home
    health justice attorney first lord supreme chief general grand crown late outgoing incoming
    then current assistant associate senior executive financial operating medical managing
    technical principal shadow state district county city police union party opposition labour
    education environment transport treasury trade energy culture junior
    """.split()
)
#: Adjectives that place a place within a larger one ("central London", "northern Chile"):
#: they say where, not what the text makes of the place.
PLACE_ADJECTIVES = frozenset(
    """
    central northern southern eastern western north south east west northeastern northwestern
    southeastern southwestern greater inner outer upper lower downtown upstate rural coastal
    """.split()
)
#: Verbs that link a subject to a predicate describing it.
COPULAS = frozenset({"be", "become", "remain", "seem", "appear", "stay", "look", "sound", "prove"})
#: Dependency labels of copular predicates.
PREDICATE_DEPS = frozenset({"attr", "acomp", "oprd"})
#: Nouns for an actor's rule that frame it: "the Assad regime", "Holloway's regime" say what the
#: text makes of the ruler; a neutral "government" or "administration" says nothing of it.
NAMING_HEADS = frozenset({"regime", "junta", "dictatorship", "clique", "tyranny"})
#: Words that negate a predicate ("not", "never", "no pragmatist").
NEGATIONS = frozenset({"not", "n't", "never", "no", "nor"})
#: Parts of speech that never make a descriptor.
SKIP_POS = frozenset({"PRON", "DET", "PUNCT", "SPACE", "NUM", "SYM", "CCONJ", "SCONJ", "ADP", "PART", "X"})


def _clean(word: str) -> str:
    return word.strip(".").lower()


def _word(token: Token) -> str:
    """Lower-case lemma for nouns (one "regime" for "regimes"); lower-case text otherwise (keeps
    "embattled", and "best" is not "good")."""
    if token.pos_ == "NOUN" and token.lemma_ and token.lemma_ != "-PRON-":
        return token.lemma_.lower()
    return token.lower_


def _is_title(token: Token) -> bool:
    return _clean(token.text) in TITLE_WORDS


class _Collector:
    """Builds descriptors for one doc, skipping duplicates and non-descriptive tokens."""

    def __init__(self, doc: Doc, offset: int) -> None:
        self.doc = doc
        self.offset = offset
        self.in_entity = [False] * len(doc)
        for ent in doc.ents:
            for i in range(ent.start, ent.end):
                self.in_entity[i] = True
        self.has_sents = doc.has_annotation("SENT_START") or doc.has_annotation("DEP")
        self.found: list[Descriptor] = []
        self.seen: set[tuple[int, int, int, int]] = set()

    def usable(self, token: Token) -> bool:
        # A capital inside a sentence makes a word part of a name ("Rio Grande", a dateline's
        # "(State Capitol News)"), not a word about one; titles and hyphenated words aside
        # ("Secretary", "Harvard-educated").
        capitalised = (token.text[:1].isupper() and not token.is_sent_start and not _is_title(token)
                       and "-" not in token.text)
        return not (
            capitalised
            or token.is_stop
            or token.pos_ in SKIP_POS
            or token.like_num
            or token.is_punct
            or token.is_space
            or self.in_entity[token.i]
            or not any(ch.isalpha() for ch in token.text)
        )

    def add(self, ent: Span, first: Token, last: Token, relation: str, word: str | None = None,
            negated: bool = False) -> None:
        start, end = first.idx, last.idx + len(last)
        key = (ent.start_char, ent.end_char, start, end)
        if key in self.seen:
            return
        self.seen.add(key)
        if self.has_sents:
            sentence = first.sent
            s_start, s_end = sentence.start_char, sentence.end_char
        else:
            s_start, s_end = 0, len(self.doc.text)
        o = self.offset
        self.found.append(
            Descriptor(
                word=word if word is not None else _word(first),
                relation=relation,  # type: ignore[arg-type]
                mention_start=ent.start_char + o,
                mention_end=ent.end_char + o,
                start=start + o,
                end=end + o,
                sentence_start=s_start + o,
                sentence_end=s_end + o,
                negated=negated,
            )
        )

    def add_token(self, ent: Span, token: Token, relation: str, negated: bool = False) -> None:
        first, last = _hyphenated(token)
        if first.i == last.i:
            if self.usable(token):
                self.add(ent, token, token, relation, negated=negated)
            return
        run = token.doc[first.i : last.i + 1]
        if any(self.in_entity[t.i] for t in run) or not any(self.usable(t) for t in run):
            return
        self.add(ent, first, last, relation, run.text.lower(), negated=negated)


def _hyphenated(token: Token) -> tuple[Token, Token]:
    """The first and last token of the hyphenated word holding `token` ("anti-communist")."""
    doc = token.doc
    first = last = token
    while first.i > 0:
        before = doc[first.i - 1]
        if before.whitespace_ or not (before.text == "-" or first.text == "-"):
            break
        first = before
    while last.i + 1 < len(doc):
        after = doc[last.i + 1]
        if last.whitespace_ or not (after.text == "-" or last.text == "-"):
            break
        last = after
    if first.text == "-" or last.text == "-":
        return token, token
    return first, last


def _with_conjuncts(token: Token) -> Iterator[Token]:
    """`token` and the words coordinated with it ("reckless and arrogant")."""
    yield token
    for child in token.children:
        if child.dep_ == "conj" and child.pos_ == token.pos_:
            yield from _with_conjuncts(child)


def _titles(c: _Collector, ent: Span) -> None:
    """The title phrase in front of a person, partly outside the mention and partly inside it
    or not ("Assistant Chief [Constable Helen Young]" → assistant chief constable), as one
    descriptor without forms of address ("Mr", "Dr", "Father")."""
    doc = ent.doc
    # Titles the NER put inside the span ("President Holloway" as one entity).
    i = ent.start
    while i < ent.end - 1 and (_is_title(doc[i]) or (_clean(doc[i].text) in TITLE_MODIFIERS)):
        i += 1
    inside = [t for t in doc[ent.start : i]]
    while inside and not _is_title(inside[-1]):
        inside.pop()
    # Titles outside the span, walking left within the sentence.
    j = ent.start - 1
    phrase: list[Token] = []
    while j >= 0 and not (c.has_sents and doc[j].is_sent_end):
        token = doc[j]
        if c.in_entity[j]:
            break
        word = _clean(token.text)
        if word in TITLE_WORDS or (phrase and word in TITLE_MODIFIERS):
            phrase.insert(0, token)
            j -= 1
            continue
        break
    if inside and (not phrase or not _is_title(phrase[-1])):
        phrase = []
    words = phrase + inside
    while len(words) > 1 and _clean(words[0].text) in HONORIFICS:  # "Dr" of "Dr Chief Medical Officer"
        words.pop(0)
    if words and _is_title(words[-1]) and not all(_clean(t.text) in HONORIFICS for t in words):
        c.add(ent, words[0], words[-1], "title", " ".join(_clean(t.text) for t in words))


def _describe(c: _Collector, ent: Span) -> None:
    if ent.label_ == "PERSON":
        _titles(c, ent)
    if not c.doc.has_annotation("DEP"):
        return
    root = ent.root
    inside = range(ent.start, ent.end)

    def outside(token: Token) -> bool:
        return token.i not in inside

    # Modifiers on any token of the mention: amod, compound, appos children.
    for token in ent:
        for child in token.children:
            if not outside(child):
                continue
            if child.dep_ == "amod":
                if ent.label_ in ("GPE", "LOC", "FAC") and _clean(child.text) in PLACE_ADJECTIVES:
                    continue  # "central London" says where, not what
                for word in _with_conjuncts(child):
                    c.add_token(ent, word, "amod")
            elif (child.dep_ == "compound" and not _is_title(child) and child.i < ent.start
                  and child.text[:1].islower()):  # "Kremlin spokesman Peskov"; not a headline's "a Test Europe"
                c.add_token(ent, child, "compound")
            elif child.dep_ == "appos" and token.i == root.i and not _about_something_else(child):
                _noun_description(c, ent, child, "appos")

    head = root.head
    if head.i != root.i and outside(head):
        # The mention modifies a noun: "Holloway's regime", "the Assad regime" (not "EU countries").
        if root.dep_ == "poss" and head.pos_ == "NOUN" and head.lemma_.lower() in NAMING_HEADS:
            # "Holloway's regime" names his rule; "Holloway's campaign" says nothing of him.
            _noun_description(c, ent, head, "poss")
        elif root.dep_ in ("compound", "amod", "nmod") and head.pos_ == "NOUN" and head.lemma_.lower() in NAMING_HEADS:
            _noun_description(c, ent, head, "compound")
        elif root.dep_ == "appos" and head.pos_ in ("NOUN", "PROPN"):
            # "the authoritarian leader Putin": Putin is an apposition of leader.
            _noun_description(c, ent, head, "appos")

    # Copular predicates; coordinated subjects share them ("Putin and Biden are reckless").
    subject = root
    while subject.dep_ == "conj" and subject.head.i != subject.i:
        subject = subject.head
    verb = subject.head
    whose = any(_about_something_else(child) for child in root.children if child.dep_ == "appos")
    if (subject.dep_ in ("nsubj", "nsubjpass") and verb.lemma_.lower() in COPULAS and verb.pos_ in ("AUX", "VERB")
            and not whose):  # "Halden, whose director had been his best man": the director was
        negated = any(child.dep_ == "neg" or child.lower_ in NEGATIONS for child in verb.children)
        for child in verb.children:
            if child.dep_ in PREDICATE_DEPS:
                for predicate in _with_conjuncts(child):
                    no = negated or any(g.lower_ in NEGATIONS and g.i < predicate.i for g in predicate.children)
                    if predicate.pos_ in ("NOUN", "PROPN"):
                        _noun_description(c, ent, predicate, "copula", no)
                    else:
                        c.add_token(ent, predicate, "copula", no)


def _about_something_else(noun: Token) -> bool:
    """An apposition that is not about the name before it: someone else's ("Halden, whose
    director, …"; "Holloway, his ally") or a comment on the whole clause, with a subject of
    its own ("a protest on the M25, a sentence the group described as …")."""
    if any(child.dep_ == "poss" and child.pos_ in ("PRON", "DET") for child in noun.children):
        return True
    return any(child.dep_ == "relcl" and any(g.dep_ in ("nsubj", "nsubjpass") and g.lower_ not in ("who", "which", "that")
                                              and g.pos_ != "PRON" for g in child.children)
               for child in noun.children)


def _compound_start(c: _Collector, noun: Token) -> Token:
    """The first word of the noun phrase a describing noun heads, without its adjectives: a
    title keeps its modifiers ("Kestria's prime minister" → prime minister, "chief financial
    officer"), any noun its noun modifiers ("a powder keg" → powder keg, "truck driver")."""
    first = noun
    while first.i > 0 and not c.in_entity[first.i - 1]:
        before = first.nbor(-1)
        word = _clean(before.text)
        as_title = _is_title(noun) and (word in TITLE_MODIFIERS or word in TITLE_WORDS) and before.pos_ in ("ADJ", "NOUN", "PROPN")
        as_noun = (before.dep_ == "compound" and before.head.i >= first.i and before.pos_ == "NOUN"
                   and before.text[:1].islower() and c.usable(before))
        if not (as_title or as_noun):
            break
        first = before
    return first


def _noun_description(c: _Collector, ent: Span, noun: Token, relation: str, negated: bool = False) -> None:
    """A describing noun (apposition or predicate) with its noun modifiers, plus the adjectives
    on it."""
    if c.in_entity[noun.i]:
        return
    first = _compound_start(c, noun)
    if first.i < noun.i:
        phrase = " ".join([_clean(t.text) for t in noun.doc[first.i : noun.i]] + [_word(noun)])
        c.add(ent, first, noun, relation, phrase, negated=negated)
    else:
        c.add_token(ent, noun, relation, negated)
    for child in noun.children:
        if first.i <= child.i < noun.i:
            continue
        if child.dep_ == "amod":
            for word in _with_conjuncts(child):
                c.add_token(ent, word, "amod", negated)


def extract_descriptors(doc: Doc, offset: int = 0) -> list[Descriptor]:
    """Descriptors of every mention in `doc.ents`, in text order of mention then descriptor.

    `doc` should have been processed with a tagger, parser and lemmatizer; without a dependency
    parse only titles in front of names are found. Offsets are `doc` char offsets + `offset`.
    """
    collector = _Collector(doc, offset)
    for ent in doc.ents:
        _describe(collector, ent)
    return sorted(collector.found, key=lambda d: (d.mention_start, d.start, d.end, d.relation))


def descriptors_for(descriptors: Iterable[Descriptor], start: int, end: int) -> list[Descriptor]:
    """The descriptors of the mention at [start, end)."""
    return [d for d in descriptors if d.mention_start == start and d.mention_end == end]
