"""File ▸ Export Comparison…, Export Handout… and Print…: the handout options, then the file
(PDF, HTML or JSON) or Qt's print preview. What is exported is the comparison the comparison
feature announced (`hooks.compared`), with the texts' titles as shown."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog

from ...core.categories import category_styles
from ...core.errors import FrameReaderError
from ..base.commands import Declared, Handler
from ..base.context import WindowContext, WindowPart
from ..base.visibility import Visibility, VisibilityModel
from .commands import COMMANDS

if TYPE_CHECKING:  # exports, the handout and printing are imported on first use, not at launch
    from ...core.export import HandoutOptions


class HandoutExports(WindowPart):
    """The export and print commands."""

    COMMANDS: tuple[Declared, ...] = COMMANDS

    def __init__(self, context: WindowContext, visibility: VisibilityModel) -> None:
        super().__init__(context)
        self.visibility = visibility
        self._options: HandoutOptions | None = None  # the handout options chosen last

    def handlers(self) -> Mapping[str, Handler]:
        return {"export": self.export_dialog,
                "export_handout": lambda: self.export_handout_dialog(self.visibility.value),
                "print": lambda: self.print_dialog(self.visibility.value)}

    def handout_options(self, visibility: Visibility) -> HandoutOptions | None:
        """Ask which sections, highlights and paper the handout should have (None: cancelled)."""
        from ...core.export.sections import has_agency
        from .dialog import HandoutDialog

        compared = self.hooks.compared
        if compared is None:
            self.messages.error("Nothing to hand out yet", "Open two texts and wait until both are analysed and compared.")
            return None
        return HandoutDialog.ask(self._parent, initial=self._options, hidden_labels=visibility.hidden_labels,
                                 hidden_categories=visibility.hidden_categories, highlights_on=visibility.enabled,
                                 has_agency=has_agency(compared.comparison))

    def _suggested(self, suffix: str) -> str:
        return str(Path.home() / f"{Path(self.panes['left'].title).stem} vs {Path(self.panes['right'].title).stem}{suffix}")

    def _title(self) -> str:
        return f"{self.panes['left'].title} and {self.panes['right'].title}"

    def export_handout_dialog(self, visibility: Visibility) -> None:
        """File → Export Handout…: the options first, then where to save the PDF or HTML."""
        options = self.handout_options(visibility)
        if options is None:
            return
        self._options = options
        path, chosen = QFileDialog.getSaveFileName(self._parent, "Export handout", self._suggested(".pdf"),
                                                   "PDF handout (*.pdf);;HTML handout (*.html)")
        if path:
            if not Path(path).suffix:
                path += ".html" if "HTML" in chosen else ".pdf"
            self.write_export(path, options)

    def print_dialog(self, visibility: Visibility) -> None:
        """File → Print…: the handout options, then Qt's print preview and dialog."""
        options = self.handout_options(visibility)
        compared = self.hooks.compared
        if options is None or compared is None:
            return
        from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

        from .pdf import Handout, page_layout, print_handout

        self._options = options
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(page_layout(options))
        preview = QPrintPreviewDialog(printer, self._parent)
        documents = (self.panes["left"].document, self.panes["right"].document)
        handout = Handout(compared.left, compared.right, compared.comparison, category_styles(self.service.lexicons),
                          options=options, title=self._title(), documents=documents)
        preview.paintRequested.connect(lambda device: print_handout(device, handout))
        preview.exec()

    def export_dialog(self) -> None:
        """File → Export Comparison…: choose HTML, PDF or JSON."""
        if self.hooks.compared is None:
            self.messages.error("Nothing to export yet", "Open two texts and wait until both are analysed and compared.")
            return
        path, chosen = QFileDialog.getSaveFileName(
            self._parent, "Export comparison", self._suggested(".html"),
            "HTML handout (*.html);;PDF handout (*.pdf);;JSON for research (*.json)",
        )
        if path:
            if not Path(path).suffix:
                path += ".pdf" if "PDF" in chosen else ".json" if "JSON" in chosen else ".html"
            self.write_export(path)

    def write_export(self, path: str, options: HandoutOptions | None = None) -> bool:
        """Write the comparison to `path`; the kind follows the suffix (.html, .pdf, .json)."""
        from ...core.export import HandoutOptions, export_html, export_json
        from .pdf import Handout, export_pdf

        compared = self.hooks.compared
        if compared is None:
            return False
        left, right, comparison = compared.left, compared.right, compared.comparison
        suffix = Path(path).suffix.lower()
        styles = category_styles(self.service.lexicons)
        documents = (self.panes["left"].document, self.panes["right"].document)
        try:
            if suffix == ".pdf":
                export_pdf(path, Handout(left, right, comparison, styles, title=self._title(), documents=documents,
                                         options=options or HandoutOptions()))
            elif suffix == ".json":
                export_json(path, left, right, comparison, documents=documents)
            else:
                export_html(path, left, right, comparison, styles, title=self._title(), documents=documents,
                            options=options)
        except (OSError, FrameReaderError) as exc:
            reason = getattr(exc, "message", None) or getattr(exc, "strerror", None) or str(exc)
            self.messages.error("Export failed", f"{path}: {reason}")
            return False
        self.messages.status(f"Exported the comparison to {path}", 8000)
        return True
