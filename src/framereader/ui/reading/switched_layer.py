"""A highlight layer that one View command switches (agentless passives, word choice): it is
drawn in both panes while its setting is on and the highlights are showing, so "Hide All for
Reading" hides it too, and its tooltip explains what it marks. A subclass says which spans it
draws and what the tooltip at an offset says; this base keeps the switch, the redraws and the
status line that tells why a switched-on layer does not show.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from PySide6.QtGui import QAction

from ..base.commands import Handler
from ..base.context import WindowContext, WindowPart
from ..base.visibility import VisibilityModel
from .layers import LayerSpan
from .pane import Pane
from .view_controller import ViewController


class SwitchedLayer(WindowPart):
    """Draws `layer_spans(pane)` in each pane as the layer `LAYER_NAME` (at `ORDER`) while the
    boolean setting `SETTING` is on and highlights are shown; `SETTING` also names the View
    command that switches it."""

    SETTING: ClassVar[str]
    LAYER_NAME: ClassVar[str]
    ORDER: ClassVar[int]
    #: the status line when the layer is switched on while the highlights are hidden
    HIDDEN_NOTE: ClassVar[str]

    def __init__(self, context: WindowContext, visibility: VisibilityModel, view: ViewController) -> None:
        super().__init__(context)
        self.visibility = visibility
        self._action: QAction | None = None
        visibility.changed.connect(self.refresh)
        view.theme_changed.connect(self.refresh)
        for pane in self.panes.values():
            pane.analysis_shown.connect(lambda side: self.refresh_pane(self.panes[side]))
            pane.add_tooltip_provider(self._tooltip)

    def handlers(self) -> Mapping[str, Handler]:
        return {self.SETTING: self.set_shown}

    def bind_actions(self, actions: dict[str, QAction]) -> None:
        """Tick the layer's View command from the settings."""
        self._action = actions[self.SETTING]
        self._action.setChecked(self.switched_on)

    @property
    def switched_on(self) -> bool:
        """The layer's setting (the View command's tick)."""
        return bool(getattr(self.settings, self.SETTING))

    @property
    def shown(self) -> bool:
        """True when the layer is on and highlights are showing."""
        return self.switched_on and self.visibility.showing_any

    def set_shown(self, on: bool) -> None:
        """The layer's View command."""
        setattr(self.settings, self.SETTING, bool(on))
        self.refresh()
        if on and not self.visibility.showing_any:
            self.messages.status(self.HIDDEN_NOTE, 5000)
        self._save_settings()

    def refresh(self) -> None:
        for pane in self.panes.values():
            self.refresh_pane(pane)

    def refresh_pane(self, pane: Pane) -> None:
        """Draw (or remove) the layer in `pane`."""
        pane.set_layer(self.LAYER_NAME, self.layer_spans(pane) if self.shown else [], self.ORDER)

    def _tooltip(self, pane: Pane, offset: int) -> str:
        return self.tooltip_at(pane, offset) if self.shown else ""

    def layer_spans(self, pane: Pane) -> list[LayerSpan]:
        """What the layer draws in `pane` while it is shown."""
        raise NotImplementedError

    def tooltip_at(self, pane: Pane, offset: int) -> str:
        """The tooltip at `offset` of `pane` while the layer is shown ("" for none)."""
        raise NotImplementedError
