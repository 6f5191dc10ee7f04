"""Who gets to speak in each text: the voices of two analyses side by side (pure Python).

A speaker is the same in both texts when it is the same actor (the comparison's grouping of
names, `core.comparison.actors`), else when the words are the same ("a spokesperson for the
council"). A speaker given only by a pronoun that FrameReader could not link to a name ("she
said") is nobody in particular: two such quotations may be two people, so they are never one
speaker; each text gathers them in a row of its own, "not named (she)", that claims no one.
"Only the left text quotes X" (`Voices.only_left`) holds only when it is sure: not while the
right text names X and has quotations whose speaker is not named (they could be X's:
`Voices.unsure_left`). Each speaker gets, per text, its quotations (direct and reported), the words
quoted directly, and the verbs that introduce it; a verb is *judgemental* when the lexicon
category `reporting_verbs` marks it in that text (admitted, insisted, slammed...), neutral when
it is one of `core.voices.verbs.NEUTRAL_VERBS`. The share of quoted words is the words inside
direct quotations over the text's words.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..model import Analysis, BothSides, Quote, Side
from .assemble import speaker_key
from .direct import words_of

#: The framing category that holds judgemental verbs of saying (owned by the lexicon).
REPORTING_VERBS = "reporting_verbs"
#: The row of quotations whose speaker the text does not give (or FrameReader did not find).
UNATTRIBUTED = "(speaker not found)"
#: Speakers that are only a pronoun (when not linked to a name, see `core.voices.assemble`).
PRONOUNS = frozenset("he she it they we i you him her them one".split())


def unnamed_label(pronouns: Iterable[str]) -> str:
    """"not named (she)", "not named (he, she)": the row of one text's quotations whose speaker
    is only a pronoun FrameReader could not link to a name."""
    return f"not named ({', '.join(sorted({p.casefold() for p in pronouns}))})"


def is_unnamed(quote: Quote) -> bool:
    """Whether the quotation's speaker is only a pronoun, not linked to anyone."""
    return bool(quote.speaker) and not quote.speaker_is_actor and quote.speaker.casefold() in PRONOUNS


def judgemental_verbs(analysis: Analysis) -> set[tuple[int, int]]:
    """(start, end) of the `reporting_verbs` framing spans of `analysis`."""
    return {(f.start, f.end) for f in analysis.framing if f.category == REPORTING_VERBS}


def is_judgemental(quote: Quote, marked: set[tuple[int, int]]) -> bool:
    """Whether a `reporting_verbs` span covers the quotation's verb."""
    return bool(quote.verb) and any(a < quote.verb_end and quote.verb_start < b for a, b in marked)


@dataclass(frozen=True)
class VoiceSide:
    """One speaker in one text."""

    quotes: tuple[Quote, ...] = ()
    words: int = 0  # words inside its direct quotations
    verbs: tuple[tuple[str, int], ...] = ()  # attribution verbs, most used first ("according to"; none left out)
    judgemental: tuple[str, ...] = ()  # those the lexicon marks as judging

    @property
    def count(self) -> int:
        return len(self.quotes)

    @property
    def direct(self) -> int:
        return sum(1 for q in self.quotes if q.kind == "direct")

    def to_json(self) -> dict[str, Any]:
        return {
            "quotes": self.count, "direct": self.direct, "indirect": self.count - self.direct,
            "words": self.words, "verbs": [[v, n] for v, n in self.verbs], "judgemental": list(self.judgemental),
            "quotations": [[q.start, q.end] for q in self.quotes],
        }


@dataclass(frozen=True)
class Voice(BothSides[VoiceSide]):
    """A speaker quoted in one text or both: `speaker` is the name of the comparison's actor when
    the speaker is one (`is_actor`), else the speaker as written, `UNATTRIBUTED` for the
    quotations whose speaker was not found, or "not named (she)" for one text's quotations whose
    speaker is only a pronoun FrameReader could not link to a name (`unnamed` holds those
    pronouns). `named_in`: the texts that name this speaker (quoted or not)."""

    speaker: str
    is_actor: bool
    left: VoiceSide = VoiceSide()
    right: VoiceSide = VoiceSide()
    unnamed: tuple[str, ...] = ()
    named_in: tuple[Side, ...] = ()

    @property
    def is_someone(self) -> bool:
        """A speaker the text names or describes (not a "not found" or "not named" row)."""
        return self.speaker != UNATTRIBUTED and not self.unnamed

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"speaker": None if self.speaker == UNATTRIBUTED else self.speaker,
                                "actor": self.is_actor, "left": self.left.to_json(), "right": self.right.to_json()}
        if self.unnamed:
            data["unnamed"] = list(self.unnamed)
        return data


@dataclass(frozen=True)
class TextVoices:
    """One text's totals: quotations, words quoted directly, the share of its words they are."""

    quotes: int = 0
    direct: int = 0
    quoted_words: int = 0
    words: int = 0
    judgemental: int = 0  # quotations introduced by a judgemental verb

    @property
    def share(self) -> float:
        return round(self.quoted_words / self.words, 3) if self.words else 0.0

    def to_json(self) -> dict[str, Any]:
        return {"quotes": self.quotes, "direct": self.direct, "indirect": self.quotes - self.direct,
                "quoted_words": self.quoted_words, "words": self.words, "share": self.share,
                "judgemental": self.judgemental}


@dataclass(frozen=True)
class Voices:
    """Every speaker of both texts, most quoted first, and each text's totals."""

    voices: tuple[Voice, ...] = ()
    left: TextVoices = field(default_factory=TextVoices)
    right: TextVoices = field(default_factory=TextVoices)

    def totals(self, side: Side) -> TextVoices:
        return self.left if side == "left" else self.right

    def not_named(self, side: Side) -> int:
        """How many of `side`'s quotations have no named speaker (only a pronoun, or none found)."""
        return sum(v.side(side).count for v in self.voices if not v.is_someone)

    def _one_sided(self, side: Side, sure: bool) -> tuple[Voice, ...]:
        other: Side = "right" if side == "left" else "left"
        unknown = self.not_named(other) > 0
        return tuple(v for v in self.voices if v.is_someone and v.side(side).count and not v.side(other).count
                     and sure != (unknown and other in v.named_in))

    @property
    def only_left(self) -> tuple[Voice, ...]:
        """Speakers surely quoted in the left text only (see the module's doc)."""
        return self._one_sided("left", True)

    @property
    def only_right(self) -> tuple[Voice, ...]:
        return self._one_sided("right", True)

    @property
    def unsure_left(self) -> tuple[Voice, ...]:
        """Speakers the left text quotes and the right text names without quoting them by name,
        while some of the right text's quotations have no named speaker: they may be theirs."""
        return self._one_sided("left", False)

    @property
    def unsure_right(self) -> tuple[Voice, ...]:
        return self._one_sided("right", False)

    def to_json(self) -> dict[str, Any]:
        return {
            "left": self.left.to_json(), "right": self.right.to_json(),
            "speakers": [v.to_json() for v in self.voices],
            "only_left": [v.speaker for v in self.only_left], "only_right": [v.speaker for v in self.only_right],
            "unsure_left": [v.speaker for v in self.unsure_left], "unsure_right": [v.speaker for v in self.unsure_right],
        }


def _side(quotes: Sequence[Quote], marked: set[tuple[int, int]]) -> VoiceSide:
    verbs = Counter(key for key in map(_verb_key, quotes) if key)
    ranked = tuple(sorted(verbs.items(), key=lambda item: (-item[1], item[0])))
    judged = tuple(sorted({q.verb for q in quotes if q.verb and is_judgemental(q, marked)}))
    words = sum(len(words_of(q.text)) for q in quotes if q.kind == "direct")
    return VoiceSide(tuple(quotes), words, ranked, judged)


def _verb_key(quote: Quote) -> str:
    """The quotation's attribution verb; "according to" for that form; "" for none (a quotation
    after a colon with no verb of saying, "Petrova made the point calmly:", or no speaker found)."""
    if quote.verb:
        return quote.verb
    return "according to" if quote.speaker and quote.how.startswith("according to") else ""


def _totals(analysis: Analysis, marked: set[tuple[int, int]]) -> TextVoices:
    direct = [q for q in analysis.quotes if q.kind == "direct"]
    return TextVoices(
        quotes=len(analysis.quotes), direct=len(direct),
        quoted_words=sum(len(words_of(q.text)) for q in direct), words=analysis.words,
        judgemental=sum(1 for q in analysis.quotes if is_judgemental(q, marked)),
    )


def compare_voices(left: Analysis, right: Analysis, actors: Iterable[Any] = ()) -> Voices:
    """The voices of both texts, a speaker matched across texts by actor, else by its words;
    per text, one row for the quotations whose speaker is only a pronoun (see the module).
    `actors` are the comparison's (`core.comparison.actors.Actor`)."""
    actor_list = list(actors)
    analyses: dict[Side, Analysis] = {"left": left, "right": right}
    folded: dict[Side, str] = {}  # the texts in lower case, when a speaker's words are looked up
    groups: dict[str, dict[str, Any]] = {}
    for side, analysis in analyses.items():
        for quote in analysis.quotes:
            if is_unnamed(quote):
                group = groups.setdefault(f"\0unnamed {side}", {"actor": False, "left": [], "right": [], "named": ()})
                group["name"] = unnamed_label([*group.get("pronouns", ()), quote.speaker])
                group["pronouns"] = (*group.get("pronouns", ()), quote.speaker.casefold())
                group[side].append(quote)
                continue
            name, is_actor, actor = _speaker_of(quote, side, actor_list)
            key = name.casefold() if is_actor else (speaker_key(quote) if quote.speaker else "")
            group = groups.setdefault(key, {"name": name or UNATTRIBUTED, "actor": is_actor, "left": [], "right": [],
                                            "named": ()})
            if key:
                group["named"] = tuple(dict.fromkeys((*group["named"], *_named_in(actor, key, analyses, folded))))
            group[side].append(quote)
    marks = {"left": judgemental_verbs(left), "right": judgemental_verbs(right)}
    voices = [
        Voice(g["name"], g["actor"], _side(g["left"], marks["left"]), _side(g["right"], marks["right"]),
              tuple(dict.fromkeys(g.get("pronouns", ()))), g["named"])
        for g in groups.values()
    ]
    voices.sort(key=lambda v: (v.speaker == UNATTRIBUTED, bool(v.unnamed), -v.total, v.speaker.casefold()))
    return Voices(tuple(voices), _totals(left, marks["left"]), _totals(right, marks["right"]))


def _named_in(actor: Any, key: str, analyses: dict[Side, Analysis], folded: dict[Side, str]) -> tuple[Side, ...]:
    """The texts that name the speaker: the actor's mentions, else its words in the text."""
    if actor is not None:
        return tuple(side for side in analyses if actor.side(side).mentions)
    for side, analysis in analyses.items():
        if side not in folded:
            folded[side] = analysis.text.casefold()
    return tuple(side for side in analyses if key in folded[side])


def _speaker_of(quote: Quote, side: Side, actors: Sequence[Any]) -> tuple[str, bool, Any]:
    """The speaker's display name, whether it is an actor, and that actor: the comparison's
    actor holding the speaker's mention (or whose names include the speaker's name), else the
    quotation's speaker (and None)."""
    if not quote.speaker:
        return "", False, None
    if quote.speaker_is_actor:
        for actor in actors:
            if (quote.speaker_start, quote.speaker_end) in actor.side(side).mentions:
                return actor.name, True, actor
        wanted = quote.speaker.casefold()
        for actor in actors:
            if wanted == actor.name.casefold() or wanted in (a.casefold() for a in actor.aliases):
                return actor.name, True, actor
    return quote.speaker, quote.speaker_is_actor, None
