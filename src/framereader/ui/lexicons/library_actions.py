"""The library actions of the Lexicons dialog: new, duplicate, import, export and remove. A mixin
of `LexiconsDialog`; the rules and the file work live in core (`LexiconLibrary`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

from PySide6.QtCore import SignalInstance
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ...core.errors import FrameReaderError
from ...core.lexicons.draft import LexiconDraft
from ...core.lexicons.format import SUFFIX
from ...core.lexicons.library import BUNDLED, FILE, LexiconEntry, LexiconLibrary

IMPORT_FILTER = f"Lexicons and word lists (*{SUFFIX} *.txt *.csv *.tsv);;All files (*)"


class LexiconActionsMixin:
    """Adds, copies, imports, exports and removes lexicons for `LexiconsDialog` (mixed into it)."""

    # provided by the dialog
    library: LexiconLibrary
    current: LexiconEntry | None
    draft: LexiconDraft | None
    dirty: bool
    changed: SignalInstance
    confirm_leave: Callable[[], bool]
    reload: Callable[..., None]
    show_message: Callable[..., None]

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
        path, _ = QFileDialog.getOpenFileName(cast(QWidget, self), "Import a lexicon", "", IMPORT_FILTER)
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
        path, _ = QFileDialog.getSaveFileName(cast(QWidget, self), "Export lexicon", f"{self.draft.id}{SUFFIX}",
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
        answer = QMessageBox.question(cast(QWidget, self), "Lexicons", f"{question}\n\n{detail}")
        return answer == QMessageBox.StandardButton.Yes
