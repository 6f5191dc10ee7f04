"""The menu bar's layout: each menu and its sections, in order. Features place their commands in
these sections (`"view/zoom"`); a separator stands between non-empty sections."""

from __future__ import annotations

#: (menu id, title, section ids in order)
MENU_LAYOUT: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("file", "&File", ("open", "paste", "texts", "save", "settings", "quit")),
    ("edit", "&Edit", ("undo",)),
    ("view", "&View", ("presets", "zoom", "sync", "passages", "highlights", "mentions", "window", "reveal")),
    ("exercise", "E&xercise", ("mode", "check", "attempt", "key")),
    ("analysis", "&Analysis", ("model", "settings")),
    ("help", "&Help", ("guide", "help", "about")),
)
