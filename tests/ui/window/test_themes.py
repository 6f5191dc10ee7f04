"""Every theme keeps its chrome readable: a highlighted menu item, and scroll bars in the theme."""

from __future__ import annotations

import pytest

from framereader.ui.base import styles


def _luminance(colour: str) -> float:
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("theme", ["light", "dark", "high-contrast"])
def test_highlighted_menu_items_and_scroll_bars_follow_the_theme(theme: str) -> None:
    try:
        styles.apply_theme(theme)
        sheet = styles.APP_STYLESHEET
        assert _contrast(styles.SELECTED_BG, styles.SELECTED_INK) >= 4.5  # WCAG AA for text
        assert f"QMenu::item:selected {{ background: {styles.SELECTED_BG}; color: {styles.SELECTED_INK}; }}" in sheet
        assert f"QScrollBar:vertical, QScrollBar:horizontal {{ background: {styles.CHROME};" in sheet
    finally:
        styles.apply_theme("light")
