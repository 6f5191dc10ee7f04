"""The window appears before the model is loaded, shortcuts reach their actions, the worker
thread stops cleanly, and the PySide6 refcount work-around holds."""

from __future__ import annotations

import sys
import threading

from PySide6.QtCore import QTimer, Qt
from PySide6.QtTest import QTest

from framereader.core.platform.settings import Settings
from framereader.ui.window.main_window import MainWindow
from ui_support import WAIT_MS


def test_text_shows_before_the_model_is_ready_and_highlights_follow(qtbot, engine, texts) -> None:
    release = threading.Event()

    def slow_factory(model):
        release.wait(10)
        return engine

    win = MainWindow(engine_factory=slow_factory, settings=Settings(), persist=False)
    qtbot.addWidget(win)
    win.show()
    assert win.isVisible() and not release.is_set() and not win.service.ready  # shown before the model loads
    assert win.open_path(0, str(texts["emoji"]))
    pane = win.panes[0]
    assert pane.document is not None and pane.analysis is None
    assert pane.view.document().characterCount() == pane.built.offsets.qt_length + 1  # plain text is there
    assert "waiting" in pane.header.meta.text()
    assert win.status.bar.isVisible() or win.status.bar.isVisibleTo(win)
    release.set()
    qtbot.waitUntil(lambda: pane.settled, timeout=WAIT_MS)
    assert pane.analysis.entities
    thread = win.service._thread
    win.close()
    assert not thread.isRunning()


def test_model_load_failure_is_reported(qtbot, monkeypatch) -> None:
    from framereader.core.errors import PipelineError

    def broken(model):
        raise PipelineError("en_core_web_nonexistent", "is not an installed spaCy pipeline.")

    win = MainWindow(engine_factory=broken, settings=Settings(), persist=False)
    win.messages.dialogs = False
    errors = win.messages.errors
    qtbot.addWidget(win)
    qtbot.waitUntil(lambda: bool(errors), timeout=WAIT_MS)
    assert "en_core_web_nonexistent" in errors[0][1]
    win.close()


def test_f3_key_reaches_the_next_mention_action(qtbot, opened) -> None:
    win = opened
    text = win.panes[0].document.text
    win.marks.mark([(text.index("Berlin"), text.index("Berlin") + 6)], [], "Berlin")
    win.activateWindow()
    win.panes[0].view.setFocus()
    fired = []
    win.commands["next_mention"].triggered.connect(lambda: fired.append(True))
    QTest.keyClick(win.panes[0].view, Qt.Key.Key_F3)
    assert fired, "F3 did not reach the action"
    assert win.panes[0].view.textCursor().position() == win.panes[0].built.offsets.to_qt(text.index("Berlin"))


def test_settings_are_saved_on_close(qtbot, engine, texts) -> None:
    from framereader.core.platform.settings import load_settings

    win = MainWindow(engine=engine)
    qtbot.addWidget(win)
    qtbot.waitUntil(lambda: win.service.ready, timeout=WAIT_MS)
    win.open_path(1, str(texts["markdown"]))
    win.view.set_sync(False)
    win.visibility.set_label_visible("GPE", False)
    win.view.zoom_in()
    win.close()
    saved, warning = load_settings()
    assert warning is None
    assert saved.recent_files and saved.recent_files[0].endswith("article.md")
    assert not saved.sync_scrolling and "GPE" in saved.hidden_labels and saved.zoom > 1.0
    assert saved.window_geometry and saved.splitter_state
    again = MainWindow(engine=engine)  # and they come back
    qtbot.addWidget(again)
    assert not again.commands["sync"].isChecked() and "GPE" in again.visibility.value.hidden_labels
    again.close()


def test_many_qt_calls_do_not_leak_references_to_none(qapp) -> None:
    """PySide6 6.12.0 dropped a reference to None on every void call and aborted Python 3.11;
    pyproject excludes it. This fails (or aborts) if such a binding is installed again."""
    timer = QTimer()
    before = sys.getrefcount(None)
    for _ in range(200_000):
        timer.setInterval(5)
    assert abs(sys.getrefcount(None) - before) < 1000


def test_a_new_window_loads_the_language_model_in_the_background(qtbot, monkeypatch, engine) -> None:
    from framereader.core.documents import language
    from framereader.core.platform.settings import Settings
    from framereader.ui.window.main_window import MainWindow

    monkeypatch.setattr(language, "_identifier", None)
    monkeypatch.setattr(language, "_mapped", None)
    assert not language.is_loaded()
    window = MainWindow(engine=engine, settings=Settings(), persist=False)
    qtbot.addWidget(window)
    qtbot.waitUntil(language.is_loaded, timeout=30_000)  # without any text opened, soon after the start
    window.shutdown()


def test_every_command_is_in_a_menu_once_with_its_own_shortcuts(window) -> None:
    """What the features declare, as the real window collects it: every command reachable from a
    menu, no shortcut shared by two commands, Undo/Redo following the stack."""
    from PySide6.QtWidgets import QMenu

    def walk(menu: QMenu) -> list[str]:
        found = []
        for action in menu.actions():
            if action.menu() is not None:
                found += walk(action.menu())
            elif action.objectName():
                found.append(action.objectName())
        return found

    in_menus = [name for top in window.menuBar().actions() for name in walk(top.menu())]
    assert set(window.commands) <= set(in_menus)
    keys = [k.toString() for a in window.commands.values() for k in a.shortcuts()]
    assert len(keys) == len(set(keys)), "two commands share a shortcut"
    assert not window.commands["undo"].isEnabled()
