"""The overview ruler: a thin strip beside a pane's scroll bar with a mark for every highlight.

Entities are marked in the left half (label colour), framing terms in the right half (category
colour), at the y of the span in the document layout (by character fraction while layout is
not ready). The visible region is a translucent band; clicking jumps there.
"""

from __future__ import annotations

from bisect import bisect_left
from operator import itemgetter

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QTextDocument
from PySide6.QtWidgets import QTextEdit, QWidget

from ..base import styles

Mark = tuple[int, QColor, int]  # (Qt position, colour, lane 0 = entity / 1 = framing)


def position_fraction(document: QTextDocument, position: int) -> float:
    """Vertical position of `position` as a fraction of the laid-out document height."""
    height = document.documentLayout().documentSize().height()
    block = document.findBlock(position)
    if height > 0 and block.isValid():
        rect = document.documentLayout().blockBoundingRect(block)
        layout = block.layout()
        if rect.height() > 0 and layout is not None and layout.lineCount() > 0:
            line = layout.lineForTextPosition(position - block.position())
            y = rect.y() + (line.y() + line.height() / 2 if line.isValid() else 0.0)
            return min(1.0, max(0.0, y / height))
    count = max(1, document.characterCount())
    return min(1.0, max(0.0, position / count))


class OverviewRuler(QWidget):
    """Paints marks for one QTextEdit and scrolls it on click."""

    WIDTH = 14

    def __init__(self, editor: QTextEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._editor = editor
        #: per lane: (ascending Qt positions, their colours)
        self._lanes: tuple[tuple[list[int], list[QColor]], ...] = (([], []), ([], []))
        self._mentions: list[int] = []  # Qt positions of marked mentions
        self._rows: dict[tuple[int, int], QColor] | None = None  # (row, lane) -> colour, cached
        self._cached_height = -1
        #: the first Qt position of each pixel row, and what it was measured for: marks change
        #: far more often (each analysis, each visibility switch) than the layout does
        self._bounds: list[int] = []
        self._bounds_key: tuple[float, ...] = ()
        self.setFixedWidth(self.WIDTH)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip("Overview: entity marks on the left, framing terms on the right. Click to jump.")
        bar = editor.verticalScrollBar()
        bar.valueChanged.connect(self.update)
        bar.rangeChanged.connect(self.update)
        editor.document().documentLayout().documentSizeChanged.connect(self.invalidate)

    def sizeHint(self) -> QSize:
        return QSize(self.WIDTH, 100)

    def set_marks(self, marks: list[Mark]) -> None:
        """Replace the marks (Qt positions) and repaint."""
        lanes = []
        for lane in (0, 1):
            ordered = sorted((mark for mark in marks if mark[2] == lane), key=itemgetter(0))
            lanes.append(([mark[0] for mark in ordered], [mark[1] for mark in ordered]))
        self.set_lanes(*lanes)

    def set_lanes(self, entities: tuple[list[int], list[QColor]], framing: tuple[list[int], list[QColor]]) -> None:
        """Replace the marks, given per lane as (ascending Qt positions, colours), and repaint.
        (The pane's spans are already in order: no tuple per mark, no sorting.)"""
        self._lanes = (entities, framing)
        self.invalidate()

    def set_mentions(self, positions: list[int]) -> None:
        """Marked mentions of one name, drawn across the whole strip."""
        self._mentions = positions
        self.update()

    def marks(self) -> list[Mark]:
        """Every mark as (Qt position, colour, lane), by lane then position."""
        return [(position, colour, lane) for lane, (positions, colours) in enumerate(self._lanes)
                for position, colour in zip(positions, colours)]

    def invalidate(self, *_args: object) -> None:
        """Forget cached rows (document layout or marks changed)."""
        self._rows = None
        self.update()

    def visible_band(self) -> tuple[float, float]:
        """The visible part of the document as (top, bottom) fractions."""
        bar = self._editor.verticalScrollBar()
        total = bar.maximum() + bar.pageStep()
        if total <= 0:
            return 0.0, 1.0
        return bar.value() / total, (bar.value() + bar.pageStep()) / total

    def _track(self) -> tuple[float, float]:
        """Top and height of the painting area (a little inset)."""
        return 3.0, max(1.0, self.height() - 6.0)

    def _compute_rows(self) -> dict[tuple[int, int], QColor]:
        """One colour per (pixel row, lane): the last mark whose text lies in that row.

        The layout is sampled at no more than one block per pixel row (every block of a short
        text) and positions in between are interpolated by character, as within a block; each lane's sorted positions are
        then bisected once per row. The cost depends on the ruler's height, not on the number
        of marks or blocks (60,000 marks in a 1 MB text: a few milliseconds).
        """
        rows: dict[tuple[int, int], QColor] = {}
        if not (self._lanes[0][0] or self._lanes[1][0]):
            return rows
        top, height = self._track()
        first_row, last_row = int(top), int(top + height)
        document = self._editor.document()
        key = (top, height, document.characterCount(), document.documentLayout().documentSize().height())
        if key != self._bounds_key:
            self._bounds, self._bounds_key = self._row_starts(top, height, first_row, last_row), key
        bounds = self._bounds
        for lane, (positions, colours) in enumerate(self._lanes):
            if not positions:
                continue
            for index in range(len(bounds) - 1):
                last = bisect_left(positions, bounds[index + 1]) - 1  # the last mark before the next row
                if last >= 0 and positions[last] >= bounds[index]:
                    rows[(first_row + index, lane)] = colours[last]
        return rows

    def _row_starts(self, top: float, height: float, first_row: int, last_row: int) -> list[int]:
        """The first Qt position shown at each pixel row first_row..last_row, then one past the end."""
        document = self._editor.document()
        layout = document.documentLayout()
        total = layout.documentSize().height()
        count = max(1, document.characterCount())
        rows = range(first_row, last_row + 1)
        if total <= 0:  # not laid out yet: by character fraction
            return [round((row - top) / height * count) for row in rows] + [count + 1]
        blocks = document.blockCount()
        probes = max(1, min(blocks, len(rows)))
        sample_positions: list[int] = []  # block starts and ends, with their y
        sample_ys: list[float] = []
        for index in range(probes):
            block = document.findBlockByNumber(index * (blocks - 1) // max(1, probes - 1))
            rect = layout.blockBoundingRect(block)
            sample_positions += (block.position(), block.position() + block.length())
            sample_ys += (rect.y(), rect.y() + rect.height())
        sample_positions.append(count)
        sample_ys.append(max(total, sample_ys[-1]))
        starts: list[int] = []
        index = 0
        for row in rows:
            y = (row - top) / height * total
            while index + 2 < len(sample_ys) and sample_ys[index + 1] <= y:
                index += 1
            y0, y1 = sample_ys[index], sample_ys[index + 1]
            p0, p1 = sample_positions[index], sample_positions[index + 1]
            fraction = min(1.0, max(0.0, (y - y0) / (y1 - y0))) if y1 > y0 else 0.0
            starts.append(p0 + round(fraction * (p1 - p0)))
        starts[0] = 0
        starts.append(count + 1)
        return starts

    def paintEvent(self, event: QPaintEvent) -> None:  # Qt API
        if self._rows is None or self._cached_height != self.height():
            self._rows = self._compute_rows()
            self._cached_height = self.height()
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(styles.CHROME))
        painter.setPen(QColor(styles.RULE))
        painter.drawLine(0, 0, 0, self.height())
        half = (self.WIDTH - 3) / 2
        for (row, lane), colour in self._rows.items():
            painter.fillRect(QRectF(2 + lane * half, row - 1, half - 0.5, 3), colour)
        top, height = self._track()
        if self._mentions:
            document = self._editor.document()
            painter.setPen(Qt.PenStyle.NoPen)
            for position in self._mentions:
                y = top + position_fraction(document, position) * height
                painter.fillRect(QRectF(1, y - 1.5, self.WIDTH - 1, 3), QColor(styles.CURRENT_OUTLINE))
        band_top, band_bottom = self.visible_band()
        band = QRectF(1, top + band_top * height, self.WIDTH - 2, max(6.0, (band_bottom - band_top) * height))
        painter.setPen(QColor(47, 93, 138, 160))
        painter.setBrush(QColor(47, 93, 138, 45))
        painter.drawRoundedRect(band, 2, 2)
        painter.end()

    def _fraction_at(self, y: float) -> float:
        """Document fraction under `y`; the last and first few pixels snap to the ends."""
        top, height = self._track()
        if y >= top + height - 5:
            return 1.0
        if y <= top + 5:
            return 0.0
        return (y - top) / height

    def mousePressEvent(self, event: QMouseEvent) -> None:  # Qt API
        if event.button() == Qt.MouseButton.LeftButton:
            self.jump_to_fraction(self._fraction_at(event.position().y()))
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # Qt API
        if event.buttons() & Qt.MouseButton.LeftButton:
            self.jump_to_fraction(self._fraction_at(event.position().y()))
        super().mouseMoveEvent(event)

    def jump_to_fraction(self, fraction: float) -> None:
        """Centre the viewport on `fraction` of the document."""
        bar = self._editor.verticalScrollBar()
        fraction = min(1.0, max(0.0, fraction))
        if fraction >= 1.0:
            bar.setValue(bar.maximum())
            return
        bar.setValue(round(fraction * (bar.maximum() + bar.pageStep()) - bar.pageStep() / 2))
