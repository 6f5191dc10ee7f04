"""The comparison of the two texts: asked of the worker once both carry descriptors, shown in
the Comparison dock and announced to the other features (`hooks.compared`)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFileDialog

from ..base.context import WindowContext, WindowPart
from ..base.hooks import ComparedTexts
from ...core.comparison.compare import Comparison
from ...core.errors import FrameReaderError
from ...core.categories import category_styles
from ...core.model import SIDES, Analysis, Side
from .panel import ComparisonPanel
from ..base.visibility import Visibility


class ComparisonController(WindowPart):
    """Owns the newest comparison; older results (a text changed meanwhile) are dropped."""

    changed = Signal()  # a comparison arrived or was invalidated

    def __init__(self, context: WindowContext, panel: ComparisonPanel, category_order: Callable[[], Sequence[str]]) -> None:
        super().__init__(context)
        self.panel = panel
        self._category_order = category_order
        self.comparison: Comparison | None = None
        self.described: dict[Side, Analysis] = {}  # analyses with descriptors (and the reader's edits), per side
        self.raw: dict[Side, Analysis] = {}  # the same as core made them, before the reader's edits
        self._token = 0  # the newest comparison request
        self.service.descriptors_ready.connect(self._on_descriptors_ready)
        self.service.comparison_ready.connect(self._on_comparison_ready)
        self.hooks.edits_changed.connect(self.reapply)
        self.hooks.document_changed.connect(self.forget)
        self.hooks.documents_swapped.connect(self.swap)
        self.changed.connect(self._announce)

    def forget(self, side: Side) -> None:
        """The text of `side` changed: its descriptors no longer apply (unless they are for the
        text it shows now: a swap brings them along)."""
        described, document = self.described.get(side), self.panes[side].document
        if described is not None and (document is None or described.text != document.text):
            del self.described[side]
            self.raw.pop(side, None)
        self.update()

    def forget_all(self) -> None:
        self.described.clear()
        self.raw.clear()
        self.update()

    def reapply(self) -> None:
        """The reader's edits changed: edit the stored analyses again and compare anew (nothing
        is analysed again)."""
        for side, analysis in self.raw.items():
            if side in self.described:
                self.described[side] = self.hooks.edit_analysis(side, analysis)
        self.update()

    def swap(self) -> None:
        """The texts changed places; so do their descriptors."""
        self.described = {("right" if side == "left" else "left"): a for side, a in self.described.items()}
        self.raw = {("right" if side == "left" else "left"): a for side, a in self.raw.items()}
        for side in SIDES:  # descriptors still being made were cancelled with the swap: ask again
            document, described = self.panes[side].document, self.described.get(side)
            if document is not None and (described is None or described.text != document.text):
                self.service.analyze(side, document, want_descriptors=True)
        self.update()

    def update(self) -> None:
        """Compare the two texts once both carry descriptors (on the worker thread)."""
        documents = [self.panes[side].document for side in SIDES]
        left, right = self.described.get("left"), self.described.get("right")
        self.comparison = None
        self._token = 0
        if (left and right and documents[0] and documents[1]
                and left.text == documents[0].text and right.text == documents[1].text):
            self._token = self.service.compare(left, right, list(self._category_order()),
                                               include_quoted=self.settings.count_quoted)
        self.panel.clear("Comparing the two texts…" if all(documents) else "Open two texts to compare them.")
        self.changed.emit()

    def _on_descriptors_ready(self, side: Side, analysis: Analysis) -> None:
        self.raw[side] = analysis
        self.described[side] = self.hooks.edit_analysis(side, analysis)
        self.update()

    def _on_comparison_ready(self, token: int, comparison: Comparison) -> None:
        if token != self._token:
            return  # a text changed while this comparison was being made
        self.comparison = comparison
        self.show_names()
        self.changed.emit()

    def _announce(self) -> None:
        """Tell the other features (handout, edits, exercise) what is compared now."""
        left, right = self.described.get("left"), self.described.get("right")
        self.hooks.compared = (ComparedTexts(self.comparison, left, right)
                               if self.comparison is not None and left is not None and right is not None else None)
        self.hooks.comparison_changed.emit()

    def show_names(self) -> None:
        """Show the comparison (again) under the texts' current titles: a rename changes the
        dock's names and the chart's legend, not the comparison."""
        if self.comparison is None:
            return
        texts = (self.described["left"].text, self.described["right"].text) if len(self.described) == 2 else None
        from ...core.export import categories_meta

        self.panel.set_comparison(self.comparison, categories_meta(self.service.lexicons),
                                  self.panes["left"].title, self.panes["right"].title, texts=texts)
