"""Where the window, the splitter and the docks are: restored from Settings (a damaged stored
state is ignored), and on first start a window that fills most of the screen, the comparison
dock tall enough for eight rows of its actor table (at most 40 % of the window; it scrolls)."""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDockWidget,
    QFrame,
    QMainWindow,
    QScrollArea,
    QSplitter,
    QWidget,
)

from ...core.platform.settings import Settings

FIRST_START_SHARE = 0.9  # of the screen's available width and height
DOCK_SHARE = 0.22  # of the window's height: the comparison dock's least opening height
DOCK_MAX_SHARE = 0.4  # …and its most, however tall eight rows of its table are
FALLBACK_SIZE = (1440, 900)  # no screen known
STATE_VERSION = 1  # QMainWindow.saveState's version: bump when the docks change


def scrolling(widget: QWidget) -> QScrollArea:
    """`widget` in a frameless scroll area, so a dock holding it can be made small."""
    area = QScrollArea()
    area.setObjectName("DockScroll")
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(widget)
    return area


def _decode(encoded: object) -> QByteArray | None:
    if not isinstance(encoded, str) or not encoded:
        return None
    try:
        return QByteArray(base64.b64decode(encoded.encode("ascii"), validate=True))
    except (binascii.Error, ValueError, UnicodeEncodeError):
        return None


def _restore(encoded: object, apply: Callable[[QByteArray], bool]) -> bool:
    data = _decode(encoded)
    return data is not None and bool(apply(data))


def _encode(data: QByteArray) -> str:
    return base64.b64encode(data.data()).decode()


def dock_height(window_height: int, wanted: int) -> int:
    """The comparison dock's opening height: `wanted` (eight rows of its table) but never more
    than `DOCK_MAX_SHARE` of the window, nor less than `DOCK_SHARE` of it."""
    return max(round(window_height * DOCK_SHARE), min(wanted, round(window_height * DOCK_MAX_SHARE)))


def fit_dock(window: QMainWindow, dock: QDockWidget, wanted: int) -> None:
    """Give the comparison dock its opening height in the window as it is now."""
    title = dock.fontMetrics().height() + 8  # the dock's title bar above the panel
    window.resizeDocks([dock], [dock_height(window.height(), wanted + title)], Qt.Orientation.Vertical)


def first_start(window: QMainWindow, dock: QDockWidget, wanted: int = 0) -> None:
    """Fill most of the available screen, centred, with the comparison dock tall enough for
    `wanted` pixels of its panel (eight table rows) and the texts taking the rest."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        window.resize(*FALLBACK_SIZE)
    else:
        area = screen.availableGeometry()
        width, height = round(area.width() * FIRST_START_SHARE), round(area.height() * FIRST_START_SHARE)
        window.resize(width, height)
        window.move(area.x() + (area.width() - width) // 2, area.y() + (area.height() - height) // 2)
    fit_dock(window, dock, wanted)


def restore_layout(window: QMainWindow, settings: Settings, splitter: QSplitter, dock: QDockWidget,
                   wanted: int = 0) -> None:
    """Window, docks and splitter as last time; the first-start layout when nothing (usable)
    is stored."""
    if not _restore(settings.window_geometry, window.restoreGeometry):
        first_start(window, dock, wanted)
    _restore(settings.window_state, lambda data: window.restoreState(data, STATE_VERSION))
    _restore(settings.splitter_state, splitter.restoreState)


def save_layout(window: QMainWindow, settings: Settings, splitter: QSplitter) -> None:
    """Remember the window's geometry, its docks and the splitter in `settings`."""
    settings.window_geometry = _encode(window.saveGeometry())
    settings.window_state = _encode(window.saveState(STATE_VERSION))
    settings.splitter_state = _encode(splitter.saveState())
