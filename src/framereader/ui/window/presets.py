"""View presets: **Reading** (framing underlines and entity tints only: calm, the first start's
view), **Comparing** (plus matching passages, with a bar in the margin beside passages only one
text has, and the word choices) and **Everything** (every layer and every kind of name). View ▸ Reading / Comparing /
Everything and the legend's three buttons apply them; the one that matches what is shown is
ticked (none, once the reader has changed a layer or a box by hand).

A preset sets what already has its own switch (the visibility model, View ▸ Matching Passages,
View ▸ Passives Without a Doer, View ▸ Word Choice), through those switches, so the menus, the legend and the
settings follow as they do for a click on any of them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QActionGroup

from ...core.platform.settings import DEFAULT_HIDDEN_LABELS
from ..base.commands import Declared, Handler
from ..base.context import WindowContext, WindowPart
from ..base.visibility import Visibility, VisibilityModel
from .commands import PRESET_COMMANDS


@dataclass(frozen=True)
class Preset:
    """What a preset shows: the highlights (`visibility`) and the two reading layers."""

    id: str
    name: str
    tip: str
    visibility: Visibility
    passages: bool
    passives: bool
    word_choice: bool


CALM = Visibility(True, frozenset(DEFAULT_HIDDEN_LABELS), frozenset())  # names of people, places…; no numbers
PRESETS: tuple[Preset, ...] = (
    Preset("reading", "Reading", "Framing underlines and the tints of names only: a calm page to read",
           CALM, passages=False, passives=False, word_choice=False),
    Preset("comparing", "Comparing", "Reading, plus matching passages (a bar beside passages only one text has) "
           "and the word choices of the two texts", CALM, passages=True, passives=False, word_choice=True),
    Preset("everything", "Everything", "Every layer: all kinds of names, numbers and dates, matching passages "
           "and passives without a doer", Visibility(), passages=True, passives=True, word_choice=True),
)
BY_ID = {preset.id: preset for preset in PRESETS}
#: the commands that switch the reading layers a preset sets
LAYER_COMMANDS = {"passages": "matching_passages", "passives": "agentless_passives", "word_choice": "word_choice"}


class ViewPresets(WindowPart):
    """Applies a preset and says which one the window shows (`changed` after any change)."""

    COMMANDS: tuple[Declared, ...] = PRESET_COMMANDS

    changed = Signal(str)  # the id of the preset shown now, or "" for a view of the reader's own

    def __init__(self, context: WindowContext, visibility: VisibilityModel) -> None:
        super().__init__(context)
        self.visibility = visibility
        self._actions: dict[str, QAction] = {}
        self._group: QActionGroup | None = None
        visibility.changed.connect(self.refresh)

    def handlers(self) -> Mapping[str, Handler]:
        return {f"preset_{p.id}": (lambda _on=True, key=p.id: self.apply(key)) for p in PRESETS}

    def bind_actions(self, actions: Mapping[str, QAction]) -> None:
        """Group the preset entries (one ticked at most) and follow the layer switches."""
        self._actions = dict(actions)
        self._group = QActionGroup(self)
        self._group.setExclusionPolicy(QActionGroup.ExclusionPolicy.ExclusiveOptional)
        for preset in PRESETS:
            self._group.addAction(actions[f"preset_{preset.id}"])
        for command in LAYER_COMMANDS.values():  # after the layer's own handler has changed its setting
            actions[command].triggered.connect(lambda _on=False: self.refresh())
        self.refresh()

    def current(self) -> str:
        """The id of the preset the window shows now ("" when none matches)."""
        value = self.visibility.value
        for preset in PRESETS:
            if (value == preset.visibility and self.settings.matching_passages == preset.passages
                    and self.settings.agentless_passives == preset.passives
                    and self.settings.word_choice == preset.word_choice):
                return preset.id
        return ""

    def apply(self, preset_id: str) -> None:
        """Show what the preset `preset_id` shows (View ▸ Reading, Comparing, Everything)."""
        preset = BY_ID[preset_id]
        for part, command in LAYER_COMMANDS.items():
            action = self._actions.get(command)
            wanted = getattr(preset, part)
            if action is not None and action.isChecked() != wanted:
                action.trigger()  # the layer's own switch: its setting, its panes, its legend row
        self.visibility.set_value(preset.visibility)
        self.refresh()
        self.messages.status(f"View: {preset.name} — {preset.tip[0].lower()}{preset.tip[1:]}.", 5000)

    def refresh(self) -> None:
        """Tick the preset shown now (none when the reader's view is their own)."""
        shown = self.current()
        for preset in PRESETS:
            action = self._actions.get(f"preset_{preset.id}")
            if action is not None and action.isChecked() != (preset.id == shown):
                action.setChecked(preset.id == shown)
        self.changed.emit(shown)
