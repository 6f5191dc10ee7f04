"""The scroll mapping between panes of different lengths, and the linker's loop guard."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtWidgets import QScrollBar

from framereader.ui.reading.sync import ScrollLinker, map_scroll


def test_ends_line_up_for_texts_of_different_lengths() -> None:
    assert map_scroll(0, 1000, 400, 3000, 400) == 0
    assert map_scroll(1000, 1000, 400, 3000, 400) == 3000
    assert map_scroll(3000, 3000, 400, 1000, 400) == 1000


def test_middles_line_up_at_the_middle_of_the_viewport() -> None:
    # source half way: its document middle (500 + 0.5*400 = 700 of 1400) is mid-viewport;
    # the target must show its own middle (1700 of 3400) mid-viewport as well
    target = map_scroll(500, 1000, 400, 3000, 400)
    assert target + 0.5 * 400 == 0.5 * (3000 + 400)


def test_unscrollable_panes_map_to_the_top() -> None:
    assert map_scroll(0, 0, 400, 3000, 400) == 0
    assert map_scroll(500, 1000, 400, 0, 400) == 0


@given(st.integers(0, 5000), st.integers(1, 5000), st.integers(1, 5000))
def test_mapping_is_monotonic_and_in_range(value: int, src_max: int, dst_max: int) -> None:
    value = min(value, src_max)
    target = map_scroll(value, src_max, 300, dst_max, 500)
    assert 0 <= target <= dst_max
    assert map_scroll(min(value + 1, src_max), src_max, 300, dst_max, 500) >= target


def test_linker_follows_both_ways_without_feedback(qapp) -> None:
    left, right = QScrollBar(), QScrollBar()
    left.setRange(0, 1000)
    left.setPageStep(400)
    right.setRange(0, 3000)
    right.setPageStep(400)
    linker = ScrollLinker(left, right)
    changes: list[int] = []
    left.valueChanged.connect(changes.append)
    left.setValue(500)
    assert right.value() == 1500
    assert changes == [500]  # the right bar's change did not bounce back
    right.setValue(3000)
    assert left.value() == 1000
    linker.set_enabled(False)
    left.setValue(0)
    assert right.value() == 3000
    linker.set_enabled(True)  # re-enabling aligns the right pane with the left
    assert right.value() == 0
