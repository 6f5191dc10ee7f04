"""A bare pane's drawing layers and context-menu providers (no trained model needed)."""

from __future__ import annotations

from PySide6.QtGui import QColor, QTextCharFormat

from framereader.core.model import Document
from framereader.ui.reading.pane import Pane


def _pane(qtbot, text: str) -> Pane:
    pane = Pane("left")
    qtbot.addWidget(pane)
    pane.set_document(Document(text=text))
    qtbot.waitUntil(lambda: pane.built is not None)
    return pane


def _band(colour: str) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setBackground(QColor(colour))
    return fmt


def test_layers_draw_under_the_marks_in_order_and_survive_a_rebuild(qtbot) -> None:
    pane = _pane(qtbot, "Crème brûlée 🍮 was served. Then the ministry replied.")
    pane.set_layer("bands", [(0, 27, _band("#eeeeff"))], order=1)
    pane.set_layer("passives", [(28, 32, _band("#ffeeee"))], order=0)
    pane.set_marks([(17, 20)], current=0)
    selections = pane.view.extraSelections()
    assert [s.format.background().color().name() for s in selections[:2]] == ["#ffeeee", "#eeeeff"]
    assert len(selections) == 3  # the mark comes last, on top
    emoji_qt_end = selections[1].cursor.selectionEnd()
    assert emoji_qt_end == 28  # 27 code points, one of them astral: 28 UTF-16 units
    pane.set_scale(1.5)  # rebuilds the Qt document
    qtbot.waitUntil(lambda: not pane.building)
    assert len(pane.view.extraSelections()) == 3
    pane.set_layer("bands", [])
    assert pane.layer("bands") == [] and len(pane.view.extraSelections()) == 2


def test_a_layer_span_outside_the_text_is_not_drawn(qtbot) -> None:
    pane = _pane(qtbot, "Short text.")
    pane.set_layer("bands", [(3, 400, _band("#eeeeff")), (0, 5, _band("#eeeeff"))])
    assert len(pane.view.extraSelections()) == 1


def test_menu_providers_get_the_core_offset_and_the_selection(qtbot) -> None:
    pane = _pane(qtbot, "🍮 The ministry replied.")
    seen = []
    pane.add_menu_provider(lambda menu, p, offset, selection: (seen.append((offset, selection)),
                                                               menu.addAction("Mark as Loaded…")))
    cursor = pane.view.textCursor()
    cursor.setPosition(7)  # Qt position of "ministry" (the emoji is two UTF-16 units)
    cursor.setPosition(15, cursor.MoveMode.KeepAnchor)
    pane.view.setTextCursor(cursor)
    menu = pane.context_menu(8)
    assert seen == [(7, (6, 14))]
    assert pane.document is not None and pane.document.text[6:14] == "ministry"
    assert "Mark as Loaded…" in [a.text() for a in menu.actions()]
    assert pane.context_menu(-1) is not None and seen[-1][0] is None


def test_many_layer_spans_are_drawn_near_the_viewport_and_follow_scrolling(qtbot) -> None:
    from framereader.ui.reading.layers import CULL_LAYER_SPANS

    line = "The ministry replied to the regime's claims about the valley.\n\n"
    pane = _pane(qtbot, line * 3000)
    pane.resize(600, 400)
    pane.show()
    qtbot.wait(20)  # Qt lays the text out for the new viewport
    spans = [(i * len(line), i * len(line) + 12, _band("#eeeeff")) for i in range(3000)]
    assert len(spans) > CULL_LAYER_SPANS
    pane.set_layer("bands", spans)
    assert pane.layer("bands") == spans  # every span is kept…
    drawn = pane.view.extraSelections()
    assert 0 < len(drawn) < 500  # …but only those near the viewport are extra selections
    assert drawn[0].cursor.selectionStart() == 0
    bar = pane.view.verticalScrollBar()
    bar.setValue(bar.maximum())
    qtbot.wait(100)
    last = pane.built.offsets.to_qt(spans[-1][0])
    assert last in {s.cursor.selectionStart() for s in pane.view.extraSelections()}
    pane.set_marks([(0, 3)], current=0)  # marks are always drawn, wherever they are
    assert pane.view.extraSelections()[-1].cursor.selectionStart() == 0
