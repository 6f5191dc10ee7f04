"""Framing underlines painted over the text: thicker than Qt's 1 px underline and in five
styles (solid, dashed, dotted, double, wavy) so categories stay apart in grey-scale too.

The char format is the single source of truth: a fragment carrying
`styles.FRAMING_COLOUR_PROPERTY` gets an underline; resetting formats removes it.
"""

from __future__ import annotations

import math
from collections.abc import Iterator

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QTextBlock, QTextLayout, QTextLine
from PySide6.QtWidgets import QTextEdit

from ..base import styles

_DASHES = {"dashed": [3.0, 1.6], "dotted": [0.9, 1.1]}


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop white space at the end of [start, end) (a span that wraps keeps its words only)."""
    while end > start and text[end - 1 : end].isspace():
        end -= 1
    return start, end


def _line_pieces(layout: QTextLayout, text: str, start: int, end: int) -> Iterator[tuple[QTextLine, float, float]]:
    """Per laid-out line of a block, the part of block-local [start, end) on it, trailing white
    space trimmed: (line, left x, right x) in the layout's coordinates."""
    for index in range(layout.lineCount()):
        line = layout.lineAt(index)
        a, b = _trim(text, max(start, line.textStart()), min(end, line.textStart() + line.textLength()))
        if a >= b:
            continue
        x1, x2 = line.cursorToX(a)[0], line.cursorToX(b)[0]  # type: ignore[index]  # PySide6 stubs: (x, pos) typed as object
        yield line, min(x1, x2), max(x1, x2)


def paint_underline(painter: QPainter, colour: QColor, style: str, x1: float, x2: float, y: float, width: float) -> None:
    """Draw one underline segment from x1 to x2 at baseline offset y."""
    if x2 <= x1:
        return
    pen = QPen(colour, width)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    if style == "wavy":
        amplitude, period = width * 0.9, width * 3.2
        path = QPainterPath(QPointF(x1, y))
        steps = max(2, int((x2 - x1) / 1.5))
        for step in range(1, steps + 1):
            x = x1 + (x2 - x1) * step / steps
            path.lineTo(QPointF(x, y + amplitude * math.sin((x - x1) / period * 2 * math.pi)))
        painter.strokePath(path, pen)
    elif style == "double":
        pen.setWidthF(max(1.0, width * 0.55))
        painter.setPen(pen)
        painter.drawLine(QPointF(x1, y - width * 0.55), QPointF(x2, y - width * 0.55))
        painter.drawLine(QPointF(x1, y + width * 0.75), QPointF(x2, y + width * 0.75))
    else:
        if style in _DASHES:
            pen.setDashPattern(_DASHES[style])
        painter.setPen(pen)
        painter.drawLine(QPointF(x1, y), QPointF(x2, y))


def _paint_block(painter: QPainter, block: QTextBlock, origin: QPointF, width: float) -> None:
    layout = block.layout()
    if layout is None or layout.lineCount() == 0:
        return
    base = layout.position() + origin
    block_start = block.position()
    block_text = block.text()
    it = block.begin()
    while not it.atEnd():
        fragment = it.fragment()
        it += 1
        fmt = fragment.charFormat()
        colour = fmt.property(styles.FRAMING_COLOUR_PROPERTY)
        if not isinstance(colour, QColor):
            continue
        style = fmt.property(styles.FRAMING_STYLE_PROPERTY) or "solid"
        thickness = width * 0.6 if fmt.property(styles.FRAMING_QUOTED_PROPERTY) else width
        start = fragment.position() - block_start
        end = start + fragment.length()
        for line, left, right in _line_pieces(layout, block_text, start, end):
            y = base.y() + line.y() + line.ascent() + max(2.0, line.descent() * 0.55)
            paint_underline(painter, colour, str(style), base.x() + left, base.x() + right, y, thickness)


#: (minimum width in pixels, pixels per zoom step) of a framing underline, at the desk and on
#: a projector (where thin lines vanish: thicker, with a larger minimum)
NORMAL_WIDTH = (1.5, 2.0)
PROJECTOR_WIDTH = (4.0, 2.5)


def underline_width(scale: float) -> float:
    """The pen width of framing underlines at zoom `scale` (thicker in presenter mode)."""
    minimum, per_scale = PROJECTOR_WIDTH if styles.PROJECTOR else NORMAL_WIDTH
    return max(minimum, per_scale * scale)


def paint_framing_underlines(view: QTextEdit, painter: QPainter, scale: float = 1.0) -> None:
    """Paint the underlines of every framing fragment visible in `view`'s viewport."""
    document = view.document()
    layout = document.documentLayout()
    offset = QPointF(-view.horizontalScrollBar().value(), -view.verticalScrollBar().value())
    visible = QRectF(view.viewport().rect()).translated(-offset)
    block = document.findBlock(view.cursorForPosition(view.viewport().rect().topLeft()).position())
    width = underline_width(scale)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    while block.isValid():
        rect = layout.blockBoundingRect(block)
        if rect.top() > visible.bottom():
            break
        if rect.bottom() >= visible.top():
            _paint_block(painter, block, offset, width)
        block = block.next()


def span_rects(view: QTextEdit, start: int, end: int) -> list[QRectF]:
    """Viewport rectangles covering Qt positions [start, end), one per laid-out line."""
    document = view.document()
    offset = QPointF(-view.horizontalScrollBar().value(), -view.verticalScrollBar().value())
    rects: list[QRectF] = []
    block = document.findBlock(start)
    while block.isValid() and block.position() < end:
        layout = block.layout()
        if layout is not None:
            base = layout.position() + offset
            a, b = start - block.position(), end - block.position()
            for line, left, right in _line_pieces(layout, block.text(), a, b):
                top = base.y() + line.y() + (line.height() - line.ascent() - line.descent()) / 2
                rects.append(QRectF(base.x() + left, top, right - left, line.ascent() + line.descent()))
        block = block.next()
    return rects


def paint_mention_boxes(view: QTextEdit, painter: QPainter, spans: list[tuple[int, int, bool]], scale: float = 1.0) -> None:
    """Outline marked mentions (a strong frame for the current one) so they stand out from tints."""
    visible = QRectF(view.viewport().rect())
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for start, end, current in spans:
        colour = QColor(styles.CURRENT_OUTLINE if current else styles.MARK_OUTLINE)
        painter.setPen(QPen(colour, (2.6 if current else 1.6) * max(1.0, scale)))
        for rect in span_rects(view, start, end):
            if rect.intersects(visible):
                painter.drawRoundedRect(rect.adjusted(-2, -1, 2, 1), 3, 3)
