"""Where the window, the splitter and the docks are: restored from Settings (a damaged stored
state is ignored), and on first start a window that fills most of the screen with the texts
taking at least two thirds of its height (the comparison dock starts small and scrolls)."""

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
DOCK_SHARE = 0.22  # of the window's height, for the comparison dock on first start
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


def first_start(window: QMainWindow, dock: QDockWidget) -> None:
    """Fill most of the available screen, centred, with the comparison dock small."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        window.resize(*FALLBACK_SIZE)
        height = FALLBACK_SIZE[1]
    else:
        area = screen.availableGeometry()
        width, height = round(area.width() * FIRST_START_SHARE), round(area.height() * FIRST_START_SHARE)
        window.resize(width, height)
        window.move(area.x() + (area.width() - width) // 2, area.y() + (area.height() - height) // 2)
    window.resizeDocks([dock], [round(height * DOCK_SHARE)], Qt.Orientation.Vertical)


def restore_layout(window: QMainWindow, settings: Settings, splitter: QSplitter, dock: QDockWidget) -> None:
    """Window, docks and splitter as last time; the first-start layout when nothing (usable)
    is stored."""
    if not _restore(settings.window_geometry, window.restoreGeometry):
        first_start(window, dock)
    _restore(settings.window_state, lambda data: window.restoreState(data, STATE_VERSION))
    _restore(settings.splitter_state, splitter.restoreState)


def save_layout(window: QMainWindow, settings: Settings, splitter: QSplitter) -> None:
    """Remember the window's geometry, its docks and the splitter in `settings`."""
    settings.window_geometry = _encode(window.saveGeometry())
    settings.window_state = _encode(window.saveState(STATE_VERSION))
    settings.splitter_state = _encode(splitter.saveState())
