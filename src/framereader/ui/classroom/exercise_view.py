"""How "Spot the framing" looks: the banner over the texts (what to do, then the score) and the
formats of the student's marks and of found / missed / yours-only words. The three results
differ by underline (solid, wavy, dashed) and by lightness (found darkest, missed palest) as well
as by hue, for colour-blind readers."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QTextCharFormat
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from ...core.classroom.exercise import AnswerKey, ExerciseResult
from ...core.classroom.exercise_html import KINDS, Shown, notes_for
from ...core.model import Side
from ..base import styles

#: kind -> (background, underline colour, underline style, short name)
LOOKS: dict[str, tuple[str, str, QTextCharFormat.UnderlineStyle, str]] = {
    "mark": ("#ffe27a", "#5c4a00", QTextCharFormat.UnderlineStyle.SingleUnderline, "your mark"),
    "found": ("#7fcf85", "#0b5d1e", QTextCharFormat.UnderlineStyle.SingleUnderline, "✓ found"),
    "missed": ("#ffd3c7", "#a4161a", QTextCharFormat.UnderlineStyle.WaveUnderline, "○ missed"),
    "yours": ("#d7b8f3", "#4a148c", QTextCharFormat.UnderlineStyle.DashUnderline, "? yours only"),
}
_CSS_LINE = {QTextCharFormat.UnderlineStyle.SingleUnderline: "solid",
             QTextCharFormat.UnderlineStyle.WaveUnderline: "dotted",  # Qt style sheets have no wavy border
             QTextCharFormat.UnderlineStyle.DashUnderline: "dashed"}

INSTRUCTIONS = ("<b>Spot the framing.</b> Click a word you think is loaded (click it again to unmark it), "
                "or select a phrase and right-click ▸ <i>I Think This Is Loaded</i>. Mark in one text or both, "
                "then press <b>Check</b>.")


def mark_format(kind: str) -> QTextCharFormat:
    """The extra-selection format of a mark or result kind (dark ink on a light tint, any theme)."""
    background, line, style, _name = LOOKS[kind]
    fmt = QTextCharFormat()
    fmt.setBackground(QColor(background))
    fmt.setForeground(QColor("#000000"))
    fmt.setUnderlineStyle(style)
    fmt.setUnderlineColor(QColor(line))
    return fmt


def tooltip(span: Shown, side: Side, text: str, key: AnswerKey | None) -> str:
    """What hovering a marked or checked word says (file text escaped)."""
    words = html.escape(text[span.start:span.end])
    lines = [f"<b>“{words}”</b>: {html.escape(KINDS[span.kind][1])}"]
    lines += [html.escape(note) for note in notes_for(span, side, key)]
    if span.kind == "yours":
        lines.append("<i>The lexicon is not the truth: why do you think it is loaded?</i>")
    return "<br>".join(lines)


def _chip(kind: str) -> QLabel:
    background, line, style, name = LOOKS[kind]
    chip = QLabel(name)
    chip.setObjectName(f"ExerciseChip-{kind}")
    chip.setStyleSheet(f"QLabel {{ background: {background}; color: #000000; border-bottom: 3px "
                       f"{_CSS_LINE[style]} {line}; padding: 1px 6px; }}")
    return chip


class ExerciseBanner(QFrame):
    """A strip over the texts: instructions or the score, a key to the colours, the buttons."""

    check_clicked = Signal()
    restart_clicked = Signal()
    export_clicked = Signal()
    leave_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ExerciseBanner")
        self.apply_theme()
        self.text = QLabel(INSTRUCTIONS)
        self.text.setObjectName("ExerciseText")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setFont(styles.ui_font(12.0))
        self.detail = QLabel("")
        self.detail.setObjectName("ExerciseText")
        self.detail.setWordWrap(True)
        self.detail.setFont(styles.ui_font(10.5))
        self.categories = QLabel("")
        self.categories.setObjectName("ExerciseText")
        self.categories.setWordWrap(True)
        self.categories.setFont(styles.ui_font(10.0))
        self.chips = {kind: _chip(kind) for kind in LOOKS}
        chips = QHBoxLayout()
        chips.setSpacing(8)
        for chip in self.chips.values():
            chip.setFont(styles.ui_font(10.5, bold=True))
            chip.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            chips.addWidget(chip, 0, Qt.AlignmentFlag.AlignVCenter)
        chips.addWidget(self.detail, 1)
        self.check_button = QPushButton("Check")
        self.check_button.setObjectName("ExerciseCheck")
        self.restart_button = QPushButton("Start Again")
        self.export_button = QPushButton("Export Attempt…")
        self.leave_button = QPushButton("Done")
        for button, signal in ((self.check_button, self.check_clicked), (self.restart_button, self.restart_clicked),
                               (self.export_button, self.export_clicked), (self.leave_button, self.leave_clicked)):
            button.setFont(styles.ui_font(11.0, bold=button is self.check_button))
            button.clicked.connect(signal.emit)
        text = QVBoxLayout()
        text.setSpacing(4)
        text.addWidget(self.text)
        text.addLayout(chips)
        text.addWidget(self.categories)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 8, 14, 8)
        layout.addLayout(text, 1)
        for button in (self.check_button, self.restart_button, self.export_button, self.leave_button):
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.show_marking(0)

    def apply_theme(self) -> None:
        """The current theme's chrome and ink (called when the mode starts)."""
        self.setStyleSheet(
            f"#ExerciseBanner {{ background: {styles.CHROME}; border-bottom: 2px solid {styles.ACCENT}; }}"
            f" #ExerciseBanner QLabel#ExerciseText {{ color: {styles.INK}; }}"
            f" #ExerciseBanner QPushButton {{ background: {styles.PAPER}; color: {styles.INK};"
            f" border: 1px solid {styles.RULE}; border-radius: 4px; padding: 4px 12px; }}"
            f" #ExerciseBanner QPushButton:hover {{ background: {styles.RULE}; }}"
            f" #ExerciseBanner QPushButton#ExerciseCheck {{ background: {styles.ACCENT}; color: #ffffff;"
            f" border-color: {styles.ACCENT}; }}")

    def show_marking(self, count: int, changed_after_check: bool = False) -> None:
        """Before a check: what to do, and how many words are marked."""
        self.text.setText(INSTRUCTIONS)
        for kind, chip in self.chips.items():
            chip.setVisible(kind == "mark")
        again = " — you changed your marks: press Check again" if changed_after_check else ""
        self.detail.setText(f"{count} marked{again}")
        self.categories.hide()
        self.check_button.setText("Check")

    def show_result(self, result: ExerciseResult, key: AnswerKey, source: str) -> None:
        """After a check: the score, per text and per category, and a key to the colours."""
        sides = "  ·  ".join(f"{'Left' if side == 'left' else 'Right'} text: {t.found} of {t.key_size}"
                             for side, t in result.by_side.items())
        self.text.setText(f"<span style='font-size:15pt'><b>{html.escape(result.summary())}</b></span>"
                          f"&nbsp;&nbsp;{html.escape(sides)}")
        for kind, chip in self.chips.items():
            chip.setVisible(kind != "mark")
        self.detail.setText(f"Checked against {source}. Hover a word for its note; "
                            "“yours only” may be right too: say why.")
        self.categories.setText("Found per kind: " + ", ".join(
            f"{key.category_name(c)} {t.found} of {t.key_size}" for c, t in result.by_category.items()))
        self.categories.show()
        self.check_button.setText("Check Again")
