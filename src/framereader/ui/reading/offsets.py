"""The one place where core code-point offsets and Qt UTF-16 positions are converted.

Core spans count Python code points; a QTextDocument counts UTF-16 units, where every character
outside the Basic Multilingual Plane (most emoji, some CJK) takes two. The text builder inserts
the core text unchanged (each "\\n" becomes one block separator, also one unit), so a Qt
position is the core offset plus the number of astral characters before it.
"""

from __future__ import annotations

import re
from bisect import bisect_left

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class OffsetMap:
    """Per-document conversion table, built once from the core text."""

    __slots__ = ("_astral", "_astral_qt", "core_length", "qt_length")

    def __init__(self, text: str) -> None:
        #: code-point offsets of astral characters, ascending
        self._astral: list[int] = [m.start() for m in _ASTRAL.finditer(text)]
        #: their Qt (UTF-16) start positions
        self._astral_qt: list[int] = [cp + i for i, cp in enumerate(self._astral)]
        self.core_length = len(text)
        self.qt_length = len(text) + len(self._astral)

    def to_qt(self, offset: int) -> int:
        """Qt position of core offset `offset` (0 ≤ offset ≤ len(text))."""
        if not self._astral:
            return offset
        return offset + bisect_left(self._astral, offset)

    def to_core(self, position: int) -> int:
        """Core offset at Qt position `position`; inside a surrogate pair, the character's start."""
        if not self._astral:
            return position
        # Each astral character starting before `position` shifts it by one; one that starts
        # exactly at position - 1 (so `position` is its low surrogate) maps to its own start.
        return position - bisect_left(self._astral_qt, position)

    def span_to_qt(self, start: int, end: int) -> tuple[int, int]:
        """Qt [start, end) of a core [start, end)."""
        return self.to_qt(start), self.to_qt(end)

    def span_to_core(self, start: int, end: int) -> tuple[int, int]:
        """Core [start, end) of a Qt [start, end)."""
        return self.to_core(start), self.to_core(end)


def utf16_length(text: str) -> int:
    """Length of `text` in UTF-16 units."""
    return len(text) + sum(1 for _ in _ASTRAL.finditer(text))
