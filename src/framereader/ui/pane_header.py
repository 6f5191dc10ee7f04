"""A pane's header: side badge, title, byline and word count, and an Open button."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QToolButton, QVBoxLayout, QWidget

from ..core.model import Side
from . import styles

SIDE_NAMES: dict[Side, str] = {"left": "Left", "right": "Right"}


class PaneHeader(QWidget):
    """File name, word count, pipeline name and an Open button."""

    def __init__(self, side: Side, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("PaneHeader")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 8, 10, 8)
        layout.setSpacing(10)
        self.badge = QLabel(SIDE_NAMES[side].upper())
        self.badge.setObjectName("PaneSide")
        self.badge.setFont(styles.ui_font(8.0, bold=True))
        self.title = QLabel("No text")
        self.title.setObjectName("PaneTitle")
        self.title.setFont(styles.ui_font(11.5, bold=True))
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.meta = QLabel("")
        self.meta.setObjectName("PaneMeta")
        self.meta.setFont(styles.ui_font(9.5))
        for label in (self.title, self.meta):  # long names and notes are clipped, not widening the pane
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            label.setTextFormat(Qt.TextFormat.PlainText)  # titles and notes come from files: never markup
        texts = QVBoxLayout()
        texts.setSpacing(1)
        texts.addWidget(self.title)
        texts.addWidget(self.meta)
        self.open_button = QToolButton()
        self.open_button.setText("Open…")
        self.open_button.setFont(styles.ui_font(9.5))
        self.open_button.setToolTip(f"Open a text in the {SIDE_NAMES[side].lower()} pane")
        layout.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addLayout(texts, 1)
        layout.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignVCenter)
