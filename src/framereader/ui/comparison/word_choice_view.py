"""The comparison dock's Word choice tab: per word-choice set either text uses, the names each
text chose and how often ("invasion ×5" against "special military operation ×2"). Clicking a
text's cell shows its next use of the set in that pane; clicking the set's name shows the next
use in both. The set's note (who uses which, and why) shows under the table."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from ...core.comparison.compare import Comparison
from ...core.comparison.word_choice import MemberUse, WordChoiceRow
from ...core.model import SIDES, Side

#: Marks a set's neutral or default name in the cells (as in the handout).
REFERENCE_MARK = "°"
HINT = ("Names for the same thing: click a text's cell to go to its next use, the set's name for both. "
        f"{REFERENCE_MARK} marks the neutral or default name; “quoted” uses are in quotation marks (a speaker's "
        "words or the writer's scare quotes), not the writer's own choice.")


def uses_text(uses: tuple[MemberUse, ...]) -> str:
    """"invasion ×5, incursion (quoted)" with the reference names marked; "—" for none."""
    if not uses:
        return "—"
    return ", ".join(u.label(REFERENCE_MARK) for u in uses)


class WordChoiceView(QWidget):
    """A table of the comparison's word-choice rows, and the selected set's note."""

    use_activated = Signal(str, int, int)  # side, start, end: one use of a set's name

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: tuple[WordChoiceRow, ...] = ()
        self._next: dict[tuple[int, Side], int] = {}  # the next use to show, per row and side
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("WordChoiceTable")
        self.table.setHorizontalHeaderLabels(["Thing named", "Left uses", "Right uses"])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.note = QLabel(HINT)
        self.note.setObjectName("WordChoiceNote")
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.TextFormat.RichText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)
        self.table.cellClicked.connect(self.activate)
        self.table.itemActivated.connect(lambda item: self.activate(item.row(), item.column()))
        self.table.currentCellChanged.connect(lambda row, _column, _old_row, _old_column: self.show_note(row))

    def clear(self) -> None:
        self.rows = ()
        self._next.clear()
        self.table.setRowCount(0)
        self.note.setText(HINT)

    def set_comparison(self, comparison: Comparison, names: tuple[str, str] = ("Left", "Right")) -> None:
        """Show the comparison's word choice (`names`: the texts' titles, for the headers' tips)."""
        self.rows = comparison.word_choice
        self._next.clear()
        self.table.setRowCount(len(self.rows))
        for column, name in ((1, names[0]), (2, names[1])):
            head = self.table.horizontalHeaderItem(column)
            if head is not None:
                head.setToolTip(f"The names {name} uses")
        for index, row in enumerate(self.rows):
            cells = (row.name, uses_text(row.left), uses_text(row.right))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, index)
                item.setToolTip(row.note if column == 0 else "Click to go to the next use in this text")
                self.table.setItem(index, column, item)
        self.table.resizeRowsToContents()
        self.note.setText(HINT if self.rows else
                          "Neither text uses a name from the word-choice sets.")

    def show_note(self, index: int) -> None:
        """Show the note of row `index` under the table."""
        if not 0 <= index < len(self.rows):
            return
        row = self.rows[index]
        self.note.setText(f"<b>{html.escape(row.name)}</b> — {html.escape(row.sentence())}<br>"
                          f"Names: {html.escape(' · '.join(row.members))}<br><i>{html.escape(row.note)}</i>")

    def activate(self, index: int, column: int) -> None:
        """Go to the next use of row `index` in the clicked text (both texts for the name column)."""
        if not 0 <= index < len(self.rows):
            return
        self.show_note(index)
        row = self.rows[index]
        sides: tuple[Side, ...] = SIDES if column == 0 else (SIDES[column - 1],)
        for side in sides:
            spans = row.spans(side)
            if not spans:
                continue
            step = self._next.get((index, side), 0) % len(spans)
            self._next[(index, side)] = step + 1
            self.use_activated.emit(side, *spans[step])
