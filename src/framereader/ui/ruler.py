"""The overview ruler: a thin strip beside a pane's scroll bar with a mark for every highlight.

Entities are marked in the left half (label colour), framing terms in the right half (category
colour), at the y of the span in the document layout (by character fraction while layout is
not ready). The visible region is a translucent band; clicking jumps there.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QTextDocument
from PySide6.QtWidgets import QTextEdit, QWidget

from . import styles

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
        self._marks: list[Mark] = []
        self._mentions: list[int] = []  # Qt positions of marked mentions
        self._rows: dict[tuple[int, int], QColor] | None = None  # (row, lane) -> colour, cached
        self._cached_height = -1
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
        self._marks = marks
        self.invalidate()

    def set_mentions(self, positions: list[int]) -> None:
        """Marked mentions of one name, drawn across the whole strip."""
        self._mentions = positions
        self.update()

    def marks(self) -> list[Mark]:
        return list(self._marks)

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
        """One colour per (pixel row, lane). Marks are visited in position order and the layout is
        asked once per block (not once per mark), so 60,000 marks cost a few milliseconds."""
        top, height = self._track()
        document = self._editor.document()
        layout = document.documentLayout()
        total = layout.documentSize().height()
        count = max(1, document.characterCount())
        rows: dict[tuple[int, int], QColor] = {}
        block = document.firstBlock()
        block_end, y0, span = -1, 0.0, 0.0
        for position, colour, lane in sorted(self._marks, key=lambda mark: mark[0]):
            if total <= 0:
                fraction = position / count
            else:
                if position > block_end:
                    block = document.findBlock(position)
                    if not block.isValid():
                        continue
                    rect = layout.blockBoundingRect(block)
                    block_end = block.position() + block.length() - 1
                    y0, span = rect.y(), rect.height()
                within = (position - block.position()) / max(1, block.length())
                fraction = min(1.0, max(0.0, (y0 + within * span) / total))
            rows[(int(top + fraction * height), lane)] = colour
        return rows

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
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

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        if event.button() == Qt.MouseButton.LeftButton:
            self.jump_to_fraction(self._fraction_at(event.position().y()))
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
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
