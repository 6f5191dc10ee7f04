"""UI fixtures: one analysis engine per session (the trained pipeline loads once), a window
that uses it, and helpers to open texts and wait until they are analysed and highlighted."""

from __future__ import annotations

from pathlib import Path

import pytest


from ui_support import EMOJI_TEXT, MARKDOWN_TEXT, WAIT_MS, open_and_wait

SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"

@pytest.fixture
def texts(tmp_path: Path) -> dict[str, Path]:
    """Small text files: one with emoji and combining marks before entities, one Markdown."""
    emoji = tmp_path / "emoji.txt"
    emoji.write_text(EMOJI_TEXT, encoding="utf-8")
    markdown = tmp_path / "article.md"
    markdown.write_text(MARKDOWN_TEXT, encoding="utf-8")
    binary = tmp_path / "photo.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    return {"emoji": emoji, "markdown": markdown, "binary": binary, "missing": tmp_path / "nope.txt",
            "folder": tmp_path}


@pytest.fixture
def opened(qtbot, window, texts):
    """The window with the emoji text left and the Markdown text right, both highlighted."""
    open_and_wait(qtbot, window, 0, texts["emoji"])
    open_and_wait(qtbot, window, 1, texts["markdown"])
    return window


@pytest.fixture
def compared(qtbot, window):
    """The window with the bundled pair open, analysed, highlighted and compared."""
    assert window.open_path(0, str(SAMPLES / "a-border-crisis.md"))
    assert window.open_path(1, str(SAMPLES / "b-border-crisis.md"))
    qtbot.waitUntil(lambda: window.compare.comparison is not None and window.analysed(), timeout=WAIT_MS)
    return window
