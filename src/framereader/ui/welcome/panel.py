"""The welcome panel: what FrameReader shows in two sentences and three ways to start (open two
texts, open the sample pair, start the ten-minute lesson), on a card over the empty window."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QVBoxLayout, QWidget

from ..base import styles

TITLE = "Welcome to FrameReader"
ABOUT = ("FrameReader puts two texts about the same events side by side and shows how each one frames "
         "them: the loaded words it chooses, the people it names and what it calls them, who acts and "
         "who is acted on. Nothing leaves this computer: the texts, the analysis and your notes stay here.")
#: (id, button text, what it does) of the three ways to start
CHOICES = (
    ("open_pair", "Open two texts…", "Choose two articles that report the same events"),
    ("open_samples", "Open the sample pair", "Two invented op-eds about one border crisis"),
    ("lesson", "Start the ten-minute lesson", "A step-by-step guide for the classroom, beside the texts"),
)
CARD_WIDTH = 560


class WelcomeCard(QFrame):
    """The card: title, the two sentences, the three choices and a close button."""

    chosen = Signal(str)  # one of CHOICES' ids
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("WelcomeCard")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setFixedWidth(CARD_WIDTH)
        title = QLabel(TITLE)
        title.setObjectName("WelcomeTitle")
        title.setFont(styles.ui_font(18.0, bold=True))
        about = QLabel(ABOUT)
        about.setObjectName("WelcomeAbout")
        about.setWordWrap(True)
        about.setFont(styles.ui_font(11.0))
        self.close_button = QToolButton()
        self.close_button.setObjectName("WelcomeClose")
        self.close_button.setText("✕")
        self.close_button.setToolTip("Close (Help ▸ Welcome shows this again)")
        self.close_button.setAccessibleName("Close the welcome panel")
        self.close_button.clicked.connect(self.closed)
        top = QHBoxLayout()
        top.addWidget(title, 1)
        top.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 22, 28, 24)
        layout.setSpacing(12)
        layout.addLayout(top)
        layout.addWidget(about)
        self.buttons: dict[str, QPushButton] = {}
        for key, text, tip in CHOICES:
            button = QPushButton(text)
            button.setObjectName("WelcomeChoice")
            button.setFont(styles.ui_font(11.5, bold=True))
            button.setToolTip(tip)
            button.setMinimumHeight(40)
            button.clicked.connect(lambda _checked=False, chosen=key: self.chosen.emit(chosen))
            layout.addWidget(button)
            self.buttons[key] = button
        hint = QLabel("Help ▸ Welcome shows this again; Help ▸ Lesson Guide has the lesson.")
        hint.setObjectName("WelcomeHint")
        hint.setFont(styles.ui_font(9.0))
        layout.addWidget(hint)


class WelcomeOverlay(QWidget):
    """The card centred over `host` (the window's central widget) on a veil of the paper
    colour; it follows the host's size."""

    def __init__(self, host: QWidget) -> None:
        super().__init__(host)
        self.setObjectName("WelcomeOverlay")
        self.card = WelcomeCard(self)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.card)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)
        host.installEventFilter(self)
        self.setGeometry(host.rect())
        self.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self.parentWidget():
            self.setGeometry(self.parentWidget().rect())  # type: ignore[union-attr]
        return False

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        veil = QColor(styles.CHROME)
        veil.setAlphaF(0.94)
        painter.fillRect(self.rect(), veil)
        painter.end()
