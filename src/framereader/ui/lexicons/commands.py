"""The lexicons and language-model commands (Analysis menu; Preferences also in File)."""

from __future__ import annotations

from PySide6.QtGui import QAction

from ..base.commands import Command, Declared, Key, Submenu

COMMANDS: tuple[Declared, ...] = (
    Submenu("model", "Language &Model", "analysis/model"),
    Command("lexicons", "&Lexicons…", ("analysis/model",), ("Ctrl+Shift+L",),
            "Choose, edit, import and export framing lexicons"),
    Command("add_lexicon", "Use Lexicon &File…", ("analysis/model",), (),
            "Use a lexicon (.frlex, word list or CSV) from where it is"),
    Command("bundled_only", "&Bundled Lexicons Only", ("analysis/model",), (),
            "Switch off every lexicon but the bundled ones"),
    Command("preferences", "&Preferences…", ("file/settings", "analysis/settings"), (Key.Preferences, "Ctrl+,"),
            "Language model, theme and scrolling", role=QAction.MenuRole.PreferencesRole),
)
