"""Agentless passives in the reader ("civilians were killed", "mistakes were made"): a switchable
highlight layer (View ▸ Agentless Passives) over each passive's verb phrase, with the tooltip
"Who did it? — the text does not say". It follows the master highlight switch, so "Hide All
for Reading" hides it too; counts per text are in the comparison dock.
"""

from __future__ import annotations

import re

from PySide6.QtGui import QColor, QTextCharFormat

from ..base.commands import Declared
from .commands import PASSIVE_COMMANDS

from ...core.model import Analysis, Passive
from ..base import styles
from .controller import ComparisonController
from ..base.context import WindowContext
from ..reading.layers import LayerRow, LayerSpan
from ..reading.pane import Pane
from ..reading.switched_layer import SwitchedLayer
from ..reading.tooltips import passive_tooltip
from ..reading.view_controller import ViewController
from ..base.visibility import VisibilityModel

LAYER = "passives"
LAYER_ORDER = 10  # over the passage bands, under the marked mentions
#: Words before the participle that belong to the verb phrase ("will not be", "were reportedly").
_AUXILIARY = frozenset("""am is are was were be been being get gets got gotten getting has have had will would
shall should can could may might must cannot not never n't also still already reportedly allegedly""".split())
_WORD = re.compile(r"[\w’']+")
MAX_AUXILIARIES = 4
PHRASE_CACHE = 4  # analyses whose phrases are kept (both panes, with and without descriptors)


def verb_phrase(text: str, passive: Passive) -> tuple[int, int]:
    """The core span of a passive's verb phrase: the participle with the auxiliaries, negation
    and -ly adverbs right before it inside its clause ("were not allowed", "was undertaken")."""
    start = passive.verb_start
    words = list(_WORD.finditer(text, max(passive.start, passive.verb_start - 80), passive.verb_start))
    for match in reversed(words[-MAX_AUXILIARIES:]):
        if text[match.end():start].strip():
            break  # punctuation in between: the phrase ends here
        word = match.group().lower().replace("’", "'")
        if word not in _AUXILIARY and not word.endswith("ly") and not word.endswith("n't"):
            break
        start = match.start()
    return start, passive.verb_end


def passive_format() -> QTextCharFormat:
    """A grey tint and a dotted underline: neither an entity's colour nor a framing underline."""
    fmt = QTextCharFormat()
    fmt.setBackground(QColor(styles.mix(styles.INK_MUTED, 0.2 if styles.THEME == "high-contrast" else 0.22,
                                        styles.PAPER)))
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
    fmt.setUnderlineColor(QColor(styles.INK))
    return fmt


def agentless(analysis: Analysis | None) -> list[tuple[int, int, Passive]]:
    """Verb phrases (core spans) of the agentless passives of `analysis`, in text order."""
    if analysis is None:
        return []
    return sorted((*verb_phrase(analysis.text, p), p) for p in analysis.passives if p.agent is None)


class PassiveLayer(SwitchedLayer):
    """Draws the agentless passives of each pane while View ▸ Agentless Passives is ticked and
    highlights are shown; explains them in the tooltip."""

    COMMANDS: tuple[Declared, ...] = PASSIVE_COMMANDS
    SETTING = "agentless_passives"
    LAYER_NAME = LAYER
    ORDER = LAYER_ORDER
    HIDDEN_NOTE = "Passives without a doer show with the highlights (View ▸ All Highlights)."

    def __init__(self, context: WindowContext, compare: ComparisonController, visibility: VisibilityModel,
                 view: ViewController) -> None:
        super().__init__(context, visibility, view)
        self.compare = compare
        self._phrases: list[tuple[Analysis, list[tuple[int, int, Passive]]]] = []  # newest last
        compare.changed.connect(self.refresh)

    def legend_rows(self) -> list[LayerRow]:
        """The legend's explanation of the dotted passives (after `bind_actions`)."""
        return [LayerRow("Passives without a doer", "Dotted grey: a passive verb with no “by …” — who did it? "
                         "The text does not say (an agentless passive; View ▸ Passives Without a Doer).",
                         lambda: [passive_format()],
                         self._action)]

    def analysis(self, pane: Pane) -> Analysis | None:
        """The analysis with the pane's passives: the one with descriptors (made for the
        comparison) when it is for the shown text, else the pane's own."""
        described, document = self.compare.described.get(pane.side), pane.document
        if described is not None and document is not None and described.text == document.text:
            return described
        return pane.analysis

    def phrases(self, pane: Pane) -> list[tuple[int, int, Passive]]:
        """The agentless passives' verb phrases in `pane` (core spans), in text order."""
        analysis = self.analysis(pane)
        if analysis is None:
            return []
        for known, phrases in self._phrases:
            if known is analysis:
                return phrases
        phrases = agentless(analysis)
        self._phrases = [*self._phrases[-(PHRASE_CACHE - 1):], (analysis, phrases)]
        return phrases

    def layer_spans(self, pane: Pane) -> list[LayerSpan]:
        if pane.document is None:
            return []
        fmt = passive_format()
        # drawn over a framing term's tint too ("mistakes were made"): its underline stays
        return [(a, b, fmt) for a, b, _p in self.phrases(pane)]

    def tooltip_at(self, pane: Pane, offset: int) -> str:
        if pane.document is None:
            return ""
        for start, end, _passive in self.phrases(pane):
            if start <= offset < end:
                return passive_tooltip(pane.document.text[start:end])
        return ""
