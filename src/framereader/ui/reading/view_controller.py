"""Zoom, linked scrolling, theme and presenter mode: how the texts are shown, not what."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from collections.abc import Mapping

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu

from ..base.commands import Declared, Handler
from .commands import COMMANDS
from contextlib import contextmanager

from PySide6.QtCore import Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDockWidget

from ..base.context import WindowContext, WindowPart
from ...core.model import Side
from ...core.platform.settings import READING_SIZE_MAX, READING_SIZE_MIN, ZOOM_MAX, ZOOM_MIN
from ..base import styles
from .stepping import step_framing
from .sync import ScrollLinker

ZOOM_STEP = 1.1
PRESENTER_ZOOM = 1.6  # presenter mode's text size, relative to the normal reading size


class ViewController(WindowPart):
    """Owns the view settings; `changed` tells menus to show the new state, `theme_changed`
    tells the window to restyle."""

    COMMANDS: tuple[Declared, ...] = COMMANDS

    changed = Signal()
    theme_changed = Signal()

    def __init__(self, context: WindowContext, linker: ScrollLinker, docks: Sequence[QDockWidget]) -> None:
        super().__init__(context)
        self.window = context.window
        self.linker = linker
        self.docks = tuple(docks)
        self.presenting = False
        self._before: dict[str, object] = {}
        self.theme_actions: dict[str, QAction] = {}  # View ▸ Theme
        self._focused: Side = "left"  # the pane F7 steps through: the one last clicked or typed in
        for side, pane in self.panes.items():
            pane.focused.connect(lambda _side, s=side: setattr(self, "_focused", s))
        linker.enabled = context.settings.sync_scrolling
        styles.BASE_POINT_SIZE = context.settings.reading_size  # before the panes build any text
        styles.set_projector(False)

    def handlers(self) -> Mapping[str, Handler]:
        return {"zoom_in": self.zoom_in, "zoom_out": self.zoom_out, "zoom_reset": self.zoom_reset,
                "sync": self.set_sync, "presenter": self.set_presenting,
                "next_loaded": lambda: self.step_loaded_word(+1), "previous_loaded": lambda: self.step_loaded_word(-1)}

    def step_loaded_word(self, step: int) -> None:
        """F7 / Shift+F7: select the next or previous loaded word of the focused text."""
        pane = self.panes[self._focused]
        found = step_framing(pane, step)
        if found is None:
            self.messages.status("No loaded words are shown in this text.", 4000)
            return
        span, number, total = found
        info = pane.book.categories.get(span.category)
        name = info.name if info is not None else span.category
        self.messages.status(f"Loaded word {number} of {total}: ‘{span.text}’ ({name})", 8000)

    def fill_submenu(self, name: str, menu: QMenu, _actions: Mapping[str, QAction]) -> None:
        """View ▸ Theme: one exclusive, checkable entry per theme, ticked from the settings."""
        group = QActionGroup(menu)
        for key, label in styles.THEME_NAMES.items():
            action = menu.addAction(label)
            action.setCheckable(True)
            action.setChecked(key == self.settings.theme)
            group.addAction(action)
            action.triggered.connect(lambda _checked=False, k=key: self.set_theme(k))
            self.theme_actions[key] = action

    @contextmanager
    def _unlinked(self) -> Iterator[None]:
        """Rebuild both panes without the linked scrolling moving one while the other is being
        rebuilt (each keeps its own reading position)."""
        enabled, self.linker.enabled = self.linker.enabled, False
        try:
            yield
        finally:
            self.linker.enabled = enabled

    # ------------------------------------------------------------------ zoom and scrolling
    def set_zoom(self, zoom: float) -> None:
        """Set the text size factor for both panes (clamped to the allowed range)."""
        zoom = min(ZOOM_MAX, max(ZOOM_MIN, zoom))
        self.settings.zoom = zoom
        with self._unlinked():
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
        for key, action in self.theme_actions.items():
            action.setChecked(key == self.settings.theme)
        styles.apply_theme(self.settings.theme)
        self.window.setStyleSheet(styles.APP_STYLESHEET)
        with self._unlinked():
            self.theme_changed.emit()
        self.changed.emit()
        self._save_settings()

    # ------------------------------------------------------------------ type size
    def set_reading_size(self, points: float) -> None:
        """The reading type size (points at zoom 100 %): both panes rebuild, keeping their place."""
        points = min(READING_SIZE_MAX, max(READING_SIZE_MIN, float(points)))
        self.settings.reading_size = points
        if abs(styles.BASE_POINT_SIZE - points) < 1e-6:
            return
        styles.BASE_POINT_SIZE = points
        with self._unlinked():
            for pane in self.panes.values():
                pane.rebuild()
        self._save_settings()

    # ------------------------------------------------------------------ presenter mode
    @property
    def normal_zoom(self) -> float:
        """The zoom outside presenter mode (what is remembered)."""
        return float(self._before.get("zoom", self.settings.zoom)) if self.presenting else self.settings.zoom  # type: ignore[arg-type]

    def set_presenting(self, on: bool) -> None:
        """Large type, big headers, a caption bar and no chrome for the projector; thicker
        underlines and lighter entity tints; F11 or Esc brings the window back."""
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
        else:
            before = self._before
            for dock, visible in zip(self.docks, before.get("docks", [])):  # type: ignore[call-overload]
                dock.setVisible(bool(visible))
            window.menuBar().show()
            window.statusBar().show()
        zoom = max(self.settings.zoom * PRESENTER_ZOOM, PRESENTER_ZOOM) if on else float(self._before.get("zoom", 1.0))  # type: ignore[arg-type]
        self.settings.zoom = min(ZOOM_MAX, max(ZOOM_MIN, zoom))
        for pane in self.panes.values():
            pane.header.set_presenting(on)
            pane.scale = self.settings.zoom  # the restyle below rebuilds every pane once, at this size
        styles.set_projector(on)
        with self._unlinked():
            self.theme_changed.emit()  # new highlight formats (projector styles) and the new type size
        if on and window.screen() is not None and window.isVisible() and QGuiApplication.platformName() != "offscreen":
            window.showFullScreen()
        elif not on and window.isFullScreen() and not self._before.get("maximised"):
            window.showNormal()
        self.changed.emit()
