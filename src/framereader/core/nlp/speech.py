"""Who said it: attribution verbs, speakers and reported speech, from the dependency parse.

`extract_speech(doc, offset, quotes)` reads one parsed run of sentences (with `doc.ents` set)
and returns, in text offsets:

- `links`: the attribution of each direct quotation (`core.voices.direct`) the run holds —
  the verb of saying that governs the quoted words ("called the closures "a hard choice"",
  ""…," she said", ""…," said the chair"), or, failing that, the verb right after the closing
  mark (""…," Staples ranted"); always within the quotation's own paragraphs (a run may be
  parsed across a paragraph break: the next paragraph's speaker is never this quotation's);
- `intros`: sentences that end with a colon after a verb of saying ("She wrote:"), for the
  quotation or block that follows;
- `indirect`: reported speech — a verb of saying with a reported clause ("X said (that) …",
  "X warned …", "…, X added", "…, said X") and "according to X, …" — unless the clause holds a
  direct quotation (then that quotation is the voice; a scare quote, no voice, does not count).

Not voices: a saying that did not happen ("did not say", "refused to say whether", "never
explain why"), a question put to someone ("Asked what she needed", "was told that"), a verb
that names or attacks rather than reports ("attacked markets", "call it what it is"), a
"trailing" verb that is itself inside what another verb reports ("Charities have said …
pensioners do not claim"), and a clause that holds its own attribution.

The speaker is the verb's subject (`core.nlp.speech_reader`): a named entity (or one in
apposition: "the finance chair, Tomasz Wróbel"), a pronoun as written, or the noun phrase as
written ("a spokesperson for the Environment Agency"); `core.voices.assemble` resolves names,
roles and inherited attributions.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from ..model import Quote
from ..segments import dateline_end
from ..voices.said import Said, SpeechFound
from ..voices.verbs import AS_VERBS, OBJECT_VERBS, SPEECH_VERBS
from .speech_reader import SpeechReader

_CLAUSE_DEPS = ("ccomp",)
#: Nouns after "according to" that only carry their source ("figures from the authority").
_SOURCE_CARRIERS = frozenset("figures figure data statistics numbers estimates estimate statement".split())
_OPEN_MARKS = frozenset("\"'“‘«‹„")
_CLOSE_MARKS = frozenset("\"'”’»›")
#: What may stand before a trailing attribution ("…, the minister added.").
_INVERSION_BREAKS = frozenset(",—–")


class _Reader(SpeechReader):
    """The attributions, introductions and reported speech of one run."""

    # ---- direct quotations
    def attribution(self, index: int) -> Said | None:
        """The verb of saying (and its subject) that the parse attaches to direct quotation
        `index`, within the quotation's own paragraphs (the parse may run across a paragraph
        break: the next paragraph's speaker is never this quotation's)."""
        quote = self.quotes[index]
        inside = self.tokens_of.get(index, [])
        if not inside:
            return None
        lo, hi = self.quote_lines(index)
        for token in inside:  # the verb that governs the quoted words (punctuation hangs anywhere)
            if token.is_punct:
                continue
            head, steps, through_as = token.head, 0, False
            while steps < 4 and head.i != token.i and self.quote_of(head) != index and lo <= self.line(head) <= hi:
                if self.is_speech(head):
                    if self.not_said(head) or through_as and self.verb_name(head) not in AS_VERBS:
                        break  # "refused to call it "…"", "complained … as "moaners"": not theirs
                    subject = self.subject(head)
                    if subject is not None and self.quote_of(subject) < 0:
                        return self.said(head, subject, f"subject of '{head.text}'")
                    break
                through_as = through_as or head.lower_ == "as"
                if head.head.i == head.i:
                    break
                head, steps = head.head, steps + 1
        close = self.offset + quote.end
        last = inside[-1]
        for token in last.sent:  # a verb attached to the quoted words, after them
            if token.idx + self.offset <= close or self.quote_of(token) >= 0 or not lo <= self.line(token) <= hi:
                continue
            if token.pos_ == "VERB" and self.quote_of(token.head) == index and not self.not_said(token):
                subject = self.subject(token)
                if subject is not None and self.quote_of(subject) < 0:
                    return self.said(token, subject, f"subject of '{token.text}'")
        return self.after_close(index, last)

    def after_close(self, index: int, last: Token) -> Said | None:
        """""…," she snapped: a verb among the first words after the closing mark, in the same
        paragraph."""
        quote = self.quotes[index]
        if self.doc.text[quote.end - 1 - self.offset : quote.end - self.offset] not in (",", "!", "?", "…", "—"):
            return None
        before: list[Token] = []
        hi = self.quote_lines(index)[1]
        for token in self.doc[last.i + 1 :]:
            if self.offset + token.idx <= quote.end or token.is_punct and token.text in _CLOSE_MARKS:
                continue
            if token.text in ".;" or self.quote_of(token) >= 0 or "\n" in token.text or self.line(token) > hi:
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
            line = self.line(colon)
            before = [t for t in sent.doc[sent.start : colon.i] if self.line(t) == line]
            for token in reversed(before):
                if self.quote_of(token) >= 0:
                    break
                if self.is_speech(token):
                    if self.not_said(token):
                        break
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
        """Whether `tokens` hold part of a direct quotation (a voice: a writer's scare quote
        ("remained "inclusive"") leaves reported speech reported speech)."""
        return any(self.quote_of(t) >= 0 for t in tokens)

    def without_quoted_conjuncts(self, root: Token, clause: list[Token]) -> list[Token] | None:
        """`clause` without the coordinated parts of `root` that hold a direct quotation ("said
        the crossing showed … and accused the government of "abandoning Texas""), or None when
        what is left still holds one."""
        cut: set[int] = set()
        for child in root.children:
            if child.dep_ == "conj" and self.touches_quote(list(child.subtree)):
                cut |= {t.i for t in child.subtree}
                cut |= {c.i for c in root.children if c.dep_ == "cc" and c.i < child.i}
        kept = [t for t in clause if t.i not in cut]
        return None if not cut or self.touches_quote(kept) else kept

    def in_reported_speech(self, verb: Token) -> bool:
        """Whether `verb` stands inside what another verb of saying reports ("Charities have
        said … pensioners do not claim", "experts point out that markets have been attacked")."""
        current = verb
        for _ in range(6):
            if current.head.i == current.i:
                return False
            current = current.head
            if self.is_speech(current):
                return True
        return False

    def trailing(self, verb: Token) -> bool:
        """"…, the minister added." / "…, said the chair, who …": the verb's phrase follows a
        comma (or dash) and ends the sentence."""
        left = verb.left_edge
        if left.i == 0 or self.doc[left.i - 1].text not in _INVERSION_BREAKS:
            return False
        rest = [t for t in self.doc[verb.right_edge.i + 1 : verb.sent.end] if self.line(t) == self.line(verb)]
        return all(t.is_punct or t.is_space for t in rest)

    def clause_range(self, tokens: list[Token], verb: Token, subject: Token) -> tuple[int, int] | None:
        """The reported clause's [start, end) in the text (without "that", a dateline or the
        final stop), or None when too short or not one stretch (the verb or its subject
        inside it: "a law that unions say is rarely enforced")."""
        while tokens and (tokens[0].is_punct or tokens[0].is_space
                          or tokens[0].dep_ == "mark" and tokens[0].lower_ in ("that", "whether", "if")):
            tokens = tokens[1:]
        while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
            if tokens[-1].text in _CLOSE_MARKS and any(t.text in _OPEN_MARKS for t in tokens[:-1]):
                break  # a scare quote at the end of the clause keeps its closing mark
            tokens = tokens[:-1]
        if len([t for t in tokens if not t.is_punct]) < 2 or not any(t.pos_ in ("VERB", "AUX") for t in tokens):
            return None
        if any(tokens[0].i <= t.i <= tokens[-1].i for t in (verb, subject)):
            return None
        start = tokens[0].idx
        if start == 0 or self.doc.text[start - 1] == "\n":
            start = dateline_end(self.doc.text, start)
        end = tokens[-1].idx + len(tokens[-1])
        return (self.offset + start, self.offset + end) if start < end else None

    def reported(self, verb: Token) -> tuple[Quote, Said] | None:
        """"X said (that) …", "X warned …", "…, X added": the reported clause and its speaker.
        Not a saying that did not happen ("refused to say whether"), not a question put to
        someone ("Asked what she needed", "was told that"), not a verb that names or attacks
        ("call it …", "attacked markets"); a trailing verb only when it ends its sentence
        after a comma and is not itself inside what another verb reports."""
        subject = self.subject(verb)
        name = self.verb_name(verb)
        if subject is None or self.quote_of(subject) >= 0 or (name not in SPEECH_VERBS and " " not in name):
            return None
        if name in OBJECT_VERBS or self.not_said(verb):  # "call it what it is", "did not say"
            return None
        if subject.dep_ == "nsubjpass" or (verb.tag_ in ("VBN", "VBD") and verb.dep_ in ("advcl", "acl", "amod")
                                           and not any(c.dep_ in ("aux", "auxpass", "nsubj") for c in verb.children)):
            return None  # "was told that …", "Asked what she needed, …": the words are not the subject's
        line = self.line(verb)
        clause: list[Token] | None = None
        for child in verb.children:
            if child.dep_ in _CLAUSE_DEPS:
                clause = [t for t in sorted(child.subtree, key=lambda t: t.i) if self.line(t) == line]
                if self.touches_quote(clause):
                    clause = self.without_quoted_conjuncts(child, clause)
                break
        form = "subject of '{}'"
        if (clause is None and verb.dep_ in ("parataxis", "ccomp") and verb.head.i < verb.i
                and self.trailing(verb) and not self.in_reported_speech(verb)):
            own = {t.i for t in verb.subtree}
            clause = [t for t in verb.head.subtree if t.i not in own and t.i < verb.i and self.line(t) == line]
            form = "subject of '{}' after the reported words"
        if not clause or self.touches_quote(clause):
            return None
        found = self.clause_range(clause, verb, subject)
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
        line = self.line(token)
        for t in token.sent:
            if self.line(t) != line:
                continue
            if t.i in own:
                if pieces[-1]:
                    pieces.append([])
            else:
                pieces[-1].append(t)
        clause = max(pieces, key=lambda piece: sum(1 for t in piece if not (t.is_punct or t.is_space)))
        if self.touches_quote(clause):
            return None, said
        found_range = self.clause_range(clause, token, source)
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
    #: the verbs that introduce a direct quotation do not also report a clause ("Crescent's
    #: takeover there was, one Belgian fan told us, "a disaster in a nice suit"")
    link_verbs = {said.verb_start for _index, said in found.links if said.verb}
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
                    index = reader.quote_of(t) if reader.line(t) == reader.line(token) else -1
                    if index >= 0 and index not in linked:
                        found.links.append((index, said))
                        linked.add(index)
        elif reader.is_speech(token) and offset + token.idx not in link_verbs:
            result2 = reader.reported(token)
            if result2 is not None:
                found.indirect.append(result2)
    return found
