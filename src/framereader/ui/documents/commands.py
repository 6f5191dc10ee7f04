"""The documents feature's commands: opening, pasting, swapping, closing and saving texts, and
renaming them (File menu)."""

from __future__ import annotations

from ..base.commands import Command, Declared, Key, Submenu

DOCUMENT_COMMANDS: tuple[Declared, ...] = (
    Command("open_left", "Open &Left…", ("file/open",), (Key.Open, "Ctrl+O"), "Open a text in the left pane"),
    Command("open_right", "Open &Right…", ("file/open",), ("Ctrl+Shift+O",), "Open a text in the right pane"),
    Command("open_pair", "Open &Two Texts…", ("file/open",), ("Ctrl+Alt+O",),
            "Choose two texts at once: the first opens on the left, the second on the right"),
    Command("open_samples", "Open the Sa&mple Pair", ("file/open",), (),
            "The two bundled op-eds about one border crisis, ready for the ten-minute lesson"),
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
    Command("edit_identity", "Edit &Title, Author and Outlet…", ("file/texts",), (),
            "Give the text in the focused pane another title, author or outlet (the highlights stay)"),
)
