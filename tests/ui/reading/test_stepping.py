"""View ▸ Next / Previous Loaded Word (F7 / Shift+F7): the focused text's shown loaded words,
one at a time, wrapping at the ends; hidden categories are skipped."""

from __future__ import annotations

from pathlib import Path

from ui_support import open_and_wait

TEXT = "The regime jailed critics. Its thugs broke up the protest.\n\nA brutal crackdown followed.\n"


def selected(pane) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    cursor = pane.view.textCursor()
    return pane.built.offsets.to_core(cursor.selectionStart()), pane.built.offsets.to_core(cursor.selectionEnd())


def test_f7_walks_the_shown_loaded_words_and_wraps(qtbot, window, tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    open_and_wait(qtbot, window, 0, path)
    pane = window.panes[0]
    spans = sorted((f.start, f.end) for f in pane.analysis.framing)
    assert len(spans) >= 3
    seen = []
    for _ in range(len(spans)):
        window.commands["next_loaded"].trigger()
        seen.append(selected(pane))
    assert seen == spans
    window.commands["next_loaded"].trigger()  # past the last: back to the first
    assert selected(pane) == spans[0]
    window.commands["previous_loaded"].trigger()  # before the first: the last
    assert selected(pane) == spans[-1]
    assert "Loaded word" in window.statusBar().currentMessage()

    hidden = pane.analysis.framing[0].category
    window.visibility.set_category_visible(hidden, False)
    shown = sorted((f.start, f.end) for f in pane.analysis.framing if f.category != hidden)
    window.commands["next_loaded"].trigger()
    assert selected(pane) in shown or not shown
    window.visibility.set_all(False)
    window.commands["next_loaded"].trigger()
    assert "No loaded words" in window.statusBar().currentMessage()
