"""Right-click ▸ Mark as Loaded… on the bundled samples (underline at once, Ctrl+Z removes it),
and a lesson carrying the teacher's own lexicon opened on a fresh computer."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtWidgets import QDialogButtonBox

from framereader.core.lexicons.embedded import FROM_LESSON
from framereader.core.state.lesson import load_session
from framereader.ui.lexicons.lesson_lexicons import KEEP_TITLE
from framereader.core.lexicons.library import USER
from framereader.core.platform.settings import Settings
from framereader.ui.base import styles
from framereader.ui.lexicons.mark_loaded import MENU_TEXT
from ui_support import WAIT_MS, format_at, open_and_wait

SAMPLES = Path(__file__).resolve().parents[3] / "resources" / "samples"
FRAMING = styles.FRAMING_CATEGORY_PROPERTY


def _category_at(pane, start: int) -> str | None:
    fmt = format_at(pane.view.document(), pane.built.offsets.to_qt(start))
    return fmt.property(FRAMING) or None


def _terms(pane) -> set[str]:
    return {f.term for f in pane.analysis.framing} if pane.analysis is not None else set()


def _menu_action(pane, core_offset: int):
    menu = pane.context_menu(pane.built.offsets.to_qt(core_offset))
    return next(a for a in menu.actions() if a.text() == MENU_TEXT)


def _mark_gambler(qtbot, window, category: str = "loaded_language") -> int:
    """Right-click 'gambler' in the left pane, fill the dialog, OK; wait for the underline."""
    pane = window.panes[0]
    start = pane.document.text.index("a gambler") + 2
    _menu_action(pane, start + 3).trigger()
    dialog = window.mark_loaded.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.windowModality() == dialog.windowModality().WindowModal
    assert dialog.term.text() == "gambler" and dialog.chosen_category().id == "loaded_language"
    dialog.category.setCurrentIndex(dialog.category.findData(category))
    dialog.note.setText("casts a policy as a bet")
    dialog.alternative.setText("risk-taker")
    model = window.service.model_info
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: pane.settled and "gambler" in _terms(pane) and _category_at(pane, start) == category,
                    timeout=WAIT_MS)
    assert window.service.model_info is model  # re-highlighted without reloading the model
    return start


def test_mark_as_loaded_underlines_at_once_and_undo_removes_it(qtbot, window) -> None:
    open_and_wait(qtbot, window, 0, SAMPLES / "a-border-crisis.md")
    pane = window.panes[0]
    text = pane.document.text
    start = text.index("a gambler") + 2
    assert "gambler" not in _terms(pane) and _category_at(pane, start) is None

    _mark_gambler(qtbot, window)
    plural = text.index("gamblers who")
    assert _category_at(pane, plural) == "loaded_language"  # the word family: 'gamblers' too
    own = [e for e in window.library.entries() if e.kind == USER]
    assert [e.title for e in own] == ["My framing words"] and own[0].enabled
    assert own[0].lexicon.find_term("gambler")[1].alternative == "risk-taker"
    assert "Mark as Loaded: 'gambler'" in window.commands["undo"].text()
    assert window.errors == []

    window.commands["undo"].trigger()
    qtbot.waitUntil(lambda: pane.settled and "gambler" not in _terms(pane), timeout=WAIT_MS)
    assert _category_at(pane, start) is None and _category_at(pane, plural) is None
    assert window.library.entry(own[0].key).lexicon.find_term("gambler") is None

    window.commands["redo"].trigger()
    qtbot.waitUntil(lambda: pane.settled and "gambler" in _terms(pane), timeout=WAIT_MS)
    assert _category_at(pane, start) == "loaded_language"


def test_a_selection_goes_in_as_typed_and_bad_selections_are_refused(qtbot, window) -> None:
    open_and_wait(qtbot, window, 0, SAMPLES / "a-border-crisis.md")
    pane = window.panes[0]
    text = pane.document.text
    status = window.statusBar().currentMessage

    start = text.index("one-man state")
    pane.select_span(start, start + len("one-man state."))
    _menu_action(pane, start).trigger()
    dialog = window.mark_loaded.dialog
    assert dialog.term.text() == "one-man state"  # the full stop is left out
    dialog.category.setCurrentIndex(dialog.category.findData("exaggeration"))
    dialog.accept()
    qtbot.waitUntil(lambda: pane.settled and "one-man state" in _terms(pane), timeout=WAIT_MS)
    assert _category_at(pane, start + 4) == "exaggeration"

    window.mark_loaded.dialog = None
    sentence = text.index("A ruler who treats")
    pane.select_span(sentence, text.index(".", sentence))  # a whole clause: too long
    _menu_action(pane, sentence).trigger()
    assert window.mark_loaded.dialog is None and "too long" in status()

    regime = text.index("His regime") + 4
    pane.select_span(regime, regime)  # no selection: the word under the mouse
    _menu_action(pane, regime + 1).trigger()
    assert window.mark_loaded.dialog is None and "already a term of" in status()

    gap = text.index(" ")
    assert window.mark_loaded.start(pane, None) is False and "Select a word" in status()
    window.statusBar().clearMessage()
    assert window.mark_loaded.start(pane, (gap, gap + 1)) is False and "Select a word" in status()
    assert window.errors == []


def test_a_lesson_on_a_fresh_computer_shows_identical_highlights(qtbot, window, engine, tmp_path: Path,
                                                                 monkeypatch) -> None:
    from framereader.ui.window.main_window import MainWindow

    open_and_wait(qtbot, window, 0, SAMPLES / "a-border-crisis.md")
    open_and_wait(qtbot, window, 1, SAMPLES / "b-border-crisis.md")
    _mark_gambler(qtbot, window, category="name_calling")
    qtbot.waitUntil(lambda: all(p.settled for p in window.panes), timeout=WAIT_MS)
    window.visibility.set_category_visible("hedges", False)
    # the teacher's other edits travel too: an excluded paragraph, a word not loaded here, a
    # corrected label and a new title
    left, right = window.panes
    text = right.document.text
    paragraph = text.index("Read the Western press")
    assert window.edits.exclude("right", paragraph, text.index("\n", paragraph))
    regime = next(f for f in left.analysis.framing if f.text.lower() == "regime")
    assert window.edits.suppress("left", regime)
    holloway = next(e for e in left.analysis.entities if e.label not in ("GPE", "PERSON"))
    assert window.edits.correct_label("left", holloway, "GPE")  # any correction travels with the lesson
    assert window.identity.rename("left", "The valley, by Marsh", "Helena Marsh", left.document)
    qtbot.waitUntil(lambda: all(p.settled for p in window.panes), timeout=WAIT_MS)
    lesson = tmp_path / "lesson.framereader"
    assert window.documents.save_lesson(str(lesson))
    teacher = [pane.analysis.framing for pane in window.panes]
    teacher_entities = [pane.analysis.entities for pane in window.panes]
    teacher_edits = [window.edits.edits(side) for side in ("left", "right")]
    assert regime not in teacher[0] and any(e.label == "GPE" and e.start == holloway.start for e in teacher_entities[0])
    assert any(f.term == "gambler" and f.category == "name_calling" for f in teacher[0])
    saved = json.loads(lesson.read_text(encoding="utf-8"))
    assert [e["name"] for e in saved["embedded_lexicons"]] == ["My framing words"]
    assert saved["pipeline_version"] == window.service.model_info.version
    window.shutdown()  # one window at a time uses the shared engine

    monkeypatch.setenv("FRAMEREADER_HOME", str(tmp_path / "fresh-home"))
    engine.use_lexicon_files(None)
    student = MainWindow(engine=engine, settings=Settings(hidden_labels=[]), persist=False)
    student.messages.dialogs = False
    qtbot.addWidget(student)
    try:
        qtbot.waitUntil(lambda: student.service.ready, timeout=WAIT_MS)
        assert [e.kind for e in student.library.entries()] == ["bundled"]  # a fresh computer
        assert student.open_path(0, str(lesson))
        assert "for this lesson only" in student.statusBar().currentMessage()
        # nothing installed without asking: one question, answered with its default (No)
        assert [title for title, _q in student.messages.questions] == [KEEP_TITLE]
        assert "My framing words" in student.messages.questions[0][1]
        qtbot.waitUntil(lambda: all(p.settled and p.analysis is not None for p in student.panes)
                        and "gambler" in _terms(student.panes[0]), timeout=WAIT_MS)
        got = [pane.analysis.framing for pane in student.panes]
        assert [set(t) - set(g) for t, g in zip(teacher, got)] == [set(), set()], "missing on the student's side"
        assert [set(g) - set(t) for t, g in zip(teacher, got)] == [set(), set()], "extra on the student's side"
        assert got == teacher
        assert [pane.analysis.entities for pane in student.panes] == teacher_entities
        assert [student.edits.edits(side) for side in ("left", "right")] == teacher_edits
        assert student.panes[0].title == "The valley, by Marsh"
        assert student.panes[0].document.meta.author == "Helena Marsh"
        assert [e.kind for e in student.library.entries()] == ["bundled"]
        assert student.settings.disabled_lexicons == [] and student.library.lesson is not None
        assert "hedges" in student.visibility.value.hidden_categories
        assert student.lesson_lexicons.last_note is None  # the same pipeline
        assert student.messages.errors == []
        # the reader says yes: kept as their own lexicon, switched off, the lesson goes on
        student.lesson_lexicons._keep(student.lesson_lexicons.models.library.lesson and
                                      load_session(lesson).embedded_lexicons)
        installed = [e for e in student.library.entries() if e.kind == USER]
        assert [e.title for e in installed] == ["My framing words" + FROM_LESSON] and not installed[0].enabled
        # a text that is not the lesson's: back to the reader's own lexicons
        other = tmp_path / "other.txt"
        other.write_text("The gambler and the regime met again.\n", encoding="utf-8")
        open_and_wait(qtbot, student, 0, other)
        assert student.library.lesson is None
        qtbot.waitUntil(lambda: "gambler" not in _terms(student.panes[0]), timeout=WAIT_MS)
    finally:
        student.shutdown()


def test_a_lesson_made_with_another_pipeline_version_says_so(qtbot, window, engine, tmp_path: Path) -> None:
    from framereader.ui.window.main_window import MainWindow

    info = window.service.model_info
    lesson = tmp_path / "old-model.framereader"
    data = {"format": "framereader-session", "version": 1, "left": {"text": "Holloway's regime denied it."},
            "right": None, "pipeline": info.name, "pipeline_version": "0.0.1", "lexicons": ["oped-framing-en"]}
    lesson.write_text(json.dumps(data), encoding="utf-8")
    assert window.open_path(0, str(lesson))
    expected = (f"This lesson was made with {info.name} 0.0.1; this computer has {info.name} {info.version}; "
                "highlights may differ.")
    assert expected in window.statusBar().currentMessage()

    data["pipeline_version"] = info.version
    lesson.write_text(json.dumps(data), encoding="utf-8")
    window.statusBar().clearMessage()
    assert window.open_path(0, str(lesson))
    assert "highlights may differ" not in window.statusBar().currentMessage()

    del data["pipeline_version"]  # an old lesson file: opens as before, the lexicons untouched
    lesson.write_text(json.dumps(data), encoding="utf-8")
    assert window.open_path(0, str(lesson))
    qtbot.waitUntil(lambda: window.panes[0].settled, timeout=WAIT_MS)
    assert window.library.is_default() and window.errors == []
    assert "regime" in _terms(window.panes[0])

    window.shutdown()  # opened before the model is ready: said when it is
    data["pipeline_version"] = "0.0.1"
    lesson.write_text(json.dumps(data), encoding="utf-8")
    early = MainWindow(engine=engine, settings=Settings(hidden_labels=[]), persist=False)
    early.messages.dialogs = False
    qtbot.addWidget(early)
    try:
        assert not early.service.ready and early.open_path(0, str(lesson))
        qtbot.waitUntil(lambda: expected in early.statusBar().currentMessage(), timeout=WAIT_MS)
    finally:
        early.shutdown()


def test_a_word_marked_a_moment_ago_is_refused_before_the_worker_has_the_new_lexicon(qtbot, window) -> None:
    """Found by the random actions on a busy machine: the worker compiles the changed lexicons
    in its own time, so a second Mark as Loaded of the same word right after the first passed
    the check against the worker's lexicons and then failed to write ("already has the term")
    in an error dialog. Both the check and the dialog now know the user's lexicon as written."""
    open_and_wait(qtbot, window, 0, SAMPLES / "a-border-crisis.md")
    pane = window.panes[0]
    start = pane.document.text.index("a gambler") + 2
    status = window.statusBar().currentMessage
    assert window.mark_loaded.start(pane, (start, start + len("gambler")))
    compiled = window.service.lexicons
    window.mark_loaded.dialog.accept()
    assert window.service.lexicons is compiled  # the worker has not answered yet
    window.mark_loaded.dialog = None
    assert window.mark_loaded.start(pane, (start, start + len("gambler"))) is False
    assert window.mark_loaded.dialog is None and "already a term of My framing words" in status()
    assert window.errors == []
    qtbot.waitUntil(lambda: pane.settled and "gambler" in _terms(pane), timeout=WAIT_MS)

    own = next(e for e in window.library.entries() if e.kind == USER)
    window.library.set_enabled(own.key, False)  # switched off (a lesson that does not use it)
    window.models.apply_lexicons()
    qtbot.waitUntil(lambda: pane.settled and "gambler" not in _terms(pane), timeout=WAIT_MS)
    assert window.mark_loaded.start(pane, (start, start + len("gambler"))) is False
    assert "switched off" in status() and window.errors == []
