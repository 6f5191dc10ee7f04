"""Opening, pasting, dropping, swapping and closing texts, recent files and lesson files.

The controller puts documents into the panes and queues their analysis; it announces every
change with `changed(side)` so the window can refresh the title, the legend and the comparison.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from collections.abc import Mapping

from PySide6.QtGui import QAction

from ..base.commands import Declared, Handler
from .commands import DOCUMENT_COMMANDS
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMenu

from ..base.context import WindowContext, WindowPart
from ...core.documents import OPEN_DIALOG_FILTER, document_from_clipboard, load_document, preload_language_model
from ...core.documents.language import is_loaded as language_model_loaded
from ...core.errors import FrameReaderError
from ...core.model import SIDES, Document, Side
from ...core.state.lesson import SUFFIX as LESSON_SUFFIX
from ...core.state.lesson import Session, load_session, save_session
from ..reading.pane import SIDE_NAMES
from ..base.visibility import visibility_from_lists

if TYPE_CHECKING:
    from ..reading.view_controller import ViewController
    from ..base.visibility import VisibilityModel

FILE_FILTER = OPEN_DIALOG_FILTER  # every format core reads, lesson files included
#: The language model is loaded this long after the window is built (off the GUI thread).
PRELOAD_AFTER_MS = 1500
#: Files read off the GUI thread: containers whose extraction takes long (a 100-page PDF takes
#: seconds). Plain texts and Markdown (a 1 MB text reads in milliseconds) load at once, so they
#: show at once and a bad one is refused at once.
BACKGROUND_SUFFIXES = frozenset({".pdf", ".docx", ".odt", ".rtf", ".html", ".htm", ".xhtml", ".mhtml", ".mht"})


def loads_in_background(path: str) -> bool:
    """Whether opening `path` should extract its text on a background thread."""
    return Path(path).suffix.lower() in BACKGROUND_SUFFIXES and os.path.isfile(path)


class DocumentsController(WindowPart):
    """Everything that changes which text a pane shows."""

    COMMANDS: tuple[Declared, ...] = DOCUMENT_COMMANDS

    changed = Signal(str)  # side whose document changed (or was closed)
    _loaded = Signal(str, int, str, object)  # side, request, path, Document or FrameReaderError (from a thread)
    about_to_change = Signal()  # marks and comparisons of the old texts are now stale
    swapped = Signal()  # the two texts (and their analyses) changed places
    lesson_opened = Signal(object)  # the Session whose texts the panes now show (its edits, exercise)

    def __init__(self, context: WindowContext, visibility: "VisibilityModel", view: "ViewController") -> None:
        super().__init__(context)
        self.visibility = visibility
        self.view = view
        self.focused: Side = "left"
        self._requests: dict[Side, int] = {"left": 0, "right": 0}  # newest open per side
        self._loaded.connect(self._on_loaded)  # queued: emitted from the loading thread
        # other features follow the texts through the hooks; lessons are saved through them too
        self.changed.connect(self.hooks.document_changed)
        self.about_to_change.connect(self.hooks.documents_about_to_change)
        self.swapped.connect(self.hooks.documents_swapped)
        self.lesson_opened.connect(self.hooks.lesson_opened)
        self.hooks.lesson_savers.append(self.save_lesson)
        # every open detects the language: have its model ready by the first open, but not at
        # the cost of the launch (the first time on a machine it is unpacked, about a second)
        self._preload = QTimer(self)
        self._preload.setSingleShot(True)
        self._preload.setInterval(PRELOAD_AFTER_MS)
        self._preload.timeout.connect(self._preload_language_model)
        self._preload.start()

    def handlers(self) -> Mapping[str, Handler]:
        return {"open_left": lambda: self.open_dialog("left"), "open_right": lambda: self.open_dialog("right"),
                "paste_left": lambda: self.paste("left"), "paste_right": lambda: self.paste("right"),
                "swap": self.swap, "close": self.close_focused, "save_session": self.save_lesson_dialog}

    def fill_submenu(self, name: str, menu: QMenu, _actions: Mapping[str, QAction]) -> None:
        menu.aboutToShow.connect(lambda: self.fill_recent_menu(menu))

    def _preload_language_model(self) -> None:
        if not language_model_loaded():
            threading.Thread(target=preload_language_model, daemon=True, name="framereader-language").start()

    # ------------------------------------------------------------------ opening
    def open_dialog(self, side: Side) -> None:
        """Ask for a file and open it in pane `side`."""
        start = str(Path(self.settings.recent_files[0]).parent) if self.settings.recent_files else ""
        path, _ = QFileDialog.getOpenFileName(self._parent, f"Open a text in the {SIDE_NAMES[side].lower()} pane",
                                              start, FILE_FILTER)
        if path:
            self.open_path(side, path)

    def open_path(self, side: Side, path: str) -> bool:
        """Open `path` in pane `side`; a bad file shows an error and leaves the pane unchanged."""
        if str(path).endswith(LESSON_SUFFIX):
            return self.open_lesson(path)
        self._requests[side] += 1
        request = self._requests[side]
        if loads_in_background(path):
            self.panes[side].set_status(f"reading {Path(path).name}…")
            threading.Thread(target=self._load, args=(side, request, path), daemon=True,
                             name="framereader-open").start()
            return True
        try:
            document = load_document(path)
        except FrameReaderError as exc:
            self.messages.error("Cannot open the file", exc.message)
            return False
        self._show_loaded(side, path, document)
        return True

    def _load(self, side: Side, request: int, path: str) -> None:
        """On the loading thread: extract the text, hand it to the GUI thread."""
        try:
            result: object = load_document(path)
        except FrameReaderError as exc:
            result = exc
        except Exception as exc:  # a reader bug must not end the thread silently
            result = FrameReaderError(path, f"could not be read ({exc.__class__.__name__}).")
        self._loaded.emit(side, request, path, result)

    def _on_loaded(self, side: Side, request: int, path: str, result: object) -> None:
        if request != self._requests[side]:
            return  # another text was opened in this pane meanwhile
        if isinstance(result, FrameReaderError):
            self.panes[side].set_status("")
            self.messages.error("Cannot open the file", result.message)
        elif isinstance(result, Document):
            self._show_loaded(side, path, result)

    def _show_loaded(self, side: Side, path: str, document: Document) -> None:
        self.set_document(side, document)
        self._remember(path)
        if document.note:
            self.messages.status(f"{document.name}: {document.note}", 12000)

    def open_dropped(self, side: Side, paths: list[str]) -> None:
        """Files dropped on a pane: the first there, a second one in the other pane."""
        for offset, path in enumerate(paths[:2]):
            self.open_path(SIDES[(SIDES.index(side) + offset) % 2], path)

    def paste(self, side: Side) -> bool:
        """Use the clipboard as an untitled document in pane `side`: copied from a browser (HTML),
        the article's main text as from a saved page; else the plain text."""
        data = QGuiApplication.clipboard().mimeData()
        html = data.html() if data is not None and data.hasHtml() else None
        text = data.text() if data is not None and data.hasText() else ""
        if not text.strip() and not (html or "").strip():
            self.messages.error("Nothing to paste", "The clipboard holds no text. Copy an article's text first.")
            return False
        try:
            document = document_from_clipboard(html, text)
        except FrameReaderError as exc:
            self.messages.error("Cannot paste this text", exc.message)
            return False
        self.set_document(side, document)
        return True

    def set_document(self, side: Side, document: Document) -> None:
        """Show `document` in pane `side` at once and queue its analysis."""
        self._requests[side] += 1  # a file still being read for this pane is no longer wanted
        self.about_to_change.emit()
        pane = self.panes[side]
        pane.set_document(document)
        self.service.analyze(side, document, want_descriptors=True)
        if not self.service.ready:
            pane.set_status("waiting for the language model…")
        self.changed.emit(side)

    def close_focused(self) -> None:
        """Empty the pane that last had focus."""
        side = self.focused
        self.about_to_change.emit()
        self.service.cancel(side)
        self.panes[side].clear()
        self.changed.emit(side)

    def swap(self) -> None:
        """Exchange the two texts (analyses move with them; nothing is re-analysed)."""
        self.about_to_change.emit()
        states = {side: (pane.document, pane.analysis) for side, pane in self.panes.items()}
        for side, (document, analysis) in zip(SIDES, (states["right"], states["left"])):
            pane = self.panes[side]
            self.service.cancel(side)
            if document is None:
                pane.clear()
                continue
            pane.set_document(document)
            if analysis is not None:
                pane.set_analysis(analysis)
            else:
                self.service.analyze(side, document, want_descriptors=True)
        self.swapped.emit()
        for side in SIDES:
            self.changed.emit(side)

    def recent_target(self) -> Side:
        """Where a recent file opens: the first empty pane, else the focused one."""
        for side, pane in self.panes.items():
            if pane.document is None:
                return side
        return self.focused

    def fill_recent_menu(self, menu: QMenu) -> None:
        """Open Recent: the recent files, or a disabled placeholder."""
        menu.clear()
        for path in self.settings.recent_files:
            action = menu.addAction(path)
            action.triggered.connect(lambda _c=False, p=path: self.open_path(self.recent_target(), p))
        if not self.settings.recent_files:
            menu.addAction("No recent files").setEnabled(False)
        else:
            menu.addSeparator()
            menu.addAction("Clear Recent Files", self.clear_recent)

    def clear_recent(self) -> None:
        self.settings.recent_files = []
        self._save_settings()

    # ------------------------------------------------------------------ lesson files
    def open_lesson(self, path: str) -> bool:
        """Restore both texts, the lexicons and the view from a `.framereader` file."""
        try:
            session = load_session(path)
        except FrameReaderError as exc:
            self.messages.error("Cannot open the lesson", exc.message)
            return False
        notes: list[str] = []
        kept = any(self.panes[side].document is not None and doc is None
                   for side, doc in zip(SIDES, (session.left, session.right)))
        for restore in self.hooks.lesson_restorers:  # before the texts, so they are analysed with the lesson's lexicons
            notes += restore(session, kept)
        if session.warnings:  # the lesson opened; what was damaged is said, not a dialog
            notes.append("Parts of the lesson were left out: " + " ".join(session.warnings))
        for side, document in zip(SIDES, (session.left, session.right)):
            if document is not None:
                self.set_document(side, document)
        view = session.view
        enabled = view.get("highlights")
        self.visibility.set_value(visibility_from_lists(
            enabled if isinstance(enabled, bool) else self.visibility.value.enabled,
            session.hidden_labels, session.hidden_categories))
        zoom = view.get("zoom")
        if isinstance(zoom, (int, float)) and not isinstance(zoom, bool):
            self.view.set_zoom(float(zoom))
        if isinstance(view.get("sync"), bool):
            self.view.set_sync(view["sync"])
        if notes:
            self.messages.status(" ".join(notes), 20000)
        self.lesson_opened.emit(session)
        self._remember(path)
        return True

    def save_lesson_dialog(self) -> None:
        """File → Save Comparison…: a `.framereader` lesson file with both texts embedded."""
        if not any(pane.document for pane in self.panes.values()):
            self.messages.error("Nothing to save yet", "Open at least one text first.")
            return
        stem = " vs ".join(Path(p.title).stem for p in self.panes.values() if p.document)
        path, _ = QFileDialog.getSaveFileName(self._parent, "Save comparison", str(Path.home() / f"{stem}{LESSON_SUFFIX}"),
                                              f"FrameReader comparison (*{LESSON_SUFFIX})")
        if path:
            self.save_lesson(path if path.endswith(LESSON_SUFFIX) else path + LESSON_SUFFIX)

    def _lesson(self) -> tuple[Session, list[str]]:
        """What a lesson file saves now: both texts, the pipeline, the view, and what the
        features' lesson parts add (`hooks.lesson_parts`); and their notes for the status line."""
        value = self.visibility.value
        notes: list[str] = []
        info = self.service.model_info
        session = Session(
            left=self.panes["left"].document,
            right=self.panes["right"].document,
            pipeline=info.name if info else None,
            pipeline_version=info.version if info else None,
            lexicons=tuple(lex.id for lex in self.service.lexicons),
            hidden_labels=tuple(sorted(value.hidden_labels)),
            hidden_categories=tuple(sorted(value.hidden_categories)),
            view={"zoom": self.view.normal_zoom, "sync": self.settings.sync_scrolling, "highlights": value.enabled},
        )
        for part in self.hooks.lesson_parts:  # the lexicons, the reader's edits, the exercise…
            session, more = part(session)
            notes += more
        return session, notes

    def save_lesson(self, path: str, change: Callable[[Session], Session] | None = None) -> bool:
        """Write both texts, the pipeline, the view and the parts' additions to `path` (atomic);
        `change` adjusts the session first (the exercise's Save Answer Key)."""
        session, notes = self._lesson()
        if change is not None:
            session = change(session)
        try:
            save_session(path, session)
        except (OSError, FrameReaderError) as exc:
            reason = getattr(exc, "message", None) or getattr(exc, "strerror", None) or str(exc)
            self.messages.error("Cannot save the comparison", f"{path}: {reason}")
            return False
        self._remember(path)
        self.messages.status(" ".join([f"Saved {path}.", *notes]), 12000 if notes else 6000)
        return True

    def _remember(self, path: str) -> None:
        self.settings.add_recent(str(Path(path).resolve()))
        self._save_settings()

