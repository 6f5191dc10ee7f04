"""The welcome panel: over the empty window, gone when texts open, back when they close; its
three choices (two texts, the sample pair, the lesson) do what the menu entries do; closing it on
the first start is remembered."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QLabel

from framereader.ui.welcome.panel import ABOUT, CHOICES
from ui_support import WAIT_MS

SAMPLES = Path(__file__).resolve().parents[3] / "resources" / "samples"


def test_the_empty_window_welcomes_and_a_text_puts_the_panel_away(qtbot, window) -> None:
    welcome = window.welcome
    assert welcome.shown and welcome.overlay.geometry() == window.caption.central.rect()
    card = welcome.overlay.card
    texts = [label.text() for label in card.findChildren(QLabel)]
    assert ABOUT in texts and ABOUT.count(". ") + ABOUT.endswith(".") == 2  # what it shows in two sentences
    assert [card.buttons[key].text() for key, _text, _tip in CHOICES] == [
        "Open two texts…", "Open the sample pair", "Start the ten-minute lesson"]
    assert window.open_path(0, str(SAMPLES / "a-border-crisis.md"))
    assert not welcome.shown
    window.documents.focused = "left"
    window.commands["close"].trigger()
    assert welcome.shown  # empty again
    card.close_button.click()
    assert not welcome.shown and window.settings.welcomed
    window.commands["welcome"].trigger()  # Help ▸ Welcome
    assert welcome.shown


def test_open_the_sample_pair_from_the_panel(qtbot, window) -> None:
    window.welcome.overlay.card.buttons["open_samples"].click()
    assert [Path(p.document.source).name for p in window.panes] == ["a-border-crisis.md", "b-border-crisis.md"]
    assert not window.welcome.shown


def test_open_two_texts_asks_for_two_files_at_once(qtbot, window, monkeypatch) -> None:
    chosen = [str(SAMPLES / "b-border-crisis.md"), str(SAMPLES / "a-border-crisis.md")]
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: (chosen, ""))
    window.welcome.overlay.card.buttons["open_pair"].click()
    assert [p.document.source for p in window.panes] == chosen  # the first on the left
    assert not window.welcome.shown


def test_start_the_lesson_opens_the_guide_with_the_sample_pair(qtbot, window) -> None:
    window.welcome.overlay.card.buttons["lesson"].click()
    assert all(pane.document is not None for pane in window.panes)
    assert window.guide.dock is not None and window.guide.dock.isVisible()
    assert window.guide.panel.index == 0 and not window.welcome.shown
    qtbot.waitUntil(lambda: window.compare.comparison is not None, timeout=WAIT_MS)


def test_the_first_start_welcomes_over_the_texts_until_closed(qtbot, engine, monkeypatch, tmp_path) -> None:
    from framereader.core.platform import settings as settings_module
    from framereader.ui.window.main_window import MainWindow

    monkeypatch.setattr(settings_module, "settings_path", lambda: tmp_path / "settings.json")
    win = MainWindow(engine=engine)
    win.messages.dialogs = False
    qtbot.addWidget(win)
    win.show()
    assert win.open_path(0, str(SAMPLES / "a-border-crisis.md"))
    assert win.welcome.shown  # the very first start: shown over the text until closed
    win.welcome.overlay.card.close_button.click()
    assert not win.welcome.shown and win.settings.welcomed
    win.shutdown()
    again = MainWindow(engine=engine, persist=False)  # the settings say it was seen
    qtbot.addWidget(again)
    assert not again.first_start and again.settings.welcomed
    again.shutdown()
