"""The status bar's permanent part: what the analysis is doing, with a progress bar."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar

from ..core.model import Side
from . import styles
from .pane import Pane
from .worker import AnalysisService


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
