"""Commands as data, declared by each feature in its own folder (`<feature>/commands.py`).

A feature's behaviour object lists its `Command`s and `Submenu`s in `COMMANDS` and returns its
handlers from `handlers()` (one per command id); a submenu is filled by `fill_submenu(id, menu)`.
The window only collects the features: `build_actions` makes one QAction per command (added to
the window, so shortcuts work while menus are hidden) and `build_menus` lays the menus out from
`window.menus.MENU_LAYOUT`, which names each menu's sections in order. Adding a command is one
edit in one folder: a `Command` in the feature's commands.py and its handler in the feature.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMenu, QMenuBar, QWidget

Key = QKeySequence.StandardKey
Handler = Callable[..., object]


@dataclass(frozen=True)
class Command:
    """One command: `id` names its handler; `places` are "menu/section" entries (a command may
    sit in two menus); `keys` are standard keys or key strings, the platform's bindings first.
    A checkable command's handler receives the new state."""

    id: str
    text: str
    places: tuple[str, ...]
    keys: tuple[Key | str, ...] = ()
    tip: str = ""
    checkable: bool = False
    role: QAction.MenuRole = QAction.MenuRole.TextHeuristicRole


@dataclass(frozen=True)
class Submenu:
    """A submenu that its feature fills (`fill_submenu(id, menu)`), at "menu/section"."""

    id: str
    title: str
    place: str


Declared = Command | Submenu


@runtime_checkable
class Feature(Protocol):
    """What the window collects from a feature's behaviour object."""

    COMMANDS: tuple[Declared, ...]

    def handlers(self) -> Mapping[str, Handler]: ...


def key_sequences(keys: tuple[Key | str, ...]) -> list[QKeySequence]:
    """The platform's bindings for standard keys plus the extra ones (deduplicated)."""
    found: list[QKeySequence] = []
    for key in keys:
        sequences = QKeySequence.keyBindings(key) if isinstance(key, Key) else [QKeySequence(key)]
        found.extend(seq for seq in sequences if seq not in found)
    return found


def collect(features: Iterable[Feature]) -> tuple[list[Declared], dict[str, Handler], dict[str, Feature]]:
    """Every declared command and submenu, every handler, and which feature fills each submenu;
    a command without a handler, or an id declared twice, is a programming error."""
    declared: list[Declared] = []
    handlers: dict[str, Handler] = {}
    fillers: dict[str, Feature] = {}
    for feature in features:
        own = dict(feature.handlers())
        for item in feature.COMMANDS:
            if any(other.id == item.id for other in declared):
                raise ValueError(f"command {item.id!r} is declared twice")
            declared.append(item)
            if isinstance(item, Submenu):
                fillers[item.id] = feature
            elif item.id not in own:
                raise ValueError(f"{type(feature).__name__} declares {item.id!r} but has no handler for it")
        handlers.update(own)
    return declared, handlers, fillers


def build_actions(owner: QWidget, declared: Sequence[Declared], handlers: Mapping[str, Handler]) -> dict[str, QAction]:
    """One QAction per command, added to `owner` so shortcuts work while menus are hidden."""
    actions: dict[str, QAction] = {}
    for spec in declared:
        if not isinstance(spec, Command):
            continue
        action = QAction(spec.text, owner)
        action.setObjectName(spec.id)
        action.setShortcuts(key_sequences(spec.keys))
        if spec.tip:
            action.setStatusTip(spec.tip)
            action.setToolTip(spec.tip)
        action.setMenuRole(spec.role)
        slot = handlers[spec.id]
        if spec.checkable:
            action.setCheckable(True)
            action.triggered.connect(slot)
        else:
            action.triggered.connect(lambda _checked=False, call=slot: call())
        owner.addAction(action)
        actions[spec.id] = action
    return actions


def build_menus(bar: QMenuBar, layout: Sequence[tuple[str, str, tuple[str, ...]]], declared: Sequence[Declared],
                actions: Mapping[str, QAction], fill: Callable[[str, QMenu], None]) -> dict[str, QMenu]:
    """Lay the menus out: `layout` is (menu id, title, section ids) in order; each section holds
    the commands and submenus placed in it, in the order the features were collected, with a
    separator between non-empty sections. Returns the submenus by id."""
    placed: dict[str, list[Declared]] = {}
    for item in declared:
        for place in (item.places if isinstance(item, Command) else (item.place,)):
            placed.setdefault(place, []).append(item)
    known = {f"{menu_id}/{section}" for menu_id, _title, sections in layout for section in sections}
    unknown = sorted(set(placed) - known)
    if unknown:
        raise ValueError(f"commands placed in sections no menu has: {', '.join(unknown)}")
    submenus: dict[str, QMenu] = {}
    for menu_id, title, sections in layout:
        menu = bar.addMenu(title)
        menu.setObjectName(menu_id)
        first = True
        for section in sections:
            items = placed.get(f"{menu_id}/{section}", [])
            if not items:
                continue
            if not first:
                menu.addSeparator()
            first = False
            for item in items:
                if isinstance(item, Submenu):
                    submenu = menu.addMenu(item.title)
                    submenu.setObjectName(item.id)
                    submenus[item.id] = submenu
                    fill(item.id, submenu)
                else:
                    menu.addAction(actions[item.id])
    return submenus


class _UndoActionFollower(QObject):
    """Keeps one Undo/Redo action in step with the stack; a child of the action, so its
    connections end with the action (the stack may outlive it while a window closes)."""

    def __init__(self, action: QAction) -> None:
        super().__init__(action)
        self._action = action
        self._title = action.text()
        action.setEnabled(False)

    @Slot(bool)
    def set_enabled(self, enabled: bool) -> None:
        self._action.setEnabled(enabled)

    @Slot(str)
    def set_text(self, what: str) -> None:
        self._action.setText(f"{self._title} {what}" if what else self._title)


def bind_undo_actions(actions: Mapping[str, QAction], stack: QUndoStack) -> None:
    """Edit ▸ Undo/Redo follow the undo stack: enabled when there is something to undo or redo,
    and named after it ("Undo Not Loaded Here")."""
    for name, can, text in (("undo", stack.canUndoChanged, stack.undoTextChanged),
                            ("redo", stack.canRedoChanged, stack.redoTextChanged)):
        follower = _UndoActionFollower(actions[name])
        can.connect(follower.set_enabled)
        text.connect(follower.set_text)
