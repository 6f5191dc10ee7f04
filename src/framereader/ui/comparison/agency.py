"""The agency part of the comparison dock: who does what to whom in each text, a chart of agent
versus patient share per actor, agentless passives, and the passages only one text has.

Qt only: everything shown comes from `core.compare.Comparison` (never spaCy). Activating a verb,
a passive or a one-sided passage emits (side, start, end) in core offsets, for the window to
select and show it in the reading pane.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.comparison.compare import Actor, ActorSide, Comparison, rank_words, summary
from ...core.comparison.roles import AgencyLink
from ..base import styles

SIDES = ("left", "right")
AGENT_COLOUR = "#b3541e"  # warm: acts
PATIENT_COLOUR = "#3b6ea8"  # cool: is acted upon
EVIDENCE_ROLE = Qt.ItemDataRole.UserRole
#: Actors shown in the chart (most verbs first).
CHART_ACTORS = 10
EXCERPT = 90
#: Rows of each kind in the lists (one-sided passages, agentless passives, an actor's verbs).
LIST_LIMIT = 300
ACTOR_ROLE = Qt.ItemDataRole.UserRole + 1


def verb_summary(links: Sequence[AgencyLink], limit: int = 6) -> str:
    """"invade ×2, bomb" (ranked as everywhere else); "—" when there are none."""
    return summary(rank_words(link.verb for link in links), limit) or "—"


def agency_line(side: ActorSide) -> str:
    """"as agent: invade ×2, bomb; as patient: sanction"."""
    return f"as agent: {verb_summary(side.agent)}; as patient: {verb_summary(side.patient)}"


def actors_with_agency(comparison: Comparison) -> list[Actor]:
    """Actors that are the agent or patient of at least one verb, most verbs first."""
    def links(actor: Actor) -> int:
        return sum(len(side.agent) + len(side.patient) for side in (actor.left, actor.right))

    found = [a for a in comparison.actors if links(a)]
    return sorted(found, key=lambda a: (-links(a), a.name.casefold()))


class AgencyChart(QWidget):
    """Per actor, one bar per text split into its agent share (solid, warm) and patient share
    (hatched, cool), with the counts; texts read in grey too (solid vs hatched, L/R labels)."""

    ROW = 36

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.actors: list[Actor] = []
        self.names = ("Left", "Right")
        self.setMinimumHeight(80)

    def set_actors(self, actors: Sequence[Actor], names: tuple[str, str]) -> None:
        self.actors, self.names = list(actors)[:CHART_ACTORS], names
        self.setMinimumHeight(36 + self.ROW * max(1, len(self.actors)))
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(420, 36 + self.ROW * max(1, len(self.actors)))

    @staticmethod
    def shares(side: ActorSide) -> tuple[float, float]:
        """(agent share, patient share) of the actor's verbs in one text; (0, 0) with none."""
        total = len(side.agent) + len(side.patient)
        return (len(side.agent) / total, len(side.patient) / total) if total else (0.0, 0.0)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = styles.chart_painter(self, 10.0)
        ink, muted = QColor(styles.INK), QColor(styles.INK_MUTED)
        agent, patient = QColor(AGENT_COLOUR), QColor(PATIENT_COLOUR)
        label_w, value_w = 150.0, 110.0
        bar_w = max(60.0, self.width() - label_w - value_w - 16)
        painter.setPen(muted)
        painter.drawText(QRectF(8, 4, self.width() - 16, 20), Qt.AlignmentFlag.AlignLeft,
                         "share of verbs — solid: as agent   hatched: as patient   (L, R)")
        if not self.actors:
            painter.drawText(QRectF(8, 28, self.width() - 16, 20), Qt.AlignmentFlag.AlignLeft,
                             "No actor is the agent or patient of a verb.")
        for index, actor in enumerate(self.actors):
            top = 28 + index * self.ROW
            painter.setPen(ink)
            painter.drawText(QRectF(8, top, label_w - 12, self.ROW - 4),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, actor.name)
            for lane, side_name in enumerate(SIDES):
                side = actor.side(side_name)  # type: ignore[arg-type]
                a_share, p_share = self.shares(side)
                y = top + 3 + lane * 15
                painter.setPen(QPen(agent.darker(130), 1))
                painter.setBrush(QBrush(agent))
                painter.drawRect(QRectF(label_w, y, bar_w * a_share, 12))
                painter.setPen(QPen(patient.darker(130), 1))
                painter.setBrush(QBrush(patient, Qt.BrushStyle.BDiagPattern))
                painter.drawRect(QRectF(label_w + bar_w * a_share, y, bar_w * p_share, 12))
                painter.setPen(muted)
                painter.drawText(QRectF(label_w + bar_w + 6, y - 2, value_w, 16), Qt.AlignmentFlag.AlignLeft,
                                 f"{'L' if lane == 0 else 'R'}  {len(side.agent)} / {len(side.patient)}")
        painter.end()


class AgencyView(QWidget):
    """Per actor and text, the verbs it is agent and patient of (expand a row for each verb's
    clause), the agent/patient chart, agentless passives and one-sided passages."""

    verb_activated = Signal(str, int, int)  # side, start, end (core offsets of the verb's clause)
    passage_activated = Signal(str, int, int)  # side, start, end of a passive or one-sided passage

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.comparison: Comparison | None = None
        self.texts: tuple[str, str] = ("", "")
        self.tree = QTreeWidget()
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels(["Actor / verb", "Left text", "Right text"])
        self.tree.setToolTip("Expand an actor to see each verb; activate one to show its clause in the pane.")
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.chart = AgencyChart()
        self.passives_label = QLabel()
        self.passives_label.setWordWrap(True)
        self.passives_label.setToolTip("Who did it? — the text does not say. Passive clauses without a by-agent.")
        self.one_sided = QListWidget()
        self.one_sided.setToolTip("Passages with no counterpart in the other text, and agentless passives. "
                                  "Activate one to show it.")
        side_panel = QWidget()
        side_layout = QVBoxLayout(side_panel)
        side_layout.setContentsMargins(0, 0, 0, 0)
        chart_area = QScrollArea()
        chart_area.setWidgetResizable(True)
        chart_area.setWidget(self.chart)
        side_layout.addWidget(chart_area, 2)
        side_layout.addWidget(self.passives_label)
        side_layout.addWidget(QLabel("<b>Only in one text, and agentless passives</b>"))
        side_layout.addWidget(self.one_sided, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.tree)
        splitter.addWidget(side_panel)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.tree.itemExpanded.connect(self.fill_row)
        self.tree.itemActivated.connect(self._on_tree_item)
        self.tree.itemClicked.connect(self._on_tree_item)
        self.one_sided.itemActivated.connect(self._on_passage)
        self.one_sided.itemClicked.connect(self._on_passage)

    def clear(self) -> None:
        self.comparison = None
        self.tree.clear()
        self.one_sided.clear()
        self.passives_label.setText("")
        self.chart.set_actors((), ("Left", "Right"))

    def set_comparison(self, comparison: Comparison, names: tuple[str, str], texts: tuple[str, str] | None = None) -> None:
        """Show the agency of `comparison`; with `texts` (the two documents' text) rows show
        excerpts of each clause and passage."""
        self.comparison = comparison
        self.texts = texts or ("", "")
        actors = actors_with_agency(comparison)
        self.tree.clear()
        for actor in actors:
            row = QTreeWidgetItem([actor.name, agency_line(actor.left), agency_line(actor.right)])
            row.setToolTip(1, agency_line(actor.left))
            row.setToolTip(2, agency_line(actor.right))
            row.setData(0, ACTOR_ROLE, actor)
            # The verbs are added when the row is first expanded: long texts have thousands.
            row.setChildIndicatorPolicy(QTreeWidgetItem.ChildIndicatorPolicy.ShowIndicator)
            self.tree.addTopLevelItem(row)
        if not actors:
            self.tree.addTopLevelItem(QTreeWidgetItem(["No actor is the agent or patient of a verb.", "", ""]))
        self.chart.set_actors(actors, names)
        counts = [(comparison.agentless(s), len(comparison.passives(s))) for s in SIDES]  # type: ignore[arg-type]
        self.passives_label.setText(
            f"Agentless passives (who did it? the text does not say): {names[0]} {counts[0][0]} of "
            f"{counts[0][1]} passive clauses · {names[1]} {counts[1][0]} of {counts[1][1]}"
        )
        self._fill_passages(comparison, names)

    def fill_row(self, row: QTreeWidgetItem) -> None:
        """Add one child per verb of the actor in `row` (once)."""
        actor = row.data(0, ACTOR_ROLE)
        if actor is None or row.childCount():
            return
        for side_name in SIDES:
            side = actor.side(side_name)
            for role in ("agent", "patient"):
                links = getattr(side, role)
                row.addChildren([self._link_item(side_name, role, link) for link in links[:LIST_LIMIT]])
                if len(links) > LIST_LIMIT:
                    row.addChild(QTreeWidgetItem([f"… and {len(links) - LIST_LIMIT:,} more as {role} in the {side_name} text"]))

    def _excerpt(self, side: str, start: int, end: int) -> str:
        text = self.texts[0 if side == "left" else 1]
        if not text:
            return f"at {start}–{end}"
        piece = " ".join(text[start:end].split())
        return piece if len(piece) <= EXCERPT else piece[: EXCERPT - 1] + "…"

    def _link_item(self, side: str, role: str, link: AgencyLink) -> QTreeWidgetItem:
        how = f"{link.verb} ({role}, {link.voice}{', via a pronoun' if link.inferred else ''})"
        columns = [how, "", ""]
        columns[1 if side == "left" else 2] = self._excerpt(side, link.start, link.end)
        item = QTreeWidgetItem(columns)
        item.setData(0, EVIDENCE_ROLE, (side, link.start, link.end))
        item.setToolTip(0, "Activate to show the clause in the reading pane."
                        + (" The actor is named by a pronoun here (inferred)." if link.inferred else ""))
        return item

    def _fill_passages(self, comparison: Comparison, names: tuple[str, str]) -> None:
        self.one_sided.clear()
        alignment = comparison.alignment
        for side, name, ranges in (("left", names[0], alignment.left_only), ("right", names[1], alignment.right_only)):
            for start, end in ranges[:LIST_LIMIT]:
                item = QListWidgetItem(f"only in {name}: {self._excerpt(side, start, end)}")
                item.setData(EVIDENCE_ROLE, (side, start, end))
                self.one_sided.addItem(item)
            self._more(len(ranges), f"one-sided passages in {name}")
        for side, name in zip(SIDES, names):
            agentless = [p for p in comparison.passives(side) if p.agent is None]  # type: ignore[arg-type]
            for passive in agentless[:LIST_LIMIT]:
                item = QListWidgetItem(f"{name}, agentless: {self._excerpt(side, passive.start, passive.end)}")
                item.setData(EVIDENCE_ROLE, (side, passive.start, passive.end))
                item.setToolTip("Who did it? — the text does not say.")
                self.one_sided.addItem(item)
            self._more(len(agentless), f"agentless passives in {name}")

    def _more(self, total: int, what: str) -> None:
        if total > LIST_LIMIT:
            self.one_sided.addItem(QListWidgetItem(f"… and {total - LIST_LIMIT:,} more {what}"))

    def _on_tree_item(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        data = item.data(0, EVIDENCE_ROLE)
        if data:
            self.verb_activated.emit(*data)

    def _on_passage(self, item: QListWidgetItem) -> None:
        data = item.data(EVIDENCE_ROLE)
        if data:
            self.passage_activated.emit(*data)
