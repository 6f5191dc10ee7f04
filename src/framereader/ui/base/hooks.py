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

from collections.abc import Callable, Iterable
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
    #: a feature changed something only a lesson file keeps: (what, in words for the save
    #: prompt: "renamed titles"; the side it belongs to, or "" for both texts)
    modified = Signal(str, str)
    unsaved_changed = Signal()  # `unsaved` changed (something was modified, saved or let go)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lesson_parts: list[LessonPart] = []
        self.lesson_restorers: list[LessonRestorer] = []
        self.analysis_editors: list[AnalysisEditor] = []
        self.lesson_savers: list[LessonSaver] = []  # the documents feature provides the one saver
        self.compared: ComparedTexts | None = None
        #: what was modified since the texts were opened or last saved in a lesson: what -> sides
        self.unsaved: dict[str, set[str]] = {}
        self.modified.connect(self._note_modified)

    def edit_analysis(self, side: Side, analysis: Analysis) -> Analysis:
        """`analysis` with every registered editor applied (the reader's edits)."""
        for editor in self.analysis_editors:
            analysis = editor(side, analysis)
        return analysis

    def save_lesson(self, path: str, change: "Callable[[Session], Session] | None" = None) -> bool:
        """Save a lesson through the documents feature (False when no feature can)."""
        return any(saver(path, change) for saver in self.lesson_savers[:1])

    # ------------------------------------------------------------------ unsaved changes
    def _note_modified(self, what: str, side: str) -> None:
        self.unsaved.setdefault(what, set()).add(side)
        self.unsaved_changed.emit()

    def unsaved_changes(self, sides: "Iterable[str] | None" = None) -> list[str]:
        """What a lesson file would keep that is not saved yet, in words, in the order first
        modified ("renamed titles", "your edits of the highlights"…): of the texts of `sides`
        (None: both; what belongs to both texts always counts)."""
        wanted = None if sides is None else {*sides, ""}
        return [what for what, where in self.unsaved.items() if wanted is None or where & wanted]

    def swap_sides(self) -> None:
        """The two texts changed places: so does what was modified in each."""
        flip = {"left": "right", "right": "left"}
        self.unsaved = {what: {flip.get(side, side) for side in where} for what, where in self.unsaved.items()}

    def mark_saved(self) -> None:
        """Everything is in a lesson file now (saved, or just opened)."""
        if self.unsaved:
            self.unsaved.clear()
            self.unsaved_changed.emit()

    def forget_side(self, side: str) -> None:
        """The text of `side` was replaced: what was modified in it is gone with it."""
        for what in list(self.unsaved):
            self.unsaved[what].discard(side)
            if not self.unsaved[what]:
                del self.unsaved[what]
        self.unsaved_changed.emit()
