"""The handout builder dialog: which sections, which highlights, which paper."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ...core.export.options import COLD_SECTIONS, DEFAULT_SECTIONS, MODES, PAPERS, SECTIONS, HandoutOptions

#: What each mode's radio button explains in its tooltip.
MODE_TIPS = {
    "all": "Every name and every framing term the app found.",
    "framing": "Only the underlined framing terms; names are not coloured.",
    "screen": "What is highlighted on screen now: hidden labels and categories stay hidden.",
    "cold": "Clean texts with line numbers, to read and discuss before anything is revealed.",
}


class HandoutDialog(QDialog):
    """Choose sections, mode and paper; `options()` gives the `HandoutOptions`.

    `hidden_labels`/`hidden_categories`/`highlights_on` are what the screen shows (used by the
    "as on screen" mode); `has_agency` greys out the agency section when the comparison has no
    such data."""

    def __init__(self, parent: QWidget | None = None, *, initial: HandoutOptions | None = None,
                 hidden_labels: frozenset[str] = frozenset(), hidden_categories: frozenset[str] = frozenset(),
                 highlights_on: bool = True, has_agency: bool = True) -> None:
        super().__init__(parent)
        self.setWindowTitle("Handout")
        self._hidden = (frozenset(hidden_labels), frozenset(hidden_categories))
        self._highlights_on = highlights_on
        initial = initial or HandoutOptions()
        layout = QVBoxLayout(self)

        sections = QGroupBox("Sections")
        section_layout = QVBoxLayout(sections)
        self.section_boxes: dict[str, QCheckBox] = {}
        for key, name in SECTIONS.items():
            box = QCheckBox(name)
            box.setChecked(initial.has(key))
            if key == "agency" and not has_agency:
                box.setEnabled(False)
                box.setToolTip("The comparison has no data on who acts and who is acted on.")
            section_layout.addWidget(box)
            self.section_boxes[key] = box
        layout.addWidget(sections)

        modes = QGroupBox("Highlights")
        mode_layout = QVBoxLayout(modes)
        self.mode_group = QButtonGroup(self)
        self.mode_buttons: dict[str, QRadioButton] = {}
        for key, name in MODES.items():
            button = QRadioButton(name)
            button.setToolTip(MODE_TIPS.get(key, ""))
            button.setChecked(key == initial.mode)
            button.toggled.connect(lambda on, key=key: self._mode_chosen(key) if on else None)
            self.mode_group.addButton(button)
            mode_layout.addWidget(button)
            self.mode_buttons[key] = button
        layout.addWidget(modes)

        form = QFormLayout()
        self.paper = QComboBox()
        self.paper.addItems(list(PAPERS))
        self.paper.setCurrentText(initial.paper)
        self.orientation = QComboBox()
        self.orientation.addItems(["Portrait", "Landscape"])
        self.orientation.setCurrentIndex(1 if initial.landscape else 0)
        form.addRow("Paper:", self.paper)
        form.addRow("Orientation:", self.orientation)
        layout.addLayout(form)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        for box in self.section_boxes.values():
            box.toggled.connect(self._update_ok)
        self._update_ok()

    def _mode_chosen(self, mode: str) -> None:
        """The read-cold copy starts from its own sections (the legend would give it away); the
        other modes from the defaults when coming back from it."""
        wanted = COLD_SECTIONS if mode == "cold" else DEFAULT_SECTIONS
        if mode == "cold" or self.chosen_sections() == COLD_SECTIONS:
            for key, box in self.section_boxes.items():
                box.setChecked(key in wanted)

    def chosen_sections(self) -> tuple[str, ...]:
        """The ticked sections, in print order."""
        return tuple(k for k, box in self.section_boxes.items() if box.isChecked())

    def _update_ok(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.chosen_sections()))
        ok.setToolTip("" if self.chosen_sections() else "Choose at least one section.")

    def options(self) -> HandoutOptions:
        """The choices as `HandoutOptions`."""
        mode = next(k for k, b in self.mode_buttons.items() if b.isChecked())
        return HandoutOptions(
            sections=self.chosen_sections(),
            mode=mode,
            paper=self.paper.currentText(),
            landscape=self.orientation.currentIndex() == 1,
            hidden_labels=self._hidden[0],
            hidden_categories=self._hidden[1],
            screen_highlights=self._highlights_on,
        )

    @classmethod
    def ask(cls, parent: QWidget | None = None, *, initial: HandoutOptions | None = None,
            hidden_labels: frozenset[str] = frozenset(), hidden_categories: frozenset[str] = frozenset(),
            highlights_on: bool = True, has_agency: bool = True) -> HandoutOptions | None:
        """Show the dialog; the chosen options, or None when cancelled."""
        dialog = cls(parent, initial=initial, hidden_labels=hidden_labels, hidden_categories=hidden_categories,
                     highlights_on=highlights_on, has_agency=has_agency)
        return dialog.options() if dialog.exec() == QDialog.DialogCode.Accepted else None
