"""Asking to save before the reader's work is lost, as an editor does: quitting, or opening
other texts, while renamed titles, edits of the highlights or exercise marks are only in the
window (`WindowHooks.unsaved`, fed by the features that make them) asks "Save, Don't Save or
Cancel". Saving writes a lesson file (File ▸ Save Comparison…); cancelling leaves everything
as it is."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from ..base.hooks import WindowHooks

#: the prompt's answers
SAVE, DISCARD, CANCEL = "save", "discard", "cancel"
Ask = Callable[[str, str], str]


def describe(changes: Iterable[str]) -> str:
    """"renamed titles and the exercise marks" — the unsaved changes in one phrase."""
    items = list(changes)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def ask_with_a_dialog(parent: QWidget) -> Ask:
    """The prompt as a dialog: (question, details) -> SAVE, DISCARD or CANCEL."""

    def ask(question: str, details: str) -> str:
        box = QMessageBox(QMessageBox.Icon.Question, "Save the lesson?", question,
                          QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                          | QMessageBox.StandardButton.Cancel, parent)
        box.setTextFormat(Qt.TextFormat.PlainText)  # titles come from files
        box.setInformativeText(details)
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        answer = box.exec()
        if answer == QMessageBox.StandardButton.Save:
            return SAVE
        return DISCARD if answer == QMessageBox.StandardButton.Discard else CANCEL

    return ask


class UnsavedPrompt:
    """Asks before unsaved changes are lost; `ask` can be replaced (tests, headless runs)."""

    def __init__(self, hooks: WindowHooks, save: Callable[[], bool], ask: Ask, dialogs: Callable[[], bool]) -> None:
        self.hooks = hooks
        self._save = save
        self._dialog = ask
        self._dialogs = dialogs  # False: no one to ask (tests, screenshots): the question is only recorded
        self.ask: Ask = ask
        self.asked: list[str] = []  # every question asked (for tests)

    def confirm(self, doing: str, sides: Iterable[str] | None = None) -> bool:
        """True when `doing` ("quit", "open another text") may go ahead: nothing unsaved in the
        texts of `sides` (None: both), or the reader saved or chose not to; False when they
        cancelled (or saving failed)."""
        changes = self.hooks.unsaved_changes(sides)
        if not changes:
            return True
        question = f"Save {describe(changes)} in a lesson file before you {doing}?"
        self.asked.append(question)
        if self.ask is self._dialog and not self._dialogs():
            return True
        answer = self.ask(question, "A lesson file keeps both texts with their titles, your edits and the "
                                    "exercise marks; without it they are lost.")
        if answer == SAVE:
            return self._save()
        return answer == DISCARD
