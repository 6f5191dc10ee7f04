"""The handout's Voices section: who is quoted in each text, how much, and how the text
introduces them (the attribution verbs, judgemental ones starred)."""

from __future__ import annotations

from ..comparison.compare import Comparison
from ..voices.summary import UNATTRIBUTED, Voice, VoiceSide
from ..voices.verbs import verb_display
from .markup import esc, names_list, plural
from .options import HandoutOptions

#: Rows of the table (the most quoted speakers); a note says how many more there are.
MAX_VOICES = 8


def _pct(share: float) -> str:
    return f"{round(share * 100)} %"


def _cell(side: VoiceSide) -> str:
    if not side.count:
        return '<span class="small">—</span>'
    verbs = ", ".join(
        f"{esc(verb_display(verb if verb != 'according to' else None))}{'*' if verb in side.judgemental else ''}"
        f"{f' ×{n}' if n > 1 else ''}" for verb, n in side.verbs)
    words = f", {plural(side.words, 'word')}" if side.words else ""
    count = f"{side.count} quotation{'s' if side.count != 1 else ''}"
    return f"{count}{words} <span class=\"small\">· {verbs}</span>" if verbs else f"{count}{words}"


def _speaker(voice: Voice) -> str:
    if voice.speaker == UNATTRIBUTED:
        return "<i>not attributed</i>"
    return esc(voice.speaker) if voice.is_actor else f"<i>{esc(voice.speaker)}</i>"


def voices_html(comparison: Comparison, options: HandoutOptions) -> str:
    """The Voices table, or "" when neither text quotes anyone."""
    voices = comparison.voices
    if not voices.voices:
        return ""
    left, right = voices.left, voices.right
    rows = "".join(
        f"<tr><td>{_speaker(v)}</td><td>{_cell(v.left)}</td><td>{_cell(v.right)}</td></tr>"
        for v in voices.voices[:MAX_VOICES]
    )
    more = len(voices.voices) - MAX_VOICES
    only = []
    for side, found in (("left", voices.only_left), ("right", voices.only_right)):
        named = [v.speaker for v in found if v.is_actor][:4]
        if named:
            only.append(f"Only the {side} text quotes {names_list(named, 4)}.")
    return (
        '<h2 id="voices">Voices: who is quoted</h2>'
        f'<p class="small">Left: {plural(left.quotes, "quotation")}, {_pct(left.share)} of its words quoted directly. '
        f"Right: {plural(right.quotes, 'quotation')}, {_pct(right.share)} of its words quoted directly. "
        "Speakers in italics are not named in the text (or only by a pronoun); * marks a verb that judges the "
        "speaker (admitted, insisted, slammed…) rather than reporting (said, told).</p>"
        '<table class="data keep voices" width="100%"><tr><th>Speaker</th><th>Left</th><th>Right</th></tr>'
        f"{rows}</table>"
        + (f'<p class="small">…and {plural(more, "more speaker")}.</p>' if more > 0 else "")
        + (f"<p>{' '.join(only)}</p>" if only else "")
    )
