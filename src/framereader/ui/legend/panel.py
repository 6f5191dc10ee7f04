"""The shared legend: entity labels and framing categories with swatches, per-pane counts and a
checkbox each, plus an "All highlights" switch. It only reports toggles; the window re-styles."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from functools import partial
from typing import Union, cast

import shiboken6
from PySide6.QtCore import QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QIcon, QMouseEvent, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
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


#: A pooled legend widget: a note, a check box and its name, a row's two counts, or a heading
#: with its L/R tags.
_Pooled = Union[QWidget, tuple[QCheckBox, "RowName"], tuple[QLabel, QLabel], tuple[QLabel, QLabel, QLabel]]

#: How long Help ▸ Legend outlines the legend, in milliseconds.
FLASH_MS = 1200


class RowName(QLabel):
    """A legend row's name beside its check box. It wraps onto more lines rather than being cut
    (never "…"), and a click on it toggles the box, as a click on a check box's own text does.

    Only the mouse handler is Python. The layout asks Qt's own QLabel for sizes: a Python size
    hint would be called under the GIL on every layout pass, which stalls the window while the
    worker runs Python (see docs/performance.md)."""

    def __init__(self, box: QCheckBox) -> None:
        super().__init__()
        self.box = box
        self.setObjectName("LegendName")
        self.setWordWrap(True)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(90)  # long names wrap: the counts stay visible, nothing is cut

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # Qt API
        if (event.button() == Qt.MouseButton.LeftButton and self.box.isEnabled()
                and self.rect().contains(event.position().toPoint())):
            self.box.click()
        super().mouseReleaseEvent(event)


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
        #: the name beside each row's check box, by ("label", name) or ("category", id)
        self.row_names: dict[tuple[str, str], RowName] = {}
        self._shape: tuple[object, ...] | None = None  # what the rows were built for
        #: every row, heading and note made so far, by what it shows (see `_pooled`)
        self._pool: dict[tuple[str, ...], _Pooled] = {}
        self._swatches: dict[tuple[object, ...], QIcon] = {}
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
        boxes change; otherwise the rows are laid out again, reusing the widgets made before."""
        ordered = sorted(book.categories.values(), key=lambda c: c.index)
        shape = (tuple(labels), styles.THEME, styles.ENTITY_TINT, tuple(ordered))
        if shape == self._shape and self._rows_alive():
            self._update_rows(entity_counts, framing_counts, hidden_labels, hidden_categories)
            return
        self._shape = shape
        self._count_labels.clear()
        self.layers.restyle()  # the theme may have changed
        if not self._rows_alive():
            self._pool.clear()
        placed: set[int] = set()
        while self._grid.count():  # the widgets stay (hidden unless placed again below): see _pooled
            self._grid.takeAt(0)
        self.label_boxes.clear()
        self.category_boxes.clear()
        self.row_names.clear()
        row = 0
        row = self._section("Names · tinted", row, placed)
        if not labels:
            row = self._muted("none found yet", row, placed)
        for label in labels:
            icon = self._swatch(("label", label, styles.THEME, styles.ENTITY_TINT), partial(entity_swatch, label))
            box = self._box(("label", label), label_name(label), icon, kind_tooltip(label))
            box.setChecked(label not in hidden_labels)
            self.label_boxes[label] = box
            row = self._row(box, ("label", label), entity_counts[0].get(label, 0), entity_counts[1].get(label, 0),
                            row, placed)
        groups = [("Loaded words · underlined", [c for c in ordered if c.group != "device"]),
                  ("Rhetorical devices", [c for c in ordered if c.group == "device"])]
        if not book.categories:
            row = self._section("Framing · underlined", row, placed, spacing=True)
            row = self._muted("no lexicon loaded", row, placed)
        for title, categories in groups:  # devices (hedges, doubt, certainty) are a different lesson
            if not categories:
                continue
            row = self._section(title, row, placed, spacing=True)
            for info in categories:
                tip = f"<b>{info.name}</b><br>{info.description}" if info.description else info.name
                style = styles.underline_style(info.index)
                icon = self._swatch(("category", info.colour, style), partial(framing_swatch, info.colour, style))
                box = self._box(("category", info.id), info.name, icon, tip)
                box.setChecked(info.id not in hidden_categories)
                self.category_boxes[info.id] = box
                row = self._row(box, ("category", info.id), framing_counts[0].get(info.id, 0),
                                framing_counts[1].get(info.id, 0), row, placed)
        for part in self._pooled_widgets():
            if id(part) not in placed:
                part.hide()
        for earlier in range(self._grid.rowCount()):  # a stretch left from an earlier, shorter legend
            self._grid.setRowStretch(earlier, 0)
        self._grid.setRowStretch(row, 1)
        self._grid.setColumnStretch(1, 1)

    def _rows_alive(self) -> bool:
        return all(shiboken6.isValid(part) for part in self._pooled_widgets())

    def _pooled_widgets(self) -> Iterator[QWidget]:
        for pooled in self._pool.values():
            yield from pooled if isinstance(pooled, tuple) else (pooled,)

    def _swatch(self, key: tuple[object, ...], draw: Callable[[], QIcon]) -> QIcon:
        """A row's swatch, drawn once for what it shows (a theme change draws new ones)."""
        icon = self._swatches.get(key)
        if icon is None:
            icon = self._swatches[key] = draw()
        return icon

    def _pooled(self, key: tuple[str, ...], make: Callable[[], _Pooled]) -> _Pooled:
        """The legend's widgets are made once and kept: a row, a heading or a note is hidden when
        a new analysis no longer needs it and shown again when one does. (Making widgets while the
        worker runs Python costs many times as much as reusing them, 250-320 ms against 3-8 ms for
        150: each new widget looks up its Python overrides under the GIL; docs/performance.md.)"""
        widget = self._pool.get(key)
        if widget is None:
            widget = self._pool[key] = make()
        return widget

    def _place(self, widget: QWidget, row: int, column: int, placed: set[int], span: int = 1,
               alignment: Qt.AlignmentFlag = Qt.AlignmentFlag(0)) -> None:
        self._grid.addWidget(widget, row, column, 1, span, alignment)
        widget.show()
        placed.add(id(widget))

    def _box(self, key: tuple[str, str], name: str, icon: QIcon, tooltip: str) -> QCheckBox:
        """The check box of a label's or category's row, with its name beside it (made on first
        use, then reused)."""
        signal = self.label_toggled if key[0] == "label" else self.category_toggled

        def make() -> tuple[QCheckBox, RowName]:
            box = QCheckBox()
            box.clicked.connect(lambda on, which=key[1]: signal.emit(which, on))
            label = RowName(box)
            label.setFont(styles.ui_font(9.5))
            return box, label

        box, label = cast("tuple[QCheckBox, RowName]", self._pooled(("box", *key), make))
        label.setText(name)
        box.setAccessibleName(name)
        box.setIcon(icon)
        for part in (box, label):
            part.setToolTip(tooltip)
        self.row_names[key] = label
        return box

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
        for category, box in self.category_boxes.items():
            box.setChecked(category not in value.hidden_categories)
        for box in (*self.label_boxes.values(), *self.category_boxes.values()):
            box.setEnabled(value.enabled)
        for name in self.row_names.values():
            name.setEnabled(value.enabled)
        self.layers.set_enabled(showing_any)  # layers are drawn only while some highlight shows

    def _section(self, title: str, row: int, placed: set[int], spacing: bool = False) -> int:
        def make() -> tuple[QLabel, QLabel, QLabel]:
            heading = QLabel(title.upper())
            heading.setObjectName("LegendHeading")
            heading.setFont(styles.ui_font(8.0, bold=True))
            heading.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            if spacing:
                heading.setContentsMargins(0, 10, 0, 0)
            tags = []
            for side in ("L", "R"):
                tag = QLabel(side)
                tag.setObjectName("LegendHeading")
                tag.setFont(styles.ui_font(8.0, bold=True))
                tag.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom)
                tag.setToolTip("mentions in the left / right text")
                tags.append(tag)
            return heading, tags[0], tags[1]

        heading, left, right = cast("tuple[QLabel, QLabel, QLabel]", self._pooled(("section", title, str(spacing)), make))
        self._place(heading, row, 0, placed, span=2)
        self._place(left, row, 2, placed)
        self._place(right, row, 3, placed)
        return row + 1

    def _row(self, box: QCheckBox, key: tuple[str, str], left: int, right: int, row: int, placed: set[int]) -> int:
        def make() -> tuple[QLabel, QLabel]:
            pair = []
            for _side in ("left", "right"):
                label = QLabel()
                label.setObjectName("LegendCount")
                label.setFont(styles.ui_font(9.5))
                label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                label.setMinimumWidth(22)
                pair.append(label)
            return pair[0], pair[1]

        self._place(box, row, 0, placed, alignment=Qt.AlignmentFlag.AlignTop)
        self._place(self.row_names[key], row, 1, placed)
        pair = cast("tuple[QLabel, QLabel]", self._pooled(("counts", *key), make))
        for column, (label, count) in enumerate(zip(pair, (left, right)), start=2):
            label.setText(_count_text(count))
            self._place(label, row, column, placed)
        self._count_labels[key] = (pair[0], pair[1])
        return row + 1

    def _muted(self, text: str, row: int, placed: set[int]) -> int:
        def make() -> QLabel:
            label = QLabel(text)
            label.setObjectName("LegendCount")
            label.setFont(styles.ui_font(9.0))
            return label

        note = self._pooled(("note", text), make)
        assert isinstance(note, QLabel)
        self._place(note, row, 0, placed, span=4)
        return row + 1


def _count_text(count: int) -> str:
    return str(count) if count else "–"
