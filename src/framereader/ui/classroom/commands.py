"""Classroom commands: read first and reveal later (View menu), and the Spot the Framing
exercise (Exercise menu)."""

from __future__ import annotations

from ..base.commands import Command, Declared

REVEAL_COMMANDS: tuple[Declared, ...] = (
    Command("hide_for_reading", "Hide All for &Reading", ("view/reveal",), ("Ctrl+Shift+H",),
            "Read first: hide every highlight, then reveal one at a time"),
    Command("reveal_next", "Reveal &Next Category", ("view/reveal",), ("Ctrl+.",),
            "Reveal later: show the next framing category (then entity label)"),
    Command("show_all", "Show &All Highlights", ("view/reveal",), ("Ctrl+Shift+A",),
            "Show every category and label again"),
)

EXERCISE_COMMANDS: tuple[Declared, ...] = (
    Command("exercise", "Spot the &Framing", ("exercise/mode",), ("Ctrl+Shift+X",),
            "Exercise: highlights hidden, click the words you think are loaded, then Check (Esc to leave)",
            checkable=True),
    Command("exercise_check", "&Check", ("exercise/check",), ("Ctrl+Return",),
            "Show the key's marks beside yours: found, missed, yours only"),
    Command("exercise_restart", "Start &Again", ("exercise/check",), (), "Remove every mark of the exercise"),
    Command("exercise_save", "&Save Attempt…", ("exercise/attempt",), (), "Save your marks (and the result) as JSON"),
    Command("exercise_export", "&Export Attempt…", ("exercise/attempt",), (),
            "A printable web page of your attempt, to hand in"),
    Command("exercise_key", "Save Answer &Key…", ("exercise/key",), (),
            "Teacher: save a lesson whose answer key is the highlights as shown (your edits included)"),
)
