"""The Help menu's guides: the ten-minute lesson and the keyboard shortcuts."""

from __future__ import annotations

from ..base.commands import Command, Declared, Key

GUIDE_COMMANDS: tuple[Declared, ...] = (
    Command("lesson_guide", "Lesson &Guide", ("help/guide",), (Key.HelpContents, "F1"),
            "The ten-minute lesson, step by step, with the commands it uses as buttons"),
    Command("shortcuts", "&Keyboard Shortcuts", ("help/guide",), ("Ctrl+/",),
            "Every command that has a key, menu by menu"),
)
