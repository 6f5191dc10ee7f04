"""Put the voices of a text together (pure Python): direct quotations with their attributions,
reported speech, and speakers resolved to the text's actors where the text supports it.

- A direct quotation takes the attribution of a sentence ending in a colon right before it
  ("She wrote:", "Petrova made the point calmly:"), unless the parse found its attribution
  after it in its own paragraph (""A," she said"); else the attribution the parse found; else,
  when it stands alone, the speaker of the quotation just before it in the same or the
  previous paragraph (""A," she said. "B.""), but only when nothing stands between the two
  but the first one's attribution (""A," she said. Outside, protesters chanted "B."" is not
  hers); or of the one right after it in the same paragraph.
- A quotation or reported clause in the headline is never a voice (`core.voices.direct`).
- A named speaker becomes its actor's name ("Okonkwo" → "Adebayo Okonkwo", by the rule that
  groups an actor's mentions, `core.comparison.actors`). A role ("the chair", "the chief
  executive") becomes a person only when the text attaches that word to exactly one named
  person before the quotation ("The council's finance chair, Tomasz Wróbel"); otherwise it
  stays the words as written, not an actor.
- A pronoun speaker ("she said") becomes an actor only through the text's confident pronoun
  links (`Analysis.references`, made by core.nlp.references with their evidence); without
  one it stays as written ("she"), not an actor — never a guess.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import replace

from ..model import Descriptor, EntitySpan, Quote, Reference
from .direct import in_heading_line, words_of
from .said import Said, SpeechFound
from .verbs import is_speech_form

#: Descriptor relations that name a person's role ("finance chair, Tomasz Wróbel").
ROLE_RELATIONS = frozenset({"appos", "title", "compound", "copula"})
#: Entity labels that can speak (a name that the model mislabels as an organisation included).
SPEAKER_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
_BETWEEN_INTRO = re.compile(r"[\s\"'“‘«‹„>]*")
_DETERMINERS = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?…;:](?=[\s\"'”’»›]|$)|\n")


def _lines_between(text: str, a: int, b: int) -> int:
    return sum(1 for line in text[a:b].split("\n")[1:-1] if line.strip()) if b > a else 0


def link_direct(
    text: str, direct: Sequence[Quote], links: Iterable[tuple[int, Said]], intros: Iterable[tuple[int, Said]],
) -> list[Said | None]:
    """The attribution of each direct quotation (None where none is found)."""
    found: list[Said | None] = [None] * len(direct)
    for index, said in links:
        if 0 <= index < len(direct) and found[index] is None:
            found[index] = said
    intro_at = sorted({end: said for end, said in intros}.items(), key=lambda item: item[0])
    ends = [end for end, _said in intro_at]
    for index, quote in enumerate(direct):
        linked = found[index]
        if linked is not None and linked.verb and linked.verb_start >= quote.end and "\n" not in text[
                quote.end : linked.verb_start]:
            continue  # ""A," she said" after the quotation, in its paragraph
        at = bisect_right(ends, quote.start) - 1  # the nearest colon before the quotation
        if at >= 0 and _BETWEEN_INTRO.fullmatch(text, ends[at], quote.start):
            found[index] = intro_at[at][1]
    for index in range(len(direct)):  # a quotation that stands alone: the one before it
        if found[index] is None and index > 0 and found[index - 1] is not None and _stands_alone(text, direct[index]):
            before, quote = direct[index - 1], direct[index]
            gap = text[before.end : quote.start]
            previous = found[index - 1]
            assert previous is not None
            if (gap.count("\n") <= 2 and _lines_between(text, before.end, quote.start) == 0
                    and _nothing_between(text, before, quote, previous)):
                found[index] = replace(previous, how="same speaker as the quotation before")
    for index in range(len(direct) - 2, -1, -1):  # or the one right after it
        if found[index] is None and found[index + 1] is not None:
            gap = text[direct[index].end : direct[index + 1].start]
            if "\n" not in gap and len(gap) <= 3:
                after = found[index + 1]
                assert after is not None
                found[index] = replace(after, how="same speaker as the quotation after")
    return found


def _nothing_between(text: str, before: Quote, quote: Quote, said: Said) -> bool:
    """Between two quotations, nothing but the first one's attribution sentence (""A," she
    said. " or "said X, a teacher from Y. "): no other sentence (someone else may speak or
    act there) and no other verb of saying."""
    start, end = before.end, quote.start
    own = [(a, b) for a, b in ((said.verb_start, said.verb_end), (said.speaker_start, said.speaker_end))
           if b > a and start <= a and b <= end]
    cut = max([start, *(b for _a, b in own)])
    stop = _SENTENCE_END.search(text, cut, end)
    rest = text[stop.end() : end] if stop is not None else ""
    if words_of(rest):
        return False  # a sentence of the writer's between the two
    blanked = list(text[start:cut])
    for a, b in own:
        blanked[a - start : b - start] = " " * (b - a)
    words = words_of("".join(blanked))
    return not any(is_speech_form(w, words[i - 1] if i else "") for i, w in enumerate(words))


def _stands_alone(text: str, quote: Quote) -> bool:
    """The quotation is whole sentences with nothing of the writer's after it in its paragraph
    sentence (""B."" rather than ""B," replied the minister")."""
    if text[quote.end - 1 : quote.end] not in (".", "!", "?", "…"):
        return False
    rest = text[quote.end + 1 : quote.end + 3]
    return not rest.strip() or rest[:1] == " " and (rest[1:2].isupper() or rest[1:2] in "\"“‘«'")


class SpeakerNames:
    """Resolves speakers' mentions to actor names: `names` maps an entity mention (start, end)
    to its actor's name; `roles` lists (descriptor word, mention start, actor name)."""

    def __init__(self, names: dict[tuple[int, int], str], descriptors: Sequence[Descriptor],
                 entities: Sequence[EntitySpan] = (), roles: Iterable[tuple[str, int, int]] = (),
                 references: Iterable[Reference] = ()) -> None:
        self.names = names
        #: pronoun span -> its confident link to a named mention
        self.references = {(r.start, r.end): r for r in references}
        #: last word of a name of two words or more -> those names ("Okonkwo" -> "Adebayo Okonkwo")
        self.surnames: dict[str, set[str]] = {}
        for ent in entities:
            if ent.label in SPEAKER_LABELS:
                name = names.get((ent.start, ent.end), ent.text)
                words = name.split()
                if len(words) >= 2:
                    for word in words:
                        if word[:1].isupper():
                            self.surnames.setdefault(word.casefold(), set()).add(name)
        found = [(d.word, d.mention_start, d.mention_end) for d in descriptors
                 if d.relation in ROLE_RELATIONS and not d.negated]
        text_of = {(e.start, e.end): e.text for e in entities}
        #: role noun -> (mention start, person's name), for "the chair" -> the one person called chair
        self.roles: dict[str, list[tuple[int, str]]] = {}
        for word, start, end in {*found, *roles}:
            if word.strip():
                name = names.get((start, end)) or text_of.get((start, end), "")
                self.roles.setdefault(word.split()[-1].casefold(), []).append((start, name))

    def quote(self, quote: Quote, said: Said | None) -> Quote:
        if said is None:
            return quote
        speaker, is_actor, how = said.speaker, False, said.how
        one_name = " " not in said.speaker and said.label == "PROPN"
        if said.form == "entity" or (said.form == "phrase" and one_name):
            name = self.names.get((said.speaker_start, said.speaker_end), said.speaker)
            speaker, is_actor = name, True
            fuller = self.surnames.get(name.casefold(), set()) if " " not in name else set()
            if len(fuller) == 1:
                speaker = fuller.pop()
        elif said.form == "phrase" and said.head:
            people = {name for start, name in self.roles.get(said.head, ()) if name and start < said.speaker_start}
            if len(people) == 1:
                speaker, is_actor = people.pop(), True
                how = f"{how}; the text calls {speaker} '{said.head}' earlier"
        elif said.form == "pronoun":
            link = self.references.get((said.speaker_start, said.speaker_end))
            if link is not None:
                speaker = self.names.get((link.antecedent_start, link.antecedent_end), link.actor)
                is_actor = True
                how = f"{how}; ‘{said.speaker}’ is {speaker} ({link.evidence})" if link.evidence else \
                    f"{how}; ‘{said.speaker}’ is {speaker}"
            else:
                how = f"{how}; a pronoun, shown as written"
        if not is_actor and said.form == "phrase":
            speaker = speaker.strip()
        return replace(
            quote, speaker=speaker, speaker_start=said.speaker_start, speaker_end=said.speaker_end,
            verb=said.verb, verb_start=said.verb_start if said.verb else 0, verb_end=said.verb_end if said.verb else 0,
            speaker_is_actor=is_actor, how=how,
        )


def speaker_key(quote: Quote) -> str:
    """The key under which two quotations have the same speaker (actor name or phrase)."""
    return _DETERMINERS.sub("", " ".join(quote.speaker.split())).casefold()


def assemble(text: str, direct: Sequence[Quote], speech: SpeechFound, names: dict[tuple[int, int], str],
             descriptors: Sequence[Descriptor] = (), entities: Sequence[EntitySpan] = (),
             references: Iterable[Reference] = ()) -> tuple[Quote, ...]:
    """Every voice of the text in text order (see the module's doc): the `direct` quotations with
    the attributions and reported speech the parse found (`speech`)."""
    resolver = SpeakerNames(names, descriptors, entities, speech.roles, references)
    attributions = link_direct(text, direct, speech.links, speech.intros)
    quotes = [resolver.quote(q, s) for q, s in zip(direct, attributions)]
    direct_spans = sorted((q.start, q.end) for q in direct)
    direct_starts = [a for a, _b in direct_spans]
    last_end = -1  # the reported clauses kept so far do not overlap (taken in text order)
    for quote, said in sorted(speech.indirect, key=lambda item: (item[0].start, -item[0].end)):
        at = bisect_right(direct_starts, quote.end - 1) - 1  # the last direct quotation starting inside or before
        if quote.start < last_end or (at >= 0 and direct_spans[at][1] > quote.start) or in_heading_line(text, quote.start):
            continue
        last_end = quote.end
        quotes.append(resolver.quote(quote, said))
    return tuple(sorted(quotes, key=lambda q: (q.start, q.end)))


def mention_names(entities: Iterable[EntitySpan], actors: Iterable[object]) -> dict[tuple[int, int], str]:
    """(start, end) of each actor mention → the actor's name, from `core.comparison` actors."""
    names: dict[tuple[int, int], str] = {}
    for actor in actors:
        side = getattr(actor, "left")
        for mention in side.mentions:
            names[tuple(mention)] = getattr(actor, "name")  # type: ignore[index]
    return names
