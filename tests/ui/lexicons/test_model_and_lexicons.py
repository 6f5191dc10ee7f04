"""Switching the pipeline re-analyses; enabling a lexicon re-highlights; both persist."""

from __future__ import annotations

from pathlib import Path

from framereader.core.platform.settings import load_settings

from ui_support import WAIT_MS, open_and_wait

SAMPLES = Path(__file__).resolve().parents[3] / "resources" / "samples"


def test_switching_pipeline_reanalyses_open_panes(qtbot, window) -> None:
    open_and_wait(qtbot, window, 0, SAMPLES / "a-border-crisis.md")
    assert window.panes[0].analysis.entities
    window.models.choose_pipeline("blank:en")
    qtbot.waitUntil(lambda: window.service.model_info is not None and window.service.model_info.name == "blank:en",
                    timeout=WAIT_MS)
    qtbot.waitUntil(lambda: window.panes[0].settled and window.panes[0].analysis.model.name == "blank:en",
                    timeout=WAIT_MS)
    analysis = window.panes[0].analysis
    assert analysis.entities == () and analysis.framing  # framing still works on a blank pipeline
    assert window.settings.pipeline == "blank:en"


def test_enabling_a_lexicon_rehighlights_without_reloading(qtbot, window, tmp_path: Path) -> None:
    open_and_wait(qtbot, window, 0, SAMPLES / "a-border-crisis.md")
    info_before = window.service.model_info
    words = tmp_path / "lesson-words.txt"
    words.write_text("valley\nborder\n", encoding="utf-8")
    window.models.set_extra_lexicons([str(words)])
    qtbot.waitUntil(
        lambda: window.panes[0].settled and any(f.category == "lesson-words" for f in window.panes[0].analysis.framing),
        timeout=WAIT_MS,
    )
    assert window.service.model_info is info_before or window.service.model_info == info_before
    terms = {f.term for f in window.panes[0].analysis.framing if f.category == "lesson-words"}
    assert terms == {"valley", "border"}


def test_every_setting_survives_a_restart(qtbot, engine, tmp_path: Path) -> None:
    from framereader.ui.window.main_window import MainWindow

    words = tmp_path / "w.txt"
    words.write_text("valley\n", encoding="utf-8")
    first = MainWindow(engine=engine)  # reads and writes the (temporary) config folder
    qtbot.addWidget(first)
    first.resize(720, 520)  # inside the offscreen screen (800 × 600)
    first.show()
    qtbot.waitUntil(lambda: first.service.ready, timeout=WAIT_MS)
    assert first.open_path(0, str(SAMPLES / "a-border-crisis.md"))
    first.view.zoom_in()
    first.view.set_theme("high-contrast")
    first.view.set_sync(False)
    first.visibility.set_label_visible("PERSON", False)
    first.visibility.set_category_visible("fear_threat", False)
    first.settings.pipeline = "blank:en"
    first.models.set_extra_lexicons([str(words)])
    bundled_key = first.library.entries()[0].key
    first.library.set_enabled(bundled_key, False)
    first.splitter.setSizes([200, 400])
    sizes, zoom = first.splitter.sizes(), first.settings.zoom
    first.close()

    saved, warning = load_settings()
    assert warning is None
    second = MainWindow(engine=engine)
    qtbot.addWidget(second)
    second.show()
    try:
        assert second.settings == saved
        assert second.settings.recent_files == [str((SAMPLES / "a-border-crisis.md").resolve())]
        assert abs(second.settings.zoom - zoom) < 1e-9 and second.panes[0].scale == second.settings.zoom
        assert second.settings.theme == "high-contrast" and second.theme_actions["high-contrast"].isChecked()
        assert not second.linker.enabled and not second.commands["sync"].isChecked()
        assert "PERSON" in second.visibility.value.hidden_labels
        assert "fear_threat" in second.visibility.value.hidden_categories
        assert second.settings.pipeline == "blank:en"
        assert second.library.enabled_paths() == [str(words.resolve())]
        assert second.size().width() == 720 and second.splitter.sizes() == sizes
    finally:
        second.shutdown()
        from framereader.ui.base import styles

        styles.apply_theme("light")


def test_a_corrupt_settings_file_starts_with_defaults_and_says_so(qtbot, engine) -> None:
    from framereader.core.platform.settings import Settings, settings_path
    from framereader.ui.window.main_window import MainWindow

    settings_path().write_text('{"zoom": 1.4, "theme": ', encoding="utf-8")
    win = MainWindow(engine=engine)
    qtbot.addWidget(win)
    try:
        assert win.settings == Settings()
        assert "damaged" in win.statusBar().currentMessage() and str(settings_path()) in win.statusBar().currentMessage()
    finally:
        win.shutdown()
