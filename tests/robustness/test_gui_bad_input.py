"""Every bad-input case dropped on the GUI: shown correctly, or a clear error and the pane keeps
what it had. Never a crash or a hang."""

from __future__ import annotations

import pytest

from corpus import REFUSED

WAIT_MS = 60_000
QUICK = ["empty", "whitespace", "invalid_utf8", "utf16_le", "utf16_be", "cp1252", "latin1",
         "deep_lists", "deep_quotes", "hostile_markdown"]
LARGE = ["one_mb_line", "huge_table"]


@pytest.fixture
def gui(window):
    """The shared main window; `errors` holds (title, message) pairs."""
    return window


def _qt_text(pane) -> str:
    return pane.view.document().toPlainText()


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_refused_files_show_an_error_and_keep_the_pane(qtbot, gui, corpus, case, monkeypatch, unreadable_is_enforced) -> None:
    from test_bad_input import _simulate_unreadable

    keep = corpus["cp1252"]
    assert gui.open_path(0, str(keep))
    qtbot.waitUntil(lambda: gui.panes[0].settled, timeout=WAIT_MS)
    before = (gui.panes[0].document, _qt_text(gui.panes[0]))
    if case == "unreadable" and not unreadable_is_enforced:
        _simulate_unreadable(monkeypatch, corpus[case])
    assert not gui.open_path(0, str(corpus[case]))
    assert len(gui.errors) == 1 and str(corpus[case]) in gui.errors[0][1]
    assert (gui.panes[0].document, _qt_text(gui.panes[0])) == before


@pytest.mark.parametrize("case", QUICK)
def test_loadable_files_are_shown_and_analysed(qtbot, gui, corpus, case) -> None:
    assert gui.open_path(1, str(corpus[case]))
    pane = gui.panes[1]
    qtbot.waitUntil(lambda: pane.settled, timeout=WAIT_MS)
    assert gui.errors == []
    text = pane.document.text
    assert pane.view.document().characterCount() - 1 == pane.built.offsets.qt_length
    for span in pane.analysis.entities + pane.analysis.framing:
        assert text[span.start : span.end] == span.text


@pytest.mark.parametrize("case", LARGE)
def test_one_megabyte_texts_are_readable_at_once(qtbot, gui, corpus, case) -> None:
    assert gui.open_path(0, str(corpus[case]))
    pane = gui.panes[0]
    assert pane.document is not None and len(pane.document.text) > 1_000_000
    assert pane.view.document().characterCount() > 1  # the first part shows immediately
    qtbot.waitUntil(lambda: not pane.building, timeout=WAIT_MS)
    assert pane.view.document().characterCount() - 1 == pane.built.offsets.qt_length
    # Replaced while it is being analysed: the old job is cancelled and the new text wins.
    assert gui.open_path(0, str(corpus["cp1252"]))
    qtbot.waitUntil(lambda: pane.settled, timeout=WAIT_MS)
    assert pane.analysis.text == pane.document.text and len(pane.document.text) < 1000
    assert gui.errors == []
