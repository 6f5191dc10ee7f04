"""The comparison of the two texts: asked of the worker once both carry descriptors, shown in
the Comparison dock, exported as a handout or JSON."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFileDialog

from ..base.context import WindowContext, WindowPart
from ...core.comparison.compare import Comparison
from ...core.errors import FrameReaderError
from ...core.categories import category_styles
from ...core.model import SIDES, Analysis, Side
from .panel import ComparisonPanel
from ..base.visibility import Visibility

if TYPE_CHECKING:  # exports, the handout and printing are imported on first use, not at launch
    from ...core.export import HandoutOptions


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
        #: the reader's edits of a side's analysis (`EditsController.edited` sets it)
        self.edit: Callable[[Side, Analysis], Analysis] = lambda _side, analysis: analysis
        self._token = 0  # the newest comparison request
        self._options: HandoutOptions | None = None  # the handout options chosen last
        self.service.descriptors_ready.connect(self._on_descriptors_ready)
        self.service.comparison_ready.connect(self._on_comparison_ready)

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
                self.described[side] = self.edit(side, analysis)
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
            self._token = self.service.compare(left, right, list(self._category_order()))
        self.panel.clear("Comparing the two texts…" if all(documents) else "Open two texts to compare them.")
        self.changed.emit()

    def _on_descriptors_ready(self, side: Side, analysis: Analysis) -> None:
        self.raw[side] = analysis
        self.described[side] = self.edit(side, analysis)
        self.update()

    def _on_comparison_ready(self, token: int, comparison: Comparison) -> None:
        if token != self._token:
            return  # a text changed while this comparison was being made
        self.comparison = comparison
        self.show_names()
        self.changed.emit()

    def show_names(self) -> None:
        """Show the comparison (again) under the texts' current titles: a rename changes the
        dock's names and the chart's legend, not the comparison."""
        if self.comparison is None:
            return
        texts = (self.described["left"].text, self.described["right"].text) if len(self.described) == 2 else None
        from ...core.export import categories_meta

        self.panel.set_comparison(self.comparison, categories_meta(self.service.lexicons),
                                  self.panes["left"].title, self.panes["right"].title, texts=texts)

    # ------------------------------------------------------------------ export
    def handout_options(self, visibility: Visibility) -> HandoutOptions | None:
        """Ask which sections, highlights and paper the handout should have (None: cancelled)."""
        from ...core.export.sections import has_agency
        from ..handout.dialog import HandoutDialog

        if self.comparison is None:
            self.messages.error("Nothing to hand out yet", "Open two texts and wait until both are analysed and compared.")
            return None
        return HandoutDialog.ask(self._parent, initial=self._options, hidden_labels=visibility.hidden_labels,
                                 hidden_categories=visibility.hidden_categories, highlights_on=visibility.enabled,
                                 has_agency=has_agency(self.comparison))

    def export_handout_dialog(self, visibility: Visibility) -> None:
        """File → Export Handout…: the options first, then where to save the PDF or HTML."""
        options = self.handout_options(visibility)
        if options is None:
            return
        self._options = options
        suggested = f"{Path(self.panes['left'].title).stem} vs {Path(self.panes['right'].title).stem}.pdf"
        path, chosen = QFileDialog.getSaveFileName(self._parent, "Export handout", str(Path.home() / suggested),
                                                   "PDF handout (*.pdf);;HTML handout (*.html)")
        if path:
            if not Path(path).suffix:
                path += ".html" if "HTML" in chosen else ".pdf"
            self.write_export(path, options)

    def print_dialog(self, visibility: Visibility) -> None:
        """File → Print…: the handout options, then Qt's print preview and dialog."""
        options = self.handout_options(visibility)
        left, right = self.described.get("left"), self.described.get("right")
        if options is None or left is None or right is None or self.comparison is None:
            return
        from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

        from ..handout.pdf import Handout, page_layout, print_handout

        self._options = options
        comparison = self.comparison
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(page_layout(options))
        preview = QPrintPreviewDialog(printer, self._parent)
        documents = (self.panes["left"].document, self.panes["right"].document)
        handout = Handout(left, right, comparison, category_styles(self.service.lexicons), options=options,
                          title=f"{self.panes['left'].title} and {self.panes['right'].title}", documents=documents)
        preview.paintRequested.connect(lambda device: print_handout(device, handout))
        preview.exec()

    def export_dialog(self) -> None:
        """File → Export Comparison…: choose HTML, PDF or JSON."""
        if self.comparison is None:
            self.messages.error("Nothing to export yet", "Open two texts and wait until both are analysed and compared.")
            return
        suggested = f"{Path(self.panes['left'].title).stem} vs {Path(self.panes['right'].title).stem}.html"
        path, chosen = QFileDialog.getSaveFileName(
            self._parent, "Export comparison", str(Path.home() / suggested),
            "HTML handout (*.html);;PDF handout (*.pdf);;JSON for research (*.json)",
        )
        if path:
            if not Path(path).suffix:
                path += ".pdf" if "PDF" in chosen else ".json" if "JSON" in chosen else ".html"
            self.write_export(path)

    def write_export(self, path: str, options: HandoutOptions | None = None) -> bool:
        """Write the comparison to `path`; the kind follows the suffix (.html, .pdf, .json)."""
        from ...core.export import HandoutOptions, export_html, export_json
        from ..handout.pdf import Handout, export_pdf

        left, right = self.described.get("left"), self.described.get("right")
        if self.comparison is None or left is None or right is None:
            return False
        suffix = Path(path).suffix.lower()
        title = f"{self.panes['left'].title} and {self.panes['right'].title}"
        styles = category_styles(self.service.lexicons)
        documents = (self.panes["left"].document, self.panes["right"].document)
        try:
            if suffix == ".pdf":
                export_pdf(path, Handout(left, right, self.comparison, styles, title=title, documents=documents,
                                         options=options or HandoutOptions()))
            elif suffix == ".json":
                export_json(path, left, right, self.comparison, documents=documents)
            else:
                export_html(path, left, right, self.comparison, styles, title=title, documents=documents,
                            options=options)
        except (OSError, FrameReaderError) as exc:
            reason = getattr(exc, "message", None) or getattr(exc, "strerror", None) or str(exc)
            self.messages.error("Export failed", f"{path}: {reason}")
            return False
        self.messages.status(f"Exported the comparison to {path}", 8000)
        return True
