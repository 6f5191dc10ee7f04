"""The legend's "Reading layers" rows: what the passage bands, the hatching and the dotted
passives mean, each with a swatch drawn from the layer's own format and, for a layer the View
menu switches, a check box that follows that command (the command stays the one switch)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QAction, QColor, QIcon, QPainter, QPixmap, QTextCharFormat
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ..base import styles
from ..reading.layers import LayerRow
from ..reading.underlines import paint_underline


def format_swatch(formats: Sequence[QTextCharFormat], size: int = 16) -> QIcon:
    """The formats' backgrounds side by side (a band, hatching…), with a dotted underline when a
    format has one, on the reading paper so faint tints read as they do in the text."""
    pixmap = QPixmap(size * 2, size * 2)
    pixmap.setDevicePixelRatio(2.0)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    box = QRectF(1, 2, size - 2, size - 5)
    painter.fillRect(box, QColor(styles.PAPER))
    width = box.width() / max(1, len(formats))
    for index, fmt in enumerate(formats):
        stripe = QRectF(box.left() + index * width, box.top(), width, box.height())
        painter.fillRect(stripe, fmt.background())
        if fmt.underlineStyle() != QTextCharFormat.UnderlineStyle.NoUnderline:
            paint_underline(painter, QColor(styles.INK_MUTED), "dotted", stripe.left(), stripe.right(),
                            box.bottom() - 1.5, 1.5)
    painter.setPen(QColor(styles.mix(styles.INK_MUTED, 0.5, styles.PAPER)))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(box)
    painter.end()
    return QIcon(pixmap)


#: An explanation row's swatch sits under the check boxes' swatches (past their indicator).
EXPLANATION_INDENT_PX = 20


class LayerRows(QWidget):
    """The "Reading layers" section of the legend."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 6, 0, 0)
        self._layout.setSpacing(3)
        #: each row with its check box (a switchable layer) or its swatch label (an explanation)
        self.rows: list[tuple[LayerRow, QCheckBox | QLabel]] = []
        heading = QLabel("READING LAYERS")
        heading.setObjectName("LegendHeading")
        heading.setFont(styles.ui_font(8.0, bold=True))
        self._layout.addWidget(heading)

    def set_rows(self, rows: Sequence[LayerRow]) -> None:
        """Show `rows` (once, when the window is built)."""
        for row in rows:
            line = QWidget()
            layout = QHBoxLayout(line)
            layout.setContentsMargins(0, 0, 0, 0)
            layout.setSpacing(6)
            swatch_or_box: QCheckBox | QLabel
            if row.action is not None:
                box = QCheckBox(row.name)
                box.setFont(styles.ui_font(9.5))
                box.setChecked(row.action.isChecked())
                box.clicked.connect(lambda _on=False, action=row.action: action.trigger())
                row.action.toggled.connect(box.setChecked)
                layout.addWidget(box, 1)
                swatch_or_box = box
            else:
                layout.addSpacing(EXPLANATION_INDENT_PX)
                swatch_or_box = QLabel()
                layout.addWidget(swatch_or_box)
                text = QLabel(row.name)
                text.setObjectName("LegendCount")
                text.setFont(styles.ui_font(9.5))
                layout.addWidget(text, 1)
            line.setToolTip(row.tooltip)
            self._layout.addWidget(line)
            self.rows.append((row, swatch_or_box))
        self.restyle()

    def restyle(self) -> None:
        """Draw the swatches again for the current theme."""
        for row, widget in self.rows:
            icon = format_swatch(row.formats())
            if isinstance(widget, QCheckBox):
                widget.setIcon(icon)
            else:
                widget.setPixmap(icon.pixmap(16, 16))

    def set_enabled(self, on: bool) -> None:
        """Layers show with the highlights: their rows are greyed while highlights are off."""
        for _row, widget in self.rows:
            line = widget.parentWidget()
            if line is not None:
                line.setEnabled(on)
