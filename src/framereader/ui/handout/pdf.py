"""PDF and printed handout: core's Qt-friendly handout HTML laid out by QTextDocument on the
chosen paper, tables and the chart moved whole to the next page when they would be split (Qt
ignores CSS `page-break-inside`), then painted page by page with a footer."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QBrush,
    QPen,
    QPixmap,
    QColor,
    QFont,
    QPageLayout,
    QPageSize,
    QPagedPaintDevice,
    QPainter,
    QPdfWriter,
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFrame,
    QTextTable,
)
from PySide6.QtWidgets import QApplication

from ...core.platform.atomic import atomic_write_bytes
from ...core.platform.text_safety import safe_text
from ...core.comparison.compare import Comparison
from ...core.categories import CategoryStyle
from ...core.export import Categories, HandoutOptions, render_handout_html, resolve_categories
from ...core.export.handout import colophon_text
from ...core.export.highlight import INK, qt_code
from ...core.palette import ENTITY_COLOURS, PRINT_TINT, entity_colour, entity_pattern, print_tint, shade, tint
from ...core.model import Analysis
from ..base import styles

RESOLUTION = 300  # dots per inch of the PDF's layout grid (fonts snap to whole device pixels)
MARGIN_MM = 12.0
FOOTER_PT = 9.0
CLOSING_PT = 9.0  # the model and version at the foot of the last page (as small as the footer)
#: A heading needs this share of the page below it, or it starts the next page.
HEADING_ROOM = 0.12
PAPER_IDS = {"A4": QPageSize.PageSizeId.A4, "Letter": QPageSize.PageSizeId.Letter}
M = TypeVar("M")  # what a colour marks in the Qt handout (a category, an entity label)


def page_layout(options: HandoutOptions) -> QPageLayout:
    """The paper, orientation and margins the options ask for."""
    orientation = QPageLayout.Orientation.Landscape if options.landscape else QPageLayout.Orientation.Portrait
    return QPageLayout(QPageSize(PAPER_IDS[options.paper]), orientation,
                       QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM), QPageLayout.Unit.Millimeter)


def _ensure_app() -> None:
    if QApplication.instance() is None:  # the CLI: fonts need a GUI application, not a screen
        if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        QApplication([])


def _footer_height(device: QPagedPaintDevice) -> float:
    return FOOTER_PT * 2.2 * device.logicalDpiY() / 72.0


_UNDERLINES = {
    "solid": QTextCharFormat.UnderlineStyle.SingleUnderline,
    "dashed": QTextCharFormat.UnderlineStyle.DashUnderline,
    "dotted": QTextCharFormat.UnderlineStyle.DotLine,
    "double": QTextCharFormat.UnderlineStyle.DashDotLine,  # Qt has no double underline
    "wavy": QTextCharFormat.UnderlineStyle.WaveUnderline,
}


def restyle_marked(document: QTextDocument, marks: Mapping[int, M], background: bool,
                   format_of: Callable[[M], QTextCharFormat]) -> int:
    """Merge `format_of(mark)` over each piece of text whose text colour (background colour when
    `background`) has an rgb value in `marks`, all in one edit block (one re-layout for all the
    changes); returns how many pieces of text were restyled."""
    prop = QTextFormat.Property.BackgroundBrush if background else QTextFormat.Property.ForegroundBrush
    found: list[tuple[int, int, M]] = []
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            fmt = fragment.charFormat()
            if fmt.hasProperty(prop):
                mark = marks.get((fmt.background() if background else fmt.foreground()).color().rgb())
                if mark is not None:
                    found.append((fragment.position(), fragment.position() + fragment.length(), mark))
            it += 1
        block = block.next()
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    for start, end, mark in found:
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(format_of(mark))
    cursor.endEditBlock()
    return len(found)


def style_framing(document: QTextDocument, categories: Iterable[CategoryStyle]) -> int:
    """Give each framing term (marked by `qt_code` in the Qt handout) its category's underline
    style and colour, in ink; returns how many pieces of text were styled."""

    def underlined(cat: CategoryStyle) -> QTextCharFormat:
        fmt = QTextCharFormat()
        fmt.setForeground(QColor(INK))
        fmt.setUnderlineStyle(_UNDERLINES.get(cat.underline, QTextCharFormat.UnderlineStyle.SingleUnderline))
        fmt.setUnderlineColor(QColor(shade(cat.colour, 0.8)))
        return fmt

    by_code = {QColor(qt_code(c)).rgb(): c for c in categories if c.index < 256}
    return restyle_marked(document, by_code, False, underlined)


#: Pattern cell size and line width in device pixels at the PDF's 300 dpi (about 1.2 mm, 0.17 mm).
PATTERN_CELL = 16
PATTERN_LINE = 3


def pattern_brush(pattern: str, colour: str, scale: float = 1.0) -> QBrush:
    """A brush drawing an entity kind's grey-print pattern (`palette.ENTITY_PATTERNS`): lines or
    dots in a darker tint of `colour` over its light tint; a plain light tint for "solid"."""
    paper, ink = QColor(tint(colour, 0.2)), QColor(shade(colour, 0.9))
    if pattern == "solid":
        return QBrush(QColor(tint(colour, PRINT_TINT)))
    cell = max(4, round(PATTERN_CELL * scale))
    line = max(1.0, PATTERN_LINE * scale)
    tile = QPixmap(cell, cell)
    tile.fill(paper)
    painter = QPainter(tile)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(ink, line))
    half = cell / 2
    if pattern in ("horizontal", "cross"):
        painter.drawLine(QPointF(0, half), QPointF(cell, half))
    if pattern in ("vertical", "cross"):
        painter.drawLine(QPointF(half, 0), QPointF(half, cell))
    if pattern in ("diagonal", "diagonal-cross"):
        painter.drawLine(QPointF(0, cell), QPointF(cell, 0))
        painter.drawLine(QPointF(-half, half), QPointF(half, -half))
        painter.drawLine(QPointF(half, cell + half), QPointF(cell + half, half))
    if pattern in ("back-diagonal", "diagonal-cross"):
        painter.drawLine(QPointF(0, 0), QPointF(cell, cell))
        painter.drawLine(QPointF(-half, half), QPointF(half, cell + half))
        painter.drawLine(QPointF(half, -half), QPointF(cell + half, half))
    if pattern in ("dots", "sparse-dots"):
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(ink)
        radius = line * (0.9 if pattern == "dots" else 1.1)
        spots = [QPointF(half, half)] if pattern == "sparse-dots" else [
            QPointF(cell / 4, cell / 4), QPointF(3 * cell / 4, 3 * cell / 4)]
        for spot in spots:
            painter.drawEllipse(spot, radius, radius)
    painter.end()
    return QBrush(tile)


def style_entities(document: QTextDocument, labels: Iterable[str], scale: float = 1.0) -> int:
    """Give each name (marked by its kind's `print_tint` in the Qt handout) its kind's grey-print
    pattern, in the legend too; returns how many pieces of text were patterned."""
    brushes: dict[str, QBrush] = {}

    def patterned(label: str) -> QTextCharFormat:
        if label not in brushes:
            brushes[label] = pattern_brush(entity_pattern(label), entity_colour(label), scale)
        fmt = QTextCharFormat()
        fmt.setBackground(brushes[label])
        return fmt

    by_tint = {QColor(print_tint(label)).rgb(): label for label in labels}
    return restyle_marked(document, by_tint, True, patterned)


def layout_document(html: str, device: QPagedPaintDevice, categories: Iterable[CategoryStyle] = ()) -> QTextDocument:
    """`html` laid out on `device`'s printable area (less a footer line), framing terms styled
    per category, every table of two or more rows that fits on a page kept on one page, and no
    heading left at a page foot."""
    document = QTextDocument()
    font = QFont()
    font.setFamilies(styles.READER_FAMILIES)
    font.setPointSizeF(10.0)
    document.setDefaultFont(font)
    document.setHtml(safe_text(html))  # Qt would drop a lone surrogate silently
    style_framing(document, categories)  # before the layout exists: no re-layout per change
    style_entities(document, ENTITY_COLOURS, device.logicalDpiY() / RESOLUTION)
    document.documentLayout().setPaintDevice(device)  # measure fonts at the device's resolution
    document.setDocumentMargin(0)
    document.setPageSize(QSizeF(device.width(), device.height() - _footer_height(device)))
    keep_together(document)
    return document


def _page(y: float, page_height: float) -> int:
    return int(y // page_height)


def _lead_in(document: QTextDocument, position: int) -> QTextBlock | None:
    """The heading (within three blocks of the root frame) that introduces what starts at
    `position`, so a moved table takes its heading and note along."""
    block = document.findBlock(position - 1) if position > 0 else QTextBlock()
    for _ in range(3):
        if not block.isValid() or QTextCursor(block).currentTable() is not None:
            return None
        if block.blockFormat().headingLevel() > 0:
            return block
        block = block.previous()
    return None


def _break_before_block(block: QTextBlock) -> None:
    cursor = QTextCursor(block)
    fmt = block.blockFormat()
    fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
    cursor.setBlockFormat(fmt)


def _break_before_table(table: QTextTable) -> None:
    fmt = table.format()
    fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
    table.setFormat(fmt)


def split_tables(document: QTextDocument) -> list[QTextTable]:
    """The top-level tables of two or more rows that a page break cuts through."""
    layout = document.documentLayout()
    page_height = document.pageSize().height()
    split = []
    for frame in document.rootFrame().childFrames():
        if isinstance(frame, QTextTable) and frame.rows() >= 2:
            rect = layout.frameBoundingRect(frame)
            if _page(rect.top(), page_height) != _page(rect.bottom() - 1, page_height):
                split.append(frame)
    return split


def _fix_one(document: QTextDocument) -> bool:
    """Insert one page break that keeps a table whole or a heading with what follows."""
    layout = document.documentLayout()
    page_height = document.pageSize().height()
    for table in split_tables(document):
        if layout.frameBoundingRect(table).height() > page_height * 0.95:
            continue  # taller than a page: it has to be split
        heading = _lead_in(document, table.firstPosition() - 1)
        if heading is not None:
            _break_before_block(heading)
        else:
            _break_before_table(table)
        return True
    block = document.begin()
    while block.isValid():
        if block.blockFormat().headingLevel() > 0 and QTextCursor(block).currentTable() is None:
            rect = layout.blockBoundingRect(block)
            after = _next_content_top(document, block)
            room = page_height - rect.bottom() % page_height  # below the heading on its page
            if after is not None and rect.top() % page_height > 1 and (
                    room < HEADING_ROOM * page_height or _page(after + 1, page_height) != _page(rect.top(), page_height)):
                _break_before_block(_lead_in(document, block.position()) or block)
                return True
        block = block.next()
    return False


def _top(document: QTextDocument, block: QTextBlock) -> float:
    """Top of a root-level block, or of the top-level table that holds `block`."""
    layout = document.documentLayout()
    table = QTextCursor(block).currentTable()
    if table is None:
        return layout.blockBoundingRect(block).top()
    frame: QTextFrame = table
    while frame.parentFrame() is not None and frame.parentFrame().parentFrame() is not None:
        frame = frame.parentFrame()
    return layout.frameBoundingRect(frame).top()


def _next_content_top(document: QTextDocument, heading: QTextBlock) -> float | None:
    """Where what a heading introduces starts: past up to two short notes under it."""
    block = heading.next()
    for _ in range(2):
        if not block.isValid():
            return None
        short_note = QTextCursor(block).currentTable() is None and block.blockFormat().headingLevel() == 0 \
            and len(block.text()) < 400 and block.next().isValid()
        if not short_note:
            break
        block = block.next()
    return _top(document, block)


def keep_together(document: QTextDocument, limit: int = 60) -> int:
    """Add page breaks until no table that fits on a page is split and no heading ends a page;
    returns how many breaks were added."""
    added = 0
    while added < limit:
        document.pageCount()  # lay out again after the last change
        if not _fix_one(document):
            break
        added += 1
    return added


def paint_document(document: QTextDocument, device: QPagedPaintDevice, footer: str,
                   pages: Sequence[int] | None = None, closing: str = "") -> int:
    """Paint `document` (from `layout_document`) on `device`, page by page with "footer · page n
    of N" at the foot, and `closing` (the small print: model and version) at the left of the
    last page's foot; `pages` (1-based) limits which pages; returns the number painted."""
    count = document.pageCount()
    wanted = [p for p in (pages or range(1, count + 1)) if 1 <= p <= count]
    page_height = document.pageSize().height()
    width = document.pageSize().width()
    footer_font = QFont()
    footer_font.setFamilies(styles.UI_FAMILIES)
    footer_font.setPointSizeF(FOOTER_PT)
    painter = QPainter(device)
    try:
        for i, number in enumerate(wanted):
            if i:
                device.newPage()
            painter.save()
            painter.translate(0, -(number - 1) * page_height)
            document.drawContents(painter, QRectF(0, (number - 1) * page_height, width, page_height))
            painter.restore()
            painter.setFont(footer_font)
            painter.setPen(Qt.GlobalColor.darkGray)
            page = f" · page {number} of {count}"
            metrics = painter.fontMetrics()  # a long title ends in "…", so the page number stays whole
            title = metrics.elidedText(footer, Qt.TextElideMode.ElideRight,
                                       max(0, int(width) - metrics.horizontalAdvance(page)))
            foot = QRectF(QPointF(0, page_height), QSizeF(width, _footer_height(device)))
            painter.drawText(foot, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom), title + page)
            if closing and number == count:  # the small print, beside the last page's number
                room = max(0.0, width - metrics.horizontalAdvance(title + page) - metrics.horizontalAdvance("    "))
                small = QFont(footer_font)
                small.setPointSizeF(CLOSING_PT)
                painter.setFont(small)
                painter.drawText(QRectF(foot.left(), foot.top(), room, foot.height()),
                                 int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom | Qt.TextFlag.TextWordWrap),
                                 closing)
    finally:
        painter.end()
    return len(wanted)


@dataclass(frozen=True)
class Handout:
    """What a printed or PDF handout shows: the two analyses, their comparison, the category
    styles, and (by keyword) the options, the title and the two documents (for their headings)."""

    left: Analysis
    right: Analysis
    comparison: Comparison
    categories: Categories | None = None
    options: HandoutOptions = field(default_factory=HandoutOptions, kw_only=True)
    title: str | None = field(default=None, kw_only=True)
    documents: tuple[Any, Any] | None = field(default=None, kw_only=True)

    @property
    def footer(self) -> str:
        return self.title or "FrameReader handout"

    @property
    def closing(self) -> str:
        """The small print at the foot of the last page: the app, the model and its version."""
        return colophon_text(self.left, self.right)

    def laid_out(self, device: QPagedPaintDevice) -> QTextDocument:
        """The handout laid out on `device`'s pages (shared by printing and the PDF file)."""
        html = render_handout_html(self.left, self.right, self.comparison, self.categories, options=self.options,
                                   title=self.title, documents=self.documents, for_qt=True, with_colophon=False)
        styles_ = resolve_categories(self.categories, self.comparison, (self.left, self.right)).values()
        return layout_document(html, device, styles_)


def print_handout(printer: QPagedPaintDevice, handout: Handout) -> int:
    """Render the handout on a QPrinter (or any paged device) as it is set up — the print
    dialog's paper and orientation; honours a QPrinter's page range. Returns pages printed.
    Call `printer.setPageLayout(page_layout(handout.options))` first to start from the options' paper."""
    document = handout.laid_out(printer)
    pages = None
    first, last = getattr(printer, "fromPage", lambda: 0)(), getattr(printer, "toPage", lambda: 0)()
    if first or last:
        pages = range(max(1, first), (last or document.pageCount()) + 1)
    return paint_document(document, printer, handout.footer, pages, handout.closing)


def pdf_bytes(handout: Handout) -> bytes:
    """The handout as a PDF in memory, on the options' paper (A4 portrait by default)."""
    _ensure_app()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(handout.footer)
    writer.setCreator("FrameReader")
    writer.setResolution(RESOLUTION)
    writer.setPageLayout(page_layout(handout.options))
    paint_document(handout.laid_out(writer), writer, handout.footer, closing=handout.closing)
    del writer  # finishes the PDF
    buffer.close()
    data = bytes(buffer.data().data())
    if not data.startswith(b"%PDF") or b"%%EOF" not in data[-64:]:
        raise OSError(errno.EIO, "the PDF could not be produced")
    return data


def export_pdf(path: str | Path, handout: Handout) -> None:
    """Write the handout as a PDF on the options' paper (A4 portrait by default). Rendered in
    memory first (QPdfWriter reports no write errors), then written atomically: a failure
    raises OSError and leaves any previous file as it was."""
    atomic_write_bytes(path, pdf_bytes(handout))
