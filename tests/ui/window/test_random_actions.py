"""Random user actions on a real window with the bundled pair open: Hypothesis's stateful
testing drives every menu action, legend clicks, actor and evidence clicks, ruler jumps, marks,
zoom, theme, presenter mode, swap, close, reopen, lesson files and lexicon toggles, the view
presets, the welcome panel's choices, the lesson guide's buttons and the unsaved-work prompt, with
event-loop turns between them so analysis results and rebuild steps interleave. After every
step the window's invariants must hold (what is visible, what the legend and the master
action show, and that every highlight's text is the document's text at its offsets)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, settings
from hypothesis import seed as fixed_seed
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule, run_state_machine_as_test
from unittest.mock import patch

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QFileDialog

from framereader.core.errors import LexiconError
from framereader.core.lexicons.library import USER
from framereader.core.classroom.exercise_html import display_spans
from framereader.core.model import SIDES
from framereader.core.platform.settings import Settings
from framereader.ui.base import styles
from framereader.ui.documents.unsaved import CANCEL, DISCARD, SAVE
from framereader.ui.window.main_window import MainWindow
from hostile_files import hostile_lesson, over_budget_lexicon
from ui_support import WAIT_MS, format_at, qt_text, utf16_units

SAMPLES = sorted(str(p) for p in (Path(__file__).resolve().parents[3] / "resources" / "samples").glob("*.md")
                 if p.name != "README.md")

#: Actions that open a modal dialog (or quit); the rules below stand in for the file dialogs.
MODAL = {"quit", "about", "preferences", "lexicons", "open_left", "open_right", "open_pair", "save_session", "export",
         "export_handout", "print", "add_lexicon", "edit_identity", "exercise_save", "exercise_export",
         "exercise_key"}

SEEDS = tuple(int(s) for s in os.environ.get("RANDOM_ACTION_SEEDS", "1,2,3").split(","))
STEPS = 50  # per example: 3 seeds x 2 build speeds x 6 examples = 1,800 actions, ~45 s
EXAMPLES = 6  # per seed (the first is Hypothesis's simplest: one rule repeated)


def _turn(qtbot, ms: int) -> None:
    """Let the event loop run: worker results, rebuild steps and highlight chunks arrive."""
    if ms:
        qtbot.wait(ms)
    else:
        QApplication.processEvents()


def check_qt_highlights(pane, visibility) -> None:
    """In the Qt document each entity covers its own text, tinted exactly when it is visible."""
    qdoc = pane.view.document()
    for entity in pane.analysis.entities:
        start, end = pane.built.offsets.span_to_qt(entity.start, entity.end)
        assert qt_text(qdoc, start, end) == utf16_units(entity.text.replace("\n", "\u2029")), entity
        tint = pane.book.entity_format(entity.label).background().color()
        shown = format_at(qdoc, start).background().color() == tint
        assert shown == visibility.shows_label(entity.label), (pane.side, entity, visibility)


#: The context-menu entries of the reader's edits (ui.edits_controller), by how they begin.
EDIT_ENTRIES = ("Exclude from Analysis", "Include Again", "Not Loaded Here", "Loaded Here Again")


def edit_actions(menu) -> list:
    """The edit entries of a pane's context menu, with the label choices of its submenu."""
    found = []
    for action in menu.actions():
        if action.menu() is not None and action.text() == "Correct Entity Label":
            found.extend(a for a in action.menu().actions() if not a.isSeparator())
        elif action.text().startswith(EDIT_ENTRIES):
            found.append(action)
    return found


def make_machine(qtbot, win: MainWindow, tmp: Path) -> type[RuleBasedStateMachine]:
    """A state machine class bound to one live window (Hypothesis builds one per example)."""
    action_ids = sorted(key for key in win.commands if key not in MODAL)
    lexicon_keys = [entry.key for entry in win.library.entries()]
    lesson = tmp / "random.framereader"
    hostile = hostile_lesson(tmp / "hostile.framereader")
    long_lexicon = over_budget_lexicon(tmp / "long.frlex")
    pauses = st.sampled_from([0, 1, 5, 30])

    class RandomActions(RuleBasedStateMachine):
        @initialize()
        def open_samples(self) -> None:
            """Start every example from the pair, analysed, everything visible."""
            win.view.set_presenting(False)
            win.visibility.show_all()
            QApplication.clipboard().setText(Path(SAMPLES[1]).read_text(encoding="utf-8"))  # for Paste
            for key in lexicon_keys:
                win.library.set_enabled(key, True)
            if not win.library.is_default() or win.settings.disabled_lexicons:
                win.models.apply_lexicons()
            for side, path in enumerate(SAMPLES):
                assert win.open_path(side, path)
            qtbot.waitUntil(win.analysed, timeout=WAIT_MS)

        # -------------------------------------------------------------- the action table
        @rule(action=st.sampled_from(action_ids), ms=pauses)
        def trigger(self, action: str, ms: int) -> None:
            win.commands[action].trigger()
            _turn(qtbot, ms)

        @rule(side=st.sampled_from(SIDES), ms=pauses)
        def focus_and_close(self, side: str, ms: int) -> None:
            win.panes[SIDES.index(side)].focused.emit(side)
            win.commands["close"].trigger()
            _turn(qtbot, ms)

        @rule(first=st.sampled_from(action_ids), second=st.sampled_from(action_ids), ms=pauses)
        def trigger_two(self, first: str, second: str, ms: int) -> None:
            win.commands[first].trigger()
            win.commands[second].trigger()
            _turn(qtbot, ms)

        @rule(side=st.integers(0, 1), sample=st.sampled_from(SAMPLES), ms=pauses)
        def reopen(self, side: int, sample: str, ms: int) -> None:
            assert win.open_path(side, sample)
            _turn(qtbot, ms)

        @rule(ms=pauses)
        def lesson_round_trip(self, ms: int) -> None:
            if any(p.document for p in win.panes):
                assert win.documents.save_lesson(str(lesson)), win.messages.errors
                assert win.hooks.unsaved_changes() == []  # everything is in the lesson now
                assert win.open_path(0, str(lesson)), win.messages.errors
                assert win.hooks.unsaved_changes() == []
            _turn(qtbot, ms)

        # -------------------------------------------------------------- hostile files
        @rule(ms=pauses)
        def open_hostile_lesson(self, ms: int) -> None:
            """Its over-long lexicon is left out (said in the status line), its own lexicon is
            used for the lesson only: nothing installed, the question answered No."""
            users = [e.key for e in win.library.entries() if e.kind == USER]
            assert win.open_path(0, str(hostile)), win.messages.errors
            assert [e.key for e in win.library.entries() if e.kind == USER] == users
            _turn(qtbot, ms)

        @rule(ms=pauses)
        def use_over_long_lexicon(self, ms: int) -> None:
            before = list(win.settings.extra_lexicons)
            with pytest.raises(LexiconError, match="too long"):
                win.library.add_file(long_lexicon)
            assert win.settings.extra_lexicons == before
            _turn(qtbot, ms)

        # -------------------------------------------------------------- the legend
        @rule(pick=st.integers(0, 10_000), ms=pauses)
        def click_label(self, pick: int, ms: int) -> None:
            boxes = list(win.legend.label_boxes.values())
            if boxes and boxes[pick % len(boxes)].isEnabled():
                boxes[pick % len(boxes)].click()
            _turn(qtbot, ms)

        @rule(pick=st.integers(0, 10_000), ms=pauses)
        def click_category(self, pick: int, ms: int) -> None:
            boxes = list(win.legend.category_boxes.values())
            if boxes and boxes[pick % len(boxes)].isEnabled():
                boxes[pick % len(boxes)].click()
            _turn(qtbot, ms)

        @rule(pick=st.integers(0, 10_000), ms=pauses)
        def click_legend_name(self, pick: int, ms: int) -> None:
            """A click on a row's name (not its box) toggles the row, as the box does."""
            names = [name for name in win.legend.row_names.values() if name.isVisible()]
            if names:
                qtbot.mouseClick(names[pick % len(names)], Qt.MouseButton.LeftButton)
            _turn(qtbot, ms)

        @rule(ms=pauses)
        def click_all(self, ms: int) -> None:
            win.legend.all_box.click()
            _turn(qtbot, ms)

        # -------------------------------------------------------------- comparison, marks, ruler
        @rule(pick=st.integers(0, 10_000), ms=pauses)
        def activate_actor(self, pick: int, ms: int) -> None:
            comparison = win.compare.comparison
            if comparison is not None and comparison.actors:
                actor = comparison.actors[pick % len(comparison.actors)]
                win.comparison_panel.actor_activated.emit(actor)
                descriptors = [(side, d) for side in SIDES for d in actor.side(side).descriptors]
                if descriptors:
                    side, descriptor = descriptors[pick % len(descriptors)]
                    win.comparison_panel.evidence_activated.emit(side, descriptor.sentence_start,
                                                                 descriptor.sentence_end)
            _turn(qtbot, ms)

        @rule(side=st.integers(0, 1), pick=st.integers(0, 10_000), ms=pauses)
        def click_entity(self, side: int, pick: int, ms: int) -> None:
            pane = win.panes[side]
            if pane.analysis is not None and pane.analysis.entities:
                entity = pane.analysis.entities[pick % len(pane.analysis.entities)]
                win.marker.entity_clicked(pane.side, entity)
            _turn(qtbot, ms)

        @rule(side=st.integers(0, 1), fraction=st.floats(0.0, 1.0), ms=pauses)
        def click_text_and_ruler(self, side: int, fraction: float, ms: int) -> None:
            pane = win.panes[side]
            count = pane.view.document().characterCount()
            pane.view.clicked_at.emit(min(count - 1, int(fraction * count)))
            pane.ruler.jump_to_fraction(fraction)
            _turn(qtbot, ms)

        @rule(side=st.integers(0, 1), start=st.floats(0.0, 1.0), length=st.integers(1, 80), ms=pauses)
        def exercise_phrase(self, side: int, start: float, length: int, ms: int) -> None:
            pane = win.panes[side]
            if pane.document is not None:
                begin = int(start * len(pane.document.text))
                win.exercise.mark_span(pane, begin, begin + length)
            _turn(qtbot, ms)

        @rule(forward=st.booleans(), times=st.integers(1, 4), ms=pauses)
        def step_marks(self, forward: bool, times: int, ms: int) -> None:
            for _ in range(times):
                win.commands["next_mention" if forward else "previous_mention"].trigger()
            _turn(qtbot, ms)

        # -------------------------------------------------------------- how the texts are shown
        @rule(theme=st.sampled_from(sorted(styles.THEME_NAMES)), ms=pauses)
        def theme(self, theme: str, ms: int) -> None:
            win.view.set_theme(theme)
            _turn(qtbot, ms)

        @rule(zoom=st.sampled_from(["zoom_in", "zoom_out", "zoom_reset"]), times=st.integers(1, 3), ms=pauses)
        def zoom(self, zoom: str, times: int, ms: int) -> None:
            for _ in range(times):
                win.commands[zoom].trigger()
            _turn(qtbot, ms)

        @rule(ms=pauses)
        def presenter(self, ms: int) -> None:
            win.commands["presenter"].trigger()
            _turn(qtbot, ms)

        # -------------------------------------------------------------- lexicons
        @rule(key=st.sampled_from(lexicon_keys), on=st.booleans(), ms=pauses)
        def toggle_lexicon(self, key: str, on: bool, ms: int) -> None:
            win.library.set_enabled(key, on)
            win.models.apply_lexicons()
            _turn(qtbot, ms)

        # -------------------------------------------------------------- the reader's edits
        @rule(side=st.integers(0, 1), at=st.floats(0.0, 1.0), length=st.sampled_from([0, 0, 12, 300, 5000]),
              pick=st.integers(0, 10_000), ms=pauses)
        def edit_from_the_menu(self, side: int, at: float, length: int, pick: int, ms: int) -> None:
            """Right-click a random place (with a selection of `length` characters) and take one
            of the edit entries: exclude, include again, not loaded here, a label, not an entity."""
            pane = win.panes[side]
            if pane.built is None or pane.document is None:
                return
            size = len(pane.document.text)
            start = min(size - 1, int(at * size)) if size else 0
            if length:
                pane.select_span(start, min(size, start + length))
            else:
                pane.go_to(start, start)
            actions = edit_actions(pane.context_menu(pane.built.offsets.to_qt(start)))
            if actions:
                actions[pick % len(actions)].trigger()
            _turn(qtbot, ms)

        @rule(side=st.integers(0, 1), at=st.floats(0.0, 1.0), length=st.sampled_from([1, 6, 14, 40]),
              accept=st.booleans(), ms=pauses)
        def mark_as_loaded(self, side: int, at: float, length: int, accept: bool, ms: int) -> None:
            """Right-click ▸ Mark as Loaded… on a random stretch, then OK or Cancel in the dialog
            (OK writes the user's own lexicon and re-highlights; one step on the undo stack)."""
            pane = win.panes[side]
            if pane.document is None:
                return
            size = len(pane.document.text)
            start = min(max(size - 1, 0), int(at * size))
            if win.mark_loaded.start(pane, (start, min(size, start + length))):
                dialog = win.mark_loaded.dialog
                assert dialog is not None and dialog.isVisible()
                dialog.accept() if accept else dialog.reject()
            _turn(qtbot, ms)

        @rule(pick=st.integers(0, 10_000), ms=pauses)
        def click_layer_row(self, pick: int, ms: int) -> None:
            """A click on one of the legend's Reading layers boxes (it switches the View command)."""
            boxes = [widget for _row, widget in win.legend.layers.rows if isinstance(widget, QCheckBox)]
            if boxes:
                boxes[pick % len(boxes)].click()
            _turn(qtbot, ms)

        @rule(undo=st.booleans(), times=st.integers(1, 3), ms=pauses)
        def undo_redo(self, undo: bool, times: int, ms: int) -> None:
            for _ in range(times):
                win.commands["undo" if undo else "redo"].trigger()
            _turn(qtbot, ms)

        @rule(pick=st.integers(0, 10_000), ms=pauses)
        def remove_listed_edit(self, pick: int, ms: int) -> None:
            view = win.edits.view
            if view.tree.topLevelItemCount():
                view.tree.topLevelItem(pick % view.tree.topLevelItemCount()).setSelected(True)
                view.remove_button.click()
            _turn(qtbot, ms)

        # -------------------------------------------------------------- presets, welcome, guide, prompt
        @rule(preset=st.sampled_from(["reading", "comparing", "everything"]), ms=pauses)
        def legend_preset(self, preset: str, ms: int) -> None:
            """A click on one of the legend's preset buttons (the menu's are in the action table)."""
            win.legend.preset_buttons[preset].click()
            assert win.presets.current() == preset
            _turn(qtbot, ms)

        @rule(choice=st.sampled_from(["close", "open_samples", "lesson", "open_pair"]), ms=pauses)
        def welcome_choice(self, choice: str, ms: int) -> None:
            """Help ▸ Welcome, then one of the card's choices (the file dialog answers two samples)."""
            win.commands["welcome"].trigger()
            card = win.welcome.overlay.card
            with patch.object(QFileDialog, "getOpenFileNames", lambda *a, **k: (list(SAMPLES), "")):
                (card.close_button if choice == "close" else card.buttons[choice]).click()
            assert not win.welcome.shown or win.welcome.empty
            _turn(qtbot, ms)

        @rule(step=st.integers(0, 6), pick=st.integers(0, 10_000), ms=pauses)
        def guide_button(self, step: int, pick: int, ms: int) -> None:
            """Help ▸ Lesson Guide at a step, and one of its buttons (those that open no dialog)."""
            panel = win.guide.show_guide(step)
            buttons = [b for b in panel.buttons if b.objectName().removeprefix("guide-") not in MODAL and b.isEnabled()]
            if buttons:
                buttons[pick % len(buttons)].click()
            _turn(qtbot, ms)

        @rule(answer=st.sampled_from([SAVE, DISCARD, CANCEL]), side=st.integers(0, 1),
              sample=st.sampled_from(SAMPLES), ms=pauses)
        def replace_a_text_with_the_prompt(self, answer: str, side: int, sample: str, ms: int) -> None:
            """Open another text where there may be unsaved work: the prompt asks exactly then,
            and Save writes the lesson, Don't Save drops the work, Cancel keeps the text."""
            prompt, pane = win.documents.unsaved, win.panes[side]
            unsaved = win.hooks.unsaved_changes([SIDES[side]])
            before = pane.document
            asked: list[str] = []
            prompt.ask = lambda question, details: asked.append(question) or answer
            try:
                with patch.object(QFileDialog, "getSaveFileName", lambda *a, **k: (str(lesson), "")):
                    opened = win.open_path(side, sample)
            finally:
                prompt.ask = prompt._dialog
            assert bool(asked) == bool(unsaved), (asked, unsaved)
            if unsaved and answer == CANCEL:
                assert not opened and pane.document is before
            else:
                assert opened and win.hooks.unsaved_changes([SIDES[side]]) == []
            _turn(qtbot, ms)

        @rule(ms=st.sampled_from([30, 100, 300]))
        def wait(self, ms: int) -> None:
            _turn(qtbot, ms)

        @rule()
        def settle(self) -> None:
            """Wait until everything open is analysed: nothing may wait forever, the legend
            counts what the panes show and two texts get compared."""
            qtbot.waitUntil(win.analysed, timeout=WAIT_MS)
            labels = set().union(*(p.analysis.entity_counts for p in win.panes if p.analysis))
            assert set(win.legend.label_boxes) == labels
            for pane in win.panes:
                if pane.analysis is not None:
                    check_qt_highlights(pane, win.visibility.value)
            if all(p.document for p in win.panes):
                qtbot.waitUntil(lambda: win.compare.comparison is not None, timeout=WAIT_MS)

        # -------------------------------------------------------------- invariants
        @invariant()
        def master_toggle_agrees(self) -> None:
            showing = win.visibility.showing_any
            assert win.legend.all_box.isChecked() == showing
            assert win.commands["highlights"].isChecked() == showing
            value = win.visibility.value
            for label, box in win.legend.label_boxes.items():
                assert box.isChecked() == (label not in value.hidden_labels), label
            for category, box in win.legend.category_boxes.items():
                assert box.isChecked() == (category not in value.hidden_categories), category

        @invariant()
        def panes_follow_the_model(self) -> None:
            for pane in win.panes:
                if pane.settled:
                    assert pane.visibility == win.visibility.value, pane.side

        @invariant()
        def highlights_match_the_text(self) -> None:
            for pane in win.panes:
                analysis, document = pane.analysis, pane.document
                if analysis is None:
                    continue
                assert document is not None, pane.side
                assert analysis.text == document.text, pane.side
                text = document.text
                for span in (*analysis.entities, *analysis.framing):
                    assert 0 <= span.start < span.end <= len(text), span
                    assert span.text == text[span.start:span.end], span

        @invariant()
        def edits_are_applied(self) -> None:
            """A pane shows its text's edits: nothing highlighted in an excluded passage, nor a
            suppressed word; the Edits tab lists every edit; the comparison uses them."""
            rows = 0
            for pane in win.panes:
                edits = win.edits.edits(pane.side)
                rows += len(edits)
                if pane.document is None:
                    assert not edits, pane.side
                    continue
                if pane.analysis is not None and not pane.building:
                    raw = win.edits._entry(pane.side).raw
                    # the edits, and one label per name across both texts (core.comparison.agreement)
                    assert raw is None or pane.analysis == win.edits.edited(pane.side, raw), pane.side
                described = win.compare.described.get(pane.side)
                if described is not None and described.text == pane.document.text:
                    assert described.excluded == edits.excluded_ranges(), pane.side
            assert len(win.edits.view.rows) == rows

        @invariant()
        def marks_lie_in_the_text(self) -> None:
            for pane in win.panes:
                spans, current = pane.marks
                if pane.document is None:
                    assert not spans, pane.side
                    continue
                length = len(pane.document.text)
                for start, end in spans:
                    assert 0 <= start <= end <= length, (pane.side, start, end)
                assert current is None or 0 <= current < len(spans)
                if pane.built is not None and not pane.building:
                    qt_length = pane.view.document().characterCount()
                    for qt_start, qt_end, _current in pane.view.mention_spans:
                        assert 0 <= qt_start <= qt_end < qt_length, (pane.side, qt_start, qt_end)

        @invariant()
        def layers_lie_in_the_text(self) -> None:
            """Matching passages and agentless passives: inside the shown text, and no bands
            without a comparison of the texts the panes show."""
            for pane in win.panes:
                length = len(pane.document.text) if pane.document is not None else 0
                for name in ("passages", "passives"):
                    for start, end, _fmt in pane.layer(name):
                        assert 0 <= start < end <= length, (pane.side, name, start, end)
                if win.passages.alignment is None or not win.settings.matching_passages:
                    assert not pane.layer("passages"), pane.side

        @invariant()
        def panes_draw_the_navigators_marks(self) -> None:
            for pane in win.panes:
                assert pane.marks == win.marks.spans(pane.side), pane.side

        @invariant()
        def exercise_marks_are_words_of_the_texts(self) -> None:
            exercise = win.exercise
            assert win.commands["exercise"].isChecked() == exercise.active == exercise.dock.isVisibleTo(win)
            last: dict[str, int] = {}
            for mark in exercise.marks:  # sorted, whole words, never overlapping
                text = win.pane[mark.side].document.text
                assert 0 <= mark.start < mark.end <= len(text), mark
                assert text[mark.start].isalnum() or text[mark.start] == "_", (mark, text[mark.start:mark.end])
                assert mark.start > last.get(mark.side, -1), mark
                last[mark.side] = mark.end
            for pane in win.panes:
                shown = display_spans(pane.side, list(exercise.marks), exercise.result) if exercise.active else []
                assert [(s, e) for s, e, _fmt in pane.layer("exercise")] == [(x.start, x.end) for x in shown]

        @invariant()
        def layer_rows_follow_their_commands(self) -> None:
            for row, widget in win.legend.layers.rows:
                if row.action is not None:
                    assert widget.isChecked() == row.action.isChecked(), row.name

        @invariant()
        def one_preset_at_most_and_menu_and_legend_agree(self) -> None:
            menu = [k for k in ("reading", "comparing", "everything") if win.commands[f"preset_{k}"].isChecked()]
            legend = [k for k, button in win.legend.preset_buttons.items() if button.isChecked()]
            assert menu == legend == ([win.presets.current()] if win.presets.current() else [])

        @invariant()
        def the_welcome_covers_the_texts_only_when_asked_or_empty(self) -> None:
            welcome = win.welcome
            if welcome.shown:
                assert welcome.overlay.geometry() == win.caption.central.rect()
                assert welcome.asked or welcome.empty
            elif welcome.empty:
                assert welcome.closed_while_empty

        @invariant()
        def unsaved_work_belongs_to_a_text_shown(self) -> None:
            for what, sides in win.hooks.unsaved.items():
                assert sides and sides <= {"left", "right", ""}, what
                for side in sides - {""}:
                    assert win.pane[side].document is not None, (what, side)

        @invariant()
        def no_error_dialogs(self) -> None:
            assert not win.messages.errors, win.messages.errors

        def teardown(self) -> None:
            win.view.set_presenting(False)

    return RandomActions


@pytest.mark.parametrize("slow_build", [False, True], ids=["fast", "slow-build"])
@pytest.mark.parametrize("seed_value", SEEDS)
def test_random_actions_keep_the_window_consistent(qtbot, engine, engine_factory, tmp_path, monkeypatch,
                                                   seed_value, slow_build) -> None:
    """Several fixed seeds; "slow-build" builds the Qt text one line per event-loop turn (as on
    a busy machine), so analyses and lexicon changes land in the middle of builds and rebuilds."""
    assert len(SAMPLES) == 2, SAMPLES
    if slow_build:
        from framereader.ui.reading import pane as pane_module

        build = pane_module.build_steps
        monkeypatch.setattr(pane_module, "build_steps", lambda *args: build(*args, budget_s=0.0))
    settings_ = Settings(hidden_labels=[], matching_passages=True, agentless_passives=True, word_choice=True)  # Everything
    win = MainWindow(engine=engine, engine_factory=engine_factory, settings=settings_, persist=False)
    win.messages.dialogs = False  # errors are recorded in win.messages.errors instead
    qtbot.addWidget(win)
    win.resize(1200, 800)
    win.show()
    qtbot.waitUntil(lambda: win.service.ready, timeout=WAIT_MS)
    try:
        machine = fixed_seed(seed_value)(make_machine(qtbot, win, tmp_path))
        run_state_machine_as_test(machine, settings=settings(
            max_examples=EXAMPLES, stateful_step_count=STEPS, deadline=None, database=None,
            phases=(Phase.explicit, Phase.generate), print_blob=True,
            suppress_health_check=list(HealthCheck),
        ))
    finally:
        win.shutdown()


def test_legend_lists_the_labels_of_an_analysis_taken_after_the_build(qtbot, window, monkeypatch) -> None:
    """Found by the random actions: a swap (or a re-analysis arriving during a slow rebuild)
    hands a pane its analysis while the text is still being built; the legend must still list
    its labels once the build ends."""
    from framereader.ui.reading import pane as pane_module

    slow = pane_module.build_steps
    monkeypatch.setattr(pane_module, "build_steps", lambda *args: slow(*args, budget_s=0.0))  # a busy machine
    for side, path in enumerate(SAMPLES):
        assert window.open_path(side, path)
    qtbot.waitUntil(window.analysed, timeout=WAIT_MS)
    window.documents.swap()
    assert any(pane.building for pane in window.panes)  # the analyses were held back
    qtbot.waitUntil(window.analysed, timeout=WAIT_MS)
    labels = set().union(*(pane.analysis.entity_counts for pane in window.panes))
    assert labels and set(window.legend.label_boxes) == labels


def test_highlights_switched_off_stay_off_when_a_restyle_follows_at_once(qtbot, window) -> None:
    """Found by the random actions: "All highlights" off queues the clearing of the tints; a
    second restyle before it ran (an analysis arriving, a lexicon change) dropped the clearing,
    so the text stayed tinted with highlights off."""
    assert window.open_path(0, SAMPLES[0])
    qtbot.waitUntil(window.analysed, timeout=WAIT_MS)
    pane = window.panes[0]
    window.legend.all_box.click()
    assert not window.visibility.value.enabled and pane.highlighter.busy
    pane.set_style(window.book, window.visibility.value)  # what an arriving analysis does
    qtbot.waitUntil(lambda: pane.settled, timeout=WAIT_MS)
    check_qt_highlights(pane, window.visibility.value)
