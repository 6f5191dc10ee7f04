"""The shared legend: entity labels and framing categories with swatches, per-pane counts and a
checkbox each, plus an "All highlights" switch. It only reports toggles; the window re-styles."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import shiboken6
from PySide6.QtCore import QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap, QResizeEvent
from PySide6.QtWidgets import QCheckBox, QFrame, QGridLayout, QLabel, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from ...core import palette
from ...core.kinds import explain_label
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


#: The check box indicator and spacing beside a legend name, in pixels.
ELIDE_MARGIN_PX = 34


class Legend(QWidget):
    """Checkboxes per label/category with counts for the left and right panes."""

    label_toggled = Signal(str, bool)
    category_toggled = Signal(str, bool)
    all_toggled = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Legend")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.label_boxes: dict[str, QCheckBox] = {}
        self.category_boxes: dict[str, QCheckBox] = {}
        #: the (left, right) count labels of each row, by ("label", name) or ("category", id)
        self._count_labels: dict[tuple[str, str], tuple[QLabel, QLabel]] = {}
        self._shape: tuple[object, ...] | None = None  # what the rows were built for
        # eliding waits for the grid's new widths; the timer is the legend's child, so it never
        # fires on boxes (or a legend) that are gone
        self._elide_timer = QTimer(self)
        self._elide_timer.setSingleShot(True)
        self._elide_timer.setInterval(0)
        self._elide_timer.timeout.connect(self._elide)
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
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 8, 8)
        layout.setSpacing(8)
        layout.addWidget(self.all_box)
        layout.addWidget(scroll, 1)
        self.quoted = QLabel()  # framing words inside quotations: counted apart (show_quoted)
        self.quoted.setObjectName("LegendQuoted")
        self.quoted.setWordWrap(True)
        self.quoted.setFont(styles.ui_font(8.5))
        self.quoted.hide()
        layout.addWidget(self.quoted)
        self.layers = LayerRows()  # what bands, hatching and dotted passives mean (rows set by the window)
        layout.addWidget(self.layers)

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
        row = self._section("Entities · tinted", row)
        if not labels:
            self._grid.addWidget(self._muted("none found yet"), row, 0, 1, 3)
            row += 1
        for label in labels:
            box = QCheckBox(label)
            box.setIcon(entity_swatch(label))
            explanation = explain_label(label)
            box.setToolTip(f"{label}: {explanation}" if explanation else label)
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
                box = QCheckBox(info.name)
                box.setIcon(framing_swatch(info.colour, styles.underline_style(info.index)))
                box.setToolTip(f"<b>{info.name}</b><br>{info.description}" if info.description else info.name)
                box.setChecked(info.id not in hidden_categories)
                box.clicked.connect(lambda on, name=info.id: self.category_toggled.emit(name, on))
                self.category_boxes[info.id] = box
                row = self._row(box, ("category", info.id), framing_counts[0].get(info.id, 0),
                                framing_counts[1].get(info.id, 0), row)
        self._grid.setRowStretch(row, 1)
        self._grid.setColumnStretch(0, 1)
        self._elide_timer.start()

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

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide_timer.start()  # after the grid has given the boxes their new widths

    def _elide(self) -> None:
        """Names too long for the column end in "…" (the tooltip has the whole name)."""
        for box in (*self.label_boxes.values(), *self.category_boxes.values()):
            if not shiboken6.isValid(box):
                continue
            full = box.property("full_text") or box.text()
            room = box.width() - box.iconSize().width() - ELIDE_MARGIN_PX
            box.setText(box.fontMetrics().elidedText(full, Qt.TextElideMode.ElideRight, max(room, 20)))

    def _row(self, box: QCheckBox, key: tuple[str, str], left: int, right: int, row: int) -> int:
        box.setProperty("full_text", box.text())
        box.setFont(styles.ui_font(9.5))
        box.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)  # counts stay visible
        box.setMinimumWidth(120)
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
