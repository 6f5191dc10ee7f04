"""Where the window tells the user things: error dialogs and status-bar messages. Controllers
report here instead of opening dialogs themselves, so tests and headless runs can replace the
dialogs (`dialogs = False` records them in `errors`; `on_error` is called for each)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QStatusBar, QWidget


class MessageSink:
    """Error dialogs and status messages for one window."""

    def __init__(self, parent: QWidget, status_bar: QStatusBar) -> None:
        self._parent = parent
        self._bar = status_bar
        self.dialogs = True
        self.errors: list[tuple[str, str]] = []
        self.on_error: Callable[[str, str], None] | None = None

    def error(self, title: str, message: str) -> None:
        """A problem the user must read: a dialog (or a record when dialogs are off)."""
        self.errors.append((title, message))
        if self.on_error is not None:
            self.on_error(title, message)
        if self.dialogs:
            # Window-modal and opened, not exec()'d: the event loop (analysis results, timers)
            # keeps running while the message waits to be read.
            box = QMessageBox(QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, self._parent)
            box.setTextFormat(Qt.TextFormat.PlainText)  # messages quote file contents and names
            box.setWindowModality(Qt.WindowModality.WindowModal)
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()

    def status(self, message: str, milliseconds: int = 6000) -> None:
        """A passing note in the status bar (0 ms: until the next one)."""
        self._bar.showMessage(message, milliseconds)

    def clear_status(self) -> None:
        self._bar.clearMessage()


