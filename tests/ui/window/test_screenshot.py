"""`run_gui(..., screenshot=...)`: the CLI's --screenshot renders the analysed window to a PNG."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from framereader.ui import app as app_module


@pytest.fixture
def shared_engine(engine, monkeypatch):
    """run_gui builds its own window; make it reuse the session engine (one model load)."""
    return lambda model: engine


def test_screenshot_of_two_analysed_texts(qapp, shared_engine, texts, tmp_path: Path) -> None:
    out = tmp_path / "shot.png"
    code = app_module.run_gui(str(texts["emoji"]), str(texts["markdown"]), shared_engine, screenshot=str(out))
    assert code == 0
    image = QImage(str(out))
    assert not image.isNull()
    assert image.width() >= 1280 and image.height() >= 800


def test_screenshot_defaults_to_the_bundled_samples(qapp, shared_engine, tmp_path: Path) -> None:
    left, right = app_module.sample_paths()
    assert left and right and left.endswith("a-border-crisis.md")
    out = tmp_path / "samples.png"
    assert app_module.run_gui(None, None, shared_engine, screenshot=str(out)) == 0
    assert QImage(str(out)).width() == 1440


def test_screenshot_with_a_bad_file_fails_with_a_message(qapp, shared_engine, texts, tmp_path: Path, capsys) -> None:
    out = tmp_path / "bad.png"
    assert app_module.run_gui(str(texts["binary"]), None, shared_engine, screenshot=str(out)) == 1
    assert str(texts["binary"]) in capsys.readouterr().err
    assert not out.exists()
