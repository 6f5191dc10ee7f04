"""Look and feel in one place: fonts, ink and paper colours, highlight formats, the stylesheet."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QTextCharFormat, QTextFormat

from ..core import palette

#: Body text: a calm serif where one is installed, else DejaVu Serif (always there on Linux).
READER_FAMILIES = ["Charter", "Georgia", "Source Serif 4", "Source Serif Pro", "Noto Serif", "Cambria", "DejaVu Serif", "serif"]
#: Headings and chrome: a plain sans.
UI_FAMILIES = ["Inter", "Segoe UI", "Noto Sans", "Helvetica Neue", "Arial", "DejaVu Sans", "sans-serif"]
MONO_FAMILIES = ["JetBrains Mono", "Cascadia Mono", "Consolas", "Noto Sans Mono", "DejaVu Sans Mono", "monospace"]

BASE_POINT_SIZE = 12.5
LINE_HEIGHT_PERCENT = 150.0
MAX_LINE_CHARS = 74  # comfortable measure; wider panes get side margins
HEADING_SCALE = {1: 1.55, 2: 1.3, 3: 1.15, 4: 1.05, 5: 1.0, 6: 1.0}

INK = "#1f2328"
INK_MUTED = "#5b6470"
HEADING_INK = "#111418"
PAPER = "#fdfcf9"
QUOTE_TINT = "#f1f3f6"
QUOTE_INK = "#3c4550"
CODE_TINT = "#f0efec"
LINK_INK = "#1a5fb4"
CHROME = "#f3f2ef"
RULE = "#d9d7d2"
ACCENT = "#2f5d8a"

ENTITY_TINT = 0.42  # palette.tint amount behind entity text
FRAMING_TINT = 0.13  # light tint behind framing terms that are not also entities
MARK_COLOUR = "#ffd34d"  # marked mentions of one name
CURRENT_COLOUR = "#ffb347"  # the mention F3 moved to
MARK_OUTLINE = "#8a6d00"
CURRENT_OUTLINE = "#c2410c"

#: Char-format properties that mark a framing term; ReaderView paints the underline itself
#: (thicker and clearer than Qt's 1 px underline, and with real dotted/double/wavy styles).
FRAMING_COLOUR_PROPERTY = QTextFormat.Property.UserProperty + 1  # QColor of the underline
FRAMING_STYLE_PROPERTY = QTextFormat.Property.UserProperty + 2  # str, see palette.DEFAULT_UNDERLINE_STYLES
FRAMING_CATEGORY_PROPERTY = QTextFormat.Property.UserProperty + 3  # str, the category id


def reader_font(scale: float = 1.0) -> QFont:
    """The body font at the given zoom."""
    font = QFont()
    font.setFamilies(READER_FAMILIES)
    font.setPointSizeF(BASE_POINT_SIZE * scale)
    return font


def ui_font(point_size: float = 10.0, bold: bool = False) -> QFont:
    """A font for window chrome (headers, legend, status)."""
    font = QFont()
    font.setFamilies(UI_FAMILIES)
    font.setPointSizeF(point_size)
    font.setBold(bold)
    return font


def entity_colour(label: str) -> QColor:
    """Full-strength colour of an entity label (swatches, ruler marks)."""
    return QColor(palette.entity_colour(label))


def entity_format(label: str) -> QTextCharFormat:
    """Background tint for an entity label."""
    fmt = QTextCharFormat()
    fmt.setBackground(QColor(palette.tint(palette.entity_colour(label), ENTITY_TINT)))
    return fmt


def underline_style(index: int) -> str:
    """The underline style name ("solid", "dashed", "dotted", "double", "wavy") for a category index."""
    return palette.underline_style(index)


def framing_formats(category_id: str, colour: str, index: int) -> tuple[QTextCharFormat, QTextCharFormat]:
    """(underline only, underline plus a light tint) for a framing category."""
    line = QTextCharFormat()
    line.setProperty(FRAMING_COLOUR_PROPERTY, QColor(palette.shade(colour, 0.92)))
    line.setProperty(FRAMING_STYLE_PROPERTY, underline_style(index))
    line.setProperty(FRAMING_CATEGORY_PROPERTY, category_id)
    tinted = QTextCharFormat(line)
    tinted.setBackground(QColor(palette.tint(colour, FRAMING_TINT)))
    return line, tinted


def mark_format(current: bool = False) -> QTextCharFormat:
    """Extra-selection format for a marked mention (stronger for the current one)."""
    fmt = QTextCharFormat()
    fmt.setBackground(QColor(CURRENT_COLOUR if current else MARK_COLOUR))
    fmt.setForeground(QColor("#000000"))
    if current:
        fmt.setFontWeight(QFont.Weight.Bold)
    return fmt


APP_STYLESHEET = f"""
QMainWindow {{ background: {CHROME}; }}
QSplitter::handle {{ background: {RULE}; }}
QSplitter::handle:horizontal {{ width: 1px; }}
#PaneHeader {{ background: {CHROME}; border-bottom: 1px solid {RULE}; }}
#PaneTitle {{ color: {HEADING_INK}; }}
#PaneMeta {{ color: {INK_MUTED}; }}
#PaneSide {{ color: #ffffff; background: {ACCENT}; border-radius: 4px; padding: 1px 7px; }}
#PaneHeader QToolButton {{ border: 1px solid {RULE}; border-radius: 4px; padding: 3px 10px;
    background: #ffffff; color: {INK}; }}
#PaneHeader QToolButton:hover {{ background: #eaf0f6; }}
QTextEdit#Reader {{ background: {PAPER}; border: none; selection-background-color: #b3d4fc;
    selection-color: {INK}; }}
#Legend {{ background: {CHROME}; }}
#Legend QCheckBox {{ color: {INK}; spacing: 6px; }}
#LegendHeading {{ color: {INK_MUTED}; }}
#LegendCount {{ color: {INK_MUTED}; }}
QStatusBar {{ background: {CHROME}; color: {INK_MUTED}; border-top: 1px solid {RULE}; }}
QDockWidget::title {{ background: {CHROME}; padding: 4px 8px; color: {INK_MUTED}; }}
"""
