"""Every menu command as data: the table below is the one place that says what a command is
called, which keys trigger it and which menu shows it. `build_actions` turns it into QActions
bound to the window's slots and `build_menus` lays the menus out from `MENUS`."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMenu, QMenuBar, QWidget

Key = QKeySequence.StandardKey

if TYPE_CHECKING:
    from ..reading.highlighter import StyleBook
    from ..base.visibility import VisibilityModel


@dataclass(frozen=True)
class ActionSpec:
    """One command: `id` names its slot; `keys` are standard keys or key strings, the
    platform's bindings first."""

    id: str
    text: str
    keys: tuple[Key | str, ...] = ()
    tip: str = ""
    checkable: bool = False
    role: QAction.MenuRole = QAction.MenuRole.TextHeuristicRole


ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("open_left", "Open &Left…", (Key.Open, "Ctrl+O"), "Open a text in the left pane"),
    ActionSpec("open_right", "Open &Right…", ("Ctrl+Shift+O",), "Open a text in the right pane"),
    ActionSpec("paste_left", "Paste as Left Document", (), "Use the text on the clipboard as the left document"),
    ActionSpec("paste_right", "Paste as Right Document", (), "Use the text on the clipboard as the right document"),
    ActionSpec("swap", "S&wap Panes", ("Ctrl+Shift+S",), "Exchange the two texts"),
    ActionSpec("close", "&Close", (Key.Close, "Ctrl+W"), "Close the text in the focused pane"),
    ActionSpec("edit_identity", "Edit &Title and Author…", (),
               "Give the text in the focused pane another title or author (the highlights stay)"),
    ActionSpec("save_session", "&Save Comparison…", (Key.Save, "Ctrl+S"),
               "Save both texts and the view as a .framereader lesson file"),
    ActionSpec("export", "&Export Comparison…", ("Ctrl+E",),
               "Save a printable HTML or PDF handout, or JSON for research"),
    ActionSpec("export_handout", "Export &Handout…", ("Ctrl+Shift+E",),
               "Choose the handout's sections, highlights and paper, then save it as PDF or HTML"),
    ActionSpec("print", "&Print…", (Key.Print, "Ctrl+P"), "Print the handout (with a preview)"),
    ActionSpec("preferences", "&Preferences…", (Key.Preferences, "Ctrl+,"), "Language model, theme and scrolling",
               role=QAction.MenuRole.PreferencesRole),
    ActionSpec("quit", "&Quit", (Key.Quit, "Ctrl+Q"), role=QAction.MenuRole.QuitRole),
    ActionSpec("undo", "&Undo", (Key.Undo, "Ctrl+Z"), "Undo the last edit of the highlights"),
    ActionSpec("redo", "&Redo", (Key.Redo, "Ctrl+Shift+Z"), "Do the undone edit again"),
    ActionSpec("zoom_in", "Zoom &In", (Key.ZoomIn, "Ctrl+=")),
    ActionSpec("zoom_out", "Zoom &Out", (Key.ZoomOut,)),
    ActionSpec("zoom_reset", "&Reset Zoom", ("Ctrl+0",)),
    ActionSpec("sync", "&Sync Scrolling", (), "Scroll both texts together", checkable=True),
    ActionSpec("sync_by_passages", "Sync by &Matching Passages", (),
               "Scroll so that passages reporting the same thing line up (else: the same position in both)",
               checkable=True),
    ActionSpec("matching_passages", "Matching Passa&ges", (),
               "Tint passages that report the same thing alike in both texts; hatch those only one text has",
               checkable=True),
    ActionSpec("go_to_counterpart", "Go to &Counterpart", ("Ctrl+J",),
               "Show the passage of the other text that matches the one at the cursor"),
    ActionSpec("agentless_passives", "Agentless Passi&ves", (),
               "Mark passives that do not say who did it (“civilians were killed”)", checkable=True),
    ActionSpec("word_choice", "&Word Choice", (),
               "Overline names that have competing names (invasion / special military operation)", checkable=True),
    ActionSpec("highlights", "All &Highlights", ("Ctrl+H",), "Show or hide every highlight", checkable=True),
    ActionSpec("next_mention", "Next Mention", (Key.FindNext, "F3"), "Go to the next mention of the marked name"),
    ActionSpec("previous_mention", "Previous Mention", (Key.FindPrevious, "Shift+F3"),
               "Go to the previous mention of the marked name"),
    ActionSpec("clear_marks", "Clear Marked Mentions", ("Esc",)),
    ActionSpec("presenter", "&Presenter Mode", ("F11",),
               "Large type, no chrome: for the projector (F11 or Esc to leave)", checkable=True),
    ActionSpec("hide_for_reading", "Hide All for &Reading", ("Ctrl+Shift+H",),
               "Read first: hide every highlight, then reveal one at a time"),
    ActionSpec("reveal_next", "Reveal &Next Category", ("Ctrl+.",),
               "Reveal later: show the next framing category (then entity label)"),
    ActionSpec("show_all", "Show &All Highlights", ("Ctrl+Shift+A",), "Show every category and label again"),
    ActionSpec("exercise", "Spot the &Framing", ("Ctrl+Shift+X",),
               "Exercise: highlights hidden, click the words you think are loaded, then Check (Esc to leave)",
               checkable=True),
    ActionSpec("exercise_check", "&Check", ("Ctrl+Return",), "Show the key's marks beside yours: found, missed, yours only"),
    ActionSpec("exercise_restart", "Start &Again", (), "Remove every mark of the exercise"),
    ActionSpec("exercise_save", "&Save Attempt…", (), "Save your marks (and the result) as JSON"),
    ActionSpec("exercise_export", "&Export Attempt…", (), "A printable web page of your attempt, to hand in"),
    ActionSpec("exercise_key", "Save Answer &Key…", (),
               "Teacher: save a lesson whose answer key is the highlights as shown (your edits included)"),
    ActionSpec("lexicons", "&Lexicons…", ("Ctrl+Shift+L",), "Choose, edit, import and export framing lexicons"),
    ActionSpec("add_lexicon", "Use Lexicon &File…", (), "Use a lexicon (.frlex, word list or CSV) from where it is"),
    ActionSpec("bundled_only", "&Bundled Lexicons Only", (), "Switch off every lexicon but the bundled ones"),
    ActionSpec("legend", "&Legend", (), "Show the colour legend"),
    ActionSpec("about", "&About FrameReader", (), role=QAction.MenuRole.AboutRole),
)

#: Menus in order: action ids, "-" for a separator, "@name" for a submenu the window fills.
MENUS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("&File", ("open_left", "open_right", "@recent", "-", "paste_left", "paste_right", "-", "swap", "close",
               "edit_identity", "-", "save_session", "export", "export_handout", "print", "-", "preferences", "-",
               "quit")),
    ("&Edit", ("undo", "redo")),
    ("&View", ("zoom_in", "zoom_out", "zoom_reset", "-", "sync", "sync_by_passages", "-", "matching_passages",
               "go_to_counterpart", "-", "highlights", "@highlights", "agentless_passives", "word_choice",
               "-",
               "next_mention", "previous_mention", "clear_marks", "-", "@docks", "presenter", "@theme", "-",
               "hide_for_reading", "reveal_next", "show_all")),
    ("E&xercise", ("exercise", "-", "exercise_check", "exercise_restart", "-", "exercise_save", "exercise_export",
                   "-", "exercise_key")),
    ("&Analysis", ("@model", "lexicons", "add_lexicon", "bundled_only", "-", "preferences")),
    ("&Help", ("legend", "about")),
)

SUBMENU_TITLES = {"recent": "Open &Recent", "highlights": "Show &Highlights For", "theme": "&Theme",
                  "model": "Language &Model"}


def key_sequences(keys: tuple[Key | str, ...]) -> list[QKeySequence]:
    """The platform's bindings for standard keys plus the extra ones (deduplicated)."""
    found: list[QKeySequence] = []
    for key in keys:
        sequences = QKeySequence.keyBindings(key) if isinstance(key, Key) else [QKeySequence(key)]
        found.extend(seq for seq in sequences if seq not in found)
    return found


def build_actions(owner: QWidget, slots: Mapping[str, Callable[..., object]]) -> dict[str, QAction]:
    """One QAction per spec, added to `owner` so shortcuts work while menus are hidden.
    Checkable actions call their slot with the new state; the others with no argument."""
    actions: dict[str, QAction] = {}
    for spec in ACTIONS:
        action = QAction(spec.text, owner)
        action.setObjectName(spec.id)
        action.setShortcuts(key_sequences(spec.keys))
        if spec.tip:
            action.setStatusTip(spec.tip)
            action.setToolTip(spec.tip)
        action.setMenuRole(spec.role)
        slot = slots[spec.id]
        if spec.checkable:
            action.setCheckable(True)
            action.triggered.connect(slot)
        else:
            action.triggered.connect(lambda _checked=False, call=slot: call())
        owner.addAction(action)
        actions[spec.id] = action
    return actions


def build_menus(bar: QMenuBar, actions: Mapping[str, QAction],
                extras: Mapping[str, Callable[[QMenu], object]]) -> dict[str, QMenu]:
    """Lay out `MENUS`; `extras[name](menu)` fills the place of "@name" (a submenu is created
    for the names in SUBMENU_TITLES, other names add their own actions to the parent menu)."""
    submenus: dict[str, QMenu] = {}
    for title, items in MENUS:
        menu = bar.addMenu(title)
        for item in items:
            if item == "-":
                menu.addSeparator()
            elif item.startswith("@"):
                name = item[1:]
                if name in SUBMENU_TITLES:
                    submenu = menu.addMenu(SUBMENU_TITLES[name])
                    submenu.setObjectName(name)
                    submenus[name] = submenu
                    extras[name](submenu)
                else:
                    extras[name](menu)
            else:
                menu.addAction(actions[item])
    return submenus


def fill_theme_menu(menu: QMenu, choose: Callable[[str], None]) -> dict[str, QAction]:
    """One exclusive, checkable entry per theme; the window ticks the current one."""
    from ..base import styles

    group = QActionGroup(menu)
    actions: dict[str, QAction] = {}
    for key, label in styles.THEME_NAMES.items():
        action = menu.addAction(label)
        action.setCheckable(True)
        group.addAction(action)
        action.triggered.connect(lambda _checked=False, k=key: choose(k))
        actions[key] = action
    return actions


def fill_highlight_menu(menu: QMenu, visibility: "VisibilityModel", book: "StyleBook") -> None:
    """View ▸ Show Highlights For: one checkable entry per entity label and framing category,
    ticked from the visibility model and changing it."""
    menu.clear()
    value = visibility.value
    menu.addSection("Named entities")
    for label in visibility.known_labels:
        action = menu.addAction(label)
        action.setCheckable(True)
        action.setChecked(label not in value.hidden_labels)
        action.triggered.connect(lambda on, name=label: visibility.set_label_visible(name, on))
    menu.addSection("Framing language")
    for info in sorted(book.categories.values(), key=lambda c: c.index):
        action = menu.addAction(info.name)
        action.setCheckable(True)
        action.setChecked(info.id not in value.hidden_categories)
        action.triggered.connect(lambda on, name=info.id: visibility.set_category_visible(name, on))


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
