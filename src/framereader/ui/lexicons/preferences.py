"""Edit → Preferences: the language model (every installed spaCy pipeline with its version,
language and components), the theme, the reading type size and synchronised scrolling. The dialog only collects the
choices; the window applies them (a new pipeline re-analyses both panes in the background)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.nlp.discovery import PipelineChoice
from ...core.platform.settings import READING_SIZE_DEFAULT, READING_SIZE_MAX, READING_SIZE_MIN, Settings
from ..base import styles

MODEL_COLUMNS = ("Pipeline", "Version", "Language", "Components")


class PreferencesDialog(QDialog):
    """Pipeline chooser plus appearance settings."""

    def __init__(self, settings: Settings, choices: Sequence[PipelineChoice],
                 lexicons_by_language: Mapping[str, Sequence[str]], loaded: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        self.choices = list(choices)
        self.lexicons_by_language = lexicons_by_language

        self.model_table = QTableWidget(len(self.choices), len(MODEL_COLUMNS))
        self.model_table.setObjectName("ModelTable")
        self.model_table.setHorizontalHeaderLabels(MODEL_COLUMNS)
        self.model_table.verticalHeader().setVisible(False)
        self.model_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.model_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.model_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        head = self.model_table.horizontalHeader()
        for column in range(3):
            head.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        for row, choice in enumerate(self.choices):
            info = choice.info
            title = info.name if info is not None and choice.name else choice.label
            cells = (title, info.version if info else "", choice.lang,
                     ", ".join(info.components) if info else "tokenizer only")
            for column, value in enumerate(cells):
                item = QTableWidgetItem(value)
                if info is not None and column == 3:
                    item.setToolTip("Only the entity recogniser runs while you read; tagger, parser and "
                                    "lemmatizer run later, for the comparison.")
                self.model_table.setItem(row, column, item)
        self.model_table.resizeRowsToContents()
        self.model_table.itemSelectionChanged.connect(self._update_note)
        self.loaded_label = QLabel(f"Loaded now: {loaded}" if loaded else "")
        self.loaded_label.setStyleSheet(f"color: {styles.INK_MUTED};")
        self.lexicon_note = QLabel("")
        self.lexicon_note.setWordWrap(True)

        model_box = QGroupBox("Language model")
        model_layout = QVBoxLayout(model_box)
        model_layout.addWidget(QLabel("Named entities come from the chosen spaCy pipeline. Switching "
                                      "analyses the open texts again in the background."))
        model_layout.addWidget(self.model_table, 1)
        model_layout.addWidget(self.loaded_label)
        model_layout.addWidget(self.lexicon_note)

        self.theme_combo = QComboBox()
        for key, label in styles.THEME_NAMES.items():
            self.theme_combo.addItem(label, key)
        self.theme_combo.setCurrentIndex(max(0, self.theme_combo.findData(settings.theme)))
        self.size_spin = QDoubleSpinBox()
        self.size_spin.setObjectName("ReadingSize")
        self.size_spin.setRange(READING_SIZE_MIN, READING_SIZE_MAX)
        self.size_spin.setSingleStep(0.5)
        self.size_spin.setDecimals(1)
        self.size_spin.setSuffix(" pt")
        self.size_spin.setValue(settings.reading_size)
        self.size_spin.setToolTip(f"The size of the texts at 100 % zoom (default {READING_SIZE_DEFAULT:g} pt); "
                                  "zoom and presenter mode enlarge it")
        self.sync_check = QCheckBox("Scroll both texts together")
        self.sync_check.setChecked(settings.sync_scrolling)
        view_box = QGroupBox("Reading")
        view_form = QFormLayout(view_box)
        view_form.addRow("&Theme:", self.theme_combo)
        view_form.addRow("Type &size:", self.size_spin)
        view_form.addRow("", self.sync_check)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(model_box, 1)
        layout.addWidget(view_box)
        layout.addWidget(buttons)
        self.resize(820, 460)
        self.select_pipeline(settings.pipeline)

    def select_pipeline(self, name: str) -> None:
        """Select the row of pipeline `name` ("" = best installed; unknown names select that)."""
        names = [c.name for c in self.choices]
        self.model_table.selectRow(names.index(name) if name in names else 0)
        self._update_note()

    def chosen_pipeline(self) -> str:
        rows = self.model_table.selectionModel().selectedRows()
        return self.choices[rows[0].row()].name if rows else ""

    def chosen_theme(self) -> str:
        return str(self.theme_combo.currentData())

    def chosen_reading_size(self) -> float:
        return float(self.size_spin.value())

    def chosen_sync(self) -> bool:
        return self.sync_check.isChecked()

    def _update_note(self) -> None:
        """Say which enabled lexicons the chosen pipeline's language will use."""
        rows = self.model_table.selectionModel().selectedRows()
        if not rows:
            return
        lang = self.choices[rows[0].row()].lang
        names = list(self.lexicons_by_language.get(lang, ()))
        others = sorted(k for k in self.lexicons_by_language if k != lang)
        if names:
            text = f"Framing terms for '{lang}' come from: {', '.join(names)}."
        else:
            text = (f"<b>No enabled lexicon is written for language '{lang}'</b>, so framing terms will not be shown. "
                    "Add or enable one in Analysis → Lexicons.")
        if others:
            text += f" Lexicons for {', '.join(repr(o) for o in others)} are not used with this pipeline."
        self.lexicon_note.setTextFormat(Qt.TextFormat.RichText if "<b>" in text else Qt.TextFormat.PlainText)
        self.lexicon_note.setText(text)
