"""What a pane draws over its text as Qt extra selections: named layers (matching-passage bands,
agentless passives, excluded passages…) under the marked mentions of one actor.

Layers and marks are kept as core spans, so a rebuild (zoom, theme) draws them again. Qt keeps a
cursor per extra selection and visits every one on each paint, so when the layers hold many
spans (a 1 MB text's passage bands and passives) only those near the viewport are drawn, and
drawn again when scrolling leaves that stretch.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QObject, QPointF, Qt, QTimer
from PySide6.QtGui import QAction, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextEdit

from ..base import styles
from .ruler import OverviewRuler
from .text_builder import BuiltText
from .text_view import ReaderView

#: a span of a drawing layer: core offsets and the format drawn over them (an extra selection)
LayerSpan = tuple[int, int, QTextCharFormat]
@dataclass(frozen=True)
class LayerRow:
    """A layer's row in the legend: `formats()` gives the layer's look in the current theme (one swatch stripe each)."""

    name: str
    tooltip: str
    formats: Callable[[], Sequence[QTextCharFormat]]
    action: QAction | None = None  # the View command that switches the layer; None: an explanation


#: above this many layer spans, only those near the viewport are extra selections at a time
CULL_LAYER_SPANS = 1500


class LayerDrawing(QObject):
    """A pane's layers and marked mentions, drawn as the view's extra selections."""

    def __init__(self, view: ReaderView, ruler: OverviewRuler, built: Callable[[], BuiltText | None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.view, self.ruler, self._built = view, ruler, built
        self.marks: tuple[list[tuple[int, int]], int | None] = ([], None)  # core spans, current index
        self._layers: dict[str, tuple[int, list[LayerSpan]]] = {}  # name -> (order, core spans + formats)
        self._drawn_window = (0, 0)  # the core range whose layer spans are drawn
        self._recull = QTimer(self)
        self._recull.setSingleShot(True)
        self._recull.setInterval(50)
        self._recull.timeout.connect(self._on_scrolled)
        view.verticalScrollBar().valueChanged.connect(lambda _value: self._on_scrolled())
        view.verticalScrollBar().rangeChanged.connect(lambda _low, _high: self._on_scrolled())

    def forget(self) -> None:
        """A new text: no layers, no marks."""
        self.marks = ([], None)
        self._layers.clear()

    def set_marks(self, spans: list[tuple[int, int]], current: int | None = None) -> None:
        self.marks = (list(spans), current)
        self.draw()

    def set_layer(self, name: str, spans: list[LayerSpan], order: int = 0) -> None:
        """Draw `spans` as the layer `name`, replacing what the layer showed; an empty list
        removes it. Layers are drawn by `order`, then name, all under the marked mentions."""
        before = self._layers.get(name)
        if (before is None and not spans) or (before is not None and before == (order, spans)):
            return  # unchanged (layers are set again on many signals): nothing to redraw
        if spans:
            self._layers[name] = (order, list(spans))
        else:
            self._layers.pop(name, None)
        self.draw()

    def layer(self, name: str) -> list[LayerSpan]:
        return list(self._layers.get(name, (0, []))[1])

    def _selection(self, built: BuiltText, start: int, end: int,
                   fmt: QTextCharFormat) -> tuple[QTextEdit.ExtraSelection, int, int]:
        qt_start, qt_end = built.offsets.span_to_qt(start, end)
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.view.document())
        cursor.setPosition(qt_start)
        cursor.setPosition(qt_end, QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        selection.format = fmt
        return selection, qt_start, qt_end

    def draw(self) -> None:
        """Draw every layer, then the marked mentions on top, as the view's extra selections."""
        built = self._built()
        if built is None:
            return
        spans, current = self.marks
        size = built.offsets.core_length
        total = sum(len(layer) for _order, layer in self._layers.values())
        window = self._near_viewport(built) if total > CULL_LAYER_SPANS else (0, size)
        if total > CULL_LAYER_SPANS:
            self._recull.start()  # check again once Qt has laid the text out for this viewport
        self._drawn_window = window
        low, high = window
        selections = []
        for _name, (_order, layer) in sorted(self._layers.items(), key=lambda item: (item[1][0], item[0])):
            for start, end, fmt in layer:
                if 0 <= start < end <= size and start < high and end > low:
                    selections.append(self._selection(built, start, end, fmt)[0])
        mark, strong = styles.mark_format(), styles.mark_format(current=True)
        qt_spans = []
        for index, (start, end) in enumerate(spans):
            selection, qt_start, qt_end = self._selection(built, start, end, strong if index == current else mark)
            selections.append(selection)
            qt_spans.append((qt_start, qt_end, index == current))
        self.view.setExtraSelections(selections)
        self.view.mention_spans = qt_spans
        self.ruler.set_mentions([a for a, _b, _current in qt_spans])
        self.view.viewport().update()

    def _near_viewport(self, built: BuiltText) -> tuple[int, int]:
        """The core range shown in the viewport, widened by a screenful above and below."""
        top, bottom = sorted(self._shown_qt_range())
        offsets, reach = built.offsets, max(bottom - top, 2000)
        return offsets.to_core(max(0, top - reach)), offsets.to_core(min(offsets.qt_length, bottom + reach))

    def _shown_qt_range(self) -> tuple[int, int]:
        """Qt positions at the top and the bottom of the viewport (hit-tested mid-line)."""
        layout = self.view.document().documentLayout()
        y, height = self.view.verticalScrollBar().value(), self.view.viewport().height()
        x = self.view.viewport().width() / 2
        fuzzy = Qt.HitTestAccuracy.FuzzyHit
        return layout.hitTest(QPointF(x, y), fuzzy), layout.hitTest(QPointF(x, y + height), fuzzy)

    def _on_scrolled(self) -> None:
        """Draw the layers again when the viewport leaves the stretch they were drawn for."""
        built = self._built()
        if built is None or sum(len(layer) for _o, layer in self._layers.values()) <= CULL_LAYER_SPANS:
            return
        low, high = self._drawn_window
        top, bottom = sorted(built.offsets.to_core(max(0, q)) for q in self._shown_qt_range())
        if top < low or bottom > high:
            self.draw()
