"""A pane's header: side badge, title, byline and word count, a Rename and an Open button."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QToolButton, QVBoxLayout, QWidget

from ..core.model import Document, Side
from . import styles

SIDE_NAMES: dict[Side, str] = {"left": "Left", "right": "Right"}
PASTED_TITLE = "Pasted text"


def display_title(document: Document | None) -> str:
    """The title shown for `document`: its (edited) title, its first heading or its file name;
    "Pasted text" for an untitled paste, "" without a document."""
    if document is None:
        return ""
    if not document.meta.title and document.source in ("clipboard", "untitled"):
        return PASTED_TITLE
    return document.title


class _TitleLabel(QLabel):
    """The title; a double-click asks to edit it (the title and author dialog)."""

    double_clicked = Signal()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        self.double_clicked.emit()
        event.accept()


class PaneHeader(QWidget):
    """Title, byline, word count, pipeline name, a Rename button and an Open button."""

    rename_requested = Signal()  # the pencil button or a double-click on the title

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
        self.title = _TitleLabel("No text")
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
        self.rename_button = QToolButton()
        self.rename_button.setObjectName("PaneRename")
        self.rename_button.setText("✎")
        self.rename_button.setFont(styles.ui_font(9.5))
        self.rename_button.setToolTip("Edit the title and author of this text (or double-click the title)")
        self.rename_button.setAccessibleName("Edit Title and Author")
        self.rename_button.setEnabled(False)
        self.rename_button.setFixedWidth(22)  # a glyph, no frame until hovered
        self.rename_button.clicked.connect(self.rename_requested)
        self.title.double_clicked.connect(self.rename_requested)
        self.open_button = QToolButton()
        self.open_button.setText("Open…")
        self.open_button.setFont(styles.ui_font(9.5))
        self.open_button.setToolTip(f"Open a text in the {SIDE_NAMES[side].lower()} pane")
        layout.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addLayout(texts, 1)
        buttons = QHBoxLayout()  # the pencil sits close to Open…: the pane stays as narrow as before
        buttons.setSpacing(2)
        buttons.addWidget(self.rename_button, 0, Qt.AlignmentFlag.AlignVCenter)
        buttons.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addLayout(buttons)
