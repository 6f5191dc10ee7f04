"""Analysis → Lexicons…: switch lexicons on and off, edit the user's own, duplicate a bundled one,
import and export. Every rule lives in core (`LexiconLibrary`, `LexiconDraft`); this is the view.

The dialog edits a `LexiconDraft`; problems are shown inline as they appear and Save stays off
until there are none. Saving is atomic with one backup (core); a failure is shown inline and the
draft is kept, so nothing typed is lost. `changed` tells the window to re-highlight.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import FrameReaderError
from ...core.lexicons.draft import LexiconDraft
from ...core.lexicons.library import BUNDLED, FILE, USER, LexiconEntry, LexiconLibrary
from ..base import styles
from .library_actions import IMPORT_FILTER, LexiconActionsMixin
from .editor import TERM_COLUMNS, LexiconEditorMixin, colour_icon

__all__ = ["IMPORT_FILTER", "TERM_COLUMNS", "LexiconsDialog", "colour_icon"]

KIND_NOTES = {BUNDLED: "bundled, read-only", USER: "yours, editable", FILE: "file from elsewhere, read-only"}
ERROR_INK, OK_INK = "#b42318", "#1a7f37"


class LexiconsDialog(LexiconEditorMixin, LexiconActionsMixin, QDialog):
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

    # ------------------------------------------------------------------ edits and state
    def _edit_lexicon(self, attribute: str, value: str) -> None:
        if self._filling or self.draft is None:
            return
        setattr(self.draft, attribute, value)
        item = self.lexicon_list.currentItem()
        if attribute == "name" and item is not None and self.current is not None:
            item.setText(self._entry_text(self.current, value))
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
