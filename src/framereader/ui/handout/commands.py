"""The handout feature's commands (File menu)."""

from __future__ import annotations

from ..base.commands import Command, Declared, Key

COMMANDS: tuple[Declared, ...] = (
    Command("export", "&Export Comparison…", ("file/save",), ("Ctrl+E",),
            "Save a printable HTML or PDF handout, or JSON for research"),
    Command("export_handout", "Export &Handout…", ("file/save",), ("Ctrl+Shift+E",),
            "Choose the handout's sections, highlights and paper, then save it as PDF or HTML"),
    Command("print", "&Print…", ("file/save",), (Key.Print, "Ctrl+P"), "Print the handout (with a preview)"),
)
