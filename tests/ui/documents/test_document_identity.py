"""Edit Title and Author: the dialog (driven without exec), undo, no re-analysis, and the new
names in the header, the window title, the comparison dock, lesson files and exports."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from framereader.ui.documents.identity import MAX_TITLE, MENU_TEXT

SAMPLES = Path(__file__).resolve().parents[3] / "resources" / "samples"



def _fill_and_accept(dialog, title: str, author: str) -> None:
    dialog.title_edit.setText(title)
    dialog.author_edit.setText(author)
    dialog.accept()


def test_the_pencil_opens_a_window_modal_prefilled_dialog_that_renames_without_reanalysis(qtbot, compared) -> None:
    win, pane = compared, compared.panes[0]
    before, analysis, built, comparison = pane.document, pane.analysis, pane.built, win.compare.comparison
    assert pane.header.rename_button.isEnabled()
    asked = []
    win.service.analyze = lambda *args, **kwargs: asked.append(args)  # any re-analysis would be recorded
    pane.header.rename_button.click()
    dialog = win.identity.dialog
    assert dialog is not None and dialog.isVisible() and dialog.windowModality() == Qt.WindowModality.WindowModal
    assert dialog.title_edit.text() == "The Serin Valley Land Grab Is a Test Europe Cannot Fail"
    _fill_and_accept(dialog, "  Europe   must act ", "  Helena Marsh ")
    assert pane.document.meta.title == "Europe must act" and pane.document.meta.author == "Helena Marsh"
    assert pane.document.text == before.text and pane.header.title.text() == "Europe must act"
    assert "Helena Marsh" in pane.header.meta.text()
    assert win.windowTitle().startswith("Europe must act ↔ Calm Heads")
    # nothing analysed, rebuilt or compared again: the same objects, the highlights kept
    assert pane.analysis is analysis and pane.built is built and win.compare.comparison is comparison
    assert not asked and pane.settled
    panel = win.comparison_panel
    assert "only in Europe must act" in panel.status.text() and panel.chart.names[0] == "Europe must act"
    assert panel.agency.chart.names[0] == "Europe must act"
    assert win.identity.dialog is None  # forgotten once closed


def test_undo_and_redo_the_rename(qtbot, compared) -> None:
    win, pane = compared, compared.panes[1]
    original = pane.document
    assert win.identity.rename("right", "Calm heads", "V. Lanz")
    assert win.commands["undo"].isEnabled() and win.commands["undo"].text() == "&Undo Rename Right Text"
    win.commands["undo"].trigger()
    assert pane.document == original and pane.header.title.text() == original.title
    assert win.windowTitle().endswith(f"↔ {original.title} — FrameReader")
    assert win.comparison_panel.chart.names[1] == original.title
    win.commands["redo"].trigger()
    assert pane.document.meta.title == "Calm heads" and win.comparison_panel.chart.names[1] == "Calm heads"


def test_undo_after_a_swap_renames_the_pane_that_now_shows_the_text(qtbot, compared) -> None:
    win = compared
    original = win.panes[0].document
    assert win.identity.rename("left", "Land grab", "")
    win.commands["swap"].trigger()
    assert win.panes[1].document.meta.title == "Land grab"
    win.commands["undo"].trigger()
    assert win.panes[1].document == original and win.panes[1].header.title.text() == original.title


def test_empty_title_gives_back_the_automatic_one_and_length_is_limited(qtbot, compared) -> None:
    win, pane = compared, compared.panes[0]
    automatic = pane.document.meta.title
    assert win.identity.rename("left", "x" * 1000, "A" * 1000)
    assert len(pane.document.meta.title) == MAX_TITLE and len(pane.document.meta.author) <= 300
    dialog = win.identity.edit("left")
    assert dialog.title_edit.maxLength() == MAX_TITLE and automatic in dialog.title_edit.placeholderText()
    _fill_and_accept(dialog, "   ", "")
    assert pane.document.meta.title == automatic and pane.document.meta.author is None
    assert not win.identity.rename("left", "", "")  # unchanged: nothing pushed
    assert win.undo.count() == 2


def test_double_click_context_menu_and_file_menu_open_the_dialog(qtbot, compared) -> None:
    win = compared
    win.panes[1].header.title.double_clicked.emit()
    assert win.identity.dialog is not None and win.identity.dialog.side == "right"
    win.identity.dialog.reject()
    assert win.identity.dialog is None and win.panes[1].document.meta.title.startswith("Calm Heads")
    menu = win.panes[0].context_menu(win.panes[0].view.cursorForPosition(QPoint(5, 5)).position())
    entry = next(action for action in menu.actions() if action.text() == MENU_TEXT)
    entry.trigger()
    assert win.identity.dialog.side == "left"
    win.identity.dialog.reject()
    win.panes[1].focused.emit("right")
    win.commands["edit_identity"].trigger()
    assert win.identity.dialog.side == "right"
    _fill_and_accept(win.identity.dialog, "From the menu", "")
    assert win.panes[1].title == "From the menu"


def test_an_empty_pane_offers_no_rename(qtbot, window) -> None:
    pane = window.panes[0]
    assert not pane.header.rename_button.isEnabled()
    assert all(a.text() != MENU_TEXT for a in pane.context_menu(-1).actions())
    window.commands["edit_identity"].trigger()
    assert window.identity.dialog is None and window.errors[-1][0] == "Nothing to rename"


def test_a_renamed_paste_keeps_its_name_in_a_lesson_file(qtbot, window, tmp_path: Path) -> None:
    QApplication.clipboard().setText((SAMPLES / "b-border-crisis.md").read_text(encoding="utf-8").replace("#", ""))
    window.commands["paste_left"].trigger()
    pane = window.panes[0]
    assert pane.header.title.text() == "Pasted text" and pane.title == "Pasted text"
    assert window.windowTitle().startswith("Pasted text ↔")
    assert window.identity.rename("left", "Lanz op-ed", "Viktor Lanz")
    lesson = tmp_path / "lesson.framereader"
    assert window.documents.save_lesson(str(lesson)), window.errors
    stored = json.loads(lesson.read_text(encoding="utf-8"))
    assert stored["left"]["meta"]["title"] == "Lanz op-ed" and stored["left"]["meta"]["author"] == "Viktor Lanz"
    window.commands["close"].trigger()
    assert window.open_path(0, str(lesson))
    assert pane.document.source == "clipboard" and pane.header.title.text() == "Lanz op-ed"
    assert "Viktor Lanz" in pane.header.meta.text() and window.windowTitle().startswith("Lanz op-ed ↔")


def test_exports_use_the_edited_titles_and_authors(qtbot, compared, tmp_path: Path) -> None:
    win = compared
    assert win.identity.rename("left", "Marsh on the valley", "Helena M.")
    assert win.identity.rename("right", "Lanz on the valley", "")
    html_path, json_path = tmp_path / "c.html", tmp_path / "c.json"
    assert win.exports.write_export(str(html_path)) and win.exports.write_export(str(json_path)), win.errors
    page = html_path.read_text(encoding="utf-8")
    assert "<title>Marsh on the valley and Lanz on the valley</title>" in page
    assert "Left: Marsh on the valley" in page and "Right: Lanz on the valley" in page and "Helena M." in page
    assert "a-border-crisis.md" not in page
    data = json.loads(json_path.read_text(encoding="utf-8"))
    assert data["left"]["meta"]["title"] == "Marsh on the valley" and data["left"]["meta"]["author"] == "Helena M."
    assert data["right"]["meta"] == {"title": "Lanz on the valley", "author": None, "date": None, "site": None,
                                     "format": "markdown", "language": win.panes[1].document.meta.language,
                                     "language_confidence": win.panes[1].document.meta.language_confidence}
