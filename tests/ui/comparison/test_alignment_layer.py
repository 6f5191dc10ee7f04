"""Matching passages and agentless passives in the reader, on the bundled sample pair: the band
and passive layers, Go to Counterpart, sync scrolling by matching passages (pytest-qt)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from framereader.core.segments import front_matter
from framereader.ui.comparison.alignment_layer import LAYER as PASSAGES
from framereader.ui.comparison.alignment_layer import without
from framereader.ui.comparison.passive_layer import LAYER as PASSIVES
from framereader.ui.reading.tooltips import PASSIVE_QUESTION
from ui_support import WAIT_MS

SAMPLES = Path(__file__).resolve().parents[3] / "resources" / "samples"



def _covered(spans) -> set[int]:
    return {i for start, end, _fmt in spans for i in range(start, end)}


def _status(window) -> str:
    return window.statusBar().currentMessage()


def _put_cursor(pane, core_offset: int) -> None:
    cursor = pane.view.textCursor()
    cursor.setPosition(pane.built.offsets.to_qt(core_offset))
    pane.view.setTextCursor(cursor)


def test_matching_passages_share_a_band_colour_and_one_sided_ones_are_hatched(compared) -> None:
    alignment = compared.compare.comparison.alignment
    paragraphs = [p for p in alignment.pairs if p.level == "paragraph"]
    assert len(paragraphs) >= 3 and alignment.left_only and alignment.right_only
    left, right = (compared.pane[side].layer(PASSAGES) for side in ("left", "right"))
    for pair in paragraphs:
        left_colours = {f.background().color().name() for a, b, f in left if pair.left[0] <= a < pair.left[1]}
        right_colours = {f.background().color().name() for a, b, f in right if pair.right[0] <= a < pair.right[1]}
        assert left_colours and left_colours & right_colours, pair
    colours = [next(f.background().color().name() for a, _b, f in left if a >= p.left[0]) for p in paragraphs[:2]]
    assert colours[0] != colours[1]  # neighbouring pairs tell apart
    hatched = {(a, b) for a, b, f in left if f.background().style() == Qt.BrushStyle.BDiagPattern}
    document = compared.pane["left"].document
    title_and_byline = front_matter(document.text, document.blocks)
    assert [document.text[a:b][:3] for a, b in title_and_byline] == ["The", "By "]
    for start, end in alignment.left_only:
        outside = [(a, b) for a, b in without([(start, end)], title_and_byline) if document.text[a:b].strip()]
        assert all(any(a <= x and y <= b for x, y in hatched) for a, b in outside)
    # every text has its own title and byline: they are one-sided, but not hatched
    assert any(a < title_and_byline[0][1] and title_and_byline[0][0] < b for a, b in alignment.left_only)
    assert not any(a < end and start < b for a, b in hatched for start, end in title_and_byline)
    # the bands leave the entity tints alone (extra selections would paint over them)
    analysis = compared.pane["left"].analysis
    entity_chars = {i for e in analysis.entities for i in range(e.start, e.end)}
    assert entity_chars and not (entity_chars & _covered(left))
    assert compared.errors == []


def test_the_layer_switches_off_and_on_and_survives_zoom_and_theme(qtbot, compared) -> None:
    pane = compared.pane["right"]
    before = pane.layer(PASSAGES)
    compared.commands["matching_passages"].trigger()
    assert not compared.settings.matching_passages and pane.layer(PASSAGES) == []
    compared.commands["matching_passages"].trigger()
    assert compared.settings.matching_passages and len(pane.layer(PASSAGES)) == len(before)
    compared.commands["zoom_in"].trigger()
    qtbot.waitUntil(lambda: not pane.building and compared.analysed(), timeout=WAIT_MS)
    assert [(a, b) for a, b, _f in pane.layer(PASSAGES)] == [(a, b) for a, b, _f in before]
    drawn = {(s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in pane.view.extraSelections()}
    assert all(pane.built.offsets.span_to_qt(a, b) in drawn for a, b, _f in before)
    light = before[0][2].background().color().name()
    compared.view.set_theme("dark")
    qtbot.waitUntil(lambda: not pane.building, timeout=WAIT_MS)
    assert pane.layer(PASSAGES)[0][2].background().color().name() != light
    compared.view.set_theme("light")


def test_go_to_counterpart_selects_the_matching_passage(qtbot, compared) -> None:
    alignment = compared.compare.comparison.alignment
    pair = next(p for p in alignment.pairs if p.level == "paragraph")
    left, right = compared.pane["left"], compared.pane["right"]
    _put_cursor(left, pair.left[0] + 5)
    compared.documents.focused = "left"
    compared.commands["go_to_counterpart"].trigger()
    selected = right.view.textCursor().selectedText().replace("\u2029", "\n")
    own, other = alignment.counterpart("left", pair.left[0] + 5)
    assert selected == right.document.text[other[0]:other[1]]
    assert compared.documents.focused == "right" and "right text" in _status(compared)
    # and back again from the right pane
    _put_cursor(right, other[0] + 1)
    compared.commands["go_to_counterpart"].trigger()
    back = alignment.counterpart("right", other[0] + 1)[1]
    assert left.view.textCursor().selectedText().replace("\u2029", "\n") == left.document.text[back[0]:back[1]]


def test_a_one_sided_passage_says_so(compared) -> None:
    alignment = compared.compare.comparison.alignment
    start, end = alignment.left_only[-1]
    left, right = compared.pane["left"], compared.pane["right"]
    right.view.moveCursor(right.view.textCursor().MoveOperation.Start)
    _put_cursor(left, start + 2)
    compared.documents.focused = "left"
    compared.commands["go_to_counterpart"].trigger()
    assert _status(compared) == "This passage is only in the left text."
    assert not right.view.textCursor().hasSelection()
    tooltip = left.describe_position(left.built.offsets.to_qt(start + 2))
    assert "Only in this text" in tooltip


def test_the_context_menu_offers_the_counterpart(compared) -> None:
    alignment = compared.compare.comparison.alignment
    pair = next(p for p in alignment.pairs if p.level == "paragraph")
    left, right = compared.pane["left"], compared.pane["right"]
    menu = left.context_menu(left.built.offsets.to_qt(pair.left[0] + 3))
    action = next(a for a in menu.actions() if a.text() == "Go to Counterpart in the Right Text")
    action.trigger()
    other = alignment.counterpart("left", pair.left[0] + 3)[1]
    assert right.view.textCursor().selectedText().replace("\u2029", "\n") == right.document.text[other[0]:other[1]]
    one_sided = alignment.left_only[0][0]
    menu = left.context_menu(left.built.offsets.to_qt(one_sided))
    entry = next(a for a in menu.actions() if a.text() == "No Counterpart in the Other Text")
    assert not entry.isEnabled()


def test_sync_scrolling_can_follow_the_matching_passages(qtbot, compared) -> None:
    compared.resize(1200, 500)  # short viewports, so both texts scroll
    qtbot.wait(50)
    compared.view.set_sync(True)
    compared.commands["sync_by_passages"].trigger()
    assert compared.settings.sync_by_passages and compared.linker.by_points
    points = compared.passages.sync_points()
    assert points and all(a1 < a2 and b1 < b2 for (a1, b1), (a2, b2) in zip(points, points[1:]))
    left_bar = compared.pane["left"].view.verticalScrollBar()
    right_bar = compared.pane["right"].view.verticalScrollBar()
    assert left_bar.maximum() > 0 and right_bar.maximum() > 0
    checked = 0
    for left_y, right_y in points:
        # scroll the left pane so this passage start sits under its anchor (t of the viewport)
        value = round(left_y / (1 + left_bar.pageStep() / left_bar.maximum()))
        if value > left_bar.maximum():
            continue
        left_bar.setValue(value)
        t = left_bar.value() / left_bar.maximum()
        # the right passage start is on the same viewport line (t of the page from the top)
        expected = right_y - t * right_bar.pageStep()
        if 0 < expected < right_bar.maximum():
            assert abs(right_bar.value() - expected) <= 2, (left_y, right_y)
            checked += 1
    assert checked >= 2
    compared.commands["sync_by_passages"].trigger()
    assert not compared.linker.by_points


def test_agentless_passives_are_a_switchable_layer_with_a_tooltip(qtbot, compared) -> None:
    pane = compared.pane["right"]
    passives = [p for p in compared.compare.comparison.passives("right") if p.agent is None]
    spans = pane.layer(PASSIVES)
    assert passives and len(spans) == len(passives)
    text = pane.document.text
    assert "were reportedly killed" in [text[a:b] for a, b, _f in spans]
    assert all(a <= p.verb_start and p.verb_end == b for (a, b, _f), p in zip(spans, sorted(passives, key=lambda p: p.verb_end)))
    start = text.index("were reportedly killed")
    tooltip = pane.describe_position(pane.built.offsets.to_qt(start + 2))
    assert PASSIVE_QUESTION in tooltip and "were reportedly killed" in tooltip
    compared.commands["agentless_passives"].trigger()
    assert not compared.settings.agentless_passives and pane.layer(PASSIVES) == []
    assert PASSIVE_QUESTION not in pane.describe_position(pane.built.offsets.to_qt(start + 2))
    compared.commands["agentless_passives"].trigger()
    assert len(pane.layer(PASSIVES)) == len(passives)
    compared.commands["highlights"].trigger()  # all highlights off: the layer goes too
    assert pane.layer(PASSIVES) == []
    compared.commands["highlights"].trigger()
    assert len(pane.layer(PASSIVES)) == len(passives)
    counts = f"agentless passives: {len([p for p in compared.compare.comparison.passives('left') if p.agent is None])} left"
    assert counts in compared.comparison_panel.status.text()


def test_a_new_text_removes_the_bands_until_it_is_compared(qtbot, compared, tmp_path) -> None:
    other = tmp_path / "other.txt"
    other.write_text("A paragraph about the weather in spring.\n\nAnother about the harvest.\n", encoding="utf-8")
    assert compared.open_path(1, str(other))
    assert compared.pane["left"].layer(PASSAGES) == [] and compared.pane["right"].layer(PASSAGES) == []
    compared.documents.focused = "left"
    compared.commands["go_to_counterpart"].trigger()
    assert "compared" in _status(compared)
    qtbot.waitUntil(lambda: compared.compare.comparison is not None, timeout=WAIT_MS)
    assert compared.pane["right"].layer(PASSAGES)  # the weather text has only one-sided passages
    assert compared.errors == []


def test_bands_are_drawn_after_a_swap_on_a_slow_machine(qtbot, compared, monkeypatch) -> None:
    from framereader.ui.reading import pane as pane_module

    slow = pane_module.build_steps
    monkeypatch.setattr(pane_module, "build_steps", lambda *args: slow(*args, budget_s=0.0))
    compared.documents.swap()
    qtbot.waitUntil(lambda: compared.compare.comparison is not None and compared.analysed(), timeout=WAIT_MS)
    for pane in compared.panes:
        spans = pane.layer(PASSAGES)
        assert spans
        drawn = {(s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in pane.view.extraSelections()}
        assert all(pane.built.offsets.span_to_qt(a, b) in drawn for a, b, _f in spans), pane.side
    assert compared.pane["left"].title.startswith("Calm Heads")  # the texts did change places
