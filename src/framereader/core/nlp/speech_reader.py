"""Reading one parsed run for voices: where each token stands (which direct quotation, which
paragraph), which verbs say something, and who their subject is (`core.nlp.speech` builds on it).

A run of sentences may be parsed across a paragraph break; a paragraph is a line of the run,
and a verb's subject must stand in the verb's own paragraph (and not in a dateline).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from ..kinds import NON_ACTOR_LABELS
from ..model import Quote
from ..segments import dateline_end
from ..voices.said import Said
from ..voices.verbs import NAMING_VERBS, PARTICLES, REFUSALS, SPEECH_VERBS

_SUBJECTS = ("nsubj", "nsubjpass")


class SpeechReader:
    """One parsed run (`doc`, at text offset `offset`) and the text's direct `quotes`."""

    def __init__(self, doc: Doc, offset: int, quotes: Sequence[Quote]) -> None:
        self.doc, self.offset = doc, offset
        self.quotes = quotes
        self.starts = [q.start for q in quotes]
        #: per token, the index of the direct quotation holding it (-1: none), and per quotation its tokens
        self.token_quote: list[int] = []
        self.tokens_of: dict[int, list[Token]] = {}
        for token in doc:
            index = self.quote_at(offset + token.idx)
            self.token_quote.append(index)
            if index >= 0:
                self.tokens_of.setdefault(index, []).append(token)
        #: line breaks of the run: a paragraph is a line, and the parse may run over several
        self.newlines = [i for i, ch in enumerate(doc.text) if ch == "\n"]
        self.entity_of: dict[int, Span] = {}
        for ent in doc.ents:
            if ent.label_ not in NON_ACTOR_LABELS:
                for i in range(ent.start, ent.end):
                    self.entity_of[i] = ent

    # ---- where tokens are
    def quote_at(self, char: int) -> int:
        """Index of the direct quotation holding text offset `char` (its marks included), or -1."""
        index = bisect_right(self.starts, char + 1) - 1
        if index >= 0 and self.quotes[index].start - 1 <= char <= self.quotes[index].end:
            return index
        return -1

    def quote_of(self, token: Token) -> int:
        return self.token_quote[token.i]

    def line(self, token: Token) -> int:
        """The paragraph (line of the run) that holds `token`."""
        return bisect_right(self.newlines, token.idx)

    def quote_lines(self, index: int) -> tuple[int, int]:
        """The first and last paragraph of direct quotation `index` (its opening mark included)."""
        quote = self.quotes[index]
        first = max(0, quote.start - 1 - self.offset)
        last = max(0, quote.end - self.offset)
        return bisect_right(self.newlines, first), bisect_right(self.newlines, last)

    # ---- verbs
    def verb_name(self, token: Token) -> str:
        lemma = token.lemma_.lower()
        after = token.nbor(1) if lemma in PARTICLES and token.i + 1 < len(self.doc) else None
        if after is not None and after.lower_ in PARTICLES[lemma]:
            return f"{lemma} {after.lower_}"
        return lemma

    def not_said(self, verb: Token) -> bool:
        """A saying that did not happen: "did not say", "never explained", "refused to say
        whether", "declined to describe it as …", "did not want to say"."""
        current = verb
        for _ in range(3):
            if any(c.dep_ == "neg" or c.lower_ in ("never", "not", "n't") and c.dep_ == "advmod"
                   for c in current.children):
                return True
            if current.dep_ != "xcomp" or current.head.i == current.i:
                return False
            current = current.head
            if current.lemma_.lower() in REFUSALS:
                return True
        return False

    def is_speech(self, token: Token) -> bool:
        if token.pos_ not in ("VERB", "AUX") or self.quote_of(token) >= 0:
            return False
        name = self.verb_name(token)
        return name in SPEECH_VERBS or name in NAMING_VERBS or " " in name

    def subject(self, verb: Token) -> Token | None:
        """The verb's subject: when the parser gives two, the one that is a person's name, else
        the one nearest the verb; a coordinated or participle verb takes its head's, and a
        participle right after its head's object takes that object ("captured Stanbridge
        telling donors"); a relative pronoun ("Sharp, who described…") stands for the noun it
        follows. None when unsure: a subject in another paragraph or in a dateline ("SAN
        FRANCISCO (Wire) - …"), or a verb coordinated with what another verb of saying reports
        ("said the crossing showed … and accused …": the crossing did not accuse)."""
        current: Token | None = verb
        for _ in range(3):
            if current is None:
                return None
            subjects = [c for c in current.children if c.dep_ in _SUBJECTS and not c.is_punct]
            if subjects:
                people = [c for c in subjects if c.i in self.entity_of and self.entity_of[c.i].label_ == "PERSON"]
                # two subjects: the person ("Feargal Dunne of the group Clean Rivers Now called"), else the nearest
                found = people[0] if len(people) == 1 else min(subjects, key=lambda c: abs(c.i - verb.i))
                if found.pos_ in ("VERB", "AUX", "ADJ", "ADV") or self.line(found) != self.line(verb) or self.in_dateline(found):
                    return None
                if found.lower_ in ("who", "that", "which") and current.dep_ == "relcl" and current.head.i != current.i:
                    head = current.head
                    return head if head.pos_ in ("NOUN", "PROPN", "PRON") and self.line(head) == self.line(verb) else None
                return found
            if current.dep_ not in ("conj", "advcl", "xcomp") or current.head.i == current.i:
                return None
            head = current.head
            if current.dep_ == "conj" and head.dep_ == "ccomp" and self.is_speech(head.head) and not self.is_speech(head):
                return None
            if current.dep_ == "advcl" and current.tag_ == "VBG":
                objects = [c for c in head.children if c.dep_ == "dobj" and c.right_edge.i + 1 == current.left_edge.i]
                if objects and objects[0].pos_ in ("PROPN", "PRON", "NOUN"):
                    return objects[0]
            current = head
        return None

    def in_dateline(self, token: Token) -> bool:
        """Whether `token` lies in the dateline opening its paragraph ("KARACHI, Pakistan - ")."""
        start = self.newlines[self.line(token) - 1] + 1 if self.line(token) else 0
        return token.idx < dateline_end(self.doc.text, start)

    # ---- speakers
    def said(self, verb: Token | None, speaker: Token, how: str) -> Said:
        verb_name = self.verb_name(verb) if verb is not None else None
        v_start = self.offset + verb.idx if verb is not None else 0
        v_end = v_start + len(verb) if verb is not None else 0
        if verb is not None and verb_name and " " in verb_name:
            v_end = self.offset + verb.nbor(1).idx + len(verb.nbor(1))
        ent = self.entity_of.get(speaker.i)
        if ent is None:
            for child in speaker.children:
                if child.dep_ == "appos" and child.i in self.entity_of:
                    ent = self.entity_of[child.i]
                    how += ", named in apposition"
                    break
        o = self.offset
        if ent is not None and ent.label_ in ("GPE", "LOC", "NORP") and any(
                c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < ent.start for c in speaker.children):
            ent = None  # a longer name than the model found ("Age Concern UK"): the words as written
        if ent is not None:
            return Said(verb_name, v_start, v_end, ent.text, o + ent.start_char, o + ent.end_char, "entity",
                        how, label=ent.label_)
        if speaker.pos_ == "PRON":
            return Said(verb_name, v_start, v_end, speaker.text, o + speaker.idx, o + speaker.idx + len(speaker),
                        "pronoun", how)
        first, last = self.phrase(speaker)
        text = self.doc.text[first:last]
        return Said(verb_name, v_start, v_end, text, o + first, o + last, "phrase", how,
                    head=speaker.lemma_.lower(), label="PROPN" if speaker.pos_ == "PROPN" else "")

    def phrase(self, head: Token) -> tuple[int, int]:
        """Character range of `head`'s noun phrase, without relative clauses, appositions and
        whatever follows a comma."""
        cut = {t.i for child in head.children if child.dep_ in ("relcl", "appos", "acl", "advcl")
               for t in child.subtree}
        tokens = []
        for token in head.subtree:
            if token.i in cut or (token.i > head.i and token.text == ","):
                if token.i > head.i:
                    break
                continue
            tokens.append(token)
        while tokens and tokens[0].is_punct:
            tokens.pop(0)
        while tokens and tokens[-1].is_punct:
            tokens.pop()
        if not tokens:
            return head.idx, head.idx + len(head)
        return tokens[0].idx, tokens[-1].idx + len(tokens[-1])
