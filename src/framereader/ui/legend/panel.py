"""The shared legend: entity labels and framing categories with swatches, per-pane counts and a
checkbox each, plus an "All highlights" switch. It only reports toggles; the window re-styles."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import shiboken6
from PySide6.QtCore import QPoint, QRect, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPaintEvent, QPalette, QPen, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QStyleOptionButton,
    QStyleOptionFocusRect,
    QStylePainter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...core import palette
from ...core.kinds import kind_tooltip, label_name
from ..base import styles
from ..base.visibility import Visibility
from ..reading.highlighter import StyleBook
from .layers import LayerRows
from ..reading.underlines import paint_underline

def entity_swatch(label: str, size: int = 16) -> QIcon:
    """A rounded square in the label's tint with a darker edge."""
    pixmap = QPixmap(size * 2, size * 2)
    pixmap.setDevicePixelRatio(2.0)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = palette.entity_colour(label)
    painter.setPen(QPen(QColor(palette.shade(colour, 0.75)), 1))
    painter.setBrush(QColor(palette.tint(colour, styles.ENTITY_TINT)))
    painter.drawRoundedRect(QRectF(1.5, 2.5, size - 3, size - 5), 3, 3)
    painter.end()
    return QIcon(pixmap)


def framing_swatch(colour: str, style: str, size: int = 16) -> QIcon:
    """A light tint with the category's underline drawn boldly beneath it."""
    pixmap = QPixmap(size * 2, size * 2)
    pixmap.setDevicePixelRatio(2.0)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.fillRect(QRectF(1, 2, size - 2, size - 7), QColor(palette.tint(colour, 0.22)))
    painter.setPen(Qt.PenStyle.NoPen)
    paint_underline(painter, QColor(palette.shade(colour, 0.92)), style, 1.0, size - 1.0, size - 3.5, 2.0)
    painter.end()
    return QIcon(pixmap)


#: How long Help ▸ Legend outlines the legend, in milliseconds.
FLASH_MS = 1200


class WrapCheckBox(QCheckBox):
    """A check box whose name wraps onto a second line instead of being cut: a legend name is
    never shortened with "…" (a click anywhere on the row toggles it). Its height follows the
    width the layout gives it (measured again on every resize)."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self._height = 0  # for the width it has now (0: one line, until it is laid out)

    def _option(self) -> QStyleOptionButton:
        option = QStyleOptionButton()
        self.initStyleOption(option)
        return option

    def _text_left(self) -> int:
        """Where the name starts: after the indicator and the swatch."""
        option = self._option()
        option.text = ""
        contents = self.style().subElementRect(QStyle.SubElement.SE_CheckBoxContents, option, self)
        icon = self.iconSize().width() + 4 if not self.icon().isNull() else 0
        return contents.left() + icon + 2

    def _text_flags(self) -> int:
        return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap)

    def _line_height(self) -> int:
        return super().sizeHint().height()

    def height_for(self, width: int) -> int:
        """The height the name needs at `width` pixels (one line, or as many as it wraps to)."""
        room = max(20, width - self._text_left())
        text = self.fontMetrics().boundingRect(QRect(0, 0, room, 10000), self._text_flags(), self.text())
        return max(self._line_height(), text.height() + 4)

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self._height or self._line_height())

    def minimumSizeHint(self) -> QSize:
        return QSize(self._text_left() + self.fontMetrics().horizontalAdvance("Numbers"), self.sizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        wanted = self.height_for(self.width())
        if wanted != self._height:
            self._height = wanted
            self.updateGeometry()  # the grid gives the row its new height; the width stays

    def hitButton(self, pos: QPoint) -> bool:
        return self.rect().contains(pos)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QStylePainter(self)
        option = self._option()
        option.text = ""
        option.rect = QRect(0, (self.height() - self._line_height()) // 2, self.width(), self._line_height())
        painter.drawControl(QStyle.ControlElement.CE_CheckBox, option)
        left = self._text_left()
        role = QPalette.ColorRole.WindowText
        painter.setPen(self.palette().color(QPalette.ColorGroup.Active if self.isEnabled() else QPalette.ColorGroup.Disabled, role))
        painter.drawText(QRect(left, 0, self.width() - left, self.height()), self._text_flags(), self.text())
        if self.hasFocus():
            focus = QStyleOptionFocusRect()
            focus.initFrom(self)
            painter.drawPrimitive(QStyle.PrimitiveElement.PE_FrameFocusRect, focus)


class Legend(QWidget):
    """Checkboxes per label/category with counts for the left and right panes."""

    label_toggled = Signal(str, bool)
    category_toggled = Signal(str, bool)
    all_toggled = Signal(bool)
    preset_chosen = Signal(str)  # a view preset's id (Reading, Comparing, Everything)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Legend")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.label_boxes: dict[str, QCheckBox] = {}
        self.category_boxes: dict[str, QCheckBox] = {}
        #: the (left, right) count labels of each row, by ("label", name) or ("category", id)
        self._count_labels: dict[tuple[str, str], tuple[QLabel, QLabel]] = {}
        self._shape: tuple[object, ...] | None = None  # what the rows were built for
        self.all_box = QCheckBox("All highlights")
        self.all_box.setFont(styles.ui_font(10.0, bold=True))
        self.all_box.setChecked(True)
        self.all_box.clicked.connect(self.all_toggled)  # user clicks only: the model sets the state

        self._grid_host = QWidget()
        self._grid = QGridLayout(self._grid_host)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(8)
        self._grid.setVerticalSpacing(3)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self._grid_host)
        scroll.setStyleSheet("QScrollArea, QScrollArea > QWidget > QWidget { background: transparent; }")
        self.preset_buttons: dict[str, QToolButton] = {}
        self._presets = QHBoxLayout()
        self._presets.setSpacing(0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 8, 8)
        layout.setSpacing(8)
        layout.addLayout(self._presets)
        layout.addWidget(self.all_box)
        layout.addWidget(scroll, 1)
        self.quoted = QLabel()  # framing words inside quotations: counted apart (show_quoted)
        self.quoted.setObjectName("LegendQuoted")
        self.quoted.setWordWrap(True)
        self.quoted.setFont(styles.ui_font(8.5))
        self.quoted.hide()
        layout.addWidget(self.quoted)
        self.layers = LayerRows()  # what bands, margin bars and dotted passives mean (rows set by the window)
        layout.addWidget(self.layers)

    def set_presets(self, presets: Sequence[tuple[str, str, str]]) -> None:
        """The view presets as a row of buttons: (id, name, tooltip) each (once, by the window)."""
        for key, name, tip in presets:
            button = QToolButton()
            button.setObjectName("LegendPreset")
            button.setText(name)
            button.setToolTip(tip)
            button.setCheckable(True)
            button.setFont(styles.ui_font(9.5))
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.clicked.connect(lambda _on=False, chosen=key: self.preset_chosen.emit(chosen))
            self._presets.addWidget(button)
            self.preset_buttons[key] = button

    def focus_first(self) -> None:
        """Give the legend the keyboard focus (its first button) and flash its border once."""
        first = next(iter(self.preset_buttons.values()), None) or self.all_box
        first.setFocus(Qt.FocusReason.OtherFocusReason)
        self.setProperty("flash", True)
        self.style().unpolish(self)
        self.style().polish(self)
        QTimer.singleShot(FLASH_MS, self._end_flash)

    def _end_flash(self) -> None:
        if shiboken6.isValid(self):
            self.setProperty("flash", False)
            self.style().unpolish(self)
            self.style().polish(self)

    def show_preset(self, shown: str) -> None:
        """Press the button of the preset shown now (none for a view of the reader's own)."""
        for key, button in self.preset_buttons.items():
            button.setChecked(key == shown)

    def populate(
        self,
        book: StyleBook,
        labels: Sequence[str],
        entity_counts: tuple[Mapping[str, int], Mapping[str, int]],
        framing_counts: tuple[Mapping[str, int], Mapping[str, int]],
        hidden_labels: set[str] | frozenset[str],
        hidden_categories: set[str] | frozenset[str],
    ) -> None:
        """Show `labels` in display order and every category of `book` in lexicon order. When the
        rows are the same as last time (a new analysis of the same kinds) only the counts and
        boxes change; otherwise the rows are built again."""
        ordered = sorted(book.categories.values(), key=lambda c: c.index)
        shape = (tuple(labels), styles.THEME, styles.ENTITY_TINT, tuple(ordered))
        if shape == self._shape and self._rows_alive():
            self._update_rows(entity_counts, framing_counts, hidden_labels, hidden_categories)
            return
        self._shape = shape
        self._count_labels.clear()
        self.layers.restyle()  # the theme may have changed
        while self._grid.count():
            item = self._grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.label_boxes.clear()
        self.category_boxes.clear()
        row = 0
        row = self._section("Names · tinted", row)
        if not labels:
            self._grid.addWidget(self._muted("none found yet"), row, 0, 1, 3)
            row += 1
        for label in labels:
            box = WrapCheckBox(label_name(label))
            box.setIcon(entity_swatch(label))
            box.setToolTip(kind_tooltip(label))
            box.setChecked(label not in hidden_labels)
            box.clicked.connect(lambda on, name=label: self.label_toggled.emit(name, on))
            self.label_boxes[label] = box
            row = self._row(box, ("label", label), entity_counts[0].get(label, 0), entity_counts[1].get(label, 0), row)
        groups = [("Loaded words · underlined", [c for c in ordered if c.group != "device"]),
                  ("Rhetorical devices", [c for c in ordered if c.group == "device"])]
        if not book.categories:
            row = self._section("Framing · underlined", row, spacing=True)
            self._grid.addWidget(self._muted("no lexicon loaded"), row, 0, 1, 3)
            row += 1
        for title, categories in groups:  # devices (hedges, doubt, certainty) are a different lesson
            if not categories:
                continue
            row = self._section(title, row, spacing=True)
            for info in categories:
                box = WrapCheckBox(info.name)
                box.setIcon(framing_swatch(info.colour, styles.underline_style(info.index)))
                box.setToolTip(f"<b>{info.name}</b><br>{info.description}" if info.description else info.name)
                box.setChecked(info.id not in hidden_categories)
                box.clicked.connect(lambda on, name=info.id: self.category_toggled.emit(name, on))
                self.category_boxes[info.id] = box
                row = self._row(box, ("category", info.id), framing_counts[0].get(info.id, 0),
                                framing_counts[1].get(info.id, 0), row)
        for earlier in range(self._grid.rowCount()):  # a stretch left from an earlier, shorter legend
            self._grid.setRowStretch(earlier, 0)
        self._grid.setRowStretch(row, 1)
        self._grid.setColumnStretch(0, 1)

    def _rows_alive(self) -> bool:
        return all(shiboken6.isValid(box) for box in (*self.label_boxes.values(), *self.category_boxes.values()))

    def _update_rows(self, entity_counts: tuple[Mapping[str, int], Mapping[str, int]],
                     framing_counts: tuple[Mapping[str, int], Mapping[str, int]],
                     hidden_labels: set[str] | frozenset[str], hidden_categories: set[str] | frozenset[str]) -> None:
        for (kind, key), pair in self._count_labels.items():
            counts = entity_counts if kind == "label" else framing_counts
            for count_label, side_counts in zip(pair, counts):
                count_label.setText(_count_text(side_counts.get(key, 0)))
        for name, box in self.label_boxes.items():
            box.setChecked(name not in hidden_labels)
        for category, box in self.category_boxes.items():
            box.setChecked(category not in hidden_categories)

    def show_quoted(self, quoted: tuple[int, int], counted: bool) -> None:
        """Say how many framing words sit inside quotations (the speakers' words) per text, and
        whether the counts above include them."""
        if not any(quoted):
            self.quoted.hide()
            return
        how = "counted above too" if counted else "not counted above"
        self.quoted.setText(f"Quoted: {quoted[0]} left · {quoted[1]} right — loaded words inside quotations, "
                            f"drawn paler; {how} (View ▸ Count Quoted Words Too).")
        self.quoted.show()

    def show_visibility(self, value: Visibility, showing_any: bool) -> None:
        """Show the visibility model's state (the boxes only emit on user clicks)."""
        self.all_box.setChecked(showing_any)
        for label, box in self.label_boxes.items():
            box.setChecked(label not in value.hidden_labels)
            box.setEnabled(value.enabled)
        for category, box in self.category_boxes.items():
            box.setChecked(category not in value.hidden_categories)
            box.setEnabled(value.enabled)
        self.layers.set_enabled(showing_any)  # layers are drawn only while some highlight shows

    def _section(self, title: str, row: int, spacing: bool = False) -> int:
        heading = QLabel(title.upper())
        heading.setObjectName("LegendHeading")
        heading.setFont(styles.ui_font(8.0, bold=True))
        heading.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        if spacing:
            heading.setContentsMargins(0, 10, 0, 0)
        self._grid.addWidget(heading, row, 0)
        for column, side in ((1, "L"), (2, "R")):
            tag = QLabel(side)
            tag.setObjectName("LegendHeading")
            tag.setFont(styles.ui_font(8.0, bold=True))
            tag.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom)
            tag.setToolTip("mentions in the left / right text")
            self._grid.addWidget(tag, row, column)
        return row + 1

    def _row(self, box: QCheckBox, key: tuple[str, str], left: int, right: int, row: int) -> int:
        box.setFont(styles.ui_font(9.5))
        box.setMinimumWidth(120)  # long names wrap: the counts stay visible, nothing is cut
        self._grid.addWidget(box, row, 0)
        pair = []
        for column, count in ((1, left), (2, right)):
            label = QLabel(_count_text(count))
            label.setObjectName("LegendCount")
            label.setFont(styles.ui_font(9.5))
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            label.setMinimumWidth(22)
            self._grid.addWidget(label, row, column)
            pair.append(label)
        self._count_labels[key] = (pair[0], pair[1])
        return row + 1

    def _muted(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setObjectName("LegendCount")
        label.setFont(styles.ui_font(9.0))
        return label


def _count_text(count: int) -> str:
    return str(count) if count else "–"
