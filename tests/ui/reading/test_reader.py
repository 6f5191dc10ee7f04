"""Acceptance tests for the reader window (pytest-qt, offscreen, one trained pipeline per session)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QColor, QDropEvent, QGuiApplication, QTextCursor
from PySide6.QtTest import QTest

from framereader.core.kinds import same_name_key
from framereader.core.model import Analysis, Document, EntitySpan, ModelInfo
from framereader.ui.base import styles
from framereader.ui.reading.text_builder import qt_char
from ui_support import WAIT_MS, format_at, long_text, open_and_wait, qt_text, utf16_units, highlight_menu_action

FRAMING = styles.FRAMING_CATEGORY_PROPERTY


def entity_background(win, label: str) -> QColor:
    return win.book.entity_format(label).background().color()


def has_entity_tint(fmt, win, label: str) -> bool:
    return fmt.hasProperty(fmt.Property.BackgroundBrush) and fmt.background().color() == entity_background(win, label)


def settle(qtbot, win) -> None:
    """Wait for the state the assertions read: every open text built (a zoom or theme change
    rebuilds it in timed steps, longer on a busy machine), analysed and fully highlighted."""
    qtbot.waitUntil(win.analysed, timeout=WAIT_MS)


# --------------------------------------------------------------------------- highlights


def test_highlights_sit_on_exactly_the_right_characters(opened) -> None:
    win = opened
    left_text = win.panes[0].document.text
    after_emoji = [e for e in win.panes[0].analysis.entities if e.start > left_text.index("😀")]
    assert any(e.text == "Marek Holloway" for e in after_emoji), "the test needs an entity after the emoji"
    assert any(e.start > left_text.index("👩") for e in win.panes[0].analysis.entities)
    for pane in win.panes:
        qdoc, offsets, analysis = pane.view.document(), pane.built.offsets, pane.analysis
        assert analysis.entities and analysis.framing
        for entity in analysis.entities:
            start, end = offsets.span_to_qt(entity.start, entity.end)
            assert qt_text(qdoc, start, end) == utf16_units("".join(map(qt_char, entity.text)))
            for position in range(start, end):
                assert has_entity_tint(format_at(qdoc, position), win, entity.label), (entity, position)
            for outside in (start - 1, end):  # the neighbours are not tinted for this label
                covered = any(
                    e.label == entity.label and offsets.to_qt(e.start) <= outside < offsets.to_qt(e.end)
                    for e in analysis.entities
                )
                if 0 <= outside < qdoc.characterCount() - 1 and not covered:
                    assert not has_entity_tint(format_at(qdoc, outside), win, entity.label), (entity, outside)
        for span in analysis.framing:
            start, end = offsets.span_to_qt(span.start, span.end)
            assert qt_text(qdoc, start, end) == utf16_units("".join(map(qt_char, span.text)))
            for position in range(start, end):
                assert format_at(qdoc, position).property(FRAMING) == span.category


def test_a_word_that_is_entity_and_framing_shows_both(qtbot, window, tmp_path: Path) -> None:
    path = tmp_path / "both.txt"
    # (a capitalised "Regime" inside a sentence would be read as a name: the name guard)
    path.write_text("Officials from the Assad regime met in Paris.\n", encoding="utf-8")
    open_and_wait(qtbot, window, 0, path)
    pane = window.panes[0]
    overlaps = [(e, f) for e in pane.analysis.entities for f in pane.analysis.framing
                if e.start <= f.start < e.end]
    for entity, framing in overlaps:  # depends on the model; checked whenever it happens
        fmt = format_at(pane.view.document(), pane.built.offsets.to_qt(framing.start))
        assert has_entity_tint(fmt, window, entity.label) and fmt.property(FRAMING) == framing.category
    regime = [f for f in pane.analysis.framing if f.text == "regime"]
    assert regime, "the bundled lexicon marks 'regime'"


def test_markdown_keeps_emphasis_under_highlights(opened) -> None:
    pane = opened.panes[1]
    text = pane.document.text
    berlin = text.index("Berlin")
    fmt = format_at(pane.view.document(), pane.built.offsets.to_qt(berlin))
    assert fmt.fontWeight() >= 700  # **Berlin** stays bold under the GPE tint
    assert any(e.text == "Berlin" for e in pane.analysis.entities)
    opened.visibility.set_all(False)
    pane.highlighter.run_to_end()
    assert format_at(pane.view.document(), pane.built.offsets.to_qt(berlin)).fontWeight() >= 700


def test_toggling_a_label_a_category_and_all_restyles_without_reanalysis(qtbot, opened, monkeypatch) -> None:
    win = opened
    monkeypatch.setattr(win.service, "analyze", lambda *a, **k: (_ for _ in ()).throw(AssertionError("re-analysed")))
    pane = win.panes[0]
    qdoc, offsets = pane.view.document(), pane.built.offsets
    person = next(e for e in pane.analysis.entities if e.label == "PERSON")
    gpe = next(e for e in pane.analysis.entities if e.label == "GPE")
    framing = pane.analysis.framing[0]

    def person_tinted() -> bool:
        return has_entity_tint(format_at(qdoc, offsets.to_qt(person.start)), win, "PERSON")

    def gpe_tinted() -> bool:
        return has_entity_tint(format_at(qdoc, offsets.to_qt(gpe.start)), win, "GPE")

    def framed() -> bool:
        return format_at(qdoc, offsets.to_qt(framing.start)).property(FRAMING) == framing.category

    assert person_tinted() and gpe_tinted() and framed()
    win.legend.label_boxes["PERSON"].click()  # the legend checkbox
    settle(qtbot, win)
    assert not person_tinted() and gpe_tinted() and framed()
    assert not highlight_menu_action(win, "PERSON").isChecked()  # the View menu follows
    highlight_menu_action(win, "PERSON").trigger()  # and drives it too
    settle(qtbot, win)
    assert person_tinted()

    win.visibility.set_category_visible(framing.category, False)
    settle(qtbot, win)
    assert not framed() and person_tinted()
    assert not win.legend.category_boxes[framing.category].isChecked()
    win.visibility.set_category_visible(framing.category, True)
    settle(qtbot, win)
    assert framed()

    win.commands["highlights"].trigger()  # all off
    settle(qtbot, win)
    assert not win.visibility.value.enabled and not win.legend.all_box.isChecked()
    for p in win.panes:
        doc = p.view.document()
        for position in range(doc.characterCount() - 1):
            fmt = format_at(doc, position)
            assert fmt.property(FRAMING) is None
            assert not any(has_entity_tint(fmt, win, e.label) for e in p.analysis.entities)
        assert p.ruler.marks() == []
    win.legend.all_box.click()
    settle(qtbot, win)
    assert person_tinted() and framed() and win.commands["highlights"].isChecked()


def test_tooltips_explain_labels_and_framing_terms(opened) -> None:
    pane = opened.panes[0]
    person = next(e for e in pane.analysis.entities if e.label == "PERSON")
    tip = pane.describe_position(pane.built.offsets.to_qt(person.start))
    assert "PERSON" in tip and "People" in tip and person.text in tip
    regime = next(f for f in pane.analysis.framing if f.term == "regime")
    tip = pane.describe_position(pane.built.offsets.to_qt(regime.start))
    assert "Loaded language" in tip and "illegitimate" in tip and "government or administration" in tip


def test_legend_counts_and_ruler_marks(opened) -> None:
    win = opened
    left, right = (p.analysis for p in win.panes)
    assert set(win.legend.label_boxes) == set(left.entity_counts) | set(right.entity_counts)
    assert set(win.legend.category_boxes) == set(win.book.categories)
    for pane in win.panes:
        assert len(pane.ruler.marks()) == len(pane.analysis.entities) + len(pane.analysis.framing)


def test_highlights_are_applied_in_chunks_on_big_documents(qtbot, window) -> None:
    text = "Holloway went to Paris. " * 6000
    document = Document(text)
    spans = tuple(EntitySpan(i * 24, i * 24 + 8, "PERSON", "Holloway") for i in range(6000))
    analysis = Analysis("big", text, ModelInfo("test", "1"), spans, (), 24000, entity_counts={"PERSON": 6000})
    pane = window.panes[0]
    pane.set_document(document)
    window.service.cancel("left")
    assert pane.set_analysis(analysis)
    assert pane.highlighter.busy  # nothing is applied synchronously
    qtbot.waitUntil(lambda: not pane.highlighter.busy, timeout=WAIT_MS)
    assert pane.highlighter.ticks > 1
    last = spans[-1]
    assert has_entity_tint(format_at(pane.view.document(), last.start), window, "PERSON")


# --------------------------------------------------------------------------- scrolling


def test_scrolling_one_pane_scrolls_the_other_only_when_synced(qtbot, window, tmp_path: Path) -> None:
    short, longer = tmp_path / "short.txt", tmp_path / "long.txt"
    short.write_text(long_text(40, "Holloway"), encoding="utf-8")
    longer.write_text(long_text(120, "Petrova"), encoding="utf-8")
    window.open_path(0, str(short))
    window.open_path(1, str(longer))
    left, right = (p.view.verticalScrollBar() for p in window.panes)
    # both texts built and highlighted: until then each step changes the layout, and so the
    # scroll ranges the mapping reads
    qtbot.waitUntil(lambda: all(p.settled for p in window.panes), timeout=WAIT_MS)
    assert left.maximum() > 0 and right.maximum() > left.maximum()
    assert window.commands["sync"].isChecked()
    left.setValue(left.maximum())
    assert right.value() == right.maximum()
    left.setValue(left.maximum() // 2)
    assert abs(right.value() - right.maximum() // 2) <= 2
    right.setValue(0)
    assert left.value() == 0

    window.commands["sync"].trigger()  # off
    assert not window.linker.enabled and not window.settings.sync_scrolling
    left.setValue(left.maximum())
    assert right.value() == 0
    window.commands["sync"].trigger()  # on again: the right pane catches up
    assert right.value() == right.maximum()
    qtbot.waitUntil(lambda: window.analysed(), timeout=WAIT_MS)


def test_ruler_click_jumps_and_shows_the_visible_band(qtbot, window, tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text(long_text(120, "Holloway"), encoding="utf-8")
    window.view.set_sync(False)
    open_and_wait(qtbot, window, 0, path)
    pane = window.panes[0]
    bar = pane.view.verticalScrollBar()
    top, bottom = pane.ruler.visible_band()
    assert top == 0 and 0 < bottom < 1
    QTest.mouseClick(pane.ruler, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     QPoint(5, pane.ruler.height() - 4))
    assert bar.value() == bar.maximum()
    assert pane.ruler.visible_band()[1] > 0.99


# --------------------------------------------------------------------------- mentions


def click_span(qtbot, pane, start: int, end: int) -> None:
    """Scroll the span into view and click its middle like a user."""
    pane.scroll_to(pane.built.offsets.to_qt(start))
    cursor = QTextCursor(pane.view.document())
    cursor.setPosition(pane.built.offsets.to_qt((start + end) // 2))
    rect = pane.view.cursorRect(cursor)
    QTest.mouseClick(pane.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center())


def test_clicking_an_entity_marks_its_mentions_and_f3_walks_them(qtbot, window, tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(long_text(30, "Marek Holloway"), encoding="utf-8")
    b.write_text("Critics say Marek Holloway went too far.\n\n" + long_text(30, "Anya Petrova")
                 + "\nIn the end Marek Holloway spoke.\n", encoding="utf-8")
    open_and_wait(qtbot, window, 0, a)
    open_and_wait(qtbot, window, 1, b)
    left, right = window.panes
    key = "marek holloway"
    expected_left = sorted({(e.start, e.end) for e in left.analysis.entities if same_name_key(e.text) == key})
    expected_right = sorted({(e.start, e.end) for e in right.analysis.entities if same_name_key(e.text) == key})
    assert len(expected_left) > 3 and len(expected_right) == 2
    first = expected_left[1]
    click_span(qtbot, left, *first)
    # the marks are drawn on top of the reading layers (passage bands, one-sided bars…): the last selections
    assert len(left.view.mention_spans) == len(expected_left) and len(right.view.mention_spans) == len(expected_right)
    marked = [(s.cursor.selectionStart(), s.cursor.selectionEnd())
              for s in right.view.extraSelections()[-len(expected_right):]]
    assert marked == [right.built.offsets.span_to_qt(*span) for span in expected_right]
    assert [(a, b) for a, b, _current in right.view.mention_spans] == marked
    message = window.statusBar().currentMessage()
    assert f"{len(expected_left)} mentions left, 2 right" in message and "Marek Holloway" in message
    assert window.marks.index == 1

    before = left.view.verticalScrollBar().value()
    window.commands["next_mention"].trigger()  # F3
    assert left.view.textCursor().position() == left.built.offsets.to_qt(expected_left[2][0])
    assert left.view.mention_spans[2][2] and not left.view.mention_spans[1][2]  # current one outlined
    for _ in range(len(expected_left) - 3):
        window.commands["next_mention"].trigger()
        assert left.view.viewport().rect().contains(left.view.cursorRect(left.view.textCursor()).center())
    assert left.view.verticalScrollBar().value() > before  # the pane scrolled to the last mention
    window.commands["next_mention"].trigger()
    # past the last left mention: on to the right text
    assert right.view.textCursor().position() == right.built.offsets.to_qt(expected_right[0][0])
    assert window.documents.focused == "right"
    window.commands["previous_mention"].trigger()  # Shift+F3
    assert left.view.textCursor().position() == left.built.offsets.to_qt(expected_left[-1][0])
    assert QKeySequenceText("F3") in [k.toString() for k in window.commands["next_mention"].shortcuts()]
    assert QKeySequenceText("Shift+F3") in [k.toString() for k in window.commands["previous_mention"].shortcuts()]
    layers = len(left.view.extraSelections()) - len(expected_left)  # what the reading layers draw
    window.commands["clear_marks"].trigger()
    assert not left.view.mention_spans and not right.view.mention_spans
    assert len(left.view.extraSelections()) == layers


def QKeySequenceText(text: str) -> str:  # noqa: N802 - reads like the Qt type
    from PySide6.QtGui import QKeySequence

    return QKeySequence(text).toString()


def test_mark_actor_hook_marks_given_spans(opened) -> None:
    win = opened
    left_text, right_text = (p.document.text for p in win.panes)
    paris_left = [(left_text.index("Paris"), left_text.index("Paris") + 5)]
    paris_right = [(m, m + 5) for m in (right_text.index("Paris"),)]
    win.marker.mark(paris_left, paris_right, "Paris")
    assert "Paris: 1 mention left, 1 right" in win.statusBar().currentMessage()
    assert win.panes[0].marks[0] == paris_left
    selections = win.panes[0].view.extraSelections()  # the mark is drawn last, over any layer
    assert [s.cursor.selectedText() for s in selections][-1:] == ["Paris"]
    win.marker.step(+1)
    assert win.panes[0].view.textCursor().position() == win.panes[0].built.offsets.to_qt(paris_left[0][0])


# --------------------------------------------------------------------------- opening and errors


def test_bad_files_show_an_error_and_leave_the_pane_unchanged(opened, texts) -> None:
    win = opened
    pane = win.panes[0]
    document, analysis = pane.document, pane.analysis
    for name in ("binary", "missing", "folder"):
        assert not win.open_path(0, str(texts[name]))
        title, message = win.errors[-1]
        assert str(texts[name]) in message
        assert pane.document is document and pane.analysis is analysis
    assert "PNG" in win.errors[0][1]
    assert len(win.errors) == 3
    assert pane.view.document().characterCount() == pane.built.offsets.qt_length + 1


def test_paste_swap_close_and_recent(qtbot, opened, texts) -> None:
    win = opened
    QGuiApplication.clipboard().setText("Anya Petrova spoke in Geneva about the sham vote.")
    win.commands["paste_right"].trigger()
    right = win.panes[1]
    assert right.document.source == "clipboard" and right.header.title.text() == "Pasted text"
    qtbot.waitUntil(lambda: right.settled, timeout=WAIT_MS)
    assert any(e.text == "Geneva" for e in right.analysis.entities)
    # the descriptors too (the parse for the comparison): a swap cancels any still being made and
    # asks for them again, which is not the re-analysis this test rules out
    qtbot.waitUntil(lambda: not win.service.busy("left") and not win.service.busy("right"), timeout=WAIT_MS)

    left_doc, left_analysis = win.panes[0].document, win.panes[0].analysis
    win.commands["swap"].trigger()
    assert win.panes[1].document is left_doc and win.panes[1].analysis is left_analysis
    assert win.panes[0].document.source == "clipboard" and not win.service.busy("left")

    win.panes[1].view.setFocus()
    win.documents.focused = "right"  # focus events are unreliable offscreen; the pane reports focus like this
    win.commands["close"].trigger()
    assert win.panes[1].document is None and win.panes[0].document is not None
    assert str(Path(texts["emoji"]).resolve()) in win.settings.recent_files
    win.documents.fill_recent_menu(win.menus['recent'])
    assert any(a.text() == str(Path(texts["markdown"]).resolve()) for a in win.menus['recent'].actions())

    QGuiApplication.clipboard().setText("   ")
    assert not win.documents.paste(0)
    assert win.errors and "clipboard" in win.errors[-1][1]


def test_dropping_a_file_onto_a_pane_opens_it(qtbot, window, texts) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(texts["markdown"]))])
    view = window.panes[1].view
    event = QDropEvent(QPointF(20, 20), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    view.dropEvent(event)
    assert window.panes[1].document is not None and window.panes[1].document.name == "article.md"
    qtbot.waitUntil(lambda: window.panes[1].settled, timeout=WAIT_MS)


def test_zoom_rebuilds_bigger_text_and_keeps_highlights(qtbot, opened) -> None:
    win = opened
    pane = win.panes[0]
    person = next(e for e in pane.analysis.entities if e.label == "PERSON")
    size = format_at(pane.view.document(), pane.built.offsets.to_qt(person.start)).fontPointSize()
    win.commands["zoom_in"].trigger()
    settle(qtbot, win)
    fmt = format_at(pane.view.document(), pane.built.offsets.to_qt(person.start))
    assert fmt.fontPointSize() > size and has_entity_tint(fmt, win, "PERSON")
    win.commands["zoom_reset"].trigger()
    settle(qtbot, win)
    assert format_at(pane.view.document(), pane.built.offsets.to_qt(person.start)).fontPointSize() == size


def test_a_newer_request_supersedes_an_older_one(qtbot, window) -> None:
    service = window.service
    first = Document(long_text(400, "Marek Holloway"))
    second = Document("Anya Petrova visited Geneva.")
    results: list[Analysis] = []
    service.analysis_ready.connect(lambda side, analysis: results.append(analysis) if side == "left" else None)
    service.analyze("left", first)
    service.analyze("left", second)
    qtbot.waitUntil(lambda: bool(results), timeout=WAIT_MS)
    qtbot.wait(300)
    assert [a.text for a in results] == [second.text]
    assert not service.busy("left")


def test_zooming_a_long_text_twice_rebuilds_in_steps_and_keeps_the_place(qtbot, window) -> None:
    from PySide6.QtCore import QPoint

    window.documents.set_document("left", Document(long_text(3000, "Marek Holloway")))
    pane = window.panes[0]
    qtbot.waitUntil(lambda: pane.settled, timeout=WAIT_MS)
    bar = pane.view.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    top = pane.built.offsets.to_core(pane.view.cursorForPosition(QPoint(0, 0)).position())
    size = pane.view.document().defaultFont().pointSizeF()
    window.view.zoom_in()
    assert pane.building  # a long text is rebuilt in steps, not in one blocking call
    window.view.zoom_in()  # a second zoom while the first rebuild runs
    qtbot.waitUntil(lambda: pane.settled, timeout=WAIT_MS)
    assert pane.view.document().defaultFont().pointSizeF() == pytest.approx(size * 1.21, rel=0.02)
    now = pane.built.offsets.to_core(pane.view.cursorForPosition(QPoint(0, 0)).position())
    assert abs(now - top) < 2000  # the same paragraph or its neighbour, not the start
    entity = pane.analysis.entities[len(pane.analysis.entities) // 2]
    fmt = format_at(pane.view.document(), pane.built.offsets.to_qt(entity.start))
    assert fmt.fontPointSize() > size and has_entity_tint(fmt, window, entity.label)
