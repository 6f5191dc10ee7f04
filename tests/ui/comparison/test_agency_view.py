"""The agency tab of the comparison dock on a hand-built comparison (no model needed)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from framereader.core.comparison.compare import compare
from framereader.core.model import Analysis, EntitySpan, ModelInfo, Passive, Role
from framereader.ui.comparison.agency import AgencyChart, AgencyView, agency_line
from framereader.ui.comparison.panel import ComparisonPanel

LEFT = ("Russia invaded Kestria. Russia invaded Dornau again. Russia bombed the port. The EU sanctioned Russia. "
        "Civilians were killed.\nA paragraph about the weather, which nobody else reports.")
RIGHT = "Russia invaded Kestria, the ministry said. Civilians were killed by shelling."


def span(text: str, word: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return start, start + len(word)


def role(text: str, kind: str, verb: str, arg: tuple[int, int], clause: str, voice: str = "active") -> Role:
    start = text.index(clause)
    return Role(kind, verb, voice, arg[0], arg[1], start, start + len(clause), start, start + 3)  # type: ignore[arg-type]


def build():
    russia = [span(LEFT, "Russia", n) for n in range(4)]
    left = Analysis(
        "l.txt", LEFT, ModelInfo("m", "1"),
        entities=tuple(EntitySpan(a, b, "GPE", "Russia") for a, b in russia) + (EntitySpan(*span(LEFT, "EU"), "ORG", "EU"),),
        framing=(), words=30,
        roles=(
            role(LEFT, "agent", "invade", russia[0], "Russia invaded Kestria"),
            role(LEFT, "agent", "invade", russia[1], "Russia invaded Dornau again"),
            role(LEFT, "agent", "bomb", russia[2], "Russia bombed the port"),
            role(LEFT, "patient", "sanction", russia[3], "The EU sanctioned Russia"),
            role(LEFT, "agent", "sanction", span(LEFT, "EU"), "The EU sanctioned Russia"),
        ),
        passives=(Passive(LEFT.index("Civilians"), LEFT.index("Civilians") + 21, "kill", 0, 0, None),),
    )
    r = span(RIGHT, "Russia")
    right = Analysis(
        "r.txt", RIGHT, ModelInfo("m", "1"), entities=(EntitySpan(*r, "GPE", "Russia"),), framing=(), words=12,
        roles=(role(RIGHT, "agent", "invade", r, "Russia invaded Kestria"),),
        passives=(Passive(RIGHT.index("Civilians"), len(RIGHT) - 1, "kill", 0, 0, "shelling"),),
    )
    return left, right, compare(left, right)


def test_rows_say_what_each_actor_does_and_suffers_in_each_text(qtbot):
    left, right, comparison = build()
    view = AgencyView()
    qtbot.addWidget(view)
    view.set_comparison(comparison, ("l.txt", "r.txt"), (left.text, right.text))
    rows = {view.tree.topLevelItem(i).text(0): view.tree.topLevelItem(i) for i in range(view.tree.topLevelItemCount())}
    assert list(rows) == ["Russia", "EU"]  # most verbs first
    assert rows["Russia"].text(1) == "acts: invade ×2, bomb\nacted on: sanction"  # two lines: nothing cut
    assert rows["Russia"].text(2) == "acts: invade\nacted on: —"
    assert rows["Russia"].childCount() == 0  # verbs are added on first expansion
    view.tree.expandItem(rows["Russia"])
    assert rows["Russia"].childCount() == 5
    assert agency_line(comparison.actors[0].left) == rows["Russia"].toolTip(1) == "acts: invade ×2, bomb; acted on: sanction"


def test_activating_a_verb_emits_side_and_clause(qtbot):
    left, right, comparison = build()
    panel = ComparisonPanel()
    qtbot.addWidget(panel)
    panel.set_comparison(comparison, {}, "l.txt", "r.txt", (left.text, right.text))
    russia = panel.agency.tree.topLevelItem(0)
    panel.agency.tree.expandItem(russia)
    bomb = next(russia.child(i) for i in range(russia.childCount()) if russia.child(i).text(0).startswith("bomb"))
    assert bomb.text(1) == "Russia bombed the port"
    with qtbot.waitSignal(panel.verb_activated, timeout=1000) as signal:
        panel.agency.tree.itemActivated.emit(bomb, 0)
    side, start, end = signal.args
    assert side == "left" and left.text[start:end] == "Russia bombed the port"


def test_one_sided_passages_and_agentless_passives_are_listed_and_jump(qtbot):
    left, right, comparison = build()
    panel = ComparisonPanel()
    qtbot.addWidget(panel)
    panel.set_comparison(comparison, {}, "l.txt", "r.txt", (left.text, right.text))
    items = [panel.agency.one_sided.item(i) for i in range(panel.agency.one_sided.count())]
    texts = [i.text() for i in items]
    assert any(t.startswith("Only in the left text: A paragraph about the weather") for t in texts)
    assert "Left, no doer named: Civilians were killed" in texts
    assert not any("Right, no doer named" in t for t in texts)  # "by shelling" says who
    assert "left 1 of 1 passive · right 0 of 1 passive" in panel.agency.passives_label.text()  # one: singular
    weather = next(i for i in items if "weather" in i.text())
    with qtbot.waitSignal(panel.passage_activated, timeout=1000) as signal:
        panel.agency.one_sided.itemActivated.emit(weather)
    side, start, end = signal.args
    assert side == "left" and left.text[start:end].startswith("A paragraph about the weather")
    assert weather.data(Qt.ItemDataRole.UserRole) == (side, start, end)


def test_chart_shares_and_painting(qtbot):
    _left, _right, comparison = build()
    russia = comparison.actors[0]
    assert AgencyChart.shares(russia.left) == (0.75, 0.25)
    assert AgencyChart.shares(russia.right) == (1.0, 0.0)
    chart = AgencyChart()
    qtbot.addWidget(chart)
    chart.set_actors(comparison.actors, ("l", "r"))
    chart.resize(500, chart.sizeHint().height())
    image = QImage(chart.size(), QImage.Format.Format_ARGB32)
    chart.render(image)
    colours = {image.pixelColor(x, 28 + 3 + 6).name() for x in range(150, 400, 5)}
    assert "#b3541e" in colours  # the solid agent share of Russia's left bar is drawn


def test_clear_empties_the_tab(qtbot):
    _left, _right, comparison = build()
    panel = ComparisonPanel()
    qtbot.addWidget(panel)
    panel.set_comparison(comparison, {}, "l", "r")
    assert panel.agency.tree.topLevelItemCount() == 2
    panel.agency.fill_row(panel.agency.tree.topLevelItem(0))
    assert "at " in panel.agency.tree.topLevelItem(0).child(0).text(1)  # no texts: offsets shown
    panel.clear("Open two texts to compare them.")
    assert panel.agency.tree.topLevelItemCount() == 0 and panel.agency.one_sided.count() == 0


def test_long_lists_are_capped_with_a_count(qtbot):
    from dataclasses import replace

    from framereader.core.comparison.alignment import Alignment
    from framereader.ui.comparison import agency as agency_view

    _left, _right, comparison = build()
    many = tuple((i, i + 1) for i in range(agency_view.LIST_LIMIT + 25))
    view = AgencyView()
    qtbot.addWidget(view)
    view.set_comparison(replace(comparison, alignment=Alignment((), many, ())), ("l", "r"))
    texts = [view.one_sided.item(i).text() for i in range(view.one_sided.count())]
    assert sum(t.startswith("Only in the left text:") for t in texts) == agency_view.LIST_LIMIT
    assert "… and 25 more one-sided passages in l" in texts
