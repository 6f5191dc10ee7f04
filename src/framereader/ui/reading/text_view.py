"""The read-only text view of a pane: selection, entity clicks, drops, tooltips, a context
menu that behaviour objects extend, and the painted underlines and mention boxes."""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt, Signal
from PySide6.QtGui import (QColor, QContextMenuEvent, QDragEnterEvent, QDropEvent, QHelpEvent, QMouseEvent,
                           QPainter, QPaintEvent, QResizeEvent)
from PySide6.QtWidgets import QMenu, QTextEdit, QToolTip, QWidget

from ..base import styles
from .underlines import paint_framing_underlines, paint_mention_boxes

class ReaderView(QTextEdit):
    """Read-only, selectable text with drop support, entity clicks and span tooltips."""

    files_dropped = Signal(list)
    clicked_at = Signal(int)  # Qt position of a plain left click (no selection made)
    focused = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Reader")
        self.setReadOnly(True)
        self.setAcceptRichText(False)
        self.setUndoRedoEnabled(False)
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QTextEdit.Shape.NoFrame)
        self.describe = lambda position: ""  # set by the pane: tooltip HTML for a Qt position
        self.max_text_width = 0.0  # 0 = no limit
        self.scale = 1.0  # zoom factor (underline thickness)
        self.empty_hint = ""  # shown centred while the document is empty
        self.mention_spans: list[tuple[int, int, bool]] = []  # Qt spans outlined as marked mentions
        self._press: QPoint | None = None
        self.build_menu: Callable[[int], QMenu] | None = None  # set by the pane: its context menu

    def position_at(self, point: QPoint | QPointF) -> int:
        """Qt position of the character under a viewport point, or -1 off the text."""
        offset = QPointF(self.horizontalScrollBar().value(), self.verticalScrollBar().value())
        return self.document().documentLayout().hitTest(QPointF(point) + offset, Qt.HitTestAccuracy.ExactHit)

    def update_margins(self) -> None:
        """Centre the text in wide panes so lines keep a comfortable length."""
        frame = self.document().rootFrame()
        fmt = frame.frameFormat()
        margin = self.document().documentMargin()
        side = margin
        if self.max_text_width > 0:
            side = max(margin, (self.viewport().width() - self.max_text_width) / 2)
        if abs(fmt.leftMargin() - side) > 2:
            fmt.setLeftMargin(side)
            fmt.setRightMargin(side)
            frame.setFrameFormat(fmt)

    def paintEvent(self, event: QPaintEvent) -> None:  # Qt API
        super().paintEvent(event)
        painter = QPainter(self.viewport())
        if self.document().isEmpty() and self.empty_hint:
            self._paint_empty_hint(painter)
        paint_framing_underlines(self, painter, self.scale)
        if self.mention_spans:
            paint_mention_boxes(self, painter, self.mention_spans, self.scale)
        painter.end()

    def _paint_empty_hint(self, painter: QPainter) -> None:
        """A calm, centred invitation in an empty pane."""
        rect = self.viewport().rect().adjusted(40, 0, -40, 0)
        painter.setPen(QColor(styles.INK_MUTED))
        painter.setFont(styles.ui_font(15.0, bold=True))
        title_rect = rect.adjusted(0, 0, 0, -rect.height() // 2 - 4)
        painter.drawText(title_rect, int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom), "No text yet")
        painter.setFont(styles.ui_font(11.0))
        body_rect = rect.adjusted(0, rect.height() // 2 + 8, 0, 0)
        painter.drawText(body_rect, int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap),
                         self.empty_hint)

    def resizeEvent(self, event: QResizeEvent) -> None:  # Qt API
        super().resizeEvent(event)
        self.update_margins()

    def viewportEvent(self, event: QEvent) -> bool:  # Qt API
        if event.type() == QEvent.Type.ToolTip:
            event = cast(QHelpEvent, event)  # a ToolTip event is a QHelpEvent
            position = self.position_at(event.pos())
            text = self.describe(position) if position >= 0 else ""
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # Qt API
        if self.build_menu is None:
            super().contextMenuEvent(event)
            return
        menu = self.build_menu(self.position_at(event.pos()))
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(event.globalPos())

    def focusInEvent(self, event) -> None:  # Qt API
        super().focusInEvent(event)
        self.focused.emit()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # Qt API
        self._press = event.position().toPoint() if event.button() == Qt.MouseButton.LeftButton else None
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # Qt API
        super().mouseReleaseEvent(event)
        press, self._press = self._press, None
        if (
            press is not None
            and event.button() == Qt.MouseButton.LeftButton
            and (event.position().toPoint() - press).manhattanLength() < 4
            and not self.textCursor().hasSelection()
        ):
            position = self.position_at(event.position())
            if position >= 0:
                self.clicked_at.emit(position)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # Qt API
        if event.mimeData().hasUrls():
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:  # Qt API
        if event.mimeData().hasUrls():
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # Qt API
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.files_dropped.emit(paths)
        else:
            event.ignore()
