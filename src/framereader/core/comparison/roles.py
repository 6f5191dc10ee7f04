"""Agency in the comparison: the verbs each actor is the agent or patient of. Pure Python (the
roles come from `core.nlp.agency`).

A pronoun argument counts for an actor only through the text's pronoun links
(`Analysis.references`, made by `core.nlp.references` with their evidence, and only when one
antecedent fits): the link's named antecedent is a mention of the actor. Such links are marked
`inferred` and carry the pronoun and the evidence, so views can say "via ‘he’" and why.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from ..model import Reference, Role


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
    pronoun: str = ""  # that pronoun as written ("he"), when inferred
    evidence: str = ""  # why the pronoun stands for the actor ("the only woman named before, …")
    loaded: bool = False  # the verb is a framing term of the lexicons (a telling verb)

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"verb": self.verb, "start": self.start, "end": self.end, "voice": self.voice}
        if self.inferred:
            data["inferred"] = True
            data["pronoun"] = self.pronoun
        return data


#: Verbs that say little on their own ("say", "make"): shown after the telling ones.
LIGHT_VERBS = frozenset(
    "say tell make take give get have do go come put see use include add hold keep provide deliver "
    "remain become seem continue start begin want try need".split()
)


def rank_verbs(links: Iterable[AgencyLink]) -> list[tuple[str, int]]:
    """(verb, count) in the order to show them: the telling verbs first (those the lexicons
    mark as loaded, "ripped"), then the others, light verbs ("say", "deliver") last; more
    frequent first within each, ties alphabetical."""
    counts: Counter[str] = Counter()
    loaded: set[str] = set()
    for link in links:
        counts[link.verb] += 1
        if link.loaded:
            loaded.add(link.verb)
    return sorted(counts.items(), key=lambda item: (item[0] not in loaded, item[0].split()[0] in LIGHT_VERBS,
                                                   -item[1], item[0].casefold(), item[0]))


def resolve_roles(roles: Sequence[Role], mentions: list[tuple[int, int, int]],
                  references: Sequence[Reference] = (), loaded: Sequence[tuple[int, int]] = (),
                  ) -> dict[int, tuple[list[AgencyLink], list[AgencyLink]]]:
    """Per actor index, its (agent, patient) links among `roles`; `mentions` are the side's
    (start, end, actor index). A pronoun argument goes to the actor of its reference's named
    antecedent (no reference: no link). `loaded` are the framing spans (start, end), sorted:
    a verb inside one is a telling verb."""
    by_span = {(a, b): actor for a, b, actor in mentions}
    linked = {(r.start, r.end): r for r in references}
    loaded_starts = [a for a, _b in loaded]
    found: dict[int, tuple[list[AgencyLink], list[AgencyLink]]] = {}
    for role in roles:
        reference = linked.get((role.arg_start, role.arg_end)) if role.pronoun else None
        if role.pronoun:
            actor = by_span.get((reference.antecedent_start, reference.antecedent_end)) if reference else None
        else:
            actor = by_span.get((role.arg_start, role.arg_end))
        if actor is None:
            continue
        i = bisect_right(loaded_starts, role.verb_start) - 1
        telling = i >= 0 and loaded[i][1] >= role.verb_end
        link = AgencyLink(role.verb, role.start, role.end, role.voice, role.verb_start, role.verb_end,
                          reference is not None, reference.text if reference else "",
                          reference.evidence if reference else "", telling)
        found.setdefault(actor, ([], []))[0 if role.role == "agent" else 1].append(link)
    return found
