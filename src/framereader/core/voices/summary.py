"""Who gets to speak in each text: the voices of two analyses side by side (pure Python).

A speaker is the same in both texts when it is the same actor (the comparison's grouping of
names, `core.comparison.actors`), else when the words are the same ("a spokesperson for the
council"). Each speaker gets, per text, its quotations (direct and reported), the words
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
    verbs: tuple[tuple[str, int], ...] = ()  # attribution verbs, most used first
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
    the speaker is one (`is_actor`), else the speaker as written, or `UNATTRIBUTED` for the
    quotations whose speaker was not found."""

    speaker: str
    is_actor: bool
    left: VoiceSide = VoiceSide()
    right: VoiceSide = VoiceSide()

    def to_json(self) -> dict[str, Any]:
        return {"speaker": None if self.speaker == UNATTRIBUTED else self.speaker, "actor": self.is_actor,
                "left": self.left.to_json(), "right": self.right.to_json()}


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

    @property
    def only_left(self) -> tuple[Voice, ...]:
        return tuple(v for v in self.voices if v.left.count and not v.right.count and v.speaker != UNATTRIBUTED)

    @property
    def only_right(self) -> tuple[Voice, ...]:
        return tuple(v for v in self.voices if v.right.count and not v.left.count and v.speaker != UNATTRIBUTED)

    def to_json(self) -> dict[str, Any]:
        return {
            "left": self.left.to_json(), "right": self.right.to_json(),
            "speakers": [v.to_json() for v in self.voices],
            "only_left": [v.speaker for v in self.only_left], "only_right": [v.speaker for v in self.only_right],
        }


def _side(quotes: Sequence[Quote], marked: set[tuple[int, int]]) -> VoiceSide:
    verbs = Counter(q.verb or "according to" for q in quotes)
    ranked = tuple(sorted(verbs.items(), key=lambda item: (-item[1], item[0])))
    judged = tuple(sorted({q.verb for q in quotes if q.verb and is_judgemental(q, marked)}))
    words = sum(len(words_of(q.text)) for q in quotes if q.kind == "direct")
    return VoiceSide(tuple(quotes), words, ranked, judged)


def _totals(analysis: Analysis, marked: set[tuple[int, int]]) -> TextVoices:
    direct = [q for q in analysis.quotes if q.kind == "direct"]
    return TextVoices(
        quotes=len(analysis.quotes), direct=len(direct),
        quoted_words=sum(len(words_of(q.text)) for q in direct), words=analysis.words,
        judgemental=sum(1 for q in analysis.quotes if is_judgemental(q, marked)),
    )


def compare_voices(left: Analysis, right: Analysis, actors: Iterable[Any] = ()) -> Voices:
    """The voices of both texts, a speaker matched across texts by actor, else by its words.
    `actors` are the comparison's (`core.comparison.actors.Actor`)."""
    actor_list = list(actors)
    groups: dict[str, dict[str, Any]] = {}
    for side, analysis in (("left", left), ("right", right)):
        for quote in analysis.quotes:
            name, is_actor = _speaker_of(quote, side, actor_list)
            key = name.casefold() if is_actor else (speaker_key(quote) if quote.speaker else "")
            group = groups.setdefault(key, {"name": name or UNATTRIBUTED, "actor": is_actor, "left": [], "right": []})
            group[side].append(quote)
    marks = {"left": judgemental_verbs(left), "right": judgemental_verbs(right)}
    voices = [
        Voice(g["name"], g["actor"], _side(g["left"], marks["left"]), _side(g["right"], marks["right"]))
        for g in groups.values()
    ]
    voices.sort(key=lambda v: (v.speaker == UNATTRIBUTED, -v.total, v.speaker.casefold()))
    return Voices(tuple(voices), _totals(left, marks["left"]), _totals(right, marks["right"]))


def _speaker_of(quote: Quote, side: str, actors: Sequence[Any]) -> tuple[str, bool]:
    """The speaker's display name and whether it is an actor: the comparison's actor holding
    the speaker's mention (or whose names include the speaker's name), else the quotation's."""
    if not quote.speaker:
        return "", False
    if quote.speaker_is_actor:
        for actor in actors:
            if (quote.speaker_start, quote.speaker_end) in actor.side(side).mentions:
                return actor.name, True
        wanted = quote.speaker.casefold()
        for actor in actors:
            if wanted == actor.name.casefold() or wanted in (a.casefold() for a in actor.aliases):
                return actor.name, True
    return quote.speaker, quote.speaker_is_actor
