"""View presets (Reading, Comparing, Everything): what each shows on a compared pair, the menu
and the legend's buttons agreeing, a hand-made view ticking none, and the first start reading
calmly; Help ▸ Legend showing and focusing the legend."""

from __future__ import annotations

from pathlib import Path

from framereader.core.platform.settings import DEFAULT_HIDDEN_LABELS, Settings
from framereader.ui.comparison.alignment_layer import LAYER as PASSAGES
from framereader.ui.comparison.passive_layer import LAYER as PASSIVES
from ui_support import open_and_wait

SAMPLES = Path(__file__).resolve().parents[3] / "resources" / "samples"


def _ticked(window) -> list[str]:
    menu = [key for key in ("reading", "comparing", "everything") if window.commands[f"preset_{key}"].isChecked()]
    legend = [key for key, button in window.legend.preset_buttons.items() if button.isChecked()]
    assert menu == legend  # the View menu and the legend's buttons agree
    return menu


def test_each_preset_shows_its_layers_and_the_menu_and_legend_follow(qtbot, compared) -> None:
    win = compared
    left = win.pane["left"]
    assert _ticked(win) == ["everything"]  # the test window shows every label and layer
    win.commands["preset_reading"].trigger()
    assert _ticked(win) == ["reading"]
    assert left.layer(PASSAGES) == [] and left.layer(PASSIVES) == [] and left.margin_bars == []
    assert win.visibility.value.hidden_labels == frozenset(DEFAULT_HIDDEN_LABELS)  # names, no numbers or dates
    assert not win.visibility.value.hidden_categories and win.visibility.showing_any
    assert not win.commands["matching_passages"].isChecked() and not win.settings.agentless_passives

    win.legend.preset_buttons["comparing"].click()  # the legend's button does what the menu does
    assert _ticked(win) == ["comparing"]
    assert left.layer(PASSAGES) and left.margin_bars and left.layer(PASSIVES) == []
    assert win.commands["matching_passages"].isChecked() and win.settings.matching_passages

    win.commands["preset_everything"].trigger()
    assert _ticked(win) == ["everything"]
    assert left.layer(PASSAGES) and left.layer(PASSIVES) and not win.visibility.value.hidden_labels
    assert win.commands["agentless_passives"].isChecked()

    win.commands["agentless_passives"].trigger()  # a layer switched by hand: the view is the reader's own
    assert _ticked(win) == []
    win.commands["preset_everything"].trigger()
    win.legend.label_boxes["PERSON"].click()  # so is a legend box
    assert _ticked(win) == []
    win.commands["preset_reading"].trigger()
    win.commands["preset_reading"].trigger()  # choosing the ticked one again keeps it ticked
    assert _ticked(win) == ["reading"]


def test_hide_all_hides_every_layer_and_the_marked_mentions(qtbot, compared) -> None:
    win = compared
    win.commands["preset_everything"].trigger()
    actor = next(a for a in win.compare.comparison.shared if a.left.count > 1)
    win.comparison_panel.actor_activated.emit(actor)
    left = win.pane["left"]
    assert left.marks[0] and left.layer(PASSAGES) and left.layer(PASSIVES) and left.margin_bars
    win.commands["hide_for_reading"].trigger()
    assert left.marks[0] == [] and left.view.mention_spans == []
    assert left.layer(PASSAGES) == [] and left.layer(PASSIVES) == [] and left.margin_bars == []
    assert win.caption.texts()[0] == "Nothing shown yet — read first"
    win.commands["show_all"].trigger()
    assert left.layer(PASSAGES) and left.layer(PASSIVES) and left.margin_bars


def test_reveal_next_skips_categories_neither_text_uses(qtbot, window) -> None:
    win = window
    news = SAMPLES.parents[1] / "tests" / "data" / "news"
    for side, name in enumerate(("025", "026")):  # a news pair: a few kinds of loaded words, not all
        open_and_wait(qtbot, win, side, news / f"{name}.txt")
    used = {c for pane in win.panes for c, n in pane.analysis.framing_counts.items() if n}
    order = win.legend_order()
    assert set(order) - used, "the lexicon has categories these texts do not use"
    win.commands["hide_for_reading"].trigger()
    revealed = []
    for _ in range(len(order) + len(win.visibility.known_labels) + 1):
        found = win.reveal.reveal_next()
        if found is None:
            break
        revealed.append(found)
    categories = [key for key in revealed if key in order]
    assert categories == [c for c in order if c in used]  # every press shows something, in legend order
    assert not win.visibility.value.hidden_categories  # the unused ones came back along the way
    assert win.visibility.hidden_count == 0


def test_the_first_start_reads_calmly_and_welcomes(qtbot, engine, monkeypatch, tmp_path) -> None:
    from framereader.core.platform import settings as settings_module
    from framereader.ui.window.main_window import MainWindow

    monkeypatch.setattr(settings_module, "settings_path", lambda: tmp_path / "settings.json")  # no file yet
    win = MainWindow(engine=engine, persist=False)
    qtbot.addWidget(win)
    win.show()
    assert win.first_start and win.welcome.shown
    assert win.presets.current() == "reading" and _ticked(win) == ["reading"]
    qtbot.waitUntil(lambda: win.service.ready, timeout=60_000)
    win.shutdown()
    known = MainWindow(engine=engine, settings=Settings(welcomed=True), persist=False)
    qtbot.addWidget(known)
    assert not known.first_start
    known.shutdown()


def test_help_legend_shows_and_focuses_the_legend(qtbot, window) -> None:
    window.legend_dock.hide()
    window.view.set_presenting(True)
    window.commands["legend"].trigger()
    assert not window.view.presenting and window.legend_dock.isVisible()
    assert window.legend.property("flash") is True
    focused = window.focusWidget()
    assert focused is not None and (focused is window.legend or window.legend.isAncestorOf(focused))
    qtbot.waitUntil(lambda: window.legend.property("flash") is False, timeout=5000)
