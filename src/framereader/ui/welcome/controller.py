"""When the welcome panel shows: over the empty window (no text in either pane) and on the very
first start (over the texts, until it is closed or a choice is made); Help ▸ Welcome shows it
again. Its choices run the File menu's Open Two Texts… and Open the Sample Pair, and the lesson
guide (with the sample pair when the window is empty)."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from ..base.commands import Declared, Handler
from ..base.context import WindowContext, WindowPart
from .commands import WELCOME_COMMANDS
from .panel import WelcomeOverlay


class Welcome(WindowPart):
    """The welcome overlay over the central widget `host`; `start_lesson` opens the guide."""

    COMMANDS: tuple[Declared, ...] = WELCOME_COMMANDS

    def __init__(self, context: WindowContext, host: QWidget, start_lesson: Callable[[], object],
                 first_start: bool) -> None:
        super().__init__(context)
        self.overlay = WelcomeOverlay(host)
        self._start_lesson = start_lesson
        self._asked = first_start  # shown until closed, even over texts (the first start)
        self._closed_while_empty = False  # closed over the empty window: hidden until it is empty again
        self.overlay.card.chosen.connect(self.choose)
        self.overlay.card.closed.connect(self.dismiss)
        self.hooks.document_changed.connect(self._document_changed)
        # out of the way before a text is laid out under it (its wrapped labels would be laid
        # out again with every change of the text below); shown again if the window stays empty
        self.hooks.documents_about_to_change.connect(lambda: self.overlay.setVisible(self._asked))
        self.refresh()

    def handlers(self) -> Mapping[str, Handler]:
        return {"welcome": self.show}

    @property
    def empty(self) -> bool:
        """True when neither pane holds a text."""
        return all(pane.document is None for pane in self.panes.values())

    @property
    def shown(self) -> bool:
        return self.overlay.isVisibleTo(self.context.window)

    @property
    def asked(self) -> bool:
        """True while the panel was asked for (Help ▸ Welcome, the first start) and not closed."""
        return self._asked

    @property
    def closed_while_empty(self) -> bool:
        """True when it was closed over the empty window (it stays away until texts come and go)."""
        return self._closed_while_empty

    def _document_changed(self, _side: str) -> None:
        if not self.empty:
            self._closed_while_empty = False
        self.refresh()

    def refresh(self) -> None:
        """Show the panel over an empty window or while it was asked for; hide it otherwise."""
        self.overlay.setVisible(self._asked or (self.empty and not self._closed_while_empty))
        if self.overlay.isVisible():
            self.overlay.raise_()

    def show(self) -> None:
        """Help ▸ Welcome."""
        self._asked, self._closed_while_empty = True, False
        self.refresh()
        self.overlay.card.buttons["open_pair"].setFocus()

    def dismiss(self) -> None:
        """Close the panel (it stays while the window is empty) and remember it was seen."""
        self._asked = False
        self._closed_while_empty = self.empty
        if not self.settings.welcomed:
            self.settings.welcomed = True
            self._save_settings()
        self.refresh()

    def choose(self, choice: str) -> None:
        """A choice on the card: the same command as the menu entry, or the lesson guide."""
        self.dismiss()
        if choice == "lesson":
            if self.empty:
                self._trigger("open_samples")
            self._start_lesson()
        else:
            self._trigger(choice)
        self.refresh()

    def _trigger(self, command: str) -> None:
        action = self.context.window.findChild(QAction, command)
        if action is not None:
            action.trigger()
