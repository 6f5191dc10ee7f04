"""Entity and framing highlights as char-format merges, applied in timer-driven chunks.

Re-styling (a label toggled, highlights off) never re-runs the model: the pane replays the
builder's base formats (which keeps Markdown emphasis) and then the highlight merges computed
from the stored Analysis.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextDocument

from ...core.categories import CategoryStyle, category_styles, fallback_style
from ...core.model import Analysis
from ..base import styles
from ..base.visibility import Visibility
from .text_builder import BuiltText, FormatOp, apply_op

MAX_OPS_PER_TICK = 1000
TICK_BUDGET_S = 0.004  # re-layout when the edit block ends costs about as much again
#: Qt re-lays-out every character between the first and the last change of an edit block, at
#: roughly 5,000 characters a millisecond: a tick touches at most this many positions (longer
#: operations, such as the base formats that clear a whole document, are applied in pieces).
MAX_SPAN_PER_TICK = 10_000


@dataclass
class StyleBook:
    """Formats and colours per entity label and framing category (one object per format)."""

    categories: dict[str, CategoryStyle] = field(default_factory=dict)
    terms: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)  # (category, term) -> (note, alternative)
    _entity: dict[str, QTextCharFormat] = field(default_factory=dict)
    _framing: dict[str, tuple[QTextCharFormat, QTextCharFormat]] = field(default_factory=dict)
    _quoted: dict[str, QTextCharFormat] = field(default_factory=dict)

    @classmethod
    def from_lexicons(cls, lexicons: Iterable[object]) -> "StyleBook":
        """Categories (in lexicon order, from `category_styles`) and term notes from core
        `Lexicon` objects."""
        lexicons = list(lexicons)
        book = cls.from_styles(category_styles(lexicons))
        described: set[str] = set()
        for lexicon in lexicons:
            for category in getattr(lexicon, "categories", ()):
                if category.id in described:
                    continue  # the first category of an id wins, as in `category_styles`
                described.add(category.id)
                for term in getattr(category, "terms", ()):
                    book.terms[(category.id, term.text)] = (term.note or "", term.alternative or "")
        return book

    @classmethod
    def from_styles(cls, category_styles: Iterable[CategoryStyle]) -> "StyleBook":
        """A book for the given category styles (no term notes)."""
        return cls(categories={style.id: style for style in category_styles})

    def category(self, category_id: str) -> CategoryStyle:
        """Style of a category id; unknown ids get a stable default colour."""
        info = self.categories.get(category_id)
        if info is None:
            index = len(self.categories) + sum(map(ord, category_id)) % 8
            info = self.categories[category_id] = fallback_style(category_id, index)
        return info

    def entity_format(self, label: str) -> QTextCharFormat:
        fmt = self._entity.get(label)
        if fmt is None:
            fmt = self._entity[label] = styles.entity_format(label)
        return fmt

    def quoted_format(self, category_id: str) -> QTextCharFormat:
        """A framing word inside a quotation: paler, thinner, untinted (`styles.quoted_framing_format`)."""
        fmt = self._quoted.get(category_id)
        if fmt is None:
            info = self.category(category_id)
            fmt = self._quoted[category_id] = styles.quoted_framing_format(category_id, info.colour, info.index)
        return fmt

    def framing_formats(self, category_id: str) -> tuple[QTextCharFormat, QTextCharFormat]:
        """(underline only, underline with a light tint)."""
        pair = self._framing.get(category_id)
        if pair is None:
            info = self.category(category_id)
            pair = self._framing[category_id] = styles.framing_formats(category_id, info.colour, info.index)
        return pair

    def entity_colour(self, label: str) -> QColor:
        return styles.entity_colour(label)

    def category_colour(self, category_id: str) -> QColor:
        return QColor(self.category(category_id).colour)


def highlight_ops(built: BuiltText, analysis: Analysis, book: StyleBook, visibility: Visibility) -> Iterator[FormatOp]:
    """Merges for the visible highlights: framing (underline + tint) first, entities over them,
    so a word that is both keeps the entity tint and the framing underline. A generator: the
    Highlighter pulls a tick's worth at a time, so 60,000 spans never stall the event loop."""
    if not visibility.enabled:
        return
    to_qt = built.offsets.to_qt
    for span in analysis.framing:
        if visibility.shows_category(span.category):
            fmt = book.quoted_format(span.category) if span.quoted else book.framing_formats(span.category)[1]
            yield FormatOp(to_qt(span.start), to_qt(span.end), fmt, True)
    for ent in analysis.entities:
        if visibility.shows_label(ent.label):
            yield FormatOp(to_qt(ent.start), to_qt(ent.end), book.entity_format(ent.label), True)


class Highlighter(QObject):
    """Applies a list of format operations to one QTextDocument a chunk per timer tick."""

    finished = Signal()

    def __init__(self, document: QTextDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._source: Iterator[FormatOp] = iter(())
        self._carry: FormatOp | None = None  # an op pulled but left for the next tick
        self.ticks = 0  # timer ticks used by the last job (diagnostics and tests)
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._tick)

    @property
    def busy(self) -> bool:
        """True while chunks are still waiting to be applied."""
        return self._timer.isActive()

    def start(self, ops: Iterable[FormatOp]) -> None:
        """Replace any job in progress with `ops` (pulled lazily); work starts on the next tick."""
        self._source = iter(ops)
        self._carry = None
        self.ticks = 0
        self._timer.start()

    def stop(self) -> None:
        """Drop the job in progress."""
        self._timer.stop()
        self._source, self._carry = iter(()), None

    def run_to_end(self) -> None:
        """Apply everything left now (tests, printing)."""
        while self._timer.isActive():
            self._tick()

    def _pull(self) -> FormatOp | None:
        op, self._carry = self._carry, None
        return op if op is not None else next(self._source, None)

    def _tick(self) -> None:
        self.ticks += 1
        deadline = time.perf_counter() + TICK_BUDGET_S
        cursor = QTextCursor(self._document)
        last = cursor.document().characterCount() - 1
        applied, previous_start, first, done = 0, -1, -1, False
        cursor.beginEditBlock()
        try:
            while True:
                op = self._pull()
                if op is None:
                    done = True
                    break
                # Qt re-lays-out everything between the first and last change of an edit block,
                # so a block must not span the jump from the last framing op (document end)
                # back to the first entity op (document start), nor more than MAX_SPAN_PER_TICK
                # positions: leave the op (or the rest of it) for the next tick.
                if applied == 0:
                    first = op.start
                elif op.start < previous_start or op.end > first + MAX_SPAN_PER_TICK:
                    self._carry = op
                    break
                if op.end > op.start + MAX_SPAN_PER_TICK:
                    op, self._carry = op._replace(end=op.start + MAX_SPAN_PER_TICK), op._replace(start=op.start + MAX_SPAN_PER_TICK)
                    apply_op(cursor, op, last)
                    applied += 1
                    break
                apply_op(cursor, op, last)
                applied += 1
                previous_start = op.start
                if applied >= MAX_OPS_PER_TICK or (applied % 50 == 0 and time.perf_counter() > deadline):
                    break
        finally:
            cursor.endEditBlock()
        if done:
            self._timer.stop()
            self.finished.emit()
