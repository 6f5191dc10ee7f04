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
from PySide6.QtWidgets import (QHeaderView, QLabel, QListWidget, QListWidgetItem, QScrollArea, QSplitter,
                               QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

from dataclasses import replace

from ...core.comparison.compare import Actor, ActorSide, Comparison, rank_verbs, summary
from ...core.comparison.roles import AgencyLink
from ...core.export.markup import plural
from ...core.kinds import role_word
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
    """"invade ×2, bomb": the telling verbs (the lexicons') first, then by frequency, light verbs
    such as "say" last (as in the handout); "—" when there are none."""
    return summary(rank_verbs(links), limit) or "—"


def named_only(comparison: Comparison) -> Comparison:
    """`comparison` without the links made through a pronoun (View ▸ Links Through Pronouns off)."""
    def side(found: ActorSide) -> ActorSide:
        return replace(found, agent=tuple(l for l in found.agent if not l.inferred),
                       patient=tuple(l for l in found.patient if not l.inferred))

    return replace(comparison, actors=tuple(replace(a, left=side(a.left), right=side(a.right)) for a in comparison.actors))


def agency_line(side: ActorSide) -> str:
    """"acts: invade ×2, bomb; acted on: sanction" (plain words, never the parser's terms)."""
    return f"{role_word('agent')}: {verb_summary(side.agent)}; {role_word('patient')}: {verb_summary(side.patient)}"


def agency_lines(side: ActorSide, limit: int = 4) -> str:
    """The same on two lines, the few most frequent verbs each (the tooltip has them all)."""
    return (f"{role_word('agent')}: {verb_summary(side.agent, limit)}\n"
            f"{role_word('patient')}: {verb_summary(side.patient, limit)}")


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
                         "share of verbs — solid: acts   hatched: acted on   (L, R)")
        if not self.actors:
            painter.drawText(QRectF(8, 28, self.width() - 16, 20), Qt.AlignmentFlag.AlignLeft,
                             "No actor is the agent or patient of a verb.")
        for index, actor in enumerate(self.actors):
            top = 28 + index * self.ROW
            painter.setPen(ink)
            painter.drawText(QRectF(8, top, label_w - 12, self.ROW - 2), styles.CHART_WRAP, actor.name)
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
        self.full: Comparison | None = None  # as given, pronoun links included
        self.names: tuple[str, str] = ("Left", "Right")
        self.show_inferred = True
        self.texts: tuple[str, str] = ("", "")
        self.tree = QTreeWidget()
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels(["Actor and verbs", "Left text", "Right text"])
        self.tree.setToolTip("Expand an actor to see each verb; activate one to show its clause in the pane.")
        self.tree.setWordWrap(True)  # long verb lists take a second line rather than ending in "…"
        self.tree.setUniformRowHeights(False)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.chart = AgencyChart()
        self.passives_label = QLabel()
        self.passives_label.setWordWrap(True)
        self.passives_label.setToolTip("Who did it? — the text does not say. Passive clauses without “by …” "
                                       "(agentless passives).")
        self.one_sided = QListWidget()
        self.one_sided.setToolTip("Passages with no counterpart in the other text, and passives that do not say "
                                  "who did it. Activate one to show it.")
        side_panel = QWidget()
        side_layout = QVBoxLayout(side_panel)
        side_layout.setContentsMargins(0, 0, 0, 0)
        chart_area = QScrollArea()
        chart_area.setWidgetResizable(True)
        chart_area.setWidget(self.chart)
        side_layout.addWidget(chart_area, 2)
        side_layout.addWidget(self.passives_label)
        side_layout.addWidget(QLabel("<b>Only in one text, and passives without a doer</b>"))
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
        self.comparison = self.full = None
        self.tree.clear()
        self.one_sided.clear()
        self.passives_label.setText("")
        self.chart.set_actors((), ("Left", "Right"))

    def set_show_inferred(self, on: bool) -> None:
        """Show (or leave out) the links made through a pronoun, and show the agency again."""
        self.show_inferred = on
        if self.full is not None:
            self.set_comparison(self.full, self.names, self.texts)

    def set_comparison(self, comparison: Comparison, names: tuple[str, str], texts: tuple[str, str] | None = None) -> None:
        """Show the agency of `comparison`; with `texts` (the two documents' text) rows show
        excerpts of each clause and passage. Links through a pronoun are left out while
        `show_inferred` is off."""
        self.full, self.names = comparison, names
        comparison = comparison if self.show_inferred else named_only(comparison)
        self.comparison = comparison
        self.texts = texts or ("", "")
        actors = actors_with_agency(comparison)
        self.tree.clear()
        for actor in actors:
            row = QTreeWidgetItem([actor.name, agency_lines(actor.left), agency_lines(actor.right)])
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
            f"Passives without a doer (who did it? the text does not say): left {counts[0][0]} of "
            f"{plural(counts[0][1], 'passive')} · right {counts[1][0]} of {plural(counts[1][1], 'passive')}"
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
                    row.addChild(QTreeWidgetItem([f"… and {len(links) - LIST_LIMIT:,} more ({role_word(role)}) in the "
                                                  f"{side_name} text"]))

    def _excerpt(self, side: str, start: int, end: int) -> str:
        text = self.texts[0 if side == "left" else 1]
        if not text:
            return f"at {start}–{end}"
        piece = " ".join(text[start:end].split())
        if len(piece) <= EXCERPT:
            return piece
        cut = piece.rfind(" ", 0, EXCERPT)  # at a word: a cut word could read as another ("poss…")
        return piece[: cut if cut > EXCERPT // 2 else EXCERPT - 1].rstrip(" ,;:") + " …"

    def _link_item(self, side: str, role: str, link: AgencyLink) -> QTreeWidgetItem:
        via = f", via ‘{link.pronoun or 'a pronoun'}’" if link.inferred else ""
        how = f"{link.verb} ({role_word(role)}{via})"
        columns = [how, "", ""]
        columns[1 if side == "left" else 2] = self._excerpt(side, link.start, link.end)
        item = QTreeWidgetItem(columns)
        item.setData(0, EVIDENCE_ROLE, (side, link.start, link.end))
        tip = "Activate to show the clause in the reading pane."
        if link.inferred:
            tip += (f" The text names the actor here as ‘{link.pronoun}’, linked because: {link.evidence}. "
                    "View ▸ Links Through Pronouns hides such links.")
        tip += f" (The parser's terms: {role}, {link.voice} voice.)"
        for column in range(3):
            item.setToolTip(column, tip)
        return item

    def _fill_passages(self, comparison: Comparison, names: tuple[str, str]) -> None:
        self.one_sided.clear()
        alignment = comparison.alignment
        for side, name, ranges in (("left", names[0], alignment.left_only), ("right", names[1], alignment.right_only)):
            for start, end in ranges[:LIST_LIMIT]:
                item = QListWidgetItem(f"Only in the {side} text: {self._excerpt(side, start, end)}")
                item.setToolTip(f"Only in {name}: no passage of the other text reports this.")
                item.setData(EVIDENCE_ROLE, (side, start, end))
                self.one_sided.addItem(item)
            self._more(len(ranges), f"one-sided passages in {name}")
        for side, name in zip(SIDES, names):
            agentless = [p for p in comparison.passives(side) if p.agent is None]  # type: ignore[arg-type]
            for passive in agentless[:LIST_LIMIT]:
                item = QListWidgetItem(f"{side.capitalize()}, no doer named: {self._excerpt(side, passive.start, passive.end)}")
                item.setData(EVIDENCE_ROLE, (side, passive.start, passive.end))
                item.setToolTip("Who did it? — the text does not say.")
                self.one_sided.addItem(item)
            self._more(len(agentless), f"passives without a doer in {name}")

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
