"""The comparison panel: who appears in both texts, the words each text attaches to them, and
how dense each kind of loaded language is on each side (a QPainter bar chart); a second tab
shows who does what to whom (`agency.AgencyView`), a third the names each text chose for the
same things (`word_choice_view.WordChoiceView`)."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPaintEvent, QPen
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QListWidget, QListWidgetItem,
                               QScrollArea, QSplitter, QTabWidget, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from ...core.comparison.compare import Actor, Comparison, ProfileRow, rank_descriptors, summary
from ...core.export.markup import fmt, plural
from ...core.model import Descriptor, Side
from ...core.kinds import kind_tooltip, label_singular
from ...core.kinds import relation_example, relation_sentence
from ..base import styles
from .agency import AgencyView
from .voices import VoicesView
from .word_choice_view import WordChoiceView

SIDES: tuple[Side, Side] = ("left", "right")
#: The comparison dock opens tall enough for this many rows of the actor table.
OPENING_ROWS = 8


def descriptor_summary(descriptors: tuple[Descriptor, ...], limit: int = 6) -> str:
    """"gambler ×2, reckless" — ranked as everywhere else (`core.compare.rank_descriptors`)."""
    return summary(rank_descriptors(descriptors), limit)


def lane_label(lane: int, density: float, count: int) -> str:
    """"L  23.8 (3)": the rate per 1,000 words, then the count in brackets, as the handout
    prints it."""
    return f"{'L' if lane == 0 else 'R'}  {fmt(density)} ({count})"


class ProfileChart(QWidget):
    """One row per framing category: the left text's density as a solid bar, the right text's
    as a hatched bar (so the chart reads in grey too), with counts and per-1,000-word values."""

    ROW = 34

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: tuple[ProfileRow, ...] = ()
        self.meta: Mapping[str, Mapping[str, str]] = {}
        self.names = ("Left", "Right")
        self.setMinimumHeight(120)

    def set_profile(self, rows: tuple[ProfileRow, ...], meta: Mapping[str, Mapping[str, str]], names: tuple[str, str]) -> None:
        self.rows, self.meta, self.names = rows, meta, names
        self.setMinimumHeight(40 + self.ROW * max(1, len(rows)))
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(520, 40 + self.ROW * max(1, len(self.rows)))

    def paintEvent(self, event: QPaintEvent) -> None:  # Qt API
        painter = styles.chart_painter(self, 10.5)
        ink, muted = QColor(styles.INK), QColor(styles.INK_MUTED)
        label_w, value_w = 210.0, 120.0
        bar_w = max(60.0, self.width() - label_w - value_w - 24)
        peak = max([r.left_density for r in self.rows] + [r.right_density for r in self.rows] + [0.001])
        painter.setPen(muted)
        painter.drawText(QRectF(8, 4, self.width() - 16, 20), Qt.AlignmentFlag.AlignLeft,
                         "per 1,000 words (count in brackets) — solid: left text   hatched: right text")
        for index, row in enumerate(self.rows):
            top = 28 + index * self.ROW
            meta = self.meta.get(row.category, {})
            colour = QColor(meta.get("colour", styles.ACCENT))
            painter.setPen(ink)
            painter.drawText(QRectF(8, top, label_w - 12, self.ROW - 2), styles.CHART_WRAP, meta.get("name", row.category))
            for lane, (density, count) in enumerate(((row.left_density, row.left_count), (row.right_density, row.right_count))):
                y = top + 3 + lane * 14
                width = bar_w * density / peak
                rect = QRectF(label_w, y, max(width, 1.5 if count else 0), 12)
                painter.setPen(QPen(colour.darker(130), 1))
                painter.setBrush(QBrush(colour) if lane == 0 else QBrush(colour, Qt.BrushStyle.BDiagPattern))
                painter.drawRect(rect)
                painter.setPen(muted)
                painter.drawText(QRectF(label_w + bar_w + 8, y - 2, value_w, 16), Qt.AlignmentFlag.AlignLeft,
                                 lane_label(lane, density, count))
        painter.end()


class ComparisonPanel(QWidget):
    """Actors in both texts / only one, descriptors with evidence, and the framing profile."""

    actor_activated = Signal(object)  # Actor
    evidence_activated = Signal(str, int, int)  # side, start, end (core offsets of the sentence)
    verb_activated = Signal(str, int, int)  # side, start, end (core offsets of the verb's clause)
    passage_activated = Signal(str, int, int)  # side, start, end (a one-sided passage, a passive, a word choice)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.comparison: Comparison | None = None
        self.status = QLabel("Open two texts to compare them.")
        self.status.setObjectName("ComparisonStatus")
        self.status.setWordWrap(True)  # a narrow dock takes a second line: nothing is cut
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels(["Actor in both texts", "Kind", "Left", "Right", "Left calls them",
                                              "Right calls them"])
        for column, tip in ((1, "What kind of name it is"), (2, "Mentions in the left text"),
                            (3, "Mentions in the right text"), (4, "Words the left text attaches to the actor"),
                            (5, "Words the right text attaches to the actor")):
            header_item = self.table.horizontalHeaderItem(column)
            if header_item is not None:
                header_item.setToolTip(tip)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)  # compact rows
        self.only_left = QListWidget()
        self.only_right = QListWidget()
        self.evidence = QListWidget()
        for listing in (self.only_left, self.only_right, self.evidence):
            listing.setWordWrap(True)  # a long name takes a second line: nothing is cut
            listing.setMinimumHeight(2 * listing.fontMetrics().lineSpacing() + 8)  # three lists fit a short dock
        self.evidence.setToolTip("Words attached to the selected actor. Activate one to see its sentence.")
        self.chart = ProfileChart()

        lists = QWidget()
        lists_layout = QVBoxLayout(lists)
        lists_layout.setContentsMargins(0, 0, 0, 0)
        for title, widget in (("Evidence for the selected actor", self.evidence), ("Only in the left text", self.only_left),
                              ("Only in the right text", self.only_right)):
            heading = QLabel(f"<b>{title}</b>")
            heading.setWordWrap(True)
            lists_layout.addWidget(heading)
            lists_layout.addWidget(widget, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(lists)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        chart_area = QScrollArea()  # the chart has a tab of its own: its bars need the width
        chart_area.setWidgetResizable(True)
        chart_area.setWidget(self.chart)
        self.agency = AgencyView()
        self.tabs = QTabWidget()
        self.tabs.addTab(splitter, "Actors")
        self.tabs.addTab(self.agency, "Who does what to whom")
        self.voices = VoicesView()  # who is quoted in each text
        self.tabs.addTab(self.voices, "Voices")
        self.word_choice = WordChoiceView()  # names for the same thing, per word-choice set
        self.tabs.addTab(self.word_choice, "Word choice")
        self.tabs.addTab(chart_area, "Loaded words per text")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        row = QHBoxLayout()
        row.addWidget(self.status, 1)
        layout.addLayout(row)
        layout.addWidget(self.tabs, 1)
        self.agency.verb_activated.connect(self.verb_activated)
        self.agency.passage_activated.connect(self.passage_activated)
        self.voices.quote_activated.connect(self.passage_activated)
        self.word_choice.use_activated.connect(self.passage_activated)

        self.table.itemSelectionChanged.connect(self._on_table_selection)
        self.table.itemActivated.connect(lambda item: self._activate_row(item.row()))
        self.table.cellClicked.connect(lambda row, _column: self._activate_row(row))
        for widget in (self.only_left, self.only_right):
            widget.itemActivated.connect(self._on_single_side_activated)
            widget.itemClicked.connect(self._on_single_side_activated)
        self.evidence.itemActivated.connect(self._on_evidence_activated)
        self.evidence.itemClicked.connect(self._on_evidence_activated)

    def add_tab(self, widget: QWidget, title: str) -> None:
        """A tab another feature contributes (the reader's edits…), after the comparison's own."""
        self.tabs.addTab(widget, title)

    def sizeHint(self) -> QSize:
        return QSize(1000, self.opening_height())

    def heightForWidth(self, width: int) -> int:
        """As short as its parts allow: the dock's scroll area would otherwise make the panel as
        tall as every wrapped label and table wants (700 px), hiding its lower half below the
        dock's edge instead of letting the lists and tables scroll inside."""
        return self.minimumSizeHint().height()

    def opening_height(self, rows: int = OPENING_ROWS) -> int:
        """The panel's height that shows the status line, the tabs, the table's header and
        `rows` rows: the comparison dock opens this tall (the texts keep the rest)."""
        row = self.table.verticalHeader().defaultSectionSize()
        header = self.table.horizontalHeader().sizeHint().height()
        tabs = self.tabs.tabBar().sizeHint().height()
        status = self.status.sizeHint().height()
        margins = 4 + 4 + 6 + 2 * self.table.frameWidth() + 8  # the layout's and the tab page's
        return status + tabs + header + rows * row + margins

    def fit_table(self) -> None:
        """Keep the actor table wide enough for every header (the words columns stretch and
        never shrink below their header's width; the lists and the chart give way)."""
        header = self.table.horizontalHeader()
        metrics = header.fontMetrics()
        width = sum(header.sectionSize(c) for c in range(4))
        for column in (4, 5):
            item = self.table.horizontalHeaderItem(column)
            width += metrics.horizontalAdvance(item.text() if item is not None else "") + 24
        self.table.setMinimumWidth(width + 2 * self.table.frameWidth() + self.table.verticalScrollBar().sizeHint().width())

    # ------------------------------------------------------------------ filling
    def clear(self, message: str) -> None:
        """Empty every view and show `message`."""
        self.comparison = None
        self.status.setText(message)
        self.table.setRowCount(0)
        for widget in (self.only_left, self.only_right, self.evidence):
            widget.clear()
        self.chart.set_profile((), {}, ("Left", "Right"))
        self.agency.clear()
        self.voices.clear()
        self.word_choice.clear()

    def set_comparison(self, comparison: Comparison, categories_meta: Mapping[str, Mapping[str, str]],
                       left_name: str, right_name: str, texts: tuple[str, str] | None = None) -> None:
        """Show `comparison` between the texts called `left_name` and `right_name` (with
        `texts`, the agency tab shows excerpts of each clause)."""
        self.comparison = comparison
        shared = comparison.shared
        self.status.setText(
            f"{plural(len(shared), 'actor')} in both texts · {len(comparison.only_left)} only in the left text · "
            f"{len(comparison.only_right)} only in the right text · passives without a doer: "
            f"{comparison.agentless('left')} left · {comparison.agentless('right')} right"
        )
        self.status.setToolTip(f"Left: {left_name}\nRight: {right_name}")
        self.table.setRowCount(len(shared))
        for row, actor in enumerate(shared):
            cells = [actor.name, label_singular(actor.label), str(actor.left.count), str(actor.right.count),
                     descriptor_summary(actor.left.descriptors), descriptor_summary(actor.right.descriptors)]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, row)
                if column == 1:
                    item.setToolTip(kind_tooltip(actor.label))
                if column in (2, 3):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        for widget, actors, side in zip((self.only_left, self.only_right), (comparison.only_left, comparison.only_right), SIDES):
            widget.clear()
            for actor in actors:
                entry = QListWidgetItem(f"{actor.name}  ({label_singular(actor.label)}, {actor.side(side).count}×)")
                entry.setData(Qt.ItemDataRole.UserRole, actor)
                entry.setToolTip(kind_tooltip(actor.label))
                widget.addItem(entry)
        self.table.resizeRowsToContents()
        self.fit_table()
        self.evidence.clear()
        self.chart.set_profile(comparison.profile, categories_meta, (left_name, right_name))
        self.agency.set_comparison(comparison, (left_name, right_name), texts)
        self.voices.set_voices(comparison.voices, (left_name, right_name))
        self.word_choice.set_comparison(comparison, (left_name, right_name))

    # ------------------------------------------------------------------ interaction
    def _shared_actor(self, row: int) -> Actor | None:
        if self.comparison is None or not 0 <= row < len(self.comparison.shared):
            return None
        return self.comparison.shared[row]

    def _on_table_selection(self) -> None:
        rows = {index.row() for index in self.table.selectedIndexes()}
        actor = self._shared_actor(min(rows)) if rows else None
        if actor is not None:
            self._show_evidence(actor)

    def _activate_row(self, row: int) -> None:
        actor = self._shared_actor(row)
        if actor is not None:
            self._show_evidence(actor)
            self.actor_activated.emit(actor)

    def _on_single_side_activated(self, item: QListWidgetItem) -> None:
        actor = item.data(Qt.ItemDataRole.UserRole)
        self._show_evidence(actor)
        self.actor_activated.emit(actor)

    def _show_evidence(self, actor: Actor) -> None:
        self.evidence.clear()
        for side in SIDES:
            for descriptor in actor.side(side).descriptors:
                item = QListWidgetItem(f"{side.capitalize()}: {descriptor.label}  —  {relation_example(descriptor.relation)}")
                item.setData(Qt.ItemDataRole.UserRole, (side, descriptor))
                item.setToolTip(f"{relation_sentence(descriptor.relation).capitalize()} (the parser's term: "
                                f"{descriptor.relation}). Activate to show the sentence in the reading pane.")
                self.evidence.addItem(item)
        if not self.evidence.count():
            self.evidence.addItem(QListWidgetItem("No descriptors found for this actor."))

    def _on_evidence_activated(self, item: QListWidgetItem) -> None:
        data = item.data(Qt.ItemDataRole.UserRole)
        if data:
            side, descriptor = data
            self.evidence_activated.emit(side, descriptor.sentence_start, descriptor.sentence_end)
