"""The handout's Voices section: who is quoted in each text, how much, and how the text
introduces them (the attribution verbs, judgemental ones starred). "Only the left text quotes
X" is said only when it is sure (`core.voices.summary.Voices.only_left`); when the other text
names X but gives some quotations to no named speaker, the handout says that X may be among them."""

from __future__ import annotations

from ..comparison.compare import Comparison
from ..model import Side
from ..voices.summary import UNATTRIBUTED, Voice, Voices, VoiceSide
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
    count = plural(side.count, "quotation")
    return f"{count}{words} <span class=\"small\">· {verbs}</span>" if verbs else f"{count}{words}"


def _speaker(voice: Voice) -> str:
    if voice.speaker == UNATTRIBUTED:
        return "<i>not attributed</i>"
    return esc(voice.speaker) if voice.is_actor else f"<i>{esc(voice.speaker)}</i>"


def only_lines(voices: Voices) -> list[str]:
    """"Only the left text quotes X." when sure; "The right text names Y too, …" when not."""
    lines = []
    sides: tuple[tuple[Side, Side, tuple[Voice, ...], tuple[Voice, ...]], ...] = (
        ("left", "right", voices.only_left, voices.unsure_left), ("right", "left", voices.only_right, voices.unsure_right))
    for side, other, found, unsure in sides:
        named = [v.speaker for v in found if v.is_actor]
        if named:
            lines.append(f"Only the {side} text quotes {names_list(named, 4)}.")
        maybe = [v.speaker for v in unsure if v.is_actor]
        if maybe:
            lines.append(_maybe_line(side, other, maybe, voices.not_named(other)))
    return lines


def _maybe_line(side: Side, other: Side, names: list[str], not_named: int) -> str:
    """The line for speakers that only `side` quotes by name while `other` may quote them too."""
    listed = names_list(names, 4)
    them = "them" if len(names) > 1 else listed
    quotations = plural(not_named, "quotation")
    return (f"The {side} text quotes {listed}. The {other} text names {them} too and gives {quotations} to no "
            f"named speaker (only ‘he’, ‘she’… or none), so it may quote {them} as well.")


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
    only = only_lines(voices)
    return (
        '<h2 id="voices">Voices: who is quoted</h2>'
        f'<p class="small">Left: {plural(left.quotes, "quotation")}, {_pct(left.share)} of its words quoted directly. '
        f"Right: {plural(right.quotes, 'quotation')}, {_pct(right.share)} of its words quoted directly. "
        "Speakers in italics are not named in the text; “not named (she)” gathers one text's quotations whose "
        "speaker is only a pronoun FrameReader could not link to a name (they may be different people); "
        "* marks a verb that judges the "
        "speaker (admitted, insisted, slammed…) rather than reporting (said, told).</p>"
        '<table class="data keep voices" width="100%"><tr><th>Speaker</th><th>Left</th><th>Right</th></tr>'
        f"{rows}</table>"
        + (f'<p class="small">…and {plural(more, "more speaker")}.</p>' if more > 0 else "")
        + (f"<p>{' '.join(only)}</p>" if only else "")
    )
