"""The handout's "Word choice" section: for each word-choice set the texts use, the names each
text chose, with the set's note on who uses which (`core.comparison.word_choice`)."""

from __future__ import annotations

from ..comparison.compare import Comparison
from ..comparison.word_choice import MemberUse, WordChoiceRow
from ..model import SIDES, Side
from .markup import esc, plural

#: Rows printed; the rest are counted in a note (the app and the JSON list them all).
MAX_ROWS = 8
#: Marks a set's neutral or default name in the table.
REFERENCE_MARK = "°"


def _uses(uses: tuple[MemberUse, ...]) -> str:
    if not uses:
        return "—"
    return ", ".join(
        f"{esc(u.term)}{REFERENCE_MARK if u.reference else ''}{f' ×{u.count}' if u.count > 1 else ''}" for u in uses
    )


def _others(row: WordChoiceRow) -> str:
    used = {u.term for side in SIDES for u in row.side(side)}
    unused = [m for m in row.members if m not in used]
    return f' <span class="small">(also: {esc(", ".join(unused))})</span>' if unused else ""


def word_choice_html(comparison: Comparison, limit: int = MAX_ROWS) -> str:
    """The section, or "" when neither text uses a word-choice set (a default handout then
    leaves it out)."""
    rows = comparison.word_choice
    if not rows:
        return ""
    shown = rows[:limit]
    body = "".join(
        f"<tr><td><b>{esc(r.name)}</b>{_others(r)}</td><td>{_uses(r.left)}</td><td>{_uses(r.right)}</td>"
        f'<td class="small">{esc(r.note)}</td></tr>'
        for r in shown
    )
    more = (f" {plural(len(rows) - len(shown), 'more set')} in the app and the JSON export."
            if len(rows) > len(shown) else "")
    return (
        '<h2 id="wordchoice">Word choice</h2>'
        '<p class="small">The same thing can be named in different ways, and the name takes a side. For each set '
        f"of competing names, the ones each text uses and how often ({REFERENCE_MARK} marks the neutral or default "
        f"name).{more}</p>"
        '<table class="data keep wordchoice" width="100%"><tr><th width="22%">Thing named</th><th width="18%">Left</th>'
        f'<th width="18%">Right</th><th width="42%">Who uses which</th></tr>{body}</table>'
    )


def word_choice_question(comparison: Comparison) -> str | None:
    """A discussion question about the first set the two texts name differently (None when
    they never do)."""
    row = next((r for r in comparison.word_choice if r.differs), None)
    if row is None:
        return None

    def first(side: Side) -> str:
        return esc(row.side(side)[0].term)

    return (f"{esc(row.name)}: the left text says "
            f"“{first('left')}” and the right text “{first('right')}”. Who uses each name, and what does each "
            "make you think?")


__all__ = ["MAX_ROWS", "REFERENCE_MARK", "word_choice_html", "word_choice_question"]
