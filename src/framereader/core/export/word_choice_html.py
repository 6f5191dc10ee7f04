"""The handout's "Word choice" section: for each word-choice set the texts use, the names each
text chose and how often (`core.comparison.word_choice`), in one compact table; and a
discussion question on the first set the texts name differently. The sets' notes on who uses
which are in the app and the JSON: with them the two sample op-eds no longer fit six pages."""

from __future__ import annotations

from ..comparison.compare import Comparison
from ..comparison.word_choice import MemberUse
from ..lexicons.terms import term_key
from ..model import Side
from .markup import esc, plural

#: Rows printed; the rest are counted in a note (the app and the JSON list them all).
MAX_ROWS = 8
#: Marks a set's neutral or default name in the table.
REFERENCE_MARK = "°"


def _uses(uses: tuple[MemberUse, ...]) -> str:
    if not uses:
        return "—"
    return ", ".join(esc(u.label(REFERENCE_MARK)) for u in uses)


def word_choice_html(comparison: Comparison, limit: int = MAX_ROWS) -> str:
    """The section, or "" when neither text uses a word-choice set (a default handout then
    leaves it out): one row per set, the names each text uses with their counts."""
    rows = comparison.word_choice
    if not rows:
        return ""
    shown = rows[:limit]
    body = "".join(
        f"<tr><td>{esc(r.name)}</td><td>{_uses(r.left)}</td><td>{_uses(r.right)}</td></tr>" for r in shown
    )
    more = (f'<p class="small">{plural(len(rows) - len(shown), "more set")} in the app and the JSON export.</p>'
            if len(rows) > len(shown) else "")
    return (
        '<h2 id="wordchoice">Word choice</h2>'
        '<table class="data keep wordchoice" width="100%"><tr><th width="34%">Names for the same thing '
        f'({REFERENCE_MARK}: the neutral one)</th><th width="33%">Left</th><th width="33%">Right</th></tr>{body}</table>'
        f"{more}"
    )


def word_choice_question(comparison: Comparison) -> str | None:
    """A discussion question about the first set the two writers name differently in their own
    words (uses in quotation marks, a speaker's or the writer's scare quotes, are no writer's
    choice); None when they never do. One line, so that the sample op-eds' handout keeps to six
    pages."""
    sides: tuple[Side, Side] = ("left", "right")
    for row in comparison.word_choice:
        own = {side: [u for u in row.side(side) if u.count > u.quoted] for side in sides}
        keys = {side: {term_key(u.term) for u in uses} for side, uses in own.items()}
        if not (own["left"] and own["right"]) or keys["left"] == keys["right"]:
            continue
        first = {side: next((u.term for u in own[side] if term_key(u.term) not in keys[other]), own[side][0].term)
                 for side, other in zip(sides, reversed(sides))}
        if term_key(first["left"]) != term_key(first["right"]):
            return f"“{esc(first['left'])}” on the left, “{esc(first['right'])}” on the right: who uses each name, and why?"
    return None


__all__ = ["MAX_ROWS", "REFERENCE_MARK", "word_choice_html", "word_choice_question"]
