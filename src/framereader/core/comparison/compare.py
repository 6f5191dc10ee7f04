"""Compare two analyses: which actors each text names (aligned across texts, `actors`), what it
calls them and what they do, how much each framing category is used (`profile`), and which
passages report the same thing (`alignment`). This module holds the `Comparison` and its JSON;
the names below are re-exported so callers import the comparison from one place."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..kinds import NON_ACTOR_LABELS
from ..model import Analysis, Passive, Side
from .actors import (
    MISLABELLED_PERSON_LABELS,
    Actor,
    ActorSide,
    actor_for_mention,
    actors_of_one_text,
    align_actors,
    rank_descriptors,
    rank_words,
    summary,
)
from .absence import named_elsewhere
from .alignment import Alignment, align_passages
from .names import PERSON_TITLES, normalise_name
from .roles import AgencyLink, rank_verbs
from .profile import ProfileRow, framing_profile
from ..voices.summary import Voices, compare_voices
from .word_choice import WordChoiceRow, word_choice, word_choice_to_json
from ..lexicons.wordchoice import ChoiceSet

__all__ = [
    "NON_ACTOR_LABELS", "MISLABELLED_PERSON_LABELS", "PERSON_TITLES", "Actor", "ActorSide", "AgencyLink", "Comparison",
    "ProfileRow", "actor_for_mention", "actors_of_one_text", "align_actors", "compare", "comparison_to_json",
    "framing_profile", "normalise_name", "passives_to_json", "rank_descriptors", "rank_verbs", "rank_words", "summary",
]


@dataclass(frozen=True)
class Comparison:
    """Aligned actors (most mentioned first) and the framing profile (category order)."""

    actors: tuple[Actor, ...] = ()
    profile: tuple[ProfileRow, ...] = ()
    left_words: int = 0
    right_words: int = 0
    alignment: Alignment = field(default_factory=Alignment)
    left_passives: tuple[Passive, ...] = ()
    right_passives: tuple[Passive, ...] = ()
    #: who is quoted in each text (`core.voices.summary`)
    voices: Voices = field(default_factory=Voices)
    #: whether the profile counts framing words inside quotations too (default: the writer's own)
    include_quoted: bool = False
    #: the word-choice sets either text uses (`core.comparison.word_choice`)
    word_choice: tuple[WordChoiceRow, ...] = ()
    #: actors found in one text only that the other names in words not taken as them
    #: (`core.comparison.absence`): never listed as named "only" in one text
    named_elsewhere: frozenset[str] = frozenset()

    def passives(self, side: Side) -> tuple[Passive, ...]:
        return self.left_passives if side == "left" else self.right_passives

    def agentless(self, side: Side) -> int:
        """How many passive clauses of `side` do not say who did it."""
        return sum(1 for p in self.passives(side) if p.agent is None)

    @property
    def shared(self) -> tuple[Actor, ...]:
        return tuple(a for a in self.actors if a.left.count and a.right.count)

    @property
    def only_left(self) -> tuple[Actor, ...]:
        """The actors only the left text names (not those it names in words not taken as them)."""
        return tuple(a for a in self.actors if a.left.count and not a.right.count and a.name not in self.named_elsewhere)

    @property
    def only_right(self) -> tuple[Actor, ...]:
        """The actors only the right text names (as `only_left`)."""
        return tuple(a for a in self.actors if a.right.count and not a.left.count and a.name not in self.named_elsewhere)

    def row(self, category: str) -> ProfileRow | None:
        return next((r for r in self.profile if r.category == category), None)

    def to_json(self) -> dict[str, Any]:
        """The "actors", "profile", "voices", "alignment", "left_only", "right_only" and
        "word_choice" parts of `comparison_to_json`."""
        return {
            "actors": [a.to_json() for a in self.actors],
            "profile": {row.category: row.to_json() for row in self.profile},
            "profile_counts": "all" if self.include_quoted else "own",
            "voices": self.voices.to_json(),
            **self.alignment.to_json(),
            "word_choice": word_choice_to_json(self.word_choice),
            "named_elsewhere": sorted(self.named_elsewhere),
        }


def compare(
    left: Analysis, right: Analysis, categories: Sequence[str] | None = None, *, top_terms: int = 10,
    align: bool = True, include_quoted: bool = False, choice_sets: Mapping[str, ChoiceSet] | None = None,
) -> Comparison:
    """Align the actors of two analyses (with what each does and has done to it), build their
    framing profile (the writer's own words; every word with `include_quoted`) and word choice
    (`choice_sets`: id → set, for the sets' names and notes), line up who is quoted in each and,
    with `align`, pair the passages that report the same thing."""
    actors = align_actors(left, right)
    alignment = Alignment()
    if align:
        mentions: dict[str, list[tuple[int, int, str]]] = {"left": [], "right": []}
        for index, actor in enumerate(actors):
            for side in ("left", "right"):
                mentions[side].extend((a, b, str(index)) for a, b in actor.side(side).mentions)  # type: ignore[arg-type]
        alignment = align_passages(left.text, right.text, mentions["left"], mentions["right"],
                                   left.excluded, right.excluded)
    return Comparison(
        actors=actors,
        profile=framing_profile(left, right, categories, top_terms=top_terms, include_quoted=include_quoted),
        left_words=left.words,
        right_words=right.words,
        alignment=alignment,
        left_passives=left.passives,
        right_passives=right.passives,
        voices=compare_voices(left, right, actors),
        include_quoted=include_quoted,
        word_choice=word_choice(left, right, choice_sets),
        named_elsewhere=named_elsewhere(actors, left.text, right.text),
    )


def passives_to_json(passives: Iterable[Passive]) -> list[dict[str, Any]]:
    """The "passives" list of a side's analysis object in the comparison JSON."""
    return [{"start": p.start, "end": p.end, "verb": p.verb, "agent": p.agent} for p in passives]


def comparison_to_json(left: Analysis, right: Analysis, comparison: Comparison) -> dict[str, Any]:
    """The documented comparison JSON: both analyses (with their passive clauses), the aligned
    actors with their agency, the profile and the passage alignment."""
    return {
        "left": {**left.to_json(), "passives": passives_to_json(left.passives)},
        "right": {**right.to_json(), "passives": passives_to_json(right.passives)},
        **comparison.to_json(),
    }
