"""Right-click ▸ Mark as Loaded…: the selected words (or the word under the mouse) become a term
of the user's own lexicon, highlighted at once; Edit ▸ Undo (Ctrl+Z) takes the term out again.

`MarkLoadedDialog` asks for the category, a note and a neutral alternative; `MarkLoaded` (a
behaviour object of the window) adds the menu entry to both panes, writes the term through
`core.lexicons.marking` and pushes a `MarkLoadedCommand` on the window's undo stack.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from ..base.context import WindowContext, WindowPart
from ...core.errors import LexiconError
from ...core.lexicons.format import DEFAULT_COLOURS, Category, Lexicon
from ...core.lexicons.marking import (
    OWN_LEXICON_NAME,
    Marked,
    add_again,
    add_to_own,
    own_lexicon,
    remove_from,
    term_from_selection,
    word_at,
)
from ...core.lexicons.terms import Term

if TYPE_CHECKING:
    from .model_controller import ModelController
    from ..reading.pane import Pane

MENU_TEXT = "Mark as Loaded…"
PREFERRED_CATEGORY = "loaded_language"
#: Offered when no enabled lexicon has a category (every lexicon switched off).
FALLBACK_CATEGORY = Category("my_terms", "My terms", DEFAULT_COLOURS[0], "Terms chosen for this lesson.")
MAX_NOTE_CHARS = 300
STATUS_MS = 8000


def category_choices(lexicons: Iterable[Lexicon]) -> list[Category]:
    """The categories of `lexicons`, one per id (the first lexicon naming an id wins, as in the
    legend), in lexicon order; the fallback category when there are none."""
    seen: dict[str, Category] = {}
    for lexicon in lexicons:
        for category in lexicon.categories:
            seen.setdefault(category.id, category)
    return list(seen.values()) or [FALLBACK_CATEGORY]


def already_in(lexicons: Iterable[Lexicon], term: str) -> str | None:
    """A sentence when an enabled lexicon already has `term` (None when none has)."""
    for lexicon in lexicons:
        found = lexicon.find_term(term)
        if found is not None:
            return f"'{found[1].text}' is already a term of {lexicon.name} ({found[0].name})."
    return None


class MarkLoadedDialog(QDialog):
    """Term, category, note and alternative for one new entry; window-modal, opened with `open()`.
    `target` names the lexicon it goes into ("your lexicon “My framing words”")."""

    def __init__(self, term: str, categories: list[Category], chosen: str | None, target: str,
                 known: list[Lexicon], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Mark as Loaded")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self._categories = categories
        self._known = known
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.term = QLineEdit(term)
        self.term.setToolTip("Write the word in its base form (riot, not riots): its other forms are found too.")
        self.category = QComboBox()
        for category in categories:
            self.category.addItem(category.name, category.id)
        ids = [c.id for c in categories]
        self.category.setCurrentIndex(ids.index(chosen) if chosen in ids else
                                      ids.index(PREFERRED_CATEGORY) if PREFERRED_CATEGORY in ids else 0)
        self.note = QLineEdit()
        self.note.setPlaceholderText("Why is it loaded? (shown when pointing at the word)")
        self.note.setMaxLength(MAX_NOTE_CHARS)
        self.alternative = QLineEdit()
        self.alternative.setPlaceholderText("A neutral word for the same thing (optional)")
        self.alternative.setMaxLength(MAX_NOTE_CHARS)
        form.addRow("Term:", self.term)
        form.addRow("Category:", self.category)
        form.addRow("Note:", self.note)
        form.addRow("Alternative:", self.alternative)
        layout.addLayout(form)
        where = QLabel(f"The term goes into {target} and is underlined at once. Edit ▸ Undo takes it out again.")
        where.setWordWrap(True)
        layout.addWidget(where)
        self.problem_label = QLabel("")
        self.problem_label.setWordWrap(True)
        self.problem_label.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.problem_label)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        for field in (self.term, self.note, self.alternative):
            field.textChanged.connect(self._check)
        self._check()

    def chosen_category(self) -> Category:
        return self._categories[max(0, self.category.currentIndex())]

    def entry(self) -> Term:
        """The entry as typed (the term trimmed like a selection)."""
        text, _problem = term_from_selection(self.term.text())
        return Term(text, " ".join(self.note.text().split()), " ".join(self.alternative.text().split()))

    def problem(self) -> str | None:
        """Why the entry cannot be added (None when it can)."""
        text, problem = term_from_selection(self.term.text())
        if problem:
            return problem
        if "|" in self.note.text() or "|" in self.alternative.text():
            return "The note and the alternative cannot contain '|'."
        return already_in(self._known, text)

    def _check(self) -> None:
        problem = self.problem()
        self.problem_label.setText(problem or "")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(problem is None)

    def accept(self) -> None:
        if self.problem() is None:
            super().accept()


class MarkLoadedCommand(QUndoCommand):
    """One Mark as Loaded on the undo stack. It is pushed after the term was written, so its
    first `redo` (which `push` calls) does nothing."""

    def __init__(self, owner: "MarkLoaded", marked: Marked, category: Category, term: Term) -> None:
        super().__init__(f"Mark as Loaded: '{term.text}'")
        self.owner, self.marked, self.category, self.term = owner, marked, category, term
        self._written = True

    def redo(self) -> None:
        if self._written:
            self._written = False
            return
        self.owner.run(lambda: add_again(self.owner.library, self.marked, self.category, self.term),
                       f"'{self.term.text}' is marked as loaded again.", self)

    def undo(self) -> None:
        self.owner.run(lambda: remove_from(self.owner.library, self.marked, self.category.id, self.term.text),
                       f"'{self.term.text}' is no longer marked as loaded.", self)


class MarkLoaded(WindowPart):
    """The Mark as Loaded… entry of both panes' context menus, its dialog and its undo steps."""

    def __init__(self, context: WindowContext, models: "ModelController") -> None:
        super().__init__(context)
        self.models = models
        self.library = models.library
        self.dialog: MarkLoadedDialog | None = None  # the open dialog (tests fill and accept it)
        self._last_category: str | None = None
        for pane in self.panes.values():
            pane.add_menu_provider(self.add_menu_entry)

    def add_menu_entry(self, menu: QMenu, pane: "Pane", offset: int | None, selection: tuple[int, int] | None) -> None:
        """The context-menu provider: Mark as Loaded… for the selection, else the word under the mouse."""
        if pane.document is None:
            return
        span = selection
        if span is None and offset is not None:
            span = word_at(pane.document.text, offset)
        menu.addSeparator()
        action = menu.addAction(MENU_TEXT)
        action.setToolTip("Add these words to your own lexicon, in a category of your choice")
        action.triggered.connect(lambda _checked=False, p=pane, s=span: self.start(p, s))

    def _language(self) -> str:
        info = self.service.model_info
        return info.lang if info is not None else "en"

    def start(self, pane: "Pane", span: tuple[int, int] | None) -> bool:
        """Open the dialog for the words at core `span` of `pane`; a span that cannot be a term
        is refused in the status bar. True when the dialog opened."""
        if not self.service.ready:
            self.messages.status("Wait until the language model is loaded, then mark the word again.", STATUS_MS)
            return False
        document = pane.document
        if document is None or span is None or not 0 <= span[0] < span[1] <= len(document.text):
            self.messages.status("Select a word (or a short phrase) to mark as loaded, or right-click a word.",
                                 STATUS_MS)
            return False
        text, problem = term_from_selection(document.text[span[0]:span[1]])
        own = own_lexicon(self.library, self._language())
        problem = problem or already_in(self.service.lexicons, text)
        if problem is None and own is not None and own.lexicon is not None:
            # The library has what was just written; the worker's compiled lexicons follow later
            # (and a switched-off own lexicon is not among them but still gets the term).
            problem = already_in([own.lexicon], text)
            if problem and not own.enabled:
                problem += " It is switched off: Analysis → Lexicons… switches it on."
        if problem:
            self.messages.status(problem, STATUS_MS)
            return False
        target = (f"your lexicon “{own.title}”" if own is not None
                  else f"“{OWN_LEXICON_NAME}”, a new lexicon of yours,")
        if self.dialog is not None:
            self.dialog.deleteLater()
        known = [*self.service.lexicons, *([own.lexicon] if own is not None and own.lexicon is not None else [])]
        self.dialog = MarkLoadedDialog(text, category_choices(self.service.lexicons), self._last_category, target,
                                       known, self._parent)
        self.dialog.accepted.connect(lambda dialog=self.dialog: self._accepted(dialog))
        self.dialog.open()
        return True

    def _accepted(self, dialog: MarkLoadedDialog) -> None:
        self.mark(dialog.chosen_category(), dialog.entry())

    def mark(self, category: Category, term: Term) -> bool:
        """Add `term` under `category` to the user's own lexicon, re-highlight and push the undo
        step. A failure is shown and changes nothing."""
        self._last_category = category.id
        try:
            marked = add_to_own(self.library, category, term, self._language())
        except LexiconError as exc:
            self.messages.error("Cannot mark as loaded", exc.message)
            return False
        self.undo.push(MarkLoadedCommand(self, marked, category, term))
        self.models.apply_lexicons()
        made = " (a new lexicon of yours, in the Lexicons dialog)" if marked.created_lexicon else ""
        self.messages.status(f"'{term.text}' is marked as {category.name} in {marked.lexicon_name}{made}. "
                             "Ctrl+Z undoes it.", STATUS_MS)
        return True

    def run(self, change: Callable[[], None], done: str, command: QUndoCommand) -> None:
        """Undo or redo one step: `change()` writes the lexicon; then re-highlight. A step that
        cannot be done is shown and dropped from the stack."""
        try:
            change()
        except LexiconError as exc:
            self.messages.error("Cannot undo or redo this change", exc.message)
            command.setObsolete(True)
            return
        self.models.apply_lexicons()
        self.messages.status(done, STATUS_MS)
