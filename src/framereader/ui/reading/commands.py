"""How the texts are shown: zoom, linked scrolling, presenter mode, theme, and stepping through the
loaded words (View menu)."""

from __future__ import annotations

from ..base.commands import Command, Declared, Key, Submenu

COMMANDS: tuple[Declared, ...] = (
    Command("zoom_in", "Zoom &In", ("view/zoom",), (Key.ZoomIn, "Ctrl+=")),
    Command("zoom_out", "Zoom &Out", ("view/zoom",), (Key.ZoomOut,)),
    Command("zoom_reset", "&Reset Zoom", ("view/zoom",), ("Ctrl+0",)),
    Command("sync", "&Sync Scrolling", ("view/sync",), (), "Scroll both texts together", checkable=True),
    Command("presenter", "&Presenter Mode", ("view/window",), ("F11",),
            "Large type, no chrome: for the projector (F11 or Esc to leave)", checkable=True),
    Submenu("theme", "&Theme", "view/window"),
    Command("next_loaded", "Next Loaded &Word", ("view/mentions",), ("F7",),
            "Select the next loaded word the focused text shows (the status line names its category)"),
    Command("previous_loaded", "Previous Loaded Word", ("view/mentions",), ("Shift+F7",),
            "Select the previous loaded word the focused text shows"),
)
