"""Spot the framing in the window: the mode, marking by click and by selection, Check, the
attempt files, and a teacher's key travelling in a lesson to a second window (pytest-qt)."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor

from pytestqt.qtbot import QtBot

from framereader.core.classroom.exercise import StudentMark, attempt_from_json, word_at
from framereader.core.platform.settings import Settings
from framereader.ui.comparison.alignment_layer import LAYER as ALIGNMENT_LAYER
from framereader.ui.classroom.exercise import LAYER
from framereader.ui.classroom.exercise_view import LOOKS
from framereader.ui.window.main_window import MainWindow
from ui_support import WAIT_MS

SAMPLES = Path(__file__).resolve().parents[3] / "resources" / "samples"


def open_samples(qtbot, win) -> None:
    assert win.open_path(0, str(SAMPLES / "a-border-crisis.md"))
    assert win.open_path(1, str(SAMPLES / "b-border-crisis.md"))
    qtbot.waitUntil(lambda: win.analysed() and win.compare.comparison is not None, timeout=WAIT_MS)


@pytest.fixture
def samples(qtbot, window):
    open_samples(qtbot, window)
    return window


def click_word(pane, start: int) -> None:
    """A real left click on the character at core offset `start + 1`."""
    pane.scroll_to(pane.built.offsets.to_qt(start))
    cursor = QTextCursor(pane.view.document())
    cursor.setPosition(pane.built.offsets.to_qt(start + 1))
    rect = pane.view.cursorRect(cursor)
    point = QPoint(rect.left() + 1, rect.center().y())
    QtBot.mouseClick(pane.view.viewport(), Qt.MouseButton.LeftButton, pos=point)


def outside_word(win, side: str) -> tuple[int, int]:
    """A word of the text that no key item touches."""
    pane = win.pane[side]
    key = win.exercise.local_key().on(side)
    text = pane.document.text
    for offset in range(len(text)):
        word = word_at(text, offset)
        if word and word[1] - word[0] > 3 and not any(i.start < word[1] and word[0] < i.end for i in key):
            return word
    raise AssertionError("every word is in the key")


def kinds_drawn(pane) -> set[str]:
    """Which kinds (mark, found, missed, yours) the exercise layer draws, by their tint."""
    colours = {LOOKS[k][0].lower(): k for k in LOOKS}
    return {colours[fmt.background().color().name()] for _s, _e, fmt in pane.layer(LAYER)}


def test_entering_hides_the_highlights_and_leaving_restores_them(qtbot, samples) -> None:
    win = samples
    win.visibility.set_category_visible("violence", False)
    before = win.visibility.value
    assert win.commands["matching_passages"].isChecked() and win.pane["left"].layer(ALIGNMENT_LAYER)
    win.commands["exercise"].trigger()
    assert win.exercise.active and win.commands["exercise"].isChecked()
    assert not win.commands["matching_passages"].isChecked() and not win.pane["left"].layer(ALIGNMENT_LAYER)
    assert not win.visibility.value.enabled and not win.panes[0].visibility.shows_category("loaded_labels")
    assert win.exercise.dock.isVisible() and "Click a word" in win.exercise.banner.text.text()
    win.commands["clear_marks"].trigger()  # Esc
    assert not win.exercise.active and not win.commands["exercise"].isChecked()
    assert win.visibility.value == before and not win.exercise.dock.isVisible()
    assert win.panes[0].layer(LAYER) == []
    assert win.commands["matching_passages"].isChecked() and win.pane["left"].layer(ALIGNMENT_LAYER)


def test_two_marks_and_check(qtbot, samples) -> None:
    win = samples
    win.commands["exercise"].trigger()
    key = win.exercise.local_key()
    assert key.items and all(key.category_name(i.category) for i in key.items)
    item = key.on("left")[0]
    left = win.pane["left"]
    click_word(left, item.start)
    assert win.exercise.marks and win.exercise.marks[0].side == "left"
    assert win.exercise.marks[0].start <= item.start < win.exercise.marks[0].end
    start, end = outside_word(win, "left")
    left.view.clicked_at.emit(left.built.offsets.to_qt(start + 1))
    assert len(win.exercise.marks) == 2 and kinds_drawn(left) == {"mark"}
    win.commands["exercise_check"].trigger()
    result = win.exercise.result
    assert result is not None and len(result.yours_only) == 1
    assert len(result.found) >= 1 and len(result.missed) == len(key.items) - len(result.found)
    assert {i.start for i in result.found} >= {item.start}
    assert result.yours_only == (StudentMark("left", start, end),)
    assert kinds_drawn(left) == {"found", "missed", "yours"} and kinds_drawn(win.pane["right"]) == {"missed"}
    assert result.summary() in win.exercise.banner.text.text().replace("&nbsp;", " ")
    tip = left.view.describe(left.built.offsets.to_qt(start))
    assert "yours only" in tip
    assert "missed" in left.view.describe(left.built.offsets.to_qt(key.on("left")[-1].start)) or len(result.found) > 1
    # a click after the check puts the result away until Check is pressed again
    left.view.clicked_at.emit(left.built.offsets.to_qt(start + 1))
    assert win.exercise.result is None and "Check again" in win.exercise.banner.detail.text()


def test_marks_and_start_again_are_undone_with_ctrl_z_only_on_the_same_texts(qtbot, samples) -> None:
    win = samples
    win.commands["exercise"].trigger()
    left = win.pane["left"]
    first, second = outside_word(win, "left"), win.exercise.local_key().on("left")[0]
    left.view.clicked_at.emit(left.built.offsets.to_qt(first[0] + 1))
    left.view.clicked_at.emit(left.built.offsets.to_qt(second.start + 1))
    assert len(win.exercise.marks) == 2 and "Mark a word" in win.undo.undoText()
    win.commands["undo"].trigger()
    assert win.exercise.marks == [StudentMark("left", *first)]
    assert len(left.layer(LAYER)) == 1  # the pane follows
    win.commands["redo"].trigger()
    assert len(win.exercise.marks) == 2
    win.exercise.restart()
    assert win.exercise.marks == [] and win.undo.undoText() == "Start again"
    win.commands["undo"].trigger()
    assert len(win.exercise.marks) == 2
    # another text in the pane: the old steps no longer apply (and change nothing)
    win.commands["exercise"].trigger()  # leave
    assert win.open_path(0, str(SAMPLES / "b-border-crisis.md"))
    qtbot.waitUntil(lambda: win.analysed(), timeout=WAIT_MS)
    win.commands["exercise"].trigger()
    marks = list(win.exercise.marks)
    win.commands["undo"].trigger()
    assert win.exercise.marks == marks


def test_entity_clicks_mark_words_not_mentions(qtbot, samples) -> None:
    win = samples
    win.commands["exercise"].trigger()
    pane = win.pane["left"]
    entity = next(e for e in pane.analysis.entities if e.label == "PERSON")
    pane.entity_clicked.emit("left", entity)
    assert win.marks.mentions == []
    win.commands["exercise"].trigger()
    pane.entity_clicked.emit("left", entity)
    assert win.marks.mentions


def test_a_selected_phrase_is_marked_from_the_context_menu(qtbot, samples) -> None:
    win = samples
    pane = win.pane["right"]
    assert "I Think This Is Loaded" not in [a.text() for a in pane.context_menu(5).actions()]
    win.commands["exercise"].trigger()
    text = pane.document.text
    words = [m for m in re.finditer(r"[A-Za-z]{5,} [A-Za-z]+ [A-Za-z]+ ", text)]
    start, end = words[0].start() + 2, words[0].end()  # from inside a word, over the next two and a space
    pane.select_span(start, end)
    menu = pane.context_menu(pane.built.offsets.to_qt(start))
    action = next(a for a in menu.actions() if a.text() == "I Think This Is Loaded")
    action.trigger()
    mark = win.exercise.marks[0]
    assert (mark.start, mark.end) == (words[0].start(), words[0].end() - 1)
    menu = pane.context_menu(pane.built.offsets.to_qt(mark.start))
    next(a for a in menu.actions() if a.text() == "Not Loaded After All").trigger()
    assert win.exercise.marks == []
    assert not win.exercise.mark_span(pane, 0, len(text))  # a whole text is not a phrase
    assert "at most" in win.statusBar().currentMessage()


def test_attempt_files_parse_back(qtbot, samples, tmp_path: Path) -> None:
    win = samples
    win.commands["exercise"].trigger()
    item = win.exercise.local_key().on("right")[0]
    pane = win.pane["right"]
    pane.view.clicked_at.emit(pane.built.offsets.to_qt(item.start))
    unchecked = tmp_path / "before.json"
    assert win.exercise.save_attempt(str(unchecked))
    assert json.loads(unchecked.read_text(encoding="utf-8"))["result"] is None
    win.exercise.check()
    saved, page = tmp_path / "attempt.json", tmp_path / "attempt.html"
    assert win.exercise.save_attempt(str(saved)) and win.exercise.export_attempt(str(page))
    data = json.loads(saved.read_text(encoding="utf-8"))
    attempt = attempt_from_json(data)
    assert list(attempt.marks) == win.exercise.marks and not attempt.warnings
    assert data["result"]["found"] == len(win.exercise.result.found)
    first = attempt.marks[0]
    assert data["marks"][0]["text"] == pane.document.text[first.start:first.end] and first.start <= item.start
    html = page.read_text(encoding="utf-8")
    assert win.exercise.result.summary() in html and "class='found'" in html and "class='missed'" in html
    assert not win.exercise.save_attempt(str(saved / "a.json")) and win.errors


def test_a_teachers_key_travels_in_the_lesson(qtbot, samples, engine, engine_factory, tmp_path: Path) -> None:
    teacher = samples
    left = teacher.pane["left"]
    # the teacher's edit (right-click ▸ Not Loaded Here): the key follows the analysis as shown
    dropped = teacher.exercise.local_key().on("left")[0]
    span = next(f for f in left.analysis.framing if (f.start, f.end) == (dropped.start, dropped.end))
    assert teacher.edits.suppress("left", span)
    qtbot.waitUntil(lambda: all((f.start, f.end) != (span.start, span.end) for f in left.analysis.framing),
                    timeout=WAIT_MS)
    key = teacher.exercise.local_key()
    assert (dropped.side, dropped.start) not in {(i.side, i.start) for i in key.items}
    lesson = tmp_path / "lesson.framereader"
    assert teacher.exercise.save_key(str(lesson)), teacher.errors
    marks = [StudentMark("left", dropped.start, dropped.end), StudentMark("right", key.on("right")[0].start,
                                                                           key.on("right")[0].end)]
    teacher.commands["exercise"].trigger()
    teacher.exercise.set_marks(marks)
    expected = teacher.exercise.check()
    assert expected is not None and expected.yours_only == (marks[0],)  # the teacher took it out of the key

    student = MainWindow(engine=engine, engine_factory=engine_factory, settings=Settings(), persist=False)
    student.messages.dialogs = False
    qtbot.addWidget(student)
    try:
        qtbot.waitUntil(lambda: student.service.ready, timeout=WAIT_MS)
        assert student.open_path(0, str(lesson)), student.messages.errors
        qtbot.waitUntil(student.analysed, timeout=WAIT_MS)
        assert "exercise" in student.statusBar().currentMessage()
        # this computer's lexicons find nothing at all on the left: the teacher's key still holds
        pane = student.pane["left"]
        qtbot.waitUntil(lambda: pane.analysis is not None and not any(
            (f.start, f.end) == (span.start, span.end) for f in pane.analysis.framing), timeout=WAIT_MS)
        pane.set_analysis(replace(pane.analysis, framing=()))
        assert not student.exercise.local_key().on("left")
        student.commands["exercise"].trigger()
        student.exercise.set_marks(marks)
        result = student.exercise.check()
        assert result is not None and result == expected
        assert "teacher" in student.exercise.banner.detail.text()
        # the student saves the lesson: the key and their marks stay in it, the view as before
        again = tmp_path / "mine.framereader"
        assert student.documents.save_lesson(str(again))
        raw = json.loads(again.read_text(encoding="utf-8"))
        assert len(raw["exercise"]["key"]["items"]) == len(key.items) and len(raw["exercise"]["attempt"]) == 2
        assert raw["view"]["highlights"] is True
    finally:
        student.shutdown()


def test_screenshot_of_the_exercise(qapp, engine, tmp_path: Path) -> None:
    """`framereader --screenshot OUT --exercise`: the checked exercise, its three styles drawn."""
    from PySide6.QtGui import QImage

    from framereader.ui import app as app_module

    out = tmp_path / "exercise.png"
    assert app_module.run_gui(None, None, lambda model: engine, screenshot=str(out),
                             stage=app_module.Stage(exercise=True)) == 0
    image = QImage(str(out))
    assert image.width() == 1440
    colours = {image.pixelColor(x, y).name() for x in range(0, image.width(), 3) for y in range(150, image.height(), 3)}
    assert {LOOKS[kind][0] for kind in ("found", "missed", "yours")} <= colours
