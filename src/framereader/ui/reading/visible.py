"""Where the viewport is in a long document, in time logarithmic in its blocks.

Qt's `QTextEdit.cursorForPosition` and `QAbstractTextDocumentLayout.hitTest` walk the blocks
from the top: with 200,000 blank lines each call took tens of milliseconds, and painting asked
once per paint, so the time to the first highlight grew with the square of the lines. Block
tops only grow down the document, so a binary search over block numbers finds the block at a
height with about twenty look-ups (`findBlockByNumber` is logarithmic, `blockBoundingRect`
constant).
"""

from __future__ import annotations

from PySide6.QtGui import QTextBlock, QTextDocument


def block_at_y(document: QTextDocument, y: float) -> QTextBlock:
    """The last block whose top is at or above document height `y` (the first block when none
    is): the block a viewport scrolled to `y` starts with. Blocks not laid out yet (an empty
    rectangle) count as below."""
    layout = document.documentLayout()
    low, high = 0, max(0, document.blockCount() - 1)
    while low < high:
        middle = (low + high + 1) // 2
        rect = layout.blockBoundingRect(document.findBlockByNumber(middle))
        if rect.height() > 0 and rect.top() <= y:
            low = middle
        else:
            high = middle - 1
    return document.findBlockByNumber(low)


def position_at_y(document: QTextDocument, y: float, x: float = 0.0) -> int:
    """The Qt position of the text at document point (x, y), like a fuzzy hit test: the line of
    the block at `y` that holds it (else its nearest line), and the character nearest `x`."""
    block = block_at_y(document, y)
    if not block.isValid():
        return 0
    layout = block.layout()
    if layout is None or layout.lineCount() == 0:
        return block.position()
    origin = layout.position()  # lines are placed relative to it (document margin, block margins)
    chosen = layout.lineAt(layout.lineCount() - 1)
    for index in range(layout.lineCount()):
        line = layout.lineAt(index)
        if origin.y() + line.y() + line.height() > y:
            chosen = line
            break
    offset = chosen.xToCursor(x - origin.x())
    return block.position() + max(0, min(offset, max(0, block.length() - 1)))


__all__ = ["block_at_y", "position_at_y"]
