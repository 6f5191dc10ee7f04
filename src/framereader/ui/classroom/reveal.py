"""Read first, reveal later: hide every highlight, then show one category (then label) at a time."""

from __future__ import annotations

from collections.abc import Callable
from collections.abc import Mapping

from ..base.commands import Declared, Handler
from .commands import REVEAL_COMMANDS

from ..base.context import WindowContext, WindowPart
from ..reading.highlighter import StyleBook
from ..base.visibility import VisibilityModel


class RevealController(WindowPart):
    """Hide All for Reading and Reveal Next, with a status line saying what is now shown."""

    COMMANDS: tuple[Declared, ...] = REVEAL_COMMANDS

    def __init__(self, context: WindowContext, visibility: VisibilityModel, book: Callable[[], StyleBook]) -> None:
        super().__init__(context)
        self.visibility = visibility
        self._book = book

    def handlers(self) -> Mapping[str, Handler]:
        return {"hide_for_reading": self.hide_all_for_reading, "reveal_next": self.reveal_next,
                "show_all": self.visibility.show_all}

    def hide_all_for_reading(self) -> None:
        """"Read first": hide every category and label, ready to reveal them one at a time."""
        self.visibility.hide_all()
        self.messages.status("All highlights hidden — Ctrl+. reveals the next category, Ctrl+Shift+A shows all", 6000)

    def reveal_next(self) -> str | None:
        """"Reveal later": show the next hidden category (then label); its id, or None."""
        revealed = self.visibility.reveal_next()
        if revealed is None:
            self.messages.status("Every highlight is visible", 4000)
            return None
        kind, key = revealed
        name = self._book().category(key).name if kind == "category" else key
        left = self.visibility.hidden_count
        self.messages.status(f"Revealed: {name}" + (f" — {left} more hidden" if left else " — everything is visible"), 6000)
        return key
