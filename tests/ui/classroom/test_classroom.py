"""Presenter mode and lesson sessions (save → open, also after the original files moved)."""

from __future__ import annotations

import shutil
from pathlib import Path

from framereader.core.platform.settings import Settings

from ui_support import WAIT_MS, open_and_wait

SAMPLES = Path(__file__).resolve().parents[3] / "resources" / "samples"


def test_presenter_mode_enlarges_text_hides_chrome_and_restores(qtbot, window) -> None:
    open_and_wait(qtbot, window, 0, SAMPLES / "a-border-crisis.md")
    before = window.panes[0].view.document().defaultFont().pointSizeF()
    assert window.legend_dock.isVisible() and window.statusBar().isVisible()
    window.commands["presenter"].trigger()
    assert window.view.presenting
    assert window.panes[0].view.document().defaultFont().pointSizeF() > before * 1.4
    assert not window.legend_dock.isVisible() and not window.comparison_dock.isVisible()
    assert not window.statusBar().isVisible() and not window.menuBar().isVisible()
    assert window.panes[0].header.presenting and window.caption.bar.isVisible()  # large headers, a caption
    window.commands["presenter"].trigger()
    assert not window.view.presenting
    assert window.panes[0].view.document().defaultFont().pointSizeF() == before
    assert window.legend_dock.isVisible() and window.statusBar().isVisible() and window.menuBar().isVisible()


def test_session_round_trip_survives_moved_files(qtbot, window, engine, tmp_path: Path, monkeypatch) -> None:
    from framereader.ui.window.main_window import MainWindow

    moved = tmp_path / "texts"
    moved.mkdir()
    for name in ("a-border-crisis.md", "b-border-crisis.md"):
        shutil.copy(SAMPLES / name, moved / name)
    open_and_wait(qtbot, window, 0, moved / "a-border-crisis.md")
    open_and_wait(qtbot, window, 1, moved / "b-border-crisis.md")
    window.visibility.set_label_visible("GPE", False)
    window.view.set_sync(False)
    window.view.zoom_in()
    zoom = window.settings.zoom
    session = tmp_path / "lesson.framereader"
    assert window.documents.save_lesson(str(session))
    texts = [pane.document.text for pane in window.panes]
    shutil.rmtree(moved)  # the originals are gone: the session carries the texts

    again = MainWindow(engine=engine, settings=Settings(hidden_labels=[]), persist=False)
    again.messages.dialogs = False
    qtbot.addWidget(again)
    qtbot.waitUntil(lambda: again.service.ready, timeout=WAIT_MS)
    assert again.open_path(0, str(session))
    qtbot.waitUntil(lambda: all(p.settled for p in again.panes), timeout=WAIT_MS)
    assert [pane.document.text for pane in again.panes] == texts
    assert "GPE" in again.visibility.value.hidden_labels
    assert not again.commands["sync"].isChecked()
    assert abs(again.settings.zoom - zoom) < 1e-9
    assert again.messages.errors == []
    again.shutdown()


def test_hide_all_then_reveal_one_category_at_a_time(qtbot, window) -> None:
    from ui_support import format_at

    open_and_wait(qtbot, window, 0, SAMPLES / "a-border-crisis.md")
    pane = window.panes[0]
    analysis = pane.analysis
    window.commands["hide_for_reading"].trigger()
    qtbot.waitUntil(lambda: pane.settled, timeout=WAIT_MS)

    from framereader.ui.base import styles

    def fmt(span):
        return format_at(pane.view.document(), pane.built.offsets.to_qt(span.start))

    def highlighted(span) -> bool:
        if hasattr(span, "category"):
            return fmt(span).property(styles.FRAMING_CATEGORY_PROPERTY) == span.category
        tint = window.book.entity_format(span.label).background().color()
        return fmt(span).hasProperty(fmt(span).Property.BackgroundBrush) and fmt(span).background().color() == tint

    assert not any(highlighted(s) for s in analysis.framing + analysis.entities)
    first = window.reveal.reveal_next()
    qtbot.waitUntil(lambda: pane.settled, timeout=WAIT_MS)
    assert first == window.category_order()[0]
    shown = [s for s in analysis.framing if s.category == first]
    others = [s for s in analysis.framing if s.category != first]
    assert shown and all(highlighted(s) for s in shown)
    assert not any(highlighted(s) for s in others)
    assert not any(highlighted(e) for e in analysis.entities)
    second = window.reveal.reveal_next()
    assert second == window.category_order()[1] and second not in window.visibility.value.hidden_categories


def test_theme_switch_restyles_highlights_without_reanalysis(qtbot, window) -> None:
    from framereader.ui.base import styles
    from ui_support import format_at

    open_and_wait(qtbot, window, 0, SAMPLES / "a-border-crisis.md")
    pane = window.panes[0]
    analysis = pane.analysis
    person = next(e for e in analysis.entities if e.label == "PERSON")

    def tint() -> str:
        return format_at(pane.view.document(), pane.built.offsets.to_qt(person.start)).background().color().name()

    light = tint()
    try:
        window.theme_actions["dark"].trigger()
        qtbot.waitUntil(lambda: pane.settled, timeout=WAIT_MS)
        assert pane.analysis is analysis  # restyled from the stored analysis
        assert tint() != light and tint() == window.book.entity_format("PERSON").background().color().name()
        assert styles.PAPER in window.styleSheet() and window.settings.theme == "dark"
        assert window.theme_actions["dark"].isChecked() and not window.theme_actions["light"].isChecked()
        window.theme_actions["high-contrast"].trigger()
        qtbot.waitUntil(lambda: pane.settled, timeout=WAIT_MS)
        assert styles.INK == "#000000" and tint() not in (light,)
    finally:
        window.view.set_theme("light")
    qtbot.waitUntil(lambda: pane.settled, timeout=WAIT_MS)
    assert tint() == light


def test_after_hide_all_the_master_toggle_legend_and_menu_agree_and_one_action_shows_all(qtbot, window) -> None:
    open_and_wait(qtbot, window, 0, SAMPLES / "a-border-crisis.md")
    window.commands["hide_for_reading"].trigger()
    assert not window.legend.all_box.isChecked() and not window.commands["highlights"].isChecked()
    assert not any(box.isChecked() for box in (*window.legend.label_boxes.values(), *window.legend.category_boxes.values()))
    window.commands["reveal_next"].trigger()
    assert window.legend.all_box.isChecked() == window.commands["highlights"].isChecked() == window.visibility.showing_any
    window.commands["show_all"].trigger()
    assert window.legend.all_box.isChecked() and window.commands["highlights"].isChecked()
    assert all(box.isChecked() for box in (*window.legend.label_boxes.values(), *window.legend.category_boxes.values()))


def test_marks_survive_zoom_theme_and_presenter_rebuilds(qtbot, window) -> None:
    """The lesson flow that crashed (SIGSEGV in the rebuild's restore): an actor marked from the
    comparison, then zoom, a theme change and presenter mode rebuild the text; the marks are
    drawn again on the new document."""
    open_and_wait(qtbot, window, 0, SAMPLES / "a-border-crisis.md")
    open_and_wait(qtbot, window, 1, SAMPLES / "b-border-crisis.md")
    qtbot.waitUntil(lambda: window.compare.comparison is not None, timeout=WAIT_MS)
    actor = next(a for a in window.compare.comparison.shared if a.left.count > 1)
    window.comparison_panel.actor_activated.emit(actor)
    pane = window.panes[0]
    expected = [pane.built.offsets.span_to_qt(s, e) for s, e in sorted(actor.left.mentions)]
    for step in (window.commands["zoom_in"].trigger, window.commands["zoom_in"].trigger,
                 lambda: window.view.set_theme("dark"), window.commands["presenter"].trigger,
                 window.commands["presenter"].trigger):
        step()
        qtbot.waitUntil(lambda: pane.settled, timeout=WAIT_MS)
        # the marks come last, over the drawing layers (matching passages, agentless passives)
        selections = pane.view.extraSelections()[-len(expected):]
        marked = [(s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in selections]
        assert marked == [pane.built.offsets.span_to_qt(s, e) for s, e in sorted(actor.left.mentions)] == expected
        assert all(pane.view.document().toPlainText()[a:b].strip() for a, b in marked)


def test_the_legend_explains_the_reading_layers_and_its_boxes_follow_the_view_menu(qtbot, window) -> None:
    from PySide6.QtWidgets import QCheckBox

    rows = {row.name: widget for row, widget in window.legend.layers.rows}
    assert set(rows) == {"Matching passages", "One-sided passage", "Agentless passives"}
    passives, matching = rows["Agentless passives"], rows["Matching passages"]
    assert isinstance(passives, QCheckBox) and isinstance(matching, QCheckBox)
    assert not isinstance(rows["One-sided passage"], QCheckBox) and not rows["One-sided passage"].pixmap().isNull()
    action = window.commands["agentless_passives"]
    assert passives.isChecked() == action.isChecked()
    passives.click()  # the box switches the View command, the one switch of the layer
    assert action.isChecked() == passives.isChecked() == window.settings.agentless_passives
    action.trigger()  # and follows it
    assert passives.isChecked() == action.isChecked()
    window.commands["hide_for_reading"].trigger()
    assert not passives.parentWidget().isEnabled() and not matching.parentWidget().isEnabled()
    window.commands["show_all"].trigger()
    assert matching.parentWidget().isEnabled()
    before = matching.icon().pixmap(16, 16).toImage()
    window.view.set_theme("dark")
    qtbot.waitUntil(lambda: window.legend.layers.rows[0][1].icon().pixmap(16, 16).toImage() != before, timeout=5000)
