"""Marked mentions of one actor across both panes, and stepping through them (F3 / Shift+F3)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from ..base.commands import Declared, Handler
from .commands import MENTION_COMMANDS
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from ...core.comparison.compare import Actor, Comparison, actor_for_mention, actors_of_one_text, align_actors
from ...core.kinds import same_name_key
from ...core.model import EntitySpan, Side

if TYPE_CHECKING:
    from ..base.messages import MessageSink
    from ..reading.pane import Pane
    from ..reading.sync import ScrollLinker

#: Above this many entities a click on a single text marks same-name mentions only (grouping
#: them by actor would hold the event loop too long).
MAX_ENTITIES_TO_GROUP = 5000

Mention = tuple[Side, int, int]  # side, start, end in core offsets


class MentionNavigator(QObject):
    """Owns the marked mentions and the current one; panes draw them on `changed`."""

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.mentions: list[Mention] = []
        self.index: int | None = None
        self.title = ""

    def mark(self, left: Sequence[tuple[int, int]], right: Sequence[tuple[int, int]], title: str) -> None:
        """Mark these mentions (left text first); none is current yet."""
        self.mentions = [("left", s, e) for s, e in sorted(set(left))] + [("right", s, e) for s, e in sorted(set(right))]
        self.index = None
        self.title = title
        self.changed.emit()

    def clear(self) -> bool:
        """Remove every mark; False when there was none."""
        if not self.mentions:
            return False
        self.mentions, self.index, self.title = [], None, ""
        self.changed.emit()
        return True

    def select(self, mention: Mention) -> bool:
        """Make `mention` the current one, if it is marked."""
        if mention not in self.mentions:
            return False
        self.index = self.mentions.index(mention)
        self.changed.emit()
        return True

    def step(self, step: int) -> Mention | None:
        """Move to the next (+1) or previous (-1) mention, wrapping around; None without marks."""
        if not self.mentions:
            return None
        if self.index is None:
            self.index = 0 if step > 0 else len(self.mentions) - 1
        else:
            self.index = (self.index + step) % len(self.mentions)
        self.changed.emit()
        return self.mentions[self.index]

    def spans(self, side: Side) -> tuple[list[tuple[int, int]], int | None]:
        """The marked spans of one side and the index among them of the current mention."""
        spans = [(s, e) for which, s, e in self.mentions if which == side]
        current = None
        if self.index is not None and self.mentions[self.index][0] == side:
            current = spans.index(self.mentions[self.index][1:])
        return spans, current

    def counts(self) -> tuple[int, int]:
        """How many mentions are marked in the left and the right text."""
        left = sum(1 for side, _s, _e in self.mentions if side == "left")
        return left, len(self.mentions) - left


class MentionMarker(QObject):
    """Connects clicks (a name in a pane, an actor in the comparison) to the navigator and
    draws its marks in the panes. Both clicks use the comparison's "same actor" rule."""

    COMMANDS: tuple[Declared, ...] = MENTION_COMMANDS

    def __init__(self, navigator: MentionNavigator, panes: Mapping[Side, "Pane"], linker: "ScrollLinker",
                 messages: "MessageSink", comparison: Callable[[], Comparison | None],
                 on_focus: Callable[[Side], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.navigator = navigator
        self.panes = panes
        self.linker = linker
        self.messages = messages
        self._comparison = comparison
        self._on_focus = on_focus
        navigator.changed.connect(self._draw)

    def handlers(self) -> Mapping[str, Handler]:
        return {"next_mention": lambda: self.step(+1), "previous_mention": lambda: self.step(-1)}

    def entity_clicked(self, side: Side, entity: EntitySpan) -> None:
        """Mark every mention of the clicked actor in both texts."""
        comparison = self._comparison()
        actors = comparison.actors if comparison is not None else self._actors_now()
        actor = actor_for_mention(actors, side, entity.start, entity.end)
        if actor is not None:
            self.navigator.mark(actor.left.mentions, actor.right.mentions, actor.name)
        else:  # not an actor (a date, a number): the same words
            key = same_name_key(entity.text)
            spans = {s: [(e.start, e.end) for e in p.analysis.entities if same_name_key(e.text) == key]
                     if p.analysis else [] for s, p in self.panes.items()}
            self.navigator.mark(spans["left"], spans["right"], entity.text.strip())
        self.navigator.select((side, entity.start, entity.end))
        self._status_counts()

    def mark(self, left: Sequence[tuple[int, int]], right: Sequence[tuple[int, int]], title: str) -> None:
        """Mark these mentions and say how many there are."""
        self.navigator.mark(left, right, title)
        self._status_counts()

    def _actors_now(self) -> tuple[Actor, ...]:
        """The actors by the comparison's rule before the comparison has arrived (grouped here,
        so only for texts small enough not to hold the event loop)."""
        left, right = self.panes["left"].analysis, self.panes["right"].analysis
        if sum(len(a.entities) for a in (left, right) if a is not None) > MAX_ENTITIES_TO_GROUP:
            return ()
        if left is not None and right is not None:
            return align_actors(left, right)
        if left is not None:
            return actors_of_one_text(left, "left")
        return actors_of_one_text(right, "right") if right is not None else ()

    def actor_activated(self, actor: Actor) -> None:
        """An actor chosen in the comparison: mark it and go to its first mention."""
        self.mark(actor.left.mentions, actor.right.mentions, actor.name)
        self.step(+1)

    def step(self, step: int) -> None:
        """F3 / Shift+F3: go to the next or previous marked mention across both panes."""
        mention = self.navigator.step(step)
        if mention is None:
            self.messages.status("Click a highlighted name to mark its mentions in both texts.", 4000)
            return
        side, start, end = mention
        pane = self.panes[side]
        sync = self.linker.enabled
        self.linker.enabled = False  # jumping in one pane must not drag the other away
        try:
            pane.go_to(start, end)
        finally:
            self.linker.enabled = sync
        pane.view.setFocus()
        self._on_focus(side)
        index = (self.navigator.index or 0) + 1
        self.messages.status(f"{self.navigator.title}: mention {index} of {len(self.navigator.mentions)} "
                             f"({side} text)", 0)

    def _status_counts(self) -> None:
        left, right = self.navigator.counts()
        self.messages.status(f"{self.navigator.title}: {left} mention{'s' * (left != 1)} left, "
                             f"{right} right — F3 for the next one", 0)

    def _draw(self) -> None:
        for side, pane in self.panes.items():
            pane.set_marks(*self.navigator.spans(side))
