"""Shared constants and helpers for the UI tests (imported by conftest and test modules)."""

from __future__ import annotations

from pathlib import Path

WAIT_MS = 60_000

EMOJI_TEXT = (
    "Students 😀 cheered. Cafe\u0301 owners said President Marek Holloway visited Berlin on Monday. "
    "Holloway's regime denied it.\n\n"
    "北京 \xa0 👩\u200d👩\u200d👧 The so-called vote in Paris was a sham, Holloway said.\n"
)
MARKDOWN_TEXT = (
    "# The Holloway regime\n\n"
    "*By a reporter* in **Berlin**.\n\n"
    "- NATO met in Paris.\n"
    "- Holloway said the so-called vote was fair.\n\n"
    "> Marek Holloway visited Berlin.\n"
)


def open_and_wait(qtbot, win, side: int, path: Path | str) -> None:
    """Open `path` in pane `side` and wait until it is analysed and fully highlighted."""
    assert win.open_path(side, str(path))
    qtbot.waitUntil(lambda: win.panes[side].settled, timeout=WAIT_MS)


def format_at(qdoc, position: int):
    """The QTextCharFormat of the character at Qt `position` (found by fragment, so it works
    on either half of a surrogate pair)."""
    block = qdoc.findBlock(position)
    it = block.begin()
    while not it.atEnd():
        fragment = it.fragment()
        it += 1
        if fragment.position() <= position < fragment.position() + fragment.length():
            return fragment.charFormat()
    return block.charFormat()


def utf16_units(text: str) -> list[str]:
    """`text` as a list of UTF-16 code units (astral characters give two)."""
    data = text.encode("utf-16-le", "surrogatepass")
    return [data[i : i + 2].decode("utf-16-le", "surrogatepass") for i in range(0, len(data), 2)]


def qt_text(qdoc, start: int, end: int) -> list[str]:
    """The Qt document's code units in [start, end)."""
    return [qdoc.characterAt(position) for position in range(start, end)]


def long_text(paragraphs: int, name: str) -> str:
    """A long plain text so panes can scroll."""
    return "\n\n".join(
        f"Paragraph {i}. {name} met officials from NATO in Paris to discuss the regime and the border."
        for i in range(paragraphs)
    ) + "\n"


def highlight_menu_action(win, text: str):
    """The View ▸ Show Highlights For entry named `text`, as the menu shows it when opened."""
    menu = win.menus["highlights_for"]
    menu.aboutToShow.emit()
    return next(action for action in menu.actions() if action.text() == text)
