"""The reader's edits in the window (pytest-qt, bundled samples): Exclude from Analysis and
Include Again, Not Loaded Here, Correct Entity Label, undo/redo, the Edits tab, swap, lessons."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMenu

from framereader.core.state.edits import Exclusion
from ui_support import WAIT_MS

SAMPLES = Path(__file__).resolve().parents[3] / "resources" / "samples"



def _settle(qtbot, win) -> None:
    qtbot.waitUntil(lambda: win.compare.comparison is not None and win.analysed(), timeout=WAIT_MS)


def _menu_action(menu: QMenu, starts: str):
    for action in menu.actions():
        if action.text().startswith(starts):
            return action
        if action.menu() is not None:
            found = _menu_action(action.menu(), starts)
            if found is not None:
                return found
    return None


def _menu_at(pane, offset: int) -> QMenu:
    return pane.context_menu(pane.built.offsets.to_qt(offset))


def _paragraph(text: str, starts: str) -> tuple[int, int]:
    start = text.index(starts)
    return start, text.index("\n", start)


def _left_row(win, category: str) -> int:
    row = win.compare.comparison.row(category)
    return row.left_count if row else 0


def _holloway_left(win) -> int:
    return next(a.left.count for a in win.compare.comparison.actors if a.name == "Marek Holloway")


def test_excluding_a_passage_leaves_it_out_of_highlights_counts_actors_and_chart(qtbot, compared) -> None:
    win, pane = compared, compared.panes[0]
    text = pane.document.text
    start, end = _paragraph(text, "Holloway, a former tank commander")
    raw = pane.analysis
    inside = [e for e in raw.entities if start <= e.start < end]
    framing_inside = [f for f in raw.framing if start <= f.start < end]
    assert inside and framing_inside  # the passage has names and loaded words to leave out
    holloway_before, words_before = _holloway_left(win), raw.words
    chart_before = sum(r.left_count for r in win.compare.comparison.profile)

    pane.select_span(start, end)
    action = _menu_action(_menu_at(pane, start + 3), "Exclude from Analysis")
    action.trigger()
    _settle(qtbot, win)
    edited = pane.analysis
    assert not any(start <= e.start < end for e in edited.entities)
    assert not any(start <= f.start < end for f in edited.framing)
    assert len(edited.entities) == len(raw.entities) - len(inside)
    assert edited.entity_counts != raw.entity_counts and edited.words < words_before
    assert pane.layer("edits.excluded")[0][:2] == (start, end)  # still shown, greyed
    assert _holloway_left(win) < holloway_before
    assert sum(r.left_count for r in win.compare.comparison.profile) == chart_before - len(framing_inside)
    assert sum(r.left_count for r in win.comparison_panel.chart.rows) == chart_before - len(framing_inside)
    assert [r.words for r in win.edits.view.rows] == [f"‘{text[start:end][:59]}…’"]
    assert win.compare.described["left"].excluded == ((start, end),)
    assert win.undo.undoText() == "Exclude from Analysis"
    assert "Excluded from the analysis" in pane.view.describe(pane.built.offsets.to_qt(start + 3))

    win.commands["undo"].trigger()
    _settle(qtbot, win)
    assert pane.analysis == raw and pane.layer("edits.excluded") == []
    assert _holloway_left(win) == holloway_before
    win.commands["redo"].trigger()
    _settle(qtbot, win)
    assert pane.analysis.entities == edited.entities

    include = _menu_action(_menu_at(pane, start + 3), "Include Again")
    include.trigger()
    _settle(qtbot, win)
    assert pane.analysis == raw and win.edits.edits("left").exclusions == ()


def test_not_loaded_here_suppresses_one_occurrence_and_undoes(qtbot, compared) -> None:
    win, pane = compared, compared.panes[0]
    raw = pane.analysis
    regime = next(f for f in raw.framing if f.text.lower() == "regime")
    count_before = _left_row(win, regime.category)
    action = _menu_action(_menu_at(pane, regime.start + 1), "Not Loaded Here")
    assert action.text() == "Not Loaded Here: ‘regime’"
    action.trigger()
    _settle(qtbot, win)
    assert regime not in pane.analysis.framing and len(pane.analysis.framing) == len(raw.framing) - 1
    assert pane.analysis.framing_counts[regime.category] == raw.framing_counts[regime.category] - 1
    assert _left_row(win, regime.category) == count_before - 1
    assert [span[:2] for span in pane.layer("edits.suppressed")] == [(regime.start, regime.end)]
    assert pane.layer("edits.suppressed")[0][2].fontStrikeOut()
    assert win.undo.undoText() == "Not Loaded Here: ‘regime’"
    assert "Not loaded here, you said" in pane.view.describe(pane.built.offsets.to_qt(regime.start + 1))
    win.undo.undo()
    _settle(qtbot, win)
    assert pane.analysis == raw and _left_row(win, regime.category) == count_before
    win.undo.redo()
    _settle(qtbot, win)
    _menu_action(_menu_at(pane, regime.start + 1), "Loaded Here Again").trigger()
    _settle(qtbot, win)
    assert pane.analysis == raw and pane.layer("edits.suppressed") == []


def test_correct_entity_label_relabels_removes_and_undoes(qtbot, compared) -> None:
    win, pane = compared, compared.panes[0]
    raw = pane.analysis
    entity = next(e for e in raw.entities if e.label == "GPE")
    menu = _menu_at(pane, entity.start)
    assert _menu_action(menu, "Correct Entity Label") is not None
    _menu_action(menu, "Place (LOC)").trigger()
    _settle(qtbot, win)
    relabelled = next(e for e in pane.analysis.entities if (e.start, e.end) == (entity.start, entity.end))
    assert relabelled.label == "LOC"
    assert pane.analysis.entity_counts["GPE"] == raw.entity_counts["GPE"] - 1
    tip = pane.view.describe(pane.built.offsets.to_qt(entity.start))
    assert "Label corrected by you" in tip and "(GPE)" in tip

    _menu_action(_menu_at(pane, entity.start), "Not an Entity").trigger()
    _settle(qtbot, win)
    assert all((e.start, e.end) != (entity.start, entity.end) for e in pane.analysis.entities)
    assert len(win.edits.edits("left").corrections) == 1  # the second correction replaced the first
    back = _menu_action(_menu_at(pane, entity.start), "Entity Again")
    assert back is not None
    win.undo.undo()
    _settle(qtbot, win)
    assert relabelled in pane.analysis.entities
    win.undo.undo()
    _settle(qtbot, win)
    assert pane.analysis == raw


def test_the_edits_tab_lists_jumps_and_removes_undoably(qtbot, compared) -> None:
    win = compared
    left, right = win.panes
    start, end = _paragraph(right.document.text, right.document.text.split("\n")[2][:30])
    assert win.edits.exclude("right", start, end)
    regime = next(f for f in left.analysis.framing if f.text.lower() == "regime")
    assert win.edits.suppress("left", regime)
    _settle(qtbot, win)
    view = win.edits.view
    assert win.comparison_panel.tabs.tabText(win.comparison_panel.tabs.indexOf(view)) == "Edits"
    assert [(r.side, r.kind) for r in view.rows] == [("left", "Not loaded here"), ("right", "Excluded from analysis")]
    history = view.history.model()  # every undoable step, after the empty start
    steps = [history.index(i, 0).data() for i in range(history.rowCount())]
    assert steps[0] == "Start (no edits yet)" and len(steps) == 3 and steps[2].startswith("Not Loaded Here")
    item = view.tree.topLevelItem(1)
    view.tree.itemDoubleClicked.emit(item, 0)
    assert right.selected_span() == (start, end)
    view.tree.setCurrentItem(item)
    item.setSelected(True)
    view.remove_button.click()
    _settle(qtbot, win)
    assert win.edits.edits("right").exclusions == () and len(view.rows) == 1
    assert win.undo.undoText().startswith("Remove Edit")
    win.undo.undo()
    _settle(qtbot, win)
    assert win.edits.edits("right").exclusions == (Exclusion(start, end),) and len(view.rows) == 2


def test_edits_move_with_a_swap_and_go_with_the_text(qtbot, compared) -> None:
    win = compared
    left = win.panes[0]
    start, end = _paragraph(left.document.text, "Holloway, a former tank commander")
    assert win.edits.exclude("left", start, end)
    _settle(qtbot, win)
    edited_entities = left.analysis.entities
    win.commands["swap"].trigger()
    _settle(qtbot, win)
    right = win.panes[1]
    assert win.edits.edits("right").exclusions == (Exclusion(start, end),) and not win.edits.edits("left")
    assert right.analysis.entities == edited_entities
    assert right.layer("edits.excluded")[0][:2] == (start, end) and win.panes[0].layer("edits.excluded") == []
    assert win.compare.described["right"].excluded == ((start, end),)
    win.undo.undo()  # the exclusion is undone where its text now is
    _settle(qtbot, win)
    assert not win.edits.edits("right")
    win.undo.redo()
    _settle(qtbot, win)
    assert win.open_path(1, str(SAMPLES / "a-border-crisis.md"))  # the same file, opened again: a new text
    _settle(qtbot, win)
    assert not win.edits.edits("right") and win.panes[1].layer("edits.excluded") == []
    win.undo.undo()  # its text is gone: nothing happens
    assert not win.edits.edits("right") and not win.errors


def test_a_lesson_keeps_the_edits_and_shows_the_same_highlights(qtbot, compared, tmp_path) -> None:
    win = compared
    left = win.panes[0]
    start, end = _paragraph(left.document.text, "Holloway, a former tank commander")
    regime = next(f for f in left.analysis.framing if f.text.lower() == "regime" and not start <= f.start < end)
    entity = next(e for e in left.analysis.entities if e.label == "GPE" and not start <= e.start < end)
    assert win.edits.exclude("left", start, end)
    assert win.edits.suppress("left", regime)
    assert win.edits.correct_label("left", entity, None)
    _settle(qtbot, win)
    shown = (left.analysis.entities, left.analysis.framing, left.analysis.words)
    edits = win.edits.edits("left")
    path = tmp_path / "lesson.framereader"
    assert win.documents.save_lesson(str(path))
    win.documents.focused = "left"
    win.commands["close"].trigger()
    assert not win.edits.edits("left")
    assert win.open_path(0, str(path))
    _settle(qtbot, win)
    assert win.edits.edits("left") == edits
    assert (left.analysis.entities, left.analysis.framing, left.analysis.words) == shown
    assert left.layer("edits.excluded")[0][:2] == (start, end)
    assert len(win.edits.view.rows) == 3


def test_exports_show_the_excluded_passage_as_omitted(qtbot, compared, tmp_path) -> None:
    import json

    win = compared
    left = win.panes[0]
    start, end = _paragraph(left.document.text, "Holloway, a former tank commander")
    assert win.edits.exclude("left", start, end)
    _settle(qtbot, win)
    html_path, json_path, pdf_path = tmp_path / "h.html", tmp_path / "c.json", tmp_path / "h.pdf"
    assert win.exports.write_export(str(html_path)) and win.exports.write_export(str(json_path))
    assert win.exports.write_export(str(pdf_path)) and pdf_path.read_bytes().startswith(b"%PDF")
    page = html_path.read_text(encoding="utf-8")
    assert "[omitted from analysis]" in page and 'class="omitted"' in page
    assert "1 passage omitted from the analysis by the reader" in page
    omitted = page[page.index('class="omitted"'):page.index("[omitted from analysis]")]
    assert "Holloway, a former tank commander" in omitted and 'class="ent' not in omitted
    data = json.loads(json_path.read_text(encoding="utf-8"))
    assert data["left"]["excluded"] == [[start, end]] and data["right"]["excluded"] == []
    assert not any(start <= e["start"] < end for e in data["left"]["entities"])


def test_renaming_a_text_keeps_its_edits_and_their_undo(qtbot, compared) -> None:
    """Found when the lesson round-trip test grew: a rename gave the pane a new Document and the
    edits, keyed by the document, were lost (and not saved in the lesson)."""
    win = compared
    right = win.panes[1]
    start, end = _paragraph(right.document.text, "Read the Western press")
    assert win.edits.exclude("right", start, end)
    assert win.identity.rename("right", "Calm heads", "Viktor Lanz", right.document)
    assert win.edits.edits("right").exclusions == (Exclusion(start, end),)
    assert win.edits.lesson_edits()["right"].exclusions == (Exclusion(start, end),)
    win.undo.undo()  # the rename
    win.undo.undo()  # the exclusion, although the pane's document changed twice since
    _settle(qtbot, win)
    assert win.edits.edits("right").exclusions == () and right.title != "Calm heads"
