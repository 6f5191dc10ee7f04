"""Where features meet without importing each other: declared signals and small typed lists.

One `WindowHooks` per window, in the `WindowContext`. The feature that owns a piece of state
announces it here (the documents feature: a text changed, the texts swapped, a lesson opened;
the comparison feature: a new comparison; the edits feature: the reader's edits changed), and
the features that need it subscribe. Lesson files are put together from parts: each feature
that saves something in a lesson adds a `LessonPart` and, for what must be in place before the
texts are analysed (the lesson's lexicons), a `LessonRestorer`. The reader's edits reach every
analysis through `edit_analysis`, the one function the edits feature provides.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from ...core.model import Analysis, Side

if TYPE_CHECKING:
    from ...core.comparison.compare import Comparison
    from ...core.state.lesson import Session

#: adds a feature's part to a lesson being saved; returns the session and notes for the status line
LessonPart = Callable[["Session"], "tuple[Session, list[str]]"]
#: restores what must be in place before an opened lesson's texts are analysed (its lexicons);
#: (session, whether texts already open stay) -> notes for the status line
LessonRestorer = Callable[["Session", bool], "list[str]"]
#: a side's analysis as the reader edited it
AnalysisEditor = Callable[[Side, Analysis], Analysis]
#: saves a lesson to a path, after an optional change to the session (the exercise's answer key)
LessonSaver = Callable[[str, "Callable[[Session], Session] | None"], bool]


@dataclass(frozen=True)
class ComparedTexts:
    """The newest comparison and the two (edited) analyses it was made from."""

    comparison: "Comparison"
    left: Analysis
    right: Analysis


class WindowHooks(QObject):
    """Declared meeting points of the window's features (see the module's docstring)."""

    document_changed = Signal(str)  # side whose text changed or was closed
    documents_about_to_change = Signal()  # marks and comparisons of the old texts are now stale
    documents_swapped = Signal()
    lesson_opened = Signal(object)  # the Session whose texts the panes now show
    edits_changed = Signal()  # the reader's edits changed: analyses are to be edited again
    comparison_changed = Signal()  # `compared` changed (a new comparison, or none)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lesson_parts: list[LessonPart] = []
        self.lesson_restorers: list[LessonRestorer] = []
        self.analysis_editors: list[AnalysisEditor] = []
        self.lesson_savers: list[LessonSaver] = []  # the documents feature provides the one saver
        self.compared: ComparedTexts | None = None

    def edit_analysis(self, side: Side, analysis: Analysis) -> Analysis:
        """`analysis` with every registered editor applied (the reader's edits)."""
        for editor in self.analysis_editors:
            analysis = editor(side, analysis)
        return analysis

    def save_lesson(self, path: str, change: "Callable[[Session], Session] | None" = None) -> bool:
        """Save a lesson through the documents feature (False when no feature can)."""
        return any(saver(path, change) for saver in self.lesson_savers[:1])
