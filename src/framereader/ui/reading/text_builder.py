"""Build a QTextDocument from a core Document with QTextCursor inserts.

Each line of the core text (split at "\\n") becomes one Qt block, so the Qt text is the core text
with U+2029 where core has "\\n" and every core offset has a known Qt position (`OffsetMap`).
Block kinds and Markdown emphasis set the base formats; the list of base format operations is
kept so highlights can be cleared later without losing emphasis.
"""

from __future__ import annotations

import time
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

from PySide6.QtGui import QColor, QFont, QTextBlockFormat, QTextCharFormat, QTextCursor, QTextDocument

from ...core.model import Block, Document
from ..base import styles
from .offsets import OffsetMap

#: Characters QTextCursor.insertText turns into a block separator (U+2029), one unit each.
QT_BLOCK_BREAKS = frozenset("\n\r\u2029\ufdd0\ufdd1")


class FormatOp(NamedTuple):
    """Set (or merge) `fmt` on Qt positions [start, end)."""

    start: int
    end: int
    fmt: QTextCharFormat
    merge: bool


@dataclass
class BuiltText:
    """What the builder knows about the Qt document it filled."""

    document: Document
    offsets: OffsetMap
    base_ops: list[FormatOp] = field(default_factory=list)
    scale: float = 1.0


def qt_char(core_char: str) -> str:
    """The character the Qt document holds for a core character."""
    return "\u2029" if core_char in QT_BLOCK_BREAKS else core_char


class _Formats:
    """Block and char formats per block kind, created once per build."""

    def __init__(self, scale: float) -> None:
        self.scale = scale
        self._block: dict[tuple[str, int, bool, bool], QTextBlockFormat] = {}
        self._char: dict[tuple[str, int], QTextCharFormat] = {}
        self.unit = styles.BASE_POINT_SIZE * scale * 96 / 72  # one em in pixels

    def char(self, kind: str, level: int) -> QTextCharFormat:
        key = (kind if kind in ("heading", "quote", "code") else "body", level if kind == "heading" else 0)
        fmt = self._char.get(key)
        if fmt is None:
            fmt = QTextCharFormat()
            fmt.setFontFamilies(styles.READER_FAMILIES)
            fmt.setFontPointSize(styles.BASE_POINT_SIZE * self.scale)
            fmt.setForeground(QColor(styles.INK))
            if kind == "heading":
                fmt.setFontFamilies(styles.UI_FAMILIES)
                fmt.setFontPointSize(styles.BASE_POINT_SIZE * self.scale * styles.HEADING_SCALE.get(level, 1.0))
                fmt.setFontWeight(QFont.Weight.Bold)
                fmt.setForeground(QColor(styles.HEADING_INK))
            elif kind == "quote":
                fmt.setForeground(QColor(styles.QUOTE_INK))
            elif kind == "code":
                fmt.setFontFamilies(styles.MONO_FAMILIES)
                fmt.setFontPointSize(styles.BASE_POINT_SIZE * self.scale * 0.88)
            self._char[key] = fmt
        return fmt

    def block(self, kind: str, level: int, first: bool, last: bool) -> QTextBlockFormat:
        key = (kind, level, first, last)
        fmt = self._block.get(key)
        if fmt is not None:
            return fmt
        em = self.unit
        fmt = QTextBlockFormat()
        fmt.setLineHeight(styles.LINE_HEIGHT_PERCENT, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        top = bottom = 0.0
        if kind == "heading":
            fmt.setLineHeight(125.0, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
            top, bottom = (1.1 * em if level <= 2 else 0.8 * em), 0.45 * em
        elif kind == "paragraph":
            bottom = 0.75 * em
        elif kind == "list_item":
            indent = 1.6 * em * max(1, level)
            fmt.setLeftMargin(indent)
            fmt.setTextIndent(-1.0 * em)  # hanging bullet
            bottom = 0.35 * em
        elif kind == "quote":
            fmt.setLeftMargin(1.4 * em * max(1, level))
            fmt.setRightMargin(1.0 * em)
            fmt.setBackground(QColor(styles.QUOTE_TINT))
            top, bottom = 0.2 * em, 0.2 * em
        elif kind == "code":
            fmt.setLineHeight(120.0, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
            fmt.setBackground(QColor(styles.CODE_TINT))
            fmt.setLeftMargin(0.6 * em)
            bottom = 0.0
        elif kind == "blank":
            fmt.setLineHeight(0.35 * em, QTextBlockFormat.LineHeightTypes.FixedHeight.value)
        fmt.setTopMargin(top if first else 0.0)
        fmt.setBottomMargin(bottom if last else 0.0)
        if kind in ("quote", "code") and last:
            # keep the tint tight to the text, and put the gap after it instead
            fmt.setBottomMargin(0.75 * em)
        self._block[key] = fmt
        return fmt

    def emphasis(self, kind: str) -> QTextCharFormat:
        key = ("emphasis:" + kind, 0)
        fmt = self._char.get(key)
        if fmt is None:
            fmt = QTextCharFormat()
            if kind == "em":
                fmt.setFontItalic(True)
            elif kind == "strong":
                fmt.setFontWeight(QFont.Weight.Bold)
            elif kind == "code":
                fmt.setFontFamilies(styles.MONO_FAMILIES)
                fmt.setFontPointSize(styles.BASE_POINT_SIZE * self.scale * 0.9)
                fmt.setBackground(QColor(styles.CODE_TINT))
            elif kind == "link":
                fmt.setForeground(QColor(styles.LINK_INK))
            self._char[key] = fmt
        return fmt


def _block_at(blocks: tuple[Block, ...], starts: list[int], offset: int) -> Block | None:
    """The block whose [start, end] holds `offset`, if any."""
    index = bisect_right(starts, offset) - 1
    if index >= 0 and blocks[index].start <= offset <= blocks[index].end:
        return blocks[index]
    return None


#: Insertion time per building step (see `build_steps`). A view attached to the document lays
#: out the inserted text when the step's edit block ends, which costs about eight times as much,
#: so 0.5 ms of inserting makes steps of roughly 5 ms (measured: the total does not change with
#: the step size). Two panes building at once run up to four steps between two timer ticks.
BUILD_BUDGET_S = 0.0005
#: Emphasis formats are applied in edit blocks covering at most this many positions.
EMPHASIS_SPAN = 10_000


def build_document(qdoc: QTextDocument, document: Document, scale: float = 1.0) -> BuiltText:
    """Replace the contents of `qdoc` with `document`; returns the offset map and base formats."""
    built = None
    for built in build_steps(qdoc, document, scale, budget_s=None):
        pass
    assert isinstance(built, BuiltText)
    return built


def build_steps(
    qdoc: QTextDocument, document: Document, scale: float = 1.0, budget_s: float | None = BUILD_BUDGET_S
) -> Iterator[BuiltText | None]:
    """Build `qdoc` from `document` in steps: yields None each time `budget_s` is spent (so a
    1 MB text never blocks the event loop for long; the text shows as it grows) and finally
    the BuiltText. With `budget_s=None` it yields only the BuiltText."""
    deadline = None if budget_s is None else time.perf_counter() + budget_s
    text = document.text
    offsets = OffsetMap(text)
    formats = _Formats(scale)
    blocks = tuple(sorted(document.blocks, key=lambda b: (b.start, b.end)))
    starts = [b.start for b in blocks]
    ops: list[FormatOp] = []

    qdoc.setUndoRedoEnabled(False)
    qdoc.clear()
    qdoc.setDefaultFont(styles.reader_font(scale))
    qdoc.setDocumentMargin(max(8.0, 22.0 * scale))
    cursor = QTextCursor(qdoc)
    cursor.beginEditBlock()
    line_start = 0
    run: tuple[int, QTextCharFormat] | None = None  # consecutive lines sharing a char format
    lines = text.split("\n")
    for index, line in enumerate(lines):
        line_end = line_start + len(line)
        block = _block_at(blocks, starts, line_start)
        if block is None:
            kind, level, first, last = ("blank" if not line.strip() else "paragraph"), 0, True, True
        else:
            kind, level = block.kind, block.level
            first, last = line_start <= block.start, line_end >= block.end
        block_fmt = formats.block(kind, level, first, last)
        char_fmt = formats.char(kind, level)
        if index == 0:
            cursor.setBlockFormat(block_fmt)
            cursor.setBlockCharFormat(char_fmt)
        else:
            cursor.insertBlock(block_fmt, char_fmt)
        if line:
            cursor.insertText(line, char_fmt)
        qt_start = offsets.to_qt(line_start)
        if run is None or run[1] is not char_fmt:
            if run is not None:
                ops.append(FormatOp(run[0], qt_start, run[1], False))
            run = (qt_start, char_fmt)
        line_start = line_end + 1
        if deadline is not None and index + 1 < len(lines) and time.perf_counter() > deadline:
            cursor.endEditBlock()
            yield None
            deadline = time.perf_counter() + (budget_s or 0.0)
            cursor.beginEditBlock()
    cursor.endEditBlock()
    if run is not None:
        ops.append(FormatOp(run[0], offsets.qt_length + 1, run[1], False))  # + final separator

    emphasis_ops = [
        FormatOp(*offsets.span_to_qt(e.start, e.end), formats.emphasis(e.kind), True)
        for e in document.emphasis
        if 0 <= e.start < e.end <= len(text)
    ]
    # One edit block per group of nearby operations (Qt re-lays-out from the first to the last
    # change of a block), a step ending when the time is spent.
    last_position = qdoc.characterCount() - 1
    group_start = -1
    cursor.beginEditBlock()
    for op in emphasis_ops:
        if group_start < 0:
            group_start = op.start
        elif op.start < group_start or op.end > group_start + EMPHASIS_SPAN:
            cursor.endEditBlock()
            if deadline is not None and time.perf_counter() > deadline:
                yield None
                deadline = time.perf_counter() + (budget_s or 0.0)
            cursor.beginEditBlock()
            group_start = op.start
        apply_op(cursor, op, last_position)
    cursor.endEditBlock()
    ops.extend(emphasis_ops)
    yield BuiltText(document, offsets, ops, scale)


def apply_ops(cursor: QTextCursor, ops: list[FormatOp]) -> None:
    """Apply format operations through `cursor` (no edit block handling)."""
    last = cursor.document().characterCount() - 1
    for op in ops:
        apply_op(cursor, op, last)


def apply_op(cursor: QTextCursor, op: FormatOp, last: int) -> None:
    """Apply one format operation, clipped to the document's last position `last`."""
    start, end, fmt, merge = op
    end = min(end, last)
    if end <= start:
        return
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    if merge:
        cursor.mergeCharFormat(fmt)
    else:
        cursor.setCharFormat(fmt)
