"""Shared test set-up: offscreen Qt, isolated user dirs, and one trained pipeline per session."""

from __future__ import annotations

import os
from collections.abc import Iterator

# Qt aborts without a display unless told to render offscreen; set before any Qt import.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest


@pytest.fixture(autouse=True)
def isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Point config/data/cache dirs at a temp folder so tests never touch the real ones."""
    home = tmp_path_factory.mktemp("userdirs")
    monkeypatch.setenv("FRAMEREADER_HOME", str(home))
    yield home


@pytest.fixture(scope="session")
def trained_pipeline():
    """The default trained pipeline, loaded once per test session (CPU is scarce)."""
    from framereader.core.nlp.pipeline import load_pipeline

    return load_pipeline(None)


@pytest.fixture(scope="session")
def engine(trained_pipeline):
    """The real engine (trained pipeline + bundled lexicons), shared by every test that needs it."""
    from framereader.core.nlp.engine import Engine
    from framereader.core.lexicons.files import bundled_lexicon_paths, load_lexicon

    engine = Engine(trained_pipeline, [load_lexicon(p) for p in bundled_lexicon_paths()])
    BUNDLED_LEXICON_HASH[:] = [engine.lexicon_hash]
    return engine


BUNDLED_LEXICON_HASH: list[str] = [""]  # the session engine's lexicons as created


@pytest.fixture(autouse=True)
def engine_keeps_bundled_lexicons(request: pytest.FixtureRequest) -> Iterator[None]:
    """A test that switched the session engine's lexicons (a window's Lexicons dialog, Bundled
    Lexicons Only, a settings file naming others) must not hand them to the next test."""
    yield
    if "engine" in request.fixturenames:
        engine = request.getfixturevalue("engine")
        if engine.lexicon_hash != BUNDLED_LEXICON_HASH[0]:
            engine.use_lexicon_files(None)


@pytest.fixture(scope="session")
def engine_factory(engine):
    """What the entry point gives the window: the session engine for the default pipeline,
    a newly loaded one for any other (tests switch to "blank:en", which loads at once)."""
    from framereader.core.nlp.engine import Engine

    return lambda name: engine if not name else Engine.create(model=name)


@pytest.fixture
def window(qtbot, engine, engine_factory, monkeypatch) -> Iterator:
    """A MainWindow using the session engine, with every label visible and errors captured."""
    from framereader.core.platform.settings import Settings
    from framereader.ui.window.main_window import MainWindow

    engine.use_lexicon_files(None)  # the session engine starts every window with the bundled lexicons
    win = MainWindow(engine=engine, engine_factory=engine_factory, settings=Settings(hidden_labels=[]), persist=False)
    win.messages.dialogs = False  # errors are recorded in win.messages.errors instead
    win.errors = win.messages.errors  # type: ignore[attr-defined]
    qtbot.addWidget(win)
    win.resize(1200, 800)
    win.show()
    qtbot.waitUntil(lambda: win.service.ready, timeout=60_000)
    yield win
    win.shutdown()
