"""Help ▸ Lesson Guide: the ten-minute lesson in a panel beside the texts, one step at a time,
each step's commands as buttons (they do what the menu entries do); Help ▸ Keyboard Shortcuts."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget

from ..base.commands import Declared, Handler
from ..base.context import WindowContext, WindowPart
from .commands import GUIDE_COMMANDS
from .steps import LESSON
from .view import GuidePanel, ShortcutsDialog


class LessonGuide(WindowPart):
    """The guide's dock (made when first asked for) and the shortcuts window."""

    COMMANDS: tuple[Declared, ...] = GUIDE_COMMANDS

    def __init__(self, context: WindowContext) -> None:
        super().__init__(context)
        self.dock: QDockWidget | None = None
        self.panel: GuidePanel | None = None
        self.shortcuts_dialog: ShortcutsDialog | None = None

    def handlers(self) -> Mapping[str, Handler]:
        return {"lesson_guide": self.show_guide, "shortcuts": self.show_shortcuts}

    def action(self, command: str) -> QAction | None:
        """The window's action for a command id (the guide's buttons trigger it)."""
        return self.context.window.findChild(QAction, command)

    def show_guide(self, step: int | None = None) -> GuidePanel:
        """Show the guide (at `step`, else where it was), beside the texts."""
        window = self.context.window
        if self.dock is None or self.panel is None:
            self.panel = GuidePanel(LESSON, self.action)
            self.dock = QDockWidget("Lesson guide", window)
            self.dock.setObjectName("GuideDock")
            self.dock.setWidget(self.panel)
            self.dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable
                                  | QDockWidget.DockWidgetFeature.DockWidgetMovable)
            window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.dock)
            window.resizeDocks([self.dock], [300], Qt.Orientation.Horizontal)
        if step is not None:
            self.panel.show_step(step)
        else:
            self.panel.show_step(self.panel.index)  # buttons follow what is enabled now
        self.dock.show()
        self.dock.raise_()
        self.panel.next.setFocus()
        return self.panel

    def show_shortcuts(self) -> ShortcutsDialog:
        """Help ▸ Keyboard Shortcuts (one window, raised when asked again)."""
        if self.shortcuts_dialog is None:
            self.shortcuts_dialog = ShortcutsDialog(self.context.window.menuBar(), self.context.window)
        self.shortcuts_dialog.show()
        self.shortcuts_dialog.raise_()
        return self.shortcuts_dialog
