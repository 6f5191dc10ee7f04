"""The comparison's word choice: for each word-choice set either text uses, which of the set's
names each text chose and how often ("Left: invasion ×5 · Right: special military operation ×2").

A set is listed when either text uses one of its marked names; its `reference` names (the
neutral or default ones, such as "government" beside "regime") are then counted too, so the
table can show that the other text chose the plain word. A set in which both texts use only
reference names is not listed: there is no choice to discuss. Uses inside a direct quotation
are the speaker's choice of name, not the writer's: they are counted, and said apart
(`MemberUse.quoted`: "special military operation ×2 (2 quoted)"). Pure Python.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..lexicons.terms import term_key
from ..lexicons.wordchoice import ChoiceSet
from ..model import Analysis, ChoiceSpan, Side


@dataclass(frozen=True)
class MemberUse:
    """One name of a set as one text uses it: how often and where (code-point offsets), and how
    many of those uses are inside a direct quotation (`quoted`: the speaker's words)."""

    term: str
    count: int
    spans: tuple[tuple[int, int], ...] = ()
    reference: bool = False
    quoted: int = 0

    def label(self, reference_mark: str = "") -> str:
        """"invasion ×3 (1 quoted)" — "invasion" for one use by the writer; `reference_mark`
        follows a reference name ("government° ×2")."""
        term = self.term + (reference_mark if self.reference else "")
        text = term if self.count == 1 else f"{term} ×{self.count}"
        if self.quoted:
            text += " (quoted)" if self.quoted == self.count else f" ({self.quoted} quoted)"
        return text

    def to_json(self) -> dict[str, Any]:
        return {"term": self.term, "count": self.count, "reference": self.reference, "quoted": self.quoted,
                "spans": [[a, b] for a, b in self.spans]}


@dataclass(frozen=True)
class WordChoiceRow:
    """One set in both texts: its name, topic, note and members (all, in file order), and the
    members each side uses, most used first."""

    set_id: str
    name: str
    topic: str = ""
    note: str = ""
    members: tuple[str, ...] = ()
    left: tuple[MemberUse, ...] = ()
    right: tuple[MemberUse, ...] = ()

    def side(self, side: Side) -> tuple[MemberUse, ...]:
        return self.left if side == "left" else self.right

    def count(self, side: Side) -> int:
        """How many times `side` uses a name of this set."""
        return sum(use.count for use in self.side(side))

    def spans(self, side: Side) -> tuple[tuple[int, int], ...]:
        """Every use on `side`, in text order."""
        return tuple(sorted(span for use in self.side(side) for span in use.spans))

    @property
    def differs(self) -> bool:
        """True when both texts use the set but not the same names."""
        left, right = ({term_key(u.term) for u in self.side(s)} for s in ("left", "right"))
        return bool(left and right and left != right)

    def summary(self, side: Side) -> str:
        """"invasion ×5, incursion (quoted)" ("" when the side does not use the set)."""
        return ", ".join(u.label() for u in self.side(side))

    def sentence(self) -> str:
        """"Left: invasion ×5 · Right: special military operation ×2" (a side that uses no name
        of the set says "—")."""
        return f"Left: {self.summary('left') or '—'} · Right: {self.summary('right') or '—'}"

    def to_json(self) -> dict[str, Any]:
        """One entry of the comparison JSON's `"word_choice"` list."""
        return {"set": self.set_id, "name": self.name, "topic": self.topic, "note": self.note,
                "members": list(self.members), "left": [u.to_json() for u in self.left],
                "right": [u.to_json() for u in self.right]}


def _uses(choices: Iterable[ChoiceSpan], order: Mapping[str, int]) -> dict[str, tuple[MemberUse, ...]]:
    """Set id → the members one text uses, most used first, then in the set's order."""
    grouped: dict[str, dict[str, list[ChoiceSpan]]] = {}
    for span in choices:
        grouped.setdefault(span.set_id, {}).setdefault(term_key(span.term), []).append(span)
    out: dict[str, tuple[MemberUse, ...]] = {}
    for set_id, members in grouped.items():
        uses = [MemberUse(spans[0].term, len(spans), tuple((s.start, s.end) for s in spans), spans[0].reference,
                          sum(1 for s in spans if s.quoted))
                for spans in members.values()]
        uses.sort(key=lambda u: (-u.count, order.get(f"{set_id}\x00{term_key(u.term)}", len(order)), u.term))
        out[set_id] = tuple(uses)
    return out


def word_choice(left: Analysis, right: Analysis, sets: Mapping[str, ChoiceSet] | None = None) -> tuple[WordChoiceRow, ...]:
    """One row per set that either text uses a marked name of: the sets both texts use first,
    then by uses in both texts together, then by name. `sets` (id → set) give the names, notes
    and members; without them a row is named by its set id."""
    known = sets or {}
    order = {f"{s.id}\x00{term_key(m.text)}": i for s in known.values() for i, m in enumerate(s.members)}
    sides = {"left": _uses(left.choices, order), "right": _uses(right.choices, order)}
    rows: list[WordChoiceRow] = []
    for set_id in dict.fromkeys([*sides["left"], *sides["right"]]):
        lu, ru = sides["left"].get(set_id, ()), sides["right"].get(set_id, ())
        if all(u.reference for u in (*lu, *ru)):
            continue
        info = known.get(set_id)
        members = tuple(m.text for m in info.members) if info else tuple(dict.fromkeys(u.term for u in (*lu, *ru)))
        rows.append(WordChoiceRow(set_id, info.name if info else set_id, info.topic if info else "",
                                  info.note if info else "", members, lu, ru))
    rows.sort(key=lambda r: (not (r.left and r.right), -(r.count("left") + r.count("right")), r.name.casefold()))
    return tuple(rows)


def word_choice_to_json(rows: Sequence[WordChoiceRow]) -> list[dict[str, Any]]:
    """The comparison JSON's `"word_choice"` list."""
    return [row.to_json() for row in rows]


__all__ = ["MemberUse", "WordChoiceRow", "word_choice", "word_choice_to_json"]
