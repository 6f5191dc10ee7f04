"""Zoom, linked scrolling, theme and presenter mode: how the texts are shown, not what."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDockWidget

from .context import WindowContext, WindowPart
from ..core.settings import ZOOM_MAX, ZOOM_MIN
from . import styles
from .sync import ScrollLinker

ZOOM_STEP = 1.1
PRESENTER_ZOOM = 1.6  # presenter mode's text size, relative to the normal reading size


class ViewController(WindowPart):
    """Owns the view settings; `changed` tells menus to show the new state, `theme_changed`
    tells the window to restyle."""

    changed = Signal()
    theme_changed = Signal()

    def __init__(self, context: WindowContext, linker: ScrollLinker, docks: Sequence[QDockWidget]) -> None:
        super().__init__(context)
        self.window = context.window
        self.linker = linker
        self.docks = tuple(docks)
        self.presenting = False
        self._before: dict[str, object] = {}
        linker.enabled = context.settings.sync_scrolling

    # ------------------------------------------------------------------ zoom and scrolling
    def set_zoom(self, zoom: float) -> None:
        """Set the text size factor for both panes (clamped to the allowed range)."""
        zoom = min(ZOOM_MAX, max(ZOOM_MIN, zoom))
        self.settings.zoom = zoom
        for pane in self.panes.values():
            pane.set_scale(zoom)
        self.messages.status(f"Zoom {round(zoom * 100)} %", 2000)

    def zoom_in(self) -> None:
        self.set_zoom(self.settings.zoom * ZOOM_STEP)

    def zoom_out(self) -> None:
        self.set_zoom(self.settings.zoom / ZOOM_STEP)

    def zoom_reset(self) -> None:
        self.set_zoom(1.0)

    def set_sync(self, on: bool) -> None:
        """Turn synchronised scrolling on or off."""
        self.settings.sync_scrolling = bool(on)
        self.linker.set_enabled(bool(on))
        self.changed.emit()

    # ------------------------------------------------------------------ theme
    def set_theme(self, choice: str) -> None:
        """Light, dark, high contrast or the system's: restyles the window and every highlight
        from the stored analyses (nothing is analysed again)."""
        self.settings.theme = choice if choice in styles.THEME_NAMES else "system"
        styles.apply_theme(self.settings.theme)
        self.window.setStyleSheet(styles.APP_STYLESHEET)
        self.theme_changed.emit()
        self.changed.emit()
        self._save_settings()

    # ------------------------------------------------------------------ presenter mode
    def set_presenting(self, on: bool) -> None:
        """Large type and no chrome for the projector; F11 or Esc brings the window back."""
        if on == self.presenting:
            return
        self.presenting = on
        window = self.window
        if on:
            self._before = {
                "zoom": self.settings.zoom,
                "docks": [dock.isVisible() for dock in self.docks],
                "maximised": window.isMaximized() or window.isFullScreen(),
            }
            for dock in self.docks:
                dock.hide()
            window.menuBar().hide()
            window.statusBar().hide()
            for pane in self.panes.values():
                pane.header.setVisible(False)
            self.set_zoom(max(self.settings.zoom * PRESENTER_ZOOM, PRESENTER_ZOOM))
            if window.screen() is not None and window.isVisible() and QGuiApplication.platformName() != "offscreen":
                window.showFullScreen()
        else:
            before = self._before
            for dock, visible in zip(self.docks, before.get("docks", [])):  # type: ignore[call-overload]
                dock.setVisible(bool(visible))
            window.menuBar().show()
            window.statusBar().show()
            for pane in self.panes.values():
                pane.header.setVisible(True)
            self.set_zoom(float(before.get("zoom", 1.0)))  # type: ignore[arg-type]
            if window.isFullScreen() and not before.get("maximised"):
                window.showNormal()
        self.changed.emit()
