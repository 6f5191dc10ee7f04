"""Synchronised scrolling of two panes, aligned the way diff tools align texts of unequal length.

The anchor is a line in the viewport that slides from the top (at the start of the text) to
the bottom (at the end). The source's document point under the anchor sits at the same fraction
of the target document, under the target's anchor. Both panes therefore start together, keep
step through the middle (at half way the anchor is the middle of the viewport) and end together.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QScrollBar


def map_scroll(value: float, src_max: float, src_page: float, dst_max: float, dst_page: float) -> int:
    """Target scroll value for source scroll `value` (scroll ranges [0, max], viewport `page`).

    With t = value / src_max the anchor sits at t·page in each viewport; the source point under
    it is at fraction (value + t·src_page) / (src_max + src_page) = t of the source document,
    and putting fraction t of the target under its anchor needs t·dst_max. Ends and middle
    line up exactly; in between the panes move at rates proportional to their lengths.
    """
    if src_max <= 0 or dst_max <= 0:
        return 0
    t = min(1.0, max(0.0, value / src_max))
    anchor_src = value + t * src_page  # document y under the anchor in the source
    fraction = anchor_src / (src_max + src_page)
    target = fraction * (dst_max + dst_page) - t * dst_page
    return round(min(dst_max, max(0.0, target)))


class ScrollLinker(QObject):
    """Keeps two vertical scroll bars in step while `enabled`; guards against feedback loops."""

    def __init__(self, left: QScrollBar, right: QScrollBar, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.enabled = True
        self._bars = (left, right)
        self._busy = False
        left.valueChanged.connect(lambda v: self._follow(0, v))
        right.valueChanged.connect(lambda v: self._follow(1, v))

    def set_enabled(self, on: bool) -> None:
        """Turn syncing on or off; turning it on aligns the right pane with the left one."""
        self.enabled = on
        if on:
            self._follow(0, self._bars[0].value())

    def _follow(self, source: int, value: int) -> None:
        if not self.enabled or self._busy:
            return
        src, dst = self._bars[source], self._bars[1 - source]
        self._busy = True
        try:
            dst.setValue(map_scroll(value, src.maximum(), src.pageStep(), dst.maximum(), dst.pageStep()))
        finally:
            self._busy = False
