"""Help ▸ Welcome: the welcome panel again."""

from __future__ import annotations

from ..base.commands import Command, Declared

WELCOME_COMMANDS: tuple[Declared, ...] = (
    Command("welcome", "&Welcome", ("help/guide",), (), "What FrameReader shows, and how to start"),
)
