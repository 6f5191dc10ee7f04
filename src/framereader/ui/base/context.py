"""What every behaviour object of the window shares, handed over once by the window.

A controller subclasses `WindowPart` and receives one `WindowContext` instead of the same six
arguments; it adds only what is its own (the visibility model, a dock's widget…)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMainWindow

from ...core.model import Side
from ...core.platform.settings import Settings
from .hooks import WindowHooks
from .messages import MessageSink

if TYPE_CHECKING:  # the pane and the service import Qt widgets; only their types are needed here
    from ..reading.pane import Pane
    from .worker import AnalysisService


@dataclass(frozen=True)
class WindowContext:
    """The window, its two panes, the settings (and how to save them), messages, the analysis
    service, the one undo stack for edits of the highlights (Edit ▸ Undo, Ctrl+Z), and the hooks
    where features meet (`hooks.WindowHooks`)."""

    window: QMainWindow
    panes: dict[Side, "Pane"]
    settings: Settings
    messages: MessageSink
    service: "AnalysisService"
    save_settings: Callable[[], None]
    undo: QUndoStack
    hooks: WindowHooks


class WindowPart(QObject):
    """A behaviour object of the window, parented to it, with the shared context as attributes."""

    def __init__(self, context: WindowContext) -> None:
        super().__init__(context.window)
        self.context = context
        self._parent = context.window  # dialogs are window-modal to it
        self.panes = context.panes
        self.settings = context.settings
        self.messages = context.messages
        self.service = context.service
        self._save_settings = context.save_settings
        self.undo = context.undo
        self.hooks = context.hooks
