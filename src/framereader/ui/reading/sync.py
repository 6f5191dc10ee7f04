"""Synchronised scrolling of two panes, aligned the way diff tools align texts of unequal length.

The anchor is a line in the viewport that slides from the top (at the start of the text) to
the bottom (at the end). The source's document point under the anchor sits at the same fraction
of the target document, under the target's anchor. Both panes therefore start together, keep
step through the middle (at half way the anchor is the middle of the viewport) and end together.

"Sync by matching passages" bends that line through sync points, like a diff tool: pairs of
document y coordinates (the starts of passages that report the same thing) that must sit on
the same line of both viewports; between them the mapping is piecewise linear.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QScrollBar

#: document y coordinates that line up: (y in the left document, y in the right document)
SyncPoints = Sequence[tuple[float, float]]


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


def _knots(points: SyncPoints, src_total: float, dst_total: float) -> list[tuple[float, float]]:
    """(0, 0), the points that lie inside both documents and keep increasing in both, then the
    two ends: the corners of a monotone piecewise-linear mapping."""
    knots = [(0.0, 0.0)]
    for a, b in sorted(points):
        if knots[-1][0] < a < src_total and knots[-1][1] < b < dst_total:
            knots.append((float(a), float(b)))
    knots.append((src_total, dst_total))
    return knots


def _interpolate(knots: list[tuple[float, float]], y: float) -> float:
    y = min(knots[-1][0], max(0.0, y))
    for (a0, b0), (a1, b1) in zip(knots, knots[1:]):
        if y <= a1:
            return b0 + (b1 - b0) * ((y - a0) / (a1 - a0) if a1 > a0 else 0.0)
    return knots[-1][1]


def map_y(y: float, points: SyncPoints, src_total: float, dst_total: float) -> float:
    """The target document y matching source document y, through the sync `points` (source
    y, target y) and the two documents' ends, linearly in between."""
    return _interpolate(_knots(points, src_total, dst_total), y)


def map_scroll_by_points(value: float, src_max: float, src_page: float, dst_max: float, dst_page: float,
                         points: SyncPoints) -> int:
    """Target scroll value for source scroll `value` when sync points (source document y, target
    document y) must line up. The anchor slides down the viewport as in `map_scroll`; the source
    point under it is mapped through the points and put under the same line of the target's
    viewport. Without points this is `map_scroll` exactly.

    Where a passage is much shorter in the target than in the source, keeping the same line
    would scroll the target backwards while the source goes forwards: the target then holds
    still (the mapping is the running maximum, so it never goes back)."""
    if src_max <= 0 or dst_max <= 0:
        return 0
    src_total = src_max + src_page
    knots = _knots(points, src_total, dst_max + dst_page)
    scale = src_total / src_max  # the anchor's document y per unit of scroll value

    def target(v: float) -> float:
        return _interpolate(knots, v * scale) - (v / src_max) * dst_page

    value = min(float(src_max), max(0.0, value))
    best = target(value)
    for a, _b in knots[1:-1]:  # the mapping is linear between knots: its maximum so far is at one
        if a / scale >= value:
            break
        best = max(best, target(a / scale))
    return round(min(dst_max, max(0.0, best)))


def document_y(document: QTextDocument, position: int) -> float:
    """Document y coordinate of the top of the line holding Qt `position` (what a scroll value
    of that size shows at the top of the viewport)."""
    block = document.findBlock(max(0, min(position, document.characterCount() - 1)))
    if not block.isValid():
        return 0.0
    top = document.documentLayout().blockBoundingRect(block).top()
    layout = block.layout()
    line = layout.lineForTextPosition(position - block.position()) if layout is not None else None
    return top + (line.y() if line is not None and line.isValid() else 0.0)


class ScrollLinker(QObject):
    """Keeps two vertical scroll bars in step while `enabled`; guards against feedback loops."""

    def __init__(self, left: QScrollBar, right: QScrollBar, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.enabled = True
        #: follow sync points (when `points` gives some) instead of the proportional position
        self.by_points = False
        self.points: Callable[[], SyncPoints | None] = lambda: None  # (left y, right y) pairs
        self._bars = (left, right)
        self._busy = False
        left.valueChanged.connect(lambda v: self._follow(0, v))
        right.valueChanged.connect(lambda v: self._follow(1, v))

    def set_enabled(self, on: bool) -> None:
        """Turn syncing on or off; turning it on aligns the right pane with the left one."""
        self.enabled = on
        if on:
            self._follow(0, self._bars[0].value())

    def set_by_points(self, on: bool) -> None:
        """Follow the sync points (matching passages) or the proportional position; the right
        pane is aligned with the left one at once."""
        self.by_points = on
        if self.enabled:
            self._follow(0, self._bars[0].value())

    def _follow(self, source: int, value: int) -> None:
        if not self.enabled or self._busy:
            return
        src, dst = self._bars[source], self._bars[1 - source]
        points = self.points() if self.by_points else None
        self._busy = True
        try:
            if points:
                pairs = points if source == 0 else [(b, a) for a, b in points]
                dst.setValue(map_scroll_by_points(value, src.maximum(), src.pageStep(), dst.maximum(),
                                                  dst.pageStep(), pairs))
            else:
                dst.setValue(map_scroll(value, src.maximum(), src.pageStep(), dst.maximum(), dst.pageStep()))
        finally:
            self._busy = False
