"""What a lesson file says the analysis used: its lexicons (carried in the file) and the pipeline.

Saving puts the teacher's own lexicons into the lesson. Opening installs nothing: the lesson's
lexicons are used for that lesson only (`LexiconLibrary.lesson`; the reader's settings are not
touched), a question (default No) offers to keep the ones this computer lacks, and opening a
text that is not the lesson's, or choosing lexicons, goes back to the reader's own. It says in
one sentence when this computer's pipeline (name or version) is not the one the lesson was made
with.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, cast

from ..base.context import WindowContext, WindowPart
from ...core.errors import LexiconError
from ...core.lexicons.embedded import EmbeddedLexicon, embed_lexicons, keep_lesson_lexicons, restore_lexicons
from ...core.model import ModelInfo, Side
from ...core.platform.paths import cache_dir
from ...core.state.lesson import Session, pipeline_difference

if TYPE_CHECKING:
    from .model_controller import ModelController

PIPELINE_NOTE_MS = 20000
#: Where the lexicons of the open lesson are kept as files for the engine (in the cache folder).
LESSON_LEXICONS_FOLDER = "lesson-lexicons"
KEEP_TITLE = "Keep the lesson's lexicons?"


class LessonLexicons(WindowPart):
    """Lesson lexicons and the pipeline check: a lesson part and restorer (`hooks`)."""

    def __init__(self, context: WindowContext, models: "ModelController") -> None:
        super().__init__(context)
        self.models = models
        self._waiting: Session | None = None  # opened before a model was ready: checked when it is
        self.last_note: str | None = None  # the last pipeline sentence shown (tests read it)
        self._lesson_texts: set[str] = set()  # the texts of the lesson whose lexicons are in use
        self.service.pipeline_ready.connect(self._on_pipeline_ready)
        self.hooks.document_changed.connect(self._on_document_changed)
        self.hooks.lesson_restorers.append(self.restore)
        self.hooks.lesson_parts.append(self._lesson_part)

    def _lesson_part(self, session: Session) -> tuple[Session, list[str]]:
        embedded, notes = self.for_saving()
        return replace(session, embedded_lexicons=embedded), notes

    def for_saving(self) -> tuple[tuple[EmbeddedLexicon, ...], list[str]]:
        """The non-bundled lexicons the analysis uses, as lesson entries, and a sentence for
        each one left out."""
        return embed_lexicons(self.service.lexicons)

    def restore(self, session: Session, reanalyse: bool) -> list[str]:
        """Use the lesson's lexicons for this lesson (nothing installed) and check its pipeline;
        the sentences for the status bar. `reanalyse`: a pane keeps a text that is not the
        lesson's, so it must be analysed again with the lesson's lexicons."""
        notes: list[str] = []
        note = self._pipeline_note(session)
        if note:
            notes.append(note)
        library = self.models.library
        library.lesson = None
        try:
            restored = restore_lexicons(library, session.lexicons, session.embedded_lexicons,
                                        cache_dir() / LESSON_LEXICONS_FOLDER)
        except (OSError, LexiconError) as exc:
            reason = getattr(exc, "message", None) or getattr(exc, "strerror", None) or str(exc)
            self.messages.error("The lesson's lexicons could not be used",
                                f"{reason}\nThe lesson is shown with your lexicons; highlights may differ.")
            return notes
        self._lesson_texts = {doc.text for doc in (session.left, session.right) if doc is not None}
        if restored.changed:
            self.models.apply_lexicons(reanalyse=reanalyse, lesson=True)
        sentence = restored.sentence()
        if sentence:
            notes.append(sentence)
        if restored.new:
            self._offer_to_keep(restored.new)
        return notes

    def _offer_to_keep(self, items: tuple[EmbeddedLexicon, ...]) -> None:
        names = ", ".join(f"“{item.name}”" for item in items)
        self.messages.ask(
            KEEP_TITLE,
            f"This lesson brings lexicons you do not have: {names}. They are used for this lesson only.\n\n"
            "Keep them in your lexicons, to use with other texts later?",
            lambda: self._keep(items), yes="Keep Them", no="Use for This Lesson Only")

    def _keep(self, items: tuple[EmbeddedLexicon, ...]) -> None:
        try:
            names = keep_lesson_lexicons(self.models.library, items)
        except LexiconError as exc:
            self.messages.error("The lesson's lexicons could not be kept", exc.message)
            return
        self._save_settings()
        if names:
            self.messages.status("Kept in your lexicons (switched off; switch them on in Analysis ▸ Lexicons…): "
                                 + ", ".join(names) + ".", 12000)

    def _on_document_changed(self, side: str) -> None:
        """A text that is not the lesson's: back to the reader's own lexicons."""
        library = self.models.library
        if library.lesson is None:
            return
        pane = self.panes.get(cast(Side, side))
        document = pane.document if pane is not None else None
        if document is None or document.text in self._lesson_texts:
            return
        self._lesson_texts = set()
        library.lesson = None
        self.models.apply_lexicons(reanalyse=True)
        self.messages.status("Back to your own lexicons: the lesson's were for the lesson only.", 8000)

    def _pipeline_note(self, session: Session) -> str | None:
        info = self.service.model_info
        if info is None:
            self._waiting = session
            return None
        self._waiting = None
        self.last_note = pipeline_difference(session, info.name, info.version)
        return self.last_note

    def _on_pipeline_ready(self, info: ModelInfo, _lexicons: object, _note: object) -> None:
        session, self._waiting = self._waiting, None
        if session is not None:
            self.last_note = pipeline_difference(session, info.name, info.version)
            if self.last_note:
                self.messages.status(self.last_note, PIPELINE_NOTE_MS)
