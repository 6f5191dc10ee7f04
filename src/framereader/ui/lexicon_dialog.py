"""Analysis → Lexicons…: switch lexicons on and off, edit the user's own, duplicate a bundled one,
import and export. Every rule lives in core (`LexiconLibrary`, `LexiconDraft`); this is the view.

The dialog edits a `LexiconDraft`; problems are shown inline as they appear and Save stays off
until there are none. Saving is atomic with one backup (core); a failure is shown inline and the
draft is kept, so nothing typed is lost. `changed` tells the window to re-highlight.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QColor, QIcon, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QColorDialog,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.errors import FrameReaderError
from ..core.lexicons.format import SUFFIX
from ..core.lexicons.draft import CategoryDraft, LexiconDraft, TermDraft
from ..core.lexicons.library import BUNDLED, FILE, USER, LexiconEntry, LexiconLibrary
from . import styles

KIND_NOTES = {BUNDLED: "bundled, read-only", USER: "yours, editable", FILE: "file from elsewhere, read-only"}
TERM_COLUMNS = ("Term", "Note", "Neutral alternative", "Exact")
IMPORT_FILTER = f"Lexicons and word lists (*{SUFFIX} *.txt *.csv *.tsv);;All files (*)"
ERROR_INK, OK_INK = "#b42318", "#1a7f37"


def colour_icon(colour: str, size: int = 14) -> QIcon:
    """A filled square in `colour` (an invalid colour shows as grey)."""
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(colour) if QColor.isValidColorName(colour) else QColor("#999999"))
    return QIcon(pixmap)


class LexiconsDialog(QDialog):
    """The lexicon manager and editor."""

    changed = Signal()  # enabled lexicons or a lexicon's content changed

    def __init__(self, library: LexiconLibrary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Lexicons")
        self.library = library
        self.entries: list[LexiconEntry] = []
        self.current: LexiconEntry | None = None
        self.draft: LexiconDraft | None = None
        self.dirty = False
        self._filling = False  # True while widgets are filled from the draft (no edit signals)
        self._build()
        self.resize(1100, 700)
        self.reload()

    # ------------------------------------------------------------------ layout
    def _build(self) -> None:
        self.lexicon_list = QListWidget()
        self.lexicon_list.setObjectName("LexiconList")
        self.lexicon_list.currentRowChanged.connect(self._on_lexicon_selected)
        self.lexicon_list.itemChanged.connect(self._on_lexicon_checked)
        buttons = QHBoxLayout()
        self.new_button = self._button("&New…", self.new_lexicon, buttons, "Start an empty lexicon of your own")
        self.duplicate_button = self._button("&Duplicate", self.duplicate_current, buttons,
                                             "Make an editable copy (the original is switched off)")
        self.remove_button = self._button("Remo&ve", self.remove_current, buttons,
                                          "Delete your lexicon (kept as a .bak file) or forget a file")
        io_buttons = QHBoxLayout()
        self.import_button = self._button("&Import…", self.import_dialog, io_buttons,
                                          "Copy a .frlex lexicon, a word list or a CSV into your lexicons")
        self.export_button = self._button("E&xport…", self.export_dialog, io_buttons,
                                          "Save the selected lexicon as a .frlex file to share")
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        heading = QLabel("Tick the lexicons to use:")
        left_layout.addWidget(heading)
        left_layout.addWidget(self.lexicon_list, 1)
        left_layout.addLayout(buttons)
        left_layout.addLayout(io_buttons)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self._build_editor())
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([280, 820])

        self.message = QLabel("")
        self.message.setObjectName("LexiconMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box = QDialogButtonBox()
        self.save_button = box.addButton("&Save", QDialogButtonBox.ButtonRole.ApplyRole)
        self.save_button.clicked.connect(self.save)
        self.revert_button = box.addButton("&Revert", QDialogButtonBox.ButtonRole.ResetRole)
        self.revert_button.clicked.connect(self.revert)
        close = box.addButton(QDialogButtonBox.StandardButton.Close)
        close.clicked.connect(self.close)
        QShortcut(QKeySequence.StandardKey.Save, self).activated.connect(self.save)

        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message)
        layout.addWidget(box)

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

    # ------------------------------------------------------------------ the list
    def reload(self, select_key: str | None = None) -> None:
        """Read the library again and select `select_key` (else the current one, else the first),
        filling the editor afresh."""
        key = select_key or (self.current.key if self.current else None)
        self._fill_list()
        keys = [e.key for e in self.entries]
        row = keys.index(key) if key in keys else (0 if keys else -1)
        self.current = None
        self.lexicon_list.setCurrentRow(row)
        if row == self.lexicon_list.currentRow() and row >= 0 and self.current is None:
            self._on_lexicon_selected(row)

    def refresh_list(self) -> None:
        """Re-read the list after a change made elsewhere (the main window's Analysis menu),
        leaving the editor and any unsaved edits alone while the edited lexicon is still there."""
        self._fill_list()
        if self.current is None or self.current.key not in {e.key for e in self.entries}:
            self.dirty = False  # the lexicon being edited is gone
            self.reload()
            return
        self._select_row_quietly(self.current)

    def _fill_list(self) -> None:
        """Show the library's entries; the same lexicons are updated in place (this may run from
        the list's own itemChanged signal, where deleting its items is not safe)."""
        entries = self.library.entries()
        in_place = (self.lexicon_list.count() == len(self.entries)
                    and [e.key for e in entries] == [e.key for e in self.entries])
        self.entries = entries
        self._filling = True
        if not in_place:
            self.lexicon_list.clear()
            for _entry in entries:
                self.lexicon_list.addItem(QListWidgetItem())
        for row, entry in enumerate(entries):
            item = self.lexicon_list.item(row)
            item.setText(self._entry_text(entry))
            item.setToolTip(f"{entry.path}\n{entry.error}" if entry.error else entry.path)
            item.setCheckState(Qt.CheckState.Checked if entry.enabled else Qt.CheckState.Unchecked)
            if entry.lexicon is None:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsUserCheckable)
                item.setForeground(QColor(ERROR_INK))
            else:
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        self._filling = False

    @staticmethod
    def _entry_text(entry: LexiconEntry, name: str | None = None) -> str:
        if entry.lexicon is None:
            return f"{entry.title}\n  cannot be read"
        lex = entry.lexicon
        return f"{name or lex.name}\n  {lex.term_count} terms · {lex.language} · {KIND_NOTES[entry.kind]}"

    def _on_lexicon_checked(self, item: QListWidgetItem) -> None:
        if self._filling:
            return
        entry = self.entries[self.lexicon_list.row(item)]
        self.set_enabled(entry.key, item.checkState() == Qt.CheckState.Checked)

    def set_enabled(self, key: str, on: bool) -> None:
        """Switch a lexicon on or off; the open texts are highlighted again."""
        self.library.set_enabled(key, on)
        name = next((e.title for e in self.entries if e.key == key), key)
        self.show_message(f"{name} is {'on' if on else 'off'}; the open texts are highlighted again.")
        self.changed.emit()

    def _on_lexicon_selected(self, row: int) -> None:
        if self._filling or row < 0 or row >= len(self.entries):
            return
        entry = self.entries[row]
        if self.current is not None and entry.key == self.current.key:
            return
        if not self.confirm_leave():
            self._select_row_quietly(self.current)
            return
        self.current = entry
        self.draft = LexiconDraft.from_lexicon(entry.lexicon) if entry.lexicon is not None else None
        self.dirty = False
        self._fill_editor()
        if entry.error:
            self.show_message(entry.error, error=True)
        else:
            self.show_message("")

    def _select_row_quietly(self, entry: LexiconEntry | None) -> None:
        keys = [e.key for e in self.entries]
        self._filling = True
        self.lexicon_list.setCurrentRow(keys.index(entry.key) if entry and entry.key in keys else -1)
        self._filling = False

    # ------------------------------------------------------------------ the editor
    def _fill_editor(self) -> None:
        entry, draft = self.current, self.draft
        editable = bool(entry and entry.editable)
        self._filling = True
        self.name_edit.setText(draft.name if draft else "")
        self.language_edit.setText(draft.language if draft else "")
        self.description_edit.setText(draft.description if draft else "")
        self.description_edit.setCursorPosition(0)  # show where the sentence starts
        self._filling = False
        for widget in self.editable_widgets:
            widget.setEnabled(editable)
        for edit in (self.name_edit, self.language_edit, self.description_edit):
            edit.setReadOnly(not editable)
        if entry is None or draft is None:
            self.read_only_note.setText("")
        elif entry.kind == BUNDLED:
            self.read_only_note.setText("This lexicon comes with FrameReader and is read-only. "
                                        "<b>Duplicate</b> it to get a copy you can change.")
        elif entry.kind == FILE:
            self.read_only_note.setText("This file is used from where it is and is read-only here. "
                                        "<b>Import</b> it to get a copy you can change.")
        else:
            self.read_only_note.setText("")
        self.read_only_note.setVisible(bool(self.read_only_note.text()))
        self.duplicate_button.setEnabled(draft is not None)
        self.export_button.setEnabled(draft is not None)
        self.remove_button.setEnabled(entry is not None and entry.kind != BUNDLED)
        self._fill_categories(0)
        self._update_state()

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
    def _edit_lexicon(self, attribute: str, value: str) -> None:
        if self._filling or self.draft is None:
            return
        setattr(self.draft, attribute, value)
        item = self.lexicon_list.currentItem()
        if attribute == "name" and item is not None and self.current is not None:
            item.setText(self._entry_text(self.current, value))
        self._touched()

    def _edit_category(self, attribute: str, value: str) -> None:
        category = self._category()
        if self._filling or category is None:
            return
        setattr(category, attribute, value)
        if attribute == "name":
            self.category_list.currentItem().setText(value or category.id)
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
        chosen = QColorDialog.getColor(QColor(category.colour), self, f"Colour for {category.name}")
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
        if item.column() == 3:
            term.exact = item.checkState() == Qt.CheckState.Checked
        else:
            setattr(term, ("text", "note", "alternative")[item.column()], item.text())
        self._touched()

    def _touched(self) -> None:
        self.dirty = True
        self._update_state()

    def _update_state(self) -> None:
        """Show the draft's problems inline; Save is on only for a changed, valid user lexicon."""
        problems = self.draft.problems() if self.draft is not None and self.dirty else []
        if problems:
            more = f" (and {len(problems) - 3} more)" if len(problems) > 3 else ""
            self.show_message("Cannot save yet: " + "; ".join(problems[:3]) + more, error=True)
        elif self.dirty:
            self.show_message("Unsaved changes.")
        editable = bool(self.current and self.current.editable)
        self.save_button.setEnabled(editable and self.dirty and not problems)
        self.revert_button.setEnabled(editable and self.dirty)
        title = self.current.title if self.current else ""
        self.setWindowTitle(f"Lexicons — {title}{' •' if self.dirty else ''}" if title else "Lexicons")

    def show_message(self, text: str, *, error: bool = False, ok: bool = False) -> None:
        """The inline message line under the editor."""
        colour = ERROR_INK if error else OK_INK if ok else styles.INK_MUTED
        self.message.setStyleSheet(f"color: {colour};")
        self.message.setText(text)

    # ------------------------------------------------------------------ saving and leaving
    def save(self) -> bool:
        """Save the edited lexicon (atomic, one backup). On failure the draft stays as typed."""
        if self.current is None or self.draft is None or not self.current.editable or not self.dirty:
            return False
        problems = self.draft.problems()
        if problems:
            self._update_state()
            return False
        try:
            saved = self.library.save(self.current.key, self.draft.to_lexicon())
        except FrameReaderError as exc:
            self.show_message(f"{exc.message}. The previous version of the file is unchanged; "
                              "your edits are still here.", error=True)
            return False
        key, row = self.current.key, self.category_list.currentRow()
        self.dirty = False
        self.current = None
        self.reload(key)
        self._fill_categories(row)
        self.show_message(f"Saved {saved.name} ({saved.term_count} terms); the open texts are highlighted again.",
                          ok=True)
        self.changed.emit()
        return True

    def revert(self) -> None:
        """Drop unsaved edits."""
        if self.current is None:
            return
        self.dirty = False
        key, self.current = self.current.key, None
        self.reload(key)
        self.show_message("Reverted to the saved version.")

    def confirm_leave(self) -> bool:
        """Before leaving a lexicon with unsaved edits: save, discard or stay. True to go on."""
        if not self.dirty:
            return True
        answer = self.ask_unsaved()
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        if answer == QMessageBox.StandardButton.Discard:
            self.dirty = False
            return True
        return False

    def ask_unsaved(self) -> QMessageBox.StandardButton:
        """Ask what to do with unsaved edits (tests replace this)."""
        name = self.current.title if self.current else "this lexicon"
        return QMessageBox.question(
            self, "Unsaved changes", f"Save your changes to {name}?",
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )

    def closeEvent(self, event: QCloseEvent) -> None:  # Qt API
        if self.confirm_leave():
            event.accept()
        else:
            event.ignore()

    def reject(self) -> None:  # Esc
        if self.confirm_leave():
            super().reject()

    # ------------------------------------------------------------------ library actions
    def _library_action(self, action: Callable[[], LexiconEntry], done: str) -> LexiconEntry | None:
        """Run a library action that adds a lexicon; show its result or its problem inline."""
        if not self.confirm_leave():
            return None
        try:
            entry = action()
        except FrameReaderError as exc:
            self.show_message(f"{exc.message}. Nothing was changed.", error=True)
            return None
        self.current = None
        self.reload(entry.key)
        self.show_message(done.format(name=entry.title), ok=True)
        self.changed.emit()
        return entry

    def new_lexicon(self, name: str = "My lexicon") -> LexiconEntry | None:
        return self._library_action(lambda: self.library.create(name),
                                    "Created {name}: add categories and terms, then Save.")

    def duplicate_current(self) -> LexiconEntry | None:
        """An editable copy of the selected lexicon (the original is switched off)."""
        if self.current is None:
            return None
        key = self.current.key
        return self._library_action(lambda: self.library.duplicate(key),
                                    "{name} is yours to edit; the original is switched off.")

    def import_path(self, path: str) -> LexiconEntry | None:
        """Import a lexicon, word list or CSV; a bad file is reported inline and changes nothing."""
        return self._library_action(lambda: self.library.import_file(path),
                                    "Imported {name} into your lexicons.")

    def import_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Import a lexicon", "", IMPORT_FILTER)
        if path:
            self.import_path(path)

    def export_path(self, path: str) -> bool:
        """Write the selected lexicon (as saved, or the valid draft) to `path` as .frlex."""
        if self.draft is None:
            return False
        try:
            self.library.export(self.draft.to_lexicon(), path)
        except FrameReaderError as exc:
            self.show_message(exc.message, error=True)
            return False
        self.show_message(f"Exported {self.draft.name} to {path}.", ok=True)
        return True

    def export_dialog(self) -> None:
        if self.draft is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, "Export lexicon", f"{self.draft.id}{SUFFIX}",
                                              f"FrameReader lexicon (*{SUFFIX})")
        if path:
            self.export_path(path if path.endswith(SUFFIX) else path + SUFFIX)

    def remove_current(self) -> None:
        """Delete the selected user lexicon (after asking) or forget a file from elsewhere."""
        entry = self.current
        if entry is None or entry.kind == BUNDLED:
            return
        what = "Forget" if entry.kind == FILE else "Delete"
        if self.ask_confirm(f"{what} {entry.title}?", "A deleted lexicon is kept as a .bak file beside it.") is False:
            return
        try:
            self.library.remove(entry.key)
        except FrameReaderError as exc:
            self.show_message(exc.message, error=True)
            return
        self.dirty = False
        self.current = None
        self.reload()
        self.show_message(f"Forgot {entry.title}; the file itself is untouched." if entry.kind == FILE
                          else f"Deleted {entry.title} (kept as {entry.path}.bak).")
        self.changed.emit()

    def ask_confirm(self, question: str, detail: str) -> bool:
        """Yes/no question (tests replace this)."""
        answer = QMessageBox.question(self, "Lexicons", f"{question}\n\n{detail}")
        return answer == QMessageBox.StandardButton.Yes
