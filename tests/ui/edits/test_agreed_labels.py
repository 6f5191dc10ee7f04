"""The panes show one label per name across the two texts ("Brookfield", a city on the left
and a "person" to the model on the right, is a city in both panes), and the reader's own
correction of a label wins over that agreement."""

from __future__ import annotations

from pathlib import Path

from ui_support import WAIT_MS, open_and_wait

NEWS = Path(__file__).resolve().parents[2] / "data" / "news"


def _labels(pane, name: str) -> set[str]:
    return {e.label for e in pane.analysis.entities if e.text == name}


def test_one_name_one_label_in_both_panes_and_the_readers_correction_wins(qtbot, window) -> None:
    open_and_wait(qtbot, window, 1, NEWS / "038.txt")
    right = window.panes[1]
    assert _labels(right, "Brookfield") == {"PERSON"}  # the model alone, before the left text
    open_and_wait(qtbot, window, 0, NEWS / "037.txt")
    qtbot.waitUntil(lambda: _labels(right, "Brookfield") == {"GPE"}, timeout=WAIT_MS)
    assert _labels(window.panes[0], "Brookfield") == {"GPE"}
    assert right.analysis.entity_counts.get("GPE", 0) >= 2
    brookfield = next(e for e in right.analysis.entities if e.text == "Brookfield")
    assert window.edits.correct_label("right", brookfield, "ORG")
    qtbot.waitUntil(lambda: right.settled, timeout=WAIT_MS)
    assert any(e.label == "ORG" and e.start == brookfield.start for e in right.analysis.entities)
    assert _labels(window.panes[0], "Brookfield") == {"GPE"}
