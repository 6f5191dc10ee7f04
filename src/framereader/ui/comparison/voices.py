"""The comparison dock's Voices tab: who gets to speak in each text.

One line per text in large type (quotations, the share of its words quoted directly, how many
are introduced by a judging verb), who only one text quotes (only when sure: a text that names
the speaker and has quotations with no named speaker may quote them too, and the line says so),
then a row per speaker (one text's quotations whose speaker is only an unlinked pronoun share a
row of their own, "not named (she)", that claims no one): how many
quotations and quoted words each text gives them and the verbs that introduce them (a verb the
lexicon marks as judging — admitted, insisted, slammed — carries ⚑). Clicking a text's cells
walks that text's quotations of the speaker in its pane; clicking the speaker shows the first.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.export.markup import plural
from ...core.model import SIDES, Side
from ...core.voices.summary import UNATTRIBUTED, Voice, Voices, VoiceSide
from ...core.voices.verbs import verb_display
from ..base import styles

#: Marks a verb that judges the speaker (the lexicon's reporting_verbs).
JUDGING = "⚑"
_COLUMNS = ("Speaker", "Left", "Left: introduced by", "Right", "Right: introduced by")


def _count_text(side: VoiceSide) -> str:
    if not side.count:
        return "—"
    words = f" · {plural(side.words, 'word')}" if side.words else ""
    return f"{side.count}{words}"


def verbs_text(side: VoiceSide) -> str:
    """"said ×2, slammed ⚑" — the attribution verbs, judging ones flagged."""
    return ", ".join(
        f"{verb_display(None if verb == 'according to' else verb)}{' ' + JUDGING if verb in side.judgemental else ''}"
        f"{f' ×{n}' if n > 1 else ''}"
        for verb, n in side.verbs
    )


def summary_html(voices: Voices, names: tuple[str, str]) -> str:
    """The tab's headline: per text, quotations, quoted share and judging verbs; who only one quotes."""
    lines = []
    for side, name in zip(SIDES, names):
        t = voices.totals(side)
        judged = f" · {t.judgemental} introduced by a judging verb {JUDGING}" if t.judgemental else ""
        lines.append(f"<b>{html.escape(name)}</b>: {t.quotes} quotation{'s' if t.quotes != 1 else ''} "
                     f"({t.direct} in quotation marks), {round(t.share * 100)} % of its words quoted{judged}")
    for side, only, unsure, name, other in (
            ("left", voices.only_left, voices.unsure_left, names[0], names[1]),
            ("right", voices.only_right, voices.unsure_right, names[1], names[0])):
        named = [v.speaker for v in only if v.is_actor]
        if named:
            lines.append(f"Only <b>{html.escape(name)}</b> lets {_names(named)} speak.")
        maybe = [v.speaker for v in unsure if v.is_actor]
        if maybe:
            count = voices.not_named("right" if side == "left" else "left")
            them = "them" if len(maybe) > 1 else html.escape(maybe[0])
            lines.append(f"<b>{html.escape(name)}</b> lets {_names(maybe)} speak; <b>{html.escape(other)}</b> names "
                         f"{them} too and may quote {them} among its {count} quotation{'s' if count != 1 else ''} "
                         "with no named speaker.")
    return "<br>".join(lines)


def _names(names: list[str]) -> str:
    return ", ".join(html.escape(n) for n in names[:5]) + (f" and {len(names) - 5} more" if len(names) > 5 else "")


def _speaker_tip(voice: Voice) -> str:
    if voice.speaker == UNATTRIBUTED:
        return "FrameReader found no speaker for these quotations."
    if voice.unnamed:
        pronouns = ", ".join(f"‘{p}’" for p in voice.unnamed)
        return (f"One text's quotations whose speaker is only {pronouns}, which FrameReader could not link to a "
                "name: they may be different people, and nobody in the other text. Click to read them.")
    return "Not a named actor: the speaker as the text gives it."


class VoicesView(QWidget):
    """Who is quoted in each text (see the module's doc)."""

    quote_activated = Signal(str, int, int)  # side, start, end of a quotation (core offsets)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.voices: Voices | None = None
        self._next: dict[tuple[int, Side], int] = {}  # (row, side) → index of the next quotation to show
        self.summary = QLabel("Open two texts to see who is quoted in each.")
        self.summary.setObjectName("VoicesSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setFont(styles.ui_font(12.0))
        self.table = QTableWidget(0, len(_COLUMNS))
        self.table.setHorizontalHeaderLabels(list(_COLUMNS))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setToolTip("Click a text's cell to show that speaker's quotations in its pane, one after another. "
                              f"{JUDGING} marks a verb that judges the speaker (admitted, insisted, slammed…).")
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        header.setMaximumSectionSize(320)  # a long speaker ("campaign finance records") wraps no column away
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.summary.setMinimumWidth(260)
        summary_area = QScrollArea()  # long titles make a long headline: it scrolls, nothing is cut off
        summary_area.setWidget(self.summary)
        summary_area.setWidgetResizable(True)
        summary_area.setFrameShape(QFrame.Shape.NoFrame)
        summary_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        summary_area.setMinimumWidth(260)
        splitter = QSplitter(Qt.Orientation.Horizontal)  # the headline beside the table: a short dock shows both
        splitter.addWidget(summary_area)
        splitter.addWidget(self.table)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 5)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(splitter, 1)
        self.table.cellClicked.connect(self.activate)
        self.table.cellActivated.connect(self.activate)

    def sizeHint(self) -> QSize:
        return QSize(900, 220)

    def clear(self) -> None:
        self.voices = None
        self._next.clear()
        self.summary.setText("Open two texts to see who is quoted in each.")
        self.table.setRowCount(0)

    def set_voices(self, voices: Voices, names: tuple[str, str]) -> None:
        """Show `voices` of the texts called `names`."""
        self.voices = voices
        self._next.clear()
        self.summary.setText(summary_html(voices, names) if voices.voices else "Neither text quotes anyone.")
        # "Left" and "Right" keep the columns narrow (a title would push the right text's columns
        # off a 1440-pixel screen); the header's tooltip gives each text's title.
        self.table.setHorizontalHeaderLabels(list(_COLUMNS))
        for column, (side_word, name) in enumerate((("", ""), ("Left", names[0]), ("Left", names[0]),
                                                   ("Right", names[1]), ("Right", names[1]))):
            header_item = self.table.horizontalHeaderItem(column)
            if header_item is not None and name:
                header_item.setToolTip(f"{side_word} text: {name}")
        self.table.setRowCount(len(voices.voices))
        for row, voice in enumerate(voices.voices):
            cells = [self._speaker_text(voice), _count_text(voice.left), verbs_text(voice.left),
                     _count_text(voice.right), verbs_text(voice.right)]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 0 and not voice.is_actor:
                    font = QFont(item.font())
                    font.setItalic(True)
                    item.setFont(font)
                    item.setToolTip(_speaker_tip(voice))
                if column in (1, 3):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)

    @staticmethod
    def _speaker_text(voice: Voice) -> str:
        """The speaker cell ("speaker not found", "not named (she)", a name)."""
        if voice.speaker == UNATTRIBUTED:
            return "speaker not found"
        return voice.speaker

    def activate(self, row: int, column: int) -> None:
        """Show the speaker's next quotation in the text of the clicked column (the first text
        that quotes them for the speaker column)."""
        if self.voices is None or not 0 <= row < len(self.voices.voices):
            return
        voice = self.voices.voices[row]
        side: Side
        if column in (1, 2):
            side = "left"
        elif column in (3, 4):
            side = "right"
        else:
            side = "left" if voice.left.count else "right"
        quotes = voice.side(side).quotes
        if not quotes:
            return
        index = self._next.get((row, side), 0) % len(quotes)
        self._next[(row, side)] = index + 1
        quote = quotes[index]
        self.quote_activated.emit(side, quote.start, quote.end)
