"""PDF handout: core's Qt-friendly handout HTML printed through QTextDocument + QPdfWriter
into memory, then written atomically."""

from __future__ import annotations

import errno
import os
from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtWidgets import QApplication

from ..core.atomic import atomic_write_bytes
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
    """Write an A4 landscape PDF of the handout; atomic (temp file + os.replace); a failure
    raises OSError and leaves any previous file unchanged."""
    if QApplication.instance() is None:  # the CLI: fonts need a GUI application, not a screen
        if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        QApplication([])
    html = render_handout_html(left, right, comparison, categories_meta, title=title, for_qt=True)
    atomic_write_bytes(path, render_pdf(html, title or "FrameReader comparison"))


def render_pdf(html: str, title: str) -> bytes:
    """The PDF of `html` (A4 landscape) in memory: QPdfWriter reports no write errors, so the
    file itself is written by `atomic_write_bytes`, which does (a full disk raises OSError and
    leaves any previous file as it was)."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(title)
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
    del writer  # finishes the PDF
    buffer.close()
    data = bytes(buffer.data().data())
    if not data.startswith(b"%PDF") or b"%%EOF" not in data[-64:]:
        raise OSError(errno.EIO, "the PDF could not be produced")
    return data
