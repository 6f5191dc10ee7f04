"""The documents feature's commands: opening, pasting, swapping, closing and saving texts, and
renaming them (File menu)."""

from __future__ import annotations

from ..base.commands import Command, Declared, Key, Submenu

DOCUMENT_COMMANDS: tuple[Declared, ...] = (
    Command("open_left", "Open &Left…", ("file/open",), (Key.Open, "Ctrl+O"), "Open a text in the left pane"),
    Command("open_right", "Open &Right…", ("file/open",), ("Ctrl+Shift+O",), "Open a text in the right pane"),
    Submenu("recent", "Open &Recent", "file/open"),
    Command("paste_left", "Paste as Left Document", ("file/paste",), (),
            "Use the text on the clipboard as the left document"),
    Command("paste_right", "Paste as Right Document", ("file/paste",), (),
            "Use the text on the clipboard as the right document"),
    Command("swap", "S&wap Panes", ("file/texts",), ("Ctrl+Shift+S",), "Exchange the two texts"),
    Command("close", "&Close", ("file/texts",), (Key.Close, "Ctrl+W"), "Close the text in the focused pane"),
    Command("save_session", "&Save Comparison…", ("file/save",), (Key.Save, "Ctrl+S"),
            "Save both texts and the view as a .framereader lesson file"),
)

IDENTITY_COMMANDS: tuple[Declared, ...] = (
    Command("edit_identity", "Edit &Title and Author…", ("file/texts",), (),
            "Give the text in the focused pane another title or author (the highlights stay)"),
)
