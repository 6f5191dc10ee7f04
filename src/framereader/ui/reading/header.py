"""A pane's header: side badge, title, byline and word count, a Rename and an Open button; in
presenter mode the title in large type (wrapping, never cut) with the author, outlet and date
under it, and no buttons."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QToolButton, QVBoxLayout, QWidget

from ...core.model import Document, Side
from ..base import styles

SIDE_NAMES: dict[Side, str] = {"left": "Left", "right": "Right"}
PASTED_TITLE = "Pasted text"
#: (badge, title, meta) point sizes: at the desk and on the projector
NORMAL_SIZES = (8.0, 11.5, 9.5)
PRESENTER_SIZES = (15.0, 23.0, 15.0)


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
        self.presenting = False
        self._byline = ""  # author · outlet · date: what presenter mode shows under the title
        self._details = ""  # the byline plus word count, pipeline, status and warnings
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 8, 10, 8)
        layout.setSpacing(10)
        self.badge = QLabel(SIDE_NAMES[side].upper())
        self.badge.setObjectName("PaneSide")
        self.title = _TitleLabel("No text")
        self.title.setObjectName("PaneTitle")
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.meta = QLabel("")
        self.meta.setObjectName("PaneMeta")
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
        self._apply_sizes()

    def show_texts(self, title: str, byline: str, details: str) -> None:
        """The title, the byline (author · outlet · date, may be empty) and the full detail line."""
        self.title.setText(title)
        self._byline, self._details = byline, details
        self._show_meta()

    def set_presenting(self, on: bool) -> None:
        """Large type for the projector (the title wraps instead of being cut), or back."""
        self.presenting = on
        self._apply_sizes()
        self._show_meta()

    def _show_meta(self) -> None:
        text = self._byline if self.presenting else self._details
        self.meta.setText(text)
        self.meta.setVisible(bool(text))

    def _apply_sizes(self) -> None:
        badge, title, meta = PRESENTER_SIZES if self.presenting else NORMAL_SIZES
        self.badge.setFont(styles.ui_font(badge, bold=True))
        self.title.setFont(styles.ui_font(title, bold=True))
        self.meta.setFont(styles.ui_font(meta))
        for label in (self.title, self.meta):
            label.setWordWrap(self.presenting)
        for button in (self.open_button, self.rename_button):
            button.setVisible(not self.presenting)
