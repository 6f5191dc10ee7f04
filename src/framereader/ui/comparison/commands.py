"""The comparison's reading layers and mention stepping (View menu)."""

from __future__ import annotations

from ..base.commands import Command, Declared, Key

PASSAGE_COMMANDS: tuple[Declared, ...] = (
    Command("sync_by_passages", "Sync by &Matching Passages", ("view/sync",), (),
            "Scroll so that passages reporting the same thing line up (else: the same position in both)",
            checkable=True),
    Command("matching_passages", "Matching Passa&ges", ("view/passages",), (),
            "Tint passages that report the same thing alike in both texts; hatch those only one text has",
            checkable=True),
    Command("go_to_counterpart", "Go to &Counterpart", ("view/passages",), ("Ctrl+J",),
            "Show the passage of the other text that matches the one at the cursor"),
)

PASSIVE_COMMANDS: tuple[Declared, ...] = (
    Command("agentless_passives", "Agentless Passi&ves", ("view/highlights",), (),
            "Mark passives that do not say who did it (“civilians were killed”)", checkable=True),
)

MENTION_COMMANDS: tuple[Declared, ...] = (
    Command("next_mention", "Next Mention", ("view/mentions",), (Key.FindNext, "F3"),
            "Go to the next mention of the marked name"),
    Command("previous_mention", "Previous Mention", ("view/mentions",), (Key.FindPrevious, "Shift+F3"),
            "Go to the previous mention of the marked name"),
)

VOICES_COMMANDS: tuple[Declared, ...] = (
    Command("count_quoted", "Count &Quoted Words Too", ("view/highlights",), (),
            "Count loaded words inside quotations as the writer's own (by default only the writer's words count)",
            checkable=True),
)
