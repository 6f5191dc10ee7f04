"""Agency in the comparison: the verbs each actor is the agent or patient of, with pronouns
resolved against the comparison's actors. Pure Python (the roles come from `core.nlp.agency`).

A pronoun argument goes to a preceding mention, in the same or the previous sentence, of an
actor whose label fits the pronoun (he/she: PERSON; it/its: neither PERSON nor NORP;
they/their: NORP or ORG), skipping the other arguments of the same verb ("Holloway praised
him"): the nearest such mention that is a grammatical subject, else the nearest one. Such
links are marked `inferred`.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from ..model import Role


@dataclass(frozen=True)
class AgencyLink:
    """A verb an actor is the agent or patient of, with its clause (the evidence)."""

    verb: str
    start: int
    end: int
    voice: Literal["active", "passive"]
    verb_start: int
    verb_end: int
    inferred: bool = False  # the text named the actor through a pronoun

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"verb": self.verb, "start": self.start, "end": self.end, "voice": self.voice}
        if self.inferred:
            data["inferred"] = True
        return data


PERSON_PRONOUNS = frozenset({"he", "him", "his", "she", "her"})
THING_PRONOUNS = frozenset({"it", "its"})
GROUP_PRONOUNS = frozenset({"they", "them", "their"})
POSSESSIVE_PRONOUNS = frozenset({"his", "her", "its", "their"})


def _fits(pronoun: str, label: str) -> bool:
    if pronoun in PERSON_PRONOUNS:
        return label == "PERSON"
    if pronoun in THING_PRONOUNS:
        return label not in ("PERSON", "NORP")
    return pronoun in GROUP_PRONOUNS and label in ("NORP", "ORG")


def resolve_roles(roles: Sequence[Role], mentions: list[tuple[int, int, int]], labels: Sequence[str]) -> dict[int, tuple[list[AgencyLink], list[AgencyLink]]]:
    """Per actor index, its (agent, patient) links among `roles`; `mentions` are the side's
    (start, end, actor index), sorted. Pronouns are resolved as the module docstring says."""
    by_span = {(a, b): actor for a, b, actor in mentions}
    mentions = list(mentions)  # resolved subject pronouns join it, as mentions of their actor
    starts = [a for a, _b, _actor in mentions]
    co_arguments: dict[int, set[tuple[int, int]]] = {}
    subjects: set[tuple[int, int]] = set()
    for role in roles:
        co_arguments.setdefault(role.verb_start, set()).add((role.arg_start, role.arg_end))
        if (role.role, role.voice) in (("agent", "active"), ("patient", "passive")):
            subjects.add((role.arg_start, role.arg_end))
    found: dict[int, tuple[list[AgencyLink], list[AgencyLink]]] = {}
    for role in roles:
        actor = None if role.pronoun else by_span.get((role.arg_start, role.arg_end))
        if role.pronoun and (role.arg_start, role.arg_end) in by_span:
            actor = by_span[(role.arg_start, role.arg_end)]  # the same pronoun, another verb
        elif role.pronoun:
            actor = _antecedent(role, mentions, starts, labels, co_arguments, subjects)
            span = (role.arg_start, role.arg_end)
            if actor is not None and span in subjects and span not in by_span:
                by_span[span] = actor
                at = bisect_left(starts, role.arg_start)
                starts.insert(at, role.arg_start)
                mentions.insert(at, (role.arg_start, role.arg_end, actor))
        if actor is None:
            continue
        link = AgencyLink(role.verb, role.start, role.end, role.voice, role.verb_start, role.verb_end, bool(role.pronoun))
        found.setdefault(actor, ([], []))[0 if role.role == "agent" else 1].append(link)
    return found


def _antecedent(role: Role, mentions: list[tuple[int, int, int]], starts: list[int], labels: Sequence[str],
                co_arguments: dict[int, set[tuple[int, int]]], subjects: set[tuple[int, int]]) -> int | None:
    """The actor a pronoun stands for: among the fitting mentions before it in its window, a
    grammatical subject first (the topic usually continues; "it sits …, and it borders …" keeps
    the first "it"'s actor), else the nearest one."""
    skip = set() if role.pronoun in POSSESSIVE_PRONOUNS else co_arguments.get(role.verb_start, set())
    nearest: int | None = None
    i = bisect_left(starts, role.arg_start) - 1
    while i >= 0 and mentions[i][0] >= role.window_start:
        a, b, candidate = mentions[i]
        if b <= role.arg_start and (a, b) not in skip and _fits(role.pronoun, labels[candidate]):
            if (a, b) in subjects:
                return candidate
            if nearest is None:
                nearest = candidate
        i -= 1
    return nearest
