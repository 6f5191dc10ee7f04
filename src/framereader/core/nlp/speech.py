"""Who said it: attribution verbs, speakers and reported speech, from the dependency parse.

`extract_speech(doc, offset, quotes)` reads one parsed run of sentences (with `doc.ents` set)
and returns, in text offsets:

- `links`: the attribution of each direct quotation (`core.voices.direct`) the run holds —
  the verb of saying that governs the quoted words ("called the closures "a hard choice"",
  ""…," she said", ""…," said the chair"), or, failing that, the verb right after the closing
  mark (""…," Staples ranted");
- `intros`: sentences that end with a colon after a verb of saying ("She wrote:"), for the
  quotation or block that follows;
- `indirect`: reported speech — a verb of saying with a reported clause ("X said (that) …",
  "X warned …", "…, X added", "…, said X") and "according to X, …" — unless the clause holds a
  direct quotation (then that quotation is the voice).

The speaker is the verb's subject: a named entity (or one in apposition: "the finance chair,
Tomasz Wróbel"), a pronoun as written, or the noun phrase as written ("a spokesperson for the
Environment Agency"); `core.voices.assemble` resolves names, roles and inherited attributions.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from ..kinds import NON_ACTOR_LABELS
from ..model import Quote
from ..voices.said import Said, SpeechFound
from ..voices.verbs import NAMING_VERBS, PARTICLES, SPEECH_VERBS

_SUBJECTS = ("nsubj", "nsubjpass")
_CLAUSE_DEPS = ("ccomp",)
#: Nouns after "according to" that only carry their source ("figures from the authority").
_SOURCE_CARRIERS = frozenset("figures figure data statistics numbers estimates estimate statement".split())
_OPEN_MARKS = frozenset("\"'“‘«‹„")
_CLOSE_MARKS = frozenset("\"'”’»›")


class _Reader:
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

    # ---- verbs
    def verb_name(self, token: Token) -> str:
        lemma = token.lemma_.lower()
        particle = PARTICLES.get(lemma)
        if particle is not None:
            after = token.nbor(1) if token.i + 1 < len(self.doc) else None
            if after is not None and after.lower_ == particle:
                return f"{lemma} {particle}"
        return lemma

    def is_speech(self, token: Token) -> bool:
        if token.pos_ not in ("VERB", "AUX") or self.quote_of(token) >= 0:
            return False
        name = self.verb_name(token)
        return name in SPEECH_VERBS or name in NAMING_VERBS or " " in name

    def subject(self, verb: Token) -> Token | None:
        """The verb's subject: the one nearest the verb when the parser gives two; a
        coordinated or participle verb takes its head's; a relative pronoun ("Sharp, who
        described…") stands for the noun it follows."""
        current: Token | None = verb
        for _ in range(3):
            if current is None:
                return None
            subjects = [c for c in current.children if c.dep_ in _SUBJECTS and not c.is_punct]
            if subjects:
                found = min(subjects, key=lambda c: abs(c.i - verb.i))
                if found.pos_ in ("VERB", "AUX", "ADJ", "ADV"):
                    return None
                if found.lower_ in ("who", "that", "which") and current.dep_ == "relcl" and current.head.i != current.i:
                    head = current.head
                    return head if head.pos_ in ("NOUN", "PROPN", "PRON") else None
                return found
            if current.dep_ in ("conj", "advcl", "xcomp") and current.head.i != current.i:
                current = current.head
            else:
                return None
        return None

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

    # ---- direct quotations
    def attribution(self, index: int) -> Said | None:
        quote = self.quotes[index]
        inside = self.tokens_of.get(index, [])
        if not inside:
            return None
        for token in inside:  # the verb that governs the quoted words
            head, steps = token.head, 0
            while steps < 4 and head.i != token.i and self.quote_of(head) != index:
                if self.is_speech(head):
                    subject = self.subject(head)
                    if subject is not None and self.quote_of(subject) < 0:
                        return self.said(head, subject, f"subject of '{head.text}'")
                    break
                if head.head.i == head.i:
                    break
                head, steps = head.head, steps + 1
        close = self.offset + quote.end
        last = inside[-1]
        for token in last.sent:  # a verb attached to the quoted words, after them
            if token.idx + self.offset <= close or self.quote_of(token) >= 0:
                continue
            if token.pos_ == "VERB" and self.quote_of(token.head) == index:
                subject = self.subject(token)
                if subject is not None and self.quote_of(subject) < 0:
                    return self.said(token, subject, f"subject of '{token.text}'")
        return self.after_close(index, last)

    def after_close(self, index: int, last: Token) -> Said | None:
        """""…," she snapped: a verb among the first words after the closing mark."""
        quote = self.quotes[index]
        if self.doc.text[quote.end - 1 - self.offset : quote.end - self.offset] not in (",", "!", "?", "…", "—"):
            return None
        before: list[Token] = []
        for token in self.doc[last.i + 1 :]:
            if self.offset + token.idx <= quote.end or token.is_punct and token.text in _CLOSE_MARKS:
                continue
            if token.text in ".;" or self.quote_of(token) >= 0:
                return None
            if token.pos_ == "VERB":
                subject = self.subject(token)
                if subject is not None and self.quote_of(subject) < 0:
                    return self.said(token, subject, f"subject of '{token.text}' after the quotation")
                # the parser missed the subject: the name or pronoun between the mark and the verb,
                # else the one right after the verb ("…?' said the chef")
                nouns = [t for t in before if t.pos_ in ("PROPN", "PRON", "NOUN")]
                if not nouns and token.i + 1 < len(self.doc):
                    following = [t for t in self.doc[token.i + 1 : token.i + 5] if t.pos_ in ("PROPN", "PRON", "NOUN")]
                    nouns = following[:1]
                if nouns and (not before or len(before) <= 4):
                    speaker = nouns[-1] if before else nouns[0]
                    return self.said(token, speaker, f"the words before '{token.text}'" if before else f"after '{token.text}'")
                return None
            before.append(token)
            if len(before) > 6:
                return None
        return None

    def intros(self, sent: Span) -> list[tuple[int, Said]]:
        """"She wrote:" — a colon after a verb of saying (ending the sentence, or before a
        quotation in it); the attribution of the quotation that follows the colon."""
        found = []
        for colon in sent:
            if colon.text != ":" or self.quote_of(colon) >= 0:
                continue
            before = list(sent.doc[sent.start : colon.i])
            for token in reversed(before):
                if self.quote_of(token) >= 0:
                    break
                if self.is_speech(token):
                    subject = self.subject(token)
                    if subject is not None and self.quote_of(subject) < 0:
                        found.append((self.offset + colon.idx + 1, self.said(token, subject, f"subject of '{token.text}:'")))
                    break
            else:  # "The envoy, Sarah Lindqvist, put it plainly:" — no verb of saying, but a named subject
                root = next((t for t in before if t.dep_ == "ROOT" and t.pos_ in ("VERB", "AUX")), None)
                subject = self.subject(root) if root is not None else None
                named = subject is not None and (subject.pos_ == "PROPN" or subject.ent_type_ in ("PERSON", "ORG")
                                                 or any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in subject.children))
                if root is not None and subject is not None and named and self.quote_of(subject) < 0:
                    found.append((self.offset + colon.idx + 1, self.said(None, subject, f"subject of '{root.text} …:'")))
        return found

    # ---- reported speech
    def touches_quote(self, tokens: Sequence[Token]) -> bool:
        return any(self.quote_of(t) >= 0 or t.text in _OPEN_MARKS or t.text in _CLOSE_MARKS for t in tokens)

    def clause_range(self, tokens: list[Token]) -> tuple[int, int] | None:
        while tokens and (tokens[0].is_punct or tokens[0].is_space
                          or tokens[0].dep_ == "mark" and tokens[0].lower_ in ("that", "whether", "if")):
            tokens = tokens[1:]
        while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
            tokens = tokens[:-1]
        if len([t for t in tokens if not t.is_punct]) < 2 or not any(t.pos_ in ("VERB", "AUX") for t in tokens):
            return None
        return self.offset + tokens[0].idx, self.offset + tokens[-1].idx + len(tokens[-1])

    def reported(self, verb: Token) -> tuple[Quote, Said] | None:
        subject = self.subject(verb)
        name = self.verb_name(verb)
        if subject is None or self.quote_of(subject) >= 0 or (name not in SPEECH_VERBS and " " not in name):
            return None
        if name in NAMING_VERBS:  # "call it what it is: an invasion" names, it does not report
            return None
        clause: list[Token] | None = None
        for child in verb.children:
            if child.dep_ in _CLAUSE_DEPS:
                clause = sorted(child.subtree, key=lambda t: t.i)
                break
        form = "subject of '{}'"
        if clause is None and verb.dep_ in ("parataxis", "ccomp") and verb.head.i < verb.i:
            own = {t.i for t in verb.subtree}
            clause = [t for t in verb.head.subtree if t.i not in own and t.i < verb.i]
            form = "subject of '{}' after the reported words"
        if not clause or self.touches_quote(clause):
            return None
        found = self.clause_range(clause)
        if found is None:
            return None
        start, end = found
        text = self.doc.text[start - self.offset : end - self.offset]
        return Quote(start, end, text, "indirect"), self.said(verb, subject, form.format(verb.text))

    def according(self, token: Token) -> tuple[Quote | None, Said] | None:
        """"according to X, …" / "…, according to X"."""
        to = next((c for c in token.children if c.lower_ == "to"), None)
        source = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
        if source is None:
            return None
        if source.lower_ in _SOURCE_CARRIERS:
            inner = next((c for c in source.children if c.dep_ == "prep" and c.lower_ in ("from", "by", "of")), None)
            found = next((c for c in inner.children if c.dep_ == "pobj"), None) if inner is not None else None
            source = found or source
        said = self.said(None, source, "according to")
        own = {t.i for t in token.subtree}
        pieces: list[list[Token]] = [[]]
        for t in token.sent:
            if t.i in own:
                if pieces[-1]:
                    pieces.append([])
            else:
                pieces[-1].append(t)
        clause = max(pieces, key=lambda piece: sum(1 for t in piece if not (t.is_punct or t.is_space)))
        if self.touches_quote(clause):
            return None, said
        found_range = self.clause_range(clause)
        if found_range is None:
            return None
        start, end = found_range
        return Quote(start, end, self.doc.text[start - self.offset : end - self.offset], "indirect"), said


def extract_speech(doc: Doc, offset: int, quotes: Sequence[Quote]) -> SpeechFound:
    """The attributions, introductions and reported speech in one parsed run (see the module)."""
    reader = _Reader(doc, offset, quotes)
    found = SpeechFound()
    end = offset + len(doc.text)
    linked: set[int] = set()
    first = bisect_right(reader.starts, offset) - 1
    for index in range(max(first, 0), len(quotes)):
        if quotes[index].start >= end:
            break
        if quotes[index].end < offset:
            continue
        said = reader.attribution(index)
        if said is not None:
            found.links.append((index, said))
            linked.add(index)
    for sent in doc.sents:
        found.intros.extend(reader.intros(sent))
    for ent in doc.ents:
        if ent.label_ in ("PERSON", "ORG"):
            root = ent.root
            nouns = [c for c in root.children if c.dep_ in ("compound", "appos") and c.pos_ == "NOUN"
                     and not (ent.start <= c.i < ent.end)]
            if root.dep_ == "appos" and root.head.pos_ == "NOUN":
                nouns.append(root.head)
            for noun in nouns:
                found.roles.append((noun.lemma_.lower(), offset + ent.start_char, offset + ent.end_char))
    for token in doc:
        if token.lower_ == "according" and reader.quote_of(token) < 0:
            result = reader.according(token)
            if result is None:
                continue
            quote, said = result
            if quote is not None:
                found.indirect.append((quote, said))
            else:  # the sentence holds a direct quotation: "according to" names its speaker
                for t in token.sent:
                    index = reader.quote_of(t)
                    if index >= 0 and index not in linked:
                        found.links.append((index, said))
                        linked.add(index)
        elif reader.is_speech(token):
            result2 = reader.reported(token)
            if result2 is not None:
                found.indirect.append(result2)
    return found
