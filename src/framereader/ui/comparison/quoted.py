"""View ▸ Count Quoted Words Too: whether loaded words inside quotations (the speakers' words)
count as the writer's. Off by default: the legend, the chart, the handout's questions, the
caption bar and the exercise key count the writer's own words, and quoted ones apart."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction

from ..base.commands import Declared, Handler
from ..base.context import WindowContext, WindowPart
from .commands import VOICES_COMMANDS
from .controller import ComparisonController


class QuotedCounting(WindowPart):
    """Owns the setting `count_quoted` and its View command; a change compares anew."""

    COMMANDS: tuple[Declared, ...] = VOICES_COMMANDS
    changed = Signal()  # the counting changed: counts shown elsewhere (the legend) follow

    def __init__(self, context: WindowContext, compare: ComparisonController) -> None:
        super().__init__(context)
        self.compare = compare
        self._action: QAction | None = None

    def handlers(self) -> Mapping[str, Handler]:
        return {"count_quoted": self.set_counted}

    def bind_actions(self, actions: dict[str, QAction]) -> None:
        """Tick the View entry from the settings."""
        self._action = actions["count_quoted"]
        self._action.setChecked(self.settings.count_quoted)

    @property
    def counted(self) -> bool:
        return self.settings.count_quoted

    def set_counted(self, on: bool) -> None:
        """Count quoted loaded words as the writer's (`on`) or apart (the default)."""
        self.settings.count_quoted = bool(on)
        if self._action is not None and self._action.isChecked() != bool(on):
            self._action.setChecked(bool(on))
        self._save_settings()
        self.changed.emit()
        self.compare.update()
        self.messages.status("Loaded words inside quotations now count as the writer's." if on else
                             "Loaded words inside quotations are counted apart (the speakers' words).", 5000)

