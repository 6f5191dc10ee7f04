"""One reading pane: a header, the read-only text view and its overview ruler.

The pane holds the core Document, the BuiltText (offset map + base formats) and the Analysis;
highlights are (re)applied from them without ever re-running the model.
"""

from __future__ import annotations

import html
import itertools
from collections.abc import Callable, Iterator, Sequence
from operator import attrgetter

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFontMetricsF, QTextCursor
from PySide6.QtWidgets import QHBoxLayout, QMenu, QVBoxLayout, QWidget

from ...core.model import Analysis, Document, EntitySpan, FramingSpan, Side
from ...core.spans import SpanIndex
from ...core.platform.text_safety import safe_text
from ..base import styles
from .highlighter import Highlighter, StyleBook, highlight_ops
from .header import SIDE_NAMES, PaneHeader, display_title
from .text_view import ReaderView
from .layers import LayerDrawing, LayerSpan
from .ruler import OverviewRuler
from .text_builder import BuiltText, build_steps
from .tooltips import highlight_tooltip
from .visible import position_at_y
from ..base.visibility import Visibility

__all__ = ["SIDE_NAMES", "Pane", "PaneMenuProvider", "PaneTooltipProvider", "LayerSpan"]

#: adds entries to the pane's context menu: (menu, pane, core offset under the mouse or None,
#: the selected core span or None)
PaneMenuProvider = Callable[[QMenu, "Pane", "int | None", "tuple[int, int] | None"], None]
#: adds to the tooltip at a core offset: (pane, core offset) -> HTML ("" for nothing)
PaneTooltipProvider = Callable[["Pane", int], str]


class Pane(QWidget):
    """A reading pane (side 0 = left, 1 = right)."""

    open_requested = Signal(str)  # side
    files_dropped = Signal(str, list)
    entity_clicked = Signal(str, object)  # side, EntitySpan
    focused = Signal(str)
    highlighted = Signal(str)  # all highlight chunks applied
    analysis_shown = Signal(str)  # an analysis was taken (also one held back while building)

    def __init__(self, side: Side, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.side = side
        self.document: Document | None = None
        self.built: BuiltText | None = None
        self.analysis: Analysis | None = None
        self.scale = 1.0
        self.model_name = ""
        self.book = StyleBook()
        self.visibility = Visibility()
        self._styled = False  # highlight formats are present in the Qt document
        self._entities: SpanIndex[EntitySpan] = SpanIndex()
        self._framing: SpanIndex[FramingSpan] = SpanIndex()
        self._status = ""
        self._menu_providers: list[PaneMenuProvider] = []
        self._rescroll_to = 0  # the Qt position a rebuild keeps at the top of the viewport
        self._rescroll = QTimer(self)
        self._rescroll.setSingleShot(True)
        self._rescroll.setInterval(0)
        self._rescroll.timeout.connect(lambda: self.scroll_to(self._rescroll_to, centre=False))
        self._tooltip_providers: list[PaneTooltipProvider] = []
        self.language_note = ""  # "This text looks German; the pipeline is English…" (set by the window)
        self._word_estimate: tuple[Document | None, int] = (None, 0)

        self.header = PaneHeader(side)
        self.view = ReaderView()
        self.view.empty_hint = (
            "Drop a text or Markdown file here, click Open…,\nor copy an article and choose "
            f"File ▸ Paste as {SIDE_NAMES[side]} Document."
        )
        self.view.describe = self.describe_position
        self.view.build_menu = self.context_menu
        self.ruler = OverviewRuler(self.view)
        self.drawing = LayerDrawing(self.view, self.ruler, lambda: self.built, self)
        self.highlighter = Highlighter(self.view.document(), self)
        self._build: Iterator[BuiltText | None] | None = None  # the running build_steps generator of a long text
        self._on_built: Callable[[BuiltText], None] = lambda built: None  # what to do when it ends
        self._pending_analysis: Analysis | None = None
        self._build_timer = QTimer(self)
        self._build_timer.setInterval(0)
        self._build_timer.timeout.connect(self._build_step)

        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        body.addWidget(self.view, 1)
        body.addWidget(self.ruler)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addLayout(body, 1)

        self.header.open_button.clicked.connect(lambda: self.open_requested.emit(self.side))
        self.view.files_dropped.connect(lambda paths: self.files_dropped.emit(self.side, paths))
        self.view.clicked_at.connect(self._on_clicked)
        self.view.focused.connect(lambda: self.focused.emit(self.side))
        self.highlighter.finished.connect(self._on_highlighted)
        self._update_header()

    # ------------------------------------------------------------------ content
    def set_document(self, document: Document) -> None:
        """Show `document` as plain formatted text now; highlights come with its analysis."""
        self.highlighter.stop()
        self.document = document
        self.analysis = None
        self._drop_highlights()
        self.built = None
        self._pending_analysis = None
        self._styled = False
        self._apply_measure()
        self.ruler.set_marks([])
        self._status = "analysing…"
        self._update_header()
        self._start_build(self._show_from_start)

    def _show_from_start(self, _built: BuiltText) -> None:
        self.view.moveCursor(QTextCursor.MoveOperation.Start)
        self.view.verticalScrollBar().setValue(0)

    def _start_build(self, on_built: Callable[[BuiltText], None]) -> None:
        """Build the Qt document from `self.document` in timed steps (the first runs now, so the
        text shows at once; a 1 MB text never blocks the event loop for long), then call
        `on_built` and take any analysis that arrived meanwhile."""
        assert self.document is not None, "a build needs a document"  # every caller checks
        self.built = None
        self._on_built = on_built
        self._build = build_steps(self.view.document(), self.document, self.scale)
        self._build_step()

    def _build_step(self) -> None:
        """Run one building step; when the document is complete, finish it."""
        if self._build is None:
            return
        result = next(self._build, None)
        if result is None:
            if not self._build_timer.isActive():
                self._build_timer.start(0)
            if self.view.verticalScrollBar().value() != 0 and self.built is None:
                self.view.verticalScrollBar().setValue(0)
            return
        self._build_timer.stop()
        self._build = None
        self.built = result
        self._draw_marks()  # layers and marks set while the text was being built
        self._on_built(result)
        pending, self._pending_analysis = self._pending_analysis, None
        if pending is not None:
            self.set_analysis(pending)

    @property
    def latest_analysis(self) -> Analysis | None:
        """The analysis last given to `set_analysis`: the one shown, or the one waiting for the
        text to be built."""
        return self._pending_analysis if self._pending_analysis is not None else self.analysis

    @property
    def building(self) -> bool:
        """True while the Qt document is still being built from a long text."""
        return self._build is not None

    def _drop_highlights(self) -> None:
        """Forget the marks, layers and span indexes of the text shown so far."""
        self.drawing.forget()
        self._index_spans()
        self.view.setExtraSelections([])
        self.view.mention_spans = []
        self.ruler.set_mentions([])

    def clear(self) -> None:
        """Empty the pane."""
        self.highlighter.stop()
        self._build_timer.stop()
        self._build = self._pending_analysis = None
        self.document = self.built = self.analysis = None
        self._drop_highlights()
        self.view.document().clear()
        self.ruler.set_marks([])
        self._status = ""
        self._update_header()

    def set_analysis(self, analysis: Analysis) -> bool:
        """Take highlights from `analysis` (ignored, returning False, if it is for other text)."""
        if self.document is None or analysis.text != self.document.text:
            return False
        if self.building:
            self._pending_analysis = analysis  # applied when the document is complete
            return True
        self.analysis = analysis
        self.model_name = analysis.model.name
        self._index_spans()
        self._status = ""
        self._update_header()
        self.restyle()
        self.analysis_shown.emit(self.side)
        return True

    def set_status(self, text: str) -> None:
        """A short state shown in the header (e.g. "analysing… 40 %")."""
        self._status = text
        self._update_header()

    def set_style(self, book: StyleBook, visibility: Visibility) -> None:
        """New colours/visibility: re-style from the stored analysis (no re-analysis)."""
        self.book, self.visibility = book, visibility
        self.restyle()

    def set_scale(self, scale: float) -> None:
        """Zoom: rebuild the Qt document at the new size, keeping the reading position."""
        if abs(scale - self.scale) < 1e-6:
            return
        self.scale = scale
        self.rebuild()

    def rebuild(self) -> None:
        """Re-create the Qt document (new zoom or theme), keeping highlights and the reading position."""
        if self.document is not None and self.building:
            self._start_build(self._on_built)  # start again at the new size, same ending
            return
        if self.document is None or self.built is None:
            return
        at_start = self.view.verticalScrollBar().value() == 0  # the start stays the start (no 8 px offset)
        top = self.built.offsets.to_core(position_at_y(self.view.document(), self.view.verticalScrollBar().value()))
        self.highlighter.stop()
        self._styled = False
        self._apply_measure()

        def restore(built: BuiltText) -> None:
            # Marks are kept as core spans and drawn again: Qt's old extra selections (and any
            # format wrapper taken from them) do not survive the document being rebuilt.
            self._draw_marks()
            self.restyle()
            if at_start:
                self.view.verticalScrollBar().setValue(0)
            else:
                self.scroll_to(built.offsets.to_qt(top), centre=False)
                # Qt lays a new document out lazily: scroll again once the layout has settled
                self._rescroll_to = built.offsets.to_qt(top)
                self._rescroll.start()

        self._start_build(restore)

    def restyle(self) -> None:
        """Clear highlight formats (back to the builder's base formats) and apply the visible ones."""
        if self.built is None:
            return
        # a job still running (a clearing not yet done) is replaced: clear again, or it stays tinted
        base = list(self.built.base_ops) if self._styled or self.highlighter.busy else []
        found = highlight_ops(self.built, self.analysis, self.book, self.visibility) if self.analysis else iter(())
        ops = itertools.chain(base, found)
        self._styled = self.analysis is not None and self.visibility.enabled
        self.highlighter.start(ops)
        self.ruler.set_lanes(*self._ruler_lanes())

    @property
    def settled(self) -> bool:
        """True when the pane shows an analysed text with every highlight chunk applied."""
        return (self.analysis is not None and not self.building and not self.highlighter.busy
                and not self._rescroll.isActive())

    # ------------------------------------------------------------------ spans
    def _index_spans(self) -> None:
        analysis = self.analysis
        self._entities = SpanIndex(analysis.entities if analysis else ())
        self._framing = SpanIndex(analysis.framing if analysis else ())

    def entity_at(self, position: int) -> EntitySpan | None:
        """The entity span holding the character at Qt `position`, if any."""
        return self._entities.at(self._core_offset(position))

    def framing_at(self, position: int) -> FramingSpan | None:
        """The framing span holding the character at Qt `position`, if any."""
        return self._framing.at(self._core_offset(position))

    def _core_offset(self, position: int) -> int:
        """Qt `position` as a core offset (-1, which no span holds, before a text is built)."""
        return self.built.offsets.to_core(position) if self.built is not None else -1

    def describe_position(self, position: int) -> str:
        """Tooltip HTML for the highlights at Qt `position`, then what the tooltip providers add."""
        parts = [highlight_tooltip(self.entity_at(position), self.framing_at(position), self.book, self.visibility)]
        if self.built is not None:
            offset = self.built.offsets.to_core(position)
            parts.extend(provider(self, offset) for provider in self._tooltip_providers)
        return "<hr>".join(part for part in parts if part)

    def add_tooltip_provider(self, provider: PaneTooltipProvider) -> None:
        """Let a behaviour object add to the tooltip (a drawing layer explains its spans)."""
        self._tooltip_providers.append(provider)

    def _ruler_lanes(self) -> tuple[tuple[list[int], list[QColor]], tuple[list[int], list[QColor]]]:
        """Ruler marks per lane (entities, framing): ascending Qt positions and their colours."""
        if self.analysis is None or self.built is None or not self.visibility.enabled:
            return ([], []), ([], [])
        # map/attrgetter and dict lookups, not comprehensions: no Python frame per span, so a 1 MB
        # text's ~60,000 marks cost a few milliseconds even while the worker shares the GIL
        offsets = self.built.offsets
        lanes: list[tuple[list[int], list[QColor]]] = []
        spans: Sequence[EntitySpan | FramingSpan]
        for spans, kind, shown, colour in (
            (self._entities.spans, attrgetter("label"), self.visibility.shows_label, self.book.entity_colour),
            (self._framing.spans, attrgetter("category"), self.visibility.shows_category, self.book.category_colour),
        ):
            kinds = list(map(kind, spans))
            present = set(kinds)
            colours = {name: colour(name) for name in present if shown(name)}  # one QColor each
            if len(colours) < len(present):  # some kinds hidden: keep the shown ones
                spans = list(itertools.compress(spans, map(colours.__contains__, kinds)))
                kinds = list(map(kind, spans))
            starts = list(map(attrgetter("start"), spans))
            if offsets.qt_length != offsets.core_length:  # astral characters: Qt positions differ
                starts = list(map(offsets.to_qt, starts))
            lanes.append((starts, list(map(colours.__getitem__, kinds))))
        return (lanes[0][0], lanes[0][1]), (lanes[1][0], lanes[1][1])

    # ------------------------------------------------------------------ marks and navigation
    def set_marks(self, spans: list[tuple[int, int]], current: int | None = None) -> None:
        """Mark core spans with extra selections; `current` (an index) gets the strong style.
        The pane keeps the spans, so a rebuild (zoom, theme) draws them again."""
        self.drawing.set_marks(spans, current)

    def set_layer(self, name: str, spans: list[LayerSpan], order: int = 0) -> None:
        """Draw `spans` (core offsets, each with its format) as the layer `name` (see
        `LayerDrawing.set_layer`); an empty list removes it."""
        self.drawing.set_layer(name, spans, order)

    def layer(self, name: str) -> list[LayerSpan]:
        """The spans the layer `name` draws (empty when it is not shown)."""
        return self.drawing.layer(name)

    def set_margin_bars(self, spans: list[tuple[int, int]]) -> None:
        """A bar in the margin beside each core span (one-sided passages); [] removes them."""
        self.drawing.set_bars(spans)

    @property
    def margin_bars(self) -> list[tuple[int, int]]:
        """The core spans marked by a bar in the margin."""
        return list(self.drawing.bars)

    def _draw_marks(self) -> None:
        self.drawing.draw()

    # ------------------------------------------------------------------ context menu
    def add_menu_provider(self, provider: PaneMenuProvider) -> None:
        """Let a behaviour object add entries to this pane's context menu (in the order added)."""
        self._menu_providers.append(provider)

    def context_menu(self, position: int) -> QMenu:
        """The context menu for Qt `position` (-1 off the text): Copy and Select All, then the
        providers' entries. The caller shows it (or, in tests, triggers its actions)."""
        menu = self.view.createStandardContextMenu()
        menu.setParent(self.view, menu.windowFlags())
        offset = self.built.offsets.to_core(position) if self.built is not None and position >= 0 else None
        selection = self.selected_span()
        for provider in self._menu_providers:
            provider(menu, self, offset, selection)
        return menu

    def selected_span(self) -> tuple[int, int] | None:
        """The selected text as a core span, or None without a selection."""
        cursor = self.view.textCursor()
        if self.built is None or not cursor.hasSelection():
            return None
        start = self.built.offsets.to_core(cursor.selectionStart())
        end = self.built.offsets.to_core(cursor.selectionEnd())
        return (start, end) if start < end else None

    @property
    def marks(self) -> tuple[list[tuple[int, int]], int | None]:
        """The marked core spans and the index of the current one."""
        return self.drawing.marks

    def select_span(self, start: int, end: int) -> None:
        """Select core span [start, end) and scroll it into the middle of the view."""
        if self.built is None:
            return
        qt_start, qt_end = self.built.offsets.span_to_qt(start, end)
        cursor = QTextCursor(self.view.document())
        cursor.setPosition(qt_start)
        cursor.setPosition(qt_end, QTextCursor.MoveMode.KeepAnchor)
        self.view.setTextCursor(cursor)
        self.scroll_to(qt_start)

    def go_to(self, start: int, end: int) -> None:
        """Put the text cursor at the start of core span [start, end) and scroll it to the middle."""
        if self.built is None:
            return
        qt_start = self.built.offsets.to_qt(start)
        cursor = QTextCursor(self.view.document())
        cursor.setPosition(qt_start)  # no selection, so the current-mention mark stays visible
        self.view.setTextCursor(cursor)
        self.scroll_to(qt_start)

    def scroll_to(self, position: int, centre: bool = True) -> None:
        """Scroll so Qt `position` is in the middle (or at the top) of the viewport."""
        cursor = QTextCursor(self.view.document())
        cursor.setPosition(min(position, self.view.document().characterCount() - 1))
        rect = self.view.cursorRect(cursor)
        bar = self.view.verticalScrollBar()
        target = rect.center().y() - self.view.viewport().height() / 2 if centre else rect.top() - 8
        bar.setValue(round(bar.value() + target))

    # ------------------------------------------------------------------ internals
    def _on_clicked(self, position: int) -> None:
        entity = self.entity_at(position)
        if entity is not None and self.visibility.shows_label(entity.label):
            self.entity_clicked.emit(self.side, entity)

    def _on_highlighted(self) -> None:
        self.highlighted.emit(self.side)

    def _apply_measure(self) -> None:
        self.view.scale = self.scale
        metrics = QFontMetricsF(styles.reader_font(self.scale))
        self.view.max_text_width = metrics.averageCharWidth() * styles.MAX_LINE_CHARS + 2 * self.view.document().documentMargin()
        self.view.update_margins()

    def _update_header(self) -> None:
        header = self.header
        header.rename_button.setEnabled(self.document is not None)
        if self.document is None:
            header.title.setToolTip("")
            header.show_texts("No text", "", "Open a file, drop one here, or paste an article")
            return
        document = self.document
        meta = document.meta
        title = display_title(document)
        source = "pasted from the clipboard" if document.source == "clipboard" else safe_text(document.source)
        header.title.setToolTip(html.escape(f"{safe_text(title)}\n{source}\nDouble-click to edit the title, author and outlet"))
        if self.analysis is not None:
            words = f"{self.analysis.words:,} words"
        else:
            words = f"≈ {self._approximate_words():,} words"
        byline = [by for by in (meta.author, meta.site, meta.date) if by]
        bits = byline + [words]  # the model's name is in the status bar, not over the text
        if self._status:
            bits.append(self._status)
        warnings = [note for note in (document.note, self.language_note) if note]
        bits.extend("⚠ " + note for note in warnings)
        header.show_texts(title, "  ·  ".join(byline), "  ·  ".join(bits))
        found_by = f"Names found by the language model {self.model_name}." if self.model_name else ""
        header.meta.setToolTip(html.escape(" ".join([*warnings, found_by]).strip()))  # Qt reads tooltips as rich text

    def _approximate_words(self) -> int:
        """Words of the shown text before its analysis, counted once per document (splitting a
        1 MB text takes 10 ms, and the header changes with every progress report)."""
        document = self.document
        if document is None:
            return 0
        if self._word_estimate[0] is not document:
            self._word_estimate = (document, len(document.text.split()))
        return self._word_estimate[1]

    @property
    def title(self) -> str:
        """Display name of the shown text: its (edited) title, metadata or first heading, else its
        file name; "Pasted text" for an untitled paste; "" for an empty pane."""
        return display_title(self.document)

    def retitle(self, document: Document) -> bool:
        """Show `document`, the same text under another title or author, keeping the built text,
        the analysis and every highlight and layer (nothing is rebuilt or analysed again);
        False, changing nothing, when it is not the text shown."""
        if self.document is None or document.text != self.document.text:
            return False
        if self._word_estimate[0] is self.document:  # same text, same count
            self._word_estimate = (document, self._word_estimate[1])
        self.document = document
        self._update_header()
        return True

    def set_language_note(self, note: str | None) -> None:
        """Say in the header that the text looks like another language than the pipeline's."""
        self.language_note = note or ""
        self._update_header()
