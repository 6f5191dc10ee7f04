"""PDF handout: core's Qt-friendly handout HTML printed through QTextDocument + QPdfWriter."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtWidgets import QApplication

from ..core.atomic import default_file_mode
from ..core.compare import Comparison
from ..core.export import render_handout_html
from ..core.model import Analysis


def export_pdf(
    path: str | Path,
    left: Analysis,
    right: Analysis,
    comparison: Comparison,
    categories_meta: Mapping[str, Mapping[str, str]] | None = None,
    *,
    title: str | None = None,
) -> None:
    """Write an A4 landscape PDF of the handout; atomic (temp file + os.replace)."""
    if QApplication.instance() is None:  # the CLI: fonts need a GUI application, not a screen
        if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        QApplication([])
    html = render_handout_html(left, right, comparison, categories_meta, title=title, for_qt=True)
    target = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent or ".")
    os.close(fd)
    os.chmod(tmp, default_file_mode())
    try:
        writer = QPdfWriter(tmp)
        writer.setTitle(title or "FrameReader comparison")
        writer.setCreator("FrameReader")
        writer.setPageLayout(
            QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Landscape, QMarginsF(12, 12, 12, 12),
                        QPageLayout.Unit.Millimeter)
        )
        writer.setResolution(150)
        document = QTextDocument()
        document.setHtml(html)
        document.setPageSize(QSizeF(writer.width(), writer.height()))
        document.print_(writer)
        del writer  # finishes the file
        os.replace(tmp, target)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
