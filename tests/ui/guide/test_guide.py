"""Help ▸ Lesson Guide: the ten-minute lesson as steps whose buttons are the window's own
commands (named and keyed as in the menus); Help ▸ Keyboard Shortcuts lists every keyed command."""

from __future__ import annotations

from PySide6.QtGui import QAction

from framereader.ui.guide.steps import LESSON
from framereader.ui.guide.view import plain, shortcut_rows


def test_every_step_names_real_commands_and_the_lesson_takes_ten_minutes(window) -> None:
    assert 10 <= sum(step.minutes for step in LESSON) <= 13 and len(LESSON) == 7
    for step in LESSON:
        assert step.title and step.text and step.commands
        for command in step.commands:
            assert window.findChild(QAction, command) is not None, command


def test_the_guide_walks_the_steps_and_its_buttons_run_the_commands(qtbot, compared) -> None:
    win = compared
    win.commands["lesson_guide"].trigger()
    panel = win.guide.panel
    assert win.guide.dock.isVisible() and panel.index == 0 and not panel.back.isEnabled()
    assert [b.objectName() for b in panel.buttons] == [f"guide-{c}" for c in LESSON[0].commands]
    panel.next.click()
    assert panel.index == 1 and panel.heading.text() == "Read first" and panel.question.text().startswith("Ask:")
    hide = next(b for b in panel.buttons if b.objectName() == "guide-hide_for_reading")
    action = win.commands["hide_for_reading"]
    assert hide.text().startswith(plain(action.text())) and "Ctrl+Shift+H" in hide.text()
    hide.click()  # the button is the menu command
    assert not win.visibility.showing_any
    for _ in range(len(LESSON)):
        panel.next.click()
    assert panel.index == len(LESSON) - 1 and not panel.next.isEnabled()
    win.guide.dock.close()
    win.commands["lesson_guide"].trigger()  # back where it was
    assert win.guide.dock.isVisible() and panel.index == len(LESSON) - 1


def test_keyboard_shortcuts_list_every_keyed_command_by_menu(qtbot, window) -> None:
    window.commands["shortcuts"].trigger()
    dialog = window.guide.shortcuts_dialog
    assert dialog is not None and dialog.isVisible()
    rows = dict(shortcut_rows(window.menuBar()))
    keyed = {plain(a.text()) for a in window.commands.values() if a.shortcuts() and a.menu() is None}
    listed = {name for commands in rows.values() for name, _keys in commands}
    assert keyed <= listed | {"Clear Marked Mentions"} and "Hide All for Reading" in listed
    assert ("Reading", "Ctrl+1") in rows["View"] and rows["Help"]
    assert dialog.tree.topLevelItemCount() == sum(1 + len(c) for c in rows.values())
