"""What a highlight's tooltip says: the entity's kind, the framing category with the lexicon's
note and neutral alternative, why a context rule marked it, and whether it is negated."""

from __future__ import annotations

import html

from ...core.kinds import kind_tooltip, label_singular
from ...core.model import EntitySpan, FramingSpan
from .highlighter import StyleBook
from ..base.visibility import Visibility

#: Why each context rule marks a span (core/nlp/rules.py), for spans with no lexicon note.
RULE_NOTES = {
    "so_called": "“so-called” distances the writer from the name that follows.",
    "intensified": "An intensifier makes the loaded word that follows stronger.",
    "formations": "A -monger or -phobe word turns people into a type.",
    "ist_labels": "An ideological label that sorts people into a disliked camp.",
    "scare_quotes": "Quotation marks around a word can suggest “not really”.",
}


def highlight_tooltip(entity: EntitySpan | None, framing: FramingSpan | None, book: StyleBook,
                      visibility: Visibility) -> str:
    """Tooltip HTML for the highlights under the mouse (every text from a file is escaped)."""
    parts: list[str] = []
    if entity is not None and visibility.shows_label(entity.label):
        parts.append(
            f"<b>{html.escape(entity.text)}</b> — {html.escape(label_singular(entity.label))}<br>"
            f"<small>{html.escape(kind_tooltip(entity.label))}</small>"
            "<br><i>Click to mark every mention in both texts.</i>"
        )
    if framing is not None and visibility.shows_category(framing.category):
        info = book.category(framing.category)
        note, alternative = book.terms.get((framing.category, framing.term), ("", ""))
        rule = getattr(framing, "rule", "")
        text = f"<b>{html.escape(info.name)}</b>: “{html.escape(framing.text)}”"
        if note:
            text += f"<br>{html.escape(note)}"
        if rule and rule in RULE_NOTES:
            text += f"<br><i>{html.escape(RULE_NOTES[rule])}</i>"
        if getattr(framing, "negated", False):
            text += "<br><i>Negated here (“not …”): still worth a second look.</i>"
        if alternative:
            text += f"<br>More neutral: <i>{html.escape(alternative)}</i>"
        if getattr(framing, "scare", False):
            text += ("<br><b>In quotation marks</b> that give no one’s words: the writer’s scare quotes, keeping "
                     "the words at a distance (or a title), not the writer’s own choice (not counted against the "
                     "text unless View ▸ Count Quoted Words Too).")
        elif getattr(framing, "quoted", False):
            speaker = getattr(framing, "speaker", "")
            text += ("<br><b>Quoted</b>: " + (f"{html.escape(speaker)}’s words" if speaker else "inside a quotation")
                     + ", not the writer’s (not counted against the text unless View ▸ Count Quoted Words Too).")
        parts.append(text)
    return "<hr>".join(parts)


#: What the agentless-passive layer says (the issue's wording: a framing device of its own).
PASSIVE_QUESTION = "Who did it? — the text does not say"


def passive_tooltip(phrase: str) -> str:
    """Tooltip HTML for an agentless passive ("were counted")."""
    return (f"<b>{PASSIVE_QUESTION}.</b><br>A passive without a doer: “{html.escape(phrase)}”.<br>"
            "<i>A passive without “by …” can leave out who acted.</i>")


def one_sided_tooltip(other: str) -> str:
    """Tooltip HTML for a passage with no counterpart in the `other` ("left"/"right") text."""
    return (f"<b>Only in this text</b><br>No passage of the {html.escape(other)} text reports this "
            "(View ▸ Matching Passages).")
