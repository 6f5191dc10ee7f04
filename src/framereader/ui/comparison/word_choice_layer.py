"""Word choice in the reader: each name from a word-choice set that a text uses ("invasion",
"special military operation") is overlined — a line above the words, which no other layer
draws — and its tooltip names the set, the other names and who uses which. View ▸ Word Choice
switches the layer; it follows the master highlight switch, so "Hide All for Reading" hides it
too. A set's reference names (the neutral default, such as "government") are not marked: the
comparison dock counts them beside the marked ones.
"""

from __future__ import annotations

import html
from collections.abc import Mapping

from PySide6.QtGui import QTextCharFormat

from ...core.lexicons.wordchoice import ChoiceSet
from ...core.model import ChoiceSpan
from ..base.commands import Declared
from .commands import WORD_CHOICE_COMMANDS

from ..reading.layers import LayerRow, LayerSpan
from ..reading.pane import Pane
from ..reading.switched_layer import SwitchedLayer

LAYER = "wordchoice"
LAYER_ORDER = 12  # over the passives; drawn under the marked mentions like every layer


def choice_format() -> QTextCharFormat:
    """An overline in the text's own colour: quiet, and unlike every underline and tint."""
    fmt = QTextCharFormat()
    fmt.setFontOverline(True)
    return fmt


def marked_choices(choices: tuple[ChoiceSpan, ...]) -> list[ChoiceSpan]:
    """The spans the reader marks: every use of a set's name but its reference names."""
    return [c for c in choices if not c.reference]


def choice_tooltip(span: ChoiceSpan, sets: Mapping[str, ChoiceSet]) -> str:
    """Tooltip HTML for one use: the set's name, the name used with who uses it, the other
    names (the neutral one marked) and the set's note (all escaped)."""
    info = sets.get(span.set_id)
    if info is None:
        return f"<b>Word choice</b>: “{html.escape(span.text)}” ({html.escape(span.set_id)})"
    member = info.member(span.term)
    others = [f"{html.escape(m.text)}{' (neutral)' if m.reference else ''}"
              for m in info.members if m is not member]
    text = f"<b>Word choice: {html.escape(info.name)}</b><br>“{html.escape(span.text)}”"
    if member is not None and member.note:
        text += f" — {html.escape(member.note)}"
    if others:
        text += f"<br>Other names: {', '.join(others)}"
    if span.scare:
        text += "<br><i>In the writer's scare quotes: a name the writer keeps at a distance, not the writer's own choice.</i>"
    elif span.quoted:
        text += "<br><i>In a quotation: the speaker's choice of name, not the writer's.</i>"
    if info.note:
        text += f"<br><i>{html.escape(info.note)}</i>"
    return text


class WordChoiceLayer(SwitchedLayer):
    """Draws each pane's word choices while View ▸ Word Choice is ticked and highlights show."""

    COMMANDS: tuple[Declared, ...] = WORD_CHOICE_COMMANDS
    SETTING = "word_choice"
    LAYER_NAME = LAYER
    ORDER = LAYER_ORDER
    HIDDEN_NOTE = "Word choice shows with the highlights (View ▸ All Highlights)."

    def legend_rows(self) -> list[LayerRow]:
        """The legend's explanation of the overline (after `bind_actions`)."""
        return [LayerRow("Word choice", "A line above: a name for something that has other names (“invasion” / "
                         "“special military operation”); point at it to see them and who uses which "
                         "(View ▸ Word Choice).", lambda: [choice_format()], self._action)]

    @property
    def sets(self) -> Mapping[str, ChoiceSet]:
        """The engine's word-choice sets, by id."""
        return getattr(self.service, "choice_sets", {}) or {}

    def spans(self, pane: Pane) -> list[ChoiceSpan]:
        """The marked word choices of the text `pane` shows, in text order."""
        analysis, document = pane.analysis, pane.document
        if analysis is None or document is None or analysis.text != document.text:
            return []
        return marked_choices(analysis.choices)

    def layer_spans(self, pane: Pane) -> list[LayerSpan]:
        fmt = choice_format()
        return [(c.start, c.end, fmt) for c in self.spans(pane)]

    def tooltip_at(self, pane: Pane, offset: int) -> str:
        for span in self.spans(pane):
            if span.start <= offset < span.end:
                return choice_tooltip(span, self.sets)
        return ""
