"""Presenter mode explains itself (large headers, a caption bar that follows every reveal,
projector styles), the first-start layout, the reading type size, and the screenshot stage."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QColor, QImage, QKeySequence
from ui_support import WAIT_MS, open_and_wait

from framereader.core.platform.settings import READING_SIZE_MAX, Settings
from framereader.ui import app as app_module
from framereader.ui.base import styles
from framereader.ui.reading.underlines import underline_width

SAMPLES = Path(__file__).resolve().parents[3] / "resources" / "samples"


def _open_samples(qtbot, window) -> None:
    open_and_wait(qtbot, window, 0, SAMPLES / "a-border-crisis.md")
    open_and_wait(qtbot, window, 1, SAMPLES / "b-border-crisis.md")


def _settle(qtbot, window) -> None:
    qtbot.waitUntil(lambda: all(p.settled for p in window.panes), timeout=WAIT_MS)


def _distance(a: QColor, b: QColor) -> int:
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue())


def test_presenter_headers_are_large_and_the_caption_bar_shows_only_while_presenting(qtbot, window) -> None:
    _open_samples(qtbot, window)
    header = window.panes[0].header
    normal_title = header.title.font().pointSizeF()
    assert not window.caption.bar.isVisible() and header.open_button.isVisible()
    window.commands["presenter"].trigger()
    _settle(qtbot, window)
    assert header.isVisible() and header.title.font().pointSizeF() >= 1.9 * normal_title
    assert header.title.wordWrap() and not header.open_button.isVisible()
    assert header.badge.font().pointSizeF() >= 14
    assert window.caption.bar.isVisible()
    assert window.panes[0].header.full_title == window.panes[0].document.title
    window.commands["clear_marks"].trigger()  # Esc leaves presenter mode
    _settle(qtbot, window)
    assert not window.view.presenting and not window.caption.bar.isVisible()
    assert header.title.font().pointSizeF() == normal_title and header.open_button.isVisible()
    assert "Esc" in [s.toString() for s in window.commands["clear_marks"].shortcuts()]
    assert QKeySequence("F11") in window.commands["presenter"].shortcuts()


def test_presenter_byline_shows_author_outlet_and_date_only(qtbot, window) -> None:
    from framereader.core.model import Document, DocumentMeta

    meta = DocumentMeta(title="Rivers rise", author="Ana Ruiz", site="The Daily Ledger", date="2024-03-14")
    window.panes[0].set_document(Document("The river rose in Paris on Monday.\n", source="rivers.txt", meta=meta))
    header = window.panes[0].header
    assert "words" in header.meta.text() and header.title.text() == "Rivers rise"
    window.view.set_presenting(True)
    assert header.meta.text() == "Ana Ruiz  ·  The Daily Ledger  ·  2024-03-14"
    window.view.set_presenting(False)
    assert "words" in header.meta.text() and "Ana Ruiz" in header.meta.text()


def test_caption_follows_hide_reveal_and_show_all(qtbot, window) -> None:
    _open_samples(qtbot, window)
    window.view.set_presenting(True)
    caption = window.caption
    window.commands["hide_for_reading"].trigger()
    assert caption.bar.caption.text().startswith("Nothing shown yet")
    window.commands["reveal_next"].trigger()
    first = window.category_order()[0]
    name = window.book.category(first).name
    quoted = caption.settings.count_quoted  # the caption counts as the counts do: own words unless asked
    left = window.panes[0].analysis.counts(quoted).get(first, 0)
    right = window.panes[1].analysis.counts(quoted).get(first, 0)
    assert caption.bar.caption.text() == f"Now showing: {name} — {left} left · {right} right"
    assert left + right > 0
    hidden = window.visibility.hidden_count
    assert caption.bar.hint.text().startswith(f"{hidden} more hidden")
    window.commands["reveal_next"].trigger()
    second = window.category_order()[1]
    assert window.book.category(second).name in caption.bar.caption.text()
    window.visibility.set_category_visible(second, False)  # hidden again in the legend: no single reveal to name
    shown = [c for c in window.category_order() if window.visibility.value.shows_category(c)]
    assert caption.bar.caption.text().startswith(f"Now showing: {len(shown)} kind")
    window.commands["show_all"].trigger()  # one command shows everything again
    assert window.visibility.hidden_count == 0
    assert caption.bar.caption.text().startswith("Now showing: everything")
    total = sum(window.panes[0].analysis.own_counts().get(c, 0) for c in window.category_order())  # the writer's words
    assert f"{total} loaded words left" in caption.bar.caption.text()
    window.view.set_presenting(False)


def test_projector_styles_thicker_underlines_and_lighter_entity_tints(qtbot, window) -> None:
    _open_samples(qtbot, window)
    paper = QColor(styles.PAPER)
    normal_tint = window.book.entity_format("PERSON").background().color()
    normal_width = underline_width(window.panes[0].view.scale)
    window.view.set_presenting(True)
    _settle(qtbot, window)
    assert styles.PROJECTOR
    assert [p.view.verticalScrollBar().value() for p in window.panes] == [0, 0]  # the start stays the start
    presenter_tint = window.book.entity_format("PERSON").background().color()
    assert _distance(presenter_tint, paper) < _distance(normal_tint, paper)  # lighter: underlines stay visible
    assert underline_width(window.panes[0].view.scale) >= max(4.0, normal_width * 1.5)
    assert underline_width(0.5) >= 4.0  # a larger minimum on the projector
    window.view.set_presenting(False)
    _settle(qtbot, window)
    assert not styles.PROJECTOR
    assert window.book.entity_format("PERSON").background().color() == normal_tint


def test_closing_while_presenting_remembers_the_desk_zoom_and_docks(qtbot, window) -> None:
    window.view.set_presenting(True)
    assert window.settings.zoom > 1.5
    window.shutdown()
    assert window.settings.zoom == 1.0 and not window.view.presenting
    assert window.settings.window_state


def test_first_start_fills_the_screen_and_opens_the_comparison_tall_enough_for_eight_rows(qtbot, engine) -> None:
    from framereader.ui.comparison.panel import OPENING_ROWS
    from framereader.ui.window.layout import DOCK_MAX_SHARE
    from framereader.ui.window.main_window import MainWindow

    win = MainWindow(engine=engine, settings=Settings(), persist=False)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    area = win.screen().availableGeometry()
    assert win.width() >= 0.85 * area.width() and win.height() >= 0.85 * area.height()
    table = win.comparison_panel.table
    rows = OPENING_ROWS * table.verticalHeader().defaultSectionSize() + table.horizontalHeader().height()
    # eight rows of the actor table show, unless that would take more than 40 % of the window
    qtbot.waitUntil(lambda: table.height() >= rows or win.comparison_dock.height() >= (DOCK_MAX_SHARE - 0.02) * win.height(),
                    timeout=5000)
    assert win.comparison_dock.height() <= (DOCK_MAX_SHARE + 0.02) * win.height()
    assert win.panes[0].height() >= 0.4 * win.height()  # the texts keep the rest
    assert win.comparison_dock.isVisible()
    # the legend runs the window's full height on the right, beside the comparison
    assert win.legend_dock.geometry().bottom() > win.comparison_dock.geometry().top()
    win.shutdown()


def test_at_a_laptop_size_eight_rows_show_and_nothing_in_the_dock_is_cut(qtbot, engine) -> None:
    from framereader.ui.comparison.panel import OPENING_ROWS
    from framereader.ui.window.main_window import MainWindow

    win = MainWindow(engine=engine, settings=Settings(), persist=False)
    qtbot.addWidget(win)
    win.resize(1440, 900)
    win.show()
    win.fit_docks()
    qtbot.waitExposed(win)
    table = win.comparison_panel.table
    rows = OPENING_ROWS * table.verticalHeader().defaultSectionSize() + table.horizontalHeader().height()
    qtbot.waitUntil(lambda: table.viewport().height() + table.horizontalHeader().height() >= rows, timeout=5000)
    header = table.horizontalHeader()
    for column in range(table.columnCount()):  # every header reads whole
        item = table.horizontalHeaderItem(column)
        assert header.sectionSize(column) >= header.fontMetrics().horizontalAdvance(item.text()), item.text()
    win.shutdown()


def test_dock_layout_is_remembered_and_a_damaged_state_is_ignored(qtbot, engine) -> None:
    from framereader.ui.window.main_window import MainWindow

    settings = Settings()
    first = MainWindow(engine=engine, settings=settings, persist=False)
    qtbot.addWidget(first)
    first.show()
    first.comparison_dock.hide()
    first.shutdown()
    again = MainWindow(engine=engine, settings=Settings.from_dict(settings.to_dict()), persist=False)
    qtbot.addWidget(again)
    again.show()
    assert not again.comparison_dock.isVisible() and again.legend_dock.isVisible()
    again.shutdown()
    damaged = Settings.from_dict({"window_state": "AAAA", "window_geometry": "AAEC"})
    third = MainWindow(engine=engine, settings=damaged, persist=False)
    qtbot.addWidget(third)
    third.show()
    assert third.comparison_dock.isVisible() and third.width() > 600
    third.shutdown()
    assert Settings.from_dict({"window_state": "not base64!"}).window_state == ""


def test_reading_type_size_applies_to_both_panes_keeps_the_place_and_persists(qtbot, window) -> None:
    from framereader.ui.lexicons.preferences import PreferencesDialog

    _open_samples(qtbot, window)
    view = window.panes[0].view
    window.resize(1200, 500)
    qtbot.waitUntil(lambda: view.verticalScrollBar().maximum() > 300, timeout=5000)
    window.panes[0].go_to(1500, 1501)
    before = window.panes[0].built.offsets.to_core(view.cursorForPosition(view.viewport().rect().topLeft()).position())
    size = window.panes[1].view.document().defaultFont().pointSizeF()
    dialog = PreferencesDialog(window.settings, [], {}, parent=window)
    assert dialog.chosen_reading_size() == window.settings.reading_size == 12.5
    dialog.size_spin.setValue(16.0)
    window.models.apply_preferences(dialog)
    _settle(qtbot, window)
    assert window.settings.reading_size == 16.0
    for pane in window.panes:
        assert pane.view.document().defaultFont().pointSizeF() > size * 1.2
    after = window.panes[0].built.offsets.to_core(view.cursorForPosition(view.viewport().rect().topLeft()).position())
    assert abs(after - before) < 400  # still reading the same passage
    window.view.set_reading_size(99)
    assert window.settings.reading_size == READING_SIZE_MAX
    assert Settings.from_dict({"reading_size": 1000}).reading_size == READING_SIZE_MAX
    assert Settings.from_dict({"reading_size": "big"}).reading_size == 12.5
    window.view.set_reading_size(12.5)


def test_screenshot_stage_presenter_after_one_reveal(qapp, engine, tmp_path: Path) -> None:
    out = tmp_path / "presenter.png"
    stage = app_module.Stage(presenter=True, reveal=1)
    assert app_module.run_gui(None, None, lambda model: engine, screenshot=str(out), stage=stage) == 0
    assert QImage(str(out)).width() == 1440
    assert not styles.PROJECTOR  # the window left presenter mode when it closed


def test_reveal_needs_a_screenshot(capsys) -> None:
    from framereader.cli import main

    assert main(["--reveal", "2"]) == 2
    assert "--reveal needs --screenshot" in capsys.readouterr().err


def test_f11_enters_and_esc_leaves_presenter_mode_by_key(qtbot, window) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    open_and_wait(qtbot, window, 0, SAMPLES / "a-border-crisis.md")
    window.activateWindow()
    window.panes[0].view.setFocus()
    QTest.keyClick(window.panes[0].view, Qt.Key.Key_F11)
    assert window.view.presenting and not window.menuBar().isVisible()
    window.panes[0].view.setFocus()
    QTest.keyClick(window.panes[0].view, Qt.Key.Key_Escape)
    assert not window.view.presenting and window.menuBar().isVisible()
    QTest.keyClick(window.panes[0].view, Qt.Key.Key_F11)
    QTest.keyClick(window.panes[0].view, Qt.Key.Key_F11)  # F11 again leaves too
    assert not window.view.presenting
