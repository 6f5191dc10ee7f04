"""The lesson guide's panel (one step at a time, the step's commands as buttons) and the
keyboard shortcuts window (every command with a key, menu by menu)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QMenuBar,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..base import styles
from .steps import Step


def plain(text: str) -> str:
    """A menu text without its accelerator mark or ellipsis ("&Export…" → "Export")."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()


def keys_of(action: QAction) -> str:
    """The action's keys as the platform writes them ("Ctrl+Shift+H"), or ""."""
    return ", ".join(sequence.toString(QKeySequence.SequenceFormat.NativeText) for sequence in action.shortcuts())


class GuidePanel(QWidget):
    """One step of the lesson: its title and time, what to do, a question, and a button per
    command (named as in the menus, with its key); Back and Next walk the steps."""

    step_changed = Signal(int)

    def __init__(self, steps: Sequence[Step], action: Callable[[str], QAction | None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("LessonGuide")
        self.steps = tuple(steps)
        self._action = action
        self.index = 0
        self.buttons: list[QPushButton] = []
        self.heading = QLabel()
        self.heading.setFont(styles.ui_font(13.0, bold=True))
        self.heading.setWordWrap(True)
        self.when = QLabel()
        self.when.setObjectName("GuideWhen")
        self.when.setFont(styles.ui_font(9.0))
        self.body = QLabel()
        self.body.setWordWrap(True)
        self.body.setFont(styles.ui_font(10.5))
        self.body.setTextFormat(Qt.TextFormat.PlainText)
        self.question = QLabel()
        self.question.setWordWrap(True)
        self.question.setFont(styles.ui_font(10.5, bold=True))
        self._button_box = QVBoxLayout()
        self._button_box.setSpacing(4)
        self.back = QPushButton("‹ Back")
        self.next = QPushButton("Next ›")
        self.back.clicked.connect(lambda: self.show_step(self.index - 1))
        self.next.clicked.connect(lambda: self.show_step(self.index + 1))
        walk = QHBoxLayout()
        walk.addWidget(self.back)
        walk.addStretch(1)
        walk.addWidget(self.next)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(8)
        for widget in (self.when, self.heading, self.body, self.question):
            layout.addWidget(widget)
        layout.addLayout(self._button_box)
        layout.addStretch(1)
        layout.addLayout(walk)
        self.setMinimumWidth(260)
        self.show_step(0)

    def show_step(self, index: int) -> None:
        """Show step `index` (clamped to the lesson)."""
        self.index = max(0, min(len(self.steps) - 1, index))
        step = self.steps[self.index]
        self.when.setText(f"STEP {self.index + 1} OF {len(self.steps)} · {step.minutes} MIN")
        self.heading.setText(step.title)
        self.body.setText(step.text)
        self.question.setText(f"Ask: {step.ask}" if step.ask else "")
        self.question.setVisible(bool(step.ask))
        for button in self.buttons:
            button.deleteLater()
        self.buttons = []
        for command in step.commands:
            action = self._action(command)
            if action is None:
                continue
            keys = keys_of(action)
            button = QPushButton(plain(action.text()) + (f"   ({keys})" if keys else ""))
            button.setObjectName(f"guide-{command}")
            button.setToolTip(action.toolTip())
            button.setEnabled(action.isEnabled())
            button.clicked.connect(lambda _checked=False, a=action: a.trigger())
            self._button_box.addWidget(button)
            self.buttons.append(button)
        self.back.setEnabled(self.index > 0)
        self.next.setEnabled(self.index < len(self.steps) - 1)
        self.step_changed.emit(self.index)


def shortcut_rows(bar: QMenuBar) -> list[tuple[str, list[tuple[str, str]]]]:
    """(menu title, [(command, keys)]) for every menu of `bar` with a command that has a key,
    submenus included, in menu order."""
    rows: list[tuple[str, list[tuple[str, str]]]] = []

    def walk(menu: QMenu, found: list[tuple[str, str]]) -> None:
        for action in menu.actions():
            if action.menu() is not None:
                walk(action.menu(), found)  # type: ignore[arg-type]
            elif not action.isSeparator() and keys_of(action):
                found.append((plain(action.text()), keys_of(action)))

    for action in bar.actions():
        menu = action.menu()
        if menu is None:
            continue
        found: list[tuple[str, str]] = []
        walk(menu, found)  # type: ignore[arg-type]
        if found:
            rows.append((plain(action.text()), found))
    return rows


class ShortcutsDialog(QDialog):
    """Help ▸ Keyboard Shortcuts: a list to read, grouped by menu."""

    def __init__(self, bar: QMenuBar, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard Shortcuts — FrameReader")
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["Command", "Keys"])
        self.tree.setRootIsDecorated(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        for menu, commands in shortcut_rows(bar):
            group = QTreeWidgetItem([menu, ""])
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            self.tree.addTopLevelItem(group)
            for name, keys in commands:
                self.tree.addTopLevelItem(QTreeWidgetItem([f"    {name}", keys]))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree)
        layout.addWidget(buttons)
        self.resize(460, 560)
