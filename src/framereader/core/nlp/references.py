"""Pronoun links with evidence, or none: which named actor a he/she/it/they stands for.

A pronoun is linked only when the text supports exactly one antecedent; the link carries the
reason in plain words (`Reference.evidence`). Candidates are the named referents of
`core.nlp.referents` in the pronoun's sentence (before it) and the sentence before, that fit it:

- **number and animacy**: he/she for a person; it/its for an organisation, country or place;
  they/them/their for a group or an organisation; never he/she for those, nor it for a person;
- **gender**, where the text shows it: a title (Mr, Ms, Senator Diaz… with a he/she linked
  before), a first name, an earlier confident he/she link;
- **binding**: "X told police Y had threatened him": not Y (a pronoun object is not its own
  clause's subject); "Sean Gallagher, his cousin": not Gallagher; "himself" is its clause's subject.

Then the first rule that applies decides, each one refusing when another candidate fits too:

1. *reflexive*: the subject of the same clause;
2. *the speaker*: "X said (that) he…", "X, who…, said she…": the subject of the speech verb,
   unless someone else is spoken to ("told Y that he…") or named in between;
3. *same clause*: "X conceded, and he urged his supporters": the subject of the clause the
   pronoun's clause joins, or of its own clause for a possessive, with no other candidate as an
   argument there;
4. *previous subject*: a pronoun subject right after a sentence whose subject is the one and
   only candidate it names;
5. *only candidate*: a he/she with one fitting person in this and the previous two sentences,
   and no unnamed person ("a lawyer", "his client") who could be meant.

Pronouns inside quotation marks are not linked (the speaker's "he" is another matter), and
it/they are linked only by rules 1-3 (they so often mean a thing or an unnamed group). Pure
functions over a parsed spaCy doc; `ReferenceResolver` keeps what earlier runs learnt.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence

from spacy.tokens import Doc, Span, Token

from ..model import EntitySpan, Reference
from ..segments import paragraph_ranges, sentence_ranges
from .gender import Gender
from .pronoun_cues import PERSON_NOUNS, SPEECH_VERBS, coordinated, expletive, inside, quote_ranges
from .referents import GROUP, PERSON, THING, Referents

#: Pronoun forms: (what it stands for, gender or None, reflexive, possessive).
FORMS: dict[str, tuple[str, Gender | None, bool, bool]] = {
    "he": (PERSON, "m", False, False), "him": (PERSON, "m", False, False), "his": (PERSON, "m", False, True),
    "himself": (PERSON, "m", True, False),
    "she": (PERSON, "f", False, False), "her": (PERSON, "f", False, False), "hers": (PERSON, "f", False, False),
    "herself": (PERSON, "f", True, False),
    "it": (THING, None, False, False), "its": (THING, None, False, True), "itself": (THING, None, True, False),
    "they": (GROUP, None, False, False), "them": (GROUP, None, False, False), "their": (GROUP, None, False, True),
    "themselves": (GROUP, None, True, False),
}
REFLEXIVE_NOTE = "the subject of the same clause"


class ReferenceResolver:
    """Resolves the pronouns of one text, run by run in text order (`resolve`)."""

    def __init__(self, text: str, entities: Iterable[EntitySpan]) -> None:
        self.text = text
        self.referents = Referents(text, entities)
        self.quotes = quote_ranges(text)
        self.quote_starts = [a for a, _b in self.quotes]
        self.sentences = [s for p in paragraph_ranges(text) for s in sentence_ranges(text, *p)]
        self.sentence_starts = [s[0] for s in self.sentences]
        #: pronoun (start, end) -> referent, for every link made so far (made in text order, so
        #: `linked_starts` stays sorted)
        self.linked: dict[tuple[int, int], int] = {}
        self.linked_starts: list[int] = []
        self.linked_spans: list[tuple[int, int]] = []

    # ------------------------------------------------------------------ windows (text offsets)
    def sentence_start(self, offset: int, back: int) -> int:
        """Start of the sentence holding `offset`, or of the one `back` sentences before it
        (within the same paragraph and the one before)."""
        i = bisect_right(self.sentence_starts, offset) - 1
        return self.sentences[max(0, i - back)][0] if i >= 0 else 0

    def fitting(self, index: int, kind: str, gender: Gender | None) -> bool:
        referent = self.referents.items[index]
        if referent.kind != kind:
            return kind == GROUP and referent.label == "ORG"  # "the union said they…"
        return gender is None or referent.gender in (None, gender)

    # ------------------------------------------------------------------ one parsed run
    def resolve(self, doc: Doc, offset: int = 0) -> list[Reference]:
        """The links of the pronouns in `doc` (a parsed run of the text starting at `offset`,
        its `doc.ents` set to the text's entities)."""
        run = _Run(self, doc, offset)
        found = []
        for token in doc:
            form = FORMS.get(token.lower_)
            if form is None or token.pos_ not in ("PRON", "DET"):
                continue
            start = token.idx + offset
            if inside(self.quotes, self.quote_starts, start):
                continue
            decision = run.decide(token, form)
            if decision is None:
                continue
            index, mention, evidence = decision
            self.linked[(start, start + len(token))] = index
            self.linked_starts.append(start)
            self.linked_spans.append((start, start + len(token)))
            referent = self.referents.items[index]
            if form[1] is not None:
                self.referents.learn(index, form[1], token.lower_)
            found.append(Reference(start, start + len(token), token.text, mention[0], mention[1], referent.name,
                                   evidence))
        return found


class _Run:
    """The rules over one parsed doc."""

    def __init__(self, resolver: ReferenceResolver, doc: Doc, offset: int) -> None:
        self.r, self.doc, self.o = resolver, doc, offset
        self.token_starts = [t.idx for t in doc]
        self.token_referent: dict[int, tuple[int, tuple[int, int]]] = {}
        for ent in doc.ents:
            index = resolver.referents.referent_at(ent.start_char + offset, ent.end_char + offset)
            if index is not None:
                for i in range(ent.start, ent.end):
                    self.token_referent[i] = (index, (ent.start_char + offset, ent.end_char + offset))

    # ---------------------------------------------------------------- what a token stands for
    def referent_of(self, token: Token) -> tuple[int, tuple[int, int]] | None:
        """(referent, named mention) for a token of a mention, a linked pronoun, or a relative
        pronoun standing for one ("X, who …")."""
        found = self.token_referent.get(token.i)
        if found is not None:
            return found
        span = (token.idx + self.o, token.idx + self.o + len(token))
        if span in self.r.linked:
            index = self.r.linked[span]
            return index, self.last_mention(index, span[0])
        if token.lower_ in ("who", "whom", "that") and token.head.dep_ == "relcl":
            return self.referent_of(token.head.head)
        return None

    def last_mention(self, index: int, before: int) -> tuple[int, int]:
        mentions = self.r.referents.mentions
        i = bisect_left(self.r.referents.starts, before) - 1
        while i >= 0:
            if mentions[i][2] == index:
                return mentions[i][0], mentions[i][1]
            i -= 1
        return before, before

    def subject(self, verb: Token) -> Token | None:
        """The subject of `verb`, or of the verb it is coordinated with or completes."""
        head = verb
        for _ in range(6):
            found = [child for child in head.children if child.dep_ in ("nsubj", "nsubjpass")]
            if found:  # "the patient Holloway asked": the parser may split one subject in two
                return next((t for t in reversed(found) if t.i in self.token_referent), found[-1])
            participle = head.dep_ == "advcl" and head.tag_ == "VBG"  # "Bello denied it, saying she…"
            if head.dep_ not in ("conj", "xcomp") and not participle or head.head.i == head.i:
                return None
            head = head.head
        return None

    # ---------------------------------------------------------------- candidates in the window
    def candidates(self, token: Token, kind: str, gender: Gender | None, back: int) -> tuple[set[int], bool]:
        """Fitting referents named (or linked through a pronoun) between the start of the
        sentence `back` sentences before the pronoun's and the pronoun, and whether a fitting
        pronoun there is linked to nobody (then the window is uncertain)."""
        start = token.idx + self.o
        window = self.r.sentence_start(start, back)
        found = {i for a, b, i in self.r.referents.between(window, start) if self.r.fitting(i, kind, gender)}
        unsure = False
        r = self.r
        for k in range(bisect_left(r.linked_starts, window), bisect_left(r.linked_starts, start)):
            index = r.linked[r.linked_spans[k]]
            if r.fitting(index, kind, gender):
                found.add(index)
        for other in self.tokens_between(window, start):
            other_start = other.idx + self.o
            form = FORMS.get(other.lower_)
            if form is None or form[0] != kind or (gender and form[1] != gender):
                continue
            if (other_start, other_start + len(other)) not in self.r.linked and not inside(
                    self.r.quotes, self.r.quote_starts, other_start):
                unsure = True
        return found, unsure

    def excluded(self, token: Token, possessive: bool, reflexive: bool) -> set[int]:
        """Referents the pronoun cannot stand for, by its position in the clause."""
        out: set[int] = set()
        if reflexive:
            return out
        if not possessive and token.dep_ in ("dobj", "dative", "iobj", "nsubjpass", "attr"):
            verb = token.head
            for child in verb.children:
                if child.dep_ in ("nsubj", "nsubjpass", "dobj", "dative") and child.i != token.i:
                    found = self.referent_of(child)
                    if found is not None:
                        out.add(found[0])
        # "Sean Gallagher, his cousin": the pronoun is inside an apposition of the name.
        head = token.head
        for _ in range(3):
            if head.dep_ == "appos":
                found = self.referent_of(head.head)
                if found is not None:
                    out.add(found[0])
                break
            if head.head.i == head.i:
                break
            head = head.head
        return out

    # ---------------------------------------------------------------- the rules
    def decide(self, token: Token, form: tuple[str, Gender | None, bool, bool]
               ) -> tuple[int, tuple[int, int], str] | None:
        kind, gender, reflexive, possessive = form
        if token.lower_ == "her" and token.dep_ == "poss":
            possessive = True
        if kind == THING and token.lower_ == "it" and expletive(token):
            return None
        near, unsure = self.candidates(token, kind, gender, 1)
        excluded = self.excluded(token, possessive, reflexive)
        near -= excluded
        if not near:
            return None
        if reflexive:
            subject = self.subject(token.head)
            found = self.referent_of(subject) if subject is not None else None
            if found is not None and found[0] in near:
                return found[0], found[1], REFLEXIVE_NOTE
            return None
        for rule in (self.speaker, self.same_clause):
            decided = rule(token, possessive, near)
            if decided is not None:
                return decided
        if kind != PERSON:
            return self.previous_subject(token, near, unsure, None, kind) if not possessive else None
        decided = self.previous_subject(token, near, unsure, gender) or self.only_candidate(
            token, near, unsure, gender, excluded)
        if decided is None or gender is None:
            return decided
        # When gender alone tells the candidates apart, say so: it is the plainest evidence.
        wide, _ = self.candidates(token, PERSON, gender, 2)
        everyone, _ = self.candidates(token, PERSON, None, 2)
        person = self.r.referents.items[decided[0]]
        if wide - excluded == {decided[0]} and len(everyone - excluded) > 1 and person.gender == gender:
            who = "woman" if gender == "f" else "man"
            return decided[0], decided[1], f"the only {who} named before, {person.name} ({person.gender_evidence})"
        return decided

    def speaker(self, token: Token, possessive: bool, near: set[int]) -> tuple[int, tuple[int, int], str] | None:
        """Rule 2: the pronoun is the subject (or the subject's possessor) of a clause that a
        speech verb introduces, whose subject is a candidate and who speaks to no other one."""
        subject_token = token.head if possessive and token.head.dep_ in ("nsubj", "nsubjpass") else token
        if subject_token.dep_ not in ("nsubj", "nsubjpass"):
            return None
        clause = subject_token.head
        while clause.dep_ == "conj" and clause.head.i != clause.i and clause.head.pos_ in ("VERB", "AUX"):
            clause = clause.head
        if clause.dep_ not in ("ccomp", "xcomp") or clause.head.lemma_.lower() not in SPEECH_VERBS:
            return None
        verb = clause.head
        speaker = self.subject(verb)
        found = self.referent_of(speaker) if speaker is not None else None
        if speaker is None or found is None or found[0] not in near or coordinated(speaker):
            return None
        for child in verb.children:  # "told Karin Berg that she…": spoken to another candidate
            if child.dep_ in ("dobj", "dative", "iobj") or (child.dep_ == "prep" and child.lower_ == "to"):
                if any(self._names_other(t, found[0], near) for t in child.subtree):
                    return None
        if self._other_between(speaker, token, found[0], near):
            return None
        return found[0], found[1], f"{self.r.referents.items[found[0]].name} says it"

    def same_clause(self, token: Token, possessive: bool, near: set[int]) -> tuple[int, tuple[int, int], str] | None:
        """Rule 3: the subject of the clause the pronoun's clause joins ("…, and he urged"), or
        for a possessive the subject of its own clause ("he urged his supporters")."""
        if possessive:
            # Only inside the object: "he urged his supporters", not "without his consent".
            noun = token.head
            if noun.dep_ not in ("dobj", "attr", "oprd") or noun.head.pos_ not in ("VERB", "AUX"):
                return None
            verb = noun.head
            subject = self.subject(verb)
            if subject is None or subject.i > token.i or token in subject.subtree:
                return None
        else:
            if token.dep_ not in ("nsubj", "nsubjpass"):
                return None
            clause = token.head
            if clause.dep_ not in ("conj", "advcl") or clause.head.i == clause.i or clause.head.i > token.i:
                return None
            subject = self.subject(clause.head)
            if subject is None:
                return None
            if clause.dep_ == "advcl" and clause.head.pos_ not in ("VERB", "AUX"):
                return None
        found = self.referent_of(subject)
        if found is None or found[0] not in near or coordinated(subject):
            return None
        if self._other_between(subject, token, found[0], near) or self._reported_by_other(subject, found[0], near):
            return None
        role = "the subject of its own clause" if possessive else "the subject of the clause before"
        return found[0], found[1], f"{role}, {self._short(found[0])}"

    def previous_subject(self, token: Token, near: set[int], unsure: bool, gender: Gender | None,
                         kind: str = PERSON) -> tuple[int, tuple[int, int], str] | None:
        """Rule 4: a subject pronoun right after a sentence whose subject is the one fitting
        referent it names (pronouns there linked to it count; unlinked ones forbid)."""
        if token.dep_ not in ("nsubj", "nsubjpass") or unsure:
            return None
        sent = token.sent
        if any(self._fits_token(t, near) for t in sent if t.i < token.i):
            return None
        sents = list(self.doc.sents)
        position = next((k for k, s in enumerate(sents) if s.start == sent.start), 0)
        if position == 0:
            return None
        previous = sents[position - 1]
        if self.r.sentence_start(token.idx + self.o, 1) > previous.start_char + self.o:
            return None  # the parser's previous sentence is not the text's
        if kind != PERSON:
            if token.head.i != sent.root.i or self._things(previous, kind):
                return None
            # Any other name there could be what "it" means (the model calls companies people).
            named = {found[0] for t in previous if (found := self.referent_of(t)) is not None}
        else:
            named = {found[0] for t in previous if (found := self.referent_of(t)) is not None
                     and (found[0] in near or self._maybe_person(found[0]))}
        root = previous.root
        subject = self.subject(root) if root.pos_ in ("VERB", "AUX") else None
        found = self.referent_of(subject) if subject is not None else None
        if subject is None or found is None or found[0] not in near or coordinated(subject):
            return None
        if self._unnamed_people(previous.start_char + self.o, token.idx + self.o, found[0]):
            return None
        name = self._short(found[0])
        if named == {found[0]}:
            return found[0], found[1], f"the subject of the sentence before, {name}"
        # "X criticised Y. He said…": the one who speaks next is the one who acted.
        speaks = (token.dep_ == "nsubj" and token.head.i == sent.root.i
                  and token.head.lemma_.lower() in SPEECH_VERBS - {"expect", "hope", "fear", "plan", "decide"})
        others = [t for t in previous if (other := self.referent_of(t)) is not None and other[0] != found[0]
                  and other[0] in named]
        roots = [t for t in others if t.head.i == t.i or self.token_referent.get(t.head.i) != self.token_referent.get(t.i)
                 or t.i not in self.token_referent]
        acted_on = all((t.dep_ in ("dobj", "dative") and t.head.i == root.i)
                       or (t.dep_ == "appos" and t.head.dep_ == "dobj" and t.head.head.i == root.i) for t in roots)
        if speaks and len(named) == 2 and acted_on and subject.dep_ == "nsubj" and subject.head.i == root.i:
            return found[0], found[1], f"same grammatical role as {name} (who acted in the sentence before)"
        return None

    def _things(self, sentence: Span, kind: str) -> bool:
        """Whether a sentence has a common noun an "it" (singular) or "they" (plural) could
        stand for, besides its subject: "Germany passed the law. It takes effect…"."""
        plural = kind == GROUP
        for t in sentence:
            if t.pos_ != "NOUN" or t.i in self.token_referent or t.dep_ in ("compound", "nsubj", "npadvmod"):
                continue
            if t.lemma_.lower() in PERSON_NOUNS:  # "recalled its ambassador": not an "it"
                continue
            if t.dep_ in ("dobj", "pobj", "attr", "nsubjpass", "appos", "conj", "oprd") and (t.tag_ == "NNS") == plural:
                return True
        for t in sentence:
            if t.pos_ == "PROPN" and t.i not in self.token_referent and t.dep_ in ("dobj", "conj", "appos"):
                return True  # a name the model did not find ("bought Lumen Labs")
        return False

    def only_candidate(self, token: Token, near: set[int], unsure: bool, gender: Gender | None,
                       excluded: set[int]) -> tuple[int, tuple[int, int], str] | None:
        """Rule 5: one fitting person in this and the previous two sentences."""
        wide, wide_unsure = self.candidates(token, PERSON, gender, 2)
        wide -= excluded
        if unsure or wide_unsure or len(wide) != 1 or wide != near:
            return None
        index = next(iter(near))
        start = token.idx + self.o
        if self._unnamed_people(self.r.sentence_start(start, 2), start, index):
            return None
        return index, self.last_mention(index, start), f"the only person named just before, {self._short(index)}"

    # ---------------------------------------------------------------- helpers
    def _short(self, index: int) -> str:
        return self.r.referents.items[index].name

    def _fits_token(self, token: Token, near: set[int]) -> bool:
        found = self.referent_of(token)
        return found is not None and (found[0] in near or self._maybe_person(found[0]))

    def _maybe_person(self, index: int) -> bool:
        """A person, or a name the model may have mislabelled ("Alain Marchand" as ORG)."""
        return self.r.referents.items[index].kind == PERSON or self.r.referents.maybe_person(index)

    def _names_other(self, token: Token, chosen: int, near: set[int]) -> bool:
        found = self.referent_of(token)
        return found is not None and found[0] != chosen and found[0] in near

    def _other_between(self, first: Token, token: Token, chosen: int, near: set[int]) -> bool:
        """Whether another fitting candidate, or a person the text does not name ("whose
        husband"), is mentioned between `first` and the pronoun."""
        own = {t.i for c in first.children if c.dep_ in ("relcl", "appos", "acl") for t in c.subtree}
        for t in self.doc[first.i + 1 : token.i]:
            if (t.i not in own and self._names_other(t, chosen, near)) or self._unnamed_person(t):
                return True
        return False

    def _reported_by_other(self, subject: Token, chosen: int, near: set[int]) -> bool:
        """Whether the clause of `subject` is reported speech of another candidate ("Costa
        said Bianchi had braked and that he…": Costa may be meant)."""
        head = subject.head
        for _ in range(8):
            if head.dep_ in ("ccomp", "xcomp") and head.head.lemma_.lower() in SPEECH_VERBS:
                speaker = self.subject(head.head)
                found = self.referent_of(speaker) if speaker is not None else None
                if found is None or found[0] != chosen:
                    return True
            if head.head.i == head.i:
                return False
            head = head.head
        return False

    def _unnamed_people(self, start: int, end: int, chosen: int) -> bool:
        """Whether [start, end) mentions a person by a common noun who may be someone else
        ("a lawyer", "his client"); a title of the chosen person's ("Senator Bell",
        "Bell, the senator") does not count."""
        return any(self._unnamed_person(t) for t in self.tokens_between(start, end))

    def tokens_between(self, start: int, end: int) -> list[Token]:
        """The doc's tokens starting in [start, end) (text offsets)."""
        first = bisect_left(self.token_starts, start - self.o)
        last = bisect_left(self.token_starts, end - self.o)
        return [self.doc[i] for i in range(first, last)]

    def _unnamed_person(self, t: Token) -> bool:
        """A common noun for a person who may be someone else than the named ones; a title
        ("Senator Bell") or an apposition ("Bell, the senator") is no one else."""
        if t.lower_ not in PERSON_NOUNS and t.lemma_.lower() not in PERSON_NOUNS:
            return False
        if t.pos_ != "NOUN" or t.tag_ == "NNS" or t.i in self.token_referent or t.dep_ in ("compound", "amod"):
            return False
        if t.i + 1 < len(self.doc) and (t.i + 1) in self.token_referent:
            return False  # "the patient Holloway", "the lawyer Ortiz": the named one
        if not any(c.dep_ in ("det", "poss") for c in t.children):
            return False  # a bare role ("as coach") refers to no one else
        return not (t.dep_ == "appos" or any(c.dep_ == "appos" for c in t.children))


def resolve_references(doc: Doc, entities: Iterable[EntitySpan], offset: int = 0, text: str | None = None
                       ) -> list[Reference]:
    """The pronoun links of one parsed doc on its own (tests, small texts): `doc.ents` set,
    `entities` the text's entities in text offsets, `text` the whole text (default: the doc's)."""
    resolver = ReferenceResolver(doc.text if text is None else text, entities)
    return resolver.resolve(doc, offset)

