"""Who does what to whom: verb roles of entity mentions and passive clauses, from the parse.

`extract_agency(doc, offset)` reads the dependency parse of a spaCy `Doc` (with `doc.ents` set)
and returns `Role`s and `Passive`s (see `core.model`):

- **agent**: the active subject ("Russia bombed the town"), the by-agent of a passive ("the
  unrest was stoked by the ministry"); **patient**: the direct object, the passive subject ("the
  embassy was being stormed"). Coordinated verbs share their subject (and a right-shared object:
  "Russia bombed and occupied Kharkiv" gives Russia two agent roles and Kharkiv two patient
  roles); coordinated arguments share the verb; `xcomp` verbs take the subject of the verb they
  complete ("Russia tried to seize the town"); a relative clause's pronoun stands for the noun it
  modifies ("Russia, which invaded Ukraine"; "the town that Russia shelled"); a reduced relative
  participle is a passive of its noun ("the town shelled by Russia").
- An argument is an entity mention; a pronoun (he/she/it/they and their object and possessive
  forms; resolved later, against the comparison's actors, by `core.compare`); or a group noun
  such as troops/government whose possessor or modifier is one ("Valdorian troops", "its forces").
- A verb the text denies is no one's act (`not_done`: "did not respond", "had never visited",
  "refused to call in", "left without answering"); a relative clause that reports someone
  else's words gives its pronoun to the reported clause, not to the reporting verb ("Hayes,
  who police say had a gun": Hayes does not say). Verbs show as words (`core.nlp.lemmas`:
  "install", not the lemmatizer's "instal").
- **passives**: every passive clause, with its by-agent's text or None ("civilians were killed").

`add_structure(analysis, pipeline)` parses only the sentences that need it (an actor, a passive
cue, or a pronoun after an actor), in runs of consecutive sentences batched through
`nlp.pipe`, and adds descriptors, roles and passives to the analysis in one pass; it is
cancellable between batches (about 8,000 characters).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..segments import paragraph_ranges, sentence_ranges
from ..kinds import NON_ACTOR_LABELS
from ..model import Analysis, Descriptor, EntitySpan, Passive, Reference, Role
from ..comparison.actors import actors_of_one_text
from ..voices.direct import direct_quotes
from ..voices.verbs import SPEECH_CUE
from ..voices.voices import with_voices
from .analysis import Cancelled, chunk_ranges
from .descriptors import extract_descriptors
from .lemmas import VerbForms, verb_forms
from .pipeline import Pipeline
from .references import ReferenceResolver
from .speech import SpeechFound, extract_speech

#: Longest run of consecutive sentences parsed as one doc, and the characters parsed in one
#: batch (the parser is much faster on batches; cancelling is checked between batches).
RUN_CHARS = 5_000
BATCH_CHARS = 8_000
#: Pronouns that can stand for an actor, by form.
PRONOUNS = frozenset({"he", "him", "his", "she", "her", "it", "its", "they", "them", "their"})
#: Nouns for the people or apparatus acting for their possessor or modifier ("its forces").
GROUP_NOUNS = frozenset(
    """
    army armies military force forces troop troops soldier soldiers unit units column columns
    tank tanks jet jets plane planes drone drones missile missiles artillery navy fleet militia
    militias police guard guards government administration regime ministry officials official
    authorities leadership diplomats diplomat negotiators envoy spokesman spokeswoman
    spokesperson agents agency service services fighters rebels separatists
    """.split()
)
#: Participles that, reduced ("affairs based in Varn", "the so-called referendum"), describe
#: rather than report something done: not passive clauses.
STATIVE_PARTICIPLES = frozenset({"base", "locate", "situate", "name", "call", "entitle", "dub", "know",
                                 "concern", "involve", "relate", "link", "associate", "design"})
RELATIVE_WORDS = frozenset({"who", "whom", "which", "that"})
#: Words that deny a verb ("did not respond", "had never visited", "wo n't").
NEGATION_WORDS = frozenset({"not", "n't", "never", "nt"})
#: Verbs and adjectives whose completing verb is not done: "refused to call in", "failed to
#: stop", "declined to comment", "was unable to reach".
REFUSALS = frozenset({"refuse", "fail", "decline", "neglect", "forget", "avoid", "omit", "unable",
                      "reluctant", "hesitate", "refrain"})
_WORD = r"[A-Za-z]+"
#: A cheap test for a possible passive: a form of be/get, up to three short words, a participle.
PASSIVE_CUE = re.compile(
    r"\b(?:am|is|are|was|were|be|been|being|get|gets|got|gotten|getting|'s|'re)\s+(?:[A-Za-z']+\s+){0,3}?"
    r"(?:[A-Za-z]+(?:ed|en|wn)|done|gone|put|cut|hit|shot|held|hurt|led|left|lost|made|paid|said|sent|set|"
    r"sold|struck|taught|told|thought|fought|caught|brought|bought|built|found|kept|met|read|run|shut|"
    r"spent|spread|won|hung|dug|stuck|bound|fed|fled|shed|quit|split|lit|sought|swept|spun|heard|laid)\b",
    re.IGNORECASE,
)
#: Guillemets read as straight double quotes by the parser (trained on English quotation marks);
#: one code point for one, so every offset stays the same.
PARSE_MARKS = str.maketrans("«»‹›", '""""')
_CLOSERS = frozenset(".!?…\"'”’)]")
_PRONOUN_CUE = re.compile(r"\b(?:he|him|his|she|her|it|its|they|them|their)\b", re.IGNORECASE)


# --------------------------------------------------------------------------------------------
# Extraction from a parsed doc


class _Extractor:
    def __init__(self, doc: Doc, offset: int, forms: VerbForms | None = None) -> None:
        self.doc, self.offset = doc, offset
        self.forms = forms or VerbForms.empty()
        self.entity_of: dict[int, Span] = {}
        for ent in doc.ents:
            for i in range(ent.start, ent.end):
                self.entity_of[i] = ent
        self.sents = list(doc.sents)
        self.sent_starts = [s.start for s in self.sents]
        self.roles: list[Role] = []
        self.passives: list[Passive] = []
        self.seen: set[tuple[int, int, int, str]] = set()

    # ---- arguments
    def argument(self, token: Token) -> tuple[int, int, str] | None:
        """(start char, end char, pronoun) of the mention `token` stands for, or None."""
        ent = self.entity_of.get(token.i)
        if ent is not None:
            return (ent.start_char, ent.end_char, "") if ent.label_ not in NON_ACTOR_LABELS else None
        if token.pos_ == "PRON" and token.lower_ in PRONOUNS:
            return token.idx, token.idx + len(token), token.lower_
        if token.lower_ in GROUP_NOUNS or token.lemma_.lower() in GROUP_NOUNS:
            for child in token.children:
                if child.dep_ in ("poss", "amod", "compound", "nmod") and child.i < token.i:
                    found = self.argument(child)
                    if found is not None:
                        return found
        return None

    def expand(self, token: Token) -> list[Token]:
        """`token` and the arguments coordinated with it ("Russia and Belarus")."""
        out = [token]
        for child in token.children:
            if child.dep_ == "conj":
                out.extend(self.expand(child))
        return out

    def stand_in(self, token: Token, verb: Token) -> Token:
        """The noun a relative pronoun stands for ("Russia, which invaded …")."""
        if token.lower_ in RELATIVE_WORDS and verb.dep_ == "relcl" and verb.head.i != verb.i:
            return verb.head
        return token

    # ---- verbs
    def subjects(self, verb: Token, deps: Iterable[str]) -> list[Token]:
        wanted = set(deps)
        found = [c for c in verb.children if c.dep_ in wanted]
        if reported_relative(verb):
            # "Hayes, who police say had a gun": the police say; "who" belongs to the clause they report.
            found = [c for c in found if c.lower_ not in RELATIVE_WORDS]
        return [t for c in found for t in self.expand(self.stand_in(c, verb))]

    def inherited_subjects(self, verb: Token) -> list[Token]:
        """Subjects a verb takes from the verb it is coordinated with or completes."""
        head = verb
        for _ in range(8):
            if head.dep_ not in ("conj", "xcomp") or head.head.i == head.i:
                return []
            if head.dep_ == "xcomp" and any(c.dep_ == "dobj" for c in head.head.children):
                return []  # "Russia wants Ukraine to surrender": not Russia's surrender
            completes = head.dep_ == "xcomp"
            head = head.head
            if completes and reported_relative(head):
                return []  # "who police say had a gun": a claim the text reports, not the police's act
            own = self.subjects(head, ("nsubj",))
            if own:
                return own
            if any(c.dep_ == "nsubjpass" for c in head.children):
                # "Ukraine was invaded and fought back": the passive's subject acts in the next verb.
                return [] if completes else self.subjects(head, ("nsubjpass",))
        return []

    def objects(self, verb: Token) -> list[Token]:
        found = self.subjects(verb, ("dobj",))
        if found:
            return found
        # "bombed and occupied Kharkiv": a right-shared object of the next coordinated verb.
        for child in verb.children:
            between = range(verb.i + 1, child.i)
            if (child.dep_ == "conj" and child.pos_ == "VERB" and child.i - verb.i <= 3
                    and all(self.doc[j].dep_ in ("cc", "punct") for j in between)):
                return self.subjects(child, ("dobj",))
        return []

    def by_agents(self, verb: Token) -> list[Token]:
        return [t for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"
                for t in self.expand(p)]

    def clause(self, verb: Token, extra: Iterable[Token]) -> tuple[int, int]:
        """Token range [lo, hi] of the verb's clause without coordinated verbs, plus `extra`."""
        indices = {verb.i}
        for child in verb.children:
            if (child.dep_ == "conj" and child.pos_ in ("VERB", "AUX")) or child.dep_ in ("cc", "punct"):
                continue
            indices.update(t.i for t in child.subtree)
        for token in extra:
            ent = self.entity_of.get(token.i)
            indices.update(range(ent.start, ent.end) if ent is not None else (token.i,))
        sent = verb.sent
        lo, hi = max(min(indices), sent.start), min(max(indices), sent.end - 1)
        while hi > lo and (self.doc[hi].is_punct or self.doc[hi].is_space):
            hi -= 1
        while lo < hi and (self.doc[lo].is_punct or self.doc[lo].is_space):
            lo += 1
        return lo, hi

    def window_start(self, token: Token) -> int:
        index = bisect_right(self.sent_starts, token.i) - 1
        return self.sents[max(0, index - 1)].start_char

    def verb_name(self, verb: Token) -> str:
        particles = [c.lower_ for c in verb.children if c.dep_ == "prt" and _LETTERS.fullmatch(c.text)]
        return " ".join([self.forms.base(verb), *particles])

    def add(self, kind: str, verb: Token, voice: str, token: Token, clause: tuple[int, int]) -> None:
        arg = self.argument(token)
        if arg is None:
            return
        start, end, pronoun = arg
        key = (start, end, verb.i, kind)
        if key in self.seen:
            return
        self.seen.add(key)
        lo, hi = clause
        o = self.offset
        self.roles.append(Role(
            role=kind,  # type: ignore[arg-type]
            verb=self.verb_name(verb),
            voice=voice,  # type: ignore[arg-type]
            arg_start=start + o,
            arg_end=end + o,
            start=self.doc[lo].idx + o,
            end=self.doc[hi].idx + len(self.doc[hi]) + o,
            verb_start=verb.idx + o,
            verb_end=verb.idx + len(verb) + o,
            pronoun=pronoun,
            window_start=(self.window_start(token) + o) if pronoun else 0,
        ))

    def verb(self, verb: Token) -> None:
        if verb.lemma_.lower() == "be" or not is_word_verb(verb):
            return
        denied = not_done(verb)  # a passive clause all the same, but no one's act
        reduced = (verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.pos_ in ("NOUN", "PROPN")
                   and verb.lemma_.lower() not in STATIVE_PARTICIPLES)
        passive = reduced or any(c.dep_ in ("auxpass", "nsubjpass", "csubjpass") for c in verb.children)
        if passive:
            patients = self.subjects(verb, ("nsubjpass",)) or ([verb.head] if reduced else [])
            if not patients and verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
                # "Russia attacked and was repelled": the shared subject is the one acted upon.
                patients = self.subjects(verb.head, ("nsubjpass", "nsubj"))
            agents = self.by_agents(verb)
            clause = self.clause(verb, patients)
            self.add_passive(verb, clause, agents)
            if denied:
                return
            for token in patients:
                self.add("patient", verb, "passive", token, clause)
            for token in agents:
                self.add("agent", verb, "passive", token, clause)
            return
        if denied:
            return
        agents = self.subjects(verb, ("nsubj",)) or self.inherited_subjects(verb)
        patients = self.objects(verb)
        clause = self.clause(verb, agents + patients)
        for token in agents:
            self.add("agent", verb, "active", token, clause)
        for token in patients:
            self.add("patient", verb, "active", token, clause)

    def add_passive(self, verb: Token, clause: tuple[int, int], agents: list[Token]) -> None:
        agent = None
        by = [c for c in verb.children if c.dep_ == "agent"]
        objects = [p for c in by for p in c.children if p.dep_ == "pobj"]
        if objects:
            span = self.doc[objects[0].left_edge.i : objects[0].right_edge.i + 1]
            agent = span.text.strip(" ,.;:")
        lo, hi = clause
        o = self.offset
        self.passives.append(Passive(
            start=self.doc[lo].idx + o,
            end=self.doc[hi].idx + len(self.doc[hi]) + o,
            verb=self.verb_name(verb),
            verb_start=verb.idx + o,
            verb_end=verb.idx + len(verb) + o,
            agent=agent or None,
        ))


#: Auxiliaries and modals the small model sometimes tags as verbs: never a verb on their own.
AUXILIARIES = frozenset({"be", "will", "would", "shall", "should", "can", "could", "may", "might", "must",
                         "ought", "'s", "'re", "'ve", "'d", "'ll"})
_LETTERS = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")


def is_word_verb(token: Token) -> bool:
    """Whether a token tagged VERB is a verb word: letters (a hyphen or an apostrophe inside),
    its lemma too, and no auxiliary or modal on its own ("’" tagged VERB is no verb)."""
    lemma = token.lemma_.lower() or token.lower_
    return (token.pos_ == "VERB" and _LETTERS.fullmatch(token.text) is not None
            and _LETTERS.fullmatch(lemma) is not None and lemma not in AUXILIARIES
            and token.lower_ not in AUXILIARIES)


def not_done(verb: Token) -> bool:
    """Whether the text says the verb's act did not happen: a negation on the verb ("did not
    respond", "had never visited", "was not authorized"), a verb completing a refusal or a
    denied verb ("refused to call in", "did not try to stop"), a verb after "without"
    ("left without answering"), or one joined by "or"/"nor" to a denied verb ("did not respond
    or comment"). Such a verb gives no agent or patient (it is no act of anyone)."""
    for _ in range(8):
        if any(c.dep_ == "neg" or (c.lower_ in NEGATION_WORDS and c.dep_ == "advmod") for c in verb.children):
            return True
        head = verb.head
        if head.i == verb.i:
            return False
        if verb.dep_ == "xcomp":
            if head.lemma_.lower() in REFUSALS:
                return True
            verb = head
            continue
        if verb.dep_ == "pcomp" and head.lower_ == "without":
            return True
        if verb.dep_ == "conj" and any(c.dep_ == "cc" and c.lower_ in ("or", "nor") for c in head.children
                                       if head.i < c.i < verb.i):
            verb = head
            continue
        return False
    return False


def reported_relative(verb: Token) -> bool:
    """A relative clause whose verb reports another subject's words ("who police say had a
    gun"): a relative pronoun and another subject on one verb."""
    if verb.dep_ != "relcl":
        return False
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(c.lower_ in RELATIVE_WORDS for c in subjects) and any(c.lower_ not in RELATIVE_WORDS for c in subjects)


def extract_agency(doc: Doc, offset: int = 0, forms: VerbForms | None = None) -> tuple[list[Role], list[Passive]]:
    """Roles of the mentions in `doc.ents` (and of pronouns) and every passive clause, in text
    order; no role for a verb the text denies (`not_done`). `doc` needs a dependency parse;
    offsets are `doc` char offsets + `offset`; `forms` gives the verbs' base forms as words
    (`core.nlp.lemmas`; without it, the lemmatizer's own)."""
    if not doc.has_annotation("DEP"):
        return [], []
    extractor = _Extractor(doc, offset, forms)
    for token in doc:
        if token.pos_ == "VERB":
            extractor.verb(token)
    roles = sorted(extractor.roles, key=lambda r: (r.verb_start, r.arg_start, r.role))
    passives = sorted(extractor.passives, key=lambda p: (p.start, p.verb_start))
    return roles, passives


# --------------------------------------------------------------------------------------------
# Which sentences to parse, and the one parse pass


def needed_runs(text: str, entities: Iterable[EntitySpan], max_chars: int = RUN_CHARS) -> list[tuple[int, int]]:
    """[start, end) runs of consecutive sentences worth parsing: those naming an actor, with a
    passive cue, or with a pronoun right after a sentence naming an actor. A run holds at most
    `max_chars` (a longer "sentence", such as a text without full stops, is cut at spaces)."""
    return list(iter_runs(text, entities, max_chars))


def iter_runs(text: str, entities: Iterable[EntitySpan], max_chars: int = RUN_CHARS) -> Iterator[tuple[int, int]]:
    """`needed_runs`, found paragraph by paragraph as the caller goes (so the worker does not
    spend a long stretch of pure Python before its first parse)."""
    starts = sorted(e.start for e in entities if e.label not in NON_ACTOR_LABELS)
    current: tuple[int, int] | None = None
    previous_actor = False
    for p_start, p_end in paragraph_ranges(text):
        for s_start, s_end in sentence_ranges(text, p_start, p_end):
            pieces = chunk_ranges(text[s_start:s_end], max_chars) if s_end - s_start > max_chars else [(0, s_end - s_start)]
            for a, b in pieces:
                start, end = s_start + a, s_start + b
                has_actor = bisect_left(starts, start) < bisect_left(starts, end)
                piece = text[start:end]
                wanted = has_actor or bool(PASSIVE_CUE.search(piece)) or (
                    previous_actor and bool(_PRONOUN_CUE.search(piece))) or bool(SPEECH_CUE.search(piece))
                previous_actor = has_actor
                if not wanted:
                    if current is not None:
                        yield current
                        current = None
                    continue
                # A line without a full stop (a heading, a byline) ends its run: the parser would
                # read the next line as its continuation.
                joins = current is not None and current[1] >= start - 2 and end - current[0] <= max_chars and (
                    "\n" not in text[current[1] : start] or text[current[1] - 1] in _CLOSERS)
                if joins and current is not None:
                    current = (current[0], end)
                else:
                    if current is not None:
                        yield current
                    current = (start, end)
    if current is not None:
        yield current


def add_structure(
    analysis: Analysis, pipeline: Pipeline, *, cancelled: Callable[[], bool] = lambda: False,
    progress: Callable[[float], None] = lambda fraction: None,
) -> Analysis:
    """`analysis` plus descriptors, roles and passives from one parse of the sentences that need
    it (NER is not run again: the known entities are set on each parsed run). A pipeline
    without a parser returns `analysis` unchanged."""
    if not pipeline.can_parse:
        return analysis
    text = analysis.text
    entities = sorted(analysis.entities, key=lambda e: e.start)
    starts = [e.start for e in entities]
    descriptors: list[Descriptor] = []
    roles: list[Role] = []
    passives: list[Passive] = []
    references: list[Reference] = []
    resolver = ReferenceResolver(text, entities)
    direct = tuple(q for q in analysis.quotes if q.kind == "direct") or direct_quotes(text)
    speech = SpeechFound()
    with pipeline.parsing() as nlp:
        skip = [name for name in nlp.pipe_names if name == "ner"]
        forms = verb_forms(nlp)
        for batch in _batches(iter_runs(text, entities), BATCH_CHARS):
            if cancelled():
                raise Cancelled()
            docs = _parse_batch(nlp, [text[a:b].translate(PARSE_MARKS) for a, b in batch], skip, cancelled)
            for (start, end), doc in zip(batch, docs):
                inside = [e for e in entities[bisect_left(starts, start) : bisect_left(starts, end)] if e.end <= end]
                spans = [doc.char_span(e.start - start, e.end - start, label=e.label) for e in inside]
                doc.ents = _non_overlapping(s for s in spans if s is not None)
                if doc.ents:
                    descriptors.extend(extract_descriptors(doc, offset=start))
                found_roles, found_passives = extract_agency(doc, offset=start, forms=forms)
                roles.extend(found_roles)
                passives.extend(found_passives)
                references.extend(resolver.resolve(doc, offset=start))
                speech.extend(extract_speech(doc, start, direct))
            progress(batch[-1][1] / len(text))
    structured = replace(analysis, descriptors=tuple(descriptors), roles=tuple(roles), passives=tuple(passives),
                         references=tuple(references))
    actors = actors_of_one_text(structured, "left")  # speakers take their actor's name
    return with_voices(structured, direct, speech, actors)


def _parse_batch(nlp: Language, texts: list[str], skip: list[str], cancelled: Callable[[], bool]) -> list[Doc]:
    """What `nlp.pipe(texts, batch_size=len(texts), disable=skip)` gives, one component at a
    time over the whole batch, so a superseded request stops between components (a batch of
    BATCH_CHARS takes ~0.13 s to parse; one component of it, a third of that)."""
    docs = [nlp.make_doc(t) for t in texts]
    for name, component in nlp.pipeline:
        if name in skip:
            continue
        if cancelled():
            raise Cancelled()
        pipe = getattr(component, "pipe", None)
        docs = list(pipe(docs, batch_size=len(docs))) if pipe is not None else [component(d) for d in docs]
    return docs


def _batches(runs: Iterable[tuple[int, int]], budget: int) -> Iterator[list[tuple[int, int]]]:
    """Consecutive runs grouped up to `budget` characters (a longer run is a batch of its own)."""
    batch: list[tuple[int, int]] = []
    size = 0
    for run in runs:
        if batch and size + run[1] - run[0] > budget:
            yield batch
            batch, size = [], 0
        batch.append(run)
        size += run[1] - run[0]
    if batch:
        yield batch


def _non_overlapping(spans: Iterable[Span]) -> list[Span]:
    kept: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if not kept or span.start >= kept[-1].end:
            kept.append(span)
    return kept
