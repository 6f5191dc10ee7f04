"""The Edits tab of the comparison dock: every edit the reader made of the analysis (excluded
passages, "Not Loaded Here", corrected labels), one row each; a double-click shows it in its
pane, Remove (or Delete) takes it back (undoably)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QUndoView,
    QVBoxLayout,
    QWidget,
)

from ...core.state.edits import Edit
from ...core.model import Side


@dataclass(frozen=True)
class EditRow:
    """One row of the list: which text, the edit, what kind it is and the words it covers."""

    side: Side
    edit: Edit
    kind: str
    words: str


class _Tree(QTreeWidget):
    delete_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # Qt API
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.delete_pressed.emit()
            return
        super().keyPressEvent(event)


class EditsView(QWidget):
    """The list of edits with a Remove button."""

    activated = Signal(str, int, int)  # side, start, end (core offsets)
    remove_requested = Signal(object)  # EditRow

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[EditRow] = []
        self.tree = _Tree()
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels(["Text", "Edit", "Words"])
        self.tree.setRootIsDecorated(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.hint = QLabel("Your edits of the analysis are listed here. Right-click a word or a selection "
                           "in a text to exclude a passage, say a word is not loaded there, or correct a name's label.")
        self.hint.setWordWrap(True)
        self.hint.setObjectName("EditsHint")
        self.remove_button = QPushButton("Remove Edit")
        self.remove_button.setToolTip("Take the selected edit back (Delete); Edit ▸ Undo brings it back")
        self.remove_button.setEnabled(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.hint, 1)
        buttons.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(buttons)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.tree)
        layout.addWidget(self.splitter, 1)
        self.history: QUndoView | None = None
        self.tree.itemDoubleClicked.connect(lambda item, _column: self._activate(item))
        self.tree.itemActivated.connect(lambda item, _column: self._activate(item))
        self.tree.itemSelectionChanged.connect(
            lambda: self.remove_button.setEnabled(self.selected() is not None))
        self.remove_button.clicked.connect(self.remove_selected)
        self.tree.delete_pressed.connect(self.remove_selected)

    def show_history(self, stack: QUndoStack) -> None:
        """Beside the list, every undoable step in order (Mark as Loaded, renames and the edits
        above); clicking a step undoes or redoes back to it."""
        self.history = QUndoView(stack)
        self.history.setEmptyLabel("Start (no edits yet)")
        self.history.setToolTip("Every edit in order; click a step to go back to it (Ctrl+Z undoes the latest)")
        self.splitter.addWidget(self.history)
        self.splitter.setSizes([600, 300])

    def show_rows(self, rows: list[EditRow]) -> None:
        """Show `rows` (in the given order), keeping the selection on the same edit if it is still there."""
        current = self.selected()
        self.rows = list(rows)
        self.tree.clear()
        for index, row in enumerate(self.rows):
            item = QTreeWidgetItem([row.side.capitalize(), row.kind, row.words])
            item.setData(0, Qt.ItemDataRole.UserRole, index)
            item.setToolTip(2, row.words)
            self.tree.addTopLevelItem(item)
            if row == current:
                item.setSelected(True)
        self.remove_button.setEnabled(self.selected() is not None)

    def selected(self) -> EditRow | None:
        """The selected row's edit, or None."""
        items = self.tree.selectedItems()
        if not items:
            return None
        index = items[0].data(0, Qt.ItemDataRole.UserRole)
        return self.rows[index] if isinstance(index, int) and 0 <= index < len(self.rows) else None

    def remove_selected(self) -> None:
        row = self.selected()
        if row is not None:
            self.remove_requested.emit(row)

    def _activate(self, item: QTreeWidgetItem) -> None:
        index = item.data(0, Qt.ItemDataRole.UserRole)
        if isinstance(index, int) and 0 <= index < len(self.rows):
            row = self.rows[index]
            self.activated.emit(row.side, row.edit.start, row.edit.end)
