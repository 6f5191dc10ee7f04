"""What a lesson file says the analysis used: its lexicons (carried in the file) and the pipeline.

Saving puts the teacher's own lexicons into the lesson; opening installs the ones this computer
lacks, enables exactly the lesson's lexicons, and says in one sentence when this computer's
pipeline (name or version) is not the one the lesson was made with.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ..base.context import WindowContext, WindowPart
from ...core.errors import LexiconError
from ...core.lexicons.embedded import EmbeddedLexicon, embed_lexicons, restore_lexicons
from ...core.model import ModelInfo
from ...core.state.lesson import Session, pipeline_difference

if TYPE_CHECKING:
    from .model_controller import ModelController

PIPELINE_NOTE_MS = 20000


class LessonLexicons(WindowPart):
    """Lesson lexicons and the pipeline check: a lesson part and restorer (`hooks`)."""

    def __init__(self, context: WindowContext, models: "ModelController") -> None:
        super().__init__(context)
        self.models = models
        self._waiting: Session | None = None  # opened before a model was ready: checked when it is
        self.last_note: str | None = None  # the last pipeline sentence shown (tests read it)
        self.service.pipeline_ready.connect(self._on_pipeline_ready)
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
        """Use the lesson's lexicons (installing those this computer lacks) and check its
        pipeline; the sentences for the status bar. `reanalyse`: a pane keeps a text that is not
        the lesson's, so it must be analysed again with the lesson's lexicons."""
        notes: list[str] = []
        note = self._pipeline_note(session)
        if note:
            notes.append(note)
        try:
            restored = restore_lexicons(self.models.library, session.lexicons, session.embedded_lexicons)
        except LexiconError as exc:
            self.messages.error("The lesson's lexicons could not be added",
                                f"{exc.message}\nThe lesson is shown with your lexicons; highlights may differ.")
            return notes
        if restored.changed:
            self.models.apply_lexicons(reanalyse=reanalyse)
        sentence = restored.sentence()
        if sentence:
            notes.append(sentence)
        return notes

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
