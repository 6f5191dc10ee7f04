"""The status bar's permanent part: what the analysis is doing, with a progress bar."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar

from ...core.model import Side
from ..base import styles
from ..reading.pane import Pane
from ..base.worker import AnalysisService


#: Analysing or highlighting is announced only when it lasts longer than this: a cached text
#: re-opens in about 0.1 s, and a progress bar flashing up and away for that would cost the
#: window a relayout and a repaint (and the reader a flicker).
SHOW_AFTER_MS = 300


class ProgressIndicator:
    """"Loading the language model…", "Analysing a.txt…" with a percentage, "Highlighting…",
    and the model's name when everything is done."""

    def __init__(self, bar: QStatusBar, service: AnalysisService, panes: Sequence[Pane]) -> None:
        self.service = service
        self.panes = tuple(panes)
        self.fractions: dict[Side, float] = {}  # analysis progress per pane
        bar.setFont(styles.ui_font(9.5))
        self.label = QLabel("")
        self.bar = QProgressBar()
        self.bar.setMaximumWidth(180)
        self.bar.setMaximumHeight(14)
        self.bar.setTextVisible(False)
        self.bar.hide()
        bar.addPermanentWidget(self.label)
        bar.addPermanentWidget(self.bar)
        self._announce = QTimer(self.label)  # the label's child: never fires after the window is gone
        self._announce.setSingleShot(True)
        self._announce.setInterval(SHOW_AFTER_MS)
        self._announce.timeout.connect(self._due)
        self._announcing = False  # True once the work lasted SHOW_AFTER_MS: progress is shown

    def busy(self, message: str) -> None:
        """An open-ended task (the model loading); "" clears it."""
        self.label.setText(message)
        self.bar.setRange(0, 0)
        self.bar.setVisible(bool(message))

    def progress(self, side: Side, fraction: float) -> None:
        self.fractions[side] = fraction
        self.update()

    def update(self) -> None:
        """Show the current state of the analyses and the highlighting."""
        if not self.service.ready:
            return
        waiting = [p for p in self.panes if self.service.busy(p.side)]
        for side in list(self.fractions):
            if not self.service.busy(side):
                del self.fractions[side]
        working = bool(waiting) or any(p.highlighter.busy for p in self.panes)
        if not working:
            self._announce.stop()
            self._announcing = False
        elif not self._announcing:
            if not self._announce.isActive():
                self._announce.start()
            return  # not yet: short work ends before anything flashes up
        if waiting:
            self.label.setText("Analysing " + " and ".join(p.title for p in waiting) + "…")
            if self.fractions:
                self.bar.setRange(0, 100)
                done = sum(self.fractions.get(p.side, 0.0) for p in waiting) / len(waiting)
                self.bar.setValue(round(100 * done))
            else:
                self.bar.setRange(0, 0)
            self.bar.show()
        elif any(p.highlighter.busy for p in self.panes):
            self.label.setText("Highlighting…")
            self.bar.setRange(0, 0)
            self.bar.show()
        else:
            info = self.service.model_info
            self.label.setText(f"Model: {info.name} {info.version}" if info else "")
            self.bar.hide()

    def _due(self) -> None:
        """The work has lasted SHOW_AFTER_MS: show what it is doing from now on."""
        self._announcing = True
        self.update()
