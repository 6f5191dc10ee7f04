"""Switching the pipeline re-analyses; enabling a lexicon re-highlights; both persist."""

from __future__ import annotations

from pathlib import Path

from framereader.core.settings import load_settings

from ui_support import WAIT_MS, open_and_wait

SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"


def test_switching_pipeline_reanalyses_open_panes(qtbot, window) -> None:
    open_and_wait(qtbot, window, 0, SAMPLES / "a-border-crisis.md")
    assert window.panes[0].analysis.entities
    window.choose_pipeline("blank:en")
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
    window.set_extra_lexicons([str(words)])
    qtbot.waitUntil(
        lambda: window.panes[0].settled and any(f.category == "lesson-words" for f in window.panes[0].analysis.framing),
        timeout=WAIT_MS,
    )
    assert window.service.model_info is info_before or window.service.model_info == info_before
    terms = {f.term for f in window.panes[0].analysis.framing if f.category == "lesson-words"}
    assert terms == {"valley", "border"}


def test_choices_survive_a_restart(qtbot, engine, tmp_path: Path) -> None:
    from framereader.ui.main_window import MainWindow

    words = tmp_path / "w.txt"
    words.write_text("valley\n", encoding="utf-8")
    first = MainWindow(engine=engine)  # persists to the (temporary) config folder
    qtbot.addWidget(first)
    first.settings.pipeline = "blank:en"
    first.settings.extra_lexicons = [str(words)]
    first.close()
    saved, warning = load_settings()
    assert warning is None and saved.pipeline == "blank:en" and saved.extra_lexicons == [str(words)]
