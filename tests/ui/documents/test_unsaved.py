"""Nothing lost: quitting or opening other texts while renamed titles, edits of the highlights or
exercise marks are only in the window asks to save a lesson file (Save, Don't Save, Cancel)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from framereader.core.state.lesson import load_session
from framereader.ui.documents.unsaved import CANCEL, DISCARD, SAVE, describe
from ui_support import WAIT_MS

SAMPLES = Path(__file__).resolve().parents[3] / "resources" / "samples"


def _answer(window, answer: str) -> list[str]:
    asked: list[str] = []
    window.documents.unsaved.ask = lambda question, details: asked.append(question) or answer
    return asked


def test_nothing_changed_nothing_asked(qtbot, compared) -> None:
    asked = _answer(compared, CANCEL)
    assert compared.open_path(0, str(SAMPLES / "b-border-crisis.md"))
    assert asked == []


def test_a_rename_asks_before_quitting_and_cancel_keeps_the_window(qtbot, compared) -> None:
    win = compared
    assert win.identity.rename("left", "Europe must act", "")
    assert win.hooks.unsaved_changes() == ["renamed titles"]
    asked = _answer(win, CANCEL)
    assert not win.close() and win.isVisible()  # cancelled: nothing lost
    assert asked and "renamed titles" in asked[0] and "quit" in asked[0]
    _answer(win, DISCARD)
    assert win.close()


def test_save_writes_a_lesson_then_goes_ahead(qtbot, compared, tmp_path, monkeypatch) -> None:
    win = compared
    word = next(f for f in win.panes[0].analysis.framing)
    assert win.edits.suppress("left", word)  # Not Loaded Here: an edit of the highlights
    assert win.identity.rename("right", "Calm heads", "V. Lanz")
    assert len(win.hooks.unsaved_changes()) == 2
    path = tmp_path / "kept.framereader"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))
    asked = _answer(win, SAVE)
    other = tmp_path / "other.txt"
    other.write_text("A paragraph about the weather.\n", encoding="utf-8")
    assert win.open_path(1, str(other))  # replaces the renamed right text: asked, saved, opened
    assert asked and "renamed titles" in asked[0] and path.exists()
    session = load_session(path)
    assert session.right is not None and session.right.meta.title == "Calm heads" and session.edits["left"]
    assert win.hooks.unsaved_changes() == []  # saved


def test_only_the_replaced_text_counts_and_exercise_marks_count_too(qtbot, compared) -> None:
    win = compared
    assert win.identity.rename("left", "Europe must act", "")
    asked = _answer(win, CANCEL)
    other_text = SAMPLES / "a-border-crisis.md"
    assert win.open_path(1, str(other_text))  # the right text had nothing unsaved
    assert asked == []
    assert not win.open_path(0, str(other_text))  # the left one had: cancelled, kept
    assert win.panes[0].document.meta.title == "Europe must act"
    _answer(win, DISCARD)
    assert win.open_path(0, str(other_text)) and win.hooks.unsaved_changes() == []
    qtbot.waitUntil(lambda: win.analysed(), timeout=WAIT_MS)
    win.exercise.set_active(True)
    pane = win.panes[0]
    win.exercise._clicked(pane, pane.built.offsets.to_qt(pane.document.text.index("Serin")))
    assert win.exercise.marks and win.hooks.unsaved_changes() == ["the exercise marks"]
    asked = _answer(win, CANCEL)
    assert not win.documents.open_samples()
    assert "the exercise marks" in asked[0]


def test_opening_a_lesson_and_saving_leave_nothing_unsaved(qtbot, compared, tmp_path) -> None:
    win = compared
    assert win.identity.rename("left", "Europe must act", "")
    path = tmp_path / "lesson.framereader"
    assert win.documents.save_lesson(str(path))
    assert win.hooks.unsaved_changes() == []
    assert win.identity.rename("left", "Europe, again", "")
    _answer(win, DISCARD)
    assert win.open_path(0, str(path))
    assert win.hooks.unsaved_changes() == [] and win.panes[0].document.meta.title == "Europe must act"


def test_the_question_names_what_would_be_lost() -> None:
    assert describe(["renamed titles"]) == "renamed titles"
    assert describe(["renamed titles", "your edits", "the exercise marks"]) == \
        "renamed titles, your edits and the exercise marks"
