"""Document identity: the user edits a text's title and author.

The pencil button and a double-click on the title in a pane's header, the pane's context menu
("Edit Title and Author…") and File ▸ Edit Title and Author… (the focused pane) open a small
window-modal dialog. On OK the pane's document is `retitled` — the same text, so the analysis,
highlights, layers and the comparison stay as they are (nothing is analysed again) — and the
change is one step on the window's undo stack ("Rename Left Text"). `renamed(side)` tells the
window to show the new name in its title, the comparison dock and the chart.
"""

from __future__ import annotations

from collections.abc import Callable
from collections.abc import Mapping

from ..base.commands import Declared, Handler
from .commands import IDENTITY_COMMANDS

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QMenu, QVBoxLayout, QWidget

from ...core.documents import retitled
from ...core.model import Document, Side, other_side
from ..base.context import WindowContext, WindowPart
from ..reading.pane import Pane
from ..reading.header import PASTED_TITLE, SIDE_NAMES

MAX_TITLE = 300  # characters, as `retitled` keeps them
MAX_AUTHOR = 200
MENU_TEXT = "Edit Title and Author…"
_REMEMBERED = 32  # automatic titles kept for texts renamed in this session


def tidy(value: str, limit: int) -> str:
    """`value` with runs of white space made one space, trimmed, at most `limit` characters."""
    return " ".join(value.split())[:limit].strip()


def _key(document: Document) -> tuple[int, int]:
    return (len(document.text), hash(document.text))


class IdentityDialog(QDialog):
    """Title and Author fields, prefilled; an empty title means the automatic one."""

    def __init__(self, parent: QWidget | None, side: Side, document: Document, automatic: str) -> None:
        super().__init__(parent)
        self.side = side
        self.document = document  # the document the dialog was opened for
        self.setWindowTitle(f"Edit Title and Author — {SIDE_NAMES[side]} Text")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.title_edit = QLineEdit(tidy(document.meta.title or "", MAX_TITLE))
        self.title_edit.setMaxLength(MAX_TITLE)
        self.title_edit.setPlaceholderText(automatic)
        self.title_edit.setClearButtonEnabled(True)
        self.author_edit = QLineEdit(tidy(document.meta.author or "", MAX_AUTHOR))
        self.author_edit.setMaxLength(MAX_AUTHOR)
        self.author_edit.setPlaceholderText("unknown")
        self.author_edit.setClearButtonEnabled(True)
        form = QFormLayout()
        form.addRow("&Title:", self.title_edit)
        form.addRow("&Author:", self.author_edit)
        hint = QLabel(f"Leave the title empty for the automatic one ({automatic}). The text and its "
                      "highlights stay as they are.")
        hint.setTextFormat(Qt.TextFormat.PlainText)  # titles come from files: never markup
        hint.setWordWrap(True)
        hint.setObjectName("IdentityHint")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    def values(self) -> tuple[str, str]:
        """(title, author) as typed, tidied; "" for an empty field."""
        return tidy(self.title_edit.text(), MAX_TITLE), tidy(self.author_edit.text(), MAX_AUTHOR)


class RenameCommand(QUndoCommand):
    """One rename on the undo stack: `before` and `after` are the same text, differently named."""

    def __init__(self, identity: "DocumentIdentity", side: Side, before: Document, after: Document) -> None:
        super().__init__(f"Rename {SIDE_NAMES[side]} Text")
        self._identity, self._side, self._before, self._after = identity, side, before, after

    def redo(self) -> None:
        self._identity.show_named(self._side, self._after)

    def undo(self) -> None:
        self._identity.show_named(self._side, self._before)


class DocumentIdentity(WindowPart):
    """Edit Title and Author for both panes; `focused()` says which pane the menu command edits."""

    COMMANDS: tuple[Declared, ...] = IDENTITY_COMMANDS

    renamed = Signal(str)  # side whose document now carries another title or author

    def __init__(self, context: WindowContext, focused: Callable[[], Side]) -> None:
        super().__init__(context)
        self._focused = focused
        self.dialog: IdentityDialog | None = None  # the open dialog (tests fill it and accept it)
        self._automatic: dict[tuple[int, int], str | None] = {}  # text -> title before the first rename
        for pane in self.panes.values():
            pane.header.rename_requested.connect(lambda p=pane: self.edit(p.side))
            pane.add_menu_provider(self._add_menu_entry)

    # ------------------------------------------------------------------ asking
    def handlers(self) -> Mapping[str, Handler]:
        return {"edit_identity": self.edit_focused}

    def edit_focused(self) -> None:
        """File ▸ Edit Title and Author…: the focused pane's text (else the other one's)."""
        side = self._focused()
        if self.panes[side].document is None and self.panes[other_side(side)].document is not None:
            side = other_side(side)
        self.edit(side)

    def edit(self, side: Side) -> IdentityDialog | None:
        """Open the dialog for the text in pane `side` (window-modal, never exec'd)."""
        document = self.panes[side].document
        if document is None:
            self.messages.error("Nothing to rename", "Open or paste a text first; then give it a title and author.")
            return None
        if self.dialog is not None:
            self.dialog.close()
        dialog = IdentityDialog(self._parent, side, document, self.automatic_title(document))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._on_accepted(dialog))
        dialog.finished.connect(lambda _result: self._forget_dialog(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _forget_dialog(self, dialog: IdentityDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None

    def _on_accepted(self, dialog: IdentityDialog) -> None:
        title, author = dialog.values()
        if not self.rename(dialog.side, title, author, dialog.document):
            self.messages.status("The title and author are unchanged.", 4000)

    def _add_menu_entry(self, menu: QMenu, pane: Pane, _offset: int | None, _span: tuple[int, int] | None) -> None:
        if pane.document is None:
            return
        menu.addSeparator()
        action = menu.addAction(MENU_TEXT)
        action.triggered.connect(lambda _checked=False, side=pane.side: self.edit(side))

    # ------------------------------------------------------------------ renaming
    def automatic_title(self, document: Document) -> str:
        """The title an empty field gives back: the one the text had when it was opened
        (metadata or first heading), else its file name ("Pasted text" for a paste)."""
        title = self._automatic.get(_key(document), document.meta.title)
        if title:
            return title
        return PASTED_TITLE if document.source in ("clipboard", "untitled") else document.name

    def rename(self, side: Side, title: str, author: str, document: Document | None = None) -> bool:
        """Give the text in pane `side` (the one `document` holds, if given) this title and
        author ("" title: the automatic one; "" author: none), as one undoable step. False when
        nothing changes or the pane no longer shows that text."""
        pane = self.panes[side]
        before = pane.document
        if before is None or (document is not None and document.text != before.text):
            return False
        key = _key(before)
        if key not in self._automatic:
            if len(self._automatic) >= _REMEMBERED:
                self._automatic.pop(next(iter(self._automatic)))
            self._automatic[key] = before.meta.title
        title = tidy(title, MAX_TITLE)
        if not title:
            title = self._automatic[key] or ""  # "" clears the title: the file name shows
        after = retitled(before, title=title, author=tidy(author, MAX_AUTHOR))
        if after == before:
            return False
        self.undo.push(RenameCommand(self, side, before, after))  # push runs redo(): shows it
        return True

    def show_named(self, side: Side, document: Document) -> bool:
        """Show `document` in the pane holding its text (pane `side`, or the other one after a
        swap); nothing happens when neither shows that text any more."""
        for candidate in (side, other_side(side)):
            pane = self.panes[candidate]
            if pane.document is not None and pane.document.text == document.text:
                if pane.retitle(document):
                    self.renamed.emit(candidate)
                    return True
        return False
