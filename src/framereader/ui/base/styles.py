"""Look and feel in one place: fonts, ink and paper colours, highlight formats, the stylesheet."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtGui import QPainter
    from PySide6.QtWidgets import QWidget

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QTextCharFormat, QTextFormat

from ...core import palette

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
SELECTED_BG = "#d9d7d2"  # a highlighted menu item: background and ink (High Contrast inverts)
SELECTED_INK = INK

ENTITY_TINT = 0.42  # palette.tint amount behind entity text
#: How the dock's charts draw a row's name: on the left, wrapping onto a second line, never cut.
CHART_WRAP = int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap)
FRAMING_TINT = 0.13  # light tint behind framing terms that are not also entities
MARK_COLOUR = "#ffd34d"  # marked mentions of one name
CURRENT_COLOUR = "#ffb347"  # the mention F3 moved to
MARK_OUTLINE = "#8a6d00"
CURRENT_OUTLINE = "#c2410c"
THEME = "light"
PROJECTOR = False  # presenter mode: lighter tints, so framing underlines stay visible over them
PROJECTOR_TINT = 0.6  # tint amounts in presenter mode, relative to the theme's
UNDERLINE_STRENGTH, UNDERLINE_BASE = 0.92, "#000000"  # underline colour: a little darker than the category's

#: Light, dark and high-contrast themes: the colour constants above, per theme. Entity tints are
#: mixed into the paper colour, so in dark mode they become deep tones under light text.
THEMES: dict[str, dict[str, object]] = {
    "light": dict(PAPER=PAPER, INK=INK, INK_MUTED=INK_MUTED, HEADING_INK=HEADING_INK, QUOTE_TINT=QUOTE_TINT,
                  QUOTE_INK=QUOTE_INK, CODE_TINT=CODE_TINT, LINK_INK=LINK_INK, CHROME=CHROME, RULE=RULE,
                  ACCENT=ACCENT, ENTITY_TINT=ENTITY_TINT, FRAMING_TINT=FRAMING_TINT,
                  UNDERLINE_STRENGTH=0.92, UNDERLINE_BASE="#000000", SELECTED_BG="#d9d7d2", SELECTED_INK=INK),
    "dark": dict(PAPER="#1d1f23", INK="#e8e6e3", INK_MUTED="#a7adb5", HEADING_INK="#f4f2ef", QUOTE_TINT="#272a30",
                 QUOTE_INK="#d5d8dd", CODE_TINT="#2a2a2a", LINK_INK="#8ab4f8", CHROME="#25282d", RULE="#3b3f46",
                 ACCENT="#5b8ccc", ENTITY_TINT=0.42, FRAMING_TINT=0.2,
                 UNDERLINE_STRENGTH=0.75, UNDERLINE_BASE="#ffffff", SELECTED_BG="#3b5f8f", SELECTED_INK="#ffffff"),
    "high-contrast": dict(PAPER="#ffffff", INK="#000000", INK_MUTED="#000000", HEADING_INK="#000000",
                          QUOTE_TINT="#ffffff", QUOTE_INK="#000000", CODE_TINT="#ffffff", LINK_INK="#0000c0",
                          CHROME="#ffffff", RULE="#000000", ACCENT="#000000", ENTITY_TINT=0.55, FRAMING_TINT=0.0,
                          UNDERLINE_STRENGTH=0.55, UNDERLINE_BASE="#000000", SELECTED_BG="#000000",
                          SELECTED_INK="#ffffff"),
}
THEME_NAMES = {"system": "Follow the System", "light": "Light", "dark": "Dark", "high-contrast": "High Contrast"}


def resolve_theme(choice: str) -> str:
    """"system" becomes light or dark from Qt's colour-scheme hint; unknown names become light."""
    if choice == "system":
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QGuiApplication

        hints = QGuiApplication.styleHints() if QGuiApplication.instance() else None
        scheme = getattr(hints, "colorScheme", lambda: None)() if hints else None
        return "dark" if scheme == Qt.ColorScheme.Dark else "light"
    return choice if choice in THEMES else "light"


def apply_theme(choice: str) -> str:
    """Make `choice` the current theme (module colours and stylesheet); returns the theme used."""
    global THEME, APP_STYLESHEET
    THEME = resolve_theme(choice)
    globals().update(THEMES[THEME])
    APP_STYLESHEET = app_stylesheet()
    return THEME


#: Char-format properties that mark a framing term; ReaderView paints the underline itself
#: (thicker and clearer than Qt's 1 px underline, and with real dotted/double/wavy styles).
FRAMING_COLOUR_PROPERTY = QTextFormat.Property.UserProperty + 1  # QColor of the underline
FRAMING_STYLE_PROPERTY = QTextFormat.Property.UserProperty + 2  # str, see palette.DEFAULT_UNDERLINE_STYLES
FRAMING_CATEGORY_PROPERTY = QTextFormat.Property.UserProperty + 3  # str, the category id
FRAMING_QUOTED_PROPERTY = QTextFormat.Property.UserProperty + 4  # bool: inside a quotation (thin, pale)


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


def mix(colour: str, amount: float, base: str) -> str:
    """`colour` mixed into `base`: `amount` 1.0 is the colour, 0.0 is the base (#rrggbb)."""
    a, b = QColor(colour), QColor(base)
    parts = (round(b.red() + (a.red() - b.red()) * amount), round(b.green() + (a.green() - b.green()) * amount),
             round(b.blue() + (a.blue() - b.blue()) * amount))
    return "#{:02x}{:02x}{:02x}".format(*parts)


def set_projector(on: bool) -> None:
    """Presenter mode's styles on or off (formats made afterwards follow; the theme is kept)."""
    global PROJECTOR
    PROJECTOR = bool(on)


def _tint(amount: float) -> float:
    return amount * PROJECTOR_TINT if PROJECTOR else amount


def entity_format(label: str) -> QTextCharFormat:
    """Background tint for an entity label, mixed into the theme's paper so text stays readable
    (lighter in presenter mode, so a framing underline shows clearly over it)."""
    fmt = QTextCharFormat()
    fmt.setBackground(QColor(mix(palette.entity_colour(label), _tint(ENTITY_TINT), PAPER)))
    if THEME != "light":
        fmt.setForeground(QColor(INK))
    return fmt


def underline_style(index: int) -> str:
    """The underline style name ("solid", "dashed", "dotted", "double", "wavy") for a category index."""
    return palette.underline_style(index)


def framing_formats(category_id: str, colour: str, index: int) -> tuple[QTextCharFormat, QTextCharFormat]:
    """(underline only, underline plus a light tint) for a framing category."""
    line = QTextCharFormat()
    line.setProperty(FRAMING_COLOUR_PROPERTY, QColor(mix(colour, UNDERLINE_STRENGTH, UNDERLINE_BASE)))
    line.setProperty(FRAMING_STYLE_PROPERTY, underline_style(index))
    line.setProperty(FRAMING_CATEGORY_PROPERTY, category_id)
    tinted = QTextCharFormat(line)
    if FRAMING_TINT > 0:
        tinted.setBackground(QColor(mix(colour, _tint(FRAMING_TINT), PAPER)))
    return line, tinted


#: A QTextCharFormat property: the colour of a bar drawn in the margin (the legend's swatch of
#: one-sided passages), never applied to text.
MARGIN_BAR_PROPERTY = 0x100100


def one_sided_bar_colour() -> str:
    """The margin bar beside a passage only one text has: a muted grey of the theme."""
    return mix(INK_MUTED, 0.75 if THEME == "high-contrast" else 0.55, PAPER)


#: How much paler the underline of a framing word inside a quotation is (mixed into the paper).
QUOTED_STRENGTH = 0.45


def quoted_framing_format(category_id: str, colour: str, index: int) -> QTextCharFormat:
    """A framing word inside a quotation (the speaker's words, not the writer's): the same
    underline style, paler and thinner, and no tint."""
    fmt = QTextCharFormat()
    fmt.setProperty(FRAMING_COLOUR_PROPERTY, QColor(mix(colour, QUOTED_STRENGTH, PAPER)))
    fmt.setProperty(FRAMING_STYLE_PROPERTY, underline_style(index))
    fmt.setProperty(FRAMING_CATEGORY_PROPERTY, category_id)
    fmt.setProperty(FRAMING_QUOTED_PROPERTY, True)
    return fmt


def mark_format(current: bool = False) -> QTextCharFormat:
    """Extra-selection format for a marked mention (stronger for the current one)."""
    fmt = QTextCharFormat()
    fmt.setBackground(QColor(CURRENT_COLOUR if current else MARK_COLOUR))
    fmt.setForeground(QColor("#000000"))
    if current:
        fmt.setFontWeight(QFont.Weight.Bold)
    return fmt


def app_stylesheet() -> str:
    """The window stylesheet for the current theme."""
    t = globals()
    return f"""
QMainWindow {{ background: {t['CHROME']}; }}
QSplitter::handle {{ background: {t['RULE']}; }}
QSplitter::handle:horizontal {{ width: 1px; }}
#PaneHeader {{ background: {t['CHROME']}; border-bottom: 1px solid {t['RULE']}; }}
#PaneTitle {{ color: {t['HEADING_INK']}; }}
#PaneMeta {{ color: {t['INK_MUTED']}; }}
#PaneSide {{ color: #ffffff; background: {t['ACCENT']}; border-radius: 4px; padding: 1px 7px; }}
#PaneHeader QToolButton {{ border: 1px solid {t['RULE']}; border-radius: 4px; padding: 3px 10px;
    background: {t['PAPER']}; color: {t['INK']}; }}
#PaneHeader QToolButton:hover {{ background: {t['RULE']}; }}
#Legend[flash="true"] {{ border: 2px solid {t['ACCENT']}; }}
#WelcomeCard {{ background: {t['PAPER']}; border: 1px solid {t['RULE']}; border-radius: 10px; }}
#WelcomeTitle {{ color: {t['HEADING_INK']}; }}
#WelcomeAbout {{ color: {t['INK']}; }}
#WelcomeHint, #GuideWhen {{ color: {t['INK_MUTED']}; }}
QPushButton#WelcomeChoice {{ text-align: left; padding: 8px 14px; border: 1px solid {t['RULE']};
    border-radius: 6px; background: {t['CHROME']}; color: {t['INK']}; }}
QPushButton#WelcomeChoice:hover, QPushButton#WelcomeChoice:focus {{ border-color: {t['ACCENT']}; }}
QToolButton#WelcomeClose {{ border: none; color: {t['INK_MUTED']}; padding: 2px 6px; }}
QToolButton#LegendPreset {{ border: 1px solid {t['RULE']}; padding: 4px 6px; background: {t['PAPER']};
    color: {t['INK']}; }}
QToolButton#LegendPreset:hover {{ background: {t['RULE']}; }}
QToolButton#LegendPreset:checked {{ background: {t['ACCENT']}; color: #ffffff; border-color: {t['ACCENT']}; }}
#PaneHeader QToolButton#PaneRename {{ border-color: transparent; background: transparent; padding: 3px 3px; }}
#PaneHeader QToolButton#PaneRename:hover {{ background: {t['RULE']}; }}
QTextEdit#Reader {{ background: {t['PAPER']}; border: none; selection-background-color: #b3d4fc;
    selection-color: {t['INK']}; }}
#CaptionBar {{ background: {t['CHROME']}; border-top: 2px solid {t['RULE']}; }}
#CaptionText {{ color: {t['HEADING_INK']}; }}
#CaptionHint {{ color: {t['INK_MUTED']}; }}
#Legend {{ background: {t['CHROME']}; }}
#Legend QCheckBox {{ color: {t['INK']}; spacing: 6px; }}
#LegendName {{ color: {t['INK']}; }}
#LegendName:disabled {{ color: {t['INK_MUTED']}; }}
#LegendHeading {{ color: {t['INK_MUTED']}; }}
#LegendCount {{ color: {t['INK_MUTED']}; }}
QStatusBar {{ background: {t['CHROME']}; color: {t['INK_MUTED']}; border-top: 1px solid {t['RULE']}; }}
QDockWidget::title {{ background: {t['CHROME']}; padding: 4px 8px; color: {t['INK_MUTED']}; }}
QWidget {{ color: {t['INK']}; }}
QDockWidget {{ color: {t['INK_MUTED']}; }}
QTableWidget, QListWidget, QScrollArea, QScrollArea > QWidget > QWidget {{ background: {t['PAPER']}; color: {t['INK']};
    gridline-color: {t['RULE']}; }}
QScrollArea#DockScroll, QScrollArea#DockScroll > QWidget > QWidget {{ background: {t['CHROME']}; }}
QTabWidget::pane {{ background: {t['CHROME']}; border: 1px solid {t['RULE']}; top: -1px; }}
QTabBar::tab {{ background: {t['CHROME']}; color: {t['INK_MUTED']}; border: 1px solid {t['RULE']};
    border-bottom: none; padding: 4px 12px; margin-right: 2px; border-top-left-radius: 4px;
    border-top-right-radius: 4px; }}
QTabBar::tab:selected {{ background: {t['PAPER']}; color: {t['INK']}; }}
QHeaderView::section {{ background: {t['CHROME']}; color: {t['INK']}; border: none;
    border-right: 1px solid {t['RULE']}; border-bottom: 1px solid {t['RULE']}; padding: 3px 6px; }}
QMenuBar, QMenu {{ background: {t['CHROME']}; color: {t['INK']}; }}
QMenuBar::item:selected, QMenu::item:selected {{ background: {t['SELECTED_BG']}; color: {t['SELECTED_INK']}; }}
QMenu::item:disabled {{ color: {t['INK_MUTED']}; }}
QScrollBar:vertical, QScrollBar:horizontal {{ background: {t['CHROME']}; border: none; margin: 0; }}
QScrollBar:vertical {{ width: 12px; }} QScrollBar:horizontal {{ height: 12px; }}
QScrollBar::handle:vertical, QScrollBar::handle:horizontal {{ background: {t['RULE']}; border-radius: 5px;
    min-height: 24px; min-width: 24px; margin: 2px; }}
QScrollBar::handle:hover {{ background: {t['INK_MUTED']}; }}
QScrollBar::add-line, QScrollBar::sub-line {{ width: 0; height: 0; }}
QScrollBar::add-page, QScrollBar::sub-page {{ background: none; }}
"""


APP_STYLESHEET = app_stylesheet()


def chart_painter(widget: "QWidget", min_point_size: float) -> "QPainter":
    """A painter for the dock's charts: antialiased, on the theme's paper, in the widget's font
    at `min_point_size` points or more."""
    from PySide6.QtGui import QColor, QFont, QPainter

    painter = QPainter(widget)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.fillRect(widget.rect(), QColor(PAPER))
    font = QFont(widget.font())
    font.setPointSizeF(max(min_point_size, font.pointSizeF()))
    painter.setFont(font)
    return painter
