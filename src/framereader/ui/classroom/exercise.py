"""Spot the framing: an exercise mode. Highlights are hidden (through the window's one
`VisibilityModel`; leaving restores what was shown), the student clicks words or marks
selected phrases, and Check reveals the key's marks beside theirs: found, missed, yours only.

The key is the lesson's when the lesson has one for the shown text (the teacher's, so students
on another machine check against it, not their own lexicons), else the loaded-language spans
of the analyses as shown (`pane.analysis`, edits applied). Entity tints go too, and a click
marks a word instead of an actor's mentions."""

from __future__ import annotations

from collections.abc import Mapping, Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QUndoCommand
from PySide6.QtWidgets import QDockWidget, QFileDialog, QMenu, QWidget

from ...core.platform.atomic import atomic_write_text
from ...core.classroom.exercise import (
    MAX_MARK_WORDS,
    AnswerKey,
    ExerciseResult,
    KeyItem,
    LessonExercise,
    StudentMark,
    add_mark,
    attempt_dumps,
    key_from_analyses,
    score,
    snap_span,
    toggle_word,
    word_at,
    word_count,
)
from ...core.classroom.exercise_html import attempt_html, display_spans
from ...core.model import SIDES, EntitySpan, Side
from ...core.state.lesson import SUFFIX as LESSON_SUFFIX
from ...core.state.lesson import Session
from ..base.commands import Declared, Handler
from ..base.context import WindowContext, WindowPart
from .commands import EXERCISE_COMMANDS
from .exercise_view import ExerciseBanner, mark_format, tooltip
from ..reading.highlighter import StyleBook
from ..reading.tooltips import RULE_NOTES
from ..base.visibility import Visibility, VisibilityModel

if TYPE_CHECKING:
    from ..reading.pane import Pane

LAYER = "exercise"
LAYER_ORDER = 50  # over alignment bands and passives
#: words `demo` marks as "yours only" when the text has them (the bundled samples do)
DEMO_WORDS = ("armoured", "modest")


class MarksCommand(QUndoCommand):
    """One change of the student's marks (a click, a phrase, Start Again) on the window's undo
    stack. It applies only while the exercise runs on the same texts; otherwise it is obsolete."""

    def __init__(self, mode: "ExerciseMode", before: list[StudentMark], after: list[StudentMark],
                 texts: dict[Side, str], text: str) -> None:
        super().__init__(text)
        self._mode, self._before, self._after, self._texts = mode, before, after, texts

    def redo(self) -> None:
        self._set(self._after)

    def undo(self) -> None:
        self._set(self._before)

    def _set(self, marks: list[StudentMark]) -> None:
        mode = self._mode
        if mode.active and mode.shown_texts() == self._texts:
            mode.set_marks(marks)
        else:
            self.setObsolete(True)


class ExerciseMode(WindowPart):
    """The mode, the student's marks, the check and the files it writes."""

    COMMANDS: tuple[Declared, ...] = EXERCISE_COMMANDS

    def __init__(self, context: WindowContext, visibility: VisibilityModel, book: Callable[[], StyleBook]) -> None:
        super().__init__(context)
        self.visibility = visibility
        self._book = book
        self.active = False
        self.marks: list[StudentMark] = []
        self.result: ExerciseResult | None = None
        self.key: AnswerKey | None = None  # the key of the last check
        self.lesson: LessonExercise | None = None  # from the lesson file, or the teacher's "Save Answer Key"
        self._before: Visibility | None = None
        self._marked_texts: dict[Side, str] = {}  # the text each side's marks were made on
        self._changed_after_check = False
        self._source = "the key"  # which key the last check used, in words
        self._passages_hidden = False  # View ▸ Matching Passages was switched off by the exercise
        self._hidden_docks: list[QDockWidget] = []  # the legend and comparison give answers away
        self.banner = ExerciseBanner()
        self.dock = QDockWidget("Spot the framing", context.window)
        self.dock.setObjectName("ExerciseDock")
        self.dock.setWidget(self.banner)
        self.dock.setTitleBarWidget(QWidget())
        self.dock.setFeatures(QDockWidget.DockWidgetFeature.NoDockWidgetFeatures)
        context.window.addDockWidget(Qt.DockWidgetArea.TopDockWidgetArea, self.dock)
        self.dock.hide()
        self.banner.check_clicked.connect(self.check)
        self.banner.restart_clicked.connect(self.restart)
        self.banner.export_clicked.connect(self.export_dialog)
        self.banner.leave_clicked.connect(lambda: self.set_active(False))
        for pane in self.panes.values():
            pane.view.clicked_at.connect(lambda position, p=pane: self._clicked(p, position))
            pane.add_menu_provider(self._menu)
            pane.add_tooltip_provider(self._tooltip)
        self.hooks.document_changed.connect(self._document_changed)
        self.hooks.documents_swapped.connect(self._swapped)
        self.hooks.lesson_opened.connect(self._lesson_opened)
        self.hooks.lesson_parts.append(lambda session: (self._lesson_part(session), []))

    def handlers(self) -> Mapping[str, Handler]:
        """The Exercise menu's handlers."""
        return {"exercise": self.set_active, "exercise_check": self.check, "exercise_restart": self.restart,
                "exercise_save": self.save_dialog, "exercise_export": self.export_dialog,
                "exercise_key": self.save_key_dialog}

    # ------------------------------------------------------------------ the mode
    def set_active(self, on: bool) -> None:
        """Enter (highlights hidden, banner shown) or leave (the view as it was before)."""
        on = bool(on)
        if on != self.active:
            self.active = on
            if on:
                self._before = self.visibility.value
                self.visibility.set_value(Visibility(enabled=False))
                self.banner.apply_theme()
                self._hidden_docks = [dock for dock in self.context.window.findChildren(QDockWidget)
                                      if dock is not self.dock and dock.isVisible()]
                for dock in self._hidden_docks:
                    dock.hide()
                self._passages_hidden = self._toggle_passages(False)
                self.dock.show()
                self.messages.status("Spot the framing: click the words you think are loaded, then Check "
                                     "(Esc to leave)", 8000)
            else:
                self.dock.hide()
                for dock in self._hidden_docks:
                    dock.show()
                self._hidden_docks = []
                if self._passages_hidden:
                    self._toggle_passages(True)
                self._passages_hidden = False
                if self._before is not None:
                    self.visibility.set_value(self._before)
                self._before = None
                self.result = None
        action = self.context.window.findChild(QAction, "exercise")
        if action is not None:
            action.setChecked(self.active)
        self._show()

    def restart(self) -> None:
        """Start Again: remove every mark and the check (Undo brings the marks back)."""
        if self.active and self.marks:
            self._push([], None, "Start again")
        self.marks, self.result, self._changed_after_check = [], None, False
        self._show()

    def shown_texts(self) -> dict[Side, str]:
        """The text each pane shows (the identity an undo step checks before it applies)."""
        return {side: pane.document.text for side, pane in self.panes.items() if pane.document is not None}

    def _push(self, marks: list[StudentMark], pane: "Pane | None", text: str) -> None:
        """Change the marks as one undoable step."""
        if pane is not None and pane.document is not None:
            self._marked_texts[pane.side] = pane.document.text
        if sorted(marks) != self.marks:
            self.undo.push(MarksCommand(self, list(self.marks), sorted(marks), self.shown_texts(), text))

    # ------------------------------------------------------------------ marking
    def _clicked(self, pane: "Pane", position: int) -> None:
        if not self.active or pane.document is None or pane.built is None:
            return
        offset = pane.built.offsets.to_core(position)
        self._push(toggle_word(self.marks, pane.side, pane.document.text, offset), pane, "Mark a word")

    def mark_span(self, pane: "Pane", start: int, end: int) -> bool:
        """Mark a selected phrase (widened to whole words); False, with a status line, when it
        holds no word or too many."""
        if not self.active or pane.document is None:
            return False
        text = pane.document.text
        span = snap_span(text, start, end)
        if span is None:
            self.messages.status("Select a word or a short phrase to mark it.", 4000)
            return False
        if word_count(text[span[0]:span[1]]) > MAX_MARK_WORDS:
            self.messages.status(f"Mark a word or a short phrase (at most {MAX_MARK_WORDS} words), "
                                 "not a whole sentence.", 6000)
            return False
        self._push(add_mark(self.marks, StudentMark(pane.side, *span)), pane, "Mark a phrase")
        return True

    def set_marks(self, marks: list[StudentMark], pane: "Pane | None" = None) -> None:
        """Replace the marks (a check already shown is put away: the marks changed)."""
        if pane is not None and pane.document is not None:
            self._marked_texts[pane.side] = pane.document.text
        if marks == self.marks:
            return
        self.marks = sorted(marks)
        if self.result is not None:
            self.result, self._changed_after_check = None, True
        self._show()

    def _menu(self, menu: QMenu, pane: "Pane", offset: int | None, selection: tuple[int, int] | None) -> None:
        if not self.active or pane.document is None:
            return
        menu.addSeparator()
        if selection is not None:
            menu.addAction("I Think This Is Loaded", lambda: self.mark_span(pane, *selection))
        if offset is not None and any(m.side == pane.side and m.start <= offset < m.end for m in self.marks):
            menu.addAction("Not Loaded After All", lambda: self.set_marks(
                [m for m in self.marks if not (m.side == pane.side and m.start <= offset < m.end)]))

    # ------------------------------------------------------------------ checking
    def local_key(self) -> AnswerKey:
        """The key from the analyses as shown (edits applied): loaded-language spans with notes."""
        book = self._book()
        analyses = {side: pane.analysis for side, pane in self.panes.items()
                    if pane.analysis is not None and pane.document is not None
                    and pane.analysis.text == pane.document.text}
        return key_from_analyses(analyses, book.categories.values(),
                                 {k: note for k, (note, _alt) in book.terms.items()}, RULE_NOTES,
                                 include_quoted=self.settings.count_quoted)

    def current_key(self) -> tuple[AnswerKey, str]:
        """The key to check against, per text: the lesson's when it was made for the text shown,
        else this computer's; and a phrase saying which."""
        lesson = self.lesson.key if self.lesson is not None else None
        local = self.local_key()
        items: list[KeyItem] = []
        names: dict[str, str] = {}
        texts: dict[str, str] = {}
        sources: list[str] = []
        for side, pane in self.panes.items():
            if pane.document is None:
                continue
            source = lesson if lesson is not None and lesson.fits(side, pane.document.text) else local
            if side not in source.texts:
                continue
            items += source.on(side)
            names.update(source.categories)
            texts[side] = source.texts[side]
            sources.append("the teacher's key" if source is lesson else "this computer's lexicons")
        phrase = " and ".join(dict.fromkeys(sources)) or "nothing"
        return AnswerKey(tuple(items), names, texts), phrase

    def check(self) -> ExerciseResult | None:
        """Check: score the marks against the key and draw found / missed / yours only."""
        if not self.active:
            self.messages.status("Choose Exercise ▸ Spot the Framing first.", 4000)
            return None
        key, source = self.current_key()
        sides = [side for side in SIDES if side in key.texts]
        if not sides:
            self.messages.status("Nothing to check against yet: the texts are still being analysed.", 5000)
            return None
        self.key = key
        self.result = score(self.marks, key, sides)
        self._changed_after_check = False
        self._source = source
        self._show()
        self.messages.status(self.result.summary(), 8000)
        return self.result

    def demo(self) -> None:
        """For `--screenshot --exercise`: the mode with a few marks, checked — two words the key
        has in the left text and one in the right, and `DEMO_WORDS` as yours only."""
        self.set_active(True)
        key = self.local_key()
        marks = [StudentMark(i.side, i.start, i.end) for i in (*key.on("left")[2:5:2], *key.on("right")[:1])]
        for side, pane in self.panes.items():
            text = pane.document.text if pane.document is not None else ""
            for word in DEMO_WORDS:
                at = text.find(word)
                if at >= 0 and not any(i.start < at + len(word) and at < i.end for i in key.on(side)):
                    marks.append(StudentMark(side, at, at + len(word)))
        self.set_marks(marks)
        self.check()

    # ------------------------------------------------------------------ drawing
    def _show(self) -> None:
        for side, pane in self.panes.items():
            if not self.active:
                pane.set_layer(LAYER, [])
                continue
            spans = display_spans(side, [m for m in self.marks if m.side == side], self.result)
            pane.set_layer(LAYER, [(s.start, s.end, mark_format(s.kind)) for s in spans], LAYER_ORDER)
        if self.result is not None and self.key is not None:
            self.banner.show_result(self.result, self.key, self._source)
        else:
            self.banner.show_marking(len(self.marks), self._changed_after_check)

    def _toggle_passages(self, on: bool) -> bool:
        """View ▸ Matching Passages on or off (their tints would mix with the marks); True when
        it changed."""
        action = self.context.window.findChild(QAction, "matching_passages")
        if action is None or action.isChecked() == on:
            return False
        action.trigger()
        return True

    def outside(self, call: Callable[[Side, EntitySpan], None]) -> Callable[[Side, EntitySpan], None]:
        """`call`, except while the exercise runs (a click on a name then marks a word)."""
        def guarded(side: Side, entity: EntitySpan) -> None:
            if not self.active:
                call(side, entity)
        return guarded

    def _tooltip(self, pane: "Pane", offset: int) -> str:
        """The pane's tooltip for a marked or checked word (a tooltip provider)."""
        if not self.active or pane.document is None:
            return ""
        marks = [m for m in self.marks if m.side == pane.side]
        for span in display_spans(pane.side, marks, self.result):
            if span.start <= offset < span.end:
                return tooltip(span, pane.side, pane.document.text, self.key if self.result else None)
        return ""

    # ------------------------------------------------------------------ texts changing
    def _document_changed(self, side: Side) -> None:
        """Marks on a text that is no longer shown go; a check is put away."""
        pane = self.panes[side]
        text = pane.document.text if pane.document is not None else None
        if self._marked_texts.get(side) != text:
            self._marked_texts.pop(side, None)
            if any(m.side == side for m in self.marks):
                self.marks = [m for m in self.marks if m.side != side]
        self.result = None
        self._show()

    def _swapped(self) -> None:
        def other(side: Side) -> Side:
            return "right" if side == "left" else "left"
        self.marks = sorted(StudentMark(other(m.side), m.start, m.end) for m in self.marks)
        self._marked_texts = {other(side): text for side, text in self._marked_texts.items()}

    def _lesson_opened(self, session: Session) -> None:
        """A lesson's key replaces the last one; its saved marks come back."""
        self.lesson = session.exercise
        if self.active:  # the lesson set the view: keep the highlights hidden, restore its view later
            self._before = self.visibility.value
            self.visibility.set_value(Visibility(enabled=False))
        if session.exercise is not None:
            for side, document in (("left", session.left), ("right", session.right)):
                if document is not None:
                    self._marked_texts[side] = document.text  # type: ignore[index]
            self.marks = sorted(session.exercise.attempt)
            self.result = None
            if session.exercise.key is not None:
                self.messages.status("This lesson has an exercise: Exercise ▸ Spot the Framing (Ctrl+Shift+X)", 12000)
        self._show()

    def _lesson_part(self, session: Session) -> Session:
        """What a saved lesson gets: the key (if it fits a text), the marks, and the view as it
        was before the exercise hid the highlights."""
        if self._before is not None:
            before = self._before
            session = replace(session, hidden_labels=tuple(sorted(before.hidden_labels)),
                              hidden_categories=tuple(sorted(before.hidden_categories)),
                              view={**session.view, "highlights": before.enabled})
        key = self.lesson.key if self.lesson is not None else None
        documents = {"left": session.left, "right": session.right}
        if key is not None and not any(d is not None and key.fits(s, d.text) for s, d in documents.items()):  # type: ignore[arg-type]
            key = None
        if key is None and not self.marks:
            return session
        return replace(session, exercise=LessonExercise(key, tuple(self.marks)))

    # ------------------------------------------------------------------ files
    def _texts(self) -> tuple[dict[Side, str], dict[Side, str]]:
        texts = {side: p.document.text for side, p in self.panes.items() if p.document is not None}
        titles = {side: p.title for side, p in self.panes.items() if p.document is not None}
        return texts, titles

    def _ask(self, title: str, suffix: str, kind: str) -> str:
        stem = " vs ".join(Path(p.title).stem for p in self.panes.values() if p.document) or "attempt"
        path, _ = QFileDialog.getSaveFileName(self._parent, title, str(Path.home() / f"{stem}{suffix}"),
                                              f"{kind} (*{suffix})")
        return path if not path or path.endswith(suffix) else path + suffix

    def save_dialog(self) -> None:
        path = self._ask("Save your attempt", ".json", "Exercise attempt")
        if path:
            self.save_attempt(path)

    def export_dialog(self) -> None:
        path = self._ask("Export your attempt to hand in", ".html", "Web page")
        if path:
            self.export_attempt(path)

    def save_key_dialog(self) -> None:
        path = self._ask("Save the lesson with its answer key", LESSON_SUFFIX, "FrameReader lesson")
        if path:
            self.save_key(path)

    def _write(self, path: str, text: str, what: str) -> bool:
        try:
            atomic_write_text(path, text)
        except OSError as exc:
            self.messages.error(f"Cannot save the {what}", f"{path}: {exc.strerror or exc}")
            return False
        self.messages.status(f"Saved {path}", 6000)
        return True

    def save_attempt(self, path: str) -> bool:
        """The marks (and the result, once checked) as JSON, to hand in or keep."""
        texts, titles = self._texts()
        if not texts:
            self.messages.error("Nothing to save yet", "Open a text and mark the words you think are loaded.")
            return False
        return self._write(path, attempt_dumps(self.marks, texts, titles, self.result), "attempt")

    def export_attempt(self, path: str) -> bool:
        """The attempt as a printable web page: the marks in context, the result and notes."""
        texts, titles = self._texts()
        if not texts:
            self.messages.error("Nothing to export yet", "Open a text and mark the words you think are loaded.")
            return False
        page = attempt_html(self.marks, texts, titles, self.result, self.key if self.result else None)
        return self._write(path, page, "attempt")

    def save_key(self, path: str) -> bool:
        """Teacher: a lesson file whose key is the analyses as shown now (your edits applied);
        students who open it check against it."""
        key = self.local_key()
        missing = [p.title for s, p in self.panes.items() if p.document is not None and s not in key.texts]
        if not key.texts or missing:
            self.messages.error("The answer key cannot be made yet",
                                "Wait until every open text is analysed, then save the key again.")
            return False
        self.lesson = LessonExercise(key, ())
        ok = self.hooks.save_lesson(path, lambda session: replace(session, exercise=LessonExercise(key, ())))
        if ok:
            self.messages.status(f"Saved the lesson with an answer key of {len(key.items)} words: {path}", 8000)
        return ok
