"""The Lexicons dialog and Preferences: editing re-highlights the open texts, bad imports are
reported inline and change nothing, a failed save keeps the edits, pipelines are listed."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from framereader.core.lexicons.files import load_lexicon, user_lexicon_dir
from framereader.core.lexicons.library import BUNDLED, USER

from ui_support import WAIT_MS, open_and_wait

SAMPLES = Path(__file__).resolve().parents[3] / "resources" / "samples"


@pytest.fixture
def dialog(qtbot, window):
    window.models.show_lexicons()
    dlg = window.models.lexicons_dialog
    dlg.ask_unsaved = lambda: QMessageBox.StandardButton.Discard
    dlg.ask_confirm = lambda question, detail: True
    return dlg


def _framing_terms(window, side: int, category: str) -> set[str]:
    return {f.term for f in window.panes[side].analysis.framing if f.category == category}


def test_bundled_lexicon_is_read_only_until_duplicated(qtbot, dialog) -> None:
    assert dialog.current.kind == BUNDLED
    assert not dialog.name_edit.isEnabled() and not dialog.add_term_button.isEnabled()
    assert dialog.read_only_note.isVisibleTo(dialog) and "Duplicate" in dialog.read_only_note.text()
    item = dialog.term_table.item(0, 0)
    assert not item.flags() & Qt.ItemFlag.ItemIsEditable
    copy = dialog.duplicate_current()
    assert copy is not None and dialog.current.key == copy.key and dialog.current.kind == USER
    assert dialog.name_edit.isEnabled() and dialog.term_table.item(0, 0).flags() & Qt.ItemFlag.ItemIsEditable
    checks = [dialog.lexicon_list.item(i).checkState() for i in range(dialog.lexicon_list.count())]
    assert checks == [Qt.CheckState.Unchecked, Qt.CheckState.Checked]  # copy replaces the original


def test_edit_save_rehighlights_open_panes_without_reloading_the_model(qtbot, window, dialog, tmp_path: Path) -> None:
    open_and_wait(qtbot, window, 0, SAMPLES / "a-border-crisis.md")
    info_before = window.service.model_info
    dialog.new_lexicon("Lesson words")
    assert dialog.current.editable and not dialog.save_button.isEnabled()
    dialog.category_name_edit.setText("Geography")
    dialog.category_name_edit.textEdited.emit("Geography")
    dialog.add_term("valley", "a place word", "area")
    dialog.add_term("border")
    dialog.set_category_colour("#0072b2")
    assert dialog.dirty and dialog.save_button.isEnabled() and "•" in dialog.windowTitle()
    with qtbot.waitSignal(dialog.changed):
        assert dialog.save()
    saved = load_lexicon(dialog.current.path)
    assert saved.categories[0].name == "Geography" and saved.categories[0].colour == "#0072B2"
    assert saved.find_term("valley")[1].alternative == "area"
    qtbot.waitUntil(lambda: window.panes[0].settled and window.panes[0].analysis is not None
                    and _framing_terms(window, 0, "my_terms") == {"valley", "border"}, timeout=WAIT_MS)
    assert window.service.model_info == info_before
    assert any(f.category != "my_terms" for f in window.panes[0].analysis.framing)  # bundled still on
    assert "Geography" in [c.name for c in window.book.categories.values()]

    # switching the lexicon off removes its highlights again
    key = dialog.current.key
    dialog.set_enabled(key, False)
    qtbot.waitUntil(lambda: window.panes[0].settled and window.panes[0].analysis is not None
                    and not _framing_terms(window, 0, "my_terms"), timeout=WAIT_MS)
    assert key in window.settings.disabled_lexicons


def test_invalid_edits_are_shown_inline_and_cannot_be_saved(qtbot, dialog) -> None:
    dialog.new_lexicon("Checks")
    dialog.add_term("swarm")
    dialog.add_term("flood | tide")
    assert not dialog.save_button.isEnabled()
    assert "Cannot save yet" in dialog.message.text() and "'flood | tide'" in dialog.message.text()
    assert not dialog.save()
    row = dialog.term_table.rowCount() - 1
    dialog.term_table.item(row, 0).setText("flood")  # fixed in the table: the draft follows
    assert dialog.save_button.isEnabled() and dialog.save()
    assert {t.text for t in load_lexicon(dialog.current.path).categories[0].terms} == {"swarm", "flood"}


def test_invalid_import_reports_line_and_reason_and_changes_nothing(qtbot, dialog, tmp_path: Path) -> None:
    bad = tmp_path / "lesson.csv"
    bad.write_text("term,category\nregime,Loaded\n\"unclosed,Loaded\nx,\n", encoding="utf-8")
    before = [dialog.lexicon_list.item(i).text() for i in range(dialog.lexicon_list.count())]
    changed = []
    dialog.changed.connect(lambda: changed.append(True))
    assert dialog.import_path(str(bad)) is None
    message = dialog.message.text()
    assert f"{bad}:" in message and "Nothing was changed" in message
    assert [dialog.lexicon_list.item(i).text() for i in range(dialog.lexicon_list.count())] == before
    assert list(user_lexicon_dir().iterdir()) == [] and changed == []


def test_import_of_a_word_list_adds_an_enabled_editable_lexicon(qtbot, dialog, tmp_path: Path) -> None:
    words = tmp_path / "loaded words.txt"
    words.write_text("swarm | dehumanising | many people\ninvasion\n", encoding="utf-8")
    entry = dialog.import_path(str(words))
    assert entry is not None and dialog.current.key == entry.key and dialog.current.editable
    assert dialog.term_table.rowCount() == 2 and dialog.term_table.item(0, 1).text() == "dehumanising"
    out = tmp_path / "shared.frlex"
    assert dialog.export_path(str(out))
    assert load_lexicon(out).find_term("invasion") is not None


def test_search_filters_terms_and_counts_matches_per_category(qtbot, dialog) -> None:
    query = dialog.draft.categories[0].terms[0].text
    dialog.search_edit.setText(query)
    visible = [r for r in range(dialog.term_table.rowCount()) if not dialog.term_table.isRowHidden(r)]
    assert 1 <= len(visible) < dialog.term_table.rowCount()
    assert all(query.casefold() in " ".join(dialog.term_table.item(r, c).text() for c in range(3)).casefold()
               for r in visible)
    assert dialog.category_list.item(0).text().endswith(f"({len(visible)})")
    dialog.search_edit.clear()
    assert not any(dialog.term_table.isRowHidden(r) for r in range(dialog.term_table.rowCount()))


def test_a_failed_save_keeps_the_old_file_and_the_edits(qtbot, dialog, monkeypatch) -> None:
    dialog.new_lexicon("Fragile")
    path = Path(dialog.current.path)
    before = path.read_bytes()
    dialog.add_term("menace")

    def crash(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as patch:
        patch.setattr("framereader.core.platform.atomic.os.replace", crash)
        assert not dialog.save()
    assert "No space left" in dialog.message.text() and "unchanged" in dialog.message.text()
    assert path.read_bytes() == before
    assert dialog.dirty and dialog.draft.categories[0].terms[-1].text == "menace"
    assert dialog.save() and load_lexicon(path).find_term("menace") is not None


def test_unsaved_edits_are_not_dropped_without_asking(qtbot, dialog) -> None:
    dialog.new_lexicon("Careful")
    dialog.add_term("horde")
    asked = []
    dialog.ask_unsaved = lambda: asked.append(True) or QMessageBox.StandardButton.Cancel
    dialog.lexicon_list.setCurrentRow(0)
    assert asked and dialog.current.title == "Careful" and dialog.dirty
    assert dialog.lexicon_list.currentRow() == [e.key for e in dialog.entries].index(dialog.current.key)


def test_preferences_list_pipelines_and_switching_reanalyses(qtbot, window) -> None:
    from framereader.core.nlp.pipeline import list_pipelines

    open_and_wait(qtbot, window, 0, SAMPLES / "a-border-crisis.md")
    dialog = window.models.preferences_dialog()
    table = dialog.model_table
    names = [table.item(r, 0).text() for r in range(table.rowCount())]
    for info in list_pipelines():
        row = names.index(info.name)
        assert table.item(row, 1).text() == info.version and table.item(row, 2).text() == info.lang
        assert "ner" in table.item(row, 3).text()
    assert "Framing terms for 'en'" in dialog.lexicon_note.text()
    dialog.select_pipeline("blank:en")
    dialog.theme_combo.setCurrentIndex(dialog.theme_combo.findData("dark"))
    window.models.apply_preferences(dialog)
    assert window.settings.theme == "dark" and window.settings.pipeline == "blank:en"
    qtbot.waitUntil(lambda: window.panes[0].settled and window.panes[0].analysis is not None
                    and window.panes[0].analysis.model.name == "blank:en", timeout=WAIT_MS)
    assert window.panes[0].analysis.entities == () and window.panes[0].analysis.framing


def test_preferences_say_when_no_lexicon_fits_the_language(qtbot, window) -> None:
    from framereader.core.nlp.pipeline import PipelineChoice
    from framereader.ui.lexicons.preferences import PreferencesDialog

    choices = [PipelineChoice("", "Best installed", "en"), PipelineChoice("de_core_news_sm", "German", "de")]
    dialog = PreferencesDialog(window.settings, choices, {"en": ["Op-ed framing"]}, parent=window)
    dialog.select_pipeline("de_core_news_sm")
    assert "No enabled lexicon is written for language 'de'" in dialog.lexicon_note.text()
    assert "'en'" in dialog.lexicon_note.text()


def test_changes_from_the_analysis_menu_show_in_the_open_dialog_without_losing_edits(qtbot, window, dialog) -> None:
    dialog.new_lexicon("In progress")
    dialog.add_term("horde")
    window.models.use_bundled_only()
    checks = [dialog.lexicon_list.item(i).checkState() for i in range(dialog.lexicon_list.count())]
    assert checks == [Qt.CheckState.Checked, Qt.CheckState.Unchecked]
    assert dialog.dirty and dialog.current.title == "In progress"
    assert dialog.draft.categories[0].terms[-1].text == "horde"
    assert dialog.lexicon_list.currentRow() == 1


def test_ticking_a_lexicon_in_the_list_switches_it(qtbot, window, dialog) -> None:
    item = dialog.lexicon_list.item(0)
    key = dialog.entries[0].key
    item.setCheckState(Qt.CheckState.Unchecked)
    assert key in window.settings.disabled_lexicons
    assert dialog.lexicon_list.item(0).checkState() == Qt.CheckState.Unchecked
    dialog.lexicon_list.item(0).setCheckState(Qt.CheckState.Checked)
    assert key not in window.settings.disabled_lexicons


def test_the_status_bar_says_when_no_enabled_lexicon_fits_the_pipeline(qtbot, window) -> None:
    german = window.library.create("Deutsch", language="de")
    for entry in window.library.entries():
        window.library.set_enabled(entry.key, entry.key == german.key)
    with qtbot.waitSignal(window.service.lexicons_ready, timeout=WAIT_MS):
        window.models.apply_lexicons()
    assert window.service.lexicons == ()
    assert "No enabled lexicon is written for language 'en'" in window.statusBar().currentMessage()
