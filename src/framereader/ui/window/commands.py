"""The window's own commands: quit, undo and redo, the master highlight switch and its
per-category submenu, Esc, the docks, the legend and About. Every other command is declared by
its feature (`<feature>/commands.py`)."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from ..base.commands import Command, Declared, Key, Submenu
from ..base.visibility import VisibilityModel
from ..reading.highlighter import StyleBook

WINDOW_COMMANDS: tuple[Declared, ...] = (
    Command("quit", "&Quit", ("file/quit",), (Key.Quit, "Ctrl+Q"), role=QAction.MenuRole.QuitRole),
    Command("undo", "&Undo", ("edit/undo",), (Key.Undo, "Ctrl+Z"), "Undo the last edit of the highlights"),
    Command("redo", "&Redo", ("edit/undo",), (Key.Redo, "Ctrl+Shift+Z"), "Do the undone edit again"),
    Command("highlights", "All &Highlights", ("view/highlights",), ("Ctrl+H",), "Show or hide every highlight",
            checkable=True),
    Submenu("highlights_for", "Show &Highlights For", "view/highlights"),
    Command("clear_marks", "Clear Marked Mentions", ("view/mentions",), ("Esc",)),
    Submenu("docks", "&Panels", "view/window"),
    Command("legend", "&Legend", ("help/help",), (), "Show the colour legend"),
    Command("about", "&About FrameReader", ("help/about",), (), role=QAction.MenuRole.AboutRole),
)


def fill_highlight_menu(menu: QMenu, visibility: VisibilityModel, book: StyleBook) -> None:
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
