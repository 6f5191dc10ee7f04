"""The editor half of the Lexicons dialog: the lexicon header, the category list and the term
table, and the edits made in them. A mixin of `LexiconsDialog` (it keeps the widgets as the
dialog's own attributes); every rule lives in core (`LexiconDraft`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import cast

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QColorDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.lexicons.draft import CategoryDraft, LexiconDraft, TermDraft
from ...core.lexicons.library import LexiconEntry
from ..base import styles

TERM_COLUMNS = ("Term", "Note", "Neutral alternative", "Exact")


def colour_icon(colour: str, size: int = 14) -> QIcon:
    """A filled square in `colour` (an invalid colour shows as grey)."""
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(colour) if QColor.isValidColorName(colour) else QColor("#999999"))
    return QIcon(pixmap)


class LexiconEditorMixin:
    """Builds and runs the category and term editor of `LexiconsDialog` (mixed into it)."""

    # provided by the dialog
    current: LexiconEntry | None
    draft: LexiconDraft | None
    _filling: bool
    _touched: Callable[[], None]
    _edit_lexicon: Callable[[str, str], None]

    def _button(self, text: str, slot: Callable[[], object], row: QHBoxLayout, tip: str) -> QPushButton:
        button = QPushButton(text)
        button.setToolTip(tip)
        button.clicked.connect(lambda _checked=False: slot())
        row.addWidget(button)
        return button

    def _build_editor(self) -> QWidget:
        self.read_only_note = QLabel("")
        self.read_only_note.setWordWrap(True)
        self.read_only_note.setObjectName("ReadOnlyNote")
        self.name_edit = QLineEdit()
        self.language_edit = QLineEdit()
        self.language_edit.setMaxLength(3)
        self.language_edit.setToolTip("ISO 639-1 code, e.g. en; pipelines of another language do not use it")
        self.description_edit = QLineEdit()
        header = QFormLayout()
        header.addRow("&Name:", self.name_edit)
        header.addRow("&Language:", self.language_edit)
        header.addRow("D&escription:", self.description_edit)
        for edit, attr in ((self.name_edit, "name"), (self.language_edit, "language"),
                           (self.description_edit, "description")):
            edit.textEdited.connect(lambda text, a=attr: self._edit_lexicon(a, text))

        self.category_list = QListWidget()
        self.category_list.setObjectName("CategoryList")
        self.category_list.currentRowChanged.connect(self._on_category_selected)
        self.category_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.category_list.setMinimumWidth(250)
        category_buttons = QHBoxLayout()
        self.add_category_button = self._button("Add Categor&y", self.add_category, category_buttons,
                                                "Add a framing category")
        self.remove_category_button = self._button("Remove Category", self.remove_category, category_buttons,
                                                   "Remove the selected category and its terms")
        self.category_name_edit = QLineEdit()
        self.category_name_edit.textEdited.connect(lambda text: self._edit_category("name", text))
        self.colour_button = QPushButton("Colour…")
        self.colour_button.setToolTip("Pick the category's underline colour")
        self.colour_button.clicked.connect(self.pick_colour)
        self.category_description_edit = QLineEdit()
        self.category_description_edit.textEdited.connect(lambda text: self._edit_category("description", text))
        category_form = QFormLayout()
        category_form.addRow("Category na&me:", self.category_name_edit)
        category_form.addRow("Colour:", self.colour_button)
        category_form.addRow("Category descri&ption:", self.category_description_edit)

        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText("Search terms, notes and alternatives in every category")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(lambda _text: self._apply_search())
        self.term_table = QTableWidget(0, len(TERM_COLUMNS))
        self.term_table.setObjectName("TermTable")
        self.term_table.setHorizontalHeaderLabels(TERM_COLUMNS)
        self.term_table.verticalHeader().setVisible(False)
        self.term_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.term_table.setWordWrap(False)  # one line per term; the full note is in the tooltip
        head = self.term_table.horizontalHeader()
        head.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        head.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        head.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        head.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.term_table.setColumnWidth(0, 150)
        self.term_table.setColumnWidth(2, 170)
        self.term_table.itemChanged.connect(self._on_term_changed)
        term_buttons = QHBoxLayout()
        self.add_term_button = self._button("Add &Term", self.add_term, term_buttons, "Add a term to this category")
        self.remove_term_button = self._button("Remove Term", self.remove_terms, term_buttons,
                                               "Remove the selected terms")
        term_buttons.addStretch(1)

        categories = QGroupBox("Categories")
        cat_layout = QVBoxLayout(categories)
        cat_layout.addWidget(self.category_list, 1)
        cat_layout.addLayout(category_buttons)
        terms = QGroupBox("Terms")
        term_layout = QVBoxLayout(terms)
        term_layout.addLayout(category_form)
        term_layout.addWidget(self.search_edit)
        term_layout.addWidget(self.term_table, 1)
        term_layout.addLayout(term_buttons)
        lower = QSplitter(Qt.Orientation.Horizontal)
        lower.addWidget(categories)
        lower.addWidget(terms)
        lower.setStretchFactor(1, 1)
        lower.setSizes([220, 600])

        editor = QWidget()
        layout = QVBoxLayout(editor)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.read_only_note)
        layout.addLayout(header)
        layout.addWidget(lower, 1)
        self.editable_widgets: list[QWidget] = [
            self.name_edit, self.language_edit, self.description_edit, self.add_category_button,
            self.remove_category_button, self.category_name_edit, self.colour_button,
            self.category_description_edit, self.add_term_button, self.remove_term_button,
        ]
        return editor

    # ------------------------------------------------------------------ categories and terms
    def _fill_categories(self, select: int) -> None:
        self._filling = True
        self.category_list.clear()
        for category in self.draft.categories if self.draft else []:
            self.category_list.addItem(QListWidgetItem(colour_icon(category.colour), category.name or category.id))
        self._filling = False
        count = self.category_list.count()
        self.category_list.setCurrentRow(min(select, count - 1) if count else -1)
        self._on_category_selected(self.category_list.currentRow())
        self._apply_search()

    def _category(self) -> CategoryDraft | None:
        row = self.category_list.currentRow()
        return self.draft.categories[row] if self.draft and 0 <= row < len(self.draft.categories) else None

    def _on_category_selected(self, _row: int) -> None:
        if self._filling:
            return
        category = self._category()
        editable = bool(self.current and self.current.editable)
        self._filling = True
        self.category_name_edit.setText(category.name if category else "")
        self.category_description_edit.setText(category.description if category else "")
        self.category_description_edit.setCursorPosition(0)
        self.colour_button.setIcon(colour_icon(category.colour) if category else QIcon())
        self.colour_button.setText(category.colour if category else "Colour…")
        self.term_table.setRowCount(0)
        for term in category.terms if category else []:
            self._append_term_row(term, editable)
        self._filling = False
        for widget in (self.category_name_edit, self.category_description_edit, self.colour_button,
                       self.remove_category_button, self.add_term_button, self.remove_term_button):
            widget.setEnabled(editable and category is not None)
        self._apply_search()

    def _append_term_row(self, term: TermDraft, editable: bool) -> None:
        row = self.term_table.rowCount()
        self.term_table.insertRow(row)
        for column, value in enumerate((term.text, term.note, term.alternative)):
            item = QTableWidgetItem(value)
            item.setToolTip(value)
            if not editable:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.term_table.setItem(row, column, item)
        exact = QTableWidgetItem("")
        exact.setFlags(Qt.ItemFlag.ItemIsEnabled | (Qt.ItemFlag.ItemIsUserCheckable if editable else Qt.ItemFlag.NoItemFlags))
        exact.setCheckState(Qt.CheckState.Checked if term.exact else Qt.CheckState.Unchecked)
        exact.setToolTip("Match only this exact form (no inflections)")
        self.term_table.setItem(row, 3, exact)

    def _apply_search(self) -> None:
        """Hide the terms that do not match; categories show how many of theirs match."""
        if self.draft is None:
            return
        query = self.search_edit.text()
        hits = self.draft.search(query)
        for row, category in enumerate(self.draft.categories):
            item = self.category_list.item(row)
            if item is None:
                continue
            found = len(hits.get(row, []))
            item.setText(f"{category.name or category.id}  ({found})" if query.strip() else category.name or category.id)
            item.setForeground(QColor(styles.INK_MUTED if query.strip() and not found else styles.INK))
        shown = set(hits.get(self.category_list.currentRow(), []))
        for row in range(self.term_table.rowCount()):
            self.term_table.setRowHidden(row, row not in shown)

    # ------------------------------------------------------------------ edits
    def _edit_category(self, attribute: str, value: str) -> None:
        category = self._category()
        if self._filling or category is None:
            return
        setattr(category, attribute, value)
        if attribute == "name":
            item = self.category_list.currentItem()
            if item is not None:
                item.setText(value or category.id)
        self._touched()

    def set_category_colour(self, colour: str) -> None:
        """Give the selected category a colour (#RRGGBB)."""
        category = self._category()
        if category is None:
            return
        category.colour = colour.upper()
        self.colour_button.setIcon(colour_icon(category.colour))
        self.colour_button.setText(category.colour)
        self.category_list.currentItem().setIcon(colour_icon(category.colour))
        self._touched()

    def pick_colour(self) -> None:
        category = self._category()
        if category is None:
            return
        chosen = QColorDialog.getColor(QColor(category.colour), cast(QWidget, self), f"Colour for {category.name}")
        if chosen.isValid():
            self.set_category_colour(chosen.name())

    def add_category(self, name: str = "New category") -> None:
        if self.draft is None:
            return
        self.draft.add_category(name)
        self._fill_categories(len(self.draft.categories) - 1)
        self.category_name_edit.setFocus()
        self.category_name_edit.selectAll()
        self._touched()

    def remove_category(self) -> None:
        row = self.category_list.currentRow()
        if self.draft is None or row < 0:
            return
        del self.draft.categories[row]
        self._fill_categories(max(0, row - 1))
        self._touched()

    def add_term(self, text: str = "", note: str = "", alternative: str = "") -> None:
        """Add a term row to the selected category and start editing it."""
        category = self._category()
        if category is None:
            return
        if self.search_edit.text():
            self.search_edit.clear()  # a new row must not be hidden by the search
        term = TermDraft(text, note, alternative)
        category.terms.append(term)
        self._filling = True
        self._append_term_row(term, True)
        self._filling = False
        row = self.term_table.rowCount() - 1
        self.term_table.setCurrentCell(row, 0)
        first = self.term_table.item(row, 0)
        if not text and first is not None:
            self.term_table.editItem(first)
        self._touched()

    def remove_terms(self) -> None:
        category = self._category()
        rows = sorted({index.row() for index in self.term_table.selectedIndexes()}, reverse=True)
        if category is None or not rows:
            return
        for row in rows:
            del category.terms[row]
            self.term_table.removeRow(row)
        self._touched()

    def _on_term_changed(self, item: QTableWidgetItem) -> None:
        category = self._category()
        if self._filling or category is None or item.row() >= len(category.terms):
            return
        term = category.terms[item.row()]
        column, value = item.column(), item.text()
        if column == 3:
            term = replace(term, exact=item.checkState() == Qt.CheckState.Checked)
        elif column == 0:
            term = replace(term, text=value)
        elif column == 1:
            term = replace(term, note=value)
        else:
            term = replace(term, alternative=value)
        category.terms[item.row()] = term
        self._touched()
