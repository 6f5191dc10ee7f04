"""Sync scrolling through matching passages (sync points), cutting bands around tinted spans,
and the verb phrase of a passive: the pure functions, without a model."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QScrollBar

from framereader.core.model import Passive
from framereader.ui.comparison.alignment_layer import without
from framereader.ui.comparison.passive_layer import verb_phrase
from framereader.ui.reading.sync import ScrollLinker, document_y, map_scroll, map_scroll_by_points, map_y


def test_without_points_the_mapping_is_the_proportional_one() -> None:
    for value in (0, 123, 500, 999, 1000):
        assert map_scroll_by_points(value, 1000, 400, 3000, 400, []) == map_scroll(value, 1000, 400, 3000, 400)


def test_a_sync_point_under_the_anchor_lines_up_on_the_same_viewport_line() -> None:
    # source 1000 + 400 page (1400 tall), target 3000 + 400 (3400 tall); a passage starts at
    # y 700 in the source and at y 2500 in the target (proportionally it would be at 1700)
    points = [(700.0, 2500.0)]
    value = 500  # half way: the anchor is mid-viewport (y 500 + 200 = 700, the passage start)
    target = map_scroll_by_points(value, 1000, 400, 3000, 400, points)
    assert target + 200 == 2500
    assert map_scroll(value, 1000, 400, 3000, 400) + 200 == 1700  # what proportional does


def test_between_points_the_mapping_is_linear_and_the_ends_still_meet() -> None:
    points = [(100.0, 1000.0), (300.0, 1100.0)]
    assert map_y(200.0, points, 1000.0, 2000.0) == 1050.0
    assert map_y(50.0, points, 1000.0, 2000.0) == 500.0
    assert map_y(650.0, points, 1000.0, 2000.0) == 1550.0
    assert map_scroll_by_points(0, 600, 400, 1600, 400, points) == 0
    assert map_scroll_by_points(600, 600, 400, 1600, 400, points) == 1600


def test_points_out_of_order_or_outside_the_documents_are_ignored() -> None:
    points = [(300.0, 500.0), (200.0, 900.0), (5000.0, 10.0), (-1.0, 4.0)]
    assert map_y(200.0, points, 1000.0, 2000.0) == 900.0  # (200, 900) comes first when sorted...
    assert map_y(300.0, points, 1000.0, 2000.0) == 900.0 + (2000.0 - 900.0) * (100.0 / 800.0)  # ...(300, 500) is dropped
    assert map_y(100.0, points, 1000.0, 2000.0) == 450.0  # (-1, 4) lies outside


@given(st.integers(0, 4000), st.lists(st.tuples(st.floats(0, 5000), st.floats(0, 5000)), max_size=8))
def test_the_mapping_stays_in_range_and_never_goes_backwards(value, points) -> None:
    target = map_scroll_by_points(value, 4000, 500, 2500, 700, points)
    assert 0 <= target <= 2500
    assert map_scroll_by_points(min(4000, value + 37), 4000, 500, 2500, 700, points) >= target
    assert map_scroll_by_points(0, 4000, 500, 2500, 700, points) == 0
    assert map_scroll_by_points(4000, 4000, 500, 2500, 700, points) == 2500


def test_a_short_target_passage_holds_the_target_still_instead_of_going_back() -> None:
    # a long source passage (y 100 to 2100) matches a short target one (y 1000 to 1010)
    points = [(100.0, 1000.0), (2100.0, 1010.0)]
    values = [map_scroll_by_points(v, 3000, 500, 3000, 500, points) for v in range(0, 3001, 50)]
    assert values == sorted(values)
    assert len(set(values[10:30])) < 5  # holding (nearly) still over the long passage


def test_the_linker_follows_the_points_only_when_asked(qtbot) -> None:
    left, right = QScrollBar(), QScrollBar()
    for bar, maximum in ((left, 1000), (right, 3000)):
        bar.setRange(0, maximum)
        bar.setPageStep(400)
    linker = ScrollLinker(left, right)
    linker.points = lambda: [(700.0, 2500.0)]
    left.setValue(500)
    assert right.value() == map_scroll(500, 1000, 400, 3000, 400)
    linker.set_by_points(True)
    assert right.value() == 2300
    # the other way round: with the passage start under the right pane's anchor (which sits at
    # t = value / maximum of the viewport), the left passage start is on that same line
    right.setValue(2206)  # 2206 + 2206 / 3000 * 400 ≈ 2500
    t = 2206 / 3000
    assert abs(left.value() - (700 - t * 400)) <= 1
    linker.points = lambda: None  # no comparison: proportional again
    left.setValue(250)
    assert right.value() == map_scroll(250, 1000, 400, 3000, 400)


def test_document_y_grows_with_the_position(qtbot) -> None:
    document = QTextDocument()
    document.setPlainText("\n".join(f"Line {n} of a text." for n in range(40)))
    document.setTextWidth(400)
    ys = [document_y(document, document.findBlockByNumber(n).position()) for n in (0, 10, 39)]
    assert ys[0] < ys[1] < ys[2]
    assert document_y(document, 10**6) == ys[2]  # past the end: the last line


def test_without_cuts_holes_out_of_spans() -> None:
    assert without([(0, 100)], [(10, 20), (15, 30), (90, 120)]) == [(0, 10), (30, 90)]
    assert without([(0, 10), (20, 30)], []) == [(0, 10), (20, 30)]
    assert without([(5, 8)], [(0, 10)]) == []
    assert without([(0, 10), (40, 50)], [(10, 40)]) == [(0, 10), (40, 50)]


def test_a_passives_verb_phrase_takes_its_auxiliaries_and_adverbs() -> None:
    text = "On 14 March, after two guards were reportedly killed near Dornau, the army moved."
    verb = text.index("killed")
    passive = Passive(start=text.index("two"), end=text.index(" near"), verb="kill", verb_start=verb,
                      verb_end=verb + len("killed"))
    start, end = verb_phrase(text, passive)
    assert text[start:end] == "were reportedly killed"
    text = "Ballots, counted in a barracks, were not counted."
    verb = text.rindex("counted")
    passive = Passive(start=0, end=len(text) - 1, verb="count", verb_start=verb, verb_end=verb + 7)
    start, end = verb_phrase(text, passive)
    assert text[start:end] == "were not counted"
    text = "The strike, undertaken"
    passive = Passive(start=0, end=len(text), verb="undertake", verb_start=12, verb_end=len(text))
    assert verb_phrase(text, passive) == (12, len(text))  # a comma stops the phrase
